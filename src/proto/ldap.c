/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LDAP (RFC 4511), TCP and UDP port 389, in ASN.1 BER (src/model/ber.c):
 *
 *   LDAPMessage ::= SEQUENCE { messageID INTEGER, protocolOp CHOICE
 *       ([APPLICATION n]: 0 bindRequest ... 25 intermediateResponse),
 *       controls [0] SEQUENCE OF Control OPTIONAL }
 *
 * Each message is a layer; a segment holding several has several.  Binds,
 * results, search requests (with the filter also written out as RFC 4515
 * text), entries and references are decoded field by field.  After a SASL
 * bind that negotiated a security layer, each buffer is a 4-byte length
 * and the wrapped bytes (shown as such).  A message that goes on in a
 * later segment is decoded as far as it is here.  Search requests and
 * entries, and the element readers, are in ldapsearch.c (ldap.h).
 */
#include "strata/match.h"
#include "strata/out.h"
#include "ldap.h"

extern const struct st_proto st_proto_ldap;

static const struct st_valname op_names[] = {
	{ 0, "bindRequest" }, { 1, "bindResponse" }, { 2, "unbindRequest" },
	{ 3, "searchRequest" }, { 4, "searchResEntry" },
	{ 5, "searchResDone" }, { 6, "modifyRequest" },
	{ 7, "modifyResponse" }, { 8, "addRequest" }, { 9, "addResponse" },
	{ 10, "delRequest" }, { 11, "delResponse" }, { 12, "modDNRequest" },
	{ 13, "modDNResponse" }, { 14, "compareRequest" },
	{ 15, "compareResponse" }, { 16, "abandonRequest" },
	{ 19, "searchResRef" }, { 23, "extendedReq" }, { 24, "extendedResp" },
	{ 25, "intermediateResponse" }, { 0, NULL }
};

static const struct st_valname result_names[] = {
	{ 0, "success" }, { 1, "operationsError" }, { 2, "protocolError" },
	{ 3, "timeLimitExceeded" }, { 4, "sizeLimitExceeded" },
	{ 5, "compareFalse" }, { 6, "compareTrue" },
	{ 7, "authMethodNotSupported" }, { 8, "strongAuthRequired" },
	{ 10, "referral" }, { 11, "adminLimitExceeded" },
	{ 14, "saslBindInProgress" }, { 16, "noSuchAttribute" },
	{ 32, "noSuchObject" }, { 34, "invalidDNSyntax" },
	{ 48, "inappropriateAuthentication" }, { 49, "invalidCredentials" },
	{ 50, "insufficientAccessRights" }, { 51, "busy" },
	{ 52, "unavailable" }, { 53, "unwillingToPerform" },
	{ 65, "objectClassViolation" }, { 68, "entryAlreadyExists" },
	{ 80, "other" }, { 0, NULL }
};

static const struct st_valname scope_names[] = {
	{ 0, "baseObject" }, { 1, "singleLevel" }, { 2, "wholeSubtree" },
	{ 0, NULL }
};

static const struct st_valname filter_names[] = {
	{ 0, "and" }, { 1, "or" }, { 2, "not" }, { 3, "equalityMatch" },
	{ 4, "substrings" }, { 5, "greaterOrEqual" }, { 6, "lessOrEqual" },
	{ 7, "present" }, { 8, "approxMatch" }, { 9, "extensibleMatch" },
	{ 0, NULL }
};

