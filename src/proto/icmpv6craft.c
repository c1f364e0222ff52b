/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6 from a spec (icmpv6.c's companion): the ND and MLD fields beyond
 * the decoder's table, the options (slla, tlla, prefix, mtuopt, rdnss,
 * ndopt), MLDv2 records and the names other tools use.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "icmpv6.h"

/* The fixed part of the neighbor discovery messages (RFC 4861 4.2-4.5)
 * and of MLD (RFC 2710 3). */
static size_t
icmpv6_hlen_of(uint64_t type)
{
	switch (type) {
	case 134:
		return 16;
	case 130:
	case 131:
	case 132:
	case 135:
	case 136:
		return 24;
	case 137:
		return 40;
	}
	return 8;	/* an MLDv2 report too: its records are options */
}

/* The ND and MLD fields a spec may give, beyond the decoder's table. */
static const struct st_field_desc icmpv6_rows[] = {
	FD("tgt", "icmpv6.nd.ns.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD("r", "icmpv6.nd.na.flag.r", "Router", 32, 1, ST_FMT_BOOL),
	FD("s", "icmpv6.nd.na.flag.s", "Solicited", 33, 1, ST_FMT_BOOL),
	FD("o", "icmpv6.nd.na.flag.o", "Override", 34, 1, ST_FMT_BOOL),
	FD("chlim", "icmpv6.nd.ra.cur_hop_limit", "Current hop limit", 32, 8,
	    ST_FMT_DEC),
	FD("m", "icmpv6.nd.ra.flag.m", "Managed", 40, 1, ST_FMT_BOOL),
	FD("other", "icmpv6.nd.ra.flag.o", "Other", 41, 1, ST_FMT_BOOL),
	FD("prf", "icmpv6.nd.ra.flag.prf", "Router preference", 43, 2,
	    ST_FMT_DEC),
	FD("routerlifetime", "icmpv6.nd.ra.router_lifetime",
	    "Router lifetime (s)", 48, 16, ST_FMT_DEC),
	FD("reachabletime", "icmpv6.nd.ra.reachable_time",
	    "Reachable time (ms)", 64, 32, ST_FMT_DEC),
	FD("retranstimer", "icmpv6.nd.ra.retrans_timer",
	    "Retransmission timer (ms)", 96, 32, ST_FMT_DEC),
	FD("dst", "icmpv6.rd.na.destination_address", "Destination address",
	    192, 128, ST_FMT_IPV6),
	FD("mrd", "icmpv6.mld.maximum_response_delay",
	    "Maximum response delay (ms)", 32, 16, ST_FMT_DEC),
	FD("mladdr", "icmpv6.mld.multicast_address", "Multicast address", 64,
	    128, ST_FMT_IPV6),
	FD("nrec", "icmpv6.mldr.nb_mcast_records", "Multicast address records",
	    48, 16, ST_FMT_DEC),
};

/* The records of an MLDv2 report (RFC 3810 5.2): nrec unless given. */
static uint64_t
icmpv6_auto_val(const struct st_field_desc *fd, const uint8_t *h,
    size_t hlen)
{
	size_t pos = 8, n = 0;

	(void)fd;	/* only nrec */
	if (h[0] != 143)
		return UINT64_MAX;	/* not a report: other fields there */
	while (pos + 20 <= hlen && n < 0xffff) {
		pos += 20 + (size_t)h[pos + 1] * 4 +
		    ((size_t)h[pos + 2] << 8 | h[pos + 3]) * 16;
		n++;
	}
	return n;
}

static const struct st_craft_auto icmpv6_autos[] = {
	{ &icmpv6_rows[14], ST_CA_HOOK },
};

/* rec=TYPE/GROUP[+SOURCE...]: an MLDv2 multicast address record. */
static int
mld_record(struct st_spec_opts *o, const char *v, unsigned col,
    struct st_spec_err *err);

/* An option of type t carrying n bytes of b, padded to 8-byte units. */
static int
nd_opt(struct st_spec_opts *o, unsigned t, const uint8_t *b, size_t n,
    unsigned col, struct st_spec_err *err)
{
	uint8_t opt[2 + 255 * 8];
	size_t units = (n + 2 + 7) / 8;

	if (units > 255)
		return st_spec_fail(err, col, "icmpv6 option too long");
	memset(opt, 0, units * 8);
	opt[0] = (uint8_t)t, opt[1] = (uint8_t)units;
	memcpy(opt + 2, b, n);
	return st_spec_opt(o, opt, units * 8, col, err);
}

/* Addresses joined by '+' into b (16 each, after skip bytes). */
static long
addr_list(const char *v, uint8_t *b, size_t cap, unsigned col,
    struct st_spec_err *err)
{
	char a[64];
	size_t k, n = 0;

	for (; *v != '\0' && *v != '/'; v += k + (v[k] == '+')) {
		k = strcspn(v, "+/");
		if (k >= sizeof(a) || n + 16 > cap)
			return st_spec_fail(err, col, "too many addresses");
		memcpy(a, v, k);
		a[k] = '\0';
		if (inet_pton(AF_INET6, a, b + n) != 1)
			return st_spec_fail(err, col, "'%s' is not an IPv6 "
			    "address", a);
		n += 16;
	}
	return (long)n;
}

/* prefix=PFX/LEN: on-link and autonomous, lifetimes infinite (scapy's). */
static int
prefix_opt(struct st_spec_opts *o, const char *v, unsigned col,
    struct st_spec_err *err)
{
	const char *slash = strchr(v, '/');
	uint8_t b[30];
	uint64_t len;

	memset(b, 0, sizeof(b));
	if (slash == NULL || !st_spec_number(slash + 1, &len) || len > 128 ||
	    addr_list(v, b + 14, 16, col, err) != 16)
		return st_spec_fail(err, col, "icmpv6 prefix: '%s' is not "
		    "PREFIX/LEN", v);
	b[0] = (uint8_t)len;
	b[1] = 0xc0;
	memset(b + 2, 0xff, 8);
	return nd_opt(o, 3, b, 30, col, err);
}

/* "TYPE:HEX" into *t and the bytes b (253 at most): 1, or 0. */
static int
two_part(const char *v, uint64_t *t, uint8_t *b, long *n)
{
	const char *colon = strchr(v, ':');
	char num[8];

	if (colon == NULL || colon == v || (size_t)(colon - v) >= sizeof(num))
		return 0;
	memcpy(num, v, (size_t)(colon - v));
	num[colon - v] = '\0';
	*n = st_spec_hex(colon + 1, b, 253);
	return st_spec_number(num, t) && *n >= 0;
}

static int
mld_record(struct st_spec_opts *o, const char *v, unsigned col,
    struct st_spec_err *err)
{
	static const char *const types[] = { "is-include", "is-exclude",
		"to-include", "to-exclude", "allow", "block" };
	const char *slash = strchr(v, '/');
	uint8_t b[4 + 16 * 17];
	char t[16];
	uint64_t type = 0;
	long n = 0;
	size_t i;

	if (slash == NULL || (size_t)(slash - v) >= sizeof(t))
		return st_spec_fail(err, col, "icmpv6 rec: '%s' is not "
		    "TYPE/GROUP[+SOURCE]", v);
	memcpy(t, v, (size_t)(slash - v));
	t[slash - v] = '\0';
	for (i = 0; i < 6; i++)
		if (strcmp(t, types[i]) == 0)
			type = i + 1;
	if ((type == 0 && (!st_spec_number(t, &type) || type > 255)) ||
	    (n = addr_list(slash + 1, b + 4, sizeof(b) - 4, col, err)) < 16)
		return n < 0 ? -1 : st_spec_fail(err, col, "icmpv6 rec: '%s' "
		    "is not TYPE/GROUP[+SOURCE] (TYPE 1..6 or is-include, "
		    "is-exclude, to-include, to-exclude, allow, block)", v);
	b[0] = (uint8_t)type, b[1] = 0;
	b[2] = (uint8_t)((n / 16 - 1) >> 8), b[3] = (uint8_t)(n / 16 - 1);
	return st_spec_opt(o, b, 4 + (size_t)n, col, err);
}

/* ND options (slla, tlla, prefix, mtuopt, rdnss, ndopt) and data=HEX. */
static int
icmpv6_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	uint8_t b[1024];
	uint64_t x;
	long n;

	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "icmpv6 %s needs a value", key);
	memset(b, 0, sizeof(b));
	if (strcmp(key, "slla") == 0 || strcmp(key, "tlla") == 0) {
		unsigned m[6], i;
		char tail;

		if (sscanf(v, "%x:%x:%x:%x:%x:%x%c", &m[0], &m[1], &m[2], &m[3],
		    &m[4], &m[5], &tail) != 6)
			return st_spec_fail(err, col, "'%s' is not a MAC "
			    "address (icmpv6 %s)", v, key);
		for (i = 0; i < 6; i++)
			b[i] = (uint8_t)m[i];
		return nd_opt(o, key[0] == 's' ? 1 : 2, b, 6, col, err);
	}
	if (strcmp(key, "prefix") == 0)
		return prefix_opt(o, v, col, err);
	if (strcmp(key, "mtuopt") == 0) {
		if (!st_spec_number(v, &x) || x > UINT32_MAX)
			return st_spec_fail(err, col, "icmpv6 mtuopt: '%s' is "
			    "not 0..4294967295", v);
		b[2] = (uint8_t)(x >> 24), b[3] = (uint8_t)(x >> 16);
		b[4] = (uint8_t)(x >> 8), b[5] = (uint8_t)x;
		return nd_opt(o, 5, b, 6, col, err);
	}
	if (strcmp(key, "rdnss") == 0) {
		if ((n = addr_list(v, b + 6, 16 * 16, col, err)) < 0)
			return -1;
		memset(b + 2, 0xff, 4);
		return nd_opt(o, 25, b, 6 + (size_t)n, col, err);
	}
	if (strcmp(key, "rec") == 0)
		return mld_record(o, v, col, err);
	if (strcmp(key, "data") == 0) {
		if ((n = st_spec_hex(v, b, sizeof(b))) < 0)
			return st_spec_fail(err, col, "icmpv6 data: needs "
			    "pairs of hex digits");
		return st_spec_opt(o, b, (size_t)n, col, err);
	}
	/* ndopt=TYPE:HEX */
	if (!two_part(v, &x, b, &n) || x > 255 || n > 253)
		return st_spec_fail(err, col, "icmpv6 ndopt: '%s' is not "
		    "TYPE:HEX", v);
	return nd_opt(o, (unsigned)x, b, (size_t)n, col, err);
}

