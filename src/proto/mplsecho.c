/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MPLS LSP ping and traceroute (RFC 8029; UDP 3503): an echo request
 * sent down a label switched path names the FEC it tests; the egress (or,
 * with a TTL that expires on the way, each transit router) answers with
 * an echo reply saying what it found.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Version Number          |         Global Flags          |
 * |  Message Type | Reply mode    |  Return Code  | Return Subcode|
 * |                        Sender's Handle                        |
 * |                        Sequence Number                        |
 * |                 TimeStamp Sent (seconds, fraction)            |
 * |               TimeStamp Received (seconds, fraction)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then TLVs (type, length, value).  Decoded: Target FEC Stack (LDP IPv4
 * and IPv6 prefixes, RSVP IPv4 LSPs, others as bytes), Downstream
 * Mapping, Pad, Vendor Enterprise Number, Interface and Label Stack,
 * Errored TLVs (the TLVs a router did not understand, each read as a TLV
 * again), Reply TOS; others as bytes.  As Wireshark, a sub-TLV of the FEC
 * stack is padded to 4 bytes and a TLV is not.
 */
#include "strata/ntptime.h"
#include "strata/out.h"
#include "fields.h"

#define ME_HDR		32
#define ME_MAXTLV	128	/* TLVs, sub-TLVs, labels in one */

enum { F_VER, F_FLAGS, F_SBZ, F_V, F_T, F_R, F_MSG, F_MODE, F_RC, F_RSC,
	F_HANDLE, F_SEQ, F_TSENT, F_TREC,
	T_TYPE, T_LEN, T_VALUE, T_ERRTYPE,
	S_TYPE, S_LEN, S_VALUE, S_PAD, S_LDP4, S_LDP4M, S_LDP6, S_LDP6M,
	S_EP, S_MBZ1, S_TUN, S_XTUN, S_SENDER, S_MBZ2, S_LSP,
	D_MTU, D_ATYPE, D_RES, D_FRES, D_FI, D_FN, D_DSIP, D_INTIP, D_IFX,
	D_DSIP6, D_INTIP6, D_HASH, D_DEPTH, D_MLEN, D_MPVAL,
	D_LABEL, D_EXP, D_BOS, D_PROTO,
	P_ACTION, P_PAD, V_VENDOR,
	I_ATYPE, I_MBZ, I_ADDR, I_INT, I_IFX, I_ADDR6, I_INT6,
	I_LABEL, I_EXP, I_BOS, I_TTL, R_TOS, R_MBZ, F_NROWS };

static const struct st_valname msg_names[] = {
	{ 1, "MPLS Echo Request" }, { 2, "MPLS Echo Reply" }, { 0, NULL }
};

static const struct st_valname mode_names[] = {
	{ 1, "Do not reply" }, { 2, "Reply via an IPv4/IPv6 UDP packet" },
	{ 3, "Reply via an IPv4/IPv6 UDP packet with Router Alert" },
	{ 4, "Reply via application level control channel" }, { 0, NULL }
};

static const struct st_valname rc_names[] = {
	{ 0, "No return code" }, { 1, "Malformed echo request received" },
	{ 2, "One or more of the TLVs was not understood" },
	{ 3, "Replying router is an egress for the FEC at stack depth" },
	{ 4, "Replying router has no mapping for the FEC at stack depth" },
	{ 5, "Downstream Mapping Mismatch" },
	{ 6, "Upstream Interface Index Unknown" }, { 7, "Reserved" },
	{ 8, "Label switched at stack depth" },
	{ 9, "Label switched but no MPLS forwarding at stack depth" },
	{ 10, "Mapping for this FEC is not the given label at stack depth" },
	{ 11, "No label entry at stack depth" },
	{ 12, "Protocol not associated with interface at FEC stack depth" },
	{ 13, "Premature termination, label stack shrinking to a single "
	    "label" }, { 0, NULL }
};

