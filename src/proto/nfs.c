/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS (program 100003: version 2 RFC 1094, 3 RFC 1813, 4 RFC 7530) after
 * an ONC RPC call or its reply (rpc.h).  Shown as Wireshark's tree begins:
 * rpc.programversion and the procedure repeated; for version 3, every
 * call's arguments (file handles, names, attributes to set, offsets,
 * counts, data) and every reply's status and results (nfsres.c), with
 * the file attributes of nfsattr.c.  Versions 2 and 4: the procedure.
 *
 *   nfs_fh3: length (<= 64) | bytes (padded to 4)
 *   filename3: length | bytes (padded to 4)
 */
#include <stdio.h>

#include "strata/out.h"
#include "nfs.h"

static const struct st_valname proc3_names[] = {
	{ 0, "NULL" }, { 1, "GETATTR" }, { 2, "SETATTR" }, { 3, "LOOKUP" },
	{ 4, "ACCESS" }, { 5, "READLINK" }, { 6, "READ" }, { 7, "WRITE" },
	{ 8, "CREATE" }, { 9, "MKDIR" }, { 10, "SYMLINK" }, { 11, "MKNOD" },
	{ 12, "REMOVE" }, { 13, "RMDIR" }, { 14, "RENAME" }, { 15, "LINK" },
	{ 16, "READDIR" }, { 17, "READDIRPLUS" }, { 18, "FSSTAT" },
	{ 19, "FSINFO" }, { 20, "PATHCONF" }, { 21, "COMMIT" }, { 0, NULL }
};

static const struct st_valname stat3_names[] = {
	{ 0, "NFS3_OK" }, { 1, "NFS3ERR_PERM" }, { 2, "NFS3ERR_NOENT" },
	{ 5, "NFS3ERR_IO" }, { 6, "NFS3ERR_NXIO" }, { 13, "NFS3ERR_ACCES" },
	{ 17, "NFS3ERR_EXIST" }, { 18, "NFS3ERR_XDEV" },
	{ 19, "NFS3ERR_NODEV" }, { 20, "NFS3ERR_NOTDIR" },
	{ 21, "NFS3ERR_ISDIR" }, { 22, "NFS3ERR_INVAL" },
	{ 27, "NFS3ERR_FBIG" }, { 28, "NFS3ERR_NOSPC" },
	{ 30, "NFS3ERR_ROFS" }, { 31, "NFS3ERR_MLINK" },
	{ 63, "NFS3ERR_NAMETOOLONG" }, { 66, "NFS3ERR_NOTEMPTY" },
	{ 69, "NFS3ERR_DQUOT" }, { 70, "NFS3ERR_STALE" },
	{ 71, "NFS3ERR_REMOTE" }, { 10001, "NFS3ERR_BADHANDLE" },
	{ 10002, "NFS3ERR_NOT_SYNC" }, { 10003, "NFS3ERR_BAD_COOKIE" },
	{ 10004, "NFS3ERR_NOTSUPP" }, { 10005, "NFS3ERR_TOOSMALL" },
	{ 10006, "NFS3ERR_SERVERFAULT" }, { 10007, "NFS3ERR_BADTYPE" },
	{ 10008, "NFS3ERR_JUKEBOX" }, { 0, NULL }
};

const char st_nfs_status[] = "nfs.status";

enum { F_PROC2, F_PROC3, F_PROC4, F_FHLEN, F_FH, F_FHHASH, F_NAME,
	F_STATUS, F_STATUS3, F_SYMTO, F_NFIELDS };

static const struct st_field_desc nfs_fields[] = {
	FDG("nfs.procedure_v2", "V2 Procedure", ST_FMT_DEC, NULL),
	FDG("nfs.procedure_v3", "V3 Procedure", ST_FMT_DEC, proc3_names),
	FDG("nfs.procedure_v4", "V4 Procedure", ST_FMT_DEC, NULL),
	FD(NULL, "nfs.fh.length", "length", 0, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fhandle", "filehandle", 0, 0, ST_FMT_BYTES),
	FDG("nfs.fh.hash", "hash (CRC-32)", ST_FMT_TEXT, NULL),
	FD(NULL, "nfs.name", "Name", 0, 0, ST_FMT_TEXT),
	FDN(NULL, st_nfs_status, "Status", 0, 32, ST_FMT_DEC, stat3_names),
	FDN(NULL, "nfs.status3", "Status", 0, 32, ST_FMT_DEC, stat3_names),
	FD(NULL, "nfs.symlink.to", "To", 0, 0, ST_FMT_TEXT),
};

#define F(i)	(&nfs_fields[i])

static const struct st_field_desc *const nfs_procs[] = {
	NULL, NULL, F(F_PROC2), F(F_PROC3), F(F_PROC4),
};

/* CRC-32 (IEEE 802.3, reflected), bitwise: a handle is at most 64 bytes. */
static uint32_t
crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? c >> 1 ^ 0xedb88320u : c >> 1;
	}
	return ~c;
}

