/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multipath TCP (RFC 8684, version 1; RFC 6824, version 0): TCP option 30,
 * shown as a layer of its own as Wireshark does (TCP's option loop hands
 * it on by key ST_KEY_TCPOPT).  Every subtype starts the same way:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+-------+-----------------------+
 * |   Kind (30)   |    Length     |Subtype|  subtype-specific ... |
 * +---------------+---------------+-------+-----------------------+
 *
 * 0 MP_CAPABLE  version, flags A B C D E F G H, sender's (and receiver's)
 *               key
 * 1 MP_JOIN     by length: 12 (SYN) token and random, 16 (SYN/ACK)
 *               truncated HMAC and random, 24 (ACK) the HMAC
 * 2 DSS         flags F m M a A; data ACK (4 or 8), mapping: data sequence
 *               number (4 or 8), subflow sequence number, data-level
 *               length, checksum when negotiated
 * 3 ADD_ADDR    IP version (v0) or echo flag (v1), address ID, address,
 *               port when the length says so, truncated HMAC (v1)
 * 4 REMOVE_ADDR address IDs        5 MP_PRIO  backup flag, address ID
 * 6 MP_FAIL     data sequence number
 * 7 MP_FASTCLOSE receiver's key     8 MP_TCPRST flags U V W T, reason
 *
 * The tokens and IDSNs Wireshark adds come from a hash of the key, the
 * relative data sequence numbers from the connection's keys, which
 * mptcpconn.c follows across subflows.
 */
#include "strata/out.h"
#include "fields.h"
#include "mptcpconn.h"

enum { F_KIND, F_LEN, F_SUB, F_VER, F_CFLAGS, F_CKREQ, F_EXT, F_CRES,
	F_SHA1, F_SKEY, F_RKEY, F_JFLAGS, F_BACKUP, F_ADDRID, F_RTOK,
	F_SRAND, F_STHMAC, F_RES, F_SHMAC, F_DFLAGS, F_DFIN, F_DSN8, F_DSNP,
	F_ACK8, F_ACKP, F_RAWACK, F_RAWDSN, F_SSN, F_DLEN, F_CKSUM, F_IPVER,
	F_IPV4, F_IPV6, F_PORT, F_AHMAC, F_RMCOUNT, F_RMID, F_FKEY, F_FDSN,
	F_U, F_V, F_W, F_T, F_REASON, F_NOMORE, F_SHA256, F_CRES1, F_ECHO,
	F_XTOKEN, F_XIDSN, F_ACK, F_DSN };

static const struct st_valname mptcp_sub_names[] = {
	{ 0, "Multipath Capable" }, { 1, "Join Connection" },
	{ 2, "Data Sequence Signal" }, { 3, "Add Address" },
	{ 4, "Remove Address" }, { 5, "Change Subflow Priority" },
	{ 6, "TCP Fallback" }, { 7, "Fast Close" }, { 8, "TCP Reset" },
	{ 0, NULL }
};

