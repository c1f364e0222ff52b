/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * WHOIS (RFC 3912), TCP 43: the client sends one query line ending in
 * CRLF ("example.com"), the server answers with text and closes; nothing
 * says the text's encoding.  As Wireshark's dissector: a segment to port
 * 43 is the query (whois.query, its line end included), one from it is
 * (a part of) the answer, a whois.answer per line, each with its line end.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define WHOIS_PORT	43
#define WHOIS_TEXT	1024	/* bytes of one line shown */
#define WHOIS_LINES	256	/* answer lines shown */

enum { W_QUERY, W_ANSWER, W_NOCRLF, W_NWHOIS };

static const struct st_field_desc whois_fields[W_NWHOIS] = {
	[W_QUERY] = FD("query", "whois.query", "Query", 0, 0, ST_FMT_TEXT),
	[W_ANSWER] = FD(NULL, "whois.answer", "Answer", 0, 0, ST_FMT_TEXT),
	/* a marker with no value, as Wireshark's (FT_NONE) */
	[W_NOCRLF] = FD(NULL, "whois.nocrlf", "Missing <CR><LF>", 0, 0,
	    ST_FMT_TEXT),
};

/* The n bytes at off as row f, the text shown without the line end. */
static void
whois_line(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t off, size_t n, unsigned f)
{
	char buf[WHOIS_TEXT * 4 + 8];
	size_t k = n;

	if (k > 0 && p[k - 1] == '\n')
		k--;
	if (k > 0 && p[k - 1] == '\r')
		k--;
	st_escape(p, k < WHOIS_TEXT ? k : WHOIS_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &whois_fields[f], off, n, buf);
}

static int
whois_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), pos = 0, k;
	const uint8_t *p, *nl;
	struct st_cur t = *c;
	unsigned lines = 0;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	d->hdr = n;
	d->plen = 0;
	if (st_dport(d->pkt, d->ly, 1) == WHOIS_PORT) {
		whois_line(d, c, p, 0, n, W_QUERY);
		if (n < 2 || p[n - 2] != '\r' || p[n - 1] != '\n') {
			st_dtext(d, c, &whois_fields[W_NOCRLF], n, 0, "");
			st_pkt_note(d->pkt, "WHOIS: the query has no CRLF at "
			    "its end (RFC 3912 2)");
		}
		return ST_OK;
	}
	for (; pos < n && lines < WHOIS_LINES; lines++) {
		nl = memchr(p + pos, '\n', n - pos);
		k = nl != NULL ? (size_t)(nl - (p + pos)) + 1 : n - pos;
		whois_line(d, c, p + pos, pos, k, W_ANSWER);
		pos += k;
	}
	if (pos < n)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "WHOIS: the lines "
		    "after the first %u are not shown", WHOIS_LINES));
	return ST_OK;
}

static const struct st_bind whois_binds[] = {
	{ ST_KEY_TCPPORT, WHOIS_PORT },
};

/* "whois query example.com", "whois answer, 42 lines". */
static int
whois_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[W_NWHOIS];
	unsigned i, lines = 0;

	st_ly_fields(s->pkt, ly, whois_fields, W_NWHOIS, f);
	if (f[W_QUERY] != NULL) {
		st_out_puts(s->o, "whois query ");
		s->value(s, f[W_QUERY]);
		return 1;
	}
	for (i = 0; i < ly->nfields; i++)
		lines += s->pkt->fields[ly->field0 + i].desc ==
		    &whois_fields[W_ANSWER];
	st_out_printf(s->o, "whois answer, %u line%s", lines,
	    lines == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const whois_keys[] = {
	&whois_fields[W_QUERY], NULL,
};

const struct st_proto st_proto_whois = {
	.name = "whois",
	.ws = "whois",
	.title = "WHOIS",
	.rfc = "RFC 3912",
	.role = ST_ROLE_APP,
	.fields = whois_fields,
	.nfields = W_NWHOIS,
	.decode = whois_decode,
	.binds = whois_binds,
	.nbinds = NFIELDS(whois_binds),
	.summary = whois_summary,
	.keys = whois_keys,
	.color = "\033[33m",
	.explain = "Who holds a domain name or an address block: the client "
	    "connects to TCP port 43 and sends one line, the name asked "
	    "about, ending in CRLF; the registry's server answers with text "
	    "(holder, dates, name servers, where to ask next) and closes the "
	    "connection.  Nothing in the protocol says the text's encoding.",
};
