/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BER reader (strata/ber.h): identifiers, definite lengths and the
 * values of INTEGER and OBJECT IDENTIFIER, each read through the cursor.
 */
#include <stdio.h>
#include <string.h>

#include "strata/ber.h"
#include "strata/proto.h"

#define BER_OID_TEXT	256	/* bytes of a dotted OID shown */
#define BER_STR_TEXT	256	/* wire bytes of a string shown */

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
		if (k < n) {
			if (first)	/* X.690 8.19.4: 40 X + Y */
				w = snprintf(buf + k, n - k, "%u.%llu",
				    sub < 80 ? (unsigned)(sub / 40) : 2,
				    (unsigned long long)(sub < 80 ? sub % 40 :
				    sub - 80));
			else
				w = snprintf(buf + k, n - k, ".%llu",
				    (unsigned long long)sub);
			k += w > 0 ? (size_t)w : 0;
			if (k >= n) {	/* cut: end it with "..." */
				memcpy(buf + n - 4, "...", 4);
				k = n;
			}
		}
		first = 0;
		sub = 0;
	}
	return b & 0x80 ? ST_EINVAL : ST_OK;
}

int
st_ber_next(struct st_bwalk *w, struct st_ber *t)
{
	struct st_cur p = w->c;
	int rc;

	if (w->pos >= w->lim)
		return st_dmalformed(w->d, "element missing");
	p.off = w->pos;
	if ((rc = st_ber_read(&p, w->lim, t)) == ST_EINVAL)
		return st_dmalformed(w->d, "bad BER element at byte %zu",
		    w->pos - w->d->ly->off);
	if (rc == ST_OK)
		w->pos = t->off + t->len;
	return rc;
}

int
st_ber_expect(struct st_bwalk *w, struct st_ber *t, int cls, int tag)
{
	int rc;

	if ((rc = st_ber_next(w, t)) != ST_OK)
		return rc;
	if ((int)t->cls != cls || (tag >= 0 && (int)t->tag != tag))
		return st_dmalformed(w->d, "unexpected element (class %u tag "
		    "%u)", t->cls, (unsigned)t->tag);
	return ST_OK;
}

struct st_bwalk
st_ber_walk_in(const struct st_bwalk *w, const struct st_ber *t)
{
	struct st_bwalk in = *w;

	in.pos = t->off;
	in.lim = t->off + t->len;
	return in;
}

struct st_field *
st_ber_add(struct st_bwalk *w, const struct st_ber *t,
    const struct st_field_desc *fd, uint64_t v)
{
	size_t n = t->len;

	if (t->off >= w->c.end)
		n = 0;
	else if (n > w->c.end - t->off)
		n = w->c.end - t->off;
	return st_pkt_add_field(w->d->pkt, fd, (uint32_t)(t->off * 8),
	    (uint32_t)(n * 8), v);
}

int
st_ber_fint(struct st_bwalk *w, const struct st_ber *t,
    const struct st_field_desc *fd, const struct st_field_desc *txt,
    int64_t *out)
{
	struct st_cur p = st_ber_inside(&w->c, t);
	char buf[24];
	int64_t v;
	int rc;

	if ((rc = st_ber_int(&w->c, t, &v)) == ST_EINVAL)
		return st_dmalformed(w->d, "integer of %zu bytes", t->len);
	if (rc != ST_OK)
		return rc;
	if (v < 0 && txt != NULL) {
		snprintf(buf, sizeof(buf), "%lld", (long long)v);
		st_dtext(w->d, &p, txt, 0, t->len, buf);
	} else
		st_ber_add(w, t, fd, (uint64_t)v);
	if (out != NULL)
		*out = v;
	return ST_OK;
}

int
st_ber_fuint(struct st_bwalk *w, const struct st_ber *t,
    const struct st_field_desc *fd)
{
	uint64_t v;
	int rc;

	if ((rc = st_ber_uint(&w->c, t, &v)) == ST_EINVAL)
		return st_dmalformed(w->d, "number of %zu bytes", t->len);
	if (rc == ST_OK)
		st_ber_add(w, t, fd, v);
	return rc;
}

int
st_ber_foid(struct st_bwalk *w, const struct st_ber *t,
    const struct st_field_desc *fd)
{
	struct st_cur p = st_ber_inside(&w->c, t);
	char buf[BER_OID_TEXT];
	int rc;

	if ((rc = st_ber_oid(&w->c, t, buf, sizeof(buf))) == ST_EINVAL)
		return st_dmalformed(w->d, "bad object identifier");
	if (rc == ST_OK)
		st_dtext(w->d, &p, fd, 0, t->len, buf);
	return rc;
}

int
st_ber_fstr(struct st_bwalk *w, const struct st_ber *t,
    const struct st_field_desc *fd)
{
	struct st_cur p = st_ber_inside(&w->c, t);
	char buf[BER_STR_TEXT * 4 + 4];

	if (!st_cur_need(&p, t->len))
		return ST_ETRUNC;
	if (fd->fmt != ST_FMT_TEXT) {
		st_dbytes(w->d, &p, fd, 0, t->len);
		return ST_OK;
	}
	st_escape(p.base + p.off, t->len < BER_STR_TEXT ? t->len :
	    BER_STR_TEXT, buf, sizeof(buf));
	st_dtext(w->d, &p, fd, 0, t->len, buf);
	return ST_OK;
}
