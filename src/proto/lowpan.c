/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 6LoWPAN (RFC 4944, RFC 6282): IPv6 over IEEE 802.15.4, a data frame's
 * payload.  Headers stacked by their first byte, the dispatch:
 *
 *   10 V F hops      mesh: originator and final destination, 16 or 64 bits
 *   0101 0000        broadcast (BC0): a sequence number
 *   11000 size(11)   first fragment: datagram size and tag, then a header
 *   11100 size(11)   later fragment: size, tag, offset in 8-byte units
 *   0100 0001        an IPv6 header, uncompressed
 *   011 TF NH HLIM | CID SAC SAM M DAC DAM      IPHC (RFC 6282 3.1)
 *
 * IPHC leaves out what the link layer or the defaults say: traffic class
 * and flow label, hop limit, and the addresses, whole or in part, made
 * from the link-local prefix (or a context: none is known here, as
 * tshark knows none) and the 802.15.4 addresses.  With NH set, the next
 * headers are compressed too (NHC, RFC 6282 4): UDP's ports and checksum,
 * and IPv6 extension headers.  The IPv6 header it stands for is rebuilt
 * and decoded after the frame's bytes, as tshark shows it.
 */
#include "strata/out.h"
#include "lowpan.h"

static const struct st_valname tf_names[] = {
	{ 0, "Inline" }, { 1, "Flow label inline" },
	{ 2, "Traffic class inline" },
	{ 3, "Version, traffic class, and flow label compressed" },
	{ 0, NULL }
};

static const struct st_valname hlim_names[] = {
	{ 0, "Inline" }, { 1, "1" }, { 2, "64" }, { 3, "255" }, { 0, NULL }
};

static const struct st_valname eid_names[] = {
	{ 0, "IPv6 Hop-by-Hop Options" }, { 1, "IPv6 Routing" },
	{ 2, "IPv6 Fragment" }, { 3, "IPv6 Destination Options" },
	{ 4, "IPv6 Mobility Header" }, { 7, "IPv6 Header" }, { 0, NULL }
};

