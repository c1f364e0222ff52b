/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The summary view: one line per packet, in the spirit of tcpdump -n:
 *
 *   3  0.000166  eth › ipv4 › tcp  198.19.177.6:61017 → 198.18.37.31:8080 [S] seq 2699665147 win 65535 len 0
 *
 * number, seconds since the first packet, the layer chain (quoted layers
 * are named in the facts), and the key facts of the innermost layer.  The
 * facts are the protocols' own (their summary hooks); this file only picks
 * the layers by their roles and offers the hooks what they share: values,
 * endpoints from the descriptors' ends, quoted chains.
 */
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/flow.h"
#include "strata/registry.h"
#include "strata/view.h"

#define FRAME_W	4	/* the frame number's columns, at least */

void **
st_vctx_state(struct st_vctx *v, const struct st_view *view)
{
	size_t i;

	for (i = 0; i < ST_VSTATES; i++) {
		if (v->vstate[i].view == view)
			return &v->vstate[i].state;
		if (v->vstate[i].view == NULL) {
			v->vstate[i].view = view;
			v->vstate[i].state = NULL;
			return &v->vstate[i].state;
		}
	}
	return NULL;
}

void
st_vctx_free(struct st_vctx *v)
{
	size_t i;

	for (i = 0; i < ST_VSTATES; i++) {
		if (v->vstate[i].view != NULL && v->vstate[i].state != NULL &&
		    v->vstate[i].view->free != NULL)
			v->vstate[i].view->free(v->vstate[i].state);
		v->vstate[i].view = NULL;
		v->vstate[i].state = NULL;
	}
	st_flows_free(&v->flows);
}

static void
sum_value(struct st_sumctx *s, const struct st_field *f)
{
	if (f != NULL)
		st_fmt_value(s->o, s->pkt, f, 16);
	else
		st_out_putc(s->o, '?');
}

/* One end: "A", or with a port "A:p" ("[A]:p" for an IPv6 address). */
static void
end(struct st_sumctx *s, const struct st_field *a, const struct st_field *p,
    int port)
{
	int br = port && s->net->proto->ends[0]->fmt == ST_FMT_IPV6;

	if (br)
		st_out_putc(s->o, '[');
	sum_value(s, a);
	if (port) {
		if (br)
			st_out_putc(s->o, ']');
		st_out_putc(s->o, ':');
		sum_value(s, p);
	}
}

/* "A → B" from the network layer's ends, with tl's (ports) if not NULL. */
static void
sum_endpoints(struct st_sumctx *s, const struct st_layer *tl)
{
	int port = tl != NULL;

	end(s, s->na[0], s->ta[0], port);
	st_out_puts(s->o, " \xe2\x86\x92 ");
	end(s, s->na[1], s->ta[1], port);
}

static void facts(struct st_sumctx *s, unsigned first);

/* " [quoting ipv4 › udp  facts]": the chain layer ly quotes, one deeper. */
static void
sum_quoted(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	unsigned i = (unsigned)(ly - pkt->layers), j, k, n = 0;
	unsigned depth = ly->depth;
	struct st_sumctx in;

	for (j = i + 1; j < pkt->nlayers; j++) {
		if (pkt->layers[j].depth != depth + 1)
			continue;
		st_out_puts(s->o, " [quoting ");
		for (k = j; k < pkt->nlayers && pkt->layers[k].depth > depth;
		    k++) {
			if (pkt->layers[k].depth != depth + 1 ||
			    pkt->layers[k].proto->role == ST_ROLE_DATA)
				continue;
			if (n++ > 0)
				st_out_puts(s->o, " \xe2\x80\xba ");
			st_out_puts(s->o, pkt->layers[k].proto->name);
		}
		st_out_puts(s->o, "  ");
		in = *s;
		facts(&in, j);
		st_out_putc(s->o, ']');
		return;
	}
}

/* Calls ly's summary hook, if it has one; 1 when it wrote the facts. */
static int
hook(struct st_sumctx *s, const struct st_layer *ly)
{
	return ly != NULL && ly->proto->summary != NULL &&
	    ly->proto->summary(s, ly);
}

