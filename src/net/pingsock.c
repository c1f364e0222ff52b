/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The kernel's unprivileged ICMP sockets (SOCK_DGRAM, IPPROTO_ICMP), for
 * ping when raw sockets are not allowed but net.ipv4.ping_group_range lets
 * this user's group in.  The kernel owns the IP header, the identifier and
 * the checksum; it hands back only the ICMP message, so strata rebuilds an
 * IP header around what arrives (source, destination, TTL from ancillary
 * data) to decode it like anything else, and turns errors from the error
 * queue (IP_RECVERR) back into the ICMP error packets they were.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pcap/dlt.h>

#include "strata/cksum.h"
#include "strata/net.h"

int
st_pingsock_allowed(void)
{
	FILE *fp = fopen("/proc/sys/net/ipv4/ping_group_range", "r");
	gid_t groups[256];
	long lo, hi;
	int n, i, ok = 0;

	if (fp == NULL)
		return 0;
	if (fscanf(fp, "%ld %ld", &lo, &hi) != 2)
		lo = 1, hi = 0;
	fclose(fp);
	if ((long)getegid() >= lo && (long)getegid() <= hi)
		ok = 1;
	n = getgroups(256, groups);
	for (i = 0; i < n && !ok; i++)
		if ((long)groups[i] >= lo && (long)groups[i] <= hi)
			ok = 1;
	return ok;
}

/*
 * Binds fd (family fam) to src (any when NULL) and an ephemeral port, put
 * in *port.  Returns fd, or -1 with fd closed.
 */
static int
bind_port(int fd, int fam, const uint8_t *src, uint16_t *port)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);

	memset(&ss, 0, sizeof(ss));
	ss.ss_family = fam == 4 ? AF_INET : AF_INET6;
	if (src != NULL && fam == 4)
		memcpy(&((struct sockaddr_in *)&ss)->sin_addr, src, 4);
	else if (src != NULL)
		memcpy(&((struct sockaddr_in6 *)&ss)->sin6_addr, src, 16);
	if (bind(fd, (struct sockaddr *)&ss, fam == 4 ?
	    sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6)) != 0 ||
	    getsockname(fd, (struct sockaddr *)&ss, &sl) != 0) {
		close(fd);
		return -1;
	}
	*port = ntohs(fam == 4 ? ((struct sockaddr_in *)&ss)->sin_port :
	    ((struct sockaddr_in6 *)&ss)->sin6_port);
	return fd;
}

int
st_wait_until(int fd, const struct timespec *deadline, short *revents)
{
	struct timespec now;
	struct pollfd pfd;
	long ms;
	int v;

	clock_gettime(CLOCK_REALTIME, &now);
	ms = (long)(deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
	if (ms <= 0)
		return 0;
	pfd.fd = fd;
	pfd.events = POLLIN;
	pfd.revents = 0;
	if ((v = poll(&pfd, 1, (int)ms)) <= 0)
		return v == 0 || errno == EINTR ? 0 : -1;
	*revents = pfd.revents;
	return 1;
}

int
st_pingsock_open(int fam, const uint8_t *src, uint16_t *id)
{
	int fd, on = 1;

	fd = fam == 4 ? socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) :
	    socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	if (fd < 0)
		return -1;
	if (fam == 4) {
		setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof(on));
		setsockopt(fd, IPPROTO_IP, IP_RECVERR, &on, sizeof(on));
		setsockopt(fd, IPPROTO_IP, IP_RECVOPTS, &on, sizeof(on));
	} else {
		setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof(on));
		setsockopt(fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof(on));
	}
	setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on));
	/* The identifier is the socket's "port", given at bind. */
	return bind_port(fd, fam, src, id);
}

