/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetBIOS over IPX (NBIPX, IPX socket 0x0455) and Microsoft's Name
 * Management Protocol over IPX (NMPI, "direct hosting": sockets 0x0551
 * and 0x0553), which carry SMB datagrams (browser announcements) over
 * IPX.  Neither has a public specification; this reads them as
 * Wireshark's nbipx dissector does ([MS-CIFS] smbpub.txt for NMPI).
 *
 *   NBIPX: [8 IPX networks (32), on a WAN broadcast or a 50-byte name
 *   reply] | flags or connection control (1) | data stream type (1) |
 *   a name (16); a session header (16); or, for a directed datagram,
 *   the receiver's and the sender's names (16 + 16), then SMB
 *
 *   NMPI:  8 IPX networks (32) | opcode (1) | name type (1) | message
 *   ID (2, LE) | requested name (16) | source name (16) | SMB (mailslot
 *   write)
 *
 * A NetBIOS name is 15 bytes and a type byte; Wireshark shows the name
 * without its padding spaces, a byte that is not printable as <xx>.
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define ROUTES		32	/* eight IPX network numbers */
#define NB_NAMELEN	16
#define SMB_MAGIC	0xff534d42u

enum { DS_FIND_NAME = 1, DS_DEREGISTER = 5, DS_SESSION_DATA = 6,
	DS_SESSION_END_ACK = 8, DS_DIRECTED = 11 };
enum { OP_MAILSLOT_SEND = 0xfc };

enum { F_NET, F_FLAGS, F_CONN, F_DSTYPE, F_NAME, F_NAMETYPE, F_SRCID,
	F_DSTID, F_SENDSEQ, F_TOTAL, F_OFFSET, F_DLEN, F_RECVSEQ, F_RCVD,
	F_OPCODE, F_NMTYPE, F_MSGID, F_NNB };

static const struct st_valname ds_names[] = {
	{ 1, "Find name" }, { 2, "Name recognized" }, { 3, "Check name" },
	{ 4, "Name in use" }, { 5, "Deregister name" },
	{ 6, "Session data" }, { 7, "Session end" },
	{ 8, "Session end ACK" }, { 9, "Status query" },
	{ 10, "Status response" }, { 11, "Directed datagram" }, { 0, NULL }
};

static const struct st_valname op_names[] = {
	{ 0xf1, "Claim name" }, { 0xf2, "Delete name" },
	{ 0xf3, "Query name" }, { 0xf4, "Name found" },
	{ 0xf5, "Messenger hangup" }, { 0xfc, "Mailslot write" },
	{ 0xfd, "Find mailslot name" }, { 0xfe, "Mailslot name found" },
	{ 0, NULL }
};

/* Placed by the decoder (little-endian words valued by it). */
static const struct st_field_desc nb_fields[F_NNB] = {
	[F_NET] = FD(NULL, "nmpi.ipx_network", "IPX Network", 0, 32,
	    ST_FMT_TEXT),
	[F_FLAGS] = FD(NULL, "nmpi.name_flags", "Name type flag", 0, 8,
	    ST_FMT_HEX),
	[F_CONN] = FD(NULL, "nmpi.conn_control", "Connection control", 0, 8,
	    ST_FMT_HEX),
	[F_DSTYPE] = FDN(NULL, "nmpi.packettype", "Packet Type", 0, 8,
	    ST_FMT_HEX, ds_names),
	[F_NAME] = FD(NULL, "netbios.nb_name", "Name", 0, 0, ST_FMT_TEXT),
	[F_NAMETYPE] = FD(NULL, "netbios.nb_name_type", "Name type", 0, 8,
	    ST_FMT_HEX),
	[F_SRCID] = FD(NULL, "nmpi.session.src_conn_id",
	    "Source connection ID", 0, 16, ST_FMT_HEX),
	[F_DSTID] = FD(NULL, "nmpi.session.dest_conn_id",
	    "Destination connection ID", 0, 16, ST_FMT_HEX),
	[F_SENDSEQ] = FD(NULL, "nmpi.session.send_seq_number",
	    "Send sequence number", 0, 16, ST_FMT_DEC),
	[F_TOTAL] = FD(NULL, "nmpi.session.total_data_length",
	    "Total data length", 0, 16, ST_FMT_DEC),
	[F_OFFSET] = FD(NULL, "nmpi.session.offset", "Offset", 0, 16,
	    ST_FMT_DEC),
	[F_DLEN] = FD(NULL, "nmpi.session.data_length", "Data length", 0, 16,
	    ST_FMT_DEC),
	[F_RECVSEQ] = FD(NULL, "nmpi.session.recv_seq_number",
	    "Receive sequence number", 0, 16, ST_FMT_DEC),
	[F_RCVD] = FD(NULL, "nmpi.session.bytes_received", "Bytes received",
	    0, 16, ST_FMT_DEC),
	[F_OPCODE] = FDN(NULL, "nmpi.opcode", "Opcode", 0, 8, ST_FMT_HEX,
	    op_names),
	[F_NMTYPE] = FD(NULL, "nmpi.name_type", "Name Type", 0, 8,
	    ST_FMT_HEX),
	[F_MSGID] = FD(NULL, "nmpi.messageid", "Message ID", 0, 16,
	    ST_FMT_HEX),
};

