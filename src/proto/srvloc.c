/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SLP, the Service Location Protocol, on UDP and TCP 427: version 1
 * (RFC 2165) and version 2 (RFC 2608).  A client multicasts a Service
 * Request for a service type ("service:printer") in some scopes; the
 * agents offering it, or a directory agent, answer with URLs.
 *
 * Version 2's header (RFC 2608 8):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Version    |  Function-ID  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Length, contd.|O|F|R|       reserved          |Next Ext Offset|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Extension Offset, contd.|              XID              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Language Tag Length      |         Language Tag          \
 *
 * Version 1's (RFC 2165 7) is 12 bytes: version, function, a 16-bit
 * length, flags (O M U A F), dialect, a 2-letter language, the character
 * encoding and the XID.  The bodies are strings with a 16-bit length
 * before each, URL entries (lifetime, URL; in version 2 a reserved byte
 * before and a count of authentication blocks after) and counts.  Fields
 * are named and shown as Wireshark's dissector does, which reuses some
 * names across messages (srvloc.srvreq.* in a registration); the field
 * table is in srvlocrows.c.
 */
#include <string.h>

#include "strata/out.h"
#include "srvloc.h"

#define SLP_PORT	427
#define SLP_MAXURL	64	/* URL entries, types or auth blocks shown */
#define SLP_MAXITEM	64	/* attribute list items shown */

#define R(i)	(&slp_fields[(i)])

/*
 * A body is a program of steps over the message, read in order with one
 * moving cursor: a number, a string after its length, URL entries, ...
 */
enum { OP_END, OP_N, OP_S, OP_NA, OP_TS, OP_URL, OP_URLS, OP_ATTRS,
	OP_AUTHS, OP_TYPES };

struct slp_step {
	uint8_t		 op, a, b;
};

/* A body's reader: the cursor moves as the steps read. */
struct slp_rd {
	struct st_dctx	*d;
	struct st_cur	 m;
	int		 v1;
	unsigned	 enc;		/* version 1's character encoding */
};

/* The number of row's width at the cursor; 0 once a read failed. */
static uint64_t
rd_num(struct slp_rd *r, unsigned row)
{
	const struct st_field *f = st_dfield(r->d, &r->m, R(row));

	if (f == NULL)
		return 0;
	st_cur_skip(&r->m, R(row)->bits / 8);
	return f->val;
}

/* n bytes of text as row (Wireshark shows version 2's only when there
 * are some, version 1's always). */
static void
rd_text(struct slp_rd *r, unsigned row, size_t n)
{
	if ((n > 0 || r->v1) && st_cur_need(&r->m, n)) {
		st_dtext_esc(r->d, &r->m, R(row), 0, n);
		st_cur_skip(&r->m, n);
	}
}

/* A string after its 16-bit length. */
static size_t
rd_str(struct slp_rd *r, unsigned lenrow, unsigned row)
{
	size_t n = (size_t)rd_num(r, lenrow);

	if (r->m.err == ST_OK)
		rd_text(r, row, n);
	return n;
}

/* A 32-bit time in seconds since 1970 as row. */
static void
rd_time(struct slp_rd *r, unsigned row)
{
	if (!st_cur_need(&r->m, 4))
		return;
	st_dunixtime(r->d, &r->m, R(row), 0, 4, (int64_t)st_peek_bits(&r->m, 0,
	    32));
	st_cur_skip(&r->m, 4);
}

/* n version 2 authentication blocks (RFC 2608 9.2), each skipped by its
 * own length. */
static void
rd_auths(struct slp_rd *r, unsigned n)
{
	size_t len, start;
	unsigned i;

	for (i = 0; i < n && i < SLP_MAXURL && r->m.err == ST_OK; i++) {
		start = r->m.off;
		rd_num(r, A_BSD);
		len = (size_t)rd_num(r, A_LEN);
		rd_time(r, A_TS);
		rd_str(r, A_SPILEN, A_SPI);
		if (r->m.err != ST_OK)
			return;
		if (len < r->m.off - start) {
			st_dmalformed(r->d, "authentication block of %zu bytes "
			    "is shorter than its fields", len);
			r->m.err = ST_EINVAL;
			return;
		}
		st_cur_skip(&r->m, len - (r->m.off - start));
	}
}

