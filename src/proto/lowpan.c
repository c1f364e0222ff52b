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
#include <arpa/inet.h>

#include "strata/out.h"
#include "fields.h"

enum {
	F_P41, F_P50, F_PMESH, F_PFRAG1, F_PFRAGN, F_PIPHC, F_PHC1,
	F_MV, F_MF, F_MHOPS, F_MHOPS8, F_MO16, F_MO64, F_MD16, F_MD64,
	F_BSEQ, F_FSIZE, F_FTAG, F_FOFF,
	F_TF, F_NH, F_HLIM, F_CID, F_SAC, F_SAM, F_M, F_DAC, F_DAM, F_SCI,
	F_DCI, F_SCTX, F_DCTX,
	F_ECN, F_DSCP, F_CLASS, F_PAD0, F_PAD1, F_FLOW, F_NEXT, F_HOPS,
	F_SRC, F_DST,
	F_NUDP, F_NUCK, F_NUPORTS, F_USRC16, F_UDST16, F_USRC8, F_UDST8,
	F_USRC4, F_UDST4, F_UCK,
	F_NEXT_P, F_EID, F_ENH, F_ENEXT, F_ELEN, F_EDATA,
	F_NROWS
};

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

static const struct st_field_desc lowpan_fields[] = {
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

#define LOWPAN_MAXHDR	8	/* dispatch headers, and NHC headers, at most */
#define LOWPAN_MAXEXT	(2 + 255 + 7)	/* a rebuilt extension header */

/* The IPv6 protocol number of an NHC extension header ID; -1: none. */
static int
eid_proto(unsigned eid)
{
	static const int proto[8] = { 0, 43, 44, 60, 135, -1, -1, 41 };

	return proto[eid & 7];
}

/* What the IPHC header stands for, as it is rebuilt. */
struct rebuilt {
	uint8_t		 ip[40];
	uint8_t		 more[LOWPAN_MAXHDR * LOWPAN_MAXEXT + 8];
	size_t		 nmore;
	long		 udp;		/* the UDP header's place in more, or
					   -1 */
	int		 ckelided;	/* its checksum left out */
	uint8_t		*nextp;		/* where the next header's number
					   goes */
};

/* Adds row r at off of c; the field, or NULL (c->err set) when its bits
 * were not captured. */
static struct st_field *
rowf(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off)
{
	struct st_cur t = *c;
	struct st_field *f;

	if (!st_cur_skip(&t, off)) {
		c->err = ST_ETRUNC;
		return NULL;
	}
	if ((f = st_dfield(d, &t, &lowpan_fields[r])) == NULL)
		c->err = t.err;
	return f;
}

/* The same; its value, or -1. */
static long
row(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off)
{
	const struct st_field *f = rowf(d, c, r, off);

	return f != NULL ? (long)f->val : -1;
}

/* A compressed port of row r at off, shown whole as tshark shows it:
 * base plus the inline bits; -1 when not captured. */
static long
port(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off,
    long base)
{
	struct st_field *f = rowf(d, c, r, off);

	if (f == NULL)
		return -1;
	f->val |= (uint64_t)base;
	return (long)f->val;
}

/* Address a as a text field of row r over the n bytes at off. */
static void
addr_field(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off,
    size_t n, const uint8_t a[16])
{
	char text[INET6_ADDRSTRLEN];

	if (inet_ntop(AF_INET6, a, text, sizeof(text)) != NULL)
		st_dtext(d, c, &lowpan_fields[r], off, n, text);
}

/*
 * The interface ID the link layer gives (RFC 6282 3.2.2): from the
 * 802.15.4 layer below's source (end 0) or destination (end 1), or the
 * mesh header's, into a[8..16): an extended address as an EUI-64 with its
 * universal/local bit inverted, a short one as 0000:00ff:fe00:XXXX.
 */
static void
link_iid(const struct st_dctx *d, int end, const long long mesh[2],
    uint8_t a[16])
{
	static const char *const names[2][2] = {
		{ "wpan.src16", "wpan.src64" }, { "wpan.dst16", "wpan.dst64" },
	};
	const struct st_layer *below = st_dbelow(d->pkt, d->ly);
	const struct st_field *f;
	const uint8_t *b;
	size_t n;
	int i;

	if (mesh[end] >= 0) {
		a[11] = 0xff, a[12] = 0xfe;
		a[14] = (uint8_t)(mesh[end] >> 8), a[15] = (uint8_t)mesh[end];
		return;
	}
	if (below == NULL)
		return;
	if ((f = st_pkt_field(d->pkt, below, names[end][0])) != NULL) {
		a[11] = 0xff, a[12] = 0xfe;
		a[14] = (uint8_t)(f->val >> 8), a[15] = (uint8_t)f->val;
	} else if ((f = st_pkt_field(d->pkt, below, names[end][1])) != NULL &&
	    (b = st_field_bytes(d->pkt, f, &n)) != NULL && n == 8) {
		/* sent least significant byte first */
		for (i = 0; i < 8; i++)
			a[8 + i] = b[7 - i];
		a[8] ^= 0x02;
	}
}

/*
 * A unicast address (SAM or DAM mode m, stateful when sac) at off, into a;
 * the inline bytes it took.
 */
static size_t
unicast(struct st_dctx *d, struct st_cur *c, size_t off, unsigned m,
    int sac, int end, const long long mesh[2], uint8_t a[16])
{
	static const size_t inl[4] = { 16, 8, 2, 0 };
	struct st_cur t = *c;
	const uint8_t *p;

	memset(a, 0, 16);
	if (sac && m == 0)
		return 0;		/* the unspecified address, :: */
	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, inl[m])) == NULL) {
		c->err = ST_ETRUNC;
		return 0;
	}
	if (!sac)			/* the link-local prefix */
		a[0] = 0xfe, a[1] = 0x80;
	switch (m) {
	case 0:
		memcpy(a, p, 16);
		break;
	case 1:
		memcpy(a + 8, p, 8);
		break;
	case 2:
		a[11] = 0xff, a[12] = 0xfe, a[14] = p[0], a[15] = p[1];
		break;
	default:
		link_iid(d, end, mesh, a);
	}
	return inl[m];
}

