/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BEEP, the Blocks Extensible Exchange Protocol (RFC 3080, RFC 3081 over
 * TCP; Wireshark's port 10288): frames of a header line, a payload of
 * the size the header gives (MIME headers, an empty line, the content),
 * and "END" CRLF:
 *
 *   MSG 0 1 . 52 120 CRLF      type, channel, msgno, more (. last, *
 *   ...120 bytes...            more to come), seqno, size; an ANS adds
 *   END CRLF                   its ansno
 *
 * RPY, ERR, ANS and NUL answer a MSG; SEQ channel ackno window CRLF
 * opens a channel's window (RFC 3081).
 *
 * As Wireshark's dissector reads a segment, in one pass: one layer for
 * the segment, each frame header's fields, the first line after a frame
 * header as its MIME header (not after one whose message continued with
 * '*' the same way), then as payload as many bytes as the size says or
 * the segment holds (its END trailer often among them); a SEQ or END,
 * and what is left (all of it when the last size is used up); a header
 * whose more flag or terminator is wrong ends the reading, the rest
 * undissected.  Each conversation keeps what is left of the last size
 * and each side's continuing MIME flag, as Wireshark's conversation
 * does, in a small table emptied per capture (convtab.h: a frame
 * decoded again reads the same).  The header must end in CRLF
 * (Wireshark's default).
 */
#include <string.h>

#include "strata/out.h"
#include "convtab.h"

#define BEEP_PORT	10288
#define BEEP_CONNS	64	/* conversations remembered */
#define BEEP_FRAMES	64	/* frames read in one segment */

enum { F_CMD, F_REQ, F_CHANNEL, F_REQCHAN, F_SEQCHAN, F_MSGNO, F_MORE,
	F_SEQNO, F_SIZE, F_ANSNO, F_CRLF, F_MIME, F_HEADER, F_ACKNO, F_WINDOW,
	F_PAYLOAD, F_UNDISSECTED, F_N };

static const struct st_field_desc beep_fields[F_N] = {
	[F_CMD] = FD("command", "beep.command", "Command", 0, 0,
	    ST_FMT_TEXT),
	[F_REQ] = FDG("beep.req", "Request", ST_FMT_BOOL, NULL),
	[F_CHANNEL] = FD("channel", "beep.channel", "Channel", 0, 0,
	    ST_FMT_DEC),
	[F_REQCHAN] = FD(NULL, "beep.req.channel", "Request Channel Number",
	    0, 0, ST_FMT_DEC),
	[F_SEQCHAN] = FD(NULL, "beep.seq.channel", "Sequence Channel Number",
	    0, 0, ST_FMT_DEC),
	[F_MSGNO] = FD("msgno", "beep.msgno", "Msgno", 0, 0, ST_FMT_DEC),
	/* a character, written as Wireshark writes one: '.' */
	[F_MORE] = FD(NULL, "beep.more", "More", 0, 8, ST_FMT_TEXT),
	[F_SEQNO] = FD(NULL, "beep.seqno", "Seqno", 0, 0, ST_FMT_DEC),
	[F_SIZE] = FD("size", "beep.size", "Size", 0, 0, ST_FMT_DEC),
	[F_ANSNO] = FD(NULL, "beep.ansno", "Ansno", 0, 0, ST_FMT_DEC),
	/* a marker with no value (FT_NONE) */
	[F_CRLF] = FD(NULL, "beep.crlf_terminator", "Terminator: CRLF", 0,
	    16, ST_FMT_TEXT),
	/* text as Wireshark holds it: bytes, to the first NUL */
	[F_MIME] = FDX(NULL, "beep.mime_header", "Mime header", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_HEADER] = FDX(NULL, "beep.header", "Header", 0, 0, ST_FMT_BYTES,
	    0, 0, ST_DF_ASCII, 0, NULL),
	[F_ACKNO] = FD(NULL, "beep.seq.ackno", "Ackno", 0, 0, ST_FMT_DEC),
	[F_WINDOW] = FD(NULL, "beep.seq.window", "Window", 0, 0, ST_FMT_DEC),
	[F_PAYLOAD] = FDX(NULL, "beep.payload", "Payload", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_UNDISSECTED] = FDX(NULL, "beep.payload_undissected",
	    "Undissected Payload", 0, 0, ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0,
	    NULL),
};

#define B(i)	(&beep_fields[(i)])

/* What a conversation carries from segment to segment. */
struct beepst {
	long		 size;		/* of the last frame, not yet seen */
	uint8_t		 mime[2];	/* a side's message continues: no
					   MIME header (client, server) */
};

_Static_assert(sizeof(struct beepst) <= ST_CONVSTATE, "BEEP's state");

static struct st_convslot slots[BEEP_CONNS];
static struct st_convtab tab = ST_CONVTAB(slots);

static void
beep_forget(void)
{
	st_convtab_forget(&tab);
}

/* One segment being read. */
struct beepseg {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n;
	int		 client;	/* sent to the port */
	int		 mime;		/* this frame's MIME header is read */
	struct beepst	*st;
};

/* Digits at pos as row i (and row j if any), as sscanf("%d"): 0 when
 * there are none; the count of digits. */
static size_t
number(struct beepseg *s, size_t pos, unsigned i, int j, long *val)
{
	struct st_field *f;
	size_t k = 0;
	long v = 0;

	while (pos + k < s->n && s->p[pos + k] >= '0' && s->p[pos + k] <= '9') {
		if (v < 100000000)
			v = v * 10 + (s->p[pos + k] - '0');
		k++;
	}
	/* Wireshark adds each number twice (the second hidden) */
	if ((f = st_dbytes(s->d, s->c, B(i), pos, k)) != NULL)
		f->val = (uint64_t)v;
	if ((f = st_dbytes(s->d, s->c, B(i), pos, k)) != NULL)
		f->val = (uint64_t)v;
	if (j >= 0 && (f = st_dbytes(s->d, s->c, B(j), pos, k)) != NULL)
		f->val = (uint64_t)v;
	if (val != NULL)
		*val = v;
	return k;
}

/* CRLF at pos: its marker and 2; -1 when it is not there. */
static int
term(struct beepseg *s, size_t pos)
{
	if (pos + 1 < s->n && s->p[pos] == '\r' && s->p[pos + 1] == '\n') {
		st_dtext(s->d, s->c, B(F_CRLF), pos, 2, "");
		return 2;
	}
	return -1;
}

/* The bytes before the next CRLF from pos, or -1 when there is none. */
static long
line_len(const struct beepseg *s, size_t pos)
{
	size_t i;

	for (i = pos; i + 1 < s->n; i++)
		if (s->p[i] == '\r' && s->p[i + 1] == '\n')
			return (long)(i - pos);
	return -1;
}

/* The rest from pos, undissected: the reading stops. */
static size_t
undissected(struct beepseg *s, size_t pos)
{
	if (pos < s->n)
		st_dbytes(s->d, s->c, B(F_UNDISSECTED), pos, s->n - pos);
	return s->n;
}

/* Payload of up to the size left, or all when none is (Wireshark's
 * conversation always knows a size). */
static size_t
leftover(struct beepseg *s, size_t pos)
{
	size_t rest = s->n - pos, pl = rest;

	if (s->st->size > 0 && (size_t)s->st->size < rest)
		pl = (size_t)s->st->size;
	st_dbytes(s->d, s->c, B(F_PAYLOAD), pos, pl);
	s->st->size = s->st->size > (long)pl ? s->st->size - (long)pl : 0;
	return pos + pl;
}

/* A frame header at pos (MSG, RPY, ERR, NUL, ANS): where the reading
 * goes on, s->n to stop, or -1: malformed. */
static long
frame(struct beepseg *s, size_t pos, int ans)
{
	long ml, size;
	int more, cc, side = s->client ? 0 : 1;
	char m[8];

	if (line_len(s, pos) < 0)
		return -1;		/* Wireshark's header runs off the end */
	st_dtext_esc(s->d, s->c, B(F_CMD), pos, 3);
	st_dgen(s->d, B(F_REQ), 1);
	pos += 4;
	pos += number(s, pos, F_CHANNEL, F_REQCHAN, NULL) + 1;
	pos += number(s, pos, F_MSGNO, -1, NULL) + 1;
	if (pos >= s->n)
		return -1;
	more = s->p[pos] == '.' ? 0 : s->p[pos] == '*' ? 1 : -1;
	snprintf(m, sizeof(m), s->p[pos] >= 0x20 && s->p[pos] < 0x7f &&
	    s->p[pos] != '\'' && s->p[pos] != '\\' ? "'%c'" : "'\\x%02x'",
	    s->p[pos]);
	st_dtext(s->d, s->c, B(F_MORE), pos, 1, m);
	if (more < 0) {
		st_pkt_note(s->d->pkt, "BEEP: the more flag is neither * nor .");
		return (long)undissected(s, pos);
	}
	/* a message continued with '*' has no MIME header again */
	if (s->st->mime[side]) {
		s->mime = 0;
		if (!more)
			s->st->mime[side] = 0;
	} else {
		s->mime = 1;
		if (more)
			s->st->mime[side] = 1;
	}
	pos += 2;
	pos += number(s, pos, F_SEQNO, -1, NULL) + 1;
	pos += number(s, pos, F_SIZE, -1, &size);
	s->st->size = size;
	if (ans) {
		pos += 1;
		pos += number(s, pos, F_ANSNO, -1, NULL);
	}
	if ((cc = term(s, pos)) < 0) {
		st_pkt_note(s->d->pkt, "BEEP: the header does not end in "
		    "CRLF");
		return (long)undissected(s, pos);
	}
	pos += (size_t)cc;
	if (s->mime) {
		if ((ml = line_len(s, pos)) < 0)
			return -1;
		st_dbytes(s->d, s->c, B(F_MIME), pos, (size_t)ml);
		st_dbytes(s->d, s->c, B(F_HEADER), pos, (size_t)ml);
		pos += (size_t)ml + (size_t)term(s, pos + (size_t)ml);
	}
	if (pos < s->n) {
		/* as many bytes as the size says (its MIME header among
		 * them, but Wireshark counts from after it), or all */
		size_t pl = s->n - pos;

		if ((size_t)size < pl)
			pl = (size_t)size;
		st_dbytes(s->d, s->c, B(F_PAYLOAD), pos, pl);
		s->st->size = s->st->size > (long)pl ? s->st->size - (long)pl :
		    0;
		pos += pl;
	}
	return (long)pos;
}

/* The frames of the segment from pos: ST_OK, or ST_EINVAL. */
static int
frames(struct beepseg *s)
{
	size_t pos = 0;
	unsigned k;
	long r;
	int cc;

	for (k = 0; k < BEEP_FRAMES && pos < s->n; k++) {
		if (s->n - pos >= 4 && (memcmp(s->p + pos, "MSG ", 4) == 0 ||
		    memcmp(s->p + pos, "RPY ", 4) == 0 ||
		    memcmp(s->p + pos, "ERR ", 4) == 0 ||
		    memcmp(s->p + pos, "NUL ", 4) == 0 ||
		    memcmp(s->p + pos, "ANS ", 4) == 0)) {
			r = frame(s, pos, s->p[pos] == 'A');
			if (r < 0)
				return st_dmalformed(s->d, "a BEEP header "
				    "runs past the segment");
			pos = (size_t)r;
			continue;
		}
		if (s->n - pos >= 4 && memcmp(s->p + pos, "SEQ ", 4) == 0) {
			pos += 4;
			pos += number(s, pos, F_CHANNEL, F_SEQCHAN, NULL) + 1;
			pos += number(s, pos, F_ACKNO, -1, NULL) + 1;
			pos += number(s, pos, F_WINDOW, -1, NULL);
			if ((cc = term(s, pos)) < 0) {
				pos = undissected(s, pos);
				break;
			}
			pos += (size_t)cc;
		} else if (s->n - pos >= 3 && memcmp(s->p + pos, "END", 3) ==
		    0) {
			pos += 3;
			if ((cc = term(s, pos)) < 0) {
				pos = undissected(s, pos);
				break;
			}
			pos += (size_t)cc;
		}
		if (pos < s->n)
			pos = leftover(s, pos);
	}
	return ST_OK;
}

static int
beep_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur t = *c;
	struct beepst st = { 0, { 0, 0 } };
	struct beepseg s;
	void *slot;
	int rc;

	if (left == 0 || (s.p = st_get_bytes(&t, left)) == NULL)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	s.d = d;
	s.c = c;
	s.n = left;
	s.client = st_dport(d->pkt, d->ly, 1) == BEEP_PORT;
	s.mime = 0;
	s.st = &st;
	if ((slot = st_convtab_enter(&tab, d)) != NULL)
		memcpy(&st, slot, sizeof(st));
	/* what was left of a size is not read in this pass (as Wireshark's
	 * first and only pass), only forgotten */
	st.size = 0;
	rc = frames(&s);
	if (slot != NULL) {
		memcpy(slot, &st, sizeof(st));
		st_convtab_leave(&tab);
	}
	if (rc == ST_EINVAL && d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return rc;
}

static const struct st_bind beep_binds[] = {
	{ ST_KEY_TCPPORT, BEEP_PORT },
};

/* "beep MSG 0 1, SEQ": the segment's frames by their commands. */
static int
beep_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f;
	unsigned i, n = 0;

	st_out_puts(s->o, "beep");
	for (i = 0; i < ly->nfields && n < 8; i++) {
		f = &s->pkt->fields[ly->field0 + i];
		if (f->desc == B(F_CMD)) {
			st_out_puts(s->o, n++ == 0 ? " " : ", ");
			s->value(s, f);
		} else if (f->desc == B(F_SEQCHAN)) {
			st_out_puts(s->o, n++ == 0 ? " SEQ" : ", SEQ");
		}
	}
	if (n == 0)
		st_out_puts(s->o, " payload");
	return 1;
}

static const struct st_field_desc *const beep_keys[] = {
	B(F_CMD), B(F_CHANNEL), B(F_MSGNO), B(F_SIZE), NULL,
};

const struct st_proto st_proto_beep = {
	.name = "beep",
	.ws = "beep",
	.title = "Blocks Extensible Exchange Protocol",
	.rfc = "RFC 3080",
	.role = ST_ROLE_APP,
	.fields = beep_fields,
	.nfields = F_N,
	.decode = beep_decode,
	.binds = beep_binds,
	.nbinds = NFIELDS(beep_binds),
	.forget = beep_forget,
	.summary = beep_summary,
	.keys = beep_keys,
	.color = "\033[36m",
	.explain = "BEEP multiplexes channels of messages over one TCP "
	    "connection.  Each frame is a header line, \"MSG 1 3 . 0 120\" "
	    "(type, channel, message number, more: '.' for the last frame of "
	    "a message, '*' when more follow, sequence number of its first "
	    "byte, payload size), the payload (MIME headers, an empty line, "
	    "the content) and \"END\" CRLF.  A MSG is answered by one RPY or "
	    "ERR, or by ANS frames (with an answer number) ended by NUL; "
	    "channel 0 manages the others (greeting, start, close), and a "
	    "SEQ frame (channel, acknowledged sequence, window) opens a "
	    "channel's window over TCP (RFC 3081).",
};
