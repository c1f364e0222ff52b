/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The pseudo-header Juniper routers write before each captured frame
 * (LINKTYPE_JUNIPER_*), read as Wireshark's packet-juniper.c reads it.
 *
 * +------+------+------+-------+----------------+---------------- - -
 * | 'M'  | 'G'  | 'C'  | flags | ext. length    | extension TLVs ...
 * +------+------+------+-------+----------------+---------------- - -
 *   then, with flag 0x02 (L2 header stripped): the payload's protocol, 4
 *   bytes in the capturing host's order (little-endian); else the PIC's
 *   own cookie, if its type has one, then the frame as the link carried it.
 *
 * Flags: 0x01 inbound, 0x02 no L2 header, 0x80 extensions follow (JUNOS
 * 7.5 on).  Each extension is a type byte, a length byte and a value of 1
 * to 4 bytes, little-endian below type 128, big-endian from 128 on.
 *
 * What follows depends on the link type: Ethernet (ETHER, PPPOE), PPP
 * after two bytes (PPP), Cisco HDLC, Frame Relay; ATM1 and ATM2 PICs put
 * a 4- or 8-byte cookie first and the payload is guessed as Wireshark
 * guesses it (LLC, Ethernet over ATM, VC-multiplexed PPP, Cisco NLPID or
 * IP); MLPPP and MLFR bundles put a services cookie (AS-PIC 8 bytes,
 * LS-PIC 4, ML-PIC 2) first; GGSN a protocol and a VLAN; the services
 * PIC 12 or 16 bytes and the voice PIC 18 before IPv4.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define MGC		0x4d4743
#define FL_IN		0x01
#define FL_NOL2		0x02
#define FL_EXT		0x80

/* Wireshark's numbers for what follows the header (juniper.proto). */
#define P_UNKNOWN	0
#define P_IP		2
#define P_IP6		6
#define P_MPLS		5
#define P_PPP		200
#define P_ISO		201
#define P_LLC		202
#define P_LLC_SNAP	203
#define P_ETHER		204
#define P_OAM		205
#define P_Q933		206
#define P_FRELAY	207
#define P_CHDLC		208

enum {
	F_MAGIC, F_DIR, F_L2, F_EXTLEN, F_IFD, F_IFL, F_UNIT, F_IFMT, F_IFLE,
	F_TTP_IFMT, F_TTP_IFLE, F_ATM1, F_ATM2, F_MLPIC, F_LSPIC, F_ASPIC,
	F_PROTO, F_VLAN, F_PROTOG, F_COOKIELEN, F_ENCAP, F_PAYLOAD,
	F_UNKNOWN
};

static const struct st_valname dir_names[] = {
	{ 0, "Out" }, { 1, "In" }, { 0, NULL }
};
static const struct st_valname l2_names[] = {
	{ 0, "Present" }, { 1, "none" }, { 0, NULL }
};
static const struct st_valname proto_names[] = {
	{ 2, "IPv4" }, { 3, "MPLS->IPv4" }, { 4, "IPv4->MPLS" },
	{ 5, "MPLS" }, { 6, "IPv6" }, { 7, "MPLS->IPv6" },
	{ 8, "IPv6->MPLS" }, { 10, "CLNP" }, { 32, "CLNP->MPLS" },
	{ 33, "MPLS->CLNP" }, { 200, "PPP" }, { 201, "OSI" }, { 202, "LLC" },
	{ 203, "LLC/SNAP" }, { 204, "Ethernet" }, { 205, "ATM OAM Cell" },
	{ 206, "Q.933" }, { 207, "Frame-Relay" }, { 208, "C-HDLC" },
	{ 0xffff, "Unknown" }, { 0, NULL }
};
static const struct st_valname encap_names[] = {
	{ 0, "VC-MUX" }, { 1, "Cisco NLPID" }, { 2, "VC-MUX" }, { 0, NULL }
};
/* Media types and encapsulations most often seen (the rest by number). */
static const struct st_valname ifmt_names[] = {
	{ 1, "Ethernet" }, { 4, "PPP" }, { 5, "Frame-Relay" },
	{ 6, "Cisco-HDLC" }, { 8, "ATM-PVC" }, { 12, "GRE" },
	{ 17, "Multilink-PPP" }, { 18, "Multilink-FR" }, { 20, "LSI" },
	{ 24, "GGSN" }, { 44, "Logical-tunnel" }, { 45, "General-Services" },
	{ 56, "PPPoE" }, { 0, NULL }
};
static const struct st_valname ifle_names[] = {
	{ 2, "ATM SNAP" }, { 3, "ATM NLPID" }, { 4, "ATM VCMUX" },
	{ 5, "ATM LLC" }, { 10, "FR NLPID" }, { 11, "FR SNAP" },
	{ 14, "Ethernet" }, { 17, "PPP" }, { 18, "C-HDLC" },
	{ 28, "MLPPP" }, { 29, "MLFR" }, { 34, "GGSN" },
	{ 52, "General Services" }, { 62, "PPPoE over Ethernet" },
	{ 63, "PPPoE" }, { 0, NULL }
};

