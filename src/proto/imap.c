/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IMAP (RFC 9051, RFC 3501), TCP 143: every line of a segment, split as
 * Wireshark's dissector splits it.  A line is a tag, then a request's
 * command (after "UID" when the command is a UID one) and its arguments,
 * or a response's status word and the next word.  Untagged lines ("* 3
 * EXISTS") are shown whole; a FETCH response carrying a literal ("{N}"
 * bytes after the line: a message) is shown with the literal set apart,
 * not read as lines.  Which end is the server goes by the port, as in
 * Wireshark.  STARTTLS is noted; what follows the server's OK is TLS,
 * which the TLS heuristic finds.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define IMAP_PORT	143
#define IMAP_LINES	64	/* lines of one segment decoded */
#define IMAP_TEXT	512	/* bytes of one line shown */
#define IMAP_LOOK	3	/* words of an untagged line looked at */

enum { M_ISREQ, M_LINE, M_REQ, M_RTAG, M_RSP, M_STAG, M_TAG, M_UID,
	M_RCMD, M_CMD, M_STATUS, M_SCMD, M_FOLDER, M_USER, M_PASS, M_LIT,
	M_RESPTO, M_TIME, M_NIMAP };

#define T(i, n, l)	[i] = FD(NULL, "imap." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc imap_fields[M_NIMAP] = {
	[M_ISREQ] = FDG("imap.isrequest", "Request", ST_FMT_DEC, NULL),
	T(M_LINE, "line", "Line"),
	T(M_REQ, "request", "Request"),
	T(M_RTAG, "request_tag", "Request Tag"),
	T(M_RSP, "response", "Response"),
	T(M_STAG, "response_tag", "Response Tag"),
	T(M_TAG, "tag", "Tag"),
	[M_UID] = FD(NULL, "imap.request.command.uid", "Request isUID", 0, 0,
	    ST_FMT_DEC),
	T(M_RCMD, "request.command", "Request Command"),
	T(M_CMD, "command", "Command"),
	T(M_STATUS, "response.status", "Response Status"),
	T(M_SCMD, "response.command", "Response Command"),
	T(M_FOLDER, "request.folder", "Request Folder"),
	T(M_USER, "request.username", "Request Username"),
	T(M_PASS, "request.password", "Request Password"),
	[M_LIT] = FD(NULL, "strata.imap.literal", "Literal (message) bytes",
	    0, 0, ST_FMT_DEC),
	[M_RESPTO] = FDG("imap.response_to", "Request In", ST_FMT_DEC, NULL),
	[M_TIME] = FDG("imap.time", "Time from request", ST_FMT_TEXT, NULL),
};

/* The commands whose first argument is a mailbox (Wireshark's list). */
static const char *const folder_cmds[] = { "select", "examine", "create",
	"delete", "rename", "subscribe", "unsubscribe", "status", "append",
	"search", NULL };

