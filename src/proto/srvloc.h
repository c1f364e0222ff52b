/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SLP's rows (srvlocrows.c), for srvloc.c: its field table with
 * Wireshark's names and the value names the decoder and the summary read.
 * Included by those two files only.
 */
#ifndef STRATA_PROTO_SRVLOC_H
#define STRATA_PROTO_SRVLOC_H

#include "fields.h"

enum {
	/* version 2 header */
	H_VER, H_FN, H_LEN2, H_FLAGS2, H_O2, H_F2, H_R2, H_NEXT, H_XID,
	H_LTLEN, H_LT,
	/* version 1 header */
	H_LEN1, H_FLAGS1, H_O1, H_M1, H_U1, H_A1, H_F1, H_DIALECT, H_LANG,
	H_ENC, H_TID,
	/* bodies: every row from the cursor at its start */
	B_ERR, B_ERR2, SQ_PRLEN, SQ_PR, SQ_STLEN, SQ_STL, SQ_SCLEN, SQ_SC,
	SQ_PREDLEN, SQ_PRED, SQ_SPILEN, SQ_SPI, B_URLCOUNT,
	U_RES, U_LIFE, U_LEN, U_URL, U_NAUTH,
	A_BSD, A_LEN, A_TS, A_SPILEN, A_SPI,
	RG_ST, RG_ATTRLEN, RG_ATTR, B_ITEM, B_ATTRAUTH,
	DR_SCLEN, DR_SC, DR_TAGLEN, DR_TAG,
	AQ_PRLEN, AQ_PR, AQ_URLLEN, AQ_URL, AQ_SCLEN, AQ_SC, AQ_ATTRLEN,
	AQ_ATTR, AQ_TAGLEN, AQ_TAG, AQ_SPILEN, AQ_SPI,
	AR_LEN, AR_ATTR,
	DA_TS, DA_URLLEN, DA_URL, DA_SCLEN, DA_SC, DA_ATTRLEN, DA_ATTR,
	DA_SPILEN, DA_SPI, DA_AUTHS,
	TQ_PRLEN, TQ_PR, TQ_NALEN, TQ_NA, TQ_SCLEN, TQ_SC,
	TR_COUNT, TR_LEN, TR_TYPE, TR_LISTLEN, TR_LIST,
	SA_URLLEN, SA_URL, SA_SCLEN, SA_SC, SA_ATTRLEN, SA_ATTR, SA_AUTHS,
	S_NFIELDS
};

extern const struct st_valname slp_functions[];
extern const struct st_field_desc slp_fields[S_NFIELDS];

#endif /* STRATA_PROTO_SRVLOC_H */
