/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Media Gateway Control Protocol (RFC 3435; UDP and TCP 2427 to a
 * gateway, 2727 to a call agent): a call agent tells media gateways to
 * make, change and delete RTP connections, and gateways notify it of
 * events (off hook, digits).  A message is text:
 *
 *   CRCX 1204 aaln/1@rgw.example.net MGCP 1.0      verb, transaction ID,
 *   C: A3C47F21456789F0                            endpoint, version
 *   L: p:10, a:PCMU                                parameter lines
 *   M: recvonly
 *
 *   200 1204 OK                                    code, transaction ID,
 *   I: FDE234C8                                    text
 *
 *   v=0 ...                                        after an empty line,
 *                                                  SDP
 *
 * Several messages may share a datagram, each after a line holding only
 * ".": one layer each.  As Wireshark's dissector: the first line's tokens
 * (mgcp.req.verb, mgcp.transid, mgcp.req.endpoint, mgcp.version, or
 * mgcp.rsp.rspcode and mgcp.rsp.rspstring), a parameter line per field by
 * its name's letters (mgcp.param.*; the value after the colon, or the
 * whole line for extensions and lines it does not know), the local
 * connection options, connection parameters and voice metrics split into
 * their parts (mgcprows.c), and the SDP after the empty line.
 */
#include <string.h>

#include "strata/out.h"
#include "mgcp.h"

#define MGCP_GW		2427
#define MGCP_CA		2727
#define MGCP_PARAMS	64	/* parameter lines read */
#define MGCP_PARTS	32	/* parts of one line read */
#define MGCP_TEXT	512	/* bytes of a value shown */

#define G(i)	(&st_mgcp_fields[(i)])

/* A message's bytes. */
struct mgcp_msg {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n;
};

/* Field i over the n bytes at off, its text the m bytes at voff (as
 * Wireshark shows them); the text may be another part of the line. */
static struct st_field *
text_at(struct mgcp_msg *m, unsigned i, size_t off, size_t n, size_t voff,
    size_t vn)
{
	char buf[MGCP_TEXT * 6 + 8];

	st_escape_ascii(m->p + voff, vn < MGCP_TEXT ? vn : MGCP_TEXT, buf,
	    sizeof(buf));
	return st_dtext(m->d, m->c, G(i), off, n, buf);
}

/* The end of the line at pos (before CR or LF) and where the next one
 * starts. */
static size_t
line_end(const struct mgcp_msg *m, size_t pos, size_t *next)
{
	size_t i = pos;

	while (i < m->n && m->p[i] != '\r' && m->p[i] != '\n')
		i++;
	*next = i;
	if (*next < m->n && m->p[*next] == '\r')
		(*next)++;
	if (*next < m->n && m->p[*next] == '\n' && (*next == i + 1 ?
	    m->p[i] == '\r' : 1))
		(*next)++;
	return i;
}

/* Whether the bytes at p start a verb Wireshark knows, or an
 * experimental one (X and three letters), then a space or tab. */
static int
is_verb(const uint8_t *p, size_t n)
{
	static const char verbs[] = "EPCFCRCXMDCXDLCXRQNTNTFYAUEPAUCXRSIPMESG";
	size_t i;

	if (n < 5)
		return 0;
	for (i = 0; i + 4 <= sizeof(verbs) - 1; i += 4)
		if (strncasecmp((const char *)p, verbs + i, 4) == 0)
			break;
	if (i + 4 > sizeof(verbs) - 1 && !(p[0] == 'X' && isalpha(p[1]) &&
	    isalpha(p[2]) && isalpha(p[3])))
		return 0;
	return p[4] == ' ' || p[4] == '\t';
}

/* Three digits, then a space or tab. */
static int
is_rspcode(const uint8_t *p, size_t n)
{
	if (n < 4 || !isdigit(p[0]) || !isdigit(p[1]) || !isdigit(p[2]))
		return 0;
	return p[3] == ' ' || p[3] == '\t';
}

/* Past spaces and tabs. */
static size_t
skip_wsp(const struct mgcp_msg *m, size_t pos, size_t end)
{
	while (pos < end && (m->p[pos] == ' ' || m->p[pos] == '\t'))
		pos++;
	return pos;
}

