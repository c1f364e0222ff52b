/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AARP, the AppleTalk Address Resolution Protocol (Inside AppleTalk,
 * chapter 2), EtherType 0x80f3: ARP's layout, asking which Ethernet
 * address holds an AppleTalk node address, and probing that a node address
 * a machine picked for itself is free.
 *
 * +-------------------------------+-------------------------------+
 * |      Hardware type (16)       |   Protocol type (16, 0x809b)  |
 * +---------------+---------------+-------------------------------+
 * | HW size (8)   | Proto size (8)|   Function (16): 1 request,   |
 * |               |               |   2 reply, 3 probe            |
 * +---------------+---------------+-------------------------------+
 * | Sender hardware address | Sender AppleTalk address (0, net, node)
 * | Target hardware address | Target AppleTalk address
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname hw_names[] = {
	{ 1, "Ethernet" }, { 2, "Token Ring" }, { 0, NULL }
};

static const struct st_valname op_names[] = {
	{ 1, "request" }, { 2, "reply" }, { 3, "probe" },
	/* Linux once swapped the function's bytes in place */
	{ 0x100, "request" }, { 0x200, "reply" }, { 0x300, "probe" },
	{ 0, NULL }
};

enum { F_HW, F_PRO, F_HLN, F_PLN, F_OP, F_SMAC, F_SID, F_TMAC, F_TID,
	F_SHW, F_SPRO, F_THW, F_TPRO };

static const struct st_field_desc aarp_fields[] = {
	[F_HW] = FDN("hwtype", "aarp.hard.type", "Hardware type", 0, 16,
	    ST_FMT_HEX, hw_names),
	[F_PRO] = FDN("ptype", "aarp.proto.type", "Protocol type", 16, 16,
	    ST_FMT_HEX, st_ethertype_names),
	[F_HLN] = FD("hwlen", "aarp.hard.size", "Hardware size", 32, 8,
	    ST_FMT_DEC),
	[F_PLN] = FD("plen", "aarp.proto.size", "Protocol size", 40, 8,
	    ST_FMT_DEC),
	[F_OP] = FDN("op", "aarp.opcode", "Function", 48, 16, ST_FMT_DEC,
	    op_names),
	/* The addresses, at offsets the sizes give. */
	[F_SMAC] = FD(NULL, "aarp.src.hw_mac", "Sender MAC address", 0, 48,
	    ST_FMT_MAC),
	[F_SID] = FD(NULL, "aarp.src.proto_id", "Sender AppleTalk address", 0,
	    0, ST_FMT_BYTES),
	[F_TMAC] = FD(NULL, "aarp.dst.hw_mac", "Target MAC address", 0, 48,
	    ST_FMT_MAC),
	[F_TID] = FD(NULL, "aarp.dst.proto_id", "Target AppleTalk address", 0,
	    0, ST_FMT_BYTES),
	[F_SHW] = FD(NULL, "aarp.src.hw", "Sender hardware address", 0, 0,
	    ST_FMT_BYTES),
	[F_SPRO] = FD(NULL, "aarp.src.proto", "Sender protocol address", 0, 0,
	    ST_FMT_BYTES),
	[F_THW] = FD(NULL, "aarp.dst.hw", "Target hardware address", 0, 0,
	    ST_FMT_BYTES),
	[F_TPRO] = FD(NULL, "aarp.dst.proto", "Target protocol address", 0, 0,
	    ST_FMT_BYTES),
};

static int
aarp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t hs, ps, off = 8;
	unsigned hw, pro, i;
	int mac, atalk;

	if (st_dfields(d, c, aarp_fields, F_SMAC) != ST_OK)
		return c->err;
	hw = (unsigned)st_peek_bits(c, 0, 16);
	pro = (unsigned)st_peek_bits(c, 16, 16);
	hs = (size_t)st_peek_bits(c, 32, 8);
	ps = (size_t)st_peek_bits(c, 40, 8);
	/* MAC addresses for Ethernet and Token Ring; AppleTalk addresses
	 * (a zero byte, the network, the node) of four bytes. */
	mac = (hw == 1 || hw == 2) && hs == 6;
	atalk = pro == 0x809b && ps == 4;
	for (i = 0; i < 2; i++) {
		if (hs > 0)
			st_dbytes(d, c, &aarp_fields[mac ? F_SMAC + 2 * i :
			    F_SHW + 2 * i], off, hs);
		off += hs;
		if (ps > 0)
			st_dbytes(d, c, &aarp_fields[atalk ? F_SID + 2 * i :
			    F_SPRO + 2 * i], off, ps);
		off += ps;
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = off;
	d->plen = 0;		/* what follows is padding */
	return ST_OK;
}

static const struct st_bind aarp_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x80f3 },
};

/* An AppleTalk address field as "net.node". */
static void
aarp_id(struct st_sumctx *s, const struct st_field *f)
{
	const uint8_t *p;
	size_t n = 0;

	if (f == NULL || (p = st_field_bytes(s->pkt, f, &n)) == NULL ||
	    n != 4) {
		st_out_puts(s->o, "?");
		return;
	}
	st_out_printf(s->o, "%u.%u", (unsigned)(p[1] << 8 | p[2]),
	    (unsigned)p[3]);
}

/* "who-has 1.2 tell 3.4", "3.4 is-at MAC", "probe 1.2", as tcpdump. */
static int
aarp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_TID + 1];
	unsigned op;

	st_ly_fields(s->pkt, ly, aarp_fields, F_TID + 1, f);
	if (f[F_OP] == NULL)
		return 0;
	op = (unsigned)f[F_OP]->val;
	op = op >= 0x100 ? op >> 8 : op;
	st_out_puts(s->o, "aarp ");
	if (op == 1) {
		st_out_puts(s->o, "who-has ");
		aarp_id(s, f[F_TID]);
		st_out_puts(s->o, " tell ");
		aarp_id(s, f[F_SID]);
	} else if (op == 2) {
		aarp_id(s, f[F_SID]);
		st_out_puts(s->o, " is-at ");
		s->value(s, f[F_SMAC]);
	} else if (op == 3) {
		st_out_puts(s->o, "probe ");
		aarp_id(s, f[F_TID]);
	} else
		st_out_printf(s->o, "function %u", op);
	return 1;
}

static const struct st_field_desc *const aarp_keys[] = {
	&aarp_fields[F_OP], NULL,
};

const struct st_proto st_proto_aarp = {
	.name = "aarp",
	.ws = "aarp",
	.title = "AppleTalk Address Resolution Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 2",
	.role = ST_ROLE_CONTROL,
	.fields = aarp_fields,
	.nfields = NFIELDS(aarp_fields),
	.decode = aarp_decode,
	.binds = aarp_binds,
	.nbinds = NFIELDS(aarp_binds),
	.summary = aarp_summary,
	.keys = aarp_keys,
	.color = "\033[33m",
	.explain = "AppleTalk's ARP: the same layout as ARP, protocol type "
	    "0x809b. A machine picks its own node address, then probes "
	    "(function 3) a few times to learn whether another machine holds "
	    "it; requests and replies map node addresses to Ethernet "
	    "addresses as ARP does. An AppleTalk address is four bytes: a "
	    "zero, the 16-bit network number and the 8-bit node (net.node).",
};
