/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HTTP/1.x (RFC 9112): the request or status line, the header lines, and
 * how much body this segment carries.  Chosen by port, kept only when the
 * segment starts like an HTTP message; a message whose head does not end
 * in this segment is marked as continued.  Every byte shown is escaped.
 */
#include <string.h>

#include "strata/out.h"
#include "http.h"

static const char *const methods[] = { "GET ", "POST ", "HEAD ", "PUT ",
	"DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ", "PROPFIND ",
	"PROPPATCH ", "MKCOL ", "COPY ", "MOVE ", "LOCK ", "UNLOCK ",
	"REPORT ", "SEARCH ", "M-SEARCH ", "NOTIFY ", NULL };

#define T(n, l)		FD(NULL, "http." n, l, 0, 0, ST_FMT_TEXT)

const struct st_field_desc st_http_fields[F_NHTTP] = {
	[F_METHOD] = FD("method", "http.request.method", "Method", 0, 0,
	    ST_FMT_TEXT),
	[F_URI] = FD("uri", "http.request.uri", "Request URI", 0, 0,
	    ST_FMT_TEXT),
	[F_VERSION] = FD("version", "http.request.version", "Version", 0, 0,
	    ST_FMT_TEXT),
	[F_RVERSION] = T("response.version", "Version"),
	[F_CODE] = FD(NULL, "http.response.code", "Status code", 0, 0,
	    ST_FMT_DEC),
	[F_PHRASE] = T("response.phrase", "Reason phrase"),
	[F_REQLINE] = T("request.line", "Header line"),
	[F_RESPLINE] = T("response.line", "Header line"),
	[F_HOST] = T("host", "Host"),
	[F_UA] = T("user_agent", "User-Agent"),
	[F_CTYPE] = T("content_type", "Content-Type"),
	[F_CLEN] = FD(NULL, "http.content_length", "Content-Length", 0, 0,
	    ST_FMT_DEC),
	[F_SERVER] = T("server", "Server"),
	[F_BODY] = FDX(NULL, "http.file_data", "Body", 0, 0, ST_FMT_BYTES,
	    0, 0, ST_DF_ASCII, 0, NULL),
	[F_REQUEST] = FDG("http.request", "A request", ST_FMT_DEC, NULL),
	[F_RESPONSE] = FDG("http.response", "A response", ST_FMT_DEC, NULL),
	[F_CODEDESC] = FDG("http.response.code.desc", "Status code meaning",
	    ST_FMT_TEXT, NULL),
	[F_FULLURI] = FDG("http.request.full_uri", "Full request URI",
	    ST_FMT_TEXT, NULL),
	[F_PATH] = T("request.uri.path", "URI path"),
	[F_QUERY] = T("request.uri.query", "URI query"),
	[F_PARAM] = T("request.uri.query.parameter", "Query parameter"),
	[F_CONNHOST] = T("proxy_connect_host", "CONNECT host"),
	[F_CONNPORT] = FD(NULL, "http.proxy_connect_port", "CONNECT port", 0,
	    0, ST_FMT_DEC),
	[F_CLENHDR] = T("content_length_header", "Content-Length header"),
	[F_CONN] = T("connection", "Connection"),
	[F_DATE] = T("date", "Date"),
	[F_ACCEPT] = T("accept", "Accept"),
	[F_ACCENC] = T("accept_encoding", "Accept-Encoding"),
	[F_ACCLANG] = T("accept_language", "Accept-Language"),
	[F_REFERER] = T("referer", "Referer"),
	[F_LASTMOD] = T("last_modified", "Last-Modified"),
	[F_CACHE] = T("cache_control", "Cache-Control"),
	[F_COOKIE] = T("cookie", "Cookie"),
	[F_COOKIEPAIR] = T("cookie_pair", "Cookie pair"),
	[F_SETCOOKIE] = T("set_cookie", "Set-Cookie"),
	[F_CENC] = T("content_encoding", "Content-Encoding"),
	[F_TENC] = T("transfer_encoding", "Transfer-Encoding"),
	[F_UPGRADE] = T("upgrade", "Upgrade"),
	[F_AUTH] = T("authorization", "Authorization"),
	[F_AUTHBASIC] = FDG("http.authbasic", "Basic credentials",
	    ST_FMT_TEXT, NULL),
	[F_LOCATION] = T("location", "Location"),
	[F_WWWAUTH] = T("www_authenticate", "WWW-Authenticate"),
	[F_XFF] = T("x_forwarded_for", "X-Forwarded-For"),
	[F_WSKEY] = T("sec_websocket_key", "Sec-WebSocket-Key"),
	[F_WSACCEPT] = T("sec_websocket_accept", "Sec-WebSocket-Accept"),
	[F_WSVERSION] = T("sec_websocket_version", "Sec-WebSocket-Version"),
	[F_WSPROTO] = T("sec_websocket_protocol", "Sec-WebSocket-Protocol"),
	[F_WSEXT] = T("sec_websocket_extensions", "Sec-WebSocket-Extensions"),
	[F_CHUNKSIZE] = FD(NULL, "http.chunk_size", "Chunk size", 0, 0,
	    ST_FMT_DEC),
	[F_CHUNKDATA] = FD(NULL, "http.chunk_data", "Chunk data", 0, 0,
	    ST_FMT_BYTES),
	[F_CHUNKEND] = FD(NULL, "http.chunk_boundary", "Chunk boundary", 0, 0,
	    ST_FMT_BYTES),
	[F_PAUTH] = T("proxy_authorization", "Proxy-Authorization"),
	[F_PAUTHN] = T("proxy_authenticate", "Proxy-Authenticate"),
	/* Bytes, not text: such a line is mostly a body's binary bytes. */
	[F_UNKHDR] = FDX(NULL, "http.unknown_header", "Unknown header line", 0,
	    0, ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
};

static const struct st_valname status_names[] = {
	{ 100, "Continue" }, { 101, "Switching Protocols" }, { 200, "OK" },
	{ 201, "Created" }, { 202, "Accepted" }, { 204, "No Content" },
	{ 206, "Partial Content" }, { 301, "Moved Permanently" },
	{ 302, "Found" }, { 303, "See Other" }, { 304, "Not Modified" },
	{ 307, "Temporary Redirect" }, { 308, "Permanent Redirect" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 408, "Request Time-out" }, { 409, "Conflict" }, { 410, "Gone" },
	{ 411, "Length Required" }, { 413, "Request Entity Too Large" },
	{ 414, "Request-URI Too Long" }, { 415, "Unsupported Media Type" },
	{ 416, "Requested Range Not Satisfiable" }, { 429,
	"Too Many Requests" }, { 500, "Internal Server Error" },
	{ 501, "Not Implemented" }, { 502, "Bad Gateway" },
	{ 503, "Service Unavailable" }, { 504, "Gateway Time-out" },
	{ 505, "HTTP Version not supported" }, { 0, NULL }
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
const uint8_t *
http_bytes(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* Length of the line at p (n bytes left), without CRLF; -1 if unended. */
long
http_line_len(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (p[i] == '\r' && p[i + 1] == '\n')
			return (long)i;
	return -1;
}

struct st_field *
http_text(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	const uint8_t *p = http_bytes(c, off + n);
	char buf[HTTP_LINE * 4 + 8];

	if (p == NULL)
		return NULL;
	st_escape(p + off, n < HTTP_LINE ? n : HTTP_LINE, buf, sizeof(buf));
	return st_dtext(d, c, &st_http_fields[f], off, n, buf);
}

/* A generated text row f, from n wire bytes at p (escaped) after pre. */
void
http_gentext(struct st_dctx *d, int f, const char *pre, const uint8_t *p,
    size_t n)
{
	char buf[HTTP_LINE * 4 + 32];
	struct st_field *fl;
	size_t k = strlen(pre);

	memcpy(buf, pre, k + 1);
	st_escape(p, n < HTTP_LINE ? n : HTTP_LINE, buf + k, sizeof(buf) - k);
	if ((fl = st_dgen(d, &st_http_fields[f], 0)) != NULL)
		fl->meaning = st_pkt_strdup(d->pkt, buf);
}

/* A decimal number of at most 18 digits at p[0..n). */
uint64_t
http_number(const uint8_t *p, size_t n, int base)
{
	uint64_t v = 0;
	size_t i;
	unsigned dg;

	for (i = 0; i < n && i < 18; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			dg = p[i] - '0';
		else if (base == 16 && (p[i] | 0x20) >= 'a' &&
		    (p[i] | 0x20) <= 'f')
			dg = (p[i] | 0x20) - 'a' + 10;
		else
			break;
		v = v * (unsigned)base + dg;
	}
	return v;
}

/* The query of a URI at off (n bytes), split at '&'; CONNECT's target. */
static void
uri_parts(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t off,
    size_t n, int connect)
{
	size_t q, a, i, k;

	if (connect) {
		for (k = n; k > 0 && p[off + k - 1] != ':'; k--)
			;
		if (k > 1) {
			http_text(d, c, F_CONNHOST, off, k - 1);
			if (st_dbytes(d, c, &st_http_fields[F_CONNPORT], off + k,
			    n - k) != NULL)
				d->pkt->fields[d->pkt->nfields - 1].val =
				    http_number(p + off + k, n - k, 10);
		}
		return;
	}
	for (q = 0; q < n && p[off + q] != '?'; q++)
		;
	if (q == n)
		return;		/* as tshark: the parts only with a query */
	http_text(d, c, F_PATH, off, q);
	http_text(d, c, F_QUERY, off + q + 1, n - q - 1);
	for (a = q + 1, k = 0; a < n && k < HTTP_LINES; a = i + 1, k++) {
		for (i = a; i < n && p[off + i] != '&'; i++)
			;
		http_text(d, c, F_PARAM, off + a, i - a);
	}
}

/* Splits the first line into its three parts (request or status). */
static void
first_line(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n,
    struct head *h)
{
	const char *m;
	size_t a, b;
	struct st_field *f;

	for (a = 0; a < n && p[a] != ' '; a++)
		;
	for (b = a + 1; b < n && p[b] != ' '; b++)
		;
	if (!h->response) {
		st_dgen(d, &st_http_fields[F_REQUEST], 1);
		http_text(d, c, F_METHOD, 0, a);
		if (a + 1 < n) {
			http_text(d, c, F_URI, a + 1, (b < n ? b : n) - a - 1);
			uri_parts(d, c, p, a + 1, (b < n ? b : n) - a - 1,
			    a == 7 && memcmp(p, "CONNECT", 7) == 0);
		}
		/* No version (HTTP/0.9's form): tshark gives it empty. */
		if (a + 1 < n)
			http_text(d, c, F_VERSION, b + 1 < n ? b + 1 : n,
			    b + 1 < n ? n - b - 1 : 0);
		return;
	}
	st_dgen(d, &st_http_fields[F_RESPONSE], 1);
	http_text(d, c, F_RVERSION, 0, a);
	if (a + 1 < n && b <= n) {
		f = st_dbytes(d, c, &st_http_fields[F_CODE], a + 1, b - a - 1);
		if (f != NULL) {
			f->val = http_number(p + a + 1, b - a - 1 < 3 ? b - a - 1 :
			    3, 10);
			if ((m = st_valname(status_names, (uint32_t)f->val)) !=
			    NULL)
				http_gentext(d, F_CODEDESC, m, p, 0);
		}
	}
	if (b + 1 < n)
		http_text(d, c, F_PHRASE, b + 1, n - b - 1);
}

/* Whether the segment at p starts a request or a status line. */
static int
starts_message(const uint8_t *p, size_t left, int *response)
{
	size_t i, k;

	*response = 1;
	/* Every method and "HTTP/1." begin with a capital: most bodies do
	 * not, and need no comparison. */
	if (left == 0 || p[0] < 'A' || p[0] > 'Z')
		return 0;
	for (i = 0; methods[i] != NULL; i++) {
		if (methods[i][0] != p[0])
			continue;
		k = strlen(methods[i]);
		if (left >= k && memcmp(p, methods[i], k) == 0) {
			*response = 0;
			return 1;
		}
	}
	*response = 1;
	return left >= 7 && memcmp(p, "HTTP/1.", 7) == 0;
}

/* The head's lines from pos; returns where the body starts (or left). */
static size_t
head_lines(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t pos,
    size_t left, struct head *h)
{
	int lines = 0;
	long n;

	while (pos < left) {
		if ((n = http_line_len(p + pos, left - pos)) < 0) {
			st_pkt_note(d->pkt, "HTTP: the header continues in a "
			    "later segment");
			return left;
		}
		if (n == 0)		/* the blank line: the body follows */
			return pos + 2;
		if (++lines <= HTTP_LINES)
			http_header_line(d, c, p, pos, (size_t)n, h);
		pos += (size_t)n + 2;
	}
	return pos;
}

/* A request's full URI: http://Host/target, or an absolute target. */
static void
full_uri(struct st_dctx *d, const uint8_t *p, size_t n, const struct head *h)
{
	char host[HTTP_LINE * 4 + 16];
	size_t a, b;

	for (a = 0; a < n && p[a] != ' '; a++)
		;
	for (b = a + 1; b < n && p[b] != ' '; b++)
		;
	if (a + 1 >= n || b > n)
		return;
	if (p[a + 1] != '/') {
		if (b - a - 1 > 7 && memcmp(p + a + 1, "http://", 7) == 0)
			http_gentext(d, F_FULLURI, "", p + a + 1, b - a - 1);
		return;
	}
	if (h->hostn == 0)
		return;
	memcpy(host, "http://", 8);
	st_escape(p + h->host, h->hostn < HTTP_LINE ? h->hostn : HTTP_LINE,
	    host + 7, sizeof(host) - 7);
	http_gentext(d, F_FULLURI, host, p + a + 1, b - a - 1);
}

/*
 * The length of the line at p (n bytes) as Wireshark ends it: at CR, LF
 * or CRLF, or at the end of the segment; *next is where the next starts.
 */
static size_t
any_line(const uint8_t *p, size_t n, size_t *next)
{
	size_t i;

	for (i = 0; i < n && p[i] != '\r' && p[i] != '\n'; i++)
		;
	*next = i + (i < n && p[i] == '\r' && i + 1 < n && p[i + 1] == '\n' ?
	    2 : i < n ? 1 : 0);
	return i;
}

/* Whether line p[0..n) starts like a header: a token, then ':'. */
static int
header_like(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] > 0x7e ||
		    strchr("()<>@,;\\\"/[]?={} ", p[i]) != NULL)
			return 0;
		if (p[i] == ':')
			return 1;
	}
	return 0;
}

