/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetFlow and IPFIX (src/proto/cflow.c, the headers and the fixed records
 * of versions 1, 5, 7 and 8; src/proto/cflowset.c, the template-driven
 * sets of version 9 and IPFIX and the templates a capture taught): their
 * shared field table and helpers.  Private to those two files.
 */
#ifndef STRATA_PROTO_CFLOW_PRIV_H
#define STRATA_PROTO_CFLOW_PRIV_H

#include "fields.h"

enum {
	/* the headers, bit offsets from the PDU's start */
	H_VER, H_COUNT, H_UPTIME, H_TS8, H_TS4, H_TS10, H_SECS, H_NSECS,
	H_SEQ5, H_ETYPE, H_EID, H_SMODE, H_SRATE, H_RES7, H_AGGM, H_AGGV,
	H_RES8, H_SEQ9, H_SRCID, H_LEN, H_EXPT, H_SEQ10, H_ODID,
	/* a version 1, 5 or 7 flow record */
	R_SRC, R_DST, R_HOP, R_IN, R_OUT, R_PKTS, R_OCTS, R_DELTA, R_START,
	R_END, R_SPORT, R_DPORT, R1_PAD1, R5_PAD1, R1_PROTO, R1_TOS, R1_TCPF, R1_PAD, R1_RES,
	R7_FLAGS, R5_TCPF, R5_PROTO, R5_TOS, R5_SAS, R5_DAS, R5_SMASK,
	R5_DMASK, R5_PAD, R7_RSC,
	/* a version 8 aggregation record (methods 1 to 5) */
	V8_FLOWS, V8_PKTS, V8_OCTS, V8_SAS, V8_DAS, V8_IN, V8_OUT, V8_PROTO,
	V8_PAD1, V8_RES2, V8_SPORT, V8_DPORT, V8_SNET, V8_SMASK, V8_PAD,
	V8_SAS3, V8_IN3, V8_RES3, V8_DNET, V8_DMASK, V8_DAS4, V8_OUT4,
	V8_DNET5, V8_SMASK5, V8_DMASK5, V8_RES5, V8_SAS5, V8_DAS5, V8_IN5,
	V8_OUT5,
	/* version 9 and IPFIX sets, templates and records */
	S_ID, S_LEN, S_PAD, S_TFRAME, T_ID, T_COUNT, T_TYPE9, T_FLEN, T_PENF,
	T_TYPE10, T_CISCO, T_ENT, T_PEN, O_SCOPELEN, O_OPTLEN, O_SCOPE9,
	O_TOTAL, O_SCOPECNT, D_NOTMPL, D_UNKNOWN, D_ENT, D_OTHER, D_SLEN1,
	D_SLEN2, D_TCPRES, D_URG, D_ACK, D_PSH, D_RST, D_SYN, D_FIN,
	/* information elements a record holds (cflowset.c's ie_map) */
	E_FIRST, E_OCTETS = E_FIRST, E_PACKETS, E_FLOWS, E_PROTO, E_TOS,
	E_TCPF, E_SPORT, E_SRC, E_SMASK, E_IN, E_DPORT, E_DST, E_DMASK,
	E_OUT, E_HOP, E_SAS, E_DAS, E_BGPHOP, E_MULPKTS, E_MULOCTS, E_END,
	E_START, E_POSTOCTS, E_POSTPKTS, E_LMIN, E_LMAX, E_SRC6, E_DST6,
	E_SMASK6, E_DMASK6, E_LABEL6, E_ICMPTC, E_IGMP, E_SINT, E_SALG,
	E_ACTIVE, E_INACTIVE, E_ETYPE, E_EID, E_OCTSEXP, E_PKTSEXP,
	E_FLOWSEXP, E_HOP6, E_BGPHOP6, E_EXTHDR, E_SMAC, E_DMAC, E_VLAN,
	E_POSTVLAN, E_IPVER, E_DIR, E_TOPTYPE, E_TOPADDR, E_SAMPLER,
	E_TTLMIN, E_TTLMAX, E_POSTTOS, E_POSTSMAC, E_POSTDMAC, E_IFNAME,
	E_IFDESCR, E_EXPADDR, E_EXPADDR6, E_ENDREASON, E_FLOWID,
	E_ICMPTYPE, E_ICMPCODE, E_NATSRC, E_NATDST, E_NAPTSRC, E_NAPTDST,
	E_PERMOCTS, E_PERMPKTS, E_FRAGID, E_FRAGOFF, E_ABSSTART, E_ABSEND,
	E_ODID, E_SCSYS, E_SCIF, E_SCLC, E_SCCACHE, E_SCTMPL, E_DELTA,
	CF_NROWS
};

extern const struct st_field_desc cf_fields[CF_NROWS];

/* Adds rows [first, first + n) read at byte pos past w's position
 * (setting w's error when they are not all there); returns w->err. */
int	cf_at(struct st_dctx *d, struct st_cur *w, size_t pos, int first,
	    size_t n);

/* A text field of n bytes at pos past c: the time secs.nsec as tshark
 * writes an absolute time; NULL when it has no date. */
struct st_field *cf_abstime(struct st_dctx *d, struct st_cur *c,
	    int row, size_t pos, size_t n, int64_t secs, uint32_t nsec);

/* ms milliseconds as tshark writes a relative time, into buf. */
void	cf_relfmt(char *buf, size_t n, int64_t ms);

/* A text field of n bytes at pos past c: ms milliseconds as tshark
 * writes a relative time ("123.456000000"). */
struct st_field *cf_reltime(struct st_dctx *d, struct st_cur *c, int row,
	    size_t pos, size_t n, int64_t ms);

/*
 * The sets of a version 9 (ver 9) or IPFIX (ver 10) message from w's
 * position to its end: templates noted (under the conversation, source
 * ID / observation domain dom), records decoded by them.  Returns ST_OK,
 * ST_ETRUNC, or ST_EINVAL having marked the layer.
 */
/* cflowset.c: empties the table of templates (a new capture). */
void	cflow_forget(void);

int	cf_sets(struct st_dctx *d, struct st_cur *w, unsigned ver,
	    uint32_t dom);

#endif /* STRATA_PROTO_CFLOW_PRIV_H */
