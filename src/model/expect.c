/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Expected conversations: the bounded table of strata/expect.h.  No
 * protocol named.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/proto.h"

static struct st_expect table[ST_EXPECT_MAX];
static unsigned used, next_slot;
static atomic_uint count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* A claimed conversation (a slot is free when proto is NULL). */
struct claim {
	struct st_flowkey	 key;
	const struct st_proto	*transport;
	const struct st_proto	*proto;
};
static struct claim claims[ST_CLAIM_MAX];
static atomic_uint nclaims;

static int
same_end(const struct st_expect *e, const struct st_proto *transport,
    int fam, const uint8_t *addr, uint16_t port)
{
	return e->transport == transport && e->fam == fam && e->port == port &&
	    memcmp(e->addr, addr, fam == 6 ? 16 : 4) == 0;
}

void
st_expect_add(const struct st_expect *e)
{
	unsigned i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < used; i++)
		if (same_end(&table[i], e->transport, e->fam, e->addr,
		    e->port))
			break;
	if (i == used) {
		/* A new end: a free slot, else the oldest entry. */
		if (used < ST_EXPECT_MAX)
			i = used++;
		else {
			i = next_slot;
			next_slot = (next_slot + 1) % ST_EXPECT_MAX;
		}
	}
	table[i] = *e;
	atomic_store(&count, used);
	pthread_mutex_unlock(&lock);
}

int
st_expect_find(const struct st_proto *transport, int fam, const uint8_t *addr,
    uint16_t port, struct st_expect *out)
{
	unsigned i;
	int found = 0;

	if (atomic_load(&count) == 0 || (fam != 4 && fam != 6))
		return 0;
	pthread_mutex_lock(&lock);
	for (i = 0; i < used && !found; i++)
		if (same_end(&table[i], transport, fam, addr, port)) {
			*out = table[i];
			found = 1;
		}
	pthread_mutex_unlock(&lock);
	return found;
}

void
st_expect_each(const struct st_flowkey *owner,
    void (*fn)(struct st_expect *e, void *arg), void *arg)
{
	unsigned i;

	if (atomic_load(&count) == 0)
		return;
	pthread_mutex_lock(&lock);
	for (i = 0; i < used; i++)
		if (memcmp(&table[i].owner, owner, sizeof(*owner)) == 0)
			fn(&table[i], arg);
	pthread_mutex_unlock(&lock);
}

unsigned
st_expect_count(void)
{
	return atomic_load(&count);
}

void
st_expect_clear(void)
{
	pthread_mutex_lock(&lock);
	used = next_slot = 0;
	atomic_store(&count, 0);
	if (atomic_load(&nclaims) > 0)
		memset(claims, 0, sizeof(claims));
	atomic_store(&nclaims, 0);
	pthread_mutex_unlock(&lock);
}

/* The layer being decoded if it is a transport, else the transport
 * layer below it; or NULL. */
static const struct st_layer *
transport_of(const struct st_dctx *d)
{
	const struct st_layer *tl = d->ly;
	unsigned n;

	for (n = 0; n < ST_MAX_LAYERS; n++) {
		if (tl->depth != d->ly->depth)
			return NULL;
		if (tl->proto->role == ST_ROLE_TRANSPORT)
			return tl->proto->ends[0] != NULL ? tl : NULL;
		if (tl == d->pkt->layers)
			return NULL;
		tl--;
	}
	return NULL;
}

int
st_expect_conv_dir(const struct st_dctx *d, struct st_flowkey *k,
    const struct st_proto **transport)
{
	const struct st_layer *tl = transport_of(d);
	const struct st_field *e[2];
	size_t n = d->net.fam == 6 ? 16 : 4;

	if (tl == NULL || (d->net.fam != 4 && d->net.fam != 6) ||
	    st_flow_ends(d->pkt, tl, e) != 0)
		return -1;
	*transport = tl->proto;
	return st_flow_key_raw(d->net.src, d->net.dst, n, (uint16_t)e[0]->val,
	    (uint16_t)e[1]->val, k);
}

int
st_expect_conv(const struct st_dctx *d, struct st_flowkey *k,
    const struct st_proto **transport)
{
	return st_expect_conv_dir(d, k, transport) < 0 ? -1 : 0;
}

int
st_expect_here(const struct st_dctx *d, struct st_expect *out)
{
	const struct st_layer *tl;
	const struct st_field *e[2];

	if (atomic_load(&count) == 0 || (tl = transport_of(d)) == NULL ||
	    st_flow_ends(d->pkt, tl, e) != 0)
		return 0;
	return st_expect_find(tl->proto, d->net.fam, d->net.dst,
	    (uint16_t)e[1]->val, out) || st_expect_find(tl->proto,
	    d->net.fam, d->net.src, (uint16_t)e[0]->val, out);
}

/* The slot of conversation k over transport t (FNV-1a of the key). */
static struct claim *
claim_slot(const struct st_flowkey *k, const struct st_proto *t)
{
	uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)(uintptr_t)t;
	size_t i;

	for (i = 0; i < ST_FLOW_KEYUSED; i++)
		h = (h ^ k->b[i]) * 0x100000001b3u;
	return &claims[(h ^ h >> 29) % ST_CLAIM_MAX];
}

void
st_expect_claim(const struct st_dctx *d, const struct st_proto *p)
{
	const struct st_proto *t;
	struct st_flowkey k;
	struct claim *c;

	if (st_expect_conv(d, &k, &t) != 0)
		return;
	pthread_mutex_lock(&lock);
	c = claim_slot(&k, t);
	if (c->proto == NULL)
		atomic_fetch_add(&nclaims, 1);
	c->key = k;
	c->transport = t;
	c->proto = p;
	pthread_mutex_unlock(&lock);
}

const struct st_proto *
st_expect_claimed(const struct st_dctx *d)
{
	const struct st_proto *t, *p = NULL;
	struct st_flowkey k;
	struct claim *c;

	if (atomic_load(&nclaims) == 0 || st_expect_conv(d, &k, &t) != 0)
		return NULL;
	pthread_mutex_lock(&lock);
	c = claim_slot(&k, t);
	if (c->proto != NULL && c->transport == t &&
	    memcmp(&c->key, &k, sizeof(k)) == 0)
		p = c->proto;
	pthread_mutex_unlock(&lock);
	return p;
}
