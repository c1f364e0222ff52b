/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata demo: what the demos (src/cli/demos.c) share with their frame
 * (src/cli/demo.c): the run's state, the call and remark lines, the
 * capture that shows what each call put on the wire.
 */
#ifndef STRATA_DEMOCLI_H
#define STRATA_DEMOCLI_H

#include <stdint.h>

#include <pcap/pcap.h>

#include "strata/reader.h"
#include "strata/view.h"
#include "cli.h"

#define QUIET_MS	120	/* no packet for this long: the call is done */
#define KINDS		64

struct demo {
	pcap_t			*cap;		/* r's handle, NULL if none */
	struct st_reader	 r;
	struct st_defrag	*ra;		/* fragments, as decode's */
	struct st_cli_opts	 c;		/* --view */
	int			 step;
	struct st_out		 out;
	struct st_vctx		 v;
	struct st_packet	 pkt;
	unsigned long long	 n;
	char			 kinds[KINDS][48];	/* seen: diagram once */
	unsigned		 nkinds;
	uint32_t		 isn[2];		/* for relative seq */
	uint16_t		 cport;			/* client's port */
	int			 mss_view;
	/* TCP segments seen since the last call line: what it caused. */
	unsigned		 ndata, nacks, npsh;
	unsigned long		 seglen[8];
};

/* "── who: call = result", then the packets it caused. */
void	demo_call(struct demo *d, const char *who, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* "   ↳ remark". */
void	demo_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Shows the packets that arrive until the wire is quiet. */
void	demo_drain(struct demo *d);
/* Shows packets for ms milliseconds, however quiet (for timers). */
void	demo_watch(struct demo *d, int ms);
/* The kernel's TCP states of both ends, as a remark. */
void	demo_states(uint16_t cport, uint16_t sport);
/* Shows packets until the socket lport->rport is in state want (or ms
 * pass); 0 if it got there. */
int	demo_until_state(struct demo *d, uint16_t lport, uint16_t rport,
	    const char *want, int ms);
/* "N data segments (a + b bytes, the last with PSH) and M ACKs" for the
 * TCP segments the last call caused. */
void	demo_say_segments(struct demo *d, size_t bytes);
/* A listening server on 127.0.0.1 at a free port; the socket or -1. */
int	demo_server(struct demo *d, int type, uint16_t *port);
/* Captures on lo with filter (or says that it cannot); -1 on error. */
int	demo_open_capture(struct demo *d, const char *filter);
/* Opens a capture for the demo's own port (known only after bind). */
int	demo_capture_port(struct demo *d, const char *proto, uint16_t port);
/* Moves the demo into a network namespace of its own, lo set up. */
int	demo_netns(int mtu);
/* A connected pair on loopback: *srv accepted from listener l. */
int	demo_connect_pair(struct demo *d, int l, uint16_t port, int *cli,
	    int *srv);

int	demo_tcp(struct demo *d, size_t size);
int	demo_udp(struct demo *d);
int	demo_ping(struct demo *d);
int	demo_fragment(struct demo *d);
int	demo_buffers(struct demo *d);
int	demo_multiplex(struct demo *d, const char *api);

#endif /* STRATA_DEMOCLI_H */
