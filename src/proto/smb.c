/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 / CIFS ([MS-CIFS] 2.2.3.1): the 32-byte little-endian header
 * (command, status, flags, the process, tree, user and multiplex IDs)
 * and the counts of the parameter words and data bytes that follow.
 * The commands' bodies are not decoded here.
 *
 *   +------+-----+------------+-------+--------+----------+-----------+
 *   | 0xff | cmd |   status   | flags | flags2 | PID high | signature |
 *   | SMB  |     | (4)        |       | (2)    |   (2)    |    (8)    |
 *   +------+-----+------------+-------+--------+----------+-----------+
 *   | reserved | TID | PID | UID | MID | word count | words | bytes ...
 *
 * A command of the AndX family carries the next command's code in its
 * first parameter word; when that chains another command, its header
 * fields repeat in Wireshark's reading, so strata leaves the command out
 * rather than give half of them.
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define SMB_MAGIC	0xff534d42u
#define SMB_HDR		32
#define ANDX_NONE	0xff

enum { F_PROTO, F_CMD, F_STATUS, F_ECLASS, F_ECODE, F_FLAGS, F_FLAGS2,
	F_PIDHI, F_SIG, F_TID, F_PID, F_UID, F_MID, F_WCT, F_ANDX, F_BCC,
	F_NSMB };

static const struct st_valname cmd_names[] = {
	{ 0x04, "Close" }, { 0x06, "Delete" }, { 0x24, "Locking AndX" },
	{ 0x25, "Trans" }, { 0x2d, "Open AndX" }, { 0x2e, "Read AndX" },
	{ 0x2f, "Write AndX" }, { 0x32, "Trans2" }, { 0x33, "Trans2 "
	"Secondary" }, { 0x34, "Find Close2" }, { 0x71, "Tree Disconnect" },
	{ 0x72, "Negotiate Protocol" }, { 0x73, "Session Setup AndX" },
	{ 0x74, "Logoff AndX" }, { 0x75, "Tree Connect AndX" },
	{ 0xa0, "NT Trans" }, { 0xa2, "NT Create AndX" },
	{ 0xa4, "NT Cancel" }, { 0xff, "No further commands" }, { 0, NULL }
};

#define X(n, l, o, w)	FD(NULL, "smb." n, l, o, w, ST_FMT_HEX)
#define D(n, l, o, w)	FD(NULL, "smb." n, l, o, w, ST_FMT_DEC)
#define B(n)		FD(NULL, n, n, 0, 1, ST_FMT_BOOL)

static const struct st_field_desc smb_fields[F_NSMB] = {
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
};

/* A bit of a little-endian flags word, as Wireshark names it. */
struct lebit {
	struct st_field_desc fd;
	uint16_t	 mask;
};

#define LB(n, m)	{ B(n), (m) }

static const struct lebit flag_bits[] = {
	LB("smb.flags.response", 0x80), LB("smb.flags.notify", 0x40),
	LB("smb.flags.oplock", 0x20), LB("smb.flags.canon", 0x10),
	LB("smb.flags.caseless", 0x08), LB("smb.flags.receive_buffer", 0x02),
	LB("smb.flags.lock", 0x01),
};

static const struct lebit flag2_bits[] = {
	LB("smb.flags2.string", 0x8000), LB("smb.flags2.nt_error", 0x4000),
	LB("smb.flags2.roe", 0x2000), LB("smb.flags2.dfs", 0x1000),
	LB("smb.flags2.esn", 0x0800), LB("smb.flags2.reparse_path", 0x0400),
	LB("smb.flags2.long_names_used", 0x0040),
	LB("smb.flags2.sec_sig_required", 0x0010),
	LB("smb.flags2.compressed", 0x0008), LB("smb.flags2.sec_sig", 0x0004),
	LB("smb.flags2.ea", 0x0002), LB("smb.flags2.long_names_allowed", 0x0001),
};

/* The n-byte little-endian value at byte off; -1 when not captured. */
static long long
le_at(struct st_cur *c, size_t off, size_t n)
{
	struct st_cur t = *c;
	long long v = 0;
	size_t i;

	if (!st_cur_skip(&t, off) || !st_cur_need(&t, n))
		return -1;
	for (i = n; i-- > 0; )
		v = v << 8 | (long long)st_peek_bits(&t, i * 8, 8);
	return v;
}

/* Row f over n little-endian bytes at off; its value or -1. */
static long long
le(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	long long v = le_at(c, off, n);
	struct st_field *fl;

	if (v < 0) {
		c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(d, c, &smb_fields[f], off, n)) != NULL)
		fl->val = (uint64_t)v;
	return v;
}

static void
bits(struct st_dctx *d, struct st_cur *c, size_t off, long long v,
    const struct lebit *b, size_t n)
{
	unsigned lo;
	size_t i;

	if (v < 0 || d->pkt->lite)
		return;
	for (i = 0; i < n; i++) {
		lo = (unsigned)__builtin_ctz(b[i].mask);
		st_pkt_add_field(d->pkt, &b[i].fd,
		    (uint32_t)((c->off + off + lo / 8) * 8 + 7 - lo % 8), 1,
		    (v & b[i].mask) != 0);
	}
}

