/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS version 3's file attributes (RFC 1813 2.5, 2.6), read by nfs.c and
 * nfsres.c with Wireshark's fields:
 *
 *   fattr3:        type | mode | nlink | uid | gid | size (8) | used (8) |
 *                  rdev (2 x 4) | fsid (8) | fileid (8) | atime | mtime |
 *                  ctime (each seconds, nanoseconds)            84 bytes
 *   post_op_attr:  attributes_follow (0, 1) [fattr3]
 *   wcc_attr:      size (8) | mtime | ctime                     24 bytes
 *   pre_op_attr:   attributes_follow [wcc_attr]
 *   wcc_data:      pre_op_attr | post_op_attr
 *   sattr3:        six set_it words, each with its value when set
 *   post_op_fh3:   handle_follows [nfs_fh3]
 *
 * A part the capture cuts shows the rows that fit, as tshark does.
 */
#include <stdio.h>
#include <time.h>

#include "nfs.h"

static const struct st_valname ftype3_names[] = {
	{ 1, "Regular File" }, { 2, "Directory" }, { 3, "Block Special "
	"Device" }, { 4, "Character Special Device" }, { 5, "Symbolic Link" },
	{ 6, "Socket" }, { 7, "Named Pipe" }, { 0, NULL }
};

static const struct st_valname setit_names[] = {
	{ 0, "no value" }, { 1, "value follows" }, { 2, "client time" },
	{ 0, NULL }
};

#define U32(n, l)	FD(NULL, n, l, 0, 32, ST_FMT_DEC)
#define U64(n, l)	FD(NULL, n, l, 0, 64, ST_FMT_DEC)

/* The mode word: the value, then its twelve permission bits. */
static const struct st_field_desc mode_rows[] = {
	FD(NULL, "nfs.mode3", "Mode", 0, 32, ST_FMT_DEC),
	FDD(NULL, "nfs.mode3.suid", "S_ISUID", 20, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.sgid", "S_ISGID", 21, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.sticky", "S_ISVTX", 22, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.rusr", "S_IRUSR", 23, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.wusr", "S_IWUSR", 24, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.xusr", "S_IXUSR", 25, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.rgrp", "S_IRGRP", 26, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.wgrp", "S_IWGRP", 27, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.xgrp", "S_IXGRP", 28, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.roth", "S_IROTH", 29, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.woth", "S_IWOTH", 30, 1, ST_FMT_BOOL),
	FDD(NULL, "nfs.mode3.xoth", "S_IXOTH", 31, 1, ST_FMT_BOOL),
};

static const struct st_field_desc type_row =
	FDN(NULL, "nfs.fattr3.type", "Type", 0, 32, ST_FMT_DEC, ftype3_names);

