/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The arguments and results of AFS's operations (OpenAFS afsint.xg for
 * the file server and the cache manager's callbacks, ptint.xg for the
 * protection server, vldbint.xg for the volume location server, volint.xg
 * for the volume server), in XDR: big-endian 32-bit words, a string as
 * its length and bytes padded to a word, a fixed-size name as one word
 * per character.  Only the first packet of a call holds its start, so
 * only that one is decoded (afs.c), as far as its bytes go.
 *
 * Where Wireshark reads the wire differently from the interface
 * definitions it is followed, for agreement: a volume location entry of
 * 8 servers skips one word after its name.
 */
#include <stdio.h>
#include <time.h>

#include "afs.h"

static const struct st_valname cb_types[] = {
	{ 1, "exclusive" }, { 2, "shared" }, { 3, "dropped" }, { 0, NULL }
};

static const struct st_valname file_types[] = {
	{ 1, "File" }, { 2, "Directory" }, { 3, "Symbolic link" }, { 0, NULL }
};

static const struct st_valname vol_types[] = {
	{ 0, "read-write" }, { 1, "read-only" }, { 2, "backup" },
	{ 0xffffffff, "any" }, { 0, NULL }
};

static const struct st_valname lock_types[] = {
	{ 1, "read" }, { 2, "write" }, { 3, "wait" }, { 0, NULL }
};
#define W(n, l)		FD(NULL, n, l, 0, 32, ST_FMT_DEC)
#define WN(n, l, t)	FDN(NULL, n, l, 0, 32, ST_FMT_DEC, t)
#define T(n, l)		FD(NULL, n, l, 0, 32, ST_FMT_TEXT)
#define S(n, l)		FD(NULL, n, l, 0, 0, ST_FMT_TEXT)
#define BIT(n, l, b)	FDD(NULL, n, l, 31 - (b), 1, ST_FMT_BOOL)

