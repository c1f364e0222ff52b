/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HNCP, the Home Networking Control Protocol (RFC 7788; UDP 8231), a
 * profile of DNCP (RFC 7787): the routers of a home network flood their
 * state to each other as TLVs, and agree from it on prefixes, addresses
 * and names.  A datagram is TLVs only:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Type              |            Length             |
 * |                 Value (padded to 4 bytes) ...                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * DNCP's TLVs (1 to 10) with HNCP's 4-byte node identifiers and 8-byte
 * hashes, and HNCP's own (32 to 43); a Node State carries the node's data
 * as TLVs, and the External Connection, prefix, address, name and PSK
 * TLVs may carry TLVs after their fields: nesting is bounded.  tshark
 * has no HNCP dissector, so every field is strata's own.
 */
#include <arpa/inet.h>

#include "strata/out.h"
#include "fields.h"

#define HNCP_MAXTLV	256	/* TLVs in a datagram, all levels */
#define HNCP_DEPTH	4	/* levels of nesting */

enum { T_TYPE, T_LEN, T_VALUE, T_PAD,
	V_NID, V_EPID, V_HASH, V_SEQ, V_MS, V_PEPID, V_LEPID, V_IVAL,
	V_VERDICT, V_FPR, V_CNAME,
	V_CAPS, V_M, V_P, V_H, V_L, V_AGENT,
	V_VALID, V_PREF, V_PLEN, V_PREFIX, V_PRTY, V_ADDR, V_ZFLAGS, V_ZONE,
	V_DOMAIN, V_NLEN, V_NAME, V_PSK, V_POLICY, V_DHCP,
	F_NROWS };

static const struct st_valname tlv_names[] = {
	{ 1, "Request network state" }, { 2, "Request node state" },
	{ 3, "Node endpoint" }, { 4, "Network state" }, { 5, "Node state" },
	{ 8, "Peer" }, { 9, "Keep-alive interval" }, { 10, "Trust verdict" },
	{ 32, "HNCP version" }, { 33, "External connection" },
	{ 34, "Delegated prefix" }, { 35, "Assigned prefix" },
	{ 36, "Node address" }, { 37, "DHCPv4 data" }, { 38, "DHCPv6 data" },
	{ 39, "DNS delegated zone" }, { 40, "Domain name" },
	{ 41, "Node name" }, { 42, "Managed PSK" }, { 43, "Prefix policy" },
	{ 0, NULL }
};

static const struct st_valname verdict_names[] = {
	{ 0, "Neutral" }, { 1, "Cached positive" }, { 2, "Cached negative" },
	{ 3, "Configured positive" }, { 4, "Configured negative" },
	{ 0, NULL }
};

