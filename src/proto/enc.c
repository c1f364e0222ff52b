/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenBSD's enc(4) interface (LINKTYPE_ENC, 109): the packets IPsec
 * sends and receives, before encryption and after decryption, each after
 * a 12-byte header, after Wireshark's packet-enc.c:
 *
 * +---------------------------------------------+
 * | address family (32, the capturing host's)   |
 * | SPI (32, network order)                     |
 * | flags (32, the capturing host's order)      |
 * +---------------------------------------------+
 *
 * The family and flags are in the byte order of the host that captured
 * them; Wireshark reads them in its own host's, little-endian on the
 * machines strata runs on, and so does strata.  Family 2 is IPv4, 24
 * (OpenBSD's AF_INET6) IPv6.
 */
#include "strata/out.h"
#include "fields.h"

#define ENC_HDR		12
#define ENC_M_RESERVED	0xffffc3ffu	/* the flags' bits with no name */

enum { N_AF, N_SPI, N_FLAGS, N_CONF, N_AUTH, N_COMP, N_AH, N_RSV };

static const struct st_valname af_names[] = {
	{ 2, "IPv4" }, { 24, "IPv6" }, { 0, NULL }
};

/*
 * The flags are a little-endian number: its bits 0x0400-0x2000 are in its
 * second byte, drawn here where they lie on the wire.
 */
static const struct st_field_desc enc_fields[] = {
	FDN("af", "enc.af", "Address Family", 0, 32, ST_FMT_DEC, af_names),
	FD("spi", "enc.spi", "SPI", 32, 32, ST_FMT_HEX),
	FD("flags", "enc.flags", "Flags", 64, 32, ST_FMT_HEX),
	FDD(NULL, "enc.flags.payload_enc", "Payload encrypted (0x0400)", 77,
	    1, ST_FMT_BOOL),
	FDD(NULL, "enc.flags.payload_auth", "Payload authenticated (0x0800)",
	    76, 1, ST_FMT_BOOL),
	FDD(NULL, "enc.flags.payload_compress", "Payload compressed "
	    "(0x1000)", 75, 1, ST_FMT_BOOL),
	FDD(NULL, "enc.flags.header_auth", "Header authenticated (0x2000)",
	    74, 1, ST_FMT_BOOL),
	/* Every other bit (mask 0xffffc3ff): the whole number, masked. */
	FDD(NULL, "enc.flags.reserved", "Reserved", 64, 32, ST_FMT_HEX),
};

static int
enc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_field *f;
	uint32_t af;

	f = st_dle(d, c, &enc_fields[N_AF], 0, 4);
	af = f != NULL ? (uint32_t)f->val : 0;
	st_dfield(d, c, &enc_fields[N_SPI]);
	st_dle(d, c, &enc_fields[N_FLAGS], 8, 4);
	st_dfields(d, c, &enc_fields[N_CONF], N_RSV - N_CONF);
	if (c->err == ST_OK && (f = st_dle(d, c, &enc_fields[N_RSV], 8, 4)) !=
	    NULL)
		f->val &= ENC_M_RESERVED;
	if (c->err != ST_OK || left < ENC_HDR) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = ENC_HDR;
	d->next_key = ST_KEY_ETHERTYPE;
	if (af == 2)
		d->next_val = 0x0800;
	else if (af == 24)
		d->next_val = 0x86dd;
	else {
		d->next_key = ST_KEY_NONE;
		d->data = 1;
	}
	return ST_OK;
}

static const struct st_bind enc_binds[] = {
	{ ST_KEY_LINK, 109 },		/* LINKTYPE_ENC */
};

/* "enc spi 0x00001234 authentic, confidential", as tcpdump words it. */
static int
enc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[N_FLAGS + 1];
	uint32_t fl;

	st_ly_fields(s->pkt, ly, enc_fields, N_FLAGS + 1, f);
	if (f[N_SPI] == NULL || f[N_FLAGS] == NULL)
		return 0;
	fl = (uint32_t)f[N_FLAGS]->val;
	st_out_printf(s->o, "enc spi 0x%08x %s%s%s", (unsigned)f[N_SPI]->val,
	    fl == 0 ? "unprotected" : fl & 0x0800 ? "authentic" : "",
	    (fl & 0x0c00) == 0x0c00 ? ", " : "",
	    fl & 0x0400 ? "confidential" : "");
	return 1;
}

static const struct st_field_desc *const enc_keys[] = {
	&enc_fields[N_AF], &enc_fields[N_SPI], &enc_fields[N_FLAGS], NULL,
};

const struct st_proto st_proto_enc = {
	.name = "enc",
	.ws = "enc",
	.title = "OpenBSD Encapsulating device",
	.rfc = "OpenBSD enc(4), no RFC",
	.role = ST_ROLE_LINK,
	.fields = enc_fields,
	.nfields = NFIELDS(enc_fields),
	.decode = enc_decode,
	.binds = enc_binds,
	.nbinds = NFIELDS(enc_binds),
	.summary = enc_summary,
	.keys = enc_keys,
	.color = "\033[36m",
	.explain_bits = 96,
	.explain = "OpenBSD's enc0 interface shows the packets IPsec protects "
	    "in the clear: outbound before ESP or AH wraps them, inbound "
	    "after they were unwrapped and checked.  The header names the "
	    "security association (its SPI) and what was done: payload "
	    "encrypted (confidential), authenticated, compressed (IPComp), "
	    "header authenticated (AH); no flag means the packet went "
	    "unprotected.  The family and flags are in the capturing host's "
	    "byte order, read here little-endian as Wireshark reads them on "
	    "such a host.",
};
