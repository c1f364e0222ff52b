/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LMP's rows (lmprows.c), for lmp.c: its field table, Wireshark's names,
 * and the value names the decoder and the summary read.  Included by
 * those two files only.
 */
#ifndef STRATA_PROTO_LMP_H
#define STRATA_PROTO_LMP_H

#include "fields.h"

#define LMP_MAXOBJ	256	/* objects in one message */
#define LMP_MAXSUB	64	/* subobjects, interface entries in one */
#define LMP_NMSG	26	/* message types Wireshark knows */
#define LMP_NOBJ	20	/* object classes it knows */
#define MSGFLAG(n, l)	FDG(n, l, ST_FMT_BOOL, NULL)
#define OBJ(n, l)	FD(NULL, n, l, 0, 0, ST_FMT_BYTES)

enum { F_VER, F_FLAGS, F_CCDOWN, F_REBOOT, F_MSG, F_LEN, F_CK,
	O_CLASS, O_NEG, O_LEN, O_CLS2, O_CTYPE, O_DATA,
	O_UCT, O_ULEN, O_UVAL,
	V_LCCID, V_RCCID, V_LNODE, V_RNODE,
	V_LLINK4, V_RLINK4, V_LLINK6, V_RLINK6, V_LLINKU, V_RLINKU,
	V_LIF4, V_RIF4, V_LIF6, V_RIF6, V_LIFU, V_RIFU,
	V_MSGID, V_MSGACK, V_HELLO, V_DEAD, V_TXSEQ, V_RXSEQ,
	V_BVFLAGS, V_BVALL, V_BVTYPE, V_BVINT, V_BVNDL, V_BVENC, V_BVTRANS,
	V_BVRATE, V_BVWAVE, V_BVADEAD, V_BVATRANS, V_VERIFYID,
	V_TEFLAGS, V_TEFAULT, V_TEVERIFY, V_TEL4, V_TER4, V_TEL6, V_TER6,
	V_TELU, V_TERU,
	V_DLFLAGS, V_DLPORT, V_DLALLOC, V_DLL4, V_DLR4, V_DLL6, V_DLR6,
	V_DLLU, V_DLRU,
	S_SUB, S_TYPE, S_LEN, S_SWITCH, S_ENC, S_MINBW, S_MAXBW, S_WAVE,
	C_IF4, C_IF6, C_IFU, C_LINK, C_STATUS, R_IF4, R_IF6, R_IFU,
	E_CODE,
	E_V1, E_V2, E_V4, E_V8,
	E_S1, E_S2, E_S4T, E_S4D, E_S8, E_S10,
	E_T1, E_T2, E_T10,
	E_L1, E_L2, E_L4, E_L8, E_L10,
	M_FLAG0, M_OBJ0 = M_FLAG0 + LMP_NMSG, F_NROWS = M_OBJ0 + LMP_NOBJ };

extern const struct st_valname lmp_msg_names[], lmp_class_names[],
    lmp_status_names[];
extern const struct st_field_desc lmp_fields[];

#endif /* STRATA_PROTO_LMP_H */
