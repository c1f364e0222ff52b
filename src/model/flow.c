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
 * The table: of fixed size and set-associative: a key's hash picks a
 * bucket of WAYS conversations, and when all are taken by others the one
 * seen longest ago makes room.  So the cost per packet is constant and the
 * memory bounded however many conversations a capture holds.  A bucket's
 * tags and ages fill one cache line, looked at first; a conversation's own
 * line is touched only when its tag matches (or it is made), so a lookup
 * costs two lines at most, found or not.
 */
#define BUCKETS	2048
#define WAYS	8	/* 16,384 conversations, 1.1 MiB */

struct bucket {
	uint32_t	tag[WAYS];	/* 0: free */
	uint32_t	age[WAYS];	/* packet number last seen, low bits */
};

_Static_assert(sizeof(struct st_flowent) == 64,
    "a conversation is one cache line");

struct st_flows {
	_Alignas(64) struct bucket bucket[BUCKETS];
	struct st_flowent ent[BUCKETS * WAYS];
};

void
st_flows_free(struct st_flows **tp)
{
	free(*tp);
	*tp = NULL;
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
	return h;
}

struct st_flowent *
st_flow_get(struct st_flows **tp, const struct st_flowkey *k, uint64_t now64,
    int *made)
{
	struct st_flows *t = *tp;
	struct st_flowent *c;
	struct bucket *bk;
	size_t i, victim = 0, b;
	uint64_t h;
	uint32_t tag, now = (uint32_t)now64;

	if (t == NULL) {
		if ((t = aligned_alloc(64, sizeof(*t))) == NULL)
			return NULL;
		memset(t, 0, sizeof(*t));
		*tp = t;
	}
	*made = 0;
	h = key_hash(k->b);
	b = h % BUCKETS;
	bk = &t->bucket[b];
	tag = (uint32_t)(h >> 32) | 1;
	for (i = 0; i < WAYS; i++) {
		if (bk->tag[i] == tag) {
			c = &t->ent[b * WAYS + i];
			if (memcmp(c->key, k->b, sizeof(c->key)) == 0) {
				bk->age[i] = now;
				return c;
			}
		}
		if (bk->tag[i] == 0) {		/* free: no older one */
			victim = i;
			break;
		}
		/* Ages compared as distances back from now, so that the
		 * low bits of the packet number may wrap. */
		if (now - bk->age[i] > now - bk->age[victim])
			victim = i;
	}
	/* Not found: a free way, or the one seen longest ago, makes room.
	 * (A free way ends the look: ways fill in order, none is freed.) */
	c = &t->ent[b * WAYS + victim];
	memset(c, 0, sizeof(*c));
	memcpy(c->key, k->b, sizeof(c->key));
	bk->tag[victim] = tag;
	bk->age[victim] = now;
	*made = 1;
	return c;
}
