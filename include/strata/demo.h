/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The kernel facilities the demos show (src/net/demo.c): they return what
 * they found and print nothing.
 */
#ifndef STRATA_DEMO_H
#define STRATA_DEMO_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* The kernel's state of the TCP socket between these ports, by name
 * ("ESTABLISHED"; "CLOSED" if none; "?" if sock_diag cannot be asked). */
const char *st_demo_tcp_state(uint16_t lport, uint16_t rport);
/* The local port of socket fd (0 if unknown). */
uint16_t st_demo_port_of(int fd);
/*
 * Moves this process into a network namespace of its own with lo up at
 * this MTU and no segmentation offload.  0, or -1 with errno; *unshared
 * says whether the namespace was made (the failure was setting up lo).
 */
int	st_demo_netns(int mtu, int *unshared);
/* The bytes queued on fd (ioctl req: SIOCINQ, SIOCOUTQ); -1 if unknown. */
int	st_demo_queued(int fd, unsigned long req);
/*
 * Waits up to ms for fds[0..n) to be readable by api ("select", "poll",
 * or "epoll" on ep, where they are registered); fills ready[] with those
 * that are and returns how many, or -1 with errno.
 */
int	st_demo_wait_ready(const char *api, int ep, const int *fds, int n,
	    int *ready, int ms);

/*
 * Makes socket fd drop everything it receives (on = 1) or hear again
 * (on = 0), by a socket filter: how a demo holds a TCP state that lasts
 * microseconds on loopback long enough to read it.  0, or -1 with errno.
 */
int	st_demo_deaf(int fd, int on);

/* A recv() that blocks in a thread of its own, so the demo can show the
 * sender while the receiver waits, and how long it waited. */
struct st_demo_recv {
	pthread_t	 thread;
	int		 fd;
	char		*buf;
	size_t		 want, got;
	double		 t0, secs;
};
/* Starts receiving want bytes (all of them, or up to EOF/error). */
int	st_demo_recv_start(struct st_demo_recv *w, int fd, char *buf,
	    size_t want);
/* Waits for it; the bytes received, and in *secs how long it blocked. */
size_t	st_demo_recv_join(struct st_demo_recv *w, double *secs);

#endif /* STRATA_DEMO_H */
