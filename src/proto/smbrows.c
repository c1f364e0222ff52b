/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1's field table ([MS-CIFS] 2.2.3.1 header, 2.2.4 commands), one row
 * per Wireshark field: the header's rows carry their bit offsets, the
 * command bodies' are placed where a decoder finds them (smbcmd.c).
 */
#include "smb1.h"

static const struct st_valname cmd_names[] = {
	{ 0x04, "Close" }, { 0x06, "Delete" }, { 0x24, "Locking AndX" },
	{ 0x25, "Trans" }, { 0x26, "Trans Secondary" }, { 0x2d, "Open AndX" },
	{ 0x2e, "Read AndX" }, { 0x2f, "Write AndX" }, { 0x32, "Trans2" },
	{ 0x33, "Trans2 Secondary" }, { 0x34, "Find Close2" },
	{ 0x71, "Tree Disconnect" }, { 0x72, "Negotiate Protocol" },
	{ 0x73, "Session Setup AndX" }, { 0x74, "Logoff AndX" },
	{ 0x75, "Tree Connect AndX" }, { 0xa0, "NT Trans" },
	{ 0xa1, "NT Trans Secondary" }, { 0xa2, "NT Create AndX" },
	{ 0xa4, "NT Cancel" }, { 0xff, "No further commands" }, { 0, NULL }
};

static const struct st_valname t2_names[] = {
	{ 0x00, "OPEN2" }, { 0x01, "FIND_FIRST2" }, { 0x02, "FIND_NEXT2" },
	{ 0x03, "QUERY_FS_INFORMATION" }, { 0x04, "SET_FS_INFORMATION" },
	{ 0x05, "QUERY_PATH_INFORMATION" }, { 0x06, "SET_PATH_INFORMATION" },
	{ 0x07, "QUERY_FILE_INFORMATION" }, { 0x08, "SET_FILE_INFORMATION" },
	{ 0x0d, "CREATE_DIRECTORY" }, { 0x10, "GET_DFS_REFERRAL" },
	{ 0, NULL }
};

#define X(n, l, o, w)	FD(NULL, "smb." n, l, o, w, ST_FMT_HEX)
#define D(n, l, o, w)	FD(NULL, "smb." n, l, o, w, ST_FMT_DEC)
#define T(n, l)		FD(NULL, "smb." n, l, 0, 0, ST_FMT_TEXT)
#define Y(n, l)		FD(NULL, "smb." n, l, 0, 0, ST_FMT_BYTES)

