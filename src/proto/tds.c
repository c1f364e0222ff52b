/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tabular Data Stream ([MS-TDS], Sybase's TDS 4.2/5.0; TCP 1433 and 2433,
 * and elsewhere by content): SQL Server's client protocol.  Every packet
 * starts with an 8-byte header, big-endian:
 *
 *  0        8        16                31
 * +--------+--------+-----------------+
 * |  type  | status |     length      |
 * +--------+--------+-----------------+
 * |     channel     | packet | window |
 * +-----------------+--------+--------+
 *
 * (the length counts the header; status bit 0 ends a message, which may
 * take several packets).  A PRELOGIN packet (type 18) is a list of
 * options, each a token, an offset and a length (from the payload's
 * start), ended by 0xff, then their values: the client's or server's
 * version and sub-build, whether to encrypt, the instance name, the
 * thread ID, MARS, a trace ID, federated authentication, a nonce.
 *
 * strata shows the header of every packet and a PRELOGIN's options as
 * Wireshark does; the LOGIN7 record, SQL batches, RPC calls and the
 * token stream of responses are not decoded (their bytes stay in the
 * layer).  Several packets may share a segment, one layer each.  The
 * content heuristic is Wireshark's: every packet in the segment of a
 * known type and status and at least 8 bytes long, the first a LOGIN7 of
 * major version 0x70 or 0x80, a TDS 4/5 login of version 4 or 5, or a
 * TDS 5 query starting with a language token.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define TDS_HDR		8
#define TDS_OPTS	32	/* PRELOGIN options read */
#define TDS_PRELOGIN	18
#define TDS_LOGIN	2
#define TDS_QUERY5	15
#define TDS_LOGIN7	16

static const struct st_valname type_names[] = {
	{ 1, "SQL batch" }, { 2, "TDS4/5 login" },
	{ 3, "Remote Procedure Call" }, { 4, "Response" }, { 5, "Unused" },
	{ 6, "Attention" }, { 7, "Bulk load data" }, { 8, "Unused" },
	{ 9, "Unused" }, { 10, "Unused" }, { 11, "Unused" }, { 12, "Unused" },
	{ 13, "Unused" }, { 14, "Transaction Manager Request" },
	{ 15, "TDS5 query" }, { 16, "TDS7 login" }, { 17, "SSPI message" },
	{ 18, "TDS7 pre-login message" }, { 23, "TLS exchange" },
	{ 0, NULL }
};

static const struct st_valname token_names[] = {
	{ 0, "Version" }, { 1, "Encryption" }, { 2, "InstOpt" },
	{ 3, "ThreadID" }, { 4, "MARS" }, { 5, "TraceID" },
	{ 6, "FedAuthRequired" }, { 7, "NonceOpt" }, { 255, "Terminator" },
	{ 0, NULL }
};

static const struct st_valname enc_names[] = {
	{ 0, "Encryption is available but off" },
	{ 1, "Encryption is available and on" },
	{ 2, "Encryption is not available" },
	{ 3, "Encryption is required" }, { 0, NULL }
};

static const struct st_valname mars_names[] = {
	{ 0, "Off" }, { 1, "On" }, { 0, NULL }
};

enum { F_TYPE, F_STATUS, F_EOM, F_IGNORE, F_EVENT, F_RESET, F_RESETSKIP,
	F_LEN, F_CHANNEL, F_PKTNO, F_WINDOW, F_PRELOGIN, F_TOKEN, F_OFF,
	F_OLEN, F_VERSION, F_SUBBUILD, F_ENC, F_INSTOPT, F_THREAD, F_MARS,
	F_TRACE, F_FEDAUTH, F_NONCE, F_N };

