/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 and SMB3 ([MS-SMB2] 2.2): the 64-byte header every message starts
 * with, and the bodies of the commands a user looks for first: negotiate
 * (the dialects), tree connect (the share's path), create (the file's
 * name, access and disposition), close, read and write (offsets and
 * lengths).  Everything is little-endian.
 *
 *   +-------+---------+--------+-------------------+---------+---------+
 *   | 0xfe  | StrSize | Credit | Status (response) | Command | Credits |
 *   |  SMB  |   64    | Charge | ChannelSeq (req.) |         |         |
 *   +-------+---------+--------+-------------------+---------+---------+
 *   | Flags | NextCommand | MessageId (8) | ProcessId | TreeId |
 *   | SessionId (8) | Signature (16) |  body: StructureSize ...
 *
 * Messages chained by NextCommand are one layer each.  An encrypted
 * message (0xfd 'SMB', the transform header) is shown by its protocol ID
 * only; its body is data.
 *
 * Wireshark names a message's session (account, domain), tree (path) and
 * file (name) from earlier packets; one packet alone cannot, so strata
 * gives them only where the message itself carries them.  Paths keep
 * their backslashes single, as Windows writes them; other bytes that
 * are not printable ASCII are escaped.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"
#include "smb2ses.h"

#define SMB2_MAGIC	0xfe534d42u
#define SMB2_XFORM	0xfd534d42u
#define SMB2_HDR	64
#define SMB2_MAXDIALECTS 64
#define SMB2_NAMEMAX	1024	/* UTF-16 units of a name shown */

enum { C_NEGOTIATE, C_SESSION_SETUP, C_LOGOFF, C_TREE_CONNECT,
	C_TREE_DISCONNECT, C_CREATE, C_CLOSE, C_FLUSH, C_READ, C_WRITE,
	C_LOCK, C_IOCTL, C_CANCEL, C_ECHO, C_QUERY_DIRECTORY,
	C_CHANGE_NOTIFY, C_QUERY_INFO, C_SET_INFO, C_OPLOCK_BREAK, C_N };

static const char *const cmd_words[C_N] = {
	"negotiate", "session-setup", "logoff", "tree-connect",
	"tree-disconnect", "create", "close", "flush", "read", "write",
	"lock", "ioctl", "cancel", "echo", "query-directory",
	"change-notify", "query-info", "set-info", "oplock-break",
};

static const struct st_valname cmd_names[] = {
	{ 0, "Negotiate Protocol" }, { 1, "Session Setup" },
	{ 2, "Session Logoff" }, { 3, "Tree Connect" },
	{ 4, "Tree Disconnect" }, { 5, "Create" }, { 6, "Close" },
	{ 7, "Flush" }, { 8, "Read" }, { 9, "Write" }, { 10, "Lock" },
	{ 11, "Ioctl" }, { 12, "Cancel" }, { 13, "KeepAlive" },
	{ 14, "Find" }, { 15, "Notify" }, { 16, "GetInfo" },
	{ 17, "SetInfo" }, { 18, "Break" }, { 0, NULL }
};

static const struct st_valname status_names[] = {
	{ 0x00000000, "STATUS_SUCCESS" }, { 0x00000103, "STATUS_PENDING" },
	{ 0x80000005, "STATUS_BUFFER_OVERFLOW" },
	{ 0x80000006, "STATUS_NO_MORE_FILES" },
	{ 0xc0000003, "STATUS_INVALID_INFO_CLASS" },
	{ 0xc000000d, "STATUS_INVALID_PARAMETER" },
	{ 0xc000000f, "STATUS_NO_SUCH_FILE" },
	{ 0xc0000016, "STATUS_MORE_PROCESSING_REQUIRED" },
	{ 0xc0000022, "STATUS_ACCESS_DENIED" },
	{ 0xc0000034, "STATUS_OBJECT_NAME_NOT_FOUND" },
	{ 0xc0000035, "STATUS_OBJECT_NAME_COLLISION" },
	{ 0xc0000043, "STATUS_SHARING_VIOLATION" },
	{ 0xc000006d, "STATUS_LOGON_FAILURE" },
	{ 0xc00000bb, "STATUS_NOT_SUPPORTED" },
	{ 0xc00000cc, "STATUS_BAD_NETWORK_NAME" },
	{ 0xc0000101, "STATUS_DIRECTORY_NOT_EMPTY" },
	{ 0xc0000120, "STATUS_CANCELLED" },
	{ 0xc0000128, "STATUS_FILE_CLOSED" }, { 0, NULL }
};

