/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MySQL client/server protocol (TCP 3306): each packet's 3-byte length
 * and sequence number, then by its direction and first byte the server's
 * greeting, the login request, a command (query, use database, field
 * list), or a reply: OK, ERR, EOF, a result set's column count, column
 * definitions and rows.  One layer per packet; a segment's further
 * packets follow as layers of their own, as tshark shows them.
 *
 * Which reply a packet is would need the conversation's state (what was
 * asked); without it, strata goes by the bytes: 0x00 OK, 0xff ERR, 0xfe
 * short EOF, a lone length-encoded integer first in a segment the column
 * count, "\x03def" a column definition, anything else a row.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define MYSQL_PORT	3306
#define MYSQL_TEXT	512	/* bytes of one text shown */
#define MYSQL_COLS	256	/* values of one row decoded */

enum { M_LEN, M_SEQ, M_CMD, M_QUERY, M_SCHEMA, M_TABLE, M_PROTO, M_VERSION,
	M_THREAD, M_SALT, M_CAPSS, M_CAPSC, M_LANG, M_MLANG, M_STATUS,
	M_EXTS, M_EXTC, M_PLUGLEN, M_UNUSED, M_SALT2, M_PLUGIN, M_MAXPKT,
	M_USER, M_PASSWD, M_CPLUGIN, M_RESP, M_AFFECTED, M_INSERT,
	M_WARNINGS, M_EOF, M_ERRCODE, M_SQLSTATE, M_ERRMSG, M_NFIELDS,
	M_CATALOG, M_DB, M_FTABLE, M_ORGTABLE, M_NAME, M_ORGNAME, M_CHARSET,
	M_FLEN, M_FTYPE, M_FFLAGS, M_DECIMALS, M_DEFAULT, M_ROW, M_PREFIX, M_LENENC,
	M_NMYSQL };

#define T(n, l)		FD(NULL, "mysql." n, l, 0, 0, ST_FMT_TEXT)
#define N(n, l)		FD(NULL, "mysql." n, l, 0, 0, ST_FMT_DEC)
#define X(n, l)		FD(NULL, "mysql." n, l, 0, 0, ST_FMT_HEX)

static const struct st_valname cmd_names[] = {
	{ 0, "SLEEP" }, { 1, "Quit" }, { 2, "Use Database" }, { 3, "Query" },
	{ 4, "Show Fields" }, { 5, "Create Database" }, { 6, "Drop Database" },
	{ 7, "Refresh" }, { 8, "Shutdown" }, { 9, "Statistics" },
	{ 10, "Process List" }, { 12, "Kill Server Thread" },
	{ 13, "Dump Debug Info" }, { 14, "Ping" }, { 17, "Change User" },
	{ 22, "Prepare Statement" }, { 23, "Execute Statement" },
	{ 25, "Close Statement" }, { 26, "Reset Statement" },
	{ 27, "Set Option" }, { 28, "Fetch Data" }, { 31, "Reset Connection" },
	{ 0, NULL }
};

