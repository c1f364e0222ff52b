/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Syslog over UDP port 514: BSD syslog (RFC 3164) and the syslog protocol
 * (RFC 5424), both text.
 *
 *   <PRI>Mmm dd hh:mm:ss HOST MSG                       (RFC 3164)
 *   <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG     (RFC 5424)
 *
 * PRI is facility * 8 + severity, one to three digits.  A message without
 * a PRI is taken whole as the message, as Wireshark does.
 */
#include "strata/out.h"
#include "fields.h"

#define SYSLOG_TEXT	1024	/* wire bytes of the message shown */

static const struct st_valname level_names[] = {
	{ 0, "emerg" }, { 1, "alert" }, { 2, "crit" }, { 3, "err" },
	{ 4, "warning" }, { 5, "notice" }, { 6, "info" }, { 7, "debug" },
	{ 0, NULL }
};

static const struct st_valname facility_names[] = {
	{ 0, "kern" }, { 1, "user" }, { 2, "mail" }, { 3, "daemon" },
	{ 4, "auth" }, { 5, "syslog" }, { 6, "lpr" }, { 7, "news" },
	{ 8, "uucp" }, { 9, "cron" }, { 10, "authpriv" }, { 11, "ftp" },
	{ 12, "ntp" }, { 13, "security" }, { 14, "console" },
	{ 15, "solaris-cron" }, { 16, "local0" }, { 17, "local1" },
	{ 18, "local2" }, { 19, "local3" }, { 20, "local4" },
	{ 21, "local5" }, { 22, "local6" }, { 23, "local7" }, { 0, NULL }
};

enum { F_FAC, F_LEVEL, F_VERSION, F_TS5424, F_TS3164, F_HOST, F_APP,
	F_PROCID, F_MSGID, F_MSG, F_NFIELDS };

static const struct st_field_desc syslog_fields[] = {
	FDN("facility", "syslog.facility", "Facility", 0, 0, ST_FMT_DEC,
	    facility_names),
	FDN("level", "syslog.level", "Severity", 0, 0, ST_FMT_DEC,
	    level_names),
	FD(NULL, "syslog.version", "Version", 0, 0, ST_FMT_TEXT),
	FD(NULL, "strata.syslog.timestamp", "Timestamp (RFC 3339)", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "syslog.timestamp_rfc3164", "Timestamp", 0, 0, ST_FMT_TEXT),
	FD(NULL, "syslog.hostname", "Host name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "syslog.appname", "Application", 0, 0, ST_FMT_TEXT),
	FD(NULL, "syslog.procid", "Process ID", 0, 0, ST_FMT_TEXT),
	FD(NULL, "syslog.msgid", "Message ID", 0, 0, ST_FMT_TEXT),
	FD(NULL, "syslog.msg", "Message", 0, 0, ST_FMT_TEXT),
};

/* The n bytes at pos as escaped text field i. */
static void
text(struct st_dctx *d, struct st_cur *c, int i, size_t pos, size_t n)
{
	char buf[SYSLOG_TEXT * 4 + 4];

	st_escape(c->base + c->off + pos, n < SYSLOG_TEXT ? n : SYSLOG_TEXT,
	    buf, sizeof(buf));
	st_dtext(d, c, &syslog_fields[i], pos, n, buf);
}

/* The length of the word at pos (to a space or the end). */
static size_t
word(const uint8_t *p, size_t pos, size_t left)
{
	size_t k;

	for (k = pos; k < left && p[k] != ' '; k++)
		;
	return k - pos;
}

/* Whether the 16 bytes at p are "Mmm dd hh:mm:ss " (RFC 3164 4.1.2). */
static int
is_3164_time(const uint8_t *p)
{
	static const char *const mon = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t i;

	for (i = 0; i < 36; i += 3)
		if (memcmp(p, mon + i, 3) == 0)
			break;
	return i < 36 && p[3] == ' ' && (p[4] == ' ' || isdigit(p[4])) &&
	    isdigit(p[5]) && p[6] == ' ' && isdigit(p[7]) && isdigit(p[8]) &&
	    p[9] == ':' && isdigit(p[10]) && isdigit(p[11]) && p[12] == ':' &&
	    isdigit(p[13]) && isdigit(p[14]) && p[15] == ' ';
}

/* RFC 5424's header words after the version, at pos; returns where the
 * structured data and message start. */
static size_t
header_5424(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t pos, size_t left)
{
	static const int rows[5] = { F_TS5424, F_HOST, F_APP, F_PROCID,
	    F_MSGID };
	size_t n;
	int i;

	/* As Wireshark: the message ID's field runs to the end. */
	for (i = 0; i < 5 && pos < left; i++) {
		n = i < 4 ? word(p, pos, left) : left - pos;
		text(d, c, rows[i], pos, n);
		pos += n + (pos + n < left);
	}
	return pos;
}

static int
syslog_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 0, n;
	const uint8_t *p = c->base + c->off;
	unsigned pri = 0;
	struct st_field *f;
	int good = 0;

	d->hdr = left;
	d->plen = 0;
	if (left == 0)
		return ST_ETRUNC;
	/* As Wireshark: '<', up to three digits, an optional '>'; the PRI
	 * so read (0 if no digit) is shown even when it is not well formed. */
	if (p[0] == '<') {
		for (pos = 1; pos < left && pos <= 3 && isdigit(p[pos]); pos++)
			pri = pri * 10 + (unsigned)(p[pos] - '0');
		good = pos > 1 && pos < left && p[pos] == '>';
		if (pos < left && p[pos] == '>')
			pos++;
		if ((f = st_pkt_add_field(d->pkt, &syslog_fields[F_FAC],
		    (uint32_t)(c->off * 8), (uint32_t)(pos * 8),
		    (pri >> 3) & 0x7f)) == NULL)
			return ST_OK;
		st_pkt_add_field(d->pkt, &syslog_fields[F_LEVEL],
		    (uint32_t)(c->off * 8), (uint32_t)(pos * 8), pri & 7);
	}
	/* The line's end (and a NUL) is no part of the message. */
	while (left > pos && (p[left - 1] == '\n' || p[left - 1] == '\r' ||
	    p[left - 1] == '\0'))
		left--;
	/* The message is all after the PRI; its parts are fields too. */
	if (pos < left)
		text(d, c, F_MSG, pos, left - pos);
	if (good && left - pos >= 2 && isdigit(p[pos]) &&
	    p[pos + 1] == ' ') {
		text(d, c, F_VERSION, pos, 1);
		header_5424(d, c, p, pos + 2, left);
	} else if (good && left - pos >= 16 && is_3164_time(p + pos)) {
		text(d, c, F_TS3164, pos, 15);
		pos += 16;
		n = word(p, pos, left);
		text(d, c, F_HOST, pos, n);
		pos += n + (pos + n < left);
		/* The tag ("su") up to a colon, then the content from it. */
		for (n = 0; pos + n < left && n < 48 && p[pos + n] != ':' &&
		    p[pos + n] != ' '; n++)
			;
		if (n > 0 && pos + n < left && p[pos + n] == ':') {
			text(d, c, F_PROCID, pos, n);
			text(d, c, F_MSGID, pos + n, left - pos - n);
		}
	}
	return ST_OK;
}

