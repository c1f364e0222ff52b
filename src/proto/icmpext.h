/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMP's multi-part extensions (RFC 4884, MPLS label stacks RFC 4950,
 * interfaces RFC 5837 and RFC 8335) and an echo's data timestamp: icmp.c's
 * companion (icmpext.c).  Included by those two files only; ICMPv6 reaches
 * the extensions through the registry (the layer "icmpext").
 */
#ifndef STRATA_PROTO_ICMPEXT_H
#define STRATA_PROTO_ICMPEXT_H

#include "fields.h"

/* Where the extension structure starts in the error of n bytes at c
 * (from the ICMP header's start), or 0 when it carries none. */
size_t	icmp_ext_at(struct st_cur *c, unsigned type, size_t n);
/* Adds the extension structure at byte at to the end (n) of the error at
 * c: its header, its checksum and status, its objects. */
void	icmp_ext(struct st_dctx *d, struct st_cur *c, size_t at, size_t n);

/* Whether the echo at c starts its data with a timestamp (tshark's
 * icmp.data_time): adds it (unless decoding lite) and returns 1, or
 * returns 0. */
int	icmp_data_time(struct st_dctx *d, struct st_cur *c);

/* Its rows: the descriptor's .more. */
#define ICMP_EXT_NF	38
extern const struct st_field_desc st_icmp_ext_fields[ICMP_EXT_NF];

#endif /* STRATA_PROTO_ICMPEXT_H */
