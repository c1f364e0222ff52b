/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Injection: a libpcap handle activated on an interface only to send
 * whole frames through it (pcap_inject), with the interface's MTU read
 * once so that a frame too big is said rather than dropped unseen.
 */
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "strata/inject.h"

/* The interface's MTU, or 0 when the kernel will not say. */
static unsigned
iface_mtu(const char *iface)
{
	struct ifreq ifr;
	int fd;
	unsigned mtu = 0;

	if ((fd = socket(AF_INET, SOCK_DGRAM, 0)) < 0)
		return 0;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", iface);
	if (ioctl(fd, SIOCGIFMTU, &ifr) == 0 && ifr.ifr_mtu > 0)
		mtu = (unsigned)ifr.ifr_mtu;
	close(fd);
	return mtu;
}

/* Bytes of link header in front of what the MTU counts. */
static unsigned
link_header(int lt)
{
	switch (lt) {
	case DLT_EN10MB:
		return 14;
	case DLT_LINUX_SLL:
		return 16;
	default:
		return 0;
	}
}

int
st_inject_open(struct st_inject *in, const char *iface, char *why, size_t n,
    int *perm)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	int rc;

	memset(in, 0, sizeof(*in));
	*perm = 0;
	in->iface = iface;
	errbuf[0] = '\0';
	if ((in->p = pcap_create(iface, errbuf)) == NULL) {
		snprintf(why, n, "%s", errbuf);
		return -1;
	}
	/* Nothing is read through it: keep the kernel's buffer small. */
	pcap_set_snaplen(in->p, 64);
	pcap_set_buffer_size(in->p, 64 * 1024);
	if ((rc = pcap_activate(in->p)) < 0) {
		*perm = rc == PCAP_ERROR_PERM_DENIED;
		if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
			snprintf(why, n, "no such interface (strata capture -D "
			    "lists them)");
		else if (rc == PCAP_ERROR && pcap_geterr(in->p)[0] != '\0')
			snprintf(why, n, "%s", pcap_geterr(in->p));
		else
			snprintf(why, n, "%s", pcap_statustostr(rc));
		pcap_close(in->p);
		in->p = NULL;
		return -1;
	}
	in->lt = pcap_datalink(in->p);
	in->mtu = iface_mtu(iface);
	in->hdr = link_header(in->lt);
	return 0;
}

size_t
st_inject_max(const struct st_inject *in)
{
	return in->mtu == 0 ? (size_t)-1 : (size_t)in->mtu + in->hdr;
}

int
st_inject_send(struct st_inject *in, const uint8_t *data, size_t n)
{
	if (n > st_inject_max(in)) {
		in->big++;
		return 1;
	}
	if (pcap_inject(in->p, data, n) != (int)n) {
		in->failed++;
		return -1;
	}
	in->sent++;
	return 0;
}

const char *
st_inject_error(const struct st_inject *in)
{
	return pcap_geterr(in->p);
}

void
st_inject_close(struct st_inject *in)
{
	if (in->p != NULL)
		pcap_close(in->p);
	in->p = NULL;
}
