/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the decoders alone.  The input is a link type and a
 * frame (fuzzlink.h); the frame is decoded, nothing else, so every input
 * the fuzzer spends goes to the code that reads untrusted bytes first.
 * The views have their own target (fuzz_views.c).
 */
#include <stddef.h>
#include <stdint.h>

#include "strata/decode.h"
#include "fuzzlink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_packet pkt;
	int lt;

	if ((lt = fz_packet(&pkt, data, size)) < 0)
		return 0;
	st_decode(&pkt, lt);
	return 0;
}
