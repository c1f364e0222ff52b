/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux "cooked" capture headers, as libpcap writes them for "any" and for
 * devices without a link header: LINKTYPE_LINUX_SLL (16 bytes) and
 * LINKTYPE_LINUX_SLL2 (20 bytes).  See pcap-linktype(7) and
 * https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html.
 *
 * SLL:  packet type (16) | ARPHRD type (16) | address length (16) |
 *       address (64, first address-length bytes used) | protocol (16)
 * SLL2: protocol (16) | reserved (16) | interface index (32) |
 *       ARPHRD type (16) | packet type (8) | address length (8) | address (64)
 */
#include <pcap/dlt.h>

#include "fields.h"

static const struct st_valname pkttype_names[] = {
	{ 0, "unicast to us" }, { 1, "broadcast" }, { 2, "multicast" },
	{ 3, "unicast to another host" }, { 4, "sent by us" }, { 0, NULL }
};

static const struct st_valname hatype_names[] = {
	{ 1, "Ethernet" }, { 772, "loopback" }, { 776, "IPv6-in-IPv4" },
	{ 778, "IP GRE" }, { 824, "netlink" }, { 65534, "none" }, { 0, NULL }
};

static const struct st_field_desc sll_fields[] = {
	FDN("pkttype", "sll.pkttype", "Packet type", 0, 16, ST_FMT_DEC,
	    pkttype_names),
	FDN("hatype", "sll.hatype", "Link-layer address type", 16, 16,
	    ST_FMT_DEC, hatype_names),
	FD("halen", "sll.halen", "Link-layer address length", 32, 16,
	    ST_FMT_DEC),
	FD("src", "sll.src.eth", "Source", 48, 48, ST_FMT_MAC),
	FD("srcraw", "sll.src.other", "Source", 48, 64, ST_FMT_BYTES),
	FDN("type", "sll.etype", "Protocol", 112, 16, ST_FMT_HEX,
	    st_ethertype_names),
	FD("ltype", "sll.ltype", "Protocol", 112, 16, ST_FMT_HEX),
	FD(NULL, "sll.unused", "Unused address bytes", 48, 0, ST_FMT_BYTES),
};

static const struct st_field_desc sll2_fields[] = {
	FDN("type", "sll.etype", "Protocol", 0, 16, ST_FMT_HEX,
	    st_ethertype_names),
	/* Wireshark shows no field for these two bytes. */
	FD("reserved", "strata.sll.reserved", "Reserved", 16, 16, ST_FMT_HEX),
	FD("ifindex", "sll.ifindex", "Interface index", 32, 32, ST_FMT_DEC),
	FDN("hatype", "sll.hatype", "Link-layer address type", 64, 16,
	    ST_FMT_DEC, hatype_names),
	FDN("pkttype", "sll.pkttype", "Packet type", 80, 8, ST_FMT_DEC,
	    pkttype_names),
	FD("halen", "sll.halen", "Link-layer address length", 88, 8,
	    ST_FMT_DEC),
	FD("src", "sll.src.eth", "Source", 96, 48, ST_FMT_MAC),
	FD("srcraw", "sll.src.other", "Source", 96, 64, ST_FMT_BYTES),
	FD(NULL, "sll.unused", "Unused address bytes", 96, 0, ST_FMT_BYTES),
};

/* Adds the address: a MAC when it is one, else the bytes used; then
 * the bytes of the 8-byte address field it leaves unused. */
static void
sll_addr(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *mac,
    const struct st_field_desc *raw, const struct st_field_desc *unused,
    unsigned halen)
{
	if (halen == 6)
		st_dfield(d, c, mac);
	else if (halen > 0)
		st_dbytes(d, c, raw, raw->bitoff / 8, halen > 8 ? 8 : halen);
	if (halen < 8)
		st_dbytes(d, c, unused, unused->bitoff / 8 + halen, 8 - halen);
}

/* Sets what follows a cooked header whose protocol field is proto. */
static void
sll_next(struct st_dctx *d, uint16_t proto)
{
	if (proto >= 0x0600) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = proto;
	} else
		d->data = 1;
}

static int
sll_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned halen;
	uint16_t proto;

	if (!st_cur_need(c, 16)) {
		st_dfields(d, c, sll_fields, 3);
		return ST_ETRUNC;
	}
	st_dfields(d, c, sll_fields, 3);
	halen = (unsigned)st_peek_bits(c, 32, 16);
	sll_addr(d, c, &sll_fields[3], &sll_fields[4], &sll_fields[7], halen);
	proto = (uint16_t)st_peek_bits(c, 112, 16);
	st_dfield(d, c, proto >= 0x0600 ? &sll_fields[5] : &sll_fields[6]);
	sll_next(d, proto);
	d->hdr = 16;
	return c->err;
}

static int
sll2_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned halen;
	uint16_t proto;

	if (!st_cur_need(c, 20)) {
		st_dfields(d, c, sll2_fields, 6);
		return ST_ETRUNC;
	}
	st_dfields(d, c, sll2_fields, 6);
	halen = (unsigned)st_peek_bits(c, 88, 8);
	sll_addr(d, c, &sll2_fields[6], &sll2_fields[7], &sll2_fields[8],
	    halen);
	proto = (uint16_t)st_peek_bits(c, 0, 16);
	sll_next(d, proto);
	d->hdr = 20;
	return c->err;
}

static const struct st_bind sll_binds[] = {
	{ ST_KEY_LINK, DLT_LINUX_SLL },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const sll_keys[] = {
	&sll_fields[0], &sll_fields[5], NULL,
};

const struct st_proto st_proto_sll = {
	.trailer = &st_proto_trailer_sll,
	.name = "sll",
	.ws = "sll",
	.title = "Linux cooked capture v1",
	.rfc = "pcap-linktype(7)",
	.role = ST_ROLE_LINK,
	.fields = sll_fields,
	.nfields = NFIELDS(sll_fields),
	.decode = sll_decode,
	.binds = sll_binds,
	.nbinds = NFIELDS(sll_binds),
	.keys = sll_keys,
	.color = "\033[34m",
	.explain_bits = 128,
};

static const struct st_bind sll2_binds[] = {
	{ ST_KEY_LINK, DLT_LINUX_SLL2 },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const sll2_keys[] = {
	&sll2_fields[2], &sll2_fields[4], &sll2_fields[0], NULL,
};

const struct st_proto st_proto_sll2 = {
	.trailer = &st_proto_trailer_sll,
	.name = "sll2",
	.ws = "sll",
	.title = "Linux cooked capture v2",
	.rfc = "pcap-linktype(7)",
	.role = ST_ROLE_LINK,
	.fields = sll2_fields,
	.nfields = NFIELDS(sll2_fields),
	.decode = sll2_decode,
	.binds = sll2_binds,
	.nbinds = NFIELDS(sll2_binds),
	.keys = sll2_keys,
	.color = "\033[34m",
	.explain_bits = 160,
};
