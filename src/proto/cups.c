/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CUPS browsing (UDP 631): before DNS-SD took over (CUPS 1.6), every CUPS
 * server broadcast one line per shared printer every 30 seconds:
 *
 *   type state uri ["location" ["information" ["make and model"]]]\n
 *
 * type and state in hexadecimal: the type's bits say what the printer can
 * do (colour, duplex, staple, paper sizes) and whether it is a class of
 * printers or a remote one; the state is 3 idle, 4 processing, 5 stopped.
 * Read as Wireshark reads it: the line may stop after any part.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define CUPS_NBITS	18

enum { F_PTYPE, F_PBIT0, F_STATE = F_PBIT0 + CUPS_NBITS, F_URI, F_LOC,
	F_INFO, F_MODEL, F_NFIELDS };

static const struct st_valname cups_state_names[] = {
	{ 3, "idle" }, { 4, "processing" }, { 5, "stopped" }, { 0, NULL }
};

/* A type bit: as tshark's fields, from the highest. */
#define CB(n, l) FDD(NULL, n, l, 0, 0, ST_FMT_BOOL)

static const struct st_field_desc cups_fields[F_NFIELDS] = {
	[F_PTYPE] = FD("type", "cups.ptype", "Type", 0, 0, ST_FMT_HEX),
	[F_PBIT0 + 0] = CB("cups.ptype.default", "Default printer on network"),
	[F_PBIT0 + 1] = CB("cups.ptype.implicit", "Implicit class"),
	[F_PBIT0 + 2] = CB("cups.ptype.variable", "Can print variable sizes"),
	[F_PBIT0 + 3] = CB("cups.ptype.large", "Can print up to 36x48 inches"),
	[F_PBIT0 + 4] = CB("cups.ptype.medium", "Can print up to 18x24 inches"),
	[F_PBIT0 + 5] = CB("cups.ptype.small", "Can print up to 9x14 inches"),
	[F_PBIT0 + 6] = CB("cups.ptype.sort", "Can sort"),
	[F_PBIT0 + 7] = CB("cups.ptype.bind", "Can bind"),
	[F_PBIT0 + 8] = CB("cups.ptype.cover", "Can cover"),
	[F_PBIT0 + 9] = CB("cups.ptype.punch", "Can punch holes"),
	[F_PBIT0 + 10] = CB("cups.ptype.collate", "Can do fast collating"),
	[F_PBIT0 + 11] = CB("cups.ptype.copies", "Can do fast copies"),
	[F_PBIT0 + 12] = CB("cups.ptype.staple", "Can staple"),
	[F_PBIT0 + 13] = CB("cups.ptype.duplex", "Can duplex"),
	[F_PBIT0 + 14] = CB("cups.ptype.color", "Can print color"),
	[F_PBIT0 + 15] = CB("cups.ptype.bw", "Can print black"),
	[F_PBIT0 + 16] = CB("cups.ptype.remote", "Remote"),
	[F_PBIT0 + 17] = CB("cups.ptype.class", "Printer class"),
	[F_STATE] = FDN("state", "cups.state", "State", 0, 0, ST_FMT_HEX,
	    cups_state_names),
	[F_URI] = FD("uri", "cups.uri", "URI", 0, 0, ST_FMT_TEXT),
	[F_LOC] = FD(NULL, "cups.location", "Location", 0, 0, ST_FMT_TEXT),
	[F_INFO] = FD(NULL, "cups.information", "Information", 0, 0,
	    ST_FMT_TEXT),
	[F_MODEL] = FD(NULL, "cups.make_model", "Make and model", 0, 0,
	    ST_FMT_TEXT),
};

static int
cups_isxdigit(int ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
	    (ch >= 'A' && ch <= 'F');
}

/* The hexadecimal number at *at (as many digits as there are; a number
 * running to the end of the bytes cuts the line short: c->err). */
static uint32_t
cups_hex(struct st_cur *c, size_t *at)
{
	uint32_t v = 0;
	int ch;

	while (st_cur_need(c, *at + 1) &&
	    cups_isxdigit(ch = (int)st_peek_bits(c, *at * 8, 8))) {
		v = v * 16 + (uint32_t)(ch <= '9' ? ch - '0' :
		    (ch | 0x20) - 'a' + 10);
		(*at)++;
	}
	return v;
}

