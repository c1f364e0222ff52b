/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The frames of an opened Initial payload (RFC 9000 12.4, 19): PADDING
 * runs, PING, ACK with its ranges (and ECN counts), CRYPTO (offset and
 * length), CONNECTION_CLOSE; any other type is shown by its number and
 * ends the walk, as its length is not known here.  The plaintext lies in
 * quic.c's bounded buffer, not in the frame: every read goes through a
 * cursor over that buffer and the values are shown as generated fields
 * (no wire position), with Wireshark's names.  Used by quic.c.
 */
#include <string.h>

#include "quic.h"

#define QUIC_MAX_FRAMES	256	/* frames decoded in one packet */
#define QUIC_MAX_RANGES	64	/* ACK ranges shown */

/* The rows of quic.c's table from QF_TYPE on, in this order. */
enum { QF_TYPE, QF_PADLEN, QF_LARGEST, QF_DELAY, QF_RCOUNT, QF_FIRST,
	QF_GAP, QF_RANGE, QF_ECT0, QF_ECT1, QF_ECNCE, QF_COFF, QF_CLEN,
	QF_CCERR, QF_CCAPP, QF_CCTYPE, QF_CCRLEN };

/* A variable-length integer from c into *v: 0, or -1 when cut. */
static int
fvarint(struct st_cur *c, uint64_t *v)
{
	size_t n, i;

	if (!st_cur_need(c, 1))
		return -1;
	n = (size_t)1 << st_peek_bits(c, 0, 2);
	if (!st_cur_need(c, n))
		return -1;
	*v = st_peek_bits(c, 2, 6);
	for (i = 1; i < n; i++)
		*v = *v << 8 | st_peek_bits(c, i * 8, 8);
	return st_cur_skip(c, n) ? 0 : -1;
}

/* n varints from c, shown as rows fd[first..first+n): 0, or -1. */
static int
fvars(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    const int *rows, unsigned n, uint64_t *last)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		if (fvarint(c, last) < 0)
			return -1;
		st_dgen(d, &fd[rows[i]], *last);
	}
	return 0;
}

/* An ACK frame after its type (ecn: type 0x03). */
static int
frame_ack(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    int ecn)
{
	static const int head[] = { QF_LARGEST, QF_DELAY, QF_RCOUNT,
	    QF_FIRST };
	static const int range[] = { QF_GAP, QF_RANGE };
	static const int counts[] = { QF_ECT0, QF_ECT1, QF_ECNCE };
	uint64_t v = 0, nr, i;
	struct st_cur p;

	if (fvars(d, c, fd, head, 2, &v) < 0)
		return -1;
	if (fvars(d, c, fd, head + 2, 1, &nr) < 0 ||
	    fvars(d, c, fd, head + 3, 1, &v) < 0)
		return -1;
	for (i = 0; i < nr; i++) {
		if (i >= QUIC_MAX_RANGES) {
			/* Past the shown ones: read, not shown. */
			p = *c;
			if (fvarint(&p, &v) < 0 || fvarint(&p, &v) < 0)
				return -1;
			*c = p;
			continue;
		}
		if (fvars(d, c, fd, range, 2, &v) < 0)
			return -1;
	}
	return ecn ? fvars(d, c, fd, counts, 3, &v) : 0;
}

/* A CRYPTO frame after its type: offset, length, its data noted in cr
 * and skipped. */
static int
frame_crypto(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, struct quic_crypto *cr)
{
	static const int rows[] = { QF_COFF };
	static const int lrow[] = { QF_CLEN };
	const uint8_t *p;
	uint64_t off, v;

	if (fvars(d, c, fd, rows, 1, &off) < 0 ||
	    fvars(d, c, fd, lrow, 1, &v) < 0 || v > st_cur_left(c))
		return -1;
	if ((p = st_get_bytes(c, (size_t)v)) == NULL)
		return -1;
	if (cr != NULL && cr->n < QUIC_CRYPTO_FRAMES && v > 0 &&
	    off < ((uint64_t)1 << 62)) {
		cr->fr[cr->n].off = off;
		cr->fr[cr->n].len = (size_t)v;
		cr->fr[cr->n].p = p;
		cr->n++;
	}
	return 0;
}

size_t
st_quic_crypto_stream(const struct quic_crypto *cr, uint8_t *b, size_t max)
{
	return st_quic_crypto_extend(cr, b, 0, max);
}

size_t
st_quic_crypto_extend(const struct quic_crypto *cr, uint8_t *b, size_t have,
    size_t max)
{
	size_t e;
	unsigned pass, i;
	int grew = 1;

	/* Each pass adds every frame that starts within what is had and
	 * goes past it: at most n passes for n frames in any order. */
	for (pass = 0; grew && pass < cr->n && have < max; pass++) {
		grew = 0;
		for (i = 0; i < cr->n && have < max; i++) {
			if (cr->fr[i].off > have ||
			    cr->fr[i].off + cr->fr[i].len <= have)
				continue;
			e = (size_t)cr->fr[i].off + cr->fr[i].len;
			if (e > max)
				e = max;
			memcpy(b + have, cr->fr[i].p + (have -
			    (size_t)cr->fr[i].off), e - have);
			have = e;
			grew = 1;
		}
	}
	return have;
}

/* A CONNECTION_CLOSE after its type (app: 0x1d, no frame type). */
static int
frame_close(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, int app)
{
	static const int tr[] = { QF_CCERR, QF_CCTYPE, QF_CCRLEN };
	static const int ap[] = { QF_CCAPP, QF_CCRLEN };
	uint64_t v;

	if (fvars(d, c, fd, app ? ap : tr, app ? 2 : 3, &v) < 0 ||
	    v > st_cur_left(c))
		return -1;
	return st_cur_skip(c, (size_t)v) ? 0 : -1;
}

/* A run of PADDING bytes from c: its length shown, c moved past it. */
static void
frame_padding(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd)
{
	size_t n = 0, left = st_cur_left(c);

	while (n < left && st_peek_bits(c, n * 8, 8) == 0)
		n++;
	st_dgen(d, &fd[QF_PADLEN], n);
	st_cur_skip(c, n);
}

int
st_quic_frames(struct st_dctx *d, const uint8_t *b, size_t n,
    const struct st_field_desc *fd, struct quic_crypto *cr)
{
	struct st_cur c = st_cur_make(b, n);
	uint64_t type;
	unsigned i;
	int rc = 0;

	for (i = 0; i < QUIC_MAX_FRAMES && rc == 0 && st_cur_left(&c) > 0;
	    i++) {
		if (st_peek_bits(&c, 0, 8) == 0) {
			st_dgen(d, &fd[QF_TYPE], 0);
			frame_padding(d, &c, fd);
			continue;
		}
		if (fvarint(&c, &type) < 0)
			return -1;
		st_dgen(d, &fd[QF_TYPE], type);
		if (type == 0x01)
			continue;		/* PING */
		else if (type == 0x02 || type == 0x03)
			rc = frame_ack(d, &c, fd, type == 0x03);
		else if (type == 0x06)
			rc = frame_crypto(d, &c, fd, cr);
		else if (type == 0x1c || type == 0x1d)
			rc = frame_close(d, &c, fd, type == 0x1d);
		else
			return 1;	/* its length unknown here */
	}
	return rc;
}
