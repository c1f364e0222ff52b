/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DTLS (RFC 6347, DTLS 1.2; RFC 4347, 1.0): TLS made to survive a lossy
 * datagram service.  Each record names its epoch (bumped by every
 * ChangeCipherSpec: epoch 0 is in the clear) and a 48-bit sequence number,
 * since datagrams may be lost or reordered; handshake messages carry a
 * message sequence and may be cut into fragments that fit a datagram.  A
 * server may answer a ClientHello with a HelloVerifyRequest holding a
 * cookie, which the client sends back in a second ClientHello, so that a
 * forged source address cannot make the server do work.
 *
 * Record (13 bytes, then the fragment):
 *
 *  0        8                24               40
 * +--------+----------------+----------------+----------------------//
 * | type   |    version     |     epoch      |  sequence number (48)
 * +--------+----------------+----------------+----------------------//
 *   88               104
 * +----------------+
 * |     length     |
 * +----------------+
 *
 * Handshake message (12 bytes, then the body or a fragment of it):
 * type (8) | length (24) | message seq (16) | fragment offset (24) |
 * fragment length (24)
 *
 * The bodies are TLS's, decoded by tlshs.c with the rows of
 * st_dtls_tlsfields (Wireshark's dtls.handshake.* names), the ClientHello
 * with its cookie; the HelloVerifyRequest is here.  One layer per record,
 * as TLS's; a datagram often holds several.
 */
#include <string.h>

#include "strata/out.h"
#include "tls.h"

#define DTLS_MSGS	16	/* handshake messages per record */

enum { D_CTYPE, D_VERSION, D_EPOCH, D_SEQ, D_LEN, D_MSGSEQ, D_FOFF, D_FLEN,
	D_COOKIELEN, D_COOKIE, D_SRTPLEN, D_SRTP, D_MKILEN, D_MKI, D_N };

/* The hello's rows tlshs.c reads (tls.h's TLS_D_*), in its order. */
_Static_assert(D_COOKIE - D_COOKIELEN == TLS_D_COOKIE &&
    D_MKI - D_COOKIELEN == TLS_D_MKI && D_N - D_COOKIELEN == TLS_D_N,
    "dtls_fields must hold tls.h's TLS_D_* rows in order");

#define T(f)	(&st_dtls_tlsfields[f])

static const struct st_valname version_names[] = {
	{ 0xfeff, "DTLS 1.0" }, { 0xfefd, "DTLS 1.2" },
	{ 0xfefc, "DTLS 1.3" }, { 0x0100, "DTLS 1.0 (OpenSSL pre 0.9.8f)" },
	{ 0, NULL }
};

/* SRTP protection profiles (IANA's DTLS-SRTP registry). */
static const struct st_valname srtp_names[] = {
	{ 0x0001, "SRTP_AES128_CM_HMAC_SHA1_80" },
	{ 0x0002, "SRTP_AES128_CM_HMAC_SHA1_32" },
	{ 0x0005, "SRTP_NULL_HMAC_SHA1_80" },
	{ 0x0006, "SRTP_NULL_HMAC_SHA1_32" },
	{ 0x0007, "SRTP_AEAD_AES_128_GCM" },
	{ 0x0008, "SRTP_AEAD_AES_256_GCM" }, { 0, NULL }
};

/*
 * The record's rows, then those of a handshake message (st_dbytes places
 * them; their offsets here are those of the first message of a record,
 * for explain, and the cookie's those of a HelloVerifyRequest's).
 */
static const struct st_field_desc dtls_fields[D_N] = {
	[D_CTYPE] = FDN(NULL, st_dtls_n_ctype, "Content type", 0, 8,
	    ST_FMT_DEC, st_tls_ctype_names),
	[D_VERSION] = FDN(NULL, st_dtls_n_version, "Version", 8, 16,
	    ST_FMT_HEX, version_names),
	[D_EPOCH] = FD(NULL, "dtls.record.epoch", "Epoch", 24, 16,
	    ST_FMT_DEC),
	[D_SEQ] = FD(NULL, "dtls.record.sequence_number", "Sequence number",
	    40, 48, ST_FMT_DEC),
	[D_LEN] = FD(NULL, st_dtls_n_length, "Length", 88, 16, ST_FMT_DEC),
	[D_MSGSEQ] = FD(NULL, "dtls.handshake.message_seq", "Message "
	    "sequence", 136, 16, ST_FMT_DEC),
	[D_FOFF] = FD(NULL, "dtls.handshake.fragment_offset", "Fragment "
	    "offset", 152, 24, ST_FMT_DEC),
	[D_FLEN] = FD(NULL, "dtls.handshake.fragment_length", "Fragment "
	    "length", 176, 24, ST_FMT_DEC),
	[D_COOKIELEN] = FD(NULL, "dtls.handshake.cookie_length", "Cookie "
	    "length", 216, 8, ST_FMT_DEC),
	[D_COOKIE] = FD(NULL, "dtls.handshake.cookie", "Cookie", 0, 0,
	    ST_FMT_BYTES),
	[D_SRTPLEN] = FD(NULL, "dtls.use_srtp.protection_profiles_length",
	    "SRTP protection profiles length", 0, 16, ST_FMT_DEC),
	[D_SRTP] = FDN(NULL, "dtls.use_srtp.protection_profile", "SRTP "
	    "protection profile", 0, 16, ST_FMT_HEX, srtp_names),
	[D_MKILEN] = FD(NULL, "dtls.use_srtp.mki_length", "MKI length", 0, 8,
	    ST_FMT_DEC),
	[D_MKI] = FD(NULL, "dtls.use_srtp.mki", "MKI (master key "
	    "identifier)", 0, 0, ST_FMT_BYTES),
};

/* Whether the 13 bytes at c plausibly start a record: a content type TLS
 * knows and a DTLS version (Wireshark's looks_like_dtls); sets *len. */
static int
record_head(struct st_cur *c, size_t *len)
{
	unsigned type, ver;

	if (st_cur_left(c) < 13)
		return 0;
	type = (unsigned)st_peek_bits(c, 0, 8);
	ver = (unsigned)st_peek_bits(c, 8, 16);
	*len = (size_t)st_peek_bits(c, 88, 16);
	return type >= 20 && type <= 24 &&
	    (ver == 0xfeff || ver == 0xfefd || ver == 0x0100);
}

/* A HelloVerifyRequest: the server's version and the cookie to echo. */
static void
hello_verify(struct st_dctx *d, struct tls_span *m)
{
	unsigned n;

	if (!tls_has(m, 3))
		return;
	tls_add(d, m, F_HVERSION, m->pos, 2);
	n = tls_get(m, m->pos + 2, 1);
	st_dbytes(d, m->c, &dtls_fields[D_COOKIELEN], m->pos + 2, 1);
	if (n > 0 && tls_has(m, 3 + n))
		st_dbytes(d, m->c, &dtls_fields[D_COOKIE], m->pos + 3, n);
}

/* The rest of the span as an encrypted handshake message. */
static void
encrypted(struct st_dctx *d, struct tls_span *s)
{
	tls_add(d, s, F_ENCHS, s->pos, s->end - s->pos);
}

/*
 * The handshake messages of a record, s its fragment.  As Wireshark: a
 * message is taken as one when its type is known and its fragment ends
 * within the record; the first that is not is the ciphertext of an
 * encrypted message (a Finished after ChangeCipherSpec), and after the
 * first nothing more is read.  A body is decoded only when the fragment
 * is the whole message.  rend is where the record ends as declared; the
 * span ends where the capture does, if that is sooner.
 */
static void
handshake(struct st_dctx *d, struct tls_span *s, size_t rend)
{
	struct tls_span m;
	size_t hl, fo, fl;
	unsigned ht, i;

	for (i = 0; i < DTLS_MSGS && s->pos < s->end; i++) {
		if (!tls_has(s, 12)) {
			if (i == 0)
				encrypted(d, s);
			else
				st_pkt_note(d->pkt, "DTLS: a handshake "
				    "message header is cut short");
			return;
		}
		ht = tls_get(s, s->pos, 1);
		hl = tls_get(s, s->pos + 1, 3);
		fo = tls_get(s, s->pos + 6, 3);
		fl = tls_get(s, s->pos + 9, 3);
		if (s->pos + fl > rend || !st_tls_known_type(ht)) {
			if (i == 0)
				encrypted(d, s);
			return;
		}
		tls_add(d, s, F_HTYPE, s->pos, 1);
		tls_add(d, s, F_HLEN, s->pos + 1, 3);
		st_dbytes(d, s->c, &dtls_fields[D_MSGSEQ], s->pos + 4, 2);
		st_dbytes(d, s->c, &dtls_fields[D_FOFF], s->pos + 6, 3);
		st_dbytes(d, s->c, &dtls_fields[D_FLEN], s->pos + 9, 3);
		m = *s;
		m.pos = s->pos + 12;
		m.end = m.pos + fl;
		if (m.end > rend) {		/* ends past the record */
			st_pkt_note(d->pkt, "DTLS: a handshake fragment runs "
			    "past its record");
			m.end = rend;
		}
		if (m.end > s->end)		/* the capture is cut */
			m.end = s->end;
		if (fo == 0 && fl == hl) {
			if (ht == 3)
				hello_verify(d, &m);
			else
				st_tls_hsbody(d, &m, ht);
		} else
			st_pkt_note(d->pkt, "DTLS: a fragment of a handshake "
			    "message, its body not decoded (the rest is in "
			    "other records)");
		if (m.pos + fl >= rend)
			return;
		s->pos += 12 + fl;
	}
}

static int
dtls_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	unsigned type;
	struct tls_span s;
	struct tls_certs certs;

	d->hdr = left;
	d->plen = 0;
	if (!record_head(c, &len)) {
		type = left > 0 ? (unsigned)st_peek_bits(c, 0, 8) : 0;
		if (left >= 13 || type < 20 || type > 24)
			return ST_ENOTME;	/* not a record */
		/* A record header cut short: what there is of it. */
		st_dfields(d, c, dtls_fields, D_LEN + 1);
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "a record header of %zu bytes", left);
	}
	type = (unsigned)st_peek_bits(c, 0, 8);
	st_dfields(d, c, dtls_fields, D_LEN + 1);
	s.c = c;
	s.pos = 13;
	s.end = 13 + len < left ? 13 + len : left;
	s.tab = st_dtls_tlsfields;
	s.dtls = &dtls_fields[D_COOKIELEN];
	certs.n = 0;
	s.certs = &certs;
	if (type == 22)
		handshake(d, &s, 13 + len);
	else		/* change cipher spec, alert, data, heartbeat */
		st_tls_content(d, &s, type, len);
	d->hdr = s.end;
	if (13 + len > left) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "record length %zu runs past the "
		    "datagram (%zu bytes left)", len, left - 13);
	}
	st_tls_record_end(d, c, &certs, left);
	return ST_OK;
}