/* A multicast destination (DAM mode m, RFC 6282 3.1.1) at off, into a;
 * the inline bytes it took. */
static size_t
multicast(struct st_cur *c, size_t off, unsigned m, int dac, uint8_t a[16])
{
	static const size_t inl[4] = { 16, 6, 4, 1 };
	struct st_cur t = *c;
	const uint8_t *p;

	memset(a, 0, 16);
	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, inl[m])) == NULL) {
		c->err = ST_ETRUNC;
		return 0;
	}
	a[0] = 0xff;
	if (dac) {
		/* ffXX:XXLL:PPPP:PPPP:PPPP:PPPP:XXXX:XXXX with the prefix a
		 * context would give (none known): zeros */
		a[1] = p[0], a[2] = p[1];
		memcpy(a + 12, p + 2, 4);
		return 6;
	}
	switch (m) {
	case 0:
		memcpy(a, p, 16);
		break;
	case 1:
		a[1] = p[0], a[11] = p[1];
		memcpy(a + 12, p + 2, 4);
		break;
	case 2:
		a[1] = p[0], a[13] = p[1], a[14] = p[2], a[15] = p[3];
		break;
	default:
		a[1] = 0x02, a[15] = p[0];
	}
	return inl[m];
}

/*
 * The NHC headers at off (RFC 6282 4): UDP's, and IPv6 extension
 * headers', each added to r as rebuilt; the bytes they took, 0 with
 * c->err set or the layer marked when they cannot be read.
 */
