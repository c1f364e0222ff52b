/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The demos themselves: each a script of socket calls on loopback, told
 * call by call, with what each put on the wire (src/cli/demo.c shows it).
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
#include "democli.h"

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
loopback(struct sockaddr_in *a, uint16_t port)
{
	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a->sin_port = htons(port);
}

/*
 * The handshake, held half-way: the client's socket is made deaf (a
 * socket filter drops what it receives) so that the SYN-ACK is lost, and
 * SYN_SENT and SYN_RECEIVED, which last microseconds on loopback, can be
 * read; then it hears again and the retransmitted SYN-ACK completes it.
 */
static int
tcp_connect_held(struct demo *d, int c, uint16_t sport)
{
	struct sockaddr_in a;
	struct pollfd p = { .fd = c, .events = POLLOUT };
	double t;
	int fl = 1, x, e;

	x = st_demo_deaf(c, 1);
	demo_call(d, "client", "setsockopt(%d, SO_ATTACH_FILTER, {ret 0}) = %d",
	    c, x);
	demo_say("for a moment the client's socket drops whatever it receives "
	    "(a one-instruction socket filter): the handshake stops half-way, "
	    "so its short-lived states can be read");
	ioctl(c, FIONBIO, &fl);
	loopback(&a, sport);
	x = connect(c, (struct sockaddr *)&a, sizeof(a));
	e = errno;
	d->cport = st_demo_port_of(c);
	demo_call(d, "client", "ioctl(%d, FIONBIO, 1); connect(%d, 127.0.0.1:%u) "
	    "= %d %s", c, c, sport, x, x < 0 && e == EINPROGRESS ?
	    "EINPROGRESS" : "");
	demo_say("non-blocking, connect() returns at once: the SYN is out, the "
	    "server answered SYN-ACK, the deaf client dropped it");
	demo_states(d->cport, sport);
	x = st_demo_deaf(c, 0);
	demo_call(d, "client", "setsockopt(%d, SO_DETACH_FILTER) = %d", c, x);
	t = now_s();
	x = poll(&p, 1, 5000);
	demo_call(d, "client", "poll(%d, POLLOUT) = %d after %.2f s", c, x,
	    now_s() - t);
	demo_say("poll() blocked until the connection was up: after its "
	    "retransmission timeout (1 s at first) a SYN or SYN-ACK was sent "
	    "again, and this time the client answered with the handshake's "
	    "last ACK");
	fl = 0;
	ioctl(c, FIONBIO, &fl);
	demo_states(d->cport, sport);
	return x == 1 ? 0 : -1;
}

static int
tcp_connect_plain(struct demo *d, int c, uint16_t sport)
{
	struct sockaddr_in a;
	int x;

	loopback(&a, sport);
	x = connect(c, (struct sockaddr *)&a, sizeof(a));
	d->cport = st_demo_port_of(c);
	demo_call(d, "client", "connect(%d, 127.0.0.1:%u) = %d", c, sport, x);
	demo_say("the three-way handshake: SYN, SYN-ACK, ACK; connect() returns "
	    "when it is done");
	demo_states(d->cport, sport);
	return x;
}

/* The client's message; the server blocked in recv() until it comes. */
static void
tcp_message(struct demo *d, int c, int x, const char *msg, size_t n,
    int shown)
{
	static char buf[65536];
	struct st_demo_recv w;
	double secs;
	size_t got;
	ssize_t r;

	if (st_demo_recv_start(&w, x, buf, n) != 0)
		return;
	demo_call(d, "server", "recv(%d, %zu) ... blocks", x, n);
	demo_say("nothing to read yet: the server's thread sleeps in recv() "
	    "until data arrives");
	usleep(300000);
	r = send(c, msg, n, 0);
	demo_call(d, "client", "send(%d, %zu bytes) = %zd", c, n, r);
	if (d->mss_view)
		demo_say("the message leaves as several segments: each carries "
		    "at most the MSS less the options every segment repeats "
		    "(12 bytes of timestamps: 536 - 12 = 524); the last has "
		    "PSH");
	else {
		demo_say_segments(d, n);
		if (d->ndata > 1)
			demo_say("a segment is bounded by the MSS and, on Linux, "
			    "by half the largest window the receiver has "
			    "offered, so a large send() leaves in pieces");
	}
	got = st_demo_recv_join(&w, &secs);
	demo_call(d, "server", "recv(%d) = %zu bytes%s after blocking %.2f s", x,
	    got, shown ? ": \"hello, layers\\n\"" : "", secs);
	demo_say("the segment woke the sleeping reader: recv() returns what "
	    "is in the receive buffer");
}

