/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kerberos version 4 (MIT Project Athena, Steiner, Neuman and Schiller
 * 1988), UDP 750.  A message starts with the protocol version (4) and a
 * byte whose top seven bits are the message type and whose lowest says
 * the byte order of the numbers after it (1: least significant first,
 * the sender's own order, as version 4 did).  Names, instances and
 * realms are NUL-terminated strings.
 *
 *   KDC request:   name, instance, realm, time(32), lifetime(8, in 5
 *                  minutes), service name, service instance
 *   KDC reply:     name, instance, realm, time(32), one byte, expiry
 *                  (32), key version(8), length(16), encrypted part
 *   Appl request:  key version, realm, ticket length(8), authenticator
 *                  length(8), ticket, authenticator, time(32), lifetime,
 *                  service name, service instance
 *
 * As Wireshark's dissector: a version other than 4 (or 0x63, Transarc's
 * AFS variant, with 8 unknown bytes before a KDC request's name) or a
 * type it does not know is not Kerberos v4; the other types' bodies are
 * not read.
 */
#include "strata/out.h"
#include "fields.h"

#define KRB4_TRANSARC	0x63

enum { F_VER, F_MSG, F_MTYPE, F_ORDER, F_TRANSARC, F_NAME, F_INST, F_REALM,
	F_TIME, F_EXP, F_REQDATE, F_LIFE, F_SNAME, F_SINST, F_KVNO, F_LEN,
	F_TLEN, F_RLEN, F_TICKET, F_REQ, F_BLOB, F_NKRB4 };

static const struct st_valname krb4_types[] = {
	{ 1, "KDC Request" }, { 2, "KDC Reply" }, { 3, "Appl Request" },
	{ 4, "Appl Request Mutual" }, { 5, "Err Reply" }, { 6, "Private" },
	{ 7, "Safe" }, { 8, "Appl Err" }, { 63, "Die" }, { 0, NULL }
};

static const struct st_valname krb4_orders[] = {
	{ 0, "Big Endian" }, { 1, "Little Endian" }, { 0, NULL }
};

#define T(n, l)	FD(NULL, n, l, 0, 0, ST_FMT_TEXT)

/* The body's rows are read from a moving cursor: offset 0. */
static const struct st_field_desc krb4_fields[F_NKRB4] = {
	[F_VER] = FD("version", "krb4.version", "Version", 0, 8, ST_FMT_DEC),
	[F_MSG] = FD(NULL, "krb4.auth_msg_type", "Msg Type", 8, 8,
	    ST_FMT_HEX),
	[F_MTYPE] = FDDN(NULL, "krb4.m_type", "M Type", 8, 7, ST_FMT_HEX,
	    krb4_types),
	[F_ORDER] = FDDN(NULL, "krb4.byte_order", "Byte Order", 15, 1,
	    ST_FMT_HEX, krb4_orders),
	[F_TRANSARC] = FD(NULL, "krb4.unknown_transarc_blob",
	    "Unknown Transarc Blob", 0, 64, ST_FMT_BYTES),
	[F_NAME] = T("krb4.name", "Name"),
	[F_INST] = T("krb4.instance", "Instance"),
	[F_REALM] = T("krb4.realm", "Realm"),
	[F_TIME] = T("krb4.time_sec", "Time Sec"),
	[F_EXP] = T("krb4.exp_date", "Exp Date"),
	[F_REQDATE] = T("krb4.req_date", "Req Date"),
	[F_LIFE] = FD(NULL, "krb4.lifetime", "Lifetime (5 minutes)", 0, 8,
	    ST_FMT_DEC),
	[F_SNAME] = T("krb4.s_name", "Service Name"),
	[F_SINST] = T("krb4.s_instance", "Service Instance"),
	[F_KVNO] = FD(NULL, "krb4.kvno", "Kvno", 0, 8, ST_FMT_DEC),
	[F_LEN] = FD(NULL, "krb4.length", "Length", 0, 16, ST_FMT_DEC),
	[F_TLEN] = FD(NULL, "krb4.ticket.length", "Ticket Length", 0, 8,
	    ST_FMT_DEC),
	[F_RLEN] = FD(NULL, "krb4.request.length", "Request Length", 0, 8,
	    ST_FMT_DEC),
	[F_TICKET] = FD(NULL, "krb4.ticket.blob", "Ticket Blob", 0, 0,
	    ST_FMT_BYTES),
	[F_REQ] = FD(NULL, "krb4.request.blob", "Request Blob", 0, 0,
	    ST_FMT_BYTES),
	[F_BLOB] = FD(NULL, "krb4.encrypted_blob", "Encrypted Blob", 0, 0,
	    ST_FMT_BYTES),
};

#define R(i)	(&krb4_fields[(i)])

/* A body's reader: the cursor moves as it reads; le: numbers least
 * significant byte first. */
struct krb4_rd {
	struct st_dctx	*d;
	struct st_cur	 m;
	int		 le;
};

static void
rd_str(struct krb4_rd *r, unsigned row)
{
	size_t n;

	if (r->m.err == ST_OK && (n = st_dtextz(r->d, &r->m, R(row), 0)) > 0)
		st_cur_skip(&r->m, n);
}

/* A one-byte number. */
static unsigned
rd_u8(struct krb4_rd *r, unsigned row)
{
	const struct st_field *f = st_dfield(r->d, &r->m, R(row));

	st_cur_skip(&r->m, 1);
	return f != NULL ? (unsigned)f->val : 0;
}

/* A 16-bit number in the message's byte order. */
static void
rd_u16(struct krb4_rd *r, unsigned row)
{
	if (r->le)
		st_dle(r->d, &r->m, R(row), 0, 2);
	else
		st_dfield(r->d, &r->m, R(row));
	st_cur_skip(&r->m, 2);
}

/* A 32-bit time in seconds since 1970, in the message's byte order. */
static void
rd_time(struct krb4_rd *r, unsigned row)
{
	struct st_cur t = r->m;
	uint32_t v = r->le ? st_get_le32(&t) : st_get_be32(&t);

	if (t.err != ST_OK) {
		r->m.err = t.err;
		return;
	}
	st_dunixtime(r->d, &r->m, R(row), 0, 4, (int64_t)v);
	st_cur_skip(&r->m, 4);
}

static void
rd_bytes(struct krb4_rd *r, unsigned row, size_t n)
{
	if (n > 0 && st_cur_need(&r->m, n)) {
		st_dbytes(r->d, &r->m, R(row), 0, n);
		st_cur_skip(&r->m, n);
	}
}

static int
krb4_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned ver, type, tlen, rlen;
	struct krb4_rd r;
	struct st_cur t;

	if (left < 2)
		return ST_ENOTME;
	ver = (unsigned)st_peek_bits(c, 0, 8);
	type = (unsigned)st_peek_bits(c, 8, 7);
	if ((ver != 4 && ver != KRB4_TRANSARC) ||
	    st_valname(krb4_types, type) == NULL)
		return ST_ENOTME;
	st_dfields(d, c, krb4_fields, F_TRANSARC);
	d->hdr = left;
	d->plen = 0;
	r.d = d;
	r.m = *c;
	st_cur_skip(&r.m, 2);
	r.le = (int)st_peek_bits(c, 15, 1);
	switch (type) {
	case 1:
		if (ver == KRB4_TRANSARC)
			rd_bytes(&r, F_TRANSARC, 8);
		rd_str(&r, F_NAME);
		rd_str(&r, F_INST);
		rd_str(&r, F_REALM);
		rd_time(&r, F_TIME);
		rd_u8(&r, F_LIFE);
		rd_str(&r, F_SNAME);
		rd_str(&r, F_SINST);
		break;
	case 2:
		rd_str(&r, F_NAME);
		rd_str(&r, F_INST);
		rd_str(&r, F_REALM);
		rd_time(&r, F_TIME);
		st_cur_skip(&r.m, 1);	/* a byte Wireshark leaves unnamed */
		rd_time(&r, F_EXP);
		rd_u8(&r, F_KVNO);
		t = r.m;
		tlen = r.le ? st_get_le16(&t) : st_get_be16(&t);
		rd_u16(&r, F_LEN);
		rd_bytes(&r, F_BLOB, tlen);
		break;
	case 3:
		rd_u8(&r, F_KVNO);
		rd_str(&r, F_REALM);
		tlen = rd_u8(&r, F_TLEN);
		rlen = rd_u8(&r, F_RLEN);
		rd_bytes(&r, F_TICKET, tlen);
		rd_bytes(&r, F_REQ, rlen);
		rd_time(&r, F_REQDATE);
		rd_u8(&r, F_LIFE);
		rd_str(&r, F_SNAME);
		rd_str(&r, F_SINST);
		break;
	}
	if (r.m.err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "the message ends inside a field its "
		    "type has");
	return ST_OK;
}

