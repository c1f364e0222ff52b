/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Compressed bytes a decoder meets opened: gzip (RFC 1952), deflate in its
 * zlib wrapper (RFC 1950) or bare (RFC 1951), inflated as far as the bytes
 * at hand go, as tshark does before it shows them (an HTTP body sent with
 * Content-Encoding, an IPComp payload).  The inflating is zlib's (Debian's
 * zlib1g, the library every peer uses for it): one call over the whole
 * input into a bounded output, so a stream that breaks the format, or is
 * cut short, ends the output where it broke.
 */
#include <string.h>
#include <zlib.h>

#include "strata/proto.h"

size_t
st_inflate(const uint8_t *p, size_t n, uint8_t *out, size_t outn)
{
	z_stream z;
	int wbits = -MAX_WBITS;		/* bare deflate */

	if (n == 0 || outn == 0 || n > UINT_MAX || outn > UINT_MAX)
		return 0;
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		wbits = 16 + MAX_WBITS;	/* gzip's header and trailer */
	else if (n >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 &&
	    ((unsigned)p[0] << 8 | p[1]) % 31 == 0) {
		if (p[1] & 0x20)	/* a preset dictionary: not ours */
			return 0;
		wbits = MAX_WBITS;	/* the zlib wrapper */
	}
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, wbits) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)p;	/* zlib reads it only */
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)outn;
	/* what came out before an error or the end of the input counts */
	(void)inflate(&z, Z_SYNC_FLUSH);
	n = outn - z.avail_out;
	inflateEnd(&z);
	return n;
}