/* fattr3 after its type and mode (offsets from its byte 8). */
static const struct st_field_desc fattr_rows[] = {
	FD(NULL, "nfs.fattr3.nlink", "nlink", 0, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fattr3.uid", "uid", 32, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fattr3.gid", "gid", 64, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fattr3.size", "size", 96, 64, ST_FMT_DEC),
	FD(NULL, "nfs.fattr3.used", "used", 160, 64, ST_FMT_DEC),
	FD(NULL, "nfs.specdata1", "specdata1", 224, 32, ST_FMT_DEC),
	FD(NULL, "nfs.specdata2", "specdata2", 256, 32, ST_FMT_DEC),
	FD(NULL, "nfs.fattr3.fsid", "fsid", 288, 64, ST_FMT_HEX),
	FD(NULL, "nfs.fattr3.fileid", "fileid", 352, 64, ST_FMT_DEC),
	FD(NULL, "nfs.atime.sec", "seconds", 416, 32, ST_FMT_DEC),
	FD(NULL, "nfs.atime.nsec", "nano seconds", 448, 32, ST_FMT_DEC),
	FD(NULL, "nfs.mtime.sec", "seconds", 480, 32, ST_FMT_DEC),
	FD(NULL, "nfs.mtime.nsec", "nano seconds", 512, 32, ST_FMT_DEC),
	FD(NULL, "nfs.ctime.sec", "seconds", 544, 32, ST_FMT_DEC),
	FD(NULL, "nfs.ctime.nsec", "nano seconds", 576, 32, ST_FMT_DEC),
};

static const struct st_field_desc wcc_rows[] = {
	FD(NULL, "nfs.wcc_attr.size", "size", 0, 64, ST_FMT_DEC),
	FD(NULL, "nfs.mtime.sec", "seconds", 64, 32, ST_FMT_DEC),
	FD(NULL, "nfs.mtime.nsec", "nano seconds", 96, 32, ST_FMT_DEC),
	FD(NULL, "nfs.ctime.sec", "seconds", 128, 32, ST_FMT_DEC),
	FD(NULL, "nfs.ctime.nsec", "nano seconds", 160, 32, ST_FMT_DEC),
};

/* An nfstime3 alone (sattr3's client time, SETATTR's guard). */
static const struct st_field_desc time3_rows[3][2] = {
	{ FD(NULL, "nfs.atime.sec", "seconds", 0, 32, ST_FMT_DEC),
	  FD(NULL, "nfs.atime.nsec", "nano seconds", 32, 32, ST_FMT_DEC) },
	{ FD(NULL, "nfs.mtime.sec", "seconds", 0, 32, ST_FMT_DEC),
	  FD(NULL, "nfs.mtime.nsec", "nano seconds", 32, 32, ST_FMT_DEC) },
	{ FD(NULL, "nfs.ctime.sec", "seconds", 0, 32, ST_FMT_DEC),
	  FD(NULL, "nfs.ctime.nsec", "nano seconds", 32, 32, ST_FMT_DEC) },
};

/* The times as Wireshark writes them (text worked out from the two
 * words). */
static const struct st_field_desc time_rows[] = {
	FD(NULL, "nfs.atime", "atime", 0, 0, ST_FMT_TEXT),
	FD(NULL, "nfs.mtime", "mtime", 0, 0, ST_FMT_TEXT),
	FD(NULL, "nfs.ctime", "ctime", 0, 0, ST_FMT_TEXT),
};

const struct st_field_desc st_nfs_rows[N_NROWS] = {
	[N_ATTRFOLLOW] = U32("nfs.attributes_follow", "attributes_follow"),
	[N_HANDLEFOLLOW] = U32("nfs.handle_follow", "handle_follow"),
	[N_SETIT] = FDN(NULL, "nfs.set_it", "set_it", 0, 32, ST_FMT_DEC,
	    setit_names),
	[N_UID3] = U32("nfs.uid3", "uid"),
	[N_GID3] = U32("nfs.gid3", "gid"),
	[N_SETSIZE] = U64("nfs.set_size", "size"),
	[N_OFFSET3] = U64("nfs.offset3", "offset"),
	[N_COUNT3] = U32("nfs.count3", "count"),
	[N_STABLE] = U32("nfs.write.stable", "Stable"),
	[N_COMMITTED] = U32("nfs.write.committed", "Committed"),
	[N_VERIFIER] = FD(NULL, "nfs.verifier", "Verifier", 0, 64,
	    ST_FMT_BYTES),
	[N_DATA] = FD(NULL, "nfs.data", "Data", 0, 0, ST_FMT_BYTES),
	[N_CREATEMODE] = U32("nfs.createmode", "Create Mode"),
	[N_COOKIE3] = U64("nfs.cookie3", "cookie"),
	[N_DIRCOUNT] = U32("nfs.count3_dircount", "dircount"),
	[N_MAXCOUNT] = U32("nfs.count3_maxcount", "maxcount"),
	[N_GUARD] = U32("nfs.sattrguard3", "check"),
	[N_READEOF] = U32("nfs.read.eof", "EOF"),
	[N_DIREOF] = U32("nfs.readdir.eof", "EOF"),
	[N_VALFOLLOW] = U32("rpc.value_follows", "Value Follows"),
	[N_E3FILEID] = U64("nfs.readdir.entry3.fileid", "File ID"),
	[N_E3NAME] = FD(NULL, "nfs.readdir.entry3.name", "Name", 0, 0,
	    ST_FMT_TEXT),
	[N_E3COOKIE] = U64("nfs.readdir.entry3.cookie", "Cookie"),
	[N_EPFILEID] = U64("nfs.readdirplus.entry.fileid", "File ID"),
	[N_EPNAME] = FD(NULL, "nfs.readdirplus.entry.name", "Name", 0, 0,
	    ST_FMT_TEXT),
	[N_EPCOOKIE] = U64("nfs.readdirplus.entry.cookie", "Cookie"),
	[N_READLINK] = FD(NULL, "nfs.readlink.data", "Data", 0, 0,
	    ST_FMT_TEXT),
	[N_ACCCHECK] = FD(NULL, "nfs.access_check", "Check access", 0, 32,
	    ST_FMT_HEX),
	[N_ACCRIGHTS] = FD(NULL, "nfs.access_rights", "Access rights", 0,
	    32, ST_FMT_HEX),
	[N_ACCREAD] = FDD(NULL, "nfs.access_read", "READ", 31, 1,
	    ST_FMT_BOOL),
	[N_ACCLOOKUP] = FDD(NULL, "nfs.access_lookup", "LOOKUP", 30, 1,
	    ST_FMT_BOOL),
	[N_ACCMODIFY] = FDD(NULL, "nfs.access_modify", "MODIFY", 29, 1,
	    ST_FMT_BOOL),
	[N_ACCEXTEND] = FDD(NULL, "nfs.access_extend", "EXTEND", 28, 1,
	    ST_FMT_BOOL),
	[N_ACCDELETE] = FDD(NULL, "nfs.access_delete", "DELETE", 27, 1,
	    ST_FMT_BOOL),
	[N_ACCEXEC] = FDD(NULL, "nfs.access_execute", "EXECUTE", 26, 1,
	    ST_FMT_BOOL),
	[N_OLEN] = U32("rpc.opaque_length", "length"),
	[N_FILL] = FD(NULL, st_rpc_fill_bytes, "fill bytes", 0, 0,
	    ST_FMT_BYTES),
};

int
st_nfs_xrows(struct st_xdr *x, const struct st_field_desc *rows, size_t n,
    size_t size)
{
	struct st_cur w = *x->c;
	size_t lim = x->c->off + x->end;

	if (w.end > lim)
		w.end = lim;
	if (x->c->err != ST_OK)
		return ST_ETRUNC;
	if (x->pos <= x->end) {
		w.off += x->pos;
		st_dfields(x->d, &w, rows, n);
	}
	if (x->pos + size > x->end) {
		x->pos = x->end;
		x->c->err = ST_ETRUNC;
		return ST_ETRUNC;
	}
	x->pos += size;
	return ST_OK;
}

int
st_nfs_row(struct st_xdr *x, int row, size_t size)
{
	return st_nfs_xrows(x, &st_nfs_rows[row], 1, size);
}

/* The 4-byte word at byte pos of the walk (which the caller checked). */
static uint32_t
word(const struct st_xdr *x, size_t pos)
{
	struct st_cur t = *x->c;

	if (!st_cur_skip(&t, pos))
		return 0;
	return st_get_be32(&t);
}

/*
 * The nfstime3 at byte pos of the walk as text row fd: "Dec 29, 2017
 * 17:22:11.625386941 UTC", as Wireshark writes an absolute time.
 */
static void
nfstime(struct st_xdr *x, size_t pos, const struct st_field_desc *fd)
{

	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char buf[64];
	struct tm tm;
	time_t t;

	if (pos + 8 > x->end)
		return;
	t = (time_t)word(x, pos);
	if (gmtime_r(&t, &tm) == NULL)
		return;
	snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d.%09u UTC",
	    months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec, (unsigned)word(x, pos + 4));
	st_dtext(x->d, x->c, fd, pos, 8, buf);
}

