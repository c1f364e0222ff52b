/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.11 MAC header (IEEE Std 802.11-2020, 9.2): LINKTYPE_IEEE802_11
 * (DLT 105), or after a radio header.
 *
 *  0      7 8     15 16           31
 * +--------+--------+--------------+
 * | frame control   | duration/ID  |   (little-endian, but the frame
 * +--------+--------+--------------+    control shown as its two bytes,
 * | address 1 (6)                  |    as Wireshark does)
 * | address 2 (6), address 3 (6)   |   (control frames: fewer)
 * | sequence control (2)           |
 * | address 4 (6): to and from DS  |
 * | QoS control (2): QoS data      |
 * | HT control (4): QoS and order  |
 * +--------------------------------+
 * | body ... | FCS (4, when the radio header says so)
 *
 * The first byte holds subtype (4 bits), type (2), version (2); the second
 * the flags.  Addresses are named by the direction bits (to/from DS) as
 * Wireshark names them.  Data goes on to LLC/SNAP; a management body to
 * the management decoder (key ST_KEY_WLAN); a protected body is data.
 */
#include "strata/out.h"
#include "fields.h"
#include "wlan.h"

static const struct st_valname type_names[] = {
	{ 0, "Management" }, { 1, "Control" }, { 2, "Data" },
	{ 3, "Extension" }, { 0, NULL }
};

/* Type << 4 | subtype, as wlan.fc.type_subtype. */
static const struct st_valname ts_names[] = {
	{ 0x00, "Association Request" }, { 0x01, "Association Response" },
	{ 0x02, "Reassociation Request" }, { 0x03, "Reassociation Response" },
	{ 0x04, "Probe Request" }, { 0x05, "Probe Response" },
	{ 0x08, "Beacon frame" }, { 0x09, "ATIM" }, { 0x0a, "Disassociate" },
	{ 0x0b, "Authentication" }, { 0x0c, "Deauthentication" },
	{ 0x0d, "Action" }, { 0x0e, "Action No Ack" },
	{ 0x18, "802.11 Block Ack Req" }, { 0x19, "802.11 Block Ack" },
	{ 0x1a, "Power-Save poll" }, { 0x1b, "Request-to-send" },
	{ 0x1c, "Clear-to-send" }, { 0x1d, "Acknowledgement" },
	{ 0x1e, "CF-End" }, { 0x1f, "CF-End + CF-Ack" },
	{ 0x20, "Data" }, { 0x24, "Null function (No data)" },
	{ 0x28, "QoS Data" }, { 0x2c, "QoS Null function (No data)" },
	{ 0, NULL }
};

enum {
	F_FC, F_VER, F_TYPE, F_SUB, F_FLAGS, F_DS, F_TODS, F_FROMDS, F_FRAG,
	F_RETRY, F_PWR, F_MORE, F_PROT, F_ORDER,
	/* Not at fixed places (little-endian or by frame kind): */
	F_TS, F_DUR, F_AID, F_RA, F_TA, F_DA, F_SA, F_BSSID, F_STAA, F_ADDR,
	F_FRAGNUM, F_SEQ, F_QOS, F_TID, F_PRIO, F_EOSP, F_ACK, F_AMSDU, F_HTC,
	F_SSC, F_BACTL, F_BM, F_FCS, F_FCSSTAT
};

