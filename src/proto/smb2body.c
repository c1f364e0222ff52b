/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 and SMB3 ([MS-SMB2] 2.2.3 to 2.2.40): the bodies of the commands,
 * read after the header (smb2.c) by smb2_body().  Offsets are from the
 * start of the header; everything is little-endian.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fields.h"
#include "smb2.h"
#include "smb2ses.h"


#define SMB2_MAXDIALECTS 64
#define SMB2_NAMEMAX	1024	/* UTF-16 units of a name shown */

static const struct lebit access_bits[] = {
	LB("smb.access.read", 0x1), LB("smb.access.write", 0x2),
	LB("smb.access.append", 0x4), LB("smb.access.read_ea", 0x8),
	LB("smb.access.write_ea", 0x10), LB("smb.access.execute", 0x20),
	LB("smb.access.delete_child", 0x40),
	LB("smb.access.read_attributes", 0x80),
	LB("smb.access.write_attributes", 0x100),
	LB("smb.access.delete", 0x10000),
	LB("smb.access.read_control", 0x20000),
	LB("smb.access.write_dac", 0x40000),
	LB("smb.access.write_owner", 0x80000),
	LB("smb.access.synchronize", 0x100000),
	LB("smb.access.system_security", 0x1000000),
	LB("smb.access.maximum_allowed", 0x2000000),
	LB("smb.access.generic_all", 0x10000000),
	LB("smb.access.generic_execute", 0x20000000),
	LB("smb.access.generic_write", 0x40000000),
	LB("smb.access.generic_read", 0x80000000),
};

static const struct lebit fattr_bits[] = {
	LB("smb2.file_attribute.read_only", 0x1),
	LB("smb2.file_attribute.hidden", 0x2),
	LB("smb2.file_attribute.system", 0x4),
	LB("smb2.file_attribute.directory", 0x10),
	LB("smb2.file_attribute.archive", 0x20),
	LB("smb2.file_attribute.normal", 0x80),
	LB("smb2.file_attribute.temporary", 0x100),
	LB("smb2.file_attribute.sparse", 0x200),
	LB("smb2.file_attribute.reparse", 0x400),
	LB("smb2.file_attribute.compressed", 0x800),
	LB("smb2.file_attribute.offline", 0x1000),
	LB("smb2.file_attribute.not_content_indexed", 0x2000),
	LB("smb2.file_attribute.encrypted", 0x4000),
	LB("smb2.file_attribute.integrity_stream", 0x8000),
	LB("smb2.file_attribute.no_scrub_data", 0x20000),
};

static const struct lebit share_bits[] = {
	LB("smb.share.access.read", 0x1), LB("smb.share.access.write", 0x2),
	LB("smb.share.access.delete", 0x4),
};

static const struct lebit copts_bits[] = {
	LB("smb.nt.create_options.directory", 0x1),
	LB("smb.nt.create_options.write_through", 0x2),
	LB("smb.nt.create_options.sequential_only", 0x4),
	LB("smb.nt.create_options.intermediate_buffering", 0x8),
	LB("smb.nt.create_options.sync_io_alert", 0x10),
	LB("smb.nt.create_options.sync_io_nonalert", 0x20),
	LB("smb.nt.create_options.non_directory", 0x40),
	LB("smb.nt.create_options.create_tree_connection", 0x80),
	LB("smb.nt.create_options.complete_if_oplocked", 0x100),
	LB("smb.nt.create_options.no_ea_knowledge", 0x200),
	LB("smb.nt.create_options.eight_dot_three_only", 0x400),
	LB("smb.nt.create_options.random_access", 0x800),
	LB("smb.nt.create_options.delete_on_close", 0x1000),
	LB("smb.nt.create_options.open_by_fileid", 0x2000),
	LB("smb.nt.create_options.backup_intent", 0x4000),
	LB("smb.nt.create_options.no_compression", 0x8000),
	LB("smb.nt.create_options.reserve_opfilter", 0x100000),
	LB("smb.nt.create_options.open_reparse_point", 0x200000),
	LB("smb.nt.create_options.open_no_recall", 0x400000),
	LB("smb.nt.create_options.open_for_free_space_query", 0x800000),
};

