/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata replay [options] FILE: a capture played back as if live, at the
 * pace of its timestamps (or a packet a key press with --step), through
 * the same reader, views and numbering as decode; with --to IFACE each
 * frame is also sent onto an interface for another program to watch.
 *
 * Order: the injection handle (the only privileged thing), then every
 * privilege given up, then the file opened and read, as decode reads it.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/decode.h"
#include "strata/inject.h"
#include "strata/net.h"
#include "strata/reader.h"
#include "strata/reasm.h"
#include "strata/replay.h"
#include "strata/view.h"
#include "cli.h"

enum { O_SPEED = 256, O_STEP, O_TO, O_CAP, O_LOCAL };

struct ropts {
	const char		*file;
	struct st_cli_opts	 c;	/* --view, --color, -c, -f */
	double			 speed;
	double			 cap;		/* --max-silence */
	int			 step;
	const char		*to;
	int			 local;
	int			 abs_seq;
};

static void
replay_usage(FILE *fp)
{
	fputs("usage: strata replay [--speed X] [--step] [--view LIST] "
	    "[-f FILTER] [-c COUNT]\n"
	    "                     [--max-silence SEC] [--to IFACE] "
	    "[--color=WHEN] [--local] [-S] FILE\n"
	    "\n"
	    "Plays a capture back as if live: each packet shown when its "
	    "timestamp comes,\nnumbered and decoded as 'strata decode' shows "
	    "it.\n"
	    "\n"
	    "  --speed X        X times as fast (default 1; 0: as fast as "
	    "possible)\n"
	    "  --max-silence S  cut waits longer than S seconds to S, and say "
	    "so (default 2)\n"
	    "  --step           one packet at a time: Enter, space or n "
	    "next, p back, q quit\n"
	    "                   (lines of n, p, q when standard input is not "
	    "a terminal)\n"
	    "  --to IFACE       also send each frame onto IFACE (pcap_inject; "
	    "needs root or\n"
	    "                   CAP_NET_RAW) for tcpdump, Wireshark or strata "
	    "capture to see\n"
	    "  -f FILTER        only packets matching a BPF filter\n"
	    "  -c COUNT         stop after COUNT packets\n"
	    "  --view LIST      views, comma-separated (default summary; as "
	    "decode's but html)\n"
	    "  --color WHEN     auto, always or never\n"
	    "  --local          times in local time instead of UTC\n"
	    "  -S               absolute TCP sequence numbers\n", fp);
}

/* A number of seconds or a speed: >= 0, finite. */
static int
nonneg(const char *opt, const char *arg, double *v)
{
	char *end;

	*v = strtod(arg, &end);
	if (end == arg || *end != '\0' || !isfinite(*v) || *v < 0) {
		st_cli_err("replay: %s: '%s' is not a number >= 0", opt, arg);
		return -1;
	}
	return 0;
}

static int
own_opt(struct ropts *op, int ch, const char *arg)
{
	switch (ch) {
	case O_SPEED:
		return nonneg("--speed", arg, &op->speed);
	case O_CAP:
		return nonneg("--max-silence", arg, &op->cap);
	case O_STEP:
		op->step = 1;
		return 0;
	case O_TO:
		op->to = arg;
		return 0;
	case O_LOCAL:
		op->local = 1;
		return 0;
	case 'S':
		op->abs_seq = 1;
		return 0;
	case 'n':
		return 0;
	case 'h':
		replay_usage(stdout);
		exit(ST_EXIT_OK);
	default:
		fputs("(try 'strata replay --help')\n", stderr);
		return -1;
	}
}