const struct st_field_desc lowpan_fields[F_NROWS] = {
	[F_P41] = FD("dispatch", "6lowpan.pattern", "Pattern (IPv6)", 0, 8,
	    ST_FMT_HEX),
	[F_P50] = FD(NULL, "6lowpan.pattern", "Pattern (broadcast)", 0, 8,
	    ST_FMT_HEX),
	[F_PMESH] = FD(NULL, "6lowpan.pattern", "Pattern (mesh)", 0, 2,
	    ST_FMT_HEX),
	[F_PFRAG1] = FD(NULL, "6lowpan.pattern", "Pattern (first "
	    "fragment)", 0, 5, ST_FMT_HEX),
	[F_PFRAGN] = FD(NULL, "6lowpan.pattern", "Pattern (fragment)", 0, 5,
	    ST_FMT_HEX),
	[F_PIPHC] = FD(NULL, "6lowpan.pattern", "Pattern (IPHC)", 0, 3,
	    ST_FMT_HEX),
	[F_PHC1] = FD(NULL, "6lowpan.pattern", "Pattern (HC1)", 0, 8,
	    ST_FMT_HEX),
	[F_MV] = FD(NULL, "6lowpan.mesh.v", "Originator short (V)", 2, 1,
	    ST_FMT_BOOL),
	[F_MF] = FD(NULL, "6lowpan.mesh.f", "Destination short (F)", 3, 1,
	    ST_FMT_BOOL),
	[F_MHOPS] = FD(NULL, "6lowpan.mesh.hops", "Hops left", 4, 4,
	    ST_FMT_DEC),
	[F_MHOPS8] = FD(NULL, "6lowpan.mesh.hops8", "Deep hops left", 0, 8,
	    ST_FMT_DEC),
	[F_MO16] = FD(NULL, "6lowpan.mesh.orig16", "Originator", 0, 16,
	    ST_FMT_HEX),
	[F_MO64] = FD(NULL, "6lowpan.mesh.orig64", "Originator", 0, 64,
	    ST_FMT_HEX),
	[F_MD16] = FD(NULL, "6lowpan.mesh.dest16", "Destination", 0, 16,
	    ST_FMT_HEX),
	[F_MD64] = FD(NULL, "6lowpan.mesh.dest64", "Destination", 0, 64,
	    ST_FMT_HEX),
	[F_BSEQ] = FD(NULL, "6lowpan.bcast.seqnum", "Sequence number", 8, 8,
	    ST_FMT_DEC),
	[F_FSIZE] = FD(NULL, "6lowpan.frag.size", "Datagram size", 5, 11,
	    ST_FMT_DEC),
	[F_FTAG] = FD(NULL, "6lowpan.frag.tag", "Datagram tag", 16, 16,
	    ST_FMT_HEX),
	/* tshark holds the offset in bytes, the wire's 8-byte units << 3 */
	[F_FOFF] = FDX(NULL, "6lowpan.frag.offset", "Datagram offset", 32,
	    8, ST_FMT_DEC, 3, 0, 0, 0, NULL),
	[F_TF] = FDN(NULL, "6lowpan.iphc.tf", "Traffic class and flow label",
	    3, 2, ST_FMT_HEX, tf_names),
	[F_NH] = FD(NULL, "6lowpan.iphc.nh", "Next header compressed", 5, 1,
	    ST_FMT_BOOL),
	[F_HLIM] = FDN(NULL, "6lowpan.iphc.hlim", "Hop limit", 6, 2,
	    ST_FMT_HEX, hlim_names),
	[F_CID] = FD(NULL, "6lowpan.iphc.cid", "Context identifier "
	    "extension", 8, 1, ST_FMT_BOOL),
	[F_SAC] = FD(NULL, "6lowpan.iphc.sac", "Source address compression "
	    "(stateful)", 9, 1, ST_FMT_BOOL),
	[F_SAM] = FD(NULL, "6lowpan.iphc.sam", "Source address mode", 10, 2,
	    ST_FMT_HEX),
	[F_M] = FD(NULL, "6lowpan.iphc.m", "Multicast address compression",
	    12, 1, ST_FMT_BOOL),
	[F_DAC] = FD(NULL, "6lowpan.iphc.dac", "Destination address "
	    "compression (stateful)", 13, 1, ST_FMT_BOOL),
	[F_DAM] = FD(NULL, "6lowpan.iphc.dam", "Destination address mode",
	    14, 2, ST_FMT_HEX),
	[F_SCI] = FD(NULL, "6lowpan.iphc.sci", "Source context identifier",
	    0, 4, ST_FMT_HEX),
	[F_DCI] = FD(NULL, "6lowpan.iphc.dci", "Destination context "
	    "identifier", 4, 4, ST_FMT_HEX),
	[F_SCTX] = FDG("6lowpan.iphc.sctx.prefix", "Source context",
	    ST_FMT_TEXT, NULL),
	[F_DCTX] = FDG("6lowpan.iphc.dctx.prefix", "Destination context",
	    ST_FMT_TEXT, NULL),
	[F_ECN] = FD(NULL, "6lowpan.ecn", "ECN", 0, 2, ST_FMT_DEC),
	[F_DSCP] = FD(NULL, "6lowpan.dscp", "DSCP", 2, 6, ST_FMT_DEC),
	[F_CLASS] = FDG("6lowpan.class", "Traffic class", ST_FMT_HEX, NULL),
	[F_PAD0] = FD(NULL, "6lowpan.padding", "Padding", 0, 4, ST_FMT_HEX),
	[F_PAD1] = FD(NULL, "6lowpan.padding", "Padding", 2, 2, ST_FMT_HEX),
	[F_FLOW] = FD(NULL, "6lowpan.flow", "Flow label", 4, 20, ST_FMT_HEX),
	[F_NEXT] = FD(NULL, "6lowpan.next", "Next header", 0, 8, ST_FMT_HEX),
	[F_HOPS] = FD(NULL, "6lowpan.hops", "Hop limit", 0, 8, ST_FMT_DEC),
	[F_SRC] = FD("src", "6lowpan.src", "Source", 0, 0, ST_FMT_TEXT),
	[F_DST] = FD("dst", "6lowpan.dst", "Destination", 0, 0, ST_FMT_TEXT),
	[F_NUDP] = FD(NULL, "6lowpan.nhc.pattern", "NHC pattern (UDP)", 0, 5,
	    ST_FMT_HEX),
	[F_NUCK] = FD(NULL, "6lowpan.nhc.udp.checksum", "Checksum elided", 5,
	    1, ST_FMT_BOOL),
	[F_NUPORTS] = FD(NULL, "6lowpan.nhc.udp.ports", "Ports", 6, 2,
	    ST_FMT_DEC),
	[F_USRC16] = FD(NULL, "6lowpan.udp.src", "Source port", 0, 16,
	    ST_FMT_DEC),
	[F_UDST16] = FD(NULL, "6lowpan.udp.dst", "Destination port", 0, 16,
	    ST_FMT_DEC),
	[F_USRC8] = FD(NULL, "6lowpan.udp.src", "Source port (0xf0..)", 0, 8,
	    ST_FMT_DEC),
	[F_UDST8] = FD(NULL, "6lowpan.udp.dst", "Destination port (0xf0..)",
	    0, 8, ST_FMT_DEC),
	[F_USRC4] = FD(NULL, "6lowpan.udp.src", "Source port (0xf0b.)", 0, 4,
	    ST_FMT_DEC),
	[F_UDST4] = FD(NULL, "6lowpan.udp.dst", "Destination port (0xf0b.)",
	    4, 4, ST_FMT_DEC),
	[F_UCK] = FD(NULL, "6lowpan.udp.checksum", "UDP checksum", 0, 16,
	    ST_FMT_HEX),
	[F_NEXT_P] = FD(NULL, "6lowpan.nhc.pattern", "NHC pattern "
	    "(extension header)", 0, 4, ST_FMT_HEX),
	[F_EID] = FDN(NULL, "6lowpan.nhc.ext.eid", "Header ID", 4, 3,
	    ST_FMT_HEX, eid_names),
	[F_ENH] = FD(NULL, "6lowpan.nhc.ext.nh", "Next header compressed", 7,
	    1, ST_FMT_BOOL),
	[F_ENEXT] = FD(NULL, "6lowpan.nhc.ext.next", "Next header", 0, 8,
	    ST_FMT_DEC),
	[F_ELEN] = FD(NULL, "6lowpan.nhc.ext.length", "Header length", 0, 8,
	    ST_FMT_DEC),
	[F_EDATA] = FD(NULL, "strata.6lowpan.nhc.ext.data", "Header data", 0,
	    0, ST_FMT_BYTES),
};

