/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ping engine: one request an interval from a template, the replies
 * and errors matched to the requests, iputils' counters and round-trip
 * times.  What happens goes up to the caller as events; the words and the
 * views are the caller's (src/cli/ping.c).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <pcap/dlt.h>

#include "strata/cksum.h"
#include "strata/decode.h"
#include "strata/net.h"
#include "strata/ping.h"
#include "strata/reader.h"

double
st_ping_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* t plus s seconds. */
static void
ts_add(struct timespec *t, double s)
{
	t->tv_sec += (time_t)s;
	t->tv_nsec += (long)((s - floor(s)) * 1e9);
	if (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

/* ping's data: a timestamp, then the pattern (or each byte's index). */
static void
fill_data(struct st_ping *p, const struct timespec *now)
{
	size_t i, n = (size_t)p->size;
	uint8_t *d = p->spec.payload;
	uint64_t sec = (uint64_t)now->tv_sec, usec = (uint64_t)now->tv_nsec /
	    1000;

	if (p->own_payload && p->spec.paylen > 0)
		return;		/* the spec's own payload */
	for (i = 0; i < n; i++)
		d[i] = p->patlen > 0 ? p->pattern[i % p->patlen] : (uint8_t)i;
	if (p->timing)
		for (i = 0; i < 8; i++) {
			d[i] = (uint8_t)(sec >> (8 * i));
			d[8 + i] = (uint8_t)(usec >> (8 * i));
		}
	/* After the timestamp, this run's token: replies must echo it. */
	if (p->use_token)
		memcpy(d + 16, p->token, sizeof(p->token));
	p->spec.paylen = n;
}

static void
emit(const struct st_ping_hooks *h, struct st_ping_event *ev)
{
	h->event(h->arg, ev);
}

/* Sets or clears DF in the IPv4 header h, its checksum kept right. */
static void
set_df(uint8_t *h, int df)
{
	size_t hl = (size_t)(h[0] & 15) * 4;
	uint16_t c;

	h[6] = (uint8_t)(df ? h[6] | 0x40 : h[6] & ~0x40);
	h[10] = h[11] = 0;
	c = st_cksum_finish(st_cksum_add(0, h, hl));
	h[10] = (uint8_t)(c >> 8);
	h[11] = (uint8_t)c;
}

/* st_frag_send's way out: each fragment on the IP_HDRINCL socket. */
static int
send_piece(void *arg, const uint8_t *b, size_t len)
{
	struct st_ping *p = arg;
	const char *how;

	return st_raw_send(&p->raw, b, len, 0, 0, &how);
}

/*
 * Sends the n bytes built; 0, 1 when it is too big for the path with DF
 * set (*mtu: the path MTU), or -1 with errno.  An IPv4 header that goes as
 * built is cut into fragments here when the path needs it (iputils' "-M
 * want" and "-M dont"); the ping socket leaves that to the kernel.
 */
static int
send_built(struct st_ping *p, size_t n, int lt, int *mtu)
{
	size_t hl = p->fam == 4 ? (size_t)(p->buf[0] & 15) * 4 : 40;
	const char *how;
	int rc;

	/* The kernel learns a router's MTU only for sockets it can match the
	 * error to, never the IPPROTO_RAW one: take the lower. */
	*mtu = st_route_mtu(p->mtufd, p->fam);
	if (p->pmtu > 0 && (*mtu <= 0 || p->pmtu < *mtu))
		*mtu = p->pmtu;
	if (p->dgram) {
		rc = st_pingsock_send(p->dfd, p->fam, p->dst, p->buf + hl,
		    n - hl);
		return rc != 0 && errno == EMSGSIZE && *mtu > 0 ? 1 : rc;
	}
	if (p->fam == 4 && p->pmtu_want)
		set_df(p->buf, !(*mtu > 0 && n > (size_t)*mtu));
	if (p->fam == 4 && *mtu > 0 && n > (size_t)*mtu) {
		if (p->buf[6] & 0x40)
			return 1;	/* DF: the kernel would refuse it too */
		if (p->buf[4] == 0 && p->buf[5] == 0) {
			/* Every fragment needs the same identification. */
			p->buf[4] = (uint8_t)(p->sent >> 8 | 0x80);
			p->buf[5] = (uint8_t)p->sent;
		}
		return st_frag_send(p->buf, n, (size_t)*mtu, send_piece, p);
	}
	rc = st_raw_send(&p->raw, p->buf, n, lt, 0, &how);
	return rc != 0 && errno == EMSGSIZE && *mtu > 0 ? 1 : rc;
}

/* Sends the next request; -1 with why when it cannot be built. */
static int
send_one(struct st_ping *p, const struct st_ping_hooks *h, char *why,
    size_t whylen)
{
	struct st_ping_event ev;
	struct st_spec_err err;
	struct st_record rec;
	struct timespec now;
	uint16_t seq = (uint16_t)(p->sent + 1);
	size_t n, k;
	int lt, rc, mtu;

	clock_gettime(CLOCK_REALTIME, &now);
	p->spec.layers[p->icmp_layer].set[p->seq_set].val = seq;
	fill_data(p, &now);
	if (st_build(&p->spec, p->buf, sizeof(p->buf), &n, &lt, &err) != 0) {
		snprintf(why, whylen, "%s", err.msg);
		return -1;
	}
	rc = send_built(p, n, lt, &mtu);
	memset(&ev, 0, sizeof(ev));
	ev.seq = seq;
	if (rc != 0) {
		/* iputils: "local error: message too long, mtu=N", an error
		 * of its own; the request still counts as sent. */
		ev.kind = rc == 1 ? ST_PING_LOCAL_ERROR : ST_PING_SEND_FAILED;
		ev.err = rc == 1 ? EMSGSIZE : errno;
		ev.mtu = mtu;
		emit(h, &ev);
		p->errors++;
	}
	if (p->keep && p->sent == 0) {
		st_record_bytes(&rec, p->buf, n, DLT_RAW, NULL);
		st_decode_frame(&p->keptpkt, &rec, 0);
		ev.request = &p->keptpkt;
	}
	if (p->keep) {
		k = seq % 64;
		p->kept[k].seq = seq;
		p->kept[k].n = (uint16_t)(n < sizeof(p->kept[k].b) ? n :
		    sizeof(p->kept[k].b));
		memcpy(p->kept[k].b, p->buf, p->kept[k].n);
	}
	p->sent_at[seq] = now;
	p->seen[seq / 8] &= (uint8_t)~(1u << (seq % 8));
	if (p->sent == 0)
		p->start = now;
	p->last = now;
	ev.first = p->sent == 0;
	p->sent++;
	ev.kind = ST_PING_SENT;
	emit(h, &ev);
	return 0;
}

/* The request with sequence seq as crafted, decoded, if it was kept. */
static const struct st_packet *
kept_request(struct st_ping *p, uint16_t seq)
{
	struct st_record rec;

	if (!p->keep || p->kept[seq % 64].seq != seq || p->dgram)
		return NULL;
	st_record_bytes(&rec, p->kept[seq % 64].b, p->kept[seq % 64].n,
	    DLT_RAW, NULL);
	st_decode_frame(&p->keptpkt, &rec, 0);
	return &p->keptpkt;
}

/* An echo reply to seq: counted once, or a duplicate, or corrupt. */
static void
on_reply(struct st_ping *p, struct st_ping_event *ev)
{
	uint16_t seq = ev->seq;

	ev->kind = ST_PING_REPLY;
	ev->corrupt = st_echo_bad_checksum(&p->got);
	ev->dup = !ev->corrupt && (p->seen[seq / 8] >> (seq % 8) & 1);
	if (ev->corrupt)
		p->corrupted++;
	else
		p->seen[seq / 8] |= (uint8_t)(1u << (seq % 8));
	if (ev->dup)
		p->dups++;
	else if (!ev->corrupt)
		p->received++;
	p->last_ttl = ev->ttl;
	ev->us = (int64_t)(p->rx.ts.tv_sec - p->sent_at[seq].tv_sec) *
	    1000000 + (p->rx.ts.tv_nsec - p->sent_at[seq].tv_nsec) / 1000;
	if (p->timing && !ev->corrupt)
		st_rtt_add(&p->rtt, ev->us);
}

/* One received packet: a reply, a duplicate, an error, or not ours. */
static void
on_packet(struct st_ping *p, const struct st_ping_hooks *h)
{
	struct st_ping_event ev;
	struct st_echo_error eri;
	struct st_record rec;
	enum st_echo e;

	if (p->rx.outgoing || st_reasm_add(&p->reasm, p->rx.buf, &p->rx.len,
	    sizeof(p->rx.buf)) == 0)
		return;		/* ours going out, or a fragment kept */
	memset(&ev, 0, sizeof(ev));
	st_record_bytes(&rec, p->rx.buf, p->rx.len, DLT_RAW, &p->rx.ts);
	st_decode_frame(&p->got, &rec, 0);
	e = st_echo_classify(&p->got, p->fam, p->dst, p->id, &ev.seq, &ev.ttl,
	    &ev.icmplen);
	if (e == ST_ECHO_NONE || p->sent_at[ev.seq].tv_sec == 0)
		return;
	if (e == ST_ECHO_REPLY && p->use_token && !st_echo_token_ok(&p->got,
	    p->token, sizeof(p->token))) {
		p->forged++;		/* right id and seq, wrong data */
		return;
	}
	p->last = p->rx.ts;
	ev.ts = &p->rx.ts;
	ev.got = &p->got;
	if (e == ST_ECHO_ERROR) {
		p->errors++;
		if (st_echo_error_info(&p->got, &eri) == 0 && eri.has_mtu &&
		    eri.mtu >= 68 && (p->pmtu == 0 || eri.mtu < (uint64_t)p->pmtu))
			p->pmtu = (int)eri.mtu;
		ev.kind = ST_PING_ERROR;
		ev.request = kept_request(p, ev.seq);
	} else
		on_reply(p, &ev);
	emit(h, &ev);
}

/*
 * Whether -w's deadline has come by t (counted from the first request; a
 * millisecond early, for a request due at the deadline on the interval's
 * clock, which started a little before the first request left).
 */
static int
past_deadline(const struct st_ping *p, const struct timespec *t)
{
	return p->deadline > 0 && p->sent > 0 && st_ping_since(&p->start,
	    t) >= p->deadline - 0.001;
}

/* When to stop waiting now: the next send, the linger end or deadline. */
static int
done_or_wait(struct st_ping *p, const struct st_ping_hooks *h,
    const struct timespec *next, struct timespec *until)
{
	struct timespec now, t;
	int more = p->count == 0 || p->sent < p->count;

	clock_gettime(CLOCK_REALTIME, &now);
	if (h->stop(h->arg) || past_deadline(p, &now))
		return 1;
	/* iputils: with a deadline, the first error ends the run. */
	if (p->deadline > 0 && p->errors > 0)
		return 1;
	if (!more && p->received + p->errors >= p->count)
		return 1;
	if (more) {
		*until = *next;
	} else {
		t = p->sent_at[(uint16_t)p->sent];
		ts_add(&t, p->linger);
		if (st_ping_since(&t, &now) >= 0)
			return 1;
		*until = t;
	}
	if (p->deadline > 0 && p->sent > 0) {
		t = p->start;
		ts_add(&t, p->deadline);
		if (st_ping_since(&t, until) > 0)
			*until = t;
	}
	return 0;
}

int
st_ping_run(struct st_ping *p, const struct st_ping_hooks *h, char *why,
    size_t n)
{
	struct timespec next, until, now;
	int rc;

	clock_gettime(CLOCK_REALTIME, &next);
	for (;;) {
		clock_gettime(CLOCK_REALTIME, &now);
		/* No request at or after the deadline: iputils stops there
		 * rather than send one that cannot be answered in time. */
		if ((p->count == 0 || p->sent < p->count) && !h->stop(h->arg) &&
		    !past_deadline(p, &next) && st_ping_since(&next, &now) >= 0) {
			if (send_one(p, h, why, n) != 0)
				return -1;
			ts_add(&next, p->interval);
		}
		h->status(h->arg);
		if (done_or_wait(p, h, &next, &until))
			return 0;
		rc = p->dgram ? st_pingsock_recv(p->dfd, p->fam, p->src,
		    p->dst, &p->rx, &until) : st_raw_recv(p->raw.pkt, DLT_RAW,
		    &p->rx, &until);
		if (rc < 0) {
			snprintf(why, n, "receiving: %s", strerror(errno));
			return -1;
		}
		if (rc == 1) {
			on_packet(p, h);
			/* ping -f: each reply sends the next at once, or
			 * 100 a second when replies are slower. */
			if (p->flood_fast && p->received + p->errors >= p->sent)
				clock_gettime(CLOCK_REALTIME, &next);
		}
	}
}
