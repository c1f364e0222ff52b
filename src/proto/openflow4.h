/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to openflow.c, openflow4.c and openflow4mp.c: the message loop
 * both versions share, and the OpenFlow 1.3 bodies that are long tables of
 * fixed structures (ports, statistics, features).
 */
#ifndef STRATA_PROTO_OPENFLOW4_H
#define STRATA_PROTO_OPENFLOW4_H

#include "fields.h"

/* The first rows of either version's field table: the header. */
enum { OFH_VER, OFH_TYPE, OFH_LEN, OFH_XID };

/* Rows [first, first + n) of t at byte off of c; a missing byte sets
 * c->err. */
void st_of_at(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *t, size_t off, unsigned first, unsigned n);
/* One message with header rows t of version ver, its body read by body;
 * the decoder of either version. */
int st_of_message(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *t, unsigned ver,
    void (*body)(struct st_dctx *, struct st_cur *, unsigned, size_t));
/* "OpenFlow <ver> TYPE xid N len N" from the header rows t. */
int st_of_summary(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field_desc *t, const char *ver);

/* One OXM field (its 4-byte header and n bytes of value) at byte o. */
void st_of4_oxm(struct st_dctx *d, struct st_cur *c, size_t o, size_t n);
/* The actions, the instructions from byte pos to end (openflow4act.c). */
void st_of4_actions(struct st_dctx *d, struct st_cur *c, size_t pos,
    size_t end);
void st_of4_instructions(struct st_dctx *d, struct st_cur *c, size_t pos,
    size_t end);

/* A port description (OF 1.3 7.2.1, 64 bytes) at byte pos of c. */
void st_of4_port(struct st_dctx *d, struct st_cur *c, size_t pos);

/*
 * The body of a multipart request (type 18) or reply (19) after its
 * 16-byte header, len the message's declared length; and the async
 * configuration of GET_ASYNC_REPLY and SET_ASYNC.
 */
void st_of4_multipart(struct st_dctx *d, struct st_cur *c, unsigned type,
    size_t len);
void st_of4_async(struct st_dctx *d, struct st_cur *c, size_t len);
/* The PORT_MOD body (type 16). */
void st_of4_portmod(struct st_dctx *d, struct st_cur *c, size_t len);

#endif
