/*
 * IPv6 (RFC 8200) and its extension headers: hop-by-hop options,
 * routing, fragment and destination options, each a layer of its own.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Source Address (128 bits)                     |
 * |               Destination Address (128 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include <string.h>

#include "fields.h"

static const struct st_valname ecn_names[] = {
	{ 0, "Not-ECT" }, { 1, "ECT(1)" }, { 2, "ECT(0)" }, { 3, "CE" },
	{ 0, NULL }
};

enum { F_VER, F_TC, F_DSCP, F_ECN, F_FL, F_PLEN, F_NXT, F_HLIM, F_SRC, F_DST };

static const struct st_field_desc ipv6_fields[] = {
	FDX("version", "ipv6.version", "Version", 0, 4, ST_FMT_DEC, 0, 0, 0, 6,
	    NULL),
	FD("tc", "ipv6.tclass", "Traffic class", 4, 8, ST_FMT_HEX),
	FDD("dscp", "ipv6.tclass.dscp", "DSCP", 4, 6, ST_FMT_DEC),
	FDDN("ecn", "ipv6.tclass.ecn", "ECN", 10, 2, ST_FMT_DEC, ecn_names),
	FD("fl", "ipv6.flow", "Flow label", 12, 20, ST_FMT_HEX),
	FDX("plen", "ipv6.plen", "Payload length", 32, 16, ST_FMT_DEC, 0,
	    ST_AUTO_PLEN, 0, 0, NULL),
	FDX("nh", "ipv6.nxt", "Next header", 48, 8, ST_FMT_DEC, 0,
	    ST_AUTO_NEXT, 0, 0, st_ipproto_names),
	FDX("hlim", "ipv6.hlim", "Hop limit", 56, 8, ST_FMT_DEC, 0, 0, 0, 64,
	    NULL),
	FD("src", "ipv6.src", "Source address", 64, 128, ST_FMT_IPV6),
	FD("dst", "ipv6.dst", "Destination address", 192, 128, ST_FMT_IPV6),
};

static int
ipv6_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), plen;
	unsigned ver;

	st_dfield(d, c, &ipv6_fields[0]);
	ver = (unsigned)st_peek_bits(c, 0, 4);
	if (c->err != ST_OK)
		return c->err;
	if (ver != 6)
		return st_dmalformed(d, "version %u, not 6", ver);
	if (st_dfields(d, c, ipv6_fields + 1, NFIELDS(ipv6_fields) - 1) !=
	    ST_OK)
		return c->err;
	plen = (size_t)st_peek_bits(c, 32, 16);
	d->hdr = 40;
	if (plen + 40 > left && d->depth == 0 &&
	    d->pkt->caplen >= d->pkt->len)
		st_dmalformed(d, "payload length %zu exceeds the %zu bytes "
		    "present", plen, left - 40);
	d->plen = plen;
	d->net.fam = 6;
	memcpy(d->net.src, c->base + c->off + 8, 16);
	memcpy(d->net.dst, c->base + c->off + 24, 16);
	d->net.tlen = (uint32_t)plen;
	d->net.frag = 0;
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = (uint32_t)st_peek_bits(c, 48, 8);
	return ST_OK;
}

static const struct st_bind ipv6_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x86dd },
	{ ST_KEY_IPPROTO, 41 },	/* 6in4 */
	{ ST_KEY_NULLFAM, 24 },
	{ ST_KEY_NULLFAM, 28 },
	{ ST_KEY_NULLFAM, 30 },
};

/* @summary */
#include "strata/out.h"

/* "A → B proto n (name) len n". */
static int
ipv6_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *p = st_pkt_fd(s->pkt, ly, &ipv6_fields[F_NXT]);
	const char *m;

	s->endpoints(s, NULL);
	if (p != NULL) {
		st_out_printf(s->o, " proto %u", (unsigned)p->val);
		if ((m = st_field_meaning(p)) != NULL)
			st_out_printf(s->o, " (%s)", m);
	}
	st_out_puts(s->o, " len ");
	st_out_u64(s->o, ly->len);
	return 1;
}

