/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv6 (RFC 8200), and its fragment header (4.5), a layer of its own; the
 * options headers are in ipv6opts.c, the routing header in ipv6rt.c.
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
#include <pcap/dlt.h>
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "ipv6ext.h"

static const struct st_valname ecn_names[] = {
	{ 0, "Not-ECT" }, { 1, "ECT(1)" }, { 2, "ECT(0)" }, { 3, "CE" },
	{ 0, NULL }
};

enum { F_VER, F_TC, F_DSCP, F_ECN, F_FL, F_PLEN, F_NXT, F_HLIM, F_SRC, F_DST };

static const struct st_field_desc ipv6_fields[] = {
	FDX("version", "ipv6.version", "Version", 0, 4, ST_FMT_DEC, 0, 0, 0, 6,
	    NULL),
	FD("tc", "ipv6.tclass", "Traffic class", 4, 8, ST_FMT_HEX),
	FDX("dscp", "ipv6.tclass.dscp", "DSCP", 4, 6, ST_FMT_DEC, 0, 0,
	    ST_DF_DETAIL | ST_DF_CLASS, 0, NULL),
	FDDN("ecn", "ipv6.tclass.ecn", "ECN", 10, 2, ST_FMT_DEC, ecn_names),
	FD("fl", "ipv6.flow", "Flow label", 12, 20, ST_FMT_HEX),
	FDX("plen", "ipv6.plen", "Payload length", 32, 16, ST_FMT_DEC, 0,
	    ST_AUTO_PLEN, 0, 0, NULL),
	FDX("nh", "ipv6.nxt", "Next header", 48, 8, ST_FMT_DEC, 0,
	    ST_AUTO_NEXT, 0, 0, st_ipproto_names),
	FDX("hlim", "ipv6.hlim", "Hop limit", 56, 8, ST_FMT_DEC, 0, 0,
	    ST_DF_HOPS, 64, NULL),
	FDX("src", "ipv6.src", "Source address", 64, 128, ST_FMT_IPV6, 0, 0,
	    ST_DF_KFILL, 0, NULL),
	FD("dst", "ipv6.dst", "Destination address", 192, 128, ST_FMT_IPV6),
};

/*
 * What an address says of itself, as tshark gives it (generated facts):
 * the MAC of an EUI-64 interface ID (RFC 4291 app. A), a 6to4 gateway and
 * SLA ID (RFC 3056), a Teredo server, port and client (RFC 4380: the
 * last two inverted), an ISATAP IPv4 address (RFC 5214).  One table for
 * the source, one for the destination (16 bytes on).
 */
enum { A_SLAAC, A_6GW, A_6SLA, A_TS, A_TCPORT, A_TCIP, A_ISATAP, A_NF };

static const struct st_field_desc addr_rows[2][A_NF] = { {
	FD(NULL, "ipv6.src_slaac_mac", "Source SLAAC MAC", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ipv6.src_6to4_gw_ipv4", "Source 6to4 gateway IPv4", 80, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ipv6.src_6to4_sla_id", "Source 6to4 SLA ID", 112, 16,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.src_ts_ipv4", "Source Teredo server IPv4", 96, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ipv6.src_tc_port", "Source Teredo port", 144, 16,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.src_tc_ipv4", "Source Teredo client IPv4", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ipv6.src_isatap_ipv4", "Source ISATAP IPv4", 160, 32,
	    ST_FMT_IPV4),
}, {
	FD(NULL, "ipv6.dst_slaac_mac", "Destination SLAAC MAC", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ipv6.dst_6to4_gw_ipv4", "Destination 6to4 gateway IPv4",
	    208, 32, ST_FMT_IPV4),
	FD(NULL, "ipv6.dst_6to4_sla_id", "Destination 6to4 SLA ID", 240, 16,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.dst_ts_ipv4", "Destination Teredo server IPv4", 224,
	    32, ST_FMT_IPV4),
	FD(NULL, "ipv6.dst_tc_port", "Destination Teredo port", 272, 16,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.dst_tc_ipv4", "Destination Teredo client IPv4", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ipv6.dst_isatap_ipv4", "Destination ISATAP IPv4", 288, 32,
	    ST_FMT_IPV4),
} };

/* The facts of the address at byte at of the header at c (its 40 bytes
 * checked), from rows f. */