/* A URL entry (RFC 2608 4.3, RFC 2165 9.1). */
static void
rd_url(struct slp_rd *r)
{
	if (!r->v1)
		rd_num(r, U_RES);
	rd_num(r, U_LIFE);
	rd_str(r, U_LEN, U_URL);
	if (!r->v1)
		rd_auths(r, (unsigned)rd_num(r, U_NAUTH));
}

/*
 * An attribute list (version 2's registration and reply): the list, then
 * each comma-separated item, as Wireshark splits it.
 */
static void
rd_attrs(struct slp_rd *r, unsigned lenrow, unsigned row)
{
	size_t n = (size_t)rd_num(r, lenrow), i, from = 0;
	const uint8_t *p;
	unsigned items = 0;

	if (r->m.err != ST_OK || n == 0)
		return;
	if ((p = st_get_bytes(&r->m, n)) == NULL)
		return;
	r->m.off -= n;
	st_dtext_esc(r->d, &r->m, R(row), 0, n);
	for (i = 0; i <= n && items < SLP_MAXITEM; i++)
		if (i == n || p[i] == ',' || p[i] == '\0') {
			if (i > from || (i < n && p[i] == ','))
				st_dtext_esc(r->d, &r->m, R(B_ITEM), from,
				    i - from);
			items++;
			if (i < n && p[i] == '\0')
				break;	/* Wireshark's text ends there */
			from = i + 1;
		}
	st_cur_skip(&r->m, n);
}

/* Runs a body's program. */
static void
rd_run(struct slp_rd *r, const struct slp_step *s)
{
	unsigned i, n;
	size_t len;

	for (; s->op != OP_END && r->m.err == ST_OK; s++)
		switch (s->op) {
		case OP_N:
			rd_num(r, s->a);
			break;
		case OP_S:
			rd_str(r, s->a, s->b);
			break;
		case OP_NA:	/* 0xffff: all naming authorities, no list */
			len = (size_t)rd_num(r, s->a);
			if (r->m.err == ST_OK && len != 0xffff)
				rd_text(r, s->b, len);
			break;
		case OP_TS:
			rd_time(r, s->a);
			break;
		case OP_URL:
			rd_url(r);
			break;
		case OP_URLS:
			n = (unsigned)rd_num(r, B_URLCOUNT);
			for (i = 0; i < n && i < SLP_MAXURL &&
			    r->m.err == ST_OK; i++)
				rd_url(r);
			break;
		case OP_ATTRS:
			rd_attrs(r, s->a, s->b);
			break;
		case OP_AUTHS:
			rd_auths(r, (unsigned)rd_num(r, s->a));
			break;
		case OP_TYPES:	/* version 1's list of types */
			n = (unsigned)rd_num(r, TR_COUNT);
			for (i = 0; i < n && i < SLP_MAXURL &&
			    r->m.err == ST_OK; i++)
				rd_str(r, TR_LEN, TR_TYPE);
			break;
		}
}

#define NUM(a)		{ OP_N, (a), 0 }
#define STR(a, b)	{ OP_S, (a), (b) }
#define END		{ OP_END, 0, 0 }

static const struct slp_step v2_srvrqst[] = { STR(SQ_PRLEN, SQ_PR),
	STR(SQ_STLEN, SQ_STL), STR(SQ_SCLEN, SQ_SC), STR(SQ_PREDLEN, SQ_PRED),
	STR(SQ_SPILEN, SQ_SPI), END };
static const struct slp_step v2_srvrply[] = { NUM(B_ERR2),
	{ OP_URLS, 0, 0 }, END };
static const struct slp_step v2_srvreg[] = { { OP_URL, 0, 0 },
	STR(SQ_STLEN, RG_ST), STR(SQ_SCLEN, SQ_SC),
	{ OP_ATTRS, RG_ATTRLEN, RG_ATTR }, NUM(B_ATTRAUTH), END };
