/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata demo NAME: the socket API run on loopback while capturing, each
 * call printed with its arguments and result, beside the packets it
 * caused, with a line saying what happened.  TCP states come from the
 * kernel (sock_diag, as ss reads them), not from guesses.
 *
 *   tcp       socket, bind, listen, connect, accept, send, recv, close
 *   udp       sendto and recvfrom: no handshake, one datagram each way
 *   ping      a crafted echo request and its reply, layer by layer
 *   mss       a message larger than the MSS becomes several segments
 *   fragment  a datagram larger than the MTU becomes IPv4 fragments
 *             (in a network namespace of its own, with a small MTU)
 *   buffers   a receiver that stops reading: the window closes
 *   multiplex one thread serving three clients with epoll (poll, select)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/capture.h"
#include "strata/craft.h"
#include "strata/decode.h"
#include "strata/demo.h"
#include "strata/net.h"
#include "strata/reader.h"
#include "strata/reasm.h"
#include "strata/view.h"
#include "cli.h"
#include "democli.h"




static void
demo_usage(FILE *fp)
{
	fputs("usage: strata demo [--step] [--view LIST] [--color WHEN] "
	    "[--size N]\n"
	    "                   [--with epoll|poll|select]\n"
	    "                   tcp|udp|ping|mss|fragment|buffers|multiplex\n"
	    "\n"
	    "  tcp        the socket API of a TCP connection, call by call\n"
	    "  udp        datagrams: no connection, no handshake\n"
	    "  ping       a crafted echo request and its reply (root)\n"
	    "  mss        a message larger than the MSS becomes segments\n"
	    "  fragment   a datagram larger than the MTU becomes fragments "
	    "(root)\n"
	    "  buffers    a receiver that stops reading: the window closes, "
	    "send() blocks\n"
	    "  multiplex  one thread, three clients, readiness (--with "
	    "epoll|poll|select)\n"
	    "  --size N   tcp: send N bytes (several segments when over the "
	    "MSS)\n"
	    "  --step     wait for Enter between steps\n"
	    "  --view     views of each packet (default: diagram for the "
	    "first of each\n"
	    "             kind, summary after)\n"
	    "  --color WHEN  auto, always or never (auto: on a terminal unless "
	    "NO_COLOR\n"
	    "             is set)\n"
	    "Packets are captured on lo: that needs root or CAP_NET_RAW; "
	    "without it the\ncalls still run.\n", fp);
}

static void
wait_step(struct demo *d)
{
	char line[64];

	if (!d->step)
		return;
	fputs("   (Enter for the next step)", stdout);
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		d->step = 0;
}

/* "── who: call = result", then the packets it caused. */
void
demo_call(struct demo *d, const char *who, const char *fmt, ...)
{
	va_list ap;

	wait_step(d);
	printf("\xe2\x94\x80\xe2\x94\x80 %s: ", who);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	d->ndata = d->nacks = d->npsh = 0;
	demo_drain(d);
}

