/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Conversations (src/model/flow.c): the one two-way key of a packet's
 * conversation, and the one bounded table of conversations.
 *
 * The key is built from the descriptors' ends (struct st_proto.ends): the
 * source and destination addresses of a network layer and the ports of a
 * transport layer, whichever protocols they are.  Both directions give the
 * same key (the smaller end first); the key says which way a packet goes.
 *
 * The table stores, per conversation and direction, the first value seen
 * and the frame it came in, and nothing about what the value means: TCP's
 * relative sequence numbers are one user of it.  It knows no protocol.
 */
#ifndef STRATA_FLOW_H
#define STRATA_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "strata/model.h"

#define ST_FLOW_KEYLEN	40	/* address length, A, B, port A, port B,
				   zero padding to whole 8-byte words */
#define ST_FLOW_KEYUSED	37	/* the bytes before the padding */

/*
 * A conversation: b[0] the address length (4 or 16), b[1..16] address A,
 * b[17..32] address B, b[33..34] port A, b[35..36] port B (big-endian),
 * the rest zero.  A is the smaller end.
 */
struct st_flowkey {
	uint8_t		 b[ST_FLOW_KEYLEN];
};

/*
 * The fields of layer ly that its descriptor names as its ends (source
 * and destination), found in one pass: 0, or -1 when the protocol has no
 * ends or a field is missing (e[] then partly NULL).
 */
int	st_flow_ends(const struct st_packet *pkt, const struct st_layer *ly,
	    const struct st_field *e[2]);

/*
 * The key of the conversation between addresses addr[0] -> addr[1] and
 * ports port[0] -> port[1] (port NULL: no ports, both 0).  Returns the
 * packet's direction in it (0: from A to B, 1: from B to A), or -1 when
 * the addresses are missing or not of one length up to 16 bytes.
 */
int	st_flow_key(const struct st_packet *pkt,
	    const struct st_field *const addr[2],
	    const struct st_field *const port[2], struct st_flowkey *k);

/* The same from the network layer net and transport layer tl (NULL: no
 * ports). */
int	st_flow_key_of(const struct st_packet *pkt, const struct st_layer *net,
	    const struct st_layer *tl, struct st_flowkey *k);

/* The same from raw addresses (n bytes each) and ports (user input). */
int	st_flow_key_raw(const uint8_t *a, const uint8_t *b, size_t n,
	    uint16_t pa, uint16_t pb, struct st_flowkey *k);

static inline size_t
st_flow_alen(const struct st_flowkey *k)
{
	return k->b[0];
}

/* Side 0 (A) or 1 (B) of the key. */
static inline const uint8_t *
st_flow_addr(const struct st_flowkey *k, int side)
{
	return k->b + (side ? 17 : 1);
}

static inline unsigned
st_flow_port(const struct st_flowkey *k, int side)
{
	return (unsigned)k->b[side ? 35 : 33] << 8 | k->b[side ? 36 : 34];
}

/*
 * One conversation in the table: 36 bytes, with its 4-byte tag in its
 * bucket 40 in all.  The table keeps no key, only 55 bits of its hash (the
 * bucket's tag and chk here), from which it also chooses the buckets, so
 * that it grows without keys.  Two keys of one hash would share an entry:
 * with a million conversations, one key in 2^50 lookups, a wrong relative
 * number then.  Per direction, the first value seen and the frame it came
 * in (what relative numbers need); then 8 bytes of a protocol's own
 * (user[], zero when made), which the table neither reads nor knows, and
 * the side block that holds the rest of its state (st_flow_side below).
 * state holds the table's ST_FLOW_* bits and, from ST_FLOW_USER up, six
 * bits its user's.
 */
struct st_flowent {
	uint32_t	 chk:24;	/* the table's: more bits of the hash */
	uint32_t	 state:8;	/* ST_FLOW_*, and the user's bits */
	uint32_t	 age;		/* the table's: packet last seen */
	uint32_t	 frame[2];	/* the frame first[] came in, each way */
	uint32_t	 first[2];	/* the first value seen each way */
	uint32_t	 side;		/* the table's: its side block + 1 */
	uint8_t		 user[8];
};
#define ST_FLOW_CLOSED	0x01	/* set by its user: ended, may make room
				   first */
#define ST_FLOW_LATE	0x02	/* made while conversations still going
				   had been made room for: this one may be
				   one of them, seen again */
#define ST_FLOW_USER	0x04	/* the lowest of the user's bits */

struct st_flows;

/*
 * The conversation of key k, found or made (the table itself is made on
 * first use in *tp); now is the packet's number.  *made says it was made
 * for this packet and so holds only its key (and state): the caller then
 * only writes it.  NULL when out of memory.
 *
 * Room is made, when a key's bucket is full, from a closed conversation,
 * else from one idle (not seen for ST_FLOW_IDLE packets); else the table
 * grows, up to ST_FLOW_MAX conversations; only then does a conversation
 * still going make room (the one seen longest ago), and those made after
 * that are marked ST_FLOW_LATE.
 */
