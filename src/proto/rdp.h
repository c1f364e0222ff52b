/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP's parts: the fast-path PDUs (rdpfp.c) of the descriptor in rdp.c,
 * and the facts of a connection that MCS (t125.c) and TPKT (tpkt.c) note
 * for them.
 */
#ifndef STRATA_PROTO_RDP_H
#define STRATA_PROTO_RDP_H

#include "strata/proto.h"

/* The rows of st_rdp_fp: header, input events, output updates. */
enum { FP_HDR, FP_ACTION, FP_NUM, FP_RES, FP_FLAGS, FP_LEN, FP_SIG,
	FP_NUM2, FP_EVHDR, FP_EVFLAGS, FP_EVCODE, FP_SC_REL, FP_SC_EXT,
	FP_SC_EXT1, FP_SC_KEY, FP_SY_SCROLL, FP_SY_NUM, FP_SY_CAPS,
	FP_SY_KANA, FP_UNI_REL, FP_UNI_CODE, FP_QOE, FP_PTR, FP_PTR_MOVE,
	FP_PTR_DOWN, FP_PTR_B1, FP_PTR_B2, FP_PTR_B3, FP_PTR_ROT, FP_PTR_NEG,
	FP_PTR_WHEEL, FP_PTR_HWHEEL, FP_PTR_X, FP_PTR_Y, FP_PX, FP_PX_DOWN,
	FP_PX_B1, FP_PX_B2, FP_PX_X, FP_PX_Y, FP_UPCODE, FP_UPFRAG, FP_UPCOMP,
	FP_CTYPE, FP_C_COMP, FP_C_FRONT, FP_C_FLUSH, FP_CFLAGS, FP_SIZE,
	FP_NROWS };

extern const struct st_field_desc st_rdp_fp[FP_NROWS];
extern const struct st_proto st_proto_rdp;
/* rdp.dataSignature, spelt once: slow-path security header's and fast-path's. */
extern const char st_rdp_datasig[];

/*
 * Decodes the fast-path PDU at c ([MS-RDPBCGR] 2.2.8.1.2, 2.2.9.1.2),
 * which TPKT found to be as long as its segment: the header, then the
 * client's input events or the server's update headers.  Returns ST_OK,
 * ST_ETRUNC or ST_EINVAL.
 */
int	st_rdp_fastpath(struct st_dctx *d, struct st_cur *c);

/* " fast-path 2 events mouse,scancode encrypted len 18". */
void	st_rdp_fp_summary(struct st_sumctx *s, const struct st_layer *ly);

/*
 * Notes, under the conversation of the layer being decoded, that an MCS
 * Connect-Initial carried RDP's client data (clientCoreData, "Duca")
 * towards the packet's destination: that end is the server, to which
 * fast-path PDUs are input (Wireshark learns it there too).
 */
void	st_rdp_note_server(const struct st_dctx *d);

/* Notes once that the conversation of the layer being decoded has had a
 * TPKT: Wireshark reads fast-path PDUs only after one. */
void	st_rdp_note_tpkt(const struct st_dctx *d);

#endif
