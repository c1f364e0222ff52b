/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Diameter (RFC 6733), TCP 3868 and SCTP payload protocol 46: the AAA
 * protocol after RADIUS.  A message is a 20-byte header and AVPs:
 *
 *  0               8              16              24             31
 * +---------------+-----------------------------------------------+
 * |    Version    |                 Message Length                |
 * +---------------+-----------------------------------------------+
 * | Flags R P E T |                 Command Code                  |
 * +---------------+-----------------------------------------------+
 * |                         Application-ID                        |
 * |                      Hop-by-Hop Identifier                    |
 * |                      End-to-End Identifier                    |
 * +---------------------------------------------------------------+
 *
 * and each AVP:
 *
 * +---------------------------------------------------------------+
 * |                           AVP Code                            |
 * +---------------+-----------------------------------------------+
 * | Flags V M P   |                  AVP Length                   |
 * +---------------+-----------------------------------------------+
 * |                   Vendor-ID (when V is set)                   |
 * +---------------------------------------------------------------+
 * |    Data ... padded with zeros to a multiple of 4 bytes        |
 *
 * The AVP length counts header and data, not the padding.  The base
 * protocol's AVPs (vendor 0) are typed as Wireshark's dictionary types
 * them, each under its own field (diameter.Origin-Host); a Grouped AVP's
 * data is AVPs again, nested up to DIAM_DEPTH deep; any other AVP's data
 * is shown as bytes.  Several messages may share a segment: one layer
 * each, as tshark shows them.  Bytes on the port that start no message
 * (tshark's check: version 1, a length of at least 36 and a multiple of
 * 4, no reserved flag, not both R and E) are tshark's "Continuation": a
 * Diameter layer of no bytes, the rest data.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define DIAM_PORT	3868
#define DIAM_PPID	46		/* SCTP payload protocol (RFC 6733) */
#define DIAM_HDR	20
#define DIAM_MINLEN	36		/* a header, Origin-Host, Origin-Realm */
#define DIAM_DEPTH	8		/* Grouped AVPs inside Grouped AVPs */
#define DIAM_AVPMAX	256		/* AVPs decoded in one message */
#define DIAM_TEXT	512		/* bytes of one text value shown */
#define NTP_UNIX	2208988800LL	/* seconds from 1900 to 1970 */

enum { F_VER, F_LEN, F_FLAGS, F_FR, F_FP, F_FE, F_FT, F_FR4, F_FR5, F_FR6,
	F_FR7, F_CMD, F_APP, F_HBH, F_E2E, F_NHDR = F_E2E + 1,
	F_AVP = F_NHDR, F_ACODE, F_AFLAGS, F_AV, F_AM, F_AP, F_AR3, F_AR4,
	F_AR5, F_AR6, F_AR7, F_ALEN, F_AVENDOR, F_PAD, F_DATA, F_VENDORID,
	F_FAMILY, F_IPV4, F_IPV6, F_ANSWERTO, F_RESPTIME, F_NDIAM };

static const struct st_valname cmd_names[] = {
	{ 257, "Capabilities-Exchange" }, { 258, "Re-Auth" },
	{ 265, "AA" }, { 268, "Diameter-EAP" }, { 271, "Accounting" },
	{ 272, "Credit-Control" }, { 274, "Abort-Session" },
	{ 275, "Session-Termination" }, { 280, "Device-Watchdog" },
	{ 282, "Disconnect-Peer" }, { 316, "3GPP-Update-Location" },
	{ 317, "3GPP-Cancel-Location" }, { 318, "3GPP-Authentication-"
	"Information" }, { 0, NULL }
};

static const struct st_valname app_names[] = {
	{ 0, "Diameter Common Messages" }, { 1, "NASREQ" },
	{ 2, "Mobile IPv4" }, { 3, "Diameter Base Accounting" },
	{ 4, "Diameter Credit Control" }, { 5, "EAP" },
	{ 6, "Diameter Session Initiation Protocol (SIP) Application" },
	{ 0xffffffff, "Relay" }, { 0, NULL }
};

