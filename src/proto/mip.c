/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mobile IP for IPv4 (RFC 5944), UDP 434: a mobile node away from home
 * registers its care-of address with its home agent, which then tunnels
 * the node's traffic there.
 *
 * Registration Request (type 1):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |S|B|D|M|G|r|T|x|          Lifetime             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Home Address                         |
 * |                           Home Agent                          |
 * |                        Care-of Address                        |
 * |                   Identification (64 bits)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Extensions ...
 *
 * A Registration Reply (type 3) has a code where the flags are and no
 * care-of address; revocations (RFC 3543, types 7 and 15) name a binding
 * to end.  Extensions are type, length, data, except the generalized
 * authentication extension (36: type, subtype, 16-bit length) and CVSE
 * (38: type, reserved, 16-bit length).  The identification is shown as
 * Wireshark shows it, an NTP time.  Type 4 (RFC 3519) carries an IP
 * packet, found in the registry as IP in IP.
 */
#include "strata/ntptime.h"
#include "strata/out.h"
#include "fields.h"

#define MIP_MAXEXT	64	/* extensions shown */
/* An identification of zeros, as Wireshark shows an NTP time of 0. */
#define MIP_ZERO	"Jan  1, 1970 00:00:00.000000000 UTC"

enum { F_TYPE, F_FLAGS, F_S, F_B, F_D, F_M, F_G, F_V, F_T, F_X, F_CODE,
	F_LIFE, F_HOA, F_HA, F_COA, F_IDENT, F_RIDENT,
	F_NATNH, F_NATRES,
	F_RRES, F_FLAGS2, F_RA, F_RI, F_RRES2, F_HOA_R, F_HDA, F_FDA, F_RID,
	F_ARES, F_AI, F_ARES2, F_RID_A,
	F_ETYPE, F_ELEN, F_ELEN2, F_GSUB, F_SPI, F_AUTH, F_NAI, F_EXT,
	F_NMIP };

static const struct st_valname mip_types[] = {
	{ 1, "Registration Request" }, { 3, "Registration Reply" },
	{ 4, "NAT Traversal Tunnel Data" }, { 7, "Registration Revocation" },
	{ 15, "Registration Revocation Acknowledgement" }, { 0, NULL }
};

static const struct st_valname mip_exts[] = {
	{ 32, "Mobile-Home Authentication" }, { 33, "Mobile-Foreign "
	"Authentication" }, { 34, "Foreign-Home Authentication" },
	{ 36, "Generalized Mobile-IP Authentication" },
	{ 131, "Mobile Node NAI" }, { 132, "MN-FA Challenge" }, { 0, NULL }
};

