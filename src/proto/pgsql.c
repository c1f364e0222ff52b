/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PostgreSQL frontend/backend protocol v3 (TCP 5432): each message's type
 * byte and 4-byte length (the startup, SSL and cancel requests have no
 * type byte), then by direction and type its contents: the startup
 * parameters, authentication requests and answers (MD5 salt, SASL), a
 * simple query, the extended query's parse/bind/execute, a row
 * description and data rows, command completion, ready for query, and
 * the fields of an error or notice.  One layer per message; a segment's
 * further messages follow as layers of their own, as tshark shows them.
 *
 * The direction is the transport's: a message to port 5432 is the
 * frontend's.  Which password message a 'p' is (plain, SASL initial or
 * SASL continuation) would need the conversation's state; strata goes by
 * the bytes, as mysql.c does.
 */
#include <string.h>

#include "strata/expect.h"
#include "strata/out.h"
#include "fields.h"

#define PG_PORT		5432
#define PG_TEXT		512	/* bytes of one string shown */
#define PG_ITEMS	256	/* parameters, columns, values of one message */

enum { P_TYPE, P_LENGTH, P_FE, P_VMAJOR, P_VMINOR, P_PNAME, P_PVALUE,
	P_QUERY, P_PASSWD, P_AUTHTYPE, P_SALT, P_GSSDATA, P_MECH, P_SASLLEN,
	P_SASLDATA, P_STATEMENT, P_PORTAL, P_RETURNS, P_TAG, P_STATUS,
	P_COPYDATA, P_ERROR, P_PID, P_KEY, P_CONDITION, P_TEXT, P_OIDTABLE,
	P_OIDTYPE, P_FORMAT, P_FCOUNT, P_COLNAME, P_COLINDEX, P_VALLEN,
	P_VALDATA, P_TYPEMOD, P_SEVERITY, P_CODE, P_MESSAGE, P_DETAIL,
	P_HINT, P_POSITION, P_IPOSITION, P_IQUERY, P_WHERE, P_SCHEMA,
	P_TABLE, P_COLUMN, P_TYPENAME, P_CONSTRAINT, P_FILE, P_LINE,
	P_ROUTINE, P_VSUPMINOR, P_NNONSUP, P_NONSUP, P_SSLRESP, P_NPG };

#define T(i, n, l)	[i] = FD(NULL, "pgsql." n, l, 0, 0, ST_FMT_TEXT)
#define N(i, n, l)	[i] = FD(NULL, "pgsql." n, l, 0, 0, ST_FMT_DEC)
#define S(i, n, l)	[i] = FDX(NULL, "pgsql." n, l, 0, 0, ST_FMT_DEC, \
			    0, 0, ST_DF_SIGNED, 0, NULL)
#define B(i, n, l)	[i] = FD(NULL, "pgsql." n, l, 0, 0, ST_FMT_BYTES)

static const struct st_valname status_names[] = {
	{ 'I', "Idle" }, { 'T', "In a transaction" },
	{ 'E', "In a failed transaction" }, { 0, NULL },
};

static const struct st_valname auth_names[] = {
	{ 0, "Success" }, { 1, "Kerberos V4" }, { 2, "Kerberos V5" },
	{ 3, "Plaintext password" }, { 5, "MD5 password" },
	{ 6, "SCM credentials" }, { 7, "GSSAPI" },
	{ 8, "GSSAPI/SSPI continue" }, { 9, "SSPI" }, { 10, "SASL" },
	{ 11, "SASL continue" }, { 12, "SASL complete" }, { 0, NULL },
};

static const struct st_valname format_names[] = {
	{ 0, "Text" }, { 1, "Binary" }, { 0, NULL },
};

