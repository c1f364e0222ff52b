/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 fragments, both ways.  Out: a packet that must go as built (an
 * IP_HDRINCL socket never fragments; it fails with EMSGSIZE) is cut here
 * into pieces that fit the path MTU, as the kernel would cut a datagram.
 * In: the packet socket sees each fragment of a large reply as it came, so
 * they are put back together here before the reply is matched and decoded.
 */
#include <string.h>

#include "strata/cksum.h"
#include "strata/net.h"

/* The header's checksum, recomputed over hl bytes. */
static void
ip_cksum(uint8_t *h, size_t hl)
{
	uint16_t c;

	h[10] = h[11] = 0;
	c = st_cksum_finish(st_cksum_add(0, h, hl));
	h[10] = (uint8_t)(c >> 8);
	h[11] = (uint8_t)c;
}

/*
 * The header for fragments after the first: only the options whose copied
 * flag is set (RFC 791), padded to a multiple of four.  Returns its length.
 */
static size_t
later_header(const uint8_t *h, size_t hl, uint8_t *out)
{
	size_t i = 20, o = 20, len;

	memcpy(out, h, 20);
	while (i < hl && h[i] != 0) {
		if (h[i] == 1) {		/* no-op */
			i++;
			continue;
		}
		len = i + 1 < hl ? h[i + 1] : 0;
		if (len < 2 || i + len > hl)
			break;
		if (h[i] & 0x80) {
			memcpy(out + o, h + i, len);
			o += len;
		}
		i += len;
	}
	while (o % 4 != 0)
		out[o++] = 0;
	out[0] = (uint8_t)(0x40 | o / 4);
	return o;
}

int
st_frag_send(const uint8_t *pkt, size_t n, size_t mtu,
    int (*send)(void *arg, const uint8_t *b, size_t len), void *arg)
{
	static uint8_t f[65536];
	uint8_t later[60];
	size_t hl = (size_t)(pkt[0] & 15) * 4, lhl, off, len, max, fhl;
	unsigned base;

	if (n < 20 || hl < 20 || hl > n || mtu < hl + 8 || mtu < 68)
		return -1;
	lhl = later_header(pkt, hl, later);
	/* The packet may already be a fragment: keep its offset and MF. */
	base = (unsigned)((pkt[6] & 0x1f) << 8 | pkt[7]) * 8;
	for (off = 0; hl + off < n; off += len) {
		fhl = off == 0 ? hl : lhl;
		max = (mtu - fhl) & ~(size_t)7;
		len = n - hl - off > max ? max : n - hl - off;
		memcpy(f, off == 0 ? pkt : later, fhl);
		memcpy(f + fhl, pkt + hl + off, len);
		f[2] = (uint8_t)((fhl + len) >> 8);
		f[3] = (uint8_t)(fhl + len);
		f[6] = (uint8_t)((pkt[6] & 0x80) | ((base + off) / 8 >> 8 &
		    0x1f));
		f[7] = (uint8_t)((base + off) / 8);
		if (hl + off + len < n || (pkt[6] & 0x20))
			f[6] |= 0x20;		/* more fragments */
		ip_cksum(f, fhl);
		if (send(arg, f, fhl + len) != 0)
			return -1;
	}
	return 0;
}

/* Whether the fragment in b belongs to the datagram r is putting together. */
static int
same_datagram(const struct st_reasm *r, const uint8_t *b)
{
	return memcmp(r->key, b + 12, 8) == 0 && r->key[8] == b[4] &&
	    r->key[9] == b[5] && r->key[10] == b[9];
}

/* Marks bytes [from, to) of the data as held. */
static void
mark(struct st_reasm *r, size_t from, size_t to)
{
	size_t u;

	for (u = from / 8; u < (to + 7) / 8; u++)
		r->have[u / 8] |= (uint8_t)(1u << (u % 8));
}

/* Whether every 8-byte unit up to total is held. */
static int
complete(const struct st_reasm *r)
{
	size_t u;

	if (r->total == 0)
		return 0;
	for (u = 0; u < (r->total + 7) / 8; u++)
		if (!(r->have[u / 8] >> (u % 8) & 1))
			return 0;
	return 1;
}

int
st_reasm_add(struct st_reasm *r, uint8_t *b, size_t *n, size_t cap)
{
	size_t hl, off, len;

	if (*n < 20 || b[0] >> 4 != 4 || ((b[6] & 0x3f) == 0 && b[7] == 0))
		return 1;		/* not a fragment */
	hl = (size_t)(b[0] & 15) * 4;
	len = (size_t)(b[2] << 8 | b[3]);
	if (hl < 20 || len < hl || len > *n)
		return 1;		/* the decoder will say what is wrong */
	off = (size_t)((b[6] & 0x1f) << 8 | b[7]) * 8;
	if (off + len - hl > sizeof(r->data))
		return 0;
	if (!r->active || !same_datagram(r, b)) {
		memset(r, 0, sizeof(*r));
		r->active = 1;
		memcpy(r->key, b + 12, 8);
		r->key[8] = b[4];
		r->key[9] = b[5];
		r->key[10] = b[9];
	}
	memcpy(r->data + off, b + hl, len - hl);
	mark(r, off, off + len - hl);
	if (off == 0) {
		memcpy(r->head, b, hl);
		r->hl = hl;
	}
	if (!(b[6] & 0x20))
		r->total = off + len - hl;
	if (r->hl == 0 || !complete(r) || r->hl + r->total > cap)
		return 0;
	/* Whole: the first header, no fragment bits, the full length. */
	memcpy(b, r->head, r->hl);
	memcpy(b + r->hl, r->data, r->total);
	*n = r->hl + r->total;
	b[2] = (uint8_t)(*n >> 8);
	b[3] = (uint8_t)*n;
	b[6] &= 0x40;
	b[7] = 0;
	ip_cksum(b, r->hl);
	r->active = 0;
	return 1;
}
