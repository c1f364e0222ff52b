/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NTP timestamps as text fields (include/strata/ntptime.h).
 */
#include <stdio.h>
#include <time.h>

#include "strata/ntptime.h"

#define NTP_UNIX	2208988800u	/* 1900 to 1970, in seconds */

struct st_field *
st_dntptime(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, const char *zero)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct st_cur t = *c;
	uint32_t sec, frac;
	char buf[64];
	struct tm tm;
	time_t u;

	t.off += byteoff;
	sec = st_get_be32(&t);
	frac = st_get_be32(&t);
	if (t.err != ST_OK) {
		c->err = t.err;
		return NULL;
	}
	if (sec == 0 && frac == 0)
		return st_dtext(d, c, fd, byteoff, 8, zero);
	u = (time_t)((int64_t)sec - NTP_UNIX + (sec & 0x80000000u ? 0 :
	    ((int64_t)1 << 32)));
	if (gmtime_r(&u, &tm) == NULL)
		return st_dtext(d, c, fd, byteoff, 8, "?");
	snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d.%09u UTC",
	    months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec,
	    (unsigned)(((uint64_t)frac * 1000000000u) >> 32));
	return st_dtext(d, c, fd, byteoff, 8, buf);
}
