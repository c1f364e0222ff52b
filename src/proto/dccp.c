/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DCCP, the Datagram Congestion Control Protocol (RFC 4340; IP protocol 33).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |           Dest Port           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data Offset  | CCVal | CsCov |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     |       |X|               |                               .
 * | Res | Type  |=|   Reserved    |  Sequence Number (high bits)  .
 * |     |       |1|               |                               .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                  Sequence Number (low bits)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * With X = 0 the sequence number is 24 bits in the first word's place
 * of the reserved byte (a 12-byte generic header).  Then, by type: an
 * acknowledgement number subheader (48 bits after 16 reserved, or 24
 * after 8 in an Ack or DataAck with X = 0), a service code (Request,
 * Response, Listen of RFC 5596), a reset code and three data bytes
 * (Reset); then options to Data Offset words, then the application data.
 * The checksum covers a pseudo-header, the header and CsCov - 1 words of
 * data (CsCov 0: all of it).
 *
 * Wireshark numbers each direction from its Request, Response or Listen
 * (dccp.seq, dccp.ack); strata gives the numbers on the wire, under the
 * names tshark gives them (dccp.seq_raw, dccp.ack_raw).
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define DCCP_MAXOPTS	256	/* options in one header (at most 1020 bytes) */

enum { F_SPORT, F_DPORT, F_PORT1, F_PORT2, F_DOFF, F_CCVAL, F_CSCOV,
	F_CKSUM, F_CKSTAT, F_RES1, F_TYPE, F_X,
	F_RES2, F_SEQ48, F_SEQ24, F_ACKRES16, F_ACK48, F_ACKRES8, F_ACK24,
	F_SVC, F_RCODE, F_DATA1, F_DATA2, F_DATA3,
	F_OTYPE, F_PAD, F_MAND, F_SLOW, F_FEAT, F_COOKIE, F_NDP, F_AV0, F_AV1,
	F_DROP, F_TS, F_TSE, F_ELAPSED, F_DCK, F_LER, F_LI, F_RR, F_ORES,
	F_CCID, F_UNKNOWN };

static const struct st_valname type_names[] = {
	{ 0, "Request" }, { 1, "Response" }, { 2, "Data" }, { 3, "Ack" },
	{ 4, "DataAck" }, { 5, "CloseReq" }, { 6, "Close" }, { 7, "Reset" },
	{ 8, "Sync" }, { 9, "SyncAck" }, { 10, "Listen" }, { 0, NULL }
};

/* IANA's service codes, four ASCII letters each (RFC 4340 8.1.2). */
static const struct st_valname svc_names[] = {
	{ 0, "not specified" }, { 1, "LTP" }, { 0x44495343, "DISC" },
	{ 0x52544350, "RTCP" }, { 0x52545041, "RTPA" }, { 0x5254504f, "RTPO" },
	{ 0x52545054, "RTPT" }, { 0x52545056, "RTPV" }, { 0x53594c47, "SYLG" },
	{ 0x42554e44, "Bundle Protocol" }, { 0x4e504d50, "NPMP" },
	{ 0xffffffff, "reserved (invalid)" }, { 0, NULL }
};

static const struct st_valname reset_names[] = {
	{ 0, "Unspecified" }, { 1, "Closed" }, { 2, "Aborted" },
	{ 3, "No Connection" }, { 4, "Packet Error" }, { 5, "Option Error" },
	{ 6, "Mandatory Error" }, { 7, "Connection Refused" },
	{ 8, "Bad Service Code" }, { 9, "Too Busy" }, { 10, "Bad Init Cookie" },
	{ 11, "Aggression Penalty" }, { 0, NULL }
};

