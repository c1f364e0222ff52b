/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * STUN, Session Traversal Utilities for NAT (RFC 8489, RFC 5389; UDP and
 * TCP 3478): a host behind a NAT asks a server which address and port its
 * request came from; ICE (RFC 8445) sends the same messages between peers
 * to check candidate paths, and TURN (RFC 8656) extends it with relays.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Magic Cookie (0x2112A442)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Transaction ID (96 bits)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The type's 14 bits interleave a class (request, indication, success or
 * error response: bits 0x0110) with a method (binding, TURN's allocate and
 * the rest: the other twelve).  Attributes follow as type (16), length
 * (16), value padded to 4 bytes.  One layer per message; on TCP several
 * may share a segment.
 */
#include <string.h>
#include <zlib.h>
#include <arpa/inet.h>

#include "strata/out.h"
#include "fields.h"

#define STUN_COOKIE	0x2112a442u
#define STUN_ATTRS	64		/* attributes per message */
#define STUN_TEXT	256		/* bytes of a text shown */

/* The header's rows (stun_fields), then the attributes' (stun_more). */
enum { F_TYPE, F_CLASS, F_METHOD, F_MASSIGN, F_LEN, F_COOKIE, F_ID,
	F_NETVER, F_ATTR, F_ATYPE, F_UTYPE, F_ACOMP, F_AASSIGN, F_ALEN,
	F_RESERVED, F_FAMILY, F_PORT, F_IPV4, F_IPV6, F_XPORT, F_XIPV4,
	F_XIPV6, F_XADDR4, F_XADDR6,
	F_USERNAME, F_HMAC, F_CRC, F_CRCSTATUS, F_ECLASS, F_ECODE, F_REASON,
	F_SOFTWARE, F_PRIORITY, F_TIEBREAK, F_VALUE, F_PADDING, F_N };

static const struct st_valname class_names[] = {
	{ 0x00, "Request" }, { 0x01, "Indication" },
	{ 0x10, "Success Response" }, { 0x11, "Error Response" },
	{ 0, NULL }
};

/* Methods by their number (the type's bits 0x3eef put together). */
static const struct st_valname method_names[] = {
	{ 0x001, "Binding" }, { 0x002, "SharedSecret" }, { 0x003, "Allocate" },
	{ 0x004, "Refresh" }, { 0x006, "Send" }, { 0x007, "Data" },
	{ 0x008, "CreatePermission" }, { 0x009, "ChannelBind" },
	{ 0x00a, "Connect" }, { 0x00b, "ConnectionBind" },
	{ 0x00c, "ConnectionAttempt" }, { 0, NULL }
};

/* The attributes Wireshark knows too (it names no type it does not). */
static const struct st_valname attr_names[] = {
	{ 0x0001, "MAPPED-ADDRESS" }, { 0x0002, "RESPONSE-ADDRESS" },
	{ 0x0003, "CHANGE-REQUEST" }, { 0x0004, "SOURCE-ADDRESS" },
	{ 0x0005, "CHANGED-ADDRESS" }, { 0x0006, "USERNAME" },
	{ 0x0008, "MESSAGE-INTEGRITY" }, { 0x0009, "ERROR-CODE" },
	{ 0x000a, "UNKNOWN-ATTRIBUTES" }, { 0x000c, "CHANNEL-NUMBER" },
	{ 0x000d, "LIFETIME" }, { 0x0012, "XOR-PEER-ADDRESS" },
	{ 0x0013, "DATA" }, { 0x0014, "REALM" }, { 0x0015, "NONCE" },
	{ 0x0016, "XOR-RELAYED-ADDRESS" },
	{ 0x0017, "REQUESTED-ADDRESS-FAMILY" }, { 0x0018, "EVEN-PORT" },
	{ 0x0019, "REQUESTED-TRANSPORT" }, { 0x001a, "DONT-FRAGMENT" },
	{ 0x001c, "MESSAGE-INTEGRITY-SHA256" },
	{ 0x001d, "PASSWORD-ALGORITHM" }, { 0x001e, "USERHASH" },
	{ 0x0020, "XOR-MAPPED-ADDRESS" }, { 0x0022, "RESERVATION-TOKEN" },
	{ 0x0024, "PRIORITY" },
	{ 0x0025, "USE-CANDIDATE" }, { 0x8022, "SOFTWARE" },
	{ 0x8023, "ALTERNATE-SERVER" }, { 0x8028, "FINGERPRINT" },
	{ 0x8029, "ICE-CONTROLLED" }, { 0x802a, "ICE-CONTROLLING" },
	{ 0, NULL }
};