int
st_nfs_mode3(struct st_xdr *x)
{
	return st_nfs_xrows(x, mode_rows, NFIELDS(mode_rows), 4);
}

int
st_nfs_fattr3(struct st_xdr *x)
{
	size_t at;
	int i, rc;

	if (st_nfs_xrows(x, &type_row, 1, 4) != ST_OK ||
	    st_nfs_mode3(x) != ST_OK)
		return ST_ETRUNC;
	at = x->pos;
	rc = st_nfs_xrows(x, fattr_rows, NFIELDS(fattr_rows), 76);
	for (i = 0; i < 3; i++)
		nfstime(x, at + 52 + 8 * (size_t)i, &time_rows[i]);
	return rc;
}

/* A follow word (0 or 1) as row: its value, or -1 when cut. */
static long long
follows(struct st_xdr *x, int row)
{
	uint32_t v;

	if (x->pos + 4 > x->end) {
		st_nfs_row(x, row, 4);
		return -1;
	}
	v = word(x, x->pos);
	st_nfs_row(x, row, 4);
	return v;
}

int
st_nfs_post_op_attr(struct st_xdr *x)
{
	long long f = follows(x, N_ATTRFOLLOW);

	if (f < 0)
		return ST_ETRUNC;
	return f == 1 ? st_nfs_fattr3(x) : ST_OK;
}

