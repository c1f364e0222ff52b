/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Values in a spec: numbers (decimal or 0x hex), names from the field
 * tables and the protocols' names() hooks, written as the tables spell them
 * with '-' or '_' for spaces ("echo-request") or shortened word by word
 * ("dest-unreach", "fragmentation-needed"); and, for the packets of one
 * spec, lists "22,80,443", ranges "1-30", steps "1000+10" and "rand".
 * A value out of range for its field is an error, never cut.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "values.h"

/* Edit distance of two short words, for "did you mean". */
static unsigned
distance(const char *a, const char *b)
{
	unsigned d[64][64], i, j, la = (unsigned)strlen(a),
	    lb = (unsigned)strlen(b);

	if (la >= 64 || lb >= 64)
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			unsigned c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			d[i][j] = c;
		}
	return d[la][lb];
}

void
st__closest(const char *word, const char *cand, size_t n, char *best,
    unsigned *bd)
{
	char c[64];
	unsigned dd;

	if (n >= sizeof(c))
		return;
	memcpy(c, cand, n);
	c[n] = '\0';
	dd = distance(word, c);
	if (dd < *bd && dd <= 2) {
		*bd = dd;
		memcpy(best, c, n + 1);
	}
}

/* A table name as a spec writes it: "echo request" -> "echo-request". */
static void
spec_form(const char *name, char *buf, size_t n)
{
	size_t i;

	for (i = 0; name[i] != '\0' && i + 1 < n; i++)
		buf[i] = name[i] == ' ' ? '-' :
		    (char)tolower((unsigned char)name[i]);
	buf[i] = '\0';
}

static int
is_sep(char c)
{
	return c == ' ' || c == '-' || c == '_';
}

/* Whether the word at w (up to a separator) begins the word at t. */
static int
word_begins(const char *w, const char *t)
{
	for (; *w != '\0' && !is_sep(*w); w++, t++)
		if (tolower((unsigned char)*w) != tolower((unsigned char)*t))
			return 0;
	return 1;
}

static const char *
next_word(const char *p)
{
	while (*p != '\0' && !is_sep(*p))
		p++;
	return *p != '\0' ? p + 1 : p;
}

/*
 * 3 when spec equals table ("echo-request", "Echo_Request"), 2 when each
 * of its words begins the table's word in the same place ("dest-unreach"),
 * 1 when they begin table words in order, some left out
 * ("host-prohibited": host administratively prohibited), else 0.
 */
static int
name_match(const char *spec, const char *table)
{
	const char *s = spec, *t = table;
	int inplace = 1;

	for (; *s != '\0'; s = next_word(s)) {
		while (*t != '\0' && !word_begins(s, t)) {
			t = next_word(t);
			inplace = 0;
		}
		if (*t == '\0')
			return 0;
		t = next_word(t);
	}
	for (s = spec, t = table; *s != '\0' && *t != '\0'; s++, t++)
		if (tolower((unsigned char)*s) != tolower((unsigned char)*t) &&
		    !(is_sep(*s) && is_sep(*t)))
			break;
	if (*s == '\0' && *t == '\0')
		return 3;
	return inplace ? 2 : 1;
}

int
st__lookup(const struct st_valname *t, const char *s, uint64_t *v,
    struct st_spec_err *err)
{
	const struct st_valname *e, *hit;
	char full[64];
	size_t n;
	int level;

	for (level = 3; level > 0; level--) {
		for (hit = NULL, e = t; e != NULL && e->name != NULL; e++) {
			if (name_match(s, e->name) != level)
				continue;
			if (hit != NULL)
				return 0;	/* "echo": request or reply */
			hit = e;
		}
		if (hit != NULL)
			break;
	}
	if (hit == NULL || (level < 3 && strlen(s) < 3))
		return 0;
	*v = hit->val;
	if (level == 3)
		return 1;
	spec_form(hit->name, full, sizeof(full));
	n = strlen(err->note);
	if (n + 1 < sizeof(err->note))
		snprintf(err->note + n, sizeof(err->note) - n, "%s%s is %s (%u)",
		    n > 0 ? "; " : "", s, full, (unsigned)hit->val);
	return 2;
}

int
st__alias(const struct st_proto *p, const struct st_field_desc *fd,
    int64_t ctl, const struct st_valname *t, const char *s, uint64_t *v,
    struct st_spec_err *err)
{
	const struct st_craft_alias *a = p->craft->aliases;
	char full[64] = "";
	size_t i, n;

	for (i = 0; i < p->craft->naliases; i++)
		if (a[i].fd == fd && (a[i].ctl < 0 || a[i].ctl == ctl) &&
		    name_match(s, a[i].name) == 3)
			break;
	if (i == p->craft->naliases)
		return 0;
	*v = a[i].val;
	for (; t != NULL && t->name != NULL; t++)
		if (t->val == *v)
			spec_form(t->name, full, sizeof(full));
	n = strlen(err->note);
	if (full[0] != '\0' && n + 1 < sizeof(err->note))
		snprintf(err->note + n, sizeof(err->note) - n, "%s%s is %s (%u)",
		    n > 0 ? "; " : "", s, full, (unsigned)*v);
	return 1;
}

int
st__no_name(struct st_spec_err *err, unsigned col, const struct st_valname *t,
    const char *s, const char *what)
{
	char best[64] = "", form[64];
	unsigned bd = 99;

	for (; t != NULL && t->name != NULL; t++) {
		spec_form(t->name, form, sizeof(form));
		st__closest(s, form, strlen(form), best, &bd);
	}
	if (best[0] != '\0')
		return fail(err, col, "'%s' is not %s (did you mean '%s'?)", s,
		    what, best);
	return fail(err, col, "'%s' is not %s", s, what);
}

