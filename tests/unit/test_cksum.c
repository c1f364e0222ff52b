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
		cmocka_unit_test(test_pseudo_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