static const struct st_field_desc mip_fields[F_NMIP] = {
	[F_TYPE] = FDN("type", "mip.type", "Message Type", 0, 8, ST_FMT_DEC,
	    mip_types),
	[F_FLAGS] = FD("flags", "mip.flags", "Flags", 8, 8, ST_FMT_HEX),
	[F_S] = FDD(NULL, "mip.s", "Simultaneous Bindings", 8, 1, ST_FMT_BOOL),
	[F_B] = FDD(NULL, "mip.b", "Broadcast Datagrams", 9, 1, ST_FMT_BOOL),
	[F_D] = FDD(NULL, "mip.d", "Co-located Care-of Address", 10, 1,
	    ST_FMT_BOOL),
	[F_M] = FDD(NULL, "mip.m", "Minimal Encapsulation", 11, 1,
	    ST_FMT_BOOL),
	[F_G] = FDD(NULL, "mip.g", "GRE", 12, 1, ST_FMT_BOOL),
	[F_V] = FDD(NULL, "mip.v", "Van Jacobson", 13, 1, ST_FMT_BOOL),
	[F_T] = FDD(NULL, "mip.t", "Reverse Tunneling", 14, 1, ST_FMT_BOOL),
	[F_X] = FDD(NULL, "mip.x", "Reserved", 15, 1, ST_FMT_BOOL),
	[F_CODE] = FD("code", "mip.code", "Reply Code", 8, 8, ST_FMT_DEC),
	[F_LIFE] = FD("life", "mip.life", "Lifetime", 16, 16, ST_FMT_DEC),
	[F_HOA] = FD("homeaddr", "mip.homeaddr", "Home Address", 32, 32,
	    ST_FMT_IPV4),
	[F_HA] = FD("haaddr", "mip.haaddr", "Home Agent", 64, 32,
	    ST_FMT_IPV4),
	[F_COA] = FD("coa", "mip.coa", "Care of Address", 96, 32,
	    ST_FMT_IPV4),
	/* the identification: text from its 8 bytes, at 16 (request) or
	 * 12 (reply) */
	[F_IDENT] = FD(NULL, "mip.ident", "Identification", 128, 64,
	    ST_FMT_TEXT),
	[F_RIDENT] = FD(NULL, "mip.ident", "Identification", 96, 64,
	    ST_FMT_TEXT),
	[F_NATNH] = FD(NULL, "mip.nattt.nexthdr", "NATTT NextHeader", 8, 8,
	    ST_FMT_DEC),
	[F_NATRES] = FD(NULL, "mip.nattt.reserved", "Reserved", 16, 16,
	    ST_FMT_HEX),
	/* revocation (7) */
	[F_RRES] = FD(NULL, "mip.rev.reserved", "Reserved", 8, 8, ST_FMT_HEX),
	[F_FLAGS2] = FD(NULL, "mip.flags2", "Flags", 16, 16, ST_FMT_HEX),
	[F_RA] = FDD(NULL, "mip.rev.a", "Home Agent", 16, 1, ST_FMT_BOOL),
	[F_RI] = FDD(NULL, "mip.rev.i", "Inform", 17, 1, ST_FMT_BOOL),
	[F_RRES2] = FDD(NULL, "mip.rev.reserved2", "Reserved", 18, 14,
	    ST_FMT_HEX),
	[F_HOA_R] = FD(NULL, "mip.homeaddr", "Home Address", 32, 32,
	    ST_FMT_IPV4),
	[F_HDA] = FD(NULL, "mip.rev.hda", "Home Domain Address", 64, 32,
	    ST_FMT_IPV4),
	[F_FDA] = FD(NULL, "mip.rev.fda", "Foreign Domain Address", 96, 32,
	    ST_FMT_IPV4),
	[F_RID] = FD(NULL, "mip.revid", "Revocation Identifier", 128, 32,
	    ST_FMT_DEC),
	/* revocation acknowledgement (15), after the type and flags2 */
	[F_ARES] = FD(NULL, "mip.ack.reserved", "Reserved", 8, 8, ST_FMT_HEX),
	[F_AI] = FDD(NULL, "mip.ack.i", "Inform", 16, 1, ST_FMT_BOOL),
	[F_ARES2] = FDD(NULL, "mip.ack.reserved2", "Reserved", 17, 15,
	    ST_FMT_HEX),
	[F_RID_A] = FD(NULL, "mip.revid", "Revocation Identifier", 64, 32,
	    ST_FMT_DEC),
	/* an extension, from its start */
	[F_ETYPE] = FDN(NULL, "mip.ext.type", "Extension Type", 0, 8,
	    ST_FMT_DEC, mip_exts),
	[F_ELEN] = FD(NULL, "mip.ext.len", "Extension Length", 8, 8,
	    ST_FMT_DEC),
	[F_ELEN2] = FD(NULL, "mip.ext.len", "Extension Length", 16, 16,
	    ST_FMT_DEC),
	[F_GSUB] = FD(NULL, "mip.ext.auth.subtype", "Gen Auth Ext SubType", 8,
	    8, ST_FMT_DEC),
	[F_SPI] = FD(NULL, "mip.auth.spi", "SPI", 0, 32, ST_FMT_HEX),
	[F_AUTH] = FD(NULL, "mip.auth.auth", "Authenticator", 0, 0,
	    ST_FMT_BYTES),
	[F_NAI] = FD(NULL, "mip.nai", "NAI", 0, 0, ST_FMT_TEXT),
	[F_EXT] = FD(NULL, "mip.extension", "Extension", 0, 0, ST_FMT_BYTES),
};

#define R(i)	(&mip_fields[(i)])

/* An extension's data (n bytes at byte off of c) by its type. */
static void
ext_data(struct st_dctx *d, struct st_cur *c, unsigned type, size_t off,
    size_t n)
{
	struct st_cur w = *c;

	w.off += off;
	switch (type) {
	case 32:
	case 33:
	case 34:
	case 36:
		if (n < 4)
			break;
		st_dfield(d, &w, R(F_SPI));
		st_dbytes(d, &w, R(F_AUTH), 4, n - 4);
		break;
	case 131:
		st_dtext_esc(d, &w, R(F_NAI), 0, n);
		break;
	default:
		if (n > 0)
			st_dbytes(d, &w, R(F_EXT), 0, n);
	}
}

/* The extensions in bytes [off, left) of c. */
static int
extensions(struct st_dctx *d, struct st_cur *c, size_t off, size_t left)
{
	struct st_cur e;
	size_t hl, n;
	unsigned type, i;

	for (i = 0; off < left && i < MIP_MAXEXT; i++) {
		e = *c;
		e.off += off;
		st_dfield(d, &e, R(F_ETYPE));
		type = (unsigned)st_peek_bits(&e, 0, 8);
		if (type == 36) {
			st_dfield(d, &e, R(F_GSUB));
			st_dfield(d, &e, R(F_ELEN2));
			hl = 4;
			n = (size_t)st_peek_bits(&e, 16, 16);
		} else if (type == 38) {
			st_dfield(d, &e, R(F_ELEN2));
			hl = 4;
			n = (size_t)st_peek_bits(&e, 16, 16);
		} else {
			st_dfield(d, &e, R(F_ELEN));
			hl = 2;
			n = (size_t)st_peek_bits(&e, 8, 8);
		}
		if (e.err != ST_OK)
			return e.err;
		if (off + hl + n > left)
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "extension %u of %zu bytes runs "
			    "past the message", type, n);
		ext_data(d, c, type, off + hl, n);
		off += hl + n;
	}
	if (off < left)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "Mobile IP: the "
		    "extensions after the first %u are not shown", MIP_MAXEXT));
	return ST_OK;
}

