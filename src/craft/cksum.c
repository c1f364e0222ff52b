/*
 * RFC 1071 Internet checksum.  Used by the decoders to verify and by the
 * builder to compute.
 */
#include "strata/cksum.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#define __builtin_bswap64(x) (x)
#endif

/*
 * Four bytes at a time: a big-endian 32-bit word hi:lo adds hi * 65536 +
 * lo, and 65536 is 1 modulo 65535, so the folded sum is the same as adding
 * the two 16-bit words (RFC 1071 section 2(B), byte order independence).
 */
uint32_t
st_cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	uint64_t acc = sum, x;
	size_t i = 0;

	/* Eight bytes a step: two big-endian 32-bit words. */
	for (; i + 8 <= n; i += 8) {
		__builtin_memcpy(&x, p + i, 8);
		x = __builtin_bswap64(x);
		acc += (x >> 32) + (x & 0xffffffffu);
	}
	for (; i + 4 <= n; i += 4)
		acc += (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
		    (uint32_t)p[i + 2] << 8 | p[i + 3];
	for (; i + 1 < n; i += 2)
		acc += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (i < n)
		acc += (uint32_t)p[i] << 8;
	acc = (acc & 0xffffffffu) + (acc >> 32);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
	return (uint32_t)acc;
}

uint16_t
st_cksum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

uint16_t
st_cksum_finish(uint32_t sum)
{
	return (uint16_t)~st_cksum_fold(sum);
}

uint32_t
st_cksum_pseudo(int fam, const uint8_t *src, const uint8_t *dst,
    uint8_t proto, uint32_t len)
{
	size_t alen = fam == 6 ? 16 : 4;
	uint32_t sum = 0;

	sum = st_cksum_add(sum, src, alen);
	sum = st_cksum_add(sum, dst, alen);
	sum += proto;
	sum += len >> 16;
	sum += len & 0xffff;
	return sum;
}