static const struct st_valname family_names[] = {
	{ 1, "IPv4" }, { 2, "IPv6" }, { 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 300, "Try Alternate" }, { 400, "Bad Request" },
	{ 401, "Unauthenticated" }, { 403, "Forbidden" },
	{ 420, "Unknown Attribute" }, { 437, "Allocation Mismatch" },
	{ 438, "Stale Nonce" }, { 441, "Wrong Credentials" },
	{ 442, "Unsupported Transport Protocol" },
	{ 486, "Allocation Quota Reached" }, { 487, "Role Conflict" },
	{ 500, "Server Error" }, { 508, "Insufficient Capacity" },
	{ 0, NULL }
};

#define A(n, l, w, f)	FD(NULL, "stun.att." n, l, 0, w, f)

static const struct st_field_desc stun_fields[F_ATTR] = {
	[F_TYPE] = FD("type", "stun.type", "Message type", 0, 16, ST_FMT_HEX),
	/* The class and the method are the type's bits 0x0110 and 0x3eef,
	 * not contiguous: placed over the span of their bits. */
	[F_CLASS] = FDDN(NULL, "stun.type.class", "Message class (the type's "
	    "bits 0x0110, shifted 4)", 7, 5, ST_FMT_HEX, class_names),
	[F_METHOD] = FDD(NULL, "stun.type.method", "Message method (the "
	    "type's bits 0x3eef)", 2, 14, ST_FMT_HEX),
	[F_MASSIGN] = FDD(NULL, "stun.type.method-assignment", "Method "
	    "assignment (0 IETF review, 1 designated expert)", 2, 1,
	    ST_FMT_HEX),
	[F_LEN] = FD("length", "stun.length", "Message length (after the "
	    "header)", 16, 16, ST_FMT_DEC),
	[F_COOKIE] = FD(NULL, "stun.cookie", "Magic cookie", 32, 32,
	    ST_FMT_BYTES),
	[F_ID] = FD(NULL, "stun.id", "Transaction ID", 64, 96, ST_FMT_BYTES),
	[F_NETVER] = FDG("stun.network_version", "STUN network version (3: "
	    "RFC 5389 and later, with the magic cookie)", ST_FMT_DEC, NULL),
};