static size_t
nhc(struct st_dctx *d, struct st_cur *c, size_t off, struct rebuilt *r,
    int *bad)
{
	size_t pos = off, len, n, i;
	long b, v, sp, dp;
	uint8_t *h;
	int k;

	for (k = 0; k < LOWPAN_MAXHDR; k++) {
		if ((b = (long)st_peek_bits(c, pos * 8, 8)) < 0 ||
		    c->err != ST_OK)
			return 0;
		if ((b & 0xf8) == 0xf0) {
			row(d, c, F_NUDP, pos);
			row(d, c, F_NUCK, pos);
			row(d, c, F_NUPORTS, pos);
			pos++;
			switch (b & 3) {
			case 0:
				sp = port(d, c, F_USRC16, pos, 0);
				dp = port(d, c, F_UDST16, pos + 2, 0);
				pos += 4;
				break;
			case 1:
				sp = port(d, c, F_USRC16, pos, 0);
				dp = port(d, c, F_UDST8, pos + 2, 0xf000);
				pos += 3;
				break;
			case 2:
				sp = port(d, c, F_USRC8, pos, 0xf000);
				dp = port(d, c, F_UDST16, pos + 1, 0);
				pos += 3;
				break;
			default:
				sp = port(d, c, F_USRC4, pos, 0xf0b0);
				dp = port(d, c, F_UDST4, pos, 0xf0b0);
				pos++;
			}
			if (c->err != ST_OK)
				return 0;
			*r->nextp = 17;
			h = r->more + r->nmore;
			r->udp = (long)r->nmore;
			h[0] = (uint8_t)(sp >> 8), h[1] = (uint8_t)sp;
			h[2] = (uint8_t)(dp >> 8), h[3] = (uint8_t)dp;
			h[4] = h[5] = h[6] = h[7] = 0;
			r->ckelided = (b & 4) != 0;
			if (!(b & 4)) {
				if ((v = row(d, c, F_UCK, pos)) < 0)
					return 0;
				h[6] = (uint8_t)(v >> 8), h[7] = (uint8_t)v;
				pos += 2;
			}
			r->nmore += 8;
			return pos - off;
		}
		if ((b & 0xf0) != 0xe0) {
			*bad = 1;
			st_dmalformed(d, "NHC header 0x%02lx of no known kind",
			    b);
			return pos - off;
		}
		row(d, c, F_NEXT_P, pos);
		row(d, c, F_EID, pos);
		row(d, c, F_ENH, pos);
		if (eid_proto((unsigned)b >> 1) < 0 || (b >> 1 & 7) == 7) {
			*bad = 1;
			st_dmalformed(d, "NHC extension header ID %lu not "
			    "decoded", (unsigned long)(b >> 1 & 7));
			return pos - off + 1;
		}
		*r->nextp = (uint8_t)eid_proto((unsigned)b >> 1);
		h = r->more + r->nmore;
		pos++;
		if (!(b & 1)) {
			if ((v = row(d, c, F_ENEXT, pos)) < 0)
				return 0;
			h[0] = (uint8_t)v;
			pos++;
		}
		if ((v = row(d, c, F_ELEN, pos)) < 0)
			return 0;
		len = (size_t)v;
		pos++;
		if (len > 0 && st_dbytes(d, c, &lowpan_fields[F_EDATA], pos,
		    len) == NULL)
			return 0;
		/* rebuilt: next header, length in 8-byte units after the
		 * first 8, the data, padded to 8 with Pad1 or PadN */
		n = (2 + len + 7) / 8 * 8;
		memset(h + 1, 0, n - 1);
		h[1] = (uint8_t)(n / 8 - 1);
		for (i = 0; i < len; i++)
			h[2 + i] = (uint8_t)st_peek_bits(c, (pos + i) * 8, 8);
		if (n - 2 - len > 1) {
			h[2 + len] = 1;
			h[3 + len] = (uint8_t)(n - 4 - len);
		}
		r->nextp = h;
		r->nmore += n;
		pos += len;
		if (b & 1)
			continue;
		return pos - off;
	}
	*bad = 1;
	st_dmalformed(d, "more than %d NHC headers", LOWPAN_MAXHDR);
	return pos - off;
}

/*
 * An IPHC header at off (RFC 6282 3.1), then its NHC headers; the IPv6
 * header rebuilt and decoded after the frame's bytes unless this is a
 * first fragment (fsize its datagram's size) or the header is bad.
 */
