/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata explain PROTO: the blank header diagram of a protocol, with every
 * field's width and meaning and the RFC that defines it, drawn from the
 * same field tables the decoders and the builder use.
 */
#include <stdio.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"
#include "cli.h"

#define MAXF	64

/* Writes text as a paragraph indented by 2, lines at most 78 wide. */
static void
wrap(struct st_out *o, const char *text)
{
	const char *p = text, *brk;
	size_t col;

	st_out_putc(o, '\n');
	while (*p != '\0') {
		for (brk = NULL, col = 0; p[col] != '\0' && col < 76; col++)
			if (p[col] == ' ')
				brk = p + col;
		if (p[col] == '\0' || brk == NULL)
			brk = p + col;
		st_out_printf(o, "  %.*s\n", (int)(brk - p), p);
		p = *brk == ' ' ? brk + 1 : brk;
	}
}

/*
 * Every name of table vn with its number, after the words what, wrapped at
 * 78 columns: what a spec may write (with '-' for the spaces).
 */
static void
value_names(struct st_out *o, const char *what, const struct st_valname *vn)
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
		if (col + n > 78) {
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
    const struct st_field_desc *fd)
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
			value_names(o, what, t);
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

int
st_cmd_explain(int argc, char **argv)
{
	static struct st_box in[MAXF], boxes[MAXF], alt[MAXF];
	static struct st_out o;
	const struct st_proto *p;
	const struct st_field_desc *fd;
	const struct st_valname *vn;
	uint32_t nbits = 0;
	size_t n = 0, k, na, i, j;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		explain_usage(stdout);
		return ST_EXIT_OK;
	}
	if (argc != 2) {
		explain_usage(stderr);
		return ST_EXIT_USAGE;
	}
	if ((p = st_proto_find(argv[1])) == NULL || p->rfc == NULL) {
		st_cli_err("explain: unknown protocol '%s' (try 'strata explain "
		    "--help')", argv[1]);
		return ST_EXIT_USAGE;
	}
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
	st_out_puts(&o, "\n  field                          bits  at   meaning\n");
	for (i = 0; i < p->nfields; i++) {
		fd = &p->fields[i];
		st_out_printf(&o, "  %-30s ", fd->name);
		if (fd->flags & ST_DF_GEN || fd->bits == 0)
			st_out_printf(&o, "%4s  %-4s ", "-", "-");
		else
			st_out_printf(&o, "%4u  %-4u ", fd->bits, fd->bitoff);
		st_out_puts(&o, fd->label);
		if (fd->shift)
			st_out_printf(&o, " (in units of %u bytes on the wire)",
			    1u << fd->shift);
		if (fd->flags & ST_DF_GEN)
			st_out_puts(&o, " [worked out by strata, not on the "
			    "wire]");
		for (j = 0; j < na; j++)
			if (alt[j].desc == fd)
				st_out_puts(&o, " [in place of the field drawn "
				    "at these bits, in some messages]");
		if (!(fd->flags & ST_DF_GEN) && fd->bits > 0 &&
		    (uint32_t)fd->bitoff + fd->bits > nbits)
			st_out_puts(&o, " [after the fixed header, in some "
			    "messages]");
		st_out_putc(&o, '\n');
		if ((vn = fd->names) != NULL && !(fd->flags & ST_DF_GEN))
			value_names(&o, "values", vn);
		named_values(&o, p, fd);
	}
	if (p->explain != NULL)	/* what the tables cannot say */
		wrap(&o, p->explain);
	st_out_flush(&o);
	return ST_EXIT_OK;
}
