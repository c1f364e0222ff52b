/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 6LoWPAN's shared parts, for lowpan.c (the dispatch headers, the field
 * table, the descriptor) and lowpaniphc.c (IPHC and NHC, and the IPv6
 * datagram rebuilt from them).  Included by those two files only.
 */
#ifndef STRATA_PROTO_LOWPAN_H
#define STRATA_PROTO_LOWPAN_H

#include "fields.h"

#define LOWPAN_MAXHDR	8	/* dispatch headers, and NHC headers, at most */

enum {
	/* the IPHC header's two bytes first: what explain draws */
	F_PIPHC, F_TF, F_NH, F_HLIM, F_CID, F_SAC, F_SAM, F_M, F_DAC, F_DAM,
	F_P41, F_P50, F_PMESH, F_PFRAG1, F_PFRAGN, F_PHC1,
	F_MV, F_MF, F_MHOPS, F_MHOPS8, F_MO16, F_MO64, F_MD16, F_MD64,
	F_BSEQ, F_FSIZE, F_FTAG, F_FOFF,
	F_SCI, F_DCI, F_SCTX, F_DCTX,
	F_ECN, F_DSCP, F_CLASS, F_PAD0, F_PAD1, F_FLOW, F_NEXT, F_HOPS,
	F_SRC, F_DST,
	F_NUDP, F_NUCK, F_NUPORTS, F_USRC16, F_UDST16, F_USRC8, F_UDST8,
	F_USRC4, F_UDST4, F_UCK,
	F_NEXT_P, F_EID, F_ENH, F_ENEXT, F_ELEN, F_EDATA,
	F_NROWS
};

extern const struct st_field_desc lowpan_fields[F_NROWS];

/* Adds row r at byte off of c; its value, or -1 (c->err set) when its
 * bits were not captured. */
long	lowpan_row(struct st_dctx *d, struct st_cur *c, unsigned r,
    size_t off);

/*
 * An IPHC header at off (RFC 6282 3.1), then its NHC headers; the IPv6
 * datagram rebuilt and decoded after the frame's bytes unless this is a
 * first fragment (fsize its datagram's size, else -1).  mesh: a mesh
 * header's 16-bit originator and final destination, or -1.
 */
int	lowpan_iphc(struct st_dctx *d, struct st_cur *c, size_t off,
    long fsize, const long long mesh[2]);

#endif /* STRATA_PROTO_LOWPAN_H */
