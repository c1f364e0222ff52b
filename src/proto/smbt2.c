/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 Trans2 subcommands ([MS-CIFS] 2.2.6): a request's parameters
 * (which file, by path or FID, which level of information) and a
 * response's parameters and data, read by the request's subcommand and
 * level as Wireshark's smb dissector does (its response repeats them,
 * with the FID's file, before the words).  Every offset is from the SMB
 * header's start; every read stays inside the byte count; every list is
 * bounded.
 *
 *   QUERY_PATH_INFO  parameters: level (2), reserved (4), file name
 *   QUERY_FILE_INFO  parameters: FID (2), level (2)
 *   response         parameters: EA error offset (2); data: the level's
 *                    record (basic: four FILETIMEs and attributes ...)
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "smb1.h"

const char st_smb_search_id[] = "smb.search_id";

#define T2_FIND_FIRST2	0x01
#define T2_QUERY_FS	0x03
#define T2_QUERY_PATH	0x05
#define T2_SET_PATH	0x06
#define T2_QUERY_FILE	0x07
#define T2_SET_FILE	0x08
#define T2_GET_DFS	0x10
#define FF2_MAX		64	/* directory entries shown */
#define STREAMS_MAX	32

enum { F_SATTR, F_SCOUNT, F_FFLAGS, F_FFLOI, F_STORAGE, F_PATTERN,
	F_SID, F_EOS, F_LASTNAME, F_FINDEX, F_SHORTLEN, F_SHORT,
	F_DFSCONS, F_DFSNUM, F_DFSFLAGS, F_ATTRIB, F_REPARSE,
	F_FSID, F_FSUNITS, F_AVAIL, F_BPS16, F_FREE, F_NT2 };

static const struct st_field_desc t2_fields[F_NT2] = {
	[F_SATTR] = FD(NULL, "smb.search.attribute", "Search Attributes", 0,
	    16, ST_FMT_HEX),
	[F_SCOUNT] = FD(NULL, "smb.search_count", "Search Count", 0, 16,
	    ST_FMT_DEC),
	[F_FFLAGS] = FD(NULL, "smb.find_first2.flags", "Flags", 0, 16,
	    ST_FMT_HEX),
	[F_FFLOI] = FD(NULL, "smb.ff2_loi", "Level of Interest", 0, 16,
	    ST_FMT_DEC),
	[F_STORAGE] = FD(NULL, "smb.storage_type", "Storage Type", 0, 32,
	    ST_FMT_DEC),
	[F_PATTERN] = FD(NULL, "smb.search_pattern", "Search Pattern", 0, 0,
	    ST_FMT_TEXT),
	[F_SID] = FD(NULL, st_smb_search_id, "Search ID", 0, 16, ST_FMT_HEX),
	[F_EOS] = FD(NULL, "smb.end_of_search", "End Of Search", 0, 16,
	    ST_FMT_DEC),
	[F_LASTNAME] = FD(NULL, "smb.last_name_offset", "Last Name Offset",
	    0, 16, ST_FMT_DEC),
	[F_FINDEX] = FD(NULL, "smb.file_index", "File Index", 0, 32,
	    ST_FMT_DEC),
	[F_SHORTLEN] = FD(NULL, "smb.short_file_name_len",
	    "Short File Name Len", 0, 8, ST_FMT_DEC),
	[F_SHORT] = FD(NULL, "smb.short_file", "Short File Name", 0, 0,
	    ST_FMT_TEXT),
	[F_DFSCONS] = FD(NULL, "smb.dfs.path_consumed", "Path Consumed", 0,
	    16, ST_FMT_DEC),
	[F_DFSNUM] = FD(NULL, "smb.dfs.num_referrals", "Num Referrals", 0,
	    16, ST_FMT_DEC),
	[F_DFSFLAGS] = FD(NULL, "smb.dfs.flags", "Flags", 0, 16, ST_FMT_HEX),
	[F_ATTRIB] = FD(NULL, "smb.attribute", "Attribute", 0, 32,
	    ST_FMT_HEX),
	[F_REPARSE] = FD(NULL, "smb.reparse_tag", "Reparse Tag", 0, 32,
	    ST_FMT_HEX),
	[F_FSID] = FD(NULL, "smb.fs_id", "FS Id", 0, 32, ST_FMT_DEC),
	[F_FSUNITS] = FD(NULL, "smb.fs_units", "Total Units", 0, 32,
	    ST_FMT_DEC),
	[F_AVAIL] = FD(NULL, "smb.avail.units", "Available Units", 0, 32,
	    ST_FMT_DEC),
	[F_BPS16] = FD(NULL, "smb.fs_bytes_per_sector", "Bytes per Sector",
	    0, 16, ST_FMT_DEC),
	[F_FREE] = FD(NULL, "smb.free_alloc_units", "Free Units", 0, 64,
	    ST_FMT_DEC),
};

