/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MD5 (RFC 1321) and SHA-256 (FIPS 180-4), small and self-contained, for
 * the fingerprints users hunt by (TLS JA3 is an MD5, JA4 truncated
 * SHA-256s).  Not for security: no library strata links offers them.
 */
#ifndef STRATA_HASH_H
#define STRATA_HASH_H

#include <stddef.h>
#include <stdint.h>

struct st_md5 {
	uint32_t	 h[4];
	uint64_t	 len;
	uint8_t		 buf[64];
};

struct st_sha256 {
	uint32_t	 h[8];
	uint64_t	 len;
	uint8_t		 buf[64];
};

void	st_md5_init(struct st_md5 *m);
void	st_md5_add(struct st_md5 *m, const void *p, size_t n);
void	st_md5_end(struct st_md5 *m, uint8_t out[16]);

void	st_sha256_init(struct st_sha256 *s);
void	st_sha256_add(struct st_sha256 *s, const void *p, size_t n);
void	st_sha256_end(struct st_sha256 *s, uint8_t out[32]);

/* Writes n bytes as lower-case hex into out (2n + 1 bytes). */
void	st_hex(const uint8_t *p, size_t n, char *out);

#endif /* STRATA_HASH_H */
