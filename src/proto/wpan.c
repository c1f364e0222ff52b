/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.15.4 MAC frames (IEEE 802.15.4-2020 section 7.2), as link types
 * 195 (ending in the 2-byte FCS) and 230 (without it), and as ZEP carries
 * them with TI CC24xx metadata in the FCS's place.  Every number is
 * little-endian; the frame control field, drawn as its 16-bit number:
 *
 *  15 14 13 12 11 10  9  8  7  6  5  4  3  2  1  0
 * +-----+-----+-----+--+--+--+--+--+--+--+--+--------+
 * | SAM | ver | DAM |IE|SN|r |PC|AR|FP|SE|  type    |
 * +-----+-----+-----+--+--+--+--+--+--+--+--+--------+
 *
 * then the sequence number (unless suppressed), the destination PAN and
 * address, the source PAN and address (each present as the modes and the
 * PAN ID compression bit say), the auxiliary security header when the
 * security bit is set, the frame's body, and the FCS (CRC-16, ITU-T,
 * reflected, sent low byte first).  A beacon's body is its superframe
 * specification, GTS and pending addresses, then the beacon payload; a
 * command's, its identifier and fields; a data frame's payload goes on
 * through ST_KEY_WPAN (6LoWPAN).
 */
#include "strata/out.h"
#include "wpan.h"

/* How a frame ends. */
enum { END_NONE, END_FCS, END_CC24XX };

/* Adds row r over the n little-endian bytes at off; its value, or -1. */
static long long
le(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off, size_t n)
{
	const struct st_field *f = st_dle(d, c, &wpan_fields[r], off, n);

	return f != NULL ? (long long)f->val : -1;
}

/* Adds the parts [first, last] of the number row r read at off. */
static void
parts(struct st_dctx *d, struct st_cur *c, unsigned first, unsigned last,
    size_t off, size_t n)
{
	unsigned r;

	for (r = first; r <= last; r++)
		st_dle(d, c, &wpan_fields[r], off, n);
}

/*
 * An extended address (sent least significant byte first) as tshark
 * writes an EUI-64; 0 when it was not captured.  (tshark's hidden aliases
 * wpan.addr16 and wpan.addr64 are left out: they repeat the addresses.)
 */
static int
eui64(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off)
{
	struct st_cur t = *c;
	const uint8_t *p;
	char text[24];
	int i;

	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, 8)) == NULL) {
		c->err = ST_ETRUNC;
		return 0;
	}
	for (i = 0; i < 8; i++)
		snprintf(text + 3 * i, sizeof(text) - 3 * (size_t)i,
		    i < 7 ? "%02x:" : "%02x", p[7 - i]);
	st_dtext(d, c, &wpan_fields[r], off, 8, text);
	return 1;
}

/* An address of mode m (2 short, 3 extended) at off; its length. */
static size_t
address(struct st_dctx *d, struct st_cur *c, unsigned m, unsigned r16,
    unsigned r64, size_t off)
{
	if (m == 2) {
		le(d, c, r16, off, 2);
		return 2;
	}
	if (m == 3) {
		eui64(d, c, r64, off);
		return 8;
	}
	return 0;
}

/*
 * Which PAN IDs are present (bit 0 destination, bit 1 source): IEEE
 * 802.15.4-2015 table 7-2 for frame version 2, else a PAN ID with each
 * address, the source's left out when the compression bit says it is the
 * destination's.
 */
static unsigned
pans(unsigned ver, unsigned dam, unsigned sam, unsigned comp)
{
	if (ver < 2)
		return (dam != 0) | (sam != 0 && !(comp && dam != 0)) << 1;
	if (dam == 0)
		return sam == 0 ? comp : (unsigned)!comp << 1;
	if (sam == 0 || (dam == 3 && sam == 3))
		return !comp;
	return 1 | (unsigned)!comp << 1;
}

/* The auxiliary security header at off (IEEE 802.15.4-2006 7.6.2, or
 * 2003's frame counter and key sequence counter); its length and, in
 * *mic, the MIC's at the end of the payload. */
static size_t
auxsec(struct st_dctx *d, struct st_cur *c, unsigned ver, size_t off,
    size_t *mic)
{
	static const uint8_t kidlen[4] = { 0, 1, 5, 9 };
	long long scf;
	size_t n;

	if (ver == 0) {
		le(d, c, F_FCNT03, off, 4);
		st_dfields_at(d, c, off + 4, wpan_fields + F_KSC, 1);
		*mic = 8;
		return 5;
	}
	if ((scf = le(d, c, F_SCF, off, 1)) < 0)
		return 0;
	parts(d, c, F_SLVL, F_SRES, off, 1);
	*mic = (scf & 3) == 0 ? 0 : (size_t)2 << (scf & 3);
	n = 1;
	if (!(scf & 0x20)) {
		le(d, c, F_FCNT, off + n, 4);
		n += 4;
	}
	switch (scf >> 3 & 3) {
	case 2:
		le(d, c, F_KSRC, off + n, 4);
		break;
	case 3:
		le(d, c, F_KSRC, off + n, 8);
		break;
	}
	n += kidlen[scf >> 3 & 3];
	if (kidlen[scf >> 3 & 3] > 0)
		st_dfields_at(d, c, off + n - 1, wpan_fields + F_KIDX, 1);
	return n;
}