static const struct lebit sattr_bits[] = {
	LB("smb.search.attribute.read_only", 0x1),
	LB("smb.search.attribute.hidden", 0x2),
	LB("smb.search.attribute.system", 0x4),
	LB("smb.search.attribute.volume", 0x8),
	LB("smb.search.attribute.directory", 0x10),
	LB("smb.search.attribute.archive", 0x20),
};

static const struct lebit fflag_bits[] = {
	LB("smb.find_first2.flags.backup", 0x10),
	LB("smb.find_first2.flags.continue", 0x8),
	LB("smb.find_first2.flags.resume", 0x4),
	LB("smb.find_first2.flags.eos", 0x2),
	LB("smb.find_first2.flags.close", 0x1),
};

static const struct lebit dfsflag_bits[] = {
	LB("smb.dfs.flags.server_hold_storage", 0x2),
	LB("smb.dfs.flags.fielding", 0x1),
};

static const struct lebit fsattr_bits[] = {
	LB("smb.fs_attr.css", 0x1), LB("smb.fs_attr.cpn", 0x2),
	LB("smb.fs_attr.uod", 0x4), LB("smb.fs_attr.pacls", 0x8),
	LB("smb.fs_attr.fc", 0x10), LB("smb.fs_attr.vq", 0x20),
	LB("smb.fs_attr.ssf", 0x40), LB("smb.fs_attr.srp", 0x80),
	LB("smb.fs_attr.srs", 0x100), LB("smb.fs_attr.sla", 0x4000),
	LB("smb.fs_attr.vis", 0x8000), LB("smb.fs_attr.soids", 0x10000),
	LB("smb.fs_attr.se", 0x20000), LB("smb.fs_attr.ns", 0x40000),
	LB("smb.fs_attr.rov", 0x80000), LB("smb.fs_attr.swo", 0x100000),
	LB("smb.fs_attr.st", 0x200000), LB("smb.fs_attr.shl", 0x400000),
	LB("smb.fs_attr.sis", 0x4000000), LB("smb.fs_attr.sbr", 0x8000000),
	LB("smb.fs_attr.ssv", 0x10000000),
};

#define BITS(t)	(t), NFIELDS(t)

/* A row of this file's table over n little-endian bytes at off. */
static long long
t2u(struct smb1_msg *m, int f, size_t off, size_t n)
{
	struct st_field *fl;
	uint64_t v;

	if (m->c->err != ST_OK)
		return -1;
	if (!smb1_le_u64(m->c, off, n, &v)) {
		m->c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(m->d, m->c, &t2_fields[f], off, n)) != NULL)
		fl->val = v;
	return v > (uint64_t)LLONG_MAX ? LLONG_MAX : (long long)v;
}

static long long
t2fl(struct smb1_msg *m, int f, size_t off, size_t n, const struct lebit *b,
    size_t nb)
{
	long long v = t2u(m, f, off, n);

	smb1_bits(m->d, m->c, off, v, b, nb);
	return v;
}

/* Whether n bytes at off lie before end (the data's end). */
static int
fits(size_t off, size_t n, size_t end)
{
	return off <= end && n <= end - off;
}

/*
 * A name in the first len bytes at off (UTF-16 when the message says so,
 * as it lies, up to a NUL) as row desc over flen bytes: printable ASCII
 * as is, a character past Latin-1 as '?', as Wireshark writes it.
 */
