/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ISAKMP and IKEv2 payloads (RFC 2408 3, RFC 2407 4, RFC 7296 3), decoded
 * by isakmppl.c for isakmp.c.  Included by those two files only.
 */
#ifndef STRATA_PROTO_ISAKMP_H
#define STRATA_PROTO_ISAKMP_H

#include "fields.h"

#define ISAKMP_MAX_PAYLOADS	32	/* payloads decoded */

/* The rows of st_isakmp_pl[]. */
enum { P_TYPE, P_NEXT, P_CRIT, P_RES7, P_LEN, P_DATA, P_EXTRA, P_ENC,
	P_PNUM, P_PROTO, P_SPISIZE, P_NTRANS, P_SPI, P_TNUM, P_TID, P_TFTYPE,
	P_TFID, P_TFENCR, P_TFPRF, P_TFINTEG, P_TFDH, P_TFESN };
enum { P_RES = P_TFESN + 1, P_DOI, P_SIT, P_SITID, P_SITSEC, P_SITINT,
	P_KEDH, P_KEDATA, P_IDTYPE,
	P_IDPROTO, P_IDPORT, P_IDDATA, P_ID4, P_ID4NET, P_ID4START, P_ID4END,
	P_ID6, P_ID6NET, P_ID6START, P_ID6END, P_IDFQDN, P_IDUFQDN, P_IDKEY,
	P_NONCE, P_HASH, P_SIG, P_NATD, P_VID, P_VIDSTR, P_NDOI, P_NPROTO,
	P_NSPISIZE, P_NTYPE, P_NDATA, P_DDOI, P_DPROTO, P_DNUM, P_DSPI,
	P_AUTHM, P_AUTHD, P_ENCIV, P_ENCDATA, P_DATAPL };
enum { P_ATTR = P_DATAPL + 1, P_ATTRV = P_ATTR + 12,
	P_COUNT = P_ATTRV + 15 };

extern const struct st_field_desc st_isakmp_pl[P_COUNT];
extern const struct st_valname st_isakmp_payload_names[];
/* isakmp.nextpayload, spelt once: the header's and each payload's. */
extern const char st_isakmp_nextpayload[];

/*
 * The payload chain in the n bytes at c, the first of type type, of IKE
 * version ver (1, 2, or another: headers only); past the chain, extra
 * data.  Marks the layer when a payload's length lies.
 */
void	st_isakmp_payloads(struct st_dctx *d, struct st_cur c, size_t n,
    unsigned type, unsigned ver);

#endif
