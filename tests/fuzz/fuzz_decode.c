/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the decoders alone.  The input is a link type and a
 * frame (fuzzlink.h); the frame is decoded, nothing else, so every input
 * the fuzzer spends goes to the code that reads untrusted bytes first.
 * The views have their own target (fuzz_views.c).
 *
 * Each input is a capture of its own: the tables a decoder fills for the
 * packets after it (expected conversations, requests awaiting answers)
 * are emptied first, so an input decodes the same alone or after others
 * and a crash reproduces from its one file.  What only a sequence of
 * packets reaches is fuzz_file.c's.
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
	st_decode_forget();
	st_decode(&pkt, lt);
	return 0;
}
