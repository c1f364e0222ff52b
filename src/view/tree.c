/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tree view: every field of every layer, with its byte offset, its
 * Wireshark name, its value and meaning, and for fields that are not whole
 * bytes the bit pattern that holds them, as the RFC diagrams draw them.
 *
 * Frame 1: 98 bytes on wire, 98 captured, 2023-11-14 22:13:20.000008Z
 * ipv4: Internet Protocol Version 4 [14..98) header 20, payload 64
 *     14  ip.version            4                     0100 ....
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/proto.h"
#include "strata/view.h"

#define NAME_W	32
#define VALUE_W	24
#define SIZE_W	9

static const char *const status_txt[] = {
	"", " [truncated]", " [malformed: %s]", " [partial: quoted header]"
};

/* The bits of f within the bytes it touches: ".1.. ....". */
static void
bit_pattern(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f)
{
	size_t first = f->bitoff / 8, last = (f->bitoff + f->bits - 1) / 8, b;
	unsigned i;

	if (last >= pkt->caplen)
		return;
	for (b = first; b <= last; b++) {
		for (i = 0; i < 8; i++) {
			size_t bit = b * 8 + i;

			if (i == 4)
				st_out_putc(o, ' ');
			if (bit < f->bitoff || bit >= (size_t)f->bitoff +
			    f->bits)
				st_out_putc(o, '.');
			else
				st_out_putc(o, (pkt->data[b] >> (7 - i)) & 1 ?
				    '1' : '0');
		}
		if (b < last)
			st_out_putc(o, ' ');
	}
}

static void
ck_status(struct st_out *o, const struct st_field *f)
{
	switch (f->ck) {
	case ST_CK_GOOD:
		st_out_puts(o, " [good]");
		break;
	case ST_CK_BAD:
		st_out_printf(o, " [bad: should be 0x%04x]", f->aux);
		break;
	case ST_CK_UNVERIFIED:
		st_out_puts(o, f->aux == ST_CKU_FRAGMENT ? " [unverified: a "
		    "fragment of a datagram; verified on the frame that "
		    "completes it (--reassemble)]" : " [unverified: not "
		    "all covered bytes captured]");
		break;
	case ST_CK_PARTIAL:
		st_out_printf(o, " [partial: offloaded, holds the pseudo-header"
		    " sum; full value 0x%04x]", f->aux);
		break;
	case ST_CK_ABSENT:
		st_out_puts(o, " [absent: the sender computed none]");
		break;
	}
}

/* The field's size in a column of SIZE_W: "2 B", "13 bits", "1 bit", or
 * blank for one worked out by strata. */
static void
size(struct st_out *o, const struct st_field *f)
{
	char b[16];
	int n;

	if (f->bits == 0 || f->desc->flags & ST_DF_GEN)
		n = 0;
	else if (f->bits % 8 == 0)
		n = snprintf(b, sizeof(b), "%u B", f->bits / 8);
	else
		n = snprintf(b, sizeof(b), "%u bit%s", f->bits,
		    f->bits == 1 ? "" : "s");
	if (n < 0 || (size_t)n >= sizeof(b))
		n = 0;
	st_out_write(o, b, (size_t)n);
	st_out_pad(o, (size_t)n, SIZE_W);
}

/* The heading row, over the columns field_line writes. */
static void
heading(struct st_out *o)
{
	st_out_puts(o, "  byte  field");
	st_out_pad(o, 5, NAME_W);
	st_out_puts(o, "size");
	st_out_pad(o, 4, SIZE_W);
	st_out_puts(o, "value (meaning)");
	st_out_pad(o, 15, VALUE_W);
	st_out_puts(o, "  bits\n");
}

