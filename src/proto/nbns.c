/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetBIOS Name Service (RFC 1002 4.2) on UDP 137: DNS's header and
 * record layout carrying NetBIOS names in first-level encoding (RFC 1001
 * 14.1: each of the 16 bytes as two letters 'A'..'P').  Registrations,
 * queries and their answers; an NB record holds a name's flags (group,
 * owner node type) and IPv4 address, repeated.
 *
 *   +------------------+------------------+------------------+-------+
 *   |  transaction ID  | R opcode AA TC RD RA B rcode | QD | AN | NS | AR
 *   +------------------+------------------+------------------+-------+
 *   | questions: name, type (32 NB, 33 NBSTAT), class | records ...
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define NBNS_PORT	137
#define NBNS_HDR	12
#define NB_MAXRR	64	/* records read */
#define NB_MAXPTR	4	/* compression pointers followed */
#define NB_MAXSCOPE	8	/* scope labels */

enum { F_ID, F_FLAGS, F_RESP, F_OPCODE, F_AA, F_TC, F_RD, F_RA, F_BCAST,
	F_RCODE, F_QD, F_AN, F_NS, F_AR, F_NAME, F_TYPE, F_CLASS, F_TTL,
	F_DLEN, F_NBFLAGS, F_GROUP, F_ONT, F_ADDR, F_NNAMES, F_NBNAME,
	F_NFLAGS, F_NGROUP, F_NONT, F_NDRG, F_NCNF, F_NACT, F_NPRM, F_STATS,
	F_NNBNS = F_STATS + 18 };

static const struct st_valname opcode_names[] = {
	{ 0, "Name query" }, { 5, "Registration" }, { 6, "Release" },
	{ 7, "Wait for acknowledgment" }, { 8, "Refresh" },
	{ 9, "Refresh (alternate opcode)" },
	{ 15, "Multi-homed registration" }, { 0, NULL }
};

static const struct st_valname type_names[] = {
	{ 1, "A" }, { 2, "NS" }, { 10, "NULL" }, { 32, "NB" },
	{ 33, "NBSTAT" }, { 0, NULL }
};

static const struct st_valname ont_names[] = {
	{ 0, "B-node" }, { 1, "P-node" }, { 2, "M-node" }, { 3, "H-node" },
	{ 0, NULL }
};

#define FL(n, l, o, w)	FDD(NULL, "nbns.flags." n, l, o, w, ST_FMT_DEC)

