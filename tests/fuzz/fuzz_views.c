/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the views.  The input is a link type and a frame
 * (fuzzlink.h; the first byte's free bits choose colour, the listener the
 * prediction assumes and whether the stats view ends); it is decoded and
 * shown by every view into a sink
 * that discards, so every view's reading of the model is exercised too;
 * then the readers beside the views: the prediction, the quote diff (the
 * packet against itself), every quiz question it can ask, and the stats
 * view's end.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/follow.h"
#include "strata/predict.h"
#include "strata/quiz.h"
#include "strata/view.h"
#include "fuzzlink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_packet pkt;
	static struct st_out out;
	static struct st_follow fw;
	static FILE *null;
	static struct st_vctx v;
	struct st_prediction pr;
	struct st_quiz_q q;
	struct st_flow k;
	char line[512];
	size_t i;
	int kind, lt, opt;

	if ((lt = fz_packet(&pkt, data, size)) < 0)
		return 0;
	if (null == NULL)
		null = fopen("/dev/null", "w");
	opt = data[0] >> 2 & 0x1f;
	v.have_t0 = 0;
	st_decode(&pkt, lt);
	st_out_init(&out, null);
	v.color = opt & 1;
	for (i = 0; st_views[i] != NULL; i++)
		st_views[i]->packet(&out, &pkt, &v);
	st_out_flush(&out);
	st_predict(&pkt, (enum st_listen)((opt >> 1) % 3) - 1, &pr);
	st_predict_check(&pr, &pkt, line, sizeof(line));
	st_quote_diff(&out, &pkt, &pkt);
	for (kind = 0; kind < ST_Q_NKINDS; kind++)
		if (st_quiz_make(&q, (enum st_quiz_kind)kind, &pkt, &v) == 0) {
			st_quiz_ask(&out, &q, 1);
			st_quiz_check(&q, "0x10");
			st_quiz_hint(&q, "5");
			st_quiz_working(&out, &q);
		}
	if ((opt & 0x18) == 0)
		st_view_stats.end(&out, &v);
	st_out_flush(&out);
	if (st_follow_key(&pkt, &k) == 0) {
		st_follow_init(&fw, &k);
		st_follow_add(&fw, &pkt);
		st_follow_render(&out, &fw, &v);
		st_out_flush(&out);
		st_follow_free(&fw);
	}
	/*
	 * The views' tables (summary, quotes, stats) start empty for every
	 * input: a crash then depends on its input alone, so it can be kept
	 * as a regression input, and the stats view's end does not slow down
	 * as its tables fill over a run.  Runs of packets sharing the tables
	 * are the file target's.
	 */
	st_vctx_free(&v);
	memset(&v, 0, sizeof(v));
	return 0;
}
