/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNS names and record data (RFC 1035 3.3; SRV RFC 2782, NAPTR RFC 3403,
 * SVCB/HTTPS RFC 9460, CAA RFC 8659, TLSA RFC 6698, SSHFP RFC 4255): the
 * part of DNS that knows each record type, beside dns.c (header, sections,
 * EDNS, descriptors), dnssec.c (the DNSSEC records) and dnsrows.c (the
 * rows of all of them).
 *
 * Every read is checked against the message (dns_at) or the record's
 * data; every list is read with a count limit and progress each step.
 */
#include <stdio.h>
#include <string.h>

#include "dns.h"

/*
 * Reads the name at pos into text; sets *wire to the bytes it takes at pos
 * (pointers not followed).  Returns 0, or -1 with m->why set.
 */
static int
read_name(struct dns_msg *m, size_t pos, char *text, size_t tn, size_t *wire)
{
	size_t p = pos, k = 0, total = 0, l;
	int hops = 0, jumped = 0;

	text[0] = '\0';
	for (;;) {
		if (!dns_at(m, p, 1))
			return m->why = "name runs past the message", -1;
		l = dns_byte(m, p);
		if ((l & 0xc0) == 0xc0) {
			if (!dns_at(m, p, 2))
				return m->why = "compression pointer cut short",
				    -1;
			if (!jumped)
				*wire = p + 2 - pos;
			jumped = 1;
			if (++hops > DNS_HOPS)
				return m->why = "compression pointers loop", -1;
			p = (l & 0x3f) << 8 | dns_byte(m, p + 1);
			continue;
		}
		if (l & 0xc0)
			return m->why = "unknown label type", -1;
		if (l == 0) {
			if (!jumped)
				*wire = p + 1 - pos;
			break;
		}
		if (!dns_at(m, p + 1, l))
			return m->why = "label runs past the message", -1;
		if ((total += l + 1) > 255)
			return m->why = "name longer than 255 bytes", -1;
		if (k > 0 && k + 1 < tn)
			text[k++] = '.';
		k += st_escape(m->c.base + m->c.off + p + 1, l, text + k,
		    tn - k);
		p += 1 + l;
	}
	if (k == 0)
		strcpy(text, "<Root>");
	return 0;
}

/* A question name's length as text and its labels, as Wireshark counts
 * them (the root, "<Root>", is one label). */
static void
name_len(struct st_dctx *d, const char *text)
{
	size_t n = strlen(text), i, labels = 0;

	if (n > 1) {
		for (i = 0; i < n; i++)
			labels += text[i] == '.';
		labels++;
	}
	st_dgen(d, &st_dns_rr[R_QNLEN], n);
	st_dgen(d, &st_dns_rr[R_LABELS], labels);
}

/* Adds the name at *pos as field fd and moves past it. */
int
st_dns_name(struct st_dctx *d, struct dns_msg *m, size_t *pos,
    const struct st_field_desc *fd)
{
	char text[DNS_NAME];
	size_t wire = 0;

	if (read_name(m, *pos, text, sizeof(text), &wire) != 0)
		return -1;
	st_dtext(d, &m->c, fd, *pos, wire, text);
	*pos += wire;
	if (fd == &st_dns_rr[R_QNAME])
		name_len(d, text);
	return 0;
}

/* Text row fd from the character-string (a length byte, RFC 1035 3.3) at
 * *p, its length as row flen; moves past it.  -1 when it runs past end. */
static int
charstr(struct st_dctx *d, struct dns_msg *m, size_t *p, size_t end,
    unsigned flen, unsigned fd)
{
	char text[DNS_NAME];
	size_t k;

	if (*p >= end)
		return -1;
	/* The length even when it lies, as Wireshark shows it. */
	st_dbytes(d, &m->c, &st_dns_rr[flen], *p, 1);
	if ((k = dns_byte(m, *p)) > end - *p - 1)
		return -1;
	st_escape(m->c.base + m->c.off + *p + 1, k, text, sizeof(text));
	st_dtext(d, &m->c, &st_dns_rr[fd], *p + 1, k, text);
	*p += 1 + k;
	return 0;
}

/* The owner name at *pos: SRV's "_service._proto.name" (RFC 2782) split
 * in three as Wireshark shows it, any other type's whole. */
int
st_dns_owner(struct st_dctx *d, struct dns_msg *m, size_t *pos)
{
	char text[DNS_NAME], *a, *b;
	size_t wire = 0;

	if (read_name(m, *pos, text, sizeof(text), &wire) != 0)
		return -1;
	if (!dns_at(m, *pos + wire, 2) || (dns_byte(m, *pos + wire) << 8 |
	    dns_byte(m, *pos + wire + 1)) != 33 ||
	    (a = strchr(text, '.')) == NULL || (b = strchr(a + 1, '.')) == NULL)
		return st_dns_name(d, m, pos, &st_dns_rr[R_NAME]);
	*a = *b = '\0';
	st_dtext(d, &m->c, &st_dns_rr[R_SRVSERVICE], *pos, wire, text);
	st_dtext(d, &m->c, &st_dns_rr[R_SRVPROTO], *pos, wire, a + 1);
	st_dtext(d, &m->c, &st_dns_rr[R_SRVNAME], *pos, wire, b + 1);
	*pos += wire;
	return 0;
}