static const struct st_valname tlv_names[] = {
	{ 1, "Target FEC Stack" }, { 2, "Downstream Mapping" }, { 3, "Pad" },
	{ 5, "Vendor Enterprise Number" },
	{ 7, "Interface and Label Stack" }, { 9, "Errored TLVs" },
	{ 10, "Reply TOS Byte" }, { 20, "Downstream Detailed Mapping" },
	{ 0, NULL }
};

static const struct st_valname fec_names[] = {
	{ 1, "LDP IPv4 prefix" }, { 2, "LDP IPv6 prefix" },
	{ 3, "RSVP IPv4 LSP" }, { 4, "RSVP IPv6 LSP" },
	{ 6, "VPN IPv4 prefix" }, { 7, "VPN IPv6 prefix" },
	{ 8, "L2 VPN endpoint" }, { 10, "FEC 128 Pseudowire" },
	{ 11, "FEC 129 Pseudowire" }, { 12, "BGP labeled IPv4 prefix" },
	{ 13, "BGP labeled IPv6 prefix" }, { 14, "Generic IPv4 prefix" },
	{ 15, "Generic IPv6 prefix" }, { 16, "Nil FEC" }, { 0, NULL }
};

static const struct st_valname atype_names[] = {
	{ 1, "IPv4 Numbered" }, { 2, "IPv6 Numbered" },
	{ 3, "IPv4 Unnumbered" }, { 4, "IPv6 Unnumbered" }, { 0, NULL }
};

/* Header rows from the message's start, TLV rows from the TLV's, sub-TLV
 * and label rows from theirs. */
