/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ES-IS, the End System to Intermediate System routeing exchange (ISO
 * 9542), NLPID 0x82: hosts announce their NSAPs (ES hello), routers their
 * NET (IS hello), and a router redirects a host to a better next hop.
 *
 *  0               1               2               3
 *  0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
 * +---------------+---------------+---------------+---------------+
 * | NLPID 0x82    | Length        | Version 1     | Reserved      |
 * |0 0 0| Type    | Holding time (s)              | Checksum ...  |
 * | ... checksum  | addresses (each a length and its bytes), options
 * +---------------+---------------+---------------+---------------+
 * Type 2 ESH: a count of source NSAPs; 4 ISH: the NET; 6 RD: the
 * destination, the subnetwork address of the next hop and its NET.  The
 * checksum is ISO 8473's Fletcher over the Length bytes (0: none).
 */
#include "strata/cksum.h"
#include "strata/out.h"
#include "fields.h"
#include "osiaddr.h"

#define ESIS_MAX_SA	32	/* source addresses of an ES hello shown */

enum { F_NLPI, F_LEN, F_VER, F_RES, F_TYPE, F_HTIME, F_CK, F_CKSTAT,
	F_NSA, F_SAL, F_SA, F_NETL, F_NET, F_DAL, F_DA, F_BSNPAL, F_BSNPA,
	F_BSNPABAD, NROWS };

static const struct st_valname type_names[] = {
	{ 2, "ES HELLO" }, { 4, "IS HELLO" }, { 6, "RD PDU" }, { 0, NULL }
};

static const struct st_field_desc esis_fields[NROWS] = {
	[F_NLPI] = FD(NULL, "esis.nlpi", "Network layer protocol ID", 0, 8,
	    ST_FMT_HEX),
	[F_LEN] = FD("len", "esis.length", "PDU length", 8, 8, ST_FMT_DEC),
	[F_VER] = FD(NULL, "esis.ver", "Version", 16, 8, ST_FMT_DEC),
	[F_RES] = FD(NULL, "esis.res", "Reserved", 24, 8, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "esis.type", "PDU type", 35, 5, ST_FMT_DEC,
	    type_names),
	[F_HTIME] = FD(NULL, "esis.htime", "Holding time (s)", 40, 16,
	    ST_FMT_DEC),
	[F_CK] = FD(NULL, "esis.chksum", "Checksum", 56, 16, ST_FMT_HEX),
	[F_CKSTAT] = FDGS("esis.chksum.status", "Checksum status"),
	[F_NSA] = FD(NULL, "esis.number_of_source_addresses",
	    "Number of source addresses", 0, 8, ST_FMT_DEC),
	[F_SAL] = FD(NULL, "esis.sal", "Source address length", 0, 8,
	    ST_FMT_DEC),
	[F_SA] = FD(NULL, "esis.sa", "Source address", 0, 0, ST_FMT_TEXT),
	[F_NETL] = FD(NULL, "esis.netl", "NET length", 0, 8, ST_FMT_DEC),
	[F_NET] = FD(NULL, "esis.net", "Network entity title", 0, 0,
	    ST_FMT_TEXT),
	[F_DAL] = FD(NULL, "esis.dal", "Destination address length", 0, 8,
	    ST_FMT_DEC),
	[F_DA] = FD(NULL, "esis.da", "Destination address", 0, 0,
	    ST_FMT_TEXT),
	[F_BSNPAL] = FD(NULL, "esis.bsnpal", "Subnetwork address length", 0,
	    8, ST_FMT_DEC),
	[F_BSNPA] = FD(NULL, "esis.bsnpa", "Subnetwork address", 0, 0,
	    ST_FMT_BYTES),
	/* One of no bytes or more than 15, as Wireshark shows it. */
	[F_BSNPABAD] = FD(NULL, "esis.bsnpa", "Subnetwork address", 0, 0,
	    ST_FMT_TEXT),
};

/*
 * A length byte (row lrow) and the address after it (row arow) at byte
 * *pos, within the PDU's end; returns 0, or -1 when it does not fit.
 */
static int
esis_addr(struct st_dctx *d, struct st_cur *c, size_t *pos, size_t end,
    int lrow, int arow)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char buf[128];
	size_t n;

	w.off += *pos;
	if (*pos + 1 > end || st_dfield(d, &w, &esis_fields[lrow]) == NULL) {
		c->err = w.err;
		return -1;
	}
	n = (size_t)st_peek_bits(&w, 0, 8);
	if (*pos + 1 + n > end)
		return -1;
	w.off++;
	if (arow == F_BSNPA) {
		if (n > 0 && n <= 15)
			st_dbytes(d, &w, &esis_fields[arow], 0, n);
		else if (st_cur_need(&w, n))
			st_dtext(d, &w, &esis_fields[F_BSNPABAD], 0, n,
			    "<Invalid length of SYSTEM ID>");
	} else if ((p = st_get_bytes(&w, n)) != NULL) {
		osi_nsap_text(buf, sizeof(buf), p, n);
		w.off -= n;
		st_dtext(d, &w, &esis_fields[arow], 0, n, buf);
	}
	if (w.err != ST_OK) {
		c->err = w.err;
		return -1;
	}
	*pos += 1 + n;
	return 0;
}

