/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A content-encoded HTTP body opened (RFC 9110 8.4.1): gzip (RFC 1952),
 * deflate in its zlib wrapper (RFC 1950) or bare (RFC 1951), inflated as
 * far as the bytes at hand go, as tshark does before it shows the body
 * ("Content-encoded entity body").  Canonical Huffman codes decoded a bit
 * at a time; every loop bounded by the input's or the output's size; a
 * stream that breaks the format ends the output where it broke.  http.c's
 * companion.
 */
#include <string.h>

#include "http.h"

#define MAXBITS		15	/* bits of a code */
#define MAXLCODES	286	/* literal/length codes */
#define MAXDCODES	30	/* distance codes */
#define FIXLCODES	288	/* literal/length codes of the fixed code */

struct inf {
	const uint8_t	*in;
	size_t		 inlen, incnt;
	uint32_t	 bitbuf;
	unsigned	 bitcnt;
	uint8_t		*out;
	size_t		 outlen, outcnt;
	int		 err;	/* out of input or output, or a bad stream */
};

struct huff {
	short		 count[MAXBITS + 1];
	short		 symbol[FIXLCODES];
};

static unsigned
bits(struct inf *s, unsigned need)
{
	uint32_t v = s->bitbuf;

	while (s->bitcnt < need) {
		if (s->incnt >= s->inlen) {
			s->err = 1;
			return 0;
		}
		v |= (uint32_t)s->in[s->incnt++] << s->bitcnt;
		s->bitcnt += 8;
	}
	s->bitbuf = v >> need;
	s->bitcnt -= need;
	return v & ((1u << need) - 1);
}

static void
stored(struct inf *s)
{
	unsigned len;

	s->bitbuf = 0;
	s->bitcnt = 0;
	if (s->incnt + 4 > s->inlen) {
		s->err = 1;
		return;
	}
	len = s->in[s->incnt] | (unsigned)s->in[s->incnt + 1] << 8;
	if ((s->in[s->incnt + 2] ^ 0xff) != (len & 0xff) ||
	    (s->in[s->incnt + 3] ^ 0xff) != (len >> 8)) {
		s->err = 1;
		return;
	}
	s->incnt += 4;
	while (len-- > 0) {
		if (s->incnt >= s->inlen || s->outcnt >= s->outlen) {
			s->err = 1;
			return;
		}
		s->out[s->outcnt++] = s->in[s->incnt++];
	}
}

/* The next symbol of code h, or -1. */
static int
decode(struct inf *s, const struct huff *h)
{
	int code = 0, first = 0, index = 0, count;
	unsigned len;

	for (len = 1; len <= MAXBITS; len++) {
		code |= (int)bits(s, 1);
		if (s->err)
			return -1;
		count = h->count[len];
		if (code - count < first)
			return h->symbol[index + (code - first)];
		index += count;
		first += count;
		first <<= 1;
		code <<= 1;
	}
	s->err = 1;
	return -1;
}

/* The code of n symbols with the lengths given; 0, or -1 when the
 * lengths over-subscribe it. */
