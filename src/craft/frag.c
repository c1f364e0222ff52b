/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fragments, as scapy's fragment() and fragment6() cut them: the
 * outermost network layer that can be fragmented (its st_craft hooks say
 * how) keeps its unfragmentable part in every fragment, and its payload is
 * cut into pieces of a multiple of 8 bytes.  For teaching, the pieces may
 * overlap (each repeats the end of the one before) and go out of order.
 * The spec's fragment(...) step is read here too.
 */
#include <string.h>

#include "values.h"

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* One key=value of a fragment step into f. */
static int
step_item(struct st_spec_frag *f, const char *key, const char *v,
    unsigned col, struct st_spec_err *err)
{
	static const char *const orders[] = { "inorder", "reverse",
		"firstlast" };
	uint64_t n;
	size_t i;

	if (strcmp(key, "order") == 0) {
		for (i = 0; i < NITEMS(orders); i++)
			if (strcmp(v, orders[i]) == 0) {
				f->order = (int)i;
				return 0;
			}
		return fail(err, col, "fragment order: '%s' is not inorder, "
		    "reverse or firstlast", v);
	}
	if (strcmp(key, "size") != 0 && strcmp(key, "overlap") != 0)
		return fail(err, col, "unknown field '%s' in fragment (size, "
		    "order, overlap)", key);
	if (!st_spec_number(v, &n) || n > ST_PKT_MAX || (key[0] == 's' &&
	    n < 8) || n % 8 != 0)
		return fail(err, col, "fragment %s: '%s' is not a multiple of "
		    "8%s", key, v, key[0] == 's' ? " from 8" : "");
	if (key[0] == 's')
		f->size = (size_t)n;
	else
		f->overlap = (size_t)n;
	return 0;
}

/* fragment(size=N[,order=...][,overlap=N]); *pp points after "(". */
int
st__parse_step(const char **pp, const char *start, struct st_spec_frag *f,
    struct st_spec_err *err)
{
	const char *p = *pp, *v;
	char key[32], val[64];
	size_t k;

	while (*p != ')') {
		while (*p == ' ' || *p == ',')
			p++;
		if (st__read_key(&p, key) == 0 || *p != '=')
			return fail(err, (unsigned)(p - start + 1), *p == '\0' ?
			    "missing ')'" : "expected size=, order= or "
			    "overlap= in fragment");
		v = ++p;
		k = strcspn(p, ",)");
		if (v[k] == '\0' || k >= sizeof(val))
			return fail(err, (unsigned)(v - start + 1), "missing "
			    "')'");
		memcpy(val, v, k);
		val[k] = '\0';
		if (step_item(f, key, val, (unsigned)(v - start + 1), err))
			return -1;
		p += k;
	}
	if (f->size == 0)
		return fail(err, f->col, "fragment needs size=N");
	if (f->overlap >= f->size)
		return fail(err, f->col, "fragment overlap must be less than "
		    "its size");
	*pp = p + 1;
	return 0;
}


/* The n-th piece (from 0) of the k pieces of a plen-byte payload. */
static void
piece(const struct st_spec_frag *f, size_t plen, size_t i, size_t k,
    uint32_t id, struct st_frag_piece *fp)
{
	size_t stride = f->size - f->overlap;

	fp->off = i * stride;
	fp->len = plen - fp->off < f->size ? plen - fp->off : f->size;
	fp->more = i + 1 < k;
	fp->id = id;
}

/* Which piece goes out n-th of k in order ord. */
static size_t
order_of(int ord, size_t n, size_t k)
{
	if (ord == ST_FRAG_REVERSE)
		return k - 1 - n;
	if (ord == ST_FRAG_FIRSTLAST)
		return n + 1 < k ? n + 1 : 0;
	return n;
}

int
st_fragment(const struct st_spec *sp, const uint8_t *buf, size_t len,
    uint32_t id, int (*emit)(void *arg, const uint8_t *p, size_t n),
    void *arg, struct st_spec_err *err)
{
	static uint8_t out[ST_PKT_MAX];
	const struct st_spec_frag *f = &sp->frag;
	const struct st_craft *cr = NULL;
	struct st_frag_piece fp;
	size_t l3 = 0, uf, plen, k, n, stride;
	unsigned i;
	long hl;

	for (i = 0; i < sp->nlayers && cr == NULL; i++)
		if (sp->layers[i].proto->craft->frag_header != NULL) {
			cr = sp->layers[i].proto->craft;
			l3 = st_build_offset(sp, i);
		}
	if (cr == NULL || l3 >= len || (uf = cr->unfrag_len(buf + l3,
	    len - l3)) == 0)
		return fail(err, f->col, "fragment: no IPv4 or IPv6 layer to "
		    "cut");
	plen = len - l3 - uf;
	stride = f->size - f->overlap;
	k = plen <= f->size ? 1 : (plen - f->overlap + stride - 1) / stride;
	for (n = 0; n < k; n++) {
		piece(f, plen, order_of(f->order, n, k), k, id, &fp);
		memcpy(out, buf, l3);
		hl = cr->frag_header(buf + l3, len - l3, &fp, out + l3,
		    sizeof(out) - l3);
		if (hl <= 0 || l3 + (size_t)hl + fp.len > sizeof(out))
			return fail(err, f->col, "fragment: too long");
		memcpy(out + l3 + hl, buf + l3 + uf + fp.off, fp.len);
		if (emit(arg, out, l3 + (size_t)hl + fp.len) != 0)
			return fail(err, f->col, "fragment: could not write "
			    "fragment %zu", n + 1);
	}
	return 0;
}
