/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The privilege doctor: which ways of sending and capturing work on this
 * host for this user (root, CAP_NET_RAW on the binary, the kernel's
 * unprivileged ICMP sockets, capture on each interface), and the exact
 * fix for each that does not.  Probing fills facts; the report reads only
 * the facts, so tests give it any host they like.
 */
#ifndef STRATA_DOCTOR_H
#define STRATA_DOCTOR_H

#include <limits.h>
#include <stddef.h>

#define ST_DOCTOR_MAXIF	32

struct st_doctor_facts {
	unsigned long	 uid, euid, gid;
	char		 user[64];	/* the name of uid, or "" */
	int		 cap_raw;	/* CAP_NET_RAW effective now */
	int		 file_cap_raw;	/* on the binary: 1, 0, -1 unknown */
	int		 nosuid;	/* the binary's mount ignores file caps */
	char		 exe[PATH_MAX];	/* the binary, for setcap */
	int		 raw4, raw6;	/* errno of opening SOCK_RAW, 0: works */
	long		 ping_lo, ping_hi;	/* ping_group_range; lo > hi:
						   none; -1: unknown */
	int		 in_ping_group;	/* a group of ours is in the range */
	int		 dgram4, dgram6;	/* errno of the ping socket */
	struct {
		char	 name[64];
		int	 ok;		/* capture opened */
		int	 perm;		/* it failed for want of privilege */
		char	 why[128];
	}		 ifs[ST_DOCTOR_MAXIF];
	unsigned	 nifs;
};

/* Looks at this process, this binary and this host. */
void	st_doctor_probe(struct st_doctor_facts *f);

/*
 * Writes the findings and fixes as text into buf (n bytes; ST_DOCTOR_TEXT
 * hold them all), for the caller to print.  Returns 0 when some way to send
 * works (raw or ping sockets), 1 when none does.
 */
#define ST_DOCTOR_TEXT	8192
int	st_doctor_report(const struct st_doctor_facts *f, char *buf,
	    size_t n);

#endif /* STRATA_DOCTOR_H */
