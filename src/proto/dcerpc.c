/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DCE/RPC connection-oriented PDUs (C706 chapter 12, [MS-RPCE] 2.2.2) on
 * TCP: the endpoint mapper's port 135, and by content on the ports it
 * hands out.  The 16-byte common header, then per type: a request's
 * context and operation number, a response's, a bind's and bind-ack's
 * fragment sizes and association group; and the authentication trailer
 * (type, level, context) at the fragment's end.  The data representation
 * (drep) says the byte order of every number after it.
 *
 *   +------+-------+-------+-------+---------------------------+
 *   | ver  | minor | ptype | flags |  drep (4): byte order ... |
 *   +------+-------+-------+-------+---------------------------+
 *   |  frag_length  |  auth_length  |         call_id          |
 *   +---------------+---------------+---------------------------+
 *
 * Not here: DCE/RPC inside SMB named pipes, and the stub data of the
 * interfaces (shown as bytes).
 */
#include <stdio.h>
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "dcerpc.h"

#define EPM_PORT	135
#define CO_HDR		16
#define CO_MAXTYPE	19
#define AUTH_TRAILER	8
#define BIND_KEY	(1ull << 32)	/* past any call ID */
#define SALT_SHIFT	33		/* a bind's pipe, past its context */

enum { P_REQUEST = 0, P_RESPONSE = 2, P_FAULT = 3, P_BIND = 11,
	P_BIND_ACK = 12, P_BIND_NAK = 13, P_ALTER = 14, P_ALTER_RESP = 15,
	P_AUTH3 = 16 };

static const struct st_valname ptype_names[] = {
	{ 0, "Request" }, { 1, "Ping" }, { 2, "Response" }, { 3, "Fault" },
	{ 4, "Working" }, { 5, "Nocall" }, { 6, "Reject" }, { 7, "Ack" },
	{ 8, "Cl_cancel" }, { 9, "Fack" }, { 10, "Cancel_ack" },
	{ 11, "Bind" }, { 12, "Bind_ack" }, { 13, "Bind_nak" },
	{ 14, "Alter_context" }, { 15, "Alter_context_resp" },
	{ 16, "AUTH3" }, { 17, "Shutdown" }, { 18, "Co_cancel" },
	{ 19, "Orphaned" }, { 0, NULL }
};

static const struct st_valname auth_names[] = {
	{ 0, "None" }, { 9, "SPNEGO" }, { 10, "NTLMSSP" },
	{ 16, "Kerberos" }, { 68, "Netlogon" }, { 0, NULL }
};

enum { F_VER, F_MINOR, F_PTYPE, F_FLAGS, F_FFIRST, F_FLAST, F_FCANCEL,
	F_FRES, F_FMPX, F_FDNE, F_FMAYBE, F_FOBJECT, F_DREP, F_DORDER,
	F_DCHAR, F_DFP, F_FRAGLEN, F_AUTHLEN, F_CALLID,
	F_ALLOC, F_CTX, F_OPNUM, F_CANCEL, F_XMIT, F_RECV, F_GROUP,
	F_NCTX, F_SECLEN, F_SECADDR, F_NRESULTS, F_STATUS, F_ATYPE,
	F_ALEVEL, F_APAD, F_ARSV, F_ACTX, F_AINFO, F_STUB, F_PAYLOAD,
	F_PADDING, F_REQIN, F_TIME, F_ENCSTUB, F_UNKNOWNIF,
	F_ACKRES, F_ACKREASON, F_ACKTID, F_ACKTVER, F_NDCERPC };

#define H(n, l, o, w)	FD(NULL, "dcerpc." n, l, o, w, ST_FMT_HEX)
#define N(n, l, o, w)	FD(NULL, "dcerpc." n, l, o, w, ST_FMT_DEC)
#define FL(n, l, o)	FDD(NULL, "dcerpc." n, l, o, 1, ST_FMT_BOOL)