static const struct st_field_desc pg_fields[P_NPG] = {
	T(P_TYPE, "type", "Type"),
	N(P_LENGTH, "length", "Length"),
	[P_FE] = FDG("pgsql.frontend", "Frontend", ST_FMT_BOOL, NULL),
	N(P_VMAJOR, "version_major", "Protocol major version"),
	N(P_VMINOR, "version_minor", "Protocol minor version"),
	T(P_PNAME, "parameter_name", "Parameter name"),
	T(P_PVALUE, "parameter_value", "Parameter value"),
	T(P_QUERY, "query", "Query"),
	T(P_PASSWD, "password", "Password"),
	[P_AUTHTYPE] = FDN(NULL, "pgsql.authtype", "Authentication type", 0,
	    0, ST_FMT_DEC, auth_names),
	B(P_SALT, "salt", "Salt value"),
	B(P_GSSDATA, "auth.gssapi_sspi.data", "GSSAPI or SSPI data"),
	T(P_MECH, "auth.sasl.mech", "SASL authentication mechanism"),
	S(P_SASLLEN, "auth.sasl.data.length", "SASL authentication data "
	    "length"),
	B(P_SASLDATA, "auth.sasl.data", "SASL authentication data"),
	T(P_STATEMENT, "statement", "Statement"),
	T(P_PORTAL, "portal", "Portal"),
	N(P_RETURNS, "returns", "Returns"),
	T(P_TAG, "tag", "Tag"),
	[P_STATUS] = FDN(NULL, "pgsql.status", "Status", 0, 0, ST_FMT_DEC,
	    status_names),
	B(P_COPYDATA, "copydata", "Copy data"),
	T(P_ERROR, "error", "Error"),
	N(P_PID, "pid", "PID"),
	N(P_KEY, "key", "Key"),
	T(P_CONDITION, "condition", "Condition"),
	T(P_TEXT, "text", "Text"),
	N(P_OIDTABLE, "oid.table", "Table OID"),
	N(P_OIDTYPE, "oid.type", "Type OID"),
	[P_FORMAT] = FDN(NULL, "pgsql.format", "Format", 0, 0, ST_FMT_DEC,
	    format_names),
	N(P_FCOUNT, "field.count", "Field count"),
	T(P_COLNAME, "col.name", "Column name"),
	N(P_COLINDEX, "col.index", "Column index"),
	S(P_VALLEN, "val.length", "Column length"),
	B(P_VALDATA, "val.data", "Data"),
	S(P_TYPEMOD, "col.typemod", "Type modifier"),
	T(P_SEVERITY, "severity", "Severity"),
	T(P_CODE, "code", "Code"),
	T(P_MESSAGE, "message", "Message"),
	T(P_DETAIL, "detail", "Detail"),
	T(P_HINT, "hint", "Hint"),
	T(P_POSITION, "position", "Position"),
	T(P_IPOSITION, "internal_position", "Position (Internal)"),
	T(P_IQUERY, "internal_query", "Query (Internal)"),
	T(P_WHERE, "where", "Context"),
	T(P_SCHEMA, "schema_name", "Schema"),
	T(P_TABLE, "table_name", "Table"),
	T(P_COLUMN, "column_name", "Column"),
	T(P_TYPENAME, "type_name", "Type"),
	T(P_CONSTRAINT, "constraint_name", "Constraint"),
	T(P_FILE, "file", "File"),
	T(P_LINE, "line", "Line"),
	T(P_ROUTINE, "routine", "Routine"),
	N(P_VSUPMINOR, "version_supported_minor", "Supported minor version"),
	S(P_NNONSUP, "number_nonsupported_options", "Number nonsupported "
	    "options"),
	T(P_NONSUP, "nonsupported_option", "Nonsupported option"),
	[P_SSLRESP] = FD(NULL, "strata.pgsql.ssl_response", "SSL response",
	    0, 0, ST_FMT_TEXT),
};

/* One message: its bytes (from the type byte) and how far the reading got. */
struct pm {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 pos, end;	/* inside the message, bounded by the
					   segment */
};