static const struct st_field_desc tds_fields[F_N] = {
	[F_TYPE] = FDN("type", "tds.type", "Type", 0, 8, ST_FMT_DEC,
	    type_names),
	[F_STATUS] = FD("status", "tds.status", "Status", 8, 8, ST_FMT_HEX),
	[F_EOM] = FDD(NULL, "tds.status.eom", "End of message", 15, 1,
	    ST_FMT_BOOL),
	[F_IGNORE] = FDD(NULL, "tds.status.ignore", "Ignore this event", 14,
	    1, ST_FMT_BOOL),
	[F_EVENT] = FDD(NULL, "tds.status.event_notif", "Event notification",
	    13, 1, ST_FMT_BOOL),
	[F_RESET] = FDD(NULL, "tds.status.reset_conn", "Reset connection",
	    12, 1, ST_FMT_BOOL),
	[F_RESETSKIP] = FDD(NULL, "tds.status.reset_conn_skip_tran",
	    "Reset connection keeping transaction state", 11, 1, ST_FMT_BOOL),
	[F_LEN] = FD("length", "tds.length", "Length", 16, 16, ST_FMT_DEC),
	[F_CHANNEL] = FD(NULL, "tds.channel", "Channel", 32, 16, ST_FMT_DEC),
	[F_PKTNO] = FD(NULL, "tds.packet_number", "Packet Number", 48, 8,
	    ST_FMT_DEC),
	[F_WINDOW] = FD(NULL, "tds.window", "Window", 56, 8, ST_FMT_DEC),
	/* a subtree's head, no value (FT_NONE) */
	[F_PRELOGIN] = FD(NULL, "tds.prelogin", "Pre-Login Message", 0, 0,
	    ST_FMT_TEXT),
	[F_TOKEN] = FDN(NULL, "tds.prelogin.option.token", "Option Token", 0,
	    8, ST_FMT_DEC, token_names),
	[F_OFF] = FD(NULL, "tds.prelogin.option.offset", "Option offset", 8,
	    16, ST_FMT_DEC),
	[F_OLEN] = FD(NULL, "tds.prelogin.option.length", "Option length", 24,
	    16, ST_FMT_DEC),
	[F_VERSION] = FD(NULL, "tds.prelogin.option.version", "Version", 0,
	    32, ST_FMT_DEC),
	/* little-endian, unlike the rest */
	[F_SUBBUILD] = FD(NULL, "tds.prelogin.option.subbuild", "Sub-build",
	    0, 16, ST_FMT_DEC),
	[F_ENC] = FDN(NULL, "tds.prelogin.option.encryption", "Encryption", 0,
	    8, ST_FMT_DEC, enc_names),
	[F_INSTOPT] = FD(NULL, "tds.prelogin.option.instopt", "InstOpt", 0, 0,
	    ST_FMT_TEXT),
	[F_THREAD] = FD(NULL, "tds.prelogin.option.threadid", "ThreadID", 0,
	    32, ST_FMT_DEC),
	[F_MARS] = FDN(NULL, "tds.prelogin.option.mars", "MARS", 0, 8,
	    ST_FMT_DEC, mars_names),
	[F_TRACE] = FD(NULL, "tds.prelogin.option.traceid", "TraceID", 0, 0,
	    ST_FMT_BYTES),
	[F_FEDAUTH] = FD(NULL, "tds.prelogin.option.fedauthrequired",
	    "FedAuthRequired", 0, 8, ST_FMT_DEC),
	[F_NONCE] = FD(NULL, "tds.prelogin.option.nonceopt", "NonceOpt", 0, 0,
	    ST_FMT_BYTES),
};

#define T(i)	(&tds_fields[(i)])

/* Row i (bit offset 0) at byte off of cursor c, without moving it. */
static void
at(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off)
{
	st_dfields_at(d, c, off, T(i), 1);
}

/* The bytes each option's value has, as Wireshark reads it whatever the
 * option's length says (0: the length's). */
static const uint8_t value_size[8] = { 6, 1, 0, 4, 1, 0, 1, 0 };

/* The value of option token, n bytes at off of the m-byte payload at c;
 * ST_EINVAL when it runs past the payload. */