static const struct lebit tc_bits[] = {
	LB("smb2.tc.cluster_reconnect", 0x1),
	LB("smb2.tc.redirect_to_owner", 0x2),
	LB("smb2.tc.extension_present", 0x4),
};

static const struct lebit shflags_bits[] = {
	LB("smb2.share_flags.dfs", 0x1), LB("smb2.share_flags.dfs_root", 0x2),
	LB("smb2.share_flags.restrict_exclusive_opens", 0x100),
	LB("smb2.share_flags.force_shared_delete", 0x200),
	LB("smb2.share_flags.allow_namespace_caching", 0x400),
	LB("smb2.share_flags.access_based_dir_enum", 0x800),
	LB("smb2.share_flags.force_levelii_oplock", 0x1000),
	LB("smb2.share_flags.enable_hash_v1", 0x2000),
	LB("smb2.share_flags.enable_hash_v2", 0x4000),
	LB("smb2.share_flags.encrypt_data", 0x8000),
	LB("smb2.share_flags.identity_remoting", 0x40000),
	LB("smb2.share_flags.compress_data", 0x100000),
};

static const struct lebit shcaps_bits[] = {
	LB("smb2.share_caps.dfs", 0x8),
	LB("smb2.share_caps.continuous_availability", 0x10),
	LB("smb2.share_caps.scaleout", 0x20),
	LB("smb2.share_caps.cluster", 0x40),
	LB("smb2.share_caps.assymetric", 0x80),
	LB("smb2.share_caps.redirect_to_owner", 0x100),
};

static const struct lebit secinfo_bits[] = {
	LB("smb2.getsetinfo_additional_secinfo.owner", 0x1),
	LB("smb2.getsetinfo_additional_secinfo.group", 0x2),
	LB("smb2.getsetinfo_additional_secinfo.dacl", 0x4),
	LB("smb2.getsetinfo_additional_secinfo.sacl", 0x8),
	LB("smb2.getsetinfo_additional_secinfo.label", 0x10),
	LB("smb2.getsetinfo_additional_secinfo.attribute", 0x20),
	LB("smb2.getsetinfo_additional_secinfo.scope", 0x40),
	LB("smb2.getsetinfo_additional_secinfo.backup", 0x10000),
};

static const struct lebit repflags_bits[] = {
	LB("smb2.create.rep_flags.reparse_point", 0x1),
};

static const struct lebit rflags_bits[] = {
	LB("smb2.read_flags.unbuffered", 0x1),
	LB("smb2.read_flags.compressed", 0x2),
};

static const struct lebit wflags_bits[] = {
	LB("smb2.write.flags.write_through", 0x1),
	LB("smb2.write.flags.unbuffered", 0x2),
};

static const struct lebit sesreq_bits[] = {
	LB("smb2.ses_req_flags.session_binding", 0x1),
};

static const struct lebit sesflags_bits[] = {
	LB("smb2.ses_flags.guest", 0x1), LB("smb2.ses_flags.null", 0x2),
	LB("smb2.ses_flags.encrypt", 0x4),
};

static const struct lebit secmode_bits[] = {
	LB("smb2.sec_mode.sign_enabled", 0x1),
	LB("smb2.sec_mode.sign_required", 0x2),
};

static const struct lebit caps_bits[] = {
	LB("smb2.capabilities.dfs", 0x1), LB("smb2.capabilities.leasing", 0x2),
	LB("smb2.capabilities.large_mtu", 0x4),
	LB("smb2.capabilities.multi_channel", 0x8),
	LB("smb2.capabilities.persistent_handles", 0x10),
	LB("smb2.capabilities.directory_leasing", 0x20),
	LB("smb2.capabilities.encryption", 0x40),
};

