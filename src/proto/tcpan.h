/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP's analysis (src/proto/tcpan.c), for tcp.c: a segment's numbers
 * against its connection, and what tshark's tcp.analysis.* would mark.
 * tcp.c reads the fields (it owns their rows) into struct tcpan_seg.
 */
#ifndef STRATA_PROTO_TCPAN_H
#define STRATA_PROTO_TCPAN_H

#include "strata/flow.h"
#include "strata/out.h"
#include "strata/proto/tcp.h"

/* One segment as the analysis needs it. */
struct tcpan_seg {
	uint32_t	 seq, ack, len;
	uint32_t	 win;
	unsigned	 flags;
	int		 mss;		/* the MSS option, or -1 */
	int		 ws;		/* the window scale option, or -1 */
};

/*
 * The numbers of segment sg of layer tl against its connection (key k,
 * direction dir, -1: none) in *flows, the state moved on by it once
 * however often asked (see st_flows_memo); shown: count it in the
 * totals.  Fills r.
 */
void	tcpan_get(struct st_flows **flows, const struct st_packet *pkt,
	    const struct st_layer *tl, const struct st_flowkey *k, int dir,
	    const struct tcpan_seg *sg, int shown, struct st_tcp_rel *r);

/* For the summary: " win 78 (×1024 = 79872)" and the marks. */
void	tcpan_sum_win(struct st_out *o, const struct st_tcp_rel *r,
	    uint32_t raw);
void	tcpan_sum_marks(struct st_out *o, const struct st_tcp_rel *r);
void	tcpan_sum_tso(struct st_out *o, const struct st_tcp_rel *r);

/* For the tree: the lines under the fields. */
enum { TCPAN_SEQ, TCPAN_ACK, TCPAN_WIN, TCPAN_LEN, TCPAN_END };
void	tcpan_tree(struct st_out *o, int which, const struct st_tcp_rel *r,
	    unsigned flags);

/* The totals: "retransmissions 2 · out of order 0 · ...". */
void	tcpan_tally(struct st_out *o, struct st_flows *flows);

#endif /* STRATA_PROTO_TCPAN_H */
