/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 (src/proto/smb.c, smbcmd.c, smbrows.c): the rows of the one field
 * table, and what the command bodies share with the header's decoder.
 */
#ifndef STRATA_PROTO_SMB1_H
#define STRATA_PROTO_SMB1_H

#include "fields.h"

#define SMB_HDR		32
#define SMB_STRMAX	256	/* characters of a name shown */
#define SMB1_FILEMAX	128	/* bytes of a file name kept */

enum { F_PROTO, F_CMD, F_STATUS, F_ECLASS, F_ECODE, F_FLAGS, F_FLAGS2,
	F_PIDHI, F_SIG, F_TID, F_PID, F_UID, F_MID, F_WCT, F_ANDX, F_BCC,
	/* the command bodies (smbcmd.c) */
	F_RSV, F_ANDXOFF, F_DIALECT, F_BUFFMT, F_DIALNAME, F_DIALIDX, F_SM,
	F_MAXMPX, F_MAXVCS, F_MAXBUFSZ, F_MAXRAW, F_SESKEY, F_CAPS,
	F_SYSTIME, F_TZ, F_CHLEN, F_CHAL, F_DOMAIN, F_SERVER, F_MAXBUF, F_VC,
	F_ANSIPWLEN, F_UNIPWLEN, F_ANSIPW, F_UNIPW, F_ACCOUNT, F_NATOS,
	F_NATLM, F_ACTION, F_BLOBLEN, F_BLOB, F_CFLAGS, F_PWLEN, F_PASSWORD,
	F_PATH, F_SERVICE, F_SUPPORT, F_NATFS, F_TPC, F_TDC, F_MPC, F_MDC,
	F_MSC, F_TFLAGS, F_TIMEOUT, F_PC, F_PO, F_PD, F_DC, F_DO, F_DD, F_SC,
	F_TNAME, F_PAD, F_TPARAMS, F_TDATA, F_T2CMD, F_FID, F_GUID,
	F_FNLEN, F_CRFLAGS, F_RFID, F_ACCESS, F_ALLOC, F_FATTR, F_SHARE,
	F_DISP, F_COPTS, F_IMP, F_SECFL, F_FILE, F_OPLOCK, F_CRACTION,
	F_CTIME, F_ATIME, F_WTIME, F_CHTIME, F_EOF, F_FTYPE, F_IPC, F_ISDIR,
	/* what earlier packets said (smb1fid.c) */
	F_RESPTO, F_TIME, F_OPENED, F_CLOSED,
	/* Read and Write AndX */
	F_RWOFF, F_RWLEN, F_REMAIN, F_MAXCNT, F_MINCNT, F_DLEN,
	F_WMODE, F_COUNT,
	/* Read and Write AndX, NT Create's extended answer (smbrw.c) */
	F_OFFSET, F_OFFHIGH, F_MAXHIGH, F_DCM, F_DLENHIGH, F_COUNTHIGH,
	F_FDATA, F_VGUID, F_FILEID64,
	/* Trans2 subcommands (smbt2.c) */
	F_QPILOI, F_SPILOI, F_QFSILOI, F_EAERR, F_INDEX, F_UNKNOWN,
	F_LINKCNT, F_DELPEND, F_EASIZE, F_MAXREF, F_FNLEN32, F_FSSECT,
	F_FSBPS, F_CALLERFREE, F_ACTUALFREE, F_FSUNITS64, F_FSATTR,
	F_FSMAXNAME, F_FSNAMELEN, F_FSNAME, F_VSERIAL, F_VLABELLEN,
	F_VLABEL, F_NEXTOFF, F_STRNAMELEN, F_STRSIZE, F_STRNAME,
	/* the tree a TID names, a secondary's primary, setup words,
	 * LANMAN negotiation, bytes past what Wireshark reads */
	F_MAPPED, F_CONTTO, F_SETUPW, F_EXTRA, F_RM, F_SDT, F_SDATE, F_STIME,
	F_NSMB };

extern const struct st_field_desc smb_fields[F_NSMB];

/* A bit (or a few) of a little-endian flags word, as Wireshark names it. */
struct lebit {
	struct st_field_desc fd;
	uint32_t	 mask;
};