/* The first line, [0, end): its tokens, split at spaces. */
static void
first_line(struct mgcp_msg *m, size_t end)
{
	size_t pos = 0, sp, k;
	unsigned tok, code, i;
	int req = 0, rsp = 0;
	struct st_field *f;

	for (tok = 0; tok <= 3 && pos < end; tok++) {
		for (sp = pos; sp < end && m->p[sp] != ' '; sp++)
			;
		k = sp - pos;
		if (tok == 0) {
			if (k > 4)
				return;
			if (is_verb(m->p + pos, end - pos)) {
				req = 1;
				text_at(m, F_VERB, pos, k, pos, k);
			} else if (is_rspcode(m->p + pos, end - pos)) {
				rsp = 1;
				for (code = 0, i = 0; i < k && isdigit(m->p[pos +
				    i]); i++)
					code = code * 10 + (m->p[pos + i] - '0');
				if ((f = st_dbytes(m->d, m->c, G(F_RSPCODE),
				    pos, k)) != NULL)
					f->val = code;
			} else
				break;
		} else if (tok == 1)
			text_at(m, F_TRANSID, pos, k, pos, k);
		else if (tok == 2 && req)
			text_at(m, F_ENDPOINT, pos, k, pos, k);
		else if (tok == 2 || tok == 3) {
			/* the rest of the line */
			text_at(m, rsp ? F_RSPSTRING : F_VERSION, pos, end - pos,
			    pos, end - pos);
			break;
		}
		if (sp >= end)
			break;
		pos = skip_wsp(m, sp, end);
	}
	if (req)
		st_dgen(m->d, G(F_REQ), 1);
	else if (rsp)
		st_dgen(m->d, G(F_RSP), 1);
}

/* The letters at q (n bytes) after 1 or 2 known ones: 1 when the next is
 * the colon at *colon. */
static int
colon_at(const uint8_t *q, size_t n, size_t at, size_t *colon)
{
	if (at >= n || q[at] != ':')
		return 0;
	*colon = at;
	return 1;
}

/*
 * Which parameter the line q (n bytes) names, as Wireshark's
 * tvb_parse_param decides: the row, or -1 for none; *colon where the name
 * ends.  A line it takes whole (an extension, voice metrics, a name it
 * does not know) sets *whole.
 */
static int
param_of(const uint8_t *q, size_t n, size_t *colon, int *whole)
{
	unsigned c0, c1;
	size_t i;

	*whole = 0;
	if (n == 0) {
		*whole = 1;
		return F_PINVALID;
	}
	c0 = (unsigned)toupper(q[0]);
	c1 = n > 1 ? q[1] : 0;
	/* one letter and its colon */
	for (i = 0; st_mgcp_letters[i].c != 0; i++)
		if (st_mgcp_letters[i].c == c0) {
			if (colon_at(q, n, 1, colon))
				return st_mgcp_letters[i].row;
			if (c0 == 'D' && n > 5 && memcmp(q + 1, "Q-RI:", 5) ==
			    0 && colon_at(q, n, 5, colon))
				return F_PRESID;
			*whole = 1;
			return F_PINVALID;
		}
	/* one letter, or two */
	for (i = 0; st_mgcp_pairs[i].c != 0; i++)
		if (st_mgcp_pairs[i].c == c0) {
			if (c1 == ':' && colon_at(q, n, 1, colon))
				return st_mgcp_pairs[i].row;
			if (st_mgcp_pairs[i].c2 != 0 &&
			    (st_mgcp_pairs[i].upper ? (unsigned)toupper(c1) :
			    c1) == st_mgcp_pairs[i].c2)
				return colon_at(q, n, 2, colon) ?
				    st_mgcp_pairs[i].row2 : -2;
			if (st_mgcp_pairs[i].c3 != 0 &&
			    (unsigned)toupper(c1) == st_mgcp_pairs[i].c3)
				return colon_at(q, n, 2, colon) ?
				    st_mgcp_pairs[i].row3 : -2;
			return -1;
		}
	if (c0 == 'X') {
		if (c1 == ':' && colon_at(q, n, 1, colon))
			return F_PREQID;
		if (toupper(c1) == 'R') {
			*whole = 1;
			if (n > 4 && toupper(q[4]) == 'R')
				return F_PRVM;
			if (n > 4 && toupper(q[4]) == 'L')
				return F_PLVM;
			return -1;
		}
		if (c1 == '-' || c1 == '+') {
			for (i = 2; i < n && isalnum(q[i]); i++)
				;
			if (i >= n || q[i] != ':')
				return -1;
			*whole = 1;
			return c1 == '+' ? F_PEXTCRIT : F_PEXT;
		}
		return -1;
	}
	*whole = 1;
	return F_PINVALID;
}

