/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Playing a capture back as if live (strata replay): the pace of its
 * timestamps, and a bounded history of the records shown so that a
 * teacher stepping through them can go back.  Both print nothing.
 */
#ifndef STRATA_REPLAY_H
#define STRATA_REPLAY_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "strata/reader.h"

/*
 * The pace: each record waits for the gap since the one before, divided
 * by speed; a wait longer than cap seconds is cut to cap (a silence
 * skipped).  speed 0: no waiting at all.
 */
struct st_pace {
	double		 speed;
	double		 cap;
	struct timespec	 prev;		/* the record before's time */
	int		 have_prev;
};

void	st_pace_init(struct st_pace *p, double speed, double cap);
/*
 * The seconds to wait before showing a record of time ts (0 for the
 * first, for one earlier than the one before, and at speed 0).  *silence:
 * the capture's gap in seconds when the wait was cut to cap, else 0.
 */
double	st_pace_wait(struct st_pace *p, const struct timespec *ts,
	    double *silence);

/*
 * The last max records shown, bytes copied, by their place in the order
 * shown (1, 2, ...): what going back re-shows.
 */
struct st_hist_ent {
	struct st_record	 rec;		/* data points at bytes */
	uint8_t			*bytes;
	unsigned long long	 seq;	/* place in the order; 0: empty */
};
struct st_history {
	struct st_hist_ent	*ent;
	size_t			 max;
	unsigned long long	 last;	/* the latest seq kept */
};
#define ST_HISTORY_MAX	1000

/* 0, or -1 when out of memory. */
int	st_hist_init(struct st_history *h, size_t max);
/* Keeps a copy of rec as the next in order: 0, or -1 (out of memory). */
int	st_hist_push(struct st_history *h, const struct st_record *rec);
/* The record shown seq-th, or NULL when no longer (or never) kept. */
const struct st_record *st_hist_get(const struct st_history *h,
	    unsigned long long seq);
void	st_hist_free(struct st_history *h);

/*
 * --step's place: the history and the packet on screen (its seq).  Next
 * goes forward through the history after going back, and reads a new
 * record only at its end; back goes one earlier while one is kept.
 */
struct st_step {
	struct st_history	 h;
	unsigned long long	 cur;		/* 0: nothing shown yet */
};
enum st_step_do {
	ST_STEP_SHOW,		/* show *rec again (it was shown before) */
	ST_STEP_READ,		/* read a new record, then st_step_add it */
	ST_STEP_FIRST,		/* back from the first: nothing before */
	ST_STEP_GONE		/* back past what the history keeps */
};
int	st_step_init(struct st_step *s, size_t max);
enum st_step_do st_step_next(struct st_step *s, const struct st_record **rec);
enum st_step_do st_step_back(struct st_step *s, const struct st_record **rec);
/* The new record read and shown, kept: 0, or -1 (out of memory). */
int	st_step_add(struct st_step *s, const struct st_record *rec);
/* The record on screen (NULL before the first). */
const struct st_record *st_step_cur(const struct st_step *s);
void	st_step_free(struct st_step *s);

#endif /* STRATA_REPLAY_H */
