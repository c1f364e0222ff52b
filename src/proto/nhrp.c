/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NHRP, the Next Hop Resolution Protocol (RFC 2332), as DMVPN uses it over
 * GRE (protocol type 0x2001), with Cisco's traffic indication and NAT
 * address extension.
 *
 *  fixed header (20 bytes):
 * +----------------+----------------+----------------------------------+
 * | ar$afn (16)    | ar$pro.type    | ar$pro.snap (40)                  |
 * +--------+-------+--------+-------+--------+--------+--------+-------+
 * | hopcnt | pktsz (16)     | chksum (16)    | extoff (16)     |
 * +--------+--------+--------+--------+
 * | op.ver | op.type| shtl   | sstl   |
 * +--------+--------+--------+--------+
 *  mandatory part: src/dst protocol lengths, flags, request ID, source
 *  NBMA address and subaddress, source and destination protocol addresses,
 *  then Client Information Entries (CIEs) up to extoff; extensions (C bit,
 *  14-bit type, length, value) from extoff to pktsz, the last of type 0.
 *
 * The checksum is the Internet checksum over the pktsz bytes.  An error
 * indication carries the NHRP packet that caused it, a traffic indication
 * the packet of protocol ar$pro.type that did: both are decoded on.
 */
#include <stdio.h>

#include "strata/cksum.h"
#include "strata/out.h"
#include "fields.h"

#define NHRP_FIXED	20
#define NHRP_MAXCIE	64	/* CIEs in one list */
#define NHRP_MAXEXT	64	/* extensions in one packet */

static const struct st_valname nhrp_op_names[] = {
	{ 1, "NHRP Resolution Request" },
	{ 2, "NHRP Resolution Reply" },
	{ 3, "NHRP Registration Request" },
	{ 4, "NHRP Registration Reply" },
	{ 5, "NHRP Purge Request" },
	{ 6, "NHRP Purge Reply" },
	{ 7, "NHRP Error Indication" },
	{ 8, "NHRP Traffic Indication" },
	{ 0, NULL },
};

static const struct st_valname nhrp_afn_names[] = {
	{ 1, "IPv4" }, { 2, "IPv6" }, { 0, NULL },
};

static const struct st_valname nhrp_tl_names[] = {
	{ 0, "NSAP format" }, { 1, "E.164 format" }, { 0, NULL },
};

static const struct st_valname nhrp_ext_names[] = {
	{ 0, "End of Extension" },
	{ 2, "Payload Extension" },
	{ 3, "Responder Address Extension" },
	{ 4, "Forward Transit NHS Record Extension" },
	{ 5, "Reverse Transit NHS Record Extension" },
	{ 7, "NHRP Authentication Extension" },
	{ 8, "NHRP Vendor Private Extension" },
	{ 9, "Cisco NAT Address Extension" },
	{ 0, NULL },
};

enum {
	F_AFN, F_PRO, F_SNAP, F_HOP, F_PKTSZ, F_CK, F_CKSTAT, F_EXTOFF, F_VER,
	F_OP, F_SHTL, F_SHTLT, F_SHTLL, F_SSTL, F_SSTLT, F_SSTLL, F_NFIXED
};