static const struct st_valname opt_names[] = {
	{ 0, "Padding" }, { 1, "Mandatory" }, { 2, "Slow Receiver" },
	{ 32, "Change L" }, { 33, "Confirm L" }, { 34, "Change R" },
	{ 35, "Confirm R" }, { 36, "Init Cookie" }, { 37, "NDP Count" },
	{ 38, "Ack Vector [Nonce 0]" }, { 39, "Ack Vector [Nonce 1]" },
	{ 40, "Data Dropped" }, { 41, "Timestamp" }, { 42, "Timestamp Echo" },
	{ 43, "Elapsed Time" }, { 44, "Data Checksum" },
	{ 192, "CCID3 Loss Event Rate" }, { 193, "CCID3 Loss Intervals" },
	{ 194, "CCID3 Receive Rate" }, { 0, NULL }
};

static const struct st_valname feat_names[] = {
	{ 1, "Congestion Control ID (CCID)" }, { 2, "Allow Short Seqnums" },
	{ 3, "Sequence Window" }, { 4, "ECN Incapable" }, { 5, "Ack Ratio" },
	{ 6, "Send Ack Vector" }, { 7, "Send NDP Count" },
	{ 8, "Minimum Checksum Coverage" }, { 9, "Check Data Checksum" },
	{ 192, "Send Loss Event Rate" }, { 0, NULL }
};

