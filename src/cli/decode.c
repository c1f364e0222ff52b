/*
 * strata decode [options] FILE: reads a pcap or pcapng file with libpcap,
 * decodes each packet into the model and shows it with the chosen views.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/decode.h"
#include "strata/follow.h"
#include "strata/net.h"
#include "strata/view.h"
#include "cli.h"

#define MAXFILES	256

struct opts {
	const char		*file;		/* the first */
	char *const		*files;
	int			 nfiles;
	int			 merge;		/* --merge: in time order */
	int			 quiet;		/* no progress bar */
	const char		*filter;
	unsigned long long	 count;		/* 0: all */
	struct st_viewset	 vs;
	int			 color;		/* -1 auto, 0 never, 1 always */
	int			 local;
	const char		*ofile;		/* -o: output file */
	const char		*follow;	/* --follow N or 'tcp A B' */
	int			 abs_seq;	/* -S */
};

static void
decode_usage(FILE *fp)
{
	size_t i;

	fputs("usage: strata decode [-n] [-c COUNT] [-f FILTER] "
	    "[--view VIEW[,VIEW...]]\n"
	    "                     [--color=auto|always|never] [--local] "
	    "[--merge] [-q] FILE...\n"
	    "\n"
	    "  FILE...          pcap or pcapng files, in order, each named; - "
	    "reads standard\n"
	    "                   input\n"
	    "  --merge          the packets of all FILEs in time order, "
	    "numbered as merged\n"
	    "  -q, --quiet      no progress bar (drawn on a terminal's stderr "
	    "for long work)\n"
	    "  -c COUNT         stop after COUNT packets\n"
	    "  -f FILTER        only packets matching a BPF filter "
	    "('icmp or port 53')\n"
	    "  -n               accepted for tcpdump habits: strata never "
	    "resolves names\n"
	    "  -S               absolute TCP sequence numbers (default: "
	    "relative, as tcpdump)\n"
	    "  --view LIST      views, comma-separated (default summary):\n",
	    fp);
	for (i = 0; st_views[i] != NULL; i++)
		fprintf(fp, "                     %-8s %s\n", st_views[i]->name,
		    st_views[i]->help);
	fputs("  --color WHEN     colour the hex view and layer names "
	    "(auto: on a terminal\n"
	    "                   unless NO_COLOR is set)\n"
	    "  --local          times in local time instead of UTC\n"
	    "  -o FILE          write the output to FILE (the html view "
	    "needs one unless\n                   standard output is a pipe "
	    "or file)\n"
	    "  --follow N       follow the TCP stream of packet N (or "
	    "'tcp A:P B:P'):\n"
	    "                   each message and the segments that carried "
	    "it\n", fp);
}