/*
 * A segment on an HTTP port that starts no message: the rest of a head or
 * a body begun in an earlier segment, Wireshark's "Continuation".  As
 * tshark, every line with a colon in it is a header line (without a line
 * field: tshark cannot tell a request's from a response's); one whose
 * name is no token is an unknown header, shown whole.  The first line
 * without a colon, or a blank line, ends the head; the rest is body,
 * shown as data after it.  A first byte that is not printable starts no
 * header: then all of it is data, with no body text (as tshark).
 */
static int
continuation(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t left)
{
	const struct st_proto *body;
	struct head h;
	size_t pos = 0, n, next, bl;
	int lines = 0;

	if (st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto) != NULL)
		return ST_ENOTME;	/* another protocol's bytes */
	memset(&h, 0, sizeof(h));
	h.cont = 1;
	d->data = 1;
	/* A CRLF where a message may start is skipped (RFC 9112 2.2). */
	if (left > 3 && p[0] == '\r' && p[1] == '\n')
		pos = 2;
	if (p[pos] < 0x20 || p[pos] > 0x7e) {
		d->hdr = pos;
		return ST_OK;
	}
	while (pos < left && lines++ < HTTP_LINES) {
		n = any_line(p + pos, left - pos, &next);
		if (n == 0 && next > 0) {	/* the blank line ends a head */
			pos += next;
			break;
		}
		if (n == 0 || memchr(p + pos, ':', n) == NULL)
			break;
		if (p[pos] != ':' && header_like(p + pos, n))
			http_header_line(d, c, p, pos, n, &h);
		else
			st_dbytes(d, c, &st_http_fields[F_UNKHDR], pos, next);
		pos += next;
	}
	d->hdr = pos;
	if (pos < left) {
		bl = h.has_clen && h.clen < left - pos ? (size_t)h.clen :
		    left - pos;
		st_dbytes(d, c, &st_http_fields[F_BODY], pos, bl);
		/* as a message's body: by its Content-Type (last: the
		 * fields before go to HTTP's layer) */
		if (!h.encoded && !h.chunked && (body = http_body_proto(p, &h,
		    p + pos, bl)) != NULL) {
			d->hdr = pos + bl;	/* what follows stays data */
			st_dsublayer(d, c, body, pos, bl);
		}
	}
	return ST_OK;
}

