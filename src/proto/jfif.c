/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * JPEG images (ITU-T T.81 Annex B, JFIF 1.02) in bodies of type image/jpeg,
 * as tshark's image-jfif shows them: the markers in order, each segment
 * with its marker and length.
 *
 *   FF D8                                  SOI
 *   FF Ex  length  identifier\0  data      APPn (APP0 "JFIF": version,
 *                                          units, densities, thumbnail)
 *   FF FE  length  text                    COM
 *   FF Cx  length  P Y X Nf {C H|V Tq}     SOFn (a frame's size and
 *                                          components)
 *   FF DA  length  Ns {Cs Td|Ta} Ss Se Ah|Al, then the entropy-coded
 *                                          data up to the next marker
 *   FF xx  length  data                    DQT, DHT, DRI ... (bytes)
 *   FF D9                                  EOI
 *
 * Exif's APP1 is shown as its identifier and bytes (tshark reads its IFDs).
 * The segments are bounded (JFIF_SEGS), each by its length.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define JFIF_SEGS	256	/* segments read from one image */

enum {
	J_MARKER, J_SEG, J_LEN, J_IDENT, J_VER, J_VMAJ, J_VMIN, J_UNITS, J_XD,
	J_YD, J_XT, J_YT, J_RGB, J_EXT, J_SOF, J_PREC, J_LINES, J_SPL, J_NF,
	J_CI, J_HI, J_VI, J_TQ, J_SOS, J_NS, J_CS, J_TD, J_TA, J_SS, J_SE, J_AH,
	J_AL, J_COMH, J_COM, J_REMAIN, J_ECS, J_NJFIF
};

static const struct st_valname marker_names[] = {
	{ 0xffd8, "Start of Image" }, { 0xffd9, "End of Image" },
	{ 0xffe0, "APP0" }, { 0xffe1, "APP1" }, { 0xffe2, "APP2" },
	{ 0xffdb, "Define quantization table(s)" },
	{ 0xffc4, "Define Huffman table(s)" },
	{ 0xffc0, "Start of Frame (baseline DCT)" },
	{ 0xffc2, "Start of Frame (progressive DCT)" },
	{ 0xffda, "Start of Scan" }, { 0xfffe, "Comment" },
	{ 0xffdd, "Define restart interval" }, { 0, NULL }
};

static const struct st_valname units_names[] = {
	{ 0, "No units; X and Y specify the pixel aspect ratio" },
	{ 1, "X and Y are dots per inch" }, { 2, "X and Y are dots per cm" },
	{ 0, NULL }
};

