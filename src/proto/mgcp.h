/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MGCP's rows (mgcprows.c), for mgcp.c: the field table with Wireshark's
 * names, and which parameter names, local connection options,
 * connection parameters and voice metrics lead to which rows.  Included
 * by those two files only.
 */
#ifndef STRATA_PROTO_MGCP_H
#define STRATA_PROTO_MGCP_H

#include "fields.h"

enum {
	F_VERB, F_RSPCODE, F_TRANSID, F_ENDPOINT, F_VERSION, F_RSPSTRING,
	F_REQ, F_RSP, F_PARAMS, F_PRSPACK, F_PBEARER, F_PCALLID, F_PCONNID,
	F_PCONNID2, F_PNOTIFIED, F_PREQID, F_PLCO, F_PLVM, F_PRVM, F_PMODE,
	F_PREQEV, F_PSIGREQ, F_PRSTMETHOD, F_PRSTDELAY, F_PDIGITMAP, F_POBSEV,
	F_PCPARAM, F_PREASON, F_PEVSTATES, F_PSPECEP, F_PSECONDEP, F_PREQINFO,
	F_PQUARANT, F_PDETEV, F_PCAPAB, F_PMAXDGRAM, F_PPKGLIST, F_PEXT,
	F_PEXTCRIT, F_PRESID, F_PINVALID, F_UNKNOWN, F_MALFORMED, F_LCO_P,
	F_LCO_A, F_LCO_S, F_LCO_E, F_LCO_SCRTP, F_LCO_SCRTCP, F_LCO_B,
	F_LCO_ESCCD, F_LCO_ESCCI, F_LCO_DQGI, F_LCO_DQRD, F_LCO_DQRI,
	F_LCO_DQRR, F_LCO_K, F_LCO_GC, F_LCO_FMTP, F_LCO_NT, F_LCO_OFMTP,
	F_LCO_R, F_LCO_T, F_LCO_RCNF, F_LCO_RDIR, F_LCO_RSH, F_LCO_MP,
	F_LCO_FXR, F_CP_PS, F_CP_OS, F_CP_PR, F_CP_OR, F_CP_PL, F_CP_JI,
	F_CP_LA, F_CP_PCRPS, F_CP_PCROS, F_CP_PCRPL, F_CP_PCRJI, F_CP_X,
	F_VM_NLR, F_VM_JDR, F_VM_BLD, F_VM_GLD, F_VM_BD, F_VM_GD, F_VM_RTD,
	F_VM_ESD, F_VM_SL, F_VM_NL, F_VM_RERL, F_VM_GMN, F_VM_NSR, F_VM_XSR,
	F_VM_MLQ, F_VM_MCQ, F_VM_PLC, F_VM_JBA, F_VM_JBR, F_VM_JBN, F_VM_JBM,
	F_VM_JBS, F_VM_IAJ, F_COUNT, F_NMGCP,
};

extern const struct st_field_desc st_mgcp_fields[F_NMGCP];

/* A parameter named by one letter and its colon (C: call ID). */
struct st_mgcp_letter {
	uint8_t		 c;		/* upper case */
	uint8_t		 row;
};
extern const struct st_mgcp_letter st_mgcp_letters[];

/* One named by a letter, or by that letter and a second (R:, RM, RD). */
struct st_mgcp_pair {
	uint8_t		 c;		/* upper case */
	uint8_t		 row;		/* with its colon */
	uint8_t		 c2, row2;	/* a second letter (0: none) */
	uint8_t		 upper;		/* c2 matched in either case */
	uint8_t		 c3, row3;	/* another, in either case */
};
extern const struct st_mgcp_pair st_mgcp_pairs[];

/* A part of a value, by its name (NULL-terminated tables). */
struct st_mgcp_part {
	const char	*name;
	uint8_t		 row;
	uint8_t		 num;		/* a number */
};
extern const struct st_mgcp_part st_mgcp_lco[], st_mgcp_cparams[],
    st_mgcp_vm[];

#endif