/* A beacon's superframe specification, GTS and pending addresses at off;
 * their length. */
static size_t
beacon(struct st_dctx *d, struct st_cur *c, size_t off)
{
	long long gts, dirs = 0, pend;
	size_t n = off;
	unsigned i;

	if (le(d, c, F_SFS, n, 2) < 0)
		return 0;
	parts(d, c, F_BO, F_APERMIT, n, 2);
	n += 2;
	if ((gts = le(d, c, F_GTS, n, 1)) < 0)
		return 0;
	parts(d, c, F_GTSCNT, F_GTSPERMIT, n, 1);
	n++;
	if ((gts & 7) > 0) {
		if ((dirs = le(d, c, F_GTSDIRS, n, 1)) < 0)
			return 0;
		n++;
	}
	for (i = 0; i < (unsigned)(gts & 7); i++, n += 3) {
		st_dgen(d, &wpan_fields[F_GTSDIR], (uint64_t)dirs >> i & 1);
		le(d, c, F_GTSADDR, n, 2);
		le(d, c, F_GTSSLOT, n + 2, 1);
	}
	if ((pend = le(d, c, F_PSPEC, n, 1)) < 0)
		return 0;
	n++;
	for (i = 0; i < (unsigned)(pend & 7); i++, n += 2)
		le(d, c, F_P16, n, 2);
	for (i = 0; i < (unsigned)(pend >> 4 & 7); i++, n += 8)
		if (!eui64(d, c, F_P64, n))
			return 0;
	return n - off;
}

/* A command's identifier and fields at off; their length. */
static size_t
command(struct st_dctx *d, struct st_cur *c, size_t off)
{
	long long cmd;

	if ((cmd = le(d, c, F_CMD, off, 1)) < 0)
		return 0;
	switch (cmd) {
	case 0x01:
		le(d, c, F_CINFO, off + 1, 1);
		parts(d, c, F_CALT, F_CALLOC, off + 1, 1);
		return 2;
	case 0x02:
		le(d, c, F_AADDR, off + 1, 2);
		le(d, c, F_ASTAT, off + 3, 1);
		return 4;
	case 0x03:
		le(d, c, F_DREASON, off + 1, 1);
		return 2;
	case 0x09:
		le(d, c, F_GREQ, off + 1, 1);
		parts(d, c, F_GLEN, F_GTYPE, off + 1, 1);
		return 2;
	}
	return 1;
}

/* CRC-16 (ITU-T, reflected, initial 0) of the n bytes at c, as 802.15.4's
 * FCS. */
static unsigned
crc16(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;
	unsigned crc = 0, k;

	while (n-- > 0) {
		crc ^= st_get_u8(&t);
		for (k = 0; k < 8; k++)
			crc = crc & 1 ? crc >> 1 ^ 0x8408 : crc >> 1;
	}
	return crc;
}

/* The frame's last two bytes, the FCS (checked) or the CC24xx metadata,
 * of the n captured. */
