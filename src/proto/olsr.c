/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OLSR, the Optimized Link State Routing Protocol (RFC 3626), UDP 698.
 *
 *  packet: | Packet Length (16) | Packet Sequence Number (16) |, then
 *  messages: | type | vtime | Message Size (16) |, originator address,
 *  | TTL | hop count | Message Sequence Number (16) |, then the body:
 *  HELLO (htime, willingness, link messages of neighbour addresses), TC
 *  (ANSN, advertised neighbours), MID (interface addresses), HNA (network
 *  and netmask pairs).  Over IPv6 the addresses are 16 bytes.
 *
 * Crafted packets lie about every length: each message and link message is
 * read only within what its size says and what the packet holds.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define OLSR_MAXMSG	64	/* messages in one packet */
#define OLSR_MAXADDR	256	/* addresses in one message */

static const struct st_valname olsr_type_names[] = {
	{ 1, "HELLO" }, { 2, "TC" }, { 3, "MID" }, { 4, "HNA" },
	{ 201, "LQ-HELLO" }, { 202, "LQ-TC" }, { 0, NULL },
};

enum { F_LEN, F_SEQ };

static const struct st_field_desc olsr_fields[] = {
	FD("len", "olsr.packet_len", "Packet Length", 0, 16, ST_FMT_DEC),
	FD("seq", "olsr.packet_seq_num", "Packet Sequence Number", 16, 16,
	    ST_FMT_DEC),
};

enum {
	M_TYPE, M_VTIME, M_SIZE, M_ORIG, M_ORIG6, M_TTL, M_HOPS, M_SEQ,
	M_HTIME, M_WILL, M_LTYPE, M_LSIZE, M_NEIGH, M_NEIGH6, M_ANSN,
	M_IFACE, M_IFACE6, M_NET, M_MASK, M_NET6, M_MASK6, M_LQ, M_NLQ,
	M_DATA, M_MSG, M_NBYTES, M_N_
};

