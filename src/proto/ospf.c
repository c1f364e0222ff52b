/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OSPF, Open Shortest Path First: version 2 (RFC 2328) over IPv4 and
 * version 3 (RFC 5340) over IPv6, IP protocol 89.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Version #   |     Type      |         Packet length         |
 * |                          Router ID                            |
 * |                           Area ID                             |
 * |           Checksum            |  v2: AuType  / v3: Instance ID, 0
 * |        v2: Authentication (64 bits)                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Then the message: Hello (1), Database Description (2), LS Request (3),
 * LS Update (4), LS Acknowledgement (5).  Updates carry whole LSAs, the
 * others their 20-byte headers; each LSA has its own Fletcher checksum
 * (ISO 8473) over all of it but the age.  A version 2 checksum is the
 * Internet checksum of the packet without the authentication field (none
 * with cryptographic authentication, whose digest follows the packet);
 * version 3's has the IPv6 pseudo-header instead.  This file: the header,
 * the messages, the LLS block (RFC 5613) and the descriptor; ospf2.c: the
 * field table, LSA headers and version 2's LSA bodies; ospf3.c: version
 * 3's hello and LSA bodies.
 */
#include "strata/cksum.h"
#include "strata/out.h"
#include "ospf.h"

void
ospf_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned n)
{
	struct st_cur w = *c;

	if (c->err != ST_OK)
		return;
	w.off += off;
	if (off > st_cur_left(c)) {
		c->err = ST_ETRUNC;
		return;
	}
	st_dfields(d, &w, st_ospf_fields + first, n);
	c->err = w.err;
}

/* A run of n LSA headers from byte off of c (database description, ack). */
static void
ospf_hdrs(struct st_dctx *d, struct st_cur *c, size_t off, int ver)
{
	size_t left = st_cur_left(c);
	unsigned i;

	for (i = 0; i < OSPF_MAXITEMS && off + 20 <= left && c->err == ST_OK;
	    i++, off += 20)
		ospf_lsahdr(d, c, off, ver, 0);
}

/* Version 2 hello, n bytes. */
static void
ospf2_hello(struct st_dctx *d, struct st_cur *c, size_t n)
{
	unsigned i;

	ospf_at(d, c, 0, HE_MASK, 2);
	ospf_at(d, c, 6, O2, 9);
	ospf_at(d, c, 0, HE_PRIO2, 4);
	for (i = 0; i < OSPF_MAXITEMS && 20 + 4 * (size_t)i + 4 <= n; i++)
		ospf_at(d, c, 20 + 4 * (size_t)i, HE_NBR, 1);
}

/* Database description (both versions; version 3 moves the fields). */
static void
ospf_dbd(struct st_dctx *d, struct st_cur *c, int ver)
{
	if (ver == 2) {
		ospf_at(d, c, 0, DB_MTU, 1);
		ospf_at(d, c, 2, O2, 9);
	} else {
		ospf_at(d, c, 0, DB_RSV, 1);
		ospf_at(d, c, 1, O3, 10);
		ospf_at(d, c, 4, DB_MTU, 1);
		ospf_at(d, c, 6, DB_RSV, 1);
	}
	ospf_at(d, c, ver == 2 ? 3 : 7, DB_FLAGS, 5);
	ospf_at(d, c, ver == 2 ? 4 : 8, DB_SEQ, 1);
	ospf_hdrs(d, c, ver == 2 ? 8 : 12, ver);
}

/* LS request entries, 12 bytes each. */
static void
ospf_lsr(struct st_dctx *d, struct st_cur *c, int ver)
{
	size_t left = st_cur_left(c), off;
	unsigned i;

	for (i = 0, off = 0; i < OSPF_MAXITEMS && off + 12 <= left; i++,
	    off += 12) {
		if (ver == 2)
			ospf_at(d, c, off, RQ_TYPE2, 3);
		else {
			ospf_at(d, c, off, RQ_RSV3, 2);
			ospf_at(d, c, off, L_U, 3);
			ospf_at(d, c, off, RQ_LSID, 2);
		}
	}
}

/* LS update: a count, then whole LSAs. */
static void
ospf_lsu(struct st_dctx *d, struct st_cur *c, int ver)
{
	size_t left = st_cur_left(c), off = 4, len;
	unsigned i, n;

	ospf_at(d, c, 0, LU_NUM, 1);
	n = (unsigned)st_peek_bits(c, 0, 32);
	for (i = 0; i < n && i < OSPF_MAXITEMS && c->err == ST_OK; i++) {
		ospf_lsahdr(d, c, off, ver, 1);
		if (c->err != ST_OK)
			return;
		len = (size_t)st_peek_bits(c, (off + 18) * 8, 16);
		if (len < 20) {
			st_dmalformed(d, "LSA of %zu bytes", len);
			return;
		}
		if (ver == 2)
			ospf2_lsa(d, c, off, len);
		else
			ospf3_lsa(d, c, off, len);
		off += len;
		if (off > left && c->err == ST_OK)
			c->err = ST_ETRUNC;
	}
}