static const struct st_field_desc me_fields[] = {
	[F_VER] = FD("version", "mpls_echo.version", "Version", 0, 16,
	    ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "mpls_echo.flags", "Global flags", 16, 16,
	    ST_FMT_HEX),
	[F_SBZ] = FDD(NULL, "mpls_echo.flag_sbz", "Reserved", 16, 13,
	    ST_FMT_HEX),
	[F_V] = FDD(NULL, "mpls_echo.flag_v", "Validate FEC stack", 31, 1,
	    ST_FMT_BOOL),
	[F_T] = FDD(NULL, "mpls_echo.flag_t", "Respond only if TTL expired",
	    30, 1, ST_FMT_BOOL),
	[F_R] = FDD(NULL, "mpls_echo.flag_r", "Validate reverse path", 29, 1,
	    ST_FMT_BOOL),
	[F_MSG] = FDN("type", "mpls_echo.msg_type", "Message type", 32, 8,
	    ST_FMT_DEC, msg_names),
	[F_MODE] = FDN(NULL, "mpls_echo.reply_mode", "Reply mode", 40, 8,
	    ST_FMT_DEC, mode_names),
	[F_RC] = FDN("rc", "mpls_echo.return_code", "Return code", 48, 8,
	    ST_FMT_DEC, rc_names),
	[F_RSC] = FD(NULL, "mpls_echo.return_subcode",
	    "Return subcode (stack depth)", 56, 8, ST_FMT_DEC),
	[F_HANDLE] = FD(NULL, "mpls_echo.sender_handle", "Sender's handle",
	    64, 32, ST_FMT_HEX),
	[F_SEQ] = FD("seq", "mpls_echo.sequence", "Sequence number", 96, 32,
	    ST_FMT_DEC),
	[F_TSENT] = FD(NULL, "mpls_echo.timestamp_sent", "Timestamp sent",
	    128, 64, ST_FMT_TEXT),
	[F_TREC] = FD(NULL, "mpls_echo.timestamp_rec", "Timestamp received",
	    192, 64, ST_FMT_TEXT),
	[T_TYPE] = FDN(NULL, "mpls_echo.tlv.type", "TLV type", 0, 16,
	    ST_FMT_DEC, tlv_names),
	[T_LEN] = FD(NULL, "mpls_echo.tlv.len", "TLV length", 16, 16,
	    ST_FMT_DEC),
	[T_VALUE] = FD(NULL, "mpls_echo.tlv.value", "TLV value", 0, 0,
	    ST_FMT_BYTES),
	[T_ERRTYPE] = FDN(NULL, "mpls_echo.tlv.errored.type",
	    "Errored TLV type", 0, 16, ST_FMT_DEC, tlv_names),
	[S_TYPE] = FDN(NULL, "mpls_echo.tlv.fec.type", "FEC type", 0, 16,
	    ST_FMT_DEC, fec_names),
	[S_LEN] = FD(NULL, "mpls_echo.tlv.fec.len", "FEC length", 16, 16,
	    ST_FMT_DEC),
	[S_VALUE] = FD(NULL, "mpls_echo.tlv.fec.value", "FEC value", 0, 0,
	    ST_FMT_BYTES),
	[S_PAD] = FD(NULL, "mpls_echo.padding", "Padding", 0, 0,
	    ST_FMT_BYTES),
	[S_LDP4] = FD(NULL, "mpls_echo.tlv.fec.ldp_ipv4", "IPv4 prefix", 32,
	    32, ST_FMT_IPV4),
	[S_LDP4M] = FD(NULL, "mpls_echo.tlv.fec.ldp_ipv4_mask",
	    "Prefix length", 64, 8, ST_FMT_DEC),
	[S_LDP6] = FD(NULL, "mpls_echo.tlv.fec.ldp_ipv6", "IPv6 prefix", 32,
	    128, ST_FMT_IPV6),
	[S_LDP6M] = FD(NULL, "mpls_echo.tlv.fec.ldp_ipv6_mask",
	    "Prefix length", 160, 8, ST_FMT_DEC),
	[S_EP] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ipv4_ep",
	    "Tunnel endpoint address", 32, 32, ST_FMT_IPV4),
	[S_MBZ1] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ip_mbz1", "Must be zero",
	    64, 16, ST_FMT_DEC),
	[S_TUN] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ip_tun_id", "Tunnel ID",
	    80, 16, ST_FMT_DEC),
	[S_XTUN] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ipv4_ext_tun_id",
	    "Extended tunnel ID", 96, 32, ST_FMT_HEX),
	[S_SENDER] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ipv4_sender",
	    "Tunnel sender address", 128, 32, ST_FMT_IPV4),
	[S_MBZ2] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ip_mbz2", "Must be zero",
	    160, 16, ST_FMT_DEC),
	[S_LSP] = FD(NULL, "mpls_echo.tlv.fec.rsvp_ip_lsp_id", "LSP ID", 176,
	    16, ST_FMT_DEC),
	[D_MTU] = FD(NULL, "mpls_echo.tlv.ds_map.mtu", "MTU", 32, 16,
	    ST_FMT_DEC),
	[D_ATYPE] = FDN(NULL, "mpls_echo.tlv.ds_map.addr_type",
	    "Address type", 48, 8, ST_FMT_DEC, atype_names),
	[D_RES] = FD(NULL, "mpls_echo.tlv.ds_map.res", "DS flags", 56, 8,
	    ST_FMT_HEX),
	[D_FRES] = FDD(NULL, "mpls_echo.tlv.ds_map.flag_res", "MBZ", 56, 6,
	    ST_FMT_HEX),
	[D_FI] = FDD(NULL, "mpls_echo.tlv.ds_map.flag_i",
	    "Interface and label stack request", 62, 1, ST_FMT_BOOL),
	[D_FN] = FDD(NULL, "mpls_echo.tlv.ds_map.flag_n",
	    "Treat as non-IP packet", 63, 1, ST_FMT_BOOL),
	[D_DSIP] = FD(NULL, "mpls_echo.tlv.ds_map.ds_ip",
	    "Downstream IP address", 64, 32, ST_FMT_IPV4),
	[D_INTIP] = FD(NULL, "mpls_echo.tlv.ds_map.int_ip",
	    "Downstream interface address", 96, 32, ST_FMT_IPV4),
	[D_IFX] = FD(NULL, "mpls_echo.tlv.ds_map.if_index",
	    "Upstream interface index", 96, 32, ST_FMT_DEC),
	[D_DSIP6] = FD(NULL, "mpls_echo.tlv.ds_map.ds_ipv6",
	    "Downstream IPv6 address", 64, 128, ST_FMT_IPV6),
	[D_INTIP6] = FD(NULL, "mpls_echo.tlv.ds_map.int_ipv6",
	    "Downstream interface IPv6 address", 192, 128, ST_FMT_IPV6),
	/* the three after the addresses, from their own start */
	[D_HASH] = FD(NULL, "mpls_echo.tlv.ds_map.hash_type",
	    "Multipath type", 0, 8, ST_FMT_DEC),
	[D_DEPTH] = FD(NULL, "mpls_echo.tlv.ds_map.depth", "Depth limit", 8,
	    8, ST_FMT_DEC),
	[D_MLEN] = FD(NULL, "mpls_echo.tlv.ds_map.multi_len",
	    "Multipath length", 16, 16, ST_FMT_DEC),
	[D_MPVAL] = FD(NULL, "mpls_echo.tlv.ds_map_mp.value",
	    "Multipath value", 0, 0, ST_FMT_BYTES),
	[D_LABEL] = FD(NULL, "mpls_echo.tlv.ds_map.mp_label",
	    "Downstream label", 0, 20, ST_FMT_DEC),
	[D_EXP] = FD(NULL, "mpls_echo.tlv.ds_map.mp_exp", "Downstream exp",
	    20, 3, ST_FMT_DEC),
	[D_BOS] = FD(NULL, "mpls_echo.tlv.ds_map.mp_bos",
	    "Downstream bottom of stack", 23, 1, ST_FMT_DEC),
	[D_PROTO] = FD(NULL, "mpls_echo.tlv.ds_map.mp_proto",
	    "Downstream protocol", 24, 8, ST_FMT_DEC),
	[P_ACTION] = FD(NULL, "mpls_echo.tlv.pad_action", "Pad action", 32,
	    8, ST_FMT_DEC),
	[P_PAD] = FD(NULL, "mpls_echo.tlv.pad_padding", "Padding", 0, 0,
	    ST_FMT_BYTES),
	[V_VENDOR] = FD(NULL, "mpls_echo.tlv.vendor_id",
	    "Vendor enterprise number", 32, 32, ST_FMT_DEC),
	[I_ATYPE] = FDN(NULL, "mpls_echo.tlv.ilso.addr_type", "Address type",
	    32, 8, ST_FMT_DEC, atype_names),
	[I_MBZ] = FD(NULL, "mpls_echo.tlv.ilso.mbz", "Must be zero", 40, 24,
	    ST_FMT_HEX),
	[I_ADDR] = FD(NULL, "mpls_echo.tlv.ilso_ipv4.addr",
	    "Downstream IPv4 address", 64, 32, ST_FMT_IPV4),
	[I_INT] = FD(NULL, "mpls_echo.tlv.ilso_ipv4.int_addr",
	    "Downstream interface address", 96, 32, ST_FMT_IPV4),
	[I_IFX] = FD(NULL, "mpls_echo.tlv.ilso.int_index",
	    "Downstream interface index", 96, 32, ST_FMT_HEX),
	[I_ADDR6] = FD(NULL, "mpls_echo.tlv.ilso_ipv6.addr",
	    "Downstream IPv6 address", 64, 128, ST_FMT_IPV6),
	[I_INT6] = FD(NULL, "mpls_echo.tlv.ilso_ipv6.int_addr",
	    "Downstream interface address", 192, 128, ST_FMT_IPV6),
	[I_LABEL] = FD(NULL, "mpls_echo.tlv.ilso_ipv4.label", "Label", 0, 20,
	    ST_FMT_DEC),
	[I_EXP] = FD(NULL, "mpls_echo.tlv.ilso_ipv4.exp", "Exp", 20, 3,
	    ST_FMT_DEC),
	[I_BOS] = FD(NULL, "mpls_echo.tlv.ilso_ipv4.bos", "Bottom of stack",
	    23, 1, ST_FMT_DEC),
	[I_TTL] = FD(NULL, "mpls_echo.tlv.ilso_ipv4.ttl", "TTL", 24, 8,
	    ST_FMT_DEC),
	[R_TOS] = FD(NULL, "mpls_echo.tlv.reply.tos", "Reply TOS byte", 32, 8,
	    ST_FMT_DEC),
	[R_MBZ] = FD(NULL, "mpls_echo.tlv.reply.tos.mbz", "Must be zero", 40,
	    24, ST_FMT_HEX),
};

