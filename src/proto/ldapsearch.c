/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LDAP search requests (with the filter also written out as RFC 4515
 * text) and search result entries (values of a few attribute types as
 * Wireshark shows them: OIDs, GUIDs, SIDs), and the element readers all
 * of LDAP uses.  Messages, binds, results and controls are in ldap.c.
 */
#include <strings.h>

#include "ldap.h"

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

int
st_ldap_str(struct st_bwalk *w, int i)
{
	return str_elem(w, i, NULL);
}

/* The next element, an INTEGER or ENUMERATED, as field i. */
int
st_ldap_num(struct st_bwalk *w, int i)
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
int
st_ldap_bool(struct st_bwalk *w, const struct st_ber *e, int i)
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
			rc = st_ldap_bool(&in, &e, F_DNATTR);
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
int
st_ldap_strlist(struct st_bwalk *w, const struct st_ber *s, int cnt, int each)
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
int
st_ldap_search_req(struct st_bwalk *w)
{
	struct st_ber e, f;
	struct ftext t = { "", 0 };
	struct st_cur p;
	int rc;

	if ((rc = str_elem(w, F_BASE, NULL)) != ST_OK ||
	    (rc = st_ldap_num(w, F_SCOPE)) != ST_OK ||
	    (rc = st_ldap_num(w, F_DEREF)) != ST_OK ||
	    (rc = st_ldap_num(w, F_SIZE)) != ST_OK ||
	    (rc = st_ldap_num(w, F_TIME)) != ST_OK ||
	    (rc = st_ber_expect(w, &e, U, ST_BER_BOOLEAN)) != ST_OK ||
	    (rc = st_ldap_bool(w, &e, F_TYPESONLY)) != ST_OK ||
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
	return st_ldap_strlist(w, &e, F_ATTRS, F_ATTRDESC);
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
int
st_ldap_search_entry(struct st_bwalk *w)
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

