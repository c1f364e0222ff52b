/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ISAKMP (RFC 2408) and IKEv2 (RFC 7296), UDP port 500 (and 4500 after the
 * non-ESP marker): the header and the chain of payloads, each shown by its
 * generic header (type, critical bit, length) and its bytes.
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
#include "fields.h"

#define ISAKMP_MAX_PAYLOADS	32	/* payloads decoded */

static const struct st_valname payload_names[] = {
	{ 0, "none" }, { 1, "security association" }, { 2, "proposal" },
	{ 3, "transform" }, { 4, "key exchange" }, { 5, "identification" },
	{ 6, "certificate" }, { 7, "certificate request" }, { 8, "hash" },
	{ 9, "signature" }, { 10, "nonce" }, { 11, "notification" },
	{ 12, "delete" }, { 13, "vendor ID" }, { 20, "NAT-D" },
	{ 21, "NAT-OA" }, { 33, "security association" },
	{ 34, "key exchange" }, { 35, "identification (initiator)" },
	{ 36, "identification (responder)" }, { 37, "certificate" },
	{ 38, "certificate request" }, { 39, "authentication" },
	{ 40, "nonce" }, { 41, "notify" }, { 42, "delete" },
	{ 43, "vendor ID" }, { 44, "traffic selector (initiator)" },
	{ 45, "traffic selector (responder)" }, { 46, "encrypted" },
	{ 47, "configuration" }, { 48, "EAP" }, { 53, "encrypted fragment" },
	{ 0, NULL }
};

static const struct st_valname exch_names[] = {
	{ 1, "Base" }, { 2, "Identity Protection (Main Mode)" },
	{ 3, "Authentication Only" }, { 4, "Aggressive" },
	{ 5, "Informational" }, { 32, "Quick Mode" },
	{ 34, "IKE_SA_INIT" }, { 35, "IKE_AUTH" },
	{ 36, "CREATE_CHILD_SA" }, { 37, "INFORMATIONAL" }, { 0, NULL }
};

enum { F_ISPI, F_RSPI, F_NEXT, F_VER, F_MJ, F_MN, F_EXCH, F_FLAGS, F_E,
	F_C, F_A, F_I, F_V, F_R, F_MSGID, F_LEN };