static const struct st_field_desc dcerpc_fields[F_NDCERPC] = {
	[F_VER] = N("ver", "Version", 0, 8),
	[F_MINOR] = N("ver_minor", "Version (minor)", 8, 8),
	[F_PTYPE] = FDN("type", "dcerpc.pkt_type", "Packet type", 16, 8,
	    ST_FMT_DEC, ptype_names),
	[F_FLAGS] = H("cn_flags", "Packet Flags", 24, 8),
	[F_FOBJECT] = FL("cn_flags.object", "Object", 24),
	[F_FMAYBE] = FL("cn_flags.maybe", "Maybe", 25),
	[F_FDNE] = FL("cn_flags.dne", "Did Not Execute", 26),
	[F_FMPX] = FL("cn_flags.mpx", "Multiplex", 27),
	[F_FRES] = FL("cn_flags.reserved", "Reserved", 28),
	[F_FCANCEL] = FL("cn_flags.cancel_pending", "Cancel Pending", 29),
	[F_FLAST] = FL("cn_flags.last_frag", "Last Frag", 30),
	[F_FFIRST] = FL("cn_flags.first_frag", "First Frag", 31),
	[F_DREP] = FD(NULL, "dcerpc.drep", "Data Representation", 32, 32,
	    ST_FMT_BYTES),
	[F_DORDER] = FDD(NULL, "dcerpc.drep.byteorder", "Byte order", 32, 4,
	    ST_FMT_DEC),
	[F_DCHAR] = FDD(NULL, "dcerpc.drep.character", "Character", 36, 4,
	    ST_FMT_DEC),
	[F_DFP] = FDD(NULL, "dcerpc.drep.fp", "Floating-point", 40, 8,
	    ST_FMT_DEC),
	/* Numbers in the drep's byte order: values set by the decoder. */
	[F_FRAGLEN] = N("cn_frag_len", "Frag Length", 64, 16),
	[F_AUTHLEN] = N("cn_auth_len", "Auth Length", 80, 16),
	[F_CALLID] = N("cn_call_id", "Call ID", 96, 32),
	[F_ALLOC] = N("cn_alloc_hint", "Alloc hint", 0, 32),
	[F_CTX] = N("cn_ctx_id", "Context ID", 0, 16),
	[F_OPNUM] = N("opnum", "Opnum", 0, 16),
	[F_CANCEL] = N("cn_cancel_count", "Cancel count", 0, 8),
	[F_XMIT] = N("cn_max_xmit", "Max Xmit Frag", 0, 16),
	[F_RECV] = N("cn_max_recv", "Max Recv Frag", 0, 16),
	[F_GROUP] = H("cn_assoc_group", "Assoc Group", 0, 32),
	[F_NCTX] = N("cn_num_ctx_items", "Num Ctx Items", 0, 8),
	[F_SECLEN] = N("cn_sec_addr_len", "Scndry Addr len", 0, 16),
	[F_SECADDR] = FD(NULL, "dcerpc.cn_sec_addr", "Scndry Addr", 0, 0,
	    ST_FMT_TEXT),
	[F_NRESULTS] = N("cn_num_results", "Num results", 0, 8),
	[F_STATUS] = H("cn_status", "Status", 0, 32),
	[F_ATYPE] = FDN(NULL, "dcerpc.auth_type", "Auth type", 0, 8,
	    ST_FMT_DEC, auth_names),
	[F_ALEVEL] = N("auth_level", "Auth level", 0, 8),
	[F_APAD] = N("auth_pad_len", "Auth pad len", 0, 8),
	[F_ARSV] = N("auth_rsrvd", "Auth Rsrvd", 0, 8),
	[F_ACTX] = N("auth_ctx_id", "Auth Context ID", 0, 32),
	/* the trailer and credentials as one item, as Wireshark groups them */
	[F_AINFO] = FD(NULL, "dcerpc.auth_info", "Auth Info", 0, 0,
	    ST_FMT_TEXT),
	[F_STUB] = FD(NULL, "dcerpc.stub_data", "Stub data", 0, 0,
	    ST_FMT_BYTES),
	/* the stub an interface's dissector reads, as one item */
	[F_PAYLOAD] = FD(NULL, "dcerpc.payload_stub_data",
	    "Payload stub data", 0, 0, ST_FMT_TEXT),
	[F_PADDING] = FD(NULL, "dcerpc.auth_padding", "Auth Padding", 0, 0,
	    ST_FMT_BYTES),
	[F_ENCSTUB] = FD(NULL, "dcerpc.encrypted_stub_data",
	    "Encrypted stub data", 0, 0, ST_FMT_BYTES),
	[F_UNKNOWNIF] = FDG("dcerpc.unknown_if_id",
	    "Unknown DCERPC interface id", ST_FMT_BOOL, NULL),
	/* a bind ack's results, one per context */
	[F_ACKRES] = N("cn_ack_result", "Ack result", 0, 16),
	[F_ACKREASON] = N("cn_ack_reason", "Ack reason", 0, 16),
	[F_ACKTID] = FD(NULL, "dcerpc.cn_ack_trans_id", "Transfer Syntax", 0,
	    0, ST_FMT_TEXT),
	[F_ACKTVER] = N("cn_ack_trans_ver", "Syntax ver", 0, 32),
	[F_REQIN] = FDG("dcerpc.request_in", "Request in frame", ST_FMT_DEC,
	    NULL),
	[F_TIME] = FDG("dcerpc.time", "Time from request", ST_FMT_TEXT,
	    NULL),
};

