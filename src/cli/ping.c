/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata ping: crafted ICMP echo requests that speak as iputils ping does,
 * so habits and scripts carry over; every header field is settable, and
 * --layers shows how each reply came back through the layers.
 *
 * Exit: 0 when any reply came, 1 when none did, 2 on other errors.
 */
#include <arpa/inet.h>
#include <errno.h>
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
#include "strata/decode.h"
#include "strata/reader.h"
#include "strata/net.h"
#include "strata/ping.h"
#include "strata/predict.h"
#include "strata/view.h"
#include "cli.h"

#include "pingcli.h"

static volatile sig_atomic_t stop, status_asked;

static void
on_signal(int sig)
{
	if (sig == SIGQUIT)
		status_asked = 1;
	else
		stop = 1;
}

/* The run: the engine, and what the words and views need. */
struct ping {
	struct popts		*op;
	struct st_ping		 e;
	char			 dsttext[64];
	const char		*ifname;	/* -I IFACE */
	struct st_out		 out;
	struct st_vctx		 v;
};

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
	char text[512], src[64], extra[192] = "";
	const struct st_echo_desc *e;
	const struct st_proto *net;
	unsigned i;

	if (op->spec != NULL) {
		if (st_spec_parse(op->spec, &p->e.spec, &err) != 0) {
			st_cli_err("spec:1:%u: %s", err.col, err.msg);
			return -1;
		}
	} else {
		inet_ntop(p->e.fam == 4 ? AF_INET : AF_INET6, p->e.src, src,
		    sizeof(src));
		if (op->ttl >= 0)
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",%s=%d", p->e.fam == 4 ? "ttl" :
			    "hlim", op->ttl);
		if (op->tos >= 0)
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",%s=%d", p->e.fam == 4 ? "tos" : "tc",
			    op->tos);
		if (op->rr && p->e.fam == 4)	/* all 40 option bytes */
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",options=raw:072708%02x%02x%02x%02x"
			    "%064d", p->e.src[0], p->e.src[1], p->e.src[2],
			    p->e.src[3], 0);
		if (op->pmtu >= 0 && p->e.fam == 4)
			snprintf(extra + strlen(extra), sizeof(extra) -
			    strlen(extra), ",df=%d", op->pmtu);
		snprintf(text, sizeof(text), "%s(dst=%s,src=%s%s)/%s(type="
		    "echo-request)", p->e.fam == 4 ? "ip" : "ipv6", p->dsttext,
		    src, extra, p->e.fam == 4 ? "icmp" : "icmpv6");
		if (st_spec_parse(text, &p->e.spec, &err) != 0) {
			st_cli_err("ping: %s", err.msg);
			return -1;
		}
	}
	/* The echo of this family (ICMP, ICMPv6), under IP of this family. */
	p->e.icmp_layer = -1;
	for (i = 0; i < p->e.spec.nlayers; i++)
		if ((e = p->e.spec.layers[i].proto->echo) != NULL &&
		    e->fam == p->e.fam)
			p->e.icmp_layer = (int)i;
	net = p->e.spec.layers[0].proto;
	if (p->e.icmp_layer < 0 || net->role != ST_ROLE_NET ||
	    net->ends[1] == NULL || net->ends[1]->bits != (p->e.fam == 4 ?
	    32 : 128)) {
		st_cli_err("ping: --spec: the request must be %s and %s for "
		    "%s", p->e.fam == 4 ? "ip" : "ipv6", p->e.fam == 4 ? "icmp" :
		    "icmpv6", p->dsttext);
		return -1;
	}
	if (op->spec != NULL) {
		if (st_spec_get(&p->e.spec.layers[0], "dst") == NULL) {
			/* The destination is HOST. */
			struct st_spec_layer *ly = &p->e.spec.layers[0];

			spec_set(ly, "dst", 0);
			memcpy(ly->set[ly->nset - 1].bytes, p->e.dst, 16);
			if (p->e.fam == 4)
				ly->set[ly->nset - 1].val = (uint64_t)p->e.dst[0]
				    << 24 | p->e.dst[1] << 16 | p->e.dst[2] << 8 |
				    p->e.dst[3];
		}
		st_spec_fill_src(&p->e.spec, st_route_src, &err);
	}
	if (st_spec_get(&p->e.spec.layers[p->e.icmp_layer], "id") != NULL)
		p->e.id = (uint16_t)st_spec_get(&p->e.spec.layers[p->e.icmp_layer],
		    "id")->val;
	else
		spec_set(&p->e.spec.layers[p->e.icmp_layer], "id", p->e.id);
	/* The engine sets seq in this slot of the set, for each request. */
	spec_set(&p->e.spec.layers[p->e.icmp_layer], "seq", 0);
	for (i = 0; i < p->e.spec.layers[p->e.icmp_layer].nset; i++)
		if (strcmp(p->e.spec.layers[p->e.icmp_layer].set[i].fd->key,
		    "seq") == 0)
			p->e.seq_set = i;
	return 0;
}

