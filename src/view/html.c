/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The HTML view: one self-contained file (no network, no CDN; it opens
 * from disk) with the packet list, the layer tree of the selected packet,
 * its bytes in hex and ASCII coloured by layer, and its encapsulation
 * diagram.  Pointing at a field lights its bytes, and clicking a byte
 * lights the field that holds it.
 *
 * The report grows with the capture, not with the views (about two to
 * four bytes a byte of capture, plus some 30 KB): each packet is one line
 * of JSON in a data element (its number, its summary line in the list's
 * columns, its bytes in base64 and its layers), and the page builds the
 * tree, hex and diagram panes only for the packet selected, and the list
 * rows only for what is on screen (html_page.js).  A layer names its
 * protocol and its "shape" (the fields it holds, each as descriptor, bit
 * offset in the layer and width) by number: the shapes, descriptors,
 * protocols and chains of layers are tables written once at the end.  A
 * field's value is not written when the page can read it from the bytes
 * as the descriptor says (field_kind); only the rest (generated fields,
 * texts, checksum verdicts) is.
 *
 * Every '<' in the data is written as \u003c, so nothing from the wire can
 * close the element; the page inserts wire text with textContent only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/proto.h"
#include "strata/view.h"
#include "html_page.h"
#include "html_tab.h"

#define BIG_REPORT	(128u << 20)	/* bytes: the note on stderr */

static struct ptab protos, descs;
static struct stab shapes, chains;
static const char **files;		/* names, several files */
static size_t nfiles;
static unsigned long long written;	/* about, for the note */
static int noted;

/*
 * The length of the UTF-8 sequence at s (at most n bytes) and its code
 * point, or 0 when it is none.
 */
static size_t
utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 &&
	    s[0] <= 0xef ? 3 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2 : 0, k;

	if (len == 0 || len > n)
		return 0;
	*cp = s[0] & (0x7f >> len);
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[k] & 0x3f);
	}
	return len;
}

/*
 * Writes text as a JSON string (quotes included) in ASCII only: other
 * characters as \uXXXX, so that the browser keeps the page's text one byte
 * a character; '<' made harmless by the caller's esc_lt.
 */
static void
json_text(struct st_out *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t i, len;

	st_out_putc(o, '"');
	for (i = 0; i < n; i++) {
		if (u[i] >= 0x20 && u[i] < 0x7f && u[i] != '"' && u[i] != '\\')
			st_out_putc(o, s[i]);
		else if (u[i] >= 0x80 && (len = utf8(u + i, n - i, &cp)) > 0) {
			if (cp >= 0x10000)
				st_out_printf(o, "\\u%04x\\u%04x",
				    0xd800 + ((cp - 0x10000) >> 10),
				    0xdc00 + ((cp - 0x10000) & 0x3ff));
			else
				st_out_printf(o, "\\u%04x", cp);
			i += len - 1;
		} else
			st_out_json_str(o, s + i, 1);	/* escaped */
	}
	st_out_putc(o, '"');
}

