/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DCE/RPC's presentation contexts and verification trailer (C706 12.6.3.1,
 * [MS-RPCE] 2.2.2.13, 3.3.1.5.3): the context items a bind or alter
 * context proposes (an interface, its version, the transfer syntaxes;
 * the bind time feature negotiation syntax's bits), a negotiate_ack's
 * feature bits, and the trailer a request's stub may end with (a
 * signature, then commands: a bitmask, the presentation context, a copy
 * of the header), as Wireshark's dcerpc dissector names them.
 *
 *   context item: +--------+--------+-----+--------------------------+
 *                 | ctx id | ntrans | rsv | interface UUID, ver, min |
 *                 +--------+--------+-----+--------------------------+
 *                 | transfer syntax UUID, version ... (ntrans of them) |
 */
#include <string.h>

#include "dcerpc.h"

#define CTX_MAX		64	/* context items read */
#define TRANS_MAX	16	/* transfer syntaxes of an item read */
#define VT_SCAN		512	/* the stub's last bytes searched */
#define VT_CMDS		32	/* trailer commands read */

enum { F_CTXID, F_NTRANS, F_IFUUID, F_IFVER, F_IFMINOR, F_TRID, F_TRVER,
	F_BTFN, F_SIG, F_CMD, F_CMDLEN, F_BITMASK, F_PCUUID, F_PCVER,
	F_PTYPE, F_RSV, F_DREP, F_DORDER, F_DCHAR, F_DFP, F_CALLID, F_OPNUM,
	F_UNKNOWN, F_MISSALIGN, F_NCTX };

#define D(n, l, w)	FD(NULL, "dcerpc." n, l, 0, w, ST_FMT_DEC)
#define H(n, l, w)	FD(NULL, "dcerpc." n, l, 0, w, ST_FMT_HEX)
#define T(n, l)		FD(NULL, "dcerpc." n, l, 0, 0, ST_FMT_TEXT)
#define Y(n, l)		FD(NULL, "dcerpc." n, l, 0, 0, ST_FMT_BYTES)

/* Numbers placed and valued by the decoder (in the drep's byte order,
 * the trailer's little-endian). */
static const struct st_field_desc ctx_fields[F_NCTX] = {
	[F_CTXID] = D("cn_ctx_id", "Context ID", 16),
	[F_NTRANS] = D("cn_num_trans_items", "Num Trans Items", 8),
	[F_IFUUID] = T("cn_bind_to_uuid", "Interface UUID"),
	[F_IFVER] = D("cn_bind_if_ver", "Interface Ver", 16),
	[F_IFMINOR] = D("cn_bind_if_ver_minor", "Interface Ver Minor", 16),
	[F_TRID] = T("cn_bind_trans_id", "Transfer Syntax"),
	[F_TRVER] = D("cn_bind_trans_ver", "ver", 32),
	[F_BTFN] = H("cn_bind_trans_btfn", "Bind Time Features", 16),
	[F_SIG] = Y("rpc_sec_vt.signature", "SEC_VT_SIGNATURE"),
	[F_CMD] = H("rpc_sec_vt.command", "Command", 16),
	[F_CMDLEN] = D("rpc_sec_vt.command.length", "Length", 16),
	[F_BITMASK] = H("rpc_sec_vt.bitmask", "Bitmask", 32),
	[F_PCUUID] = T("rpc_sec_vt.pcontext.interface.uuid", "UUID"),
	[F_PCVER] = H("rpc_sec_vt.pcontext.interface.ver", "Version", 32),
	[F_PTYPE] = D("pkt_type", "Packet type", 8),
	[F_RSV] = Y("reserved", "Reserved"),
	[F_DREP] = Y("drep", "Data Representation"),
	[F_DORDER] = D("drep.byteorder", "Byte order", 8),
	[F_DCHAR] = D("drep.character", "Character", 8),
	[F_DFP] = D("drep.fp", "Floating-point", 8),
	[F_CALLID] = D("cn_call_id", "Call ID", 32),
	[F_OPNUM] = D("opnum", "Opnum", 16),
	[F_UNKNOWN] = Y("unknown", "Unknown Data"),
	[F_MISSALIGN] = Y("missalign", "missalign"),
};

/* A bit of a little-endian value, as Wireshark names it. */
struct dbit {
	struct st_field_desc fd;
	uint32_t	 mask;
};
#define DB(n, m)	{ FD(NULL, "dcerpc." n, "dcerpc." n, 0, 1, \
			    ST_FMT_BOOL), (m) }

