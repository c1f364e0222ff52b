/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6's messages beyond errors, echoes and neighbour discovery:
 * icmpv6.c's companion.
 *
 * Node information (RFC 4620, types 139 query and 140 reply):
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Qtype              |       unused      |G|S|L|C|A|T|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Nonce (64)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              Data: a query's subject (by its code), a reply's  |
 * |              answer (by the qtype)                             |
 *
 * Mobile IPv6's home agent discovery and mobile prefix messages (RFC
 * 6275 6.5-6.8, types 144-147), multicast router discovery (RFC 4286,
 * types 151-153) and the extended echo (RFC 8335, types 160 and 161: an
 * identifier, an 8-bit sequence number, the request's L bit or the
 * reply's state and A, 4 and 6 bits; the request's interface
 * identification object follows as ICMP's extension structure).
 */
#include <arpa/inet.h>
#include <string.h>

#include "icmpv6.h"

enum { N_QTYPE, N_FLAG, N_G, N_S, N_L, N_C, N_A, N_T, N_RSV, N_NONCE,
	N_SUBJ6, N_SUBJFQDN, N_SUBJ4, N_TTL, N_NAME, N_ADDR6, N_ADDR4,
	P_ID, P_RES, P_HA, P_FLAG, P_M, P_O, P_RSV,
	R_QI, R_RV,
	X_SEQ, X_REQRES, X_LOCAL, X_STATE, X_RRES, X_ACT, X_V4, X_V6, MSG_NF };

static const struct st_valname qtype_names[] = {
	{ 0, "NOOP" }, { 1, "unused" }, { 2, "node name" },
	{ 3, "node addresses" }, { 4, "IPv4 addresses" }, { 0, NULL }
};

static const struct st_field_desc msg_fields[MSG_NF] = {
	FDN(NULL, "icmpv6.ni.qtype", "Qtype", 32, 16, ST_FMT_DEC, qtype_names),
	FD(NULL, "icmpv6.ni.flag", "Flags", 48, 16, ST_FMT_HEX),
	FDD(NULL, "icmpv6.ni.flag.g", "Global-scope addresses", 58, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ni.flag.s", "Site-local addresses", 59, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ni.flag.l", "Link-local addresses", 60, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ni.flag.c", "IPv4-compatible addresses", 61, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ni.flag.a", "All unicast addresses", 62, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ni.flag.t", "Truncated", 63, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ni.flag.rsv", "Reserved", 48, 10, ST_FMT_HEX),
	FD(NULL, "icmpv6.ni.nonce", "Nonce", 64, 64, ST_FMT_HEX),
	FD(NULL, "icmpv6.ni.query.subject_ipv6", "IPv6 subject address", 128,
	    128, ST_FMT_IPV6),
	FD(NULL, "icmpv6.ni.query.subject_fqdn", "FQDN subject", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "icmpv6.ni.query.subject_ipv4", "IPv4 subject address", 128,
	    32, ST_FMT_IPV4),
	FD(NULL, "icmpv6.ni.reply.node_ttl", "TTL", 0, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.ni.reply.node_name", "Node name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "icmpv6.ni.reply.node_address", "IPv6 node address", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.ni.reply.ipv4_address", "IPv4 node address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "icmpv6.mip6.identifier", "Identifier", 32, 16, ST_FMT_DEC),
	FD(NULL, st_icmpv6_reserved, "Reserved", 48, 16, ST_FMT_BYTES),
	FD(NULL, "icmpv6.mip6.home_agent_address", "Home agent address", 0,
	    128, ST_FMT_IPV6),
	FD(NULL, "icmpv6.mip6.flag", "Flags", 48, 16, ST_FMT_HEX),
	FDD(NULL, "icmpv6.mip6.flag.m", "Managed address configuration", 48,
	    1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.mip6.flag.o", "Other stateful configuration", 49,
	    1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.mip6.flag.rsv", "Reserved", 50, 14, ST_FMT_DEC),
	FD(NULL, "icmpv6.mcast_ra.query_interval", "Query interval (s)", 32,
	    16, ST_FMT_DEC),
	FD(NULL, "icmpv6.mcast_ra.robustness_variable", "Robustness "
	    "variable", 48, 16, ST_FMT_DEC),
	FD(NULL, "icmpv6.ext.echo.seq", "Sequence number", 48, 8, ST_FMT_DEC),
	FDD(NULL, "icmpv6.ext.echo.req.res", "Reserved", 56, 7, ST_FMT_HEX),
	FDD(NULL, "icmpv6.ext.echo.req.local", "Local", 63, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ext.echo.rsp.state", "State", 56, 3, ST_FMT_DEC),
	FDD(NULL, "icmpv6.ext.echo.rsp.res", "Reserved", 59, 2, ST_FMT_HEX),
	FDD(NULL, "icmpv6.ext.echo.rsp.active", "Active", 61, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ext.echo.rsp.ipv4", "IPv4", 62, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.ext.echo.rsp.ipv6", "IPv6", 63, 1, ST_FMT_BOOL),
};

/*
 * A domain name in DNS wire form (labels, no compression) at byte pos of
 * the n-byte message at c, as text; RFC 4620 ends a single-label name
 * with a second zero.  Returns the bytes it takes (at least 1), or 0 when
 * a label runs past the message or the capture.
 */
static size_t
ni_name(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t pos, size_t n)
{
	char name[256], text[4 * 256];
	size_t at = pos, k = 0;
	unsigned lab;

	while (at < n && st_cur_left(c) > at) {
		lab = c->base[c->off + at];
		if (lab == 0)
			break;
		if (lab > 63 || at + 1 + lab > n || st_cur_left(c) < at + 1 +
		    lab || k + lab + 1 >= sizeof(name))
			return 0;
		if (k > 0)
			name[k++] = '.';
		memcpy(name + k, c->base + c->off + at + 1, lab);
		k += lab;
		at += 1 + lab;
	}
	if (at >= n || st_cur_left(c) <= at)
		return 0;
	at++;			/* the root label */
	st_escape((const uint8_t *)name, k, text, sizeof(text));
	st_dtext(d, c, fd, pos, at - pos, k > 0 ? text : "<Root>");
	return at - pos;
}

/*
 * A node information query or reply of n bytes at c (type 139 or 140):
 * qtype, flags, nonce, then the query's subject by its code or the
 * reply's answers by the qtype (names to the first zero byte; TTL and
 * address pairs to the end).
 */
static void
ni(struct st_dctx *d, struct st_cur *c, unsigned type, unsigned code,
    size_t n)
{
	unsigned qtype;
	size_t pos = 16, k;

	if (st_dfields(d, c, msg_fields + N_QTYPE, N_SUBJ6 - N_QTYPE) !=
	    ST_OK || n <= 16)
		return;
	qtype = (unsigned)st_peek_bits(c, 32, 16);
	if (type == 139) {
		if (code == 0)
			st_dfield(d, c, &msg_fields[N_SUBJ6]);
		else if (code == 1 && ni_name(d, c, &msg_fields[N_SUBJFQDN],
		    16, n) == 0)
			st_dmalformed(d, "subject name runs past the message");
		else if (code == 2)
			st_dfield(d, c, &msg_fields[N_SUBJ4]);
		return;
	}
	if (qtype == 2) {
		st_dfields_at(d, c, pos, msg_fields + N_TTL, 1);
		/* Each name moves pos on by at least one byte. */
		for (pos += 4; pos < n && st_cur_left(c) > pos &&
		    c->base[c->off + pos] != 0; pos += k)
			if ((k = ni_name(d, c, &msg_fields[N_NAME], pos, n)) ==
			    0) {
				st_dmalformed(d, "node name runs past the "
				    "message");
				return;
			}
	} else if (qtype == 3 || qtype == 4) {
		k = qtype == 3 ? 20 : 8;
		for (; pos < n && c->err == ST_OK; pos += k) {
			if (pos + k > n) {
				st_dmalformed(d, "address record cut short");
				return;
			}
			st_dfields_at(d, c, pos, msg_fields + N_TTL, 1);
			st_dfields_at(d, c, pos, msg_fields + (qtype == 3 ?
			    N_ADDR6 : N_ADDR4), 1);
		}
	}
}

size_t
icmpv6_msg(struct st_dctx *d, struct st_cur *c, unsigned type,
    unsigned code, size_t n, size_t *opts)
{
	size_t pos;

	*opts = 0;
	switch (type) {
	case 139:
	case 140:
		ni(d, c, type, code, n);
		return n;
	case 144:
	case 146:
		st_dfields(d, c, msg_fields + P_ID, 2);
		return 8;
	case 145:
		st_dfields(d, c, msg_fields + P_ID, 2);
		/* The home agents' addresses, to the end. */
		for (pos = 8; pos + 16 <= n && c->err == ST_OK; pos += 16)
			st_dfields_at(d, c, pos, msg_fields + P_HA, 1);
		return n;
	case 147:
		st_dfields(d, c, msg_fields + P_ID, 1);
		st_dfields(d, c, msg_fields + P_FLAG, 4);
		*opts = 8;
		return 8;
	case 151:
		st_dfields(d, c, msg_fields + R_QI, 2);
		return 8;
	case 152:
	case 153:
		return 4;
	case 160:
		st_dfield(d, c, &st_icmpv6_fields[F_ID]);
		st_dfields(d, c, msg_fields + X_SEQ, 3);
		return 8;
	case 161:
		st_dfield(d, c, &st_icmpv6_fields[F_ID]);
		st_dfield(d, c, &msg_fields[X_SEQ]);
		st_dfields(d, c, msg_fields + X_STATE, 5);
		return n;
	}
	return 0;
}