#define ST_FLOW_IDLE	(1u << 22)
#define ST_FLOW_MAX	(1536u * 1024)
struct st_flowent *st_flow_get(struct st_flows **tp,
	    const struct st_flowkey *k, uint64_t now, int *made);

/*
 * A conversation seen once so far need not cost a whole entry: most of a
 * busy capture's conversations are one packet (scans, the benchmark's
 * random ports), and tcpdump's and tshark's tables grow by a whole
 * connection's state for each.  Their user keeps ST_FLOW_ONCE bytes for
 * such a first sighting instead (32 in all with the table's own), from
 * which it makes the entry if the conversation is seen again.
 *
 * st_flow_find: the entry of key k if the table holds one (its age now
 * brought to now), else NULL; the table made on first use.
 * st_flow_once: the ST_FLOW_ONCE bytes kept for k's first sighting, with
 * *when its packet number: 0 when there was none, the bytes then made for
 * this packet (zero) for the caller to fill.  NULL when out of memory.
 * st_flow_once_drop: frees them (the conversation now has its entry).
 * Room is made and the store grows as the table does, up to
 * ST_FLOW_ONCEMAX; one made room for while still going counts as evicted.
 */
#define ST_FLOW_ONCE	20
#define ST_FLOW_ONCEMAX	(2048u * 1024)
struct st_flowent *st_flow_find(struct st_flows **tp,
	    const struct st_flowkey *k, uint64_t now);
uint8_t	*st_flow_once(struct st_flows **tp, const struct st_flowkey *k,
	    uint64_t now, uint64_t *when);
void	st_flow_once_drop(struct st_flows *t, uint8_t *once);

/*
 * Most of a conversation's state need not be kept for every conversation
 * at once: a side block of ST_FLOW_SIDE bytes holds it (TCP's analysis),
 * up to ST_FLOW_SIDEMAX blocks, so that a million conversations going at
 * once cost 40 bytes each and 20 MiB of blocks, not a block each.
 * st_flow_side: the block of conversation c (as st_flow_get or
 * st_flow_find just returned it; now its packet), made if it has none:
 * *fresh 0 when found, 1 when made (zero), 2 when made again because its
 * block had to make room for another conversation's (what it held is
 * lost).  Room is made from a closed conversation's block, else an idle
 * one's, else the one used longest ago.  NULL when out of memory.
 * st_flow_side_done: c is closed, its block may make room first.
 */
#define ST_FLOW_SIDE	64
#define ST_FLOW_SIDEMAX	(256u * 1024)
void	*st_flow_side(struct st_flows *t, struct st_flowent *c, uint64_t now,
	    int *fresh);
void	st_flow_side_done(struct st_flows *t, struct st_flowent *c);

/* Conversations the table holds, can hold now, and those still going it
 * made room for. */
size_t	st_flows_count(const struct st_flows *t, size_t *cap,
	    uint64_t *evicted);

/* Side blocks in use, and those taken from a conversation still going. */
size_t	st_flows_sides(const struct st_flows *t, uint64_t *lost);

/* A few counters a user of the table keeps for the whole capture (zero
 * when made), or NULL when no table was made. */
#define ST_FLOW_NCOUNT	8
uint64_t *st_flows_counters(struct st_flows *t);

/* Makes the table in *tp if it is not made yet: *tp, or NULL when out of
 * memory. */
struct st_flows *st_flows_make(struct st_flows **tp);

/*
 * The table keeps one result of its user's for one packet (num, and tag
 * for which part of it), so that several views asking about one packet
 * change the state once: returns ST_FLOW_MEMO bytes, *hit saying they
 * hold what was kept for (num, tag); else they are the caller's to fill,
 * kept for (num, tag) from now on.  NULL when no table was made.
 */
#define ST_FLOW_MEMO	128
void	*st_flows_memo(struct st_flows *t, uint64_t num, uint32_t tag,
	    int *hit);

/*
 * A bounded cache of numbers by 64-bit key (0 is no key), beside the
 * table, for what a user would otherwise keep a list of (TCP: which frame
 * sent the segment starting at a sequence number): st_flows_put keeps val
 * under key, unless keep and key is there already; st_flows_find returns
 * it, or 0 once it was pushed out (by a key of the same slot).
 */
void	st_flows_put(struct st_flows *t, uint64_t key, uint32_t val,
	    int keep);
uint32_t st_flows_find(const struct st_flows *t, uint64_t key);

/* Frees the table in *tp (NULL then). */
void	st_flows_free(struct st_flows **tp);

#endif /* STRATA_FLOW_H */