int
st_pingsock_send(int fd, int fam, const uint8_t *dst, const uint8_t *icmp,
    size_t n)
{
	struct sockaddr_in6 s6;
	struct sockaddr_in s4;

	if (fam == 4) {
		memset(&s4, 0, sizeof(s4));
		s4.sin_family = AF_INET;
		memcpy(&s4.sin_addr, dst, 4);
		return sendto(fd, icmp, n, 0, (struct sockaddr *)&s4,
		    sizeof(s4)) == (ssize_t)n ? 0 : -1;
	}
	memset(&s6, 0, sizeof(s6));
	s6.sin6_family = AF_INET6;
	memcpy(&s6.sin6_addr, dst, 16);
	return sendto(fd, icmp, n, 0, (struct sockaddr *)&s6, sizeof(s6)) ==
	    (ssize_t)n ? 0 : -1;
}

/* Writes an IP header for an n-byte ICMP message from src to dst. */
static size_t
ip_header(uint8_t *b, int fam, const uint8_t *src, const uint8_t *dst,
    unsigned ttl, size_t n)
{
	uint16_t c;

	if (fam == 4) {
		memset(b, 0, 20);
		b[0] = 0x45;
		b[2] = (uint8_t)((n + 20) >> 8);
		b[3] = (uint8_t)(n + 20);
		b[8] = (uint8_t)ttl;
		b[9] = 1;
		memcpy(b + 12, src, 4);
		memcpy(b + 16, dst, 4);
		c = st_cksum_finish(st_cksum_add(0, b, 20));
		b[10] = (uint8_t)(c >> 8);
		b[11] = (uint8_t)c;
		return 20;
	}
	memset(b, 0, 40);
	b[0] = 0x60;
	b[4] = (uint8_t)(n >> 8);
	b[5] = (uint8_t)n;
	b[6] = 58;
	b[7] = (uint8_t)ttl;
	memcpy(b + 8, src, 16);
	memcpy(b + 24, dst, 16);
	return 40;
}

/* Sets an ICMPv6 checksum over the pseudo-header (the kernel checked it). */
static void
fix_icmp_cksum(uint8_t *ip, int fam, size_t hl, size_t n)
{
	uint8_t *ic = ip + hl;
	uint32_t ps = 0;
	uint16_t c;

	ic[2] = ic[3] = 0;
	if (fam == 6)
		ps = st_cksum_pseudo(6, ip + 8, ip + 24, 58, (uint32_t)n);
	c = st_cksum_finish(st_cksum_add(ps, ic, n));
	ic[2] = (uint8_t)(c >> 8);
	ic[3] = (uint8_t)c;
}

/*
 * An error from the error queue: the kernel gives our own echo request
 * and who complained; rebuild the ICMP error packet it came in.
 */
static int
from_errqueue(int fd, int fam, const uint8_t *local, const uint8_t *dst,
    struct st_rx *rx)
{
	char ctl[512];
	uint8_t req[2048], *b = rx->buf;
	struct sock_extended_err *ee = NULL;
	struct sockaddr_storage from;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;
	const uint8_t *off;
	size_t hl, qhl, n;
	ssize_t r;

