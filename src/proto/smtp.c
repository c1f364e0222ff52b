/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMTP (RFC 5321), TCP 25 and 587: a client's command lines (the command
 * and its parameter) and a server's reply lines (the code, then each
 * line's text; a hyphen after the code says the reply goes on).  Which
 * end is the server goes by the port, as in Wireshark.  Message text is
 * handed to data-text-lines, as tshark shows it: the chunk a BDAT command
 * announces (RFC 3030: its size's octets follow the line), in the
 * command's segment and, by the TCP sequence number where it ends (noted
 * in the conversation, strata/match.h), in the segments carrying its
 * rest, commands pipelined after it decoded again as SMTP; and a client's
 * lines from the first that is no command (DATA's message, a capture
 * begun inside one).  STARTTLS is noted; what follows its 220 is TLS,
 * which the TLS heuristic finds.
 */
#include <string.h>

#include "strata/expect.h"
#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define SMTP_LINES	64	/* lines of one segment decoded */
#define SMTP_TEXT	512	/* bytes of one line shown */

enum { S_REQ, S_RSP, S_CMDLINE, S_CMD, S_PARAM, S_RESPONSE, S_CODE,
	S_RPARAM, S_EOM, S_NSMTP };

#define T(n, l)		FD(NULL, "smtp." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc smtp_fields[S_NSMTP] = {
	[S_REQ] = FDG("smtp.req", "Request", ST_FMT_DEC, NULL),
	[S_RSP] = FDG("smtp.rsp", "Response", ST_FMT_DEC, NULL),
	[S_CMDLINE] = T("command_line", "Command Line"),
	[S_CMD] = T("req.command", "Command"),
	[S_PARAM] = T("req.parameter", "Request parameter"),
	[S_RESPONSE] = T("response", "Response"),
	[S_CODE] = FD(NULL, "smtp.response.code", "Response code", 0, 0,
	    ST_FMT_DEC),
	[S_RPARAM] = T("rsp.parameter", "Response parameter"),
	/* the line "." that ends DATA's message */
	[S_EOM] = T("eom", "EOM"),
};

/* The commands a client segment may start with (RFC 5321, 3030, 4954,
 * 3207 and the old ones tshark knows). */
static const char *const commands[] = { "HELO", "EHLO", "MAIL", "RCPT",
	"DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT",
	"AUTH", "STARTTLS", "TURN", "ETRN", "ATRN", "SEND", "SAML", "SOML",
	"XCLIENT", "XFORWARD", NULL };

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* Text field f over n bytes at off, showing the first k of them (a
 * line without its CRLF). */
static void
textk(struct st_dctx *d, struct st_cur *c, const uint8_t *p, int f,
    size_t off, size_t n, size_t k)
{
	char buf[SMTP_TEXT * 4 + 8];

	st_escape(p + off, k < SMTP_TEXT ? k : SMTP_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &smtp_fields[f], off, n, buf);
}

static void
text(struct st_dctx *d, struct st_cur *c, const uint8_t *p, int f,
    size_t off, size_t n)
{
	textk(d, c, p, f, off, n, n);
}

/* The line at p[pos..n): its length without CRLF, *next the next's. */
static size_t
line(const uint8_t *p, size_t pos, size_t n, size_t *next)
{
	size_t i;

	for (i = pos; i + 1 < n && !(p[i] == '\r' && p[i + 1] == '\n'); i++)
		;
	if (i + 1 >= n) {
		*next = n;
		return n - pos;
	}
	*next = i + 2;
	return i - pos;
}

/* Whether the k bytes at p are a command word (case-insensitive) ended by
 * a space or the line's end. */
static int
is_command(const uint8_t *p, size_t k)
{
	size_t i, w;

	for (w = 0; w < k && p[w] != ' '; w++)
		;
	for (i = 0; commands[i] != NULL; i++)
		if (strlen(commands[i]) == w &&
		    strncasecmp((const char *)p, commands[i], w) == 0)
			return 1;
	return 0;
}

/*
 * The size a BDAT command line p[0..k) announces (RFC 3030 2: "BDAT" SP
 * chunk-size [SP "LAST"]): the chunk's octets follow the line; -1 when it
 * gives none (no digits, a sign, more than 32 bits).
 */
static long long
bdat_size(const uint8_t *p, size_t k)
{
	long long v = 0;
	size_t i = 4, d;

	if (k < 6 || strncasecmp((const char *)p, "BDAT ", 5) != 0)
		return -1;
	while (i < k && p[i] == ' ')
		i++;
	for (d = i; i < k && p[i] >= '0' && p[i] <= '9' && i - d < 10; i++)
		v = v * 10 + (p[i] - '0');
	if (i == d || v > 0xffffffffLL || (i < k && p[i] != ' '))
		return -1;
	return v;
}