static const struct st_field_desc my_fields[M_NMYSQL] = {
	[M_LEN] = N("packet_length", "Packet length"),
	[M_SEQ] = FD(NULL, "mysql.packet_number", "Packet number", 24, 8,
	    ST_FMT_DEC),
	[M_CMD] = FDN(NULL, "mysql.command", "Command", 0, 0, ST_FMT_DEC,
	    cmd_names),
	[M_QUERY] = T("query", "Statement"),
	[M_SCHEMA] = T("schema", "Schema"),
	[M_TABLE] = T("table_name", "Table name"),
	[M_PROTO] = N("protocol", "Protocol"),
	[M_VERSION] = T("version", "Version"),
	[M_THREAD] = N("thread_id", "Thread ID"),
	[M_SALT] = T("salt", "Salt"),
	[M_CAPSS] = X("caps.server", "Server capabilities"),
	[M_CAPSC] = X("caps.client", "Client capabilities"),
	[M_LANG] = N("server_language", "Server language"),
	[M_MLANG] = FD(NULL, "mariadb.server_language", "Server language",
	    0, 0, ST_FMT_DEC),
	[M_STATUS] = X("server_status", "Server status"),
	[M_EXTS] = X("extcaps.server", "Extended server capabilities"),
	[M_EXTC] = X("extcaps.client", "Extended client capabilities"),
	[M_PLUGLEN] = N("auth_plugin.length", "Authentication plugin length"),
	[M_UNUSED] = FD(NULL, "mysql.unused", "Unused", 0, 0, ST_FMT_BYTES),
	[M_SALT2] = T("salt2", "Salt (rest)"),
	[M_PLUGIN] = T("auth_plugin", "Authentication plugin"),
	[M_MAXPKT] = N("max_packet", "Maximum packet size"),
	[M_USER] = T("user", "Username"),
	[M_PASSWD] = FD(NULL, "mysql.passwd", "Password", 0, 0,
	    ST_FMT_BYTES),
	[M_CPLUGIN] = T("client_auth_plugin", "Client authentication plugin"),
	[M_RESP] = X("response_code", "Response code"),
	[M_AFFECTED] = N("affected_rows", "Affected rows"),
	[M_INSERT] = N("insert_id", "Last inserted ID"),
	[M_WARNINGS] = N("warnings", "Warnings"),
	[M_EOF] = N("eof", "EOF marker"),
	[M_ERRCODE] = N("error_code", "Error code"),
	[M_SQLSTATE] = T("sqlstate", "SQL state"),
	[M_ERRMSG] = T("error.message", "Error message"),
	[M_NFIELDS] = N("num_fields", "Number of fields"),
	[M_CATALOG] = T("field.catalog", "Catalog"),
	[M_DB] = T("field.db", "Database"),
	[M_FTABLE] = T("field.table", "Table"),
	[M_ORGTABLE] = T("field.org_table", "Original table"),
	[M_NAME] = T("field.name", "Name"),
	[M_ORGNAME] = T("field.org_name", "Original name"),
	[M_CHARSET] = N("field.charsetnr", "Charset number"),
	[M_FLEN] = N("field.length", "Length"),
	[M_FTYPE] = N("field.type", "Type"),
	[M_FFLAGS] = X("field.flags", "Flags"),
	[M_DECIMALS] = N("field.decimals", "Decimals"),
	[M_DEFAULT] = T("field.default", "Default"),
	[M_ROW] = T("row.text", "Text"),
	[M_PREFIX] = FD(NULL, "mariadb.prefix", "Length prefix", 0, 0,
	    ST_FMT_DEC),
	[M_LENENC] = FD(NULL, "mariadb.length", "Length", 0, 0, ST_FMT_DEC),
};

/* Flag bits of 16-bit little-endian words: capabilities, status, column
 * flags (Wireshark's FT_BOOLEAN rows), one table for look-ups. */
#define B(n, l)		FD(NULL, "mysql." n, l, 0, 0, ST_FMT_BOOL)

enum { CAPS = 0, EXTCAPS = 16, STAT = 30, FFLAGS = 45, NBITS = 56 };