static int
option_value(struct st_dctx *d, struct st_cur *c, unsigned token,
    size_t off, size_t n, size_t m)
{
	char text[256 * 4 + 8];
	size_t want = token < 8 && value_size[token] != 0 ?
	    value_size[token] : n;
	struct st_cur v = *c;

	if (token >= 8 || want == 0)
		return ST_OK;
	if (off + want > m)
		return st_dmalformed(d, "PRELOGIN option %u's value at %zu "
		    "past the payload's %zu bytes", token, off, m);
	switch (token) {
	case 0:
		at(d, c, F_VERSION, off);
		st_dle(d, c, T(F_SUBBUILD), off + 4, 2);
		break;
	case 1: at(d, c, F_ENC, off); break;
	case 2:
		/* a string to its NUL, as Wireshark's FT_STRINGZ */
		if (!st_cur_need(&v, off + n))
			return v.err;
		st_escape_ascii(v.base + v.off + off, n < 256 ? n : 256, text,
		    sizeof(text));
		st_dtext(d, c, T(F_INSTOPT), off, n, text);
		break;
	case 3: at(d, c, F_THREAD, off); break;
	case 4: at(d, c, F_MARS, off); break;
	case 5: st_dbytes(d, c, T(F_TRACE), off, n); break;
	case 6: at(d, c, F_FEDAUTH, off); break;
	case 7: st_dbytes(d, c, T(F_NONCE), off, n); break;
	}
	return c->err;
}

/* A PRELOGIN payload of n bytes at c: the options, to 0xff. */
static int
prelogin(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos = 0, off, len;
	unsigned k, token;

	st_dtext(d, c, T(F_PRELOGIN), 0, n, "");
	for (k = 0; k < TDS_OPTS && pos < n; k++) {
		st_dfields_at(d, c, pos, T(F_TOKEN), 1);
		if (c->err != ST_OK)
			return c->err;
		token = (unsigned)st_peek_bits(c, pos * 8, 8);
		if (token == 0xff)
			return ST_OK;
		st_dfields_at(d, c, pos, T(F_OFF), 2);
		if (c->err != ST_OK)
			return c->err;
		off = (size_t)st_peek_bits(c, pos * 8 + 8, 16);
		len = (size_t)st_peek_bits(c, pos * 8 + 24, 16);
		if (option_value(d, c, token, off, len, n) != ST_OK)
			return ST_EINVAL;
		pos += 5;
	}
	return c->err;
}

static int
tds_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, n;
	struct st_cur p;
	unsigned type;
	int rc = ST_OK;

	if (left == 0)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	st_dfields(d, c, tds_fields, F_PRELOGIN);
	if (c->err != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 8);
	len = (size_t)st_peek_bits(c, 16, 16);
	if (len < TDS_HDR)
		return st_dmalformed(d, "length %zu below the header's 8", len);
	n = (len < left ? len : left) - TDS_HDR;
	p = *c;
	st_cur_skip(&p, TDS_HDR);
	p.end = p.off + n;
	/* A message's later packets continue its payload: Wireshark reads
	 * only the first's (its gathering is off, as strata's). */
	if (type == TDS_PRELOGIN && n > 0 && st_peek_bits(c, 48, 8) <= 1)
		rc = prelogin(d, &p, n);
	else if (type == TDS_PRELOGIN && n > 0)
		st_pkt_note(d->pkt, "TDS: a later packet of a PRELOGIN "
		    "message, its bytes not read alone");
	if (rc != ST_OK)
		return rc;
	if (len > left) {
		st_pkt_note(d->pkt, "TDS: a packet continues in a later "
		    "segment");
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
	}
	if (len < left) {
		d->hdr = len;
		d->plen = left - len;
		d->next = d->ly->proto;		/* another packet */
	}
	return ST_OK;
}

/* The header's length (strata/proto.h, pdu_len). */
static size_t
tds_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c);

	if (left < 4)
		return ST_PDU_MORE;
	if (st_peek_bits(c, 16, 16) < TDS_HDR)
		return 0;
	return (size_t)st_peek_bits(c, 16, 16);
}