/* Row fd over n bytes at off, in byte order le; its value. */
uint64_t
dce_num(struct pdu *p, const struct st_field_desc *fd, size_t off, size_t n,
    int le)
{
	struct st_cur t = *p->c;
	struct st_field *fl;
	uint64_t v = 0;
	size_t i;

	if (off + n > p->len || !st_cur_skip(&t, off) ||
	    !st_cur_need(&t, n)) {
		p->c->err = ST_ETRUNC;
		return 0;
	}
	for (i = 0; i < n; i++)
		v |= st_peek_bits(&t, i * 8, 8) << (le ? 8 * i :
		    8 * (n - 1 - i));
	if ((fl = st_dbytes(p->d, p->c, fd, off, n)) != NULL)
		fl->val = v;
	return v;
}

/* Row f over n bytes at off, in the drep's byte order; its value. */
static uint64_t
num(struct pdu *p, int f, size_t off, size_t n)
{
	return dce_num(p, &dcerpc_fields[f], off, n, p->le);
}

/* The n bytes of a secondary address at s as text: printable ASCII as
 * is (a pipe's \PIPE\samr keeps single backslashes, as Wireshark
 * writes it), other bytes as \xHH. */
static void
addr_text(const uint8_t *s, size_t n, char *buf, size_t bn)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 5 <= bn; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f)
			buf[o++] = (char)s[i];
		else
			o += (size_t)snprintf(buf + o, bn - o, "\\x%02x",
			    s[i]);
	}
	buf[o] = '\0';
}

/* A bind ack's n results from off (24 bytes each): the result, the
 * reason of a refusal (Wireshark skips an acceptance's, and reads a
 * negotiate_ack's as bind time feature bits), the transfer
 * syntax and its version. */
static void
results(struct pdu *p, size_t off, unsigned n)
{
	struct st_cur t;
	char buf[40];
	unsigned i;
	uint64_t r;

	for (i = 0; i < n && p->c->err == ST_OK && off + 24 <= p->len; i++) {
		r = num(p, F_ACKRES, off, 2);
		if (r == 3)		/* negotiate_ack: feature bits */
			dce_btfn(p, off + 2);
		else if (r != 0)
			num(p, F_ACKREASON, off + 2, 2);
		t = *p->c;
		if (st_cur_skip(&t, off + 4) && dce_uuid_text(&t, p->le, buf,
		    sizeof(buf)))
			st_dtext(p->d, p->c, &dcerpc_fields[F_ACKTID], off + 4,
			    16, buf);
		num(p, F_ACKTVER, off + 20, 4);
		off += 24;
	}
}

/* A bind's, alter context's, or their answers' fragment sizes. */
static void
bind(struct pdu *p, int ptype)
{
	struct st_cur t;
	const uint8_t *s;
	char buf[256 * 4 + 1];
	size_t sl, off;

	num(p, F_XMIT, 16, 2);
	num(p, F_RECV, 18, 2);
	num(p, F_GROUP, 20, 4);
	if (ptype == P_BIND || ptype == P_ALTER) {
		dce_contexts(p, 28, (unsigned)num(p, F_NCTX, 24, 1));
		return;
	}
	sl = (size_t)num(p, F_SECLEN, 24, 2);
	if (p->c->err != ST_OK)
		return;
	t = *p->c;
	if (sl > 0 && 26 + sl <= p->len && st_cur_skip(&t, 26) &&
	    (s = st_get_bytes(&t, sl)) != NULL) {
		/* a NUL-terminated port or pipe name */
		addr_text(s, s[sl - 1] == 0 ? sl - 1 : sl, buf, sizeof(buf));
		st_dtext(p->d, p->c, &dcerpc_fields[F_SECADDR], 26, sl, buf);
	}
	off = (26 + sl + 3) & ~(size_t)3;	/* aligned to 4 */
	results(p, off + 4, (unsigned)num(p, F_NRESULTS, off, 1));
}