/* The attributes' rows (offsets from an attribute's start). */
static const struct st_field_desc stun_more[F_N - F_ATTR] = {
	[F_ATTR - F_ATTR] = FDN(NULL, "stun.attribute", "Attribute", 0, 16,
	    ST_FMT_HEX, attr_names),
	[F_ATYPE - F_ATTR] = FDN(NULL, "stun.att.type", "Attribute type", 0,
	    16, ST_FMT_HEX, attr_names),
	[F_UTYPE - F_ATTR] = FD(NULL, "strata.stun.att.unknown_type",
	    "Attribute type (one Wireshark does not know)", 0, 16,
	    ST_FMT_HEX),
	[F_ACOMP - F_ATTR] = FDD(NULL, "stun.att.type.comprehension",
	    "Comprehension optional (0: a receiver must understand it)", 0,
	    1, ST_FMT_HEX),
	[F_AASSIGN - F_ATTR] = FDD(NULL, "stun.att.type.assignment",
	    "Attribute assignment (0 IETF review, 1 designated expert)", 1,
	    1, ST_FMT_HEX),
	[F_ALEN - F_ATTR] = FD(NULL, "stun.att.length", "Attribute length", 16,
	    16, ST_FMT_DEC),
	[F_RESERVED - F_ATTR] = A("reserved", "Reserved", 0, ST_FMT_BYTES),
	[F_FAMILY - F_ATTR] = FDN(NULL, "stun.att.family", "Address family", 0,
	    8, ST_FMT_HEX, family_names),
	[F_PORT - F_ATTR] = A("port", "Port", 16, ST_FMT_DEC),
	[F_IPV4 - F_ATTR] = A("ipv4", "IPv4 address", 32, ST_FMT_IPV4),
	[F_IPV6 - F_ATTR] = A("ipv6", "IPv6 address", 128, ST_FMT_IPV6),
	[F_XPORT - F_ATTR] = A("port-xord", "Port (XOR'd with the cookie)", 0,
	    ST_FMT_BYTES),
	[F_XIPV4 - F_ATTR] = A("ipv4-xord",
	    "IPv4 address (XOR'd with the cookie)", 0, ST_FMT_BYTES),
	[F_XIPV6 - F_ATTR] = A("ipv6-xord",
	    "IPv6 address (XOR'd with the cookie and transaction ID)", 0,
	    ST_FMT_BYTES),
	/* An XOR'd address put back: text, as its bytes are not the wire's. */
	[F_XADDR4 - F_ATTR] = A("ipv4", "IPv4 address", 0, ST_FMT_TEXT),
	[F_XADDR6 - F_ATTR] = A("ipv6", "IPv6 address", 0, ST_FMT_TEXT),
	[F_USERNAME - F_ATTR] = A("username", "Username", 0, ST_FMT_TEXT),
	[F_HMAC - F_ATTR] = A("hmac", "HMAC-SHA1", 0, ST_FMT_BYTES),
	[F_CRC - F_ATTR] = FDX(NULL, "stun.att.crc32",
	    "Fingerprint (CRC-32 XOR 0x5354554e)", 0, 32, ST_FMT_HEX, 0, 0,
	    ST_DF_CKSUM, 0, NULL),
	[F_CRCSTATUS - F_ATTR] = FDGS("stun.att.crc32.status",
	    "Fingerprint status"),
	[F_ECLASS - F_ATTR] = A("error.class", "Error class (hundreds)", 8,
	    ST_FMT_DEC),
	[F_ECODE - F_ATTR] = A("error", "Error number (modulo 100)", 8,
	    ST_FMT_DEC),
	[F_REASON - F_ATTR] = A("error.reason", "Reason phrase", 0,
	    ST_FMT_TEXT),
	[F_SOFTWARE - F_ATTR] = A("software", "Software", 0, ST_FMT_TEXT),
	[F_PRIORITY - F_ATTR] = A("priority", "Priority", 32, ST_FMT_DEC),
	[F_TIEBREAK - F_ATTR] = A("tie-breaker", "Tie breaker", 0,
	    ST_FMT_BYTES),
	[F_VALUE - F_ATTR] = FD(NULL, "stun.value", "Value", 0, 0,
	    ST_FMT_BYTES),
	[F_PADDING - F_ATTR] = A("padding", "Padding (bytes)", 16, ST_FMT_DEC),
};

#define R(f)	((f) < F_ATTR ? &stun_fields[f] : &stun_more[(f) - F_ATTR])

/* A field of row f over n bytes at byte at of the message, with value v
 * (computed: a method, an address XOR'd back). */
static struct st_field *
val(struct st_dctx *d, struct st_cur *c, int f, size_t at, size_t n,
    uint64_t v)
{
	if (!st_cur_need(c, at + n))
		return NULL;
	return st_pkt_add_field(d->pkt, R(f), (uint32_t)((c->off + at) * 8),
	    (uint32_t)(n * 8), v);
}

/* A text row f from n bytes at at, as tshark shows an ASCII string. */
static void
text(struct st_dctx *d, struct st_cur *c, int f, size_t at, size_t n)
{
	struct st_cur t = *c;
	const uint8_t *p;
	char buf[STUN_TEXT * 4 + 8];

	if (!st_cur_skip(&t, at) || (p = st_get_bytes(&t, n)) == NULL)
		return;
	st_escape_ascii(p, n < STUN_TEXT ? n : STUN_TEXT, buf, sizeof(buf));
	st_dtext(d, c, R(f), at, n, buf);
}

/* n bytes big-endian at at (n <= 8), the cursor checked by the caller. */
static uint64_t
get(struct st_cur *c, size_t at, unsigned n)
{
	return st_peek_bits(c, at * 8, n * 8);
}