static const struct st_field_desc juniper_fields[] = {
	FD("magic", "juniper.magic-number", "Magic Number", 0, 24,
	    ST_FMT_HEX),
	FDN("dir", "juniper.direction", "Direction", 31, 1, ST_FMT_HEX,
	    dir_names),
	FDN(NULL, "juniper.l2hdr", "L2 header presence", 30, 1, ST_FMT_HEX,
	    l2_names),
	FD(NULL, "juniper.ext_total_len", "Extension(s) Total length", 32,
	    16, ST_FMT_DEC),
};

/* What follows, where it is found: M(F_...) names a row. */
#define M(i)	(&juniper_more[(i) - F_IFD])
static const struct st_field_desc juniper_more[] = {
	/* The extensions: 8 to 32 bits. */
	FD(NULL, "juniper.ext.ifd", "Device Interface Index", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "juniper.ext.ifl", "Logical Interface Index", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "juniper.ext.unit", "Logical Unit Number", 0, 32,
	    ST_FMT_DEC),
	FDN(NULL, "juniper.ext.ifmt", "Device Media Type", 0, 16, ST_FMT_DEC,
	    ifmt_names),
	FDN(NULL, "juniper.ext.ifle", "Logical Interface Encapsulation", 0,
	    16, ST_FMT_DEC, ifle_names),
	FDN(NULL, "juniper.ext.ttp_ifmt", "TTP derived Device Media Type", 0,
	    16, ST_FMT_DEC, ifmt_names),
	FDN(NULL, "juniper.ext.ttp_ifle",
	    "TTP derived Logical Interface Encapsulation", 0, 16, ST_FMT_DEC,
	    ifle_names),
	/* The cookies, at the cursor. */
	FD("cookie", "juniper.atm1.cookie", "Cookie", 0, 32, ST_FMT_HEX),
	FD("cookie", "juniper.atm2.cookie", "Cookie", 0, 64, ST_FMT_HEX),
	FD("cookie", "juniper.mlpic.cookie", "Cookie", 0, 16, ST_FMT_HEX),
	FD("cookie", "juniper.lspic.cookie", "Cookie", 0, 32, ST_FMT_HEX),
	FD("cookie", "juniper.aspic.cookie", "Cookie", 0, 64, ST_FMT_HEX),
	/* GGSN's protocol and VLAN, little-endian. */
	FDN(NULL, "juniper.proto", "Protocol", 0, 16, ST_FMT_DEC,
	    proto_names),
	FD(NULL, "juniper.vlan", "VLan ID", 0, 16, ST_FMT_DEC),
	/* What Wireshark works out. */
	FDG("juniper.proto", "Protocol", ST_FMT_DEC, proto_names),
	FDG("juniper.cookie_len", "Cookie length", ST_FMT_DEC, NULL),
	FDG("juniper.encap_type", "Encapsulation Type", ST_FMT_DEC,
	    encap_names),
	FDG("juniper.payload_type", "Payload Type", ST_FMT_DEC, proto_names),
	FD(NULL, "juniper.unknown_data", "Unknown data", 0, 32,
	    ST_FMT_BYTES),
};

/* An extension's value as a field over its len bytes at c. */
static void
ext_field(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    unsigned type, unsigned len)
{
	struct st_cur v = *c;
	uint32_t val = 0xffffffff;	/* no 1- to 4-byte number */
	unsigned i;
	uint8_t b[4];

	if (len >= 1 && len <= 4) {
		for (i = 0; i < len; i++)
			b[i] = st_get_u8(&v);
		if (v.err != ST_OK)
			return;
		for (val = 0, i = 0; i < len; i++)
			val = type < 128 ? val | (uint32_t)b[i] << (8 * i) :
			    val << 8 | b[i];
	} else if (!st_cur_need(&v, len))
		return;
	st_pkt_add_field(d->pkt, fd, (uint32_t)(c->off * 8), len * 8, val);
}

