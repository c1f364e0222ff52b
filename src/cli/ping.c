/*
 * strata ping: crafted ICMP echo requests that speak as iputils ping does,
 * so habits and scripts carry over; every header field is settable, and
 * --layers shows how each reply came back through the layers.
 *
 * Exit: 0 when any reply came, 1 when none did, 2 on other errors.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <ifaddrs.h>
#include <math.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <pcap/dlt.h>

#include "strata/craft.h"
#include "strata/protos.h"
#include "strata/decode.h"
#include "strata/reader.h"
#include "strata/net.h"
#include "strata/ping.h"
#include "strata/predict.h"
#include "strata/view.h"
#include "cli.h"

#define PING_EXIT_NOREPLY	1
#define PING_EXIT_ERROR		2

struct popts {
	int			 fam;		/* 0: as HOST is, 4 or 6 */
	unsigned long		 count;		/* 0: until stopped */
	double			 interval;
	double			 deadline;	/* -w: 0 for none */
	double			 linger;	/* -W */
	long			 size;
	int			 ttl, tos, pmtu;	/* -1: not given */
	uint8_t			 pattern[16];
	size_t			 patlen;
	const char		*source;
	int			 flood, quiet, stamps, explain;
	struct st_viewset	 layers;
	const char		*spec;
	const char		*host;
};

static volatile sig_atomic_t stop, status_asked;

static void
on_signal(int sig)
{
	if (sig == SIGQUIT)
		status_asked = 1;
	else
		stop = 1;
}

static void
ping_usage(FILE *fp)
{
	fputs("usage: strata ping [-4|-6] [-c count] [-i interval] [-w deadline]"
	    " [-W timeout]\n"
	    "                   [-s size] [-t ttl] [-Q tos] [-M do|dont] "
	    "[-p pattern]\n"
	    "                   [-I source] [-f] [-q] [-D] [--layers VIEW] "
	    "[--explain]\n"
	    "                   [--spec SPEC] HOST\n"
	    "\n"
	    "  -c count      stop after count replies' worth of requests\n"
	    "  -i interval   seconds between requests (below 0.2 only as "
	    "root)\n"
	    "  -w deadline   stop after this many seconds\n"
	    "  -W timeout    after the last request, wait this long for "
	    "replies (default 10)\n"
	    "  -s size       data bytes (default 56)\n"
	    "  -t ttl        IP time to live / IPv6 hop limit\n"
	    "  -Q tos        IP type of service / IPv6 traffic class\n"
	    "  -M do|dont    set or clear the don't-fragment bit\n"
	    "  -p pattern    up to 16 hex bytes to fill the data with\n"
	    "  -I source     source address, or an interface to leave by\n"
	    "  -f            flood: as fast as replies come (root only)\n"
	    "  -q            only the summary\n"
	    "  -D            print a timestamp before each line\n"
	    "  --layers VIEW show each reply decoded (tree, hex, summary, json)\n"
	    "  --explain     say what should come back, compare each error's "
	    "quote with\n"
	    "                the request, and explain the statistics\n"
	    "  --spec SPEC   the request as a strata spec, for any other field:\n"
	    "                'ip(dst=127.0.0.1,id=7,options=rr)/icmp(type="
	    "echo-request)'\n", fp);
}

static int
num(const char *opt, const char *arg, double min, double max, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(arg, &end);
	if (errno != 0 || *end != '\0' || end == arg || !(*v >= min) ||
	    *v > max) {
		st_cli_err("ping: invalid argument to %s: '%s'", opt, arg);
		return -1;
	}
	return 0;
}

/* The first address of family fam (4 or 6) on interface name. */
static int
iface_addr(const char *name, int fam, uint8_t *addr)
{
	struct ifaddrs *all, *i;
	int rc = -1;

	if (getifaddrs(&all) != 0)
		return -1;
	for (i = all; i != NULL && rc != 0; i = i->ifa_next) {
		if (i->ifa_addr == NULL || strcmp(i->ifa_name, name) != 0)
			continue;
		if (fam == 4 && i->ifa_addr->sa_family == AF_INET) {
			memcpy(addr, &((struct sockaddr_in *)i->ifa_addr)->
			    sin_addr, 4);
			rc = 0;
		} else if (fam == 6 && i->ifa_addr->sa_family == AF_INET6) {
			memcpy(addr, &((struct sockaddr_in6 *)i->ifa_addr)->
			    sin6_addr, 16);
			rc = 0;
		}
	}
	freeifaddrs(all);
	return rc;
}

static int
parse_pattern(struct popts *op, const char *s)
{
	size_t n = strlen(s), i;
	unsigned v;

	if (n == 0 || n > 32) {
		st_cli_err("ping: -p: up to 16 bytes of hex");
		return -1;
	}
	for (i = 0; i < n; i += 2) {
		if (sscanf(s + i, "%2x", &v) != 1) {
			st_cli_err("ping: -p: '%s' is not hex", s);
			return -1;
		}
		op->pattern[op->patlen++] = (uint8_t)v;
	}
	return 0;
}