/* The authentication trailer before the auth_len bytes of credentials. */
static void
auth(struct pdu *p, size_t fraglen, size_t authlen)
{
	size_t off;

	if (authlen == 0 || fraglen < CO_HDR + AUTH_TRAILER + authlen)
		return;
	off = fraglen - authlen - AUTH_TRAILER;
	if (off + AUTH_TRAILER > p->len)
		return;
	if (off + AUTH_TRAILER + authlen <= p->len)
		st_dtext(p->d, p->c, &dcerpc_fields[F_AINFO], off,
		    AUTH_TRAILER + authlen, "");
	num(p, F_ATYPE, off, 1);
	num(p, F_ALEVEL, off + 1, 1);
	num(p, F_APAD, off + 2, 1);
	num(p, F_ARSV, off + 3, 1);
	num(p, F_ACTX, off + 4, 4);
}

/*
 * Interfaces Wireshark has a dissector for: a call on one shows its stub
 * as one item handed on, on another as bytes.
 */
static const char *const known_ifs[] = {
	"e1af8308-5d1f-11c9-91a4-08002b14a0fa",	/* epm */
	"f5cc5a18-4264-101a-8c59-08002b2f8426",	/* nspi */
	"a4f1db00-ca47-1067-b31f-00dd010662da",	/* emsmdb */
	"12345778-1234-abcd-ef00-0123456789ab",	/* lsarpc */
	"12345778-1234-abcd-ef00-0123456789ac",	/* samr */
	"4b324fc8-1670-01d3-1278-5a47bf6ee188",	/* srvsvc */
	"6bffd098-a112-3610-9833-46c3f87e345a",	/* wkssvc */
	"12345678-1234-abcd-ef00-01234567cffb",	/* netlogon */
	"12345678-1234-abcd-ef00-0123456789ab",	/* spoolss */
	"338cd001-2244-31f1-aaaa-900038001003",	/* winreg */
	"367abb81-9844-35f1-ad32-98f038001003",	/* svcctl */
	"e3514235-4b06-11d1-ab04-00c04fc2dcd2",	/* drsuapi */
	"000001a0-0000-0000-c000-000000000046",	/* ISystemActivator */
	"99fcfec4-5260-101b-bbcb-00aa0021347a",	/* IOXIDResolver */
	"1ff70682-0a51-30e8-076d-740be8cee98b",	/* atsvc */
	"3919286a-b10c-11d0-9ba8-00c04fd92ef5",	/* dssetup */
	"82273fdc-e32a-18c3-3f78-827929dc23ea",	/* eventlog */
	"afa8bd80-7d8a-11c9-bef4-08002b102989",	/* mgmt */
};

/* The UUID at t (first fields in byte order le) as text into buf (at
 * least 37 bytes): 1, or 0 when its bytes are not there. */
int
dce_uuid_text(struct st_cur *t, int le, char *buf, size_t n)
{
	uint8_t u[16];
	const uint8_t *b;

	if ((b = st_get_bytes(t, 16)) == NULL)
		return 0;
	memcpy(u, b, sizeof(u));
	if (le) {
		uint8_t x;
#define SW(a, z)	(x = u[a], u[a] = u[z], u[z] = x)
		SW(0, 3); SW(1, 2); SW(4, 5); SW(6, 7);
#undef SW
	}
	snprintf(buf, n, "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3],
	    u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13],
	    u[14], u[15]);
	return 1;
}

/* Whether the interface UUID at t (first fields in byte order le) is one
 * of known_ifs. */
static int
known_if(struct st_cur *t, int le)
{
	char buf[40];
	size_t i;

	if (!dce_uuid_text(t, le, buf, sizeof(buf)))
		return 0;
	for (i = 0; i < NFIELDS(known_ifs); i++)
		if (strcmp(buf, known_ifs[i]) == 0)
			return 1;
	return 0;
}

