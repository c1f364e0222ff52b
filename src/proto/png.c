/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PNG (ISO/IEC 15948, RFC 2083): an image a carrier hands on (an HTTP body
 * of type image/png): the 8-byte signature, then chunks, each
 *
 *   length (32) | type (32: four letters; bit 5 of the first, second and
 *   fourth says ancillary, private, safe to copy) | data | CRC (32)
 *
 * with IHDR's, pHYs', tIME's, bKGD's, sRGB's and tEXt's fields.  As tshark
 * reads a body one segment at a time, a chunk not wholly here shows
 * nothing and ends the image; fewer than 20 bytes or another signature
 * are not PNG.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define PNG_CHUNKS	64		/* chunks decoded */
#define PNG_TEXT	256		/* bytes of a tEXt string shown */

enum { F_SIG, F_LEN, F_FANC, F_FPRIV, F_FSTC, F_TYPE, F_CRC, F_DATA,
	F_WIDTH, F_HEIGHT, F_DEPTH, F_COLOUR, F_COMPR, F_FILTER, F_INTERLACE,
	F_HORIZ, F_VERT, F_UNIT, F_YEAR, F_MONTH, F_DAY, F_HOUR, F_MINUTE,
	F_SECOND, F_PALIDX, F_GREY, F_RED, F_GREEN, F_BLUE, F_SRGB,
	F_KEYWORD, F_STRING, F_NPNG };

static const struct st_valname colour_names[] = {
	{ 0, "Greyscale" }, { 2, "Truecolour" }, { 3, "Indexed-colour" },
	{ 4, "Greyscale with alpha" }, { 6, "Truecolour with alpha" },
	{ 0, NULL }
};

static const struct st_valname unit_names[] = {
	{ 0, "Unit is unknown" }, { 1, "Unit is METRE" }, { 0, NULL }
};

/* Chunk rows are at bit offsets from the chunk's start, data rows from
 * the data's. */
static const struct st_field_desc png_fields[F_NPNG] = {
	[F_SIG] = FD("signature", "png.signature", "PNG signature", 0, 64,
	    ST_FMT_BYTES),
	[F_LEN] = FD("len", "png.chunk.len", "Chunk length", 0, 32,
	    ST_FMT_DEC),
	[F_FANC] = FD(NULL, "png.chunk.flag.ancillary", "Ancillary", 34, 1,
	    ST_FMT_DEC),
	[F_FPRIV] = FD(NULL, "png.chunk.flag.private", "Private", 42, 1,
	    ST_FMT_DEC),
	[F_FSTC] = FD(NULL, "png.chunk.flag.stc", "Safe to copy", 58, 1,
	    ST_FMT_DEC),
	[F_TYPE] = FD("type", "png.chunk.type", "Chunk type", 32, 32,
	    ST_FMT_TEXT),
	[F_CRC] = FD(NULL, "png.chunk.crc", "CRC", 0, 32, ST_FMT_HEX),
	[F_DATA] = FD(NULL, "png.chunk.data", "Chunk data", 0, 0,
	    ST_FMT_BYTES),
	[F_WIDTH] = FD(NULL, "png.ihdr.width", "Width", 0, 32, ST_FMT_DEC),
	[F_HEIGHT] = FD(NULL, "png.ihdr.height", "Height", 32, 32,
	    ST_FMT_DEC),
	[F_DEPTH] = FD(NULL, "png.ihdr.bitdepth", "Bit depth", 64, 8,
	    ST_FMT_DEC),
	[F_COLOUR] = FDN(NULL, "png.ihdr.colour_type", "Colour type", 72, 8,
	    ST_FMT_DEC, colour_names),
	[F_COMPR] = FD(NULL, "png.ihdr.compression_method", "Compression "
	    "method", 80, 8, ST_FMT_DEC),
	[F_FILTER] = FD(NULL, "png.ihdr.filter_method", "Filter method", 88,
	    8, ST_FMT_DEC),
	[F_INTERLACE] = FD(NULL, "png.ihdr.interlace_method", "Interlace "
	    "method", 96, 8, ST_FMT_DEC),
	[F_HORIZ] = FD(NULL, "png.phys.horiz", "Horizontal pixels per unit",
	    0, 32, ST_FMT_DEC),
	[F_VERT] = FD(NULL, "png.phys.vert", "Vertical pixels per unit", 32,
	    32, ST_FMT_DEC),
	[F_UNIT] = FDN(NULL, "png.phys.unit", "Unit", 64, 8, ST_FMT_DEC,
	    unit_names),
	[F_YEAR] = FD(NULL, "png.time.year", "Year", 0, 16, ST_FMT_DEC),
	[F_MONTH] = FD(NULL, "png.time.month", "Month", 16, 8, ST_FMT_DEC),
	[F_DAY] = FD(NULL, "png.time.day", "Day", 24, 8, ST_FMT_DEC),
	[F_HOUR] = FD(NULL, "png.time.hour", "Hour", 32, 8, ST_FMT_DEC),
	[F_MINUTE] = FD(NULL, "png.time.minute", "Minute", 40, 8, ST_FMT_DEC),
	[F_SECOND] = FD(NULL, "png.time.second", "Second", 48, 8, ST_FMT_DEC),
	[F_PALIDX] = FD(NULL, "png.bkgd.palette_index", "Palette index", 0, 8,
	    ST_FMT_DEC),
	[F_GREY] = FD(NULL, "png.bkgd.greyscale", "Greyscale", 0, 16,
	    ST_FMT_HEX),
	[F_RED] = FD(NULL, "png.bkgd.red", "Red", 0, 16, ST_FMT_HEX),
	[F_GREEN] = FD(NULL, "png.bkgd.green", "Green", 16, 16, ST_FMT_HEX),
	[F_BLUE] = FD(NULL, "png.bkgd.blue", "Blue", 32, 16, ST_FMT_HEX),
	[F_SRGB] = FD(NULL, "png.srgb.intent", "Rendering intent", 0, 8,
	    ST_FMT_DEC),
	[F_KEYWORD] = FD(NULL, "png.text.keyword", "Keyword", 0, 0,
	    ST_FMT_TEXT),
	[F_STRING] = FD(NULL, "png.text.string", "String", 0, 0, ST_FMT_TEXT),
};