static const struct dbit btfn_bits[] = {
	DB("cn_bind_trans_btfn.01", 0x1), DB("cn_bind_trans_btfn.02", 0x2),
};

static const struct dbit cmd_bits[] = {
	DB("rpc_sec_vt.command.cmd", 0x3fff),
	DB("rpc_sec_vt.command.end", 0x4000),
	DB("rpc_sec_vt.command.must_process", 0x8000),
};

static const struct dbit sign_bits[] = {
	DB("rpc_sec_vt.bitmask.sign", 0x1),
};

/* The bits of v, a little-endian value of n bytes at off: a one-bit
 * flag where it lies, a wider part over the value's bytes. */
static void
bits(struct pdu *p, size_t off, size_t n, uint64_t v, const struct dbit *b,
    size_t nb)
{
	unsigned lo;
	size_t i;

	for (i = 0; i < nb && !p->d->pkt->lite && p->c->err == ST_OK; i++) {
		lo = (unsigned)__builtin_ctz(b[i].mask);
		if (__builtin_popcount(b[i].mask) == 1)
			st_pkt_add_field(p->d->pkt, &b[i].fd,
			    (uint32_t)((p->c->off + off + lo / 8) * 8 + 7 -
			    lo % 8), 1, (v & b[i].mask) >> lo);
		else
			st_pkt_add_field(p->d->pkt, &b[i].fd,
			    (uint32_t)((p->c->off + off) * 8),
			    (uint32_t)(n * 8), (v & b[i].mask) >> lo);
	}
}

/* A UUID at off as row f (first fields in byte order le). */
static void
uuid(struct pdu *p, int f, size_t off, int le)
{
	struct st_cur t = *p->c;
	char buf[40];

	if (p->c->err != ST_OK)
		return;
	if (off + 16 > p->len || !st_cur_skip(&t, off) ||
	    !dce_uuid_text(&t, le, buf, sizeof(buf))) {
		p->c->err = ST_ETRUNC;
		return;
	}
	st_dtext(p->d, p->c, &ctx_fields[f], off, 16, buf);
}

static uint64_t
cnum(struct pdu *p, int f, size_t off, size_t n, int le)
{
	if (p->c->err != ST_OK)
		return 0;
	return dce_num(p, &ctx_fields[f], off, n, le);
}

void
dce_btfn(struct pdu *p, size_t off)
{
	uint64_t v = cnum(p, F_BTFN, off, 2, p->le);

	bits(p, off, 2, v, btfn_bits, NFIELDS(btfn_bits));
}

/* Whether the transfer syntax at off is the bind time feature
 * negotiation one (6cb71c2c-9812-4540-...): its next two bytes are
 * the features. */
static int
is_btfn(struct pdu *p, size_t off)
{
	struct st_cur t = *p->c;
	char buf[40];

	return st_cur_skip(&t, off) && dce_uuid_text(&t, p->le, buf,
	    sizeof(buf)) && strncmp(buf, "6cb71c2c-9812-4540-", 19) == 0;
}

void
dce_contexts(struct pdu *p, size_t off, unsigned n)
{
	unsigned i, j, ntr;

	for (i = 0; i < n && i < CTX_MAX && p->c->err == ST_OK; i++) {
		cnum(p, F_CTXID, off, 2, p->le);
		ntr = (unsigned)cnum(p, F_NTRANS, off + 2, 1, p->le);
		uuid(p, F_IFUUID, off + 4, p->le);
		cnum(p, F_IFVER, off + 20, 2, p->le);
		cnum(p, F_IFMINOR, off + 22, 2, p->le);
		off += 24;
		for (j = 0; j < ntr && j < TRANS_MAX && p->c->err == ST_OK;
		    j++) {
			uuid(p, F_TRID, off, p->le);
			if (p->c->err == ST_OK && is_btfn(p, off))
				dce_btfn(p, off + 8);
			cnum(p, F_TRVER, off + 16, 4, p->le);
			off += 20;
		}
		if (j < ntr)		/* more than read: the rest unread */
			off += 20 * (size_t)(ntr - j);
	}
}

static const uint8_t vt_sig[8] = {
	0x8a, 0xe3, 0x13, 0x71, 0x02, 0xf4, 0x36, 0x71
};

