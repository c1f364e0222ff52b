/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4's options: what ipv4.c (the header, the descriptor) and ipv4opt.c
 * (the options read and crafted) share.  Included by those two files only.
 */
#ifndef STRATA_PROTO_IPV4OPT_H
#define STRATA_PROTO_IPV4OPT_H

#include <stddef.h>

#include "fields.h"

/* The rows of ipv4_opt_fields (the descriptor's .more). */
enum { O_TYPE, O_LEN, O_PTR, O_RR, O_SRR, O_OVF, O_TSFLAG, O_TS, O_TSADDR,
	O_RA, O_DATA, O_PAD, O_N };

extern const struct st_field_desc ipv4_opt_fields[O_N];

/*
 * Decodes the options in the n bytes at c.  A bad option length ends the
 * options with the layer marked malformed; the datagram still decodes.
 */
void	ipv4_options(struct st_dctx *d, struct st_cur c, size_t n);

/* options=... : the crafting key (st_craft.key). */
int	ipv4_spec_key(const char *key, const char *v, struct st_spec_opts *o,
	    unsigned kcol, unsigned col, struct st_spec_err *err);

#endif /* STRATA_PROTO_IPV4OPT_H */