static void
stamp(const struct timespec *ts)
{
	printf("[%lld.%06ld] ", (long long)ts->tv_sec, ts->tv_nsec / 1000);
}

/* A request left (or failed to). */
static void
on_sent(struct ping *p, const struct st_ping_event *ev)
{
	struct st_prediction pr;

	if (ev->kind == ST_PING_LOCAL_ERROR) {
		fflush(stdout);		/* iputils: on stderr, even with -q */
		fprintf(stderr, "ping: local error: message too long, mtu=%d\n",
		    ev->mtu);
		return;
	}
	if (ev->kind == ST_PING_SEND_FAILED) {
		if (!p->op->quiet)
			printf("ping: sendmsg: %s\n", strerror(ev->err));
		return;
	}
	if (p->op->explain && ev->first && !p->op->quiet &&
	    ev->request != NULL) {
		st_predict(ev->request, ST_LISTEN_UNKNOWN, &pr);
		printf("expect: %s%s\n", pr.text, p->op->count == 1 ? "" :
		    " (then one for each seq after it)");
	}
	if (p->op->flood && !p->op->quiet) {
		putchar('.');
		fflush(stdout);
	}
}

/* An ICMP error quoting one of the requests. */
static void
on_error(struct ping *p, const struct st_ping_event *ev, const char *from)
{
	char err[96];

	st_cli_icmp_error_text(ev->got, err, sizeof(err));
	if (p->op->flood && !p->op->quiet) {
		fputs("\bE", stdout);	/* iputils: over the request's dot */
	} else if (!p->op->quiet) {
		if (p->op->stamps)
			stamp(ev->ts);
		printf("From %s icmp_seq=%u %s\n", from, ev->seq, err);
		if (p->op->explain && ev->request != NULL) {
			printf("  the request it quotes, against the one sent "
			    "(as crafted, before the kernel filled in its "
			    "part):\n");
			st_quote_diff(&p->out, ev->request, ev->got);
			st_out_flush(&p->out);
		}
	}
}

/*
 * ping -R: the reply's recorded route after its line, as iputils prints
 * it ("RR:" and a tab before each address, then a blank line; or
 * "(same route)").
 */
static void
print_rr(struct ping *p, const struct st_packet *got)
{
	static uint8_t old[40];
	static int oldn = -1;
	uint8_t a[40];
	char t[INET_ADDRSTRLEN];
	size_t slots = 0;
	int n, i;

	if (got->nlayers == 0 || got->layers[0].hdr_len <= 20 ||
	    p->e.fam != 4)
		return;		/* no options: nothing more on the line */
	/* The kernel records this host's address as the reply comes in,
	 * after the packet socket saw it: as iputils' socket sees it (the
	 * ping socket's options come with it already). */
	if ((n = st_echo_rr(got, a, 9, &slots)) >= 0 && (size_t)n < slots &&
	    n < 9 && !p->e.dgram)
		memcpy(a + 4 * n++, p->e.src, 4);
	if (n > 0) {
		if (n == oldn && memcmp(a, old, (size_t)n * 4) == 0)
			printf("\t(same route)");
		else {
			oldn = n;
			memcpy(old, a, (size_t)n * 4);
			printf("\nRR: ");
			for (i = 0; i < n; i++)
				printf("%s\t%s", i > 0 ? "\n" : "",
				    inet_ntop(AF_INET, a + 4 * i, t, sizeof(t)));
			putchar('\n');
		}
	}
}

/* An echo reply: iputils' line, or its flood mark. */
static void
on_reply(struct ping *p, const struct st_ping_event *ev, const char *from)
{
	char t[32];

	if (p->op->flood && !p->op->quiet) {
		if (!ev->dup)
			fputs("\b \b", stdout);
	} else if (!p->op->quiet) {
		if (p->op->stamps)
			stamp(ev->ts);
		printf("%zu bytes from %s: icmp_seq=%u ttl=%u", ev->icmplen,
		    from, ev->seq, ev->ttl);
		if (p->e.timing) {
			st_rtt_fmt(t, sizeof(t), ev->us);
			printf(" time=%s ms", t);
		}
		printf("%s%s", ev->dup ? " (DUP!)" : "", ev->corrupt ?
		    " (BAD CHECKSUM!)" : "");
		print_rr(p, ev->got);
		putchar('\n');
	}
}

