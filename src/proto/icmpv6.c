/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6 (RFC 4443) and neighbour discovery (RFC 4861, RFC 8106 RDNSS).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Message Body                          |
 *
 * The checksum covers an IPv6 pseudo-header (RFC 8200 8.1).  Errors quote
 * as much of the offending packet as fits; it is decoded as nested layers.
 * ND messages end in options: type (8), length (8, in units of 8 bytes).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

static const struct st_valname icmpv6_type_names[] = {
	{ 1, "destination unreachable" }, { 2, "packet too big" },
	{ 3, "time exceeded" }, { 4, "parameter problem" },
	{ 128, "echo request" }, { 129, "echo reply" },
	{ 130, "multicast listener query" },
	{ 131, "multicast listener report" },
	{ 132, "multicast listener done" }, { 133, "router solicitation" },
	{ 134, "router advertisement" }, { 135, "neighbor solicitation" },
	{ 136, "neighbor advertisement" }, { 137, "redirect" },
	{ 143, "multicast listener report v2" }, { 0, NULL }
};

static const struct st_valname unreach_names[] = {
	{ 0, "no route to destination" },
	{ 1, "administratively prohibited" },
	{ 2, "beyond scope of source address" },
	{ 3, "address unreachable" }, { 4, "port unreachable" },
	{ 5, "source address failed ingress/egress policy" },
	{ 6, "reject route to destination" }, { 0, NULL }
};

static const struct st_valname timex_names[] = {
	{ 0, "hop limit exceeded in transit" },
	{ 1, "fragment reassembly time exceeded" }, { 0, NULL }
};

static const struct st_valname param_names[] = {
	{ 0, "erroneous header field" },
	{ 1, "unrecognized next header" },
	{ 2, "unrecognized IPv6 option" }, { 0, NULL }
};

/* The meanings of codes for type, or NULL. */
static const struct st_valname *
icmpv6_code_names(unsigned type)
{
	switch (type) {
	case 1:
		return unreach_names;
	case 3:
		return timex_names;
	case 4:
		return param_names;
	}
	return NULL;
}

enum { F_TYPE, F_CODE, F_CKSUM, F_ID, F_SEQ, F_RES, F_MTU, F_PTR, F_CHL,
	F_RAFLAG, F_RLT, F_REACH, F_RETR, F_NSTGT, F_NAFLAG, F_NATGT,
	F_RDTGT, F_RDDST, F_CKSTAT };