static const struct st_field_desc nhrp_fields[] = {
	FDN("afn", "nhrp.hdr.afn", "Address Family Number", 0, 16, ST_FMT_HEX,
	    nhrp_afn_names),
	FD("pro", "nhrp.hdr.pro.type", "Protocol Type (short form)", 16, 16,
	    ST_FMT_HEX),
	FD("snap", "nhrp.protocol_type", "Protocol Type (long form)", 32, 40,
	    ST_FMT_BYTES),
	FD("hopcnt", "nhrp.hdr.hopcnt", "Hop Count", 72, 8, ST_FMT_DEC),
	FD("pktsz", "nhrp.hdr.pktsz", "Packet Length", 80, 16, ST_FMT_DEC),
	FDX("chksum", "nhrp.hdr.chksum", "NHRP Packet Checksum", 96, 16,
	    ST_FMT_HEX, 0, 0, ST_DF_CKSUM, 0, NULL),
	FDGS("nhrp.hdr.chksum.status", "NHRP Packet Checksum Status"),
	FD("extoff", "nhrp.hdr.extoff", "Extension Offset", 112, 16,
	    ST_FMT_DEC),
	FD("version", "nhrp.hdr.version", "Version", 128, 8, ST_FMT_DEC),
	FDN("op", "nhrp.hdr.op.type", "NHRP Packet Type", 136, 8, ST_FMT_DEC,
	    nhrp_op_names),
	FD("shtl", "nhrp.hdr.shtl", "Source Address Type/Len", 144, 8,
	    ST_FMT_DEC),
	FDDN(NULL, "nhrp.hdr.shtl.type", "Type", 145, 1, ST_FMT_DEC,
	    nhrp_tl_names),
	FDD(NULL, "nhrp.hdr.shtl.len", "Length", 146, 6, ST_FMT_DEC),
	FD("sstl", "nhrp.hdr.sstl", "Source SubAddress Type/Len", 152, 8,
	    ST_FMT_DEC),
	FDDN(NULL, "nhrp.hdr.sstl.type", "Type", 153, 1, ST_FMT_DEC,
	    nhrp_tl_names),
	FDD(NULL, "nhrp.hdr.sstl.len", "Length", 154, 6, ST_FMT_DEC),
};

/* The mandatory part, from its start; which flag bits a type has. */
enum {
	M_SLEN, M_DLEN, M_FLAGS, M_Q, M_A, M_D, M_U1, M_S, M_U, M_N, M_NAT,
	M_REQID, M_ERRCODE, M_ERROFF, M_SNBMA, M_SNBMAB, M_SSUB, M_SPROT,
	M_SPROTB, M_DPROT, M_DPROTB, M_N_
};

/* A Client Information Entry, and the extensions, after those. */
enum {
	C_CODE = M_N_, C_PREFIX, C_UNUSED, C_MTU, C_HTIME, C_ATL, C_ATLT,
	C_ATLL,
	C_STL, C_STLT, C_STLL, C_PLEN, C_PREF, C_NFIXED,
	C_NBMA = C_NFIXED, C_NBMAB, C_SUB, C_PROT, C_PROTB,
	E_C, E_TYPE, E_LEN, E_ARES, E_ASPI, E_ASRC, E_ADATA, E_VID, E_VDATA,
	E_VALUE, C_N_
};

