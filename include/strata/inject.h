/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Frames sent onto an interface as they are (pcap_inject), so that a
 * program watching it sees them arrive (strata replay --to).  The handle
 * is opened with privileges; the caller drops them before sending.
 * Prints nothing.
 */
#ifndef STRATA_INJECT_H
#define STRATA_INJECT_H

#include <stddef.h>
#include <stdint.h>

#include <pcap/pcap.h>

struct st_inject {
	pcap_t		*p;
	const char	*iface;
	int		 lt;		/* the interface's, DLT_* */
	unsigned	 mtu;		/* 0: not known */
	unsigned	 hdr;		/* link header, not in the MTU */
	unsigned long long sent, big, failed;
};

/*
 * Opens iface for sending.  Returns 0, or -1 with why filled (and *perm
 * set when the cause is the missing privilege).
 */
int	st_inject_open(struct st_inject *in, const char *iface, char *why,
	    size_t n, int *perm);
/*
 * Sends the n bytes of a frame: 0; 1 when it is longer than the
 * interface's MTU allows (not sent); -1 when the send failed
 * (st_inject_error says why).
 */
int	st_inject_send(struct st_inject *in, const uint8_t *data, size_t n);
/* The most bytes a frame may have: the MTU and the link header. */
size_t	st_inject_max(const struct st_inject *in);
const char *st_inject_error(const struct st_inject *in);
void	st_inject_close(struct st_inject *in);

#endif /* STRATA_INJECT_H */
