/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 transactions ([MS-CIFS] 2.2.4.33, 2.2.4.46): Trans and Trans2
 * requests and responses, their secondary requests, as Wireshark's smb
 * dissector names them.  The counts and offsets say where the parameters
 * and the data lie; both are read only within the byte count.  A Trans2's
 * parameters and data are its subcommand's (smbt2.c), a named pipe's data
 * the SMB Pipe layer's (smbpipe.c), a mailslot's the Mailslot layer's.
 */
#include <string.h>

#include "smb1.h"
#include "smbpipe.h"

static const struct lebit tflag_bits[] = {
	LB("smb.transaction.flags.dtid", 0x1),
	LB("smb.transaction.flags.owt", 0x2),
};

/*
 * The parameters and data of a transaction, where the counts and offsets
 * put them (within the byte count), with the padding before each: a
 * Trans2's read by its subcommand (smbt2.c), a named pipe's or a
 * mailslot's data handed on.
 */
static void
tparts(struct smb1_msg *m, size_t off, long long pc, long long po,
    long long dc, long long dof)
{
	size_t end = smb1_bend(m);
	int t2 = m->cmd == 0x32 && m->hast2, got = 0, gotd = 0;

	if (pc < 0 || po < 0 || dc < 0 || dof < 0 || m->c->err != ST_OK)
		return;
	if (pc > 0 && (size_t)po >= off && (size_t)(po + pc) <= end) {
		smb1_raw(m, F_PAD, off, (size_t)po - off);
		if (!t2)
			smb1_raw(m, F_TPARAMS, (size_t)po, (size_t)pc);
		off = (size_t)(po + pc);
		got = 1;
	}
	/* Wireshark pads to the data offset even with no data */
	if ((size_t)dof >= off && (size_t)(dof + dc) <= end &&
	    (dc > 0 || (size_t)dof > off)) {
		smb1_raw(m, F_PAD, off, (size_t)dof - off);
		gotd = 1;
		if (dc == 0)
			;
		else if (m->cmd == 0x25 && m->mailslot && !m->resp) {
			m->pipe_off = (size_t)dof;	/* the mailslot's */
			m->pipe_len = (size_t)dc;
		} else if (m->cmd == 0x25 && smb_pipe_is(m->c, (size_t)dof,
		    (size_t)dc)) {	/* a named pipe's: handed on */
			m->pipe_off = (size_t)dof;
			m->pipe_len = (size_t)dc;
		} else if (!t2)
			smb1_raw(m, F_TDATA, (size_t)dof, (size_t)dc);
	}
	if (!t2)
		return;
	/* what lies past the byte count is not read */
	if (!got)
		pc = 0;
	if (!gotd)
		dc = 0;
	if (m->resp)
		smb1_t2_resp(m, (size_t)po, (size_t)pc, (size_t)dof,
		    (size_t)dc);
	else
		smb1_t2_req(m, (size_t)po, (size_t)pc, (size_t)dof,
		    (size_t)dc);
}

/* Trans and Trans2 requests: counts, offsets, setup, the name (Trans). */
static void
trans_req(struct smb1_msg *m)
{
	long long pc, po, dc, dof, sc, v;
	size_t off, i;

	if (m->wct < 14)
		return;
	smb1_u(m, F_TPC, W(0), 2);
	smb1_u(m, F_TDC, W(1), 2);
	smb1_u(m, F_MPC, W(2), 2);
	smb1_u(m, F_MDC, W(3), 2);
	smb1_u(m, F_MSC, W(4), 1);
	smb1_raw(m, F_RSV, W(4) + 1, 1);
	smb1_fl(m, F_TFLAGS, W(5), 2, tflag_bits, NFIELDS(tflag_bits));
	smb1_u(m, F_TIMEOUT, W(6), 4);
	smb1_raw(m, F_RSV, W(8), 2);
	pc = smb1_u(m, F_PC, W(9), 2);
	po = smb1_u(m, F_PO, W(10), 2);
	dc = smb1_u(m, F_DC, W(11), 2);
	dof = smb1_u(m, F_DO, W(12), 2);
	sc = smb1_u(m, F_SC, W(13), 1);
	smb1_raw(m, F_RSV, W(13) + 1, 1);
	if (sc < 0)
		return;
	/* Wireshark reads the setup words the count gives, past the word
	 * count if it says fewer, and the byte count after them */
	m->bytes = W(14 + sc) + 2;
	if (m->cmd == 0x32 && sc > 0 && (v = smb1_u(m, F_T2CMD, W(14),
	    2)) >= 0) {
		m->hast2 = 1;
		m->t2 = (unsigned)v;
	}
	if (!smb1_bcc(m))
		return;
	off = m->bytes;
	if (m->cmd == 0x25)
		off = smb1_str(m, F_TNAME, off, smb1_bend(m), m->uni);
	/* a mailslot's three setup words: the Mailslot layer's
	 * (mailslot.c), the data the browser's when it is \MAILSLOT\BROWSE
	 * or \MAILSLOT\LANMAN */
	if (m->cmd == 0x25 && m->c->err == ST_OK &&
	    strncmp(m->last, "\\MAILSLOT\\", 10) == 0)
		m->mailslot = strcmp(m->last + 10, "BROWSE") == 0 ||
		    strcmp(m->last + 10, "LANMAN") == 0 ? 1 : 2;
	/* a named pipe's function and its FID (WaitNamedPipe: a
	 * priority) in the setup words: the SMB Pipe layer's (smbpipe.c),
	 * the FID kept for the response */
	if (m->cmd == 0x25 && sc == 2 &&
	    strncmp(m->last, "\\PIPE\\", 6) == 0 &&
	    smb1_le_at(m->c, W(15), 2) >= 0) {
		m->pipe = 1;
		m->pfunc = (unsigned)smb1_le_at(m->c, W(14), 2);
		if (m->pfunc != 0x53) {
			m->hasfid = 1;
			m->fid = (unsigned)smb1_le_at(m->c, W(15), 2);
		}
	} else if (m->cmd == 0x25 && !m->mailslot)
		/* setup words of no protocol Wireshark knows */
		for (i = 0; i < (size_t)sc; i++)
			smb1_u(m, F_SETUPW, W(14 + i), 2);
	tparts(m, off, pc, po, dc, dof);
}

