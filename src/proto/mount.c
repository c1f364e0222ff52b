/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The NFS mount protocol (program 100005; version 3 RFC 1813 appendix I)
 * after an ONC RPC call or its reply (rpc.h): NULL 0, MNT 1, DUMP 2,
 * UMNT 3, UMNTALL 4, EXPORT 5.
 *
 *   MNT, UMNT call: dirpath (a string of at most 1024 bytes)
 *   MNT reply: status | (status 0) nfs_fh3 | auth flavors: count, each
 *
 * The file handle is shown with NFS's fields (nfs.h), as Wireshark does;
 * the program's tree repeats rpc.programversion and names the procedure.
 */
#include "strata/out.h"
#include "nfs.h"

#define MNT_MAXPATH	1024
#define MNT_MAXFLAVORS	16

static const struct st_valname proc_names[] = {
	{ 0, "NULL" }, { 1, "MNT" }, { 2, "DUMP" }, { 3, "UMNT" },
	{ 4, "UMNTALL" }, { 5, "EXPORT" }, { 0, NULL }
};

static const struct st_valname stat_names[] = {
	{ 0, "OK" }, { 1, "ERR_PERM" }, { 2, "ERR_NOENT" }, { 5, "ERR_IO" },
	{ 13, "ERR_ACCESS" }, { 20, "ERR_NOTDIR" }, { 22, "ERR_INVAL" },
	{ 63, "ERR_NAMETOOLONG" }, { 10004, "ERR_NOTSUPP" },
	{ 10006, "ERR_SERVERFAULT" }, { 0, NULL }
};

enum { F_PROC1, F_PROC2, F_PROC3, F_PATH, F_STATUS, F_FLAVORS, F_FLAVOR,
	F_NFIELDS };

static const struct st_field_desc mnt_fields[] = {
	FDG("mount.procedure_v1", "V1 Procedure", ST_FMT_DEC, proc_names),
	FDG("mount.procedure_v2", "V2 Procedure", ST_FMT_DEC, proc_names),
	FDG("mount.procedure_v3", "V3 Procedure", ST_FMT_DEC, proc_names),
	FD(NULL, "mount.path", "Path", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "mount.status", "Status", 0, 32, ST_FMT_DEC, stat_names),
	FD(NULL, "mount.flavors", "Flavors", 0, 32, ST_FMT_DEC),
	FD(NULL, "mount.flavor", "Flavor", 0, 32, ST_FMT_DEC),
};

#define F(i)	(&mnt_fields[i])

static const struct st_field_desc *const mnt_procs[] = {
	NULL, F(F_PROC1), F(F_PROC2), F(F_PROC3),
};

/* MNT's reply: status, then the handle and the flavors the server takes. */
static int
mnt_reply(struct st_xdr *x)
{
	long long st, n, i;
	int rc;

	if ((st = st_xdr_u32(x, F(F_STATUS))) != 0)
		return x->c->err;
	if ((rc = st_nfs_fh3(x)) != ST_OK)
		return rc;
	if ((n = st_xdr_u32(x, F(F_FLAVORS))) < 0)
		return ST_ETRUNC;
	for (i = 0; i < n && i < MNT_MAXFLAVORS; i++)
		if (st_xdr_u32(x, F(F_FLAVOR)) < 0)
			return ST_ETRUNC;
	return ST_OK;
}

static int
mnt_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_rpcmsg m;
	struct st_xdr x;
	int rc = ST_OK;

	if (st_rpc_begin(d, c, &x, &m, mnt_procs, NFIELDS(mnt_procs)) < 0) {
		d->data = 1;
		return ST_OK;
	}
	if (m.vers == 3 && m.proc == 1 && m.reply)
		rc = mnt_reply(&x);
	else if ((m.proc == 1 || m.proc == 3) && !m.reply)
		rc = st_xdr_string(&x, F(F_PATH), MNT_MAXPATH);
	return st_xdr_end(&x, rc);
}

static const struct st_bind mnt_binds[] = {
	{ ST_KEY_RPCPROG, 100005 },
};

/* "mount MNT /export", "mount MNT OK". */
static int
mnt_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	int i;

	st_ly_fields(s->pkt, ly, mnt_fields, F_NFIELDS, f);
	st_out_puts(s->o, "mount");
	for (i = F_PROC1; i <= F_PROC3; i++)
		if (f[i] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[i]);
		}
	if (f[F_PATH] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PATH]);
	}
	if (f[F_STATUS] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_STATUS]);
	}
	return 1;
}

static const struct st_field_desc *const mnt_keys[] = {
	&mnt_fields[F_PROC3], &mnt_fields[F_PATH], &mnt_fields[F_STATUS],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_mount = {
	.name = "mount",
	.ws = "mount",
	.title = "NFS mount protocol (ONC RPC program 100005)",
	.rfc = "RFC 1813",
	.role = ST_ROLE_APP,
	.fields = mnt_fields,
	.nfields = F_NFIELDS,
	.decode = mnt_decode,
	.binds = mnt_binds,
	.nbinds = NFIELDS(mnt_binds),
	/* @summary */
	.summary = mnt_summary,
	/* @views */
	.keys = mnt_keys,
	.color = "\033[35m",
	.explain = "Before NFS can name files, a client asks the mount "
	    "daemon for an exported directory (MNT with its path); the reply "
	    "gives the directory's file handle, the root of every later NFS "
	    "call, and the authentication flavors the server accepts.  UMNT "
	    "says the client is done; EXPORT lists what the server shares.",
	/* @craft */
	/* @probes */
};