static void
field_line(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f, unsigned indent)
{
	size_t mark = o->n, w;
	const char *m;

	st_out_pad(o, 0, indent);
	if (f->bits > 0) {
		/* The byte offset, right-aligned in 6, without printf. */
		char num[8];
		uint32_t v = f->bitoff / 8;
		int k = 6;

		memset(num, ' ', 8);
		do {
			num[--k] = (char)('0' + v % 10);
			v /= 10;
		} while (v != 0 && k > 0);
		st_out_write(o, num, 8);
	} else
		st_out_puts(o, "        ");
	st_out_puts(o, f->desc->name);
	if (strlen(f->desc->name) + 2 > NAME_W) {
		/* A long name gets its own line: the values stay in their
		 * column. */
		st_out_putc(o, '\n');
		st_out_pad(o, 0, indent + 8 + NAME_W);
	} else
		st_out_pad(o, strlen(f->desc->name), NAME_W);
	size(o, f);
	mark = st_out_total(o);
	st_fmt_value(o, pkt, f, 24);
	if (f->desc->flags & ST_DF_DECTOO)
		st_out_printf(o, " (%llu)", (unsigned long long)f->val);
	if ((m = st_field_meaning(f)) != NULL && f->desc->fmt != ST_FMT_ENUM &&
	    f->desc->fmt != ST_FMT_TEXT) {
		st_out_puts(o, " (");
		st_out_puts(o, m);
		st_out_putc(o, ')');
	}
	if (f->desc->fmt == ST_FMT_BYTES)
		st_out_printf(o, " (%u bytes)", f->bits / 8);
	ck_status(o, f);
	w = st_out_total(o) - mark;
	if (f->bits > 0 && (f->bits % 8 != 0 || f->bitoff % 8 != 0) &&
	    f->bits <= 16) {
		st_out_pad(o, w, VALUE_W);
		st_out_puts(o, "  ");
		bit_pattern(o, pkt, f);
	}
	st_out_putc(o, '\n');
}

static void
tree_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	const struct st_layer *net = NULL;
	_Alignas(16) unsigned char scratch[ST_NOTE_SCRATCH];
	int have_note;
	const struct st_layer *ly;
	unsigned i, j, indent;

	st_out_puts(o, "Frame ");
	st_out_u64(o, pkt->num);
	st_out_puts(o, ": ");
	st_out_u64(o, pkt->len);
	st_out_puts(o, " bytes on wire, ");
	st_out_u64(o, pkt->caplen);
	st_out_puts(o, " captured, ");
	st_fmt_time(o, v, &pkt->ts, ' ');
	st_out_putc(o, '\n');
	heading(o);
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		indent = ly->depth * 4;
		st_out_pad(o, 0, indent);
		st_out_puts(o, st_pcolor(v, ly->proto));
		st_out_puts(o, ly->proto->name);
		st_out_puts(o, st_color_off(v));
		st_out_puts(o, ly->depth > 0 ? ": quoted " : ": ");
		st_out_puts(o, ly->proto->title);
		st_out_puts(o, " [");
		st_out_u64(o, ly->off);
		st_out_puts(o, "..");
		st_out_u64(o, (uint64_t)ly->off + ly->len);
		st_out_puts(o, ") ");
		if (ly->proto->role == ST_ROLE_DATA ||
		    ly->proto->role == ST_ROLE_TRAILER) {
			st_out_u64(o, ly->len);
			st_out_puts(o, " bytes");
		} else {
			st_out_puts(o, "header ");
			st_out_u64(o, ly->hdr_len);
			st_out_puts(o, ", payload ");
			st_out_u64(o, ly->len > ly->hdr_len ? ly->len -
			    ly->hdr_len : 0);
		}
		if (ly->status != ST_LS_OK)
			st_out_printf(o, status_txt[ly->status],
			    ly->why != NULL ? ly->why : "");
		st_out_putc(o, '\n');
		if (ly->depth == 0 && ly->proto->role == ST_ROLE_NET)
			net = ly;
		/* What the layer means in its conversation: its own hook. */
		have_note = ly->proto->tree_note != NULL && ly->depth == 0 &&
		    net != NULL && ly->proto->tree_note(NULL, &v->flows, pkt,
		    net, ly, NULL, scratch);
		for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields;
		    j++) {
			field_line(o, pkt, &pkt->fields[j], indent);
			if (have_note)
				ly->proto->tree_note(o, &v->flows, pkt, net, ly,
				    &pkt->fields[j], scratch);
		}
	}
	for (i = 0; i < pkt->nnotes; i++) {
		st_out_puts(o, "note: ");
		st_out_puts(o, pkt->notes[i]);
		st_out_putc(o, '\n');
	}
	st_out_putc(o, '\n');
}

const struct st_view st_view_tree = {
	"tree", "every field of every layer: offset, name, value, meaning",
	tree_packet
};
