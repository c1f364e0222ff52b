/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP analysis: each segment against its connection, as tshark's
 * tcp.analysis.* reads it (retransmissions, out-of-order segments,
 * duplicate ACKs, windows), and the relative sequence numbers.
 *
 * The state is bounded: per connection, in the conversations table's
 * entry (struct st_flowent: the first sequence number each way there, a
 * few bytes in its user[] bytes and its user bits) and its side block
 * (the rest of struct conn below), with no list of the segments in
 * flight.  tshark keeps such a list but, for
 * these marks, reads only the highest sequence number sent each way
 * (nextseq), the frame and time it came in, the last ACK and window each
 * way and the count of duplicate ACKs; so the marks come out the same.  Times are
 * kept in microseconds, modulo 2^32 (71 minutes): the thresholds they are
 * compared with are of milliseconds.
 */
#include <stddef.h>
#include <string.h>

#include "tcpan.h"

#define SYN	0x002
#define FIN	0x001
#define RST	0x004
#define ACK	0x010

/* ws[]: the shift its SYN announced (WS_SHIFT), or none was (WS_NONE);
 * neither: no SYN seen.  The last segment's keep-alive and probe marks. */
#define WS_SHIFT	0x0f
#define WS_KNOWN	0x10
#define WS_NONE		0x20
#define LAST_KA		0x40
#define LAST_ZWP	0x80

/* The entry's user bits: a first sequence number seen (first[] set) and
 * a FIN seen, each way. */
#define SEEN(f)		(ST_FLOW_USER << (f))
#define FINSEEN(f)	(ST_FLOW_USER << 2 << (f))

/*
 * One connection's analysis, both ways ([0] from end A, [1] from B): the
 * first ST_FLOW_SIDE bytes are kept in the table's side block of the
 * connection, the rest (what the window means, and the count of
 * duplicate ACKs) in its entry's user bytes, so that a connection whose
 * block was taken for another keeps its window scale.  Worked on whole,
 * in a copy (conn_load, conn_store).
 */
struct conn {
	uint32_t	 next[2];	/* the highest seq + len sent; 0: none */
	uint32_t	 nextframe[2];	/* the frame that sent it */
	uint32_t	 nexttime[2];	/* and its time */
	uint32_t	 maxack[2];	/* the highest seq sent without a gap */
	uint32_t	 ack[2];	/* the last ACK number sent */
	uint32_t	 acktime[2];
	uint32_t	 nondup[2];	/* the last ACK that repeated none */
	uint16_t	 win[2];	/* the last window, as on the wire */
	uint32_t	 rtt;		/* SYN to the handshake's ACK; 0: none */
	/* In the entry: */
	uint16_t	 mss[2];	/* announced in the SYN; 0: none */
	uint8_t		 dup[2];	/* duplicate ACKs in a row */
	uint8_t		 ws[2];
};
#define HEAD	offsetof(struct conn, mss)
#define HEADLEN	(sizeof(struct conn) - HEAD)

_Static_assert(HEAD == ST_FLOW_SIDE, "the side block holds what is above "
    "mss");
_Static_assert(HEADLEN <= sizeof(((struct st_flowent *)0)->user),
    "the rest fits the entry's user bytes");

/* Totals, in the table's counters. */
enum { C_SEGS, C_RETRANS, C_OOO, C_DUPACK, C_ZEROWIN, C_LOST, C_RESTART };

/* Sequence numbers compared modulo 2^32. */
#define LT(a, b)	((int32_t)((a) - (b)) < 0)
#define GT(a, b)	((int32_t)((a) - (b)) > 0)
#define LE(a, b)	((int32_t)((a) - (b)) <= 0)

static uint32_t
usec(const struct st_packet *pkt)
{
	return (uint32_t)((uint64_t)pkt->ts.tv_sec * 1000000u +
	    (uint64_t)pkt->ts.tv_nsec / 1000);
}

/* A SYN's options: the MSS and the window scale; RFC 7323 2.3: scaling
 * only when both SYNs carry the option. */
