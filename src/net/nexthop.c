/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where an IPv4 packet sent exactly as built goes.  An IP_HDRINCL socket
 * rewrites ip.len and ip.checksum, so a packet that must keep a crafted one
 * leaves on an AF_PACKET socket instead, and then strata, not the kernel,
 * picks the interface and the next hop's MAC address: the route from
 * /proc/net/route (longest prefix), the address from the kernel's ARP
 * table, or, when it has none, from an ARP request of strata's own.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "strata/net.h"

#define RTF_UP_		0x0001
#define RTF_GATEWAY_	0x0002
#define ATF_COM_	0x02

static int
prefix_len(uint32_t mask_be)
{
	uint32_t m = ntohl(mask_be);
	int n = 0;

	while (m & 0x80000000u) {
		n++;
		m <<= 1;
	}
	return n;
}

int
st_nexthop_route(const uint8_t dst[4], struct st_nexthop *nh,
    const char **why)
{
	char line[256], ifname[IF_NAMESIZE];
	unsigned long d, g, m;
	unsigned flags, metric, best_metric = 0;
	uint32_t dst_be;
	int best = -1, len;
	FILE *fp;

	memset(nh, 0, sizeof(*nh));
	memcpy(&dst_be, dst, 4);
	if ((fp = fopen("/proc/net/route", "r")) == NULL) {
		*why = "cannot read /proc/net/route";
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "%15s %lx %lx %x %*d %*d %u %lx", ifname, &d, &g,
		    &flags, &metric, &m) != 6 || !(flags & RTF_UP_))
			continue;
		if ((dst_be & (uint32_t)m) != (uint32_t)d)
			continue;
		len = prefix_len((uint32_t)m);
		if (len < best || (len == best && metric >= best_metric))
			continue;
		best = len;
		best_metric = metric;
		memcpy(nh->ifname, ifname, sizeof(nh->ifname));
		if (flags & RTF_GATEWAY_)
			memcpy(nh->via, &g, 4), nh->gateway = 1;
		else
			memcpy(nh->via, dst, 4), nh->gateway = 0;
	}
	fclose(fp);
	if (best < 0) {
		*why = "no route to it";
		return -1;
	}
	if ((nh->ifindex = (int)if_nametoindex(nh->ifname)) == 0) {
		*why = "its route's interface is gone";
		return -1;
	}
	return 0;
}

/* The kernel's ARP table: 0 when it holds a complete entry for nh->via. */
static int
arp_table(struct st_nexthop *nh)
{
	char line[256], ip[64], hw[64], dev[IF_NAMESIZE + 8];
	unsigned flags, b[6];
	uint8_t a[4];
	int rc = -1, i;
	FILE *fp;

	if ((fp = fopen("/proc/net/arp", "r")) == NULL)
		return -1;
	while (rc != 0 && fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "%63s %*x %x %63s %*s %15s", ip, &flags, hw,
		    dev) != 4 || !(flags & ATF_COM_) ||
		    inet_pton(AF_INET, ip, a) != 1 || memcmp(a, nh->via, 4) ||
		    strcmp(dev, nh->ifname) != 0 ||
		    sscanf(hw, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3],
		    &b[4], &b[5]) != 6)
			continue;
		for (i = 0; i < 6; i++)
			nh->mac[i] = (uint8_t)b[i];
		rc = 0;
	}
	fclose(fp);
	return rc;
}

/* This host's MAC address on nh's interface, from sysfs. */
static int
own_mac(const struct st_nexthop *nh, uint8_t mac[6])
{
	char path[64], text[64];
	unsigned b[6];
	FILE *fp;
	int i, ok;

	snprintf(path, sizeof(path), "/sys/class/net/%s/address", nh->ifname);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	ok = fgets(text, sizeof(text), fp) != NULL &&
	    sscanf(text, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3],
	    &b[4], &b[5]) == 6;
	fclose(fp);
	for (i = 0; ok && i < 6; i++)
		mac[i] = (uint8_t)b[i];
	return ok ? 0 : -1;
}

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
st_nexthop_mac(int pktfd, const uint8_t src[4], struct st_nexthop *nh,
    double timeout, const char **why)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct sockaddr_ll sll, from;
	socklen_t fl;
	uint8_t req[28], rep[64];
	struct pollfd pfd;
	double end;
	ssize_t n;
	int ms;

	if (arp_table(nh) == 0)
		return 0;
	/* An ARP request of our own (RFC 826), broadcast on the interface. */
	memset(req, 0, sizeof(req));
	req[1] = 1;			/* hardware: Ethernet */
	req[2] = 0x08;			/* protocol: IPv4 */
	req[4] = 6, req[5] = 4;
	req[7] = 1;			/* request */
	if (own_mac(nh, req + 8) != 0) {
		*why = "the interface has no Ethernet address";
		return -1;
	}
	memcpy(req + 14, src, 4);
	memcpy(req + 24, nh->via, 4);
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ARP);
	sll.sll_ifindex = nh->ifindex;
	sll.sll_halen = 6;
	memcpy(sll.sll_addr, bcast, 6);
	if (sendto(pktfd, req, sizeof(req), 0, (struct sockaddr *)&sll,
	    sizeof(sll)) != (ssize_t)sizeof(req)) {
		*why = strerror(errno);
		return -1;
	}
	nh->asked = 1;
	for (end = now_s() + timeout; (ms = (int)((end - now_s()) * 1000)) > 0;) {
		pfd.fd = pktfd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, ms) <= 0)
			break;
		fl = sizeof(from);
		n = recvfrom(pktfd, rep, sizeof(rep), 0,
		    (struct sockaddr *)&from, &fl);
		if (n < 28 || from.sll_protocol != htons(ETH_P_ARP) ||
		    from.sll_ifindex != nh->ifindex || rep[7] != 2 ||
		    memcmp(rep + 14, nh->via, 4) != 0)
			continue;
		memcpy(nh->mac, rep + 8, 6);
		return 0;
	}
	*why = "no ARP reply";
	return -1;
}