enum { F_PROTO, F_HLEN, F_CHARGE, F_STATUS, F_CHSEQ, F_CMD, F_CREQ,
	F_CGRANT, F_FLAGS, F_FRESP, F_FASYNC, F_FCHAIN, F_FSIGN, F_FPRIO,
	F_FDFS, F_FREPLAY, F_NEXT, F_MID, F_PID, F_AID, F_TID, F_SESID,
	F_SIG, F_BUFCODE, F_BUFLEN, F_BUFDYN,
	/* bodies */
	F_DCOUNT, F_SECMODE, F_CAPS, F_CGUID, F_SGUID, F_DIALECT,
	F_TCFLAGS, F_TREE, F_SHTYPE, F_SHFLAGS, F_SHCAPS, F_OPLOCK,
	F_IMPERS, F_CFLAGS, F_ACCESS, F_FATTR, F_SHACCESS, F_DISPO,
	F_COPTS, F_FILENAME, F_ACTION, F_ALLOC, F_EOF, F_FID, F_CLFLAGS,
	F_RLEN, F_WLEN, F_OFFSET, F_MINCOUNT, F_WCOUNT, F_WREMAIN,
	/* facts of earlier packets; session setup */
	F_ACCT, F_DOMAIN, F_HOST, F_AUTHFR, F_TCONFR, F_RESPTO, F_TIME,
	F_RESERVED, F_SESREQF, F_CHANNEL, F_PREVSES, F_OLBOFF, F_OLBLEN,
	F_SECBLOB, F_SESFLAGS, F_CTIME, F_ATIME, F_WTIME, F_CHTIME,
	F_PQATTR, F_CLASS, F_FILEINFO, F_FSINFO, F_SECINFO, F_MAXRESP,
	F_GIOFF, F_GISIZE, F_ADDL, F_GIFLAGS, F_SISIZE, F_SIOFF,
	F_NSMB2 };

#define X(n, l, w)	FD(NULL, "smb2." n, l, 0, w, ST_FMT_HEX)
#define D(n, l, w)	FD(NULL, "smb2." n, l, 0, w, ST_FMT_DEC)
#define B(n, l)		FD(NULL, n, l, 0, 1, ST_FMT_BOOL)