static const struct st_field_desc my_bits[NBITS] = {
	B("caps.lp", "Long password"), B("caps.fr", "Found rows"),
	B("caps.lf", "Long column flags"), B("caps.cd", "Connect with "
	"database"), B("caps.ns", "Don't allow database.table.column"),
	B("caps.cp", "Can use compression protocol"), B("caps.ob", "ODBC "
	"client"), B("caps.li", "Can use LOAD DATA LOCAL"),
	B("caps.is", "Ignore spaces before '('"), B("caps.cu", "Speaks 4.1 "
	"protocol (new flag)"), B("caps.ia", "Interactive client"),
	B("caps.sl", "Switch to SSL after handshake"), B("caps.ii", "Ignore "
	"sigpipes"), B("caps.ta", "Knows about transactions"),
	B("caps.rs", "Speaks 4.1 protocol (old flag)"),
	B("caps.sc", "Can do 4.1 authentication"),
	/* EXTCAPS */
	B("caps.ms", "Multiple statements"), B("caps.mr", "Multiple results"),
	B("caps.pm", "PS Multiple results"), B("caps.pa", "Plugin Auth"),
	B("caps.ca", "Connect attrs"),
	/* Wireshark names 0x20 as it names 0x4 */
	B("caps.pm", "Plugin Auth LENENC Client Data"), B("caps.ep", "Client can handle expired passwords"),
	B("caps.session_track", "Session variable tracking"),
	B("caps.deprecate_eof", "Deprecate EOF"),
	B("caps.optional_metadata", "Client can handle optional resultset "
	"metadata"), B("caps.compress_zsd", "ZSTD Compression Algorithm"),
	B("caps.query_attrs", "Query Attributes"), B("caps.mf_auth",
	"Multifactor Authentication"), B("caps.cap_ext", "Capability "
	"Extension"),
	/* STAT */
	B("stat.it", "In transaction"), B("stat.ac", "AUTO_COMMIT"),
	B("stat.mu", "Multi query / Unused"), B("stat.mr", "More results"),
	B("stat.bi", "Bad index used"), B("stat.ni", "No index used"),
	B("stat.cr", "Cursor exists"), B("stat.lr", "Last row sent"),
	B("stat.dr", "Database dropped"), B("stat.bs", "No backslash "
	"escapes"), B("stat.mc", "Metadata changed"),
	B("stat.query_was_slow", "Query was slow"), B("stat.ps_out_params",
	"PS Out Params"), B("stat.trans_readonly", "In Trans Readonly"),
	B("stat.session_state_changed", "Session state changed"),
	/* FFLAGS */
	B("field.flags.not_null", "Not null"), B("field.flags.primary_key",
	"Primary key"), B("field.flags.unique_key", "Unique key"),
	B("field.flags.multiple_key", "Multiple key"), B("field.flags.blob",
	"Blob"), B("field.flags.unsigned", "Unsigned"),
	B("field.flags.zero_fill", "Zero fill"), B("field.flags.enum",
	"Enum"), B("field.flags.auto_increment", "Auto increment"),
	B("field.flags.timestamp", "Timestamp"), B("field.flags.set", "Set"),
};

/* The masks of the rows that are not bit i of their word. */
static const uint16_t extcaps_mask[] = { 0x1, 0x2, 0x4, 0x8, 0x10, 0x20,
	0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000 };
static const uint16_t fflag_mask[] = { 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40,
	0x100, 0x200, 0x400, 0x800 };

/* One packet's bytes p[0..n) (n: what was captured of its payload, at
 * c's position plus base) and where the decoder is in them. */