static const struct st_field_desc mptcp_fields[] = {
	FD(NULL, "tcp.option_kind", "Option kind", 0, 8, ST_FMT_DEC),
	FD(NULL, "tcp.option_len", "Option length", 8, 8, ST_FMT_DEC),
	FDN("subtype", "tcp.options.mptcp.subtype", "Subtype", 16, 4,
	    ST_FMT_DEC, mptcp_sub_names),
	FD("version", "tcp.options.mptcp.version", "Version", 20, 4,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.flags", "Flags", 24, 8, ST_FMT_HEX),
	FDD(NULL, "tcp.options.mptcp.checksumreq.flags", "Checksum required",
	    24, 1, ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.extensibility.flag", "Extensibility", 25,
	    1, ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.reserved.flag", "Reserved", 26, 5,
	    ST_FMT_HEX),
	FDD(NULL, "tcp.options.mptcp.sha1.flag", "Use HMAC-SHA1", 31, 1,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.sendkey", "Sender's key", 32, 64,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.recvkey", "Receiver's key", 96, 64,
	    ST_FMT_DEC),
	/* MP_JOIN and MP_PRIO: the flags are the byte after the length. */
	FD(NULL, "tcp.options.mptcp.flags", "Flags", 16, 8, ST_FMT_HEX),
	FDD(NULL, "tcp.options.mptcp.backup.flag", "Backup", 23, 1,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.addrid", "Address ID", 24, 8, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.recvtok", "Receiver's token", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.sendrand", "Sender's random number", 64,
	    32, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.sendtrunchmac", "Sender's truncated HMAC",
	    32, 64, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.reserved", "Reserved", 20, 12, ST_FMT_HEX),
	FD(NULL, "tcp.options.mptcp.sendhmac", "Sender's HMAC", 32, 160,
	    ST_FMT_BYTES),
	/* DSS */
	FD(NULL, "tcp.options.mptcp.flags", "Flags", 24, 8, ST_FMT_HEX),
	FDD(NULL, "tcp.options.mptcp.datafin.flag", "DATA_FIN", 27, 1,
	    ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.dseqn8.flag", "Data sequence number is 8 "
	    "octets", 28, 1, ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.dseqnpresent.flag", "Mapping present",
	    29, 1, ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.dataack8.flag", "Data ACK is 8 octets",
	    30, 1, ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.dataackpresent.flag", "Data ACK present",
	    31, 1, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.rawdataack", "Data ACK", 0, 0, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.rawdataseqno", "Data sequence number", 0,
	    0, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.subflowseqno", "Subflow sequence number",
	    0, 32, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.datalvllen", "Data-level length", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.checksum", "Checksum", 0, 16, ST_FMT_HEX),
	/* ADD_ADDR */
	FD(NULL, "tcp.options.mptcp.ipver", "IP version", 20, 4, ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.ipv4", "Advertised IPv4 address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "tcp.options.mptcp.ipv6", "Advertised IPv6 address", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "tcp.options.mptcp.port", "Advertised port", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.addaddrtrunchmac", "Truncated HMAC", 0, 64,
	    ST_FMT_DEC),
	/* REMOVE_ADDR */
	FDG("mptcp.rm_addr.count", "Number of removed addresses", ST_FMT_DEC,
	    NULL),
	FD(NULL, "tcp.options.mptcp.addrid", "Address ID", 0, 8, ST_FMT_DEC),
	/* MP_FASTCLOSE, MP_FAIL */
	FD(NULL, "tcp.options.mptcp.recvkey", "Receiver's key", 32, 64,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.mptcp.rawdataseqno", "Data sequence number", 32,
	    64, ST_FMT_DEC),
	/* MP_TCPRST */
	FD(NULL, "tcp.options.mptcp.flag_U.flag", "Flag U", 20, 1,
	    ST_FMT_BOOL),
	FD(NULL, "tcp.options.mptcp.flag_V.flag", "Flag V", 21, 1,
	    ST_FMT_BOOL),
	FD(NULL, "tcp.options.mptcp.flag_W.flag", "Flag W", 22, 1,
	    ST_FMT_BOOL),
	FD(NULL, "tcp.options.mptcp.flag_T.flag", "Transient", 23, 1,
	    ST_FMT_BOOL),
	FD(NULL, "tcp.options.mptcp.rst_reason", "Reason", 24, 8, ST_FMT_DEC),
	/* MP_CAPABLE version 1's flags C and H, and fewer reserved bits */
	FDD(NULL, "tcp.options.mptcp.nomoresubflows.flag", "No more subflows "
	    "to this address and port", 26, 1, ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.sha256.flag", "Use HMAC-SHA256", 31, 1,
	    ST_FMT_DEC),
	FDD(NULL, "tcp.options.mptcp.reserved.flag", "Reserved", 27, 4,
	    ST_FMT_HEX),	/* ADD_ADDR version 1 */
	FD(NULL, "tcp.options.mptcp.echo", "Echo", 23, 1, ST_FMT_DEC),
	/* from the connection (mptcpconn.c) */
	FDG("mptcp.expected_token", "Subflow token generated from key",
	    ST_FMT_DEC, NULL),
	FDG("mptcp.expected_idsn", "Subflow expected IDSN", ST_FMT_DEC, NULL),
	FDG("mptcp.ack", "Multipath TCP Data ACK (relative)", ST_FMT_DEC,
	    NULL),
	FDG("mptcp.dss.dsn", "DSS Data Sequence Number (relative)",
	    ST_FMT_DEC, NULL),
};

#define R(i)	(&mptcp_fields[(i)])

/* MP_CAPABLE with keys (12 bytes and more): the
 * sender's token and IDSN; the connection learns both keys (rk NULL: only
 * the sender's). */
static void
capable_keys(struct st_dctx *d, unsigned ver, const struct st_field *sk,
    const struct st_field *rk)
{
	uint64_t idsn, r = rk != NULL ? rk->val : 0;
	uint32_t tok;

	if (sk == NULL || mptcp_conn_keys(d, ver, sk->val, rk != NULL ? &r :
	    NULL, &tok, &idsn) != 0)
		return;
	st_dgen(d, R(F_XTOKEN), tok);
	st_dgen(d, R(F_XIDSN), idsn);
}

/* MP_CAPABLE: keys by length (12: the sender's, 20: both). */
static int
mp_capable(struct st_dctx *d, struct st_cur *c, size_t len)
{
	const struct st_field *sk = NULL, *rk = NULL;
	unsigned ver = (unsigned)st_peek_bits(c, 20, 4);

	st_dfields(d, c, R(F_VER), F_CRES - F_VER);
	if (c->err == ST_OK && st_peek_bits(c, 20, 4) == 0)
		st_dfields(d, c, R(F_CRES), 2);
	else
		st_dfields(d, c, R(F_NOMORE), 3);
	if (len >= 12)
		sk = st_dfield(d, c, R(F_SKEY));
	if (len >= 20)
		rk = st_dfield(d, c, R(F_RKEY));
	if (c->err == ST_OK && len >= 12)
		capable_keys(d, ver, sk, rk);
	if (len != 4 && len != 12 && len != 20 && len != 22 && len != 24)
		return st_dmalformed(d, "MP_CAPABLE length %zu", len);
	return ST_OK;
}

/* MP_JOIN: which message by length. */
static int
mp_join(struct st_dctx *d, struct st_cur *c, size_t len)
{
	if (len == 24) {
		st_dfield(d, c, R(F_RES));
		st_dfield(d, c, R(F_SHMAC));
		return ST_OK;
	}
	st_dfields(d, c, R(F_JFLAGS), 3);
	if (len == 12) {
		const struct st_field *tok = st_dfield(d, c, R(F_RTOK));

		st_dfield(d, c, R(F_SRAND));
		if (tok != NULL && c->err == ST_OK)
			mptcp_conn_join(d, (uint32_t)tok->val);
		return ST_OK;
	}
	if (len == 16) {
		st_dfield(d, c, R(F_STHMAC));
		st_dbytes(d, c, R(F_SRAND), 12, 4);
		return ST_OK;
	}
	return st_dmalformed(d, "MP_JOIN length %zu", len);
}

/*
 * A data ACK (the receiver's side, rev 1) or DSN (the sender's) relative
 * to that side's IDSN, as Wireshark counts it: a 32-bit value takes the
 * IDSN's upper half first.  Nothing when the keys were not seen.
 */
static void
relative(struct st_dctx *d, const struct st_field_desc *fd, uint64_t raw,
    int rev, int wide)
{
	uint64_t idsn;

	if (mptcp_conn_idsn(d, rev, &idsn) != 0)
		return;
	if (!wide)
		raw |= idsn & 0xffffffff00000000ull;
	st_dgen(d, fd, raw - idsn);
}

/* DSS: what the flags say is there must fit the option's length. */
static int
mp_dss(struct st_dctx *d, struct st_cur *c, size_t len)
{
	const struct st_field *f;
	unsigned fl;
	size_t off = 4, need = 4, ackn, dsnn;

	st_dfields(d, c, R(F_DFLAGS), F_RAWACK - F_DFLAGS);
	if (c->err != ST_OK)
		return c->err;
	fl = (unsigned)st_peek_bits(c, 24, 8);
	ackn = fl & 0x01 ? (fl & 0x02 ? 8 : 4) : 0;
	dsnn = fl & 0x04 ? (fl & 0x08 ? 8 : 4) : 0;
	need += ackn + (dsnn != 0 ? dsnn + 6 : 0);
	/* Wireshark reads the data ACK even when the mapping will not fit */
	if (ackn != 0 && off + ackn <= len &&
	    (f = st_dbytes(d, c, R(F_RAWACK), off, ackn)) != NULL)
		relative(d, R(F_ACK), f->val, 1, ackn == 8);
	if (need > len)
		return st_dmalformed(d, "DSS flags 0x%02x need %zu bytes, the "
		    "option has %zu", fl, need, len);
	off += ackn;
	if (dsnn == 0)
		return ST_OK;
	f = st_dbytes(d, c, R(F_RAWDSN), off, dsnn);
	st_dbytes(d, c, R(F_SSN), off + dsnn, 4);
	st_dbytes(d, c, R(F_DLEN), off + dsnn + 4, 2);
	/* Wireshark widens the DSN by the data ACK's size flag, not its own */
	if (f != NULL && c->err == ST_OK)
		relative(d, R(F_DSN), f->val, 0, ackn == 8);
	off += dsnn + 6;
	if (len >= off + 2)		/* a checksum when negotiated */
		st_dbytes(d, c, R(F_CKSUM), off, 2);
	return ST_OK;
}

/* ADD_ADDR: address by the version nibble, port when the length is 2
 * more than a multiple of 4, a truncated HMAC (version 1) by length. */
static int
mp_add_addr(struct st_dctx *d, struct st_cur *c, size_t len)
{
	unsigned ipver;
	size_t off = 4;

	if (c->err != ST_OK)
		return c->err;
	ipver = (unsigned)st_peek_bits(c, 20, 4);
	/* Version 0 has the IP version there, version 1 the echo flag and
	 * the family by length. */
	st_dfield(d, c, R(ipver == 4 || ipver == 6 ? F_IPVER : F_ECHO));
	st_dfield(d, c, R(F_ADDRID));
	if (ipver != 4 && ipver != 6)
		ipver = len == 8 || len == 10 || len == 16 || len == 18 ? 4 :
		    len == 20 || len == 22 || len == 28 || len == 30 ? 6 : 0;
	if (ipver == 4 && len >= 8) {
		st_dfield(d, c, R(F_IPV4));
		off += 4;
	} else if (ipver == 6 && len >= 20) {
		st_dfield(d, c, R(F_IPV6));
		off += 16;
	}
	if (len % 4 == 2 && off + 2 <= len) {
		st_dbytes(d, c, R(F_PORT), off, 2);
		off += 2;
	}
	if ((len == 16 || len == 18 || len == 28 || len == 30) &&
	    off + 8 <= len)
		st_dbytes(d, c, R(F_AHMAC), off, 8);
	return ST_OK;
}

/* REMOVE_ADDR: one address ID per byte after the subtype. */
static int
mp_rm_addr(struct st_dctx *d, struct st_cur *c, size_t len)
{
	size_t i;

	if (len < 4)
		return st_dmalformed(d, "REMOVE_ADDR length %zu below 4", len);
	st_dgen(d, R(F_RMCOUNT), len - 3);
	for (i = 3; i < len; i++)	/* len < 256 */
		st_dbytes(d, c, R(F_RMID), i, 1);
	return ST_OK;
}

static int
mptcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len = st_cur_left(c);
	unsigned sub;

	st_dfields(d, c, mptcp_fields, F_VER);
	if (c->err != ST_OK)
		return c->err;
	sub = (unsigned)st_peek_bits(c, 16, 4);
	d->hdr = len;
	d->data = 1;
	switch (sub) {
	case 0:
		return mp_capable(d, c, len);
	case 1:
		return mp_join(d, c, len);
	case 2:
		return mp_dss(d, c, len);
	case 3:
		return mp_add_addr(d, c, len);
	case 4:
		return mp_rm_addr(d, c, len);
	case 5:
		st_dfields(d, c, R(F_JFLAGS), 2);
		if (len >= 4)
			st_dfield(d, c, R(F_ADDRID));
		return ST_OK;
	case 6:
		st_dfield(d, c, R(F_RES));
		st_dfield(d, c, R(F_FDSN));
		return ST_OK;
	case 7:
		st_dfield(d, c, R(F_RES));
		st_dfield(d, c, R(F_FKEY));
		return ST_OK;
	case 8:
		st_dfield(d, c, R(F_JFLAGS));
		st_dfields(d, c, R(F_U), F_REASON + 1 - F_U);
		return ST_OK;
	}
	return ST_OK;
}

static const struct st_bind mptcp_binds[] = {
	{ ST_KEY_TCPOPT, 30 },
};

/* The value of row i in layer ly, or def. */
static uint64_t
val(const struct st_sumctx *s, const struct st_layer *ly, unsigned i,
    uint64_t def)
{
	return st_probe_val(s->pkt, ly, R(i), def);
}

/*
 * Inside TCP's options, as tcpdump: "mptcp capable v0", "mptcp join id 0
 * token 3833528642", "mptcp dss ack 3576348362 seq 3518592144 subseq 1 len
 * 41", "mptcp add-addr id 1 10.1.2.2".
 */
static int
mptcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const words[] = { "capable", "join", "dss",
		"add-addr", "rem-addr", "prio", "fail", "fast-close",
		"tcprst" };
	const struct st_field *f;
	struct st_out *o = s->o;
	unsigned sub = (unsigned)val(s, ly, F_SUB, 15);

	st_out_puts(o, "mptcp ");
	st_out_puts(o, sub < 9 ? words[sub] : "?");
	if (sub == 0 && (f = st_pkt_fd(s->pkt, ly, R(F_VER))) != NULL)
		st_out_printf(o, " v%u", (unsigned)f->val);
	if ((f = st_pkt_fd(s->pkt, ly, R(F_ADDRID))) != NULL ||
	    (f = st_pkt_fd(s->pkt, ly, R(F_RMID))) != NULL)
		st_out_printf(o, " id %u", (unsigned)f->val);
	if ((f = st_pkt_fd(s->pkt, ly, R(F_RTOK))) != NULL)
		st_out_printf(o, " token %u", (unsigned)f->val);
	if ((f = st_pkt_fd(s->pkt, ly, R(F_RAWACK))) != NULL) {
		st_out_puts(o, " ack ");
		st_out_u64(o, f->val);
	}
	if ((f = st_pkt_fd(s->pkt, ly, R(F_RAWDSN))) != NULL) {
		st_out_puts(o, " seq ");
		st_out_u64(o, f->val);
		st_out_printf(o, " subseq %u len %u", (unsigned)val(s, ly,
		    F_SSN, 0), (unsigned)val(s, ly, F_DLEN, 0));
	}
	if ((f = st_pkt_fd(s->pkt, ly, R(F_IPV4))) != NULL ||
	    (f = st_pkt_fd(s->pkt, ly, R(F_IPV6))) != NULL) {
		st_out_putc(o, ' ');
		s->value(s, f);
	}
	return 1;
}

static const struct st_field_desc *const mptcp_keys[] = {
	R(F_SUB), NULL,
};

const struct st_proto st_proto_mptcp = {
	.forget = mptcp_conn_forget,
	.name = "mptcp",
	.ws = "mptcp",
	.title = "Multipath TCP",
	.rfc = "RFC 8684",
	.role = ST_ROLE_NETEXT,
	.fields = mptcp_fields,
	.nfields = NFIELDS(mptcp_fields),
	.decode = mptcp_decode,
	.binds = mptcp_binds,
	.nbinds = NFIELDS(mptcp_binds),
	.summary = mptcp_summary,
	.keys = mptcp_keys,
	.color = "\033[36m",
	.explain = "Multipath TCP spreads one connection over several TCP "
	    "subflows (paths); it speaks through TCP option 30.  MP_CAPABLE "
	    "exchanges keys on the first subflow's handshake, MP_JOIN adds a "
	    "subflow by the token hashed from the peer's key, DSS maps each "
	    "subflow's bytes onto the connection's data sequence numbers and "
	    "acknowledges them, ADD_ADDR and REMOVE_ADDR announce addresses, "
	    "MP_PRIO, MP_FAIL, MP_FASTCLOSE and MP_TCPRST manage subflows.",
};