static const struct st_field_desc *const ipv6_qkey[] = {
	&ipv6_fields[F_DST], &ipv6_fields[F_NXT], &ipv6_fields[F_FL], NULL
};

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const ipv6_keys[] = {
	&ipv6_fields[F_SRC], &ipv6_fields[F_DST], &ipv6_fields[F_HLIM],
	&ipv6_fields[F_NXT], &ipv6_fields[F_PLEN], NULL,
};

#include <stdio.h>

/* ipv6.plen leaves out the fixed header. */
static void
ipv6_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)inner;
	snprintf(buf, n, "ipv6.plen %u counts what follows the 40 bytes",
	    total >= 40 ? total - 40 : 0);
}

/* @craft */

#include <pcap/dlt.h>

/*
 * The unfragmentable part of the len-byte packet at h (RFC 8200 4.5): the
 * header, hop-by-hop, routing, and destination options before a routing
 * header.  Sets *nhpos to the next-header byte that will name the fragment
 * header.
 */
static size_t
unfrag_walk(const uint8_t *h, size_t len, size_t *nhpos)
{
	size_t pos = 40, end = 40, n;
	unsigned nh = h[6], i;

	*nhpos = 6;
	for (i = 0; i < ST_MAX_EXTHDR && pos + 8 <= len; i++) {
		if (nh != 0 && nh != 43 && nh != 60)
			break;
		n = ((size_t)h[pos + 1] + 1) * 8;
		if (pos + n > len)
			break;
		/* Destination options count only before a routing header. */
		if (nh != 60 || h[pos] == 43) {
			end = pos + n;
			*nhpos = pos;
		}
		nh = h[pos];
		pos += n;
	}
	return end;
}

static size_t
ipv6_unfrag_len(const uint8_t *h, size_t len)
{
	size_t nhpos;

	return len >= 40 ? unfrag_walk(h, len, &nhpos) : 0;
}

/* The unfragmentable part, then a fragment header for piece fp. */
static long
ipv6_frag_header(const uint8_t *h, size_t len, const struct st_frag_piece *fp,
    uint8_t *out, size_t cap)
{
	size_t nhpos, uf = unfrag_walk(h, len, &nhpos), plen;
	uint8_t *f = out + uf;

	if (uf + 8 > cap)
		return 0;
	plen = uf - 40 + 8 + fp->len;
	if (plen > 0xffff)
		return 0;
	memcpy(out, h, uf);
	f[0] = h[nhpos];
	f[1] = 0;
	f[2] = (uint8_t)(fp->off >> 8);
	f[3] = (uint8_t)((fp->off & 0xf8) | (fp->more ? 1 : 0));
	f[4] = (uint8_t)(fp->id >> 24), f[5] = (uint8_t)(fp->id >> 16);
	f[6] = (uint8_t)(fp->id >> 8), f[7] = (uint8_t)fp->id;
	out[nhpos] = 44;
	out[4] = (uint8_t)(plen >> 8), out[5] = (uint8_t)plen;
	return (long)(uf + 8);
}

static const uint8_t ipv6_lo[16] = { [15] = 1 };

static const struct st_build_def ipv6_defs[] = {
	{ &ipv6_fields[F_DST], ipv6_lo },
};

static const struct st_craft ipv6_craft = {
	.spec = "ipv6",
	.hlen = 40,
	.defs = ipv6_defs,
	.ndefs = NFIELDS(ipv6_defs),
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,	/* no next header */
	.link = DLT_RAW,
	.unfrag_len = ipv6_unfrag_len,
	.frag_header = ipv6_frag_header,
};

/* @probes */
/* A reply comes from where the probe went. */
static int
ipv6_answers(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *gl)
{
	return st_probe_same2(sent, sl, &ipv6_fields[F_DST], got, gl,
	    &ipv6_fields[F_SRC]);
}

/* A quoted header is ours: our destination, our next header. */
static int
ipv6_quoted(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *ql)
{
	return st_probe_same(sent, sl, got, ql, &ipv6_fields[F_DST]) &&
	    st_probe_same(sent, sl, got, ql, &ipv6_fields[F_NXT]);
}

