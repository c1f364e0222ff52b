/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 (RFC 791), with its options (RFC 791, RFC 2113 router alert).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |    DSCP   |ECN|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 *
 * As Wireshark shows them, ip.hdr_len is in bytes (IHL x 4) and
 * ip.frag_offset in bytes (offset x 8).
 */
#include <arpa/inet.h>
#include <pcap/dlt.h>
#include <stdio.h>
#include <string.h>

#include "strata/cksum.h"
#include "strata/out.h"
#include "strata/proto/ipv4.h"
#include "fields.h"
#include "ipv4opt.h"

static const struct st_valname ecn_names[] = {
	{ 0, "Not-ECT" }, { 1, "ECT(1)" }, { 2, "ECT(0)" }, { 3, "CE" },
	{ 0, NULL }
};

enum { F_VER, F_IHL, F_DS, F_DSCP, F_ECN, F_LEN, F_ID, F_FLAGS, F_RB, F_DF,
	F_MF, F_FRAG, F_TTL, F_PROTO, F_CKSUM, F_SRC, F_DST, F_CKSTAT };

static const struct st_field_desc ipv4_fields[] = {
	FDX("version", "ip.version", "Version", 0, 4, ST_FMT_DEC, 0, 0, 0, 4,
	    NULL),
	FDX("ihl", "ip.hdr_len", "Header length", 4, 4, ST_FMT_DEC, 2,
	    ST_AUTO_HLEN, 0, 5, NULL),
	FDX("tos", "ip.dsfield", "Differentiated services field", 8, 8,
	    ST_FMT_HEX, 0, 0, 0, 0, NULL),
	FDX("dscp", "ip.dsfield.dscp", "DSCP", 8, 6, ST_FMT_DEC, 0, 0,
	    ST_DF_DETAIL | ST_DF_CLASS, 0, NULL),
	FDDN("ecn", "ip.dsfield.ecn", "ECN", 14, 2, ST_FMT_DEC, ecn_names),
	FDX("len", "ip.len", "Total length", 16, 16, ST_FMT_DEC, 0,
	    ST_AUTO_LEN, ST_DF_KFILL, 0, NULL),
	FDX("id", "ip.id", "Identification", 32, 16, ST_FMT_HEX, 0, 0,
	    ST_DF_DECTOO | ST_DF_KFILL, 1, NULL),
	FD("flags", "ip.flags", "Flags", 48, 3, ST_FMT_HEX),
	FDD("rb", "ip.flags.rb", "Reserved bit", 48, 1, ST_FMT_BOOL),
	FDD("df", "ip.flags.df", "Don't fragment", 49, 1, ST_FMT_BOOL),
	FDD("mf", "ip.flags.mf", "More fragments", 50, 1, ST_FMT_BOOL),
	FDX("frag", "ip.frag_offset", "Fragment offset", 51, 13, ST_FMT_DEC,
	    3, 0, ST_DF_UNITS, 0, NULL),
	FDX("ttl", "ip.ttl", "Time to live", 64, 8, ST_FMT_DEC, 0, 0,
	    ST_DF_HOPS, 64, NULL),
	FDX("proto", "ip.proto", "Protocol", 72, 8, ST_FMT_DEC, 0,
	    ST_AUTO_NEXT, 0, 0, st_ipproto_names),
	FDX("chksum", "ip.checksum", "Header checksum", 80, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM | ST_DF_KFILL, 0, NULL),
	FDX("src", "ip.src", "Source address", 96, 32, ST_FMT_IPV4, 0, 0,
	    ST_DF_KFILL, 0, NULL),
	FD("dst", "ip.dst", "Destination address", 128, 32, ST_FMT_IPV4),
	FDG("ip.checksum.status", "Header checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static const struct st_ckspec ipv4_ck = {
	.field = &ipv4_fields[F_CKSUM],
	.status = &ipv4_fields[F_CKSTAT],
	.cover = ST_CKC_HEADER,
};

static int
ipv4_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), ihl, tot;
	struct st_field *ck, *lf;
	unsigned ver, off;
	int mf;

	st_dfield(d, c, &ipv4_fields[F_VER]);
	ver = (unsigned)st_peek_bits(c, 0, 4);
	if (c->err != ST_OK)
		return c->err;
	if (ver != 4)
		return st_dmalformed(d, "version %u, not 4", ver);
	st_dfield(d, c, &ipv4_fields[F_IHL]);
	ihl = (size_t)st_peek_bits(c, 4, 4) * 4;
	if (ihl < 20)
		return st_dmalformed(d, "header length %zu below 20", ihl);
	st_dfields(d, c, ipv4_fields + F_DS, F_LEN - F_DS);
	lf = st_dfield(d, c, &ipv4_fields[F_LEN]);
	st_dfields(d, c, ipv4_fields + F_ID, F_CKSUM - F_ID);
	ck = st_dfield(d, c, &ipv4_fields[F_CKSUM]);
	st_dfields(d, c, ipv4_fields + F_SRC, 2);
	if (c->err != ST_OK) {
		/* A header cut after its checksum: unverified, as tshark. */
		st_dck(d, c, &ipv4_ck, ck, ihl);
		return c->err;
	}
	tot = (size_t)st_peek_bits(c, 16, 16);
	mf = (int)st_peek_bits(c, 50, 1);
	off = (unsigned)st_peek_bits(c, 51, 13) * 8;
	if (ihl > left) {
		st_dck(d, c, &ipv4_ck, ck, ihl);
		d->hdr = left;
		return ST_ETRUNC;
	}
	st_dck(d, c, &ipv4_ck, ck, ihl);
	if (ihl > 20) {
		struct st_cur o = *c;

		o.off += 20;
		ipv4_options(d, o, ihl - 20);
	}
	d->hdr = ihl;
	if (tot == 0 && left > ihl) {
		/* Segmentation offload leaves 0: the capture knows better. */
		st_pkt_note(d->pkt, "IPv4 total length 0 (segmentation "
		    "offload?): using the captured length");
		tot = left;
		/* As Wireshark: the frame's length, cut by the capture or
		 * not (BIG TCP's 80 kB datagrams). */
		if (lf != NULL)
			lf->val = d->depth == 0 && d->pkt->len > c->off ?
			    d->pkt->len - c->off : tot;
	}
	if (tot < ihl)
		return st_dmalformed(d, "total length %zu below header length "
		    "%zu", tot, ihl);
	d->plen = tot - ihl;
	if (tot > left && d->depth == 0 && d->pkt->caplen >= d->pkt->len) {
		st_dmalformed(d, "total length %zu exceeds the %zu bytes "
		    "present", tot, left);
		/* Nothing was cut: the transport's checksum covers what the
		 * frame holds, as Wireshark verifies it. */
		tot = left;
	}
	d->net.fam = 4;
	memcpy(d->net.src, c->base + c->off + 12, 4);
	memcpy(d->net.dst, c->base + c->off + 16, 4);
	d->net.tlen = (uint32_t)(tot - ihl);
	d->net.frag = mf || off != 0;
	d->pkt->frag |= d->net.frag;
	if (off != 0) {
		d->data = 1;	/* not the transport header */
		return ST_OK;
	}
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = (uint32_t)st_peek_bits(c, 72, 8);
	return ST_OK;
}

