/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The diagram view: the encapsulation of a packet as nested boxes, the
 * outermost layer outside, each titled with its protocol, header size and
 * key fields, the application data innermost; under it a byte bar to
 * scale whose parts add up to the frame:
 *
 * ┌─ eth · 14-byte header · 00:00:00:00:00:00 → 00:00:00:00:00:00 type 0x0800
 * │ ┌─ ipv4 · 20-byte header · 127.0.0.1 → 127.0.0.1 ttl 64 proto 1 ...
 * ...
 * [eth 14][ipv4 20][icmp 8][data 56 ..........] = 98 bytes
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"

#define WIDTH	100	/* columns, for a classroom projector */

/* Layers that are all message, no header and payload: sized in bytes. */
static int
whole(const struct st_layer *ly)
{
	int r = ly->proto->role;

	return r == ST_ROLE_DATA || r == ST_ROLE_TRAILER || r == ST_ROLE_APP;
}

static void inner_line(struct st_out *o, const struct st_packet *pkt,
    const unsigned *open, unsigned depth, const char *text, size_t n,
    struct st_vctx *v);

/* Box-drawing pieces (UTF-8). */
#define TL	"\xe2\x94\x8c"
#define TR	"\xe2\x94\x90"
#define BL	"\xe2\x94\x94"
#define BR	"\xe2\x94\x98"
#define H	"\xe2\x94\x80"
#define V	"\xe2\x94\x82"