const struct st_field_desc st_afs_body[AFS_NBODY] = {
	W("afs.fs.fid.volume", "FileID (Volume)"),
	W("afs.fs.fid.vnode", "FileID (VNode)"),
	W("afs.fs.fid.uniq", "FileID (Uniqifier)"),
	W("afs.fs.offset", "Offset"),
	W("afs.fs.length", "Length"),
	W("afs.fs.flength", "FLength"),
	FD(NULL, "afs.fs.offset64", "Offset64", 0, 64, ST_FMT_DEC),
	FD(NULL, "afs.fs.length64", "Length64", 0, 64, ST_FMT_DEC),
	FD(NULL, "afs.fs.flength64", "FLength64", 0, 64, ST_FMT_DEC),
	FD(NULL, "afs.fs.data", "Data", 0, 0, ST_FMT_BYTES),
	S("afs.fs.name", "Name"),
	S("afs.fs.oldname", "Old Name"),
	S("afs.fs.newname", "New Name"),
	S("afs.fs.symlink.name", "Symlink Name"),
	S("afs.fs.symlink.content", "Symlink Content"),
	W("afs.fs.volid", "Volume ID"),
	S("afs.fs.volname", "Volume Name"),
	S("afs.fs.offlinemsg", "Offline Message"),
	S("afs.fs.motd", "Message of the Day"),
	W("afs.fs.xstats.version", "XStats Version"),
	W("afs.fs.xstats.timestamp", "XStats Timestamp"),
	W("afs.fs.xstats.clientversion", "Client Version"),
	W("afs.fs.xstats.collnumber", "Collection Number"),
	W("afs.fs.cps.spare1", "CPS Spare1"),
	W("afs.fs.cps.spare2", "CPS Spare2"),
	W("afs.fs.cps.spare3", "CPS Spare3"),
	W("afs.fs.vicelocktype", "Vice Lock Type"),
	W("afs.fs.viceid", "Vice ID"),
	FD(NULL, "afs.fs.ipaddr", "IP Addr", 0, 32, ST_FMT_IPV4),
	W("afs.fs.acl.datasize", "ACL Size"),
	W("afs.fs.status.interfaceversion", "Interface Version"),
	WN("afs.fs.status.filetype", "File Type", file_types),
	W("afs.fs.status.linkcount", "Link Count"),
	W("afs.fs.status.length", "Length"),
	W("afs.fs.status.dataversion", "Data Version"),
	W("afs.fs.status.author", "Author"),
	W("afs.fs.status.owner", "Owner"),
	W("afs.fs.status.calleraccess", "Caller Access"),
	W("afs.fs.status.anonymousaccess", "Anonymous Access"),
	W("afs.fs.status.mode", "Unix Mode"),
	W("afs.fs.status.parentvnode", "Parent VNode"),
	W("afs.fs.status.parentunique", "Parent Unique"),
	W("afs.fs.status.segsize", "Segment Size"),
	T("afs.fs.status.clientmodtime", "Client Modification Time"),
	T("afs.fs.status.servermodtime", "Server Modification Time"),
	W("afs.fs.status.group", "Group"),
	W("afs.fs.status.synccounter", "Sync Counter"),
	W("afs.fs.status.dataversionhigh", "Data Version (High)"),
	W("afs.fs.status.spare2", "Spare 2"),
	W("afs.fs.status.spare3", "Spare 3"),
	W("afs.fs.status.spare4", "Spare 4"),
	FD(NULL, "afs.fs.status.mask", "Mask", 0, 32, ST_FMT_HEX),
	BIT("afs.fs.status.mask.setmodtime", "Set Modification Time", 0),
	BIT("afs.fs.status.mask.setowner", "Set Owner", 1),
	BIT("afs.fs.status.mask.setgroup", "Set Group", 2),
	BIT("afs.fs.status.mask.setmode", "Set Mode", 3),
	BIT("afs.fs.status.mask.setsegsize", "Set Segment Size", 4),
	BIT("afs.fs.status.mask.fsync", "FSync", 10),
	T("afs.fs.volsync.spare1", "Volume Creation Timestamp"),
	W("afs.fs.volsync.spare2", "Spare 2"),
	W("afs.fs.volsync.spare3", "Spare 3"),
	W("afs.fs.volsync.spare4", "Spare 4"),
	W("afs.fs.volsync.spare5", "Spare 5"),
	W("afs.fs.volsync.spare6", "Spare 6"),
	W("afs.fs.callback.version", "Version"),
	T("afs.fs.callback.expires", "Expires"),
	WN("afs.fs.callback.type", "Type", cb_types),
	W("afs.cb.fid.volume", "FileID (Volume)"),
	W("afs.cb.fid.vnode", "FileID (VNode)"),
	W("afs.cb.fid.uniq", "FileID (Uniqifier)"),
	W("afs.cb.callback.version", "Version"),
	T("afs.cb.callback.expires", "Expires"),
	WN("afs.cb.callback.type", "Type", cb_types),
	S("afs.prot.name", "Name"),
	W("afs.prot.id", "ID"),
	W("afs.prot.count", "Count"),
	W("afs.prot.oldid", "Old ID"),
	W("afs.prot.newid", "New ID"),
	W("afs.prot.pos", "Position"),
	W("afs.prot.flag", "Flag"),
	W("afs.prot.uid", "User ID"),
	W("afs.prot.gid", "Group ID"),
	W("afs.prot.maxuid", "Maximum User ID"),
	W("afs.prot.maxgid", "Maximum Group ID"),
	S("afs.vldb.name", "Volume Name"),
	W("afs.vldb.id", "Volume ID"),
	WN("afs.vldb.type", "Volume Type", vol_types),
	W("afs.vldb.bump", "Bumped Volume ID"),
	W("afs.vldb.index", "Volume Index"),
	W("afs.vldb.nextindex", "Next Volume Index"),
	W("afs.vldb.count", "Volume Count"),
	W("afs.vldb.numservers", "Number of Servers"),
	FD(NULL, "afs.vldb.server", "Server", 0, 32, ST_FMT_IPV4),
	FD(NULL, "afs.vldb.serveruuid", "Server UUID", 0, 0, ST_FMT_BYTES),
	W("afs.vldb.serveruniq", "Server Unique Address"),
	W("afs.vldb.serverflags", "Server Flags"),
	FD(NULL, "afs.vldb.serverip", "Server IP", 0, 32, ST_FMT_IPV4),
	S("afs.vldb.partition", "Partition"),
	W("afs.vldb.rwvol", "Read-Write Volume ID"),
	W("afs.vldb.rovol", "Read-Only Volume ID"),
	W("afs.vldb.bkvol", "Backup Volume ID"),
	W("afs.vldb.clonevol", "Clone Volume ID"),
	FD(NULL, "afs.vldb.flags", "Flags", 0, 32, ST_FMT_HEX),
	BIT("afs.vldb.flags.rwexists", "Read/Write Exists", 12),
	BIT("afs.vldb.flags.roexists", "Read-Only Exists", 13),
	BIT("afs.vldb.flags.bkexists", "Backup Exists", 14),
	BIT("afs.vldb.flags.dfsfileset", "DFS Fileset", 15),
	W("afs.vldb.spare1", "Spare 1"), W("afs.vldb.spare2", "Spare 2"),
	W("afs.vldb.spare3", "Spare 3"), W("afs.vldb.spare4", "Spare 4"),
	W("afs.vldb.spare5", "Spare 5"), W("afs.vldb.spare6", "Spare 6"),
	W("afs.vldb.spare7", "Spare 7"), W("afs.vldb.spare8", "Spare 8"),
	W("afs.vldb.spare9", "Spare 9"),
	W("afs.vol.count", "Volume Count"),
	W("afs.vol.id", "Volume ID"),
	S("afs.vol.name", "Volume Name"),
	W("afs.ubik.state", "State"),
	T("afs.ubik.votestart", "Vote Started"),
	T("afs.ubik.version.epoch", "Epoch"),
	W("afs.ubik.version.counter", "Counter"),
	FD(NULL, "afs.ubik.site", "Site", 0, 32, ST_FMT_IPV4),
	W("afs.ubik.file", "File"),
	W("afs.ubik.position", "Position"),
	W("afs.ubik.length", "Length"),
	WN("afs.ubik.locktype", "Lock Type", lock_types),
};
_Static_assert(AFS_NBODY == B_NBODY, "one row per B_ index");

