/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Following one TCP conversation through a capture: its segments, both
 * directions, reassembled and drawn message by message (src/view/follow.c).
 */
#ifndef STRATA_FOLLOW_H
#define STRATA_FOLLOW_H

#include <stddef.h>
#include <stdint.h>

#include "strata/flow.h"
#include "strata/model.h"
#include "strata/view.h"

#define ST_FOLLOW_SEGS	200000		/* segments kept */
#define ST_FOLLOW_BYTES	(64u << 20)	/* payload bytes kept */

/* A conversation seen from one side, A: the conversation's key, and the
 * key's direction from A to B. */
struct st_flow {
	struct st_flowkey key;
	int		 dir;
};

struct st_seg {
	uint64_t	 frame;
	int		 dir;		/* 0: a to b, 1: b to a */
	uint32_t	 seq;
	uint32_t	 len;		/* tcp.len */
	uint32_t	 cap;		/* bytes of it captured */
	size_t		 off;		/* in st_follow.data */
};

struct st_follow {
	struct st_flow	 key;
	struct st_seg	*segs;
	size_t		 nsegs, cap;
	uint8_t		*data;
	size_t		 used, dcap;
	uint32_t	 isn[2];
	int		 has_isn[2];
	uint64_t	 first, last, frames, dropped;
};

/* The conversation pkt belongs to (from its outer IP and TCP); 0 or -1. */
int	st_follow_key(const struct st_packet *pkt, struct st_flow *k);
/* Parses "tcp A:P B:P" (IPv6 as [A]:P); 0, or -1 with why. */
int	st_follow_parse(const char *text, struct st_flow *k, const char **why);
void	st_follow_init(struct st_follow *fw, const struct st_flow *key);
/* Keeps pkt if it belongs; 1 kept, 0 not ours, -1 out of memory. */
int	st_follow_add(struct st_follow *fw, const struct st_packet *pkt);
void	st_follow_free(struct st_follow *fw);
/* Draws the stream: messages, the segments that carried them, gaps. */
void	st_follow_render(struct st_out *o, const struct st_follow *fw,
	    struct st_vctx *v);

#endif