void
smb2_guid(struct smb2_msg *m, int f, size_t off)
{
	uint64_t a = smb2_le_at(m, off, 4), b = smb2_le_at(m, off + 4, 2),
	    c = smb2_le_at(m, off + 6, 2), d8 = 0;
	char buf[40];
	size_t i;

	for (i = 0; i < 8; i++)
		d8 = d8 << 8 | smb2_le_at(m, off + 8 + i, 1);
	if (m->c->err != ST_OK)
		return;
	snprintf(buf, sizeof(buf), "%08x-%04x-%04x-%04x-%012llx",
	    (unsigned)a, (unsigned)b, (unsigned)c, (unsigned)(d8 >> 48),
	    (unsigned long long)(d8 & 0xffffffffffffULL));
	st_dtext(m->d, m->c, &smb2_fields[f], off, 16, buf);
}

/*
 * A UTF-16LE name of len bytes at off from the header, into buf: ASCII
 * as is (backslashes single, as paths are written), other characters
 * escaped.  Returns 1, or 0 when there is none.
 */
int
smb2_name16_text(struct smb2_msg *m, size_t off, size_t len, char *buf, size_t n)
{
	size_t i, k = 0;
	unsigned u;

	if (len == 0 || off < SMB2_HDR || off + len > m->len) {
		if (off + len > m->len && len > 0)
			st_pkt_note(m->d->pkt, "SMB2: a name lies past the "
			    "bytes of the message");
		return 0;
	}
	for (i = 0; i + 1 < len && k + 7 < n; i += 2) {
		u = (unsigned)smb2_le_at(m, off + i, 2);
		if (u >= 0x20 && u < 0x7f)
			buf[k++] = (char)u;
		else
			k += (size_t)snprintf(buf + k, n - k,
			    u < 0x100 ? "\\x%02x" : "\\u%04x", u);
	}
	buf[k] = '\0';
	return m->c->err == ST_OK;
}

/* The name as field f. */
void
smb2_name16(struct smb2_msg *m, int f, size_t off, size_t len)
{
	char buf[SMB2_NAMEMAX * 6 + 1];

	if (smb2_name16_text(m, off, len, buf, sizeof(buf)))
		st_dtext(m->d, m->c, &smb2_fields[f], off, len, buf);
}

/* n reserved bytes at off, as Wireshark shows them. */
void
smb2_rsv(struct smb2_msg *m, size_t off, size_t n)
{
	if (m->c->err == ST_OK && off + n <= m->len)
		st_dbytes(m->d, m->c, &smb2_fields[F_RESERVED], off, n);
}

/*
 * A FILETIME (100 ns units since 1601) at off as Wireshark writes an
 * absolute time: "Apr 26, 2023 10:25:12.024387100 UTC".
 */
void
smb2_filetime(struct smb2_msg *m, int f, size_t off)
{
	uint64_t v = smb2_le_at(m, off, 8), secs;
	struct tm tm;
	time_t t;
	char buf[80];
	size_t k;

	if (m->c->err != ST_OK)
		return;
	if (v == 0)
		snprintf(buf, sizeof(buf), "Jan  1, 1970 00:00:00.000000000 UTC");
	else {
		secs = v / 10000000;
		t = (time_t)(secs - 11644473600ULL);
		if (secs < 11644473600ULL || gmtime_r(&t, &tm) == NULL)
			return;
		k = strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S", &tm);
		snprintf(buf + k, sizeof(buf) - k, ".%09u UTC",
		    (unsigned)(v % 10000000) * 100);
	}
	st_dtext(m->d, m->c, &smb2_fields[f], off, 8, buf);
}

/* The four times of a create or close response, from off. */
void
smb2_times4(struct smb2_msg *m, size_t off)
{
	smb2_filetime(m, F_CTIME, off);
	smb2_filetime(m, F_ATIME, off + 8);
	smb2_filetime(m, F_WTIME, off + 16);
	smb2_filetime(m, F_CHTIME, off + 24);
}

/* The file attributes word at off, with its bits. */
void
smb2_fattr(struct smb2_msg *m, size_t off)
{
	FLAGS(m, F_FATTR, off, 4, fattr_bits);
}

/* An access mask at off, with its bits. */
void
smb2_access(struct smb2_msg *m, size_t off)
{
	FLAGS(m, F_ACCESS, off, 4, access_bits);
}

