/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLS handshake messages (RFC 8446 section 4, RFC 5246 section 7.4): the
 * hellos (their extensions in tlsext.c), certificates (each one's length,
 * and the subject's and issuer's common names read from the DER), the key
 * exchanges, certificate requests, tickets; and the fingerprints users
 * hunt by, worked out from a hello (tlsfp.c).
 *
 * Handshake: type (8) | length (24) | body
 * Every list is read with a count limit and progress each step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tls.h"

#define TLS_MSGS	16	/* handshake messages per record */

/* The random's first four bytes as a time, as Wireshark shows them (they
 * were one in TLS 1.2 and before; random since). */
static void
random_time(struct st_dctx *d, struct tls_span *s, size_t at)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)tls_get(s, at, 4);
	struct tm tm;
	char buf[64];

	if (gmtime_r(&t, &tm) == NULL)
		return;
	snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d.000000000 UTC",
	    mon[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	st_dtext(d, s->c, &s->tab[F_RTIME], at, 4, buf);
}

/* ClientHello (client = 1) or ServerHello body. */
static void
hello(struct st_dctx *d, struct tls_span *s, int client)
{
	struct tls_hello h;
	size_t n, end;
	unsigned i;

	memset(&h, 0, sizeof(h));
	h.tab = s->tab;
	if (!tls_has(s, 35))
		return;
	h.version = tls_get(s, s->pos, 2);
	tls_add(d, s, F_HVERSION, s->pos, 2);
	tls_add(d, s, F_RANDOM, s->pos + 2, 32);
	random_time(d, s, s->pos + 2);
	tls_add(d, s, F_RBYTES, s->pos + 6, 28);
	s->pos += 34;
	n = tls_get(s, s->pos, 1);
	tls_add(d, s, F_SIDLEN, s->pos, 1);
	if (!tls_has(s, 1 + n))
		return;
	if (n > 0)
		tls_add(d, s, F_SID, s->pos + 1, n);
	s->pos += 1 + n;
	if (client && s->dtls != NULL) {	/* DTLS (RFC 6347 4.2.1) */
		if (!tls_has(s, 1))
			return;
		n = tls_get(s, s->pos, 1);
		st_dbytes(d, s->c, &s->dtls[TLS_D_COOKIELEN], s->pos, 1);
		if (!tls_has(s, 1 + n))
			return;
		if (n > 0)
			st_dbytes(d, s->c, &s->dtls[TLS_D_COOKIE], s->pos + 1,
			    n);
		s->pos += 1 + n;
	}
	if (client) {
		if (!tls_has(s, 2))
			return;
		n = tls_get(s, s->pos, 2);
		tls_add(d, s, F_CSLEN, s->pos, 2);
		st_dgen(d, &s->tab[F_CSCOUNT], n / 2);
		end = s->pos + 2 + n < s->end ? s->pos + 2 + n : s->end;
		for (s->pos += 2, i = 0; s->pos + 2 <= end && i < TLS_LIST;
		    i++, s->pos += 2) {
			tls_add(d, s, F_CS, s->pos, 2);
			h.cs[h.ncs++] = (uint16_t)tls_get(s, s->pos, 2);
		}
		if (s->pos != end || !tls_has(s, 1))
			return;
		n = tls_get(s, s->pos, 1);
		tls_add(d, s, F_COMPLEN, s->pos, 1);
		if (!tls_has(s, 1 + n))
			return;
		for (s->pos++, i = 0; i < n; i++, s->pos++)
			tls_add(d, s, F_COMP, s->pos, 1);
	} else {
		if (!tls_has(s, 3))
			return;
		tls_add(d, s, F_CS, s->pos, 2);
		h.cs[h.ncs++] = (uint16_t)tls_get(s, s->pos, 2);
		tls_add(d, s, F_COMP, s->pos + 2, 1);
		s->pos += 3;
	}
	st_tls_extensions(d, s, client, &h);
}

/* One DER header at s->pos: sets *tag and *len, moves past it. */
static int
der(struct tls_span *s, unsigned *tag, size_t *len)
{
	unsigned n, i;

	if (!tls_has(s, 2))
		return -1;
	*tag = tls_get(s, s->pos, 1);
	n = tls_get(s, s->pos + 1, 1);
	s->pos += 2;
	if (n < 0x80)
		*len = n;
	else {
		n &= 0x7f;
		if (n == 0 || n > 3 || !tls_has(s, n))
			return -1;
		for (*len = 0, i = 0; i < n; i++)
			*len = *len << 8 | tls_get(s, s->pos + i, 1);
		s->pos += n;
	}
	return tls_has(s, *len) ? 0 : -1;
}

