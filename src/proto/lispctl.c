/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LISP control messages (RFC 9301, RFC 6830 section 6; UDP port 4342):
 * how an ingress router asks which routing locators (RLOCs) serve an
 * endpoint ID (EID) prefix, and how egress routers register theirs with
 * a map-server.  Every message starts with a 4-bit type:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Type=1 |A|M|P|S|p|s|    Reserved     |   IRC   | Record Count  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Nonce . . . (64 bits)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Source-EID-AFI, Source EID; IRC + 1 ITR-RLOC AFIs and RLOCs |
 * |   Record Count times: Reserved, EID mask-len, AFI, EID prefix |
 * |   with M, a Map-Reply record                                  |
 *
 * Map-Reply (2), Map-Register (3), Map-Notify (4) and Map-Referral (6)
 * share the first two words (flags, record count, nonce); Register and
 * Notify add a key ID and authentication data, then come the mapping
 * records:
 *
 * |                          Record  TTL                          |
 * | Locator Count | EID mask-len  | ACT |A|      Reserved         |
 * | Rsvd  |  Map-Version Number   |            EID-AFI            |
 * |                          EID-prefix                           |
 * and per locator:
 * |    Priority   |    Weight     |  M Priority   |   M Weight    |
 * |        Unused Flags     |L|p|R|           Loc-AFI             |
 * |                             Locator                           |
 *
 * An Encapsulated Control Message (8) is a 4-byte header before an IP
 * packet, whose UDP datagram carries the control message itself (a
 * Map-Request on its way through a map-resolver).  Addresses are IPv4
 * (AFI 1) and IPv6 (2); a MAC address (6, 16389) is read, an LCAF
 * (16387) shown by its header, an instance ID's address decoded and any
 * other body as bytes; any other AFI ends what can be read.  Fields are
 * named and placed as Wireshark's; the table is in lisprows.c.
 */
#include <arpa/inet.h>
#include <stdio.h>

#include "strata/out.h"
#include "lispctl.h"

extern const struct st_proto st_proto_lisp;

#define LISP_MAXECM	4	/* Encapsulated Control Messages in one chain */

#define R(i)	(&lispctl_fields[(i)])

/* An LCAF's header at byte off of c (its AFI before it), its body as
 * bytes but an instance ID's of an IPv4 or IPv6 address (the one kind
 * seen in registrations); its length is len (6 + the header's length). */
static int
lcaf(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	const char *name;
	char t[64];
	unsigned type, afi;

	if (st_cur_left(c) < off + 6)
		return c->err = ST_ETRUNC;
	type = (unsigned)st_peek_bits(c, off * 8 + 16, 8);
	if ((name = st_valname(lisp_lcaf_names, type)) == NULL)
		name = "Unknown";
	snprintf(t, sizeof(t), "LCAF: %s", name);
	st_dtext(d, c, R(F_LCAF), off, len <= st_cur_left(c) - off ? len : 6,
	    t);
	st_dfields_at(d, c, off, lispctl_fields + F_LCAF_HDR,
	    F_IID - F_LCAF_HDR);
	afi = st_cur_left(c) >= off + 12 ?
	    (unsigned)st_peek_bits(c, off * 8 + 80, 16) : 0;
	if (type == 2 && ((afi == AFI_IPV4 && len == 16) ||
	    (afi == AFI_IPV6 && len == 28))) {
		st_dfields_at(d, c, off, lispctl_fields + F_IID, 2);
		st_dfields_at(d, c, off, R(afi == AFI_IPV4 ? F_IID_V4 :
		    F_IID_V6), 1);
	} else if (len > 6)
		st_dbytes(d, c, R(F_LCAF_BODY), off + 6, len - 6);
	return c->err;
}

/*
 * A locator record at byte off of c; sets *end past it.  Returns ST_OK,
 * ST_ETRUNC, or ST_EINVAL for an AFI that cannot be read.
 */