static void
syn_opts(struct conn *k, int f, const struct tcpan_seg *sg)
{
	int v = 1 - f;

	if (sg->mss > 0)
		k->mss[f] = (uint16_t)sg->mss;
	k->ws[f] &= LAST_KA | LAST_ZWP;
	k->ws[f] |= sg->ws >= 0 ? WS_KNOWN | (sg->ws > 14 ? 14 : sg->ws) :
	    WS_NONE;
	if ((sg->flags & ACK) && (k->ws[v] & (WS_KNOWN | WS_NONE)) &&
	    ((k->ws[f] | k->ws[v]) & WS_NONE)) {
		k->ws[f] = (uint8_t)((k->ws[f] & ~(WS_KNOWN | WS_SHIFT)) |
		    WS_NONE);
		k->ws[v] = (uint8_t)((k->ws[v] & ~(WS_KNOWN | WS_SHIFT)) |
		    WS_NONE);
	}
}

/* The shift of direction d's windows: -1 unknown, -2 none. */
static int
shift_of(const struct conn *k, int d)
{
	if (k->ws[d] & WS_KNOWN)
		return k->ws[d] & WS_SHIFT;
	return k->ws[d] & WS_NONE ? -2 : -1;
}

/* The marks before the retransmission checks: windows, gaps, keep-alives,
 * duplicate ACKs.  Returns them. */
static unsigned
marks_fwd(struct conn *k, int f, int seen_v, const struct tcpan_seg *sg,
    struct st_tcp_rel *r)
{
	int v = 1 - f, sh = shift_of(k, v);
	unsigned m = 0, sfr = sg->flags & (SYN | FIN | RST);
	int same = sg->len == 0 && sg->seq == k->next[f] &&
	    sg->ack == k->ack[f] && !sfr;

	if (sg->len == 1 && sg->seq == k->next[f] && seen_v && k->win[v] == 0)
		return ST_TCPA_ZWP;
	if (sg->win == 0 && !sfr)
		m |= ST_TCPA_ZEROWIN;
	if (k->next[f] != 0 && GT(sg->seq, k->next[f]) && !(sg->flags & RST))
		m |= ST_TCPA_LOST;
	if (sg->len <= 1 && sg->seq == k->next[f] - 1 && !sfr)
		m |= ST_TCPA_KA;
	if (same && sg->win != 0 && sg->win != k->win[f])
		m |= ST_TCPA_WINUPD;
	if (sg->len > 0 && seen_v && sh != -1 && !sfr &&
	    sg->seq + sg->len == k->ack[v] + ((uint32_t)k->win[v] <<
	    (sh < 0 ? 0 : sh)))
		m |= ST_TCPA_WINFULL;
	if (same && sg->win != 0 && sg->win == k->win[f] &&
	    (k->ws[v] & LAST_KA))
		return m | ST_TCPA_KAACK;
	if (same && sg->win == 0 && sg->win == k->win[f] &&
	    (k->ws[v] & LAST_ZWP))
		return m | ST_TCPA_ZWPACK;
	if (same && sg->win != 0 && sg->win == k->win[f]) {
		if (k->dup[f] < 255)
			k->dup[f]++;
		m |= ST_TCPA_DUPACK;
		r->dup_num = k->dup[f];
		r->dup_frame = k->nondup[f];
	}
	return m;
}

/* A segment that does not move the sequence number on: which kind. */
static unsigned
marks_retrans(const struct conn *k, int f, const struct tcpan_seg *sg,
    uint32_t now)
{
	int v = 1 - f;
	int behind = k->next[f] != 0 && LT(sg->seq, k->next[f]);
	uint32_t thr = k->rtt != 0 ? k->rtt : 3000;
	uint32_t end = sg->seq + sg->len + ((sg->flags & (SYN | FIN)) ? 1 : 0);

	/* A byte before what was sent: a zero window probe's answer. */
	if (sg->len > 1 && k->next[f] - 1 == sg->seq)
		behind = 0;
	if (behind && k->dup[v] >= 2 && k->ack[v] == sg->seq &&
	    now - k->acktime[v] < 20000)
		return ST_TCPA_FAST;
	if (behind && now - k->nexttime[f] < thr && k->next[f] != end)
		return ST_TCPA_OOO;
	if (sg->len > 0 && k->ack[v] != 0 && LE(sg->seq + sg->len, k->ack[v]))
		return ST_TCPA_SPURIOUS;
	if (!behind)
		return 0;
	return ST_TCPA_RETRANS;
}