static const struct st_valname fe_types[] = {
	{ 'p', "Password message" }, { 'Q', "Simple query" },
	{ 'P', "Parse" }, { 'B', "Bind" }, { 'E', "Execute" },
	{ 'D', "Describe" }, { 'C', "Close" }, { 'H', "Flush" },
	{ 'S', "Sync" }, { 'F', "Function call" }, { 'd', "Copy data" },
	{ 'c', "Copy completion" }, { 'f', "Copy failure" },
	{ 'X', "Termination" }, { 0, NULL },
};

static const struct st_valname be_types[] = {
	{ 'R', "Authentication request" }, { 'K', "Backend key data" },
	{ 'S', "Parameter status" }, { '1', "Parse completion" },
	{ '2', "Bind completion" }, { '3', "Close completion" },
	{ 'C', "Command completion" }, { 't', "Parameter description" },
	{ 'T', "Row description" }, { 'n', "No data" }, { 'I', "Empty query" },
	{ 'D', "Data row" }, { 'G', "CopyIn response" },
	{ 'H', "CopyOut response" }, { 'W', "CopyBoth response" },
	{ 'd', "Copy data" }, { 'c', "Copy completion" },
	{ 'V', "Function call response" }, { 'N', "Notice" },
	{ 'E', "Error" }, { 'Z', "Ready for query" },
	{ 'A', "Notification" }, { 's', "Portal suspended" },
	{ 'v', "Negotiate protocol version" }, { 0, NULL },
};

