/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata send [options] SPEC: builds a packet from a layer spec, shows it,
 * sends it on a raw socket and shows the reply the same way.
 *
 * Order of work: options; raw sockets (the only step that needs
 * privileges); dropping privileges; and only then the spec, files and
 * anything received.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/cksum.h"
#include "strata/craft.h"
#include "strata/protos.h"
#include "strata/decode.h"
#include "strata/reader.h"
#include "strata/net.h"
#include "strata/predict.h"
#include "strata/view.h"
#include "cli.h"
#include "sendcli.h"


/*
 * Whether the spec fixes a field the IP_HDRINCL socket would rewrite, to
 * a value other than the one it writes: a length or checksum set to what
 * they are anyway goes the ordinary way, byte for byte the same (and so
 * is answered on loopback too, which a packet sent as built is not).
 */
static int
keeps_kernel_fields(const struct st_spec *sp, const uint8_t *b, size_t n)
{
	const struct st_spec_layer *ly = &sp->layers[0];
	size_t hl = (size_t)(b[0] & 15) * 4;

	if (ly->proto != &st_proto_ipv4 || (!st_spec_get(ly, "chksum") &&
	    !st_spec_get(ly, "len")))
		return 0;
	return n < 20 || hl < 20 || hl > n || (size_t)(b[2] << 8 | b[3]) != n ||
	    st_cksum_finish(st_cksum_add(0, b, hl)) != 0 ||
	    (b[4] == 0 && b[5] == 0) || memcmp(b + 12, "\0\0\0\0", 4) == 0;
}

/*
 * An IPv4 packet that must leave as built, to a host that is not this one:
 * the interface and next hop's MAC address for the AF_PACKET socket, found
 * before the sandbox closes (the ARP table is a file).
 */
static int
way_out(struct st_raw *raw, const uint8_t *ip)
{
	struct st_nexthop nh;
	const char *why = "";
	char dst[INET_ADDRSTRLEN], via[INET_ADDRSTRLEN];
	uint8_t src[16], src4[4];

	inet_ntop(AF_INET, ip + 16, dst, sizeof(dst));
	if (st_is_loopback(4, ip + 16))
		return 0;		/* through lo */
	if (st_route_src(4, ip + 16, src) == 0 && memcmp(src, ip + 16, 4) == 0)
		return 0;		/* this host's own address: lo too */
	if (st_nexthop_route(ip + 16, &nh, &why) != 0) {
		st_cli_err("send: %s: %s (a packet sent as built needs the "
		    "route's interface and next hop)", dst, why);
		return -1;
	}
	inet_ntop(AF_INET, nh.via, via, sizeof(via));
	memcpy(src4, ip + 12, 4);
	if (memcmp(src4, "\0\0\0\0", 4) == 0 && st_route_src(4, ip + 16,
	    src) == 0)
		memcpy(src4, src, 4);
	if (st_nexthop_mac(raw->pkt, src4, &nh, 1.0, &why) != 0) {
		st_cli_err("send: %s: %s for %s on %s within 1 s (a packet sent "
		    "as built needs the next hop's MAC address)", dst, why, via,
		    nh.ifname);
		return -1;
	}
	raw->out_index = nh.ifindex;
	memcpy(raw->out_mac, nh.mac, 6);
	snprintf(raw->how, sizeof(raw->how), "AF_PACKET socket on %s to "
	    "%02x:%02x:%02x:%02x:%02x:%02x (%s %s%s; the packet leaves as "
	    "built: nothing rewritten)", nh.ifname, nh.mac[0], nh.mac[1],
	    nh.mac[2], nh.mac[3], nh.mac[4], nh.mac[5], nh.gateway ?
	    "gateway" : "next hop", via, nh.asked ? ", by ARP" : "");
	return 0;
}