/* The key under which the frame that sent direction f's segment at seq is
 * kept (the table's cache): the direction's first seq and frame tell the
 * connection, and never change. */
static uint64_t
seg_key(const struct st_flowent *c, int f, uint32_t seq)
{
	uint64_t h = ((uint64_t)c->first[f] << 32 | c->frame[f]) *
	    0x9e3779b97f4a7c15u;

	h ^= ((uint64_t)seq << 1 | (unsigned)f) * 0xff51afd7ed558ccdu;
	return h | 1;
}

/*
 * A retransmission's original, as tshark names it (rto_frame): the oldest
 * segment sent this way not yet acknowledged, that is the one starting
 * where the other way's last ACK points; when it is no longer known, the
 * frame that sent the highest sequence number.
 */
static uint32_t
rto_frame(struct st_flows *t, const struct st_flowent *c, const struct conn *k,
    int f)
{
	uint32_t n = st_flows_find(t, seg_key(c, f, k->ack[1 - f]));

	return n != 0 ? n : k->nextframe[f];
}

/* Moves the connection on by segment sg, frame num, and marks it. */
static unsigned
analyse(struct st_flows *t, const struct st_flowent *c, struct conn *k, int f,
    int seen_v, const struct tcpan_seg *sg, uint32_t num, uint32_t now,
    struct st_tcp_rel *r)
{
	int v = 1 - f;
	unsigned m;
	uint32_t next;

	if (sg->flags & SYN)
		syn_opts(k, f, sg);
	else if ((sg->flags & ACK) && k->rtt == 0 &&
	    (k->ws[f] & (WS_KNOWN | WS_NONE)) && k->nextframe[f] != 0)
		k->rtt = now - k->nexttime[f] != 0 ? now - k->nexttime[f] : 1;
	m = marks_fwd(k, f, seen_v, sg, r);
	/* Past a gap: the segment tshark would take for the oldest one
	 * unacknowledged when the missing one is sent again. */
	if (m & ST_TCPA_LOST)
		st_flows_put(t, seg_key(c, f, k->next[f]), num, 1);
	if (sg->ack != k->ack[f]) {
		k->nondup[f] = num;
		k->dup[f] = 0;
	}
	if (k->maxack[v] != 0 && GT(sg->ack, k->maxack[v]) &&
	    (sg->flags & ACK)) {
		m |= ST_TCPA_ACKLOST;
		k->maxack[v] = k->next[v];
	}
	if ((sg->len > 0 || (sg->flags & (SYN | FIN))) && !(m & ST_TCPA_KA)) {
		m |= marks_retrans(k, f, sg, now);
		if (m & ST_TCPA_RETRANS)
			r->rto_frame = rto_frame(t, c, k, f);
		st_flows_put(t, seg_key(c, f, sg->seq), num, 1);
	}
	next = sg->seq + sg->len + ((sg->flags & (SYN | FIN)) ? 1 : 0);
	if ((GT(next, k->next[f]) || k->next[f] == 0) && !(m & ST_TCPA_ZWP)) {
		k->next[f] = next;
		k->nextframe[f] = num;
		k->nexttime[f] = now;
	}
	if ((sg->seq == k->maxack[f] || k->maxack[f] == 0) &&
	    !(m & ST_TCPA_ZWP))
		k->maxack[f] = k->next[f];
	k->win[f] = (uint16_t)sg->win;
	k->ack[f] = sg->ack;
	k->acktime[f] = now;
	k->ws[f] = (uint8_t)((k->ws[f] & ~(LAST_KA | LAST_ZWP)) |
	    (m & ST_TCPA_KA ? LAST_KA : 0) | (m & ST_TCPA_ZWP ? LAST_ZWP : 0));
	return m;
}

