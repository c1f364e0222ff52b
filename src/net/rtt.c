/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Round-trip statistics in integer microseconds, with iputils' arithmetic
 * (ping_common.c: two sums, mdev from the variance, no samples kept).
 */
#include <stdio.h>

#include "strata/ping.h"

#define RTT_MAX_US	1000000000LL	/* 1000 s: beyond is a lie */

void
st_rtt_init(struct st_rtt *r)
{
	r->n = 0;
	r->min = INT64_MAX;
	r->max = 0;
	r->sum = 0;
	r->sum2 = 0;
	r->ewma = 0;
}

void
st_rtt_add(struct st_rtt *r, int64_t us)
{
	if (us < 0)
		us = 0;
	if (us > RTT_MAX_US)
		us = RTT_MAX_US;
	if (us < r->min)
		r->min = us;
	if (us > r->max)
		r->max = us;
	r->sum += us;
	r->sum2 += (__int128)us * us;
	r->ewma = r->n == 0 ? us * 8 : r->ewma + us - r->ewma / 8;
	r->n++;
}

int64_t
st_rtt_avg(const struct st_rtt *r)
{
	return r->n == 0 ? 0 : r->sum / (int64_t)r->n;
}

/* The integer square root (floor), as iputils' llsqrt. */
static int64_t
isqrt(int64_t a)
{
	int64_t prev = INT64_MAX, x = a;

	if (a <= 0)
		return 0;
	while (x < prev) {
		prev = x;
		x = (x + a / x) / 2;
	}
	return prev;
}

int64_t
st_rtt_mdev(const struct st_rtt *r)
{
	__int128 n = (__int128)r->n, var;

	if (n == 0)
		return 0;
	var = (r->sum2 - (__int128)r->sum * r->sum / n) / n;
	return isqrt(var > INT64_MAX ? INT64_MAX : (int64_t)var);
}

void
st_rtt_fmt(char *buf, size_t n, int64_t us)
{
	if (us >= 100000)
		snprintf(buf, n, "%lld", (long long)(us / 1000));
	else if (us >= 10000)
		snprintf(buf, n, "%lld.%01lld", (long long)(us / 1000),
		    (long long)(us % 1000 / 100));
	else if (us >= 1000)
		snprintf(buf, n, "%lld.%02lld", (long long)(us / 1000),
		    (long long)(us % 1000 / 10));
	else
		snprintf(buf, n, "%lld.%03lld", (long long)(us / 1000),
		    (long long)(us % 1000));
}
