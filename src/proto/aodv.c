/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AODV, Ad hoc On-Demand Distance Vector routing (RFC 3561; UDP 654): a
 * node that needs a route floods a Route Request; the destination, or a
 * node with a fresh enough route, unicasts a Route Reply back along the
 * reverse path; a broken link is announced with a Route Error.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |J|R|G|D|U|     Reserved        |   Hop Count   |  RREQ
 * |     Type      |R|A|    Reserved     |Prefix Sz|   Hop Count   |  RREP
 * |     Type      |N|          Reserved           |   DestCount   |  RERR
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then, by type: RREQ ID, destination and its sequence number,
 * originator and its sequence number (RREQ); destination, its sequence
 * number, originator, lifetime (RREP); the unreachable destinations and
 * their sequence numbers (RERR); nothing more (RREP-ACK, type 4).  The
 * IPv6 variants of draft-perkins-manet-aodv6-01 (types 16 to 19) put
 * the sequence numbers before the 16-byte addresses.  Extensions (type,
 * length, value) may follow a message: hello interval, timestamp.
 */
#include "strata/out.h"
#include "fields.h"

#define AODV_MAXITEMS	256	/* unreachable destinations, extensions */

enum { F_TYPE, F_FLAGS, F_JOIN, F_REPAIR, F_GRAT, F_DONLY, F_UNK,
	F_RREPAIR, F_ACK, F_NODEL, F_PREFIX, F_PREFIX6, F_HOPS, F_DCOUNT,
	F_RREQID, F_DEST, F_DSEQ, F_ORIG, F_OSEQ, F_LIFE,
	F_DEST6, F_ORIG6, F_UDEST, F_UDEST6,
	X_TYPE, X_LEN, X_HELLO, X_TIME, F_NROWS };

static const struct st_valname type_names[] = {
	{ 1, "Route Request" }, { 2, "Route Reply" }, { 3, "Route Error" },
	{ 4, "Route Reply Acknowledgment" },
	{ 16, "draft-perkins-manet-aodv6-01 IPv6 Route Request" },
	{ 17, "draft-perkins-manet-aodv6-01 IPv6 Route Reply" },
	{ 18, "draft-perkins-manet-aodv6-01 IPv6 Route Error" },
	{ 19, "draft-perkins-manet-aodv6-01 IPv6 Route Reply "
	    "Acknowledgment" }, { 0, NULL }
};

static const struct st_valname ext_names[] = {
	{ 1, "None" }, { 2, "Hello Interval" }, { 3, "Timestamp" },
	{ 0, NULL }
};

/* Rows from the message's start (the IPv6 draft's at their own places,
 * by the decoder's offset); extension rows from the extension's. */