#define R(i)	(&st_afs_body[(i)])

/* Whether n more bytes are there; if not, reading stops. */
int
afs_have(struct afs_m *m, size_t n)
{
	if (m->stop || n > m->left || m->pos > m->left - n) {
		m->stop = 1;
		return 0;
	}
	return 1;
}

uint32_t
afs_peek32(struct afs_m *m)
{
	return (uint32_t)st_peek_bits(m->c, m->pos * 8, 32);
}

/* A 32-bit word as row r; a time row (text) as Wireshark shows seconds:
 * absolute since 1970, or the callback's relative expiry. */
uint32_t
afs_word(struct afs_m *m, int r)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char buf[64];
	struct tm tm;
	time_t t;
	uint32_t v;

	if (!afs_have(m, 4))
		return 0;
	v = afs_peek32(m);
	if (R(r)->fmt != ST_FMT_TEXT)
		st_dbytes(m->d, m->c, R(r), m->pos, 4);
	else {
		t = (time_t)v;
		if (r == B_CB_EXPIRES)
			snprintf(buf, sizeof(buf), "%u.000000000", v);
		else if (gmtime_r(&t, &tm) != NULL)
			snprintf(buf, sizeof(buf), "%s %2d, %d "
			    "%02d:%02d:%02d.000000000 UTC", mon[tm.tm_mon],
			    tm.tm_mday, tm.tm_year + 1900, tm.tm_hour,
			    tm.tm_min, tm.tm_sec);
		else
			snprintf(buf, sizeof(buf), "%u", v);
		st_dtext(m->d, m->c, R(r), m->pos, 4, buf);
	}
	m->pos += 4;
	return v;
}