/*
 * By content, as Wireshark's DTLS heuristic (on by default): the
 * datagram is a chain of records, each with a content type and a DTLS
 * version, whose lengths end exactly at its end.
 */
static int
dtls_heuristic(struct st_cur *c)
{
	size_t len;
	unsigned i;

	for (i = 0; i < 64 && record_head(c, &len); i++) {
		if (!st_cur_skip(c, 13) || !st_cur_skip(c, len))
			return 0;
		if (st_cur_left(c) == 0)
			return 1;
	}
	return 0;
}

static const struct st_bind dtls_binds[] = {
	{ ST_KEY_UDPPORT, 853 },	/* DNS over DTLS (RFC 8094) */
	{ ST_KEY_UDPPORT, 2221 },	/* EtherNet/IP over DTLS */
	{ ST_KEY_UDPPORT, 5684 },	/* CoAP over DTLS (RFC 7252) */
	{ ST_KEY_UDPPORT, 5868 },	/* Diameter over DTLS (RFC 6733) */
};

/* One record: "client hello", "hello verify request", "epoch 1
 * application data (encrypted)", "alert 40". */
static void
record_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NTLS], *g[D_N];
	const char *m;

	st_ly_fields(s->pkt, ly, st_dtls_tlsfields, F_NTLS, f);
	st_ly_fields(s->pkt, ly, dtls_fields, D_N, g);
	if (g[D_EPOCH] != NULL && g[D_EPOCH]->val != 0)
		st_out_printf(s->o, "epoch %u ", (unsigned)g[D_EPOCH]->val);
	if (f[F_HTYPE] != NULL && (m = st_field_meaning(f[F_HTYPE])) != NULL) {
		st_out_puts(s->o, m);
		if (g[D_FLEN] != NULL && f[F_HLEN] != NULL &&
		    g[D_FLEN]->val != f[F_HLEN]->val)
			st_out_puts(s->o, " (fragment)");
		if (f[F_SNI] != NULL) {
			st_out_puts(s->o, " sni ");
			s->value(s, f[F_SNI]);
		}
		if (f[F_HTYPE]->val == 2 && f[F_CS] != NULL) {
			st_out_puts(s->o, " cipher ");
			s->value(s, f[F_CS]);
		}
	} else if (g[D_CTYPE] != NULL &&
	    (m = st_field_meaning(g[D_CTYPE])) != NULL) {
		st_out_puts(s->o, m);
		if (f[F_ADESC] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_ADESC]);
		} else if (f[F_APPDATA] != NULL || f[F_ENCHS] != NULL ||
		    f[F_ALERTENC] != NULL)
			st_out_puts(s->o, " (encrypted)");
	} else
		st_out_puts(s->o, "record");
}