void
demo_say(const char *fmt, ...)
{
	va_list ap;

	fputs("   \xe2\x86\xb3 ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* A kind of packet: its chain and TCP flags, for "diagram once". */
static void
kind_of(const struct st_packet *p, char *k, size_t n)
{
	const struct st_field *f = st_pkt_field(p, NULL, "tcp.flags");
	size_t used = 0;
	unsigned i;

	k[0] = '\0';
	for (i = 0; i < p->nlayers && used + 10 < n; i++)
		used += (size_t)snprintf(k + used, n - used, "%s/",
		    p->layers[i].proto->name);
	if (f != NULL)
		snprintf(k + used, n - used, "%llx", (unsigned long long)f->val);
}

/* Counts what the current call caused: data segments and bare ACKs. */
static void
count_segment(struct demo *d, const struct st_packet *p)
{
	const struct st_field *len = st_pkt_field(p, NULL, "tcp.len");
	const struct st_field *fl = st_pkt_field(p, NULL, "tcp.flags");

	if (len == NULL || fl == NULL)
		return;
	if (len->val > 0) {
		if (d->ndata < sizeof(d->seglen) / sizeof(d->seglen[0]))
			d->seglen[d->ndata] = (unsigned long)len->val;
		d->ndata++;
		d->npsh += (fl->val & 0x008) != 0;
	} else if (fl->val == 0x010)
		d->nacks++;
}

void
demo_say_segments(struct demo *d, size_t bytes)
{
	char lens[128];
	size_t used = 0;
	unsigned i, shown = d->ndata < 8 ? d->ndata : 8;

	if (d->ndata == 1 && d->nacks == 1) {
		demo_say("one data segment (%s) and its acknowledgment",
		    d->npsh ? "PSH: hand it to the application now" : "no PSH");
		return;
	}
	lens[0] = '\0';
	for (i = 0; i < shown && used + 24 < sizeof(lens); i++)
		used += (size_t)snprintf(lens + used, sizeof(lens) - used,
		    "%s%lu", i ? " + " : "", d->seglen[i]);
	demo_say("%zu bytes left as %u data segment%s (%s%s bytes; %s) and %u "
	    "ACK%s", bytes, d->ndata, d->ndata == 1 ? "" : "s", lens,
	    d->ndata > shown ? " + ..." : "", d->npsh ? "the last with PSH" :
	    "none with PSH", d->nacks, d->nacks == 1 ? "" : "s");
}

/* The sequence arithmetic of a data segment, relative to the ISN. */
static void
seq_line(struct demo *d, const struct st_packet *p)
{
	const struct st_field *seq = st_pkt_field(p, NULL, "tcp.seq_raw");
	const struct st_field *len = st_pkt_field(p, NULL, "tcp.len");
	const struct st_field *sp = st_pkt_field(p, NULL, "tcp.srcport");
	const struct st_field *fl = st_pkt_field(p, NULL, "tcp.flags");
	int dir;
	uint32_t rel;

	if (seq == NULL || len == NULL || sp == NULL || fl == NULL)
		return;
	dir = sp->val == d->cport ? 0 : 1;
	if (fl->val & 0x002) {		/* SYN: the ISN of this direction */
		d->isn[dir] = (uint32_t)seq->val;
		return;
	}
	if (len->val == 0 || !d->mss_view)
		return;
	rel = (uint32_t)seq->val - d->isn[dir];
	demo_say("%s carries message bytes %u-%llu: seq %u:%llu (relative to the "
	    "ISN %u), %llu bytes", dir == 0 ? "client" : "server", rel - 1,
	    (unsigned long long)(rel - 1 + len->val - 1), rel,
	    (unsigned long long)(rel + len->val), d->isn[dir],
	    (unsigned long long)len->val);
}

static void
on_packet(struct demo *d, const struct st_record *got)
{
	struct st_record rec = *got;
	char k[48];
	size_t i;
	int seen = 0;

	rec.num = ++d->n;	/* counted over the demo's captures */
	rec.reasm = d->ra;	/* the frame completing a datagram says so */
	if (!d->v.have_t0) {
		d->v.t0 = rec.ts;
		d->v.have_t0 = 1;
	}
	st_decode_frame(&d->pkt, &rec, 0);
	if (d->c.views_given) {
		for (i = 0; i < d->c.vs.n; i++)
			d->c.vs.views[i]->packet(&d->out, &d->pkt, &d->v);
	} else {
		kind_of(&d->pkt, k, sizeof(k));
		for (i = 0; i < d->nkinds; i++)
			if (strcmp(d->kinds[i], k) == 0)
				seen = 1;
		if (!seen && d->nkinds < KINDS)
			strcpy(d->kinds[d->nkinds++], k);
		st_out_puts(&d->out, "   ");
		st_view_summary.packet(&d->out, &d->pkt, &d->v);
		if (!seen)
			st_view_diagram.packet(&d->out, &d->pkt, &d->v);
	}
	st_out_flush(&d->out);
	count_segment(d, &d->pkt);
	seq_line(d, &d->pkt);
}

/* Shows the packets waiting in the capture; how many. */
static int
read_ready(struct demo *d)
{
	int n = 0;

	while (st_reader_next(&d->r) == 1) {
		on_packet(d, &d->r.rec);
		n++;
	}
	return n;
}

/* Shows the packets that arrive until the wire is quiet. */
void
demo_drain(struct demo *d)
{
	struct pollfd pfd;
	int rc, quiet = 0;

	if (d->cap == NULL)
		return;
	pfd.fd = pcap_get_selectable_fd(d->cap);
	pfd.events = POLLIN;
	while (quiet < QUIET_MS) {
		rc = poll(&pfd, 1, 20);
		if (rc > 0 && read_ready(d) > 0)
			quiet = 0;
		else
			quiet += 20;
	}
}

void
demo_states(uint16_t cport, uint16_t sport)
{
	demo_say("TCP states (from the kernel): client %s, server %s",
	    st_demo_tcp_state(cport, sport), st_demo_tcp_state(sport, cport));
}

int
demo_until_state(struct demo *d, uint16_t lport, uint16_t rport,
    const char *want, int ms)
{
	int waited;

	for (waited = 0; waited < ms; waited += 20) {
		/* The packets that moved the state are shown before it: they
		 * may still wait in the capture when the state has moved. */
		if (strcmp(st_demo_tcp_state(lport, rport), want) == 0) {
			demo_drain(d);
			return 0;
		}
		demo_watch(d, 20);
	}
	demo_drain(d);
	return strcmp(st_demo_tcp_state(lport, rport), want) == 0 ? 0 : -1;
}

/* A listening server on 127.0.0.1 at a free port. */
int
demo_server(struct demo *d, int type, uint16_t *port)
{
	struct sockaddr_in a;
	int s;

	s = socket(AF_INET, type, 0);
	demo_call(d, "server", "socket(AF_INET, %s, 0) = %d", type == SOCK_STREAM ?
	    "SOCK_STREAM" : "SOCK_DGRAM", s);
	demo_say("a socket is kernel state only: nothing on the wire");
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) != 0)
		return -1;
	*port = st_demo_port_of(s);
	demo_call(d, "server", "bind(%d, 127.0.0.1:%u) = 0", s, *port);
	demo_say("the kernel chose port %u (port 0 asks for a free one)", *port);
	return s;
}

