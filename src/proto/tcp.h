/*
 * TCP's fields for code that asks about TCP by definition (the quiz's
 * relative sequence number): pointers to rows of its table, so the
 * compiler checks them.
 */
#ifndef STRATA_PROTO_TCP_H
#define STRATA_PROTO_TCP_H

#include "strata/proto.h"

struct st_tcp_handles {
	const struct st_proto		*proto;
	const struct st_field_desc	*seq;	/* tcp.seq_raw */
	const struct st_field_desc	*len;	/* tcp.len */
};

extern const struct st_tcp_handles st_tcp_h;

#endif /* STRATA_PROTO_TCP_H */
