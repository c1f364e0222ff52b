/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 ([MS-SMB2] 2.2.33 to 2.2.38, [MS-FSCC] 2.4): what a query info
 * response and a query directory (find) exchange carry.  A response does
 * not repeat the class and level its request asked for; the request's
 * note (smb2.c) gives them, as Wireshark keeps them on its first pass.
 * Only the levels Wireshark shows under SMB2's own names are read here
 * (FileAllInformation; the directory listings); the others it shows as
 * SMB1's, which strata leaves as bytes.
 */
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "smb2.h"

#define FIND_MAX	512	/* entries of a listing read */
#define FIND_FIELDS	32	/* fields of one entry, at most */

/* FileModeInformation's bits, shown by Wireshark as hex numbers. */
static const struct lebit mode_bits[] = {
	LB("smb2.mode.file_write_through", 0x2),
	LB("smb2.mode.file_sequential_only", 0x4),
	LB("smb2.mode.file_no_intermediate_buffering", 0x8),
	LB("smb2.mode.file_synchronous_io_alert", 0x10),
	LB("smb2.mode.file_synchronous_io_nonalert", 0x20),
	LB("smb2.mode.file_delete_on_close", 0x1000),
};

static const struct lebit find_bits[] = {
	LB("smb2.find.restart_scans", 0x1), LB("smb2.find.single_entry", 0x2),
	LB("smb2.find.index_specified", 0x4), LB("smb2.find.reopen", 0x10),
};

/* The class and level of the request (a query or set info), as
 * Wireshark repeats them. */
void
smb2_getinfo_level(struct smb2_msg *m)
{
	static const int level[4] = { 0, F_FILEINFO, F_FSINFO, F_SECINFO };
	unsigned cls = m->req[N_CLASS];

	if (!m->has_req || (m->req[N_CMD] != C_QUERY_INFO &&
	    m->req[N_CMD] != C_SET_INFO))
		return;
	st_dgen(m->d, &smb2_fields[F_CLASS], cls);
	if (cls >= 1 && cls <= 3)
		st_dgen(m->d, &smb2_fields[level[cls]], m->req[N_LEVEL]);
}

/* FileAllInformation ([MS-FSCC] 2.4.2) at o, n bytes. */
static void
all_info(struct smb2_msg *m, size_t o, size_t n)
{
	uint64_t nlen;

	if (n < 100)
		return;
	smb2_times4(m, o);
	smb2_fattr(m, o + 32);
	st_dbytes(m->d, m->c, &smb2_fields[F_UNKNOWN], o + 36, 4);
	smb2_le(m, F_ALLOC, o + 40, 8);
	smb2_le(m, F_EOF, o + 48, 8);
	smb2_le(m, F_NLINKS, o + 56, 4);
	smb2_le(m, F_DELPEND, o + 60, 1);
	smb2_le(m, F_ISDIR, o + 61, 1);
	smb2_le(m, F_FILEID, o + 64, 8);
	smb2_le(m, F_EASIZE, o + 72, 4);
	smb2_access(m, o + 76);
	smb2_le(m, F_POSINFO, o + 80, 8);
	FLAGS(m, F_MODEINFO, o + 88, 4, mode_bits);
	smb2_le(m, F_ALIGN, o + 92, 4);
	nlen = smb2_le(m, F_FNLEN, o + 96, 4);
	if (m->c->err == ST_OK && nlen > 0 && nlen <= n - 100)
		smb2_name16(m, F_FILENAME, o + 100, (size_t)nlen);
}

void
smb2_getinfo_resp(struct smb2_msg *m, size_t b)
{
	size_t o, n;

	smb2_getinfo_level(m);
	if (!smb2_olb(m, b + 2, 2, b + 4, 4, &o, &n) || n == 0 ||
	    o < SMB2_HDR || o + n > m->len)
		return;
	if (m->has_req && m->req[N_CLASS] == 1 && m->req[N_LEVEL] == 0x12)
		all_info(m, o, n);
}

/*
 * One entry of a listing at o (end: the listing's end): the fields the
 * directory information levels share ([MS-FSCC] 2.4.8, 2.4.17, 2.4.18);
 * level 12 (FileNamesInformation) has only the name.  Returns the next
 * entry's offset from o (0: the last).
 */
