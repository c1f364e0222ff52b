/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPI, the Per-Packet Information header (CACE Technologies, PPI 1.0.10):
 * LINKTYPE_PPI (192), an older radio header than radiotap.
 *
 *  0       7 8      15 16                     31
 * +---------+---------+------------------------+
 * | version |  flags  |   length (LE, bytes)   |
 * +---------+---------+------------------------+
 * |         link type of the frame (LE)        |
 * +--------------------------------------------+
 * | field type (LE) | field length (LE) | data ... (repeated)
 *
 * Little-endian throughout.  Field type 2 (802.11-common) says the radio
 * facts; its flags bit 0 that the 802.11 frame ends with its FCS.  Other
 * fields are shown by type and length.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "wlan.h"

#define PPI_FIELDS	32	/* fields read in one header */

#define FB(n, l, m) \
	{ .name = (n), .label = (l), .bits = 1, .fmt = ST_FMT_BOOL, \
	  .flags = ST_DF_DETAIL, .def = (m) }

enum {
	F_VER, F_FLAGS, F_LEN, F_DLT, F_TYPE, F_FLEN, F_TSFT, F_CFLAGS, F_RATE,
	F_FREQ, F_CHFL, F_HOPSET, F_PATTERN, F_SIG, F_NOISE
};

static const struct st_field_desc ppi_fields[] = {
	FD(NULL, "ppi.version", "Version", 0, 8, ST_FMT_DEC),
	FD(NULL, "ppi.flags", "Flags", 8, 8, ST_FMT_HEX),
	FD(NULL, "ppi.length", "Header length", 16, 16, ST_FMT_DEC),
	FD(NULL, "ppi.dlt", "Link type", 32, 32, ST_FMT_DEC),
	FD(NULL, "ppi.field_type", "Field type", 0, 16, ST_FMT_DEC),
	FD(NULL, "ppi.field_len", "Field length", 0, 16, ST_FMT_DEC),
	FD(NULL, "ppi.80211-common.tsft", "TSFT", 0, 64, ST_FMT_DEC),
	FD(NULL, "ppi.80211-common.flags", "Flags", 0, 16, ST_FMT_HEX),
	FD(NULL, "ppi.80211-common.rate", "Data rate (kb/s)", 0, 16, ST_FMT_DEC),
	FD(NULL, "ppi.80211-common.chan.freq", "Channel frequency", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "ppi.80211-common.chan.flags", "Channel flags", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "ppi.80211-common.fhss.hopset", "FHSS hop set", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ppi.80211-common.fhss.pattern", "FHSS pattern", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ppi.80211-common.dbm.antsignal", "Antenna signal (dBm)", 0,
	    8, ST_FMT_TEXT),
	FD(NULL, "ppi.80211-common.dbm.antnoise", "Antenna noise (dBm)", 0, 8,
	    ST_FMT_TEXT),
};

static const struct st_field_desc ppi_cbits[] = {
	FB("ppi.80211-common.flags.fcs", "FCS present", 0x1),
	FB("ppi.80211-common.flags.tsft", "TSFT in ms", 0x2),
	FB("ppi.80211-common.flags.fcs-invalid", "FCS invalid", 0x4),
	FB("ppi.80211-common.flags.phy-err", "PHY error", 0x8),
};

/* The little-endian number of n bytes at off from the cursor. */
static uint64_t
le(const struct st_cur *c, size_t off, unsigned n)
{
	struct st_cur t = *c;
	uint64_t v = 0;
	unsigned i;

	t.off += off;
	for (i = 0; i < n; i++)
		v |= (uint64_t)st_get_u8(&t) << (8 * i);
	return v;
}

/* Adds field fd of n little-endian bytes at off; its value. */
static uint64_t
add(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, unsigned n)
{
	uint64_t v = le(c, off, n);

	st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + off) * 8), n * 8, v);
	return v;
}

/* A signed byte as text. */
static void
sbyte(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off)
{
	char buf[8];

	snprintf(buf, sizeof(buf), "%d", (int8_t)le(c, off, 1));
	st_dtext(d, c, &ppi_fields[i], off, 1, buf);
}