static int
parse_opts(struct popts *op, int argc, char **argv)
{
	enum { O_LAYERS = 256, O_SPEC, O_EXPLAIN };
	static const struct option lo[] = {
		{ "layers", required_argument, NULL, O_LAYERS },
		{ "explain", no_argument, NULL, O_EXPLAIN },
		{ "spec", required_argument, NULL, O_SPEC },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	double d;
	int ch;

	memset(op, 0, sizeof(*op));
	op->interval = -1;
	op->linger = 10;
	op->size = 56;
	op->ttl = op->tos = op->pmtu = -1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "46c:i:w:W:s:t:Q:M:p:I:fqDh", lo,
	    NULL)) != -1) {
		switch (ch) {
		case '4':
		case '6':
			op->fam = ch - '0';
			break;
		case 'c':
			if (num("-c", optarg, 1, 4e9, &d) != 0)
				return -1;
			op->count = (unsigned long)d;
			break;
		case 'i':
			if (num("-i", optarg, 0, 1e6, &op->interval) != 0)
				return -1;
			break;
		case 'w':
			if (num("-w", optarg, 0, 1e9, &op->deadline) != 0)
				return -1;
			break;
		case 'W':
			if (num("-W", optarg, 0, 1e6, &op->linger) != 0)
				return -1;
			break;
		case 's':
			if (num("-s", optarg, 0, 65507, &d) != 0)
				return -1;
			op->size = (long)d;
			break;
		case 't':
			if (num("-t", optarg, 1, 255, &d) != 0)
				return -1;
			op->ttl = (int)d;
			break;
		case 'Q':
			if (num("-Q", optarg, 0, 255, &d) != 0)
				return -1;
			op->tos = (int)d;
			break;
		case 'M':
			if (strcmp(optarg, "do") == 0)
				op->pmtu = 1;
			else if (strcmp(optarg, "dont") == 0)
				op->pmtu = 0;
			else {
				st_cli_err("ping: -M: 'do' or 'dont'");
				return -1;
			}
			break;
		case 'p':
			if (parse_pattern(op, optarg) != 0)
				return -1;
			break;
		case 'I':
			op->source = optarg;
			break;
		case 'f':
			op->flood = 1;
			break;
		case 'q':
			op->quiet = 1;
			break;
		case 'D':
			op->stamps = 1;
			break;
		case O_EXPLAIN:
			op->explain = 1;
			break;
		case O_LAYERS:
			if (st_cli_views(&op->layers, optarg) != 0 ||
			    st_cli_views_live(&op->layers, "ping") != 0)
				return -1;
			break;
		case O_SPEC:
			op->spec = optarg;
			break;
		case 'h':
			ping_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("(try 'strata ping --help')\n", stderr);
			return -1;
		}
	}
	if (optind != argc - 1) {
		st_cli_err("ping: %s", optind >= argc ? "usage error: "
		    "Destination address required" : "one HOST at a time");
		return -1;
	}
	op->host = argv[optind];
	return 0;
}

