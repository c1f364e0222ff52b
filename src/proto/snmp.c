/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SNMP (RFC 1157 v1, RFC 3416 v2c PDUs, RFC 3412/3414 v3), UDP ports 161
 * and 162 (traps), encoded in ASN.1 BER (read by src/model/ber.c):
 *
 *   Message ::= SEQUENCE { version INTEGER, community OCTET STRING, PDU }
 *   v3:        SEQUENCE { msgVersion 3, msgGlobalData SEQUENCE { msgID,
 *              msgMaxSize, msgFlags, msgSecurityModel }, msgSecurity-
 *              Parameters OCTET STRING (USM: a SEQUENCE inside),
 *              ScopedPDU SEQUENCE { contextEngineID, contextName, PDU }
 *              or encryptedPDU OCTET STRING }
 *   PDU ::= [n] SEQUENCE { request-id, error-status, error-index,
 *              variable-bindings SEQUENCE OF SEQUENCE { name OID, value } }
 *   v1 Trap [4]: enterprise, agent-addr, generic-trap, specific-trap,
 *              time-stamp, variable-bindings.
 *
 * Integers that may be negative and are shown as numbers go through one
 * helper: the model holds unsigned values, so a negative one is written as
 * text (as tshark shows it).
 */
#include "strata/ber.h"
#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define SNMP_MAX_VB	128	/* variable bindings decoded */

static const struct st_valname pdu_names[] = {
	{ 0, "get-request" }, { 1, "get-next-request" },
	{ 2, "get-response" }, { 3, "set-request" }, { 4, "trap" },
	{ 5, "getBulkRequest" }, { 6, "informRequest" }, { 7, "snmpV2-trap" },
	{ 8, "report" }, { 0, NULL }
};

static const struct st_valname ver_names[] = {
	{ 0, "v1" }, { 1, "v2c" }, { 3, "v3" }, { 0, NULL }
};

static const struct st_valname err_names[] = {
	{ 0, "noError" }, { 1, "tooBig" }, { 2, "noSuchName" },
	{ 3, "badValue" }, { 4, "readOnly" }, { 5, "genErr" },
	{ 6, "noAccess" }, { 7, "wrongType" }, { 8, "wrongLength" },
	{ 9, "wrongEncoding" }, { 10, "wrongValue" }, { 11, "noCreation" },
	{ 12, "inconsistentValue" }, { 13, "resourceUnavailable" },
	{ 14, "commitFailed" }, { 15, "undoFailed" },
	{ 16, "authorizationError" }, { 17, "notWritable" },
	{ 18, "inconsistentName" }, { 0, NULL }
};

static const struct st_valname trap_names[] = {
	{ 0, "coldStart" }, { 1, "warmStart" }, { 2, "linkDown" },
	{ 3, "linkUp" }, { 4, "authenticationFailure" },
	{ 5, "egpNeighborLoss" }, { 6, "enterpriseSpecific" }, { 0, NULL }
};

enum { F_VER, F_COMM, F_DATA, F_REQID, F_REQIDT, F_ERR, F_ERRIDX, F_NONREP,
	F_MAXREP, F_VB, F_NAME, F_VINT, F_VINTT, F_VOCT, F_VNULL, F_VOID,
	F_VIPV4, F_VCOUNT, F_VG32, F_VTICKS, F_VOPAQUE, F_VUNK, F_NOOBJ,
	F_NOINST, F_ENDMIB, F_ENT, F_AGENT, F_GENERIC, F_SPECIFIC, F_TSTAMP,
	F_MVER, F_MID, F_MMAX, F_MFLAGS, F_FREPORT, F_FCRYPT, F_FAUTH, F_MSM,
	F_ENGID, F_BOOTS, F_TIME, F_USER, F_AUTHP, F_PRIVP, F_MDATA, F_CTXENG,
	F_CTXNAME, F_ENCPDU, F_RESPTO, F_RTIME, F_NFIELDS };

