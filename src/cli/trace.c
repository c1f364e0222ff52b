/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata trace: route discovery by TTL, in traceroute's form:
 *
 *   traceroute to 198.18.2.2 (198.18.2.2), 30 hops max, 60 byte packets
 *    1  198.18.1.1  0.123 ms  0.101 ms  0.099 ms
 *    2  198.18.2.2  0.201 ms  0.187 ms  0.180 ms
 *
 * Probes are crafted packets (UDP to port 33434 upwards, ICMP echo, or TCP
 * SYN) with a rising TTL; each router that drops one says so with an ICMP
 * time exceeded quoting it, which --layers shows decoded: the teaching
 * point of traceroute.  strata never resolves names (-n is the default).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <pcap/dlt.h>

#include "strata/craft.h"
#include "strata/decode.h"
#include "strata/reader.h"
#include "strata/net.h"
#include "strata/ping.h"
#include "strata/view.h"
#include "cli.h"

#define TRACE_EXIT_ERROR	2
#define TRACE_PORT		33434

enum probe { P_UDP, P_ICMP, P_TCP };

struct topts {
	int			 fam;
	int			 first, maxttl;
	int			 port;		/* -p; 0: the probe's default */
	int			 pmtu;		/* --pmtu */
	int			 queries;
	double			 wait;
	enum probe		 probe;
	struct st_viewset	 layers;
	const char		*host;
};

static void
trace_usage(FILE *fp)
{
	fputs("usage: strata trace [-4|-6] [-n] [-f first_ttl] [-m max_ttl] "
	    "[-q queries]\n"
	    "                    [-w wait] [-p port] [-P icmp|udp|tcp | -I | "
	    "-T | -U]\n"
	    "                    [--layers VIEW] HOST\n"
	    "\n"
	    "  -f first_ttl  the TTL to start with (default 1)\n"
	    "  -m max_ttl    the most hops to try (default 30)\n"
	    "  -q queries    probes per hop (default 3)\n"
	    "  -w wait       seconds to wait for each probe's answer "
	    "(default 5)\n"
	    "  -P proto      probe with UDP to port 33434 and up (default), "
	    "ICMP echo,\n"
	    "                or TCP SYN to port 80; -U, -I, -T as traceroute "
	    "spells them.\n"
	    "                Without raw sockets (not root): UDP from an "
	    "ordinary socket,\n"
	    "                the answers from its error queue, as traceroute's "
	    "default\n"
	    "  -p port       UDP: the first destination port (one more each "
	    "probe);\n"
	    "                TCP: the port (default 80); ICMP: the first "
	    "sequence number\n"
	    "  --pmtu        the path MTU hop by hop, as tracepath finds it: "
	    "probes as\n"
	    "                big as the path MTU known, DF set; \"pmtu N\" "
	    "where a router\n"
	    "                said fragmentation needed, and the probes shrink\n"
	    "  -n            accepted: strata never resolves names\n"
	    "  --layers VIEW show each answer decoded, with the probe it "
	    "quotes\n", fp);
}

