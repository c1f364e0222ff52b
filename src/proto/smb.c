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
 * first parameter word and where that command starts: a chain of
 * commands in one message, each read in turn (a bounded number, each
 * past the last).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "smb1.h"
#include "smbpipe.h"

#define SMB_MAGIC	0xff534d42u
#define ANDX_NONE	0xff
#define ANDX_MAX	8	/* commands chained after the first */


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

/* The n-byte (at most 8) little-endian value at byte off into *v: 1, or
 * 0 when not captured. */
int
smb1_le_u64(struct st_cur *c, size_t off, size_t n, uint64_t *v)
{
	struct st_cur t = *c;
	size_t i;

	*v = 0;
	if (n > 8 || !st_cur_skip(&t, off) || !st_cur_need(&t, n))
		return 0;
	for (i = n; i-- > 0; )
		*v = *v << 8 | st_peek_bits(&t, i * 8, 8);
	return 1;
}

/* The n-byte little-endian value at byte off (one past LLONG_MAX as
 * LLONG_MAX); -1 when not captured. */
long long
smb1_le_at(struct st_cur *c, size_t off, size_t n)
{
	uint64_t v;

	if (!smb1_le_u64(c, off, n, &v))
		return -1;
	return v > (uint64_t)LLONG_MAX ? LLONG_MAX : (long long)v;
}

/* Row f over n little-endian bytes at off (its whole value); the value
 * as smb1_le_at gives it, or -1. */
long long
smb1_le(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	struct st_field *fl;
	uint64_t v;

	if (!smb1_le_u64(c, off, n, &v)) {
		c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(d, c, &smb_fields[f], off, n)) != NULL)
		fl->val = v;
	return v > (uint64_t)LLONG_MAX ? LLONG_MAX : (long long)v;
}

void
smb1_bits(struct st_dctx *d, struct st_cur *c, size_t off, long long v,
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
		    ((uint64_t)v & b[i].mask) >> lo);
	}
}

/* Whether cmd is of the AndX family (its first word names the next). */
static int
andx(unsigned cmd)
{
	return cmd == 0x24 || cmd == 0x2d || cmd == 0x2e || cmd == 0x2f ||
	    cmd == 0x73 || cmd == 0x74 || cmd == 0x75 || cmd == 0xa2;
}

#define le_at	smb1_le_at
#define le	smb1_le

/* The header from the status on: status or DOS error, flags, IDs. */
static void
smb_header(struct st_dctx *d, struct st_cur *c, long long fl2)
{
	if (fl2 & 0x4000)
		le(d, c, F_STATUS, 5, 4);
	else {
		le(d, c, F_ECLASS, 5, 1);
		st_dbytes(d, c, &smb_fields[F_RSV], 6, 1);
		le(d, c, F_ECODE, 7, 2);
	}
	smb1_bits(d, c, 9, le(d, c, F_FLAGS, 9, 1), flag_bits,
	    NFIELDS(flag_bits));
	smb1_bits(d, c, 10, le(d, c, F_FLAGS2, 10, 2), flag2_bits,
	    NFIELDS(flag2_bits));
	le(d, c, F_PIDHI, 12, 2);
	st_dbytes(d, c, &smb_fields[F_SIG], 14, 8);
	st_dbytes(d, c, &smb_fields[F_RSV], 22, 2);
	le(d, c, F_TID, 24, 2);
	le(d, c, F_PID, 26, 2);
	le(d, c, F_UID, 28, 2);
	le(d, c, F_MID, 30, 2);
}

/*
 * A Transaction on a named pipe: the SMB Pipe layer, last (its fields are
 * its own), over the request's setup words or, without bytes, where the
 * response's header ends.
 */
static void
pipe_layer(struct st_dctx *d, struct st_cur *c, const struct smb1_msg *m)
{
	const struct st_proto *p = st_proto_next(ST_KEY_PIPE, ST_PIPE_SMB1);

	if (p == NULL || d->pkt->lite)
		return;
	smb1_pipe_now = (struct smb1_pipe){ .on = 1, .resp = m->resp,
	    .func = m->pfunc, .fid = m->fid, .hasfid = m->hasfid };
	if (m->resp)
		st_dsublayer(d, c, p, d->hdr, 0);
	else
		st_dsublayer(d, c, p, W(14), 4);
	smb1_pipe_now.on = 0;
}