/* TLV rows from the TLV's start; value rows from the value's. */
static const struct st_field_desc hncp_fields[] = {
	[T_TYPE] = FDN("type", "strata.hncp.type", "TLV type", 0, 16,
	    ST_FMT_DEC, tlv_names),
	[T_LEN] = FD("len", "strata.hncp.length", "TLV length", 16, 16,
	    ST_FMT_DEC),
	[T_VALUE] = FD(NULL, "strata.hncp.value", "Value", 0, 0,
	    ST_FMT_BYTES),
	[T_PAD] = FD(NULL, "strata.hncp.padding", "Padding", 0, 0,
	    ST_FMT_BYTES),
	[V_NID] = FD(NULL, "strata.hncp.node_id", "Node identifier", 0, 32,
	    ST_FMT_HEX),
	[V_EPID] = FD(NULL, "strata.hncp.endpoint_id", "Endpoint identifier",
	    0, 32, ST_FMT_HEX),
	[V_HASH] = FD(NULL, "strata.hncp.hash", "Hash", 0, 64, ST_FMT_HEX),
	[V_SEQ] = FD(NULL, "strata.hncp.seqno", "Sequence number", 0, 32,
	    ST_FMT_DEC),
	[V_MS] = FD(NULL, "strata.hncp.ms_since_origination",
	    "Milliseconds since origination", 0, 32, ST_FMT_DEC),
	[V_PEPID] = FD(NULL, "strata.hncp.peer_endpoint_id",
	    "Peer endpoint identifier", 0, 32, ST_FMT_HEX),
	[V_LEPID] = FD(NULL, "strata.hncp.local_endpoint_id",
	    "Local endpoint identifier", 0, 32, ST_FMT_HEX),
	[V_IVAL] = FD(NULL, "strata.hncp.keepalive_interval",
	    "Keep-alive interval (ms)", 0, 32, ST_FMT_DEC),
	[V_VERDICT] = FDN(NULL, "strata.hncp.verdict", "Verdict", 0, 8,
	    ST_FMT_DEC, verdict_names),
	[V_FPR] = FD(NULL, "strata.hncp.fingerprint",
	    "Certificate fingerprint (SHA-256)", 0, 256, ST_FMT_BYTES),
	[V_CNAME] = FD(NULL, "strata.hncp.common_name", "Common name", 0, 0,
	    ST_FMT_TEXT),
	[V_CAPS] = FD(NULL, "strata.hncp.capabilities", "Capabilities", 0, 16,
	    ST_FMT_HEX),
	[V_M] = FDD(NULL, "strata.hncp.cap_m", "M (preference to be the "
	    "elected master)", 0, 4, ST_FMT_DEC),
	[V_P] = FDD(NULL, "strata.hncp.cap_p", "P (prefix delegation "
	    "server)", 4, 4, ST_FMT_DEC),
	[V_H] = FDD(NULL, "strata.hncp.cap_h", "H (hybrid proxy)", 8, 4,
	    ST_FMT_DEC),
	[V_L] = FDD(NULL, "strata.hncp.cap_l", "L (legacy DHCP)", 12, 4,
	    ST_FMT_DEC),
	[V_AGENT] = FD(NULL, "strata.hncp.user_agent", "User agent", 0, 0,
	    ST_FMT_TEXT),
	[V_VALID] = FD(NULL, "strata.hncp.valid_lifetime",
	    "Valid lifetime since origination (s)", 0, 32, ST_FMT_DEC),
	[V_PREF] = FD(NULL, "strata.hncp.preferred_lifetime",
	    "Preferred lifetime since origination (s)", 0, 32, ST_FMT_DEC),
	[V_PLEN] = FD(NULL, "strata.hncp.prefix_length", "Prefix length", 0,
	    8, ST_FMT_DEC),
	[V_PREFIX] = FD(NULL, "strata.hncp.prefix", "Prefix", 0, 0,
	    ST_FMT_TEXT),
	[V_PRTY] = FD(NULL, "strata.hncp.priority", "Priority", 4, 4,
	    ST_FMT_DEC),
	[V_ADDR] = FD(NULL, "strata.hncp.address", "IP address", 0, 128,
	    ST_FMT_IPV6),
	[V_ZFLAGS] = FD(NULL, "strata.hncp.zone_flags",
	    "Flags (L: browse-domain, B: legacy browse, S: search)", 5, 3,
	    ST_FMT_HEX),
	[V_ZONE] = FD(NULL, "strata.hncp.zone", "Zone", 0, 0, ST_FMT_TEXT),
	[V_DOMAIN] = FD(NULL, "strata.hncp.domain", "Domain", 0, 0,
	    ST_FMT_TEXT),
	[V_NLEN] = FD(NULL, "strata.hncp.name_length", "Name length", 0, 8,
	    ST_FMT_DEC),
	[V_NAME] = FD(NULL, "strata.hncp.name", "Name", 0, 0, ST_FMT_TEXT),
	[V_PSK] = FD(NULL, "strata.hncp.psk", "Pre-shared key", 0, 256,
	    ST_FMT_BYTES),
	[V_POLICY] = FD(NULL, "strata.hncp.policy_type", "Policy type", 0, 8,
	    ST_FMT_DEC),
	[V_DHCP] = FD(NULL, "strata.hncp.dhcp_options", "DHCP options", 0, 0,
	    ST_FMT_BYTES),
};

#define H(i)	(&hncp_fields[(i)])

struct hncp_walk {
	struct st_dctx	*d;
	struct st_cur	*c;		/* the datagram */
	unsigned	 ntlv;		/* TLVs seen, all levels */
};