static const struct st_field_desc olsr_more[] = {
	FDN(NULL, "olsr.message_type", "Message Type", 0, 8, ST_FMT_DEC,
	    olsr_type_names),
	FD(NULL, "olsr.vtime", "Validity Time", 0, 0, ST_FMT_TEXT),
	FD(NULL, "olsr.message_size", "Message", 16, 16, ST_FMT_DEC),
	FD(NULL, "olsr.origin_addr", "Originator Address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "olsr.origin6_addr", "Originator Address", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "olsr.ttl", "TTL", 0, 8, ST_FMT_DEC),
	FD(NULL, "olsr.hop_count", "Hop Count", 8, 8, ST_FMT_DEC),
	FD(NULL, "olsr.message_seq_num", "Message Sequence Number", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "olsr.htime", "Hello Emission Interval", 0, 0, ST_FMT_TEXT),
	FD(NULL, "olsr.willingness", "Willingness to forward messages", 24,
	    8, ST_FMT_DEC),
	FD(NULL, "olsr.link_type", "Link Type", 0, 8, ST_FMT_DEC),
	FD(NULL, "olsr.link_message_size", "Link Message Size", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "olsr.neighbor_addr", "Neighbor Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "olsr.neighbor6_addr", "Neighbor Address", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, "olsr.ansn", "Advertised Neighbor Sequence Number (ANSN)",
	    0, 16, ST_FMT_DEC),
	FD(NULL, "olsr.interface_addr", "Interface Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "olsr.interface6_addr", "Interface Address", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, "olsr.network_addr", "Network Address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "olsr.netmask", "Netmask", 32, 32, ST_FMT_IPV4),
	FD(NULL, "olsr.network6_addr", "Network Address", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, "olsr.netmask6", "Netmask", 128, 128, ST_FMT_IPV6),
	FD(NULL, "olsr.lq", "LQ", 0, 8, ST_FMT_DEC),
	FD(NULL, "olsr.nlq", "NLQ", 8, 8, ST_FMT_DEC),
	FD(NULL, "olsr.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "olsr.message", "Message", 0, 0, ST_FMT_BYTES),
	FD(NULL, "olsr.neighbor", "Neighbor Address", 0, 0, ST_FMT_BYTES),
};

/* A time byte (RFC 3626 18.3): C * (1 + a/16) * 2^b seconds, C = 1/16. */
static void
olsr_time(struct st_dctx *d, struct st_cur *c, size_t at,
    const struct st_field_desc *fd)
{
	char buf[32];
	unsigned v;
	double t;

	if (!st_cur_need(c, at + 1))
		return;
	v = (unsigned)st_peek_bits(c, at * 8, 8);
	t = 0.0625 * (1.0 + (double)(v >> 4) / 16.0) * (double)(1u << (v & 15));
	snprintf(buf, sizeof(buf), "%.6f", t);
	st_dtext(d, c, fd, at, 1, buf);
}

/*
 * Rows of addresses (one row each, or a row of two: HNA's network and
 * netmask) in bytes [at, end) of m, each step bytes long; LQ messages add
 * the link qualities after each address, and tshark shows such a neighbour
 * as a whole too.
 */
static void
olsr_addrs(struct st_dctx *d, struct st_cur *m, size_t at, size_t end,
    int row, int n, size_t step, int lq)
{
	struct st_cur a;
	unsigned i;

	for (i = 0; i < OLSR_MAXADDR && at + step <= end; i++) {
		a = *m;
		a.off += at;
		if (lq)
			st_dbytes(d, &a, &olsr_more[M_NBYTES], 0, step);
		st_dfields(d, &a, &olsr_more[row], (size_t)n);
		if (lq) {
			a.off += step - 4;
			st_dfields(d, &a, &olsr_more[M_LQ], 2);
		}
		if (a.err != ST_OK) {
			m->err = a.err;
			return;
		}
		at += step;
	}
}

/* HELLO's link messages in bytes [at, end) of m. */
static void
olsr_links(struct st_dctx *d, struct st_cur *m, size_t at, size_t end,
    size_t alen, int lq)
{
	struct st_cur l;
	size_t n;
	unsigned i;

	for (i = 0; i < OLSR_MAXMSG && at + 4 <= end; i++) {
		l = *m;
		l.off += at;
		st_dfield(d, &l, &olsr_more[M_LTYPE]);
		st_dfield(d, &l, &olsr_more[M_LSIZE]);
		if (l.err != ST_OK) {
			m->err = l.err;
			return;
		}
		n = (size_t)st_peek_bits(&l, 16, 16);
		if (n < 4 || at + n > end) {
			st_dmalformed(d, "link message size %zu outside its "
			    "message", n);
			return;
		}
		olsr_addrs(d, m, at + 4, at + n, alen == 4 ? M_NEIGH :
		    M_NEIGH6, 1, alen + (lq ? 4 : 0), lq);
		at += n;
	}
}

/* The body of a message of type type in bytes [at, end) of m. */
static void
olsr_body(struct st_dctx *d, struct st_cur *m, unsigned type, size_t at,
    size_t end, size_t alen)
{
	struct st_cur b = *m;
	int v6 = alen == 16;

	b.off += at;
	switch (type) {
	case 1: case 201:
		olsr_time(d, &b, 2, &olsr_more[M_HTIME]);
		st_dfield(d, &b, &olsr_more[M_WILL]);
		if (b.err == ST_OK)
			olsr_links(d, m, at + 4, end, alen, type == 201);
		break;
	case 2: case 202:
		st_dfield(d, &b, &olsr_more[M_ANSN]);
		if (b.err == ST_OK)
			olsr_addrs(d, m, at + 4, end, v6 ? M_NEIGH6 : M_NEIGH,
			    1, alen + (type == 202 ? 4 : 0), type == 202);
		break;
	case 3:
		olsr_addrs(d, m, at, end, v6 ? M_IFACE6 : M_IFACE, 1, alen, 0);
		break;
	case 4:
		olsr_addrs(d, m, at, end, v6 ? M_NET6 : M_NET, 2, 2 * alen, 0);
		break;
	default:
		if (end > at)
			st_dbytes(d, &b, &olsr_more[M_DATA], 0, end - at);
		break;
	}
	if (b.err != ST_OK)
		m->err = b.err;
}

static int
olsr_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur m;
	size_t plen, at, size, alen, hl;
	unsigned i, type;

	st_dfields(d, c, olsr_fields, NFIELDS(olsr_fields));
	if (c->err != ST_OK)
		return c->err;
	plen = (size_t)st_peek_bits(c, 0, 16);
	d->hdr = 4;
	d->plen = 0;
	if (plen < 4)
		return st_dmalformed(d, "packet length %zu below 4", plen);
	alen = d->net.fam == 6 ? 16 : 4;
	hl = 8 + alen;
	for (i = 0, at = 4; i < OLSR_MAXMSG && at + hl <= plen; i++) {
		m = *c;
		m.off += at;
		/* As tshark: a message not all captured is not shown. */
		if (!st_cur_need(&m, 4))
			return ST_ETRUNC;
		size = (size_t)st_peek_bits(&m, 16, 16);
		if (size < hl || at + size > plen)
			return st_dmalformed(d, "message size %zu outside %zu.."
			    "%zu", size, hl, plen - at);
		if (st_cur_left(&m) < size)
			return ST_ETRUNC;
		st_dbytes(d, &m, &olsr_more[M_MSG], 0, size);
		st_dfield(d, &m, &olsr_more[M_TYPE]);
		olsr_time(d, &m, 1, &olsr_more[M_VTIME]);
		st_dfield(d, &m, &olsr_more[M_SIZE]);
		st_dfield(d, &m, &olsr_more[alen == 4 ? M_ORIG : M_ORIG6]);
		m.off += 4 + alen;
		st_dfields(d, &m, &olsr_more[M_TTL], 3);
		m.off -= 4 + alen;
		if (m.err != ST_OK)
			return m.err;
		type = (unsigned)st_peek_bits(&m, 0, 8);
		olsr_body(d, &m, type, hl, size, alen);
		if (m.err != ST_OK)
			return m.err;
		d->hdr = at + size;
		at += size;
	}
	if (st_cur_left(c) < plen)
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind olsr_binds[] = {
	{ ST_KEY_UDPPORT, 698 },
};

/* "OLSR seq 7: HELLO" (the first message's type). */
static int
olsr_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *hf[2], *mf[M_N_];
	const char *name;

	st_ly_fields(s->pkt, ly, olsr_fields, 2, hf);
	st_ly_fields(s->pkt, ly, olsr_more, M_N_, mf);
	if (hf[F_SEQ] == NULL)
		return 0;
	st_out_puts(s->o, "OLSR seq ");
	st_out_u64(s->o, hf[F_SEQ]->val);
	if (mf[M_TYPE] != NULL) {
		name = st_valname(olsr_type_names, (uint32_t)mf[M_TYPE]->val);
		st_out_puts(s->o, ": ");
		if (name != NULL)
			st_out_puts(s->o, name);
		else
			st_out_u64(s->o, mf[M_TYPE]->val);
	}
	return 1;
}

static const struct st_field_desc *const olsr_keys[] = {
	&olsr_fields[F_LEN], &olsr_fields[F_SEQ], NULL,
};

const struct st_proto st_proto_olsr = {
	.name = "olsr",
	.ws = "olsr",
	.title = "Optimized Link State Routing Protocol",
	.rfc = "RFC 3626",
	.role = ST_ROLE_APP,
	.fields = olsr_fields,
	.nfields = NFIELDS(olsr_fields),
	.more = olsr_more,
	.nmore = NFIELDS(olsr_more),
	.decode = olsr_decode,
	.binds = olsr_binds,
	.nbinds = NFIELDS(olsr_binds),
	.summary = olsr_summary,
	.keys = olsr_keys,
	.explain = "OLSR (RFC 3626) is a proactive routing protocol for "
	    "mobile ad hoc networks: a packet (length, sequence number) holds "
	    "messages flooded through multipoint relays, each with a type, "
	    "validity time, size, originator, TTL, hop count and sequence "
	    "number: HELLO (link sensing, neighbours), TC (topology), MID "
	    "(interfaces), HNA (networks reached).",
};
