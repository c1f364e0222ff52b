/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP's descriptor and fields as compile-checked handles, for the code that
 * is about TCP by definition (--follow reassembles TCP streams; the quiz
 * asks for a relative sequence number), and its relative sequence numbers.
 */
#ifndef STRATA_PROTO_TCP_H
#define STRATA_PROTO_TCP_H

#include "strata/flow.h"
#include "strata/proto.h"

/*
 * A TCP segment's numbers against its conversation (the table in *flows,
 * made on first use): this direction's first sequence number and the
 * other's, and the frames they came in (aframe 0: the other way not seen
 * yet).  first: this is the first packet this way.  Returns -1 when tl has
 * no sequence number.  (src/proto/tcp.c)
 */
struct st_tcp_rel {
	uint32_t	 seq, ack;	/* on the wire */
	uint32_t	 sbase, abase;
	uint64_t	 sframe, aframe;
	int		 first;
};
int	st_tcp_rel(struct st_flows **flows, const struct st_packet *pkt,
	    const struct st_layer *net, const struct st_layer *tl,
	    struct st_tcp_rel *r);

struct st_tcp_handles {
	const struct st_proto		*proto;
	const struct st_field_desc	*seq, *ack, *flags, *len;
};
extern const struct st_tcp_handles st_tcp;

#endif /* STRATA_PROTO_TCP_H */