static void hncp_tlvs(struct hncp_walk *w, size_t from, size_t end,
    unsigned depth);

/* Row r at byte off. */
static void
at(struct hncp_walk *w, size_t off, unsigned r)
{
	st_dfields_at(w->d, w->c, off, H(r), 1);
}

/* n bytes at off as printable text in field r. */
static void
text(struct hncp_walk *w, size_t off, size_t n, unsigned r)
{
	char buf[256 * 4 + 1];
	struct st_cur t = *w->c;
	const uint8_t *p;

	t.off += off;
	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL) {
		w->c->err = n == 0 ? w->c->err : t.err;
		return;
	}
	st_escape(p, n < 256 ? n : 256, buf, sizeof(buf));
	st_dtext(w->d, w->c, H(r), off, n, buf);
}

/* DNS labels in n bytes at off as a dotted name; its bytes, or 0 when
 * they do not end within n. */
static size_t
labels(struct hncp_walk *w, size_t off, size_t n, unsigned r)
{
	char name[256 * 4 + 1], part[64 * 4 + 1];
	struct st_cur t = *w->c;
	size_t pos = 0, k = 0, l;

	name[0] = '\0';
	t.off += off;
	while (pos < n) {
		l = (size_t)st_peek_bits(&t, pos * 8, 8);
		if (t.err != ST_OK || l > 63 || pos + 1 + l > n)
			return 0;
		if (l == 0) {
			st_dtext(w->d, w->c, H(r), off, pos + 1,
			    k == 0 ? "." : name);
			return pos + 1;
		}
		if (!st_cur_need(&t, pos + 1 + l))
			return 0;
		st_escape(t.base + t.off + pos + 1, l, part, sizeof(part));
		k += (size_t)snprintf(name + k, sizeof(name) - k, "%s%s",
		    k == 0 ? "" : ".", part);
		if (k >= sizeof(name))
			return 0;
		pos += 1 + l;
	}
	return 0;
}

/* A prefix of plen bits from the byte at off (an IPv6 one, IPv4 as
 * ::ffff:0:0/96); its bytes, or 0 when it runs past n. */
static size_t
prefix(struct hncp_walk *w, size_t off, size_t n, unsigned plen)
{
	uint8_t a[16] = { 0 };
	char buf[INET6_ADDRSTRLEN + 8];
	size_t nb = (plen + 7) / 8;
	struct st_cur t = *w->c;
	const uint8_t *p;

	if (plen > 128 || nb > n)
		return 0;
	t.off += off;
	if (nb > 0 && (p = st_get_bytes(&t, nb)) == NULL)
		return 0;
	if (nb > 0)
		memcpy(a, p, nb);
	inet_ntop(AF_INET6, a, buf, INET6_ADDRSTRLEN);
	snprintf(buf + strlen(buf), 8, "/%u", plen);
	st_dtext(w->d, w->c, H(V_PREFIX), off, nb, buf);
	return nb;
}

/* TLVs nested after the fields of a TLV's value: from byte k of the
 * value (rounded up to 4) at v, of n bytes. */
static void
nested(struct hncp_walk *w, size_t v, size_t k, size_t n, unsigned depth)
{
	k += (4 - k % 4) % 4;
	if (k < n)
		hncp_tlvs(w, v + k, v + n, depth + 1);
}

/* The value of a TLV of type, n bytes from byte v; 0 when its fields
 * do not fit its length (then shown as bytes). */
