/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet II and IEEE 802.3 (IEEE 802.3 clause 3), and stacked VLAN tags:
 * IEEE 802.1Q (TPID 0x8100, 0x9100) and 802.1ad service tags (0x88a8),
 * and 802.1ah provider backbone bridging's I-tag (0x88e7: MAC-in-MAC);
 * Cisco's ISL before an Ethernet frame.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Destination MAC address ...                  |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ... Destination              |       Source MAC address ...  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                        ... Source                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     EtherType or length       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * A VLAN tag: PCP (3 bits), DEI (1), VID (12), then the next EtherType.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define ETH_MAX_LEN	1500	/* type/length values up to this are lengths */

/* Rows in the order of the bytes, so that one st_dfields reads both
 * addresses with their parts (the OUI, and the first octet's locally
 * administered (LG) and group (IG) bits, detail that summaries skip). */
enum { E_DST, E_SRC = 4, E_TYPE = 8, E_LEN };

static const struct st_valname lg_names[] = {
	{ 0, "globally unique: assigned by the maker" },
	{ 1, "locally administered, set by software" }, { 0, NULL }
};
static const struct st_valname ig_names[] = {
	{ 0, "individual: unicast" },
	{ 1, "group: multicast or broadcast" }, { 0, NULL }
};

static const struct st_field_desc eth_fields[] = {
	FDX("dst", "eth.dst", "Destination", 0, 48, ST_FMT_MAC, 0, 0, 0, 0,
	    NULL),
	FDD(NULL, "eth.dst.oui", "Destination OUI", 0, 24, ST_FMT_HEX),
	FDDN(NULL, "eth.dst.lg", "Destination LG bit", 6, 1, ST_FMT_BOOL,
	    lg_names),
	FDDN(NULL, "eth.dst.ig", "Destination IG bit", 7, 1, ST_FMT_BOOL,
	    ig_names),
	FDX("src", "eth.src", "Source", 48, 48, ST_FMT_MAC, 0, 0, 0, 0, NULL),
	FDD(NULL, "eth.src.oui", "Source OUI", 48, 24, ST_FMT_HEX),
	FDDN(NULL, "eth.src.lg", "Source LG bit", 54, 1, ST_FMT_BOOL,
	    lg_names),
	FDDN(NULL, "eth.src.ig", "Source IG bit", 55, 1, ST_FMT_BOOL,
	    ig_names),
	FDX("type", "eth.type", "Type", 96, 16, ST_FMT_HEX, 0, ST_AUTO_NEXT,
	    0, 0, st_ethertype_names),
	FD("len", "eth.len", "Length", 96, 16, ST_FMT_DEC),
};

/*
 * Cisco's Inter-Switch Link: a 26-byte header before the switched frame,
 * told by its multicast destination (01-00-0c-00-00 or 0c-00-0c-00-00,
 * the sixth byte the frame's type and user bits), as Wireshark tells it.
 *
 * +--------------------------+----+----+------------------------+------+
 * | DA (40) | type(4) user(4)| SA (48) | length (16) | AAAA03   | HSA  |
 * +--------------------------+----+----+------------------------+------+
 * | VLAN (15) | BPDU (1) | index (16) | reserved (16) | frame ... | CRC |
 */
static const struct st_field_desc isl_fields[] = {
	FD(NULL, "isl.dst", "Destination", 0, 48, ST_FMT_MAC),
	FDD(NULL, "isl.type", "Frame type", 40, 4, ST_FMT_DEC),
	FDD(NULL, "isl.user_eth", "User (Ethernet priority)", 46, 2,
	    ST_FMT_DEC),
	FDD(NULL, "isl.addr", "Destination or source", 0, 48, ST_FMT_MAC),
	FD(NULL, "isl.src", "Source", 48, 48, ST_FMT_MAC),
	FDD(NULL, "isl.addr", "Destination or source", 48, 48, ST_FMT_MAC),
	FD(NULL, "isl.len", "Length", 96, 16, ST_FMT_DEC),
	FD(NULL, "isl.dsap", "DSAP", 112, 8, ST_FMT_HEX),
	FD(NULL, "isl.ssap", "SSAP", 120, 8, ST_FMT_HEX),
	FD(NULL, "isl.control", "Control", 128, 8, ST_FMT_HEX),
	FD(NULL, "isl.hsa", "High bits of the source address", 136, 24,
	    ST_FMT_HEX),
	FD(NULL, "isl.vlan_id", "VLAN ID", 160, 15, ST_FMT_DEC),
	FD(NULL, "isl.bpdu", "BPDU, CDP or VTP", 175, 1, ST_FMT_BOOL),
	FD(NULL, "isl.index", "Index", 176, 16, ST_FMT_DEC),
	FD(NULL, "isl.reserved", "Reserved", 192, 16, ST_FMT_HEX),
};

