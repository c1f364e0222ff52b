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

/* Outcomes a packet can meet; a prediction is a set of them. */
enum {
	ST_OUT_NONE	 = 1 << 0,	/* nothing comes back */
	ST_OUT_ECHO	 = 1 << 1,	/* echo reply (ICMP or ICMPv6) */
	ST_OUT_TSREPLY	 = 1 << 2,	/* ICMP timestamp reply */
	ST_OUT_TTL	 = 1 << 3,	/* time exceeded in transit */
	ST_OUT_PORT	 = 1 << 4,	/* port unreachable */
	ST_OUT_UNREACH	 = 1 << 5,	/* another destination unreachable */
	ST_OUT_SYNACK	 = 1 << 6,	/* a TCP SYN-ACK */
	ST_OUT_RST	 = 1 << 7,	/* a TCP RST */
	ST_OUT_DATA	 = 1 << 8,	/* a TCP or UDP answer from the port */
	ST_OUT_OTHER	 = 1 << 9	/* anything else */
};

/* Whether something on this host listens on a port. */
enum st_listen { ST_LISTEN_UNKNOWN = -1, ST_LISTEN_NO, ST_LISTEN_YES };

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