static const struct st_field_desc wlan_fields[] = {
	FD(NULL, "wlan.fc", "Frame control", 0, 16, ST_FMT_HEX),
	FDD(NULL, "wlan.fc.version", "Version", 6, 2, ST_FMT_DEC),
	FDDN(NULL, "wlan.fc.type", "Type", 4, 2, ST_FMT_DEC, type_names),
	FDD(NULL, "wlan.fc.subtype", "Subtype", 0, 4, ST_FMT_DEC),
	FD(NULL, "wlan.flags", "Flags", 8, 8, ST_FMT_HEX),
	FDD(NULL, "wlan.fc.ds", "DS status", 14, 2, ST_FMT_HEX),
	FDD(NULL, "wlan.fc.tods", "To DS", 15, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.fromds", "From DS", 14, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.frag", "More fragments", 13, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.retry", "Retry", 12, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.pwrmgt", "Power management", 11, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.moredata", "More data", 10, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.protected", "Protected", 9, 1, ST_FMT_BOOL),
	FDD(NULL, "wlan.fc.order", "Order (+HTC)", 8, 1, ST_FMT_BOOL),
	FDG("wlan.fc.type_subtype", "Type/subtype", ST_FMT_HEX, ts_names),
	FD(NULL, "wlan.duration", "Duration", 16, 16, ST_FMT_DEC),
	FD(NULL, "wlan.aid", "Association ID", 16, 16, ST_FMT_DEC),
	FD(NULL, "wlan.ra", "Receiver address", 32, 48, ST_FMT_MAC),
	FD(NULL, "wlan.ta", "Transmitter address", 80, 48, ST_FMT_MAC),
	FD(NULL, "wlan.da", "Destination address", 0, 48, ST_FMT_MAC),
	FD(NULL, "wlan.sa", "Source address", 0, 48, ST_FMT_MAC),
	FD(NULL, "wlan.bssid", "BSS Id", 0, 48, ST_FMT_MAC),
	FD(NULL, "wlan.staa", "STA address", 0, 48, ST_FMT_MAC),
	FD(NULL, "wlan.addr", "Hardware address", 0, 48, ST_FMT_MAC),
	FD(NULL, "wlan.frag", "Fragment number", 0, 16, ST_FMT_DEC),
	FD(NULL, "wlan.seq", "Sequence number", 0, 16, ST_FMT_DEC),
	FD(NULL, "wlan.qos", "QoS control", 0, 16, ST_FMT_HEX),
	FDD(NULL, "wlan.qos.tid", "TID", 0, 16, ST_FMT_DEC),
	FDD(NULL, "wlan.qos.priority", "Priority", 0, 16, ST_FMT_DEC),
	FDD(NULL, "wlan.qos.eosp", "EOSP", 0, 16, ST_FMT_BOOL),
	FDD(NULL, "wlan.qos.ack", "Ack policy", 0, 16, ST_FMT_HEX),
	FDD(NULL, "wlan.qos.amsdupresent", "A-MSDU present", 0, 16,
	    ST_FMT_BOOL),
	FD(NULL, "wlan.htc", "HT control", 0, 32, ST_FMT_HEX),
	FD(NULL, "wlan.fixed.ssc.sequence", "Starting sequence number", 0,
	    16, ST_FMT_DEC),
	FD(NULL, "wlan.ba.control", "Block ack control", 0, 16, ST_FMT_HEX),
	FD(NULL, "wlan.ba.bm", "Block ack bitmap", 0, 0, ST_FMT_BYTES),
	{ .name = "wlan.fcs", .label = "Frame check sequence", .bits = 32,
	  .fmt = ST_FMT_HEX, .flags = ST_DF_CKSUM },
	FDGS("wlan.fcs.status", "FCS status"),
};

/* The little-endian number of n bytes at off from the header's start. */
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

/* Adds the n-byte little-endian field fd at off, shifted and masked. */
static struct st_field *
add_le(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off,
    unsigned n, unsigned shift, uint64_t mask)
{
	const struct st_field_desc *fd = &wlan_fields[i];

	if (!st_cur_need(c, off + n) || (d->pkt->lite &&
	    (fd->flags & ST_DF_DETAIL) != 0))
		return NULL;
	return st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + off) * 8),
	    n * 8, (le(c, off, n) >> shift) & mask);
}

/* Adds address field i (and wlan.addr, when named) at off. */
static void
addr(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off, int also)
{
	st_dbytes(d, c, &wlan_fields[i], off, 6);
	if (also)
		st_dbytes(d, c, &wlan_fields[F_ADDR], off, 6);
}

