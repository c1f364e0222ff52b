/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The layers the stream reassembly (strata/reasm.h, --reassemble) adds
 * to a frame, as tshark shows them with tcp.desegment_tcp_streams on: the
 * bytes a segment holds for a message that goes on in later segments
 * (tcp.segment_data), and on the frame that completes the message, the
 * segments it was gathered from (tcp.segments) before the message's own
 * layers.  Handles to their rows, so the compiler checks them.
 */
#ifndef STRATA_PROTO_TCPSEGS_H
#define STRATA_PROTO_TCPSEGS_H

#include "strata/proto.h"

struct st_tcpsegs_handles {
	const struct st_proto		*held;		/* a part held */
	const struct st_proto		*segs;		/* the whole */
	const struct st_field_desc	*data;		/* tcp.segment_data */
	const struct st_field_desc	*need;	/* strata.tcp.pdu_need */
	const struct st_field_desc	*seg;		/* tcp.segment */
	const struct st_field_desc	*count;		/* tcp.segment.count */
	const struct st_field_desc	*len;	/* tcp.reassembled.length */
	const struct st_field_desc	*whole;	/* tcp.reassembled.data */
};

extern const struct st_tcpsegs_handles st_tcpsegs_h;

#endif /* STRATA_PROTO_TCPSEGS_H */