	memset(&mh, 0, sizeof(mh));
	iov.iov_base = req;
	iov.iov_len = sizeof(req);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_name = &from;
	mh.msg_namelen = sizeof(from);
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	if ((r = recvmsg(fd, &mh, MSG_ERRQUEUE | MSG_DONTWAIT)) < 0)
		return -1;
	for (cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm))
		if ((cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_RECVERR)
		    || (cm->cmsg_level == IPPROTO_IPV6 &&
		    cm->cmsg_type == IPV6_RECVERR))
			ee = (struct sock_extended_err *)CMSG_DATA(cm);
	if (ee == NULL || (ee->ee_origin != SO_EE_ORIGIN_ICMP &&
	    ee->ee_origin != SO_EE_ORIGIN_ICMP6) || (size_t)r > 1024)
		return 0;
	off = (const uint8_t *)SO_EE_OFFENDER(ee);
	off += fam == 4 ? 4 : 8;	/* past family and port (and flow) */
	/* ICMP error header, then the quoted IP header and our request. */
	hl = fam == 4 ? 20 : 40;
	qhl = fam == 4 ? 20 : 40;
	n = 8 + qhl + (size_t)r;
	ip_header(b, fam, off, local, 64, n);
	memset(b + hl, 0, 8);
	b[hl] = ee->ee_type;
	b[hl + 1] = ee->ee_code;
	if (fam == 4 && ee->ee_type == 3 && ee->ee_code == 4) {
		b[hl + 6] = (uint8_t)(ee->ee_info >> 8);
		b[hl + 7] = (uint8_t)ee->ee_info;
	}
	ip_header(b + hl + 8, fam, local, dst, 1, (size_t)r);
	memcpy(b + hl + 8 + qhl, req, (size_t)r);
	fix_icmp_cksum(b + hl + 8, fam, qhl, (size_t)r);
	fix_icmp_cksum(b, fam, hl, n);
	rx->len = hl + n;
	return 1;
}

/*
 * The IPv4 options the kernel gave (IP_RECVOPTS, as they arrived, this
 * host's own record-route entry in) into the rebuilt header of rx.
 */
static void
add_options(struct st_rx *rx, const uint8_t *o, size_t n)
{
	size_t pad = (n + 3) & ~(size_t)3, tot;
	uint8_t *b = rx->buf;
	uint16_t c;

	if (rx->len + pad > sizeof(rx->buf))
		return;
	memmove(b + 20 + pad, b + 20, rx->len - 20);
	memcpy(b + 20, o, n);
	memset(b + 20 + n, 0, pad - n);
	rx->len += pad;
	tot = rx->len;
	b[0] = (uint8_t)(0x40 | (20 + pad) / 4);
	b[2] = (uint8_t)(tot >> 8);
	b[3] = (uint8_t)tot;
	b[10] = b[11] = 0;
	c = st_cksum_finish(st_cksum_add(0, b, 20 + pad));
	b[10] = (uint8_t)(c >> 8);
	b[11] = (uint8_t)c;
}

int
st_pingsock_recv(int fd, int fam, const uint8_t *local, const uint8_t *dst,
    struct st_rx *rx, const struct timespec *deadline)
{
	char ctl[256];
	struct sockaddr_storage from;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;
	unsigned ttl = 0;
	uint8_t opts[40];
	size_t hl = fam == 4 ? 20 : 40, optlen = 0;
	ssize_t n;
	short rev;
	int v;

	if ((v = st_wait_until(fd, deadline, &rev)) <= 0)
		return v;
	rx->outgoing = 0;
	rx->linktype = DLT_RAW;
	clock_gettime(CLOCK_REALTIME, &rx->ts);
	if (rev & POLLERR)
		return from_errqueue(fd, fam, local, dst, rx);
	memset(&mh, 0, sizeof(mh));
	iov.iov_base = rx->buf + hl;
	iov.iov_len = sizeof(rx->buf) - hl;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_name = &from;
	mh.msg_namelen = sizeof(from);
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	if ((n = recvmsg(fd, &mh, MSG_DONTWAIT)) < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -1;
	for (cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm)) {
		if ((cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_TTL) ||
		    (cm->cmsg_level == IPPROTO_IPV6 &&
		    cm->cmsg_type == IPV6_HOPLIMIT)) {
			memcpy(&v, CMSG_DATA(cm), sizeof(v));
			ttl = (unsigned)v;
		} else if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_TIMESTAMPNS)
			memcpy(&rx->ts, CMSG_DATA(cm), sizeof(rx->ts));
		else if (fam == 4 && cm->cmsg_level == IPPROTO_IP &&
		    cm->cmsg_type == IP_RECVOPTS && cm->cmsg_len >
		    CMSG_LEN(0) && cm->cmsg_len - CMSG_LEN(0) <= 40) {
			optlen = cm->cmsg_len - CMSG_LEN(0);
			memcpy(opts, CMSG_DATA(cm), optlen);
		}
	}
	ip_header(rx->buf, fam, fam == 4 ? (const uint8_t *)
	    &((struct sockaddr_in *)&from)->sin_addr : (const uint8_t *)
	    &((struct sockaddr_in6 *)&from)->sin6_addr, local, ttl, (size_t)n);
	if (fam == 6)
		fix_icmp_cksum(rx->buf, fam, hl, (size_t)n);
	rx->len = hl + (size_t)n;
	if (optlen > 0)
		add_options(rx, opts, optlen);
	return 1;
}

