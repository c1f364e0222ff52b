/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLS handshake messages (RFC 8446 section 4, RFC 5246 section 7.4): the
 * hellos with their extensions, certificates (each one's length, and the
 * subject's and issuer's common names read from the DER), the key
 * exchanges, certificate requests, tickets; and the fingerprints users hunt
 * by, worked out from a hello (tlsfp.c).
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
#define TLS_TEXT	256	/* bytes of a name shown */

/* Adds text row f from n wire bytes at at, escaped. */
static void
text(struct st_dctx *d, const struct tls_span *s, int f, size_t at, size_t n)
{
	struct st_cur t = *s->c;
	const uint8_t *p;
	char buf[TLS_TEXT * 4 + 8];

	if (!st_cur_skip(&t, at) || (p = st_get_bytes(&t, n)) == NULL)
		return;
	st_escape(p, n < TLS_TEXT ? n : TLS_TEXT, buf, sizeof(buf));
	st_dtext(d, s->c, &s->tab[f], at, n, buf);
}

/* A length-prefixed list of u16 items at s->pos (lenbytes 1 or 2): the
 * length as row flen, each item as row fitem, kept in out[0..max). */
static unsigned
list16(struct st_dctx *d, struct tls_span *s, unsigned lenbytes, int flen,
    int fitem, uint16_t *out, unsigned max)
{
	size_t n, end;
	unsigned k = 0, i;

	if (!tls_has(s, lenbytes))
		return 0;
	n = tls_get(s, s->pos, lenbytes);
	tls_add(d, s, flen, s->pos, lenbytes);
	s->pos += lenbytes;
	end = s->pos + n < s->end ? s->pos + n : s->end;
	for (i = 0; i < TLS_LIST && s->pos + 2 <= end; i++, s->pos += 2) {
		tls_add(d, s, fitem, s->pos, 2);
		if (out != NULL && k < max)
			out[k++] = (uint16_t)tls_get(s, s->pos, 2);
	}
	return k;
}

/* Length-prefixed strings (ALPN, NPN) of rows flen/fstr, n bytes. */
static void
strings(struct st_dctx *d, struct tls_span *e, int flen, int fstr,
    struct tls_hello *h)
{
	unsigned i, n;

	for (i = 0; i < TLS_LIST && tls_has(e, 1); i++) {
		n = tls_get(e, e->pos, 1);
		if (!tls_has(e, 1 + n))
			break;
		tls_add(d, e, flen, e->pos, 1);
		text(d, e, fstr, e->pos + 1, n);
		if (h != NULL && h->nalpn++ == 0 && n > 0) {
			h->alpn[0] = (uint8_t)tls_get(e, e->pos + 1, 1);
			h->alpn[1] = (uint8_t)tls_get(e, e->pos + n, 1);
		}
		e->pos += 1 + n;
	}
}

/* key_share: the client's list, or the server's one entry. */
static void
key_share(struct st_dctx *d, struct tls_span *e, int client, size_t len)
{
	unsigned i, n;

	if (!client && len == 2) {		/* HelloRetryRequest */
		tls_add(d, e, F_KSSEL, e->pos, 2);
		return;
	}
	if (client) {
		if (!tls_has(e, 2))
			return;
		tls_add(d, e, F_KSCLEN, e->pos, 2);
		e->pos += 2;
	}
	for (i = 0; i < TLS_LIST && tls_has(e, 4); i++) {
		n = tls_get(e, e->pos + 2, 2);
		tls_add(d, e, F_KSGROUP, e->pos, 2);
		tls_add(d, e, F_KSKELEN, e->pos + 2, 2);
		if (!tls_has(e, 4 + n))
			break;
		tls_add(d, e, F_KSKE, e->pos + 4, n);
		e->pos += 4 + n;
	}
}

/* signature_algorithms at e->pos (also in a CertificateRequest). */
static void
sigalgs(struct st_dctx *d, struct tls_span *e, struct tls_hello *h)
{
	size_t n, end;
	unsigned i;

	if (!tls_has(e, 2))
		return;
	n = tls_get(e, e->pos, 2);
	tls_add(d, e, F_SIGALGLEN, e->pos, 2);
	e->pos += 2;
	end = e->pos + n < e->end ? e->pos + n : e->end;
	for (i = 0; i < TLS_LIST && e->pos + 2 <= end; i++, e->pos += 2) {
		tls_add(d, e, F_SIGALG, e->pos, 2);
		tls_add(d, e, F_SIGHASH, e->pos, 1);
		tls_add(d, e, F_SIGSIG, e->pos + 1, 1);
		if (h != NULL && h->nsig < TLS_LIST)
			h->sig[h->nsig++] = (uint16_t)tls_get(e, e->pos, 2);
	}
}