void
afs_words(struct afs_m *m, const uint8_t *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n && !m->stop; i++)
		afs_word(m, rows[i]);
}

/* A word and the bits under it (rows r .. r + n). */
void
afs_bits(struct afs_m *m, int r, size_t n)
{
	if (!afs_have(m, 4))
		return;
	st_dfields_at(m->d, m->c, m->pos, R(r), n + 1);
	m->pos += 4;
}

void
afs_bytes(struct afs_m *m, int r, size_t n)
{
	if (!afs_have(m, n))
		return;
	st_dbytes(m->d, m->c, R(r), m->pos, n);
	m->pos += n;
}

/* An XDR string: its length, its bytes, padding to a word. */
void
afs_string(struct afs_m *m, int r)
{
	char buf[4 * 256 + 8];
	size_t n;

	if (!afs_have(m, 4))
		return;
	n = afs_peek32(m);
	if (!afs_have(m, 4 + n))
		return;
	st_escape(m->c->base + m->c->off + m->pos + 4, n, buf, sizeof(buf));
	st_dtext(m->d, m->c, R(r), m->pos, 4 + n, buf);
	m->pos += 4 + n + (4 - n % 4) % 4;
}

/* A name of n characters, one per word, to its first NUL. */
void
afs_vstring(struct afs_m *m, int r, size_t n)
{
	uint8_t s[128];
	char buf[4 * sizeof(s) + 8];
	size_t i, k = 0;
	int end = 0;

	if (!afs_have(m, 4 * n))
		return;
	for (i = 0; i < n && i < sizeof(s); i++) {
		uint8_t ch = (uint8_t)st_peek_bits(m->c, (m->pos + 4 * i) * 8
		    + 24, 8);

		if (ch == 0)
			end = 1;
		if (!end)
			s[k++] = ch;
	}
	st_escape(s, k, buf, sizeof(buf));
	st_dtext(m->d, m->c, R(r), m->pos, 4 * n, buf);
	m->pos += 4 * n;
}

/* An array: its count, then each element (rows of n words). */
void
afs_array(struct afs_m *m, const uint8_t *rows, size_t n)
{
	uint32_t k, i;

	if (!afs_have(m, 4))
		return;
	k = afs_peek32(m);
	m->pos += 4;
	for (i = 0; i < k && i < AFS_MAXARRAY && !m->stop; i++)
		afs_words(m, rows, n);
}

/* A count as row r, then that many words as row e (or names of n
 * characters as row e when n > 0). */
void
afs_counted(struct afs_m *m, int r, int e, size_t n)
{
	uint32_t k, i;

	k = afs_word(m, r);
	for (i = 0; i < k && i < AFS_MAXARRAY && !m->stop; i++) {
		if (n > 0)
			afs_vstring(m, e, n);
		else
			afs_word(m, e);
	}
}

/* The volume server: list-one-volume only, as Wireshark. */
static void
afs_vol(struct afs_m *m, int reply, uint32_t op)
{
	if (op != 121)
		return;
	afs_word(m, B_VOL_COUNT);
	if (reply)
		afs_vstring(m, B_VOL_NAME, 32);
	else
		afs_word(m, B_VOL_ID);
}

void
st_afs_body_decode(struct afs_m *m, int svc, int reply, uint32_t op)
{
	static void (*const svcs[AFS_NSVC])(struct afs_m *, int, uint32_t) = {
		[AFS_FS] = afs_fs, [AFS_CB] = afs_cb, [AFS_PROT] = afs_prot,
		[AFS_VLDB] = afs_vldb, [AFS_VOL] = afs_vol,
		[AFS_UBIK] = afs_ubik,
	};

	if (!reply)
		m->pos += 4;			/* the opcode */
	if (svcs[svc] != NULL)
		svcs[svc](m, reply, op);
}