/*
 * An offset and a length as Wireshark shows such a pair (smb2.olb.*):
 * on bytes at ooff, ln bytes at loff.  Returns 1 with the blob's place
 * in *boff and *blen, or 0 when the words are not there.
 */
int
smb2_olb(struct smb2_msg *m, size_t ooff, size_t on, size_t loff,
    size_t ln, size_t *boff, size_t *blen)
{
	*boff = (size_t)smb2_le(m, F_OLBOFF, ooff, on);
	*blen = (size_t)smb2_le(m, F_OLBLEN, loff, ln);
	return m->c->err == ST_OK;
}

static void secblob(struct smb2_msg *m, size_t olb, int auth);
static void part(struct smb2_msg *m, int f, size_t off, size_t n, uint64_t v);

static void
negotiate(struct smb2_msg *m, size_t b)
{
	unsigned n, i, nc;
	size_t off;

	if (!m->resp) {
		n = (unsigned)smb2_le(m, F_DCOUNT, b + 2, 2);
		FLAGS(m, F_SECMODE, b + 4, 2, secmode_bits);
		smb2_rsv(m, b + 6, 2);
		FLAGS(m, F_CAPS, b + 8, 4, caps_bits);
		smb2_guid(m, F_CGUID, b + 12);
		off = (size_t)smb2_le(m, F_NCOFF, b + 28, 4);
		nc = (unsigned)smb2_le(m, F_NCCOUNT, b + 32, 2);
		smb2_rsv(m, b + 34, 2);
		for (i = 0; i < n && i < SMB2_MAXDIALECTS &&
		    m->c->err == ST_OK; i++)
			smb2_le(m, F_DIALECT, b + 36 + 2 * i, 2);
		if (m->c->err == ST_OK)
			smb2_neg_contexts(m, off, nc);
		return;
	}
	FLAGS(m, F_SECMODE, b + 2, 1, secmode_bits);
	smb2_le(m, F_DIALECT, b + 4, 2);
	nc = (unsigned)smb2_le(m, F_NCCOUNT, b + 6, 2);
	smb2_guid(m, F_SGUID, b + 8);
	FLAGS(m, F_CAPS, b + 24, 4, caps_bits);
	smb2_le(m, F_MAXTRANS, b + 28, 4);
	smb2_le(m, F_MAXREAD, b + 32, 4);
	smb2_le(m, F_MAXWRITE, b + 36, 4);
	smb2_filetime(m, F_CURTIME, b + 40);
	smb2_filetime(m, F_BOOTTIME, b + 48);
	off = (size_t)smb2_le(m, F_NCOFF, b + 60, 4);
	if (m->c->err == ST_OK)
		smb2_neg_contexts(m, off, nc);
	secblob(m, b + 56, 0);		/* last: its own layers */
}

/* The security buffer: its offset and length words at olb, the blob. */
static void
secblob(struct smb2_msg *m, size_t olb, int auth)
{
	size_t off = (size_t)smb2_le(m, F_OLBOFF, olb, 2),
	    len = (size_t)smb2_le(m, F_OLBLEN, olb + 2, 2);
	struct smb2_ses s;
	struct st_cur t;

	if (m->c->err != ST_OK || len == 0 || off < SMB2_HDR ||
	    off + len > m->len)
		return;
	st_dbytes(m->d, m->c, &smb2_fields[F_SECBLOB], off, len);
	t = *m->c;
	if (auth && st_cur_skip(&t, off)) {
		memset(&s, 0, sizeof(s));
		if (smb2_ntlm_names(&t, len, &s))
			smb2_ses_auth(m->sesid, m->d->pkt->num, &s);
	}
	smb2_secblob_on(m->d, m->c, off, len);	/* last: its own layers */
}