/* The checksum: ISO 8473's over the PDU's len bytes; zero: none sent. */
static void
esis_ck(struct st_dctx *d, struct st_cur *c, struct st_field *f, size_t len)
{
	struct st_cur w = *c;
	const uint8_t *p;
	unsigned want;

	if (f == NULL)
		return;
	if (f->val == 0 || (p = st_get_bytes(&w, len)) == NULL)
		f->ck = ST_CK_UNVERIFIED;
	else if ((want = st_fletcher(p, len, 7)) == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &esis_fields[F_CKSTAT]);
}

/* The addresses of a PDU of type type, len bytes, from byte 9. */
static int
esis_body(struct st_dctx *d, struct st_cur *c, unsigned type, size_t len)
{
	size_t pos = 9, i, n;

	switch (type) {
	case 2:
		if (len < 10 || st_dbytes(d, c, &esis_fields[F_NSA], 9, 1) ==
		    NULL)
			break;
		n = (size_t)st_peek_bits(c, 72, 8);
		for (pos = 10, i = 0; i < n && i < ESIS_MAX_SA; i++)
			if (esis_addr(d, c, &pos, len, F_SAL, F_SA) != 0)
				break;
		break;
	case 4:
		esis_addr(d, c, &pos, len, F_NETL, F_NET);
		break;
	case 6:
		/* A NET length of 0 is no NET section: nothing shown. */
		if (esis_addr(d, c, &pos, len, F_DAL, F_DA) == 0 &&
		    esis_addr(d, c, &pos, len, F_BSNPAL, F_BSNPA) == 0 &&
		    pos < len && st_peek_bits(c, pos * 8, 8) != 0)
			esis_addr(d, c, &pos, len, F_NETL, F_NET);
		break;
	}
	return c->err;
}

static int
esis_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck;
	size_t len;

	st_dfields(d, c, esis_fields, F_CK);
	ck = st_dfield(d, c, &esis_fields[F_CK]);
	if (c->err != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 8, 8);
	if (len < 9)
		return st_dmalformed(d, "length %zu below the fixed 9 bytes",
		    len);
	esis_ck(d, c, ck, len);
	d->hdr = len;
	d->plen = 0;
	return esis_body(d, c, (unsigned)st_peek_bits(c, 35, 5), len);
}

static const struct st_bind esis_binds[] = {
	{ ST_KEY_NLPID, 0x82 },
};

/* "ES-IS ES HELLO, holding time 300 s, 490001aa.bbccddeeff00". */
static int
esis_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NROWS];

	st_ly_fields(s->pkt, ly, esis_fields, NROWS, f);
	st_out_puts(s->o, "ES-IS");
	if (f[F_TYPE] == NULL)
		return 1;
	st_out_putc(s->o, ' ');
	st_out_puts(s->o, st_field_meaning(f[F_TYPE]) != NULL ?
	    st_field_meaning(f[F_TYPE]) : "type ?");
	if (f[F_HTIME] != NULL) {
		st_out_puts(s->o, ", holding time ");
		s->value(s, f[F_HTIME]);
		st_out_puts(s->o, " s");
	}
	if (f[F_SA] != NULL || f[F_NET] != NULL || f[F_DA] != NULL) {
		st_out_puts(s->o, ", ");
		s->value(s, f[F_SA] != NULL ? f[F_SA] : f[F_DA] != NULL ?
		    f[F_DA] : f[F_NET]);
	}
	return 1;
}

static const struct st_field_desc *const esis_keys[] = {
	&esis_fields[F_TYPE], &esis_fields[F_HTIME], &esis_fields[F_CK],
	NULL,
};

const struct st_proto st_proto_esis = {
	.name = "esis",
	.ws = "esis",
	.title = "ISO 9542 ES-IS Routeing Information Exchange Protocol",
	.rfc = "ISO 9542",
	.role = ST_ROLE_CONTROL,
	.fields = esis_fields,
	.nfields = NROWS,
	.decode = esis_decode,
	.binds = esis_binds,
	.nbinds = NFIELDS(esis_binds),
	.summary = esis_summary,
	.keys = esis_keys,
	.color = "\033[35m",
	.explain_bits = 72,
	.explain = "How OSI hosts and routers find each other on a subnetwork "
	    "(ISO 9542, the OSI counterpart of ARP and router discovery): "
	    "hosts send ES hellos naming their NSAPs, routers IS hellos "
	    "naming their NET, each valid for the holding time; a router "
	    "redirects a host to a better next hop.  The checksum is ISO "
	    "8473's Fletcher sum over the PDU (zero: none).",
};