static void
json_cstr(struct st_out *o, const char *s)
{
	json_text(o, s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

static unsigned
desc_index(const struct st_field_desc *d)
{
	int fresh;

	return st_html_ptr_index(&descs, d, &fresh);
}

/* A protocol's number; its ends' descriptors are numbered with it. */
static unsigned
proto_index(const struct st_proto *p)
{
	int fresh;
	unsigned k = st_html_ptr_index(&protos, p, &fresh);

	if (fresh && p->ends[0] != NULL && p->ends[1] != NULL) {
		desc_index(p->ends[0]);
		desc_index(p->ends[1]);
	}
	return k;
}

/* The text the tree shows for a field: value, meaning, checksum. */
static void
field_text(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f)
{
	static struct st_out t;
	const char *m;

	st_out_mem(&t);
	st_fmt_value(&t, pkt, f, 64);
	if ((m = st_field_meaning(f)) != NULL && f->desc->fmt != ST_FMT_ENUM &&
	    f->desc->fmt != ST_FMT_TEXT)
		st_out_printf(&t, " (%s)", m);
	if (f->ck == ST_CK_GOOD)
		st_out_puts(&t, " [good]");
	else if (f->ck == ST_CK_BAD)
		st_out_printf(&t, " [bad: should be 0x%04x]", f->aux);
	else if (f->ck == ST_CK_PARTIAL)
		st_out_puts(&t, " [partial: offloaded]");
	else if (f->ck == ST_CK_UNVERIFIED)
		st_out_puts(&t, " [unverified]");
	json_text(o, t.buf, t.n);
}

/* Whether the bits of f lie in the captured bytes. */
static int
captured(const struct st_packet *pkt, const struct st_field *f)
{
	return f->bits > 0 && (uint64_t)f->bitoff + f->bits <=
	    (uint64_t)pkt->caplen * 8;
}

/* The value the page reads from f's bits (at most 32), as the decoder. */
static uint64_t
wire_val(const struct st_packet *pkt, const struct st_field *f)
{
	uint64_t v = 0;
	uint32_t i;

	for (i = f->bitoff; i < f->bitoff + f->bits; i++)
		v = v << 1 | (pkt->data[i / 8] >> (7 - i % 8) & 1);
	return v << f->desc->shift;
}

/*
 * What the page needs to show f, besides its shape: FROM_WIRE, it reads
 * the value from the bytes as the descriptor's format says (GOOD, PARTIAL
 * and UNVERIFIED add the checksum's verdict: written as -1, -2, -3);
 * VALUE, the value given as a number; TEXT, the text as written.  The
 * page's rules (fieldParts in html_page.js) must give exactly what
 * field_text gives wherever this says they may.
 */
enum { FROM_WIRE, GOOD, PARTIAL, UNVERIFIED, VALUE, TEXT };

static int
field_kind(const struct st_packet *pkt, const struct st_field *f)
{
	const struct st_field_desc *d = f->desc;
	int wire = 0;

#ifdef HTML_ALLTEXT	/* every value as text: a report to check the page's
			   rules against (#dump=1 lists what the page shows) */
	return TEXT;
#endif
	if (f->meaning != NULL || f->ck == ST_CK_BAD)
		return TEXT;
	switch (d->fmt) {
	case ST_FMT_DEC:
	case ST_FMT_HEX:
	case ST_FMT_BOOL:
		wire = captured(pkt, f) && f->bits <= 32 && d->shift < 16 &&
		    wire_val(pkt, f) == f->val;
		break;
	case ST_FMT_IPV4:
	case ST_FMT_IPV6:
	case ST_FMT_MAC:
		wire = captured(pkt, f) && f->bitoff % 8 == 0 && f->bits ==
		    (d->fmt == ST_FMT_IPV4 ? 32u : d->fmt == ST_FMT_MAC ?
		    48u : 128u);
		break;
	case ST_FMT_BYTES:
		wire = captured(pkt, f) && f->bitoff % 8 == 0 &&
		    f->bits % 8 == 0;
		break;
	}
	if (wire)	/* an absent checksum adds no words */
		return f->ck == ST_CK_GOOD ? GOOD : f->ck == ST_CK_PARTIAL ?
		    PARTIAL : f->ck == ST_CK_UNVERIFIED ? UNVERIFIED : FROM_WIRE;
	if ((f->ck == ST_CK_NONE || f->ck == ST_CK_ABSENT) && f->val < (1ull << 53) &&
	    (d->fmt == ST_FMT_DEC || d->fmt == ST_FMT_HEX ||
	    d->fmt == ST_FMT_BOOL || d->fmt == ST_FMT_ENUM))
		return VALUE;
	return TEXT;
}

/*
 * One layer: [protocol, header, shape, exceptions, depth, status, why,
 * offset, length], the end left out as far as it says what goes without
 * saying: no exceptions (0), depth and status 0, no why, and the offset
 * and length that follow from the layer before (its payload; for the
 * first, the frame).  Exceptions are pairs (field position in the shape,
 * what field_kind says): a negative code for a checksum's verdict, a
 * number for VALUE, a string for TEXT.
 */
static void
html_layer(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_layer *prev)
{
	static uint32_t key[3 * ST_MAX_FIELDS];
	const struct st_field *f;
	unsigned j, n = 0, pos, shape, last;
	uint32_t eoff = 0, elen = pkt->caplen;
	int kind, any = 0;

	for (j = 0; j < ly->nfields; j++) {
		f = &pkt->fields[ly->field0 + j];
		key[n++] = desc_index(f->desc);
		key[n++] = f->bitoff - ly->off * 8;
		key[n++] = f->bits;
	}
	shape = st_html_shape_index(&shapes, key, n);
	if (prev != NULL) {
		eoff = prev->off + prev->hdr_len;
		elen = prev->len > prev->hdr_len ? prev->len - prev->hdr_len : 0;
	}
	last = ly->off != eoff || ly->len != elen ? 8 : ly->why != NULL ? 6 :
	    ly->status != ST_LS_OK ? 5 : ly->depth != 0 ? 4 : 3;
	st_out_printf(o, "[%u,%u,%u,", proto_index(ly->proto), ly->hdr_len,
	    shape);
	for (pos = 0; pos < ly->nfields; pos++) {
		f = &pkt->fields[ly->field0 + pos];
		if ((kind = field_kind(pkt, f)) == FROM_WIRE)
			continue;
		st_out_printf(o, "%s%u,", any ? "," : "[", pos);
		any = 1;
		if (kind == GOOD || kind == PARTIAL || kind == UNVERIFIED)
			st_out_printf(o, "%d", GOOD - 1 - kind);
		else if (kind == VALUE)
			st_out_u64(o, f->val);
		else
			field_text(o, pkt, f);
	}
	st_out_puts(o, any ? "]" : "0");
	if (last >= 4)
		st_out_printf(o, ",%u", ly->depth);
	if (last >= 5)
		st_out_printf(o, ",%u", ly->status);
	if (last >= 6) {
		st_out_putc(o, ',');
		json_cstr(o, ly->why);
	}
	if (last >= 8)
		st_out_printf(o, ",%u,%u", ly->off, ly->len);
	st_out_putc(o, ']');
}

static void
base64(struct st_out *o, const uint8_t *p, size_t n)
{
	char q[68];
	size_t i, k;

	/* 48 bytes at a time: 64 characters, no padding until the end */
	for (i = 0; i < n; i += 48) {
		k = st_base64(p + i, n - i < 48 ? n - i : 48, q, sizeof(q));
		st_out_write(o, q, k);
	}
}

static void
html_begin(struct st_out *o, struct st_vctx *v)
{
	(void)v;
	written = 0;
	noted = 0;
	st_out_puts(o, st_html_head);
	st_out_puts(o, "<script type=\"text/x-strata\" id=\"pk\">\n");
}

/* The number of file name f (several files: one report). */
static unsigned
file_index(const char *f)
{
	size_t i;

	for (i = 0; i < nfiles; i++)
		if (files[i] == f || strcmp(files[i], f) == 0)
			return (unsigned)i;
	files = st_html_xrealloc(files, (nfiles + 1) * sizeof(*files));
	files[nfiles] = f;
	return (unsigned)nfiles++;
}

/*
 * The summary line s (n bytes, its number left out) in the page's
 * columns: the time, the chain of layers (a number in a table: it
 * repeats), the rest.  Parts are two spaces apart; a line that is not so
 * is all rest.
 */
static void
html_summary(struct st_out *o, const char *s, size_t n)
{
	static uint32_t key[ST_OUT_BUF];
	const char *a, *b, *e = s + n;
	size_t i;

	if ((a = memmem(s, n, "  ", 2)) == NULL) {
		st_out_puts(o, "\"\",-1,");
		json_text(o, s, n);
		return;
	}
	json_text(o, s, (size_t)(a - s));
	a += 2;
	if ((b = memmem(a, (size_t)(e - a), "  ", 2)) == NULL)
		b = e;
	for (i = 0; i < (size_t)(b - a); i++)
		key[i] = (unsigned char)a[i];
	st_out_printf(o, ",%u,", st_html_shape_index(&chains, key, i));
	b = b + 2 <= e ? b + 2 : e;
	json_text(o, b, (size_t)(e - b));
}

/*
 * A packet: [number, time, chain, rest of the summary, bytes, layers,
 * length on the wire, notes, file], the last two only when there are
 * notes or several files.
 */
static void
html_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	static struct st_out tmp;
	struct st_vctx plain = *v;
	size_t n, skip;
	unsigned i;

	plain.color = 0;
	st_out_mem(&tmp);
	st_view_summary.packet(&tmp, pkt, &plain);
	v->t0 = plain.t0;
	v->have_t0 = plain.have_t0;
	v->flows = plain.flows;		/* the conversations, kept */
	n = tmp.n > 0 && tmp.buf[tmp.n - 1] == '\n' ? tmp.n - 1 : tmp.n;
	/* The number, padded on its left, is the page's own column. */
	for (skip = 0; skip < n && tmp.buf[skip] == ' '; skip++)
		;
	for (; skip < n && tmp.buf[skip] >= '0' && tmp.buf[skip] <= '9';
	    skip++)
		;
	while (skip > 0 && skip < n && tmp.buf[skip] == ' ')
		skip++;
	o->esc_lt = 1;
	st_out_putc(o, '[');
	st_out_u64(o, pkt->num);
	st_out_putc(o, ',');
	html_summary(o, tmp.buf + skip, n - skip);
	st_out_puts(o, ",\"");
	base64(o, pkt->data, pkt->caplen);
	st_out_puts(o, "\",[");
	for (i = 0; i < pkt->nlayers; i++) {
		if (i > 0)
			st_out_putc(o, ',');
		html_layer(o, pkt, &pkt->layers[i], i > 0 ? &pkt->layers[i - 1] :
		    NULL);
	}
	st_out_printf(o, "],%u", pkt->len);
	if (pkt->nnotes > 0 || v->file != NULL)
		st_out_puts(o, ",[");
	for (i = 0; i < pkt->nnotes; i++) {
		if (i > 0)
			st_out_putc(o, ',');
		json_cstr(o, pkt->notes[i]);
	}
	if (pkt->nnotes > 0 || v->file != NULL)
		st_out_putc(o, ']');
	if (v->file != NULL)
		st_out_printf(o, ",%u", file_index(v->file));
	st_out_puts(o, "]\n");
	o->esc_lt = 0;
	written += pkt->caplen * 4 / 3 + n + 40 + pkt->nlayers * 16;
	if (!noted && written > BIG_REPORT) {
		noted = 1;
		fprintf(stderr, "strata: note: the HTML report passes %u MB: "
		    "a browser needs a while and much memory to open it "
		    "(-c COUNT or -f FILTER make it smaller)\n",
		    BIG_REPORT >> 20);
	}
}

/* A descriptor: [name, label, format, shift, bits, value names]. */
static void
html_desc(struct st_out *o, const struct st_field_desc *d)
{
	const struct st_valname *vn;

	st_out_putc(o, '[');
	json_cstr(o, d->name);
	st_out_putc(o, ',');
	json_cstr(o, d->label);
	st_out_printf(o, ",%u,%u,%u,[", d->fmt, d->shift, d->bits);
	for (vn = d->names; vn != NULL && vn->name != NULL; vn++) {
		st_out_printf(o, "%s%u,", vn == d->names ? "" : ",", vn->val);
		json_cstr(o, vn->name);
	}
	st_out_puts(o, "]]");
}

/*
 * The tables the packets refer to, then the page's script.  A protocol:
 * [name, title, role, Wireshark's name, the descriptors of its ends].
 */
static void
html_end(struct st_out *o, struct st_vctx *v)
{
	const struct st_proto *p;
	const uint32_t *k;
	size_t i, j;

	st_out_puts(o, "</script>\n<script type=\"text/x-strata\" id=\"tb\">\n"
	    "{\"title\":");
	o->esc_lt = 1;
	json_cstr(o, v->title != NULL ? v->title : "packets");
	st_out_puts(o, ",\n\"protos\":[");
	for (i = 0; i < protos.n; i++) {
		p = protos.order[i];
		st_out_puts(o, i ? ",\n[" : "[");
		json_cstr(o, p->name);
		st_out_putc(o, ',');
		json_cstr(o, p->title);
		st_out_printf(o, ",%u,", p->role);
		json_cstr(o, p->ws);
		if (p->ends[0] != NULL && p->ends[1] != NULL)
			st_out_printf(o, ",%u,%u", desc_index(p->ends[0]),
			    desc_index(p->ends[1]));
		st_out_putc(o, ']');
	}
	st_out_puts(o, "],\n\"files\":[");
	for (i = 0; i < nfiles; i++) {
		st_out_puts(o, i ? ",\n" : "");
		json_cstr(o, files[i]);
	}
	st_out_puts(o, "],\n\"chains\":[");
	for (i = 0; i < chains.n; i++) {
		static char text[ST_OUT_BUF];

		k = chains.arena + chains.off[i];
		for (j = 0; j < chains.len[i]; j++)
			text[j] = (char)k[j];
		st_out_puts(o, i ? ",\n" : "");
		json_text(o, text, chains.len[i]);
	}
	st_out_puts(o, "],\n\"descs\":[");
	for (i = 0; i < descs.n; i++) {
		st_out_puts(o, i ? ",\n" : "");
		html_desc(o, descs.order[i]);
	}
	st_out_puts(o, "],\n\"shapes\":[");
	for (i = 0; i < shapes.n; i++) {
		k = shapes.arena + shapes.off[i];
		st_out_puts(o, i ? ",\n[" : "[");
		for (j = 0; j < shapes.len[i]; j++)
			st_out_printf(o, "%s%d", j ? "," : "", (int32_t)k[j]);
		st_out_putc(o, ']');
	}
	o->esc_lt = 0;
	st_out_puts(o, "]}\n</script>\n");
	st_out_puts(o, st_html_tail);
	st_html_ptr_free(&protos);
	st_html_ptr_free(&descs);
	st_html_shape_free(&shapes);
	st_html_shape_free(&chains);
	free(files);
	files = NULL;
	nfiles = 0;
}

const struct st_view st_view_html = {
	"html", "a self-contained HTML report (-o FILE, or a pipe)",
	html_packet, html_begin, html_end, 1, 0, 1, NULL, 1
};
