/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ONC RPC (RFC 5531): the call and reply headers, over UDP and over TCP
 * with record marking (a 4-byte mark: last-fragment bit, 31-bit length).
 * Bound to the portmapper (111) and NFS (2049); on the ports the
 * portmapper hands out, a call is recognised by content (RPC version 2
 * and a program strata knows).  A reply carries no program: it is
 * recognised only on the bound ports, as its call is in another packet.
 * Each call is noted (strata/match.h) under its conversation and XID (the
 * first of an XID reused: Wireshark takes the later ones for
 * retransmissions of it); the reply that follows finds it and shows, as Wireshark does, the call's
 * program, version and procedure, the call's frame and the time since.
 * A call on a port no table binds (one the portmapper handed out) also
 * announces that end (strata/expect.h), so that the replies from it are
 * read as RPC, as Wireshark reads them.
 *
 *   call:  xid | 0 | rpcvers (2) | prog | vers | proc | cred | verf | args
 *   reply: xid | 1 | 0 accepted: verf | accept_stat | results
 *                  | 1 denied:   reject_stat ...
 *
 * An opaque_auth is a flavor, a length and that many bytes (padded to 4);
 * AUTH_SYS (1) holds a stamp, the machine name, uid, gid and more gids.
 * The procedure's arguments and results are shown as data.
 */
#include <stdio.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/match.h"
#include "strata/out.h"
#include "rpc.h"

const char st_rpc_fill_bytes[] = "rpc.fill_bytes";

#define RPC_PORTMAP	111
#define RPC_NFS		2049
#define RPC_MAXAUTH	400	/* RFC 5531 8.2: an opaque_auth's body */
#define RPC_MAXGIDS	16
#define RPC_MAXNAME	255

enum { F_LAST, F_FRAGLEN, F_XID, F_MSGTYP, F_VERSION, F_PROGRAM,
	F_PVERS, F_PROC, F_FLAVOR, F_ALEN, F_STAMP, F_OLEN, F_MACHINE,
	F_FILL, F_UID, F_GID, F_REPLYSTAT, F_ACCEPT, F_REJECT, F_REPFRAME,
	F_TIME, F_NRPC };

static const struct st_valname prog_names[] = {
	{ 100000, "Portmap" }, { 100003, "NFS" }, { 100004, "YPSERV" },
	{ 100005, "MOUNT" }, { 100007, "YPBIND" }, { 100011, "RQUOTA" },
	{ 100021, "NLM" }, { 100024, "STAT" }, { 100227, "NFS_ACL" },
	{ 100232, "SADMIND" }, { 0, NULL }
};

static const struct st_valname msg_names[] = {
	{ 0, "Call" }, { 1, "Reply" }, { 0, NULL }
};

static const struct st_valname flavor_names[] = {
	{ 0, "AUTH_NULL" }, { 1, "AUTH_UNIX" }, { 2, "AUTH_SHORT" },
	{ 3, "AUTH_DES" }, { 6, "RPCSEC_GSS" }, { 0, NULL }
};

static const struct st_valname accept_names[] = {
	{ 0, "RPC executed successfully" }, { 1, "remote hasn't exported "
	"program" }, { 2, "remote can't support version #" },
	{ 3, "program can't support procedure" },
	{ 4, "procedure can't decode params" }, { 5, "system error" },
	{ 0, NULL }
};

#define U32(n, l)	FD(NULL, "rpc." n, l, 0, 32, ST_FMT_DEC)

