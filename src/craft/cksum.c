/*
 * RFC 1071 Internet checksum.  Used by the decoders to verify and by the
 * builder to compute.
 */
#include "strata/cksum.h"

uint32_t
st_cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2) {
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
		/* Fold early so that any length fits in 32 bits. */
		if (sum & 0x80000000u)
			sum = (sum & 0xffff) + (sum >> 16);
	}
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
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
