/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ATP, the AppleTalk Transaction Protocol (Inside AppleTalk, 2nd ed.,
 * chapter 9), DDP type 3: a request (TReq) asks for up to eight response
 * packets (TResp), the bitmap saying which are still wanted; in
 * exactly-once mode (XO) the requester releases the transaction (TRel)
 * when it has them all.
 *
 * +---+-+-+-+-----+---------------+-------------------------------+
 * |fn |X|E|S|TRel | bitmap / seq  |       transaction ID (16)     |
 * |   |O|O|T|timer|               |                               |
 * +---+-+-+-+-----+---------------+-------------------------------+
 * |                       user bytes (32)                         |
 * +---------------------------------------------------------------+
 *
 * Wireshark shows the user bytes as ATP's only in a release; in a request
 * or a response they are the first bytes of what ATP carries (ASP, PAP,
 * or ZIP's GetZoneList family when socket 6 is either end).  Which
 * protocol a response carries is known only from its request: a response
 * is shown as data here.
 */
#include "strata/out.h"
#include "fields.h"

#define ATP_TREQ	1
#define ATP_TRESP	2
#define ATP_TREL	3
#define ATP_XO		0x20

static const struct st_valname fn_names[] = {
	{ ATP_TREQ, "REQuest" }, { ATP_TRESP, "RESPonse" },
	{ ATP_TREL, "RELease" }, { 0, NULL }
};

static const struct st_valname trel_names[] = {
	{ 0, "30 seconds" }, { 1, "1 minute" }, { 2, "2 minutes" },
	{ 3, "4 minutes" }, { 4, "8 minutes" }, { 0, NULL }
};

enum { A_CTRL, A_FN, A_XO, A_EOM, A_STS, A_TREL, A_BITMAP, A_TID, A_USER };

static const struct st_field_desc atp_fields[] = {
	[A_CTRL] = FD("ctrl", "atp.ctrlinfo", "Control info", 0, 8,
	    ST_FMT_HEX),
	[A_FN] = FDDN("function", "atp.function", "Function", 0, 2,
	    ST_FMT_DEC, fn_names),
	[A_XO] = FDD("xo", "atp.xo", "XO", 2, 1, ST_FMT_BOOL),
	[A_EOM] = FDD("eom", "atp.eom", "EOM", 3, 1, ST_FMT_BOOL),
	[A_STS] = FDD("sts", "atp.sts", "STS", 4, 1, ST_FMT_BOOL),
	[A_TREL] = FDDN("trel", "atp.treltimer", "TRel timer", 5, 3,
	    ST_FMT_DEC, trel_names),
	[A_BITMAP] = FD("bitmap", "atp.bitmap", "Bitmap", 8, 8, ST_FMT_HEX),
	[A_TID] = FD("tid", "atp.tid", "TID", 16, 16, ST_FMT_DEC),
	[A_USER] = FD("user", "atp.user_bytes", "User bytes", 32, 32,
	    ST_FMT_HEX),
};

/*
 * The DDP socket a request is sent from or to that a protocol binds (6:
 * ZIP), read from the DDP layer below by Wireshark's field names, as
 * Wireshark's ATP reads the ports DDP left in its packet_info.
 */
static uint64_t
atp_socket(const struct st_dctx *d)
{
	const struct st_layer *ddp = st_dbelow(d->pkt, d->ly);
	uint64_t dst, src;

	if (ddp == NULL)
		return 0;
	dst = st_pkt_val(d->pkt, ddp, "ddp.dst_socket", 0);
	src = st_pkt_val(d->pkt, ddp, "ddp.src_socket", 0);
	if (st_proto_next(ST_KEY_ATPSOCK, dst) != NULL)
		return dst;
	return src;
}

static int
atp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned ctl, fn;

	if (st_dfields(d, c, atp_fields, A_TREL) != ST_OK)
		return c->err;
	ctl = (unsigned)st_peek_bits(c, 0, 8);
	fn = ctl >> 6;
	/* the release timer means something only in an XO request */
	if (fn == ATP_TREQ && (ctl & ATP_XO) != 0)
		st_dfield(d, c, &atp_fields[A_TREL]);
	st_dfield(d, c, &atp_fields[A_BITMAP]);
	st_dfield(d, c, &atp_fields[A_TID]);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	if (fn == ATP_TREL) {
		if (st_dfield(d, c, &atp_fields[A_USER]) == NULL)
			return c->err;
		d->hdr = 8;
		d->plen = 0;
		return ST_OK;
	}
	if (fn == ATP_TREQ) {
		d->next_key = ST_KEY_ATPSOCK;
		d->next_val = atp_socket(d);
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind atp_binds[] = {
	{ ST_KEY_DDPTYPE, 3 },
};

/* "atp REQuest 4660 XO, bitmap 0x01" */
static int
atp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[A_USER + 1];
	const char *fn;

	st_ly_fields(s->pkt, ly, atp_fields, A_USER + 1, f);
	if (f[A_CTRL] == NULL || f[A_TID] == NULL || f[A_BITMAP] == NULL)
		return 0;
	fn = st_valname(fn_names, (uint32_t)(f[A_CTRL]->val >> 6));
	st_out_printf(s->o, "atp %s %u", fn != NULL ? fn : "function 0",
	    (unsigned)f[A_TID]->val);
	if (f[A_CTRL]->val & ATP_XO)
		st_out_puts(s->o, " XO");
	if (f[A_CTRL]->val & 0x10)
		st_out_puts(s->o, " EOM");
	st_out_printf(s->o, (f[A_CTRL]->val >> 6) == ATP_TRESP ?
	    ", seq %u" : ", bitmap 0x%02x", (unsigned)f[A_BITMAP]->val);
	return 1;
}

static const struct st_field_desc *const atp_keys[] = {
	&atp_fields[A_FN], &atp_fields[A_BITMAP], &atp_fields[A_TID], NULL,
};

const struct st_proto st_proto_atp = {
	.name = "atp",
	.ws = "atp",
	.title = "AppleTalk Transaction Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 9",
	.role = ST_ROLE_TRANSPORT,
	.fields = atp_fields,
	.nfields = NFIELDS(atp_fields),
	.decode = atp_decode,
	.binds = atp_binds,
	.nbinds = NFIELDS(atp_binds),
	.summary = atp_summary,
	.keys = atp_keys,
	.color = "\033[32m",
	.explain_bits = 64,
	.explain = "Requests and their responses, reliably: a request "
	    "(function 1) carries a bitmap of the up to eight response "
	    "packets it wants; each response (2) carries its sequence number "
	    "in that byte, EOM on the last. The requester sends the request "
	    "again, with the bitmap of those still missing, until it has "
	    "them. In exactly-once mode (XO) the responder keeps its answer "
	    "until a release (3) or the TRel timer ends the transaction, so a "
	    "repeated request is not carried out twice.",
};