static const struct st_valname result_names[] = {
	{ 1001, "DIAMETER_MULTI_ROUND_AUTH" }, { 2001, "DIAMETER_SUCCESS" },
	{ 2002, "DIAMETER_LIMITED_SUCCESS" },
	{ 3001, "DIAMETER_COMMAND_UNSUPPORTED" },
	{ 3002, "DIAMETER_UNABLE_TO_DELIVER" },
	{ 3003, "DIAMETER_REALM_NOT_SERVED" }, { 3004, "DIAMETER_TOO_BUSY" },
	{ 3005, "DIAMETER_LOOP_DETECTED" },
	{ 3006, "DIAMETER_REDIRECT_INDICATION" },
	{ 3007, "DIAMETER_APPLICATION_UNSUPPORTED" },
	{ 3008, "DIAMETER_INVALID_HDR_BITS" },
	{ 3009, "DIAMETER_INVALID_AVP_BITS" },
	{ 3010, "DIAMETER_UNKNOWN_PEER" },
	{ 4001, "DIAMETER_AUTHENTICATION_REJECTED" },
	{ 4002, "DIAMETER_OUT_OF_SPACE" }, { 4003, "ELECTION_LOST" },
	{ 5001, "DIAMETER_AVP_UNSUPPORTED" },
	{ 5002, "DIAMETER_UNKNOWN_SESSION_ID" },
	{ 5003, "DIAMETER_AUTHORIZATION_REJECTED" },
	{ 5004, "DIAMETER_INVALID_AVP_VALUE" }, { 5005, "DIAMETER_MISSING_AVP" },
	{ 5006, "DIAMETER_RESOURCES_EXCEEDED" },
	{ 5007, "DIAMETER_CONTRADICTING_AVPS" },
	{ 5008, "DIAMETER_AVP_NOT_ALLOWED" },
	{ 5009, "DIAMETER_AVP_OCCURS_TOO_MANY_TIMES" },
	{ 5010, "DIAMETER_NO_COMMON_APPLICATION" },
	{ 5011, "DIAMETER_UNSUPPORTED_VERSION" },
	{ 5012, "DIAMETER_UNABLE_TO_COMPLY" },
	{ 5013, "DIAMETER_INVALID_BIT_IN_HEADER" },
	{ 5014, "DIAMETER_INVALID_AVP_LENGTH" },
	{ 5015, "DIAMETER_INVALID_MESSAGE_LENGTH" },
	{ 5016, "DIAMETER_INVALID_AVP_BIT_COMBO" },
	{ 5017, "DIAMETER_NO_COMMON_SECURITY" }, { 0, NULL }
};

static const struct st_valname family_names[] = {
	{ 1, "IPv4" }, { 2, "IPv6" }, { 0, NULL }
};

/* Header rows from the message's first byte, AVP rows from the AVP's,
 * value rows from the value's. */