/*
 * What tells a PDU's binds apart besides the conversation, as Wireshark's
 * transport salt: the SMB1 FID of the pipe it comes in (SMB's layers
 * before this one name it), 0 for none.
 */
static uint64_t
salt(const struct st_dctx *d)
{
	unsigned i;

	for (i = d->ly->field0; i-- > 0; )
		if (strcmp(d->pkt->fields[i].desc->name, "smb.fid") == 0)
			return (d->pkt->fields[i].val & 0xffff) + 1;
	return 0;
}

/* A bind's presentation contexts, noted under the conversation: with
 * one seen, Wireshark knows the interface of the calls on it, pairs
 * requests and responses, and hands their stub to the interface. */
static void
bind_note(struct pdu *p)
{
	struct st_cur t = *p->c;
	size_t off = 28, i, n;
	unsigned nctx, ctx, ntr;
	uint8_t known;

	if (!st_cur_skip(&t, 24))
		return;
	nctx = st_get_u8(&t);
	for (i = 0; i < nctx && off + 4 <= p->len; i++) {
		t = *p->c;
		if (!st_cur_skip(&t, off) || !st_cur_need(&t, 4))
			return;
		ctx = (unsigned)(p->le ? st_peek_bits(&t, 0, 8) |
		    st_peek_bits(&t, 8, 8) << 8 : st_peek_bits(&t, 0, 16));
		ntr = (unsigned)st_peek_bits(&t, 16, 8);
		if (off + 20 > p->len || !st_cur_skip(&t, 4))
			return;
		known = (uint8_t)known_if(&t, p->le);
		(void)st_match_note(p->d, BIND_KEY | ctx |
		    salt(p->d) << SALT_SHIFT, &known, 1);
		n = 24 + 20 * (size_t)ntr;	/* item, interface, syntaxes */
		off += n;
	}
}

/* A request notes its operation; a response on a bound context names
 * its request, the operation, and the time since. */
