/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The decode loop: from the link layer inwards, each protocol's decoder reads
 * its header through the cursor and names what follows; the registry maps
 * that to the next decoder.  Truncated and malformed headers end the chain
 * with the layer marked; nothing here can fail.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/dlt.h>

#include "strata/decode.h"
#include "strata/expect.h"
#include "strata/match.h"
#include "strata/reasm.h"

/* Facts about the whole frame that outlive one chain. */
struct frame {
	size_t	trail_off;
	size_t	trail_len;
	size_t	trail_ly;	/* the layer whose length left them over */
};

static void chain(struct st_dctx *d, struct st_cur cur,
    const struct st_proto *p, struct frame *fr);

/*
 * A packet carried inside a layer (an ICMP error's quote): decoded as a
 * chain from the protocol bound to (key, val), one level deeper; the
 * decoders reach it through d->nest (st_dnest).
 */
static void
nest(struct st_dctx *d, struct st_cur *c, int key, uint64_t val)
{
	struct st_dctx sub = *d;
	struct frame fr = { 0, 0 };
	const struct st_proto *proto = st_proto_next(key, val);

	sub.depth = d->depth + 1;
	if (proto == NULL)
		proto = &st_proto_data;
	if (sub.depth > ST_MAX_DEPTH) {
		st_pkt_note(d->pkt, "quoting nested too deep: inner levels "
		    "shown as data");
		proto = &st_proto_data;
	}
	if (st_cur_left(c) > 0)
		chain(&sub, *c, proto, &fr);
	c->off = c->end;
	d->rest_done = 1;
}

/*
 * Bytes a decoder made from the frame's (st_dderive): put after the frame's
 * own, at data[caplen + xlen ...), and decoded there as a chain from the
 * protocol bound to (key, val), at the decoder's depth, after its layer.
 * The packet's data becomes xbuf, the frame copied first; the chains still
 * running keep their cursors on the frame's own buffer, which holds the
 * same bytes.  So xbuf may move only while it is not the packet's data:
 * once it is (a reassembled datagram's layers, or bytes made before), it
 * must already have room.  Never in a fragment: the reassembly writes its
 * payload at the same place.
 */
static void
derive(struct st_dctx *d, const uint8_t *b, size_t n, int key, uint64_t val,
    const char *what)
{
	struct st_packet *pkt = d->pkt;
	struct st_dctx sub = *d;
	struct frame fr = { 0, 0 };
	const struct st_proto *p = st_proto_next(key, val);
	size_t at = (size_t)pkt->caplen + pkt->xlen, need = at + n, cap;
	struct st_cur c;
	uint8_t *nb;

	if (n == 0 || p == NULL || pkt->frag || need > UINT32_MAX / 8)
		return;
	if (need > pkt->xcap) {
		if (pkt->data == pkt->xbuf) {
			st_pkt_note(pkt, "bytes a decoder opened are not "
			    "decoded: no room after the reassembled ones");
			return;
		}
		cap = need < 16384 ? 16384 : need;
		if ((nb = realloc(pkt->xbuf, cap)) == NULL)
			return;
		pkt->xbuf = nb;
		pkt->xcap = cap;
	}
	if (pkt->data != pkt->xbuf) {
		memcpy(pkt->xbuf, pkt->data, at);
		pkt->data = pkt->xbuf;
	}
	memcpy(pkt->xbuf + at, b, n);
	pkt->xlen += (uint32_t)n;
	pkt->xwhat = what;
	st_pkt_note(pkt, st_pkt_printf(pkt, "the layers from byte %zu on are "
	    "%s (%zu bytes), not bytes on the wire", at, what, n));
	c = st_cur_make(pkt->data, need);
	c.off = at;
	chain(&sub, c, p, &fr);
}

/* Whether the chain goes on to next when the payload has pl bytes. */
static int
go_on(const struct st_dctx *d, size_t pl)
{
	if (pl > 0)
		return 1;
	if (d->plen != SIZE_MAX)
		return d->plen > 0;
	return d->pkt->caplen < d->pkt->len;
}

/*
 * The port key of what transport p carries (TCP's or UDP's), under which
 * the content heuristics of application protocols are tried when no port
 * binds or the decoder chosen by port refuses the bytes; ST_KEY_NONE when
 * p is no transport.  A conversation a heuristic recognised is claimed for
 * its protocol (st_expect_claim), so that its later segments, both ways,
 * go to that protocol first, as they would on its port: an HTTP body, the
 * replies of a server on an odd port.
 */
static int
transport_key(const struct st_proto *p)
{
	if (p->role != ST_ROLE_TRANSPORT)
		return ST_KEY_NONE;
	return p->flags & ST_PF_STREAM ? ST_KEY_TCPPORT : ST_KEY_UDPPORT;
}