static const struct st_field_desc rpc_fields[F_NRPC] = {
	[F_LAST] = FD(NULL, "rpc.lastfrag", "Last Fragment", 0, 1,
	    ST_FMT_BOOL),
	[F_FRAGLEN] = FD(NULL, "rpc.fraglen", "Fragment Length", 1, 31,
	    ST_FMT_DEC),
	[F_XID] = FD(NULL, "rpc.xid", "XID", 0, 32, ST_FMT_HEX),
	[F_MSGTYP] = FDN(NULL, "rpc.msgtyp", "Message Type", 0, 32,
	    ST_FMT_DEC, msg_names),
	[F_VERSION] = U32("version", "RPC Version"),
	[F_PROGRAM] = FDN(NULL, "rpc.program", "Program", 0, 32, ST_FMT_DEC,
	    prog_names),
	[F_PVERS] = U32("programversion", "Program Version"),
	[F_PROC] = U32("procedure", "Procedure"),
	[F_FLAVOR] = FDN(NULL, "rpc.auth.flavor", "Flavor", 0, 32,
	    ST_FMT_DEC, flavor_names),
	[F_ALEN] = U32("auth.length", "Length"),
	[F_STAMP] = FD(NULL, "rpc.auth.stamp", "Stamp", 0, 32, ST_FMT_HEX),
	[F_OLEN] = U32("opaque_length", "length"),
	[F_MACHINE] = FD(NULL, "rpc.auth.machinename", "Machine Name", 0, 0,
	    ST_FMT_TEXT),
	[F_FILL] = FD(NULL, st_rpc_fill_bytes, "fill bytes", 0, 0,
	    ST_FMT_BYTES),
	[F_UID] = U32("auth.uid", "UID"),
	[F_GID] = U32("auth.gid", "GID"),
	[F_REPLYSTAT] = U32("replystat", "Reply State"),
	[F_ACCEPT] = FDN(NULL, "rpc.state_accept", "Accept State", 0, 32,
	    ST_FMT_DEC, accept_names),
	[F_REJECT] = U32("state_reject", "Reject State"),
	[F_REPFRAME] = FDG("rpc.repframe", "Call In", ST_FMT_DEC, NULL),
	[F_TIME] = FDG("rpc.time", "Time from request", ST_FMT_TEXT, NULL),
};

extern const struct st_proto st_proto_rpc;

/* What a call leaves for its reply. */
struct rpccall {
	uint32_t	 prog, vers, proc;
};

/* The message being read: [pos, end) of c, from c's position. */
struct rmsg {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 pos, end;
	long long	 prog;		/* the program after it; -1: none */
};

/* Row f over the next 4 bytes; its value, or -1 when they are missing. */
static long long
u32(struct rmsg *m, int f)
{
	struct st_field *fl;

	if (m->pos + 4 > m->end) {
		m->c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(m->d, m->c, &rpc_fields[f], m->pos, 4)) == NULL)
		return -1;
	m->pos += 4;
	return (long long)fl->val;
}

/* AUTH_SYS's body (RFC 5531 A.1) of len bytes. */
static void
auth_sys(struct rmsg *m, size_t len)
{
	size_t end = m->pos + len, nl, pad;
	struct st_cur t;
	const uint8_t *p;
	char buf[RPC_MAXNAME * 4 + 1];
	long long n, i;

	u32(m, F_STAMP);
	if ((n = u32(m, F_OLEN)) < 0 || n > RPC_MAXNAME ||
	    m->pos + (size_t)n > end)
		return;
	nl = (size_t)n;
	t = *m->c;
	if (!st_cur_skip(&t, m->pos) || (p = st_get_bytes(&t, nl)) == NULL)
		return;
	st_escape(p, nl, buf, sizeof(buf));
	st_dtext(m->d, m->c, &rpc_fields[F_MACHINE], m->pos, nl, buf);
	m->pos += nl;
	pad = (4 - nl % 4) % 4;
	if (pad > 0 && m->pos + pad <= end) {
		st_dbytes(m->d, m->c, &rpc_fields[F_FILL], m->pos, pad);
		m->pos += pad;
	}
	u32(m, F_UID);
	u32(m, F_GID);
	if (m->pos + 4 > end || m->c->err != ST_OK)
		return;
	t = *m->c;
	st_cur_skip(&t, m->pos);
	n = st_get_be32(&t);
	m->pos += 4;
	for (i = 0; i < n && i < RPC_MAXGIDS && m->pos + 4 <= end; i++)
		u32(m, F_GID);
}

/* An opaque_auth: flavor, length, body. */
static int
opaque_auth(struct rmsg *m)
{
	long long flavor = u32(m, F_FLAVOR), len = u32(m, F_ALEN);
	size_t body;

	if (flavor < 0 || len < 0)
		return ST_ETRUNC;
	if (len > RPC_MAXAUTH)
		return st_dmalformed(m->d, "credentials of %lld bytes exceed "
		    "%u", len, RPC_MAXAUTH);
	body = m->pos;
	if (flavor == 1 && len > 0)
		auth_sys(m, (size_t)len);
	m->pos = body + (((size_t)len + 3) & ~(size_t)3);
	if (m->pos > m->end) {
		m->pos = m->end;
		return ST_ETRUNC;
	}
	return ST_OK;
}

static int
bound(unsigned port)
{
	return port == RPC_PORTMAP || port == RPC_NFS;
}

/* A call on ports no table binds: the end it went to (a port the
 * portmapper handed out) speaks RPC, its replies too. */