/* The rows of the variable parts: mandatory part, CIEs, extensions. */
static const struct st_field_desc nhrp_more[] = {
	FD(NULL, "nhrp.src.prot.len", "Source Protocol Len", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "nhrp.dst.prot.len", "Destination Protocol Len", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "nhrp.flags", "Flags", 16, 16, ST_FMT_HEX),
	FDD(NULL, "nhrp.flag.q", "Is Router", 16, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.a", "Authoritative", 17, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.d", "Stable Association", 18, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.u", "Uniqueness Bit", 19, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.s", "Stable Binding", 20, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.u", "Uniqueness Bit", 16, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.n", "Expected Purge Reply", 16, 1, ST_FMT_BOOL),
	FDD(NULL, "nhrp.flag.nat", "Cisco NAT Supported", 30, 1, ST_FMT_BOOL),
	FD(NULL, "nhrp.reqid", "Request ID", 32, 32, ST_FMT_HEX),
	FD(NULL, "nhrp.err.code", "Error Code", 32, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.err.offset", "Error Offset", 48, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.src.nbma.addr", "Source NBMA Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "nhrp.src.nbma.addr_bytes", "Source NBMA Address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "nhrp.src.nbma.saddr", "Source NBMA Sub Address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "nhrp.src.prot.addr", "Source Protocol Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "nhrp.src.prot.addr_bytes", "Source Protocol Address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "nhrp.dst.prot.addr", "Destination Protocol Address", 0, 32,
	    ST_FMT_IPV4),
	/* sic: Wireshark's name */
	FD(NULL, "nhrp.dst.prot.addr_byets", "Destination Protocol Address",
	    0, 0, ST_FMT_BYTES),

	FD(NULL, "nhrp.code", "Code", 0, 8, ST_FMT_DEC),
	FD(NULL, "nhrp.prefix", "Prefix Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "nhrp.unused", "Unused", 16, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.mtu", "Max Transmission Unit", 32, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.htime", "Holding Time (s)", 48, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.cli.addr_tl", "Client Address Type/Len", 64, 8,
	    ST_FMT_DEC),
	FDDN(NULL, "nhrp.cli.addr_tl.type", "Type", 65, 1, ST_FMT_DEC,
	    nhrp_tl_names),
	FDD(NULL, "nhrp.cli.addr_tl.len", "Length", 66, 6, ST_FMT_DEC),
	FD(NULL, "nhrp.cli.saddr_tl", "Client Sub Address Type/Len", 72, 8,
	    ST_FMT_DEC),
	FDDN(NULL, "nhrp.cli.saddr_tl.type", "Type", 73, 1, ST_FMT_DEC,
	    nhrp_tl_names),
	FDD(NULL, "nhrp.cli.saddr_tl.len", "Length", 74, 6, ST_FMT_DEC),
	FD(NULL, "nhrp.prot.len", "Client Protocol Length", 80, 8,
	    ST_FMT_DEC),
	FD(NULL, "nhrp.pref", "CIE Preference Value", 88, 8, ST_FMT_DEC),
	FD(NULL, "nhrp.client.nbma.addr", "Client NBMA Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "nhrp.client.nbma.addr_bytes", "Client NBMA Address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "nhrp.client.nbma.saddr", "Client NBMA Sub Address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "nhrp.client.prot.addr", "Client Protocol Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "nhrp.client.prot.addr_bytes", "Client Protocol Address",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, "nhrp.ext.c", "Compulsory Flag", 0, 1, ST_FMT_BOOL),
	FDN(NULL, "nhrp.ext.type", "Extension Type", 2, 14, ST_FMT_HEX,
	    nhrp_ext_names),
	FD(NULL, "nhrp.ext.len", "Extension length", 16, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.auth_ext.reserved", "Reserved", 0, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.auth_ext.spi", "SPI", 16, 16, ST_FMT_DEC),
	FD(NULL, "nhrp.auth_ext.src_addr", "Source Address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "nhrp.auth_ext.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "nhrp.vendor_ext.id", "Vendor ID", 0, 24, ST_FMT_HEX),
	FD(NULL, "nhrp.vendor_ext.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "nhrp.unknown_ext.value", "Extension Value", 0, 0,
	    ST_FMT_BYTES),
};

/* The cursor at byte off of c, ending at byte end of c (both checked). */
static struct st_cur
nhrp_at(const struct st_cur *c, size_t off, size_t end)
{
	struct st_cur s = *c;

	s.end = c->off + end < c->end ? c->off + end : c->end;
	s.off = c->off + off < s.end ? c->off + off : s.end;
	return s;
}

/*
 * An address of n bytes at byte at of c: as IPv4 when it is one (ip set
 * and 4 bytes), else as bytes.  Returns the bytes it covers.
 */
static size_t
nhrp_addr(struct st_dctx *d, struct st_cur *c, size_t at, size_t n, int ip,
    const struct st_field_desc *v4, const struct st_field_desc *raw)
{
	struct st_cur a;

	if (n == 0)
		return 0;
	a = nhrp_at(c, at, st_cur_left(c));
	if (ip && n == 4)
		st_dfield(d, &a, v4);
	else
		st_dbytes(d, &a, raw, 0, n);
	if (a.err != ST_OK)
		c->err = a.err;
	return n;
}

/* The CIEs in bytes [off, end) of c (RFC 2332 5.2.0.1), tshark's way: one
 * while 12 bytes are left. */