static int
parse_mac(const char *s, uint8_t *b)
{
	unsigned x[6], i;
	char tail;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &x[0], &x[1], &x[2], &x[3], &x[4],
	    &x[5], &tail) != 6)
		return 0;
	for (i = 0; i < 6; i++) {
		if (x[i] > 255)
			return 0;
		b[i] = (uint8_t)x[i];
	}
	return 1;
}

/* Parses an address value v for field fd of protocol p into s. */
static int
parse_addr(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v, struct st_spec_set *s, struct st_spec_err *err)
{
	switch (fd->fmt) {
	case ST_FMT_IPV4:
		if (inet_pton(AF_INET, v, s->bytes) != 1)
			return fail(err, s->col, "'%s' is not an IPv4 address "
			    "(%s %s)", v, SPEC(p), fd->key);
		s->val = (uint64_t)s->bytes[0] << 24 | s->bytes[1] << 16 |
		    s->bytes[2] << 8 | s->bytes[3];
		return 0;
	case ST_FMT_IPV6:
		if (inet_pton(AF_INET6, v, s->bytes) != 1)
			return fail(err, s->col, "'%s' is not an IPv6 address "
			    "(%s %s)", v, SPEC(p), fd->key);
		return 0;
	}
	if (!parse_mac(v, s->bytes))
		return fail(err, s->col, "'%s' is not a MAC address (%s %s)", v,
		    SPEC(p), fd->key);
	return 0;
}

/* One number or name v for field fd into *val; col for messages. */
static int
one_value(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v, uint64_t *val, unsigned col, struct st_spec_err *err)
{
	const char *hint = "";
	char what[128];
	uint64_t max;

	if (!st_spec_number(v, val) && st__lookup(fd->names, v, val, err) ==
	    0 && !st__alias(p, fd, -1, fd->names, v, val, err) &&
	    !(p->craft->value != NULL && p->craft->value(fd, v, val,
	    &hint))) {
		snprintf(what, sizeof(what), "a number%s (%s %s)",
		    fd->names != NULL ? " or a known name" : hint, SPEC(p),
		    fd->key);
		return st__no_name(err, col, fd->names, v, what);
	}
	max = fd->bits >= 64 ? UINT64_MAX : ((uint64_t)1 << fd->bits) - 1;
	if (*val > max)
		return fail(err, col, "%s %s: %s is out of range (%u bits: "
		    "0..%llu)", SPEC(p), fd->key, v, fd->bits,
		    (unsigned long long)max);
	return 0;
}

/* Two numbers "a<sep>b" of a range or a step; 0 if v is not one. */
static int
two_numbers(const char *v, char sep, uint64_t *a, uint64_t *b)
{
	const char *m = strchr(v, sep);
	char left[32];

	if (m == NULL || m == v || (size_t)(m - v) >= sizeof(left))
		return 0;
	memcpy(left, v, (size_t)(m - v));
	left[m - v] = '\0';
	return st_spec_number(left, a) && st_spec_number(m + 1, b);
}

/* A list "a,b,c" of values of fd, each checked. */
static int
list_value(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v, struct st_spec_set *s, struct st_spec_err *err)
{
	char item[64];
	size_t k;
	unsigned col = s->col;

	s->vary = ST_VARY_LIST;
	for (s->n = 0; *v != '\0'; s->n++) {
		k = strcspn(v, ",");
		if (s->n == ST_SPEC_LIST)
			return fail(err, col, "more than %d values in a list",
			    ST_SPEC_LIST);
		if (k == 0 || k >= sizeof(item))
			return fail(err, col, "expected a value in the list");
		memcpy(item, v, k);
		item[k] = '\0';
		if (one_value(p, fd, item, &s->list[s->n], col, err) != 0)
			return -1;
		col += (unsigned)k + 1;
		v += k + (v[k] == ',');
	}
	s->val = s->list[0];
	return 0;
}

/* A range, a step or rand; 0 if v is none of them, -1 on an error. */
static int
vary_value(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v, struct st_spec_set *s, struct st_spec_err *err)
{
	uint64_t max = fd->bits >= 64 ? UINT64_MAX :
	    ((uint64_t)1 << fd->bits) - 1;

	if (strcmp(v, "rand") == 0) {
		s->vary = ST_VARY_RAND;
		s->list[0] = 0;
		s->list[1] = max;
		return 1;
	}
	if (two_numbers(v, '-', &s->list[0], &s->list[1])) {
		if (s->list[0] > s->list[1] || s->list[1] > max)
			return fail(err, s->col, "%s %s: %s is not a range "
			    "LOW-HIGH within 0..%llu", SPEC(p), fd->key, v,
			    (unsigned long long)max);
		s->vary = ST_VARY_RANGE;
	} else if (two_numbers(v, '+', &s->list[0], &s->list[1])) {
		if (s->list[0] > max)
			return fail(err, s->col, "%s %s: %s is out of range "
			    "(%u bits)", SPEC(p), fd->key, v, fd->bits);
		s->vary = ST_VARY_STEP;
	} else
		return 0;
	s->val = s->list[0];
	return 1;
}

int
st__value(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v, struct st_spec_set *s, struct st_spec_err *err)
{
	int rc;

	s->fd = fd;
	if (fd->fmt == ST_FMT_IPV4 || fd->fmt == ST_FMT_IPV6 ||
	    fd->fmt == ST_FMT_MAC)
		return parse_addr(p, fd, v, s, err);
	if (strchr(v, ',') != NULL)
		return list_value(p, fd, v, s, err);
	if ((rc = vary_value(p, fd, v, s, err)) != 0)
		return rc < 0 ? -1 : 0;
	return one_value(p, fd, v, &s->val, s->col, err);
}
