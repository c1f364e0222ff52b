/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNSSEC's records (RFC 4034: DS, RRSIG, NSEC, DNSKEY; RFC 5155: NSEC3),
 * the third file of DNS beside dns.c and dnsrr.c.
 *
 * Every read is checked against the record's data; the type bitmaps are
 * read with a count limit and progress each step.
 */
#include <string.h>

#include "dns.h"

/* The type bitmaps from p to end (RFC 4034 4.1.2): windows of up to 32
 * bytes, a set bit for each type present; at most DNS_MAXRR types. */
static void
bitmaps(struct st_dctx *d, struct dns_msg *m, size_t p, size_t end)
{
	unsigned win, len, i, bit, n = 0;

	while (end - p >= 2 && p < end) {
		win = dns_byte(m, p);
		len = dns_byte(m, p + 1);
		if (len == 0 || len > 32 || len > end - p - 2)
			return;
		for (i = 0; i < len * 8; i++) {
			bit = dns_byte(m, p + 2 + i / 8) & (0x80 >> (i & 7));
			if (bit != 0 && n++ < DNS_MAXRR)
				st_dgen(d, &st_dns_rr[R_BMTYPE], win << 8 | i);
		}
		p += 2 + len;
	}
}

/* A DNSSEC time (RFC 4034 3.1.5: seconds since 1970, as 32 bits) as
 * Wireshark writes it, row fd. */
static void
sigtime(struct st_dctx *d, struct dns_msg *m, size_t pos, unsigned fd)
{
	st_dunixtime(d, &m->c, &st_dns_rr[fd], pos, 4,
	    (int64_t)((uint32_t)dns_byte(m, pos) << 24 |
	    dns_byte(m, pos + 1) << 16 | dns_byte(m, pos + 2) << 8 |
	    dns_byte(m, pos + 3)));
}

/* RRSIG (RFC 4034 3.1). */
static int
rr_rrsig(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t p = pos + 18, end = pos + n;

	if (n < 19)
		return -1;
	st_dns_rows(d, m, pos, R_RSTYPE, R_RSOTTL);
	sigtime(d, m, pos + 8, R_RSEXP);
	sigtime(d, m, pos + 12, R_RSINC);
	st_dns_rows(d, m, pos, R_RSTAG, R_RSTAG);
	if (st_dns_name(d, m, &p, &st_dns_rr[R_RSSIGNER]) != 0 || p > end)
		return -1;
	if (p < end)
		st_dbytes(d, &m->c, &st_dns_rr[R_RSSIG], p, end - p);
	return 0;
}

/* NSEC3 (RFC 5155 3.2): parameters, salt, the next hashed owner name in
 * base 32 (extended hex alphabet, lower case as Wireshark shows it). */
static int
rr_nsec3(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	static const char b32[] = "0123456789abcdefghijklmnopqrstuv";
	char text[DNS_NAME];
	size_t s, h, p, i, k = 0;
	unsigned acc = 0, bits = 0;

	if (n < 6 || (s = dns_byte(m, pos + 4)) > n - 6 ||
	    (h = dns_byte(m, pos + 5 + s)) > n - 6 - s)
		return -1;
	st_dns_rows(d, m, pos, R_N3ALG, R_N3SLEN);
	if (s > 0)
		st_dbytes(d, &m->c, &st_dns_rr[R_N3SALT], pos + 5, s);
	p = pos + 5 + s;
	st_dbytes(d, &m->c, &st_dns_rr[R_N3HLEN], p, 1);
	for (i = 0; i < h; i++) {	/* h <= 255: 408 characters at most */
		acc = (acc << 8 | dns_byte(m, p + 1 + i)) & 0xfff;
		for (bits += 8; bits >= 5; bits -= 5)
			text[k++] = b32[(acc >> (bits - 5)) & 31];
	}
	if (bits > 0)
		text[k++] = b32[(acc << (5 - bits)) & 31];
	text[k] = '\0';
	st_dtext(d, &m->c, &st_dns_rr[R_N3HASH], p + 1, h, text);
	bitmaps(d, m, p + 1 + h, pos + n);
	return 0;
}

/* DNSKEY (RFC 4034 2.1) with its key tag (appendix B). */
static int
rr_dnskey(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	uint32_t ac = 0;
	size_t i;

	if (n < 4)
		return -1;
	st_dns_rows(d, m, pos, R_KFLAGS, R_KSEP);
	st_dgen(d, &st_dns_rr[R_KRES],
	    (dns_byte(m, pos) << 8 | dns_byte(m, pos + 1)) & 0xfe7e);
	st_dns_rows(d, m, pos, R_KPROTO, R_KALG);
	for (i = 0; i < n; i++)
		ac += i & 1 ? dns_byte(m, pos + i) : dns_byte(m, pos + i) << 8;
	ac += ac >> 16 & 0xffff;
	st_dgen(d, &st_dns_rr[R_KID], ac & 0xffff);
	if (n > 4)
		st_dbytes(d, &m->c, &st_dns_rr[R_KPUB], pos + 4, n - 4);
	return 0;
}

/* The DNSSEC record of type t, n bytes at pos: 0 when shown, -1 to show
 * the data as bytes. */
int
st_dns_sec(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n)
{
	size_t p = pos;

	switch (t) {
	case 43:
		return st_dns_fixed(d, m, pos, n, 4, R_DSTAG, R_DSDIGEST);
	case 46:
		return rr_rrsig(d, m, pos, n);
	case 47:
		if (st_dns_name(d, m, &p, &st_dns_rr[R_NSECNEXT]) != 0)
			return -1;
		if (p <= pos + n)
			bitmaps(d, m, p, pos + n);
		return 0;
	case 48:
		return rr_dnskey(d, m, pos, n);
	case 50:
		return rr_nsec3(d, m, pos, n);
	}
	return -1;
}