/* What the window is in bytes, and by which SYN. */
static void
window_of(const struct st_flowent *c, const struct conn *k, int f,
    const struct tcpan_seg *sg, struct st_tcp_rel *r)
{
	r->ws = shift_of(k, f);
	r->ws_frame = c->frame[f];
	r->win = sg->win;
	if (!(sg->flags & SYN) && r->ws >= 0)
		r->win = (uint64_t)sg->win << r->ws;
	r->peer_mss = k->mss[1 - f];
}

/* The relative numbers' bases, and the first packet each way made. */
static void
rel_fill(struct st_flowent *c, int f, uint64_t num, struct st_tcp_rel *r)
{
	if (!(c->state & SEEN(f))) {
		c->first[f] = r->seq;
		c->frame[f] = (uint32_t)num;
		c->state |= SEEN(f);
	}
	r->sbase = c->first[f];
	r->sframe = c->frame[f];
	r->first = c->frame[f] == (uint32_t)num;
	if (c->state & SEEN(1 - f)) {
		r->abase = c->first[1 - f];
		r->aframe = c->frame[1 - f];
	}
}

static void
count(struct st_flows *t, unsigned m)
{
	uint64_t *n = st_flows_counters(t);

	if (n == NULL)
		return;
	n[C_SEGS]++;
	n[C_RETRANS] += (m & (ST_TCPA_RETRANS | ST_TCPA_FAST |
	    ST_TCPA_SPURIOUS)) != 0;
	n[C_OOO] += (m & ST_TCPA_OOO) != 0;
	n[C_DUPACK] += (m & ST_TCPA_DUPACK) != 0;
	n[C_ZEROWIN] += (m & ST_TCPA_ZEROWIN) != 0;
	n[C_LOST] += (m & ST_TCPA_LOST) != 0;
}

/* The state moved on by the segment (frame num, time now), once. */
static void
tcpan_step(struct st_flows *t, struct st_flowent *c, struct conn *k, int f,
    int made, uint32_t num, uint32_t now, const struct tcpan_seg *sg,
    struct st_tcp_rel *r)
{
	int seen_v = (c->state & SEEN(1 - f)) != 0;

	if (made)
		r->late = (c->state & ST_FLOW_LATE) && !(sg->flags & SYN);
	rel_fill(c, f, num, r);
	r->marks = analyse(t, c, k, f, seen_v, sg, num, now, r);
	window_of(c, k, f, sg, r);
	if (sg->flags & RST)
		c->state |= ST_FLOW_CLOSED;
	if (sg->flags & FIN)
		c->state |= FINSEEN(f);
	if ((c->state & FINSEEN(0)) && (c->state & FINSEEN(1)))
		c->state |= ST_FLOW_CLOSED;
}

/* The numbers of a segment on its own, before its connection's. */
static void
rel_init(struct st_tcp_rel *r, const struct tcpan_seg *sg)
{
	memset(r, 0, sizeof(*r));
	r->seq = sg->seq;
	r->ack = sg->ack;
	r->len = sg->len;
	r->win = sg->win;
	r->ws = -1;
	r->first = 1;
}

/*
 * A connection's first segment, while it is the only one seen (the
 * table's first sightings, st_flow_once): what the analysis read of it,
 * from which the connection's state is made again, exactly, if a second
 * segment comes.  A segment longer than 64 KiB makes the whole entry at
 * once.  A window scale over 14 is kept as 15 (it means 14: RFC 7323).
 */
struct once {
	uint32_t	 seq, ack, usec;
	uint16_t	 len, win;
	uint16_t	 mss;		/* 0: none */
	uint8_t		 flags;		/* SYN, FIN, RST, ACK; ONCE_LATE */
	uint8_t		 dir;		/* the direction, and ONCE_WS */
};
#define ONCE_LATE	0x80
#define ONCE_WS(ws)	((unsigned)((ws) < 0 ? 0 : (ws) > 14 ? 15 : (ws) + 1) << 1)

