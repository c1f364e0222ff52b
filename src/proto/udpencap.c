/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * UDP encapsulation of IPsec ESP (RFC 3948), port 4500 (NAT traversal):
 * four zero bytes (the non-ESP marker) start an IKE message, a single
 * 0xff byte is a NAT keepalive, anything else is an ESP packet (whose SPI
 * is never zero).
 */
#include "fields.h"

enum { F_MARKER, F_KEEPALIVE };

static const struct st_field_desc udpencap_fields[] = {
	/* Markers with no value, as Wireshark's (FT_NONE). */
	FD(NULL, "udpencap.non_esp_marker", "Non-ESP marker", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "udpencap.nat_keepalive", "NAT keepalive", 0, 0,
	    ST_FMT_TEXT),
};

static int
udpencap_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);

	if (left == 1 && st_peek_bits(c, 0, 8) == 0xff) {
		st_dtext(d, c, &udpencap_fields[F_KEEPALIVE], 0, 1, "");
		d->hdr = 1;
		return ST_OK;
	}
	if (left >= 4 && st_peek_bits(c, 0, 32) == 0) {
		st_dtext(d, c, &udpencap_fields[F_MARKER], 0, 4, "");
		d->hdr = 4;
		d->next_key = ST_KEY_UDPPORT;	/* IKE, as on port 500 */
		d->next_val = 500;
		return ST_OK;
	}
	if (left < 4)
		return ST_ENOTME;
	d->hdr = 0;
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = 50;
	return ST_OK;
}

static const struct st_bind udpencap_binds[] = {
	{ ST_KEY_UDPPORT, 4500 },
};

const struct st_proto st_proto_udpencap = {
	.name = "udpencap",
	.ws = "udpencap",
	.title = "UDP Encapsulation of IPsec Packets",
	.rfc = "RFC 3948",
	.role = ST_ROLE_NETEXT,
	.fields = udpencap_fields,
	.nfields = NFIELDS(udpencap_fields),
	.decode = udpencap_decode,
	.binds = udpencap_binds,
	.nbinds = NFIELDS(udpencap_binds),
	.color = "\033[31m",
	.explain = "Four zero bytes mark an IKE message; otherwise an ESP "
	    "packet follows, its SPI never zero.",
};