/* Wireshark's is_valid_tds_type and is_valid_tds_status. */
static int
valid_type(unsigned t)
{
	return (t >= 1 && t <= 4) || t == 6 || t == 7 || (t >= 14 &&
	    t <= 18);
}

/*
 * Wireshark's heuristic: every packet in the segment of a known type, a
 * status of the five bits, at least 8 bytes; the first a login of a TDS
 * version it knows, or a TDS 5 query starting with a language token.
 */
static int
tds_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 0, plen;
	unsigned type, k;

	if (left < TDS_HDR)
		return 0;
	for (k = 0; k < 64 && pos < left; k++) {
		if (!valid_type((unsigned)st_peek_bits(c, pos * 8, 8)))
			return 0;
		if (pos + 1 >= left)
			break;
		if (st_peek_bits(c, pos * 8 + 8, 8) > 0x1f)
			return 0;
		if (pos + 3 >= left)
			break;
		plen = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		if (plen < TDS_HDR)
			return 0;
		pos += plen;
	}
	if (k == 64)
		return 0;
	type = (unsigned)st_peek_bits(c, 0, 8);
	if (type == TDS_LOGIN)
		return left >= 467 && (st_peek_bits(c, 466 * 8, 8) == 4 ||
		    st_peek_bits(c, 466 * 8, 8) == 5);
	if (type == TDS_LOGIN7)
		return left >= 16 && (st_peek_bits(c, 15 * 8, 8) == 0x70 ||
		    st_peek_bits(c, 15 * 8, 8) == 0x80);
	if (type == TDS_QUERY5)
		return left >= 9 && st_peek_bits(c, 64, 8) == 0x21;
	return 0;	/* the rest only on TDS's ports */
}

static const struct st_bind tds_binds[] = {
	{ ST_KEY_TCPPORT, 1433 },
	{ ST_KEY_TCPPORT, 2433 },
};

/* One packet's facts: "TDS7 pre-login message", "SQL batch". */
static void
tds_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = st_pkt_fd(s->pkt, ly, T(F_TYPE));
	const char *nm = f != NULL ? st_valname(type_names,
	    (uint32_t)f->val) : NULL;

	if (nm != NULL)
		st_out_puts(s->o, nm);
	else if (f != NULL)
		st_out_printf(s->o, "type %u", (unsigned)f->val);
	else
		st_out_puts(s->o, "?");
}

/* "tds TDS7 pre-login message". */
static int
tds_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "tds ");
	st_sum_each(s, ly, ", ", tds_facts);
	return 1;
}

static const struct st_field_desc *const tds_keys[] = {
	T(F_TYPE), T(F_STATUS), T(F_LEN), NULL,
};

const struct st_proto st_proto_tds = {
	.name = "tds",
	.ws = "tds",
	.title = "Tabular Data Stream",
	.rfc = "MS-TDS",
	.role = ST_ROLE_APP,
	.fields = tds_fields,
	.nfields = F_N,
	.decode = tds_decode,
	.binds = tds_binds,
	.nbinds = NFIELDS(tds_binds),
	.heuristic = tds_heuristic,
	.summary = tds_summary,
	.pdu_len = tds_pdu_len,
	.keys = tds_keys,
	.color = "\033[34m",
	.explain_bits = 64,
	.explain = "How a client talks to Microsoft SQL Server (and Sybase): "
	    "every packet has an 8-byte header (type, status whose bit 0 "
	    "ends a message, length with the header, channel, packet "
	    "number, window) and a message may take several packets.  A "
	    "connection starts with PRELOGIN both ways (versions, whether "
	    "to encrypt: the TLS handshake then rides inside PRELOGIN "
	    "packets), then LOGIN7 (user, password obfuscated, database), "
	    "then SQL batches (the query text in UTF-16) and RPC calls, "
	    "answered by a stream of tokens (columns, rows, DONE).",
};
