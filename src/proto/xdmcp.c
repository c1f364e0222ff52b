/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * XDMCP, the X Display Manager Control Protocol (X Consortium, 1989), on
 * UDP 177: an X terminal asks display managers who will manage it (Query,
 * BroadcastQuery), one answers Willing, and a Request, Accept and Manage
 * open an X session, kept alive by KeepAlive and Alive.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Version (1)            |            Opcode             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Length (of the rest)    |  body by opcode ...
 *
 * Strings and byte arrays are a 16-bit length and the bytes; lists are an
 * 8-bit count and the items.  As Wireshark's dissector: only version 1 is
 * XDMCP; its string fields cover the length before the text, its byte
 * arrays the length and the bytes; a Request whose connection types and
 * addresses do not pair is not read past its display number.
 */
#include "strata/out.h"
#include "fields.h"

#define XDMCP_MAXLIST	255	/* items of a list: its count is 8 bits */

enum { F_VER, F_OP, F_LEN, F_AUTHN, F_AUTHZ, F_HOST, F_STATUS, F_SESSION,
	F_DISPLAY, F_MDID_LEN, F_MDID, F_DCLASS_LEN, F_DCLASS, F_CADDR4,
	F_CADDR6, F_CADDR, F_CADDR_LEN, F_CPORT_LEN, F_CPORT_B, F_CPORT,
	F_AUTHND_LEN, F_AUTHND, F_AUTHZD_LEN, F_AUTHZD, F_CTYPE, F_CONN4,
	F_CONN6, F_CONN, F_RUNNING, F_NX };

static const struct st_valname xdmcp_ops[] = {
	{ 1, "Broadcast_query" }, { 2, "Query" }, { 3, "Indirect_query" },
	{ 4, "Forward_query" }, { 5, "Willing" }, { 6, "Unwilling" },
	{ 7, "Request" }, { 8, "Accept" }, { 9, "Decline" }, { 10, "Manage" },
	{ 11, "Refuse" }, { 12, "Failed" }, { 13, "Keepalive" },
	{ 14, "Alive" }, { 0, NULL }
};

#define T(n, l)		FD(NULL, n, l, 0, 0, ST_FMT_TEXT)
#define B(n, l)		FD(NULL, n, l, 0, 0, ST_FMT_BYTES)
#define N16(n, l)	FD(NULL, n, l, 0, 16, ST_FMT_DEC)

