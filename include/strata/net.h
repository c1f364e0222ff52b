/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raw sockets, privileges and reply matching.
 *
 * The order is the point: open every raw socket first, then drop
 * privileges (st_priv_drop), and only then parse the spec or read anything
 * that arrives.
 */
#ifndef STRATA_NET_H
#define STRATA_NET_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "strata/model.h"

/* The sockets of one `send` or `ping` run; -1 where not open. */
struct st_raw {
	int	send4;		/* AF_INET, SOCK_RAW, IPPROTO_RAW (IP_HDRINCL) */
	int	send6;		/* AF_INET6, SOCK_RAW, IPPROTO_RAW */
	int	pkt;		/* AF_PACKET, SOCK_DGRAM, ETH_P_ALL: replies,
				   copies of what left, and crafted IPv4 sent
				   as is on lo */
	int	link;		/* AF_PACKET, SOCK_RAW on one interface */
	int	ifindex;	/* link's interface */
	int	lo_index;	/* the loopback interface */
	int	out_index;	/* as-built IPv4 leaves here (0: lo) ... */
	uint8_t	out_mac[6];	/* ... to this next hop */
	char	how[160];	/* st_raw_send's account, when it builds one */
};

/*
 * The way out for an IPv4 packet sent as built (on AF_PACKET, so that no
 * kernel rewrites its length or checksum): interface and next hop.
 */
struct st_nexthop {
	char	ifname[IF_NAMESIZE];
	int	ifindex;
	uint8_t	via[4];		/* the gateway, or the destination itself */
	int	gateway;	/* via is a gateway */
	uint8_t	mac[6];		/* via's Ethernet address */
	int	asked;		/* found by an ARP request of strata's own */
};

/*
 * The interface and next hop for dst from /proc/net/route (the longest
 * prefix that matches).  Returns 0, or -1 with *why.
 */
int	st_nexthop_route(const uint8_t dst[4], struct st_nexthop *nh,
	    const char **why);

/*
 * nh->via's MAC address: from the kernel's ARP table, else by an ARP
 * request sent on pktfd (an AF_PACKET SOCK_DGRAM socket) from src, waiting
 * up to timeout seconds.  Returns 0, or -1 with *why.
 */
int	st_nexthop_mac(int pktfd, const uint8_t src[4], struct st_nexthop *nh,
	    double timeout, const char **why);

/*
 * Opens the sockets: the IP ones always, link when ifname is not NULL.
 * Returns 0, or -1 with errno (EPERM or EACCES: no CAP_NET_RAW) and *what
 * naming the socket that failed.
 */
int	st_raw_open(struct st_raw *r, const char *ifname, const char **what);
void	st_raw_close(struct st_raw *r);

/*
 * Confines the rest of the run to what a receive loop needs (seccomp):
 * opening files or sockets then fails with EPERM.  Returns 0, or -1 where
 * the kernel has no seccomp (the loop then runs as is).
 */
int	st_sandbox_enter(void);
/*
 * Tries to open a file and a socket, as a test that the sandbox holds:
 * "open: ...; socket: ..." (each "allowed" or the error) into buf.
 */
void	st_sandbox_probe(char *buf, size_t n);

/* The text that says how to get raw sockets: sudo, or setcap. */
const char *st_priv_hint(void);

/*
 * Gives up privileges for good: to SUDO_UID/SUDO_GID when run under sudo,
 * else to nobody when root; then every capability, and no new privileges
 * through exec.  Returns 0, or -1 with errno and *what naming the step.
 */
int	st_priv_drop(const char **what);

/*
 * The source address the kernel would choose for dst (fam 4 or 6), found
 * by connecting a UDP socket, which sends nothing.  Returns 0 or -1.
 */
int	st_route_src(int fam, const uint8_t *dst, uint8_t *src);

/*
 * HOST (a name or an address) to an address of family fam (4, 6, or 0 for
 * either): fills *got with the family, addr (16 bytes) and its text.
 * Returns 0, or -1 with *why saying what failed.
 */
int	st_resolve(const char *host, int fam, int *got, uint8_t *addr,
	    char *text, size_t n, const char **why);

/* Whether addr (fam 4 or 6) is a loopback address. */
int	st_is_loopback(int fam, const uint8_t *addr);

/* One packet received on the packet socket. */
struct st_rx {
	uint8_t		 buf[65536];
	size_t		 len;
	int		 outgoing;	/* a copy of a packet this host sent */
	int		 linktype;	/* DLT_RAW or DLT_EN10MB */
	struct timespec	 ts;		/* kernel receive time */
};

/*
 * Waits until deadline (CLOCK_REALTIME) for a packet on fd.  Returns 1 with
 * rx filled, 0 at the deadline or when a signal interrupted the wait, -1 on
 * error (errno).
 */