static const struct slp_step v2_srvdereg[] = { STR(DR_SCLEN, DR_SC),
	{ OP_URL, 0, 0 }, STR(DR_TAGLEN, DR_TAG), END };
static const struct slp_step v2_srvack[] = { NUM(B_ERR2), END };
static const struct slp_step v2_attrrqst[] = { STR(AQ_PRLEN, AQ_PR),
	STR(AQ_URLLEN, AQ_URL), STR(AQ_SCLEN, AQ_SC), STR(AQ_TAGLEN, AQ_TAG),
	STR(AQ_SPILEN, AQ_SPI), END };
static const struct slp_step v2_attrrply[] = { NUM(B_ERR2),
	{ OP_ATTRS, AR_LEN, AR_ATTR }, NUM(B_ATTRAUTH), END };
static const struct slp_step v2_daadvert[] = { NUM(B_ERR2),
	{ OP_TS, DA_TS, 0 }, STR(DA_URLLEN, DA_URL), STR(DA_SCLEN, DA_SC),
	STR(DA_ATTRLEN, DA_ATTR), STR(DA_SPILEN, DA_SPI),
	{ OP_AUTHS, DA_AUTHS, 0 }, END };
static const struct slp_step v2_typerqst[] = { STR(TQ_PRLEN, TQ_PR),
	{ OP_NA, TQ_NALEN, TQ_NA }, STR(TQ_SCLEN, TQ_SC), END };
static const struct slp_step v2_typerply[] = { NUM(B_ERR2),
	STR(TR_LISTLEN, TR_LIST), END };
static const struct slp_step v2_saadvert[] = { STR(SA_URLLEN, SA_URL),
	STR(SA_SCLEN, SA_SC), STR(SA_ATTRLEN, SA_ATTR),
	{ OP_AUTHS, SA_AUTHS, 0 }, END };

static const struct slp_step v1_srvrqst[] = { STR(SQ_PRLEN, SQ_PR),
	STR(SQ_PREDLEN, SQ_PRED), END };
static const struct slp_step v1_srvrply[] = { NUM(B_ERR),
	{ OP_URLS, 0, 0 }, END };
static const struct slp_step v1_srvreg[] = { { OP_URL, 0, 0 },
	STR(RG_ATTRLEN, RG_ATTR), END };
static const struct slp_step v1_srvack[] = { NUM(B_ERR), END };
static const struct slp_step v1_attrrqst[] = { STR(AQ_PRLEN, AQ_PR),
	STR(AQ_URLLEN, AQ_URL), STR(AQ_SCLEN, AQ_SC),
	STR(AQ_ATTRLEN, AQ_ATTR), END };
static const struct slp_step v1_daadvert[] = { NUM(B_ERR),
	STR(DA_URLLEN, DA_URL), STR(DA_SCLEN, DA_SC), END };
static const struct slp_step v1_typerqst[] = { STR(TQ_PRLEN, TQ_PR),
	{ OP_NA, TQ_NALEN, TQ_NA }, STR(TQ_SCLEN, TQ_SC), END };
static const struct slp_step v1_typerply[] = { NUM(B_ERR),
	{ OP_TYPES, 0, 0 }, END };

/* By function (1 to 11); NULL: not decoded past the header. */
static const struct slp_step *const v2_bodies[12] = {
	NULL, v2_srvrqst, v2_srvrply, v2_srvreg, v2_srvdereg, v2_srvack,
	v2_attrrqst, v2_attrrply, v2_daadvert, v2_typerqst, v2_typerply,
	v2_saadvert,
};

/*
 * Version 1's deregistration and attribute reply are left at the header:
 * Wireshark puts the first's URL outside the SLP tree and reads the
 * second's attributes by their encoding.
 */
static const struct slp_step *const v1_bodies[12] = {
	NULL, v1_srvrqst, v1_srvrply, v1_srvreg, NULL, v1_srvack,
	v1_attrrqst, NULL, v1_daadvert, v1_typerqst, v1_typerply, NULL,
};