struct mp {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 base, n, pos;
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* A little-endian number field f of w bytes at the position. */
static uint64_t
le(struct mp *m, const struct st_field_desc *fd, size_t w)
{
	struct st_field *f;
	uint64_t v = 0;
	size_t i;

	if (m->pos + w > m->n) {
		m->pos = m->n + 1;	/* cut short: nothing more */
		return 0;
	}
	for (i = w; i > 0; i--)
		v = v << 8 | m->p[m->pos + i - 1];
	if (fd != NULL && (f = st_dbytes(m->d, m->c, fd, m->base + m->pos,
	    w)) != NULL)
		f->val = v;
	m->pos += w;
	return v;
}

/* The flag rows bits[0..k) of the 16-bit word v just read (masks, or
 * bit i when mask is NULL). */
static void
flags(struct mp *m, const struct st_field_desc *bits, const uint16_t *mask,
    size_t k, uint64_t v)
{
	struct st_field *f;
	size_t i;

	for (i = 0; i < k; i++)
		if ((f = st_dbytes(m->d, m->c, &bits[i], m->base + m->pos - 2,
		    2)) != NULL)
			f->val = (v & (mask != NULL ? mask[i] : 1u << i)) != 0;
}

static void
text(struct mp *m, int fi, size_t off, size_t n)
{
	char buf[MYSQL_TEXT * 4 + 8];

	st_escape(m->p + off, n < MYSQL_TEXT ? n : MYSQL_TEXT, buf,
	    sizeof(buf));
	st_dtext(m->d, m->c, &my_fields[fi], m->base + off, n, buf);
}

/* A NUL-ended string field at the position (to the end if unended). */
static void
stringz(struct mp *m, int fi)
{
	size_t e;

	if (m->pos >= m->n)
		return;
	for (e = m->pos; e < m->n && m->p[e] != 0; e++)
		;
	text(m, fi, m->pos, e - m->pos);
	m->pos = e < m->n ? e + 1 : e;
}

/* A length-encoded integer: its prefix and value rows, then fi's (or
 * none: -1).  Returns the value; *ok 0 when it did not fit. */
static uint64_t
lenenc(struct mp *m, int fi, int *ok)
{
	static const size_t more[4] = { 0, 2, 3, 8 };
	struct st_field *f;
	size_t start = m->pos, w;
	uint64_t v;
	unsigned b;

	*ok = 0;
	if (m->pos >= m->n)
		return 0;
	b = m->p[m->pos];
	if (b == 0xfb || b == 0xff)
		return 0;
	w = b < 0xfb ? 0 : more[b - 0xfb];
	if (m->pos + 1 + w > m->n)
		return 0;
	le(m, &my_fields[M_PREFIX], 1);
	v = w == 0 ? b : le(m, NULL, w);
	if ((f = st_dbytes(m->d, m->c, &my_fields[M_LENENC], m->base + start,
	    1 + w)) != NULL)
		f->val = v;
	if (fi >= 0 && (f = st_dbytes(m->d, m->c, &my_fields[fi], m->base +
	    start, 1 + w)) != NULL)
		f->val = v;
	*ok = 1;
	return v;
}

/* A length-encoded string as field fi; 0 when it does not fit. */
static int
lenstr(struct mp *m, int fi)
{
	uint64_t n;
	int ok;

	n = lenenc(m, -1, &ok);
	if (!ok || n > m->n - m->pos)
		return 0;
	text(m, fi, m->pos, (size_t)n);
	m->pos += (size_t)n;
	return 1;
}

static void
greeting(struct mp *m)
{
	uint64_t caps;
	int maria;

	le(m, &my_fields[M_PROTO], 1);
	stringz(m, M_VERSION);
	le(m, &my_fields[M_THREAD], 4);
	stringz(m, M_SALT);
	caps = le(m, &my_fields[M_CAPSS], 2);
	if (m->pos > m->n)
		return;
	flags(m, &my_bits[CAPS], NULL, 16, caps);
	/* A MariaDB server leaves CLIENT_MYSQL (long password) clear. */
	maria = !(caps & 1);
	le(m, &my_fields[maria ? M_MLANG : M_LANG], 1);
	caps = le(m, &my_fields[M_STATUS], 2);
	if (m->pos > m->n)
		return;
	flags(m, &my_bits[STAT], NULL, 15, caps & 0x7fff);
	if (maria) {
		m->pos += 2;
		le(m, &my_fields[M_PLUGLEN], 1);
		if (m->pos + 10 > m->n)
			return;
		st_dbytes(m->d, m->c, &my_fields[M_UNUSED], m->base + m->pos,
		    6);
		m->pos += 10;
	} else {
		caps = le(m, &my_fields[M_EXTS], 2);
		if (m->pos > m->n)
			return;
		flags(m, &my_bits[EXTCAPS], extcaps_mask, 14, caps);
		le(m, &my_fields[M_PLUGLEN], 1);
		if (m->pos + 10 > m->n)
			return;
		st_dbytes(m->d, m->c, &my_fields[M_UNUSED], m->base + m->pos,
		    10);
		m->pos += 10;
	}
	stringz(m, M_SALT2);
	stringz(m, M_PLUGIN);
}

static void
login(struct mp *m)
{
	uint64_t caps, ext;
	size_t k;

	caps = le(m, &my_fields[M_CAPSC], 2);
	if (m->pos > m->n)
		return;
	flags(m, &my_bits[CAPS], NULL, 16, caps);
	ext = le(m, &my_fields[M_EXTC], 2);
	if (m->pos > m->n)
		return;
	flags(m, &my_bits[EXTCAPS], extcaps_mask, 14, ext);
	le(m, &my_fields[M_MAXPKT], 4);
	m->pos += 1 + 23;	/* charset, filler (MariaDB's or not) */
	if (m->pos >= m->n)
		return;
	stringz(m, M_USER);
	if (m->pos >= m->n)
		return;
	k = m->p[m->pos];	/* 4.1 authentication: a counted response */
	if ((caps & 0x8000) && m->pos + 1 + k <= m->n) {
		if (k > 0)
			st_dbytes(m->d, m->c, &my_fields[M_PASSWD], m->base +
			    m->pos + 1, k);
		m->pos += 1 + k;
	} else if (!(caps & 0x8000)) {
		for (k = m->pos; k < m->n && m->p[k] != 0; k++)
			;
		if (k > m->pos)
			st_dbytes(m->d, m->c, &my_fields[M_PASSWD], m->base +
			    m->pos, k - m->pos);
		m->pos = k + 1;
	} else
		return;
	if (caps & 0x0008)
		stringz(m, M_SCHEMA);
	if (ext & 0x0008)
		stringz(m, M_CPLUGIN);
}

static void
command(struct mp *m)
{
	unsigned cmd = (unsigned)le(m, &my_fields[M_CMD], 1);

	if (m->pos >= m->n)
		return;
	switch (cmd) {
	case 2:
		text(m, M_SCHEMA, m->pos, m->n - m->pos);
		break;
	case 3:
		/* Query attributes (a count first) need the login's
		 * capabilities: only a plain statement is shown. */
		if (m->p[m->pos] >= 0x20)
			text(m, M_QUERY, m->pos, m->n - m->pos);
		break;
	case 4:
		stringz(m, M_TABLE);
		break;
	}
}

static void
ok_packet(struct mp *m)
{
	struct st_field *f;
	uint64_t v;
	int ok;

	if (m->p[m->pos] == 0xfe) {	/* in EOF's place: its marker too */
		if ((f = st_dbytes(m->d, m->c, &my_fields[M_RESP], m->base +
		    m->pos, 1)) != NULL)
			f->val = 0xfe;
		le(m, &my_fields[M_EOF], 1);
	} else
		le(m, &my_fields[M_RESP], 1);
	lenenc(m, M_AFFECTED, &ok);
	if (!ok)
		return;
	/* tshark shows the last insert id only when there is one. */
	lenenc(m, m->pos < m->n && m->p[m->pos] == 0 ? -1 : M_INSERT, &ok);
	if (!ok)
		return;
	v = le(m, &my_fields[M_STATUS], 2);
	if (m->pos > m->n)
		return;
	flags(m, &my_bits[STAT], NULL, 15, v & 0x7fff);
	le(m, &my_fields[M_WARNINGS], 2);
	/* Then, with session tracking, the info text's length (the state
	 * changes after it are not decoded). */
	if (m->pos < m->n)
		lenenc(m, -1, &ok);
}

static void
err_packet(struct mp *m)
{
	le(m, &my_fields[M_RESP], 1);
	le(m, &my_fields[M_ERRCODE], 2);
	if (m->pos < m->n && m->p[m->pos] == '#' && m->pos + 6 <= m->n) {
		text(m, M_SQLSTATE, m->pos + 1, 5);
		m->pos += 6;
	}
	if (m->pos < m->n)
		text(m, M_ERRMSG, m->pos, m->n - m->pos);
}

static void
eof_packet(struct mp *m)
{
	uint64_t v;
	struct st_field *f;

	if ((f = st_dbytes(m->d, m->c, &my_fields[M_RESP], m->base + m->pos,
	    1)) != NULL)
		f->val = 0xfe;
	le(m, &my_fields[M_EOF], 1);
	le(m, &my_fields[M_WARNINGS], 2);
	v = le(m, &my_fields[M_STATUS], 2);
	if (m->pos <= m->n)
		flags(m, &my_bits[STAT], NULL, 15, v & 0x7fff);
}

static void
column(struct mp *m)
{
	static const int names[6] = { M_CATALOG, M_DB, M_FTABLE, M_ORGTABLE,
		M_NAME, M_ORGNAME };
	uint64_t v;
	int i;

	for (i = 0; i < 6; i++)
		if (!lenstr(m, names[i]))
			return;
	/* The fixed fields' length (0x0c), which tshark does not show. */
	if (m->pos >= m->n || m->p[m->pos] >= 0xfb)
		return;
	m->pos++;
	le(m, &my_fields[M_CHARSET], 2);
	le(m, &my_fields[M_FLEN], 4);
	le(m, &my_fields[M_FTYPE], 1);
	v = le(m, &my_fields[M_FFLAGS], 2);
	if (m->pos > m->n)
		return;
	flags(m, &my_bits[FFLAGS], fflag_mask, 11, v);
	le(m, &my_fields[M_DECIMALS], 1);
	/* Two filler bytes, then (a field list's reply) the default. */
	m->pos += 2;
	if (m->pos < m->n && m->p[m->pos] == 0xfb)
		le(m, &my_fields[M_PREFIX], 1);		/* no default */
	else if (m->pos < m->n)
		lenstr(m, M_DEFAULT);
}

static void
row(struct mp *m)
{
	unsigned i;

	for (i = 0; i < MYSQL_COLS && m->pos < m->n; i++) {
		if (m->p[m->pos] == 0xfb) {	/* NULL, as tshark says it */
			st_dtext(m->d, m->c, &my_fields[M_ROW], m->base +
			    m->pos, 1, "NULL");
			le(m, &my_fields[M_PREFIX], 1);
			continue;
		}
		if (!lenstr(m, M_ROW))
			return;
	}
}

/* Whether the n bytes at p are one length-encoded integer alone. */
static int
lone_count(const uint8_t *p, size_t n)
{
	return n > 0 && ((p[0] < 0xfb && n == 1) || (p[0] == 0xfc && n == 3) ||
	    (p[0] == 0xfd && n == 4) || (p[0] == 0xfe && n == 9));
}

/* Whether the layer before this one is a MySQL packet of this segment. */
static int
first_in_segment(const struct st_dctx *d)
{
	return d->ly == d->pkt->layers || d->ly[-1].proto != d->ly->proto;
}

static void
reply(struct mp *m, unsigned seq)
{
	const uint8_t *p = m->p;
	size_t n = m->n;
	int ok;

	if (seq == 0 && n > 0 && p[0] == 10 && first_in_segment(m->d))
		greeting(m);
	else if (n >= 7 && p[0] == 0x00)
		ok_packet(m);
	else if (n >= 3 && p[0] == 0xff)
		err_packet(m);
	else if (n >= 1 && n < 7 && p[0] == 0xfe)
		eof_packet(m);	/* 5 bytes since 4.1, 1 before */
	else if (n >= 7 && p[0] == 0xfe && (n < 9 ||
	    !first_in_segment(m->d)))
		ok_packet(m);	/* an OK in EOF's place (deprecate EOF) */
	else if (n >= 4 && memcmp(p, "\003def", 4) == 0)
		column(m);
	else if (lone_count(p, n) && first_in_segment(m->d))
		lenenc(m, M_NFIELDS, &ok);	/* a result set's column count */
	else
		row(m);
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
			return f != NULL && f->val == MYSQL_PORT;
		}
	}
	return 0;
}

