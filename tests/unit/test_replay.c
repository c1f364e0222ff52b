/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata replay's library part: the pace (waits, speed, silences cut)
 * and the bounded history going back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <pcap/dlt.h>

#include "strata/replay.h"

static struct timespec
at(double s)
{
	struct timespec t;

	t.tv_sec = (time_t)s;
	t.tv_nsec = (long)((s - (double)t.tv_sec) * 1e9 + 0.5);
	return t;
}

static void
test_pace(void **state)
{
	struct st_pace p;
	struct timespec t;
	double sil;

	(void)state;
	st_pace_init(&p, 2, 2);
	t = at(100);
	assert_true(st_pace_wait(&p, &t, &sil) == 0);
	t = at(101);
	assert_true(st_pace_wait(&p, &t, &sil) > 0.49 &&
	    st_pace_wait(&p, &t, &sil) < 0.51);
	assert_true(sil == 0);
	/* 37.2 s at speed 2 is 18.6 s: cut to 2, the gap said. */
	t = at(138.2);
	assert_true(st_pace_wait(&p, &t, &sil) == 2);
	assert_true(sil > 37.19 && sil < 37.21);
	/* Earlier than the one before: no wait. */
	t = at(130);
	assert_true(st_pace_wait(&p, &t, &sil) == 0);
	t = at(131);
	assert_true(st_pace_wait(&p, &t, &sil) > 0.49);
	/* Speed 0: never a wait, never a silence. */
	st_pace_init(&p, 0, 2);
	t = at(1);
	st_pace_wait(&p, &t, &sil);
	t = at(100);
	assert_true(st_pace_wait(&p, &t, &sil) == 0 && sil == 0);
}

static void
test_history(void **state)
{
	struct st_history h;
	struct st_record rec;
	const struct st_record *got;
	uint8_t b[3];
	unsigned i;

	(void)state;
	assert_int_equal(st_hist_init(&h, 4), 0);
	assert_null(st_hist_get(&h, 1));
	for (i = 1; i <= 6; i++) {
		memset(b, (int)i, sizeof(b));
		st_record_bytes(&rec, b, i % 3 + 1, DLT_EN10MB, NULL);
		rec.num = 10 * i;
		assert_int_equal(st_hist_push(&h, &rec), 0);
	}
	/* 1 and 2 gave way; 3..6 kept, with their own bytes. */
	assert_null(st_hist_get(&h, 1));
	assert_null(st_hist_get(&h, 2));
	assert_null(st_hist_get(&h, 7));
	for (i = 3; i <= 6; i++) {
		got = st_hist_get(&h, i);
		assert_non_null(got);
		assert_int_equal(got->num, 10 * i);
		assert_int_equal(got->caplen, i % 3 + 1);
		assert_int_equal(got->data[0], i);
	}
	st_hist_free(&h);
}

/* Reads packet n (numbered 100 + n) into the stepper. */
static void
step_read(struct st_step *s, unsigned n)
{
	static uint8_t b[1];
	struct st_record rec;

	st_record_bytes(&rec, b, 1, DLT_EN10MB, NULL);
	rec.num = 100 + n;
	assert_int_equal(st_step_add(s, &rec), 0);
}

static void
test_step(void **state)
{
	struct st_step s;
	const struct st_record *rec;
	unsigned i;

	(void)state;
	assert_int_equal(st_step_init(&s, 3), 0);
	assert_null(st_step_cur(&s));
	assert_int_equal(st_step_next(&s, &rec), ST_STEP_READ);
	step_read(&s, 1);
	assert_int_equal(st_step_back(&s, &rec), ST_STEP_FIRST);
	for (i = 2; i <= 5; i++) {
		assert_int_equal(st_step_next(&s, &rec), ST_STEP_READ);
		step_read(&s, i);
	}
	/* 3, 4, 5 kept: back twice, then the history is exhausted. */
	assert_int_equal(st_step_back(&s, &rec), ST_STEP_SHOW);
	assert_int_equal(rec->num, 104);
	assert_int_equal(st_step_back(&s, &rec), ST_STEP_SHOW);
	assert_int_equal(rec->num, 103);
	assert_int_equal(st_step_back(&s, &rec), ST_STEP_GONE);
	assert_int_equal(st_step_cur(&s)->num, 103);
	/* Forward through what was shown, then a new read. */
	assert_int_equal(st_step_next(&s, &rec), ST_STEP_SHOW);
	assert_int_equal(rec->num, 104);
	assert_int_equal(st_step_next(&s, &rec), ST_STEP_SHOW);
	assert_int_equal(rec->num, 105);
	assert_int_equal(st_step_next(&s, &rec), ST_STEP_READ);
	st_step_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pace),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
