/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stream reassembly (strata/reasm.h, --reassemble): application messages
 * cut across the segments of a byte stream, gathered as tshark does with
 * tcp.desegment_tcp_streams.  The application protocol says how long a
 * message is (its descriptor's pdu_len hook); a segment whose last message
 * runs past its end has that part held (the frame shows it as a layer of
 * st_tcpsegs_h.held), the next segments in sequence add theirs, and the
 * one that completes the message gets the segments' list (a layer of
 * st_tcpsegs_h.segs and the line pkt->reasm) and the message's layers,
 * decoded from the gathered bytes placed after the frame's own.
 *
 * Only directions with a message pending have state: a table of
 * ST_TCPR_STREAMS, the least recently seen pushed out for a new one.  A
 * segment out of order (a gap before it, or one overlapping the held bytes
 * with new ones) drops the message pending, and the frame says so; a
 * retransmission of bytes held already is passed over.  SYN, RST and FIN
 * end what is pending.  It knows no protocol: sequence numbers come from
 * the transport's segment hook, lengths from the application's pdu_len.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/flow.h"
#include "strata/proto/tcpsegs.h"
#include "strata/reasm.h"
#include "strata/registry.h"

struct part {
	uint64_t	 num;		/* the frame that carried it */
	uint32_t	 len;		/* its bytes in the message */
};

struct stream {
	int		 used;
	uint8_t		 key[36];	/* addresses and ports, source first */
	uint8_t		 keylen;
	const struct st_proto *app;
	uint32_t	 next;		/* the sequence number expected */
	size_t		 need;		/* the message's length, or
					   ST_PDU_MORE: not known yet */
	uint8_t		*buf;
	size_t		 have, cap;
	struct part	 p[ST_TCPR_SEGS];
	unsigned	 np;
	time_t		 last;		/* the capture's time, last added to */
	uint64_t	 seen;		/* for eviction */
};

struct st_tcpr {
	size_t		 total;		/* bytes held in all streams */
	uint64_t	 clock;
	struct stream	 s[ST_TCPR_STREAMS];
};

/* What one segment is, as the stream reassembly sees it. */
struct seg {
	struct st_dctx	*d;
	st_tcpr_chain	 chain;
	unsigned	 ti;		/* its transport layer */
	uint32_t	 pay, n;	/* its payload in the frame */
	struct st_segment sg;
	uint8_t		 key[36];
	uint8_t		 keylen;
};

struct st_tcpr *
st_tcpr_new(void)
{
	return calloc(1, sizeof(struct st_tcpr));
}

static void
drop(struct st_tcpr *t, struct stream *s)
{
	t->total -= s->have;
	free(s->buf);
	memset(s, 0, sizeof(*s));
}

void
st_tcpr_reset(struct st_tcpr *t)
{
	size_t i;

	for (i = 0; t != NULL && i < ST_TCPR_STREAMS; i++)
		drop(t, &t->s[i]);
}

void
st_tcpr_free(struct st_tcpr *t)
{
	st_tcpr_reset(t);
	free(t);
}

/* The pending message of key, or NULL; those timed out dropped first. */
static struct stream *
lookup(struct st_tcpr *t, const struct seg *g, time_t now)
{
	struct stream *s;
	size_t i;

	for (i = 0; i < ST_TCPR_STREAMS; i++) {
		s = &t->s[i];
		if (s->used && (now - s->last > ST_TCPR_TIMEOUT ||
		    s->last - now > ST_TCPR_TIMEOUT))
			drop(t, s);
		if (s->used && s->keylen == g->keylen &&
		    memcmp(s->key, g->key, g->keylen) == 0)
			return s;
	}
	return NULL;
}

/* A slot for a new pending message: a free one, else the oldest. */
static struct stream *
slot(struct st_tcpr *t, const struct seg *g)
{
	struct stream *s, *old = NULL;
	size_t i;

	for (i = 0; i < ST_TCPR_STREAMS; i++) {
		s = &t->s[i];
		if (!s->used) {
			old = s;
			break;
		}
		if (old == NULL || s->seen < old->seen)
			old = s;
	}
	drop(t, old);
	old->used = 1;
	memcpy(old->key, g->key, g->keylen);
	old->keylen = g->keylen;
	return old;
}