static const struct st_field_desc dccp_fields[] = {
	FD("sport", "dccp.srcport", "Source port", 0, 16, ST_FMT_DEC),
	FD("dport", "dccp.dstport", "Destination port", 16, 16, ST_FMT_DEC),
	FDD(NULL, "dccp.port", "Port", 0, 16, ST_FMT_DEC),
	FDD(NULL, "dccp.port", "Port", 16, 16, ST_FMT_DEC),
	FDX("doff", "dccp.data_offset", "Data offset (words)", 32, 8,
	    ST_FMT_DEC, 0, ST_AUTO_HLEN, 0, 0, NULL),
	FD("ccval", "dccp.ccval", "CCVal", 40, 4, ST_FMT_DEC),
	FD("cscov", "dccp.cscov", "Checksum coverage", 44, 4, ST_FMT_DEC),
	FDX("chksum", "dccp.checksum", "Checksum", 48, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDGS("dccp.checksum.status", "Checksum status"),
	FD(NULL, "dccp.res1", "Reserved", 64, 3, ST_FMT_HEX),
	FDN("type", "dccp.type", "Type", 67, 4, ST_FMT_DEC, type_names),
	FDX("x", "dccp.x", "Extended sequence numbers", 71, 1, ST_FMT_BOOL, 0,
	    0, 0, 1, NULL),
	/* the sequence number: X = 1, or X = 0 */
	FD(NULL, "dccp.res2", "Reserved", 72, 8, ST_FMT_HEX),
	FD("seq", "dccp.seq_raw", "Sequence number", 80, 48, ST_FMT_DEC),
	FD(NULL, "dccp.seq_raw", "Sequence number", 72, 24, ST_FMT_DEC),
	/* the acknowledgement subheader, from its start: long, short */
	FD(NULL, "dccp.ack_res", "Reserved", 0, 16, ST_FMT_HEX),
	FD(NULL, "dccp.ack_raw", "Acknowledgement number", 16, 48,
	    ST_FMT_DEC),
	FD(NULL, "dccp.ack_res", "Reserved", 0, 8, ST_FMT_HEX),
	FD(NULL, "dccp.ack_raw", "Acknowledgement number", 8, 24,
	    ST_FMT_DEC),
	/* Request, Response, Listen; Reset */
	FDN(NULL, "dccp.service_code", "Service code", 0, 32, ST_FMT_DEC,
	    svc_names),
	FDN(NULL, "dccp.reset_code", "Reset code", 0, 8, ST_FMT_DEC,
	    reset_names),
	FD(NULL, "dccp.data1", "Data 1", 8, 8, ST_FMT_DEC),
	FD(NULL, "dccp.data2", "Data 2", 16, 8, ST_FMT_DEC),
	FD(NULL, "dccp.data3", "Data 3", 24, 8, ST_FMT_DEC),
	/* options, from the option's start */
	FDN(NULL, "dccp.option_type", "Option type", 0, 8, ST_FMT_DEC,
	    opt_names),
	FD(NULL, "dccp.padding", "Padding", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dccp.mandatory", "Mandatory", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dccp.slow_receiver", "Slow receiver", 0, 0, ST_FMT_BYTES),
	FDN(NULL, "dccp.feature_number", "Feature number", 16, 8, ST_FMT_DEC,
	    feat_names),
	FD(NULL, "dccp.init_cookie", "Init cookie", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dccp.ndp_count", "NDP count", 0, 0, ST_FMT_DEC),
	FD(NULL, "dccp.ack_vector.nonce_0", "Ack vector [nonce 0]", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dccp.ack_vector.nonce_1", "Ack vector [nonce 1]", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dccp.data_dropped", "Data dropped", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dccp.timestamp", "Timestamp", 16, 32, ST_FMT_DEC),
	FD(NULL, "dccp.timestamp_echo", "Timestamp echo", 16, 32, ST_FMT_DEC),
	FD(NULL, "dccp.elapsed_time", "Elapsed time (10 us)", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "dccp.checksum_data", "Data checksum", 16, 32, ST_FMT_HEX),
	FD(NULL, "dccp.ccid3_loss_event_rate", "CCID 3 loss event rate", 16,
	    32, ST_FMT_DEC),
	FD(NULL, "dccp.ccid3_loss_intervals", "CCID 3 loss intervals", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dccp.ccid3_receive_rate", "CCID 3 receive rate (bytes/s)",
	    16, 32, ST_FMT_DEC),
	FD(NULL, "dccp.option_reserved", "Reserved option", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dccp.ccid_option_data", "CCID option", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dccp.option_unknown", "Unknown option", 0, 0, ST_FMT_BYTES),
};

#define R(i)	(&dccp_fields[(i)])

static const struct st_ckspec dccp_ck = {
	.field = &dccp_fields[F_CKSUM],
	.status = &dccp_fields[F_CKSTAT],
	.lenfield = &dccp_fields[F_CSCOV],
	.cover = ST_CKC_UNITS,
	.pseudo = 33,
};

/* A cursor at byte off of c. */
static struct st_cur
at(const struct st_cur *c, size_t off)
{
	struct st_cur w = *c;

	w.off += off;
	return w;
}

/* The value of option type, len bytes whole, at o (its length checked). */
static void
opt_value(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	size_t v = len - 2;

	switch (type) {
	case 32: case 33: case 34: case 35:
		if (v >= 1)
			st_dfield(d, o, R(F_FEAT));
		return;
	case 36:
		st_dbytes(d, o, R(F_COOKIE), 2, v);
		return;
	case 37:
		if (v <= 6)
			st_dbytes(d, o, R(F_NDP), 2, v);
		return;
	case 38:
	case 39:
		st_dbytes(d, o, R(type == 38 ? F_AV0 : F_AV1), 2, v);
		return;
	case 40:
		st_dbytes(d, o, R(F_DROP), 2, v);
		return;
	case 41:
		if (v == 4)
			st_dfield(d, o, R(F_TS));
		return;
	case 42:
		if (v == 4 || v == 6 || v == 8)
			st_dfield(d, o, R(F_TSE));
		if (v == 6 || v == 8)
			st_dbytes(d, o, R(F_ELAPSED), 6, v - 4);
		return;
	case 43:
		if (v == 2 || v == 4)
			st_dbytes(d, o, R(F_ELAPSED), 2, v);
		return;
	case 44:
	case 192:
	case 194:
		if (v == 4)
			st_dfield(d, o, R(type == 44 ? F_DCK : type == 192 ?
			    F_LER : F_RR));
		return;
	case 193:
		st_dbytes(d, o, R(F_LI), 2, v);
		return;
	}
	st_dbytes(d, o, R(type < 128 ? F_ORES : F_CCID), 2, v);
}

/* The options in bytes [off, end) of the header at c. */
static int
options(struct st_dctx *d, struct st_cur *c, size_t off, size_t end)
{
	static const uint8_t one[3] = { F_PAD, F_MAND, F_SLOW };
	struct st_cur o;
	unsigned n, type;
	size_t len;

	for (n = 0; off < end && n < DCCP_MAXOPTS; n++) {
		o = at(c, off);
		if (st_dfield(d, &o, R(F_OTYPE)) == NULL)
			return o.err;
		type = (unsigned)st_peek_bits(&o, 0, 8);
		if (type < 32) {	/* one byte: the type is the option */
			st_dbytes(d, &o, R(type < 3 ? one[type] : F_ORES), 0,
			    1);
			off++;
			continue;
		}
		if (!st_cur_need(&o, 2))
			return o.err;
		len = (size_t)st_peek_bits(&o, 8, 8);
		if (len < 2)
			return st_dmalformed(d, "option %u length %zu below 2",
			    type, len);
		if (off + len > end)
			return st_dmalformed(d, "option %u of %zu bytes runs "
			    "past the header", type, len);
		opt_value(d, &o, type, len);
		if (o.err != ST_OK)
			return o.err;
		off += len;
	}
	return ST_OK;
}

/*
 * The type's fields after the generic header (off bytes, x its X bit);
 * returns the header bytes they end at, or 0 when the data offset (hlen
 * bytes) leaves them no room (*rc then set).
 */
static size_t
type_fields(struct st_dctx *d, struct st_cur *c, unsigned type, int x,
    size_t off, size_t hlen, int *rc)
{
	struct st_cur s = at(c, off);
	size_t need;

	switch (type) {
	case 0: case 10:	need = 4; break;
	case 1: case 7:		need = 12; break;
	case 2:			need = 0; break;
	case 3: case 4:		need = x ? 8 : 4; break;
	case 5: case 6: case 8: case 9: need = 8; break;
	default:
		*rc = st_dmalformed(d, "reserved packet type %u", type);
		return 0;
	}
	if (off + need > hlen) {
		*rc = st_dmalformed(d, "data offset %zu bytes below the %zu "
		    "of a %s", hlen, off + need, st_valname(type_names, type));
		return 0;
	}
	if (type == 3 || type == 4)
		st_dfields(d, &s, R(x ? F_ACKRES16 : F_ACKRES8), 2);
	else if (type != 0 && type != 2 && type != 10) {
		st_dfields(d, &s, R(F_ACKRES16), 2);
		s = at(c, off + 8);
	}
	if (type == 0 || type == 1 || type == 10)
		st_dfield(d, &s, R(F_SVC));
	else if (type == 7)
		st_dfields(d, &s, R(F_RCODE), 4);
	*rc = s.err;
	return s.err == ST_OK ? off + need : 0;
}

static int
dccp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t hlen, off, left = st_cur_left(c), total;
	struct st_field *ck;
	unsigned type;
	int x, rc = ST_OK;

	st_dfields(d, c, dccp_fields, F_CKSUM);
	ck = st_dfield(d, c, R(F_CKSUM));
	st_dfields(d, c, R(F_RES1), 3);
	if (c->err != ST_OK)
		return c->err;
	hlen = (size_t)st_peek_bits(c, 32, 8) * 4;
	type = (unsigned)st_peek_bits(c, 67, 4);
	x = (int)st_peek_bits(c, 71, 1);
	total = d->net.fam != 0 ? d->net.tlen : left;
	off = x ? 16 : 12;
	d->hdr = hlen < off ? off : hlen;
	if (hlen > total)
		return st_dmalformed(d, "data offset of %zu bytes exceeds the "
		    "packet's %zu", hlen, total);
	st_dck(d, c, &dccp_ck, ck, hlen);
	if (hlen < off)
		return st_dmalformed(d, "data offset %zu below the generic "
		    "header's %zu bytes", hlen, off);
	if (x)
		st_dfields(d, c, R(F_RES2), 2);
	else
		st_dfield(d, c, R(F_SEQ24));
	if (c->err != ST_OK)
		return c->err;
	if ((off = type_fields(d, c, type, x, off, hlen, &rc)) == 0)
		return rc;
	if (off < hlen && (rc = options(d, c, off, hlen)) != ST_OK)
		return rc;
	d->plen = total - hlen;
	d->next = st_proto_port(ST_KEY_DCCPPORT, (uint16_t)st_peek_bits(c, 0,
	    16), (uint16_t)st_peek_bits(c, 16, 16));
	return ST_OK;
}

static const struct st_bind dccp_binds[] = {
	{ ST_KEY_IPPROTO, 33 },
};

/* @summary */
/*
 * As tcpdump: "A:p → B:p dccp request (service=42) seq 4096",
 * "... response (service=42) seq 8192 ack 4096", "... reset (code=closed)
 * seq 5 ack 4", "... data seq 7 len 12".
 */
static int
dccp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NFIELDS(dccp_fields)];
	const struct st_field *seq, *ack;
	const char *name;
	unsigned type;

	if (s->net == NULL)
		return 0;
	st_ly_fields(s->pkt, ly, dccp_fields, NFIELDS(dccp_fields), f);
	s->endpoints(s, ly);
	if (f[F_TYPE] == NULL) {
		st_out_puts(s->o, " dccp");
		return 1;
	}
	type = (unsigned)f[F_TYPE]->val;
	name = st_valname(type_names, type);
	st_out_puts(s->o, " dccp ");
	if (name != NULL)
		for (; *name != '\0'; name++)
			st_out_putc(s->o, (char)(*name >= 'A' && *name <= 'Z' ?
			    *name - 'A' + 'a' : *name));
	else
		st_out_printf(s->o, "type %u", type);
	if (f[F_SVC] != NULL) {
		name = st_valname(svc_names, (uint32_t)f[F_SVC]->val);
		st_out_puts(s->o, " (service=");
		if (name != NULL)
			st_out_puts(s->o, name);
		else
			st_out_u64(s->o, f[F_SVC]->val);
		st_out_putc(s->o, ')');
	}
	if (f[F_RCODE] != NULL) {
		name = st_valname(reset_names, (uint32_t)f[F_RCODE]->val);
		st_out_printf(s->o, " (code=%s)", name != NULL ? name :
		    "unknown");
	}
	seq = f[F_SEQ48] != NULL ? f[F_SEQ48] : f[F_SEQ24];
	ack = f[F_ACK48] != NULL ? f[F_ACK48] : f[F_ACK24];
	if (seq != NULL)
		st_out_printf(s->o, " seq %llu", (unsigned long long)seq->val);
	if (ack != NULL)
		st_out_printf(s->o, " ack %llu", (unsigned long long)ack->val);
	if ((type == 2 || type == 4) && ly->len > ly->hdr_len)
		st_out_printf(s->o, " len %u", (unsigned)(ly->len -
		    ly->hdr_len));
	return 1;
}

