/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Teredo (RFC 4380; UDP 3544): IPv6 for hosts behind an IPv4 NAT, each
 * IPv6 packet carried in a UDP datagram.  Before the packet, a client's
 * exchanges with its Teredo server may carry two headers, told apart by
 * their first two bytes:
 *
 * Authentication (0x0001), in router solicitations and advertisements:
 * | 0x0001 | ID-len (8) | AU-len (8) | client identifier (ID-len) |
 * | authentication value (AU-len) | nonce (64) | confirmation (8) |
 *
 * Origin indication (0x0000), in a server's advertisement and in the
 * bubbles it relays: the client's mapped port and IPv4 address as the
 * server saw them, every bit inverted so that a NAT rewriting addresses
 * in payloads leaves them alone:
 * | 0x0000 | obfuscated port (16) | obfuscated IPv4 address (32) |
 *
 * Then the IPv6 packet, handed on through the registry (EtherType
 * 0x86dd).
 */
#include <arpa/inet.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

/* The authentication header's fixed part (teredo_fields), then the rest
 * (teredo_more: offsets from where each part starts). */
enum { F_AUTHIND, F_IDLEN, F_AULEN, F_ID, F_VALUE, F_NONCE, F_CONF,
	F_ORIGIND, F_PORT, F_ADDR, F_N };

static const struct st_field_desc teredo_fields[F_ID] = {
	[F_AUTHIND] = FD(NULL, "strata.teredo.auth.indicator",
	    "Authentication indicator (0x0001)", 0, 16, ST_FMT_HEX),
	[F_IDLEN] = FD(NULL, "teredo.auth.idlen", "Client identifier length",
	    16, 8, ST_FMT_DEC),
	[F_AULEN] = FD(NULL, "teredo.auth.aulen", "Authentication value "
	    "length", 24, 8, ST_FMT_DEC),
};

static const struct st_field_desc teredo_more[F_N - F_ID] = {
	[F_ID - F_ID] = FD(NULL, "teredo.auth.id", "Client identifier", 0, 0,
	    ST_FMT_BYTES),
	[F_VALUE - F_ID] = FD(NULL, "teredo.auth.value", "Authentication "
	    "value", 0, 0, ST_FMT_BYTES),
	[F_NONCE - F_ID] = FD(NULL, "teredo.auth.nonce", "Nonce", 0, 64,
	    ST_FMT_BYTES),
	[F_CONF - F_ID] = FD(NULL, "teredo.auth.conf", "Confirmation byte", 0,
	    8, ST_FMT_BYTES),
	[F_ORIGIND - F_ID] = FD(NULL, "strata.teredo.orig.indicator",
	    "Origin indication indicator (0x0000)", 0, 16, ST_FMT_HEX),
	/* Their bits inverted back: the values are not the wire's. */
	[F_PORT - F_ID] = FD(NULL, "teredo.orig.port", "Origin UDP port "
	    "(inverted on the wire)", 16, 16, ST_FMT_DEC),
	[F_ADDR - F_ID] = FD(NULL, "teredo.orig.addr", "Origin IPv4 address "
	    "(inverted on the wire)", 0, 0, ST_FMT_TEXT),
};

#define R(f)	((f) < F_ID ? &teredo_fields[f] : &teredo_more[(f) - F_ID])

/* The authentication header at c: its length, or 0 when cut short (the
 * fields there are added). */
static size_t
auth(struct st_dctx *d, struct st_cur *c)
{
	size_t idlen, aulen, n;

	st_dfields(d, c, teredo_fields, F_ID);
	if (!st_cur_need(c, 4))
		return 0;
	idlen = (size_t)st_peek_bits(c, 16, 8);
	aulen = (size_t)st_peek_bits(c, 24, 8);
	if (idlen > 0)
		st_dbytes(d, c, R(F_ID), 4, idlen);
	if (aulen > 0)
		st_dbytes(d, c, R(F_VALUE), 4 + idlen, aulen);
	n = 4 + idlen + aulen;
	st_dbytes(d, c, R(F_NONCE), n, 8);
	st_dbytes(d, c, R(F_CONF), n + 8, 1);
	return c->err == ST_OK ? n + 9 : 0;
}

