/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What ssh.c (banner, binary packets, the conversations' state) and
 * sshkex.c (KEXINIT, the negotiated method, the key exchange's bodies)
 * share.  Private to those two files.
 */
#ifndef STRATA_PROTO_SSH_H
#define STRATA_PROTO_SSH_H

#include <stddef.h>
#include <stdint.h>

#include "fields.h"

#define SSH_NLISTS	10
#define SSH_LIST	1024	/* bytes of one algorithm list shown */

enum { F_PROTO, F_DIR, F_PLEN, F_PADLEN, F_CODE, F_PAD, F_PAYLOAD, F_ENCLEN,
	F_ENC, F_COOKIE, F_FIRST, F_RESERVED, F_HASSHALG, F_HASSH, F_HASSHSALG,
	F_HASSHS, F_SEQ, F_LIST0,
	/* the key exchange's bodies (RFC 4253 8, RFC 4419, RFC 5656 4) */
	F_HKLEN = F_LIST0 + 2 * SSH_NLISTS, F_HKTLEN, F_HKTYPE, F_HKDATA,
	F_RSAE, F_RSAN, F_DSAP, F_DSAQ, F_DSAG, F_DSAY, F_ECIDLEN, F_ECID,
	F_ECQLEN, F_ECQ, F_EDLEN, F_EDKEY, F_HSLEN, F_HSTLEN, F_HSTYPE,
	F_HSDATA, F_MPLEN, F_DHE, F_DHF, F_GEXMIN, F_GEXNBITS, F_GEXMAX,
	F_GEXP, F_GEXG, F_QCLEN, F_QC, F_QSLEN, F_QS, F_CODE1, F_HSRSA, F_HSDSA, F_NSSH };

/* The key exchange methods whose messages 30 to 49 are read. */
enum { SSH_KEX_NONE, SSH_KEX_ECDH, SSH_KEX_DH, SSH_KEX_GEX };

extern const struct st_field_desc ssh_fields[F_NSSH];
extern const struct st_valname ssh_code_names[];

uint32_t ssh_be32(const uint8_t *p);
int	ssh_to_server(const struct st_dctx *d);
void	ssh_gentext(struct st_dctx *d, int f, const char *s);

/* ssh.c: this direction's KEXINIT method list, once; the conversation's
 * method is chosen when both sides' are known. */
void	ssh_conn_kexlist(struct st_dctx *d, const uint8_t *p, size_t n);

/* sshkex.c */
size_t	ssh_kexinit(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
	    size_t end);
int	ssh_kex_choose(const uint8_t *cl, size_t cn, const uint8_t *sl,
	    size_t sn);
size_t	ssh_kex_body(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
	    size_t end, unsigned code, int kex);

#endif