/* The error and notice fields, by their code byte. */
static const struct { uint8_t code; uint8_t fi; } notice_codes[] = {
	{ 'S', P_SEVERITY }, { 'V', P_TEXT }, { 'C', P_CODE },
	{ 'M', P_MESSAGE }, { 'D', P_DETAIL }, { 'H', P_HINT },
	{ 'P', P_POSITION }, { 'p', P_IPOSITION }, { 'q', P_IQUERY },
	{ 'W', P_WHERE }, { 's', P_SCHEMA }, { 't', P_TABLE },
	{ 'c', P_COLUMN }, { 'd', P_TYPENAME }, { 'n', P_CONSTRAINT },
	{ 'F', P_FILE }, { 'L', P_LINE }, { 'R', P_ROUTINE },
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* A big-endian number of n bytes at m->pos, added as field fi (none when
 * fi < 0); sign extended when sgn.  -1 when the message ends first. */
static int64_t
num(struct pm *m, int fi, size_t n, int sgn)
{
	struct st_field *f;
	uint64_t v = 0;
	size_t i;

	if (m->end - m->pos < n) {
		m->pos = m->end;
		return -1;
	}
	for (i = 0; i < n; i++)
		v = v << 8 | m->p[m->pos + i];
	if (sgn && n < 8 && (v >> (n * 8 - 1)) != 0)
		v |= ~(uint64_t)0 << (n * 8);
	if (fi >= 0 && (f = st_dbytes(m->d, m->c, &pg_fields[fi], m->pos,
	    n)) != NULL)
		f->val = v;
	m->pos += n;
	return (int64_t)v;
}

/* A NUL-ended string at m->pos as field fi (the NUL in its bytes);
 * returns its length without the NUL, or -1 when it runs past the end. */
static long
str(struct pm *m, int fi)
{
	char buf[PG_TEXT * 4 + 8];
	const uint8_t *z;
	size_t n, shown;

	if (m->pos >= m->end)
		return -1;
	/* No NUL before the message's end: its bounds lie (or the segment
	 * ends); no value to show, as tshark shows none. */
	if ((z = memchr(m->p + m->pos, 0, m->end - m->pos)) == NULL) {
		m->pos = m->end;
		return -1;
	}
	n = (size_t)(z - (m->p + m->pos));
	shown = n < PG_TEXT ? n : PG_TEXT;
	st_escape(m->p + m->pos, shown, buf, sizeof(buf));
	st_dtext(m->d, m->c, &pg_fields[fi], m->pos, n + 1, buf);
	m->pos += n + 1;
	return (long)n;
}

static void
bytes(struct pm *m, int fi, size_t n)
{
	if (n > m->end - m->pos)
		n = m->end - m->pos;
	st_dbytes(m->d, m->c, &pg_fields[fi], m->pos, n);
	m->pos += n;
}

/* The startup message's name/value pairs, up to the empty name. */
static void
params(struct pm *m)
{
	unsigned k;

	for (k = 0; k < PG_ITEMS && m->pos < m->end; k++) {
		if (m->p[m->pos] == '\0') {
			m->pos++;
			return;
		}
		if (str(m, P_PNAME) < 0 || str(m, P_PVALUE) < 0)
			return;
	}
}

/* An error's or notice's fields: a code byte and a string each. */
static void
notice(struct pm *m)
{
	unsigned k, i;
	uint8_t code;

	for (k = 0; k < PG_ITEMS && m->pos < m->end; k++) {
		code = m->p[m->pos++];
		if (code == '\0')
			return;
		for (i = 0; i < NFIELDS(notice_codes); i++)
			if (notice_codes[i].code == code)
				break;
		if (i == NFIELDS(notice_codes)) {
			/* A code strata does not know: skip its string. */
			const uint8_t *z = memchr(m->p + m->pos, 0,
			    m->end - m->pos);

			m->pos = z != NULL ? (size_t)(z - m->p) + 1 : m->end;
			continue;
		}
		if (str(m, notice_codes[i].fi) < 0)
			return;
	}
}

/* A count (2 bytes) then that many fields of n bytes. */
static void
counted(struct pm *m, int cfi, int fi, size_t n)
{
	int64_t i, cnt = num(m, cfi, 2, 0);

	for (i = 0; i < cnt && i < PG_ITEMS && m->pos < m->end; i++)
		num(m, fi, n, 0);
}

/* A count then that many values: length (-1: NULL) and bytes. */
static void
values(struct pm *m, int cfi)
{
	int64_t i, cnt = num(m, cfi, 2, 0), len;

	for (i = 0; i < cnt && i < PG_ITEMS && m->pos < m->end; i++) {
		len = num(m, P_VALLEN, 4, 1);
		if (len > 0)
			bytes(m, P_VALDATA, (size_t)len);
	}
}

static void
row_description(struct pm *m)
{
	int64_t i, cnt = num(m, P_FCOUNT, 2, 0);

	for (i = 0; i < cnt && i < PG_ITEMS && m->pos < m->end; i++) {
		if (str(m, P_COLNAME) < 0)
			return;
		num(m, P_OIDTABLE, 4, 0);
		num(m, P_COLINDEX, 2, 0);
		num(m, P_OIDTYPE, 4, 0);
		num(m, P_VALLEN, 2, 1);
		num(m, P_TYPEMOD, 4, 1);
		num(m, P_FORMAT, 2, 0);
	}
}

/* A 'p': a password, a SASL mechanism with its first data, or SASL data. */
static const char *
password(struct pm *m)
{
	size_t n = m->end - m->pos;
	const uint8_t *z = memchr(m->p + m->pos, 0, n);
	size_t sl = z != NULL ? (size_t)(z - (m->p + m->pos)) : n;

	if (z != NULL && sl + 1 == n) {
		str(m, P_PASSWD);
		return "Password message";
	}
	if (z != NULL && n - sl - 1 >= 4) {
		const uint8_t *q = z + 1;
		uint32_t dl = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 |
		    (uint32_t)q[2] << 8 | q[3];

		if (dl == n - sl - 5 || dl == 0xffffffffu) {
			str(m, P_MECH);
			num(m, P_SASLLEN, 4, 1);
			bytes(m, P_SASLDATA, m->end - m->pos);
			return "SASLInitialResponse message";
		}
	}
	bytes(m, P_SASLDATA, n);
	return "SASLResponse message";
}

/* The frontend's typed messages; returns the type's name. */
static const char *
frontend(struct pm *m, uint8_t type)
{
	const char *nm = st_valname(fe_types, type);

	switch (type) {
	case 'p':
		return password(m);
	case 'Q':
		str(m, P_QUERY);
		break;
	case 'P':
		if (str(m, P_STATEMENT) >= 0 && str(m, P_QUERY) >= 0)
			counted(m, -1, P_OIDTYPE, 4);
		break;
	case 'B':
		if (str(m, P_PORTAL) < 0 || str(m, P_STATEMENT) < 0)
			break;
		counted(m, -1, P_FORMAT, 2);
		values(m, -1);
		counted(m, -1, P_FORMAT, 2);
		break;
	case 'E':
		if (str(m, P_PORTAL) >= 0)
			num(m, P_RETURNS, 4, 0);
		break;
	case 'D':
	case 'C':
		if (m->pos < m->end)
			str(m, m->p[m->pos++] == 'P' ? P_PORTAL :
			    P_STATEMENT);
		break;
	case 'd':
		bytes(m, P_COPYDATA, m->end - m->pos);
		break;
	case 'f':
		str(m, P_ERROR);
		break;
	}
	return nm != NULL ? nm : "Unknown";
}

/* An authentication request's type and what it carries. */
static void
auth(struct pm *m)
{
	unsigned k;

	switch (num(m, P_AUTHTYPE, 4, 0)) {
	case 5:
		bytes(m, P_SALT, 4);
		break;
	case 7:
	case 8:
		bytes(m, P_GSSDATA, m->end - m->pos);
		break;
	case 10:
		for (k = 0; k < PG_ITEMS && m->pos < m->end; k++) {
			if (m->p[m->pos] == '\0') {
				m->pos++;
				break;
			}
			if (str(m, P_MECH) < 0)
				break;
		}
		break;
	case 11:
	case 12:
		bytes(m, P_SASLDATA, m->end - m->pos);
		break;
	}
}

/* The backend's messages; returns the type's name. */
static const char *
backend(struct pm *m, uint8_t type)
{
	const char *nm = st_valname(be_types, type);
	unsigned k;

	switch (type) {
	case 'R':
		auth(m);
		break;
	case 'S':
		if (str(m, P_PNAME) >= 0)
			str(m, P_PVALUE);
		break;
	case 'K':
		num(m, P_PID, 4, 0);
		num(m, P_KEY, 4, 0);
		break;
	case 'Z':
		num(m, P_STATUS, 1, 0);
		break;
	case 'C':
		str(m, P_TAG);
		break;
	case 'T':
		row_description(m);
		break;
	case 'D':
		values(m, P_FCOUNT);
		break;
	case 't':
		counted(m, -1, P_OIDTYPE, 4);
		break;
	case 'E':
	case 'N':
		notice(m);
		break;
	case 'A':
		num(m, P_PID, 4, 0);
		if (str(m, P_CONDITION) >= 0)
			str(m, P_TEXT);
		break;
	case 'd':
		bytes(m, P_COPYDATA, m->end - m->pos);
		break;
	case 'v':
		num(m, P_VSUPMINOR, 4, 0);
		num(m, P_NNONSUP, 4, 1);
		for (k = 0; k < PG_ITEMS && m->pos < m->end; k++)
			if (str(m, P_NONSUP) < 0)
				break;
		break;
	}
	return nm != NULL ? nm : "Unknown";
}

/* The untyped first messages: startup, SSL, GSS encryption, cancel. */
static const char *
untyped(struct pm *m, uint32_t len)
{
	uint32_t code;

	if (m->end - m->pos < 4)
		return "Unknown";
	code = (uint32_t)m->p[4] << 24 | (uint32_t)m->p[5] << 16 |
	    (uint32_t)m->p[6] << 8 | m->p[7];
	if (len == 16 && code == 80877102) {
		m->pos += 4;
		num(m, P_PID, 4, 0);
		num(m, P_KEY, 4, 0);
		return "Cancel request";
	}
	if (len == 8 && code == 80877103)
		return "SSL request";
	if (len == 8 && code == 80877104)
		return "GSS encrypt request";
	if (code >> 16 != 3)
		return "Unknown";
	num(m, P_VMAJOR, 2, 0);
	num(m, P_VMINOR, 2, 0);
	params(m);
	return "Startup message";
}

/* Whether this message is the segment's first. */
static int
first_in_segment(const struct st_dctx *d)
{
	return d->ly == d->pkt->layers || d->ly[-1].proto != d->ly->proto;
}

/* Whether the segment goes to the server, by the transport's ends. */
static int
to_server(const struct st_dctx *d)
{
	const struct st_layer *tl = d->ly;
	const struct st_field *f;
	unsigned k;

	for (k = 0; k < ST_MAX_LAYERS && tl > d->pkt->layers; k++) {
		tl--;
		if (tl->proto->role == ST_ROLE_TRANSPORT) {
			f = tl->proto->ends[1] != NULL ? st_pkt_fd(d->pkt, tl,
			    tl->proto->ends[1]) : NULL;
			return f != NULL && f->val == PG_PORT;
		}
	}
	return 0;
}

static int
pgsql_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), n, total;
	const uint8_t *p = bytes_at(c, left);
	int fe = to_server(d);
	struct st_field *tf;
	const char *nm;
	const struct st_proto *g;
	uint32_t len;
	struct pm m;

	if (p == NULL || left == 0)
		return ST_ENOTME;
	/* TLS after an SSL request: the TLS decoder's, by its heuristic. */
	if (first_in_segment(d) &&
	    (g = st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto)) != NULL) {
		st_expect_claim(d, g);	/* its later segments too */
		return ST_ENOTME;
	}
	if (!fe && left == 1 && (p[0] == 'S' || p[0] == 'N')) {
		/* The answer to an SSL request: TLS follows, or not. */
		st_dtext(d, c, &pg_fields[P_SSLRESP], 0, 1, p[0] == 'S' ?
		    "SSL accepted (TLS follows)" : "SSL refused");
		d->hdr = 1;
		d->plen = 0;
		return ST_OK;
	}
	n = fe && p[0] == 0 ? 0 : 1;		/* the type byte */
	/* No message starts with a type of neither list: the middle of a
	 * long message, or another protocol's bytes. */
	if (n == 1 && first_in_segment(d) &&
	    st_valname(fe ? fe_types : be_types, p[0]) == NULL)
		return ST_ENOTME;
	if (left < n + 4)
		return ST_ETRUNC;	/* as tshark: no field of a stub */
	tf = st_dtext(d, c, &pg_fields[P_TYPE], 0, n, "");
	len = (uint32_t)p[n] << 24 | (uint32_t)p[n + 1] << 16 |
	    (uint32_t)p[n + 2] << 8 | p[n + 3];
	st_dbytes(d, c, &pg_fields[P_LENGTH], n, 4);
	st_dgen(d, &pg_fields[P_FE], (uint64_t)fe);
	if (len < 4)
		return st_dmalformed(d, "PGSQL: length %u below 4", len);
	total = n + (size_t)len;
	memset(&m, 0, sizeof(m));
	m.d = d;
	m.c = c;
	m.p = p;
	m.pos = n + 4;
	m.end = total < left ? total : left;
	if (n == 0)
		nm = untyped(&m, len);
	else if (fe)
		nm = frontend(&m, p[0]);
	else
		nm = backend(&m, p[0]);
	if (tf != NULL)
		tf->meaning = st_pkt_strdup(d->pkt, nm);
	if (total > left) {
		st_pkt_note(d->pkt, "PGSQL: a message continues in a later "
		    "segment");
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	d->hdr = total;
	d->plen = left - total;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another message */
	return ST_OK;
}

