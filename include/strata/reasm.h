/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reassembly of fragmented datagrams across the frames of a capture, as
 * tshark does: the fragments a network layer's frag hook describes (struct
 * st_frag, strata/proto.h) are gathered by their datagram's key, and the
 * frame that completes one is told so (st_packet.reasm, a line listing the
 * fragments) and handed the datagram's payload to decode.  It knows no
 * protocol: keys, offsets and lengths are the hooks'.
 *
 * Bounded: ST_DEFRAG_DGRAMS datagrams at once (the least recently seen
 * dropped for a new one), ST_DEFRAG_FRAGS fragments listed each, 65535 bytes
 * each, and a datagram whose last fragment came ST_DEFRAG_TIMEOUT seconds
 * (by the capture's clock) before the current frame is dropped, as a host
 * would.  Fragments that overlap with other bytes, or disagree on where the
 * datagram ends, are reported on the completing frame and not trusted: the
 * datagram is then not decoded.
 *
 * One table per run; it is used by one thread at a time, in frame order
 * (the decoder's: see ring.c).
 */
#ifndef STRATA_REASM_H
#define STRATA_REASM_H

#include <stddef.h>
#include <stdint.h>

#include "strata/model.h"
#include "strata/proto.h"

#define ST_DEFRAG_DGRAMS		64
#define ST_DEFRAG_FRAGS		64
#define ST_DEFRAG_MAXLEN		65535
#define ST_DEFRAG_TIMEOUT	30

struct st_defrag;

/* A table; decode: the completed datagrams' payloads are decoded
 * (--reassemble), else the frames only say what they complete.  NULL when
 * out of memory. */
struct st_defrag *st_defrag_new(int decode);
void	st_defrag_free(struct st_defrag *r);
/* Forgets every datagram in progress (a new file begins). */
void	st_defrag_reset(struct st_defrag *r);
int	st_defrag_decoding(const struct st_defrag *r);

/*
 * Adds fragment fr of frame pkt (its number, time and bytes).  When it
 * completes its datagram, sets pkt->reasm to the line listing the
 * fragments and, if the datagram can be trusted, points *out at its
 * payload (valid until the next call) and returns its length; else
 * returns 0.
 */
size_t	st_defrag_add(struct st_defrag *r, struct st_packet *pkt,
	    const struct st_frag *fr, const uint8_t **out);

/*
 * When frame pkt (decoded) completed the last datagram handed out, writes
 * into buf (cap bytes) that datagram as a frame of its own: pkt's link
 * header, the network layer's headers made whole by its craft's
 * whole_header hook, the payload; returns its length, else 0.  What a
 * filter reads for the datagram (decode -f with --reassemble).
 */
size_t	st_defrag_frame(const struct st_defrag *r, const struct st_packet *pkt,
	    uint8_t *buf, size_t cap);

/*
 * Stream reassembly (src/decode/tcpreasm.c), on with --reassemble as
 * tshark's tcp.desegment_tcp_streams: an application message cut across
 * the segments of a byte stream, its length as the application's pdu_len
 * hook says, is gathered in frame order and decoded on the segment that
 * completes it (strata/proto/tcpsegs.h: the layers it adds).
 *
 * Bounded: ST_TCPR_STREAMS directions with a message pending (the least
 * recently seen dropped for a new one), ST_TCPR_MAXPDU bytes a message,
 * ST_TCPR_TOTAL bytes in all, ST_TCPR_SEGS segments a message,
 * ST_TCPR_PDUS messages walked in one segment, ST_TCPR_TIMEOUT seconds
 * (the capture's clock) between two segments of one message.  A segment
 * out of order drops the message pending (said on its frame); a
 * retransmission of bytes held is passed over; SYN, RST and FIN, and a
 * segment the capture cut short, end it.
 */
#define ST_TCPR_STREAMS		64
#define ST_TCPR_MAXPDU		(256u * 1024)
#define ST_TCPR_TOTAL		(4u * 1024 * 1024)
#define ST_TCPR_SEGS		64
#define ST_TCPR_PDUS		256
#define ST_TCPR_TIMEOUT		60

struct st_tcpr;
struct st_dctx;

/* What decodes the bytes [off, end) of the packet, from protocol p on,
 * at depth 0: the decode loop's chain. */
typedef void (*st_tcpr_chain)(struct st_dctx *d, size_t off, size_t end,
    const struct st_proto *p);

struct st_tcpr *st_tcpr_new(void);
void	st_tcpr_free(struct st_tcpr *t);
void	st_tcpr_reset(struct st_tcpr *t);
/* The stream table of r: NULL when r does not decode (no --reassemble). */
struct st_tcpr *st_defrag_streams(struct st_defrag *r);
/*
 * Gives the segment the decoded packet d->pkt carries (its transport
 * layer's segment hook) to the stream table t: a message it completes is
 * decoded by chain after the frame's bytes, a part it begins or continues
 * is held and shown so.
 */
void	st_tcpr_segment(struct st_tcpr *t, struct st_dctx *d,
	    st_tcpr_chain chain);

#endif /* STRATA_REASM_H */