static int
parse_opts(struct topts *op, int argc, char **argv)
{
	enum { O_LAYERS = 256, O_PMTU };
	static const struct option lo[] = {
		{ "layers", required_argument, NULL, O_LAYERS },
		{ "pmtu", no_argument, NULL, O_PMTU },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	long v, max;
	int ch;

	memset(op, 0, sizeof(*op));
	op->first = 1;
	op->maxttl = 30;
	op->queries = 3;
	op->wait = 5;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "46nf:m:q:w:p:P:ITUh", lo, NULL)) != -1) {
		switch (ch) {
		case '4':
		case '6':
			op->fam = ch - '0';
			break;
		case 'n':
			break;
		case 'f':
		case 'm':
		case 'q':
		case 'p':
			v = strtol(optarg, &end, 10);
			max = ch == 'q' ? 10 : ch == 'p' ? 65535 : 255;
			if (*end != '\0' || v < 1 || v > max) {
				st_cli_err("trace: -%c: '%s' is not 1..%ld", ch,
				    optarg, max);
				return -1;
			}
			if (ch == 'f')
				op->first = (int)v;
			else if (ch == 'm')
				op->maxttl = (int)v;
			else if (ch == 'p')
				op->port = (int)v;
			else
				op->queries = (int)v;
			break;
		case 'U':
			op->probe = P_UDP;
			break;
		case 'I':
			op->probe = P_ICMP;
			break;
		case 'T':
			op->probe = P_TCP;
			break;
		case 'w':
			op->wait = strtod(optarg, &end);
			if (*end != '\0' || !(op->wait > 0) || op->wait > 3600) {
				st_cli_err("trace: -w: '%s' is not a number of "
				    "seconds", optarg);
				return -1;
			}
			break;
		case 'P':
			if (strcmp(optarg, "udp") == 0)
				op->probe = P_UDP;
			else if (strcmp(optarg, "icmp") == 0)
				op->probe = P_ICMP;
			else if (strcmp(optarg, "tcp") == 0)
				op->probe = P_TCP;
			else {
				st_cli_err("trace: -P: icmp, udp or tcp");
				return -1;
			}
			break;
		case O_PMTU:
			op->pmtu = 1;
			break;
		case O_LAYERS:
			if (st_cli_views(&op->layers, optarg) != 0 ||
			    st_cli_views_live(&op->layers, "trace") != 0)
				return -1;
			break;
		case 'h':
			trace_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("strata: try 'strata trace --help'\n", stderr);
			return -1;
		}
	}
	if (optind != argc - 1) {
		st_cli_err("trace: %s", optind >= argc ? "no HOST given" :
		    "one HOST at a time");
		return -1;
	}
	op->host = argv[optind];
	if (op->first > op->maxttl) {
		st_cli_err("trace: first hop out of range");
		return -1;
	}
	return 0;
}

struct trace {
	struct topts		*op;
	struct st_raw		 raw;
	int			 fam;
	uint8_t			 dst[16], src[16];
	char			 dsttext[64], srctext[64];
	uint16_t		 id, sport;
	uint8_t			 buf[ST_PKT_MAX];
	size_t			 len;
	struct st_packet	 sent;
	struct st_packet	 got;
	struct st_rx		 rx;
	struct st_out		 out;
	struct st_vctx		 v;
	unsigned		 nprobe;
	int			 udp;		/* no raw sockets: the UDP socket
						   ufd and its error queue */
	int			 ufd;
	int			 mtufd;		/* st_route_open() */
	int			 mtu;		/* --pmtu: the probes' size now */
	int			 mtu_said;	/* the last size shown */
};

/* The UDP probe's destination port: -p (or 33434), one more each probe. */
static uint16_t
probe_dport(const struct trace *t)
{
	return (uint16_t)((t->op->port > 0 ? (unsigned)t->op->port :
	    TRACE_PORT) + t->nprobe);
}

/* --pmtu: the probe's data fills it to the path MTU known now. */
static void
pad_probe(const struct trace *t, struct st_spec *sp)
{
	size_t hdr = (t->fam == 4 ? 20 : 40) + (t->op->probe == P_TCP ? 40 :
	    8), i;

	if ((size_t)t->mtu <= hdr || (size_t)t->mtu - hdr >
	    sizeof(sp->payload))
		return;
	sp->paylen = (size_t)t->mtu - hdr;
	for (i = 0; i < sp->paylen; i++)
		sp->payload[i] = (uint8_t)(0x40 + i % 32);
}

