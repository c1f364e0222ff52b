/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GeoNetworking (ETSI EN 302 636-4-1; EtherType 0x8947), the network
 * layer of ITS-G5 vehicle radio, and the Basic Transport Protocol over it
 * (EN 302 636-5-1), BTP-A and BTP-B: one file, as Wireshark's dissector
 * holds the three.
 *
 * Basic header (4 bytes) and common header (8):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  NH   |   Reserved    |   Lifetime    |  Remain. Hop  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  NH   | Rsvd  |  HT   |  HST  |  Traffic Cl.  |M|  Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Payload Length         |  Max Hop Lim. |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The basic header's NH 1 says a common header follows (2: a secured
 * packet, shown as data).  The header type (HT) and subtype choose the
 * extended header: beacon (1), GeoUnicast (2), GeoAnycast (3) and
 * GeoBroadcast (4) with a circle, rectangle or ellipse, topologically
 * scoped broadcast (5: subtype 0 single hop, 1 multi-hop) and location
 * service (6: 0 request, 1 reply).  Each holds the sender's long
 * position vector (24 bytes: GN address, timestamp, latitude and
 * longitude in 1/10 micro-degrees, speed, heading); some a sequence
 * number, a destination's short position vector (20 bytes) or an area.
 * The common header's NH names what follows: 1 BTP-A (destination and
 * source ports), 2 BTP-B (destination port and port information), 3
 * IPv6.  Fields are named and placed as Wireshark's.
 */
#include "strata/out.h"
#include "fields.h"

extern const struct st_proto st_proto_gnw, st_proto_btpa, st_proto_btpb;

#define GN_HDR		12	/* basic and common headers */

enum { HT_BEACON = 1, HT_GUC, HT_GAC, HT_GBC, HT_TSB, HT_LS };

enum { F_VER, F_NH, F_RES, F_LT, F_LTMULT, F_LTBASE, F_RHL,
	F_CNH, F_CRES1, F_HTYPE, F_TC, F_TCBUF, F_TCOFF, F_TCID, F_FLAGS,
	F_MOB, F_FRES, F_PLEN, F_MHL, F_CRES2,
	/* from the extended header's start */
	F_SN, F_ERES,
	/* a long position vector, from its start: the source's */
	F_SRC, F_SADDR, F_SMAN, F_STYPE, F_SCC, F_SMID, F_STST, F_SLAT,
	F_SLONG, F_SPAI, F_SSPEED, F_SHDG,
	/* a short position vector: the destination's */
	F_DST, F_DADDR, F_DMAN, F_DTYPE, F_DCC, F_DMID, F_DTST, F_DLAT,
	F_DLONG,
	/* a GN address: a location service request's */
	F_LADDR, F_LMAN, F_LTYPE, F_LCC, F_LMID,
	/* an area */
	F_ALAT, F_ALONG, F_RADIUS, F_DISTA, F_DISTB, F_ANGLE, F_ARES,
	/* a single-hop broadcast's DCC fields */
	F_L0HOP, F_L1HOP, F_POWER, F_DCCRES, F_SHBRES, F_NROWS };

static const struct st_valname bnh_names[] = {
	{ 0, "ANY" }, { 1, "Common Header" }, { 2, "Secured Packet" },
	{ 0, NULL }
};

static const struct st_valname cnh_names[] = {
	{ 0, "ANY" }, { 1, "BTP-A" }, { 2, "BTP-B" }, { 3, "IPv6" },
	{ 0, NULL }
};

static const struct st_valname ht_names[] = {
	{ 0x00, "ANY" }, { 0x10, "Beacon" }, { 0x20, "Geo Unicast" },
	{ 0x30, "Geo-scoped Anycast Circle" },
	{ 0x31, "Geo-scoped Anycast Rectangle" },
	{ 0x32, "Geo-scoped Anycast Ellipse" },
	{ 0x40, "Geo-scoped Broadcast Circle" },
	{ 0x41, "Geo-scoped Broadcast Rectangle" },
	{ 0x42, "Geo-scoped Broadcast Ellipse" },
	{ 0x50, "Topologically-scoped broadcast Single Hop" },
	{ 0x51, "Topologically-scoped broadcast Multi Hop" },
	{ 0x60, "Location Service Request" },
	{ 0x61, "Location Service Reply" }, { 0, NULL }
};