/* The extension TLVs: n bytes at c; a TLV that would pass them ends it. */
static void
ext_tlvs(struct st_dctx *d, struct st_cur *c, unsigned n)
{
	static const signed char row[9] = { -1, F_IFD, -1, F_IFMT, F_IFL,
	    F_UNIT, F_IFLE, F_TTP_IFMT, F_TTP_IFLE };
	unsigned type, len;

	while (n > 2 && c->err == ST_OK) {
		type = st_get_u8(c);
		len = st_get_u8(c);
		if (c->err != ST_OK || len == 0 || len > n - 2)
			break;
		if (type < 9 && row[type] >= 0)
			ext_field(d, c, M(row[type]), type, len);
		if (!st_cur_need(c, len))
			break;
		c->off += len;
		n -= 2 + len;
	}
}

/* Wireshark's list of the PPP protocols a Juniper PIC carries. */
static int
ppp_guess(unsigned p)
{
	switch (p) {
	case 0x0021: case 0x0023: case 0x0281: case 0x0283: case 0x8021:
	case 0x8023: case 0x8281: case 0xc021: case 0xc023: case 0xc223:
	case 0x003d: case 0x0057: case 0x8057:
		return 1;
	}
	return 0;
}

/* IPv4 or IPv6 by the first byte of the header (version and length). */
static unsigned
ip_guess(unsigned b)
{
	if (b >= 0x45 && b <= 0x4f)
		return P_IP;
	if ((b & 0xf0) == 0x60)
		return P_IP6;
	return P_UNKNOWN;
}

/* A services cookie's length by its first byte: LS-PIC 4, AS-PIC 8. */
static unsigned
svc_cookie_len(uint64_t cookie)
{
	switch (cookie >> 56) {
	case 0x54:
		return 4;
	case 0x40: case 0x47:
		return 8;
	}
	return 0;
}

/* What a services cookie says follows, on an MLPPP or an MLFR bundle. */
static unsigned
svc_cookie_proto(uint64_t cookie, int mlppp, unsigned flags)
{
	unsigned id = (unsigned)(cookie >> 56), l3 = (cookie >> 16) & 0xf0;
	unsigned dir = (cookie >> 24) & 3;

	if (id == 0x54)
		return mlppp ? P_PPP : P_ISO;
	if (id != 0x40 && id != 0x47)
		return P_UNKNOWN;
	switch (l3) {
	case 0x00:
		if (mlppp)	/* inbound IS-IS over PPP has no direction */
			return (flags & FL_IN) && dir != 3 ? P_PPP : P_IP;
		return dir == 3 ? P_UNKNOWN : P_IP;
	case 0x10:
		return P_IP6;
	case 0x20:
		return P_MPLS;
	case 0x30:
		return P_ISO;
	}
	return P_UNKNOWN;
}

/* The payload at off (from the layer's start) is proto: what follows. */
static int
payload(struct st_dctx *d, struct st_cur *c, size_t start, size_t off,
    unsigned proto)
{
	struct st_cur p = *c;

	p.off = start + off;
	st_dgen(d, M(F_PAYLOAD), proto);
	if (proto == 0xa248) {		/* 4 unknown bytes, then IPv4 */
		st_dbytes(d, &p, M(F_UNKNOWN), 0, 4);
		off += 4;
		proto = P_IP;
	}
	if (start + off > c->end) {
		d->hdr = c->end - start;
		return ST_ETRUNC;
	}
	d->hdr = off;
	p.off = start + off;
	switch (proto) {
	case 2: case 3:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x0800;
		break;
	case 6: case 7:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x86dd;
		break;
	case 4: case 5: case 8: case 32:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x8847;
		break;
	case 10: case 33: case P_ISO:	/* the NLPID first, as after LLC */
		d->next_key = ST_KEY_LLCSAP, d->next_val = 0xfe;
		break;
	case P_PPP:
		d->next_key = ST_KEY_LINK, d->next_val = DLT_PPP;
		break;
	case P_LLC: case P_LLC_SNAP:
		d->next_key = ST_KEY_8023, d->next_val = 0;
		break;
	case P_ETHER:
		d->next_key = ST_KEY_LINK, d->next_val = DLT_EN10MB;
		break;
	case P_FRELAY:
		d->next_key = ST_KEY_LINK, d->next_val = 107;	/* DLT_FRELAY */
		break;
	case P_CHDLC:
		d->next_key = ST_KEY_LINK, d->next_val = DLT_C_HDLC;
		break;
	case P_Q933:		/* from its discriminator, as Frame Relay's */
		d->next_key = ST_KEY_NLPID, d->next_val = 0x08;
		break;
	default:			/* an OAM cell, unknown */
		d->data = 1;
		break;
	}
	return ST_OK;
}