_Static_assert(sizeof(struct once) <= ST_FLOW_ONCE,
    "a first sighting fits the table's bytes for it");

static int
once_fits(const struct tcpan_seg *sg)
{
	return sg->len <= 0xffff && sg->win <= 0xffff;
}

static void
once_put(uint8_t *o, int dir, int late, const struct tcpan_seg *sg,
    uint32_t now)
{
	struct once w;

	w.seq = sg->seq;
	w.ack = sg->ack;
	w.usec = now;
	w.len = (uint16_t)sg->len;
	w.win = (uint16_t)sg->win;
	w.mss = (uint16_t)(sg->mss > 0 ? sg->mss : 0);
	w.flags = (uint8_t)((sg->flags & (SYN | FIN | RST | ACK)) |
	    (late ? ONCE_LATE : 0));
	w.dir = (uint8_t)(dir | ONCE_WS(sg->ws));
	memcpy(o, &w, sizeof(w));
}

/* The connection's entry made from its first sighting w (frame when),
 * as if it had been made then. */
static void
once_replay(struct st_flows *t, struct st_flowent *c, struct conn *k,
    const struct once *w, uint32_t when)
{
	struct tcpan_seg sg;
	struct st_tcp_rel r0;

	memset(&sg, 0, sizeof(sg));
	sg.seq = w->seq;
	sg.ack = w->ack;
	sg.len = w->len;
	sg.win = w->win;
	sg.flags = w->flags & (SYN | FIN | RST | ACK);
	sg.mss = w->mss > 0 ? w->mss : -1;
	sg.ws = (w->dir >> 1) - 1;
	rel_init(&r0, &sg);
	tcpan_step(t, c, k, w->dir & 1, 1, when, w->usec, &sg, &r0);
	c->state = (uint8_t)((c->state & ~ST_FLOW_LATE) |
	    (w->flags & ONCE_LATE ? ST_FLOW_LATE : 0));
}

/*
 * The connection's entry for segment sg, direction dir, frame num (the
 * table's own, found or made), or NULL with r filled when this is the
 * connection's first sighting (kept in 32 bytes, not an entry); *when
 * the frame of the first sighting *w it was made from, 0: none.
 */
static struct st_flowent *
conn_of(struct st_flows **flows, const struct st_flowkey *k, int dir,
    uint32_t num, uint32_t now, const struct tcpan_seg *sg, int *made,
    struct once *w, uint64_t *when, struct st_tcp_rel *r)
{
	struct st_flowent *c, tmp;
	struct conn k0;
	uint64_t evicted;
	uint8_t *o;

	*made = 0;
	*when = 0;
	if ((c = st_flow_find(flows, k, num)) != NULL)
		return c;
	if (once_fits(sg)) {
		if ((o = st_flow_once(flows, k, num, when)) == NULL)
			return NULL;
		if (*when == 0) {
			st_flows_count(*flows, NULL, &evicted);
			memset(&tmp, 0, sizeof(tmp));
			memset(&k0, 0, sizeof(k0));
			tmp.state = evicted > 0 ? ST_FLOW_LATE : 0;
			tcpan_step(*flows, &tmp, &k0, dir, 1, num, now, sg, r);
			once_put(o, dir, evicted > 0, sg, now);
			return NULL;
		}
		memcpy(w, o, sizeof(*w));
		st_flow_once_drop(*flows, o);
	}
	if ((c = st_flow_get(flows, k, num, made)) != NULL && *when != 0)
		*made = 0;
	return c;
}

/* The connection's analysis from its side block blk (NULL: none, for
 * want of memory) and its entry; *lost: the block was made again. */
