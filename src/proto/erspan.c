/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ERSPAN, Cisco's mirrored traffic over GRE (draft-foschiano-erspan):
 * type I (GRE 0x88be without a sequence number: no header at all),
 * type II (GRE 0x88be, 8 bytes) and type III (GRE 0x22eb, 12 bytes and an
 * optional 8-byte platform subheader).
 *
 * Type II:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Ver  |          VLAN         | COS | En|T|    Session ID     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reserved         |                  Index                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Type III replaces the second word by a timestamp, then the security
 * group tag, P, frame type, hardware ID, direction, granularity and O.
 * The mirrored frame follows (Ethernet, unless type III says otherwise).
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_VLAN, F_COS, F_EN, F_T, F_SPAN, F_RES, F_INDEX,
	F_BSO, F_TS, F_SGT, F_P, F_FT, F_HW, F_D, F_GRA, F_O, F_PLAT };

static const struct st_field_desc erspan_fields[] = {
	FD("ver", "erspan.version", "Version", 0, 4, ST_FMT_DEC),
	FD("vlan", "erspan.vlan", "VLAN", 4, 12, ST_FMT_DEC),
	FD("cos", "erspan.cos", "COS", 16, 3, ST_FMT_DEC),
	FD("encap", "erspan.encap", "Encap", 19, 2, ST_FMT_DEC),
	FD(NULL, "erspan.truncated", "Truncated", 21, 1, ST_FMT_DEC),
	FD("span", "erspan.spanid", "Session ID", 22, 10, ST_FMT_DEC),
	FD(NULL, "erspan.reserved", "Reserved", 32, 12, ST_FMT_DEC),
	FD("index", "erspan.index", "Index", 44, 20, ST_FMT_DEC),
	FD(NULL, "erspan.bso", "Bad/short/oversized", 19, 2, ST_FMT_DEC),
	FD(NULL, "erspan.timestamp", "Timestamp", 32, 32, ST_FMT_DEC),
	FD(NULL, "erspan.sgt", "Security group tag", 64, 16, ST_FMT_DEC),
	FD(NULL, "erspan.p", "Has Ethernet PDU", 80, 1, ST_FMT_DEC),
	FD(NULL, "erspan.ft", "Frame type", 81, 5, ST_FMT_DEC),
	FD(NULL, "erspan.hw", "Hardware ID", 86, 6, ST_FMT_DEC),
	FD(NULL, "erspan.direction", "Direction", 92, 1, ST_FMT_BOOL),
	FD(NULL, "erspan.gra", "Timestamp granularity", 93, 2, ST_FMT_DEC),
	FD(NULL, "erspan.o", "Optional subheaders", 95, 1, ST_FMT_DEC),
	FD(NULL, "erspan.platid", "Platform ID", 96, 6, ST_FMT_DEC),
};

static int
erspan_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned ver;

	st_dfield(d, c, &erspan_fields[F_VER]);
	ver = (unsigned)st_peek_bits(c, 0, 4);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 2;
	if (ver == 1) {
		st_dfields(d, c, erspan_fields + F_VLAN, F_BSO - F_VLAN);
		d->hdr = 8;
	} else if (ver == 2) {
		st_dfields(d, c, erspan_fields + F_VLAN, 2);
		st_dfield(d, c, &erspan_fields[F_BSO]);
		st_dfields(d, c, erspan_fields + F_T, 2);
		st_dfields(d, c, erspan_fields + F_TS, F_PLAT - F_TS);
		d->hdr = 12;
		if (c->err == ST_OK && st_peek_bits(c, 95, 1)) {
			st_dfield(d, c, &erspan_fields[F_PLAT]);
			d->hdr = 20;
		}
	} else
		return st_dmalformed(d, "version %u", ver);
	if (c->err != ST_OK)
		return c->err;
	if (!st_cur_need(c, d->hdr))
		return c->err;
	if (ver == 2 && st_peek_bits(c, 81, 5) != 0) {
		d->data = 1;		/* not an Ethernet frame */
		return ST_OK;
	}
	d->next_key = ST_KEY_LINK;
	d->next_val = DLT_EN10MB;
	return ST_OK;
}

/* Type I: no header, the mirrored Ethernet frame at once. */
static int
erspan1_decode(struct st_dctx *d, struct st_cur *c)
{
	(void)c;
	d->hdr = 0;
	d->next_key = ST_KEY_LINK;
	d->next_val = DLT_EN10MB;
	return ST_OK;
}

static const struct st_bind erspan_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88be },
	{ ST_KEY_ETHERTYPE, 0x22eb },
};

/* GRE's value for 0x88be without a sequence number (gre.c). */
static const struct st_bind erspan1_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x188be },
};

/* "erspan session 5 vlan 10" (before the mirrored frame's facts). */
static int
erspan_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_INDEX + 1];

	st_ly_fields(s->pkt, ly, erspan_fields, F_INDEX + 1, f);
	st_out_puts(s->o, "erspan");
	if (f[F_VER] != NULL)
		st_out_printf(s->o, " v%u", (unsigned)f[F_VER]->val + 1);
	if (f[F_SPAN] != NULL)
		st_out_printf(s->o, " session %u", (unsigned)f[F_SPAN]->val);
	if (f[F_VLAN] != NULL && f[F_VLAN]->val != 0)
		st_out_printf(s->o, " vlan %u", (unsigned)f[F_VLAN]->val);
	return 1;
}

static const struct st_field_desc *const erspan_keys[] = {
	&erspan_fields[F_VER], &erspan_fields[F_SPAN], &erspan_fields[F_VLAN],
	NULL,
};

const struct st_proto st_proto_erspan = {
	.name = "erspan",
	.ws = "erspan",
	.title = "Encapsulated Remote Switch Packet Analyzer",
	.rfc = "draft-foschiano-erspan",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TUNNEL,
	.fields = erspan_fields,
	.nfields = NFIELDS(erspan_fields),
	.decode = erspan_decode,
	.binds = erspan_binds,
	.nbinds = NFIELDS(erspan_binds),
	.summary = erspan_summary,
	.keys = erspan_keys,
	.color = "\033[33m",
	.explain = "A switch's mirrored frame sent over GRE: the session ID "
	    "says which mirror session, the VLAN the frame's own.",
};

const struct st_proto st_proto_erspan1 = {
	.name = "erspan",
	.ws = "erspan",
	.title = "ERSPAN type I",
	.rfc = "draft-foschiano-erspan",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TUNNEL,
	.decode = erspan1_decode,
	.binds = erspan1_binds,
	.nbinds = NFIELDS(erspan1_binds),
	.summary = erspan_summary,
	.color = "\033[33m",
	.explain = "Type I has no header: the mirrored frame follows GRE.",
};
