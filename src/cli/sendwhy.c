/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What strata send can tell before a packet leaves: that this host's own
 * kernel will drop it (a packet sent as built through lo is routed as if
 * it came in from a wire, and Linux calls it a martian), and that a reply
 * to a spoofed source goes elsewhere.
 */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "strata/net.h"
#include "sendcli.h"

/* A sysctl of net.ipv4.conf.{all,lo}: the kernel ORs the two. */
static int
conf_on(const char *name)
{
	char path[96];
	FILE *fp;
	int c, on = 0;
	const char *dev[] = { "all", "lo" };
	size_t i;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "/proc/sys/net/ipv4/conf/%s/%s",
		    dev[i], name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		c = fgetc(fp);
		fclose(fp);
		on |= c == '1';
	}
	return on;
}

int
st_send_is_local(int fam, const uint8_t *addr)
{
	struct ifaddrs *all, *i;
	int yes = 0;

	if (st_is_loopback(fam, addr))
		return 1;
	if (getifaddrs(&all) != 0)
		return 0;
	for (i = all; i != NULL && !yes; i = i->ifa_next) {
		if (i->ifa_addr == NULL)
			continue;
		if (fam == 4 && i->ifa_addr->sa_family == AF_INET)
			yes = memcmp(&((struct sockaddr_in *)i->ifa_addr)->
			    sin_addr, addr, 4) == 0;
		else if (fam == 6 && i->ifa_addr->sa_family == AF_INET6)
			yes = memcmp(&((struct sockaddr_in6 *)i->ifa_addr)->
			    sin6_addr, addr, 16) == 0;
	}
	freeifaddrs(all);
	return yes;
}

int
st_send_lo_drop(const uint8_t *ip, size_t n, const uint8_t *eth_dst,
    char *why, size_t len)
{
	static const uint8_t zero[6];
	char d[INET_ADDRSTRLEN], s[INET_ADDRSTRLEN];

	why[0] = '\0';
	if (eth_dst != NULL && memcmp(eth_dst, zero, 6) != 0) {
		snprintf(why, len, "its eth.dst is not lo's address "
		    "(00:00:00:00:00:00), so Linux takes the frame as one for "
		    "another host and drops it; leave eth.dst unset");
		return 1;
	}
	if (n < 20 || ip[0] >> 4 != 4)
		return 0;
	inet_ntop(AF_INET, ip + 16, d, sizeof(d));
	inet_ntop(AF_INET, ip + 12, s, sizeof(s));
	/* Nothing from a socket comes with it: Linux routes it as if it came
	 * in from a wire, where 127.0.0.0/8 and this host's own addresses
	 * are martians (ip_route_input: in_martian_dst, in_martian_src). */
	if (ip[16] == 127 && !conf_on("route_localnet"))
		snprintf(why, len, "Linux routes a packet sent as built "
		    "through lo as one that came in from a wire, and drops one "
		    "to %s as a martian destination (127.0.0.0/8 from a "
		    "device: net.ipv4.conf.lo.route_localnet=0)%s", d,
		    st_send_is_local(4, ip + 12) && !conf_on("accept_local") ?
		    " and a martian source (this host's own address: "
		    "net.ipv4.conf.lo.accept_local=0)" : "");
	else if (st_send_is_local(4, ip + 12) && !conf_on("accept_local"))
		snprintf(why, len, "Linux routes a packet sent as built "
		    "through lo as one that came in from a wire, and drops one "
		    "from %s, this host's own address, as a martian source "
		    "(net.ipv4.conf.lo.accept_local=0)", s);
	return why[0] != '\0';
}
