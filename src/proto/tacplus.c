/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TACACS+ (RFC 8907), TCP 49: how network devices ask a central server
 * whether an administrator may log in (authentication), run a command
 * (authorization), and tell it what was done (accounting).
 *
 * +---------------+---------------+---------------+---------------+
 * |major  | minor |     Type      |    Seq no     |     Flags     |
 * +---------------+---------------+---------------+---------------+
 * |                          Session ID                           |
 * +---------------------------------------------------------------+
 * |                            Length                             |
 * +---------------------------------------------------------------+
 * | body: obfuscated with an MD5 pad of the shared key, unless the
 * | unencrypted flag (0x01) is set
 *
 * Odd sequence numbers are the client's, even the server's; in an
 * authentication the first is START, later odd ones CONTINUE.  Without
 * the key an obfuscated body is shown as bytes, as Wireshark shows it
 * without one.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define TAC_PORT	49
#define TAC_HDR		12
#define TAC_MAXARGS	255	/* an argument count is one byte */
#define TAC_MAXMSGS	32	/* messages in one segment */

static const struct st_valname type_names[] = {
	{ 1, "Authentication" }, { 2, "Authorization" }, { 3, "Accounting" },
	{ 0, NULL }
};

static const struct st_valname action_names[] = {
	{ 1, "Inbound Login" }, { 2, "Change Password" },
	{ 3, "Send Password" }, { 4, "Send Auth" }, { 0, NULL }
};

static const struct st_valname authen_type_names[] = {
	{ 1, "ASCII" }, { 2, "PAP" }, { 3, "CHAP" }, { 4, "ARAP" },
	{ 5, "MS-CHAP" }, { 6, "MS-CHAPv2" }, { 0, NULL }
};

static const struct st_valname service_names[] = {
	{ 0, "None" }, { 1, "Login" }, { 2, "Enable" }, { 3, "PPP" },
	{ 4, "ARAP" }, { 5, "PT" }, { 6, "RCMD" }, { 7, "X25" },
	{ 8, "NASI" }, { 9, "FwProxy" }, { 0, NULL }
};

static const struct st_valname authen_status_names[] = {
	{ 1, "Authentication Passed" }, { 2, "Authentication Failed" },
	{ 3, "Send Data" }, { 4, "Send Username" }, { 5, "Send Password" },
	{ 6, "Restart Authentication Sequence" }, { 7, "Unexpected Error" },
	{ 0x21, "Authentication Follows" }, { 0, NULL }
};

static const struct st_valname author_status_names[] = {
	{ 1, "Pass Add" }, { 2, "Pass repl" }, { 0x10, "Fail" },
	{ 0x11, "Error" }, { 0x21, "Follow" }, { 0, NULL }
};

static const struct st_valname acct_status_names[] = {
	{ 1, "Success" }, { 2, "Error" }, { 0x21, "Follow" }, { 0, NULL }
};

enum { F_REQ, F_RESP, F_MAJ, F_MIN, F_TYPE, F_SEQ, F_FLAGS, F_UNENC,
	F_SINGLE, F_SESSION, F_LEN, F_BODY,
	/* the bodies' rows, each at its own offset */
	F_ACTION, F_PRIV, F_ATYPE, F_SERVICE, F_USERLEN, F_PORTLEN,
	F_ADDRLEN, F_ASCIILEN, F_PWLEN, F_DATALEN, F_USER, F_PORT, F_ADDR,
	F_PASSWORD, F_DATA, F_RSTATUS, F_RFLAGS, F_RMSGLEN, F_RDATALEN,
	F_RMSG, F_CUSERLEN, F_CDATALEN, F_CFLAGS, F_CUSER, F_ZMETHOD,
	F_ZARGC, F_ARGLEN, F_ARGVAL, F_ZSTATUS, F_ZRARGC, F_ZRMSGLEN,
	F_ZRDATALEN, F_AFLAGS, F_AMORE, F_ASTART, F_ASTOP, F_AWATCH,
	F_AMETHOD, F_AARGC, F_XMSGLEN, F_XDATALEN, F_XSTATUS, F_XMSG,
	F_XDATA, F_NFIELDS };

