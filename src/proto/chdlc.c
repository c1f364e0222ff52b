/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cisco HDLC (DLT_C_HDLC) and its SLARP (serial line address resolution
 * and keepalives), after Wireshark's packet-chdlc.c.
 *
 * +----------+----------+-------------------+--------------
 * | Address  | Control  | Protocol          | payload ...
 * | 0x0f/0x8f|   0x00   | (an EtherType)    |
 * +----------+----------+-------------------+--------------
 *
 * Address 0x0f is unicast, 0x8f broadcast.  The protocol is an EtherType,
 * except 0x8035, which on these links is SLARP, not RARP: it goes on by
 * the private value 0x18035 (above any 16-bit EtherType).
 *
 * SLARP: a 32-bit type (0 request, 1 reply: address and mask follow; 2
 * keepalive: my sequence, your sequence, reliability).
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define SLARP_KEY	0x18035

enum { F_ADDR, F_CTRL, F_PROTO };

static const struct st_valname addr_names[] = {
	{ 0x0f, "unicast" }, { 0x8f, "broadcast" }, { 0, NULL }
};

static const struct st_field_desc chdlc_fields[] = {
	FDN(NULL, "chdlc.address", "Address", 0, 8, ST_FMT_HEX, addr_names),
	FD(NULL, "chdlc.control", "Control", 8, 8, ST_FMT_HEX),
	FDN("proto", "chdlc.protocol", "Protocol", 16, 16, ST_FMT_HEX,
	    st_ethertype_names),
};

static int
chdlc_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned proto;

	st_dfields(d, c, chdlc_fields, NFIELDS(chdlc_fields));
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	proto = (unsigned)st_peek_bits(c, 16, 16);
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = proto == 0x8035 ? SLARP_KEY : proto;
	return ST_OK;
}

static const struct st_bind chdlc_binds[] = {
	{ ST_KEY_LINK, DLT_C_HDLC },
};

enum { S_TYPE, S_ADDR, S_MASK, S_MYSEQ, S_YOURSEQ, S_REL };

static const struct st_valname slarp_names[] = {
	{ 0, "request" }, { 1, "reply" }, { 2, "keepalive" }, { 0, NULL }
};

static const struct st_field_desc slarp_fields[] = {
	FDN("type", "slarp.ptype", "Packet type", 0, 32, ST_FMT_DEC,
	    slarp_names),
	FD(NULL, "slarp.address", "Address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "slarp.netmask", "Netmask", 64, 32, ST_FMT_IPV4),
	FD(NULL, "slarp.mysequence", "Outgoing sequence number", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "slarp.yoursequence", "Returned sequence number", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "slarp.reliability", "Reliability", 96, 16, ST_FMT_HEX),
};

static int
slarp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	uint64_t type;

	st_dfield(d, c, &slarp_fields[S_TYPE]);
	type = st_peek_bits(c, 0, 32);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (type == 0 || type == 1) {
		st_dfields(d, c, slarp_fields + S_ADDR, 2);
		d->hdr = 12;
	} else if (type == 2) {
		st_dfields(d, c, slarp_fields + S_MYSEQ, 3);
		d->hdr = 14;
	} else {
		d->hdr = 4;
		return st_dmalformed(d, "packet type %u", (unsigned)type);
	}
	if (c->err != ST_OK)
		d->hdr = left;
	return c->err;
}

static const struct st_bind slarp_binds[] = {
	{ ST_KEY_ETHERTYPE, SLARP_KEY },
};

/* "CHDLC proto 0x2000 len n": when nothing after it says more. */
static int
chdlc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_PROTO + 1];

	st_ly_fields(s->pkt, ly, chdlc_fields, F_PROTO + 1, f);
	if (f[F_PROTO] == NULL)
		return 0;
	st_out_printf(s->o, "CHDLC proto 0x%04x len ",
	    (unsigned)f[F_PROTO]->val);
	st_out_u64(s->o, ly->len >= 4 ? ly->len - 4 : 0);
	return 1;
}

/* "SLARP request 198.18.0.1/255.255.255.252", "SLARP keepalive 7/6" */
static int
slarp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[S_REL + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, slarp_fields, S_REL + 1, f);
	st_out_puts(s->o, "SLARP ");
	if (f[S_TYPE] != NULL && (m = st_field_meaning(f[S_TYPE])) != NULL)
		st_out_puts(s->o, m);
	else {
		st_out_puts(s->o, "type ");
		s->value(s, f[S_TYPE]);
	}
	if (f[S_ADDR] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[S_ADDR]);
		st_out_putc(s->o, '/');
		s->value(s, f[S_MASK]);
	}
	if (f[S_MYSEQ] != NULL) {
		st_out_puts(s->o, " seq ");
		s->value(s, f[S_MYSEQ]);
		st_out_puts(s->o, " ack ");
		s->value(s, f[S_YOURSEQ]);
	}
	return 1;
}

static const struct st_field_desc *const chdlc_keys[] = {
	&chdlc_fields[F_PROTO], &chdlc_fields[F_ADDR], NULL,
};
static const struct st_field_desc *const slarp_keys[] = {
	&slarp_fields[S_TYPE], NULL,
};

const struct st_proto st_proto_chdlc = {
	.name = "chdlc",
	.ws = "chdlc",
	.title = "Cisco HDLC",
	.rfc = "Cisco, no RFC",
	.role = ST_ROLE_LINK,
	.fields = chdlc_fields,
	.nfields = NFIELDS(chdlc_fields),
	.decode = chdlc_decode,
	.binds = chdlc_binds,
	.nbinds = NFIELDS(chdlc_binds),
	.summary = chdlc_summary,
	.keys = chdlc_keys,
	.color = "\033[36m",
	.explain = "Cisco's framing on serial links: address 0x0f (unicast) "
	    "or 0x8f (broadcast), control 0, then an EtherType saying what "
	    "follows (0x8035 here is SLARP, Cisco's keepalive).",
};

const struct st_proto st_proto_slarp = {
	.name = "slarp",
	.ws = "slarp",
	.title = "Cisco SLARP",
	.rfc = "Cisco, no RFC",
	.role = ST_ROLE_CONTROL,
	.fields = slarp_fields,
	.nfields = NFIELDS(slarp_fields),
	.decode = slarp_decode,
	.binds = slarp_binds,
	.nbinds = NFIELDS(slarp_binds),
	.summary = slarp_summary,
	.keys = slarp_keys,
	.color = "\033[36m",
	.explain = "A request asks the other end for its address and mask "
	    "(the reply gives them: the line's /30 or /31 follows); a "
	    "keepalive every 10 seconds carries each end's sequence number "
	    "and the last one it heard: three missed and the line is down.",
};
