/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata explain PROTO: the blank header diagram of a protocol, with every
 * field's width and meaning and the RFC that defines it, drawn from the
 * same field tables the decoders and the builder use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "strata/decode.h"
#include "strata/view.h"
#include "cli.h"

#define MAXF	64
#define NAME_W	34		/* the field column: indent, 30, two spaces */

/* The width lines are wrapped to: the terminal's, else $COLUMNS, else
 * 80; never under 60 nor over 160. */
static size_t
width(void)
{
	struct winsize ws;
	const char *e;
	long w = 80;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col > 0)
		w = ws.ws_col;
	else if ((e = getenv("COLUMNS")) != NULL && atol(e) > 0)
		w = atol(e);
	return w < 60 ? 60 : w > 160 ? 160 : (size_t)w;
}

/*
 * Writes text from column col, words wrapped before width, the lines after
 * the first indented by ind; ends the line.
 */
static void
hang(struct st_out *o, const char *text, size_t col, size_t wid, size_t ind)
{
	const char *p = text, *brk;
	size_t n, room;

	while (*p != '\0') {
		room = wid > col + 1 ? wid - col - 1 : 1;
		for (brk = NULL, n = 0; p[n] != '\0' && n < room; n++)
			if (p[n] == ' ')
				brk = p + n;
		if (p[n] == '\0' || brk == NULL)
			brk = p + n;
		st_out_write(o, p, (size_t)(brk - p));
		p = *brk == ' ' ? brk + 1 : brk;
		if (*p != '\0') {
			st_out_putc(o, '\n');
			st_out_pad(o, 0, ind);
			col = ind;
		}
	}
	st_out_putc(o, '\n');
}

/* Writes text as a paragraph indented by 2, wrapped to the terminal. */
static void
wrap(struct st_out *o, const char *text, size_t wid)
{
	st_out_puts(o, "\n  ");
	hang(o, text, 2, wid, 2);
}

/*
 * Every name of table vn with its number, after the words what, wrapped to
 * the terminal: what a spec may write (with '-' for the spaces).
 */
static void
value_names(struct st_out *o, const char *what, const struct st_valname *vn,
    size_t wid)
{
	char item[128];
	size_t j, col, n;

	if (vn[0].name == NULL)
		return;
	col = 8 + strlen(what) + 1;
	st_out_printf(o, "        %s:", what);
	for (j = 0; vn[j].name != NULL; j++) {
		n = (size_t)snprintf(item, sizeof(item), " %u %s%s", vn[j].val,
		    vn[j].name, vn[j + 1].name != NULL ? "," : "");
		if (col + n > wid - 2) {
			st_out_puts(o, "\n          ");
			col = 10;
		}
		st_out_puts(o, item);
		col += n;
	}
	st_out_putc(o, '\n');
}

/* The names of fd that depend on another field (ICMP codes by type). */
static void
named_values(struct st_out *o, const struct st_proto *p,
    const struct st_field_desc *fd, size_t wid)
{
	const struct st_field_desc *ctl;
	const struct st_valname *t;
	char what[96];
	size_t i;

	if (p->craft == NULL || p->names == NULL || fd != p->craft->named[1] ||
	    (ctl = p->craft->named[0]) == NULL || ctl->names == NULL)
		return;
	for (i = 0; ctl->names[i].name != NULL; i++)
		if ((t = p->names(fd, ctl->names[i].val)) != NULL) {
			snprintf(what, sizeof(what), "when %s is %u (%s)",
			    st_short_name(ctl->name), ctl->names[i].val,
			    ctl->names[i].name);
			value_names(o, what, t, wid);
		}
}

static void
explain_usage(FILE *fp)
{
	size_t i;

	fputs("usage: strata explain PROTO\n\nprotocols:", fp);
	for (i = 0; st_protos[i] != NULL; i++)
		if (st_protos[i]->rfc != NULL)
			fprintf(fp, " %s", st_protos[i]->name);
	fputc('\n', fp);
}

/* "2 B", "13 bits", "1 bit", "varies", "-" (worked out by strata). */
static void
size_text(const struct st_field_desc *fd, char *b, size_t n)
{
	if (fd->flags & ST_DF_GEN)
		snprintf(b, n, "-");
	else if (fd->bits == 0)
		snprintf(b, n, "varies");
	else if (fd->bits % 8 == 0)
		snprintf(b, n, "%u B", fd->bits / 8);
	else
		snprintf(b, n, "%u bit%s", fd->bits, fd->bits == 1 ? "" : "s");
}

/* The name column: a long name on its own line, the rest aligned. */
static void
name_col(struct st_out *o, const char *name)
{
	st_out_printf(o, "  %s", name);
	if (strlen(name) + 4 > NAME_W) {
		st_out_putc(o, '\n');
		st_out_pad(o, 0, NAME_W);
	} else
		st_out_pad(o, strlen(name) + 2, NAME_W);
}

/* What explain knows of one row of the fixed header's table. */
struct row {
	const struct st_field_desc *fd;
	uint32_t	 nbits;		/* the drawing's bits */
	int		 alt;		/* drawn in place of another field */
};