/* Before sending: which of the packet's fields the kernel will change. */
static void
kernel_changes(const uint8_t *b, size_t n, int lt, int keep)
{
	int id0, src0;

	if (lt != DLT_RAW || n < 20 || b[0] >> 4 != 4 || keep) {
		printf("on its way out: nothing changes (%s)\n", lt ==
		    DLT_EN10MB ? "the frame leaves as built" : keep ?
		    "AF_PACKET sends the packet as built" : "the IPv6 raw "
		    "socket sends the header as built");
		return;
	}
	id0 = b[4] == 0 && b[5] == 0;
	src0 = b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 0;
	if (!id0 && !src0) {
		printf("on its way out: Linux writes ip.len and ip.checksum "
		    "on an IP_HDRINCL socket; as built they\n  are what it "
		    "writes, so nothing changes\n");
		return;
	}
	printf("on its way out: Linux will change %s%s%s and ip.checksum "
	    "(recomputed)\n", id0 ? "ip.id (0: it picks one)" : "",
	    id0 && src0 ? ", " : "", src0 ? "ip.src (0.0.0.0: the outgoing "
	    "interface's address)" : "");
}

/* The seed of rand values: the first packet shown is the first sent. */
static uint64_t r_seed;

/* Parses, loads and builds the spec into buf; exits on errors. */
static int
make_packet(const struct opts *op, struct st_spec *sp, uint8_t *buf,
    size_t *len, int *lt)
{
	struct st_spec_err err;
	uint64_t rng = r_seed;

	if (st_spec_parse(op->spec, sp, &err) != 0) {
		st_cli_err("spec:1:%u: %s", err.col, err.msg);
		return ST_EXIT_USAGE;
	}
	if (err.note[0] != '\0')	/* a short name, in full */
		fprintf(stderr, "strata: note: %s\n", err.note);
	if (op->fragment != 0 && sp->frag.size == 0)
		sp->frag.size = op->fragment;
	st_spec_pick(sp, 0, &rng);	/* the first packet's values */
	if (st_spec_load(sp, &err) != 0) {
		st_cli_err("spec:1:%u: %s", err.col, err.msg);
		return ST_EXIT_RUNTIME;
	}
	if (st_spec_fill_src(sp, st_route_src, &err) != 0)
		fprintf(stderr, "strata: note: %s; the source stays 0.0.0.0 "
		    "and the kernel chooses\n", err.msg);
	if (st_build(sp, buf, ST_PKT_MAX, len, lt, &err) != 0) {
		st_cli_err("spec:1:%u: %s", err.col, err.msg);
		return ST_EXIT_USAGE;
	}
	return ST_EXIT_OK;
}

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

static void
dump(pcap_dumper_t *d, const uint8_t *b, size_t n, const struct timespec *ts)
{
	struct pcap_pkthdr h;

	if (d == NULL)
		return;
	h.ts.tv_sec = ts->tv_sec;
	h.ts.tv_usec = ts->tv_nsec / 1000;
	h.caplen = h.len = (bpf_u_int32)n;
	pcap_dump((u_char *)d, &h, b);
}

/* Whether rx is the kernel's copy of what we sent (fields it fills aside). */
static int
is_our_copy(const struct st_rx *rx, const uint8_t *b, size_t n)
{
	size_t ihl;

	if (rx->len != n || n < 20)
		return 0;
	if (b[0] >> 4 != 4)
		return memcmp(rx->buf, b, n) == 0;
	ihl = (size_t)(b[0] & 15) * 4;
	return ihl <= n && memcmp(rx->buf + 16, b + 16, 4) == 0 &&
	    memcmp(rx->buf + ihl, b + ihl, n - ihl) == 0;
}

struct run {
	const struct opts	*op;
	struct st_raw		 raw;
	pcap_t			*dead;
	pcap_dumper_t		*dumper;
	struct st_out		 out;
	struct st_vctx		 v;
	struct st_packet	 sent;
	struct st_packet	 got;
	struct st_rx		 rx;
	struct st_prediction	 pred;
	unsigned long		 replies;
	unsigned long		 frames;	/* numbered as the -w file's:
						   sent and replies */
	unsigned long		 packets;	/* sent or written */
	struct timespec		 shown;		/* the first packet's time */
	struct timespec		 sent_ts;	/* the kernel's, when it said */
	int			 mtufd;		/* st_route_open(), or -1 */
	char			 lo_why[400];	/* lo will drop it: why */
	struct st_send_steps	 steps;		/* what -c steps */
	uint8_t			 wire[ST_PKT_MAX];	/* what left, as the */
	struct st_packet	 wirepkt;		/* kernel sent it */
};