/* The body's rows are read from a moving cursor: offset 0. */
static const struct st_field_desc xdmcp_fields[F_NX] = {
	[F_VER] = FD("version", "xdmcp.version", "Version", 0, 16, ST_FMT_DEC),
	[F_OP] = FDN("opcode", "xdmcp.opcode", "Opcode", 16, 16, ST_FMT_HEX,
	    xdmcp_ops),
	[F_LEN] = FD("length", "xdmcp.length", "Message length", 32, 16,
	    ST_FMT_DEC),
	[F_AUTHN] = T("xdmcp.authentication_name", "Authentication name"),
	[F_AUTHZ] = T("xdmcp.authorization_name", "Authorization name"),
	[F_HOST] = T("xdmcp.hostname", "Hostname"),
	[F_STATUS] = T("xdmcp.status", "Status"),
	[F_SESSION] = FD(NULL, "xdmcp.session_id", "Session ID", 0, 32,
	    ST_FMT_HEX),
	[F_DISPLAY] = N16("xdmcp.display_number", "Display number"),
	[F_MDID_LEN] = N16("xdmcp.manufacturer_display_id_len",
	    "Manufacturer display ID Length"),
	[F_MDID] = B("xdmcp.manufacturer_display_id",
	    "Manufacturer display ID"),
	[F_DCLASS_LEN] = N16("xdmcp.display_class_len",
	    "Display class Length"),
	[F_DCLASS] = B("xdmcp.display_class", "Display class"),
	[F_CADDR4] = FD(NULL, "xdmcp.client_address_ipv4", "Client Address",
	    16, 32, ST_FMT_IPV4),
	[F_CADDR6] = FD(NULL, "xdmcp.client_address_ipv6", "Client Address",
	    16, 128, ST_FMT_IPV6),
	[F_CADDR] = B("xdmcp.client_address_bytes", "Client Address"),
	[F_CADDR_LEN] = N16("xdmcp.client_address_bytes_len",
	    "Client Address Length"),
	[F_CPORT_LEN] = N16("xdmcp.client_port_len", "Client port Length"),
	[F_CPORT_B] = B("xdmcp.client_port_bytes", "Client port"),
	[F_CPORT] = FD(NULL, "xdmcp.client_port", "Client port", 16, 16,
	    ST_FMT_DEC),
	[F_AUTHND_LEN] = N16("xdmcp.authentication_data_len",
	    "Authentication data Length"),
	[F_AUTHND] = B("xdmcp.authentication_data", "Authentication data"),
	[F_AUTHZD_LEN] = N16("xdmcp.authorization_data_len",
	    "Authorization data Length"),
	[F_AUTHZD] = B("xdmcp.authorization_data", "Authorization data"),
	[F_CTYPE] = FD(NULL, "xdmcp.connection_type", "Type", 0, 16,
	    ST_FMT_HEX),
	[F_CONN4] = FD(NULL, "xdmcp.connection_address_ipv4", "Address", 0,
	    32, ST_FMT_IPV4),
	[F_CONN6] = FD(NULL, "xdmcp.connection_address_ipv6", "Address", 0,
	    128, ST_FMT_IPV6),
	[F_CONN] = B("xdmcp.connection_address_bytes", "Address"),
	[F_RUNNING] = FD(NULL, "xdmcp.session_running", "Session running", 0,
	    8, ST_FMT_DEC),
};

#define R(i)	(&xdmcp_fields[(i)])

/* A body's reader: the cursor moves as it reads. */
struct xd_rd {
	struct st_dctx	*d;
	struct st_cur	 m;
};

/* A number of row's width. */
static unsigned
x_num(struct xd_rd *r, unsigned row)
{
	const struct st_field *f = st_dfield(r->d, &r->m, R(row));

	st_cur_skip(&r->m, R(row)->bits / 8);
	return f != NULL ? (unsigned)f->val : 0;
}

/* A string: the field covers its length and its bytes. */
static void
x_str(struct xd_rd *r, unsigned row)
{
	struct st_cur t = r->m;
	size_t n = st_get_be16(&t);
	char buf[ST_DTEXT_MAX * 4 + 8];
	const uint8_t *p;

	if ((p = st_get_bytes(&t, n)) == NULL) {
		r->m.err = t.err;
		return;
	}
	st_escape_ascii(p, n < ST_DTEXT_MAX ? n : ST_DTEXT_MAX, buf,
	    sizeof(buf));
	st_dtext(r->d, &r->m, R(row), 0, n + 2, buf);
	st_cur_skip(&r->m, n + 2);
}

/* A byte array: its length as lenrow, and row over the length and the
 * bytes, as Wireshark shows it. */
static void
x_bytes(struct xd_rd *r, unsigned row, unsigned lenrow)
{
	struct st_cur t = r->m;
	size_t n = st_get_be16(&t);

	st_dfield(r->d, &r->m, R(lenrow));
	if (t.err != ST_OK || !st_cur_need(&r->m, n + 2))
		return;
	st_dbytes(r->d, &r->m, R(row), 0, n + 2);
	st_cur_skip(&r->m, n + 2);
}

/* A list of strings: an 8-bit count, then the strings. */
static void
x_names(struct xd_rd *r, unsigned row)
{
	unsigned n = (unsigned)st_peek_bits(&r->m, 0, 8), i;

	if (!st_cur_skip(&r->m, 1))
		return;
	for (i = 0; i < n && r->m.err == ST_OK; i++)
		x_str(r, row);
}