/*
 * The 8 bytes at off as one number, p left there; Wireshark reads them
 * whatever the cookie's length, so fewer is a frame cut short.
 */
static int
peek64(struct st_dctx *d, const struct st_cur *c, size_t start, size_t off,
    struct st_cur *p, uint64_t *v)
{
	*p = *c;
	p->off = start + off;
	*v = st_peek_bits(p, 0, 64);
	if (p->err != ST_OK) {
		d->hdr = off;
		return ST_ETRUNC;
	}
	return ST_OK;
}

/* An ATM1 or ATM2 PIC: the cookie, then the payload guessed. */
static int
atm(struct st_dctx *d, struct st_cur *c, size_t start, size_t off,
    unsigned flags, int atm1)
{
	struct st_cur p;
	uint64_t cookie2;
	uint32_t cookie1, v;

	if (peek64(d, c, start, off, &p, &cookie2) != ST_OK)
		return ST_ETRUNC;
	cookie1 = (uint32_t)(cookie2 >> 32);
	if (atm1) {
		st_dfield(d, &p, M(F_ATM1));
		off += 4;
		if (cookie1 >> 24 == 0x80)
			return payload(d, c, start, off, P_OAM);
	} else {
		st_dfield(d, &p, M(F_ATM2));
		off += 8;
		if (cookie2 & 0x70)
			return payload(d, c, start, off, P_OAM);
	}
	p.off = start + off;
	if (!st_cur_need(&p, 3)) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	v = (uint32_t)st_peek_bits(&p, 0, 24);
	if (v == 0xfefe03)
		return payload(d, c, start, off, P_LLC);
	if (v == 0xaaaa03)
		return payload(d, c, start, off, P_LLC_SNAP);
	if (!(flags & FL_IN) && (cookie1 & 0x3f) && !atm1)
		return payload(d, c, start, off, P_ETHER);
	if (ppp_guess(v >> 8) && !atm1) {
		st_dgen(d, M(F_ENCAP), 0);
		return payload(d, c, start, off, P_PPP);
	}
	if (v >> 16 == 0x03) {
		st_dgen(d, M(F_ENCAP), 1);
		return payload(d, c, start, off + 1, P_ISO);
	}
	if (ip_guess(v >> 16) != P_UNKNOWN) {
		st_dgen(d, M(F_ENCAP), 2);
		return payload(d, c, start, off, ip_guess(v >> 16));
	}
	st_dgen(d, M(F_PAYLOAD), 0xffff);
	d->hdr = off;
	d->data = 1;
	return ST_OK;
}

