/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Constrained Application Protocol (RFC 7252), UDP port 5683: HTTP's
 * methods and response codes for small devices, in a 4-byte header.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver| T |  TKL  |      Code     |          Message ID           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Token (TKL bytes) ...
 * |   Options: delta (4 bits) | length (4 bits), extended delta and
 * |   length (13: one more byte, value - 13; 14: two, value - 269),
 * |   value; each option's number is the previous one's plus delta
 * |1 1 1 1 1 1 1 1|    Payload ...
 *
 * An option's number says what it is: odd numbers are critical (a
 * receiver that does not know one must reject the message), bit 1
 * unsafe to forward by a proxy that does not know it (RFC 7252 5.4.6).
 * The payload goes on by its Content-Format: text and JSON to their
 * decoders, none or octet-stream as data; a payload with a Block option
 * is one block of a larger body, shown as bytes.
 */
#include "strata/out.h"
#include "fields.h"

#define CO_MAX_OPTS	256	/* options decoded in one message */
#define CO_RECON	256	/* bytes of the URI put back together */

enum { C_VER, C_TYPE, C_TKL, C_CODE, C_MID, C_TOKEN, O_NAME, O_DESC,
	O_DELTA, O_LEN, O_DEXT, O_LEXT, O_HOST, O_LPATH, O_PATH, O_QUERY,
	O_LQUERY, O_PROXY, O_SCHEME, O_ETAG, O_IFMATCH, O_UNKNOWN, O_OBSERVE,
	O_MAXAGE, O_SIZE1, O_PORT, O_HOPS, O_CTYPE, O_ACCEPT, O_BNUM, O_BM,
	O_BSIZE, P_END, P_PAYLOAD, P_DESC, P_LEN, P_BLOCK, P_BLEN, P_RECON,
	NROWS };

static const struct st_valname type_names[] = {
	{ 0, "Confirmable" }, { 1, "Non-Confirmable" },
	{ 2, "Acknowledgement" }, { 3, "Reset" }, { 0, NULL }
};

static const struct st_valname code_names[] = {
	{ 0, "Empty Message" }, { 1, "GET" }, { 2, "POST" }, { 3, "PUT" },
	{ 4, "DELETE" }, { 5, "FETCH" }, { 6, "PATCH" }, { 7, "iPATCH" },
	{ 65, "2.01 Created" }, { 66, "2.02 Deleted" }, { 67, "2.03 Valid" },
	{ 68, "2.04 Changed" }, { 69, "2.05 Content" },
	{ 95, "2.31 Continue" }, { 128, "4.00 Bad Request" },
	{ 129, "4.01 Unauthorized" }, { 130, "4.02 Bad Option" },
	{ 131, "4.03 Forbidden" }, { 132, "4.04 Not Found" },
	{ 133, "4.05 Method Not Allowed" }, { 134, "4.06 Not Acceptable" },
	{ 136, "4.08 Request Entity Incomplete" }, { 137, "4.09 Conflict" },
	{ 140, "4.12 Precondition Failed" },
	{ 141, "4.13 Request Entity Too Large" },
	{ 143, "4.15 Unsupported Content-Format" },
	{ 150, "4.22 Unprocessable Entity" },
	{ 157, "4.29 Too Many Requests" },
	{ 160, "5.00 Internal Server Error" },
	{ 161, "5.01 Not Implemented" }, { 162, "5.02 Bad Gateway" },
	{ 163, "5.03 Service Unavailable" }, { 164, "5.04 Gateway Timeout" },
	{ 165, "5.05 Proxying Not Supported" },
	{ 168, "5.08 Hop Limit Reached" }, { 0, NULL }
};

/* Option numbers as tshark names them (its 4.0 table: 0, 140 and 252
 * are its "No-Op"). */