/* One SMB1 message being decoded: the header at c, len bytes of it. */
struct smb1_msg {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;		/* bytes from the header's start */
	unsigned	 cmd;
	int		 resp;		/* a response (flags bit 0x80) */
	int		 uni;		/* strings in UTF-16 (flags2 0x8000) */
	size_t		 wct;		/* parameter words */
	size_t		 bytes;		/* where the data bytes start */
	size_t		 bcc;		/* their count */
	int		 gotbcc;	/* the count was read */
	size_t		 pipe_off;	/* a Transaction's data, maybe a named */
	size_t		 pipe_len;	/* pipe's (smbpipe.h); 0: none */
	unsigned	 fid;		/* the FID it names (hasfid) */
	uint8_t		 hasfid;
	uint8_t		 reqfid;	/* which is its request's */
	uint64_t	 reqframe;	/* a response's request, or 0 */
	uint8_t		 pipe;		/* a Transaction on \\PIPE\\ with
					   its two setup words (smbpipe.c) */
	unsigned	 pfunc;		/* their pipe function */
	size_t		 wbase;		/* where its word count is (W) */
	uint8_t		 hast2;		/* a Trans2 subcommand (t2) and */
	uint8_t		 hasloi;	/* its level of interest (loi) */
	uint8_t		 hasrw;		/* a Read or Write AndX's offset */
	uint8_t		 haspath;	/* a request's path kept (path) */
	uint8_t		 mailslot;	/* a Transaction on \\MAILSLOT\\ */
	unsigned	 t2, loi;
	uint64_t	 rwoff;
	uint32_t	 rwlen;
	size_t		 blob_off;	/* a security blob (a GSS-API */
	size_t		 blob_len;	/* token) to hand on; 0: none */
	char		 last[SMB1_FILEMAX];	/* the last string read */
	char		 path[SMB1_FILEMAX];	/* a Trans2 request's file */
};

/* What a request leaves for its answer (st_match's data). */
struct smb1_note {
	uint8_t		 cmd, hasfid, pipe, hast2, hasloi, hasrw, mailslot;
	uint16_t	 fid, pfunc, t2, loi;
	uint32_t	 rwlen;
	uint64_t	 rwoff;
};

/* What an NT Create AndX asked, kept under the FID it got (smb1fid.c). */
struct smb1_fidinfo {
	uint64_t	 opened;	/* the response's frame */
	uint64_t	 closed;	/* a Close's frame, or 0 */
	int		 create;	/* the create's words are known */
	uint32_t	 crflags, access, fattr, share, disp, copts;
	char		 file[SMB1_FILEMAX];
};

int	smb1_le_u64(struct st_cur *c, size_t off, size_t n, uint64_t *v);
long long smb1_le_at(struct st_cur *c, size_t off, size_t n);
long long smb1_le(struct st_dctx *d, struct st_cur *c, int f, size_t off,
    size_t n);
const char *smb1_cmd_name(unsigned cmd);
void	smb1_bits(struct st_dctx *d, struct st_cur *c, size_t off,
    long long v, const struct lebit *b, size_t n);
#define LB(n, m)	{ FD(NULL, n, n, 0, 1, ST_FMT_BOOL), (m) }
/* word i of the command m (its words after the word count at wbase) */
#define W(i)		(m->wbase + 1 + 2 * (size_t)(i))

/* The body readers (smbcmd.c): a row over n little-endian bytes at off
 * (its value or -1), with its bits; n raw bytes; the end of the data
 * bytes; a NUL-terminated string (uni 0 ASCII, 1 UTF-16 aligned, 2 UTF-16
 * as it lies; the offset past it); the byte count; the AndX block; a
 * FILETIME. */
long long smb1_u(struct smb1_msg *m, int f, size_t off, size_t n);
long long smb1_fl(struct smb1_msg *m, int f, size_t off, size_t n,
    const struct lebit *b, size_t nb);
void	smb1_raw(struct smb1_msg *m, int f, size_t off, size_t n);
size_t	smb1_bend(const struct smb1_msg *m);
size_t	smb1_str(struct smb1_msg *m, int f, size_t off, size_t end, int uni);
size_t	smb1_strd(struct smb1_msg *m, const struct st_field_desc *fd,
    size_t off, size_t end, int uni);