static int
locator(struct st_dctx *d, struct st_cur *c, size_t off, unsigned n,
    size_t *end)
{
	char a[INET6_ADDRSTRLEN + 8], t[160];
	unsigned afi, fl;
	long alen;
	const char *s;

	if (st_cur_left(c) < off + 8) {
		st_dfields_at(d, c, off, lispctl_fields + F_LOC_PRIO,
		    F_LOC_ADDR - F_LOC_PRIO);
		return c->err = ST_ETRUNC;
	}
	afi = (unsigned)st_peek_bits(c, off * 8 + 48, 16);
	fl = (unsigned)st_peek_bits(c, off * 8 + 32, 16);
	alen = lisp_addr_len(c, off + 8, afi);
	s = alen >= 0 && st_cur_left(c) >= off + 8 + (size_t)alen ?
	    lisp_addr_text(c, off + 8, afi, a, sizeof(a)) : "?";
	snprintf(t, sizeof(t), "Locator Record %u, %sRLOC: %s%s, %s, "
	    "Priority/Weight: %u/%u, Multicast Priority/Weight: %u/%u", n,
	    fl & 4 ? "Local " : "", s, fl & 2 ? " (probed)" : "",
	    fl & 1 ? "Reachable" : "Unreachable",
	    (unsigned)st_peek_bits(c, off * 8, 8),
	    (unsigned)st_peek_bits(c, off * 8 + 8, 8),
	    (unsigned)st_peek_bits(c, off * 8 + 16, 8),
	    (unsigned)st_peek_bits(c, off * 8 + 24, 8));
	st_dtext(d, c, R(F_LOC), off, 8, t);
	st_dfields_at(d, c, off, lispctl_fields + F_LOC_PRIO,
	    F_LOC_ADDR - F_LOC_PRIO);
	if (alen < 0)
		return st_dmalformed(d, "unexpected locator AFI %u", afi);
	if (st_cur_left(c) < off + 8 + (size_t)alen)
		return c->err = ST_ETRUNC;
	if (afi == AFI_LCAF)
		lcaf(d, c, off + 8, (size_t)alen);
	else
		st_dtext(d, c, R(F_LOC_ADDR), off + 8, (size_t)alen, s);
	*end = off + 8 + (size_t)alen;
	return c->err;
}

/*
 * A mapping record at byte off of c (a Map-Referral's when ref), number
 * n, with its locators; sets *end past them.  Returns ST_OK, ST_ETRUNC
 * or ST_EINVAL.
 */
static int
mapping(struct st_dctx *d, struct st_cur *c, size_t off, unsigned n,
    int ref, size_t *end)
{
	char a[INET6_ADDRSTRLEN + 8], t[200];
	const char *name;
	unsigned afi, i, nloc, act, mask;
	uint32_t ttl;
	long alen;
	int e;

	if (st_cur_left(c) < off + 12) {
		st_dfields_at(d, c, off, lispctl_fields + F_MAP_TTL,
		    F_MAP_V4 - F_MAP_TTL);
		return c->err = ST_ETRUNC;
	}
	ttl = (uint32_t)st_peek_bits(c, off * 8, 32);
	nloc = (unsigned)st_peek_bits(c, off * 8 + 32, 8);
	mask = (unsigned)st_peek_bits(c, off * 8 + 40, 8);
	act = (unsigned)st_peek_bits(c, off * 8 + 48, 3);
	afi = (unsigned)st_peek_bits(c, off * 8 + 80, 16);
	alen = lisp_addr_len(c, off + 12, afi);
	if (alen < 0 && afi != AFI_LCAF)
		return st_dmalformed(d, "unexpected EID prefix AFI %u", afi);
	if (alen < 0 || st_cur_left(c) < off + 12 + (size_t)alen) {
		st_dfields_at(d, c, off, lispctl_fields + F_MAP_TTL,
		    F_MAP_V4 - F_MAP_TTL);
		return c->err = ST_ETRUNC;
	}
	snprintf(t, sizeof(t), "Mapping Record %u, EID Prefix: %s/%u, TTL: ",
	    n, lisp_addr_text(c, off + 12, afi, a, sizeof(a)), mask);
	if (ttl == 0xffffffff)
		snprintf(t + strlen(t), sizeof(t) - strlen(t), "Unlimited");
	else
		snprintf(t + strlen(t), sizeof(t) - strlen(t), "%u", ttl);
	if (!ref && (name = st_valname(lisp_act_names, act)) == NULL)
		name = "Invalid action code";
	if (!ref)
		snprintf(t + strlen(t), sizeof(t) - strlen(t), ", Action: %s",
		    name);
	snprintf(t + strlen(t), sizeof(t) - strlen(t), ", %sAuthoritative",
	    st_peek_bits(c, off * 8 + 51, 1) ? "" : "Not ");
	st_dtext(d, c, R(F_MAP), off, 12 + (size_t)alen, t);
	st_dfields_at(d, c, off, lispctl_fields + F_MAP_TTL,
	    F_MAP_AUTH + 1 - F_MAP_TTL);
	if (ref)
		st_dfields_at(d, c, off, R(F_REF_INC), 1);
	st_dfields_at(d, c, off, R(F_MAP_RES1), 1);
	st_dfields_at(d, c, off, R(ref ? F_REF_SIGCNT : F_MAP_RES2), 1);
	st_dfields_at(d, c, off, lispctl_fields + F_MAP_VER, 2);
	if (afi == AFI_IPV4)
		st_dfields_at(d, c, off, R(F_MAP_V4), 1);
	else if (afi == AFI_IPV6)
		st_dfields_at(d, c, off, R(F_MAP_V6), 1);
	else if (afi == AFI_MAC || afi == AFI_EUI48)
		st_dfields_at(d, c, off, R(F_MAP_MAC), 1);
	else if (afi == AFI_LCAF)
		lcaf(d, c, off + 12, (size_t)alen);
	off += 12 + (size_t)alen;
	for (i = 0; i < nloc && c->err == ST_OK; i++)
		if ((e = locator(d, c, off, i + 1, &off)) != ST_OK)
			return e;
	*end = off;
	return c->err;
}

