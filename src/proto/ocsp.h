/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OCSP's rows (ocsprows.c), for ocsp.c: its field table with Wireshark's
 * names (OCSP's own, and pkix1explicit's for the extensions its tree
 * holds).  Included by those two files only.
 */
#ifndef STRATA_PROTO_OCSP_H
#define STRATA_PROTO_OCSP_H

#include "x509.h"

enum {
	O_TBSREQ, O_VERSION, O_REQNAME, O_REQLIST, O_REQ, O_REQCERT, O_HASHALG,
	O_NAMEHASH, O_KEYHASH, O_SERIAL, O_SREQEXTS, O_REQEXTS, O_OPTSIG,
	O_SIGALG, O_SIG, O_CERTS, O_CERT, O_STATUS, O_RBYTES, O_RTYPE,
	O_RESPONSE, O_BASIC, O_TBSRESP, O_RESPID, O_BYNAME, O_BYKEY,
	O_PRODUCED, O_RESPONSES, O_SINGLE, O_CERTID, O_CSTATUS, O_GOOD,
	O_REVOKED, O_UNKNOWN, O_REVTIME, O_REASON, O_THIS, O_NEXT, O_SEXTS,
	O_RESPEXTS, O_NONCE, O_EXT, O_EXTID, O_CRITICAL, O_EXTVAL, O_NOCSP
};

extern const struct st_field_desc ocsp_fields[O_NOCSP];

#endif
