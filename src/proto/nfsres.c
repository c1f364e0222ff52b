/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS version 3's results (RFC 1813 3.3), after a reply's status, with
 * Wireshark's fields: attributes (nfsattr.c), file handles, counts, the
 * entries of READDIR and READDIRPLUS (at most NFS_MAXENTRIES), and what
 * FSSTAT, FSINFO and PATHCONF tell of the file system.
 */
#include <stdio.h>

#include "nfs.h"

#define U32(n, l)	FD(NULL, n, l, 0, 32, ST_FMT_DEC)

static const struct st_field_desc fsstat_rows[] = {
	FD(NULL, "nfs.fsstat3_resok.tbytes", "Total bytes", 0, 64,
	    ST_FMT_DEC),
	FD(NULL, "nfs.fsstat3_resok.fbytes", "Free bytes", 64, 64,
	    ST_FMT_DEC),
	FD(NULL, "nfs.fsstat3_resok.abytes", "Available free bytes", 128, 64,
	    ST_FMT_DEC),
	FD(NULL, "nfs.fsstat3_resok.tfiles", "Total file slots", 192, 64,
	    ST_FMT_DEC),
	FD(NULL, "nfs.fsstat3_resok.ffiles", "Free file slots", 256, 64,
	    ST_FMT_DEC),
	FD(NULL, "nfs.fsstat3_resok.afiles", "Available free file slots",
	    320, 64, ST_FMT_DEC),
	FD(NULL, "nfs.fsstat.invarsec", "invarsec", 384, 32, ST_FMT_DEC),
};

static const struct st_field_desc fsinfo_rows[] = {
	FD(NULL, "nfs.fsinfo.rtmax", "rtmax", 0, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.rtpref", "rtpref", 32, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.rtmult", "rtmult", 64, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.wtmax", "wtmax", 96, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.wtpref", "wtpref", 128, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.wtmult", "wtmult", 160, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.dtpref", "dtpref", 192, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.maxfilesize", "maxfilesize", 224, 64,
	    ST_FMT_DEC),
	FD(NULL, "nfs.dtime.sec", "seconds", 288, 32, ST_FMT_DEC),
	FD(NULL, "nfs.dtime.nsec", "nano seconds", 320, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fsinfo.properties", "Properties", 352, 32,
	    ST_FMT_HEX),
	FDD(NULL, "nfs.fsinfo.properties.setattr", "CANSETTIME", 379, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "nfs.fsinfo.properties.pathconf", "HOMOGENEOUS", 380, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "nfs.fsinfo.properties.symlinks", "SYMLINK", 382, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "nfs.fsinfo.properties.hardlinks", "LINK", 383, 1,
	    ST_FMT_BOOL),
};

static const struct st_field_desc dtime_row =
	FD(NULL, "nfs.dtime", "time delta", 0, 0, ST_FMT_TEXT);

static const struct st_field_desc pathconf_rows[] = {
	U32("nfs.pathconf.linkmax", "linkmax"),
	FD(NULL, "nfs.pathconf.name_max", "name_max", 32, 32, ST_FMT_DEC),
	FD(NULL, "nfs.pathconf.no_trunc", "no_trunc", 64, 32, ST_FMT_DEC),
	FD(NULL, "nfs.pathconf.chown_restricted", "chown_restricted", 96,
	    32, ST_FMT_DEC),
	FD(NULL, "nfs.pathconf.case_insensitive", "case_insensitive", 128,
	    32, ST_FMT_DEC),
	FD(NULL, "nfs.pathconf.case_preserving", "case_preserving", 160, 32,
	    ST_FMT_DEC),
};

/* The 4-byte word at byte off of the walk, or -1 past its end. */
static long long
peek32(const struct st_xdr *x, size_t off)
{
	struct st_cur t = *x->c;

	if (x->pos + off + 4 > x->end || !st_cur_skip(&t, x->pos + off))
		return -1;
	return st_get_be32(&t);
}

static int
fsinfo(struct st_xdr *x)
{
	long long s = peek32(x, 36), ns = peek32(x, 40);
	char buf[32];

	/* time_delta: a relative time, "1.000000000" */
	if (s >= 0 && ns >= 0) {
		snprintf(buf, sizeof(buf), "%u.%09u", (unsigned)s,
		    (unsigned)ns);
		st_dtext(x->d, x->c, &dtime_row, x->pos + 36, 8, buf);
	}
	return st_nfs_xrows(x, fsinfo_rows, NFIELDS(fsinfo_rows), 48);
}