static void
strn(struct smb1_msg *m, const struct st_field_desc *desc, size_t off,
    size_t len, size_t flen)
{
	char buf[SMB_STRMAX * 4 + 1];
	size_t w = m->uni ? 2 : 1, p, k = 0;
	long long ch;

	if (m->c->err != ST_OK || flen == 0)
		return;
	for (p = off; p + w <= off + len; p += w) {
		if ((ch = smb1_le_at(m->c, p, w)) < 0) {
			m->c->err = ST_ETRUNC;
			return;
		}
		if (ch == 0)
			break;
		if (k + 5 >= sizeof(buf))
			continue;
		if (ch > 0xff)
			buf[k++] = '?';
		else if (ch >= 0x20 && ch < 0x7f)
			buf[k++] = (char)ch;
		else
			k += (size_t)snprintf(buf + k, sizeof(buf) - k,
			    "\\x%02x", (unsigned)ch);
	}
	buf[k] = '\0';
	st_dtext(m->d, m->c, desc, off, flen, buf);
}

/* The four FILETIMEs of a basic record at off. */
static void
times4(struct smb1_msg *m, size_t off)
{
	smb1_filetime(m, F_CTIME, off);
	smb1_filetime(m, F_ATIME, off + 8);
	smb1_filetime(m, F_WTIME, off + 16);
	smb1_filetime(m, F_CHTIME, off + 24);
}

static void
fattr4(struct smb1_msg *m, size_t off)
{
	smb1_fl(m, F_FATTR, off, 4, smb1_fattr_bits, smb1_nfattr_bits);
}

/* What is left of a record Wireshark does not read, as unknown data. */
static void
rest(struct smb1_msg *m, size_t off, size_t end)
{
	if (off < end)
		smb1_raw(m, F_UNKNOWN, off, end - off);
}

/*
 * A file information record of level loi at off (QUERY or SET, PATH or
 * FILE information) ending at end; returns 0 for a level not read here.
 */
static int
file_info(struct smb1_msg *m, unsigned loi, size_t off, size_t end)
{
	long long n;
	size_t i, next;

	switch (loi) {
	case 0x101: case 1004:		/* basic */
		if (!fits(off, 40, end))
			return 1;
		times4(m, off);
		fattr4(m, off + 32);
		rest(m, off + 36, end);
		return 1;
	case 0x102: case 1005:		/* standard */
		if (!fits(off, 22, end))
			return 1;
		smb1_u(m, F_ALLOC, off, 8);
		smb1_u(m, F_EOF, off + 8, 8);
		smb1_u(m, F_LINKCNT, off + 16, 4);
		smb1_u(m, F_DELPEND, off + 20, 1);
		smb1_u(m, F_ISDIR, off + 21, 1);
		rest(m, off + 22, end);
		return 1;
	case 1006:			/* internal */
		if (fits(off, 8, end))
			smb1_u(m, F_INDEX, off, 8);
		return 1;
	case 0x103: case 1007:		/* EA */
		if (fits(off, 4, end))
			smb1_u(m, F_EASIZE, off, 4);
		return 1;
	case 0x104: case 1009:		/* name */
		if (!fits(off, 4, end) || (n = smb1_u(m, F_FNLEN32, off, 4)) < 0)
			return 1;
		if (fits(off + 4, (size_t)n, end))
			strn(m, &smb_fields[F_FILE], off + 4, (size_t)n,
			    (size_t)n);
		return 1;
	case 0x107: case 1018:		/* all: basic, standard, EA, name */
		if (!fits(off, 72, end))
			return 1;
		times4(m, off);
		fattr4(m, off + 32);
		smb1_u(m, F_ALLOC, off + 40, 8);
		smb1_u(m, F_EOF, off + 48, 8);
		smb1_u(m, F_LINKCNT, off + 56, 4);
		smb1_u(m, F_DELPEND, off + 60, 1);
		smb1_u(m, F_ISDIR, off + 61, 1);
		smb1_u(m, F_EASIZE, off + 64, 4);
		if ((n = smb1_u(m, F_FNLEN32, off + 68, 4)) < 0)
			return 1;
		off += 72;
		if (!fits(off, (size_t)n, end))
			return 1;
		strn(m, &smb_fields[F_FILE], off, (size_t)n, (size_t)n);
		rest(m, off + (size_t)n, end);
		return 1;
	case 0x109: case 1022:		/* streams, each at the last's
					   next offset */
		for (i = 0; i < STREAMS_MAX && fits(off, 24, end) &&
		    m->c->err == ST_OK; i++) {
			next = (size_t)smb1_u(m, F_NEXTOFF, off, 4);
			n = smb1_u(m, F_STRNAMELEN, off + 4, 4);
			smb1_u(m, F_STRSIZE, off + 8, 8);
			smb1_u(m, F_ALLOC, off + 16, 8);
			if (n < 0 || !fits(off + 24, (size_t)n, end))
				return 1;
			strn(m, &smb_fields[F_STRNAME], off + 24, (size_t)n,
			    (size_t)n);
			if (next == 0 || next < 24 + (size_t)n)
				return 1;
			off += next;
		}
		return 1;
	case 1034:			/* network open */
		if (!fits(off, 56, end))
			return 1;
		times4(m, off);
		smb1_u(m, F_ALLOC, off + 32, 8);
		smb1_u(m, F_EOF, off + 40, 8);
		fattr4(m, off + 48);
		smb1_raw(m, F_RSV, off + 52, 4);
		return 1;
	case 1035:			/* attribute tag */
		if (!fits(off, 8, end))
			return 1;
		t2u(m, F_ATTRIB, off, 4);
		t2u(m, F_REPARSE, off + 4, 4);
		return 1;
	}
	return 0;
}

