/* SPDX-License-Identifier: BSD-3-Clause */
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
#include "strata/net.h"

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

/*
 * The source address of got's outer network header: its 4 or 16 bytes
 * into addr, and that length; 0 when it has none.
 */
size_t	st_pkt_src_addr(const struct st_packet *got, uint8_t addr[16]);

/* What the outer ICMP or ICMPv6 message of got says. */
struct st_echo_error {
	int		 fam;		/* 4: ICMP, 6: ICMPv6 */
	unsigned	 type, code;
	uint64_t	 mtu;		/* of "too big"; 0 if none */
	int		 has_mtu;
	uint64_t	 ptr;		/* of a parameter problem; 0 if none */
};
/* Fills e; 0, or -1 when got holds no ICMP or ICMPv6 message. */
int	st_echo_error_info(const struct st_packet *got,
	    struct st_echo_error *e);

/* ICMP type and code of the outer ICMP/ICMPv6 layer; -1 if none. */
int	st_pkt_icmp(const struct st_packet *got, unsigned *type,
	    unsigned *code);

/*
 * Whether the echo reply got carries token (n bytes) after the 16 bytes of
 * timestamp in its data, as this run's requests do.
 */
int	st_echo_token_ok(const struct st_packet *got, const uint8_t *token,
	    size_t n);
/*
 * The addresses of the record-route option of got's IPv4 header (ping -R):
 * up to max 4-byte addresses into addrs, and how many (*slots: how many
 * the option has room for); -1 with no option.
 */
int	st_echo_rr(const struct st_packet *got, uint8_t *addrs, size_t max,
	    size_t *slots);
/* Whether the reply's ICMP checksum is wrong (iputils: BAD CHECKSUM). */
int	st_echo_bad_checksum(const struct st_packet *got);

/*
 * The ping engine (src/net/ping.c): sends the request template once an
 * interval, matches what comes back, keeps iputils' counters, and hands
 * each happening up as an event; it prints nothing.  The caller fills the
 * settings, the sockets and the template, then calls st_ping_run().
 */
enum st_ping_ev {
	ST_PING_SEND_FAILED,	/* err: the send's errno */
	ST_PING_LOCAL_ERROR,	/* too big for the path and DF set: mtu */
	ST_PING_SENT,		/* seq; request: the first one, if kept */
	ST_PING_REPLY,		/* an echo reply (maybe dup or corrupt) */
	ST_PING_ERROR		/* an ICMP error quoting a request */
};

struct st_ping_event {
	enum st_ping_ev		 kind;
	uint16_t		 seq;
	int			 err;
	int			 first;		/* SENT: the first request */
	const struct timespec	*ts;		/* REPLY, ERROR: received */
	struct st_packet	*got;		/* REPLY, ERROR: as decoded */
	const struct st_packet	*request;	/* as crafted, when kept; NULL
						   if not */
	unsigned		 ttl;
	size_t			 icmplen;
	int64_t			 us;		/* REPLY: round trip */
	int			 dup, corrupt;
	int			 mtu;		/* LOCAL_ERROR: the path MTU */
};

/* What the engine asks of its caller. */
struct st_ping_hooks {
	void	(*event)(void *arg, const struct st_ping_event *ev);
	int	(*stop)(void *arg);	/* nonzero: send no more, finish */
	void	(*status)(void *arg);	/* each turn: a status line if asked */
	void	*arg;
};

struct st_ping {
	/* Settings. */
	int			 fam;
	uint8_t			 dst[16], src[16];
	uint16_t		 id;
	unsigned long		 count;		/* 0: until stopped */
	double			 interval, deadline, linger;
	long			 size;		/* data bytes */
	uint8_t			 pattern[16];
	size_t			 patlen;
	int			 own_payload;	/* the template's data as is,
						   once it has some */
	int			 timing;	/* data holds a timestamp */
	int			 use_token;
	uint8_t			 token[8];	/* per run, in every request */
	int			 keep;		/* keep requests (for quotes) */
	int			 flood_fast;	/* the next at each reply */
	/* Sockets: raw, or the kernel's ping socket dfd when dgram. */
	struct st_raw		 raw;
	int			 dgram;
	int			 dfd;
	int			 mtufd;		/* st_route_open(), or -1 */
	int			 pmtu;		/* a router's "too big", 0: none */
	int			 pmtu_want;	/* IPv4 DF as the kernel's default
						   (iputils -M want): set when
						   the request fits the path */
	/* The request template; seq is set in layer icmp_layer's set[]. */
	struct st_spec		 spec;
	int			 icmp_layer;
	size_t			 seq_set;
	/* Counters and times, for the statistics. */
	unsigned long		 sent, received, dups, errors;
	unsigned long		 forged, corrupted;
	unsigned		 last_ttl;	/* of the last reply */
	struct st_rtt		 rtt;
	struct timespec		 start, last;
	/* Working state. */
	uint8_t			 buf[ST_PKT_MAX];
	struct st_rx		 rx;
	struct st_packet	 got;
	struct timespec		 sent_at[65536];
	uint8_t			 seen[65536 / 8];
	struct {
		uint16_t	 seq;
		uint16_t	 n;
		uint8_t		 b[256];
	}			 kept[64];
	struct st_packet	 keptpkt;
	struct st_reasm		 reasm;
};

/*
 * Runs until the count is answered, the deadline, the linger after the
 * last request, or the stop hook.  Returns 0, or -1 with why ("building:
 * ...", "receiving: ...").
 */
int	st_ping_run(struct st_ping *p, const struct st_ping_hooks *h,
	    char *why, size_t n);

/* Seconds from a to b. */
double	st_ping_since(const struct timespec *a, const struct timespec *b);

#endif