#define M(i)	(&me_fields[(i)])

/* Rows [first, first + n) at byte off of c. */
static void
me_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned n)
{
	st_dfields_at(d, c, off, M(first), n);
}

/* Bytes of row r from off to end (nothing when empty). */
static void
me_bytes(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off,
    size_t end)
{
	if (end > off)
		st_dbytes(d, c, M(r), off, end - off);
}

/* The Target FEC Stack's sub-TLVs, in the n value bytes after the TLV
 * header at c; each is padded to 4 bytes. */
static void
me_fec(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos = 4, end = 4 + n, len, pad;
	unsigned i, type;

	for (i = 0; i < ME_MAXTLV && pos + 4 <= end && c->err == ST_OK; i++) {
		me_at(d, c, pos, S_TYPE, 2);
		type = (unsigned)st_peek_bits(c, pos * 8, 16);
		len = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		if (c->err != ST_OK)
			return;
		if (pos + 4 + len > end) {
			st_dmalformed(d, "FEC sub-TLV of %zu bytes past its "
			    "TLV's end", len);
			return;
		}
		/* as Wireshark, a longer one's bytes past its fields unshown */
		if (type == 1 && len >= 5)
			me_at(d, c, pos, S_LDP4, 2);
		else if (type == 2 && len >= 17)
			me_at(d, c, pos, S_LDP6, 2);
		else if (type == 3 && len >= 20)
			me_at(d, c, pos, S_EP, S_LSP - S_EP + 1);
		else
			me_bytes(d, c, S_VALUE, pos + 4, pos + 4 + len);
		pad = (4 - len % 4) % 4;
		if (pos + 4 + len + pad > end)
			pad = end - pos - 4 - len;
		me_bytes(d, c, S_PAD, pos + 4 + len, pos + 4 + len + pad);
		pos += 4 + len + pad;
	}
}

