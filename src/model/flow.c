/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Conversations: the two-way key from the descriptors' ends, and the
 * bounded table of conversations (see strata/flow.h).  No protocol named.
 */
#include <stdlib.h>
#include <string.h>

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
 * tags fill one cache line and its ages another; a conversation's own
 * lines are touched only when its tag matches (or it is made), so a
 * lookup reads the two tag lines and at most one conversation, found or
 * not.  When both are full, a closed or
 * idle conversation makes room; else the table grows by half (all
 * conversations moved, so the cost per packet stays constant on average),
 * up to ST_FLOW_MAX; only then does one still going make room.  It starts
 * small, so a short capture costs little.
 */
#define WAYS	16
#define NB0	4096		/* buckets at first: 65,536 conversations (8 MiB,
				   touched only as they are used) */
#define CACHE	65536		/* numbers kept by key: 1 MiB */

struct bucket {
	uint32_t	tag[WAYS];	/* 0: free */
	uint32_t	age[WAYS];	/* packet number last seen, low bits */
};

_Static_assert(sizeof(struct st_flowent) == 128,
    "a conversation is two cache lines");
_Static_assert(sizeof(struct bucket) == 128, "a bucket is two cache lines");

struct st_flows {
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

static void
table_free(struct st_flows *t)
{
	free(t->bucket);
	free(t->ent);
}

void
st_flows_free(struct st_flows **tp)
{
	if (*tp != NULL) {
		table_free(*tp);
		free((*tp)->cache);
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
	t->bucket = aligned_alloc(64, nb * sizeof(struct bucket));
	t->ent = aligned_alloc(64, nb * WAYS * sizeof(struct st_flowent));
	if (t->bucket == NULL || t->ent == NULL) {
		table_free(t);
		return -1;
	}
	memset(t->bucket, 0, nb * sizeof(struct bucket));
	t->nb = nb;
	t->n = 0;
	return 0;
}

/* A key's two buckets: it goes in the emptier (two choices: the table
 * fills to nine tenths before both overflow, where one bucket overflows
 * at about half). */
static void
buckets_of(const struct st_flows *t, uint64_t h, size_t b[2])
{
	b[0] = h % t->nb;
	b[1] = ((h >> 17) * 0x9e3779b97f4a7c15u >> 20) % t->nb;
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
	const struct bucket *bk;
	size_t i, j, v = b[0] * WAYS;
	uint32_t oldest = 0, d;

	/* The emptier bucket (ways fill in order and are not freed). */
	if (used[0] < WAYS || used[1] < WAYS) {
		*live = 0;
		j = used[1] < used[0];
		return b[j] * WAYS + used[j];
	}
	for (j = 0; j < 2; j++) {
		bk = &t->bucket[b[j]];
		for (i = 0; i < WAYS; i++) {
			if (t->ent[b[j] * WAYS + i].state & ST_FLOW_CLOSED) {
				*live = 0;
				return b[j] * WAYS + i;
			}
			if ((d = now - bk->age[i]) > oldest) {
				oldest = d;
				v = b[j] * WAYS + i;
			}
		}
	}
	*live = oldest < ST_FLOW_IDLE;
	return v;
}

/* Puts conversation c (tag, age) into table t, making room if needed. */
static void
table_put(struct st_flows *t, const struct st_flowent *c, uint32_t tag,
    uint32_t age, uint64_t h)
{
	size_t b[2], used[2], v, j;
	int live;

	buckets_of(t, h, b);
	for (j = 0; j < 2; j++)
		for (used[j] = 0; used[j] < WAYS &&
		    t->bucket[b[j]].tag[used[j]] != 0; used[j]++)
			;
	v = victim(t, b, used, age, &live);
	if (t->bucket[v / WAYS].tag[v % WAYS] == 0)
		t->n++;
	t->evicted += live;
	t->ent[v] = *c;
	t->bucket[v / WAYS].tag[v % WAYS] = tag;
	t->bucket[v / WAYS].age[v % WAYS] = age;
}

/* Grows the table by half, moving every conversation; -1: no memory (the
 * table then stays as it was). */
static int
table_grow(struct st_flows *t)
{
	struct st_flows old = *t;
	uint8_t key[ST_FLOW_KEYLEN];
	size_t i, w;
	uint64_t h;

	size_t nb = old.nb + old.nb / 2;

	if (nb > ST_FLOW_MAX / WAYS)
		nb = ST_FLOW_MAX / WAYS;
	if (table_alloc(t, nb) != 0) {
		*t = old;
		return -1;
	}
	memset(key, 0, sizeof(key));
	for (i = 0; i < old.nb; i++)
		for (w = 0; w < WAYS && old.bucket[i].tag[w] != 0; w++) {
			memcpy(key, old.ent[i * WAYS + w].key,
			    ST_FLOW_KEYUSED);
			h = key_hash(key);
			table_put(t, &old.ent[i * WAYS + w], old.bucket[i].tag[w],
			    old.bucket[i].age[w], h);
		}
	table_free(&old);
	return 0;
}

static struct st_flows *
table_make(struct st_flows **tp)
{
	struct st_flows *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	if (table_alloc(t, NB0) != 0) {
		free(t);
		return NULL;
	}
	*tp = t;
	return t;
}

/* The conversation of key k (hash h, tag) if the table holds it; else
 * how many ways of each bucket are taken, in used[]. */
static struct st_flowent *
find(struct st_flows *t, const struct st_flowkey *k, const size_t b[2],
    uint32_t tag, uint32_t now, size_t used[2])
{
	struct st_flowent *c;
	struct bucket *bk;
	size_t i, j;

	for (j = 0; j < 2; j++) {
		bk = &t->bucket[b[j]];
		for (i = 0; i < WAYS && bk->tag[i] != 0; i++) {
			if (bk->tag[i] != tag)
				continue;
			c = &t->ent[b[j] * WAYS + i];
			if (memcmp(c->key, k->b, sizeof(c->key)) == 0) {
				bk->age[i] = now;
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
	uint32_t tag, now = (uint32_t)now64;
	int live;

	if (t == NULL && (t = table_make(tp)) == NULL)
		return NULL;
	*made = 0;
	h = key_hash(k->b);
	tag = (uint32_t)(h >> 32) | 1;
again:
	buckets_of(t, h, b);
	if ((c = find(t, k, b, tag, now, used)) != NULL)
		return c;
	v = victim(t, b, used, now, &live);
	if (live && t->nb * WAYS < ST_FLOW_MAX && table_grow(t) == 0)
		goto again;
	if (t->bucket[v / WAYS].tag[v % WAYS] == 0)
		t->n++;
	t->evicted += live;
	c = &t->ent[v];
	memset(c, 0, sizeof(*c));
	memcpy(c->key, k->b, sizeof(c->key));
	c->state = t->evicted > 0 ? ST_FLOW_LATE : 0;
	t->bucket[v / WAYS].tag[v % WAYS] = tag;
	t->bucket[v / WAYS].age[v % WAYS] = now;
	*made = 1;
	return c;
}
