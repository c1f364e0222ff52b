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
#include "strata/reader.h"
#include "strata/net.h"
#include "strata/view.h"
#include "cli.h"

#define QUIET_MS	120	/* no packet for this long: the call is done */
#define KINDS		64

struct demo {
	pcap_t			*cap;		/* r's handle, NULL if none */
	struct st_reader	 r;
	struct st_cli_opts	 c;		/* --view */
	int			 step;
	struct st_out		 out;
	struct st_vctx		 v;
	struct st_packet	 pkt;
	unsigned long long	 n;
	char			 kinds[KINDS][48];	/* seen: diagram once */
	unsigned		 nkinds;
	uint32_t		 isn[2];		/* for relative seq */
	uint16_t		 cport;			/* client's port */
	int			 mss_view;
};



static void
demo_usage(FILE *fp)
{
	fputs("usage: strata demo [--step] [--view LIST] [--size N] "
	    "[--with epoll|poll|select]\n"
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
static void
call(struct demo *d, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
drain(struct demo *d);

static void
call(struct demo *d, const char *who, const char *fmt, ...)
{
	va_list ap;

	wait_step(d);
	printf("\xe2\x94\x80\xe2\x94\x80 %s: ", who);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	drain(d);
}

static void
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
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
	say("%s carries message bytes %u-%llu: seq %u:%llu (relative to the "
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
static void
drain(struct demo *d)
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

static void
states(uint16_t cport, uint16_t sport)
{
	say("TCP states (from the kernel): client %s, server %s",
	    st_demo_tcp_state(cport, sport), st_demo_tcp_state(sport, cport));
}

/* A listening server on 127.0.0.1 at a free port. */
static int
server(struct demo *d, int type, uint16_t *port)
{
	struct sockaddr_in a;
	int s;

	s = socket(AF_INET, type, 0);
	call(d, "server", "socket(AF_INET, %s, 0) = %d", type == SOCK_STREAM ?
	    "SOCK_STREAM" : "SOCK_DGRAM", s);
	say("a socket is kernel state only: nothing on the wire");
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) != 0)
		return -1;
	*port = st_demo_port_of(s);
	call(d, "server", "bind(%d, 127.0.0.1:%u) = 0", s, *port);
	say("the kernel chose port %u (port 0 asks for a free one)", *port);
	return s;
}

static int
open_capture(struct demo *d, const char *filter)
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
static int
capture_port(struct demo *d, const char *proto, uint16_t port)
{
	char filter[64];

	snprintf(filter, sizeof(filter), "%s port %u", proto, port);
	return open_capture(d, filter);
}

static int own_netns(int mtu);

static int
demo_tcp(struct demo *d, size_t size)
{
	struct sockaddr_in a;
	char msg[65536], buf[65536];
	const char *text = "hello, layers\n";
	uint16_t sport, cport;
	size_t n = size > 0 ? size : strlen(text), i;
	ssize_t r;
	int s, c, x, maxseg = 536;

	for (i = 0; i < n && i < sizeof(msg); i++)
		msg[i] = size > 0 ? (char)('a' + i % 26) : text[i];
	/* Port first, then the capture, then the calls it watches. */
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return -1;
	close(s);
	if (d->mss_view) {
		printf("A %zu-byte message over TCP with an MSS of %d.\n", n,
		    maxseg);
		if (own_netns(1500) != 0)
			return -1;
	} else
		printf("A TCP connection on loopback, call by call.\n");
	if ((s = server(d, SOCK_STREAM, &sport)) < 0)
		return -1;
	if (capture_port(d, "tcp", sport) != 0)
		return -1;
	if (d->mss_view) {
		setsockopt(s, IPPROTO_TCP, TCP_MAXSEG, &maxseg, sizeof(maxseg));
		call(d, "server", "setsockopt(%d, IPPROTO_TCP, TCP_MAXSEG, "
		    "%d) = 0", s, maxseg);
		say("the server will announce an MSS of %d in its SYN-ACK: no "
		    "segment sent to it may carry more", maxseg);
	}
	x = listen(s, 8);
	call(d, "server", "listen(%d, 8) = %d", s, x);
	say("server socket now %s: the kernel will answer SYNs for it",
	    st_demo_tcp_state(sport, 0));
	c = socket(AF_INET, SOCK_STREAM, 0);
	call(d, "client", "socket(AF_INET, SOCK_STREAM, 0) = %d", c);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(sport);
	x = connect(c, (struct sockaddr *)&a, sizeof(a));
	cport = d->cport = st_demo_port_of(c);
	call(d, "client", "connect(%d, 127.0.0.1:%u) = %d", c, sport, x);
	say("the three-way handshake: SYN, SYN-ACK, ACK; connect() returns "
	    "when it is done (SYN_SENT and SYN_RECEIVED last microseconds on "
	    "loopback)");
	states(cport, sport);
	x = accept(s, NULL, NULL);
	call(d, "server", "accept(%d) = %d", s, x);
	say("no packets: the kernel finished the handshake already, accept() "
	    "takes it from the queue");
	r = send(c, msg, n, 0);
	call(d, "client", "send(%d, %zu bytes) = %zd", c, n, r);
	say(d->mss_view ? "the message leaves as several segments: each "
	    "carries at most the MSS less the options every segment repeats "
	    "(12 bytes of timestamps: 536 - 12 = 524); the last has PSH" :
	    "one data segment (PSH) and its acknowledgment");
	for (i = 0; i < n;) {
		ssize_t k = recv(x, buf + i, sizeof(buf) - i, 0);

		if (k <= 0)
			break;
		i += (size_t)k;
	}
	call(d, "server", "recv(%d) = %zu bytes%s", x, i, size > 0 ? "" :
	    ": \"hello, layers\\n\"");
	say("no packets: the data was already in the server's receive "
	    "buffer");
	if (!d->mss_view) {
		r = send(x, "strata says hi\n", 15, 0);
		call(d, "server", "send(%d, \"strata says hi\\n\") = %zd", x, r);
		say("the reply: a data segment the other way, and its ACK");
		r = recv(c, buf, sizeof(buf), 0);
		call(d, "client", "recv(%d) = %zd bytes", c, r);
	}
	x = close(c) == 0 ? x : x;
	call(d, "client", "close(%d) = 0", c);
	say("the client's FIN, and the server's ACK of it (FIN_WAIT_1 until "
	    "that ACK came)");
	states(cport, sport);
	close(x);
	call(d, "server", "close(%d) = 0", x);
	say("the server's FIN (LAST_ACK until answered) and the client's last "
	    "ACK; the client waits in TIME_WAIT so late segments die");
	states(cport, sport);
	close(s);
	call(d, "server", "close(%d) = 0", s);
	say("the listening socket goes: nothing on the wire");
	return 0;
}

static int
demo_udp(struct demo *d)
{
	struct sockaddr_in a;
	char buf[512];
	uint16_t sport;
	socklen_t l;
	ssize_t r;
	int s, c;

	printf("UDP on loopback: no connection, no handshake.\n");
	if ((s = server(d, SOCK_DGRAM, &sport)) < 0)
		return -1;
	if (capture_port(d, "udp", sport) != 0)
		return -1;
	c = socket(AF_INET, SOCK_DGRAM, 0);
	call(d, "client", "socket(AF_INET, SOCK_DGRAM, 0) = %d", c);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(sport);
	r = sendto(c, "ping over udp", 13, 0, (struct sockaddr *)&a, sizeof(a));
	call(d, "client", "sendto(%d, \"ping over udp\", 127.0.0.1:%u) = %zd",
	    c, sport, r);
	say("one datagram, at once: UDP sends without asking first");
	l = sizeof(a);
	r = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&a, &l);
	call(d, "server", "recvfrom(%d) = %zd bytes from 127.0.0.1:%u", s, r,
	    ntohs(a.sin_port));
	r = sendto(s, "pong over udp", 13, 0, (struct sockaddr *)&a, l);
	call(d, "server", "sendto(%d, \"pong over udp\", 127.0.0.1:%u) = %zd",
	    s, ntohs(a.sin_port), r);
	say("the answer: one datagram back, no acknowledgment of either");
	r = recv(c, buf, sizeof(buf), 0);
	call(d, "client", "recv(%d) = %zd bytes", c, r);
	close(c);
	call(d, "client", "close(%d) = 0", c);
	close(s);
	call(d, "server", "close(%d) = 0", s);
	say("closing a UDP socket sends nothing: there was no connection");
	return 0;
}

static int
demo_ping(struct demo *d)
{
	static struct st_spec sp;
	static uint8_t buf[ST_PKT_MAX];
	struct st_spec_err err;
	struct st_raw raw;
	const char *how = "";
	size_t n;
	int lt;

	printf("A crafted ICMP echo request to 127.0.0.1, and its reply.\n");
	if (st_raw_open(&raw, NULL, &how) != 0) {
		printf("(raw sockets need sudo: %s; 'strata doctor' shows "
		    "every fix)\n", st_priv_hint());
		return -1;
	}
	if (open_capture(d, "icmp and host 127.0.0.1") != 0)
		return -1;
	if (st_spec_parse("ip(src=127.0.0.1,dst=127.0.0.1,ttl=64)/icmp(type="
	    "echo-request,id=4242,seq=1)/\"layers all the way down\"", &sp,
	    &err) != 0 || st_build(&sp, buf, sizeof(buf), &n, &lt, &err) != 0)
		return -1;
	if (st_raw_send(&raw, buf, n, lt, 0, &how) != 0) {
		st_cli_err("demo: send: %s", strerror(errno));
		st_raw_close(&raw);
		return -1;
	}
	call(d, "strata", "sendto(raw socket, %zu bytes) = %zu", n, n);
	say("the request went down through IPv4 onto lo; the kernel's ICMP "
	    "answered with an echo reply: same id, same seq, same data");
	st_raw_close(&raw);
	return 0;
}

/* Moves the demo into a network namespace of its own, lo set up. */
static int
own_netns(int mtu)
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

static int
demo_fragment(struct demo *d)
{
	struct sockaddr_in a;
	char msg[3000];
	int s, c, off = IP_PMTUDISC_DONT;
	uint16_t sport;
	ssize_t r;
	int mtu = 1280;

	printf("A 3000-byte UDP message over a link with MTU %d: IPv4 "
	    "fragments.\n", mtu);
	if (own_netns(mtu) != 0)
		return -1;
	if ((s = server(d, SOCK_DGRAM, &sport)) < 0)
		return -1;
	if (open_capture(d, "ip") != 0)
		return -1;
	c = socket(AF_INET, SOCK_DGRAM, 0);
	call(d, "client", "socket(AF_INET, SOCK_DGRAM, 0) = %d", c);
	setsockopt(c, IPPROTO_IP, IP_MTU_DISCOVER, &off, sizeof(off));
	call(d, "client", "setsockopt(%d, IP_MTU_DISCOVER, IP_PMTUDISC_DONT) "
	    "= 0", c);
	say("let the kernel fragment (DF clear) instead of refusing");
	memset(msg, 'x', sizeof(msg));
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(sport);
	r = sendto(c, msg, sizeof(msg), 0, (struct sockaddr *)&a, sizeof(a));
	call(d, "client", "sendto(%d, 3000 bytes, 127.0.0.1:%u) = %zd", c,
	    sport, r);
	say("UDP header 8 + data 3000 = 3008 bytes to carry; each fragment "
	    "holds at most MTU - 20 = %d, rounded down to 8s: %d", mtu - 20,
	    (mtu - 20) / 8 * 8);
	say("offsets 0, %d, %d (ip.frag_offset in bytes; the header holds "
	    "them /8: 0, %d, %d); MF set on all but the last",
	    (mtu - 20) / 8 * 8, 2 * ((mtu - 20) / 8 * 8), (mtu - 20) / 8,
	    2 * ((mtu - 20) / 8));
	say("only the first fragment holds the UDP header (8 + 1248 data "
	    "bytes): the others are data until the receiver reassembles them, "
	    "so their ports are unknown on the wire");
	r = recv(s, msg, sizeof(msg), 0);
	call(d, "server", "recv(%d) = %zd bytes", s, r);
	say("the receiving kernel put the fragments back together: one "
	    "datagram of %zd bytes", r);
	close(c);
	close(s);
	return 0;
}

/* Shows packets for ms milliseconds, however quiet (for timers). */
static void
watch(struct demo *d, int ms)
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
static int
connect_pair(struct demo *d, int l, uint16_t port, int *cli, int *srv)
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
	call(d, "client", "socket() = %d; connect(%d, 127.0.0.1:%u) = 0", *cli,
	    *cli, port);
	*srv = accept(l, NULL, NULL);
	call(d, "server", "accept(%d) = %d", l, *srv);
	return *srv < 0 ? -1 : 0;
}

