/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS ACL (ONC RPC program 100227, Sun's side protocol for POSIX draft
 * ACLs next to NFS; no RFC, the XDR of OpenSolaris' acl_prot and Linux's
 * nfsacl) after an ONC RPC call or its reply (rpc.h).  Version 3:
 * NULL 0, GETACL 1, SETACL 2, GETXATTRDIR 3; version 2 adds GETATTR and
 * ACCESS (1 GETACL, 2 SETACL, 3 GETATTR, 4 ACCESS, 5 GETXATTRDIR).
 *
 *   GETACL3 call:   nfs_fh3 | mask
 *   GETACL3 reply:  status | post_op_attr | (status 0) secattr
 *   SETACL3 call:   nfs_fh3 | secattr
 *   SETACL3 reply:  status | post_op_attr
 *   GETXATTRDIR3 call:  nfs_fh3 | create (bool)
 *   GETXATTRDIR3 reply: status | (status 0) nfs_fh3 | post_op_attr
 *
 *   secattr: mask | aclcnt | aclent<> | dfaclcnt | dfaclent<>
 *   aclent:  type | id | perm (4 read, 2 write, 1 execute)
 *   mask:    1 ACL entries, 2 ACL count, 4 default entries, 8 default count
 *
 * Handles and attributes are shown with NFS's fields (nfs.h), as
 * Wireshark does; version 2's bodies (fhandle, fattr) only by procedure.
 */
#include "strata/out.h"
#include "nfs.h"

#define NFSACL_MAXENT	1024	/* MAX_ACL_ENTRIES: a longer array lies */
#define NFSACL_SHOWENT	64	/* entries of one array shown */

static const struct st_valname proc2_names[] = {
	{ 0, "NULL" }, { 1, "GETACL" }, { 2, "SETACL" }, { 3, "GETATTR" },
	{ 4, "ACCESS" }, { 5, "GETXATTRDIR" }, { 0, NULL }
};

static const struct st_valname proc3_names[] = {
	{ 0, "NULL" }, { 1, "GETACL" }, { 2, "SETACL" }, { 3, "GETXATTRDIR" },
	{ 0, NULL }
};

static const struct st_valname stat_names[] = {
	{ 0, "OK" }, { 1, "ERR_PERM" }, { 2, "ERR_NOENT" }, { 5, "ERR_IO" },
	{ 13, "ERR_ACCES" }, { 22, "ERR_INVAL" }, { 70, "ERR_STALE" },
	{ 10001, "ERR_BADHANDLE" }, { 10004, "ERR_NOTSUPP" },
	{ 10006, "ERR_SERVERFAULT" }, { 0, NULL }
};

static const struct st_valname type_names[] = {
	{ 0x1, "NA_USER_OBJ" }, { 0x2, "NA_USER" }, { 0x4, "NA_GROUP_OBJ" },
	{ 0x8, "NA_GROUP" }, { 0x10, "NA_CLASS_OBJ" }, { 0x20, "NA_OTHER_OBJ" },
	{ 0x1000, "NA_ACL_DEFAULT" },
	{ 0x1001, "Default NA_USER_OBJ" }, { 0x1002, "Default NA_USER" },
	{ 0x1004, "Default NA_GROUP_OBJ" }, { 0x1008, "Default NA_GROUP" },
	{ 0x1010, "Default NA_CLASS_OBJ" }, { 0x1020, "Default NA_OTHER_OBJ" },
	{ 0, NULL }
};

enum { F_PROC1, F_PROC2, F_PROC3, F_STATUS, F_CREATE, F_ACLCNT, F_DFACLCNT,
	F_NFIELDS };

static const struct st_field_desc acl_fields[] = {
	[F_PROC1] = FDG("nfsacl.procedure_v1", "V1 Procedure", ST_FMT_DEC,
	    proc3_names),
	[F_PROC2] = FDG("nfsacl.procedure_v2", "V2 Procedure", ST_FMT_DEC,
	    proc2_names),
	[F_PROC3] = FDG("nfsacl.procedure_v3", "V3 Procedure", ST_FMT_DEC,
	    proc3_names),
	[F_STATUS] = FDN(NULL, st_nfs_status, "Status", 0, 32, ST_FMT_DEC,
	    stat_names),
	[F_CREATE] = FD(NULL, "nfsacl.create", "create", 0, 32, ST_FMT_DEC),
	[F_ACLCNT] = FD(NULL, "nfsacl.aclcnt", "ACL count", 0, 32,
	    ST_FMT_DEC),
	[F_DFACLCNT] = FD(NULL, "nfsacl.dfaclcnt", "Default ACL count", 0, 32,
	    ST_FMT_DEC),
};

/* The mask word and its four bits. */
static const struct st_field_desc mask_rows[] = {
	FD(NULL, "nfsacl.mask", "Mask", 0, 32, ST_FMT_HEX),
	FDD(NULL, "nfsacl.mask.acl_entry", "ACL entry", 31, 1, ST_FMT_BOOL),
	FDD(NULL, "nfsacl.mask.acl_count", "ACL count", 30, 1, ST_FMT_BOOL),
	FDD(NULL, "nfsacl.mask.default_acl_entry", "Default ACL entry", 29, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "nfsacl.mask.default_acl_count", "Default ACL count", 28, 1,
	    ST_FMT_BOOL),
};

