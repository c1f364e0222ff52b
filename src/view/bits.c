/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The bits view: each header drawn as the RFCs draw it, 32 bits a row
 * under a 0..31 ruler, each field in its box with its name and the
 * packet's actual value.  Options and variable parts are drawn too; a
 * field that holds smaller ones (ip.flags) gives way to them.
 *
 *     0                   1                   2                   3
 *     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    |version|hdr_len|   dscp    |ecn|              len              |
 *    |   4   |  20   |     0     | 0 |              84               |
 */
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"

#define ROWBITS	32
#define MAXBOX	256

const char *
st_short_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL ? dot + 1 : name;
}

static void
ruler(struct st_out *o, unsigned indent)
{
	unsigned i;

	st_out_pad(o, 0, indent);
	st_out_puts(o, " 0                   1                   2           "
	    "        3\n");
	st_out_pad(o, 0, indent);
	for (i = 0; i < ROWBITS; i++)
		st_out_printf(o, " %u", i % 10);
	st_out_putc(o, '\n');
}

static void
border(struct st_out *o, uint32_t nbits, unsigned indent)
{
	uint32_t i;

	st_out_pad(o, 0, indent);
	for (i = 0; i < nbits; i++)
		st_out_puts(o, "+-");
	st_out_puts(o, "+\n");
}

/* Columns text takes on a terminal: UTF-8 characters, not bytes ("×"). */
static size_t
cols(const char *text)
{
	size_t n = 0;

	for (; *text != '\0'; text++)
		if (((unsigned char)*text & 0xc0) != 0x80)
			n++;
	return n;
}

/* Writes text centred in w columns, cut to fit (at a character). */
static void
centred(struct st_out *o, const char *text, size_t w)
{
	size_t n = cols(text), l, b, c;

	if (n > w)
		n = w;
	for (b = 0, c = 0; text[b] != '\0'; b++)
		if (((unsigned char)text[b] & 0xc0) != 0x80 && c++ == n)
			break;
	l = (w - n) / 2;
	st_out_pad(o, 0, l);
	st_out_write(o, text, b);
	st_out_pad(o, l + n, w);
}

/*
 * What a box's value line says: the value with its note when both fit in
 * w columns ("185 (×8 = 1480)", else "5 ×4=20"), else the value alone;
 * into buf (n bytes).  Returns 1 when the note is in it.
 */
static int
value_text(const struct st_box *b, size_t w, char *buf, size_t n)
{
	char tight[48];
	size_t i, j;

	snprintf(buf, n, "%s", b->value);
	if (b->note[0] == '\0')
		return 1;
	snprintf(buf, n, "%s (%s)", b->value, b->note);
	if (cols(buf) <= w)
		return 1;
	for (i = j = 0; b->note[i] != '\0' && j + 1 < sizeof(tight); i++)
		if (!(b->note[i] == ' ' && (b->note[i + 1] == '=' ||
		    (i > 0 && b->note[i - 1] == '='))))
			tight[j++] = b->note[i];
	tight[j] = '\0';
	snprintf(buf, n, "%s %s", b->value, tight);
	if (cols(buf) <= w)
		return 1;
	snprintf(buf, n, "%s", b->value);
	return 0;
}

/* The columns of a box's text in its first row. */
static size_t
box_width(const struct st_box *b)
{
	uint32_t first = b->bitoff % ROWBITS;
	uint32_t w = b->bits < ROWBITS - first ? b->bits : ROWBITS - first;

	return 2 * w - 1;
}

/* The box covering bit pos, or -1; *next is where the next box starts. */
static long
box_at(const struct st_box *b, size_t n, uint32_t pos, uint32_t *next)
{
	size_t i;

	*next = UINT32_MAX;
	for (i = 0; i < n; i++) {
		if (b[i].bitoff <= pos && pos < b[i].bitoff + b[i].bits)
			return (long)i;
		if (b[i].bitoff > pos && b[i].bitoff < *next)
			*next = b[i].bitoff;
	}
	return -1;
}

/*
 * The line between the row starting at bit `above` and the next one (w bits
 * wide): where one field runs on from the row above into the row below, no
 * line, as the RFCs draw a 128-bit address as one box four rows tall.
 */
