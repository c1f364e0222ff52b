/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NNTP, the Network News Transfer Protocol (RFC 3977), TCP 119: a reader
 * or a peer server sends command lines (GROUP comp.lang.c, ARTICLE 42,
 * IHAVE <id>, POST), the server answers with a three-digit status line
 * (211 group selected, 220 article follows, 340 send article) and, for
 * some, a block of text ended by a line holding a single dot.
 *
 * As Wireshark's dissector: a segment to port 119 is a request, one from
 * it a response (nntp.request, nntp.response); the lines themselves are
 * Wireshark's text, strata's fields: the command and its arguments, the
 * status code and its text, the number of lines a segment carries.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define NNTP_PORT	119

enum { N_REQ, N_RESP, N_CMD, N_ARG, N_CODE, N_TEXT, N_LINES, N_NFIELDS };

static const struct st_field_desc nntp_fields[N_NFIELDS] = {
	[N_REQ] = FDG("nntp.request", "Request", ST_FMT_BOOL, NULL),
	[N_RESP] = FDG("nntp.response", "Response", ST_FMT_BOOL, NULL),
	[N_CMD] = FD("command", "strata.nntp.command", "Command", 0, 0,
	    ST_FMT_TEXT),
	[N_ARG] = FD("args", "strata.nntp.arguments", "Arguments", 0, 0,
	    ST_FMT_TEXT),
	[N_CODE] = FD("code", "strata.nntp.code", "Status code", 0, 0,
	    ST_FMT_TEXT),
	[N_TEXT] = FD(NULL, "strata.nntp.text", "Status text", 0, 0,
	    ST_FMT_TEXT),
	[N_LINES] = FDG("strata.nntp.lines", "Lines in the segment",
	    ST_FMT_DEC, NULL),
};

static int
nntp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), eol, w, lines = 0, i;
	const uint8_t *p;
	struct st_cur t = *c;
	int req = st_dport(d->pkt, d->ly, 1) == NNTP_PORT;
	int status;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	st_dgen(d, &nntp_fields[req ? N_REQ : N_RESP], 1);
	for (i = 0; i < n; i++)
		lines += p[i] == '\n';
	if (i > 0 && p[n - 1] != '\n')
		lines++;			/* a last line without its end */
	for (eol = 0; eol < n && p[eol] != '\r' && p[eol] != '\n'; eol++)
		;
	/* The first line: a command word and its arguments, or a status
	 * line (three digits) in an answer; a continuation (an article's
	 * text) shows only its line count. */
	status = eol >= 3 && p[0] >= '1' && p[0] <= '5' && p[1] >= '0' &&
	    p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && (eol == 3 ||
	    p[3] == ' ');
	for (w = 0; w < eol && p[w] != ' '; w++)
		;
	if (!req && status) {
		st_dtext_esc(d, c, &nntp_fields[N_CODE], 0, 3);
		if (eol > 4)
			st_dtext_esc(d, c, &nntp_fields[N_TEXT], 4, eol - 4);
	} else if (req && w > 0 && w <= 16) {
		st_dtext_esc(d, c, &nntp_fields[N_CMD], 0, w);
		if (w + 1 < eol)
			st_dtext_esc(d, c, &nntp_fields[N_ARG], w + 1,
			    eol - w - 1);
	}
	st_dgen(d, &nntp_fields[N_LINES], lines);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind nntp_binds[] = {
	{ ST_KEY_TCPPORT, NNTP_PORT },
};

/* "nntp GROUP misc.test", "nntp 211 3 1 3 misc.test", "nntp text, 14
 * lines". */
static int
nntp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[N_NFIELDS];

	st_ly_fields(s->pkt, ly, nntp_fields, N_NFIELDS, f);
	st_out_puts(s->o, "nntp ");
	if (f[N_CMD] != NULL) {
		s->value(s, f[N_CMD]);
		if (f[N_ARG] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[N_ARG]);
		}
	} else if (f[N_CODE] != NULL) {
		s->value(s, f[N_CODE]);
		if (f[N_TEXT] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[N_TEXT]);
		}
	} else
		st_out_printf(s->o, "text, %u line%s", f[N_LINES] != NULL ?
		    (unsigned)f[N_LINES]->val : 0, f[N_LINES] != NULL &&
		    f[N_LINES]->val == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const nntp_keys[] = {
	&nntp_fields[N_CMD], &nntp_fields[N_CODE], NULL,
};

const struct st_proto st_proto_nntp = {
	.name = "nntp",
	.ws = "nntp",
	.title = "Network News Transfer Protocol",
	.rfc = "RFC 3977",
	.role = ST_ROLE_APP,
	.fields = nntp_fields,
	.nfields = N_NFIELDS,
	.decode = nntp_decode,
	.binds = nntp_binds,
	.nbinds = NFIELDS(nntp_binds),
	.summary = nntp_summary,
	.keys = nntp_keys,
	.color = "\033[33m",
	.explain = "Usenet news over TCP port 119: a text protocol of "
	    "command lines and three-digit answers, as SMTP's.  A reader "
	    "selects a group (GROUP, answered 211 with the article count and "
	    "range), lists or fetches articles (ARTICLE, HEAD, BODY: 220 to "
	    "222 and the text, ended by a line holding one dot) and posts "
	    "(POST, 340 send it); servers offer each other articles by "
	    "message ID (IHAVE, CHECK/TAKETHIS).",
};
