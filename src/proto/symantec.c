/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The header Symantec's (earlier Axent's Raptor) Enterprise Firewall and
 * Gateway Security appliances put before each packet they capture
 * (LINKTYPE_SYMANTEC_FIREWALL, 99), after Wireshark's packet-symantec.c.
 * Two forms, told apart only by where the EtherType is:
 *
 *  v2 (44 bytes): interface IPv4 address (32), 0 (16), EtherType (16),
 *                 36 bytes of 0
 *  v3 (56 bytes): interface IPv4 address (32), 0 (48), EtherType (16),
 *                 44 bytes of 0
 *
 * A header with both places zero, or both set, is neither.
 */
#include "strata/out.h"
#include "fields.h"

#define SYM_V2_HDR	44
#define SYM_V3_HDR	56

enum { Y_IF, Y_TYPE2, Y_TYPE3 };

static const struct st_field_desc sym_fields[] = {
	FD("if", "symantec.if", "Interface", 0, 32, ST_FMT_IPV4),
	FDX("type", "symantec.type", "Type", 48, 16, ST_FMT_HEX, 0, 0, 0, 0,
	    st_ethertype_names),
	FDX(NULL, "symantec.type", "Type (v3)", 80, 16, ST_FMT_HEX, 0, 0, 0,
	    0, st_ethertype_names),
};

static int
sym_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr;
	unsigned t2, t3;

	t2 = (unsigned)st_peek_bits(c, 48, 16);
	t3 = (unsigned)st_peek_bits(c, 80, 16);
	if (c->err != ST_OK) {
		st_dfields(d, c, sym_fields, 1);
		d->hdr = left;
		return ST_ETRUNC;
	}
	if ((t2 == 0) == (t3 == 0)) {
		d->hdr = left < SYM_V2_HDR ? left : SYM_V2_HDR;
		return st_dmalformed(d, "EtherType at neither or both of "
		    "bytes 6 and 10 (0x%04x, 0x%04x)", t2, t3);
	}
	st_dfield(d, c, &sym_fields[Y_IF]);
	st_dfield(d, c, &sym_fields[t3 == 0 ? Y_TYPE2 : Y_TYPE3]);
	hdr = t3 == 0 ? SYM_V2_HDR : SYM_V3_HDR;
	if (left < hdr) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = hdr;
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = t3 == 0 ? t2 : t3;
	return ST_OK;
}

static const struct st_bind sym_binds[] = {
	{ ST_KEY_LINK, 99 },		/* LINKTYPE_SYMANTEC_FIREWALL */
};

/* "symantec v2 if 10.0.0.1 type 0x0800". */
static int
sym_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[Y_TYPE3 + 1];

	st_ly_fields(s->pkt, ly, sym_fields, Y_TYPE3 + 1, f);
	if (f[Y_IF] == NULL || (f[Y_TYPE2] == NULL && f[Y_TYPE3] == NULL))
		return 0;
	st_out_printf(s->o, "symantec %s if ", f[Y_TYPE2] != NULL ? "v2" :
	    "v3");
	s->value(s, f[Y_IF]);
	st_out_printf(s->o, " type 0x%04x", (unsigned)(f[Y_TYPE2] != NULL ?
	    f[Y_TYPE2] : f[Y_TYPE3])->val);
	return 1;
}

static const struct st_field_desc *const sym_keys[] = {
	&sym_fields[Y_IF], &sym_fields[Y_TYPE2], NULL,
};

const struct st_proto st_proto_symantec = {
	.name = "symantec",
	.ws = "symantec",
	.title = "Symantec Enterprise Firewall",
	.rfc = "Symantec, no RFC (libpcap's LINKTYPE_SYMANTEC_FIREWALL)",
	.role = ST_ROLE_LINK,
	.fields = sym_fields,
	.nfields = NFIELDS(sym_fields),
	.decode = sym_decode,
	.binds = sym_binds,
	.nbinds = NFIELDS(sym_binds),
	.summary = sym_summary,
	.keys = sym_keys,
	.color = "\033[36m",
	.explain_bits = 64,
	.explain = "Captures from Symantec's (formerly Axent's Raptor) "
	    "Enterprise Firewall and Gateway Security appliances: the "
	    "Ethernet header is gone, and this header says on which "
	    "interface (by its IPv4 address) the packet was seen and its "
	    "EtherType.  The older form (v2) is 44 bytes with the EtherType "
	    "at byte 6; SGS v3's is 56 bytes with it at byte 10; nothing "
	    "else tells them apart, so a header with an EtherType in both "
	    "places or in neither is marked malformed.",
};
