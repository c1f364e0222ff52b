/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The HTML view's tables (src/view/html_tab.c): pointers and strings of
 * numbers, each numbered in the order first seen, so that the report
 * writes a thing once and refers to it by number.
 */
#ifndef STRATA_HTML_TAB_H
#define STRATA_HTML_TAB_H

#include <stddef.h>
#include <stdint.h>

/* Pointers (protocols, descriptors) numbered in the order first seen. */
struct ptab {
	const void	**key;
	unsigned	 *idx;
	size_t		  cap;		/* slots, a power of two */
	size_t		  n;
	const void	**order;	/* by number */
};

/* Strings of numbers (layer shapes, texts) numbered as first seen. */
struct stab {
	uint32_t	 *hash;
	uint32_t	 *idx;		/* number + 1; 0: empty slot */
	size_t		  cap;
	size_t		  n;
	size_t		 *off;		/* shape k's key in arena */
	size_t		 *len;
	uint32_t	 *arena;
	size_t		  used, size;
};

/* realloc, or the end of strata with a message (no memory). */
void	*st_html_xrealloc(void *p, size_t n);
/* The number of p in t; *fresh set when p was not there yet. */
unsigned st_html_ptr_index(struct ptab *t, const void *p, int *fresh);
void	 st_html_ptr_free(struct ptab *t);
/* The number of k[0..n) in t, added when new. */
unsigned st_html_shape_index(struct stab *t, const uint32_t *k, size_t n);
void	 st_html_shape_free(struct stab *t);

#endif /* STRATA_HTML_TAB_H */
