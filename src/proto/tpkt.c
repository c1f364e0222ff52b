/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TPKT (RFC 1006, updated by RFC 2126): ISO transport (COTP, ISO 8073)
 * over TCP, as ISO-TSAP (port 102: S7comm, MMS) and RDP (port 3389) use
 * it.  A four-byte header frames each TPDU on the stream:
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------+---------------+-------------------------------+
 *   |  Version (3)  |  Reserved (0) |  Length (header and TPDU)     |
 *   +---------------+---------------+-------------------------------+
 *
 * A segment that does not start with a header continues a TPDU begun in
 * an earlier one (Wireshark, without reassembly, shows it as
 * continuation data), unless another protocol recognises it by content:
 * TLS after RDP's negotiation asked for it.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "rdp.h"

#define TPKT_ISOTSAP	102
#define TPKT_RDP	3389
#define TPKT_COTP	8073	/* ST_KEY_FRAMED: what it carries */
#define TPKT_RDPFP	0x52445046	/* ST_KEY_FRAMED: "RDPF", an RDP
					   fast-path PDU in its place */
#define TPKT_MIN	7	/* RFC 1006 6: a header and a 3-byte TPDU */

enum { F_VERSION, F_RESERVED, F_LENGTH, F_CONT, F_NTPKT };

static const struct st_field_desc tpkt_fields[F_NTPKT] = {
	[F_VERSION] = FD("version", "tpkt.version", "Version", 0, 8,
	    ST_FMT_DEC),
	[F_RESERVED] = FD("reserved", "tpkt.reserved", "Reserved", 8, 8,
	    ST_FMT_DEC),
	[F_LENGTH] = FD("len", "tpkt.length", "Length", 16, 16, ST_FMT_DEC),
	[F_CONT] = FD(NULL, "tpkt.continuation_data", "Continuation data",
	    0, 0, ST_FMT_BYTES),
};

/*
 * Whether the segment at c is one RDP fast-path PDU in place of a TPKT
 * ([MS-RDPBCGR] 2.2.8.1.2, 2.2.9.1.2): action 0 in the header byte's low
 * bits, and a 1- or 2-byte length that is the segment's, on RDP's port.
 * Wireshark reads one only in a conversation where a TPKT went before;
 * strata reads it on the port alone, and rdpfp.c tells input from output
 * as Wireshark does when it can.
 */
static int
fastpath(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;

	if (left < 2 || (st_peek_bits(c, 0, 8) & 3) != 0 ||
	    (st_dport(d->pkt, d->ly, 0) != TPKT_RDP &&
	    st_dport(d->pkt, d->ly, 1) != TPKT_RDP))
		return 0;
	len = (size_t)st_peek_bits(c, 8, 8);
	if (len & 0x80) {
		if (left < 3)
			return 0;
		len = (len & 0x7f) << 8 | (size_t)st_peek_bits(c, 16, 8);
	}
	/* The segment's length: its bytes at hand, and those a capture cut
	 * off (its snap length), so that a cut PDU is still one.  Three bytes
	 * at least, as Wireshark asks: two say nothing. */
	return len >= 3 && len == left + (d->pkt->len - d->pkt->caplen);
}

