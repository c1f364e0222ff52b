/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Conversations: the two-way key from the descriptors' ends, and the
 * bounded table of conversations (see strata/flow.h).  No protocol named.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "strata/flow.h"
#include "strata/proto.h"
#include "flowtab.h"

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

/*
 * The tables' arrays come straight from the kernel: pages of zeros, made
 * resident only as they are touched (an empty table costs nothing), and
 * given back whole when freed (from malloc, a freed array would stay in
 * the heap below the next one: a third more memory at the end).
 */
void *
flowtab_alloc(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void
flowtab_free(void *p, size_t n)
{
	if (p != NULL)
		munmap(p, n);
}

static void
table_free(struct st_flows *t)
{
	flowtab_free(t->bucket, t->nb * sizeof(struct bucket));
	flowtab_free(t->ent, t->nb * WAYS * sizeof(struct st_flowent));
	t->bucket = NULL;
	t->ent = NULL;
}


void
st_flows_free(struct st_flows **tp)
{
	if (*tp != NULL) {
		table_free(*tp);
		free((*tp)->cache);
		flowonce_free(*tp);
		flowside_free(*tp);
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
uint64_t
flowtab_hash(const uint8_t *key)
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
	t->bucket = flowtab_alloc(nb * sizeof(struct bucket));
	t->ent = flowtab_alloc(nb * WAYS * sizeof(struct st_flowent));
	if (t->bucket == NULL || t->ent == NULL) {
		table_free(t);
		return -1;
	}
	t->n = 0;
	return 0;
}

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
	if (t->bucket[v / WAYS].tag[v % WAYS] != 0)
		flowside_drop(t, v);
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
	h = flowtab_hash(k->b);
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
	if (t->bucket[v / WAYS].tag[v % WAYS] != 0)
		flowside_drop(t, v);
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
	h = flowtab_hash(k->b);
	buckets_of(t, TAG_OF(h), CHK_OF(h), b);
	return find(t, b, TAG_OF(h), CHK_OF(h), (uint32_t)now, used);
}