static const struct st_bind ipv4_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x0800 },
	{ ST_KEY_IPPROTO, 4 },	/* IP in IP */
	{ ST_KEY_NULLFAM, 2 },
};

/*
 * "A → B proto n (name) len n"; a fragment's offset and flag are the
 * summary's fragment mark (the frag hook below).
 */
static int
ipv4_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_PROTO + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, ipv4_fields, F_PROTO + 1, f);
	s->endpoints(s, NULL);
	if (f[F_PROTO] != NULL) {
		st_out_printf(s->o, " proto %u", (unsigned)f[F_PROTO]->val);
		if ((m = st_field_meaning(f[F_PROTO])) != NULL)
			st_out_printf(s->o, " (%s)", m);
	}
	st_out_puts(s->o, " len ");
	st_out_u64(s->o, ly->len);
	return 1;
}

/*
 * A fragment's facts for the reassembly: its datagram is named by the
 * addresses, the identification and the protocol (RFC 791 3.2).
 */
static int
ipv4_frag(const struct st_packet *pkt, const struct st_layer *ly,
    struct st_frag *fr)
{
	const struct st_field *f[F_DST + 1];
	const uint8_t *a, *b;
	size_t na, nb;
	unsigned ihl, tot;

	st_ly_fields(pkt, ly, ipv4_fields, F_DST + 1, f);
	/* The flags, not ip.flags.mf: a lite decode leaves the bits out. */
	if (f[F_FLAGS] == NULL || f[F_FRAG] == NULL || f[F_ID] == NULL ||
	    f[F_LEN] == NULL || f[F_IHL] == NULL || f[F_PROTO] == NULL ||
	    f[F_SRC] == NULL || f[F_DST] == NULL ||
	    ((f[F_FLAGS]->val & 1) == 0 && f[F_FRAG]->val == 0) ||
	    (a = st_field_bytes(pkt, f[F_SRC], &na)) == NULL || na != 4 ||
	    (b = st_field_bytes(pkt, f[F_DST], &nb)) == NULL || nb != 4)
		return 0;
	ihl = (unsigned)f[F_IHL]->val;
	tot = (unsigned)f[F_LEN]->val;
	memset(fr, 0, sizeof(*fr));
	fr->key[0] = 4;
	memcpy(fr->key + 1, a, 4);
	memcpy(fr->key + 5, b, 4);
	fr->key[9] = (uint8_t)(f[F_ID]->val >> 8);
	fr->key[10] = (uint8_t)f[F_ID]->val;
	fr->key[11] = (uint8_t)f[F_PROTO]->val;
	fr->keylen = 12;
	fr->idhex = 4;
	fr->more = (uint8_t)(f[F_FLAGS]->val & 1);
	fr->mword = "MF";
	fr->id = (uint32_t)f[F_ID]->val;
	fr->off = (uint32_t)f[F_FRAG]->val;
	fr->pay = ly->off + ihl;
	fr->len = tot > ihl ? tot - ihl : 0;
	fr->next_key = ST_KEY_IPPROTO;
	fr->next_val = f[F_PROTO]->val;
	fr->net.fam = 4;
	memcpy(fr->net.src, a, 4);
	memcpy(fr->net.dst, b, 4);
	return 1;
}

