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
	int		 late;		/* the table had to make room for
					   connections still going, and this
					   one is new to it past its SYN: its
					   numbers count from here */
	int		 restarted;	/* its analysis state had to make room
					   for another connection's: the
					   analysis starts again here */
	/* What tshark's analysis says of the segment (src/proto/tcpan.c):
	 * ST_TCPA_* marks, and the frames they refer to. */
	unsigned	 marks;
	uint32_t	 rto_frame;	/* a retransmission's original
					   (tcp.analysis.rto_frame) */
	uint32_t	 dup_num;	/* duplicate ACK #n ... */
	uint32_t	 dup_frame;	/* ... of this frame */
	/* The window: the shift its sender announced in its SYN (-1: not
	 * seen, -2: no scaling, as tcp.window_size_scalefactor says), the
	 * frame that SYN came in, and the window in bytes. */
	int		 ws;
	uint32_t	 ws_frame;
	uint64_t	 win;
	uint32_t	 peer_mss;	/* the MSS the other end announced; 0 */
	uint32_t	 len;		/* the segment's data bytes */
};
#define ST_TCPA_RETRANS		0x0001	/* tcp.analysis.retransmission */
#define ST_TCPA_FAST		0x0002	/* .fast_retransmission */
#define ST_TCPA_SPURIOUS	0x0004	/* .spurious_retransmission */
#define ST_TCPA_OOO		0x0008	/* .out_of_order */
#define ST_TCPA_DUPACK		0x0010	/* .duplicate_ack */
#define ST_TCPA_ZEROWIN		0x0020	/* .zero_window */
#define ST_TCPA_WINFULL		0x0040	/* .window_full */
#define ST_TCPA_WINUPD		0x0080	/* .window_update */
#define ST_TCPA_KA		0x0100	/* .keep_alive */
#define ST_TCPA_LOST		0x0200	/* .lost_segment */
#define ST_TCPA_ACKLOST		0x0400	/* .ack_lost_segment */
#define ST_TCPA_KAACK		0x0800	/* .keep_alive_ack */
#define ST_TCPA_ZWP		0x1000	/* .zero_window_probe */
#define ST_TCPA_ZWPACK		0x2000	/* .zero_window_probe_ack */
int	st_tcp_rel(struct st_flows **flows, const struct st_packet *pkt,
	    const struct st_layer *net, const struct st_layer *tl,
	    struct st_tcp_rel *r);

struct st_tcp_handles {
	const struct st_proto		*proto;
	const struct st_field_desc	*seq, *ack, *flags, *len;
};
extern const struct st_tcp_handles st_tcp;

#endif /* STRATA_PROTO_TCP_H */