static const struct st_field_desc icmpv6_fields[] = {
	FDX("type", "icmpv6.type", "Type", 0, 8, ST_FMT_DEC, 0, 0, 0, 128,
	    icmpv6_type_names),
	FD("code", "icmpv6.code", "Code", 8, 8, ST_FMT_DEC),
	FDX("chksum", "icmpv6.checksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("id", "icmpv6.echo.identifier", "Identifier", 32, 16, ST_FMT_DEC),
	FD("seq", "icmpv6.echo.sequence_number", "Sequence number", 48, 16,
	    ST_FMT_DEC),
	FD("reserved", "icmpv6.reserved", "Reserved", 32, 32, ST_FMT_HEX),
	FD("mtu", "icmpv6.mtu", "MTU", 32, 32, ST_FMT_DEC),
	FD("ptr", "icmpv6.pointer", "Pointer", 32, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.cur_hop_limit", "Current hop limit", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.flag", "Flags", 40, 8, ST_FMT_HEX),
	FD(NULL, "icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.reachable_time", "Reachable time (ms)", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.retrans_timer", "Retransmission timer (ms)",
	    96, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ns.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.nd.na.flag", "Flags (router, solicited, override)",
	    32, 32, ST_FMT_HEX),
	FD(NULL, "icmpv6.nd.na.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.nd.rd.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.rd.na.destination_address", "Destination address",
	    192, 128, ST_FMT_IPV6),
	FDG("icmpv6.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static const struct st_ckspec icmpv6_ck = {
	.field = &icmpv6_fields[F_CKSUM],
	.status = &icmpv6_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 6,
	.pseudo = 58,
};

static const struct st_valname opt_names[] = {
	{ 1, "source link-layer address" }, { 2, "target link-layer address" },
	{ 3, "prefix information" }, { 4, "redirected header" },
	{ 5, "MTU" }, { 14, "nonce" }, { 24, "route information" },
	{ 25, "recursive DNS server" }, { 31, "DNS search list" },
	{ 38, "PREF64" }, { 0, NULL }
};

enum { O_TYPE, O_LEN, O_SLLA, O_TLLA, O_PLEN, O_PFLAG, O_VALID, O_PREF,
	O_PRES, O_PREFIX, O_MRES, O_MTU, O_RRES, O_RLIFE, O_RDNSS, O_DATA };

static const struct st_field_desc opt_fields[] = {
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
};

/* One ND option of len bytes at o (type and length added already). */
static void
nd_option(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	size_t i;

	switch (type) {
	case 1:
	case 2:
		if (len == 8) {
			st_dfield(d, o, &opt_fields[type == 1 ? O_SLLA :
			    O_TLLA]);
			return;
		}
		break;
	case 3:
		if (len == 32) {
			st_dfields(d, o, opt_fields + O_PLEN, 6);
			return;
		}
		break;
	case 5:
		if (len == 8) {
			st_dfields(d, o, opt_fields + O_MRES, 2);
			return;
		}
		break;
	case 25:
		if (len >= 8) {
			st_dfields(d, o, opt_fields + O_RRES, 2);
			for (i = 8; i + 16 <= len; i += 16)
				st_dbytes(d, o, &opt_fields[O_RDNSS], i, 16);
			return;
		}
		break;
	}
	st_dbytes(d, o, &opt_fields[O_DATA], 2, len - 2);
}

/* The options from byte pos to the end of the n-byte message at c. */
static void
nd_options(struct st_dctx *d, struct st_cur c, size_t pos, size_t n)
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
		st_dfields(d, &o, opt_fields, 2);
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

/*
 * The body after the first word.  Returns the header length, and sets
 * *quoted for errors and *opts to where ND options start (0 for none).
 */
static size_t
icmpv6_body(struct st_dctx *d, struct st_cur *c, unsigned type, int *quoted,
    size_t *opts)
{
	*quoted = 0;
	*opts = 0;
	switch (type) {
	case 1:
	case 3:
		st_dfield(d, c, &icmpv6_fields[F_RES]);
		*quoted = 1;
		return 8;
	case 2:
		st_dfield(d, c, &icmpv6_fields[F_MTU]);
		*quoted = 1;
		return 8;
	case 4:
		st_dfield(d, c, &icmpv6_fields[F_PTR]);
		*quoted = 1;
		return 8;
	case 128:
	case 129:
		st_dfields(d, c, icmpv6_fields + F_ID, 2);
		return 8;
	case 133:
		st_dfield(d, c, &icmpv6_fields[F_RES]);
		*opts = 8;
		return 8;
	case 134:
		st_dfields(d, c, icmpv6_fields + F_CHL, 5);
		*opts = 16;
		return 16;
	case 135:
		st_dfield(d, c, &icmpv6_fields[F_RES]);
		st_dfield(d, c, &icmpv6_fields[F_NSTGT]);
		*opts = 24;
		return 24;
	case 136:
		st_dfields(d, c, icmpv6_fields + F_NAFLAG, 2);
		*opts = 24;
		return 24;
	case 137:
		st_dfield(d, c, &icmpv6_fields[F_RES]);
		st_dfields(d, c, icmpv6_fields + F_RDTGT, 2);
		*opts = 40;
		return 40;
	default:
		return 4;
	}
}

static int
icmpv6_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr, opts, n;
	struct st_field *ck, *code;
	unsigned type;
	int quoted;

	st_dfield(d, c, &icmpv6_fields[F_TYPE]);
	code = st_dfield(d, c, &icmpv6_fields[F_CODE]);
	ck = st_dfield(d, c, &icmpv6_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 8);
	code->meaning = st_valname(icmpv6_code_names(type),
	    (uint32_t)code->val);
	hdr = icmpv6_body(d, c, type, &quoted, &opts);
	n = d->net.fam == 6 ? d->net.tlen : left;
	st_dck(d, c, &icmpv6_ck, ck, hdr);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = hdr;
	if (opts > 0) {
		nd_options(d, *c, opts, n < left ? n : left);
		d->hdr = n < left ? n : left;
		d->plen = 0;
		return ST_OK;
	}
	if (quoted && left > 8) {
		struct st_cur q = *c;

		q.off += 8;
		st_dnest(d, &q, ST_KEY_ETHERTYPE, 0x86dd);
		return ST_OK;
	}
	d->data = 1;
	return ST_OK;
}

/* The code names of the type ctl, for the crafter and explain. */
static const struct st_valname *
icmpv6_names(const struct st_field_desc *fd, uint64_t ctl)
{
	return fd == &icmpv6_fields[F_CODE] ?
	    icmpv6_code_names((unsigned)ctl) : NULL;
}

static const struct st_bind icmpv6_binds[] = {
	{ ST_KEY_IPPROTO, 58 },
};

/* "A → B echo request id 1 seq 2 len 64", then what an error quotes. */
static int
icmpv6_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CKSTAT + 1], *t, *c;
	struct st_out *o = s->o;

	if (s->net == NULL)
		return 0;
	s->endpoints(s, NULL);
	st_out_putc(o, ' ');
	st_ly_fields(s->pkt, ly, icmpv6_fields, F_CKSTAT + 1, f);
	if ((t = f[F_TYPE]) != NULL) {
		st_out_type_code(o, t, f[F_CODE]);
		if (f[F_ID] != NULL) {
			st_out_puts(o, " id ");
			s->value(s, f[F_ID]);
			st_out_puts(o, " seq ");
			s->value(s, f[F_SEQ]);
		}
		if ((c = f[F_NSTGT]) != NULL || (c = f[F_NATGT]) != NULL) {
			st_out_puts(o, " target ");
			s->value(s, c);
		}
		if (f[F_MTU] != NULL) {
			st_out_puts(o, " mtu ");
			st_out_u64(o, f[F_MTU]->val);
		}
		st_out_puts(o, " len ");
		st_out_u64(o, ly->len);
	}
	s->quoted(s, ly);
	return 1;
}

