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
#include "smb2.h"
#include "smbpipe.h"
#include "smb2ses.h"

#define SMB2_MAGIC	0xfe534d42u
#define SMB2_XFORM	0xfd534d42u

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

#define X(n, l, w)	FD(NULL, "smb2." n, l, 0, w, ST_FMT_HEX)
#define D(n, l, w)	FD(NULL, "smb2." n, l, 0, w, ST_FMT_DEC)

const struct st_field_desc smb2_fields[F_NSMB2] = {
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
	[F_UNKNOWN] = { .name = "smb2.unknown", .label = "Unknown",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_NLINKS] = D("nlinks", "Number of Links", 32),
	[F_DELPEND] = D("delete_pending", "Delete Pending", 8),
	[F_ISDIR] = D("is_directory", "Is Directory", 8),
	[F_FILEID] = X("file_id", "File Id", 64),
	[F_EASIZE] = D("ea_size", "EA Size", 32),
	[F_POSINFO] = D("position_info", "Position Information", 64),
	[F_MODEINFO] = X("mode_info", "Mode Information", 32),
	[F_ALIGN] = X("alignment_info", "Alignment Information", 32),
	[F_FNLEN] = D("filename.len", "Filename Length", 32),
	[F_FINDLEVEL] = D("find.infolevel", "Info Level", 8),
	[F_FINDFLAGS] = X("find.flags", "Find Flags", 8),
	[F_PATTERN] = FD(NULL, "smb2.find.pattern", "Search Pattern", 0, 0,
	    ST_FMT_TEXT),
	[F_OUTLEN] = D("output_buffer_len", "Output Buffer Length", 32),
	[F_FINDBLOB] = { .name = "smb2.find.info_blob", .label = "Info",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_NEXTOFF] = D("next_offset", "Next Offset", 32),
	[F_FINDEX] = X("file_index", "File Index", 32),
	[F_SNLEN] = D("short_name_len", "Short Name Length", 8),
	[F_SHORTNAME] = FD(NULL, "smb2.shortname", "Short Name", 0, 0,
	    ST_FMT_TEXT),
	[F_REPFLAGS] = X("create.rep_flags", "Response Flags", 8),
	[F_CCHAIN] = X("create.chain_offset", "Chain Offset", 32),
	[F_TAG] = FD(NULL, "smb2.tag", "Tag", 0, 0, ST_FMT_TEXT),
	[F_CDATA] = FD(NULL, "smb2.create.chain_data", "Data", 0, 0,
	    ST_FMT_TEXT),
	[F_QFID] = { .name = "smb2.qfid_fid", .label = "Opaque File ID",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_ERRCC] = D("error.context_count", "Error Context Count", 8),
	[F_ERRRSV] = X("error.reserved", "Reserved", 8),
	[F_ERRBC] = D("error.byte_count", "Byte Count", 32),
	[F_ERRDATA] = { .name = "smb2.error.data", .label = "Error Data",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_L_KEY] = FD(NULL, "smb2.lease.lease_key", "Lease Key", 0, 0,
	    ST_FMT_TEXT),
	[F_L_STATE] = X("lease.lease_state", "Lease State", 32),
	[F_L_FLAGS] = X("lease.lease_flags", "Lease Flags", 32),
	[F_L_DUR] = X("lease.lease_duration", "Lease Duration", 64),
	[F_L_PKEY] = FD(NULL, "smb2.lease.parent_lease_key", "Parent Lease Key",
	    0, 0, ST_FMT_TEXT),
	[F_L_EPOCH] = X("lease.lease_oplock", "Lease Epoch", 16),
	[F_L_RSV] = X("lease.lease_reserved", "Lease Reserved", 16),
	[F_M_STATUS] = X("mxac_status", "Query Status", 32),
	[F_DHNQ_RSV] = X("dhnq_buffer_reserved", "Reserved", 64),
	[F_DH_TIMEOUT] = D("dh2x.timeout", "Timeout", 32),
	[F_DH_FLAGS] = X("dh2x.flags", "Flags", 32),
	[F_DH_RSV] = X("dh2x.reserved", "Reserved", 64),
	[F_DH_GUID] = FD(NULL, "smb2.dh2x.create_guid", "Create Guid", 0, 0,
	    ST_FMT_TEXT),
	[F_IOFUNC] = X("ioctl.function", "Function", 32),
	[F_IODEV] = X("ioctl.function.device", "Device", 32),
	[F_IOACC] = X("ioctl.function.access", "Access", 32),
	[F_IOFN] = X("ioctl.function.function", "Function", 32),
	[F_IOMETH] = X("ioctl.function.method", "Method", 32),
	[F_IOFSCTL] = FDG("smb2.ioctl.is_fsctl", "Is FSCTL", ST_FMT_DEC,
	    NULL),
	[F_IOIN] = FD(NULL, "smb2.ioctl.in", "In Data", 0, 0, ST_FMT_TEXT),
	[F_IOOUT] = FD(NULL, "smb2.ioctl.out", "Out Data", 0, 0,
	    ST_FMT_TEXT),
	[F_IOMAXIN] = D("max_ioctl_in_size", "Max Ioctl In Size", 32),
	[F_IOMAXOUT] = D("max_ioctl_out_size", "Max Ioctl Out Size", 32),
	[F_IOFLAGS] = X("ioctl.flags", "Flags", 32),
	[F_RPAD] = X("read_padding", "Padding", 8),
	[F_RFLAGS] = X("read_flags", "Flags", 8),
	[F_RBYTES] = D("remaining_bytes", "Remaining Bytes", 32),
	[F_CHBLOB] = FD(NULL, "smb2.channel_info_blob", "Channel Info Blob",
	    0, 0, ST_FMT_TEXT),
	[F_RREMAIN] = D("read_remaining", "Read Remaining", 32),
	[F_DATAOFF] = X("data_offset", "Data Offset", 16),
	[F_WFLAGS] = X("write.flags", "Write Flags", 32),
	[F_CHIOFF] = D("channel_info_offset", "Channel Info Offset", 16),
	[F_CHILEN] = D("channel_info_length", "Channel Info Length", 16),
	[F_X_SIG] = { .name = "smb2.header.transform.signature",
	    .label = "Signature", .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_X_NONCE] = { .name = "smb2.header.transform.nonce",
	    .label = "Nonce", .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_X_SIZE] = D("header.transform.msg_size", "Message size", 32),
	[F_X_RSV] = { .name = "smb2.header.transform.reserved",
	    .label = "Reserved", .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_X_FLAGS] = X("header.transform.flags", "Flags", 16),
	[F_X_ENCR] = B("smb2.header.transform.flags.encrypted", "Encrypted"),
	[F_TCRSV] = X("tc.reserved", "Reserved", 16),
	[F_CACHING] = X("share.caching", "Caching policy", 32),
	[F_ADDLS] = X("getsetinfo_additionals", "Additional Info", 32),
	[F_SIRSV] = D("setinfo_reserved", "Reserved", 16),
	[F_MAXTRANS] = D("max_trans_size", "Max Transaction Size", 32),
	[F_MAXREAD] = D("max_read_size", "Max Read Size", 32),
	[F_MAXWRITE] = D("max_write_size", "Max Write Size", 32),
	[F_CURTIME] = FD(NULL, "smb2.current_time", "Current Time", 0, 0,
	    ST_FMT_TEXT),
	[F_BOOTTIME] = FD(NULL, "smb2.boot_time", "Boot Time", 0, 0,
	    ST_FMT_TEXT),
	[F_NCOFF] = X("negotiate_context.offset", "NegotiateContextOffset", 32),
	[F_NCCOUNT] = D("negotiate_context.count", "NegotiateContextCount", 16),
	[F_NCTYPE] = X("negotiate_context.type", "Type", 16),
	[F_NCLEN] = D("negotiate_context.data_length", "DataLength", 16),
	[F_NCHASHN] = D("negotiate_context.hash_alg_count",
	    "HashAlgorithmCount", 16),
	[F_NCSALTLEN] = D("negotiate_context.salt_length", "SaltLength", 16),
	[F_NCHASH] = X("negotiate_context.hash_algorithm", "HashAlgorithm", 16),
	[F_NCSALT] = { .name = "smb2.negotiate_context.salt", .label = "Salt",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_NCCIPHN] = D("negotiate_context.cipher_count", "CipherCount", 16),
	[F_NCCIPH] = X("negotiate_context.cipher_id", "CipherId", 16),
	[F_NCCOMPN] = D("negotiate_context.comp_alg_count",
	    "CompressionAlgorithmCount", 16),
	[F_NCCOMPF] = X("negotiate_context.comp_alg_flags", "Flags", 32),
	[F_NCCOMPCH] = B("smb2.negotiate_context.comp_alg_flags.chained",
	    "Chained"),
	[F_NCCOMPRSV] = X("negotiate_context.comp_alg_flags.reserved",
	    "Reserved", 32),
	[F_NCCOMP] = X("negotiate_context.comp_alg_id",
	    "CompressionAlgorithmId", 16),
	[F_NCNETNAME] = FD(NULL, "smb2.negotiate_context.netname", "Netname",
	    0, 0, ST_FMT_TEXT),
	[F_NCTRANSP] = X("negotiate_context.transport_flags", "Flags", 32),
	[F_NCSIGNN] = D("negotiate_context.signing_alg_count",
	    "SigningAlgorithmCount", 16),
	[F_NCSIGN] = X("negotiate_context.signing_id", "SigningAlgorithmId",
	    16),
	[F_NCPOSIX] = { .name = "smb2.negotiate_context.posix_reserved",
	    .label = "POSIX Reserved", .fmt = ST_FMT_BYTES,
	    .flags = ST_DF_COLONS },
	[F_PREAUTH] = FDG("smb2.preauth_hash", "Preauth Hash", ST_FMT_TEXT,
	    NULL),
	[F_RBLOB] = { .name = "smb2.read.blob", .label = "Info",
	    .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
	[F_X_DATA] = { .name = "smb2.header.transform.enc_data",
	    .label = "Data", .fmt = ST_FMT_BYTES, .flags = ST_DF_COLONS },
};

static const struct lebit hdr_flags[] = {
	LB("smb2.flags.response", 0x1), LB("smb2.flags.async", 0x2),
	LB("smb2.flags.chained", 0x4), LB("smb2.flags.signature", 0x8),
	LB("smb2.flags.priority_mask", 0x70),
	LB("smb2.flags.dfs", 0x10000000), LB("smb2.flags.replay", 0x20000000),
};

/* The n-byte little-endian value at byte off; 0 and c->err set when the
 * bytes are not there. */
uint64_t
smb2_le_at(struct smb2_msg *m, size_t off, size_t n)
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
uint64_t
smb2_le(struct smb2_msg *m, int f, size_t off, size_t n)
{
	uint64_t v = smb2_le_at(m, off, n);
	struct st_field *fl;

	if (m->c->err != ST_OK)
		return 0;
	if ((fl = st_dbytes(m->d, m->c, &smb2_fields[f], off, n)) != NULL)
		fl->val = v;
	return v;
}

/* The bits of flags word v (n bytes at off) that table bits names. */
static void
le_bits(struct smb2_msg *m, size_t off, size_t n, uint32_t v,
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
uint32_t
smb2_flags(struct smb2_msg *m, int f, size_t off, size_t n,
    const struct lebit *bits, size_t nbits)
{
	uint32_t v = (uint32_t)smb2_le(m, f, off, n);

	le_bits(m, off, n, v, bits, nbits);
	return v;
}


/* A GUID at off as Wireshark writes one: its first three parts are
 * little-endian numbers. */
/* What earlier packets said of this message's session and tree. */
void
smb2_facts(struct smb2_msg *m, uint32_t tid, int has_tid)
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
		m->share_type = t.share_type;
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
pair(struct smb2_msg *m)
{
	struct st_match r;
	struct st_field *f;
	char buf[48];

	if (!m->resp || !st_match_answer(m->d, m->msgid, &r))
		return;
	m->has_req = 1;
	memcpy(m->req, r.data, sizeof(m->req));
	st_dgen(m->d, &smb2_fields[F_RESPTO], r.frame);
	st_match_delta(m->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(m->d, &smb2_fields[F_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, buf);
}

static void
header(struct smb2_msg *m, uint32_t *fl, unsigned *cmd, uint32_t *next)
{
	uint32_t tid = 0;

	smb2_le(m, F_HLEN, 4, 2);
	smb2_le(m, F_CHARGE, 6, 2);
	*fl = (uint32_t)smb2_le_at(m, 16, 4);
	m->flags = *fl;
	m->resp = *fl & 1;
	if (m->resp)
		m->status = (uint32_t)smb2_le(m, F_STATUS, 8, 4);
	else {
		smb2_le(m, F_CHSEQ, 8, 2);
		if (m->c->err == ST_OK)
			st_dbytes(m->d, m->c, &smb2_fields[F_RESERVED], 10, 2);
	}
	*cmd = (unsigned)smb2_le(m, F_CMD, 12, 2);
	smb2_le(m, m->resp ? F_CGRANT : F_CREQ, 14, 2);
	FLAGS(m, F_FLAGS, 16, 4, hdr_flags);
	*next = (uint32_t)smb2_le(m, F_NEXT, 20, 4);
	m->msgid = smb2_le(m, F_MID, 24, 8);
	if (*fl & 2) {
		smb2_le(m, F_AID, 32, 8);
	} else {
		smb2_le(m, F_PID, 32, 4);
		tid = (uint32_t)smb2_le(m, F_TID, 36, 4);
	}
	m->sesid = smb2_le(m, F_SESID, 40, 8);
	if (m->c->err != ST_OK)
		return;
	smb2_facts(m, tid, !(*fl & 2));
	st_dbytes(m->d, m->c, &smb2_fields[F_SIG], 48, 16);
	pair(m);
}

/*
 * A named pipe's bytes the last message of the frame carries go on, through
 * the registry, to what the pipe holds (DCE/RPC); its bytes after them are
 * its own.  A message chained to others keeps them (Wireshark's order of
 * layers could not be kept).
 */
static int
pipe_on(struct st_dctx *d, const struct smb2_msg *m, size_t left)
{
	if (m->pipe_len == 0 || m->len != left || m->c->err != ST_OK)
		return 0;
	return smb_pipe_on(d, m->c, m->pipe_off, m->pipe_len);
}

static int
smb2_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct smb2_msg m = { .d = d, .c = c, .len = left };
	struct st_field *f;
	uint32_t fl, next;
	unsigned cmd;

	if ((f = st_dfield(d, c, &smb2_fields[F_PROTO])) == NULL)
		return ST_ETRUNC;
	if (f->val == SMB2_XFORM) {		/* encrypted */
		smb2_state_frame(d->pkt->num);
		d->hdr = smb2_transform(&m);
		if (c->err != ST_OK)
			return c->err;
		d->plen = left - d->hdr;
		d->data = d->plen > 0;
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
	m.note[N_CMD] = (uint8_t)cmd;
	if (cmd == C_NEGOTIATE || cmd == C_SESSION_SETUP)
		smb2_preauth(&m, cmd, next);
	smb2_body(&m, cmd);
	/* a request is noted with what its body said its response needs */
	if (!m.resp && (c->err == ST_OK || c->err == ST_ETRUNC))
		(void)st_match_note(d, m.msgid, m.note, sizeof(m.note));
	if (c->err == ST_ETRUNC && d->pkt->caplen == d->pkt->len) {
		/* Not cut by the capture: the message goes on in a later
		 * segment. */
		c->err = ST_OK;
		st_pkt_note(d->pkt, "SMB2: a message continues in a later "
		    "segment");
	}
	if (pipe_on(d, &m, left))
		return ST_OK;
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
/* A new capture: no session, tree or preauthentication hash carries over. */
static void
smb2_forget(void)
{
	smb2_state_forget();
	smb2_neg_forget();
}

const struct st_proto st_proto_smb2 = {
	.forget = smb2_forget,
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