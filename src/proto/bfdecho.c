/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BFD echo packets (RFC 5880 6.4, RFC 5881 4), UDP 3785: a router sends
 * them addressed to itself through its neighbour, whose forwarding plane
 * loops them back; only the sender reads their contents, so the format
 * is its own.  Shown as the bytes they are, under tshark's name.
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_field_desc bfdecho_fields[] = {
	FD(NULL, "bfd_echo.packet", "Echo", 0, 0, ST_FMT_BYTES),
};

static int
bfdecho_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);

	if (n > 0)
		st_dbytes(d, c, &bfdecho_fields[0], 0, n);
	d->hdr = n;
	d->plen = 0;
	return c->err;
}

static const struct st_bind bfdecho_binds[] = {
	{ ST_KEY_UDPPORT, 3785 },
};

static int
bfdecho_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_printf(s->o, "bfd echo, %u bytes", ly->len);
	return 1;
}

const struct st_proto st_proto_bfdecho = {
	.name = "bfd_echo",
	.ws = "bfd_echo",
	.title = "BFD echo",
	.rfc = "RFC 5880, RFC 5881",
	.role = ST_ROLE_APP,
	.fields = bfdecho_fields,
	.nfields = NFIELDS(bfdecho_fields),
	.decode = bfdecho_decode,
	.binds = bfdecho_binds,
	.nbinds = NFIELDS(bfdecho_binds),
	.summary = bfdecho_summary,
	.color = "\033[33m",
	.explain = "Bidirectional Forwarding Detection's echo function: a "
	    "router sends packets to UDP port 3785 addressed to itself, and "
	    "its neighbour's forwarding hardware sends them straight back.  "
	    "While they keep returning, the path works; a few lost in a row "
	    "and the router declares the neighbour down within milliseconds.  "
	    "Only the sender reads what is inside.",
};