/* One entry: type, id, permissions and their three bits. */
static const struct st_field_desc ent_rows[] = {
	FDN(NULL, "nfsacl.aclent.type", "Type", 0, 32, ST_FMT_DEC, type_names),
	FD(NULL, "nfsacl.aclent.uid", "UID", 32, 32, ST_FMT_DEC),
	FD(NULL, "nfsacl.aclent.perm", "Permissions", 64, 32, ST_FMT_DEC),
	FDD(NULL, "nfsacl.aclent.perm.read", "READ", 93, 1, ST_FMT_BOOL),
	FDD(NULL, "nfsacl.aclent.perm.write", "WRITE", 94, 1, ST_FMT_BOOL),
	FDD(NULL, "nfsacl.aclent.perm.exec", "EXEC", 95, 1, ST_FMT_BOOL),
};

#define F(i)	(&acl_fields[i])

static const struct st_field_desc *const acl_procs[] = {
	NULL, F(F_PROC1), F(F_PROC2), F(F_PROC3),
};

/* An array of entries: its length, then that many entries. */
static int
entries(struct st_xdr *x)
{
	long long n, i;
	int rc;

	if ((n = st_xdr_u32(x, NULL)) < 0)
		return ST_ETRUNC;
	if (n > NFSACL_MAXENT)
		return st_dmalformed(x->d, "ACL of %lld entries (at most %d)",
		    n, NFSACL_MAXENT);
	for (i = 0; i < n; i++) {
		if (i >= NFSACL_SHOWENT) {	/* the rest unread */
			x->pos = x->end;
			return ST_OK;
		}
		if ((rc = st_nfs_xrows(x, ent_rows, NFIELDS(ent_rows), 12)) !=
		    ST_OK)
			return rc;
	}
	return ST_OK;
}

/* secattr: mask, the ACL's count and entries, the default ACL's. */
static int
secattr(struct st_xdr *x)
{
	int rc;

	if ((rc = st_nfs_xrows(x, mask_rows, NFIELDS(mask_rows), 4)) != ST_OK)
		return rc;
	if (st_xdr_u32(x, F(F_ACLCNT)) < 0)
		return ST_ETRUNC;
	if ((rc = entries(x)) != ST_OK)
		return rc;
	if (st_xdr_u32(x, F(F_DFACLCNT)) < 0)
		return ST_ETRUNC;
	return entries(x);
}

static int
call3(struct st_xdr *x, uint32_t proc)
{
	int rc;

	if (proc < 1 || proc > 3)
		return ST_OK;
	if ((rc = st_nfs_fh3(x)) != ST_OK)
		return rc;
	switch (proc) {
	case 1:
		return st_nfs_xrows(x, mask_rows, NFIELDS(mask_rows), 4);
	case 2:
		return secattr(x);
	default:
		return st_xdr_u32(x, F(F_CREATE)) < 0 ? ST_ETRUNC : ST_OK;
	}
}

static int
reply3(struct st_xdr *x, uint32_t proc)
{
	long long st;
	int rc;

	if (proc < 1 || proc > 3)
		return ST_OK;
	if ((st = st_xdr_u32(x, F(F_STATUS))) < 0)
		return ST_ETRUNC;
	if (proc == 3) {
		if (st != 0)
			return ST_OK;
		if ((rc = st_nfs_fh3(x)) != ST_OK)
			return rc;
		return st_nfs_post_op_attr(x);
	}
	if ((rc = st_nfs_post_op_attr(x)) != ST_OK)
		return rc;
	return proc == 1 && st == 0 ? secattr(x) : ST_OK;
}

static int
acl_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_rpcmsg m;
	struct st_xdr x;
	int rc = ST_OK;

	if (st_rpc_begin(d, c, &x, &m, acl_procs, NFIELDS(acl_procs)) < 0) {
		d->data = 1;
		return ST_OK;
	}
	if (m.vers == 3)
		rc = m.reply ? reply3(&x, m.proc) : call3(&x, m.proc);
	return st_xdr_end(&x, rc);
}

static const struct st_bind acl_binds[] = {
	{ ST_KEY_RPCPROG, 100227 },
};

/* "nfsacl GETACL", "nfsacl GETACL OK". */
static int
acl_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	int i;

	st_ly_fields(s->pkt, ly, acl_fields, F_NFIELDS, f);
	st_out_puts(s->o, "nfsacl");
	for (i = F_PROC1; i <= F_PROC3; i++)
		if (f[i] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[i]);
		}
	if (f[F_STATUS] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_STATUS]);
	}
	return 1;
}

static const struct st_field_desc *const acl_keys[] = {
	&acl_fields[F_PROC3], &acl_fields[F_STATUS], &acl_fields[F_ACLCNT],
	NULL,
};

const struct st_proto st_proto_nfsacl = {
	.name = "nfsacl",
	.ws = "nfsacl",
	.title = "NFS ACL (ONC RPC program 100227)",
	.rfc = "(none public; OpenSolaris acl_prot)",
	.role = ST_ROLE_APP,
	.fields = acl_fields,
	.nfields = F_NFIELDS,
	.decode = acl_decode,
	.binds = acl_binds,
	.nbinds = NFIELDS(acl_binds),
	.summary = acl_summary,
	.keys = acl_keys,
	.color = "\033[35m",
	.explain = "NFS versions 2 and 3 have no access control lists; Sun "
	    "added them as a side program on the NFS port.  GETACL asks for a "
	    "file's ACL and its default ACL (what new files in a directory "
	    "inherit), the mask saying which parts; SETACL replaces them.  "
	    "Each entry names a kind (owner, a user, the group, a group, the "
	    "mask, others), a user or group id and read, write and execute "
	    "bits.  Linux's NFS client and server speak it for POSIX ACLs.",
};
