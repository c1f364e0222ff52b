/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small table of conversations' states, for a decoder that reads a
 * segment by what came before it in its conversation, one pass in frame
 * order as Wireshark's (BEEP's sizes and MIME flags, rsync's places):
 * each state is found by the conversation's key, made zero when new, and
 * put back as it was at the frame's start when the same frame is decoded
 * again.  The oldest conversation makes room; the table empties when the
 * frame numbers start again (frame 1, or a number going back: a new
 * capture) or after forget().  Decoding may run on a second thread, so
 * the state is used between enter() and leave(), under the table's lock.
 * Included by the decoders that keep such a table (beep.c, rsync.c).
 */
#ifndef STRATA_PROTO_CONVTAB_H
#define STRATA_PROTO_CONVTAB_H

#include <pthread.h>
#include <string.h>

#include "strata/flow.h"
#include "fields.h"

#define ST_CONVSTATE	16	/* bytes of one conversation's state */

struct st_convslot {
	struct st_flowkey k;
	uint64_t	 frame;		/* the frame that last began here */
	uint8_t		 now[ST_CONVSTATE];
	uint8_t		 start[ST_CONVSTATE];	/* at that frame's start */
};

struct st_convtab {
	pthread_mutex_t	 lock;
	uint64_t	 last_num;
	unsigned	 n;		/* conversations opened */
	unsigned	 cap;
	struct st_convslot *slot;
};

/* A table over the array a of struct st_convslot. */
#define ST_CONVTAB(a) \
	{ PTHREAD_MUTEX_INITIALIZER, UINT64_MAX, 0, \
	  sizeof(a) / sizeof((a)[0]), (a) }

/* For a new capture: the next frame empties the table. */
static inline void
st_convtab_forget(struct st_convtab *t)
{
	pthread_mutex_lock(&t->lock);
	t->last_num = UINT64_MAX;
	pthread_mutex_unlock(&t->lock);
}

/*
 * Locks t and returns the state of the conversation of layer d->ly (the
 * transport and network layers below it), or NULL, unlocked, when it has
 * none.  The caller moves the state on and calls st_convtab_leave().
 */
static inline void *
st_convtab_enter(struct st_convtab *t, const struct st_dctx *d)
{
	const struct st_layer *tl, *net;
	struct st_convslot *s;
	struct st_flowkey k;
	unsigned i, lo;

	if ((tl = st_dbelow(d->pkt, d->ly)) == NULL ||
	    tl->proto->role != ST_ROLE_TRANSPORT ||
	    (net = st_dbelow(d->pkt, tl)) == NULL ||
	    st_flow_key_of(d->pkt, net, tl, &k) < 0)
		return NULL;
	pthread_mutex_lock(&t->lock);
	if (d->pkt->num < t->last_num || d->pkt->num == 1)
		t->n = 0;
	t->last_num = d->pkt->num;
	lo = t->n > t->cap ? t->n - t->cap : 0;
	for (i = t->n; i > lo; i--)
		if (memcmp(&t->slot[(i - 1) % t->cap].k, &k, sizeof(k)) == 0)
			break;
	if (i-- == lo) {
		i = t->n++;
		s = &t->slot[i % t->cap];
		memset(s, 0, sizeof(*s));
		s->k = k;
		s->frame = UINT64_MAX;
	}
	s = &t->slot[i % t->cap];
	if (s->frame == d->pkt->num)		/* decoded again */
		memcpy(s->now, s->start, sizeof(s->now));
	else {
		s->frame = d->pkt->num;
		memcpy(s->start, s->now, sizeof(s->start));
	}
	return s->now;
}

static inline void
st_convtab_leave(struct st_convtab *t)
{
	pthread_mutex_unlock(&t->lock);
}

#endif