static const struct st_valname base_names[] = {
	{ 0, "50 ms" }, { 1, "1 s" }, { 2, "10 s" }, { 3, "100 s" },
	{ 0, NULL }
};

#define GNADDR(p, s, o) \
	FD(NULL, p ".addr", "GN_ADDR", (o), 64, ST_FMT_BYTES), \
	FDD(NULL, p ".addr.manual", "Manual", (o), 1, ST_FMT_DEC), \
	FDD(NULL, p ".addr.type", "Station Type", (o) + 1, 5, ST_FMT_DEC), \
	FDD(NULL, p ".addr.country", "ITS-S Country Code", (o) + 6, 10, \
	    ST_FMT_DEC), \
	FD(NULL, p ".addr.mid", "MID", (o) + 16, 48, ST_FMT_MAC)
#define SIGNED(k, n, l, o, w) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (o), \
	  .bits = (w), .fmt = ST_FMT_DEC, .flags = ST_DF_SIGNED }

static const struct st_field_desc gnw_fields[] = {
	FD("version", "geonw.bh.version", "Version", 0, 4, ST_FMT_DEC),
	FDN("nh", "geonw.bh.nh", "Next Header", 4, 4, ST_FMT_DEC, bnh_names),
	FD(NULL, "geonw.bh.reserved", "Reserved", 8, 8, ST_FMT_HEX),
	FD("lt", "geonw.bh.lt", "Life Time", 16, 8, ST_FMT_DEC),
	FDD(NULL, "geonw.bh.lt.mult", "Life Time multiplier", 16, 6,
	    ST_FMT_DEC),
	FDDN(NULL, "geonw.bh.lt.base", "Life Time base", 22, 2, ST_FMT_DEC,
	    base_names),
	FD("rhl", "geonw.bh.rhl", "Remaining Hop Limit", 24, 8, ST_FMT_DEC),
	FDN("cnh", "geonw.ch.nh", "Next Header", 32, 4, ST_FMT_DEC,
	    cnh_names),
	FD(NULL, "geonw.ch.reserved1", "Reserved", 36, 4, ST_FMT_HEX),
	FDN("ht", "geonw.ch.htype", "Header type", 40, 8, ST_FMT_HEX,
	    ht_names),
	FD("tc", "geonw.ch.tclass", "Traffic class", 48, 8, ST_FMT_DEC),
	FDD(NULL, "geonw.ch.tc.buffer", "Store Carry Forward", 48, 1,
	    ST_FMT_DEC),
	FDD(NULL, "geonw.ch.tc.offload", "Channel offload", 49, 1,
	    ST_FMT_DEC),
	FDD(NULL, "geonw.ch.tc.id", "Traffic class ID", 50, 6, ST_FMT_DEC),
	FD(NULL, "geonw.ch.flags", "Flags", 56, 8, ST_FMT_HEX),
	FDD(NULL, "geonw.ch.flags.mob", "Mobility flag", 56, 1, ST_FMT_DEC),
	FDD(NULL, "geonw.ch.flags.reserved", "Reserved", 57, 7, ST_FMT_DEC),
	FD("plen", "geonw.ch.plength", "Payload length", 64, 16, ST_FMT_DEC),
	FD("mhl", "geonw.ch.mhl", "Maximum Hop Limit", 80, 8, ST_FMT_DEC),
	FD(NULL, "geonw.ch.reserved2", "Reserved", 88, 8, ST_FMT_HEX),
	FD(NULL, "geonw.seq_num", "Sequence number", 0, 16, ST_FMT_HEX),
	FD(NULL, "geonw.reserved", "Reserved", 16, 16, ST_FMT_DEC),
	FD(NULL, "geonw.src_pos", "Source position", 0, 192, ST_FMT_BYTES),
	GNADDR("geonw.src_pos", "Source", 0),
	FD(NULL, "geonw.src_pos.tst", "Timestamp", 64, 32, ST_FMT_DEC),
	SIGNED(NULL, "geonw.src_pos.lat", "Latitude", 96, 32),
	SIGNED(NULL, "geonw.src_pos.long", "Longitude", 128, 32),
	FD(NULL, "geonw.src_pos.pai", "Position accuracy indicator", 160, 1,
	    ST_FMT_DEC),
	SIGNED(NULL, "geonw.src_pos.speed", "Speed", 161, 15),
	FD(NULL, "geonw.src_pos.hdg", "Heading", 176, 16, ST_FMT_DEC),
	FD(NULL, "geonw.dst_pos", "Destination position", 0, 160,
	    ST_FMT_BYTES),
	GNADDR("geonw.dst_pos", "Destination", 0),
	FD(NULL, "geonw.dst_pos.tst", "Timestamp", 64, 32, ST_FMT_DEC),
	SIGNED(NULL, "geonw.dst_pos.lat", "Latitude", 96, 32),
	SIGNED(NULL, "geonw.dst_pos.long", "Longitude", 128, 32),
	GNADDR("geonw.ls_req", "Request", 0),
	SIGNED(NULL, "geonw.gxc.latitude", "Latitude", 0, 32),
	SIGNED(NULL, "geonw.gxc.longitude", "Longitude", 32, 32),
	FD(NULL, "geonw.gxc.radius", "Radius r", 64, 16, ST_FMT_DEC),
	FD(NULL, "geonw.gxc.distancea", "Distance a", 64, 16, ST_FMT_DEC),
	FD(NULL, "geonw.gxc.distanceb", "Distance b", 80, 16, ST_FMT_DEC),
	FD(NULL, "geonw.gxc.angle", "Angle", 96, 16, ST_FMT_DEC),
	FD(NULL, "geonw.gxc.reserved", "Reserved", 112, 16, ST_FMT_DEC),
	/* Wireshark's masks: the first bit of each CBR byte */
	FD(NULL, "geonw.cbr_l0hop", "DCC-MCO: CBR_L_0_Hop", 0, 1, ST_FMT_DEC),
	FD(NULL, "geonw.cbr_l1hop", "DCC-MCO: CBR_L_1_Hop", 8, 1, ST_FMT_DEC),
	FD(NULL, "geonw.outpower", "DCC-MCO: Output power", 16, 5,
	    ST_FMT_DEC),
	FD(NULL, "geonw.dccmco.reserved", "DCC-MCO: Reserved", 21, 3,
	    ST_FMT_DEC),
	FD(NULL, "geonw.shb.reserved", "Reserved", 24, 8, ST_FMT_DEC),
};

