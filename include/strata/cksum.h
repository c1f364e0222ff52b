/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Internet checksum (RFC 1071) and the pseudo-headers of TCP, UDP and
 * ICMPv6 (RFC 793, RFC 768, RFC 8200 section 8.1).
 */
#ifndef STRATA_CKSUM_H
#define STRATA_CKSUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Adds the n bytes at p, as big-endian 16-bit words (an odd last byte padded
 * with zero), to the running 32-bit sum and returns it.  Not folded.
 */
uint32_t st_cksum_add(uint32_t sum, const uint8_t *p, size_t n);

/* Folds the carries of sum into 16 bits (not complemented). */
uint16_t st_cksum_fold(uint32_t sum);

/* The one's complement of the folded sum: the value a header carries. */
uint16_t st_cksum_finish(uint32_t sum);

/*
 * The pseudo-header sum for an upper-layer packet of length len and protocol
 * proto, between addresses of family fam (4 or 6).
 */
uint32_t st_cksum_pseudo(int fam, const uint8_t *src, const uint8_t *dst,
    uint8_t proto, uint32_t len);

/*
 * CRC32c (Castagnoli, RFC 9260 appendix B) of the n bytes at p, with the
 * four bytes at skip (n or more: none) counted as zero: the value an SCTP
 * common header carries, least significant byte first.
 */
uint32_t st_crc32c(const uint8_t *p, size_t n, size_t skip);

/*
 * The Fletcher checksum of ISO 8473 (annex C) over the n bytes at p, its
 * two checksum bytes at byte ck (below n - 1) taken as zero: the value
 * that makes both sums zero (CLNP, ES-IS, IS-IS LSPs, OSPF LSAs).
 */
unsigned st_fletcher(const uint8_t *p, size_t n, size_t ck);

#endif /* STRATA_CKSUM_H */
