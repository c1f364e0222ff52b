/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Babel, a distance-vector routing protocol (RFC 8966; UDP 6696).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Magic (42)  |  Version (2)  |          Body length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Length     |     Body ...
 *
 * The body is a sequence of TLVs (Pad1 0 is a lone type byte): PadN 1,
 * Ack Request 2, Ack 3, Hello 4, IHU 5, Router-Id 6, Next Hop 7, Update 8,
 * Route Request 9, Seqno Request 10.  An address or prefix is written by
 * its encoding (AE 0 wildcard, 1 IPv4, 2 IPv6, 3 link-local IPv6, its
 * first 8 bytes fe80::); an Update may omit a prefix's first bytes,
 * taken from the last Update of that AE with the default-prefix flag
 * (0x80), so a packet's prefixes depend on the TLVs before them.  Hello,
 * IHU and Update may end with sub-TLVs (Pad1, PadN, Diversity 2,
 * Timestamp 3).  Fields are named and placed as Wireshark's dissector
 * does (its "prefix" bytes run from the address to the TLV's end).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define BABEL_MAXTLV	256	/* TLVs, and sub-TLVs in one */

enum { F_MAGIC, F_VER, F_BODYLEN,
	F_MSG, F_MTYPE, F_MLEN, F_NONCE_R, F_INTV_R, F_NONCE, F_SEQ_H,
	F_INTV_H, F_AE, F_RXCOST, F_PREFIX, F_RID, F_FLAGS, F_PLEN_U,
	F_OMIT, F_INTV_U, F_SEQ_U, F_METRIC, F_PLEN_R, F_SEQ_M, F_HOPS,
	F_RID_M, F_PFX_TEXT,
	F_SUB, F_STYPE, F_SLEN, F_CHAN };

static const struct st_valname tlv_names[] = {
	{ 0, "pad1" }, { 1, "padn" }, { 2, "ack-req" }, { 3, "ack" },
	{ 4, "hello" }, { 5, "ihu" }, { 6, "router-id" }, { 7, "nh" },
	{ 8, "update" }, { 9, "request" }, { 10, "mh-request" }, { 0, NULL }
};

static const struct st_valname sub_names[] = {
	{ 0, "sub-pad1" }, { 1, "sub-padn" }, { 2, "diversity" },
	{ 3, "timestamp" }, { 0, NULL }
};

static const struct st_valname ae_names[] = {
	{ 0, "Wildcard" }, { 1, "IPv4" }, { 2, "IPv6" },
	{ 3, "Link-Local IPv6" }, { 0, NULL }
};

static const struct st_field_desc babel_fields[] = {
	FD("magic", "babel.magic", "Magic", 0, 8, ST_FMT_DEC),
	FD("version", "babel.version", "Version", 8, 8, ST_FMT_DEC),
	FD("bodylen", "babel.bodylen", "Body length", 16, 16, ST_FMT_DEC),
	/* a TLV, from its start */
	FDN(NULL, "babel.message", "Message", 0, 8, ST_FMT_DEC, tlv_names),
	FDN(NULL, "babel.message.type", "Message type", 0, 8, ST_FMT_DEC,
	    tlv_names),
	FD(NULL, "babel.message.length", "Message length", 8, 8, ST_FMT_DEC),
	FD(NULL, "babel.message.nonce", "Nonce", 32, 16, ST_FMT_HEX),
	FD(NULL, "babel.message.interval", "Interval (cs)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "babel.message.nonce", "Nonce", 16, 16, ST_FMT_HEX),
	FD(NULL, "babel.message.seqno", "Seqno", 32, 16, ST_FMT_HEX),
	FD(NULL, "babel.message.interval", "Interval (cs)", 48, 16,
	    ST_FMT_DEC),
	FDN(NULL, "babel.message.ae", "Address encoding", 16, 8, ST_FMT_DEC,
	    ae_names),
	FD(NULL, "babel.message.rxcost", "Rxcost", 32, 16, ST_FMT_HEX),
	FD(NULL, "babel.message.prefix", "Raw prefix", 0, 0, ST_FMT_BYTES),
	FD(NULL, "babel.message.routerid", "Router ID", 32, 64, ST_FMT_BYTES),
	/* Update */
	FD(NULL, "babel.message.flags", "Flags", 24, 8, ST_FMT_HEX),
	FD(NULL, "babel.message.plen", "Prefix length", 32, 8, ST_FMT_DEC),
	FD(NULL, "babel.message.omitted", "Omitted bytes", 40, 8, ST_FMT_DEC),
	FD(NULL, "babel.message.interval", "Interval (cs)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "babel.message.seqno", "Seqno", 64, 16, ST_FMT_HEX),
	FD(NULL, "babel.message.metric", "Metric", 80, 16, ST_FMT_DEC),
	/* Route Request, Seqno Request */
	FD(NULL, "babel.message.plen", "Prefix length", 24, 8, ST_FMT_DEC),
	FD(NULL, "babel.message.seqno", "Seqno", 32, 16, ST_FMT_HEX),
	FD(NULL, "babel.message.hopcount", "Hop count", 48, 8, ST_FMT_DEC),
	FD(NULL, "babel.message.routerid", "Router ID", 64, 64, ST_FMT_BYTES),
	FD(NULL, "strata.babel.prefix", "Prefix (with what was omitted)", 0,
	    0, ST_FMT_TEXT),
	/* a sub-TLV, from its start */
	FDN(NULL, "babel.subtlv", "Sub-TLV", 0, 8, ST_FMT_DEC, sub_names),
	FDN(NULL, "babel.subtlv.type", "Sub-TLV type", 0, 8, ST_FMT_DEC,
	    sub_names),
	FD(NULL, "babel.subtlv.length", "Sub-TLV length", 8, 8, ST_FMT_DEC),
	FD(NULL, "babel.subtlv.diversity.channel", "Channel", 0, 8,
	    ST_FMT_DEC),
};

#define R(i)	(&babel_fields[(i)])

/* The prefixes an Update's omitted bytes come from, per AE (1, 2). */
struct babel_state {
	uint8_t		 def[2][16];
};

/* A cursor at byte off of c. */
static struct st_cur
at(const struct st_cur *c, size_t off)
{
	struct st_cur w = *c;

	w.off += off;
	return w;
}

/* The sub-TLVs in bytes [off, end) of TLV t (type type). */
static void
subtlvs(struct st_dctx *d, struct st_cur *t, size_t off, size_t end)
{
	struct st_cur s;
	unsigned n, type;
	size_t len, i;

	for (n = 0; off < end && n < BABEL_MAXTLV; n++) {
		s = at(t, off);
		st_dfield(d, &s, R(F_SUB));
		if (st_dfield(d, &s, R(F_STYPE)) == NULL)
			return;
		type = (unsigned)st_peek_bits(&s, 0, 8);
		if (type == 0) {
			off++;
			continue;
		}
		if (st_dfield(d, &s, R(F_SLEN)) == NULL)
			return;
		len = (size_t)st_peek_bits(&s, 8, 8);
		if (off + 2 + len > end) {
			st_dmalformed(d, "sub-TLV %u of %zu bytes runs past its "
			    "TLV", type, len);
			return;
		}
		for (i = 0; type == 2 && i < len; i++)
			st_dbytes(d, &s, R(F_CHAN), 2 + i, 1);
		off += 2 + len;
	}
}

/*
 * The address bytes of an AE ae prefix of plen bits (-1: a whole address)
 * with omitted bytes left out, into p (16 bytes, IPv4 as ::ffff:a.b.c.d)
 * from the n bytes at b and the default prefix dp: how many bytes it
 * reads, or -1 when they do not add up (as Wireshark's network_prefix).
 */
static int
prefix_of(unsigned ae, int plen, unsigned omitted, const uint8_t *b,
    size_t n, const uint8_t *dp, uint8_t *p)
{
	static const uint8_t v4[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
		0xff };
	unsigned pb = plen >= 0 ? ((unsigned)plen + 7) / 8 : ae == 1 ? 4 : 16;

	memset(p, 0, 16);
	if (pb > 16)
		return -1;
	switch (ae) {
	case 0:
		return 0;
	case 1:
		if (omitted > 4 || pb > 4 || (pb > omitted && n < pb - omitted))
			return -1;
		memcpy(p, v4, 12);
		memcpy(p + 12, dp + 12, omitted);
		if (pb <= omitted)
			return 0;
		memcpy(p + 12 + omitted, b, pb - omitted);
		return (int)(pb - omitted);
	case 2:
		if (omitted > 16 || (pb > omitted && n < pb - omitted))
			return -1;
		memcpy(p, dp, omitted);
		if (pb <= omitted)
			return 0;
		memcpy(p + omitted, b, pb - omitted);
		return (int)(pb - omitted);
	case 3:
		if (pb > 8 && n < pb - 8)
			return -1;
		p[0] = 0xfe, p[1] = 0x80;
		if (pb <= 8)
			return 0;
		memcpy(p + 8, b, pb - 8);
		return (int)(pb - 8);
	}
	return -1;
}

/* The prefix p of AE ae as text ("2001:db8:1::/64"), as a field over the
 * n bytes at byte off of t. */
static void
prefix_text(struct st_dctx *d, struct st_cur *t, size_t off, size_t n,
    unsigned ae, const uint8_t *p, unsigned plen)
{
	char a[64], text[80];

	if (ae == 1)
		snprintf(a, sizeof(a), "%u.%u.%u.%u", p[12], p[13], p[14], p[15]);
	else if (inet_ntop(AF_INET6, p, a, sizeof(a)) == NULL)
		return;
	snprintf(text, sizeof(text), "%s/%u", a, plen);
	st_dtext(d, t, R(F_PFX_TEXT), off, n, text);
}

/* An Update: its fields, its prefix (the compression state s). */
static void
update(struct st_dctx *d, struct st_cur *t, size_t len,
    struct babel_state *s)
{
	unsigned ae, flags, plen, omit;
	uint8_t p[16];
	int rc;

	st_dfields(d, t, R(F_FLAGS), 6);
	st_dfield(d, t, R(F_AE));
	if (len < 10 || !st_cur_need(t, 2 + len)) {
		if (len < 10)
			st_dmalformed(d, "Update of %zu bytes, below 10", len);
		return;
	}
	st_dbytes(d, t, R(F_PREFIX), 12, len - 10);
	ae = (unsigned)st_peek_bits(t, 16, 8);
	flags = (unsigned)st_peek_bits(t, 24, 8);
	plen = (unsigned)st_peek_bits(t, 32, 8);
	omit = (unsigned)st_peek_bits(t, 40, 8);
	rc = prefix_of(ae, (int)plen, omit, t->base + t->off + 12, len - 10,
	    s->def[ae == 1 ? 0 : 1], p);
	if (rc < 0)
		return;
	if (ae == 1 || ae == 2) {
		if (flags & 0x80)
			memcpy(s->def[ae - 1], p, 16);
	}
	if (ae != 0)
		prefix_text(d, t, 12, (size_t)rc, ae, p, plen);
	if ((size_t)rc < len - 10)
		subtlvs(d, t, 12 + (size_t)rc, 2 + len);
}

/* A TLV's body by type (len: its length byte, all of it captured). */
static void
tlv_body(struct st_dctx *d, struct st_cur *t, unsigned type, size_t len,
    struct babel_state *s)
{
	uint8_t p[16];
	int rc;

	switch (type) {
	case 2:
		st_dfields(d, t, R(F_NONCE_R), 2);
		break;
	case 3:
		st_dfield(d, t, R(F_NONCE));
		break;
	case 4:
		st_dfields(d, t, R(F_SEQ_H), 2);
		if (len > 6)
			subtlvs(d, t, 8, 2 + len);
		break;
	case 5:
		st_dfields(d, t, R(F_RXCOST), 1);
		st_dfield(d, t, R(F_INTV_H));
		st_dfield(d, t, R(F_AE));
		if (len < 6)
			break;
		st_dbytes(d, t, R(F_PREFIX), 4, len - 2);
		rc = prefix_of((unsigned)st_peek_bits(t, 16, 8), -1, 0,
		    t->base + t->off + 8, len - 6, s->def[1], p);
		if (rc >= 0 && (size_t)rc < len - 6)
			subtlvs(d, t, 8 + (size_t)rc, 2 + len);
		break;
	case 6:
		st_dfield(d, t, R(F_RID));
		break;
	case 7:
		st_dfield(d, t, R(F_AE));
		if (len >= 2)
			st_dbytes(d, t, R(F_PREFIX), 4, len - 2);
		break;
	case 8:
		update(d, t, len, s);
		break;
	case 9:
		st_dfields(d, t, R(F_AE), 1);
		st_dfield(d, t, R(F_PLEN_R));
		if (len >= 2)
			st_dbytes(d, t, R(F_PREFIX), 4, len - 2);
		break;
	case 10:
		st_dfields(d, t, R(F_SEQ_M), 3);
		st_dfield(d, t, R(F_AE));
		st_dfield(d, t, R(F_PLEN_R));
		if (len >= 14)
			st_dbytes(d, t, R(F_PREFIX), 16, len - 14);
		break;
	}
}

/* The TLVs in bytes [4, end) of the packet at c. */
static int
tlvs(struct st_dctx *d, struct st_cur *c, size_t end)
{
	struct babel_state s;
	struct st_cur t;
	size_t off = 4, len;
	unsigned n, type;

	memset(&s, 0, sizeof(s));
	for (n = 0; off < end && n < BABEL_MAXTLV; n++) {
		t = at(c, off);
		st_dfields(d, &t, R(F_MSG), 2);
		if (t.err != ST_OK)
			return t.err;
		type = (unsigned)st_peek_bits(&t, 0, 8);
		if (type == 0) {
			off++;
			continue;
		}
		if (st_dfield(d, &t, R(F_MLEN)) == NULL)
			return t.err;
		len = (size_t)st_peek_bits(&t, 8, 8);
		if (off + 2 + len > end)
			return st_dmalformed(d, "TLV %u of %zu bytes runs past "
			    "the body", type, len);
		if (!st_cur_need(&t, 2 + len))
			return t.err;
		t.end = t.off + 2 + len;
		tlv_body(d, &t, type, len, &s);
		if (d->ly->status == ST_LS_MALFORMED)
			return ST_EINVAL;
		off += 2 + len;
	}
	return ST_OK;
}

static int
babel_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), body;
	int rc;

	if (!st_cur_need(c, 2))
		return c->err;
	if (st_peek_bits(c, 0, 8) != 42 || st_peek_bits(c, 8, 8) != 2)
		return ST_ENOTME;	/* not Babel 2: Wireshark shows none */
	st_dfields(d, c, babel_fields, F_MSG);
	if (c->err != ST_OK)
		return c->err;
	body = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = left;
	d->plen = 0;
	if ((rc = tlvs(d, c, 4 + body < left ? 4 + body : left)) != ST_OK)
		return rc;
	if (4 + body > left)	/* cut by the capture, or a lying length */
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "body of %zu bytes past the datagram's %zu",
		    body, left - 4);
	return ST_OK;
}

