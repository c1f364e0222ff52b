/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LISP control's rows (lisprows.c), for lispctl.c: its field table with
 * Wireshark's names and the value names the decoder and the summary
 * read.  Included by those two files only.
 */
#ifndef STRATA_PROTO_LISPCTL_H
#define STRATA_PROTO_LISPCTL_H

#include "fields.h"

enum { T_MREQ = 1, T_MREP, T_MREG, T_MNOT, T_MREF = 6, T_INFO, T_ECM };
enum { AFI_NONE = 0, AFI_IPV4 = 1, AFI_IPV6 = 2, AFI_MAC = 6,
	AFI_LCAF = 16387, AFI_EUI48 = 16389 };

enum { F_TYPE, F_RECORDS, F_NONCE,
	/* Map-Request */
	F_MREQ_FLAGS, F_MREQ_A, F_MREQ_M, F_MREQ_P, F_MREQ_S, F_MREQ_PI,
	F_MREQ_SI, F_MREQ_RES, F_IRC,
	F_SRC_AFI, F_SRC_STR, F_SRC_V4, F_SRC_V6, F_SRC_MAC,
	F_ITR, F_ITR_AFI, F_ITR_V4, F_ITR_V6,
	F_REC, F_REC_RES, F_REC_LEN, F_REC_AFI, F_REC_V4, F_REC_V6, F_REC_MAC,
	F_MREP_REC,
	/* Map-Reply */
	F_MREP_P, F_MREP_E, F_MREP_S, F_MREP_RES,
	/* Map-Register */
	F_MREG_P, F_MREG_S, F_MREG_I, F_MREG_R, F_MREG_RES, F_MREG_M,
	/* Map-Notify */
	F_MNOT_I, F_MNOT_R, F_MNOT_RES,
	/* Map-Referral */
	F_MREF_RES,
	/* ECM */
	F_ECM_S, F_ECM_D, F_ECM_RES,
	/* authentication, xTR-ID */
	F_KEYID, F_AUTHLEN, F_AUTH, F_XTRID, F_SITEID,
	F_MSRTR_KEYID, F_MSRTR_AUTHLEN, F_MSRTR_AUTH,
	/* a mapping record, from its start */
	F_MAP, F_MAP_TTL, F_MAP_LOCCNT, F_MAP_MASK, F_MAP_ACT, F_MAP_AUTH,
	F_REF_INC, F_MAP_RES1, F_MAP_RES2, F_REF_SIGCNT, F_MAP_VER,
	F_MAP_AFI, F_MAP_V4, F_MAP_V6, F_MAP_MAC,
	/* a locator record, from its start */
	F_LOC, F_LOC_PRIO, F_LOC_WEIGHT, F_LOC_MPRIO, F_LOC_MWEIGHT,
	F_LOC_FLAGS, F_LOC_RES, F_LOC_L, F_LOC_P, F_LOC_R, F_LOC_AFI,
	F_LOC_ADDR,
	/* an LCAF, from its start after the AFI */
	F_LCAF, F_LCAF_HDR, F_LCAF_RES1, F_LCAF_FLAGS, F_LCAF_TYPE,
	F_LCAF_RES2, F_LCAF_LEN, F_IID, F_IID_AFI, F_IID_V4, F_IID_V6,
	F_LCAF_BODY,
	/* Info-Request and Info-Reply */
	F_INFO_R, F_INFO_RES1, F_INFO_TTL, F_INFO_RES2, F_INFO_MASK,
	F_INFO_PAFI, F_INFO_V4, F_INFO_V6, F_INFO_AFI, F_NROWS };

extern const struct st_valname lisp_type_names[], lisp_act_names[],
    lisp_lcaf_names[];
extern const struct st_field_desc lispctl_fields[F_NROWS];

/*
 * The bytes of an address of AFI afi at byte off of c: 0 for none, -1
 * when the AFI is one strata cannot measure (or the LCAF's length is not
 * captured), which ends what can be read.
 */
long	lisp_addr_len(struct st_cur *c, size_t off, unsigned afi);
/* The address of AFI afi at byte off of c as text ("10.0.0.1", "[7]
 * 10.7.0.0" for an instance-ID LCAF), in buf (n bytes) or a constant. */
const char *lisp_addr_text(struct st_cur *c, size_t off, unsigned afi,
    char *buf, size_t n);

#endif /* STRATA_PROTO_LISPCTL_H */