/* Appends n bytes at b to s; -1 (and nothing kept) past the limits. */
static int
keep(struct st_tcpr *t, struct stream *s, const uint8_t *b, size_t n)
{
	size_t cap;
	uint8_t *nb;

	if (s->have + n > ST_TCPR_MAXPDU || t->total + n > ST_TCPR_TOTAL)
		return -1;
	if (s->have + n > s->cap) {
		cap = s->cap == 0 ? 4096 : s->cap;
		while (cap < s->have + n)
			cap *= 2;
		if ((nb = realloc(s->buf, cap)) == NULL)
			return -1;
		s->buf = nb;
		s->cap = cap;
	}
	memcpy(s->buf + s->have, b, n);
	s->have += n;
	t->total += n;
	return 0;
}

/* The key of the segment's direction: addresses and ports, from the
 * network layer before ti and the transport's ends. */
static int
key_of(const struct st_packet *pkt, struct seg *g)
{
	const struct st_layer *net = NULL, *tl = &pkt->layers[g->ti];
	const struct st_field *a[2], *p[2];
	const uint8_t *b;
	size_t n, k = 0;
	unsigned i;

	for (i = 0; i < g->ti; i++)
		if (pkt->layers[i].depth == 0 &&
		    pkt->layers[i].proto->role == ST_ROLE_NET)
			net = &pkt->layers[i];
	if (net == NULL || st_flow_ends(pkt, net, a) != 0 ||
	    st_flow_ends(pkt, tl, p) != 0)
		return 0;
	for (i = 0; i < 2; i++) {
		if ((b = st_field_bytes(pkt, a[i], &n)) == NULL || n > 16)
			return 0;
		memcpy(g->key + k, b, n);
		k += n;
	}
	for (i = 0; i < 2; i++) {
		g->key[k++] = (uint8_t)(p[i]->val >> 8);
		g->key[k++] = (uint8_t)p[i]->val;
	}
	g->keylen = (uint8_t)k;
	return 1;
}

/* Forgets the layers from index k on (the segment's own application
 * layers, about to be shown otherwise), and the notes they made ("a
 * record continues in a later segment": it is gathered now). */
static void
cut_layers(struct st_packet *pkt, unsigned k)
{
	if (k >= pkt->nlayers)
		return;
	pkt->nfields = pkt->layers[k].field0;
	if (pkt->nnotes > pkt->layers[k].note0)
		pkt->nnotes = pkt->layers[k].note0;
	pkt->nlayers = k;
}

/* The first layer from index k on (the segment's own, decoded from the
 * frame's bytes) that starts at or after off. */
static unsigned
first_from(const struct st_packet *pkt, unsigned k, uint32_t off)
{
	for (; k < pkt->nlayers; k++)
		if (pkt->layers[k].off >= off)
			break;
	return k;
}

/* The held part [off, off + n) of the frame, as a layer of its own. */
static void
show_held(struct st_packet *pkt, uint32_t off, uint32_t n, size_t need)
{
	struct st_layer *ly;

	if ((ly = st_pkt_add_layer(pkt, st_tcpsegs_h.held, off, 0)) == NULL)
		return;
	ly->hdr_len = n;
	ly->len = n;
	st_pkt_add_field(pkt, st_tcpsegs_h.data, off * 8, n * 8, 0);
	if (need != ST_PDU_MORE)
		st_pkt_add_field(pkt, st_tcpsegs_h.need, 0, 0, need);
}

/* The cursor over the frame's bytes [off, end). */
static struct st_cur
frame_cur(const struct st_packet *pkt, uint32_t off, uint32_t end)
{
	struct st_cur c = st_cur_make(pkt->data, end);

	c.off = off;
	return c;
}

/*
 * The messages of the segment from byte from of its payload on, as app
 * sizes them: when the last runs past the segment's end, its part is held
 * (a new pending message) and shown so, the layers the segment's own
 * decoding made of it (from index k on) put aside.  Bounded: ST_TCPR_PDUS messages.
 */
