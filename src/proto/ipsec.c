/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPsec: the Encapsulating Security Payload (RFC 4303, IP protocol 50),
 * the Authentication Header (RFC 4302, IP protocol 51), and IP payload
 * compression (RFC 3173, IP protocol 108), which IPsec negotiates.
 *
 * ESP:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               Security Parameters Index (SPI)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Sequence Number                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Payload, padding, pad length, next header, ICV: encrypted  |
 *
 * Without the keys nothing past the sequence number can be read, not
 * even where the ICV starts: the rest is shown as encrypted bytes.
 *
 * AH:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Header   |  Payload Len  |          RESERVED             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               Security Parameters Index (SPI)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Sequence Number                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Integrity Check Value (variable)                   |
 *
 * Payload Len is the header's length in 4-byte words, minus 2.
 */
#include <stdlib.h>

#include "strata/out.h"
#include "fields.h"

enum { E_SPI, E_SEQ, E_ENC };

static const struct st_field_desc esp_fields[] = {
	FD("spi", "esp.spi", "SPI", 0, 32, ST_FMT_HEX),
	FD("seq", "esp.sequence", "Sequence number", 32, 32, ST_FMT_DEC),
	FD(NULL, "strata.esp.encrypted", "Encrypted payload and ICV", 0, 0,
	    ST_FMT_BYTES),
};

static int
esp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);

	st_dfields(d, c, esp_fields, E_ENC);
	if (c->err != ST_OK)
		return c->err;
	/* All of it is this layer's: nothing readable follows. */
	if (left > 8)
		st_dbytes(d, c, &esp_fields[E_ENC], 8, left - 8);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind esp_binds[] = {
	{ ST_KEY_IPPROTO, 50 },
};

enum { A_NH, A_LEN, A_RES, A_SPI, A_SEQ, A_ICV };

static const struct st_field_desc ah_fields[] = {
	FDN("nh", "ah.next_header", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("len", "ah.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "ah.reserved", "Reserved", 16, 16, ST_FMT_BYTES),
	FD("spi", "ah.spi", "SPI", 32, 32, ST_FMT_HEX),
	FD("seq", "ah.sequence", "Sequence number", 64, 32, ST_FMT_DEC),
	FD(NULL, "ah.icv", "ICV", 0, 0, ST_FMT_BYTES),
};

static int
ah_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;

	st_dfields(d, c, ah_fields, A_ICV);
	if (c->err != ST_OK)
		return c->err;
	len = ((size_t)st_peek_bits(c, 8, 8) + 2) * 4;
	d->hdr = 12;
	/* Length 0 says 8 bytes, the sequence number the next header's
	 * first: tshark reads it so (an empty ICV), and so does strata. */
	if (len < 12)
		st_dbytes(d, c, &ah_fields[A_ICV], 8, 0);
	else if (len > 12 &&
	    st_dbytes(d, c, &ah_fields[A_ICV], 12, len - 12) == NULL) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	d->hdr = len;
	/* What a checksum after it covers ends where the datagram does. */
	if (d->net.tlen >= len)
		d->net.tlen -= (uint32_t)len;
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = (uint32_t)st_peek_bits(c, 0, 8);
	return ST_OK;
}

static const struct st_bind ah_binds[] = {
	{ ST_KEY_IPPROTO, 51 },
};

/*
 * IPComp (RFC 3173), IP protocol 108: the datagram's payload compressed,
 * the algorithm named by the compression parameter index.  DEFLATE's
 * (RFC 2394) is inflated, as tshark does, and what it was decodes after
 * the layer from its next header on, a note saying so; bytes that do not
 * inflate (LZS, LZJH, an algorithm of the two ends' own) are data.
 */
#define IPCOMP_MAX	65535	/* an IP payload's most, inflated */
static const struct st_valname cpi_names[] = {
	{ 1, "OUI" }, { 2, "DEFLATE" }, { 3, "LZS" }, { 4, "LZJH" },
	{ 0, NULL }
};

static const struct st_field_desc ipcomp_fields[] = {
	FDN("nh", "ipcomp.next_header", "Next header", 0, 8, ST_FMT_DEC,
	    st_ipproto_names),
	FD("flags", "ipcomp.flags", "Flags", 8, 8, ST_FMT_HEX),
	FDN("cpi", "ipcomp.cpi", "Compression parameter index", 16, 16,
	    ST_FMT_HEX, cpi_names),
};

static int
ipcomp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), n;
	uint8_t *out;

	if (st_dfields(d, c, ipcomp_fields, NFIELDS(ipcomp_fields)) != ST_OK)
		return c->err;
	d->hdr = 4;
	/* Only a payload captured whole is opened: a cut one would make
	 * half a datagram. */
	if (d->net.tlen <= 4 || left < d->net.tlen || d->net.frag) {
		if (d->net.tlen >= 4)
			d->net.tlen -= 4;
		return ST_OK;
	}
	d->net.tlen -= 4;
	if ((out = malloc(IPCOMP_MAX)) == NULL)
		return ST_OK;
	n = st_inflate(c->base + c->off + 4, d->net.tlen, out, IPCOMP_MAX);
	/* The compressed bytes stay data after this layer, as tshark
	 * shows them; the inflated ones decode after the frame's. */
	if (n > 0) {
		d->net.tlen = (uint32_t)n;
		st_dderive(d, out, n, ST_KEY_IPPROTO, st_peek_bits(c, 0, 8),
		    "the IPComp payload inflated");
	}
	free(out);
	return ST_OK;
}

