/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RFC 1071 Internet checksum.  Used by the decoders to verify and by the
 * builder to compute.
 */
#include "strata/cksum.h"

/*
 * Sixteen bytes a step, as four 32-bit words in the machine's own order,
 * into two sums: a 32-bit word hi:lo adds hi * 65536 + lo, and 65536 is 1
 * modulo 65535, so the folded sum is that of the 16-bit words; and the
 * one's complement sum of words read little-endian is the byte swap of the
 * sum read big-endian (RFC 1071 section 2(B)), so one swap at the end
 * does.  The tail (under eight bytes) goes big-endian, as does sum.
 */
uint32_t
st_cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	uint64_t a0 = 0, a1 = 0, x, y, acc;
	size_t i = 0;

	for (; i + 16 <= n; i += 16) {
		__builtin_memcpy(&x, p + i, 8);
		__builtin_memcpy(&y, p + i + 8, 8);
		a0 += (x >> 32) + (x & 0xffffffffu);
		a1 += (y >> 32) + (y & 0xffffffffu);
	}
	if (i + 8 <= n) {
		__builtin_memcpy(&x, p + i, 8);
		a0 += (x >> 32) + (x & 0xffffffffu);
		i += 8;
	}
	/* Each step adds under 2^34: no overflow below 2^60 bytes. */
	acc = a0 + a1;
	acc = (acc & 0xffffffffu) + (acc >> 32);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	acc = (uint16_t)(acc << 8 | acc >> 8);
#endif
	acc += sum;
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

/* CRC32c's reflected polynomial 0x82f63b78, four bits a step. */
static const uint32_t crc32c_nib[16] = {
	0x00000000, 0x105ec76f, 0x20bd8ede, 0x30e349b1,
	0x417b1dbc, 0x5125dad3, 0x61c69362, 0x7198540d,
	0x82f63b78, 0x92a8fc17, 0xa24bb5a6, 0xb21572c9,
	0xc38d26c4, 0xd3d3e1ab, 0xe330a81a, 0xf36e6f75
};

uint32_t
st_crc32c(const uint8_t *p, size_t n, size_t skip)
{
	uint32_t crc = 0xffffffffu;
	size_t i;

	for (i = 0; i < n; i++) {
		crc ^= i >= skip && i < skip + 4 ? 0 : p[i];
		crc = (crc >> 4) ^ crc32c_nib[crc & 15];
		crc = (crc >> 4) ^ crc32c_nib[crc & 15];
	}
	return ~crc;
}

unsigned
st_fletcher(const uint8_t *p, size_t n, size_t ck)
{
	int c0 = 0, c1 = 0, x, y;
	size_t i;

	for (i = 0; i < n; i++) {
		c0 = (c0 + (i == ck || i == ck + 1 ? 0 : p[i])) % 255;
		c1 = (c1 + c0) % 255;
	}
	x = (int)(((long)(n - ck - 1) * c0 - c1) % 255);
	if (x <= 0)
		x += 255;
	y = 510 - c0 - x;
	if (y > 255)
		y -= 255;
	return (unsigned)(x << 8 | y);
}
