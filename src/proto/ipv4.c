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
	FDD("dscp", "ip.dsfield.dscp", "DSCP", 8, 6, ST_FMT_DEC),
	FDDN("ecn", "ip.dsfield.ecn", "ECN", 14, 2, ST_FMT_DEC, ecn_names),
	FDX("len", "ip.len", "Total length", 16, 16, ST_FMT_DEC, 0,
	    ST_AUTO_LEN, 0, 0, NULL),
	FDX("id", "ip.id", "Identification", 32, 16, ST_FMT_HEX, 0, 0,
	    ST_DF_DECTOO, 1, NULL),
	FD("flags", "ip.flags", "Flags", 48, 3, ST_FMT_HEX),
	FDD("rb", "ip.flags.rb", "Reserved bit", 48, 1, ST_FMT_BOOL),
	FDD("df", "ip.flags.df", "Don't fragment", 49, 1, ST_FMT_BOOL),
	FDD("mf", "ip.flags.mf", "More fragments", 50, 1, ST_FMT_BOOL),
	FDX("frag", "ip.frag_offset", "Fragment offset", 51, 13, ST_FMT_DEC,
	    3, 0, ST_DF_UNITS, 0, NULL),
	FDX("ttl", "ip.ttl", "Time to live", 64, 8, ST_FMT_DEC, 0, 0, 0, 64,
	    NULL),
	FDX("proto", "ip.proto", "Protocol", 72, 8, ST_FMT_DEC, 0,
	    ST_AUTO_NEXT, 0, 0, st_ipproto_names),
	FDX("chksum", "ip.checksum", "Header checksum", 80, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("src", "ip.src", "Source address", 96, 32, ST_FMT_IPV4),
	FD("dst", "ip.dst", "Destination address", 128, 32, ST_FMT_IPV4),
	FDG("ip.checksum.status", "Header checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static const struct st_ckspec ipv4_ck = {
	.field = &ipv4_fields[F_CKSUM],
	.status = &ipv4_fields[F_CKSTAT],
	.cover = ST_CKC_HEADER,
};

static const struct st_valname opt_names[] = {
	{ 0, "end of options list" }, { 1, "no-operation" },
	{ 7, "record route" }, { 68, "timestamp" },
	{ 130, "security" }, { 131, "loose source route" },
	{ 133, "extended security" }, { 134, "commercial security" },
	{ 136, "stream ID" }, { 137, "strict source route" },
	{ 82, "traceroute" }, { 11, "MTU probe" }, { 12, "MTU reply" },
	{ 25, "quick-start" }, { 148, "router alert" }, { 0, NULL }
};

static const struct st_valname tsflag_names[] = {
	{ 0, "timestamps only" }, { 1, "addresses and timestamps" },
	{ 3, "prespecified addresses" }, { 0, NULL }
};

enum { O_TYPE, O_LEN, O_PTR, O_RR, O_SRR, O_OVF, O_TSFLAG, O_TS, O_TSADDR,
	O_RA, O_DATA, O_PAD };

static const struct st_field_desc opt_fields[] = {
	FDN(NULL, "ip.opt.type", "Option type", 0, 8, ST_FMT_DEC, opt_names),
	FD(NULL, "ip.opt.len", "Option length", 8, 8, ST_FMT_DEC),
	FD(NULL, "ip.opt.ptr", "Pointer", 16, 8, ST_FMT_DEC),
	FD(NULL, "ip.rec_rt", "Recorded route", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ip.src_rt", "Source route", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ip.opt.overflow", "Overflow", 24, 4, ST_FMT_DEC),
	FDN(NULL, "ip.opt.flag", "Flag", 28, 4, ST_FMT_DEC, tsflag_names),
	FD(NULL, "ip.opt.time_stamp", "Timestamp", 0, 32, ST_FMT_DEC),
	FD(NULL, "ip.opt.time_stamp_addr", "Address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ip.opt.ra", "Router alert", 16, 16, ST_FMT_DEC),
	FD(NULL, "ip.opt.data", "Option data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ip.opt.padding", "Padding", 0, 0, ST_FMT_BYTES),
};

/* Decodes the data of one option of length len at o (type and length done). */
static void
opt_body(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	size_t i;
	unsigned fl, ptr;

	switch (type) {
	case 7:		/* record route */
	case 131:	/* loose source route */
	case 137:	/* strict source route */
		if (len < 3)
			break;
		st_dfield(d, o, &opt_fields[O_PTR]);
		ptr = (unsigned)st_peek_bits(o, 16, 8);
		if (ptr < 4 || ptr > len + 1 || (ptr - 4) % 4 != 0)
			st_dmalformed(d, "option %u pointer %u outside its "
			    "addresses", type, ptr);
		for (i = 3; i + 4 <= len; i += 4)
			st_dbytes(d, o, &opt_fields[type == 7 ? O_RR : O_SRR],
			    i, 4);
		return;
	case 68:	/* timestamp */
		if (len < 4)
			break;
		st_dfield(d, o, &opt_fields[O_PTR]);
		ptr = (unsigned)st_peek_bits(o, 16, 8);
		if (ptr < 5 || ptr > len + 1)
			st_dmalformed(d, "timestamp pointer %u outside the "
			    "option", ptr);
		st_dfield(d, o, &opt_fields[O_OVF]);
		st_dfield(d, o, &opt_fields[O_TSFLAG]);
		fl = (unsigned)st_peek_bits(o, 28, 4);
		for (i = 4; i + 4 <= len; i += 4) {
			if (fl != 0 && i + 8 <= len) {
				st_dbytes(d, o, &opt_fields[O_TSADDR], i, 4);
				i += 4;
			}
			st_dbytes(d, o, &opt_fields[O_TS], i, 4);
		}
		return;
	case 148:	/* router alert */
		if (len != 4)
			break;
		st_dfield(d, o, &opt_fields[O_RA]);
		return;
	}
	if (len > 2)
		st_dbytes(d, o, &opt_fields[O_DATA], 2, len - 2);
}

/*
 * Decodes the options in the n bytes at c.  A bad option length ends the
 * options with the layer marked malformed; the datagram still decodes.
 */
static void
ipv4_options(struct st_dctx *d, struct st_cur c, size_t n)
{
	size_t pos = 0, len;
	struct st_cur o;
	unsigned type;

	while (pos < n) {
		o = c;
		o.off += pos;
		type = (unsigned)st_peek_bits(&o, 0, 8);
		st_dfield(d, &o, &opt_fields[O_TYPE]);
		if (type == 0) {	/* end of list: the rest is padding */
			if (n - pos > 1)
				st_dbytes(d, &o, &opt_fields[O_PAD], 1,
				    n - pos - 1);
			return;
		}
		if (type == 1) {
			pos++;
			continue;
		}
		if (pos + 1 >= n) {
			st_dmalformed(d, "option %u has no length byte", type);
			return;
		}
		len = (size_t)st_peek_bits(&o, 8, 8);
		st_dfield(d, &o, &opt_fields[O_LEN]);
		if (len < 2) {
			st_dmalformed(d, "option %u length %zu below 2", type,
			    len);
			return;
		}
		if (len > n - pos) {
			st_dmalformed(d, "option %u length %zu runs past the "
			    "header", type, len);
			return;
		}
		opt_body(d, &o, type, len);
		pos += len;
	}
}

static int
ipv4_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), ihl, tot;
	struct st_field *ck;
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
	st_dfields(d, c, ipv4_fields + F_DS, F_CKSUM - F_DS);
	ck = st_dfield(d, c, &ipv4_fields[F_CKSUM]);
	st_dfields(d, c, ipv4_fields + F_SRC, 2);
	if (c->err != ST_OK)
		return c->err;
	tot = (size_t)st_peek_bits(c, 16, 16);
	mf = (int)st_peek_bits(c, 50, 1);
	off = (unsigned)st_peek_bits(c, 51, 13) * 8;
	if (ihl > left) {
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
	}
	if (tot < ihl)
		return st_dmalformed(d, "total length %zu below header length "
		    "%zu", tot, ihl);
	if (tot > left && d->depth == 0 && d->pkt->caplen >= d->pkt->len)
		st_dmalformed(d, "total length %zu exceeds the %zu bytes "
		    "present", tot, left);
	d->plen = tot - ihl;
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