/*
 * traceroute's unprivileged method: UDP probes from an ordinary socket,
 * the routers' ICMP errors read from its error queue (IP_RECVERR), which
 * gives who complained, the type and code, and the probe's destination
 * port; the error packet is rebuilt around the probe as built, so that it
 * decodes and shows like a captured one.
 */
int
st_udptrace_open(int fam, int df, uint16_t *sport)
{
	int fd, on = 1, pm;

	if ((fd = socket(fam == 4 ? AF_INET : AF_INET6, SOCK_DGRAM, 0)) < 0)
		return -1;
	if (fam == 4) {
		pm = df ? IP_PMTUDISC_PROBE : IP_PMTUDISC_DONT;
		setsockopt(fd, IPPROTO_IP, IP_RECVERR, &on, sizeof(on));
		setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pm, sizeof(pm));
	} else {
		pm = df ? IPV6_PMTUDISC_PROBE : IPV6_PMTUDISC_DONT;
		setsockopt(fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof(on));
		setsockopt(fd, IPPROTO_IPV6, IPV6_MTU_DISCOVER, &pm,
		    sizeof(pm));
	}
	setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on));
	return bind_port(fd, fam, NULL, sport);
}

int
st_udptrace_send(int fd, int fam, const uint8_t *dst, uint16_t dport,
    int ttl, const uint8_t *data, size_t n)
{
	char ctl[CMSG_SPACE(sizeof(int))];
	struct sockaddr_storage to;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;

	/* The TTL goes with each probe (the sandbox allows no setsockopt). */
	memset(&to, 0, sizeof(to));
	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	if (fam == 4) {
		to.ss_family = AF_INET;
		((struct sockaddr_in *)&to)->sin_port = htons(dport);
		memcpy(&((struct sockaddr_in *)&to)->sin_addr, dst, 4);
		mh.msg_namelen = sizeof(struct sockaddr_in);
	} else {
		to.ss_family = AF_INET6;
		((struct sockaddr_in6 *)&to)->sin6_port = htons(dport);
		memcpy(&((struct sockaddr_in6 *)&to)->sin6_addr, dst, 16);
		mh.msg_namelen = sizeof(struct sockaddr_in6);
	}
	iov.iov_base = (void *)(uintptr_t)data;
	iov.iov_len = n;
	mh.msg_name = &to;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = fam == 4 ? IPPROTO_IP : IPPROTO_IPV6;
	cm->cmsg_type = fam == 4 ? IP_TTL : IPV6_HOPLIMIT;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &ttl, sizeof(int));
	return sendmsg(fd, &mh, 0) == (ssize_t)n ? 0 : -1;
}