#define HTTP_INFLATED	(256 * 1024)	/* bytes of a body inflated */

/*
 * A body the segment carries that tshark opens before it shows it: a
 * chunked one whole here, made whole from its chunks' data (tshark's
 * "De-chunked entity body"), and one encoded with gzip or deflate,
 * inflated as far as its bytes go ("Content-encoded entity body"); shown
 * as lines of text, JSON or XML by its Content-Type, after the frame's bytes
 * (st_dderive).  p[pos..end) is the body, chunked or not.
 */
static void
opened(struct st_dctx *d, const uint8_t *p, const struct head *h,
    size_t pos, size_t end)
{
	const struct st_proto *to;
	uint8_t *b, *z = NULL, *show;
	uint64_t size = 1;
	size_t n = 0;
	unsigned i;
	long k;
	int media;

	/* not when the capture cut the frame: what it made would not be
	 * the sender's */
	if (end <= pos || d->pkt->caplen < d->pkt->len ||
	    (b = malloc(end - pos)) == NULL)
		return;
	if (!h->chunked) {
		memcpy(b, p + pos, end - pos);
		n = end - pos;
		size = 0;
	}
	for (i = 0; h->chunked && i < HTTP_CHUNKS && pos < end; i++) {
		if ((k = http_line_len(p + pos, end - pos)) <= 0)
			break;
		size = http_number(p + pos, (size_t)k, 16);
		pos += (size_t)k + 2;
		if (size == 0) {	/* the last chunk and the blank line */
			if (http_line_len(p + pos, end - pos) != 0)
				size = 1;
			break;
		}
		if (size > end - pos)
			break;
		memcpy(b + n, p + pos, (size_t)size);
		n += (size_t)size;
		pos += (size_t)size + 2;
	}
	show = b;
	if (size == 0 && n > 0 && h->encoded == 2) {
		if ((z = malloc(HTTP_INFLATED)) == NULL)
			n = 0;
		else {
			n = st_inflate(b, n, z, HTTP_INFLATED);
			show = z;
		}
	}
	if (size == 0 && n > 0 && (to = http_body_proto(p, h, show, n)) !=
	    NULL && (media = strcmp(to->name, "json") == 0 ? ST_MEDIA_JSON :
	    strcmp(to->name, "xml") == 0 ? ST_MEDIA_XML :
	    strcmp(to->ws, "data-text-lines") == 0 ? ST_MEDIA_TEXT : 0) != 0)
		st_dderive(d, show, n, ST_KEY_MEDIA, (uint64_t)media,
		    h->encoded ? "the body inflated" :
		    "the body made whole from its chunks");
	free(z);
	free(b);
}