static const struct st_valname opt_names[] = {
	{ 0, "No-Op" }, { 1, "If-Match" }, { 3, "Uri-Host" }, { 4, "Etag" },
	{ 5, "If-None-Match" }, { 6, "Observe" }, { 7, "Uri-Port" },
	{ 8, "Location-Path" }, { 9, "OSCORE" }, { 11, "Uri-Path" },
	{ 12, "Content-Format" }, { 14, "Max-age" }, { 15, "Uri-Query" },
	{ 16, "Hop-Limit" }, { 17, "Accept" }, { 20, "Location-Query" },
	{ 23, "Block2" }, { 27, "Block1" }, { 28, "Size2" },
	{ 35, "Proxy-Uri" }, { 39, "Proxy-Scheme" }, { 60, "Size1" },
	{ 140, "No-Op" }, { 252, "No-Op" }, { 0, NULL }
};

/* Content-Formats (IANA's CoAP registry, as tshark 4.0 knows them). */
static const struct st_valname ctype_names[] = {
	{ 0, "text/plain; charset=utf-8" },
	{ 40, "application/link-format" }, { 41, "application/xml" },
	{ 42, "application/octet-stream" }, { 47, "application/exi" },
	{ 50, "application/json" }, { 51, "application/json-patch+json" },
	{ 52, "application/merge-patch+json" }, { 60, "application/cbor" },
	{ 61, "application/cwt" }, { 62, "application/multipart-core" },
	{ 96, "application/cose; cose-type=\"cose-encrypt\"" },
	{ 97, "application/cose; cose-type=\"cose-mac\"" },
	{ 98, "application/cose; cose-type=\"cose-sign\"" },
	{ 101, "application/cose-key" }, { 102, "application/cose-key-set" },
	{ 110, "application/senml+json" }, { 111, "application/sensml+json" },
	{ 112, "application/senml+cbor" }, { 113, "application/sensml+cbor" },
	{ 114, "application/senml-exi" }, { 115, "application/sensml-exi" },
	{ 256, "application/coap-group+json" },
	{ 271, "application/dots+cbor" },
	{ 272, "application/missing-blocks+cbor-seq" },
	{ 280, "application/pkcs7-mime; smime-type=server-generated-key" },
	{ 281, "application/pkcs7-mime; smime-type=certs-only" },
	{ 284, "application/pkcs8" }, { 285, "application/csrattrs" },
	{ 286, "application/pkcs10" }, { 287, "application/pkix-cert" },
	{ 310, "application/senml+xml" }, { 311, "application/sensml+xml" },
	{ 320, "application/senml-etch+json" },
	{ 322, "application/senml-etch+cbor" }, { 432, "application/td+json" },
	{ 10000, "application/vnd.ocf+cbor" }, { 10001, "application/oscore" },
	{ 11542, "application/vnd.oma.lwm2m+tlv" },
	{ 11543, "application/vnd.oma.lwm2m+json" }, { 0, NULL }
};

#define T(i, n, l)	[i] = FD(NULL, n, l, 0, 0, ST_FMT_TEXT)
#define U(i, n, l)	[i] = FD(NULL, n, l, 0, 0, ST_FMT_DEC)
#define B(i, n, l)	[i] = FD(NULL, n, l, 0, 0, ST_FMT_BYTES)