/*
 * A Transaction request to a mailslot: the Mailslot layer (mailslot.c)
 * over its three setup words, the byte count and the name that follow
 * them, as Wireshark's mailslot dissector reads them.
 */
static void
mailslot_layer(struct st_dctx *d, struct st_cur *c, const struct smb1_msg *m)
{
	const struct st_proto *p = st_proto_next(ST_KEY_PIPE,
	    ST_PIPE_MAILSLOT);
	size_t end = m->bytes, left = st_cur_left(c);
	long long ch;

	if (p == NULL || d->pkt->lite || m->resp || m->wct < 17)
		return;
	/* the name's NUL, within the byte count */
	while (end < smb1_bend(m) && (ch = smb1_le_at(c, end, 1)) > 0)
		end++;
	if (end < smb1_bend(m))
		end++;
	if (end > left)
		end = left;
	if (end > W(14))
		st_dsublayer(d, c, p, W(14), end - W(14));
}

/*
 * A security blob (Negotiate's, Session Setup's) as the layers of the
 * GSS-API token it holds, through the registry (ST_KEY_GSSAPI), as
 * SMB2's: a bare NTLMSSP message its own layer, else gss-api.
 */
static void
blob_layer(struct st_dctx *d, struct st_cur *c, const struct smb1_msg *m)
{
	const struct st_proto *p;
	long long b = le_at(c, m->blob_off, 1);

	if (b < 0)
		return;
	p = st_proto_next(ST_KEY_GSSAPI, b == 'N' ? ST_GSS_NTLMSSP :
	    ST_GSS_TOKEN);
	if (p != NULL)
		st_dsublayer(d, c, p, m->blob_off, m->blob_len);
}

/* The word count, AndX block and body of the command at m->wbase; the
 * offset past it. */
static size_t
command(struct st_dctx *d, struct st_cur *c, struct smb1_msg *m)
{
	size_t end = m->wbase + 1 + 2 * m->wct;

	le(d, c, F_WCT, m->wbase, 1);
	if (andx(m->cmd) && m->wct > 0)
		le(d, c, F_ANDX, m->wbase + 1, 1);
	if (smb1_body(m)) {
		if (m->gotbcc)
			end = m->bytes + m->bcc;
	}
	/* NT Trans and an NT Create answer of an unknown size: Wireshark
	 * reads their words by the command, so their byte count is left
	 * to it */
	else if (m->cmd != 0xa0 && m->cmd != 0xa2 &&
	    le_at(c, end, 2) >= 0) {
		le(d, c, F_BCC, end, 2);
		end += 2;
	}
	return end;
}

/*
 * The commands an AndX command chains (its first word names the next,
 * its AndX offset where it starts): each a command of its own, at an
 * offset past the last; a chain that turns back is malformed.
 */
static size_t
chain(struct st_dctx *d, struct st_cur *c, const struct smb1_msg *first,
    size_t end, size_t left)
{
	struct smb1_msg cur = *first, *m = &cur;
	long long next, off, wct;
	unsigned i;

	for (i = 0; i < ANDX_MAX && c->err == ST_OK && andx(m->cmd) &&
	    m->wct >= 2; i++) {
		next = le_at(c, m->wbase + 1, 1);
		off = le_at(c, m->wbase + 3, 2);
		if (next < 0 || off < 0 || next == ANDX_NONE)
			break;
		if ((size_t)off <= m->wbase || (size_t)off >= left) {
			st_dmalformed(d, "AndX offset %lld is not past the "
			    "command at %zu", off, m->wbase);
			break;
		}
		if ((wct = le_at(c, (size_t)off, 1)) < 0)
			break;
		*m = (struct smb1_msg){ .d = d, .c = c, .len = m->len,
		    .cmd = (unsigned)next, .resp = m->resp, .uni = m->uni,
		    .wct = (size_t)wct, .wbase = (size_t)off,
		    .bytes = (size_t)off + 3 + 2 * (size_t)wct };
		end = command(d, c, m);
	}
	return end;
}