/* A bit of a byte, as Wireshark names it. */
struct nbit {
	struct st_field_desc fd;
	uint8_t		 mask;
};
#define NB(n, m)	{ FD(NULL, n, n, 0, 1, ST_FMT_BOOL), (m) }

static const struct nbit flag_bits[] = {
	NB("nmpi.name_flags.group", 0x80), NB("nmpi.name_flags.in_use", 0x40),
	NB("nmpi.name_flags.registered", 0x04),
	NB("nmpi.name_flags.duplicated", 0x02),
	NB("nmpi.name_flags.deregistered", 0x01),
};

static const struct nbit conn_bits[] = {
	NB("nmpi.conn_control.sys_packet", 0x80),
	NB("nmpi.conn_control.ack", 0x40),
	NB("nmpi.conn_control.attention", 0x20),
	NB("nmpi.conn_control.end_msg", 0x10),
	NB("nmpi.conn_control.resend", 0x08),
};

/* The n-byte little-endian value at off, or -1. */
static long long
le_at(const struct st_cur *c, size_t off, size_t n)
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

/* Row f over n little-endian bytes at off, with the bits of a byte;
 * its value, or -1 (the cursor marked cut). */
static long long
num(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n,
    const struct nbit *b, size_t nb)
{
	long long v = le_at(c, off, n);
	struct st_field *fl;
	size_t i;

	if (c->err != ST_OK)
		return -1;
	if (v < 0) {
		c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(d, c, &nb_fields[f], off, n)) != NULL)
		fl->val = (uint64_t)v;
	for (i = 0; i < nb && !d->pkt->lite; i++)
		st_pkt_add_field(d->pkt, &b[i].fd, (uint32_t)((c->off + off) *
		    8 + 7 - (unsigned)__builtin_ctz(b[i].mask)), 1,
		    (v & b[i].mask) != 0);
	return v;
}

/* The eight IPX network numbers at the start: those not zero. */
static void
routes(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *f;
	long long v;
	char text[16];
	size_t i;

	for (i = 0; i < 8 && c->err == ST_OK; i++) {
		if ((v = le_at(c, 4 * i, 4)) < 0) {
			c->err = ST_ETRUNC;
			return;
		}
		if (v == 0)
			continue;
		v = (long long)st_peek_bits(c, 32 * i, 32);
		snprintf(text, sizeof(text), "0x%08llx", v);
		if ((f = st_dtext(d, c, &nb_fields[F_NET], 4 * i, 4, text)) !=
		    NULL)
			f->val = (uint64_t)v;
	}
}

/* A NetBIOS name at off: its 15 bytes without the padding spaces, then
 * its type byte. */