/* Skips spaces; 0 at the line's end (or when the bytes run out: c->err). */
static int
cups_space(struct st_cur *c, size_t *at)
{
	int ch;

	while (st_cur_need(c, *at + 1) &&
	    (ch = (int)st_peek_bits(c, *at * 8, 8)) == ' ')
		(*at)++;
	if (c->err != ST_OK)
		return 0;
	ch = (int)st_peek_bits(c, *at * 8, 8);
	return ch != '\r' && ch != '\n';
}

/* A number of n text bytes at at, with value v. */
static void
cups_num(struct st_dctx *d, struct st_cur *c, int row, size_t at, size_t n,
    uint64_t v)
{
	st_pkt_add_field(d->pkt, &cups_fields[row],
	    (uint32_t)((c->off + at) * 8), (uint32_t)(n * 8), v);
}

/* A quoted string at *at (its quotes not shown); 0 when there is none. */
static int
cups_quoted(struct st_dctx *d, struct st_cur *c, int row, size_t *at)
{
	size_t left = st_cur_left(c), e;

	if (*at >= left || st_peek_bits(c, *at * 8, 8) != '"')
		return 0;
	for (e = *at + 1; e < left && st_peek_bits(c, e * 8, 8) != '"'; e++)
		;
	if (e >= left)
		return 0;
	st_dtext_ascii(d, c, &cups_fields[row], *at + 1, e - *at - 1);
	*at = e + 1;
	return 1;
}

static int
cups_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), at = 0, e;
	uint32_t ptype, state;
	unsigned i;
	int ch, row;

	if (left == 0)
		return ST_ENOTME;
	ptype = cups_hex(c, &at);
	if (at > 0) {
		cups_num(d, c, F_PTYPE, 0, at, ptype);
		/* The bits from the number; tshark 4.0 tests them against
		 * the digits' own bytes (tests/difftest-allow.txt). */
		for (i = 0; i < CUPS_NBITS; i++)
			cups_num(d, c, F_PBIT0 + (int)i, 0, at,
			    (ptype >> (CUPS_NBITS - 1 - i)) & 1);
	}
	if (!cups_space(c, &at))
		goto out;
	e = at;
	state = cups_hex(c, &e);
	if (e > at)
		cups_num(d, c, F_STATE, at, e - at, state);
	at = e;
	if (!cups_space(c, &at))
		goto out;
	/* the URI runs to the next white space; none: the line is cut */
	for (e = at; e < left; e++) {
		ch = (int)st_peek_bits(c, e * 8, 8);
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
			break;
	}
	if (e >= left)
		goto out;
	st_dtext_ascii(d, c, &cups_fields[F_URI], at, e - at);
	at = e;
	for (row = F_LOC; row <= F_MODEL; row++)
		if (!cups_space(c, &at) || !cups_quoted(d, c, row, &at))
			break;
out:
	d->hdr = left;
	d->plen = 0;
	return c->err;
}

static const struct st_bind cups_binds[] = {
	{ ST_KEY_UDPPORT, 631 },
};

/* "cups ipp://host:631/printers/lab (idle)". */
static int
cups_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, cups_fields, F_NFIELDS, f);
	st_out_puts(s->o, "cups");
	if (f[F_URI] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_URI]);
	}
	if (f[F_STATE] != NULL) {
		st_out_puts(s->o, " (");
		st_out_puts(s->o, st_field_meaning(f[F_STATE]) != NULL ?
		    st_field_meaning(f[F_STATE]) : "?");
		st_out_putc(s->o, ')');
	}
	return 1;
}

static const struct st_field_desc *const cups_keys[] = {
	&cups_fields[F_URI], &cups_fields[F_STATE], NULL,
};

const struct st_proto st_proto_cups = {
	.name = "cups",
	.ws = "cups",
	.title = "CUPS browsing",
	.rfc = "CUPS Implementation Design Description (browsing)",
	.role = ST_ROLE_APP,
	.fields = cups_fields,
	.nfields = F_NFIELDS,
	.decode = cups_decode,
	.binds = cups_binds,
	.nbinds = NFIELDS(cups_binds),
	.summary = cups_summary,
	.keys = cups_keys,
	.color = "\033[33m",
	.explain = "How CUPS print servers announced their printers before "
	    "DNS-SD: every 30 seconds, one UDP broadcast to port 631 per "
	    "printer, a line of text with the printer's type bits (colour, "
	    "duplex, paper sizes, a class or a single printer) and state in "
	    "hexadecimal, its IPP URI, and quoted location, description and "
	    "make and model.  Other servers on the LAN added the printers "
	    "to their own lists.",
};