static void
addr_facts(struct st_dctx *d, struct st_cur *c, size_t at,
    const struct st_field_desc *f)
{
	const uint8_t *a = c->base + c->off + at;
	char t[24];

	if (a[0] == 0x20 && a[1] == 0x02) {
		st_dfields(d, c, f + A_6GW, 2);
	} else if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
		st_dfield(d, c, &f[A_TS]);
		st_pkt_add_field(d->pkt, &f[A_TCPORT], (uint32_t)((c->off +
		    at + 10) * 8), 16, (uint16_t)~(a[10] << 8 | a[11]));
		snprintf(t, sizeof(t), "%u.%u.%u.%u", a[12] ^ 0xff,
		    a[13] ^ 0xff, a[14] ^ 0xff, a[15] ^ 0xff);
		st_dtext(d, c, &f[A_TCIP], at + 12, 4, t);
	}
	/* Universal (u bit set): made of a MAC, as tshark requires. */
	if (a[11] == 0xff && a[12] == 0xfe && (a[8] & 0x02)) {
		snprintf(t, sizeof(t), "%02x:%02x:%02x:%02x:%02x:%02x",
		    a[8] ^ 0x02, a[9], a[10], a[13], a[14], a[15]);
		st_dtext(d, c, &f[A_SLAAC], at + 8, 8, t);
	} else if ((a[8] & ~0x02) == 0 && a[9] == 0 && a[10] == 0x5e &&
	    a[11] == 0xfe)
		st_dfield(d, c, &f[A_ISATAP]);
}

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
	if (!d->pkt->lite) {	/* the tree's and JSON's, not the summary's */
		addr_facts(d, c, 8, addr_rows[0]);
		addr_facts(d, c, 24, addr_rows[1]);
	}
	d->hdr = 40;
	if (plen == 0 && left > 40) {
		/*
		 * Segmentation offload (TSO, BIG TCP) leaves 0, and so does a
		 * jumbogram, whose hop-by-hop Jumbo Payload option holds the
		 * length (RFC 2675): the capture knows better, as Wireshark
		 * takes it.
		 */
		st_pkt_note(d->pkt, "IPv6 payload length 0 (segmentation "
		    "offload or a jumbogram): using the captured length");
		plen = left - 40;
	}
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

extern const struct st_proto st_proto_frag6;

/* "A → B proto n (name) len n"; for a fragment, what its datagram
 * carries (the fragment header's next header): the summary's fragment
 * mark says the rest. */
static int
ipv6_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *p = st_pkt_fd(s->pkt, ly, &ipv6_fields[F_NXT]);
	const struct st_layer *x = ly + 1;
	const char *m;

	for (; x < s->pkt->layers + s->pkt->nlayers &&
	    x->proto->role == ST_ROLE_NETEXT && x->depth == ly->depth; x++)
		if (x->proto == &st_proto_frag6) {
			p = st_pkt_fd(s->pkt, x, &st_proto_frag6.fields[0]);
			break;
		}

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

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const ipv6_keys[] = {
	&ipv6_fields[F_SRC], &ipv6_fields[F_DST], &ipv6_fields[F_HLIM],
	&ipv6_fields[F_NXT], &ipv6_fields[F_PLEN], NULL,
};

/* ipv6.plen leaves out the fixed header. */
static void
ipv6_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)inner;
	snprintf(buf, n, "ipv6.plen %u counts what follows the 40 bytes",
	    total >= 40 ? total - 40 : 0);
}

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

/* The whole datagram's headers: those before the fragment header, which
 * is left out, its next header named where it was. */
