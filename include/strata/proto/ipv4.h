/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4's fields for code that asks about IPv4 by definition (the quiz's
 * questions on its total length, header length, checksum and fragment
 * offset): pointers to rows of its table, so the compiler checks them.
 */
#ifndef STRATA_PROTO_IPV4_H
#define STRATA_PROTO_IPV4_H

#include "strata/proto.h"

struct st_ipv4_handles {
	const struct st_proto		*proto;
	const struct st_field_desc	*len;	/* ip.len */
	const struct st_field_desc	*ihl;	/* ip.hdr_len */
	const struct st_field_desc	*cksum;	/* ip.checksum */
	const struct st_field_desc	*frag;	/* ip.frag_offset */
	const struct st_field_desc	*mf;	/* ip.flags.mf */
};

extern const struct st_ipv4_handles st_ipv4_h;

#endif /* STRATA_PROTO_IPV4_H */