static void
conn_load(struct conn *k, const struct st_flowent *c, const void *blk,
    int fresh, struct st_tcp_rel *r)
{
	memset(k, 0, sizeof(*k));
	if (blk != NULL)
		memcpy(k, blk, HEAD);
	memcpy((unsigned char *)k + HEAD, c->user, HEADLEN);
	if (fresh == 2) {
		k->dup[0] = k->dup[1] = 0;
		r->restarted = 1;
	}
}

static void
conn_store(const struct conn *k, struct st_flowent *c, void *blk)
{
	if (blk != NULL)
		memcpy(blk, k, HEAD);
	memcpy(c->user, (const unsigned char *)k + HEAD, HEADLEN);
}

/* The segment against its connection's entry c (made for it: made; from
 * a first sighting w of frame when: when != 0). */
static void
conn_step(struct st_flows *t, struct st_flowent *c, int made,
    const struct once *w, uint64_t when, int dir, uint32_t num,
    uint32_t now, const struct tcpan_seg *sg, struct st_tcp_rel *r)
{
	struct conn kc;
	void *blk;
	int fresh = 0;

	blk = st_flow_side(t, c, num, &fresh);
	conn_load(&kc, c, blk, fresh, r);
	if (fresh == 2)
		st_flows_counters(t)[C_RESTART]++;
	if (when != 0)
		once_replay(t, c, &kc, w, (uint32_t)when);
	tcpan_step(t, c, &kc, dir, made, num, now, sg, r);
	conn_store(&kc, c, blk);
	if (c->state & ST_FLOW_CLOSED)
		st_flow_side_done(t, c);
}

void
tcpan_get(struct st_flows **flows, const struct st_packet *pkt,
    const struct st_layer *tl, const struct st_flowkey *k, int dir,
    const struct tcpan_seg *sg, int shown, struct st_tcp_rel *r)
{
	struct st_flowent *c;
	struct once w;
	void *memo;
	uint64_t when;
	uint32_t num = (uint32_t)pkt->num, now = usec(pkt);
	int made = 0, hit = 0;

	rel_init(r, sg);
	if (dir < 0 || st_flows_make(flows) == NULL)
		return;
	_Static_assert(sizeof(*r) <= ST_FLOW_MEMO, "a result fits the memo");
	memo = st_flows_memo(*flows, pkt->num, tl->off, &hit);
	if (hit) {
		memcpy(r, memo, sizeof(*r));
		return;
	}
	r->marks = ~0u;
	if ((c = conn_of(flows, k, dir, num, now, sg, &made, &w, &when,
	    r)) != NULL)
		conn_step(*flows, c, made, &w, when, dir, num, now, sg, r);
	if (r->marks == ~0u)
		r->marks = 0;
	else if (shown)
		count(*flows, r->marks);
	memcpy(memo, r, sizeof(*r));
}

/* "win 78 (×1024 = 79872)": scaled only past the SYNs, by a shift > 0. */
void
tcpan_sum_win(struct st_out *o, const struct st_tcp_rel *r, uint32_t raw)
{
	st_out_puts(o, " win ");
	st_out_u64(o, raw);
	if (r->ws > 0 && r->win != raw)
		st_out_printf(o, " (\xc3\x97%u = %llu)", 1u << r->ws,
		    (unsigned long long)r->win);
}

/* The marks, in tshark's words, lower case. */
static const struct {
	unsigned	 bit;
	const char	*word;
	const char	*field;
} words[] = {
	{ ST_TCPA_LOST, "previous segment not captured", "lost_segment" },
	{ ST_TCPA_FAST, "fast retransmission",
	    "fast_retransmission, tcp.analysis.retransmission" },
	{ ST_TCPA_SPURIOUS, "spurious retransmission",
	    "spurious_retransmission, tcp.analysis.retransmission" },
	{ ST_TCPA_RETRANS, "retransmission", "retransmission" },
	{ ST_TCPA_OOO, "out-of-order", "out_of_order" },
	{ ST_TCPA_DUPACK, "dup ack", "duplicate_ack" },
	{ ST_TCPA_ZWP, "zero window probe", "zero_window_probe" },
	{ ST_TCPA_ZWPACK, "zero window probe ack", "zero_window_probe_ack" },
	{ ST_TCPA_ZEROWIN, "zero window", "zero_window" },
	{ ST_TCPA_WINFULL, "window full", "window_full" },
	{ ST_TCPA_WINUPD, "window update", "window_update" },
	{ ST_TCPA_KA, "keep-alive", "keep_alive" },
	{ ST_TCPA_KAACK, "keep-alive ack", "keep_alive_ack" },
	{ ST_TCPA_ACKLOST, "ACKed unseen segment", "ack_lost_segment" },
};
#define NWORDS	(sizeof(words) / sizeof(words[0]))

