/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2: what smb2.c (the header, the field table, the descriptor) and
 * smb2body.c (the bodies of the commands) share.  Included by those two
 * files only.
 */
#ifndef STRATA_PROTO_SMB2_H
#define STRATA_PROTO_SMB2_H

#include <stddef.h>
#include <stdint.h>

#include "fields.h"

#define SMB2_HDR	64

enum { C_NEGOTIATE, C_SESSION_SETUP, C_LOGOFF, C_TREE_CONNECT,
	C_TREE_DISCONNECT, C_CREATE, C_CLOSE, C_FLUSH, C_READ, C_WRITE,
	C_LOCK, C_IOCTL, C_CANCEL, C_ECHO, C_QUERY_DIRECTORY,
	C_CHANGE_NOTIFY, C_QUERY_INFO, C_SET_INFO, C_OPLOCK_BREAK, C_N };

/* The rows of smb2_fields. */
enum { F_PROTO, F_HLEN, F_CHARGE, F_STATUS, F_CHSEQ, F_CMD, F_CREQ,
	F_CGRANT, F_FLAGS, F_FRESP, F_FASYNC, F_FCHAIN, F_FSIGN, F_FPRIO,
	F_FDFS, F_FREPLAY, F_NEXT, F_MID, F_PID, F_AID, F_TID, F_SESID,
	F_SIG, F_BUFCODE, F_BUFLEN, F_BUFDYN,
	/* bodies */
	F_DCOUNT, F_SECMODE, F_CAPS, F_CGUID, F_SGUID, F_DIALECT,
	F_TCFLAGS, F_TREE, F_SHTYPE, F_SHFLAGS, F_SHCAPS, F_OPLOCK,
	F_IMPERS, F_CFLAGS, F_ACCESS, F_FATTR, F_SHACCESS, F_DISPO,
	F_COPTS, F_FILENAME, F_ACTION, F_ALLOC, F_EOF, F_FID, F_CLFLAGS,
	F_RLEN, F_WLEN, F_OFFSET, F_MINCOUNT, F_WCOUNT, F_WREMAIN,
	/* facts of earlier packets; session setup */
	F_ACCT, F_DOMAIN, F_HOST, F_AUTHFR, F_TCONFR, F_RESPTO, F_TIME,
	F_RESERVED, F_SESREQF, F_CHANNEL, F_PREVSES, F_OLBOFF, F_OLBLEN,
	F_SECBLOB, F_SESFLAGS, F_CTIME, F_ATIME, F_WTIME, F_CHTIME,
	F_PQATTR, F_CLASS, F_FILEINFO, F_FSINFO, F_SECINFO, F_MAXRESP,
	F_GIOFF, F_GISIZE, F_ADDL, F_GIFLAGS, F_SISIZE, F_SIOFF,
	F_NSMB2 };

#define B(n, l)		FD(NULL, n, l, 0, 1, ST_FMT_BOOL)

/* A bit (or bits) of a little-endian flags word, as Wireshark names it. */
struct lebit {
	struct st_field_desc fd;
	uint32_t	 mask;
};

#define LB(n, m)	{ B(n, n), (m) }

extern const struct st_field_desc smb2_fields[F_NSMB2];

/* The message being read: the header starts at c's position. */
struct smb2_msg {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;	/* the message's bytes present */
	int		 resp;
	uint32_t	 status;
	uint64_t	 sesid, msgid;
};

/* The readers of a message (smb2.c), at byte off from its header: the
 * n-byte little-endian value (0 and c->err set when the bytes are not
 * there); row f over it; a flags word with the bits of table bits. */
uint64_t smb2_le_at(struct smb2_msg *m, size_t off, size_t n);
uint64_t smb2_le(struct smb2_msg *m, int f, size_t off, size_t n);
uint32_t smb2_flags(struct smb2_msg *m, int f, size_t off, size_t n,
	    const struct lebit *bits, size_t nbits);

#define FLAGS(m, f, off, n, t)	smb2_flags(m, f, off, n, t, NFIELDS(t))

/* The body of command cmd (smb2body.c), after the header. */
void	smb2_body(struct smb2_msg *m, unsigned cmd);

#endif