/*
 * READDIR's (plus 0) or READDIRPLUS's entries: value_follows, fileid,
 * name, cookie (and for READDIRPLUS the name's attributes and handle),
 * then the final value_follows (0) and eof.
 */
static int
entries(struct st_xdr *x, int plus)
{
	long long more;
	int i, rc;

	for (i = 0; i < NFS_MAXENTRIES; i++) {
		if ((more = peek32(x, 0)) < 0)
			return st_nfs_row(x, N_VALFOLLOW, 4);
		st_nfs_row(x, N_VALFOLLOW, 4);
		if (more != 1)
			return st_nfs_row(x, N_DIREOF, 4);
		if ((rc = st_nfs_row(x, plus ? N_EPFILEID : N_E3FILEID, 8))
		    != ST_OK || (rc = st_xdr_string(x,
		    &st_nfs_rows[plus ? N_EPNAME : N_E3NAME], RPC_MAXSTR))
		    != ST_OK || (rc = st_nfs_row(x, plus ? N_EPCOOKIE :
		    N_E3COOKIE, 8)) != ST_OK)
			return rc;
		if (plus && ((rc = st_nfs_post_op_attr(x)) != ST_OK ||
		    (rc = st_nfs_post_op_fh3(x)) != ST_OK))
			return rc;
	}
	/* More than are shown: the rest of the reply is not read. */
	x->pos = x->end;
	return ST_OK;
}

/* The results of a reply to procedure proc with status NFS3_OK. */
static int
ok3(struct st_xdr *x, uint32_t proc)
{
	int rc;

	switch (proc) {
	case 1:				/* GETATTR */
		return st_nfs_fattr3(x);
	case 3:				/* LOOKUP: object, its, dir's */
		if ((rc = st_nfs_fh3(x)) != ST_OK ||
		    (rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_nfs_post_op_attr(x);
	case 4:				/* ACCESS */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_nfs_access(x, N_ACCRIGHTS);
	case 5:				/* READLINK */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_xdr_string(x, &st_nfs_rows[N_READLINK], RPC_MAXSTR);
	case 6:				/* READ */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK ||
		    (rc = st_nfs_row(x, N_COUNT3, 4)) != ST_OK ||
		    (rc = st_nfs_row(x, N_READEOF, 4)) != ST_OK)
			return rc;
		return st_nfs_data(x);
	case 7:				/* WRITE */
		if ((rc = st_nfs_wcc_data(x)) != ST_OK ||
		    (rc = st_nfs_row(x, N_COUNT3, 4)) != ST_OK ||
		    (rc = st_nfs_row(x, N_COMMITTED, 4)) != ST_OK)
			return rc;
		return st_nfs_row(x, N_VERIFIER, 8);
	case 8: case 9: case 10: case 11:	/* CREATE ... MKNOD */
		if ((rc = st_nfs_post_op_fh3(x)) != ST_OK ||
		    (rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_nfs_wcc_data(x);
	case 16: case 17:		/* READDIR, READDIRPLUS */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK ||
		    (rc = st_nfs_row(x, N_VERIFIER, 8)) != ST_OK)
			return rc;
		return entries(x, proc == 17);
	case 18:			/* FSSTAT */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_nfs_xrows(x, fsstat_rows, NFIELDS(fsstat_rows), 52);
	case 19:			/* FSINFO */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return fsinfo(x);
	case 20:			/* PATHCONF */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_nfs_xrows(x, pathconf_rows, NFIELDS(pathconf_rows),
		    24);
	case 21:			/* COMMIT */
		if ((rc = st_nfs_wcc_data(x)) != ST_OK)
			return rc;
		return st_nfs_row(x, N_VERIFIER, 8);
	}
	return ST_OK;
}

int
st_nfs_res3(struct st_xdr *x, uint32_t proc, uint32_t status)
{
	int rc;

	if (status == 0 && proc != 2 && proc != 12 && proc != 13 &&
	    proc != 14 && proc != 15)
		return ok3(x, proc);
	switch (proc) {
	case 2: case 7: case 8: case 9: case 10: case 11: case 12: case 13:
	case 21:			/* a wcc_data, whatever the status */
		return st_nfs_wcc_data(x);
	case 14:			/* RENAME: from and to directories */
		if ((rc = st_nfs_wcc_data(x)) != ST_OK)
			return rc;
		return st_nfs_wcc_data(x);
	case 15:			/* LINK: the file, the directory */
		if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
			return rc;
		return st_nfs_wcc_data(x);
	case 1:				/* GETATTR: nothing on failure */
		return ST_OK;
	}
	/* The others: the object's or directory's attributes. */
	return st_nfs_post_op_attr(x);
}