static void
nhrp_cies(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    int ip)
{
	struct st_cur e;
	size_t at, na, ns, np;
	unsigned i;

	for (i = 0; i < NHRP_MAXCIE && off + 12 <= end && c->err == ST_OK;
	    i++) {
		e = nhrp_at(c, off, end);
		if (st_dfields(d, &e, &nhrp_more[C_CODE], C_NFIXED - C_CODE) != ST_OK ||
		    e.err != ST_OK) {
			c->err = e.err != ST_OK ? e.err : ST_ETRUNC;
			return;
		}
		na = (size_t)st_peek_bits(&e, 66, 6);
		ns = (size_t)st_peek_bits(&e, 74, 6);
		np = (size_t)st_peek_bits(&e, 80, 8);
		at = 12;
		at += nhrp_addr(d, &e, at, na, ip, &nhrp_more[C_NBMA],
		    &nhrp_more[C_NBMAB]);
		at += nhrp_addr(d, &e, at, ns, 0, NULL, &nhrp_more[C_SUB]);
		at += nhrp_addr(d, &e, at, np, 1, &nhrp_more[C_PROT],
		    &nhrp_more[C_PROTB]);
		if (e.err != ST_OK) {
			c->err = e.err;
			return;
		}
		off += at;
	}
}

/* The authentication extension's value (RFC 2332 5.3.4). */
static void
nhrp_auth(struct st_dctx *d, struct st_cur *v, size_t len)
{
	if (len < 8) {
		st_dmalformed(d, "authentication extension of %zu bytes, below "
		    "8", len);
		return;
	}
	st_dfields(d, v, &nhrp_more[E_ARES], 3);
	if (len > 8)
		st_dbytes(d, v, &nhrp_more[E_ADATA], 8, len - 8);
}

/* One extension's value of len bytes at byte off of c. */
static void
nhrp_extval(struct st_dctx *d, struct st_cur *c, size_t off, size_t len,
    unsigned type, int ip)
{
	struct st_cur v = nhrp_at(c, off, off + len);

	switch (type) {
	case 3: case 4: case 5: case 9:
		nhrp_cies(d, c, off, off + len, ip);
		return;
	case 7:
		nhrp_auth(d, &v, len);
		break;
	case 8:
		st_dfields(d, &v, &nhrp_more[E_VID], 1);
		if (len > 3)
			st_dbytes(d, &v, &nhrp_more[E_VDATA], 3, len - 3);
		break;
	default:
		st_dbytes(d, &v, &nhrp_more[E_VALUE], 0, len);
		break;
	}
	if (v.err != ST_OK)
		c->err = v.err;
}

/* The extensions in bytes [off, end) of c (RFC 2332 5.3), to the end
 * extension. */
static void
nhrp_exts(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    int ip)
{
	struct st_cur e;
	size_t len;
	unsigned i, type;

	for (i = 0; i < NHRP_MAXEXT && off + 4 <= end && c->err == ST_OK;
	    i++) {
		e = nhrp_at(c, off, end);
		st_dfields(d, &e, &nhrp_more[E_C], 3);
		if (e.err != ST_OK) {
			c->err = e.err;
			return;
		}
		type = (unsigned)st_peek_bits(&e, 2, 14);
		len = (size_t)st_peek_bits(&e, 16, 16);
		if (off + 4 + len > end) {
			st_dmalformed(d, "extension of %zu bytes past the "
			    "packet's end", len);
			return;
		}
		if (len > 0)
			nhrp_extval(d, c, off + 4, len, type, ip);
		off += 4 + len;
		if (type == 0)
			return;
	}
}

/* Flags and request ID, or an error's code and offset, or nothing (a
 * traffic indication): the 6 bytes after the two lengths. */
