/*
 * Drawing a followed TCP stream: how each application message maps onto
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
#include "strata/view.h"

#define BAR	76

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
endpoint(char *buf, size_t n, int fam, const uint8_t *a, uint16_t port)
{
	char t[64];

	inet_ntop(fam == 4 ? AF_INET : AF_INET6, a, t, sizeof(t));
	snprintf(buf, n, fam == 4 ? "%s:%u" : "[%s]:%u", t, port);
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
	endpoint(a, sizeof(a), fw->key.fam, fw->key.a, fw->key.pa);
	endpoint(b, sizeof(b), fw->key.fam, fw->key.b, fw->key.pb);
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