/* The engine's events: the words and views for each. */
static void
on_event(void *arg, const struct st_ping_event *ev)
{
	struct ping *p = arg;
	char from[64];

	if (ev->kind == ST_PING_SEND_FAILED || ev->kind == ST_PING_SENT ||
	    ev->kind == ST_PING_LOCAL_ERROR) {
		on_sent(p, ev);
		return;
	}
	st_cli_src_text(ev->got, from, sizeof(from));
	if (ev->kind == ST_PING_ERROR)
		on_error(p, ev, from);
	else
		on_reply(p, ev, from);
	fflush(stdout);
	if (p->op->layers.n > 0 && !p->op->quiet) {
		ev->got->num = ev->seq;
		st_cli_show(&p->op->layers, &p->out, ev->got, &p->v);
	}
}

static int
on_stop(void *arg)
{
	(void)arg;
	return stop;
}

static void
on_status(void *arg)
{
	if (status_asked) {
		status_asked = 0;
		st_ping_quit_status(&((struct ping *)arg)->e);
	}
}

/* Runs the engine; -1 after saying why it stopped short. */
static int
run(struct ping *p)
{
	struct st_ping_hooks h = { on_event, on_stop, on_status, p };
	char why[256];

	if (st_ping_run(&p->e, &h, why, sizeof(why)) != 0) {
		st_cli_err("ping: %s", why);
		return -1;
	}
	return 0;
}