/*
 * The facts of the chain starting at layer first, at one depth: those of
 * the innermost layer that is no network layer, no extension, no
 * application and no data (a transport or control layer), else of the
 * network layer, else of the link layer the chain starts with; then the
 * application's.  A tunnel (ST_PF_TUNNEL) with more than data inside is
 * named first, "[gre key 0x00000005] ", by its hook called without a
 * network layer: the facts are then those of the innermost conversation.
 */
static void
facts(struct st_sumctx *s, unsigned first)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_layer *tl = NULL, *ly, *app = NULL;
	const struct st_layer *f0 = &pkt->layers[first];
	const struct st_layer *tun = NULL, *tunnel = NULL;
	unsigned i, depth = f0->depth;

	s->net = NULL;
	for (i = first; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth < depth)
			break;
		if (ly->depth > depth)
			continue;
		if (tun != NULL && ly->proto->role != ST_ROLE_DATA &&
		    ly->proto->role != ST_ROLE_TRAILER)
			tunnel = tun;
		if (ly->proto->flags & ST_PF_TUNNEL) {
			tun = ly;
			if (ly->proto->role == ST_ROLE_APP)
				continue;
		}
		switch (ly->proto->role) {
		case ST_ROLE_TRAILER:
		case ST_ROLE_DATA:
		case ST_ROLE_NETEXT:
			break;
		case ST_ROLE_NET:
			s->net = ly;
			tl = NULL;
			break;
		case ST_ROLE_APP:
			if (app == NULL)
				app = ly;
			break;
		default:
			tl = ly;
		}
	}
	s->na[0] = s->na[1] = s->ta[0] = s->ta[1] = NULL;
	if (s->net != NULL)
		st_flow_ends(pkt, s->net, s->na);
	if (tl != NULL && tl->proto->ends[0] != NULL)
		st_flow_ends(pkt, tl, s->ta);
	if (tunnel != NULL) {
		struct st_sumctx t = *s;

		t.net = NULL;
		st_out_putc(s->o, '[');
		if (!hook(&t, tunnel))
			st_out_puts(s->o, tunnel->proto->name);
		st_out_puts(s->o, "] ");
	}
	/* A link layer's facts are those of the frame: only the first's. */
	if ((tl == NULL || tl->proto->role == ST_ROLE_LINK || !hook(s, tl)) &&
	    !hook(s, s->net) && !(f0->proto->role == ST_ROLE_LINK &&
	    hook(s, f0))) {
		st_out_puts(s->o, "len ");
		st_out_u64(s->o, pkt->len);
	}
	if (app != NULL) {
		st_out_puts(s->o, "  ");
		hook(s, app);
	}
}

/* -v: "(tos 0x0, ttl 64, ...) " from the first network layer's hook. */
static void
verbose(struct st_sumctx *s)
{
	const struct st_layer *ly;
	unsigned i;
	size_t mark;

	for (i = 0; i < s->pkt->nlayers; i++) {
		ly = &s->pkt->layers[i];
		if (ly->depth != 0 || ly->proto->role != ST_ROLE_NET)
			continue;
		if (ly->proto->vsummary == NULL)
			return;
		st_out_putc(s->o, '(');
		mark = s->o->n;
		if (ly->proto->vsummary(s, ly))
			st_out_puts(s->o, ") ");
		else if (s->o->n == mark)
			s->o->n--;	/* nothing said: no "(" either */
		return;
	}
}

/* Marks: a fragment's place in its datagram (the outermost layer whose
 * frag hook finds one), the first layer cut short or malformed, and bad
 * checksums. */
static void
marks(struct st_out *o, const struct st_packet *pkt)
{
	const struct st_layer *ly;
	const struct st_field *f;
	struct st_frag fr;
	unsigned i;
	int said = 0;

	for (i = 0; pkt->frag && i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth == 0 && ly->proto->frag != NULL &&
		    ly->proto->frag(pkt, ly, &fr)) {
			st_out_printf(o, " [frag id 0x%0*x off %u %s]",
			    fr.idhex, fr.id, fr.off, fr.more ? fr.mword :
			    "last");
			break;
		}
	}

	for (i = 0; i < pkt->nlayers && !said; i++) {
		ly = &pkt->layers[i];
		if (ly->status == ST_LS_TRUNCATED) {
			st_out_printf(o, " [truncated %s]", ly->proto->name);
			said = 1;
		} else if (ly->status == ST_LS_MALFORMED) {
			st_out_printf(o, " [malformed %s: %s]",
			    ly->proto->name, ly->why);
			said = 1;
		}
	}
	for (i = 0; pkt->nbadck > 0 && i < pkt->nfields; i++) {
		f = &pkt->fields[i];
		if (f->ck == ST_CK_BAD)
			st_out_printf(o, " [bad %s]", f->desc->name);
	}
}

