/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetBIOS Datagram Service (RFC 1002 4.4) on UDP 138: a 10-byte header
 * (type, flags, datagram ID, the source's address and port), then for a
 * direct or broadcast datagram its length, fragment offset and the
 * source and destination NetBIOS names in first-level encoding, then the
 * user data: an SMB "mailslot" message of the browser service, named by
 * its first four bytes as NetBIOS sessions name theirs.
 *
 *   +--------+--------+-----------------+--------------------------+
 *   |  type  | flags  |   datagram ID   |   source IP   | src port |
 *   +--------+--------+-----------------+--------------------------+
 *   | dgram length | packet offset | source name | destination name |
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define NBDGM_PORT	138
#define NBDGM_HDR	10
#define NB_NAMELEN	34

enum { T_DIRECT_UNIQUE = 0x10, T_DIRECT_GROUP = 0x11, T_BROADCAST = 0x12,
	T_ERROR = 0x13, T_QUERY = 0x14, T_POSITIVE = 0x15, T_NEGATIVE = 0x16 };

enum { F_TYPE, F_FLAGS, F_NEXT, F_FIRST, F_NODE, F_ID, F_SRCIP, F_SRCPORT,
	F_LEN, F_OFFSET, F_ERR, F_SRCNAME, F_DSTNAME, F_NNBDGM };

static const struct st_valname type_names[] = {
	{ T_DIRECT_UNIQUE, "Direct_unique datagram" },
	{ T_DIRECT_GROUP, "Direct_group datagram" },
	{ T_BROADCAST, "Broadcast datagram" },
	{ T_ERROR, "Datagram error" }, { T_QUERY, "Datagram query request" },
	{ T_POSITIVE, "Datagram positive query response" },
	{ T_NEGATIVE, "Datagram negative query response" }, { 0, NULL }
};

static const struct st_valname node_names[] = {
	{ 0, "B node" }, { 1, "P node" }, { 2, "M node" }, { 3, "NBDD" },
	{ 0, NULL }
};

static const struct st_field_desc nbdgm_fields[F_NNBDGM] = {
	[F_TYPE] = FDN("type", "nbdgm.type", "Message Type", 0, 8, ST_FMT_DEC,
	    type_names),
	[F_FLAGS] = FD("flags", "nbdgm.flags", "Flags", 8, 8, ST_FMT_HEX),
	[F_NODE] = FDDN(NULL, "nbdgm.node_type", "Node Type", 12, 2,
	    ST_FMT_DEC, node_names),
	[F_FIRST] = FDD(NULL, "nbdgm.first", "First fragment", 14, 1,
	    ST_FMT_BOOL),
	[F_NEXT] = FDD(NULL, "nbdgm.next", "More fragments follow", 15, 1,
	    ST_FMT_BOOL),
	[F_ID] = FD("id", "nbdgm.dgram_id", "Datagram ID", 16, 16,
	    ST_FMT_HEX),
	[F_SRCIP] = FD("src", "nbdgm.src.ip", "Source IP", 32, 32,
	    ST_FMT_IPV4),
	[F_SRCPORT] = FD("sport", "nbdgm.src.port", "Source Port", 64, 16,
	    ST_FMT_DEC),
	[F_LEN] = FD(NULL, "nbdgm.dgram_len", "Datagram length", 80, 16,
	    ST_FMT_DEC),
	[F_OFFSET] = FD(NULL, "nbdgm.pkt_offset", "Packet offset", 96, 16,
	    ST_FMT_DEC),
	[F_ERR] = FD(NULL, "nbdgm.error_code", "Error code", 80, 8,
	    ST_FMT_HEX),
	[F_SRCNAME] = FD(NULL, "nbdgm.source_name", "Source name", 0, 0,
	    ST_FMT_TEXT),
	[F_DSTNAME] = FD(NULL, "nbdgm.destination_name", "Destination name",
	    0, 0, ST_FMT_TEXT),
};

/*
 * The first-level encoded name at byte off as Wireshark writes it
 * ("NAME<00>": padding spaces dropped, a byte that is not printable as
 * <xx>).  Returns the bytes it takes, 0 when it is no such name.
 */
static size_t
nb_name(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;
	const uint8_t *p;
	uint8_t name[16];
	char buf[16 * 4 + 8];
	size_t i, n, k = 0;

	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, NB_NAMELEN)) ==
	    NULL || p[0] != 32 || p[33] != 0)
		return 0;
	for (i = 0; i < 16; i++) {
		if (p[1 + 2 * i] < 'A' || p[1 + 2 * i] > 'P' ||
		    p[2 + 2 * i] < 'A' || p[2 + 2 * i] > 'P')
			return 0;
		name[i] = (uint8_t)((p[1 + 2 * i] - 'A') << 4 |
		    (p[2 + 2 * i] - 'A'));
	}
	for (n = 15; n > 0 && name[n - 1] == ' '; n--)
		;
	for (i = 0; i < n; i++) {
		if (name[i] >= 0x20 && name[i] < 0x7f)
			buf[k++] = (char)name[i];
		else
			k += (size_t)sprintf(buf + k, "<%02x>", name[i]);
	}
	sprintf(buf + k, "<%02x>", name[15]);
	st_dtext(d, c, &nbdgm_fields[f], off, NB_NAMELEN, buf);
	return NB_NAMELEN;
}