static void
chain(struct st_dctx *d, struct st_cur cur, const struct st_proto *p,
    struct frame *fr)
{
	const struct st_proto *next, *claimed;
	struct st_layer *ly;
	struct st_cur lc;
	struct st_expect ex;
	size_t left, pl, tail;
	int rc, guess = ST_KEY_NONE;

	while (p != NULL) {
		left = st_cur_left(&cur);
		if ((ly = st_pkt_add_layer(d->pkt, p, (uint32_t)cur.off,
		    d->depth)) == NULL)
			return;
		d->ly = ly;
		d->hdr = 0;
		d->plen = SIZE_MAX;
		d->tail = 0;
		d->next_key = ST_KEY_NONE;
		d->next = NULL;
		d->data = 0;
		d->rest_done = 0;
		lc = cur;
		rc = p->decode(d, &lc);
		if (rc == ST_ENOTME) {
			/* A guess by port that the bytes do not bear out. */
			d->pkt->nfields = ly->field0;
			d->pkt->nlayers--;
			next = guess != ST_KEY_NONE ? st_proto_guess(guess, &cur,
			    p) : NULL;
			p = next != NULL ? next : &st_proto_data;
			guess = ST_KEY_NONE;	/* one guess, then data */
			continue;
		}
		if (rc == ST_OK && lc.err != ST_OK)
			rc = lc.err;
		if (rc != ST_OK || d->hdr > left) {
			if (rc == ST_EINVAL) {
				if (ly->why == NULL)
					ly->why = "invalid header";
				ly->status = ST_LS_MALFORMED;
			} else
				ly->status = d->depth > 0 ? ST_LS_PARTIAL :
				    ST_LS_TRUNCATED;
			ly->hdr_len = (uint32_t)(d->hdr > 0 && d->hdr < left ?
			    d->hdr : left);
			ly->len = (uint32_t)left;
			return;
		}
		ly->hdr_len = (uint32_t)d->hdr;
		if (d->rest_done) {
			ly->len = (uint32_t)left;
			return;
		}
		st_cur_skip(&cur, d->hdr);
		pl = st_cur_left(&cur);
		tail = 0;
		if (d->tail > 0) {
			tail = d->tail < pl ? d->tail : pl;
			if (d->plen < pl - tail)
				tail = pl - d->plen;	/* all the layer's */
			pl -= tail;
			cur.end -= tail;
		}
		if (d->plen < pl) {
			if (d->depth == 0 && fr->trail_len == 0) {
				fr->trail_off = cur.off + d->plen;
				fr->trail_len = pl - d->plen;
				fr->trail_ly = (size_t)(ly - d->pkt->layers);
			}
			cur.end = cur.off + d->plen;
			pl = d->plen;
		}
		ly->len = (uint32_t)(d->hdr + pl + tail);
		next = d->data ? &st_proto_data : d->next != NULL ? d->next :
		    st_proto_next(d->next_key, d->next_val);
		/* A conversation another one announced: its protocol, not
		 * the port's (an FTP data connection). */
		if (!d->data && pl > 0 && p->role == ST_ROLE_TRANSPORT &&
		    st_expect_count() > 0 && st_expect_here(d, &ex))
			next = ex.proto;
		/* One a heuristic recognised earlier: its protocol first,
		 * both ways, as the port's would be. */
		else if (!d->data && pl > 0 && p->role == ST_ROLE_TRANSPORT &&
		    (claimed = st_expect_claimed(d)) != NULL)
			next = claimed;
		guess = transport_key(p);
		if (next == NULL && pl > 0 && guess != ST_KEY_NONE &&
		    (next = st_proto_guess(guess, &cur, NULL)) != NULL)
			st_expect_claim(d, next);
		/* An IP protocol nothing binds: the heuristics of protocols
		 * bound to IP protocols (tshark's "ip" list: CARP). */
		if (next == NULL && pl > 0 && !d->data &&
		    d->next_key == ST_KEY_IPPROTO)
			next = st_proto_guess(ST_KEY_IPPROTO, &cur, NULL);
		if (next == NULL)
			next = pl > 0 ? &st_proto_data : NULL;
		else if (!go_on(d, pl))
			next = NULL;
		p = next;
	}
}

/*
 * A header checksum of zero in a packet whose transport checksum holds only
 * the pseudo-header sum (ST_CK_PARTIAL) was left to the NIC as well: the
 * packet was captured on the host that sent it, before the card filled the
 * sums in.  Such a zero is offloaded, not bad.
 */
