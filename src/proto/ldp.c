/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LDP, the Label Distribution Protocol of MPLS (RFC 5036): hellos over UDP
 * port 646, sessions over TCP port 646.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version                      |         PDU Length            |
 * |                         LDP Identifier (LSR ID)               |
 * |   label space ID              |  messages ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * A message: U bit, 15-bit type, length, 32-bit ID, then TLVs (U and F
 * bits, 14-bit type, length, value).  Decoded TLVs: FEC (prefix
 * elements), address list, hop count, path vector, generic label, status,
 * common hello and session parameters, IPv4 transport address; the others
 * as bytes.  One layer per PDU; several may share a TCP segment.
 */
#include <arpa/inet.h>

#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_PLEN, F_LSR, F_LSID,
	M_UBIT, M_TYPE, M_LEN, M_ID,
	T_UF, T_TYPE, T_LEN, T_VALUE,
	V_FTYPE, V_FAF, V_FLEN, V_FPFX, V_AAF, V_ADDR, V_HC, V_PV, V_LABEL,
	V_EBIT, V_FBIT, V_SDATA, V_SID, V_STYPE, V_HOLD, V_TARG, V_REQ,
	V_GTSM, V_HRES, V_NOGTSM, V_TADDR, V_SVER, V_KA, V_ADV, V_LDET,
	V_PVLIM, V_MXPDU, V_RXLSR, V_RXLS };

static const struct st_valname msg_names[] = {
	{ 0x0001, "Notification Message" }, { 0x0100, "Hello Message" },
	{ 0x0200, "Initialization Message" }, { 0x0201, "Keep Alive Message" },
	{ 0x0300, "Address Message" }, { 0x0301, "Address Withdrawal Message" },
	{ 0x0400, "Label Mapping Message" }, { 0x0401, "Label Request Message" },
	{ 0x0402, "Label Withdrawal Message" },
	{ 0x0403, "Label Release Message" },
	{ 0x0404, "Label Abort Request Message" }, { 0, NULL }
};

static const struct st_valname tlv_names[] = {
	{ 0x0100, "FEC" }, { 0x0101, "Address List" }, { 0x0103, "Hop Count" },
	{ 0x0104, "Path Vector" }, { 0x0200, "Generic Label" },
	{ 0x0300, "Status" }, { 0x0400, "Common Hello Parameters" },
	{ 0x0401, "IPv4 Transport Address" },
	{ 0x0500, "Common Session Parameters" }, { 0, NULL }
};