static int
http_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos, end, bl, bpos = 0, bn = 0;
	const uint8_t *p = http_bytes(c, left);
	const struct st_proto *to, *body = NULL;
	struct head h;
	long n;

	memset(&h, 0, sizeof(h));
	if (p == NULL || left == 0)
		return ST_ENOTME;
	if (!starts_message(p, left, &h.response)) {
		switch (http_switched(d, c)) {
		case -1:		/* upgraded to an unknown protocol */
			return ST_ENOTME;
		case 1:
			return ST_OK;
		}
		return continuation(d, c, p, left);
	}
	d->hdr = left;
	d->plen = 0;
	if ((n = http_line_len(p, left)) < 0) {
		http_text(d, c, h.response ? F_RESPLINE : F_REQLINE, 0, left);
		st_pkt_note(d->pkt, "HTTP: the message continues in a later "
		    "segment");
		return ST_OK;
	}
	first_line(d, c, p, (size_t)n, &h);
	pos = head_lines(d, c, p, (size_t)n + 2, left, &h);
	if (!h.response)
		full_uri(d, p, (size_t)n, &h);
	/* An upgrade or a tunnel: what follows the head is not HTTP. */
	if ((to = http_switch_note(d, p, (size_t)n, pos, h.response)) !=
	    NULL && pos < left) {
		d->hdr = pos;
		d->plen = left - pos;
		d->next = to;
		return ST_OK;
	}
	if (pos >= left) {
		http_auth_token(d, p, &h);
		return ST_OK;
	}
	if (h.chunked) {
		end = http_chunks(d, c, p, pos, left);
	} else {
		/* A request without a length has no body (RFC 9112 6.3). */
		bl = h.has_clen ? (h.clen < left - pos ? (size_t)h.clen :
		    left - pos) : h.response ? left - pos : 0;
		if (bl > 0)
			st_dbytes(d, c, &st_http_fields[F_BODY], pos, bl);
		end = pos + bl;
		/* A content-encoded body is not opened: data. */
		if (bl > 0 && !h.encoded)
			body = http_body_proto(p, &h, p + pos, bl);
		bpos = pos;
		bn = bl;
	}
	/* Pipelined: another message follows in the same segment. */
	if (end < left && starts_message(p + end, left - end, &h.response)) {
		d->hdr = end;
		d->plen = left - end;
		d->next = d->ly->proto;
		/* the body's layer, but no token's: its layers would come
		 * before the next message's */
		if (body != NULL)
			st_dsublayer(d, c, body, bpos, bn);
		return ST_OK;
	} else if (end < left)
		st_dbytes(d, c, &st_http_fields[F_BODY], end, left - end);
	/* last: the fields before go to HTTP's layer; the body's layer,
	 * then those of an authentication token, after the frame */
	if (body != NULL)
		st_dsublayer(d, c, body, bpos, bn);
	else if ((h.chunked && h.encoded != 1) || h.encoded == 2)
		opened(d, p, &h, pos, end);
	http_auth_token(d, p, &h);
	return ST_OK;
}