static void
offloaded(struct st_packet *pkt)
{
	const struct st_ckspec *ck;
	struct st_layer *ly;
	struct st_field *f, *st;
	unsigned i, k;

	for (i = 0; i < pkt->nfields && pkt->fields[i].ck != ST_CK_PARTIAL;
	    i++)
		;
	if (i == pkt->nfields)
		return;
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth > 0 || (ck = ly->proto->cksum) == NULL ||
		    ck->cover != ST_CKC_HEADER)
			continue;
		for (k = ly->field0; k < (unsigned)ly->field0 + ly->nfields;
		    k++) {
			f = &pkt->fields[k];
			if (f->desc != ck->field || f->ck != ST_CK_BAD ||
			    f->val != 0)
				continue;
			f->ck = ST_CK_PARTIAL;
			pkt->nbadck--;
			if ((st = (struct st_field *)st_pkt_fd(pkt, ly,
			    ck->status)) != NULL)
				st->val = ST_CK_PARTIAL;
			st_pkt_note(pkt, st_pkt_printf(pkt, "%s 0x0000: left "
			    "to the network card, as the transport checksum "
			    "was (captured on the sending host)",
			    f->desc->name));
		}
	}
}

/*
 * Gives the fragment this frame carries (the outermost layer whose frag
 * hook finds one) to the reassembly; when that completes a datagram it
 * can trust and ra decodes, the payload goes after the frame's bytes in
 * the packet's own buffer and is decoded there, at depth 0, as the
 * network layer says, so every view sees its layers.
 */
static void
reassemble(struct st_dctx *d, struct st_defrag *ra)
{
	struct st_packet *pkt = d->pkt;
	struct frame fr = { 0, 0 };
	const struct st_proto *p = NULL;
	const uint8_t *pay;
	struct st_frag f;
	struct st_cur c;
	uint8_t *nb;
	size_t n, need;
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 0 &&
		    pkt->layers[i].proto->frag != NULL &&
		    pkt->layers[i].proto->frag(pkt, &pkt->layers[i], &f))
			break;
	if (i == pkt->nlayers)
		return;
	n = st_defrag_add(ra, pkt, &f, &pay);
	if (pkt->reasm != NULL)
		st_pkt_note(pkt, pkt->reasm);
	if (n == 0 || !st_defrag_decoding(ra))
		return;
	need = (size_t)pkt->caplen + n;
	if (need > pkt->xcap) {
		if ((nb = realloc(pkt->xbuf, need)) == NULL)
			return;
		pkt->xbuf = nb;
		pkt->xcap = need;
	}
	memcpy(pkt->xbuf, pkt->data, pkt->caplen);
	memcpy(pkt->xbuf + pkt->caplen, pay, n);
	pkt->data = pkt->xbuf;
	pkt->xlen = (uint32_t)n;
	st_pkt_note(pkt, st_pkt_printf(pkt, "reassembled: the layers from "
	    "byte %u on are the datagram's payload (%zu bytes), after the "
	    "frame's own", pkt->caplen, n));
	c = st_cur_make(pkt->data, need);
	c.off = pkt->caplen;
	d->depth = 0;
	d->net = f.net;
	d->net.tlen = (uint32_t)n;
	d->net.frag = 0;
	p = st_proto_next(f.next_key, f.next_val);
	chain(d, c, p != NULL ? p : &st_proto_data, &fr);
}

/* The decode loop for the stream reassembly: bytes [off, end) of the
 * packet, from p on, at depth 0. */
static void
rechain(struct st_dctx *d, size_t off, size_t end, const struct st_proto *p)
{
	struct frame fr = { 0, 0 };
	struct st_cur c = st_cur_make(d->pkt->data, end);

	c.off = off;
	d->depth = 0;
	if (off < end)
		chain(d, c, p, &fr);
}

/*
 * In the first fragment of a datagram, the layers above the network's end
 * where the fragment ends, not where their own lengths say: a "message"
 * running past that is cut short, as by a capture, not malformed (tshark:
 * "Unreassembled Packet").
 */
static void
unreassembled(struct st_packet *pkt)
{
	struct st_layer *ly;
	struct st_frag f;
	unsigned i, end = 0;

	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth != 0 || ly->off >= pkt->caplen)
			continue;
		if (end == 0) {
			if (ly->proto->frag != NULL &&
			    ly->proto->frag(pkt, ly, &f) && f.more)
				end = f.pay + f.len;
			continue;
		}
		if (ly->status == ST_LS_MALFORMED && ly->off + ly->len == end) {
			ly->status = ST_LS_TRUNCATED;
			ly->why = "the fragment ends here: the rest is in the "
			    "next fragments";
		}
	}
}