/* "dtls change cipher spec, epoch 1 handshake (encrypted)": every
 * record of the datagram, the epoch of those past the first. */
static int
dtls_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	unsigned i;
	int n = 0;

	st_out_puts(s->o, "dtls");
	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		st_out_puts(s->o, n++ > 0 ? ", " : " ");
		record_facts(s, t);
	}
	return 1;
}

static const struct st_field_desc *const dtls_keys[] = {
	&dtls_fields[D_CTYPE], &dtls_fields[D_EPOCH], &dtls_fields[D_SEQ],
	T(F_HTYPE), NULL,
};

const struct st_proto st_proto_dtls = {
	.name = "dtls",
	.ws = "dtls",
	.title = "Datagram Transport Layer Security",
	.rfc = "RFC 6347",
	.role = ST_ROLE_APP,
	.fields = dtls_fields,
	.nfields = D_N,
	.more = st_dtls_tlsfields,
	.nmore = F_NTLS,
	.decode = dtls_decode,
	.binds = dtls_binds,
	.nbinds = NFIELDS(dtls_binds),
	.heuristic = dtls_heuristic,
	.summary = dtls_summary,
	.keys = dtls_keys,
	.color = "\033[93m",
	.explain_bits = 104,
	.explain = "DTLS is TLS for datagrams (UDP): WebRTC's media keys, "
	    "CoAP, VPNs such as OpenConnect.  Each record carries an epoch "
	    "(0 until the first ChangeCipherSpec, then each new key set "
	    "raises it) and a 48-bit sequence number, because datagrams "
	    "arrive lost or out of order; records after ChangeCipherSpec "
	    "are encrypted, and only their headers can be read.  Handshake "
	    "messages carry a message sequence and may be cut into "
	    "fragments (offset and length) that fit one datagram each.  A "
	    "server may answer a first ClientHello with a "
	    "HelloVerifyRequest holding a cookie: only a client that "
	    "receives it at its address can send it back in a second "
	    "ClientHello, so a forged source cannot make the server work "
	    "or reflect large answers.",
};