static int
hncp_value(struct hncp_walk *w, unsigned type, size_t v, size_t n,
    unsigned depth)
{
	unsigned plen;
	size_t k;

	switch (type) {
	case 1:
		return n == 0;
	case 2:
		if (n != 4)
			return 0;
		at(w, v, V_NID);
		return 1;
	case 3:
		if (n != 8)
			return 0;
		at(w, v, V_NID);
		at(w, v + 4, V_EPID);
		return 1;
	case 4:
		if (n != 8)
			return 0;
		at(w, v, V_HASH);
		return 1;
	case 5:
		if (n < 20)
			return 0;
		at(w, v, V_NID);
		at(w, v + 4, V_SEQ);
		at(w, v + 8, V_MS);
		at(w, v + 12, V_HASH);
		nested(w, v, 20, n, depth);
		return 1;
	case 8:
		if (n != 12)
			return 0;
		at(w, v, V_NID);
		at(w, v + 4, V_PEPID);
		at(w, v + 8, V_LEPID);
		return 1;
	case 9:
		if (n < 8)
			return 0;
		at(w, v, V_EPID);
		at(w, v + 4, V_IVAL);
		return 1;
	case 10:
		if (n <= 36)
			return 0;
		at(w, v, V_VERDICT);
		at(w, v + 4, V_FPR);
		text(w, v + 36, n - 36, V_CNAME);
		return 1;
	case 32:
		if (n < 5)
			return 0;
		for (k = V_CAPS; k <= V_L; k++)
			at(w, v + 2, (unsigned)k);
		text(w, v + 4, n - 4, V_AGENT);
		return 1;
	case 33:
		hncp_tlvs(w, v, v + n, depth + 1);
		return 1;
	case 34: case 35:
		k = type == 34 ? 8 : 5;
		if (n < k + 1)
			return 0;
		if (type == 34) {
			at(w, v, V_VALID);
			at(w, v + 4, V_PREF);
		} else {
			at(w, v, V_EPID);
			at(w, v + 4, V_PRTY);
		}
		at(w, v + k, V_PLEN);
		plen = (unsigned)st_peek_bits(w->c, (v + k) * 8, 8);
		if (w->c->err != ST_OK)
			return 1;
		if (plen > 128 || (plen + 7) / 8 > n - k - 1) {
			st_dmalformed(w->d, "a prefix of %u bits in %zu bytes",
			    plen, n - k - 1);
			return 1;
		}
		prefix(w, v + k + 1, n - k - 1, plen);
		nested(w, v, k + 1 + (plen + 7) / 8, n, depth);
		return 1;
	case 36:
		if (n < 20)
			return 0;
		at(w, v, V_EPID);
		at(w, v + 4, V_ADDR);
		nested(w, v, 20, n, depth);
		return 1;
	case 37: case 38:
		if (n == 0)
			return 0;
		st_dbytes(w->d, w->c, H(V_DHCP), v, n);
		return 1;
	case 39:
		if (n < 17)
			return 0;
		at(w, v, V_ADDR);
		at(w, v + 16, V_ZFLAGS);
		if ((k = labels(w, v + 17, n - 17, V_ZONE)) == 0 && n > 17)
			return 1;
		nested(w, v, 17 + k, n, depth);
		return 1;
	case 40:
		return n > 0 && labels(w, v, n, V_DOMAIN) > 0;
	case 41:
		if (n < 17)
			return 0;
		k = (size_t)st_peek_bits(w->c, (v + 16) * 8, 8);
		if (w->c->err != ST_OK || 17 + k > n)
			return 0;
		at(w, v, V_ADDR);
		at(w, v + 16, V_NLEN);
		text(w, v + 17, k, V_NAME);
		nested(w, v, 17 + k, n, depth);
		return 1;
	case 42:
		if (n < 32)
			return 0;
		at(w, v, V_PSK);
		nested(w, v, 32, n, depth);
		return 1;
	case 43:
		if (n < 1)
			return 0;
		at(w, v, V_POLICY);
		k = (size_t)st_peek_bits(w->c, v * 8, 8);
		if (k >= 1 && k <= 128)
			prefix(w, v + 1, n - 1, (unsigned)k);
		else if (k == 129 && n > 1)
			labels(w, v + 1, n - 1, V_DOMAIN);
		else if (k == 130 && n > 1)
			text(w, v + 1, n - 1, V_NAME);
		return 1;
	}
	return 0;
}