static int
iphc(struct st_dctx *d, struct st_cur *c, size_t off, long fsize,
    const long long mesh[2])
{
	static const uint8_t hlims[4] = { 0, 1, 64, 255 };
	struct rebuilt *r;
	uint8_t src[16], dst[16];
	size_t pos = off + 2, n, pay;
	unsigned tf, sam, dam, ecn = 0, dscp = 0;
	long v, flow = 0, hop, next = 0;
	const uint8_t *p;
	struct st_cur t;
	int nh, sac, m, dac, bad = 0;

	for (v = F_PIPHC; v <= F_DAM; v++)
		if (v == F_PIPHC || v >= F_TF)
			row(d, c, (unsigned)v, off);
	if (c->err != ST_OK)
		return c->err;
	v = (long)st_peek_bits(c, off * 8, 16);
	tf = (unsigned)v >> 11 & 3;
	nh = v >> 10 & 1;
	hop = hlims[v >> 8 & 3];
	sac = v >> 6 & 1;
	sam = (unsigned)v >> 4 & 3;
	m = v >> 3 & 1;
	dac = v >> 2 & 1;
	dam = (unsigned)v & 3;
	if (v & 0x80) {
		row(d, c, F_SCI, pos);
		row(d, c, F_DCI, pos);
		pos++;
	}
	if (tf == 0 || tf == 2) {
		ecn = (unsigned)row(d, c, F_ECN, pos);
		dscp = (unsigned)row(d, c, F_DSCP, pos);
		st_dgen(d, &lowpan_fields[F_CLASS], dscp << 2 | ecn);
		pos++;
		if (tf == 0) {
			row(d, c, F_PAD0, pos);
			flow = row(d, c, F_FLOW, pos);
			pos += 3;
		}
	} else if (tf == 1) {
		ecn = (unsigned)row(d, c, F_ECN, pos);
		st_dgen(d, &lowpan_fields[F_CLASS], ecn);
		row(d, c, F_PAD1, pos);
		flow = row(d, c, F_FLOW, pos);
		pos += 3;
	}
	if (!nh) {
		next = row(d, c, F_NEXT, pos);
		pos++;
	}
	if (hop == 0) {
		hop = row(d, c, F_HOPS, pos);
		pos++;
	}
	if (c->err != ST_OK)
		return c->err;
	if (!sac && sam != 0)
		st_dtext(d, c, &lowpan_fields[F_SCTX], 0, 0, "fe80::");
	n = unicast(d, c, pos, sam, sac, 0, mesh, src);
	if (c->err != ST_OK)
		return c->err;
	addr_field(d, c, F_SRC, pos, n, src);
	pos += n;
	if (!dac && dam != 0)
		st_dtext(d, c, &lowpan_fields[F_DCTX], 0, 0, "fe80::");
	if (m && dac && dam != 0)
		return st_dmalformed(d, "reserved multicast address mode %u",
		    dam);
	if (!m && dac && dam == 0)
		return st_dmalformed(d, "reserved address mode (DAC, DAM 0)");
	n = m ? multicast(c, pos, dam, dac, dst) :
	    unicast(d, c, pos, dam, dac, 1, mesh, dst);
	if (c->err != ST_OK)
		return c->err;
	addr_field(d, c, F_DST, pos, n, dst);
	pos += n;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return ST_OK;
	r->udp = -1;
	r->nextp = &r->ip[6];
	r->ip[0] = (uint8_t)(0x60 | dscp >> 2);
	r->ip[1] = (uint8_t)((dscp & 3) << 6 | ecn << 4 | (flow >> 16 & 0xf));
	r->ip[2] = (uint8_t)(flow >> 8), r->ip[3] = (uint8_t)flow;
	r->ip[6] = (uint8_t)next;
	r->ip[7] = (uint8_t)hop;
	memcpy(r->ip + 8, src, 16);
	memcpy(r->ip + 24, dst, 16);
	if (nh)
		pos += nhc(d, c, pos, r, &bad);
	if (c->err != ST_OK || bad) {
		free(r);
		return c->err != ST_OK ? c->err : ST_EINVAL;
	}
	d->hdr = pos;
	/* A first fragment: the rest of the datagram is to come.  A frame
	 * the capture cut: what would be rebuilt is not the sender's. */
	if (fsize >= 0 || d->pkt->caplen < d->pkt->len) {
		d->data = 1;
		free(r);
		return ST_OK;
	}
	pay = st_cur_left(c) - pos;
	n = r->nmore + pay;
	r->ip[4] = (uint8_t)(n >> 8), r->ip[5] = (uint8_t)n;
	if (r->udp >= 0) {
		uint8_t *u = r->more + r->udp;
		size_t ul = r->nmore - (size_t)r->udp + (n - r->nmore);

		u[4] = (uint8_t)(ul >> 8), u[5] = (uint8_t)ul;
	}
	/* the whole datagram, to be decoded after the frame's bytes */
	t = *c;
	st_cur_skip(&t, pos);
	p = st_get_bytes(&t, pay);
	{
		size_t whole = 40 + r->nmore + pay;
		uint8_t *b = malloc(whole);

		if (b == NULL || p == NULL) {
			free(b);
			free(r);
			return ST_OK;
		}
		memcpy(b, r->ip, 40);
		memcpy(b + 40, r->more, r->nmore);
		memcpy(b + 40 + r->nmore, p, pay);
		/* an elided UDP checksum: tshark rebuilds it as 0xffff
		 * (RFC 6282 4.3.2 leaves it to the receiver to work out,
		 * which tshark does not) */
		if (r->udp >= 0 && r->ckelided)
			b[40 + r->udp + 6] = b[40 + r->udp + 7] = 0xff;
		free(r);
		d->rest_done = 1;
		st_dderive(d, b, whole, ST_KEY_ETHERTYPE, 0x86dd,
		    "the IPv6 datagram 6LoWPAN compressed, rebuilt");
		free(b);
	}
	return ST_OK;
}

