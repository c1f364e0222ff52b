/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The HTML view's tables: open addressing on pointers and on strings of
 * 32-bit numbers, growing by doubling.  See html_tab.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_tab.h"

void *
st_html_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL) {
		perror("strata: html");
		exit(1);
	}
	return p;
}

static size_t
ptr_slot(const struct ptab *t, const void *p)
{
	size_t h = ((uintptr_t)p >> 3) * 0x9e3779b97f4a7c15ull;

	for (h &= t->cap - 1; t->key[h] != NULL && t->key[h] != p;
	    h = (h + 1) & (t->cap - 1))
		;
	return h;
}

unsigned
st_html_ptr_index(struct ptab *t, const void *p, int *fresh)
{
	size_t i, h, oldcap = t->cap;
	const void **ok = t->key;
	unsigned *oi = t->idx;

	*fresh = 0;
	if (t->cap == 0 || (t->n + 1) * 2 > t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->key = st_html_xrealloc(NULL, t->cap * sizeof(*t->key));
		t->idx = st_html_xrealloc(NULL, t->cap * sizeof(*t->idx));
		memset(t->key, 0, t->cap * sizeof(*t->key));
		for (i = 0; i < oldcap; i++)
			if (ok[i] != NULL) {
				h = ptr_slot(t, ok[i]);
				t->key[h] = ok[i];
				t->idx[h] = oi[i];
			}
		free(ok);
		free(oi);
		t->order = st_html_xrealloc(t->order, t->cap * sizeof(*t->order));
	}
	h = ptr_slot(t, p);
	if (t->key[h] == NULL) {
		t->key[h] = p;
		t->idx[h] = (unsigned)t->n;
		t->order[t->n++] = p;
		*fresh = 1;
	}
	return t->idx[h];
}

void
st_html_ptr_free(struct ptab *t)
{
	free(t->key);
	free(t->idx);
	free(t->order);
	memset(t, 0, sizeof(*t));
}

static uint32_t
shape_hash(const uint32_t *k, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ k[i]) * 16777619u;
	return h | 1;
}

static void
shape_grow(struct stab *t)
{
	size_t i, h, oldcap = t->cap;
	uint32_t *oh = t->hash, *oi = t->idx;

	t->cap = t->cap ? t->cap * 2 : 1024;
	t->hash = st_html_xrealloc(NULL, t->cap * sizeof(*t->hash));
	t->idx = st_html_xrealloc(NULL, t->cap * sizeof(*t->idx));
	memset(t->idx, 0, t->cap * sizeof(*t->idx));
	for (i = 0; i < oldcap; i++) {
		if (oi[i] == 0)
			continue;
		for (h = oh[i] & (t->cap - 1); t->idx[h] != 0;
		    h = (h + 1) & (t->cap - 1))
			;
		t->hash[h] = oh[i];
		t->idx[h] = oi[i];
	}
	free(oh);
	free(oi);
	t->off = st_html_xrealloc(t->off, t->cap * sizeof(*t->off));
	t->len = st_html_xrealloc(t->len, t->cap * sizeof(*t->len));
}

unsigned
st_html_shape_index(struct stab *t, const uint32_t *k, size_t n)
{
	uint32_t hv = shape_hash(k, n);
	size_t h, j;

	if ((t->n + 1) * 2 > t->cap)
		shape_grow(t);
	for (h = hv & (t->cap - 1); t->idx[h] != 0;
	    h = (h + 1) & (t->cap - 1)) {
		j = t->idx[h] - 1;
		if (t->hash[h] == hv && t->len[j] == n && (n == 0 ||
		    memcmp(t->arena + t->off[j], k, n * sizeof(*k)) == 0))
			return (unsigned)j;
	}
	if (t->used + n > t->size) {
		t->size = (t->size + n) * 2;
		t->arena = st_html_xrealloc(t->arena, t->size * sizeof(*t->arena));
	}
	if (n > 0)	/* an empty shape: the arena may not exist yet */
		memcpy(t->arena + t->used, k, n * sizeof(*k));
	t->off[t->n] = t->used;
	t->len[t->n] = n;
	t->used += n;
	t->hash[h] = hv;
	t->idx[h] = (uint32_t)++t->n;
	return (unsigned)(t->n - 1);
}

void
st_html_shape_free(struct stab *t)
{
	free(t->hash);
	free(t->idx);
	free(t->off);
	free(t->len);
	free(t->arena);
	memset(t, 0, sizeof(*t));
}
