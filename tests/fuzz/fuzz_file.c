/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: a capture file, read from memory through strata's
 * reader as every command reads one (classic pcap by libpcap, pcapng by
 * strata's own reader), with a BPF filter half the time (compiled per
 * pcapng link type), and each packet decoded and summarised.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "strata/decode.h"
#include "strata/reader.h"
#include "strata/reasm.h"
#include "strata/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_packet pkt;
	static struct st_out out;
	static FILE *null;
	static struct st_vctx v;	/* kept: the summary's table lives on */
	static struct st_defrag *ra;
	struct st_reader r;
	char why[512];
	FILE *fp;
	int n = 0;

	if (null == NULL)
		null = fopen("/dev/null", "w");
	v.have_t0 = 0;
	if (size == 0 || (fp = fmemopen((void *)data, size, "rb")) == NULL)
		return 0;
	if (st_reader_fopen(&r, fp, "fuzz", why, sizeof(why)) != 0)
		return 0;	/* the reader closed fp */
	/* The last byte chooses a filter: none, or one every link type has. */
	if ((data[size - 1] & 1) != 0 &&
	    st_reader_filter(&r, "len > 40", why, sizeof(why)) != 0) {
		st_reader_close(&r);
		return 0;
	}
	/* The last byte's next bit: reassembly on (--reassemble), so that
	 * what only a reassembled stream reaches is fuzzed too. */
	if (ra == NULL)
		ra = st_defrag_new(1);
	st_defrag_reset(ra);
	if ((data[size - 1] & 2) != 0)
		r.rec.reasm = ra;
	st_out_init(&out, null);
	while (st_reader_next(&r) == 1 && n++ < 1000) {
		st_decode_frame(&pkt, &r.rec, 0);
		st_view_summary.packet(&out, &pkt, &v);
		st_view_json.packet(&out, &pkt, &v);
	}
	(void)st_reader_error(&r);
	st_out_flush(&out);
	st_reader_close(&r);
	return 0;
}