/*
 * Whether a socket of this host owns the port the sent TCP or UDP packet
 * is for; unknown unless its destination is a loopback address.
 */
static enum st_listen
listening(const struct st_packet *sent)
{
	const struct st_layer *ip, *tl;
	const struct st_field *f;
	const uint8_t *a;
	size_t n;
	int fam = 4, proto = 17;

	if ((ip = st_pkt_layer(sent, "ipv4", 0)) == NULL) {
		fam = 6;
		if ((ip = st_pkt_layer(sent, "ipv6", 0)) == NULL)
			return ST_LISTEN_UNKNOWN;
	}
	f = st_pkt_field(sent, ip, fam == 4 ? "ip.dst" : "ipv6.dst");
	if (f == NULL || (a = st_field_bytes(sent, f, &n)) == NULL ||
	    n != (fam == 4 ? 4u : 16u) || !st_is_loopback(fam, a))
		return ST_LISTEN_UNKNOWN;
	if ((tl = st_pkt_layer(sent, "udp", 0)) == NULL) {
		proto = 6;
		if ((tl = st_pkt_layer(sent, "tcp", 0)) == NULL)
			return ST_LISTEN_UNKNOWN;
	}
	f = st_pkt_field(sent, tl, proto == 6 ? "tcp.dstport" : "udp.dstport");
	return f != NULL ? st_port_listening(proto, fam, (unsigned)f->val) :
	    ST_LISTEN_UNKNOWN;
}

/* Says whether what came back (got, or NULL) was what was predicted. */
static void
say_outcome(const struct run *r, const struct st_packet *got)
{
	char line[512];

	st_predict_check(&r->pred, got, line, sizeof(line));
	printf("%s\n\n", line);
}

/* Waits for the reply to the packet in r->sent; says what came. */
static int
await_reply(struct run *r, const uint8_t *b, size_t n, int lt,
    const struct timespec *t0, double wait)
{
	struct timespec deadline = *t0;
	struct st_record rec;
	int fd = lt == DLT_EN10MB ? r->raw.link : r->raw.pkt, rc, copied = 0;
	double ms;

	r->sent_ts = *t0;	/* until the kernel's copy says better */
	r->sent_ts.tv_nsec -= r->sent_ts.tv_nsec % 1000;
	ts_add(&deadline, wait);
	while ((rc = st_raw_recv(fd, lt, &r->rx, &deadline)) == 1) {
		if (r->rx.outgoing) {
			if (!copied && is_our_copy(&r->rx, b, n)) {
				/* The kernel's time for it: one clock for
				 * the send, the reply, the file. */
				r->sent_ts = r->rx.ts;
				/* Whole microseconds, as the file holds it:
				 * the time column then subtracts exactly. */
				r->sent_ts.tv_nsec -= r->sent_ts.tv_nsec %
				    1000;
				dump(r->dumper, r->rx.buf, r->rx.len,
				    &r->sent_ts);
				memcpy(r->wire, r->rx.buf, r->rx.len);
				st_record_bytes(&rec, r->wire, r->rx.len, lt,
				    NULL);
				st_decode_frame(&r->wirepkt, &rec, 0);
				copied = 1;
			}
			continue;
		}
		if (r->rx.len == n && memcmp(r->rx.buf, b, n) == 0)
			continue;	/* our own packet, looped back */
		st_record_bytes(&rec, r->rx.buf, r->rx.len, lt, &r->rx.ts);
		st_decode_frame(&r->got, &rec, 0);
		if (!st_match_reply(&r->sent, &r->got))
			continue;
		if (!copied)
			dump(r->dumper, b, n, &r->sent_ts);
		dump(r->dumper, r->rx.buf, r->rx.len, &r->rx.ts);
		/* In whole microseconds, as the time column and the pcap
		 * file hold both times: the same number in all three. */
		ms = (double)((r->rx.ts.tv_sec - r->sent_ts.tv_sec) * 1000000 +
		    r->rx.ts.tv_nsec / 1000 - r->sent_ts.tv_nsec / 1000) / 1e3;
		r->got.num = ++r->frames;
		if (r->sent.num == 1) {	/* the time column from the send */
			r->v.t0 = r->sent_ts;
			r->v.have_t0 = 1;
		}
		printf("reply after %.3f ms:\n", ms);
		st_cli_show(&r->op->c.vs, &r->out, &r->got, &r->v);
		if (st_pkt_layer(&r->got, "ipv4", 1) != NULL ||
		    st_pkt_layer(&r->got, "ipv6", 1) != NULL) {
			printf("the packet it quotes, against the one that "
			    "left%s:\n", copied ? " (as this host's kernel sent "
			    "it)" : "");
			st_quote_diff(&r->out, copied ? &r->wirepkt : &r->sent,
			    &r->got);
			st_out_flush(&r->out);
		}
		say_outcome(r, &r->got);
		r->replies++;
		return 0;
	}
	if (rc < 0) {
		st_cli_err("receiving: %s", strerror(errno));
		return -1;
	}
	if (!copied)
		dump(r->dumper, b, n, &r->sent_ts);
	printf("no reply within %g s\n", wait);
	if (r->lo_why[0] != '\0')
		printf("not as predicted: no reply, and none could come: this "
		    "host dropped it (see the note before sending)\n\n");
	else
		say_outcome(r, NULL);
	return 0;
}

