/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reassembly of fragmented datagrams (strata/reasm.h): a small table of
 * datagrams in progress, each with its fragments in offset order and a
 * buffer of its payload, made on its first fragment and freed when it
 * completes, times out or is pushed out.  Frames without fragments never
 * reach here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/reasm.h"

struct piece {
	uint64_t	 num;		/* the frame that carried it */
	uint32_t	 off, len;	/* len: bytes declared */
};

struct dgram {
	int		 used;
	uint8_t		 key[sizeof(((struct st_frag *)0)->key)];
	uint8_t		 keylen;
	uint64_t	 seen;		/* when last added to, for eviction */
	time_t		 last;		/* the capture's time then */
	struct piece	 p[ST_DEFRAG_FRAGS];
	unsigned	 np;
	unsigned	 dropped;	/* fragments beyond ST_DEFRAG_FRAGS */
	uint32_t	 total;		/* where the last fragment ends */
	int		 have_last;
	const char	*bad;		/* why it cannot be trusted, or NULL */
	int		 missing;	/* bytes not captured */
	uint8_t		*buf;
	size_t		 cap;
};

struct st_defrag {
	int		 decode;
	struct st_tcpr	*streams;	/* with decode: stream reassembly */
	uint8_t		*spare;		/* the last payload handed out */
	uint64_t	 clock;
	uint64_t	 done_num;	/* the frame that completed the last */
	size_t		 done_len;	/* datagram handed out, its length */
	struct dgram	 d[ST_DEFRAG_DGRAMS];
};

