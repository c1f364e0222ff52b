/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OSPF version 3 (RFC 5340): the hello and the LSA bodies whose layout
 * differs from version 2.  The header, database descriptions, requests,
 * updates and acknowledgements are read by ospf.c, which calls here.
 *
 * An LSA type is 16 bits: U (1), flooding scope S2 S1 (2), function code
 * (13).  Addresses are no longer in the LSA headers but in prefixes:
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | PrefixLength  | PrefixOptions |  Metric, or 0, or ref. type   |
 * |          Address prefix: PrefixLength bits in whole words     |
 */
#include <arpa/inet.h>

#include "ospf.h"

/* Version 3 hello (RFC 5340 A.3.2), n bytes. */
static void
ospf3_hello(struct st_dctx *d, struct st_cur *c, size_t n)
{
	unsigned i;

	ospf_at(d, c, 0, HE_IFID, 2);
	ospf_at(d, c, 5, O3, 10);
	ospf_at(d, c, 0, HE_HINT3, 2);
	ospf_at(d, c, 0, HE_DR, 2);
	for (i = 0; i < OSPF_MAXITEMS && 20 + 4 * (size_t)i + 4 <= n; i++)
		ospf_at(d, c, 20 + 4 * (size_t)i, HE_NBR, 1);
}

void
ospf3_body(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n)
{
	if (type == 1)
		ospf3_hello(d, c, n);
}

/*
 * The prefix at byte pos of c, within end: its 16-bit word is a metric
 * (metric set) or reserved.  Returns its length, or 0 when it does not fit.
 */
static size_t
ospf3_prefix(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    int metric)
{
	uint8_t a[16] = { 0 };
	char text[INET6_ADDRSTRLEN];
	struct st_cur w = *c;
	const uint8_t *p;
	size_t plen, nb;

	if (pos + 4 > end)
		return 0;
	ospf_at(d, c, pos, P_LEN, 6);
	ospf_at(d, c, pos, metric ? P_MET : P_RSV, 1);
	plen = (size_t)st_peek_bits(c, pos * 8, 8);
	if (c->err != ST_OK)
		return 0;
	if (plen > 128) {
		st_dmalformed(d, "prefix length %zu", plen);
		return 0;
	}
	nb = (plen + 31) / 32 * 4;
	if (pos + 4 + nb > end)
		return 0;
	w.off += pos + 4;
	if ((p = st_get_bytes(&w, nb)) == NULL) {
		c->err = w.err;
		return 0;
	}
	memcpy(a, p, nb);
	inet_ntop(AF_INET6, a, text, sizeof(text));
	st_dtext(d, c, &st_ospf_fields[P_ADDR6], pos + 4, nb, text);
	return 4 + nb;
}

/* n prefixes from byte pos of the LSA at off (len bytes). */
static void
ospf3_prefixes(struct st_dctx *d, struct st_cur *c, size_t off, size_t pos,
    size_t len, unsigned n, int metric)
{
	size_t step;
	unsigned i;

	for (i = 0; i < n && i < OSPF_MAXITEMS && c->err == ST_OK; i++) {
		if ((step = ospf3_prefix(d, c, off + pos, off + len,
		    metric)) == 0)
			return;
		pos += step;
	}
}

/* Repeated 4-byte (router IDs) or 16-byte (router interfaces) entries
 * from byte 24 of the LSA at off, rows first..first+rows. */
static void
ospf3_entries(struct st_dctx *d, struct st_cur *c, size_t off, size_t len,
    size_t size, unsigned first, unsigned rows)
{
	size_t pos;
	unsigned i;

	for (i = 0, pos = 24; i < OSPF_MAXITEMS && pos + size <= len &&
	    c->err == ST_OK; i++, pos += size)
		ospf_at(d, c, off + pos, first, rows);
}

void
ospf3_lsa(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	unsigned fc = (unsigned)st_peek_bits(c, off * 8 + 19, 13), n;

	switch (fc) {
	case 1:
		ospf_at(d, c, off, R3_FLAGS, 5);
		ospf_at(d, c, off + 21, O3, 10);
		ospf3_entries(d, c, off, len, 16, K3_TYPE, 6);
		break;
	case 2:
		ospf_at(d, c, off, N3_RSV, 1);
		ospf_at(d, c, off + 21, O3, 10);
		ospf3_entries(d, c, off, len, 4, N3_ATT, 1);
		break;
	case 3:
		ospf_at(d, c, off, N3_RSV, 1);
		ospf_at(d, c, off, IP_MET, 1);
		ospf3_prefixes(d, c, off, 24, len, 1, 0);
		break;
	case 4:
		ospf_at(d, c, off + 21, O3, 10);
		ospf_at(d, c, off, IR_MET, 2);
		break;
	case 8:
		ospf_at(d, c, off, LK_PRIO, 1);
		ospf_at(d, c, off + 21, O3, 10);
		ospf_at(d, c, off, LK_ADDR, 2);
		n = (unsigned)st_peek_bits(c, off * 8 + 320, 32);
		ospf3_prefixes(d, c, off, 44, len, n, 0);
		break;
	case 9:
		ospf_at(d, c, off, IA_NPFX, 4);
		n = (unsigned)st_peek_bits(c, off * 8 + 160, 16);
		ospf3_prefixes(d, c, off, 32, len, n, 1);
		break;
	}
}