#define TYPE(a, b, c, d)	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | \
				 (uint32_t)(c) << 8 | (uint32_t)(d))

static const uint8_t magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
	'\n' };

/* Whether the n bytes at p are printable ASCII (shown as they are). */
static int
plain(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return 0;
	return 1;
}

/* Text row f from the n bytes at off of c (p: those bytes), if plain. */
static void
text(struct st_dctx *d, struct st_cur *c, int f, size_t off,
    const uint8_t *p, size_t n)
{
	char buf[PNG_TEXT * 4 + 8];

	if (!plain(p, n))
		return;		/* tshark's ASCII reading replaces the rest */
	st_escape(p, n < PNG_TEXT ? n : PNG_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &png_fields[f], off, n, buf);
}

/* A tEXt chunk's keyword and string; 0 when the keyword has no end (tshark
 * stops the image there). */
static int
text_chunk(struct st_dctx *d, struct st_cur *c, size_t n)
{
	struct st_cur t = *c;
	const uint8_t *p = st_get_bytes(&t, n), *z;

	if (p == NULL || n < 2 || (z = memchr(p + 1, 0, n - 1)) == NULL)
		return 0;
	text(d, c, F_KEYWORD, 0, p, (size_t)(z - p));
	text(d, c, F_STRING, (size_t)(z - p) + 1, z + 1, n - (size_t)(z - p) -
	    1);
	return 1;
}