/* The TLVs from byte from to end; each padded to 4 bytes. */
static void
hncp_tlvs(struct hncp_walk *w, size_t from, size_t end, unsigned depth)
{
	size_t pos = from, len, pad;
	unsigned type;

	if (depth > HNCP_DEPTH) {
		st_dbytes(w->d, w->c, H(T_VALUE), from, end - from);
		st_pkt_note(w->d->pkt, "HNCP: TLVs nested too deep are "
		    "shown as bytes");
		return;
	}
	while (pos < end && w->c->err == ST_OK &&
	    w->d->ly->status == ST_LS_OK) {
		if (++w->ntlv > HNCP_MAXTLV) {
			st_pkt_note(w->d->pkt, "HNCP: more TLVs than strata "
			    "shows");
			return;
		}
		if (end - pos < 4) {
			st_dmalformed(w->d, "%zu byte(s) left, too few for a "
			    "TLV", end - pos);
			return;
		}
		at(w, pos, T_TYPE);
		at(w, pos, T_LEN);
		type = (unsigned)st_peek_bits(w->c, pos * 8, 16);
		len = (size_t)st_peek_bits(w->c, pos * 8 + 16, 16);
		if (w->c->err != ST_OK)
			return;
		if (len > end - pos - 4) {
			st_dmalformed(w->d, "TLV of %zu bytes past its end",
			    len);
			return;
		}
		if (!hncp_value(w, type, pos + 4, len, depth) && len > 0)
			st_dbytes(w->d, w->c, H(T_VALUE), pos + 4, len);
		pad = (4 - len % 4) % 4;
		if (pad > end - pos - 4 - len)
			pad = end - pos - 4 - len;
		if (pad > 0)
			st_dbytes(w->d, w->c, H(T_PAD), pos + 4 + len, pad);
		pos += 4 + len + pad;
	}
}

static int
hncp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct hncp_walk w = { d, c, 0 };
	size_t left = st_cur_left(c);

	d->plen = 0;
	d->hdr = left;
	if (left < 4)
		return st_dmalformed(d, "%zu bytes, too few for a TLV", left);
	hncp_tlvs(&w, 0, left, 0);
	if (d->ly->status != ST_LS_OK)
		return ST_EINVAL;
	return c->err;
}

static const struct st_bind hncp_binds[] = {
	{ ST_KEY_UDPPORT, 8231 },
};

/* "HNCP Node endpoint, Node state, HNCP version, ...": the first six
 * TLVs' names, in the order of their bytes (nested ones among them). */
static int
hncp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_field *f = &pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const char *name;
	unsigned n = 0;

	st_out_puts(s->o, "HNCP");
	for (; f < end && n < 6; f++) {
		if (f->desc != H(T_TYPE))
			continue;
		name = st_valname(tlv_names, (uint32_t)f->val);
		st_out_printf(s->o, "%s", n++ == 0 ? " " : ", ");
		if (name != NULL)
			st_out_puts(s->o, name);
		else
			st_out_printf(s->o, "TLV %u", (unsigned)f->val);
	}
	if (f < end)
		st_out_puts(s->o, ", ...");
	return 1;
}

static const struct st_field_desc *const hncp_keys[] = {
	H(T_TYPE), H(T_LEN), NULL,
};

const struct st_proto st_proto_hncp = {
	.name = "hncp",
	.ws = "hncp",
	.title = "Home Networking Control Protocol",
	.rfc = "RFC 7788",
	.role = ST_ROLE_CONTROL,
	.fields = hncp_fields,
	.nfields = T_VALUE,
	.more = hncp_fields + T_VALUE,
	.nmore = F_NROWS - T_VALUE,
	.decode = hncp_decode,
	.binds = hncp_binds,
	.nbinds = NFIELDS(hncp_binds),
	.summary = hncp_summary,
	.keys = hncp_keys,
	.color = "\033[35m",
	.explain = "The routers of a home network (RFC 7788, UDP port 8231, "
	    "link-local multicast ff02::11) keep one shared view of it "
	    "with DNCP (RFC 7787): each publishes its node state, a set of "
	    "TLVs with a sequence number, and all agree on a network state "
	    "hash over everyone's; a router whose hash differs asks for "
	    "what it lacks (Request network or node state).  HNCP's own "
	    "TLVs say what is published: the uplinks a router has (External "
	    "connection, with the Delegated prefixes an ISP gave it), the "
	    "prefix each link gets (Assigned prefix, chosen so that no two "
	    "overlap), router addresses, DNS zones and names.  Peers and "
	    "keep-alive intervals track the neighbours on each link.",
};
