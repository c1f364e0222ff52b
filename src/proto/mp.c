/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP Multilink Protocol (RFC 1990, classes RFC 2686), protocol 0x003d:
 * a bundle of links carries one PPP link's datagrams cut into fragments,
 * each numbered so that the receiver can put them back in order.  The
 * long sequence number format, which tshark reads unless told otherwise
 * (its preference mp.short_seqno, matching LCP's short sequence number
 * option), is:
 *
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |B|E| class |0 0|               sequence number                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        fragment data ...
 *
 * B marks a datagram's first fragment, E its last.  A fragment with both
 * is a whole PPP datagram (protocol field first): Wireshark's reassembly
 * completes it at once and hands it to PPP, and so does strata, through
 * the registry (the PPP link type).  Other fragments are shown as
 * payload, one packet at a time.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

enum {
	F_FIRST, F_LAST, F_CLS, F_RES, F_FRAG, F_SEQ, F_PAYLOAD,
	F_FRAGNUM, F_COUNT, F_RLEN
};

static const struct st_field_desc mp_fields[] = {
	[F_FIRST] = FD("first", "mp.first", "First fragment", 0, 1,
	    ST_FMT_BOOL),
	[F_LAST] = FD("last", "mp.last", "Last fragment", 1, 1, ST_FMT_BOOL),
	[F_CLS] = FD(NULL, "mp.sequence_num_cls", "Class", 2, 4, ST_FMT_DEC),
	[F_RES] = FD(NULL, "mp.sequence_num_reserved", "Reserved", 6, 2,
	    ST_FMT_DEC),
	/* Wireshark's: the first byte's top six bits as one number */
	[F_FRAG] = FDD(NULL, "mp.frag", "Fragment", 0, 6, ST_FMT_HEX),
	[F_SEQ] = FD("seq", "mp.seq", "Sequence number", 8, 24, ST_FMT_DEC),
	[F_PAYLOAD] = FD(NULL, "mp.payload", "Payload", 0, 0, ST_FMT_BYTES),
	/* A datagram of one fragment, as tshark's reassembly shows it. */
	[F_FRAGNUM] = FDG("mp.fragment", "Message fragment (frame)",
	    ST_FMT_DEC, NULL),
	[F_COUNT] = FDG("mp.fragment.count", "Message fragment count",
	    ST_FMT_DEC, NULL),
	[F_RLEN] = FDG("mp.reassembled.length", "Reassembled length",
	    ST_FMT_DEC, NULL),
};

static int
mp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned flags;

	st_dfields(d, c, mp_fields, F_PAYLOAD);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	flags = (unsigned)st_peek_bits(c, 0, 8);
	d->hdr = 4;
	if (left == 4)
		return ST_OK;
	if ((flags & 0xc0) == 0xc0) {
		st_dgen(d, &mp_fields[F_FRAGNUM], d->pkt->num);
		st_dgen(d, &mp_fields[F_COUNT], 1);
		st_dgen(d, &mp_fields[F_RLEN], left - 4);
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_PPP;
		return ST_OK;
	}
	st_dbytes(d, c, &mp_fields[F_PAYLOAD], 4, left - 4);
	d->hdr = left;
	return ST_OK;
}

/* "PPP MP seq 5 [begin, end] len 30", as tcpdump says it. */
static int
mp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_SEQ + 1];
	const char *sep = "";

	st_ly_fields(s->pkt, ly, mp_fields, F_SEQ + 1, f);
	st_out_puts(s->o, "PPP MP seq ");
	s->value(s, f[F_SEQ]);
	st_out_puts(s->o, " [");
	if (f[F_FIRST] != NULL && f[F_FIRST]->val) {
		st_out_puts(s->o, "begin");
		sep = ", ";
	}
	if (f[F_LAST] != NULL && f[F_LAST]->val)
		st_out_printf(s->o, "%send", sep);
	else if (*sep == '\0')
		st_out_puts(s->o, "none");
	st_out_puts(s->o, "] len ");
	st_out_u64(s->o, ly->len >= 4 ? ly->len - 4 : 0);
	return 1;
}

static const struct st_bind mp_binds[] = { { ST_KEY_PPP, 0x003d } };

static const struct st_field_desc *const mp_keys[] = {
	&mp_fields[F_FIRST], &mp_fields[F_LAST], &mp_fields[F_SEQ], NULL,
};

const struct st_proto st_proto_mp = {
	.name = "mp",
	.ws = "mp",
	.title = "PPP Multilink Protocol",
	.rfc = "RFC 1990",
	/* not a link layer to the summary, whose facts of a link are the
	 * first's: a fragment's own facts are MP's */
	.role = ST_ROLE_CONTROL,
	.fields = mp_fields,
	.nfields = NFIELDS(mp_fields),
	.decode = mp_decode,
	.binds = mp_binds,
	.nbinds = NFIELDS(mp_binds),
	.summary = mp_summary,
	.keys = mp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "Multilink PPP spreads one logical link over several "
	    "(two ISDN B channels, say): a datagram is cut into fragments "
	    "sent on whichever link is free, each with a sequence number "
	    "that grows by one per fragment, B on the first fragment and E on "
	    "the last. The receiver reorders them by number and joins B to E "
	    "into the datagram, which starts with its own PPP protocol field. "
	    "The 24-bit number is the default; LCP's short sequence number "
	    "option (18) agrees on a 12-bit one instead.",
};