static void
session_setup(struct smb2_msg *m, size_t b)
{
	if (!m->resp) {
		FLAGS(m, F_SESREQF, b + 2, 1, sesreq_bits);
		FLAGS(m, F_SECMODE, b + 3, 1, secmode_bits);
		FLAGS(m, F_CAPS, b + 4, 4, caps_bits);
		smb2_le(m, F_CHANNEL, b + 8, 4);
		smb2_le(m, F_PREVSES, b + 16, 8);
		secblob(m, b + 12, 1);
		return;
	}
	FLAGS(m, F_SESFLAGS, b + 2, 2, sesflags_bits);
	secblob(m, b + 4, 0);
	if (m->status == 0 && m->c->err == ST_OK)
		smb2_ses_done(m->sesid, m->d->pkt->num);
}

static void
tree_connect(struct smb2_msg *m, size_t b)
{
	char buf[SMB2_FACTLEN * 2];
	size_t off, len;
	uint32_t v;
	uint8_t type;

	if (!m->resp) {
		v = FLAGS(m, F_TCFLAGS, b + 2, 2, tc_bits);
		part(m, F_TCRSV, b + 2, 2, (v & 0xfff8) >> 3);
		if (smb2_olb(m, b + 4, 2, b + 6, 2, &off, &len) &&
		    smb2_name16_text(m, off, len, buf, sizeof(buf))) {
			st_dtext(m->d, m->c, &smb2_fields[F_TREE], off, len,
			    buf);
			smb2_tree_req(m->sesid, m->msgid, buf);
		}
		return;
	}
	type = (uint8_t)smb2_le(m, F_SHTYPE, b + 2, 1);
	if (m->c->err == ST_OK) {
		st_dbytes(m->d, m->c, &smb2_fields[F_RESERVED], b + 3, 1);
		if (m->status == 0)
			smb2_tree_resp(m->sesid, m->msgid,
			    (uint32_t)smb2_le_at(m, 36, 4), type,
			    m->d->pkt->num);
	}
	v = FLAGS(m, F_SHFLAGS, b + 4, 4, shflags_bits);
	part(m, F_CACHING, b + 4, 4, v & 0x30);
	FLAGS(m, F_SHCAPS, b + 8, 4, shcaps_bits);
	FLAGS(m, F_ACCESS, b + 12, 4, access_bits);
}

static void
create(struct smb2_msg *m, size_t b)
{
	size_t off, len;

	if (!m->resp) {
		smb2_le(m, F_OPLOCK, b + 3, 1);
		smb2_le(m, F_IMPERS, b + 4, 4);
		smb2_le(m, F_CFLAGS, b + 8, 8);
		smb2_rsv(m, b + 16, 8);
		FLAGS(m, F_ACCESS, b + 24, 4, access_bits);
		FLAGS(m, F_FATTR, b + 28, 4, fattr_bits);
		FLAGS(m, F_SHACCESS, b + 32, 4, share_bits);
		smb2_le(m, F_DISPO, b + 36, 4);
		FLAGS(m, F_COPTS, b + 40, 4, copts_bits);
		if (!smb2_olb(m, b + 44, 2, b + 46, 2, &off, &len))
			return;
		if (len == 0)	/* the share's root: an empty name */
			st_dtext(m->d, m->c, &smb2_fields[F_FILENAME], b + 44,
			    0, "");
		else
			smb2_name16(m, F_FILENAME, off, len);
		if (smb2_olb(m, b + 48, 4, b + 52, 4, &off, &len))
			smb2_contexts(m, off, len);
		return;
	}
	smb2_le(m, F_OPLOCK, b + 2, 1);
	FLAGS(m, F_REPFLAGS, b + 3, 1, repflags_bits);
	smb2_le(m, F_ACTION, b + 4, 4);
	smb2_times4(m, b + 8);
	smb2_le(m, F_ALLOC, b + 40, 8);
	smb2_le(m, F_EOF, b + 48, 8);
	FLAGS(m, F_FATTR, b + 56, 4, fattr_bits);
	smb2_rsv(m, b + 60, 4);
	smb2_guid(m, F_FID, b + 64);
	if (smb2_olb(m, b + 80, 4, b + 84, 4, &off, &len))
		smb2_contexts(m, off, len);
}

/*
 * A query info request: the class says which table names the level
 * (files, file systems, security); a security query's additional word
 * is a set of bits Wireshark names otherwise, not read here.
 */