extern const struct st_proto st_proto_isl, st_proto_eth;

/* Whether the frame at c is ISL (its first five bytes). */
static int
is_isl(struct st_cur *c)
{
	uint64_t da;

	if (st_cur_left(c) < 26)
		return 0;
	da = st_peek_bits(c, 0, 40);
	return da == 0x01000c0000ULL || da == 0x0c000c0000ULL;
}

/* The ISL header; an Ethernet frame (type 0) follows, as long as the
 * length says (the rest: ISL's CRC). */
static int
isl_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;

	if (st_dfields(d, c, isl_fields, NFIELDS(isl_fields)) != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 96, 16);
	d->hdr = 26;
	if (len < 12)
		return st_dmalformed(d, "ISL length %zu below its 12 bytes",
		    len);
	d->plen = len - 12;
	if (st_peek_bits(c, 40, 4) == 0)
		d->next = &st_proto_eth;
	else
		d->data = 1;	/* token ring, FDDI, ATM: not decoded */
	return ST_OK;
}

static int
eth_decode(struct st_dctx *d, struct st_cur *c)
{
	uint16_t t;

	/* ISL on an Ethernet link: the layer is ISL's. */
	if (d->depth == 0 && d->ly == d->pkt->layers && is_isl(c)) {
		d->ly->proto = &st_proto_isl;
		return isl_decode(d, c);
	}

	if (d->pkt->lite) {		/* the addresses only: no parts */
		st_dfield(d, c, &eth_fields[E_DST]);
		st_dfield(d, c, &eth_fields[E_SRC]);
	} else
		st_dfields(d, c, eth_fields, E_TYPE);
	t = (uint16_t)st_peek_bits(c, 96, 16);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 14;
	if (t <= ETH_MAX_LEN) {
		/* IEEE 802.3: a length, then an 802.2 LLC frame. */
		st_dfield(d, c, &eth_fields[E_LEN]);
		d->plen = t;
		d->next_key = ST_KEY_8023;
		d->next_val = 0;
		return ST_OK;
	}
	st_dfield(d, c, &eth_fields[E_TYPE]);
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = t;
	return ST_OK;
}

static const struct st_bind eth_binds[] = {
	{ ST_KEY_LINK, DLT_EN10MB },
};

/* "src → dst type 0x0800 (IPv4) len n", or "802.3 length n". */
static int
eth_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[E_LEN + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, eth_fields, E_LEN + 1, f);
	s->value(s, f[E_SRC]);
	st_out_puts(s->o, " \xe2\x86\x92 ");
	s->value(s, f[E_DST]);
	if (f[E_TYPE] != NULL) {
		st_out_printf(s->o, " type 0x%04x", (unsigned)f[E_TYPE]->val);
		if ((m = st_field_meaning(f[E_TYPE])) != NULL)
			st_out_printf(s->o, " (%s)", m);
	} else
		st_out_printf(s->o, " 802.3 length %u",
		    f[E_LEN] != NULL ? (unsigned)f[E_LEN]->val : 0);
	st_out_puts(s->o, " len ");
	st_out_u64(s->o, s->pkt->len);
	return 1;
}

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const eth_keys[] = {
	&eth_fields[E_SRC], &eth_fields[E_DST], &eth_fields[E_TYPE],
	&eth_fields[E_LEN], NULL,
};

static const struct st_craft eth_craft = {
	.spec = "eth",
	.hlen = 14,
	.next_key = ST_KEY_ETHERTYPE,
	.next_none = 0x0800,
	.link = DLT_EN10MB,
};

