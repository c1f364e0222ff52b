/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 named pipes ([MS-SMB2] 2.2.19-2.2.22, 2.2.31; [MS-FSCC] 2.3.49):
 * a file opened on a tree of share type pipe (IPC$: \srvsvc, \lsarpc,
 * \samr) carries the bytes of another protocol, DCE/RPC as a rule.
 * Wireshark hands them on from a READ response on such a tree (a READ
 * answered asynchronously too: only a pipe's is), from a WRITE request
 * whose bytes DCE/RPC recognises, whatever the tree,
 * and from the input of an FSCTL_PIPE_TRANSCEIVE request and the output
 * of its response whatever the tree.  The body readers (smb2body.c) say
 * where the bytes are; smb2.c hands them to the registry under
 * ST_KEY_PIPE (smb_pipe_on, SMB1's Transaction too).
 */
#include "strata/registry.h"
#include "fields.h"
#include "smb2.h"
#include "smbpipe.h"

#define FSCTL_PIPE_TRANSCEIVE	0x0011c017u
#define SMB2_FLAGS_ASYNC	0x2

/* The n pipe bytes at off, when there are any and the frame holds them
 * all: Wireshark hands on no part of a pipe's message that the TCP
 * segment cuts (it would reassemble it), the SMB2 message is shown. */
static void
pipe_at(struct smb2_msg *m, size_t off, size_t n)
{
	if (n == 0 || off < SMB2_HDR || m->c->err != ST_OK ||
	    off > st_cur_left(m->c) || n > st_cur_left(m->c) - off)
		return;
	m->pipe_off = off;
	m->pipe_len = n;
}

void
smb2_pipe_read(struct smb2_msg *m, size_t off, size_t n)
{
	if (m->share_type == SMB2_SHARE_PIPE ||
	    (m->flags & SMB2_FLAGS_ASYNC))
		pipe_at(m, off, n);
}

/* Wireshark tries the pipe's protocols on any WRITE: DCE/RPC's own
 * test says then. */
void
smb2_pipe_write(struct smb2_msg *m, size_t off, size_t n)
{
	if (m->share_type == SMB2_SHARE_PIPE || smb_pipe_is(m->c, off, n))
		pipe_at(m, off, n);
}

int
smb2_pipe_ioctl(struct smb2_msg *m, uint32_t code, size_t off, size_t n)
{
	if (code != FSCTL_PIPE_TRANSCEIVE || n == 0)
		return 0;
	pipe_at(m, off, n);
	return m->pipe_len > 0;
}

int
smb_pipe_is(const struct st_cur *c, size_t off, size_t len)
{
	const struct st_proto *p = st_proto_next(ST_KEY_PIPE, 0);
	size_t left = st_cur_left(c);
	struct st_cur t = *c;

	if (p == NULL || p->heuristic == NULL || len == 0 || off > left)
		return 0;
	t.off += off;
	t.end = t.off + (len < left - off ? len : left - off);
	return p->heuristic(&t);
}

int
smb_pipe_on(struct st_dctx *d, const struct st_cur *c, size_t off,
    size_t len)
{
	size_t left = st_cur_left(c), end;

	if (len == 0 || off > left)
		return 0;
	end = len < left - off ? off + len : left;
	d->hdr = off;
	d->plen = len;
	d->tail = left - end;
	d->next_key = ST_KEY_PIPE;
	d->next_val = 0;
	return 1;
}
