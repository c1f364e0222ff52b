/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VXLAN (RFC 7348), with the group policy extension's flags
 * (draft-smith-vxlan-group-policy): an Ethernet frame over UDP port 4789.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|       Group Policy ID         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The I flag says the VNI is valid; without the G flag the group policy
 * ID is reserved (zero).
 *
 * VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe), on UDP port 4790, names what it
 * carries instead of always an Ethernet frame:
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|Ver|I|P|B|O|       Reserved                |Next Protocol  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Next Protocol: 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS; Wireshark
 * shows its fields under vxlan's names and follows the next protocol
 * whether P is set or not.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

enum { F_FLAGS, F_G, F_I, F_D, F_A, F_RES, F_GBP, F_VNI, F_RES8 };

static const struct st_field_desc vxlan_fields[] = {
	FDX("flags", "vxlan.flags", "Flags", 0, 16, ST_FMT_HEX, 0, 0, 0,
	    0x0800, NULL),
	FDD(NULL, "vxlan.flag_g", "GBP extension", 0, 1, ST_FMT_BOOL),
	FDD(NULL, "vxlan.flag_i", "VNI valid", 4, 1, ST_FMT_BOOL),
	FDD(NULL, "vxlan.flag_d", "Don't learn", 9, 1, ST_FMT_BOOL),
	FDD(NULL, "vxlan.flag_a", "Policy applied", 12, 1, ST_FMT_BOOL),
	FDD(NULL, "vxlan.flags_reserved", "Reserved", 0, 16, ST_FMT_HEX),
	FD("gbp", "vxlan.gbp", "Group policy ID", 16, 16, ST_FMT_DEC),
	FD("vni", "vxlan.vni", "VXLAN network identifier", 32, 24,
	    ST_FMT_DEC),
	FD(NULL, "vxlan.reserved8", "Reserved", 56, 8, ST_FMT_DEC),
};

/*
 * The 8-byte header both VXLANs share, from table fds: the rows before
 * row res, row res (the reserved flag bits, kept as Wireshark masks and
 * shifts them), then the nrest rows after it.  Returns ST_OK, ST_ETRUNC,
 * or ST_EINVAL when tunnels nest too deep.
 */
static int
header(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fds,
    size_t res, uint64_t mask, unsigned shift, size_t nrest)
{
	struct st_field *r;

	st_dfields(d, c, fds, res);
	if ((r = st_dfield(d, c, &fds[res])) != NULL)
		r->val = (r->val & mask) >> shift;
	st_dfields(d, c, fds + res + 1, nrest);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 8;
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	return ST_OK;
}

static int
vxlan_decode(struct st_dctx *d, struct st_cur *c)
{
	int e;

	if ((e = header(d, c, vxlan_fields, F_RES, 0x77b7, 0, 3)) != ST_OK)
		return e;
	d->next_key = ST_KEY_LINK;
	d->next_val = DLT_EN10MB;
	return ST_OK;
}

static const struct st_bind vxlan_binds[] = {
	{ ST_KEY_UDPPORT, 4789 },
};

/* "vxlan vni 42" (before the inner frame's facts). */
static int
vxlan_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_RES8 + 1];

	st_ly_fields(s->pkt, ly, vxlan_fields, F_RES8 + 1, f);
	st_out_puts(s->o, "vxlan vni ");
	s->value(s, f[F_VNI]);
	return 1;
}

static const struct st_field_desc *const vxlan_keys[] = {
	&vxlan_fields[F_VNI], &vxlan_fields[F_FLAGS], NULL,
};

const struct st_proto st_proto_vxlan = {
	.name = "vxlan",
	.ws = "vxlan",
	.title = "Virtual eXtensible Local Area Network",
	.rfc = "RFC 7348",
	.role = ST_ROLE_LINK,	/* a shim before the carried frame */
	.flags = ST_PF_TUNNEL,
	.fields = vxlan_fields,
	.nfields = NFIELDS(vxlan_fields),
	.decode = vxlan_decode,
	.binds = vxlan_binds,
	.nbinds = NFIELDS(vxlan_binds),
	.summary = vxlan_summary,
	.keys = vxlan_keys,
	.color = "\033[33m",
	.explain = "An Ethernet frame carried over UDP: the 24-bit VNI says "
	    "which virtual network (like a VLAN ID), the I flag that it is "
	    "valid.",
};

enum { G_FLAGS, G_VER, G_I, G_P, G_O, G_RES, G_RES16, G_NEXT, G_VNI,
	G_RES8 };

