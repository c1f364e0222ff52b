/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * UDP (RFC 768).
 *
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |   Source Port   | Destination Port|
 * +--------+--------+--------+--------+
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 *
 * Length counts header and data.  Over IPv4 a zero checksum means none was
 * computed; over IPv6 it is not allowed (RFC 8200 8.1).
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

enum { F_SPORT, F_DPORT, F_LEN, F_CKSUM, F_CKSTAT };

static const struct st_field_desc udp_fields[] = {
	FDX("sport", "udp.srcport", "Source port", 0, 16, ST_FMT_DEC, 0, 0, 0,
	    53, NULL),
	FDX("dport", "udp.dstport", "Destination port", 16, 16, ST_FMT_DEC, 0,
	    0, 0, 53, NULL),
	FDX("len", "udp.length", "Length", 32, 16, ST_FMT_DEC, 0, ST_AUTO_LEN,
	    0, 0, NULL),
	FDX("chksum", "udp.checksum", "Checksum", 48, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDG("udp.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static const struct st_ckspec udp_ck = {
	.field = &udp_fields[F_CKSUM],
	.status = &udp_fields[F_CKSTAT],
	.lenfield = &udp_fields[F_LEN],
	.cover = ST_CKC_LENFIELD,
	.pseudo = 17,
	.zero_v4 = 1,
};

static int
udp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;
	struct st_field *ck;

	st_dfields(d, c, udp_fields, F_CKSUM);
	ck = st_dfield(d, c, &udp_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 32, 16);
	d->hdr = 8;
	if (len < 8)
		return st_dmalformed(d, "length %zu below 8", len);
	/* A first fragment carries the length of the whole datagram. */
	if (d->net.fam != 0 && len > d->net.tlen && !d->net.frag)
		st_dmalformed(d, "length %zu exceeds the IP payload of %u", len,
		    d->net.tlen);
	st_dck(d, c, &udp_ck, ck, 8);
	d->plen = len - 8;
	d->next = st_proto_port(ST_KEY_UDPPORT, (uint16_t)st_peek_bits(c, 0, 16),
	    (uint16_t)st_peek_bits(c, 16, 16));
	return ST_OK;
}

static const struct st_bind udp_binds[] = {
	{ ST_KEY_IPPROTO, 17 },
};

/* "A:p → B:p len n" (n: the payload bytes captured). */
static int
udp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	if (s->net == NULL)
		return 0;
	s->endpoints(s, ly);
	st_out_puts(s->o, " len ");
	st_out_u64(s->o, ly->len >= 8 ? ly->len - 8 : 0);
	return 1;
}

static const struct st_field_desc *const udp_qkey[] = {
	&udp_fields[F_DPORT], NULL
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const udp_keys[] = {
	&udp_fields[F_SPORT], &udp_fields[F_DPORT], &udp_fields[F_LEN], NULL,
};

/* udp.length counts the header; tcpdump's length does not. */
static void
udp_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	snprintf(buf, n, "udp.length %u; tcpdump \"UDP, length %u\" counts "
	    "the data only", total, inner);
}

static const struct st_craft udp_craft = {
	.spec = "udp",
	.hlen = 8,
};

/* A datagram to a port nobody owns draws a port unreachable. */
static int
udp_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	char port[32];

	snprintf(port, sizeof(port), "udp port %llu", (unsigned long long)
	    st_probe_val(sent, sl, &udp_fields[F_DPORT], 0));
	if (listening == ST_LISTEN_NO) {
		*expect = ST_OUT_PORT;
		snprintf(text, n, "a port unreachable from %s: no socket here "
		    "owns %s", dst, port);
	} else if (listening == ST_LISTEN_YES) {
		*expect = ST_OUT_DATA | ST_OUT_NONE;
		snprintf(text, n, "an answer from %s if the program that owns "
		    "%s answers this datagram; else nothing", dst, port);
	} else {
		*expect = ST_OUT_PORT | ST_OUT_DATA | ST_OUT_NONE;
		snprintf(text, n, "a port unreachable from %s if no socket "
		    "owns %s; the program's answer (or nothing) if one does",
		    dst, port);
	}
	return 0;
}

static unsigned
udp_outcome(const struct st_packet *got, const struct st_layer *gl)
{
	(void)got;
	(void)gl;
	return ST_OUT_DATA;
}

const struct st_proto st_proto_udp = {
	.name = "udp",
	.ws = "udp",
	.title = "User Datagram Protocol",
	.rfc = "RFC 768",
	.role = ST_ROLE_TRANSPORT,
	.fields = udp_fields,
	.nfields = NFIELDS(udp_fields),
	.decode = udp_decode,
	.binds = udp_binds,
	.nbinds = NFIELDS(udp_binds),
	.ends = { &udp_fields[F_SPORT], &udp_fields[F_DPORT] },
	.cksum = &udp_ck,
	.summary = udp_summary,
	.qkey = udp_qkey,
	.keys = udp_keys,
	.color = "\033[36m",
	.ledger = udp_ledger,
	.explain = "The length counts header and data; the checksum covers a "
	    "pseudo-header of addresses, protocol and length.",
	.craft = &udp_craft,
	.predict = udp_predict,
	.outcome = udp_outcome,
};