/* @views */
static const struct st_field_desc *const dccp_keys[] = {
	R(F_SPORT), R(F_DPORT), R(F_TYPE), NULL,
};

static const struct st_field_desc *const dccp_qkey[] = {
	R(F_DPORT), NULL
};

/* @craft */
/*
 * Crafting, with 48-bit numbers (X 1): the acknowledgement number, the
 * service code of a Request or Listen, a Reset's code, at their places
 * in those types' headers.
 */
static const struct st_field_desc dccp_craft_rows[] = {
	FD("ack", "dccp.ack_raw", "Acknowledgement number", 144, 48,
	    ST_FMT_DEC),
	FD("service", "dccp.service_code", "Service code", 128, 32,
	    ST_FMT_DEC),
	FD("code", "dccp.reset_code", "Reset code", 192, 8, ST_FMT_DEC),
};

/* The header bytes before options of a packet of type t (X 1). */
static size_t
dccp_hlen_of(uint64_t t)
{
	switch (t) {
	case 0: case 10:	return 20;
	case 1: case 7:		return 28;
	case 2:			return 16;
	}
	return 24;
}

/* A reset code's names, for a Reset (type 7). */
static const struct st_valname *
dccp_names(const struct st_field_desc *fd, uint64_t ctl)
{
	return fd == &dccp_fields[F_RCODE] && ctl == 7 ? reset_names : NULL;
}

