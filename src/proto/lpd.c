/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Line Printer Daemon protocol (RFC 1179; TCP 515, LPRng's codes
 * besides): a command is one code byte (1 to 9: print, receive a job,
 * queue state short or long, remove jobs; in a job, abort or receive a
 * control or data file) and its operands, a queue name and options, to
 * LF; the daemon answers a job's commands with one byte (0 accepted).
 *
 * As Wireshark's dissector, which goes by content, not by direction: one
 * byte alone is a response (its code if at most 3); a segment starting
 * with a byte of at most 9 is a command, its code and its operands to the
 * first NUL, else to the first LF; anything else (a control file's lines,
 * a queue listing, a command without its end) is data.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define LPD_PORT	515
#define LPD_TEXT	512	/* operand bytes shown */

static const struct st_valname client_names[] = {
	{ 1, "LPC: start print / jobcmd: abort" },
	{ 2, "LPR: transfer a printer job / jobcmd: receive control file" },
	{ 3, "LPQ: print short form of queue status / jobcmd: receive data "
	    "file" },
	{ 4, "LPQ: print long form of queue status" },
	{ 5, "LPRM: remove jobs" }, { 6, "LPRng lpc: do control operation" },
	{ 7, "LPRng lpr: transfer a block format print job" },
	{ 8, "LPRng lpc: secure command transfer" },
	{ 9, "LPRng lpq: verbose status information" }, { 0, NULL }
};

static const struct st_valname server_names[] = {
	{ 0, "Success: accepted, proceed" }, { 1, "Queue not accepting jobs" },
	{ 2, "Queue temporarily full, retry later" },
	{ 3, "Bad job format, do not retry" }, { 0, NULL }
};

enum { F_RSP, F_REQ, F_CODE, F_PRINTER, F_RCODE, F_N };

static const struct st_field_desc lpd_fields[F_N] = {
	[F_RSP] = FDG("lpd.response", "Response", ST_FMT_BOOL, NULL),
	[F_REQ] = FDG("lpd.request", "Request", ST_FMT_BOOL, NULL),
	[F_CODE] = FDN("code", "lpd.client_code", "Client code", 0, 8,
	    ST_FMT_DEC, client_names),
	[F_PRINTER] = FD("printer", "lpd.printer_option", "Printer/options",
	    0, 0, ST_FMT_TEXT),
	[F_RCODE] = FDN("response", "lpd.response_code", "Response", 0, 8,
	    ST_FMT_DEC, server_names),
};

static int
lpd_decode(struct st_dctx *d, struct st_cur *c)
{
	char text[LPD_TEXT * 6 + 8];
	size_t left = st_cur_left(c), end;
	const uint8_t *p, *z;
	struct st_cur t = *c;
	unsigned code;

	if (left == 0 || (p = st_get_bytes(&t, left)) == NULL)
		return ST_ENOTME;
	code = p[0];
	d->hdr = left;
	d->plen = 0;
	/* one byte is an answer (RFC 1179 says all are one byte) */
	if (left == 1 && d->pkt->caplen >= d->pkt->len) {
		st_dgen(d, &lpd_fields[F_RSP], 1);
		if (code <= 3)
			st_dfield(d, c, &lpd_fields[F_RCODE]);
		else {
			d->hdr = 0;
			d->plen = left;
			d->data = 1;
		}
		return ST_OK;
	}
	st_dgen(d, &lpd_fields[F_REQ], 1);
	/* the operands end at the first NUL, else at the first LF */
	z = memchr(p + 1, '\0', left - 1);
	if (z == NULL)
		z = memchr(p + 1, '\n', left - 1);
	if (code > 9 || z == NULL) {
		/* a file's bytes, a listing, a command not ended: data */
		d->hdr = 0;
		d->plen = left;
		d->data = 1;
		return ST_OK;
	}
	end = (size_t)(z - p);
	st_dfield(d, c, &lpd_fields[F_CODE]);
	st_escape_ascii(p + 1, end - 1 < LPD_TEXT ? end - 1 : LPD_TEXT, text,
	    sizeof(text));
	st_dtext(d, c, &lpd_fields[F_PRINTER], 1, end - 1, text);
	return ST_OK;
}

static const struct st_bind lpd_binds[] = {
	{ ST_KEY_TCPPORT, LPD_PORT },
};

/* "lpd receive job lp", "lpd response 0", "lpd continuation". */
static int
lpd_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_N];

	st_ly_fields(s->pkt, ly, lpd_fields, F_N, f);
	if (f[F_CODE] != NULL) {
		st_out_printf(s->o, "lpd command %u ", (unsigned)f[F_CODE]->val);
		if (f[F_PRINTER] != NULL)
			s->value(s, f[F_PRINTER]);
	} else if (f[F_RCODE] != NULL)
		st_out_printf(s->o, "lpd response %u",
		    (unsigned)f[F_RCODE]->val);
	else
		st_out_puts(s->o, "lpd continuation");
	return 1;
}

static const struct st_field_desc *const lpd_keys[] = {
	&lpd_fields[F_CODE], &lpd_fields[F_PRINTER], &lpd_fields[F_RCODE],
	NULL,
};

const struct st_proto st_proto_lpd = {
	.name = "lpd",
	.ws = "lpd",
	.title = "Line Printer Daemon Protocol",
	.rfc = "RFC 1179",
	.role = ST_ROLE_APP,
	.fields = lpd_fields,
	.nfields = F_N,
	.decode = lpd_decode,
	.binds = lpd_binds,
	.nbinds = NFIELDS(lpd_binds),
	.summary = lpd_summary,
	.keys = lpd_keys,
	.color = "\033[33m",
	.explain = "Printing over TCP 515 (lpr, lpq, lprm): a command is one "
	    "byte (1 print waiting jobs, 2 receive a job, 3 and 4 queue "
	    "state short and long, 5 remove jobs) then the queue's name and "
	    "operands, ended by LF.  Inside a job (after 2) the client sends "
	    "subcommands: 2 a control file (lines such as H host, P user, l "
	    "print file) and 3 a data file, each with its byte count and "
	    "name, then the file's bytes and a NUL; the daemon answers each "
	    "with one byte, 0 to go on.  Wireshark tells commands from "
	    "answers by their form, not their direction.",
};
