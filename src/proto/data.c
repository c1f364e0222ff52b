/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What strata does not decode further: application data above the
 * transport layer (until an application decoder claims it), fragments, and
 * the bytes after a datagram inside its frame (Ethernet padding, trailers).
 */
#include "strata/cksum.h"
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
	FD("fcs", "eth.fcs", "Frame check sequence", 0, 32, ST_FMT_HEX),
	FDGS("eth.fcs.status", "FCS status"),
};

#define TRAILER_HEUR	8	/* places in the trailer heuristics' order */

/*
 * The protocol whose content heuristic claims the bytes after the padding
 * (pad bytes at c), tried in the order of their binds under
 * ST_KEY_ETHTRAILER, as Wireshark tries its "eth.trailer" heuristics; NULL
 * when none does.  Only a whole frame's: Wireshark leaves a trailer it
 * cannot see all of alone.
 */
static const struct st_proto *
trailer_heuristic(struct st_dctx *d, const struct st_cur *c, size_t pad)
{
	const struct st_proto *p;
	struct st_cur t;
	unsigned v;

	if (d->pkt->caplen != d->pkt->len || d->depth > 0)
		return NULL;
	for (v = 0; v < TRAILER_HEUR; v++) {
		p = st_proto_next(ST_KEY_ETHTRAILER, v);
		if (p == NULL || p->heuristic == NULL)
			continue;
		t = *c;
		t.off += pad;
		if (p->heuristic(&t))
			return p;
	}
	return NULL;
}

/*
 * The bytes after a datagram, as Wireshark splits them: zeros that pad
 * the frame to Ethernet's 60 bytes (only in a frame of 60 or more), then
 * a trailer named by the layer that handed the datagram on, and, on an
 * Ethernet link, the last 4 bytes taken for the frame check sequence when
 * the frame has 64 or more (a guess: left unverified, as tshark does).
 * A trailer a heuristic recognises (F5's) takes all after the padding.
 */
static int
trailer_split(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *named, int fcs_ok)
{
	size_t n = st_cur_left(c), len = d->pkt->len, pad = 0, i, fcs = 0;
	const struct st_proto *h;
	struct st_cur at;

	if (len >= 60 && len - n < 60) {
		pad = 60 - (len - n);
		if (pad > n)
			pad = n;
		for (i = 0; i < pad; i++)
			if (st_peek_bits(c, i * 8, 8) != 0)
				pad = 0;
	}
	if (pad > 0)
		st_dbytes(d, c, &trailer_fields[0], 0, pad);
	if (n > pad && (h = trailer_heuristic(d, c, pad)) != NULL) {
		/* All the rest is that trailer's, an FCS with it. */
		st_dsublayer(d, c, h, pad, n - pad);
		d->hdr = n;
		d->plen = 0;
		return ST_OK;
	}
	if (fcs_ok && len >= 64 && n - pad >= 4)
		fcs = 4;
	if (n - pad - fcs > 0)
		st_dbytes(d, c, named, pad, n - pad - fcs);
	if (fcs > 0) {
		at = *c;
		at.off += n - 4;
		st_dfield(d, &at, &trailer_fields[2]);
		st_dgen(d, &trailer_fields[3], ST_CK_UNVERIFIED);
	}
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static int
trailer_decode(struct st_dctx *d, struct st_cur *c)
{
	return trailer_split(d, c, &trailer_fields[1], 1);
}

/* After an Ethernet frame carried inside another: no FCS. */
static int
trailer_inner_decode(struct st_dctx *d, struct st_cur *c)
{
	return trailer_split(d, c, &trailer_fields[1], 0);
}

/* What the bytes after the datagram are, in a phrase. */
static const char *
trailer_what(const struct st_packet *pkt, const struct st_layer *ly)
{
	static const char *const what[8] = {
		"trailer", "padding to the minimum frame", "trailer",
		"padding and a trailer", "frame check sequence (FCS)",
		"padding and the FCS", "a trailer and the FCS",
		"padding, a trailer and the FCS",
	};
	unsigned k = 0;

	if (st_pkt_fd(pkt, ly, &trailer_fields[0]) != NULL)
		k |= 1;
	if (st_pkt_fd(pkt, ly, &trailer_fields[1]) != NULL)
		k |= 2;
	if (st_pkt_fd(pkt, ly, &trailer_fields[2]) != NULL)
		k |= 4;
	return what[k];
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

const struct st_proto st_proto_trailer_inner = {
	.name = "trailer",
	.ws = "eth",
	.title = "Frame padding or trailer",
	.rfc = NULL,
	.role = ST_ROLE_TRAILER,
	.fields = trailer_fields,
	.nfields = NFIELDS(trailer_fields),
	.decode = trailer_inner_decode,
	.color = "\033[90m",
	.what = trailer_what,
};

/*
 * Bytes after a datagram that a VLAN tag, an 802.1ah I-tag or a cooked
 * (SLL) header handed on: Wireshark names them by that layer, padding or
 * not.
 */
static const struct st_field_desc vlan_trailer_fields[] = {
	FD("trailer", "vlan.trailer", "Trailer", 0, 0, ST_FMT_BYTES),
};
static const struct st_field_desc qinq_trailer_fields[] = {
	FD("trailer", "ieee8021ah.trailer", "Trailer", 0, 0, ST_FMT_BYTES),
};
static const struct st_field_desc sll_trailer_fields[] = {
	FD("trailer", "sll.trailer", "Trailer", 0, 0, ST_FMT_BYTES),
};

static int
vlan_trailer_decode(struct st_dctx *d, struct st_cur *c)
{
	return trailer_split(d, c, vlan_trailer_fields, 0);
}

static int
qinq_trailer_decode(struct st_dctx *d, struct st_cur *c)
{
	return trailer_split(d, c, qinq_trailer_fields, 0);
}

static int
sll_trailer_decode(struct st_dctx *d, struct st_cur *c)
{
	return trailer_split(d, c, sll_trailer_fields, 0);
}

#define TRAILER(id, wsname, tab, dec)					\
const struct st_proto id = {						\
	.name = "trailer",						\
	.ws = wsname,							\
	.title = "Trailer",						\
	.role = ST_ROLE_TRAILER,					\
	.fields = tab,							\
	.nfields = NFIELDS(tab),					\
	.decode = dec,							\
	.color = "\033[90m",						\
}

TRAILER(st_proto_trailer_vlan, "vlan", vlan_trailer_fields,
    vlan_trailer_decode);
TRAILER(st_proto_trailer_qinq, "ieee8021ad", qinq_trailer_fields,
    qinq_trailer_decode);
TRAILER(st_proto_trailer_pbb, "ieee8021ah", qinq_trailer_fields,
    qinq_trailer_decode);
TRAILER(st_proto_trailer_sll, "sll", sll_trailer_fields, sll_trailer_decode);

/*
 * Bytes after the payload that Wireshark shows nowhere: those behind
 * PPPoE, and those of a link that names no trailer (802.11, raw IP, BSD
 * loopback).  Shown as strata's, whole.
 */
static const struct st_field_desc other_trailer_fields[] = {
	FD("trailer", "strata.trailer", "Bytes after the payload", 0, 0,
	    ST_FMT_BYTES),
};

static int
other_trailer_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);

	if (n > 0)
		st_dbytes(d, c, other_trailer_fields, 0, n);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

TRAILER(st_proto_trailer_other, "frame", other_trailer_fields,
    other_trailer_decode);