/* The common name (OID 2.5.4.3) in the DER name at [s->pos, s->end). */
static void
common_name(struct st_dctx *d, struct tls_span *s, int f)
{
	size_t i, n;
	unsigned tag;
	struct tls_span v;

	for (i = s->pos; i + 7 <= s->end && i < s->pos + 4096; i++) {
		if (tls_get(s, i, 1) != 0x06 || tls_get(s, i + 1, 2) != 0x0355 ||
		    tls_get(s, i + 3, 2) != 0x0403)
			continue;
		v.c = s->c;
		v.tab = s->tab;
		v.pos = i + 5;
		v.end = s->end;
		if (der(&v, &tag, &n) == 0 && (tag == 0x0c || tag == 0x13 ||
		    tag == 0x14 || tag == 0x16))
			st_tls_text(d, &v, f, v.pos, n);
		return;
	}
}

/*
 * A certificate's issuer and subject common names: Certificate ::=
 * SEQUENCE { tbsCertificate SEQUENCE { [0] version, serial, signature,
 * issuer, validity, subject, ... } ... }.
 */
static void
cert_names(struct st_dctx *d, const struct tls_span *m, size_t at, size_t n)
{
	struct tls_span s = { m->c, at, at + n, NULL, m->tab, NULL };
	unsigned tag, i;
	size_t len;

	if (der(&s, &tag, &len) || tag != 0x30 || der(&s, &tag, &len) ||
	    tag != 0x30)
		return;
	for (i = 0; i < 6; i++) {
		if (der(&s, &tag, &len))
			return;
		if (i == 0 && tag != 0xa0)	/* no version: v1 */
			i++;
		if (i == 3 || i == 5) {
			struct tls_span name = { s.c, s.pos, s.pos + len,
			    NULL, s.tab, NULL };

			common_name(d, &name, i == 5 ? F_CERTSUBJ : F_CERTISS);
		}
		s.pos += len;
	}
}

/* Keeps the whole DER element of n bytes at at (a certificate, a
 * distinguished name) to be shown after the record (tls.c). */
static void
keep(struct tls_span *s, size_t at, size_t n)
{
	if (s->certs != NULL && s->certs->n < TLS_CERTS) {
		s->certs->off[s->certs->n] = at;
		s->certs->len[s->certs->n++] = n;
	}
}

/* Certificate: TLS 1.2's list, or TLS 1.3's with a context and
 * per-certificate extensions. */
static void
certificate(struct st_dctx *d, struct tls_span *s)
{
	size_t hl = s->end - s->pos, n, end;
	unsigned i;
	int v13 = 0;

	if (!tls_has(s, 3))
		return;
	if (3 + tls_get(s, s->pos, 3) != hl && tls_has(s, 4) &&
	    1 + (size_t)tls_get(s, s->pos, 1) + 3 <= hl) {
		v13 = 1;
		n = tls_get(s, s->pos, 1);
		tls_add(d, s, F_CTXLEN, s->pos, 1);
		s->pos += 1 + n;
		if (!tls_has(s, 3))
			return;
	}
	end = s->pos + 3 + tls_get(s, s->pos, 3);
	if (end > s->end)
		end = s->end;
	tls_add(d, s, F_CERTSLEN, s->pos, 3);
	for (s->pos += 3, i = 0; i < TLS_CERTS && s->pos + 3 <= end; i++) {
		n = tls_get(s, s->pos, 3);
		tls_add(d, s, F_CERTLEN, s->pos, 3);
		s->pos += 3;
		if (s->pos + n > end) {
			st_pkt_note(d->pkt, "TLS: a certificate continues in a "
			    "later segment");
			return;
		}
		tls_add(d, s, F_CERT, s->pos, n);
		cert_names(d, s, s->pos, n);
		keep(s, s->pos, n);
		s->pos += n;
		if (v13 && s->pos + 2 <= end)
			s->pos += 2 + tls_get(s, s->pos, 2);
	}
}

/* ServerKeyExchange, in its ECDHE named-curve form only (the cipher
 * suite, which says the form, is in another packet). */
static void
server_kx(struct st_dctx *d, struct tls_span *s)
{
	unsigned n;

	if (!tls_has(s, 4) || tls_get(s, s->pos, 1) != 3)
		return;
	n = tls_get(s, s->pos + 3, 1);
	if (!tls_has(s, 4 + n))
		return;
	tls_add(d, s, F_CURVETYPE, s->pos, 1);
	tls_add(d, s, F_NAMEDCURVE, s->pos + 1, 2);
	tls_add(d, s, F_SPOINTLEN, s->pos + 3, 1);
	tls_add(d, s, F_SPOINT, s->pos + 4, n);
	s->pos += 4 + n;
	if (tls_has(s, 4) && s->pos + 4 + tls_get(s, s->pos + 2, 2) == s->end) {
		tls_add(d, s, F_SIGALG, s->pos, 2);
		tls_add(d, s, F_SIGHASH, s->pos, 1);
		tls_add(d, s, F_SIGSIG, s->pos + 1, 1);
		s->pos += 2;
	}
	if (tls_has(s, 2) && s->pos + 2 + tls_get(s, s->pos, 2) == s->end) {
		tls_add(d, s, F_SIGLEN, s->pos, 2);
		tls_add(d, s, F_SIG, s->pos + 2, s->end - s->pos - 2);
	}
}