static void
between(struct st_out *o, const struct st_box *b, size_t n, uint32_t above,
    uint32_t w, unsigned indent)
{
	uint32_t c, next;
	long prev = -2, cur;

	st_out_pad(o, 0, indent);
	for (c = 0; c < w; c++) {
		cur = box_at(b, n, above + c, &next);
		if (cur < 0 || box_at(b, n, above + ROWBITS + c, &next) != cur)
			cur = -1;
		st_out_putc(o, c == 0 || cur < 0 || cur != prev ? '+' : ' ');
		st_out_putc(o, cur < 0 ? '-' : ' ');
		prev = cur;
	}
	st_out_puts(o, "+\n");
}

/*
 * Where a box writes its name and value: its first bit, or, for a field
 * several rows tall, the start of its middle row (as RFC 8200 draws an
 * address).
 */
static uint32_t
text_at(const struct st_box *b)
{
	if (b->bitoff % ROWBITS != 0 || b->bits < 2 * ROWBITS)
		return b->bitoff;
	return b->bitoff + ROWBITS * ((b->bits / ROWBITS - 1) / 2);
}

/* One line of a row: each segment's label (value = 0) or value. */
static void
row_line(struct st_out *o, const struct st_box *b, size_t n, uint32_t r0,
    uint32_t r1, int value, const char *letters, unsigned indent,
    const char *color, const char *off)
{
	uint32_t pos, e, next;
	char tag[2] = { 0, 0 }, text[112];
	long i;

	st_out_pad(o, 0, indent);
	st_out_puts(o, color);
	for (pos = r0; pos < r1; pos = e) {
		i = box_at(b, n, pos, &next);
		st_out_putc(o, '|');
		if (i < 0) {		/* bits no field holds */
			e = next < r1 ? next : r1;
			st_out_pad(o, 0, 2 * (e - pos) - 1);
			continue;
		}
		e = b[i].bitoff + b[i].bits < r1 ? b[i].bitoff + b[i].bits : r1;
		tag[0] = letters[i];
		if (value)
			value_text(&b[i], 2 * (e - pos) - 1, text, sizeof(text));
		if (pos != text_at(&b[i]))	/* the rest of a tall box */
			centred(o, "", 2 * (e - pos) - 1);
		else if (value)		/* a flag's 0 or 1 fits its box */
			centred(o, cols(text) <= 2 * (e - pos) - 1 ? text : "",
			    2 * (e - pos) - 1);
		else
			centred(o, tag[0] != '\0' ? tag : b[i].label,
			    2 * (e - pos) - 1);
	}
	st_out_putc(o, '|');
	st_out_puts(o, off);
	st_out_putc(o, '\n');
}

/*
 * Under the drawing: each lettered box, and each box whose value or
 * meaning did not fit in it: "a: df = 1", "hdr_len = 5 (×4 = 20)".
 */
static void
legend(struct st_out *o, const struct st_box *b, size_t n,
    const char *letters, unsigned indent)
{
	char text[112];
	size_t i;
	int whole;

	for (i = 0; i < n; i++) {
		whole = value_text(&b[i], box_width(&b[i]), text, sizeof(text));
		if (letters[i] == '\0' && whole &&
		    cols(text) <= box_width(&b[i]))
			continue;
		st_out_pad(o, 0, indent);
		st_out_puts(o, "  ");
		if (letters[i] != '\0')
			st_out_printf(o, "%c: ", letters[i]);
		st_out_puts(o, b[i].label);
		if (b[i].value[0] != '\0') {
			st_out_printf(o, " = %s", b[i].value);
			if (b[i].note[0] != '\0')
				st_out_printf(o, " (%s)", b[i].note);
		}
		st_out_putc(o, '\n');
	}
}

