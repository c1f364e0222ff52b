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
#include "strata/proto/tcp.h"
#include "strata/view.h"

#define NAME_W	30
#define VALUE_W	24

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
	st_out_pad(o, strlen(f->desc->name), NAME_W);
	mark = o->n;
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
	w = o->n >= mark ? o->n - mark : VALUE_W;
	if (f->bits > 0 && (f->bits % 8 != 0 || f->bitoff % 8 != 0) &&
	    f->bits <= 16) {
		st_out_pad(o, w, VALUE_W);
		st_out_puts(o, "  ");
		bit_pattern(o, pkt, f);
	}
	st_out_putc(o, '\n');
}

/* A segment's numbers, looked up once per TCP layer. */
struct tcp_rel {
	struct st_tcp_rel	 r;
	const struct st_field	*seq, *ack, *len;
	uint64_t		 flags;
};

static int
tcp_rel_of(struct st_vctx *v, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl, struct tcp_rel *t)
{
	if (st_tcp_rel(&v->flows, pkt, net, tl, &t->r) != 0)
		return 0;
	t->seq = st_pkt_field(pkt, tl, "tcp.seq_raw");
	t->ack = st_pkt_field(pkt, tl, "tcp.ack_raw");
	t->len = st_pkt_field(pkt, tl, "tcp.len");
	t->flags = st_pkt_val(pkt, tl, "tcp.flags", 0);
	return 1;
}

/*
 * Under tcp.seq_raw, tcp.ack_raw and tcp.len of a segment: the relative
 * numbers beside the absolute ones, and tcpdump's "seq a:b" worked out.
 */
static void
tcp_note(struct st_out *o, const struct st_field *f, const struct tcp_rel *t)
{
	const struct st_tcp_rel *r = &t->r;
	uint32_t rel = r->first ? 0 : r->seq - r->sbase;

	if (f == t->seq) {
		if (r->sframe == 0)
			return;
		if (r->first)
			st_out_printf(o, "        ↳ relative seq 0: the first "
			    "packet this way, its seq the base (tcpdump "
			    "prints it absolute)\n");
		else
			st_out_printf(o, "        ↳ relative seq %u = %u - %u, "
			    "the first seq this way (frame %llu)\n", rel, r->seq,
			    r->sbase, (unsigned long long)r->sframe);
	} else if (f == t->ack && t->flags & 0x010) {
		if (r->aframe == 0)
			st_out_puts(o, "        ↳ the other way not seen yet: no "
			    "relative ack\n");
		else
			st_out_printf(o, "        ↳ relative ack %u = %u - %u, the "
			    "first seq the other way (frame %llu)\n",
			    r->ack - r->abase, r->ack, r->abase,
			    (unsigned long long)r->aframe);
	} else if (f == t->len && r->sframe != 0) {
		uint32_t a = r->first ? r->seq : rel;

		if (f->val > 0)
			st_out_printf(o, "        ↳ tcpdump prints seq %u:%u: "
			    "bytes %u to %u, the end exclusive; %u is the\n"
			    "          next segment's seq, and the ack that "
			    "answers this one\n", a, (uint32_t)(a + f->val), a,
			    (uint32_t)(a + f->val - 1), (uint32_t)(a + f->val));
		else if (t->flags & 0x003)
			st_out_printf(o, "        ↳ %s takes one sequence number "
			    "though it carries no data: the answer acks %u\n",
			    t->flags & 0x002 ? "SYN" : "FIN", (uint32_t)(rel + 1));
	}
}

static void
tree_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	const struct st_layer *net = NULL;
	struct tcp_rel rel;
	int have_rel;
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
		have_rel = ly->proto->flags & ST_PF_STREAM && ly->depth == 0 &&
		    net != NULL && tcp_rel_of(v, pkt, net, ly, &rel);
		for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields;
		    j++) {
			field_line(o, pkt, &pkt->fields[j], indent);
			if (have_rel)
				tcp_note(o, &pkt->fields[j], &rel);
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