static void
pair(struct pdu *p, int ptype, uint64_t callid, uint64_t opnum)
{
	struct st_match r;
	struct st_field *f;
	uint8_t op[2];
	char buf[48];

	if (ptype == P_REQUEST) {
		op[0] = (uint8_t)opnum;
		op[1] = (uint8_t)(opnum >> 8);
		(void)st_match_note(p->d, callid, op, sizeof(op));
		return;
	}
	if (!st_match_answer(p->d, callid, &r))
		return;
	st_dgen(p->d, &dcerpc_fields[F_OPNUM],
	    (uint64_t)r.data[0] | (uint64_t)r.data[1] << 8);
	st_dgen(p->d, &dcerpc_fields[F_REQIN], r.frame);
	st_match_delta(p->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(p->d, &dcerpc_fields[F_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(p->d->pkt, buf);
}

/*
 * A request's or response's stub: on a bound context, the bytes up to
 * the auth padding (one item handed to a known interface, else bytes)
 * and the padding after them; with no bind seen, as Wireshark writes
 * them, the bytes up to the fragment's last pad-length bytes, and those
 * as the padding.  Encrypted (packet privacy) stubs are bytes: with no
 * bind seen, to the fragment's end, trailer and all, as Wireshark.
 */
static void
stub(struct pdu *p, size_t hdr, size_t fraglen, size_t authlen,
    const struct st_match *bind)
{
	size_t pad = 0, end = fraglen, trailer = 0, sig;
	struct st_cur t = *p->c;
	int priv = 0;

	if (fraglen > p->len || hdr > fraglen)
		return;
	if (authlen > 0 && fraglen >= CO_HDR + AUTH_TRAILER + authlen) {
		trailer = AUTH_TRAILER + authlen;
		if (!st_cur_skip(&t, fraglen - trailer) ||
		    !st_cur_need(&t, 3))
			return;
		priv = st_peek_bits(&t, 0, 8) != 0 &&
		    st_peek_bits(&t, 8, 8) == 6;
		pad = (size_t)st_peek_bits(&t, 16, 8);
	}
	if (bind != NULL)
		end = fraglen - trailer;
	if (end < hdr + pad)
		return;
	if (bind != NULL && !bind->data[0])
		st_dgen(p->d, &dcerpc_fields[F_UNKNOWNIF], 1);
	if (priv && bind == NULL)	/* Wireshark: to the fragment's end */
		st_dbytes(p->d, p->c, &dcerpc_fields[F_ENCSTUB], hdr,
		    fraglen - hdr);
	else if (priv)
		st_dbytes(p->d, p->c, &dcerpc_fields[F_ENCSTUB], hdr,
		    end - pad - hdr);
	else if (bind != NULL && bind->data[0]) {
		/* up to a verification trailer, if the stub ends with one */
		if ((sig = dce_trailer_at(p, hdr, end - pad)) != 0) {
			st_dtext(p->d, p->c, &dcerpc_fields[F_PAYLOAD], hdr,
			    sig - hdr, "");
			dce_trailer(p, sig, end - pad);
		} else
			st_dtext(p->d, p->c, &dcerpc_fields[F_PAYLOAD], hdr,
			    end - pad - hdr, "");
	} else if (end - pad > hdr) {
		st_dbytes(p->d, p->c, &dcerpc_fields[F_STUB], hdr,
		    end - pad - hdr);
		/* Wireshark looks for a trailer in the bytes to the end */
		if ((sig = dce_trailer_at(p, hdr, end)) != 0) {
			st_dtext(p->d, p->c, &dcerpc_fields[F_PAYLOAD], hdr,
			    sig - hdr, "");
			dce_trailer(p, sig, end);
		}
	}
	if (pad > 0 && !priv)
		st_dbytes(p->d, p->c, &dcerpc_fields[F_PADDING], end - pad,
		    pad);
}

/* Whether the bytes at c hold a connection-oriented header: version
 * 5.0 or 5.1, a known type, a drep strata knows, lengths that fit. */
static int
co_header(struct st_cur *c)
{
	struct st_cur t = *c;
	unsigned v, minor, type, d0, d1, fl, al;

	v = st_get_u8(&t);
	minor = st_get_u8(&t);
	type = st_get_u8(&t);
	st_get_u8(&t);
	d0 = st_get_u8(&t);
	d1 = st_get_u8(&t);
	st_cur_skip(&t, 2);
	fl = st_get_u8(&t);
	fl |= (unsigned)st_get_u8(&t) << 8;
	al = st_get_u8(&t);
	al |= (unsigned)st_get_u8(&t) << 8;
	if (t.err != ST_OK || v != 5 || minor > 1 || type > CO_MAXTYPE ||
	    (d0 & 0xee) != 0 || d1 > 3)
		return 0;
	if (!(d0 & 0x10)) {		/* big-endian lengths */
		fl = (fl >> 8 | fl << 8) & 0xffff;
		al = (al >> 8 | al << 8) & 0xffff;
	}
	return fl >= CO_HDR && al + CO_HDR <= fl;
}

static int
dcerpc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), fraglen, authlen, hdr = 24;
	struct pdu p = { d, c, left, 1 };
	uint64_t callid, opnum = 0, ctx = 0;
	struct st_match r;
	int ptype, bound;

	if (left < CO_HDR)
		return d->pkt->caplen < d->pkt->len && left > 0 ? ST_ETRUNC :
		    ST_ENOTME;
	if (!co_header(c))
		return ST_ENOTME;
	st_dfields(d, c, dcerpc_fields, F_FRAGLEN);
	p.le = st_peek_bits(c, 32, 4) == 1;
	ptype = (int)st_peek_bits(c, 16, 8);
	fraglen = (size_t)num(&p, F_FRAGLEN, 8, 2);
	authlen = (size_t)num(&p, F_AUTHLEN, 10, 2);
	callid = num(&p, F_CALLID, 12, 4);
	if (fraglen < left)
		p.len = fraglen;
	switch (ptype) {
	case P_REQUEST:
		num(&p, F_ALLOC, 16, 4);
		ctx = num(&p, F_CTX, 20, 2);
		opnum = num(&p, F_OPNUM, 22, 2);
		if (st_peek_bits(c, 24, 8) & 0x80)
			hdr += 16;		/* an object UUID */
		break;
	case P_RESPONSE:
	case P_FAULT:
		num(&p, F_ALLOC, 16, 4);
		ctx = num(&p, F_CTX, 20, 2);
		num(&p, F_CANCEL, 22, 1);
		if (ptype == P_FAULT)
			num(&p, F_STATUS, 24, 4);
		break;
	case P_BIND: case P_BIND_ACK: case P_ALTER: case P_ALTER_RESP:
		bind(&p, ptype);
		if (c->err == ST_OK && (ptype == P_BIND || ptype == P_ALTER))
			bind_note(&p);
		break;
	}
	if (c->err == ST_OK && (ptype == P_REQUEST || ptype == P_RESPONSE)) {
		bound = st_match_answer(d, BIND_KEY | ctx |
		    salt(d) << SALT_SHIFT, &r);
		if (bound)
			pair(&p, ptype, callid, opnum);
		stub(&p, hdr, fraglen, authlen, bound ? &r : NULL);
	}
	if (c->err == ST_OK)
		auth(&p, fraglen, authlen);
	if (c->err == ST_ETRUNC && d->pkt->caplen == d->pkt->len) {
		c->err = ST_OK;
		st_pkt_note(d->pkt, "DCE/RPC: a fragment continues in a later "
		    "segment");
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = p.len;
	d->plen = left - p.len;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another PDU */
	return ST_OK;
}

static int
dcerpc_heuristic(struct st_cur *c)
{
	return st_cur_left(c) >= CO_HDR && co_header(c);
}

static const struct st_bind dcerpc_binds[] = {
	{ ST_KEY_TCPPORT, EPM_PORT },
	{ ST_KEY_PIPE, 0 },		/* an SMB named pipe's bytes */
};

/* "dcerpc request call 2 opnum 64 ctx 0", "dcerpc bind call 1". */
static int
dcerpc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NDCERPC];
	const struct st_valname *v;

	st_ly_fields(s->pkt, ly, dcerpc_fields, F_NDCERPC, f);
	st_out_puts(s->o, "dcerpc");
	if (f[F_PTYPE] != NULL) {
		for (v = ptype_names; v->name != NULL &&
		    v->val != f[F_PTYPE]->val; v++)
			;
		st_out_printf(s->o, " %s", v->name != NULL ? v->name : "?");
	}
	if (f[F_CALLID] != NULL) {
		st_out_puts(s->o, " call ");
		s->value(s, f[F_CALLID]);
	}
	if (f[F_OPNUM] != NULL) {
		st_out_puts(s->o, " opnum ");
		s->value(s, f[F_OPNUM]);
	}
	if (f[F_CTX] != NULL) {
		st_out_puts(s->o, " ctx ");
		s->value(s, f[F_CTX]);
	}
	if (f[F_STATUS] != NULL) {
		st_out_puts(s->o, " status ");
		s->value(s, f[F_STATUS]);
	}
	if (f[F_ATYPE] != NULL) {
		st_out_puts(s->o, " auth ");
		s->value(s, f[F_ATYPE]);
	}
	return 1;
}

