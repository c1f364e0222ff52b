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

/* The field table of ssh.c's descriptor (here for the files' sizes). */
#define L(n, l)	FD(NULL, "ssh." n "_length", l " length", 0, 32, ST_FMT_DEC), \
	FD(NULL, "ssh." n, l, 0, 0, ST_FMT_TEXT)

const struct st_valname ssh_code_names[] = {
	{ 1, "Disconnect" }, { 2, "Ignore" }, { 3, "Unimplemented" },
	{ 4, "Debug" }, { 5, "Service Request" }, { 6, "Service Accept" },
	{ 7, "Extension Information" }, { 20, "Key Exchange Init" },
	{ 21, "New Keys" }, { 30, "Key Exchange Init (DH or ECDH)" },
	{ 31, "Key Exchange Reply (DH or ECDH)" }, { 0, NULL }
};

/* SSH 1's message types (draft-ylonen-ssh-protocol-00 5) */
static const struct st_valname code1_names[] = {
	{ 1, "Disconnect" }, { 2, "Public Key" }, { 3, "Session Key" },
	{ 4, "User" }, { 5, "Auth Rhosts" }, { 6, "Auth RSA" },
	{ 9, "Auth Password" }, { 14, "Success" }, { 15, "Failure" },
	{ 0, NULL }
};