/*
 * The three or four addresses of a management or data frame, named by the
 * direction bits: which is the receiver, the transmitter, the BSS, and the
 * frame's source and destination.
 */
static void
addrs(struct st_dctx *d, struct st_cur *c, unsigned ds, int data)
{
	/* For each of to/from DS 00, 01, 10, 11: the names of addresses
	 * 1 to 4 beyond ra and ta. */
	static const uint8_t name[4][4] = {
		{ F_DA, F_SA, F_BSSID, 0 }, { F_BSSID, F_SA, F_DA, 0 },
		{ F_DA, F_BSSID, F_SA, 0 }, { F_RA, F_TA, F_DA, F_SA },
	};
	unsigned i, n = ds == 3 ? 4 : 3;

	addr(d, c, F_RA, 4, 0);
	addr(d, c, F_TA, 10, 0);
	for (i = 0; i < n; i++)
		if (name[ds][i] != F_RA && name[ds][i] != F_TA)
			addr(d, c, name[ds][i], i < 3 ? 4 + 6 * i : 24, 0);
	for (i = 0; i < n; i++)
		addr(d, c, F_ADDR, i < 3 ? 4 + 6 * i : 24, 0);
	/* The station's own address, in frames to or from the DS. */
	if (data && ds == 1)
		addr(d, c, F_STAA, 10, 0);
	else if (data && ds == 2)
		addr(d, c, F_STAA, 4, 0);
}

/* The header of a control frame (subtype sub): its length. */
static size_t
control(struct st_dctx *d, struct st_cur *c, unsigned sub)
{
	switch (sub) {
	case 8:		/* block ack request */
		addr(d, c, F_RA, 4, 1);
		addr(d, c, F_TA, 10, 1);
		add_le(d, c, F_BACTL, 16, 2, 0, 0xffff);
		add_le(d, c, F_SSC, 18, 2, 4, 0xfff);
		return 20;
	case 9:		/* block ack: a compressed bitmap of 8 bytes */
		addr(d, c, F_RA, 4, 1);
		addr(d, c, F_TA, 10, 1);
		add_le(d, c, F_BACTL, 16, 2, 0, 0xffff);
		add_le(d, c, F_SSC, 18, 2, 4, 0xfff);
		st_dbytes(d, c, &wlan_fields[F_BM], 20, 8);
		return 28;
	case 10:	/* PS-Poll */
	case 11:	/* RTS */
	case 14:	/* CF-End */
	case 15:
		addr(d, c, sub == 10 || sub >= 14 ? F_BSSID : F_RA, 4, 1);
		addr(d, c, F_TA, 10, 1);
		return 16;
	default:	/* CTS, ACK, and others with one address */
		addr(d, c, F_RA, 4, 1);
		return 10;
	}
}

/* CRC-32 (IEEE 802.3 polynomial, reflected), bit by bit: a few frames. */
static uint32_t
crc32(struct st_cur *c, size_t n)
{
	struct st_cur t = *c;
	uint32_t crc = 0xffffffff;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		crc ^= st_get_u8(&t);
		for (k = 0; k < 8; k++)
			crc = crc >> 1 ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc;
}

/* The FCS in the last 4 of the n captured bytes at c, checked. */
static void
fcs(struct st_dctx *d, struct st_cur *c, size_t n)
{
	struct st_field *f;
	uint32_t want;

	if ((f = add_le(d, c, F_FCS, n - 4, 4, 0, 0xffffffff)) == NULL)
		return;
	want = crc32(c, n - 4);
	if (want == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &wlan_fields[F_FCSSTAT]);
}