static const struct st_field_desc co_fields[NROWS] = {
	[C_VER] = FD("version", "coap.version", "Version", 0, 2, ST_FMT_DEC),
	[C_TYPE] = FDN("type", "coap.type", "Type", 2, 2, ST_FMT_DEC,
	    type_names),
	[C_TKL] = FD("tkl", "coap.token_len", "Token length", 4, 4,
	    ST_FMT_DEC),
	[C_CODE] = FDN("code", "coap.code", "Code", 8, 8, ST_FMT_DEC,
	    code_names),
	[C_MID] = FD("mid", "coap.mid", "Message ID", 16, 16, ST_FMT_DEC),
	[C_TOKEN] = FD(NULL, "coap.token", "Token", 32, 0, ST_FMT_BYTES),
	T(O_NAME, "coap.opt.name", "Option"),
	T(O_DESC, "coap.opt.desc", "Option number"),
	[O_DELTA] = FD(NULL, "coap.opt.delta", "Delta", 0, 4, ST_FMT_DEC),
	[O_LEN] = FD(NULL, "coap.opt.length", "Length", 4, 4, ST_FMT_DEC),
	U(O_DEXT, "coap.opt.delta_ext", "Extended delta"),
	U(O_LEXT, "coap.opt.length_ext", "Extended length"),
	T(O_HOST, "coap.opt.uri_host", "Uri-Host"),
	T(O_LPATH, "coap.opt.location_path", "Location-Path"),
	T(O_PATH, "coap.opt.uri_path", "Uri-Path"),
	T(O_QUERY, "coap.opt.uri_query", "Uri-Query"),
	T(O_LQUERY, "coap.opt.location_query", "Location-Query"),
	T(O_PROXY, "coap.opt.proxy_uri", "Proxy-Uri"),
	T(O_SCHEME, "coap.opt.proxy_scheme", "Proxy-Scheme"),
	B(O_ETAG, "coap.opt.etag", "Etag"),
	B(O_IFMATCH, "coap.opt.if_match", "If-Match"),
	B(O_UNKNOWN, "coap.opt.unknown", "Unknown option value"),
	U(O_OBSERVE, "coap.opt.observe", "Observe"),
	U(O_MAXAGE, "coap.opt.max_age", "Max-age (s)"),
	U(O_SIZE1, "coap.opt.size1", "Size1"),
	U(O_PORT, "coap.opt.uri_port", "Uri-Port"),
	U(O_HOPS, "coap.opt.hop_limit", "Hop-Limit"),
	T(O_CTYPE, "coap.opt.ctype", "Content-Format"),
	T(O_ACCEPT, "coap.opt.accept", "Accept"),
	U(O_BNUM, "coap.opt.block_number", "Block number"),
	U(O_BM, "coap.opt.block_mflag", "More blocks"),
	U(O_BSIZE, "coap.opt.block_size", "Block size (2^(4+SZX))"),
	[P_END] = FD(NULL, "coap.opt.end_marker", "Payload marker", 0, 8,
	    ST_FMT_DEC),
	T(P_PAYLOAD, "coap.payload", "Payload"),
	[P_DESC] = FDG("coap.payload_desc", "Payload Content-Format",
	    ST_FMT_TEXT, NULL),
	[P_LEN] = FDG("coap.payload_length", "Payload length", ST_FMT_DEC,
	    NULL),
	B(P_BLOCK, "coap.block_payload", "Block payload"),
	[P_BLEN] = FDG("coap.block_length", "Block length", ST_FMT_DEC, NULL),
	[P_RECON] = FDG("coap.opt.uri_path_recon", "URI (put together)",
	    ST_FMT_TEXT, NULL),
};

/* What the options said, for the payload and the summary. */
struct co_state {
	long		 ctype;		/* Content-Format, or -1 */
	int		 block;		/* a Block1 or Block2 option */
	int		 uri;		/* Uri-Host, -Port or -Path seen */
	char		 recon[CO_RECON];
	size_t		 rn;
};

/* Adds field row of bits bits at bit bitoff past byte pos of c, value v;
 * the caller checked the bytes. */
static void
co_add(struct st_dctx *d, struct st_cur *c, int row, size_t pos,
    unsigned bitoff, unsigned bits, uint64_t v)
{
	st_pkt_add_field(d->pkt, &co_fields[row],
	    (uint32_t)((c->off + pos) * 8 + bitoff), bits, v);
}

/* A text value of n bytes at pos past c, as tshark shows a string. */
static const char *
co_text(struct st_dctx *d, struct st_cur *c, int row, size_t pos, size_t n)
{
	struct st_cur b = *c;
	const uint8_t *p;
	char text[512] = "";

	b.off += pos;
	if ((p = st_get_bytes(&b, n)) != NULL)
		st_escape_ascii(p, n, text, sizeof(text));
	st_dtext(d, c, &co_fields[row], pos, n, text);
	return st_pkt_strdup(d->pkt, text);
}

/* A generated text field. */
static void
co_gentext(struct st_dctx *d, int row, const char *text)
{
	struct st_field *f = st_dgen(d, &co_fields[row], 0);

	if (f != NULL)
		f->meaning = st_pkt_strdup(d->pkt, text);
}

