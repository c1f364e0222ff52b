/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: a capture file.  The bytes are read as pcap or pcapng
 * by libpcap from memory, and each packet decoded and summarised.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pcap/pcap.h>

#include "strata/decode.h"
#include "strata/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_packet pkt;
	static struct st_out out;
	static FILE *null;
	char errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	static struct st_vctx v;	/* kept: the summary's table lives on */
	FILE *fp;
	pcap_t *p;
	int n = 0;

	if (null == NULL)
		null = fopen("/dev/null", "w");
	v.have_t0 = 0;
	if (size == 0 || (fp = fmemopen((void *)data, size, "rb")) == NULL)
		return 0;
	if ((p = pcap_fopen_offline_with_tstamp_precision(fp,
	    PCAP_TSTAMP_PRECISION_NANO, errbuf)) == NULL) {
		fclose(fp);
		return 0;
	}
	st_out_init(&out, null);
	while (pcap_next_ex(p, &h, &d) == 1 && n++ < 1000) {
		st_pkt_reset(&pkt, d, h->caplen, h->len);
		pkt.num = (uint64_t)n;
		st_decode(&pkt, pcap_datalink(p));
		st_view_summary.packet(&out, &pkt, &v);
		st_view_json.packet(&out, &pkt, &v);
	}
	st_out_flush(&out);
	pcap_close(p);
	return 0;
}