const struct st_proto st_proto_ipv6 = {
	.name = "ipv6",
	.ws = "ipv6",
	.title = "Internet Protocol Version 6",
	.rfc = "RFC 8200",
	.role = ST_ROLE_NET,
	.fields = ipv6_fields,
	.nfields = NFIELDS(ipv6_fields),
	.decode = ipv6_decode,
	.binds = ipv6_binds,
	.nbinds = NFIELDS(ipv6_binds),
	.ends = { &ipv6_fields[F_SRC], &ipv6_fields[F_DST] },
	/* @summary */
	.summary = ipv6_summary,
	.qkey = ipv6_qkey,
	/* @views */
	.keys = ipv6_keys,
	.color = "\033[32m",
	.ledger = ipv6_ledger,
	.explain = "Extension headers may follow (hop-by-hop, routing, fragment,"
	    " destination options), each naming the next; then the payload.",
	/* @craft */
	.craft = &ipv6_craft,
	/* @probes */
	.hops = &ipv6_fields[F_HLIM],
	.answers = ipv6_answers,
	.quoted = ipv6_quoted,
};

/* Counts the extension headers already in this chain. */
static unsigned
ext_count(const struct st_dctx *d)
{
	return st_dcount_kind(d, 0, ST_ROLE_NETEXT);
}

/*
 * The start every extension header shares: checks the chain bound and that
 * hdr bytes fit in what the IPv6 header declared, then sets what follows.
 */
static int
ext_common(struct st_dctx *d, struct st_cur *c, size_t hdr)
{
	if (ext_count(d) >= ST_MAX_EXTHDR)
		return st_dmalformed(d, "more than %d extension headers",
		    ST_MAX_EXTHDR);
	if (d->net.fam == 6 && hdr > d->net.tlen)
		return st_dmalformed(d, "extension header of %zu bytes runs "
		    "past the payload length %u", hdr, d->net.tlen);
	if (!st_cur_need(c, hdr)) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	d->hdr = hdr;
	if (d->net.tlen >= hdr)
		d->net.tlen -= (uint32_t)hdr;
	d->plen = d->net.tlen;
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = (uint32_t)st_peek_bits(c, 0, 8);
	return ST_OK;
}

static const struct st_valname opt6_names[] = {
	{ 0, "Pad1" }, { 1, "PadN" }, { 4, "tunnel encapsulation limit" },
	{ 5, "router alert" }, { 194, "jumbo payload" },
	{ 201, "home address" }, { 0, NULL }
};

enum { X_NXT, X_LEN, X_OTYPE, X_OLEN, X_PAD1, X_PADN, X_RA, X_UNK };

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
};

static const struct st_field_desc dst_fields[] = {
	FDN("nh", "ipv6.dstopts.nxt", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("len", "ipv6.dstopts.len", "Length (8-byte units after the first)",
	    8, 8, ST_FMT_DEC),
};

/* The TLV options of a hop-by-hop or destination options header. */
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
		if (type == 0) {
			st_dfield(d, &o, &hop_fields[X_PAD1]);
			pos++;
			continue;
		}
		st_dfield(d, &o, &hop_fields[X_OTYPE]);
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
		if (type == 5 && len == 2)
			st_dfield(d, &o, &hop_fields[X_RA]);
		else if (len > 0)
			st_dbytes(d, &o, &hop_fields[type == 1 ? X_PADN :
			    X_UNK], 2, len);
		pos += 2 + len;
	}
}

static int
opts_decode(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *head)
{
	size_t hdr;
	int rc;

	if (st_dfields(d, c, head, 2) != ST_OK)
		return c->err;
	hdr = ((size_t)st_peek_bits(c, 8, 8) + 1) * 8;
	if ((rc = ext_common(d, c, hdr)) != ST_OK)
		return rc;
	tlv_options(d, *c, hdr);
	return ST_OK;
}

static int
hopopts_decode(struct st_dctx *d, struct st_cur *c)
{
	return opts_decode(d, c, hop_fields);
}

static int
dstopts_decode(struct st_dctx *d, struct st_cur *c)
{
	return opts_decode(d, c, dst_fields);
}

static const struct st_bind hop_binds[] = {
	{ ST_KEY_IPPROTO, 0 },
};

/* @summary */

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const hopopts_keys[] = {
	&hop_fields[X_NXT], NULL,
};

