/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HP's extended LLC (802.2 SAP 0xf8, both DSAP and SSAP): after a UI
 * frame's LLC header, 3 reserved bytes and two 16-bit extended SAPs.  The
 * destination's names what follows: 0x0623 HP's switch protocol
 * (hpsw.c), 0x0608 and 0x0609 the Remote Maintenance Protocol, 0x165a
 * SNMP.  No public specification; the layout as Wireshark reads it.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Reserved                     |  DXSAP ...    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ... DXSAP    |            SXSAP              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include "strata/out.h"
#include "fields.h"

#define HPEXT_HPSW	0x0623

extern const struct st_proto st_proto_hpsw;

static const struct st_valname xsap_names[] = {
	{ 0x0608, "RMP" }, { 0x0609, "RMP" }, { 0x0623, "HP Switch Protocol" },
	{ 0x165a, "SNMP" }, { 0, NULL }
};

enum { F_RES, F_DXSAP, F_SXSAP, F_NFIELDS };

static const struct st_field_desc hpext_fields[] = {
	FD("reserved", "hpext.reserved", "Reserved", 0, 24, ST_FMT_HEX),
	FDN("dxsap", "hpext.dxsap", "DXSAP", 24, 16, ST_FMT_HEX, xsap_names),
	FDN("sxsap", "hpext.sxsap", "SXSAP", 40, 16, ST_FMT_HEX, xsap_names),
};

static int
hpext_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfields(d, c, hpext_fields, F_NFIELDS) != ST_OK)
		return c->err;
	d->hdr = 7;
	if (st_peek_bits(c, 24, 16) == HPEXT_HPSW && st_cur_left(c) > 7)
		d->next = &st_proto_hpsw;
	return ST_OK;
}

static const struct st_bind hpext_binds[] = {
	{ ST_KEY_LLCSAP, 0xf8 },
};

/* "hpext 0x0623 > 0x0623". */
static int
hpext_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, hpext_fields, F_NFIELDS, f);
	st_out_puts(s->o, "hpext");
	if (f[F_SXSAP] != NULL && f[F_DXSAP] != NULL)
		st_out_printf(s->o, " 0x%04x > 0x%04x",
		    (unsigned)f[F_SXSAP]->val, (unsigned)f[F_DXSAP]->val);
	return 1;
}

static const struct st_field_desc *const hpext_keys[] = {
	&hpext_fields[F_DXSAP], &hpext_fields[F_SXSAP], NULL,
};

const struct st_proto st_proto_hpext = {
	.name = "hpext",
	.ws = "hpext",
	.title = "HP Extended Local-Link Control",
	.rfc = "(none public)",
	.role = ST_ROLE_NETEXT,
	.fields = hpext_fields,
	.nfields = F_NFIELDS,
	.decode = hpext_decode,
	.binds = hpext_binds,
	.nbinds = NFIELDS(hpext_binds),
	.summary = hpext_summary,
	.keys = hpext_keys,
	.color = "\033[36m",
	.explain = "802.2 LLC has only 7 bits of service access point; HP "
	    "took SAP 0xf8 for itself and put a 16-bit extended SAP for each "
	    "end after the LLC header, so its switches, printers and remote "
	    "maintenance tools could share one SAP.  The destination's "
	    "extended SAP says which HP protocol follows (0x0623 the switch "
	    "discovery protocol).",
};
