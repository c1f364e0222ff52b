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
	/* query info and find responses (smb2info.c) */
	F_UNKNOWN, F_NLINKS, F_DELPEND, F_ISDIR, F_FILEID, F_EASIZE,
	F_POSINFO, F_MODEINFO, F_ALIGN, F_FNLEN, F_FINDLEVEL, F_FINDFLAGS,
	F_PATTERN, F_OUTLEN, F_FINDBLOB, F_NEXTOFF, F_FINDEX, F_SNLEN,
	F_SHORTNAME,
	/* create contexts (smb2ctx.c) */
	F_REPFLAGS, F_CCHAIN, F_TAG, F_CDATA, F_QFID,
	/* error responses */
	F_ERRCC, F_ERRRSV, F_ERRBC, F_ERRDATA,
	/* create contexts' data (smb2ctx.c) */
	F_L_KEY, F_L_STATE, F_L_FLAGS, F_L_DUR, F_L_PKEY, F_L_EPOCH, F_L_RSV,
	F_M_STATUS, F_DHNQ_RSV, F_DH_TIMEOUT, F_DH_FLAGS, F_DH_RSV, F_DH_GUID,
	/* ioctl */
	F_IOFUNC, F_IODEV, F_IOACC, F_IOFN, F_IOMETH, F_IOFSCTL, F_IOIN,
	F_IOOUT, F_IOMAXIN, F_IOMAXOUT, F_IOFLAGS,
	/* read */
	F_RPAD, F_RFLAGS, F_RBYTES, F_CHBLOB, F_RREMAIN,
	/* write; the transform header */
	F_DATAOFF, F_WFLAGS, F_CHIOFF, F_CHILEN,
	F_X_SIG, F_X_NONCE, F_X_SIZE, F_X_RSV, F_X_FLAGS, F_X_ENCR, F_X_DATA,
	/* tree connect, set info */
	F_TCRSV, F_CACHING, F_ADDLS, F_SIRSV,
	/* negotiate and its contexts (smb2neg.c) */
	F_MAXTRANS, F_MAXREAD, F_MAXWRITE, F_CURTIME, F_BOOTTIME, F_NCOFF,
	F_NCCOUNT, F_NCTYPE, F_NCLEN, F_NCHASHN, F_NCSALTLEN, F_NCHASH,
	F_NCSALT, F_NCCIPHN, F_NCCIPH, F_NCCOMPN, F_NCCOMPF, F_NCCOMPCH,
	F_NCCOMPRSV, F_NCCOMP, F_NCNETNAME, F_NCTRANSP, F_NCSIGNN, F_NCSIGN,
	F_NCPOSIX, F_PREAUTH, F_RBLOB,
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
	uint32_t	 flags;		/* the header's */
	uint32_t	 status;
	uint64_t	 sesid, msgid;
	int		 has_req;	/* a response whose request was seen */
	uint8_t		 req[4];	/* its note: command, class, level */
	uint8_t		 note[4];	/* a request's note, set by its body */
	uint8_t		 share_type;	/* the tree's, when known (2: a pipe) */
	size_t		 pipe_off;	/* the pipe's bytes the body found */
	size_t		 pipe_len;	/* (0: none) */
};

#define SMB2_SHARE_PIPE	2

/* The note of a request: what its response needs to be read. */
enum { N_CMD, N_CLASS, N_LEVEL };

/* The readers of a message (smb2.c), at byte off from its header: the
 * n-byte little-endian value (0 and c->err set when the bytes are not
 * there); row f over it; a flags word with the bits of table bits. */
uint64_t smb2_le_at(struct smb2_msg *m, size_t off, size_t n);
uint64_t smb2_le(struct smb2_msg *m, int f, size_t off, size_t n);
uint32_t smb2_flags(struct smb2_msg *m, int f, size_t off, size_t n,
	    const struct lebit *bits, size_t nbits);

#define FLAGS(m, f, off, n, t)	smb2_flags(m, f, off, n, t, NFIELDS(t))

/* What earlier packets said of the message's session (and of its tree
 * tid when has_tid), as generated fields (smb2.c). */
void	smb2_facts(struct smb2_msg *m, uint32_t tid, int has_tid);

/* The body of command cmd (smb2body.c), after the header. */
void	smb2_body(struct smb2_msg *m, unsigned cmd);

/* Readers of smb2body.c the other body files share: a GUID as
 * Wireshark writes one; a UTF-16LE name as text (1, or 0: none) and as
 * row f; n reserved bytes; a FILETIME as an absolute time; the file
 * attributes word with its bits. */
void	smb2_guid(struct smb2_msg *m, int f, size_t off);
int	smb2_name16_text(struct smb2_msg *m, size_t off, size_t len,
	    char *buf, size_t n);
void	smb2_name16(struct smb2_msg *m, int f, size_t off, size_t len);
void	smb2_rsv(struct smb2_msg *m, size_t off, size_t n);
void	smb2_filetime(struct smb2_msg *m, int f, size_t off);
void	smb2_times4(struct smb2_msg *m, size_t off);
void	smb2_fattr(struct smb2_msg *m, size_t off);
void	smb2_access(struct smb2_msg *m, size_t off);
/* An offset (on bytes at ooff) and a length (ln bytes at loff), shown
 * as smb2.olb.*: 1 with the blob's place, or 0 when they are not there. */
int	smb2_olb(struct smb2_msg *m, size_t ooff, size_t on, size_t loff,
	    size_t ln, size_t *boff, size_t *blen);

/* Query info and find (smb2info.c): requests and responses. */
void	smb2_getinfo_level(struct smb2_msg *m);
void	smb2_getinfo_resp(struct smb2_msg *m, size_t b);
void	smb2_find(struct smb2_msg *m, size_t b);
void	smb2_find_level(struct smb2_msg *m);

/* A named pipe's bytes (smb2pipe.c): a READ response's, a WRITE
 * request's, an ioctl's buffer (1 when they are the pipe's, an
 * FSCTL_PIPE_TRANSCEIVE); they set pipe_off and pipe_len. */
void	smb2_pipe_read(struct smb2_msg *m, size_t off, size_t n);
void	smb2_pipe_write(struct smb2_msg *m, size_t off, size_t n);
int	smb2_pipe_ioctl(struct smb2_msg *m, uint32_t code, size_t off,
	    size_t n);

/* smb2neg.c's preauthentication hashes forgotten for a new capture. */
void	smb2_neg_forget(void);

/* The transform header of an encrypted message (smb2neg.c): its
 * fields, the session's facts, the encrypted bytes; the message's
 * length. */
size_t	smb2_transform(struct smb2_msg *m);

/* The SMB 3.1.1 preauth integrity hash after negotiate or session setup
 * message m (next: its NextCommand), as Wireshark shows it (smb2neg.c). */
void	smb2_preauth(struct smb2_msg *m, unsigned cmd, uint32_t next);

/* A negotiate's count contexts at off (smb2neg.c). */
void	smb2_neg_contexts(struct smb2_msg *m, size_t off, unsigned count);

/* A create's contexts (smb2ctx.c): the chain of n bytes at off. */
void	smb2_contexts(struct smb2_msg *m, size_t off, size_t n);

#endif
