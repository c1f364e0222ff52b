/*
 * Shorthands for the field tables of src/decode/: one row per header field,
 * as the RFC draws it (bit offset from the header's start, width).
 */
#ifndef STRATA_DECODE_FIELDS_H
#define STRATA_DECODE_FIELDS_H

#include "strata/decode.h"

#define FD(k, n, l, off, w, f) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f) }
#define FDN(k, n, l, off, w, f, nm) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .names = (nm) }
#define FDX(k, n, l, off, w, f, sh, au, fl, df, nm) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .shift = (sh), .autofill = (au), \
	  .flags = (fl), .def = (df), .names = (nm) }
/* A part of another field (its bits inside the other's): detail. */
#define FDD(k, n, l, off, w, f) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .flags = ST_DF_DETAIL }
#define FDDN(k, n, l, off, w, f, nm) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .flags = ST_DF_DETAIL, .names = (nm) }

/* A generated field: a fact strata works out, not bits on the wire. */
#define FDG(n, l, f, nm) \
	{ .key = NULL, .name = (n), .label = (l), .fmt = (f), \
	  .flags = ST_DF_GEN, .names = (nm) }
#define NFIELDS(t) (sizeof(t) / sizeof((t)[0]))

/* Shared value names (registry.c). */
extern const struct st_valname st_ethertype_names[];
extern const struct st_valname st_ipproto_names[];
extern const struct st_valname st_ck_names[];

/* Adds the checksum status field described by fd after checksum field f. */
void st_dckstatus(struct st_dctx *d, const struct st_field *f,
    const struct st_field_desc *fd);

/* TCP's flags as names, "SYN, ACK" (tcp.c). */
const char *st_tcp_flag_names(unsigned fl);

/* How many layers of protocol p the current chain already holds. */
unsigned st_dcount(const struct st_dctx *d, const struct st_proto *p);

#endif
