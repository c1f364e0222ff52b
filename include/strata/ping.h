/*
 * What ping and trace share beyond raw sockets: round-trip statistics with
 * iputils' arithmetic, echo request building, classifying what came back,
 * and the words iputils uses for ICMP errors.
 */
#ifndef STRATA_PING_H
#define STRATA_PING_H

#include <stddef.h>
#include <stdint.h>

#include "strata/craft.h"
#include "strata/model.h"

/*
 * Round-trip times in integer microseconds, as iputils keeps them: two sums
 * and no samples, so mdev = isqrt((sum2 - sum*sum/n) / n) (the population
 * standard deviation).  A sample is clamped to [0, 10^9] us so no reply
 * can overflow the sums.
 */
struct st_rtt {
	uint64_t	n;
	int64_t		min, max;	/* microseconds */
	int64_t		sum;
	__int128	sum2;		/* wide enough for any run */
	int64_t		ewma;		/* x8, as iputils' SIGQUIT line */
};

void	st_rtt_init(struct st_rtt *r);
void	st_rtt_add(struct st_rtt *r, int64_t us);
/* avg and mdev in microseconds (0 with no samples). */
int64_t	st_rtt_avg(const struct st_rtt *r);
int64_t	st_rtt_mdev(const struct st_rtt *r);
/* Writes us as iputils does in "time=": 0.045, 1.23, 12.3, 123. */
void	st_rtt_fmt(char *buf, size_t n, int64_t us);

/* What a received packet is to a ping. */
enum st_echo {
	ST_ECHO_NONE,		/* not ours */
	ST_ECHO_REPLY,		/* echo reply with our id */
	ST_ECHO_ERROR		/* ICMP error quoting our echo request */
};

/*
 * Classifies got for a ping with identifier id to dst (fam 4 or 6).  Sets
 * *seq to the sequence number answered, *ttl to the reply's TTL or hop
 * limit, *icmplen to the ICMP length, and *from to the layer whose source
 * answered (for the address).
 */
enum st_echo st_echo_classify(const struct st_packet *got, int fam,
	    const uint8_t *dst, uint16_t id, uint16_t *seq, unsigned *ttl,
	    size_t *icmplen);

/* The source address of got's outer IP header as text. */
void	st_pkt_src(const struct st_packet *got, char *buf, size_t n);

/*
 * iputils' words for an ICMP error in got ("Time to live exceeded",
 * "Destination Port Unreachable", "Frag needed and DF set (mtu = 1400)").
 */
void	st_icmp_error_text(const struct st_packet *got, char *buf, size_t n);

/* ICMP type and code of the outer ICMP/ICMPv6 layer; -1 if none. */
int	st_pkt_icmp(const struct st_packet *got, unsigned *type,
	    unsigned *code);

#endif
