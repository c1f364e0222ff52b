/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RIPng, RIP for IPv6 (RFC 2080), UDP port 521.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  command (1)  |  version (1)  |       must be zero (2)        |
 * +---------------+---------------+-------------------------------+
 * |                      IPv6 prefix (16)                         |
 * |         route tag (2)         | prefix len (1)|  metric (1)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Route table entries of 20 bytes; one with metric 0xff gives the next
 * hop for the entries after it.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_CMD, F_VER, F_RSV, F_PREFIX, F_TAG, F_PLEN, F_METRIC };

static const struct st_valname cmd_names[] = {
	{ 1, "Request" }, { 2, "Response" }, { 0, NULL }
};

static const struct st_field_desc ripng_fields[] = {
	FDN("command", "ripng.cmd", "Command", 0, 8, ST_FMT_DEC, cmd_names),
	FD("version", "ripng.version", "Version", 8, 8, ST_FMT_DEC),
	FD(NULL, "ripng.reserved", "Reserved", 16, 16, ST_FMT_BYTES),
	FD(NULL, "ripng.rte.ipv6_prefix", "IPv6 prefix", 0, 128, ST_FMT_IPV6),
	FD(NULL, "ripng.rte.route_tag", "Route tag", 128, 16, ST_FMT_HEX),
	FD(NULL, "ripng.rte.prefix_length", "Prefix length", 144, 8,
	    ST_FMT_DEC),
	FD(NULL, "ripng.rte.metric", "Metric", 152, 8, ST_FMT_DEC),
};

#define RIPNG_MAXRTE	128	/* entries read: a 1280-byte MTU holds 62 */

static int
ripng_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 4;
	struct st_cur t;
	unsigned i;

	st_dfields(d, c, ripng_fields, F_PREFIX);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (st_peek_bits(c, 8, 8) != 1)
		return st_dmalformed(d, "RIPng version %u",
		    (unsigned)st_peek_bits(c, 8, 8));
	for (i = 0; i < RIPNG_MAXRTE && pos < left; i++, pos += 20) {
		t = *c;
		t.off += pos;
		if (st_dfields(d, &t, ripng_fields + F_PREFIX, 4) != ST_OK) {
			d->hdr = left;
			return t.err;
		}
	}
	d->hdr = pos < left ? pos : left;
	if (pos < left)
		return st_dmalformed(d, "more than %d route entries",
		    RIPNG_MAXRTE);
	if (d->net.tlen > 8 + left)	/* the capture ends before UDP does */
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind ripng_binds[] = {
	{ ST_KEY_UDPPORT, 521 },
};

/* As tcpdump: "RIPng, response, 2 routes". */
static int
ripng_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_PREFIX + 1];
	const struct st_field *fl, *end;
	struct st_out *o = s->o;
	const char *cmd;
	unsigned n = 0;

	st_ly_fields(s->pkt, ly, ripng_fields, F_PREFIX + 1, f);
	if (f[F_CMD] == NULL) {
		st_out_puts(o, "RIPng");
		return 1;
	}
	fl = &s->pkt->fields[ly->field0];
	for (end = fl + ly->nfields; fl < end; fl++)
		n += fl->desc == &ripng_fields[F_PREFIX];
	cmd = st_valname(cmd_names, (uint32_t)f[F_CMD]->val);
	st_out_printf(o, "RIPng, %s, %u route%s", cmd != NULL ? cmd :
	    "unknown command", n, n == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const ripng_keys[] = {
	&ripng_fields[F_CMD], NULL,
};

const struct st_proto st_proto_ripng = {
	.name = "ripng",
	.ws = "ripng",
	.title = "RIPng, RIP for IPv6",
	.rfc = "RFC 2080",
	.role = ST_ROLE_APP,
	.fields = ripng_fields,
	.nfields = NFIELDS(ripng_fields),
	.decode = ripng_decode,
	.binds = ripng_binds,
	.nbinds = NFIELDS(ripng_binds),
	.summary = ripng_summary,
	.keys = ripng_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "RIP for IPv6 (RFC 2080): route table entries of an IPv6 "
	    "prefix, route tag, prefix length and metric (hops, 16 "
	    "unreachable), sent to UDP port 521 of ff02::9.  An entry with "
	    "metric 0xff names the next hop of the entries after it.",
};