static const struct st_bind pgsql_binds[] = {
	{ ST_KEY_TCPPORT, PG_PORT },
};

/* One message in words: its type and what a user looks for in it. */
static void
sum_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[P_NPG];
	static const int say[] = { P_SSLRESP, P_QUERY, P_TAG, P_MESSAGE, P_PNAME,
	    P_STATEMENT, P_PORTAL, P_AUTHTYPE, P_STATUS, P_FCOUNT };
	unsigned i;

	st_ly_fields(s->pkt, ly, pg_fields, P_NPG, f);
	if (f[P_SSLRESP] != NULL) {
		s->value(s, f[P_SSLRESP]);
		return;
	}
	if (f[P_TYPE] == NULL) {
		st_out_puts(s->o, "(a part)");
		return;
	}
	s->value(s, f[P_TYPE]);
	if (f[P_SEVERITY] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[P_SEVERITY]);
	}
	for (i = 0; i < NFIELDS(say); i++)
		if (f[say[i]] != NULL) {
			const struct st_field *g = f[say[i]];
			const char *nm = NULL;

			if (g->desc->fmt == ST_FMT_TEXT && (g->meaning == NULL ||
			    *g->meaning == '\0'))
				continue;	/* the unnamed portal */
			if (g->desc->names != NULL)
				nm = st_valname(g->desc->names,
				    (uint32_t)g->val);
			st_out_putc(s->o, ' ');
			if (nm != NULL)
				st_out_puts(s->o, nm);
			else
				s->value(s, g);
			if (say[i] == P_FCOUNT)
				st_out_puts(s->o, g->val == 1 ? " field" :
				    " fields");
			if (say[i] == P_PNAME && f[P_PVALUE] != NULL) {
				st_out_putc(s->o, '=');
				s->value(s, f[P_PVALUE]);
			}
			break;
		}
}

