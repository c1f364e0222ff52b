/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Mobile IPv6 mobility header (RFC 6275 6.1), IPv6 next header 135.
 *
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * | Payload| Hdr Len| MH Type|Reserved|
 * +--------+--------+--------+--------+
 * |    Checksum     |  message data   |
 * +--------+--------+--------+--------+
 *
 * Hdr Len counts 8-byte units after the first 8.  The checksum covers the
 * header with the IPv6 pseudo-header (protocol 135).  The messages (binding
 * refresh request, HoTI/CoTI, HoT/CoT, binding update, acknowledgement,
 * error) end in mobility options (type, length, value; Pad1 a lone byte).
 * As tshark, the options are read only when the whole header was captured.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define MIP6_MAXOPT	64

static const struct st_valname mip6_type_names[] = {
	{ 0, "Binding Refresh Request" },
	{ 1, "Home Test Init" },
	{ 2, "Care-of Test Init" },
	{ 3, "Home Test" },
	{ 4, "Care-of Test" },
	{ 5, "Binding Update" },
	{ 6, "Binding Acknowledgement" },
	{ 7, "Binding Error" },
	{ 0, NULL },
};

static const struct st_valname mip6_opt_names[] = {
	{ 0, "Pad1" }, { 1, "PadN" }, { 2, "Binding Refresh Advice" },
	{ 3, "Alternate Care-of Address" }, { 4, "Nonce Indices" },
	{ 5, "Authorization Data" }, { 0, NULL },
};

enum { F_PROTO, F_HLEN, F_TYPE, F_RES, F_CK, F_CKSTAT };

static const struct st_field_desc mip6_fields[] = {
	FD("proto", "mip6.proto", "Payload protocol", 0, 8, ST_FMT_DEC),
	FD("hlen", "mip6.hlen", "Header length", 8, 8, ST_FMT_DEC),
	FDN("mhtype", "mip6.mhtype", "Mobility Header Type", 16, 8,
	    ST_FMT_DEC, mip6_type_names),
	FD("reserved", "mip6.reserved", "Reserved", 24, 8, ST_FMT_HEX),
	FDX("csum", "mip6.csum", "Checksum", 32, 16, ST_FMT_HEX, 0, 0,
	    ST_DF_CKSUM, 0, NULL),
	FDGS("strata.mip6.csum.status", "Checksum status"),
};

/* The messages' rows, from byte 6 of the header; then the options'. */
enum {
	M_BRR, M_HOTIC, M_COTIC, M_HOTN, M_HOTC, M_HOTT, M_COTN, M_COTC,
	M_COTT, M_BUSEQ, M_BUA, M_BUH, M_BUL, M_BUK, M_BUM, M_BUR, M_BUP,
	M_BUF, M_BUT, M_BUB, M_BULIFE, M_BASTAT, M_BAK, M_BAR, M_BAP, M_BAT,
	M_BAB, M_BASEQ, M_BALIFE, M_BESTAT, M_BEHA,
	O_TYPE, O_PAD1, O_OPADN, O_BRA, O_OACOA, O_NI, O_BAD, O_LEN, O_PADN, O_ACOA, O_HNI, O_CNI, O_AUTH, M_N_
};

