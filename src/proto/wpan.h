/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.15.4's rows (wpanrows.c), for wpan.c: its field table with
 * Wireshark's names, and the value names the summary reads.  Included by
 * those two files only.
 */
#ifndef STRATA_PROTO_WPAN_H
#define STRATA_PROTO_WPAN_H

#include "fields.h"

enum {
	F_LEN, F_FCF, F_TYPE, F_SEC, F_PEND, F_ACKR, F_COMP, F_RES, F_SNS,
	F_IE, F_DAM, F_VER, F_SAM, F_SEQ, F_DPAN, F_DST16, F_DST64, F_SPAN,
	F_SRC16, F_SRC64,
	F_SCF, F_SLVL, F_KIM, F_FCSUP, F_ASN, F_SRES, F_FCNT, F_KSRC,
	F_KIDX, F_FCNT03, F_KSC, F_MIC,
	F_SFS, F_BO, F_SO, F_CAP, F_BEXT, F_COORD, F_APERMIT,
	F_GTS, F_GTSCNT, F_GTSPERMIT, F_GTSDIRS, F_GTSDIR, F_GTSADDR,
	F_GTSSLOT, F_PSPEC, F_P16, F_P64,
	F_CMD, F_CINFO, F_CALT, F_CDEV, F_CPWR, F_CIDLE, F_CSEC, F_CALLOC,
	F_AADDR, F_ASTAT, F_DREASON, F_GREQ, F_GLEN, F_GDIR, F_GTYPE,
	F_FCS, F_FCSOK, F_RSSI, F_META, F_CORR,
	F_NROWS
};

extern const struct st_valname wpan_type_names[], wpan_cmd_names[];
extern const struct st_field_desc wpan_fields[F_NROWS];

#endif /* STRATA_PROTO_WPAN_H */
