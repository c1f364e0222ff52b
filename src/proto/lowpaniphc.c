/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 6LoWPAN's IPHC (RFC 6282 3) and NHC (RFC 6282 4) headers, for lowpan.c
 * (lowpan.h): the fields IPHC leaves inline, the addresses it makes from
 * the link-local prefix and the 802.15.4 (or mesh) addresses, UDP's
 * compressed ports and checksum, compressed IPv6 extension headers, and
 * the IPv6 datagram they stand for, rebuilt and decoded after the frame's
 * bytes (st_dderive) as tshark shows it.
 */
#include <arpa/inet.h>

#include "lowpan.h"

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

long
lowpan_row(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off)
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
			lowpan_row(d, c, F_NUDP, pos);
			lowpan_row(d, c, F_NUCK, pos);
			lowpan_row(d, c, F_NUPORTS, pos);
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
				if ((v = lowpan_row(d, c, F_UCK, pos)) < 0)
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
		lowpan_row(d, c, F_NEXT_P, pos);
		lowpan_row(d, c, F_EID, pos);
		lowpan_row(d, c, F_ENH, pos);
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
			if ((v = lowpan_row(d, c, F_ENEXT, pos)) < 0)
				return 0;
			h[0] = (uint8_t)v;
			pos++;
		}
		if ((v = lowpan_row(d, c, F_ELEN, pos)) < 0)
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

int
lowpan_iphc(struct st_dctx *d, struct st_cur *c, size_t off, long fsize,
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
		lowpan_row(d, c, (unsigned)v, off);
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
		lowpan_row(d, c, F_SCI, pos);
		lowpan_row(d, c, F_DCI, pos);
		pos++;
	}
	if (tf == 0 || tf == 2) {
		ecn = (unsigned)lowpan_row(d, c, F_ECN, pos);
		dscp = (unsigned)lowpan_row(d, c, F_DSCP, pos);
		st_dgen(d, &lowpan_fields[F_CLASS], dscp << 2 | ecn);
		pos++;
		if (tf == 0) {
			lowpan_row(d, c, F_PAD0, pos);
			flow = lowpan_row(d, c, F_FLOW, pos);
			pos += 3;
		}
	} else if (tf == 1) {
		ecn = (unsigned)lowpan_row(d, c, F_ECN, pos);
		st_dgen(d, &lowpan_fields[F_CLASS], ecn);
		lowpan_row(d, c, F_PAD1, pos);
		flow = lowpan_row(d, c, F_FLOW, pos);
		pos += 3;
	}
	if (!nh) {
		next = lowpan_row(d, c, F_NEXT, pos);
		pos++;
	}
	if (hop == 0) {
		hop = lowpan_row(d, c, F_HOPS, pos);
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