static int
parse_opts(struct opts *op, int argc, char **argv)
{
	enum { O_VIEW = 256, O_COLOR, O_LOCAL, O_FOLLOW, O_MERGE };
	static const struct option lo[] = {
		{ "merge", no_argument, NULL, O_MERGE },
		{ "quiet", no_argument, NULL, 'q' },
		{ "view", required_argument, NULL, O_VIEW },
		{ "color", required_argument, NULL, O_COLOR },
		{ "colour", required_argument, NULL, O_COLOR },
		{ "local", no_argument, NULL, O_LOCAL },
		{ "follow", required_argument, NULL, O_FOLLOW },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	size_t i;
	int ch;

	memset(op, 0, sizeof(*op));
	op->vs.views[0] = &st_view_summary;
	op->vs.n = 1;
	op->color = -1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:f:no:qSh", lo, NULL)) != -1) {
		switch (ch) {
		case 'c':
			errno = 0;
			op->count = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || op->count == 0 ||
			    optarg[0] == '-') {
				st_cli_err("-c: '%s' is not a positive count",
				    optarg);
				return -1;
			}
			break;
		case 'f':
			op->filter = optarg;
			break;
		case 'n':
			break;
		case 'q':
			op->quiet = 1;
			break;
		case O_MERGE:
			op->merge = 1;
			break;
		case 'S':
			op->abs_seq = 1;
			break;
		case 'o':
			op->ofile = optarg;
			break;
		case O_VIEW:
			if (st_cli_views(&op->vs, optarg) != 0)
				return -1;
			break;
		case O_COLOR:
			if (st_cli_color(optarg, &op->color) != 0)
				return -1;
			break;
		case O_LOCAL:
			op->local = 1;
			break;
		case O_FOLLOW:
			op->follow = optarg;
			break;
		case 'h':
			decode_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("(try 'strata decode --help')\n", stderr);
			return -1;
		}
	}
	if (optind >= argc) {
		st_cli_err("decode: no FILE given (try 'strata decode --help')");
		return -1;
	}
	op->file = argv[optind];
	op->files = argv + optind;
	op->nfiles = argc - optind;
	if (op->nfiles > MAXFILES) {
		st_cli_err("decode: at most %d files at once", MAXFILES);
		return -1;
	}
	if (op->follow != NULL && op->nfiles > 1) {
		st_cli_err("decode: --follow reads one FILE");
		return -1;
	}
	for (i = 0; i < (size_t)op->nfiles; i++)
		if (strcmp(op->files[i], "-") == 0 && op->nfiles > 1) {
			st_cli_err("decode: - (standard input) only as the one "
			    "FILE");
			return -1;
		}
	for (i = 0; i < op->vs.n; i++)
		if (op->vs.views[i]->needs_file && op->ofile == NULL &&
		    isatty(STDOUT_FILENO)) {
			st_cli_err("--view %s writes a file: give -o FILE",
			    op->vs.views[i]->name);
			return -1;
		}
	return 0;
}

/* Set when strata was started as root and gave it up before reading. */
static int dropped_root;

/* One input file: its handle, its filter, and the packet read ahead. */
struct src {
	pcap_t			*p;
	const char		*name;
	int			 lt;
	struct bpf_program	 prog;
	int			 have_prog;
	struct pcap_pkthdr	*h;
	const u_char		*data;
	int			 rc;		/* of the last pcap_next_ex */
	unsigned long long	 num;		/* packets read */
	struct timeval		 first;		/* time of packet 1 (filter or
						   not): times count from it */
	struct st_progress	 pg;
};

/* Opens and sets up each file; -1 after saying why (the rest closed). */
static int
open_src(const struct opts *op, struct src *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	if ((s->p = st_cli_open_pcap(name, dropped_root)) == NULL)
		return -1;
	s->lt = pcap_datalink(s->p);
	if (op->filter != NULL) {
		if (pcap_compile(s->p, &s->prog, op->filter, 1,
		    PCAP_NETMASK_UNKNOWN) != 0) {
			st_cli_err("filter '%s': %s", op->filter,
			    pcap_geterr(s->p));
			pcap_close(s->p);
			s->p = NULL;
			return -2;
		}
		s->have_prog = 1;
	}
	return 0;
}

static void
close_src(struct src *s)
{
	if (s->p == NULL)
		return;
	st_progress_end(&s->pg);
	if (s->have_prog)
		pcap_freecode(&s->prog);
	pcap_close(s->p);
	s->p = NULL;
}

/* Reads the next packet of s that passes the filter: s->rc 1, or done. */
static void
advance(struct src *s)
{
	while ((s->rc = pcap_next_ex(s->p, &s->h, &s->data)) == 1) {
		if (++s->num == 1)
			s->first = s->h->ts;
		st_progress_tick(&s->pg);
		if (!s->have_prog ||
		    pcap_offline_filter(&s->prog, s->h, s->data))
			return;
	}
}

/* The state of one run of the views over one or more files. */
struct show {
	const struct opts	*op;
	struct st_packet	 pkt;
	struct st_out		 out;
	struct st_vctx		 v;
	unsigned long long	 shown;
	int			 lite;
};

