/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetBIOS Session Service (RFC 1002 4.3) on TCP 139, and the same framing
 * that SMB over TCP 445 keeps ("direct hosting", MS-SMB2 2.1): a type,
 * then the length of the message that follows.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------+---------------+-------------------------------+
 *   |     Type      |    Flags    |E|            Length             |  139
 *   +---------------+---------------+-------------------------------+
 *   |     Type      |               Length (24 bits)                |  445
 *   +---------------+-----------------------------------------------+
 *
 * A session message (type 0) carries SMB, named by its first four bytes
 * (0xff 'SMB', 0xfe 'SMB', 0xfd 'SMB' encrypted).  A session request
 * names the called and calling NetBIOS names, each in RFC 1001's
 * first-level encoding.  A segment that starts with no valid header
 * continues a message begun earlier: Wireshark, without reassembly,
 * shows it as continuation data.
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define NBSS_PORT	139
#define SMB_PORT	445
#define NB_NAMELEN	34	/* length byte, 32 letters, root label */

enum { N_MSG = 0x00, N_REQ = 0x81, N_POS = 0x82, N_NEG = 0x83,
	N_RETARGET = 0x84, N_KEEPALIVE = 0x85 };

enum { F_TYPE, F_FLAGS, F_E, F_LEN, F_LEN24, F_CALLED, F_CALLING, F_ERR,
	F_RIP, F_RPORT, F_CONT, F_NNBSS };

static const struct st_valname type_names[] = {
	{ N_MSG, "Session message" }, { N_REQ, "Session request" },
	{ N_POS, "Positive session response" },
	{ N_NEG, "Negative session response" },
	{ N_RETARGET, "Retarget session response" },
	{ N_KEEPALIVE, "Session keep-alive" }, { 0, NULL }
};

static const struct st_valname err_names[] = {
	{ 0x80, "Not listening on called name" },
	{ 0x81, "Not listening for calling name" },
	{ 0x82, "Called name not present" },
	{ 0x83, "Called name present, but insufficient resources" },
	{ 0x8f, "Unspecified error" }, { 0, NULL }
};

static const struct st_field_desc nbss_fields[F_NNBSS] = {
	[F_TYPE] = FDN("type", "nbss.type", "Message Type", 0, 8, ST_FMT_HEX,
	    type_names),
	[F_FLAGS] = FD("flags", "nbss.flags", "Flags", 8, 8, ST_FMT_HEX),
	[F_E] = FDD(NULL, "nbss.flags.e", "Add 65536 to length", 15, 1,
	    ST_FMT_BOOL),
	[F_LEN] = FD("len", "nbss.length", "Length", 16, 16, ST_FMT_DEC),
	[F_LEN24] = FD(NULL, "nbss.length", "Length", 8, 24, ST_FMT_DEC),
	[F_CALLED] = FD(NULL, "nbss.called_name", "Called name", 0, 0,
	    ST_FMT_TEXT),
	[F_CALLING] = FD(NULL, "nbss.calling_name", "Calling name", 0, 0,
	    ST_FMT_TEXT),
	[F_ERR] = FDN(NULL, "nbss.error_code", "Error code", 32, 8,
	    ST_FMT_HEX, err_names),
	[F_RIP] = FD(NULL, "nbss.retarget_ip_address", "Retarget IP "
	    "address", 32, 32, ST_FMT_IPV4),
	[F_RPORT] = FD(NULL, "nbss.retarget_port", "Retarget port", 64, 16,
	    ST_FMT_DEC),
	[F_CONT] = FD(NULL, "nbss.continuation_data", "Continuation data", 0,
	    0, ST_FMT_BYTES),
};

/* A NetBIOS name's bytes as Wireshark writes them: printable ASCII as
 * is, any other byte as <xx> (no byte from the wire reaches a terminal
 * raw).  out holds 4 * n + 1. */
static void
nb_text(const uint8_t *name, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (name[i] >= 0x20 && name[i] < 0x7f)
			out[k++] = (char)name[i];
		else
			k += (size_t)sprintf(out + k, "<%02x>", name[i]);
	}
	out[k] = '\0';
}

