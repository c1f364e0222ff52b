/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QUIC's shared definitions: quic.c (headers, summary) and quicconn.c
 * (the connections a capture holds).  Included by those two files only.
 */
#ifndef STRATA_PROTO_QUIC_H
#define STRATA_PROTO_QUIC_H

#include "fields.h"

#define QUIC_V1		0x00000001u
#define QUIC_V2		0x6b3343cfu
#define QUIC_MAX_CID	20	/* connection ID bytes in version 1 and 2 */
#define QUIC_CONNS	64	/* connections remembered (the oldest reused) */

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
int	st_quic_conn(struct st_dctx *d, struct st_cur *c, int *server,
	    size_t *dcil);

#endif
