/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP's fast-path PDUs ([MS-RDPBCGR] 2.2.8.1.2 input, 2.2.9.1.2 output),
 * which stand on the stream in TPKT's place:
 *
 *   +--------+---------+- - - - - - - -+- - - - - - - - - - - - - - -+
 *   | header | length  | dataSignature | events (client) or updates  |
 *   |  1 B   | 1-2 B   | 8 B if flags  | (server)                    |
 *   +--------+---------+- - - - - - - -+- - - - - - - - - - - - - - -+
 *
 * header: action (2 low bits, 0), the number of input events or reserved
 * bits (4), flags (2 high bits: secure checksum, encrypted).  An input
 * event is a header byte (code in its 3 high bits, flags in the rest) and
 * 0 to 6 bytes by code: scancode, mouse, extended mouse, synchronize,
 * unicode, QoE timestamp.  An update is a header byte (code, fragmentation,
 * compression), a compression byte when the header says, a 2-byte size and
 * that many bytes.  Numbers are little-endian.
 *
 * As Wireshark, which has no keys: events and updates are read whether or
 * not the flags say encrypted (their values are then noise), a PDU is
 * input when it goes to the end that the client's MCS data went to (else
 * output, once a TPKT was seen; else input when it goes to port 3389), and
 * an event or update cut short by the PDU's end is not shown.
 */
#include <stdio.h>

#include "strata/expect.h"
#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"
#include "rdp.h"

#define RDP_PORT	3389
#define FP_ENCRYPTED	2	/* header flags: a signature, then encrypted */
#define NOTE_SERVER	0x52445053	/* "RDPS": st_match ids */
#define NOTE_TPKT	0x52445054	/* "RDPT" */

static const struct st_valname action_names[] = {
	{ 0, "Fastpath" }, { 3, "X224" }, { 0, NULL }
};

static const struct st_valname event_names[] = {
	{ 0, "Scancode" }, { 1, "Mouse" }, { 2, "MouseEx" }, { 3, "Sync" },
	{ 4, "Unicode" }, { 6, "QoE timestamp" }, { 0, NULL }
};

static const struct st_valname update_names[] = {
	{ 0, "Orders" }, { 1, "Bitmap" }, { 2, "Palette" },
	{ 3, "Synchronize" }, { 4, "Surface command" }, { 5, "Pointer null" },
	{ 6, "Pointer default" }, { 8, "Pointer position" },
	{ 9, "Color pointer" }, { 10, "Cached pointer" },
	{ 11, "New pointer" }, { 12, "Large pointer" }, { 0, NULL }
};

static const struct st_valname frag_names[] = {
	{ 0, "Single fragment" }, { 1, "Last fragment" },
	{ 2, "First fragment" }, { 3, "Next fragment" }, { 0, NULL }
};

static const struct st_valname compr_names[] = {
	{ 0, "RDP 4.0 bulk compression" }, { 1, "RDP 5.0 bulk compression" },
	{ 2, "RDP 6.0 bulk compression" }, { 3, "RDP 6.1 bulk compression" },
	{ 0, NULL }
};

/* The bit of mask m of a header byte, drawn MSB first. */
#define BIT(n, l, m) FDD(NULL, n, l, 7 - __builtin_ctz(m), 1, ST_FMT_BOOL)
/* A little-endian word's part (its value set by the decoder). */
#define LE(n, l, w, f) FD(NULL, n, l, 0, w, f)