/*
 * tcpdump -v's facts: "tos 0x0, ttl 64, id 43730, offset 0, flags [+],
 * proto ICMP (1), length 1500" (the flags DF, + for MF, rsvd; [none]).
 */
static int
ipv4_vsummary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_PROTO + 1];
	const char *m;
	unsigned fl;

	st_ly_fields(s->pkt, ly, ipv4_fields, F_PROTO + 1, f);
	if (f[F_DS] == NULL || f[F_TTL] == NULL || f[F_ID] == NULL ||
	    f[F_FRAG] == NULL || f[F_FLAGS] == NULL || f[F_PROTO] == NULL ||
	    f[F_LEN] == NULL)
		return 0;
	fl = (unsigned)f[F_FLAGS]->val;
	st_out_printf(s->o, "tos 0x%x, ttl %u, id %u, offset %u, "
	    "flags [%s%s%s%s], proto ", (unsigned)f[F_DS]->val,
	    (unsigned)f[F_TTL]->val, (unsigned)f[F_ID]->val,
	    (unsigned)f[F_FRAG]->val,
	    fl & 4 ? "rsvd" : "", fl & 2 ? "DF" : "", fl & 1 ? "+" : "",
	    fl == 0 ? "none" : "");
	if ((m = st_field_meaning(f[F_PROTO])) != NULL)
		st_out_printf(s->o, "%s ", m);
	st_out_printf(s->o, "(%u), length %u", (unsigned)f[F_PROTO]->val,
	    (unsigned)f[F_LEN]->val);
	return 1;
}