/* The run's state: sockets, the request template, counters. */
struct ping {
	struct popts		*op;
	struct st_raw		 raw;
	int			 fam;
	uint8_t			 dst[16], src[16];
	char			 dsttext[64];
	const char		*ifname;	/* -I IFACE */
	uint16_t		 id;
	struct st_spec		 spec;
	int			 icmp_layer;	/* index in spec */
	uint8_t			 buf[ST_PKT_MAX];
	struct st_rx		 rx;
	struct st_packet	 got;
	struct timespec		 sent_at[65536];
	uint8_t			 seen[65536 / 8];
	unsigned long		 sent, received, dups, errors;
	int			 flood_fast;	/* -f without -i */
	struct st_rtt		 rtt;
	struct timespec		 start, last;
	struct st_out		 out;
	struct st_vctx		 v;
	int			 timing;	/* data holds a timestamp */
	int			 dgram;		/* the kernel's ping socket */
	int			 dfd;
	uint8_t			 token[8];	/* per run, in every request */
	int			 use_token;
	unsigned long		 forged, corrupted;
	unsigned		 last_ttl;	/* of the last reply */
	/* --explain: the last requests sent, for the quote of an error. */
	struct {
		uint16_t	 seq;
		uint16_t	 n;
		uint8_t		 b[256];
	}			 kept[64];
	struct st_packet	 keptpkt;
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Replaces or adds key=val in layer ly of the spec. */
static void
spec_set(struct st_spec_layer *ly, const char *key, uint64_t val)
{
	size_t i;

	for (i = 0; i < ly->nset; i++)
		if (strcmp(ly->set[i].fd->key, key) == 0) {
			ly->set[i].val = val;
			return;
		}
	if (ly->nset == ST_SPEC_SETS)
		return;
	for (i = 0; i < ly->proto->nfields; i++)
		if (ly->proto->fields[i].key != NULL &&
		    strcmp(ly->proto->fields[i].key, key) == 0)
			break;
	if (i == ly->proto->nfields)
		return;
	memset(&ly->set[ly->nset], 0, sizeof(ly->set[0]));
	ly->set[ly->nset].fd = &ly->proto->fields[i];
	ly->set[ly->nset].val = val;
	ly->nset++;
}

/* The request template: the user's spec, or one made from the options. */
static int
make_spec(struct ping *p)
{
	struct popts *op = p->op;
	struct st_spec_err err;
	char text[512], src[64], extra[128] = "";
	const struct st_proto *want;
	unsigned i;

	if (op->spec != NULL) {
		if (st_spec_parse(op->spec, &p->spec, &err) != 0) {
			st_cli_err("spec:1:%u: %s", err.col, err.msg);
			return -1;
		}
	} else {
		inet_ntop(p->fam == 4 ? AF_INET : AF_INET6, p->src, src,
		    sizeof(src));
		if (op->ttl >= 0)
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",%s=%d", p->fam == 4 ? "ttl" :
			    "hlim", op->ttl);
		if (op->tos >= 0)
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",%s=%d", p->fam == 4 ? "tos" : "tc",
			    op->tos);
		if (op->pmtu >= 0 && p->fam == 4)
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",df=%d", op->pmtu);
		snprintf(text, sizeof(text), "%s(dst=%s,src=%s%s)/%s(type="
		    "echo-request)", p->fam == 4 ? "ip" : "ipv6", p->dsttext,
		    src, extra, p->fam == 4 ? "icmp" : "icmpv6");
		if (st_spec_parse(text, &p->spec, &err) != 0) {
			st_cli_err("ping: %s", err.msg);
			return -1;
		}
	}
	want = p->fam == 4 ? &st_proto_icmp : &st_proto_icmpv6;
	p->icmp_layer = -1;
	for (i = 0; i < p->spec.nlayers; i++)
		if (p->spec.layers[i].proto == want)
			p->icmp_layer = (int)i;
	if (p->icmp_layer < 0 || p->spec.layers[0].proto != (p->fam == 4 ?
	    &st_proto_ipv4 : &st_proto_ipv6)) {
		st_cli_err("ping: --spec: the request must be %s and %s for "
		    "%s", p->fam == 4 ? "ip" : "ipv6", want->name, p->dsttext);
		return -1;
	}
	if (op->spec != NULL) {
		if (st_spec_get(&p->spec.layers[0], "dst") == NULL) {
			/* The destination is HOST. */
			struct st_spec_layer *ly = &p->spec.layers[0];

			spec_set(ly, "dst", 0);
			memcpy(ly->set[ly->nset - 1].bytes, p->dst, 16);
			if (p->fam == 4)
				ly->set[ly->nset - 1].val = (uint64_t)p->dst[0]
				    << 24 | p->dst[1] << 16 | p->dst[2] << 8 |
				    p->dst[3];
		}
		st_spec_fill_src(&p->spec, st_route_src, &err);
	}
	if (st_spec_get(&p->spec.layers[p->icmp_layer], "id") != NULL)
		p->id = (uint16_t)st_spec_get(&p->spec.layers[p->icmp_layer],
		    "id")->val;
	else
		spec_set(&p->spec.layers[p->icmp_layer], "id", p->id);
	return 0;
}