static void
hold_tail(struct st_tcpr *t, struct seg *g, const struct st_proto *app,
    uint32_t from, unsigned k)
{
	struct st_packet *pkt = g->d->pkt;
	struct stream *s;
	struct st_cur c;
	uint32_t pos = from;
	size_t r = 0;
	unsigned i;

	for (i = 0; i < ST_TCPR_PDUS && pos < g->n; i++) {
		c = frame_cur(pkt, g->pay + pos, g->pay + g->n);
		if ((r = app->pdu_len(&c)) == 0)
			return;		/* no message starts here */
		if (r != ST_PDU_MORE && r <= g->n - pos) {
			pos += (uint32_t)r;
			continue;
		}
		break;
	}
	if (pos >= g->n || i == ST_TCPR_PDUS)
		return;
	s = slot(t, g);
	s->app = app;
	s->need = r;
	s->next = g->sg.seq + g->n;
	s->last = pkt->ts.tv_sec;
	s->seen = ++t->clock;
	if (r != ST_PDU_MORE && r > ST_TCPR_MAXPDU) {
		drop(t, s);
		st_pkt_note(pkt, st_pkt_printf(pkt, "reassembly: a message of "
		    "%zu bytes is over the %u a stream may hold: not gathered",
		    r, ST_TCPR_MAXPDU));
		return;
	}
	if (keep(t, s, pkt->data + g->pay + pos, g->n - pos) != 0) {
		drop(t, s);
		st_pkt_note(pkt, "reassembly: too many bytes held: the message "
		    "is not gathered");
		return;
	}
	s->p[0].num = pkt->num;
	s->p[0].len = g->n - pos;
	s->np = 1;
	cut_layers(pkt, first_from(pkt, k, g->pay + pos));
	show_held(pkt, g->pay + pos, g->n - pos, r);
}

/* Places n bytes after the frame's (and what is there already) in the
 * packet's own buffer; the offset they start at, or 0. */
static uint32_t
place(struct st_packet *pkt, const uint8_t *b, size_t n)
{
	size_t at = (size_t)pkt->caplen + pkt->xlen, need = at + n, cap;
	uint8_t *nb;

	if (need > ST_TCPR_MAXPDU * 2 + 0x10000 + (size_t)pkt->caplen)
		return 0;
	if (need > pkt->xcap) {
		cap = need < 4096 ? 4096 : need;
		if ((nb = realloc(pkt->xbuf, cap)) == NULL)
			return 0;
		if (pkt->data == pkt->xbuf)
			pkt->data = nb;
		pkt->xbuf = nb;
		pkt->xcap = cap;
	}
	if (pkt->data != pkt->xbuf) {
		memcpy(pkt->xbuf, pkt->data, pkt->caplen);
		pkt->data = pkt->xbuf;
	}
	memcpy(pkt->xbuf + at, b, n);
	pkt->xlen += (uint32_t)n;
	return (uint32_t)at;
}

/* "[3 Reassembled TCP Segments (3013 bytes): #6(1378), #7(1448),
 * #8(187)]", after the line a datagram's fragments made, if any. */
static void
reasm_line(struct st_packet *pkt, const struct stream *s)
{
	char buf[ST_TCPR_SEGS * 24 + 128];
	size_t k = 0;
	unsigned i;
	int w;

	w = snprintf(buf, sizeof(buf), "%s%s[%u Reassembled TCP Segment%s "
	    "(%zu bytes):", pkt->reasm != NULL ? pkt->reasm : "",
	    pkt->reasm != NULL ? "; " : "", s->np, s->np == 1 ? "" : "s",
	    s->need);
	for (i = 0; w > 0 && (k += (size_t)w) < sizeof(buf) && i < s->np; i++)
		w = snprintf(buf + k, sizeof(buf) - k, "%s #%llu(%u)",
		    i > 0 ? "," : "", (unsigned long long)s->p[i].num,
		    s->p[i].len);
	if (k < sizeof(buf))
		snprintf(buf + k, sizeof(buf) - k, "]");
	pkt->reasm = st_pkt_strdup(pkt, buf);
}