static int
wlan_frame(struct st_dctx *d, struct st_cur *c, int withfcs)
{
	unsigned fc0, fc1, type, sub, ds;
	size_t hdr, n = st_cur_left(c);

	if (st_dfields(d, c, wlan_fields, F_TS) != ST_OK)
		return c->err;
	fc0 = (unsigned)st_peek_bits(c, 0, 8);
	fc1 = (unsigned)st_peek_bits(c, 8, 8);
	type = fc0 >> 2 & 3;
	sub = fc0 >> 4;
	ds = fc1 & 3;
	st_dgen(d, &wlan_fields[F_TS], type << 4 | sub);
	if (type == 1 && sub == 10)
		add_le(d, c, F_AID, 2, 2, 0, 0x3fff);
	else
		add_le(d, c, F_DUR, 2, 2, 0, 0x7fff);
	if (fc0 & 3)
		return st_dmalformed(d, "version %u (only 0 is defined)",
		    fc0 & 3);
	if (type == 1)
		hdr = control(d, c, sub);
	else if (type == 3)
		return st_dmalformed(d, "extension frames are not decoded");
	else {
		addrs(d, c, ds, type == 2);
		add_le(d, c, F_FRAGNUM, 22, 2, 0, 0xf);
		add_le(d, c, F_SEQ, 22, 2, 4, 0xfff);
		hdr = type == 2 && ds == 3 ? 30 : 24;
		if (type == 2 && (sub & 8)) {
			add_le(d, c, F_QOS, hdr, 2, 0, 0xffff);
			add_le(d, c, F_TID, hdr, 2, 0, 0xf);
			add_le(d, c, F_PRIO, hdr, 2, 0, 7);
			add_le(d, c, F_EOSP, hdr, 2, 4, 1);
			add_le(d, c, F_ACK, hdr, 2, 5, 3);
			add_le(d, c, F_AMSDU, hdr, 2, 7, 1);
			hdr += 2;
		}
		/* The order bit in a QoS data or management frame: an HT
		 * control field follows. */
		if ((fc1 & 0x80) && (type == 0 || (sub & 8))) {
			add_le(d, c, F_HTC, hdr, 4, 0, 0xffffffff);
			hdr += 4;
		}
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = hdr;
	/* A capture cut short lost the FCS with the frame's end. */
	if (withfcs && d->pkt->caplen >= d->pkt->len) {
		if (n < hdr + 4)
			return st_dmalformed(d, "no room for the FCS after the "
			    "%zu-byte header", hdr);
		fcs(d, c, n);
	}
	if (fc1 & 0x40) {
		st_pkt_note(d->pkt, "802.11 frame protected: its body is "
		    "encrypted (shown as data)");
		d->data = 1;
	} else if (type == 0)
		d->next_key = ST_KEY_WLAN, d->next_val = ST_WLAN_MGT;
	else if (type == 2 && !(sub & 4) && !(sub & 8 && d->pkt->caplen > 0 &&
	    le(c, hdr - 2 - ((fc1 & 0x80) ? 4 : 0), 2) & 0x80))
		d->next_key = ST_KEY_8023, d->next_val = 0;
	return ST_OK;
}

static int
wlan_decode(struct st_dctx *d, struct st_cur *c)
{
	return wlan_frame(d, c, 0);
}

static int
wlan_decode_fcs(struct st_dctx *d, struct st_cur *c)
{
	return wlan_frame(d, c, 1);
}

static const struct st_bind wlan_binds[] = {
	{ ST_KEY_LINK, 105 },	/* DLT_IEEE802_11 */
	{ ST_KEY_WLAN, ST_WLAN_FRAME },
};

static const struct st_bind wlan_fcs_binds[] = {
	{ ST_KEY_WLAN, ST_WLAN_FRAME_FCS },
};

/* What the summary calls each frame, by type << 4 | subtype. */
static const struct st_valname short_names[] = {
	{ 0x00, "assoc request" }, { 0x01, "assoc response" },
	{ 0x02, "reassoc request" }, { 0x03, "reassoc response" },
	{ 0x04, "probe request" }, { 0x05, "probe response" },
	{ 0x08, "beacon" }, { 0x09, "atim" }, { 0x0a, "disassoc" },
	{ 0x0b, "auth" }, { 0x0c, "deauth" }, { 0x0d, "action" },
	{ 0x0e, "action no-ack" }, { 0x18, "block ack request" },
	{ 0x19, "block ack" }, { 0x1a, "ps-poll" }, { 0x1b, "rts" },
	{ 0x1c, "cts" }, { 0x1d, "ack" }, { 0x1e, "cf-end" },
	{ 0x1f, "cf-end+ack" }, { 0x20, "data" }, { 0x24, "null" },
	{ 0x28, "qos data" }, { 0x2c, "qos null" }, { 0, NULL }
};

/* Writes " a → b" from fields a and b (either may be absent). */
static void
arrow(struct st_sumctx *s, const struct st_field *a,
    const struct st_field *b)
{
	st_out_putc(s->o, ' ');
	s->value(s, a);
	st_out_puts(s->o, " \xe2\x86\x92 ");
	s->value(s, b);
}

/*
 * "beacon ssid "home" ch 6 bssid ..", "deauth reason 7 sa → da",
 * "ack ra ..", "rts ta → ra", "data sa → da [protected]": the body's facts
 * through the management layer's own hook.
 */
static int
wlan_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_BM];
	const struct st_layer *next = ly + 1;
	const char *name;
	unsigned ts;

	st_ly_fields(s->pkt, ly, wlan_fields, F_BM, f);
	if (f[F_TS] == NULL)
		return 0;
	ts = (unsigned)f[F_TS]->val;
	if ((name = st_valname(short_names, ts)) != NULL)
		st_out_puts(s->o, name);
	else
		st_out_printf(s->o, "type/subtype 0x%02x", ts);
	if (next < s->pkt->layers + s->pkt->nlayers && next->depth ==
	    ly->depth && next->proto->summary != NULL)
		next->proto->summary(s, next);	/* " ssid .." */
	if (ts == 0x08 || ts == 0x05) {
		st_out_puts(s->o, " bssid ");
		s->value(s, f[F_BSSID]);
	} else if (ts >> 4 == 1 && f[F_TA] == NULL) {
		st_out_puts(s->o, " ra ");
		s->value(s, f[F_RA]);
	} else if (ts >> 4 == 1)
		arrow(s, f[F_TA], f[F_RA]);
	else
		arrow(s, f[F_SA], f[F_DA]);
	if (f[F_FLAGS] != NULL && (f[F_FLAGS]->val & 0x40))
		st_out_puts(s->o, " protected");
	return 1;
}