static int
nbdgm_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = NBDGM_HDR;
	struct st_field *f;
	struct st_cur t;
	unsigned type;
	uint32_t magic;

	if ((f = st_dfield(d, c, &nbdgm_fields[F_TYPE])) == NULL)
		return ST_ETRUNC;
	type = (unsigned)f->val;
	st_dfields(d, c, &nbdgm_fields[F_FLAGS], F_LEN - F_FLAGS);
	if (c->err != ST_OK)
		return ST_ETRUNC;
	switch (type) {
	case T_DIRECT_UNIQUE: case T_DIRECT_GROUP: case T_BROADCAST:
		st_dfield(d, c, &nbdgm_fields[F_LEN]);
		st_dfield(d, c, &nbdgm_fields[F_OFFSET]);
		off = 14;
		if (c->err != ST_OK)
			return ST_ETRUNC;
		if (nb_name(d, c, F_SRCNAME, off) == 0 ||
		    nb_name(d, c, F_DSTNAME, off + NB_NAMELEN) == 0)
			return left < off + 2 * NB_NAMELEN ? ST_ETRUNC :
			    st_dmalformed(d, "a name is not a NetBIOS name");
		off += 2 * NB_NAMELEN;
		t = *c;
		st_cur_skip(&t, off);
		magic = st_get_be32(&t);
		if (t.err == ST_OK && (magic & 0xffffff) == 0x534d42) {
			d->next_key = ST_KEY_FRAMED;
			d->next_val = magic;
		} else
			d->data = 1;
		break;
	case T_ERROR:
		st_dfield(d, c, &nbdgm_fields[F_ERR]);
		off = 11;
		break;
	case T_QUERY: case T_POSITIVE: case T_NEGATIVE:
		if (nb_name(d, c, F_DSTNAME, off) == 0)
			return left < off + NB_NAMELEN ? ST_ETRUNC :
			    st_dmalformed(d, "the name is not a NetBIOS name");
		off += NB_NAMELEN;
		break;
	default:
		return st_dmalformed(d, "unknown message type 0x%02x", type);
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = off;
	return ST_OK;
}

static const struct st_bind nbdgm_binds[] = {
	{ ST_KEY_UDPPORT, NBDGM_PORT },
};

/* "nbdgm Broadcast datagram DJP95S0J<00> → ARBEITSGRUPPE<1d>". */
static int
nbdgm_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NNBDGM];
	const struct st_valname *v;

	st_ly_fields(s->pkt, ly, nbdgm_fields, F_NNBDGM, f);
	st_out_puts(s->o, "nbdgm");
	if (f[F_TYPE] != NULL) {
		for (v = type_names; v->name != NULL &&
		    v->val != f[F_TYPE]->val; v++)
			;
		st_out_printf(s->o, " %s", v->name != NULL ? v->name :
		    "type");
	}
	if (f[F_SRCNAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_SRCNAME]);
		st_out_puts(s->o, " \xe2\x86\x92");
	}
	if (f[F_DSTNAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_DSTNAME]);
	}
	return 1;
}

static const struct st_field_desc *const nbdgm_keys[] = {
	&nbdgm_fields[F_TYPE], &nbdgm_fields[F_ID], &nbdgm_fields[F_SRCIP],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_nbdgm = {
	.name = "nbdgm",
	.ws = "nbdgm",
	.title = "NetBIOS Datagram Service",
	.rfc = "RFC 1002",
	.role = ST_ROLE_APP,
	.fields = nbdgm_fields,
	.nfields = F_NNBDGM,
	.decode = nbdgm_decode,
	.binds = nbdgm_binds,
	.nbinds = NFIELDS(nbdgm_binds),
	/* @summary */
	.summary = nbdgm_summary,
	/* @views */
	.keys = nbdgm_keys,
	.color = "\033[35m",
	.explain = "Connectionless NetBIOS messages on UDP 138, mostly "
	    "broadcasts of the Windows browser service (host announcements, "
	    "elections) in SMB mailslot messages.  The header repeats the "
	    "sender's IP address and port (they may differ from the IP "
	    "header's behind a datagram distributor) and names the source "
	    "and destination NetBIOS names.",
	/* @craft */
	/* @probes */
};