static int
parse_opts(struct ropts *op, int argc, char **argv)
{
	static const struct option lo[] = {
		ST_CLI_LONGOPTS,
		{ "colour", required_argument, NULL, ST_CLI_O_COLOR },
		{ "speed", required_argument, NULL, O_SPEED },
		{ "step", no_argument, NULL, O_STEP },
		{ "to", required_argument, NULL, O_TO },
		{ "max-silence", required_argument, NULL, O_CAP },
		{ "local", no_argument, NULL, O_LOCAL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	size_t i;
	int ch, rc;

	memset(op, 0, sizeof(*op));
	op->speed = 1;
	op->cap = 2;
	st_cli_opts_init(&op->c, &st_view_summary);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:f:nSh", lo, NULL)) != -1) {
		if ((rc = st_cli_opt(&op->c, ST_CLI_VIEW | ST_CLI_COLOR |
		    ST_CLI_COUNT | ST_CLI_FILTER, NULL, ch, optarg)) != 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		if (own_opt(op, ch, optarg) != 0)
			return -1;
	}
	if (optind + 1 != argc) {
		st_cli_err("replay: %s (try 'strata replay --help')",
		    optind >= argc ? "no FILE given" : "one FILE at a time");
		return -1;
	}
	op->file = argv[optind];
	if (op->step && strcmp(op->file, "-") == 0) {
		st_cli_err("replay: --step reads its keys from standard input: "
		    "give a FILE, not -");
		return -1;
	}
	for (i = 0; i < op->c.vs.n; i++)
		if (op->c.vs.views[i]->needs_file) {
			st_cli_err("replay: the %s view is a report, not a "
			    "show: strata decode --view %s -o REPORT FILE",
			    op->c.vs.views[i]->name, op->c.vs.views[i]->name);
			return -1;
		}
	return 0;
}

/* The terminal, put in raw mode for --step and put back on every exit. */
static struct termios saved_tio;
static volatile sig_atomic_t raw_on, stop;

static void
tty_restore(void)
{
	if (raw_on) {
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
		raw_on = 0;
	}
}

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
	tty_restore();		/* tcsetattr is async-signal-safe */
}

/* Keys without Enter and without echo; ^C still a signal. */
static void
tty_raw(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &saved_tio) != 0)
		return;
	t = saved_tio;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0) {
		raw_on = 1;
		atexit(tty_restore);
	}
}

/* SIGINT and SIGTERM end the replay (views' ends still written). */
static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	/* No SA_RESTART: a read or a sleep ends with the signal. */
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

enum key { K_NEXT, K_BACK, K_QUIT };

/* One key on a terminal; the prompt on it while waiting. */
static enum key
key_tty(unsigned long long cur)
{
	unsigned char ch;

	fprintf(stderr, "-- packet %llu: Enter/n next, p back, q quit --",
	    cur);
	fflush(stderr);
	for (;;) {
		if (stop || read(STDIN_FILENO, &ch, 1) != 1)
			ch = 'q';	/* a signal, or the terminal gone */
		if (ch == '\n' || ch == '\r' || ch == ' ' || ch == 'n' ||
		    ch == 'p' || ch == 'b' || ch == 'q' || ch == 4)
			break;
	}
	fputs("\r\033[K", stderr);
	fflush(stderr);
	return ch == 'p' || ch == 'b' ? K_BACK : ch == 'q' || ch == 4 ?
	    K_QUIT : K_NEXT;
}

/* One line when standard input is not a terminal: "", n, p or q. */
static enum key
key_line(void)
{
	char line[64];

	for (;;) {
		if (stop || fgets(line, sizeof(line), stdin) == NULL)
			return K_QUIT;
		line[strcspn(line, " \t\r\n")] = '\0';
		if (line[0] == '\0' || strcmp(line, "n") == 0)
			return K_NEXT;
		if (strcmp(line, "p") == 0 || strcmp(line, "b") == 0)
			return K_BACK;
		if (strcmp(line, "q") == 0)
			return K_QUIT;
	}
}

/* One replay: the file, the views, the pace, the history, the wire. */
struct replay {
	const struct ropts	*op;
	struct st_reader	 r;
	struct st_packet	 pkt;
	struct st_out		 out;
	struct st_vctx		 v;
	struct st_pace		 pace;
	struct timespec		 due;	/* CLOCK_MONOTONIC */
	int			 have_due;
	int			 cut_said;	/* a frame cut short */
	struct st_step		 step;	/* --step */
	struct st_inject	 in;
	int			 injecting;
	int			 lite;
	int			 tty;	/* keys from a terminal */
	unsigned long long	 shown;		/* new packets shown */
	int			 status;
	struct st_defrag	*ra;	/* fragments gathered, as decode's */
};