static void
show_begin(struct show *sh, const char *title)
{
	const struct opts *op = sh->op;

	memset(&sh->v, 0, sizeof(sh->v));
	sh->v.color = op->ofile != NULL ? op->color == 1 :
	    st_cli_want_color(op->color);
	sh->v.local = op->local;
	sh->v.abs_seq = op->abs_seq;
	sh->v.title = title;
}

/* Decodes the record h, data of link type lt into pkt as number num. */
static void
decode_one(struct st_packet *pkt, const struct pcap_pkthdr *h,
    const u_char *data, int lt, unsigned long long num, int lite)
{
	st_pkt_reset(pkt, data, h->caplen, h->len);
	pkt->lite = lite;
	pkt->num = num;
	pkt->ts.tv_sec = h->ts.tv_sec;
	pkt->ts.tv_nsec = h->ts.tv_usec;	/* nanoseconds: see open */
	st_decode(pkt, lt);
}

/* Shows the decoded packet pkt of s with every view. */
static void
show_decoded(struct show *sh, const struct src *s, struct st_packet *pkt)
{
	size_t i;

	if (!sh->v.have_t0) {	/* times count from the file's first */
		sh->v.t0.tv_sec = s->first.tv_sec;
		sh->v.t0.tv_nsec = s->first.tv_usec;
		sh->v.have_t0 = 1;
	}
	if (sh->v.local && sh->shown == 0) {
		struct tm tm;
		time_t t = pkt->ts.tv_sec;

		if (localtime_r(&t, &tm) != NULL)
			sh->v.utcoff = tm.tm_gmtoff;
	}
	sh->v.file = sh->op->nfiles > 1 ? s->name : NULL;
	for (i = 0; i < sh->op->vs.n; i++)
		sh->op->vs.views[i]->packet(&sh->out, pkt, &sh->v);
	sh->shown++;
}

/* Decodes the packet read ahead in s as number num and shows it. */
static void
show_one(struct show *sh, const struct src *s, unsigned long long num)
{
	decode_one(&sh->pkt, s->h, s->data, s->lt, num, sh->lite);
	show_decoded(sh, s, &sh->pkt);
}

static int
done(const struct show *sh)
{
	return sh->out.err != 0 ||
	    (sh->op->count != 0 && sh->shown >= sh->op->count);
}

/* Says how reading s ended; 0, or ST_EXIT_RUNTIME on a read error. */
static int
src_status(const struct src *s)
{
	if (s->rc != -1)
		return ST_EXIT_OK;
	st_cli_err("%s: after %llu packet%s: %s", s->name, s->num,
	    s->num == 1 ? "" : "s", pcap_geterr(s->p));
	return ST_EXIT_RUNTIME;
}

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
	struct pcap_pkthdr	 h;
	unsigned long long	 num;
	u_char			*data;
};