static const struct st_field_desc snmp_fields[] = {
	FDN("version", "snmp.version", "Version", 0, 0, ST_FMT_DEC, ver_names),
	FD("community", "snmp.community", "Community", 0, 0, ST_FMT_TEXT),
	FDN("pdu", "snmp.data", "PDU type", 0, 0, ST_FMT_DEC, pdu_names),
	FD(NULL, "snmp.request_id", "Request ID", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.request_id", "Request ID", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "snmp.error_status", "Error status", 0, 0, ST_FMT_DEC,
	    err_names),
	FD(NULL, "snmp.error_index", "Error index", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.non_repeaters", "Non-repeaters", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.max_repetitions", "Max repetitions", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.variable_bindings", "Variable bindings", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "snmp.name", "Object name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "snmp.value.int", "Value (Integer32)", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.value.int", "Value (Integer32)", 0, 0, ST_FMT_TEXT),
	FD(NULL, "snmp.value.octets", "Value (OctetString)", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "snmp.value.null", "Value (Null)", 0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.value.oid", "Value (OID)", 0, 0, ST_FMT_TEXT),
	FD(NULL, "snmp.value.ipv4", "Value (IpAddress)", 0, 0, ST_FMT_IPV4),
	FD(NULL, "snmp.value.counter", "Value (Counter)", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.value.g32", "Value (Gauge32)", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.value.timeticks", "Value (Timeticks)", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "snmp.value.opaque", "Value (Opaque)", 0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.value.unk", "Value (unknown type)", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "snmp.noSuchObject", "noSuchObject", 0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.noSuchInstance", "noSuchInstance", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "snmp.endOfMibView", "endOfMibView", 0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.enterprise", "Enterprise", 0, 0, ST_FMT_TEXT),
	FD(NULL, "snmp.agent_addr", "Agent address", 0, 0, ST_FMT_IPV4),
	FDN(NULL, "snmp.generic_trap", "Generic trap", 0, 0, ST_FMT_DEC,
	    trap_names),
	FD(NULL, "snmp.specific_trap", "Specific trap", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.time_stamp", "Time stamp", 0, 0, ST_FMT_DEC),
	FDN(NULL, "snmp.msgVersion", "Message version", 0, 0, ST_FMT_DEC,
	    ver_names),
	FD(NULL, "snmp.msgID", "Message ID", 0, 0, ST_FMT_DEC),
	FD(NULL, "snmp.msgMaxSize", "Maximum message size", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "snmp.msgFlags", "Message flags", 0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.v3.flags.report", "Reportable", 5, 1, ST_FMT_BOOL),
	FD(NULL, "snmp.v3.flags.crypt", "Encrypted", 6, 1, ST_FMT_BOOL),
	FD(NULL, "snmp.v3.flags.auth", "Authenticated", 7, 1, ST_FMT_BOOL),
	FD(NULL, "snmp.msgSecurityModel", "Security model", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "snmp.msgAuthoritativeEngineID", "Authoritative engine ID",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.msgAuthoritativeEngineBoots", "Engine boots", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "snmp.msgAuthoritativeEngineTime", "Engine time", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "snmp.msgUserName", "User name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "snmp.msgAuthenticationParameters", "Authentication "
	    "parameters", 0, 0, ST_FMT_BYTES),
	FD(NULL, "snmp.msgPrivacyParameters", "Privacy parameters", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "snmp.msgData", "Scoped PDU (0 plaintext, 1 encrypted)", 0,
	    0, ST_FMT_DEC),
	FD(NULL, "snmp.contextEngineID", "Context engine ID", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "snmp.contextName", "Context name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "snmp.encryptedPDU", "Encrypted PDU", 0, 0, ST_FMT_BYTES),
	FDG("snmp.response_to", "Response to", ST_FMT_DEC, NULL),
	FDG("snmp.time", "Time", ST_FMT_TEXT, NULL),
};

#define F(i)	(&snmp_fields[i])

/*
 * Requests and their responses, as Wireshark pairs them (by request-id in
 * the conversation): a get, get-next, set, getBulk or inform request is
 * noted; a get-response finds it and shows its frame and the time since.
 */
static void
pair(struct st_dctx *d, unsigned type, int64_t id)
{
	struct st_match r;
	struct st_field *f;
	char buf[48];
	uint8_t none = 0;

	if (type <= 6 && type != 2 && type != 4) {
		(void)st_match_note(d, (uint64_t)id, &none, sizeof(none));
		return;
	}
	if (type != 2 || !st_match_answer(d, (uint64_t)id, &r))
		return;
	st_dgen(d, F(F_RESPTO), r.frame);
	st_match_delta(d, &r, buf, sizeof(buf));
	if ((f = st_dgen(d, F(F_RTIME), 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
}

/* An INTEGER (or unsigned number) as field i; txt: its text twin. */
static int
integer(struct st_bwalk *w, const struct st_ber *t, int i, int txt)
{
	return st_ber_fint(w, t, F(i), txt >= 0 ? F(txt) : NULL, NULL);
}

/* A varbind's value, by its type. */
static int
vb_value(struct st_bwalk *w, const struct st_ber *t)
{
	if (t->cls == ST_BER_UNIVERSAL)
		switch (t->tag) {
		case ST_BER_INTEGER:
			return integer(w, t, F_VINT, F_VINTT);
		case ST_BER_OCTETS:
			return st_ber_fstr(w, t, F(F_VOCT));
		case ST_BER_NULL:
			st_ber_add(w, t, F(F_VNULL), 0);
			return ST_OK;
		case ST_BER_OID:
			return st_ber_foid(w, t, F(F_VOID));
		}
	if (t->cls == ST_BER_APPLICATION)
		switch (t->tag) {
		case 0:
			if (t->len == 4)
				return st_ber_fstr(w, t, F(F_VIPV4));
			break;
		case 1: case 6:		/* Counter32, Counter64 */
			return st_ber_fuint(w, t, F(F_VCOUNT));
		case 2:
			return st_ber_fuint(w, t, F(F_VG32));
		case 3:
			return st_ber_fuint(w, t, F(F_VTICKS));
		case 4:
			return st_ber_fstr(w, t, F(F_VOPAQUE));
		}
	if (t->cls == ST_BER_CONTEXT && t->tag <= 2 && t->len == 0) {
		st_ber_add(w, t, F(F_NOOBJ + (int)t->tag), 0);
		return ST_OK;
	}
	return st_ber_fstr(w, t, F(F_VUNK));
}

/* The variable bindings (a SEQUENCE OF SEQUENCE { name, value }). */
static int
varbinds(struct st_bwalk *w)
{
	struct st_ber s, vb, t;
	struct st_field *cnt;
	struct st_bwalk in, v;
	unsigned n = 0;
	int rc;

	if ((rc = st_ber_expect(w, &s, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	cnt = st_ber_add(w, &s, F(F_VB), 0);
	in = st_ber_walk_in(w, &s);
	for (; in.pos < in.lim && n < SNMP_MAX_VB; n++) {
		if (cnt != NULL)
			cnt->val = n + 1;
		if ((rc = st_ber_expect(&in, &vb, ST_BER_UNIVERSAL,
		    ST_BER_SEQUENCE)) != ST_OK)
			return rc;
		v = st_ber_walk_in(&in, &vb);
		if ((rc = st_ber_expect(&v, &t, ST_BER_UNIVERSAL, ST_BER_OID)) !=
		    ST_OK || (rc = st_ber_foid(&v, &t, F(F_NAME))) != ST_OK)
			return rc;
		if ((rc = st_ber_next(&v, &t)) != ST_OK ||
		    (rc = vb_value(&v, &t)) != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* A v1 Trap-PDU's fields before its bindings. */
static int
trap_v1(struct st_bwalk *w)
{
	struct st_ber t;
	int rc;

	if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = st_ber_foid(w, &t, F(F_ENT))) != ST_OK)
		return rc;
	if ((rc = st_ber_expect(w, &t, ST_BER_APPLICATION, 0)) != ST_OK)
		return rc;
	if (t.len != 4)
		return st_dmalformed(w->d, "agent address of %zu bytes",
		    t.len);
	if ((rc = st_ber_fstr(w, &t, F(F_AGENT))) != ST_OK ||
	    (rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK ||
	    (rc = integer(w, &t, F_GENERIC, -1)) != ST_OK ||
	    (rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK ||
	    (rc = integer(w, &t, F_SPECIFIC, -1)) != ST_OK ||
	    (rc = st_ber_expect(w, &t, ST_BER_APPLICATION, 3)) != ST_OK)
		return rc;
	return st_ber_fuint(w, &t, F(F_TSTAMP));
}

/* A PDU ([0] to [8], each a SEQUENCE inside). */
static int
pdu(struct st_bwalk *w)
{
	static const int gen[3] = { F_ERR, F_ERRIDX, -1 };
	static const int bulk[3] = { F_NONREP, F_MAXREP, -1 };
	const int *names;
	struct st_ber p, t;
	struct st_bwalk in;
	int64_t id = 0;
	int rc, i;

	if ((rc = st_ber_next(w, &p)) != ST_OK)
		return rc;
	if (p.cls != ST_BER_CONTEXT || p.tag > 8 || !p.cons)
		return st_dmalformed(w->d, "no SNMP PDU (class %u tag %u)",
		    p.cls, (unsigned)p.tag);
	st_ber_add(w, &p, F(F_DATA), p.tag);
	in = st_ber_walk_in(w, &p);
	if (p.tag == 4) {
		if ((rc = trap_v1(&in)) != ST_OK)
			return rc;
		return varbinds(&in);
	}
	if ((rc = st_ber_expect(&in, &t, ST_BER_UNIVERSAL, ST_BER_INTEGER)) !=
	    ST_OK || (rc = st_ber_fint(&in, &t, F(F_REQID), F(F_REQIDT),
	    &id)) != ST_OK)
		return rc;
	pair(w->d, p.tag, id);
	names = p.tag == 5 ? bulk : gen;
	for (i = 0; names[i] >= 0; i++)
		if ((rc = st_ber_expect(&in, &t, ST_BER_UNIVERSAL,
		    ST_BER_INTEGER)) != ST_OK ||
		    (rc = integer(&in, &t, names[i], -1)) != ST_OK)
			return rc;
	return varbinds(&in);
}

/*
 * An INTEGER element of v3's headers as field fd: Wireshark reads these
 * (0..2^31-1 by the RFC) as unsigned, whatever sign the bytes have.
 */
static int
int_elem(struct st_bwalk *w, int fd)
{
	struct st_ber t;
	int rc;

	if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	return st_ber_fuint(w, &t, F(fd));
}

/* An OCTET STRING element as field fd. */
static int
oct_elem(struct st_bwalk *w, int fd)
{
	struct st_ber t;
	int rc;

	if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_OCTETS)) != ST_OK)
		return rc;
	return st_ber_fstr(w, &t, F(fd));
}

/* v3's header data: message ID, maximum size, flags, security model. */
static int
global_data(struct st_bwalk *w)
{
	struct st_ber s, t;
	struct st_cur p;
	struct st_bwalk in;
	int rc;

	if ((rc = st_ber_expect(w, &s, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	in = st_ber_walk_in(w, &s);
	if ((rc = int_elem(&in, F_MID)) != ST_OK ||
	    (rc = int_elem(&in, F_MMAX)) != ST_OK ||
	    (rc = st_ber_expect(&in, &t, ST_BER_UNIVERSAL, ST_BER_OCTETS)) != ST_OK ||
	    (rc = st_ber_fstr(&in, &t, F(F_MFLAGS))) != ST_OK)
		return rc;
	if (t.len == 1) {
		p = st_ber_inside(&in.c, &t);
		st_dfields(w->d, &p, snmp_fields + F_FREPORT, 3);
	}
	return int_elem(&in, F_MSM);
}

/* The user-based security model's parameters (RFC 3414), in the bytes
 * of an OCTET STRING. */
static int
usm(struct st_bwalk *w)
{
	struct st_ber o, s;
	struct st_bwalk in;
	int rc;

	if ((rc = st_ber_expect(w, &o, ST_BER_UNIVERSAL, ST_BER_OCTETS)) != ST_OK)
		return rc;
	in = st_ber_walk_in(w, &o);
	if (o.len == 0)
		return ST_OK;
	if ((rc = st_ber_expect(&in, &s, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	in = st_ber_walk_in(&in, &s);
	if ((rc = oct_elem(&in, F_ENGID)) != ST_OK ||
	    (rc = int_elem(&in, F_BOOTS)) != ST_OK ||
	    (rc = int_elem(&in, F_TIME)) != ST_OK ||
	    (rc = oct_elem(&in, F_USER)) != ST_OK ||
	    (rc = oct_elem(&in, F_AUTHP)) != ST_OK)
		return rc;
	return oct_elem(&in, F_PRIVP);
}

/* v3 after the version: header data, security, the scoped PDU. */
static int
snmp_v3(struct st_bwalk *w)
{
	struct st_ber t;
	struct st_bwalk in;
	int rc;

	if ((rc = global_data(w)) != ST_OK || (rc = usm(w)) != ST_OK ||
	    (rc = st_ber_next(w, &t)) != ST_OK)
		return rc;
	if (t.cls == ST_BER_UNIVERSAL && t.tag == ST_BER_OCTETS) {
		st_ber_add(w, &t, F(F_MDATA), 1);
		return st_ber_fstr(w, &t, F(F_ENCPDU));
	}
	if (t.cls != ST_BER_UNIVERSAL || t.tag != ST_BER_SEQUENCE)
		return st_dmalformed(w->d, "no scoped PDU");
	st_ber_add(w, &t, F(F_MDATA), 0);
	in = st_ber_walk_in(w, &t);
	if ((rc = oct_elem(&in, F_CTXENG)) != ST_OK ||
	    (rc = oct_elem(&in, F_CTXNAME)) != ST_OK)
		return rc;
	return pdu(&in);
}

static int
snmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_bwalk w = { d, *c, c->off, c->end };
	struct st_ber m, t;
	struct st_bwalk in;
	int64_t ver;
	int rc;

	/* A capture cut short: lengths may run past what is here. */
	if (d->pkt->caplen < d->pkt->len)
		w.lim = c->off + 65536;
	d->hdr = left;
	d->plen = 0;
	if ((rc = st_ber_read(c, w.lim, &m)) == ST_ETRUNC)
		return ST_ETRUNC;
	if (rc != ST_OK || m.cls != ST_BER_UNIVERSAL ||
	    m.tag != ST_BER_SEQUENCE)
		return ST_ENOTME;
	w.pos = m.off + m.len;
	if (w.pos - c->off < left) {	/* bytes after the message */
		d->hdr = w.pos - c->off;
		d->plen = left - d->hdr;
	}
	in = st_ber_walk_in(&w, &m);
	if ((rc = st_ber_expect(&in, &t, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	if (st_ber_int(c, &t, &ver) == ST_OK && ver == 3) {
		if ((rc = integer(&in, &t, F_MVER, -1)) != ST_OK)
			return rc;
		return snmp_v3(&in);
	}
	if ((rc = integer(&in, &t, F_VER, -1)) != ST_OK ||
	    (rc = oct_elem(&in, F_COMM)) != ST_OK)
		return rc;
	return pdu(&in);
}

static const struct st_bind snmp_binds[] = {
	{ ST_KEY_UDPPORT, 161 },
	{ ST_KEY_UDPPORT, 162 },
};

/*
 * "snmp v2c get-response C=public id 156782149 1.3.6.1.2.1.1.1.0 (+2)": the
 * version, PDU, community, request ID and the first binding's name.
 */
static int
snmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, snmp_fields, F_NFIELDS, f);
	st_out_puts(s->o, "snmp");
	if ((f[F_VER] != NULL && (m = st_field_meaning(f[F_VER])) != NULL) ||
	    (f[F_MVER] != NULL && (m = st_field_meaning(f[F_MVER])) != NULL))
		st_out_printf(s->o, " %s", m);
	if (f[F_DATA] != NULL && (m = st_field_meaning(f[F_DATA])) != NULL)
		st_out_printf(s->o, " %s", m);
	else if (f[F_ENCPDU] != NULL)
		st_out_puts(s->o, " encrypted");
	if (f[F_COMM] != NULL) {
		st_out_puts(s->o, " C=");
		s->value(s, f[F_COMM]);
	}
	if (f[F_REQID] != NULL || f[F_REQIDT] != NULL) {
		st_out_puts(s->o, " id ");
		s->value(s, f[F_REQID] != NULL ? f[F_REQID] : f[F_REQIDT]);
	}
	if (f[F_ERR] != NULL && f[F_ERR]->val != 0) {
		st_out_puts(s->o, " error ");
		s->value(s, f[F_ERR]);
	}
	if (f[F_ENT] != NULL) {
		st_out_puts(s->o, " enterprise ");
		s->value(s, f[F_ENT]);
	}
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	if (f[F_VB] != NULL && f[F_VB]->val > 1)
		st_out_printf(s->o, " (+%llu)",
		    (unsigned long long)f[F_VB]->val - 1);
	return 1;
}

static const struct st_field_desc *const snmp_keys[] = {
	&snmp_fields[F_VER], &snmp_fields[F_COMM], &snmp_fields[F_DATA],
	&snmp_fields[F_REQID], NULL,
};

const struct st_proto st_proto_snmp = {
	.name = "snmp",
	.ws = "snmp",
	.title = "Simple Network Management Protocol",
	.rfc = "RFC 1157, RFC 3416, RFC 3412",
	.role = ST_ROLE_APP,
	.fields = snmp_fields,
	.nfields = NFIELDS(snmp_fields),
	.decode = snmp_decode,
	.binds = snmp_binds,
	.nbinds = NFIELDS(snmp_binds),
	.summary = snmp_summary,
	.keys = snmp_keys,
	.color = "\033[33m",
	.explain = "A manager reads and sets variables of an agent's MIB, "
	    "each named by an object identifier (1.3.6.1.2.1.1.1.0 is "
	    "sysDescr); the agent answers with a get-response and sends traps "
	    "on its own to port 162.  Every message is ASN.1 BER: tag, "
	    "length, contents.  Versions 1 and 2c authenticate by a community "
	    "string sent in clear; version 3 adds a user-based security model "
	    "that may authenticate and encrypt the PDU.",
};
