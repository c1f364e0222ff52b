/*
 * TLS (RFC 8446, RFC 5246): the record layer, and of handshakes the
 * ClientHello (version, cipher suite count, SNI, ALPN, offered versions)
 * and the ServerHello (version, chosen cipher suite).  One layer per
 * record; a record that continues in a later segment is decoded as far as
 * this one goes and marked.
 *
 * Record: type (8) | version (16) | length (16) | fragment
 * Handshake: type (8) | length (24) | body
 */
#include <string.h>

#include "fields.h"

#define TLS_MAXREC	(16384 + 2048)	/* the largest record allowed */
#define TLS_EXTS	64		/* extensions decoded per hello */

static const struct st_valname ctype_names[] = {
	{ 20, "change cipher spec" }, { 21, "alert" }, { 22, "handshake" },
	{ 23, "application data" }, { 24, "heartbeat" }, { 0, NULL }
};

static const struct st_valname version_names[] = {
	{ 0x0300, "SSL 3.0" }, { 0x0301, "TLS 1.0" }, { 0x0302, "TLS 1.1" },
	{ 0x0303, "TLS 1.2" }, { 0x0304, "TLS 1.3" }, { 0, NULL }
};

static const struct st_valname hs_names[] = {
	{ 1, "client hello" }, { 2, "server hello" }, { 4, "new session "
	"ticket" }, { 8, "encrypted extensions" }, { 11, "certificate" },
	{ 12, "server key exchange" }, { 13, "certificate request" },
	{ 14, "server hello done" }, { 15, "certificate verify" },
	{ 16, "client key exchange" }, { 20, "finished" }, { 0, NULL }
};

static const struct st_valname ext_names[] = {
	{ 0, "server_name" }, { 10, "supported_groups" },
	{ 13, "signature_algorithms" }, { 16, "alpn" },
	{ 43, "supported_versions" }, { 45, "psk_key_exchange_modes" },
	{ 51, "key_share" }, { 0, NULL }
};

enum { F_CTYPE, F_VERSION, F_LEN, F_HTYPE, F_HLEN, F_HVERSION, F_RANDOM,
	F_SIDLEN, F_SID, F_CSLEN, F_CSCOUNT, F_CS, F_EXTTYPE, F_EXTLEN, F_SNI,
	F_ALPN, F_SUPVER, F_APPDATA, F_ALEVEL, F_ADESC, F_BODY };

static const struct st_field_desc tls_fields[] = {
	FDN("type", "tls.record.content_type", "Content type", 0, 8,
	    ST_FMT_DEC, ctype_names),
	FDN("version", "tls.record.version", "Version", 8, 16, ST_FMT_HEX,
	    version_names),
	FD("length", "tls.record.length", "Length", 24, 16, ST_FMT_DEC),
	FDN(NULL, "tls.handshake.type", "Handshake type", 0, 8, ST_FMT_DEC,
	    hs_names),
	FD(NULL, "tls.handshake.length", "Handshake length", 8, 24,
	    ST_FMT_DEC),
	FDN(NULL, "tls.handshake.version", "Hello version", 0, 16, ST_FMT_HEX,
	    version_names),
	FD(NULL, "tls.handshake.random", "Random", 0, 0, ST_FMT_BYTES),
	FD(NULL, "tls.handshake.session_id_length", "Session ID length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "tls.handshake.session_id", "Session ID", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "tls.handshake.cipher_suites_length", "Cipher suites length",
	    0, 16, ST_FMT_DEC),
	FDG("tls.handshake.cipher_suites_count", "Cipher suites offered",
	    ST_FMT_DEC, NULL),
	FD(NULL, "tls.handshake.ciphersuite", "Cipher suite", 0, 16,
	    ST_FMT_HEX),
	FDN(NULL, "tls.handshake.extension.type", "Extension", 0, 16,
	    ST_FMT_DEC, ext_names),
	FD(NULL, "tls.handshake.extension.len", "Extension length", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "tls.handshake.extensions_server_name", "Server name (SNI)",
	    0, 0, ST_FMT_TEXT),
	FD(NULL, "tls.handshake.extensions_alpn_str", "ALPN protocol", 0, 0,
	    ST_FMT_TEXT),
	FDN(NULL, "tls.handshake.extensions.supported_version",
	    "Supported version", 0, 16, ST_FMT_HEX, version_names),
	FD(NULL, "tls.app_data", "Encrypted application data", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "tls.alert_message.level", "Alert level", 0, 8, ST_FMT_DEC),
	FD(NULL, "tls.alert_message.desc", "Alert description", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "tls.handshake.body", "Handshake body", 0, 0, ST_FMT_BYTES),
};

