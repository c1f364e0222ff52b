/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata capture: live packets through libpcap, shown with the same views
 * as a saved file, and written to pcap or pcapng.  On exit (count reached,
 * duration over, Ctrl-C) it says what tcpdump says: captured, received by
 * filter, dropped by kernel.
 *
 * The capture handle is the only privileged thing: it is opened and
 * activated first, then privileges are dropped, then the filter is
 * compiled and packets read.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/capture.h"
#include "strata/decode.h"
#include "strata/net.h"
#include "strata/view.h"
#include "cli.h"

struct copts {
	const char		*iface;
	const char		*wfile;
	struct st_cli_opts	 c;		/* -c, -f, -q, --view, --color */
	int			 snaplen;
	int			 bufsize;	/* -B, bytes; 0: default */
	double			 duration;
	int			 pcapng;
	int			 list;
	int			 nopromisc;
	int			 abs_seq;
};

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
capture_usage(FILE *fp)
{
	fputs("usage: strata capture [-i IFACE] [-c COUNT] [-f FILTER] "
	    "[-s SNAPLEN] [-B KIB] [-w FILE [--pcapng]]\n"
	    "                      [--duration SECONDS] [--view LIST] [-p] "
	    "[-q]\n"
	    "       strata capture -D\n"
	    "\n"
	    "  -i IFACE        interface (default lo)\n"
	    "  -c COUNT        stop after COUNT packets\n"
	    "  -f FILTER       BPF filter, compiled into the kernel "
	    "('tcp port 7777')\n"
	    "  -s SNAPLEN      bytes kept of each packet (default 262144)\n"
	    "  -B KIB          kernel buffer in KiB, as tcpdump's -B (default "
	    "32768)\n"
	    "  -w FILE         write packets to FILE (pcap; pcapng with "
	    "--pcapng)\n"
	    "  --duration SEC  stop after SEC seconds\n"
	    "  --view LIST     views (default summary; none with -w unless "
	    "given)\n"
	    "  -p              not in promiscuous mode\n"
	    "  -q              only a running count on standard error\n"
	    "  -S              absolute TCP sequence numbers\n"
	    "  -D              list the interfaces\n"
	    "\n"
	    "Capturing needs root or CAP_NET_RAW (and CAP_NET_ADMIN for some "
	    "interfaces).\n", fp);
}

static int
parse_opts(struct copts *op, int argc, char **argv)
{
	enum { O_DURATION = 256, O_PCAPNG };
	static const struct option lo[] = {
		ST_CLI_LONGOPTS,
		{ "duration", required_argument, NULL, O_DURATION },
		{ "pcapng", no_argument, NULL, O_PCAPNG },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	long v;
	int ch, rc;

	memset(op, 0, sizeof(*op));
	op->iface = "lo";
	op->snaplen = 262144;
	st_cli_opts_init(&op->c, &st_view_summary);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "i:c:f:s:B:w:DpqnhS", lo, NULL)) !=
	    -1) {
		if ((rc = st_cli_opt(&op->c, ST_CLI_VIEW | ST_CLI_COLOR |
		    ST_CLI_COUNT | ST_CLI_FILTER | ST_CLI_QUIET, "capture", ch,
		    optarg)) != 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		switch (ch) {
		case 'i':
			op->iface = optarg;
			break;
		case 's':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 1 || v > 262144) {
				st_cli_err("capture: -s: '%s' is not 1..262144",
				    optarg);
				return -1;
			}
			op->snaplen = (int)v;
			break;
		case 'B':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 1 || v > 4194304) {
				st_cli_err("capture: -B: '%s' is not 1..4194304 "
				    "(KiB)", optarg);
				return -1;
			}
			op->bufsize = (int)v * 1024;
			break;
		case 'w':
			op->wfile = optarg;
			break;
		case 'D':
			op->list = 1;
			break;
		case 'p':
			op->nopromisc = 1;
			break;
		case 'n':
			break;
		case 'S':
			op->abs_seq = 1;
			break;
		case O_DURATION:
			op->duration = strtod(optarg, &end);
			if (*end != '\0' || !(op->duration > 0)) {
				st_cli_err("capture: --duration: '%s' is not a "
				    "number of seconds", optarg);
				return -1;
			}
			break;
		case O_PCAPNG:
			op->pcapng = 1;
			break;
		case 'h':
			capture_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("strata: try 'strata capture --help'\n", stderr);
			return -1;
		}
	}
	if (optind != argc) {
		st_cli_err("capture: unexpected '%s' (a filter goes after -f)",
		    argv[optind]);
		return -1;
	}
	if (op->pcapng && op->wfile == NULL) {
		st_cli_err("capture: --pcapng goes with -w FILE");
		return -1;
	}
	return 0;
}

