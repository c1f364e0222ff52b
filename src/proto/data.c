/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What strata does not decode further: application data above the
 * transport layer (until an application decoder claims it), fragments, and
 * the bytes after a datagram inside its frame (Ethernet padding, trailers).
 */
#include "fields.h"

static const struct st_field_desc data_fields[] = {
	FD("data", "data.data", "Data", 0, 0, ST_FMT_BYTES),
	FDG("data.len", "Length", ST_FMT_DEC, NULL),
};

static int
data_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);

	if (n > 0)
		st_dbytes(d, c, &data_fields[0], 0, n);
	st_dgen(d, &data_fields[1], n);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

const struct st_proto st_proto_data = {
	.name = "data",
	.ws = "data",
	.title = "Data",
	.rfc = NULL,
	.role = ST_ROLE_DATA,
	.fields = data_fields,
	.nfields = NFIELDS(data_fields),
	.decode = data_decode,
	.color = "\033[37m",
};

static const struct st_field_desc trailer_fields[] = {
	FD("padding", "eth.padding", "Padding", 0, 0, ST_FMT_BYTES),
	FD("trailer", "eth.trailer", "Trailer", 0, 0, ST_FMT_BYTES),
};

/* All zero bytes are padding up to the minimum frame; others a trailer. */
static int
trailer_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), i;
	int zero = 1;

	for (i = 0; i < n; i++)
		if (c->base[c->off + i] != 0)
			zero = 0;
	st_dbytes(d, c, &trailer_fields[zero ? 0 : 1], 0, n);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

/* All zeros: the padding to Ethernet's 60 bytes; else some trailer. */
static const char *
trailer_what(const struct st_packet *pkt, const struct st_layer *ly)
{
	return st_pkt_fd(pkt, ly, &trailer_fields[0]) != NULL ? "padding to "
	    "the minimum frame" : "trailer";
}

const struct st_proto st_proto_trailer = {
	.name = "trailer",
	.ws = "eth",
	.title = "Frame padding or trailer",
	.rfc = NULL,
	.role = ST_ROLE_TRAILER,
	.fields = trailer_fields,
	.nfields = NFIELDS(trailer_fields),
	.decode = trailer_decode,
	.color = "\033[90m",
	.what = trailer_what,
};