/*
 * By content: a request line (a method, a target without control bytes
 * (a space in it is a client's error tshark accepts too), HTTP/1.x) or a status line (HTTP/1.x, three digits), the
 * whole line in the segment.  Replies are recognised the same way.
 */
static int
http_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c), i, sp;
	const uint8_t *p = http_bytes(c, left);
	int response;
	long n;

	if (p == NULL || !starts_message(p, left, &response) ||
	    (n = http_line_len(p, left)) < 12)
		return 0;
	if (response)
		return p[7] >= '0' && p[7] <= '9' && p[8] == ' ' &&
		    p[9] >= '1' && p[9] <= '5' && p[10] >= '0' &&
		    p[10] <= '9' && p[11] >= '0' && p[11] <= '9' &&
		    (n == 12 || p[12] == ' ');
	for (i = 0, sp = 0; i < (size_t)n; i++) {
		if (p[i] < 0x21 && p[i] != ' ')
			return 0;
		sp += p[i] == ' ';
	}
	return sp >= 2 && n >= 8 && memcmp(p + n - 8, "HTTP/1.", 7) == 0 &&
	    p[n - 1] >= '0' && p[n - 1] <= '9';
}

/* @reasm */
#define HTTP_MAXHEAD	65536	/* a head longer is not gathered */