#define R(i)	(&gnw_fields[(i)])

/* Adds rows [first, end) at byte off of c; a signed row's value becomes
 * the 64-bit two's complement the views print. */
static void
rows(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned end)
{
	struct st_field *f;
	unsigned i = d->pkt->nfields;

	st_dfields_at(d, c, off, gnw_fields + first, end - first);
	for (; i < d->pkt->nfields; i++) {
		f = &d->pkt->fields[i];
		if ((f->desc->flags & ST_DF_SIGNED) && f->bits < 64 &&
		    (f->val >> (f->bits - 1)) & 1)
			f->val |= ~(uint64_t)0 << f->bits;
	}
}

/* The extended header of type ht (its subtype hst) at byte GN_HDR;
 * returns its length, or 0 for a type that has none known. */
static size_t
extended(struct st_dctx *d, struct st_cur *c, unsigned ht, unsigned hst)
{
	size_t o = GN_HDR;

	if (ht == HT_BEACON || (ht == HT_TSB && hst == 0)) {
		rows(d, c, o, F_SRC, F_DST);
		if (ht == HT_BEACON)
			return 24;
		rows(d, c, o + 24, F_L0HOP, F_NROWS);
		return 28;
	}
	if (ht < HT_GUC || ht > HT_LS || (ht == HT_TSB && hst != 1) ||
	    (ht == HT_LS && hst > 1) || ((ht == HT_GAC || ht == HT_GBC) &&
	    hst > 2))
		return 0;
	rows(d, c, o, F_SN, F_SRC);
	rows(d, c, o + 4, F_SRC, F_DST);
	switch (ht) {
	case HT_GUC:
		rows(d, c, o + 28, F_DST, F_LADDR);
		return 48;
	case HT_GAC:
	case HT_GBC:
		rows(d, c, o + 28, F_ALAT, F_RADIUS);
		rows(d, c, o + 28, hst == 0 ? F_RADIUS : F_DISTA,
		    hst == 0 ? F_RADIUS + 1 : F_DISTA + 1);
		rows(d, c, o + 28, F_DISTB, F_L0HOP);
		return 44;
	case HT_TSB:
		return 28;
	}
	if (hst == 0) {
		rows(d, c, o + 28, F_LADDR, F_ALAT);
		return 36;
	}
	rows(d, c, o + 28, F_DST, F_LADDR);
	return 48;
}