/* A record the filter hides still feeds the conversations (TCP's
 * relative numbers and analysis), as decode's do. */
static void
track_hidden(void *arg, const struct st_record *rec)
{
	static struct st_packet hp;
	struct replay *rp = arg;

	st_decode_frame(&hp, rec, rp->lite);
	st_track(&rp->v.flows, &hp);
}

/* A note between packets, on stderr after what came before it. */
static void
note(struct replay *rp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
note(struct replay *rp, const char *fmt, ...)
{
	va_list ap;

	st_out_flush(&rp->out);
	fflush(stdout);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Waits until the record's time comes, at the chosen speed. */
static void
pace(struct replay *rp, const struct st_record *rec)
{
	double wait, silence;
	long long ns;

	wait = st_pace_wait(&rp->pace, &rec->ts, &silence);
	if (silence > 0)
		note(rp, "(silence of %.1f s skipped)", silence);
	if (rp->op->speed == 0)
		return;
	if (!rp->have_due) {
		clock_gettime(CLOCK_MONOTONIC, &rp->due);
		rp->have_due = 1;
	}
	ns = rp->due.tv_nsec + llround(wait * 1e9);
	rp->due.tv_sec += ns / 1000000000;
	rp->due.tv_nsec = ns % 1000000000;
	st_out_flush(&rp->out);
	while (!stop && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
	    &rp->due, NULL) == EINTR)
		;
}

/*
 * Decodes rec and shows it with every view, as decode does.  again: shown
 * before (--step going back); views that tally for their end (stats) do
 * not see it twice, so that their totals are decode's.
 */
static void
show(struct replay *rp, const struct st_record *rec, int again)
{
	size_t i;

	if (!rp->v.have_t0) {	/* times count from the file's first */
		rp->v.t0 = rp->r.first;
		rp->v.have_t0 = 1;
	}
	st_decode_frame(&rp->pkt, rec, rp->lite);
	if (rp->v.local && rp->shown == 0) {
		struct tm tm;
		time_t t = rp->pkt.ts.tv_sec;

		if (localtime_r(&t, &tm) != NULL)
			rp->v.utcoff = tm.tm_gmtoff;
	}
	rp->v.again = again;
	for (i = 0; i < rp->op->c.vs.n; i++)
		if (!again || !rp->op->c.vs.views[i]->tallies)
			rp->op->c.vs.views[i]->packet(&rp->out, &rp->pkt,
			    &rp->v);
	st_out_flush(&rp->out);
}

/* Sends rec onto --to's interface; -1 when sending failed. */
static int
inject(struct replay *rp, const struct st_record *rec)
{
	/* A pcapng file's interfaces may be of several link types. */
	if (rec->lt != rp->in.lt) {
		note(rp, "strata: replay: frame %llu is of link type %s, %s's "
		    "is not: not sent", rec->num,
		    pcap_datalink_val_to_name(rec->lt) ?
		    pcap_datalink_val_to_name(rec->lt) : "?", rp->in.iface);
		return 0;
	}
	switch (st_inject_send(&rp->in, rec->data, rec->caplen)) {
	case 1:
		note(rp, "strata: replay: frame %llu (%u bytes) is more than "
		    "%s's MTU of %u allows (%zu with the link header): not "
		    "sent", rec->num, rec->caplen, rp->in.iface, rp->in.mtu,
		    st_inject_max(&rp->in));
		return 0;
	case -1:
		note(rp, "strata: replay: --to %s: frame %llu: %s",
		    rp->in.iface, rec->num, st_inject_error(&rp->in));
		return -1;
	}
	if (rec->caplen < rec->len && !rp->cut_said) {
		rp->cut_said = 1;
		note(rp, "strata: replay: frame %llu was captured cut short "
		    "(%u of %u bytes): it and any other such are sent as "
		    "captured", rec->num, rec->caplen, rec->len);
	}
	return 0;
}

/*
 * Reads, paces, shows (and sends) the next new packet: 1; 0 at the end
 * (of the file, the count, a signal or a failed send).
 */
static int
next_new(struct replay *rp)
{
	const struct ropts *op = rp->op;
	int rc;

	if (stop || (op->c.count != 0 && rp->shown >= op->c.count) ||
	    rp->out.err != 0)
		return 0;
	if ((rc = st_reader_next(&rp->r)) != 1) {
		if (rc == -1) {
			note(rp, "strata: %s: after %llu packet%s: %s",
			    rp->r.name, rp->r.num, rp->r.num == 1 ? "" : "s",
			    st_reader_error(&rp->r));
			rp->status = ST_EXIT_RUNTIME;
		}
		return 0;
	}
	if (!op->step)
		pace(rp, &rp->r.rec);
	if (stop)
		return 0;
	show(rp, &rp->r.rec, 0);
	rp->shown++;
	if (op->step && st_step_add(&rp->step, &rp->r.rec) != 0) {
		note(rp, "strata: replay: out of memory for the history");
		rp->status = ST_EXIT_RUNTIME;
		return 0;
	}
	if (rp->injecting && inject(rp, &rp->r.rec) != 0) {
		rp->status = ST_EXIT_RUNTIME;
		return 0;
	}
	return 1;
}

/*
 * --step: n shows the next packet (again from the history after going
 * back, never sent twice), p the one before, q ends.
 */
static void
step_loop(struct replay *rp)
{
	const struct st_record *rec;
	enum key k = K_NEXT;

	while (k != K_QUIT) {
		switch (k == K_NEXT ? st_step_next(&rp->step, &rec) :
		    st_step_back(&rp->step, &rec)) {
		case ST_STEP_SHOW:
			show(rp, rec, 1);
			break;
		case ST_STEP_READ:
			if (!next_new(rp))
				return;
			break;
		case ST_STEP_FIRST:
			note(rp, "(packet %llu is the first)",
			    st_step_cur(&rp->step)->num);
			break;
		case ST_STEP_GONE:
			note(rp, "(history exhausted: only the last %zu "
			    "packets are kept)", rp->step.h.max);
			break;
		}
		k = rp->tty ? key_tty(st_step_cur(&rp->step)->num) :
		    key_line();
	}
}

/* Opens the injection handle, with the privilege it needs. */
static int
open_inject(struct replay *rp)
{
	char why[PCAP_ERRBUF_SIZE + 64];
	int perm;

	if (st_inject_open(&rp->in, rp->op->to, why, sizeof(why), &perm) == 0) {
		rp->injecting = 1;
		return 0;
	}
	if (perm) {
		st_cli_err("replay: --to %s: sending frames needs root or "
		    "CAP_NET_RAW: run it with sudo, or once: sudo setcap "
		    "cap_net_raw,cap_net_admin+ep ./strata", rp->op->to);
		st_cli_doctor();
	} else
		st_cli_err("replay: --to %s: %s", rp->op->to, why);
	return -1;
}

/* The file, after privileges are gone; an exit code after saying why. */
static int
open_file(struct replay *rp, int dropped_root)
{
	const struct ropts *op = rp->op;
	char why[PCAP_ERRBUF_SIZE + 64];

	if (st_cli_open_reader(&rp->r, op->file, dropped_root) != 0)
		return ST_EXIT_RUNTIME;
	if (op->c.filter != NULL &&
	    st_reader_filter(&rp->r, op->c.filter, why, sizeof(why)) != 0) {
		st_cli_err("filter '%s': %s", op->c.filter, why);
		return ST_EXIT_USAGE;
	}
	if (op->c.filter != NULL) {
		rp->r.hidden = track_hidden;
		rp->r.hidden_arg = rp;
	}
	if ((rp->ra = st_defrag_new(0)) == NULL) {
		st_cli_err("replay: out of memory");
		return ST_EXIT_RUNTIME;
	}
	rp->r.rec.reasm = rp->ra;
	if (rp->injecting && rp->in.lt != rp->r.lt) {
		st_cli_err("replay: --to %s: the capture's link type is %s, "
		    "the interface's %s: its frames would not read the same there",
		    op->to, pcap_datalink_val_to_name(rp->r.lt) ?
		    pcap_datalink_val_to_name(rp->r.lt) : "?",
		    pcap_datalink_val_to_name(rp->in.lt) ?
		    pcap_datalink_val_to_name(rp->in.lt) : "?");
		return ST_EXIT_RUNTIME;
	}
	if (op->step && st_step_init(&rp->step, ST_HISTORY_MAX) != 0) {
		st_cli_err("replay: out of memory");
		return ST_EXIT_RUNTIME;
	}
	return ST_EXIT_OK;
}

/* Shows the whole replay, between the views' begin and end. */
static void
play(struct replay *rp)
{
	const struct ropts *op = rp->op;
	size_t i;

	rp->lite = 1;
	for (i = 0; i < op->c.vs.n; i++)
		rp->lite &= op->c.vs.views[i]->lite;
	rp->v.color = st_cli_want_color(op->c.color);
	rp->v.local = op->local;
	rp->v.abs_seq = op->abs_seq;
	rp->v.title = op->file;
	st_out_init(&rp->out, stdout);
	st_pace_init(&rp->pace, op->speed, op->cap);
	for (i = 0; i < op->c.vs.n; i++)
		if (op->c.vs.views[i]->begin != NULL)
			op->c.vs.views[i]->begin(&rp->out, &rp->v);
	if (op->step) {
		rp->tty = isatty(STDIN_FILENO);
		if (rp->tty)
			tty_raw();
		step_loop(rp);
		tty_restore();
	} else
		while (next_new(rp))
			;
	for (i = 0; i < op->c.vs.n; i++)
		if (op->c.vs.views[i]->end != NULL)
			op->c.vs.views[i]->end(&rp->out, &rp->v);
	if (st_out_flush(&rp->out) != 0 && rp->out.err != EPIPE) {
		st_cli_err("writing output: %s", strerror(rp->out.err));
		rp->status = ST_EXIT_RUNTIME;
	}
	st_vctx_free(&rp->v);
}

/* What --to did, on stderr; a frame not sent makes the run fail. */
static void
inject_report(struct replay *rp)
{
	fprintf(stderr, "%llu frame%s sent to %s", rp->in.sent,
	    rp->in.sent == 1 ? "" : "s", rp->in.iface);
	if (rp->in.big > 0)
		fprintf(stderr, ", %llu too big for its MTU of %u", rp->in.big,
		    rp->in.mtu);
	fputc('\n', stderr);
	if (rp->in.big > 0 && rp->status == ST_EXIT_OK)
		rp->status = ST_EXIT_RUNTIME;
}

int
st_cmd_replay(int argc, char **argv)
{
	static struct replay rp;
	static struct ropts op;
	const char *what = "";
	int dropped_root, rc;

	if (parse_opts(&op, argc, argv) != 0)
		return ST_EXIT_USAGE;
	rp.op = &op;
	/* 1. The injection handle: the one thing privileges are for. */
	if (op.to != NULL && open_inject(&rp) != 0)
		return ST_EXIT_RUNTIME;
	/* 2. Then nothing privileged, not even reading the file. */
	dropped_root = geteuid() == 0 || getuid() == 0;
	if (st_priv_drop(&what) != 0) {
		st_cli_err("replay: dropping privileges: %s: %s", what,
		    strerror(errno));
		st_inject_close(&rp.in);
		return ST_EXIT_RUNTIME;
	}
	catch_signals();
	if ((rc = open_file(&rp, dropped_root)) == ST_EXIT_OK) {
		play(&rp);
		if (rp.injecting)
			inject_report(&rp);
		rc = rp.status;
	}
	st_step_free(&rp.step);
	st_reader_close(&rp.r);
	st_defrag_free(rp.ra);
	st_inject_close(&rp.in);
	return rc;
}