static void
unbound_call(struct st_dctx *d)
{
	struct st_expect e;
	int a;

	memset(&e, 0, sizeof(e));
	if (st_expect_conv(d, &e.owner, &e.transport) != 0 ||
	    bound(st_flow_port(&e.owner, 0)) ||
	    bound(st_flow_port(&e.owner, 1)) ||
	    (d->net.fam != 4 && d->net.fam != 6))
		return;
	/* The server is the end of the key with the destination address
	 * (two ends of one address: which is which is not known; none
	 * noted). */
	if (memcmp(st_flow_addr(&e.owner, 0), st_flow_addr(&e.owner, 1),
	    st_flow_alen(&e.owner)) == 0)
		return;
	a = memcmp(st_flow_addr(&e.owner, 0), d->net.dst,
	    st_flow_alen(&e.owner)) == 0 ? 0 : 1;
	e.proto = &st_proto_rpc;
	e.fam = d->net.fam;
	memcpy(e.addr, d->net.dst, d->net.fam == 6 ? 16 : 4);
	e.port = (uint16_t)st_flow_port(&e.owner, a);
	e.frame = d->pkt->num;
	st_expect_add(&e);
}

static int
call(struct rmsg *m, uint32_t xid)
{
	struct st_match r;
	struct rpccall k;
	int rc;

	u32(m, F_VERSION);
	k.prog = (uint32_t)u32(m, F_PROGRAM);
	k.vers = (uint32_t)u32(m, F_PVERS);
	k.proc = (uint32_t)u32(m, F_PROC);
	if (m->c->err != ST_OK)
		return m->c->err;
	/* A call with an XID already seen in the conversation is, to
	 * Wireshark, that call again: the first one stays the one noted. */
	if (!st_match_answer(m->d, xid, &r))
		st_match_note(m->d, xid, &k, sizeof(k));
	unbound_call(m->d);
	if ((rc = opaque_auth(m)) != ST_OK)
		return rc;
	m->prog = k.prog;
	return opaque_auth(m);
}

/*
 * The call a reply answers: its program, version and procedure before
 * the reply state, as Wireshark places them, and after it the call's
 * frame and the time since.
 */
