/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What should come back: before `send` or `ping` puts a packet on the
 * wire, a prediction read from its decoded model (an echo reply with this
 * id and seq, a time exceeded from hop N, a port unreachable, a SYN-ACK or
 * a RST); after, whether the reply (or its absence) bore it out.
 */
#ifndef STRATA_PREDICT_H
#define STRATA_PREDICT_H

#include <stddef.h>

#include "strata/model.h"
#include "strata/proto.h"

/* The outcomes (ST_OUT_*) and enum st_listen are in strata/proto.h: the
 * protocols' probe hooks speak them. */

struct st_prediction {
	unsigned	 expect;	/* ST_OUT_* set */
	unsigned	 primary;	/* the part of it that the text expects;
					   off this host, silence, time exceeded
					   and unreachables are allowed for too */
	char		 text[512];	/* what to print before sending */
};

/*
 * Predicts the answer to the decoded packet sent.  listening says whether
 * a socket on this host owns its destination port (ST_LISTEN_UNKNOWN when
 * the destination is not this host, or for a dry run).
 */
void	st_predict(const struct st_packet *sent, enum st_listen listening,
	    struct st_prediction *p);

/* The outcome got is (NULL: nothing came back), one ST_OUT_* bit. */
unsigned st_outcome(const struct st_packet *got);

/*
 * Writes whether got (NULL: nothing within the wait) bore p out, one line
 * without a newline, e.g. "as predicted: an echo reply".
 */
void	st_predict_check(const struct st_prediction *p,
	    const struct st_packet *got, char *out, size_t n);

/*
 * Whether a socket of this host is bound to port (proto 6 or 17, fam 4 or
 * 6), from /proc/net: ST_LISTEN_UNKNOWN when it cannot be read.
 */
enum st_listen st_port_listening(int proto, int fam, unsigned port);

#endif /* STRATA_PREDICT_H */