const struct st_field_desc ssh_fields[F_NSSH] = {
	[F_PROTO] = FD("banner", "ssh.protocol", "Protocol", 0, 0,
	    ST_FMT_TEXT),
	[F_DIR] = FDG("ssh.direction", "Direction (0: client to server)",
	    ST_FMT_DEC, NULL),
	[F_PLEN] = FD("len", "ssh.packet_length", "Packet Length", 0, 32,
	    ST_FMT_DEC),
	[F_PADLEN] = FD("padlen", "ssh.padding_length", "Padding Length", 32,
	    8, ST_FMT_DEC),
	[F_CODE] = FDN("code", "ssh.message_code", "Message Code", 40, 8,
	    ST_FMT_DEC, ssh_code_names),
	[F_PAD] = FD(NULL, "ssh.padding_string", "Padding String", 0, 0,
	    ST_FMT_BYTES),
	[F_PAYLOAD] = FD(NULL, "ssh.payload", "Payload", 0, 0, ST_FMT_BYTES),
	[F_ENCLEN] = FD(NULL, "ssh.packet_length_encrypted",
	    "Packet length (encrypted)", 0, 32, ST_FMT_BYTES),
	[F_ENC] = FD(NULL, "ssh.encrypted_packet", "Encrypted Packet", 0, 0,
	    ST_FMT_BYTES),
	[F_COOKIE] = FD(NULL, "ssh.cookie", "Cookie", 0, 128, ST_FMT_BYTES),
	[F_FIRST] = FD(NULL, "ssh.first_kex_packet_follows",
	    "First KEX Packet Follows", 0, 8, ST_FMT_DEC),
	[F_RESERVED] = FD(NULL, "ssh.kex.reserved", "Reserved", 0, 32,
	    ST_FMT_BYTES),
	[F_HASSHALG] = FDG("ssh.kex.hassh_algorithms", "hasshAlgorithms",
	    ST_FMT_TEXT, NULL),
	[F_HASSH] = FDG("ssh.kex.hassh", "hassh fingerprint", ST_FMT_TEXT,
	    NULL),
	[F_HASSHSALG] = FDG("ssh.kex.hasshserver_algorithms",
	    "hasshServerAlgorithms", ST_FMT_TEXT, NULL),
	[F_HASSHS] = FDG("ssh.kex.hasshserver", "hasshServer fingerprint",
	    ST_FMT_TEXT, NULL),
	[F_SEQ] = FDG("ssh.seq_num", "Sequence number", ST_FMT_DEC, NULL),
	L("kex_algorithms", "kex_algorithms"),
	L("server_host_key_algorithms", "server_host_key_algorithms"),
	L("encryption_algorithms_client_to_server",
	    "encryption_algorithms_client_to_server"),
	L("encryption_algorithms_server_to_client",
	    "encryption_algorithms_server_to_client"),
	L("mac_algorithms_client_to_server", "mac_algorithms_client_to_server"),
	L("mac_algorithms_server_to_client", "mac_algorithms_server_to_client"),
	L("compression_algorithms_client_to_server",
	    "compression_algorithms_client_to_server"),
	L("compression_algorithms_server_to_client",
	    "compression_algorithms_server_to_client"),
	L("languages_client_to_server", "languages_client_to_server"),
	L("languages_server_to_client", "languages_server_to_client"),
	[F_CODE1] = FDN(NULL, "ssh.message_code", "Message Code", 0, 8,
	    ST_FMT_DEC, code1_names),
	[F_HSRSA] = FD(NULL, "ssh.host_sig.rsa", "RSA signature", 0, 0,
	    ST_FMT_BYTES),
	[F_HSDSA] = FD(NULL, "ssh.host_sig.dsa", "DSA signature", 0, 0,
	    ST_FMT_BYTES),
	[F_HKLEN] = FD(NULL, "ssh.host_key.length", "Host key length", 0, 32,
	    ST_FMT_DEC),
	[F_HKTLEN] = FD(NULL, "ssh.host_key.type_length",
	    "Host key type length", 0, 32, ST_FMT_DEC),
	[F_HKTYPE] = FD(NULL, "ssh.host_key.type", "Host key type", 0, 0,
	    ST_FMT_TEXT),
	[F_HKDATA] = FD(NULL, "ssh.host_key.data", "Host key data", 0, 0,
	    ST_FMT_BYTES),
	[F_RSAE] = FD(NULL, "ssh.host_key.rsa.e", "RSA public exponent (e)",
	    0, 0, ST_FMT_BYTES),
	[F_RSAN] = FD(NULL, "ssh.host_key.rsa.n", "RSA modulus (N)", 0, 0,
	    ST_FMT_BYTES),
	[F_DSAP] = FD(NULL, "ssh.host_key.dsa.p", "DSA prime modulus (p)", 0,
	    0, ST_FMT_BYTES),
	[F_DSAQ] = FD(NULL, "ssh.host_key.dsa.q", "DSA prime divisor (q)", 0,
	    0, ST_FMT_BYTES),
	[F_DSAG] = FD(NULL, "ssh.host_key.dsa.g",
	    "DSA subgroup generator (g)", 0, 0, ST_FMT_BYTES),
	[F_DSAY] = FD(NULL, "ssh.host_key.dsa.y", "DSA public key (y)", 0, 0,
	    ST_FMT_BYTES),
	[F_ECIDLEN] = FD(NULL, "ssh.host_key.ecdsa.id_length",
	    "ECDSA elliptic curve identifier length", 0, 32, ST_FMT_DEC),
	[F_ECID] = FD(NULL, "ssh.host_key.ecdsa.id",
	    "ECDSA elliptic curve identifier", 0, 0, ST_FMT_TEXT),
	[F_ECQLEN] = FD(NULL, "ssh.host_key.ecdsa.q_length",
	    "ECDSA public key length", 0, 32, ST_FMT_DEC),
	[F_ECQ] = FD(NULL, "ssh.host_key.ecdsa.q", "ECDSA public key (Q)", 0,
	    0, ST_FMT_BYTES),
	[F_EDLEN] = FD(NULL, "ssh.host_key.eddsa.key_length",
	    "EdDSA public key length", 0, 32, ST_FMT_DEC),
	[F_EDKEY] = FD(NULL, "ssh.host_key.eddsa.key", "EdDSA public key", 0,
	    0, ST_FMT_BYTES),
	[F_HSLEN] = FD(NULL, "ssh.host_sig.length", "Host signature length",
	    0, 32, ST_FMT_DEC),
	[F_HSTLEN] = FD(NULL, "ssh.host_sig.type_length",
	    "Host signature type length", 0, 32, ST_FMT_DEC),
	[F_HSTYPE] = FD(NULL, "ssh.host_sig.type", "Host signature type", 0,
	    0, ST_FMT_TEXT),
	[F_HSDATA] = FD(NULL, "ssh.host_sig.data", "Host signature data", 0,
	    0, ST_FMT_BYTES),
	[F_MPLEN] = FD(NULL, "ssh.mpint_length",
	    "Multi Precision Integer Length", 0, 32, ST_FMT_DEC),
	[F_DHE] = FD(NULL, "ssh.dh.e", "DH client e", 0, 0, ST_FMT_BYTES),
	[F_DHF] = FD(NULL, "ssh.dh.f", "DH server f", 0, 0, ST_FMT_BYTES),
	[F_GEXMIN] = FD(NULL, "ssh.dh_gex.min", "DH GEX Min", 0, 32,
	    ST_FMT_DEC),
	[F_GEXNBITS] = FD(NULL, "ssh.dh_gex.nbits", "DH GEX Number of Bits",
	    0, 32, ST_FMT_DEC),
	[F_GEXMAX] = FD(NULL, "ssh.dh_gex.max", "DH GEX Max", 0, 32,
	    ST_FMT_DEC),
	[F_GEXP] = FD(NULL, "ssh.dh_gex.p", "DH GEX modulus (P)", 0, 0,
	    ST_FMT_BYTES),
	[F_GEXG] = FD(NULL, "ssh.dh_gex.g", "DH GEX base (G)", 0, 0,
	    ST_FMT_BYTES),
	[F_QCLEN] = FD(NULL, "ssh.ecdh.q_c_length",
	    "ECDH client's ephemeral public key length", 0, 32, ST_FMT_DEC),
	[F_QC] = FD(NULL, "ssh.ecdh.q_c",
	    "ECDH client's ephemeral public key (Q_C)", 0, 0, ST_FMT_BYTES),
	[F_QSLEN] = FD(NULL, "ssh.ecdh.q_s_length",
	    "ECDH server's ephemeral public key length", 0, 32, ST_FMT_DEC),
	[F_QS] = FD(NULL, "ssh.ecdh.q_s",
	    "ECDH server's ephemeral public key (Q_S)", 0, 0, ST_FMT_BYTES),
};

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
	/* ssh-rsa and ssh-dss: one length-prefixed blob (RFC 4253 6.6) */
	if (is(p + t, tn, "ssh-rsa") || is(p + t, tn, "ssh-dss")) {
		if (!lenthen(d, c, p, end, pos, F_MPLEN, is(p + t, tn,
		    "ssh-rsa") ? F_HSRSA : F_HSDSA, NULL, NULL))
			return 0;
	} else if (starts(p + t, tn, "rsa-sha2-") && send > *pos &&
	    send <= end)
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
