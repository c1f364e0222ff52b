/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The decode loop: a frame's bytes into the packet model, from the link
 * layer inwards, each layer's decoder chosen through the registry.
 *
 * Protocol descriptors are in strata/proto.h, the registry's look-ups in
 * strata/registry.h; this header includes both.
 */
#ifndef STRATA_DECODE_H
#define STRATA_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "strata/cursor.h"
#include "strata/model.h"
#include "strata/proto.h"
#include "strata/registry.h"

/*
 * Decodes pkt->data as a frame of link type linktype (DLT_*), filling pkt's
 * layers and fields.  Never fails: what cannot be decoded is marked in the
 * model.  Returns the number of layers.
 */
unsigned st_decode(struct st_packet *pkt, int linktype);

struct st_defrag;

/*
 * The same, the fragments of datagrams gathered in ra (strata/reasm.h;
 * NULL: none): the frame that completes one says so, and with ra
 * decoding, the datagram's upper layers follow its own.
 */
unsigned st_decode_ra(struct st_packet *pkt, int linktype,
	    struct st_defrag *ra);

/*
 * Builds the tables the decoders otherwise make on first use, so that
 * threads may then decode at once (they only read them after this).
 */
void	st_decode_init(void);

/*
 * Forgets what decoders learnt from earlier packets for the packets after
 * them (conversations announced, requests awaiting answers): a new
 * capture begins.
 */
void	st_decode_forget(void);

/*
 * Feeds the conversations table *flows with decoded packet pkt through
 * its protocols' track hooks (a packet a filter hides, so that relative
 * numbers and TCP's analysis still see every packet of a file).
 */
struct st_flows;
void	st_track(struct st_flows **flows, const struct st_packet *pkt);

#endif /* STRATA_DECODE_H */