/*
 * (XOR-)MAPPED-ADDRESS at at, n bytes: reserved, family, port, address;
 * XOR'd ones (xor) also as the bytes on the wire, the port with the
 * cookie's top half, an IPv4 address with the cookie, an IPv6 one with
 * the cookie and the transaction ID.
 */
static void
address(struct st_dctx *d, struct st_cur *c, size_t at, size_t n, int xor)
{
	unsigned fam, i;
	uint8_t a[16];
	char text[INET6_ADDRSTRLEN];

	if (n < 4)
		return;
	fam = (unsigned)get(c, at + 1, 1);
	st_dbytes(d, c, R(F_RESERVED), at, 1);
	st_dbytes(d, c, R(F_FAMILY), at + 1, 1);
	if (xor) {
		st_dbytes(d, c, R(F_XPORT), at + 2, 2);
		val(d, c, F_PORT, at + 2, 2, get(c, at + 2, 2) ^
		    (STUN_COOKIE >> 16));
	} else
		st_dbytes(d, c, R(F_PORT), at + 2, 2);
	if (fam == 1 && n >= 8) {
		if (!xor) {
			st_dbytes(d, c, R(F_IPV4), at + 4, 4);
			return;
		}
		st_dbytes(d, c, R(F_XIPV4), at + 4, 4);
		for (i = 0; i < 4; i++)
			a[i] = (uint8_t)(get(c, at + 4 + i, 1) ^ get(c, 4 + i,
			    1));
		if (c->err == ST_OK && inet_ntop(AF_INET, a, text,
		    sizeof(text)) != NULL)
			st_dtext(d, c, R(F_XADDR4), at + 4, 4, text);
	} else if (fam == 2 && n >= 20) {
		if (!xor) {
			st_dbytes(d, c, R(F_IPV6), at + 4, 16);
			return;
		}
		st_dbytes(d, c, R(F_XIPV6), at + 4, 16);
		for (i = 0; i < 16; i++)	/* cookie, transaction ID */
			a[i] = (uint8_t)(get(c, at + 4 + i, 1) ^ get(c, 4 + i,
			    1));
		if (c->err == ST_OK && inet_ntop(AF_INET6, a, text,
		    sizeof(text)) != NULL)
			st_dtext(d, c, R(F_XADDR6), at + 4, 16, text);
	}
}

/* FINGERPRINT: CRC-32 of the message up to it, XOR 0x5354554e. */
static void
fingerprint(struct st_dctx *d, struct st_cur *c, size_t at)
{
	struct st_cur t = *c;
	const uint8_t *p;
	struct st_field *f;
	uint32_t want, got;

	if ((p = st_get_bytes(&t, at + 4)) == NULL)
		return;
	got = (uint32_t)get(c, at, 4);
	want = (uint32_t)crc32(0L, p, (uInt)(at - 4)) ^ 0x5354554eu;
	f = st_dbytes(d, c, R(F_CRC), at, 4);
	if (f != NULL) {
		f->ck = got == want ? ST_CK_GOOD : ST_CK_BAD;
		f->aux = want;
		if (got != want)
			d->pkt->nbadck++;
	}
	st_dgen(d, R(F_CRCSTATUS), got == want ? ST_CK_GOOD : ST_CK_BAD);
}

/* The value of an attribute of this type, n bytes at at. */
static void
attribute(struct st_dctx *d, struct st_cur *c, unsigned type, size_t at,
    size_t n)
{
	unsigned ec;

	switch (type) {
	case 0x0001: case 0x0020:
		address(d, c, at, n, type == 0x0020);
		break;
	case 0x0006:
		text(d, c, F_USERNAME, at, n);
		break;
	case 0x0008:
		st_dbytes(d, c, R(F_HMAC), at, n);
		break;
	case 0x0009:
		if (n < 4)
			break;
		ec = (unsigned)get(c, at + 2, 1);
		st_dbytes(d, c, R(F_RESERVED), at, 2);
		val(d, c, F_ECLASS, at + 2, 1, ec & 7);
		st_dbytes(d, c, R(F_ECODE), at + 3, 1);
		if (n > 4)
			text(d, c, F_REASON, at + 4, n - 4);
		break;
	case 0x8022:
		text(d, c, F_SOFTWARE, at, n);
		break;
	case 0x0024:
		if (n == 4)
			st_dbytes(d, c, R(F_PRIORITY), at, 4);
		break;
	case 0x0025:			/* USE-CANDIDATE: no value */
		break;
	case 0x8028:
		if (n == 4)
			fingerprint(d, c, at);
		break;
	case 0x8029: case 0x802a:	/* ICE-CONTROLLED, -CONTROLLING */
		st_dbytes(d, c, R(F_TIEBREAK), at, n);
		break;
	default:
		if (n > 0)
			st_dbytes(d, c, R(F_VALUE), at, n);
	}
}

