/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two-thread ring: the decoding of a reader's records on a second
 * thread, and the timing that decides whether two threads beat one.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "strata/decode.h"
#include "strata/ring.h"

/*
 * Decoding on a second thread, when the machine has more than one
 * processor: this thread reads each packet into a slot of a ring, the
 * decoder decodes the slots in turn, and this thread shows them in turn
 * and reuses the slot.  The reading (libpcap, the system's copy of the
 * file, the copy into the slot) stays here because the decoding is the
 * longer part: so the two threads' shares come out nearer even.  Three
 * counters: read and shown are this thread's own, decoded the decoder's;
 * a slot is read into again only once shown, so once decoded.  The
 * packets come out in order and the views see exactly what they would see
 * on one thread.
 *
 * Two threads are not always faster than one: where the two processors
 * share one core (as a virtual machine's may, unseen, and not always the
 * same way from one second to the next), each runs at half speed and the
 * pair is slower than one thread alone.  So this thread times each way
 * (see struct ways) and goes on the faster; alone, it lets the ring run
 * empty and does all three itself while the decoder sleeps.
 */
#define SLOTS	32
/*
 * Each side tells the other how far it got once every BATCH packets (and
 * before it waits), not after each one: the counters' cache lines then
 * cross between the processors a BATCH-th as often.
 */
#define BATCH	8
/*
 * Looks at the other side this often (a few microseconds, some packets'
 * worth) before sleeping: with 100, perf showed a fifth of the time in the
 * kernel switching the two threads to sleep and back.
 */
#define SPINS	2000
#define WIN2	16384	/* packets on two threads timed at once */
#define TRY1	8192	/* packets alone, timed, now and then */
#define STAY1	65536	/* packets alone, first, when alone was faster */
#define MOST1	1048576	/* ... doubling each time, up to */
#define AGAIN1	262144	/* packets on two threads before timing one again */

struct slot {
	struct st_packet	 pkt;
	struct st_record	 rec;
	uint8_t			*data;
};

struct ring {
	const struct st_ring_sink *sink;
	struct slot		*slot;
	/* Each counter on its own cache line: one side writes it. */
	_Alignas(64) _Atomic unsigned long long read;	/* slots filled */
	_Alignas(64) _Atomic unsigned long long head;	/* decoded */
	_Alignas(64) _Atomic int stop;		/* no more to read, or wanted */
	/* A side with nothing to do sleeps; the other wakes it. */
	pthread_mutex_t		 m;
	pthread_cond_t		 cv;
	_Atomic int		 asleep[3];	/* [1] decoder, [2] this side */
};

static inline void
relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* Sleeps as side `who` until ready(r, k) holds, after spinning a while. */
static void
ring_wait(struct ring *r, int who, int (*ready)(struct ring *,
    unsigned long long), unsigned long long k)
{
	int i;

	for (i = 0; i < SPINS; i++) {
		if (ready(r, k))
			return;
		relax();
	}
	pthread_mutex_lock(&r->m);
	atomic_store(&r->asleep[who], 1);
	while (!ready(r, k))
		pthread_cond_wait(&r->cv, &r->m);
	atomic_store(&r->asleep[who], 0);
	pthread_mutex_unlock(&r->m);
}

/* After a step of its own, side `who` wakes the other if it sleeps. */
static void
ring_wake(struct ring *r, int who)
{
	if (atomic_load(&r->asleep[3 - who])) {
		pthread_mutex_lock(&r->m);
		pthread_cond_signal(&r->cv);
		pthread_mutex_unlock(&r->m);
	}
}

/* For the decoder: slots past k read, or the end. */
static int
filled(struct ring *r, unsigned long long k)
{
	return atomic_load(&r->read) > k || atomic_load(&r->stop);
}

/* For this side: slots past k decoded. */
static int
decoded(struct ring *r, unsigned long long k)
{
	return atomic_load(&r->head) > k;
}

static void *
decoder(void *arg)
{
	struct ring *r = arg;
	unsigned long long k = 0, have = 0;
	struct slot *sl;

	for (;;) {
		if (k == have) {	/* all decoded that were read */
			atomic_store(&r->head, k);
			ring_wake(r, 1);
			ring_wait(r, 1, filled, k);
			if ((have = atomic_load(&r->read)) == k)
				break;	/* stopped */
		}
		sl = &r->slot[k % SLOTS];
		st_decode_frame(&sl->pkt, &sl->rec, r->sink->lite);
		if (++k % BATCH == 0) {
			atomic_store(&r->head, k);
			ring_wake(r, 1);
		}
	}
	return NULL;
}