static int
gnw_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned nh, cnh, ht;
	size_t ext;

	rows(d, c, 0, F_VER, F_CNH);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	if ((nh = (unsigned)st_peek_bits(c, 4, 4)) != 1) {
		d->data = 1;		/* a secured packet, or nothing */
		return ST_OK;
	}
	rows(d, c, 0, F_CNH, F_SN);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	ht = (unsigned)st_peek_bits(c, 40, 8);
	ext = extended(d, c, ht >> 4, ht & 15);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	if (ext == 0)
		return st_dmalformed(d, "unknown header type 0x%02x", ht);
	d->hdr = GN_HDR + ext;
	d->plen = (size_t)st_peek_bits(c, 64, 16);
	cnh = (unsigned)st_peek_bits(c, 32, 4);
	if (cnh == 1)
		d->next = &st_proto_btpa;
	else if (cnh == 2)
		d->next = &st_proto_btpb;
	else if (cnh == 3) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = 0x86dd;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind gnw_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8947 },
};

/* "gnw Beacon lat 487654321 long -23456789" */
static int
gnw_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS];
	const char *n;

	st_ly_fields(s->pkt, ly, gnw_fields, F_NROWS, f);
	st_out_puts(s->o, "gnw");
	if (f[F_NH] != NULL && f[F_NH]->val != 1 &&
	    (n = st_valname(bnh_names, (uint32_t)f[F_NH]->val)) != NULL)
		st_out_printf(s->o, " %s", n);
	if (f[F_HTYPE] != NULL) {
		if ((n = st_valname(ht_names, (uint32_t)f[F_HTYPE]->val)) !=
		    NULL)
			st_out_printf(s->o, " %s", n);
		else
			st_out_printf(s->o, " type 0x%02x",
			    (unsigned)f[F_HTYPE]->val);
	}
	if (f[F_SMID] != NULL) {
		st_out_puts(s->o, " from ");
		s->value(s, f[F_SMID]);
	}
	if (f[F_SLAT] != NULL && f[F_SLONG] != NULL)
		st_out_printf(s->o, " at %.7f,%.7f",
		    (double)(int32_t)f[F_SLAT]->val / 1e7,
		    (double)(int32_t)f[F_SLONG]->val / 1e7);
	if (f[F_RHL] != NULL)
		st_out_printf(s->o, " rhl %u", (unsigned)f[F_RHL]->val);
	return 1;
}

static const struct st_field_desc *const gnw_keys[] = {
	R(F_NH), R(F_RHL), R(F_CNH), R(F_HTYPE), R(F_PLEN), NULL,
};

const struct st_proto st_proto_gnw = {
	.name = "gnw",
	.ws = "gnw",
	.title = "GeoNetworking",
	.rfc = "ETSI EN 302 636-4-1",
	.role = ST_ROLE_NET,
	.fields = gnw_fields,
	.nfields = F_NROWS,
	.decode = gnw_decode,
	.binds = gnw_binds,
	.nbinds = NFIELDS(gnw_binds),
	.summary = gnw_summary,
	.keys = gnw_keys,
	.explain_bits = 96,
	.explain = "Vehicles and roadside units route by position, not by "
	    "address: every packet carries its sender's position vector "
	    "(latitude and longitude in tenths of a micro-degree, speed in "
	    "0.01 m/s, heading in 0.1 degree), and a GeoBroadcast or "
	    "GeoAnycast names a circle, rectangle or ellipse it is for.  The "
	    "lifetime is a multiplier of a base (50 ms, 1 s, 10 s, 100 s); "
	    "each forwarder lowers the remaining hop limit.  A beacon only "
	    "says where its sender is; a single-hop broadcast (SHB) carries "
	    "the CAM messages cars send several times a second, over BTP-B.",
};

