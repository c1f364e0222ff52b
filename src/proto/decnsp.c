/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DECnet's NSP (DNA NSP Functional Specification 4.0.1) and the session
 * control connect data it carries, after a routing layer data header
 * (decnet.c): message type, logical link addresses, acknowledgement and
 * segment numbers, link service flags, a connect's services and end
 * users, a disconnect's reason.  Numbers are little-endian.
 */
#include "strata/out.h"
#include "decnet.h"

/*
 * Session control's connect data (destination and source end users, the
 * menu version and what it says follows) at off.
 */
static size_t
dn_connect_data(struct st_dctx *d, struct st_cur *c, size_t off)
{
	unsigned fmt, menu, k;

	for (k = 0; k < 2 && c->err == ST_OK; k++) {
		fmt = st_dn_u8(c, off);
		st_dfields_at(d, c, off + 1, &st_dn_fields[F_OBJ], 1);
		off += 2;
		if (fmt == 2) {
			st_dn_le16(d, c, off, F_GRP);
			st_dn_le16(d, c, off + 2, F_USR);
			off += 4;
		}
		if (fmt != 0)
			off = st_dn_image(d, c, off, k == 0 ? F_DNAME : F_SNAME);
	}
	if (c->err != ST_OK || !st_cur_need(c, off + 1))
		return off;
	menu = st_dn_u8(c, off);
	st_dtext(d, c, &st_dn_fields[F_MENU], off, 1, menu == 1 || menu == 3 ?
	    "Version 1.0: RQSTRID, PASSWRD and ACCOUNT fields included" :
	    menu == 2 ? "Version 1.0: USRDATA field included" :
	    "Session control version 1.0");
	if (menu != 1 && menu != 3)
		return off;
	/* requestor ID, password, account */
	off++;
	for (k = 0; k < 3 && c->err == ST_OK; k++)
		off = st_dn_image(d, c, off, F_RQSTR);
	return off;
}

/* An acknowledgement number at off, when bit 0x8000 says it is one:
 * the offset after it. */
static size_t
dn_ack(struct st_cur *c, size_t off)
{
	struct st_cur s = *c;

	if (!st_cur_skip(&s, off))
		return off;
	return (st_get_le16(&s) & 0x8000) != 0 && s.err == ST_OK ? off + 2 :
	    off;
}

/* The segment number and its delayed-ACK bit at off. */
static size_t
dn_segnum(struct st_dctx *d, struct st_cur *c, size_t off)
{
	st_dn_le16(d, c, off, F_SEGNUM);
	st_dle(d, c, &st_dn_fields[F_DELAY], off, 2);
	return off + 2;
}

/* An NSP message at o: the offset where its user data begins. */
static size_t
dn_nsp(struct st_dctx *d, struct st_cur *c, size_t o)
{
	unsigned type;
	size_t a;

	if (!st_cur_need(c, o + 1))
		return o;
	type = st_dn_u8(c, o);
	st_dfields_at(d, c, o, &st_dn_fields[F_NSPTYPE], 1);
	if (type == NSP_NOP)
		return o + 1;
	st_dn_le16(d, c, o + 1, F_DNODE);
	if (type == NSP_CONNACK)
		return o + 3;
	st_dn_le16(d, c, o + 3, F_SNODE);
	o += 5;
	switch (type) {
	case NSP_DATA:
	case NSP_BOM:
	case NSP_EOM:
	case NSP_BOMEOM:
		/* ACKNUM and ACKOTH when present, then the number */
		if ((a = dn_ack(c, o)) != o)
			a = dn_ack(c, a);
		return dn_segnum(d, c, a);
	case NSP_INTERRUPT:
	case NSP_LINKSVC:
		/* Without an ACKNUM Wireshark reads the number and stops
		 * there, leaving a link service's flags as data. */
		if ((a = dn_ack(c, o)) == o)
			return dn_segnum(d, c, o);
		a = dn_segnum(d, c, dn_ack(c, a));
		if (type == NSP_LINKSVC) {
			st_dfields_at(d, c, a, &st_dn_fields[F_FC], 1);
			a += 2;
		}
		return a;
	case NSP_DATAACK:
	case NSP_OTHERACK:
		return dn_ack(c, o + 2);
	case NSP_CI:
	case NSP_CC:
		st_dfields_at(d, c, o, st_dn_fields + F_SERVICES, 2);
		st_dn_le16(d, c, o + 2, F_SEGSIZE);
		return dn_connect_data(d, c, o + 4);
	case NSP_DI:
	case NSP_DC:
		st_dn_le16(d, c, o, F_REASON);
		return o + 2;
	}
	return o;
}


static int
nsp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t o;

	o = dn_nsp(d, c, 0);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = o < st_cur_left(c) ? o : st_cur_left(c);
	d->data = 1;		/* the session's bytes */
	return ST_OK;
}

/* "decnet 1.8 > 1.4 nsp Connect initiate link 0x2001 > link 0x0000". */
static int
nsp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_RQSTR + 1];
	const struct st_layer *rt = st_dbelow(s->pkt, ly);
	const char *t;

	st_ly_fields(s->pkt, ly, st_dn_fields, F_RQSTR + 1, f);
	if (f[F_NSPTYPE] == NULL)
		return 0;
	/* the routing layer's addresses first, as DECnet's own rows */
	if (rt != NULL && rt->proto->fields == st_dn_fields) {
		st_out_puts(s->o, "decnet ");
		st_dn_sum_route(s, rt);
		st_out_puts(s->o, " ");
	}
	t = st_valname(st_dn_fields[F_NSPTYPE].names,
	    (uint32_t)f[F_NSPTYPE]->val);
	st_out_printf(s->o, "nsp %s", t != NULL ? t : "message");
	if (f[F_SNODE] != NULL)
		st_out_printf(s->o, " link 0x%04x >",
		    (unsigned)f[F_SNODE]->val);
	if (f[F_DNODE] != NULL)
		st_out_printf(s->o, " link 0x%04x",
		    (unsigned)f[F_DNODE]->val);
	if (f[F_SEGNUM] != NULL)
		st_out_printf(s->o, " seg %u", (unsigned)f[F_SEGNUM]->val);
	return 1;
}

static const struct st_field_desc *const nsp_keys[] = {
	&st_dn_fields[F_NSPTYPE], NULL,
};

const struct st_proto st_proto_decnsp = {
	.name = "nsp",
	/* Wireshark has no protocol of its own for NSP: its fields are
	 * dec_dna's, put beside that layer rather than in it */
	.ws = "nsp",
	.title = "DECnet Network Services Protocol",
	.rfc = "DNA NSP Functional Specification 4.0.1",
	.role = ST_ROLE_TRANSPORT,
	.fields = st_dn_fields + F_NSPTYPE,
	.nfields = F_RQSTR + 1 - F_NSPTYPE,
	/* the logical link addresses, rows it shares with the routing
	 * layer's short header */
	.more = st_dn_fields + F_DNODE,
	.nmore = 2,
	.decode = nsp_decode,
	.summary = nsp_summary,
	.keys = nsp_keys,
	.color = "\033[32m",
	.explain_bits = 8,
	.explain = "DECnet's transport: logical links between two 16-bit link "
	    "addresses. A connect initiate names the destination end user (an "
	    "object number, or a name) and may carry a user name and "
	    "password; data travels in numbered segments (BOM, EOM marking a "
	    "message's first and last), acknowledged by number (bit 0x8000 "
	    "set, 0x1000 for a NAK); interrupts and link service messages "
	    "(flow control) run on a second subchannel; a disconnect gives its "
	    "reason.",
};