static const struct st_field_desc smb2_fields[F_NSMB2] = {
	[F_PROTO] = FD(NULL, "smb2.protocol_id", "ProtocolId", 0, 32,
	    ST_FMT_HEX),
	[F_HLEN] = FD(NULL, "smb2.header_len", "Header Length", 32, 16, ST_FMT_DEC),
	[F_CHARGE] = FD(NULL, "smb2.credit.charge", "Credit Charge", 48, 16,
	    ST_FMT_DEC),
	[F_STATUS] = FDN(NULL, "smb2.nt_status", "NT Status", 64, 32,
	    ST_FMT_HEX, status_names),
	[F_CHSEQ] = FD(NULL, "smb2.channel_sequence", "Channel Sequence",
	    64, 16, ST_FMT_DEC),
	[F_CMD] = FDN(NULL, "smb2.cmd", "Command", 96, 16, ST_FMT_DEC,
	    cmd_names),
	[F_CREQ] = FD(NULL, "smb2.credits.requested", "Credits requested",
	    112, 16, ST_FMT_DEC),
	[F_CGRANT] = FD(NULL, "smb2.credits.granted", "Credits granted",
	    112, 16, ST_FMT_DEC),
	[F_FLAGS] = FD(NULL, "smb2.flags", "Flags", 128, 32, ST_FMT_HEX),
	[F_FRESP] = B("smb2.flags.response", "Response"),
	[F_FASYNC] = B("smb2.flags.async", "Async command"),
	[F_FCHAIN] = B("smb2.flags.chained", "Chained"),
	[F_FSIGN] = B("smb2.flags.signature", "Signing"),
	[F_FPRIO] = FD(NULL, "smb2.flags.priority_mask", "Priority", 0, 3,
	    ST_FMT_DEC),
	[F_FDFS] = B("smb2.flags.dfs", "DFS operation"),
	[F_FREPLAY] = B("smb2.flags.replay", "Replay operation"),
	[F_NEXT] = FD(NULL, "smb2.chain_offset", "Chain Offset", 160, 32,
	    ST_FMT_HEX),
	[F_MID] = FD(NULL, "smb2.msg_id", "Message ID", 192, 64,
	    ST_FMT_DEC),
	[F_PID] = FD(NULL, "smb2.pid", "Process Id", 256, 32, ST_FMT_HEX),
	[F_AID] = FD(NULL, "smb2.aid", "Async Id", 256, 64, ST_FMT_HEX),
	[F_TID] = FD(NULL, "smb2.tid", "Tree Id", 288, 32, ST_FMT_HEX),
	[F_SESID] = FD(NULL, "smb2.sesid", "Session Id", 320, 64,
	    ST_FMT_HEX),
	[F_SIG] = FD(NULL, "smb2.signature", "Signature", 384, 128,
	    ST_FMT_BYTES),
	[F_BUFCODE] = X("buffer_code", "StructureSize", 16),
	[F_BUFLEN] = D("buffer_code.length", "Fixed Part Length", 15),
	[F_BUFDYN] = B("smb2.buffer_code.dynamic", "Dynamic Part"),
	[F_DCOUNT] = D("dialect_count", "Dialect count", 16),
	[F_SECMODE] = X("sec_mode", "Security mode", 8),
	[F_CAPS] = X("capabilities", "Capabilities", 32),
	[F_CGUID] = FD(NULL, "smb2.client_guid", "Client Guid", 0, 0,
	    ST_FMT_TEXT),
	[F_SGUID] = FD(NULL, "smb2.server_guid", "Server Guid", 0, 0,
	    ST_FMT_TEXT),
	[F_DIALECT] = X("dialect", "Dialect", 16),
	[F_TCFLAGS] = X("tc.flags", "Flags", 16),
	[F_TREE] = FD(NULL, "smb2.tree", "Tree", 0, 0, ST_FMT_TEXT),
	[F_SHTYPE] = X("share_type", "Share Type", 8),
	[F_SHFLAGS] = X("share_flags", "Share flags", 32),
	[F_SHCAPS] = X("share_caps", "Share Capabilities", 32),
	[F_OPLOCK] = X("create.oplock", "Oplock", 8),
	[F_IMPERS] = D("impersonation.level", "Impersonation level", 32),
	[F_CFLAGS] = X("create_flags", "Create Flags", 64),
	[F_ACCESS] = FD(NULL, "smb.access_mask", "Access Mask", 0, 32,
	    ST_FMT_HEX),
	[F_FATTR] = X("file_attribute", "File Attributes", 32),
	[F_SHACCESS] = FD(NULL, "smb.share_access", "Share Access", 0, 32,
	    ST_FMT_HEX),
	[F_DISPO] = D("create.disposition", "Disposition", 32),
	[F_COPTS] = FD(NULL, "smb.create_options", "Create Options", 0, 32,
	    ST_FMT_HEX),
	[F_FILENAME] = FD(NULL, "smb2.filename", "Filename", 0, 0,
	    ST_FMT_TEXT),
	[F_ACTION] = D("create.action", "Create Action", 32),
	[F_ALLOC] = D("allocation_size", "Allocation Size", 64),
	[F_EOF] = D("eof", "End Of File", 64),
	[F_FID] = FD(NULL, "smb2.fid", "File Id", 0, 0, ST_FMT_TEXT),
	[F_CLFLAGS] = X("close.flags", "Close Flags", 16),
	[F_RLEN] = D("read_length", "Read Length", 32),
	[F_WLEN] = D("write_length", "Write Length", 32),
	[F_OFFSET] = D("file_offset", "File Offset", 64),
	[F_MINCOUNT] = D("min_count", "Min Count", 32),
	[F_WCOUNT] = D("write.count", "Write Count", 32),
	[F_WREMAIN] = D("write.remaining", "Write Remaining", 32),
	[F_ACCT] = FDG("smb2.acct", "Account", ST_FMT_TEXT, NULL),
	[F_DOMAIN] = FDG("smb2.domain", "Domain", ST_FMT_TEXT, NULL),
	[F_HOST] = FDG("smb2.host", "Host", ST_FMT_TEXT, NULL),
	[F_AUTHFR] = FDG("smb2.auth_frame", "Authenticated in Frame",
	    ST_FMT_DEC, NULL),
	[F_TCONFR] = FDG("smb2.tcon_frame", "Connected in Frame",
	    ST_FMT_DEC, NULL),
	[F_RESPTO] = FDG("smb2.response_to", "Response to", ST_FMT_DEC,
	    NULL),
	[F_TIME] = FDG("smb2.time", "Time from request", ST_FMT_TEXT, NULL),
	[F_RESERVED] = { .name = "smb2.reserved", .label = "Reserved",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_SESREQF] = D("ses_req_flags", "Flags", 8),
	[F_CHANNEL] = X("channel", "Channel", 32),
	[F_PREVSES] = X("previous_sesid", "Previous Session Id", 64),
	[F_OLBOFF] = X("olb.offset", "Offset", 32),
	[F_OLBLEN] = D("olb.length", "Length", 32),
	[F_SECBLOB] = { .name = "smb2.security_blob",
	    .label = "Security Blob", .fmt = ST_FMT_BYTES,
	    .flags = ST_DF_COLONS },
	[F_SESFLAGS] = X("session_flags", "Session Flags", 16),
	[F_CTIME] = FD(NULL, "smb2.create.time", "Create", 0, 0, ST_FMT_TEXT),
	[F_ATIME] = FD(NULL, "smb2.last_access.time", "Last Access", 0, 0,
	    ST_FMT_TEXT),
	[F_WTIME] = FD(NULL, "smb2.last_write.time", "Last Write", 0, 0,
	    ST_FMT_TEXT),
	[F_CHTIME] = FD(NULL, "smb2.last_change.time", "Last Change", 0, 0,
	    ST_FMT_TEXT),
	[F_PQATTR] = B("smb2.close.pq_attrib", "PostQuery Attrib"),
	[F_CLASS] = X("class", "Class", 8),
	[F_FILEINFO] = X("file_info.infolevel", "InfoLevel", 8),
	[F_FSINFO] = X("fs_info.infolevel", "InfoLevel", 8),
	[F_SECINFO] = X("sec_info.infolevel", "InfoLevel", 8),
	[F_MAXRESP] = D("max_response_size", "Max Response Size", 32),
	[F_GIOFF] = X("getinfo_input_offset", "Getinfo Input Offset", 16),
	[F_GISIZE] = D("getinfo_input_size", "Getinfo Input Size", 32),
	[F_ADDL] = X("getsetinfo_additional", "Additional Info", 32),
	[F_GIFLAGS] = X("getinfo_flags", "Flags", 32),
	[F_SISIZE] = D("setinfo_size", "Setinfo Size", 32),
	[F_SIOFF] = X("setinfo_offset", "Setinfo Offset", 16),
};

