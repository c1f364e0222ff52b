/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Decoding a reader's records on two threads when that is faster: this
 * thread reads and shows, a second decodes, through a ring of slots; the
 * packets come out in order, exactly as on one thread (src/decode/ring.c).
 */
#ifndef STRATA_RING_H
#define STRATA_RING_H

#include "strata/model.h"
#include "strata/reader.h"

/* What is done with each decoded packet, in order, on this thread. */
struct st_ring_sink {
	void	(*show)(void *arg, struct st_packet *pkt);
	int	(*done)(void *arg);	/* nonzero: stop now */
	void	*arg;
	int	 lite;			/* decode the main fields only */
};

/*
 * Reads every record of r that passes its filter (at most `most`, 0: all),
 * decodes each into a packet numbered as r numbers it, and hands it to the
 * sink, until the end, the error (r->rc -1) or done.  On two threads when
 * the machine has two processors, STRATA_THREADS is not 0 and r is not
 * standard input; else on this one.
 */
void	st_ring_decode(struct st_reader *r, unsigned long long most,
	    const struct st_ring_sink *sink);

/*
 * The same, on two threads always (timed against one, see ring.c).
 * Returns 0, or -1 with nothing read when it could not start a thread.
 */
int	st_ring_run(struct st_reader *r, unsigned long long most,
	    const struct st_ring_sink *sink);

#endif /* STRATA_RING_H */
