/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MikroTik Neighbor Discovery Protocol (UDP 5678): RouterOS devices
 * broadcast who they are every minute, so that WinBox and their
 * neighbours list them.  Two bytes nobody has documented, a sequence
 * number, then TLVs (type and length of two bytes each, big-endian):
 * MAC address, identity, version, platform, uptime (seconds,
 * little-endian), software ID, board, unpack, IPv6 and IPv4 addresses,
 * interface name.  As Wireshark's dissector: a datagram of fewer than 8
 * bytes, or whose first TLV's type or length has a high byte other than
 * 0, is not MNDP.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define MNDP_PORT	5678
#define MNDP_HDR	4

enum { F_UNKNOWN, F_SEQ, T_TYPE, T_LEN, T_DATA, V_MAC, V_IDENT, V_VER,
	V_PLAT, V_UPTIME, V_SWID, V_BOARD, V_UNPACK, V_IPV6, V_IFNAME,
	V_IPV4, F_NFIELDS };

static const struct st_valname mndp_tlv_names[] = {
	{ 1, "MAC-Address" }, { 5, "Identity" }, { 7, "Version" },
	{ 8, "Platform" }, { 10, "Uptime" }, { 11, "Software-ID" },
	{ 12, "Board" }, { 14, "Unpack" }, { 15, "IPv6-Address" },
	{ 16, "Interface name" }, { 17, "IPv4-Address" }, { 0, NULL }
};

static const struct st_valname mndp_unpack_names[] = {
	{ 1, "None" }, { 0, NULL }
};

static const struct st_field_desc mndp_fields[F_NFIELDS] = {
	[F_UNKNOWN] = FD(NULL, "mndp.header.unknown", "Header unknown", 0,
	    16, ST_FMT_BYTES),
	[F_SEQ] = FD("seq", "mndp.header.seqno", "Sequence number", 16, 16,
	    ST_FMT_DEC),
	/* a TLV, from its start */
	[T_TYPE] = FDN(NULL, "mndp.tlv.type", "TLV type", 0, 16, ST_FMT_DEC,
	    mndp_tlv_names),
	[T_LEN] = FD(NULL, "mndp.tlv.length", "TLV length", 16, 16,
	    ST_FMT_DEC),
	[T_DATA] = FD(NULL, "mndp.tlv.data", "TLV data", 0, 0, ST_FMT_BYTES),
	/* values, from the value's start */
	[V_MAC] = FD("mac", "mndp.mac", "MAC address", 0, 48, ST_FMT_MAC),
	[V_IDENT] = FD("identity", "mndp.identity", "Identity", 0, 0,
	    ST_FMT_TEXT),
	[V_VER] = FD(NULL, "mndp.version", "Version", 0, 0, ST_FMT_TEXT),
	[V_PLAT] = FD(NULL, "mndp.platform", "Platform", 0, 0, ST_FMT_TEXT),
	[V_UPTIME] = FD(NULL, "mndp.uptime", "Uptime", 0, 0, ST_FMT_TEXT),
	[V_SWID] = FD(NULL, "mndp.softwareid", "Software-ID", 0, 0,
	    ST_FMT_TEXT),
	[V_BOARD] = FD(NULL, "mndp.board", "Board", 0, 0, ST_FMT_TEXT),
	[V_UNPACK] = FDN(NULL, "mndp.unpack", "Unpack", 0, 8, ST_FMT_DEC,
	    mndp_unpack_names),
	[V_IPV6] = FD(NULL, "mndp.ipv6address", "IPv6 address", 0, 128,
	    ST_FMT_IPV6),
	[V_IFNAME] = FD(NULL, "mndp.interfacename", "Interface name", 0, 0,
	    ST_FMT_TEXT),
	[V_IPV4] = FD("ip", "mndp.ipv4address", "IPv4 address", 0, 32,
	    ST_FMT_IPV4),
};

/* The field a TLV's value is and the length it must have (0 any), by
 * type; -1 for TLV data. */
static int
mndp_row(unsigned type, size_t *len)
{
	static const struct { unsigned type; int row; size_t len; } t[] = {
		{ 1, V_MAC, 6 }, { 5, V_IDENT, 0 }, { 7, V_VER, 0 },
		{ 8, V_PLAT, 0 }, { 10, V_UPTIME, 4 }, { 11, V_SWID, 0 },
		{ 12, V_BOARD, 0 }, { 14, V_UNPACK, 1 }, { 15, V_IPV6, 16 },
		{ 16, V_IFNAME, 0 }, { 17, V_IPV4, 4 },
	};
	size_t i;

	for (i = 0; i < NFIELDS(t); i++)
		if (t[i].type == type) {
			*len = t[i].len;
			return t[i].row;
		}
	return -1;
}