/*
 * BTP (EN 302 636-5-1): four bytes, like UDP without length or checksum.
 * BTP-A (interactive) has destination and source ports; BTP-B
 * (non-interactive) a destination port and its information.  The ports
 * name ITS facilities messages (2001 CAM, 2002 DENM), shown as data.
 */
enum { A_DST, A_SRC, A_PORT, A_PORT2 };

static const struct st_field_desc btpa_fields[] = {
	FD("dport", "btpa.dstport", "Destination Port", 0, 16, ST_FMT_DEC),
	FD("sport", "btpa.srcport", "Source Port", 16, 16, ST_FMT_DEC),
	FDD(NULL, "btpa.port", "Port", 0, 16, ST_FMT_DEC),
	FDD(NULL, "btpa.port", "Port", 16, 16, ST_FMT_DEC),
};

static const struct st_field_desc btpb_fields[] = {
	FD("dport", "btpb.dstport", "Destination Port", 0, 16, ST_FMT_DEC),
	FD("info", "btpb.dstportinf", "Destination Port info", 16, 16,
	    ST_FMT_HEX),
};

static int
btp_decode(struct st_dctx *d, struct st_cur *c, const struct st_field_desc
    *fds, size_t n)
{
	st_dfields(d, c, fds, n);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	d->data = 1;
	return ST_OK;
}

static int
btpa_decode(struct st_dctx *d, struct st_cur *c)
{
	return btp_decode(d, c, btpa_fields, NFIELDS(btpa_fields));
}

static int
btpb_decode(struct st_dctx *d, struct st_cur *c)
{
	return btp_decode(d, c, btpb_fields, NFIELDS(btpb_fields));
}

/* The GeoNetworking facts before a BTP header's, as the summary gives a
 * transport's only. */
static void
btp_net(struct st_sumctx *s)
{
	if (s->net != NULL && s->net->proto == &st_proto_gnw &&
	    gnw_summary(s, s->net))
		st_out_puts(s->o, ", ");
}

/* "gnw Geo Unicast from ... , btpa 40000 → 2002" */
static int
btpa_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[A_SRC + 1];

	st_ly_fields(s->pkt, ly, btpa_fields, A_SRC + 1, f);
	btp_net(s);
	st_out_puts(s->o, "btpa ");
	s->value(s, f[A_SRC]);
	st_out_puts(s->o, " → ");
	s->value(s, f[A_DST]);
	return 1;
}

/* "gnw ..., btpb port 2001" */
static int
btpb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[1];

	st_ly_fields(s->pkt, ly, btpb_fields, 1, f);
	btp_net(s);
	st_out_puts(s->o, "btpb port ");
	s->value(s, f[0]);
	return 1;
}

static const struct st_field_desc *const btpa_keys[] = {
	&btpa_fields[A_DST], &btpa_fields[A_SRC], NULL,
};

static const struct st_field_desc *const btpb_keys[] = {
	&btpb_fields[0], &btpb_fields[1], NULL,
};

const struct st_proto st_proto_btpa = {
	.name = "btpa",
	.ws = "btpa",
	.title = "BTP-A (Basic Transport Protocol, interactive)",
	.rfc = "ETSI EN 302 636-5-1",
	.role = ST_ROLE_TRANSPORT,
	.fields = btpa_fields,
	.nfields = NFIELDS(btpa_fields),
	.decode = btpa_decode,
	.ends = { &btpa_fields[A_SRC], &btpa_fields[A_DST] },
	.summary = btpa_summary,
	.keys = btpa_keys,
	.explain = "Two ports after a GeoNetworking header, for a request "
	    "that expects an answer: no length and no checksum, which "
	    "GeoNetworking's payload length and the radio's CRC give.",
};

const struct st_proto st_proto_btpb = {
	.name = "btpb",
	.ws = "btpb",
	.title = "BTP-B (Basic Transport Protocol, non-interactive)",
	.rfc = "ETSI EN 302 636-5-1",
	.role = ST_ROLE_TRANSPORT,
	.fields = btpb_fields,
	.nfields = NFIELDS(btpb_fields),
	.decode = btpb_decode,
	.summary = btpb_summary,
	.keys = btpb_keys,
	.explain = "A destination port and its information after a "
	    "GeoNetworking header, for messages no one answers: CAM (port "
	    "2001) and DENM (2002) broadcasts from vehicles.",
};
