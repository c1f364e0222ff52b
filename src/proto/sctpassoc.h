/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCTP's associations (src/proto/sctpassoc.c), private to sctp.c: each
 * direction's first TSN, from which Wireshark counts relative TSNs.
 */
#ifndef STRATA_PROTO_SCTPASSOC_H
#define STRATA_PROTO_SCTPASSOC_H

#include <stdint.h>

#include "strata/proto.h"

/*
 * TSN tsn of this packet's sender (rev 0; an INIT or INIT ACK's initial
 * TSN or a DATA chunk's, which sets the base if it is the direction's
 * first with init or data set) or receiver (rev 1: a SACK's cumulative
 * ack) relative to that direction's base: 0, or -1 when it has none.
 * top: the packet's first SCTP layer.
 */
/* The associations forgotten for a new capture. */
void	sctp_assoc_forget(void);

int	sctp_assoc_rel(const struct st_dctx *d, const struct st_layer *top,
	    int rev, int setbase, uint32_t tsn, uint32_t *rel);

#endif /* STRATA_PROTO_SCTPASSOC_H */