static const struct st_field_desc jfif_fields[] = {
	[J_MARKER] = FDN(NULL, "image-jfif.marker", "Marker", 0, 16,
	    ST_FMT_HEX, marker_names),
	[J_SEG] = FD(NULL, "image-jfif.marker_segment", "Marker segment", 0,
	    0, ST_FMT_BYTES),
	[J_LEN] = FD(NULL, "image-jfif.length", "Length", 0, 16, ST_FMT_DEC),
	[J_IDENT] = FD(NULL, "image-jfif.identifier", "Identifier", 0, 0,
	    ST_FMT_TEXT),
	[J_VER] = FD(NULL, "image-jfif.version", "Version", 0, 16,
	    ST_FMT_BYTES),
	[J_VMAJ] = FD(NULL, "image-jfif.version.major", "Major version", 0, 8,
	    ST_FMT_DEC),
	[J_VMIN] = FD(NULL, "image-jfif.version.minor", "Minor version", 0, 8,
	    ST_FMT_DEC),
	[J_UNITS] = FDN(NULL, "image-jfif.units", "Units", 0, 8, ST_FMT_DEC,
	    units_names),
	[J_XD] = FD(NULL, "image-jfif.Xdensity", "X density", 0, 16,
	    ST_FMT_DEC),
	[J_YD] = FD(NULL, "image-jfif.Ydensity", "Y density", 0, 16,
	    ST_FMT_DEC),
	[J_XT] = FD(NULL, "image-jfif.Xthumbnail", "Thumbnail width", 0, 8,
	    ST_FMT_DEC),
	[J_YT] = FD(NULL, "image-jfif.Ythumbnail", "Thumbnail height", 0, 8,
	    ST_FMT_DEC),
	[J_RGB] = FD(NULL, "image-jfif.RGB", "Thumbnail pixels (RGB)", 0, 0,
	    ST_FMT_BYTES),
	[J_EXT] = FD(NULL, "image-jfif.extension.code", "Extension code", 0,
	    8, ST_FMT_HEX),
	[J_SOF] = FD(NULL, "image-jfif.sof", "Start of frame", 0, 0,
	    ST_FMT_BYTES),
	[J_PREC] = FD(NULL, "image-jfif.sof.precision", "Sample precision "
	    "(bits)", 0, 8, ST_FMT_DEC),
	[J_LINES] = FD(NULL, "image-jfif.sof.lines", "Lines", 0, 16,
	    ST_FMT_DEC),
	[J_SPL] = FD(NULL, "image-jfif.sof.samples_per_line", "Samples per "
	    "line", 0, 16, ST_FMT_DEC),
	[J_NF] = FD(NULL, "image-jfif.sof.nf", "Components", 0, 8, ST_FMT_DEC),
	[J_CI] = FD(NULL, "image-jfif.sof.c_i", "Component", 0, 8, ST_FMT_DEC),
	[J_HI] = FD(NULL, "image-jfif.sof.h_i", "Horizontal sampling factor",
	    0, 4, ST_FMT_DEC),
	[J_VI] = FD(NULL, "image-jfif.sof.v_i", "Vertical sampling factor", 4,
	    4, ST_FMT_DEC),
	[J_TQ] = FD(NULL, "image-jfif.sof.tq_i", "Quantization table", 0, 8,
	    ST_FMT_DEC),
	[J_SOS] = FD(NULL, "image-jfif.header.sos", "Start of scan", 0, 0,
	    ST_FMT_BYTES),
	[J_NS] = FD(NULL, "image-jfif.sos.ns", "Components in scan", 0, 8,
	    ST_FMT_DEC),
	[J_CS] = FD(NULL, "image-jfif.sos.component_selector", "Component", 0,
	    8, ST_FMT_DEC),
	[J_TD] = FD(NULL, "image-jfif.sos.dc_entropy_selector", "DC table", 0,
	    4, ST_FMT_DEC),
	[J_TA] = FD(NULL, "image-jfif.sos.ac_entropy_selector", "AC table", 4,
	    4, ST_FMT_DEC),
	[J_SS] = FD(NULL, "image-jfif.sos.ss", "Spectral selection start", 0,
	    8, ST_FMT_DEC),
	[J_SE] = FD(NULL, "image-jfif.sos.se", "Spectral selection end", 0, 8,
	    ST_FMT_DEC),
	[J_AH] = FD(NULL, "image-jfif.sos.ah", "Approximation high", 0, 4,
	    ST_FMT_DEC),
	[J_AL] = FD(NULL, "image-jfif.sos.al", "Approximation low", 4, 4,
	    ST_FMT_DEC),
	[J_COMH] = FD(NULL, "image-jfif.header.comment", "Comment segment", 0,
	    0, ST_FMT_BYTES),
	[J_COM] = FD(NULL, "image-jfif.comment", "Comment", 0, 0, ST_FMT_TEXT),
	[J_REMAIN] = FD(NULL, "image-jfif.remain_seg_data", "Segment data", 0,
	    0, ST_FMT_BYTES),
	[J_ECS] = FD(NULL, "image-jfif.entropy_coded_segment", "Entropy-coded "
	    "data", 0, 0, ST_FMT_BYTES),
};

#define F(i)	(&jfif_fields[(i)])

/* One image being read: its bytes (those captured). */
struct jr {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n;
};

/* Row i at byte off of the image. */
static void
put(struct jr *j, unsigned i, size_t off)
{
	struct st_cur t = *j->c;

	if (st_cur_skip(&t, off))
		st_dfield(j->d, &t, F(i));
}

