/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLS (RFC 8446, RFC 5246, RFC 6520): the record layer, every content type
 * (change cipher spec, alert, handshake, application data, heartbeat), one
 * layer per record, several per segment.  A segment that starts inside a
 * record (its beginning was in an earlier segment) is shown as a
 * continuation; a record that goes on in a later segment is decoded as far
 * as this one goes and marked.  Handshake messages are in tlshs.c.
 *
 * Record: type (8) | version (16) | length (16) | fragment
 */
#include <string.h>

#include "strata/out.h"
#include "tls.h"

#define TLS_MAXREC	(16384 + 2048)	/* the largest record allowed */

const struct st_valname st_tls_ctype_names[] = {
	{ 20, "change cipher spec" }, { 21, "alert" }, { 22, "handshake" },
	{ 23, "application data" }, { 24, "heartbeat" }, { 0, NULL }
};

static const struct st_valname version_names[] = {
	{ 0x0300, "SSL 3.0" }, { 0x0301, "TLS 1.0" }, { 0x0302, "TLS 1.1" },
	{ 0x0303, "TLS 1.2" }, { 0x0304, "TLS 1.3" }, { 0, NULL }
};

static const struct st_valname hs_names[] = {
	{ 0, "hello request" }, { 1, "client hello" }, { 2, "server hello" },
	{ 3, "hello verify request" },		/* DTLS's (RFC 6347 4.2.1) */
	{ 4, "new session ticket" }, { 5, "end of early data" },
	{ 8, "encrypted extensions" }, { 11, "certificate" },
	{ 12, "server key exchange" }, { 13, "certificate request" },
	{ 14, "server hello done" }, { 15, "certificate verify" },
	{ 16, "client key exchange" }, { 20, "finished" },
	{ 21, "certificate url" }, { 22, "certificate status" },
	{ 24, "key update" }, { 0, NULL }
};

/* IANA TLS ExtensionType values, by Wireshark's names. */
static const struct st_valname ext_names[] = {
	{ 0, "server_name" }, { 1, "max_fragment_length" },
	{ 5, "status_request" }, { 10, "supported_groups" },
	{ 11, "ec_point_formats" }, { 13, "signature_algorithms" },
	{ 14, "use_srtp" }, { 15, "heartbeat" },
	{ 16, "application_layer_protocol_negotiation" },
	{ 18, "signed_certificate_timestamp" }, { 21, "padding" },
	{ 22, "encrypt_then_mac" }, { 23, "extended_master_secret" },
	{ 27, "compress_certificate" }, { 28, "record_size_limit" },
	{ 35, "session_ticket" }, { 41, "pre_shared_key" },
	{ 42, "early_data" }, { 43, "supported_versions" }, { 44, "cookie" },
	{ 45, "psk_key_exchange_modes" }, { 49, "post_handshake_auth" },
	{ 50, "signature_algorithms_cert" }, { 51, "key_share" },
	{ 57, "quic_transport_parameters" }, { 13172,
	"next_protocol_negotiation" }, { 17513, "application_settings" },
	{ 65037, "encrypted_client_hello" }, { 65281, "renegotiation_info" },
	{ 0, NULL }
};

static const struct st_valname group_names[] = {
	{ 23, "secp256r1" }, { 24, "secp384r1" }, { 25, "secp521r1" },
	{ 29, "x25519" }, { 30, "x448" }, { 256, "ffdhe2048" },
	{ 257, "ffdhe3072" }, { 0x11ec, "X25519MLKEM768" }, { 0, NULL }
};

static const struct st_valname sigalg_names[] = {
	{ 0x0401, "rsa_pkcs1_sha256" }, { 0x0501, "rsa_pkcs1_sha384" },
	{ 0x0601, "rsa_pkcs1_sha512" }, { 0x0403, "ecdsa_secp256r1_sha256" },
	{ 0x0503, "ecdsa_secp384r1_sha384" }, { 0x0603,
	"ecdsa_secp521r1_sha512" }, { 0x0804, "rsa_pss_rsae_sha256" },
	{ 0x0805, "rsa_pss_rsae_sha384" }, { 0x0806, "rsa_pss_rsae_sha512" },
	{ 0x0807, "ed25519" }, { 0x0808, "ed448" }, { 0x0201,
	"rsa_pkcs1_sha1" }, { 0x0203, "ecdsa_sha1" }, { 0, NULL }
};