/* The first protocol for a frame of link type lt, or NULL. */
static const struct st_proto *
link_proto(int lt, const struct st_packet *pkt)
{
	const struct st_proto *p;

	if (lt == DLT_RAW || lt == DLT_IPV4 || lt == DLT_IPV6
#ifdef DLT_RAW_OPENBSD
	    || lt == 14
#endif
	    ) {
		/* No link header: the IP version says which. */
		unsigned v = pkt->caplen > 0 ? pkt->data[0] >> 4 : 0;

		if (v != 4 && v != 6)
			v = lt == DLT_IPV6 ? 6 : 4;
		return st_proto_next(ST_KEY_ETHERTYPE, v == 6 ? 0x86dd :
		    0x0800);
	}
	p = st_proto_next(ST_KEY_LINK, (uint32_t)lt);
	return p;
}

void
st_decode_init(void)
{
	st_registry_init();
}

void
st_decode_forget(void)
{
	const struct st_proto *p;
	unsigned k;

	st_expect_clear();
	st_match_clear();
	for (k = 0; (p = st_protos[k]) != NULL; k++)
		if (p->forget != NULL)
			p->forget();
}

/*
 * The layer for the bytes after the datagram that layer k's length left
 * over: named as Wireshark names them, by the innermost link layer or tag
 * at k or before it that hands a payload on by EtherType (eth.trailer,
 * vlan.trailer, ...), a layer between them (MPLS, LLC) naming none.  An
 * Ethernet frame carried inside a network layer's payload (GRE, ERSPAN,
 * VXLAN) ends in no frame check sequence.  With none (802.11, raw IP), the bytes are
 * strata's (strata.trailer): Wireshark shows them nowhere.
 */
/* Whether the layers before layer k are all link layers (ISL before an
 * Ethernet frame): the frame is the link's own, its FCS may be there. */
static int
link_only(const struct st_packet *pkt, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (pkt->layers[i].proto->role != ST_ROLE_LINK)
			return 0;
	return 1;
}

static const struct st_proto *
trailer_of(const struct st_packet *pkt, size_t k)
{
	const struct st_layer *ly;
	size_t i;

	for (i = k + 1; i-- > 0;) {
		ly = &pkt->layers[i];
		if (ly->depth != 0 || ly->proto->trailer == NULL)
			continue;
		if (ly->proto->trailer == &st_proto_trailer && !link_only(pkt,
		    i))
			return &st_proto_trailer_inner;
		return ly->proto->trailer;
	}
	return &st_proto_trailer_other;
}

unsigned
st_decode(struct st_packet *pkt, int linktype)
{
	return st_decode_ra(pkt, linktype, NULL);
}

unsigned
st_decode_ra(struct st_packet *pkt, int linktype, struct st_defrag *ra)
{
	struct st_dctx d;
	struct frame fr = { 0, 0 };
	const struct st_proto *p;
	struct st_layer *ly;
	struct st_cur c;

	st_registry_init();
	memset(&d, 0, sizeof(d));
	d.pkt = pkt;
	d.nest = nest;
	d.derive = derive;
	pkt->linktype = linktype;
	p = link_proto(linktype, pkt);
	if (p == NULL) {
		st_pkt_note(pkt, st_pkt_printf(pkt, "link type %d is not "
		    "decoded: frame shown as data", linktype));
		p = &st_proto_data;
	}
	c = st_cur_make(pkt->data, pkt->caplen);
	if (pkt->caplen > 0 || p != &st_proto_data)
		chain(&d, c, p, &fr);
	if (pkt->frag) {
		unreassembled(pkt);
		if (ra != NULL)
			reassemble(&d, ra);
	}
	if (ra != NULL && st_defrag_streams(ra) != NULL)
		st_tcpr_segment(st_defrag_streams(ra), &d, rechain);
	if (pkt->nbadck > 0)
		offloaded(pkt);
	if (fr.trail_len > 0 && fr.trail_off + fr.trail_len <= pkt->caplen &&
	    fr.trail_ly < pkt->nlayers &&
	    (ly = st_pkt_add_layer(pkt, p = trailer_of(pkt, fr.trail_ly),
	    (uint32_t)fr.trail_off, 0)) != NULL) {
		d.ly = ly;
		c = st_cur_make(pkt->data, pkt->caplen);
		c.off = fr.trail_off;
		p->decode(&d, &c);
		ly->hdr_len = 0;
		ly->len = (uint32_t)fr.trail_len;
	}
	if (pkt->caplen < pkt->len)
		st_pkt_note(pkt, st_pkt_printf(pkt, "capture cut at %u of %u "
		    "bytes", pkt->caplen, pkt->len));
	return pkt->nlayers;
}


void
st_track(struct st_flows **flows, const struct st_packet *pkt)
{
	const struct st_layer *ly, *net = NULL;
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth > 0)
			continue;
		if (ly->proto->role == ST_ROLE_NET)
			net = ly;
		else if (ly->proto->track != NULL && net != NULL)
			ly->proto->track(flows, pkt, net, ly);
	}
}
