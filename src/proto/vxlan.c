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

static int
vxlan_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *r;

	st_dfields(d, c, vxlan_fields, F_RES);
	/* The reserved bits, as Wireshark masks them (0x77b7). */
	if ((r = st_dfield(d, c, &vxlan_fields[F_RES])) != NULL)
		r->val &= 0x77b7;
	st_dfields(d, c, vxlan_fields + F_GBP, 3);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 8;
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
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