/*
 * The close, with FIN_WAIT_1 and LAST_ACK held the way the handshake was:
 * the client is deaf while each FIN (or its ACK) arrives, then hears the
 * retransmission.  shutdown() sends the client's FIN and keeps the socket,
 * so that it can hear the server's FIN afterwards.
 */
static void
tcp_close_held(struct demo *d, int c, int x, uint16_t sport)
{
	char b[16];
	ssize_t r;
	double t;

	demo_call(d, "client", "setsockopt(%d, SO_ATTACH_FILTER, {ret 0}) = %d",
	    c, st_demo_deaf(c, 1));
	demo_call(d, "client", "shutdown(%d, SHUT_WR) = %d", c,
	    shutdown(c, SHUT_WR));
	demo_say("the client is done sending: its FIN; the server's ACK of it "
	    "is dropped by the deaf client");
	demo_states(d->cport, sport);
	demo_call(d, "client", "setsockopt(%d, SO_DETACH_FILTER) = %d", c,
	    st_demo_deaf(c, 0));
	t = now_s();
	demo_until_state(d, d->cport, sport, "FIN_WAIT_2", 8000);
	demo_say("%.1f s later, at the retransmission timeout, the FIN again, "
	    "and its ACK heard: the client's half is closed", now_s() - t);
	demo_states(d->cport, sport);
	r = recv(x, b, sizeof(b), 0);
	demo_call(d, "server", "recv(%d) = %zd", x, r);
	demo_say("end of stream: the FIN reaches the server's application as a "
	    "read of 0 bytes");
	demo_call(d, "client", "setsockopt(%d, SO_ATTACH_FILTER, {ret 0}) = %d",
	    c, st_demo_deaf(c, 1));
	demo_call(d, "server", "close(%d) = %d", x, close(x));
	demo_say("the server's FIN, dropped by the deaf client: nobody "
	    "acknowledges it yet");
	demo_states(d->cport, sport);
	demo_call(d, "client", "setsockopt(%d, SO_DETACH_FILTER) = %d", c,
	    st_demo_deaf(c, 0));
	t = now_s();
	demo_until_state(d, sport, d->cport, "CLOSED", 8000);
	demo_say("%.1f s later the server's FIN again, and the client's ACK of "
	    "it; the client waits in TIME_WAIT so late segments die",
	    now_s() - t);
	demo_states(d->cport, sport);
	demo_call(d, "client", "close(%d) = %d", c, close(c));
	demo_say("nothing on the wire: the connection is already closed; the "
	    "kernel keeps the TIME_WAIT entry, not the socket");
}

static void
tcp_close_plain(struct demo *d, int c, int x, uint16_t sport)
{
	demo_call(d, "client", "close(%d) = %d", c, close(c));
	demo_say("the client's FIN, and the server's ACK of it");
	demo_states(d->cport, sport);
	demo_call(d, "server", "close(%d) = %d", x, close(x));
	demo_say("the server's FIN and the client's last ACK; the client waits "
	    "in TIME_WAIT so late segments die");
	demo_states(d->cport, sport);
}