/* Builds probe number n (from 0) with the given TTL into t->buf. */
static int
build_probe(struct trace *t, int ttl)
{
	static struct st_spec sp;
	struct st_spec_err err;
	struct st_record rec;
	char text[512], l4[128];
	int lt, bad;

	switch (t->op->probe) {
	case P_UDP:
		snprintf(l4, sizeof(l4), "udp(sport=%u,dport=%u)/"
		    "\"@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_\"", t->sport,
		    (unsigned)probe_dport(t));
		break;
	case P_ICMP:
		snprintf(l4, sizeof(l4), "%s(type=echo-request,id=%u,seq=%u)/"
		    "\"@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_\"", t->fam == 4 ?
		    "icmp" : "icmpv6", t->id, (t->nprobe + (unsigned)(t->op->port >
		    0 ? t->op->port : 1)) & 0xffff);
		break;
	default:
		/* The options of a Linux SYN, as traceroute -T sends. */
		snprintf(l4, sizeof(l4), "tcp(sport=%u,dport=%d,flags=S,"
		    "seq=%u,mss=1460,sackok,ts=%u:0,nop,wscale=7)",
		    (unsigned)(t->sport + t->nprobe % 1000), t->op->port > 0 ?
		    t->op->port : 80, t->nprobe + 1, t->nprobe + 1);
		break;
	}
	snprintf(text, sizeof(text), "%s(src=%s,dst=%s,%s=%d%s)/%s", t->fam ==
	    4 ? "ip" : "ipv6", t->srctext, t->dsttext, t->fam == 4 ? "ttl" :
	    "hlim", ttl, t->mtu > 0 && t->fam == 4 ? ",df=1" : "", l4);
	if ((bad = st_spec_parse(text, &sp, &err)) == 0 && t->mtu > 0)
		pad_probe(t, &sp);
	if (bad != 0 ||
	    st_build(&sp, t->buf, sizeof(t->buf), &t->len, &lt, &err) != 0) {
		st_cli_err("trace: %s", err.msg);
		return -1;
	}
	st_record_bytes(&rec, t->buf, t->len, DLT_RAW, NULL);
	st_decode_frame(&t->sent, &rec, 0);
	return 0;
}

/* traceroute's mark for an unreachable from a host on the way. */
static const char *
mark(const struct st_packet *got, int fam, int at_dst)
{
	unsigned type, code;

	if (st_pkt_icmp(got, &type, &code) < 0 || type != (fam == 4 ? 3u : 1u))
		return "";
	if (fam == 4)
		switch (code) {
		case 0: return " !N";
		case 1: return " !H";
		case 2: return " !P";
		case 3: return at_dst ? "" : " !";
		case 4: return " !F";
		case 5: return " !S";
		case 9: case 10: case 13: return " !X";
		default: return " !?";
		}
	switch (code) {
	case 0: return " !N";
	case 1: return " !X";
	case 3: return " !H";
	case 4: return at_dst ? "" : " !";
	default: return " !?";
	}
}

/*
 * Sends one probe and waits for its answer.  Returns 1 with t->got set,
 * 0 on silence, -1 on error.
 */
static int
probe(struct trace *t, int ttl, double *ms)
{
	struct timespec t0, deadline;
	struct st_udperr ue;
	struct st_record rec;
	const char *how;
	uint16_t dport;
	size_t hl;
	int rc;

	if (build_probe(t, ttl) != 0)
		return -1;
	dport = probe_dport(t);
	t->nprobe++;
	clock_gettime(CLOCK_REALTIME, &t0);
	if (t->udp) {
		hl = t->fam == 4 ? (size_t)(t->buf[0] & 15) * 4 : 40;
		how = "a UDP socket";
		rc = st_udptrace_send(t->ufd, t->fam, t->dst, dport, ttl,
		    t->buf + hl + 8, t->len - hl - 8);
	} else
		rc = st_raw_send(&t->raw, t->buf, t->len, DLT_RAW, 0, &how);
	if (rc != 0) {
		st_cli_err("trace: sending via %s: %s", how, strerror(errno));
		return -1;
	}
	deadline = t0;
	deadline.tv_sec += (time_t)t->op->wait;
	deadline.tv_nsec += (long)((t->op->wait - floor(t->op->wait)) * 1e9);
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	while ((rc = t->udp ? st_udptrace_recv(t->ufd, t->fam, t->src, t->buf,
	    t->len, &ue, &t->rx, &deadline) : st_raw_recv(t->raw.pkt, DLT_RAW,
	    &t->rx, &deadline)) == 1) {
		/* The error queue says which probe by its port. */
		if (t->udp && (ue.local || ue.dport != dport))
			continue;
		if (t->rx.outgoing || (t->rx.len == t->len &&
		    memcmp(t->rx.buf, t->buf, t->len) == 0))
			continue;
		st_record_bytes(&rec, t->rx.buf, t->rx.len, DLT_RAW,
		    &t->rx.ts);
		st_decode_frame(&t->got, &rec, 0);
		if (!t->udp && !st_match_reply(&t->sent, &t->got))
			continue;
		*ms = (double)(t->rx.ts.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t->rx.ts.tv_nsec - t0.tv_nsec) / 1e6;
		return 1;
	}
	return rc < 0 ? -1 : 0;
}