static const struct st_field_desc nbns_fields[F_NNBNS] = {
	[F_ID] = FD("id", "nbns.id", "Transaction ID", 0, 16, ST_FMT_HEX),
	[F_FLAGS] = FD("flags", "nbns.flags", "Flags", 16, 16, ST_FMT_HEX),
	[F_RESP] = FL("response", "Response", 16, 1),
	[F_OPCODE] = FDDN(NULL, "nbns.flags.opcode", "Opcode", 17, 4,
	    ST_FMT_DEC, opcode_names),
	[F_AA] = FL("authoritative", "Authoritative", 21, 1),
	[F_TC] = FL("truncated", "Truncated", 22, 1),
	[F_RD] = FL("recdesired", "Recursion desired", 23, 1),
	[F_RA] = FL("recavail", "Recursion available", 24, 1),
	[F_BCAST] = FL("broadcast", "Broadcast", 27, 1),
	[F_RCODE] = FL("rcode", "Reply code", 28, 4),
	[F_QD] = FD(NULL, "nbns.count.queries", "Questions", 32, 16,
	    ST_FMT_DEC),
	[F_AN] = FD(NULL, "nbns.count.answers", "Answer RRs", 48, 16,
	    ST_FMT_DEC),
	[F_NS] = FD(NULL, "nbns.count.auth_rr", "Authority RRs", 64, 16,
	    ST_FMT_DEC),
	[F_AR] = FD(NULL, "nbns.count.add_rr", "Additional RRs", 80, 16,
	    ST_FMT_DEC),
	/* Rows below are read at their record's position. */
	[F_NAME] = FD(NULL, "nbns.name", "Name", 0, 0, ST_FMT_TEXT),
	[F_TYPE] = FDN(NULL, "nbns.type", "Type", 0, 16, ST_FMT_DEC,
	    type_names),
	[F_CLASS] = FD(NULL, "nbns.class", "Class", 0, 16, ST_FMT_DEC),
	[F_TTL] = FD(NULL, "nbns.ttl", "Time to live", 0, 32, ST_FMT_DEC),
	[F_DLEN] = FD(NULL, "nbns.data_length", "Data length", 0, 16,
	    ST_FMT_DEC),
	[F_NBFLAGS] = FD(NULL, "nbns.nb_flags", "Name flags", 0, 16,
	    ST_FMT_HEX),
	[F_GROUP] = FDD(NULL, "nbns.nb_flags.group", "Group name", 0, 1,
	    ST_FMT_BOOL),
	[F_ONT] = FDDN(NULL, "nbns.nb_flags.ont", "Owner node type", 1, 2,
	    ST_FMT_DEC, ont_names),
	[F_ADDR] = FD(NULL, "nbns.addr", "Address", 0, 32, ST_FMT_IPV4),
	/* A node status (NBSTAT) answer (RFC 1002 4.2.18). */
	[F_NNAMES] = FD(NULL, "nbns.number_of_names", "Number of names", 0,
	    8, ST_FMT_DEC),
	[F_NBNAME] = FD(NULL, "nbns.netbios_name", "Name", 0, 0,
	    ST_FMT_TEXT),
	[F_NFLAGS] = FD(NULL, "nbns.name_flags", "Name flags", 0, 16,
	    ST_FMT_HEX),
	[F_NGROUP] = FDD(NULL, "nbns.name_flags.group", "Group name", 0, 1,
	    ST_FMT_BOOL),
	[F_NONT] = FDDN(NULL, "nbns.name_flags.ont", "Owner node type", 1, 2,
	    ST_FMT_DEC, ont_names),
	[F_NDRG] = FDD(NULL, "nbns.name_flags.drg", "Being deregistered", 3,
	    1, ST_FMT_BOOL),
	[F_NCNF] = FDD(NULL, "nbns.name_flags.cnf", "In conflict", 4, 1,
	    ST_FMT_BOOL),
	[F_NACT] = FDD(NULL, "nbns.name_flags.act", "Active", 5, 1,
	    ST_FMT_BOOL),
	[F_NPRM] = FDD(NULL, "nbns.name_flags.prm", "Permanent node name", 6,
	    1, ST_FMT_BOOL),
	/* The statistics after the names, at their offsets in them. */
	[F_STATS] = FD(NULL, "nbns.unit_id", "Unit ID", 0, 48, ST_FMT_MAC),
	[F_STATS + 1] = FD(NULL, "nbns.jumpers", "Jumpers", 48, 8,
	    ST_FMT_HEX),
	[F_STATS + 2] = FD(NULL, "nbns.test_result", "Test result", 56, 8,
	    ST_FMT_HEX),
	[F_STATS + 3] = FD(NULL, "nbns.version_number", "Version number", 64,
	    16, ST_FMT_HEX),
	[F_STATS + 4] = FD(NULL, "nbns.period_of_statistics",
	    "Period of statistics", 80, 16, ST_FMT_HEX),
	[F_STATS + 5] = FD(NULL, "nbns.num_crcs", "CRCs", 96, 16,
	    ST_FMT_DEC),
	[F_STATS + 6] = FD(NULL, "nbns.num_alignment_errors",
	    "Alignment errors", 112, 16, ST_FMT_DEC),
	[F_STATS + 7] = FD(NULL, "nbns.num_collisions", "Collisions", 128,
	    16, ST_FMT_DEC),
	[F_STATS + 8] = FD(NULL, "nbns.num_send_aborts", "Send aborts", 144,
	    16, ST_FMT_DEC),
	[F_STATS + 9] = FD(NULL, "nbns.num_good_sends", "Good sends", 160,
	    32, ST_FMT_DEC),
	[F_STATS + 10] = FD(NULL, "nbns.num_good_receives", "Good receives",
	    192, 32, ST_FMT_DEC),
	[F_STATS + 11] = FD(NULL, "nbns.numretransmits", "Retransmits", 224,
	    16, ST_FMT_DEC),
	[F_STATS + 12] = FD(NULL, "nbns.num_no_resource_conditions",
	    "No resource conditions", 240, 16, ST_FMT_DEC),
	[F_STATS + 13] = FD(NULL, "nbns.numcommand_blocks",
	    "Command blocks", 256, 16, ST_FMT_DEC),
	[F_STATS + 14] = FD(NULL, "nbns.numpending_sessions",
	    "Pending sessions", 272, 16, ST_FMT_DEC),
	[F_STATS + 15] = FD(NULL, "nbns.max_num_pending_sessions",
	    "Max pending sessions", 288, 16, ST_FMT_DEC),
	[F_STATS + 16] = FD(NULL, "nbns.max_total_sessions_possible",
	    "Max total sessions", 304, 16, ST_FMT_DEC),
	[F_STATS + 17] = FD(NULL, "nbns.session_data_packet_size",
	    "Session data packet size", 320, 16, ST_FMT_DEC),
};

