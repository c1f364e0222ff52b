/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GIF (CompuServe GIF87a/GIF89a): an image a carrier hands on (an HTTP body
 * of type image/gif, or one that starts like a GIF).  The version, the
 * logical screen (width, height little-endian, the flags byte, background
 * index, pixel aspect ratio when GIF89a and not 0), the global colour map,
 * then extensions ('!', a label, data blocks), images (',', position,
 * size, flags, a local colour map, the LZW code size, data blocks) and the
 * trailer (';').  Each data block is a count byte and that many bytes, a
 * count of 0 ending the sequence.  As tshark reads a body one segment at a
 * time, the image ends at the first block not wholly here.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define GIF_BLOCKS	256		/* data blocks and items decoded */

enum { F_VERSION, F_SWIDTH, F_SHEIGHT, F_GPRESENT, F_GCBPP, F_GORDER, F_GBPP,
	F_BG, F_ASPECT, F_GMAP, F_EXTLABEL, F_BLOCK, F_LEFT, F_TOP, F_IWIDTH,
	F_IHEIGHT, F_LPRESENT, F_LCBPP, F_LORDER, F_LBPP, F_LMAP, F_CODESIZE,
	F_END, F_NGIF };

/* The flags rows are bit offsets from the flags byte. */
static const struct st_field_desc gif_fields[F_NGIF] = {
	[F_VERSION] = FD("version", "image-gif.version", "Version", 0, 48,
	    ST_FMT_TEXT),
	[F_SWIDTH] = FD("width", "image-gif.screen.width", "Screen width", 48,
	    16, ST_FMT_DEC),
	[F_SHEIGHT] = FD("height", "image-gif.screen.height", "Screen height",
	    64, 16, ST_FMT_DEC),
	[F_GPRESENT] = FD(NULL, "image-gif.global.color_map.present", "Global "
	    "colour map present", 0, 1, ST_FMT_DEC),
	[F_GCBPP] = FD(NULL, "image-gif.global.color_bpp", "Bits per colour "
	    "minus 1", 1, 3, ST_FMT_DEC),
	[F_GORDER] = FD(NULL, "image-gif.global.color_map.ordered", "Global "
	    "colour map ordered", 4, 1, ST_FMT_DEC),
	[F_GBPP] = FD(NULL, "image-gif.global.bpp", "Bits per pixel minus 1",
	    5, 3, ST_FMT_DEC),
	[F_BG] = FD(NULL, "image-gif.image_background_index", "Background "
	    "colour index", 88, 8, ST_FMT_DEC),
	[F_ASPECT] = FD(NULL, "image-gif.global.pixel_aspect_ratio", "Pixel "
	    "aspect ratio", 96, 8, ST_FMT_DEC),
	[F_GMAP] = FD(NULL, "image-gif.global.color_map", "Global colour map",
	    0, 0, ST_FMT_BYTES),
	[F_EXTLABEL] = FD(NULL, "image-gif.extension.label", "Extension "
	    "label", 0, 8, ST_FMT_HEX),
	[F_BLOCK] = FD(NULL, "image-gif.data_block", "Data block", 0, 0,
	    ST_FMT_BYTES),
	[F_LEFT] = FD(NULL, "image-gif.image.left", "Image left", 0, 16,
	    ST_FMT_DEC),
	[F_TOP] = FD(NULL, "image-gif.image.top", "Image top", 0, 16,
	    ST_FMT_DEC),
	[F_IWIDTH] = FD(NULL, "image-gif.image.width", "Image width", 0, 16,
	    ST_FMT_DEC),
	[F_IHEIGHT] = FD(NULL, "image-gif.image.height", "Image height", 0,
	    16, ST_FMT_DEC),
	[F_LPRESENT] = FD(NULL, "image-gif.local.color_map.present", "Local "
	    "colour map present", 0, 1, ST_FMT_DEC),
	[F_LCBPP] = FD(NULL, "image-gif.local.color_bpp", "Bits per colour "
	    "minus 1", 1, 3, ST_FMT_DEC),
	[F_LORDER] = FD(NULL, "image-gif.local.color_map.ordered", "Local "
	    "colour map ordered", 4, 1, ST_FMT_DEC),
	/* Wireshark shows an image's bits per pixel under the global name */
	[F_LBPP] = FD(NULL, "image-gif.global.bpp", "Bits per pixel minus 1",
	    5, 3, ST_FMT_DEC),
	[F_LMAP] = FD(NULL, "image-gif.local.color_map", "Local colour map",
	    0, 0, ST_FMT_BYTES),
	[F_CODESIZE] = FD(NULL, "image-gif.image.code_size", "LZW minimum code "
	    "size", 0, 8, ST_FMT_DEC),
	[F_END] = FD(NULL, "image-gif.end", "Trailer", 0, 8, ST_FMT_HEX),
};

/* A little-endian 16-bit row f at byte off. */
static void
le16(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_field *fl = st_dbytes(d, c, &gif_fields[f], off, 2);

	if (fl != NULL)
		fl->val = st_peek_bits(c, off * 8, 8) |
		    st_peek_bits(c, off * 8 + 8, 8) << 8;
}

/* Row f (of 8 bits or bits from a flags byte) at byte off. */
static void
at(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;

	if (st_cur_skip(&t, off))
		st_dfield(d, &t, &gif_fields[f]);
}