/* Columns a UTF-8 string takes (each code point one column). */
static size_t
cols(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/*
 * The title of layer ly into buf (name, header size, status), and its key
 * fields into facts.
 */
static void
title(const struct st_packet *pkt, const struct st_layer *ly, char *buf,
    size_t n, char *facts, size_t fn)
{
	static struct st_out tmp;
	const struct st_field_desc *const *k;
	const struct st_field *f;
	const char *m;
	size_t i;

	tmp.fp = NULL;
	tmp.n = 0;
	tmp.err = 0;
	st_out_puts(&tmp, ly->proto->name);
	if (whole(ly))
		st_out_printf(&tmp, " \xc2\xb7 %u bytes", ly->len);
	else
		st_out_printf(&tmp, " \xc2\xb7 %u-byte header", ly->hdr_len);
	if (ly->depth > 0 && ly->proto->role != ST_ROLE_DATA)
		st_out_puts(&tmp, " (quoted)");
	if (ly->status == ST_LS_TRUNCATED)
		st_out_puts(&tmp, " [truncated]");
	else if (ly->status == ST_LS_MALFORMED)
		st_out_printf(&tmp, " [malformed: %s]", ly->why);
	i = tmp.n < n - 1 ? tmp.n : n - 1;
	memcpy(buf, tmp.buf, i);
	buf[i] = '\0';
	tmp.n = 0;
	/* By name: a decoder may add a row other than the key's own of
	 * the same name (a variant of the field). */
	for (k = ly->proto->keys; k != NULL && *k != NULL; k++) {
		if ((f = st_pkt_field(pkt, ly, (*k)->name)) == NULL)
			continue;
		st_out_printf(&tmp, "%s%s=", tmp.n > 0 ? " " : "",
		    st_short_name(f->desc->name));
		st_fmt_value(&tmp, pkt, f, 8);
		if ((m = st_field_meaning(f)) != NULL &&
		    f->desc->fmt != ST_FMT_TEXT && f->desc->fmt != ST_FMT_ENUM)
			st_out_printf(&tmp, "(%s)", m);
	}
	i = tmp.n < fn - 1 ? tmp.n : fn - 1;
	memcpy(facts, tmp.buf, i);
	facts[i] = '\0';
}

/* Writes text inside depth boxes, wrapped at spaces to the inner width. */
static void
wrapped(struct st_out *o, const struct st_packet *pkt, const unsigned *open,
    unsigned depth, const char *text, struct st_vctx *v)
{
	size_t inner = WIDTH - 4 * depth - 1, n, cut;

	while (*text != '\0') {
		n = strlen(text);
		cut = n;
		if (cols(text, n) > inner) {
			/* The last space that keeps the line inside. */
			for (cut = 0, n = 0; text[n] != '\0' &&
			    cols(text, n + 1) <= inner; n++)
				if (text[n] == ' ')
					cut = n;
			if (cut == 0)
				cut = n;
		}
		inner_line(o, pkt, open, depth, text, cut, v);
		text += cut;
		while (*text == ' ')
			text++;
	}
}

/* Left rails: one "│ " per enclosing box, coloured as their layers. */
static void
rails(struct st_out *o, const struct st_packet *pkt, const unsigned *open,
    unsigned depth, struct st_vctx *v)
{
	unsigned i;

	for (i = 0; i < depth; i++) {
		st_out_puts(o, st_pcolor(v, pkt->layers[open[i]].proto));
		st_out_puts(o, V " ");
		st_out_puts(o, st_color_off(v));
	}
}

static void
rails_right(struct st_out *o, const struct st_packet *pkt,
    const unsigned *open, unsigned depth, struct st_vctx *v)
{
	unsigned i;

	for (i = depth; i-- > 0;) {
		st_out_puts(o, st_pcolor(v, pkt->layers[open[i]].proto));
		st_out_puts(o, " " V);
		st_out_puts(o, st_color_off(v));
	}
}

/* A line inside depth boxes: rails, text padded to the inner width, rails. */
static void
inner_line(struct st_out *o, const struct st_packet *pkt,
    const unsigned *open, unsigned depth, const char *text, size_t n,
    struct st_vctx *v)
{
	size_t inner = WIDTH - 4 * depth, c;

	rails(o, pkt, open, depth, v);
	c = cols(text, n);
	if (c > inner - 1) {
		n = inner - 4;
		c = cols(text, n);
	}
	st_out_write(o, text, n);
	st_out_pad(o, c, inner);
	rails_right(o, pkt, open, depth, v);
	st_out_putc(o, '\n');
}

/* The top edge of a box at depth: corner, title, rule, corner. */
static void
box_top(struct st_out *o, const struct st_packet *pkt, const unsigned *open,
    unsigned depth, const char *text, struct st_vctx *v)
{
	const char *c = st_pcolor(v, pkt->layers[open[depth]].proto);
	size_t width = WIDTH - 4 * depth - 2, tl = cols(text, strlen(text)),
	    i, n = strlen(text);

	if (tl > width - 4) {
		/* Cut the title at a code point boundary. */
		for (n = 0, tl = 0; text[n] != '\0' && tl < width - 5; n++)
			if (((unsigned char)text[n] & 0xc0) != 0x80)
				tl++;
		while (((unsigned char)text[n] & 0xc0) == 0x80)
			n++;
	}
	rails(o, pkt, open, depth, v);
	st_out_puts(o, c);
	st_out_puts(o, TL H " ");
	st_out_write(o, text, n);
	st_out_putc(o, ' ');
	for (i = tl + 3; i < width; i++)
		st_out_puts(o, H);
	st_out_puts(o, TR);
	st_out_puts(o, st_color_off(v));
	rails_right(o, pkt, open, depth, v);
	st_out_putc(o, '\n');
}

static void
box_bottom(struct st_out *o, const struct st_packet *pkt,
    const unsigned *open, unsigned depth, struct st_vctx *v)
{
	size_t width = WIDTH - 4 * depth - 2, i;

	rails(o, pkt, open, depth, v);
	st_out_puts(o, st_pcolor(v, pkt->layers[open[depth]].proto));
	st_out_puts(o, BL);
	for (i = 0; i < width; i++)
		st_out_puts(o, H);
	st_out_puts(o, BR);
	st_out_puts(o, st_color_off(v));
	rails_right(o, pkt, open, depth, v);
	st_out_putc(o, '\n');
}

/* The data layer's bytes, as printable text (wire bytes escaped). */
static void
data_preview(const struct st_packet *pkt, const struct st_layer *ly,
    char *buf, size_t n)
{
	size_t i, k = 0, len = ly->len;

	buf[k++] = '"';
	for (i = 0; i < len && k + 5 < n; i++) {
		uint8_t c = pkt->data[ly->off + i];

		buf[k++] = c >= 0x20 && c < 0x7f ? (char)c : '.';
	}
	if (i < len && k + 4 < n) {
		memcpy(buf + k, "...", 3);
		k += 3;
	}
	buf[k++] = '"';
	buf[k] = '\0';
}

/* Whether ly lies in bytes a decoder made (st_dderive), not the frame's. */
static int
made(const struct st_packet *pkt, const struct st_layer *ly)
{
	return pkt->xwhat != NULL && ly->off >= pkt->caplen;
}

/* Whether layer i only holds the next one, from its first byte (the
 * bytes of a reassembled message, the message inside): not in the bar. */
static int
container(const struct st_packet *pkt, unsigned i)
{
	const struct st_layer *ly = &pkt->layers[i];

	return ly->proto->role == ST_ROLE_DATA && i + 1 < pkt->nlayers &&
	    pkt->layers[i + 1].off == ly->off && ly->len > 0;
}

/*
 * The bytes layer i adds to the byte bar: its header, or all of it for a
 * layer that is all message, unless another layer of its chain follows
 * inside it (a body shown as data, a record after a record).
 */
static size_t
bar_len(const struct st_packet *pkt, unsigned i)
{
	const struct st_layer *ly = &pkt->layers[i];
	unsigned j = i + 1;

	if (container(pkt, i))
		return 0;
	/* past the layers a decoder made from this one's bytes, and those
	 * that are parts of a header (a TLS record's certificates) */
	while (j < pkt->nlayers && ((made(pkt, &pkt->layers[j]) &&
	    !made(pkt, ly)) || st_ly_part(pkt, &pkt->layers[j])))
		j++;
	if (!whole(ly) || (ly->proto->role == ST_ROLE_APP &&
	    j < pkt->nlayers && pkt->layers[j].depth == ly->depth &&
	    pkt->layers[j].off == ly->off + ly->hdr_len))
		return ly->hdr_len;
	return ly->len;
}

/* One segment of a byte bar: "[name len ....]", len of total to scale. */
static void
bar_seg(struct st_out *o, struct st_vctx *v, const struct st_proto *p,
    const char *name, size_t len, size_t total)
{
	char seg[64];
	size_t room = WIDTH - 20, want, w;

	snprintf(seg, sizeof(seg), "%s %zu", name, len);
	want = total > 0 ? len * room / total : 0;
	w = strlen(seg);
	if (p != NULL)
		st_out_puts(o, st_pcolor(v, p));
	st_out_putc(o, '[');
	st_out_puts(o, seg);
	while (w++ < want)
		st_out_putc(o, w == strlen(seg) + 1 ? ' ' : '.');
	st_out_putc(o, ']');
	if (p != NULL)
		st_out_puts(o, st_color_off(v));
}

/*
 * A byte bar of the layers that lie in the packet's bytes [from, to): the
 * frame's own, or (after a frame that completes a datagram or a message,
 * with --reassemble) the bytes gathered from earlier frames.  Returns
 * their total.  rest: bytes of [from, to) no layer of the bar shows (the
 * frame's share of a reassembled message), drawn as data.
 */
static size_t
bar_of(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v,
    size_t from, size_t to, int draw, size_t rest)
{
	size_t total = rest, len;
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (!st_ly_part(pkt, &pkt->layers[i]) &&
		    pkt->layers[i].off >= from && pkt->layers[i].off < to)
			total += bar_len(pkt, i);
	if (!draw)
		return total;
	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *ly = &pkt->layers[i];

		if (st_ly_part(pkt, ly) || ly->off < from || ly->off >= to ||
		    container(pkt, i))
			continue;
		len = bar_len(pkt, i);
		bar_seg(o, v, ly->proto, ly->proto->name, len, total);
	}
	if (rest > 0)
		bar_seg(o, v, NULL, "data", rest, total);
	return total;
}

