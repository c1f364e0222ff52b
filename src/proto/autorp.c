/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cisco Auto-RP (UDP 496), how PIM sparse-mode routers learned their
 * rendezvous points before the bootstrap router of RFC 5059: candidate
 * RPs multicast RP-Announce messages to 224.0.1.39, the mapping agent
 * chooses and multicasts RP-Discovery (mapping) messages to 224.0.1.40.
 *
 *   version(4) type(4) | RP count | holdtime(2) | reserved(4)
 *   per RP:    address(4) | reserved(6) PIM version(2) | group count
 *   per group: reserved(7) sign(1) | mask length | prefix(4)
 */
#include "strata/out.h"
#include "fields.h"

#define AUTORP_HDR	8
#define AUTORP_RP	6
#define AUTORP_GROUP	6

enum { F_VER, F_TYPE, F_COUNT, F_HOLD, F_RES, R_ADDR, R_PIMVER, R_NGROUP,
	G_SIGN, G_MASKLEN, G_PREFIX, F_JUNK, F_NFIELDS };

static const struct st_valname autorp_ver_names[] = {
	{ 1, "1 or 1+" }, { 0, NULL }
};

static const struct st_valname autorp_type_names[] = {
	{ 1, "RP announcement" }, { 2, "RP mapping" }, { 0, NULL }
};

static const struct st_valname autorp_pim_names[] = {
	{ 0, "Unknown" }, { 1, "Version 1" }, { 2, "Version 2" },
	{ 3, "Dual version 1 and 2" }, { 0, NULL }
};

static const struct st_valname autorp_sign_names[] = {
	{ 0, "Positive group prefix" }, { 1, "Negative group prefix" },
	{ 0, NULL }
};

static const struct st_field_desc autorp_fields[F_NFIELDS] = {
	[F_VER] = FDN(NULL, "auto_rp.version", "Protocol version", 0, 4,
	    ST_FMT_DEC, autorp_ver_names),
	[F_TYPE] = FDN("type", "auto_rp.type", "Packet type", 4, 4,
	    ST_FMT_DEC, autorp_type_names),
	[F_COUNT] = FD("rps", "auto_rp.rp_count", "RP count", 8, 8,
	    ST_FMT_DEC),
	[F_HOLD] = FD(NULL, "auto_rp.holdtime", "Holdtime", 16, 16,
	    ST_FMT_DEC),
	[F_RES] = FD(NULL, "auto_rp.reserved", "Reserved", 32, 32,
	    ST_FMT_HEX),
	/* an RP, from its start */
	[R_ADDR] = FD("rp", "auto_rp.rp_addr", "RP address", 0, 32,
	    ST_FMT_IPV4),
	[R_PIMVER] = FDN(NULL, "auto_rp.pim_ver", "Version", 38, 2,
	    ST_FMT_DEC, autorp_pim_names),
	[R_NGROUP] = FD(NULL, "auto_rp.group_num", "Number of groups this "
	    "RP maps to", 40, 8, ST_FMT_DEC),
	/* a group, from its start */
	[G_SIGN] = FDN(NULL, "auto_rp.prefix_sign", "Sign", 7, 1, ST_FMT_DEC,
	    autorp_sign_names),
	[G_MASKLEN] = FD(NULL, "auto_rp.mask_len", "Mask length", 8, 8,
	    ST_FMT_DEC),
	[G_PREFIX] = FD("group", "auto_rp.group_prefix", "Prefix", 16, 32,
	    ST_FMT_IPV4),
	[F_JUNK] = FD(NULL, "auto_rp.trailing_junk", "Trailing junk", 0, 0,
	    ST_FMT_BYTES),
};

static int
autorp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t at = AUTORP_HDR, left = st_cur_left(c);
	unsigned nrp, ngrp, i, j;

	if (!st_cur_need(c, 1))
		return c->err;
	st_dfields(d, c, autorp_fields, R_ADDR);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	nrp = (unsigned)st_peek_bits(c, 8, 8);
	/* Counts of one byte each bound both loops; a count past the
	 * bytes there are stops at the first missing byte. */
	/* An RP or a group is shown whole or not at all, as tshark (which
	 * reads all of one before it shows any). */
	for (i = 0; i < nrp && c->err == ST_OK; i++) {
		if (!st_cur_need(c, at + AUTORP_RP))
			break;
		st_dfields_at(d, c, at, autorp_fields + R_ADDR, 3);
		ngrp = (unsigned)st_peek_bits(c, (at + 5) * 8, 8);
		at += AUTORP_RP;
		for (j = 0; j < ngrp && st_cur_need(c, at + AUTORP_GROUP);
		    j++) {
			st_dfields_at(d, c, at, autorp_fields + G_SIGN, 3);
			at += AUTORP_GROUP;
		}
	}
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (left > at)
		st_dbytes(d, c, &autorp_fields[F_JUNK], at, left - at);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind autorp_binds[] = {
	{ ST_KEY_UDPPORT, 496 },
};

/* "auto-rp RP announcement for 1 RP, holdtime 181". */
static int
autorp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, autorp_fields, F_NFIELDS, f);
	st_out_puts(s->o, "auto-rp");
	if (f[F_TYPE] != NULL) {
		st_out_putc(s->o, ' ');
		st_out_puts(s->o, st_field_meaning(f[F_TYPE]) != NULL ?
		    st_field_meaning(f[F_TYPE]) : "?");
	}
	if (f[F_COUNT] != NULL)
		st_out_printf(s->o, " for %u RP%s",
		    (unsigned)f[F_COUNT]->val,
		    f[F_COUNT]->val == 1 ? "" : "s");
	if (f[F_HOLD] != NULL)
		st_out_printf(s->o, ", holdtime %u",
		    (unsigned)f[F_HOLD]->val);
	return 1;
}

static const struct st_field_desc *const autorp_keys[] = {
	&autorp_fields[F_TYPE], &autorp_fields[R_ADDR], NULL,
};

const struct st_proto st_proto_autorp = {
	.name = "auto_rp",
	.ws = "auto_rp",
	.title = "Cisco Auto-RP",
	.rfc = "Cisco Auto-RP (no RFC)",
	.role = ST_ROLE_APP,
	.fields = autorp_fields,
	.nfields = F_NFIELDS,
	.decode = autorp_decode,
	.binds = autorp_binds,
	.nbinds = NFIELDS(autorp_binds),
	.summary = autorp_summary,
	.keys = autorp_keys,
	.color = "\033[33m",
	.explain = "How PIM sparse-mode routers find the rendezvous point "
	    "(RP) of each multicast group, Cisco's way: routers willing to "
	    "be RPs multicast RP-Announce messages (to 224.0.1.39, UDP port "
	    "496) listing the group ranges they offer; a mapping agent picks "
	    "one RP per range and multicasts the RP-Discovery (mapping) "
	    "message (to 224.0.1.40) every router obeys.  A negative prefix "
	    "excludes a range.  The standard way is PIM's bootstrap router.",
};