/*
 * --pmtu: whether the answer is a router's "fragmentation needed" (IPv6:
 * "packet too big") with an MTU below the probes' size: the size drops to
 * it, as tracepath's does.
 */
static int
smaller_mtu(struct trace *t)
{
	struct st_echo_error e;

	if (t->mtu <= 0 || st_echo_error_info(&t->got, &e) != 0 ||
	    !e.has_mtu || e.mtu < (t->fam == 4 ? 68u : 1280u) ||
	    e.mtu >= (uint64_t)t->mtu)
		return 0;
	t->mtu = (int)e.mtu;
	return 1;
}

/* One hop: its probes, on one line; returns 1 when the route ends here. */
static int
hop(struct trace *t, int ttl)
{
	static struct st_packet answers[10], probes[10];
	static uint8_t bufs[10][2048], pbufs[10][2048];
	char from[64], last[64] = "";
	int q, rc, ended = 0, shown = 0;
	const char *m;
	double ms;

	printf("%2d ", ttl);
	for (q = 0; q < t->op->queries; q++) {
		fflush(stdout);
		if ((rc = probe(t, ttl, &ms)) < 0)
			return -1;
		if (rc == 0) {
			printf(" *");
			continue;
		}
		if (smaller_mtu(t)) {
			q--;		/* the same probe again, smaller */
			continue;
		}
		st_cli_src_text(&t->got, from, sizeof(from));
		if (strcmp(from, last) != 0) {
			printf(" %s", from);
			strcpy(last, from);
		}
		m = mark(&t->got, t->fam, strcmp(from, t->dsttext) == 0);
		printf("  %.3f ms%s", ms, m);
		if (t->mtu > 0 && t->mtu != t->mtu_said) {
			printf(" pmtu %d", t->mtu);	/* tracepath's words */
			t->mtu_said = t->mtu;
		}
		if (strcmp(from, t->dsttext) == 0 || m[0] != '\0')
			ended = 1;
		if (t->op->layers.n > 0 && t->rx.len <= sizeof(bufs[0]) &&
		    t->len <= sizeof(pbufs[0])) {
			memcpy(bufs[shown], t->rx.buf, t->rx.len);
			answers[shown] = t->got;
			answers[shown].data = bufs[shown];
			memcpy(pbufs[shown], t->buf, t->len);
			probes[shown] = t->sent;
			probes[shown].data = pbufs[shown];
			answers[shown].num = (uint64_t)t->nprobe;
			shown++;
		}
	}
	printf("\n");
	for (q = 0; q < shown; q++) {
		st_cli_show(&t->op->layers, &t->out, &answers[q], &t->v);
		if (st_pkt_layer(&answers[q], t->fam == 4 ? "ipv4" : "ipv6",
		    1) == NULL)
			continue;
		printf("the probe it quotes, against the probe sent:\n");
		st_quote_diff(&t->out, &probes[q], &answers[q]);
		st_out_putc(&t->out, '\n');
		st_out_flush(&t->out);
	}
	fflush(stdout);
	return ended;
}

/*
 * No raw socket: traceroute's own default needs none (UDP probes, the
 * answers from the socket's error queue); ICMP and TCP probes do.
 */