/* The origin indication at byte at of c: its 8 bytes, or 0 when cut. */
static size_t
origin(struct st_dctx *d, struct st_cur *c, size_t at)
{
	uint8_t a[4];
	char text[INET_ADDRSTRLEN];
	unsigned i;

	if (!st_cur_need(c, at + 8))
		return 0;
	st_dbytes(d, c, R(F_ORIGIND), at, 2);
	st_pkt_add_field(d->pkt, R(F_PORT), (uint32_t)((c->off + at + 2) * 8),
	    16, st_peek_bits(c, (at + 2) * 8, 16) ^ 0xffff);
	for (i = 0; i < 4; i++)
		a[i] = (uint8_t)~st_peek_bits(c, (at + 4 + i) * 8, 8);
	if (inet_ntop(AF_INET, a, text, sizeof(text)) != NULL)
		st_dtext(d, c, R(F_ADDR), at + 4, 4, text);
	return 8;
}

static int
teredo_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), at = 0, n;

	d->hdr = left;
	d->plen = 0;
	if (left >= 2 && st_peek_bits(c, 0, 16) == 1) {
		if ((n = auth(d, c)) == 0)
			goto cut;
		at = n;
	}
	if (left >= at + 2 && st_peek_bits(c, at * 8, 16) == 0) {
		if ((n = origin(d, c, at)) == 0)
			goto cut;
		at += n;
	}
	d->hdr = at;
	d->plen = left - at;
	if (left == at || st_peek_bits(c, at * 8, 4) != 6) {
		d->data = 1;		/* not an IPv6 packet */
		return left == at && at == 0 ? ST_ETRUNC : ST_OK;
	}
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = 0x86dd;
	return ST_OK;
cut:
	if (d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return st_dmalformed(d, "a header cut short (%zu bytes)", left);
}

static const struct st_bind teredo_binds[] = {
	{ ST_KEY_UDPPORT, 3544 },
};

/* "teredo auth origin 198.51.100.9:40000" (before the inner packet's
 * facts). */
static int
teredo_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_N];

	st_ly_fields(s->pkt, ly, teredo_fields, F_ID, f);
	st_ly_fields(s->pkt, ly, teredo_more, F_N - F_ID, f + F_ID);
	st_out_puts(s->o, "teredo");
	if (f[F_IDLEN] != NULL)
		st_out_puts(s->o, " auth");
	if (f[F_ADDR] != NULL) {
		st_out_puts(s->o, " origin ");
		s->value(s, f[F_ADDR]);
		if (f[F_PORT] != NULL)
			st_out_printf(s->o, ":%u", (unsigned)f[F_PORT]->val);
	}
	return 1;
}

static const struct st_field_desc *const teredo_keys[] = {
	R(F_IDLEN), R(F_AULEN), R(F_PORT), R(F_ADDR), NULL,
};

const struct st_proto st_proto_teredo = {
	.name = "teredo",
	.ws = "teredo",
	.title = "Teredo IPv6 over UDP tunneling",
	.rfc = "RFC 4380",
	.role = ST_ROLE_LINK,	/* a shim before the carried packet */
	.flags = ST_PF_TUNNEL,
	.fields = teredo_fields,
	.nfields = F_ID,
	.more = teredo_more,
	.nmore = F_N - F_ID,
	.decode = teredo_decode,
	.binds = teredo_binds,
	.nbinds = NFIELDS(teredo_binds),
	.summary = teredo_summary,
	.keys = teredo_keys,
	.color = "\033[33m",
	.explain_bits = 32,
	.explain = "Teredo gives a host behind an IPv4 NAT an IPv6 address "
	    "(2001:0::/32, holding its server's IPv4 address and its own "
	    "mapped port and address, inverted) and carries its IPv6 "
	    "packets in UDP datagrams, to port 3544 of its server or "
	    "straight to peers.  The client learns its address from a "
	    "router solicitation and advertisement exchanged with the "
	    "server, which may carry an authentication header (0x0001: "
	    "client identifier, authentication value, nonce, "
	    "confirmation) and an origin indication (0x0000: the port and "
	    "address the server saw, every bit inverted so that NATs do not "
	    "rewrite them).  Bubbles, IPv6 packets with no payload, open "
	    "the NAT's mapping toward a peer.",
};