/* Whether cmd is of the AndX family (its first word names the next). */
static int
andx(unsigned cmd)
{
	return cmd == 0x24 || cmd == 0x2d || cmd == 0x2e || cmd == 0x2f ||
	    cmd == 0x73 || cmd == 0x74 || cmd == 0x75 || cmd == 0xa2;
}

static int
smb_decode(struct st_dctx *d, struct st_cur *c)
{
	long long cmd, fl2, wct, next = ANDX_NONE, bcc;
	size_t left = st_cur_left(c);

	if (le(d, c, F_PROTO, 0, 4) < 0)	/* 0x424d53ff, as read */
		return ST_ETRUNC;
	if ((cmd = le_at(c, 4, 1)) < 0 || (fl2 = le_at(c, 10, 2)) < 0 ||
	    (wct = le_at(c, SMB_HDR, 1)) < 0) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		st_pkt_note(d->pkt, "SMB: a header continues in a later "
		    "segment");
		d->hdr = 4;
		d->data = 1;
		return ST_OK;
	}
	if (andx((unsigned)cmd) && wct > 0)
		next = le_at(c, SMB_HDR + 1, 1);
	/* A chain repeats the command's fields: give none of them. */
	if (next == ANDX_NONE)
		le(d, c, F_CMD, 4, 1);
	if (fl2 & 0x4000)
		le(d, c, F_STATUS, 5, 4);
	else {
		le(d, c, F_ECLASS, 5, 1);
		le(d, c, F_ECODE, 7, 2);
	}
	bits(d, c, 9, le(d, c, F_FLAGS, 9, 1), flag_bits,
	    NFIELDS(flag_bits));
	bits(d, c, 10, le(d, c, F_FLAGS2, 10, 2), flag2_bits,
	    NFIELDS(flag2_bits));
	le(d, c, F_PIDHI, 12, 2);
	st_dbytes(d, c, &smb_fields[F_SIG], 14, 8);
	le(d, c, F_TID, 24, 2);
	le(d, c, F_PID, 26, 2);
	le(d, c, F_UID, 28, 2);
	le(d, c, F_MID, 30, 2);
	if (next != ANDX_NONE) {
		d->hdr = SMB_HDR;
		d->data = 1;
		return c->err;
	}
	le(d, c, F_WCT, SMB_HDR, 1);
	if (andx((unsigned)cmd) && wct > 0)
		le(d, c, F_ANDX, SMB_HDR + 1, 1);
	d->hdr = SMB_HDR + 1 + 2 * (size_t)wct;
	/* Transactions and NT Create AndX: Wireshark reads their words
	 * by the command (an NT Create response may count 42 words and
	 * hold 50), so their byte count is left to it. */
	if (cmd != 0x25 && cmd != 0x32 && cmd != 0x33 && cmd != 0xa0 &&
	    cmd != 0xa2 && (bcc = le_at(c, d->hdr, 2)) >= 0) {
		le(d, c, F_BCC, d->hdr, 2);
		d->hdr += 2;
	}
	if (d->hdr > left)
		d->hdr = left;
	c->err = ST_OK;
	if (d->hdr < left)
		d->data = 1;
	return ST_OK;
}

static const struct st_bind smb_binds[] = {
	{ ST_KEY_FRAMED, SMB_MAGIC },
};

/* "smb Tree Connect AndX", "smb Negotiate Protocol response". */
static int
smb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NSMB];
	const struct st_valname *v;

	st_ly_fields(s->pkt, ly, smb_fields, F_NSMB, f);
	st_out_puts(s->o, "smb");
	if (f[F_CMD] != NULL) {
		for (v = cmd_names; v->name != NULL &&
		    v->val != f[F_CMD]->val; v++)
			;
		if (v->name != NULL)
			st_out_printf(s->o, " %s", v->name);
		else
			st_out_printf(s->o, " command 0x%02x",
			    (unsigned)f[F_CMD]->val);
	} else
		st_out_puts(s->o, " AndX chain");
	if (f[F_FLAGS] != NULL && (f[F_FLAGS]->val & 0x80))
		st_out_puts(s->o, " response");
	if (f[F_STATUS] != NULL && f[F_STATUS]->val != 0)
		st_out_printf(s->o, " status 0x%08x",
		    (unsigned)f[F_STATUS]->val);
	return 1;
}

static const struct st_field_desc *const smb_keys[] = {
	&smb_fields[F_CMD], &smb_fields[F_STATUS], &smb_fields[F_MID], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_smb = {
	.name = "smb",
	.ws = "smb",
	.title = "SMB (Server Message Block Protocol)",
	.rfc = "[MS-CIFS]",
	.role = ST_ROLE_APP,
	.fields = smb_fields,
	.nfields = F_NSMB,
	.decode = smb_decode,
	.binds = smb_binds,
	.nbinds = NFIELDS(smb_binds),
	/* @summary */
	.summary = smb_summary,
	/* @views */
	.keys = smb_keys,
	.explain_bits = SMB_HDR * 8,
	.color = "\033[35m",
	.explain = "The first version of Windows file sharing (CIFS), still "
	    "seen in negotiation, browser mailslots and old devices.  A "
	    "32-byte little-endian header: the command, an NT status (or a "
	    "DOS error class and code), flags, and the tree, process, user "
	    "and multiplex IDs that tie a response to its request; then a "
	    "count of 16-bit parameter words and a count of data bytes.",
	/* @craft */
	/* @probes */
};
