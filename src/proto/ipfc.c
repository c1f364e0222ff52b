/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IP over Fibre Channel (RFC 2625) as libpcap captures it
 * (LINKTYPE_IP_OVER_FC, 122), after Wireshark's packet-ipfc.c: the
 * 16-byte network header of RFC 2625 section 4.1, then LLC and SNAP.
 *
 * +-------------------------------------------------------+
 * | network destination address (64, a Name_Identifier)   |
 * +-------------------------------------------------------+
 * | network source address (64)                           |
 * +-------------------------------------------------------+
 * | LLC (AA AA 03) | SNAP OUI 0 | EtherType | packet ...   |
 *
 * Each address is a Fibre Channel world wide name: its top four bits are
 * the NAA (network address authority: 1 IEEE 48-bit, 2 IEEE extended,
 * 5 IEEE registered, 6 registered extended).
 */
#include "strata/out.h"
#include "fields.h"

#define IPFC_HDR	16

enum { I_DA, I_SA };

static const struct st_field_desc ipfc_fields[] = {
	FDX("dst", "ipfc.nh.da", "Network DA", 0, 64, ST_FMT_BYTES, 0, 0,
	    ST_DF_COLONS, 0, NULL),
	FDX("src", "ipfc.nh.sa", "Network SA", 64, 64, ST_FMT_BYTES, 0, 0,
	    ST_DF_COLONS, 0, NULL),
};

static int
ipfc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);

	st_dfields(d, c, ipfc_fields, NFIELDS(ipfc_fields));
	if (c->err != ST_OK || left < IPFC_HDR) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = IPFC_HDR;
	d->next_key = ST_KEY_8023;
	d->next_val = 0;
	return ST_OK;
}

static const struct st_bind ipfc_binds[] = {
	{ ST_KEY_LINK, 122 },		/* LINKTYPE_IP_OVER_FC */
};

/* "ipfc 20:00:00:1b:32:00:00:01 → 10:00:00:00:00:00:00:02". */
static int
ipfc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[I_SA + 1];

	st_ly_fields(s->pkt, ly, ipfc_fields, I_SA + 1, f);
	if (f[I_DA] == NULL || f[I_SA] == NULL)
		return 0;
	st_out_puts(s->o, "ipfc ");
	s->value(s, f[I_SA]);
	st_out_puts(s->o, " \xe2\x86\x92 ");
	s->value(s, f[I_DA]);
	return 1;
}

static const struct st_field_desc *const ipfc_keys[] = {
	&ipfc_fields[I_SA], &ipfc_fields[I_DA], NULL,
};

const struct st_proto st_proto_ipfc = {
	.name = "ipfc",
	.ws = "ipfc",
	.title = "IP Over FC",
	.rfc = "RFC 2625",
	.role = ST_ROLE_LINK,
	.fields = ipfc_fields,
	.nfields = NFIELDS(ipfc_fields),
	.decode = ipfc_decode,
	.binds = ipfc_binds,
	.nbinds = NFIELDS(ipfc_binds),
	.summary = ipfc_summary,
	.keys = ipfc_keys,
	.color = "\033[36m",
	.explain = "IP and ARP carried over a Fibre Channel storage network "
	    "(RFC 2625).  The Fibre Channel frame header is not captured; "
	    "this network header names the two ports by their 64-bit world "
	    "wide names (the top four bits are the NAA, the naming "
	    "authority: 1 and 2 hold an IEEE 48-bit MAC address, 5 and 6 an "
	    "IEEE company ID and a vendor's number).  LLC and SNAP follow, "
	    "with the EtherType of the packet (IPv4 or ARP; ARP over FC uses "
	    "hardware type 18 and 8-byte addresses).",
};
