/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6's header rows, shared by icmpv6.c (decoding, summary, replies),
 * icmpv6nd.c (ND options, MLD) and icmpv6craft.c (its spec keys: ND
 * options, MLD records).  Included by those three files only.
 */
#ifndef STRATA_PROTO_ICMPV6_H
#define STRATA_PROTO_ICMPV6_H

#include "fields.h"

/* The header rows, in table order. */
enum { F_TYPE, F_CODE, F_CKSUM, F_ID, F_SEQ, F_RES, F_MTU, F_PTR, F_CHL,
	F_RAFLAG, F_RLT, F_REACH, F_RETR, F_NSTGT, F_NAFLAG, F_NATGT,
	F_RDTGT, F_RDDST, F_CKSTAT, ICMPV6_NF };

extern const struct st_field_desc st_icmpv6_fields[ICMPV6_NF];
/* "icmpv6.reserved", one literal for both files' rows (the views group a
 * layer's fields by their name's pointer). */
extern const char st_icmpv6_reserved[];

/* The rows of ND options, advertisement flags and MLD (icmpv6nd.c), in
 * table order: the descriptor's .more. */
enum { O_TYPE, O_LEN, O_SLLA, O_TLLA, O_PLEN, O_PFLAG, O_VALID, O_PREF,
	O_PRES, O_PREFIX, O_MRES, O_MTU, O_RRES, O_RLIFE, O_RDNSS, O_DATA,
	O_LINK, O_PFL, O_PFA, O_PFR, O_PFRES, O_RIFLAG, O_RIPRF, O_RIRSV,
	O_RILIFE, O_RIPFX, O_DLIFE, O_DNSSL, O_PAD, O_RAM, O_RAO, O_RAH,
	O_RAPRF, O_RAP, O_RARSV, O_NAR, O_NAS, O_NAO, O_NARSV, O_MRD, O_MRES1,
	O_MADDR, O_MRES2, O_NREC, O_RTYPE, O_RAUXLEN, O_RNSRC, O_RMADDR,
	O_RSRC, O_RAUX, M_NF };
#define O_DRES	O_RRES		/* DNSSL's reserved: RDNSS's row */

extern const struct st_field_desc st_icmpv6_more[M_NF];

/* The ND options from byte pos to the end of the n-byte message at c. */
void	icmpv6_nd_options(struct st_dctx *d, struct st_cur c, size_t pos,
	    size_t n);
/* The flags' bits of a router (134) or neighbour (136) advertisement. */
void	icmpv6_flags(struct st_dctx *d, struct st_cur *c, unsigned type);
/* The body of MLD message type (130-132, 143) of n bytes at c; returns
 * its header length. */
size_t	icmpv6_mld(struct st_dctx *d, struct st_cur *c, unsigned type,
	    size_t n);

/* How a spec builds ICMPv6 (icmpv6craft.c). */
extern const struct st_craft st_icmpv6_craft;

#endif /* STRATA_PROTO_ICMPV6_H */