/* Text row i over [off, off + n) (to the first NUL, as tshark's). */
static void
text(struct jr *j, unsigned i, size_t off, size_t n)
{
	char buf[256 * 4 + 4];

	if (off > j->n)
		return;
	st_escape_ascii(j->p + off, n < 256 ? n : 256, buf, sizeof(buf));
	st_dtext(j->d, j->c, F(i), off, n, buf);
}

/* An APPn segment's data at [b, e): its identifier, APP0's JFIF header. */
static void
app(struct jr *j, unsigned m, size_t b, size_t e)
{
	size_t z, k, r;

	for (z = b; z < e && z < j->n && j->p[z] != 0; z++)
		;
	if (z >= e || z >= j->n) {
		if (e > b)
			st_dbytes(j->d, j->c, F(J_REMAIN), b, e - b);
		return;
	}
	text(j, J_IDENT, b, z + 1 - b);
	k = z + 1;
	if (m == 0xe0 && z - b == 4 && memcmp(j->p + b, "JFIF", 4) == 0 &&
	    e >= k + 9) {
		st_dbytes(j->d, j->c, F(J_VER), k, 2);
		put(j, J_VMAJ, k);
		put(j, J_VMIN, k + 1);
		put(j, J_UNITS, k + 2);
		put(j, J_XD, k + 3);
		put(j, J_YD, k + 5);
		put(j, J_XT, k + 7);
		put(j, J_YT, k + 8);
		r = k + 9;
		if (r < e)
			st_dbytes(j->d, j->c, F(J_RGB), r, e - r);
		return;
	}
	if (m == 0xe0 && z - b == 4 && memcmp(j->p + b, "JFXX", 4) == 0 &&
	    e > k) {
		put(j, J_EXT, k);
		k++;
	}
	if (k < e)
		st_dbytes(j->d, j->c, F(J_REMAIN), k, e - k);
}

/* A frame header's data at b (n bytes). */
static void
sof(struct jr *j, size_t b, size_t n)
{
	unsigned nf, k;

	put(j, J_PREC, b);
	put(j, J_LINES, b + 1);
	put(j, J_SPL, b + 3);
	put(j, J_NF, b + 5);
	nf = b + 5 < j->n ? j->p[b + 5] : 0;
	for (k = 0; k < nf && 6 + 3 * (size_t)k + 3 <= n; k++) {
		put(j, J_CI, b + 6 + 3 * k);
		put(j, J_HI, b + 7 + 3 * k);
		put(j, J_VI, b + 7 + 3 * k);
		put(j, J_TQ, b + 8 + 3 * k);
	}
}

/* A scan header's data at b (n bytes). */
static void
sos(struct jr *j, size_t b, size_t n)
{
	unsigned ns, k;
	size_t r;

	put(j, J_NS, b);
	ns = b < j->n ? j->p[b] : 0;
	for (k = 0; k < ns && 1 + 2 * (size_t)k + 2 <= n; k++) {
		put(j, J_CS, b + 1 + 2 * k);
		put(j, J_TD, b + 2 + 2 * k);
		put(j, J_TA, b + 2 + 2 * k);
	}
	r = b + 1 + 2 * (size_t)ns;
	put(j, J_SS, r);
	put(j, J_SE, r + 1);
	put(j, J_AH, r + 2);
	put(j, J_AL, r + 2);
}

/* The entropy-coded data at off, up to a marker (FF then anything but
 * 00, a stuffed byte; a restart marker D0-D7 too, shown between two runs
 * as tshark shows it); returns past it. */
static size_t
entropy(struct jr *j, size_t off)
{
	size_t e;

	for (e = off; e < j->n; e++)
		if (j->p[e] == 0xff && e + 1 < j->n && j->p[e + 1] != 0)
			break;
	if (e > off)
		st_dbytes(j->d, j->c, F(J_ECS), off, e - off);
	return e;
}