/* The ping socket, with the header fields the options set through it. */
static int
open_dgram(struct ping *p)
{
	/* -R: nine empty slots; the kernel records this host's address in
	 * the first on the way out, as for iputils' socket. */
	static const uint8_t rr[40] = { 7, 39, 4 };
	int v, fam4 = p->e.fam == 4;

	if ((p->e.dfd = st_pingsock_open(p->e.fam, p->op->source != NULL ?
	    p->e.src : NULL, &p->e.id)) < 0) {
		st_cli_err("ping: socket(SOCK_DGRAM, IPPROTO_ICMP%s): %s",
		    fam4 ? "" : "V6", strerror(errno));
		return -1;
	}
	if (p->op->ttl >= 0 && (v = p->op->ttl, setsockopt(p->e.dfd, fam4 ?
	    IPPROTO_IP : IPPROTO_IPV6, fam4 ? IP_TTL : IPV6_UNICAST_HOPS, &v,
	    sizeof(v)) != 0))
		goto fail;
	if (p->op->tos >= 0 && (v = p->op->tos, setsockopt(p->e.dfd, fam4 ?
	    IPPROTO_IP : IPPROTO_IPV6, fam4 ? IP_TOS : IPV6_TCLASS, &v,
	    sizeof(v)) != 0))
		goto fail;
	if (p->op->rr && fam4 && setsockopt(p->e.dfd, IPPROTO_IP, IP_OPTIONS,
	    rr, sizeof(rr)) != 0)
		goto fail;
	if (p->op->pmtu >= 0 && fam4 && (v = p->op->pmtu ? IP_PMTUDISC_DO :
	    IP_PMTUDISC_DONT, setsockopt(p->e.dfd, IPPROTO_IP,
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
	size_t optlen = p->e.spec.layers[0].optlen, i;
	char from[INET6_ADDRSTRLEN] = "";

	if (p->op->patlen > 0 && !p->op->quiet) {	/* as iputils: -p */
		printf("PATTERN: 0x");
		for (i = 0; i < p->op->patlen; i++)
			printf("%02x", p->op->pattern[i]);
		printf("\n");
	}
	if (p->op->source != NULL)	/* iputils: "from SOURCE DEVICE: " */
		inet_ntop(p->e.fam == 4 ? AF_INET : AF_INET6, p->e.src, from,
		    sizeof(from));
	if (p->e.fam == 4)
		printf("PING %s (%s) ", p->op->host, p->dsttext);
	else
		printf("PING %s(%s) ", p->op->host, p->dsttext);
	if (p->op->source != NULL)
		printf("from %s %s: ", from, p->ifname != NULL ? p->ifname :
		    "");
	if (p->e.fam == 4)
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

	if (st_ping_parse_opts(&op, argc, argv) != 0)
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
		p.e.flood_fast = op.flood;
	}
	/* -I: an address, else an interface's name (as iputils). */
	if (op.source != NULL && inet_pton(AF_INET, op.source, p.e.src) != 1 &&
	    inet_pton(AF_INET6, op.source, p.e.src) != 1) {
		if (if_nametoindex(op.source) == 0) {
			st_cli_err("ping: -I: '%s' is neither an address nor an "
			    "interface", op.source);
			return PING_EXIT_ERROR;
		}
		p.ifname = op.source;
	}
	/* Raw sockets first, then privileges go, then anything else. */
	p.e.dfd = p.e.mtufd = -1;
	if (st_raw_open(&p.e.raw, NULL, &what) != 0) {
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
		p.e.dgram = 1;
		fprintf(stderr, "strata: ping: no raw socket (needs root or "
		    "CAP_NET_RAW): using the kernel's ping socket "
		    "(net.ipv4.ping_group_range), which owns the IP header and "
		    "the identifier; --spec needs raw sockets, and --layers "
		    "shows a rebuilt IP header\n");
	}
	/* -I IFACE: requests leave by that interface (SO_BINDTODEVICE needs
	 * the privilege, so now), from its address. */
	if (p.ifname != NULL && !p.e.dgram && (setsockopt(p.e.raw.send4,
	    SOL_SOCKET, SO_BINDTODEVICE, p.ifname, (socklen_t)strlen(p.ifname))
	    != 0 || setsockopt(p.e.raw.send6, SOL_SOCKET, SO_BINDTODEVICE,
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
	if (st_resolve(op.host, op.fam, &p.e.fam, p.e.dst, p.dsttext,
	    sizeof(p.dsttext), &what) != 0) {
		st_cli_err("ping: %s: %s", op.host, what);
		goto out;
	}
	if (p.ifname != NULL) {
		if (st_ping_iface_addr(p.ifname, p.e.fam, p.e.src) != 0) {
			st_cli_err("ping: -I %s: the interface has no IPv%d "
			    "address", p.ifname, p.e.fam);
			goto out;
		}
	} else if (op.source != NULL) {
		if (inet_pton(p.e.fam == 4 ? AF_INET : AF_INET6, op.source,
		    p.e.src) != 1) {
			st_cli_err("ping: -I: '%s' is not an IPv%d address",
			    op.source, p.e.fam);
			goto out;
		}
	} else if (st_route_src(p.e.fam, p.e.dst, p.e.src) != 0) {
		st_cli_err("ping: connect: Network is unreachable");
		goto out;
	}
	if (getrandom(&p.e.id, sizeof(p.e.id), 0) != sizeof(p.e.id))
		p.e.id = (uint16_t)getpid();
	if (p.e.dgram && open_dgram(&p) != 0)
		goto out;
	/* The path MTU the kernel knows, asked before each request. */
	p.e.mtufd = st_route_open(p.e.fam, p.e.dst);
	p.e.pmtu_want = op.pmtu < 0 && op.spec == NULL;
	p.e.count = op.count;
	p.e.interval = op.interval;
	p.e.deadline = op.deadline;
	p.e.linger = op.linger;
	p.e.size = op.size;
	memcpy(p.e.pattern, op.pattern, sizeof(p.e.pattern));
	p.e.patlen = op.patlen;
	p.e.own_payload = op.spec != NULL && op.size == 56;
	p.e.keep = op.explain;
	p.e.timing = op.size >= 16;
	p.e.use_token = op.size >= 24 && op.patlen == 0 && op.spec == NULL;
	if (p.e.use_token && getrandom(p.e.token, sizeof(p.e.token), 0) !=
	    sizeof(p.e.token))
		p.e.use_token = 0;
	st_rtt_init(&p.e.rtt);
	if (make_spec(&p) != 0)
		goto out;
	p.v.color = st_cli_want_color(-1);
	st_out_init(&p.out, stdout);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	st_cli_sandbox();	/* from here: no new files or sockets */
	header(&p);
	if (run(&p) != 0)
		goto out;
	st_ping_statistics(&p.e, &op);
	if (op.explain)
		st_ping_explain(&p.e, &op);
	/* iputils: 1 when nothing came back, or, with -w and -c, when fewer
	 * replies than the count came before the deadline. */
	rc = p.e.received == 0 || (op.deadline > 0 && op.count > 0 &&
	    p.e.received < op.count) ? PING_EXIT_NOREPLY : ST_EXIT_OK;
out:
	if (p.e.dfd >= 0)
		close(p.e.dfd);
	if (p.e.mtufd > 0)
		close(p.e.mtufd);
	st_raw_close(&p.e.raw);
	st_vctx_free(&p.v);
	return rc;
}
