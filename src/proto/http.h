/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HTTP/1.x's rows and helpers, shared by http.c (messages, first lines,
 * continuations, the descriptor) and httphdr.c (header lines, chunked
 * bodies).  Included by those two files only.
 */
#ifndef STRATA_PROTO_HTTP_H
#define STRATA_PROTO_HTTP_H

#include "fields.h"

#define HTTP_LINES	64	/* header lines decoded */
#define HTTP_LINE	512	/* bytes of one line shown */
#define HTTP_CHUNKS	64	/* chunks of a body decoded */
#define HTTP_TOKEN	8192	/* bytes of an authentication token decoded */

enum { F_METHOD, F_URI, F_VERSION, F_RVERSION, F_CODE, F_PHRASE, F_REQLINE,
	F_RESPLINE, F_HOST, F_UA, F_CTYPE, F_CLEN, F_SERVER, F_BODY,
	/* generated, and the parts of the request line */
	F_REQUEST, F_RESPONSE, F_CODEDESC, F_FULLURI, F_PATH, F_QUERY, F_PARAM,
	F_CONNHOST, F_CONNPORT,
	/* more headers */
	F_CLENHDR, F_CONN, F_DATE, F_ACCEPT, F_ACCENC, F_ACCLANG, F_REFERER,
	F_LASTMOD, F_CACHE, F_COOKIE, F_COOKIEPAIR, F_SETCOOKIE, F_CENC, F_TENC,
	F_UPGRADE, F_AUTH, F_AUTHBASIC, F_LOCATION, F_WWWAUTH, F_XFF,
	F_WSKEY, F_WSACCEPT, F_WSVERSION, F_WSPROTO, F_WSEXT,
	/* chunked bodies */
	F_CHUNKSIZE, F_CHUNKDATA, F_CHUNKEND,
	/* a continuation's line with a colon but no header name */
	F_UNKHDR,
	F_PAUTH, F_PAUTHN, F_NHTTP };

extern const struct st_field_desc st_http_fields[F_NHTTP];

/* What one message's head said, for what follows it. */
struct head {
	int		 response;
	int		 cont;		/* a continuation: no first line */
	size_t		 host, hostn;	/* the Host value, offset and length */
	int		 has_clen;
	uint64_t	 clen;
	int		 chunked;
	/* An NTLM or Negotiate token in an authentication header: its
	 * base64 text (offset, length) and what it decodes to (key value
	 * under ST_KEY_GSSAPI; 0 none). */
	size_t		 auth, authn;
	unsigned	 authkind;
	size_t		 ctype, ctypen;	/* the Content-Type value */
	int		 encoded;	/* a Content-Encoding but identity: 2
					   gzip or deflate, 1 another */
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
const uint8_t *http_bytes(const struct st_cur *c, size_t n);
/* Length of the line at p (n bytes left), without CRLF; -1 if unended. */
long	http_line_len(const uint8_t *p, size_t n);
/* Row f from the n bytes at off, escaped. */
struct st_field *http_text(struct st_dctx *d, struct st_cur *c, int f,
	    size_t off, size_t n);
/* A generated text row f, from n wire bytes at p (escaped) after pre. */
void	http_gentext(struct st_dctx *d, int f, const char *pre,
	    const uint8_t *p, size_t n);
/* A number of at most 18 digits at p[0..n), in base 10 or 16. */
uint64_t http_number(const uint8_t *p, size_t n, int base);

/* Whether header name p[0..n) is name (lower case). */
int	http_named(const uint8_t *p, size_t n, const char *name);
/* The header line at pos (n bytes): its row, and what the head learns. */
void	http_header_line(struct st_dctx *d, struct st_cur *c,
	    const uint8_t *p, size_t pos, size_t n, struct head *h);
/*
 * The token an authentication header of the head carried (h->authkind),
 * base64-decoded and decoded as the layers it holds (NTLMSSP, GSS-API),
 * as Wireshark does; the last thing a message's decoder does.
 */
void	http_auth_token(struct st_dctx *d, const uint8_t *p,
	    const struct head *h);
/* The chunks of a chunked body from pos; where the message ends. */
size_t	http_chunks(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
	    size_t pos, size_t left);

/* httpbody.c: the layer the body b[0..bn) of head p is shown as (by its
 * Content-Type, as Wireshark's media types, and its heuristics), or NULL:
 * data. */
const struct st_proto *http_body_proto(const uint8_t *p, const struct head *h,
	    const uint8_t *b, size_t bn);

/*
 * httpup.c: after message head p[0..hl) (first line n bytes), a CONNECT
 * request, its 2xx answer or a 101 with Upgrade notes that the
 * conversation is switched; returns what the rest of the segment carries
 * (NULL: HTTP goes on).
 */
const struct st_proto *http_switch_note(struct st_dctx *d, const uint8_t *p,
	    size_t n, size_t hl, int response);
/* A segment that starts no message in a switched conversation: an HTTP
 * layer of no bytes handing it on; 1, or 0 when not switched. */
int	http_switched(struct st_dctx *d, struct st_cur *c);
/* Its summary: that of the layer it hands on to; 0 for any other. */
int	http_switched_summary(struct st_sumctx *s, const struct st_layer *ly);
#endif /* STRATA_PROTO_HTTP_H */