/* The mapping records of a message from byte off; sets *end past them. */
static int
mappings(struct st_dctx *d, struct st_cur *c, size_t off, unsigned n,
    int ref, size_t *end)
{
	unsigned i;
	int e;

	for (i = 0; i < n; i++)
		if ((e = mapping(d, c, off, i + 1, ref, &off)) != ST_OK)
			return e;
	*end = off;
	return ST_OK;
}

/* The Source EID of AFI afi at byte off of a Map-Request; sets *alen. */
static int
source_eid(struct st_dctx *d, struct st_cur *c, size_t off, unsigned afi,
    long *alen)
{
	if ((*alen = lisp_addr_len(c, off, afi)) < 0) {
		if (afi == AFI_LCAF)
			return c->err = ST_ETRUNC;
		return st_dmalformed(d, "unexpected source EID AFI %u", afi);
	}
	if (afi == AFI_NONE)
		st_dtext(d, c, R(F_SRC_STR), off, 0, "not set");
	else if (afi == AFI_IPV4)
		st_dbytes(d, c, R(F_SRC_V4), off, 4);
	else if (afi == AFI_IPV6)
		st_dbytes(d, c, R(F_SRC_V6), off, 16);
	else if (afi == AFI_LCAF)
		lcaf(d, c, off, (size_t)*alen);
	else
		st_dbytes(d, c, R(F_SRC_MAC), off, 6);
	return c->err;
}