/* ping's data: a timestamp, then the pattern (or each byte's index). */
static void
fill_data(struct ping *p, const struct timespec *now)
{
	size_t i, n = (size_t)p->op->size;
	uint8_t *d = p->spec.payload;
	uint64_t sec = (uint64_t)now->tv_sec, usec = (uint64_t)now->tv_nsec /
	    1000;

	if (p->op->spec != NULL && p->spec.paylen > 0 && p->op->size == 56)
		return;		/* the spec's own payload */
	for (i = 0; i < n; i++)
		d[i] = p->op->patlen > 0 ? p->op->pattern[i % p->op->patlen] :
		    (uint8_t)i;
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
stamp(const struct timespec *ts)
{
	printf("[%lld.%06ld] ", (long long)ts->tv_sec, ts->tv_nsec / 1000);
}

static int
send_one(struct ping *p)
{
	struct st_spec_err err;
	struct timespec now;
	const char *how;
	uint16_t seq = (uint16_t)(p->sent + 1);
	size_t n;
	int lt;

	clock_gettime(CLOCK_REALTIME, &now);
	spec_set(&p->spec.layers[p->icmp_layer], "seq", seq);
	fill_data(p, &now);
	if (st_build(&p->spec, p->buf, sizeof(p->buf), &n, &lt, &err) != 0) {
		st_cli_err("ping: %s", err.msg);
		return -1;
	}
	if (p->dgram) {
		size_t hl = p->fam == 4 ? (size_t)(p->buf[0] & 15) * 4 : 40;

		how = "ping socket";
		if (st_pingsock_send(p->dfd, p->fam, p->dst, p->buf + hl,
		    n - hl) != 0) {
			if (!p->op->quiet)
				printf("ping: sendmsg: %s\n", strerror(errno));
			p->errors++;
		}
	} else if (st_raw_send(&p->raw, p->buf, n, lt, 0, &how) != 0) {
		if (!p->op->quiet)
			printf("ping: sendmsg: %s\n", strerror(errno));
		p->errors++;
	}
	if (p->op->explain && p->sent == 0 && !p->op->quiet) {
		struct st_prediction pr;
		struct st_record rec;

		st_record_bytes(&rec, p->buf, n, DLT_RAW, NULL);
		st_decode_frame(&p->keptpkt, &rec, 0);
		st_predict(&p->keptpkt, ST_LISTEN_UNKNOWN, &pr);
		printf("expect: %s%s\n", pr.text, p->op->count == 1 ? "" :
		    " (then one for each seq after it)");
	}
	if (p->op->explain) {
		size_t k = seq % 64;

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
	p->sent++;
	if (p->op->flood && !p->op->quiet) {
		putchar('.');
		fflush(stdout);
	}
	return 0;
}

/* Whether the echo reply in p->got carries this run's token. */
static int
token_ok(const struct ping *p)
{
	const struct st_layer *ly = NULL;
	unsigned i;
	size_t at;

	for (i = 0; i < p->got.nlayers; i++)
		if (p->got.layers[i].depth == 0 && (p->got.layers[i].proto ==
		    &st_proto_icmp || p->got.layers[i].proto ==
		    &st_proto_icmpv6))
			ly = &p->got.layers[i];
	if (ly == NULL)
		return 0;
	at = (size_t)ly->off + 8 + 16;
	return at + sizeof(p->token) <= p->got.caplen &&
	    memcmp(p->got.data + at, p->token, sizeof(p->token)) == 0;
}

/* Whether the reply's ICMP checksum is wrong (iputils: BAD CHECKSUM). */
static int
bad_checksum(const struct st_packet *got)
{
	const struct st_layer *l = st_pkt_layer(got, "icmp", 0);
	const struct st_field *f;

	if (l == NULL)
		l = st_pkt_layer(got, "icmpv6", 0);
	f = l != NULL ? st_pkt_field(got, l, l->proto == &st_proto_icmp ?
	    "icmp.checksum" : "icmpv6.checksum") : NULL;
	return f != NULL && f->ck == ST_CK_BAD;
}

/* One received packet: a reply, a duplicate, an error, or not ours. */
static void
on_packet(struct ping *p)
{
	struct st_record rec;
	char from[64], t[32], err[96];
	unsigned ttl;
	size_t icmplen;
	uint16_t seq;
	enum st_echo e;
	int64_t us;
	int dup, corrupt;

	if (p->rx.outgoing)
		return;
	st_record_bytes(&rec, p->rx.buf, p->rx.len, DLT_RAW, &p->rx.ts);
	st_decode_frame(&p->got, &rec, 0);
	e = st_echo_classify(&p->got, p->fam, p->dst, p->id, &seq, &ttl,
	    &icmplen);
	if (e == ST_ECHO_NONE || p->sent_at[seq].tv_sec == 0)
		return;
	if (e == ST_ECHO_REPLY && p->use_token && !token_ok(p)) {
		p->forged++;		/* right id and seq, wrong data */
		return;
	}
	st_pkt_src(&p->got, from, sizeof(from));
	p->last = p->rx.ts;
	if (e == ST_ECHO_ERROR) {
		p->errors++;
		st_icmp_error_text(&p->got, err, sizeof(err));
		if (p->op->flood && !p->op->quiet) {
			putchar('E');
		} else if (!p->op->quiet) {
			if (p->op->stamps)
				stamp(&p->rx.ts);
			printf("From %s icmp_seq=%u %s\n", from, seq, err);
			if (p->op->explain && p->kept[seq % 64].seq == seq &&
			    !p->dgram) {
				st_record_bytes(&rec, p->kept[seq % 64].b,
				    p->kept[seq % 64].n, DLT_RAW, NULL);
				st_decode_frame(&p->keptpkt, &rec, 0);
				printf("  the request it quotes, against the one "
				    "sent (as crafted, before the kernel "
				    "filled in its part):\n");
				st_quote_diff(&p->out, &p->keptpkt, &p->got);
				st_out_flush(&p->out);
			}
		}
	} else {
		corrupt = bad_checksum(&p->got);
		dup = !corrupt && (p->seen[seq / 8] >> (seq % 8) & 1);
		if (corrupt)
			p->corrupted++;
		else
			p->seen[seq / 8] |= (uint8_t)(1u << (seq % 8));
		if (dup)
			p->dups++;
		else if (!corrupt)
			p->received++;
		p->last_ttl = ttl;
		us = (int64_t)(p->rx.ts.tv_sec - p->sent_at[seq].tv_sec) *
		    1000000 + (p->rx.ts.tv_nsec - p->sent_at[seq].tv_nsec) /
		    1000;
		if (p->timing && !corrupt)
			st_rtt_add(&p->rtt, us);
		if (p->op->flood && !p->op->quiet) {
			if (!dup)
				fputs("\b \b", stdout);
		} else if (!p->op->quiet) {
			if (p->op->stamps)
				stamp(&p->rx.ts);
			printf("%zu bytes from %s: icmp_seq=%u ttl=%u", icmplen,
			    from, seq, ttl);
			if (p->timing) {
				st_rtt_fmt(t, sizeof(t), us);
				printf(" time=%s ms", t);
			}
			printf("%s%s\n", dup ? " (DUP!)" : "", corrupt ?
			    " (BAD CHECKSUM!)" : "");
		}
	}
	fflush(stdout);
	if (p->op->layers.n > 0 && !p->op->quiet) {
		p->got.num = seq;
		st_cli_show(&p->op->layers, &p->out, &p->got, &p->v);
	}
}

/* The loss as iputils prints it: exact in the statistics ("%g"), whole
 * percents in the SIGQUIT line. */
static void
loss_text(char *buf, size_t n, unsigned long sent, unsigned long recv,
    int whole)
{
	unsigned long lost = sent - (recv > sent ? sent : recv);

	if (whole)
		snprintf(buf, n, "%lu%%", sent == 0 ? 0 : lost * 100 / sent);
	else
		snprintf(buf, n, "%g%%", sent == 0 ? 0.0 : (double)lost *
		    100.0 / (double)sent);
}

static void
quit_status(struct ping *p)
{
	char a[32], b[32], c[32], d[32], loss[32];

	loss_text(loss, sizeof(loss), p->sent, p->received, 1);
	fprintf(stderr, "\r%lu/%lu packets, %s loss", p->received, p->sent,
	    loss);
	if (p->rtt.n > 0) {
		st_rtt_fmt(a, sizeof(a), p->rtt.min);
		st_rtt_fmt(b, sizeof(b), st_rtt_avg(&p->rtt));
		st_rtt_fmt(c, sizeof(c), p->rtt.ewma / 8);
		st_rtt_fmt(d, sizeof(d), p->rtt.max);
		fprintf(stderr, ", min/avg/ewma/max = %s/%s/%s/%s ms", a, b, c,
		    d);
	}
	fputc('\n', stderr);
}

/* iputils' closing lines: counts, loss, time, then the RTT line. */
static void
statistics(struct ping *p, const char *host)
{
	char loss[32];
	double el = p->sent > 0 ? since(&p->start, &p->last) : 0;
	int64_t ms = (int64_t)(el * 1000 + 0.5), ipg;

	loss_text(loss, sizeof(loss), p->sent, p->received, 0);
	printf("\n--- %s ping statistics ---\n", host);
	printf("%lu packets transmitted, %lu received", p->sent, p->received);
	if (p->dups > 0)
		printf(", +%lu duplicates", p->dups);
	if (p->corrupted > 0)
		printf(", +%lu corrupted", p->corrupted);
	if (p->errors > 0)
		printf(", +%lu errors", p->errors);
	if (p->forged > 0)
		printf(", +%lu forged", p->forged);
	printf(", %s packet loss, time %lldms\n", loss, (long long)ms);
	if (p->rtt.n > 0)
		printf("rtt min/avg/max/mdev = %lld.%03lld/%lld.%03lld/"
		    "%lld.%03lld/%lld.%03lld ms",
		    (long long)(p->rtt.min / 1000), (long long)(p->rtt.min %
		    1000), (long long)(st_rtt_avg(&p->rtt) / 1000),
		    (long long)(st_rtt_avg(&p->rtt) % 1000),
		    (long long)(p->rtt.max / 1000), (long long)(p->rtt.max %
		    1000), (long long)(st_rtt_mdev(&p->rtt) / 1000),
		    (long long)(st_rtt_mdev(&p->rtt) % 1000));
	/* Flood and interval 0 add the gap between requests and the
	 * moving average of the RTT, as iputils does. */
	if (p->received > 0 && p->sent > 1 && (p->op->flood ||
	    p->op->interval == 0)) {
		ipg = (int64_t)(el * 1e6) / (int64_t)(p->sent - 1);
		printf("%sipg/ewma %lld.%03lld/%lld.%03lld ms\n",
		    p->rtt.n > 0 ? ", " : "", (long long)(ipg / 1000),
		    (long long)(ipg % 1000), (long long)(p->rtt.ewma / 8000),
		    (long long)(p->rtt.ewma / 8 % 1000));
	} else if (p->rtt.n > 0)
		printf("\n");
}

/* The TTL a reply most likely started with: the usual initial values. */
static unsigned
initial_ttl(unsigned ttl)
{
	return ttl <= 32 ? 32 : ttl <= 64 ? 64 : ttl <= 128 ? 128 : 255;
}

/* --explain: what each number of the statistics means, with this run's. */
static void
explain_statistics(struct ping *p)
{
	char t[32];
	unsigned init;

	printf("\nwhat these numbers mean:\n");
	printf("  transmitted  %lu echo requests left this host, one every "
	    "%g s\n", p->sent, p->op->interval);
	printf("  received     %lu distinct requests answered: replies "
	    "with this run's id (%u)\n               and a sequence number "
	    "sent%s; each sequence counts once\n", p->received,
	    (unsigned)p->id, p->use_token ? ",\n               and this "
	    "run's 8-byte token in the data" : "");
	printf("  loss         (transmitted - received) / transmitted: a "
	    "request counts as lost\n               when no reply came by the "
	    "end (-W after the last request, or -w)\n");
	printf("  duplicates   %lu: replies to a sequence already answered "
	    "(a link or a host that\n               copies packets); shown "
	    "(DUP!), not counted as received\n", p->dups);
	printf("  corrupted    %lu: replies whose ICMP checksum is wrong, "
	    "shown (BAD CHECKSUM!):\n               damaged on the way, not "
	    "counted as received\n", p->corrupted);
	printf("  errors       %lu: ICMP errors quoting a request (time "
	    "exceeded, unreachable):\n               an answer, but not a "
	    "reply, so the request still counts as lost\n", p->errors);
	if (p->forged > 0)
		printf("  forged       %lu: the right id and sequence but not "
		    "this run's token: another\n               program's reply, "
		    "or a spoofed one; ignored\n", p->forged);
	printf("  time         from the first request to the last packet "
	    "seen, in ms\n");
	if (p->rtt.n > 0) {
		st_rtt_fmt(t, sizeof(t), st_rtt_mdev(&p->rtt));
		printf("  rtt          round-trip times of the %lu replies "
		    "(duplicates too): the kernel's\n               receive "
		    "timestamp minus the time strata sent the request\n",
		    (unsigned long)p->rtt.n);
		printf("  mdev         %s ms: the population standard deviation "
		    "of the RTTs,\n               sqrt(mean(rtt^2) - mean(rtt)^2):"
		    " how much they wander (tshark's\n               -z icmp,srt "
		    "shows the sample one, a little larger)\n", t);
	}
	if (p->received > 0) {
		init = initial_ttl(p->last_ttl);
		printf("  ttl          replies came with ttl=%u: the replier "
		    "most likely started at %u\n               (Linux and macOS "
		    "64, Windows 128, many routers 255), so %u router%s\n"
		    "               on the way back took one off each\n",
		    p->last_ttl, init, init - p->last_ttl,
		    init - p->last_ttl == 1 ? "" : "s");
	}
}

/* When to stop waiting now: the next send, the linger end or deadline. */
static int
done_or_wait(struct ping *p, const struct timespec *next,
    struct timespec *until)
{
	struct popts *op = p->op;
	struct timespec now, t;
	int more = op->count == 0 || p->sent < op->count;

	clock_gettime(CLOCK_REALTIME, &now);
	if (stop)
		return 1;
	if (op->deadline > 0 && p->sent > 0 && since(&p->start, &now) >=
	    op->deadline)
		return 1;
	if (!more && p->received + p->errors >= op->count)
		return 1;
	if (more) {
		*until = *next;
	} else {
		t = p->sent_at[(uint16_t)p->sent];
		t.tv_sec += (time_t)op->linger;
		t.tv_nsec += (long)((op->linger - floor(op->linger)) * 1e9);
		if (t.tv_nsec >= 1000000000) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000;
		}
		if (since(&t, &now) >= 0)
			return 1;
		*until = t;
	}
	if (op->deadline > 0 && p->sent > 0) {
		t = p->start;
		t.tv_sec += (time_t)op->deadline;
		t.tv_nsec += (long)((op->deadline - floor(op->deadline)) * 1e9);
		if (t.tv_nsec >= 1000000000) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000;
		}
		if (since(&t, until) > 0)
			*until = t;
	}
	return 0;
}