static const struct st_field_desc *const icmpv6_qkey[] = {
	&icmpv6_fields[F_ID], &icmpv6_fields[F_SEQ], NULL
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const icmpv6_keys[] = {
	&icmpv6_fields[F_TYPE], &icmpv6_fields[F_CODE], &icmpv6_fields[F_ID],
	&icmpv6_fields[F_SEQ], NULL,
};

/* ping and tcpdump count from the ICMPv6 header in. */
static void
icmpv6_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)inner;
	snprintf(buf, n, "ping \"%u bytes from\", tcpdump \"length %u\"",
	    total, total);
}

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
	{ &icmpv6_fields[F_TYPE], -1, 1, "dest-unreach" },
	{ &icmpv6_fields[F_TYPE], -1, 130, "mld-query" },
	{ &icmpv6_fields[F_TYPE], -1, 131, "mld-report" },
	{ &icmpv6_fields[F_TYPE], -1, 132, "mld-done" },
	{ &icmpv6_fields[F_TYPE], -1, 143, "mldv2-report" },
	{ &icmpv6_fields[F_TYPE], -1, 133, "rs" },
	{ &icmpv6_fields[F_TYPE], -1, 134, "ra" },
	{ &icmpv6_fields[F_TYPE], -1, 135, "ns" },
	{ &icmpv6_fields[F_TYPE], -1, 136, "na" },
};

