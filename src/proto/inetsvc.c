/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The small services inetd answered itself, on TCP and UDP alike: echo
 * (RFC 862, port 7) sends back what it gets; daytime (RFC 867, port 13)
 * answers with the date as a line of text; time (RFC 868, port 37) with
 * the seconds since 1900 as a 32-bit number; chargen (RFC 864, port 19)
 * with lines of printable characters.  A request names no format: which
 * end is the server goes by the port, as in Wireshark's dissectors, and a
 * segment or datagram with no bytes is no message (a UDP request to time
 * or chargen is empty).
 */
#include <time.h>

#include "strata/out.h"
#include "fields.h"

#define SVC_TEXT	1024	/* bytes of text shown */

enum { P_ECHO = 7, P_DAYTIME = 13, P_CHARGEN = 19, P_TIME = 37 };

/* 1 when the layer's segment goes to port, 0 when it comes from it. */
static int
to_server(const struct st_dctx *d, unsigned port)
{
	return st_dport(d->pkt, d->ly, 1) == port;
}

/* The n bytes at c as escaped text (at most SVC_TEXT of them) into buf,
 * without the line end they finish with: as tshark's string is read, its
 * line end a line's end, not text. */
static void
svc_text(struct st_cur *c, size_t n, char *buf, size_t bn)
{
	struct st_cur t = *c;
	const uint8_t *p = st_get_bytes(&t, n);

	buf[0] = '\0';
	if (p == NULL)
		return;
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	st_escape(p, n < SVC_TEXT ? n : SVC_TEXT, buf, bn);
}

/* echo */

enum { E_REQ, E_RESP, E_DATA, E_N };

static const struct st_field_desc echo_fields[E_N] = {
	[E_REQ] = FDG("echo.request", "Echo request", ST_FMT_BOOL, NULL),
	[E_RESP] = FDG("echo.response", "Echo response", ST_FMT_BOOL, NULL),
	[E_DATA] = FD("data", "echo.data", "Echo data", 0, 0, ST_FMT_BYTES),
};

static int
echo_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);

	if (n == 0)
		return ST_ENOTME;
	st_dgen(d, &echo_fields[to_server(d, P_ECHO) ? E_REQ : E_RESP], 1);
	st_dbytes(d, c, &echo_fields[E_DATA], 0, n);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind echo_binds[] = {
	{ ST_KEY_TCPPORT, P_ECHO }, { ST_KEY_UDPPORT, P_ECHO },
};

/* "echo request, 6 bytes", "echo response, 6 bytes". */
static int
echo_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_printf(s->o, "echo %s, %u bytes", st_pkt_fd(s->pkt, ly,
	    &echo_fields[E_REQ]) != NULL ? "request" : "response", ly->len);
	return 1;
}

const struct st_proto st_proto_echo = {
	.name = "echo",
	.ws = "echo",
	.title = "Echo",
	.rfc = "RFC 862",
	.role = ST_ROLE_APP,
	.fields = echo_fields,
	.nfields = E_N,
	.decode = echo_decode,
	.binds = echo_binds,
	.nbinds = NFIELDS(echo_binds),
	.summary = echo_summary,
	.color = "\033[33m",
	.explain = "The echo service (port 7, TCP and UDP) sends back every "
	    "byte it receives: the oldest way to test that a path carries "
	    "data both ways. strata echo answers it too. Which side is the "
	    "request goes by the port.",
};

/* daytime */

enum { D_RESP, D_STRING, D_N };

static const struct st_field_desc daytime_fields[D_N] = {
	[D_RESP] = FDG("daytime.response_request", "Response (1) or request "
	    "(0)", ST_FMT_BOOL, NULL),
	[D_STRING] = FD(NULL, "daytime.string", "Daytime", 0, 0, ST_FMT_TEXT),
};

static int
daytime_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);
	char buf[SVC_TEXT * 4 + 1];
	int resp = !to_server(d, P_DAYTIME);

	if (n == 0)
		return ST_ENOTME;
	st_dgen(d, &daytime_fields[D_RESP], (uint64_t)resp);
	if (resp) {
		svc_text(c, n, buf, sizeof(buf));
		st_dtext(d, c, &daytime_fields[D_STRING], 0, n, buf);
	}
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind daytime_binds[] = {
	{ ST_KEY_TCPPORT, P_DAYTIME }, { ST_KEY_UDPPORT, P_DAYTIME },
};

/* "daytime Sun Nov 29 15:00:00 2026", "daytime request". */
static int
daytime_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = st_pkt_fd(s->pkt, ly,
	    &daytime_fields[D_STRING]);

	if (f == NULL || f->meaning == NULL)
		st_out_puts(s->o, "daytime request");
	else
		st_out_printf(s->o, "daytime %s", f->meaning);
	return 1;
}