static const struct st_bind krb4_binds[] = {
	{ ST_KEY_UDPPORT, 750 },
};

/* "KRB4 KDC Request alice@EXAMPLE.COM for krbtgt". */
static int
krb4_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NKRB4];
	const char *name;

	st_ly_fields(s->pkt, ly, krb4_fields, F_NKRB4, f);
	if (f[F_MSG] == NULL)	/* its parts are details: not in a summary */
		return 0;
	name = st_valname(krb4_types, (uint32_t)f[F_MSG]->val >> 1);
	st_out_printf(s->o, "KRB4 %s", name != NULL ? name : "message");
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
		if (f[F_REALM] != NULL) {
			st_out_putc(s->o, '@');
			s->value(s, f[F_REALM]);
		}
	}
	if (f[F_SNAME] != NULL) {
		st_out_puts(s->o, " for ");
		s->value(s, f[F_SNAME]);
	}
	return 1;
}

static const struct st_field_desc *const krb4_keys[] = {
	R(F_VER), R(F_MTYPE), NULL,
};

const struct st_proto st_proto_krb4 = {
	.name = "krb4",
	.ws = "krb4",
	.title = "Kerberos v4",
	.rfc = "MIT Kerberos version 4 (Project Athena)",
	.role = ST_ROLE_APP,
	.fields = krb4_fields,
	.nfields = F_NKRB4,
	.decode = krb4_decode,
	.binds = krb4_binds,
	.nbinds = NFIELDS(krb4_binds),
	.summary = krb4_summary,
	.keys = krb4_keys,
	.color = "\033[31m",
	.explain_bits = 16,	/* the rest depends on the type */
	.explain = "Kerberos version 4, the ancestor of today's Kerberos 5: a "
	    "client asks the key distribution centre (UDP 750) for a ticket "
	    "with a KDC Request naming the user, its realm, the time, a "
	    "lifetime in units of five minutes and the service wanted "
	    "(krbtgt for a ticket-granting ticket).  The KDC Reply carries "
	    "the ticket and a session key encrypted in the user's key (with "
	    "DES, which is why version 4 is broken today); the client shows "
	    "the ticket to the service in an Appl Request with an "
	    "authenticator.  The low bit of the second byte says whether the "
	    "numbers are sent least significant byte first.",
};
