/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the industrial control decoders (s7comm.c, enip.c, cip.c,
 * iec104.c) read alike, written once: a byte or a little-endian number
 * at an offset (text fields: the model's st_dtext_ascii).
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

#endif