/* Strips spaces at both ends of [*a, *b). */
static void
strip(const uint8_t *p, size_t *a, size_t *b)
{
	while (*a < *b && isspace(p[*a]))
		(*a)++;
	while (*b > *a && isspace(p[*b - 1]))
		(*b)--;
}

/*
 * The parts of a local connection options (sep ':'), connection
 * parameters or voice metrics (sep '=') value in [v, e), comma-separated,
 * as Wireshark splits them: known names by table tab, the connection
 * parameters' X- vendor extensions, the rest as unknown (or, without sep,
 * malformed, but in the options).  step: the parts' offsets move on (the
 * options' all sit at the value's start, as in Wireshark's tree).
 */
static void
parts(struct mgcp_msg *m, size_t v, size_t e, int sep,
    const struct st_mgcp_part *tab, int step)
{
	size_t a = v, b, s, na, nb, va, vb, off = v, i;
	unsigned k, row;
	struct st_field *f;
	uint64_t num;

	for (k = 0; k < MGCP_PARTS && a <= e; k++) {
		for (b = a; b < e && m->p[b] != ','; b++)
			;
		for (s = a; s < b && m->p[s] != sep; s++)
			;
		na = a;
		nb = s;
		strip(m->p, &na, &nb);
		for (i = 0; tab[i].name != NULL; i++)
			if (strlen(tab[i].name) == nb - na && strncasecmp(
			    tab[i].name, (const char *)m->p + na, nb - na) == 0)
				break;
		row = tab[i].row;
		if (tab[i].name == NULL && tab == st_mgcp_cparams &&
		    nb - na >= 2 && strncasecmp((const char *)m->p + na, "X-",
		    2) == 0)
			row = F_CP_X;
		va = s + 1;
		vb = b;
		if (s == b) {
			if (sep == '=' && b > a)
				text_at(m, F_MALFORMED, off, b - a, a, b - a);
		} else if (tab[i].name == NULL && row != F_CP_X)
			text_at(m, F_UNKNOWN, off, b - a, a, b - a);
		else if (tab[i].name != NULL && tab[i].num) {
			while (va < vb && isspace(m->p[va]))
				va++;
			for (num = 0; va < vb && isdigit(m->p[va]) && num <=
			    UINT32_MAX; va++)
				num = num * 10 + (uint64_t)(m->p[va] - '0');
			if ((f = st_dbytes(m->d, m->c, G(row), off, b - a)) !=
			    NULL)
				f->val = num > UINT32_MAX ? UINT32_MAX : num;
		} else {
			strip(m->p, &va, &vb);
			text_at(m, row, off, b - a, va, vb - va);
		}
		if (step)
			off += b - a + 1;
		a = b + 1;
	}
}

/* The parameter lines in [pos, end). */
static void
params(struct mgcp_msg *m, size_t pos, size_t end)
{
	size_t next, le, colon = 0, v;
	unsigned k;
	int row, whole;

	st_dtext(m->d, m->c, G(F_PARAMS), pos, end - pos, "");
	for (k = 0; k < MGCP_PARAMS && pos < end; k++) {
		le = line_end(m, pos, &next);
		if (le > end)
			le = end;
		row = param_of(m->p + pos, le - pos, &colon, &whole);
		if (row == -2) {
			/* a name of two letters without its colon */
			row = F_PINVALID;
			whole = 1;
		}
		if (row >= 0) {
			v = whole ? pos : skip_wsp(m, pos + colon + 1, le);
			/* these two show the whole line, their parts after */
			if (row == F_PLCO || row == F_PCPARAM)
				text_at(m, (unsigned)row, pos, le - pos, pos,
				    le - pos);
			else
				text_at(m, (unsigned)row, pos, le - pos, v,
				    le - v);
			if (row == F_PLCO)
				parts(m, v, le, ':', st_mgcp_lco, 0);
			else if (row == F_PCPARAM)
				parts(m, v, le, '=', st_mgcp_cparams, 1);
			else if ((row == F_PLVM || row == F_PRVM) && le - pos > 9)
				parts(m, pos + 9, le, '=', st_mgcp_vm, 1);
		}
		if (next <= pos)
			break;
		pos = next;
	}
}

/* Where a line holding only "." starts, at or after pos; n if none. */
static size_t
dot_line(const struct mgcp_msg *m, size_t pos)
{
	size_t i;

	for (i = pos; i < m->n; i++)
		if (m->p[i] == '.' && (i == 0 || m->p[i - 1] == '\r' ||
		    m->p[i - 1] == '\n') && (i + 1 == m->n ||
		    m->p[i + 1] == '\r' || m->p[i + 1] == '\n'))
			return i;
	return m->n;
}

