/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMP's fields for code that asks about ICMP by definition (the quiz's
 * question on the type), and what each type is for, in a sentence.
 */
#ifndef STRATA_PROTO_ICMP_H
#define STRATA_PROTO_ICMP_H

#include "strata/proto.h"

struct st_icmp_handles {
	const struct st_proto		*proto;
	const struct st_field_desc	*type;	/* icmp.type */
	const struct st_valname		*story;	/* by type: what it is for */
};

extern const struct st_icmp_handles st_icmp_h;

#endif /* STRATA_PROTO_ICMP_H */