/* A mesh header at off (RFC 4944 5.2); its length, 0 when cut. */
static size_t
meshhdr(struct st_dctx *d, struct st_cur *c, size_t off, long long mesh[2])
{
	size_t pos = off + 1;
	long b;

	if ((b = row(d, c, F_PMESH, off)) < 0)
		return 0;
	b = (long)st_peek_bits(c, off * 8, 8);
	row(d, c, F_MV, off);
	row(d, c, F_MF, off);
	row(d, c, F_MHOPS, off);
	if ((b & 0x0f) == 0x0f)
		row(d, c, F_MHOPS8, pos++);
	if (b & 0x20) {
		mesh[0] = row(d, c, F_MO16, pos);
		pos += 2;
	} else {
		row(d, c, F_MO64, pos);
		pos += 8;
	}
	if (b & 0x10) {
		mesh[1] = row(d, c, F_MD16, pos);
		pos += 2;
	} else {
		row(d, c, F_MD64, pos);
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
			row(d, c, F_P41, off);
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
			return iphc(d, c, off, fsize, mesh);
		if (b == 0x50) {
			row(d, c, F_P50, off);
			row(d, c, F_BSEQ, off);
			off += 2;
		} else if ((b & 0xc0) == 0x80) {
			if ((n = meshhdr(d, c, off, mesh)) == 0)
				return c->err;
			off += n;
		} else if ((b & 0xf8) == 0xc0 && fsize < 0) {
			row(d, c, F_PFRAG1, off);
			fsize = row(d, c, F_FSIZE, off);
			row(d, c, F_FTAG, off);
			off += 4;
		} else if ((b & 0xf8) == 0xe0 && fsize < 0) {
			/* a later fragment: the datagram's middle, data */
			row(d, c, F_PFRAGN, off);
			row(d, c, F_FSIZE, off);
			row(d, c, F_FTAG, off);
			row(d, c, F_FOFF, off);
			if (c->err != ST_OK)
				return c->err;
			d->hdr = off + 5;
			d->data = 1;
			return ST_OK;
		} else if (b == 0x42) {
			/* HC1 (RFC 4944 10.1), which RFC 6282 replaced: its
			 * encoding is shown as data */
			row(d, c, F_PHC1, off);
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
	.nfields = NFIELDS(lowpan_fields),
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