static const struct st_craft icmpv6_craft = {
	.spec = "icmpv6",
	.aliases = icmpv6_aliases,
	.naliases = NFIELDS(icmpv6_aliases),
	.named = { &icmpv6_fields[F_TYPE], &icmpv6_fields[F_CODE] },
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

/* Echo requests are answered; replies and errors never are. */
static int
icmpv6_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	uint64_t type = st_probe_val(sent, sl, &icmpv6_fields[F_TYPE], 255);

	(void)listening;
	if (type == 128) {
		*expect = ST_OUT_ECHO;
		snprintf(text, n, "an echo reply from %s with id %llu and seq "
		    "%llu", dst, (unsigned long long)st_probe_val(sent, sl,
		    &icmpv6_fields[F_ID], 0), (unsigned long long)
		    st_probe_val(sent, sl, &icmpv6_fields[F_SEQ], 0));
		return 0;
	}
	snprintf(text, n, "nothing: hosts never answer an ICMP %s (RFC 1122 "
	    "3.2.2), lest errors answer errors", type == 129 ? "reply" :
	    type < 128 ? "error" : "message of this type");
	return 1;
}

static unsigned
icmpv6_outcome(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t t = st_probe_val(got, gl, &icmpv6_fields[F_TYPE], 255);
	uint64_t c = st_probe_val(got, gl, &icmpv6_fields[F_CODE], 255);

	return t == 129 ? ST_OUT_ECHO : t == 3 ? ST_OUT_TTL :
	    t == 1 && c == 4 ? ST_OUT_PORT : t == 1 ? ST_OUT_UNREACH :
	    ST_OUT_OTHER;
}

static const struct st_echo_desc icmpv6_echo = {
	.fam = 6, .request = 128, .reply = 129,
	.type = &icmpv6_fields[F_TYPE], .code = &icmpv6_fields[F_CODE],
	.id = &icmpv6_fields[F_ID], .seq = &icmpv6_fields[F_SEQ],
	.mtu = &icmpv6_fields[F_MTU], .ptr = &icmpv6_fields[F_PTR],
};

/* An echo request is answered by an echo reply with its identifier and
 * sequence number. */
static int
icmpv6_answers(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *gl)
{
	const struct st_field_desc *type = &icmpv6_fields[F_TYPE];

	return gl != NULL && st_probe_val(sent, sl, type, 0) == 128 &&
	    st_probe_val(got, gl, type, 0) == 129 &&
	    st_probe_same(sent, sl, got, gl, &icmpv6_fields[F_ID]) &&
	    st_probe_same(sent, sl, got, gl, &icmpv6_fields[F_SEQ]);
}

/* A quoted echo is ours by its identifier. */
static int
icmpv6_quoted(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *ql)
{
	return st_probe_same(sent, sl, got, ql, &icmpv6_fields[F_ID]);
}

/* Unreachable, too big, time exceeded, parameter problem: the errors that
 * quote the packet that caused them. */
static int
icmpv6_is_error(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t t = st_probe_val(got, gl, &icmpv6_fields[F_TYPE], 255);

	return t >= 1 && t <= 4;
}

const struct st_proto st_proto_icmpv6 = {
	.name = "icmpv6",
	.ws = "icmpv6",
	.title = "Internet Control Message Protocol v6",
	.rfc = "RFC 4443",
	.role = ST_ROLE_CONTROL,
	.fields = icmpv6_fields,
	.nfields = NFIELDS(icmpv6_fields),
	.more = opt_fields,
	.nmore = NFIELDS(opt_fields),
	.decode = icmpv6_decode,
	.binds = icmpv6_binds,
	.nbinds = NFIELDS(icmpv6_binds),
	.cksum = &icmpv6_ck,
	.names = icmpv6_names,
	.summary = icmpv6_summary,
	.qkey = icmpv6_qkey,
	.keys = icmpv6_keys,
	.color = "\033[35m",
	.ledger = icmpv6_ledger,
	.explain_bits = 64,
	.explain = "The body depends on the type: errors quote as much of the "
	    "packet as fits in 1280 bytes; neighbour discovery messages end in "
	    "options (type, length in 8-byte units, value).",
	.craft = &icmpv6_craft,
	.predict = icmpv6_predict,
	.outcome = icmpv6_outcome,
	.echo = &icmpv6_echo,
	.answers = icmpv6_answers,
	.quoted = icmpv6_quoted,
	.is_error = icmpv6_is_error,
};
