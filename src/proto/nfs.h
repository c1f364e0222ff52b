/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS file handles, read by nfs.c and by mount.c (a MNT reply hands one
 * out), as Wireshark reads both with NFS's fields; and version 3's
 * attributes and the rows its arguments and results share (nfsattr.c),
 * read by nfs.c and nfsres.c.  Included by those files only.
 */
#ifndef STRATA_PROTO_NFS_H
#define STRATA_PROTO_NFS_H

#include "rpc.h"

#define NFS2_FHSIZE	32	/* RFC 1094: fhandle, fixed */
#define NFS3_FHSIZE	64	/* RFC 1813: nfs_fh3's bound */
#define NFS_MAXENTRIES	64	/* READDIR(PLUS) entries shown */

/*
 * An nfs_fh3 (a length and that many bytes) at the walk's position:
 * nfs.fh.length, nfs.fhandle and nfs.fh.hash (the CRC-32 of its bytes, as
 * Wireshark identifies a handle).  Returns ST_OK, ST_ETRUNC or ST_EINVAL.
 */
int	st_nfs_fh3(struct st_xdr *x);

/* The rows of single words the procedures share (st_nfs_rows[]). */
enum { N_ATTRFOLLOW, N_HANDLEFOLLOW, N_SETIT, N_UID3, N_GID3, N_SETSIZE,
	N_OFFSET3, N_COUNT3, N_STABLE, N_COMMITTED, N_VERIFIER, N_DATA,
	N_CREATEMODE, N_COOKIE3, N_DIRCOUNT, N_MAXCOUNT, N_GUARD, N_READEOF,
	N_DIREOF, N_VALFOLLOW, N_E3FILEID, N_E3NAME, N_E3COOKIE, N_EPFILEID,
	N_EPNAME, N_EPCOOKIE, N_READLINK, N_ACCCHECK, N_ACCRIGHTS, N_ACCREAD,
	N_ACCLOOKUP, N_ACCMODIFY, N_ACCEXTEND, N_ACCDELETE, N_ACCEXEC,
	N_OLEN, N_FILL, N_NROWS };

extern const struct st_field_desc st_nfs_rows[N_NROWS];
/* nfs.status, spelt once: NFS's and the NFS ACL program's. */
extern const char st_nfs_status[];

/*
 * Rows rows[0..n) at the walk's position, which then moves size bytes;
 * the rows the capture or the record cuts are left out.  Returns ST_OK or
 * ST_ETRUNC (the walk then at its end).
 */
int	st_nfs_xrows(struct st_xdr *x, const struct st_field_desc *rows,
	    size_t n, size_t size);

/* Row st_nfs_rows[row] at the walk's position; moves size bytes. */
int	st_nfs_row(struct st_xdr *x, int row, size_t size);

/*
 * The XDR parts of RFC 1813 2.5-2.6 at the walk's position, each with
 * Wireshark's fields; each returns ST_OK, ST_ETRUNC or ST_EINVAL.
 */
int	st_nfs_mode3(struct st_xdr *x);
int	st_nfs_fattr3(struct st_xdr *x);
int	st_nfs_post_op_attr(struct st_xdr *x);
int	st_nfs_wcc_data(struct st_xdr *x);
int	st_nfs_post_op_fh3(struct st_xdr *x);
int	st_nfs_sattr3(struct st_xdr *x);

/* An nfstime3 as atime (which 0), mtime (1) or ctime (2). */
int	st_nfs_time3(struct st_xdr *x, int which);

/*
 * An opaque of data (READ's, WRITE's) as nfs.data with its length and
 * fill bytes: the bytes captured when the record runs on (ST_ETRUNC).
 */
int	st_nfs_data(struct st_xdr *x);

/* ACCESS's word as row (N_ACCCHECK or N_ACCRIGHTS) and its bits set. */
int	st_nfs_access(struct st_xdr *x, int row);

/*
 * A version 3 reply's results after its status (nfsres.c): ST_OK,
 * ST_ETRUNC or ST_EINVAL.
 */
int	st_nfs_res3(struct st_xdr *x, uint32_t proc, uint32_t status);

#endif
