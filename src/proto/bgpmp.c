/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BGP's multiprotocol and community path attributes: bgp.c's companion.
 *
 * MP_REACH_NLRI (14, RFC 4760): AFI (16), SAFI (8), next hop length (8),
 * next hop, number of SNPAs (8) and SNPAs (a length, that many bytes),
 * then prefixes; MP_UNREACH_NLRI (15): AFI, SAFI, withdrawn prefixes.  A
 * prefix is a length in bits, then for labelled routes (SAFI 4, 128) a
 * label stack of 3-byte entries to the bottom one, for VPN routes (SAFI
 * 128) an 8-byte route distinguisher, then the address bytes.
 *
 * EXTENDED_COMMUNITIES (16, RFC 4360): 8-byte communities of a type (the
 * top bits: IANA authority, not transitive), a subtype and a value laid
 * out by the type.  PMSI_TUNNEL (22, RFC 6514 5): flags, tunnel type, an
 * MPLS label and the tunnel's identifier.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "bgp.h"

enum { M_RAFI, M_RSAFI, M_NH, M_NHRD, M_NH4, M_NH6, M_NH6LL, M_NSNPA,
	M_SNPALEN, M_SNPA, M_REACH, M_UAFI, M_USAFI, M_UNREACH, M_PLEN, M_R4,
	M_R6, M_U4, M_U6, M_LABEL, M_RD, M_MVTYPE, M_MVLEN, M_MVNLRI,
	X_COMS, X_COM, X_TYPE, X_AUTH, X_TRAN, X_TRAS2, X_NTRAS2, X_TRIP4,
	X_NTRIP4, X_TRAS4, X_NTRAS4, X_TROPQ, X_NTROPQ, X_EVPN, X_AS2, X_AN4,
	X_IP4, X_AN2, X_AS4, X_RAW, X_MMFLAGS, X_MMSTICKY, X_MMSEQ,
	P_FLAGS, P_TYPE, P_LABEL, P_ID, P_NONE, P_RSVPID, P_RSVPTID, P_RSVPEXT,
	P_SSMROOT, P_SSMGRP, P_SMSEND, P_SMGRP, P_BIDSEND, P_BIDGRP, P_IRIP,
	MP_NF };

#define A(n) "bgp.update.path_attribute." n

