/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Live capture: libpcap's handle set up for a poll loop (nanosecond
 * timestamps, non-blocking), delivering packets one by one (immediate) or
 * in blocks (a TPACKET_V3 ring that holds bursts).
 */
#include <string.h>

#include "strata/capture.h"

pcap_t *
st_cap_open(const char *iface, int snaplen, int nopromisc, char *why,
    size_t n, int *perm)
{
	struct st_cap_cfg cfg = { snaplen, nopromisc, 1, 4 * 1024 * 1024 };

	return st_cap_open_cfg(iface, &cfg, why, n, perm);
}

pcap_t *
st_cap_open_cfg(const char *iface, const struct st_cap_cfg *cfg, char *why,
    size_t n, int *perm)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *p;
	int rc;

	*perm = 0;
	errbuf[0] = '\0';
	if ((p = pcap_create(iface, errbuf)) == NULL) {
		snprintf(why, n, "%s", errbuf);
		return NULL;
	}
	pcap_set_snaplen(p, cfg->snaplen);
	pcap_set_promisc(p, !cfg->nopromisc);
	/*
	 * Immediate mode makes libpcap use a TPACKET_V2 ring, whose slots are
	 * each as large as the snapshot length (on lo, 64 KiB): a few dozen
	 * frames.  Without it, TPACKET_V3 packs packets into blocks by their
	 * real size, handed up when full or after the timeout, as tcpdump.
	 */
	pcap_set_immediate_mode(p, cfg->immediate);
	pcap_set_timeout(p, 100);
	pcap_set_buffer_size(p, cfg->bufsize > 0 ? cfg->bufsize :
	    ST_CAP_BUFSIZE);
	pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
	if ((rc = pcap_activate(p)) < 0) {
		*perm = rc == PCAP_ERROR_PERM_DENIED;
		if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
			snprintf(why, n, "no such interface (strata capture -D "
			    "lists them)");
		else if (rc == PCAP_ERROR && pcap_geterr(p)[0] != '\0')
			snprintf(why, n, "%s", pcap_geterr(p));
		else
			snprintf(why, n, "%s", pcap_statustostr(rc));
		pcap_close(p);
		return NULL;
	}
	if (pcap_setnonblock(p, 1, errbuf) != 0) {
		snprintf(why, n, "%s", errbuf);
		pcap_close(p);
		return NULL;
	}
	return p;
}