static const struct st_field_desc diam_fields[F_NDIAM] = {
	[F_VER] = FD("version", "diameter.version", "Version", 0, 8,
	    ST_FMT_HEX),
	[F_LEN] = FD("length", "diameter.length", "Length", 8, 24,
	    ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "diameter.flags", "Flags", 32, 8, ST_FMT_HEX),
	[F_FR] = FDD(NULL, "diameter.flags.request", "Request", 32, 1,
	    ST_FMT_BOOL),
	[F_FP] = FDD(NULL, "diameter.flags.proxyable", "Proxyable", 33, 1,
	    ST_FMT_BOOL),
	[F_FE] = FDD(NULL, "diameter.flags.error", "Error", 34, 1,
	    ST_FMT_BOOL),
	[F_FT] = FDD(NULL, "diameter.flags.T", "T(Potentially "
	    "re-transmitted message)", 35, 1, ST_FMT_BOOL),
	[F_FR4] = FDD(NULL, "diameter.flags.reserved4", "Reserved", 36, 1,
	    ST_FMT_BOOL),
	[F_FR5] = FDD(NULL, "diameter.flags.reserved5", "Reserved", 37, 1,
	    ST_FMT_BOOL),
	[F_FR6] = FDD(NULL, "diameter.flags.reserved6", "Reserved", 38, 1,
	    ST_FMT_BOOL),
	[F_FR7] = FDD(NULL, "diameter.flags.reserved7", "Reserved", 39, 1,
	    ST_FMT_BOOL),
	[F_CMD] = FDN("cmd", "diameter.cmd.code", "Command Code", 40, 24,
	    ST_FMT_DEC, cmd_names),
	[F_APP] = FDN("app", "diameter.applicationId", "ApplicationId", 64,
	    32, ST_FMT_DEC, app_names),
	[F_HBH] = FD("hbh", "diameter.hopbyhopid", "Hop-by-Hop Identifier",
	    96, 32, ST_FMT_HEX),
	[F_E2E] = FD("e2e", "diameter.endtoendid", "End-to-End Identifier",
	    128, 32, ST_FMT_HEX),
	[F_AVP] = FD(NULL, "diameter.avp", "AVP", 0, 0, ST_FMT_BYTES),
	[F_ACODE] = FD(NULL, "diameter.avp.code", "AVP Code", 0, 32,
	    ST_FMT_DEC),
	[F_AFLAGS] = FD(NULL, "diameter.avp.flags", "AVP Flags", 32, 8,
	    ST_FMT_HEX),
	[F_AV] = FDD(NULL, "diameter.flags.vendorspecific", "Vendor-Specific",
	    32, 1, ST_FMT_BOOL),
	[F_AM] = FDD(NULL, "diameter.flags.mandatory", "Mandatory", 33, 1,
	    ST_FMT_BOOL),
	[F_AP] = FDD(NULL, "diameter.avp.flags.protected", "Protected", 34, 1,
	    ST_FMT_BOOL),
	[F_AR3] = FDD(NULL, "diameter.avp.flags.reserved3", "Reserved", 35, 1,
	    ST_FMT_BOOL),
	[F_AR4] = FDD(NULL, "diameter.avp.flags.reserved4", "Reserved", 36, 1,
	    ST_FMT_BOOL),
	[F_AR5] = FDD(NULL, "diameter.avp.flags.reserved5", "Reserved", 37, 1,
	    ST_FMT_BOOL),
	[F_AR6] = FDD(NULL, "diameter.avp.flags.reserved6", "Reserved", 38, 1,
	    ST_FMT_BOOL),
	[F_AR7] = FDD(NULL, "diameter.avp.flags.reserved7", "Reserved", 39, 1,
	    ST_FMT_BOOL),
	[F_ALEN] = FD(NULL, "diameter.avp.len", "AVP Length", 40, 24,
	    ST_FMT_DEC),
	[F_AVENDOR] = FD(NULL, "diameter.avp.vendorId", "AVP Vendor Id", 64,
	    32, ST_FMT_DEC),
	[F_PAD] = FD(NULL, "diameter.avp.pad", "Padding", 0, 0, ST_FMT_BYTES),
	/* The data of an AVP strata does not type (another vendor's, or one
	 * outside the base protocol): Wireshark's dictionary names most. */
	[F_DATA] = FD(NULL, "strata.diameter.avp.data", "AVP data", 0, 0,
	    ST_FMT_BYTES),
	/* Vendor-Id's value again, as Wireshark adds it */
	[F_VENDORID] = FD(NULL, "diameter.vendorId", "VendorId", 0, 32,
	    ST_FMT_DEC),
	[F_FAMILY] = FDN(NULL, "diameter.Host-IP-Address.addr_family",
	    "Address family", 0, 16, ST_FMT_DEC, family_names),
	[F_IPV4] = FD(NULL, "diameter.Host-IP-Address.IPv4", "IPv4 Address",
	    16, 32, ST_FMT_IPV4),
	[F_IPV6] = FD(NULL, "diameter.Host-IP-Address.IPv6", "IPv6 Address",
	    16, 128, ST_FMT_IPV6),
	/* an answer's request, seen earlier in the conversation */
	[F_ANSWERTO] = FDG("diameter.answer_to", "This is an answer to",
	    ST_FMT_DEC, NULL),
	[F_RESPTIME] = FDG("diameter.resp_time", "Response Time",
	    ST_FMT_TEXT, NULL),
};

/* How an AVP's data is typed (RFC 6733 4.2, 4.3). */
enum { T_UTF8, T_OCTET, T_U32, T_I32, T_U64, T_TIME, T_ADDR, T_GROUP };

/*
 * The base protocol's AVPs (vendor 0), with the field name and type
 * Wireshark's dictionary gives each (its Enumerated ones are signed
 * 32-bit numbers).
 */