/* An MLPPP or MLFR bundle: the services cookie, or a guess without one. */
static int
ml(struct st_dctx *d, struct st_cur *c, size_t start, size_t off,
    unsigned flags, int mlppp)
{
	struct st_cur p;
	uint64_t cookie;
	unsigned proto, clen;

	if (peek64(d, c, start, off, &p, &cookie) != ST_OK)
		return ST_ETRUNC;
	proto = svc_cookie_proto(cookie, mlppp, flags);
	clen = svc_cookie_len(cookie);
	if (clen == 8)
		st_dfield(d, &p, M(F_ASPIC));
	else if (clen == 4)
		st_dfield(d, &p, M(F_LSPIC));
	if (mlppp) {
		/* p is at the cookie: 8 bytes are there to look at */
		if (clen == 0 && st_peek_bits(&p, 0, 16) == 0xff03) {
			proto = P_PPP;	/* a child link of an LS-PIC bundle */
			off += 2;
			p.off += 2;
		}
		if (!st_cur_need(&p, 4)) {
			d->hdr = off;
			return ST_ETRUNC;
		}
		if (clen == 0 && ppp_guess((unsigned)st_peek_bits(&p, 16,
		    16))) {
			proto = P_PPP;	/* an ML-PIC's 2-byte cookie */
			clen = 2;
			st_dfield(d, &p, M(F_MLPIC));
		}
		if (clen == 0 && ppp_guess((unsigned)st_peek_bits(&p, 0, 16)))
			proto = P_PPP;	/* a child link of an ML-PIC bundle */
		st_dgen(d, M(F_COOKIELEN), clen);
		return payload(d, c, start, off + clen, proto);
	}
	off += clen;
	p.off = start + off;
	if (clen == 8 && proto == P_UNKNOWN && st_peek_bits(&p, 0, 8) == 0x03)
		proto = P_ISO, off++, p.off++;		/* AS-PIC IS-IS */
	if (clen == 4) {
		if (!st_cur_need(&p, 2)) {
			d->hdr = off;
			return ST_ETRUNC;
		}
		if (st_peek_bits(&p, 0, 16) == 0x0003 ||
		    st_peek_bits(&p, 0, 16) == 0x0300)
			off += 2, p.off += 2;		/* LS-PIC IS-IS */
		if (st_peek_bits(&p, 0, 8) == 0x03)
			off++, p.off++;
	}
	if (clen == 0) {
		if (!st_cur_need(&p, 4)) {
			d->hdr = off;
			return ST_ETRUNC;
		}
		if (st_peek_bits(&p, 16, 16) == 0x0308) {
			clen = 2;	/* a child link: Q.933 after the cookie */
			st_dfield(d, &p, M(F_MLPIC));
			off += 3;
			proto = P_Q933;
		} else if (st_peek_bits(&p, 16, 16) == 0x0003 ||
		    st_peek_bits(&p, 16, 16) == 0x0300) {
			clen = 2;
			st_dfield(d, &p, M(F_MLPIC));
			off += 4;
			proto = P_ISO;
		} else if (st_peek_bits(&p, 16, 8) == 0x03) {
			clen = 2;	/* an ML-PIC bundle */
			st_dfield(d, &p, M(F_MLPIC));
			off += 3;
			proto = P_ISO;
		}
	}
	st_dgen(d, M(F_COOKIELEN), clen);
	return payload(d, c, start, off, proto);
}