struct st_defrag *
st_defrag_new(int decode)
{
	struct st_defrag *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	r->decode = decode;
	if (decode && (r->streams = st_tcpr_new()) == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

static void
drop(struct dgram *g)
{
	free(g->buf);
	memset(g, 0, sizeof(*g));
}

void
st_defrag_free(struct st_defrag *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < ST_DEFRAG_DGRAMS; i++)
		drop(&r->d[i]);
	st_tcpr_free(r->streams);
	free(r->spare);
	free(r);
}

void
st_defrag_reset(struct st_defrag *r)
{
	size_t i;

	for (i = 0; r != NULL && i < ST_DEFRAG_DGRAMS; i++)
		drop(&r->d[i]);
	if (r != NULL)
		st_tcpr_reset(r->streams);
}

struct st_tcpr *
st_defrag_streams(struct st_defrag *r)
{
	return r != NULL ? r->streams : NULL;
}

int
st_defrag_decoding(const struct st_defrag *r)
{
	return r != NULL && r->decode;
}

/*
 * The datagram of fr: the one in progress, or a new slot (a free one, else
 * the least recently seen).  Those timed out by now are dropped first.
 */
static struct dgram *
find(struct st_defrag *r, const struct st_frag *fr, time_t now)
{
	struct dgram *g, *old = NULL;
	size_t i;

	for (i = 0; i < ST_DEFRAG_DGRAMS; i++) {
		g = &r->d[i];
		if (g->used && (now - g->last > ST_DEFRAG_TIMEOUT ||
		    g->last - now > ST_DEFRAG_TIMEOUT))
			drop(g);
		if (g->used && g->keylen == fr->keylen &&
		    memcmp(g->key, fr->key, fr->keylen) == 0)
			return g;
	}
	for (i = 0; i < ST_DEFRAG_DGRAMS; i++) {
		g = &r->d[i];
		if (!g->used) {
			old = g;
			break;
		}
		if (old == NULL || g->seen < old->seen)
			old = g;
	}
	drop(old);
	old->used = 1;
	memcpy(old->key, fr->key, fr->keylen);
	old->keylen = fr->keylen;
	return old;
}

/* Marks g untrusted, for the first reason found. */
static void
flag(struct dgram *g, const char *why)
{
	if (g->bad == NULL)
		g->bad = why;
}

/* Whether the n bytes at b, for offset off, agree with those held. */
static int
agrees(const struct dgram *g, uint32_t off, const uint8_t *b, uint32_t n)
{
	const struct piece *p;
	uint32_t lo, hi;
	unsigned i;

	for (i = 0; i < g->np; i++) {
		p = &g->p[i];
		lo = p->off > off ? p->off : off;
		hi = p->off + p->len < off + n ? p->off + p->len : off + n;
		if (lo < hi &&
		    memcmp(g->buf + lo, b + (lo - off), hi - lo) != 0)
			return 0;
	}
	return 1;
}

/* Copies the captured bytes of fr (have of them) into g's buffer. */
static void
keep(struct dgram *g, const struct st_frag *fr, const uint8_t *b,
    uint32_t have)
{
	size_t end = (size_t)fr->off + have, cap;
	uint8_t *nb;

	if (end > g->cap) {
		cap = g->cap == 0 ? 4096 : g->cap;
		while (cap < end)
			cap *= 2;
		if (cap > ST_DEFRAG_MAXLEN)
			cap = ST_DEFRAG_MAXLEN;
		if ((nb = realloc(g->buf, cap)) == NULL) {
			flag(g, "out of memory");
			return;
		}
		/* Zeroed: bytes a fragment lacked compare as zeros. */
		memset(nb + g->cap, 0, cap - g->cap);
		g->buf = nb;
		g->cap = cap;
	}
	if (!agrees(g, fr->off, b, have))
		flag(g, "overlapping fragments hold different bytes");
	memcpy(g->buf + fr->off, b, have);
}

/* Records fragment fr of frame num in g, in offset order. */
static void
add_piece(struct dgram *g, const struct st_frag *fr, uint64_t num)
{
	unsigned i;

	if (g->np == ST_DEFRAG_FRAGS) {
		g->dropped++;
		flag(g, "too many fragments");
		return;
	}
	for (i = g->np; i > 0 && g->p[i - 1].off > fr->off; i--)
		g->p[i] = g->p[i - 1];
	g->p[i].num = num;
	g->p[i].off = fr->off;
	g->p[i].len = fr->len;
	g->np++;
}

/* The end of the datagram, the data it must hold: checked, not trusted. */
static void
check_end(struct dgram *g, const struct st_frag *fr)
{
	uint32_t end = fr->off + fr->len;

	if (fr->more && fr->len % 8 != 0)
		flag(g, "a fragment before the last is no multiple of 8 bytes");
	if (!fr->more) {
		if (g->have_last && g->total != end)
			flag(g, "two last fragments end in different places");
		g->have_last = 1;
		g->total = end;
	}
	if (g->have_last && end > g->total)
		flag(g, "a fragment runs past the last one's end");
}

/* Whether g's fragments cover its payload from 0 to its end. */
static int
complete(const struct dgram *g)
{
	uint32_t reach = 0;
	unsigned i;

	if (!g->have_last)
		return 0;
	for (i = 0; i < g->np; i++) {
		if (g->p[i].off > reach)
			return 0;
		if (g->p[i].off + g->p[i].len > reach)
			reach = g->p[i].off + g->p[i].len;
	}
	return reach >= g->total;
}

/* Appends to buf (size n, holding *k bytes) as printf does. */
static void
add(char *buf, size_t n, size_t *k, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (*k >= n)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *k, n - *k, fmt, ap);
	va_end(ap);
	if (w > 0)
		*k += (size_t)w;
}

