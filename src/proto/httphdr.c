/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HTTP/1.x header lines (RFC 9110 5, RFC 9112 5) and chunked bodies
 * (RFC 9112 7.1): http.c's companion.  Known headers get their own rows;
 * every value is escaped.
 */
#include <string.h>

#include "http.h"

/* Known headers, by name (case-insensitive), and their own fields. */
static const struct {
	const char	*name;
	int		 field;
} known[] = {
	{ "host", F_HOST }, { "user-agent", F_UA },
	{ "content-type", F_CTYPE }, { "content-length", F_CLEN },
	{ "server", F_SERVER }, { "connection", F_CONN }, { "date", F_DATE },
	{ "accept", F_ACCEPT }, { "accept-encoding", F_ACCENC },
	{ "accept-language", F_ACCLANG }, { "referer", F_REFERER },
	{ "last-modified", F_LASTMOD }, { "cache-control", F_CACHE },
	{ "cookie", F_COOKIE }, { "set-cookie", F_SETCOOKIE },
	{ "content-encoding", F_CENC }, { "transfer-encoding", F_TENC },
	{ "upgrade", F_UPGRADE }, { "authorization", F_AUTH },
	{ "location", F_LOCATION }, { "www-authenticate", F_WWWAUTH },
	{ "x-forwarded-for", F_XFF }, { "sec-websocket-key", F_WSKEY },
	{ "sec-websocket-accept", F_WSACCEPT },
	{ "sec-websocket-version", F_WSVERSION },
	{ "sec-websocket-protocol", F_WSPROTO },
	{ "sec-websocket-extensions", F_WSEXT },
	{ "proxy-authorization", F_PAUTH },
	{ "proxy-authenticate", F_PAUTHN },
};

/* Whether header name p[0..n) is name (lower case). */
int
http_named(const uint8_t *p, size_t n, const char *name)
{
	size_t i;

	if (strlen(name) != n)
		return 0;
	for (i = 0; i < n; i++)
		if ((p[i] | 0x20) != name[i])
			return 0;
	return 1;
}

/* Decodes base64 p[0..n) into out (size on); returns the length. */
static size_t
base64(const uint8_t *p, size_t n, uint8_t *out, size_t on)
{
	static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789+/";
	const char *x;
	uint32_t acc = 0;
	size_t i, k = 0;
	unsigned bits = 0;

	for (i = 0; i < n && p[i] != '=' && k < on; i++) {
		if (p[i] == 0 || (x = strchr(al, p[i])) == NULL)
			return 0;
		acc = acc << 6 | (uint32_t)(x - al);
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[k++] = (uint8_t)(acc >> bits);
		}
	}
	return k;
}

/*
 * An "NTLM <base64>" or "Negotiate <base64>" value (n bytes at p, at off
 * of the message): notes the token in h, the first of the head.
 */
static void
auth_scheme(const uint8_t *p, size_t off, size_t n, struct head *h)
{
	size_t a;
	unsigned kind;

	if (h->authkind != 0)
		return;
	if (n > 5 && http_named(p, 5, "ntlm "))
		a = 5, kind = ST_GSS_NTLMSSP;
	else if (n > 10 && http_named(p, 10, "negotiate "))
		a = 10, kind = ST_GSS_TOKEN;
	else
		return;
	for (; a < n && p[a] == ' '; a++)
		;
	if (a == n)
		return;
	h->auth = off + a;
	h->authn = n - a;
	h->authkind = kind;
}

void
http_auth_token(struct st_dctx *d, const uint8_t *p, const struct head *h)
{
	uint8_t tok[HTTP_TOKEN];
	size_t n;

	if (h->authkind == 0)
		return;
	if ((n = base64(p + h->auth, h->authn, tok, sizeof(tok))) > 0)
		st_dderive(d, tok, n, ST_KEY_GSSAPI, h->authkind,
		    "an authentication header's token, base64-decoded");
}