struct im {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	int		 req;
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* Text field fi over [a, a + n), showing the first k bytes. */
static struct st_field *
textk(struct im *m, int fi, size_t a, size_t n, size_t k)
{
	char buf[IMAP_TEXT * 4 + 8];

	st_escape(m->p + a, k < IMAP_TEXT ? k : IMAP_TEXT, buf, sizeof(buf));
	return st_dtext(m->d, m->c, &imap_fields[fi], a, n, buf);
}

static struct st_field *
text(struct im *m, int fi, size_t a, size_t n)
{
	return textk(m, fi, a, n, n);
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

/*
 * The word at a within [a, e) (Wireshark's token: up to a space), its
 * length into *w; returns where the next word starts (past the spaces).
 */
static size_t
word(const uint8_t *p, size_t a, size_t e, size_t *w)
{
	size_t i = a;

	while (i < e && p[i] != ' ')
		i++;
	*w = i - a;
	while (i < e && p[i] == ' ')
		i++;
	return i;
}

static int
is_word(const uint8_t *p, size_t a, size_t w, const char *s)
{
	return strlen(s) == w && strncasecmp((const char *)p + a, s, w) == 0;
}

/* The arguments of request command [a, a + w) that Wireshark names; nx is
 * where its arguments start, e the line's end. */
static void
arguments(struct im *m, size_t a, size_t w, size_t nx, size_t e)
{
	size_t fw, f2, f2w, uw, pw, pnx;
	unsigned i;

	f2 = word(m->p, nx, e, &fw);
	for (i = 0; folder_cmds[i] != NULL; i++)
		if (is_word(m->p, a, w, folder_cmds[i])) {
			if (fw > 0)
				text(m, M_FOLDER, nx, fw);
			return;
		}
	if (is_word(m->p, a, w, "copy")) {
		(void)word(m->p, f2, e, &f2w);
		if (f2w > 0)
			text(m, M_FOLDER, f2, f2w);
	} else if (is_word(m->p, a, w, "starttls")) {
		st_pkt_note(m->d->pkt, "IMAP: STARTTLS: after the server's OK "
		    "the connection is TLS");
	} else if (is_word(m->p, a, w, "login")) {
		pnx = word(m->p, nx, e, &uw);
		text(m, M_USER, nx, uw);
		(void)word(m->p, pnx, e, &pw);
		/* Wireshark drops the first and last byte: the quotes. */
		if (pw >= 2)
			textk(m, M_PASS, pnx + 1, pw - 2, pw - 2);
	}
}

/*
 * A request's tag is noted (include/strata/match.h); a tagged response
 * finds the request it completes, the latest with its tag, and shows its
 * frame and the time since, as Wireshark does.
 */
static void
pair(struct im *m, size_t a, size_t w)
{
	struct st_match r;
	struct st_field *f;
	uint64_t id = 0xcbf29ce484222325u;
	char buf[48];
	uint8_t none = 0;
	size_t i;

	for (i = 0; i < w; i++)		/* FNV-1a of the tag */
		id = (id ^ m->p[a + i]) * 0x100000001b3u;
	if (m->req) {
		(void)st_match_note(m->d, id, &none, sizeof(none));
		return;
	}
	if (!st_match_answer(m->d, id, &r))
		return;
	st_dgen(m->d, &imap_fields[M_RESPTO], r.frame);
	st_match_delta(m->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(m->d, &imap_fields[M_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, buf);
}

/* A tagged line [a, e): tag, then command or status, then what follows. */
static void
tagged(struct im *m, size_t a, size_t e)
{
	size_t w, nx, w2, nx2;
	struct st_field *f;

	if (e > a)
		text(m, m->req ? M_REQ : M_RSP, a, e - a);
	nx = word(m->p, a, e, &w);
	if (w == 0)
		return;
	text(m, m->req ? M_RTAG : M_STAG, a, w);
	text(m, M_TAG, a, w);
	pair(m, a, w);
	a = nx;
	nx = word(m->p, a, e, &w);
	if (w == 0)
		return;
	if (m->req && is_word(m->p, a, w, "uid")) {
		if ((f = st_dbytes(m->d, m->c, &imap_fields[M_UID], a, w)) !=
		    NULL)
			f->val = 1;
		nx2 = word(m->p, nx, e, &w2);
		if (w2 > 0) {
			text(m, M_RCMD, nx, w2);
			text(m, M_CMD, a, w);	/* Wireshark's: the "UID" */
			arguments(m, nx, w2, nx2, e);
		}
		return;
	}
	text(m, m->req ? M_RCMD : M_STATUS, a, w);
	if (m->req) {
		text(m, M_CMD, a, w);
		arguments(m, a, w, nx, e);
		return;
	}
	(void)word(m->p, nx, e, &w2);
	if (w2 > 0) {
		text(m, M_SCMD, nx, w2);
		text(m, M_CMD, nx, w2);
	}
}

/*
 * The literal of an untagged FETCH line [a, e) (next: the line's end),
 * as Wireshark finds it: "{N}" after a "(", then N bytes after the line
 * and a ")" after them.  Returns N, or -1 when there is none.
 */
static long
fetch_literal(const uint8_t *p, size_t a, size_t e, size_t next, size_t n)
{
	const uint8_t *o, *z;
	size_t i;
	unsigned long v = 0;

	if ((o = memchr(p + a, '(', e - a)) == NULL ||
	    (o = memchr(o, '{', (size_t)(p + e - o))) == NULL ||
	    (z = memchr(o, '}', (size_t)(p + e - o))) == NULL || z == o + 1)
		return -1;
	for (i = (size_t)(o - p) + 1; p + i < z; i++) {
		if (p[i] < '0' || p[i] > '9' || v > 100000000)
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	if (v > n - next || memchr(p + next + v, ')', n - next - v) == NULL)
		return -1;
	return (long)v;
}

/* Whether an untagged line [a, e) has "FETCH" among its first words
 * (Wireshark's look: a prefix of it matches too). */
static int
has_fetch(const uint8_t *p, size_t a, size_t e)
{
	size_t s = a + 1, t;
	unsigned k = 0, i;
	int fetch = 0;

	for (i = 0; i < IMAP_TEXT && k < IMAP_LOOK && s < e; i++) {
		for (t = s; t < e && p[t] != ' ' && p[t] != '\t'; t++)
			;
		if (t > s) {
			if (t - s <= 5 && strncasecmp((const char *)p + s,
			    "FETCH", t - s) == 0)
				fetch = 1;
			k++;
		}
		s = t + 1;
	}
	return fetch && k >= 2;
}

/* An untagged line [a, e): shown whole; a FETCH literal set apart.
 * Returns where the next line starts. */
static size_t
untagged(struct im *m, size_t a, size_t e, size_t next, size_t n)
{
	struct st_field *f;
	long lit;

	textk(m, M_LINE, a, next - a, e - a);
	if (!has_fetch(m->p, a, e) ||
	    (lit = fetch_literal(m->p, a, e, next, n)) <= 0)
		return next;
	if ((f = st_dbytes(m->d, m->c, &imap_fields[M_LIT], next,
	    (size_t)lit)) != NULL)
		f->val = (uint64_t)lit;
	return next + (size_t)lit;
}

/* Whether the segment goes to the server: its destination port is 143. */
static int
to_server(const struct st_dctx *d)
{
	return st_dport(d->pkt, d->ly, 1) == IMAP_PORT;
}

static int
imap_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), pos = 0, next, k;
	struct im m = { d, c, bytes_at(c, n), to_server(d) };
	unsigned lines;

	if (m.p == NULL || n == 0)
		return ST_ENOTME;
	/* TLS after STARTTLS: the TLS decoder's, by its heuristic. */
	if (st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto) != NULL)
		return ST_ENOTME;
	st_dgen(d, &imap_fields[M_ISREQ], (uint64_t)m.req);
	for (lines = 0; pos < n && lines < IMAP_LINES; lines++) {
		k = line_end(m.p, pos, n, &next);
		if (m.p[pos] == '*') {
			pos = untagged(&m, pos, pos + k, next, n);
			continue;
		}
		textk(&m, M_LINE, pos, next - pos, k);
		tagged(&m, pos, pos + k);
		pos = next;
	}
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind imap_binds[] = {
	{ ST_KEY_TCPPORT, IMAP_PORT },
};

/* The first line that is not untagged: "imap a1 LOGIN alice", "imap a1
 * OK LOGIN completed"; else the first line, "imap * 2 EXISTS". */
static int
imap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[M_NIMAP];

	st_ly_fields(s->pkt, ly, imap_fields, M_NIMAP, f);
	st_out_puts(s->o, f[M_ISREQ] != NULL && f[M_ISREQ]->val ?
	    "imap request " : "imap response ");
	if (f[M_REQ] != NULL)
		s->value(s, f[M_REQ]);
	else if (f[M_RSP] != NULL)
		s->value(s, f[M_RSP]);
	else if (f[M_LINE] != NULL)
		s->value(s, f[M_LINE]);
	if (f[M_RCMD] != NULL && f[M_RCMD]->meaning != NULL &&
	    strcasecmp(f[M_RCMD]->meaning, "STARTTLS") == 0)
		st_out_puts(s->o, " (TLS after the server's OK)");
	if (f[M_LIT] != NULL)
		st_out_printf(s->o, " (literal, %llu bytes)",
		    (unsigned long long)f[M_LIT]->val);
	return 1;
}

static const struct st_field_desc *const imap_keys[] = {
	&imap_fields[M_TAG], &imap_fields[M_RCMD], &imap_fields[M_STATUS],
	&imap_fields[M_FOLDER], NULL,
};

const struct st_proto st_proto_imap = {
	.name = "imap",
	.ws = "imap",
	.title = "Internet Message Access Protocol",
	.rfc = "RFC 9051",
	.role = ST_ROLE_APP,
	.fields = imap_fields,
	.nfields = M_NIMAP,
	.decode = imap_decode,
	.binds = imap_binds,
	.nbinds = NFIELDS(imap_binds),
	.summary = imap_summary,
	.keys = imap_keys,
	.color = "\033[33m",
	.explain = "A mail client reads mailboxes kept on the server.  Each "
	    "client command starts with a tag of its choosing (a1 LOGIN, a2 "
	    "SELECT INBOX, a3 FETCH 1 BODY[]); the server answers with "
	    "untagged lines (\"* 2 EXISTS\", \"* 1 FETCH ...\") and ends with "
	    "the same tag and a status: OK, NO (refused) or BAD (not "
	    "understood).  A {N} at a line's end says N bytes of raw data "
	    "(a literal, often a whole message) follow.  STARTTLS turns the "
	    "connection into TLS.",
};