/* A Forward_query's client address and port, before its names. */
static void
x_forward(struct xd_rd *r)
{
	unsigned n = (unsigned)st_peek_bits(&r->m, 0, 16);

	if (r->m.err == ST_OK && (n == 4 || n == 16)) {
		st_dfield(r->d, &r->m, R(n == 4 ? F_CADDR4 : F_CADDR6));
		st_cur_skip(&r->m, 2 + n);
	} else
		x_bytes(r, F_CADDR, F_CADDR_LEN);
	n = (unsigned)st_peek_bits(&r->m, 0, 16);
	if (r->m.err == ST_OK && n == 2) {
		st_dfield(r->d, &r->m, R(F_CPORT));
		st_cur_skip(&r->m, 4);
	} else
		x_bytes(r, F_CPORT_B, F_CPORT_LEN);
}

/* A Request's connections: the types, then the addresses, paired. */
static void
x_connections(struct xd_rd *r)
{
	struct st_cur types, addrs;
	unsigned n, ctype, i;
	size_t alen;

	n = (unsigned)st_peek_bits(&r->m, 0, 8);
	addrs = r->m;
	if (r->m.err != ST_OK || !st_cur_skip(&addrs, 1 + 2 * (size_t)n)) {
		r->m.err = r->m.err != ST_OK ? r->m.err : addrs.err;
		return;
	}
	if (st_peek_bits(&addrs, 0, 8) != n) {
		if (addrs.err == ST_OK)
			st_pkt_note(r->d->pkt, "XDMCP: the connection types "
			    "and addresses do not pair: the rest is not shown");
		r->m.err = addrs.err != ST_OK ? addrs.err : ST_EINVAL;
		return;
	}
	types = r->m;
	st_cur_skip(&types, 1);
	st_cur_skip(&addrs, 1);
	for (i = 0; i < n; i++) {
		ctype = (unsigned)st_peek_bits(&types, 0, 16);
		alen = (size_t)st_peek_bits(&addrs, 0, 16);
		st_dfield(r->d, &types, R(F_CTYPE));
		st_cur_skip(&types, 2);
		if (!st_cur_skip(&addrs, 2) || !st_cur_need(&addrs, alen))
			break;
		if (ctype == 0 && alen == 4)
			st_dfield(r->d, &addrs, R(F_CONN4));
		else if (ctype == 6 && alen == 16)
			st_dfield(r->d, &addrs, R(F_CONN6));
		else if (alen > 0)
			st_dbytes(r->d, &addrs, R(F_CONN), 0, alen);
		st_cur_skip(&addrs, alen);
	}
	r->m.off = addrs.off;
	if (addrs.err != ST_OK || types.err != ST_OK)
		r->m.err = addrs.err != ST_OK ? addrs.err : types.err;
}

