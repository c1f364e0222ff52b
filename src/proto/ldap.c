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
 * later segment is decoded as far as it is here.
 */
#include <strings.h>

#include "strata/ber.h"
#include "strata/out.h"
#include "fields.h"

#define LDAP_MAX_ITEMS	64	/* attributes, values, filter items each */
#define LDAP_MAX_DEPTH	8	/* filters nested */
#define LDAP_FILTER_TEXT 512	/* bytes of the filter as text */

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

enum { F_SASLLEN, F_SASLBUF, F_ID, F_OP, F_VERSION, F_NAME, F_AUTH,
	F_SIMPLE, F_MECH, F_CRED, F_RESULT, F_MATCHED, F_ERRMSG, F_REFERRAL,
	F_SASLCREDS, F_BASE, F_SCOPE, F_DEREF, F_SIZE, F_TIME, F_TYPESONLY,
	F_FILTER, F_FILTERTXT, F_AND, F_ANDITEM, F_OR, F_ORITEM, F_NOT,
	F_ADESC, F_AVAL, F_PRESENT, F_TYPE, F_SUBS, F_SUBITEM, F_INITIAL,
	F_ANY, F_FINAL, F_MRULE, F_MVALUE, F_DNATTR, F_ATTRS, F_ATTRDESC,
	F_OBJNAME, F_VALS, F_AVALUE, F_RESREF, F_URL, F_CONTROLS, F_CTYPE,
	F_CRIT, F_CVALUE, F_PSIZE, F_COOKIE, F_UNBIND, F_OID, F_GUID, F_SID,
	F_NFIELDS };

static const struct st_field_desc ldap_fields[] = {
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
};

#define F(i)	(&ldap_fields[i])
#define U	ST_BER_UNIVERSAL
#define CTX	ST_BER_CONTEXT

/* The filter as text, built while its fields are added. */
struct ftext {
	char	 b[LDAP_FILTER_TEXT];
	size_t	 n;
};

static void
ft_put(struct ftext *t, const char *s, size_t n)
{
	if (n > sizeof(t->b) - 1 - t->n)
		n = sizeof(t->b) - 1 - t->n;
	memcpy(t->b + t->n, s, n);
	t->n += n;
	t->b[t->n] = '\0';
}

/* The last field's text (just added) into the filter text. */
static void
ft_last(struct st_bwalk *w, struct ftext *t)
{
	const struct st_packet *pkt = w->d->pkt;
	const char *m;

	if (pkt->nfields > 0 && (m = pkt->fields[pkt->nfields - 1].meaning)
	    != NULL)
		ft_put(t, m, strlen(m));
}

/* The next element, a string, as text field i (and into the filter). */
static int
str_elem(struct st_bwalk *w, int i, struct ftext *t)
{
	struct st_ber e;
	int rc;

	if ((rc = st_ber_expect(w, &e, U, ST_BER_OCTETS)) != ST_OK ||
	    (rc = st_ber_fstr(w, &e, F(i))) != ST_OK)
		return rc;
	if (t != NULL)
		ft_last(w, t);
	return ST_OK;
}

/* The next element, an INTEGER or ENUMERATED, as field i. */
static int
num_elem(struct st_bwalk *w, int i)
{
	struct st_ber e;
	int rc;

	if ((rc = st_ber_next(w, &e)) != ST_OK)
		return rc;
	if (e.cls != U || (e.tag != ST_BER_INTEGER &&
	    e.tag != ST_BER_ENUMERATED))
		return st_dmalformed(w->d, "number expected");
	return st_ber_fuint(w, &e, F(i));
}

/* The next element, a BOOLEAN, as field i. */
static int
bool_elem(struct st_bwalk *w, const struct st_ber *e, int i)
{
	struct st_cur p = st_ber_inside(&w->c, e);

	if (e->len != 1)
		return st_dmalformed(w->d, "boolean of %zu bytes", e->len);
	if (!st_cur_need(&p, 1))
		return ST_ETRUNC;
	st_ber_add(w, e, F(i), st_peek_bits(&p, 0, 8) != 0);
	return ST_OK;
}

static int filter(struct st_bwalk *, const struct st_ber *, struct ftext *,
    unsigned);

