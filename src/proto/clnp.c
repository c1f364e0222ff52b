/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CLNP, the OSI connectionless network protocol (ISO 8473-1), NLPID 0x81.
 *
 *  0               1               2               3
 *  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
 * +---------------+---------------+---------------+---------------+
 * | NLPID 0x81    | Header length | Version 1     | Lifetime (.5s)|
 * |SP|MS|ER| Type | Segment length                | Checksum ...  |
 * | ... checksum  | Dst length, dst NSAP, src length, src NSAP ...
 * | Data unit ID, segment offset, total length (when SP is set)
 * | Options (to the header length)
 * +---------------+---------------+---------------+---------------+
 * The checksum is ISO 8473's Fletcher over the header (0: none); what
 * follows the header is the transport's (shown as data here).
 */
#include "strata/cksum.h"
#include "strata/out.h"
#include "fields.h"
#include "osiaddr.h"

enum { F_NLPI, F_LEN, F_VER, F_TTL, F_TYPE, F_SP, F_MS, F_ER, F_CTYPE,
	F_SEGLEN, F_CK, F_CKSTAT, F_DSTL, F_DST, F_SRCL, F_SRC, F_DUID, F_SOFF,
	F_TOTAL, NROWS };

static const struct st_valname type_names[] = {
	{ 1, "ER NPDU" }, { 28, "DT NPDU" }, { 29, "MD NPDU" },
	{ 30, "ERQ NPDU" }, { 31, "ERP NPDU" }, { 0, NULL }
};

static const struct st_field_desc clnp_fields[NROWS] = {
	[F_NLPI] = FD(NULL, "clnp.nlpi", "Network layer protocol ID", 0, 8,
	    ST_FMT_HEX),
	[F_LEN] = FD("len", "clnp.len", "Header length", 8, 8, ST_FMT_DEC),
	[F_VER] = FD(NULL, "clnp.version", "Version", 16, 8, ST_FMT_DEC),
	[F_TTL] = FD("ttl", "clnp.ttl", "Lifetime (500 ms)", 24, 8,
	    ST_FMT_DEC),
	[F_TYPE] = FD(NULL, "clnp.type", "Flags and type", 32, 8,
	    ST_FMT_HEX),
	[F_SP] = FDD(NULL, "clnp.cnf.segmentation", "Segmentation permitted",
	    32, 1, ST_FMT_BOOL),
	[F_MS] = FDD(NULL, "clnp.cnf.more_segments", "More segments", 33, 1,
	    ST_FMT_BOOL),
	[F_ER] = FDD(NULL, "clnp.cnf.report_error", "Report error", 34, 1,
	    ST_FMT_BOOL),
	[F_CTYPE] = FDDN(NULL, "clnp.cnf.type", "Type", 35, 5, ST_FMT_DEC,
	    type_names),
	[F_SEGLEN] = FD(NULL, "clnp.pdu.len", "Segment length", 40, 16,
	    ST_FMT_DEC),
	[F_CK] = FD(NULL, "clnp.checksum", "Checksum", 56, 16, ST_FMT_HEX),
	[F_CKSTAT] = FDGS("clnp.checksum.status", "Checksum status"),
	[F_DSTL] = FD(NULL, "clnp.dsap.len", "Destination address length", 0,
	    8, ST_FMT_DEC),
	[F_DST] = FD("dst", "clnp.dsap", "Destination address", 0, 0,
	    ST_FMT_BYTES),
	[F_SRCL] = FD(NULL, "clnp.ssap.len", "Source address length", 0, 8,
	    ST_FMT_DEC),
	[F_SRC] = FD("src", "clnp.ssap", "Source address", 0, 0,
	    ST_FMT_BYTES),
	[F_DUID] = FD(NULL, "clnp.data_unit_identifier", "Data unit "
	    "identifier", 0, 16, ST_FMT_DEC),
	[F_SOFF] = FD(NULL, "clnp.segment_offset", "Segment offset", 16, 16,
	    ST_FMT_DEC),
	[F_TOTAL] = FD(NULL, "clnp.total_length", "Total length", 32, 16,
	    ST_FMT_DEC),
};

/* The header checksum: ISO 8473's over hlen bytes; zero: none sent. */
static void
clnp_ck(struct st_dctx *d, struct st_cur *c, struct st_field *f, size_t hlen)
{
	struct st_cur w = *c;
	const uint8_t *p;
	unsigned want;

	if (f == NULL)
		return;
	if (f->val == 0 || (p = st_get_bytes(&w, hlen)) == NULL)
		f->ck = ST_CK_UNVERIFIED;
	else if ((want = st_fletcher(p, hlen, 7)) == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &clnp_fields[F_CKSTAT]);
}