/* Starts the pcap file on fp (opened before privileges were dropped). */
static int
open_dumper(struct run *r, FILE *fp, int lt)
{
	if (fp == NULL)
		return 0;
	if ((r->dead = pcap_open_dead(lt, 262144)) == NULL ||
	    (r->dumper = pcap_dump_fopen(r->dead, fp)) == NULL) {
		st_cli_err("%s: %s", r->op->wfile, r->dead != NULL ?
		    pcap_geterr(r->dead) : "cannot start a pcap file");
		fclose(fp);
		return -1;
	}
	return 0;
}

/* The words after a send fails: for a packet too big, the MTU. */
static void
send_failed(const struct run *r, const char *how, size_t n)
{
	int e = errno, mtu = st_route_mtu(r->mtufd, r->sent.nlayers > 0 &&
	    r->sent.data[0] >> 4 == 6 ? 6 : 4);

	if (e == EMSGSIZE && mtu > 0)
		st_cli_err("sending via %s: %s: the packet is %zu bytes, over "
		    "the MTU of %d on its way (the kernel's IP_MTU for the "
		    "destination); send at most %d bytes, or cut it into "
		    "fragments with --fragment %d", how, strerror(e), n, mtu,
		    mtu, (mtu - 60) / 8 * 8);
	else
		st_cli_err("sending via %s: %s", how, strerror(e));
}

/* The frames of a spec as they go out, for send_frame. */
struct sender {
	struct run	*r;
	int		 keep;
	unsigned long	 frames;	/* handed out so far */
	unsigned long	 total;
	size_t		 prevn;
	uint8_t		 prev[ST_PKT_MAX];
	struct timespec	 start;		/* CLOCK_MONOTONIC, for --rate */
};

static int
count_frame(void *arg, uint64_t i, const uint8_t *b, size_t n, int lt)
{
	(void)i, (void)b, (void)n, (void)lt;
	((struct sender *)arg)->total++;
	return 0;
}

/* A packet unlike the one before (a list, a range, a fragment): shown,
 * and what it should bring back worked out again. */
static void
show_next(struct run *r, const uint8_t *b, size_t n, int lt,
    const struct timespec *t0, unsigned long num)
{
	struct st_record rec;

	st_record_bytes(&rec, b, n, lt, t0);
	rec.num = num;
	st_decode_frame(&r->sent, &rec, 0);
	st_cli_show(&r->op->c.vs, &r->out, &r->sent, &r->v);
	st_predict(&r->sent, ST_LISTEN_UNKNOWN, &r->pred);
}