static void
nhrp_flags(struct st_dctx *d, struct st_cur *m, unsigned op)
{
	static const uint8_t res[] = { M_Q, M_A, M_D, M_U1, M_S };
	size_t i;

	if (op == 8)
		return;
	if (op == 7) {
		st_dfields(d, m, &nhrp_more[M_ERRCODE], 2);
		return;
	}
	st_dfield(d, m, &nhrp_more[M_FLAGS]);
	if (op == 1 || op == 2)
		for (i = 0; i < sizeof(res); i++)
			st_dfield(d, m, &nhrp_more[res[i]]);
	else if (op == 3 || op == 4)
		st_dfield(d, m, &nhrp_more[M_U]);
	else if (op == 5 || op == 6)
		st_dfield(d, m, &nhrp_more[M_N]);
	st_dfield(d, m, &nhrp_more[M_NAT]);
	st_dfield(d, m, &nhrp_more[M_REQID]);
}

/* The mandatory part from byte 20 to mend; returns where its CIEs start
 * (0 when cut short). */
static size_t
nhrp_mandatory(struct st_dctx *d, struct st_cur *c, size_t mend, unsigned op,
    int ip)
{
	struct st_cur m = nhrp_at(c, NHRP_FIXED, mend);
	size_t at, sl, dl;

	st_dfields(d, &m, nhrp_more, M_FLAGS);
	nhrp_flags(d, &m, op);
	if (m.err != ST_OK || st_cur_left(&m) < 8) {
		c->err = ST_ETRUNC;
		return 0;
	}
	sl = (size_t)st_peek_bits(&m, 0, 8);
	dl = (size_t)st_peek_bits(&m, 8, 8);
	at = 8 + (size_t)st_peek_bits(c, 146, 6) +
	    (size_t)st_peek_bits(c, 154, 6) + sl + dl;
	if (NHRP_FIXED + at > mend) {
		st_dmalformed(d, "addresses of %zu bytes past the mandatory "
		    "part's end", at - 8);
		return 0;
	}
	at = 8;
	at += nhrp_addr(d, &m, at, (size_t)st_peek_bits(c, 146, 6), ip,
	    &nhrp_more[M_SNBMA], &nhrp_more[M_SNBMAB]);
	at += nhrp_addr(d, &m, at, (size_t)st_peek_bits(c, 154, 6), 0, NULL,
	    &nhrp_more[M_SSUB]);
	at += nhrp_addr(d, &m, at, sl, 1, &nhrp_more[M_SPROT],
	    &nhrp_more[M_SPROTB]);
	at += nhrp_addr(d, &m, at, dl, 1, &nhrp_more[M_DPROT],
	    &nhrp_more[M_DPROTB]);
	if (m.err != ST_OK) {
		c->err = m.err;
		return 0;
	}
	return NHRP_FIXED + at;
}

/* The Internet checksum over the pktsz bytes, when all were captured. */
static void
nhrp_ck(struct st_dctx *d, struct st_cur *c, struct st_field *ck,
    size_t pktsz)
{
	int covered = st_cur_left(c) >= pktsz;

	st_dcksum(d, ck, c->base + c->off, covered ? pktsz : 0, 0, covered);
	st_dckstatus(d, ck, &nhrp_fields[F_CKSTAT]);
}

