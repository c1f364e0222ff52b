/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata ping's command line: its options (src/cli/pingopts.c), shared
 * with the run in src/cli/ping.c.
 */
#ifndef STRATA_PINGCLI_H
#define STRATA_PINGCLI_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"

#define PING_EXIT_NOREPLY	1
#define PING_EXIT_ERROR		2

struct popts {
	int			 fam;		/* 0: as HOST is, 4 or 6 */
	unsigned long		 count;		/* 0: until stopped */
	double			 interval;
	double			 deadline;	/* -w: 0 for none */
	double			 linger;	/* -W */
	long			 size;
	int			 ttl, tos, pmtu;	/* -1: not given */
	uint8_t			 pattern[16];
	size_t			 patlen;
	const char		*source;
	int			 flood, quiet, stamps, explain;
	int			 rr;		/* -R */
	struct st_viewset	 layers;
	const char		*spec;
	const char		*host;
};

/* Parses ping's options into op; -1 after saying what is wrong. */
int	st_ping_parse_opts(struct popts *op, int argc, char **argv);
/* The first address of family fam (4 or 6) on interface name; 0 or -1. */
int	st_ping_iface_addr(const char *name, int fam, uint8_t *addr);

struct st_ping;
/* iputils' closing lines: counts, loss, time, then the RTT line. */
void	st_ping_statistics(const struct st_ping *e, const struct popts *op);
/* SIGQUIT: the running count and RTTs on stderr, as iputils. */
void	st_ping_quit_status(const struct st_ping *e);
/* --explain: what each number of the statistics means, with this run's. */
void	st_ping_explain(const struct st_ping *e, const struct popts *op);

#endif /* STRATA_PINGCLI_H */
