/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6's neighbour discovery options (RFC 4861 4.6, RFC 4191 2.3 route
 * information, RFC 8106 RDNSS and DNSSL), the flags of router and
 * neighbour advertisements, and MLD (RFC 2710, RFC 3810 5): icmpv6.c's
 * companion, its rows the descriptor's .more.
 *
 * An option: type (8), length (8, in units of 8 bytes), value.  An MLDv2
 * report: reserved (16), record count (16), then records of a type, an
 * auxiliary data length (in 4-byte words), a source count, the multicast
 * address, the sources and the auxiliary data.
 */
#include <arpa/inet.h>
#include <string.h>

#include "icmpv6.h"

static const struct st_valname opt_names[] = {
	{ 1, "source link-layer address" }, { 2, "target link-layer address" },
	{ 3, "prefix information" }, { 4, "redirected header" },
	{ 5, "MTU" }, { 14, "nonce" }, { 24, "route information" },
	{ 25, "recursive DNS server" }, { 31, "DNS search list" },
	{ 38, "PREF64" }, { 0, NULL }
};

static const struct st_valname prf_names[] = {
	{ 0, "medium" }, { 1, "high" }, { 2, "reserved" }, { 3, "low" },
	{ 0, NULL }
};

static const struct st_valname rec_names[] = {
	{ 1, "mode is include" }, { 2, "mode is exclude" },
	{ 3, "change to include mode" }, { 4, "change to exclude mode" },
	{ 5, "allow new sources" }, { 6, "block old sources" }, { 0, NULL }
};

