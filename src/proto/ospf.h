/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OSPF's parts shared by its three files: ospf.c (the header, messages,
 * LLS block, descriptor), ospf2.c (the field table, LSA headers, version
 * 2's LSA bodies) and ospf3.c (version 3's hello and LSA bodies).  One
 * protocol, as Wireshark's one dissector; three files only to keep each
 * small.  Nothing else includes this.
 */
#ifndef STRATA_PROTO_OSPF_H
#define STRATA_PROTO_OSPF_H

#include "fields.h"

/*
 * Rows of st_ospf_fields.  Offsets are from the start of the part each
 * group names: the packet, a message body, an LSA, a link, a prefix, an
 * options field, a TLV.
 */
enum {
	/* the packet header */
	H_VER, H_MSG, H_LEN, H_RID, H_AREA, H_CK, H_AUTYPE, H_INST, H_RSV8,
	H_AUNONE, H_AUSIMPLE, H_AUUNK, H_KEYID, H_ADLEN, H_ASEQ, H_ADATA,
	H_HELLO, H_DBD, H_LSR, H_LSU, H_LSACK, H_CKSTAT,
	/* options: version 2 (8 bits), version 3 (24 bits) */
	O2, O2_DN, O2_O, O2_DC, O2_L, O2_N, O2_MC, O2_E, O2_MT,
	O3, O3_AT, O3_L, O3_AF, O3_DC, O3_R, O3_N, O3_MC, O3_E, O3_V6,
	/* hello */
	HE_MASK, HE_HINT2, HE_PRIO2, HE_DEAD2, HE_DR, HE_BDR, HE_NBR,
	HE_IFID, HE_PRIO3, HE_HINT3, HE_DEAD3,
	/* database description: the flags at bit 0 of their byte */
	DB_MTU, DB_FLAGS, DB_R, DB_I, DB_M, DB_MS, DB_SEQ, DB_RSV,
	/* LS request entries, LS update */
	RQ_TYPE2, RQ_LSID, RQ_ADV, RQ_RSV3, RQ_TYPE3, LU_NUM,
	/* the LSA header */
	L_AGE, L_DNA2, L_DNA3, L_TYPE2, L_ID, L_OTYPE, L_OID, L_ADV, L_SEQ,
	L_CK, L_LEN, L_TYPE3, L_U, L_S12, L_FC, L_LSID3, L_CKSTAT,
	L_ROUTER, L_NETWORK, L_SUMMARY, L_ASBR, L_ASEXT, L_MEMBER, L_NSSA,
	L_ATTR, L_OPAQUE,
	L3_ROUTER, L3_NETWORK, L3_IPFX, L3_IRTR, L3_ASEXT, L3_MEMBER, L3_NSSA,
	L3_LINK, L3_INTRA,
	/* version 2 LSA bodies, from the LSA's start */
	R2_FLAGS, R2_H, R2_N, R2_W, R2_V, R2_E, R2_B, R2_NLINKS,
	K_ID, K_DATA, K_TYPE, K_NMET, K_MET0,
	N_MASK, N_ATT, S_MASK, S_TOS, S_MET,
	X_MASK, X_TYPE, X_TOS, X_MET, X_FWD, X_TAG,
	T_TYPE, T_LEN, G_PERIOD, G_REASON, G_IP,
	/* version 3 LSA bodies */
	R3_FLAGS, R3_W, R3_V, R3_E, R3_B,
	K3_TYPE, K3_RSV, K3_MET, K3_IFID, K3_NIFID, K3_NRID,
	N3_RSV, N3_ATT, IP_MET, IR_MET, IR_DEST, LK_PRIO, LK_ADDR, LK_NPFX,
	IA_NPFX, IA_RTYPE, IA_RLSID, IA_RADV,
	/* version 3 prefixes, from the prefix's start */
	P_LEN, P_OPT, P_P, P_MC, P_LA, P_NU, P_RSV, P_MET, P_ADDR6,
	/* LLS data block (RFC 5613), TLVs from their start */
	LL_CK, LL_LEN, LL_EXT, LL_LR, LL_RS, LL_SEQ, LL_AUTH,
	F_NOSPF
};

extern const struct st_field_desc st_ospf_fields[F_NOSPF];

#define OSPF_MAXITEMS	512	/* neighbours, LSAs, links, prefixes in one
				   message: a 64 KB packet holds fewer
				   LSA headers (20 bytes each) than 3300 */

/* Adds rows [first, first + n) of the table at byte off of c; a missing
 * byte sets c->err. */
void ospf_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned n);

/* The LSA header at byte off of c, version ver; full: the LSA's body
 * follows (an update), so its checksum is verified. */
void ospf_lsahdr(struct st_dctx *d, struct st_cur *c, size_t off, int ver,
    int full);

/* A version 2 LSA's body: the LSA (header included) at off, len bytes. */
void ospf2_lsa(struct st_dctx *d, struct st_cur *c, size_t off, size_t len);

/* Version 3's message bodies: at c, n bytes (the message's own length). */
void ospf3_body(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n);

/* A version 3 LSA's body: the LSA (header included) at off, len bytes. */
void ospf3_lsa(struct st_dctx *d, struct st_cur *c, size_t off, size_t len);

#endif
