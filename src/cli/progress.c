/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A progress bar on stderr for long reads: bytes read against the file's
 * size and packets per second, redrawn at most ten times a second, and
 * wiped when the work is done.  Drawn only when stderr is a terminal that
 * the output is not going to (the packets would tear it), only for regular
 * files, and only after half a second (STRATA_PROGRESS_AFTER seconds):
 * short work never flashes one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void	tick(void *arg, unsigned long long num);

void
st_progress_start(struct st_progress *pg, struct st_reader *r, int quiet)
{
	struct stat st;
	FILE *fp = st_reader_file(r);
	const char *name = r->name;
	const char *env;

	pg->on = 0;
	pg->drawn = 0;
	pg->packets = 0;
	pg->name = name;
	pg->size = 0;
	pg->fp = fp;
	if (quiet || fp == NULL || !isatty(STDERR_FILENO) ||
	    isatty(STDOUT_FILENO) || fstat(fileno(fp), &st) != 0 ||
	    !S_ISREG(st.st_mode) || st.st_size <= 0)
		return;
	pg->size = (double)st.st_size;
	pg->t0 = now();
	pg->last = 0;
	pg->after = 0.5;
	if ((env = getenv("STRATA_PROGRESS_AFTER")) != NULL)
		pg->after = strtod(env, NULL);
	pg->on = 1;
	r->tick = tick;
	r->tick_arg = pg;
}

/* Every ST_READER_TICK packets read: redraws, ten times a second. */
static void
tick(void *arg, unsigned long long num)
{
	struct st_progress *pg = arg;
	double t = now(), done, rate;
	long pos;
	int i, w = 30, fill;

	if (!pg->on)
		return;
	pg->packets = (unsigned long)num;
	if (t - pg->last < 0.1 || t - pg->t0 < pg->after)
		return;
	pg->last = t;
	if ((pos = ftell(pg->fp)) < 0)
		return;
	done = (double)pos / pg->size;
	if (done > 1)
		done = 1;
	rate = (double)pg->packets / (t - pg->t0);
	fill = (int)(done * w);
	fputs("\r[", stderr);
	for (i = 0; i < w; i++)
		fputc(i < fill ? '#' : '.', stderr);
	fprintf(stderr, "] %3.0f%%  %.0f of %.0f MB  %.0fk packets/s  %s\033[K",
	    done * 100, (double)pos / 1e6, pg->size / 1e6, rate / 1e3,
	    pg->name);
	fflush(stderr);
	pg->drawn = 1;
}

void
st_progress_end(struct st_progress *pg)
{
	if (pg->on && pg->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pg->on = 0;
}