static const struct st_field_desc aodv_fields[] = {
	[F_TYPE] = FDN("type", "aodv.type", "Type", 0, 8, ST_FMT_DEC,
	    type_names),
	[F_FLAGS] = FD("flags", "aodv.flags", "Flags", 8, 16, ST_FMT_DEC),
	[F_JOIN] = FDD(NULL, "aodv.flags.rreq_join", "Join", 8, 1,
	    ST_FMT_BOOL),
	[F_REPAIR] = FDD(NULL, "aodv.flags.rreq_repair", "Repair", 9, 1,
	    ST_FMT_BOOL),
	[F_GRAT] = FDD(NULL, "aodv.flags.rreq_gratuitous", "Gratuitous RREP",
	    10, 1, ST_FMT_BOOL),
	[F_DONLY] = FDD(NULL, "aodv.flags.rreq_destinationonly",
	    "Destination only", 11, 1, ST_FMT_BOOL),
	[F_UNK] = FDD(NULL, "aodv.flags.rreq_unknown",
	    "Unknown sequence number", 12, 1, ST_FMT_BOOL),
	[F_RREPAIR] = FDD(NULL, "aodv.flags.rrep_repair", "Repair", 8, 1,
	    ST_FMT_BOOL),
	[F_ACK] = FDD(NULL, "aodv.flags.rrep_ack", "Acknowledgment required",
	    9, 1, ST_FMT_BOOL),
	[F_NODEL] = FDD(NULL, "aodv.flags.rerr_nodelete", "No delete", 8, 1,
	    ST_FMT_BOOL),
	[F_PREFIX] = FD(NULL, "aodv.prefix_sz", "Prefix size", 19, 5,
	    ST_FMT_DEC),
	[F_PREFIX6] = FD(NULL, "aodv.prefix_sz", "Prefix size", 17, 7,
	    ST_FMT_DEC),
	[F_HOPS] = FD("hops", "aodv.hopcount", "Hop count", 24, 8,
	    ST_FMT_DEC),
	[F_DCOUNT] = FD(NULL, "aodv.destcount", "Destination count", 24, 8,
	    ST_FMT_DEC),
	[F_RREQID] = FD(NULL, "aodv.rreq_id", "RREQ ID", 32, 32, ST_FMT_DEC),
	[F_DEST] = FD("dest", "aodv.dest_ip", "Destination", 0, 32,
	    ST_FMT_IPV4),
	[F_DSEQ] = FD(NULL, "aodv.dest_seqno", "Destination sequence number",
	    0, 32, ST_FMT_DEC),
	[F_ORIG] = FD(NULL, "aodv.orig_ip", "Originator", 0, 32, ST_FMT_IPV4),
	[F_OSEQ] = FD(NULL, "aodv.orig_seqno", "Originator sequence number",
	    0, 32, ST_FMT_DEC),
	[F_LIFE] = FD(NULL, "aodv.lifetime", "Lifetime (ms)", 0, 32,
	    ST_FMT_DEC),
	[F_DEST6] = FD(NULL, "aodv.dest_ipv6", "Destination", 0, 128,
	    ST_FMT_IPV6),
	[F_ORIG6] = FD(NULL, "aodv.orig_ipv6", "Originator", 0, 128,
	    ST_FMT_IPV6),
	[F_UDEST] = FD(NULL, "aodv.unreach_dest_ip",
	    "Unreachable destination", 0, 32, ST_FMT_IPV4),
	[F_UDEST6] = FD(NULL, "aodv.unreach_dest_ipv6",
	    "Unreachable destination", 0, 128, ST_FMT_IPV6),
	[X_TYPE] = FDN(NULL, "aodv.ext_type", "Extension type", 0, 8,
	    ST_FMT_DEC, ext_names),
	[X_LEN] = FD(NULL, "aodv.ext_length", "Extension length", 8, 8,
	    ST_FMT_DEC),
	[X_HELLO] = FD(NULL, "aodv.hello_interval", "Hello interval (ms)",
	    16, 32, ST_FMT_DEC),
	[X_TIME] = FD(NULL, "aodv.timestamp", "Timestamp", 16, 64,
	    ST_FMT_DEC),
};

#define A(i)	(&aodv_fields[(i)])

/* Row r at byte off of c (its bitoff counted from there). */
static void
at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned r)
{
	st_dfields_at(d, c, off, A(r), 1);
}

/* The rows of a message after its first 4 bytes: row and byte, in the
 * order Wireshark shows them. */
struct aodv_layout {
	uint8_t		 type;
	uint8_t		 v6;		/* RFC 3561's, carried over IPv6 */
	uint8_t		 len;
	struct { uint8_t row, off; } f[6];
};

static const struct aodv_layout layouts[] = {
	{ 1, 0, 24, { { F_DEST, 8 }, { F_DSEQ, 12 }, { F_ORIG, 16 },
	    { F_OSEQ, 20 } } },
	{ 2, 0, 20, { { F_DEST, 4 }, { F_DSEQ, 8 }, { F_ORIG, 12 },
	    { F_LIFE, 16 } } },
	{ 1, 1, 48, { { F_DEST6, 8 }, { F_DSEQ, 24 }, { F_ORIG6, 28 },
	    { F_OSEQ, 44 } } },
	{ 2, 1, 44, { { F_DEST6, 4 }, { F_DSEQ, 20 }, { F_ORIG6, 24 },
	    { F_LIFE, 40 } } },
	{ 16, 0, 48, { { F_DSEQ, 8 }, { F_OSEQ, 12 }, { F_DEST6, 16 },
	    { F_ORIG6, 32 } } },
	{ 17, 0, 44, { { F_DSEQ, 4 }, { F_DEST6, 8 }, { F_ORIG6, 24 },
	    { F_LIFE, 40 } } },
};