const struct st_field_desc st_rdp_fp[FP_NROWS] = {
	[FP_HDR] = FD(NULL, "rdp.fastpath.header", "Header", 0, 8,
	    ST_FMT_HEX),
	[FP_ACTION] = FDDN(NULL, "rdp.fastpath.action", "Action", 6, 2,
	    ST_FMT_DEC, action_names),
	[FP_NUM] = FDD(NULL, "rdp.fastpath.numevents", "numEvents", 2, 4,
	    ST_FMT_DEC),
	[FP_RES] = FDD(NULL, "rdp.fastpath.reserved", "Reserved", 2, 4,
	    ST_FMT_HEX),
	[FP_FLAGS] = FDD(NULL, "rdp.fastpath.flags", "flags", 0, 2,
	    ST_FMT_DEC),
	[FP_LEN] = LE("rdp.fastpathPDULength", "fastpathPDULength", 0,
	    ST_FMT_DEC),
	[FP_SIG] = FD(NULL, st_rdp_datasig, "dataSignature", 0, 64,
	    ST_FMT_BYTES),
	[FP_NUM2] = FD(NULL, "rdp.fastpath.numevents2", "NumEvents2", 0, 8,
	    ST_FMT_DEC),
	[FP_EVHDR] = FD(NULL, "rdp.fastpath.eventheader", "EventHeaderCode",
	    0, 8, ST_FMT_HEX),
	[FP_EVFLAGS] = FDD(NULL, "rdp.fastpath.eventflags", "Flags", 3, 5,
	    ST_FMT_DEC),
	[FP_EVCODE] = FDDN(NULL, "rdp.fastpath.clienteventcode", "Code", 0, 3,
	    ST_FMT_DEC, event_names),
	[FP_SC_REL] = BIT("rdp.fastpath.scancode.release", "Release", 0x01),
	[FP_SC_EXT] = BIT("rdp.fastpath.scancode.extended", "Extended", 0x02),
	[FP_SC_EXT1] = BIT("rdp.fastpath.scancode.extended1", "Extended1",
	    0x04),
	[FP_SC_KEY] = FD(NULL, "rdp.fastpath.scancode.keycode", "KeyCode", 8,
	    8, ST_FMT_HEX),
	[FP_SY_SCROLL] = BIT("rdp.fastpath.sync.scrolllock", "ScrollLock",
	    0x01),
	[FP_SY_NUM] = BIT("rdp.fastpath.sync.numlock", "NumLock", 0x02),
	[FP_SY_CAPS] = BIT("rdp.fastpath.sync.capslock", "CapsLock", 0x04),
	[FP_SY_KANA] = BIT("rdp.fastpath.sync.kanalock", "KanaLock", 0x08),
	[FP_UNI_REL] = BIT("rdp.fastpath.unicode.release", "Release", 0x01),
	[FP_UNI_CODE] = LE("rdp.fastpath.unicode.code", "unicodeCode", 16,
	    ST_FMT_HEX),
	[FP_QOE] = LE("rdp.fastpath.qoe.timestamp", "Timestamp", 32,
	    ST_FMT_HEX),
	[FP_PTR] = LE("rdp.pointerflags", "pointerFlags", 16, ST_FMT_HEX),
	[FP_PTR_MOVE] = LE("rdp.pointerflags.move", "Move", 16, ST_FMT_BOOL),
	[FP_PTR_DOWN] = LE("rdp.pointerflags.down", "Down", 16, ST_FMT_BOOL),
	[FP_PTR_B1] = LE("rdp.pointerflags.button1", "Button1", 16,
	    ST_FMT_BOOL),
	[FP_PTR_B2] = LE("rdp.pointerflags.button2", "Button2", 16,
	    ST_FMT_BOOL),
	[FP_PTR_B3] = LE("rdp.pointerflags.button3", "Button3", 16,
	    ST_FMT_BOOL),
	[FP_PTR_ROT] = LE("rdp.pointerflags.wheelrotation", "Wheel rotation",
	    16, ST_FMT_DEC),
	[FP_PTR_NEG] = LE("rdp.pointerflags.wheelnegative", "Wheel negative",
	    16, ST_FMT_BOOL),
	[FP_PTR_WHEEL] = LE("rdp.pointerflags.wheel", "Wheel", 16,
	    ST_FMT_BOOL),
	[FP_PTR_HWHEEL] = LE("rdp.pointerflags.hwheel", "Horizontal wheel",
	    16, ST_FMT_BOOL),
	[FP_PTR_X] = LE("rdp.pointer.xpos", "xPos", 16, ST_FMT_DEC),
	[FP_PTR_Y] = LE("rdp.pointer.ypos", "yPos", 16, ST_FMT_DEC),
	[FP_PX] = LE("rdp.pointerxflags", "pointerFlags", 16, ST_FMT_HEX),
	[FP_PX_DOWN] = LE("rdp.pointerxflags.down", "Down", 16, ST_FMT_BOOL),
	[FP_PX_B1] = LE("rdp.pointerxflags.button1", "Button1", 16,
	    ST_FMT_BOOL),
	[FP_PX_B2] = LE("rdp.pointerxflags.button2", "Button2", 16,
	    ST_FMT_BOOL),
	[FP_PX_X] = LE("rdp.pointerx.xpos", "xPos", 16, ST_FMT_DEC),
	[FP_PX_Y] = LE("rdp.pointerx.ypos", "yPos", 16, ST_FMT_DEC),
	/* Wireshark names the update code as it names the event code.  Not
	 * a detail: the summary names the updates by it. */
	[FP_UPCODE] = FDN(NULL, "rdp.fastpath.clienteventcode", "Code", 4, 4,
	    ST_FMT_DEC, update_names),
	[FP_UPFRAG] = FDDN(NULL, "rdp.fastpath.serverfragmentation",
	    "Fragmentation", 2, 2, ST_FMT_DEC, frag_names),
	[FP_UPCOMP] = FDD(NULL, "rdp.fastpath.servercompression",
	    "Compression", 0, 2, ST_FMT_HEX),
	[FP_CTYPE] = FD(NULL, "rdp.fastpath.server.compressiontype",
	    "CompressionType", 0, 8, ST_FMT_HEX),
	[FP_C_COMP] = BIT("rdp.fastpath.server.compressionflags.compressed",
	    "Compressed", 0x20),
	[FP_C_FRONT] = BIT("rdp.fastpath.server.compressionflags.atfront",
	    "At front", 0x40),
	[FP_C_FLUSH] = BIT("rdp.fastpath.server.compressionflags.flushed",
	    "Flushed", 0x80),
	[FP_CFLAGS] = FDDN(NULL, "rdp.fastpath.server.compressionflags",
	    "CompressionFlags", 4, 4, ST_FMT_HEX, compr_names),
	[FP_SIZE] = LE("rdp.fastpath.server.size", "Size", 16, ST_FMT_DEC),
};