/* A mesh header at off (RFC 4944 5.2); its length, 0 when cut. */
static size_t
meshhdr(struct st_dctx *d, struct st_cur *c, size_t off, long long mesh[2])
{
	size_t pos = off + 1;
	long b;

	if ((b = lowpan_row(d, c, F_PMESH, off)) < 0)
		return 0;
	b = (long)st_peek_bits(c, off * 8, 8);
	lowpan_row(d, c, F_MV, off);
	lowpan_row(d, c, F_MF, off);
	lowpan_row(d, c, F_MHOPS, off);
	if ((b & 0x0f) == 0x0f)
		lowpan_row(d, c, F_MHOPS8, pos++);
	if (b & 0x20) {
		mesh[0] = lowpan_row(d, c, F_MO16, pos);
		pos += 2;
	} else {
		lowpan_row(d, c, F_MO64, pos);
		pos += 8;
	}
	if (b & 0x10) {
		mesh[1] = lowpan_row(d, c, F_MD16, pos);
		pos += 2;
	} else {
		lowpan_row(d, c, F_MD64, pos);
		pos += 8;
	}
	return c->err == ST_OK ? pos - off : 0;
}

static int
lowpan_decode(struct st_dctx *d, struct st_cur *c)
{
	long long mesh[2] = { -1, -1 };
	size_t off = 0, n;
	long b, fsize = -1;
	unsigned k;

	for (k = 0; k < LOWPAN_MAXHDR; k++) {
		if (!st_cur_need(c, off + 1))
			return c->err;
		b = (long)st_peek_bits(c, off * 8, 8);
		if (b == 0x41) {
			lowpan_row(d, c, F_P41, off);
			d->hdr = off + 1;
			if (fsize >= 0)
				d->data = 1;
			else {
				d->next_key = ST_KEY_ETHERTYPE;
				d->next_val = 0x86dd;
			}
			return ST_OK;
		}
		if ((b & 0xe0) == 0x60)
			return lowpan_iphc(d, c, off, fsize, mesh);
		if (b == 0x50) {
			lowpan_row(d, c, F_P50, off);
			lowpan_row(d, c, F_BSEQ, off);
			off += 2;
		} else if ((b & 0xc0) == 0x80) {
			if ((n = meshhdr(d, c, off, mesh)) == 0)
				return c->err;
			off += n;
		} else if ((b & 0xf8) == 0xc0 && fsize < 0) {
			lowpan_row(d, c, F_PFRAG1, off);
			fsize = lowpan_row(d, c, F_FSIZE, off);
			lowpan_row(d, c, F_FTAG, off);
			off += 4;
		} else if ((b & 0xf8) == 0xe0 && fsize < 0) {
			/* a later fragment: the datagram's middle, data */
			lowpan_row(d, c, F_PFRAGN, off);
			lowpan_row(d, c, F_FSIZE, off);
			lowpan_row(d, c, F_FTAG, off);
			lowpan_row(d, c, F_FOFF, off);
			if (c->err != ST_OK)
				return c->err;
			d->hdr = off + 5;
			d->data = 1;
			return ST_OK;
		} else if (b == 0x42) {
			/* HC1 (RFC 4944 10.1), which RFC 6282 replaced: its
			 * encoding is shown as data */
			lowpan_row(d, c, F_PHC1, off);
			d->hdr = off + 1;
			d->data = 1;
			return ST_OK;
		} else if (off == 0)
			return ST_ENOTME;	/* not a 6LoWPAN dispatch */
		else
			return st_dmalformed(d, "dispatch 0x%02lx of no known "
			    "kind after a 6LoWPAN header", b);
		if (c->err != ST_OK)
			return c->err;
	}
	return st_dmalformed(d, "more than %d 6LoWPAN headers",
	    LOWPAN_MAXHDR);
}