static const struct st_field_desc tac_fields[F_NFIELDS] = {
	[F_REQ] = FDG("tacplus.request", "Request", ST_FMT_BOOL, NULL),
	[F_RESP] = FDG("tacplus.response", "Response", ST_FMT_BOOL, NULL),
	[F_MAJ] = FDX("major", "tacplus.majvers", "Major version", 0, 4,
	    ST_FMT_DEC, 4, 0, 0, 0, NULL),
	[F_MIN] = FD("minor", "tacplus.minvers", "Minor version", 4, 4,
	    ST_FMT_DEC),
	[F_TYPE] = FDN("type", "tacplus.type", "Type", 8, 8, ST_FMT_DEC,
	    type_names),
	[F_SEQ] = FD("seq", "tacplus.seqno", "Sequence number", 16, 8,
	    ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "tacplus.flags", "Flags", 24, 8, ST_FMT_HEX),
	[F_UNENC] = FDD(NULL, "tacplus.flags.unencrypted", "Unencrypted", 31,
	    1, ST_FMT_BOOL),
	[F_SINGLE] = FDD(NULL, "tacplus.flags.singleconn",
	    "Single connection", 29, 1, ST_FMT_BOOL),
	[F_SESSION] = FD("session", "tacplus.session_id", "Session ID", 32,
	    32, ST_FMT_DEC),
	[F_LEN] = FD("len", "tacplus.packet_len", "Packet length", 64, 32,
	    ST_FMT_DEC),
	[F_BODY] = FD(NULL, "strata.tacplus.encrypted", "Obfuscated body", 0,
	    0, ST_FMT_BYTES),
	[F_ACTION] = FDN(NULL, "tacplus.authen_action", "Action", 0, 8,
	    ST_FMT_DEC, action_names),
	[F_PRIV] = FD(NULL, "tacplus.privilege_level", "Privilege level", 0,
	    8, ST_FMT_DEC),
	[F_ATYPE] = FDN(NULL, "tacplus.authentication_type",
	    "Authentication type", 0, 8, ST_FMT_DEC, authen_type_names),
	[F_SERVICE] = FDN(NULL, "tacplus.service", "Service", 0, 8,
	    ST_FMT_DEC, service_names),
	[F_USERLEN] = FD(NULL, "tacplus.user_len", "User length", 0, 8,
	    ST_FMT_DEC),
	[F_PORTLEN] = FD(NULL, "tacplus.port_len", "Port length", 0, 8,
	    ST_FMT_DEC),
	[F_ADDRLEN] = FD(NULL, "tacplus.address_len",
	    "Remote address length", 0, 8, ST_FMT_DEC),
	[F_ASCIILEN] = FD(NULL, "tacplus.ascii_length", "ASCII data length",
	    0, 8, ST_FMT_DEC),
	[F_PWLEN] = FD(NULL, "tacplus.password_length", "Password length", 0,
	    8, ST_FMT_DEC),
	[F_DATALEN] = FD(NULL, "tacplus.data_length", "Data length", 0, 8,
	    ST_FMT_DEC),
	[F_USER] = FD("user", "tacplus.user", "User", 0, 0, ST_FMT_TEXT),
	[F_PORT] = FD(NULL, "tacplus.port", "Port", 0, 0, ST_FMT_TEXT),
	[F_ADDR] = FD(NULL, "tacplus.remote_address", "Remote address", 0, 0,
	    ST_FMT_TEXT),
	[F_PASSWORD] = FD(NULL, "tacplus.auth_password", "Password", 0, 0,
	    ST_FMT_TEXT),
	[F_DATA] = FD(NULL, "tacplus.data", "Data", 0, 0, ST_FMT_BYTES),
	[F_RSTATUS] = FDN(NULL, "tacplus.body_authen_rep.status", "Status", 0,
	    8, ST_FMT_HEX, authen_status_names),
	[F_RFLAGS] = FD(NULL, "tacplus.body_authen_rep.flags", "Flags", 0, 8,
	    ST_FMT_HEX),
	[F_RMSGLEN] = FD(NULL, "tacplus.body_authen_rep.server_msg_len",
	    "Server message length", 0, 16, ST_FMT_DEC),
	[F_RDATALEN] = FD(NULL, "tacplus.body_authen_rep_server.data_len",
	    "Data length", 0, 16, ST_FMT_DEC),
	[F_RMSG] = FD(NULL, "tacplus.body_authen_rep.server_msg",
	    "Server message", 0, 0, ST_FMT_TEXT),
	[F_CUSERLEN] = FD(NULL, "tacplus.body_authen_req_cont.user_length",
	    "User message length", 0, 16, ST_FMT_DEC),
	[F_CDATALEN] = FD(NULL, "tacplus.body_authen_req_cont.data_length",
	    "Data length", 0, 16, ST_FMT_DEC),
	[F_CFLAGS] = FD(NULL, "tacplus.body_authen_req_cont.flags", "Flags",
	    0, 8, ST_FMT_HEX),
	[F_CUSER] = FD(NULL, "tacplus.body_authen_req_cont.user",
	    "User message", 0, 0, ST_FMT_TEXT),
	[F_ZMETHOD] = FD(NULL, "tacplus.body_author_req.auth_method",
	    "Authentication method", 0, 8, ST_FMT_HEX),
	[F_ZARGC] = FD(NULL, "tacplus.body_author_req.arg_count",
	    "Argument count", 0, 8, ST_FMT_DEC),
	[F_ARGLEN] = FD(NULL, "tacplus.arg_length", "Argument length", 0, 8,
	    ST_FMT_DEC),
	[F_ARGVAL] = FD(NULL, "tacplus.arg_value", "Argument", 0, 0,
	    ST_FMT_TEXT),
	[F_ZSTATUS] = FDN(NULL, "tacplus.body_author_rep.auth_status",
	    "Status", 0, 8, ST_FMT_HEX, author_status_names),
	[F_ZRARGC] = FD(NULL, "tacplus.body_author_rep.arg_count",
	    "Argument count", 0, 8, ST_FMT_DEC),
	[F_ZRMSGLEN] = FD(NULL, "tacplus.body_author_rep_server.msg_len",
	    "Server message length", 0, 16, ST_FMT_DEC),
	[F_ZRDATALEN] = FD(NULL, "tacplus.body_author_rep_server.data_len",
	    "Data length", 0, 16, ST_FMT_DEC),
	[F_AFLAGS] = FD(NULL, "tacplus.acct.flags", "Flags", 0, 8,
	    ST_FMT_HEX),
	[F_AMORE] = FDD(NULL, "tacplus.acct.flags.more", "More", 7, 1,
	    ST_FMT_BOOL),
	[F_ASTART] = FDD(NULL, "tacplus.acct.flags.start", "Start", 6, 1,
	    ST_FMT_BOOL),
	[F_ASTOP] = FDD(NULL, "tacplus.acct.flags.stop", "Stop", 5, 1,
	    ST_FMT_BOOL),
	[F_AWATCH] = FDD(NULL, "tacplus.acct.flags.watchdog", "Watchdog", 4,
	    1, ST_FMT_BOOL),
	[F_AMETHOD] = FD(NULL, "tacplus.acct.auth_method",
	    "Authentication method", 0, 8, ST_FMT_HEX),
	[F_AARGC] = FD(NULL, "tacplus.acct.arg_count", "Argument count", 0, 8,
	    ST_FMT_DEC),
	[F_XMSGLEN] = FD(NULL, "tacplus.body_acct.msg_len",
	    "Server message length", 0, 16, ST_FMT_DEC),
	[F_XDATALEN] = FD(NULL, "tacplus.body_acct.data_len", "Data length",
	    0, 16, ST_FMT_DEC),
	[F_XSTATUS] = FDN(NULL, "tacplus.body_acct.status", "Status", 0, 8,
	    ST_FMT_HEX, acct_status_names),
	[F_XMSG] = FD(NULL, "tacplus.body_acct.server_msg", "Server message",
	    0, 0, ST_FMT_TEXT),
	[F_XDATA] = FD(NULL, "tacplus.body_acct.data", "Data", 0, 0,
	    ST_FMT_TEXT),
};

