/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.5 Token Ring (LINKTYPE_IEEE802_5, 6), after Wireshark's
 * packet-tr.c, and the MAC frames the ring's stations manage it with
 * (packet-trmac.c: the major vector and its subvectors' headers).
 *
 * +--------+--------+----------------------+----------------------+
 * |   AC   |   FC   | destination (48)     | source (48)          |
 * +--------+--------+----------------------+----------------------+
 *  AC: priority (3), token/frame (1), monitor count (1), reservation (3)
 *  FC: frame type (2: 0 MAC, 1 LLC), reserved (2), PCF (4)
 *
 * The source's first bit (the route information indicator) says a
 * routing information field follows the source: two bytes of routing
 * control, then up to 14 route descriptors of 12 bits of ring number and
 * 4 of bridge number:
 *
 * +-----+-----+------+----+-----+--+  +------------+--------+ ...
 * |bcast|len  |dir   |LF  |rsvd |  |  | ring (12)  | bridge | ...
 * +-----+-----+------+----+-----+--+  +------------+--------+
 *   3     5      1     3     4
 *
 * An LLC frame goes on through the LLC decoder (as an 802.3 length
 * frame's); a MAC frame is trmac's.
 */
#include "strata/out.h"
#include "fields.h"

#define TR_HDR		14
#define TR_RIF_MAX	30	/* what 802.5 allows; the rest is extra */

enum { T_AC, T_PRIO, T_FRAME, T_MON, T_RES, T_FC, T_FTYPE, T_PCF, T_DST,
	T_SRC, T_ADDR1, T_ADDR2, T_SR, T_SRC2, T_RIFB, T_BCAST, T_MFS, T_DIR,
	T_RING, T_BRIDGE, T_RIF, T_EXTRA };

static const struct st_valname token_names[] = {
	{ 0, "Token" }, { 1, "Frame" }, { 0, NULL }
};
static const struct st_valname ftype_names[] = {
	{ 0, "MAC" }, { 1, "LLC" }, { 2, "Reserved" }, { 0, NULL }
};
static const struct st_valname pcf_names[] = {
	{ 0, "Normal buffer" }, { 1, "Express buffer" }, { 2, "Purge" },
	{ 3, "Claim Token" }, { 4, "Beacon" },
	{ 5, "Active Monitor Present" }, { 6, "Standby Monitor Present" },
	{ 0, NULL }
};
/* Wireshark keeps these three unshifted, as their bits stand in the
 * byte: so does the row's shift. */
static const struct st_valname bcast_names[] = {
	{ 0, "Non-broadcast" }, { 32, "Non-broadcast" },
	{ 64, "Non-broadcast" }, { 96, "Non-broadcast" },
	{ 128, "All-routes broadcast" }, { 160, "All-routes broadcast" },
	{ 192, "Single-route broadcast" }, { 224, "Single-route broadcast" },
	{ 0, NULL }
};
static const struct st_valname mfs_names[] = {
	{ 0, "516" }, { 16, "1500" }, { 32, "2052" }, { 48, "4472" },
	{ 64, "8144" }, { 80, "11407" }, { 96, "17800" }, { 112, "65535" },
	{ 0, NULL }
};
static const struct st_valname dir_names[] = {
	{ 0, "From originating station (-->)" },
	{ 128, "To originating station (<--)" }, { 0, NULL }
};

static const struct st_field_desc tr_fields[] = {
	FD(NULL, "tr.ac", "Access Control", 0, 8, ST_FMT_HEX),
	FDD(NULL, "tr.priority", "Priority", 0, 3, ST_FMT_DEC),
	FDDN(NULL, "tr.frame", "Frame", 3, 1, ST_FMT_BOOL, token_names),
	FDD(NULL, "tr.monitor_cnt", "Monitor Count", 4, 1, ST_FMT_DEC),
	FDD(NULL, "tr.priority_reservation", "Priority Reservation", 5, 3,
	    ST_FMT_DEC),
	FD(NULL, "tr.fc", "Frame Control", 8, 8, ST_FMT_HEX),
	FDDN("ftype", "tr.frame_type", "Frame Type", 8, 2, ST_FMT_DEC,
	    ftype_names),
	FDDN(NULL, "tr.frame_pcf", "Frame PCF", 12, 4, ST_FMT_DEC, pcf_names),
	FD("dst", "tr.dst", "Destination", 16, 48, ST_FMT_MAC),
	FD("src", "tr.src", "Source (as sent)", 64, 48, ST_FMT_MAC),
	FDD(NULL, "tr.addr", "Source or Destination Address", 16, 48,
	    ST_FMT_MAC),
	FDD(NULL, "tr.addr", "Source or Destination Address", 64, 48,
	    ST_FMT_MAC),
	FD("sr", "tr.sr", "Source Routed", 64, 1, ST_FMT_BOOL),
	/* The source without the route information bit, as text. */
	FDD(NULL, "tr.src", "Source", 64, 48, ST_FMT_TEXT),
	FD(NULL, "tr.rif_bytes", "RIF Bytes", 115, 5, ST_FMT_DEC),
	FDX(NULL, "tr.broadcast", "Broadcast Type", 112, 3, ST_FMT_DEC, 5, 0,
	    0, 0, bcast_names),
	FDX(NULL, "tr.max_frame_size", "Maximum Frame Size", 121, 3,
	    ST_FMT_DEC, 4, 0, 0, 0, mfs_names),
	FDX(NULL, "tr.direction", "Direction", 120, 1, ST_FMT_DEC, 7, 0, 0,
	    0, dir_names),
	/* A route descriptor's parts, from its first byte. */
	FD(NULL, "tr.rif.ring", "RIF Ring", 0, 12, ST_FMT_HEX),
	FD(NULL, "tr.rif.bridge", "RIF Bridge", 12, 4, ST_FMT_HEX),
	FD(NULL, "tr.rif", "Ring-Bridge Pairs", 128, 0, ST_FMT_TEXT),
	FD(NULL, "tr.rif.extra", "Extra RIF bytes beyond spec", 0, 0,
	    ST_FMT_BYTES),
};

extern const struct st_proto st_proto_trmac;

/*
 * The route descriptors of a RIF of rif bytes, as Wireshark lists them
 * (the first ring, then each next ring and the bridge before it) and
 * writes them ("001-1-002-2-003"); bytes past 30 are extra.
 */
static void
tr_rif(struct st_dctx *d, struct st_cur *c, unsigned rif)
{
	char text[3 + (TR_RIF_MAX / 2) * 6 + 1];
	size_t n = 0;
	unsigned len = rif < TR_RIF_MAX ? rif : TR_RIF_MAX, j;

	text[0] = '\0';	/* no pair: Wireshark shows the string empty */
	len -= 2;			/* the routing control */
	for (j = 1; j + 1 < len && c->err == ST_OK; j += 2) {
		if (j == 1) {
			st_dfields_at(d, c, 16, &tr_fields[T_RING], 1);
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%03X",
			    (unsigned)st_peek_bits(c, 16 * 8, 12));
		}
		st_dfields_at(d, c, 17 + j, &tr_fields[T_RING], 1);
		st_dfields_at(d, c, 15 + j, &tr_fields[T_BRIDGE], 1);
		n += (size_t)snprintf(text + n, sizeof(text) - n, "-%X-%03X",
		    (unsigned)st_peek_bits(c, (16 + j) * 8 + 4, 4),
		    (unsigned)st_peek_bits(c, (17 + j) * 8, 12));
	}
	if (c->err != ST_OK)
		return;
	st_dtext(d, c, &tr_fields[T_RIF], 16, len, text);
	if (rif > TR_RIF_MAX)
		st_dbytes(d, c, &tr_fields[T_EXTRA], TR_HDR + TR_RIF_MAX,
		    rif - TR_RIF_MAX);
}

static int
tr_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur w = *c;
	const uint8_t *s;
	char src[18];
	unsigned sr, rif = 0, ftype;

	st_dfields(d, c, tr_fields, T_SRC2);
	w.off += 8;
	if ((s = st_get_bytes(&w, 6)) == NULL || c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	sr = s[0] >> 7;
	snprintf(src, sizeof(src), "%02x:%02x:%02x:%02x:%02x:%02x",
	    s[0] & 0x7f, s[1], s[2], s[3], s[4], s[5]);
	st_dtext(d, c, &tr_fields[T_SRC2], 8, 6, src);
	ftype = (unsigned)st_peek_bits(c, 8, 2);
	d->hdr = TR_HDR;
	if (sr) {
		st_dfields(d, c, &tr_fields[T_RIFB], 4);
		rif = (unsigned)st_peek_bits(c, 115, 5);
		if (c->err == ST_OK && rif > 2)
			tr_rif(d, c, rif);
		if (c->err != ST_OK || left < TR_HDR + rif) {
			d->hdr = left;
			return ST_ETRUNC;
		}
		d->hdr = TR_HDR + rif;
	}
	if (ftype == 0)
		d->next = &st_proto_trmac;
	else if (ftype == 1)
		d->next_key = ST_KEY_8023, d->next_val = 0;
	else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind tr_binds[] = {
	{ ST_KEY_LINK, 6 },		/* LINKTYPE_IEEE802_5 */
};

/* "tr 40:00:00:00:00:01 → 40:00:00:00:00:02 LLC rif 001-1-002". */
static int
tr_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[T_EXTRA + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, tr_fields, T_EXTRA + 1, f);
	if (f[T_SRC2] == NULL || f[T_DST] == NULL)
		return 0;
	st_out_puts(s->o, "tr ");
	s->value(s, f[T_SRC2]);
	st_out_puts(s->o, " \xe2\x86\x92 ");
	s->value(s, f[T_DST]);
	/* By the frame control byte: a lite decode has no detail rows. */
	if (f[T_FC] != NULL &&
	    (m = st_valname(ftype_names, (uint32_t)f[T_FC]->val >> 6)) != NULL)
		st_out_printf(s->o, " %s", m);
	if (f[T_RIF] != NULL) {
		st_out_puts(s->o, " rif ");
		s->value(s, f[T_RIF]);
	} else if (f[T_BCAST] != NULL && (m = st_field_meaning(f[T_BCAST])) !=
	    NULL)
		st_out_printf(s->o, " %s", m);
	return 1;
}

static const struct st_field_desc *const tr_keys[] = {
	&tr_fields[T_SRC], &tr_fields[T_DST], &tr_fields[T_FC], NULL,
};

const struct st_proto st_proto_tr = {
	.name = "tr",
	.ws = "tr",
	.title = "Token-Ring",
	.rfc = "IEEE 802.5",
	.role = ST_ROLE_LINK,
	.fields = tr_fields,
	.nfields = NFIELDS(tr_fields),
	.decode = tr_decode,
	.binds = tr_binds,
	.nbinds = NFIELDS(tr_binds),
	.ends = { &tr_fields[T_SRC], &tr_fields[T_DST] },
	.summary = tr_summary,
	.keys = tr_keys,
	.color = "\033[36m",
	.explain_bits = 128,
	.explain = "IBM's Token Ring (IEEE 802.5, 4 and 16 Mbit/s): a token "
	    "circulates around the ring and a station sends only while it "
	    "holds it.  Access control carries the token's priority and "
	    "reservation and the monitor's count; frame control says whether "
	    "the frame is LLC data or a MAC frame that manages the ring "
	    "(beacons, active and standby monitor present, claim token).  "
	    "When the source address's first bit is set, a routing "
	    "information field follows it: source-route bridging, where the "
	    "sender learns a path by an explorer broadcast and then writes "
	    "it in each frame as ring and bridge numbers (ring 001, bridge "
	    "1, ring 002: 001-1-002).  Its two control bytes give the "
	    "broadcast type, the RIF's length, the direction to read it in "
	    "and the largest frame the path carries.",
};

/* ---- MAC frames ---------------------------------------------------- */

enum { M_MVEC, M_LEN, M_SRCC, M_DSTC, M_SVLEN, M_SVID, M_NAUN };

static const struct st_valname mvec_names[] = {
	{ 0x00, "Response" }, { 0x02, "Beacon" }, { 0x03, "Claim Token" },
	{ 0x04, "Ring Purge" }, { 0x05, "Active Monitor Present" },
	{ 0x06, "Standby Monitor Present" }, { 0x07, "Duplicate Address Test" },
	{ 0x09, "Transmit Forward" }, { 0x0b, "Remove Ring Station" },
	{ 0x0c, "Change Parameters" }, { 0x0d, "Initialize Ring Station" },
	{ 0x0e, "Request Ring Station Address" },
	{ 0x0f, "Request Ring Station State" },
	{ 0x10, "Request Ring Station Attachments" },
	{ 0x20, "Request Initialization" },
	{ 0x22, "Report Ring Station Address" },
	{ 0x23, "Report Ring Station State" },
	{ 0x24, "Report Ring Station Attachments" },
	{ 0x25, "Report New Active Monitor" }, { 0x26, "Report NAUN Change" },
	{ 0x27, "Report Neighbor Notification Incomplete" },
	{ 0x28, "Report Active Monitor Error" },
	{ 0x29, "Report Soft Error" },
	{ 0x2a, "Report Transmit Forward" }, { 0, NULL }
};
static const struct st_valname class_names[] = {
	{ 0x0, "Ring Station" }, { 0x1, "LLC Manager" },
	{ 0x4, "Configuration Report Server" }, { 0x5, "Ring Parameter Server" },
	{ 0x6, "Ring Error Monitor" }, { 0, NULL }
};

static const struct st_field_desc trmac_fields[] = {
	FDN("mvec", "trmac.mvec", "Major Vector", 24, 8, ST_FMT_HEX,
	    mvec_names),
	FD(NULL, "trmac.length", "Total Length", 0, 16, ST_FMT_DEC),
	FDN(NULL, "trmac.srcclass", "Source Class", 20, 4, ST_FMT_HEX,
	    class_names),
	FDN(NULL, "trmac.dstclass", "Destination Class", 16, 4, ST_FMT_HEX,
	    class_names),
	/* A subvector's, from its first byte. */
	FD(NULL, "trmac.svec.len", "Subvector Length", 0, 8, ST_FMT_DEC),
	FD(NULL, "trmac.svec.id", "Subvector Identifier", 8, 8, ST_FMT_HEX),
	FD(NULL, "trmac.naun", "Upstream Neighbor's Address", 16, 48,
	    ST_FMT_MAC),
};

#define TRMAC_SVEC_MAX	64	/* subvectors read of one frame */

static int
trmac_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 4, mvlen;
	unsigned n, svlen, svid;

	st_dfields(d, c, trmac_fields, M_SVLEN);
	mvlen = (size_t)st_peek_bits(c, 0, 16);
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	for (n = 0; off < mvlen && n < TRMAC_SVEC_MAX; n++, off += svlen) {
		st_dfields_at(d, c, off, &trmac_fields[M_SVLEN], 1);
		svlen = (unsigned)st_peek_bits(c, off * 8, 8);
		if (c->err != ST_OK)
			break;
		if (svlen < 2) {
			d->hdr = off + 1;
			return st_dmalformed(d, "subvector length %u below 2",
			    svlen);
		}
		st_dfields_at(d, c, off, &trmac_fields[M_SVID], 1);
		svid = (unsigned)st_peek_bits(c, off * 8 + 8, 8);
		/* The upstream neighbour, which AMP and SMP frames name. */
		if (c->err == ST_OK && svid == 0x02 && svlen == 8)
			st_dfields_at(d, c, off, &trmac_fields[M_NAUN], 1);
	}
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = off < left ? off : left;
	d->data = 1;
	return ST_OK;
}