/* An address (length row lrow) at byte *pos of a header of hlen bytes. */
static int
clnp_addr(struct st_dctx *d, struct st_cur *c, size_t *pos, size_t hlen,
    int lrow)
{
	struct st_cur w = *c;
	size_t n;

	w.off += *pos;
	if (st_dfield(d, &w, &clnp_fields[lrow]) == NULL) {
		c->err = w.err;
		return c->err;
	}
	n = (size_t)st_peek_bits(&w, 0, 8);
	if (*pos + 1 + n > hlen)
		return st_dmalformed(d, "address of %zu bytes overruns the "
		    "header of %zu", n, hlen);
	if (n > 0 && st_dbytes(d, &w, &clnp_fields[lrow + 1], 1, n) == NULL) {
		c->err = w.err;
		return c->err;
	}
	*pos += 1 + n;
	return ST_OK;
}

static int
clnp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck;
	size_t hlen, seglen, pos = 9;
	struct st_cur w;
	int err;

	st_dfields(d, c, clnp_fields, F_CK);
	ck = st_dfield(d, c, &clnp_fields[F_CK]);
	if (c->err != ST_OK)
		return c->err;
	hlen = (size_t)st_peek_bits(c, 8, 8);
	seglen = (size_t)st_peek_bits(c, 40, 16);
	if (hlen < 9 || seglen < hlen)
		return st_dmalformed(d, "header length %zu, segment length "
		    "%zu", hlen, seglen);
	clnp_ck(d, c, ck, hlen);
	d->hdr = hlen;
	d->plen = seglen - hlen;
	d->data = 1;
	if (st_peek_bits(c, 35, 5) == 1 && hlen == 9)
		return ST_OK;		/* an inactive network layer PDU */
	if ((err = clnp_addr(d, c, &pos, hlen, F_DSTL)) != ST_OK ||
	    (err = clnp_addr(d, c, &pos, hlen, F_SRCL)) != ST_OK)
		return err;
	if (st_peek_bits(c, 32, 1)) {
		if (pos + 6 > hlen)
			return st_dmalformed(d, "no room for the segmentation "
			    "part");
		w = *c;
		w.off += pos;
		st_dfields(d, &w, &clnp_fields[F_DUID], 3);
		if (w.err != ST_OK)
			return w.err;
	}
	return ST_OK;
}

static const struct st_bind clnp_binds[] = {
	{ ST_KEY_NLPID, 0x81 },
};

/* An address field's bytes as Wireshark writes NSAPs. */
static void
clnp_addr_text(struct st_sumctx *s, const struct st_field *f)
{
	char buf[128];

	osi_nsap_text(buf, sizeof(buf), s->pkt->data + f->bitoff / 8,
	    f->bits / 8);
	st_out_puts(s->o, buf);
}

/* "CLNP 49000111.223344556601 > 490001aa.bbccddeeff00, DT NPDU,
 * lifetime 64, length 49" (source first, as tcpdump). */
static int
clnp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NROWS];
	const char *t;

	st_ly_fields(s->pkt, ly, clnp_fields, NROWS, f);
	st_out_puts(s->o, "CLNP");
	if (f[F_SRC] != NULL && f[F_DST] != NULL) {
		st_out_putc(s->o, ' ');
		clnp_addr_text(s, f[F_SRC]);
		st_out_puts(s->o, " > ");
		clnp_addr_text(s, f[F_DST]);
		st_out_putc(s->o, ',');
	}
	if (f[F_TYPE] != NULL) {
		/* the type's own row is a detail, left out of a summary */
		t = st_valname(type_names, (uint32_t)f[F_TYPE]->val & 0x1f);
		st_out_putc(s->o, ' ');
		st_out_puts(s->o, t != NULL ? t : "type ?");
	}
	if (f[F_TTL] != NULL) {
		st_out_puts(s->o, ", lifetime ");
		s->value(s, f[F_TTL]);
	}
	if (f[F_SEGLEN] != NULL) {
		st_out_puts(s->o, ", length ");
		s->value(s, f[F_SEGLEN]);
	}
	return 1;
}

static const struct st_field_desc *const clnp_keys[] = {
	&clnp_fields[F_CTYPE], &clnp_fields[F_TTL], &clnp_fields[F_SEGLEN],
	NULL,
};

const struct st_proto st_proto_clnp = {
	.name = "clnp",
	.ws = "clnp",
	.title = "ISO 8473 Connectionless Network Protocol",
	.rfc = "ISO 8473-1",
	.role = ST_ROLE_NET,
	.fields = clnp_fields,
	.nfields = NROWS,
	.decode = clnp_decode,
	.binds = clnp_binds,
	.nbinds = NFIELDS(clnp_binds),
	.summary = clnp_summary,
	.keys = clnp_keys,
	.color = "\033[34m",
	.explain_bits = 72,
	.explain = "OSI's datagram network layer, the counterpart of IP: "
	    "variable-length NSAP addresses, a lifetime in half seconds "
	    "(like a TTL), segmentation when SP is set (data unit ID, "
	    "offset, total length), and an error report (ER) sent back when "
	    "the E/R flag asks for it.  The header checksum is ISO 8473's "
	    "Fletcher sum (zero: none).",
};