/* The message of s, complete with the first take bytes of the segment:
 * its segments' layer, then its own layers decoded from its bytes placed
 * after the frame's. */
static void
complete(struct seg *g, struct stream *s, uint32_t take)
{
	struct st_packet *pkt = g->d->pkt;
	struct st_layer *ly;
	uint32_t at;
	unsigned i;

	if ((at = place(pkt, s->buf, s->need)) == 0) {
		st_pkt_note(pkt, "reassembly: out of memory");
		return;
	}
	reasm_line(pkt, s);
	if ((ly = st_pkt_add_layer(pkt, st_tcpsegs_h.segs, at, 0)) == NULL)
		return;
	ly->hdr_len = 0;
	ly->len = (uint32_t)s->need;
	/* As tshark: this segment's part of it.  (tcp.pdu.size is left
	 * out: tshark gives it only for protocols that frame through
	 * tcp_dissect_pdus, DNS but not TLS or HTTP.) */
	st_pkt_add_field(pkt, st_tcpsegs_h.data, g->pay * 8, take * 8, 0);
	for (i = 0; i < s->np; i++)
		st_pkt_add_field(pkt, st_tcpsegs_h.seg, 0, 0, s->p[i].num);
	st_pkt_add_field(pkt, st_tcpsegs_h.count, 0, 0, s->np);
	st_pkt_add_field(pkt, st_tcpsegs_h.len, 0, 0, s->need);
	st_pkt_add_field(pkt, st_tcpsegs_h.whole, at * 8,
	    (uint32_t)s->need * 8, 0);
	g->chain(g->d, at, at + s->need, s->app);
}

/* Adds the segment to s, the message pending in its direction. */
static void
add_to(struct st_tcpr *t, struct seg *g, struct stream *s)
{
	struct st_packet *pkt = g->d->pkt;
	const struct st_proto *app = s->app;
	uint32_t take = g->n;
	struct st_cur c;
	unsigned k;
	size_t r;

	if (s->need != ST_PDU_MORE && s->need - s->have < take)
		take = (uint32_t)(s->need - s->have);
	if (s->np == ST_TCPR_SEGS ||
	    keep(t, s, pkt->data + g->pay, take) != 0) {
		drop(t, s);
		st_pkt_note(pkt, "reassembly: the message pending is over the "
		    "limits (bytes or segments held): dropped");
		return;
	}
	s->p[s->np].num = pkt->num;
	s->p[s->np++].len = take;
	s->next = g->sg.seq + g->n;
	s->last = pkt->ts.tv_sec;
	s->seen = ++t->clock;
	if (s->need == ST_PDU_MORE) {
		c = st_cur_make(s->buf, s->have);
		if ((r = app->pdu_len(&c)) == 0) {
			drop(t, s);
			st_pkt_note(pkt, "reassembly: the bytes held start no "
			    "message after all: dropped");
			return;
		}
		s->need = r;
		if (r != ST_PDU_MORE && r < s->have) {
			/* The message ends in this segment. */
			take -= (uint32_t)(s->have - r);
			s->p[s->np - 1].len = take;
			t->total -= s->have - r;
			s->have = r;
		}
	}
	cut_layers(pkt, g->ti + 1);
	if (s->need == ST_PDU_MORE || s->have < s->need) {
		show_held(pkt, g->pay, g->n, s->need);
		return;
	}
	complete(g, s, take);
	drop(t, s);
	if (take < g->n) {
		/* What follows the message in the segment: decoded anew. */
		k = pkt->nlayers;
		g->chain(g->d, g->pay + take, g->pay + g->n, app);
		hold_tail(t, g, app, take, k);
	}
}