static const struct st_field_desc *const ipv4_qkey[] = {
	&ipv4_fields[F_DST], &ipv4_fields[F_PROTO], &ipv4_fields[F_ID], NULL
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const ipv4_keys[] = {
	&ipv4_fields[F_SRC], &ipv4_fields[F_DST], &ipv4_fields[F_TTL],
	&ipv4_fields[F_PROTO], &ipv4_fields[F_LEN], &ipv4_fields[F_DF],
	&ipv4_fields[F_MF], &ipv4_fields[F_FRAG], NULL,
};

/* ip.len is the total; ping's "56(84)" is the data and that total. */
static void
ipv4_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)inner;
	snprintf(buf, n, "ip.len %u; ping \"%u(%u)\"; tcpdump -v \"length %u\"",
	    total, total >= 28 ? total - 28 : 0, total, total);
}

extern const struct st_proto st_proto_ipv4;

const struct st_ipv4_handles st_ipv4_h = {
	.proto = &st_proto_ipv4,
	.len = &ipv4_fields[F_LEN],
	.ihl = &ipv4_fields[F_IHL],
	.cksum = &ipv4_fields[F_CKSUM],
	.frag = &ipv4_fields[F_FRAG],
	.mf = &ipv4_fields[F_MF],
};

/* Flags by name as scapy writes them: flags=DF, flags=DF+MF (or evil). */
static int
ipv4_spec_value(const struct st_field_desc *fd, const char *s, uint64_t *v,
    const char **hint)
{
	size_t k;

	if (fd != &ipv4_fields[F_FLAGS])
		return 0;
	*hint = " or DF, MF, RB (evil) joined by '+'";
	for (*v = 0; *s != '\0'; s += k + (s[k] == '+')) {
		k = strcspn(s, "+");
		if (k == 2 && strncasecmp(s, "DF", 2) == 0)
			*v |= 2;
		else if (k == 2 && strncasecmp(s, "MF", 2) == 0)
			*v |= 1;
		else if ((k == 2 && strncasecmp(s, "RB", 2) == 0) ||
		    (k == 4 && strncasecmp(s, "evil", 4) == 0))
			*v |= 4;
		else
			return 0;
	}
	return 1;
}

/* Every fragment repeats the header, options included (as scapy does). */
static size_t
ipv4_unfrag_len(const uint8_t *h, size_t len)
{
	size_t hl = (size_t)(h[0] & 0x0f) * 4;

	return len >= 20 && hl >= 20 && hl <= len ? hl : 0;
}

/* The header of fragment fp: its length, MF, offset, checksum. */
static long
ipv4_frag_header(const uint8_t *h, size_t len, const struct st_frag_piece *fp,
    uint8_t *out, size_t cap)
{
	unsigned off = (unsigned)(h[6] & 0x1f) << 8 | h[7], tot;
	size_t hlen = ipv4_unfrag_len(h, len);
	uint16_t ck;

	if (hlen == 0 || hlen > cap || hlen + fp->len > 0xffff)
		return 0;
	memcpy(out, h, hlen);
	tot = (unsigned)(hlen + fp->len);
	off += (unsigned)(fp->off / 8);
	out[2] = (uint8_t)(tot >> 8), out[3] = (uint8_t)tot;
	out[6] = (uint8_t)((h[6] & 0xe0) | (fp->more ? 0x20 : 0) |
	    (off >> 8 & 0x1f));
	out[7] = (uint8_t)off;
	out[10] = out[11] = 0;
	ck = st_cksum_finish(st_cksum_add(0, out, hlen));
	out[10] = (uint8_t)(ck >> 8), out[11] = (uint8_t)ck;
	return (long)hlen;
}