/* "3 fragments of id 0xf6d1: #1 off 0 1480 B, ... = 3008 bytes". */
static const char *
line(struct st_packet *pkt, const struct dgram *g, const struct st_frag *fr)
{
	char buf[ST_DEFRAG_FRAGS * 48 + 256];
	size_t k = 0, n = sizeof(buf);
	unsigned i;

	add(buf, n, &k, "%u fragments of id 0x%0*x:", g->np + g->dropped,
	    fr->idhex, fr->id);
	for (i = 0; i < g->np; i++)
		add(buf, n, &k, "%s #%llu off %u %u B", i > 0 ? "," : "",
		    (unsigned long long)g->p[i].num, g->p[i].off, g->p[i].len);
	if (g->dropped > 0)
		add(buf, n, &k, ", %u more", g->dropped);
	add(buf, n, &k, " = %u bytes", g->total);
	if (g->bad != NULL)
		add(buf, n, &k, "; %s: not reassembled", g->bad);
	else if (g->missing)
		add(buf, n, &k, "; not all bytes captured: not reassembled");
	return st_pkt_strdup(pkt, buf);
}

size_t
st_defrag_add(struct st_defrag *r, struct st_packet *pkt,
    const struct st_frag *fr, const uint8_t **out)
{
	struct dgram *g;
	uint32_t have;
	size_t n;

	*out = NULL;
	if (r == NULL || fr->keylen == 0 || fr->keylen > sizeof(g->key))
		return 0;
	g = find(r, fr, pkt->ts.tv_sec);
	g->seen = ++r->clock;
	g->last = pkt->ts.tv_sec;
	have = fr->pay < pkt->caplen ? pkt->caplen - fr->pay : 0;
	if (have > fr->len)
		have = fr->len;
	if (have < fr->len)
		g->missing = 1;
	check_end(g, fr);
	if ((size_t)fr->off + fr->len > ST_DEFRAG_MAXLEN)
		flag(g, "the datagram would exceed 65535 bytes");
	else if (g->bad == NULL && have > 0)
		keep(g, fr, pkt->data + fr->pay, have);
	add_piece(g, fr, pkt->num);
	if (!complete(g))
		return 0;
	pkt->reasm = line(pkt, g, fr);
	pkt->xtotal = g->total;
	n = g->bad == NULL && !g->missing ? g->total : 0;
	if (n > 0 && n <= g->cap) {
		/* The buffer outlives the slot until the next call. */
		*out = g->buf;
		r->done_num = pkt->num;
		r->done_len = n;
		free(r->spare);
		r->spare = g->buf;
		g->buf = NULL;
	} else
		n = 0;
	drop(g);
	return n;
}

/*
 * The layer of pkt whose frag hook describes a fragment (depth 0), in
 * *fr: its index, or -1.
 */
static int
frag_layer(const struct st_packet *pkt, struct st_frag *fr)
{
	const struct st_layer *ly;
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth == 0 && ly->proto->frag != NULL &&
		    ly->proto->frag(pkt, ly, fr))
			return (int)i;
	}
	return -1;
}

size_t
st_defrag_frame(const struct st_defrag *r, const struct st_packet *pkt,
    uint8_t *buf, size_t cap)
{
	const struct st_craft *cr = NULL;
	const struct st_layer *net;
	struct st_frag f;
	size_t n, off;
	long h;
	int i, k;

	if (r == NULL || r->done_num != pkt->num || r->done_len == 0 ||
	    (i = frag_layer(pkt, &f)) < 0)
		return 0;
	/* The network layer whose headers the fragment's are: the fragment
	 * layer itself or one before it. */
	for (k = i; k >= 0; k--) {
		cr = pkt->layers[k].proto->craft;
		if (pkt->layers[k].depth == 0 && cr != NULL &&
		    cr->whole_header != NULL)
			break;
	}
	if (k < 0)
		return 0;
	net = &pkt->layers[k];
	n = r->done_len;
	off = net->off;
	if (f.pay < off || f.pay > pkt->caplen || off > cap ||
	    (size_t)pkt->caplen + n > (size_t)pkt->caplen + pkt->xlen)
		return 0;
	memcpy(buf, pkt->data, off);
	h = cr->whole_header(pkt->data + off, f.pay - off, n, buf + off,
	    cap - off);
	if (h <= 0 || off + (size_t)h + n > cap)
		return 0;
	memcpy(buf + off + (size_t)h, pkt->data + pkt->caplen, n);
	return off + (size_t)h + n;
}