static void
nbname(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_cur t = *c;
	const uint8_t *p;
	char buf[15 * 4 + 1];
	size_t i, n, k = 0;

	if (c->err != ST_OK)
		return;
	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, NB_NAMELEN)) ==
	    NULL) {
		c->err = ST_ETRUNC;
		return;
	}
	for (n = 15; n > 0 && p[n - 1] == ' '; n--)
		;
	for (i = 0; i < n; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f)
			buf[k++] = (char)p[i];
		else
			k += (size_t)sprintf(buf + k, "<%02x>", p[i]);
	}
	buf[k] = '\0';
	st_dtext(d, c, &nb_fields[F_NAME], off, 15, buf);
	num(d, c, F_NAMETYPE, off + 15, 1, NULL, 0);
}

/* The bytes after off: SMB's when they start with its magic, else
 * data. */
static void
payload(struct st_dctx *d, struct st_cur *c, size_t off)
{
	long long m = -1;
	struct st_cur t = *c;

	d->hdr = off;
	if (st_cur_skip(&t, off) && st_cur_need(&t, 4))
		m = (long long)st_peek_bits(&t, 0, 32);
	if (m == SMB_MAGIC) {
		d->next_key = ST_KEY_FRAMED;
		d->next_val = SMB_MAGIC;
	} else if (off < st_cur_left(c))
		d->data = 1;
}

/* The IPX packet type of the layer below (20: a WAN broadcast). */
static long long
ipx_type(const struct st_dctx *d)
{
	unsigned i;

	for (i = d->ly->field0; i-- > 0; )
		if (strcmp(d->pkt->fields[i].desc->name,
		    "ipx.packet_type") == 0)
			return (long long)d->pkt->fields[i].val;
	return -1;
}

static int
nbipx_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 0;
	long long ds;
	int has_routes = ipx_type(d) == 0x14;

	/* a 50-byte name reply carries the networks too */
	if (!has_routes && left == 50 && (ds = le_at(c, ROUTES + 1, 1)) >=
	    DS_FIND_NAME && ds <= DS_DEREGISTER)
		has_routes = 1;
	if (has_routes) {
		routes(d, c);
		off = ROUTES;
	}
	if ((ds = le_at(c, off + 1, 1)) < 0)
		return ST_ETRUNC;
	if (ds >= DS_FIND_NAME && ds <= DS_DEREGISTER) {
		num(d, c, F_FLAGS, off, 1, flag_bits, NFIELDS(flag_bits));
		num(d, c, F_DSTYPE, off + 1, 1, NULL, 0);
		nbname(d, c, off + 2);
		d->hdr = off + 2 + NB_NAMELEN;
	} else if (ds >= DS_SESSION_DATA && ds <= DS_SESSION_END_ACK) {
		num(d, c, F_CONN, off, 1, conn_bits, NFIELDS(conn_bits));
		num(d, c, F_DSTYPE, off + 1, 1, NULL, 0);
		num(d, c, F_SRCID, off + 2, 2, NULL, 0);
		num(d, c, F_DSTID, off + 4, 2, NULL, 0);
		num(d, c, F_SENDSEQ, off + 6, 2, NULL, 0);
		num(d, c, F_TOTAL, off + 8, 2, NULL, 0);
		num(d, c, F_OFFSET, off + 10, 2, NULL, 0);
		num(d, c, F_DLEN, off + 12, 2, NULL, 0);
		num(d, c, F_RECVSEQ, off + 14, 2, NULL, 0);
		num(d, c, F_RCVD, off + 16, 2, NULL, 0);
		if (c->err == ST_OK)
			payload(d, c, off + 18);
	} else if (ds == DS_DIRECTED) {
		num(d, c, F_CONN, off, 1, conn_bits, NFIELDS(conn_bits));
		num(d, c, F_DSTYPE, off + 1, 1, NULL, 0);
		nbname(d, c, off + 2);
		nbname(d, c, off + 2 + NB_NAMELEN);
		if (c->err == ST_OK)
			payload(d, c, off + 2 + 2 * NB_NAMELEN);
	} else {
		/* an unknown byte, the type; the rest not known */
		num(d, c, F_DSTYPE, off + 1, 1, NULL, 0);
		d->hdr = off + 2;
		if (d->hdr < left)
			d->data = 1;
	}
	return c->err;
}