const struct st_field_desc st_ldap_fields[F_NFIELDS] = {
	FD(NULL, "ldap.sasl_buffer_length", "SASL buffer length", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "strata.ldap.sasl_buffer", "SASL buffer (wrapped)", 0, 0,
	    ST_FMT_BYTES),
	FD("id", "ldap.messageID", "Message ID", 0, 0, ST_FMT_DEC),
	FDN("op", "ldap.protocolOp", "Operation", 0, 0, ST_FMT_DEC, op_names),
	FD(NULL, "ldap.version", "Version", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.name", "Name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.authentication", "Authentication (0 simple, 3 SASL)",
	    0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.simple", "Password", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.mechanism", "SASL mechanism", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.credentials", "SASL credentials", 0, 0, ST_FMT_BYTES),
	FDN(NULL, "ldap.resultCode", "Result code", 0, 0, ST_FMT_DEC,
	    result_names),
	FD(NULL, "ldap.matchedDN", "Matched DN", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.errorMessage", "Error message", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.referral", "Referral URLs", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.serverSaslCreds", "Server SASL credentials", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "ldap.baseObject", "Base object", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "ldap.scope", "Scope", 0, 0, ST_FMT_DEC, scope_names),
	FD(NULL, "ldap.derefAliases", "Dereference aliases", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "ldap.sizeLimit", "Size limit", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.timeLimit", "Time limit", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.typesOnly", "Types only", 0, 0, ST_FMT_BOOL),
	FDN(NULL, "ldap.filter", "Filter", 0, 0, ST_FMT_DEC, filter_names),
	FD(NULL, "strata.ldap.filter", "Filter (RFC 4515)", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ldap.and", "And (items)", 0, 0, ST_FMT_DEC),
	FDN(NULL, "ldap.and_item", "And item", 0, 0, ST_FMT_DEC,
	    filter_names),
	FD(NULL, "ldap.or", "Or (items)", 0, 0, ST_FMT_DEC),
	FDN(NULL, "ldap.or_item", "Or item", 0, 0, ST_FMT_DEC, filter_names),
	FDN(NULL, "ldap.not", "Not", 0, 0, ST_FMT_DEC, filter_names),
	FD(NULL, "ldap.attributeDesc", "Attribute", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.assertionValue", "Assertion value", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.present", "Present", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.type", "Type", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.substrings", "Substrings", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.substrings_item", "Substring (0 initial, 1 any, "
	    "2 final)", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.initial", "Initial", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.any", "Any", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.final", "Final", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.matchingRule", "Matching rule", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.matchValue", "Match value", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.dnAttributes", "DN attributes", 0, 0, ST_FMT_BOOL),
	FD(NULL, "ldap.attributes", "Attributes", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.AttributeDescription", "Attribute", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ldap.objectName", "Object name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.vals", "Values", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.AttributeValue", "Value", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ldap.searchResRef", "References", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.LDAPURL", "URL", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.controls", "Controls", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.controlType", "Control type", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.criticality", "Critical", 0, 0, ST_FMT_BOOL),
	FD(NULL, "ldap.controlValue", "Control value", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ldap.size", "Page size", 0, 0, ST_FMT_DEC),
	FD(NULL, "ldap.cookie", "Page cookie", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ldap.unbindRequest_element", "Unbind", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ldap.oid", "Value (OID)", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.guid", "Value (GUID)", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ldap.sid", "Value (SID)", 0, 0, ST_FMT_TEXT),
	FDG("ldap.response_to", "Response to", ST_FMT_DEC, NULL),
	FDG("ldap.time", "Time", ST_FMT_TEXT, NULL),
};

/* LDAPResult, and a bind response's server credentials [7]. */
static int
result(struct st_bwalk *w)
{
	struct st_ber e;
	int rc;

	if ((rc = st_ldap_num(w, F_RESULT)) != ST_OK ||
	    (rc = st_ldap_str(w, F_MATCHED)) != ST_OK ||
	    (rc = st_ldap_str(w, F_ERRMSG)) != ST_OK)
		return rc;
	while (w->pos < w->lim && (rc = st_ber_next(w, &e)) == ST_OK) {
		if (e.cls == CTX && e.tag == 3)
			rc = st_ldap_strlist(w, &e, F_REFERRAL, F_URL);
		else if (e.cls == CTX && e.tag == 7)
			rc = st_ber_fstr(w, &e, F(F_SASLCREDS));
		if (rc != ST_OK)
			return rc;
	}
	return rc;
}

/* BindRequest: version, name, simple password or SASL mechanism. */
static int
bind_req(struct st_bwalk *w)
{
	struct st_bwalk in;
	struct st_ber e;
	int rc;

	if ((rc = st_ldap_num(w, F_VERSION)) != ST_OK ||
	    (rc = st_ldap_str(w, F_NAME)) != ST_OK ||
	    (rc = st_ber_next(w, &e)) != ST_OK)
		return rc;
	if (e.cls != CTX || (e.tag != 0 && e.tag != 3))
		return st_dmalformed(w->d, "authentication of tag %u",
		    (unsigned)e.tag);
	st_ber_add(w, &e, F(F_AUTH), e.tag);
	if (e.tag == 0)
		return st_ber_fstr(w, &e, F(F_SIMPLE));
	in = st_ber_walk_in(w, &e);
	if ((rc = st_ldap_str(&in, F_MECH)) != ST_OK || in.pos >= in.lim)
		return rc;
	return st_ldap_str(&in, F_CRED);
}

/* Controls [0]: type, criticality, value (a paged results control's
 * value decoded: size and cookie). */
static int
controls(struct st_bwalk *w, const struct st_ber *s)
{
	struct st_bwalk in = st_ber_walk_in(w, s), c, v;
	struct st_field *cnt = st_ber_add(w, s, F(F_CONTROLS), 0);
	const struct st_field *ty;
	struct st_ber e, q;
	unsigned n;
	int rc;

	for (n = 0; in.pos < in.lim && n < LDAP_MAX_ITEMS; n++) {
		if (cnt != NULL)
			cnt->val = n + 1;
		if ((rc = st_ber_expect(&in, &e, U, ST_BER_SEQUENCE)) != ST_OK)
			return rc;
		c = st_ber_walk_in(&in, &e);
		if ((rc = st_ldap_str(&c, F_CTYPE)) != ST_OK)
			return rc;
		ty = &w->d->pkt->fields[w->d->pkt->nfields - 1];
		while (c.pos < c.lim && (rc = st_ber_next(&c, &q)) == ST_OK) {
			if (q.cls == U && q.tag == ST_BER_BOOLEAN)
				rc = st_ldap_bool(&c, &q, F_CRIT);
			else if (ty->meaning != NULL && strcmp(ty->meaning,
			    "1.2.840.113556.1.4.319") == 0 &&
			    q.cls == U && q.tag == ST_BER_OCTETS) {
				v = st_ber_walk_in(&c, &q);
				if ((rc = st_ber_expect(&v, &e, U,
				    ST_BER_SEQUENCE)) == ST_OK) {
					v = st_ber_walk_in(&v, &e);
					if ((rc = st_ldap_num(&v, F_PSIZE)) == ST_OK)
						rc = st_ldap_str(&v, F_COOKIE);
				}
			} else
				rc = st_ber_fstr(&c, &q, F(F_CVALUE));
			if (rc != ST_OK)
				return rc;
		}
		if (rc != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* The protocol operation op and what follows it. */
static int
operation(struct st_bwalk *w, const struct st_ber *op)
{
	struct st_bwalk in = st_ber_walk_in(w, op);

	st_ber_add(w, op, F(F_OP), op->tag);
	switch (op->tag) {
	case 0:
		return bind_req(&in);
	case 1: case 5: case 7: case 9: case 11: case 13: case 15: case 24:
		return result(&in);
	case 2:
		st_ber_add(w, op, F(F_UNBIND), 0);
		return ST_OK;
	case 3:
		return st_ldap_search_req(&in);
	case 4:
		return st_ldap_search_entry(&in);
	case 19:
		return st_ldap_strlist(w, op, F_RESREF, F_URL);
	}
	return ST_OK;
}

/*
 * Requests and responses paired as Wireshark does (by message ID in the
 * conversation): a bind, search, modify, add, delete, modDN, compare or
 * extended request is noted; each response to it, in any later frame,
 * shows the request's frame and the time since.
 */
static void
pair(struct st_dctx *d, uint64_t id, unsigned op)
{
	struct st_match r;
	struct st_field *f;
	uint8_t none = 0;
	char buf[48];

	switch (op) {
	case 0: case 3: case 6: case 8: case 10: case 12: case 14: case 23:
		(void)st_match_note(d, id, &none, sizeof(none));
		return;
	case 1: case 4: case 5: case 7: case 9: case 11: case 13: case 15:
	case 19: case 24: case 25:
		break;
	default:			/* unbind, abandon: no answer */
		return;
	}
	if (!st_match_answer(d, id, &r))
		return;
	st_dgen(d, F(F_RESPTO), r.frame);
	st_match_delta(d, &r, buf, sizeof(buf));
	if ((f = st_dgen(d, F(F_RTIME), 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
}

/* One LDAPMessage in the bytes at c, lim its end as the length says. */
static int
ldap_message(struct st_dctx *d, struct st_cur *c, const struct st_ber *m)
{
	struct st_bwalk w = { d, *c, m->off, m->off + m->len };
	struct st_ber e;
	uint64_t id;
	int rc;

	if ((rc = st_ber_expect(&w, &e, U, ST_BER_INTEGER)) != ST_OK ||
	    (rc = st_ber_fuint(&w, &e, F(F_ID))) != ST_OK ||
	    (rc = st_ber_uint(&w.c, &e, &id)) != ST_OK ||
	    (rc = st_ber_next(&w, &e)) != ST_OK)
		return rc;
	if (e.cls != ST_BER_APPLICATION)
		return st_dmalformed(d, "no protocol operation");
	rc = operation(&w, &e);
	pair(d, id, (unsigned)e.tag);
	if (rc != ST_OK || w.pos >= w.lim ||
	    (rc = st_ber_next(&w, &e)) != ST_OK)
		return rc;
	if (e.cls == CTX && e.tag == 0)
		return controls(&w, &e);
	return ST_OK;
}

/*
 * The LDAP messages a Kerberos wrap token (RFC 4121 4.2.6.2) carries in
 * clear, integrity only, in the n buffer bytes at c + 4: after the 16-byte
 * token header and RRC bytes of the checksum rotated to the front.
 */
static void
ldap_wrapped(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t ec, rrc, pos, end;
	struct st_ber m;
	unsigned i;

	if (n < 16 || st_peek_bits(c, 32, 16) != 0x0504 ||
	    (st_peek_bits(c, 48, 8) & 2) || st_peek_bits(c, 56, 8) != 0xff)
		return;
	ec = (size_t)st_peek_bits(c, 64, 16);
	rrc = (size_t)st_peek_bits(c, 80, 16);
	if (16 + rrc + (ec > rrc ? ec - rrc : 0) > n)
		return;
	pos = c->off + 4 + 16 + rrc;
	end = c->off + 4 + n - (ec > rrc ? ec - rrc : 0);
	for (i = 0; pos < end && i < LDAP_MAX_ITEMS; i++) {
		struct st_cur p = *c;

		p.off = pos;
		if (st_ber_read(&p, end, &m) != ST_OK || m.cls != U ||
		    m.tag != ST_BER_SEQUENCE ||
		    ldap_message(d, c, &m) != ST_OK)
			return;
		pos = m.off + m.len;
	}
}

/*
 * The n bytes at off (from the cursor's base) as the layers of the
 * authentication token they hold, through the registry (ST_KEY_GSSAPI):
 * a bare NTLMSSP message or SPNEGO answer to their own layer, else
 * gss-api.  A bind request's credentials (bind) always go to gss-api,
 * which hands a bare NTLMSSP message on, as Wireshark's LDAP does (its
 * answer's go straight to NTLMSSP).  Called last: later fields would go
 * to those layers.
 */
static void
ldap_auth_on(struct st_dctx *d, struct st_cur *c, size_t off, size_t n,
    int bind)
{
	const struct st_proto *p;
	struct st_cur t = *c;
	unsigned b;

	t.off = off;
	if (n == 0 || off < c->off || !st_cur_need(&t, 1))
		return;
	b = (unsigned)st_peek_bits(&t, 0, 8);
	p = st_proto_next(ST_KEY_GSSAPI, b == 'N' && !bind ? ST_GSS_NTLMSSP :
	    b == 0xa1 ? ST_GSS_SPNEGO : ST_GSS_TOKEN);
	if (p != NULL)
		st_dsublayer(d, c, p, off - c->off, n);
}

/* A bind's SASL credentials (or the server's) in the layer, handed on. */
static void
ldap_creds_on(struct st_dctx *d, struct st_cur *c)
{
	const struct st_field *f = &d->pkt->fields[d->ly->field0];
	const struct st_field *end = f + d->ly->nfields;

	for (; f < end; f++)
		if ((f->desc == F(F_CRED) || f->desc == F(F_SASLCREDS)) &&
		    f->bits > 0) {
			ldap_auth_on(d, c, f->bitoff / 8, f->bits / 8,
			    f->desc == F(F_CRED));
			return;
		}
}

/* A SASL buffer: a 4-byte length and the wrapped message. */
static int
ldap_sasl(struct st_dctx *d, struct st_cur *c, size_t left)
{
	size_t len = (size_t)st_peek_bits(c, 0, 32);

	st_dfield(d, c, F(F_SASLLEN));
	if (len > 0)
		st_dbytes(d, c, F(F_SASLBUF), 4, len < left - 4 ? len :
		    left - 4);
	d->hdr = len < left - 4 ? 4 + len : left;
	if (len <= left - 4)
		ldap_wrapped(d, c, len);
	ldap_auth_on(d, c, c->off + 4, len < left - 4 ? len : left - 4, 0);
	return d->ly->status == ST_LS_MALFORMED ? ST_EINVAL : ST_OK;
}

static int
ldap_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), lim = c->end;
	int cut = d->pkt->caplen < d->pkt->len;
	struct st_ber m;
	int rc;

	d->hdr = left;
	d->plen = 0;
	if (left < 2)
		return left == 0 || cut ? ST_ETRUNC : ST_ENOTME;
	/* A wrapped buffer: a length below 16 MB that is not a SEQUENCE. */
	if (left >= 8 && st_peek_bits(c, 0, 8) == 0 &&
	    st_peek_bits(c, 0, 32) >= 4)
		return ldap_sasl(d, c, left);
	/* Lengths may run past the segment: the rest comes later. */
	if ((rc = st_ber_read(c, c->off + (1u << 24), &m)) != ST_OK ||
	    m.cls != U || m.tag != ST_BER_SEQUENCE)
		return rc == ST_ETRUNC && cut ? ST_ETRUNC : ST_ENOTME;
	rc = ldap_message(d, c, &m);
	if (m.off + m.len > lim) {
		if (cut && rc == ST_ETRUNC)
			return ST_ETRUNC;
		st_pkt_note(d->pkt, "LDAP: a message continues in a later "
		    "segment");
		return rc == ST_ETRUNC ? ST_OK : rc;
	}
	d->hdr = m.off + m.len - c->off;
	if (rc == ST_OK)
		ldap_creds_on(d, c);
	if (rc == ST_OK && d->hdr < left) {	/* more messages */
		d->plen = left - d->hdr;
		if (st_dcount(d, d->ly->proto) + 1 < LDAP_MAX_ITEMS)
			d->next = d->ly->proto;
	}
	return rc;
}

static const struct st_bind ldap_binds[] = {
	{ ST_KEY_TCPPORT, 389 },
};

/* Connectionless LDAP (RFC 1798, Active Directory's "LDAP ping" for a
 * domain controller): the same messages, one per datagram, under the
 * name Wireshark gives them there. */
static const struct st_bind cldap_binds[] = {
	{ ST_KEY_UDPPORT, 389 },
};

/*
 * "ldap #2 searchRequest base dc=example,dc=com (&(cn=x)(mail=*))",
 * "ldap #2 searchResDone noSuchObject": the message ID, the operation and
 * what it is about.
 */
static int
ldap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const int about[] = { F_NAME, F_BASE, F_FILTERTXT, F_OBJNAME,
	    F_RESULT, F_URL, F_MECH };
	const struct st_layer *end = s->pkt->layers + s->pkt->nlayers, *l;
	const struct st_field *f[F_NFIELDS];
	const char *m;
	unsigned more = 0;
	size_t i;

	st_ly_fields(s->pkt, ly, st_ldap_fields, F_NFIELDS, f);
	st_out_puts(s->o, ly->proto->name);
	if (f[F_SASLLEN] != NULL) {
		st_out_puts(s->o, " SASL buffer of ");
		s->value(s, f[F_SASLLEN]);
		st_out_puts(s->o, " bytes");
	}
	if (f[F_ID] != NULL) {
		st_out_puts(s->o, " #");
		s->value(s, f[F_ID]);
	}
	if (f[F_OP] != NULL && (m = st_field_meaning(f[F_OP])) != NULL)
		st_out_printf(s->o, " %s", m);
	for (i = 0; i < NFIELDS(about); i++)
		if (f[about[i]] != NULL && (f[about[i]]->desc->fmt !=
		    ST_FMT_TEXT || (f[about[i]]->meaning != NULL &&
		    f[about[i]]->meaning[0] != '\0'))) {
			st_out_putc(s->o, ' ');
			if ((m = st_field_meaning(f[about[i]])) != NULL &&
			    f[about[i]]->desc->fmt != ST_FMT_TEXT)
				st_out_puts(s->o, m);
			else
				s->value(s, f[about[i]]);
		}
	for (l = ly + 1; l < end && l->proto == ly->proto; l++)
		more++;
	if (more > 0)
		st_out_printf(s->o, " (+%u message%s)", more, more > 1 ? "s" :
		    "");
	return 1;
}

static const struct st_field_desc *const ldap_keys[] = {
	&st_ldap_fields[F_ID], &st_ldap_fields[F_OP], NULL,
};

const struct st_proto st_proto_ldap = {
	.name = "ldap",
	.ws = "ldap",
	.title = "Lightweight Directory Access Protocol",
	.rfc = "RFC 4511",
	.role = ST_ROLE_APP,
	.fields = st_ldap_fields,
	.nfields = NFIELDS(st_ldap_fields),
	.decode = ldap_decode,
	.binds = ldap_binds,
	.nbinds = NFIELDS(ldap_binds),
	.summary = ldap_summary,
	.keys = ldap_keys,
	.color = "\033[33m",
	.explain = "A client binds (simple password or SASL), then searches "
	    "a tree of entries named by distinguished names (cn=x,dc=example,"
	    "dc=com) with a filter ((&(objectClass=user)(mail=*))); the "
	    "server answers with one message per entry, references, and a "
	    "final result code.  Each message is ASN.1 BER and carries the "
	    "request's message ID.",
};

const struct st_proto st_proto_cldap = {
	.name = "cldap",
	.ws = "cldap",
	.title = "Connectionless Lightweight Directory Access Protocol",
	.rfc = "RFC 1798, RFC 4511",
	.role = ST_ROLE_APP,
	.fields = st_ldap_fields,
	.nfields = NFIELDS(st_ldap_fields),
	.decode = ldap_decode,
	.binds = cldap_binds,
	.nbinds = NFIELDS(cldap_binds),
	.summary = ldap_summary,
	.keys = ldap_keys,
	.color = "\033[33m",
	.explain = "LDAP's messages over UDP port 389, one request and its "
	    "answer per datagram, without a bind.  Windows clients find a "
	    "domain controller this way: a search of the empty base for the "
	    "Netlogon attribute (the \"LDAP ping\"), whose answer names the "
	    "domain, the forest and the controller's site.",
};
