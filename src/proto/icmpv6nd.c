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
	{ 5, "MTU" }, { 7, "advertisement interval" },
	{ 8, "home agent information" }, { 9, "source address list" },
	{ 10, "target address list" }, { 14, "nonce" },
	{ 24, "route information" }, { 25, "recursive DNS server" },
	{ 26, "RA flags extension" }, { 31, "DNS search list" },
	{ 37, "captive portal" }, { 38, "PREF64" }, { 0, NULL }
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
	FD(NULL, st_icmpv6_data, "Option data", 0, 0, ST_FMT_BYTES),
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
	FD(NULL, "icmpv6.opt.linkaddr", "Link-layer address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.src_linkaddr", "Source link-layer address", 0,
	    0, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.target_linkaddr", "Target link-layer address", 0,
	    0, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.linkaddr_eui64", "Link-layer address (EUI-64)",
	    16, 64, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.src_linkaddr_eui64", "Source link-layer address "
	    "(EUI-64)", 16, 64, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.target_linkaddr_eui64", "Target link-layer "
	    "address (EUI-64)", 16, 64, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.padding", "Padding", 80, 48, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.redirected_packet", "Redirected packet", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.advertisement_interval", "Advertisement "
	    "interval (ms)", 32, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.home_agent_preference", "Home agent preference",
	    32, 16, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.home_agent_lifetime", "Home agent lifetime (s)",
	    48, 16, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.ipv6_address", "IPv6 address", 0, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.opt.nonce", "Nonce", 0, 0, ST_FMT_BYTES),
	FD(NULL, "icmpv6.opt.efo", "Flags expansion", 16, 16, ST_FMT_HEX),
	FDD(NULL, "icmpv6.opt.efo.m", "Managed address configuration", 16, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.opt.efo.o", "Other configuration", 17, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmpv6.opt.efo.h", "Home agent", 18, 1, ST_FMT_BOOL),
	FDDN(NULL, "icmpv6.opt.efo.prf", "Default router preference", 19, 2,
	    ST_FMT_DEC, prf_names),
	FDD(NULL, "icmpv6.opt.efo.p", "Proxy", 21, 1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.opt.efo.rsv", "Reserved", 16, 16, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.captive_portal", "Captive portal", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "icmpv6.opt.pref64.scaled_lifetime", "Scaled lifetime (8 s "
	    "units)", 16, 13, ST_FMT_DEC),
	FD(NULL, "icmpv6.opt.pref64.plc", "Prefix length code", 29, 3,
	    ST_FMT_HEX),
	FD(NULL, "icmpv6.opt.pref64.prefix", "NAT64 prefix", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "icmpv6.unknown_data", "Option data not decoded", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "icmpv6.mld.maximum_response_code", "Maximum response code",
	    32, 16, ST_FMT_DEC),
	FD(NULL, "icmpv6.mld.flag", "Flags", 192, 8, ST_FMT_HEX),
	FDD(NULL, "icmpv6.mld.flag.s", "Suppress router-side processing", 196,
	    1, ST_FMT_BOOL),
	FDD(NULL, "icmpv6.mld.flag.qrv", "Querier's robustness variable", 197,
	    3, ST_FMT_DEC),
	FDD(NULL, "icmpv6.mld.flag.reserved", "Reserved", 192, 4, ST_FMT_DEC),
	FD(NULL, "icmpv6.mld.qqi", "Querier's query interval code", 200, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.mld.nb_sources", "Number of sources", 208, 16,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.mld.source_address", "Source address", 0, 128,
	    ST_FMT_IPV6),
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

/*
 * RFC 4191 2.3: prefix length, flags, lifetime, and a prefix of 0, 8 or 16
 * bytes for an option of 8, 16 or 24; returns the bytes read.
 */
static size_t
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
	if (len != 8 && len != 16 && len != 24)
		return 8;	/* no prefix: the rest is not decoded */
	route_prefix(d, o, len - 8);
	return len;
}

/*
 * RFC 8781: the lifetime in 8-second units, the prefix length code (0-5:
 * 96, 64, 56, 48, 40, 32 bits) and the prefix's first 96 bits, shown with
 * the bits past its length cleared; no prefix for codes 6 and 7.  Returns
 * the bytes read.
 */