/* Short names other tools use (scapy's, ndisc6's). */
static const struct st_craft_alias icmpv6_aliases[] = {
	{ &st_icmpv6_fields[F_TYPE], -1, 1, "dest-unreach" },
	{ &st_icmpv6_fields[F_TYPE], -1, 130, "mld-query" },
	{ &st_icmpv6_fields[F_TYPE], -1, 131, "mld-report" },
	{ &st_icmpv6_fields[F_TYPE], -1, 132, "mld-done" },
	{ &st_icmpv6_fields[F_TYPE], -1, 143, "mldv2-report" },
	{ &st_icmpv6_fields[F_TYPE], -1, 133, "rs" },
	{ &st_icmpv6_fields[F_TYPE], -1, 134, "ra" },
	{ &st_icmpv6_fields[F_TYPE], -1, 135, "ns" },
	{ &st_icmpv6_fields[F_TYPE], -1, 136, "na" },
};

const struct st_craft st_icmpv6_craft = {
	.spec = "icmpv6",
	.aliases = icmpv6_aliases,
	.naliases = NFIELDS(icmpv6_aliases),
	.named = { &st_icmpv6_fields[F_TYPE], &st_icmpv6_fields[F_CODE] },
	.hlen = 8,
	.hlen_of = icmpv6_hlen_of,
	.extra = "slla tlla prefix mtuopt rdnss ndopt rec data",
	.key = icmpv6_spec_key,
	.rows = icmpv6_rows,
	.nrows = NFIELDS(icmpv6_rows),
	.autos = icmpv6_autos,
	.nautos = NFIELDS(icmpv6_autos),
	.auto_val = icmpv6_auto_val,
	.optmax = ST_SPEC_OPTMAX,
	.align = 1,
	.help = "  names     type and code by name: type=echo-request, "
	    "code=port-unreachable\n"
	    "  nd        tgt=ADDR r s o (NA flags) chlim m other prf "
	    "routerlifetime\n            reachabletime retranstimer dst "
	    "(redirect); MLD: mrd mladdr;\n            MLDv2 report "
	    "(type 143): rec=TYPE/GROUP[+SOURCE...] (TYPE is-include,\n"
	    "            is-exclude, to-include, to-exclude, allow, block), "
	    "nrec\n"
	    "  options   slla=MAC tlla=MAC prefix=PFX/LEN mtuopt=N "
	    "rdnss=A[+B]\n            ndopt=TYPE:HEX, in order; data=HEX: "
	    "a body not modelled\n",
};