/* strata capture -D, as tcpdump -D prints it. */
static int
list_ifaces(void)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_if_t *all, *d;
	int i = 1;

	if (pcap_findalldevs(&all, errbuf) != 0) {
		st_cli_err("capture: listing interfaces: %s", errbuf);
		return ST_EXIT_RUNTIME;
	}
	for (d = all; d != NULL; d = d->next, i++) {
		printf("%d.%s", i, d->name);
		if (d->description != NULL)
			printf(" (%s)", d->description);
		printf(" [%s%s%s]\n", d->flags & PCAP_IF_UP ? "Up" : "Down",
		    d->flags & PCAP_IF_RUNNING ? ", Running" : "",
		    d->flags & PCAP_IF_LOOPBACK ? ", Loopback" : "");
	}
	pcap_freealldevs(all);
	return ST_EXIT_OK;
}

struct cap {
	struct copts		*op;
	struct st_reader	 r;
	pcap_t			*p;
	pcap_dumper_t		*dump;
	struct st_ng		 ng;
	int			 wfd;
	struct st_capw		*w;		/* the writer thread */
	FILE			*wfp;		/* its stream */
	unsigned		 drops;		/* reported so far */
	struct st_packet	 pkt;
	struct st_out		 out;
	struct st_vctx		 v;
	int			 show;
	int			 lt;
	unsigned long long	 n;
};

/* One packet read: written, shown; 1 when the count is reached. */
static int
on_packet(struct cap *c, const struct st_record *rec)
{
	struct pcap_pkthdr h;
	size_t i;

	c->n++;
	if (c->dump != NULL) {
		h.ts.tv_sec = rec->ts.tv_sec;
		h.ts.tv_usec = rec->ts.tv_nsec;	/* nanoseconds: see open */
		h.caplen = rec->caplen;
		h.len = rec->len;
		pcap_dump((u_char *)c->dump, &h, rec->data);
		st_capw_mark(c->w);
	} else if (c->wfp != NULL) {
		st_ng_write(&c->ng, &rec->ts, rec->data, rec->caplen,
		    rec->len);
		st_capw_mark(c->w);
	}
	if (c->show) {
		if (!c->v.have_t0) {
			c->v.t0 = rec->ts;
			c->v.have_t0 = 1;
		}
		st_decode_frame(&c->pkt, rec, 0);
		for (i = 0; i < c->op->c.vs.n; i++)
			c->op->c.vs.views[i]->packet(&c->out, &c->pkt, &c->v);
		st_out_flush(&c->out);
	}
	return c->op->c.count != 0 && c->n >= c->op->c.count;
}

/* Compiles the filter into the kernel; an exit code after saying why. */
static int
filter(struct cap *c)
{
	char why[PCAP_ERRBUF_SIZE + 64];

	switch (st_reader_filter(&c->r, c->op->c.filter, why, sizeof(why))) {
	case 0:
		return ST_EXIT_OK;
	case -1:
		st_cli_err("capture: filter '%s': %s", c->op->c.filter, why);
		return ST_EXIT_USAGE;
	default:
		st_cli_err("capture: filter: %s", why);
		return ST_EXIT_RUNTIME;
	}
}

