/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ASF, the Alert Standard Format (DMTF DSP0136 3.2.4), inside RMCP
 * class 6: a management console's Presence Ping, the Pong that answers
 * it (which management protocols the client supports), and power and
 * state control.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  IANA Enterprise Number (4542)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Message Type  |  Message Tag  |   Reserved    |  Data Length  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * As in Wireshark 4.0, the data after the header is shown as data.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_IANA, F_TYPE, F_TAG, F_LEN, F_NASF };

static const struct st_valname asf_types[] = {
	{ 0x10, "Reset" }, { 0x11, "Power-up" },
	{ 0x12, "Unconditional Power-down" }, { 0x13, "Power Cycle" },
	{ 0x40, "Presence Pong" }, { 0x41, "Capabilities Response" },
	{ 0x42, "System State Response" }, { 0x80, "Presence Ping" },
	{ 0x81, "Capabilities Request" }, { 0x82, "System State Request" },
	{ 0, NULL }
};

static const struct st_field_desc asf_fields[F_NASF] = {
	[F_IANA] = FD("iana", "asf.iana", "IANA Enterprise Number", 0, 32,
	    ST_FMT_DEC),
	[F_TYPE] = FDN("type", "asf.type", "Message Type", 32, 8, ST_FMT_HEX,
	    asf_types),
	[F_TAG] = FD("tag", "asf.tag", "Message Tag", 40, 8, ST_FMT_HEX),
	[F_LEN] = FD("len", "asf.len", "Data Length", 56, 8, ST_FMT_DEC),
};

static int
asf_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;

	st_dfields(d, c, asf_fields, F_NASF);
	if (c->err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "an ASF header of %zu bytes, below 8",
		    left);
	len = (size_t)st_peek_bits(c, 56, 8);
	d->hdr = 8;
	d->plen = len;
	d->data = 1;
	if (8 + len > left && d->pkt->caplen >= d->pkt->len)
		return st_dmalformed(d, "data length %zu past the datagram's "
		    "%zu bytes", len, left - 8);
	return ST_OK;
}

static const struct st_bind asf_binds[] = {
	{ ST_KEY_RMCPCLASS, 6 },
};

/* "ASF Presence Pong tag 0x01". */
static int
asf_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NASF];
	const char *name;

	st_ly_fields(s->pkt, ly, asf_fields, F_NASF, f);
	if (f[F_TYPE] == NULL)
		return 0;
	name = st_valname(asf_types, (uint32_t)f[F_TYPE]->val);
	if (name != NULL)
		st_out_printf(s->o, "ASF %s", name);
	else
		st_out_printf(s->o, "ASF type 0x%02x",
		    (unsigned)f[F_TYPE]->val);
	if (f[F_TAG] != NULL)
		st_out_printf(s->o, " tag 0x%02x", (unsigned)f[F_TAG]->val);
	return 1;
}

static const struct st_field_desc *const asf_keys[] = {
	&asf_fields[F_TYPE], &asf_fields[F_TAG], NULL,
};

const struct st_proto st_proto_asf = {
	.name = "asf",
	.ws = "asf",
	.title = "Alert Standard Forum",
	.rfc = "DMTF ASF 2.0 (DSP0136) 3.2.4",
	.role = ST_ROLE_APP,
	.fields = asf_fields,
	.nfields = F_NASF,
	.decode = asf_decode,
	.binds = asf_binds,
	.nbinds = NFIELDS(asf_binds),
	.summary = asf_summary,
	.keys = asf_keys,
	.color = "\033[35m",
	.explain = "ASF messages ride in RMCP (class 6): the IANA number says "
	    "whose message it is (4542, the ASF standard's own), the type "
	    "what it is, the tag pairs a request with its answer.  A console "
	    "sends a Presence Ping (0x80) to find management controllers; "
	    "each answers with a Presence Pong (0x40) whose data says which "
	    "management protocols it supports (the 0x80 bit: IPMI).  Other "
	    "types reset, power up, power down or power cycle the machine, "
	    "or ask for its capabilities and state.",
};
