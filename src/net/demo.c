/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the demos ask of the kernel beyond plain socket calls: the TCP
 * state of a socket (sock_diag over netlink), a network namespace of the
 * demo's own with lo set up (MTU, segmentation offload off by ethtool),
 * the bytes queued on a socket, readiness by select, poll or epoll.  The
 * words around them are the CLI's (src/cli/demo.c); this prints nothing.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/ethtool.h>
#include <linux/filter.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "strata/demo.h"

static const char *const tcp_states[] = {
	"CLOSED", "ESTABLISHED", "SYN_SENT", "SYN_RECEIVED", "FIN_WAIT_1",
	"FIN_WAIT_2", "TIME_WAIT", "CLOSED", "CLOSE_WAIT", "LAST_ACK",
	"LISTEN", "CLOSING", "NEW_SYN_RECV"
};

/* The kernel's state of the TCP socket between these ports (sock_diag). */
const char *
st_demo_tcp_state(uint16_t lport, uint16_t rport)
{
	struct {
		struct nlmsghdr		nh;
		struct inet_diag_req_v2	r;
	} req;
	char buf[8192];
	struct nlmsghdr *h;
	struct inet_diag_msg *m;
	ssize_t n;
	int fd;
	const char *st = "CLOSED";

	if ((fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
	    NETLINK_SOCK_DIAG)) < 0)
		return "?";
	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = sizeof(req);
	req.nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.r.sdiag_family = AF_INET;
	req.r.sdiag_protocol = IPPROTO_TCP;
	req.r.idiag_states = ~0u;
	if (send(fd, &req, sizeof(req), 0) < 0) {
		close(fd);
		return "?";
	}
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		    h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR)
				goto done;
			m = NLMSG_DATA(h);
			if (ntohs(m->id.idiag_sport) == lport &&
			    ntohs(m->id.idiag_dport) == rport &&
			    m->idiag_state < sizeof(tcp_states) /
			    sizeof(tcp_states[0]))
				st = tcp_states[m->idiag_state];
		}
	}
done:
	close(fd);
	return st;
}

uint16_t
st_demo_port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t l = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &l) != 0)
		return 0;
	return ntohs(a.sin_port);
}

/*
 * Sets an interface up with an MTU, and turns off segmentation offload
 * so that what is captured is what a wire would carry (inside the demo's
 * own namespace only).
 */
static int
if_setup(const char *name, int mtu)
{
	struct ethtool_value ev;
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0), rc = -1;
	unsigned i;
	const unsigned off[] = { ETHTOOL_STSO, ETHTOOL_SGSO };

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	ifr.ifr_mtu = mtu;
	if (ioctl(fd, SIOCSIFMTU, &ifr) != 0)
		goto out;
	for (i = 0; i < 2; i++) {
		ev.cmd = off[i];
		ev.data = 0;
		ifr.ifr_data = (char *)&ev;
		ioctl(fd, SIOCETHTOOL, &ifr);	/* best effort */
	}
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) != 0)
		goto out;
	ifr.ifr_flags |= IFF_UP;
	rc = ioctl(fd, SIOCSIFFLAGS, &ifr);
out:
	close(fd);
	return rc;
}

int
st_demo_netns(int mtu, int *unshared)
{
	*unshared = 0;
	if (unshare(CLONE_NEWNET) != 0)
		return -1;
	*unshared = 1;
	return if_setup("lo", mtu);
}

int
st_demo_queued(int fd, unsigned long req)
{
	int n = -1;

	ioctl(fd, req, &n);
	return n;
}

/* Readiness, by the chosen API, for the fds in fds[0..n). */
int
st_demo_wait_ready(const char *api, int ep, const int *fds, int n, int *ready,
    int ms)
{
	int k = 0, i, rc;

	if (strcmp(api, "epoll") == 0) {
		struct epoll_event ev[8];

		rc = epoll_wait(ep, ev, 8, ms);
		for (i = 0; i < rc; i++)
			ready[k++] = ev[i].data.fd;
		return rc < 0 ? -1 : k;
	}
	if (strcmp(api, "poll") == 0) {
		struct pollfd p[8];

		for (i = 0; i < n; i++) {
			p[i].fd = fds[i];
			p[i].events = POLLIN;
		}
		if ((rc = poll(p, (nfds_t)n, ms)) < 0)
			return -1;
		for (i = 0; i < n; i++)
			if (p[i].revents & POLLIN)
				ready[k++] = p[i].fd;
		return k;
	}
	{
		fd_set set;
		struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
		int max = 0;

		FD_ZERO(&set);
		for (i = 0; i < n; i++) {
			FD_SET(fds[i], &set);
			if (fds[i] > max)
				max = fds[i];
		}
		if ((rc = select(max + 1, &set, NULL, NULL, &tv)) < 0)
			return -1;
		for (i = 0; i < n; i++)
			if (FD_ISSET(fds[i], &set))
				ready[k++] = fds[i];
		return k;
	}
}

/*
 * Makes a socket deaf (on) or lets it hear again (off): a socket filter of
 * one instruction, "accept 0 bytes", drops every segment the kernel would
 * hand this socket, before TCP sees it.  Nothing else on the host is
 * touched; the peer's packets are still on the wire, so still captured.
 */
int
st_demo_deaf(int fd, int on)
{
	struct sock_filter drop[] = { BPF_STMT(BPF_RET | BPF_K, 0) };
	struct sock_fprog prog = { 1, drop };
	int dummy = 0;

	if (on)
		return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
		    sizeof(prog));
	return setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, &dummy,
	    sizeof(dummy));
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
recv_thread(void *arg)
{
	struct st_demo_recv *w = arg;
	ssize_t k;

	w->got = 0;
	while (w->got < w->want) {
		k = recv(w->fd, w->buf + w->got, w->want - w->got, 0);
		if (k <= 0)
			break;
		w->got += (size_t)k;
	}
	w->secs = now_s() - w->t0;
	return NULL;
}

/* A blocking recv() of want bytes on fd, in a thread of its own. */
int
st_demo_recv_start(struct st_demo_recv *w, int fd, char *buf, size_t want)
{
	w->fd = fd;
	w->buf = buf;
	w->want = want;
	w->got = 0;
	w->secs = 0;
	w->t0 = now_s();
	return pthread_create(&w->thread, NULL, recv_thread, w) == 0 ? 0 : -1;
}

/* Waits for that recv(); the bytes it got (*secs: how long it blocked). */
size_t
st_demo_recv_join(struct st_demo_recv *w, double *secs)
{
	pthread_join(w->thread, NULL);
	*secs = w->secs;
	return w->got;
}