int
st_nfs_wcc_data(struct st_xdr *x)
{
	long long f = follows(x, N_ATTRFOLLOW);
	size_t at = x->pos;
	int rc;

	if (f < 0)
		return ST_ETRUNC;
	if (f == 1) {
		at = x->pos;
		rc = st_nfs_xrows(x, wcc_rows, NFIELDS(wcc_rows), 24);
		nfstime(x, at + 8, &time_rows[1]);
		nfstime(x, at + 16, &time_rows[2]);
		if (rc != ST_OK)
			return rc;
	}
	return st_nfs_post_op_attr(x);
}

int
st_nfs_post_op_fh3(struct st_xdr *x)
{
	long long f = follows(x, N_HANDLEFOLLOW);

	if (f < 0)
		return ST_ETRUNC;
	return f == 1 ? st_nfs_fh3(x) : ST_OK;
}

int
st_nfs_time3(struct st_xdr *x, int which)
{
	nfstime(x, x->pos, &time_rows[which]);
	return st_nfs_xrows(x, time3_rows[which], 2, 8);
}

/* A set_time (set_it 2: the client's time follows) of atime (a) or
 * mtime. */
static int
set_time(struct st_xdr *x, int a)
{
	long long how = follows(x, N_SETIT);

	if (how < 0)
		return ST_ETRUNC;
	return how == 2 ? st_nfs_time3(x, a ? 0 : 1) : ST_OK;
}

int
st_nfs_sattr3(struct st_xdr *x)
{
	static const int rows[3] = { N_UID3, N_GID3, N_SETSIZE };
	long long how;
	int i, rc;

	if ((how = follows(x, N_SETIT)) < 0)
		return ST_ETRUNC;
	if (how == 1 && st_nfs_mode3(x) != ST_OK)
		return ST_ETRUNC;
	for (i = 0; i < 3; i++) {
		if ((how = follows(x, N_SETIT)) < 0)
			return ST_ETRUNC;
		if (how == 1 && (rc = st_nfs_row(x, rows[i], i == 2 ? 8 : 4))
		    != ST_OK)
			return rc;
	}
	if ((rc = set_time(x, 1)) != ST_OK)
		return rc;
	return set_time(x, 0);
}

/* The access bits of word v (those set, as Wireshark lists them). */
int
st_nfs_access(struct st_xdr *x, int row)
{
	uint32_t v;
	int i;

	if (x->pos + 4 > x->end)
		return st_nfs_row(x, row, 4);
	v = word(x, x->pos);
	for (i = 0; i < 6; i++)
		if (v & (1u << i))
			st_nfs_row(x, N_ACCREAD + i, 0);
	return st_nfs_row(x, row, 4);
}

int
st_nfs_data(struct st_xdr *x)
{
	size_t n, pad, have;

	if (x->pos + 4 > x->end)
		return st_nfs_row(x, N_OLEN, 4);
	n = word(x, x->pos);
	st_nfs_row(x, N_OLEN, 4);
	have = x->end - x->pos;
	if (n > have) {
		if (have > 0)
			st_dbytes(x->d, x->c, &st_nfs_rows[N_DATA], x->pos, have);
		x->pos = x->end;
		x->c->err = ST_ETRUNC;
		return ST_ETRUNC;
	}
	if (n > 0)
		st_dbytes(x->d, x->c, &st_nfs_rows[N_DATA], x->pos, n);
	x->pos += n;
	pad = (4 - n % 4) % 4;
	if (pad == 0)
		return ST_OK;
	if (x->pos + pad > x->end) {
		x->pos = x->end;
		x->c->err = ST_ETRUNC;
		return ST_ETRUNC;
	}
	st_dbytes(x->d, x->c, &st_nfs_rows[N_FILL], x->pos, pad);
	x->pos += pad;
	return ST_OK;
}
