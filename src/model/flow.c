/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Conversations: the two-way key from the descriptors' ends, and the
 * bounded table of conversations (see strata/flow.h).  No protocol named.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strata/flow.h"
#include "strata/proto.h"

int
st_flow_ends(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field *e[2])
{
	const struct st_field_desc *d0 = ly->proto->ends[0];
	const struct st_field_desc *d1 = ly->proto->ends[1];
	const struct st_field *f = &pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;

	e[0] = e[1] = NULL;
	if (d0 == NULL)
		return -1;
	for (; f < end; f++) {
		if (f->desc == d0 && e[0] == NULL)
			e[0] = f;
		else if (f->desc == d1 && e[1] == NULL) {
			e[1] = f;
			if (e[0] != NULL)
				return 0;
		}
	}
	return e[0] != NULL && e[1] != NULL ? 0 : -1;
}

int
st_flow_key_raw(const uint8_t *a, const uint8_t *b, size_t n, uint16_t pa,
    uint16_t pb, struct st_flowkey *k)
{
	uint8_t *key = k->b;
	int cmp, swap;

	if (n == 0 || n > 16)
		return -1;
	/* One key for both directions: the smaller end first. */
	cmp = memcmp(a, b, n);
	swap = cmp > 0 || (cmp == 0 && pa > pb);
	memset(key, 0, sizeof(k->b));
	key[0] = (uint8_t)n;
	memcpy(key + 1, swap ? b : a, n);
	memcpy(key + 17, swap ? a : b, n);
	key[33] = (uint8_t)((swap ? pb : pa) >> 8);
	key[34] = (uint8_t)(swap ? pb : pa);
	key[35] = (uint8_t)((swap ? pa : pb) >> 8);
	key[36] = (uint8_t)(swap ? pa : pb);
	return swap;
}

int
st_flow_key(const struct st_packet *pkt, const struct st_field *const addr[2],
    const struct st_field *const port[2], struct st_flowkey *k)
{
	const uint8_t *a, *b;
	size_t al, bl;

	if (addr[0] == NULL || addr[1] == NULL ||
	    (a = st_field_bytes(pkt, addr[0], &al)) == NULL ||
	    (b = st_field_bytes(pkt, addr[1], &bl)) == NULL || al != bl)
		return -1;
	if (port == NULL)
		return st_flow_key_raw(a, b, al, 0, 0, k);
	if (port[0] == NULL || port[1] == NULL)
		return -1;
	return st_flow_key_raw(a, b, al, (uint16_t)port[0]->val,
	    (uint16_t)port[1]->val, k);
}

int
st_flow_key_of(const struct st_packet *pkt, const struct st_layer *net,
    const struct st_layer *tl, struct st_flowkey *k)
{
	const struct st_field *a[2], *p[2];

	if (net == NULL || st_flow_ends(pkt, net, a) != 0)
		return -1;
	if (tl == NULL)
		return st_flow_key(pkt, a, NULL, k);
	if (st_flow_ends(pkt, tl, p) != 0)
		return -1;
	return st_flow_key(pkt, a, p, k);
}

/*
 * The table: set-associative, with two choices: a key's hash picks two
 * buckets of WAYS conversations, and it goes in the emptier.  A bucket's
 * tags fill one cache line; a conversation's own bytes (its age among
 * them) are touched only when its tag matches (or it is made), so a
 * lookup reads the two tag lines and at most one conversation, found or
 * not.  No key is kept: the tag and the entry's chk are 55 bits of the
 * key's hash, and the buckets are chosen from them alone, so that the
 * table can grow without the keys.  When both are full, a closed or
 * idle conversation makes room; else the table grows by half (all
 * conversations moved, so the cost per packet stays constant on average),
 * up to ST_FLOW_MAX; only then does one still going make room.  It starts
 * small, so a short capture costs little.
 */
#define WAYS	16
#define NB0	256		/* buckets at first: 4,096 conversations
				   (512 KiB, touched only as they are used) */
#define CACHE	65536		/* numbers kept by key: 1 MiB */

struct bucket {
	_Alignas(64) uint32_t tag[WAYS];	/* 0: free */
};

_Static_assert(sizeof(struct st_flowent) == 96,
    "a conversation is one cache line and a half");
_Static_assert(sizeof(struct bucket) == 64, "a bucket is one cache line");

