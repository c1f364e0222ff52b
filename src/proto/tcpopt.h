/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP's options (RFC 9293 3.2, RFC 7323, RFC 2018): their rows and their
 * decoding, shared by tcp.c (header, summary, crafting) and tcpopt.c.
 * Included by those two files only.
 */
#ifndef STRATA_PROTO_TCPOPT_H
#define STRATA_PROTO_TCPOPT_H

#include "fields.h"

enum { O_KIND, O_LEN, O_MSS, O_WS, O_WSMUL, O_SACKLE, O_SACKRE, O_TSVAL,
	O_TSECR, O_DATA, ST_TCP_NOPT };

/* The option rows: kind, length and each option's values. */
extern const struct st_field_desc st_tcp_opt_fields[ST_TCP_NOPT];

/*
 * Options the registry binds under ST_KEY_TCPOPT (MPTCP) are layers of
 * their own, decoded after the header's fields: at most TCP_SUBOPTS.
 */
#define TCP_SUBOPTS	4

struct tcp_subopts {
	size_t		 n;
	size_t		 pos[TCP_SUBOPTS], len[TCP_SUBOPTS];
	const struct st_proto *p[TCP_SUBOPTS];
};

/* Decodes the options in bytes [20, n) of the header at c; those another
 * layer shows (MPTCP) go into so. */
void	st_tcp_options(struct st_dctx *d, struct st_cur c, size_t n,
	    struct tcp_subopts *so);

#endif