/* "pgsql > Simple query select now()", "pgsql < Row description 1,
 * Data row 1, Command completion SELECT 1, Ready for query 73": every
 * message of the segment, the first few in words. */
static int
pgsql_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_field *fe = st_pkt_fd(pkt, ly, &pg_fields[P_FE]);
	unsigned i, n = 0;

	st_out_puts(s->o, fe != NULL && fe->val ? "pgsql > " : "pgsql < ");
	for (i = (unsigned)(ly - pkt->layers); i < pkt->nlayers; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		if (n++ == 4) {
			st_out_puts(s->o, ", ...");
			break;
		}
		if (n > 1)
			st_out_puts(s->o, ", ");
		sum_one(s, t);
	}
	return 1;
}

static const struct st_field_desc *const pgsql_keys[] = {
	&pg_fields[P_TYPE], &pg_fields[P_LENGTH], &pg_fields[P_QUERY],
	&pg_fields[P_TAG], &pg_fields[P_MESSAGE], NULL,
};

const struct st_proto st_proto_pgsql = {
	.name = "pgsql",
	.ws = "pgsql",
	.title = "PostgreSQL",
	.rfc = "PostgreSQL frontend/backend protocol v3 (postgresql.org/docs/"
	    "current/protocol.html)",
	.role = ST_ROLE_APP,
	.fields = pg_fields,
	.nfields = P_NPG,
	.decode = pgsql_decode,
	.binds = pgsql_binds,
	.nbinds = NFIELDS(pgsql_binds),
	.summary = pgsql_summary,
	.keys = pgsql_keys,
	.color = "\033[94m",
	.explain = "PostgreSQL's wire protocol: every message is a type byte "
	    "and a 4-byte length (counting itself, not the type), then its "
	    "contents.  The client opens with an untyped startup message "
	    "(protocol 3.0 and user/database parameters) or an SSL request; "
	    "the server asks for authentication (R: MD5 salt, SASL/SCRAM), "
	    "reports its parameters (S) and says it is ready for a query "
	    "(Z, with the transaction status I idle, T in a transaction, E "
	    "failed).  A simple query (Q) is answered by a row description "
	    "(T), data rows (D), a command completion tag (C) or an error "
	    "(E) whose fields carry severity, SQLSTATE code and message.",
};