static void
field_row(struct st_out *o, const struct st_proto *p, const struct row *r,
    size_t wid)
{
	const struct st_field_desc *fd = r->fd;
	char sz[16], at[16], what[512];
	size_t n;

	name_col(o, fd->name);
	size_text(fd, sz, sizeof(sz));
	if (fd->flags & ST_DF_GEN || fd->bits == 0)
		snprintf(at, sizeof(at), "-");
	else
		snprintf(at, sizeof(at), "%u", fd->bitoff);
	st_out_printf(o, "%-8s %-5s ", sz, at);
	n = (size_t)snprintf(what, sizeof(what), "%s", fd->label);
	if (fd->shift && n < sizeof(what))
		n += (size_t)snprintf(what + n, sizeof(what) - n, " (in units "
		    "of %u bytes on the wire)", 1u << fd->shift);
	if (fd->flags & ST_DF_GEN && n < sizeof(what))
		n += (size_t)snprintf(what + n, sizeof(what) - n, " [worked out "
		    "by strata, not on the wire]");
	if (r->alt && n < sizeof(what))
		n += (size_t)snprintf(what + n, sizeof(what) - n, " [in place "
		    "of the field drawn at these bits, in some messages]");
	if (!(fd->flags & ST_DF_GEN) && fd->bits > 0 && r->nbits > 0 &&
	    (uint32_t)fd->bitoff + fd->bits > r->nbits && n < sizeof(what))
		snprintf(what + n, sizeof(what) - n, " [after the fixed header, "
		    "in some messages]");
	hang(o, what, NAME_W + 15, wid, NAME_W + 15);
	if (fd->names != NULL && !(fd->flags & ST_DF_GEN))
		value_names(o, "values", fd->names, wid);
	named_values(o, p, fd, wid);
}

/*
 * The rows of the variable parts (options, records): their sizes and the
 * names of their values, each table of names once.
 */
static void
more_rows(struct st_out *o, const struct st_proto *p, size_t wid)
{
	const struct st_field_desc *fd;
	char sz[16], what[160];
	size_t i, j;

	if (p->nmore == 0)
		return;
	st_out_puts(o, "\n  in options and records (offsets from their "
	    "start)\n");
	for (i = 0; i < p->nmore; i++) {
		fd = &p->more[i];
		name_col(o, fd->name);
		size_text(fd, sz, sizeof(sz));
		st_out_printf(o, "%-8s %-5s ", sz, fd->flags & ST_DF_GEN ||
		    fd->bits == 0 ? "-" : "");
		hang(o, fd->label, NAME_W + 15, wid, NAME_W + 15);
		if (fd->names == NULL || fd->flags & ST_DF_GEN)
			continue;
		for (j = 0; j < i && p->more[j].names != fd->names; j++)
			;
		if (j < i) {
			snprintf(what, sizeof(what), "values as %s",
			    p->more[j].name);
			st_out_printf(o, "        %s\n", what);
		} else
			value_names(o, "values", fd->names, wid);
	}
}

/* Unknown protocol: says so, with the nearest name when one is near. */
static int
unknown(const char *name)
{
	const struct st_proto *g = st_proto_nearest(name);

	if (g != NULL)
		st_cli_err("explain: unknown protocol '%s': did you mean '%s'? "
		    "(try 'strata explain --help')", name, g->name);
	else
		st_cli_err("explain: unknown protocol '%s' (try 'strata "
		    "explain --help')", name);
	return ST_EXIT_USAGE;
}

int
st_cmd_explain(int argc, char **argv)
{
	static struct st_box in[MAXF], boxes[MAXF], alt[MAXF];
	static struct st_out o;
	const struct st_proto *p;
	const struct st_field_desc *fd;
	struct row r;
	uint32_t nbits = 0;
	size_t n = 0, k, na, i, j, wid = width();

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		explain_usage(stdout);
		return ST_EXIT_OK;
	}
	if (argc != 2) {
		explain_usage(stderr);
		return ST_EXIT_USAGE;
	}
	if ((p = st_proto_find(argv[1])) == NULL || p->rfc == NULL)
		return unknown(argv[1]);
	nbits = p->explain_bits;	/* later fields depend on the type */
	for (i = 0; i < p->nfields && n < MAXF; i++) {
		fd = &p->fields[i];
		if (fd->bits == 0 || fd->flags & ST_DF_GEN || (nbits > 0 &&
		    (uint32_t)fd->bitoff + fd->bits > nbits))
			continue;
		in[n].bitoff = fd->bitoff;
		in[n].bits = fd->bits;
		in[n].label = st_short_name(fd->name);
		in[n].value[0] = '\0';
		in[n].note[0] = '\0';
		in[n].desc = fd;
		n++;
	}
	k = st_boxes_pick(in, n, boxes, alt, &na);
	nbits = 0;
	for (i = 0; i < k; i++)
		if (boxes[i].bitoff + boxes[i].bits > nbits)
			nbits = boxes[i].bitoff + boxes[i].bits;
	st_out_init(&o, stdout);
	st_out_printf(&o, "%s: %s (%s)\n\n", p->name, p->title, p->rfc);
	st_bits_draw(&o, boxes, k, nbits, 2, "", "");
	st_out_puts(&o, "\n  field");
	st_out_pad(&o, 7, NAME_W);
	st_out_puts(&o, "size     at    meaning (at: bit offset)\n");
	for (i = 0; i < p->nfields; i++) {
		r.fd = &p->fields[i];
		r.nbits = nbits;
		r.alt = 0;
		for (j = 0; j < na; j++)
			if (alt[j].desc == r.fd)
				r.alt = 1;
		field_row(&o, p, &r, wid);
	}
	more_rows(&o, p, wid);
	if (p->explain != NULL)	/* what the tables cannot say */
		wrap(&o, p->explain, wid);
	st_out_flush(&o);
	return ST_EXIT_OK;
}
