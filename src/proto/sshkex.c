/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SSH's key exchange (RFC 4253 7 and 8): KEXINIT's lists and its HASSH
 * fingerprint, the method both sides agree on (RFC 4253 7.1: the
 * client's first that the server also offers), and the bodies of
 * messages 30 to 34 by that method: (EC)DH init and reply (RFC 4253 8,
 * RFC 5656 4) and the group exchange (RFC 4419), with the server's host
 * key and signature.  A companion of ssh.c.
 */
#include <string.h>

#include "strata/hash.h"
#include "ssh.h"

#define SSH_MAXMETH	64	/* bytes of one method name compared */
#define SSH_MAXNAMES	64	/* names of one list looked at */

/* The HASSH string of one side's lists and its MD5 (salesforce/hassh). */
static void
hassh(struct st_dctx *d, const size_t off[SSH_NLISTS],
    const size_t len[SSH_NLISTS], const uint8_t *p, int client)
{
	static const int which[2][4] = { { 0, 3, 5, 7 }, { 0, 2, 4, 6 } };
	char s[4 * SSH_LIST * 4 + 8], hex[33];
	struct st_md5 m;
	uint8_t md[16];
	size_t k = 0, n;
	int i, l;

	for (i = 0; i < 4; i++) {
		l = which[client][i];
		if (i > 0)
			s[k++] = ';';
		n = len[l] < SSH_LIST ? len[l] : SSH_LIST;
		k += st_escape(p + off[l], n, s + k, sizeof(s) - k);
	}
	s[k] = '\0';
	st_md5_init(&m);
	st_md5_add(&m, s, k);
	st_md5_end(&m, md);
	st_hex(md, 16, hex);
	ssh_gentext(d, client ? F_HASSHALG : F_HASSHSALG, s);
	ssh_gentext(d, client ? F_HASSH : F_HASSHS, hex);
}

/* KEXINIT's body from 6 to end: cookie, ten name-lists, a flag.  Returns
 * where it ended, or 0 when it was not all there (Wireshark counts the
 * packet only then). */
size_t
ssh_kexinit(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t end)
{
	char buf[SSH_LIST * 4 + 8];
	size_t pos = 22, off[SSH_NLISTS], len[SSH_NLISTS];
	struct st_field *f;
	uint32_t n;
	int i;

	if (end < pos)
		return 0;
	st_dbytes(d, c, &ssh_fields[F_COOKIE], 6, 16);
	for (i = 0; i < SSH_NLISTS; i++) {
		if (end - pos < 4)
			return 0;
		n = ssh_be32(p + pos);
		if ((f = st_dbytes(d, c, &ssh_fields[F_LIST0 + 2 * i], pos,
		    4)) != NULL)
			f->val = n;
		pos += 4;
		if (n > end - pos) {
			st_dmalformed(d, "a name-list longer than its packet");
			return 0;
		}
		st_escape(p + pos, n < SSH_LIST ? n : SSH_LIST, buf,
		    sizeof(buf));
		st_dtext(d, c, &ssh_fields[F_LIST0 + 2 * i + 1], pos, n, buf);
		off[i] = pos;
		len[i] = n;
		pos += n;
	}
	if (end - pos < 5)
		return 0;
	if ((f = st_dbytes(d, c, &ssh_fields[F_FIRST], pos, 1)) != NULL)
		f->val = p[pos];
	st_dbytes(d, c, &ssh_fields[F_RESERVED], pos + 1, 4);
	hassh(d, off, len, p, ssh_to_server(d));
	/* Wireshark takes the methods from a KEXINIT read whole only */
	ssh_conn_kexlist(d, p + off[0], len[0]);
	return pos + 5;
}

/* Which bodies a method's messages 30 to 49 have, as Wireshark 4.0 reads
 * them; a method it does not know keeps its default, Diffie-Hellman. */
static int
kex_kind(const uint8_t *p, size_t n)
{
	static const struct { const char *pfx; int kind; } k[] = {
		{ "diffie-hellman-group-exchange", SSH_KEX_GEX },
		{ "diffie-hellman-group", SSH_KEX_DH }, { "ecdh-", SSH_KEX_ECDH },
		{ "curve25519", SSH_KEX_ECDH }, { "curve448", SSH_KEX_ECDH },
		{ "sntrup", SSH_KEX_ECDH }, { "mlkem", SSH_KEX_ECDH },
	};
	size_t i, l;

	for (i = 0; i < NFIELDS(k); i++) {
		l = strlen(k[i].pfx);
		if (n >= l && memcmp(p, k[i].pfx, l) == 0)
			return k[i].kind;
	}
	return SSH_KEX_DH;
}

/* Whether the comma-separated list l (n bytes) names m (mn bytes). */
static int
has_name(const uint8_t *l, size_t n, const uint8_t *m, size_t mn)
{
	size_t i = 0, e;
	int k;

	for (k = 0; k < SSH_MAXNAMES && i <= n; k++) {
		for (e = i; e < n && l[e] != ','; e++)
			;
		if (e - i == mn && memcmp(l + i, m, mn) == 0)
			return 1;
		i = e + 1;
	}
	return 0;
}

/*
 * The method both sides agree on (RFC 4253 7.1): the first of the
 * client's list that the server's also names; its kind (SSH_KEX_*).
 * Without a common one, Wireshark's default (Diffie-Hellman).
 */
int
ssh_kex_choose(const uint8_t *cl, size_t cn, const uint8_t *sl, size_t sn)
{
	size_t i = 0, e;
	int k;

	for (k = 0; k < SSH_MAXNAMES && i < cn; k++) {
		for (e = i; e < cn && cl[e] != ','; e++)
			;
		if (e > i && e - i <= SSH_MAXMETH &&
		    has_name(sl, sn, cl + i, e - i))
			return kex_kind(cl + i, e - i);
		i = e + 1;
	}
	return SSH_KEX_DH;
}

/* A uint32 field at *pos, its value in *v; *pos moved on.  0 past end. */
static int
u32f(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t end,
    size_t *pos, int f, uint32_t *v)
{
	struct st_field *fl;

	if (end < *pos || end - *pos < 4)
		return 0;
	*v = ssh_be32(p + *pos);
	if ((fl = st_dbytes(d, c, &ssh_fields[f], *pos, 4)) != NULL)
		fl->val = *v;
	*pos += 4;
	return 1;
}

/*
 * A uint32 length field (flen) at *pos and the lf bytes it counts (f:
 * text or bytes) after it; *pos moved past them.  0 when they run past
 * end (Wireshark stops the packet there), else 1.  The bytes' start is
 * returned in *at and their length in *n when asked.
 */
static int
lenthen(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t end,
    size_t *pos, int flen, int f, size_t *at, uint32_t *n)
{
	char buf[256 * 4 + 8];
	uint32_t l;

	if (!u32f(d, c, p, end, pos, flen, &l) || l > end - *pos)
		return 0;
	if (ssh_fields[f].fmt == ST_FMT_TEXT) {
		st_escape(p + *pos, l < 256 ? l : 256, buf, sizeof(buf));
		st_dtext(d, c, &ssh_fields[f], *pos, l, buf);
	} else if (l > 0)
		st_dbytes(d, c, &ssh_fields[f], *pos, l);
	if (at != NULL)
		*at = *pos;
	if (n != NULL)
		*n = l;
	*pos += l;
	return 1;
}

static int
is(const uint8_t *p, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(p, s, n) == 0;
}

static int
starts(const uint8_t *p, size_t n, const char *s)
{
	return n >= strlen(s) && memcmp(p, s, strlen(s)) == 0;
}

/* The server's host key (RFC 4253 6.6): a length, its type, then the
 * type's parts; *pos moved past the whole key.  0 past end. */
static int
host_key(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t end,
    size_t *pos)
{
	static const int rsa[] = { F_RSAE, F_RSAN },
	    dsa[] = { F_DSAP, F_DSAQ, F_DSAG, F_DSAY };
	size_t t, kend;
	uint32_t tn, klen;
	int i;

	if (!u32f(d, c, p, end, pos, F_HKLEN, &klen))
		return 0;
	kend = *pos + klen;
	if (!lenthen(d, c, p, end, pos, F_HKTLEN, F_HKTYPE, &t, &tn))
		return 0;
	if (is(p + t, tn, "ssh-rsa")) {
		for (i = 0; i < 2; i++)
			if (!lenthen(d, c, p, end, pos, F_MPLEN, rsa[i], NULL,
			    NULL))
				return 0;
	} else if (is(p + t, tn, "ssh-dss")) {
		for (i = 0; i < 4; i++)
			if (!lenthen(d, c, p, end, pos, F_MPLEN, dsa[i], NULL,
			    NULL))
				return 0;
	} else if (starts(p + t, tn, "ecdsa-sha2-")) {
		if (!lenthen(d, c, p, end, pos, F_ECIDLEN, F_ECID, NULL,
		    NULL) || !lenthen(d, c, p, end, pos, F_ECQLEN, F_ECQ, NULL,
		    NULL))
			return 0;
	} else if (is(p + t, tn, "ssh-ed25519")) {
		if (!lenthen(d, c, p, end, pos, F_EDLEN, F_EDKEY, NULL, NULL))
			return 0;
	} else if (kend > *pos && kend <= end)
		st_dbytes(d, c, &ssh_fields[F_HKDATA], *pos, kend - *pos);
	*pos = kend;
	return kend <= end;
}

/* The exchange hash's signature (RFC 4253 6.6): a length, its type, and
 * for RSA with SHA-2 (RFC 8332) the rest as data, as Wireshark shows it. */
static int
host_sig(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t end,
    size_t *pos)
{
	size_t t, send;
	uint32_t tn, slen;

	if (!u32f(d, c, p, end, pos, F_HSLEN, &slen))
		return 0;
	send = *pos + slen;
	if (!lenthen(d, c, p, end, pos, F_HSTLEN, F_HSTYPE, &t, &tn))
		return 0;
	if (starts(p + t, tn, "rsa-sha2-") && send > *pos && send <= end)
		st_dbytes(d, c, &ssh_fields[F_HSDATA], *pos, send - *pos);
	*pos = send;
	return send <= end;
}

/* GEX request (34; 30 is the old one with nbits alone): uint32s. */
static size_t
gex_request(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t end, size_t pos, int old)
{
	static const int f[] = { F_GEXMIN, F_GEXNBITS, F_GEXMAX };
	struct st_field *fl;
	int i;

	for (i = old; i < (old ? 2 : 3); i++) {
		if (end - pos < 4)
			return 0;
		if ((fl = st_dbytes(d, c, &ssh_fields[f[i]], pos, 4)) != NULL)
			fl->val = ssh_be32(p + pos);
		pos += 4;
	}
	return pos;
}

/*
 * The body of message code (30 to 49) by the conversation's method, from
 * offset 6 to at most end; returns where it ended (6 when the method gives
 * that code no body), or 0 when a part ran past end.
 */
size_t
ssh_kex_body(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t end, unsigned code, int kex)
{
	size_t pos = 6;
	int ok = 1;

	if (kex == SSH_KEX_ECDH && code == 30)
		ok = lenthen(d, c, p, end, &pos, F_QCLEN, F_QC, NULL, NULL);
	else if (kex == SSH_KEX_ECDH && code == 31)
		ok = host_key(d, c, p, end, &pos) && lenthen(d, c, p, end,
		    &pos, F_QSLEN, F_QS, NULL, NULL) && host_sig(d, c, p, end,
		    &pos);
	else if ((kex == SSH_KEX_DH && code == 30) ||
	    (kex == SSH_KEX_GEX && code == 32))
		ok = lenthen(d, c, p, end, &pos, F_MPLEN, F_DHE, NULL, NULL);
	else if ((kex == SSH_KEX_DH && code == 31) ||
	    (kex == SSH_KEX_GEX && code == 33))
		ok = host_key(d, c, p, end, &pos) && lenthen(d, c, p, end,
		    &pos, F_MPLEN, F_DHF, NULL, NULL) && host_sig(d, c, p, end,
		    &pos);
	else if (kex == SSH_KEX_GEX && (code == 30 || code == 34))
		return gex_request(d, c, p, end, pos, code == 30);
	else if (kex == SSH_KEX_GEX && code == 31)
		ok = lenthen(d, c, p, end, &pos, F_MPLEN, F_GEXP, NULL, NULL) &&
		    lenthen(d, c, p, end, &pos, F_MPLEN, F_GEXG, NULL, NULL);
	return ok ? pos : 0;
}
