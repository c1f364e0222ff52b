/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Following a TCP stream: collecting the segments of one conversation,
 * both directions, put in sequence order (retransmissions and overlaps
 * recognised, gaps marked), and drawn as the application saw it: each
 * message, the byte ranges of it each segment carried, in which frame,
 * with sequence numbers relative to the connection's start.  --follow is
 * about TCP by definition, so this file names it (through st_tcp, TCP's
 * compile-checked handles); the conversation is the one flow key.
 *
 * Memory is bounded: at most ST_FOLLOW_SEGS segments and ST_FOLLOW_BYTES
 * bytes of payload are kept; past that the rest is counted, not stored.
 *
 * Drawing: how each application message maps onto
 * segments and frames.  Sequence numbers are relative: 0 is the SYN, 1 the
 * first byte of data (as tcpdump and Wireshark count them).
 *
 * message 1 · A → B · 14 bytes (stream bytes 0-13)
 *   "hello, layers\n"
 *   bytes 0-13       frame 4    seq 1:15         14 bytes
 *   [frame 4 ...........................................................]
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/follow.h"
#include "strata/proto/tcp.h"
#include "strata/view.h"

#define BAR	76

int
st_follow_key(const struct st_packet *pkt, struct st_flow *k)
{
	const struct st_layer *net = NULL, *tcp = NULL;
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++) {
		if (pkt->layers[i].depth != 0)
			continue;
		if (pkt->layers[i].proto->role == ST_ROLE_NET)
			net = &pkt->layers[i];
		else if (pkt->layers[i].proto == st_tcp.proto)
			tcp = &pkt->layers[i];
	}
	if (net == NULL || tcp == NULL)
		return -1;
	memset(k, 0, sizeof(*k));
	return (k->dir = st_flow_key_of(pkt, net, tcp, &k->key)) < 0 ? -1 : 0;
}

/* 0: a to b, 1: b to a, -1: another conversation. */
static int
direction(const struct st_flow *s, const struct st_flow *k)
{
	if (memcmp(s->key.b, k->key.b, sizeof(s->key.b)) != 0)
		return -1;
	return s->dir ^ k->dir;
}

void
st_follow_init(struct st_follow *fw, const struct st_flow *key)
{
	memset(fw, 0, sizeof(*fw));
	fw->key = *key;
}

void
st_follow_free(struct st_follow *fw)
{
	free(fw->segs);
	free(fw->data);
	fw->segs = NULL;
	fw->data = NULL;
}

int
st_follow_add(struct st_follow *fw, const struct st_packet *pkt)
{
	const struct st_field *seq, *fl, *len;
	const struct st_layer *tcp = NULL;
	struct st_flow k;
	struct st_seg *s;
	unsigned i;
	int dir;

	if (st_follow_key(pkt, &k) != 0 || (dir = direction(&fw->key, &k)) < 0)
		return 0;
	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 0 &&
		    pkt->layers[i].proto == st_tcp.proto)
			tcp = &pkt->layers[i];
	if ((seq = st_pkt_fd(pkt, tcp, st_tcp.seq)) == NULL ||
	    (fl = st_pkt_fd(pkt, tcp, st_tcp.flags)) == NULL)
		return 0;
	len = st_pkt_fd(pkt, tcp, st_tcp.len);
	if (fw->first == 0)
		fw->first = pkt->num;
	fw->last = pkt->num;
	fw->frames++;
	if (fl->val & 0x002) {			/* SYN: the ISN */
		fw->isn[dir] = (uint32_t)seq->val;
		fw->has_isn[dir] = 1;
	}
	if (len == NULL || len->val == 0)
		return 1;
	if (fw->nsegs == ST_FOLLOW_SEGS || fw->used + len->val >
	    ST_FOLLOW_BYTES) {
		fw->dropped++;
		return 1;
	}
	if (fw->nsegs == fw->cap) {
		size_t nc = fw->cap ? fw->cap * 2 : 64;
		struct st_seg *ns = realloc(fw->segs, nc * sizeof(*ns));

		if (ns == NULL)
			return -1;
		fw->segs = ns;
		fw->cap = nc;
	}
	if (fw->used + len->val > fw->dcap) {
		size_t nc = fw->dcap ? fw->dcap : 4096;
		uint8_t *nd;

		while (nc < fw->used + len->val)
			nc *= 2;
		if ((nd = realloc(fw->data, nc)) == NULL)
			return -1;
		fw->data = nd;
		fw->dcap = nc;
	}
	s = &fw->segs[fw->nsegs++];
	s->frame = pkt->num;
	s->dir = dir;
	s->seq = (uint32_t)seq->val;
	s->len = (uint32_t)len->val;
	s->cap = tcp->len > tcp->hdr_len ? tcp->len - tcp->hdr_len : 0;
	if (s->cap > s->len)
		s->cap = s->len;
	s->off = fw->used;
	memcpy(fw->data + fw->used, pkt->data + tcp->off + tcp->hdr_len,
	    s->cap);
	fw->used += s->cap;
	return 1;
}