static size_t
pref64(struct st_dctx *d, struct st_cur *o)
{
	static const unsigned bits[6] = { 96, 64, 56, 48, 40, 32 };
	uint8_t a[16] = { 0 };
	char text[INET6_ADDRSTRLEN];
	unsigned plc, i;

	if (st_dfields(d, o, st_icmpv6_more + O_P64LIFE, 2) != ST_OK)
		return 4;
	plc = (unsigned)st_peek_bits(o, 29, 3);
	if (plc > 5)
		return 16;	/* no prefix length: no prefix */
	if (!st_cur_need(o, 16))
		return 4;
	for (i = 0; i < bits[plc] / 8; i++)
		a[i] = (uint8_t)st_peek_bits(o, (4 + i) * 8, 8);
	inet_ntop(AF_INET6, a, text, sizeof(text));
	st_dtext(d, o, &st_icmpv6_more[O_P64PFX], 4, 12, text);
	return 16;
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

/* A link-layer address option (1, 2) of len bytes: 6 bytes (Ethernet),
 * 8 then 6 of zeros (EUI-64), else as bytes.  Returns the bytes read. */
static size_t
link_addr(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	if (len == 8) {
		st_dfield(d, o, &st_icmpv6_more[O_LINK]);
		st_dfield(d, o, &st_icmpv6_more[type == 1 ? O_SLLA : O_TLLA]);
		return 8;
	}
	if (len == 16 && st_cur_left(o) >= 16 && st_peek_bits(o, 80, 48) ==
	    0) {
		st_dfield(d, o, &st_icmpv6_more[O_LEUI]);
		st_dfield(d, o, &st_icmpv6_more[type == 1 ? O_SEUI : O_TEUI]);
		st_dbytes(d, o, &st_icmpv6_more[O_LINKX], 2, 8);
		st_dbytes(d, o, &st_icmpv6_more[type == 1 ? O_SLLAX : O_TLLAX],
		    2, 8);
		st_dfield(d, o, &st_icmpv6_more[O_PADN]);
		return 16;
	}
	st_dbytes(d, o, &st_icmpv6_more[O_LINKX], 2, len - 2);
	st_dbytes(d, o, &st_icmpv6_more[type == 1 ? O_SLLAX : O_TLLAX], 2,
	    len - 2);
	return len;
}

/* RFC 5175's flags: their mask (0x02ff) for the reserved bits is not one
 * run, so the value is the masked word. */
static void
efo(struct st_dctx *d, struct st_cur *o)
{
	if (st_dfields(d, o, st_icmpv6_more + O_EFO, 6) != ST_OK)
		return;
	st_pkt_add_field(d->pkt, &st_icmpv6_more[O_EFORSV],
	    (uint32_t)(o->off * 8 + 16), 16, st_peek_bits(o, 16, 16) & 0x2ff);
	st_dbytes(d, o, &st_icmpv6_more[O_MRES], 4, 4);
}

/*
 * The redirected header (4): reserved, then as much of the redirected
 * packet as fits, whose byte range goes to *rp: it is decoded as a quoted
 * packet after the message's own fields.  Returns the bytes read.
 */
static size_t
redirected(struct st_dctx *d, struct st_cur *o, size_t len, struct st_cur *rp)
{
	st_dbytes(d, o, &st_icmpv6_more[O_MRES], 2, 6);
	if (len <= 8 || st_cur_left(o) <= 8)
		return len;
	st_dbytes(d, o, &st_icmpv6_more[O_RPKT], 8, st_cur_left(o) - 8);
	*rp = *o;
	rp->off += 8;
	return len;
}

/*
 * One ND option of len bytes at o (type and length added already); a
 * redirected packet's bytes go to *rp.  Returns the bytes its fields
 * took: the rest of the option is shown as bytes not decoded.
 */
static size_t
nd_option(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len,
    struct st_cur *rp)
{
	size_t i;

	switch (type) {
	case 1:
	case 2:
		return link_addr(d, o, type, len);
	case 3:
		st_dfields(d, o, st_icmpv6_more + O_PLEN, 2);
		st_dfields(d, o, st_icmpv6_more + O_PFL, 4);
		st_dfields(d, o, st_icmpv6_more + O_VALID, 4);
		return 32;
	case 4:
		return redirected(d, o, len, rp);
	case 5:
		st_dfields(d, o, st_icmpv6_more + O_MRES, 2);
		return 8;
	case 7:
		st_dfields(d, o, st_icmpv6_more + O_MRES, 1);
		st_dfield(d, o, &st_icmpv6_more[O_ADVI]);
		return 8;
	case 8:
		st_dfields(d, o, st_icmpv6_more + O_MRES, 1);
		st_dfields(d, o, st_icmpv6_more + O_HAPRF, 2);
		return 8;
	case 9:
	case 10:
		st_dbytes(d, o, &st_icmpv6_more[O_MRES], 2, 6);
		for (i = 8; i + 16 <= len; i += 16)
			st_dbytes(d, o, &st_icmpv6_more[O_ADDR], i, 16);
		return i;
	case 14:
		st_dbytes(d, o, &st_icmpv6_more[O_NONCE], 2, len - 2);
		return len;
	case 24:
		return route_info(d, o, len);
	case 25:
		st_dfields(d, o, st_icmpv6_more + O_RRES, 2);
		for (i = 8; i + 16 <= len; i += 16)
			st_dbytes(d, o, &st_icmpv6_more[O_RDNSS], i, 16);
		return i;
	case 26:
		efo(d, o);
		return 8;
	case 31:
		dnssl(d, o, len);
		return len;
	case 37: {
		char text[4 * 255 + 1];
		size_t k;

		if (st_cur_left(o) < len)
			return len;
		for (k = 2; k < len && o->base[o->off + k] != 0; k++)
			;
		st_escape(o->base + o->off + 2, k - 2 < 255 ? k - 2 : 255,
		    text, sizeof(text));
		st_dtext(d, o, &st_icmpv6_more[O_CAPTIVE], 2, len - 2, text);
		return len;
	}
	case 38:
		return pref64(d, o);
	}
	st_dbytes(d, o, &st_icmpv6_more[O_DATA], 2, len - 2);
	return len;
}

/* The options from pos to n; returns a redirected packet's bytes in *rp
 * (rp->end 0: none). */
static void
nd_options(struct st_dctx *d, struct st_cur c, size_t pos, size_t n,
    struct st_cur *rp)
{
	struct st_cur o;
	unsigned type;
	size_t len, used;
	int past;

	/* Each option moves pos on by 8 bytes or more. */
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
		/* An option's own reads stay within it and the message;
		 * one that runs past the message shows what is there, then
		 * the mark. */
		past = len > n - pos;
		if (o.end > o.off + (past ? n - pos : len))
			o.end = o.off + (past ? n - pos : len);
		used = nd_option(d, &o, type, len, rp);
		if (past || (o.err == ST_ETRUNC && st_cur_left(&c) >= pos +
		    len)) {
			st_dmalformed(d, "option %u runs past the message or "
			    "is too short for its fields", type);
			return;
		}
		if (used < len && o.err == ST_OK)
			st_dbytes(d, &o, &st_icmpv6_more[O_UNK], used,
			    len - used);
		pos += len;
	}
}