/* @craft */

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

/* @probes */

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
	/* @summary */
	/* @views */
	.keys = hopopts_keys,
	.color = "\033[92m",
	/* @craft */
	.craft = &hop_craft,
	/* @probes */
};

static const struct st_bind dst_binds[] = {
	{ ST_KEY_IPPROTO, 60 },
};

/* @summary */

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const dstopts_keys[] = {
	&dst_fields[0], NULL,
};

/* @craft */

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

/* @probes */

const struct st_proto st_proto_dstopts = {
	.name = "dstopts",
	.ws = "ipv6.dstopts",
	.title = "IPv6 Destination Options",
	.rfc = "RFC 8200 4.6",
	.role = ST_ROLE_NETEXT,
	.fields = dst_fields,
	.nfields = NFIELDS(dst_fields),
	.decode = dstopts_decode,
	.binds = dst_binds,
	.nbinds = NFIELDS(dst_binds),
	/* @summary */
	/* @views */
	.keys = dstopts_keys,
	.color = "\033[92m",
	/* @craft */
	.craft = &dst_craft,
	/* @probes */
};

static const struct st_valname rt_names[] = {
	{ 0, "source route (deprecated)" }, { 2, "type 2 (Mobile IPv6)" },
	{ 3, "RPL source route" }, { 4, "segment routing" }, { 0, NULL }
};

static const struct st_field_desc rt_fields[] = {
	FDN("nh", "ipv6.routing.nxt", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("len", "ipv6.routing.len", "Length (8-byte units after the first)",
	    8, 8, ST_FMT_DEC),
	FDN("type", "ipv6.routing.type", "Routing type", 16, 8, ST_FMT_DEC,
	    rt_names),
	FD("segleft", "ipv6.routing.segleft", "Segments left", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.routing.unknown_data", "Type-specific data", 32, 0,
	    ST_FMT_BYTES),
};

/*
 * The final destination the hlen routing header bytes at h name while
 * segments are left (RFC 8200 8.1: the pseudo-header's destination, as
 * Wireshark takes it): the last address of type 0 and 2, the first of the
 * segment list (type 4, RFC 8754).  Returns 0 for none.
 */
static int
rt_final(const uint8_t *h, size_t hlen, uint8_t *dst)
{
	if (hlen < 24 || h[3] == 0)
		return 0;
	if (h[2] == 0 || h[2] == 2)
		memcpy(dst, h + 8 + (hlen - 8) / 16 * 16 - 16, 16);
	else if (h[2] == 4)
		memcpy(dst, h + 8, 16);
	else
		return 0;
	return 1;
}

static int
routing_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t hdr;
	int rc;

	if (st_dfields(d, c, rt_fields, 4) != ST_OK)
		return c->err;
	hdr = ((size_t)st_peek_bits(c, 8, 8) + 1) * 8;
	if ((rc = ext_common(d, c, hdr)) != ST_OK)
		return rc;
	st_dbytes(d, c, &rt_fields[4], 4, hdr - 4);
	/* ext_common checked that the hdr bytes are there. */
	if (d->net.fam == 6)
		rt_final(c->base + c->off, hdr, d->net.dst);
	return ST_OK;
}

static const struct st_bind rt_binds[] = {
	{ ST_KEY_IPPROTO, 43 },
};

/* @summary */

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const routing_keys[] = {
	&rt_fields[2], &rt_fields[3], NULL,
};

/* @craft */

#include <arpa/inet.h>

/* addrs=A+B+C: the addresses of a routing header (type 0 or 2). */
static int
rt_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	uint8_t a[16];
	char addr[64];
	size_t k;

	(void)key;	/* only "addrs" */
	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "addrs needs a value: "
		    "addrs=2001:db8::1+2001:db8::2");
	for (; *v != '\0'; v += k + (v[k] == '+')) {
		k = strcspn(v, "+");
		if (k >= sizeof(addr))
			return st_spec_fail(err, col, "address too long");
		memcpy(addr, v, k);
		addr[k] = '\0';
		if (inet_pton(AF_INET6, addr, a) != 1)
			return st_spec_fail(err, col, "'%s' is not an IPv6 "
			    "address (routing addrs)", addr);
		if (st_spec_opt(o, a, 16, col, err) != 0)
			return -1;
	}
	return 0;
}

