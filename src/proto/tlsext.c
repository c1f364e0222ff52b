/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A hello's extensions (RFC 8446 4.2, and the older ones tshark reads):
 * server name, supported groups and versions, key shares, signature
 * algorithms, ALPN, pre-shared keys, signed certificate timestamps,
 * use_srtp, the rest as type and bytes.  tlshs.c's companion (the
 * handshake messages); DTLS reads them through it too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tls.h"

/* Adds text row f from n wire bytes at at, escaped. */
void
st_tls_text(struct st_dctx *d, const struct tls_span *s, int f, size_t at,
    size_t n)
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
		st_tls_text(d, e, fstr, e->pos + 1, n);
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
void
st_tls_sigalgs(struct st_dctx *d, struct tls_span *e, struct tls_hello *h)
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
		st_tls_text(d, e, F_SNI, e->pos + 3, n);
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
		st_tls_sigalgs(d, &e, client ? h : NULL);
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
void
st_tls_extensions(struct st_dctx *d, struct tls_span *s, int client,
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

