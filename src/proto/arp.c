/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ARP (RFC 826), and RARP (RFC 903) which shares its layout.
 *
 * +-------------------------------+-------------------------------+
 * |      Hardware type (16)       |      Protocol type (16)       |
 * +---------------+---------------+-------------------------------+
 * | HW size (8)   | Proto size (8)|         Opcode (16)           |
 * +---------------+---------------+-------------------------------+
 * | Sender hardware address (HW size) | Sender protocol address   |
 * | Target hardware address           | Target protocol address   |
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname hwtype_names[] = {
	{ 1, "Ethernet" }, { 6, "IEEE 802" }, { 15, "Frame Relay" },
	{ 19, "ATM" }, { 20, "serial line" }, { 32, "InfiniBand" },
	{ 0, NULL }
};

static const struct st_valname opcode_names[] = {
	{ 1, "request" }, { 2, "reply" }, { 3, "reverse request" },
	{ 4, "reverse reply" }, { 8, "inverse request" },
	{ 9, "inverse reply" }, { 0, NULL }
};

static const struct st_field_desc arp_fields[] = {
	FDX("hwtype", "arp.hw.type", "Hardware type", 0, 16, ST_FMT_DEC,
	    0, 0, 0, 1, hwtype_names),
	FDX("ptype", "arp.proto.type", "Protocol type", 16, 16, ST_FMT_HEX,
	    0, 0, 0, 0x0800, st_ethertype_names),
	FDX("hwlen", "arp.hw.size", "Hardware size", 32, 8, ST_FMT_DEC,
	    0, 0, 0, 6, NULL),
	FDX("plen", "arp.proto.size", "Protocol size", 40, 8, ST_FMT_DEC,
	    0, 0, 0, 4, NULL),
	FDX("op", "arp.opcode", "Opcode", 48, 16, ST_FMT_DEC, 0, 0, 0, 1,
	    opcode_names),
	/* Variable part: which row depends on the sizes. */
	FD("hwsrc", "arp.src.hw_mac", "Sender MAC address", 64, 48,
	    ST_FMT_MAC),
	FD("psrc", "arp.src.proto_ipv4", "Sender IP address", 112, 32,
	    ST_FMT_IPV4),
	FD("hwdst", "arp.dst.hw_mac", "Target MAC address", 144, 48,
	    ST_FMT_MAC),
	FD("pdst", "arp.dst.proto_ipv4", "Target IP address", 192, 32,
	    ST_FMT_IPV4),
	FD(NULL, "arp.src.hw", "Sender hardware address", 0, 0, ST_FMT_BYTES),
	FD(NULL, "arp.src.proto", "Sender protocol address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "arp.dst.hw", "Target hardware address", 0, 0, ST_FMT_BYTES),
	FD(NULL, "arp.dst.proto", "Target protocol address", 0, 0,
	    ST_FMT_BYTES),
	/* What the addresses make of it (RFC 5227), as tshark judges. */
	FDG("arp.isgratuitous", "Gratuitous (sender and target protocol "
	    "addresses the same)", ST_FMT_BOOL, NULL),
	FDG("arp.isprobe", "Probe (RFC 5227: no sender address)",
	    ST_FMT_BOOL, NULL),
	FDG("arp.isannouncement", "Announcement (RFC 5227)", ST_FMT_BOOL,
	    NULL),
};
enum { A_GRAT = 13, A_PROBE, A_ANN };

/* Whether the n bytes at byte off of c are all zero (or not captured). */
static int
arp_zero(struct st_cur *c, size_t off, size_t n)
{
	size_t i;

	if (st_cur_left(c) < off + n)
		return -1;
	for (i = 0; i < n; i++)
		if (c->base[c->off + off + i] != 0)
			return 0;
	return 1;
}

/*
 * A request or reply whose sender and target protocol addresses are the
 * same is gratuitous, and a request of those with a zero target hardware
 * address an announcement; a request with a zero target hardware address
 * and sender IPv4 address, a probe.  As tshark reads them: six bytes of
 * target hardware address and four of sender protocol address whatever
 * the sizes say.
 */
static void
arp_kind(struct st_dctx *d, struct st_cur *c, unsigned op, size_t hs,
    size_t ps)
{
	size_t spa = 8 + hs, tha = spa + ps, tpa = tha + hs, i;
	int same = 1, zha;

	if ((op != 1 && op != 2) || st_cur_left(c) < tpa + ps)
		return;
	for (i = 0; i < ps; i++)
		if (c->base[c->off + spa + i] != c->base[c->off + tpa + i])
			same = 0;
	zha = op == 1 ? arp_zero(c, tha, 6) : 0;
	if (same) {
		st_dgen(d, &arp_fields[A_GRAT], 1);
		if (zha == 1)
			st_dgen(d, &arp_fields[A_ANN], 1);
	} else if (zha == 1 && arp_zero(c, spa, 4) == 1)
		st_dgen(d, &arp_fields[A_PROBE], 1);
}

/* Adds one address of n bytes at byte off: typed when it has the usual size. */
static void
arp_addr(struct st_dctx *d, struct st_cur *c, size_t off, size_t n,
    const struct st_field_desc *typed, size_t typed_len,
    const struct st_field_desc *raw)
{
	if (n == 0)
		return;
	st_dbytes(d, c, n == typed_len ? typed : raw, off, n);
}

static int
arp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t hs, ps, off = 8;
	int ipv4, ether;

	unsigned hrd, pro;

	if (st_dfields(d, c, arp_fields, 5) != ST_OK)
		return c->err;
	hrd = (unsigned)st_peek_bits(c, 0, 16);
	pro = (unsigned)st_peek_bits(c, 16, 16);
	hs = (size_t)st_peek_bits(c, 32, 8);
	ps = (size_t)st_peek_bits(c, 40, 8);
	arp_kind(d, c, (unsigned)st_peek_bits(c, 48, 16), hs, ps);
	/* MAC addresses for Ethernet and IEEE 802 hardware; IPv4 addresses
	 * for IPv4 (and AX.25's IP, 0xcc). */
	ether = (hrd == 1 || hrd == 6) && hs == 6;
	ipv4 = (pro == 0x0800 || pro == 0xcc) && ps == 4;
	arp_addr(d, c, off, hs, &arp_fields[5], ether ? 6 : 0, &arp_fields[9]);
	off += hs;
	arp_addr(d, c, off, ps, &arp_fields[6], ipv4 ? 4 : 0, &arp_fields[10]);
	off += ps;
	arp_addr(d, c, off, hs, &arp_fields[7], ether ? 6 : 0, &arp_fields[11]);
	off += hs;
	arp_addr(d, c, off, ps, &arp_fields[8], ipv4 ? 4 : 0, &arp_fields[12]);
	off += ps;
	if (c->err != ST_OK)
		return c->err;
	d->hdr = off;
	d->plen = 0;		/* what follows is padding */
	return ST_OK;
}

