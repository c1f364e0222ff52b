/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ISAKMP (RFC 2408) and IKEv2 (RFC 7296), UDP port 500 (and 4500 after the
 * non-ESP marker): the header here, the chain of payloads in isakmppl.c.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Initiator's SPI (8 bytes)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Responder's SPI (8 bytes)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Payload | MjVer | MnVer | Exchange Type |     Flags     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Message ID                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Length                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Each payload: next payload (8), critical bit and 7 reserved, length (16,
 * its 4-byte header included).  An encrypted IKEv1 message (flag E) has no
 * readable chain; IKEv2's encrypted payload (46) ends it.
 */
#include "strata/out.h"
#include "isakmp.h"

static const struct st_valname exch_names[] = {
	{ 1, "Base" }, { 2, "Identity Protection (Main Mode)" },
	{ 3, "Authentication Only" }, { 4, "Aggressive" },
	{ 5, "Informational" }, { 32, "Quick Mode" },
	{ 34, "IKE_SA_INIT" }, { 35, "IKE_AUTH" },
	{ 36, "CREATE_CHILD_SA" }, { 37, "INFORMATIONAL" }, { 0, NULL }
};

enum { F_ISPI, F_RSPI, F_NEXT, F_VER, F_MJ, F_MN, F_EXCH, F_FLAGS, F_E,
	F_C, F_A, F_I, F_V, F_R, F_MSGID, F_LEN };

const char st_isakmp_nextpayload[] = "isakmp.nextpayload";

static const struct st_field_desc isakmp_fields[] = {
	FD("ispi", "isakmp.ispi", "Initiator SPI", 0, 64, ST_FMT_BYTES),
	FD("rspi", "isakmp.rspi", "Responder SPI", 64, 64, ST_FMT_BYTES),
	FDN("next", st_isakmp_nextpayload, "Next payload", 128, 8, ST_FMT_DEC,
	    st_isakmp_payload_names),
	FD("ver", "isakmp.version", "Version", 136, 8, ST_FMT_HEX),
	FDD(NULL, "isakmp.mjver", "Major version", 136, 4, ST_FMT_HEX),
	FDD(NULL, "isakmp.mnver", "Minor version", 140, 4, ST_FMT_HEX),
	FDN("exch", "isakmp.exchangetype", "Exchange type", 144, 8,
	    ST_FMT_DEC, exch_names),
	FD("flags", "isakmp.flags", "Flags", 152, 8, ST_FMT_HEX),
	FDD(NULL, "isakmp.flag_e", "Encryption", 159, 1, ST_FMT_BOOL),
	FDD(NULL, "isakmp.flag_c", "Commit", 158, 1, ST_FMT_BOOL),
	FDD(NULL, "isakmp.flag_a", "Authentication", 157, 1, ST_FMT_BOOL),
	FDD(NULL, "isakmp.flag_i", "Initiator", 156, 1, ST_FMT_BOOL),
	FDD(NULL, "isakmp.flag_v", "Version", 155, 1, ST_FMT_BOOL),
	FDD(NULL, "isakmp.flag_r", "Response", 154, 1, ST_FMT_BOOL),
	FD("msgid", "isakmp.messageid", "Message ID", 160, 32, ST_FMT_HEX),
	FD("len", "isakmp.length", "Length", 192, 32, ST_FMT_DEC),
};

static int
isakmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	int whole = d->pkt->caplen == d->pkt->len, cut;
	unsigned mj, fl;
	struct st_cur p;

	if (left < 28 && whole)
		return ST_ENOTME;
	if (left >= 28 && st_peek_bits(c, 192, 32) < 28)
		return ST_ENOTME;
	st_dfields(d, c, isakmp_fields, F_EXCH);
	if (c->err != ST_OK)
		return c->err;
	mj = (unsigned)st_peek_bits(c, 136, 4);
	if (mj == 1 || mj == 2)
		st_dfield(d, c, &isakmp_fields[F_EXCH]);
	st_dfield(d, c, &isakmp_fields[F_FLAGS]);
	if (mj == 2)
		st_dfields(d, c, isakmp_fields + F_I, 3);
	else if (mj == 1)
		st_dfields(d, c, isakmp_fields + F_E, 3);
	st_dfield(d, c, &isakmp_fields[F_MSGID]);
	if (c->err != ST_OK)
		return c->err;
	fl = (unsigned)st_peek_bits(c, 152, 8);
	len = (size_t)st_peek_bits(c, 192, 32);
	d->hdr = 28;
	if (len > left && whole)
		return st_dmalformed(d, "length %zu exceeds the %zu bytes",
		    len, left);
	st_dfield(d, c, &isakmp_fields[F_LEN]);
	cut = len > left;	/* cut short: the payloads as far as they go */
	p = *c;
	p.off += 28;
	if (mj == 1 && (fl & 1)) {
		if (len > 28)
			st_dbytes(d, &p, &st_isakmp_pl[P_ENC], 0, len - 28);
	} else
		st_isakmp_payloads(d, p, len - 28,
		    (unsigned)st_peek_bits(c, 128, 8), mj);
	d->hdr = cut ? left : len;
	d->plen = 0;
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	return cut ? ST_ETRUNC : ST_OK;
}

static const struct st_bind isakmp_binds[] = {
	{ ST_KEY_UDPPORT, 500 },
};

/* "IKE_SA_INIT initiator msgid 0x00000000 len 300" after the APP's ends. */
static int
isakmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, isakmp_fields, F_LEN + 1, f);
	st_out_puts(s->o, "isakmp");
	if (f[F_VER] != NULL)
		st_out_printf(s->o, " v%u", (unsigned)f[F_VER]->val >> 4);
	if (f[F_EXCH] != NULL) {
		if ((m = st_field_meaning(f[F_EXCH])) != NULL)
			st_out_printf(s->o, " %s", m);
		else
			st_out_printf(s->o, " exchange %u",
			    (unsigned)f[F_EXCH]->val);
	}
	if (f[F_FLAGS] != NULL && f[F_VER] != NULL &&
	    f[F_VER]->val >> 4 == 2)
		st_out_puts(s->o, f[F_FLAGS]->val & 0x20 ? " response" :
		    " request");
	st_out_puts(s->o, " msgid ");
	s->value(s, f[F_MSGID]);
	return 1;
}

static const struct st_field_desc *const isakmp_keys[] = {
	&isakmp_fields[F_EXCH], &isakmp_fields[F_NEXT],
	&isakmp_fields[F_MSGID], &isakmp_fields[F_LEN], NULL,
};

const struct st_proto st_proto_isakmp = {
	.name = "isakmp",
	.ws = "isakmp",
	.title = "Internet Security Association and Key Management Protocol",
	.rfc = "RFC 2408, RFC 7296",
	.role = ST_ROLE_APP,
	.fields = isakmp_fields,
	.nfields = NFIELDS(isakmp_fields),
	.more = st_isakmp_pl,
	.nmore = P_COUNT,
	.decode = isakmp_decode,
	.binds = isakmp_binds,
	.nbinds = NFIELDS(isakmp_binds),
	.summary = isakmp_summary,
	.keys = isakmp_keys,
	.color = "\033[32m",
	.explain = "Two SPIs name the security association being made; the "
	    "next payload field starts a chain of payloads, each saying the "
	    "type of the one after it.",
};
