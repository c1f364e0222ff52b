/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: a layer spec, parsed and built, and the packet decoded
 * back.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "strata/craft.h"
#include "strata/decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_spec sp;
	static struct st_packet pkt;
	static uint8_t buf[ST_PKT_MAX];
	static char text[4096];
	struct st_spec_err err;
	size_t n;
	int lt;

	if (size >= sizeof(text))
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (st_spec_parse(text, &sp, &err) != 0)
		return 0;
	sp.payfile = NULL;	/* never read files named by fuzz input */
	if (st_build(&sp, buf, sizeof(buf), &n, &lt, &err) != 0)
		return 0;
	st_pkt_reset(&pkt, buf, (uint32_t)n, (uint32_t)n);
	st_decode(&pkt, lt);
	return 0;
}