/* Rows first..last, read at the cursor placed at pos (bit offsets from
 * there); the caller checked their bytes. */
void
st_dns_rows(struct st_dctx *d, struct dns_msg *m, size_t pos, unsigned first,
    unsigned last)
{
	struct st_cur c = m->c;
	unsigned i;

	c.off += pos;
	for (i = first; i <= last; i++)
		st_dfield(d, &c, &st_dns_rr[i]);
}

/* SRV (RFC 2782): priority, weight, port, target. */
static int
rr_srv(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t p = pos + 6;

	if (n < 7)
		return -1;
	st_dns_rows(d, m, pos, R_SRVPRIO, R_SRVPORT);
	return st_dns_name(d, m, &p, &st_dns_rr[R_SRVTARGET]);
}

/* NAPTR (RFC 3403 4.1): order, preference, three character-strings and
 * the replacement name. */
static int
rr_naptr(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	char text[DNS_NAME];
	size_t p = pos + 4, end = pos + n, wire = 0;
	unsigned i;

	if (n < 8)
		return -1;
	st_dns_rows(d, m, pos, R_NAPORDER, R_NAPPREF);
	for (i = 0; i < 3; i++)
		if (charstr(d, m, &p, end, R_NAPFLEN + 2 * i,
		    R_NAPFLAGS + 2 * i) != 0)
			return -1;
	if (read_name(m, p, text, sizeof(text), &wire) != 0)
		return -1;
	st_dgen(d, &st_dns_rr[R_NAPPLEN], strlen(text));
	st_dtext(d, &m->c, &st_dns_rr[R_NAPPL], p, wire, text);
	return 0;
}

/* One SvcParam's value of n bytes at v (RFC 9460 7). */
static void
svc_value(struct st_dctx *d, struct dns_msg *m, unsigned key, size_t v,
    size_t n)
{
	size_t p = v, end = v + n, k;
	unsigned i;

	switch (key) {
	case 0:
	case 4:
	case 6:
		k = key == 0 ? 2 : key == 4 ? 4 : 16;
		for (i = 0; i < DNS_MAXRR && end - p >= k; i++, p += k)
			st_dbytes(d, &m->c, &st_dns_rr[key == 0 ? R_SVMAND :
			    key == 4 ? R_SVV4 : R_SVV6], p, k);
		return;
	case 1:
		for (i = 0; i < DNS_MAXRR && p < end; i++)
			if (charstr(d, m, &p, end, R_SVALPNLEN, R_SVALPN) != 0) {
				st_dmalformed(d, "ALPN runs past its SvcParam");
				return;
			}
		return;
	case 2:
		return;
	case 3:
		if (n >= 2)
			st_dbytes(d, &m->c, &st_dns_rr[R_SVPORT], v, 2);
		if (n != 2)
			st_dmalformed(d, "SvcParam port of %zu bytes", n);
		return;
	case 5:
		if (n > 0)
			st_dbytes(d, &m->c, &st_dns_rr[R_SVECH], v, n);
		return;
	}
	if (n > 0)
		st_dbytes(d, &m->c, &st_dns_rr[R_SVVAL], v, n);
}

/* SVCB and HTTPS (RFC 9460 2.2): priority, target, SvcParams. */
static int
rr_svcb(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t p = pos + 2, end = pos + n, l;
	unsigned i;

	if (n < 2)
		return -1;
	st_dns_rows(d, m, pos, R_SVPRIO, R_SVPRIO);
	/* A target past the data length is shown as Wireshark reads it. */
	if (st_dns_name(d, m, &p, &st_dns_rr[R_SVTARGET]) != 0 || p > end)
		return 0;
	for (i = 0; i < DNS_MAXRR && end - p >= 4; i++) {
		l = dns_byte(m, p + 2) << 8 | dns_byte(m, p + 3);
		if (l > end - p - 4) {
			st_dmalformed(d, "SvcParam runs past the record");
			break;
		}
		st_dns_rows(d, m, p, R_SVKEY, R_SVVLEN);
		svc_value(d, m, dns_byte(m, p) << 8 | dns_byte(m, p + 1),
		    p + 4, l);
		p += 4 + l;
	}
	return 0;
}

/* Text row fd from n wire bytes at p, escaped. */
static void
rawtext(struct st_dctx *d, struct dns_msg *m, size_t p, size_t n,
    unsigned fd)
{
	char text[DNS_NAME];

	st_escape(m->c.base + m->c.off + p, n, text, sizeof(text));
	st_dtext(d, &m->c, &st_dns_rr[fd], p, n, text);
}

/* Fixed rows first..last at pos (hdr bytes, checked against n), the rest
 * of the data as bytes row rest: DS, SSHFP, TLSA. */
int
st_dns_fixed(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n,
    size_t hdr, unsigned first, unsigned rest)
{
	if (n < hdr)
		return -1;
	st_dns_rows(d, m, pos, first, rest - 1);
	if (n > hdr)
		st_dbytes(d, &m->c, &st_dns_rr[rest], pos + hdr, n - hdr);
	return 0;
}