static int
smb_decode(struct st_dctx *d, struct st_cur *c)
{
	struct smb1_msg m;
	long long cmd, fl, fl2, wct;
	size_t left = st_cur_left(c), end;

	if (le(d, c, F_PROTO, 0, 4) < 0)	/* 0x424d53ff, as read */
		return ST_ETRUNC;
	if ((cmd = le_at(c, 4, 1)) < 0 || (fl = le_at(c, 9, 1)) < 0 ||
	    (fl2 = le_at(c, 10, 2)) < 0 || (wct = le_at(c, SMB_HDR, 1)) < 0) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		st_pkt_note(d->pkt, "SMB: a header continues in a later "
		    "segment");
		d->hdr = 4;
		d->data = 1;
		return ST_OK;
	}
	le(d, c, F_CMD, 4, 1);
	smb_header(d, c, fl2);
	m = (struct smb1_msg){ .d = d, .c = c, .len = left,
	    .cmd = (unsigned)cmd, .resp = (fl & 0x80) != 0,
	    .uni = (fl2 & 0x8000) != 0, .wct = (size_t)wct,
	    .wbase = SMB_HDR, .bytes = SMB_HDR + 3 + 2 * (size_t)wct };
	smb1_state_frame(d->pkt->num);
	if (m.resp)
		smb1_pair(&m);
	end = command(d, c, &m);
	if (c->err != ST_OK && d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	if (!m.resp && c->err == ST_OK) {
		smb1_pair(&m);
		if (m.haspath)
			smb1_path_note(&m, m.path);
	}
	if (c->err == ST_OK)
		smb1_tree_show(&m);
	end = chain(d, c, &m, end, left);
	d->hdr = end < left ? end : left;
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	c->err = ST_OK;
	if (m.mailslot && m.pipe_len > 0) {
		if (smb_pipe_on(d, c, m.pipe_off, m.pipe_len) && m.mailslot == 1)
			d->next_val = ST_PIPE_BROWSE;
		else
			d->data = 1;
	} else if (!smb_pipe_on(d, c, m.pipe_off, m.pipe_len) &&	/* DCE/RPC */
	    d->hdr < left)
		d->data = 1;
	/* the first command's layers inside SMB's */
	if (m.pipe)
		pipe_layer(d, c, &m);
	else if (m.mailslot)
		mailslot_layer(d, c, &m);
	else if (m.blob_len > 0)
		blob_layer(d, c, &m);
	return ST_OK;
}

static const struct st_bind smb_binds[] = {
	{ ST_KEY_FRAMED, SMB_MAGIC },
};

/* "smb1 Tree Connect AndX request \\srv\IPC$",
 * "smb1 Negotiate Protocol response status 0xc0000022". */
static int
smb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NSMB];
	const char *name;

	st_ly_fields(s->pkt, ly, smb_fields, F_NSMB, f);
	st_out_puts(s->o, "smb1");
	if (f[F_CMD] == NULL) {
		st_out_puts(s->o, " AndX chain");
		return 1;
	}
	if ((name = smb1_cmd_name((unsigned)f[F_CMD]->val)) != NULL)
		st_out_printf(s->o, " %s", name);
	else
		st_out_printf(s->o, " command 0x%02x",
		    (unsigned)f[F_CMD]->val);
	if (f[F_FLAGS] != NULL)
		st_out_puts(s->o, f[F_FLAGS]->val & 0x80 ? " response" :
		    " request");
	if (f[F_STATUS] != NULL && f[F_STATUS]->val != 0)
		st_out_printf(s->o, " status 0x%08x",
		    (unsigned)f[F_STATUS]->val);
	else if (f[F_ECLASS] != NULL && f[F_ECLASS]->val != 0)
		st_out_printf(s->o, " error %u/%u",
		    (unsigned)f[F_ECLASS]->val, f[F_ECODE] != NULL ?
		    (unsigned)f[F_ECODE]->val : 0);
	if (f[F_PATH] != NULL || f[F_TNAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PATH] != NULL ? f[F_PATH] : f[F_TNAME]);
	}
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
	.forget = smb1_state_forget,
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