/* "A:B:C" addresses after a source-route option name. */
static int
route_opt(struct st_spec_opts *o, uint8_t type, const char *list,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	char addr[64];
	size_t n = 3, k;

	b[0] = type;
	b[2] = 4;
	while (*list == ':') {
		list++;
		k = strcspn(list, ":");
		if (k >= sizeof(addr) || n + 4 > sizeof(b))
			return st_spec_fail(err, col, "source route too long");
		memcpy(addr, list, k);
		addr[k] = '\0';
		if (inet_pton(AF_INET, addr, b + n) != 1)
			return st_spec_fail(err, col, "'%s' is not an IPv4 "
			    "address", addr);
		n += 4;
		list += k;
	}
	if (n == 3)
		return st_spec_fail(err, col, "source route needs addresses: "
		    "lsrr:A:B");
	b[1] = (uint8_t)n;
	return st_spec_opt(o, b, n, col, err);
}

/*
 * The bytes an option item takes, or 0 for rr and ts without a slot count:
 * those share whatever room the other options leave.
 */
static size_t
option_size(const char *item)
{
	size_t n;

	if (strcmp(item, "rr") == 0 || strcmp(item, "ts") == 0)
		return 0;
	if (strncmp(item, "rr:", 3) == 0 || strncmp(item, "ts:", 3) == 0)
		return (size_t)(item[0] == 'r' ? 3 : 4) +
		    4 * strtoul(item + 3, NULL, 10);
	if (strncmp(item, "lsrr:", 5) == 0 || strncmp(item, "ssrr:", 5) == 0) {
		for (n = 3, item += 4; *item != '\0'; item++)
			n += *item == ':' ? 4 : 0;
		return n;
	}
	if (strcmp(item, "ra") == 0)
		return 4;
	if (strncmp(item, "raw:", 4) == 0)
		return strlen(item + 4) / 2;
	return 1;	/* nop, eol, or an error reported later */
}