static int
demo_buffers(struct demo *d)
{
	char chunk[4096], buf[65536];
	int l, c, s, small = 4096, got, total = 0, fl;
	uint16_t port;
	socklen_t sl = sizeof(got);
	ssize_t r;
	unsigned calls = 0;

	printf("Socket buffers made visible: a receiver that stops reading.\n");
	if ((l = server(d, SOCK_STREAM, &port)) < 0)
		return -1;
	if (capture_port(d, "tcp", port) != 0)
		return -1;
	setsockopt(l, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
	getsockopt(l, SOL_SOCKET, SO_RCVBUF, &got, &sl);
	call(d, "server", "setsockopt(%d, SO_RCVBUF, %d) = 0; getsockopt -> "
	    "%d", l, small, got);
	say("the kernel doubles what it is given (for its own bookkeeping): "
	    "a small receive buffer, so a small window");
	listen(l, 8);
	call(d, "server", "listen(%d, 8) = 0", l);
	if (connect_pair(d, l, port, &c, &s) != 0)
		return -1;
	setsockopt(c, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
	fl = 1;
	ioctl(c, FIONBIO, &fl);
	call(d, "client", "setsockopt(%d, SO_SNDBUF, %d) = 0; ioctl(%d, "
	    "FIONBIO, 1) = 0", c, small, c);
	say("the client's sends no longer wait: when the send buffer is "
	    "full, send() fails with EAGAIN instead of blocking");
	memset(chunk, 'z', sizeof(chunk));
	for (;;) {
		r = send(c, chunk, sizeof(chunk), 0);
		if (r < 0)
			break;
		total += (int)r;
		calls++;
	}
	call(d, "client", "send(%d, 4096 bytes) x %u = %d bytes, then -1 %s",
	    c, calls, total, errno == EAGAIN ? "EAGAIN" : strerror(errno));
	say("the data went as far as the window allowed; the window shrank "
	    "to 0 as the server's buffer filled (see win)");
	say("bytes queued: server receive buffer SIOCINQ = %d, client send "
	    "buffer SIOCOUTQ = %d", st_demo_queued(s, SIOCINQ), st_demo_queued(c, SIOCOUTQ));
	printf("   (watching for 2 s while nobody reads)\n");
	watch(d, 2000);
	say("with a zero window the sender probes now and then (the "
	    "segments one byte behind, len 0) and the receiver answers win 0");
	r = 0;
	got = 0;
	while ((r = recv(s, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
		got += (int)r;
	call(d, "server", "recv(%d) until empty = %d bytes", s, got);
	say("reading frees the buffer: the server announces an open window, "
	    "and the client's queued bytes flow again");
	watch(d, 500);
	while ((r = recv(s, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
		got += (int)r;
	say("bytes queued now: server SIOCINQ = %d, client SIOCOUTQ = %d",
	    st_demo_queued(s, SIOCINQ), st_demo_queued(c, SIOCOUTQ));
	close(c);
	close(s);
	close(l);
	call(d, "both", "close() = 0");
	return 0;
}

static int
demo_multiplex(struct demo *d, const char *api)
{
	const char *fn = strcmp(api, "epoll") == 0 ? "epoll_wait" : api;
	struct sockaddr_in a;
	char buf[256];
	int l, ep = -1, fds[8], nfds = 0, cli[3], ready[8], k, i, j, fl = 1;
	uint16_t port;
	ssize_t r;

	printf("One server, three clients, one thread: readiness with %s.\n",
	    api);
	if ((l = server(d, SOCK_STREAM, &port)) < 0)
		return -1;
	if (capture_port(d, "tcp", port) != 0)
		return -1;
	ioctl(l, FIONBIO, &fl);
	listen(l, 8);
	call(d, "server", "ioctl(%d, FIONBIO, 1) = 0; listen(%d, 8) = 0", l, l);
	r = accept(l, NULL, NULL);
	call(d, "server", "accept(%d) = %zd %s", l, r, r < 0 && errno == EAGAIN ?
	    "EAGAIN" : "");
	say("non-blocking: with nobody connecting, accept() returns at once "
	    "(a blocking one would wait here)");
	if (strcmp(api, "epoll") == 0) {
		struct epoll_event ev = { .events = EPOLLIN };

		ep = epoll_create1(0);
		ev.data.fd = l;
		epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
		call(d, "server", "epoll_create1(0) = %d; epoll_ctl(ADD, %d, "
		    "EPOLLIN) = 0", ep, l);
	}
	fds[nfds++] = l;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(port);
	for (i = 0; i < 3; i++) {
		cli[i] = socket(AF_INET, SOCK_STREAM, 0);
		connect(cli[i], (struct sockaddr *)&a, sizeof(a));
		d->cport = st_demo_port_of(cli[i]);
		call(d, "client", "connect(%d) = 0 (client %d)", cli[i], i + 1);
		k = st_demo_wait_ready(api, ep, fds, nfds, ready, 1000);
		call(d, "server", "%s() = %d: fd %d readable", fn, k, l);
		say("a finished handshake makes the listening socket readable: "
		    "accept() will not block");
		fds[nfds] = accept(l, NULL, NULL);
		ioctl(fds[nfds], FIONBIO, &fl);
		if (ep >= 0) {
			struct epoll_event ev = { .events = EPOLLIN };

			ev.data.fd = fds[nfds];
			epoll_ctl(ep, EPOLL_CTL_ADD, fds[nfds], &ev);
		}
		call(d, "server", "accept(%d) = %d (watched too)", l,
		    fds[nfds]);
		nfds++;
	}
	for (i = 2; i >= 0; i--) {
		snprintf(buf, sizeof(buf), "message from client %d", i + 1);
		send(cli[i], buf, strlen(buf), 0);
		call(d, "client", "send(%d, \"%s\") = %zu", cli[i], buf,
		    strlen(buf));
		k = st_demo_wait_ready(api, ep, fds, nfds, ready, 1000);
		for (j = 0; j < k; j++) {
			r = recv(ready[j], buf, sizeof(buf), 0);
			call(d, "server", "%s() = %d: fd %d readable; recv(%d) = "
			    "%zd", fn, k, ready[j], ready[j], r);
			send(ready[j], buf, (size_t)(r > 0 ? r : 0), 0);
			call(d, "server", "send(%d, %zd bytes) = %zd (echo)",
			    ready[j], r, r);
		}
		r = recv(cli[i], buf, sizeof(buf), 0);
		call(d, "client", "recv(%d) = %zd (the echo)", cli[i], r);
		say("only the socket whose segment arrived is reported: one "
		    "thread serves them all, none waits on a quiet client");
	}
	for (i = 0; i < 3; i++)
		close(cli[i]);
	call(d, "clients", "close() x 3");
	say("each client's FIN (a close with unread data would send a RST "
	    "instead)");
	k = st_demo_wait_ready(api, ep, fds, nfds, ready, 1000);
	for (j = 0; j < k; j++) {
		r = recv(ready[j], buf, sizeof(buf), 0);
		call(d, "server", "%s(): fd %d readable; recv(%d) = %zd (end of "
		    "stream: the FIN)", fn, ready[j], ready[j], r);
		close(ready[j]);
	}
	say("a FIN makes a socket readable too: recv() returns 0");
	close(l);
	if (ep >= 0)
		close(ep);
	return 0;
}

int
st_cmd_demo(int argc, char **argv)
{
	enum { O_STEP = 256, O_SIZE, O_WITH };
	static const struct option lo[] = {
		{ "step", no_argument, NULL, O_STEP },
		{ "view", required_argument, NULL, ST_CLI_O_VIEW },
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
		if ((rc = st_cli_opt(&d.c, ST_CLI_VIEW, "demo", ch, optarg)) !=
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
	d.v.color = st_cli_want_color(-1);
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
	st_vctx_free(&d.v);
	return rc == 0 ? ST_EXIT_OK : ST_EXIT_RUNTIME;
}