struct ring {
	struct show		*sh;
	int			 lt;
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
		decode_one(&sl->pkt, &sl->h, sl->data, r->lt, sl->num,
		    r->sh->lite);
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
take(struct src *s, unsigned long long *taken, unsigned long long most)
{
	if (most != 0 && *taken >= most)
		return 0;
	advance(s);
	if (s->rc != 1)
		return 0;
	++*taken;
	return 1;
}

/* Shows every packet of s, decoded on a second thread; -1 if it could not
 * start one (the caller then does it all on this one). */
static int
show_file_threaded(struct show *sh, struct src *s)
{
	static struct ring r;
	struct ways w;
	unsigned long long rd = 0, t = 0, head = 0, taken = 0, most;
	unsigned long long phase = 0, goal, alone = 0, n;
	size_t cap, i;
	struct slot *sl;
	double t0;
	int eof = 0, snap = pcap_snapshot(s->p), rc = -1;
	pthread_t th;

	memset(&r, 0, sizeof(r));
	r.sh = sh;
	r.lt = s->lt;
	cap = snap > 0 && snap < 262144 ? (size_t)snap : 262144;
	most = sh->op->count != 0 ? sh->op->count - sh->shown : 0;
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
	while (!done(sh)) {
		if (alone > 0) {
			/* The ring is empty: all three here, the decoder
			 * asleep. */
			for (n = 0; n < alone && !done(sh); n++) {
				if (!take(s, &taken, most))
					break;
				show_one(sh, s, s->num);
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
			sl->h = *s->h;
			if (sl->h.caplen > cap)
				sl->h.caplen = (bpf_u_int32)cap;
			memcpy(sl->data, s->data, sl->h.caplen);
			sl->num = s->num;
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
		while (t < head && !done(sh)) {
			show_decoded(sh, s, &r.slot[t % SLOTS].pkt);
			t++;
			phase++;
		}
		if (phase >= goal && t == head && (n = ways_after2(&w, phase,
		    secs() - t0)) > 0) {
			/* Alone from here, once the ring is empty. */
			while (t < rd && !done(sh)) {
				if (head <= t) {
					ring_wait(&r, 2, decoded, t);
					head = atomic_load(&r.head);
				}
				show_decoded(sh, s, &r.slot[t++ % SLOTS].pkt);
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
	for (i = 0; r.slot != NULL && i < SLOTS; i++)
		free(r.slot[i].data);
	free(r.slot);
	pthread_mutex_destroy(&r.m);
	pthread_cond_destroy(&r.cv);
	return rc;
}

/* Shows every packet of s that passes the filter, until done. */
static void
show_file(struct show *sh, struct src *s)
{
	static long cpus;
	const char *e = getenv("STRATA_THREADS");

	if (cpus == 0)
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
	/* Not for standard input: a pipe that pauses would hold the reader. */
	if (cpus > 1 && (e == NULL || strcmp(e, "0") != 0) &&
	    strcmp(s->name, "-") != 0 && show_file_threaded(sh, s) == 0)
		return;
	for (advance(s); s->rc == 1 && !done(sh); advance(s))
		show_one(sh, s, s->num);
}

static int
run(const struct opts *op, FILE *out_fp)
{
	static struct show sh;
	static struct src srcs[MAXFILES];
	int status = ST_EXIT_OK, machine = 0, failed = 0, named = 0, i, best;
	int rc;
	size_t j;

	sh.op = op;
	sh.lite = 1;
	sh.shown = 0;
	st_out_init(&sh.out, out_fp);
	/* Views that read only main fields let the decoders skip the parts. */
	for (j = 0; j < op->vs.n; j++) {
		sh.lite &= op->vs.views[j]->lite;
		machine |= op->vs.views[j]->machine;
	}
	show_begin(&sh, op->file);
	for (j = 0; j < op->vs.n; j++)
		if (op->vs.views[j]->begin != NULL)
			op->vs.views[j]->begin(&sh.out, &sh.v);
	if (op->merge) {
		/* Every file open, one packet read ahead of each. */
		for (i = 0; i < op->nfiles; i++) {
			if ((rc = open_src(op, &srcs[i], op->files[i])) != 0) {
				/* A file that will not open is left out. */
				if (rc == -2) {
					status = ST_EXIT_USAGE;
					break;
				}
				failed = 1;
				continue;
			}
			st_progress_start(&srcs[i].pg, srcs[i].p,
			    srcs[i].name, op->quiet || op->nfiles > 1);
			advance(&srcs[i]);
		}
		/* Times count from the earliest first packet of all. */
		for (i = 0; status == ST_EXIT_OK && i < op->nfiles; i++)
			if (srcs[i].num > 0 && (!sh.v.have_t0 ||
			    srcs[i].first.tv_sec < sh.v.t0.tv_sec ||
			    (srcs[i].first.tv_sec == sh.v.t0.tv_sec &&
			    srcs[i].first.tv_usec < sh.v.t0.tv_nsec))) {
				sh.v.t0.tv_sec = srcs[i].first.tv_sec;
				sh.v.t0.tv_nsec = srcs[i].first.tv_usec;
				sh.v.have_t0 = 1;
			}
		while (status == ST_EXIT_OK && !done(&sh)) {
			best = -1;
			for (i = 0; i < op->nfiles; i++)
				if (srcs[i].rc == 1 && (best < 0 ||
				    timercmp(&srcs[i].h->ts, &srcs[best].h->ts,
				    <)))
					best = i;
			if (best < 0)
				break;
			show_one(&sh, &srcs[best], sh.shown + 1);
			advance(&srcs[best]);
		}
		for (i = 0; i < op->nfiles; i++) {
			if (srcs[i].p != NULL && status == ST_EXIT_OK &&
			    !done(&sh))
				status = src_status(&srcs[i]);
			close_src(&srcs[i]);
		}
	} else {
		for (i = 0; i < op->nfiles && status == ST_EXIT_OK &&
		    !done(&sh); i++) {
			if ((rc = open_src(op, &srcs[0], op->files[i])) != 0) {
				/* Said why; the other files still count. */
				if (rc == -2) {
					status = ST_EXIT_USAGE;
					break;
				}
				failed = 1;
				continue;
			}
			if (op->nfiles > 1) {
				/* Each file on its own: times, connections. */
				st_vctx_free(&sh.v);
				show_begin(&sh, op->files[i]);
				if (!machine)
					st_out_printf(&sh.out, "%s==> %s <==\n",
					    named++ > 0 ? "\n" : "",
					    op->files[i]);
			}
			st_progress_start(&srcs[0].pg, srcs[0].p,
			    srcs[0].name, op->quiet);
			show_file(&sh, &srcs[0]);
			if (!done(&sh))
				status = src_status(&srcs[0]);
			close_src(&srcs[0]);
		}
	}
	for (j = 0; j < op->vs.n; j++)
		if (op->vs.views[j]->end != NULL)
			op->vs.views[j]->end(&sh.out, &sh.v);
	st_vctx_free(&sh.v);
	if (failed && status == ST_EXIT_OK)
		status = ST_EXIT_RUNTIME;
	if (st_out_flush(&sh.out) != 0 && sh.out.err != EPIPE) {
		st_cli_err("writing output: %s", strerror(sh.out.err));
		status = ST_EXIT_RUNTIME;
	}
	return status;
}

/* The conversation of packet n in the file (a first pass). */
static int
flow_of_frame(const struct opts *op, unsigned long long n, struct st_flow *k)
{
	static struct st_packet pkt;
	struct pcap_pkthdr *h;
	const u_char *data;
	unsigned long long i = 0;
	pcap_t *p;
	int rc = -1;

	if ((p = st_cli_open_pcap(op->file, dropped_root)) == NULL)
		return -2;
	while (pcap_next_ex(p, &h, &data) == 1)
		if (++i == n) {
			st_pkt_reset(&pkt, data, h->caplen, h->len);
			st_decode(&pkt, pcap_datalink(p));
			rc = st_follow_key(&pkt, k);
			break;
		}
	pcap_close(p);
	if (rc != 0)
		st_cli_err("--follow %llu: %s", n, i < n ? "no such packet in "
		    "the file" : "that packet is not TCP");
	return rc;
}

/* decode --follow: collect the stream's segments, then draw it. */
static int
follow(const struct opts *op, FILE *out_fp)
{
	static struct st_follow fw;
	static struct st_packet pkt;
	static struct st_out out;
	struct st_vctx v;
	struct pcap_pkthdr *h;
	const u_char *data;
	struct st_flow k;
	const char *why;
	char *end;
	unsigned long long n;
	pcap_t *p;
	int rc, lt;

	n = strtoull(op->follow, &end, 10);
	if (*end == '\0' && n > 0) {
		if (strcmp(op->file, "-") == 0) {
			st_cli_err("--follow N reads the file twice: give a file, "
			    "not -, or --follow 'tcp A:P B:P'");
			return ST_EXIT_USAGE;
		}
		if ((rc = flow_of_frame(op, n, &k)) != 0)
			return rc == -2 ? ST_EXIT_RUNTIME : ST_EXIT_USAGE;
	} else if (st_follow_parse(op->follow, &k, &why) != 0) {
		st_cli_err("--follow: '%s': %s", op->follow, why);
		return ST_EXIT_USAGE;
	}
	if ((p = st_cli_open_pcap(op->file, dropped_root)) == NULL)
		return ST_EXIT_RUNTIME;
	lt = pcap_datalink(p);
	st_follow_init(&fw, &k);
	n = 0;
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		st_pkt_reset(&pkt, data, h->caplen, h->len);
		pkt.num = ++n;
		st_decode(&pkt, lt);
		if (st_follow_add(&fw, &pkt) < 0) {
			st_cli_err("--follow: out of memory");
			break;
		}
	}
	memset(&v, 0, sizeof(v));
	st_out_init(&out, out_fp);
	st_follow_render(&out, &fw, &v);
	st_out_flush(&out);
	st_follow_free(&fw);
	if (rc == -1)
		st_cli_err("%s: %s", op->file, pcap_geterr(p));
	pcap_close(p);
	return rc == -1 ? ST_EXIT_RUNTIME : ST_EXIT_OK;
}

int
st_cmd_decode(int argc, char **argv)
{
	struct opts op;
	FILE *out = stdout;
	const char *what = "";
	int rc;

	if (parse_opts(&op, argc, argv) != 0)
		return ST_EXIT_USAGE;
	/*
	 * Decoding needs no privilege at all: the output file is opened where
	 * the user is, then everything is given up before the input is even
	 * opened.
	 */
	if (op.ofile != NULL && (out = fopen(op.ofile, "w")) == NULL) {
		st_cli_err("%s: %s", op.ofile, strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	dropped_root = geteuid() == 0 || getuid() == 0;
	if (st_priv_drop(&what) != 0) {
		st_cli_err("decode: dropping privileges: %s: %s", what,
		    strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	if (op.follow != NULL)
		return follow(&op, out);
	rc = run(&op, out);
	if (out != stdout && fclose(out) != 0 && rc == ST_EXIT_OK) {
		st_cli_err("%s: %s", op.ofile, strerror(errno));
		rc = ST_EXIT_RUNTIME;
	}
	return rc;
}

/*
 * strata stats [options] FILE...: decode with the stats view alone, so it
 * takes decode's filter, count, several files and --merge.
 */
int
st_cmd_stats(int argc, char **argv)
{
	char *args[3 + 2 * 64 + MAXFILES];
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs("usage: strata stats [-c COUNT] [-f FILTER] [--merge] "
			    "[-q] [-o FILE] FILE...\n"
			    "\n"
			    "What the capture holds, after reading it all: the "
			    "protocol hierarchy (frames\nand bytes that carry each "
			    "protocol, as tshark -z io,phs), the IP, TCP and UDP\n"
			    "conversations with frames and bytes each way (-z "
			    "conv), and a histogram of\nframe sizes.  The options "
			    "are decode's.\n", stdout);
			return ST_EXIT_OK;
		}
		if (strncmp(argv[i], "--view", 6) == 0 ||
		    strcmp(argv[i], "--follow") == 0) {
			st_cli_err("stats: %s is decode's, not stats' (try "
			    "'strata stats --help')", argv[i]);
			return ST_EXIT_USAGE;
		}
	}
	if (argc > (int)(sizeof(args) / sizeof(args[0])) - 3) {
		st_cli_err("stats: too many arguments");
		return ST_EXIT_USAGE;
	}
	args[n++] = argv[0];
	args[n++] = (char *)"--view=stats";
	for (i = 1; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	return st_cmd_decode(n, args);
}