/* A file system information record of level loi at off. */
static void
fs_info(struct smb1_msg *m, unsigned loi, size_t off, size_t end)
{
	long long n;

	switch (loi) {
	case 1:				/* allocation */
		if (!fits(off, 18, end))
			return;
		t2u(m, F_FSID, off, 4);
		smb1_u(m, F_FSSECT, off + 4, 4);
		t2u(m, F_FSUNITS, off + 8, 4);
		t2u(m, F_AVAIL, off + 12, 4);
		t2u(m, F_BPS16, off + 16, 2);
		return;
	case 0x102: case 1001:		/* volume */
		if (!fits(off, 18, end))
			return;
		smb1_filetime(m, F_CTIME, off);
		smb1_u(m, F_VSERIAL, off + 8, 4);
		n = smb1_u(m, F_VLABELLEN, off + 12, 4);
		smb1_raw(m, F_RSV, off + 16, 2);
		if (n >= 0 && fits(off + 18, (size_t)n, end))
			strn(m, &smb_fields[F_VLABEL], off + 18, (size_t)n,
			    (size_t)n);
		return;
	case 0x103: case 1003:		/* size */
		if (!fits(off, 24, end))
			return;
		smb1_u(m, F_FSUNITS64, off, 8);
		t2u(m, F_FREE, off + 8, 8);
		smb1_u(m, F_FSSECT, off + 16, 4);
		smb1_u(m, F_FSBPS, off + 20, 4);
		return;
	case 0x105: case 1005:		/* attribute */
		if (!fits(off, 12, end))
			return;
		smb1_fl(m, F_FSATTR, off, 4, BITS(fsattr_bits));
		smb1_u(m, F_FSMAXNAME, off + 4, 4);
		n = smb1_u(m, F_FSNAMELEN, off + 8, 4);
		if (n >= 0 && fits(off + 12, (size_t)n, end))
			strn(m, &smb_fields[F_FSNAME], off + 12, (size_t)n,
			    (size_t)n);
		return;
	case 1007:			/* full size */
		if (!fits(off, 32, end))
			return;
		smb1_u(m, F_FSUNITS64, off, 8);
		smb1_u(m, F_CALLERFREE, off + 8, 8);
		smb1_u(m, F_ACTUALFREE, off + 16, 8);
		smb1_u(m, F_FSSECT, off + 24, 4);
		smb1_u(m, F_FSBPS, off + 28, 4);
		return;
	}
}