/* The whole datagram's header: no MF, offset 0, its length. */
static long
ipv4_whole_header(const uint8_t *h, size_t len, size_t paylen, uint8_t *out,
    size_t cap)
{
	size_t hlen = ipv4_unfrag_len(h, len);
	uint16_t ck;

	if (hlen == 0 || hlen > cap || hlen + paylen > 0xffff)
		return 0;
	memcpy(out, h, hlen);
	out[2] = (uint8_t)((hlen + paylen) >> 8);
	out[3] = (uint8_t)(hlen + paylen);
	out[6] &= 0xc0;
	out[7] = 0;
	out[10] = out[11] = 0;
	ck = st_cksum_finish(st_cksum_add(0, out, hlen));
	out[10] = (uint8_t)(ck >> 8), out[11] = (uint8_t)ck;
	return (long)hlen;
}

static const uint8_t ipv4_lo[4] = { 127, 0, 0, 1 };

static const struct st_build_def ipv4_defs[] = {
	{ &ipv4_fields[F_DST], ipv4_lo },
};

static const struct st_craft ipv4_craft = {
	.spec = "ip",
	.alias = "ipv4",
	.extra = "options",
	.key = ipv4_spec_key,
	.value = ipv4_spec_value,
	.unfrag_len = ipv4_unfrag_len,
	.frag_header = ipv4_frag_header,
	.whole_header = ipv4_whole_header,
	.hlen = 20,
	.defs = ipv4_defs,
	.ndefs = NFIELDS(ipv4_defs),
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,	/* no next header */
	.link = DLT_RAW,
	.help = "  options   rr, ts, lsrr:A:B, ssrr:A:B, ra, nop, eol, raw:HEX, "
	    "joined by '+';\n            rr and ts take the room left, rr:N "
	    "and ts:N hold N\n",
};

/* A fragment is answered only once all have come. */
static int
ipv4_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	(void)listening;
	(void)expect;
	if (!st_probe_val(sent, sl, &ipv4_fields[F_MF], 0) &&
	    !st_probe_val(sent, sl, &ipv4_fields[F_FRAG], 0))
		return 0;
	snprintf(text, n, "nothing yet: this is a fragment, and %s answers "
	    "only when every fragment has come (after 30 s without them, a "
	    "time exceeded, code 1, for the first one)", dst);
	return 1;
}

/* A reply comes from where the probe went. */
static int
ipv4_answers(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *gl)
{
	return st_probe_same2(sent, sl, &ipv4_fields[F_DST], got, gl,
	    &ipv4_fields[F_SRC]);
}

/* A quoted header is ours: our destination, our protocol. */
static int
ipv4_quoted(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *ql)
{
	return st_probe_same(sent, sl, got, ql, &ipv4_fields[F_DST]) &&
	    st_probe_same(sent, sl, got, ql, &ipv4_fields[F_PROTO]);
}

const struct st_proto st_proto_ipv4 = {
	.name = "ipv4",
	.ws = "ip",
	.title = "Internet Protocol Version 4",
	.rfc = "RFC 791",
	.role = ST_ROLE_NET,
	.fields = ipv4_fields,
	.nfields = NFIELDS(ipv4_fields),
	.more = ipv4_opt_fields,
	.nmore = O_N,
	.decode = ipv4_decode,
	.frag = ipv4_frag,
	.binds = ipv4_binds,
	.nbinds = NFIELDS(ipv4_binds),
	.ends = { &ipv4_fields[F_SRC], &ipv4_fields[F_DST] },
	.cksum = &ipv4_ck,
	.summary = ipv4_summary,
	.vsummary = ipv4_vsummary,
	.qkey = ipv4_qkey,
	.keys = ipv4_keys,
	.color = "\033[32m",
	.ck_what = "the IPv4 header",
	.ledger = ipv4_ledger,
	.explain = "Options follow when the header length is over 20 bytes (up "
	    "to 40 bytes): end of list, no-op, record route, timestamp, loose "
	    "and strict source route, router alert; then the payload.",
	.craft = &ipv4_craft,
	.predict = ipv4_predict,
	.hops = &ipv4_fields[F_TTL],
	.answers = ipv4_answers,
	.quoted = ipv4_quoted,
};