/* The uptime at at: seconds, little-endian, as tshark writes a relative
 * time. */
static void
mndp_uptime(struct st_dctx *d, struct st_cur *c, size_t at)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char buf[24];

	w.off += at;
	if ((p = st_get_bytes(&w, 4)) == NULL)
		return;
	snprintf(buf, sizeof(buf), "%lu.000000000", (unsigned long)p[0] |
	    (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 |
	    (unsigned long)p[3] << 24);
	st_dtext(d, c, &mndp_fields[V_UPTIME], at, 4, buf);
}

static int
mndp_is(struct st_cur *c)
{
	return st_cur_left(c) >= 8 && st_peek_bits(c, 32, 8) == 0 &&
	    st_peek_bits(c, 48, 8) == 0;
}

static int
mndp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), at = MNDP_HDR, n, want;
	unsigned type;
	int row;

	if (!mndp_is(c))
		return ST_ENOTME;
	st_dfields(d, c, mndp_fields, T_TYPE);
	/* each TLV takes 4 bytes at least: the loop ends */
	while (at < left && c->err == ST_OK) {
		st_dfields_at(d, c, at, mndp_fields + T_TYPE, 2);
		if (c->err != ST_OK)
			break;
		type = (unsigned)st_peek_bits(c, at * 8, 16);
		n = (size_t)st_peek_bits(c, at * 8 + 16, 16);
		at += 4;
		if (n == 0)
			continue;
		row = mndp_row(type, &want);
		if (!st_cur_need(c, at + n))
			break;
		if (row < 0 || (want != 0 && n != want))
			st_dbytes(d, c, &mndp_fields[T_DATA], at, n);
		else if (row == V_UPTIME)
			mndp_uptime(d, c, at);
		else if (mndp_fields[row].fmt == ST_FMT_TEXT)
			st_dtext_ascii(d, c, &mndp_fields[row], at, n);
		else
			st_dfields_at(d, c, at, &mndp_fields[row], 1);
		at += n;
	}
	d->hdr = left;
	d->plen = 0;
	return c->err;
}

static const struct st_bind mndp_binds[] = {
	{ ST_KEY_UDPPORT, MNDP_PORT },
};

/* "mndp MikroTik (RB951Ui-2HnD, 6.48.6 (stable)) on ether1". */
static int
mndp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, mndp_fields, F_NFIELDS, f);
	st_out_puts(s->o, "mndp");
	if (f[V_IDENT] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[V_IDENT]);
	}
	if (f[V_BOARD] != NULL || f[V_VER] != NULL) {
		st_out_puts(s->o, " (");
		if (f[V_BOARD] != NULL)
			s->value(s, f[V_BOARD]);
		if (f[V_BOARD] != NULL && f[V_VER] != NULL)
			st_out_puts(s->o, ", ");
		if (f[V_VER] != NULL)
			s->value(s, f[V_VER]);
		st_out_putc(s->o, ')');
	}
	if (f[V_IFNAME] != NULL) {
		st_out_puts(s->o, " on ");
		s->value(s, f[V_IFNAME]);
	}
	return 1;
}

static const struct st_field_desc *const mndp_keys[] = {
	&mndp_fields[V_IDENT], &mndp_fields[V_MAC], NULL,
};

const struct st_proto st_proto_mndp = {
	.name = "mndp",
	.ws = "mndp",
	.title = "Mikrotik Neighbor Discovery Protocol",
	.rfc = "MikroTik RouterOS manual (IP/Neighbor discovery)",
	.role = ST_ROLE_APP,
	.fields = mndp_fields,
	.nfields = F_NFIELDS,
	.decode = mndp_decode,
	.binds = mndp_binds,
	.nbinds = NFIELDS(mndp_binds),
	.summary = mndp_summary,
	.keys = mndp_keys,
	.color = "\033[36m",
	.explain = "How MikroTik routers introduce themselves: every minute "
	    "each RouterOS device broadcasts a UDP datagram to port 5678 on "
	    "every interface, a list of type-length-value items giving its "
	    "MAC address, identity (name), software version, board, uptime "
	    "and addresses.  Neighbours list what they hear; the WinBox tool "
	    "uses it to find routers on the LAN, even ones without an IP "
	    "address.  Like CDP and LLDP, it tells anyone listening what is "
	    "on the network.",
};
