/* SPDX-License-Identifier: BSD-3-Clause */
/* RFC 1071 checksums and the pseudo-headers. */
#include "testutil.h"

#include "strata/cksum.h"

/* RFC 1071 section 3's example: the sum of these bytes is 0xddf2. */
static void
test_rfc1071_example(void **state)
{
	static const uint8_t b[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5,
		0xf6, 0xf7 };

	(void)state;
	assert_int_equal(st_cksum_fold(st_cksum_add(0, b, sizeof(b))), 0xddf2);
	assert_int_equal(st_cksum_finish(st_cksum_add(0, b, sizeof(b))),
	    0x220d);
}

static void
test_odd_length_pads_with_zero(void **state)
{
	static const uint8_t b[] = { 0x01, 0x02, 0x03 };

	(void)state;
	assert_int_equal(st_cksum_fold(st_cksum_add(0, b, 3)), 0x0402);
}

/* A real IPv4 header (from captures/icmp-echo.pcap) sums to 0xffff. */
static void
test_ipv4_header_verifies(void **state)
{
	static const uint8_t h[] = { 0x45, 0x00, 0x00, 0x54, 0x6d, 0x00, 0x40,
		0x00, 0x40, 0x01, 0xcf, 0xa6, 0x7f, 0x00, 0x00, 0x01, 0x7f,
		0x00, 0x00, 0x01 };
	uint8_t z[sizeof(h)];

	(void)state;
	assert_int_equal(st_cksum_fold(st_cksum_add(0, h, sizeof(h))), 0xffff);
	memcpy(z, h, sizeof(z));
	z[10] = z[11] = 0;
	assert_int_equal(st_cksum_finish(st_cksum_add(0, z, sizeof(z))),
	    0xcfa6);
}

/* Long inputs do not overflow the 32-bit sum. */
static void
test_long_input(void **state)
{
	static uint8_t b[200000];

	(void)state;
	memset(b, 0xff, sizeof(b));
	assert_int_equal(st_cksum_fold(st_cksum_add(0, b, sizeof(b))), 0xffff);
}

/* The one's complement sum as RFC 1071 writes it: 16 bits at a time. */
static uint16_t
slow_sum(uint32_t sum, const uint8_t *p, size_t n)
{
	uint64_t acc = sum;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		acc += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (i < n)
		acc += (uint32_t)p[i] << 8;
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint16_t)acc;
}

/*
 * Every length up to 100 bytes, at every alignment, from several start
 * sums, on bytes that carry: the same folded sum as the plain loop, to the
 * bit (0xffff stays 0xffff: folding never makes 0 of what is not).
 */
static void
test_agrees_with_plain_loop(void **state)
{
	static const uint32_t starts[] = { 0, 1, 0xffff, 0x1fffe, 0x12345 };
	uint8_t b[128];
	size_t off, n, k, i;
	uint32_t seed = 7;

	(void)state;
	for (i = 0; i < sizeof(b); i++) {
		seed = seed * 1103515245u + 12345u;
		b[i] = i % 5 == 0 ? 0xff : (uint8_t)(seed >> 16);
	}
	for (off = 0; off < 8; off++)
		for (n = 0; off + n <= 108; n++)
			for (k = 0; k < sizeof(starts) / sizeof(starts[0]);
			    k++) {
				uint16_t want = slow_sum(starts[k], b + off, n);
				uint16_t got = st_cksum_fold(st_cksum_add(
				    starts[k], b + off, n));

				assert_int_equal(got, want);
			}
}

static void
test_pseudo_header(void **state)
{
	static const uint8_t a[4] = { 127, 0, 0, 1 };
	uint32_t s;

	(void)state;
	/* 0x7f00+0x0001 twice, protocol 17, length 21. */
	s = st_cksum_pseudo(4, a, a, 17, 21);
	assert_int_equal(st_cksum_fold(s), 0x7f00 * 2 + 2 + 17 + 21);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc1071_example),
		cmocka_unit_test(test_odd_length_pads_with_zero),
		cmocka_unit_test(test_ipv4_header_verifies),
		cmocka_unit_test(test_long_input),
		cmocka_unit_test(test_agrees_with_plain_loop),
		cmocka_unit_test(test_pseudo_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