void
st_bits_draw(struct st_out *o, const struct st_box *b, size_t n,
    uint32_t nbits, unsigned indent, const char *color, const char *off)
{
	char letters[MAXBOX];
	uint32_t r0, r1, lines;
	size_t i, nl = 0;

	if (n > MAXBOX)
		n = MAXBOX;
	/* Boxes too narrow for their name are lettered, explained below
	 * with their value; a value too wide is only there. */
	for (i = 0; i < n; i++) {
		letters[i] = '\0';
		if (cols(b[i].label) > box_width(&b[i]))
			letters[i] = (char)('a' + nl++ % 26);
	}
	ruler(o, indent);
	for (r0 = 0; r0 < nbits; r0 += ROWBITS) {
		r1 = r0 + ROWBITS < nbits ? r0 + ROWBITS : nbits;
		if (r0 == 0)
			border(o, r1 - r0, indent);
		else
			between(o, b, n, r0 - ROWBITS, r1 - r0, indent);
		lines = 0;
		for (i = 0; i < n; i++)
			if (b[i].value[0] != '\0')
				lines = 1;
		row_line(o, b, n, r0, r1, 0, letters, indent, color, off);
		if (lines)
			row_line(o, b, n, r0, r1, 1, letters, indent, color,
			    off);
	}
	border(o, nbits % ROWBITS != 0 ? nbits % ROWBITS : (nbits ? ROWBITS :
	    0), indent);
	legend(o, b, n, letters, indent);
}

/*
 * Whether a holds b as Wireshark's names say: ip.flags holds ip.flags.df
 * (b's name continues a's, and its bits lie inside a's).
 */
static int
contains(const struct st_box *a, const struct st_box *b)
{
	size_t n;

	if (a->desc == NULL || b->desc == NULL)
		return 0;
	n = strlen(a->desc->name);
	return strncmp(a->desc->name, b->desc->name, n) == 0 &&
	    b->desc->name[n] == '.' && b->bitoff >= a->bitoff &&
	    b->bitoff + b->bits <= a->bitoff + a->bits;
}

static int overlaps(const struct st_box *a, const struct st_box *b);

/*
 * Whether every bit of in[i] lies in a narrower field of in[0..n) (or, for
 * bytes, one as wide that follows it: an option whole and its kind): then
 * it only gathers them (a list of options, a flags byte) and they are
 * drawn instead.
 */
static int
gathers(const struct st_box *in, size_t n, size_t i)
{
	uint32_t b;
	size_t j;
	int hit;

	if (in[i].bits > 512 || in[i].desc == NULL ||
	    in[i].desc->fmt != ST_FMT_BYTES)
		return 0;
	for (b = in[i].bitoff; b < in[i].bitoff + in[i].bits; b++) {
		for (hit = 0, j = 0; j < n && !hit; j++)
			hit = j != i && (in[j].bits < in[i].bits ||
			    (j > i && in[j].bits == in[i].bits)) &&
			    b >= in[j].bitoff && b < in[j].bitoff + in[j].bits;
		if (!hit)
			return 0;
	}
	return 1;
}

/*
 * Whether the parts of in[i] that in[0..n) holds lie side by side: then
 * they are drawn (ip.flags as rb, df, mf; DNS's flags bit by bit); when
 * one part holds another (eth.dst's OUI holds its LG and IG bits), the
 * whole field is, and the parts go to the legend.
 */
static int
parts_apart(const struct st_box *in, size_t n, size_t i)
{
	size_t j, k;

	for (j = 0; j < n; j++) {
		if (j == i || !contains(&in[i], &in[j]))
			continue;
		for (k = j + 1; k < n; k++)
			if (k != i && contains(&in[i], &in[k]) &&
			    overlaps(&in[j], &in[k]))
				return 0;
	}
	return 1;
}

static int
overlaps(const struct st_box *a, const struct st_box *b)
{
	return a->bitoff < b->bitoff + b->bits && b->bitoff < a->bitoff +
	    a->bits;
}

static int
by_offset(const void *x, const void *y)
{
	const struct st_box *a = x, *b = y;

	return a->bitoff < b->bitoff ? -1 : a->bitoff > b->bitoff;
}

size_t
st_boxes_pick(struct st_box *in, size_t n, struct st_box *out,
    struct st_box *alt, size_t *nalt)
{
	size_t i, j, k = 0, na = 0;
	int parent, clash;

	for (i = 0; i < n; i++) {
		if (gathers(in, n, i))
			continue;
		parent = 0;
		for (j = 0; j < n && !parent; j++)
			if (j != i && contains(&in[i], &in[j]))
				parent = 1;
		if (parent && parts_apart(in, n, i))
			continue;
		clash = 0;
		for (j = 0; j < k && !clash; j++)
			if (overlaps(&out[j], &in[i]))
				clash = 1;
		if (!clash)
			out[k++] = in[i];
		else if (alt != NULL)
			alt[na++] = in[i];
	}
	if (nalt != NULL)
		*nalt = na;
	qsort(out, k, sizeof(out[0]), by_offset);
	return k;
}

