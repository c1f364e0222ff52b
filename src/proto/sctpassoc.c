/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCTP's associations as Wireshark numbers their TSNs (relative TSNs, on
 * by default): per association (addresses and ports) and direction, the
 * first TSN seen, an INIT's or INIT ACK's initial TSN or else the first
 * DATA chunk's.  One bounded table (the oldest entry reused), emptied
 * when frame numbers start again (a new capture).
 */
#include <pthread.h>
#include <string.h>

#include "strata/flow.h"
#include "sctpassoc.h"

#define SCTP_ASSOCS	64	/* associations followed at once */

struct sassoc {
	struct st_flowkey k;
	uint32_t	 base[2];	/* each direction's first TSN */
	uint8_t		 has[2];
};

static struct sassoc assocs[SCTP_ASSOCS];
static unsigned nassoc;
static uint64_t last_num;
static pthread_mutex_t assoc_lock = PTHREAD_MUTEX_INITIALIZER;

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
void
sctp_assoc_forget(void)
{
	pthread_mutex_lock(&assoc_lock);
	last_num = UINT64_MAX;
	pthread_mutex_unlock(&assoc_lock);
}

/* Locked: association k, found or made. */
static struct sassoc *
assoc_get(const struct st_flowkey *k)
{
	unsigned i, lo = nassoc > SCTP_ASSOCS ? nassoc - SCTP_ASSOCS : 0;
	struct sassoc *a;

	for (i = nassoc; i > lo; i--)
		if (memcmp(&assocs[(i - 1) % SCTP_ASSOCS].k, k,
		    sizeof(*k)) == 0)
			return &assocs[(i - 1) % SCTP_ASSOCS];
	a = &assocs[nassoc++ % SCTP_ASSOCS];
	memset(a, 0, sizeof(*a));
	a->k = *k;
	return a;
}

int
sctp_assoc_rel(const struct st_dctx *d, const struct st_layer *top,
    int rev, int setbase, uint32_t tsn, uint32_t *rel)
{
	const struct st_layer *net;
	struct st_flowkey k;
	struct sassoc *a;
	int dir, rc = -1;

	if (top == NULL || (net = st_dbelow(d->pkt, top)) == NULL ||
	    (dir = st_flow_key_of(d->pkt, net, top, &k)) < 0)
		return -1;
	dir ^= rev;
	pthread_mutex_lock(&assoc_lock);
	if (d->pkt->num < last_num || (d->pkt->num == 1 && last_num != 1))
		nassoc = 0;
	last_num = d->pkt->num;
	a = assoc_get(&k);
	if (setbase && !a->has[dir]) {
		a->has[dir] = 1;
		a->base[dir] = tsn;
	}
	if (a->has[dir]) {
		*rel = tsn - a->base[dir];
		rc = 0;
	}
	pthread_mutex_unlock(&assoc_lock);
	return rc;
}