static const struct st_bind syslog_binds[] = {
	{ ST_KEY_UDPPORT, 514 },
};

/* "syslog local0.notice host gw1: message text". */
static int
syslog_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, syslog_fields, F_NFIELDS, f);
	st_out_puts(s->o, "syslog");
	if (f[F_FAC] != NULL && f[F_LEVEL] != NULL) {
		m = st_field_meaning(f[F_FAC]);
		st_out_printf(s->o, " %s.", m != NULL ? m : "?");
		m = st_field_meaning(f[F_LEVEL]);
		st_out_puts(s->o, m != NULL ? m : "?");
	}
	if (f[F_HOST] != NULL) {
		st_out_puts(s->o, " host ");
		s->value(s, f[F_HOST]);
	}
	/* The content: "app: text" (RFC 5424's message ID field runs to the
	 * end), "tag: text" (RFC 3164), or the whole message. */
	if (f[F_VERSION] != NULL && f[F_APP] != NULL && f[F_MSGID] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_APP]);
		st_out_puts(s->o, ": ");
		s->value(s, f[F_MSGID]);
	} else if (f[F_PROCID] != NULL && f[F_MSGID] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PROCID]);
		s->value(s, f[F_MSGID]);
	} else if (f[F_MSG] != NULL) {
		st_out_puts(s->o, ": ");
		s->value(s, f[F_MSG]);
	}
	return 1;
}

static const struct st_field_desc *const syslog_keys[] = {
	&syslog_fields[F_FAC], &syslog_fields[F_LEVEL], &syslog_fields[F_MSG],
	NULL,
};

const struct st_proto st_proto_syslog = {
	.name = "syslog",
	.ws = "syslog",
	.title = "Syslog",
	.rfc = "RFC 3164, RFC 5424",
	.role = ST_ROLE_APP,
	.fields = syslog_fields,
	.nfields = NFIELDS(syslog_fields),
	.decode = syslog_decode,
	.binds = syslog_binds,
	.nbinds = NFIELDS(syslog_binds),
	.summary = syslog_summary,
	.keys = syslog_keys,
	.color = "\033[37m",
	.explain = "One log line per datagram.  <PRI> is facility times 8 "
	    "plus severity (0 emerg ... 7 debug).  BSD syslog (RFC 3164) "
	    "follows it with a local time and the host; the syslog protocol "
	    "(RFC 5424) with a version, an RFC 3339 time, host, application, "
	    "process and message IDs and structured data.",
};