/* What a name's suffix says, as Wireshark adds it to a record's name. */
static const struct st_valname suffix_names[] = {
	{ 0x00, "Workstation/Redirector" }, { 0x01, "Browser" },
	{ 0x02, "Workstation/Redirector" },
	{ 0x03, "Messenger service/Main name" },
	{ 0x05, "Forwarded name" }, { 0x06, "RAS Server service" },
	{ 0x1b, "Domain Master Browser" }, { 0x1c, "Domain Controllers" },
	{ 0x1d, "Local Master Browser" },
	{ 0x1e, "Browser Election Service" }, { 0x1f, "Net DDE Service" },
	{ 0x20, "Server service" }, { 0x21, "RAS client service" },
	{ 0xbe, "Network Monitor Agent" },
	{ 0xbf, "Network Monitor Analyzer" }, { 0, NULL }
};

/* Row f at byte off from the message's start (c's position). */
static struct st_field *
at(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;
	struct st_field *fl = NULL;

	if (st_cur_skip(&t, off))
		fl = st_dfield(d, &t, &nbns_fields[f]);
	if (fl == NULL)
		c->err = t.err != ST_OK ? t.err : ST_ETRUNC;
	return fl;
}

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
 * The encoded name at byte off of the message into buf: "NAME<1b>",
 * with ".scope" labels after it.  Follows compression pointers (a few).
 * Returns the bytes the name takes where it is, 0 when it is not one.
 */