/* Bytes of an input event by its code; 0: a code Wireshark does not know,
 * one byte passed over unshown. */
static const uint8_t event_size[8] = { 2, 7, 7, 1, 3, 0, 5, 0 };

/* The PDU being read: its cursor at the header, the length the header
 * declares and the bytes of it captured. */
struct fp {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;
	size_t		 at;
};

/* Whether n bytes at off lie in the PDU: ST_OK; ST_ETRUNC when the
 * capture cut them; the layer marked malformed when the PDU ends first. */
static int
fits(struct fp *f, size_t off, size_t n, const char *what)
{
	if (off + n <= f->at)
		return ST_OK;
	if (off + n <= f->len)
		return ST_ETRUNC;
	return st_dmalformed(f->d, "%s runs past the PDU's %zu bytes", what,
	    f->len);
}

/* The n-byte little-endian number at off (checked by fits()). */
static uint32_t
le(struct fp *f, size_t off, size_t n)
{
	uint32_t v = 0;

	while (n-- > 0)
		v = v << 8 | (uint32_t)st_peek_bits(f->c, (off + n) * 8, 8);
	return v;
}

/* Rows r[0..n) drawn from the bits of the byte at off. */
static void
rows(struct fp *f, size_t off, const int *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		st_dfields_at(f->d, f->c, off, &st_rdp_fp[r[i]], 1);
}

/* Row r over the n bytes at off with value v (a part of a word). */
static void
row_le(struct fp *f, int r, size_t off, size_t n, uint32_t v)
{
	struct st_field *fl = st_dbytes(f->d, f->c, &st_rdp_fp[r], off, n);

	if (fl != NULL)
		fl->val = v;
}

/* A TS_POINTER_EVENT's or TS_POINTERX_EVENT's flags and position. */
static void
pointer(struct fp *f, size_t off, int ex)
{
	static const struct { uint8_t r; uint16_t m; } bits[] = {
		{ FP_PTR_MOVE, 0x0800 }, { FP_PTR_DOWN, 0x8000 },
		{ FP_PTR_B1, 0x1000 }, { FP_PTR_B2, 0x2000 },
		{ FP_PTR_B3, 0x4000 }, { FP_PTR_ROT, 0x01ff },
		{ FP_PTR_NEG, 0x0100 }, { FP_PTR_WHEEL, 0x0200 },
		{ FP_PTR_HWHEEL, 0x0400 },
	}, xbits[] = {
		{ FP_PX_DOWN, 0x8000 }, { FP_PX_B1, 0x0001 },
		{ FP_PX_B2, 0x0002 },
	};
	uint32_t v = le(f, off, 2);
	size_t i;

	row_le(f, ex ? FP_PX : FP_PTR, off, 2, v);
	if (ex)
		for (i = 0; i < NFIELDS(xbits); i++)
			row_le(f, xbits[i].r, off, 2, (v & xbits[i].m) ?
			    1 : 0);
	else
		for (i = 0; i < NFIELDS(bits); i++)
			row_le(f, bits[i].r, off, 2, bits[i].m == 0x01ff ?
			    v & 0x01ff : (v & bits[i].m) != 0);
	row_le(f, ex ? FP_PX_X : FP_PTR_X, off + 2, 2, le(f, off + 2, 2));
	row_le(f, ex ? FP_PX_Y : FP_PTR_Y, off + 4, 2, le(f, off + 4, 2));
}