/* A Map-Request from its start; sets *end past what was read. */
static int
map_request(struct st_dctx *d, struct st_cur *c, size_t *end)
{
	char a[INET6_ADDRSTRLEN + 8], t[120];
	unsigned irc, nrec, afi, i, mlen;
	size_t off;
	long alen;
	int e;

	st_dfields_at(d, c, 0, lispctl_fields + F_MREQ_FLAGS,
	    F_IRC + 1 - F_MREQ_FLAGS);
	st_dfields_at(d, c, 0, lispctl_fields + F_RECORDS, 2);
	st_dfields_at(d, c, 0, R(F_SRC_AFI), 1);
	if (c->err != ST_OK)
		return c->err;
	irc = (unsigned)st_peek_bits(c, 19, 5);
	nrec = (unsigned)st_peek_bits(c, 24, 8);
	afi = (unsigned)st_peek_bits(c, 96, 16);
	if ((e = source_eid(d, c, 14, afi, &alen)) != ST_OK)
		return e;
	off = 14 + (size_t)alen;
	for (i = 0; i <= irc; i++) {
		if (st_cur_left(c) < off + 2)
			return c->err = ST_ETRUNC;
		afi = (unsigned)st_peek_bits(c, off * 8, 16);
		alen = afi == AFI_IPV4 ? 4 : afi == AFI_IPV6 ? 16 : 0;
		snprintf(t, sizeof(t), "ITR-RLOC %u: %s", i + 1,
		    alen > 0 ? lisp_addr_text(c, off + 2, afi, a, sizeof(a)) : "?");
		st_dtext(d, c, R(F_ITR), off, 2 + (size_t)alen, t);
		st_dfields_at(d, c, off, R(F_ITR_AFI), 1);
		if (alen == 0)
			return st_dmalformed(d, "unexpected ITR-RLOC AFI %u",
			    afi);
		st_dfields_at(d, c, off, R(afi == AFI_IPV4 ? F_ITR_V4 :
		    F_ITR_V6), 1);
		if (c->err != ST_OK)
			return c->err;
		off += 2 + (size_t)alen;
	}
	for (i = 0; i < nrec; i++) {
		if (st_cur_left(c) < off + 4)
			return c->err = ST_ETRUNC;
		mlen = (unsigned)st_peek_bits(c, off * 8 + 8, 8);
		afi = (unsigned)st_peek_bits(c, off * 8 + 16, 16);
		alen = lisp_addr_len(c, off + 4, afi);
		if (alen < 0 && afi != AFI_LCAF)
			return st_dmalformed(d, "unexpected EID prefix AFI %u",
			    afi);
		if (alen < 0 || st_cur_left(c) < off + 4 + (size_t)alen)
			return c->err = ST_ETRUNC;
		snprintf(t, sizeof(t), "Map-Request Record %u: %s/%u", i + 1,
		    lisp_addr_text(c, off + 4, afi, a, sizeof(a)), mlen);
		st_dtext(d, c, R(F_REC), off, 4 + (size_t)alen, t);
		st_dfields_at(d, c, off, lispctl_fields + F_REC_RES, 3);
		if (afi == AFI_IPV4)
			st_dfields_at(d, c, off, R(F_REC_V4), 1);
		else if (afi == AFI_IPV6)
			st_dfields_at(d, c, off, R(F_REC_V6), 1);
		else if (afi == AFI_MAC || afi == AFI_EUI48)
			st_dfields_at(d, c, off, R(F_REC_MAC), 1);
		else if (afi == AFI_LCAF)
			lcaf(d, c, off + 4, (size_t)alen);
		off += 4 + (size_t)alen;
	}
	if (st_peek_bits(c, 5, 1)) {		/* M: a Map-Reply record */
		st_dtext(d, c, R(F_MREP_REC), off, st_cur_left(c) - off,
		    "Map-Reply Record");
		if ((e = mapping(d, c, off, 1, 0, &off)) != ST_OK)
			return e;
	}
	*end = off;
	return c->err;
}

/* The key ID and authentication data after a nonce; sets *end. */
static int
auth(struct st_dctx *d, struct st_cur *c, size_t *end)
{
	size_t n;

	st_dfields_at(d, c, 0, lispctl_fields + F_KEYID, 2);
	if (c->err != ST_OK)
		return c->err;
	n = (size_t)st_peek_bits(c, 112, 16);
	if (n > 0 && st_dbytes(d, c, R(F_AUTH), 16, n) == NULL)
		return c->err;
	*end = 16 + n;
	return ST_OK;
}

/*
 * An Encapsulated Control Message: its 4 bytes, then an IP packet (by its
 * version nibble) whose UDP datagram holds the control message.
 */
static int
ecm(struct st_dctx *d, struct st_cur *c)
{
	static const uint16_t by_version[16] = { [4] = 0x0800, [6] = 0x86dd };
	unsigned v;

	st_dfields_at(d, c, 0, lispctl_fields + F_ECM_S, 3);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	if (st_dcount(d, &st_proto_lisp) > LISP_MAXECM)
		return st_dmalformed(d, "control messages encapsulated more "
		    "than %d deep", LISP_MAXECM);
	v = st_cur_left(c) > 4 ? (unsigned)st_peek_bits(c, 32, 4) : 0;
	d->next_key = by_version[v] != 0 ? ST_KEY_ETHERTYPE : ST_KEY_NONE;
	d->next_val = by_version[v];
	d->data = by_version[v] == 0 && st_cur_left(c) > 4;
	return ST_OK;
}

