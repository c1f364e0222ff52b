/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Identification Protocol, ident (RFC 1413), TCP 113: a server that
 * accepted a connection asks the client's host who owns it.  The query
 * names the connection by its two ports, the port on the host asked
 * first:
 *
 *   6193, 23 CRLF
 *
 * and the answer repeats them, then a type and its fields, separated by
 * colons:
 *
 *   6193, 23 : USERID : UNIX : stjohns CRLF
 *   6195, 26 : ERROR : NO-USER CRLF
 *
 * (the operating system may carry a character set after a comma:
 * "UNIX,US-ASCII"; the user ID is the rest of the line, colons and all).
 * tshark 4.0 has no ident dissector: every field is strata's.  A line
 * that does not read as above is marked malformed, its fields shown as
 * far as they go.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define IDENT_PORT	113
#define IDENT_TEXT	512	/* bytes of one field shown */

enum { F_QPORT_S, F_QPORT_C, F_RPORT_S, F_RPORT_C, F_TYPE, F_OPSYS,
	F_CHARSET, F_USERID, F_ERROR, F_NIDENT };

static const struct st_field_desc ident_fields[F_NIDENT] = {
	[F_QPORT_S] = FD("server_port", "strata.ident.query.server_port",
	    "Port on the host asked (query)", 0, 0, ST_FMT_DEC),
	[F_QPORT_C] = FD("client_port", "strata.ident.query.client_port",
	    "Port on the asking host (query)", 0, 0, ST_FMT_DEC),
	[F_RPORT_S] = FD(NULL, "strata.ident.reply.server_port",
	    "Port on the host asked", 0, 0, ST_FMT_DEC),
	[F_RPORT_C] = FD(NULL, "strata.ident.reply.client_port",
	    "Port on the asking host", 0, 0, ST_FMT_DEC),
	[F_TYPE] = FD("type", "strata.ident.reply.type", "Reply type", 0, 0,
	    ST_FMT_TEXT),
	[F_OPSYS] = FD(NULL, "strata.ident.reply.opsys", "Operating system",
	    0, 0, ST_FMT_TEXT),
	[F_CHARSET] = FD(NULL, "strata.ident.reply.charset", "Character set",
	    0, 0, ST_FMT_TEXT),
	[F_USERID] = FD("userid", "strata.ident.reply.userid", "User ID", 0,
	    0, ST_FMT_TEXT),
	[F_ERROR] = FD(NULL, "strata.ident.reply.error", "Error", 0, 0,
	    ST_FMT_TEXT),
};

#define R(i)	(&ident_fields[(i)])

/* A piece of the line: [a, b) with the spaces and tabs about it taken
 * off. */
struct piece {
	size_t		 a, b;
};

static struct piece
trim(const uint8_t *p, size_t a, size_t b)
{
	struct piece r;

	while (a < b && (p[a] == ' ' || p[a] == '\t'))
		a++;
	while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
		b--;
	r.a = a;
	r.b = b;
	return r;
}

static void
put_text(struct st_dctx *d, struct st_cur *c, unsigned f, const uint8_t *p,
    struct piece s)
{
	char buf[IDENT_TEXT * 4 + 8];
	size_t n = s.b - s.a;

	st_escape(p + s.a, n < IDENT_TEXT ? n : IDENT_TEXT, buf, sizeof(buf));
	st_dtext(d, c, R(f), s.a, n, buf);
}

/* A port number of 1 to 5 digits, as a field; 0 when it is none. */
static int
put_port(struct st_dctx *d, struct st_cur *c, unsigned f, const uint8_t *p,
    struct piece s)
{
	struct st_field *fl;
	uint32_t v = 0;
	size_t i;

	if (s.b == s.a || s.b - s.a > 5)
		return 0;
	for (i = s.a; i < s.b; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		v = v * 10 + (uint32_t)(p[i] - '0');
	}
	if ((fl = st_dbytes(d, c, R(f), s.a, s.b - s.a)) != NULL)
		fl->val = v;
	return v >= 1 && v <= 65535;
}

/* The first ch in [a, b) of p, or b. */
static size_t
find(const uint8_t *p, size_t a, size_t b, uint8_t ch)
{
	const uint8_t *z = memchr(p + a, ch, b - a);

	return z != NULL ? (size_t)(z - p) : b;
}

/* The two ports of [a, b): "6193 , 23". */
static int
ports(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, unsigned f)
{
	size_t comma = find(p, a, b, ',');

	if (comma == b)
		return 0;
	return put_port(d, c, f, p, trim(p, a, comma)) &
	    put_port(d, c, f + 1, p, trim(p, comma + 1, b));
}