/* "Active Monitor Present". */
static int
trmac_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[M_MVEC + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, trmac_fields, M_MVEC + 1, f);
	if (f[M_MVEC] == NULL)
		return 0;
	if ((m = st_field_meaning(f[M_MVEC])) != NULL)
		st_out_printf(s->o, "tr mac %s", m);
	else
		st_out_printf(s->o, "tr mac major vector 0x%02x",
		    (unsigned)f[M_MVEC]->val);
	return 1;
}

static const struct st_field_desc *const trmac_keys[] = {
	&trmac_fields[M_MVEC], &trmac_fields[M_LEN], NULL,
};

const struct st_proto st_proto_trmac = {
	.name = "trmac",
	.ws = "trmac",
	.title = "Token-Ring Media Access Control",
	.rfc = "IEEE 802.5",
	.role = ST_ROLE_CONTROL,
	.fields = trmac_fields,
	.nfields = NFIELDS(trmac_fields),
	.decode = trmac_decode,
	.summary = trmac_summary,
	.keys = trmac_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "The frames Token Ring stations manage the ring with, "
	    "sent as MAC frames (frame type 0): a major vector of a total "
	    "length, the classes of the sending and receiving functions and "
	    "a command (the active monitor says it is present every 7 "
	    "seconds, standby monitors answer, a station that hears nothing "
	    "beacons), then subvectors of a length, an identifier and a "
	    "value: the upstream neighbour's address, error counts, the "
	    "physical drop number.",
};