int
demo_tcp(struct demo *d, size_t size)
{
	static char msg[65536], buf[65536];
	const char *text = "hello, layers\n";
	uint16_t sport;
	size_t n = size > 0 ? size : strlen(text), i;
	ssize_t r;
	int s, c, x, maxseg = 536;

	for (i = 0; i < n && i < sizeof(msg); i++)
		msg[i] = size > 0 ? (char)('a' + i % 26) : text[i];
	/* Port first, then the capture, then the calls it watches. */
	if (d->mss_view) {
		printf("A %zu-byte message over TCP with an MSS of %d.\n", n,
		    maxseg);
		if (demo_netns(1500) != 0)
			return -1;
	} else
		printf("A TCP connection on loopback, call by call, every "
		    "state held long enough to read it.\n");
	if ((s = demo_server(d, SOCK_STREAM, &sport)) < 0)
		return -1;
	if (demo_capture_port(d, "tcp", sport) != 0)
		return -1;
	if (d->mss_view) {
		setsockopt(s, IPPROTO_TCP, TCP_MAXSEG, &maxseg, sizeof(maxseg));
		demo_call(d, "server", "setsockopt(%d, IPPROTO_TCP, TCP_MAXSEG, "
		    "%d) = 0", s, maxseg);
		demo_say("the server will announce an MSS of %d in its SYN-ACK: no "
		    "segment sent to it may carry more", maxseg);
	}
	x = listen(s, 8);
	demo_call(d, "server", "listen(%d, 8) = %d", s, x);
	demo_say("server socket now %s: the kernel will answer SYNs for it",
	    st_demo_tcp_state(sport, 0));
	c = socket(AF_INET, SOCK_STREAM, 0);
	demo_call(d, "client", "socket(AF_INET, SOCK_STREAM, 0) = %d", c);
	if ((d->mss_view ? tcp_connect_plain(d, c, sport) :
	    tcp_connect_held(d, c, sport)) != 0)
		return -1;
	x = accept(s, NULL, NULL);
	demo_call(d, "server", "accept(%d) = %d", s, x);
	demo_say("no packets: the kernel finished the handshake already, accept() "
	    "takes it from the queue");
	tcp_message(d, c, x, msg, n, size == 0);
	if (!d->mss_view) {
		r = send(x, "strata says hi\n", 15, 0);
		demo_call(d, "server", "send(%d, \"strata says hi\\n\") = %zd", x, r);
		demo_say("the reply: a data segment the other way, and its ACK");
		r = recv(c, buf, sizeof(buf), 0);
		demo_call(d, "client", "recv(%d) = %zd bytes", c, r);
		demo_say("no packets: the reply was already in the client's "
		    "receive buffer, so recv() did not block");
		tcp_close_held(d, c, x, sport);
	} else
		tcp_close_plain(d, c, x, sport);
	close(s);
	demo_call(d, "server", "close(%d) = 0", s);
	demo_say("the listening socket goes: nothing on the wire");
	return 0;
}

int
demo_udp(struct demo *d)
{
	struct sockaddr_in a;
	char buf[512];
	uint16_t sport;
	socklen_t l;
	ssize_t r;
	int s, c;

	printf("UDP on loopback: no connection, no handshake.\n");
	if ((s = demo_server(d, SOCK_DGRAM, &sport)) < 0)
		return -1;
	if (demo_capture_port(d, "udp", sport) != 0)
		return -1;
	c = socket(AF_INET, SOCK_DGRAM, 0);
	demo_call(d, "client", "socket(AF_INET, SOCK_DGRAM, 0) = %d", c);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(sport);
	r = sendto(c, "ping over udp", 13, 0, (struct sockaddr *)&a, sizeof(a));
	demo_call(d, "client", "sendto(%d, \"ping over udp\", 127.0.0.1:%u) = %zd",
	    c, sport, r);
	demo_say("one datagram, at once: UDP sends without asking first");
	l = sizeof(a);
	r = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&a, &l);
	demo_call(d, "server", "recvfrom(%d) = %zd bytes from 127.0.0.1:%u", s, r,
	    ntohs(a.sin_port));
	r = sendto(s, "pong over udp", 13, 0, (struct sockaddr *)&a, l);
	demo_call(d, "server", "sendto(%d, \"pong over udp\", 127.0.0.1:%u) = %zd",
	    s, ntohs(a.sin_port), r);
	demo_say("the answer: one datagram back, no acknowledgment of either");
	r = recv(c, buf, sizeof(buf), 0);
	demo_call(d, "client", "recv(%d) = %zd bytes", c, r);
	close(c);
	demo_call(d, "client", "close(%d) = 0", c);
	close(s);
	demo_call(d, "server", "close(%d) = 0", s);
	demo_say("closing a UDP socket sends nothing: there was no connection");
	return 0;
}