static int
open_output(struct cap *c)
{
	struct copts *op = c->op;

	if (op->wfile == NULL)
		return 0;
	if ((c->w = st_capw_start(c->wfd)) == NULL) {
		st_cli_err("capture: %s: %s", op->wfile, strerror(errno));
		return -1;
	}
	c->wfp = st_capw_fp(c->w);
	if (!op->pcapng) {
		if ((c->dump = pcap_dump_fopen(c->p, c->wfp)) == NULL) {
			st_cli_err("capture: %s: %s", op->wfile,
			    pcap_geterr(c->p));
			return -1;
		}
		st_capw_mark(c->w);
		return 0;
	}
	if (st_ng_open(&c->ng, c->wfp, c->lt, op->snaplen, op->iface) != 0) {
		st_cli_err("capture: %s: %s", op->wfile, strerror(errno));
		return -1;
	}
	st_capw_mark(c->w);
	return 0;
}

/* Says so as soon as the kernel drops packets, not only at the end. */
static void
drops_now(struct cap *c)
{
	struct pcap_stat st;

	if (pcap_stats(c->p, &st) != 0 || st.ps_drop <= c->drops)
		return;
	if (c->op->c.quiet && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	st_cli_err("capture: the kernel dropped %u packet%s so far (the ring "
	    "was full: a larger -B, a smaller -s, or -q)", st.ps_drop,
	    st.ps_drop == 1 ? "" : "s");
	c->drops = st.ps_drop;
}

/* Whether the file cannot be written (a full disk): said, then stop. */
static int
write_failed(struct cap *c)
{
	int e;

	if (c->w == NULL || (e = st_capw_err(c->w)) == 0)
		return 0;
	st_cli_err("capture: %s: %s", c->op->wfile, strerror(e));
	return 1;
}

/* Packets until the count, the duration or a signal. */
static int
loop(struct cap *c)
{
	struct timespec start, now, checked;
	struct pollfd pfd;
	unsigned long long shown = ~0ULL;
	int rc, tty = isatty(STDERR_FILENO);

	clock_gettime(CLOCK_MONOTONIC, &start);
	checked = start;
	pfd.fd = pcap_get_selectable_fd(c->p);
	pfd.events = POLLIN;
	while (!stop) {
		if (c->op->duration > 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if ((double)(now.tv_sec - start.tv_sec) +
			    (double)(now.tv_nsec - start.tv_nsec) / 1e9 >=
			    c->op->duration)
				break;
		}
		if (poll(&pfd, 1, 100) < 0 && errno != EINTR) {
			st_cli_err("capture: poll: %s", strerror(errno));
			return -1;
		}
		while ((rc = st_reader_next(&c->r)) == 1 &&
		    !on_packet(c, &c->r.rec))
			;
		if (write_failed(c))
			return -1;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec != checked.tv_sec) {	/* about once a second */
			checked = now;
			drops_now(c);
		}
		if (rc == 1 || rc == -2)
			break;		/* the count, or the handle closed */
		if (rc < 0) {
			st_cli_err("capture: %s: %s", c->op->iface,
			    st_reader_error(&c->r));
			return -1;
		}
		/* The running count only where it is seen: a terminal. */
		if (c->op->c.quiet && tty && (c->n != shown ||
		    shown == ~0ULL)) {
			shown = c->n;
			fprintf(stderr, "\r%llu packets", c->n);
			fflush(stderr);
		}
	}
	if (c->op->c.quiet)
		fprintf(stderr, "%s%llu packets\n", tty ? "\r" : "", c->n);
	return 0;
}

static void
statistics(struct cap *c)
{
	struct pcap_stat st;

	fprintf(stderr, "%llu packet%s captured\n", c->n, c->n == 1 ? "" : "s");
	if (pcap_stats(c->p, &st) == 0) {
		fprintf(stderr, "%u packet%s received by filter\n", st.ps_recv,
		    st.ps_recv == 1 ? "" : "s");
		fprintf(stderr, "%u packet%s dropped by kernel\n", st.ps_drop,
		    st.ps_drop == 1 ? "" : "s");
	}
}