static const struct st_bind lowpan_binds[] = {
	{ ST_KEY_WPAN, ST_WPAN_DATA },
};

/* "6lowpan IPHC", "6lowpan frag1 size 256 tag 0x1234". */
static int
lowpan_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS];

	st_ly_fields(s->pkt, ly, lowpan_fields, F_NROWS, f);
	st_out_puts(s->o, "6lowpan");
	if (f[F_PMESH] != NULL)
		st_out_puts(s->o, " mesh");
	if (f[F_P50] != NULL)
		st_out_puts(s->o, " broadcast");
	if (f[F_PFRAG1] != NULL || f[F_PFRAGN] != NULL) {
		st_out_puts(s->o, f[F_PFRAG1] != NULL ? " frag1" : " fragN");
		st_out_puts(s->o, " size ");
		s->value(s, f[F_FSIZE]);
		st_out_puts(s->o, " tag ");
		s->value(s, f[F_FTAG]);
		if (f[F_FOFF] != NULL) {
			st_out_puts(s->o, " offset ");
			s->value(s, f[F_FOFF]);
		}
	}
	if (f[F_PIPHC] != NULL)
		st_out_puts(s->o, " IPHC");
	if (f[F_P41] != NULL)
		st_out_puts(s->o, " IPv6");
	if (f[F_PHC1] != NULL)
		st_out_puts(s->o, " HC1");
	if (f[F_SRC] != NULL && f[F_DST] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_SRC]);
		st_out_puts(s->o, " \xe2\x86\x92 ");
		s->value(s, f[F_DST]);
	}
	return 1;
}

static const struct st_field_desc *const lowpan_keys[] = {
	&lowpan_fields[F_PIPHC], &lowpan_fields[F_SRC],
	&lowpan_fields[F_DST], NULL,
};

const struct st_proto st_proto_lowpan = {
	.name = "6lowpan",
	.ws = "6lowpan",
	.title = "IPv6 over Low-power Wireless Personal Area Networks",
	.rfc = "RFC 4944, RFC 6282",
	.role = ST_ROLE_LINK,	/* an adaptation layer under IPv6 */
	.fields = lowpan_fields,
	.nfields = F_NROWS,
	.decode = lowpan_decode,
	.binds = lowpan_binds,
	.nbinds = NFIELDS(lowpan_binds),
	.summary = lowpan_summary,
	.keys = lowpan_keys,
	.color = "\033[32m",
	.explain_bits = 16,
	.explain = "IPv6 squeezed into 802.15.4 frames of at most 127 bytes. "
	    "The first byte, the dispatch, says what follows: 0x41 an "
	    "uncompressed IPv6 header; 011 an IPHC header (RFC 6282), whose "
	    "two bytes say which IPv6 fields are left out because the link "
	    "layer or a default gives them (version, traffic class, flow "
	    "label, hop limit 1/64/255, addresses made from fe80:: and the "
	    "802.15.4 addresses, or from a shared context); with NH set, the "
	    "UDP header and extension headers are compressed too (NHC). "
	    "Mesh, broadcast and fragment headers (FRAG1 opens a datagram "
	    "too big for one frame, FRAGN carries its later pieces at an "
	    "offset in 8-byte units) may come first. The IPv6 header shown "
	    "after it is rebuilt, not on the wire.",
};
