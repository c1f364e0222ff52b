/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DTP, Cisco's Dynamic Trunking Protocol, after SNAP (OUI 0x00000c, PID
 * 0x2004): a version byte, then TLVs of a 16-bit type and a 16-bit length
 * that counts the TLV's header.  1 domain, 2 trunk status, 3 trunk type,
 * 4 sender ID.
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname tlv_names[] = {
	{ 1, "Domain" }, { 2, "Trunk Status" }, { 3, "Trunk Type" },
	{ 4, "Sender ID" }, { 0, NULL }
};

enum { F_VERS, F_TYPE, F_LEN, F_DOMAIN, F_TOS, F_TAS, F_TOT, F_TAT,
	F_SENDER };

/* The TLV rows are from each TLV's start. */
static const struct st_field_desc dtp_fields[] = {
	FD("version", "dtp.version", "Version", 0, 8, ST_FMT_DEC),
	FDN(NULL, "dtp.tlv_type", "TLV type", 0, 16, ST_FMT_HEX, tlv_names),
	FD(NULL, "dtp.tlv_len", "TLV length", 16, 16, ST_FMT_DEC),
	FD(NULL, "dtp.domain", "Domain", 32, 0, ST_FMT_TEXT),
	FD(NULL, "dtp.tos", "Trunk operating status", 32, 1, ST_FMT_HEX),
	FD(NULL, "dtp.tas", "Trunk administrative status", 37, 3,
	    ST_FMT_HEX),
	FD(NULL, "dtp.tot", "Trunk operating type", 32, 3, ST_FMT_HEX),
	FD(NULL, "dtp.tat", "Trunk administrative type", 37, 3, ST_FMT_HEX),
	FD(NULL, "dtp.senderid", "Sender ID", 32, 48, ST_FMT_MAC),
};

#define DTP_MAXTLV	32

/* The domain: n bytes, NUL-padded. */
static void
dtp_domain(struct st_dctx *d, struct st_cur *t, size_t n)
{
	char text[64 * 4 + 1];
	const uint8_t *p;
	size_t k;

	if (n > 64)
		n = 64;
	if (!st_cur_need(t, 4 + n))
		return;
	p = t->base + t->off + 4;
	for (k = 0; k < n && p[k] != 0; k++)
		;
	st_escape(p, k, text, sizeof(text));
	st_dtext(d, t, &dtp_fields[F_DOMAIN], 4, n, text);
}

static int
dtp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 1, left = st_cur_left(c), n;
	struct st_cur t;
	unsigned type, i;

	if (st_dfield(d, c, &dtp_fields[F_VERS]) == NULL)
		return c->err;
	d->plen = 0;
	for (i = 0; i < DTP_MAXTLV && pos + 4 <= left; i++) {
		t = *c;
		t.off += pos;
		st_dfields(d, &t, dtp_fields + F_TYPE, 2);
		type = (unsigned)st_peek_bits(&t, 0, 16);
		n = (size_t)st_peek_bits(&t, 16, 16);
		if (n < 4 || n > left - pos) {
			d->hdr = left;
			return st_dmalformed(d, "TLV %u of length %zu", type, n);
		}
		if (type == 1 && n > 4)
			dtp_domain(d, &t, n - 4);
		else if (type == 2 && n >= 5)
			st_dfields(d, &t, dtp_fields + F_TOS, 2);
		else if (type == 3 && n >= 5)
			st_dfields(d, &t, dtp_fields + F_TOT, 2);
		else if (type == 4 && n >= 10)
			st_dfield(d, &t, &dtp_fields[F_SENDER]);
		pos += n;
	}
	/* What no TLV header fits in is padding. */
	d->hdr = pos;
	return ST_OK;
}

static const struct st_bind dtp_binds[] = {
	{ ST_KEY_SNAP, 0x00000c2004 },
};

/* "DTPv1, length N" as tcpdump says it, with the domain. */
static int
dtp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_DOMAIN + 1];

	st_ly_fields(s->pkt, ly, dtp_fields, F_DOMAIN + 1, f);
	st_out_printf(s->o, "DTPv%u, length %u", f[F_VERS] != NULL ?
	    (unsigned)f[F_VERS]->val : 0, (unsigned)ly->len);
	if (f[F_DOMAIN] != NULL && f[F_DOMAIN]->meaning != NULL)
		st_out_printf(s->o, ", domain '%s'", f[F_DOMAIN]->meaning);
	return 1;
}

static const struct st_field_desc *const dtp_keys[] = {
	&dtp_fields[F_VERS], NULL,
};

const struct st_proto st_proto_dtp = {
	.name = "dtp",
	.ws = "dtp",
	.title = "Dynamic Trunking Protocol",
	.rfc = "Cisco",
	.role = ST_ROLE_CONTROL,
	.fields = dtp_fields,
	.nfields = NFIELDS(dtp_fields),
	.decode = dtp_decode,
	.binds = dtp_binds,
	.nbinds = NFIELDS(dtp_binds),
	.summary = dtp_summary,
	.keys = dtp_keys,
	.color = "\033[35m",
	.explain_bits = 8,
	.explain = "TLVs follow the version: 1 domain, 2 trunk status "
	    "(operating bit 7, administrative bits 0-2), 3 trunk type "
	    "(operating bits 5-7, administrative bits 0-2), 4 sender MAC.",
};
