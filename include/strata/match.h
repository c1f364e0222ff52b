/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pending requests (src/model/match.c): a decoder that reads a request
 * whose answer will not repeat what it asked (a Modbus read's address and
 * count of coils, an ONC RPC call's program and procedure) notes it under
 * its conversation and its identifier (a transaction ID, an XID); the
 * decoder of the answer, a later packet of the same conversation with the
 * same identifier, finds the note and decodes as the request said, as
 * Wireshark does on its first pass over a capture.
 *
 * One bounded table (ST_MATCH_MAX entries, the oldest reused; no
 * allocation), guarded by a mutex, emptied when a capture is opened: the
 * decode runs a capture's packets in order, so a request is there for the
 * answers after it.  Of several requests with one identifier (an ID
 * reused), an answer takes the latest one before it.  It knows no
 * protocol: an entry's data bytes are the noting decoder's own.
 */
#ifndef STRATA_MATCH_H
#define STRATA_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "strata/flow.h"

#define ST_MATCH_MAX	256
#define ST_MATCH_DATA	48

struct st_proto;
struct st_dctx;

struct st_match {
	const struct st_proto *proto;	/* whose request */
	struct st_flowkey conv;		/* its conversation (both ways) */
	uint64_t	 id;		/* the protocol's key in it */
	uint64_t	 frame;		/* the request's frame */
	struct timespec	 ts;		/* and its time */
	uint8_t		 data[ST_MATCH_DATA];	/* the decoder's notes */
};

/*
 * Notes request m (a copy): in place of the entry for the same frame
 * (a packet decoded again), else in a free slot, else over the oldest.
 */
void	st_match_add(const struct st_match *m);

/*
 * The latest request of p in conversation conv with identifier id from a
 * frame before frame, copied into *out: 1, or 0 when none.
 */
int	st_match_find(const struct st_proto *p, const struct st_flowkey *conv,
	    uint64_t id, uint64_t frame, struct st_match *out);

/*
 * For a decoder: notes the request of the layer being decoded (its
 * protocol, conversation, frame and time) with identifier id and n bytes
 * of data (at most ST_MATCH_DATA; the rest zero).  Returns 0, or -1 when
 * the layer has no conversation (no transport below it).
 */
int	st_match_note(const struct st_dctx *d, uint64_t id, const void *data,
	    size_t n);

/*
 * For a decoder: the request the layer being decoded answers (same
 * protocol, conversation and identifier, an earlier frame), copied into
 * *out: 1, or 0 when none was seen.
 */
int	st_match_answer(const struct st_dctx *d, uint64_t id,
	    struct st_match *out);

/*
 * The time from the request m to the packet being decoded, as Wireshark
 * writes a relative time ("0.008254000", negative with a '-'), into buf.
 */
void	st_match_delta(const struct st_dctx *d, const struct st_match *m,
	    char *buf, size_t n);

/* How many entries the table holds. */
unsigned st_match_count(void);

/* Empties the table (a new capture). */
void	st_match_clear(void);

#endif
