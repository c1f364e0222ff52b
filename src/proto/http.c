/*
 * HTTP/1.x (RFC 9112): the request or status line, the header lines, and
 * how much body this segment carries.  Chosen by port, kept only when the
 * segment starts like an HTTP message; a message whose head does not end
 * in this segment is marked as continued.  Every byte shown is escaped.
 */
#include <string.h>

#include "fields.h"

#define HTTP_LINES	64	/* header lines decoded */
#define HTTP_LINE	512	/* bytes of one line shown */

static const char *const methods[] = { "GET ", "POST ", "HEAD ", "PUT ",
	"DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ", NULL };

enum { F_METHOD, F_URI, F_VERSION, F_RVERSION, F_CODE, F_PHRASE, F_REQLINE,
	F_RESPLINE, F_HOST, F_UA, F_CTYPE, F_CLEN, F_SERVER, F_BODY };

static const struct st_field_desc http_fields[] = {
	FD("method", "http.request.method", "Method", 0, 0, ST_FMT_TEXT),
	FD("uri", "http.request.uri", "Request URI", 0, 0, ST_FMT_TEXT),
	FD("version", "http.request.version", "Version", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.response.version", "Version", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.response.code", "Status code", 0, 0, ST_FMT_DEC),
	FD(NULL, "http.response.phrase", "Reason phrase", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.request.line", "Header line", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.response.line", "Header line", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.host", "Host", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.user_agent", "User-Agent", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.content_type", "Content-Type", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.content_length", "Content-Length", 0, 0, ST_FMT_DEC),
	FD(NULL, "http.server", "Server", 0, 0, ST_FMT_TEXT),
	FD(NULL, "http.file_data", "Body", 0, 0, ST_FMT_BYTES),
};

/* Known headers, by name (case-insensitive), and their own fields. */
static const struct {
	const char	*name;
	int		 field;
} known[] = {
	{ "host", F_HOST }, { "user-agent", F_UA },
	{ "content-type", F_CTYPE }, { "content-length", F_CLEN },
	{ "server", F_SERVER },
};

/* Length of the line at p (n bytes left), without CRLF; -1 if unended. */
static long
line_len(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (p[i] == '\r' && p[i + 1] == '\n')
			return (long)i;
	return -1;
}

static struct st_field *
text(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	char buf[HTTP_LINE * 4 + 8];

	st_escape(c->base + c->off + off, n < HTTP_LINE ? n : HTTP_LINE, buf,
	    sizeof(buf));
	return st_dtext(d, c, &http_fields[f], off, n, buf);
}

/* Splits the first line into its three parts (request or status). */
static void
first_line(struct st_dctx *d, struct st_cur *c, size_t n, int response)
{
	const uint8_t *p = c->base + c->off;
	size_t a, b;
	struct st_field *f;
	unsigned v = 0;

	for (a = 0; a < n && p[a] != ' '; a++)
		;
	for (b = a + 1; b < n && p[b] != ' '; b++)
		;
	if (!response) {
		text(d, c, F_METHOD, 0, a);
		if (a + 1 < n)
			text(d, c, F_URI, a + 1, (b < n ? b : n) - a - 1);
		if (b + 1 < n)
			text(d, c, F_VERSION, b + 1, n - b - 1);
		return;
	}
	text(d, c, F_RVERSION, 0, a);
	if (a + 1 < n && b <= n) {
		f = st_dbytes(d, c, &http_fields[F_CODE], a + 1, b - a - 1);
		if (f != NULL) {
			for (size_t i = a + 1; i < b && i < a + 4; i++)
				v = v * 10 + (unsigned)(p[i] >= '0' &&
				    p[i] <= '9' ? p[i] - '0' : 0);
			f->val = v;
		}
	}
	if (b + 1 < n)
		text(d, c, F_PHRASE, b + 1, n - b - 1);
}

