/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The IPv6 routing header (RFC 8200 4.4), a layer of its own: source
 * route (type 0, deprecated), Mobile IPv6's type 2 (RFC 6275 6.4), RPL
 * (RFC 6554) and segment routing (RFC 8754); the final destination it
 * names is the checksums' pseudo-header destination.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       type-specific data                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include <arpa/inet.h>
#include <string.h>

#include "ipv6ext.h"

static const struct st_valname rt_names[] = {
	{ 0, "source route (deprecated)" }, { 2, "type 2 (Mobile IPv6)" },
	{ 3, "RPL source route" }, { 4, "segment routing" }, { 0, NULL }
};

static const struct st_field_desc rt_fields[] = {
	FDN("nh", "ipv6.routing.nxt", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("len", "ipv6.routing.len", "Length (8-byte units after the first)",
	    8, 8, ST_FMT_DEC),
	FDN("type", "ipv6.routing.type", "Routing type", 16, 8, ST_FMT_DEC,
	    rt_names),
	FD("segleft", "ipv6.routing.segleft", "Segments left", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.routing.unknown_data", "Type-specific data", 32, 0,
	    ST_FMT_BYTES),
};

/* The type-specific rows (RFC 8200 4.4, RFC 6275 6.4, RFC 6554, RFC 8754). */
enum { R_LENOCT, R_SRCRES, R_SRCADDR, R_MIPRES, R_HOA, R_CMPRI, R_CMPRE,
	R_PAD, R_RPLRES, R_RPLN, R_RPLADDR, R_LAST, R_FLAGS, R_TAG, R_SID };

static const struct st_field_desc rt_more[] = {
	FDG("ipv6.routing.len_oct", "Length in bytes", ST_FMT_DEC, NULL),
	FD(NULL, "ipv6.routing.src.reserved", "Reserved", 32, 32,
	    ST_FMT_BYTES),
	FD(NULL, "ipv6.routing.src.addr", "Address", 0, 128, ST_FMT_IPV6),
	FD(NULL, "ipv6.routing.mipv6.reserved", "Reserved", 32, 32,
	    ST_FMT_BYTES),
	FD(NULL, "ipv6.routing.mipv6.home_address", "Home address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "ipv6.routing.rpl.cmprI", "Octets elided of each address "
	    "but the last (CmprI)", 32, 4, ST_FMT_DEC),
	FD(NULL, "ipv6.routing.rpl.cmprE", "Octets elided of the last "
	    "address (CmprE)", 36, 4, ST_FMT_DEC),
	FD(NULL, "ipv6.routing.rpl.pad", "Padding bytes", 40, 4, ST_FMT_DEC),
	FD(NULL, "ipv6.routing.rpl.reserved", "Reserved", 44, 20, ST_FMT_DEC),
	FDX(NULL, "ipv6.routing.rpl.addr_count", "Total address count", 0, 0,
	    ST_FMT_DEC, 0, 0, ST_DF_GEN | ST_DF_SIGNED, 0, NULL),
	FD(NULL, "ipv6.routing.rpl.address", "Address (its last octets)", 0,
	    0, ST_FMT_BYTES),
	FD(NULL, "ipv6.routing.srh.last_entry", "Last entry", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "ipv6.routing.srh.flags", "Flags", 40, 8, ST_FMT_HEX),
	FD(NULL, "ipv6.routing.srh.tag", "Tag", 48, 16, ST_FMT_BYTES),
	FD(NULL, "ipv6.routing.srh.addr", "Segment", 0, 128, ST_FMT_IPV6),
};

/* Type 0 and 4: n addresses from byte 8 of the hdr-byte header at c. */
static void
rt_addrs(struct st_dctx *d, struct st_cur *c, size_t hdr, size_t n,
    const struct st_field_desc *fd)
{
	size_t i;

	for (i = 0; i < n && 8 + 16 * (i + 1) <= hdr; i++)
		st_dbytes(d, c, fd, 8 + 16 * i, 16);
}

/*
 * RPL source route (RFC 6554 3): n addresses, each of 16 - CmprI octets
 * but the last, of 16 - CmprE, after the pad they leave.
 */
static void
rt_rpl(struct st_dctx *d, struct st_cur *c, size_t hdr)
{
	unsigned ci = (unsigned)st_peek_bits(c, 32, 4);
	unsigned ce = (unsigned)st_peek_bits(c, 36, 4);
	unsigned pad = (unsigned)st_peek_bits(c, 40, 4);
	long n = 0, i;
	size_t off = 8, w;

	st_dfields(d, c, rt_more + R_CMPRI, 4);
	if (hdr > 8)
		n = ((long)(hdr - 8) - pad - (16 - ce)) / (16 - ci) + 1;
	st_dgen(d, &rt_more[R_RPLN], (uint64_t)n);
	for (i = 1; i <= n; i++, off += w) {
		w = i == n ? 16 - ce : 16 - ci;
		if (off + w > hdr)
			break;
		st_dbytes(d, c, &rt_more[R_RPLADDR], off, w);
	}
}

/* The type-specific data of the hdr-byte routing header at c. */
static void
rt_data(struct st_dctx *d, struct st_cur *c, size_t hdr)
{
	switch (st_peek_bits(c, 16, 8)) {
	case 0:
		st_dbytes(d, c, &rt_more[R_SRCRES], 4, 4);
		rt_addrs(d, c, hdr, (hdr - 8) / 16, &rt_more[R_SRCADDR]);
		return;
	case 2:
		if (hdr < 24)
			break;
		st_dbytes(d, c, &rt_more[R_MIPRES], 4, 4);
		st_dfield(d, c, &rt_more[R_HOA]);
		return;
	case 3:
		rt_rpl(d, c, hdr);
		return;
	case 4:
		st_dfields(d, c, rt_more + R_LAST, 3);
		if (st_peek_bits(c, 32, 8) != 255)
			rt_addrs(d, c, hdr, (size_t)st_peek_bits(c, 32, 8) + 1,
			    &rt_more[R_SID]);
		return;
	}
	st_dbytes(d, c, &rt_fields[4], 4, hdr - 4);
}

/*
 * The final destination the hlen routing header bytes at h name while
 * segments are left (RFC 8200 8.1: the pseudo-header's destination, as
 * Wireshark takes it): the last address of type 0 and 2, the first of the
 * segment list (type 4, RFC 8754).  Returns 0 for none.
 */
static int
rt_final(const uint8_t *h, size_t hlen, uint8_t *dst)
{
	if (hlen < 24 || h[3] == 0)
		return 0;
	if (h[2] == 0 || h[2] == 2)
		memcpy(dst, h + 8 + (hlen - 8) / 16 * 16 - 16, 16);
	else if (h[2] == 4)
		memcpy(dst, h + 8, 16);
	else
		return 0;
	return 1;
}

static int
routing_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t hdr;
	int rc;

	if (st_dfields(d, c, rt_fields, 2) != ST_OK)
		return c->err;
	hdr = ((size_t)st_peek_bits(c, 8, 8) + 1) * 8;
	st_dgen(d, &rt_more[R_LENOCT], hdr);
	if (st_dfields(d, c, rt_fields + 2, 2) != ST_OK)
		return c->err;
	if ((rc = ext_common(d, c, hdr)) != ST_OK) {
		struct st_cur t = *c;

		/* Cut short: what was captured of its data, as tshark shows. */
		t.err = ST_OK;
		if (rc == ST_ETRUNC)
			rt_data(d, &t, hdr);
		return rc;
	}
	rt_data(d, c, hdr);
	/* ext_common checked that the hdr bytes are there. */
	if (d->net.fam == 6)
		rt_final(c->base + c->off, hdr, d->net.dst);
	return ST_OK;
}

