/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The capture file's writer thread.  The reading loop formats records
 * into chunks in memory (through a stdio stream whose writes land in the
 * current chunk) and hands full chunks over; the thread writes them.  So
 * the loop never waits for the disk unless every chunk is full (64 MiB
 * behind).  A write that fails leaves the file cut after its last whole
 * record: whatever was written stays readable.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strata/capture.h"
#include "strata/net.h"

#define CHUNK		(1024 * 1024)
#define CHUNK_ROOM	(CHUNK - 300 * 1024)	/* a record always fits */
#define NBOUND		8192
#define MAXCHUNKS	64

struct chunk {
	struct chunk	*next;
	size_t		 used;
	size_t		 nb;			/* record ends in buf */
	uint32_t	 bound[NBOUND];
	uint8_t		 buf[CHUNK];
};

struct st_capw {
	int		 fd;
	FILE		*fp;
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct chunk	*cur;
	struct chunk	*full, **tail;		/* to write, in order */
	struct chunk	*free;
	int		 nchunks;
	int		 ending;
	int		 err;
	off_t		 off;			/* bytes in the file */
};

static ssize_t
cookie_write(void *arg, const char *buf, size_t n)
{
	struct st_capw *w = arg;

	if (w->cur->used + n > CHUNK) {
		errno = EFBIG;
		return -1;
	}
	memcpy(w->cur->buf + w->cur->used, buf, n);
	w->cur->used += n;
	return (ssize_t)n;
}

static int
cookie_close(void *arg)
{
	(void)arg;
	return 0;
}

/* A chunk to fill: a free one, a new one, or wait for one. */
static struct chunk *
take(struct st_capw *w)
{
	struct chunk *c;

	pthread_mutex_lock(&w->mu);
	while (w->free == NULL && w->nchunks >= MAXCHUNKS && w->err == 0)
		pthread_cond_wait(&w->cv, &w->mu);
	if ((c = w->free) != NULL)
		w->free = c->next;
	pthread_mutex_unlock(&w->mu);
	if (c == NULL && (c = malloc(sizeof(*c))) != NULL)
		w->nchunks++;
	if (c != NULL) {
		c->used = 0;
		c->nb = 0;
		c->next = NULL;
	}
	return c;
}

static void
hand_over(struct st_capw *w)
{
	pthread_mutex_lock(&w->mu);
	*w->tail = w->cur;
	w->tail = &w->cur->next;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	w->cur = NULL;
}

/* Writes c; on failure cuts the file after its last whole record. */
static int
write_chunk(struct st_capw *w, struct chunk *c)
{
	size_t done = 0, keep = 0, i;
	ssize_t k;
	int e;

	while (done < c->used) {
		if ((k = write(w->fd, c->buf + done, c->used - done)) < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			for (i = 0; i < c->nb && c->bound[i] <= done; i++)
				keep = c->bound[i];
			if (ftruncate(w->fd, w->off + (off_t)keep) != 0)
				(void)0;	/* the tail stays cut short */
			errno = e;
			return -1;
		}
		done += (size_t)k;
	}
	w->off += (off_t)c->used;
	return 0;
}

static void *
writer(void *arg)
{
	struct st_capw *w = arg;
	struct chunk *c;
	int err = 0;

	st_sandbox_enter();	/* this thread too: no new files or sockets */
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->full == NULL && !w->ending)
			pthread_cond_wait(&w->cv, &w->mu);
		if ((c = w->full) == NULL)
			break;
		if ((w->full = c->next) == NULL)
			w->tail = &w->full;
		pthread_mutex_unlock(&w->mu);
		if (err == 0 && write_chunk(w, c) != 0)
			err = errno != 0 ? errno : EIO;
		pthread_mutex_lock(&w->mu);
		if (err != 0 && w->err == 0)
			w->err = err;
		c->next = w->free;
		w->free = c;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

struct st_capw *
st_capw_start(int fd)
{
	static const cookie_io_functions_t io = { NULL, cookie_write, NULL,
		cookie_close };
	struct st_capw *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	w->fd = fd;
	w->tail = &w->full;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if ((w->cur = take(w)) == NULL ||
	    (w->fp = fopencookie(w, "w", io)) == NULL)
		goto fail;
	setvbuf(w->fp, NULL, _IONBF, 0);	/* each write into the chunk */
	if ((errno = pthread_create(&w->th, NULL, writer, w)) != 0) {
		fclose(w->fp);
		goto fail;
	}
	return w;
fail:
	free(w->cur);
	free(w);
	return NULL;
}

FILE *
st_capw_fp(struct st_capw *w)
{
	return w->fp;
}

void
st_capw_mark(struct st_capw *w)
{
	struct chunk *c = w->cur;

	if (c == NULL)
		return;
	c->bound[c->nb++] = (uint32_t)c->used;
	if (c->used >= CHUNK_ROOM || c->nb == NBOUND) {
		hand_over(w);
		w->cur = take(w);	/* NULL: out of memory, err set */
		if (w->cur == NULL) {
			pthread_mutex_lock(&w->mu);
			if (w->err == 0)
				w->err = ENOMEM;
			pthread_mutex_unlock(&w->mu);
		}
	}
}

int
st_capw_err(struct st_capw *w)
{
	int e;

	pthread_mutex_lock(&w->mu);
	e = w->err;
	pthread_mutex_unlock(&w->mu);
	return e;
}

int
st_capw_end(struct st_capw *w)
{
	struct chunk *c;
	int e;

	fflush(w->fp);
	if (w->cur != NULL)
		hand_over(w);
	pthread_mutex_lock(&w->mu);
	w->ending = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->th, NULL);
	fclose(w->fp);
	while ((c = w->free) != NULL) {
		w->free = c->next;
		free(c);
	}
	e = w->err;
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w);
	if (e != 0) {
		errno = e;
		return -1;
	}
	return 0;
}