/*
 * Record route (rr) or timestamp (ts) with room for `slots` entries, or, when
 * slots is -1, as many as `room` bytes hold (ping -R takes all 40 bytes).
 */
static int
slot_opt(struct st_spec_opts *o, int ts, long slots, size_t room,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	size_t head = ts ? 4 : 3, n;

	if (slots < 0)
		slots = room >= head + 4 ? (long)((room - head) / 4) : 0;
	if (slots < 1 || head + 4 * (size_t)slots > ST_SPEC_OPTS)
		return st_spec_fail(err, col, "no room for %s: it needs at "
		    "least %zu of the %d option bytes", ts ? "ts" : "rr",
		    head + 4, ST_SPEC_OPTS);
	n = head + 4 * (size_t)slots;
	memset(b, 0, sizeof(b));
	b[0] = ts ? 68 : 7, b[1] = (uint8_t)n, b[2] = ts ? 5 : 4;
	return st_spec_opt(o, b, n, col, err);
}

/* The room each rr or ts without a count gets: what the others leave. */
static int
option_room(const char *v, size_t *room, unsigned col, struct st_spec_err *err)
{
	char item[256];
	size_t k, n, fixed = 0, shared = 0;

	for (; *v != '\0'; v += *v == '+') {
		k = strcspn(v, "+");
		if (k >= sizeof(item))
			return st_spec_fail(err, col, "option too long");
		memcpy(item, v, k);
		item[k] = '\0';
		if ((n = option_size(item)) == 0)
			shared++;
		fixed += n;
		v += k;
	}
	*room = fixed < ST_SPEC_OPTS && shared > 0 ?
	    (ST_SPEC_OPTS - fixed) / shared : 0;
	return 0;
}

/* One option item of options=...; room as option_room says. */
static int
option_item(struct st_spec_opts *o, const char *item, size_t room,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	char *end;
	long n;

	memset(b, 0, sizeof(b));
	if (strcmp(item, "rr") == 0 || strcmp(item, "ts") == 0)
		return slot_opt(o, item[0] == 't', -1, room, col, err);
	if (strncmp(item, "rr:", 3) == 0 || strncmp(item, "ts:", 3) == 0) {
		n = strtol(item + 3, &end, 10);
		if (!isdigit((unsigned char)item[3]) || *end != '\0' ||
		    n < 1 || n > 9)
			return st_spec_fail(err, col, "%.2s: '%s' is not a "
			    "number of slots 1..9", item, item + 3);
		return slot_opt(o, item[0] == 't', n, 0, col, err);
	}
	if (strncmp(item, "lsrr:", 5) == 0 || strncmp(item, "ssrr:", 5) == 0)
		return route_opt(o, item[0] == 'l' ? 131 : 137, item + 4, col,
		    err);
	if (strcmp(item, "ra") == 0) {
		b[0] = 148, b[1] = 4;
		return st_spec_opt(o, b, 4, col, err);
	}
	if (strcmp(item, "nop") == 0 || strcmp(item, "eol") == 0) {
		b[0] = item[0] == 'n' ? 1 : 0;
		return st_spec_opt(o, b, 1, col, err);
	}
	if (strncmp(item, "raw:", 4) == 0) {
		if ((n = st_spec_hex(item + 4, b, sizeof(b))) <= 0)
			return st_spec_fail(err, col, "raw:%s is not hex bytes",
			    item + 4);
		return st_spec_opt(o, b, (size_t)n, col, err);
	}
	return st_spec_fail(err, col, "unknown IPv4 option '%s' (rr, ts, "
	    "rr:N, ts:N, lsrr:A:B, ssrr:A:B, ra, nop, eol, raw:HEX)", item);
}

/*
 * options=... : IPv4 options joined by '+': rr, ts (optionally rr:N, ts:N
 * slots), lsrr:A:B, ssrr:A:B, ra, nop, eol, raw:HEX.
 */
static int
ipv4_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	char item[256];
	size_t k, room = 0;

	(void)key;	/* only "options" */
	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "ip options needs a value: "
		    "options=ra+rr");
	if (option_room(v, &room, col, err) != 0)
		return -1;
	while (*v != '\0') {
		k = strcspn(v, "+");
		memcpy(item, v, k);
		item[k] = '\0';
		if (option_item(o, item, room, col, err) != 0)
			return -1;
		v += k;
		if (*v == '+')
			v++;
	}
	return 0;
}

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
	.more = opt_fields,
	.nmore = NFIELDS(opt_fields),
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