/* The 802.11-common field at off (20 bytes there); its flags. */
static unsigned
common(struct st_dctx *d, struct st_cur *c, size_t off)
{
	unsigned fl, i;

	add(d, c, &ppi_fields[F_TSFT], off, 8);
	fl = (unsigned)add(d, c, &ppi_fields[F_CFLAGS], off + 8, 2);
	for (i = 0; i < NFIELDS(ppi_cbits) && !d->pkt->lite; i++)
		st_pkt_add_field(d->pkt, &ppi_cbits[i], (uint32_t)((c->off +
		    off + 8) * 8 + 7 - i), 1, fl >> i & 1);
	/* In 500 kb/s units; Wireshark shows kb/s. */
	st_pkt_add_field(d->pkt, &ppi_fields[F_RATE], (uint32_t)((c->off +
	    off + 10) * 8), 16, le(c, off + 10, 2) * 500);
	add(d, c, &ppi_fields[F_FREQ], off + 12, 2);
	add(d, c, &ppi_fields[F_CHFL], off + 14, 2);
	add(d, c, &ppi_fields[F_HOPSET], off + 16, 1);
	add(d, c, &ppi_fields[F_PATTERN], off + 17, 1);
	sbyte(d, c, F_SIG, off + 18);
	sbyte(d, c, F_NOISE, off + 19);
	return fl;
}

static int
ppi_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len, off, flen, k;
	unsigned type, fcs = 0;
	uint32_t dlt;

	if (!st_cur_need(c, 8))
		return c->err;
	st_dfields(d, c, ppi_fields, 2);
	len = (size_t)add(d, c, &ppi_fields[F_LEN], 2, 2);
	dlt = (uint32_t)add(d, c, &ppi_fields[F_DLT], 4, 4);
	d->hdr = len;
	if (len < 8)
		return st_dmalformed(d, "header length %zu below 8", len);
	for (off = 8, k = 0; off < len && k < PPI_FIELDS; k++) {
		if (off + 4 > len)
			return st_dmalformed(d, "field header past the header "
			    "length %zu", len);
		if (!st_cur_need(c, off + 4))
			return ST_ETRUNC;
		type = (unsigned)add(d, c, &ppi_fields[F_TYPE], off, 2);
		flen = (size_t)add(d, c, &ppi_fields[F_FLEN], off + 2, 2);
		if (off + 4 + flen > len)
			return st_dmalformed(d, "field of %zu bytes past the "
			    "header length %zu", flen, len);
		if (!st_cur_need(c, off + 4 + flen))
			return ST_ETRUNC;
		if (type == 2 && flen >= 20)
			fcs = common(d, c, off + 4) & 1;
		off += 4 + flen;	/* progress: 4 bytes at least */
	}
	if (dlt == 105) {
		d->next_key = ST_KEY_WLAN;
		d->next_val = fcs ? ST_WLAN_FRAME_FCS : ST_WLAN_FRAME;
	} else if (dlt != 192) {	/* not PPI in PPI */
		d->next_key = ST_KEY_LINK;
		d->next_val = dlt;
	}
	return ST_OK;
}

static const struct st_bind ppi_binds[] = {
	{ ST_KEY_LINK, 192 },	/* DLT_PPI */
};

/* The frame's facts (the next layer's own hook), then the channel. */
static int
ppi_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_FREQ + 1];
	const struct st_layer *next = ly + 1;
	int said = 0;

	if (next < s->pkt->layers + s->pkt->nlayers && next->depth ==
	    ly->depth && next->proto->summary != NULL)
		said = next->proto->summary(s, next);
	st_ly_fields(s->pkt, ly, ppi_fields, F_FREQ + 1, f);
	if (f[F_FREQ] == NULL)
		return said;
	st_out_printf(s->o, "%s(%u MHz)", said ? " " : "",
	    (unsigned)f[F_FREQ]->val);
	return 1;
}

const struct st_proto st_proto_ppi = {
	.name = "ppi",
	.ws = "ppi",
	.title = "PPI packet header",
	.rfc = "PPI 1.0",
	.role = ST_ROLE_LINK,
	.fields = ppi_fields,
	.nfields = NFIELDS(ppi_fields),
	.decode = ppi_decode,
	.binds = ppi_binds,
	.nbinds = NFIELDS(ppi_binds),
	.summary = ppi_summary,
	.color = "\033[35m",
	.explain = "Little-endian: a version, flags, the header's length and "
	    "the link type of the frame after it, then fields of a type and a "
	    "length. Field 2 (802.11-common) holds the radio facts; its flags "
	    "bit 0 says the 802.11 frame ends with its FCS.",
};