/*
 * A NetBIOS name in first-level encoding (RFC 1001 14.1) at byte off:
 * 32 letters 'A'..'P', two per byte, then the root label.  Written as
 * Wireshark does: the 15-byte name without its padding spaces, and the
 * 16th byte, its suffix, in angle brackets ("FILESRV<20>").  Returns the
 * bytes it took, 0 when it is no such name.
 */
static size_t
nb_name(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;
	const uint8_t *p;
	uint8_t name[16];
	char raw[16 * 4 + 1], buf[16 * 4 + 8];
	size_t i, n;

	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, NB_NAMELEN)) ==
	    NULL)
		return 0;
	if (p[0] != 32 || p[33] != 0)
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
	nb_text(name, n, raw);
	snprintf(buf, sizeof(buf), "%s<%02x>", raw, name[15]);
	st_dtext(d, c, &nbss_fields[f], off, NB_NAMELEN, buf);
	return NB_NAMELEN;
}

/* Whether the four bytes at c start an SMB message of any version. */
static int
smb_magic(struct st_cur *c, uint32_t *magic)
{
	struct st_cur t = *c;

	*magic = st_get_be32(&t);
	return t.err == ST_OK && (*magic & 0xffffff) == 0x534d42 &&
	    (*magic >> 24) >= 0xfd;
}

/* Whether the header at c is a valid one (type, flags, and for a session
 * message SMB after it when those bytes are there). */
static int
valid(struct st_cur *c, int direct, size_t left)
{
	struct st_cur t = *c;
	unsigned type = st_get_u8(&t), flags = st_get_u8(&t);
	uint32_t magic;

	if (t.err != ST_OK || left < 4)
		return 0;
	if (type != N_MSG && (type < N_REQ || type > N_KEEPALIVE))
		return 0;
	if (!direct && (flags & 0xfe) != 0)
		return 0;
	st_cur_skip(&t, 2);
	return type != N_MSG || left < 8 || smb_magic(&t, &magic);
}

/* Whether the segment is on port 445 (SMB's direct hosting). */
static int
direct_port(const struct st_dctx *d)
{
	const struct st_layer *tl;
	const struct st_field *f;
	int i, k;

	for (i = (int)d->pkt->nlayers - 1; i >= 0; i--) {
		tl = &d->pkt->layers[i];
		if (tl->proto->role != ST_ROLE_TRANSPORT ||
		    tl->proto->ends[0] == NULL)
			continue;
		for (k = 0; k < 2; k++)
			if ((f = st_pkt_fd(d->pkt, tl, tl->proto->ends[k])) !=
			    NULL && f->val == SMB_PORT)
				return 1;
		return 0;
	}
	return 0;
}

