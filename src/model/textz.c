/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NUL-terminated strings as text fields (st_dtextz, include/strata/proto.h).
 */
#include <string.h>

#include "strata/proto.h"

size_t
st_dtextz(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff)
{
	char buf[ST_DTEXT_MAX * 4 + 8];
	struct st_cur t = *c;
	const uint8_t *p, *nul;
	size_t left;

	if (!st_cur_skip(&t, byteoff)) {
		c->err = t.err;
		return 0;
	}
	left = st_cur_left(&t);
	if ((p = st_get_bytes(&t, left)) == NULL ||
	    (nul = memchr(p, '\0', left)) == NULL) {
		c->err = ST_ETRUNC;
		return 0;
	}
	st_escape_ascii(p, (size_t)(nul - p) < ST_DTEXT_MAX ?
	    (size_t)(nul - p) : ST_DTEXT_MAX, buf, sizeof(buf));
	st_dtext(d, c, fd, byteoff, (size_t)(nul - p) + 1, buf);
	return (size_t)(nul - p) + 1;
}