/* The data blocks from *pos (left bytes in all): 0 when one is not wholly
 * here (the image ends there, as tshark's reading does). */
static int
blocks(struct st_dctx *d, struct st_cur *c, size_t *pos, size_t left,
    unsigned *budget)
{
	size_t n;

	do {
		if (*pos >= left || (*budget)-- == 0)
			return 0;
		n = (size_t)st_peek_bits(c, *pos * 8, 8);
		if (n > left - *pos - 1)
			return 0;
		st_dbytes(d, c, &gif_fields[F_BLOCK], *pos + 1, n);
		*pos += 1 + n;
	} while (n > 0);
	return 1;
}

static int
gif_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos, n;
	struct st_cur t = *c;
	const uint8_t *p = st_get_bytes(&t, 6);
	unsigned flags, budget = GIF_BLOCKS, b;
	int v89;

	if (left < 13 || p == NULL)
		return ST_ETRUNC;
	if (memcmp(p, "GIF87a", 6) != 0 && memcmp(p, "GIF89a", 6) != 0)
		return st_dmalformed(d, "not a GIF signature");
	v89 = p[4] == '9';
	d->hdr = left;
	st_dtext(d, c, &gif_fields[F_VERSION], 0, 6, p[4] == '9' ? "GIF89a" :
	    "GIF87a");
	le16(d, c, F_SWIDTH, 6);
	le16(d, c, F_SHEIGHT, 8);
	flags = (unsigned)st_peek_bits(c, 80, 8);
	at(d, c, F_GPRESENT, 10);
	at(d, c, F_GCBPP, 10);
	if (v89)
		at(d, c, F_GORDER, 10);
	at(d, c, F_GBPP, 10);
	st_dfield(d, c, &gif_fields[F_BG]);
	if (v89 && st_peek_bits(c, 96, 8) != 0)
		st_dfield(d, c, &gif_fields[F_ASPECT]);
	pos = 13;
	if (flags & 0x80) {
		n = 3u << ((flags & 7) + 1);
		if (n > left - pos)
			return ST_OK;	/* tshark: the map is not all here */
		st_dbytes(d, c, &gif_fields[F_GMAP], pos, n);
		pos += n;
	}
	while (pos < left && budget-- > 0) {
		b = (unsigned)st_peek_bits(c, pos * 8, 8);
		if (b == 0x21) {		/* an extension */
			if (left - pos < 2)
				return ST_OK;
			at(d, c, F_EXTLABEL, pos + 1);
			pos += 2;
			if (!blocks(d, c, &pos, left, &budget))
				return ST_OK;
		} else if (b == 0x2c) {		/* an image */
			if (left - pos < 11)
				return ST_OK;
			le16(d, c, F_LEFT, pos + 1);
			le16(d, c, F_TOP, pos + 3);
			le16(d, c, F_IWIDTH, pos + 5);
			le16(d, c, F_IHEIGHT, pos + 7);
			flags = (unsigned)st_peek_bits(c, (pos + 9) * 8, 8);
			at(d, c, F_LPRESENT, pos + 9);
			at(d, c, F_LCBPP, pos + 9);
			if (v89)
				at(d, c, F_LORDER, pos + 9);
			at(d, c, F_LBPP, pos + 9);
			pos += 10;
			if (flags & 0x80) {
				n = 3u << ((flags & 7) + 1);
				if (n > left - pos)
					return ST_OK;
				st_dbytes(d, c, &gif_fields[F_LMAP], pos, n);
				pos += n;
			}
			if (pos >= left)
				return ST_OK;
			at(d, c, F_CODESIZE, pos);
			pos++;
			if (!blocks(d, c, &pos, left, &budget))
				return ST_OK;
		} else if (b == 0x3b) {		/* the trailer */
			at(d, c, F_END, pos);
			return ST_OK;
		} else
			pos++;		/* tshark: an unknown block type */
	}
	return ST_OK;
}

/* "gif GIF89a 32x32". */
static int
gif_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NGIF];

	st_ly_fields(s->pkt, ly, gif_fields, F_NGIF, f);
	st_out_puts(s->o, "gif");
	if (f[F_VERSION] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_VERSION]);
	}
	if (f[F_SWIDTH] != NULL && f[F_SHEIGHT] != NULL)
		st_out_printf(s->o, " %llux%llu",
		    (unsigned long long)f[F_SWIDTH]->val,
		    (unsigned long long)f[F_SHEIGHT]->val);
	return 1;
}

static const struct st_field_desc *const gif_keys[] = {
	&gif_fields[F_VERSION], &gif_fields[F_SWIDTH], &gif_fields[F_SHEIGHT],
	NULL,
};

const struct st_proto st_proto_gif = {
	.name = "image-gif",
	.ws = "image-gif",
	.title = "GIF image",
	.rfc = "GIF89a specification",
	.role = ST_ROLE_APP,
	.fields = gif_fields,
	.nfields = F_NGIF,
	.decode = gif_decode,
	.summary = gif_summary,
	.keys = gif_keys,
	.color = "\033[35m",
	.explain = "A GIF image, as a web server sends one: the version, the "
	    "screen's size and colour settings, the colour table, then "
	    "extensions and images made of counted data blocks, and the "
	    "trailer byte ';'.",
};
