/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internet Relay Chat (TCP 6667, RFC 2812 / RFC 1459): every line of a
 * segment, a request from the client or a response from the server (by
 * the direction), split as tshark splits it: the prefix (":nick!user@host
 * "), the command (a word, or a server's three-digit number), the middle
 * parameters and the trailer (after " :"), and a CTCP message (between
 * 0x01 bytes) in the trailer.  One layer per segment, as tshark shows it;
 * lines and parameters bounded.  STARTTLS is noted; what follows the
 * server's 670 is TLS, which the TLS heuristic finds.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define IRC_PORT	6667
#define IRC_LINES	64	/* lines of one segment */
#define IRC_PARAMS	16	/* middle parameters of one line */
#define IRC_TEXT	512

enum { I_REQ, I_RPREFIX, I_RCMD, I_RPARAM, I_RTRAILER, I_RSP, I_SPREFIX,
	I_SCMD, I_SNUM, I_SPARAM, I_STRAILER, I_CTCP, I_NIRC };

#define T(i, n, l)	[i] = FD(NULL, "irc." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc irc_fields[I_NIRC] = {
	T(I_REQ, "request", "Request"),
	T(I_RPREFIX, "request.prefix", "Prefix"),
	T(I_RCMD, "request.command", "Command"),
	T(I_RPARAM, "request.command_parameter", "Parameter"),
	T(I_RTRAILER, "request.trailer", "Trailer"),
	T(I_RSP, "response", "Response"),
	T(I_SPREFIX, "response.prefix", "Prefix"),
	T(I_SCMD, "response.command", "Command"),
	[I_SNUM] = FD(NULL, "irc.response.num_command", "Command", 0, 0,
	    ST_FMT_DEC),
	T(I_SPARAM, "response.command_parameter", "Parameter"),
	T(I_STRAILER, "response.trailer", "Trailer"),
	T(I_CTCP, "ctcp", "CTCP Data"),
};

/* The fields of one direction: request or response. */
struct dir {
	int line, prefix, cmd, param, trailer;
};

static const struct dir req = { I_REQ, I_RPREFIX, I_RCMD, I_RPARAM,
	I_RTRAILER };
static const struct dir rsp = { I_RSP, I_SPREFIX, I_SCMD, I_SPARAM,
	I_STRAILER };

struct il {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
};

static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

static void
text(struct il *l, int fi, size_t a, size_t b)
{
	char buf[IRC_TEXT * 4 + 8];
	size_t n = b - a;

	st_escape(l->p + a, n < IRC_TEXT ? n : IRC_TEXT, buf, sizeof(buf));
	st_dtext(l->d, l->c, &irc_fields[fi], a, n, buf);
}

/* The next space in [a, e), or e. */
static size_t
space(const uint8_t *p, size_t a, size_t e)
{
	while (a < e && p[a] != ' ')
		a++;
	return a;
}

/* The trailer's CTCP message, between 0x01 bytes. */
static void
ctcp(struct il *l, size_t a, size_t e)
{
	const uint8_t *z;

	if (a >= e || l->p[a] != 0x01)
		return;
	if ((z = memchr(l->p + a + 1, 0x01, e - a - 1)) == NULL) {
		st_pkt_note(l->d->pkt, "IRC: a CTCP message with no ending "
		    "0x01");
		return;
	}
	text(l, I_CTCP, a + 1, (size_t)(z - l->p));
}

