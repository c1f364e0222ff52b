/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Quiz: a field of a real packet blanked for a student to work out (IPv4
 * total length, header length and checksum, a fragment offset in bytes,
 * a TCP relative sequence number, the ICMP type), the answer checked, and
 * the working shown.  Reads the model only, as the views do.
 */
#ifndef STRATA_QUIZ_H
#define STRATA_QUIZ_H

#include <stddef.h>
#include <stdint.h>

#include "strata/model.h"
#include "strata/proto/tcp.h"
#include "strata/view.h"

enum st_quiz_kind {
	ST_Q_IPLEN,		/* ip.len from the bytes that follow */
	ST_Q_IHL,		/* ip.hdr_len in bytes */
	ST_Q_IPCKSUM,		/* ip.checksum, RFC 1071 */
	ST_Q_FRAG,		/* ip.frag_offset: 8-byte units into bytes */
	ST_Q_TCPSEQ,		/* the relative sequence number tcpdump shows */
	ST_Q_ICMPTYPE,		/* icmp.type from what the message carries */
	ST_Q_NKINDS
};

struct st_quiz_q {
	enum st_quiz_kind	 kind;
	const struct st_packet	*pkt;
	const struct st_layer	*ly;	/* the layer asked about */
	const struct st_field	*f;	/* the field blanked */
	uint64_t		 answer;
	struct st_tcp_rel	 rel;	/* ST_Q_TCPSEQ */
};

/* The kind's short name ("ip.len", ...). */
const char *st_quiz_kind_name(enum st_quiz_kind k);

/*
 * Fills q for kind k of pkt; returns 0, or -1 when the packet cannot ask
 * it (no such layer, cut short, a checksum left to the NIC, the first
 * segment of a direction...).  v keeps the TCP connections: call it for
 * every packet in order, with ST_Q_TCPSEQ, for those numbers to be right.
 */
int	st_quiz_make(struct st_quiz_q *q, enum st_quiz_kind k,
	    const struct st_packet *pkt, struct st_vctx *v);

/* Writes question number n: the packet with the field blanked, the ask. */
void	st_quiz_ask(struct st_out *o, const struct st_quiz_q *q, unsigned n);

/* 1: the answer text is right; 0: wrong; -1: not a number or name. */
int	st_quiz_check(const struct st_quiz_q *q, const char *text);

/* For a wrong answer that is a usual slip, what the slip was; or NULL. */
const char *st_quiz_hint(const struct st_quiz_q *q, const char *text);

/* Writes the answer and how to get it. */
void	st_quiz_working(struct st_out *o, const struct st_quiz_q *q);

#endif /* STRATA_QUIZ_H */