/*
 * The TCP sequence number of the layer's first byte: the segment's, from
 * the nearest byte-stream transport below at the layer's depth, plus how
 * far into the segment the layer starts; 0 when there is none.
 */
static int
layer_seq(const struct st_dctx *d, uint32_t *seq)
{
	const struct st_packet *pkt = d->pkt;
	const struct st_layer *t;
	struct st_segment sg;
	unsigned i = (unsigned)(d->ly - pkt->layers);

	while (i-- > 0) {
		t = &pkt->layers[i];
		if (t->depth != d->ly->depth)
			continue;
		if (t->proto->segment == NULL)
			continue;
		if (!t->proto->segment(pkt, t, &sg) || d->ly->off < t->off +
		    t->hdr_len)
			return 0;
		*seq = sg.seq + (uint32_t)(d->ly->off - t->off - t->hdr_len);
		return 1;
	}
	return 0;
}

/* The key under which a BDAT chunk's end is noted in its conversation. */
#define BDAT_NOTE	0x42444154u	/* "BDAT" */

/*
 * How many of the segment's first bytes (n at hand) are the rest of a
 * chunk a BDAT command of an earlier segment announced: the chunk's end,
 * noted by sequence number, not yet reached.
 */
static size_t
chunk_rest(const struct st_dctx *d, size_t n)
{
	struct st_match m;
	uint32_t seq, end, k;

	if (!layer_seq(d, &seq) || !st_match_answer(d, BDAT_NOTE, &m))
		return 0;
	memcpy(&end, m.data, sizeof(end));
	k = end - seq;
	if (k == 0 || k > 0x7fffffffu)	/* reached, or behind us */
		return 0;
	return k < n ? k : n;
}

/*
 * A client's segment: its command lines; after a BDAT command, the chunk
 * of octets it announces (RFC 3030), and after a line that is no command
 * (DATA's message, a capture begun inside one), the rest, are message
 * text: shown as lines of text (data-text-lines), as tshark does.
 * Returns where the SMTP layer's own bytes end; *ta, *tn say the text.
 */
static size_t
requests(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n,
    size_t *ta, size_t *tn)
{
	size_t pos = 0, next, k, w, a, e;
	unsigned lines = 0;
	long long sz;
	uint32_t seq, end;

	*ta = *tn = 0;
	/* the rest of an earlier segment's chunk */
	if ((k = chunk_rest(d, n)) > 0) {
		*tn = k;
		return k;
	}
	while (pos < n && lines++ < SMTP_LINES) {
		k = line(p, pos, n, &next);
		if (!is_command(p + pos, k)) {
			/* message text after the commands, to the line "."
			 * that ends it (RFC 5321 4.1.1.4), if here */
			*ta = pos;
			for (e = pos; e + 2 < n; e++)
				if (p[e] == '.' && p[e + 1] == '\r' &&
				    p[e + 2] == '\n' && (e == pos ||
				    (e >= 2 && p[e - 2] == '\r' &&
				    p[e - 1] == '\n')))
					break;
			if (e + 2 >= n) {
				*tn = n - pos;
				return n;
			}
			*tn = e - pos;
			textk(d, c, p, S_EOM, e, 3, 1);
			return e + 3;
		}
		/* tshark: one per command line */
		st_dgen(d, &smtp_fields[S_REQ], 1);
		textk(d, c, p, S_CMDLINE, pos, next - pos, k);
		for (w = 0; w < k && p[pos + w] != ' '; w++)
			;
		text(d, c, p, S_CMD, pos, w);
		for (a = w; a < k && p[pos + a] == ' '; a++)
			;
		if (a < k)
			text(d, c, p, S_PARAM, pos + a, k - a);
		if (w == 8 && strncasecmp((const char *)p + pos, "STARTTLS",
		    8) == 0)
			st_pkt_note(d->pkt, "SMTP: STARTTLS: after the "
			    "server's 220 the connection is TLS");
		sz = w == 4 ? bdat_size(p + pos, k) : -1;
		pos = next;
		if (sz > 0) {
			/* the chunk follows the line: noted by where it
			 * ends for the segments that carry the rest */
			if (layer_seq(d, &seq)) {
				end = seq + (uint32_t)pos + (uint32_t)sz;
				(void)st_match_note(d, BDAT_NOTE, &end,
				    sizeof(end));
			}
			*ta = pos;
			*tn = (unsigned long long)sz < n - pos ? (size_t)sz :
			    n - pos;
			return pos + *tn;
		}
	}
	return pos;
}

