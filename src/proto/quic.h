/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QUIC's shared definitions: quic.c (headers, summary) and quicconn.c
 * (the connections a capture holds).  Included by those two files only.
 */
#ifndef STRATA_PROTO_QUIC_H
#define STRATA_PROTO_QUIC_H

#include <stdint.h>

#include "fields.h"

#define QUIC_V1		0x00000001u
#define QUIC_V2		0x6b3343cfu
#define QUIC_MAX_CID	20	/* connection ID bytes in version 1 and 2 */
#define QUIC_CONNS	64	/* connections remembered (the oldest reused) */
#define QUIC_CRYPTO_KEEP 8192	/* Initial crypto bytes kept per side */

extern const struct st_proto st_proto_quic;

/* Long packet types as version 1 numbers them; version 2 rotates them. */
enum { T_INITIAL, T_0RTT, T_HANDSHAKE, T_RETRY };

/*
 * The connection of the QUIC packet at c (the layer d decodes): its number
 * in the capture as Wireshark gives it, or -1 when none; *server says the
 * server sent it; for a short header, *dcil the length of its destination
 * ID (0: unknown or empty).  The first packet of a datagram finds it, as
 * Wireshark does; those coalesced after it share it.
 */
/* quicconn.c: the connections forgotten for a new capture. */
void	st_quic_forget(void);

int	st_quic_conn(struct st_dctx *d, struct st_cur *c, int *server,
	    size_t *dcil);

/* The client's first destination ID of connection num (the Initial keys'
 * source) into b (QUIC_MAX_CID bytes): its length, 0 when unknown. */
size_t	st_quic_icid(int num, uint8_t *b);

/* An Initial packet's keys, one direction (RFC 9001 5.2). */
struct quic_keys {
	uint8_t		 key[16], iv[12], hp[16];
};

/* The Initial keys of version ver (1, 2, draft-29) from the client's first
 * destination ID, the server's (server) or the client's: 0, or -1 for a
 * version with no known salt. */
int	st_quic_initial_keys(uint32_t ver, const uint8_t *dcid, size_t dcil,
	    int server, struct quic_keys *k);

/* The header protection mask of a 16-byte sample (RFC 9001 5.4.3). */
void	st_quic_hp_mask(const struct quic_keys *k, const uint8_t sample[16],
	    uint8_t mask[16]);

/* Opens payload ct (clen bytes, tag last) of packet number pn with the
 * header aad into out (clen - 16 bytes): 0, or -1 when the tag fails. */
int	st_quic_open(const struct quic_keys *k, uint64_t pn, const uint8_t *aad,
	    size_t alen, const uint8_t *ct, size_t clen, uint8_t *out);

#define QUIC_CRYPTO_FRAMES 64	/* CRYPTO frames of a packet kept */

/* Where the CRYPTO frames of an opened payload put their data. */
struct quic_crypto {
	unsigned	 n;
	struct {
		uint64_t	 off;	/* in the stream */
		size_t		 len;
		const uint8_t	*p;	/* in the opened payload */
	} fr[QUIC_CRYPTO_FRAMES];
};

/*
 * The frames of an opened payload (b, n bytes: quicframe.c's cursor reads
 * it) as generated fields of the layer d decodes, fd: quic.c's row of
 * quic.frame_type, the frame rows following it; the CRYPTO frames' data
 * noted in cr.  0, 1 when a frame of unknown length ends the walk, -1 when
 * a frame runs past the payload.
 */
int	st_quic_frames(struct st_dctx *d, const uint8_t *b, size_t n,
	    const struct st_field_desc *fd, struct quic_crypto *cr);

/* The crypto stream from offset 0 that cr's frames cover without a gap,
 * in any order, into b (at most max bytes): its length. */
size_t	st_quic_crypto_stream(const struct quic_crypto *cr, uint8_t *b,
	    size_t max);

/* The same, b already holding the stream's first have bytes: how far
 * cr's frames extend them. */
size_t	st_quic_crypto_extend(const struct quic_crypto *cr, uint8_t *b,
	    size_t have, size_t max);

/* The crypto stream of connection num's side so far, extended by cr's
 * frames, into b (quicconn.c): its length, or 0 when cr adds nothing. */
size_t	st_quic_crypto_more(int num, int server,
	    const struct quic_crypto *cr, uint8_t *b, size_t max);

#endif