/* A Downstream Mapping (n value bytes): the addresses by type, the
 * multipath information, then the downstream labels to the end. */
static void
me_dsmap(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos, end = 4 + n, mlen;
	unsigned atype, i;

	me_at(d, c, 0, D_MTU, D_DSIP - D_MTU);
	atype = (unsigned)st_peek_bits(c, 48, 8);
	if (c->err != ST_OK)
		return;
	if (atype == 1 || atype == 3) {
		me_at(d, c, 0, D_DSIP, 1);
		me_at(d, c, 0, atype == 1 ? D_INTIP : D_IFX, 1);
		pos = 16;
	} else if (atype == 2 || atype == 4) {
		me_at(d, c, 0, D_DSIP6, 1);
		if (atype == 2)
			me_at(d, c, 0, D_INTIP6, 1);
		else	/* the index after the address, at byte 24 */
			st_dfields_at(d, c, 24 - 12, M(D_IFX), 1);
		pos = atype == 2 ? 40 : 28;
	} else {
		st_dmalformed(d, "downstream address type %u", atype);
		return;
	}
	me_at(d, c, pos, D_HASH, 3);
	mlen = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
	if (c->err != ST_OK)
		return;
	pos += 4;
	if (pos + mlen > end) {
		st_dmalformed(d, "multipath information of %zu bytes past "
		    "the TLV's end", mlen);
		return;
	}
	me_bytes(d, c, D_MPVAL, pos, pos + mlen);
	pos += mlen;
	for (i = 0; i < ME_MAXTLV && pos + 4 <= end && c->err == ST_OK; i++) {
		me_at(d, c, pos, D_LABEL, 4);
		pos += 4;
	}
}