static void
query_info(struct smb2_msg *m, size_t b)
{
	static const int level[4] = { 0, F_FILEINFO, F_FSINFO, F_SECINFO };
	unsigned cls = (unsigned)smb2_le(m, F_CLASS, b + 2, 1);

	m->note[N_CLASS] = (uint8_t)cls;
	m->note[N_LEVEL] = (uint8_t)smb2_le_at(m, b + 3, 1);
	if (cls >= 1 && cls <= 3)
		smb2_le(m, level[cls], b + 3, 1);
	smb2_le(m, F_MAXRESP, b + 4, 4);
	smb2_le(m, F_GIOFF, b + 8, 2);
	smb2_rsv(m, b + 10, 2);
	smb2_le(m, F_GISIZE, b + 12, 4);
	if (cls != 3)
		smb2_le(m, F_ADDL, b + 16, 4);
	else
		FLAGS(m, F_ADDLS, b + 16, 4, secinfo_bits);
	smb2_le(m, F_GIFLAGS, b + 20, 4);
	smb2_guid(m, F_FID, b + 24);
}

/* A set info request: class and level as a query's, then its buffer. */
static void
set_info(struct smb2_msg *m, size_t b)
{
	static const int level[4] = { 0, F_FILEINFO, F_FSINFO, F_SECINFO };
	unsigned cls = (unsigned)smb2_le(m, F_CLASS, b + 2, 1);

	m->note[N_CLASS] = (uint8_t)cls;
	m->note[N_LEVEL] = (uint8_t)smb2_le_at(m, b + 3, 1);
	if (cls >= 1 && cls <= 3)
		smb2_le(m, level[cls], b + 3, 1);
	smb2_le(m, F_SISIZE, b + 4, 4);
	smb2_le(m, F_SIOFF, b + 8, 2);
	smb2_le(m, F_SIRSV, b + 10, 2);
	if (cls != 3)
		smb2_le(m, F_ADDL, b + 12, 4);
	else
		FLAGS(m, F_ADDLS, b + 12, 4, secinfo_bits);
	smb2_guid(m, F_FID, b + 16);
}

/* A field of row f over n bytes at off with value v (a part of a word). */
static void
part(struct smb2_msg *m, int f, size_t off, size_t n, uint64_t v)
{
	struct st_field *fl;

	if (m->c->err == ST_OK &&
	    (fl = st_dbytes(m->d, m->c, &smb2_fields[f], off, n)) != NULL)
		fl->val = v;
}

/* An input or output buffer of an ioctl: its offset and count; an
 * empty one is shown as Wireshark shows it, an empty item. */
static void
ioctl_buf(struct smb2_msg *m, size_t at, int f, uint32_t code, int pipe)
{
	size_t off, len;

	if (!smb2_olb(m, at, 4, at + 4, 4, &off, &len))
		return;
	if (len == 0)
		st_dtext(m->d, m->c, &smb2_fields[f], at, 0, "");
	/* a pipe's bytes go on to the next layer: the item is empty */
	else if (pipe && smb2_pipe_ioctl(m, code, off, len))
		st_dtext(m->d, m->c, &smb2_fields[f], off, 0, "");
}

/*
 * An ioctl ([MS-SMB2] 2.2.31, 2.2.32): the control code in its parts
 * (device, access, function, method), the file, the two buffers; a
 * response's flags are named as the header's.
 */
