/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 file commands ([MS-CIFS] 2.2.4.64 NT_CREATE_ANDX): what a client
 * opens (name, access, sharing, disposition, options) and what the server
 * answers (the FID, times, sizes, the pipe's state), as Wireshark's smb
 * dissector names them.
 */
#include <stdio.h>
#include <string.h>

#include "smb1.h"

static const struct lebit crflag_bits[] = {
	LB("smb.nt.create.oplock", 0x2), LB("smb.nt.create.batch_oplock", 0x4),
	LB("smb.nt.create.dir", 0x8), LB("smb.nt.create.ext", 0x10),
};

const struct lebit smb1_access_bits[] = {
	LB("smb.access.read", 0x1), LB("smb.access.write", 0x2),
	LB("smb.access.append", 0x4), LB("smb.access.read_ea", 0x8),
	LB("smb.access.write_ea", 0x10), LB("smb.access.execute", 0x20),
	LB("smb.access.delete_child", 0x40),
	LB("smb.access.read_attributes", 0x80),
	LB("smb.access.write_attributes", 0x100),
	LB("smb.access.delete", 0x10000), LB("smb.access.read_control", 0x20000),
	LB("smb.access.write_dac", 0x40000),
	LB("smb.access.write_owner", 0x80000),
	LB("smb.access.synchronize", 0x100000),
	LB("smb.access.system_security", 0x1000000),
	LB("smb.access.maximum_allowed", 0x2000000),
	LB("smb.access.generic_all", 0x10000000),
	LB("smb.access.generic_execute", 0x20000000),
	LB("smb.access.generic_write", 0x40000000),
	LB("smb.access.generic_read", 0x80000000u),
};

const struct lebit smb1_fattr_bits[] = {
	LB("smb.file_attribute.read_only", 0x1),
	LB("smb.file_attribute.hidden", 0x2),
	LB("smb.file_attribute.system", 0x4),
	LB("smb.file_attribute.volume", 0x8),
	LB("smb.file_attribute.directory", 0x10),
	LB("smb.file_attribute.archive", 0x20),
	LB("smb.file_attribute.device", 0x40),
	LB("smb.file_attribute.normal", 0x80),
	LB("smb.file_attribute.temporary", 0x100),
	LB("smb.file_attribute.sparse", 0x200),
	LB("smb.file_attribute.reparse", 0x400),
	LB("smb.file_attribute.compressed", 0x800),
	LB("smb.file_attribute.offline", 0x1000),
	LB("smb.file_attribute.not_content_indexed", 0x2000),
	LB("smb.file_attribute.encrypted", 0x4000),
};

const struct lebit smb1_share_bits[] = {
	LB("smb.share.access.read", 0x1), LB("smb.share.access.write", 0x2),
	LB("smb.share.access.delete", 0x4),
};

const struct lebit smb1_copts_bits[] = {
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

const size_t smb1_naccess_bits = NFIELDS(smb1_access_bits);
const size_t smb1_nfattr_bits = NFIELDS(smb1_fattr_bits);
const size_t smb1_nshare_bits = NFIELDS(smb1_share_bits);
const size_t smb1_ncopts_bits = NFIELDS(smb1_copts_bits);

static const struct lebit secfl_bits[] = {
	LB("smb.security.flags.context_tracking", 0x1),
	LB("smb.security.flags.effective_only", 0x2),
};

static const struct lebit ipc_bits[] = {
	LB("smb.ipc_state.nonblocking", 0x8000),
	LB("smb.ipc_state.endpoint", 0x4000),
	LB("smb.ipc_state.pipe_type", 0x0c00),
	LB("smb.ipc_state.read_mode", 0x0300),
	LB("smb.ipc_state.icount", 0x00ff),
};

#define BITS(t)	(t), NFIELDS(t)

/* NT Create AndX request: 24 words, then the name. */
static void
ntc_req(struct smb1_msg *m)
{
	struct smb1_fidinfo fi;

	if (m->wct != 24)
		return;
	memset(&fi, 0, sizeof(fi));
	smb1_andx(m);
	smb1_raw(m, F_RSV, W(2), 1);
	smb1_u(m, F_FNLEN, W(2) + 1, 2);
	fi.crflags = (uint32_t)smb1_fl(m, F_CRFLAGS, W(3) + 1, 4,
	    BITS(crflag_bits));
	smb1_u(m, F_RFID, W(5) + 1, 4);
	fi.access = (uint32_t)smb1_fl(m, F_ACCESS, W(7) + 1, 4,
	    BITS(smb1_access_bits));
	smb1_u(m, F_ALLOC, W(9) + 1, 8);
	fi.fattr = (uint32_t)smb1_fl(m, F_FATTR, W(13) + 1, 4,
	    BITS(smb1_fattr_bits));
	fi.share = (uint32_t)smb1_fl(m, F_SHARE, W(15) + 1, 4,
	    BITS(smb1_share_bits));
	fi.disp = (uint32_t)smb1_u(m, F_DISP, W(17) + 1, 4);
	fi.copts = (uint32_t)smb1_fl(m, F_COPTS, W(19) + 1, 4,
	    BITS(smb1_copts_bits));
	smb1_u(m, F_IMP, W(21) + 1, 4);
	smb1_fl(m, F_SECFL, W(23) + 1, 1, BITS(secfl_bits));
	if (!smb1_bcc(m))
		return;
	smb1_str(m, F_FILE, m->bytes, smb1_bend(m), m->uni);
	if (m->c->err != ST_OK || m->d->pkt->lite)
		return;
	/* the response will show all this under its FID */
	fi.create = 1;
	memcpy(fi.file, m->last, sizeof(fi.file));
	smb1_create_note(smb1_conv(m->d), m->d->pkt->num, &fi);
}

/* The file a response opened: its request's facts, now under its FID,
 * shown as Wireshark does under the FID. */
static void
opened(struct smb1_msg *m, long long fid)
{
	struct smb1_fidinfo fi;
	uint64_t conv;

	if (fid < 0 || m->c->err != ST_OK || m->d->pkt->lite ||
	    m->reqframe == 0)
		return;
	conv = smb1_conv(m->d);
	if (!smb1_create_get(conv, m->reqframe, &fi))
		return;
	fi.opened = m->d->pkt->num;
	fi.closed = 0;
	smb1_fid_open(conv, (unsigned)fid, &fi);
	smb1_fid_show(m, &fi);
}

/* The file under the FID a message names (at off, or its request's):
 * what its NT Create said; a Close's frame closes it. */
static int
fid_facts(struct smb1_msg *m, int closing)
{
	struct smb1_fidinfo fi;

	if (!m->hasfid || m->c->err != ST_OK || m->d->pkt->lite)
		return 0;
	/* a response repeats its request's FID only when it is known */
	if (!smb1_fid_get(smb1_conv(m->d), m->fid, closing && !m->resp ?
	    m->d->pkt->num : 0, &fi))
		return 0;
	if (m->reqfid)
		st_dgen(m->d, &smb_fields[F_FID], m->fid);
	smb1_fid_show(m, &fi);
	return 1;
}

/* A FID word at off: the file it names. */
void
smb1_fid(struct smb1_msg *m, size_t off, int closing)
{
	long long v = smb1_u(m, F_FID, off, 2);

	if (v < 0)
		return;
	m->hasfid = 1;
	m->fid = (unsigned)v;
	fid_facts(m, closing);
}

/* Close: the FID and a last write time (seconds since 1970). */
static void
close_msg(struct smb1_msg *m)
{
	if (m->resp) {
		fid_facts(m, 1);
		return;
	}
	if (m->wct != 3)
		return;
	smb1_fid(m, W(0), 1);
	smb1_utime(m, F_WTIME, W(1));
}

/*
 * NT Create AndX response: 34 words, or 42 in the extended form, which
 * holds 50 ([MS-SMB] 2.2.4.9.2): the volume GUID, the file ID and the
 * maximal access rights of the user and of a guest, then the byte count
 * (Wireshark reads them so, and the byte count after all 50).
 */
static void
ntc_resp(struct smb1_msg *m)
{
	long long fid;

	if (m->wct != 34 && m->wct != 42)
		return;
	smb1_andx(m);

	smb1_u(m, F_OPLOCK, W(2), 1);
	fid = smb1_u(m, F_FID, W(2) + 1, 2);
	smb1_u(m, F_CRACTION, W(3) + 1, 4);
	smb1_filetime(m, F_CTIME, W(5) + 1);
	smb1_filetime(m, F_ATIME, W(9) + 1);
	smb1_filetime(m, F_WTIME, W(13) + 1);
	smb1_filetime(m, F_CHTIME, W(17) + 1);
	smb1_fl(m, F_FATTR, W(21) + 1, 4, BITS(smb1_fattr_bits));
	smb1_u(m, F_ALLOC, W(23) + 1, 8);
	smb1_u(m, F_EOF, W(27) + 1, 8);
	smb1_u(m, F_FTYPE, W(31) + 1, 2);
	smb1_fl(m, F_IPC, W(32) + 1, 2, BITS(ipc_bits));
	smb1_u(m, F_ISDIR, W(33) + 1, 1);
	if (m->wct == 42) {
		smb1_guid(m, F_VGUID, W(34));
		smb1_u(m, F_FILEID64, W(42), 8);
		smb1_fl(m, F_ACCESS, W(46), 4, BITS(smb1_access_bits));
		smb1_fl(m, F_ACCESS, W(48), 4, BITS(smb1_access_bits));
		m->bytes = W(50) + 2;
	}
	smb1_bcc(m);
	opened(m, fid);
}

/* A pipe transaction's answer: its request's FID (Wireshark shows it
 * here and again in the SMB Pipe layer, smbpipe.c). */
void
smb1_pipe_fid(struct smb1_msg *m)
{
	if (m->reqfid)
		(void)fid_facts(m, 0);
}

int
smb1_file(struct smb1_msg *m)
{
	if (m->cmd == 0x04) {
		close_msg(m);
		return 1;
	}
	if (smb1_rw(m))
		return 1;
	if (m->cmd != 0xa2)
		return 0;
	if (m->resp && m->wct != 34 && m->wct != 42)
		return 0;
	m->resp ? ntc_resp(m) : ntc_req(m);
	return 1;
}