/* Whether the 20 bytes at c are a STUN header with the magic cookie and
 * a length in words; sets *len. */
static int
stun_head(struct st_cur *c, size_t *len)
{
	if (st_cur_left(c) < 20)
		return 0;
	*len = (size_t)st_peek_bits(c, 16, 16);
	return st_peek_bits(c, 0, 2) == 0 && st_peek_bits(c, 32, 32) ==
	    STUN_COOKIE && *len % 4 == 0;
}

static int
stun_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, end, at, n;
	unsigned type, i;
	uint64_t t;

	d->hdr = left;
	d->plen = 0;
	if (!stun_head(c, &len)) {
		/* Without the magic cookie it is not RFC 5389's STUN (tshark
		 * calls it classic STUN, or TURN channel data). */
		if (left >= 20 || (left >= 8 && st_peek_bits(c, 32, 32) !=
		    STUN_COOKIE) || (left > 0 && st_peek_bits(c, 0, 2) != 0))
			return ST_ENOTME;
		st_dfields(d, c, stun_fields, F_ID + 1);
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "a header of %zu bytes", left);
	}
	t = st_peek_bits(c, 0, 16);
	st_dfields(d, c, R(F_TYPE), 1);
	st_pkt_add_field(d->pkt, R(F_CLASS), (uint32_t)(c->off * 8 + 7), 5,
	    (t & 0x0110) >> 4);
	st_pkt_add_field(d->pkt, R(F_METHOD), (uint32_t)(c->off * 8 + 2), 14,
	    t & 0x3eef);
	st_dfields(d, c, R(F_MASSIGN), F_ID - F_MASSIGN + 1);
	st_dgen(d, R(F_NETVER), 3);
	end = 20 + len < left ? 20 + len : left;
	for (at = 20, i = 0; i < STUN_ATTRS && at + 4 <= end; i++) {
		type = (unsigned)get(c, at, 2);
		n = (size_t)get(c, at + 2, 2);
		if (st_valname(attr_names, type) != NULL) {
			val(d, c, F_ATTR, at, 4 + n < end - at ? 4 + n :
			    end - at, type);
			st_dbytes(d, c, R(F_ATYPE), at, 2);
			st_dfields_at(d, c, at, R(F_ACOMP), 2);
		} else
			st_dbytes(d, c, R(F_UTYPE), at, 2);
		st_dbytes(d, c, R(F_ALEN), at + 2, 2);
		if (at + 4 + n > 20 + len) {
			d->hdr = end;
			return st_dmalformed(d, "attribute %#06x of %zu bytes "
			    "runs past the message", type, n);
		}
		if (at + 4 + n > end)
			break;			/* cut by the capture */
		attribute(d, c, type, at + 4, n);
		at += 4 + n;
		if (n % 4 != 0) {
			val(d, c, F_PADDING, at, 4 - n % 4, 4 - n % 4);
			at += 4 - n % 4;
		}
	}
	d->hdr = end;
	if (20 + len > left) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "message length %zu runs past the "
		    "bytes (%zu)", len, left - 20);
	}
	d->plen = left - end;		/* on TCP, another message */
	if (d->plen > 0)
		d->next = d->ly->proto;
	return ST_OK;
}

/*
 * By content, as Wireshark's STUN heuristic (on by default, UDP and
 * TCP): the two top bits clear, the magic cookie, and a length that is
 * exactly what follows the header.
 */
static int
stun_heuristic(struct st_cur *c)
{
	size_t len;

	return stun_head(c, &len) && st_cur_left(c) == 20 + len;
}