static double
secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Which way to go, from how long each took a packet when last timed: on
 * two threads, each WIN2 packets are timed (but the first, while the
 * threads start) and averaged with the windows before, halving their
 * weight each time; when one thread alone was more than a tenth faster,
 * the main thread goes on alone.  Alone, it times TRY1 packets
 * when two threads have gone AGAIN1 packets unchecked (or never), or else
 * STAY1 packets, twice as many each time two threads lose again.  After
 * any run alone, two threads are timed again.  STRATA_SWITCH="w,t,s,pick"
 * sets WIN2, TRY1 and STAY1 (AGAIN1 four times STAY1, MOST1 sixteen times)
 * for tests, and pick 1 always goes alone, 2 always on two threads.
 */
struct ways {
	unsigned long long	 win2, try1, stay1, most1, again1;
	int			 pick;		/* 0: timed */
	double			 per2, per1;	/* seconds a packet; 0: untimed */
	unsigned long long	 since1;	/* packets on two threads since
						   one was timed */
	unsigned long long	 stay;		/* next run alone, if it wins */
	int			 timing;	/* the run alone times one */
	int			 warm;		/* the first window is past */
};

static void
ways_init(struct ways *w)
{
	const char *e = getenv("STRATA_SWITCH");
	unsigned long long a, b, c;
	int pick;

	memset(w, 0, sizeof(*w));
	w->win2 = WIN2;
	w->try1 = TRY1;
	w->stay1 = STAY1;
	w->most1 = MOST1;
	w->again1 = AGAIN1;
	if (e != NULL && sscanf(e, "%llu,%llu,%llu,%d", &a, &b, &c,
	    &pick) == 4 && a > 0 && b > 0 && c > 0) {
		w->win2 = a;
		w->try1 = b;
		w->stay1 = c;
		w->most1 = 16 * c;
		w->again1 = 4 * c;
		w->pick = pick;
	}
	w->stay = w->stay1;
}

/*
 * After n packets on two threads in dt seconds: how many to show alone
 * next, or 0 to go on with two.
 */
static unsigned long long
ways_after2(struct ways *w, unsigned long long n, double dt)
{
	double x = dt / (double)n;

	w->since1 += n;
	if (w->pick != 0)
		return w->pick == 1 ? w->stay : 0;
	if (!w->warm) {		/* the threads starting, the caches cold */
		w->warm = 1;
		return 0;
	}
	/* One slow window is noise more often than not: each weighs half. */
	w->per2 = w->per2 == 0 ? x : (w->per2 + x) / 2;
	if (w->per1 == 0 || w->since1 >= w->again1) {
		w->timing = 1;
		return w->try1;
	}
	if (w->per2 > w->per1 * 1.1) {
		unsigned long long k = w->stay;

		if (w->stay < w->most1)
			w->stay *= 2;
		return k;
	}
	w->stay = w->stay1;	/* two threads win: back to short runs */
	return 0;
}

/*
 * After n packets alone in dt seconds: how many more to show alone, or 0
 * to go back to two threads.
 */
static unsigned long long
ways_after1(struct ways *w, unsigned long long n, double dt)
{
	int timing = w->timing;

	w->per1 = dt / (double)n;
	w->since1 = 0;
	w->timing = 0;
	if (w->pick != 0)
		return w->pick == 1 ? w->stay : 0;
	/* A timing run that one thread won goes on alone; any other run
	 * ends with two threads timed again. */
	if (timing && w->per1 * 1.1 < w->per2) {
		unsigned long long next = w->stay;

		if (w->stay < w->most1)
			w->stay *= 2;
		return next;
	}
	return 0;
}

/*
 * Reads the next packet of s that passes the filter, unless the count
 * asked for is taken; 0 at the end.
 */
static int
take(struct st_reader *s, unsigned long long *taken, unsigned long long most)
{
	if (most != 0 && *taken >= most)
		return 0;
	if (st_reader_next(s) != 1)
		return 0;
	++*taken;
	return 1;
}

/* The sink says stop. */
static int
done(const struct st_ring_sink *sink)
{
	return sink->done(sink->arg);
}

/* Decodes the record just read and shows it, all on this thread. */
static void
show_one(const struct st_ring_sink *sink, struct st_reader *s,
    struct st_packet *pkt)
{
	st_decode_frame(pkt, &s->rec, sink->lite);
	sink->show(sink->arg, pkt);
}

/* Shows every packet of s, decoded on a second thread; -1 if it could not
 * start one (the caller then does it all on this one). */