void
icmpv6_nd_options(struct st_dctx *d, struct st_cur c, size_t pos, size_t n)
{
	struct st_cur rp = { NULL, 0, 0, ST_OK };

	nd_options(d, c, pos, n, &rp);
	if (rp.end > rp.off)
		st_dnest(d, &rp, ST_KEY_ETHERTYPE, 0x86dd);
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
		/* As tshark: the sources and data that fit, then the cut. */
		for (i = 0; i < nsrc && pos + 36 + 16 * i <= n; i++)
			st_dbytes(d, &r, &st_icmpv6_more[O_RSRC], 20 + 16 * i,
			    16);
		if (i == nsrc && aux > 0 && pos + 20 + nsrc * 16 + aux <= n)
			st_dbytes(d, &r, &st_icmpv6_more[O_RAUX],
			    20 + 16 * nsrc, aux);
		if (pos + 20 + nsrc * 16 + aux > n) {
			st_dmalformed(d, "record %u of %zu sources runs past "
			    "the message", k + 1, nsrc);
			return;
		}
		pos += 20 + nsrc * 16 + aux;
	}
	if (k < nrec)
		st_dmalformed(d, "%u records announced, %u found", nrec, k);
}

/*
 * An MLDv2 query (RFC 3810 5.1: 28 bytes or more): maximum response code,
 * reserved, the multicast address, flags (S, QRV), QQIC, the number of
 * sources and the sources that fit in the message.
 */
static size_t
mld2_query(struct st_dctx *d, struct st_cur *c, size_t n)
{
	uint64_t v;
	size_t nsrc, i;

	if (!st_cur_need(c, 28))
		return 28;
	/* RFC 3810 5.1.3 and 5.1.9: codes from 32768 and 128 on are a
	 * mantissa and an exponent; tshark shows the value they stand for. */
	v = st_peek_bits(c, 32, 16);
	if (v >= 0x8000)
		v = ((v & 0xfff) | 0x1000) << ((v >> 12 & 7) + 3);
	st_pkt_add_field(d->pkt, &st_icmpv6_more[O_QMRC],
	    (uint32_t)(c->off * 8 + 32), 16, v);
	st_dfields(d, c, st_icmpv6_more + O_MRES1, 2);
	st_dfields(d, c, st_icmpv6_more + O_QFLAG, 4);
	v = st_peek_bits(c, 200, 8);
	if (v >= 0x80)
		v = ((v & 0xf) | 0x10) << ((v >> 4 & 7) + 3);
	st_pkt_add_field(d->pkt, &st_icmpv6_more[O_QQQI],
	    (uint32_t)(c->off * 8 + 200), 8, v);
	st_dfield(d, c, &st_icmpv6_more[O_QNSRC]);
	nsrc = (size_t)st_peek_bits(c, 208, 16);
	for (i = 0; i < nsrc && 28 + 16 * (i + 1) <= n; i++)
		st_dbytes(d, c, &st_icmpv6_more[O_QSRC], 28 + 16 * i, 16);
	if (i < nsrc)
		st_dmalformed(d, "%zu sources announced, %zu fit", nsrc, i);
	return 28 + 16 * i;
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
	if (type == 130 && n >= 28)
		return mld2_query(d, c, n);
	st_dfields(d, c, st_icmpv6_more + O_MRD, 3);
	return 24;
}