/* The Content-Length of head p[0..n), or -1 when it has none or is
 * chunked (its body is then not gathered: it has no length up front). */
static long long
head_clen(const uint8_t *p, size_t n)
{
	size_t i, k, line = 0;
	long long clen = -1;
	unsigned lines = 0;

	for (i = 0; i + 1 < n && lines < 256; i++) {
		if (p[i] != '\r' || p[i + 1] != '\n')
			continue;
		lines++;
		for (k = line; k < i && p[k] != ':'; k++)
			;
		if (k < i && http_named(p + line, k - line, "content-length")) {
			for (k++; k < i && p[k] == ' '; k++)
				;
			clen = (long long)http_number(p + k, i - k, 10);
		} else if (k < i && http_named(p + line, k - line,
		    "transfer-encoding"))
			return -1;
		line = i + 2;
	}
	return clen;
}

/*
 * The message at c (strata/proto.h, pdu_len): its head to the blank line,
 * and the body its Content-Length says.  A head not yet ended says "more"
 * (up to HTTP_MAXHEAD bytes); bytes that start no request or status line
 * are no message's start.
 */
static size_t
http_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), i;
	const uint8_t *p;
	long long clen;
	int response;

	if (left > HTTP_MAXHEAD)
		left = HTTP_MAXHEAD;
	if (left == 0 || (p = http_bytes(c, left)) == NULL)
		return 0;
	if (!starts_message(p, left, &response))
		return left < 8 && p[0] >= 'A' && p[0] <= 'Z' ? ST_PDU_MORE :
		    0;
	for (i = 0; i + 3 < left; i++)
		if (p[i] == '\r' && memcmp(p + i, "\r\n\r\n", 4) == 0)
			break;
	if (i + 3 >= left)
		return left < HTTP_MAXHEAD ? ST_PDU_MORE : 0;
	clen = head_clen(p, i + 2);
	return i + 4 + (clen > 0 ? (size_t)clen : 0);
}