#define WLAN_EXPLAIN "The frame control's first byte holds subtype, type " \
	"and version; its second the flags (to/from DS, more fragments, " \
	"retry, power management, more data, protected, order). Duration " \
	"and sequence control are little-endian. The to/from DS bits name " \
	"the addresses: receiver and transmitter, the BSS, the source and " \
	"destination; with both set a fourth address follows."

const struct st_proto st_proto_wlan = {
	.name = "wlan",
	.ws = "wlan",
	.title = "IEEE 802.11 wireless LAN",
	.rfc = "IEEE 802.11",
	.role = ST_ROLE_LINK,
	.fields = wlan_fields,
	.nfields = NFIELDS(wlan_fields),
	.decode = wlan_decode,
	.binds = wlan_binds,
	.nbinds = NFIELDS(wlan_binds),
	.summary = wlan_summary,
	.color = "\033[34m",
	.explain = WLAN_EXPLAIN,
};

/* The same frame ending in its FCS (Wireshark's wlan_withfcs). */
const struct st_proto st_proto_wlan_fcs = {
	.name = "wlan",
	.ws = "wlan",
	.title = "IEEE 802.11 wireless LAN",
	.rfc = "IEEE 802.11",
	.role = ST_ROLE_LINK,
	.fields = wlan_fields,
	.nfields = NFIELDS(wlan_fields),
	.decode = wlan_decode_fcs,
	.binds = wlan_fcs_binds,
	.nbinds = NFIELDS(wlan_fcs_binds),
	.summary = wlan_summary,
	.color = "\033[34m",
	.explain = WLAN_EXPLAIN,
};