#define DIAM_AVPS \
	X(1, "User-Name", T_UTF8) \
	X(25, "Class", T_OCTET) \
	X(27, "Session-Timeout", T_U32) \
	X(33, "Proxy-State", T_OCTET) \
	X(55, "Event-Timestamp", T_TIME) \
	X(85, "Acct-Interim-Interval", T_U32) \
	X(257, "Host-IP-Address", T_ADDR) \
	X(258, "Auth-Application-Id", T_U32) \
	X(259, "Acct-Application-Id", T_U32) \
	X(260, "Vendor-Specific-Application-Id", T_GROUP) \
	X(261, "Redirect-Host-Usage", T_I32) \
	X(262, "Redirect-Max-Cache-Time", T_U32) \
	X(263, "Session-Id", T_UTF8) \
	X(264, "Origin-Host", T_UTF8) \
	X(265, "Supported-Vendor-Id", T_U32) \
	X(266, "Vendor-Id", T_U32) \
	X(267, "Firmware-Revision", T_U32) \
	X(268, "Result-Code", T_I32) \
	X(269, "Product-Name", T_UTF8) \
	X(270, "Session-Binding", T_I32) \
	X(271, "Session-Server-Failover", T_I32) \
	X(272, "Multi-Round-Time-Out", T_U32) \
	X(273, "Disconnect-Cause", T_I32) \
	X(274, "Auth-Request-Type", T_I32) \
	X(276, "Auth-Grace-Period", T_U32) \
	X(277, "Auth-Session-State", T_I32) \
	X(278, "Origin-State-Id", T_U32) \
	X(279, "Failed-AVP", T_GROUP) \
	X(280, "Proxy-Host", T_UTF8) \
	X(281, "Error-Message", T_UTF8) \
	X(282, "Route-Record", T_UTF8) \
	X(283, "Destination-Realm", T_UTF8) \
	X(284, "Proxy-Info", T_GROUP) \
	X(285, "Re-Auth-Request-Type", T_I32) \
	X(287, "Accounting-Sub-Session-Id", T_U64) \
	X(291, "Authorization-Lifetime", T_I32) \
	X(292, "Redirect-Host", T_UTF8) \
	X(293, "Destination-Host", T_UTF8) \
	X(294, "Error-Reporting-Host", T_UTF8) \
	X(295, "Termination-Cause", T_I32) \
	X(296, "Origin-Realm", T_UTF8) \
	X(297, "Experimental-Result", T_GROUP) \
	X(298, "Experimental-Result-Code", T_I32) \
	X(299, "Inband-Security-Id", T_I32) \
	X(480, "Accounting-Record-Type", T_I32) \
	X(483, "Accounting-Realtime-Required", T_I32) \
	X(485, "Accounting-Record-Number", T_U32)

#define T_BITS(ty)	((ty) == T_U64 ? 64 : (ty) == T_U32 || (ty) == T_I32 ? \
	32 : 0)
#define T_FMT(ty)	((ty) == T_UTF8 || (ty) == T_TIME ? ST_FMT_TEXT : \
	T_BITS(ty) != 0 ? ST_FMT_DEC : ST_FMT_BYTES)

#define X(code, nm, ty) { .name = "diameter." nm, .label = nm, \
	.bits = T_BITS(ty), .fmt = T_FMT(ty), \
	.flags = (ty) == T_I32 ? ST_DF_SIGNED : 0 },
static const struct st_field_desc avp_fields[] = {
	DIAM_AVPS
};
#undef X

static const struct avpdef {
	uint32_t	 code;
	uint8_t		 type;
} avp_defs[] = {
#define X(code, nm, ty) { code, ty },
	DIAM_AVPS
#undef X
};

#define R(i)	(&diam_fields[(i)])