int
demo_open_capture(struct demo *d, const char *filter)
{
	char why[PCAP_ERRBUF_SIZE + 64];
	int perm;

	if ((d->cap = st_cap_open("lo", 262144, 1, why, sizeof(why),
	    &perm)) == NULL) {
		printf("(packets need sudo: capturing on lo needs root or "
		    "CAP_NET_RAW; the socket calls still run; 'strata "
		    "doctor' shows the fixes)\n\n");
		return 0;
	}
	st_reader_live(&d->r, d->cap, "lo");
	if (st_reader_filter(&d->r, filter, why, sizeof(why)) != 0) {
		st_cli_err("demo: filter: %s", why);
		return -1;
	}
	printf("(capturing on lo: %s)\n\n", filter);
	return 0;
}

/* Opens a capture for the demo's own port (known only after bind). */
int
demo_capture_port(struct demo *d, const char *proto, uint16_t port)
{
	char filter[64];

	snprintf(filter, sizeof(filter), "%s port %u", proto, port);
	return demo_open_capture(d, filter);
}

/* Moves the demo into a network namespace of its own, lo set up. */
int
demo_netns(int mtu)
{
	int unshared;

	if (st_demo_netns(mtu, &unshared) != 0) {
		if (!unshared)
			printf("(this demo makes a network namespace of its "
			    "own, so as not to touch the host's lo: that needs "
			    "sudo)\n");
		else
			st_cli_err("demo: setting up lo in the namespace: %s",
			    strerror(errno));
		return -1;
	}
	printf("(in a new network namespace: lo up, MTU %d, no segmentation "
	    "offload; the host is not touched)\n", mtu);
	return 0;
}

