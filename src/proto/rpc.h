/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ONC RPC's program layers (portmap.c, mount.c, nfs.c): what rpc.c hands
 * them and the XDR readers (RFC 4506) they share.  rpc.c ends a call, or
 * an accepted reply whose call it saw, with the key ST_KEY_RPCPROG and the
 * program number; the program's layer reads the procedure's arguments or
 * results.  Included by those files only.
 */
#ifndef STRATA_PROTO_RPC_H
#define STRATA_PROTO_RPC_H

#include "fields.h"

#define RPC_MAXSTR	1024	/* bytes of a string shown */

/* The message a program layer follows. */
struct st_rpcmsg {
	uint32_t	 prog, vers, proc;
	int		 reply;		/* 0 call, 1 reply */
};

/* An XDR walk over the layer: [pos, end) from c's position. */
struct st_xdr {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 pos, end;
};

/*
 * Starts a program layer: the message before it into *m, the walk over the
 * layer's bytes into *x, and the fields Wireshark repeats in the program's
 * tree: rpc.programversion and the procedure (row proc[vers], NULL rows
 * and versions past nvers: none).  Returns 0, or -1 when no RPC layer
 * comes before (the layer is then no program's).
 */
int	st_rpc_begin(struct st_dctx *d, struct st_cur *c, struct st_xdr *x,
	    struct st_rpcmsg *m, const struct st_field_desc *const *proc,
	    unsigned nvers);

/* Row fd (NULL: none) over the next 4 bytes; the value, or -1 when cut. */
long long st_xdr_u32(struct st_xdr *x, const struct st_field_desc *fd);

/*
 * A string or opaque of at most max bytes as row fd (its format: text
 * escaped, or bytes): rpc.opaque_length, the value, rpc.fill_bytes.
 * Returns ST_OK, ST_ETRUNC, or ST_EINVAL (longer than max).
 */
int	st_xdr_string(struct st_xdr *x, const struct st_field_desc *fd,
	    size_t max);

/*
 * Ends the layer at the walk's position: rc as the decoder's result, a
 * cut that a later TCP segment continues taken as no error.
 */
int	st_xdr_end(struct st_xdr *x, int rc);

/* rpc.fill_bytes, spelt once: RPC's and NFS attributes'. */
extern const char st_rpc_fill_bytes[];

#endif