/* CAA (RFC 8659 4.1): flags, tag, the value under the tag's row. */
static int
rr_caa(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t tl, v;
	unsigned f = R_CAAUNK;

	if (n < 2 || (tl = dns_byte(m, pos + 1)) > n - 2)
		return -1;
	st_dns_rows(d, m, pos, R_CAAFLAGS, R_CAATAGLEN);
	rawtext(d, m, pos + 2, tl, R_CAATAG);
	v = pos + 2 + tl;
	if (tl == 5 && memcmp(m->c.base + m->c.off + pos + 2, "issue", 5) == 0)
		f = R_CAAISSUE;
	else if (tl == 9 && memcmp(m->c.base + m->c.off + pos + 2,
	    "issuewild", 9) == 0)
		f = R_CAAWILD;
	else if (tl == 5 && memcmp(m->c.base + m->c.off + pos + 2, "iodef",
	    5) == 0)
		f = R_CAAIODEF;
	rawtext(d, m, v, pos + n - v, f);
	rawtext(d, m, v, pos + n - v, R_CAAVAL);
	return 0;
}

/* HINFO (RFC 1035 3.3.2) and RP (RFC 1183 2.2). */
static int
rr_hinfo_rp(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n)
{
	size_t p = pos;

	if (t == 13)
		return charstr(d, m, &p, pos + n, R_HICPULEN, R_HICPU) != 0 ||
		    charstr(d, m, &p, pos + n, R_HIOSLEN, R_HIOS) != 0 ? -1 : 0;
	return st_dns_name(d, m, &p, &st_dns_rr[R_RPMBOX]) != 0 ||
	    st_dns_name(d, m, &p, &st_dns_rr[R_RPTXT]) != 0 ? -1 : 0;
}

/* The record types decoded here beyond the first ones: 0 when shown, -1
 * to show the data as bytes. */
static int
rr_more(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n)
{
	size_t p = pos;
	int r = -1;

	switch (t) {
	case 43:
	case 46:
	case 47:
	case 48:
	case 50:
		r = st_dns_sec(d, m, t, pos, n);
		break;
	case 33:
		r = rr_srv(d, m, pos, n);
		break;
	case 35:
		r = rr_naptr(d, m, pos, n);
		break;
	case 64:
	case 65:
		r = rr_svcb(d, m, pos, n);
		break;
	case 44:
		r = st_dns_fixed(d, m, pos, n, 2, R_SSALG, R_SSFP);
		break;
	case 52:
		r = st_dns_fixed(d, m, pos, n, 3, R_TLUSE, R_TLDATA);
		break;
	case 257:
		r = rr_caa(d, m, pos, n);
		break;
	case 13:
	case 17:
		r = rr_hinfo_rp(d, m, t, pos, n);
		break;
	case 99:
		for (r = 0; r < DNS_MAXRR && p < pos + n; r++)
			if (charstr(d, m, &p, pos + n, R_SPFLEN, R_SPF) != 0)
				break;
		r = 0;
		break;
	}
	m->why = NULL;
	return r;
}

/* The data of one record of type t, n bytes at pos. */
void
st_dns_rdata(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n)
{
	size_t p = pos, end = pos + n, k;

	switch (t) {
	case 1:
		if (n == 4) {
			st_dbytes(d, &m->c, &st_dns_rr[R_A], pos, 4);
			return;
		}
		break;
	case 28:
		if (n == 16) {
			st_dbytes(d, &m->c, &st_dns_rr[R_AAAA], pos, 16);
			return;
		}
		break;
	case 2:
	case 5:
	case 12:
		if (st_dns_name(d, m, &p, &st_dns_rr[t == 2 ? R_NS : t == 5 ?
		    R_CNAME : R_PTR]) == 0)
			return;
		m->why = NULL;
		break;
	case 15:
		if (n >= 3) {
			st_dbytes(d, &m->c, &st_dns_rr[R_MXPREF], pos, 2);
			p += 2;
			if (st_dns_name(d, m, &p, &st_dns_rr[R_MX]) == 0)
				return;
			m->why = NULL;
		}
		break;
	case 16:
		for (k = 0; k < DNS_MAXRR && p < end; k++)
			if (charstr(d, m, &p, end, R_TXTLEN, R_TXT) != 0)
				break;
		return;
	case 6:
		if (st_dns_name(d, m, &p, &st_dns_rr[R_MNAME]) == 0 &&
		    st_dns_name(d, m, &p, &st_dns_rr[R_RNAME]) == 0 &&
		    p + 20 <= end) {
			for (k = 0; k < 5; k++)
				st_dbytes(d, &m->c, &st_dns_rr[R_SERIAL + k],
				    p + 4 * k, 4);
			return;
		}
		m->why = NULL;
		break;
	default:
		if (rr_more(d, m, t, pos, n) == 0)
			return;
	}
	if (n > 0)
		st_dbytes(d, &m->c, &st_dns_rr[R_DATA], pos, n);
}