/* A chunk's data (n bytes at c) by its type; 0 to stop the image. */
static int
chunk_data(struct st_dctx *d, struct st_cur *c, uint32_t type, size_t n)
{
	switch (type) {
	case TYPE('I', 'H', 'D', 'R'):
		if (n >= 13)
			st_dfields(d, c, png_fields + F_WIDTH, 7);
		return n >= 13;
	case TYPE('p', 'H', 'Y', 's'):
		if (n >= 9)
			st_dfields(d, c, png_fields + F_HORIZ, 3);
		return n >= 9;
	case TYPE('t', 'I', 'M', 'E'):
		if (n >= 7)
			st_dfields(d, c, png_fields + F_YEAR, 6);
		return n >= 7;
	case TYPE('b', 'K', 'G', 'D'):
		if (n == 1)
			st_dfield(d, c, &png_fields[F_PALIDX]);
		else if (n == 2)
			st_dfield(d, c, &png_fields[F_GREY]);
		else if (n == 6)
			st_dfields(d, c, png_fields + F_RED, 3);
		return 1;
	case TYPE('s', 'R', 'G', 'B'):
		if (n >= 1)
			st_dfield(d, c, &png_fields[F_SRGB]);
		return n >= 1;
	case TYPE('t', 'E', 'X', 't'):
		return text_chunk(d, c, n);
	case TYPE('g', 'A', 'M', 'A'):
	case TYPE('c', 'H', 'R', 'M'):
		return 1;	/* tshark's values are floats: not shown */
	}
	if (n > 0)
		st_dbytes(d, c, &png_fields[F_DATA], 0, n);
	return 1;
}

static int
png_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 8, n;
	struct st_cur t = *c, u;
	const uint8_t *p = st_get_bytes(&t, 8);
	char ty[4 * 4 + 1];
	uint32_t type;
	unsigned i;

	if (left < 8 || p == NULL)
		return ST_ETRUNC;
	if (memcmp(p, magic, 8) != 0)
		return st_dmalformed(d, "not a PNG signature");
	st_dfield(d, c, &png_fields[F_SIG]);
	d->hdr = left;
	for (i = 0; i < PNG_CHUNKS && pos < left; i++) {
		t = *c;
		st_cur_skip(&t, pos);
		if (left - pos < 12)
			return ST_OK;	/* tshark: the chunk is not all here */
		n = (size_t)st_peek_bits(&t, 0, 32);
		if (n >= 0x7fffffff || n > left - pos - 12)
			return ST_OK;
		type = (uint32_t)st_peek_bits(&t, 32, 32);
		st_dfield(d, &t, &png_fields[F_LEN]);
		u = t;
		if ((p = st_get_bytes(&u, 8)) == NULL)
			return ST_ETRUNC;
		st_escape(p + 4, 4, ty, sizeof(ty));
		st_dtext(d, &t, &png_fields[F_TYPE], 4, 4, ty);
		st_dfields(d, &t, png_fields + F_FANC, 3);
		st_cur_skip(&t, 8);
		if (!chunk_data(d, &t, type, n))
			return ST_OK;
		st_cur_skip(&t, n);
		st_dfield(d, &t, &png_fields[F_CRC]);
		pos += 12 + n;
	}
	if (pos < left)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "png: the chunks "
		    "after the first %u are not shown", PNG_CHUNKS));
	return ST_OK;
}

/* "png 410x136". */
static int
png_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NPNG];

	st_ly_fields(s->pkt, ly, png_fields, F_NPNG, f);
	st_out_puts(s->o, "png");
	if (f[F_WIDTH] != NULL && f[F_HEIGHT] != NULL)
		st_out_printf(s->o, " %llux%llu",
		    (unsigned long long)f[F_WIDTH]->val,
		    (unsigned long long)f[F_HEIGHT]->val);
	return 1;
}

static const struct st_field_desc *const png_keys[] = {
	&png_fields[F_SIG], &png_fields[F_WIDTH], &png_fields[F_HEIGHT], NULL,
};

const struct st_proto st_proto_png = {
	.name = "png",
	.ws = "png",
	.title = "Portable Network Graphics",
	.rfc = "RFC 2083",
	.role = ST_ROLE_APP,
	.fields = png_fields,
	.nfields = F_NPNG,
	.decode = png_decode,
	.summary = png_summary,
	.keys = png_keys,
	.color = "\033[35m",
	.explain = "A PNG image, as a web server sends one: the signature, "
	    "then chunks of a length, a four-letter type (its letters' case "
	    "says whether a decoder may skip it, whether it is private and "
	    "whether an editor may copy it), the data and a CRC; the header "
	    "chunk IHDR gives the size, depth and colour type.",
};