/* One line [a, e) without its line end. */
static void
line(struct il *l, const struct dir *dr, size_t a, size_t e)
{
	struct st_field *f;
	size_t w;
	unsigned k;

	text(l, dr->line, a, e);
	if (a < e && l->p[a] == ':') {
		w = space(l->p, a, e);
		text(l, dr->prefix, a + 1, w);
		a = w < e ? w + 1 : e;
	}
	if (a >= e)
		return;
	w = space(l->p, a, e);
	text(l, dr->cmd, a, w);
	if (dr == &rsp && w - a == 3 && l->p[a] >= '0' && l->p[a] <= '9' &&
	    l->p[a + 1] >= '0' && l->p[a + 1] <= '9' && l->p[a + 2] >= '0' &&
	    l->p[a + 2] <= '9' &&
	    (f = st_dbytes(l->d, l->c, &irc_fields[I_SNUM], a, 3)) != NULL)
		f->val = (uint64_t)((l->p[a] - '0') * 100 +
		    (l->p[a + 1] - '0') * 10 + (l->p[a + 2] - '0'));
	if (dr == &req && w - a == 8 &&
	    memcmp(l->p + a, "STARTTLS", 8) == 0)
		st_pkt_note(l->d->pkt, "IRC: STARTTLS: after the server's "
		    "670 the connection is TLS");
	a = w;
	for (k = 0; k < IRC_PARAMS && a < e; k++) {
		while (a < e && l->p[a] == ' ')
			a++;
		if (a >= e)
			return;
		if (l->p[a] == ':') {
			text(l, dr->trailer, a + 1, e);
			ctcp(l, a + 1, e);
			return;
		}
		w = space(l->p, a, e);
		text(l, dr->param, a, w);
		a = w;
	}
}

/* Whether the segment goes to the server, by the transport's ends. */
static int
to_server(const struct st_dctx *d)
{
	return st_dport(d->pkt, d->ly, 1) == IRC_PORT;
}

static int
irc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), a = 0, e, next;
	const struct dir *dr = to_server(d) ? &req : &rsp;
	struct il l;
	unsigned k;

	l.p = bytes_at(c, left);
	if (l.p == NULL || left == 0)
		return ST_ENOTME;
	/* TLS after STARTTLS: the TLS decoder's, by its heuristic. */
	if (st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto) != NULL)
		return ST_ENOTME;
	l.d = d;
	l.c = c;
	for (k = 0; k < IRC_LINES && a < left; k++) {
		const uint8_t *nl = memchr(l.p + a, '\n', left - a);

		e = nl != NULL ? (size_t)(nl - l.p) : left;
		next = nl != NULL ? e + 1 : left;
		if (e > a && l.p[e - 1] == '\r')
			e--;
		if (e > a)
			line(&l, dr, a, e);
		a = next;
	}
	if (a < left)
		st_pkt_note(d->pkt, "IRC: too many lines in one segment: "
		    "the rest not decoded");
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind irc_binds[] = {
	{ ST_KEY_TCPPORT, IRC_PORT },
};

/* "irc > PRIVMSG bob :hello", "irc < :irc.a.test 001 nick :Welcome": the
 * first line, and how many more. */
static int
irc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const struct st_field *first = NULL;
	unsigned n = 0;

	for (; f < end; f++)
		if (f->desc == &irc_fields[I_REQ] ||
		    f->desc == &irc_fields[I_RSP]) {
			if (first == NULL)
				first = f;
			n++;
		}
	st_out_puts(s->o, "irc ");
	if (first == NULL) {
		st_out_puts(s->o, "(empty)");
		return 1;
	}
	st_out_puts(s->o, first->desc == &irc_fields[I_REQ] ? "> " : "< ");
	s->value(s, first);
	if (n > 1)
		st_out_printf(s->o, " (+%u lines)", n - 1);
	return 1;
}

static const struct st_field_desc *const irc_keys[] = {
	&irc_fields[I_RCMD], &irc_fields[I_SCMD], &irc_fields[I_RTRAILER],
	&irc_fields[I_STRAILER], NULL,
};

const struct st_proto st_proto_irc = {
	.name = "irc",
	.ws = "irc",
	.title = "Internet Relay Chat",
	.rfc = "RFC 2812 (RFC 1459)",
	.role = ST_ROLE_APP,
	.fields = irc_fields,
	.nfields = I_NIRC,
	.decode = irc_decode,
	.binds = irc_binds,
	.summary = irc_summary,
	.nbinds = NFIELDS(irc_binds),
	.keys = irc_keys,
	.color = "\033[35m",
	.explain = "A text chat protocol: every line is an optional prefix "
	    "(':' and who sent it, nick!user@host), a command (NICK, USER, "
	    "JOIN, PRIVMSG, or a server's three-digit reply number), up to "
	    "15 parameters, the last one (after ' :') may hold spaces.  "
	    "CTCP messages (a DCC file offer, ACTION) travel inside a "
	    "PRIVMSG between 0x01 bytes.",
};