int	smb1_bcc(struct smb1_msg *m);
void	smb1_andx(struct smb1_msg *m);
void	smb1_filetime(struct smb1_msg *m, int f, size_t off);
/* A GUID's 16 bytes at off as row f, in the order they lie. */
void	smb1_guid(struct smb1_msg *m, int f, size_t off);
/* A security blob at off, n bytes: the GSS-API layers' (smb.c opens
 * them last). */
void	smb1_blob(struct smb1_msg *m, size_t off, size_t n);
void	smb1_utime(struct smb1_msg *m, int f, size_t off);
/* A FID word at off, with what is known of its file (smbfile.c). */
void	smb1_fid(struct smb1_msg *m, size_t off, int closing);
void	smb1_pipe_fid(struct smb1_msg *m);
/* NT Create AndX, Read and Write AndX, Close (smbfile.c); 0 if not. */
int	smb1_file(struct smb1_msg *m);
/* Read and Write AndX (smbrw.c); 0 if not. */
int	smb1_rw(struct smb1_msg *m);
/* A Trans2 request's parameters (at po, pc bytes) and data; a
 * response's, by its request's subcommand and level (smbt2.c). */
void	smb1_t2_req(struct smb1_msg *m, size_t po, size_t pc, size_t dof,
    size_t dc);
void	smb1_t2_resp(struct smb1_msg *m, size_t po, size_t pc, size_t dof,
    size_t dc);
/* What a Trans2 response repeats of its request, before its words. */
void	smb1_t2_head(struct smb1_msg *m);

/* The bit tables of NT Create AndX (smbfile.c). */
extern const struct lebit smb1_access_bits[], smb1_fattr_bits[],
    smb1_share_bits[], smb1_copts_bits[];
extern const size_t smb1_naccess_bits, smb1_nfattr_bits, smb1_nshare_bits,
    smb1_ncopts_bits;

/* Per-capture facts (smb1fid.c): the conversation's number; a new
 * capture; a create request's facts by its frame; a FID's file; its
 * rows; a request noted or a response paired with it. */
uint64_t smb1_conv(const struct st_dctx *d);
void	smb1_state_frame(uint64_t frame);
/* The same tables forgotten for a new capture (the descriptor's forget). */
void	smb1_state_forget(void);
void	smb1_create_note(uint64_t conv, uint64_t frame,
    const struct smb1_fidinfo *fi);
int	smb1_create_get(uint64_t conv, uint64_t frame,
    struct smb1_fidinfo *out);
void	smb1_fid_open(uint64_t conv, unsigned fid,
    const struct smb1_fidinfo *fi);
int	smb1_fid_get(uint64_t conv, unsigned fid, uint64_t closed,
    struct smb1_fidinfo *out);
void	smb1_genbits(struct st_dctx *d, uint32_t v, const struct lebit *b,
    size_t n);
void	smb1_fid_show(struct smb1_msg *m, const struct smb1_fidinfo *fi);
void	smb1_pair(struct smb1_msg *m);
/* The tree a TID names: a Tree Connect response keeps its request's
 * path under the TID it got; every message on it shows them. */
void	smb1_tree_show(struct smb1_msg *m);
/* A request's facts for its response (a path), by the request's frame. */
void	smb1_path_note(struct smb1_msg *m, const char *path);
int	smb1_path_get(struct smb1_msg *m, char *out, size_t n);

/*
 * What SMB1's decoder tells the SMB Pipe layer it opens (smbpipe.c) just
 * before opening it: a request's layer reads its setup words, a
 * response's repeats its request's function and FID.
 */
struct smb1_pipe {
	int		 on;
	int		 resp;
	unsigned	 func;
	unsigned	 fid;
	int		 hasfid;
};
extern _Thread_local struct smb1_pipe smb1_pipe_now;

/* The command's words and bytes past the word count; 0 when it has no
 * decoder here (the byte count is then the header's to give). */
int	smb1_body(struct smb1_msg *m);
/* smbtrans.c: a Trans, Trans2 or secondary request's body. */
void	smb1_trans(struct smb1_msg *m);

/* smb.search_id, spelt once: Find Close2's and the Trans2 finds'. */
extern const char st_smb_search_id[];

#endif