/*
 * An Info-Request or Info-Reply (NAT traversal): authenticated like a
 * Map-Register, then a TTL, an EID prefix and an AFI, 0 in a request, an
 * LCAF (NAT traversal: the ports and RLOCs the server saw) in a reply.
 * Sets *end past what was read.
 */
static int
info(struct st_dctx *d, struct st_cur *c, size_t *end)
{
	unsigned afi;
	size_t off;
	long alen;
	int e;

	st_dfields_at(d, c, 0, lispctl_fields + F_INFO_R, 2);
	st_dfields_at(d, c, 0, R(F_NONCE), 1);
	if ((e = auth(d, c, &off)) != ST_OK)
		return e;
	st_dfields_at(d, c, off, lispctl_fields + F_INFO_TTL, 4);
	if (c->err != ST_OK)
		return c->err;
	afi = (unsigned)st_peek_bits(c, off * 8 + 48, 16);
	if (afi != AFI_IPV4 && afi != AFI_IPV6)
		return st_dmalformed(d, "unexpected EID prefix AFI %u", afi);
	alen = afi == AFI_IPV4 ? 4 : 16;
	st_dfields_at(d, c, off, R(afi == AFI_IPV4 ? F_INFO_V4 : F_INFO_V6),
	    1);
	off += 8 + (size_t)alen;
	st_dfields_at(d, c, off, R(F_INFO_AFI), 1);
	if (c->err != ST_OK)
		return c->err;
	afi = (unsigned)st_peek_bits(c, off * 8, 16);
	off += 2;
	if (afi == AFI_LCAF && st_peek_bits(c, 4, 1)) {
		if ((alen = lisp_addr_len(c, off, afi)) < 0 ||
		    st_cur_left(c) < off + (size_t)alen)
			return c->err = ST_ETRUNC;
		lcaf(d, c, off, (size_t)alen);
		off += (size_t)alen;
	}
	*end = off;
	return c->err;
}

static int
lisp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned type, nrec;
	size_t off = 4;
	int e = ST_OK;

	if (st_dfield(d, c, R(F_TYPE)) == NULL)
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 4);
	nrec = (unsigned)st_peek_bits(c, 24, 8);
	d->hdr = 1;
	switch (type) {
	case T_MREQ:
		e = map_request(d, c, &off);
		break;
	case T_MREP:
		st_dfields_at(d, c, 0, lispctl_fields + F_MREP_P, 4);
		st_dfields_at(d, c, 0, lispctl_fields + F_RECORDS, 2);
		if ((e = c->err) == ST_OK)
			e = mappings(d, c, 12, nrec, 0, &off);
		break;
	case T_MREG:
		st_dfields_at(d, c, 0, lispctl_fields + F_MREG_P, 6);
		st_dfields_at(d, c, 0, lispctl_fields + F_RECORDS, 2);
		if ((e = auth(d, c, &off)) == ST_OK)
			e = mappings(d, c, off, nrec, 0, &off);
		if (e == ST_OK && st_peek_bits(c, 6, 1)) {
			st_dfields_at(d, c, off, lispctl_fields + F_XTRID, 2);
			off += 24;
			e = c->err;
		}
		break;
	case T_MNOT:
		st_dfields_at(d, c, 0, lispctl_fields + F_MNOT_I, 3);
		st_dfields_at(d, c, 0, lispctl_fields + F_RECORDS, 2);
		if ((e = auth(d, c, &off)) == ST_OK)
			e = mappings(d, c, off, nrec, 0, &off);
		if (e == ST_OK && st_peek_bits(c, 4, 1)) {
			st_dfields_at(d, c, off, lispctl_fields + F_XTRID, 2);
			off += 24;
			e = c->err;
		}
		if (e == ST_OK && st_peek_bits(c, 5, 1)) {
			size_t n;

			st_dfields_at(d, c, off, lispctl_fields + F_MSRTR_KEYID,
			    2);
			n = (size_t)st_peek_bits(c, off * 8 + 16, 16);
			if (c->err == ST_OK && n > 0)
				st_dbytes(d, c, R(F_MSRTR_AUTH), off + 4, n);
			off += 4 + n;
			e = c->err;
		}
		break;
	case T_MREF:
		st_dfields_at(d, c, 0, R(F_MREF_RES), 1);
		st_dfields_at(d, c, 0, lispctl_fields + F_RECORDS, 2);
		if ((e = c->err) == ST_OK)
			e = mappings(d, c, 12, nrec, 1, &off);
		break;
	case T_ECM:
		return ecm(d, c);
	case T_INFO:
		e = info(d, c, &off);
		break;
	default:				/* unknown types */
		d->data = 1;
		return ST_OK;
	}
	if (e == ST_ETRUNC || (e == ST_OK && c->err != ST_OK)) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	if (e != ST_OK) {
		d->hdr = st_cur_left(c);	/* no telling where it ends */
		return e;
	}
	d->hdr = off;
	return ST_OK;
}