/* A body being read: its first byte in the packet and its end. */
struct body {
	struct st_cur	*c;
	size_t		 at, end;
};

/* Row fd at byte off of the body. */
static void
tac_at(struct st_dctx *d, const struct body *b, size_t off, unsigned fd)
{
	st_dfields_at(d, b->c, b->at + off, &tac_fields[fd], 1);
}

/* The byte (n 1) or 16-bit number (n 2) at off of the body; 0 beyond. */
static size_t
tac_num(const struct body *b, size_t off, unsigned n)
{
	if (off + n > b->end - b->at || !st_cur_need(b->c, b->at + off + n))
		return 0;
	return (size_t)st_peek_bits(b->c, (b->at + off) * 8, n * 8);
}

/* A string of n bytes at off of the body as text field fd (nothing for
 * an empty one, as Wireshark); returns off + n. */
static size_t
tac_str(struct st_dctx *d, const struct body *b, size_t off, size_t n,
    unsigned fd)
{
	if (n == 0)
		return off;
	if (off + n > b->end - b->at) {
		b->c->err = ST_ETRUNC;
		return off + n;
	}
	if (tac_fields[fd].fmt == ST_FMT_BYTES)
		st_dbytes(d, b->c, &tac_fields[fd], b->at + off, n);
	else
		st_dtext_esc(d, b->c, &tac_fields[fd], b->at + off, n);
	return off + n;
}

