/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv6 hop-by-hop and destination options headers (RFC 8200 4.3, 4.6):
 * options as type, length and value, each header a layer of its own.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                            Options                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include <string.h>

#include "ipv6ext.h"

static const struct st_valname opt6_names[] = {
	{ 0, "Pad1" }, { 1, "PadN" }, { 4, "tunnel encapsulation limit" },
	{ 5, "router alert" }, { 48, "minimum path MTU" },
	{ 194, "jumbo payload" }, { 201, "home address" }, { 0, NULL }
};

/* What a node that does not know the option does (RFC 8200 4.2). */
static const struct st_valname action_names[] = {
	{ 0, "skip and continue" }, { 1, "discard" },
	{ 2, "discard, send ICMP parameter problem" },
	{ 3, "discard, send ICMP if not multicast" }, { 0, NULL }
};

enum { X_NXT, X_LEN, X_OTYPE, X_OLEN, X_PAD1, X_PADN, X_RA, X_UNK,
	X_ACT, X_CHG, X_REST, X_TEL, X_JUMBO, X_HOA, X_PMIN, X_PRTN, X_PR,
	X_LENOCT };

static const struct st_field_desc hop_fields[] = {
	FDN("nh", "ipv6.hopopts.nxt", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("len", "ipv6.hopopts.len", "Length (8-byte units after the first)",
	    8, 8, ST_FMT_DEC),
	FDN(NULL, "ipv6.opt.type", "Option type", 0, 8, ST_FMT_HEX,
	    opt6_names),
	FD(NULL, "ipv6.opt.length", "Option length", 8, 8, ST_FMT_DEC),
	FD(NULL, "ipv6.opt.pad1", "Pad1", 0, 8, ST_FMT_HEX),
	FD(NULL, "ipv6.opt.padn", "PadN", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ipv6.opt.router_alert", "Router alert", 16, 16, ST_FMT_DEC),
	FD(NULL, "ipv6.opt.unknown", "Option data", 0, 0, ST_FMT_BYTES),
	FDDN(NULL, "ipv6.opt.type.action", "Action if unknown", 0, 2,
	    ST_FMT_DEC, action_names),
	FDD(NULL, "ipv6.opt.type.change", "May change en route", 2, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ipv6.opt.type.rest", "Low-order bits", 3, 5, ST_FMT_HEX),
	FD(NULL, "ipv6.opt.tel", "Tunnel encapsulation limit", 16, 8,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.opt.jumbo", "Jumbo payload length", 16, 32,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.opt.mipv6.home_address", "Home address", 16, 128,
	    ST_FMT_IPV6),
	FD(NULL, "ipv6.opt.pmtu.min", "Minimum reported path MTU", 16, 16,
	    ST_FMT_DEC),
	FDX(NULL, "ipv6.opt.pmtu.rtn", "Returned minimum path MTU", 32, 15,
	    ST_FMT_DEC, 1, 0, 0, 0, NULL),
	FD(NULL, "ipv6.opt.pmtu.r_flag", "Return flag", 47, 1, ST_FMT_BOOL),
	FDG("ipv6.hopopts.len_oct", "Length in bytes", ST_FMT_DEC, NULL),
};

static const struct st_field_desc dst_fields[] = {
	FDN("nh", "ipv6.dstopts.nxt", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("len", "ipv6.dstopts.len", "Length (8-byte units after the first)",
	    8, 8, ST_FMT_DEC),
	FDG("ipv6.dstopts.len_oct", "Length in bytes", ST_FMT_DEC, NULL),
};

/* The option rows whose data is one fixed field: type, data length, row. */
static const struct {
	uint8_t	 type, len, row;
} opt_rows[] = {
	{ 4, 1, X_TEL }, { 5, 2, X_RA }, { 194, 4, X_JUMBO },
	{ 201, 16, X_HOA },
};

/* The data of option type, len bytes at o (its type and length added). */
static void
tlv_data(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	size_t i;

	for (i = 0; i < NFIELDS(opt_rows); i++)
		if (opt_rows[i].type == type && opt_rows[i].len == len) {
			st_dfield(d, o, &hop_fields[opt_rows[i].row]);
			return;
		}
	if (type == 48 && len >= 4) {	/* RFC 9268: read as 4 bytes */
		st_dfields(d, o, hop_fields + X_PMIN, 3);
		return;
	}
	if (len > 0 || type == 1)	/* tshark shows an empty PadN */
		st_dbytes(d, o, &hop_fields[type == 1 ? X_PADN : X_UNK], 2,
		    len);
}

/*
 * The TLV options of a hop-by-hop or destination options header: each
 * moves pos on by at least one byte, and pos stays below n (<= 2048).
 */
static void
tlv_options(struct st_dctx *d, struct st_cur c, size_t n)
{
	size_t pos = 2, len;
	struct st_cur o;
	unsigned type;

	while (pos < n) {
		o = c;
		o.off += pos;
		type = (unsigned)st_peek_bits(&o, 0, 8);
		st_dfield(d, &o, &hop_fields[X_OTYPE]);
		if (type == 0) {
			st_dfield(d, &o, &hop_fields[X_PAD1]);
			pos++;
			continue;
		}
		st_dfields(d, &o, hop_fields + X_ACT, 3);
		if (pos + 2 > n) {
			st_dmalformed(d, "option %u has no length byte", type);
			return;
		}
		st_dfield(d, &o, &hop_fields[X_OLEN]);
		len = (size_t)st_peek_bits(&o, 8, 8);
		if (pos + 2 + len > n) {
			st_dmalformed(d, "option %u of %zu bytes runs past the "
			    "header", type, len);
			return;
		}
		tlv_data(d, &o, type, len);
		pos += 2 + len;
	}
}

static int
opts_decode(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *head, const struct st_field_desc *lenoct)
{
	size_t hdr;
	int rc;

	if (st_dfields(d, c, head, 2) != ST_OK)
		return c->err;
	hdr = ((size_t)st_peek_bits(c, 8, 8) + 1) * 8;
	st_dgen(d, lenoct, hdr);
	if ((rc = ext_common(d, c, hdr)) != ST_OK)
		return rc;
	tlv_options(d, *c, hdr);
	return ST_OK;
}

static int
hopopts_decode(struct st_dctx *d, struct st_cur *c)
{
	return opts_decode(d, c, hop_fields, &hop_fields[X_LENOCT]);
}

static int
dstopts_decode(struct st_dctx *d, struct st_cur *c)
{
	return opts_decode(d, c, dst_fields, &dst_fields[2]);
}

static const struct st_bind hop_binds[] = {
	{ ST_KEY_IPPROTO, 0 },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const hopopts_keys[] = {
	&hop_fields[X_NXT], NULL,
};

/* Pads n bytes of options as RFC 8200 4.2 says: Pad1, or PadN. */
static void
pad6(uint8_t *p, size_t n)
{
	memset(p, 0, n);
	if (n >= 2) {
		p[0] = 1;
		p[1] = (uint8_t)(n - 2);
	}
}

/* One option item of opts=...: ra[:N], jumbo:N, tel:N, pad1, padn:N,
 * opt:TYPE:HEX. */
static int
tlv_item(struct st_spec_opts *o, const char *item, unsigned col,
    struct st_spec_err *err)
{
	uint8_t b[258];
	const char *arg = strchr(item, ':');
	uint64_t v = 0, t;
	long n;

	if (arg != NULL && strncmp(item, "opt:", 4) != 0 &&
	    !st_spec_number(arg + 1, &v))
		return st_spec_fail(err, col, "'%s' needs a number after ':'",
		    item);
	memset(b, 0, sizeof(b));
	if (strcmp(item, "pad1") == 0)
		return st_spec_opt(o, b, 1, col, err);
	if (strncmp(item, "padn:", 5) == 0 && v <= 255) {
		pad6(b, (size_t)v + 2);
		return st_spec_opt(o, b, (size_t)v + 2, col, err);
	}
	if ((strcmp(item, "ra") == 0 || strncmp(item, "ra:", 3) == 0) &&
	    v <= 0xffff) {
		b[0] = 5, b[1] = 2, b[2] = (uint8_t)(v >> 8), b[3] = (uint8_t)v;
		return st_spec_opt(o, b, 4, col, err);
	}
	if (strncmp(item, "jumbo:", 6) == 0 && v <= UINT32_MAX) {
		b[0] = 0xc2, b[1] = 4, b[2] = (uint8_t)(v >> 24);
		b[3] = (uint8_t)(v >> 16), b[4] = (uint8_t)(v >> 8);
		b[5] = (uint8_t)v;
		return st_spec_opt(o, b, 6, col, err);
	}
	if (strncmp(item, "tel:", 4) == 0 && v <= 255) {
		b[0] = 4, b[1] = 1, b[2] = (uint8_t)v;
		return st_spec_opt(o, b, 3, col, err);
	}
	if (strncmp(item, "opt:", 4) == 0) {
		char num[8];
		size_t k = strcspn(item + 4, ":");

		if (k == 0 || k >= sizeof(num))
			return st_spec_fail(err, col, "opt:TYPE:HEX");
		memcpy(num, item + 4, k);
		num[k] = '\0';
		n = item[4 + k] == ':' ? st_spec_hex(item + 5 + k, b + 2, 255) :
		    0;
		if (!st_spec_number(num, &t) || t > 255 || n < 0)
			return st_spec_fail(err, col, "'%s' is not "
			    "opt:TYPE:HEX", item);
		b[0] = (uint8_t)t, b[1] = (uint8_t)n;
		return st_spec_opt(o, b, (size_t)n + 2, col, err);
	}
	return st_spec_fail(err, col, "unknown IPv6 option '%s' (ra, ra:N, "
	    "jumbo:N, tel:N, pad1, padn:N, opt:TYPE:HEX)", item);
}

/* opts=ITEM+ITEM: the TLV options of hop-by-hop and destination options. */
static int
tlv_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	char item[600];
	size_t k;

	(void)key;	/* only "opts" */
	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "opts needs a value: opts=ra");
	for (; *v != '\0'; v += k + (v[k] == '+')) {
		k = strcspn(v, "+");
		if (k >= sizeof(item))
			return st_spec_fail(err, col, "option too long");
		memcpy(item, v, k);
		item[k] = '\0';
		if (tlv_item(o, item, col, err) != 0)
			return -1;
	}
	return 0;
}

#define TLV_HELP "  opts      ra, ra:N, jumbo:N, tel:N, pad1, padn:N, " \
	"opt:TYPE:HEX, joined by '+';\n            padded to 8 bytes with " \
	"Pad1/PadN\n"

static const struct st_craft_auto hop_autos[] = {
	{ &hop_fields[X_NXT], ST_CA_NEXT }, { &hop_fields[X_LEN], ST_CA_LEN8 },
};

static const struct st_craft hop_craft = {
	.spec = "hbh",
	.alias = "hopopts",
	.extra = "opts",
	.key = tlv_spec_key,
	.hlen = 2,
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,
	.help = TLV_HELP,
	.autos = hop_autos,
	.nautos = NFIELDS(hop_autos),
	.optmax = 8 * 256 - 2 < ST_SPEC_OPTMAX ? 8 * 256 - 2 : ST_SPEC_OPTMAX,
	.align = 8,
	.pad = pad6,
};

const struct st_proto st_proto_hopopts = {
	.name = "hopopts",
	.ws = "ipv6.hopopts",
	.title = "IPv6 Hop-by-Hop Options",
	.rfc = "RFC 8200 4.3",
	.role = ST_ROLE_NETEXT,
	.fields = hop_fields,
	.nfields = 2,
	.more = hop_fields + 2,
	.nmore = NFIELDS(hop_fields) - 2,
	.decode = hopopts_decode,
	.binds = hop_binds,
	.nbinds = NFIELDS(hop_binds),
	.keys = hopopts_keys,
	.color = "\033[92m",
	.craft = &hop_craft,
};

static const struct st_bind dst_binds[] = {
	{ ST_KEY_IPPROTO, 60 },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const dstopts_keys[] = {
	&dst_fields[0], NULL,
};

static const struct st_craft_auto dst_autos[] = {
	{ &dst_fields[0], ST_CA_NEXT }, { &dst_fields[1], ST_CA_LEN8 },
};

static const struct st_craft dst_craft = {
	.spec = "dstopts",
	.extra = "opts",
	.key = tlv_spec_key,
	.hlen = 2,
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,
	.help = TLV_HELP,
	.autos = dst_autos,
	.nautos = NFIELDS(dst_autos),
	.optmax = 8 * 256 - 2 < ST_SPEC_OPTMAX ? 8 * 256 - 2 : ST_SPEC_OPTMAX,
	.align = 8,
	.pad = pad6,
};

const struct st_proto st_proto_dstopts = {
	.name = "dstopts",
	.ws = "ipv6.dstopts",
	.title = "IPv6 Destination Options",
	.rfc = "RFC 8200 4.6",
	.role = ST_ROLE_NETEXT,
	.fields = dst_fields,
	.nfields = 2,
	.more = dst_fields + 2,
	.nmore = NFIELDS(dst_fields) - 2,
	.decode = dstopts_decode,
	.binds = dst_binds,
	.nbinds = NFIELDS(dst_binds),
	.keys = dstopts_keys,
	.color = "\033[92m",
	.craft = &dst_craft,
};