static int
mgcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), le, first, pos, next, pend, body;
	size_t dot, after;
	struct st_cur t = *c;
	struct mgcp_msg m = { d, c, NULL, 0 };
	unsigned k;

	if ((m.p = st_get_bytes(&t, left)) == NULL ||
	    (!is_verb(m.p, left) && !is_rspcode(m.p, left)))
		return ST_ENOTME;
	/* this message ends at a line holding only ".", the next after it */
	m.n = left;
	dot = dot_line(&m, 1);
	after = left;
	if (dot < left)
		line_end(&m, dot, &after);
	m.n = dot;
	le = line_end(&m, 0, &first);
	first_line(&m, le);
	/* the parameters, to an empty line; after it, SDP */
	pend = body = m.n;
	for (pos = first, k = 0; pos < m.n && k < 4 * MGCP_PARAMS; k++) {
		if (m.p[pos] == '\r' || m.p[pos] == '\n') {
			pend = pos;
			line_end(&m, pos, &body);
			break;
		}
		line_end(&m, pos, &next);
		pos = next;
	}
	if (pend > first)
		params(&m, first, pend);
	d->hdr = body;
	d->plen = 0;
	if (after < left) {
		if (body < m.n)
			st_pkt_note(d->pkt, "MGCP: the body of a message "
			    "another follows is not decoded");
		d->hdr = after;
		d->plen = left - after;
		d->next = d->ly->proto;		/* another message */
		return ST_OK;
	}
	st_dgen(d, G(F_COUNT), st_dcount(d, d->ly->proto) + 1);
	if (body < m.n) {
		d->plen = m.n - body;
		d->next = st_proto_find("sdp");
	}
	return ST_OK;
}

static const struct st_bind mgcp_binds[] = {
	{ ST_KEY_UDPPORT, MGCP_GW },
	{ ST_KEY_UDPPORT, MGCP_CA },
	{ ST_KEY_TCPPORT, MGCP_GW },
	{ ST_KEY_TCPPORT, MGCP_CA },
};

/* One message's facts: "CRCX 1204 aaln/1@rgw", "200 1204 OK". */
static void
mgcp_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_RSPSTRING + 1];

	st_ly_fields(s->pkt, ly, st_mgcp_fields, F_RSPSTRING + 1, f);
	if (f[F_VERB] != NULL)
		s->value(s, f[F_VERB]);
	else if (f[F_RSPCODE] != NULL)
		st_out_printf(s->o, "%u", (unsigned)f[F_RSPCODE]->val);
	else
		st_out_puts(s->o, "?");
	if (f[F_TRANSID] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_TRANSID]);
	}
	if (f[F_ENDPOINT] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_ENDPOINT]);
	} else if (f[F_RSPSTRING] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_RSPSTRING]);
	}
}

/* "mgcp CRCX 1204 aaln/1@rgw.example.net". */
static int
mgcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "mgcp ");
	st_sum_each(s, ly, ", ", mgcp_facts);
	return 1;
}

static const struct st_field_desc *const mgcp_keys[] = {
	G(F_VERB), G(F_RSPCODE), G(F_TRANSID), G(F_ENDPOINT), NULL,
};

const struct st_proto st_proto_mgcp = {
	.name = "mgcp",
	.ws = "mgcp",
	.title = "Media Gateway Control Protocol",
	.rfc = "RFC 3435",
	.role = ST_ROLE_APP,
	.fields = st_mgcp_fields,
	.nfields = F_NMGCP,
	.decode = mgcp_decode,
	.binds = mgcp_binds,
	.nbinds = NFIELDS(mgcp_binds),
	.summary = mgcp_summary,
	.keys = mgcp_keys,
	.color = "\033[35m",
	.explain = "A call agent (softswitch) drives media gateways (a "
	    "phone line adapter, a trunk gateway) with text commands: "
	    "CRCX makes an RTP connection on an endpoint, MDCX changes it, "
	    "DLCX deletes it (the answer reports packets and octets sent "
	    "and lost), RQNT asks to be told of events (off hook, digits), "
	    "NTFY reports them, AUEP and AUCX audit, RSIP says a gateway "
	    "restarted.  Each command has a transaction ID that its answer "
	    "(a 3-digit code: 200 done, 250 connection deleted, 4xx and 5xx "
	    "errors) repeats; parameters are one per line (C: call ID, I: "
	    "connection ID, L: codec and packet period, M: mode), and an "
	    "SDP description of the media may follow an empty line.  UDP "
	    "2427 reaches gateways, 2727 call agents.",
};