/* A handle's len bytes at the walk's position: nfs.fhandle, nfs.fh.hash. */
static int
fh_bytes(struct st_xdr *x, size_t len)
{
	struct st_field *f;
	struct st_cur t;
	const uint8_t *p;
	char buf[16];

	t = *x->c;
	if (x->pos + len > x->end || !st_cur_skip(&t, x->pos) ||
	    (p = st_get_bytes(&t, len)) == NULL) {
		x->c->err = ST_ETRUNC;
		return ST_ETRUNC;
	}
	st_dbytes(x->d, x->c, F(F_FH), x->pos, len);
	/* Eight hex digits, as Wireshark writes it (a generated field
	 * has no width of its own). */
	snprintf(buf, sizeof(buf), "0x%08x", (unsigned)crc32(p, len));
	if ((f = st_dgen(x->d, F(F_FHHASH), crc32(p, len))) != NULL)
		f->meaning = st_pkt_strdup(x->d->pkt, buf);
	x->pos += (len + 3) & ~(size_t)3;
	if (x->pos > x->end)
		x->pos = x->end;
	return ST_OK;
}

int
st_nfs_fh3(struct st_xdr *x)
{
	long long n;

	if ((n = st_xdr_u32(x, F(F_FHLEN))) < 0)
		return ST_ETRUNC;
	if (n > NFS3_FHSIZE)
		return st_dmalformed(x->d, "file handle of %lld bytes", n);
	return fh_bytes(x, (size_t)n);
}

/* A version 2 call's arguments: a handle of NFS2_FHSIZE bytes, for the
 * procedures on a directory's entry (diropargs) a name. */
static int
args2(struct st_xdr *x, uint32_t proc)
{
	int rc;

	if (proc == 0 || proc == 3 || proc == 7 || proc > 17)
		return ST_OK;
	if ((rc = fh_bytes(x, NFS2_FHSIZE)) != ST_OK)
		return rc;
	switch (proc) {
	case 4: case 9: case 10: case 11: case 13: case 14: case 15:
		return st_xdr_string(x, F(F_NAME), RPC_MAXSTR);
	}
	return ST_OK;
}

/* A directory's handle and a name in it (diropargs3). */
static int
dirop(struct st_xdr *x)
{
	int rc;

	if ((rc = st_nfs_fh3(x)) != ST_OK)
		return rc;
	return st_xdr_string(x, F(F_NAME), RPC_MAXSTR);
}

/* The rows of words st_nfs_rows[] gives, one after the other. */
static int
words(struct st_xdr *x, const int *rows, int n)
{
	static const uint8_t size[N_NROWS] = { [N_OFFSET3] = 8,
	    [N_COOKIE3] = 8, [N_VERIFIER] = 8 };
	int i, rc;

	for (i = 0; i < n; i++)
		if ((rc = st_nfs_row(x, rows[i], size[rows[i]] ? size[rows[i]] :
		    4)) != ST_OK)
			return rc;
	return ST_OK;
}

/* CREATE's how: a mode, then attributes (UNCHECKED, GUARDED) or the
 * client's verifier (EXCLUSIVE). */
static int
create3(struct st_xdr *x)
{
	struct st_cur t = *x->c;
	uint32_t mode;
	int rc;

	if (x->pos + 4 > x->end || !st_cur_skip(&t, x->pos))
		return st_nfs_row(x, N_CREATEMODE, 4);
	mode = st_get_be32(&t);
	if ((rc = st_nfs_row(x, N_CREATEMODE, 4)) != ST_OK)
		return rc;
	if (mode == 2)
		return st_nfs_row(x, N_VERIFIER, 8);
	return st_nfs_sattr3(x);
}

/* SETATTR's guard: a check word and, when 1, the ctime expected. */
static int
guard3(struct st_xdr *x)
{
	struct st_cur t = *x->c;
	uint32_t check;
	int rc;

	if (x->pos + 4 > x->end || !st_cur_skip(&t, x->pos))
		return st_nfs_row(x, N_GUARD, 4);
	check = st_get_be32(&t);
	if ((rc = st_nfs_row(x, N_GUARD, 4)) != ST_OK || check != 1)
		return rc;
	return st_nfs_time3(x, 2);	/* the object's ctime */
}