/* One header line: a known header gets its own field too. */
static void
header_line(struct st_dctx *d, struct st_cur *c, size_t off, size_t n,
    int response)
{
	const uint8_t *p = c->base + c->off + off;
	struct st_field *f;
	size_t i, k, colon, v;
	uint64_t num;

	text(d, c, response ? F_RESPLINE : F_REQLINE, off, n);
	for (colon = 0; colon < n && p[colon] != ':'; colon++)
		;
	if (colon == n)
		return;
	for (v = colon + 1; v < n && p[v] == ' '; v++)
		;
	for (k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
		if (strlen(known[k].name) != colon)
			continue;
		for (i = 0; i < colon; i++)
			if ((p[i] | 0x20) != known[k].name[i])
				break;
		if (i < colon)
			continue;
		if (known[k].field == F_CLEN) {
			f = st_dbytes(d, c, &http_fields[F_CLEN], off + v,
			    n - v);
			for (num = 0, i = v; f != NULL && i < n && p[i] >= '0' &&
			    p[i] <= '9' && num < 1000000000000ULL; i++)
				num = num * 10 + (uint64_t)(p[i] - '0');
			if (f != NULL)
				f->val = num;
		} else
			text(d, c, known[k].field, off + v, n - v);
	}
}

static int
http_decode(struct st_dctx *d, struct st_cur *c)
{
	const uint8_t *p = c->base + c->off;
	size_t left = st_cur_left(c), pos, i;
	int response = 0, lines = 0;
	long n;

	for (i = 0; methods[i] != NULL; i++)
		if (left >= strlen(methods[i]) && memcmp(p, methods[i],
		    strlen(methods[i])) == 0)
			break;
	if (methods[i] == NULL) {
		if (left >= 7 && memcmp(p, "HTTP/1.", 7) == 0)
			response = 1;
		else
			return ST_ENOTME;	/* a body, or not HTTP */
	}
	if ((n = line_len(p, left)) < 0) {
		text(d, c, response ? F_RESPLINE : F_REQLINE, 0, left);
		st_pkt_note(d->pkt, "HTTP: the message continues in a later "
		    "segment");
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	first_line(d, c, (size_t)n, response);
	pos = (size_t)n + 2;
	while (pos < left) {
		if ((n = line_len(p + pos, left - pos)) < 0) {
			st_pkt_note(d->pkt, "HTTP: the header continues in a "
			    "later segment");
			pos = left;
			break;
		}
		if (n == 0) {		/* the blank line: the body follows */
			pos += 2;
			break;
		}
		if (++lines <= HTTP_LINES)
			header_line(d, c, pos, (size_t)n, response);
		pos += (size_t)n + 2;
	}
	if (pos < left)
		st_dbytes(d, c, &http_fields[F_BODY], pos, left - pos);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind http_binds[] = {
	{ ST_KEY_TCPPORT, 80 },
	{ ST_KEY_TCPPORT, 8000 },
	{ ST_KEY_TCPPORT, 8080 },
};

/* @summary */
#include "strata/out.h"

/* The request or status line: "GET / HTTP/1.1", "HTTP/1.1 200 OK". */
static int
http_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_PHRASE + 1];
	int i0;

	st_ly_fields(s->pkt, ly, http_fields, F_PHRASE + 1, f);
	if (f[F_METHOD] != NULL)
		i0 = F_METHOD;
	else if (f[F_CODE] != NULL)
		i0 = F_RVERSION;
	else {
		st_out_puts(s->o, "http (continued)");
		return 1;
	}
	s->value(s, f[i0]);
	st_out_putc(s->o, ' ');
	s->value(s, f[i0 + 1]);
	st_out_putc(s->o, ' ');
	s->value(s, f[i0 + 2]);
	return 1;
}

/* @views */
/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const http_keys[] = {
	&http_fields[F_METHOD], &http_fields[F_URI], &http_fields[F_CODE],
	&http_fields[F_PHRASE], &http_fields[F_HOST], &http_fields[F_CLEN],
	NULL,
};

/* @craft */

/* @probes */

const struct st_proto st_proto_http = {
	.name = "http",
	.ws = "http",
	.title = "Hypertext Transfer Protocol",
	.rfc = "RFC 9112",
	.role = ST_ROLE_APP,
	.fields = http_fields,
	.nfields = NFIELDS(http_fields),
	.decode = http_decode,
	.binds = http_binds,
	.nbinds = NFIELDS(http_binds),
	/* @summary */
	.summary = http_summary,
	/* @views */
	.keys = http_keys,
	.color = "\033[96m",
	/* @craft */
	/* @probes */
};
