/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The conversations table's insides, shared by its three files and no
 * other: flow.c (keys and the table), flowonce.c (first sightings) and
 * flowside.c (the side blocks).  See strata/flow.h for what it does.
 */
#ifndef STRATA_MODEL_FLOWTAB_H
#define STRATA_MODEL_FLOWTAB_H

#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strata/flow.h"

#define WAYS	16
#define NB0	256		/* buckets at first: 4,096 conversations
				   (144 KiB, touched only as they are used) */
#define CACHE	65536		/* numbers kept by key: 1 MiB */

struct bucket {
	_Alignas(64) uint32_t tag[WAYS];	/* 0: free */
};

_Static_assert(sizeof(struct st_flowent) == 36,
    "a conversation is 36 bytes, 40 with its tag");
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
	struct side	*side;		/* side blocks, made on first use */
	size_t		 nside;		/* made */
	size_t		 sidetop;	/* handed out at least once */
	size_t		 sidefree;	/* the first free one + 1; 0: none */
	size_t		 sidehand;	/* where the search for room goes on */
	uint64_t	 sidelost;	/* taken from a conversation going */
	struct slot {
		uint64_t	 key;
		uint32_t	 val;
	}		*cache;		/* CACHE slots, made on first use */
	uint64_t	 memo_num;	/* what memo[] holds: 0 nothing */
	uint32_t	 memo_tag;
	_Alignas(16) unsigned char memo[ST_FLOW_MEMO];
};

/* The tag (never 0) and chk of a key's hash h. */
#define TAG_OF(h)	((uint32_t)((h) >> 32) | 1)
#define CHK_OF(h)	((uint32_t)(h) & 0xffffff)

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

void	*flowtab_alloc(size_t n);
void	 flowtab_free(void *p, size_t n);
uint64_t flowtab_hash(const uint8_t *key);
void	 flowonce_free(struct st_flows *t);
void	 flowside_drop(struct st_flows *t, size_t slot);
void	 flowside_free(struct st_flows *t);

#endif /* STRATA_MODEL_FLOWTAB_H */