/* One side "ADDR:PORT" or "[ADDR]:PORT" into addr and port. */
static int
side(const char *t, size_t n, int *fam, uint8_t *addr, uint16_t *port)
{
	char buf[80];
	const char *colon;
	char *end;
	long p;
	size_t al;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, t, n);
	buf[n] = '\0';
	if ((colon = strrchr(buf, ':')) == NULL)
		return -1;
	p = strtol(colon + 1, &end, 10);
	if (*end != '\0' || p < 0 || p > 65535)
		return -1;
	*port = (uint16_t)p;
	al = (size_t)(colon - buf);
	buf[al] = '\0';
	if (buf[0] == '[' && al > 2 && buf[al - 1] == ']') {
		buf[al - 1] = '\0';
		*fam = 6;
		return inet_pton(AF_INET6, buf + 1, addr) == 1 ? 0 : -1;
	}
	*fam = 4;
	return inet_pton(AF_INET, buf, addr) == 1 ? 0 : -1;
}

int
st_follow_parse(const char *text, struct st_flow *k, const char **why)
{
	const char *p = text, *q;
	uint8_t a[16], b[16];
	uint16_t pa, pb;
	int fa, fb;

	memset(k, 0, sizeof(*k));
	*why = "want 'tcp A:PORT B:PORT' (IPv6 as [A]:PORT)";
	if (strncmp(p, "tcp ", 4) != 0)
		return -1;
	p += 4;
	while (*p == ' ')
		p++;
	if ((q = strchr(p, ' ')) == NULL)
		return -1;
	if (side(p, (size_t)(q - p), &fa, a, &pa) != 0)
		return -1;
	while (*q == ' ')
		q++;
	if (side(q, strlen(q), &fb, b, &pb) != 0 || fa != fb)
		return -1;
	k->dir = st_flow_key_raw(a, b, fa == 4 ? 4 : 16, pa, pb, &k->key);
	return k->dir < 0 ? -1 : 0;
}

/* A segment placed in its direction's byte stream. */
struct placed {
	const struct st_seg *s;
	int64_t	 rel;		/* first byte's offset in the stream */
	int	 kind;		/* enum below */
};

enum { K_NEW, K_RETRANS, K_OVERLAP, K_OOO, K_AFTERGAP };

static const char *const kinds[] = { "", " retransmission", " overlap",
	" out of order", " after a gap" };

static int
by_rel(const void *x, const void *y)
{
	const struct placed *a = x, *b = y;

	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	return a->s->frame < b->s->frame ? -1 : a->s->frame > b->s->frame;
}

/* The stream base of direction dir: the ISN + 1, or the lowest seq. */
static uint32_t
base_of(const struct st_follow *fw, int dir)
{
	uint32_t b = 0;
	size_t i;
	int any = 0;

	if (fw->has_isn[dir])
		return fw->isn[dir] + 1;
	for (i = 0; i < fw->nsegs; i++) {
		if (fw->segs[i].dir != dir)
			continue;
		if (!any || (int32_t)(fw->segs[i].seq - b) < 0)
			b = fw->segs[i].seq;
		any = 1;
	}
	return b;
}

/* Classifies each segment in arrival order: new, resent, reordered. */
static void
classify(const struct st_follow *fw, struct placed *pl, const uint32_t *base)
{
	int64_t high[2] = { 0, 0 }, end;
	size_t i, j;
	int covered, partly;

	for (i = 0; i < fw->nsegs; i++) {
		const struct st_seg *s = &fw->segs[i];

		pl[i].s = s;
		pl[i].rel = (int64_t)(uint32_t)(s->seq - base[s->dir]);
		end = pl[i].rel + s->len;
		covered = partly = 0;
		for (j = 0; j < i; j++) {
			if (pl[j].s->dir != s->dir)
				continue;
			if (pl[j].rel <= pl[i].rel && pl[j].rel + pl[j].s->len >=
			    end)
				covered = 1;
			else if (pl[j].rel < end && pl[j].rel + pl[j].s->len >
			    pl[i].rel)
				partly = 1;
		}
		pl[i].kind = covered ? K_RETRANS : partly ? K_OVERLAP :
		    pl[i].rel < high[s->dir] ? K_OOO :
		    pl[i].rel > high[s->dir] ? K_AFTERGAP : K_NEW;
		if (end > high[s->dir])
			high[s->dir] = end;
	}
}

