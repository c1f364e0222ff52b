/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BGP's path attributes that bgpmp.c decodes for bgp.c: multiprotocol
 * reachability (RFC 4760), extended communities (RFC 4360) and the P-Multicast
 * service interface tunnel (RFC 6514).  Included by those two files only.
 */
#ifndef STRATA_PROTO_BGP_H
#define STRATA_PROTO_BGP_H

#include "fields.h"

#define BGP_MAXITEMS	1024	/* parameters, capabilities, attributes,
				   prefixes, ASes in one message (at most
				   4096 bytes, RFC 8654: 65535) */

/*
 * The value of path attribute type (14 MP_REACH_NLRI, 15 MP_UNREACH_NLRI,
 * 16 EXTENDED_COMMUNITIES, 22 PMSI_TUNNEL), n bytes at byte pos of c.
 * Returns 1 when it is one of those, 0 when not.
 */
int	bgp_mp_attr(struct st_dctx *d, struct st_cur *c, unsigned type,
	    size_t pos, size_t n);

/* bgp.prefix_length, spelt once: an UPDATE's NLRI and MP_REACH's. */
extern const char st_bgp_prefix_length[];

#endif /* STRATA_PROTO_BGP_H */
