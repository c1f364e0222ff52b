/*
 * strata send's command line: its options and --list (src/cli/sendopts.c),
 * shared with the run in src/cli/send.c.
 */
#ifndef STRATA_SENDCLI_H
#define STRATA_SENDCLI_H

#include "cli.h"

struct opts {
	const char		*spec;
	const char		*wfile;
	const char		*ifname;
	struct st_cli_opts	 c;		/* --view, --color */
	unsigned long		 count;
	int			 count_given;	/* -c: else the spec's packets */
	double			 interval;	/* -i, or 1 / --rate */
	int			 rate_given;
	size_t			 fragment;	/* --fragment SIZE, or 0 */
	int			 flood;		/* --flood: no waiting */
	double			 timeout;
	int			 dry;
	int			 list;
};

/* Parses send's options into op; -1 after saying what is wrong. */
int	st_send_parse_opts(struct opts *op, int argc, char **argv);
/* strata send --list: every layer and field, from the field tables. */
void	st_send_list_layers(void);

#endif /* STRATA_SENDCLI_H */