/* The input event of code at off, all of whose bytes are at hand. */
static void
event(struct fp *f, size_t off, unsigned code)
{
	static const int scan[] = { FP_SC_REL, FP_SC_EXT, FP_SC_EXT1,
		FP_EVCODE };
	static const int sync[] = { FP_SY_SCROLL, FP_SY_NUM, FP_SY_CAPS,
		FP_SY_KANA, FP_EVCODE };
	static const int uni[] = { FP_UNI_REL, FP_EVCODE };
	static const int plain[] = { FP_EVFLAGS, FP_EVCODE };

	rows(f, off, (const int[]){ FP_EVHDR }, 1);
	switch (code) {
	case 0:
		rows(f, off, scan, NFIELDS(scan));
		rows(f, off, (const int[]){ FP_SC_KEY }, 1);
		break;
	case 3:
		rows(f, off, sync, NFIELDS(sync));
		break;
	case 4:
		rows(f, off, uni, NFIELDS(uni));
		row_le(f, FP_UNI_CODE, off + 1, 2, le(f, off + 1, 2));
		break;
	default:
		rows(f, off, plain, NFIELDS(plain));
		if (code == 6)
			row_le(f, FP_QOE, off + 1, 4, le(f, off + 1, 4));
		else
			pointer(f, off + 1, code == 2);
		break;
	}
}

/* n input events from off.  Returns ST_OK, ST_ETRUNC or ST_EINVAL. */
static int
input(struct fp *f, size_t off, unsigned n)
{
	unsigned i, code;
	int rc;

	for (i = 0; i < n; i++) {
		if ((rc = fits(f, off, 1, "an event")) != ST_OK)
			return rc;
		code = (unsigned)st_peek_bits(f->c, off * 8, 3);
		if (event_size[code] == 0) {
			off++;
			continue;
		}
		if ((rc = fits(f, off, event_size[code], "an event")) != ST_OK)
			return rc;
		event(f, off, code);
		off += event_size[code];
	}
	return ST_OK;
}

/*
 * The updates from off to the PDU's end, read while a byte beyond the
 * next one is left (as Wireshark does).  An update's size counts its data
 * only; Wireshark checks that header byte, compression byte and data lie
 * in the PDU, not the two size bytes.
 */
static int
output(struct fp *f, size_t off)
{
	static const int hdr[] = { FP_UPCODE, FP_UPFRAG, FP_UPCOMP };
	static const int comp[] = { FP_CTYPE, FP_C_COMP, FP_C_FRONT,
		FP_C_FLUSH, FP_CFLAGS };
	size_t hl, size;
	int rc;

	while (off + 1 < f->len) {
		if ((rc = fits(f, off, 1, "an update")) != ST_OK)
			return rc;
		hl = st_peek_bits(f->c, off * 8, 2) != 0 ? 2 : 1;
		if ((rc = fits(f, off + hl, 2, "an update's size")) != ST_OK)
			return rc;
		size = le(f, off + hl, 2);
		if ((rc = fits(f, off, hl + size, "an update")) != ST_OK)
			return rc;
		rows(f, off, hdr, NFIELDS(hdr));
		if (hl == 2)
			rows(f, off + 1, comp, NFIELDS(comp));
		row_le(f, FP_SIZE, off + hl, 2, (uint32_t)size);
		off += hl + 2 + size;
	}
	return ST_OK;
}

/* Whether the PDU of the layer being decoded is the client's input. */
static int
is_input(const struct st_dctx *d)
{
	struct st_match m;
	long port = st_dport(d->pkt, d->ly, 1);

	if (st_match_answer(d, NOTE_SERVER, &m))
		return m.data[0] == d->net.fam &&
		    memcmp(m.data + 1, d->net.dst, 16) == 0 &&
		    port == (long)(m.data[17] << 8 | m.data[18]);
	if (st_match_answer(d, NOTE_TPKT, &m))
		return 0;
	return port == RDP_PORT;
}