const struct st_proto st_proto_eth = {
	.trailer = &st_proto_trailer,
	.name = "eth",
	.ws = "eth",
	.title = "Ethernet II",
	.rfc = "IEEE 802.3",
	.role = ST_ROLE_LINK,
	.fields = eth_fields,
	.nfields = NFIELDS(eth_fields),
	.decode = eth_decode,
	.binds = eth_binds,
	.nbinds = NFIELDS(eth_binds),
	.summary = eth_summary,
	.keys = eth_keys,
	.color = "\033[34m",
	.explain = "Values of 1500 and below are an IEEE 802.3 length, not a "
	    "type; the frame is padded to 60 bytes and followed by a 4-byte "
	    "FCS on the wire (captures rarely keep it).",
	.craft = &eth_craft,
};

const struct st_proto st_proto_isl = {
	.name = "isl",
	.ws = "isl",
	.title = "Cisco Inter-Switch Link",
	.rfc = "Cisco ISL",
	.role = ST_ROLE_LINK,
	.fields = isl_fields,
	.nfields = NFIELDS(isl_fields),
	.decode = isl_decode,
	.color = "\033[34m",
	.explain = "Shown instead of Ethernet when the destination starts "
	    "01-00-0c-00-00 or 0c-00-0c-00-00, as Wireshark does; the switched "
	    "frame follows the 26-byte header.",
};

static const struct st_field_desc vlan_fields[] = {
	FD("prio", "vlan.priority", "Priority", 0, 3, ST_FMT_DEC),
	FD("dei", "vlan.dei", "Drop eligible", 3, 1, ST_FMT_BOOL),
	FD("id", "vlan.id", "VLAN ID", 4, 12, ST_FMT_DEC),
	FDX("type", "vlan.etype", "Type", 16, 16, ST_FMT_HEX, 0, ST_AUTO_NEXT,
	    0, 0, st_ethertype_names),
	FD("len", "vlan.len", "Length", 16, 16, ST_FMT_DEC),
};

static const struct st_field_desc qinq_fields[] = {
	FD("prio", "ieee8021ad.priority", "Priority", 0, 3, ST_FMT_DEC),
	FD("dei", "ieee8021ad.dei", "Drop eligible", 3, 1, ST_FMT_BOOL),
	FD("id", "ieee8021ad.id", "Service VLAN ID", 4, 12, ST_FMT_DEC),
	/* Wireshark 4.0 names the S-tag's type ieee8021ah.etype. */
	FDX("type", "ieee8021ah.etype", "Type", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_NEXT, 0, 0, st_ethertype_names),
	FD("len", "ieee8021ad.len", "Length", 16, 16, ST_FMT_DEC),
};

/*
 * The 802.1ah I-tag: priority (3 bits), drop eligible (1), no customer
 * addresses (1), reserved (1 + 2), the 24-bit service instance ID, then
 * the customer's destination and source addresses and EtherType.
 */
static const struct st_field_desc pbb_fields[] = {
	FD("prio", "ieee8021ah.priority", "Priority", 0, 3, ST_FMT_DEC),
	FD("drop", "ieee8021ah.drop", "Drop eligible", 3, 1, ST_FMT_DEC),
	FD("nca", "ieee8021ah.nca", "No customer addresses", 4, 1,
	    ST_FMT_DEC),
	FD(NULL, "ieee8021ah.res1", "Reserved", 5, 1, ST_FMT_DEC),
	FD(NULL, "ieee8021ah.res2", "Reserved", 6, 2, ST_FMT_DEC),
	FD("isid", "ieee8021ah.isid", "Service instance ID", 8, 24,
	    ST_FMT_DEC),
	FD("cdst", "ieee8021ah.cdst", "Customer destination", 32, 48,
	    ST_FMT_MAC),
	FD("csrc", "ieee8021ah.csrc", "Customer source", 80, 48, ST_FMT_MAC),
	FDX("type", "ieee8021ah.etype", "Type", 128, 16, ST_FMT_HEX, 0,
	    ST_AUTO_NEXT, 0, 0, st_ethertype_names),
};