/* ClientKeyExchange: an EC point (1-byte length) or an RSA-encrypted
 * premaster secret (2-byte length), told apart by which length fits. */
static void
client_kx(struct st_dctx *d, struct tls_span *s)
{
	size_t hl = s->end - s->pos;

	if (tls_has(s, 1) && 1 + (size_t)tls_get(s, s->pos, 1) == hl) {
		tls_add(d, s, F_CPOINTLEN, s->pos, 1);
		tls_add(d, s, F_CPOINT, s->pos + 1, hl - 1);
	} else if (tls_has(s, 2) && 2 + (size_t)tls_get(s, s->pos, 2) == hl) {
		tls_add(d, s, F_EPMSLEN, s->pos, 2);
		tls_add(d, s, F_EPMS, s->pos + 2, hl - 2);
	}
}

/* CertificateRequest (TLS 1.2): types, signature algorithms, names. */
static void
cert_request(struct st_dctx *d, struct tls_span *s)
{
	size_t end;
	unsigned n, i;

	if (!tls_has(s, 1))
		return;
	n = tls_get(s, s->pos, 1);
	if (!tls_has(s, 1 + n))
		return;
	tls_add(d, s, F_CTCOUNT, s->pos, 1);
	for (s->pos++, i = 0; i < n; i++, s->pos++)
		tls_add(d, s, F_CERTTYPE, s->pos, 1);
	st_tls_sigalgs(d, s, NULL);
	if (!tls_has(s, 2))
		return;
	end = s->pos + 2 + tls_get(s, s->pos, 2);
	tls_add(d, s, F_DNAMESLEN, s->pos, 2);
	for (s->pos += 2, i = 0; i < TLS_LIST && s->pos + 2 <= end &&
	    tls_has(s, 2); i++) {
		tls_add(d, s, F_DNAMELEN, s->pos, 2);
		n = tls_get(s, s->pos, 2);
		if (s->pos + 2 + n <= end && tls_has(s, 2 + n))
			keep(s, s->pos + 2, n);
		s->pos += 2 + n;
	}
}

/* NewSessionTicket: TLS 1.2's, or TLS 1.3's with age and nonce. */
static void
ticket(struct st_dctx *d, struct tls_span *s)
{
	size_t hl = s->end - s->pos;
	unsigned n;

	if (!tls_has(s, 6))
		return;
	tls_add(d, s, F_TLIFE, s->pos, 4);
	if (6 + (size_t)tls_get(s, s->pos + 4, 2) != hl) {
		if (!tls_has(s, 9))
			return;
		tls_add(d, s, F_TAGEADD, s->pos + 4, 4);
		n = tls_get(s, s->pos + 8, 1);
		tls_add(d, s, F_TNONCELEN, s->pos + 8, 1);
		if (!tls_has(s, 9 + n))
			return;
		if (n > 0)
			tls_add(d, s, F_TNONCE, s->pos + 9, n);
		s->pos += 5 + n;
	}
	s->pos += 4;
	if (!tls_has(s, 2))
		return;
	n = tls_get(s, s->pos, 2);
	tls_add(d, s, F_TLEN, s->pos, 2);
	if (tls_has(s, 2 + n))
		tls_add(d, s, F_TICKET, s->pos + 2, n);
}

int
st_tls_known_type(unsigned ht)
{
	return st_valname(st_tls_fields[F_HTYPE].names, ht) != NULL;
}

void
st_tls_hsbody(struct st_dctx *d, struct tls_span *m, unsigned ht)
{
	switch (ht) {
	case 1: case 2: hello(d, m, ht == 1); break;
	case 4: ticket(d, m); break;
	case 11: certificate(d, m); break;
	case 12: server_kx(d, m); break;
	case 13: cert_request(d, m); break;
	case 16: client_kx(d, m); break;
	}
}

void
st_tls_handshake(struct st_dctx *d, struct tls_span *s)
{
	struct tls_span m;
	size_t hl;
	unsigned ht, i;

	for (i = 0; i < TLS_MSGS && tls_has(s, 1); i++) {
		ht = tls_has(s, 4) ? tls_get(s, s->pos, 1) : 0;
		hl = tls_has(s, 4) ? tls_get(s, s->pos + 1, 3) : 0;
		if (!tls_has(s, 4) || !st_tls_known_type(ht) || hl > 0x20000) {
			/* After ChangeCipherSpec: Finished, encrypted. */
			tls_add(d, s, F_ENCHS, s->pos, s->end - s->pos);
			return;
		}
		tls_add(d, s, F_HTYPE, s->pos, 1);
		tls_add(d, s, F_HLEN, s->pos + 1, 3);
		m = *s;
		m.pos = s->pos + 4;
		m.end = m.pos + hl < s->end ? m.pos + hl : s->end;
		st_tls_hsbody(d, &m, ht);
		if (s->pos + 4 + hl > s->end) {
			st_pkt_note(d->pkt, "TLS: a handshake message "
			    "continues in a later record or segment");
			return;
		}
		s->pos += 4 + hl;
	}
}