/*
 * FIND_FIRST2's directory entries of level loi (257 directory, 258
 * full directory, 259 names, 260 both directory information) from off,
 * each at the last one's next-entry offset.
 */
static void
find_entries(struct smb1_msg *m, unsigned loi, size_t off, size_t end,
    long long count)
{
	size_t i, next, p;
	long long n, sn;

	if (loi < 257 || loi > 260)
		return;
	for (i = 0; i < FF2_MAX && (long long)i < count &&
	    m->c->err == ST_OK; i++) {
		if (!fits(off, loi == 259 ? 12 : 64, end))
			return;
		next = (size_t)smb1_u(m, F_NEXTOFF, off, 4);
		t2u(m, F_FINDEX, off + 4, 4);
		p = off + 8;
		if (loi != 259) {
			times4(m, p);
			smb1_u(m, F_EOF, p + 32, 8);
			smb1_u(m, F_ALLOC, p + 40, 8);
			fattr4(m, p + 48);
			p += 52;
		}
		n = smb1_u(m, F_FNLEN32, p, 4);
		p += 4;
		if (loi == 258 || loi == 260) {
			smb1_u(m, F_EASIZE, p, 4);
			p += 4;
		}
		if (loi == 260) {
			if (!fits(p, 26, end))
				return;
			sn = t2u(m, F_SHORTLEN, p, 1);
			smb1_raw(m, F_RSV, p + 1, 1);
			/* the name in its length, the field over all 24 */
			if (sn >= 0)
				strn(m, &t2_fields[F_SHORT], p + 2,
				    sn < 24 ? (size_t)sn : 24, 24);
			p += 26;
		}
		if (n < 0 || !fits(p, (size_t)n, end))
			return;
		strn(m, &smb_fields[F_FILE], p, (size_t)n, (size_t)n);
		p += (size_t)n;
		if (next == 0)
			return;
		if (next < p - off)
			return;
		if (off + next > p && fits(p, off + next - p, end))
			smb1_raw(m, F_PAD, p, off + next - p);
		off += next;
	}
}

/* The request's parameters, by subcommand. */
void
smb1_t2_req(struct smb1_msg *m, size_t po, size_t pc, size_t dof,
    size_t dc)
{
	size_t end = po + pc;
	long long v;

	if (m->c->err != ST_OK)
		return;
	switch (m->t2) {
	case T2_FIND_FIRST2:
		if (!fits(po, 12, end))
			return;
		t2fl(m, F_SATTR, po, 2, BITS(sattr_bits));
		t2u(m, F_SCOUNT, po + 2, 2);
		t2fl(m, F_FFLAGS, po + 4, 2, BITS(fflag_bits));
		if ((v = t2u(m, F_FFLOI, po + 6, 2)) >= 0) {
			m->hasloi = 1;
			m->loi = (unsigned)v;
		}
		t2u(m, F_STORAGE, po + 8, 4);
		smb1_strd(m, &t2_fields[F_PATTERN], po + 12, end, m->uni);
		if (m->c->err == ST_OK) {
			memcpy(m->path, m->last, sizeof(m->path));
			m->haspath = 1;
		}
		return;
	case T2_QUERY_FS:
		if (fits(po, 2, end) && (v = smb1_u(m, F_QFSILOI, po, 2)) >= 0) {
			m->hasloi = 1;
			m->loi = (unsigned)v;
		}
		return;
	case T2_QUERY_PATH: case T2_SET_PATH:
		if (!fits(po, 6, end))
			return;
		if ((v = smb1_u(m, m->t2 == T2_SET_PATH ? F_SPILOI : F_QPILOI,
		    po, 2)) >= 0) {
			m->hasloi = 1;
			m->loi = (unsigned)v;
		}
		smb1_raw(m, F_RSV, po + 2, 4);
		smb1_str(m, F_FILE, po + 6, end, m->uni);
		if (m->c->err == ST_OK) {
			memcpy(m->path, m->last, sizeof(m->path));
			m->haspath = 1;
		}
		if (m->t2 == T2_SET_PATH && dc > 0)
			file_info(m, m->loi, dof, dof + dc);
		return;
	case T2_QUERY_FILE: case T2_SET_FILE:
		if (!fits(po, 4, end))
			return;
		smb1_fid(m, po, 0);
		if ((v = smb1_u(m, m->t2 == T2_SET_FILE ? F_SPILOI : F_QPILOI,
		    po + 2, 2)) >= 0) {
			m->hasloi = 1;
			m->loi = (unsigned)v;
		}
		if (m->t2 == T2_SET_FILE) {
			if (fits(po + 4, 2, end))
				smb1_raw(m, F_RSV, po + 4, 2);
			if (dc > 0)
				file_info(m, m->loi, dof, dof + dc);
		}
		return;
	case T2_GET_DFS:
		if (!fits(po, 2, end))
			return;
		smb1_u(m, F_MAXREF, po, 2);
		smb1_str(m, F_FILE, po + 2, end, m->uni);
		return;
	}
}