/* A bit (or bits) of a little-endian flags word, as Wireshark names it. */
struct lebit {
	struct st_field_desc fd;
	uint32_t	 mask;
};

#define LB(n, m)	{ B(n, n), (m) }

static const struct lebit hdr_flags[] = {
	LB("smb2.flags.response", 0x1), LB("smb2.flags.async", 0x2),
	LB("smb2.flags.chained", 0x4), LB("smb2.flags.signature", 0x8),
	LB("smb2.flags.priority_mask", 0x70),
	LB("smb2.flags.dfs", 0x10000000), LB("smb2.flags.replay", 0x20000000),
};

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

/* The message being read: the header starts at c's position. */
struct msg {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;	/* the message's bytes present */
	int		 resp;
	uint32_t	 status;
	uint64_t	 sesid, msgid;
};

/* The n-byte little-endian value at byte off; 0 and c->err set when the
 * bytes are not there. */
static uint64_t
le_at(struct msg *m, size_t off, size_t n)
{
	struct st_cur t = *m->c;
	uint64_t v = 0;
	size_t i;

	if (off + n > m->len || !st_cur_skip(&t, off) ||
	    !st_cur_need(&t, n)) {
		m->c->err = ST_ETRUNC;
		return 0;
	}
	for (i = n; i-- > 0; )
		v = v << 8 | (uint64_t)st_peek_bits(&t, i * 8, 8);
	return v;
}

/* Adds row f over n little-endian bytes at off; its value (0 when
 * absent). */
static uint64_t
le(struct msg *m, int f, size_t off, size_t n)
{
	uint64_t v = le_at(m, off, n);
	struct st_field *fl;

	if (m->c->err != ST_OK)
		return 0;
	if ((fl = st_dbytes(m->d, m->c, &smb2_fields[f], off, n)) != NULL)
		fl->val = v;
	return v;
}

/* The bits of flags word v (n bytes at off) that table bits names. */
static void
le_bits(struct msg *m, size_t off, size_t n, uint32_t v,
    const struct lebit *bits, size_t nbits)
{
	unsigned lo;
	size_t i;

	if (m->c->err != ST_OK || m->d->pkt->lite)
		return;
	for (i = 0; i < nbits; i++) {
		lo = (unsigned)__builtin_ctz(bits[i].mask);
		if (lo / 8 >= n)
			continue;
		/* bit lo of a little-endian word is in byte lo / 8 */
		st_pkt_add_field(m->d->pkt, &bits[i].fd,
		    (uint32_t)((m->c->off + off + lo / 8) * 8 + 7 - lo % 8),
		    1, (v & bits[i].mask) != 0);
	}
}

/* A flags word with its bits. */
static uint32_t
flags(struct msg *m, int f, size_t off, size_t n, const struct lebit *bits,
    size_t nbits)
{
	uint32_t v = (uint32_t)le(m, f, off, n);

	le_bits(m, off, n, v, bits, nbits);
	return v;
}

#define FLAGS(m, f, off, n, t)	flags(m, f, off, n, t, NFIELDS(t))

/* A GUID at off as Wireshark writes one: its first three parts are
 * little-endian numbers. */
