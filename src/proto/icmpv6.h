/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6's header rows, shared by icmpv6.c (decoding, summary, replies),
 * icmpv6nd.c (ND options, MLD), icmpv6msg.c (node information, Mobile
 * IPv6, multicast router discovery, extended echo), icmpv6rpl.c (RPL
 * control messages) and icmpv6craft.c (its spec keys: ND options, MLD
 * records).  Included by those five files only.
 */
#ifndef STRATA_PROTO_ICMPV6_H
#define STRATA_PROTO_ICMPV6_H

#include "fields.h"

/* The header rows, in table order. */
enum { F_TYPE, F_CODE, F_CKSUM, F_ID, F_SEQ, F_RES, F_MTU, F_PTR, F_CHL,
	F_RAFLAG, F_RLT, F_REACH, F_RETR, F_NSTGT, F_NAFLAG, F_NATGT,
	F_RDTGT, F_RDDST, F_CKSTAT, F_LEN, F_RES24, F_DATA, ICMPV6_NF };

extern const struct st_field_desc st_icmpv6_fields[ICMPV6_NF];
/* "icmpv6.reserved", one literal for both files' rows (the views group a
 * layer's fields by their name's pointer). */
extern const char st_icmpv6_reserved[];
/* icmpv6.data, spelt once: the message's data and an unknown option's. */
extern const char st_icmpv6_data[];

/* The rows of ND options, advertisement flags and MLD (icmpv6nd.c), in
 * table order: the descriptor's .more. */
enum { O_TYPE, O_LEN, O_SLLA, O_TLLA, O_PLEN, O_PFLAG, O_VALID, O_PREF,
	O_PRES, O_PREFIX, O_MRES, O_MTU, O_RRES, O_RLIFE, O_RDNSS, O_DATA,
	O_LINK, O_PFL, O_PFA, O_PFR, O_PFRES, O_RIFLAG, O_RIPRF, O_RIRSV,
	O_RILIFE, O_RIPFX, O_DLIFE, O_DNSSL, O_PAD, O_RAM, O_RAO, O_RAH,
	O_RAPRF, O_RAP, O_RARSV, O_NAR, O_NAS, O_NAO, O_NARSV, O_MRD, O_MRES1,
	O_MADDR, O_MRES2, O_NREC, O_RTYPE, O_RAUXLEN, O_RNSRC, O_RMADDR,
	O_RSRC, O_RAUX,
	/* link-layer addresses not 6 bytes long */
	O_LINKX, O_SLLAX, O_TLLAX, O_LEUI, O_SEUI, O_TEUI, O_PADN,
	/* options 4, 7, 8, 9/10, 14, 26, 37, 38; what an option leaves */
	O_RPKT, O_ADVI, O_HAPRF, O_HALIFE, O_ADDR, O_NONCE, O_EFO, O_EFOM,
	O_EFOO, O_EFOH, O_EFOPRF, O_EFOP, O_EFORSV, O_CAPTIVE, O_P64LIFE,
	O_P64PLC, O_P64PFX, O_UNK,
	/* MLDv2 query (RFC 3810 5.1) */
	O_QMRC, O_QFLAG, O_QS, O_QQRV, O_QRSV, O_QQQI, O_QNSRC, O_QSRC, M_NF };
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

/*
 * The body of message type (and code) of n bytes at c, for the types
 * icmpv6msg.c knows (139-140, 144-147, 151-153, 160-161): returns the
 * header length (n when the message is all header), and sets *opts to
 * where ND options start (0 for none); 0 for a type it does not know.
 */
size_t	icmpv6_msg(struct st_dctx *d, struct st_cur *c, unsigned type,
	    unsigned code, size_t n, size_t *opts);

/* An RPL control message (type 155) of code code, n bytes at c
 * (icmpv6rpl.c): its base and options; returns n. */
size_t	icmpv6_rpl(struct st_dctx *d, struct st_cur *c, unsigned code,
	    size_t n);

/* How a spec builds ICMPv6 (icmpv6craft.c). */
extern const struct st_craft st_icmpv6_craft;

#endif /* STRATA_PROTO_ICMPV6_H */
