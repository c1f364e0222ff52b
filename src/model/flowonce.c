/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The conversations table's first sightings (st_flow_once, strata/flow.h):
 * a conversation seen once costs 32 bytes, not an entry.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "strata/flow.h"
#include "flowtab.h"

static void
once_free(struct obucket *ob, struct oent *oe, size_t onb)
{
	flowtab_free(ob, onb * sizeof(*ob));
	flowtab_free(oe, onb * OWAYS * sizeof(*oe));
}

void
flowonce_free(struct st_flows *t)
{
	once_free(t->ob, t->oe, t->onb);
}

/* A first sighting's two buckets, from chk alone (multiply and shift:
 * the high bits of a product, spread over onb). */
static void
once_buckets(size_t onb, uint32_t chk, size_t b[2])
{
	uint32_t c2 = chk * 0x9e3779b1u ^ chk >> 15;

	b[0] = (size_t)((uint64_t)chk * onb >> 32);
	b[1] = (size_t)((uint64_t)(c2 * 0x85ebca6bu) * onb >> 32);
}

static int
once_alloc(struct st_flows *t, size_t onb)
{
	struct obucket *ob = flowtab_alloc(onb * sizeof(*ob));
	struct oent *oe = flowtab_alloc(onb * OWAYS * sizeof(*oe));

	if (ob == NULL || oe == NULL) {
		once_free(ob, oe, onb);
		return -1;
	}
	t->ob = ob;
	t->oe = oe;
	t->onb = onb;
	return 0;
}

/* The ways of a first sightings' bucket whose tag is x, one bit each. */
static inline unsigned
ways_of(const struct obucket *bk, uint32_t x)
{
	return tags_eq(bk->tag, OWAYS, x);
}

/* The bits set in an 8-bit mask (no popcnt instruction assumed). */
static inline unsigned
pop8(unsigned m)
{
	m = m - ((m >> 1) & 0x55);
	m = (m & 0x33) + ((m >> 2) & 0x33);
	return (m + (m >> 4)) & 0x0f;
}

/*
 * The slot of chk's buckets b[] to fill: a free one in the emptier bucket
 * (two choices), else the one seen longest ago (*live: not idle).
 */
static size_t
once_room(const struct st_flows *t, const size_t b[2], uint32_t now,
    int *live)
{
	const struct obucket *bk;
	unsigned f0 = ways_of(&t->ob[b[0]], 0), f1 = ways_of(&t->ob[b[1]], 0);
	size_t i, j, v = b[0] * OWAYS;
	uint32_t oldest = 0, d;

	*live = 0;
	if ((f0 | f1) != 0) {
		j = pop8(f1) > pop8(f0);
		return b[j] * OWAYS + (size_t)__builtin_ctz(j ? f1 : f0);
	}
	for (j = 0; j < 2; j++) {
		bk = &t->ob[b[j]];
		for (i = 0; i < OWAYS; i++)
			if ((d = now - bk->age[i]) > oldest) {
				oldest = d;
				v = b[j] * OWAYS + i;
			}
	}
	*live = oldest < ST_FLOW_IDLE;
	return v;
}

/*
 * Both of a new sighting's buckets full: moves one of their sightings to
 * a free way of its other bucket, if one has one (a step of cuckoo
 * hashing: the store then fills to about 95% before it grows, not 80%).
 * Returns the slot freed, or (size_t)-1.
 */
static size_t
once_kick(struct st_flows *t, const size_t b[2])
{
	size_t i, j, w, s, alt, nb[2];
	struct obucket *to;

	for (j = 0; j < 2; j++)
		for (i = 0; i < OWAYS; i++) {
			s = b[j] * OWAYS + i;
			once_buckets(t->onb, t->oe[s].chk, nb);
			alt = nb[0] == b[j] ? nb[1] : nb[0];
			if (alt == b[j])
				continue;
			to = &t->ob[alt];
			for (w = 0; w < OWAYS && to->tag[w] != 0; w++)
				;
			if (w == OWAYS)
				continue;
			to->tag[w] = t->ob[b[j]].tag[i];
			to->age[w] = t->ob[b[j]].age[i];
			t->oe[alt * OWAYS + w] = t->oe[s];
			t->ob[b[j]].tag[i] = 0;
			return s;
		}
	return (size_t)-1;
}

