/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata send's command line: its options and --list (src/cli/sendopts.c),
 * shared with the run in src/cli/send.c.
 */
#ifndef STRATA_SENDCLI_H
#define STRATA_SENDCLI_H

#include <stddef.h>
#include <stdint.h>

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

/* What -c steps from one send to the next (src/cli/sendstep.c). */
struct st_spec;
struct st_spec_layer;
struct st_send_steps {
	struct {
		struct st_spec_layer	*ly;
		size_t			 set;	/* index in ly->set[] */
		uint64_t		 base, mask;
	}		 s[4];
	size_t		 n;
};
/* Finds the echo sequence and source ports the spec left unset, and adds
 * set entries for them that step by one a packet from their defaults. */
void	st_send_plan_steps(struct st_send_steps *st, struct st_spec *sp);
/* Whether addr (fam 4 or 6) is one of this host's (getifaddrs). */
int	st_send_is_local(int fam, const uint8_t *addr);
/*
 * Whether Linux will drop the IPv4 packet ip (n bytes; in a frame to
 * eth_dst on lo, or NULL) sent as built through lo: 1 with why saying
 * so and which sysctl decides, else 0.
 */
int	st_send_lo_drop(const uint8_t *ip, size_t n, const uint8_t *eth_dst,
	    char *why, size_t len);

#endif /* STRATA_SENDCLI_H */
