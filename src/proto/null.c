/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BSD loopback encapsulation: a 4-byte address family before the packet.
 * LINKTYPE_NULL stores it in the capturing host's byte order, LINKTYPE_LOOP
 * in network order.  IPv6 has a different AF_INET6 on each BSD (24, 28, 30).
 */
#include <pcap/dlt.h>

#include "fields.h"

static const struct st_valname family_names[] = {
	{ 2, "IPv4" }, { 7, "OSI" }, { 23, "IPX" }, { 24, "IPv6 (NetBSD, "
	"OpenBSD)" }, { 28, "IPv6 (FreeBSD)" }, { 30, "IPv6 (Darwin)" },
	{ 0, NULL }
};

static const struct st_field_desc null_fields[] = {
	FDN("family", "null.family", "Family", 0, 32, ST_FMT_DEC,
	    family_names),
};

static int
null_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur r = *c;
	struct st_field *f;
	uint32_t fam;

	if (d->pkt->linktype == DLT_LOOP)
		fam = st_get_be32(&r);
	else {
		/* Host order of an unknown host: a family fits in 16 bits. */
		fam = st_get_le32(&r);
		if (fam > 0xffff)
			fam = (fam >> 24) | (fam >> 8 & 0xff00) |
			    (fam << 8 & 0xff0000) | fam << 24;
	}
	if (r.err != ST_OK)
		return c->err = r.err;
	if ((f = st_dfield(d, c, &null_fields[0])) != NULL)
		f->val = fam;
	d->hdr = 4;
	d->next_key = ST_KEY_NULLFAM;
	d->next_val = fam;
	return ST_OK;
}

static const struct st_bind null_binds[] = {
	{ ST_KEY_LINK, DLT_NULL },
	{ ST_KEY_LINK, DLT_LOOP },
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const null_keys[] = {
	&null_fields[0], NULL,
};

const struct st_proto st_proto_null = {
	.name = "null",
	.ws = "null",
	.title = "BSD loopback",
	.rfc = "pcap-linktype(7)",
	.role = ST_ROLE_LINK,
	.fields = null_fields,
	.nfields = NFIELDS(null_fields),
	.decode = null_decode,
	.binds = null_binds,
	.nbinds = NFIELDS(null_binds),
	.keys = null_keys,
	.color = "\033[34m",
};