static void
co_recon(struct co_state *st, const char *fmt, const char *s, unsigned v)
{
	int k;

	if (st->rn >= sizeof(st->recon))
		return;
	k = s != NULL ? snprintf(st->recon + st->rn,
	    sizeof(st->recon) - st->rn, fmt, s) : snprintf(st->recon +
	    st->rn, sizeof(st->recon) - st->rn, fmt, v);
	if (k > 0)
		st->rn += (size_t)k;
	st->uri = 1;
}

/* The value of option num, n bytes at pos past c. */
static void
co_value(struct st_dctx *d, struct st_cur *c, unsigned num, size_t pos,
    size_t n, struct co_state *st)
{
	static const struct { uint8_t num, row; } text[] = {
		{ 8, O_LPATH }, { 15, O_QUERY }, { 20, O_LQUERY },
		{ 35, O_PROXY }, { 39, O_SCHEME },
	};
	const char *name;
	uint64_t v = n <= 4 ? st_peek_bits(c, pos * 8, (unsigned)n * 8) : 0;
	unsigned bits = (unsigned)n * 8;
	size_t i;

	for (i = 0; i < NFIELDS(text); i++)
		if (text[i].num == num) {
			co_text(d, c, text[i].row, pos, n);
			return;
		}
	switch (num) {
	case 1:
	case 4:
		st_dbytes(d, c, &co_fields[num == 1 ? O_IFMATCH : O_ETAG], pos,
		    n);
		return;
	case 3:
		co_recon(st, "coap://%s", co_text(d, c, O_HOST, pos, n), 0);
		return;
	case 11:
		co_recon(st, "/%s", co_text(d, c, O_PATH, pos, n), 0);
		return;
	case 5:
	case 9:
		return;		/* no value; OSCORE's is not decoded */
	}
	if (n > 4) {
		st_dbytes(d, c, &co_fields[O_UNKNOWN], pos, n);
		return;
	}
	switch (num) {
	case 6:
	case 14:
	case 16:
	case 60:
		co_add(d, c, num == 6 ? O_OBSERVE : num == 14 ? O_MAXAGE :
		    num == 16 ? O_HOPS : O_SIZE1, pos, 0, bits, v);
		return;
	case 7:
		co_add(d, c, O_PORT, pos, 0, bits, v);
		co_recon(st, ":%u", NULL, (unsigned)v);
		return;
	case 12:
	case 17:
		name = st_valname(ctype_names, (uint32_t)v);
		st_dtext(d, c, &co_fields[num == 12 ? O_CTYPE : O_ACCEPT], pos,
		    n, name != NULL ? name : st_pkt_printf(d->pkt,
		    "Unknown Type %u", (unsigned)v));
		if (num == 12)
			st->ctype = (long)v;
		return;
	case 23:
	case 27:
		st->block = 1;
		if (n == 0) {
			co_add(d, c, O_BNUM, pos, 0, 0, 0);
			return;
		}
		co_add(d, c, O_BNUM, pos, 0, bits - 4, v >> 4);
		co_add(d, c, O_BM, pos, bits - 4, 1, v >> 3 & 1);
		co_add(d, c, O_BSIZE, pos, bits - 3, 3, v & 7);
		return;
	case 28:
		/* tshark 4.0 shows Size2 as a block size (its low bits) */
		co_add(d, c, O_BSIZE, pos, 0, bits, v & 7);
		return;
	}
	st_dbytes(d, c, &co_fields[O_UNKNOWN], pos, n);
}

/* One option's extended delta or length: nib 13 or 14 at pos past c;
 * returns the bytes it takes (0, 1 or 2) and adds what it means to *v. */
static size_t
co_ext(struct st_dctx *d, struct st_cur *c, int row, size_t pos,
    unsigned nib, unsigned *v)
{
	size_t k = nib == 13 ? 1 : nib == 14 ? 2 : 0;
	unsigned raw;

	if (k == 0) {
		*v = nib;
		return 0;
	}
	raw = (unsigned)st_peek_bits(c, pos * 8, (unsigned)k * 8);
	co_add(d, c, row, pos, 0, (unsigned)k * 8, raw);
	*v = raw + (k == 1 ? 13 : 269);
	return k;
}