/* One mark and the frame it refers to ("of frame 4" in the tree). */
static void
mark_word(struct st_out *o, size_t i, const struct st_tcp_rel *r,
    const char *of)
{
	st_out_puts(o, words[i].word);
	if (words[i].bit == ST_TCPA_RETRANS && r->rto_frame != 0)
		st_out_printf(o, " %s%u", of, r->rto_frame);
	else if (words[i].bit == ST_TCPA_DUPACK)
		st_out_printf(o, " #%u %s%u", r->dup_num, of, r->dup_frame);
}

void
tcpan_sum_marks(struct st_out *o, const struct st_tcp_rel *r)
{
	size_t i;

	if (r->late)
		st_out_puts(o, " [new to the full connection table: numbers "
		    "absolute]");
	if (r->restarted)
		st_out_puts(o, " [analysis restarted: more connections at "
		    "once than it keeps]");
	for (i = 0; i < NWORDS && r->marks != 0; i++)
		if (r->marks & words[i].bit) {
			st_out_puts(o, " [");
			mark_word(o, i, r, "of ");
			st_out_putc(o, ']');
		}
}

/* A segment longer than the MSS the other end announced. */
void
tcpan_sum_tso(struct st_out *o, const struct st_tcp_rel *r)
{
	if (r->peer_mss != 0 && r->len > r->peer_mss)
		st_out_printf(o, " > MSS %u: captured before the NIC segmented "
		    "it (TSO/GSO)", r->peer_mss);
}

static void
tree_seq(struct st_out *o, const struct st_tcp_rel *r)
{
	if (r->sframe == 0)
		return;
	if (r->late)
		st_out_puts(o, "        \xe2\x86\xb3 new to the connection table, "
		    "which was full: numbers count from here\n");
	if (r->first)
		st_out_printf(o, "        \xe2\x86\xb3 relative seq 0: the first "
		    "packet this way, its seq the base (tcpdump prints it "
		    "absolute)\n");
	else
		st_out_printf(o, "        \xe2\x86\xb3 relative seq %u = %u - %u, "
		    "the first seq this way (frame %llu)\n", r->seq - r->sbase,
		    r->seq, r->sbase, (unsigned long long)r->sframe);
}

static void
tree_ack(struct st_out *o, const struct st_tcp_rel *r)
{
	if (r->aframe == 0)
		st_out_puts(o, "        \xe2\x86\xb3 the other way not seen yet: "
		    "no relative ack\n");
	else
		st_out_printf(o, "        \xe2\x86\xb3 relative ack %u = %u - %u, "
		    "the first seq the other way (frame %llu)\n",
		    r->ack - r->abase, r->ack, r->abase,
		    (unsigned long long)r->aframe);
}

static void
tree_win(struct st_out *o, const struct st_tcp_rel *r, unsigned flags)
{
	if (r->sframe == 0)
		return;
	if (flags & SYN)
		st_out_puts(o, "        \xe2\x86\xb3 a SYN's window is never "
		    "scaled (RFC 7323 2.2)\n");
	else if (r->ws >= 0)
		st_out_printf(o, "        \xe2\x86\xb3 window %llu \xc3\x97 %u "
		    "(wscale %d, frame %u) = %llu bytes\n",
		    (unsigned long long)(r->win >> r->ws), 1u << r->ws, r->ws,
		    r->ws_frame, (unsigned long long)r->win);
	else if (r->ws == -2)
		st_out_puts(o, "        \xe2\x86\xb3 not scaled: a SYN came "
		    "without the window scale option\n");
	else
		st_out_puts(o, "        \xe2\x86\xb3 scale unknown: this way's "
		    "SYN was not captured, so the window may be larger\n");
}

