/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Expected conversations (src/model/expect.c): a decoder that reads, in
 * one conversation, where another will be opened (an FTP reply naming
 * the address and port of a data connection) notes the end that will
 * listen and the protocol it will carry; the decode loop then gives the
 * segments to or from that end to that protocol, whatever the port.
 *
 * One bounded table (ST_EXPECT_MAX entries, the oldest reused), guarded
 * by a mutex: the decode runs packets in order, so what a packet adds is
 * there for the packets after it.  It knows no protocol: the entry's data
 * bytes are the announcing decoder's own.
 */
#ifndef STRATA_EXPECT_H
#define STRATA_EXPECT_H

#include <stddef.h>
#include <stdint.h>

#include "strata/flow.h"

#define ST_EXPECT_MAX	64
#define ST_EXPECT_DATA	96

struct st_proto;
struct st_dctx;

struct st_expect {
	const struct st_proto *proto;	/* what the conversation carries */
	const struct st_proto *transport; /* over which transport */
	uint8_t		 fam;		/* 4 or 6 */
	uint8_t		 addr[16];	/* the end that will listen */
	uint16_t	 port;
	struct st_flowkey owner;	/* the conversation that announced it */
	uint64_t	 frame;		/* the frame that announced it */
	uint8_t		 data[ST_EXPECT_DATA];	/* the announcer's notes */
};

/* Notes e (a copy), replacing an entry for the same end. */
void	st_expect_add(const struct st_expect *e);

/*
 * The entry for the end (fam, addr, port) over transport, copied into
 * *out: 1, or 0 when none.
 */
int	st_expect_find(const struct st_proto *transport, int fam,
	    const uint8_t *addr, uint16_t port, struct st_expect *out);

/* Calls fn on each entry announced by conversation owner, under the
 * lock (fn may change the entry's data, nothing else). */
void	st_expect_each(const struct st_flowkey *owner,
	    void (*fn)(struct st_expect *e, void *arg), void *arg);

/* How many entries the table holds: 0 costs the decode loop nothing. */
unsigned st_expect_count(void);

/* Empties the table (a new capture). */
void	st_expect_clear(void);

/*
 * For a decoder: the conversation of the layer being decoded (its network
 * and transport layers' ends) into *k, with its transport in *transport;
 * returns 0, or -1 when it has none.
 */
int	st_expect_conv(const struct st_dctx *d, struct st_flowkey *k,
	    const struct st_proto **transport);
/* The same, returning the packet's direction in the conversation (0: from
 * the key's first end, 1: towards it), or -1. */
int	st_expect_conv_dir(const struct st_dctx *d, struct st_flowkey *k,
	    const struct st_proto **transport);

/*
 * The entry for either end (destination first) of the conversation of the
 * layer being decoded (a transport layer, or a layer above one), copied
 * into *out: 1, or 0 when none.
 */
int	st_expect_here(const struct st_dctx *d, struct st_expect *out);

/*
 * Claimed conversations: when a content heuristic (not a port) recognised
 * a conversation's protocol, later segments of that conversation, both
 * ways, go to that protocol first, as Wireshark's conversation dissector
 * does: an HTTP body on port 5000, the bytes after an HTTP upgrade.  The
 * protocol's decoder may still refuse them (then the heuristics and data
 * follow).  A bounded table (ST_CLAIM_MAX slots, a later claim taking an
 * earlier one's slot), emptied with the expectations.
 *
 * st_expect_claim: the conversation of the layer being decoded (a
 * transport layer) carries p.  st_expect_claimed: what the conversation
 * of the layer being decoded was claimed for, or NULL.
 */
#define ST_CLAIM_MAX	2048
void	st_expect_claim(const struct st_dctx *d, const struct st_proto *p);
const struct st_proto *st_expect_claimed(const struct st_dctx *d);

#endif
