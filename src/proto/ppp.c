/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP (RFC 1661) framing: the HDLC-like address and control bytes (RFC
 * 1662: 0xff 0x03) when present, then the protocol field, one byte when
 * compressed (RFC 1661 6.5: an odd first byte).
 *
 * +----------+----------+----------+-----------------
 * | Address  | Control  | Protocol | Information ...
 * |   0xff   |   0x03   | 8/16 bits|
 * +----------+----------+----------+-----------------
 *
 * DLT_PPP and DLT_PPP_SERIAL frames start here, as do the PPP frames GRE
 * (PPTP, 0x880b) and L2TP data messages carry; there the address and
 * control bytes are normally left out, and are detected by their value as
 * Wireshark does (a protocol's first byte is even, so 0xff is never
 * one).  IPv4 (0x0021) and IPv6 (0x0057) go on by
 * EtherType, the rest by PPP protocol number (LCP 0xc021, MPLS 0x0281).
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

enum { F_ADDR, F_CTRL, F_PROTO, F_PROTO8 };

static const struct st_valname ppp_proto_names[] = {
	{ 0x0021, "IPv4" }, { 0x0057, "IPv6" }, { 0x0281, "MPLS unicast" },
	{ 0x0283, "MPLS multicast" }, { 0xc021, "LCP" }, { 0x8021, "IPCP" },
	{ 0x8057, "IPV6CP" }, { 0xc023, "PAP" }, { 0xc223, "CHAP" },
	{ 0x80fd, "CCP" }, { 0x00fd, "compressed datagram" },
	{ 0xc025, "LQR" }, { 0x002d, "VJ compressed TCP/IP" },
	{ 0x002f, "VJ uncompressed TCP/IP" }, { 0x003d, "multilink" },
	{ 0, NULL }
};

static const struct st_field_desc ppp_fields[] = {
	FD(NULL, "ppp.address", "Address", 0, 8, ST_FMT_HEX),
	FD(NULL, "ppp.control", "Control", 8, 8, ST_FMT_HEX),
	FDN("proto", "ppp.protocol", "Protocol", 0, 16, ST_FMT_HEX,
	    ppp_proto_names),
	FDN(NULL, "ppp.protocol", "Protocol (compressed)", 0, 8, ST_FMT_HEX,
	    ppp_proto_names),
};

/* Where the information goes: IP by EtherType, the rest by number. */
static void
ppp_next(struct st_dctx *d, unsigned proto)
{
	d->next_key = ST_KEY_ETHERTYPE;
	if (proto == 0x0021)
		d->next_val = 0x0800;
	else if (proto == 0x0057)
		d->next_val = 0x86dd;
	else {
		d->next_key = ST_KEY_PPP;
		d->next_val = proto;
	}
}

static int
ppp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur p = *c;
	unsigned proto;
	size_t off = 0;

	/* No protocol starts with 0xff (its first byte is even): an address,
	 * whatever the control byte says, as Wireshark reads it. */
	if (st_cur_left(c) >= 2 && st_peek_bits(c, 0, 8) == 0xff) {
		st_dfields(d, c, ppp_fields, F_PROTO);
		off = 2;
	}
	p.off += off;
	if (st_cur_left(&p) >= 1 && (st_peek_bits(&p, 0, 8) & 1)) {
		st_dfield(d, &p, &ppp_fields[F_PROTO8]);
		proto = (unsigned)st_peek_bits(&p, 0, 8);
		off += 1;
	} else {
		st_dfield(d, &p, &ppp_fields[F_PROTO]);
		proto = (unsigned)st_peek_bits(&p, 0, 16);
		off += 2;
	}
	if (p.err != ST_OK) {
		d->hdr = st_cur_left(c);
		return p.err;
	}
	d->hdr = off;
	ppp_next(d, proto);
	return ST_OK;
}

static const struct st_bind ppp_binds[] = {
	{ ST_KEY_LINK, DLT_PPP },
	{ ST_KEY_LINK, DLT_PPP_SERIAL },
};

/* "PPP proto 0xc025 (LQR) len n": when nothing after it says more. */
static int
ppp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_PROTO8 + 1];
	const struct st_field *pr;
	const char *m;

	st_ly_fields(s->pkt, ly, ppp_fields, F_PROTO8 + 1, f);
	pr = f[F_PROTO] != NULL ? f[F_PROTO] : f[F_PROTO8];
	if (pr == NULL)
		return 0;
	st_out_printf(s->o, "PPP proto 0x%04x", (unsigned)pr->val);
	if ((m = st_field_meaning(pr)) != NULL)
		st_out_printf(s->o, " (%s)", m);
	st_out_puts(s->o, " len ");
	st_out_u64(s->o, ly->len >= ly->hdr_len ? ly->len - ly->hdr_len : 0);
	return 1;
}

static const struct st_field_desc *const ppp_keys[] = {
	&ppp_fields[F_PROTO], NULL,
};

const struct st_proto st_proto_ppp = {
	.name = "ppp",
	.ws = "ppp",
	.title = "Point-to-Point Protocol",
	.rfc = "RFC 1661",
	.role = ST_ROLE_LINK,
	.fields = ppp_fields,
	.nfields = NFIELDS(ppp_fields),
	.decode = ppp_decode,
	.binds = ppp_binds,
	.nbinds = NFIELDS(ppp_binds),
	.summary = ppp_summary,
	.keys = ppp_keys,
	.color = "\033[36m",
	.explain = "The address (0xff, all stations) and control (0x03, "
	    "unnumbered information) bytes of HDLC-like framing may be left "
	    "out when both ends agreed to (LCP's ACFC), as may the protocol's "
	    "first byte (PFC): a protocol field starting with an odd byte is "
	    "one byte long. The protocol says what the information is: 0x0021 "
	    "IPv4, 0x0057 IPv6, 0xc021 LCP, 0x8021 IPCP.",
};
