/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GTPv1-C information elements (3GPP TS 29.060 7.7), decoded by gtpie.c
 * for gtp.c.  Included by those two files only.
 */
#ifndef STRATA_PROTO_GTPIE_H
#define STRATA_PROTO_GTPIE_H

#include "fields.h"

/* Decodes the elements in bytes [off, end) of the header at c, of GTP
 * version ver (0 or 1); then the PPP packets of its protocol configuration
 * options as layers after GTP's (so the caller adds no fields after). */
void	st_gtp_ies(struct st_dctx *d, struct st_cur *c, size_t off,
    size_t end, unsigned ver);

/* gtp.length, spelt once: the header's and an information element's. */
extern const char st_gtp_length[];

#endif
