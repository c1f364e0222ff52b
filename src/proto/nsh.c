/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Network Service Header (RFC 8300): a service function chain's path
 * and position, put before the packet it steers (EtherType 0x894f, GRE).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|O|U|    TTL    |   Length  |U|U|U|U|MD Type| Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Service Path Identifier (SPI)        | Service Index |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Context Headers ...
 *
 * Length counts 4-byte words, the whole header.  MD type 1: four fixed
 * 4-byte context headers (length 6).  MD type 2: TLVs of class (16),
 * type (8), an unassigned bit and a 7-bit length in bytes, the value
 * padded to 4 bytes.  Next protocol 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH,
 * 5 MPLS.  Wireshark names the U bit after the O bit "C bit" (the
 * draft's critical metadata bit).
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define NSH_MAXTLV	64

extern const struct st_proto st_proto_nsh;

static const struct st_valname next_names[] = {
	{ 0, "None" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "Ethernet" },
	{ 4, "NSH" }, { 5, "MPLS" }, { 0xfe, "Experiment 1" },
	{ 0xff, "Experiment 2" }, { 0, NULL }
};

enum { F_VERS, F_OBIT, F_CBIT, F_TTL, F_LEN, F_MDTYPE, F_NEXT, F_SPI, F_SI,
	F_CTX, F_MDCLASS, F_MDTYPE2, F_MDUBIT, F_MDLEN, F_MD, F_NFIELDS };

static const struct st_field_desc nsh_fields[] = {
	[F_VERS] = FD("version", "nsh.version", "Version", 0, 2, ST_FMT_DEC),
	[F_OBIT] = FD("o", "nsh.Obit", "O Bit", 2, 1, ST_FMT_DEC),
	[F_CBIT] = FD("c", "nsh.CBit", "C Bit", 3, 1, ST_FMT_DEC),
	[F_TTL] = FD("ttl", "nsh.ttl", "Time to live", 4, 6, ST_FMT_HEX),
	[F_LEN] = FD("len", "nsh.length", "Length", 10, 6, ST_FMT_DEC),
	[F_MDTYPE] = FD("mdtype", "nsh.mdtype", "MD Type", 16, 8, ST_FMT_DEC),
	[F_NEXT] = FDN("next", "nsh.nextproto", "Next Protocol", 24, 8,
	    ST_FMT_DEC, next_names),
	[F_SPI] = FD("spi", "nsh.spi", "SPI", 32, 24, ST_FMT_DEC),
	[F_SI] = FD("si", "nsh.si", "SI", 56, 8, ST_FMT_DEC),
	[F_CTX] = FD(NULL, "nsh.contextheader", "Context Header", 0, 32,
	    ST_FMT_BYTES),
	[F_MDCLASS] = FD(NULL, "nsh.metadataclass", "TLV Class", 0, 16,
	    ST_FMT_DEC),
	[F_MDTYPE2] = FD(NULL, "nsh.metadatatype", "Type", 16, 8, ST_FMT_DEC),
	[F_MDUBIT] = FD(NULL, "nsh.metadataunassignedbit", "Unassigned Bit",
	    24, 1, ST_FMT_HEX),
	[F_MDLEN] = FD(NULL, "nsh.metadatalen", "Length", 25, 7, ST_FMT_HEX),
	[F_MD] = FD(NULL, "nsh.metadata", "Variable Metadata", 0, 0,
	    ST_FMT_BYTES),
};

/* MD type 2's context headers, [8, len) of c. */
static int
nsh_tlvs(struct st_dctx *d, struct st_cur *c, size_t len)
{
	size_t pos = 8, n;
	struct st_cur t;
	unsigned i;

	for (i = 0; i < NSH_MAXTLV && pos < len; i++) {
		t = *c;
		t.off += pos;
		if (len - pos < 4)
			return st_dmalformed(d, "a context header cut at the "
			    "header's end");
		if (st_dfields(d, &t, nsh_fields + F_MDCLASS, 4) != ST_OK)
			return t.err;
		n = (size_t)st_peek_bits(&t, 25, 7);
		if (n > len - pos - 4)
			return st_dmalformed(d, "metadata of %zu bytes runs past "
			    "the header", n);
		if (n > 0)
			st_dbytes(d, &t, &nsh_fields[F_MD], 4, n);
		pos += 4 + (n + 3) / 4 * 4;
	}
	if (pos < len)
		return st_dmalformed(d, "more than %d context headers",
		    NSH_MAXTLV);
	return ST_OK;
}

static int
nsh_decode(struct st_dctx *d, struct st_cur *c)
{
	static const uint16_t ethertypes[6] = { 0, 0x0800, 0x86dd, 0, 0,
	    0x8847 };
	size_t len;
	unsigned md, next, i;
	struct st_cur t;
	int rc;

	if (st_dfields(d, c, nsh_fields, F_CTX) != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 10, 6) * 4;
	md = (unsigned)st_peek_bits(c, 16, 8);
	next = (unsigned)st_peek_bits(c, 24, 8);
	if (md == 1) {
		if (len != 24)
			return st_dmalformed(d, "length %zu words with MD type 1 "
			    "(6)", len / 4);
		for (i = 0; i < 4; i++) {
			t = *c;
			t.off += 8 + i * 4;
			if (st_dfield(d, &t, &nsh_fields[F_CTX]) == NULL)
				return t.err;
		}
	} else if (md == 2) {
		if (len < 8)
			return st_dmalformed(d, "length %zu words with MD type 2 "
			    "(2 at least)", len / 4);
		if (!st_cur_need(c, len))
			return ST_ETRUNC;
		if ((rc = nsh_tlvs(d, c, len)) != ST_OK)
			return rc;
	} else if (len < 8)
		return st_dmalformed(d, "length %zu words (2 at least)",
		    len / 4);
	if (!st_cur_need(c, len))
		return ST_ETRUNC;
	d->hdr = len;
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "headers nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (next < 6 && ethertypes[next] != 0) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = ethertypes[next];
	} else if (next == 3) {
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_EN10MB;
	} else if (next == 4)
		d->next = &st_proto_nsh;
	return ST_OK;
}