static const struct st_craft_auto rt_autos[] = {
	{ &rt_fields[0], ST_CA_NEXT }, { &rt_fields[1], ST_CA_LEN8 },
	{ &rt_fields[3], ST_CA_COUNT16 },
};

static const struct st_craft rt_craft = {
	.spec = "routing",
	.extra = "addrs",
	.key = rt_spec_key,
	.hlen = 8,
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,
	.help = "  addrs     the addresses, joined by '+': segleft counts them "
	    "unless given;\n            the last is the final destination of "
	    "the checksums\n",
	.autos = rt_autos,
	.nautos = NFIELDS(rt_autos),
	.optmax = 16 * 64,
	.align = 8,
	.final_dst = rt_final,
};

/* @probes */

const struct st_proto st_proto_routing = {
	.name = "routing",
	.ws = "ipv6.routing",
	.title = "IPv6 Routing Header",
	.rfc = "RFC 8200 4.4",
	.role = ST_ROLE_NETEXT,
	.fields = rt_fields,
	.nfields = NFIELDS(rt_fields),
	.decode = routing_decode,
	.binds = rt_binds,
	.nbinds = NFIELDS(rt_binds),
	/* @summary */
	/* @views */
	.keys = routing_keys,
	.color = "\033[92m",
	/* @craft */
	.craft = &rt_craft,
	/* @probes */
};

static const struct st_field_desc frag_fields[] = {
	FDN("nh", "ipv6.fraghdr.nxt", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("res", "ipv6.fraghdr.reserved_octet", "Reserved", 8, 8, ST_FMT_HEX),
	FDX("offset", "ipv6.fraghdr.offset", "Fragment offset (8-byte units)",
	    16, 13, ST_FMT_DEC, 0, 0, 0, 0, NULL),
	FD("res2", "ipv6.fraghdr.reserved_bits", "Reserved bits", 29, 2,
	    ST_FMT_DEC),
	FD("m", "ipv6.fraghdr.more", "More fragments", 31, 1, ST_FMT_BOOL),
	FD("id", "ipv6.fraghdr.ident", "Identification", 32, 32, ST_FMT_HEX),
};

static int
frag6_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned off, more;
	int rc;

	if (st_dfields(d, c, frag_fields, NFIELDS(frag_fields)) != ST_OK)
		return c->err;
	if ((rc = ext_common(d, c, 8)) != ST_OK)
		return rc;
	off = (unsigned)st_peek_bits(c, 16, 13);
	more = (unsigned)st_peek_bits(c, 31, 1);
	d->net.frag = off != 0 || more;
	if (off != 0)
		d->data = 1;	/* not the transport header */
	return ST_OK;
}

static const struct st_bind frag_binds[] = {
	{ ST_KEY_IPPROTO, 44 },
};

/* @summary */

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const frag6_keys[] = {
	&frag_fields[2], &frag_fields[4], &frag_fields[5], NULL,
};

/* @craft */

static const struct st_craft_auto frag_autos[] = {
	{ &frag_fields[0], ST_CA_NEXT },
};

static const struct st_craft frag_craft = {
	.spec = "frag",
	.alias = "frag6",
	.hlen = 8,
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,
	.autos = frag_autos,
	.nautos = NFIELDS(frag_autos),
	.help = "  offset    in 8-byte units; m=1: more fragments follow\n",
};

/* @probes */

const struct st_proto st_proto_frag6 = {
	.name = "frag6",
	.ws = "ipv6.fraghdr",
	.title = "IPv6 Fragment Header",
	.rfc = "RFC 8200 4.5",
	.role = ST_ROLE_NETEXT,
	.fields = frag_fields,
	.nfields = NFIELDS(frag_fields),
	.decode = frag6_decode,
	.binds = frag_binds,
	.nbinds = NFIELDS(frag_binds),
	/* @summary */
	/* @views */
	.keys = frag6_keys,
	.color = "\033[92m",
	/* @craft */
	.craft = &frag_craft,
	/* @probes */
};