/*
 * The first sightings (st_flow_once): the same two-choice scheme, eight
 * ways to a bucket of one cache line, 32 bytes a conversation.  No key is
 * kept, only 63 bits of its hash (tag and chk), and the buckets are chosen
 * by chk alone, so that the store can grow without the keys.
 */
#define OWAYS	8
#define ONB0	512		/* 4,096 first sightings at first: 128 KiB */

struct obucket {
	_Alignas(64) uint32_t tag[OWAYS];	/* 0: free */
	uint32_t	age[OWAYS];	/* the packet seen */
};

struct oent {
	uint32_t	chk;
	uint8_t		user[ST_FLOW_ONCE];
};

_Static_assert(sizeof(struct obucket) == 64, "a bucket is a cache line");
_Static_assert(sizeof(struct oent) == 24, "32 bytes a first sighting");

struct st_flows {
	struct obucket	*ob;		/* first sightings, made on first use */
	struct oent	*oe;
	size_t		 onb;		/* their buckets */
	struct bucket	*bucket;
	struct st_flowent *ent;
	size_t		 nb;		/* buckets */
	size_t		 n;		/* conversations held */
	uint64_t	 evicted;	/* still going, made room for */
	uint64_t	 count[ST_FLOW_NCOUNT];
	struct slot {
		uint64_t	 key;
		uint32_t	 val;
	}		*cache;		/* CACHE slots, made on first use */
	uint64_t	 memo_num;	/* what memo[] holds: 0 nothing */
	uint32_t	 memo_tag;
	_Alignas(16) unsigned char memo[ST_FLOW_MEMO];
};

/*
 * The tables' arrays come straight from the kernel: pages of zeros, made
 * resident only as they are touched (an empty table costs nothing), and
 * given back whole when freed (from malloc, a freed array would stay in
 * the heap below the next one: a third more memory at the end).
 */