/* Grows the store by half, moving every first sighting (now: the
 * packet's number, from which ages count back); -1: no memory. */
static int
once_grow(struct st_flows *t, uint32_t now)
{
	struct obucket *ob = t->ob;
	struct oent *oe = t->oe;
	size_t onb = t->onb, i, w, v, b[2];
	int live;

	if (once_alloc(t, onb + onb / 2) != 0) {
		t->ob = ob;
		t->oe = oe;
		t->onb = onb;
		return -1;
	}
	for (i = 0; i < onb; i++)
		for (w = 0; w < OWAYS; w++) {
			if (ob[i].tag[w] == 0)
				continue;
			once_buckets(t->onb, oe[i * OWAYS + w].chk, b);
			v = once_room(t, b, now, &live);
			if (live && (v = once_kick(t, b)) != (size_t)-1)
				live = 0;
			else if (live)
				v = once_room(t, b, now, &live);
			t->evicted += live && t->ob[v / OWAYS].tag[v % OWAYS];
			t->ob[v / OWAYS].tag[v % OWAYS] = ob[i].tag[w];
			t->ob[v / OWAYS].age[v % OWAYS] = ob[i].age[w];
			t->oe[v] = oe[i * OWAYS + w];
		}
	once_free(ob, oe, onb);
	return 0;
}

uint8_t *
st_flow_once(struct st_flows **tp, const struct st_flowkey *k, uint64_t now64,
    uint64_t *when)
{
	struct st_flows *t;
	struct obucket *bk;
	size_t b[2], i, j, v;
	uint64_t h;
	uint32_t tag, chk, now = (uint32_t)now64;
	unsigned m;
	int live;

	if ((t = st_flows_make(tp)) == NULL ||
	    (t->ob == NULL && once_alloc(t, ONB0) != 0))
		return NULL;
	h = flowtab_hash(k->b);
	tag = TAG_OF(h);
	chk = (uint32_t)h;
again:
	once_buckets(t->onb, chk, b);
	for (j = 0; j < 2; j++) {
		bk = &t->ob[b[j]];
		for (m = ways_of(bk, tag); m != 0; m &= m - 1) {
			i = (size_t)__builtin_ctz(m);
			if (t->oe[b[j] * OWAYS + i].chk == chk) {
				*when = bk->age[i];
				return t->oe[b[j] * OWAYS + i].user;
			}
		}
	}
	v = once_room(t, b, now, &live);
	if (live && (v = once_kick(t, b)) != (size_t)-1)
		live = 0;
	else if (live && t->onb * OWAYS < ST_FLOW_ONCEMAX &&
	    once_grow(t, now) == 0)
		goto again;
	else if (live)
		v = once_room(t, b, now, &live);
	t->evicted += live;
	t->ob[v / OWAYS].tag[v % OWAYS] = tag;
	t->ob[v / OWAYS].age[v % OWAYS] = now;
	t->oe[v].chk = chk;
	memset(t->oe[v].user, 0, sizeof(t->oe[v].user));
	*when = 0;
	return t->oe[v].user;
}

void
st_flow_once_drop(struct st_flows *t, uint8_t *once)
{
	size_t v;

	if (t == NULL || t->oe == NULL || once == NULL)
		return;
	v = (size_t)((struct oent *)(void *)(once -
	    offsetof(struct oent, user)) - t->oe);
	if (v < t->onb * OWAYS)
		t->ob[v / OWAYS].tag[v % OWAYS] = 0;
}