static int
mysql_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	const uint8_t *p = bytes_at(c, left);
	struct mp m;
	unsigned seq;
	struct st_field *f;

	if (p == NULL || left < 4)
		return left == 0 ? ST_ENOTME : ST_ETRUNC;
	len = (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16;
	seq = p[3];
	if ((f = st_dbytes(d, c, &my_fields[M_LEN], 0, 3)) != NULL)
		f->val = len;
	st_dfield(d, c, &my_fields[M_SEQ]);
	memset(&m, 0, sizeof(m));
	m.d = d;
	m.c = c;
	m.p = p + 4;
	m.base = 4;
	m.n = len < left - 4 ? len : left - 4;
	if (len > left - 4)
		st_pkt_note(d->pkt, "MySQL: a packet continues in a later "
		    "segment");
	if (to_server(d)) {
		if (seq == 0)
			command(&m);
		else if (seq == 1 && first_in_segment(d) && m.n >= 32)
			login(&m);
	} else
		reply(&m, seq);
	d->hdr = 4 + m.n;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another packet */
	return ST_OK;
}

static const struct st_bind mysql_binds[] = {
	{ ST_KEY_TCPPORT, MYSQL_PORT },
};

/* One packet's words, as tshark's Info column says them. */
static void
sum_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[M_NMYSQL];

	st_ly_fields(s->pkt, ly, my_fields, M_NMYSQL, f);
	if (f[M_PROTO] != NULL) {
		st_out_puts(s->o, "greeting version ");
		s->value(s, f[M_VERSION]);
	} else if (f[M_CAPSC] != NULL) {
		st_out_puts(s->o, "login user ");
		s->value(s, f[M_USER]);
	} else if (f[M_CMD] != NULL) {
		const char *nm = st_valname(cmd_names, (uint32_t)f[M_CMD]->val);

		if (nm != NULL)
			st_out_puts(s->o, nm);
		else
			s->value(s, f[M_CMD]);
		if (f[M_QUERY] != NULL || f[M_SCHEMA] != NULL ||
		    f[M_TABLE] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[M_QUERY] != NULL ? f[M_QUERY] :
			    f[M_SCHEMA] != NULL ? f[M_SCHEMA] : f[M_TABLE]);
		}
	} else if (f[M_ERRCODE] != NULL) {
		st_out_puts(s->o, "ERR ");
		s->value(s, f[M_ERRCODE]);
		if (f[M_ERRMSG] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[M_ERRMSG]);
		}
	} else if (f[M_EOF] != NULL)
		st_out_puts(s->o, "EOF");
	else if (f[M_AFFECTED] != NULL) {
		st_out_puts(s->o, "OK affected ");
		s->value(s, f[M_AFFECTED]);
	} else if (f[M_NFIELDS] != NULL) {
		s->value(s, f[M_NFIELDS]);
		st_out_puts(s->o, " columns");
	} else if (f[M_NAME] != NULL) {
		st_out_puts(s->o, "column ");
		s->value(s, f[M_NAME]);
	} else if (f[M_ROW] != NULL || f[M_PREFIX] != NULL)
		st_out_puts(s->o, "row");
	else
		st_out_puts(s->o, "packet");
}