/*
 * A box's value and note: what the bits hold and what that means.  A field
 * in units holds the wire value, its note the product ("5", "×4 = 20"); a
 * named value its name ("6", "TCP").
 */
static void
box_value(struct st_box *b, const struct st_packet *pkt,
    const struct st_field *f, struct st_out *tmp)
{
	const char *m;

	b->note[0] = '\0';
	if (f->desc->shift > 0 && f->desc->fmt == ST_FMT_DEC) {
		snprintf(b->value, sizeof(b->value), "%llu",
		    (unsigned long long)(f->val >> f->desc->shift));
		snprintf(b->note, sizeof(b->note), "\xc3\x97%u = %llu",
		    1u << f->desc->shift, (unsigned long long)f->val);
		return;
	}
	/* The value, formatted by the shared formatter. */
	tmp->fp = NULL;
	tmp->n = 0;
	tmp->err = 0;
	st_fmt_value(tmp, pkt, f, 12);
	if (tmp->n >= sizeof(b->value))
		tmp->n = sizeof(b->value) - 1;
	memcpy(b->value, tmp->buf, tmp->n);
	b->value[tmp->n] = '\0';
	if (f->desc->fmt != ST_FMT_ENUM && f->desc->fmt != ST_FMT_TEXT &&
	    (m = st_field_meaning(f)) != NULL)
		snprintf(b->note, sizeof(b->note), "%s", m);
}

static void
bits_layer(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, struct st_vctx *v)
{
	static struct st_box in[MAXBOX], boxes[MAXBOX];
	const struct st_field *f;
	unsigned indent = 2 + ly->depth * 4, j;
	uint32_t base = ly->off * 8, nbits = ly->hdr_len * 8;
	size_t n = 0, k;
	static struct st_out tmp;

	st_out_pad(o, 0, indent - 2);
	st_out_printf(o, "%s%s%s: %s%s (%s), %u-byte header at offset %u%s\n",
	    st_pcolor(v, ly->proto), ly->proto->name, st_color_off(v),
	    ly->depth > 0 ? "quoted " : "", ly->proto->title,
	    ly->proto->rfc != NULL ? ly->proto->rfc : "", ly->hdr_len, ly->off,
	    ly->status == ST_LS_TRUNCATED ? " [truncated]" :
	    ly->status == ST_LS_MALFORMED ? " [malformed]" :
	    ly->status == ST_LS_PARTIAL ? " [partial: quoted]" : "");
	for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields &&
	    n < MAXBOX; j++) {
		f = &pkt->fields[j];
		if (f->bits == 0 || f->bitoff < base || f->bitoff + f->bits >
		    base + nbits)
			continue;
		in[n].bitoff = f->bitoff - base;
		in[n].bits = f->bits;
		in[n].label = st_short_name(f->desc->name);
		in[n].desc = f->desc;
		box_value(&in[n], pkt, f, &tmp);
		n++;
	}
	k = st_boxes_pick(in, n, boxes, NULL, NULL);
	if (nbits > 0 && k > 0)
		st_bits_draw(o, boxes, k, nbits, indent, "", "");
	st_out_putc(o, '\n');
}

static void
bits_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	const struct st_layer *ly;
	unsigned i;

	st_out_printf(o, "Frame %llu: %u bytes\n", (unsigned long long)pkt->num,
	    pkt->caplen);
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->proto->role == ST_ROLE_DATA ||
		    ly->proto->role == ST_ROLE_TRAILER) {
			st_out_pad(o, 0, ly->depth * 4);
			st_out_printf(o, "%s%s%s: %u bytes at offset %u\n\n",
			    st_pcolor(v, ly->proto), ly->proto->name,
			    st_color_off(v), ly->len, ly->off);
			continue;
		}
		bits_layer(o, pkt, ly, v);
	}
}

const struct st_view st_view_bits = {
	"bits", "each header drawn as in the RFCs, with the packet's values",
	bits_packet
};