/* PDU and message rows from their start; TLV rows from the TLV's. */
static const struct st_field_desc ldp_fields[] = {
	FD("version", "ldp.hdr.version", "Version", 0, 16, ST_FMT_DEC),
	FD("len", "ldp.hdr.pdu_len", "PDU length", 16, 16, ST_FMT_DEC),
	FD("lsr", "ldp.hdr.ldpid.lsr", "LSR ID", 32, 32, ST_FMT_IPV4),
	FD(NULL, "ldp.hdr.ldpid.lsid", "Label space ID", 64, 16, ST_FMT_DEC),
	FD(NULL, "ldp.msg.ubit", "U bit", 0, 1, ST_FMT_BOOL),
	FDN(NULL, "ldp.msg.type", "Message type", 1, 15, ST_FMT_HEX,
	    msg_names),
	FD(NULL, "ldp.msg.len", "Message length", 16, 16, ST_FMT_DEC),
	FD(NULL, "ldp.msg.id", "Message ID", 32, 32, ST_FMT_HEX),
	FD(NULL, "ldp.msg.tlv.unknown", "U and F bits", 0, 2, ST_FMT_HEX),
	FDN(NULL, "ldp.msg.tlv.type", "TLV type", 2, 14, ST_FMT_HEX,
	    tlv_names),
	FD(NULL, "ldp.msg.tlv.len", "TLV length", 16, 16, ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.value", "TLV value", 32, 0, ST_FMT_BYTES),
	FD(NULL, "ldp.msg.tlv.fec.type", "FEC element type", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.fec.af", "Address family", 8, 16, ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.fec.len", "Prefix length", 24, 8, ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.fec.pfval", "Prefix", 32, 0, ST_FMT_TEXT),
	FD(NULL, "ldp.msg.tlv.addrl.addr_family", "Address family", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.addrl.addr", "Address", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldp.msg.tlv.hc.value", "Hop count", 32, 8, ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.pv.lsrid", "LSR ID", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ldp.msg.tlv.generic.label", "Label", 44, 20, ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.status.ebit", "E bit (fatal)", 32, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.status.fbit", "F bit (forward)", 33, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.status.data", "Status code", 34, 30,
	    ST_FMT_HEX),
	FD(NULL, "ldp.msg.tlv.status.msg.id", "Message ID", 64, 32,
	    ST_FMT_HEX),
	FD(NULL, "ldp.msg.tlv.status.msg.type", "Message type", 96, 16,
	    ST_FMT_HEX),
	FD(NULL, "ldp.msg.tlv.hello.hold", "Hold time (s)", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.hello.targeted", "Targeted hello", 48, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.hello.requested", "Hello requested", 49, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.hello.gtsm", "GTSM supported", 50, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.hello.res", "Reserved", 51, 13, ST_FMT_HEX),
	FDG("ldp.gtsm_not_supported", "GTSM not supported", ST_FMT_BOOL,
	    NULL),
	FD(NULL, "ldp.msg.tlv.ipv4.taddr", "IPv4 transport address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ldp.msg.tlv.sess.ver", "Session protocol version", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.sess.ka", "Keepalive time (s)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.sess.advbit", "Label advertisement: downstream "
	    "on demand", 64, 1, ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.sess.ldetbit", "Loop detection", 65, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ldp.msg.tlv.sess.pvlim", "Path vector limit", 72, 8,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.sess.mxpdu", "Max PDU length", 80, 16,
	    ST_FMT_DEC),
	FD(NULL, "ldp.msg.tlv.sess.rxlsr", "Receiver LSR ID", 96, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ldp.msg.tlv.sess.rxls", "Receiver label space ID", 128, 16,
	    ST_FMT_DEC),
};

#define LDP_MAXITEMS	512	/* messages, TLVs, elements, addresses */

/* Rows [first, first + n) at byte off of c; a missing byte sets c->err. */
static void
ldp_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned n)
{
	st_dfields_at(d, c, off, ldp_fields + first, n);
}

/* An IPv4 address (or prefix) of n <= 4 bytes at byte off, as text. */
static void
ldp_addr(struct st_dctx *d, struct st_cur *c, unsigned fd, size_t off,
    size_t n)
{
	uint8_t a[4] = { 0 };
	char text[16];
	struct st_cur w = *c;
	const uint8_t *p;

	w.off += off;
	if ((p = st_get_bytes(&w, n)) == NULL) {
		c->err = w.err;
		return;
	}
	memcpy(a, p, n);
	snprintf(text, sizeof(text), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	st_dtext(d, c, &ldp_fields[fd], off, n, text);
}

/* An IPv6 address at byte off, as text. */
static void
ldp_addr6(struct st_dctx *d, struct st_cur *c, unsigned fd, size_t off)
{
	char text[INET6_ADDRSTRLEN];
	struct st_cur w = *c;
	const uint8_t *p;

	w.off += off;
	if ((p = st_get_bytes(&w, 16)) == NULL) {
		c->err = w.err;
		return;
	}
	inet_ntop(AF_INET6, p, text, sizeof(text));
	st_dtext(d, c, &ldp_fields[fd], off, 16, text);
}

/* The FEC elements of a TLV at c (n value bytes): prefixes (type 2). */
static void
ldp_fec(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos = 4, bits;
	unsigned i;

	for (i = 0; i < LDP_MAXITEMS && pos < 4 + n && c->err == ST_OK; i++) {
		if (st_peek_bits(c, pos * 8, 8) != 2 || pos + 4 > 4 + n) {
			ldp_at(d, c, pos, V_FTYPE, 1);
			return;		/* wildcard and others: no more */
		}
		ldp_at(d, c, pos, V_FTYPE, 3);
		bits = (size_t)st_peek_bits(c, pos * 8 + 24, 8);
		if (c->err != ST_OK)
			return;
		if (bits > 32 || pos + 4 + (bits + 7) / 8 > 4 + n) {
			st_dmalformed(d, "FEC prefix of %zu bits", bits);
			return;
		}
		ldp_addr(d, c, V_FPFX, pos + 4, (bits + 7) / 8);
		pos += 4 + (bits + 7) / 8;
	}
}

/* One TLV's value: type type, n bytes, at c (the TLV's start). */
static void
ldp_tlv(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n)
{
	size_t k, w;
	unsigned i;

	switch (type) {
	case 0x0100:
		ldp_fec(d, c, n);
		return;
	case 0x0101:
		if (n < 2)
			break;
		ldp_at(d, c, 0, V_AAF, 1);
		/* Family 1 IPv4, 2 IPv6 (RFC 7552). */
		w = st_peek_bits(c, 32, 16) == 2 ? 16 : 4;
		for (i = 0, k = 6; i < LDP_MAXITEMS && k + w <= 4 + n; i++,
		    k += w) {
			if (w == 16)
				ldp_addr6(d, c, V_ADDR, k);
			else
				ldp_addr(d, c, V_ADDR, k, 4);
		}
		return;
	case 0x0103:
		if (n == 1)
			ldp_at(d, c, 0, V_HC, 1);
		return;
	case 0x0104:
		for (i = 0, k = 4; i < LDP_MAXITEMS && k + 4 <= 4 + n; i++,
		    k += 4)
			ldp_at(d, c, k, V_PV, 1);
		return;
	case 0x0200:
		if (n == 4)
			ldp_at(d, c, 0, V_LABEL, 1);
		return;
	case 0x0300:
		if (n >= 10)
			ldp_at(d, c, 0, V_EBIT, 5);
		return;
	case 0x0400:
		if (n != 4)
			break;
		ldp_at(d, c, 0, V_HOLD, 5);
		if (c->err == ST_OK && st_peek_bits(c, 50, 1) == 0)
			st_dgen(d, &ldp_fields[V_NOGTSM], 1);
		return;
	case 0x0401:
		if (n == 4)
			ldp_at(d, c, 0, V_TADDR, 1);
		return;
	case 0x0500:
		if (n >= 14)
			ldp_at(d, c, 0, V_SVER, 8);
		return;
	}
	if (n > 0 && st_cur_need(c, 4 + n))
		st_dbytes(d, c, &ldp_fields[T_VALUE], 4, n);
}

/* The TLVs of a message from byte pos to end of c. */
static void
ldp_tlvs(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	struct st_cur t;
	size_t n;
	unsigned i;

	for (i = 0; i < LDP_MAXITEMS && pos + 4 <= end && c->err == ST_OK;
	    i++, pos += 4 + n) {
		ldp_at(d, c, pos, T_UF, 3);
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		if (c->err != ST_OK)
			return;
		if (pos + 4 + n > end) {
			st_dmalformed(d, "TLV of %zu bytes beyond its message",
			    n);
			return;
		}
		t = *c;
		t.off += pos;
		ldp_tlv(d, &t, (unsigned)st_peek_bits(c, pos * 8 + 2, 14), n);
		c->err = t.err;
	}
}

static int
ldp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), plen, end, pos = 10, n;
	struct st_cur m;
	unsigned i;

	d->plen = 0;
	st_dfields(d, c, ldp_fields, M_UBIT);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (st_peek_bits(c, 0, 16) != 1)
		return st_dmalformed(d, "LDP version %u",
		    (unsigned)st_peek_bits(c, 0, 16));
	plen = (size_t)st_peek_bits(c, 16, 16);
	if (plen < 6)
		return st_dmalformed(d, "PDU length %zu", plen);
	end = 4 + plen < left ? 4 + plen : left;
	d->hdr = end;
	m = st_cur_sub(c, end, NULL);
	for (i = 0; i < LDP_MAXITEMS && pos + 8 <= 4 + plen &&
	    m.err == ST_OK; i++, pos += 4 + n) {
		ldp_at(d, &m, pos, M_UBIT, 4);
		n = (size_t)st_peek_bits(&m, pos * 8 + 16, 16);
		if (m.err != ST_OK)
			break;
		if (n < 4 || pos + 4 + n > 4 + plen)
			return st_dmalformed(d, "message of %zu bytes in a PDU "
			    "of %zu", n, plen);
		ldp_tlvs(d, &m, pos + 8, pos + 4 + n);
		if (d->ly->status == ST_LS_MALFORMED)
			return ST_EINVAL;
	}
	if (m.err != ST_OK || 4 + plen > left)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
	d->plen = left - end;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another PDU */
	return ST_OK;
}