/* Option bytes as hex ("options=2004010302"), padded with zeros. */
static int
dccp_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned vcol, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTMAX];
	long n;

	(void)key;
	if (v == NULL)
		return st_spec_fail(err, kcol, "dccp options needs hex bytes");
	if ((n = st_spec_hex(v, b, sizeof(b))) < 0)
		return st_spec_fail(err, vcol, "dccp options: '%s' is not hex",
		    v);
	return st_spec_opt(o, b, (size_t)n, vcol, err);
}

static const struct st_craft dccp_craft = {
	.spec = "dccp",
	.extra = "options",
	.key = dccp_spec_key,
	.named = { &dccp_fields[F_TYPE], &dccp_fields[F_RCODE] },
	.hlen = 20,
	.hlen_of = dccp_hlen_of,
	.optmax = 1008,
	.rows = dccp_craft_rows,
	.nrows = NFIELDS(dccp_craft_rows),
	.help = "  type      0 Request (default), 1 Response, 2 Data, 3 Ack, "
	    "4 DataAck,\n            5 CloseReq, 6 Close, 7 Reset, 8 Sync, "
	    "9 SyncAck, 10 Listen\n  seq ack   48-bit numbers (X 1); service "
	    "(Request, Listen), code (Reset)\n  options   option bytes as hex, "
	    "padded to 4\n",
};