/* "mysql Query select 1", "mysql 1 columns, column x, EOF, row, EOF":
 * every packet of the segment, the first few in words. */
static int
mysql_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	unsigned i, n = 0;

	st_out_puts(s->o, "mysql ");
	for (i = (unsigned)(ly - pkt->layers); i < pkt->nlayers; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		if (n++ == 6) {
			st_out_puts(s->o, ", ...");
			break;
		}
		if (n > 1)
			st_out_puts(s->o, ", ");
		sum_one(s, t);
	}
	return 1;
}

static const struct st_field_desc *const mysql_keys[] = {
	&my_fields[M_LEN], &my_fields[M_SEQ], &my_fields[M_CMD],
	&my_fields[M_QUERY], &my_fields[M_RESP], NULL,
};

const struct st_proto st_proto_mysql = {
	.name = "mysql",
	.ws = "mysql",
	.title = "MySQL Protocol",
	.rfc = "MySQL client/server protocol (dev.mysql.com)",
	.role = ST_ROLE_APP,
	.flags = 0,
	.fields = my_fields,
	.nfields = M_NMYSQL,
	.more = my_bits,
	.nmore = NBITS,
	.decode = mysql_decode,
	.binds = mysql_binds,
	.nbinds = NFIELDS(mysql_binds),
	.summary = mysql_summary,
	.keys = mysql_keys,
	.color = "\033[94m",
	.explain = "Every MySQL packet starts with a 3-byte little-endian "
	    "length and a sequence number that counts the packets of one "
	    "exchange from 0.  The server greets first (protocol 10, its "
	    "version, capabilities and a salt), the client logs in, then "
	    "each command (0x03 a query) is answered by OK (0x00), ERR "
	    "(0xff) or a result set: a column count, a definition per "
	    "column, EOF (0xfe), the rows as length-prefixed text, EOF.  "
	    "Which reply a packet is needs the question; strata reads it "
	    "from the bytes alone.",
};