int
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
	if (demo_open_capture(d, "icmp and host 127.0.0.1") != 0)
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
	demo_call(d, "strata", "sendto(raw socket, %zu bytes) = %zu", n, n);
	demo_say("the request went down through IPv4 onto lo; the kernel's ICMP "
	    "answered with an echo reply: same id, same seq, same data");
	st_raw_close(&raw);
	return 0;
}

int
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
	if (demo_netns(mtu) != 0)
		return -1;
	if ((s = demo_server(d, SOCK_DGRAM, &sport)) < 0)
		return -1;
	if (demo_open_capture(d, "ip") != 0)
		return -1;
	c = socket(AF_INET, SOCK_DGRAM, 0);
	demo_call(d, "client", "socket(AF_INET, SOCK_DGRAM, 0) = %d", c);
	setsockopt(c, IPPROTO_IP, IP_MTU_DISCOVER, &off, sizeof(off));
	demo_call(d, "client", "setsockopt(%d, IP_MTU_DISCOVER, IP_PMTUDISC_DONT) "
	    "= 0", c);
	demo_say("let the kernel fragment (DF clear) instead of refusing");
	memset(msg, 'x', sizeof(msg));
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(sport);
	r = sendto(c, msg, sizeof(msg), 0, (struct sockaddr *)&a, sizeof(a));
	demo_call(d, "client", "sendto(%d, 3000 bytes, 127.0.0.1:%u) = %zd", c,
	    sport, r);
	demo_say("UDP header 8 + data 3000 = 3008 bytes to carry; each fragment "
	    "holds at most MTU - 20 = %d, rounded down to 8s: %d", mtu - 20,
	    (mtu - 20) / 8 * 8);
	demo_say("offsets 0, %d, %d (ip.frag_offset in bytes; the header holds "
	    "them /8: 0, %d, %d); MF set on all but the last",
	    (mtu - 20) / 8 * 8, 2 * ((mtu - 20) / 8 * 8), (mtu - 20) / 8,
	    2 * ((mtu - 20) / 8));
	demo_say("only the first fragment holds the UDP header (8 + 1248 data "
	    "bytes): the others are data until the receiver reassembles them, "
	    "so their ports are unknown on the wire");
	r = recv(s, msg, sizeof(msg), 0);
	demo_call(d, "server", "recv(%d) = %zd bytes", s, r);
	demo_say("the receiving kernel put the fragments back together: one "
	    "datagram of %zd bytes", r);
	close(c);
	close(s);
	return 0;
}

