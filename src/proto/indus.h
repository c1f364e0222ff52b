/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the industrial control decoders (s7comm.c, enip.c, cip.c,
 * iec104.c) read alike, written once: a byte or a little-endian number
 * at an offset, and a text field as tshark shows an ASCII string.
 * Private to those files.
 */
#ifndef STRATA_PROTO_INDUS_H
#define STRATA_PROTO_INDUS_H

#include "strata/proto.h"

/* The byte at off past c's position; 0 when not captured (the row read
 * there then stops the decoding). */
static inline unsigned
ind_byte(const struct st_cur *c, size_t off)
{
	struct st_cur t = *c;

	return st_cur_skip(&t, off) ? st_get_u8(&t) : 0;
}

/* The little-endian number of the n (1 to 4) bytes at off past c's
 * position; 0 when not all captured. */
static inline uint32_t
ind_le(const struct st_cur *c, size_t off, size_t n)
{
	struct st_cur t = *c;
	uint32_t v = 0;
	size_t i;

	if (!st_cur_skip(&t, off) || !st_cur_need(&t, n))
		return 0;
	for (i = 0; i < n; i++)
		v |= (uint32_t)st_get_u8(&t) << (8 * i);
	return v;
}

/* Text field fd over the n (< 256) bytes at off past c's position, as
 * tshark shows an ASCII string (st_escape_ascii: to its first NUL). */
static inline void
ind_ascii(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char buf[4 * 255 + 1];
	struct st_cur t = *c;
	const uint8_t *b;

	if (!st_cur_skip(&t, off) || (b = st_get_bytes(&t, n)) == NULL) {
		c->err = ST_ETRUNC;
		return;
	}
	st_escape_ascii(b, n, buf, sizeof(buf));
	st_dtext(d, c, fd, off, n, buf);
}

#endif