static const struct st_bind http_binds[] = {
	{ ST_KEY_TCPPORT, 80 },
	{ ST_KEY_TCPPORT, 8000 },
	{ ST_KEY_TCPPORT, 8080 },
	{ ST_KEY_TCPPORT, 3128 },	/* proxies */
};

/* One message: "http GET /index.html", "http 200 OK". */
static void
http_sum_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_RESPLINE + 1];

	st_ly_fields(s->pkt, ly, st_http_fields, F_RESPLINE + 1, f);
	if (f[F_METHOD] != NULL) {
		st_out_puts(s->o, "http ");
		s->value(s, f[F_METHOD]);
		st_out_putc(s->o, ' ');
		s->value(s, f[F_URI]);
	} else if (f[F_CODE] != NULL) {
		st_out_puts(s->o, "http ");
		s->value(s, f[F_CODE]);
		if (f[F_PHRASE] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_PHRASE]);
		}
	} else if (f[F_REQLINE] != NULL || f[F_RESPLINE] != NULL)
		st_out_puts(s->o, "http (continued)");
	else	/* the rest of a message begun in an earlier segment */
		st_out_printf(s->o, "http continuation, %u bytes", ly->len);
}

/* Every message of the segment (pipelined ones too), joined by ", ". */
static int
http_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	unsigned i;
	int n = 0;

	if (http_switched_summary(s, ly))
		return 1;
	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		if (n++ > 0)
			st_out_puts(s->o, ", ");
		http_sum_one(s, t);
	}
	return 1;
}

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const http_keys[] = {
	&st_http_fields[F_METHOD], &st_http_fields[F_URI], &st_http_fields[F_CODE],
	&st_http_fields[F_PHRASE], &st_http_fields[F_HOST], &st_http_fields[F_CLEN],
	NULL,
};

const struct st_proto st_proto_http = {
	.name = "http",
	.ws = "http",
	.title = "Hypertext Transfer Protocol",
	.rfc = "RFC 9112",
	.role = ST_ROLE_APP,
	.fields = st_http_fields,
	.nfields = F_NHTTP,
	.decode = http_decode,
	.binds = http_binds,
	.nbinds = NFIELDS(http_binds),
	.heuristic = http_heuristic,
	.summary = http_summary,
	.keys = http_keys,
	.color = "\033[96m",
	/* @reasm */
	.pdu_len = http_pdu_len,
};