static void
tree_len(struct st_out *o, const struct st_tcp_rel *r, unsigned flags)
{
	uint32_t rel = r->first ? 0 : r->seq - r->sbase;
	uint32_t a = r->first ? r->seq : rel;

	if (r->sframe == 0)
		return;
	if (r->len > 0)
		st_out_printf(o, "        \xe2\x86\xb3 tcpdump prints seq %u:%u: "
		    "bytes %u to %u, the end exclusive; %u is the\n"
		    "          next segment's seq, and the ack that "
		    "answers this one\n", a, a + r->len, a, a + r->len - 1,
		    a + r->len);
	else if (flags & (SYN | FIN))
		st_out_printf(o, "        \xe2\x86\xb3 %s takes one sequence number "
		    "though it carries no data: the answer acks %u\n",
		    flags & SYN ? "SYN" : "FIN", rel + 1);
	if (r->peer_mss != 0 && r->len > r->peer_mss)
		st_out_printf(o, "        \xe2\x86\xb3 len %u > MSS %u: captured "
		    "before the NIC segmented it (TSO/GSO)\n", r->len,
		    r->peer_mss);
}

static void
tree_marks(struct st_out *o, const struct st_tcp_rel *r)
{
	size_t i;

	if (r->restarted)
		st_out_printf(o, "        \xe2\x86\xb3 analysis restarted here: "
		    "more than %u connections at once had theirs kept, and\n"
		    "          this one's, used longest ago, made room (its "
		    "relative numbers are exact)\n", ST_FLOW_SIDEMAX);

	for (i = 0; i < NWORDS; i++)
		if (r->marks & words[i].bit) {
			st_out_puts(o, "        \xe2\x86\xb3 analysis: ");
			mark_word(o, i, r, "of frame ");
			st_out_printf(o, " (tcp.analysis.%s)\n", words[i].field);
		}
}

void
tcpan_tree(struct st_out *o, int which, const struct st_tcp_rel *r,
    unsigned flags)
{
	switch (which) {
	case TCPAN_SEQ:
		tree_seq(o, r);
		break;
	case TCPAN_ACK:
		if (flags & ACK)
			tree_ack(o, r);
		break;
	case TCPAN_WIN:
		tree_win(o, r, flags);
		break;
	case TCPAN_LEN:
		tree_len(o, r, flags);
		break;
	default:
		tree_marks(o, r);
	}
}

void
tcpan_tally(struct st_out *o, struct st_flows *flows)
{
	const uint64_t *n = st_flows_counters(flows);
	uint64_t evicted;

	if (n == NULL || n[C_SEGS] == 0)
		return;
	st_out_printf(o, "tcp: retransmissions %llu \xc2\xb7 out of order %llu "
	    "\xc2\xb7 dup acks %llu \xc2\xb7 zero windows %llu \xc2\xb7 "
	    "segments not captured %llu\n", (unsigned long long)n[C_RETRANS],
	    (unsigned long long)n[C_OOO], (unsigned long long)n[C_DUPACK],
	    (unsigned long long)n[C_ZEROWIN], (unsigned long long)n[C_LOST]);
	if (n[C_RESTART] > 0)
		st_out_printf(o, "tcp: the analysis of %llu connections "
		    "restarted after making room for others (more than %u at "
		    "once); lines marked so\n", (unsigned long long)n[C_RESTART],
		    ST_FLOW_SIDEMAX);
	st_flows_count(flows, NULL, &evicted);
	if (evicted > 0)
		st_out_printf(o, "tcp: %llu connections still going were "
		    "dropped from the full table; lines marked so count "
		    "from where they came back\n", (unsigned long long)evicted);
}