/* The ICMP error ee from offender, around the probe sent, into rx. */
static void
rebuild_error(int fam, const struct sock_extended_err *ee,
    const uint8_t *offender, const uint8_t *local, const uint8_t *sent,
    size_t sentlen, struct st_rx *rx)
{
	size_t hl = fam == 4 ? 20 : 40, n;
	uint8_t *b = rx->buf;

	if (sentlen > 1024)
		sentlen = 1024;		/* a router quotes no more */
	n = 8 + sentlen;
	ip_header(b, fam, offender, local, 64, n);
	memset(b + hl, 0, 8);
	b[hl] = ee->ee_type;
	b[hl + 1] = ee->ee_code;
	if (fam == 4 && ee->ee_type == 3 && ee->ee_code == 4) {
		b[hl + 6] = (uint8_t)(ee->ee_info >> 8);
		b[hl + 7] = (uint8_t)ee->ee_info;
	} else if (fam == 6 && ee->ee_type == 2) {
		b[hl + 4] = (uint8_t)(ee->ee_info >> 24);
		b[hl + 5] = (uint8_t)(ee->ee_info >> 16);
		b[hl + 6] = (uint8_t)(ee->ee_info >> 8);
		b[hl + 7] = (uint8_t)ee->ee_info;
	}
	memcpy(b + hl + 8, sent, sentlen);
	/* A router quotes the probe as it held it: its TTL run out. */
	if (fam == 4 && ee->ee_type == 11)
		b[hl + 8 + 8] = 1;
	else if (fam == 6 && ee->ee_type == 3)
		b[hl + 8 + 7] = 1;
	fix_icmp_cksum(b, fam, hl, n);
	rx->len = hl + n;
}

int
st_udptrace_recv(int fd, int fam, const uint8_t *local, const uint8_t *sent,
    size_t sentlen, struct st_udperr *ue, struct st_rx *rx,
    const struct timespec *deadline)
{
	char ctl[512];
	uint8_t junk[2048];
	struct sock_extended_err *ee = NULL;
	struct sockaddr_storage to;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;
	short rev;
	int v;

	for (;;) {
		if ((v = st_wait_until(fd, deadline, &rev)) <= 0)
			return v;
		if (!(rev & POLLERR)) {
			/* A UDP answer from an open port: not an error. */
			recv(fd, junk, sizeof(junk), MSG_DONTWAIT);
			continue;
		}
		memset(&mh, 0, sizeof(mh));
		iov.iov_base = junk;
		iov.iov_len = sizeof(junk);
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_name = &to;
		mh.msg_namelen = sizeof(to);
		mh.msg_control = ctl;
		mh.msg_controllen = sizeof(ctl);
		if (recvmsg(fd, &mh, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
			continue;
		clock_gettime(CLOCK_REALTIME, &rx->ts);
		for (cm = CMSG_FIRSTHDR(&mh); cm != NULL;
		    cm = CMSG_NXTHDR(&mh, cm))
			if ((cm->cmsg_level == IPPROTO_IP &&
			    cm->cmsg_type == IP_RECVERR) ||
			    (cm->cmsg_level == IPPROTO_IPV6 &&
			    cm->cmsg_type == IPV6_RECVERR))
				ee = (struct sock_extended_err *)CMSG_DATA(cm);
			else if (cm->cmsg_level == SOL_SOCKET &&
			    cm->cmsg_type == SCM_TIMESTAMPNS)
				memcpy(&rx->ts, CMSG_DATA(cm), sizeof(rx->ts));
		if (ee == NULL)
			continue;
		memset(ue, 0, sizeof(*ue));
		ue->dport = ntohs(fam == 4 ? ((struct sockaddr_in *)&to)->
		    sin_port : ((struct sockaddr_in6 *)&to)->sin6_port);
		ue->mtu = ee->ee_info;
		rx->outgoing = 0;
		rx->linktype = DLT_RAW;
		rx->len = 0;
		if (ee->ee_origin == SO_EE_ORIGIN_LOCAL) {
			ue->local = 1;		/* too big to leave: mtu */
			return 1;
		}
		if (ee->ee_origin != SO_EE_ORIGIN_ICMP &&
		    ee->ee_origin != SO_EE_ORIGIN_ICMP6)
			continue;
		rebuild_error(fam, ee, (const uint8_t *)SO_EE_OFFENDER(ee) +
		    (fam == 4 ? 4 : 8), local, sent, sentlen, rx);
		return 1;
	}
}