static const struct st_valname gpe_next_names[] = {
	{ 1, "IPv4" }, { 2, "IPv6" }, { 3, "Ethernet" }, { 4, "NSH" },
	{ 5, "MPLS" }, { 0, NULL }
};

static const struct st_field_desc gpe_fields[] = {
	FDX("flags", "vxlan.flags", "Flags", 0, 8, ST_FMT_HEX, 0, 0, 0,
	    0x0c, NULL),
	FDD(NULL, "vxlan.ver", "Version", 2, 2, ST_FMT_DEC),
	FDD(NULL, "vxlan.i_bit", "Instance", 4, 1, ST_FMT_DEC),
	FDD(NULL, "vxlan.p_bit", "Next Protocol Bit", 5, 1, ST_FMT_DEC),
	FDD(NULL, "vxlan.o_bit", "OAM bit", 7, 1, ST_FMT_DEC),
	FDD(NULL, "vxlan.flags_reserved", "Reserved(R)", 0, 8, ST_FMT_HEX),
	FD(NULL, "vxlan.reserved_16", "Reserved", 8, 16, ST_FMT_DEC),
	FDN("next", "vxlan.next_proto", "Next Protocol", 24, 8, ST_FMT_DEC,
	    gpe_next_names),
	FD("vni", "vxlan.vni", "VXLAN network identifier", 32, 24,
	    ST_FMT_DEC),
	FD(NULL, "vxlan.reserved8", "Reserved", 56, 8, ST_FMT_DEC),
};

static int
gpe_decode(struct st_dctx *d, struct st_cur *c)
{
	/* What each next protocol is in the registry's keys. */
	static const struct { int key; uint64_t val; } next[6] = {
		[1] = { ST_KEY_ETHERTYPE, 0x0800 },
		[2] = { ST_KEY_ETHERTYPE, 0x86dd },
		[3] = { ST_KEY_LINK, DLT_EN10MB },
		[4] = { ST_KEY_ETHERTYPE, 0x894f },
		[5] = { ST_KEY_ETHERTYPE, 0x8847 },
	};
	unsigned np;
	int e;

	/* Wireshark's reserved bits here: 0xc2, shifted down by one. */
	if ((e = header(d, c, gpe_fields, G_RES, 0xc2, 1, 4)) != ST_OK)
		return e;
	np = (unsigned)st_peek_bits(c, 24, 8);
	if (np < 6 && next[np].key != ST_KEY_NONE) {
		d->next_key = next[np].key;
		d->next_val = next[np].val;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind gpe_binds[] = {
	{ ST_KEY_UDPPORT, 4790 },
};

/* "vxlan-gpe vni 42 IPv4" (before the inner packet's facts). */
static int
gpe_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[G_RES8 + 1];
	const char *n;

	st_ly_fields(s->pkt, ly, gpe_fields, G_RES8 + 1, f);
	st_out_puts(s->o, "vxlan-gpe vni ");
	s->value(s, f[G_VNI]);
	if (f[G_NEXT] != NULL &&
	    (n = st_valname(gpe_next_names, (uint32_t)f[G_NEXT]->val)) != NULL)
		st_out_printf(s->o, " %s", n);
	return 1;
}

static const struct st_field_desc *const gpe_keys[] = {
	&gpe_fields[G_VNI], &gpe_fields[G_NEXT], &gpe_fields[G_FLAGS], NULL,
};

const struct st_proto st_proto_vxlan_gpe = {
	.name = "vxlan-gpe",
	.ws = "vxlan",		/* Wireshark shows it as vxlan's layer */
	.title = "Virtual eXtensible Local Area Network, Generic Protocol "
	    "Extension",
	.rfc = "draft-ietf-nvo3-vxlan-gpe-12",
	.role = ST_ROLE_LINK,	/* a shim before the carried packet */
	.flags = ST_PF_TUNNEL,
	.fields = gpe_fields,
	.nfields = NFIELDS(gpe_fields),
	.decode = gpe_decode,
	.binds = gpe_binds,
	.nbinds = NFIELDS(gpe_binds),
	.summary = gpe_summary,
	.keys = gpe_keys,
	.color = "\033[33m",
	.explain = "VXLAN whose last header byte names what follows (1 IPv4, "
	    "2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS) instead of always carrying "
	    "an Ethernet frame; P says that byte is set, O marks an OAM "
	    "packet, and the 24-bit VNI picks the virtual network.",
};