/* The length of the message at c, by its header (*hdr: the bytes that
 * tell it); 0 when the bytes at hand do not tell it. */
static size_t
slp_len(struct st_cur *c, size_t *hdr)
{
	unsigned ver = (unsigned)st_peek_bits(c, 0, 8);

	*hdr = ver >= 2 ? 5 : 4;
	if (c->err != ST_OK || !st_cur_need(c, *hdr))
		return 0;
	return ver >= 2 ? (size_t)st_peek_bits(c, 16, 24) :
	    (size_t)st_peek_bits(c, 16, 16);
}

static int
srvloc_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_layer *below = st_dbelow(d->pkt, d->ly);
	int stream = below != NULL && (below->proto->flags & ST_PF_STREAM);
	size_t left = st_cur_left(c), len, hdr, lt;
	const struct slp_step *prog;
	struct st_cur t = *c;
	struct slp_rd r;
	unsigned ver, fn;

	if (left == 0)
		return ST_ENOTME;
	/* As Wireshark's: any version below 2 is read as 1, any above as 2 */
	len = slp_len(&t, &hdr);
	ver = (unsigned)st_peek_bits(c, 0, 8);
	fn = left >= 2 ? (unsigned)st_peek_bits(c, 8, 8) : 0;
	if (stream && ver != 1 && ver != 2)
		return ST_ENOTME;	/* the middle of a message */
	if (ver != 1 && ver != 2)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "SLP: version %u is "
		    "neither 1 nor 2: read as version %u", ver, ver > 2 ? 2 :
		    1));
	d->hdr = left;
	d->plen = 0;
	if (stream && len >= 12 && len < left) {
		/* another message follows in the segment */
		d->hdr = len;
		d->plen = left - len;
		d->next = d->ly->proto;
	}
	memset(&r, 0, sizeof(r));
	r.d = d;
	r.m = *c;
	r.m.end = r.m.off + d->hdr;
	r.v1 = ver < 2;
	if (!r.v1) {
		st_dfields(d, &r.m, slp_fields, H_LT);
		lt = (size_t)st_peek_bits(&r.m, 96, 16);
		if (r.m.err == ST_OK && st_cur_skip(&r.m, 14))
			rd_text(&r, H_LT, lt);
		prog = fn < 12 ? v2_bodies[fn] : NULL;
	} else {
		st_dfields(d, &r.m, slp_fields, H_LEN2);
		st_dfields(d, &r.m, R(H_LEN1), H_LANG - H_LEN1);
		if (st_cur_need(&r.m, 8))
			st_dtext_esc(d, &r.m, R(H_LANG), 6, 2);
		st_dfields(d, &r.m, R(H_ENC), 2);
		r.enc = (unsigned)st_peek_bits(&r.m, 64, 16);
		st_cur_skip(&r.m, 12);
		prog = fn < 12 ? v1_bodies[fn] : NULL;
		/* Strings in UCS-2 or with authentication blocks after URLs
		 * (flag U) are not read here. */
		if (r.m.err == ST_OK && (r.enc == 1000 ||
		    (st_peek_bits(c, 32, 8) & 0x20))) {
			st_pkt_note(d->pkt, "SLP: a version 1 body in UCS-2 or "
			    "with URL authentication is not shown");
			prog = NULL;
		}
	}
	if (r.m.err == ST_OK && prog != NULL)
		rd_run(&r, prog);
	else if (r.m.err == ST_OK && (fn == 0 || fn > 11))
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "SLP: unknown "
		    "function %u", fn));
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (r.m.err != ST_OK) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		if (stream && len > left) {
			st_pkt_note(d->pkt, "SLP: the message continues in a "
			    "later segment");
			return ST_OK;
		}
		return st_dmalformed(d, "the message ends inside a field its "
		    "function has");
	}
	return ST_OK;
}

