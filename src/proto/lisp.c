/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The LISP data header (RFC 9300 section 5.3), UDP port 4341: an IP
 * packet between endpoint IDs, carried between routing locators.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |N|L|E|V|I|R|K|K|            Nonce/Map-Version                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Instance ID/Locator-Status-Bits               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * N: a nonce follows, V: map versions instead; I: the second word is a
 * 24-bit instance ID and 8 locator-status bits.  The inner packet's
 * version nibble says IPv4 or IPv6.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_FLAGS, F_N, F_L, F_E, F_V, F_I, F_RES, F_NONCE, F_MAPVER,
	F_SRCMV, F_DSTMV, F_IID, F_LSB8, F_LSB };

static const struct st_field_desc lisp_fields[] = {
	FD("flags", "lisp-data.flags", "Flags", 0, 8, ST_FMT_HEX),
	FDD(NULL, "lisp-data.flags.nonce", "N bit", 0, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp-data.flags.lsb", "L bit", 1, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp-data.flags.enr", "E bit", 2, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp-data.flags.mv", "V bit", 3, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp-data.flags.iid", "I bit", 4, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp-data.flags.res", "Reserved", 5, 3, ST_FMT_HEX),
	FD("nonce", "lisp-data.nonce", "Nonce", 8, 24, ST_FMT_DEC),
	FD(NULL, "lisp-data.mapver", "Map-Version", 8, 24, ST_FMT_HEX),
	FD(NULL, "lisp-data.srcmapver", "Source map-version", 8, 12,
	    ST_FMT_DEC),
	FD(NULL, "lisp-data.dstmapver", "Destination map-version", 20, 12,
	    ST_FMT_DEC),
	FD("iid", "lisp-data.iid", "Instance ID", 32, 24, ST_FMT_DEC),
	FD(NULL, "lisp-data.lsb8", "Locator-status bits", 56, 8, ST_FMT_HEX),
	FD(NULL, "lisp-data.lsb", "Locator-status bits", 32, 32, ST_FMT_HEX),
};

static int
lisp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned fl, nib;

	st_dfields(d, c, lisp_fields, F_NONCE);
	fl = (unsigned)st_peek_bits(c, 0, 8);
	if (c->err != ST_OK)
		return c->err;
	if (fl & 0x80)
		st_dfield(d, c, &lisp_fields[F_NONCE]);
	else if (fl & 0x10) {
		st_dfield(d, c, &lisp_fields[F_MAPVER]);
		st_dfields(d, c, lisp_fields + F_SRCMV, 2);
	}
	if (fl & 0x08)
		st_dfields(d, c, lisp_fields + F_IID, 2);
	else
		st_dfield(d, c, &lisp_fields[F_LSB]);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 8;
	if ((fl & 0x90) == 0x90)
		return st_dmalformed(d, "N and V both set");
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (st_cur_left(c) <= 8)
		return ST_OK;
	nib = (unsigned)st_peek_bits(c, 64, 4);
	if (nib == 4 || nib == 6) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = nib == 4 ? 0x0800 : 0x86dd;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind lisp_binds[] = {
	{ ST_KEY_UDPPORT, 4341 },
};

/* "lisp iid 7" or "lisp nonce 1234" (before the inner packet's facts). */
static int
lisp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LSB + 1];

	st_ly_fields(s->pkt, ly, lisp_fields, F_LSB + 1, f);
	st_out_puts(s->o, "lisp");
	if (f[F_IID] != NULL)
		st_out_printf(s->o, " iid %u", (unsigned)f[F_IID]->val);
	if (f[F_NONCE] != NULL)
		st_out_printf(s->o, " nonce %u", (unsigned)f[F_NONCE]->val);
	return 1;
}

static const struct st_field_desc *const lisp_keys[] = {
	&lisp_fields[F_FLAGS], &lisp_fields[F_NONCE], &lisp_fields[F_IID],
	NULL,
};

const struct st_proto st_proto_lisp_data = {
	.name = "lisp-data",
	.ws = "lisp-data",
	.title = "Locator/ID Separation Protocol (data)",
	.rfc = "RFC 9300",
	.role = ST_ROLE_LINK,	/* a shim before the carried frame */
	.flags = ST_PF_TUNNEL,
	.fields = lisp_fields,
	.nfields = NFIELDS(lisp_fields),
	.decode = lisp_decode,
	.binds = lisp_binds,
	.nbinds = NFIELDS(lisp_binds),
	.summary = lisp_summary,
	.keys = lisp_keys,
	.color = "\033[33m",
	.explain = "The flags say what the two words hold: a nonce (N) or map "
	    "versions (V), an instance ID (I) with 8 locator-status bits, or "
	    "32 of them.",
};