static int
open_udp(struct trace *t, const char *what)
{
	int e = errno;

	if ((e != EPERM && e != EACCES) || t->op->probe != P_UDP) {
		st_cli_err("trace: %s: %s%s%s", what, strerror(e),
		    e == EPERM || e == EACCES ? ": " : "", e == EPERM ||
		    e == EACCES ? st_priv_hint() : "");
		if (e == EPERM || e == EACCES) {
			fprintf(stderr, "(UDP probes, the default, need no "
			    "privilege)\n");
			st_cli_doctor();
		}
		return -1;
	}
	/* The family is not known yet: the socket is opened for both. */
	t->udp = 1;
	fprintf(stderr, "strata: trace: no raw socket (needs root or "
	    "CAP_NET_RAW): UDP probes from an ordinary socket, the answers "
	    "read from its error queue (IP_RECVERR), as traceroute's default "
	    "method; --layers shows them rebuilt from what the kernel "
	    "told\n");
	return 0;
}

int
st_cmd_trace(int argc, char **argv)
{
	static struct trace t;
	static struct topts op;
	const char *what = "";
	int ttl, rc, plen;

	if (parse_opts(&op, argc, argv) != 0)
		return TRACE_EXIT_ERROR;
	t.op = &op;
	t.ufd = t.mtufd = -1;
	if (st_raw_open(&t.raw, NULL, &what) != 0 && open_udp(&t, what) != 0)
		return TRACE_EXIT_ERROR;
	if (st_priv_drop(&what) != 0) {
		st_cli_err("trace: dropping privileges: %s: %s", what,
		    strerror(errno));
		return TRACE_EXIT_ERROR;
	}
	rc = TRACE_EXIT_ERROR;
	if (st_resolve(op.host, op.fam, &t.fam, t.dst, t.dsttext,
	    sizeof(t.dsttext), &what) != 0) {
		st_cli_err("trace: %s: %s", op.host, what);
		goto out;
	}
	if (st_route_src(t.fam, t.dst, t.src) != 0) {
		st_cli_err("trace: %s: Network is unreachable", t.dsttext);
		goto out;
	}
	inet_ntop(t.fam == 4 ? AF_INET : AF_INET6, t.src, t.srctext,
	    sizeof(t.srctext));
	if (getrandom(&t.id, sizeof(t.id), 0) != sizeof(t.id))
		t.id = (uint16_t)getpid();
	t.sport = (uint16_t)(32768 + t.id % 16384);
	/* --pmtu starts from the path MTU the kernel knows. */
	if (op.pmtu && ((t.mtufd = st_route_open(t.fam, t.dst)) < 0 ||
	    (t.mtu = st_route_mtu(t.mtufd, t.fam)) <= 0)) {
		st_cli_err("trace: --pmtu: the kernel knows no MTU for %s",
		    t.dsttext);
		goto out;
	}
	if (t.udp && (t.ufd = st_udptrace_open(t.fam, op.pmtu, &t.sport)) <
	    0) {
		st_cli_err("trace: socket(SOCK_DGRAM): %s", strerror(errno));
		goto out;
	}
	t.v.color = st_cli_want_color(-1);
	st_out_init(&t.out, stdout);
	plen = t.mtu > 0 ? t.mtu : (t.fam == 4 ? 20 : 40) + (op.probe ==
	    P_TCP ? 40 : 8 + 32);
	st_cli_sandbox();	/* from here: no new files or sockets */
	printf("traceroute to %s (%s), %d hops max, %d byte packets\n",
	    op.host, t.dsttext, op.maxttl, plen);
	for (ttl = op.first; ttl <= op.maxttl; ttl++) {
		if ((rc = hop(&t, ttl)) < 0) {
			rc = ST_EXIT_RUNTIME;
			goto out;
		}
		if (rc == 1)
			break;
	}
	if (t.mtu > 0)		/* tracepath's last line */
		printf("     Resume: pmtu %d hops %d\n", t.mtu, ttl >
		    op.maxttl ? op.maxttl : ttl);
	rc = ST_EXIT_OK;
out:
	if (t.ufd >= 0)
		close(t.ufd);
	if (t.mtufd >= 0)
		close(t.mtufd);
	st_raw_close(&t.raw);
	st_vctx_free(&t.v);
	return rc;
}