/*
 * The options from pos past c, to the payload marker or the end.
 * Returns the position after them (and the marker, if any), or 0 having
 * marked the layer.
 */
static size_t
co_options(struct st_dctx *d, struct st_cur *c, size_t pos,
    struct co_state *st, int *marker)
{
	size_t left = st_cur_left(c), k;
	unsigned num = 0, i, b, delta, len;
	int cut = d->pkt->caplen < d->pkt->len;

	for (i = 0; pos < left && i < CO_MAX_OPTS; i++) {
		b = (unsigned)st_peek_bits(c, pos * 8, 8);
		if (b == 0xff) {
			co_add(d, c, P_END, pos, 0, 8, b);
			*marker = 1;
			return pos + 1;
		}
		if ((b >> 4) == 15 || (b & 15) == 15) {
			st_dmalformed(d, "option %u: %s nibble 15 without the "
			    "payload marker", i + 1, (b >> 4) == 15 ? "delta" :
			    "length");
			return 0;
		}
		k = ((b >> 4) == 13) + 2 * ((b >> 4) == 14) + ((b & 15) == 13) +
		    2 * ((b & 15) == 14);
		if (pos + 1 + k > left)
			goto short_opt;
		/* the name and number first, as tshark shows them */
		delta = b >> 4;
		len = b & 15;
		if (delta >= 13)
			delta = (unsigned)st_peek_bits(c, (pos + 1) * 8,
			    delta == 13 ? 8 : 16) + (delta == 13 ? 13 : 269);
		if (len >= 13)
			len = (unsigned)st_peek_bits(c, (pos + 1 + k -
			    (len == 13 ? 1 : 2)) * 8, len == 13 ? 8 : 16) +
			    (len == 13 ? 13 : 269);
		num += delta;
		if (pos + 1 + k + len > left)
			goto short_opt;
		{
			const char *nm = st_valname(opt_names, num);

			st_dtext(d, c, &co_fields[O_NAME], pos, 1 + k + len,
			    nm != NULL ? st_pkt_printf(d->pkt, "#%u: %s",
			    i + 1, nm) : st_pkt_printf(d->pkt,
			    "#%u: Unknown Option (%u)", i + 1, num));
			st_dtext(d, c, &co_fields[O_DESC], pos, 1 + k + len,
			    st_pkt_printf(d->pkt, "Type %u, %s, %s%s", num,
			    num & 1 ? "Critical" : "Elective",
			    num & 2 ? "Unsafe" : "Safe",
			    (num & 0x1e) == 0x1c ? ", NoCacheKey" : ""));
		}
		st_dfields_at(d, c, pos, &co_fields[O_DELTA], 2);
		pos++;
		pos += co_ext(d, c, O_DEXT, pos, b >> 4, &delta);
		pos += co_ext(d, c, O_LEXT, pos, b & 15, &len);
		co_value(d, c, num, pos, len, st);
		pos += len;
	}
	if (i == CO_MAX_OPTS && pos < left) {
		st_dmalformed(d, "more than %u options", CO_MAX_OPTS);
		return 0;
	}
	return pos;
short_opt:
	if (cut) {
		c->err = ST_ETRUNC;
		return 0;
	}
	st_dmalformed(d, "option %u runs past the message", i + 1);
	return 0;
}