static int
ident_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), end, k1, k2, k3, comma;
	int query = st_dport(d->pkt, d->ly, 1) == IDENT_PORT;
	int cut = d->pkt->caplen < d->pkt->len;
	struct st_cur t = *c;
	struct piece ty;
	const uint8_t *p;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	d->hdr = n;
	d->plen = 0;
	/* one line; its CRLF not part of any field */
	end = find(p, 0, n, '\n');
	if (end == n && !cut)
		st_pkt_note(d->pkt, "ident: the line has no line end (RFC "
		    "1413 5)");
	if (end > 0 && p[end - 1] == '\r')
		end--;
	if (query) {
		if (!ports(d, c, p, 0, end, F_QPORT_S))
			return st_dmalformed(d, "a query that is not two ports");
		return cut ? ST_ETRUNC : ST_OK;
	}
	k1 = find(p, 0, end, ':');
	if (!ports(d, c, p, 0, k1, F_RPORT_S) || k1 == end)
		return st_dmalformed(d, "a reply that does not start with two "
		    "ports and a colon");
	k2 = find(p, k1 + 1, end, ':');
	ty = trim(p, k1 + 1, k2);
	put_text(d, c, F_TYPE, p, ty);
	if (ty.b - ty.a == 5 && memcmp(p + ty.a, "ERROR", 5) == 0) {
		if (k2 == end)
			return st_dmalformed(d, "an ERROR without its type");
		put_text(d, c, F_ERROR, p, trim(p, k2 + 1, end));
		return cut ? ST_ETRUNC : ST_OK;
	}
	if (ty.b - ty.a != 6 || memcmp(p + ty.a, "USERID", 6) != 0)
		return st_dmalformed(d, "a reply type that is neither USERID "
		    "nor ERROR");
	if (k2 == end || (k3 = find(p, k2 + 1, end, ':')) == end)
		return st_dmalformed(d, "a USERID without its operating "
		    "system and user");
	comma = find(p, k2 + 1, k3, ',');
	put_text(d, c, F_OPSYS, p, trim(p, k2 + 1, comma));
	if (comma < k3)
		put_text(d, c, F_CHARSET, p, trim(p, comma + 1, k3));
	/* the user ID is everything after the colon, spaces and all but the
	 * first (RFC 1413 6) */
	put_text(d, c, F_USERID, p, (struct piece){ k3 + 1 + (k3 + 1 < end &&
	    p[k3 + 1] == ' '), end });
	return cut ? ST_ETRUNC : ST_OK;
}

static const struct st_bind ident_binds[] = {
	{ ST_KEY_TCPPORT, IDENT_PORT },
};

/* "ident query 6193, 23", "ident 6193, 23 USERID UNIX stjohns",
 * "ident 6195, 26 ERROR NO-USER". */
static int
ident_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NIDENT];

	st_ly_fields(s->pkt, ly, ident_fields, F_NIDENT, f);
	if (f[F_QPORT_S] != NULL && f[F_QPORT_C] != NULL) {
		st_out_printf(s->o, "ident query %u, %u",
		    (unsigned)f[F_QPORT_S]->val, (unsigned)f[F_QPORT_C]->val);
		return 1;
	}
	st_out_puts(s->o, "ident");
	if (f[F_RPORT_S] != NULL && f[F_RPORT_C] != NULL)
		st_out_printf(s->o, " %u, %u", (unsigned)f[F_RPORT_S]->val,
		    (unsigned)f[F_RPORT_C]->val);
	if (f[F_TYPE] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_TYPE]);
	}
	if (f[F_OPSYS] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_OPSYS]);
	}
	if (f[F_USERID] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_USERID]);
	}
	if (f[F_ERROR] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_ERROR]);
	}
	return 1;
}

static const struct st_field_desc *const ident_keys[] = {
	R(F_TYPE), R(F_USERID), NULL,
};

const struct st_proto st_proto_ident = {
	.name = "ident",
	.ws = "ident",
	.title = "Identification Protocol",
	.rfc = "RFC 1413",
	.role = ST_ROLE_APP,
	.fields = ident_fields,
	.nfields = F_NIDENT,
	.decode = ident_decode,
	.binds = ident_binds,
	.nbinds = NFIELDS(ident_binds),
	.summary = ident_summary,
	.keys = ident_keys,
	.color = "\033[33m",
	.explain = "Who owns a TCP connection, asked of the host it comes "
	    "from: a server (IRC, once mail) that accepted a connection "
	    "from port 6193 to its port 23 connects back to TCP port 113 "
	    "and sends \"6193, 23\"; the answer repeats the ports and says "
	    "USERID with the operating system and the user's name, or ERROR "
	    "with a reason (NO-USER, HIDDEN-USER, INVALID-PORT, "
	    "UNKNOWN-ERROR).  The answer is only as true as the host that "
	    "gives it: useful for a host's own logs, never as proof.",
};