/* Trans and Trans2 responses: counts, offsets and displacements (a
 * Trans2's first repeats what its request asked). */
static void
trans_resp(struct smb1_msg *m)
{
	long long pc, po, dc, dof, sc;

	if (m->cmd == 0x32)
		smb1_t2_head(m);
	if (m->wct < 10)
		return;
	smb1_u(m, F_TPC, W(0), 2);
	smb1_u(m, F_TDC, W(1), 2);
	smb1_raw(m, F_RSV, W(2), 2);
	pc = smb1_u(m, F_PC, W(3), 2);
	po = smb1_u(m, F_PO, W(4), 2);
	smb1_u(m, F_PD, W(5), 2);
	dc = smb1_u(m, F_DC, W(6), 2);
	dof = smb1_u(m, F_DO, W(7), 2);
	smb1_u(m, F_DD, W(8), 2);
	sc = smb1_u(m, F_SC, W(9), 1);
	smb1_raw(m, F_RSV, W(9) + 1, 1);
	if (sc < 0)
		return;
	m->bytes = W(10 + sc) + 2;
	if (!smb1_bcc(m))
		return;
	tparts(m, m->bytes, pc, po, dc, dof);
}

/*
 * Trans and Trans2 secondary requests: counts, offsets, displacements
 * (and a Trans2's FID).  Wireshark reassembles them; without it, it pads
 * to the parameters' offset and on to the data's, and shows the rest of
 * the bytes as extra parameters.
 */
static void
trans_sec(struct smb1_msg *m)
{
	long long pc, po, dc, dof;
	size_t off, end;

	if (m->wct != (m->cmd == 0x33 ? 9u : 8u))
		return;
	smb1_u(m, F_TPC, W(0), 2);
	smb1_u(m, F_TDC, W(1), 2);
	pc = smb1_u(m, F_PC, W(2), 2);
	po = smb1_u(m, F_PO, W(3), 2);
	smb1_u(m, F_PD, W(4), 2);
	dc = smb1_u(m, F_DC, W(5), 2);
	dof = smb1_u(m, F_DO, W(6), 2);
	smb1_u(m, F_DD, W(7), 2);
	if (m->cmd == 0x33)
		smb1_fid(m, W(8), 0);
	if (!smb1_bcc(m) || pc < 0 || po < 0 || dc < 0 || dof < 0)
		return;
	off = m->bytes;
	end = smb1_bend(m);
	if (pc > 0 && (size_t)po > off && (size_t)po <= end) {
		smb1_raw(m, F_PAD, off, (size_t)po - off);
		off = (size_t)po;
	}
	if (dc > 0 && (size_t)dof > off && (size_t)dof <= end) {
		smb1_raw(m, F_PAD, off, (size_t)dof - off);
		off = (size_t)dof;
	}
	if (off < end)
		smb1_raw(m, F_EXTRA, off, end - off);
}

/* A Trans or Trans2 message (commands 0x25, 0x32) or a secondary request
 * (0x26, 0x33). */
void
smb1_trans(struct smb1_msg *m)
{
	if (m->cmd == 0x26 || m->cmd == 0x33) {
		if (!m->resp)
			trans_sec(m);
		return;
	}
	m->resp ? trans_resp(m) : trans_req(m);
	if (m->resp && m->cmd == 0x25)
		smb1_pipe_fid(m);
}
