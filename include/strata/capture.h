/*
 * Live capture through libpcap, and the pcapng writer (libpcap writes only
 * pcap).  The capture handle is opened and activated with privileges; the
 * caller drops them before the first packet is read.
 */
#ifndef STRATA_CAPTURE_H
#define STRATA_CAPTURE_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <pcap/pcap.h>

/*
 * Opens iface for capture with snaplen, promiscuous unless nopromisc,
 * immediate delivery, nanosecond timestamps, non-blocking.  Returns the
 * handle, or NULL with why filled (and *perm set when the cause is the
 * missing privilege).
 */
pcap_t	*st_cap_open(const char *iface, int snaplen, int nopromisc,
	    char *why, size_t n, int *perm);

/*
 * A pcapng file being written: one section, one interface.
 * st_ng_open writes the section header and interface description and
 * returns 0, or -1 with errno.
 */
struct st_ng {
	FILE	*fp;
	int	 err;
};
int	st_ng_open(struct st_ng *w, FILE *fp, int linktype, int snaplen,
	    const char *ifname);
/* Appends one packet (enhanced packet block, nanosecond time). */
int	st_ng_write(struct st_ng *w, const struct timespec *ts,
	    const uint8_t *data, uint32_t caplen, uint32_t len);
int	st_ng_close(struct st_ng *w);

#endif