static void
answers(struct rmsg *m, uint32_t xid, int after)
{
	struct st_match r;
	struct rpccall k;
	struct st_field *f;
	char buf[48];

	if (!st_match_answer(m->d, xid, &r))
		return;
	memcpy(&k, r.data, sizeof(k));
	if (!after) {
		m->prog = k.prog;
		st_dgen(m->d, &rpc_fields[F_PROGRAM], k.prog);
		st_dgen(m->d, &rpc_fields[F_PVERS], k.vers);
		st_dgen(m->d, &rpc_fields[F_PROC], k.proc);
		return;
	}
	st_dgen(m->d, &rpc_fields[F_REPFRAME], r.frame);
	st_match_delta(m->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(m->d, &rpc_fields[F_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, buf);
}

static int
reply(struct rmsg *m, uint32_t xid)
{
	long long st, prog;
	int rc;

	answers(m, xid, 0);
	prog = m->prog;
	m->prog = -1;
	st = u32(m, F_REPLYSTAT);
	if (st >= 0)
		answers(m, xid, 1);
	if (st == 0) {
		if ((rc = opaque_auth(m)) != ST_OK)
			return rc;
		if (u32(m, F_ACCEPT) == 0)
			m->prog = prog;		/* results follow */
	} else if (st == 1)
		u32(m, F_REJECT);
	return m->c->err;
}

/* Whether the transport below is TCP (a byte stream: record marking). */
static int
on_stream(const struct st_dctx *d)
{
	const struct st_layer *tl;
	int i;

	for (i = (int)d->pkt->nlayers - 2; i >= 0; i--) {
		tl = &d->pkt->layers[i];
		if (tl->proto->role == ST_ROLE_TRANSPORT)
			return (tl->proto->flags & ST_PF_STREAM) != 0;
	}
	return 0;
}

static int
rpc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct rmsg m = { d, c, 0, left, -1 };
	const struct st_proto *p;
	struct st_cur t = *c;
	long long typ, xid;
	int rc;

	if (on_stream(d)) {
		if (left < 4)
			return left > 0 && d->pkt->caplen < d->pkt->len ?
			    ST_ETRUNC : ST_ENOTME;
		st_dfield(d, c, &rpc_fields[F_LAST]);
		st_dfield(d, c, &rpc_fields[F_FRAGLEN]);
		m.pos = 4;
		m.end = 4 + (st_get_be32(&t) & 0x7fffffff);
		if (m.end > left)
			m.end = left;
	}
	xid = u32(&m, F_XID);
	typ = u32(&m, F_MSGTYP);
	if (typ == 0)
		rc = call(&m, (uint32_t)xid);
	else if (typ == 1)
		rc = reply(&m, (uint32_t)xid);
	else if (typ < 0)
		rc = ST_ETRUNC;
	else
		return st_dmalformed(d, "message type %lld", typ);
	if (rc == ST_ETRUNC && d->pkt->caplen == d->pkt->len) {
		c->err = ST_OK;		/* the rest comes in a later segment */
		rc = ST_OK;
		m.prog = -1;
	}
	if (rc != ST_OK)
		return rc;
	d->hdr = m.pos;
	if (m.prog < 0)
		d->data = 1;		/* arguments or results */
	else if (m.pos >= left && d->pkt->caplen == d->pkt->len &&
	    (p = st_proto_next(ST_KEY_RPCPROG, (uint64_t)m.prog)) != NULL)
		/* A procedure with no arguments or results (NULL): the
		 * program's layer all the same, empty, as Wireshark shows
		 * it (the chain goes on only over bytes). */
		st_dsublayer(d, c, p, m.pos, 0);
	else {				/* the program's layer */
		d->next_key = ST_KEY_RPCPROG;
		d->next_val = (uint64_t)m.prog;
	}
	return ST_OK;
}

/* The value of the first field of row fd in layer ly; -1: none. */
static long long
lyval(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field_desc *fd)
{
	unsigned i;

	for (i = ly->field0; i < (unsigned)ly->field0 + ly->nfields &&
	    i < pkt->nfields; i++)
		if (pkt->fields[i].desc == fd)
			return (long long)pkt->fields[i].val;
	return -1;
}

int
st_rpc_begin(struct st_dctx *d, struct st_cur *c, struct st_xdr *x,
    struct st_rpcmsg *m, const struct st_field_desc *const *proc,
    unsigned nvers)
{
	const struct st_layer *ly;
	long long v, p, t;

	if (d->ly == NULL || d->ly == d->pkt->layers ||
	    (ly = d->ly - 1)->proto != &st_proto_rpc)
		return -1;
	t = lyval(d->pkt, ly, &rpc_fields[F_MSGTYP]);
	v = lyval(d->pkt, ly, &rpc_fields[F_PVERS]);
	p = lyval(d->pkt, ly, &rpc_fields[F_PROC]);
	if (t < 0 || v < 0 || p < 0)
		return -1;
	m->vers = (uint32_t)v;
	m->proc = (uint32_t)p;
	m->reply = t == 1;
	m->prog = 0;
	x->d = d;
	x->c = c;
	x->pos = 0;
	x->end = st_cur_left(c);
	st_dgen(d, &rpc_fields[F_PVERS], m->vers);
	if (m->vers < nvers && proc[m->vers] != NULL)
		st_dgen(d, proc[m->vers], m->proc);
	return 0;
}

long long
st_xdr_u32(struct st_xdr *x, const struct st_field_desc *fd)
{
	struct st_cur t = *x->c;
	long long v;

	if (x->pos + 4 > x->end || !st_cur_skip(&t, x->pos)) {
		x->c->err = ST_ETRUNC;
		return -1;
	}
	v = st_get_be32(&t);
	if (t.err != ST_OK) {
		x->c->err = ST_ETRUNC;
		return -1;
	}
	if (fd != NULL)
		st_dbytes(x->d, x->c, fd, x->pos, 4);
	x->pos += 4;
	return v;
}

int
st_xdr_string(struct st_xdr *x, const struct st_field_desc *fd, size_t max)
{
	char buf[RPC_MAXSTR * 4 + 1];
	struct st_cur t;
	const uint8_t *p;
	long long n;
	size_t nl, pad;

	if ((n = st_xdr_u32(x, &rpc_fields[F_OLEN])) < 0)
		return ST_ETRUNC;
	if ((size_t)n > max || (size_t)n > RPC_MAXSTR)
		return st_dmalformed(x->d, "string of %lld bytes", n);
	nl = (size_t)n;
	t = *x->c;
	if (x->pos + nl > x->end || !st_cur_skip(&t, x->pos) ||
	    (p = st_get_bytes(&t, nl)) == NULL) {
		x->c->err = ST_ETRUNC;
		return ST_ETRUNC;
	}
	if (fd->fmt == ST_FMT_TEXT) {
		st_escape(p, nl, buf, sizeof(buf));
		st_dtext(x->d, x->c, fd, x->pos, nl, buf);
	} else
		st_dbytes(x->d, x->c, fd, x->pos, nl);
	x->pos += nl;
	pad = (4 - nl % 4) % 4;
	if (pad > 0) {
		if (x->pos + pad > x->end) {
			x->c->err = ST_ETRUNC;
			return ST_ETRUNC;
		}
		st_dbytes(x->d, x->c, &rpc_fields[F_FILL], x->pos, pad);
		x->pos += pad;
	}
	return ST_OK;
}

int
st_xdr_end(struct st_xdr *x, int rc)
{
	x->d->hdr = x->pos;
	if (rc == ST_ETRUNC && x->d->pkt->caplen == x->d->pkt->len) {
		x->c->err = ST_OK;	/* the rest comes in a later segment */
		return ST_OK;
	}
	return rc;
}

/* A call by content: RPC version 2 of a program strata knows. */
static int
is_call(struct st_cur *t)
{
	const struct st_valname *v;
	uint32_t prog;

	st_get_be32(t);				/* xid */
	if (st_get_be32(t) != 0 || st_get_be32(t) != 2)
		return 0;
	prog = st_get_be32(t);
	for (v = prog_names; v->name != NULL && v->val != prog; v++)
		;
	return t->err == ST_OK && v->name != NULL && st_get_be32(t) < 16;
}

static int
rpc_heuristic(struct st_cur *c)
{
	struct st_cur t = *c;
	uint32_t mark;

	if (st_cur_left(c) < 24)
		return 0;
	mark = st_get_be32(&t);
	/* Over TCP a record mark comes first; its length fits the segment
	 * or runs on.  Over UDP the call starts at once. */
	if ((mark & 0x80000000) && (mark & 0x7fffffff) >= 24 &&
	    (mark & 0x7fffffff) <= 0x100000 && st_cur_left(c) >= 28)
		return is_call(&t);
	t = *c;
	return is_call(&t);
}

static const struct st_bind rpc_binds[] = {
	{ ST_KEY_TCPPORT, RPC_PORTMAP }, { ST_KEY_UDPPORT, RPC_PORTMAP },
	{ ST_KEY_TCPPORT, RPC_NFS }, { ST_KEY_UDPPORT, RPC_NFS },
};

/* "rpc call MOUNT v3 proc 1 xid 0x6a1bb0b5", "rpc reply xid ... ok". */
static int
rpc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NRPC];

	st_ly_fields(s->pkt, ly, rpc_fields, F_NRPC, f);
	st_out_puts(s->o, "rpc");
	if (f[F_MSGTYP] == NULL)
		return 1;
	st_out_puts(s->o, f[F_MSGTYP]->val == 0 ? " call" : " reply");
	if (f[F_PROGRAM] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PROGRAM]);
	}
	if (f[F_PVERS] != NULL)
		st_out_printf(s->o, " v%u", (unsigned)f[F_PVERS]->val);
	if (f[F_PROC] != NULL)
		st_out_printf(s->o, " proc %u", (unsigned)f[F_PROC]->val);
	if (f[F_XID] != NULL) {
		st_out_puts(s->o, " xid ");
		s->value(s, f[F_XID]);
	}
	if (f[F_ACCEPT] != NULL && f[F_ACCEPT]->val != 0) {
		st_out_puts(s->o, " error ");
		s->value(s, f[F_ACCEPT]);
	} else if (f[F_REJECT] != NULL)
		st_out_puts(s->o, " denied");
	return 1;
}