/* How long the message starting at c is, for reassembly over TCP. */
static size_t
srvloc_pdu_len(struct st_cur *c)
{
	size_t len, hdr;

	if (st_cur_left(c) < 1)
		return ST_PDU_MORE;
	if (st_peek_bits(c, 0, 8) != 1 && st_peek_bits(c, 0, 8) != 2)
		return 0;
	if ((len = slp_len(c, &hdr)) == 0)
		return ST_PDU_MORE;
	return len >= 12 ? len : 0;
}

static const struct st_bind srvloc_binds[] = {
	{ ST_KEY_UDPPORT, SLP_PORT },
	{ ST_KEY_TCPPORT, SLP_PORT },
};

/* "SLP v2 Service Request xid 1 service:printer", "SLP v2 Service Reply
 * xid 1, 2 URLs". */
static int
srvloc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[S_NFIELDS];
	const char *name;

	st_ly_fields(s->pkt, ly, slp_fields, S_NFIELDS, f);
	if (f[H_VER] == NULL || f[H_FN] == NULL)
		return 0;
	st_out_printf(s->o, "SLP v%u ", (unsigned)f[H_VER]->val);
	name = st_valname(slp_functions, (uint32_t)f[H_FN]->val);
	if (name != NULL)
		st_out_puts(s->o, name);
	else
		st_out_printf(s->o, "function %u", (unsigned)f[H_FN]->val);
	if (f[H_XID] != NULL || f[H_TID] != NULL)
		st_out_printf(s->o, " xid %u", (unsigned)(f[H_XID] != NULL ?
		    f[H_XID] : f[H_TID])->val);
	if (f[SQ_STL] != NULL) {
		st_out_puts(s->o, " ");
		s->value(s, f[SQ_STL]);
	}
	if (f[B_URLCOUNT] != NULL)
		st_out_printf(s->o, ", %u URL%s", (unsigned)f[B_URLCOUNT]->val,
		    f[B_URLCOUNT]->val == 1 ? "" : "s");
	if (f[B_ERR2] != NULL && f[B_ERR2]->val != 0)
		st_out_printf(s->o, ", error %u", (unsigned)f[B_ERR2]->val);
	else if (f[B_ERR] != NULL && f[B_ERR]->val != 0)
		st_out_printf(s->o, ", error %u", (unsigned)f[B_ERR]->val);
	return 1;
}

static const struct st_field_desc *const srvloc_keys[] = {
	R(H_VER), R(H_FN), R(H_XID), NULL,
};

const struct st_proto st_proto_srvloc = {
	.name = "srvloc",
	.ws = "srvloc",
	.title = "Service Location Protocol",
	.rfc = "RFC 2608 (v2), RFC 2165 (v1)",
	.role = ST_ROLE_APP,
	.fields = slp_fields,
	.nfields = S_NFIELDS,
	.decode = srvloc_decode,
	.binds = srvloc_binds,
	.nbinds = NFIELDS(srvloc_binds),
	.pdu_len = srvloc_pdu_len,
	.summary = srvloc_summary,
	.keys = srvloc_keys,
	.color = "\033[33m",
	.explain_bits = 112,	/* version 2's fixed header */
	.explain = "How hosts find services on a LAN without configuration "
	    "(printers, directory servers, VMware and HP management agents): "
	    "a user agent multicasts a Service Request for a type such as "
	    "service:printer in some scopes (UDP 427, group 239.255.255.253) "
	    "and each service agent that has one, or a directory agent that "
	    "collects their registrations, answers with a Service Reply of "
	    "URLs and their lifetimes.  Attribute Requests ask what a URL "
	    "offers; Service Type Requests list the types known; agents "
	    "announce themselves with DA and SA Advertisements and register "
	    "with a directory agent (Registration, Acknowledge).  Every "
	    "message carries a transaction ID (XID) the answer repeats and a "
	    "language tag; strings come after a 16-bit length.  Long "
	    "answers set the overflow flag and are asked for again over "
	    "TCP.  Version 1 (RFC 2165) has a 12-byte header with a "
	    "2-letter language and a character encoding.",
};