/* Whether layer i is named in the chain: not quoted, no trailer, and data
 * only when it is all there is. */
static int
in_chain(const struct st_packet *pkt, unsigned i)
{
	const struct st_layer *ly = &pkt->layers[i];

	return !(ly->depth > 0 || ly->proto->role == ST_ROLE_TRAILER ||
	    (ly->proto->role == ST_ROLE_DATA && i > 0));
}

/*
 * The frame number right-aligned in FRAME_W columns, so that the columns
 * after it stay aligned: the file's size is not known before its last
 * packet, so the width is fixed, wide enough for 9999 frames (a lab's
 * capture); beyond, the number takes the room it needs.
 */
static void
frame_number(struct st_out *o, uint64_t num)
{
	uint64_t m;
	size_t d;

	for (d = 1, m = num; m >= 10; m /= 10)
		d++;
	st_out_pad(o, d, FRAME_W);
	st_out_u64(o, num);
}

static void
summary_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	int64_t ds, dn;
	unsigned i, j, same;
	int n = 0;

	if (!v->have_t0) {
		v->t0 = pkt->ts;
		v->have_t0 = 1;
	}
	ds = (int64_t)pkt->ts.tv_sec - v->t0.tv_sec;
	dn = (int64_t)pkt->ts.tv_nsec - v->t0.tv_nsec;
	if (dn < 0) {
		dn += 1000000000;
		ds--;
	}
	frame_number(o, pkt->num);
	st_out_puts(o, "  ");
	if (ds < 0) {
		st_out_putc(o, '-');
		ds = -ds - 1;
		dn = 1000000000 - dn;
	}
	st_out_u64(o, (uint64_t)ds);
	{
		char frac[8];
		long us = (long)(dn / 1000);
		int k;

		frac[0] = '.';
		for (k = 6; k > 0; k--, us /= 10)
			frac[k] = (char)('0' + us % 10);
		frac[7] = ' ';
		st_out_write(o, frac, 8);
		st_out_putc(o, ' ');
	}
	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *ly = &pkt->layers[i];

		if (!in_chain(pkt, i))
			continue;
		/* Records of one protocol in a row are named once, counted. */
		for (j = i + 1, same = 1; j < pkt->nlayers; j++) {
			if (!in_chain(pkt, j))
				continue;
			if (pkt->layers[j].proto != ly->proto)
				break;
			same++;
			i = j;
		}
		if (n++ > 0)
			st_out_puts(o, " \xe2\x80\xba ");
		if (v->color) {
			st_out_puts(o, st_pcolor(v, ly->proto));
			st_out_puts(o, ly->proto->name);
			st_out_puts(o, st_color_off(v));
		} else
			st_out_puts(o, ly->proto->name);
		if (same > 1) {
			st_out_puts(o, " \xc3\x97");
			st_out_u64(o, same);
		}
	}
	st_out_puts(o, "  ");
	if (pkt->nlayers > 0) {
		struct st_sumctx sc;

		sc.o = o;
		sc.pkt = pkt;
		sc.flows = &v->flows;
		sc.abs_seq = v->abs_seq;
		sc.again = v->again;
		sc.value = sum_value;
		sc.endpoints = sum_endpoints;
		sc.quoted = sum_quoted;
		if (v->verbose)
			verbose(&sc);
		facts(&sc, 0);
	}
	marks(o, pkt);
	st_out_putc(o, '\n');
	if (pkt->reasm != NULL) {
		st_out_puts(o, "    ");
		st_out_puts(o, pkt->reasm);
		st_out_putc(o, '\n');
	}
}

/* After the last packet: the totals protocols keep (TCP's analysis). */
static void
summary_end(struct st_out *o, struct st_vctx *v)
{
	size_t i;

	for (i = 0; st_protos[i] != NULL; i++)
		if (st_protos[i]->tally != NULL)
			st_protos[i]->tally(o, v->flows);
}

const struct st_view st_view_summary = {
	"summary", "one line per packet: layer chain and key facts",
	summary_packet, NULL, summary_end, 0, 1
};