static const struct st_bind ldp_binds[] = {
	{ ST_KEY_UDPPORT, 646 }, { ST_KEY_TCPPORT, 646 },
};

/* "LDP Label Mapping Message, LSR 192.168.0.2:0, PDU length 371". */
static int
ldp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[M_TYPE + 1];
	const char *t;

	st_ly_fields(s->pkt, ly, ldp_fields, M_TYPE + 1, f);
	if (f[F_LSR] == NULL || f[F_PLEN] == NULL || f[F_LSID] == NULL) {
		st_out_puts(s->o, "LDP");
		return 1;
	}
	t = f[M_TYPE] != NULL ? st_valname(msg_names,
	    (uint32_t)f[M_TYPE]->val) : NULL;
	st_out_printf(s->o, "LDP %s, LSR ", t != NULL ? t : "PDU");
	s->value(s, f[F_LSR]);
	st_out_printf(s->o, ":%u, PDU length %u", (unsigned)f[F_LSID]->val,
	    (unsigned)f[F_PLEN]->val);
	return 1;
}

static const struct st_field_desc *const ldp_keys[] = {
	&ldp_fields[F_LSR], &ldp_fields[M_TYPE], NULL,
};

const struct st_proto st_proto_ldp = {
	.name = "ldp",
	.ws = "ldp",
	.title = "Label Distribution Protocol",
	.rfc = "RFC 5036",
	.role = ST_ROLE_APP,
	.fields = ldp_fields,
	.nfields = NFIELDS(ldp_fields),
	.decode = ldp_decode,
	.binds = ldp_binds,
	.nbinds = NFIELDS(ldp_binds),
	.summary = ldp_summary,
	.keys = ldp_keys,
	.color = "\033[36m",
	.explain_bits = 80,
	.explain = "How MPLS routers agree on labels (RFC 5036): they find "
	    "each other with Hellos to UDP port 646, open a TCP session on "
	    "port 646 (Initialization with the session parameters, then "
	    "Keep Alives), announce their addresses, and bind labels to "
	    "forwarding equivalence classes (prefixes) in Label Mapping "
	    "messages, withdrawn and released later.  A PDU holds messages, "
	    "a message TLVs.",
};