static void
replies(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	size_t pos = 0, next, k, a;
	unsigned lines = 0;
	int more = 0;
	struct st_field *f;

	st_dgen(d, &smtp_fields[S_RSP], 1);
	while (pos < n && lines++ < SMTP_LINES) {
		k = line(p, pos, n, &next);
		if (k < 3 || p[pos] < '0' || p[pos] > '9' || p[pos + 1] < '0' ||
		    p[pos + 1] > '9' || p[pos + 2] < '0' || p[pos + 2] > '9')
			break;
		/* A reply's first line: its code; later lines: text. */
		if (!more) {
			textk(d, c, p, S_RESPONSE, pos, next - pos,
			    k);
			if ((f = st_dbytes(d, c, &smtp_fields[S_CODE], pos,
			    3)) != NULL)
				f->val = (uint64_t)((p[pos] - '0') * 100 +
				    (p[pos + 1] - '0') * 10 + p[pos + 2] - '0');
		}
		more = k > 3 && p[pos + 3] == '-';
		a = k > 3 ? 4 : 3;
		if (a < k)
			text(d, c, p, S_RPARAM, pos + a, k - a);
		pos = next;
	}
}

/* Whether the segment goes to the server: its destination port is the
 * one the layer was chosen by, else the source port is not. */
static int
to_server(const struct st_dctx *d)
{
	long port = st_dport(d->pkt, d->ly, 1);

	return port == 25 || port == 587;
}

static int
smtp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	const uint8_t *p = bytes_at(c, left);
	const struct st_proto *g, *text;
	size_t end, ta, tn;

	if (p == NULL || left == 0)
		return ST_ENOTME;
	/* TLS after STARTTLS: the TLS decoder's, by its heuristic. */
	if ((g = st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto)) != NULL) {
		st_expect_claim(d, g);	/* its later segments too */
		return ST_ENOTME;
	}
	d->hdr = left;
	d->plen = 0;
	if (!to_server(d)) {
		replies(d, c, p, left);
		return ST_OK;
	}
	end = requests(d, c, p, left, &ta, &tn);
	if (end < left) {
		/* pipelined: commands after a chunk */
		d->hdr = end;
		d->plen = left - end;
		d->next = d->ly->proto;
	}
	/* last: the fields before go to SMTP's layer */
	if (tn > 0 && (text = st_proto_find("data-text-lines")) != NULL)
		st_dsublayer(d, c, text, ta, tn);
	return ST_OK;
}

static const struct st_bind smtp_binds[] = {
	{ ST_KEY_TCPPORT, 25 },
	{ ST_KEY_TCPPORT, 587 },
};

/* "smtp EHLO example.org", "smtp 250 OK", "smtp message text, N bytes". */
static int
smtp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[S_NSMTP];

	st_ly_fields(s->pkt, ly, smtp_fields, S_NSMTP, f);
	st_out_puts(s->o, "smtp ");
	if (f[S_CMD] != NULL) {
		s->value(s, f[S_CMD]);
		if (f[S_PARAM] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[S_PARAM]);
		}
	} else if (f[S_CODE] != NULL) {
		s->value(s, f[S_CODE]);
		if (f[S_RPARAM] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[S_RPARAM]);
		}
	} else
		st_out_printf(s->o, "message text, %u bytes", ly->len);
	return 1;
}

static const struct st_field_desc *const smtp_keys[] = {
	&smtp_fields[S_CMD], &smtp_fields[S_PARAM], &smtp_fields[S_CODE],
	&smtp_fields[S_RPARAM], NULL,
};

const struct st_proto st_proto_smtp = {
	.name = "smtp",
	.ws = "smtp",
	.title = "Simple Mail Transfer Protocol",
	.rfc = "RFC 5321",
	.role = ST_ROLE_APP,
	.fields = smtp_fields,
	.nfields = S_NSMTP,
	.decode = smtp_decode,
	.binds = smtp_binds,
	.nbinds = NFIELDS(smtp_binds),
	.summary = smtp_summary,
	.keys = smtp_keys,
	.color = "\033[33m",
	.explain = "The client sends one command per line (EHLO, MAIL FROM, "
	    "RCPT TO, DATA, QUIT), the server answers each with a 3-digit "
	    "code (2xx done, 3xx go on, 4xx try later, 5xx failed); a hyphen "
	    "after the code says more lines follow.  After DATA (or BDAT) "
	    "the message itself is sent as text; STARTTLS turns the "
	    "connection into TLS.",
};