/* @probes */

const struct st_proto st_proto_dccp = {
	.name = "dccp",
	.ws = "dccp",
	.title = "Datagram Congestion Control Protocol",
	.rfc = "RFC 4340",
	.role = ST_ROLE_TRANSPORT,
	.fields = dccp_fields,
	.nfields = NFIELDS(dccp_fields),
	.decode = dccp_decode,
	.binds = dccp_binds,
	.nbinds = NFIELDS(dccp_binds),
	.names = dccp_names,
	.ends = { &dccp_fields[F_SPORT], &dccp_fields[F_DPORT] },
	.cksum = &dccp_ck,
	/* @summary */
	.summary = dccp_summary,
	.qkey = dccp_qkey,
	/* @views */
	.keys = dccp_keys,
	.color = "\033[36m",
	.ck_what = "a pseudo-header, the header and CsCov - 1 words of data "
	    "(CsCov 0: all of it)",
	.explain = "DCCP carries unreliable datagrams on a connection with "
	    "congestion control (RFC 4340): Request, Response and Ack open "
	    "it (the Request names a service code), Data, Ack and DataAck "
	    "carry it, CloseReq, Close and Reset end it, Sync and SyncAck "
	    "recover sequence numbers.  Every packet is numbered (48 bits, "
	    "or 24 with X 0); most carry an acknowledgement number.  Options "
	    "negotiate features (Change and Confirm, L or R: the congestion "
	    "control ID, CCID 2 or 3) and report what arrived (Ack Vector, "
	    "NDP Count, Timestamps).  The checksum may cover only the header "
	    "and the first CsCov - 1 words of data, so that damaged data "
	    "still reaches an application that can use it.",
	/* @craft */
	.craft = &dccp_craft,
	/* @probes */
};