static const struct st_field_desc isakmp_fields[] = {
	FD("ispi", "isakmp.ispi", "Initiator SPI", 0, 64, ST_FMT_BYTES),
	FD("rspi", "isakmp.rspi", "Responder SPI", 64, 64, ST_FMT_BYTES),
	FDN("next", "isakmp.nextpayload", "Next payload", 128, 8, ST_FMT_DEC,
	    payload_names),
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

enum { P_TYPE, P_NEXT, P_CRIT, P_RES, P_LEN, P_DATA, P_EXTRA, P_ENC,
	P_PNUM, P_PROTO, P_SPISIZE, P_NTRANS, P_SPI, P_TNUM, P_TID, P_TFTYPE,
	P_TFID, P_TFENCR, P_TFPRF, P_TFINTEG, P_TFDH, P_TFESN };

static const struct st_field_desc pl_fields[] = {
	FDN(NULL, "isakmp.typepayload", "Payload", 0, 8, ST_FMT_DEC,
	    payload_names),
	FDN(NULL, "isakmp.nextpayload", "Next payload", 0, 8, ST_FMT_DEC,
	    payload_names),
	FD(NULL, "isakmp.criticalpayload", "Critical bit", 8, 1, ST_FMT_BOOL),
	FD(NULL, "isakmp.reserved7", "Reserved", 9, 7, ST_FMT_HEX),
	FD(NULL, "isakmp.payloadlength", "Payload length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "strata.isakmp.payload", "Payload data", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.extradata", "Extra data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "strata.isakmp.encrypted", "Encrypted payloads", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.prop.number", "Proposal number", 32, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.prop.protoid", "Protocol ID", 40, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.spisize", "SPI size", 48, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.prop.transforms", "Proposal transforms", 56, 8,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.spi", "SPI", 0, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.trans.number", "Transform number", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.trans.id", "Transform ID", 40, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.type", "Transform type", 32, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id", "Transform ID", 48, 16, ST_FMT_DEC),
	/* The transform ID by transform type 1 to 5, as Wireshark names it. */
	FD(NULL, "isakmp.tf.id.encr", "Transform ID (ENCR)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.prf", "Transform ID (PRF)", 48, 16, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.integ", "Transform ID (INTEG)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.dh", "Transform ID (D-H)", 48, 16, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.esn", "Transform ID (ESN)", 48, 16, ST_FMT_DEC),
};

/*
 * The generic header of a payload of type type at p, within n bytes (crit:
 * with IKEv2's critical bit, which proposals and transforms lack);
 * returns its length, or 0 (the layer marked) when it lies.
 */
static size_t
pl_header(struct st_dctx *d, struct st_cur *p, unsigned type, size_t n,
    int crit)
{
	struct st_field *f;
	size_t len;

	if (n < 4) {
		st_dmalformed(d, "payload header cut short");
		return 0;
	}
	/* The type is the previous header's; its bits are here. */
	if ((f = st_dfield(d, p, &pl_fields[P_TYPE])) != NULL)
		f->val = type;
	st_dfield(d, p, &pl_fields[P_NEXT]);
	if (crit)
		st_dfields(d, p, pl_fields + P_CRIT, 2);
	st_dfield(d, p, &pl_fields[P_LEN]);
	len = (size_t)st_peek_bits(p, 16, 16);
	if (len < 4 || len > n) {
		st_dmalformed(d, "payload length %zu", len);
		return 0;
	}
	return len;
}

/*
 * The proposals (type 2) of a security association in the n bytes at c,
 * each with its transforms (type 3); v2: IKEv2's transform layout.
 */
static void
isakmp_proposals(struct st_dctx *d, struct st_cur c, size_t n, int v2)
{
	size_t pos = 0, len, tpos, tlen, spi;
	unsigned i, k, more = 1;
	struct st_cur p, t;

	for (i = 0; more && pos < n && i < ISAKMP_MAX_PAYLOADS; i++) {
		p = c;
		p.off += pos;
		if ((len = pl_header(d, &p, 2, n - pos, 0)) < 8)
			return;
		more = (unsigned)st_peek_bits(&p, 0, 8) != 0;
		st_dfields(d, &p, pl_fields + P_PNUM, 4);
		spi = (size_t)st_peek_bits(&p, 48, 8);
		if (8 + spi > len)
			return (void)st_dmalformed(d, "SPI size %zu", spi);
		if (spi > 0)
			st_dbytes(d, &p, &pl_fields[P_SPI], 8, spi);
		tpos = 8 + spi;
		for (k = 0; tpos < len && k < ISAKMP_MAX_PAYLOADS; k++) {
			t = p;
			t.off += tpos;
			if ((tlen = pl_header(d, &t, 3, len - tpos, 0)) < 8)
				return;
			if (v2) {
				unsigned ty = (unsigned)st_peek_bits(&t, 32, 8);

				st_dfield(d, &t, &pl_fields[P_TFTYPE]);
				st_dfield(d, &t, &pl_fields[ty >= 1 && ty <= 5 ?
				    P_TFENCR + ty - 1 : P_TFID]);
			} else
				st_dfields(d, &t, pl_fields + P_TNUM, 2);
			tpos += tlen;
		}
		pos += len;
	}
}

/* The payload chain in the n bytes at c, the first of type type. */
static void
isakmp_payloads(struct st_dctx *d, struct st_cur c, size_t n, unsigned type,
    int v2)
{
	size_t pos = 0, len, skip;
	struct st_cur p;
	unsigned i;

	for (i = 0; type != 0 && pos < n && i < ISAKMP_MAX_PAYLOADS; i++) {
		p = c;
		p.off += pos;
		if ((len = pl_header(d, &p, type, n - pos, v2)) == 0)
			return;
		/* A security association: IKEv1's DOI and situation first. */
		skip = type == 1 ? 12 : type == 33 ? 4 : 0;
		if (skip > 0 && len > skip) {
			struct st_cur sa = p;

			sa.off += skip;
			isakmp_proposals(d, sa, len - skip, v2);
		} else if (len > 4)
			st_dbytes(d, &p, &pl_fields[P_DATA], 4, len - 4);
		pos += len;
		if (type == 46 || type == 53)	/* IKEv2 encrypted: the end */
			return;
		type = (unsigned)st_peek_bits(&p, 0, 8);
	}
	if (type != 0 && pos < n && i == ISAKMP_MAX_PAYLOADS)
		st_dmalformed(d, "more than %d payloads", ISAKMP_MAX_PAYLOADS);
	else if (pos < n) {
		p = c;
		p.off += pos;
		st_dbytes(d, &p, &pl_fields[P_EXTRA], 0, n - pos);
	}
}

static int
isakmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	unsigned mj, fl;
	struct st_cur p;

	st_dfields(d, c, isakmp_fields, F_FLAGS);
	if (c->err != ST_OK)
		return c->err;
	mj = (unsigned)st_peek_bits(c, 136, 4);
	st_dfield(d, c, &isakmp_fields[F_FLAGS]);
	if (mj == 2)
		st_dfields(d, c, isakmp_fields + F_I, 3);
	else
		st_dfields(d, c, isakmp_fields + F_E, 3);
	st_dfields(d, c, isakmp_fields + F_MSGID, 2);
	if (c->err != ST_OK)
		return c->err;
	fl = (unsigned)st_peek_bits(c, 152, 8);
	len = (size_t)st_peek_bits(c, 192, 32);
	if (mj != 1 && mj != 2)
		return ST_ENOTME;
	d->hdr = 28;
	if (len < 28)
		return st_dmalformed(d, "length %zu below 28", len);
	if (len > left)
		len = left;	/* cut short: what is here */
	p = *c;
	p.off += 28;
	if (mj == 1 && (fl & 1)) {
		if (len > 28)
			st_dbytes(d, &p, &pl_fields[P_ENC], 0, len - 28);
	} else
		isakmp_payloads(d, p, len - 28,
		    (unsigned)st_peek_bits(c, 128, 8), mj == 2);
	d->hdr = len;
	d->plen = 0;
	return d->ly->status == ST_LS_MALFORMED ? ST_EINVAL : ST_OK;
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
	.more = pl_fields,
	.nmore = NFIELDS(pl_fields),
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
