/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MPTCP's connections (src/proto/mptcpconn.c), private to mptcp.c: the
 * keys each side gave in MP_CAPABLE, the subflows MP_JOIN tied to them by
 * token, and so each side's IDSN, from which Wireshark counts relative
 * data sequence numbers.
 */
#ifndef STRATA_PROTO_MPTCPCONN_H
#define STRATA_PROTO_MPTCPCONN_H

#include <stdint.h>

#include "strata/proto.h"

/* The token (most significant 32 bits) and IDSN (least significant 64)
 * of a key's hash: SHA-1 for version 0 (RFC 6824 3.1), SHA-256 from
 * version 1 (RFC 8684 3.1). */
/* The connections forgotten for a new capture. */
void	mptcp_conn_forget(void);

void	mptcp_hash_key(uint64_t key, unsigned version, uint32_t *token,
	    uint64_t *idsn);

/*
 * MP_CAPABLE: the sender's key (and with both, the receiver's) noted for
 * this packet's subflow, its connection made if new; *token and *idsn the
 * sender's side's (the key noted first).  0, or -1 without a conversation.
 */
int	mptcp_conn_keys(const struct st_dctx *d, unsigned version,
	    uint64_t skey, const uint64_t *rkey, uint32_t *token,
	    uint64_t *idsn);

/* MP_JOIN's SYN: this subflow joins the connection whose side that
 * receives it has token tok (if one is known). */
void	mptcp_conn_join(const struct st_dctx *d, uint32_t tok);

/* The IDSN of this packet's sender's side (rev 0) or receiver's (rev 1)
 * in its subflow's connection: 0, or -1 when not known. */
int	mptcp_conn_idsn(const struct st_dctx *d, int rev, uint64_t *idsn);

#endif /* STRATA_PROTO_MPTCPCONN_H */