/* What a response repeats of its request: the FID's file, the
 * subcommand, the level, the path or pattern. */
void
smb1_t2_head(struct smb1_msg *m)
{
	struct st_field *f;
	char path[SMB1_FILEMAX];

	if (m->d->pkt->lite || !m->hast2)
		return;
	if (m->hasfid && m->reqfid)
		smb1_pipe_fid(m);
	st_dgen(m->d, &smb_fields[F_T2CMD], m->t2);
	if (!m->hasloi)
		return;
	switch (m->t2) {
	case T2_QUERY_PATH: case T2_QUERY_FILE:
		st_dgen(m->d, &smb_fields[F_QPILOI], m->loi);
		break;
	case T2_QUERY_FS:
		st_dgen(m->d, &smb_fields[F_QFSILOI], m->loi);
		break;
	case T2_FIND_FIRST2:
		st_dgen(m->d, &t2_fields[F_FFLOI], m->loi);
		break;
	}
	if ((m->t2 == T2_QUERY_PATH || m->t2 == T2_FIND_FIRST2) &&
	    smb1_path_get(m, path, sizeof(path)) &&
	    (f = st_dgen(m->d, m->t2 == T2_QUERY_PATH ? &smb_fields[F_FILE] :
	    &t2_fields[F_PATTERN], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, path);
}

/* The response's parameters and data, by its request's subcommand and
 * level. */
void
smb1_t2_resp(struct smb1_msg *m, size_t po, size_t pc, size_t dof,
    size_t dc)
{
	long long count = 0;

	if (m->c->err != ST_OK || !m->hast2)
		return;
	switch (m->t2) {
	case T2_QUERY_PATH: case T2_QUERY_FILE: case T2_SET_PATH:
	case T2_SET_FILE:
		if (pc >= 2)
			smb1_u(m, F_EAERR, po, 2);
		if (dc > 0 && m->hasloi && (m->t2 == T2_QUERY_PATH ||
		    m->t2 == T2_QUERY_FILE))
			file_info(m, m->loi, dof, dof + dc);
		return;
	case T2_QUERY_FS:
		if (dc > 0 && m->hasloi)
			fs_info(m, m->loi, dof, dof + dc);
		return;
	case T2_FIND_FIRST2:
		if (m->hasloi && pc > 0)	/* again, with the parameters */
			st_dgen(m->d, &t2_fields[F_FFLOI], m->loi);
		if (pc >= 10) {
			t2u(m, F_SID, po, 2);
			count = t2u(m, F_SCOUNT, po + 2, 2);
			t2u(m, F_EOS, po + 4, 2);
			smb1_u(m, F_EAERR, po + 6, 2);
			t2u(m, F_LASTNAME, po + 8, 2);
		}
		if (dc > 0 && m->hasloi)
			find_entries(m, m->loi, dof, dof + dc, count);
		return;
	case T2_GET_DFS:
		if (dc >= 8 && fits(dof, 8, dof + dc)) {
			t2u(m, F_DFSCONS, dof, 2);
			t2u(m, F_DFSNUM, dof + 2, 2);
			t2fl(m, F_DFSFLAGS, dof + 4, 2, BITS(dfsflag_bits));
			smb1_raw(m, F_PAD, dof + 6, 2);
		}
		return;
	}
}
