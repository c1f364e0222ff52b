/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The crafter's inside (src/craft only): values by number, by name, as
 * lists, ranges, steps or random, and the "did you mean" of the messages.
 */
#ifndef STRATA_CRAFT_VALUES_H
#define STRATA_CRAFT_VALUES_H

#include "strata/craft.h"

#define fail	st_spec_fail

/* The spec name of p, which has one. */
#define SPEC(p)	((p)->craft->spec)

/* Keeps in best (64 bytes) the candidate of n bytes closest to word. */
void	st__closest(const char *word, const char *cand, size_t n, char *best,
	    unsigned *bd);

/*
 * Looks name s up in table t: exactly (1), or as a short form whose words
 * begin the words of one name only, in place ("dest-unreach") or with
 * words left out ("host-prohibited"), the first kind first (2: err->note
 * then says the name in full).  0 when none matches; sets *v.
 */
int	st__lookup(const struct st_valname *t, const char *s, uint64_t *v,
	    struct st_spec_err *err);

/*
 * Looks s up among protocol p's other names of field fd (ctl: the value
 * of the field it is named after, or -1); 1 and *v when found, err->note
 * then saying the name in the tables.
 */
int	st__alias(const struct st_proto *p, const struct st_field_desc *fd,
	    int64_t ctl, const struct st_valname *t, const char *s,
	    uint64_t *v, struct st_spec_err *err);

/* Fails at col with "'s' is not ...", adding the nearest name of t. */
int	st__no_name(struct st_spec_err *err, unsigned col,
	    const struct st_valname *t, const char *s, const char *what);

/*
 * Parses value v (one value, a list "a,b,c", a range "a-b", a step "a+s"
 * or "rand") for field fd of protocol p into s.  Returns 0, or -1 with err
 * set.
 */
int	st__value(const struct st_proto *p, const struct st_field_desc *fd,
	    const char *v, struct st_spec_set *s, struct st_spec_err *err);

/* A fragment(...) step into f; *pp points after "(" and moves past ")". */
int	st__parse_step(const char **pp, const char *start,
	    struct st_spec_frag *f, struct st_spec_err *err);

/* A key in any case at *pp into key (32 bytes); its length (0: none). */
size_t	st__read_key(const char **pp, char *key);

#endif