static int
coap_decode(struct st_dctx *d, struct st_cur *c)
{
	struct co_state st = { .ctype = -1 };
	size_t tkl, pos, n;
	int marker = 0;
	const char *desc;

	st_dfields(d, c, co_fields, C_MID + 1);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = st_cur_left(c);
	tkl = (size_t)st_peek_bits(c, 4, 4);
	if (tkl > 8)
		return st_dmalformed(d, "token length %zu over 8", tkl);
	if (tkl > 0 && st_dbytes(d, c, &co_fields[C_TOKEN], 4, tkl) == NULL)
		return ST_ETRUNC;
	pos = co_options(d, c, 4 + tkl, &st, &marker);
	if (pos == 0)
		return c->err == ST_ETRUNC ? ST_ETRUNC : ST_EINVAL;
	n = st_cur_left(c) - pos;
	if (marker && n > 0) {
		if (st.block) {
			st_dbytes(d, c, &co_fields[P_BLOCK], pos, n);
			st_dgen(d, &co_fields[P_BLEN], n);
		} else {
			desc = st.ctype < 0 ? "application/octet-stream" :
			    st_valname(ctype_names, (uint32_t)st.ctype);
			if (desc == NULL)
				desc = st_pkt_printf(d->pkt, "Unknown Type %ld",
				    st.ctype);
			st_dtext(d, c, &co_fields[P_PAYLOAD], pos, n,
			    st_pkt_printf(d->pkt, "Payload Content-Format: "
			    "%s%s, Length: %zu", desc, st.ctype < 0 ?
			    " (no Content-Format)" : "", n));
			co_gentext(d, P_DESC, desc);
			st_dgen(d, &co_fields[P_LEN], n);
			/* as tshark hands the payload on by its type */
			if (st.ctype == 0 || st.ctype == 50) {
				d->hdr = pos;
				d->next_key = ST_KEY_MEDIA;
				d->next_val = st.ctype == 0 ? ST_MEDIA_TEXT :
				    ST_MEDIA_JSON;
			} else if (st.ctype < 0 || st.ctype == 42) {
				d->hdr = pos;
				d->data = 1;
			}
		}
	}
	if (st.uri)
		co_gentext(d, P_RECON, st.recon);
	return ST_OK;
}

static const struct st_bind coap_binds[] = {
	{ ST_KEY_UDPPORT, 5683 },
};

/* As tshark's Info: "CON, MID:4660, GET, TKN:de ad be ef". */
static int
coap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const abbr[4] = { "CON", "NON", "ACK", "RST" };
	const struct st_field *f[NROWS];
	const char *code;

	st_ly_fields(s->pkt, ly, co_fields, NROWS, f);
	if (f[C_TYPE] == NULL || f[C_MID] == NULL || f[C_CODE] == NULL)
		return 1;
	st_out_puts(s->o, abbr[f[C_TYPE]->val & 3]);
	st_out_puts(s->o, ", MID:");
	s->value(s, f[C_MID]);
	st_out_puts(s->o, ", ");
	code = st_valname(code_names, (uint32_t)f[C_CODE]->val);
	if (code != NULL)
		st_out_puts(s->o, code);
	else
		s->value(s, f[C_CODE]);
	if (f[P_RECON] != NULL && f[P_RECON]->meaning != NULL) {
		st_out_puts(s->o, ", ");
		s->value(s, f[P_RECON]);
	}
	return 1;
}

static const struct st_field_desc *const coap_keys[] = {
	&co_fields[C_TYPE], &co_fields[C_CODE], &co_fields[C_MID], NULL,
};

const struct st_proto st_proto_coap = {
	.name = "coap",
	.ws = "coap",
	.title = "Constrained Application Protocol",
	.rfc = "RFC 7252",
	.role = ST_ROLE_APP,
	.fields = co_fields,
	.nfields = NROWS,
	.decode = coap_decode,
	.binds = coap_binds,
	.nbinds = NFIELDS(coap_binds),
	.summary = coap_summary,
	.keys = coap_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "CoAP is HTTP cut down for sensors and other small devices, "
	    "over UDP: a 4-byte header (version, type, token length, code, "
	    "message ID), a token of up to 8 bytes that ties a response to "
	    "its request, options, then 0xff and the payload.  The type says "
	    "how reliability works without TCP: a Confirmable message is "
	    "retransmitted until an Acknowledgement with the same message ID "
	    "comes back; Non-confirmable ones are not; Reset refuses one.  "
	    "The code is a method (1 GET, 2 POST, 3 PUT, 4 DELETE) or a "
	    "response class.detail (2.05 Content, 4.04 Not Found).  Options "
	    "are numbered by deltas from the previous one, so they come in "
	    "order: Uri-Host, Uri-Path and Uri-Query make the URI, "
	    "Content-Format says what the payload is, Observe subscribes to "
	    "changes, Block1/Block2 cut a large body into blocks.",
};