/* @reasm */
/* A message is its 20-byte header and its length. */
static size_t
stun_pdu_len(struct st_cur *c)
{
	size_t len, left = st_cur_left(c);

	if (left < 20) {
		if (left > 0 && st_peek_bits(c, 0, 2) != 0)
			return 0;
		return ST_PDU_MORE;
	}
	return stun_head(c, &len) ? 20 + len : 0;
}

static const struct st_bind stun_binds[] = {
	{ ST_KEY_UDPPORT, 3478 },
	{ ST_KEY_TCPPORT, 3478 },
};

/* "stun Binding Request user alice:bob", "stun Binding Success Response
 * 198.51.100.7:40001", "stun Binding Error Response 401 Unauthorized". */
static int
stun_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_N], *a;
	const char *m;
	unsigned t, method, cls;

	st_ly_fields(s->pkt, ly, stun_fields, F_ATTR, f);
	st_ly_fields(s->pkt, ly, stun_more, F_N - F_ATTR, f + F_ATTR);
	if (f[F_TYPE] == NULL)
		return 0;
	t = (unsigned)f[F_TYPE]->val;
	method = (t & 0xf) | (t >> 1 & 0x70) | (t >> 2 & 0xf80);
	cls = (t & 0x0110) >> 4;
	st_out_puts(s->o, "stun ");
	if ((m = st_valname(method_names, method)) != NULL)
		st_out_puts(s->o, m);
	else
		st_out_printf(s->o, "method %#x", method);
	st_out_printf(s->o, " %s", st_valname(class_names, cls));
	if (f[F_USERNAME] != NULL) {
		st_out_puts(s->o, " user ");
		s->value(s, f[F_USERNAME]);
	}
	if ((a = f[F_XADDR4]) != NULL || (a = f[F_XADDR6]) != NULL ||
	    (a = f[F_IPV4]) != NULL || (a = f[F_IPV6]) != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, a);
		if (f[F_PORT] != NULL)
			st_out_printf(s->o, " port %u",
			    (unsigned)f[F_PORT]->val);
	}
	if (f[F_ECLASS] != NULL && f[F_ECODE] != NULL) {
		t = (unsigned)(f[F_ECLASS]->val * 100 + f[F_ECODE]->val);
		st_out_printf(s->o, " error %u", t);
		if ((m = st_valname(error_names, t)) != NULL)
			st_out_printf(s->o, " (%s)", m);
	}
	return 1;
}

static const struct st_field_desc *const stun_keys[] = {
	R(F_TYPE), R(F_LEN), R(F_ID), NULL,
};

const struct st_proto st_proto_stun = {
	.name = "stun",
	.ws = "stun",
	.title = "Session Traversal Utilities for NAT",
	.rfc = "RFC 8489",
	.role = ST_ROLE_APP,
	.fields = stun_fields,
	.nfields = F_ATTR,
	.more = stun_more,
	.nmore = F_N - F_ATTR,
	.decode = stun_decode,
	.binds = stun_binds,
	.nbinds = NFIELDS(stun_binds),
	.heuristic = stun_heuristic,
	/* @reasm */
	.pdu_len = stun_pdu_len,
	.summary = stun_summary,
	.keys = stun_keys,
	.color = "\033[36m",
	.explain_bits = 160,
	.explain = "A host behind a NAT sends a STUN Binding Request to a "
	    "server; the Success Response carries XOR-MAPPED-ADDRESS, the "
	    "address and port the request came from as the server saw it "
	    "(XOR'd with the magic cookie so that NATs rewriting addresses "
	    "in payloads leave it alone).  WebRTC's ICE sends the same "
	    "requests between the two peers, with USERNAME, PRIORITY, "
	    "ICE-CONTROLLING or ICE-CONTROLLED and USE-CANDIDATE, signed by "
	    "MESSAGE-INTEGRITY (an HMAC-SHA1 over the message, keyed with "
	    "the password exchanged in SDP) and ended by FINGERPRINT (a "
	    "CRC-32 XOR 0x5354554e that tells STUN from other traffic on "
	    "the same port).  The transaction ID pairs a response with its "
	    "request; TURN's Allocate, Refresh and Send use the same "
	    "header to run a relay.",
};
