/*
 * Fragments, as scapy's fragment() and fragment6() cut them: the
 * outermost network layer that can be fragmented (its st_craft hooks say
 * how) keeps its unfragmentable part in every fragment, and its payload is
 * cut into pieces of a multiple of 8 bytes.  For teaching, the pieces may
 * overlap (each repeats the end of the one before) and go out of order.
 */
#include <string.h>

#include "values.h"

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