/* What a known header's value adds beyond its own field. */
static void
header_value(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t off, size_t n, int field, struct head *h)
{
	uint8_t cred[HTTP_LINE];
	size_t a, i, k, cn;

	switch (field) {
	case F_CLEN:
		http_text(d, c, F_CLENHDR, off, n);
		if (st_dbytes(d, c, &st_http_fields[F_CLEN], off, n) != NULL) {
			h->clen = http_number(p + off, n, 10);
			d->pkt->fields[d->pkt->nfields - 1].val = h->clen;
			h->has_clen = 1;
		}
		return;
	case F_HOST:
		h->host = off;
		h->hostn = n;
		break;
	case F_CTYPE:
		h->ctype = off;
		h->ctypen = n;
		break;
	case F_CENC:
		/* gzip and deflate are opened (st_inflate, zlib) */
		h->encoded = n == 8 && http_named(p + off, n, "identity") ? 0 :
		    (n == 4 && http_named(p + off, n, "gzip")) ||
		    (n == 6 && http_named(p + off, n, "x-gzip")) ||
		    (n == 7 && http_named(p + off, n, "deflate")) ? 2 : 1;
		break;
	case F_TENC:
		h->chunked = n >= 7 && http_named(p + off + n - 7, 7, "chunked");
		break;
	case F_COOKIE:
		http_text(d, c, field, off, n);
		for (a = 0, k = 0; a < n && k < HTTP_LINES; a = i + 1, k++) {
			for (; a < n && p[off + a] == ' '; a++)
				;
			for (i = a; i < n && p[off + i] != ';'; i++)
				;
			http_text(d, c, F_COOKIEPAIR, off + a, i - a);
		}
		return;
	case F_WWWAUTH:
	case F_PAUTH:
	case F_PAUTHN:
		http_text(d, c, field, off, n);
		auth_scheme(p + off, off, n, h);
		return;
	case F_AUTH:
		http_text(d, c, field, off, n);
		auth_scheme(p + off, off, n, h);
		if (n > 6 && http_named(p + off, 6, "basic ")) {
			for (a = 6; a < n && p[off + a] == ' '; a++)
				;
			if ((cn = base64(p + off + a, n - a, cred,
			    sizeof(cred))) > 0)
				http_gentext(d, F_AUTHBASIC, "", cred, cn);
		}
		return;
	}
	http_text(d, c, field, off, n);
}

/* One header line: a known header gets its own field too. */
void
http_header_line(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t off, size_t n, struct head *h)
{
	size_t k, colon, v;

	if (!h->cont)		/* tshark names no line of unknown kind */
		http_text(d, c, h->response ? F_RESPLINE : F_REQLINE, off, n);
	for (colon = 0; colon < n && p[off + colon] != ':'; colon++)
		;
	if (colon == n)
		return;
	for (v = colon + 1; v < n && p[off + v] == ' '; v++)
		;
	for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
		if (http_named(p + off, colon, known[k].name)) {
			header_value(d, c, p, off + v, n - v, known[k].field,
			    h);
			return;
		}
}

/*
 * A chunked body from pos: each chunk's size line, data and boundary, up
 * to the last (size 0) chunk or the segment's end.  Returns where the
 * message ends (left when it goes on in a later segment).
 */
size_t
http_chunks(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t pos,
    size_t left)
{
	struct st_field *f;
	uint64_t size;
	unsigned i;
	long n;

	for (i = 0; i < HTTP_CHUNKS && pos < left; i++) {
		if ((n = http_line_len(p + pos, left - pos)) <= 0)
			break;
		size = http_number(p + pos, (size_t)n, 16);
		if ((f = st_dbytes(d, c, &st_http_fields[F_CHUNKSIZE], pos,
		    (size_t)n)) != NULL)
			f->val = size;
		pos += (size_t)n + 2;
		if (size == 0) {	/* the last chunk, then a blank line */
			if ((n = http_line_len(p + pos, left - pos)) == 0)
				pos += 2;
			return pos;
		}
		if (size > left - pos) {
			st_dbytes(d, c, &st_http_fields[F_CHUNKDATA], pos,
			    left - pos);
			break;
		}
		if (size > 0)
			st_dbytes(d, c, &st_http_fields[F_CHUNKDATA], pos,
			    (size_t)size);
		pos += (size_t)size;
		if (left - pos >= 2) {
			st_dbytes(d, c, &st_http_fields[F_CHUNKEND], pos, 2);
			pos += 2;
		}
	}
	st_pkt_note(d->pkt, "HTTP: a chunked body continues in a later "
	    "segment");
	return left;
}