/*
 * A list of signed certificate timestamps (RFC 6962 3.3), as a server
 * sends it in its hello's signed_certificate_timestamp extension: each
 * one's version, log, time (milliseconds since 1970, shown as Wireshark
 * writes an absolute time), extensions and signature.
 */
static void
scts(struct st_dctx *d, struct tls_span *e)
{
	size_t n, end, sl, send, el;
	uint64_t ms;
	unsigned k;
	time_t t;
	struct tm tm;
	char buf[64];
	size_t w;

	if (!tls_has(e, 2))
		return;
	n = tls_get(e, e->pos, 2);
	tls_add(d, e, F_SCTSLEN, e->pos, 2);
	e->pos += 2;
	end = e->pos + n < e->end ? e->pos + n : e->end;
	for (k = 0; k < TLS_CERTS && e->pos + 2 <= end; k++) {
		sl = tls_get(e, e->pos, 2);
		tls_add(d, e, F_SCTLEN, e->pos, 2);
		e->pos += 2;
		send = e->pos + sl < end ? e->pos + sl : end;
		if (e->pos + 1 + 32 + 8 + 2 > send) {
			e->pos = send;
			continue;
		}
		tls_add(d, e, F_SCTVER, e->pos, 1);
		tls_add(d, e, F_SCTLOG, e->pos + 1, 32);
		ms = (uint64_t)tls_get(e, e->pos + 33, 4) << 32 |
		    tls_get(e, e->pos + 37, 4);
		t = (time_t)(ms / 1000);
		if (gmtime_r(&t, &tm) != NULL) {
			w = strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S", &tm);
			snprintf(buf + w, sizeof(buf) - w, ".%03u000000 UTC",
			    (unsigned)(ms % 1000));
			st_dtext(d, e->c, &e->tab[F_SCTTIME], e->pos + 33,
			    8, buf);
		}
		el = tls_get(e, e->pos + 41, 2);
		tls_add(d, e, F_SCTEXTLEN, e->pos + 41, 2);
		e->pos += 43;
		if (el > 0 && e->pos + el <= send)
			tls_add(d, e, F_SCTEXT, e->pos, el);
		e->pos += el;
		if (e->pos + 4 <= send) {
			tls_add(d, e, F_SIGALG, e->pos, 2);
			tls_add(d, e, F_SIGHASH, e->pos, 1);
			tls_add(d, e, F_SIGSIG, e->pos + 1, 1);
			n = tls_get(e, e->pos + 2, 2);
			tls_add(d, e, F_SCTSIGLEN, e->pos + 2, 2);
			if (e->pos + 4 + n <= send)
				tls_add(d, e, F_SCTSIG, e->pos + 4, n);
		}
		e->pos = send;
	}
}

/* use_srtp (RFC 5764 4.1.1): the SRTP protection profiles offered (or
 * the one chosen) and the MKI, in DTLS's own rows. */
static void
use_srtp(struct st_dctx *d, struct tls_span *e)
{
	size_t n, end;
	unsigned i;

	if (!tls_has(e, 2))
		return;
	end = e->pos + 2 + tls_get(e, e->pos, 2);
	if (end > e->end)
		end = e->end;
	st_dbytes(d, e->c, &e->dtls[TLS_D_SRTPLEN], e->pos, 2);
	for (e->pos += 2, i = 0; i < TLS_LIST && e->pos + 2 <= end; i++,
	    e->pos += 2)
		st_dbytes(d, e->c, &e->dtls[TLS_D_SRTP], e->pos, 2);
	if (e->pos != end || !tls_has(e, 1))
		return;
	n = tls_get(e, e->pos, 1);
	st_dbytes(d, e->c, &e->dtls[TLS_D_MKILEN], e->pos, 1);
	if (n > 0 && tls_has(e, 1 + n))
		st_dbytes(d, e->c, &e->dtls[TLS_D_MKI], e->pos + 1, n);
}