/* Whether sequence number a comes before b (RFC 9293 3.4, modulo 2^32). */
static int
seq_lt(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

/* The application protocol of a segment with no message pending: the
 * layer its own decoding made, else the one its ports bind; with a
 * pdu_len hook, or NULL. */
static const struct st_proto *
app_of(const struct st_packet *pkt, const struct seg *g)
{
	const struct st_layer *tl = &pkt->layers[g->ti];
	const struct st_proto *p;
	const struct st_field *e[2];

	if (g->ti + 1 < pkt->nlayers && pkt->layers[g->ti + 1].off == g->pay &&
	    pkt->layers[g->ti + 1].proto->pdu_len != NULL)
		return pkt->layers[g->ti + 1].proto;
	if (st_flow_ends(pkt, tl, e) != 0)
		return NULL;
	p = st_proto_port(ST_KEY_TCPPORT, (uint16_t)e[0]->val,
	    (uint16_t)e[1]->val);
	return p != NULL && p->pdu_len != NULL ? p : NULL;
}

/* The transport layer whose segment this frame is: the innermost at
 * depth 0 with a segment hook, whole; UINT_MAX if none. */
static unsigned
transport_of(const struct st_packet *pkt)
{
	unsigned i, ti = ~0u;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 0 &&
		    pkt->layers[i].proto->segment != NULL)
			ti = i;
	if (ti != ~0u && pkt->layers[ti].status != ST_LS_OK)
		return ~0u;
	return ti;
}

void
st_tcpr_segment(struct st_tcpr *t, struct st_dctx *d, st_tcpr_chain chain)
{
	struct st_packet *pkt = d->pkt;
	const struct st_layer *tl;
	const struct st_proto *app;
	struct stream *s;
	struct seg g;

	memset(&g, 0, sizeof(g));
	if (t == NULL || (g.ti = transport_of(pkt)) == ~0u)
		return;
	g.d = d;
	g.chain = chain;
	tl = &pkt->layers[g.ti];
	/* A segment in a fragment of a datagram is not all here: only the
	 * datagram, when reassembled, carries it whole (after caplen). */
	if (pkt->frag && tl->off < pkt->caplen)
		return;
	if (!tl->proto->segment(pkt, tl, &g.sg) || !key_of(pkt, &g))
		return;
	g.pay = tl->off + tl->hdr_len;
	g.n = tl->len - tl->hdr_len;
	s = lookup(t, &g, pkt->ts.tv_sec);
	if (s != NULL && ((g.sg.flags & (ST_SEG_SYN | ST_SEG_RST)) ||
	    pkt->caplen < pkt->len)) {
		drop(t, s);
		st_pkt_note(pkt, g.sg.flags & ST_SEG_RST ? "reassembly: reset: "
		    "the message pending is dropped" : g.sg.flags & ST_SEG_SYN ?
		    "reassembly: a new connection: the message pending is "
		    "dropped" : "reassembly: the segment is cut short: the "
		    "message pending is dropped");
		return;
	}
	if (g.n == 0 || pkt->caplen < pkt->len ||
	    (g.sg.flags & ST_SEG_RST)) {
		if (s != NULL && (g.sg.flags & ST_SEG_FIN))
			drop(t, s);
		return;
	}
	if (s == NULL) {
		if ((app = app_of(pkt, &g)) != NULL)
			hold_tail(t, &g, app, 0, g.ti + 1);
		return;
	}
	if (g.sg.seq == s->next) {
		add_to(t, &g, s);
	} else if (!seq_lt(s->next, g.sg.seq + g.n)) {
		/* Shown as the part it repeats, not decoded again. */
		cut_layers(pkt, g.ti + 1);
		show_held(pkt, g.pay, g.n, s->need);
		st_pkt_note(pkt, "reassembly: a retransmission of bytes held "
		    "already: not added");
		return;
	} else {
		drop(t, s);
		st_pkt_note(pkt, st_pkt_printf(pkt, "reassembly: a segment out "
		    "of order (%s): the message pending is dropped, not "
		    "reassembled", seq_lt(s->next, g.sg.seq) ?
		    "bytes missing before it" : "overlapping the bytes held"));
		return;
	}
	if ((g.sg.flags & ST_SEG_FIN) && (s = lookup(t, &g,
	    pkt->ts.tv_sec)) != NULL)
		drop(t, s);
}