/* An Interface and Label Stack (n value bytes). */
static void
me_ilso(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos, end = 4 + n;
	unsigned atype, i;

	me_at(d, c, 0, I_ATYPE, 2);
	atype = (unsigned)st_peek_bits(c, 32, 8);
	if (c->err != ST_OK)
		return;
	if (atype == 1 || atype == 3) {
		me_at(d, c, 0, I_ADDR, 1);
		me_at(d, c, 0, atype == 1 ? I_INT : I_IFX, 1);
		pos = 16;
	} else if (atype == 2) {
		me_at(d, c, 0, I_ADDR6, 2);
		pos = 40;
	} else {
		me_bytes(d, c, T_VALUE, 8, end);
		return;
	}
	for (i = 0; i < ME_MAXTLV && pos + 4 <= end && c->err == ST_OK; i++) {
		me_at(d, c, pos, I_LABEL, 4);
		pos += 4;
	}
}

static void me_tlvs(struct st_dctx *d, struct st_cur *c, size_t from,
    size_t end, int errored);

/* One TLV's value: type, n bytes, at c (the TLV's start). */
static void
me_value(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n,
    int errored)
{
	switch (type) {
	case 1:
		me_fec(d, c, n);
		return;
	case 2:
		me_dsmap(d, c, n);
		return;
	case 3:
		me_at(d, c, 0, P_ACTION, 1);
		me_bytes(d, c, P_PAD, 5, 4 + n);
		return;
	case 5:
		me_at(d, c, 0, V_VENDOR, 1);
		return;
	case 7:
		me_ilso(d, c, n);
		return;
	case 9:
		/* the TLVs not understood, as TLVs again, one level deep */
		if (!errored) {
			me_tlvs(d, c, 4, 4 + n, 1);
			return;
		}
		break;
	case 10:
		me_at(d, c, 0, R_TOS, 2);
		return;
	}
	me_bytes(d, c, T_VALUE, 4, 4 + n);
}

/* The TLVs from byte from to end of c; in an Errored TLVs TLV, each
 * type is the errored one's. */
static void
me_tlvs(struct st_dctx *d, struct st_cur *c, size_t from, size_t end,
    int errored)
{
	struct st_cur t;
	size_t pos, len, n;
	unsigned i, type;

	for (pos = from, i = 0; pos < end && i < ME_MAXTLV; i++) {
		if (end - pos < 4) {
			st_dmalformed(d, "%zu byte(s) left, too few for a TLV",
			    end - pos);
			return;
		}
		t = *c;
		t.off += pos;
		t.end = c->off + end < t.end ? c->off + end : t.end;
		st_dfield(d, &t, M(errored ? T_ERRTYPE : T_TYPE));
		st_dfield(d, &t, M(T_LEN));
		type = (unsigned)st_peek_bits(&t, 0, 16);
		len = (size_t)st_peek_bits(&t, 16, 16);
		if (t.err != ST_OK) {
			c->err = t.err;
			return;
		}
		/* Wireshark reads what there is of a TLV past the end */
		n = len < end - pos - 4 ? len : end - pos - 4;
		me_value(d, &t, type, n, errored);
		if (t.err != ST_OK) {
			c->err = t.err;
			return;
		}
		if (len > n) {
			st_dmalformed(d, "TLV of %zu bytes past the message's "
			    "end", len);
			return;
		}
		/* TLVs are not padded, as Wireshark reads them */
		pos += 4 + len;
	}
}

static int
me_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned type;

	d->plen = 0;
	d->hdr = left;
	st_dfields(d, c, me_fields, F_TSENT);
	if (c->err != ST_OK)
		return c->err;
	/* Only an echo request or reply (types 1, 2) has the timestamps;
	 * after another type's sequence number the TLVs follow, as
	 * Wireshark reads them. */
	type = (unsigned)st_peek_bits(c, 32, 8);
	if (type != 1 && type != 2) {
		me_tlvs(d, c, 16, left, 0);
		return d->ly->status != ST_LS_OK ? ST_EINVAL : c->err;
	}
	st_dntptime(d, c, M(F_TSENT), 16, "Jan  1, 1970 00:00:00.000000000 "
	    "UTC");
	st_dntptime(d, c, M(F_TREC), 24, "Jan  1, 1970 00:00:00.000000000 "
	    "UTC");
	if (c->err != ST_OK)
		return c->err;
	me_tlvs(d, c, ME_HDR, left, 0);
	if (d->ly->status != ST_LS_OK)
		return ST_EINVAL;
	return c->err;
}