static size_t
nb_name(struct st_cur *c, size_t off, char *buf, size_t n, int rr)
{
	const struct st_valname *v;
	struct st_cur t;
	const uint8_t *p;
	uint8_t name[16], len;
	char raw[16 * 4 + 1], lab[64 * 4 + 1];
	size_t at = off, taken = 0, k, i, hops = 0, labels = 0;

	for (;;) {
		t = *c;
		if (!st_cur_skip(&t, at))
			return 0;
		len = st_get_u8(&t);
		if ((len & 0xc0) == 0xc0 && hops++ < NB_MAXPTR) {
			if (taken == 0)
				taken = at - off + 2;
			at = (size_t)(len & 0x3f) << 8 | st_get_u8(&t);
			if (t.err != ST_OK)
				return 0;
			continue;
		}
		break;
	}
	if (len != 32 || (p = st_get_bytes(&t, 32)) == NULL)
		return 0;
	for (i = 0; i < 16; i++) {
		if (p[2 * i] < 'A' || p[2 * i] > 'P' || p[2 * i + 1] < 'A' ||
		    p[2 * i + 1] > 'P')
			return 0;
		name[i] = (uint8_t)((p[2 * i] - 'A') << 4 | (p[2 * i + 1] -
		    'A'));
	}
	for (k = 15; k > 0 && name[k - 1] == ' '; k--)
		;
	nb_text(name, k, raw);
	for (v = suffix_names; v->name != NULL && v->val != name[15]; v++)
		;
	if (rr && v->name != NULL && name[0] != '*')
		k = (size_t)snprintf(buf, n, "%s<%02x> (%s)", raw, name[15],
		    v->name);
	else
		k = (size_t)snprintf(buf, n, "%s<%02x>", raw, name[15]);
	at += 33;
	/* scope labels, then the root */
	while ((len = st_get_u8(&t)) != 0 && t.err == ST_OK &&
	    labels++ < NB_MAXSCOPE && len < 64) {
		if ((p = st_get_bytes(&t, len)) == NULL)
			return 0;
		st_escape(p, len, lab, sizeof(lab));
		if (k < n)
			k += (size_t)snprintf(buf + k, n - k, ".%s", lab);
		at += 1 + len;
	}
	if (t.err != ST_OK || len != 0)
		return 0;
	at++;
	return taken != 0 ? taken : at - off;
}

/*
 * A node status answer's data at off, dl bytes: the count, each name (15
 * characters and its suffix, then its flags), then the adapter's
 * statistics, as far as the data goes.
 */
static void
nbstat(struct st_dctx *d, struct st_cur *c, size_t off, size_t dl)
{
	struct st_field *f;
	struct st_cur t;
	const uint8_t *p;
	char txt[15 * 4 + 1];
	size_t i, n, k, at0;

	if (dl < 1 || (f = at(d, c, F_NNAMES, off)) == NULL)
		return;
	n = (size_t)f->val;
	for (i = 0, at0 = off + 1; i < n && i < NB_MAXRR &&
	    at0 + 18 <= off + dl; i++, at0 += 18) {
		t = *c;
		if (!st_cur_skip(&t, at0) || (p = st_get_bytes(&t, 16)) == NULL)
			return;
		for (k = 15; k > 0 && p[k - 1] == ' '; k--)
			;
		nb_text(p, k, txt);
		st_dtext(d, c, &nbns_fields[F_NBNAME], at0, 16, txt);
		for (k = F_NFLAGS; k <= F_NPRM; k++)
			at(d, c, (int)k, at0 + 16);
	}
	if (i < n || at0 + 46 > off + dl)
		return;
	t = *c;
	if (st_cur_skip(&t, at0))
		st_dfields(d, &t, nbns_fields + F_STATS, 18);
	if (t.err != ST_OK)
		c->err = t.err;
}

/* One question (rr 0) or resource record at *off. */
static int
record(struct st_dctx *d, struct st_cur *c, size_t *off, int rr)
{
	char buf[512];
	size_t nl = nb_name(c, *off, buf, sizeof(buf), rr), dl, i;
	struct st_field *f;
	struct st_cur t;
	unsigned type;

	if (nl == 0)
		return st_cur_left(c) > *off ? st_dmalformed(d, "a name at "
		    "byte %zu is not a NetBIOS name", *off) : ST_ETRUNC;
	st_dtext(d, c, &nbns_fields[F_NAME], *off, nl, buf);
	*off += nl;
	if ((f = at(d, c, F_TYPE, *off)) == NULL)
		return ST_ETRUNC;
	type = (unsigned)f->val;
	at(d, c, F_CLASS, *off + 2);
	*off += 4;
	if (!rr)
		return c->err;
	at(d, c, F_TTL, *off);
	if ((f = at(d, c, F_DLEN, *off + 4)) == NULL)
		return ST_ETRUNC;
	dl = (size_t)f->val;
	*off += 6;
	t = *c;
	if (!st_cur_skip(&t, *off) || !st_cur_need(&t, dl))
		return ST_ETRUNC;
	for (i = 0; type == 32 && i + 6 <= dl && i / 6 < NB_MAXRR; i += 6) {
		at(d, c, F_NBFLAGS, *off + i);
		at(d, c, F_GROUP, *off + i);
		at(d, c, F_ONT, *off + i);
		at(d, c, F_ADDR, *off + i + 2);
	}
	if (type == 33)
		nbstat(d, c, *off, dl);
	*off += dl;
	return c->err;
}