static const struct st_field_desc *const rpc_keys[] = {
	&rpc_fields[F_XID], &rpc_fields[F_MSGTYP], &rpc_fields[F_PROGRAM],
	&rpc_fields[F_PROC], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rpc = {
	.name = "rpc",
	.ws = "rpc",
	.title = "Remote Procedure Call (ONC RPC)",
	.rfc = "RFC 5531",
	.role = ST_ROLE_APP,
	.fields = rpc_fields,
	.nfields = F_NRPC,
	.decode = rpc_decode,
	.binds = rpc_binds,
	.nbinds = NFIELDS(rpc_binds),
	.heuristic = rpc_heuristic,
	/* @summary */
	.summary = rpc_summary,
	/* @views */
	.keys = rpc_keys,
	.color = "\033[35m",
	.explain = "Sun's RPC, under NFS, mount and the portmapper.  A call "
	    "names a program (100000 portmapper, 100003 NFS, 100005 mount), "
	    "its version and a procedure, with credentials (AUTH_UNIX: the "
	    "machine name, uid and gids) and a verifier; the reply repeats "
	    "the transaction ID (xid) and says whether the call was accepted "
	    "and ran.  Over TCP each message is preceded by a record mark: "
	    "the last-fragment bit and the fragment's length.",
	/* @craft */
	/* @probes */
};