size_t
dce_trailer_at(const struct pdu *p, size_t from, size_t end)
{
	struct st_cur t = *p->c;
	const uint8_t *b;
	size_t i, n;

	if (end > p->len || from + sizeof(vt_sig) + 4 > end)
		return 0;
	if (end - from > VT_SCAN)
		from = end - VT_SCAN;
	n = end - from;
	if (!st_cur_skip(&t, from) || (b = st_get_bytes(&t, n)) == NULL)
		return 0;
	for (i = 0; i + sizeof(vt_sig) <= n; i++)
		if (memcmp(b + i, vt_sig, sizeof(vt_sig)) == 0)
			return from + i;
	return 0;
}

/* A copy of the request's header in the trailer: its type, the data
 * representation its numbers follow, the call, context and operation. */
static void
vt_header(struct pdu *p, size_t off)
{
	struct st_cur t = *p->c;
	unsigned d0, d1;
	struct st_field *f;
	int le;

	cnum(p, F_PTYPE, off, 1, 1);
	if (p->c->err != ST_OK)
		return;
	st_dbytes(p->d, p->c, &ctx_fields[F_RSV], off + 1, 1);
	st_dbytes(p->d, p->c, &ctx_fields[F_RSV], off + 2, 2);
	if (off + 8 > p->len || !st_cur_skip(&t, off + 4) ||
	    !st_cur_need(&t, 4)) {
		p->c->err = ST_ETRUNC;
		return;
	}
	d0 = (unsigned)st_peek_bits(&t, 0, 8);
	d1 = (unsigned)st_peek_bits(&t, 8, 8);
	st_dbytes(p->d, p->c, &ctx_fields[F_DREP], off + 4, 4);
	if ((f = st_dbytes(p->d, p->c, &ctx_fields[F_DORDER], off + 4, 1)))
		f->val = d0 >> 4;
	if ((f = st_dbytes(p->d, p->c, &ctx_fields[F_DCHAR], off + 4, 1)))
		f->val = d0 & 0xf;
	if ((f = st_dbytes(p->d, p->c, &ctx_fields[F_DFP], off + 5, 1)))
		f->val = d1;
	le = (d0 & 0x10) != 0;
	cnum(p, F_CALLID, off + 8, 4, le);
	cnum(p, F_CTXID, off + 12, 2, le);
	cnum(p, F_OPNUM, off + 14, 2, le);
}

/*
 * The trailer's commands, each a little-endian command word (its type,
 * an end flag, a must-process flag) and length, then its body: read up
 * to the one flagged last, while 4 bytes remain before end; a body that
 * runs past the bytes ends it, as Wireshark's reading stops there.
 */
void
dce_trailer(struct pdu *p, size_t sig, size_t end)
{
	uint64_t cmd, len;
	size_t off = sig + sizeof(vt_sig);
	unsigned i;

	st_dbytes(p->d, p->c, &ctx_fields[F_SIG], sig, sizeof(vt_sig));
	for (i = 0; i < VT_CMDS && off + 4 <= end && p->c->err == ST_OK;
	    i++) {
		cmd = cnum(p, F_CMD, off, 2, 1);
		bits(p, off, 2, cmd, cmd_bits, NFIELDS(cmd_bits));
		len = cnum(p, F_CMDLEN, off + 2, 2, 1);
		off += 4;
		if (p->c->err != ST_OK || off + len > end)
			return;
		switch (cmd & 0x3fff) {
		case 1:
			if (len < 4)
				return;
			bits(p, off, 4, cnum(p, F_BITMASK, off, 4, 1), sign_bits,
			    NFIELDS(sign_bits));
			break;
		case 2:
			if (len < 40)
				return;
			uuid(p, F_PCUUID, off, 1);
			cnum(p, F_PCVER, off + 16, 4, 1);
			uuid(p, F_PCUUID, off + 20, 1);
			cnum(p, F_PCVER, off + 36, 4, 1);
			break;
		case 3:
			if (len < 16)
				return;
			vt_header(p, off);
			break;
		default:
			if (len > 0)
				st_dbytes(p->d, p->c, &ctx_fields[F_UNKNOWN], off,
				    (size_t)len);
		}
		off += (size_t)len;
		if ((len & 1) && off + 1 <= end) {
			st_dbytes(p->d, p->c, &ctx_fields[F_MISSALIGN], off, 1);
			off++;
		}
		if (cmd & 0x4000)
			return;
	}
}
