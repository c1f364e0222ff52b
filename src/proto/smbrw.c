/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 Read AndX and Write AndX ([MS-CIFS] 2.2.4.42, 2.2.4.43): which
 * file (the FID, with what its NT Create said), where and how much, and
 * the bytes read or written, as Wireshark's smb dissector names them.
 * A response repeats its request's FID, offset and length when the FID
 * is known.  Every offset is from the SMB header's start.
 *
 *   Read AndX request (12 words): AndX block, FID, offset, max count
 *   low, min count, max count high (4), remaining, offset high (4)
 *   Read AndX response (12 words): AndX block, remaining, compaction
 *   mode, reserved, data length low, data offset, data length high (4),
 *   reserved (6); the data at its offset
 *   Write AndX request (14 words): AndX block, FID, offset, reserved (4),
 *   write mode, remaining, data length high, low, data offset, offset
 *   high (4); the data at its offset
 *   Write AndX response (6 words): AndX block, count low, remaining,
 *   count high, reserved
 */
#include "smb1.h"
#include "smbpipe.h"

static const struct lebit wmode_bits[] = {
	LB("smb.write.mode.message_start", 0x8),
	LB("smb.write.mode.raw", 0x4),
	LB("smb.write.mode.return_remaining", 0x2),
	LB("smb.write.mode.write_through", 0x1),
};

/* The offset and length a read or write covers (a response's, its
 * request's). */
static void
rw_gen(struct smb1_msg *m)
{
	if (!m->hasrw || m->d->pkt->lite || m->c->err != ST_OK)
		return;
	st_dgen(m->d, &smb_fields[F_RWOFF], m->rwoff);
	st_dgen(m->d, &smb_fields[F_RWLEN], m->rwlen);
}

/* The n data bytes at dof after the padding from the byte count: a
 * named pipe's when DCE/RPC recognises them (handed on), else the
 * file's, when the frame holds them all. */
static void
rw_data(struct smb1_msg *m, size_t dof, size_t n)
{
	size_t off = m->bytes, end = smb1_bend(m);

	if (m->c->err != ST_OK || dof < off || dof > end)
		return;
	smb1_raw(m, F_PAD, off, dof - off);
	if (n == 0 || dof + n > m->len)
		return;
	if (smb_pipe_is(m->c, dof, n)) {
		m->pipe_off = dof;
		m->pipe_len = n;
		return;
	}
	smb1_raw(m, F_FDATA, dof, n);
}

static void
read_req(struct smb1_msg *m)
{
	long long off, lo, hi, ohi = 0;

	if (m->wct != 10 && m->wct != 12)
		return;
	smb1_andx(m);
	smb1_fid(m, W(2), 0);
	off = smb1_u(m, F_OFFSET, W(3), 4);
	lo = smb1_u(m, F_MAXCNT, W(5), 2);
	smb1_u(m, F_MINCNT, W(6), 2);
	hi = smb1_u(m, F_MAXHIGH, W(7), 4);
	smb1_u(m, F_REMAIN, W(9), 2);
	if (m->wct == 12)
		ohi = smb1_u(m, F_OFFHIGH, W(10), 4);
	if (off < 0 || lo < 0 || hi < 0 || ohi < 0)
		return;
	m->hasrw = 1;
	m->rwoff = (uint64_t)ohi << 32 | (uint64_t)off;
	/* a max count high of all ones is a timeout, not a count */
	m->rwlen = (uint32_t)lo | (hi != 0xffffffffLL ?
	    ((uint32_t)hi & 0xffff) << 16 : 0);
	rw_gen(m);
	smb1_bcc(m);
}

static void
read_resp(struct smb1_msg *m)
{
	long long lo, dof, hi;

	if (m->wct != 12)
		return;
	smb1_andx(m);
	if (m->reqfid)
		smb1_pipe_fid(m);
	rw_gen(m);
	smb1_u(m, F_REMAIN, W(2), 2);
	smb1_u(m, F_DCM, W(3), 2);
	smb1_raw(m, F_RSV, W(4), 2);
	lo = smb1_u(m, F_DLEN, W(5), 2);
	dof = smb1_u(m, F_DO, W(6), 2);
	hi = smb1_u(m, F_DLENHIGH, W(7), 4);
	smb1_raw(m, F_RSV, W(9), 6);
	if (!smb1_bcc(m) || lo < 0 || dof < 0 || hi < 0)
		return;
	rw_data(m, (size_t)dof, (size_t)lo | ((size_t)hi & 0xffff) << 16);
}

static void
write_req(struct smb1_msg *m)
{
	long long off, hi, lo, dof, ohi = 0;

	if (m->wct != 12 && m->wct != 14)
		return;
	smb1_andx(m);
	smb1_fid(m, W(2), 0);
	off = smb1_u(m, F_OFFSET, W(3), 4);
	smb1_raw(m, F_RSV, W(5), 4);
	smb1_fl(m, F_WMODE, W(7), 2, wmode_bits, NFIELDS(wmode_bits));
	smb1_u(m, F_REMAIN, W(8), 2);
	hi = smb1_u(m, F_DLENHIGH, W(9), 2);
	lo = smb1_u(m, F_DLEN, W(10), 2);
	dof = smb1_u(m, F_DO, W(11), 2);
	if (m->wct == 14)
		ohi = smb1_u(m, F_OFFHIGH, W(12), 4);
	if (off < 0 || hi < 0 || lo < 0 || dof < 0 || ohi < 0)
		return;
	m->hasrw = 1;
	m->rwoff = (uint64_t)ohi << 32 | (uint64_t)off;
	m->rwlen = (uint32_t)lo | (uint32_t)hi << 16;
	rw_gen(m);
	if (smb1_bcc(m))
		rw_data(m, (size_t)dof, m->rwlen);
}

static void
write_resp(struct smb1_msg *m)
{
	if (m->wct != 6)
		return;
	smb1_andx(m);
	if (m->reqfid)
		smb1_pipe_fid(m);
	rw_gen(m);
	smb1_u(m, F_COUNT, W(2), 2);
	smb1_u(m, F_REMAIN, W(3), 2);
	smb1_u(m, F_COUNTHIGH, W(4), 2);
	smb1_raw(m, F_RSV, W(5), 2);
	smb1_bcc(m);
}

int
smb1_rw(struct smb1_msg *m)
{
	if (m->cmd == 0x2e)
		m->resp ? read_resp(m) : read_req(m);
	else if (m->cmd == 0x2f)
		m->resp ? write_resp(m) : write_req(m);
	else
		return 0;
	return 1;
}
