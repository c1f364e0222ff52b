/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MD5 and SHA-256 for the fingerprints users hunt by (TLS JA3 is an MD5,
 * JA4 truncated SHA-256s; HASSH an MD5), from nettle, which strata links
 * for QUIC's Initial keys anyway.  Not for security.
 */
#ifndef STRATA_HASH_H
#define STRATA_HASH_H

#include <stddef.h>
#include <stdint.h>

#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>

struct st_md5 {
	struct md5_ctx		 c;
};

struct st_sha1 {
	struct sha1_ctx		 c;
};

struct st_sha256 {
	struct sha256_ctx	 c;
};

void	st_md5_init(struct st_md5 *m);
void	st_md5_add(struct st_md5 *m, const void *p, size_t n);
void	st_md5_end(struct st_md5 *m, uint8_t out[16]);

/* SHA-1: MPTCP version 0's token and IDSN (RFC 6824 3.1). */
void	st_sha1_init(struct st_sha1 *s);
void	st_sha1_add(struct st_sha1 *s, const void *p, size_t n);
void	st_sha1_end(struct st_sha1 *s, uint8_t out[20]);

void	st_sha256_init(struct st_sha256 *s);
void	st_sha256_add(struct st_sha256 *s, const void *p, size_t n);
void	st_sha256_end(struct st_sha256 *s, uint8_t out[32]);

/* Writes n bytes as lower-case hex into out (2n + 1 bytes). */
void	st_hex(const uint8_t *p, size_t n, char *out);

#endif /* STRATA_HASH_H */
