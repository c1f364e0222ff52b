/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one bounds-checked reader for untrusted bytes.
 *
 * Every read of packet or file bytes in strata goes through a struct st_cur:
 * a window [off, end) over a buffer whose captured length is known.  A read
 * that would pass the end sets a sticky error and returns 0 without moving;
 * later reads keep failing, so a decoder may read a whole header and check
 * c->err once before a value becomes a length, an index or a bound.
 *
 * Offsets are kept from the start of the frame (base), not from the window,
 * so a decoder can tell any field's absolute bit position without arithmetic
 * of its own.
 */
#ifndef STRATA_CURSOR_H
#define STRATA_CURSOR_H

#include <stddef.h>
#include <stdint.h>

enum {
	ST_OK = 0,
	ST_ETRUNC = 1,		/* the capture ends before the header does */
	ST_EINVAL = 2		/* the header contradicts itself */
};

struct st_cur {
	const uint8_t	*base;	/* first byte of the frame */
	size_t		 off;	/* next unread byte, from base */
	size_t		 end;	/* one past the last readable byte */
	int		 err;	/* sticky: ST_OK, ST_ETRUNC or ST_EINVAL */
};

/* A cursor over the n bytes at p. */
static inline struct st_cur
st_cur_make(const uint8_t *p, size_t n)
{
	struct st_cur c = { p, 0, n, ST_OK };

	return c;
}

static inline size_t
st_cur_left(const struct st_cur *c)
{
	return c->err != ST_OK || c->off >= c->end ? 0 : c->end - c->off;
}

/* True when n more bytes can be read; sets ST_ETRUNC when not. */
static inline int
st_cur_need(struct st_cur *c, size_t n)
{
	if (c->err == ST_OK && st_cur_left(c) < n)
		c->err = ST_ETRUNC;
	return c->err == ST_OK;
}

static inline uint8_t
st_get_u8(struct st_cur *c)
{
	if (!st_cur_need(c, 1))
		return 0;
	return c->base[c->off++];
}

static inline uint16_t
st_get_be16(struct st_cur *c)
{
	uint16_t v;

	if (!st_cur_need(c, 2))
		return 0;
	v = (uint16_t)(c->base[c->off] << 8 | c->base[c->off + 1]);
	c->off += 2;
	return v;
}

static inline uint16_t
st_get_le16(struct st_cur *c)
{
	uint16_t v;

	if (!st_cur_need(c, 2))
		return 0;
	v = (uint16_t)(c->base[c->off + 1] << 8 | c->base[c->off]);
	c->off += 2;
	return v;
}

static inline uint32_t
st_get_be32(struct st_cur *c)
{
	const uint8_t *p;

	if (!st_cur_need(c, 4))
		return 0;
	p = c->base + c->off;
	c->off += 4;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline uint32_t
st_get_le32(struct st_cur *c)
{
	const uint8_t *p;

	if (!st_cur_need(c, 4))
		return 0;
	p = c->base + c->off;
	c->off += 4;
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0];
}

/* Returns a pointer to the next n bytes and moves past them, or NULL. */
static inline const uint8_t *
st_get_bytes(struct st_cur *c, size_t n)
{
	const uint8_t *p;

	if (!st_cur_need(c, n))
		return NULL;
	p = c->base + c->off;
	c->off += n;
	return p;
}

static inline int
st_cur_skip(struct st_cur *c, size_t n)
{
	return st_get_bytes(c, n) != NULL;
}

/*
 * Reads nbits (1..64) starting bitpos bits after the cursor, most
 * significant bit first as headers are drawn in RFCs, without moving.
 * Sets ST_ETRUNC when the bits are not all captured.
 */
static inline uint64_t
st_peek_bits(struct st_cur *c, size_t bitpos, unsigned nbits)
{
	size_t first = bitpos / 8, last = (bitpos + nbits - 1) / 8, i;
	uint64_t v = 0;
	unsigned drop;

	if (nbits == 0 || nbits > 64)
		return 0;
	if (c->err != ST_OK || st_cur_left(c) < last + 1) {
		if (c->err == ST_OK)
			c->err = ST_ETRUNC;
		return 0;
	}
	if (last - first >= 8) {
		/* 65..72 bits span nine bytes: take the high part separately */
		return 0;
	}
	for (i = first; i <= last; i++)
		v = v << 8 | c->base[c->off + i];
	drop = (unsigned)((last + 1) * 8 - (bitpos + nbits));
	v >>= drop;
	if (nbits < 64)
		v &= ((uint64_t)1 << nbits) - 1;
	return v;
}

/*
 * A child cursor limited to the next n bytes (a declared length such as the
 * IPv4 total length), clipped to what was captured.  *clipped is set when
 * the declared length runs past the capture.
 */
static inline struct st_cur
st_cur_sub(const struct st_cur *c, size_t n, int *clipped)
{
	struct st_cur s = *c;
	size_t left = st_cur_left(c);

	if (clipped != NULL)
		*clipped = n > left;
	s.end = s.off + (n < left ? n : left);
	return s;
}

#endif /* STRATA_CURSOR_H */
