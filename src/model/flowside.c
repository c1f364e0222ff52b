/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The conversations table's side blocks (st_flow_side, strata/flow.h):
 * the bulk of a conversation's state (TCP's analysis), kept for as many
 * conversations at once as ST_FLOW_SIDEMAX, not for every one the table
 * holds.
 *
 * A block names its conversation by the 55 bits of hash the table keeps
 * (tag and chk), not by its place, which changes when the table grows; an
 * entry names its block by number.  A block taken for another
 * conversation is so found out when its old one comes back: the names no
 * longer agree, and that one's block is made again, empty.  The blocks
 * grow by doubling from SIDE0; at ST_FLOW_SIDEMAX, room is made by a
 * clock hand that looks at SCAN blocks: the first of a closed
 * conversation, else the first idle, else the one used longest ago.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "strata/flow.h"
#include "flowtab.h"

#define SIDE0	4096		/* blocks at first: 320 KiB */
#define SCAN	32

struct side {
	uint64_t	 owner;		/* tag << 24 | chk; 0: free */
	uint32_t	 used;		/* packet last used; free: next + 1 */
	uint32_t	 done;		/* its conversation closed */
	_Alignas(8) unsigned char user[ST_FLOW_SIDE];
};

_Static_assert(sizeof(struct side) == 80, "a side block is 80 bytes");

/* The name of the conversation in slot v of the table. */
static uint64_t
owner_of(const struct st_flows *t, size_t v)
{
	return (uint64_t)t->bucket[v / WAYS].tag[v % WAYS] << 24 |
	    t->ent[v].chk;
}

/* Slot v's block if it is still its own, else NULL. */
static struct side *
own_block(const struct st_flows *t, size_t v)
{
	uint32_t s = t->ent[v].side;

	if (s == 0 || s > t->sidetop || t->side[s - 1].owner !=
	    owner_of(t, v))
		return NULL;
	return &t->side[s - 1];
}

void
flowside_free(struct st_flows *t)
{
	flowtab_free(t->side, t->nside * sizeof(struct side));
	t->side = NULL;
	t->nside = t->sidetop = t->sidefree = t->sidehand = 0;
}

/* Slot v's conversation leaves the table: its block is free. */
void
flowside_drop(struct st_flows *t, size_t v)
{
	struct side *s = own_block(t, v);

	if (s == NULL)
		return;
	s->owner = 0;
	s->used = (uint32_t)t->sidefree;
	t->sidefree = (size_t)(s - t->side) + 1;
	t->ent[v].side = 0;
}

/* Doubles the blocks (their numbers stay); -1: no memory. */
static int
side_grow(struct st_flows *t)
{
	size_t n = t->nside == 0 ? SIDE0 : t->nside * 2;
	struct side *s;

	if (n > ST_FLOW_SIDEMAX)
		n = ST_FLOW_SIDEMAX;
	if ((s = flowtab_alloc(n * sizeof(*s))) == NULL)
		return -1;
	if (t->side != NULL) {
		memcpy(s, t->side, t->sidetop * sizeof(*s));
		flowtab_free(t->side, t->nside * sizeof(*s));
	}
	t->side = s;
	t->nside = n;
	return 0;
}

/* All blocks in use and no more to make: the one to take (see above). */
static size_t
side_victim(struct st_flows *t, uint32_t now)
{
	size_t i, h, v = t->sidehand % t->sidetop;
	uint32_t oldest = 0, d;

	for (i = 0; i < SCAN; i++) {
		h = (t->sidehand + i) % t->sidetop;
		if (t->side[h].done) {
			v = h;
			break;
		}
		if ((d = now - t->side[h].used) > oldest) {
			oldest = d;
			v = h;
		}
	}
	if (i == SCAN && oldest < ST_FLOW_IDLE)
		t->sidelost++;
	t->sidehand = v + 1;
	return v;
}

/* A block for a conversation: a free one, a new one, or one taken. */
static struct side *
side_take(struct st_flows *t, uint32_t now)
{
	size_t v;

	if (t->sidefree != 0) {
		v = t->sidefree - 1;
		t->sidefree = t->side[v].used;
		return &t->side[v];
	}
	if (t->sidetop == t->nside && t->nside < ST_FLOW_SIDEMAX &&
	    side_grow(t) != 0)
		return NULL;
	if (t->sidetop < t->nside)
		return &t->side[t->sidetop++];
	return &t->side[side_victim(t, now)];
}

void *
st_flow_side(struct st_flows *t, struct st_flowent *c, uint64_t now,
    int *fresh)
{
	size_t v = (size_t)(c - t->ent);
	struct side *s;

	if ((s = own_block(t, v)) != NULL) {
		s->used = (uint32_t)now;
		*fresh = 0;
		return s->user;
	}
	*fresh = c->side != 0 ? 2 : 1;
	if ((s = side_take(t, (uint32_t)now)) == NULL)
		return NULL;
	s->owner = owner_of(t, v);
	s->used = (uint32_t)now;
	s->done = 0;
	memset(s->user, 0, sizeof(s->user));
	c->side = (uint32_t)(s - t->side) + 1;
	return s->user;
}

void
st_flow_side_done(struct st_flows *t, struct st_flowent *c)
{
	struct side *s = own_block(t, (size_t)(c - t->ent));

	if (s != NULL)
		s->done = 1;
}

size_t
st_flows_sides(const struct st_flows *t, uint64_t *lost)
{
	size_t n = 0, i;

	if (lost != NULL)
		*lost = t != NULL ? t->sidelost : 0;
	if (t == NULL)
		return 0;
	for (i = 0; i < t->sidetop; i++)
		n += t->side[i].owner != 0;
	return n;
}