static const struct st_field_desc *const dcerpc_keys[] = {
	&dcerpc_fields[F_PTYPE], &dcerpc_fields[F_FRAGLEN],
	&dcerpc_fields[F_CALLID], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_dcerpc = {
	.name = "dcerpc",
	.ws = "dcerpc",
	.title = "Distributed Computing Environment / Remote Procedure Call "
	    "(DCE/RPC)",
	.rfc = "C706, [MS-RPCE]",
	.role = ST_ROLE_APP,
	.fields = dcerpc_fields,
	.nfields = F_NDCERPC,
	.decode = dcerpc_decode,
	.binds = dcerpc_binds,
	.nbinds = NFIELDS(dcerpc_binds),
	.heuristic = dcerpc_heuristic,
	/* @summary */
	.summary = dcerpc_summary,
	/* @views */
	.keys = dcerpc_keys,
	.color = "\033[35m",
	.explain = "Microsoft RPC's connection-oriented PDUs.  A bind names "
	    "the interface (a UUID and version) and the transfer syntax; a "
	    "request then calls operation 'opnum' of it, the response "
	    "repeats the call ID.  The data representation byte says the "
	    "byte order of every number after it.  With authentication, an "
	    "8-byte trailer (type: 10 NTLMSSP, 9 SPNEGO, 16 Kerberos; level: "
	    "5 privacy) precedes the credentials at the fragment's end.",
	/* @craft */
	/* @probes */
};