/* The extensions from byte off to the end. */
static int
aodv_ext(struct st_dctx *d, struct st_cur *c, size_t off)
{
	size_t left = st_cur_left(c), len;
	unsigned i, type;

	for (i = 0; i < AODV_MAXITEMS && off < left; i++) {
		at(d, c, off, X_TYPE);
		at(d, c, off, X_LEN);
		type = (unsigned)st_peek_bits(c, off * 8, 8);
		len = (size_t)st_peek_bits(c, off * 8 + 8, 8);
		if (c->err != ST_OK)
			return c->err;
		if (len == 0)
			return st_dmalformed(d, "extension of length 0");
		/* Wireshark reads the value's width whatever the length */
		if (type == 2)
			at(d, c, off, X_HELLO);
		else if (type == 3)
			at(d, c, off, X_TIME);
		if (c->err != ST_OK)
			return st_dmalformed(d, "extension value past the end");
		off += 2 + len;
	}
	return ST_OK;
}

/* A Route Error's n unreachable destinations from byte 4; draft: the
 * draft's, sequence number first; v6: RFC 3561's over IPv6. */
static int
aodv_rerr(struct st_dctx *d, struct st_cur *c, unsigned n, int draft,
    int v6)
{
	size_t each = draft || v6 ? 20 : 8, off = 4;
	unsigned i;

	if (st_cur_left(c) < 4 + n * each)
		return st_dmalformed(d, "%u unreachable destinations in %zu "
		    "bytes", n, st_cur_left(c) - 4);
	for (i = 0; i < n && i < AODV_MAXITEMS; i++, off += each) {
		if (draft) {
			at(d, c, off, F_DSEQ);
			at(d, c, off + 4, F_UDEST6);
		} else {
			at(d, c, off, v6 ? F_UDEST6 : F_UDEST);
			at(d, c, off + each - 4, F_DSEQ);
		}
	}
	return c->err != ST_OK ? c->err : aodv_ext(d, c, off);
}

static int
aodv_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct aodv_layout *l = NULL;
	/* as Wireshark, RFC 3561's messages over IPv6 carry its addresses */
	unsigned v6 = d->net.fam == 6, type, i;

	d->plen = 0;
	d->hdr = st_cur_left(c);
	if (!st_cur_need(c, 1))
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 8);
	if ((type < 1 || type > 4) && (type < 16 || type > 19))
		return ST_ENOTME;	/* Wireshark leaves these as data */
	st_dfield(d, c, A(F_TYPE));
	if (type == 4 || type == 19)
		return ST_OK;
	st_dfield(d, c, A(F_FLAGS));
	if (type == 1 || type == 16)
		st_dfields(d, c, A(F_JOIN), 5);
	else if (type == 2 || type == 17) {
		st_dfields(d, c, A(F_RREPAIR), 2);
		/* the draft's prefix takes 7 bits, for IPv6's 128 */
		st_dfield(d, c, A(type == 2 ? F_PREFIX : F_PREFIX6));
	} else
		st_dfield(d, c, A(F_NODEL));
	st_dfield(d, c, A(type == 3 || type == 18 ? F_DCOUNT : F_HOPS));
	if (c->err != ST_OK)
		return c->err;
	if (type == 3 || type == 18)
		return aodv_rerr(d, c, (unsigned)st_peek_bits(c, 24, 8),
		    type == 18, v6);
	if (type == 1 || type == 16)
		st_dfield(d, c, A(F_RREQID));
	for (i = 0; i < NFIELDS(layouts); i++)
		if (layouts[i].type == type && layouts[i].v6 == (type < 16 &&
		    v6))
			l = &layouts[i];
	for (i = 0; l != NULL && i < 4; i++)
		at(d, c, l->f[i].off, l->f[i].row);
	if (c->err != ST_OK || l == NULL)
		return c->err;
	return aodv_ext(d, c, l->len);
}

static const struct st_bind aodv_binds[] = {
	{ ST_KEY_UDPPORT, 654 },
};