const struct st_field_desc st_icmpv6_more[M_NF] = {
	FDN(NULL, "icmpv6.opt.type", "Option type", 0, 8, ST_FMT_DEC,
	    opt_names),
	FD(NULL, "icmpv6.opt.length", "Option length (8-byte units)", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.src_linkaddr", "Source link-layer address", 16,
	    48, ST_FMT_MAC),
	FD(NULL, "icmpv6.opt.target_linkaddr", "Target link-layer address",
	    16, 48, ST_FMT_MAC),
	FD(NULL, "icmpv6.opt.prefix.length", "Prefix length", 16, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.prefix.flag", "Flags (on-link, autonomous)", 24,
	    8, ST_FMT_HEX),
	FD(NULL, "icmpv6.opt.prefix.valid_lifetime", "Valid lifetime", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.prefix.preferred_lifetime", "Preferred lifetime",
	    64, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.reserved", "Reserved", 96, 32, ST_FMT_HEX),
	FD(NULL, "icmpv6.opt.prefix", "Prefix", 128, 128, ST_FMT_IPV6),
	FD(NULL, "icmpv6.opt.reserved", "Reserved", 16, 16, ST_FMT_HEX),
	FD(NULL, "icmpv6.opt.mtu", "MTU", 32, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.reserved", "Reserved", 16, 16, ST_FMT_HEX),
	FD(NULL, "icmpv6.opt.rdnss.lifetime", "Lifetime", 32, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.rdnss", "Recursive DNS server", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.opt.data", "Option data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.linkaddr", "Link-layer address", 16, 48,
	    ST_FMT_BYTES),
	FDD(NULL, "icmpv6.opt.prefix.flag.l", "On-link", 24, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.opt.prefix.flag.a", "Autonomous configuration", 25,
	    1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.opt.prefix.flag.r", "Router address", 26, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.opt.prefix.flag.reserved", "Reserved", 27, 5,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.route_info.flag", "Flags", 24, 8, ST_FMT_HEX),
	FDDN(NULL, "icmpv6.opt.route_info.flag.route_preference",
	    "Route preference", 27, 2, ST_FMT_DEC, prf_names),
	FDD(NULL, "icmpv6.opt.route_info.flag.reserved", "Reserved", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.route_lifetime", "Route lifetime (s)", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.prefix", "Prefix", 0, 0, ST_FMT_TEXT),
	FD(NULL, "icmpv6.opt.dnssl.lifetime", "Lifetime", 32, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.dnssl", "Domain name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "icmpv6.opt.padding", "Padding", 0, 0, ST_FMT_BYTES),
	/* Router and neighbour advertisement flags (RFC 4861, 4191, 5175). */
	FDD(NULL, "icmpv6.nd.ra.flag.m", "Managed address configuration", 40,
	    1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.nd.ra.flag.o", "Other configuration", 41, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.nd.ra.flag.h", "Home agent", 42, 1, ST_FMT_BOOL),
	FDDN(NULL, "icmpv6.nd.ra.flag.prf", "Default router preference", 43,
	    2, ST_FMT_DEC, prf_names),
	FDD(NULL, "icmpv6.nd.ra.flag.p", "Proxy", 45, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.nd.ra.flag.rsv", "Reserved", 46, 2, ST_FMT_DEC),
	FDD(NULL, "icmpv6.nd.na.flag.r", "Router", 32, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.nd.na.flag.s", "Solicited", 33, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.nd.na.flag.o", "Override", 34, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.nd.na.flag.rsv", "Reserved", 35, 29, ST_FMT_DEC),
	/* MLD (RFC 2710 3) and MLDv2 (RFC 3810 5). */
	FD(NULL, "icmpv6.mld.maximum_response_delay",
	    "Maximum response delay (ms)", 32, 16, ST_FMT_DEC),
	FD(NULL, st_icmpv6_reserved, "Reserved", 48, 16, ST_FMT_BYTES),
	FD(NULL, "icmpv6.mld.multicast_address", "Multicast address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, st_icmpv6_reserved, "Reserved", 32, 16, ST_FMT_BYTES),
	FD(NULL, "icmpv6.mldr.nb_mcast_records", "Multicast address records",
	    48, 16, ST_FMT_DEC),
	FDN(NULL, "icmpv6.mldr.mar.record_type", "Record type", 0, 8,
	    ST_FMT_DEC, rec_names),
	FD(NULL, "icmpv6.mldr.mar.aux_data_len", "Auxiliary data length "
	    "(4-byte words)", 8, 8, ST_FMT_DEC),
	FD(NULL, "icmpv6.mldr.mar.nb_sources", "Number of sources", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.mldr.mar.multicast_address", "Multicast address", 32,
	    128, ST_FMT_IPV6),
	FD(NULL, "icmpv6.mldr.mar.source_address", "Source address", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.mldr.mar.auxiliary_data", "Auxiliary data", 0, 0,
	    ST_FMT_BYTES),
};

/* A route information prefix of n (0, 8 or 16) bytes at byte 8 of o, as
 * the address it starts (RFC 4191 2.3: the rest is zero). */
static void
route_prefix(struct st_dctx *d, struct st_cur *o, size_t n)
{
	uint8_t a[16] = { 0 };
	char text[INET6_ADDRSTRLEN];
	size_t i;

	if (n == 0 || st_cur_left(o) < 8 + n)
		return;
	for (i = 0; i < n; i++)
		a[i] = (uint8_t)st_peek_bits(o, (8 + i) * 8, 8);
	inet_ntop(AF_INET6, a, text, sizeof(text));
	st_dtext(d, o, &st_icmpv6_more[O_RIPFX], 8, n, text);
}

/* RFC 4191 2.3: prefix length, flags, lifetime, a prefix of 0-16 bytes. */
static void
route_info(struct st_dctx *d, struct st_cur *o, size_t len)
{
	const struct st_field_desc *rsv = &st_icmpv6_more[O_RIRSV];

	st_dfield(d, o, &st_icmpv6_more[O_PLEN]);
	st_dfields(d, o, st_icmpv6_more + O_RIFLAG, 2);
	/* Its mask (0xe7) is not one run of bits: the value masked. */
	if (st_cur_need(o, 4))
		st_pkt_add_field(d->pkt, rsv, (uint32_t)(o->off * 8 + 24), 8,
		    st_peek_bits(o, 24, 8) & 0xe7);
	st_dfield(d, o, &st_icmpv6_more[O_RILIFE]);
	route_prefix(d, o, len - 8 > 16 ? 16 : len - 8);
}

/*
 * RFC 8106 5.2: reserved, lifetime, then domain names in DNS wire form
 * (labels, no compression) to the end, zeros padding the last.  Each
 * label moves pos on; a name is at most 255 bytes.
 */
static void
dnssl(struct st_dctx *d, struct st_cur *o, size_t len)
{
	char name[256];
	size_t pos = 8, start, k, n;
	unsigned lab;

	st_dfields(d, o, st_icmpv6_more + O_DRES, 1);
	st_dfield(d, o, &st_icmpv6_more[O_DLIFE]);
	while (pos < len && st_cur_left(o) >= pos + 1) {
		if (st_peek_bits(o, pos * 8, 8) == 0) {
			st_dbytes(d, o, &st_icmpv6_more[O_PAD], pos,
			    len - pos);
			return;
		}
		start = pos;
		n = 0;
		while (pos < len && (lab = (unsigned)st_peek_bits(o, pos * 8,
		    8)) != 0 && o->err == ST_OK) {
			if (lab > 63 || pos + 1 + lab > len ||
			    n + lab + 1 >= sizeof(name)) {
				st_dmalformed(d, "DNS search list name runs "
				    "past its option");
				return;
			}
			for (k = 0; k < lab; k++) {
				uint8_t ch = (uint8_t)st_peek_bits(o,
				    (pos + 1 + k) * 8, 8);

				name[n++] = ch > 32 && ch < 127 ? (char)ch :
				    '?';
			}
			name[n++] = '.';
			pos += 1 + lab;
		}
		if (o->err != ST_OK)
			return;
		name[n > 0 ? n - 1 : 0] = '\0';
		pos++;			/* the root label */
		st_dtext(d, o, &st_icmpv6_more[O_DNSSL], start,
		    (pos < len ? pos : len) - start, name);
	}
}

/* One ND option of len bytes at o (type and length added already). */
static void
nd_option(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	size_t i;

	switch (type) {
	case 1:
	case 2:
		if (len == 8) {
			st_dfield(d, o, &st_icmpv6_more[O_LINK]);
			st_dfield(d, o, &st_icmpv6_more[type == 1 ? O_SLLA :
			    O_TLLA]);
			return;
		}
		break;
	case 3:
		if (len == 32) {
			st_dfields(d, o, st_icmpv6_more + O_PLEN, 2);
			st_dfields(d, o, st_icmpv6_more + O_PFL, 4);
			st_dfields(d, o, st_icmpv6_more + O_VALID, 4);
			return;
		}
		break;
	case 5:
		if (len == 8) {
			st_dfields(d, o, st_icmpv6_more + O_MRES, 2);
			return;
		}
		break;
	case 24:
		if (len >= 8) {
			route_info(d, o, len);
			return;
		}
		break;
	case 25:
		if (len >= 8) {
			st_dfields(d, o, st_icmpv6_more + O_RRES, 2);
			for (i = 8; i + 16 <= len; i += 16)
				st_dbytes(d, o, &st_icmpv6_more[O_RDNSS], i,
				    16);
			return;
		}
		break;
	case 31:
		if (len >= 8) {
			dnssl(d, o, len);
			return;
		}
		break;
	}
	st_dbytes(d, o, &st_icmpv6_more[O_DATA], 2, len - 2);
}

void
icmpv6_nd_options(struct st_dctx *d, struct st_cur c, size_t pos, size_t n)
{
	struct st_cur o;
	unsigned type;
	size_t len;

	while (pos < n) {
		o = c;
		o.off += pos;
		if (st_cur_left(&o) < 2) {
			st_dmalformed(d, "option header cut short");
			return;
		}
		type = (unsigned)st_peek_bits(&o, 0, 8);
		len = (size_t)st_peek_bits(&o, 8, 8) * 8;
		st_dfields(d, &o, st_icmpv6_more, 2);
		if (len == 0) {
			st_dmalformed(d, "option %u has length 0", type);
			return;
		}
		if (len > n - pos) {
			st_dmalformed(d, "option %u of %zu bytes runs past the "
			    "message", type, len);
			return;
		}
		nd_option(d, &o, type, len);
		pos += len;
	}
}

void
icmpv6_flags(struct st_dctx *d, struct st_cur *c, unsigned type)
{
	if (type == 134)
		st_dfields(d, c, st_icmpv6_more + O_RAM, 6);
	else if (type == 136)
		st_dfields(d, c, st_icmpv6_more + O_NAR, 4);
}

/*
 * The multicast address records of an MLDv2 report of n bytes at c (as
 * declared; a cut capture stops the reads): as many as it says, each at
 * least 20 bytes on, none past the message.
 */
static void
mld_records(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos = 8, nsrc, aux, i;
	unsigned k, nrec = (unsigned)st_peek_bits(c, 48, 16);
	struct st_cur r;

	for (k = 0; k < nrec && pos < n; k++) {
		r = *c;
		r.off += pos;
		if (pos + 20 > n) {
			st_dmalformed(d, "record %u runs past the message",
			    k + 1);
			return;
		}
		if (st_dfields(d, &r, st_icmpv6_more + O_RTYPE, 4) != ST_OK)
			return;		/* the capture ends */
		aux = (size_t)st_peek_bits(&r, 8, 8) * 4;
		nsrc = (size_t)st_peek_bits(&r, 16, 16);
		if (pos + 20 + nsrc * 16 + aux > n) {
			st_dmalformed(d, "record %u of %zu sources runs past "
			    "the message", k + 1, nsrc);
			return;
		}
		for (i = 0; i < nsrc; i++)
			st_dbytes(d, &r, &st_icmpv6_more[O_RSRC], 20 + 16 * i,
			    16);
		if (aux > 0)
			st_dbytes(d, &r, &st_icmpv6_more[O_RAUX],
			    20 + 16 * nsrc, aux);
		pos += 20 + nsrc * 16 + aux;
	}
	if (k < nrec)
		st_dmalformed(d, "%u records announced, %u found", nrec, k);
}

size_t
icmpv6_mld(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n)
{
	if (type == 143) {
		if (st_dfields(d, c, st_icmpv6_more + O_MRES2, 2) != ST_OK)
			return 8;
		mld_records(d, c, n);
		return n;
	}
	st_dfields(d, c, st_icmpv6_more + O_MRD, 3);
	return 24;
}