/* and, or: a SET OF Filter, each item's kind in field item. */
static int
filter_set(struct st_bwalk *w, const struct st_ber *f, int cnt, int item,
    struct ftext *t, unsigned depth)
{
	struct st_bwalk in = st_ber_walk_in(w, f);
	struct st_field *c = st_ber_add(w, f, F(cnt), 0);
	struct st_ber e;
	unsigned n;
	int rc;

	ft_put(t, cnt == F_AND ? "&" : "|", 1);
	for (n = 0; in.pos < in.lim && n < LDAP_MAX_ITEMS; n++) {
		if ((rc = st_ber_next(&in, &e)) != ST_OK)
			return rc;
		if (c != NULL)
			c->val = n + 1;
		st_ber_add(&in, &e, F(item), e.tag);
		if ((rc = filter(&in, &e, t, depth + 1)) != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* SubstringFilter: the type, then initial, any and final parts. */
static int
filter_subs(struct st_bwalk *w, const struct st_ber *f, struct ftext *t)
{
	struct st_bwalk in = st_ber_walk_in(w, f), s;
	struct st_ber e, q;
	struct st_field *c;
	unsigned n, last = 3;
	int rc;

	if ((rc = str_elem(&in, F_TYPE, t)) != ST_OK ||
	    (rc = st_ber_expect(&in, &q, U, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	ft_put(t, "=", 1);
	c = st_ber_add(&in, &q, F(F_SUBS), 0);
	s = st_ber_walk_in(&in, &q);
	for (n = 0; s.pos < s.lim && n < LDAP_MAX_ITEMS; n++) {
		if ((rc = st_ber_next(&s, &e)) != ST_OK)
			return rc;
		if (e.cls != CTX || e.tag > 2)
			return st_dmalformed(w->d, "substring of tag %u",
			    (unsigned)e.tag);
		if (c != NULL)
			c->val = n + 1;
		st_ber_add(&s, &e, F(F_SUBITEM), e.tag);
		if (e.tag != 0)
			ft_put(t, "*", 1);
		if ((rc = st_ber_fstr(&s, &e, F(F_INITIAL + (int)e.tag))) !=
		    ST_OK)
			return rc;
		ft_last(&s, t);
		last = e.tag;
	}
	if (last != 2)
		ft_put(t, "*", 1);
	return ST_OK;
}

/* MatchingRuleAssertion: [1] rule, [2] type, [3] value, [4] dnAttributes;
 * as text type[:dn][:rule]:=value. */
static int
filter_ext(struct st_bwalk *w, const struct st_ber *f, struct ftext *t)
{
	static const int rows[5] = { -1, F_MRULE, F_TYPE, F_MVALUE, -1 };
	struct st_bwalk in = st_ber_walk_in(w, f);
	const char *part[5] = { NULL, NULL, NULL, NULL, NULL };
	const struct st_packet *pkt = w->d->pkt;
	struct st_ber e;
	unsigned n;
	int rc;

	for (n = 0; in.pos < in.lim && n < 4; n++) {
		if ((rc = st_ber_next(&in, &e)) != ST_OK)
			return rc;
		if (e.cls != CTX || e.tag < 1 || e.tag > 4)
			return st_dmalformed(w->d, "extensible match item");
		if (e.tag == 4)
			rc = bool_elem(&in, &e, F_DNATTR);
		else
			rc = st_ber_fstr(&in, &e, F(rows[e.tag]));
		if (rc != ST_OK)
			return rc;
		if (pkt->nfields > 0)
			part[e.tag] = e.tag == 4 ? (pkt->fields[pkt->nfields -
			    1].val ? ":dn" : NULL) :
			    pkt->fields[pkt->nfields - 1].meaning;
	}
	if (part[2] != NULL)
		ft_put(t, part[2], strlen(part[2]));
	if (part[4] != NULL)
		ft_put(t, part[4], strlen(part[4]));
	if (part[1] != NULL) {
		ft_put(t, ":", 1);
		ft_put(t, part[1], strlen(part[1]));
	}
	ft_put(t, ":=", 2);
	if (part[3] != NULL)
		ft_put(t, part[3], strlen(part[3]));
	return ST_OK;
}

/* One Filter f (its kind by its context tag), into fields and text. */
static int
filter(struct st_bwalk *w, const struct st_ber *f, struct ftext *t,
    unsigned depth)
{
	static const char *const ops[10] = { NULL, NULL, NULL, "=", NULL,
	    ">=", "<=", "=*", "~=", NULL };
	struct st_bwalk in = st_ber_walk_in(w, f);
	struct st_ber e;
	int rc;

	if (f->cls != CTX || f->tag > 9)
		return st_dmalformed(w->d, "filter of tag %u",
		    (unsigned)f->tag);
	if (depth > LDAP_MAX_DEPTH)
		return st_dmalformed(w->d, "filters nested deeper than %d",
		    LDAP_MAX_DEPTH);
	ft_put(t, "(", 1);
	switch (f->tag) {
	case 0: case 1:
		rc = filter_set(w, f, f->tag == 0 ? F_AND : F_OR,
		    f->tag == 0 ? F_ANDITEM : F_ORITEM, t, depth);
		break;
	case 2:
		ft_put(t, "!", 1);
		if ((rc = st_ber_next(&in, &e)) == ST_OK) {
			st_ber_add(&in, &e, F(F_NOT), e.tag);
			rc = filter(&in, &e, t, depth + 1);
		}
		break;
	case 4:
		rc = filter_subs(w, f, t);
		break;
	case 7:
		if ((rc = st_ber_fstr(w, f, F(F_PRESENT))) == ST_OK)
			ft_last(w, t);
		ft_put(t, ops[7], 2);
		break;
	case 9:
		rc = filter_ext(w, f, t);
		break;
	default:		/* an AttributeValueAssertion */
		if ((rc = str_elem(&in, F_ADESC, t)) == ST_OK) {
			ft_put(t, ops[f->tag], strlen(ops[f->tag]));
			rc = str_elem(&in, F_AVAL, t);
		}
	}
	ft_put(t, ")", 1);
	return rc;
}

/* A SEQUENCE OF strings: its count in field cnt, each in field each. */
static int
str_list(struct st_bwalk *w, const struct st_ber *s, int cnt, int each)
{
	struct st_bwalk in = st_ber_walk_in(w, s);
	struct st_field *c = st_ber_add(w, s, F(cnt), 0);
	unsigned n;
	int rc;

	for (n = 0; in.pos < in.lim && n < LDAP_MAX_ITEMS; n++) {
		if (c != NULL)
			c->val = n + 1;
		if ((rc = str_elem(&in, each, NULL)) != ST_OK) {
			if (c != NULL)
				c->val = 0;
			return rc;
		}
	}
	return ST_OK;
}

/* SearchRequest: base, scope ... filter, attributes. */
static int
search_req(struct st_bwalk *w)
{
	struct st_ber e, f;
	struct ftext t = { "", 0 };
	struct st_cur p;
	int rc;

	if ((rc = str_elem(w, F_BASE, NULL)) != ST_OK ||
	    (rc = num_elem(w, F_SCOPE)) != ST_OK ||
	    (rc = num_elem(w, F_DEREF)) != ST_OK ||
	    (rc = num_elem(w, F_SIZE)) != ST_OK ||
	    (rc = num_elem(w, F_TIME)) != ST_OK ||
	    (rc = st_ber_expect(w, &e, U, ST_BER_BOOLEAN)) != ST_OK ||
	    (rc = bool_elem(w, &e, F_TYPESONLY)) != ST_OK ||
	    (rc = st_ber_next(w, &f)) != ST_OK)
		return rc;
	st_ber_add(w, &f, F(F_FILTER), f.tag);
	rc = filter(w, &f, &t, 0);
	p = w->c;
	p.off = f.start;
	if (rc == ST_OK && st_cur_need(&p, f.off + f.len - f.start))
		st_dtext(w->d, &p, F(F_FILTERTXT), 0, f.off + f.len - f.start,
		    t.b);
	if (rc != ST_OK ||
	    (rc = st_ber_expect(w, &e, U, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	return str_list(w, &e, F_ATTRS, F_ATTRDESC);
}

/* How Wireshark shows the values of attribute type ty: as field F_OID,
 * F_GUID, F_SID, or F_AVALUE (bytes). */
static int
value_row(const char *ty)
{
	if (ty == NULL)
		return F_AVALUE;
	if (strcasecmp(ty, "supportedControl") == 0 ||
	    strcasecmp(ty, "supportedExtension") == 0 ||
	    strcasecmp(ty, "supportedCapabilities") == 0 ||
	    strcasecmp(ty, "supportedFeatures") == 0)
		return F_OID;
	if (strcasecmp(ty, "objectGUID") == 0)
		return F_GUID;
	if (strcasecmp(ty, "objectSid") == 0)
		return F_SID;
	return F_AVALUE;
}

/* A GUID's 16 bytes at p as Wireshark writes them (the first three
 * groups little-endian). */
static void
guid_text(const uint8_t *p, char *buf, size_t n)
{
	snprintf(buf, n, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", p[3], p[2], p[1], p[0], p[5], p[4],
	    p[7], p[6], p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15]);
}

/* A SID of len bytes at p as "S-1-5-21-...", or 0 when it lies. */
static int
sid_text(const uint8_t *p, size_t len, char *buf, size_t n)
{
	uint64_t auth = 0;
	size_t k, i, cnt;

	if (len < 8 || (cnt = p[1]) > 15 || len != 8 + 4 * cnt)
		return 0;
	for (i = 2; i < 8; i++)
		auth = auth << 8 | p[i];
	k = (size_t)snprintf(buf, n, "S-%u-%llu", p[0],
	    (unsigned long long)auth);
	for (i = 0; i < cnt && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "-%u", (unsigned)
		    (p[8 + 4 * i] | p[9 + 4 * i] << 8 | p[10 + 4 * i] << 16 |
		    (uint32_t)p[11 + 4 * i] << 24));
	return 1;
}

/* One value e of an attribute whose values go in field row. */
static int
attr_value(struct st_bwalk *w, const struct st_ber *e, int row)
{
	struct st_cur p = st_ber_inside(&w->c, e);
	char buf[200];

	if (row == F_AVALUE || row == F_OID)
		return st_ber_fstr(w, e, F(row));
	if (!st_cur_need(&p, e->len))
		return ST_ETRUNC;
	if (row == F_GUID && e->len == 16)
		guid_text(p.base + p.off, buf, sizeof(buf));
	else if (row != F_SID || !sid_text(p.base + p.off, e->len, buf,
	    sizeof(buf)))
		return st_ber_fstr(w, e, F(F_AVALUE));
	st_dtext(w->d, &p, F(row), 0, e->len, buf);
	return ST_OK;
}

/* SearchResultEntry: the object's name, its attributes and values. */
static int
search_entry(struct st_bwalk *w)
{
	struct st_bwalk in, a, v;
	struct st_ber s, pa, vs, e;
	struct st_field *c, *cv, zero;
	unsigned n, k;
	int rc = ST_OK, row;

	if ((rc = str_elem(w, F_OBJNAME, NULL)) != ST_OK ||
	    (rc = st_ber_expect(w, &s, U, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	if ((c = st_ber_add(w, &s, F(F_ATTRS), 0)) == NULL)
		c = &zero;
	in = st_ber_walk_in(w, &s);
	for (n = 0; in.pos < in.lim && n < LDAP_MAX_ITEMS; n++) {
		c->val = n + 1;
		if ((rc = st_ber_expect(&in, &pa, U, ST_BER_SEQUENCE)) !=
		    ST_OK)
			break;
		a = st_ber_walk_in(&in, &pa);
		if ((rc = str_elem(&a, F_TYPE, NULL)) != ST_OK)
			break;
		row = value_row(w->d->pkt->fields[w->d->pkt->nfields -
		    1].meaning);
		if ((rc = st_ber_expect(&a, &vs, U, ST_BER_SET)) != ST_OK)
			break;
		if ((cv = st_ber_add(&a, &vs, F(F_VALS), 0)) == NULL)
			cv = &zero;
		v = st_ber_walk_in(&a, &vs);
		for (k = 0; v.pos < v.lim && k < LDAP_MAX_ITEMS; k++) {
			cv->val = k + 1;
			if ((rc = st_ber_expect(&v, &e, U, ST_BER_OCTETS)) !=
			    ST_OK || (rc = attr_value(&v, &e, row)) != ST_OK) {
				cv->val = 0;
				break;
			}
		}
		if (rc != ST_OK)
			break;
	}
	/* A list is counted once whole, as Wireshark does. */
	if (rc != ST_OK)
		c->val = 0;
	return rc;
}

/* LDAPResult, and a bind response's server credentials [7]. */
static int
result(struct st_bwalk *w)
{
	struct st_ber e;
	int rc;

	if ((rc = num_elem(w, F_RESULT)) != ST_OK ||
	    (rc = str_elem(w, F_MATCHED, NULL)) != ST_OK ||
	    (rc = str_elem(w, F_ERRMSG, NULL)) != ST_OK)
		return rc;
	while (w->pos < w->lim && (rc = st_ber_next(w, &e)) == ST_OK) {
		if (e.cls == CTX && e.tag == 3)
			rc = str_list(w, &e, F_REFERRAL, F_URL);
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

	if ((rc = num_elem(w, F_VERSION)) != ST_OK ||
	    (rc = str_elem(w, F_NAME, NULL)) != ST_OK ||
	    (rc = st_ber_next(w, &e)) != ST_OK)
		return rc;
	if (e.cls != CTX || (e.tag != 0 && e.tag != 3))
		return st_dmalformed(w->d, "authentication of tag %u",
		    (unsigned)e.tag);
	st_ber_add(w, &e, F(F_AUTH), e.tag);
	if (e.tag == 0)
		return st_ber_fstr(w, &e, F(F_SIMPLE));
	in = st_ber_walk_in(w, &e);
	if ((rc = str_elem(&in, F_MECH, NULL)) != ST_OK || in.pos >= in.lim)
		return rc;
	return str_elem(&in, F_CRED, NULL);
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
		if ((rc = str_elem(&c, F_CTYPE, NULL)) != ST_OK)
			return rc;
		ty = &w->d->pkt->fields[w->d->pkt->nfields - 1];
		while (c.pos < c.lim && (rc = st_ber_next(&c, &q)) == ST_OK) {
			if (q.cls == U && q.tag == ST_BER_BOOLEAN)
				rc = bool_elem(&c, &q, F_CRIT);
			else if (ty->meaning != NULL && strcmp(ty->meaning,
			    "1.2.840.113556.1.4.319") == 0 &&
			    q.cls == U && q.tag == ST_BER_OCTETS) {
				v = st_ber_walk_in(&c, &q);
				if ((rc = st_ber_expect(&v, &e, U,
				    ST_BER_SEQUENCE)) == ST_OK) {
					v = st_ber_walk_in(&v, &e);
					if ((rc = num_elem(&v, F_PSIZE)) == ST_OK)
						rc = str_elem(&v, F_COOKIE,
						    NULL);
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
		return search_req(&in);
	case 4:
		return search_entry(&in);
	case 19:
		return str_list(w, op, F_RESREF, F_URL);
	}
	return ST_OK;
}

/* One LDAPMessage in the bytes at c, lim its end as the length says. */
static int
ldap_message(struct st_dctx *d, struct st_cur *c, const struct st_ber *m)
{
	struct st_bwalk w = { d, *c, m->off, m->off + m->len };
	struct st_ber e;
	int rc;

	if ((rc = st_ber_expect(&w, &e, U, ST_BER_INTEGER)) != ST_OK ||
	    (rc = st_ber_fuint(&w, &e, F(F_ID))) != ST_OK ||
	    (rc = st_ber_next(&w, &e)) != ST_OK)
		return rc;
	if (e.cls != ST_BER_APPLICATION)
		return st_dmalformed(d, "no protocol operation");
	if ((rc = operation(&w, &e)) != ST_OK || w.pos >= w.lim ||
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
	if (rc == ST_OK && d->hdr < left) {	/* more messages */
		d->plen = left - d->hdr;
		if (st_dcount(d, &st_proto_ldap) + 1 < LDAP_MAX_ITEMS)
			d->next = &st_proto_ldap;
	}
	return rc;
}

static const struct st_bind ldap_binds[] = {
	{ ST_KEY_TCPPORT, 389 },
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

	st_ly_fields(s->pkt, ly, ldap_fields, F_NFIELDS, f);
	st_out_puts(s->o, "ldap");
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
	for (l = ly + 1; l < end && l->proto == &st_proto_ldap; l++)
		more++;
	if (more > 0)
		st_out_printf(s->o, " (+%u message%s)", more, more > 1 ? "s" :
		    "");
	return 1;
}

static const struct st_field_desc *const ldap_keys[] = {
	&ldap_fields[F_ID], &ldap_fields[F_OP], NULL,
};

const struct st_proto st_proto_ldap = {
	.name = "ldap",
	.ws = "ldap",
	.title = "Lightweight Directory Access Protocol",
	.rfc = "RFC 4511",
	.role = ST_ROLE_APP,
	.fields = ldap_fields,
	.nfields = NFIELDS(ldap_fields),
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
