/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DCE/RPC (src/proto/dcerpc.c, dcerpcctx.c): the PDU being read and what
 * the two files share.
 */
#ifndef STRATA_PROTO_DCERPC_H
#define STRATA_PROTO_DCERPC_H

#include "fields.h"

/* The PDU being read, at c's position, numbers in byte order le. */
struct pdu {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;	/* its bytes present */
	int		 le;
};

/* Row fd over n bytes at off, in byte order le (1 little-endian); its
 * value (0, the cursor marked cut, when the bytes are not there). */
uint64_t dce_num(struct pdu *p, const struct st_field_desc *fd, size_t off,
    size_t n, int le);
/* The UUID at t (first fields in byte order le) as text into buf (at
 * least 37 bytes): 1, or 0 when its bytes are not there. */
int	dce_uuid_text(struct st_cur *t, int le, char *buf, size_t n);

/* A bind's or alter context's presentation context items from off
 * (dcerpcctx.c). */
void	dce_contexts(struct pdu *p, size_t off, unsigned n);
/* A bind ack's negotiate_ack result: its bind time feature bits at
 * off. */
void	dce_btfn(struct pdu *p, size_t off);
/* The verification trailer ([MS-RPCE] 2.2.2.13) Wireshark looks for in
 * the last 512 bytes of a stub's [from, end): its signature's offset,
 * or 0 when there is none. */
size_t	dce_trailer_at(const struct pdu *p, size_t from, size_t end);
/* The trailer at sig, its commands up to end. */
void	dce_trailer(struct pdu *p, size_t sig, size_t end);

#endif