/* The user, port and remote address common to START, REQUEST and the
 * accounting request, whose lengths are at lens; from off. */
static size_t
tac_who(struct st_dctx *d, const struct body *b, size_t lens, size_t off)
{
	off = tac_str(d, b, off, tac_num(b, lens, 1), F_USER);
	off = tac_str(d, b, off, tac_num(b, lens + 1, 1), F_PORT);
	return tac_str(d, b, off, tac_num(b, lens + 2, 1), F_ADDR);
}

/* The privilege level, authentication type, service and the three
 * lengths START, REQUEST and the accounting request share, from off. */
static void
tac_head(struct st_dctx *d, const struct body *b, size_t off)
{
	static const unsigned rows[] = { F_PRIV, F_ATYPE, F_SERVICE, F_USERLEN,
	    F_PORTLEN, F_ADDRLEN };
	unsigned i;

	for (i = 0; i < NFIELDS(rows); i++)
		tac_at(d, b, off + i, rows[i]);
}

/* n arguments whose lengths are at lens, their values from off. */
static size_t
tac_args(struct st_dctx *d, const struct body *b, size_t lens, unsigned n,
    size_t off)
{
	unsigned i;

	for (i = 0; i < n && b->c->err == ST_OK; i++) {
		tac_at(d, b, lens + i, F_ARGLEN);
		off = tac_str(d, b, off, tac_num(b, lens + i, 1), F_ARGVAL);
	}
	return off;
}

