/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SAP, the Session Announcement Protocol (RFC 2974), UDP port 9875:
 * multicast announcements of sessions, each carrying an SDP description.
 *
 *   |V=1|A|R|T|E|C|  auth len     |     message identifier hash   |
 *   |   originating source (IPv4, or IPv6 when A is set)            |
 *   |   authentication data (auth len 32-bit words)                 |
 *   |   optional payload type "application/sdp" NUL                 |
 *   |   payload (SDP)                                               |
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

enum { F_FLAGS, F_V, F_A, F_R, F_T, F_E, F_C, F_AUTHLEN, F_HASH, F_SRC,
	F_SRC6, F_PTYPE, F_NSAP };

static const struct st_field_desc sap_fields[F_NSAP] = {
	[F_FLAGS] = FD("flags", "sap.flags", "Flags", 0, 8, ST_FMT_HEX),
	[F_V] = FDD("v", "sap.flags.v", "Version Number", 0, 3, ST_FMT_DEC),
	[F_A] = FDD("a", "sap.flags.a", "Address Type", 3, 1, ST_FMT_BOOL),
	[F_R] = FDD("r", "sap.flags.r", "Reserved", 4, 1, ST_FMT_BOOL),
	[F_T] = FDD("t", "sap.flags.t", "Message Type", 5, 1, ST_FMT_BOOL),
	[F_E] = FDD("e", "sap.flags.e", "Encryption Bit", 6, 1, ST_FMT_BOOL),
	[F_C] = FDD("c", "sap.flags.c", "Compression Bit", 7, 1,
	    ST_FMT_BOOL),
	[F_AUTHLEN] = FD("authlen", "sap.auth.len", "Authentication Length",
	    8, 8, ST_FMT_DEC),
	[F_HASH] = FD("hash", "sap.message_identifier_hash",
	    "Message Identifier Hash", 16, 16, ST_FMT_HEX),
	[F_SRC] = FD(NULL, "sap.originating_source", "Originating Source", 32,
	    32, ST_FMT_IPV4),
	[F_SRC6] = FD(NULL, "sap.originating_source.ipv6",
	    "Originating Source", 32, 128, ST_FMT_IPV6),
	[F_PTYPE] = FD(NULL, "sap.payload_type", "Payload type", 0, 0,
	    ST_FMT_TEXT),
};

extern const struct st_proto st_proto_sdp;

static int
sap_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr, i;
	struct st_cur t;
	const uint8_t *p;
	char buf[64 * 4 + 8];
	int v6;

	if (st_dfields(d, c, sap_fields, F_HASH + 1) != ST_OK)
		return ST_ETRUNC;
	v6 = (int)st_peek_bits(c, 3, 1);
	if (st_dfield(d, c, &sap_fields[v6 ? F_SRC6 : F_SRC]) == NULL)
		return ST_ETRUNC;
	hdr = (v6 ? 20 : 8) + (size_t)st_peek_bits(c, 8, 8) * 4;
	if (hdr > left)		/* cut by the capture, or a lie */
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "SAP: %zu header bytes in a %zu-byte "
		    "datagram", hdr, left);
	d->hdr = hdr;
	if (st_peek_bits(c, 6, 2) != 0) {	/* encrypted or compressed */
		d->data = 1;
		return ST_OK;
	}
	t = *c;
	st_cur_skip(&t, hdr);
	p = st_get_bytes(&t, left - hdr);
	/* A payload type unless the SDP starts at once (RFC 2974 5). */
	if (p != NULL && !(left - hdr >= 2 && p[0] == 'v' && p[1] == '=')) {
		for (i = 0; i < left - hdr && i < 64 && p[i] != 0; i++)
			;
		if (i < left - hdr && p[i] == 0) {
			st_escape(p, i, buf, sizeof(buf));
			st_dtext(d, c, &sap_fields[F_PTYPE], hdr, i + 1, buf);
			d->hdr = hdr + i + 1;
			if (i != 15 || memcmp(p, "application/sdp", 15) != 0) {
				d->data = 1;
				return ST_OK;
			}
		}
	}
	if (d->hdr < left)
		d->next = &st_proto_sdp;
	return ST_OK;
}

static const struct st_bind sap_binds[] = {
	{ ST_KEY_UDPPORT, 9875 },
};

/* "sap announcement 0x0001". */
static int
sap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NSAP];

	st_ly_fields(s->pkt, ly, sap_fields, F_NSAP, f);
	st_out_puts(s->o, "sap");
	if (f[F_FLAGS] != NULL)		/* T: the flags' bit 2 */
		st_out_puts(s->o, f[F_FLAGS]->val & 4 ? " deletion" :
		    " announcement");
	if (f[F_HASH] != NULL)
		st_out_printf(s->o, " hash 0x%04x", (unsigned)f[F_HASH]->val);
	return 1;
}

static const struct st_field_desc *const sap_keys[] = {
	&sap_fields[F_FLAGS], &sap_fields[F_HASH], &sap_fields[F_SRC], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_sap = {
	.name = "sap",
	.ws = "sap",
	.title = "Session Announcement Protocol",
	.rfc = "RFC 2974",
	.role = ST_ROLE_APP,
	.fields = sap_fields,
	.nfields = F_NSAP,
	.decode = sap_decode,
	.binds = sap_binds,
	.nbinds = NFIELDS(sap_binds),
	/* @summary */
	.summary = sap_summary,
	/* @views */
	.keys = sap_keys,
	.color = "\033[95m",
	.explain = "Announces multicast sessions: an announcer repeats each "
	    "session's SDP description to a well-known group (224.2.127.254 "
	    "port 9875 for global scope); T set deletes it.  The message "
	    "identifier hash and originating source name one announcement; "
	    "an optional payload type (application/sdp) precedes the SDP.",
	/* @craft */
	/* @probes */
};
