/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IS-IS CLVs with inner structure (point-to-point adjacency, SPB port
 * capability, extended IS and IP reachability with their sub-CLVs), for
 * isis.c; their rows and decoders live in isisclv.c.  Included by those
 * two files only.
 */
#ifndef STRATA_PROTO_ISISCLV_H
#define STRATA_PROTO_ISISCLV_H

#include "fields.h"

/* The rows isisclv.c adds (the IS-IS header descriptor's look-up rows). */
#define ST_ISIS_NCLV	92
extern const struct st_field_desc st_isis_clv_fields[ST_ISIS_NCLV];

/*
 * "isis.lsp.overload", spelt once: the LSP header's bit (isis.c) and CLV
 * 144's (isisclv.c) are one Wireshark field, and views group the fields
 * of a layer by their name's pointer (one literal, one name).
 */
extern const char st_isis_lsp_overload[];

/*
 * Decodes the value of a hello's (lsp 0) or an LSP's (lsp 1) CLV of type
 * type and n value bytes; t is at the CLV's type byte, its end at the
 * CLV's end.  CLVs it does not know are left alone.
 */
void	st_isis_clv_more(struct st_dctx *d, struct st_cur *t, int lsp,
	    unsigned type, size_t n);

#endif