static void
tac_authen(struct st_dctx *d, const struct body *b, unsigned seq)
{
	size_t off, n;
	unsigned atype;

	if (seq % 2 == 0) {			/* REPLY */
		tac_at(d, b, 0, F_RSTATUS);
		tac_at(d, b, 1, F_RFLAGS);
		tac_at(d, b, 2, F_RMSGLEN);
		n = tac_num(b, 2, 2);
		off = tac_str(d, b, 6, n, F_RMSG);
		tac_at(d, b, 4, F_RDATALEN);
		tac_str(d, b, off, tac_num(b, 4, 2), F_DATA);
		return;
	}
	if (seq > 1) {				/* CONTINUE */
		tac_at(d, b, 4, F_CFLAGS);
		tac_at(d, b, 0, F_CUSERLEN);
		off = tac_str(d, b, 5, tac_num(b, 0, 2), F_CUSER);
		tac_at(d, b, 2, F_CDATALEN);
		tac_str(d, b, off, tac_num(b, 2, 2), F_DATA);
		return;
	}
	tac_at(d, b, 0, F_ACTION);		/* START */
	tac_head(d, b, 1);
	off = tac_who(d, b, 4, 8);
	atype = (unsigned)tac_num(b, 2, 1);
	n = tac_num(b, 7, 1);
	tac_at(d, b, 7, atype == 1 ? F_ASCIILEN : atype == 2 ? F_PWLEN :
	    F_DATALEN);
	tac_str(d, b, off, n, atype == 2 ? F_PASSWORD : F_DATA);
}

static void
tac_author(struct st_dctx *d, const struct body *b, unsigned seq)
{
	size_t off;
	unsigned n;

	if (seq % 2 == 0) {			/* REPLY */
		tac_at(d, b, 0, F_ZSTATUS);
		tac_at(d, b, 1, F_ZRARGC);
		tac_at(d, b, 2, F_ZRMSGLEN);
		tac_at(d, b, 4, F_ZRDATALEN);
		n = (unsigned)tac_num(b, 1, 1);
		off = 6 + n + tac_num(b, 2, 2) + tac_num(b, 4, 2);
		tac_args(d, b, 6, n, off);
		return;
	}
	tac_at(d, b, 0, F_ZMETHOD);		/* REQUEST */
	tac_head(d, b, 1);
	n = (unsigned)tac_num(b, 7, 1);
	off = tac_who(d, b, 4, 8 + n);
	tac_at(d, b, 7, F_ZARGC);
	tac_args(d, b, 8, n, off);
}

static void
tac_acct(struct st_dctx *d, const struct body *b, unsigned seq)
{
	size_t off;
	unsigned n;

	if (seq % 2 == 0) {			/* REPLY */
		tac_at(d, b, 0, F_XMSGLEN);
		tac_at(d, b, 2, F_XDATALEN);
		tac_at(d, b, 4, F_XSTATUS);
		off = tac_str(d, b, 5, tac_num(b, 0, 2), F_XMSG);
		tac_str(d, b, off, tac_num(b, 2, 2), F_XDATA);
		return;
	}
	st_dfields_at(d, b->c, b->at, tac_fields + F_AFLAGS, 5);
	tac_at(d, b, 1, F_AMETHOD);		/* REQUEST */
	tac_head(d, b, 2);
	n = (unsigned)tac_num(b, 8, 1);
	off = tac_who(d, b, 5, 9 + n);
	tac_at(d, b, 8, F_AARGC);
	tac_args(d, b, 9, n, off);
}

static int
tac_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	unsigned type, seq, flags;
	struct body b;

	if (left < 1)
		return ST_ENOTME;
	st_dgen(d, &tac_fields[st_dport(d->pkt, d->ly, 1) == TAC_PORT ?
	    F_REQ : F_RESP], 1);
	if (st_dfields(d, c, tac_fields + F_MAJ, F_BODY - F_MAJ) != ST_OK ||
	    !st_cur_need(c, TAC_HDR)) {
		d->hdr = left;
		return c->err != ST_OK ? c->err : ST_ETRUNC;
	}
	type = (unsigned)st_peek_bits(c, 8, 8);
	seq = (unsigned)st_peek_bits(c, 16, 8);
	flags = (unsigned)st_peek_bits(c, 24, 8);
	len = (size_t)st_peek_bits(c, 64, 32);
	b.c = c;
	b.at = TAC_HDR;
	b.end = len < left - TAC_HDR ? TAC_HDR + len : left;
	if (len > 0 && !(flags & 0x01))
		st_dbytes(d, c, &tac_fields[F_BODY], TAC_HDR, b.end - TAC_HDR);
	else if (len > 0 && type == 1)
		tac_authen(d, &b, seq);
	else if (len > 0 && type == 2)
		tac_author(d, &b, seq);
	else if (len > 0 && type == 3)
		tac_acct(d, &b, seq);
	if (len > left - TAC_HDR || c->err != ST_OK) {
		d->hdr = left;
		if (len <= left - TAC_HDR || d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		/* the segment ends, not the capture */
		st_pkt_note(d->pkt, "TACACS+: the message continues in a "
		    "later segment");
		return ST_OK;
	}
	d->hdr = TAC_HDR + len;
	if (d->hdr < left) {		/* another message in the segment */
		d->plen = left - d->hdr;
		if (st_dcount(d, d->ly->proto) + 1 < TAC_MAXMSGS)
			d->next = d->ly->proto;
	} else
		d->plen = 0;
	return ST_OK;
}