int	st_raw_recv(int fd, int linktype, struct st_rx *rx,
	    const struct timespec *deadline);

/*
 * Sends the len bytes of a built packet (link type DLT_RAW or DLT_EN10MB).
 * IPv4 goes out on the IP_HDRINCL socket unless keep is set (the spec fixes
 * the checksum or total length, which that socket rewrites): then on the
 * packet socket through lo.  Returns 0, or -1 with errno and *how naming
 * the way tried; *how names the way used in any case.
 */
int	st_raw_send(struct st_raw *r, const uint8_t *buf, size_t len,
	    int linktype, int keep, const char **how);

/*
 * Whether got answers sent: an echo reply with its id and sequence, an
 * ICMP error quoting it, or a TCP/UDP segment from its destination port
 * back to its source port.  Both are decoded models.
 */
int	st_match_reply(const struct st_packet *sent,
	    const struct st_packet *got);

/*
 * The kernel's unprivileged ICMP sockets (ping_group_range).  Allowed: the
 * user's group is in the range.  Open: returns the socket (bound to src
 * unless NULL) and the identifier the kernel gave it, or -1.  Send: the ICMP message only.
 * Recv: as st_raw_recv, with an IP header rebuilt around the message (and
 * ICMP errors rebuilt from the error queue), so it decodes as DLT_RAW.
 */
int	st_pingsock_allowed(void);
int	st_pingsock_open(int fam, const uint8_t *src, uint16_t *id);
int	st_pingsock_send(int fd, int fam, const uint8_t *dst,
	    const uint8_t *icmp, size_t n);
int	st_pingsock_recv(int fd, int fam, const uint8_t *local,
	    const uint8_t *dst, struct st_rx *rx,
	    const struct timespec *deadline);

/*
 * traceroute's method without privilege: UDP probes from an ordinary
 * socket (bound to an ephemeral port, *sport; DF on every probe when df,
 * the MTU probed, not learned), ICMP errors from its error queue.  Send
 * gives each probe its TTL.  Recv waits
 * until deadline: 1 with ue filled and, unless ue->local (the probe was
 * too big to leave: ue->mtu), rx holding the ICMP error rebuilt around the
 * sent probe (sentlen bytes as built, IP header first); 0 at the deadline,
 * -1 on error.
 */
/*
 * Waits for fd to be readable until deadline (CLOCK_REALTIME): 1 ready,
 * with poll's revents in *revents; 0 at the deadline or when a signal came;
 * -1 on error (errno).
 */
int	st_wait_until(int fd, const struct timespec *deadline, short *revents);

struct st_udperr {
	uint16_t	 dport;		/* the probe's destination port */
	int		 local;		/* the error is this host's own */
	unsigned	 mtu;		/* of "too big", local or a router's */
};
int	st_udptrace_open(int fam, int df, uint16_t *sport);
int	st_udptrace_send(int fd, int fam, const uint8_t *dst, uint16_t dport,
	    int ttl, const uint8_t *data, size_t n);
int	st_udptrace_recv(int fd, int fam, const uint8_t *local,
	    const uint8_t *sent, size_t sentlen, struct st_udperr *ue,
	    struct st_rx *rx, const struct timespec *deadline);

/*
 * A UDP socket connected to dst (fam 4 or 6), sending nothing, to ask the
 * kernel the path MTU it knows (a router's "fragmentation needed"
 * included).  Returns the socket, or -1.
 */
int	st_route_open(int fam, const uint8_t *dst);
/* The path MTU through fd from st_route_open; -1 when unknown. */
int	st_route_mtu(int fd, int fam);

/*
 * Cuts the n-byte IPv4 packet pkt into fragments of at most mtu bytes
 * (later ones carry only the options marked copied) and hands each to
 * send.  Returns 0, or -1 when a send failed (errno) or mtu is too small.
 */
int	st_frag_send(const uint8_t *pkt, size_t n, size_t mtu,
	    int (*send)(void *arg, const uint8_t *b, size_t len), void *arg);

/* IPv4 reassembly of one datagram at a time (a ping's large reply). */
struct st_reasm {
	int	 active;
	uint8_t	 key[11];	/* src, dst, id, protocol */
	uint8_t	 head[60];	/* the first fragment's header */
	size_t	 hl, total;	/* total: data bytes, once the last came */
	uint8_t	 have[65536 / 64];	/* 8-byte units held */
	uint8_t	 data[65536];
};
/*
 * Feeds the n-byte packet b (cap bytes of room): 1 when b holds a whole
 * packet (not a fragment, or the datagram now complete, rewritten into b
 * and *n), 0 when it was a fragment kept for later.
 */
int	st_reasm_add(struct st_reasm *r, uint8_t *b, size_t *n, size_t cap);

#endif /* STRATA_NET_H */