/* "aodv rreq 24 [JRGDU] hops 3 id 0x4d dst 10.0.0.9 seq 5 src 10.0.0.1
 * seq 6", in tcpdump's words. */
static int
aodv_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const kind[] = { "rreq", "rrep", "rerr",
	    "rrep-ack" };
	const struct st_field *f[F_NROWS];
	unsigned type;

	st_ly_fields(s->pkt, ly, aodv_fields, F_NROWS, f);
	if (f[F_TYPE] == NULL)
		return 0;
	type = (unsigned)f[F_TYPE]->val;
	st_out_printf(s->o, "aodv%s %s", type >= 16 ? "6" : "",
	    kind[(type >= 16 ? type - 16 : type - 1) & 3]);
	if (f[F_FLAGS] != NULL && (type == 1 || type == 16))
		st_out_printf(s->o, " [%s%s%s%s%s]",
		    f[F_FLAGS]->val & 0x8000 ? "J" : "",
		    f[F_FLAGS]->val & 0x4000 ? "R" : "",
		    f[F_FLAGS]->val & 0x2000 ? "G" : "",
		    f[F_FLAGS]->val & 0x1000 ? "D" : "",
		    f[F_FLAGS]->val & 0x0800 ? "U" : "");
	if (f[F_HOPS] != NULL)
		st_out_printf(s->o, " hops %u", (unsigned)f[F_HOPS]->val);
	if (f[F_RREQID] != NULL)
		st_out_printf(s->o, " id 0x%08x", (unsigned)f[F_RREQID]->val);
	if (f[F_DEST] != NULL || f[F_DEST6] != NULL) {
		st_out_puts(s->o, " dst ");
		s->value(s, f[F_DEST] != NULL ? f[F_DEST] : f[F_DEST6]);
	}
	if (f[F_DSEQ] != NULL && type != 3 && type != 18)
		st_out_printf(s->o, " seq %u", (unsigned)f[F_DSEQ]->val);
	if (f[F_ORIG] != NULL || f[F_ORIG6] != NULL) {
		st_out_puts(s->o, " src ");
		s->value(s, f[F_ORIG] != NULL ? f[F_ORIG] : f[F_ORIG6]);
	}
	if (f[F_OSEQ] != NULL)
		st_out_printf(s->o, " seq %u", (unsigned)f[F_OSEQ]->val);
	if (f[F_LIFE] != NULL)
		st_out_printf(s->o, " lifetime %u", (unsigned)f[F_LIFE]->val);
	if (f[F_DCOUNT] != NULL)
		st_out_printf(s->o, " %u unreachable",
		    (unsigned)f[F_DCOUNT]->val);
	return 1;
}

static const struct st_field_desc *const aodv_keys[] = {
	A(F_TYPE), A(F_FLAGS), A(F_HOPS), NULL,
};

const struct st_proto st_proto_aodv = {
	.name = "aodv",
	.ws = "aodv",
	.title = "Ad hoc On-Demand Distance Vector Routing",
	.rfc = "RFC 3561",
	.role = ST_ROLE_CONTROL,
	/* the first word's rows; the others after them */
	.fields = aodv_fields,
	.nfields = F_DCOUNT,
	.more = aodv_fields + F_DCOUNT,
	.nmore = F_NROWS - F_DCOUNT,
	.decode = aodv_decode,
	.binds = aodv_binds,
	.nbinds = NFIELDS(aodv_binds),
	.summary = aodv_summary,
	.keys = aodv_keys,
	.color = "\033[35m",
	.explain = "Routing for mobile ad hoc networks, where every node "
	    "forwards and links come and go (RFC 3561, UDP port 654).  "
	    "Routes are found only when needed: a node floods a Route "
	    "Request (RREQ) naming the destination and the last sequence "
	    "number it knew of it; each node passing it on learns a route "
	    "back to the originator and raises the hop count.  The "
	    "destination, or a node with a route at least as fresh, "
	    "answers with a Route Reply (RREP) sent back hop by hop, which "
	    "sets up the forward route for its lifetime.  When a link "
	    "breaks, a Route Error (RERR) lists the destinations now "
	    "unreachable.  Destination sequence numbers keep routes free "
	    "of loops: a higher number is always the fresher route.",
};