int
demo_buffers(struct demo *d)
{
	char chunk[4096], buf[65536];
	int l, c, s, small = 4096, got, total = 0, fl;
	uint16_t port;
	socklen_t sl = sizeof(got);
	ssize_t r;
	unsigned calls = 0;

	printf("Socket buffers made visible: a receiver that stops reading.\n");
	if ((l = demo_server(d, SOCK_STREAM, &port)) < 0)
		return -1;
	if (demo_capture_port(d, "tcp", port) != 0)
		return -1;
	setsockopt(l, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
	getsockopt(l, SOL_SOCKET, SO_RCVBUF, &got, &sl);
	demo_call(d, "server", "setsockopt(%d, SO_RCVBUF, %d) = 0; getsockopt -> "
	    "%d", l, small, got);
	demo_say("the kernel doubles what it is given (for its own bookkeeping): "
	    "a small receive buffer, so a small window");
	listen(l, 8);
	demo_call(d, "server", "listen(%d, 8) = 0", l);
	if (demo_connect_pair(d, l, port, &c, &s) != 0)
		return -1;
	setsockopt(c, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
	fl = 1;
	ioctl(c, FIONBIO, &fl);
	demo_call(d, "client", "setsockopt(%d, SO_SNDBUF, %d) = 0; ioctl(%d, "
	    "FIONBIO, 1) = 0", c, small, c);
	demo_say("the client's sends no longer wait: when the send buffer is "
	    "full, send() fails with EAGAIN instead of blocking");
	memset(chunk, 'z', sizeof(chunk));
	for (;;) {
		r = send(c, chunk, sizeof(chunk), 0);
		if (r < 0)
			break;
		total += (int)r;
		calls++;
	}
	demo_call(d, "client", "send(%d, 4096 bytes) x %u = %d bytes, then -1 %s",
	    c, calls, total, errno == EAGAIN ? "EAGAIN" : strerror(errno));
	demo_say("the data went as far as the window allowed; the window shrank "
	    "to 0 as the server's buffer filled (see win)");
	demo_say("bytes queued: server receive buffer SIOCINQ = %d, client send "
	    "buffer SIOCOUTQ = %d", st_demo_queued(s, SIOCINQ), st_demo_queued(c, SIOCOUTQ));
	printf("   (watching for 2 s while nobody reads)\n");
	demo_watch(d, 2000);
	demo_say("with a zero window the sender probes now and then (the "
	    "segments one byte behind, len 0) and the receiver answers win 0");
	r = 0;
	got = 0;
	while ((r = recv(s, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
		got += (int)r;
	demo_call(d, "server", "recv(%d) until empty = %d bytes", s, got);
	demo_say("reading frees the buffer: the server announces an open window, "
	    "and the client's queued bytes flow again");
	demo_watch(d, 500);
	while ((r = recv(s, buf, sizeof(buf), MSG_DONTWAIT)) > 0)
		got += (int)r;
	demo_say("bytes queued now: server SIOCINQ = %d, client SIOCOUTQ = %d",
	    st_demo_queued(s, SIOCINQ), st_demo_queued(c, SIOCOUTQ));
	close(c);
	close(s);
	close(l);
	demo_call(d, "both", "close() = 0");
	return 0;
}

/* Stops watching fd (epoll's set, or the poll/select list). */
static void
forget(const char *api, int ep, int *fds, int *nfds, int fd)
{
	int i;

	if (strcmp(api, "epoll") == 0)
		epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
	for (i = 0; i < *nfds; i++)
		if (fds[i] == fd) {
			fds[i] = fds[--*nfds];
			return;
		}
}

int
demo_multiplex(struct demo *d, const char *api)
{
	const char *fn = strcmp(api, "epoll") == 0 ? "epoll_wait" : api;
	struct sockaddr_in a;
	char buf[256];
	int l, ep = -1, fds[8], nfds = 0, cli[3], ready[8], k, i, j, fl = 1;
	int open_, round;
	uint16_t port;
	ssize_t r;

	printf("One server, three clients, one thread: readiness with %s.\n",
	    api);
	if ((l = demo_server(d, SOCK_STREAM, &port)) < 0)
		return -1;
	if (demo_capture_port(d, "tcp", port) != 0)
		return -1;
	ioctl(l, FIONBIO, &fl);
	listen(l, 8);
	demo_call(d, "server", "ioctl(%d, FIONBIO, 1) = 0; listen(%d, 8) = 0", l, l);
	r = accept(l, NULL, NULL);
	demo_call(d, "server", "accept(%d) = %zd %s", l, r, r < 0 && errno == EAGAIN ?
	    "EAGAIN" : "");
	demo_say("non-blocking: with nobody connecting, accept() returns at once "
	    "(a blocking one would wait here)");
	if (strcmp(api, "epoll") == 0) {
		struct epoll_event ev = { .events = EPOLLIN };

		ep = epoll_create1(0);
		ev.data.fd = l;
		epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
		demo_call(d, "server", "epoll_create1(0) = %d; epoll_ctl(ADD, %d, "
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
		demo_call(d, "client", "connect(%d) = 0 (client %d)", cli[i], i + 1);
		k = st_demo_wait_ready(api, ep, fds, nfds, ready, 1000);
		demo_call(d, "server", "%s() = %d: fd %d readable", fn, k, l);
		demo_say("a finished handshake makes the listening socket readable: "
		    "accept() will not block");
		fds[nfds] = accept(l, NULL, NULL);
		ioctl(fds[nfds], FIONBIO, &fl);
		if (ep >= 0) {
			struct epoll_event ev = { .events = EPOLLIN };

			ev.data.fd = fds[nfds];
			epoll_ctl(ep, EPOLL_CTL_ADD, fds[nfds], &ev);
		}
		demo_call(d, "server", "accept(%d) = %d (watched too)", l,
		    fds[nfds]);
		nfds++;
	}
	for (i = 2; i >= 0; i--) {
		snprintf(buf, sizeof(buf), "message from client %d", i + 1);
		send(cli[i], buf, strlen(buf), 0);
		demo_call(d, "client", "send(%d, \"%s\") = %zu", cli[i], buf,
		    strlen(buf));
		k = st_demo_wait_ready(api, ep, fds, nfds, ready, 1000);
		for (j = 0; j < k; j++) {
			r = recv(ready[j], buf, sizeof(buf), 0);
			demo_call(d, "server", "%s() = %d: fd %d readable; recv(%d) = "
			    "%zd", fn, k, ready[j], ready[j], r);
			send(ready[j], buf, (size_t)(r > 0 ? r : 0), 0);
			demo_call(d, "server", "send(%d, %zd bytes) = %zd (echo)",
			    ready[j], r, r);
		}
		r = recv(cli[i], buf, sizeof(buf), 0);
		demo_call(d, "client", "recv(%d) = %zd (the echo)", cli[i], r);
		demo_say("only the socket whose segment arrived is reported: one "
		    "thread serves them all, none waits on a quiet client");
	}
	for (i = 0; i < 3; i++)
		close(cli[i]);
	demo_call(d, "clients", "close() x 3");
	demo_say("each client's FIN, and the server kernel's ACK of it (a close "
	    "with unread data would send a RST instead)");
	for (open_ = 3, round = 0; open_ > 0 && round < 6; round++) {
		k = st_demo_wait_ready(api, ep, fds + 1, nfds - 1, ready, 1000);
		if (k <= 0)
			break;
		demo_call(d, "server", "%s() = %d: %d socket%s readable", fn, k, k,
		    k == 1 ? "" : "s");
		for (j = 0; j < k; j++) {
			r = recv(ready[j], buf, sizeof(buf), 0);
			demo_call(d, "server", "recv(%d) = %zd (end of stream: "
			    "the client's FIN)", ready[j], r);
			if (r != 0)
				continue;
			forget(api, ep, fds, &nfds, ready[j]);
			demo_call(d, "server", "close(%d) = %d", ready[j],
			    close(ready[j]));
			demo_say("the server's FIN for that connection, and the "
			    "client kernel's ACK");
			open_--;
		}
	}
	demo_say("a FIN makes a socket readable too: recv() returns 0, and the "
	    "server closes its end");
	close(l);
	if (ep >= 0)
		close(ep);
	return 0;
}
