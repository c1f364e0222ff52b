/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6's header rows, shared by icmpv6.c (decoding, summary, replies)
 * and icmpv6craft.c (its spec keys: ND options, MLD records).  Included
 * by those two files only.
 */
#ifndef STRATA_PROTO_ICMPV6_H
#define STRATA_PROTO_ICMPV6_H

#include "fields.h"

/* The header rows, in table order. */
enum { F_TYPE, F_CODE, F_CKSUM, F_ID, F_SEQ, F_RES, F_MTU, F_PTR, F_CHL,
	F_RAFLAG, F_RLT, F_REACH, F_RETR, F_NSTGT, F_NAFLAG, F_NATGT,
	F_RDTGT, F_RDDST, F_CKSTAT, ICMPV6_NF };

extern const struct st_field_desc st_icmpv6_fields[ICMPV6_NF];

/* How a spec builds ICMPv6 (icmpv6craft.c). */
extern const struct st_craft st_icmpv6_craft;

#endif /* STRATA_PROTO_ICMPV6_H */