static void
frame_end(struct st_dctx *d, struct st_cur *c, size_t n, int end)
{
	struct st_field *f;
	long long m;
	unsigned want;

	if (end == END_CC24XX) {
		/* The RSSI is a signed byte, in dBm. */
		if ((f = st_dle(d, c, &wpan_fields[F_RSSI], n - 2, 1)) != NULL)
			f->val = (uint64_t)(int64_t)(int8_t)f->val;
		if ((m = le(d, c, F_META, n - 1, 1)) < 0)
			return;
		st_dgen(d, &wpan_fields[F_FCSOK], (uint64_t)m >> 7);
		parts(d, c, F_CORR, F_CORR, n - 1, 1);
		return;
	}
	if ((f = st_dle(d, c, &wpan_fields[F_FCS], n - 2, 2)) == NULL)
		return;
	want = crc16(c, n - 2);
	if (want == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dgen(d, &wpan_fields[F_FCSOK], f->ck == ST_CK_GOOD);
}

/* A header cut short: by the capture, or, in a frame captured whole,
 * running into the FCS (malformed). */
static int
cut(struct st_dctx *d, const struct st_cur *c, size_t tail)
{
	if (c->err == ST_ETRUNC && tail > 0)
		return st_dmalformed(d, "the header runs into the FCS");
	return c->err;
}

/* The header ends at off, the payload is data (why: a note, or NULL). */
static int
as_data(struct st_dctx *d, size_t off, size_t tail, const char *why)
{
	if (why != NULL)
		st_pkt_note(d->pkt, why);
	d->hdr = off;
	d->tail = tail;
	d->data = 1;
	return ST_OK;
}

/*
 * The frame from its frame control field to its payload, at c (which ends
 * before the FCS, tail bytes, when there is one); good: its FCS is right.
 */
static int
header(struct st_dctx *d, struct st_cur *c, size_t n, size_t tail, int good)
{
	size_t off, mic = 0, body;
	unsigned type, ver, dam, sam, pan;
	long long fcf;

	if ((fcf = le(d, c, F_FCF, 0, 2)) < 0)
		return cut(d, c, tail);
	parts(d, c, F_TYPE, F_SAM, 0, 2);
	type = fcf & 7;
	dam = fcf >> 10 & 3;
	ver = fcf >> 12 & 3;
	sam = fcf >> 14 & 3;
	off = 2;
	if (!(fcf & 0x100) || ver < 2) {
		st_dfields_at(d, c, off, wpan_fields + F_SEQ, 1);
		off++;
	}
	if (c->err != ST_OK)
		return cut(d, c, tail);
	if (type > 3)
		return as_data(d, off, tail, NULL);
	if (dam == 1 || sam == 1)
		return st_dmalformed(d, "reserved addressing mode");
	pan = pans(ver, dam, sam, (unsigned)fcf >> 6 & 1);
	if (pan & 1) {
		le(d, c, F_DPAN, off, 2);
		off += 2;
	}
	off += address(d, c, dam, F_DST16, F_DST64, off);
	if (pan & 2) {
		le(d, c, F_SPAN, off, 2);
		off += 2;
	}
	off += address(d, c, sam, F_SRC16, F_SRC64, off);
	if (c->err != ST_OK)
		return cut(d, c, tail);
	if (fcf & 0x08) {
		off += auxsec(d, c, ver, off, &mic);
		if (c->err != ST_OK)
			return cut(d, c, tail);
		body = n - tail > off ? n - tail - off : 0;
		if (mic > body)
			return st_dmalformed(d, "no room for the %zu-byte MIC",
			    mic);
		if (mic > 0) {
			st_dbytes(d, c, &wpan_fields[F_MIC], n - tail - mic,
			    mic);
			tail += mic;
		}
		return as_data(d, off, tail, "802.15.4 frame secured: its "
		    "payload is encrypted (shown as data)");
	}
	if (fcf & 0x200)
		return as_data(d, off, tail, "802.15.4 information elements "
		    "are not decoded (shown as data)");
	if (type == 0)
		off += beacon(d, c, off);
	else if (type == 3)
		off += command(d, c, off);
	if (c->err != ST_OK)
		return cut(d, c, tail);
	d->hdr = off;
	d->tail = tail;
	/* A bad frame's payload is not handed on, as tshark does not. */
	if (type == 1 && good) {
		d->next_key = ST_KEY_WPAN;
		d->next_val = ST_WPAN_DATA;
	} else
		d->data = 1;
	return ST_OK;
}

/* Whether the frame's last two bytes of the n at c say it is good: its
 * FCS right, or the CC24xx metadata's FCS-valid bit set. */
static int
frame_good(const struct st_cur *c, size_t n, int end)
{
	struct st_cur t = *c;
	unsigned lo, hi;

	if (!st_cur_skip(&t, n - 2))
		return 0;
	lo = st_get_u8(&t);
	hi = st_get_u8(&t);
	if (end == END_CC24XX)
		return (hi & 0x80) != 0;
	return crc16(c, n - 2) == (hi << 8 | lo);
}

static int
wpan_frame(struct st_dctx *d, struct st_cur *c, int end)
{
	size_t n = st_cur_left(c), wire = n, tail = 0;
	struct st_cur t;
	int good = 1, rc;

	/* The frame's length on the air without its last two bytes. */
	if (d->pkt->len > d->pkt->caplen)
		wire += d->pkt->len - d->pkt->caplen;
	st_dgen(d, &wpan_fields[F_LEN], end == END_NONE || wire < 2 ? wire :
	    wire - 2);
	/* The FCS is there only when the frame was captured whole; the
	 * header's fields end before it, and it is shown after them. */
	if (end != END_NONE && d->pkt->caplen >= d->pkt->len && n >= 2) {
		tail = 2;
		good = frame_good(c, n, end);
	}
	t = *c;
	c->end -= tail;
	rc = header(d, c, n, tail, good);
	if (tail > 0)
		frame_end(d, &t, n, end);
	return rc;
}

static int
wpan_decode_fcs(struct st_dctx *d, struct st_cur *c)
{
	return wpan_frame(d, c, END_FCS);
}

static int
wpan_decode_nofcs(struct st_dctx *d, struct st_cur *c)
{
	return wpan_frame(d, c, END_NONE);
}

static int
wpan_decode_cc24xx(struct st_dctx *d, struct st_cur *c)
{
	return wpan_frame(d, c, END_CC24XX);
}

static const struct st_bind wpan_fcs_binds[] = {
	{ ST_KEY_LINK, 195 },	/* DLT_IEEE802_15_4_WITHFCS */
};

static const struct st_bind wpan_nofcs_binds[] = {
	{ ST_KEY_LINK, 230 },	/* DLT_IEEE802_15_4_NOFCS */
};

static const struct st_bind wpan_cc24xx_binds[] = {
	{ ST_KEY_WPAN, ST_WPAN_CC24XX },
};

/* "802.15.4 Data 0x0002 → 0x0001", "802.15.4 Command Beacon Request". */
static int
wpan_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS];
	const struct st_field *src, *dst;
	const char *name;

	st_ly_fields(s->pkt, ly, wpan_fields, F_NROWS, f);
	st_out_puts(s->o, "802.15.4 ");
	if (f[F_FCF] == NULL) {
		st_out_puts(s->o, "frame");
		return 1;
	}
	st_out_puts(s->o, st_valname(wpan_type_names, (uint32_t)f[F_FCF]->val &
	    7));
	if (f[F_CMD] != NULL) {
		name = st_valname(wpan_cmd_names, (uint32_t)f[F_CMD]->val);
		st_out_putc(s->o, ' ');
		if (name != NULL)
			st_out_puts(s->o, name);
		else
			s->value(s, f[F_CMD]);
	}
	if (f[F_SEQ] != NULL) {
		st_out_puts(s->o, " seq ");
		s->value(s, f[F_SEQ]);
	}
	src = f[F_SRC16] != NULL ? f[F_SRC16] : f[F_SRC64];
	dst = f[F_DST16] != NULL ? f[F_DST16] : f[F_DST64];
	if (src != NULL) {
		st_out_puts(s->o, dst != NULL ? " " : " from ");
		s->value(s, src);
	}
	if (dst != NULL) {
		st_out_puts(s->o, src != NULL ? " \xe2\x86\x92 " : " to ");
		s->value(s, dst);
	}
	if (f[F_FCS] != NULL && f[F_FCS]->ck == ST_CK_BAD)
		st_out_puts(s->o, " bad FCS");
	return 1;
}