static int
nbns_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t = *c;
	unsigned qd, n, i, flags;
	size_t off = NBNS_HDR;
	int rc = ST_OK;

	st_cur_skip(&t, 2);
	flags = st_get_be16(&t);
	qd = st_get_be16(&t);
	n = st_get_be16(&t);
	n += st_get_be16(&t);
	n += st_get_be16(&t);
	st_dfields(d, c, nbns_fields, F_RESP);
	st_dfield(d, c, &nbns_fields[F_RESP]);
	st_dfield(d, c, &nbns_fields[F_OPCODE]);
	if (flags & 0x8000)
		st_dfield(d, c, &nbns_fields[F_AA]);
	st_dfield(d, c, &nbns_fields[F_TC]);
	st_dfield(d, c, &nbns_fields[F_RD]);
	if (flags & 0x8000)
		st_dfield(d, c, &nbns_fields[F_RA]);
	st_dfield(d, c, &nbns_fields[F_BCAST]);
	if (flags & 0x8000)
		st_dfield(d, c, &nbns_fields[F_RCODE]);
	st_dfields(d, c, &nbns_fields[F_QD], 4);
	if (c->err != ST_OK || t.err != ST_OK)
		return ST_ETRUNC;
	for (i = 0; i < qd + n && i < NB_MAXRR && rc == ST_OK; i++)
		rc = record(d, c, &off, i >= qd);
	if (rc != ST_OK)
		return rc;
	d->hdr = off;
	return ST_OK;
}

static const struct st_bind nbns_binds[] = {
	{ ST_KEY_UDPPORT, NBNS_PORT },
};

/* "nbns query WORKGROUP<1b>", "nbns response FILESRV<20> 10.0.0.5". */
static int
nbns_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NNBNS];
	const struct st_valname *v;

	st_ly_fields(s->pkt, ly, nbns_fields, F_NNBNS, f);
	st_out_puts(s->o, "nbns");
	if (f[F_OPCODE] != NULL) {
		for (v = opcode_names; v->name != NULL &&
		    v->val != f[F_OPCODE]->val; v++)
			;
		st_out_printf(s->o, " %s", v->name != NULL ? v->name :
		    "opcode");
	}
	if (f[F_RESP] != NULL && f[F_RESP]->val)
		st_out_puts(s->o, " response");
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	if (f[F_ADDR] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_ADDR]);
	}
	return 1;
}

static const struct st_field_desc *const nbns_keys[] = {
	&nbns_fields[F_ID], &nbns_fields[F_FLAGS], &nbns_fields[F_QD], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_nbns = {
	.name = "nbns",
	.ws = "nbns",
	.title = "NetBIOS Name Service",
	.rfc = "RFC 1002",
	.role = ST_ROLE_APP,
	.fields = nbns_fields,
	.nfields = F_NNBNS,
	.decode = nbns_decode,
	.binds = nbns_binds,
	.nbinds = NFIELDS(nbns_binds),
	/* @summary */
	.summary = nbns_summary,
	/* @views */
	.keys = nbns_keys,
	.color = "\033[35m",
	.explain = "How Windows hosts find each other's NetBIOS names "
	    "without DNS: DNS's message layout on UDP 137, often broadcast.  "
	    "A name is 15 characters and a suffix byte (<00> workstation, "
	    "<20> file server, <1b> domain master browser), each byte sent as "
	    "two letters A-P.  An NB answer gives the name's owner node "
	    "type, whether it is a group, and its IPv4 address.",
	/* @craft */
	/* @probes */
};
