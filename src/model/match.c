/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pending requests: the bounded table of strata/match.h.  No protocol
 * named.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/match.h"
#include "strata/proto.h"

static struct st_match table[ST_MATCH_MAX];
static unsigned used, next_slot;
static atomic_uint count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int
same(const struct st_match *e, const struct st_proto *p,
    const struct st_flowkey *conv, uint64_t id)
{
	return e->proto == p && e->id == id &&
	    memcmp(&e->conv, conv, sizeof(*conv)) == 0;
}

void
st_match_add(const struct st_match *m)
{
	unsigned i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < used; i++)
		if (table[i].frame == m->frame &&
		    same(&table[i], m->proto, &m->conv, m->id))
			break;
	if (i == used) {
		/* A new request: a free slot, else the oldest entry. */
		if (used < ST_MATCH_MAX)
			i = used++;
		else {
			i = next_slot;
			next_slot = (next_slot + 1) % ST_MATCH_MAX;
		}
	}
	table[i] = *m;
	atomic_store(&count, used);
	pthread_mutex_unlock(&lock);
}

int
st_match_find(const struct st_proto *p, const struct st_flowkey *conv,
    uint64_t id, uint64_t frame, struct st_match *out)
{
	const struct st_match *best = NULL;
	unsigned i;

	if (atomic_load(&count) == 0)
		return 0;
	pthread_mutex_lock(&lock);
	for (i = 0; i < used; i++)
		if (table[i].frame < frame && same(&table[i], p, conv, id) &&
		    (best == NULL || table[i].frame > best->frame))
			best = &table[i];
	if (best != NULL)
		*out = *best;
	pthread_mutex_unlock(&lock);
	return best != NULL;
}

int
st_match_note(const struct st_dctx *d, uint64_t id, const void *data,
    size_t n)
{
	const struct st_proto *transport;
	struct st_match m;

	memset(&m, 0, sizeof(m));
	if (st_expect_conv(d, &m.conv, &transport) != 0)
		return -1;
	m.proto = d->ly->proto;
	m.id = id;
	m.frame = d->pkt->num;
	m.ts = d->pkt->ts;
	if (n > sizeof(m.data))
		n = sizeof(m.data);
	if (n > 0)
		memcpy(m.data, data, n);
	st_match_add(&m);
	return 0;
}

int
st_match_answer(const struct st_dctx *d, uint64_t id, struct st_match *out)
{
	const struct st_proto *transport;
	struct st_flowkey k;

	if (atomic_load(&count) == 0 ||
	    st_expect_conv(d, &k, &transport) != 0)
		return 0;
	return st_match_find(d->ly->proto, &k, id, d->pkt->num, out);
}

void
st_match_delta(const struct st_dctx *d, const struct st_match *m, char *buf,
    size_t n)
{
	/* Seconds and nanoseconds apart, never multiplied: a file's
	 * timestamps may lie as far apart as they like. */
	int64_t ds, dn = (int64_t)d->pkt->ts.tv_nsec - m->ts.tv_nsec;
	uint64_t as;
	int neg;

	if (__builtin_sub_overflow((int64_t)d->pkt->ts.tv_sec,
	    (int64_t)m->ts.tv_sec, &ds)) {
		snprintf(buf, n, "?");
		return;
	}
	if (dn < 0 && ds > 0) {
		ds--;
		dn += 1000000000;
	} else if (dn > 0 && ds < 0) {
		ds++;
		dn -= 1000000000;
	}
	neg = ds < 0 || (ds == 0 && dn < 0);
	as = ds < 0 ? (uint64_t)0 - (uint64_t)ds : (uint64_t)ds;
	snprintf(buf, n, "%s%llu.%09llu", neg ? "-" : "",
	    (unsigned long long)as,
	    (unsigned long long)(dn < 0 ? -dn : dn));
}

unsigned
st_match_count(void)
{
	return atomic_load(&count);
}

void
st_match_clear(void)
{
	pthread_mutex_lock(&lock);
	used = next_slot = 0;
	atomic_store(&count, 0);
	pthread_mutex_unlock(&lock);
}
