/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fingerprints of TLS hellos that users hunt by: JA3 and JA3S (the
 * MD5 of the hello's numbers, as Wireshark's tls.handshake.ja3 and ja3s)
 * and JA4 / JA4_r (FoxIO's specification: counts, then truncated SHA-256
 * of the sorted cipher suites and of the sorted extensions with the
 * signature algorithms).  GREASE values are left out of all of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/hash.h"
#include "tls.h"

/* Adds a generated text row f of table tab. */
void
st_tls_gentext(struct st_dctx *d, const struct st_field_desc *tab, int f,
    const char *v)
{
	struct st_field *fl = st_dgen(d, &tab[f], 0);

	if (fl != NULL)
		fl->meaning = st_pkt_strdup(d->pkt, v);
}

/* Appends the n values of v, decimal, joined by '-', to b (size bn). */
static void
join_dec(char *b, size_t bn, const uint16_t *v, unsigned n, int skipgrease)
{
	size_t k = strlen(b);
	unsigned i;
	int first = 1;

	for (i = 0; i < n && k + 8 < bn; i++) {
		if (skipgrease && st_tls_grease(v[i]))
			continue;
		k += (size_t)snprintf(b + k, bn - k, "%s%u", first ? "" : "-",
		    v[i]);
		first = 0;
	}
}

/* Adds the full string row ffull and its MD5 as row fhash. */
static void
ja3_add(struct st_dctx *d, const struct st_field_desc *tab, const char *full,
    int ffull, int fhash)
{
	struct st_md5 m;
	uint8_t md[16];
	char hex[33];

	st_tls_gentext(d, tab, ffull, full);
	st_md5_init(&m);
	st_md5_add(&m, full, strlen(full));
	st_md5_end(&m, md);
	st_hex(md, 16, hex);
	st_tls_gentext(d, tab, fhash, hex);
}

void
st_tls_ja3(struct st_dctx *d, const struct tls_hello *h)
{
	char b[2048];
	uint16_t pf[16];
	unsigned i;

	snprintf(b, sizeof(b), "%u,", h->version);
	join_dec(b, sizeof(b), h->cs, h->ncs, 1);
	strcat(b, ",");
	join_dec(b, sizeof(b), h->ext, h->next, 1);
	strcat(b, ",");
	join_dec(b, sizeof(b) - 24, h->grp, h->ngrp, 1);
	strcat(b, ",");
	for (i = 0; i < h->npf; i++)
		pf[i] = h->pf[i];
	join_dec(b, sizeof(b) - 2, pf, h->npf, 0);
	ja3_add(d, h->tab, b, F_JA3FULL, F_JA3);
}

void
st_tls_ja3s(struct st_dctx *d, const struct tls_hello *h)
{
	char b[1024];

	snprintf(b, sizeof(b), "%u,%u,", h->version, h->ncs > 0 ? h->cs[0] :
	    0);
	join_dec(b, sizeof(b), h->ext, h->next, 1);
	ja3_add(d, h->tab, b, F_JA3SFULL, F_JA3S);
}

static int
cmp16(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

/* Writes the values, sorted or not, GREASE and drop[] left out, as 4-hex
 * lists joined by ',' into b; returns how many. */
static unsigned
hexlist(char *b, size_t bn, const uint16_t *v, unsigned n, int sort,
    unsigned drop0, unsigned drop1)
{
	uint16_t t[TLS_LIST];
	unsigned i, k = 0;
	size_t at = 0;

	for (i = 0; i < n && k < TLS_LIST; i++)
		if (!st_tls_grease(v[i]) && v[i] != drop0 && v[i] != drop1)
			t[k++] = v[i];
	if (sort)
		qsort(t, k, sizeof(t[0]), cmp16);
	b[0] = '\0';
	for (i = 0; i < k && at + 6 < bn; i++)
		at += (size_t)snprintf(b + at, bn - at, "%s%04x", i ? "," : "",
		    t[i]);
	return k;
}

/* The first 12 hex digits of the SHA-256 of s, or twelve zeros. */
static void
trunc_hash(const char *s, char out[13])
{
	struct st_sha256 h;
	uint8_t md[32];
	char hex[65];

	if (s[0] == '\0') {
		strcpy(out, "000000000000");
		return;
	}
	st_sha256_init(&h);
	st_sha256_add(&h, s, strlen(s));
	st_sha256_end(&h, md);
	st_hex(md, 32, hex);
	memcpy(out, hex, 12);
	out[12] = '\0';
}

/* JA4's version: 13, 12, 11, 10, s3. */
static const char *
ja4_version(unsigned v)
{
	switch (v) {
	case 0x0304: return "13";
	case 0x0303: return "12";
	case 0x0302: return "11";
	case 0x0301: return "10";
	case 0x0300: return "s3";
	}
	return "00";
}

/* One ALPN character of JA4: the byte if alphanumeric, else a hex digit. */
static char
ja4_alpn(uint8_t c, int last)
{
	static const char digits[] = "0123456789abcdef";

	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return (char)c;
	return digits[last ? c & 15 : c >> 4];
}

/* JA4 and JA4_r (FoxIO's JA4 specification: 't' TLS over TCP, 'q' in
 * QUIC). */
void
st_tls_ja4(struct st_dctx *d, const struct tls_hello *h)
{
	char a[16], cs[TLS_LIST * 5 + 1], ex[TLS_EXTS * 5 + 1];
	char sg[TLS_LIST * 5 + 1], raw[sizeof(cs) + sizeof(ex) + sizeof(sg) +
	    32], b12[13], c12[13], ja[64];
	unsigned ncs, next, i;

	ncs = hexlist(cs, sizeof(cs), h->cs, h->ncs, 1, 0x10000, 0x10000);
	for (next = 0, i = 0; i < h->next; i++)
		next += !st_tls_grease(h->ext[i]);
	hexlist(ex, sizeof(ex), h->ext, h->next, 1, 0x0000, 0x0010);
	hexlist(sg, sizeof(sg), h->sig, h->nsig, 0, 0x10000, 0x10000);
	snprintf(a, sizeof(a), "%c%s%c%02u%02u%c%c",
	    d->ly->proto == &st_proto_tls_hs ? 'q' : 't', ja4_version(h->maxver ? h->maxver : h->version), h->sni ? 'd' :
	    'i', ncs > 99 ? 99 : ncs, next > 99 ? 99 : next,
	    h->nalpn ? ja4_alpn(h->alpn[0], 0) : '0',
	    h->nalpn ? ja4_alpn(h->alpn[1], 1) : '0');
	snprintf(raw, sizeof(raw), "%s_%s_%s%s%s", a, cs, ex, sg[0] ? "_" :
	    "", sg);
	trunc_hash(cs, b12);
	/* The third part hashes "extensions_sigalgs" as in the raw form. */
	trunc_hash(strchr(strchr(raw, '_') + 1, '_') + 1, c12);
	if (ex[0] == '\0')
		strcpy(c12, "000000000000");
	snprintf(ja, sizeof(ja), "%s_%s_%s", a, b12, c12);
	st_tls_gentext(d, h->tab, F_JA4, ja);
	st_tls_gentext(d, h->tab, F_JA4R, raw);
}
