/*
 * TCP (RFC 9293) with its options: MSS, window scale and timestamps
 * (RFC 7323), SACK (RFC 2018); others shown as kind, length and bytes.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |     |A|C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsv |E|W|C|R|C|S|S|Y|I|            Window             |
 * |       |     | |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 */
#include <string.h>

#include "fields.h"

enum { F_SPORT, F_DPORT, F_SEQ, F_ACK, F_DOFF, F_FLAGS, F_RES, F_AE, F_CWR,
	F_ECE, F_URG, F_ACKF, F_PSH, F_RST, F_SYN, F_FIN, F_WIN, F_CKSUM,
	F_URP, F_LEN, F_CKSTAT };

static const struct st_field_desc tcp_fields[] = {
	FDX("sport", "tcp.srcport", "Source port", 0, 16, ST_FMT_DEC, 0, 0, 0,
	    20, NULL),
	FDX("dport", "tcp.dstport", "Destination port", 16, 16, ST_FMT_DEC, 0,
	    0, 0, 80, NULL),
	FD("seq", "tcp.seq_raw", "Sequence number", 32, 32, ST_FMT_DEC),
	FD("ack", "tcp.ack_raw", "Acknowledgment number", 64, 32, ST_FMT_DEC),
	FDX("doff", "tcp.hdr_len", "Header length", 96, 4, ST_FMT_DEC, 2,
	    ST_AUTO_HLEN, 0, 5, NULL),
	FDX("flags", "tcp.flags", "Flags", 100, 12, ST_FMT_HEX, 0, 0, 0, 0x002,
	    NULL),
	FDD(NULL, "tcp.flags.res", "Reserved", 100, 3, ST_FMT_DEC),
	FDD(NULL, "tcp.flags.ae", "Accurate ECN", 103, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.cwr", "Congestion window reduced", 104, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.ece", "ECN-Echo", 105, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.urg", "Urgent", 106, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.ack", "Acknowledgment", 107, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.push", "Push", 108, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.reset", "Reset", 109, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.syn", "Syn", 110, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.fin", "Fin", 111, 1, ST_FMT_BOOL),
	FDX("window", "tcp.window_size_value", "Window", 112, 16, ST_FMT_DEC,
	    0, 0, 0, 8192, NULL),
	FDX("chksum", "tcp.checksum", "Checksum", 128, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("urp", "tcp.urgent_pointer", "Urgent pointer", 144, 16, ST_FMT_DEC),
	FDG("tcp.len", "Segment length", ST_FMT_DEC, NULL),
	FDG("tcp.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static const struct st_ckspec tcp_ck = {
	.field = &tcp_fields[F_CKSUM],
	.status = &tcp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.pseudo = 6,
};

static const struct st_valname kind_names[] = {
	{ 0, "end of option list" }, { 1, "no-operation" },
	{ 2, "maximum segment size" }, { 3, "window scale" },
	{ 4, "SACK permitted" }, { 5, "SACK" }, { 8, "timestamps" },
	{ 19, "MD5 signature" }, { 28, "user timeout" },
	{ 29, "TCP-AO" }, { 30, "multipath TCP" }, { 34, "fast open cookie" },
	{ 0, NULL }
};

enum { O_KIND, O_LEN, O_MSS, O_WS, O_WSMUL, O_SACKLE, O_SACKRE, O_TSVAL,
	O_TSECR, O_DATA };

static const struct st_field_desc opt_fields[] = {
	FDN(NULL, "tcp.option_kind", "Option kind", 0, 8, ST_FMT_DEC,
	    kind_names),
	FD(NULL, "tcp.option_len", "Option length", 8, 8, ST_FMT_DEC),
	FD("mss", "tcp.options.mss_val", "Maximum segment size", 16, 16,
	    ST_FMT_DEC),
	FD("wscale", "tcp.options.wscale.shift", "Window scale shift", 16, 8,
	    ST_FMT_DEC),
	FDG("tcp.options.wscale.multiplier", "Window multiplier", ST_FMT_DEC,
	    NULL),
	FD(NULL, "tcp.options.sack_le", "SACK left edge", 0, 32, ST_FMT_DEC),
	FD(NULL, "tcp.options.sack_re", "SACK right edge", 0, 32, ST_FMT_DEC),
	FD(NULL, "tcp.options.timestamp.tsval", "Timestamp value", 16, 32,
	    ST_FMT_DEC),
	FD(NULL, "tcp.options.timestamp.tsecr", "Timestamp echo reply", 48,
	    32, ST_FMT_DEC),
	FD(NULL, "tcp.options.unknown.payload", "Option data", 0, 0,
	    ST_FMT_BYTES),
};

/* The body of one option of len bytes at o; returns 0 if its length is off. */
static int
opt_body(struct st_dctx *d, struct st_cur *o, unsigned kind, size_t len)
{
	unsigned shift;
	size_t i;

	switch (kind) {
	case 2:
		if (len != 4)
			return 0;
		st_dfield(d, o, &opt_fields[O_MSS]);
		return 1;
	case 3:
		if (len != 3)
			return 0;
		st_dfield(d, o, &opt_fields[O_WS]);
		shift = (unsigned)st_peek_bits(o, 16, 8);
		st_dgen(d, &opt_fields[O_WSMUL], shift <= 14 ?
		    (uint64_t)1 << shift : 0);
		return 1;
	case 4:
		return len == 2;
	case 5:
		if (len < 10 || (len - 2) % 8 != 0)
			return 0;
		for (i = 2; i + 8 <= len; i += 8) {
			st_dbytes(d, o, &opt_fields[O_SACKLE], i, 4);
			st_dbytes(d, o, &opt_fields[O_SACKRE], i + 4, 4);
		}
		return 1;
	case 8:
		if (len != 10)
			return 0;
		st_dfields(d, o, opt_fields + O_TSVAL, 2);
		return 1;
	}
	if (len > 2)
		st_dbytes(d, o, &opt_fields[O_DATA], 2, len - 2);
	return 1;
}

/* The options in bytes [20, n) of the header at c. */
static void
tcp_options(struct st_dctx *d, struct st_cur c, size_t n)
{
	size_t pos = 20, len;
	struct st_cur o;
	unsigned kind;

	while (pos < n) {
		o = c;
		o.off += pos;
		kind = (unsigned)st_peek_bits(&o, 0, 8);
		st_dfield(d, &o, &opt_fields[O_KIND]);
		if (kind == 0)
			return;
		if (kind == 1) {
			pos++;
			continue;
		}
		if (pos + 2 > n) {
			st_dmalformed(d, "option %u has no length byte", kind);
			return;
		}
		len = (size_t)st_peek_bits(&o, 8, 8);
		st_dfield(d, &o, &opt_fields[O_LEN]);
		if (len < 2) {
			st_dmalformed(d, "option %u length %zu below 2", kind,
			    len);
			return;
		}
		if (len > n - pos) {
			st_dmalformed(d, "option %u length %zu runs past the "
			    "header", kind, len);
			return;
		}
		if (!opt_body(d, &o, kind, len)) {
			st_dbytes(d, &o, &opt_fields[O_DATA], 2, len - 2);
			st_dmalformed(d, "option %u has bad length %zu", kind,
			    len);
		}
		pos += len;
	}
}

/* "SYN, ACK": the flags' names for every value of the 9 flag bits, made
 * once by tcp_init before any decoding. */
static char flag_names[512][48];

static void
tcp_init(void)
{
	static const char *const names[] = { "FIN", "SYN", "RST", "PSH", "ACK",
		"URG", "ECE", "CWR", "AE" };
	size_t n, k, i;
	unsigned v;

	for (v = 0; v < 512; v++) {
		for (n = 0, i = 0; i < 9; i++) {
			if (!(v >> i & 1))
				continue;
			if (n > 0) {
				flag_names[v][n++] = ',';
				flag_names[v][n++] = ' ';
			}
			k = strlen(names[i]);
			memcpy(flag_names[v] + n, names[i], k);
			n += k;
		}
		memcpy(flag_names[v] + n, n ? "" : "none", n ? 1 : 5);
	}
}

static int
tcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hlen, tlen;
	struct st_field *ck, *fl;

	st_dfields(d, c, tcp_fields, F_FLAGS);
	if ((fl = st_dfield(d, c, &tcp_fields[F_FLAGS])) != NULL)
		fl->meaning = flag_names[fl->val & 511];
	st_dfields(d, c, tcp_fields + F_RES, F_CKSUM - F_RES);
	ck = st_dfield(d, c, &tcp_fields[F_CKSUM]);
	st_dfield(d, c, &tcp_fields[F_URP]);
	if (c->err != ST_OK)
		return c->err;
	hlen = (size_t)st_peek_bits(c, 96, 4) * 4;
	tlen = d->net.fam != 0 ? d->net.tlen : left;
	if (hlen < 20)
		return st_dmalformed(d, "header length %zu below 20", hlen);
	if (hlen > tlen)
		return st_dmalformed(d, "header length %zu exceeds the segment "
		    "length %zu", hlen, tlen);
	/* A fragment's segment length is unknown without reassembly. */
	if (!d->net.frag)
		st_dgen(d, &tcp_fields[F_LEN], tlen - hlen);
	st_dck(d, c, &tcp_ck, ck, hlen);
	if (hlen > left) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	tcp_options(d, *c, hlen);
	d->hdr = hlen;
	d->plen = tlen - hlen;
	d->next = st_proto_port(ST_KEY_TCPPORT, (uint16_t)st_peek_bits(c, 0, 16),
	    (uint16_t)st_peek_bits(c, 16, 16));
	return ST_OK;
}

static const struct st_bind tcp_binds[] = {
	{ ST_KEY_IPPROTO, 6 },
};

/* @summary */

/* @views */

/* @craft */

/* @probes */
#include <stdio.h>	/* snprintf, for the prediction hooks */

/*
 * A segment no connection owns draws a RST (RFC 9293 3.10.7.1), a SYN to
 * a listening port a SYN-ACK; no one answers a RST.
 */
static int
tcp_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	static const char after[] = "; after a SYN-ACK, this host's kernel "
	    "sends a RST, since no socket of its own sent the SYN";
	uint64_t flags = st_probe_val(sent, sl, &tcp_fields[F_FLAGS], 0);
	char port[32];

	snprintf(port, sizeof(port), "tcp port %llu", (unsigned long long)
	    st_probe_val(sent, sl, &tcp_fields[F_DPORT], 0));
	if (flags & 0x04) {
		snprintf(text, n, "nothing: no one answers a RST (RFC 9293 "
		    "3.10.7)");
		return 1;
	}
	if ((flags & 0x12) == 0x02 && listening == ST_LISTEN_YES) {
		*expect = ST_OUT_SYNACK;
		snprintf(text, n, "a SYN-ACK from %s: a socket listens on %s%s",
		    dst, port, after);
	} else if ((flags & 0x12) == 0x02 && listening != ST_LISTEN_NO) {
		*expect = ST_OUT_SYNACK | ST_OUT_RST;
		snprintf(text, n, "a SYN-ACK from %s if a socket listens on %s, "
		    "a RST-ACK if none does%s", dst, port, after);
	} else if ((flags & 0x12) == 0x02) {
		*expect = ST_OUT_RST;
		snprintf(text, n, "a RST-ACK from %s: no socket listens on %s",
		    dst, port);
	} else {
		*expect = ST_OUT_RST;
		snprintf(text, n, "a RST from %s: no connection owns this "
		    "segment (RFC 9293 3.10.7.1)", dst);
	}
	return 0;
}

static unsigned
tcp_outcome(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t flags = st_probe_val(got, gl, &tcp_fields[F_FLAGS], 0);

	return flags & 0x04 ? ST_OUT_RST : (flags & 0x12) == 0x12 ?
	    ST_OUT_SYNACK : ST_OUT_DATA;
}


const struct st_proto st_proto_tcp = {
	.name = "tcp",
	.ws = "tcp",
	.title = "Transmission Control Protocol",
	.rfc = "RFC 9293",
	.role = ST_ROLE_TRANSPORT,
	.flags = ST_PF_STREAM,
	.fields = tcp_fields,
	.nfields = NFIELDS(tcp_fields),
	.more = opt_fields,
	.nmore = NFIELDS(opt_fields),
	.decode = tcp_decode,
	.binds = tcp_binds,
	.nbinds = NFIELDS(tcp_binds),
	.init = tcp_init,
	.ends = { &tcp_fields[F_SPORT], &tcp_fields[F_DPORT] },
	.cksum = &tcp_ck,
	/* @summary */
	/* @views */
	/* @craft */
	/* @probes */
	.predict = tcp_predict,
	.outcome = tcp_outcome,
};