/* Shows packets for ms milliseconds, however quiet (for timers). */
void
demo_watch(struct demo *d, int ms)
{
	struct pollfd pfd;
	int waited = 0;

	if (d->cap == NULL) {
		usleep((useconds_t)ms * 1000);
		return;
	}
	pfd.fd = pcap_get_selectable_fd(d->cap);
	pfd.events = POLLIN;
	while (waited < ms) {
		if (poll(&pfd, 1, 20) > 0)
			read_ready(d);
		waited += 20;
	}
}

/* A connected pair on loopback: *srv accepted from listener l. */
int
demo_connect_pair(struct demo *d, int l, uint16_t port, int *cli, int *srv)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(port);
	*cli = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(*cli, (struct sockaddr *)&a, sizeof(a)) != 0)
		return -1;
	d->cport = st_demo_port_of(*cli);
	demo_call(d, "client", "socket() = %d; connect(%d, 127.0.0.1:%u) = 0", *cli,
	    *cli, port);
	*srv = accept(l, NULL, NULL);
	demo_call(d, "server", "accept(%d) = %d", l, *srv);
	return *srv < 0 ? -1 : 0;
}

int
st_cmd_demo(int argc, char **argv)
{
	enum { O_STEP = 256, O_SIZE, O_WITH };
	static const struct option lo[] = {
		{ "step", no_argument, NULL, O_STEP },
		ST_CLI_LONGOPTS,
		{ "size", required_argument, NULL, O_SIZE },
		{ "with", required_argument, NULL, O_WITH },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static struct demo d;
	const char *name, *api = "epoll";
	long size = 0;
	int ch, rc;

	st_cli_opts_init(&d.c, &st_view_summary);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		if ((rc = st_cli_opt(&d.c, ST_CLI_VIEW | ST_CLI_COLOR, "demo", ch,
		    optarg)) !=
		    0) {
			if (rc < 0)
				return ST_EXIT_USAGE;
			continue;
		}
		switch (ch) {
		case O_STEP:
			d.step = 1;
			break;
		case O_SIZE:
			size = strtol(optarg, NULL, 10);
			if (size < 1 || size > 60000) {
				st_cli_err("demo: --size: 1..60000");
				return ST_EXIT_USAGE;
			}
			break;
		case O_WITH:
			if (strcmp(optarg, "epoll") != 0 && strcmp(optarg,
			    "poll") != 0 && strcmp(optarg, "select") != 0) {
				st_cli_err("demo: --with: epoll, poll or select");
				return ST_EXIT_USAGE;
			}
			api = optarg;
			break;
		case 'h':
			demo_usage(stdout);
			return ST_EXIT_OK;
		default:
			demo_usage(stderr);
			return ST_EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		demo_usage(stderr);
		return ST_EXIT_USAGE;
	}
	name = argv[optind];
	if ((d.ra = st_defrag_new(0)) == NULL) {
		st_cli_err("demo: out of memory");
		return ST_EXIT_RUNTIME;
	}
	d.v.color = st_cli_want_color(d.c.color);
	st_out_init(&d.out, stdout);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(name, "tcp") == 0)
		rc = demo_tcp(&d, (size_t)size);
	else if (strcmp(name, "mss") == 0) {
		d.mss_view = 1;
		rc = demo_tcp(&d, size > 0 ? (size_t)size : 2000);
	} else if (strcmp(name, "udp") == 0)
		rc = demo_udp(&d);
	else if (strcmp(name, "ping") == 0)
		rc = demo_ping(&d);
	else if (strcmp(name, "fragment") == 0)
		rc = demo_fragment(&d);
	else if (strcmp(name, "buffers") == 0)
		rc = demo_buffers(&d);
	else if (strcmp(name, "multiplex") == 0)
		rc = demo_multiplex(&d, api);
	else {
		st_cli_err("demo: unknown demo '%s' (tcp, udp, ping, mss, "
		    "fragment, buffers, multiplex)", name);
		return ST_EXIT_USAGE;
	}
	if (d.cap != NULL)
		st_reader_close(&d.r);
	st_defrag_free(d.ra);
	st_vctx_free(&d.v);
	return rc == 0 ? ST_EXIT_OK : ST_EXIT_RUNTIME;
}