static int
construct(struct huff *h, const short *length, unsigned n)
{
	short offs[MAXBITS + 1];
	unsigned sym, len;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (sym = 0; sym < n; sym++)
		h->count[length[sym]]++;
	for (len = 1; len <= MAXBITS; len++) {
		left <<= 1;
		left -= h->count[len];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (len = 1; len < MAXBITS; len++)
		offs[len + 1] = (short)(offs[len] + h->count[len]);
	for (sym = 0; sym < n; sym++)
		if (length[sym] != 0)
			h->symbol[offs[length[sym]]++] = (short)sym;
	return 0;
}

static void
codes(struct inf *s, const struct huff *lencode, const struct huff *distcode)
{
	static const short lbase[29] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13,
		15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
		163, 195, 227, 258 };
	static const short lext[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
		2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
	static const short dbase[30] = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25,
		33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
		2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
	static const short dext[30] = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
		5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
	int symbol;
	size_t len, dist;

	/* each symbol takes a bit at least: bounded by the input */
	for (;;) {
		if ((symbol = decode(s, lencode)) < 0)
			return;
		if (symbol < 256) {
			if (s->outcnt >= s->outlen) {
				s->err = 1;
				return;
			}
			s->out[s->outcnt++] = (uint8_t)symbol;
			continue;
		}
		if (symbol == 256)
			return;
		symbol -= 257;
		if (symbol >= 29) {
			s->err = 1;
			return;
		}
		len = (size_t)lbase[symbol] + bits(s, (unsigned)lext[symbol]);
		if ((symbol = decode(s, distcode)) < 0)
			return;
		if (symbol >= 30) {
			s->err = 1;
			return;
		}
		dist = (size_t)dbase[symbol] + bits(s, (unsigned)dext[symbol]);
		if (s->err || dist > s->outcnt) {
			s->err = 1;
			return;
		}
		while (len-- > 0) {
			if (s->outcnt >= s->outlen) {
				s->err = 1;
				return;
			}
			s->out[s->outcnt] = s->out[s->outcnt - dist];
			s->outcnt++;
		}
	}
}

static void
fixed(struct inf *s)
{
	struct huff lencode, distcode;
	short lengths[FIXLCODES];
	unsigned sym;

	for (sym = 0; sym < 144; sym++)
		lengths[sym] = 8;
	for (; sym < 256; sym++)
		lengths[sym] = 9;
	for (; sym < 280; sym++)
		lengths[sym] = 7;
	for (; sym < FIXLCODES; sym++)
		lengths[sym] = 8;
	(void)construct(&lencode, lengths, FIXLCODES);
	for (sym = 0; sym < MAXDCODES; sym++)
		lengths[sym] = 5;
	(void)construct(&distcode, lengths, MAXDCODES);
	codes(s, &lencode, &distcode);
}

static void
dynamic(struct inf *s)
{
	static const short order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
		11, 4, 12, 3, 13, 2, 14, 1, 15 };
	struct huff lencode, distcode;
	short lengths[MAXLCODES + MAXDCODES];
	unsigned nlen, ndist, ncode, index, rep;
	int symbol, len;

	nlen = bits(s, 5) + 257;
	ndist = bits(s, 5) + 1;
	ncode = bits(s, 4) + 4;
	if (s->err || nlen > MAXLCODES || ndist > MAXDCODES) {
		s->err = 1;
		return;
	}
	for (index = 0; index < ncode; index++)
		lengths[order[index]] = (short)bits(s, 3);
	for (; index < 19; index++)
		lengths[order[index]] = 0;
	if (s->err || construct(&lencode, lengths, 19) != 0) {
		s->err = 1;
		return;
	}
	for (index = 0; index < nlen + ndist;) {
		if ((symbol = decode(s, &lencode)) < 0)
			return;
		if (symbol < 16) {
			lengths[index++] = (short)symbol;
			continue;
		}
		len = 0;
		if (symbol == 16) {
			if (index == 0) {
				s->err = 1;
				return;
			}
			len = lengths[index - 1];
			rep = 3 + bits(s, 2);
		} else if (symbol == 17)
			rep = 3 + bits(s, 3);
		else
			rep = 11 + bits(s, 7);
		if (s->err || index + rep > nlen + ndist) {
			s->err = 1;
			return;
		}
		while (rep-- > 0)
			lengths[index++] = (short)len;
	}
	if (lengths[256] == 0 || construct(&lencode, lengths, nlen) != 0 ||
	    construct(&distcode, lengths + nlen, ndist) != 0) {
		s->err = 1;
		return;
	}
	codes(s, &lencode, &distcode);
}

/* Where the deflate data of a gzip member at p[0..n) starts; 0 if the
 * header is cut or is no gzip's. */
static size_t
gzip_header(const uint8_t *p, size_t n)
{
	size_t pos = 10, k;
	uint8_t flg;

	if (n < 10 || p[2] != 8)
		return 0;
	flg = p[3];
	if (flg & 0x04) {		/* FEXTRA */
		if (pos + 2 > n)
			return 0;
		pos += 2 + (p[pos] | (size_t)p[pos + 1] << 8);
	}
	for (k = 0; k < 2; k++)		/* FNAME, FCOMMENT */
		if (flg & (0x08 << k)) {
			while (pos < n && p[pos] != 0)
				pos++;
			pos++;
		}
	if (flg & 0x02)			/* FHCRC */
		pos += 2;
	return pos < n ? pos : 0;
}

size_t
http_inflate(const uint8_t *p, size_t n, uint8_t *out, size_t outn)
{
	struct inf s;
	size_t at = 0;
	unsigned last, type;

	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
		if ((at = gzip_header(p, n)) == 0)
			return 0;
	} else if (n >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 &&
	    ((unsigned)p[0] << 8 | p[1]) % 31 == 0) {
		if (p[1] & 0x20)	/* a preset dictionary: not ours */
			return 0;
		at = 2;
	}
	memset(&s, 0, sizeof(s));
	s.in = p + at;
	s.inlen = n - at;
	s.out = out;
	s.outlen = outn;
	/* each block takes three bits at least: bounded by the input */
	do {
		last = bits(&s, 1);
		type = bits(&s, 2);
		if (s.err)
			break;
		if (type == 0)
			stored(&s);
		else if (type == 1)
			fixed(&s);
		else if (type == 2)
			dynamic(&s);
		else
			s.err = 1;
	} while (!last && !s.err);
	return s.outcnt;
}