/* A view of part of the segment: [pos, end) from the cursor's start. */
struct span {
	struct st_cur	*c;
	size_t		 pos;
	size_t		 end;
};

static int
has(const struct span *s, size_t n)
{
	return s->pos <= s->end && n <= s->end - s->pos;
}

static unsigned
u8(const struct span *s, size_t at)
{
	return s->c->base[s->c->off + at];
}

static unsigned
u16(const struct span *s, size_t at)
{
	return u8(s, at) << 8 | u8(s, at + 1);
}

/* One extension of a hello at s->pos (type and length read). */
static void
extension(struct st_dctx *d, struct span *s, unsigned type, size_t len)
{
	struct span e = { s->c, s->pos, s->pos + len };
	char text[1024];
	size_t n;

	if (type == 0 && has(&e, 5)) {		/* server_name list */
		e.pos += 2;
		while (has(&e, 3) && u8(&e, e.pos) == 0) {
			n = u16(&e, e.pos + 1);
			if (!has(&e, 3 + n))
				break;
			st_escape(e.c->base + e.c->off + e.pos + 3, n, text,
			    sizeof(text));
			st_dtext(d, e.c, &tls_fields[F_SNI], e.pos + 3, n, text);
			e.pos += 3 + n;
		}
	} else if (type == 16 && has(&e, 2)) {	/* ALPN protocol list */
		e.pos += 2;
		while (has(&e, 1) && has(&e, 1 + u8(&e, e.pos))) {
			n = u8(&e, e.pos);
			st_escape(e.c->base + e.c->off + e.pos + 1, n, text,
			    sizeof(text));
			st_dtext(d, e.c, &tls_fields[F_ALPN], e.pos + 1, n, text);
			e.pos += 1 + n;
		}
	} else if (type == 43) {	/* offered list, or the chosen one */
		if (len == 2)
			st_dbytes(d, e.c, &tls_fields[F_SUPVER], e.pos, 2);
		else if (has(&e, 1))
			for (e.pos++; has(&e, 2); e.pos += 2)
				st_dbytes(d, e.c, &tls_fields[F_SUPVER], e.pos,
				    2);
	}
}

/* ClientHello (client = 1) or ServerHello body at s->pos. */
static void
hello(struct st_dctx *d, struct span *s, int client)
{
	size_t n, end;
	unsigned i, type;

	if (!has(s, 35))
		return;
	st_dbytes(d, s->c, &tls_fields[F_HVERSION], s->pos, 2);
	st_dbytes(d, s->c, &tls_fields[F_RANDOM], s->pos + 2, 32);
	s->pos += 34;
	n = u8(s, s->pos);
	st_dbytes(d, s->c, &tls_fields[F_SIDLEN], s->pos, 1);
	if (!has(s, 1 + n))
		return;
	if (n > 0)
		st_dbytes(d, s->c, &tls_fields[F_SID], s->pos + 1, n);
	s->pos += 1 + n;
	if (client) {
		if (!has(s, 2))
			return;
		n = u16(s, s->pos);
		st_dbytes(d, s->c, &tls_fields[F_CSLEN], s->pos, 2);
		st_dgen(d, &tls_fields[F_CSCOUNT], n / 2);
		if (!has(s, 2 + n + 1))
			return;
		s->pos += 2 + n;
		n = u8(s, s->pos);		/* compression methods */
		s->pos += 1 + n;
	} else {
		if (!has(s, 3))
			return;
		st_dbytes(d, s->c, &tls_fields[F_CS], s->pos, 2);
		s->pos += 3;			/* and one compression method */
	}
	if (!has(s, 2))
		return;
	end = s->pos + 2 + u16(s, s->pos);
	if (end > s->end)
		end = s->end;
	s->pos += 2;
	for (i = 0; i < TLS_EXTS && s->pos + 4 <= end; i++) {
		type = u16(s, s->pos);
		n = u16(s, s->pos + 2);
		st_dbytes(d, s->c, &tls_fields[F_EXTTYPE], s->pos, 2);
		st_dbytes(d, s->c, &tls_fields[F_EXTLEN], s->pos + 2, 2);
		s->pos += 4;
		if (s->pos + n > end)
			break;
		extension(d, s, type, n);
		s->pos += n;
	}
}

