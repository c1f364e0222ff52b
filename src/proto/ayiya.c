/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AYIYA, Anything In Anything (draft-massar-v6ops-ayiya-02), UDP port
 * 5072: SixXS's tunnel of IPv6 (or anything with an IP protocol number)
 * through NATs, each packet signed with a hash over a shared secret.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | IDLen | IDType| SigLen| HshMth| AutMth| OpCode|  Next Header  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Epoch Time (seconds)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Identity (2^IDLen bytes) ... Signature (SigLen * 4)    |
 *
 * Only a Forward (opcode 1) or an echo request-and-forward (3) carries a
 * packet, of the next header's IP protocol.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_IDLEN, F_IDTYPE, F_SIGLEN, F_HASH, F_AUTH, F_OP, F_NH, F_EPOCH,
	F_ID, F_SIG };

#define AYIYA_HDR	8

static const struct st_valname idtypes[] = {
	{ 0, "None" }, { 1, "Integer" }, { 2, "ASCII string" }, { 0, NULL }
};

static const struct st_valname hashes[] = {
	{ 0, "No hash" }, { 1, "MD5" }, { 2, "SHA1" }, { 0, NULL }
};

static const struct st_valname auths[] = {
	{ 0, "No authentication" }, { 1, "Hash using a Shared Secret" },
	{ 2, "Hash using a public/private key method" }, { 0, NULL }
};

static const struct st_valname opcodes[] = {
	{ 0, "No Operation / Heartbeat" }, { 1, "Forward" },
	{ 2, "Echo Request" }, { 3, "Echo Request and Forward" },
	{ 4, "Echo Response" }, { 5, "MOTD" }, { 6, "Query Request" },
	{ 7, "Query Response" }, { 0, NULL }
};

static const struct st_field_desc ayiya_fields[] = {
	/* Wireshark holds each nibble as the byte's value shifted down */
	FDN("idlen", "ayiya.idlen", "Identity field length", 0, 4,
	    ST_FMT_HEX, NULL),
	FDN(NULL, "ayiya.idtype", "Identity field type", 4, 4, ST_FMT_HEX,
	    idtypes),
	FD("siglen", "ayiya.siglen", "Signature Length", 8, 4, ST_FMT_HEX),
	FDN(NULL, "ayiya.hashmethod", "Hash method", 12, 4, ST_FMT_HEX,
	    hashes),
	FDN(NULL, "ayiya.authmethod", "Authentication method", 16, 4,
	    ST_FMT_HEX, auths),
	FDN("op", "ayiya.opcode", "Operation Code", 20, 4, ST_FMT_HEX,
	    opcodes),
	FDN("nh", "ayiya.nextheader", "Next Header", 24, 8, ST_FMT_HEX,
	    st_ipproto_names),
	FD("epoch", "ayiya.epoch", "Epoch", 32, 32, ST_FMT_TEXT),
	FD(NULL, "ayiya.identity", "Identity", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ayiya.signature", "Signature", 0, 0, ST_FMT_BYTES),
};

static int
ayiya_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t idlen, siglen;
	unsigned op;

	st_dfields(d, c, ayiya_fields, F_EPOCH);
	if (c->err != ST_OK)
		return c->err;
	if (st_dunixtime(d, c, &ayiya_fields[F_EPOCH], 4, 4,
	    (int64_t)st_peek_bits(c, 32, 32)) == NULL && c->err != ST_OK)
		return c->err;
	idlen = (size_t)1 << st_peek_bits(c, 0, 4);	/* at most 32768 */
	siglen = (size_t)st_peek_bits(c, 8, 4) * 4;
	op = (unsigned)st_peek_bits(c, 20, 4);
	d->hdr = AYIYA_HDR;
	if (st_dbytes(d, c, &ayiya_fields[F_ID], AYIYA_HDR, idlen) == NULL) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	if (siglen > 0 && st_dbytes(d, c, &ayiya_fields[F_SIG],
	    AYIYA_HDR + idlen, siglen) == NULL) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	d->hdr = AYIYA_HDR + idlen + siglen;
	if (op != 1 && op != 3) {
		d->data = 1;
		return ST_OK;
	}
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = (uint32_t)st_peek_bits(c, 24, 8);
	return ST_OK;
}

static const struct st_bind ayiya_binds[] = {
	{ ST_KEY_UDPPORT, 5072 },
};

/* "ayiya forward" (before the inner packet's facts). */
static int
ayiya_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_OP + 1];

	st_ly_fields(s->pkt, ly, ayiya_fields, F_OP + 1, f);
	st_out_puts(s->o, "ayiya");
	if (f[F_OP] != NULL) {
		const char *n = st_valname(opcodes, f[F_OP]->val);

		if (n != NULL)
			st_out_printf(s->o, " %s", n);
		else
			st_out_printf(s->o, " opcode %u",
			    (unsigned)f[F_OP]->val);
	}
	return 1;
}

static const struct st_field_desc *const ayiya_keys[] = {
	&ayiya_fields[F_IDLEN], &ayiya_fields[F_SIGLEN], &ayiya_fields[F_OP],
	&ayiya_fields[F_NH], &ayiya_fields[F_EPOCH], NULL,
};

const struct st_proto st_proto_ayiya = {
	.name = "ayiya",
	.ws = "ayiya",
	.title = "Anything in Anything Protocol",
	.rfc = "draft-massar-v6ops-ayiya-02",
	.role = ST_ROLE_LINK,	/* a shim before the carried packet */
	.flags = ST_PF_TUNNEL,
	.fields = ayiya_fields,
	.nfields = NFIELDS(ayiya_fields),
	.decode = ayiya_decode,
	.binds = ayiya_binds,
	.nbinds = NFIELDS(ayiya_binds),
	.summary = ayiya_summary,
	.keys = ayiya_keys,
	.color = "\033[33m",
	.explain_bits = 64,
	.explain = "Each nibble of the first three bytes is a field: the "
	    "identity is 2^IDLen bytes, the signature SigLen 4-byte words, "
	    "hashed by the method named over a shared secret; a Forward "
	    "carries a packet of the next header's IP protocol (41: IPv6), "
	    "which lets an IPv6 tunnel cross a NAT inside UDP.",
};