static int
juniper_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t start = c->off, off;
	struct st_cur p;
	unsigned flags, extlen;
	int lt = d->pkt->linktype;

	st_dfield(d, c, &juniper_fields[F_MAGIC]);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	if (st_peek_bits(c, 0, 24) != MGC) {
		/* Old JUNOS wrote none: Wireshark stops here. */
		d->hdr = 3;
		return st_dmalformed(d, "no magic number (\"MGC\")");
	}
	st_dfields(d, c, juniper_fields + F_DIR, 2);
	flags = (unsigned)st_peek_bits(c, 24, 8);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	off = 4;
	if (flags & FL_EXT) {
		st_dfield(d, c, &juniper_fields[F_EXTLEN]);
		extlen = (unsigned)st_peek_bits(c, 32, 16);
		if (c->err != ST_OK) {
			d->hdr = st_cur_left(c);
			return c->err;
		}
		p = *c;
		p.off += 6;
		ext_tlvs(d, &p, extlen);
		if (p.err != ST_OK) {
			d->hdr = st_cur_left(c);
			return p.err;
		}
		off = 6 + (size_t)extlen;
	}
	if (flags & FL_NOL2) {
		p = *c;
		p.off += off;
		if (!st_cur_need(&p, 4)) {
			d->hdr = st_cur_left(c) < off ? st_cur_left(c) : off;
			return ST_ETRUNC;
		}
		return payload(d, c, start, off + 4,
		    (unsigned)st_get_le32(&p));
	}
	switch (lt) {
	case DLT_JUNIPER_ETHER: case DLT_JUNIPER_PPPOE:
		return payload(d, c, start, off, P_ETHER);
	case DLT_JUNIPER_PPP:
		return payload(d, c, start, off + 2, P_PPP);
	case DLT_JUNIPER_FRELAY:
		return payload(d, c, start, off, P_FRELAY);
	case DLT_JUNIPER_CHDLC:
		return payload(d, c, start, off, P_CHDLC);
	case DLT_JUNIPER_ATM1: case DLT_JUNIPER_ATM2:
		return atm(d, c, start, off, flags, lt == DLT_JUNIPER_ATM1);
	case DLT_JUNIPER_MLPPP: case DLT_JUNIPER_MLFR:
		return ml(d, c, start, off, flags, lt == DLT_JUNIPER_MLPPP);
	case DLT_JUNIPER_VP:
		return payload(d, c, start, off + 18, P_IP);
	case DLT_JUNIPER_SERVICES:
		if (flags & FL_IN) {
			st_dgen(d, M(F_PROTOG), P_IP);
			off += 16;
		} else
			off += 12;
		return payload(d, c, start, off, P_IP);
	case DLT_JUNIPER_GGSN:
		p = *c;
		p.off += off;
		st_dle(d, &p, M(F_PROTO), 0, 2);
		st_dle(d, &p, M(F_VLAN), 2, 2);
		if (p.err != ST_OK) {
			d->hdr = st_cur_left(c) < off ? st_cur_left(c) : off;
			return p.err;
		}
		return payload(d, c, start, off + 4,
		    (unsigned)st_peek_bits(&p, 0, 8) |
		    (unsigned)st_peek_bits(&p, 8, 8) << 8);
	}
	d->hdr = off;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind juniper_binds[] = {
	{ ST_KEY_LINK, DLT_JUNIPER_MLPPP }, { ST_KEY_LINK, DLT_JUNIPER_MLFR },
	{ ST_KEY_LINK, DLT_JUNIPER_GGSN }, { ST_KEY_LINK, DLT_JUNIPER_ATM2 },
	{ ST_KEY_LINK, DLT_JUNIPER_SERVICES }, { ST_KEY_LINK, DLT_JUNIPER_ATM1 },
	{ ST_KEY_LINK, DLT_JUNIPER_PPPOE }, { ST_KEY_LINK, DLT_JUNIPER_ETHER },
	{ ST_KEY_LINK, DLT_JUNIPER_PPP }, { ST_KEY_LINK, DLT_JUNIPER_FRELAY },
	{ ST_KEY_LINK, DLT_JUNIPER_CHDLC }, { ST_KEY_LINK, DLT_JUNIPER_VP },
};

/* "Juniper in, ifd 137": the direction, and the interface when named. */
static int
juniper_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_EXTLEN + 1], *ifd;

	st_ly_fields(s->pkt, ly, juniper_fields, F_EXTLEN + 1, f);
	st_ly_fields(s->pkt, ly, M(F_IFD), 1, &ifd);
	if (f[F_DIR] == NULL)
		return 0;
	st_out_printf(s->o, "Juniper %s", f[F_DIR]->val ? "in" : "out");
	if (ifd != NULL) {
		st_out_puts(s->o, ", ifd ");
		s->value(s, ifd);
	}
	return 1;
}

static const struct st_field_desc *const juniper_keys[] = {
	&juniper_fields[F_DIR], &juniper_fields[F_L2], NULL,
};

const struct st_proto st_proto_juniper = {
	.name = "juniper",
	.ws = "juniper",
	.title = "Juniper pseudo-header",
	.rfc = "Juniper, no RFC (libpcap's LINKTYPE_JUNIPER_*)",
	.role = ST_ROLE_LINK,
	.fields = juniper_fields,
	.nfields = NFIELDS(juniper_fields),
	.more = juniper_more,
	.nmore = NFIELDS(juniper_more),
	.decode = juniper_decode,
	.binds = juniper_binds,
	.nbinds = NFIELDS(juniper_binds),
	.summary = juniper_summary,
	.keys = juniper_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "What a Juniper router writes before each frame it "
	    "captures (monitor traffic): \"MGC\", then flags: 0x01 the frame "
	    "came in (else went out), 0x02 its link header was stripped (a "
	    "4-byte protocol number follows instead, in the router's own "
	    "byte order), 0x80 extensions follow: a 2-byte length, then "
	    "type-length-value items naming the interface (device and "
	    "logical index, media type, encapsulation, unit).  ATM and "
	    "multilink PICs add a cookie (VPI/VCI, bundle) before the frame; "
	    "what the frame is (LLC, PPP, IP) is then guessed from its first "
	    "bytes.",
};