static int
tls_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, hl;
	unsigned type, ver, ht;
	struct span s;

	if (left < 5)
		return d->pkt->layers[d->pkt->nlayers - 2].proto ==
		    d->ly->proto ? ST_ETRUNC : ST_ENOTME;
	type = (unsigned)st_peek_bits(c, 0, 8);
	ver = (unsigned)st_peek_bits(c, 8, 16);
	len = (size_t)st_peek_bits(c, 24, 16);
	if (type < 20 || type > 24 || (ver >> 8) != 3 || (ver & 0xff) > 4 ||
	    len > TLS_MAXREC)
		return ST_ENOTME;	/* encrypted data, or not TLS */
	st_dfields(d, c, tls_fields, 3);
	s.c = c;
	s.pos = 5;
	s.end = 5 + len < left ? 5 + len : left;
	if (5 + len > left)
		st_pkt_note(d->pkt, "TLS: a record continues in a later "
		    "segment");
	if (type == 22 && has(&s, 4)) {
		ht = u8(&s, 5);
		hl = (size_t)u8(&s, 6) << 16 | u16(&s, 7);
		st_dbytes(d, c, &tls_fields[F_HTYPE], 5, 1);
		st_dbytes(d, c, &tls_fields[F_HLEN], 6, 3);
		s.pos = 9;
		if (9 + hl < s.end)
			s.end = 9 + hl;
		if (ht == 1 || ht == 2)
			hello(d, &s, ht == 1);
		else if (ht == 20 || ht > 24)
			st_pkt_note(d->pkt, "TLS: handshake message "
			    "encrypted or not decoded");
	} else if (type == 21 && has(&s, 2)) {
		st_dbytes(d, c, &tls_fields[F_ALEVEL], 5, 1);
		st_dbytes(d, c, &tls_fields[F_ADESC], 6, 1);
	} else if (type == 23 && s.end > 5)
		st_dbytes(d, c, &tls_fields[F_APPDATA], 5, s.end - 5);
	d->hdr = s.end > 5 + len ? 5 + len : (5 + len < left ? 5 + len :
	    left);
	/* More records may follow in the same segment. */
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;	/* another record */
	return ST_OK;
}

static const struct st_bind tls_binds[] = {
	{ ST_KEY_TCPPORT, 443 },
	{ ST_KEY_TCPPORT, 853 },	/* DNS over TLS */
	{ ST_KEY_TCPPORT, 8443 },
};

/* @summary */
#include "strata/out.h"

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

/* One record: "tls client hello sni example.com alpn h2", "tls alert". */
static void
tls_sum_record(struct st_sumctx *s, const struct st_layer *t)
{
	const struct st_field *f[F_ALPN + 1];
	const char *m;

	st_ly_fields(s->pkt, t, tls_fields, F_ALPN + 1, f);
	if (f[F_HTYPE] != NULL && (m = st_field_meaning(f[F_HTYPE])) != NULL) {
		st_out_printf(s->o, "tls %s", m);
		if (f[F_SNI] != NULL) {
			st_out_puts(s->o, " sni ");
			s->value(s, f[F_SNI]);
		}
		if (f[F_ALPN] != NULL) {
			st_out_puts(s->o, " alpn ");
			tls_sum_all(s, t, &tls_fields[F_ALPN], 4);
		}
		if (f[F_HTYPE]->val == 2 && f[F_CS] != NULL) {
			st_out_puts(s->o, " cipher ");
			s->value(s, f[F_CS]);
		}
	} else if (f[F_CTYPE] != NULL &&
	    (m = st_field_meaning(f[F_CTYPE])) != NULL)
		st_out_printf(s->o, "tls %s", m);
}

/* Every TLS record of the segment at ly's depth, joined by ", ". */
static int
tls_summary(struct st_sumctx *s, const struct st_layer *ly)
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

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const tls_keys[] = {
	&tls_fields[F_CTYPE], &tls_fields[F_VERSION], &tls_fields[F_HTYPE],
	&tls_fields[F_SNI], &tls_fields[F_ALPN], &tls_fields[F_CS], NULL,
};

/* @craft */

/* @probes */

const struct st_proto st_proto_tls = {
	.name = "tls",
	.ws = "tls",
	.title = "Transport Layer Security",
	.rfc = "RFC 8446",
	.role = ST_ROLE_APP,
	.fields = tls_fields,
	.nfields = NFIELDS(tls_fields),
	.decode = tls_decode,
	.binds = tls_binds,
	.nbinds = NFIELDS(tls_binds),
	/* @summary */
	.summary = tls_summary,
	/* @views */
	.keys = tls_keys,
	.color = "\033[93m",
	/* @craft */
	/* @probes */
};