static const struct st_bind babel_binds[] = {
	{ ST_KEY_UDPPORT, 6696 },
	{ ST_KEY_UDPPORT, 6697 },
};

/* @summary */
/* As tshark's Info: "Babel hello ihu update update". */
static int
babel_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const char *name;

	st_out_puts(s->o, "Babel");
	for (; f < end; f++)
		if (f->desc == R(F_MSG)) {
			name = st_valname(tlv_names, (uint32_t)f->val);
			st_out_putc(s->o, ' ');
			if (name != NULL)
				st_out_puts(s->o, name);
			else
				st_out_printf(s->o, "tlv-%u", (unsigned)f->val);
		} else if (f->desc == R(F_PFX_TEXT) && f->meaning != NULL) {
			st_out_putc(s->o, ' ');
			st_out_puts(s->o, f->meaning);
		}
	return 1;
}

/* @views */
static const struct st_field_desc *const babel_keys[] = {
	R(F_VER), R(F_BODYLEN), NULL,
};

/* @craft */
/* @probes */

const struct st_proto st_proto_babel = {
	.name = "babel",
	.ws = "babel",
	.title = "Babel Routing Protocol",
	.rfc = "RFC 8966",
	.role = ST_ROLE_APP,
	.fields = babel_fields,
	.nfields = NFIELDS(babel_fields),
	.decode = babel_decode,
	.binds = babel_binds,
	.nbinds = NFIELDS(babel_binds),
	/* @summary */
	.summary = babel_summary,
	/* @views */
	.keys = babel_keys,
	.color = "\033[35m",
	.explain = "Babel routers tell their neighbours (UDP 6696, often to "
	    "ff02::1:6) the routes they have (RFC 8966): Hello and IHU "
	    "measure each link both ways (the rxcost), Router-Id and Next "
	    "Hop set the context of the Updates after them, each an Update "
	    "of a prefix with its seqno and metric.  To save bytes an Update "
	    "may leave out the first bytes of its prefix, which repeat those "
	    "of the last Update that set the default prefix (flag 0x80), so "
	    "the prefixes of a packet are read in order.  Route and Seqno "
	    "Requests ask for a route (a Seqno Request travels hop by hop to "
	    "its source); Ack Request and Ack confirm delivery.",
	/* @craft */
	/* @probes */
};