/* Waits for frame k's turn: -i after the one before, or --rate's slot. */
static void
pace(struct sender *s)
{
	const struct opts *op = s->r->op;
	struct timespec t;
	double at;

	if (s->frames == 0 || op->flood || op->dry)
		return;
	if (!op->rate_given) {
		t.tv_sec = (time_t)op->interval;
		t.tv_nsec = (long)((op->interval - floor(op->interval)) * 1e9);
		nanosleep(&t, NULL);
		return;
	}
	at = (double)s->frames * op->interval;
	t = s->start;
	ts_add(&t, at);
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL);
}

static int
send_frame(void *arg, uint64_t i, const uint8_t *b, size_t n, int lt)
{
	struct sender *s = arg;
	struct run *r = s->r;
	const char *how = NULL;
	struct timespec t0;
	double wait = r->op->timeout;

	(void)i;
	pace(s);
	clock_gettime(CLOCK_REALTIME, &t0);
	if (r->op->dry)		/* nothing leaves: no time passes */
		t0 = r->shown;
	/* Under --flood, only the first packet is shown. */
	if (!r->op->flood && (n != s->prevn || memcmp(b, s->prev, n) != 0))
		show_next(r, b, n, lt, &t0, r->frames + 1);
	memcpy(s->prev, b, n);
	s->prevn = n;
	s->frames++;
	r->packets = s->frames;
	r->sent.num = ++r->frames;
	if (r->op->dry) {
		dump(r->dumper, b, n, &t0);
		return 0;
	}
	if (st_raw_send(&r->raw, b, n, lt, s->keep, &how) != 0) {
		send_failed(r, how, n);
		return -1;
	}
	if (r->op->flood) {
		dump(r->dumper, b, n, &t0);
		return 0;
	}
	if (s->frames == 1)
		printf("sent %zu bytes via %s\n", n, how);
	else
		printf("sent %zu bytes (%lu of %lu)\n", n, s->frames, s->total);
	/* Under --rate, a reply counts until the next packet's turn. */
	if (r->op->rate_given && s->frames < s->total && r->op->interval <
	    wait)
		wait = r->op->interval;
	return await_reply(r, b, n, lt, &t0, wait);
}

/* --flood only where no one else is hit: loopback, 198.18.0.0/15. */
static int
flood_ok(const uint8_t *b, size_t n, int lt)
{
	size_t l3 = lt == DLT_EN10MB ? 14 : 0;

	if (n >= l3 + 40 && b[l3] >> 4 == 6)
		return st_is_loopback(6, b + l3 + 24);
	if (n < l3 + 20 || b[l3] >> 4 != 4)
		return 0;
	return st_is_loopback(4, b + l3 + 16) || (b[l3 + 16] == 198 &&
	    (b[l3 + 17] & 0xfe) == 18);
}

/* Sends (or writes) every frame of the spec; the summary after many. */
static int
send_loop(struct run *r, struct st_spec *sp, const uint8_t *first,
    size_t n, int keep)
{
	static struct sender s;
	struct st_spec_err err;
	struct timespec t0, t1;
	uint64_t count = r->op->count_given ? r->op->count : 0;
	double secs;

	s.r = r;
	s.keep = keep;
	memcpy(s.prev, first, n);	/* shown already */
	s.prevn = n;
	st_spec_each(sp, count, r_seed, count_frame, &s, &err);
	clock_gettime(CLOCK_MONOTONIC, &s.start);
	t0 = s.start;
	if (st_spec_each(sp, count, r_seed, send_frame, &s, &err) != 0)
		return ST_EXIT_RUNTIME;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec -
	    t0.tv_nsec) / 1e9;
	if (r->op->dry || s.frames < 2)
		return ST_EXIT_OK;
	if (r->op->flood)
		printf("%lu sent in %.3f s (%.0f packets/s); --flood awaits no "
		    "replies\n", s.frames, secs, secs > 0 ? s.frames / secs :
		    0);
	else
		printf("%lu sent, %lu answered, %lu lost (%.0f%%) in %.3f s\n",
		    s.frames, r->replies, s.frames - r->replies, 100.0 *
		    (double)(s.frames - r->replies) / (double)s.frames, secs);
	return ST_EXIT_OK;
}

/*
 * Before sending: that this host's own kernel will drop a packet sent
 * as built through lo, and what to do.
 */