static int
nbss_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	int direct = direct_port(d);
	struct st_field *f, *e = NULL;
	struct st_cur t;
	uint32_t magic;
	unsigned type;

	if (left == 0)
		return ST_ENOTME;
	if (!valid(c, direct, left)) {
		if (left < 4 && d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		st_dbytes(d, c, &nbss_fields[F_CONT], 0, left);
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	if ((f = st_dfield(d, c, &nbss_fields[F_TYPE])) == NULL)
		return ST_ETRUNC;
	type = (unsigned)f->val;
	if (direct) {
		f = st_dfield(d, c, &nbss_fields[F_LEN24]);
	} else {
		st_dfield(d, c, &nbss_fields[F_FLAGS]);
		e = st_dfield(d, c, &nbss_fields[F_E]);
		if ((f = st_dfield(d, c, &nbss_fields[F_LEN])) != NULL &&
		    e != NULL && e->val)
			f->val |= 0x10000;
	}
	if (f == NULL)
		return ST_ETRUNC;
	len = (size_t)f->val;
	d->hdr = 4;
	switch (type) {
	case N_MSG:
		t = *c;
		st_cur_skip(&t, 4);
		if (len > 0 && smb_magic(&t, &magic)) {
			d->next_key = ST_KEY_FRAMED;
			d->next_val = magic;
		} else
			d->data = 1;
		break;
	case N_REQ:
		if (nb_name(d, c, F_CALLED, 4) > 0)
			nb_name(d, c, F_CALLING, 4 + NB_NAMELEN);
		d->hdr = 4 + len < left ? 4 + len : left;
		break;
	case N_NEG:
		st_dfield(d, c, &nbss_fields[F_ERR]);
		d->hdr = 5;
		break;
	case N_RETARGET:
		st_dfield(d, c, &nbss_fields[F_RIP]);
		st_dfield(d, c, &nbss_fields[F_RPORT]);
		d->hdr = 10;
		break;
	}
	if (c->err != ST_OK)
		return c->err;
	if (d->hdr > left)
		return ST_ETRUNC;
	if (len + 4 > left)
		st_pkt_note(d->pkt, "NBSS: a message continues in a later "
		    "segment");
	else if (type == N_MSG)
		d->plen = len;	/* what follows is another message */
	return ST_OK;
}

static const struct st_bind nbss_binds[] = {
	{ ST_KEY_TCPPORT, NBSS_PORT },
	{ ST_KEY_TCPPORT, SMB_PORT },
};

/* A session message is what it carries ("smb2 create \\s\f.txt"); the
 * others say their type and names. */
static int
nbss_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NNBSS];
	const struct st_layer *next = ly + 1;
	const struct st_valname *v;

	st_ly_fields(s->pkt, ly, nbss_fields, F_NNBSS, f);
	if (f[F_TYPE] != NULL && f[F_TYPE]->val == N_MSG &&
	    next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->role == ST_ROLE_APP &&
	    next->proto->summary != NULL)
		return next->proto->summary(s, next);
	st_out_puts(s->o, "nbss");
	if (f[F_CONT] != NULL) {
		st_out_puts(s->o, " continuation");
		return 1;
	}
	if (f[F_TYPE] == NULL)
		return 1;
	for (v = type_names; v->name != NULL && v->val != f[F_TYPE]->val;
	    v++)
		;
	if (v->name != NULL)
		st_out_printf(s->o, " %s", v->name);
	if (f[F_CALLED] != NULL) {
		st_out_puts(s->o, " to ");
		s->value(s, f[F_CALLED]);
	}
	if (f[F_CALLING] != NULL) {
		st_out_puts(s->o, " from ");
		s->value(s, f[F_CALLING]);
	}
	if (f[F_ERR] != NULL) {
		st_out_puts(s->o, " error ");
		s->value(s, f[F_ERR]);
	}
	if (f[F_LEN] != NULL || f[F_LEN24] != NULL) {
		st_out_puts(s->o, " len ");
		s->value(s, f[F_LEN] != NULL ? f[F_LEN] : f[F_LEN24]);
	}
	return 1;
}

static const struct st_field_desc *const nbss_keys[] = {
	&nbss_fields[F_TYPE], &nbss_fields[F_LEN], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_nbss = {
	.name = "nbss",
	.ws = "nbss",
	.title = "NetBIOS Session Service",
	.rfc = "RFC 1002",
	.role = ST_ROLE_APP,
	.fields = nbss_fields,
	.nfields = F_NNBSS,
	.decode = nbss_decode,
	.binds = nbss_binds,
	.nbinds = NFIELDS(nbss_binds),
	/* @summary */
	.summary = nbss_summary,
	/* @views */
	.keys = nbss_keys,
	.color = "\033[35m",
	.explain = "Frames messages on a TCP stream: a type (0 a session "
	    "message, 0x81 a session request naming the called and calling "
	    "NetBIOS names, 0x82/0x83 its answer, 0x85 keep-alive) and the "
	    "length of what follows.  On port 139 a flags byte's low bit "
	    "extends the 16-bit length; on port 445 SMB keeps the framing "
	    "with a 24-bit length and no NetBIOS session at all.",
	/* @craft */
	/* @probes */
};