/* The LLS data block after a version 2 packet (RFC 5613), at c. */
static void
ospf_lls(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 4, end, n;
	unsigned i, t;

	ospf_at(d, c, 0, LL_CK, 2);
	end = 4 * (size_t)st_peek_bits(c, 16, 16);
	for (i = 0; i < OSPF_MAXITEMS && pos + 4 <= end && c->err == ST_OK;
	    i++, pos += 4 + ((n + 3) & ~(size_t)3)) {
		ospf_at(d, c, pos, T_TYPE, 2);
		t = (unsigned)st_peek_bits(c, pos * 8, 16);
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		if (t == 1 && n == 4)
			ospf_at(d, c, pos, LL_EXT, 3);
		else if (t == 2 && n >= 4) {
			ospf_at(d, c, pos, LL_SEQ, 1);
			if (n > 4 && st_cur_need(c, pos + 4 + n))
				st_dbytes(d, c, &st_ospf_fields[LL_AUTH],
				    pos + 8, n - 4);
		}
	}
}

/* Version 2 authentication (RFC 2328 D.3); returns the type. */
static unsigned
ospf_auth(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char text[8 * 4 + 1];
	unsigned at;
	size_t n;

	ospf_at(d, c, 0, H_AUTYPE, 1);
	at = (unsigned)st_peek_bits(c, 112, 16);
	switch (at) {
	case 0:
		ospf_at(d, c, 0, H_AUNONE, 1);
		break;
	case 1:
		w.off += 16;
		if ((p = st_get_bytes(&w, 8)) == NULL) {
			c->err = w.err;
			break;
		}
		for (n = 0; n < 8 && p[n] != 0; n++)
			;
		st_escape(p, n, text, sizeof(text));
		st_dtext(d, c, &st_ospf_fields[H_AUSIMPLE], 16, 8, text);
		break;
	case 2:
		ospf_at(d, c, 0, H_KEYID, 3);
		break;
	default:
		ospf_at(d, c, 0, H_AUUNK, 1);
	}
	return at;
}

static const struct st_ckspec ospf3_ck = {
	.field = &st_ospf_fields[H_CK],
	.status = &st_ospf_fields[H_CKSTAT],
	.lenfield = &st_ospf_fields[H_LEN],
	.cover = ST_CKC_LENFIELD,
	.fam = 6,
	.pseudo = 89,
};

/* A version 2 checksum: the packet's plen bytes but the authentication. */
static void
ospf2_ck(struct st_dctx *d, struct st_cur *c, struct st_field *ck,
    size_t plen)
{
	struct st_cur w = *c;
	const uint8_t *p;

	if (ck == NULL)
		return;
	if (d->net.frag || (p = st_get_bytes(&w, plen)) == NULL)
		st_dcksum(d, ck, NULL, 0, 0, 0);
	else
		st_dcksum(d, ck, p + 24, plen - 24, st_cksum_add(0, p, 16), 1);
	st_dckstatus(d, ck, &st_ospf_fields[H_CKSTAT]);
}

/* What follows a version 2 packet: the digest, then the LLS block when
 * the hello's or database description's options have L.  Returns
 * ST_ETRUNC when the capture ends before them. */
static int
ospf2_after(struct st_dctx *d, struct st_cur *c, unsigned type,
    unsigned autype, size_t plen)
{
	size_t left = st_cur_left(c), pos = plen, n = 0;
	int cut = d->pkt->caplen < d->pkt->len;
	struct st_cur w = *c;

	if (autype == 2) {
		n = (size_t)st_peek_bits(c, 152, 8);
		if (n > 0 && plen + n <= left)
			st_dbytes(d, c, &st_ospf_fields[H_ADATA], plen, n);
		else if (n > 0 && cut)
			return ST_ETRUNC;
		pos += n;
	}
	if ((type != 1 && type != 2) ||
	    (st_peek_bits(c, (type == 1 ? 30 : 26) * 8, 8) & 0x10) == 0)
		return ST_OK;
	if (pos + 4 > left)
		return cut ? ST_ETRUNC : ST_OK;
	w.off += pos;
	ospf_lls(d, &w);
	return w.err == ST_ETRUNC && cut ? ST_ETRUNC : ST_OK;
}

