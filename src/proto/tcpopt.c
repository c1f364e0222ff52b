/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP's options, decoded: each kind's values, each option whole and all
 * of them (tcp.options.*, as tshark gives them), kinds another layer
 * shows handed over (MPTCP).  The header itself is in tcp.c.
 */
#include "tcpopt.h"

static const struct st_valname kind_names[] = {
	{ 0, "end of option list" }, { 1, "no-operation" },
	{ 2, "maximum segment size" }, { 3, "window scale" },
	{ 4, "SACK permitted" }, { 5, "SACK" }, { 8, "timestamps" },
	{ 19, "MD5 signature" }, { 28, "user timeout" },
	{ 29, "TCP-AO" }, { 30, "multipath TCP" }, { 34, "fast open cookie" },
	{ 0, NULL }
};


const struct st_field_desc st_tcp_opt_fields[ST_TCP_NOPT] = {
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

/*
 * Each option whole, as Wireshark's tree nodes hold it (tcp.options.mss:
 * its kind, length and value bytes), and all of them (tcp.options):
 * detail, left out of a lite decode.
 */
static const struct st_field_desc opt_whole[] = {
	{ .name = "tcp.options", .label = "Options", .fmt = ST_FMT_BYTES,
	  .flags = ST_DF_DETAIL },
#define W(n, l) { .name = (n), .label = (l), .fmt = ST_FMT_BYTES, \
	  .flags = ST_DF_DETAIL | ST_DF_COLONS }
	W("tcp.options.eol", "End of option list"),
	W("tcp.options.nop", "No-operation"),
	W("tcp.options.mss", "Maximum segment size"),
	W("tcp.options.wscale", "Window scale"),
	W("tcp.options.sack_perm", "SACK permitted"),
	W("tcp.options.sack", "SACK"),
	W("tcp.options.timestamp", "Timestamps"),
	W("tcp.options.md5", "MD5 signature"),
	W("tcp.options.user_to", "User timeout"),
	W("tcp.options.tfo", "TCP fast open"),
	W("tcp.options.unknown", "Unknown option"),
#undef W
};

/* The row of opt_whole[] for an option of this kind. */
static const struct st_field_desc *
opt_row(unsigned kind)
{
	static const unsigned char row[35] = {
		[0] = 1, [1] = 2, [2] = 3, [3] = 4, [4] = 5, [5] = 6, [8] = 7,
		[19] = 8, [28] = 9, [34] = 10,
	};

	return &opt_whole[kind < sizeof(row) && row[kind] ? row[kind] : 11];
}

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
		st_dfield(d, o, &st_tcp_opt_fields[O_MSS]);
		return 1;
	case 3:
		if (len != 3)
			return 0;
		st_dfield(d, o, &st_tcp_opt_fields[O_WS]);
		shift = (unsigned)st_peek_bits(o, 16, 8);
		st_dgen(d, &st_tcp_opt_fields[O_WSMUL], shift <= 14 ?
		    (uint64_t)1 << shift : 0);
		return 1;
	case 4:
		return len == 2;
	case 5:
		if (len < 10 || (len - 2) % 8 != 0)
			return 0;
		for (i = 2; i + 8 <= len; i += 8) {
			st_dbytes(d, o, &st_tcp_opt_fields[O_SACKLE], i, 4);
			st_dbytes(d, o, &st_tcp_opt_fields[O_SACKRE], i + 4, 4);
		}
		return 1;
	case 8:
		if (len != 10)
			return 0;
		st_dfields(d, o, st_tcp_opt_fields + O_TSVAL, 2);
		return 1;
	}
	if (len > 2)
		st_dbytes(d, o, &st_tcp_opt_fields[O_DATA], 2, len - 2);
	return 1;
}

/* Whether the option of kind at o (pos of n bytes) is another layer's. */
static int
tcp_subopt(struct st_cur *o, unsigned kind, size_t pos, size_t n,
    struct tcp_subopts *so)
{
	const struct st_proto *p;
	size_t len;

	if (kind <= 8 || pos + 2 > n || so->n == TCP_SUBOPTS)
		return 0;
	len = (size_t)st_peek_bits(o, 8, 8);
	if (len < 2 || len > n - pos ||
	    (p = st_proto_next(ST_KEY_TCPOPT, kind)) == NULL)
		return 0;
	so->pos[so->n] = pos;
	so->len[so->n] = len;
	so->p[so->n++] = p;
	return (int)len;
}

/* The options in bytes [20, n) of the header at c. */
void
st_tcp_options(struct st_dctx *d, struct st_cur c, size_t n,
    struct tcp_subopts *so)
{
	size_t pos = 20, len;
	struct st_cur o;
	unsigned kind;
	int sub, full = !d->pkt->lite;

	if (full && n > pos)
		st_dbytes(d, &c, &opt_whole[0], pos, n - pos);
	while (pos < n) {
		o = c;
		o.off += pos;
		kind = (unsigned)st_peek_bits(&o, 0, 8);
		if ((sub = tcp_subopt(&o, kind, pos, n, so)) > 0) {
			pos += (size_t)sub;
			continue;
		}
		if (full && (kind <= 1 || (pos + 2 <= n &&
		    (len = (size_t)st_peek_bits(&o, 8, 8)) >= 2 &&
		    len <= n - pos)))
			st_dbytes(d, &o, opt_row(kind), 0, kind <= 1 ? 1 : len);
		st_dfield(d, &o, &st_tcp_opt_fields[O_KIND]);
		if (kind == 0) {
			/* Zero bytes after it pad the header: Wireshark shows
			 * each as another end of list. */
			for (pos++; full && pos < n &&
			    st_peek_bits(&c, pos * 8, 8) == 0; pos++) {
				st_dbytes(d, &c, &opt_whole[1], pos, 1);
				o = c;
				o.off += pos;
				st_dfield(d, &o, &st_tcp_opt_fields[O_KIND]);
			}
			return;
		}
		if (kind == 1) {
			pos++;
			continue;
		}
		if (pos + 2 > n) {
			st_dmalformed(d, "option %u has no length byte", kind);
			return;
		}
		len = (size_t)st_peek_bits(&o, 8, 8);
		st_dfield(d, &o, &st_tcp_opt_fields[O_LEN]);
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
			st_dbytes(d, &o, &st_tcp_opt_fields[O_DATA], 2, len - 2);
			st_dmalformed(d, "option %u has bad length %zu", kind,
			    len);
		}
		pos += len;
	}
}