static void *
big_alloc(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void
big_free(void *p, size_t n)
{
	if (p != NULL)
		munmap(p, n);
}

static void
table_free(struct st_flows *t)
{
	big_free(t->bucket, t->nb * sizeof(struct bucket));
	big_free(t->ent, t->nb * WAYS * sizeof(struct st_flowent));
	t->bucket = NULL;
	t->ent = NULL;
}

static void
once_free(struct obucket *ob, struct oent *oe, size_t onb)
{
	big_free(ob, onb * sizeof(*ob));
	big_free(oe, onb * OWAYS * sizeof(*oe));
}

void
st_flows_free(struct st_flows **tp)
{
	if (*tp != NULL) {
		table_free(*tp);
		free((*tp)->cache);
		once_free((*tp)->ob, (*tp)->oe, (*tp)->onb);
	}
	free(*tp);
	*tp = NULL;
}

size_t
st_flows_count(const struct st_flows *t, size_t *cap, uint64_t *evicted)
{
	if (cap != NULL)
		*cap = t != NULL ? t->nb * WAYS : 0;
	if (evicted != NULL)
		*evicted = t != NULL ? t->evicted : 0;
	return t != NULL ? t->n : 0;
}

uint64_t *
st_flows_counters(struct st_flows *t)
{
	return t != NULL ? t->count : NULL;
}

void
st_flows_put(struct st_flows *t, uint64_t key, uint32_t val, int keep)
{
	struct slot *s;

	if (t == NULL || key == 0)
		return;
	if (t->cache == NULL && (t->cache = calloc(CACHE,
	    sizeof(*t->cache))) == NULL)
		return;
	s = &t->cache[(key ^ key >> 29) % CACHE];
	if (keep && s->key == key)
		return;
	s->key = key;
	s->val = val;
}

uint32_t
st_flows_find(const struct st_flows *t, uint64_t key)
{
	const struct slot *s;

	if (t == NULL || t->cache == NULL || key == 0)
		return 0;
	s = &t->cache[(key ^ key >> 29) % CACHE];
	return s->key == key ? s->val : 0;
}

void *
st_flows_memo(struct st_flows *t, uint64_t num, uint32_t tag, int *hit)
{
	if (t == NULL)
		return NULL;
	*hit = t->memo_num == num && t->memo_tag == tag && num != 0;
	t->memo_num = num;
	t->memo_tag = tag;
	return t->memo;
}

/* A 64-bit hash of the key, eight bytes at a time. */
static uint64_t
key_hash(const uint8_t *key)
{
	uint64_t h = 0x9e3779b97f4a7c15u, w;
	size_t i;

	for (i = 0; i < ST_FLOW_KEYLEN; i += 8) {
		memcpy(&w, key + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	/* Every bit of the key into the low bits that pick the buckets. */
	h *= 0xc4ceb9fe1a85ec53u;
	return h ^ h >> 29;
}

static int
table_alloc(struct st_flows *t, size_t nb)
{
	t->nb = nb;
	t->bucket = big_alloc(nb * sizeof(struct bucket));
	t->ent = big_alloc(nb * WAYS * sizeof(struct st_flowent));
	if (t->bucket == NULL || t->ent == NULL) {
		table_free(t);
		return -1;
	}
	t->n = 0;
	return 0;
}

/* The tag (never 0) and chk of a key's hash h. */
#define TAG_OF(h)	((uint32_t)((h) >> 32) | 1)
#define CHK_OF(h)	((uint32_t)(h) & 0xffffff)

/* A key's two buckets, from its tag and chk alone (the high bits of two
 * products, spread over nb): it goes in the emptier (two choices: the
 * table fills to nine tenths before both overflow, where one bucket
 * overflows at about half). */
static void
buckets_of(const struct st_flows *t, uint32_t tag, uint32_t chk, size_t b[2])
{
	uint64_t fp = (uint64_t)tag << 24 | chk;

	b[0] = (size_t)((fp * 0x9e3779b97f4a7c15u >> 32) * t->nb >> 32);
	b[1] = (size_t)((fp * 0xc2b2ae3d27d4eb4fu >> 32) * t->nb >> 32);
}

/* The ways of n tags (a multiple of 4, 16-byte aligned) equal to x, one
 * bit each: a vector compare per four where the machine has SSE2 (every
 * x86-64). */
static inline unsigned
tags_eq(const uint32_t *tag, size_t n, uint32_t x)
{
	unsigned m = 0;
	size_t i;
#ifdef __SSE2__
	__m128i v = _mm_set1_epi32((int)x), c;

	for (i = 0; i < n; i += 4) {
		c = _mm_cmpeq_epi32(_mm_load_si128((const __m128i *)(const
		    void *)(tag + i)), v);
		m |= (unsigned)_mm_movemask_ps(_mm_castsi128_ps(c)) << i;
	}
#else
	for (i = 0; i < n; i++)
		m |= (unsigned)(tag[i] == x) << i;
#endif
	return m;
}

/* The ways of bucket b taken: they fill in order and are not freed. */
static inline size_t
taken(const struct bucket *bk)
{
	unsigned f = tags_eq(bk->tag, WAYS, 0);

	return f != 0 ? (size_t)__builtin_ctz(f) : WAYS;
}

/*
 * The slot (bucket * WAYS + way) of buckets b[] that makes room: a free
 * way, else a closed conversation, else the one seen longest ago (*live:
 * still going and not idle).  Ages are compared as distances back from
 * now, so that the low bits of the packet number may wrap.
 */
static size_t
victim(const struct st_flows *t, const size_t b[2], const size_t used[2],
    uint32_t now, int *live)
{
	const struct st_flowent *e;
	size_t i, j, v = b[0] * WAYS;
	uint32_t oldest = 0, d;

	/* The emptier bucket (ways fill in order and are not freed). */
	if (used[0] < WAYS || used[1] < WAYS) {
		*live = 0;
		j = used[1] < used[0];
		return b[j] * WAYS + used[j];
	}
	for (j = 0; j < 2; j++) {
		for (i = 0; i < WAYS; i++) {
			e = &t->ent[b[j] * WAYS + i];
			if (e->state & ST_FLOW_CLOSED) {
				*live = 0;
				return b[j] * WAYS + i;
			}
			if ((d = now - e->age) > oldest) {
				oldest = d;
				v = b[j] * WAYS + i;
			}
		}
	}
	*live = oldest < ST_FLOW_IDLE;
	return v;
}

/* Puts conversation c (tag) into table t, making room if needed (now:
 * the packet's number, from which ages count back). */
static void
table_put(struct st_flows *t, const struct st_flowent *c, uint32_t tag,
    uint32_t now)
{
	size_t b[2], used[2], v;
	int live;

	buckets_of(t, tag, c->chk, b);
	used[0] = taken(&t->bucket[b[0]]);
	used[1] = taken(&t->bucket[b[1]]);
	v = victim(t, b, used, now, &live);
	if (t->bucket[v / WAYS].tag[v % WAYS] == 0)
		t->n++;
	t->evicted += live;
	t->ent[v] = *c;
	t->bucket[v / WAYS].tag[v % WAYS] = tag;
}

/* Grows the table by half, moving every conversation (now: as for
 * table_put); -1: no memory (the table then stays as it was). */
static int
table_grow(struct st_flows *t, uint32_t now)
{
	struct st_flows old = *t;
	size_t i, w;

	size_t nb = old.nb + old.nb / 2;

	if (nb > ST_FLOW_MAX / WAYS)
		nb = ST_FLOW_MAX / WAYS;
	if (table_alloc(t, nb) != 0) {
		*t = old;
		return -1;
	}
	for (i = 0; i < old.nb; i++)
		for (w = 0; w < WAYS && old.bucket[i].tag[w] != 0; w++)
			table_put(t, &old.ent[i * WAYS + w],
			    old.bucket[i].tag[w], now);
	table_free(&old);
	return 0;
}

struct st_flows *
st_flows_make(struct st_flows **tp)
{
	struct st_flows *t;

	if (*tp != NULL)
		return *tp;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	if (table_alloc(t, NB0) != 0) {
		free(t);
		return NULL;
	}
	*tp = t;
	return t;
}

/* The conversation of tag and chk (buckets b[]) if the table holds it,
 * its age brought to now; else how many ways of each bucket are taken,
 * in used[]. */
static struct st_flowent *
find(struct st_flows *t, const size_t b[2], uint32_t tag, uint32_t chk,
    uint32_t now, size_t used[2])
{
	const struct bucket *bk;
	struct st_flowent *c;
	size_t i, j;

	/* Ways fill in order: a lookup in a table not full stops at the
	 * first free one (fewer instructions than comparing all 16). */
	for (j = 0; j < 2; j++) {
		bk = &t->bucket[b[j]];
		for (i = 0; i < WAYS && bk->tag[i] != 0; i++) {
			if (bk->tag[i] != tag)
				continue;
			c = &t->ent[b[j] * WAYS + i];
			if (c->chk == chk) {
				c->age = now;
				return c;
			}
		}
		used[j] = i;
	}
	return NULL;
}

struct st_flowent *
st_flow_get(struct st_flows **tp, const struct st_flowkey *k, uint64_t now64,
    int *made)
{
	struct st_flows *t = *tp;
	struct st_flowent *c;
	size_t b[2], used[2], v;
	uint64_t h;
	uint32_t tag, chk, now = (uint32_t)now64;
	int live;

	if (t == NULL && (t = st_flows_make(tp)) == NULL)
		return NULL;
	*made = 0;
	h = key_hash(k->b);
	tag = TAG_OF(h);
	chk = CHK_OF(h);
again:
	buckets_of(t, tag, chk, b);
	if ((c = find(t, b, tag, chk, now, used)) != NULL)
		return c;
	v = victim(t, b, used, now, &live);
	if (live && t->nb * WAYS < ST_FLOW_MAX && table_grow(t, now) == 0)
		goto again;
	if (t->bucket[v / WAYS].tag[v % WAYS] == 0)
		t->n++;
	t->evicted += live;
	c = &t->ent[v];
	memset(c, 0, sizeof(*c));
	c->chk = chk & 0xffffff;
	c->state = t->evicted > 0 ? ST_FLOW_LATE : 0;
	c->age = now;
	t->bucket[v / WAYS].tag[v % WAYS] = tag;
	*made = 1;
	return c;
}

struct st_flowent *
st_flow_find(struct st_flows **tp, const struct st_flowkey *k, uint64_t now)
{
	struct st_flows *t;
	size_t b[2], used[2];
	uint64_t h;

	if ((t = st_flows_make(tp)) == NULL)
		return NULL;
	h = key_hash(k->b);
	buckets_of(t, TAG_OF(h), CHK_OF(h), b);
	return find(t, b, TAG_OF(h), CHK_OF(h), (uint32_t)now, used);
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
	struct obucket *ob = big_alloc(onb * sizeof(*ob));
	struct oent *oe = big_alloc(onb * OWAYS * sizeof(*oe));

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
	h = key_hash(k->b);
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