static int
nmpi_decode(struct st_dctx *d, struct st_cur *c)
{
	long long op;

	routes(d, c);
	op = num(d, c, F_OPCODE, ROUTES, 1, NULL, 0);
	num(d, c, F_NMTYPE, ROUTES + 1, 1, NULL, 0);
	num(d, c, F_MSGID, ROUTES + 2, 2, NULL, 0);
	nbname(d, c, ROUTES + 4);
	nbname(d, c, ROUTES + 4 + NB_NAMELEN);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = ROUTES + 4 + 2 * NB_NAMELEN;
	if (op == OP_MAILSLOT_SEND)
		payload(d, c, d->hdr);
	else if (d->hdr < st_cur_left(c))
		d->data = 1;
	return ST_OK;
}

static const struct st_bind nbipx_binds[] = {
	{ ST_KEY_IPXSOCK, 0x0455 },
};

static const struct st_bind nmpi_binds[] = {
	{ ST_KEY_IPXSOCK, 0x0551 }, { ST_KEY_IPXSOCK, 0x0553 },
};

/* "nbipx Directed datagram ADMINTEST<00>", "nmpi Mailslot write
 * INDIA-IT<00>". */
static int
nb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NNB];
	const struct st_field *what;
	const struct st_valname *v, *names;

	st_ly_fields(s->pkt, ly, nb_fields, F_NNB, f);
	st_out_puts(s->o, ly->proto->name);
	what = f[F_OPCODE] != NULL ? f[F_OPCODE] : f[F_DSTYPE];
	names = f[F_OPCODE] != NULL ? op_names : ds_names;
	if (what != NULL) {
		for (v = names; v->name != NULL && v->val != what->val; v++)
			;
		if (v->name != NULL)
			st_out_printf(s->o, " %s", v->name);
	}
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
		if (f[F_NAMETYPE] != NULL)
			st_out_printf(s->o, "<%02x>",
			    (unsigned)f[F_NAMETYPE]->val);
	}
	return 1;
}

static const struct st_field_desc *const nb_keys[] = {
	&nb_fields[F_DSTYPE], &nb_fields[F_OPCODE], &nb_fields[F_NAME], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_nbipx = {
	.name = "nbipx",
	.ws = "nbipx",
	.title = "NetBIOS over IPX",
	.rfc = "(none public)",
	.role = ST_ROLE_APP,
	.fields = nb_fields,
	.nfields = F_NNB,
	.decode = nbipx_decode,
	.binds = nbipx_binds,
	.nbinds = NFIELDS(nbipx_binds),
	/* @summary */
	.summary = nb_summary,
	/* @views */
	.keys = nb_keys,
	.color = "\033[35m",
	.explain = "NetBIOS on Novell's IPX, socket 0x0455: name claims and "
	    "queries (broadcast with the eight networks they crossed), "
	    "session data, and datagrams from one NetBIOS name to another, "
	    "which carry SMB (browser announcements).",
	/* @craft */
	/* @probes */
};

const struct st_proto st_proto_nmpi = {
	.name = "nmpi",
	.ws = "nmpi",
	.title = "Name Management Protocol over IPX",
	.rfc = "[MS-CIFS] (smbpub.txt)",
	.role = ST_ROLE_APP,
	.fields = nb_fields,
	.nfields = F_NNB,
	.decode = nmpi_decode,
	.binds = nmpi_binds,
	.nbinds = NFIELDS(nmpi_binds),
	/* @summary */
	.summary = nb_summary,
	/* @views */
	.keys = nb_keys,
	.color = "\033[35m",
	.explain = "Microsoft's SMB directly on IPX (\"direct hosting\"): "
	    "name claims and queries on socket 0x0551, mailslot writes "
	    "(browser announcements in SMB Transactions) on 0x0553, each "
	    "after the eight IPX networks the broadcast crossed, an opcode, "
	    "a name type, a message ID and two NetBIOS names.",
	/* @craft */
	/* @probes */
};