/* The byte bar: each layer's header (data: all of it) to scale; bytes
 * reassembled from earlier frames on a line of their own. */
static void
byte_bar(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	size_t own = pkt->caplen, mine, rest = 0, total;

	if (pkt->xlen == 0) {
		total = bar_of(o, pkt, v, 0, SIZE_MAX, 1, 0);
		st_out_printf(o, " = %zu bytes", total);
		if (pkt->caplen < pkt->len)
			st_out_printf(o, " captured of %u on the wire",
			    pkt->len);
		st_out_putc(o, '\n');
		return;
	}
	mine = bar_of(o, pkt, v, 0, own, 0, 0);
	if (mine < own)
		rest = own - mine;
	total = bar_of(o, pkt, v, 0, own, 1, rest);
	st_out_printf(o, " = %zu bytes in this frame\n", total);
	st_out_puts(o, pkt->xwhat != NULL ? "opened: " : "reassembled: ");
	total = bar_of(o, pkt, v, own, SIZE_MAX, 1, 0);
	if (pkt->xwhat != NULL)
		st_out_printf(o, " = %zu bytes: %s\n", total, pkt->xwhat);
	else
		st_out_printf(o, " = %zu bytes gathered from this and earlier "
		    "frames\n", total);
}

static void
diagram_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	unsigned open[ST_MAX_LAYERS], depth = 0, i, trailer = UINT32_MAX;
	char text[256], facts[512];

	st_out_printf(o, "Frame %llu: %u bytes\n", (unsigned long long)pkt->num,
	    pkt->caplen);
	for (i = 0; i < pkt->nlayers && depth < 22; i++) {
		const struct st_layer *ly = &pkt->layers[i];

		if (ly->proto->role == ST_ROLE_TRAILER) {
			trailer = i;
			continue;
		}
		if (depth > 0 && st_ly_part(pkt, ly)) {
			/* A part of the open box's header: a line in it. */
			char line[sizeof(text) + sizeof(facts) + 2];

			title(pkt, ly, text, sizeof(text), facts,
			    sizeof(facts));
			snprintf(line, sizeof(line), "%s: %s", text, facts);
			wrapped(o, pkt, open, depth, line, v);
			continue;
		}
		/* The frame's next layer after those a decoder made from
		 * its bytes (st_dderive) is not inside them. */
		while (depth > 0 && !made(pkt, ly) &&
		    made(pkt, &pkt->layers[open[depth - 1]])) {
			depth--;
			box_bottom(o, pkt, open, depth, v);
		}
		open[depth] = i;
		title(pkt, ly, text, sizeof(text), facts, sizeof(facts));
		box_top(o, pkt, open, depth, text, v);
		depth++;
		if (facts[0] != '\0')
			wrapped(o, pkt, open, depth, facts, v);
		if (ly->proto->role == ST_ROLE_DATA) {
			data_preview(pkt, ly, text, WIDTH - 4 * depth - 2);
			inner_line(o, pkt, open, depth, text, strlen(text), v);
		}
	}
	while (depth > 0) {
		depth--;
		if (depth == 0 && trailer != UINT32_MAX) {
			const struct st_layer *tl = &pkt->layers[trailer];

			snprintf(text, sizeof(text), "+ %s: %u bytes after the "
			    "datagram (%s)", tl->proto->name, tl->len,
			    tl->proto->what != NULL ? tl->proto->what(pkt, tl) :
			    tl->proto->name);
			inner_line(o, pkt, open, 1, text, strlen(text), v);
		}
		box_bottom(o, pkt, open, depth, v);
	}
	byte_bar(o, pkt, v);
	st_out_putc(o, '\n');
}

const struct st_view st_view_diagram = {
	"diagram", "nested boxes: how each layer wraps the next, and a byte "
	"bar to scale", diagram_packet
};
