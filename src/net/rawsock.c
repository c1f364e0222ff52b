/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raw sockets for `send`: IPv4 and IPv6 out through IPPROTO_RAW sockets,
 * everything back (replies, and the copy of what left, with whatever the
 * kernel filled in) through one AF_PACKET socket.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pcap/dlt.h>

#include "strata/net.h"

void
st_raw_close(struct st_raw *r)
{
	if (r->send4 >= 0)
		close(r->send4);
	if (r->send6 >= 0)
		close(r->send6);
	if (r->pkt >= 0)
		close(r->pkt);
	if (r->link >= 0)
		close(r->link);
	r->send4 = r->send6 = r->pkt = r->link = -1;
}

int
st_raw_open(struct st_raw *r, const char *ifname, const char **what)
{
	struct sockaddr_ll sll;
	int on = 1, e;

	r->send4 = r->send6 = r->pkt = r->link = -1;
	r->lo_index = (int)if_nametoindex("lo");
	r->ifindex = r->out_index = 0;
	*what = "socket(AF_INET, SOCK_RAW, IPPROTO_RAW)";
	if ((r->send4 = socket(AF_INET, SOCK_RAW, IPPROTO_RAW)) < 0)
		goto fail;
	*what = "socket(AF_INET6, SOCK_RAW, IPPROTO_RAW)";
	if ((r->send6 = socket(AF_INET6, SOCK_RAW, IPPROTO_RAW)) < 0)
		goto fail;
	*what = "socket(AF_PACKET, SOCK_DGRAM, ETH_P_ALL)";
	if ((r->pkt = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL))) < 0)
		goto fail;
	setsockopt(r->pkt, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on));
	if (ifname != NULL) {
		*what = ifname;
		if ((r->ifindex = (int)if_nametoindex(ifname)) == 0)
			goto fail;
		*what = "socket(AF_PACKET, SOCK_RAW, ETH_P_ALL)";
		if ((r->link = socket(AF_PACKET, SOCK_RAW,
		    htons(ETH_P_ALL))) < 0)
			goto fail;
		memset(&sll, 0, sizeof(sll));
		sll.sll_family = AF_PACKET;
		sll.sll_protocol = htons(ETH_P_ALL);
		sll.sll_ifindex = r->ifindex;
		*what = "bind(AF_PACKET)";
		if (bind(r->link, (struct sockaddr *)&sll, sizeof(sll)) != 0)
			goto fail;
		setsockopt(r->link, SOL_SOCKET, SO_TIMESTAMPNS, &on,
		    sizeof(on));
	}
	return 0;
fail:
	e = errno;
	st_raw_close(r);
	errno = e;
	return -1;
}

int
st_raw_recv(int fd, int linktype, struct st_rx *rx,
    const struct timespec *deadline)
{
	char ctl[CMSG_SPACE(sizeof(struct timespec))];
	struct sockaddr_ll from;
	struct cmsghdr *cm;
	struct msghdr mh;
	struct iovec iov;
	ssize_t n;
	short rev;
	int v;

	for (;;) {
		if ((v = st_wait_until(fd, deadline, &rev)) <= 0)
			return v;	/* -1: let callers look at errno */
		if (!(rev & POLLIN))
			continue;
		memset(&mh, 0, sizeof(mh));
		iov.iov_base = rx->buf;
		iov.iov_len = sizeof(rx->buf);
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_name = &from;
		mh.msg_namelen = sizeof(from);
		mh.msg_control = ctl;
		mh.msg_controllen = sizeof(ctl);
		if ((n = recvmsg(fd, &mh, MSG_DONTWAIT)) < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			return -1;
		}
		/* On the IP socket only IPv4 and IPv6 are of interest. */
		if (linktype == DLT_RAW && from.sll_protocol != htons(ETH_P_IP) &&
		    from.sll_protocol != htons(ETH_P_IPV6))
			continue;
		rx->len = (size_t)n;
		rx->linktype = linktype;
		rx->outgoing = from.sll_pkttype == PACKET_OUTGOING;
		clock_gettime(CLOCK_REALTIME, &rx->ts); /* the kernel's, below */
		for (cm = CMSG_FIRSTHDR(&mh); cm != NULL;
		    cm = CMSG_NXTHDR(&mh, cm))
			if (cm->cmsg_level == SOL_SOCKET &&
			    cm->cmsg_type == SCM_TIMESTAMPNS)
				memcpy(&rx->ts, CMSG_DATA(cm), sizeof(rx->ts));
		return 1;
	}
}

int
st_raw_send(struct st_raw *r, const uint8_t *buf, size_t len, int linktype,
    int keep, const char **how)
{
	struct sockaddr_in6 s6;
	struct sockaddr_in s4;
	struct sockaddr_ll sll;

	if (linktype == DLT_EN10MB) {
		*how = "AF_PACKET raw socket on the chosen interface (the frame "
		    "leaves as built)";
		if (r->link < 0) {
			errno = ENODEV;
			return -1;
		}
		return send(r->link, buf, len, 0) == (ssize_t)len ? 0 : -1;
	}
	if (len >= 20 && buf[0] >> 4 == 4 && keep) {
		memset(&sll, 0, sizeof(sll));
		sll.sll_family = AF_PACKET;
		sll.sll_protocol = htons(ETH_P_IP);
		sll.sll_ifindex = r->out_index > 0 ? r->out_index :
		    r->lo_index;
		sll.sll_halen = ETH_ALEN;
		if (r->out_index > 0) {
			memcpy(sll.sll_addr, r->out_mac, ETH_ALEN);
			*how = r->how;
		} else
			*how = "AF_PACKET socket through lo (the packet leaves "
			    "as built: nothing rewritten)";
		return sendto(r->pkt, buf, len, 0, (struct sockaddr *)&sll,
		    sizeof(sll)) == (ssize_t)len ? 0 : -1;
	}
	if (len >= 20 && buf[0] >> 4 == 4) {
		*how = "IPv4 raw socket (IP_HDRINCL): the kernel fills in "
		    "ip.len and ip.checksum, and ip.id and ip.src when 0";
		memset(&s4, 0, sizeof(s4));
		s4.sin_family = AF_INET;
		memcpy(&s4.sin_addr, buf + 16, 4);
		return sendto(r->send4, buf, len, 0, (struct sockaddr *)&s4,
		    sizeof(s4)) == (ssize_t)len ? 0 : -1;
	}
	*how = "IPv6 raw socket (IPPROTO_RAW, header included)";
	if (len < 40 || buf[0] >> 4 != 6) {
		errno = EINVAL;
		return -1;
	}
	memset(&s6, 0, sizeof(s6));
	s6.sin6_family = AF_INET6;
	memcpy(&s6.sin6_addr, buf + 24, 16);
	return sendto(r->send6, buf, len, 0, (struct sockaddr *)&s6,
	    sizeof(s6)) == (ssize_t)len ? 0 : -1;
}