static void
guid(struct msg *m, int f, size_t off)
{
	uint64_t a = le_at(m, off, 4), b = le_at(m, off + 4, 2),
	    c = le_at(m, off + 6, 2), d8 = 0;
	char buf[40];
	size_t i;

	for (i = 0; i < 8; i++)
		d8 = d8 << 8 | le_at(m, off + 8 + i, 1);
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
static int
name16_text(struct msg *m, size_t off, size_t len, char *buf, size_t n)
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
		u = (unsigned)le_at(m, off + i, 2);
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
static void
name16(struct msg *m, int f, size_t off, size_t len)
{
	char buf[SMB2_NAMEMAX * 6 + 1];

	if (name16_text(m, off, len, buf, sizeof(buf)))
		st_dtext(m->d, m->c, &smb2_fields[f], off, len, buf);
}

/* n reserved bytes at off, as Wireshark shows them. */
static void
rsv(struct msg *m, size_t off, size_t n)
{
	if (m->c->err == ST_OK && off + n <= m->len)
		st_dbytes(m->d, m->c, &smb2_fields[F_RESERVED], off, n);
}

/*
 * A FILETIME (100 ns units since 1601) at off as Wireshark writes an
 * absolute time: "Apr 26, 2023 10:25:12.024387100 UTC".
 */
static void
filetime(struct msg *m, int f, size_t off)
{
	uint64_t v = le_at(m, off, 8), secs;
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
static void
times4(struct msg *m, size_t off)
{
	filetime(m, F_CTIME, off);
	filetime(m, F_ATIME, off + 8);
	filetime(m, F_WTIME, off + 16);
	filetime(m, F_CHTIME, off + 24);
}

static void
negotiate(struct msg *m, size_t b)
{
	unsigned n, i;

	if (!m->resp) {
		n = (unsigned)le(m, F_DCOUNT, b + 2, 2);
		FLAGS(m, F_SECMODE, b + 4, 2, secmode_bits);
		FLAGS(m, F_CAPS, b + 8, 4, caps_bits);
		guid(m, F_CGUID, b + 12);
		for (i = 0; i < n && i < SMB2_MAXDIALECTS &&
		    m->c->err == ST_OK; i++)
			le(m, F_DIALECT, b + 36 + 2 * i, 2);
		return;
	}
	FLAGS(m, F_SECMODE, b + 2, 1, secmode_bits);
	le(m, F_DIALECT, b + 4, 2);
	guid(m, F_SGUID, b + 8);
	FLAGS(m, F_CAPS, b + 24, 4, caps_bits);
}

/* The security buffer: its offset and length words at olb, the blob. */
static void
secblob(struct msg *m, size_t olb, int auth)
{
	size_t off = (size_t)le(m, F_OLBOFF, olb, 2),
	    len = (size_t)le(m, F_OLBLEN, olb + 2, 2);
	struct smb2_ses s;
	struct st_cur t;

	if (m->c->err != ST_OK || len == 0 || off < SMB2_HDR ||
	    off + len > m->len)
		return;
	st_dbytes(m->d, m->c, &smb2_fields[F_SECBLOB], off, len);
	t = *m->c;
	if (!auth || !st_cur_skip(&t, off))
		return;
	memset(&s, 0, sizeof(s));
	if (smb2_ntlm_names(&t, len, &s))
		smb2_ses_auth(m->sesid, m->d->pkt->num, &s);
}

static void
session_setup(struct msg *m, size_t b)
{
	if (!m->resp) {
		FLAGS(m, F_SESREQF, b + 2, 1, sesreq_bits);
		FLAGS(m, F_SECMODE, b + 3, 1, secmode_bits);
		FLAGS(m, F_CAPS, b + 4, 4, caps_bits);
		le(m, F_CHANNEL, b + 8, 4);
		le(m, F_PREVSES, b + 16, 8);
		secblob(m, b + 12, 1);
		return;
	}
	FLAGS(m, F_SESFLAGS, b + 2, 2, sesflags_bits);
	secblob(m, b + 4, 0);
	if (m->status == 0 && m->c->err == ST_OK)
		smb2_ses_done(m->sesid, m->d->pkt->num);
}

static void
tree_connect(struct msg *m, size_t b)
{
	char buf[SMB2_FACTLEN * 2];
	size_t off, len;
	uint8_t type;

	if (!m->resp) {
		FLAGS(m, F_TCFLAGS, b + 2, 2, tc_bits);
		off = (size_t)le_at(m, b + 4, 2);
		len = (size_t)le_at(m, b + 6, 2);
		if (m->c->err == ST_OK &&
		    name16_text(m, off, len, buf, sizeof(buf))) {
			st_dtext(m->d, m->c, &smb2_fields[F_TREE], off, len,
			    buf);
			smb2_tree_req(m->sesid, m->msgid, buf);
		}
		return;
	}
	type = (uint8_t)le(m, F_SHTYPE, b + 2, 1);
	if (m->c->err == ST_OK) {
		st_dbytes(m->d, m->c, &smb2_fields[F_RESERVED], b + 3, 1);
		if (m->status == 0)
			smb2_tree_resp(m->sesid, m->msgid,
			    (uint32_t)le_at(m, 36, 4), type, m->d->pkt->num);
	}
	le(m, F_SHFLAGS, b + 4, 4);
	le(m, F_SHCAPS, b + 8, 4);
	FLAGS(m, F_ACCESS, b + 12, 4, access_bits);
}

static void
create(struct msg *m, size_t b)
{
	size_t off, len;

	if (!m->resp) {
		le(m, F_OPLOCK, b + 3, 1);
		le(m, F_IMPERS, b + 4, 4);
		le(m, F_CFLAGS, b + 8, 8);
		rsv(m, b + 16, 8);
		FLAGS(m, F_ACCESS, b + 24, 4, access_bits);
		FLAGS(m, F_FATTR, b + 28, 4, fattr_bits);
		FLAGS(m, F_SHACCESS, b + 32, 4, share_bits);
		le(m, F_DISPO, b + 36, 4);
		FLAGS(m, F_COPTS, b + 40, 4, copts_bits);
		off = (size_t)le_at(m, b + 44, 2);
		len = (size_t)le_at(m, b + 46, 2);
		if (m->c->err == ST_OK)
			name16(m, F_FILENAME, off, len);
		return;
	}
	le(m, F_OPLOCK, b + 2, 1);
	le(m, F_ACTION, b + 4, 4);
	times4(m, b + 8);
	le(m, F_ALLOC, b + 40, 8);
	le(m, F_EOF, b + 48, 8);
	FLAGS(m, F_FATTR, b + 56, 4, fattr_bits);
	rsv(m, b + 60, 4);
	guid(m, F_FID, b + 64);
}

/*
 * A query info request: the class says which table names the level
 * (files, file systems, security); a security query's additional word
 * is a set of bits Wireshark names otherwise, not read here.
 */
static void
query_info(struct msg *m, size_t b)
{
	static const int level[4] = { 0, F_FILEINFO, F_FSINFO, F_SECINFO };
	unsigned cls = (unsigned)le(m, F_CLASS, b + 2, 1);

	if (cls >= 1 && cls <= 3)
		le(m, level[cls], b + 3, 1);
	le(m, F_MAXRESP, b + 4, 4);
	le(m, F_GIOFF, b + 8, 2);
	rsv(m, b + 10, 2);
	le(m, F_GISIZE, b + 12, 4);
	if (cls != 3)
		le(m, F_ADDL, b + 16, 4);
	le(m, F_GIFLAGS, b + 20, 4);
	guid(m, F_FID, b + 24);
}

/* A set info request: class and level as a query's, then its buffer. */
static void
set_info(struct msg *m, size_t b)
{
	static const int level[4] = { 0, F_FILEINFO, F_FSINFO, F_SECINFO };
	unsigned cls = (unsigned)le(m, F_CLASS, b + 2, 1);

	if (cls >= 1 && cls <= 3)
		le(m, level[cls], b + 3, 1);
	le(m, F_SISIZE, b + 4, 4);
	le(m, F_SIOFF, b + 8, 2);
	if (cls != 3)
		le(m, F_ADDL, b + 12, 4);
	guid(m, F_FID, b + 16);
}

static void
body(struct msg *m, unsigned cmd)
{
	size_t b = SMB2_HDR;
	uint64_t code = le(m, F_BUFCODE, b, 2);
	struct st_field *f;

	if (m->c->err != ST_OK)
		return;
	if ((f = st_dbytes(m->d, m->c, &smb2_fields[F_BUFLEN], b, 2)) !=
	    NULL)
		f->val = code >> 1;
	if ((f = st_dbytes(m->d, m->c, &smb2_fields[F_BUFDYN], b, 1)) != NULL)
		f->val = code & 1;
	/* An error response; a session setup's own body has size 9 too,
	 * with "more processing required" in its later rounds. */
	if (code == 9 && m->resp && (cmd != C_SESSION_SETUP ||
	    (m->status != 0 && m->status != 0xc0000016)))
		return;
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
		le(m, F_CLFLAGS, b + 2, 2);
		if (m->c->err == ST_OK && !m->d->pkt->lite)
			st_pkt_add_field(m->d->pkt, &smb2_fields[F_PQATTR],
			    (uint32_t)((m->c->off + b + 2) * 8 + 7), 1,
			    le_at(m, b + 2, 2) & 1);
		if (!m->resp)
			guid(m, F_FID, b + 8);
		else {
			rsv(m, b + 4, 4);
			times4(m, b + 8);
			le(m, F_ALLOC, b + 40, 8);
			le(m, F_EOF, b + 48, 8);
			FLAGS(m, F_FATTR, b + 56, 4, fattr_bits);
		}
		break;
	case C_TREE_DISCONNECT:
		rsv(m, b + 2, 2);
		break;
	case C_READ:
		if (m->resp)	/* byte 3: flags from SMB 3.1.1 on */
			break;
		le(m, F_RLEN, b + 4, 4);
		le(m, F_OFFSET, b + 8, 8);
		guid(m, F_FID, b + 16);
		le(m, F_MINCOUNT, b + 32, 4);
		break;
	case C_IOCTL:	/* a response's flags, named as the header's */
		rsv(m, b + 2, 2);
		if (m->resp) {
			le(m, F_FLAGS, b + 40, 4);
			rsv(m, b + 44, 4);
		} else {
			guid(m, F_FID, b + 8);
			rsv(m, b + 52, 4);
		}
		break;
	case C_CHANGE_NOTIFY:
		if (!m->resp) {
			guid(m, F_FID, b + 8);
			rsv(m, b + 28, 4);
		}
		break;
	case C_QUERY_INFO:
		if (!m->resp)
			query_info(m, b);
		break;
	case C_SET_INFO:
		if (!m->resp)
			set_info(m, b);
		break;
	case C_FLUSH: case C_LOCK: case C_QUERY_DIRECTORY:
		if (!m->resp)
			guid(m, F_FID, b + 8);
		break;
	case C_WRITE:
		if (m->resp) {
			rsv(m, b + 2, 2);
			le(m, F_WCOUNT, b + 4, 4);
			le(m, F_WREMAIN, b + 8, 4);
			break;
		}
		le(m, F_WLEN, b + 4, 4);
		le(m, F_OFFSET, b + 8, 8);
		guid(m, F_FID, b + 16);
		break;
	}
}

/* What earlier packets said of this message's session and tree. */
static void
facts(struct msg *m, uint32_t tid, int has_tid)
{
	struct smb2_ses s;
	struct smb2_tree t;
	struct st_field *f;
	uint64_t num = m->d->pkt->num;

	if (has_tid && tid != 0 && smb2_tree_get(m->sesid, tid, num, &t)) {
		if (t.path[0] != '\0' &&
		    (f = st_dgen(m->d, &smb2_fields[F_TREE], 0)) != NULL)
			f->meaning = st_pkt_strdup(m->d->pkt, t.path);
		st_dgen(m->d, &smb2_fields[F_SHTYPE], t.share_type);
		st_dgen(m->d, &smb2_fields[F_TCONFR], t.frame);
	}
	if (m->sesid == 0 || !smb2_ses_get(m->sesid, num, &s))
		return;
	if (s.names) {
		if ((f = st_dgen(m->d, &smb2_fields[F_ACCT], 0)) != NULL)
			f->meaning = st_pkt_strdup(m->d->pkt, s.acct);
		if ((f = st_dgen(m->d, &smb2_fields[F_DOMAIN], 0)) != NULL)
			f->meaning = st_pkt_strdup(m->d->pkt, s.domain);
		if ((f = st_dgen(m->d, &smb2_fields[F_HOST], 0)) != NULL)
			f->meaning = st_pkt_strdup(m->d->pkt, s.host);
	}
	st_dgen(m->d, &smb2_fields[F_AUTHFR], s.auth_frame);
}

/* A response names the frame of its request and the time since. */
static void
pair(struct msg *m)
{
	struct st_match r;
	struct st_field *f;
	uint8_t none = 0;
	char buf[48];

	if (!m->resp) {
		(void)st_match_note(m->d, m->msgid, &none, sizeof(none));
		return;
	}
	if (!st_match_answer(m->d, m->msgid, &r))
		return;
	st_dgen(m->d, &smb2_fields[F_RESPTO], r.frame);
	st_match_delta(m->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(m->d, &smb2_fields[F_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, buf);
}

static void
header(struct msg *m, uint32_t *fl, unsigned *cmd, uint32_t *next)
{
	uint32_t tid = 0;

	le(m, F_HLEN, 4, 2);
	le(m, F_CHARGE, 6, 2);
	*fl = (uint32_t)le_at(m, 16, 4);
	m->resp = *fl & 1;
	if (m->resp)
		m->status = (uint32_t)le(m, F_STATUS, 8, 4);
	else {
		le(m, F_CHSEQ, 8, 2);
		/* (a negotiate request's own reserved words, several with
		 * its contexts, are not read: the header's is left out
		 * there too, so that the two never differ) */
		if (m->c->err == ST_OK && le_at(m, 12, 2) != C_NEGOTIATE)
			st_dbytes(m->d, m->c, &smb2_fields[F_RESERVED], 10, 2);
	}
	*cmd = (unsigned)le(m, F_CMD, 12, 2);
	le(m, m->resp ? F_CGRANT : F_CREQ, 14, 2);
	FLAGS(m, F_FLAGS, 16, 4, hdr_flags);
	*next = (uint32_t)le(m, F_NEXT, 20, 4);
	m->msgid = le(m, F_MID, 24, 8);
	if (*fl & 2) {
		le(m, F_AID, 32, 8);
	} else {
		le(m, F_PID, 32, 4);
		tid = (uint32_t)le(m, F_TID, 36, 4);
	}
	m->sesid = le(m, F_SESID, 40, 8);
	if (m->c->err != ST_OK)
		return;
	facts(m, tid, !(*fl & 2));
	st_dbytes(m->d, m->c, &smb2_fields[F_SIG], 48, 16);
	pair(m);
}

static int
smb2_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct msg m = { d, c, left, 0, 0, 0, 0 };
	struct st_field *f;
	uint32_t fl, next;
	unsigned cmd;

	if ((f = st_dfield(d, c, &smb2_fields[F_PROTO])) == NULL)
		return ST_ETRUNC;
	if (f->val == SMB2_XFORM) {		/* encrypted: data */
		d->hdr = 4;
		d->data = 1;
		return ST_OK;
	}
	if (f->val != SMB2_MAGIC)
		return st_dmalformed(d, "protocol ID 0x%08x is not SMB2",
		    (unsigned)f->val);
	smb2_state_frame(d->pkt->num);
	header(&m, &fl, &cmd, &next);
	if (c->err != ST_OK)
		return c->err;
	if (next != 0 && (next < SMB2_HDR || next > left))
		return st_dmalformed(d, "next command at %u lies outside the "
		    "message", (unsigned)next);
	if (next != 0)
		m.len = next;
	body(&m, cmd);
	if (c->err == ST_ETRUNC && d->pkt->caplen == d->pkt->len) {
		/* Not cut by the capture: the message goes on in a later
		 * segment. */
		c->err = ST_OK;
		st_pkt_note(d->pkt, "SMB2: a message continues in a later "
		    "segment");
	}
	d->hdr = m.len;
	d->plen = left - m.len;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* the next chained command */
	return ST_OK;
}

static const struct st_bind smb2_binds[] = {
	{ ST_KEY_FRAMED, SMB2_MAGIC },
	{ ST_KEY_FRAMED, SMB2_XFORM },
};

/* "smb2 create \\srv\share\file.txt", "smb2 read 65536 at 0",
 * "smb2 create response STATUS_OBJECT_NAME_NOT_FOUND". */
static int
smb2_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NSMB2];
	const struct st_layer *end = s->pkt->layers + s->pkt->nlayers, *l;
	const struct st_valname *v;
	unsigned more = 0;

	st_ly_fields(s->pkt, ly, smb2_fields, F_NSMB2, f);
	st_out_puts(s->o, "smb2");
	if (f[F_CMD] == NULL) {
		st_out_puts(s->o, " encrypted");
		return 1;
	}
	if (f[F_CMD]->val < C_N)
		st_out_printf(s->o, " %s", cmd_words[f[F_CMD]->val]);
	else
		st_out_printf(s->o, " command %u", (unsigned)f[F_CMD]->val);
	if (f[F_STATUS] != NULL) {
		st_out_puts(s->o, " response");
		for (v = status_names; v->name != NULL &&
		    v->val != f[F_STATUS]->val; v++)
			;
		if (v->name != NULL && v->val != 0)
			st_out_printf(s->o, " %s", v->name);
		else if (v->name == NULL)
			st_out_printf(s->o, " status 0x%08x",
			    (unsigned)f[F_STATUS]->val);
	}
	/* the name the message carries: a tree named by an earlier
	 * packet (a generated field) is not what it asks for */
	if (f[F_FILENAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_FILENAME]);
	} else if (f[F_TREE] != NULL && f[F_TREE]->bits != 0) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_TREE]);
	}
	if (f[F_RLEN] != NULL || f[F_WLEN] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_RLEN] != NULL ? f[F_RLEN] : f[F_WLEN]);
		if (f[F_OFFSET] != NULL) {
			st_out_puts(s->o, " at ");
			s->value(s, f[F_OFFSET]);
		}
	}
	for (l = ly + 1; l < end; l++)
		more += l->proto == ly->proto;
	if (more > 0)
		st_out_printf(s->o, " (+%u chained)", more);
	return 1;
}

