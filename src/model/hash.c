/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MD5, SHA-1 and SHA-256 through nettle (strata/hash.h), and bytes as hex.  No
 * protocol here.
 */
#include "strata/hash.h"

void
st_md5_init(struct st_md5 *m)
{
	md5_init(&m->c);
}

void
st_md5_add(struct st_md5 *m, const void *p, size_t n)
{
	md5_update(&m->c, n, p);
}

void
st_md5_end(struct st_md5 *m, uint8_t out[16])
{
	md5_digest(&m->c, MD5_DIGEST_SIZE, out);
}

void
st_sha1_init(struct st_sha1 *s)
{
	sha1_init(&s->c);
}

void
st_sha1_add(struct st_sha1 *s, const void *p, size_t n)
{
	sha1_update(&s->c, n, p);
}

void
st_sha1_end(struct st_sha1 *s, uint8_t out[20])
{
	sha1_digest(&s->c, SHA1_DIGEST_SIZE, out);
}

void
st_sha256_init(struct st_sha256 *s)
{
	sha256_init(&s->c);
}

void
st_sha256_add(struct st_sha256 *s, const void *p, size_t n)
{
	sha256_update(&s->c, n, p);
}

void
st_sha256_end(struct st_sha256 *s, uint8_t out[32])
{
	sha256_digest(&s->c, SHA256_DIGEST_SIZE, out);
}

void
st_hex(const uint8_t *p, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = '\0';
}