/* The base protocol's AVP of this code: its index, or -1. */
static int
avp_find(uint32_t code)
{
	size_t lo = 0, hi = NFIELDS(avp_defs), mid;

	while (lo < hi) {		/* avp_defs is in code order */
		mid = (lo + hi) / 2;
		if (avp_defs[mid].code == code)
			return (int)mid;
		if (avp_defs[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* tshark's check_diameter(): whether the bytes at c start a message. */
static int
starts_message(struct st_cur *c)
{
	size_t len;
	unsigned fl;

	if (st_cur_left(c) < 5 || st_peek_bits(c, 0, 8) != 1)
		return 0;
	len = (size_t)st_peek_bits(c, 8, 24);
	fl = (unsigned)st_peek_bits(c, 32, 8);
	return len >= DIAM_MINLEN && (len & 3) == 0 && (fl & 0x0f) == 0 &&
	    (fl & 0xa0) != 0xa0;
}

/* A walk over a message's AVPs: how many so far, and whether the flags'
 * bits are left out (a message whose fields would not fit otherwise). */
struct walk {
	unsigned	 n;
	int		 lite;
};

static int avps(struct st_dctx *d, const struct st_cur *m, size_t pos,
    size_t end, unsigned depth, struct walk *w);

/* The data of AVP i of the base protocol: n bytes at v's position. */
static int
avp_value(struct st_dctx *d, struct st_cur *v, int i, size_t n,
    unsigned depth, struct walk *w)
{
	const struct st_field_desc *fd = &avp_fields[i];
	char text[DIAM_TEXT * 4 + 8];
	unsigned type = avp_defs[i].type;
	uint32_t secs;

	switch (type) {
	case T_UTF8:
		st_escape_ascii(v->base + v->off, n < DIAM_TEXT ? n : DIAM_TEXT,
		    text, sizeof(text));
		st_dtext(d, v, fd, 0, n, text);
		return ST_OK;
	case T_U32:
	case T_I32:
	case T_U64:
	case T_TIME:
		if (n != (type == T_U64 ? 8u : 4u))
			break;
		if (type == T_TIME) {
			secs = (uint32_t)st_peek_bits(v, 0, 32);
			st_dunixtime(d, v, fd, 0, 4, (int64_t)secs - NTP_UNIX);
			return ST_OK;
		}
		st_dfield(d, v, fd);
		if (avp_defs[i].code == 266)
			st_dfield(d, v, R(F_VENDORID));
		return ST_OK;
	case T_ADDR:
		st_dbytes(d, v, fd, 0, n);
		if (n < 2)
			break;
		st_dfield(d, v, R(F_FAMILY));
		if (st_peek_bits(v, 0, 16) == 1 && n == 6)
			st_dfield(d, v, R(F_IPV4));
		else if (st_peek_bits(v, 0, 16) == 2 && n == 18)
			st_dfield(d, v, R(F_IPV6));
		return ST_OK;
	case T_GROUP:
		st_dbytes(d, v, fd, 0, n);
		if (depth + 1 >= DIAM_DEPTH) {
			st_pkt_note(d->pkt, "Diameter: Grouped AVPs nested "
			    "deeper than 8 are not decoded");
			return ST_OK;
		}
		return avps(d, v, v->off, v->off + n, depth + 1, w);
	default:
		st_dbytes(d, v, fd, 0, n);
		return ST_OK;
	}
	st_dbytes(d, v, R(F_DATA), 0, n);
	st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "Diameter: %s of %zu "
	    "bytes, not %u", fd->label, n, type == T_U64 ? 8 : 4));
	return ST_OK;
}

/* An AVP's code, flags (with their bits unless w->lite) and length, and
 * its vendor when V is set. */
static void
avp_head(struct st_dctx *d, struct st_cur *a, unsigned flags,
    const struct walk *w)
{
	if (w->lite) {
		st_dfield(d, a, R(F_ACODE));
		st_dfield(d, a, R(F_AFLAGS));
		st_dfield(d, a, R(F_ALEN));
	} else
		st_dfields(d, a, R(F_ACODE), F_AVENDOR - F_ACODE);
	if (flags & 0x80)
		st_dfield(d, a, R(F_AVENDOR));
}

/*
 * The AVPs from byte pos to end (from the frame's start; end as declared)
 * of the message whose captured bytes m holds; w counts them.
 */
static int
avps(struct st_dctx *d, const struct st_cur *m, size_t pos, size_t end,
    unsigned depth, struct walk *w)
{
	size_t len, hl, pad, cap = m->end;
	unsigned flags;
	struct st_cur a, v;
	int i, rc;

	for (; pos < end; w->n++) {
		if (w->n >= DIAM_AVPMAX) {
			st_pkt_note(d->pkt, "Diameter: AVPs after the 256th "
			    "are not decoded");
			return ST_OK;
		}
		if (end - pos < 8)
			return st_dmalformed(d, "%zu bytes after the last AVP",
			    end - pos);
		a = *m;
		a.off = pos;
		if (!st_cur_need(&a, 8))
			return ST_ETRUNC;
		len = (size_t)st_peek_bits(&a, 40, 24);
		flags = (unsigned)st_peek_bits(&a, 32, 8);
		hl = flags & 0x80 ? 12 : 8;
		if (len < hl || len > end - pos) {
			/* as tshark, the AVP's bytes as its length says,
			 * padded, when they are there */
			if (len + (-len & 3) <= end - pos)
				st_dbytes(d, &a, R(F_AVP), 0, len + (-len & 3));
			avp_head(d, &a, flags & ~0x80u, w);
			return st_dmalformed(d, "AVP length %zu %s", len,
			    len < hl ? "below its header's" :
			    "past the end of its message");
		}
		pad = -len & 3;
		if (pad > end - pos - len)
			pad = end - pos - len;
		if (pos + len + pad > cap) {
			avp_head(d, &a, flags, w);
			return ST_ETRUNC;
		}
		st_dbytes(d, &a, R(F_AVP), 0, len + pad);
		avp_head(d, &a, flags, w);
		v = a;
		v.off = pos + hl;
		v.end = pos + len;
		i = flags & 0x80 ? -1 :
		    avp_find((uint32_t)st_peek_bits(&a, 0, 32));
		if (i < 0) {
			if (len > hl)
				st_dbytes(d, &v, R(F_DATA), 0, len - hl);
		} else if ((rc = avp_value(d, &v, i, len - hl, depth, w)) !=
		    ST_OK)
			return rc;
		if (pad > 0)
			st_dbytes(d, &a, R(F_PAD), len, pad);
		pos += len + pad;
	}
	return ST_OK;
}

/*
 * A request is noted under its hop-by-hop and end-to-end identifiers; an
 * answer with the same two, later in the conversation, shows which frame
 * it answers and after how long, as tshark's first pass does.
 */
static void
pair(struct st_dctx *d, struct st_cur *c)
{
	uint64_t key = st_peek_bits(c, 96, 64);
	struct st_field *f;
	struct st_match m;
	char buf[48];

	if (st_peek_bits(c, 32, 1)) {
		st_match_note(d, key, NULL, 0);
		return;
	}
	if (!st_match_answer(d, key, &m))
		return;
	st_dgen(d, R(F_ANSWERTO), m.frame);
	st_match_delta(d, &m, buf, sizeof(buf));
	if ((f = st_dgen(d, R(F_RESPTIME), 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
}

static int
diam_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	struct walk w = { 0, 0 };
	struct st_dmark mk;
	struct st_cur m;
	int rc, clipped;

	if (left == 0)
		return ST_ENOTME;
	if (!starts_message(c)) {
		/* tshark's "Continuation": a message's later bytes */
		d->hdr = 0;
		d->data = 1;
		return ST_OK;
	}
	len = (size_t)st_peek_bits(c, 8, 24);
	d->hdr = len < left ? len : left;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another message */
	if (st_dfields(d, c, diam_fields, F_NHDR) != ST_OK)
		return c->err;
	pair(d, c);
	m = st_cur_sub(c, len, &clipped);
	st_dmark(d, &mk);
	rc = avps(d, &m, c->off + DIAM_HDR, c->off + len, 0, &w);
	if (d->pkt->nspilled > mk.nspilled) {
		/* shown whole with less detail rather than in part */
		st_drewind(d, &mk);
		w.n = 0;
		w.lite = 1;
		rc = avps(d, &m, c->off + DIAM_HDR, c->off + len, 0, &w);
		st_pkt_note(d->pkt, "Diameter: the AVP flags' bits are not "
		    "shown, for the message's fields to fit");
	}
	if (rc == ST_ETRUNC && d->pkt->caplen >= d->pkt->len) {
		st_pkt_note(d->pkt, "Diameter: the message continues in a "
		    "later segment");
		return ST_OK;
	}
	return rc;
}

/* The length of the message at c (strata/proto.h, pdu_len). */
static size_t
diam_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c);

	if (left == 0 || st_peek_bits(c, 0, 8) != 1)
		return 0;
	if (left < 5)
		return ST_PDU_MORE;
	return starts_message(c) ? (size_t)st_peek_bits(c, 8, 24) : 0;
}

static const struct st_bind diam_binds[] = {
	{ ST_KEY_TCPPORT, DIAM_PORT },
	{ ST_KEY_SCTPPPID, DIAM_PPID },
};

/* One message: "Capabilities-Exchange Request (257) flags=R--- appl=0
 * h2h=11223344 e2e=55667788 DIAMETER_SUCCESS". */
static void
msg_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NHDR], *rc;
	const char *name, *rn;
	unsigned fl;

	st_ly_fields(s->pkt, ly, diam_fields, F_NHDR, f);
	if (f[F_CMD] == NULL || f[F_FLAGS] == NULL) {
		st_out_puts(s->o, "continuation");
		return;
	}
	fl = (unsigned)f[F_FLAGS]->val;
	name = st_valname(cmd_names, (uint32_t)f[F_CMD]->val);
	st_out_printf(s->o, "%s %s (%u) flags=%c%c%c%c", name != NULL ? name :
	    "Unknown", fl & 0x80 ? "Request" : "Answer",
	    (unsigned)f[F_CMD]->val, fl & 0x80 ? 'R' : '-',
	    fl & 0x40 ? 'P' : '-', fl & 0x20 ? 'E' : '-',
	    fl & 0x10 ? 'T' : '-');
	if (f[F_APP] != NULL)
		st_out_printf(s->o, " appl=%u", (unsigned)f[F_APP]->val);
	if (f[F_HBH] != NULL && f[F_E2E] != NULL)
		st_out_printf(s->o, " h2h=%x e2e=%x", (unsigned)f[F_HBH]->val,
		    (unsigned)f[F_E2E]->val);
	rc = st_pkt_fd(s->pkt, ly, &avp_fields[avp_find(268)]);
	if (rc != NULL) {
		rn = st_valname(result_names, (uint32_t)rc->val);
		if (rn != NULL)
			st_out_printf(s->o, " %s", rn);
		else
			st_out_printf(s->o, " result %d", (int32_t)rc->val);
	}
}