/* The length of the message at c: its header and body. */
static size_t
tac_pdu_len(struct st_cur *c)
{
	if (st_cur_left(c) < TAC_HDR)
		return ST_PDU_MORE;
	if ((st_peek_bits(c, 0, 8) & 0xf0) != 0xc0)
		return 0;
	return TAC_HDR + (size_t)st_peek_bits(c, 64, 32);
}

static const struct st_bind tac_binds[] = {
	{ ST_KEY_TCPPORT, TAC_PORT },
};

/* "tacacs+ authentication start alice", "tacacs+ authorization reply
 * seq 2", "tacacs+ accounting request seq 1 (obfuscated)". */
static int
tac_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	unsigned type, seq;
	const char *t;

	st_ly_fields(s->pkt, ly, tac_fields, F_NFIELDS, f);
	if (f[F_TYPE] == NULL || f[F_SEQ] == NULL) {
		st_out_puts(s->o, "tacacs+");
		return 1;
	}
	type = (unsigned)f[F_TYPE]->val;
	seq = (unsigned)f[F_SEQ]->val;
	if (type >= 1 && type <= 3)
		st_out_printf(s->o, "tacacs+ %s", type == 1 ? "authentication" :
		    type == 2 ? "authorization" : "accounting");
	else
		st_out_printf(s->o, "tacacs+ type %u", type);
	st_out_printf(s->o, " %s seq %u", seq % 2 == 0 ? "reply" : type == 1 ?
	    (seq == 1 ? "start" : "continue") : "request", seq);
	if (f[F_USER] != NULL) {
		st_out_puts(s->o, " user ");
		s->value(s, f[F_USER]);
	}
	if (f[F_RSTATUS] != NULL && (t = st_field_meaning(f[F_RSTATUS])) !=
	    NULL)
		st_out_printf(s->o, " %s", t);
	if (f[F_BODY] != NULL)
		st_out_puts(s->o, " (obfuscated)");
	return 1;
}

static const struct st_field_desc *const tac_keys[] = {
	&tac_fields[F_TYPE], &tac_fields[F_SEQ], &tac_fields[F_SESSION], NULL,
};

const struct st_proto st_proto_tacplus = {
	.name = "tacplus",
	.ws = "tacplus",
	.title = "TACACS+",
	.rfc = "RFC 8907",
	.role = ST_ROLE_APP,
	.fields = tac_fields,
	.nfields = F_NFIELDS,
	.decode = tac_decode,
	.binds = tac_binds,
	.nbinds = NFIELDS(tac_binds),
	.summary = tac_summary,
	.keys = tac_keys,
	.pdu_len = tac_pdu_len,
	.color = "\033[33m",
	.explain = "Routers and switches ask a TACACS+ server (TCP 49) "
	    "whether an administrator may log in (authentication: START, "
	    "the server's REPLY asking for a password, CONTINUE with it), "
	    "may run a command (authorization, as attribute=value "
	    "arguments) and what was done (accounting records).  One "
	    "session ID ties a conversation together; odd sequence numbers "
	    "are the device's.  Bodies are obfuscated by XOR with an MD5 "
	    "pad of the shared key: without the key only the 12-byte header "
	    "is readable.",
};
