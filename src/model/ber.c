/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BER reader (strata/ber.h): identifiers, definite lengths and the
 * values of INTEGER and OBJECT IDENTIFIER, each read through the cursor.
 */
#include <stdio.h>
#include <string.h>

#include "strata/ber.h"

#define BER_MAX_TAGBYTES	4	/* 28 bits of tag number */
#define BER_MAX_LENBYTES	4

int
st_ber_read(const struct st_cur *c, size_t lim, struct st_ber *t)
{
	struct st_cur p = *c;
	unsigned b, i, n;
	size_t len;

	memset(t, 0, sizeof(*t));
	t->start = p.off;
	b = st_get_u8(&p);
	if (p.err != ST_OK)
		return ST_ETRUNC;
	t->cls = (uint8_t)(b >> 6);
	t->cons = (uint8_t)(b >> 5 & 1);
	t->tag = b & 0x1f;
	if (t->tag == 0x1f) {		/* high tag number form */
		t->tag = 0;
		for (i = 0; i < BER_MAX_TAGBYTES; i++) {
			b = st_get_u8(&p);
			if (p.err != ST_OK)
				return ST_ETRUNC;
			t->tag = t->tag << 7 | (b & 0x7f);
			if (!(b & 0x80))
				break;
		}
		if (i == BER_MAX_TAGBYTES)
			return ST_EINVAL;
	}
	b = st_get_u8(&p);
	if (p.err != ST_OK)
		return ST_ETRUNC;
	if (b & 0x80) {
		n = b & 0x7f;
		if (n == 0 || n > BER_MAX_LENBYTES)
			return ST_EINVAL;	/* indefinite, or too long */
		for (len = 0, i = 0; i < n; i++)
			len = len << 8 | st_get_u8(&p);
		if (p.err != ST_OK)
			return ST_ETRUNC;
	} else
		len = b;
	t->off = p.off;
	t->len = len;
	if (t->off > lim || len > lim - t->off)
		return ST_EINVAL;
	return ST_OK;
}

struct st_cur
st_ber_inside(const struct st_cur *c, const struct st_ber *t)
{
	struct st_cur p = *c;

	p.off = t->off;
	if (p.off > p.end)
		p.off = p.end;
	return p;
}

int
st_ber_int(const struct st_cur *c, const struct st_ber *t, int64_t *v)
{
	struct st_cur p = st_ber_inside(c, t);
	uint64_t u;
	size_t i;

	if (t->len == 0 || t->len > 8)
		return ST_EINVAL;
	if (!st_cur_need(&p, t->len))
		return ST_ETRUNC;
	u = st_get_u8(&p);
	u = u & 0x80 ? ~(uint64_t)0xff | u : u;		/* the sign */
	for (i = 1; i < t->len; i++)
		u = u << 8 | st_get_u8(&p);
	*v = (int64_t)u;
	return ST_OK;
}

int
st_ber_uint(const struct st_cur *c, const struct st_ber *t, uint64_t *v)
{
	struct st_cur p = st_ber_inside(c, t);
	uint64_t u = 0;
	size_t i, n = t->len;

	if (n == 0 || n > 9)
		return ST_EINVAL;
	if (!st_cur_need(&p, n))
		return ST_ETRUNC;
	if (n == 9 && st_get_u8(&p) != 0)
		return ST_EINVAL;
	for (i = n == 9 ? 1 : 0; i < n; i++)
		u = u << 8 | st_get_u8(&p);
	*v = u;
	return ST_OK;
}

int
st_ber_oid(const struct st_cur *c, const struct st_ber *t, char *buf,
    size_t n)
{
	struct st_cur p = st_ber_inside(c, t);
	uint64_t sub = 0;
	size_t i, k = 0;
	unsigned b, first = 1;
	int w;

	if (n < 4)
		return ST_EINVAL;
	buf[0] = '\0';
	if (t->len == 0)
		return ST_EINVAL;
	if (!st_cur_need(&p, t->len))
		return ST_ETRUNC;
	for (i = 0; i < t->len; i++) {
		b = st_get_u8(&p);
		if (sub >> 57)
			return ST_EINVAL;	/* over 64 bits */
		sub = sub << 7 | (b & 0x7f);
		if (b & 0x80)
			continue;
		if (k + 1 < n) {
			if (first)	/* X.690 8.19.4: 40 X + Y */
				w = snprintf(buf + k, n - k, "%u.%llu",
				    sub < 80 ? (unsigned)(sub / 40) : 2,
				    (unsigned long long)(sub < 80 ? sub % 40 :
				    sub - 80));
			else
				w = snprintf(buf + k, n - k, ".%llu",
				    (unsigned long long)sub);
			k += w > 0 ? (size_t)w : 0;
			if (k >= n)	/* cut: end it with "..." */
				memcpy(buf + n - 4, "...", 4), k = n;
		}
		first = 0;
		sub = 0;
	}
	return b & 0x80 ? ST_EINVAL : ST_OK;
}
