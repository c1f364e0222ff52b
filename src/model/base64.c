/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Base64 (RFC 4648 section 4, with padding): how Wireshark shows some
 * keys (WireGuard's public keys) and how the HTML report embeds a
 * packet's bytes.  Encoding only; a decoder that meets base64 on the wire
 * reads it itself.
 */
#include "strata/proto.h"

size_t
st_base64(const uint8_t *p, size_t n, char *out, size_t outn)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, k = 0;
	uint32_t v;

	if (outn == 0)
		return 0;
	for (i = 0; i < n && k + 4 < outn; i += 3) {
		v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 :
		    0) | (i + 2 < n ? p[i + 2] : 0);
		out[k++] = b64[v >> 18];
		out[k++] = b64[v >> 12 & 63];
		out[k++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[k++] = i + 2 < n ? b64[v & 63] : '=';
	}
	out[k] = '\0';
	return k;
}