static int
mip_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr;
	unsigned type;

	if (!st_cur_need(c, 1))
		return ST_ENOTME;
	type = (unsigned)st_peek_bits(c, 0, 8);
	st_dfield(d, c, R(F_TYPE));
	switch (type) {
	case 1:
		st_dfields(d, c, R(F_FLAGS), 9);
		st_dfields(d, c, R(F_LIFE), 4);
		st_dntptime(d, c, R(F_IDENT), 16, MIP_ZERO);
		hdr = 24;
		break;
	case 3:
		st_dfield(d, c, R(F_CODE));
		st_dfields(d, c, R(F_LIFE), 3);
		st_dntptime(d, c, R(F_RIDENT), 12, MIP_ZERO);
		hdr = 20;
		break;
	case 4:
		st_dfields(d, c, R(F_NATNH), 2);
		hdr = 4;
		break;
	case 7:
		st_dfields(d, c, R(F_RRES), 9);
		hdr = 20;
		break;
	case 15:
		st_dfield(d, c, R(F_ARES));
		st_dfield(d, c, R(F_FLAGS2));
		st_dfields(d, c, R(F_AI), 2);
		st_dfield(d, c, R(F_HOA_R));
		st_dfield(d, c, R(F_RID_A));
		hdr = 12;
		break;
	default:
		/* Wireshark shows no more of an unknown type */
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "Mobile IP: unknown "
		    "message type %u", type));
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	if (c->err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "a message of %zu bytes, shorter than "
		    "its type's %zu", left, hdr);
	if (type == 4) {
		/* the tunnelled packet (RFC 3519 3.3): IP in IP */
		d->hdr = hdr;
		d->next_key = ST_KEY_IPPROTO;
		d->next_val = 4;
		return ST_OK;
	}
	d->hdr = left;
	d->plen = 0;
	return extensions(d, c, hdr, left);
}

static const struct st_bind mip_binds[] = {
	{ ST_KEY_UDPPORT, 434 },
};

/* As tshark's Info: "Reg Request: HoA=192.0.2.77 HA=198.18.0.2
 * CoA=203.0.113.9", "Reg Reply: HoA=... HA=..., Code=0". */
static int
mip_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NMIP];
	const char *name;

	st_ly_fields(s->pkt, ly, mip_fields, F_NMIP, f);
	if (f[F_TYPE] == NULL)
		return 0;
	switch (f[F_TYPE]->val) {
	case 1:
		st_out_puts(s->o, "Reg Request:");
		break;
	case 3:
		st_out_puts(s->o, "Reg Reply:");
		break;
	default:
		name = st_valname(mip_types, (uint32_t)f[F_TYPE]->val);
		st_out_printf(s->o, "Mobile IP %s", name != NULL ? name :
		    "message");
		return 1;
	}
	if (f[F_HOA] != NULL) {
		st_out_puts(s->o, " HoA=");
		s->value(s, f[F_HOA]);
	}
	if (f[F_HA] != NULL) {
		st_out_puts(s->o, " HA=");
		s->value(s, f[F_HA]);
	}
	if (f[F_COA] != NULL) {
		st_out_puts(s->o, " CoA=");
		s->value(s, f[F_COA]);
	}
	if (f[F_CODE] != NULL)
		st_out_printf(s->o, ", Code=%u", (unsigned)f[F_CODE]->val);
	return 1;
}

static const struct st_field_desc *const mip_keys[] = {
	R(F_TYPE), R(F_LIFE), R(F_HOA), R(F_COA), NULL,
};

const struct st_proto st_proto_mip = {
	.name = "mip",
	.ws = "mip",
	.title = "Mobile IP",
	.rfc = "RFC 5944",
	.role = ST_ROLE_APP,
	.fields = mip_fields,
	.nfields = F_NMIP,
	.decode = mip_decode,
	.binds = mip_binds,
	.nbinds = NFIELDS(mip_binds),
	.summary = mip_summary,
	.keys = mip_keys,
	.color = "\033[36m",
	.explain_bits = 192,	/* a Registration Request's fixed part */
	.explain = "A mobile node keeps its home address wherever it is: away "
	    "from home it gets a care-of address (a foreign agent's, or one "
	    "of its own, flag D) and sends a Registration Request to its home "
	    "agent on UDP 434, with a lifetime in seconds (0 deregisters) and "
	    "an identification, a timestamp or nonce that guards against "
	    "replays.  The home agent answers with a Registration Reply, code "
	    "0 or 1 accepting it, 64 and up refused by the foreign agent, 128 "
	    "and up by the home agent, and tunnels the node's traffic to the "
	    "care-of address (IP in IP, or GRE or minimal encapsulation by "
	    "flags G and M).  Extensions follow: the mobile-home "
	    "authentication (an SPI and a keyed digest) is required, the NAI "
	    "names the node.",
};
