/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A named pipe's bytes inside an SMB message (src/proto/smb2pipe.c), for
 * SMB1's and SMB2's decoders: the hand-off to what the registry binds
 * under ST_KEY_PIPE (DCE/RPC).
 */
#ifndef STRATA_SMBPIPE_H
#define STRATA_SMBPIPE_H

#include <stddef.h>

#include "strata/proto.h"

/*
 * The len pipe bytes at off from c's position (the message's start, the
 * message reaching to the end of c) go on as the next layer: d's header
 * ends at off, the bytes after them are the message's own.  Returns 1
 * when handed on, else 0 (d as it was).
 */
int	smb_pipe_on(struct st_dctx *d, const struct st_cur *c, size_t off,
	    size_t len);

/* Whether the pipe's protocol (DCE/RPC) recognises the len bytes at off
 * from c's position: for a message that does not say it is a pipe's (an
 * SMB1 Transaction, whose response names no pipe). */
int	smb_pipe_is(const struct st_cur *c, size_t off, size_t len);

#endif