static int
nhrp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck;
	struct st_cur q;
	size_t pktsz, extoff, mend, at;
	unsigned op, pro;
	int ip;

	st_dfields(d, c, nhrp_fields, F_CKSTAT);
	if (c->err != ST_OK)
		return c->err;
	ck = &d->pkt->fields[d->pkt->nfields - 1];
	pktsz = (size_t)st_peek_bits(c, 80, 16);
	if (pktsz < NHRP_FIXED) {
		d->hdr = st_cur_left(c);
		return st_dmalformed(d, "packet length %zu below the fixed "
		    "header's 20", pktsz);
	}
	nhrp_ck(d, c, ck, pktsz);
	st_dfields(d, c, &nhrp_fields[F_EXTOFF], F_NFIXED - F_EXTOFF);
	if (c->err != ST_OK)
		return c->err;
	extoff = (size_t)st_peek_bits(c, 112, 16);
	op = (unsigned)st_peek_bits(c, 136, 8);
	pro = (unsigned)st_peek_bits(c, 16, 16);
	ip = st_peek_bits(c, 0, 16) == 1;
	d->hdr = pktsz;
	d->plen = 0;
	if (extoff != 0 && (extoff < NHRP_FIXED || extoff > pktsz))
		return st_dmalformed(d, "extension offset %zu outside 20..%zu",
		    extoff, pktsz);
	mend = extoff != 0 ? extoff : pktsz;
	if ((at = nhrp_mandatory(d, c, mend, op, ip)) == 0)
		return c->err != ST_OK ? c->err : ST_EINVAL;
	if (op != 7 && op != 8)
		nhrp_cies(d, c, at, mend, ip);
	if (extoff != 0 && c->err == ST_OK)
		nhrp_exts(d, c, extoff, pktsz, ip);
	if (c->err != ST_OK)
		return c->err;
	if (op == 7 || op == 8) {
		/* As tshark: the packet to the end of what NHRP was handed
		 * (its extensions, if any, read as that packet's tail).  The
		 * extensions were shown first: fields after st_dnest would go
		 * to the quoted packet's layers. */
		q = nhrp_at(c, at, st_cur_left(c));
		if (st_cur_left(&q) > 0 && (op == 7 || pro >= 0x600))
			st_dnest(d, &q, ST_KEY_ETHERTYPE, op == 7 ? 0x2001 :
			    pro);
	}
	return ST_OK;
}

static const struct st_bind nhrp_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x2001 },	/* GRE's protocol type */
};

/* "NHRP Registration Request id 1 155.1.0.1 → 155.1.0.5". */
static int
nhrp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *hf[F_NFIXED], *mf[M_N_];
	const char *name;

	st_ly_fields(s->pkt, ly, nhrp_fields, F_NFIXED, hf);
	st_ly_fields(s->pkt, ly, nhrp_more, M_N_, mf);
	if (hf[F_OP] == NULL)
		return 0;
	name = st_valname(nhrp_op_names, (uint32_t)hf[F_OP]->val);
	if (name != NULL) {
		st_out_puts(s->o, name);
	} else {
		st_out_puts(s->o, "NHRP type ");
		st_out_u64(s->o, hf[F_OP]->val);
	}
	if (mf[M_REQID] != NULL) {
		st_out_puts(s->o, " id ");
		st_out_u64(s->o, mf[M_REQID]->val);
	}
	if (mf[M_ERRCODE] != NULL) {
		st_out_puts(s->o, " error ");
		st_out_u64(s->o, mf[M_ERRCODE]->val);
	}
	if (mf[M_SPROT] != NULL && mf[M_DPROT] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, mf[M_SPROT]);
		st_out_puts(s->o, " \xe2\x86\x92 ");
		s->value(s, mf[M_DPROT]);
	}
	if (hf[F_OP]->val == 7 || hf[F_OP]->val == 8)
		s->quoted(s, ly);
	return 1;
}

static const struct st_field_desc *const nhrp_keys[] = {
	&nhrp_fields[F_OP], &nhrp_fields[F_PKTSZ], NULL,
};

const struct st_proto st_proto_nhrp = {
	.name = "nhrp",
	.ws = "nhrp",
	.title = "Next Hop Resolution Protocol",
	.rfc = "RFC 2332",
	.role = ST_ROLE_CONTROL,
	.fields = nhrp_fields,
	.nfields = NFIELDS(nhrp_fields),
	.more = nhrp_more,
	.nmore = NFIELDS(nhrp_more),
	.decode = nhrp_decode,
	.binds = nhrp_binds,
	.nbinds = NFIELDS(nhrp_binds),
	.summary = nhrp_summary,
	.keys = nhrp_keys,
	.explain = "NHRP (RFC 2332) lets a host on a non-broadcast network "
	    "(NBMA: DMVPN's GRE tunnels) learn the NBMA address behind a "
	    "protocol address, so spokes talk directly: a fixed header, a "
	    "mandatory part with the source NBMA and protocol addresses, "
	    "client information entries, then extensions (C bit, type, "
	    "length), the last of type 0.  The checksum is the Internet "
	    "checksum over the packet length's bytes.",
};