/* The cipher suites seen most, by their RFC names. */
static const struct st_valname cs_names[] = {
	{ 0x1301, "TLS_AES_128_GCM_SHA256" },
	{ 0x1302, "TLS_AES_256_GCM_SHA384" },
	{ 0x1303, "TLS_CHACHA20_POLY1305_SHA256" },
	{ 0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" },
	{ 0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" },
	{ 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" },
	{ 0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" },
	{ 0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" },
	{ 0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" },
	{ 0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA" },
	{ 0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA" },
	{ 0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA" },
	{ 0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA" },
	{ 0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256" },
	{ 0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384" },
	{ 0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA" },
	{ 0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA" },
	{ 0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA" },
	{ 0x0005, "TLS_RSA_WITH_RC4_128_SHA" },
	{ 0x0004, "TLS_RSA_WITH_RC4_128_MD5" },
	{ 0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV" },
	{ 0x5600, "TLS_FALLBACK_SCSV" }, { 0, NULL }
};

static const struct st_valname alert_level_names[] = {
	{ 1, "warning" }, { 2, "fatal" }, { 0, NULL }
};

static const struct st_valname alert_names[] = {
	{ 0, "close notify" }, { 10, "unexpected message" },
	{ 20, "bad record mac" }, { 22, "record overflow" },
	{ 40, "handshake failure" }, { 42, "bad certificate" },
	{ 43, "unsupported certificate" }, { 44, "certificate revoked" },
	{ 45, "certificate expired" }, { 46, "certificate unknown" },
	{ 47, "illegal parameter" }, { 48, "unknown CA" },
	{ 49, "access denied" }, { 50, "decode error" },
	{ 51, "decrypt error" }, { 70, "protocol version" },
	{ 71, "insufficient security" }, { 80, "internal error" },
	{ 86, "inappropriate fallback" }, { 90, "user canceled" },
	{ 100, "no renegotiation" }, { 109, "missing extension" },
	{ 110, "unsupported extension" }, { 112, "unrecognized name" },
	{ 116, "certificate required" }, { 120, "no application protocol" },
	{ 0, NULL }
};

/* RFC 8879's certificate compression algorithms. */
static const struct st_valname cc_alg_names[] = {
	{ 1, "zlib" }, { 2, "brotli" }, { 3, "zstd" }, { 0, NULL }
};

static const struct st_valname hb_names[] = {
	{ 1, "request" }, { 2, "response" }, { 0, NULL }
};

/* Rows of tlsrows.h, named under TLS_NS ("" for TLS, "d" for DTLS). */
#define H(n, l, w, f)		FD(NULL, TLS_NS "tls.handshake." n, l, 0, \
				    w, f)
#define HN(n, l, w, f, nm)	FDN(NULL, TLS_NS "tls.handshake." n, l, 0, \
				    w, f, nm)
#define X(n, l, w, f)		FD(NULL, TLS_NS "tls.handshake.extensions_" \
				    n, l, 0, w, f)

/* QUIC's transport parameters (RFC 9000 18.2, IANA's registry). */
static const struct st_valname quic_tp_names[] = {
	{ 0x00, "original_destination_connection_id" },
	{ 0x01, "max_idle_timeout" }, { 0x02, "stateless_reset_token" },
	{ 0x03, "max_udp_payload_size" }, { 0x04, "initial_max_data" },
	{ 0x05, "initial_max_stream_data_bidi_local" },
	{ 0x06, "initial_max_stream_data_bidi_remote" },
	{ 0x07, "initial_max_stream_data_uni" },
	{ 0x08, "initial_max_streams_bidi" },
	{ 0x09, "initial_max_streams_uni" }, { 0x0a, "ack_delay_exponent" },
	{ 0x0b, "max_ack_delay" }, { 0x0c, "disable_active_migration" },
	{ 0x0d, "preferred_address" }, { 0x0e, "active_connection_id_limit" },
	{ 0x0f, "initial_source_connection_id" },
	{ 0x10, "retry_source_connection_id" },
	{ 0x11, "version_information" }, { 0x20, "max_datagram_frame_size" },
	{ 0x2ab2, "grease_quic_bit" }, { 0x3127, "google_initial_rtt" },
	{ 0x3128, "google_connection_options" },
	{ 0x4752, "google_quic_version" }, { 0xff73db, "version_information" },
	{ 0xff02de1a, "min_ack_delay" }, { 0xff04de1a, "min_ack_delay" },
	{ 0, NULL }
};

#define Q(n, l, f)	FD(NULL, TLS_NS "tls.quic.parameter." n, l, 0, 0, f)
#define P(n, l, w, f)	FD(NULL, TLS_NS "tls.handshake.extensions.psk." \
			    n, l, 0, w, f)
#define QN(n, l, f, nm)	FDN(NULL, TLS_NS "tls.quic.parameter." n, l, \
			    0, 0, f, nm)

const struct st_field_desc st_tls_fields[F_NTLS] = {
#define TLS_NS ""
#define TLS_REC_CTYPE	"tls.record.content_type"
#define TLS_REC_VERSION	"tls.record.version"
#define TLS_REC_LENGTH	"tls.record.length"
#include "tlsrows.h"
#undef TLS_NS
#undef TLS_REC_CTYPE
#undef TLS_REC_VERSION
#undef TLS_REC_LENGTH
};

/* DTLS's record names, spelt once for both tables that hold them (this
 * file's, whose record rows DTLS does not use, and dtls.c's). */
const char st_dtls_n_ctype[] = "dtls.record.content_type";
const char st_dtls_n_version[] = "dtls.record.version";
const char st_dtls_n_length[] = "dtls.record.length";

/* The same rows under DTLS's names, for dtls.c: its handshake bodies are
 * TLS's, decoded by tlshs.c with this table. */
const struct st_field_desc st_dtls_tlsfields[F_NTLS] = {
#define TLS_NS "d"
#define TLS_REC_CTYPE	st_dtls_n_ctype
#define TLS_REC_VERSION	st_dtls_n_version
#define TLS_REC_LENGTH	st_dtls_n_length
#include "tlsrows.h"
#undef TLS_NS
#undef TLS_REC_CTYPE
#undef TLS_REC_VERSION
#undef TLS_REC_LENGTH
};

/* Whether the bytes at c start a record; sets *type and *len. */
static int
record_head(struct st_cur *c, unsigned *type, size_t *len)
{
	unsigned ver;

	if (st_cur_left(c) < 5)
		return 0;
	*type = (unsigned)st_peek_bits(c, 0, 8);
	ver = (unsigned)st_peek_bits(c, 8, 16);
	*len = (size_t)st_peek_bits(c, 24, 16);
	return *type >= 20 && *type <= 24 && (ver >> 8) == 3 &&
	    (ver & 0xff) <= 4 && *len <= TLS_MAXREC;
}

/* Whether the layer before this one is a TLS record (of this segment),
 * past the layers made of a record's parts (its certificates). */
static int
after_record(const struct st_dctx *d)
{
	const struct st_packet *pkt = d->pkt;
	const struct st_layer *b;

	if (d->ly == pkt->layers)
		return 0;
	for (b = d->ly - 1; b > pkt->layers && b->proto != d->ly->proto &&
	    st_ly_part(pkt, b); b--)
		;
	return b->proto == d->ly->proto;
}

/* A heartbeat (RFC 6520): type, payload length, payload, padding; an
 * encrypted one (after the handshake) has no readable type. */
static void
heartbeat(struct st_dctx *d, struct tls_span *s)
{
	size_t n = s->end - s->pos, pl;
	unsigned t;

	if (!tls_has(s, 3))
		return;
	t = tls_get(s, s->pos, 1);
	pl = tls_get(s, s->pos + 1, 2);
	if ((t != 1 && t != 2) || 3 + pl + 16 > n) {
		tls_add(d, s, F_APPDATA, s->pos, n);	/* encrypted */
		return;
	}
	tls_add(d, s, F_HBTYPE, s->pos, 1);
	tls_add(d, s, F_HBPLEN, s->pos + 1, 2);
	if (pl > 0)
		tls_add(d, s, F_HBPAYLOAD, s->pos + 3, pl);
	tls_add(d, s, F_HBPAD, s->pos + 3 + pl, n - 3 - pl);
}

void
st_tls_content(struct st_dctx *d, struct tls_span *s, unsigned type,
    size_t len)
{
	size_t at = s->pos;

	switch (type) {
	case 20:
		if (s->end > at)
			tls_add(d, s, F_CCS, at, s->end - at);
		break;
	case 21:
		if (len == 2 && tls_has(s, 2)) {
			tls_add(d, s, F_ALEVEL, at, 1);
			tls_add(d, s, F_ADESC, at + 1, 1);
		} else if (s->end > at)		/* encrypted alert */
			tls_add(d, s, F_ALERTENC, at, s->end - at);
		break;
	case 23:
		if (s->end > at)
			tls_add(d, s, F_APPDATA, at, s->end - at);
		break;
	case 24:
		heartbeat(d, s);
		break;
	}
}

void
st_tls_record_end(struct st_dctx *d, struct st_cur *c,
    const struct tls_certs *certs, size_t left)
{
	const struct st_proto *x509;
	unsigned i;

	/* Its whole certificates, each a layer after this one (the last
	 * fields of the record are added). */
	x509 = st_proto_next(ST_KEY_MEDIA, ST_MEDIA_X509);
	for (i = 0; x509 != NULL && i < certs->n; i++)
		st_dsublayer(d, c, x509, certs->off[i], certs->len[i]);
	/* More records may follow in the same segment or datagram. */
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another record */
}

static int
tls_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	unsigned type;
	struct tls_span s;
	struct tls_certs certs;

	if (!record_head(c, &type, &len)) {
		if (after_record(d))
			return left < 5 ? ST_ETRUNC : ST_ENOTME;
		/* Another protocol's bytes on a TLS port: let it have them. */
		if (st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto) != NULL)
			return ST_ENOTME;
		/* The middle of a record begun in an earlier segment. */
		st_dbytes(d, c, &st_tls_fields[F_CONT], 0, left);
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	st_dfields(d, c, st_tls_fields, 3);
	s.c = c;
	s.pos = 5;
	s.end = 5 + len < left ? 5 + len : left;
	certs.n = 0;
	s.certs = &certs;
	s.tab = st_tls_fields;
	s.dtls = NULL;
	if (5 + len > left)
		st_pkt_note(d->pkt, "TLS: a record continues in a later "
		    "segment");
	if (type == 22)
		st_tls_handshake(d, &s);
	else
		st_tls_content(d, &s, type, len);
	d->hdr = s.end;
	st_tls_record_end(d, c, &certs, left);
	return ST_OK;
}

/*
 * By content: a record header (a content type, version 3.0 to 3.4, a
 * length no record exceeds) whose first message is plausible too: a
 * handshake of a known type that fits the record, a two-byte alert, a
 * one-byte change cipher spec, a heartbeat with its 16 bytes of padding,
 * the last three whole in the segment; and if the record ends in it,
 * what follows starts another record.  Replies are recognised the same
 * way, as every record starts so.
 */
static int
tls_heuristic(struct st_cur *c)
{
	size_t len, left = st_cur_left(c);
	unsigned type, t;

	if (!record_head(c, &type, &len) || len == 0)
		return 0;
	if (type == 22 && left >= 9) {
		t = (unsigned)st_peek_bits(c, 40, 8);
		if (st_valname(hs_names, t) == NULL ||
		    st_peek_bits(c, 48, 24) + 4 > len)
			return 0;
	} else if ((type == 21 && len != 2 && len < 18) ||
	    (type == 20 && len != 1) || (type == 24 && len < 19))
		return 0;
	/* A control record (not handshake or data) is small: all here. */
	if (type != 22 && type != 23 && 5 + len > left)
		return 0;
	if (5 + len + 5 <= left) {
		st_cur_skip(c, 5 + len);
		return record_head(c, &type, &len);
	}
	return 1;
}

/* @reasm */
/*
 * The record at c is 5 + length bytes (strata/proto.h, pdu_len): what the
 * reassembly gathers.  A header cut short says "more" when what there is
 * of it could start one.
 */
static size_t
tls_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	unsigned type;

	if (left == 0)
		return 0;
	if (left < 5) {
		type = (unsigned)st_peek_bits(c, 0, 8);
		if (type < 20 || type > 24 ||
		    (left >= 2 && st_peek_bits(c, 8, 8) != 3))
			return 0;
		return ST_PDU_MORE;
	}
	return record_head(c, &type, &len) ? 5 + len : 0;
}

static const struct st_bind tls_binds[] = {
	{ ST_KEY_TCPPORT, 443 },
	{ ST_KEY_TCPPORT, 853 },	/* DNS over TLS */
	{ ST_KEY_TCPPORT, 8443 },
	{ ST_KEY_TCPPORT, 465 },	/* SMTP submission over TLS */
	{ ST_KEY_TCPPORT, 993 },	/* IMAP over TLS */
	{ ST_KEY_TCPPORT, 995 },	/* POP3 over TLS */
	{ ST_KEY_TCPPORT, 636 },	/* LDAP over TLS */
};

/* Every value of row d in layer ly, joined by ",", at most max of them. */
static void
tls_sum_all(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field_desc *d, int max)
{
	unsigned i;
	int n = 0;

	for (i = ly->field0; i < (unsigned)ly->field0 + ly->nfields; i++)
		if (s->pkt->fields[i].desc == d) {
			if (n++ == max) {
				st_out_puts(s->o, ",...");
				return;
			}
			if (n > 1)
				st_out_putc(s->o, ',');
			s->value(s, &s->pkt->fields[i]);
		}
}

/* A handshake record: "tls client hello sni example.com alpn h2". */
static void
tls_sum_handshake(struct st_sumctx *s, const struct st_layer *t,
    const struct st_field **f)
{
	st_out_printf(s->o, "tls %s", st_field_meaning(f[F_HTYPE]));
	if (f[F_SNI] != NULL) {
		st_out_puts(s->o, " sni ");
		s->value(s, f[F_SNI]);
	}
	if (f[F_ALPN] != NULL) {
		st_out_puts(s->o, " alpn ");
		tls_sum_all(s, t, &st_tls_fields[F_ALPN], 4);
	}
	if (f[F_HTYPE]->val == 2 && f[F_CS] != NULL) {
		st_out_puts(s->o, " cipher ");
		s->value(s, f[F_CS]);
	}
	if (f[F_CERTSUBJ] != NULL) {
		st_out_puts(s->o, " cn ");
		s->value(s, f[F_CERTSUBJ]);
	}
}

/* One record: "tls client hello ...", "tls alert", "tls continuation". */
static void
tls_sum_record(struct st_sumctx *s, const struct st_layer *t)
{
	const struct st_field *f[F_NTLS];
	const char *m;

	st_ly_fields(s->pkt, t, st_tls_fields, F_NTLS, f);
	if (f[F_HTYPE] != NULL && st_field_meaning(f[F_HTYPE]) != NULL)
		tls_sum_handshake(s, t, f);
	else if (f[F_CONT] != NULL)
		st_out_puts(s->o, "tls continuation");
	else if (f[F_CTYPE] != NULL &&
	    (m = st_field_meaning(f[F_CTYPE])) != NULL) {
		st_out_printf(s->o, "tls %s", m);
		if (f[F_ADESC] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_ADESC]);
		} else if (f[F_APPDATA] != NULL || f[F_ENCHS] != NULL ||
		    f[F_ALERTENC] != NULL)
			st_out_puts(s->o, " (encrypted)");
	}
}

/* Every TLS record of the segment at ly's depth, joined by ", ". */
int
st_tls_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	unsigned i;
	int n = 0;

	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		if (n++ > 0)
			st_out_puts(s->o, ", ");
		tls_sum_record(s, t);
	}
	return 1;
}

/* What the diagram shows of a layer in its box title. */
const struct st_field_desc *const st_tls_keys[] = {
	&st_tls_fields[F_CTYPE], &st_tls_fields[F_VERSION],
	&st_tls_fields[F_HTYPE], &st_tls_fields[F_SNI],
	&st_tls_fields[F_ALPN], &st_tls_fields[F_CS], NULL,
};

const struct st_proto st_proto_tls = {
	.name = "tls",
	.ws = "tls",
	.title = "Transport Layer Security",
	.rfc = "RFC 8446",
	.role = ST_ROLE_APP,
	.fields = st_tls_fields,
	.nfields = F_NTLS,
	.decode = tls_decode,
	.binds = tls_binds,
	.nbinds = NFIELDS(tls_binds),
	.heuristic = tls_heuristic,
	.summary = st_tls_summary,
	.keys = st_tls_keys,
	.color = "\033[93m",
	/* @reasm */
	.pdu_len = tls_pdu_len,
};