static void
ioctl(struct smb2_msg *m, size_t b)
{
	uint32_t code;

	smb2_rsv(m, b + 2, 2);
	code = (uint32_t)smb2_le(m, F_IOFUNC, b + 4, 4);
	part(m, F_IODEV, b + 6, 2, code >> 16);
	part(m, F_IOACC, b + 5, 1, code >> 14 & 3);
	part(m, F_IOFN, b + 4, 2, code >> 2 & 0xfff);
	part(m, F_IOMETH, b + 4, 1, code & 3);
	smb2_guid(m, F_FID, b + 8);
	ioctl_buf(m, b + 24, F_IOIN, code, !m->resp);
	if (m->resp) {
		ioctl_buf(m, b + 32, F_IOOUT, code, 1);
		smb2_le(m, F_FLAGS, b + 40, 4);
		smb2_rsv(m, b + 44, 4);
		return;
	}
	smb2_le(m, F_IOMAXIN, b + 32, 4);
	ioctl_buf(m, b + 36, F_IOOUT, code, 0);
	smb2_le(m, F_IOMAXOUT, b + 44, 4);
	/* Wireshark says "is FSCTL" by the request's flag, whatever the
	 * device (0x11: named pipes) */
	if ((smb2_le(m, F_IOFLAGS, b + 48, 4) & 1) && m->c->err == ST_OK)
		st_dgen(m->d, &smb2_fields[F_IOFSCTL], 1);
	smb2_rsv(m, b + 52, 4);
}

/*
 * A read ([MS-SMB2] 2.2.19, 2.2.20): a request's length, offset, file
 * and RDMA channel; a response's data offset (one byte) and length.
 */
static void
read(struct smb2_msg *m, size_t b)
{
	size_t off, len;

	if (m->resp) {
		smb2_rsv(m, b + 12, 4);
		if (smb2_olb(m, b + 2, 1, b + 4, 4, &off, &len))
			smb2_pipe_read(m, off, len);
		smb2_le(m, F_RREMAIN, b + 8, 4);
		/* the reserved byte after the offset, as Wireshark shows
		 * it: only with the data all there */
		if (m->c->err != ST_OK || off + len > m->len)
			return;
		smb2_rsv(m, b + 3, 1);
		/* a file's bytes (a pipe's go on to the next layer) */
		if (m->pipe_len == 0 && len > 0 && off >= SMB2_HDR)
			st_dbytes(m->d, m->c, &smb2_fields[F_RBLOB], off, len);
		return;
	}
	smb2_le(m, F_RPAD, b + 2, 1);
	FLAGS(m, F_RFLAGS, b + 3, 1, rflags_bits);
	smb2_le(m, F_RLEN, b + 4, 4);
	smb2_le(m, F_OFFSET, b + 8, 8);
	smb2_guid(m, F_FID, b + 16);
	smb2_le(m, F_MINCOUNT, b + 32, 4);
	smb2_le(m, F_CHANNEL, b + 36, 4);
	smb2_le(m, F_RBYTES, b + 40, 4);
	if (smb2_olb(m, b + 44, 2, b + 46, 2, &off, &len) && len == 0)
		st_dtext(m->d, m->c, &smb2_fields[F_CHBLOB], b + 44, 0, "");
}

/*
 * A write ([MS-SMB2] 2.2.21, 2.2.22): a request's data offset, length,
 * file offset, file, RDMA channel and its (empty) blob, flags; a
 * response's count and the channel info words it keeps.
 */
static void
write(struct smb2_msg *m, size_t b)
{
	size_t off, len, coff, clen;

	if (m->resp) {
		smb2_rsv(m, b + 2, 2);
		smb2_le(m, F_WCOUNT, b + 4, 4);
		smb2_le(m, F_WREMAIN, b + 8, 4);
		smb2_le(m, F_CHIOFF, b + 12, 2);
		smb2_le(m, F_CHILEN, b + 14, 2);
		return;
	}
	off = (size_t)smb2_le(m, F_DATAOFF, b + 2, 2);
	len = (size_t)smb2_le(m, F_WLEN, b + 4, 4);
	smb2_le(m, F_OFFSET, b + 8, 8);
	smb2_guid(m, F_FID, b + 16);
	smb2_le(m, F_CHANNEL, b + 32, 4);
	smb2_le(m, F_RBYTES, b + 36, 4);
	FLAGS(m, F_WFLAGS, b + 44, 4, wflags_bits);
	if (smb2_olb(m, b + 40, 2, b + 42, 2, &coff, &clen) && clen == 0)
		st_dtext(m->d, m->c, &smb2_fields[F_CHBLOB], b + 40, 0, "");
	if (m->c->err == ST_OK)
		smb2_pipe_write(m, off, len);
}

