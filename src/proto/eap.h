/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAP's identities and its EAP-SIM and EAP-AKA attributes, decoded by
 * eapsim.c for the EAP layer of eapol.c.  Included by those two files only.
 */
#ifndef STRATA_PROTO_EAP_H
#define STRATA_PROTO_EAP_H

#include "fields.h"

/* The rows of st_eap_more[]: an identity's parts, then the attribute rows
 * of EAP-SIM (from M_SIM) and the same of EAP-AKA (from M_AKA). */
enum {
	M_IDPREFIX, M_IDTYPE, M_IDFULL, M_IDMCC, M_IDCERT, M_IDPAD, M_IDALEN,
	M_SIM, M_AKA = M_SIM + 7, M_NMORE = M_AKA + 7
};
/* Offsets from M_SIM or M_AKA. */
enum { M_SUB, M_RES, M_ATYPE, M_ALEN, M_NOTIF, M_ERR, M_VALUE };

extern const struct st_field_desc st_eap_more[M_NMORE];

/*
 * The identity of n bytes at byte off past c's position (RFC 3748 5.1, as
 * an NAI, or the 3GPP forms of TS 23.003 19.3 Wireshark splits up), with
 * ident the row of the identity itself.
 */
void	st_eap_identity(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *ident, size_t off, size_t n);

/*
 * The type data of an EAP-SIM (RFC 4186) or, with aka set, EAP-AKA and
 * AKA' (RFC 4187, RFC 5448) request or response of len bytes in all:
 * subtype, reserved, then attributes of type, length (in 4-byte units)
 * and value.  Returns ST_OK, ST_ETRUNC or ST_EINVAL (the layer marked).
 */
int	st_eap_simaka(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *ident, size_t len, int aka);

#endif