static const struct st_bind ipcomp_binds[] = {
	{ ST_KEY_IPPROTO, 108 },
};

/* "A → B ipcomp cpi DEFLATE (compressed, next header 6)". */
static int
ipcomp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[3];
	const char *name;

	if (s->net == NULL)
		return 0;
	st_ly_fields(s->pkt, ly, ipcomp_fields, 3, f);
	s->endpoints(s, NULL);
	st_out_puts(s->o, " ipcomp");
	if (f[2] != NULL) {
		name = st_valname(cpi_names, (uint32_t)f[2]->val);
		st_out_printf(s->o, " cpi %s", name != NULL ? name : "");
		if (name == NULL)
			s->value(s, f[2]);
	}
	if (f[0] != NULL)
		st_out_printf(s->o, " (compressed, next header %u)",
		    (unsigned)f[0]->val);
	return 1;
}

/* "A → B esp spi 0x12345678 seq 1 len n (encrypted)". */
static int
esp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[E_ENC + 1];

	if (s->net == NULL)
		return 0;
	st_ly_fields(s->pkt, ly, esp_fields, E_ENC + 1, f);
	s->endpoints(s, NULL);
	st_out_puts(s->o, " esp spi ");
	s->value(s, f[E_SPI]);
	st_out_puts(s->o, " seq ");
	s->value(s, f[E_SEQ]);
	st_out_puts(s->o, " len ");
	st_out_u64(s->o, ly->len);
	st_out_puts(s->o, " (encrypted)");
	return 1;
}

static const struct st_field_desc *const esp_keys[] = {
	&esp_fields[E_SPI], &esp_fields[E_SEQ], NULL,
};

static const struct st_field_desc *const ah_keys[] = {
	&ah_fields[A_NH], &ah_fields[A_SPI], &ah_fields[A_SEQ], NULL,
};

const struct st_proto st_proto_esp = {
	.name = "esp",
	.ws = "esp",
	.title = "Encapsulating Security Payload",
	.rfc = "RFC 4303",
	.role = ST_ROLE_TRANSPORT,
	.fields = esp_fields,
	.nfields = NFIELDS(esp_fields),
	.decode = esp_decode,
	.binds = esp_binds,
	.nbinds = NFIELDS(esp_binds),
	.summary = esp_summary,
	.keys = esp_keys,
	.color = "\033[31m",
	.explain_bits = 64,
	.explain = "The SPI names the security association, the sequence "
	    "number counts its packets; everything after them is encrypted "
	    "(the payload, padding, next header and the integrity check).",
};

const struct st_proto st_proto_ipcomp = {
	.name = "ipcomp",
	.ws = "ipcomp",
	.title = "IP Payload Compression",
	.rfc = "RFC 3173",
	.role = ST_ROLE_NETEXT,
	.fields = ipcomp_fields,
	.nfields = NFIELDS(ipcomp_fields),
	.decode = ipcomp_decode,
	.binds = ipcomp_binds,
	.nbinds = NFIELDS(ipcomp_binds),
	.summary = ipcomp_summary,
	.color = "\033[31m",
	.explain_bits = 32,
	.explain = "IPComp shrinks a datagram's payload before IPsec encrypts "
	    "it (encrypted bytes no longer compress). The next header says "
	    "what the payload is once inflated; the compression parameter "
	    "index names the algorithm (2 DEFLATE, 3 LZS) or, above 61439, "
	    "one the two ends agreed on. The compressed bytes are shown as "
	    "data.",
};

const struct st_proto st_proto_ah = {
	.name = "ah",
	.ws = "ah",
	.title = "Authentication Header",
	.rfc = "RFC 4302",
	.role = ST_ROLE_NETEXT,
	.fields = ah_fields,
	.nfields = NFIELDS(ah_fields),
	.decode = ah_decode,
	.binds = ah_binds,
	.nbinds = NFIELDS(ah_binds),
	.keys = ah_keys,
	.color = "\033[31m",
	.explain_bits = 96,
	.explain = "The length is the header's in 4-byte words minus 2; the "
	    "integrity check value after the sequence number covers the "
	    "packet's fields that do not change in transit.",
};