int
st_ring_run(struct st_reader *s, unsigned long long most,
    const struct st_ring_sink *sink)
{
	static struct st_packet one;
	static struct ring r;
	struct ways w;
	unsigned long long rd = 0, t = 0, head = 0, taken = 0;
	unsigned long long phase = 0, goal, alone = 0, n;
	size_t cap, i;
	struct slot *sl;
	double t0;
	int eof = 0, snap = pcap_snapshot(s->p), rc = -1;
	pthread_t th;

	memset(&r, 0, sizeof(r));
	r.sink = sink;
	cap = snap > 0 && snap < 262144 ? (size_t)snap : 262144;
	pthread_mutex_init(&r.m, NULL);
	pthread_cond_init(&r.cv, NULL);
	if ((r.slot = calloc(SLOTS, sizeof(*r.slot))) == NULL)
		goto out;
	for (i = 0; i < SLOTS; i++)
		if ((r.slot[i].data = malloc(cap)) == NULL)
			goto out;
	ways_init(&w);
	goal = w.win2;
	st_decode_init();	/* from here the decoders' tables are read only */
	if (pthread_create(&th, NULL, decoder, &r) != 0)
		goto out;
	t0 = secs();
	while (!done(sink)) {
		if (alone > 0) {
			/* The ring is empty: all three here, the decoder
			 * asleep. */
			for (n = 0; n < alone && !done(sink); n++) {
				if (!take(s, &taken, most))
					break;
				show_one(sink, s, &one);
			}
			if (n < alone)
				break;		/* the end, or done */
			alone = ways_after1(&w, n, secs() - t0);
			if (alone == 0) {
				goal = w.win2;
				phase = 0;
			}
			t0 = secs();
			continue;
		}
		/* Read into every free slot, telling the decoder each BATCH. */
		while (!eof && rd - t < SLOTS) {
			if (!take(s, &taken, most)) {
				eof = 1;
				break;
			}
			sl = &r.slot[rd % SLOTS];
			sl->rec = s->rec;
			if (sl->rec.caplen > cap)
				sl->rec.caplen = (uint32_t)cap;
			memcpy(sl->data, s->rec.data, sl->rec.caplen);
			sl->rec.data = sl->data;
			if (++rd % BATCH == 0) {
				atomic_store(&r.read, rd);
				ring_wake(&r, 2);
			}
		}
		atomic_store(&r.read, rd);
		ring_wake(&r, 2);
		if (t == rd)
			break;			/* read all, shown all */
		if (head <= t) {
			ring_wait(&r, 2, decoded, t);
			head = atomic_load(&r.head);
		}
		while (t < head && !done(sink)) {
			sink->show(sink->arg, &r.slot[t % SLOTS].pkt);
			t++;
			phase++;
		}
		if (phase >= goal && t == head && (n = ways_after2(&w, phase,
		    secs() - t0)) > 0) {
			/* Alone from here, once the ring is empty. */
			while (t < rd && !done(sink)) {
				if (head <= t) {
					ring_wait(&r, 2, decoded, t);
					head = atomic_load(&r.head);
				}
				sink->show(sink->arg,
				    &r.slot[t++ % SLOTS].pkt);
			}
			alone = n;
			t0 = secs();
		} else if (phase >= goal) {
			phase = 0;
			t0 = secs();
		}
	}
	atomic_store(&r.stop, 1);
	ring_wake(&r, 2);
	pthread_join(th, NULL);
	rc = 0;
out:
	for (i = 0; r.slot != NULL && i < SLOTS; i++) {
		free(r.slot[i].data);
		free(r.slot[i].pkt.xbuf);	/* reassembled payloads */
	}
	free(r.slot);
	pthread_mutex_destroy(&r.m);
	pthread_cond_destroy(&r.cv);
	return rc;
}

void
st_ring_decode(struct st_reader *s, unsigned long long most,
    const struct st_ring_sink *sink)
{
	static struct st_packet one;
	static long cpus;
	const char *e = getenv("STRATA_THREADS");

	if (cpus == 0)
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
	/* Not for standard input: a pipe that pauses would hold the reader;
	 * nor when records left out are seen as they are read (in order with
	 * those shown only on one thread), or filtered once decoded (the
	 * datagram a frame completes is the reassembly's until the next). */
	if (cpus > 1 && (e == NULL || strcmp(e, "0") != 0) &&
	    strcmp(s->name, "-") != 0 && s->hidden == NULL && !s->defer &&
	    st_ring_run(s, most, sink) == 0)
		return;
	while (st_reader_next(s) == 1 && !done(sink))
		show_one(sink, s, &one);
}
