/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to openflow.c and openflow4mp.c: the OpenFlow 1.3 bodies that
 * are long tables of fixed structures (ports, statistics, features).
 */
#ifndef STRATA_PROTO_OPENFLOW4_H
#define STRATA_PROTO_OPENFLOW4_H

#include "fields.h"

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