static const struct st_field_desc mp_fields[MP_NF] = {
	FD(NULL, A("mp_reach_nlri.afi"), "AFI", 0, 16, ST_FMT_DEC),
	FD(NULL, A("mp_reach_nlri.safi"), "SAFI", 16, 8, ST_FMT_DEC),
	FD(NULL, A("mp_reach_nlri.next_hop"), "Next hop (with its length)",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, A("mp_reach_nlri.next_hop.rd"), "Route distinguisher", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, A("mp_reach_nlri.next_hop.ipv4"), "IPv4 address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, A("mp_reach_nlri.next_hop.ipv6"), "IPv6 address", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, A("mp_reach_nlri.next_hop.ipv6.link_local"), "Link-local "
	    "IPv6 address", 0, 128, ST_FMT_IPV6),
	FD(NULL, A("mp_reach_nlri.nbr_snpa"), "Number of SNPAs", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, A("mp_reach_nlri.snpa_length"), "SNPA length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, A("mp_reach_nlri.snpa"), "SNPA", 0, 0, ST_FMT_BYTES),
	FD(NULL, A("mp_reach_nlri"), "Reachable prefixes", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, A("mp_unreach_nlri.afi"), "AFI", 0, 16, ST_FMT_DEC),
	FD(NULL, A("mp_unreach_nlri.safi"), "SAFI", 16, 8, ST_FMT_DEC),
	FD(NULL, A("mp_unreach_nlri"), "Withdrawn prefixes", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, st_bgp_prefix_length, "Prefix length", 0, 8, ST_FMT_DEC),
	FD(NULL, "bgp.mp_reach_nlri_ipv4_prefix", "IPv4 prefix", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "bgp.mp_reach_nlri_ipv6_prefix", "IPv6 prefix", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "bgp.mp_unreach_nlri_ipv4_prefix", "IPv4 prefix", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "bgp.mp_unreach_nlri_ipv6_prefix", "IPv6 prefix", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "bgp.label_stack", "Label stack", 0, 0, ST_FMT_TEXT),
	FD(NULL, "bgp.rd", "Route distinguisher", 0, 0, ST_FMT_TEXT),
	FD(NULL, "bgp.mcast_vpn_nlri_route_type", "Route type", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "bgp.mcast_vpn_nlri_length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "bgp.mcast_vpn_nlri", "Route", 0, 0, ST_FMT_BYTES),
	FD(NULL, "bgp.ext_communities", "Extended communities", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "bgp.ext_community", "Extended community", 0, 64,
	    ST_FMT_BYTES),
	FD(NULL, "bgp.ext_com.type", "Type", 0, 8, ST_FMT_HEX),
	FDD(NULL, "bgp.ext_com.type.auth", "IANA authority (first come, "
	    "first served when 0)", 0, 1, ST_FMT_BOOL),
	FDD(NULL, "bgp.ext_com.type.tran", "Not transitive across ASes", 1,
	    1, ST_FMT_BOOL),
	FD(NULL, "bgp.ext_com.stype_tr_as2", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_ntr_as2", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_tr_IP4", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_ntr_IP4", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_tr_as4", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_ntr_as4", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_tr_opaque", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_ntr_opaque", "Subtype", 8, 8,
	    ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.stype_tr_evpn", "Subtype", 8, 8, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com.value_as2", "2-octet AS", 16, 16, ST_FMT_DEC),
	FD(NULL, "bgp.ext_com.value_an4", "4-octet AN", 32, 32, ST_FMT_DEC),
	FD(NULL, "bgp.ext_com.value_IP4", "IPv4 address", 16, 32,
	    ST_FMT_IPV4),
	FD(NULL, "bgp.ext_com.value_an2", "2-octet AN", 48, 16, ST_FMT_DEC),
	FD(NULL, "bgp.ext_com.value_as4", "4-octet AS", 16, 32, ST_FMT_DEC),
	FD(NULL, "bgp.ext_com.value_raw", "Value", 16, 48, ST_FMT_HEX),
	FD(NULL, "bgp.ext_com_evpn.mmac.flags", "Flags", 16, 8, ST_FMT_HEX),
	FDD(NULL, "bgp.ext_com_evpn.mmac.flags.sticky", "Sticky", 23, 1,
	    ST_FMT_BOOL),
	FD(NULL, "bgp.ext_com_evpn.mmac.seq", "Sequence number", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, A("pmsi.tunnel.flags"), "Flags", 0, 8, ST_FMT_DEC),
	FD(NULL, A("pmsi.tunnel.type"), "Tunnel type", 8, 8, ST_FMT_DEC),
	FD(NULL, A("mpls_label_value_20bits"), "MPLS label", 16, 20,
	    ST_FMT_DEC),
	FD(NULL, A("pmsi.tunnel.id"), "Tunnel identifier", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, A("pmsi.tunnel_id.not_present"), "No tunnel identifier", 0,
	    0, ST_FMT_BYTES),
	FD(NULL, A("pmsi.rsvp.id"), "RSVP P2MP ID", 0, 32, ST_FMT_IPV4),
	FD(NULL, A("pmsi.rsvp.tunnel_id"), "RSVP P2MP tunnel ID", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, A("pmsi.rsvp.ext_tunnel_idv4"), "RSVP P2MP extended tunnel "
	    "ID", 64, 32, ST_FMT_IPV4),
	FD(NULL, A("pmsi.pimssm.root_node"), "Root node", 0, 32, ST_FMT_IPV4),
	FD(NULL, A("pmsi.pimssm.pmulticast_group"), "P-multicast group", 32,
	    32, ST_FMT_IPV4),
	FD(NULL, A("pmsi.pimsm.sender_address"), "Sender address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, A("pmsi.pimsm.pmulticast_group"), "P-multicast group", 32,
	    32, ST_FMT_IPV4),
	FD(NULL, A("pmsi.bidir_pim_tree.sender"), "Sender address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, A("pmsi.bidir_pim_tree.pmulticast_group"), "P-multicast "
	    "group", 32, 32, ST_FMT_IPV4),
	FD(NULL, A("pmsi.ingress_rep_ip"), "Tunnel endpoint", 0, 32,
	    ST_FMT_IPV4),
};

/* A marker of row fd at byte off of c, covering n bytes (tshark's FT_NONE
 * items: only their presence counts; those that head a subtree are no
 * field of tshark's JSON, so strata adds only the leaves). */
static void
mark(struct st_dctx *d, struct st_cur *c, unsigned row, size_t off, size_t n)
{
	if (st_cur_left(c) >= off + n)
		st_pkt_add_field(d->pkt, &mp_fields[row],
		    (uint32_t)((c->off + off) * 8), (uint32_t)(n * 8), 0);
}

/* The 8-byte route distinguisher at byte off of c as text (RFC 4364 4.2:
 * type 0 AS2:AN4, 1 IPv4:AN2, 2 AS4:AN2) in row fd. */
static void
rd_text(struct st_dctx *d, struct st_cur *c, unsigned row, size_t off)
{
	char text[32];
	uint64_t v;
	unsigned t;

	if (st_cur_left(c) < off + 8)
		return;
	t = (unsigned)st_peek_bits(c, off * 8, 16);
	v = st_peek_bits(c, off * 8 + 16, 48);
	if (t == 1)
		snprintf(text, sizeof(text), "%u.%u.%u.%u:%u",
		    (unsigned)(v >> 40 & 0xff), (unsigned)(v >> 32 & 0xff),
		    (unsigned)(v >> 24 & 0xff), (unsigned)(v >> 16 & 0xff),
		    (unsigned)(v & 0xffff));
	else if (t == 2)
		snprintf(text, sizeof(text), "%u:%u", (unsigned)(v >> 16),
		    (unsigned)(v & 0xffff));
	else
		snprintf(text, sizeof(text), "%u:%u", (unsigned)(v >> 32),
		    (unsigned)(v & 0xffffffff));
	st_dtext(d, c, &mp_fields[row], off, 8, text);
}

/*
 * One prefix at byte pos of c, before end: its length, for labelled
 * routes the label stack, for VPN routes the route distinguisher, then
 * the address into row v4 or v6 by the AFI.  Returns its bytes, 0 when it
 * lies (malformed) or was cut short.
 */
static size_t
mp_prefix(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    unsigned afi, unsigned safi, unsigned v4, unsigned v6)
{
	uint8_t a[16] = { 0 };
	char text[64], addr[INET6_ADDRSTRLEN];
	size_t o = pos + 1, k = 0, max = afi == 2 ? 16 : 4, n;
	unsigned bits, lab = 0, i;

	if (st_cur_left(c) < pos + 1)
		return 0;
	bits = (unsigned)st_peek_bits(c, pos * 8, 8);
	st_dfields_at(d, c, pos, mp_fields + M_PLEN, 1);
	if (safi == 4 || safi == 128) {
		/* Labels to the bottom one (or a withdrawn route's
		 * 0x800000, or 0). */
		text[0] = '\0';
		for (i = 0; i < 8 && o + 3 <= end && st_cur_left(c) >= o + 3;
		    i++) {
			lab = (unsigned)st_peek_bits(c, o * 8, 24);
			k = strlen(text);
			snprintf(text + k, sizeof(text) - k, "%s%u", i ? "," :
			    "", lab >> 4);
			o += 3;
			if ((lab & 1) || lab == 0x800000 || lab == 0)
				break;
		}
		k = strlen(text);
		snprintf(text + k, sizeof(text) - k, "%s", (lab & 1) ?
		    " (bottom)" : "");
		if (bits < (o - pos - 1) * 8)
			return st_dmalformed(d, "prefix of %u bits shorter than "
			    "its labels", bits), 0;
		st_dtext(d, c, &mp_fields[M_LABEL], pos + 1, o - pos - 1,
		    text);
		bits -= (unsigned)(o - pos - 1) * 8;
	}
	if (safi == 128) {
		if (bits < 64 || o + 8 > end)
			return st_dmalformed(d, "VPN prefix of %u bits", bits),
			    0;
		rd_text(d, c, M_RD, o);
		o += 8;
		bits -= 64;
	}
	n = (bits + 7) / 8;
	if (n > max || o + n > end)
		return st_dmalformed(d, "prefix of %u bits beyond its field",
		    bits), 0;
	if (st_cur_left(c) < o + n) {
		st_cur_need(c, o + n);
		return 0;
	}
	memcpy(a, c->base + c->off + o, n);
	inet_ntop(afi == 2 ? AF_INET6 : AF_INET, a, addr, sizeof(addr));
	st_dtext(d, c, &mp_fields[afi == 2 ? v6 : v4], o, n, addr);
	return o + n - pos;
}

/* The prefixes from pos to end of an AFI and SAFI strata reads (IPv4 and
 * IPv6, unicast, multicast, labelled, VPN). */
static void
mp_prefixes(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    unsigned afi, unsigned safi, unsigned v4, unsigned v6)
{
	size_t k;
	unsigned i;

	if ((afi != 1 && afi != 2) || (safi != 1 && safi != 2 && safi != 4 &&
	    safi != 128))
		return;
	for (i = 0; i < BGP_MAXITEMS && pos < end && c->err == ST_OK; i++,
	    pos += k)
		if ((k = mp_prefix(d, c, pos, end, afi, safi, v4, v6)) == 0)
			return;
}

/* MCAST-VPN routes (SAFI 5, RFC 6514 4): type, length and the route,
 * shown whole only for the types tshark does not know (0, 8 on). */
static void
mvpn_routes(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	unsigned i, type;
	size_t n;

	for (i = 0; i < BGP_MAXITEMS && pos < end && c->err == ST_OK; i++,
	    pos += 2 + n) {
		st_dfields_at(d, c, pos, mp_fields + M_MVTYPE, 1);
		if (pos + 2 > end)
			return;
		st_dfields_at(d, c, pos, mp_fields + M_MVLEN, 1);
		type = (unsigned)st_peek_bits(c, pos * 8, 8);
		n = (size_t)st_peek_bits(c, pos * 8 + 8, 8);
		if (c->err != ST_OK || pos + 2 + n > end) {
			st_dmalformed(d, "MCAST-VPN route of %zu bytes", n);
			return;
		}
		if (type == 0 || type > 7)
			mark(d, c, M_MVNLRI, pos + 2, n);
	}
}

/* A next hop of n bytes at byte pos: a route distinguisher first for
 * VPNs, then IPv4 (4), IPv6 (16) or IPv6 and its link-local (32). */
static void
next_hop(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n,
    unsigned safi)
{
	if ((safi == 128 || safi == 129) && n >= 12) {
		rd_text(d, c, M_NHRD, pos);
		pos += 8;
		n -= 8;
	}
	if (n == 4)
		st_dfields_at(d, c, pos, mp_fields + M_NH4, 1);
	else if (n == 16 || n == 32) {
		st_dbytes(d, c, &mp_fields[M_NH6], pos, 16);
		if (n == 32)
			st_dbytes(d, c, &mp_fields[M_NH6LL], pos + 16, 16);
	}
}

/* MP_REACH_NLRI, n bytes at byte pos of c. */
static void
mp_reach(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	size_t end = pos + n, nh, o, k;
	unsigned afi, safi, nsnpa, i;

	if (n < 5 || st_cur_left(c) < pos + 4)
		return;
	st_dfields_at(d, c, pos, mp_fields + M_RAFI, 2);
	afi = (unsigned)st_peek_bits(c, pos * 8, 16);
	safi = (unsigned)st_peek_bits(c, pos * 8 + 16, 8);
	nh = (size_t)st_peek_bits(c, pos * 8 + 24, 8);
	if (pos + 5 + nh > end) {
		st_dmalformed(d, "next hop of %zu bytes beyond the attribute",
		    nh);
		return;
	}
	st_dbytes(d, c, &mp_fields[M_NH], pos + 3, 1 + nh);
	next_hop(d, c, pos + 4, nh, safi);
	o = pos + 4 + nh;
	st_dfields_at(d, c, o, mp_fields + M_NSNPA, 1);
	nsnpa = (unsigned)st_peek_bits(c, o * 8, 8);
	for (i = 0, o++; i < nsnpa && o < end && c->err == ST_OK; i++,
	    o += 1 + k) {
		st_dfields_at(d, c, o, mp_fields + M_SNPALEN, 1);
		k = (size_t)st_peek_bits(c, o * 8, 8);
		if (o + 1 + k > end) {
			st_dmalformed(d, "SNPA of %zu bytes beyond the "
			    "attribute", k);
			return;
		}
		/* An empty one too: tshark shows it (<MISSING>). */
		st_dbytes(d, c, &mp_fields[M_SNPA], o + 1, k);
	}
	if (c->err != ST_OK || o > end)
		return;
	if (o == end)
		mark(d, c, M_REACH, o, 0);
	if (safi == 5)
		mvpn_routes(d, c, o, end);
	else
		mp_prefixes(d, c, o, end, afi, safi, M_R4, M_R6);
}

/* MP_UNREACH_NLRI, n bytes at byte pos of c. */
static void
mp_unreach(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	unsigned afi, safi;

	if (n < 3 || st_cur_left(c) < pos + 3)
		return;
	st_dfields_at(d, c, pos, mp_fields + M_UAFI, 2);
	afi = (unsigned)st_peek_bits(c, pos * 8, 16);
	safi = (unsigned)st_peek_bits(c, pos * 8 + 16, 8);
	if (n == 3)
		mark(d, c, M_UNREACH, pos + 3, 0);
	if (safi == 5)
		mvpn_routes(d, c, pos + 3, pos + n);
	else
		mp_prefixes(d, c, pos + 3, pos + n, afi, safi, M_U4, M_U6);
}

/* One extended community at byte pos of c (RFC 4360 3, RFC 5668, RFC
 * 7432 7.7): its type and bits, then the subtype and value its type
 * lays out. */
static void
ext_community(struct st_dctx *d, struct st_cur *c, size_t pos)
{
	unsigned type = (unsigned)st_peek_bits(c, pos * 8, 8);
	unsigned sub = (unsigned)st_peek_bits(c, pos * 8 + 8, 8);
	int ntr = (type & 0x40) != 0;

	st_dfields_at(d, c, pos, mp_fields + X_TYPE, 3);
	switch (type) {
	case 0x00:
	case 0x40:
		st_dfields_at(d, c, pos, mp_fields + (ntr ? X_NTRAS2 :
		    X_TRAS2), 1);
		st_dfields_at(d, c, pos, mp_fields + X_AS2, 2);
		break;
	case 0x01:
	case 0x41:
		st_dfields_at(d, c, pos, mp_fields + (ntr ? X_NTRIP4 :
		    X_TRIP4), 1);
		st_dfields_at(d, c, pos, mp_fields + X_IP4, 2);
		break;
	case 0x02:
	case 0x42:
		st_dfields_at(d, c, pos, mp_fields + (ntr ? X_NTRAS4 :
		    X_TRAS4), 1);
		st_dfields_at(d, c, pos, mp_fields + X_AS4, 1);
		st_dfields_at(d, c, pos, mp_fields + X_AN2, 1);
		break;
	case 0x03:
	case 0x43:
		st_dfields_at(d, c, pos, mp_fields + (ntr ? X_NTROPQ :
		    X_TROPQ), 1);
		/* Colour, encapsulation and the like have fields of their
		 * own; the others are a raw value. */
		if (sub != 0x0b && sub != 0x0c && sub != 0x0d)
			st_dfields_at(d, c, pos, mp_fields + X_RAW, 1);
		break;
	case 0x06:
		st_dfields_at(d, c, pos, mp_fields + X_EVPN, 1);
		if (sub == 0x00)
			st_dfields_at(d, c, pos, mp_fields + X_MMFLAGS, 3);
		break;
	}
}

/* PMSI_TUNNEL (RFC 6514 5), n bytes at byte pos of c. */
static void
pmsi(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	unsigned type;
	size_t o = pos + 5;

	if (n < 5 || st_cur_left(c) < pos + 5)
		return;
	st_dfields_at(d, c, pos, mp_fields + P_FLAGS, 3);
	type = (unsigned)st_peek_bits(c, pos * 8 + 8, 8);
	if (type == 0) {
		mark(d, c, P_NONE, o, 0);
		return;
	}
	switch (type) {
	case 1:
		if (n >= 5 + 12)
			st_dfields_at(d, c, o, mp_fields + P_RSVPID, 3);
		break;
	case 3:
	case 4:
	case 5:
		if (n >= 5 + 8)
			st_dfields_at(d, c, o, mp_fields + (type == 3 ?
			    P_SSMROOT : type == 4 ? P_SMSEND : P_BIDSEND), 2);
		break;
	case 6:
		if (n >= 5 + 4)
			st_dfields_at(d, c, o, mp_fields + P_IRIP, 1);
		break;
	}
}

int
bgp_mp_attr(struct st_dctx *d, struct st_cur *c, unsigned type, size_t pos,
    size_t n)
{
	size_t k;
	unsigned i;

	switch (type) {
	case 14:
		mp_reach(d, c, pos, n);
		return 1;
	case 15:
		mp_unreach(d, c, pos, n);
		return 1;
	case 16:
		for (i = 0, k = 0; i < BGP_MAXITEMS && k + 8 <= n &&
		    c->err == ST_OK; i++, k += 8)
			ext_community(d, c, pos + k);
		return 1;
	case 22:
		pmsi(d, c, pos, n);
		return 1;
	}
	return 0;
}