/* The server_name list. */
static void
server_name(struct st_dctx *d, struct tls_span *e, struct tls_hello *h)
{
	unsigned i, n;

	if (!tls_has(e, 2))
		return;
	tls_add(d, e, F_SNILIST, e->pos, 2);
	for (e->pos += 2, i = 0; i < TLS_LIST && tls_has(e, 3); i++) {
		n = tls_get(e, e->pos + 1, 2);
		if (!tls_has(e, 3 + n))
			break;
		tls_add(d, e, F_SNITYPE, e->pos, 1);
		tls_add(d, e, F_SNILEN, e->pos + 1, 2);
		text(d, e, F_SNI, e->pos + 3, n);
		if (h != NULL)
			h->sni = 1;
		e->pos += 3 + n;
	}
}

/* supported_versions of a ClientHello: the highest (not GREASE) kept. */
static void
list_versions(struct st_dctx *d, struct tls_span *e, struct tls_hello *h)
{
	unsigned i, v;

	if (!tls_has(e, 1))
		return;
	tls_add(d, e, F_SVLEN, e->pos, 1);
	for (e->pos++, i = 0; i < TLS_LIST && tls_has(e, 2); i++, e->pos += 2) {
		tls_add(d, e, F_SUPVER, e->pos, 2);
		v = tls_get(e, e->pos, 2);
		if (!st_tls_grease(v) && v > h->maxver)
			h->maxver = v;
	}
}

/* pre_shared_key (RFC 8446 4.2.11): the client's identities, each with
 * its obfuscated ticket age, and its binders' length; the server's choice. */
static void
pre_shared_key(struct st_dctx *d, struct tls_span *e, int client)
{
	size_t end, n;
	unsigned i;

	if (!client) {
		if (tls_has(e, 2))
			tls_add(d, e, F_PSKSEL, e->pos, 2);
		return;
	}
	if (!tls_has(e, 2))
		return;
	end = e->pos + 2 + tls_get(e, e->pos, 2);
	if (end > e->end)
		end = e->end;
	tls_add(d, e, F_PSKIDSLEN, e->pos, 2);
	for (e->pos += 2, i = 0; i < TLS_LIST && e->pos + 2 <= end; i++) {
		n = tls_get(e, e->pos, 2);
		tls_add(d, e, F_PSKIDLEN, e->pos, 2);
		e->pos += 2;
		if (e->pos + n + 4 > end)
			return;
		if (n > 0)
			tls_add(d, e, F_PSKID, e->pos, n);
		tls_add(d, e, F_PSKAGE, e->pos + n, 4);
		e->pos += n + 4;
	}
	if (e->pos == end && tls_has(e, 2))
		tls_add(d, e, F_PSKBLEN, e->pos, 2);
}