static int
tag_decode(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *t)
{
	uint16_t next;

	if (st_dcount_kind(d, ST_PF_TAG, ST_ROLE_NONE) > ST_MAX_VLAN)
		return st_dmalformed(d, "more than %d stacked VLAN tags",
		    ST_MAX_VLAN);
	if (st_dfields(d, c, t, 3) != ST_OK)
		return c->err;
	next = (uint16_t)st_peek_bits(c, 16, 16);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	if (next <= ETH_MAX_LEN) {
		st_dfield(d, c, &t[4]);
		d->plen = next;
		d->next_key = ST_KEY_8023;
		d->next_val = 0;
		return ST_OK;
	}
	st_dfield(d, c, &t[3]);
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = next;
	return ST_OK;
}

static int
vlan_decode(struct st_dctx *d, struct st_cur *c)
{
	return tag_decode(d, c, vlan_fields);
}

static int
qinq_decode(struct st_dctx *d, struct st_cur *c)
{
	return tag_decode(d, c, qinq_fields);
}

static int
pbb_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (st_dfields(d, c, pbb_fields, NFIELDS(pbb_fields)) != ST_OK)
		return c->err;
	d->hdr = 18;
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = st_peek_bits(c, 128, 16);
	return ST_OK;
}

static const struct st_bind vlan_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8100 },
	{ ST_KEY_ETHERTYPE, 0x9100 },	/* old QinQ */
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const vlan_keys[] = {
	&vlan_fields[2], &vlan_fields[0], &vlan_fields[3], NULL,
};

const struct st_proto st_proto_vlan = {
	.trailer = &st_proto_trailer_vlan,
	.name = "vlan",
	.ws = "vlan",
	.title = "802.1Q Virtual LAN",
	.rfc = "IEEE 802.1Q",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TAG,
	.fields = vlan_fields,
	.nfields = NFIELDS(vlan_fields),
	.decode = vlan_decode,
	.binds = vlan_binds,
	.nbinds = NFIELDS(vlan_binds),
	.keys = vlan_keys,
	.color = "\033[94m",
};

static const struct st_bind qinq_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88a8 },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const qinq_keys[] = {
	&qinq_fields[2], &qinq_fields[3], NULL,
};

const struct st_proto st_proto_qinq = {
	.trailer = &st_proto_trailer_qinq,
	.name = "qinq",
	.ws = "ieee8021ad",
	.title = "802.1ad Provider Bridge (Q-in-Q)",
	.rfc = "IEEE 802.1ad",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TAG,
	.fields = qinq_fields,
	.nfields = NFIELDS(qinq_fields),
	.decode = qinq_decode,
	.binds = qinq_binds,
	.nbinds = NFIELDS(qinq_binds),
	.keys = qinq_keys,
	.color = "\033[94m",
};

static const struct st_bind pbb_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88e7 },
};

/* "pbb isid 256" (before the customer frame's facts). */
static int
pbb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NFIELDS(pbb_fields)];

	st_ly_fields(s->pkt, ly, pbb_fields, NFIELDS(pbb_fields), f);
	st_out_puts(s->o, "pbb isid ");
	s->value(s, f[5]);
	return 1;
}

static const struct st_field_desc *const pbb_keys[] = {
	&pbb_fields[5], &pbb_fields[8], NULL,
};

const struct st_proto st_proto_pbb = {
	.trailer = &st_proto_trailer_pbb,
	.name = "pbb",
	.ws = "ieee8021ah",
	.title = "802.1ah Provider Backbone Bridge (MAC-in-MAC)",
	.rfc = "IEEE 802.1ah",
	.role = ST_ROLE_LINK,	/* a shim before the customer's frame */
	.flags = ST_PF_TUNNEL,
	.fields = pbb_fields,
	.nfields = NFIELDS(pbb_fields),
	.decode = pbb_decode,
	.binds = pbb_binds,
	.nbinds = NFIELDS(pbb_binds),
	.summary = pbb_summary,
	.keys = pbb_keys,
	.color = "\033[94m",
	.explain = "A carrier's backbone frame carrying a customer's: the "
	    "24-bit service instance ID (I-SID) says whose, then come the "
	    "customer's own destination and source addresses and EtherType.",
};