static void
foresee(struct run *r, const uint8_t *b, size_t n, int lt, int keep)
{
	const uint8_t *ip = lt == DLT_EN10MB ? b + 14 : b;
	size_t ipn = lt == DLT_EN10MB ? (n > 14 ? n - 14 : 0) : n;
	int through_lo;

	through_lo = lt == DLT_EN10MB ? r->op->ifname != NULL &&
	    strcmp(r->op->ifname, "lo") == 0 : keep && ipn >= 20 &&
	    st_send_is_local(4, ip + 16);
	if (through_lo && !(r->pred.expect == ST_OUT_NONE) &&
	    st_send_lo_drop(ip, ipn, lt == DLT_EN10MB ? b : NULL, r->lo_why,
	    sizeof(r->lo_why)))
		printf("note: no answer can come on this host: %s.  Send it "
		    "to a host in a network namespace instead (tests/live.sh "
		    "makes one: ip netns add, a veth pair, 198.18.0.2), or let "
		    "lo take it: sysctl -w net.ipv4.conf.lo.route_localnet=1 "
		    "net.ipv4.conf.lo.accept_local=1\n", r->lo_why);
}

/*
 * A spoofed source (not this host's): whatever answers goes there, so the
 * prediction is silence here, and says where the answer goes.
 */
static void
spoofed(struct run *r, const uint8_t *b, size_t n, int lt)
{
	const uint8_t *ip = lt == DLT_EN10MB ? b + 14 : b;
	size_t ipn = lt == DLT_EN10MB ? (n > 14 ? n - 14 : 0) : n;
	char src[INET6_ADDRSTRLEN], was[380];
	size_t k;
	int fam;

	if (ipn < 20 || (ip[0] >> 4 != 4 && ip[0] >> 4 != 6) ||
	    (ip[0] >> 4 == 6 && ipn < 40))
		return;
	fam = ip[0] >> 4;
	if ((fam == 4 && memcmp(ip + 12, "\0\0\0\0", 4) == 0) ||
	    st_send_is_local(fam, fam == 4 ? ip + 12 : ip + 8))
		return;
	inet_ntop(fam == 4 ? AF_INET : AF_INET6, fam == 4 ? ip + 12 : ip + 8,
	    src, sizeof(src));
	k = strnlen(r->pred.text, sizeof(was) - 1);
	memcpy(was, r->pred.text, k);
	was[k] = '\0';
	if (snprintf(r->pred.text, sizeof(r->pred.text), "nothing here: the "
	    "source %s is not this host's, so the answer (%s) goes to %s",
	    src, was, src) >= (int)sizeof(r->pred.text))
		r->pred.text[sizeof(r->pred.text) - 1] = '\0';
	r->pred.expect = r->pred.primary = ST_OUT_NONE;
}