static long
ipv6_whole_header(const uint8_t *h, size_t len, size_t paylen, uint8_t *out,
    size_t cap)
{
	size_t pos = 40, nhpos = 6, n, plen;
	unsigned i;

	for (i = 0; i < ST_MAX_EXTHDR && pos + 8 <= len && h[nhpos] != 44;
	    i++) {
		n = ((size_t)h[pos + 1] + 1) * 8;
		nhpos = pos;
		pos += n;
	}
	if (len < 40 || pos + 8 > len || h[nhpos] != 44 || pos > cap)
		return 0;
	plen = pos - 40 + paylen;
	if (plen > 0xffff)
		return 0;
	memcpy(out, h, pos);
	out[nhpos] = h[pos];
	out[4] = (uint8_t)(plen >> 8), out[5] = (uint8_t)plen;
	return (long)pos;
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
	.whole_header = ipv6_whole_header,
};

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
	.more = addr_rows[0],
	.nmore = 2 * A_NF,
	.decode = ipv6_decode,
	.binds = ipv6_binds,
	.nbinds = NFIELDS(ipv6_binds),
	.ends = { &ipv6_fields[F_SRC], &ipv6_fields[F_DST] },
	.summary = ipv6_summary,
	.qkey = ipv6_qkey,
	.keys = ipv6_keys,
	.color = "\033[32m",
	.ledger = ipv6_ledger,
	.explain = "Extension headers may follow (hop-by-hop, routing, fragment,"
	    " destination options), each naming the next; then the payload.",
	.craft = &ipv6_craft,
	.hops = &ipv6_fields[F_HLIM],
	.answers = ipv6_answers,
	.quoted = ipv6_quoted,
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
	struct st_field *f;
	unsigned off, more;
	int rc;

	if (st_dfields(d, c, frag_fields, NFIELDS(frag_fields)) != ST_OK)
		return c->err;
	if ((rc = ext_common(d, c, 8)) != ST_OK)
		return rc;
	off = (unsigned)st_peek_bits(c, 16, 13);
	more = (unsigned)st_peek_bits(c, 31, 1);
	/* The value stays in units, as tshark's field; shown in bytes too,
	 * as IPv4's offset is. */
	if (off != 0 && (f = (struct st_field *)st_pkt_fd(d->pkt, d->ly,
	    &frag_fields[2])) != NULL)
		f->meaning = st_pkt_printf(d->pkt, "%u bytes", off * 8);
	d->net.frag = off != 0 || more;
	d->pkt->frag |= d->net.frag;
	if (off != 0)
		d->data = 1;	/* not the transport header */
	return ST_OK;
}

/*
 * A fragment's facts for the reassembly: its datagram is named by the
 * addresses of the IPv6 header before it and the identification (RFC
 * 8200 4.5); the payload is what follows this header up to the end the
 * IPv6 payload length declares.
 */
static int
frag6_frag(const struct st_packet *pkt, const struct st_layer *ly,
    struct st_frag *fr)
{
	const struct st_field *f[NFIELDS(frag_fields)], *a[F_DST + 1];
	const struct st_layer *ip = ly;
	const uint8_t *s, *t;
	size_t ns, nt;
	uint32_t end;

	while (ip > pkt->layers && (ip->proto->role != ST_ROLE_NET ||
	    ip->depth != ly->depth))
		ip--;
	st_ly_fields(pkt, ly, frag_fields, NFIELDS(frag_fields), f);
	if (ip->proto != &st_proto_ipv6 || ip->depth != ly->depth)
		return 0;
	st_ly_fields(pkt, ip, ipv6_fields, F_DST + 1, a);
	if (f[2] == NULL || f[4] == NULL || f[5] == NULL || f[0] == NULL ||
	    (f[2]->val == 0 && f[4]->val == 0) || a[F_PLEN] == NULL ||
	    a[F_SRC] == NULL || a[F_DST] == NULL ||
	    (s = st_field_bytes(pkt, a[F_SRC], &ns)) == NULL || ns != 16 ||
	    (t = st_field_bytes(pkt, a[F_DST], &nt)) == NULL || nt != 16)
		return 0;
	memset(fr, 0, sizeof(*fr));
	fr->key[0] = 6;
	memcpy(fr->key + 1, s, 16);
	memcpy(fr->key + 17, t, 16);
	memcpy(fr->key + 33, &f[5]->val, 4);
	fr->keylen = 37;
	fr->idhex = 8;
	fr->more = (uint8_t)f[4]->val;
	fr->mword = "M";
	fr->id = (uint32_t)f[5]->val;
	fr->off = (uint32_t)f[2]->val * 8;
	fr->pay = ly->off + 8;
	end = ip->off + 40 + (uint32_t)a[F_PLEN]->val;
	fr->len = end > fr->pay ? end - fr->pay : 0;
	fr->next_key = ST_KEY_IPPROTO;
	fr->next_val = f[0]->val;
	fr->net.fam = 6;
	memcpy(fr->net.src, s, 16);
	memcpy(fr->net.dst, t, 16);
	return 1;
}

static const struct st_bind frag_binds[] = {
	{ ST_KEY_IPPROTO, 44 },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const frag6_keys[] = {
	&frag_fields[2], &frag_fields[4], &frag_fields[5], NULL,
};

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

const struct st_proto st_proto_frag6 = {
	.name = "frag6",
	.ws = "ipv6.fraghdr",
	.title = "IPv6 Fragment Header",
	.rfc = "RFC 8200 4.5",
	.role = ST_ROLE_NETEXT,
	.fields = frag_fields,
	.nfields = NFIELDS(frag_fields),
	.decode = frag6_decode,
	.frag = frag6_frag,
	.binds = frag_binds,
	.nbinds = NFIELDS(frag_binds),
	.keys = frag6_keys,
	.color = "\033[92m",
	.craft = &frag_craft,
};
