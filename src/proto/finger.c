/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Finger (RFC 1288), TCP 79: the client sends one query line ("alice",
 * "/W alice", "alice@host", or an empty line for everyone logged in),
 * the server answers with text and closes.  As Wireshark's dissector: a
 * segment to port 79 is the query (finger.query, its line end included),
 * one from it is (a part of) the response (finger.response, the whole
 * segment).  Which end is the server goes by the port.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define FINGER_PORT	79
#define FINGER_TEXT	4096	/* bytes of text shown */

enum { G_QUERY, G_RESPONSE, G_NFINGER };

static const struct st_field_desc finger_fields[G_NFINGER] = {
	[G_QUERY] = FD("query", "finger.query", "Query", 0, 0, ST_FMT_TEXT),
	[G_RESPONSE] = FD(NULL, "finger.response", "Response", 0, 0,
	    ST_FMT_TEXT),
};

static int
finger_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), k;
	char buf[FINGER_TEXT * 4 + 8];
	const uint8_t *p;
	struct st_cur t = *c;
	int q = st_dport(d->pkt, d->ly, 1) == FINGER_PORT;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	/* The text shown stops before the last line end, as tshark's
	 * string (its CRLF a line end, not text). */
	k = n;
	if (k > 0 && p[k - 1] == '\n')
		k--;
	if (k > 0 && p[k - 1] == '\r')
		k--;
	st_escape(p, k < FINGER_TEXT ? k : FINGER_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &finger_fields[q ? G_QUERY : G_RESPONSE], 0, n, buf);
	if (q && k == n)
		st_pkt_note(d->pkt, "Finger: the query has no CRLF at its end "
		    "(RFC 1288 2.3)");
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind finger_binds[] = {
	{ ST_KEY_TCPPORT, FINGER_PORT },
};

/* "finger query alice", "finger response, 312 bytes". */
static int
finger_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[G_NFINGER];

	st_ly_fields(s->pkt, ly, finger_fields, G_NFINGER, f);
	if (f[G_QUERY] != NULL) {
		st_out_puts(s->o, "finger query");
		if (f[G_QUERY]->meaning != NULL &&
		    f[G_QUERY]->meaning[0] != '\0') {
			st_out_putc(s->o, ' ');
			s->value(s, f[G_QUERY]);
		} else
			st_out_puts(s->o, " (everyone logged in)");
	} else
		st_out_printf(s->o, "finger response, %u bytes", ly->len);
	return 1;
}

static const struct st_field_desc *const finger_keys[] = {
	&finger_fields[G_QUERY], NULL,
};

const struct st_proto st_proto_finger = {
	.name = "finger",
	.ws = "finger",
	.title = "finger",
	.rfc = "RFC 1288",
	.role = ST_ROLE_APP,
	.fields = finger_fields,
	.nfields = G_NFINGER,
	.decode = finger_decode,
	.binds = finger_binds,
	.nbinds = NFIELDS(finger_binds),
	.summary = finger_summary,
	.keys = finger_keys,
	.color = "\033[33m",
	.explain = "The user information protocol: a client connects to TCP "
	    "port 79 and sends one line, a user name (or nothing, for "
	    "everyone logged in; /W asks for more), and the server answers "
	    "with text (login, real name, the .plan file) and closes the "
	    "connection.  Long obsolete for privacy's sake, still answered "
	    "by a few hosts.",
};