static const struct st_field_desc *const wpan_keys[] = {
	&wpan_fields[F_FCF], &wpan_fields[F_SEQ], &wpan_fields[F_DST16],
	&wpan_fields[F_SRC16], NULL,
};

#define WPAN_EXPLAIN \
	"The low-power radio MAC under Zigbee, Thread and 6LoWPAN. Every " \
	"number is sent least significant byte first. The frame control " \
	"field says the frame type (beacon, data, ack, command), whether " \
	"it is secured, and the addressing modes: none, a 16-bit short " \
	"address or a 64-bit extended one, each with a 16-bit PAN ID unless " \
	"PAN ID compression says the source shares the destination's. A " \
	"secured frame has an auxiliary security header, and its payload " \
	"is encrypted with a MIC at the end; a frame on the air ends in a " \
	"CRC-16 FCS. Frames are at most 127 bytes, so IPv6 rides on them " \
	"compressed (6LoWPAN)."

/* The three descriptors differ in how the frame ends (its decoder) and
 * in what they follow. */
#define WPAN_PROTO(dec, b) \
	.name = "wpan", .ws = "wpan", \
	.title = "IEEE 802.15.4 low-rate wireless PAN", \
	.rfc = "IEEE 802.15.4", .role = ST_ROLE_LINK, \
	.fields = wpan_fields, .nfields = F_NROWS, .decode = (dec), \
	.binds = (b), .nbinds = NFIELDS(b), .summary = wpan_summary, \
	.keys = wpan_keys, .color = "\033[34m", .explain_bits = 16, \
	.explain = WPAN_EXPLAIN

const struct st_proto st_proto_wpan = {
	WPAN_PROTO(wpan_decode_fcs, wpan_fcs_binds)
};

/* The same frame captured without its FCS (Wireshark's wpan_nofcs). */
const struct st_proto st_proto_wpan_nofcs = {
	WPAN_PROTO(wpan_decode_nofcs, wpan_nofcs_binds)
};

/* The same frame with TI CC24xx metadata (RSSI, FCS valid, correlation)
 * in its FCS's place, as ZEP carries it in LQI mode. */
const struct st_proto st_proto_wpan_cc24xx = {
	WPAN_PROTO(wpan_decode_cc24xx, wpan_cc24xx_binds)
};