const struct st_field_desc smb_fields[F_NSMB] = {
	[F_PROTO] = X("server_component", "Server Component", 0, 32),
	[F_CMD] = FDN(NULL, "smb.cmd", "SMB Command", 32, 8, ST_FMT_HEX,
	    cmd_names),
	[F_STATUS] = X("nt_status", "NT Status", 40, 32),
	[F_ECLASS] = X("error_class", "Error Class", 40, 8),
	[F_ECODE] = X("error_code", "Error Code", 56, 16),
	[F_FLAGS] = X("flags", "Flags", 72, 8),
	[F_FLAGS2] = X("flags2", "Flags2", 80, 16),
	[F_PIDHI] = D("pid.high", "Process ID High", 96, 16),
	[F_SIG] = FD(NULL, "smb.signature", "Signature", 112, 64,
	    ST_FMT_BYTES),
	[F_TID] = D("tid", "Tree ID", 192, 16),
	[F_PID] = D("pid", "Process ID", 208, 16),
	[F_UID] = D("uid", "User ID", 224, 16),
	[F_MID] = D("mid", "Multiplex ID", 240, 16),
	[F_WCT] = D("wct", "Word Count", 256, 8),
	[F_ANDX] = FDN(NULL, "smb.cmd", "AndXCommand", 264, 8, ST_FMT_HEX,
	    cmd_names),
	[F_BCC] = D("bcc", "Byte Count", 0, 16),
	[F_RSV] = Y("reserved", "Reserved"),
	[F_ANDXOFF] = D("andxoffset", "AndXOffset", 0, 16),
	[F_DIALECT] = T("dialect", "Dialect"),
	[F_BUFFMT] = D("buffer_format", "Buffer Format", 0, 8),
	[F_DIALNAME] = T("dialect.name", "Name"),
	[F_DIALIDX] = D("dialect.index", "Selected Index", 0, 16),
	[F_SM] = X("sm", "Security Mode", 0, 8),
	[F_MAXMPX] = D("max_mpx_count", "Max Mpx Count", 0, 16),
	[F_MAXVCS] = D("max_vcs", "Max VCs", 0, 16),
	[F_MAXBUFSZ] = D("max_bufsize", "Max Buffer Size", 0, 32),
	[F_MAXRAW] = D("max_raw", "Max Raw Buffer", 0, 32),
	[F_SESKEY] = X("session_key", "Session Key", 0, 32),
	[F_CAPS] = X("server_cap", "Capabilities", 0, 32),
	[F_SYSTIME] = T("system.time", "System Time"),
	[F_TZ] = T("server_timezone", "Server Time Zone"),
	[F_CHLEN] = D("challenge_length", "Challenge Length", 0, 8),
	[F_CHAL] = Y("challenge", "Challenge"),
	[F_DOMAIN] = T("primary_domain", "Primary Domain"),
	[F_SERVER] = T("server", "Server"),
	[F_MAXBUF] = D("max_buf", "Max Buffer", 0, 16),
	[F_VC] = D("vc", "VC Number", 0, 16),
	[F_ANSIPWLEN] = D("ansi_pwlen", "ANSI Password Length", 0, 16),
	[F_UNIPWLEN] = D("unicode_pwlen", "Unicode Password Length", 0, 16),
	[F_ANSIPW] = Y("ansi_password", "ANSI Password"),
	[F_UNIPW] = Y("unicode_password", "Unicode Password"),
	[F_ACCOUNT] = T("account", "Account"),
	[F_NATOS] = T("native_os", "Native OS"),
	[F_NATLM] = T("native_lanman", "Native LAN Manager"),
	[F_ACTION] = X("setup.action", "Action", 0, 16),
	[F_BLOBLEN] = D("security_blob_len", "Security Blob Length", 0, 16),
	[F_BLOB] = Y("security_blob", "Security Blob"),
	[F_CFLAGS] = X("connect.flags", "Flags", 0, 16),
	[F_PWLEN] = D("pwlen", "Password Length", 0, 16),
	[F_PASSWORD] = Y("password", "Password"),
	[F_PATH] = T("path", "Path"),
	[F_SERVICE] = T("service", "Service"),
	[F_SUPPORT] = X("connect.support", "Optional Support", 0, 16),
	[F_NATFS] = T("native_fs", "Native File System"),
	[F_TPC] = D("tpc", "Total Parameter Count", 0, 16),
	[F_TDC] = D("tdc", "Total Data Count", 0, 16),
	[F_MPC] = D("mpc", "Max Parameter Count", 0, 16),
	[F_MDC] = D("mdc", "Max Data Count", 0, 16),
	[F_MSC] = D("msc", "Max Setup Count", 0, 8),
	[F_TFLAGS] = X("transaction.flags", "Flags", 0, 16),
	[F_TIMEOUT] = D("timeout", "Timeout", 0, 32),
	[F_PC] = D("pc", "Parameter Count", 0, 16),
	[F_PO] = D("po", "Parameter Offset", 0, 16),
	[F_PD] = D("pd", "Parameter Displacement", 0, 16),
	[F_DC] = D("dc", "Data Count", 0, 16),
	[F_DO] = D("data_offset", "Data Offset", 0, 16),
	[F_DD] = D("data_disp", "Data Displacement", 0, 16),
	[F_SC] = D("sc", "Setup Count", 0, 8),
	[F_TNAME] = T("trans_name", "Transaction Name"),
	[F_PAD] = Y("padding", "Padding"),
	[F_TPARAMS] = Y("trans_data.parameters", "Parameters"),
	[F_TDATA] = Y("trans_data", "Data"),
	[F_T2CMD] = FDN(NULL, "smb.trans2.cmd", "Subcommand", 0, 16,
	    ST_FMT_HEX, t2_names),
	[F_FID] = X("fid", "FID", 0, 16),
	[F_GUID] = Y("server_guid", "Server GUID"),
	[F_FNLEN] = D("file_name_len", "File Name Len", 0, 16),
	[F_CRFLAGS] = X("create_flags", "Create Flags", 0, 32),
	[F_RFID] = X("rfid", "Root FID", 0, 32),
	[F_ACCESS] = X("access_mask", "Access Mask", 0, 32),
	[F_ALLOC] = D("alloc_size64", "Allocation Size", 0, 64),
	[F_FATTR] = X("file_attribute", "File Attributes", 0, 32),
	[F_SHARE] = X("share_access", "Share Access", 0, 32),
	[F_DISP] = D("create.disposition", "Disposition", 0, 32),
	[F_COPTS] = X("create_options", "Create Options", 0, 32),
	[F_IMP] = D("impersonation.level", "Impersonation", 0, 32),
	[F_SECFL] = X("security.flags", "Security Flags", 0, 8),
	[F_FILE] = T("file", "File Name"),
	[F_OPLOCK] = D("oplock.level", "Oplock level", 0, 8),
	[F_CRACTION] = D("create.action", "Create action", 0, 32),
	[F_CTIME] = T("create.time", "Created"),
	[F_ATIME] = T("access.time", "Last Access"),
	[F_WTIME] = T("last_write.time", "Last Write"),
	[F_CHTIME] = T("change.time", "Change"),
	[F_EOF] = D("end_of_file", "End Of File", 0, 64),
	[F_FTYPE] = D("file_type", "File Type", 0, 16),
	[F_IPC] = X("ipc_state", "IPC State", 0, 16),
	[F_ISDIR] = D("is_directory", "Is Directory", 0, 8),
	[F_RESPTO] = FDG("smb.response_to", "Response to", ST_FMT_DEC, NULL),
	[F_TIME] = FDG("smb.time", "Time from request", ST_FMT_TEXT, NULL),
	[F_OPENED] = FDG("smb.fid.opened_in", "Opened in", ST_FMT_DEC, NULL),
	[F_CLOSED] = FDG("smb.fid.closed_in", "Closed in", ST_FMT_DEC, NULL),
	[F_RWOFF] = D("file.rw.offset", "Offset", 0, 32),
	[F_RWLEN] = D("file.rw.length", "Length", 0, 32),
	[F_REMAIN] = D("remaining", "Remaining", 0, 32),
	[F_MAXCNT] = D("maxcount_low", "Max Count Low", 0, 16),
	[F_MINCNT] = D("mincount", "Min Count", 0, 16),
	[F_DLEN] = D("data_len_low", "Data Length Low", 0, 16),
	[F_WMODE] = X("write.mode", "Write Mode", 0, 16),
	[F_COUNT] = D("count_low", "Count Low", 0, 16),
};

/* The command's name, for the summary; NULL when unknown. */
const char *
smb1_cmd_name(unsigned cmd)
{
	const struct st_valname *v;

	for (v = cmd_names; v->name != NULL; v++)
		if (v->val == cmd)
			return v->name;
	return NULL;
}
