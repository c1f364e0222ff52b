/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ISO network layer behind LLC SAP 0xfe: no header of its own, its
 * first byte (the NLPID, ISO/IEC TR 9577) names the protocol: 0x81 CLNP,
 * 0x82 ES-IS, 0x83 IS-IS.  A layer of no bytes, as Wireshark's "osi" step
 * shows it, so that the chain reads eth > llc > osi > isis.
 */
#include "fields.h"

static const struct st_valname nlpid_names[] = {
	{ 0x81, "CLNP" }, { 0x82, "ES-IS" }, { 0x83, "IS-IS" }, { 0, NULL }
};

static const struct st_field_desc osi_fields[] = {
	FDG("strata.osi.nlpid", "Network layer protocol ID", ST_FMT_HEX,
	    nlpid_names),
};

static int
osi_decode(struct st_dctx *d, struct st_cur *c)
{
	if (!st_cur_need(c, 1))
		return c->err;
	d->hdr = 0;
	d->next_key = ST_KEY_NLPID;
	d->next_val = st_peek_bits(c, 0, 8);
	st_dgen(d, &osi_fields[0], d->next_val);
	return ST_OK;
}

static const struct st_bind osi_binds[] = {
	{ ST_KEY_LLCSAP, 0xfe },
};

const struct st_proto st_proto_osi = {
	.name = "osi",
	.ws = "osi",
	.title = "ISO network layer (by NLPID)",
	.rfc = "ISO/IEC TR 9577",
	.role = ST_ROLE_LINK,
	.fields = osi_fields,
	.nfields = NFIELDS(osi_fields),
	.decode = osi_decode,
	.binds = osi_binds,
	.nbinds = NFIELDS(osi_binds),
	.explain = "LLC SAP 0xfe carries ISO network layer protocols with no "
	    "header between: the first byte, the NLPID, says which (0x81 "
	    "CLNP, 0x82 ES-IS, 0x83 IS-IS).",
};
