/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QUIC Initial packet protection (RFC 9001 5; version 2: RFC 9369 3.3.1
 * to 3.3.3; draft-29's salt too): the keys anyone can work out from the
 * client's first destination connection ID and the version's public
 * salt, the header protection mask and the AES-128-GCM payload, with
 * nettle's HKDF, HMAC-SHA256, AES and GCM.  Used by quic.c.
 */
#include <string.h>

#include <nettle/aes.h>
#include <nettle/gcm.h>
#include <nettle/hkdf.h>
#include <nettle/hmac.h>

#include "quic.h"

#define QUIC_DRAFT29	0xff00001du

static const uint8_t salt_v1[20] = {
	0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34, 0xb3, 0x4d, 0x17,
	0x9a, 0xe6, 0xa4, 0xc8, 0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a,
};
static const uint8_t salt_v2[20] = {
	0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6, 0xdb, 0x81, 0x93,
	0x81, 0xbe, 0x6e, 0x26, 0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9,
};
static const uint8_t salt_d29[20] = {
	0xaf, 0xbf, 0xec, 0x28, 0x99, 0x93, 0xd2, 0x4c, 0x9e, 0x97,
	0x86, 0xf1, 0x9c, 0x61, 0x11, 0xe0, 0x43, 0x90, 0xa8, 0x99,
};

/* HKDF-Expand-Label (RFC 8446 7.1) with an empty context, SHA-256. */
static void
expand_label(const uint8_t prk[32], const char *label, uint8_t *out,
    size_t n)
{
	struct hmac_sha256_ctx h;
	uint8_t info[2 + 1 + 6 + 32 + 1];
	size_t ll = strlen(label), i = 0;

	info[i++] = (uint8_t)(n >> 8);
	info[i++] = (uint8_t)n;
	info[i++] = (uint8_t)(6 + ll);
	memcpy(info + i, "tls13 ", 6);
	memcpy(info + i + 6, label, ll);
	i += 6 + ll;
	info[i++] = 0;
	hmac_sha256_set_key(&h, 32, prk);
	hkdf_expand(&h, (nettle_hash_update_func *)hmac_sha256_update,
	    (nettle_hash_digest_func *)hmac_sha256_digest, SHA256_DIGEST_SIZE,
	    i, info, n, out);
}

int
st_quic_initial_keys(uint32_t ver, const uint8_t *dcid, size_t dcil,
    int server, struct quic_keys *k)
{
	struct hmac_sha256_ctx h;
	const uint8_t *salt;
	uint8_t prk[32], sec[32];
	int v2 = ver == QUIC_V2;

	if (ver == QUIC_V1)
		salt = salt_v1;
	else if (v2)
		salt = salt_v2;
	else if (ver == QUIC_DRAFT29)
		salt = salt_d29;
	else
		return -1;
	hmac_sha256_set_key(&h, sizeof(salt_v1), salt);
	hkdf_extract(&h, (nettle_hash_update_func *)hmac_sha256_update,
	    (nettle_hash_digest_func *)hmac_sha256_digest, SHA256_DIGEST_SIZE,
	    dcil, dcid, prk);
	expand_label(prk, server ? "server in" : "client in", sec, 32);
	expand_label(sec, v2 ? "quicv2 key" : "quic key", k->key, 16);
	expand_label(sec, v2 ? "quicv2 iv" : "quic iv", k->iv, 12);
	expand_label(sec, v2 ? "quicv2 hp" : "quic hp", k->hp, 16);
	return 0;
}

void
st_quic_hp_mask(const struct quic_keys *k, const uint8_t sample[16],
    uint8_t mask[16])
{
	struct aes128_ctx a;

	aes128_set_encrypt_key(&a, k->hp);
	aes128_encrypt(&a, 16, mask, sample);
}

int
st_quic_open(const struct quic_keys *k, uint64_t pn, const uint8_t *aad,
    size_t alen, const uint8_t *ct, size_t clen, uint8_t *out)
{
	struct gcm_aes128_ctx g;
	uint8_t nonce[12], tag[16];
	unsigned i;

	if (clen < 16)
		return -1;
	memcpy(nonce, k->iv, 12);
	for (i = 0; i < 8; i++)
		nonce[11 - i] ^= (uint8_t)(pn >> (8 * i));
	gcm_aes128_set_key(&g, k->key);
	gcm_aes128_set_iv(&g, 12, nonce);
	gcm_aes128_update(&g, alen, aad);
	gcm_aes128_decrypt(&g, clen - 16, out, ct);
	gcm_aes128_digest(&g, 16, tag);
	return memcmp(tag, ct + clen - 16, 16) == 0 ? 0 : -1;
}