static const struct st_bind me_binds[] = {
	{ ST_KEY_UDPPORT, 3503 },
};

/* "MPLS echo request, seq 1, handle 0x00001234, reply mode 2" and, in a
 * reply, "return code 3 (Replying router is an egress for the FEC at
 * stack depth 1)". */
static int
me_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_SEQ + 1];
	const char *rc;

	st_ly_fields(s->pkt, ly, me_fields, F_SEQ + 1, f);
	if (f[F_MSG] == NULL)
		return 0;
	if (f[F_MSG]->val == 1 || f[F_MSG]->val == 2)
		st_out_printf(s->o, "MPLS echo %s",
		    f[F_MSG]->val == 1 ? "request" : "reply");
	else
		st_out_printf(s->o, "MPLS echo, message type %u",
		    (unsigned)f[F_MSG]->val);
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, ", seq %u", (unsigned)f[F_SEQ]->val);
	if (f[F_HANDLE] != NULL)
		st_out_printf(s->o, ", handle 0x%08x",
		    (unsigned)f[F_HANDLE]->val);
	if (f[F_MODE] != NULL)
		st_out_printf(s->o, ", reply mode %u",
		    (unsigned)f[F_MODE]->val);
	if (f[F_MSG]->val == 2 && f[F_RC] != NULL && f[F_RSC] != NULL) {
		rc = st_valname(rc_names, (uint32_t)f[F_RC]->val);
		st_out_printf(s->o, ", return code %u (%s%s%u)",
		    (unsigned)f[F_RC]->val, rc != NULL ? rc : "unknown",
		    rc != NULL && strstr(rc, "depth") != NULL ? " " :
		    ", subcode ", (unsigned)f[F_RSC]->val);
	}
	return 1;
}

static const struct st_field_desc *const me_keys[] = {
	M(F_MSG), M(F_MODE), M(F_RC), M(F_SEQ), NULL,
};

const struct st_proto st_proto_mplsecho = {
	.name = "mpls-echo",
	.ws = "mpls-echo",
	.title = "MPLS Echo (LSP ping and traceroute)",
	.rfc = "RFC 8029",
	.role = ST_ROLE_CONTROL,
	/* the header's rows; the TLVs' after them */
	.fields = me_fields,
	.nfields = T_TYPE,
	.more = me_fields + T_TYPE,
	.nmore = F_NROWS - T_TYPE,
	.decode = me_decode,
	.binds = me_binds,
	.nbinds = NFIELDS(me_binds),
	.summary = me_summary,
	.keys = me_keys,
	.color = "\033[35m",
	.explain = "Ping and traceroute for MPLS (RFC 8029): an IP ping "
	    "cannot tell whether packets follow a label switched path, so "
	    "an MPLS echo request is sent as UDP to port 3503 inside the "
	    "LSP's labels, addressed to 127/8 so that a router where the "
	    "path breaks keeps it rather than forwarding it as IP.  Its "
	    "Target FEC Stack names what the path is for (an LDP prefix, an "
	    "RSVP tunnel); the egress checks that it is the FEC's end and "
	    "answers with a reply whose return code says what it found "
	    "(3: egress for the FEC at stack depth <subcode>).  For "
	    "traceroute the label TTL is raised one hop at a time and each "
	    "transit router answers 'label switched' (8) with a Downstream "
	    "Mapping: its next hop and the labels it pushes.  The sender's "
	    "handle and sequence number match replies to requests; the two "
	    "NTP timestamps give the round trip.",
};
