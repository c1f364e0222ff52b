/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP's reassembled messages (strata/proto/tcpsegs.h): the two layers the
 * stream reassembly (src/decode/tcpreasm.c) adds with --reassemble, as
 * tshark shows a message cut across segments.  A segment whose message
 * goes on later holds its part (tshark: "[TCP segment of a reassembled
 * PDU]", tcp.segment_data); the one that completes it lists the segments
 * (tshark's tcp.segments tree: "[2 Reassembled TCP Segments (293 bytes):
 * #4(200), #5(93)]") and the message's layers follow, decoded from the
 * gathered bytes placed after the frame's own.  Their fields are added by
 * the reassembly, not by a decoder: the bytes come from several frames.
 */
#include "strata/out.h"
#include "strata/proto/tcpsegs.h"
#include "fields.h"

enum { F_DATA, F_NEED, F_SEG, F_COUNT, F_LEN, F_WHOLE };

static const struct st_field_desc segs_fields[] = {
	[F_DATA] = FD(NULL, "tcp.segment_data", "TCP segment data", 0, 0,
	    ST_FMT_BYTES),
	[F_NEED] = FDG("strata.tcp.pdu_need", "Bytes the whole message needs",
	    ST_FMT_DEC, NULL),
	[F_SEG] = FDG("tcp.segment", "Segment (frame)", ST_FMT_DEC, NULL),
	[F_COUNT] = FDG("tcp.segment.count", "Segment count", ST_FMT_DEC,
	    NULL),
	[F_LEN] = FDG("tcp.reassembled.length", "Reassembled TCP length",
	    ST_FMT_DEC, NULL),
	[F_WHOLE] = FD(NULL, "tcp.reassembled.data", "Reassembled TCP data",
	    0, 0, ST_FMT_BYTES),
};

/* Its layers are made by the reassembly only: asked to decode, they
 * show the bytes. */
static int
segs_decode(struct st_dctx *d, struct st_cur *c)
{
	d->hdr = st_cur_left(c);
	d->plen = 0;
	return ST_OK;
}

/* "tcp segment of a reassembled PDU (200 of 293 bytes)". */
static int
held_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NEED + 1];

	st_ly_fields(s->pkt, ly, segs_fields, F_NEED + 1, f);
	st_out_printf(s->o, "tcp segment of a reassembled PDU (%u byte%s",
	    ly->len, ly->len == 1 ? "" : "s");
	if (f[F_NEED] != NULL)
		st_out_printf(s->o, " of %llu",
		    (unsigned long long)f[F_NEED]->val);
	st_out_puts(s->o, ")");
	return 1;
}

static const struct st_field_desc *const segs_keys[] = {
	&segs_fields[F_COUNT], &segs_fields[F_LEN], NULL,
};

/* A part of a message held for a later segment: an application layer,
 * so that the summary says what the segment is. */
const struct st_proto st_proto_tcpheld = {
	.name = "tcp-pdu-part",
	.ws = "tcp.segments",	/* no layer in Wireshark: tcp's, not tcp */
	.title = "TCP segment of a reassembled PDU",
	.rfc = "RFC 9293",
	.role = ST_ROLE_APP,
	.fields = segs_fields,
	.nfields = NFIELDS(segs_fields),
	.decode = segs_decode,
	.summary = held_summary,
	.color = "\033[37m",
	.explain = "With --reassemble, the bytes of a segment that begin (or "
	    "continue) an application message longer than the segment: held "
	    "until the segment that completes it, where the message is "
	    "decoded whole (tshark: tcp.desegment_tcp_streams).",
};

/* The segments a message was gathered from; what the message carries
 * follows as its own layers (a byte stream below them, as TCP). */
const struct st_proto st_proto_tcpsegs = {
	.name = "tcp-segments",
	.ws = "tcp.segments",
	.title = "Reassembled TCP segments",
	.rfc = "RFC 9293",
	.role = ST_ROLE_DATA,
	.flags = ST_PF_STREAM,
	.fields = segs_fields,
	.nfields = NFIELDS(segs_fields),
	.decode = segs_decode,
	.keys = segs_keys,
	.color = "\033[37m",
	.explain = "With --reassemble, on the segment that completes an "
	    "application message cut across segments: the frames it was "
	    "gathered from and its bytes, placed after the frame's own; the "
	    "message's layers follow, decoded from them.",
};

const struct st_tcpsegs_handles st_tcpsegs_h = {
	.held = &st_proto_tcpheld,
	.segs = &st_proto_tcpsegs,
	.data = &segs_fields[F_DATA],
	.need = &segs_fields[F_NEED],
	.seg = &segs_fields[F_SEG],
	.count = &segs_fields[F_COUNT],
	.len = &segs_fields[F_LEN],
	.whole = &segs_fields[F_WHOLE],
};