static const struct st_field_desc mip6_more[] = {
	FD(NULL, "mip6.binding_refresh_request", "Binding Refresh Request",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, "mip6.hoti.cookie", "Home Init Cookie", 16, 64, ST_FMT_HEX),
	FD(NULL, "mip6.coti.cookie", "Care-of Init Cookie", 16, 64,
	    ST_FMT_HEX),
	FD(NULL, "mip6.hot.nindex", "Home Nonce Index", 0, 16, ST_FMT_DEC),
	FD(NULL, "mip6.hot.cookie", "Home Init Cookie", 16, 64, ST_FMT_HEX),
	FD(NULL, "mip6.hot.token", "Home Keygen Token", 80, 64, ST_FMT_HEX),
	FD(NULL, "mip6.cot.nindex", "Care-of Nonce Index", 0, 16, ST_FMT_DEC),
	FD(NULL, "mip6.cot.cookie", "Care-of Init Cookie", 16, 64,
	    ST_FMT_HEX),
	/* sic: tshark names the care-of keygen token so */
	FD(NULL, "mip6.hot.token", "Care-of Keygen Token", 80, 64,
	    ST_FMT_HEX),
	FD(NULL, "mip6.bu.seqnr", "Sequence number", 0, 16, ST_FMT_DEC),
	FDD(NULL, "mip6.bu.a_flag", "Acknowledge (A) flag", 16, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.h_flag", "Home Registration (H) flag", 17, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.l_flag", "Link-Local Compatibility (L) flag", 18,
	    1, ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.k_flag", "Key Management Compatibility (K) flag",
	    19, 1, ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.m_flag", "MAP Registration Compatibility (M) flag",
	    20, 1, ST_FMT_BOOL),
	FDD(NULL, "mip6.nemo.bu.r_flag", "Mobile Router (R) flag", 21, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.p_flag", "Proxy Registration (P) flag", 22, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.f_flag", "Forcing UDP encapsulation (F) flag", 23,
	    1, ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.t_flag", "TLV-header format (T) flag", 24, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.bu.b_flag", "Bulk-Binding-Update flag (B)", 25, 1,
	    ST_FMT_BOOL),
	FD(NULL, "mip6.bu.lifetime", "Lifetime", 32, 16, ST_FMT_DEC),
	FD(NULL, "mip6.ba.status", "Status", 0, 8, ST_FMT_DEC),
	FDD(NULL, "mip6.ba.k_flag", "Key Management Compatibility (K) flag",
	    8, 1, ST_FMT_BOOL),
	FDD(NULL, "mip6.nemo.ba.r_flag", "Mobile Router (R) flag", 9, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.ba.p_flag", "Proxy Registration (P) flag", 10, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.ba.t_flag", "TLV-header format (T) flag", 11, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mip6.ba.b_flag", "Bulk-Binding-Update flag (B)", 12, 1,
	    ST_FMT_BOOL),
	FD(NULL, "mip6.ba.seqnr", "Sequence number", 16, 16, ST_FMT_DEC),
	FD(NULL, "mip6.ba.lifetime", "Lifetime", 32, 16, ST_FMT_DEC),
	FD(NULL, "mip6.be.status", "Status", 0, 8, ST_FMT_DEC),
	FD(NULL, "mip6.be.haddr", "Home Address", 16, 128, ST_FMT_IPV6),
	FDN(NULL, "mip6.mobility_opt", "Mobility Option", 0, 8, ST_FMT_DEC,
	    mip6_opt_names),
	/* a known option as a whole, as tshark shows it */
	FD(NULL, "mip6.options.pad1", "MIPv6 Option - Pad1", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "mip6.options.padn", "MIPv6 Option - PadN", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "mip6.options.bra", "MIPv6 Option - Binding Refresh Advice",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, "mip6.options.acoa",
	    "MIPv6 Option - Alternate Care-of Address", 0, 0, ST_FMT_BYTES),
	FD(NULL, "mip6.options.ni", "MIPv6 Option - Nonce Indices", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "mip6.options.bad_auth",
	    "MIPv6 Option - Authorization Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "mip6.mobility_opt.len", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "mip6.padn", "PadN", 0, 0, ST_FMT_BYTES),
	FD(NULL, "mip6.acoa.acoa", "Alternate care-of address", 16, 128,
	    ST_FMT_IPV6),
	FD(NULL, "mip6.ni.hni", "Home nonce index", 16, 16, ST_FMT_DEC),
	FD(NULL, "mip6.ni.cni", "Care-of nonce index", 32, 16, ST_FMT_DEC),
	FD(NULL, "mip6.bad.auth", "Authenticator", 0, 0, ST_FMT_BYTES),
};

static const struct st_ckspec mip6_ck = {
	.field = &mip6_fields[F_CK],
	.status = &mip6_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 6,
	.pseudo = 135,
};

/* Each message's rows (first, count) and its fixed bytes after byte 6. */
static const struct {
	uint8_t		 first, n, len;
} mip6_msgs[] = {
	{ M_BRR, 1, 2 },		/* binding refresh request */
	{ M_HOTIC, 1, 10 },		/* HoTI */
	{ M_COTIC, 1, 10 },		/* CoTI */
	{ M_HOTN, 3, 18 },		/* HoT */
	{ M_COTN, 3, 18 },		/* CoT */
	{ M_BUSEQ, M_BULIFE - M_BUSEQ + 1, 6 },	/* binding update */
	{ M_BASTAT, M_BALIFE - M_BASTAT + 1, 6 },	/* acknowledgement */
	{ M_BESTAT, 2, 18 },		/* binding error */
};

/* The option at o, of n bytes (2 + its length): as a whole (tshark's
 * mip6.options.*, the type for one it does not know), then its parts. */
static void
mip6_opt(struct st_dctx *d, struct st_cur *o, unsigned type, size_t n)
{
	if (type >= 1 && type <= 5)
		st_dbytes(d, o, &mip6_more[O_PAD1 + type], 0, n);
	else
		st_dfield(d, o, &mip6_more[O_TYPE]);
	st_dfield(d, o, &mip6_more[O_LEN]);
	switch (type) {
	case 1:
		if (n > 2)
			st_dbytes(d, o, &mip6_more[O_PADN], 2, n - 2);
		break;
	case 3:
		if (n == 18)
			st_dfield(d, o, &mip6_more[O_ACOA]);
		break;
	case 4:
		if (n == 6)
			st_dfields(d, o, &mip6_more[O_HNI], 2);
		break;
	case 5:
		if (n > 2)
			st_dbytes(d, o, &mip6_more[O_AUTH], 2, n - 2);
		break;
	}
}

/* The mobility options in bytes [at, end) of c (RFC 6275 6.2). */
static int
mip6_opts(struct st_dctx *d, struct st_cur *c, size_t at, size_t end)
{
	struct st_cur o;
	size_t n;
	unsigned i, type;

	for (i = 0; i < MIP6_MAXOPT && at < end; i++) {
		o = *c;
		o.off += at;
		o.end = c->off + end;
		type = (unsigned)st_peek_bits(&o, 0, 8);
		if (type == 0) {
			st_dbytes(d, &o, &mip6_more[O_PAD1], 0, 1);
			at++;
			continue;
		}
		if (at + 2 > end)
			return st_dmalformed(d, "option header past the end");
		n = 2 + (size_t)st_peek_bits(&o, 8, 8);
		if (at + n > end)
			return st_dmalformed(d, "option of %zu bytes past the "
			    "header's end", n);
		mip6_opt(d, &o, type, n);
		at += n;
	}
	return ST_OK;
}

static int
mip6_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur m;
	struct st_field *ck;
	size_t len;
	unsigned type;

	st_dfields(d, c, mip6_fields, F_CK);
	ck = st_dfield(d, c, &mip6_fields[F_CK]);
	if (c->err != ST_OK)
		return c->err;
	len = ((size_t)st_peek_bits(c, 8, 8) + 1) * 8;
	type = (unsigned)st_peek_bits(c, 16, 8);
	st_dck(d, c, &mip6_ck, ck, len);
	d->hdr = len;
	d->plen = 0;
	if (type >= NFIELDS(mip6_msgs))
		return ST_OK;
	if (6 + (size_t)mip6_msgs[type].len > len)
		return st_dmalformed(d, "header length %zu below the message's "
		    "%u", len, 6 + mip6_msgs[type].len);
	m = *c;
	m.off += 6;
	if (type == 0)
		st_dbytes(d, &m, &mip6_more[M_BRR], 0, 2);
	else
		st_dfields(d, &m, &mip6_more[mip6_msgs[type].first],
		    mip6_msgs[type].n);
	if (m.err != ST_OK)
		return m.err;
	if (st_cur_left(c) < len)
		return ST_ETRUNC;
	return mip6_opts(d, c, 6 + (size_t)mip6_msgs[type].len, len);
}

