/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The packets of one spec: lists, ranges, steps and random values
 * (values.c reads them) set for packet i.  Lists and ranges turn as an
 * odometer whose last wheel is the last varying field of the spec, as
 * scapy iterates IP(ttl=[1,2])/TCP(dport=[22,80]): ttl 1 dport 22, ttl 1
 * dport 80, ttl 2 dport 22, ttl 2 dport 80.
 */
#include <string.h>

#include "values.h"

/* The values a wheel (a list or a range) has; 1 for the others. */
static uint64_t
wheel(const struct st_spec_set *s)
{
	if (s->vary == ST_VARY_LIST)
		return s->n;
	if (s->vary == ST_VARY_RANGE)
		return s->list[1] - s->list[0] == UINT64_MAX ? UINT64_MAX :
		    s->list[1] - s->list[0] + 1;
	return 1;
}

uint64_t
st_spec_count(const struct st_spec *sp)
{
	uint64_t n = 1, w;
	unsigned i, j;

	for (i = 0; i < sp->nlayers; i++)
		for (j = 0; j < sp->layers[i].nset; j++) {
			w = wheel(&sp->layers[i].set[j]);
			if (w != 0 && n > UINT64_MAX / w)
				return UINT64_MAX;
			n *= w;
		}
	return n;
}

/* xorshift64*: enough for ports and identifiers, never for secrets. */
static uint64_t
next_rand(uint64_t *rng)
{
	uint64_t x = *rng != 0 ? *rng : 0x9e3779b97f4a7c15ULL;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*rng = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/* The value of s for packet i; *rest is what the wheels after it left. */
static uint64_t
value_of(const struct st_spec_set *s, uint64_t *rest, uint64_t i,
    uint64_t *rng)
{
	uint64_t w = wheel(s), k, max;

	max = s->fd->bits >= 64 ? UINT64_MAX :
	    ((uint64_t)1 << s->fd->bits) - 1;
	switch (s->vary) {
	case ST_VARY_LIST:
	case ST_VARY_RANGE:
		k = *rest % w;
		*rest /= w;
		return s->vary == ST_VARY_LIST ? s->list[k] : s->list[0] + k;
	case ST_VARY_STEP:
		return (s->list[0] + i * s->list[1]) & max;
	case ST_VARY_RAND:
		return next_rand(rng) & s->list[1];
	}
	return s->val;
}

void
st_spec_pick(struct st_spec *sp, uint64_t i, uint64_t *rng)
{
	uint64_t n = st_spec_count(sp), rest = n != 0 ? i % n : i, r;
	struct st_spec_set *s;
	unsigned l, j;
	size_t k;

	/* Wheels from the last (fastest) to the first. */
	for (l = sp->nlayers; l-- > 0;)
		for (j = sp->layers[l].nset; j-- > 0;) {
			s = &sp->layers[l].set[j];
			if (s->vary != ST_VARY_NONE)
				s->val = value_of(s, &rest, i, rng);
		}
	for (k = 0; k < sp->payrand; k += 8) {
		r = next_rand(rng);
		memcpy(sp->payload + k, &r, sp->payrand - k < 8 ?
		    sp->payrand - k : 8);
	}
}

/* Hands each fragment of the packet being made to the caller's emit. */
struct each {
	int		(*emit)(void *arg, uint64_t i, const uint8_t *p,
			    size_t n, int lt);
	void		*arg;
	uint64_t	 i;
	int		 lt;
};

static int
each_frag(void *arg, const uint8_t *p, size_t n)
{
	struct each *e = arg;

	return e->emit(e->arg, e->i, p, n, e->lt);
}

int
st_spec_each(struct st_spec *sp, uint64_t count, uint64_t seed,
    int (*emit)(void *arg, uint64_t i, const uint8_t *p, size_t n, int lt),
    void *arg, struct st_spec_err *err)
{
	static uint8_t buf[ST_PKT_MAX];
	struct each e = { emit, arg, 0, 0 };
	uint64_t rng = seed != 0 ? seed : 1;
	size_t len;
	int rc;

	if (count == 0)
		count = st_spec_count(sp);
	for (e.i = 0; e.i < count; e.i++) {
		st_spec_pick(sp, e.i, &rng);
		if (st_build(sp, buf, sizeof(buf), &len, &e.lt, err) != 0)
			return -1;
		if (sp->frag.size != 0)
			rc = st_fragment(sp, buf, len,
			    (uint32_t)next_rand(&rng), each_frag, &e, err);
		else if ((rc = emit(arg, e.i, buf, len, e.lt)) != 0)
			return fail(err, 0, "stopped at packet %llu",
			    (unsigned long long)e.i + 1);
		if (rc != 0)
			return -1;
	}
	return 0;
}