static const struct st_field_desc *const smb2_keys[] = {
	&smb2_fields[F_CMD], &smb2_fields[F_STATUS], &smb2_fields[F_MID],
	&smb2_fields[F_TID], &smb2_fields[F_SESID], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_smb2 = {
	.name = "smb2",
	.ws = "smb2",
	.title = "SMB2 (Server Message Block Protocol version 2)",
	.rfc = "[MS-SMB2]",
	.role = ST_ROLE_APP,
	.fields = smb2_fields,
	.nfields = F_NSMB2,
	.decode = smb2_decode,
	.binds = smb2_binds,
	.nbinds = NFIELDS(smb2_binds),
	/* @summary */
	.summary = smb2_summary,
	/* @views */
	.keys = smb2_keys,
	.explain_bits = SMB2_HDR * 8,
	.color = "\033[35m",
	.explain = "Windows file sharing, versions 2.0.2 to 3.1.1.  Every "
	    "message has a 64-byte little-endian header: the command, the "
	    "NT status of a response, credits (how many requests the client "
	    "may have outstanding), a message ID the response repeats, and "
	    "the session and tree IDs that name who is asking about which "
	    "share; a signature when the session signs.  The body starts "
	    "with its fixed size (its low bit: a variable part follows).  "
	    "A tree connect names \\\\server\\share, a create the file "
	    "below it.",
	/* @craft */
	/* @probes */
};