static const struct st_bind mip6_binds[] = {
	{ ST_KEY_IPPROTO, 135 },
	{ ST_KEY_IPPROTO, 62 },		/* the drafts' number, as tshark */
};

/* "Binding Update seq 116 lifetime 3968". */
static int
mip6_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *hf[F_CKSTAT], *mf[M_N_];
	const char *name;

	st_ly_fields(s->pkt, ly, mip6_fields, F_CKSTAT, hf);
	st_ly_fields(s->pkt, ly, mip6_more, M_N_, mf);
	if (hf[F_TYPE] == NULL)
		return 0;
	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(s->o, ' ');
	}
	name = st_valname(mip6_type_names, (uint32_t)hf[F_TYPE]->val);
	if (name != NULL) {
		st_out_puts(s->o, name);
	} else {
		st_out_puts(s->o, "mobility header type ");
		st_out_u64(s->o, hf[F_TYPE]->val);
	}
	if (mf[M_BUSEQ] != NULL || mf[M_BASEQ] != NULL) {
		st_out_puts(s->o, " seq ");
		s->value(s, mf[M_BUSEQ] != NULL ? mf[M_BUSEQ] : mf[M_BASEQ]);
	}
	if (mf[M_BASTAT] != NULL || mf[M_BESTAT] != NULL) {
		st_out_puts(s->o, " status ");
		s->value(s, mf[M_BASTAT] != NULL ? mf[M_BASTAT] : mf[M_BESTAT]);
	}
	return 1;
}

static const struct st_field_desc *const mip6_keys[] = {
	&mip6_fields[F_TYPE], &mip6_fields[F_HLEN], NULL,
};

const struct st_proto st_proto_mipv6 = {
	.name = "mipv6",
	.ws = "mipv6",
	.title = "Mobile IPv6",
	.rfc = "RFC 6275",
	.role = ST_ROLE_CONTROL,
	.fields = mip6_fields,
	.nfields = NFIELDS(mip6_fields),
	.more = mip6_more,
	.nmore = NFIELDS(mip6_more),
	.decode = mip6_decode,
	.binds = mip6_binds,
	.nbinds = NFIELDS(mip6_binds),
	.cksum = &mip6_ck,
	.summary = mip6_summary,
	.keys = mip6_keys,
	.explain = "The mobility header (RFC 6275) carries Mobile IPv6's "
	    "signalling: binding updates from a mobile node to its home agent "
	    "or a correspondent, their acknowledgements and errors, and the "
	    "return routability test (HoTI/CoTI, HoT/CoT).  The header length "
	    "counts 8-byte units after the first 8; the checksum covers the "
	    "header with the IPv6 pseudo-header.",
};
