/*
 * Live capture: libpcap's handle set up for watching as packets come
 * (immediate mode, nanosecond timestamps, non-blocking for a poll loop).
 */
#include <string.h>

#include "strata/capture.h"

pcap_t *
st_cap_open(const char *iface, int snaplen, int nopromisc, char *why,
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
	pcap_set_snaplen(p, snaplen);
	pcap_set_promisc(p, !nopromisc);
	pcap_set_immediate_mode(p, 1);
	pcap_set_timeout(p, 100);
	pcap_set_buffer_size(p, 4 * 1024 * 1024);
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