static size_t
find_entry(struct smb2_msg *m, size_t o, size_t end, unsigned level)
{
	size_t next = (size_t)smb2_le(m, F_NEXTOFF, o, 4), nlen, name;
	uint8_t sn;

	smb2_le(m, F_FINDEX, o + 4, 4);
	if (level == 12) {
		nlen = (size_t)smb2_le(m, F_FNLEN, o + 8, 4);
		name = o + 12;
	} else {
		smb2_times4(m, o + 8);
		smb2_le(m, F_EOF, o + 40, 8);
		smb2_le(m, F_ALLOC, o + 48, 8);
		smb2_fattr(m, o + 56);
		nlen = (size_t)smb2_le(m, F_FNLEN, o + 60, 4);
		smb2_le(m, F_EASIZE, o + 64, 4);
		if (level == 37) {		/* FileIdBothDirectoryInformation */
			sn = (uint8_t)smb2_le(m, F_SNLEN, o + 68, 1);
			smb2_rsv(m, o + 69, 1);
			if (sn > 0 && sn <= 24)
				smb2_name16(m, F_SHORTNAME, o + 70, sn);
			smb2_rsv(m, o + 94, 2);
			smb2_le(m, F_FILEID, o + 96, 8);
			name = o + 104;
		} else {			/* FileIdFullDirectoryInformation */
			smb2_rsv(m, o + 68, 4);
			smb2_le(m, F_FILEID, o + 72, 8);
			name = o + 80;
		}
	}
	if (m->c->err != ST_OK)
		return 0;
	if (nlen > 0 && name + nlen <= end)
		smb2_name16(m, F_FILENAME, name, nlen);
	return next;
}

/* How many entries the listing of n bytes at o chains (at most
 * FIND_MAX). */
static unsigned
find_count(struct smb2_msg *m, size_t o, size_t n)
{
	size_t end = o + n, next;
	unsigned i;

	for (i = 0; i < FIND_MAX; ) {
		i++;
		next = (size_t)smb2_le_at(m, o, 4);
		if (m->c->err != ST_OK || next == 0 || next > end - o)
			break;
		o += next;
	}
	m->c->err = ST_OK;
	return i;
}

/* The level a find request asked for, as Wireshark repeats it. */
void
smb2_find_level(struct smb2_msg *m)
{
	if (m->has_req && m->req[N_CMD] == C_QUERY_DIRECTORY)
		st_dgen(m->d, &smb2_fields[F_FINDLEVEL], m->req[N_LEVEL]);
}

/* A find response's listing, n bytes at o, of the level asked for. */
static void
find_list(struct smb2_msg *m, size_t o, size_t n)
{
	unsigned level, i;
	size_t end = o + n, next;

	if (!m->has_req || m->req[N_CMD] != C_QUERY_DIRECTORY)
		return;
	level = m->req[N_LEVEL];
	smb2_find_level(m);
	st_dbytes(m->d, m->c, &smb2_fields[F_FINDBLOB], o, n);
	if (level != 12 && level != 37 && level != 38)
		return;
	/* a packet holds ST_MAX_FIELDS fields: a listing that would not
	 * fit is left as its bytes rather than shown in part */
	if (m->d->pkt->nfields + (size_t)find_count(m, o, n) * FIND_FIELDS >
	    ST_MAX_FIELDS - 64) {
		st_pkt_note(m->d->pkt, "SMB2: a listing too long to show "
		    "entry by entry");
		return;
	}
	for (i = 0; i < FIND_MAX && m->c->err == ST_OK; i++) {
		if (o + (level == 12 ? 12 : 80) > end)
			break;
		next = find_entry(m, o, end, level);
		if (next == 0 || next > end - o)
			break;
		o += next;
	}
}

void
smb2_find(struct smb2_msg *m, size_t b)
{
	size_t o, n;

	if (m->resp) {
		if (smb2_olb(m, b + 2, 2, b + 4, 4, &o, &n) && n > 0 &&
		    o >= SMB2_HDR && o + n <= m->len)
			find_list(m, o, n);
		return;
	}
	m->note[N_LEVEL] = (uint8_t)smb2_le(m, F_FINDLEVEL, b + 2, 1);
	FLAGS(m, F_FINDFLAGS, b + 3, 1, find_bits);
	smb2_le(m, F_FINDEX, b + 4, 4);
	smb2_guid(m, F_FID, b + 8);
	smb2_le(m, F_OUTLEN, b + 28, 4);
	if (smb2_olb(m, b + 24, 2, b + 26, 2, &o, &n))
		smb2_name16(m, F_PATTERN, o, n);
}