static void
endpoint(char *buf, size_t n, const struct st_flow *k, int side)
{
	int v4 = st_flow_alen(&k->key) == 4;
	char t[64];

	inet_ntop(v4 ? AF_INET : AF_INET6, st_flow_addr(&k->key, side), t,
	    sizeof(t));
	snprintf(buf, n, v4 ? "%s:%u" : "[%s]:%u", t,
	    st_flow_port(&k->key, side));
}

/* Up to three lines of the message's bytes, escaped. */
static void
preview(struct st_out *o, const struct st_follow *fw, const struct placed *pl,
    size_t n, int dir, int64_t lo, int64_t hi)
{
	char line[BAR + 8];
	size_t k = 0, i, lines = 0;
	int64_t at;

	st_out_puts(o, "  \"");
	for (at = lo; at < hi && lines < 3; at++) {
		const uint8_t *b = NULL;
		uint8_t ch;

		for (i = 0; i < n && b == NULL; i++)
			if (pl[i].s->dir == dir && pl[i].rel <= at &&
			    at < pl[i].rel + pl[i].s->cap)
				b = fw->data + pl[i].s->off + (at - pl[i].rel);
		ch = b != NULL ? *b : '?';
		if (ch == '\n' || ch == '\r')
			k += (size_t)snprintf(line + k, sizeof(line) - k, "%s",
			    ch == '\n' ? "\\n" : "\\r");
		else
			line[k++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '.';
		if (k >= BAR - 2 || ch == '\n' || at + 1 == hi) {
			st_out_write(o, line, k);
			k = 0;
			if (at + 1 < hi && ++lines < 3)
				st_out_puts(o, "\n   ");
		}
	}
	if (at < hi)
		st_out_puts(o, "...");
	st_out_puts(o, "\"\n");
}

/* The message's byte map: each segment's share, to scale. */
static void
byte_bar(struct st_out *o, const struct placed *pl, size_t n, int dir,
    int64_t lo, int64_t hi)
{
	char bar[BAR + 1], label[24];
	int64_t len = hi - lo;
	size_t i, a, b, l;

	memset(bar, '?', BAR);
	bar[BAR] = '\0';
	for (i = 0; i < n; i++) {
		if (pl[i].s->dir != dir || pl[i].kind == K_RETRANS ||
		    pl[i].rel >= hi || pl[i].rel + pl[i].s->len <= lo)
			continue;
		a = (size_t)((pl[i].rel > lo ? pl[i].rel - lo : 0) * BAR / len);
		b = (size_t)(((pl[i].rel + pl[i].s->len < hi ? pl[i].rel +
		    pl[i].s->len : hi) - lo) * BAR / len);
		if (b <= a)
			b = a + 1;
		if (b > BAR)
			b = BAR;
		memset(bar + a, '.', b - a);
		bar[a] = '|';
		l = (size_t)snprintf(label, sizeof(label), "%llu",
		    (unsigned long long)pl[i].s->frame);
		if (a + 1 + l < b)
			memcpy(bar + a + 1, label, l);
	}
	st_out_printf(o, "  [%s]\n", bar);
}

/* One message: direction dir, stream bytes [lo, hi). */
static void
message(struct st_out *o, const struct st_follow *fw, const struct placed *pl,
    size_t n, int dir, int64_t lo, int64_t hi, unsigned num,
    const char *const *names)
{
	char range[48], seq[48];
	int64_t at = lo;
	size_t i;

	st_out_printf(o, "message %u \xc2\xb7 %s \xe2\x86\x92 %s \xc2\xb7 %lld "
	    "bytes (stream bytes %lld-%lld)\n", num, names[dir],
	    names[1 - dir], (long long)(hi - lo), (long long)lo,
	    (long long)hi - 1);
	preview(o, fw, pl, n, dir, lo, hi);
	for (i = 0; i < n; i++) {
		const struct placed *p = &pl[i];

		if (p->s->dir != dir || p->rel >= hi || p->rel + p->s->len <= lo)
			continue;
		if (p->rel > at && p->kind != K_RETRANS)
			st_out_printf(o, "  bytes %lld-%lld: missing (never "
			    "captured)\n", (long long)at, (long long)p->rel - 1);
		snprintf(range, sizeof(range), "%lld-%lld", (long long)p->rel,
		    (long long)(p->rel + p->s->len - 1));
		snprintf(seq, sizeof(seq), "%lld:%lld", (long long)p->rel + 1,
		    (long long)(p->rel + p->s->len + 1));
		st_out_printf(o, "  bytes %-13s frame %-6llu seq %-15s %u "
		    "byte%s%s%s\n", range, (unsigned long long)p->s->frame, seq,
		    p->s->len, p->s->len == 1 ? "" : "s", kinds[p->kind],
		    p->s->cap < p->s->len ? " (cut by the snapshot length)" :
		    "");
		if (p->rel + p->s->len > at)
			at = p->rel + p->s->len;
	}
	if (at < hi)
		st_out_printf(o, "  bytes %lld-%lld: missing (never captured)\n",
		    (long long)at, (long long)hi - 1);
	byte_bar(o, pl, n, dir, lo, hi);
	st_out_putc(o, '\n');
}

void
st_follow_render(struct st_out *o, const struct st_follow *fw,
    struct st_vctx *v)
{
	char a[80], b[80];
	const char *names[2] = { "A", "B" };
	struct placed *pl, *sorted;
	uint32_t base[2];
	int64_t bytes[2] = { 0, 0 }, lo = 0, hi = 0, high[2] = { 0, 0 };
	size_t i, nseg[2] = { 0, 0 };
	unsigned num = 0;
	int dir = -1;

	(void)v;
	/* A: the side the key puts first when A to B is its direction 0. */
	endpoint(a, sizeof(a), &fw->key, fw->key.dir);
	endpoint(b, sizeof(b), &fw->key, 1 - fw->key.dir);
	st_out_printf(o, "TCP stream A %s \xe2\x87\x84 B %s \xc2\xb7 frames "
	    "%llu-%llu (%llu packets)\n", a, b,
	    (unsigned long long)fw->first, (unsigned long long)fw->last,
	    (unsigned long long)fw->frames);
	if (fw->nsegs == 0) {
		st_out_puts(o, "  no data in either direction\n\n");
		return;
	}
	if ((pl = calloc(fw->nsegs, sizeof(*pl))) == NULL ||
	    (sorted = calloc(fw->nsegs, sizeof(*sorted))) == NULL) {
		free(pl);
		st_out_puts(o, "  (out of memory)\n");
		return;
	}
	base[0] = base_of(fw, 0);
	base[1] = base_of(fw, 1);
	classify(fw, pl, base);
	for (i = 0; i < fw->nsegs; i++) {
		nseg[pl[i].s->dir]++;
		if (pl[i].rel + pl[i].s->len > bytes[pl[i].s->dir])
			bytes[pl[i].s->dir] = pl[i].rel + pl[i].s->len;
	}
	st_out_printf(o, "  A \xe2\x86\x92 B: %lld bytes in %zu segment%s; "
	    "B \xe2\x86\x92 A: %lld bytes in %zu segment%s\n",
	    (long long)bytes[0], nseg[0], nseg[0] == 1 ? "" : "s",
	    (long long)bytes[1], nseg[1], nseg[1] == 1 ? "" : "s");
	st_out_printf(o, "  relative sequence numbers: 0 is the SYN, 1 the "
	    "first data byte%s\n", fw->has_isn[0] && fw->has_isn[1] ? "" :
	    " (no SYN seen: counted from the lowest sequence number)");
	st_out_puts(o, "  byte maps: | starts a segment (its frame number "
	    "after it), ? was never captured\n");
	if (fw->dropped > 0)
		st_out_printf(o, "  %llu segments not kept (past strata's "
		    "limit of %u segments or %u MiB)\n",
		    (unsigned long long)fw->dropped, ST_FOLLOW_SEGS,
		    ST_FOLLOW_BYTES >> 20);
	st_out_putc(o, '\n');
	memcpy(sorted, pl, fw->nsegs * sizeof(*pl));
	qsort(sorted, fw->nsegs, sizeof(*sorted), by_rel);
	/*
	 * Messages: runs of new bytes in one direction, in the order they
	 * arrived, until the other side speaks.
	 */
	for (i = 0; i < fw->nsegs; i++) {
		const struct placed *p = &pl[i];
		int64_t end = p->rel + p->s->len;

		if (end <= high[p->s->dir])
			continue;		/* nothing new */
		if (p->s->dir != dir) {
			if (dir >= 0)
				message(o, fw, sorted, fw->nsegs, dir, lo, hi,
				    ++num, names);
			dir = p->s->dir;
			lo = high[dir];
		}
		high[dir] = end;
		hi = end;
	}
	if (dir >= 0)
		message(o, fw, sorted, fw->nsegs, dir, lo, hi, ++num, names);
	free(pl);
	free(sorted);
}