static const struct st_bind arp_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x0806 },
	{ ST_KEY_ETHERTYPE, 0x8035 },	/* RARP */
};

/* Rows of arp_fields the summary reads. */
enum { A_OP = 4, A_HWSRC = 5, A_PSRC = 6, A_PDST = 8, A_NROWS = 9 };

/* "who-has B tell A", "A is-at MAC", or "opcode n". */
static int
arp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[A_NROWS];
	uint64_t op;

	st_ly_fields(s->pkt, ly, arp_fields, A_NROWS, f);
	op = f[A_OP] != NULL ? f[A_OP]->val : 0;
	if (op == 1) {
		st_out_puts(s->o, "who-has ");
		s->value(s, f[A_PDST]);
		st_out_puts(s->o, " tell ");
		s->value(s, f[A_PSRC]);
	} else if (op == 2) {
		s->value(s, f[A_PSRC]);
		st_out_puts(s->o, " is-at ");
		s->value(s, f[A_HWSRC]);
	} else
		st_out_printf(s->o, "opcode %u", (unsigned)op);
	return 1;
}

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const arp_keys[] = {
	&arp_fields[4], &arp_fields[6], &arp_fields[8], NULL,
};

const struct st_proto st_proto_arp = {
	.name = "arp",
	.ws = "arp",
	.title = "Address Resolution Protocol",
	.rfc = "RFC 826",
	.role = ST_ROLE_CONTROL,
	.fields = arp_fields,
	.nfields = NFIELDS(arp_fields),
	.decode = arp_decode,
	.binds = arp_binds,
	.nbinds = NFIELDS(arp_binds),
	.summary = arp_summary,
	.keys = arp_keys,
	.color = "\033[33m",
	.explain = "The address rows shown are for Ethernet and IPv4 (sizes 6 "
	    "and 4); other sizes move them.",
};
