/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SMB Pipe Protocol ([MS-CIFS] 2.2.5, the Transaction subcommands
 * on a named pipe): an SMB1 Transaction named \PIPE\ carries a pipe
 * function in its first setup word and the pipe's FID (or, for
 * WaitNamedPipe, a priority) in its second.
 *
 *   +-----------------+-----------------+
 *   | function (2 LE) | FID / priority  |     the request's setup words
 *   +-----------------+-----------------+
 *
 * Wireshark shows these as a protocol of its own between SMB and what
 * the pipe carries (DCE/RPC on \lsarpc, \samr ...), and on the response,
 * which has no setup words, it repeats the request's function and FID,
 * with what is known of the file, as a layer without bytes.  SMB1's
 * decoder (smb.c) opens this layer last, over the setup words or at the
 * end of its header, saying what it learnt in smb1_pipe_now.
 */
#include "smb1.h"

#define FN_WAIT		0x53	/* WaitNamedPipe: the second word is a
				   priority */

enum { F_FUNC, F_PRIO };

static const struct st_valname func_names[] = {
	{ 0x0001, "SetNmPHandState" }, { 0x0011, "RawReadNmPipe" },
	{ 0x0021, "QNmPHandState" }, { 0x0022, "QNmPipeInfo" },
	{ 0x0023, "PeekNmPipe" }, { 0x0026, "TransactNmPipe" },
	{ 0x0031, "RawWriteNmPipe" }, { 0x0036, "CallNmPipe" },
	{ 0x0053, "WaitNamedPipe" }, { 0x0054, "CallNamedPipe" },
	{ 0, NULL }
};

static const struct st_field_desc pipe_fields[] = {
	[F_FUNC] = FDN("function", "smb_pipe.function", "Function", 0, 16,
	    ST_FMT_HEX, func_names),
	[F_PRIO] = FD("priority", "smb_pipe.priority", "Priority", 16, 16,
	    ST_FMT_DEC),
};

_Thread_local struct smb1_pipe smb1_pipe_now;

/* Row f, a little-endian word at byte off. */
static long long
lefield(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	long long v = smb1_le_at(c, off, 2);
	struct st_field *fl;

	if (v < 0) {
		c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(d, c, &pipe_fields[f], off, 2)) != NULL)
		fl->val = (uint64_t)v;
	return v;
}

static int
pipe_decode(struct st_dctx *d, struct st_cur *c)
{
	struct smb1_pipe p = smb1_pipe_now;
	struct smb1_msg m = { .d = d, .c = c, .resp = p.resp };
	struct smb1_fidinfo fi;

	smb1_pipe_now.on = 0;
	if (!p.on)		/* reached some other way: nothing known */
		return ST_OK;
	if (p.resp) {
		/* the request's function and FID, no bytes of their own */
		st_dgen(d, &pipe_fields[F_FUNC], p.func);
		if (p.hasfid) {
			m.hasfid = 1;
			m.reqfid = 1;
			m.fid = p.fid;
			/* here even when its file is not known (SMB's own
			 * layer repeats only a known one) */
			if (smb1_fid_get(smb1_conv(d), p.fid, 0, &fi))
				smb1_pipe_fid(&m);
			else
				st_dgen(d, &smb_fields[F_FID], p.fid);
		}
		return ST_OK;
	}
	/* the words are little-endian, as all of SMB1's */
	if (lefield(d, c, F_FUNC, 0) < 0)
		return ST_ETRUNC;
	if (p.func == FN_WAIT)
		lefield(d, c, F_PRIO, 2);
	else
		smb1_fid(&m, 2, 0);
	return c->err;
}

static const struct st_bind pipe_binds[] = {
	{ ST_KEY_PIPE, ST_PIPE_SMB1 },
};

static const struct st_field_desc *const pipe_keys[] = {
	&pipe_fields[F_FUNC], NULL,
};

const struct st_proto st_proto_smb_pipe = {
	.name = "smb_pipe",
	.ws = "smb_pipe",
	.title = "SMB Pipe Protocol",
	.rfc = "[MS-CIFS] 2.2.5",
	.role = ST_ROLE_NETEXT,
	.fields = pipe_fields,
	.nfields = NFIELDS(pipe_fields),
	.decode = pipe_decode,
	.binds = pipe_binds,
	.nbinds = NFIELDS(pipe_binds),
	.keys = pipe_keys,
	.color = "\033[35m",
	.explain = "An SMB1 Transaction sent to \\PIPE\\ works a named pipe: "
	    "its first setup word says which pipe function "
	    "(TransactNmPipe writes a request and reads the answer in one "
	    "exchange, as DCE/RPC over SMB does), its second names the "
	    "pipe by the FID its open returned.  The pipe's own bytes, "
	    "usually DCE/RPC, are the Transaction's data.",
};