static int
run(struct ping *p)
{
	struct timespec next, until, now;
	int rc;

	clock_gettime(CLOCK_REALTIME, &next);
	for (;;) {
		clock_gettime(CLOCK_REALTIME, &now);
		if ((p->op->count == 0 || p->sent < p->op->count) && !stop &&
		    since(&next, &now) >= 0) {
			if (send_one(p) != 0)
				return -1;
			next.tv_sec += (time_t)p->op->interval;
			next.tv_nsec += (long)((p->op->interval -
			    floor(p->op->interval)) * 1e9);
			if (next.tv_nsec >= 1000000000) {
				next.tv_sec++;
				next.tv_nsec -= 1000000000;
			}
		}
		if (status_asked) {
			status_asked = 0;
			quit_status(p);
		}
		if (done_or_wait(p, &next, &until))
			return 0;
		rc = p->dgram ? st_pingsock_recv(p->dfd, p->fam, p->src,
		    p->dst, &p->rx, &until) : st_raw_recv(p->raw.pkt, DLT_RAW,
		    &p->rx, &until);
		if (rc < 0) {
			st_cli_err("ping: receiving: %s", strerror(errno));
			return -1;
		}
		if (rc == 1) {
			on_packet(p);
			/* ping -f: each reply sends the next at once, or
			 * 100 a second when replies are slower. */
			if (p->flood_fast && p->received + p->errors >=
			    p->sent)
				clock_gettime(CLOCK_REALTIME, &next);
		}
	}
}