/* The arguments after a call's file handle, per procedure. */
static int
after_fh(struct st_xdr *x, uint32_t proc)
{
	static const int rw[] = { N_OFFSET3, N_COUNT3, N_STABLE };
	static const int rd[] = { N_COOKIE3, N_VERIFIER, N_COUNT3 };
	static const int rdp[] = { N_COOKIE3, N_VERIFIER, N_DIRCOUNT,
	    N_MAXCOUNT };
	int rc;

	switch (proc) {
	case 2:				/* SETATTR */
		if ((rc = st_nfs_sattr3(x)) != ST_OK)
			return rc;
		return guard3(x);
	case 4:				/* ACCESS */
		return st_nfs_access(x, N_ACCCHECK);
	case 6: case 21:		/* READ, COMMIT: offset, count */
		return words(x, rw, 2);
	case 7:				/* WRITE */
		if ((rc = words(x, rw, 3)) != ST_OK)
			return rc;
		return st_nfs_data(x);
	case 16:
		return words(x, rd, 3);
	case 17:
		return words(x, rdp, 4);
	}
	return ST_OK;
}

/* A version 3 call's arguments. */
static int
args3(struct st_xdr *x, uint32_t proc)
{
	int rc;

	switch (proc) {
	case 3: case 11: case 12: case 13:
		return dirop(x);
	case 8:				/* CREATE: where, how */
		if ((rc = dirop(x)) != ST_OK)
			return rc;
		return create3(x);
	case 9:				/* MKDIR: where, attributes */
		if ((rc = dirop(x)) != ST_OK)
			return rc;
		return st_nfs_sattr3(x);
	case 10:			/* SYMLINK: where, attributes, to */
		if ((rc = dirop(x)) != ST_OK ||
		    (rc = st_nfs_sattr3(x)) != ST_OK)
			return rc;
		return st_xdr_string(x, F(F_SYMTO), RPC_MAXSTR);
	case 14:			/* RENAME: from, to */
		if ((rc = dirop(x)) != ST_OK)
			return rc;
		return dirop(x);
	case 15:			/* LINK: the file, the new name */
		if ((rc = st_nfs_fh3(x)) != ST_OK)
			return rc;
		return dirop(x);
	}
	if ((rc = st_nfs_fh3(x)) != ST_OK)
		return rc;
	return after_fh(x, proc);
}

static int
nfs_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_rpcmsg m;
	struct st_xdr x;
	long long status;
	int rc;

	if (st_rpc_begin(d, c, &x, &m, nfs_procs, NFIELDS(nfs_procs)) < 0) {
		d->data = 1;
		return ST_OK;
	}
	if (m.vers == 2 && !m.reply)
		return st_xdr_end(&x, args2(&x, m.proc));
	if (m.vers != 3 || m.proc == 0 || m.proc > 21)
		return st_xdr_end(&x, ST_OK);
	if (m.reply) {
		st_xdr_u32(&x, F(F_STATUS));
		x.pos -= x.c->err == ST_OK ? 4 : 0;
		if ((status = st_xdr_u32(&x, F(F_STATUS3))) < 0)
			return st_xdr_end(&x, ST_ETRUNC);
		return st_xdr_end(&x, st_nfs_res3(&x, m.proc,
		    (uint32_t)status));
	}
	rc = args3(&x, m.proc);
	return st_xdr_end(&x, rc);
}

static const struct st_bind nfs_binds[] = {
	{ ST_KEY_RPCPROG, 100003 },
};

/* "nfs LOOKUP call testfile", "nfs GETATTR reply NFS3_OK". */
static int
nfs_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, nfs_fields, F_NFIELDS, f);
	st_out_puts(s->o, "nfs");
	if (f[F_PROC3] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PROC3]);
	}
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	if (f[F_FHHASH] != NULL)
		st_out_printf(s->o, " fh %s", f[F_FHHASH]->meaning);
	if (f[F_STATUS3] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_STATUS3]);
	}
	return 1;
}

static const struct st_field_desc *const nfs_keys[] = {
	&nfs_fields[F_PROC3], &nfs_fields[F_FH], &nfs_fields[F_NAME],
	&nfs_fields[F_STATUS3], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_nfs = {
	.name = "nfs",
	.ws = "nfs",
	.title = "Network File System (ONC RPC program 100003)",
	.rfc = "RFC 1813",
	.role = ST_ROLE_APP,
	.fields = nfs_fields,
	.nfields = F_NFIELDS,
	.decode = nfs_decode,
	.binds = nfs_binds,
	.nbinds = NFIELDS(nfs_binds),
	/* @summary */
	.summary = nfs_summary,
	/* @views */
	.keys = nfs_keys,
	.color = "\033[35m",
	.explain = "NFS shares files over ONC RPC: each procedure (LOOKUP a "
	    "name in a directory, GETATTR, READ, WRITE ...) names its file "
	    "by an opaque file handle the server handed out (first by the "
	    "mount protocol); Wireshark and strata identify a handle by the "
	    "CRC-32 of its bytes.  Every version 3 reply starts with a "
	    "status, NFS3_OK or an error.",
	/* @craft */
	/* @probes */
};