/*
 * An error response ([MS-SMB2] 2.2.2): its contexts and data; a query
 * info's repeats the class and level asked for, as Wireshark shows.
 */
static void
error_resp(struct smb2_msg *m, size_t b, unsigned cmd)
{
	uint64_t n;

	if (cmd == C_QUERY_INFO || cmd == C_SET_INFO)
		smb2_getinfo_level(m);
	else if (cmd == C_QUERY_DIRECTORY)
		smb2_find_level(m);
	smb2_le(m, F_ERRCC, b + 2, 1);
	smb2_le(m, F_ERRRSV, b + 3, 1);
	n = smb2_le(m, F_ERRBC, b + 4, 4);
	/* no data is still one byte on the wire, when the message has
	 * it (a message chained is padded; the last may end before) */
	if (n == 0 && b + 9 > m->len)
		n = 0;
	else if (n == 0)
		n = 1;
	if (m->c->err == ST_OK && b + 8 + n <= m->len)
		st_dbytes(m->d, m->c, &smb2_fields[F_ERRDATA], b + 8,
		    (size_t)n);
}

void
smb2_body(struct smb2_msg *m, unsigned cmd)
{
	size_t b = SMB2_HDR;
	uint64_t code = smb2_le(m, F_BUFCODE, b, 2);
	struct st_field *f;

	if (m->c->err != ST_OK)
		return;
	if ((f = st_dbytes(m->d, m->c, &smb2_fields[F_BUFLEN], b, 2)) !=
	    NULL)
		f->val = code >> 1;
	if ((f = st_dbytes(m->d, m->c, &smb2_fields[F_BUFDYN], b, 1)) != NULL)
		f->val = code & 1;
	/* An error response; a session setup's own body has size 9 too,
	 * read as such whatever its status, as Wireshark does. */
	if (code == 9 && m->resp && cmd != C_SESSION_SETUP &&
	    m->status != 0 && m->status != 0x80000005) {
		error_resp(m, b, cmd);
		return;
	}
	switch (cmd) {
	case C_NEGOTIATE:
		negotiate(m, b);
		break;
	case C_SESSION_SETUP:
		session_setup(m, b);
		break;
	case C_TREE_CONNECT:
		tree_connect(m, b);
		break;
	case C_CREATE:
		create(m, b);
		break;
	case C_CLOSE:
		smb2_le(m, F_CLFLAGS, b + 2, 2);
		if (m->c->err == ST_OK && !m->d->pkt->lite)
			st_pkt_add_field(m->d->pkt, &smb2_fields[F_PQATTR],
			    (uint32_t)((m->c->off + b + 2) * 8 + 7), 1,
			    smb2_le_at(m, b + 2, 2) & 1);
		if (!m->resp)
			smb2_guid(m, F_FID, b + 8);
		else {
			smb2_rsv(m, b + 4, 4);
			smb2_times4(m, b + 8);
			smb2_le(m, F_ALLOC, b + 40, 8);
			smb2_le(m, F_EOF, b + 48, 8);
			FLAGS(m, F_FATTR, b + 56, 4, fattr_bits);
		}
		break;
	case C_TREE_DISCONNECT:
		smb2_rsv(m, b + 2, 2);
		break;
	case C_READ:
		read(m, b);
		break;
	case C_IOCTL:
		ioctl(m, b);
		break;
	case C_CHANGE_NOTIFY:
		if (!m->resp) {
			smb2_guid(m, F_FID, b + 8);
			smb2_rsv(m, b + 28, 4);
		}
		break;
	case C_QUERY_INFO:
		if (!m->resp)
			query_info(m, b);
		else
			smb2_getinfo_resp(m, b);
		break;
	case C_SET_INFO:
		if (!m->resp)
			set_info(m, b);
		else
			smb2_getinfo_level(m);
		break;
	case C_QUERY_DIRECTORY:
		smb2_find(m, b);
		break;
	case C_FLUSH: case C_LOCK:
		if (!m->resp)
			smb2_guid(m, F_FID, b + 8);
		break;
	case C_WRITE:
		write(m, b);
		break;
	}
}