const struct st_proto st_proto_daytime = {
	.name = "daytime",
	.ws = "daytime",
	.title = "Daytime",
	.rfc = "RFC 867",
	.role = ST_ROLE_APP,
	.fields = daytime_fields,
	.nfields = D_N,
	.decode = daytime_decode,
	.binds = daytime_binds,
	.nbinds = NFIELDS(daytime_binds),
	.summary = daytime_summary,
	.color = "\033[33m",
	.explain = "The daytime service (port 13) answers with the date and "
	    "time as a line of text in no fixed format, meant for people: "
	    "over TCP as soon as the connection opens, over UDP to any "
	    "datagram.",
};

/* time */

enum { T_RESP, T_TIME, T_N };

static const struct st_field_desc time_fields[T_N] = {
	[T_RESP] = FDG("time.response", "Response", ST_FMT_BOOL, NULL),
	[T_TIME] = FD(NULL, "time.time", "Seconds since 1900-01-01 UTC", 0, 32,
	    ST_FMT_DEC),
};

static int
time_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);
	int resp = !to_server(d, P_TIME);

	if (n == 0)
		return ST_ENOTME;
	st_dgen(d, &time_fields[T_RESP], (uint64_t)resp);
	if (resp && n >= 4)
		st_dfield(d, c, &time_fields[T_TIME]);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind time_binds[] = {
	{ ST_KEY_TCPPORT, P_TIME }, { ST_KEY_UDPPORT, P_TIME },
};

/* "time 2026-11-29 15:00:00 UTC" (the 1900 epoch is 2208988800 s before
 * 1970's); "time request". */
static int
time_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = st_pkt_fd(s->pkt, ly, &time_fields[T_TIME]);
	char buf[32];
	struct tm tm;
	time_t t;

	if (f == NULL) {
		st_out_puts(s->o, "time request");
		return 1;
	}
	/* 1900-based seconds: those below 2^31 wrap to 2036 on (RFC 868 is
	 * silent; the era rule of NTP, RFC 5905 6) */
	t = (time_t)((int64_t)f->val - 2208988800LL +
	    (f->val < 0x80000000u ? 4294967296LL : 0));
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm) == 0)
		st_out_printf(s->o, "time %u", (unsigned)f->val);
	else
		st_out_printf(s->o, "time %s UTC", buf);
	return 1;
}

const struct st_proto st_proto_time = {
	.name = "time",
	.ws = "time",
	.title = "Time",
	.rfc = "RFC 868",
	.role = ST_ROLE_APP,
	.fields = time_fields,
	.nfields = T_N,
	.decode = time_decode,
	.binds = time_binds,
	.nbinds = NFIELDS(time_binds),
	.summary = time_summary,
	.color = "\033[33m",
	.explain = "The time service (port 37) answers with one 32-bit "
	    "number, the seconds since 1900-01-01 00:00 UTC, for machines: "
	    "NTP's ancestor, with no fraction and no idea of the delay. "
	    "Over UDP the request is an empty datagram.",
};

/* chargen */

enum { C_TEXT, C_N };

/* tshark's chargen.data holds its label, not the text: the text is
 * strata's own field. */
static const struct st_field_desc chargen_fields[C_N] = {
	[C_TEXT] = FD(NULL, "strata.chargen.text", "Characters", 0, 0,
	    ST_FMT_TEXT),
};

static int
chargen_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);
	char buf[SVC_TEXT * 4 + 1];

	if (n == 0 || to_server(d, P_CHARGEN))
		return ST_ENOTME;
	svc_text(c, n, buf, sizeof(buf));
	st_dtext(d, c, &chargen_fields[C_TEXT], 0, n, buf);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind chargen_binds[] = {
	{ ST_KEY_TCPPORT, P_CHARGEN }, { ST_KEY_UDPPORT, P_CHARGEN },
};

static int
chargen_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_printf(s->o, "chargen, %u bytes", ly->len);
	return 1;
}

const struct st_proto st_proto_chargen = {
	.name = "chargen",
	.ws = "chargen",
	.title = "Character Generator",
	.rfc = "RFC 864",
	.role = ST_ROLE_APP,
	.fields = chargen_fields,
	.nfields = C_N,
	.decode = chargen_decode,
	.binds = chargen_binds,
	.nbinds = NFIELDS(chargen_binds),
	.summary = chargen_summary,
	.color = "\033[33m",
	.explain = "The character generator (port 19) sends lines of the 95 "
	    "printable ASCII characters, each line starting one character "
	    "further on: over TCP without end, over UDP one datagram of them "
	    "for each it receives. Once a way to load a link; a UDP chargen "
	    "answering a forged source address made it an amplifier.",
};