int
st_cmd_capture(int argc, char **argv)
{
	static struct cap c;
	static struct copts op;
	struct st_cap_cfg cfg;
	struct sigaction sa;
	const char *what = "";
	char why[PCAP_ERRBUF_SIZE + 64];
	int perm, rc = ST_EXIT_RUNTIME;

	if (parse_opts(&op, argc, argv) != 0)
		return ST_EXIT_USAGE;
	if (op.list)
		return list_ifaces();
	c.op = &op;
	c.wfd = -1;
	c.show = !op.c.quiet && (op.wfile == NULL || op.c.views_given);
	/*
	 * Packets one by one (immediate mode) only for someone watching them
	 * on a terminal; otherwise blocks of a TPACKET_V3 ring, as tcpdump,
	 * which hold bursts at any snapshot length.
	 */
	cfg.snaplen = op.snaplen;
	cfg.nopromisc = op.nopromisc;
	cfg.immediate = c.show && isatty(STDOUT_FILENO);
	cfg.bufsize = op.bufsize;
	/* 1. The capture handle (and the output file): with privileges. */
	if ((c.p = st_cap_open_cfg(op.iface, &cfg, why, sizeof(why),
	    &perm)) == NULL) {
		if (perm) {
			st_cli_err("capture: %s: capturing needs root or "
			    "CAP_NET_RAW: run it with sudo, or once: sudo "
			    "setcap cap_net_raw,cap_net_admin+ep ./strata",
			    op.iface);
			st_cli_doctor();
		} else
			st_cli_err("capture: %s: %s", op.iface, why);
		return ST_EXIT_RUNTIME;
	}
	st_reader_live(&c.r, c.p, op.iface);
	if (op.wfile != NULL && (c.wfd = open(op.wfile, O_WRONLY | O_CREAT |
	    O_TRUNC | O_CLOEXEC, 0666)) < 0) {
		st_cli_err("capture: %s: %s", op.wfile, strerror(errno));
		goto out;
	}
	/* 2. Nothing privileged after this. */
	if (st_priv_drop(&what) != 0) {
		st_cli_err("capture: dropping privileges: %s: %s", what,
		    strerror(errno));
		goto out;
	}
	/* 3. The filter runs in the kernel: only matching packets come up. */
	if (op.c.filter != NULL && (rc = filter(&c)) != ST_EXIT_OK)
		goto out;
	rc = ST_EXIT_RUNTIME;
	c.lt = c.r.lt;
	if (open_output(&c) != 0)
		goto out;
	c.v.color = st_cli_want_color(op.c.color);
	c.v.title = op.iface;
	c.v.abs_seq = op.abs_seq;
	st_out_init(&c.out, stdout);
	fprintf(stderr, "listening on %s, link-type %s (%s), snapshot length "
	    "%d bytes\n", op.iface, pcap_datalink_val_to_name(c.lt) ?
	    pcap_datalink_val_to_name(c.lt) : "?",
	    pcap_datalink_val_to_description(c.lt) ?
	    pcap_datalink_val_to_description(c.lt) : "?", op.snaplen);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	st_cli_sandbox();	/* from here: no new files or sockets */
	if (loop(&c) != 0)
		goto out;
	st_out_flush(&c.out);
	statistics(&c);
	rc = ST_EXIT_OK;
out:
	/* The dumper is the writer's stream: st_capw_end closes it. */
	if (op.pcapng && c.wfp != NULL)
		st_ng_close(&c.ng);
	if (c.w != NULL && st_capw_end(c.w) != 0 && rc == ST_EXIT_OK) {
		st_cli_err("capture: %s: %s", op.wfile, strerror(errno));
		rc = ST_EXIT_RUNTIME;
	}
	if (c.wfd >= 0)
		close(c.wfd);
	st_reader_close(&c.r);
	st_vctx_free(&c.v);
	return rc;
}