static const struct st_bind lisp_binds[] = {
	{ ST_KEY_UDPPORT, 4342 },
};

/* The message type of layer ly, or NULL. */
static const char *
type_of(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field **f)
{
	st_ly_fields(pkt, ly, lispctl_fields, F_NROWS, f);
	if (f[F_TYPE] == NULL)
		return NULL;
	if (f[F_TYPE]->val == T_INFO && f[F_INFO_R] != NULL)
		return f[F_INFO_R]->val ? "Info-Reply" : "Info-Request";
	return st_valname(lisp_type_names, (uint32_t)f[F_TYPE]->val);
}

/* "lisp Map-Register 2 records nonce 0x..."; an Encapsulated Control
 * Message names the message it carries ("lisp Encapsulated Map-Request"). */
static int
lisp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_layer *l, *end = s->pkt->layers + s->pkt->nlayers;
	const struct st_field *f[F_NROWS];
	const char *n = type_of(s->pkt, ly, f);

	st_out_puts(s->o, "lisp");
	if (f[F_TYPE] != NULL && f[F_TYPE]->val == T_ECM) {
		for (l = ly + 1; l < end; l++)
			if (l->proto == ly->proto)
				break;
		if (l < end && (n = type_of(s->pkt, l, f)) != NULL)
			st_out_printf(s->o, " Encapsulated %s", n);
		else
			st_out_puts(s->o, " Encapsulated Control Message");
	} else if (n != NULL)
		st_out_printf(s->o, " %s", n);
	else if (f[F_TYPE] != NULL)
		st_out_printf(s->o, " type %u", (unsigned)f[F_TYPE]->val);
	if (f[F_TYPE] == NULL)
		return 1;
	if (f[F_RECORDS] != NULL)
		st_out_printf(s->o, " %u record%s",
		    (unsigned)f[F_RECORDS]->val,
		    f[F_RECORDS]->val == 1 ? "" : "s");
	if (f[F_NONCE] != NULL)
		st_out_printf(s->o, " nonce 0x%016llx",
		    (unsigned long long)f[F_NONCE]->val);
	return 1;
}

static const struct st_field_desc *const lisp_keys[] = {
	R(F_TYPE), R(F_RECORDS), R(F_NONCE), NULL,
};

const struct st_proto st_proto_lisp = {
	.name = "lisp",
	.ws = "lisp",
	.title = "Locator/ID Separation Protocol",
	.rfc = "RFC 9301",
	.role = ST_ROLE_APP,
	.fields = lispctl_fields,
	.nfields = F_NROWS,
	.decode = lisp_decode,
	.binds = lisp_binds,
	.nbinds = NFIELDS(lisp_binds),
	.summary = lisp_summary,
	.keys = lisp_keys,
	.explain_bits = 32,
	.explain = "LISP splits an address into who (the endpoint ID, EID) "
	    "and where (the routing locator, RLOC).  An ingress router sends "
	    "a Map-Request for an EID, usually wrapped in an Encapsulated "
	    "Control Message (type 8, an IP packet inside) to a map-resolver; "
	    "the answer, a Map-Reply, echoes its 64-bit nonce and lists "
	    "mapping records: an EID prefix, a TTL in minutes, an action, and "
	    "locators with priority (lower is preferred; 255: do not use) "
	    "and weight (load shared among equal priorities).  Egress routers "
	    "announce their prefixes to a map-server with Map-Register, "
	    "signed by the key ID's HMAC over the message; the server answers "
	    "with Map-Notify when the M bit asks for it.  Data packets then "
	    "travel in lisp-data on UDP 4341.",
};