static int
jfif_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t = *c;
	struct jr j = { d, c, NULL, st_cur_left(c) };
	size_t pos = 2, len, end, e;
	unsigned m, i, row;
	int scan = 0;		/* in a scan's data: restart markers */

	d->hdr = j.n;
	d->plen = 0;
	if (j.n < 2 || (j.p = st_get_bytes(&t, j.n)) == NULL)
		return ST_ETRUNC;
	if (j.p[0] != 0xff || j.p[1] != 0xd8)
		return st_dmalformed(d, "no Start of Image marker");
	put(&j, J_MARKER, 0);
	for (i = 0; i < JFIF_SEGS && pos < j.n; i++) {
		if (j.n - pos < 2)
			return ST_ETRUNC;
		if (j.p[pos] != 0xff)
			return st_dmalformed(d, "no marker at byte %zu", pos);
		m = j.p[pos + 1];
		if (m == 0xff) {		/* a fill byte */
			pos++;
			continue;
		}
		if (m == 0xd8 || m == 0xd9 || m == 0x01 ||
		    (m >= 0xd0 && m <= 0xd7)) {	/* markers alone */
			put(&j, J_MARKER, pos);
			pos += 2;
			if (m == 0xd9)
				break;
			if (scan && m >= 0xd0 && m <= 0xd7)
				pos = entropy(&j, pos);
			continue;
		}
		if (j.n - pos < 4) {
			put(&j, J_MARKER, pos);
			return ST_ETRUNC;
		}
		len = (size_t)j.p[pos + 2] << 8 | j.p[pos + 3];
		if (len < 2)
			return st_dmalformed(d, "a segment length of %zu", len);
		end = pos + 2 + len;
		row = m == 0xda ? J_SOS : m == 0xfe ? J_COMH : m >= 0xc0 &&
		    m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc ? J_SOF :
		    J_SEG;
		st_dbytes(d, c, F(row), pos, (end < j.n ? end : j.n) - pos);
		put(&j, J_MARKER, pos);
		put(&j, J_LEN, pos + 2);
		e = end < j.n ? end : j.n;
		if (m >= 0xe0 && m <= 0xef)
			app(&j, m, pos + 4, e);
		else if (row == J_SOF)
			sof(&j, pos + 4, e - pos - 4);
		else if (row == J_SOS)
			sos(&j, pos + 4, e - pos - 4);
		else if (row == J_COMH)
			text(&j, J_COM, pos + 4, e - pos - 4);
		else if (e > pos + 4)
			st_dbytes(d, c, F(J_REMAIN), pos + 4, e - pos - 4);
		if (end > j.n)
			return ST_ETRUNC;
		pos = end;
		if ((scan = row == J_SOS))
			pos = entropy(&j, pos);
	}
	return ST_OK;
}

/* "image-jfif 32x16, 3 components" */
static int
jfif_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[J_NJFIF];

	st_ly_fields(s->pkt, ly, jfif_fields, J_NJFIF, f);
	st_out_puts(s->o, "image-jfif");
	if (f[J_LINES] != NULL && f[J_SPL] != NULL)
		st_out_printf(s->o, " %llux%llu",
		    (unsigned long long)f[J_SPL]->val,
		    (unsigned long long)f[J_LINES]->val);
	if (f[J_NF] != NULL)
		st_out_printf(s->o, ", %llu component%s",
		    (unsigned long long)f[J_NF]->val,
		    f[J_NF]->val == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const jfif_keys[] = {
	F(J_MARKER), F(J_LEN), F(J_LINES), F(J_SPL), NULL,
};

const struct st_proto st_proto_jfif = {
	.name = "image-jfif",
	.ws = "image-jfif",
	.title = "JPEG File Interchange Format",
	.rfc = "ITU-T T.81, JFIF 1.02",
	.role = ST_ROLE_APP,
	.fields = jfif_fields,
	.nfields = J_NJFIF,
	.decode = jfif_decode,
	.summary = jfif_summary,
	.keys = jfif_keys,
	.explain = "A JPEG image as a web server sends it (image/jpeg): a "
	    "sequence of segments, each starting with a marker byte pair FF "
	    "xx.  Start of Image (FF D8) comes first; APP0 says JFIF and the "
	    "pixel density, other APPn segments carry Exif data, colour "
	    "profiles and the like; DQT and DHT hold the quantization and "
	    "Huffman tables; Start of Frame gives the size in pixels and the "
	    "colour components; Start of Scan is followed by the compressed "
	    "data itself, up to the End of Image (FF D9).  Every segment but "
	    "the lone markers has a 2-byte length that counts itself.",
};
