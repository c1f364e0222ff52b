/*
 * libFuzzer target: a packet.  The first byte picks the link type, the
 * rest is the frame; it is decoded and shown by every view into a sink
 * that discards, so every view's reading of the model is exercised too;
 * then the readers beside the views: the prediction, the quote diff (the
 * packet against itself), every quiz question it can ask, and the stats
 * view's end.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pcap/dlt.h>

#include "strata/decode.h"
#include "strata/follow.h"
#include "strata/predict.h"
#include "strata/quiz.h"
#include "strata/view.h"

static const int links[] = { DLT_EN10MB, DLT_RAW, DLT_LINUX_SLL,
	DLT_LINUX_SLL2, DLT_NULL, DLT_LOOP, DLT_IPV4, DLT_IPV6, 147 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_packet pkt;
	static struct st_out out;
	static struct st_follow fw;
	static FILE *null;
	static struct st_vctx v;	/* kept: the summary's table lives on */
	struct st_prediction pr;
	struct st_quiz_q q;
	struct st_flow k;
	char line[512];
	size_t i;
	int kind;

	if (size < 1)
		return 0;
	if (null == NULL)
		null = fopen("/dev/null", "w");
	v.have_t0 = 0;
	st_pkt_reset(&pkt, data + 1, (uint32_t)(size - 1),
	    (uint32_t)(size - 1 + (data[0] & 0x80 ? 100 : 0)));
	pkt.num = 1;
	st_decode(&pkt, links[data[0] % (sizeof(links) / sizeof(links[0]))]);
	st_out_init(&out, null);
	v.color = data[0] & 0x40;
	for (i = 0; st_views[i] != NULL; i++)
		st_views[i]->packet(&out, &pkt, &v);
	st_out_flush(&out);
	st_predict(&pkt, (enum st_listen)(data[0] % 3) - 1, &pr);
	st_predict_check(&pr, &pkt, line, sizeof(line));
	st_quote_diff(&out, &pkt, &pkt);
	for (kind = 0; kind < ST_Q_NKINDS; kind++)
		if (st_quiz_make(&q, (enum st_quiz_kind)kind, &pkt, &v) == 0) {
			st_quiz_ask(&out, &q, 1);
			st_quiz_check(&q, "0x10");
			st_quiz_hint(&q, "5");
			st_quiz_working(&out, &q);
		}
	if (data[0] % 16 == 0)		/* "no packets" when it kept none */
		st_view_stats.end(&out, &v);
	st_out_flush(&out);
	if (st_follow_key(&pkt, &k) == 0) {
		st_follow_init(&fw, &k);
		st_follow_add(&fw, &pkt);
		st_follow_render(&out, &fw, &v);
		st_out_flush(&out);
		st_follow_free(&fw);
	}
	return 0;
}