static int
tpkt_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur t = *c;
	unsigned len;

	if (left == 0)
		return ST_ENOTME;
	if (left < 4 || st_get_u8(&t) != 3) {
		if (left < 4 && d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		if (fastpath(d, c)) {
			d->next_key = ST_KEY_FRAMED;
			d->next_val = TPKT_RDPFP;
			return ST_OK;
		}
		/* Another protocol's bytes on the port (TLS after RDP's
		 * negotiation asked for it): Wireshark, which does not follow
		 * the negotiation, still shows them as TPKT continuation;
		 * strata does too and goes on with the protocol they are. */
		st_dbytes(d, c, &tpkt_fields[F_CONT], 0, left);
		d->next = st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto);
		d->hdr = d->next != NULL ? 0 : left;
		if (d->next == NULL)
			d->plen = 0;
		return ST_OK;
	}
	/* The reserved byte is not looked at: Wireshark takes a version 3
	 * for a header whatever follows it. */
	(void)st_get_u8(&t);
	len = st_get_be16(&t);
	st_dfields(d, c, tpkt_fields, F_CONT);
	if (st_dport(d->pkt, d->ly, 0) == TPKT_RDP ||
	    st_dport(d->pkt, d->ly, 1) == TPKT_RDP)
		st_rdp_note_tpkt(d);	/* fast-path PDUs may follow */
	if (len < TPKT_MIN)
		return st_dmalformed(d, "length %u is less than %u", len,
		    TPKT_MIN);
	d->hdr = 4;
	if (len > left)
		st_pkt_note(d->pkt, "TPKT: a TPDU continues in a later "
		    "segment");
	else if (len < left)
		/* COTP does not know where the TPKT ends: what follows is
		 * shown with the TPDU's data. */
		st_pkt_note(d->pkt, "TPKT: another TPDU follows in this "
		    "segment (shown with the first's data)");
	d->next_key = ST_KEY_FRAMED;
	d->next_val = TPKT_COTP;
	return ST_OK;
}

/* @reasm */
/* The TPKT at c is as long as its length says, header included
 * (strata/proto.h, pdu_len); a header cut short says "more" when it
 * starts with version 3. */
static size_t
tpkt_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), len;

	if (left == 0 || st_peek_bits(c, 0, 8) != 3)
		return 0;
	if (left < 4)
		return ST_PDU_MORE;
	len = (size_t)st_peek_bits(c, 16, 16);
	return len >= TPKT_MIN ? len : 0;
}

static const struct st_bind tpkt_binds[] = {
	{ ST_KEY_TCPPORT, TPKT_ISOTSAP },
	{ ST_KEY_TCPPORT, TPKT_RDP },
};

/* "tpkt len 67 cotp DT eot": what it carries speaks after it. */
static int
tpkt_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NTPKT];
	const struct st_layer *next = ly + 1;

	st_ly_fields(s->pkt, ly, tpkt_fields, F_NTPKT, f);
	/* Continuation another protocol took (TLS): its facts alone. */
	if (f[F_CONT] != NULL && next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->summary != NULL &&
	    next->proto->role == ST_ROLE_APP && next->proto->summary(s, next))
		return 1;
	st_out_puts(s->o, "tpkt");
	if (f[F_CONT] != NULL) {
		st_out_puts(s->o, " continuation");
		return 1;
	}
	if (f[F_LENGTH] != NULL) {
		st_out_puts(s->o, " len ");
		s->value(s, f[F_LENGTH]);
	}
	/* What it carries, each layer in turn: "cotp DT nr 0 eot t125
	 * sendDataRequest user 7 channel 1003 rdp encrypted". */
	for (; next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->summary != NULL &&
	    next->proto->role == ST_ROLE_APP; next++) {
		st_out_putc(s->o, ' ');
		next->proto->summary(s, next);
	}
	return 1;
}

static const struct st_field_desc *const tpkt_keys[] = {
	&tpkt_fields[F_VERSION], &tpkt_fields[F_LENGTH], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_tpkt = {
	.name = "tpkt",
	.ws = "tpkt",
	.title = "TPKT, ISO on TCP",
	.rfc = "RFC 1006",
	.role = ST_ROLE_APP,
	.fields = tpkt_fields,
	.nfields = F_NTPKT,
	.decode = tpkt_decode,
	.binds = tpkt_binds,
	.nbinds = NFIELDS(tpkt_binds),
	/* @summary */
	.summary = tpkt_summary,
	/* @views */
	.keys = tpkt_keys,
	.color = "\033[36m",
	.explain = "RFC 1006 runs the OSI transport protocol (COTP, ISO "
	    "8073 class 0) over TCP: each TPDU gets a 4-byte header, version "
	    "3, a reserved byte and the length of header and TPDU, so that "
	    "the receiver can find TPDU boundaries in the byte stream.  "
	    "Siemens S7 and IEC 61850 MMS use it on port 102, RDP on 3389.",
	/* @craft */
	/* @probes */
	/* @reasm */
	.pdu_len = tpkt_pdu_len,
};