static int
xdmcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct xd_rd r;
	unsigned op;

	if (left < 2 || st_peek_bits(c, 0, 16) != 1)
		return ST_ENOTME;	/* only version 1 is XDMCP */
	st_dfields(d, c, xdmcp_fields, F_AUTHN);
	op = (unsigned)st_peek_bits(c, 16, 16);
	d->hdr = left;
	d->plen = 0;
	r.d = d;
	r.m = *c;
	st_cur_skip(&r.m, 6);
	switch (op) {
	case 4:
		x_forward(&r);
		/* FALLTHROUGH */
	case 1:
	case 2:
	case 3:
		x_names(&r, F_AUTHN);
		break;
	case 5:
		x_str(&r, F_AUTHN);
		/* FALLTHROUGH */
	case 6:
		x_str(&r, F_HOST);
		x_str(&r, F_STATUS);
		break;
	case 7:
		x_num(&r, F_DISPLAY);
		x_connections(&r);
		x_str(&r, F_AUTHN);
		x_bytes(&r, F_AUTHND, F_AUTHND_LEN);
		x_names(&r, F_AUTHZ);
		x_bytes(&r, F_MDID, F_MDID_LEN);
		break;
	case 8:
		x_num(&r, F_SESSION);
		x_str(&r, F_AUTHN);
		x_bytes(&r, F_AUTHND, F_AUTHND_LEN);
		x_str(&r, F_AUTHZ);
		x_bytes(&r, F_AUTHZD, F_AUTHZD_LEN);
		break;
	case 9:
		x_str(&r, F_STATUS);
		x_str(&r, F_AUTHN);
		x_bytes(&r, F_AUTHND, F_AUTHND_LEN);
		break;
	case 10:
		x_num(&r, F_SESSION);
		x_num(&r, F_DISPLAY);
		x_bytes(&r, F_DCLASS, F_DCLASS_LEN);
		break;
	case 11:
		x_num(&r, F_SESSION);
		break;
	case 12:
		x_num(&r, F_SESSION);
		x_str(&r, F_STATUS);
		break;
	case 13:
		x_num(&r, F_DISPLAY);
		x_num(&r, F_SESSION);
		break;
	case 14:
		x_num(&r, F_RUNNING);
		x_num(&r, F_SESSION);
		break;
	}
	if (c->err == ST_OK && r.m.err == ST_EINVAL)
		return ST_OK;	/* the unpaired Request, noted */
	if (c->err != ST_OK || r.m.err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "the message ends inside a field its "
		    "opcode has");
	return ST_OK;
}

static const struct st_bind xdmcp_binds[] = {
	{ ST_KEY_UDPPORT, 177 },
};

/* "XDMCP Willing host xdm1", "XDMCP Accept session 0x00001234". */
static int
xdmcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NX];
	const char *name;

	st_ly_fields(s->pkt, ly, xdmcp_fields, F_NX, f);
	if (f[F_OP] == NULL)
		return 0;
	name = st_valname(xdmcp_ops, (uint32_t)f[F_OP]->val);
	if (name != NULL)
		st_out_printf(s->o, "XDMCP %s", name);
	else
		st_out_printf(s->o, "XDMCP opcode 0x%04x",
		    (unsigned)f[F_OP]->val);
	if (f[F_HOST] != NULL) {
		st_out_puts(s->o, " host ");
		s->value(s, f[F_HOST]);
	}
	if (f[F_DISPLAY] != NULL)
		st_out_printf(s->o, " display %u",
		    (unsigned)f[F_DISPLAY]->val);
	if (f[F_SESSION] != NULL)
		st_out_printf(s->o, " session 0x%08x",
		    (unsigned)f[F_SESSION]->val);
	return 1;
}

static const struct st_field_desc *const xdmcp_keys[] = {
	R(F_OP), R(F_LEN), NULL,
};

const struct st_proto st_proto_xdmcp = {
	.name = "xdmcp",
	.ws = "xdmcp",
	.title = "X Display Manager Control Protocol",
	.rfc = "X Consortium XDMCP 1.0",
	.role = ST_ROLE_APP,
	.fields = xdmcp_fields,
	.nfields = F_NX,
	.decode = xdmcp_decode,
	.binds = xdmcp_binds,
	.nbinds = NFIELDS(xdmcp_binds),
	.summary = xdmcp_summary,
	.keys = xdmcp_keys,
	.color = "\033[33m",
	.explain_bits = 48,	/* the header; the body depends on the opcode */
	.explain = "How an X terminal (or Xephyr -query) finds a display "
	    "manager to log in through, on UDP 177: it sends a Query, or a "
	    "BroadcastQuery to the LAN; managers that would serve it answer "
	    "Willing with their host name and status.  The terminal's "
	    "Request names its display number, the addresses the manager "
	    "should connect back to and the authorization it offers "
	    "(MIT-MAGIC-COOKIE-1); Accept gives a session ID and the cookie, "
	    "Manage starts the session, and the manager's X connection to "
	    "the terminal (TCP 6000 + display) draws the login screen.  "
	    "KeepAlive and Alive check that the session still runs.  Nothing "
	    "is encrypted: the cookie crosses the network in the clear.",
};
