/* SPDX-License-Identifier: BSD-3-Clause */
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

/* How st_cap_open_cfg sets up the handle. */
struct st_cap_cfg {
	int	snaplen;
	int	nopromisc;
	int	immediate;	/* one by one (TPACKET_V2), else blocks (V3) */
	int	bufsize;	/* bytes of kernel ring; 0: ST_CAP_BUFSIZE */
};
#define ST_CAP_BUFSIZE	(32 * 1024 * 1024)
pcap_t	*st_cap_open_cfg(const char *iface, const struct st_cap_cfg *cfg,
	    char *why, size_t n, int *perm);

/*
 * A capture file written by a thread of its own, so that a slow disk
 * never holds up the reading of the ring: st_capw_start takes fd (opened
 * before privileges were given up) and gives back w->fp, to which the
 * caller writes whole records (pcap_dump_fopen, st_ng_open/st_ng_write),
 * calling st_capw_mark after each.  On a write error (a full disk), the
 * thread cuts the file after its last whole record, so that every packet
 * written stays readable, and sets w->err (errno) for the caller to stop.
 * st_capw_end writes the rest and returns 0, or -1 with errno.
 */
struct st_capw;
struct st_capw *st_capw_start(int fd);
FILE	*st_capw_fp(struct st_capw *w);
void	st_capw_mark(struct st_capw *w);
int	st_capw_err(struct st_capw *w);
int	st_capw_end(struct st_capw *w);

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
