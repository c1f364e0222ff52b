/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata replay's library part: the pace of a capture's timestamps and
 * the bounded history of what was shown (see strata/replay.h).
 */
#include <stdlib.h>
#include <string.h>

#include "strata/replay.h"

void
st_pace_init(struct st_pace *p, double speed, double cap)
{
	memset(p, 0, sizeof(*p));
	p->speed = speed;
	p->cap = cap;
}

double
st_pace_wait(struct st_pace *p, const struct timespec *ts, double *silence)
{
	double gap, wait;

	*silence = 0;
	if (!p->have_prev) {
		p->prev = *ts;
		p->have_prev = 1;
		return 0;
	}
	gap = (double)(ts->tv_sec - p->prev.tv_sec) +
	    (double)(ts->tv_nsec - p->prev.tv_nsec) / 1e9;
	/* A record out of order moves nothing back: the next waits from it. */
	p->prev = *ts;
	if (!(gap > 0) || !(p->speed > 0))
		return 0;
	wait = gap / p->speed;
	if (wait > p->cap) {
		*silence = gap;
		wait = p->cap;
	}
	return wait;
}

int
st_hist_init(struct st_history *h, size_t max)
{
	memset(h, 0, sizeof(*h));
	if (max == 0)
		max = 1;
	if ((h->ent = calloc(max, sizeof(*h->ent))) == NULL)
		return -1;
	h->max = max;
	return 0;
}

int
st_hist_push(struct st_history *h, const struct st_record *rec)
{
	struct st_hist_ent *e = &h->ent[h->last % h->max];
	uint8_t *b;

	if ((b = malloc(rec->caplen > 0 ? rec->caplen : 1)) == NULL)
		return -1;
	memcpy(b, rec->data, rec->caplen);
	free(e->bytes);		/* the oldest kept gives way */
	e->bytes = b;
	e->rec = *rec;
	e->rec.data = b;
	e->seq = ++h->last;
	return 0;
}

const struct st_record *
st_hist_get(const struct st_history *h, unsigned long long seq)
{
	const struct st_hist_ent *e;

	if (seq == 0 || seq > h->last || h->ent == NULL)
		return NULL;
	e = &h->ent[(seq - 1) % h->max];
	return e->seq == seq ? &e->rec : NULL;
}

void
st_hist_free(struct st_history *h)
{
	size_t i;

	if (h->ent == NULL)
		return;
	for (i = 0; i < h->max; i++)
		free(h->ent[i].bytes);
	free(h->ent);
	h->ent = NULL;
}

int
st_step_init(struct st_step *s, size_t max)
{
	s->cur = 0;
	return st_hist_init(&s->h, max);
}

enum st_step_do
st_step_next(struct st_step *s, const struct st_record **rec)
{
	/* Every seq after one kept is kept: forward never finds a gap. */
	if (s->cur < s->h.last &&
	    (*rec = st_hist_get(&s->h, s->cur + 1)) != NULL) {
		s->cur++;
		return ST_STEP_SHOW;
	}
	return ST_STEP_READ;
}

enum st_step_do
st_step_back(struct st_step *s, const struct st_record **rec)
{
	if (s->cur <= 1)
		return ST_STEP_FIRST;
	if ((*rec = st_hist_get(&s->h, s->cur - 1)) == NULL)
		return ST_STEP_GONE;
	s->cur--;
	return ST_STEP_SHOW;
}

int
st_step_add(struct st_step *s, const struct st_record *rec)
{
	if (st_hist_push(&s->h, rec) != 0)
		return -1;
	s->cur = s->h.last;
	return 0;
}

const struct st_record *
st_step_cur(const struct st_step *s)
{
	return st_hist_get(&s->h, s->cur);
}

void
st_step_free(struct st_step *s)
{
	st_hist_free(&s->h);
}