/* The ping socket, with the header fields the options set through it. */
static int
open_dgram(struct ping *p)
{
	int v, fam4 = p->fam == 4;

	if ((p->dfd = st_pingsock_open(p->fam, p->op->source != NULL ?
	    p->src : NULL, &p->id)) < 0) {
		st_cli_err("ping: socket(SOCK_DGRAM, IPPROTO_ICMP%s): %s",
		    fam4 ? "" : "V6", strerror(errno));
		return -1;
	}
	if (p->op->ttl >= 0 && (v = p->op->ttl, setsockopt(p->dfd, fam4 ?
	    IPPROTO_IP : IPPROTO_IPV6, fam4 ? IP_TTL : IPV6_UNICAST_HOPS, &v,
	    sizeof(v)) != 0))
		goto fail;
	if (p->op->tos >= 0 && (v = p->op->tos, setsockopt(p->dfd, fam4 ?
	    IPPROTO_IP : IPPROTO_IPV6, fam4 ? IP_TOS : IPV6_TCLASS, &v,
	    sizeof(v)) != 0))
		goto fail;
	if (p->op->pmtu >= 0 && fam4 && (v = p->op->pmtu ? IP_PMTUDISC_DO :
	    IP_PMTUDISC_DONT, setsockopt(p->dfd, IPPROTO_IP,
	    IP_MTU_DISCOVER, &v, sizeof(v)) != 0))
		goto fail;
	return 0;
fail:
	st_cli_err("ping: setsockopt: %s", strerror(errno));
	return -1;
}

