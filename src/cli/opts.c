/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The options several subcommands take alike, parsed in one place:
 * --view, --color, -o FILE, -c COUNT, -f FILTER, -q.  Each subcommand
 * says which of them it takes; the rest of its options are its own.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void
st_cli_opts_init(struct st_cli_opts *c, const struct st_view *view)
{
	memset(c, 0, sizeof(*c));
	c->vs.views[0] = view;
	c->vs.n = 1;
	c->color = -1;
}

/* -c COUNT: a positive whole count. */
static int
count(struct st_cli_opts *c, const char *cmd, const char *arg)
{
	char *end;

	errno = 0;
	c->count = strtoull(arg, &end, 10);
	if (errno != 0 || *end != '\0' || c->count == 0 || arg[0] == '-') {
		st_cli_err("%s: -c: '%s' is not a positive count",
		    cmd != NULL ? cmd : "decode", arg);
		return -1;
	}
	return 0;
}

int
st_cli_opt(struct st_cli_opts *c, unsigned takes, const char *cmd, int ch,
    const char *arg)
{
	switch (ch) {
	case ST_CLI_O_VIEW:
		if (!(takes & ST_CLI_VIEW))
			return 0;
		/* Live commands show packets as they come: no file views. */
		if (st_cli_views(&c->vs, arg) != 0 || (cmd != NULL &&
		    st_cli_views_live(&c->vs, cmd) != 0))
			return -1;
		c->views_given = 1;
		return 1;
	case ST_CLI_O_COLOR:
		if (!(takes & ST_CLI_COLOR))
			return 0;
		return st_cli_color(arg, &c->color) != 0 ? -1 : 1;
	case 'o':
		if (!(takes & ST_CLI_OUT))
			return 0;
		c->ofile = arg;
		return 1;
	case 'c':
		if (!(takes & ST_CLI_COUNT))
			return 0;
		return count(c, cmd, arg) != 0 ? -1 : 1;
	case 'f':
		if (!(takes & ST_CLI_FILTER))
			return 0;
		c->filter = arg;
		return 1;
	case 'q':
		if (!(takes & ST_CLI_QUIET))
			return 0;
		c->quiet = 1;
		return 1;
	default:
		return 0;
	}
}