int
st_rdp_fastpath(struct st_dctx *d, struct st_cur *c)
{
	struct fp f = { d, c, 0, 0 };
	unsigned h, n;
	size_t off = 2, left = st_cur_left(c);
	int in = is_input(d), rc;

	if (left < 2)
		return ST_ETRUNC;
	h = (unsigned)st_peek_bits(c, 0, 8);
	st_dfield(d, c, &st_rdp_fp[FP_HDR]);
	st_dfield(d, c, &st_rdp_fp[FP_ACTION]);
	st_dfield(d, c, &st_rdp_fp[in ? FP_NUM : FP_RES]);
	st_dfield(d, c, &st_rdp_fp[FP_FLAGS]);
	f.len = (size_t)st_peek_bits(c, 8, 8);
	if (f.len & 0x80) {
		if (left < 3)
			return ST_ETRUNC;
		f.len = (f.len & 0x7f) << 8 | (size_t)st_peek_bits(c, 16, 8);
		off = 3;
	}
	row_le(&f, FP_LEN, 1, off - 1, (uint32_t)f.len);
	f.at = left < f.len ? left : f.len;
	d->hdr = f.at;
	/* Wireshark passes over the signature without a look (and the
	 * FIPS information before it, when there is some). */
	if ((h >> 6) & FP_ENCRYPTED) {
		if (off + 8 <= f.at)
			st_dbytes(d, c, &st_rdp_fp[FP_SIG], off, 8);
		off += 8;
	}
	if (!in)
		rc = output(&f, off);
	else if ((n = (h >> 2) & 0xf) != 0)
		rc = input(&f, off, n);
	else if ((rc = fits(&f, off, 1, "numEvents")) == ST_OK) {
		rows(&f, off, (const int[]){ FP_NUM2 }, 1);
		n = (unsigned)st_peek_bits(c, off * 8, 8);
		rc = input(&f, off + 1, n);
	}
	/* What was read may end before the cut: the PDU still is cut. */
	return rc == ST_OK && f.at < f.len ? ST_ETRUNC : rc;
}

void
st_rdp_fp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[FP_NROWS], *g, *end;
	const char *name, *sep = " ";
	unsigned n;

	st_ly_fields(s->pkt, ly, st_rdp_fp, FP_NROWS, f);
	st_out_puts(s->o, " fast-path");
	if (f[FP_NUM] != NULL) {
		n = (unsigned)(f[FP_NUM2] != NULL ? f[FP_NUM2]->val :
		    f[FP_NUM]->val);
		st_out_printf(s->o, " %u event%s", n, n == 1 ? "" : "s");
	} else
		st_out_puts(s->o, " output");
	/* The kinds of events or updates, in order (the header rows: a
	 * summary's decode leaves the details out). */
	g = &s->pkt->fields[ly->field0];
	for (end = g + ly->nfields; g < end; g++) {
		if (g->desc == &st_rdp_fp[FP_EVHDR])
			name = st_valname(event_names, (uint32_t)g->val >> 5);
		else if (g->desc == &st_rdp_fp[FP_UPCODE])
			name = st_valname(update_names, (uint32_t)g->val);
		else
			continue;
		st_out_printf(s->o, "%s%s", sep, name != NULL ? name : "?");
		sep = ",";
	}
	if (f[FP_HDR] != NULL && ((f[FP_HDR]->val >> 6) & FP_ENCRYPTED))
		st_out_puts(s->o, " encrypted");
	if (f[FP_LEN] != NULL)
		st_out_printf(s->o, " len %u", (unsigned)f[FP_LEN]->val);
}

/* Notes data (n bytes) under the conversation, as RDP's, with id. */
static void
note(const struct st_dctx *d, uint64_t id, const void *data, size_t n)
{
	const struct st_proto *transport;
	struct st_match m;

	memset(&m, 0, sizeof(m));
	if (st_expect_conv(d, &m.conv, &transport) != 0)
		return;
	m.proto = &st_proto_rdp;
	m.id = id;
	m.frame = d->pkt->num;
	m.ts = d->pkt->ts;
	if (n > 0)
		memcpy(m.data, data, n < sizeof(m.data) ? n : sizeof(m.data));
	st_match_add(&m);
}

void
st_rdp_note_server(const struct st_dctx *d)
{
	uint8_t b[19];
	long port = st_dport(d->pkt, d->ly, 1);

	b[0] = d->net.fam;
	memcpy(b + 1, d->net.dst, 16);
	b[17] = (uint8_t)(port >> 8);
	b[18] = (uint8_t)port;
	note(d, NOTE_SERVER, b, sizeof(b));
}

void
st_rdp_note_tpkt(const struct st_dctx *d)
{
	const struct st_proto *transport;
	struct st_flowkey k;
	struct st_match m;

	if (st_expect_conv(d, &k, &transport) == 0 &&
	    !st_match_find(&st_proto_rdp, &k, NOTE_TPKT, d->pkt->num, &m))
		note(d, NOTE_TPKT, NULL, 0);
}