static int
ospf_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hlen, plen;
	unsigned ver, type, autype = 0;
	struct st_field *ck;
	struct st_cur b;

	d->hdr = left;		/* the digest and LLS block are OSPF's too */
	st_dfields(d, c, st_ospf_fields, H_CK);
	ck = st_dfield(d, c, &st_ospf_fields[H_CK]);
	if (c->err != ST_OK)
		return c->err;
	ver = (unsigned)st_peek_bits(c, 0, 8);
	if (ver != 2 && ver != 3)
		return st_dmalformed(d, "OSPF version %u", ver);
	type = (unsigned)st_peek_bits(c, 8, 8);
	if (type >= 1 && type <= 5)
		st_dgen(d, &st_ospf_fields[H_HELLO + type - 1], 1);
	hlen = ver == 2 ? 24 : 16;
	if (ver == 2)
		autype = ospf_auth(d, c);
	else
		ospf_at(d, c, 0, H_INST, 2);
	if (c->err != ST_OK)
		return c->err;
	plen = (size_t)st_peek_bits(c, 16, 16);
	if (plen < hlen)
		return st_dmalformed(d, "packet length %zu, shorter than its "
		    "header", plen);
	b = *c;
	b.off += hlen;
	b.end = plen < left ? c->off + plen : c->end;
	if (type == 1 && ver == 2)
		ospf2_hello(d, &b, plen - hlen);
	else if (type == 1)
		ospf3_body(d, &b, type, plen - hlen);
	else if (type == 2)
		ospf_dbd(d, &b, (int)ver);
	else if (type == 3)
		ospf_lsr(d, &b, (int)ver);
	else if (type == 4)
		ospf_lsu(d, &b, (int)ver);
	else if (type == 5)
		ospf_hdrs(d, &b, 0, (int)ver);
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (b.err != ST_OK)
		return plen <= left ? st_dmalformed(d, "a part runs past the "
		    "packet length %zu", plen) : ST_ETRUNC;
	if (ver == 3)
		st_dck(d, c, &ospf3_ck, ck, hlen);
	else {
		if (autype != 2)
			ospf2_ck(d, c, ck, plen);
		return ospf2_after(d, c, type, autype, plen);
	}
	return ST_OK;
}

static const struct st_bind ospf_binds[] = {
	{ ST_KEY_IPPROTO, 89 },
};

/* As tcpdump: "OSPFv2, Hello, router 1.1.1.1, area 0.0.0.0, length 44",
 * an update with its count of LSAs. */
static int
ospf_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[LU_NUM + 1];
	struct st_out *o = s->o;
	const char *m;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, st_ospf_fields, LU_NUM + 1, f);
	if (f[H_VER] == NULL || f[H_MSG] == NULL) {
		st_out_puts(o, "OSPF");
		return 1;
	}
	m = st_field_meaning(f[H_MSG]);
	st_out_printf(o, "OSPFv%u, %s", (unsigned)f[H_VER]->val,
	    m != NULL ? m : "unknown type");
	if (f[H_RID] != NULL) {
		st_out_puts(o, ", router ");
		s->value(s, f[H_RID]);
	}
	if (f[H_AREA] != NULL) {
		st_out_puts(o, ", area ");
		s->value(s, f[H_AREA]);
	}
	if (f[LU_NUM] != NULL)
		st_out_printf(o, ", %u LSAs", (unsigned)f[LU_NUM]->val);
	if (f[H_LEN] != NULL)
		st_out_printf(o, ", length %u", (unsigned)f[H_LEN]->val);
	return 1;
}

static const struct st_field_desc *const ospf_keys[] = {
	&st_ospf_fields[H_MSG], &st_ospf_fields[H_RID],
	&st_ospf_fields[H_AREA], NULL,
};

const struct st_proto st_proto_ospf = {
	.name = "ospf",
	.ws = "ospf",
	.title = "Open Shortest Path First",
	.rfc = "RFC 2328, RFC 5340",
	.role = ST_ROLE_CONTROL,
	.fields = st_ospf_fields,
	.nfields = NFIELDS(st_ospf_fields),
	.decode = ospf_decode,
	.binds = ospf_binds,
	.nbinds = NFIELDS(ospf_binds),
	.summary = ospf_summary,
	.keys = ospf_keys,
	.color = "\033[36m",
	.explain_bits = 128,
	.explain = "The link-state routing protocol inside an autonomous "
	    "system (RFC 2328 for IPv4, RFC 5340 for IPv6).  Routers find "
	    "neighbours with Hellos, compare link-state databases with "
	    "Database Descriptions, ask for missing LSAs with LS Requests "
	    "and flood them in LS Updates, each acknowledged.  Every LSA "
	    "(router, network, summary, external, link, prefix) carries its "
	    "own Fletcher checksum; the packet has an Internet checksum "
	    "unless a cryptographic digest (version 2, after the packet) "
	    "protects it.  A version 2 Hello or DD with the L option is "
	    "followed by an LLS data block (RFC 5613).",
};
