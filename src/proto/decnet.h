/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DECnet's private header: the field rows and helpers decnet.c (the
 * routing layer) and decnsp.c (NSP and session control) share.
 */
#ifndef STRATA_PROTO_DECNET_H
#define STRATA_PROTO_DECNET_H

#include "fields.h"

/* NSP message types */
#define NSP_DATA	0x00
#define NSP_DATAACK	0x04
#define NSP_NOP		0x08
#define NSP_LINKSVC	0x10
#define NSP_OTHERACK	0x14
#define NSP_CI		0x18
#define NSP_BOM		0x20
#define NSP_CONNACK	0x24
#define NSP_CC		0x28
#define NSP_INTERRUPT	0x30
#define NSP_DI		0x38
#define NSP_EOM		0x40
#define NSP_DC		0x48
#define NSP_BOMEOM	0x60

enum {
	/* the routing layer, from the flags byte */
	F_LEN, F_PAD, F_FLAGS, F_CTL, F_RTTYPE, F_RTTYPE2, F_MSGLEN, F_RQR,
	F_RTS, F_IETH, F_DISCARD,
	F_DADDR, F_SADDR, F_NL2, F_VISIT, F_SVC, F_PT,
	F_DNODE, F_SNODE, F_VST,
	/* routing control messages */
	F_TIINFO, F_BLK, F_VERSION, F_TIMER, F_RESERVED, F_FCNVAL, F_TEST,
	F_SEGCOUNT, F_SEGSTART, F_SEGHOPS, F_SEGCOST, F_CK, F_CKST,
	F_ID, F_IINFO, F_NTYPE, F_VRF, F_REJ, F_VERF, F_MTA, F_BLKREQ,
	F_PRIO, F_SEED, F_NEIGHBOR, F_ENAME, F_RID, F_RSTATE, F_RPRIO,
	/* NSP */
	F_NSPTYPE, F_SEGNUM, F_DELAY, F_FC, F_SERVICES, F_INFO, F_SEGSIZE,
	F_REASON, F_OBJ, F_GRP, F_USR, F_DNAME, F_SNAME, F_MENU, F_RQSTR
};

extern const struct st_field_desc st_dn_fields[];

/* A little-endian 16-bit field of row row at byte off (its value, the
 * whole 16 bits; 0 when not captured). */
uint16_t st_dn_le16(struct st_dctx *d, struct st_cur *c, size_t off,
    int row);
/* The byte at off, 0 when it is not there (c->err then set). */
unsigned st_dn_u8(struct st_cur *c, size_t off);
/* A counted image field at off as text of row row: the offset after. */
size_t	st_dn_image(struct st_dctx *d, struct st_cur *c, size_t off, int row);
/* A data packet's addresses at the routing layer ly, for a summary:
 * "1.8 > 1.4" (area.node). */
void	st_dn_sum_route(struct st_sumctx *s, const struct st_layer *ly);
/* NSP, the layer a data packet's routing header hands on to. */
extern const struct st_proto st_proto_decnsp;

#endif