static const struct st_bind nsh_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x894f },
};

/* "nsh spi 777 si 7 next IPv4". */
static int
nsh_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, nsh_fields, F_NFIELDS, f);
	st_out_puts(s->o, "nsh");
	if (f[F_SPI] != NULL && f[F_SI] != NULL)
		st_out_printf(s->o, " spi %u si %u", (unsigned)f[F_SPI]->val,
		    (unsigned)f[F_SI]->val);
	if (f[F_NEXT] != NULL) {
		st_out_puts(s->o, " next ");
		s->value(s, f[F_NEXT]);
	}
	return 1;
}

static const struct st_field_desc *const nsh_keys[] = {
	&nsh_fields[F_TTL], &nsh_fields[F_MDTYPE], &nsh_fields[F_NEXT],
	&nsh_fields[F_SPI], &nsh_fields[F_SI], NULL,
};

const struct st_proto st_proto_nsh = {
	.name = "nsh",
	.ws = "nsh",
	.title = "Network Service Header",
	.rfc = "RFC 8300",
	.role = ST_ROLE_NETEXT,
	.flags = ST_PF_TUNNEL,
	.fields = nsh_fields,
	.nfields = F_NFIELDS,
	.decode = nsh_decode,
	.binds = nsh_binds,
	.nbinds = NFIELDS(nsh_binds),
	.summary = nsh_summary,
	.keys = nsh_keys,
	.color = "\033[36m",
	.explain = "A service function chain sends traffic through a "
	    "sequence of middleboxes (firewall, NAT, load balancer).  NSH, "
	    "put in front of the packet, names the chain (the service path "
	    "identifier) and how far along it the packet is (the service "
	    "index, decremented by each function); a TTL stops loops.  "
	    "Context headers carry metadata between the functions: four "
	    "fixed words (MD type 1) or TLVs (MD type 2).  Next protocol says "
	    "what follows: IPv4, IPv6, Ethernet, MPLS or another NSH.",
};
