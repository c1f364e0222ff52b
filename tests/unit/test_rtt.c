/* SPDX-License-Identifier: BSD-3-Clause */
/* RTT statistics: iputils' arithmetic on fixed lists. */
#include "testutil.h"

#include "strata/ping.h"

static void
test_reference_example(void **state)
{
	struct st_rtt r;

	(void)state;
	st_rtt_init(&r);
	st_rtt_add(&r, 1000);
	st_rtt_add(&r, 2000);
	st_rtt_add(&r, 3000);
	assert_int_equal(r.min, 1000);
	assert_int_equal(r.max, 3000);
	assert_int_equal(st_rtt_avg(&r), 2000);
	assert_int_equal(st_rtt_mdev(&r), 816);	/* population, not 1000 */
}

static void
test_small_values(void **state)
{
	struct st_rtt r;

	(void)state;
	st_rtt_init(&r);
	st_rtt_add(&r, 41);
	st_rtt_add(&r, 45);
	st_rtt_add(&r, 52);
	/* avg 46 (138/3), var (6410 - 19044/3)/3 = (6410-6348)/3 = 20 */
	assert_int_equal(st_rtt_avg(&r), 46);
	assert_int_equal(st_rtt_mdev(&r), 4);
	st_rtt_init(&r);
	st_rtt_add(&r, 77);
	assert_int_equal(st_rtt_mdev(&r), 0);
	st_rtt_init(&r);
	assert_int_equal(st_rtt_avg(&r), 0);
	assert_int_equal(st_rtt_mdev(&r), 0);
}

/* A forged reply cannot make the arithmetic overflow (CVE-2025-47268). */
static void
test_hostile_values(void **state)
{
	struct st_rtt r;
	int i;

	(void)state;
	st_rtt_init(&r);
	for (i = 0; i < 1000; i++)
		st_rtt_add(&r, INT64_MAX);
	st_rtt_add(&r, -5);
	assert_int_equal(r.min, 0);
	assert_int_equal(r.max, 1000000000);
	assert_true(st_rtt_mdev(&r) >= 0);
	assert_true(st_rtt_avg(&r) <= 1000000000);
}

static void
test_format_precision(void **state)
{
	char b[32];

	(void)state;
	st_rtt_fmt(b, sizeof(b), 45);
	assert_string_equal(b, "0.045");
	st_rtt_fmt(b, sizeof(b), 1234);
	assert_string_equal(b, "1.23");
	st_rtt_fmt(b, sizeof(b), 12345);
	assert_string_equal(b, "12.3");
	st_rtt_fmt(b, sizeof(b), 123456);
	assert_string_equal(b, "123");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_example),
		cmocka_unit_test(test_small_values),
		cmocka_unit_test(test_hostile_values),
		cmocka_unit_test(test_format_precision),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
