/* SPDX-License-Identifier: BSD-3-Clause */
/* The bounds-checked reader: every accessor at every remaining length. */
#include "testutil.h"

#include "strata/cursor.h"

static const uint8_t bytes[] = { 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc };

static void
test_reads_in_bounds(void **state)
{
	struct st_cur c = st_cur_make(bytes, sizeof(bytes));

	(void)state;
	assert_int_equal(st_get_u8(&c), 0x12);
	assert_int_equal(st_get_be16(&c), 0x3456);
	assert_int_equal(st_cur_left(&c), 3);
	c = st_cur_make(bytes, sizeof(bytes));
	assert_int_equal(st_get_be32(&c), 0x12345678);
	c = st_cur_make(bytes, sizeof(bytes));
	assert_int_equal(st_get_le32(&c), 0x78563412);
	c = st_cur_make(bytes, sizeof(bytes));
	assert_int_equal(st_get_le16(&c), 0x3412);
	assert_int_equal(c.err, ST_OK);
}

/* Each accessor, with 0..width-1 bytes left, fails, returns 0, moves nothing. */
static void
test_each_accessor_at_every_left(void **state)
{
	size_t left;

	(void)state;
	for (left = 0; left <= sizeof(bytes); left++) {
		struct st_cur c = st_cur_make(bytes, left);

		assert_int_equal(st_get_u8(&c), left >= 1 ? 0x12 : 0);
		assert_int_equal(c.err, left >= 1 ? ST_OK : ST_ETRUNC);
		c = st_cur_make(bytes, left);
		assert_int_equal(st_get_be16(&c), left >= 2 ? 0x1234 : 0);
		assert_int_equal(c.off, left >= 2 ? 2 : 0);
		c = st_cur_make(bytes, left);
		assert_int_equal(st_get_be32(&c), left >= 4 ? 0x12345678 : 0);
		assert_int_equal(c.err, left >= 4 ? ST_OK : ST_ETRUNC);
		c = st_cur_make(bytes, left);
		assert_true((st_get_bytes(&c, 5) != NULL) == (left >= 5));
	}
}

static void
test_error_is_sticky(void **state)
{
	struct st_cur c = st_cur_make(bytes, 3);

	(void)state;
	assert_int_equal(st_get_be32(&c), 0);
	assert_int_equal(st_get_u8(&c), 0);	/* a byte is there, but no */
	assert_int_equal(st_cur_left(&c), 0);
	assert_int_equal(c.off, 0);
}

static void
test_peek_bits(void **state)
{
	struct st_cur c = st_cur_make(bytes, sizeof(bytes));

	(void)state;
	assert_int_equal(st_peek_bits(&c, 0, 4), 0x1);
	assert_int_equal(st_peek_bits(&c, 4, 4), 0x2);
	assert_int_equal(st_peek_bits(&c, 4, 12), 0x234);
	assert_int_equal(st_peek_bits(&c, 19, 13), 0x1678);
	assert_int_equal(st_peek_bits(&c, 0, 48), 0x123456789abcULL);
	assert_int_equal(c.off, 0);
	assert_int_equal(st_peek_bits(&c, 44, 8), 0);
	assert_int_equal(c.err, ST_ETRUNC);
}

static void
test_sub_clips_to_capture(void **state)
{
	struct st_cur c = st_cur_make(bytes, sizeof(bytes)), s;
	int clipped;

	(void)state;
	st_get_u8(&c);
	s = st_cur_sub(&c, 2, &clipped);
	assert_false(clipped);
	assert_int_equal(st_cur_left(&s), 2);
	assert_int_equal(st_get_be16(&s), 0x3456);
	assert_int_equal(st_get_u8(&s), 0);
	assert_int_equal(s.err, ST_ETRUNC);
	s = st_cur_sub(&c, 100, &clipped);
	assert_true(clipped);
	assert_int_equal(st_cur_left(&s), 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_in_bounds),
		cmocka_unit_test(test_each_accessor_at_every_left),
		cmocka_unit_test(test_error_is_sticky),
		cmocka_unit_test(test_peek_bits),
		cmocka_unit_test(test_sub_clips_to_capture),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