/* "diameter Device-Watchdog Request (280) ... | Accounting Request ...":
 * every message of the segment, from the first one's layer. */
static int
diam_summary(struct st_sumctx *s, const struct st_layer *ly)
{

	st_out_puts(s->o, "diameter ");
	st_sum_each(s, ly, " | ", msg_facts);
	return 1;
}

static const struct st_field_desc *const diam_keys[] = {
	R(F_FLAGS), R(F_CMD), R(F_APP), R(F_HBH), R(F_E2E), NULL,
};

const struct st_proto st_proto_diameter = {
	.name = "diameter",
	.ws = "diameter",
	.title = "Diameter Protocol",
	.rfc = "RFC 6733",
	.role = ST_ROLE_APP,
	.fields = diam_fields,
	.nfields = F_NDIAM,
	.more = avp_fields,
	.nmore = NFIELDS(avp_fields),
	.decode = diam_decode,
	.binds = diam_binds,
	.nbinds = NFIELDS(diam_binds),
	.pdu_len = diam_pdu_len,
	.summary = diam_summary,
	.keys = diam_keys,
	.color = "\033[35m",
	.explain_bits = 160,
	.explain = "Authentication, authorization and accounting between "
	    "peers (RFC 6733), RADIUS's successor, over TCP or SCTP port "
	    "3868.  Every message is a request (R set) or its answer, with "
	    "the same command code (257 Capabilities-Exchange opens a "
	    "connection, 280 Device-Watchdog keeps it alive, 271 "
	    "Accounting) and the same hop-by-hop identifier, which each hop "
	    "rewrites, and end-to-end identifier, which only the origin "
	    "sets.  P: a proxy may handle it; E: the answer reports an "
	    "error; T: it may be a retransmission.  The body is a list of "
	    "AVPs (attribute-value pairs): a 32-bit code, flags (V: a "
	    "vendor ID follows and the code is that vendor's; M: the "
	    "receiver must understand it), a length that counts the header "
	    "and data but not the padding to 4 bytes, and the data, typed "
	    "by the code: a UTF-8 name (Origin-Host), a number "
	    "(Result-Code, 2001 success), an address, a time, or more AVPs "
	    "(a Grouped AVP).",
};