int
st_cmd_send(int argc, char **argv)
{
	static struct run r;
	static struct st_spec sp;
	static uint8_t buf[ST_PKT_MAX];
	static struct opts op;
	const char *what = "";
	struct st_record rec;
	struct timespec now;
	FILE *wfp = NULL;
	size_t n;
	int lt, rc, keep;

	r.raw.send4 = r.raw.send6 = r.raw.pkt = r.raw.link = -1;
	r.mtufd = -1;
	if (st_send_parse_opts(&op, argc, argv) != 0)
		return ST_EXIT_USAGE;
	r.op = &op;
	if (op.list) {
		st_send_list_layers();
		return ST_EXIT_OK;
	}
	/* 1. The raw sockets: the only step that needs privileges. */
	if (!op.dry && st_raw_open(&r.raw, op.ifname, &what) != 0) {
		if (errno == EPERM || errno == EACCES) {
			st_cli_err("send: %s: %s: %s (--dry-run -w FILE.pcap needs "
			    "neither)", what, strerror(errno), st_priv_hint());
			st_cli_doctor();
		} else
			st_cli_err("send: %s: %s", what, strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	/* The output file too: the user asked for it where they are. */
	if (op.wfile != NULL && (wfp = fopen(op.wfile, "wb")) == NULL) {
		st_cli_err("%s: %s", op.wfile, strerror(errno));
		st_raw_close(&r.raw);
		return ST_EXIT_RUNTIME;
	}
	/* 2. Give privileges up before reading the spec or any reply. */
	if (st_priv_drop(&what) != 0) {
		st_cli_err("send: dropping privileges: %s: %s", what,
		    strerror(errno));
		if (wfp != NULL)
			fclose(wfp);
		st_raw_close(&r.raw);
		return ST_EXIT_RUNTIME;
	}
	/* 3. The spec, its payload file, the packet. */
	clock_gettime(CLOCK_REALTIME, &now);
	r_seed = (uint64_t)now.tv_nsec << 20 ^ (uint64_t)now.tv_sec;
	if ((rc = make_packet(&op, &sp, buf, &n, &lt)) != ST_EXIT_OK)
		goto out;
	if (op.flood && !flood_ok(buf, n, lt)) {
		st_cli_err("send: --flood only to a loopback address or the "
		    "198.18.0.0/15 test network (a namespace of your own)");
		rc = ST_EXIT_USAGE;
		goto out;
	}
	if (!op.flood && op.interval < 1e-4 && !op.dry) {
		st_cli_err("send: more than 10000 packets a second needs "
		    "--flood");
		rc = ST_EXIT_USAGE;
		goto out;
	}
	keep = lt == DLT_RAW && keeps_kernel_fields(&sp, buf, n);
	if (!op.dry && lt == DLT_EN10MB && op.ifname == NULL) {
		st_cli_err("send: a spec that starts with eth needs -I IFACE");
		rc = ST_EXIT_USAGE;
		goto out;
	}
	if (!op.dry && keep && lt == DLT_RAW && way_out(&r.raw, buf) != 0) {
		rc = ST_EXIT_RUNTIME;
		goto out;
	}
	rc = open_dumper(&r, wfp, lt);
	wfp = NULL;
	if (rc != 0) {
		rc = ST_EXIT_RUNTIME;
		goto out;
	}
	r.v.color = st_cli_want_color(op.c.color);
	st_out_init(&r.out, stdout);
	clock_gettime(CLOCK_REALTIME, &now);
	r.shown = now;
	st_record_bytes(&rec, buf, n, lt, &now);
	rec.num = 1;
	st_decode_frame(&r.sent, &rec, 0);
	st_cli_show(&op.c.vs, &r.out, &r.sent, &r.v);
	st_predict(&r.sent, op.dry ? ST_LISTEN_UNKNOWN : listening(&r.sent),
	    &r.pred);
	if (!op.dry)
		spoofed(&r, buf, n, lt);
	printf("%s: %s\n", op.dry ? "would come back" : "expect",
	    r.pred.text);
	if (op.count_given)	/* -c N: hping3 steps what the spec left */
		st_send_plan_steps(&r.steps, &sp);
	if (!op.dry) {
		foresee(&r, buf, n, lt, keep);
		kernel_changes(buf, n, lt, keep);
		r.mtufd = st_route_open(buf[0] >> 4 == 6 && lt == DLT_RAW ? 6 :
		    4, lt == DLT_RAW ? (buf[0] >> 4 == 6 ? buf + 24 : buf + 16) :
		    buf + 14 + 16);
		st_cli_sandbox();	/* no new files or sockets from here */
	}
	rc = send_loop(&r, &sp, buf, n, keep);
	if (op.dry && r.packets > 1)
		printf("dry run: %lu packets, nothing sent%s%s\n", r.packets,
		    op.wfile != NULL ? "; written to " : "", op.wfile != NULL ?
		    op.wfile : "");
	else if (op.dry)
		printf("dry run: nothing sent%s%s\n", op.wfile != NULL ?
		    "; written to " : "", op.wfile != NULL ? op.wfile : "");
out:
	if (wfp != NULL)
		fclose(wfp);
	if (r.dumper != NULL)
		pcap_dump_close(r.dumper);
	if (r.dead != NULL)
		pcap_close(r.dead);
	if (r.mtufd >= 0)
		close(r.mtufd);
	st_raw_close(&r.raw);
	st_vctx_free(&r.v);
	return rc;
}