static const struct st_bind rt_binds[] = {
	{ ST_KEY_IPPROTO, 43 },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const routing_keys[] = {
	&rt_fields[2], &rt_fields[3], NULL,
};

/* addrs=A+B+C: the addresses of a routing header (type 0 or 2). */
static int
rt_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	uint8_t a[16];
	char addr[64];
	size_t k;

	(void)key;	/* only "addrs" */
	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "addrs needs a value: "
		    "addrs=2001:db8::1+2001:db8::2");
	for (; *v != '\0'; v += k + (v[k] == '+')) {
		k = strcspn(v, "+");
		if (k >= sizeof(addr))
			return st_spec_fail(err, col, "address too long");
		memcpy(addr, v, k);
		addr[k] = '\0';
		if (inet_pton(AF_INET6, addr, a) != 1)
			return st_spec_fail(err, col, "'%s' is not an IPv6 "
			    "address (routing addrs)", addr);
		if (st_spec_opt(o, a, 16, col, err) != 0)
			return -1;
	}
	return 0;
}

static const struct st_craft_auto rt_autos[] = {
	{ &rt_fields[0], ST_CA_NEXT }, { &rt_fields[1], ST_CA_LEN8 },
	{ &rt_fields[3], ST_CA_COUNT16 },
};

static const struct st_craft rt_craft = {
	.spec = "routing",
	.extra = "addrs",
	.key = rt_spec_key,
	.hlen = 8,
	.next_key = ST_KEY_IPPROTO,
	.next_none = 59,
	.help = "  addrs     the addresses, joined by '+': segleft counts them "
	    "unless given;\n            the last is the final destination of "
	    "the checksums\n",
	.autos = rt_autos,
	.nautos = NFIELDS(rt_autos),
	.optmax = 16 * 64,
	.align = 8,
	.final_dst = rt_final,
};

const struct st_proto st_proto_routing = {
	.name = "routing",
	.ws = "ipv6.routing",
	.title = "IPv6 Routing Header",
	.rfc = "RFC 8200 4.4",
	.role = ST_ROLE_NETEXT,
	.fields = rt_fields,
	.nfields = NFIELDS(rt_fields),
	.more = rt_more,
	.nmore = NFIELDS(rt_more),
	.decode = routing_decode,
	.binds = rt_binds,
	.nbinds = NFIELDS(rt_binds),
	.keys = routing_keys,
	.color = "\033[92m",
	.craft = &rt_craft,
};
