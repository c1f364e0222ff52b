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

/* The match at byte pos: its length without padding, 0 when cut or
 * lying; an OXM id (4-byte header), instruction id and action id (type,
 * length) at byte o (table-features properties). */
size_t st_of4_match(struct st_dctx *d, struct st_cur *c, size_t pos,
    size_t end);
void st_of4_oxm_id(struct st_dctx *d, struct st_cur *c, size_t o);
void st_of4_ins_id(struct st_dctx *d, struct st_cur *c, size_t o);
void st_of4_act_id(struct st_dctx *d, struct st_cur *c, size_t o);

/*
 * openflow4grp.c: the bodies of groups, meters, queues, TABLE_MOD and an
 * ERROR's data (st_of4_more, by message type); the multipart bodies it
 * reads (st_of4_mp_more: 0 when it does not read that one); the contents
 * of a table-features property of n bytes at byte pos.
 */
void st_of4_more(struct st_dctx *d, struct st_cur *c, unsigned type,
    size_t len);
int st_of4_mp_more(struct st_dctx *d, struct st_cur *c, unsigned type,
    unsigned mp, size_t len);
void st_of4_tfprop(struct st_dctx *d, struct st_cur *c, size_t pos,
    size_t n);

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
