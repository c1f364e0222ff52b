/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * POP3 (RFC 1939, RFC 2449, RFC 2595), TCP 110: a client's command line
 * (the command and its parameter) or a server's reply (+OK or -ERR and
 * its text), and the lines after the first (a multi-line reply: CAPA,
 * LIST, UIDL, RETR) as data lines, as Wireshark's dissector shows them.
 * A server segment that starts with neither +OK nor -ERR goes on a
 * message (RETR or TOP): Wireshark calls it a DATA fragment and shows no
 * field in it; so does strata.  Which end is the server goes by the port.
 * STLS is noted; what follows the server's +OK is TLS, which the TLS
 * heuristic finds.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define POP_PORT	110
#define POP_LINES	64	/* lines of one segment decoded */
#define POP_TEXT	512	/* bytes of one line shown */

enum { P_REQ, P_CMD, P_PARAM, P_RDATA, P_RSP, P_IND, P_DESC, P_SDATA,
	P_NPOP };

#define T(i, n, l)	[i] = FD(NULL, "pop." n, l, 0, 0, ST_FMT_TEXT)

/* pop.request, pop.response and the data lines: Wireshark gives them an
 * empty value (the line is the tree item's label), so strata too. */
static const struct st_field_desc pop_fields[P_NPOP] = {
	T(P_REQ, "request", "Request"),
	T(P_CMD, "request.command", "Request command"),
	T(P_PARAM, "request.parameter", "Request parameter"),
	T(P_RDATA, "request.data", "Data"),
	T(P_RSP, "response", "Response"),
	T(P_IND, "response.indicator", "Response indicator"),
	T(P_DESC, "response.description", "Response description"),
	T(P_SDATA, "response.data", "Data"),
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

static void
text(struct st_dctx *d, struct st_cur *c, const uint8_t *p, int f,
    size_t off, size_t n)
{
	char buf[POP_TEXT * 4 + 8];

	st_escape(p + off, n < POP_TEXT ? n : POP_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &pop_fields[f], off, n, buf);
}

/* The line at p[pos..n) (ended by CR, LF or CRLF, as Wireshark ends
 * one): its length without the end, *next the next line's start. */
static size_t
line_end(const uint8_t *p, size_t pos, size_t n, size_t *next)
{
	size_t i;

	for (i = pos; i < n && p[i] != '\r' && p[i] != '\n'; i++)
		;
	*next = i < n ? i + 1 : n;
	if (i + 1 < n && p[i] == '\r' && p[i + 1] == '\n')
		*next = i + 2;
	return i - pos;
}

/* Whether the segment goes to the server: its destination port is 110. */
static int
to_server(const struct st_dctx *d)
{
	return st_dport(d->pkt, d->ly, 1) == POP_PORT;
}

static int
starts(const uint8_t *p, size_t n, const char *s)
{
	return n >= strlen(s) && memcmp(p, s, strlen(s)) == 0;
}

/* The first line [0, k): its first word and the rest. */
static void
first_line(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t k,
    size_t next, int req)
{
	size_t w, a;

	st_dtext(d, c, &pop_fields[req ? P_REQ : P_RSP], 0, next, "");
	for (w = 0; w < k && p[w] != ' '; w++)
		;
	if (w == 0)
		return;
	text(d, c, p, req ? P_CMD : P_IND, 0, w);
	for (a = w; a < k && p[a] == ' '; a++)
		;
	if (a < k)
		text(d, c, p, req ? P_PARAM : P_DESC, a, k - a);
	if (req && w == 4 && strncasecmp((const char *)p, "STLS", 4) == 0)
		st_pkt_note(d->pkt, "POP: STLS: after the server's +OK the "
		    "connection is TLS");
}

static int
pop_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), pos, next, k;
	const uint8_t *p = bytes_at(c, n);
	int req = to_server(d);
	unsigned lines;

	if (p == NULL || n == 0)
		return ST_ENOTME;
	/* TLS after STLS: the TLS decoder's, by its heuristic. */
	if (st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto) != NULL)
		return ST_ENOTME;
	d->hdr = n;
	d->plen = 0;
	if (!req && !starts(p, n, "+OK") && !starts(p, n, "-ERR"))
		return ST_OK;		/* a message going on: no field */
	k = line_end(p, 0, n, &next);
	first_line(d, c, p, k, next, req);
	for (pos = next, lines = 1; pos < n && lines < POP_LINES; lines++) {
		(void)line_end(p, pos, n, &next);
		st_dtext(d, c, &pop_fields[req ? P_RDATA : P_SDATA], pos,
		    next - pos, "");
		pos = next;
	}
	return ST_OK;
}

static const struct st_bind pop_binds[] = {
	{ ST_KEY_TCPPORT, POP_PORT },
};

/* As tcpdump and tshark: "pop C: USER alice", "pop S: +OK 2 320", "pop
 * S: +OK ... (3 data lines)", "pop S: DATA fragment, 25 bytes". */
static int
pop_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[P_NPOP];
	unsigned i, nd = 0;

	st_ly_fields(s->pkt, ly, pop_fields, P_NPOP, f);
	if (f[P_CMD] == NULL && f[P_IND] == NULL) {
		st_out_printf(s->o, "pop %s, %u bytes", f[P_REQ] != NULL ||
		    f[P_RSP] != NULL ? "empty line" : "S: DATA fragment",
		    ly->len);
		return 1;
	}
	st_out_puts(s->o, f[P_CMD] != NULL ? "pop C: " : "pop S: ");
	s->value(s, f[P_CMD] != NULL ? f[P_CMD] : f[P_IND]);
	if (f[P_PARAM] != NULL || f[P_DESC] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[P_PARAM] != NULL ? f[P_PARAM] : f[P_DESC]);
	}
	for (i = 0; i < ly->nfields; i++)
		if (s->pkt->fields[ly->field0 + i].desc ==
		    &pop_fields[P_RDATA] || s->pkt->fields[ly->field0 +
		    i].desc == &pop_fields[P_SDATA])
			nd++;
	if (nd > 0)
		st_out_printf(s->o, " (%u data line%s)", nd, nd > 1 ? "s" : "");
	if (f[P_CMD] != NULL && f[P_CMD]->meaning != NULL &&
	    strcasecmp(f[P_CMD]->meaning, "STLS") == 0)
		st_out_puts(s->o, " (TLS after the server's +OK)");
	return 1;
}

static const struct st_field_desc *const pop_keys[] = {
	&pop_fields[P_CMD], &pop_fields[P_PARAM], &pop_fields[P_IND],
	&pop_fields[P_DESC], NULL,
};

const struct st_proto st_proto_pop = {
	.name = "pop",
	.ws = "pop",
	.title = "Post Office Protocol",
	.rfc = "RFC 1939",
	.role = ST_ROLE_APP,
	.fields = pop_fields,
	.nfields = P_NPOP,
	.decode = pop_decode,
	.binds = pop_binds,
	.nbinds = NFIELDS(pop_binds),
	.summary = pop_summary,
	.keys = pop_keys,
	.color = "\033[33m",
	.explain = "A mail client fetches and deletes the messages waiting in "
	    "its mailbox: USER and PASS (or APOP) log in, STAT and LIST count "
	    "them, RETR n sends one, DELE n marks it, QUIT commits.  Every "
	    "reply starts +OK or -ERR; a reply of several lines (a message, "
	    "a listing) ends with a line holding one dot.  STLS turns the "
	    "connection into TLS (RFC 2595).",
};