static void
header(struct ping *p)
{
	size_t optlen = p->spec.layers[0].optlen, i;
	char from[INET6_ADDRSTRLEN] = "";

	if (p->op->patlen > 0 && !p->op->quiet) {	/* as iputils: -p */
		printf("PATTERN: 0x");
		for (i = 0; i < p->op->patlen; i++)
			printf("%02x", p->op->pattern[i]);
		printf("\n");
	}
	if (p->op->source != NULL)	/* iputils: "from SOURCE DEVICE: " */
		inet_ntop(p->fam == 4 ? AF_INET : AF_INET6, p->src, from,
		    sizeof(from));
	if (p->fam == 4)
		printf("PING %s (%s) ", p->op->host, p->dsttext);
	else
		printf("PING %s(%s) ", p->op->host, p->dsttext);
	if (p->op->source != NULL)
		printf("from %s %s: ", from, p->ifname != NULL ? p->ifname :
		    "");
	if (p->fam == 4)
		printf("%ld(%ld) bytes of data.\n", p->op->size, p->op->size +
		    8 + 20 + (long)((optlen + 3) / 4 * 4));
	else
		printf("%ld data bytes\n", p->op->size);
	fflush(stdout);
}

int
st_cmd_ping(int argc, char **argv)
{
	static struct ping p;
	static struct popts op;
	struct sigaction sa;
	const char *what = "";
	int root = geteuid() == 0, rc;

	if (parse_opts(&op, argc, argv) != 0)
		return PING_EXIT_ERROR;
	p.op = &op;
	if (op.flood && !root) {
		st_cli_err("ping: cannot flood, minimal interval for user must "
		    "be >= 200 ms, use -i 0.2 (or higher)");
		return PING_EXIT_ERROR;
	}
	if (op.interval >= 0 && op.interval < 0.2 && !root) {
		st_cli_err("ping: cannot flood, minimal interval for user must "
		    "be >= 200 ms, use -i 0.2 (or higher)");
		return PING_EXIT_ERROR;
	}
	if (op.interval < 0) {	/* -f alone: as fast as replies come */
		op.interval = op.flood ? 0.01 : 1;
		p.flood_fast = op.flood;
	}
	/* -I: an address, else an interface's name (as iputils). */
	if (op.source != NULL && inet_pton(AF_INET, op.source, p.src) != 1 &&
	    inet_pton(AF_INET6, op.source, p.src) != 1) {
		if (if_nametoindex(op.source) == 0) {
			st_cli_err("ping: -I: '%s' is neither an address nor an "
			    "interface", op.source);
			return PING_EXIT_ERROR;
		}
		p.ifname = op.source;
	}
	/* Raw sockets first, then privileges go, then anything else. */
	p.dfd = -1;
	if (st_raw_open(&p.raw, NULL, &what) != 0) {
		if (errno != EPERM && errno != EACCES) {
			st_cli_err("ping: %s: %s", what, strerror(errno));
			return PING_EXIT_ERROR;
		}
		if (!st_pingsock_allowed() || op.spec != NULL) {
			st_cli_err("ping: %s%s", st_priv_hint(), op.spec != NULL ?
			    "" : "; or let your group use the kernel's ping "
			    "sockets: sudo sysctl -w net.ipv4.ping_group_range="
			    "'0 2147483647'");
			st_cli_doctor();
			return PING_EXIT_ERROR;
		}
		/* The kernel's ping socket needs no privilege. */
		p.dgram = 1;
		fprintf(stderr, "strata: ping: no raw socket (needs root or "
		    "CAP_NET_RAW): using the kernel's ping socket "
		    "(net.ipv4.ping_group_range), which owns the IP header and "
		    "the identifier; --spec needs raw sockets, and --layers "
		    "shows a rebuilt IP header\n");
	}
	/* -I IFACE: requests leave by that interface (SO_BINDTODEVICE needs
	 * the privilege, so now), from its address. */
	if (p.ifname != NULL && !p.dgram && (setsockopt(p.raw.send4,
	    SOL_SOCKET, SO_BINDTODEVICE, p.ifname, (socklen_t)strlen(p.ifname))
	    != 0 || setsockopt(p.raw.send6, SOL_SOCKET, SO_BINDTODEVICE,
	    p.ifname, (socklen_t)strlen(p.ifname)) != 0)) {
		st_cli_err("ping: SO_BINDTODEVICE %s: %s", p.ifname,
		    strerror(errno));
		return PING_EXIT_ERROR;
	}
	if (st_priv_drop(&what) != 0) {
		st_cli_err("ping: dropping privileges: %s: %s", what,
		    strerror(errno));
		return PING_EXIT_ERROR;
	}
	rc = PING_EXIT_ERROR;
	if (st_resolve(op.host, op.fam, &p.fam, p.dst, p.dsttext,
	    sizeof(p.dsttext), &what) != 0) {
		st_cli_err("ping: %s: %s", op.host, what);
		goto out;
	}
	if (p.ifname != NULL) {
		if (iface_addr(p.ifname, p.fam, p.src) != 0) {
			st_cli_err("ping: -I %s: the interface has no IPv%d "
			    "address", p.ifname, p.fam);
			goto out;
		}
	} else if (op.source != NULL) {
		if (inet_pton(p.fam == 4 ? AF_INET : AF_INET6, op.source,
		    p.src) != 1) {
			st_cli_err("ping: -I: '%s' is not an IPv%d address",
			    op.source, p.fam);
			goto out;
		}
	} else if (st_route_src(p.fam, p.dst, p.src) != 0) {
		st_cli_err("ping: connect: Network is unreachable");
		goto out;
	}
	if (getrandom(&p.id, sizeof(p.id), 0) != sizeof(p.id))
		p.id = (uint16_t)getpid();
	if (p.dgram && open_dgram(&p) != 0)
		goto out;
	p.timing = op.size >= 16;
	p.use_token = op.size >= 24 && op.patlen == 0 && op.spec == NULL;
	if (p.use_token && getrandom(p.token, sizeof(p.token), 0) !=
	    sizeof(p.token))
		p.use_token = 0;
	st_rtt_init(&p.rtt);
	if (make_spec(&p) != 0)
		goto out;
	p.v.color = st_cli_want_color(-1);
	st_out_init(&p.out, stdout);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	st_sandbox_enter();	/* from here: no new files or sockets */
	header(&p);
	if (run(&p) != 0)
		goto out;
	if (op.flood && !op.quiet)
		putchar('\n');
	statistics(&p, op.host);
	if (op.explain)
		explain_statistics(&p);
	/* iputils: 1 when nothing came back, or, with -w and -c, when fewer
	 * replies than the count came before the deadline. */
	rc = p.received == 0 || (op.deadline > 0 && op.count > 0 &&
	    p.received < op.count) ? PING_EXIT_NOREPLY : ST_EXIT_OK;
out:
	if (p.dfd >= 0)
		close(p.dfd);
	st_raw_close(&p.raw);
	st_vctx_free(&p.v);
	return rc;
}