/* One extension's body, len bytes at s->pos, of a hello (client or not). */
static void
extension(struct st_dctx *d, struct tls_span *s, unsigned type, size_t len,
    int client, struct tls_hello *h)
{
	struct tls_span e = { s->c, s->pos, s->pos + len, NULL, s->tab,
	    s->dtls };
	uint8_t pf[16];
	unsigned n;

	switch (type) {
	case 0:
		server_name(d, &e, client ? h : NULL);
		break;
	case 5:				/* status_request */
		if (client && tls_has(&e, 5)) {
			tls_add(d, &e, F_STATTYPE, e.pos, 1);
			tls_add(d, &e, F_STATRID, e.pos + 1, 2);
			tls_add(d, &e, F_STATEXT, e.pos + 3, 2);
		}
		break;
	case 10:
		h->ngrp = list16(d, &e, 2, F_GROUPSLEN, F_GROUP, h->grp,
		    TLS_LIST);
		break;
	case 11:			/* ec_point_formats */
		if (!tls_has(&e, 1))
			break;
		tls_add(d, &e, F_ECPFLEN, e.pos, 1);
		for (e.pos++, n = 0; tls_has(&e, 1) && n < 16; e.pos++) {
			tls_add(d, &e, F_ECPF, e.pos, 1);
			pf[n++] = (uint8_t)tls_get(&e, e.pos, 1);
		}
		if (client) {
			memcpy(h->pf, pf, n);
			h->npf = n;
		}
		break;
	case 13:
		sigalgs(d, &e, client ? h : NULL);
		break;
	case 14:			/* use_srtp: DTLS's */
		if (e.dtls != NULL)
			use_srtp(d, &e);
		else
			tls_add(d, &e, F_EXTDATA, e.pos, len);
		break;
	case 15:			/* heartbeat */
		if (tls_has(&e, 1))
			tls_add(d, &e, F_HBMODE, e.pos, 1);
		break;
	case 16:			/* ALPN */
		if (!tls_has(&e, 2))
			break;
		tls_add(d, &e, F_ALPNLEN, e.pos, 2);
		e.pos += 2;
		strings(d, &e, F_ALPNSTRLEN, F_ALPN, client ? h : NULL);
		break;
	case 18:	/* signed_certificate_timestamp: a client's is empty */
		if (!client)
			scts(d, &e);
		break;
	case 27:			/* compress_certificate (RFC 8879) */
		if (!tls_has(&e, 1))
			break;
		tls_add(d, &e, F_CCALGLEN, e.pos, 1);
		n = tls_get(&e, e.pos, 1);
		for (e.pos++; n >= 2 && tls_has(&e, 2); e.pos += 2, n -= 2)
			tls_add(d, &e, F_CCALG, e.pos, 2);
		break;
	case 21:			/* padding */
		if (len > 0)
			tls_add(d, &e, F_PADDING, e.pos, len);
		break;
	case 28:
		if (len == 2)
			tls_add(d, &e, F_RSL, e.pos, 2);
		break;
	case 43:			/* offered list, or the chosen one */
		if (!client && len == 2) {
			tls_add(d, &e, F_SUPVER, e.pos, 2);
			h->maxver = tls_get(&e, e.pos, 2);
		} else if (client)
			list_versions(d, &e, h);
		break;
	case 45:
		if (!tls_has(&e, 1))
			break;
		tls_add(d, &e, F_PSKLEN, e.pos, 1);
		for (e.pos++, n = 0; tls_has(&e, 1) && n < 16; e.pos++, n++)
			tls_add(d, &e, F_PSKMODE, e.pos, 1);
		break;
	case 51:
		key_share(d, &e, client, len);
		break;
	case 13172:			/* next_protocol_negotiation */
		strings(d, &e, F_NPNLEN, F_NPN, NULL);
		break;
	case 41:
		pre_shared_key(d, &e, client);
		break;
	case 57:			/* quic_transport_parameters */
	case 0xffa5:			/* the same, in QUIC's drafts */
		st_tls_quic_params(d, &e);
		break;
	case 65281:			/* renegotiation_info */
		if (tls_has(&e, 1))
			tls_add(d, &e, F_RENEGLEN, e.pos, 1);
		break;
	default:
		tls_add(d, &e, F_EXTDATA, e.pos, len);
	}
}

/* The extensions block of a hello at s->pos, then the fingerprints. */
static void
extensions(struct st_dctx *d, struct tls_span *s, int client,
    struct tls_hello *h)
{
	size_t n, end;
	unsigned i, type;

	if (tls_has(s, 2)) {
		end = s->pos + 2 + tls_get(s, s->pos, 2);
		if (end > s->end)
			end = s->end;
		tls_add(d, s, F_EXTSLEN, s->pos, 2);
		s->pos += 2;
		for (i = 0; i < TLS_EXTS && s->pos + 4 <= end; i++) {
			type = tls_get(s, s->pos, 2);
			n = tls_get(s, s->pos + 2, 2);
			tls_add(d, s, F_EXTTYPE, s->pos, 2);
			tls_add(d, s, F_EXTLEN, s->pos + 2, 2);
			s->pos += 4;
			if (s->pos + n > end)
				break;
			h->ext[h->next++] = (uint16_t)type;
			extension(d, s, type, n, client, h);
			s->pos += n;
		}
	}
	if (client) {
		st_tls_ja3(d, h);
		/* Wireshark gives DTLS's hellos JA3 but no JA4. */
		if (h->tab == st_tls_fields)
			st_tls_ja4(d, h);
	} else
		st_tls_ja3s(d, h);
}

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
	extensions(d, s, client, &h);
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
			text(d, &v, f, v.pos, n);
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
	sigalgs(d, s, NULL);
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
