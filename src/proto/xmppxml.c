/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * XMPP's XML reader (xmpp.c's companion): one segment's bytes read as a
 * bounded tree of elements, attributes and first texts, never past the
 * segment; Wireshark's XML dissector reads them so for its XMPP.
 */
#include <string.h>

#include "xmpp.h"

int
xml_is_space(uint8_t b)
{
	return b == ' ' || b == '\t' || b == '\r' || b == '\n';
}

int
xml_is_name(uint8_t b)
{
	return b > ' ' && b != '>' && b != '/' && b != '=' && b != '<' &&
	    b != '"' && b != '\'' && b != '?';
}

int
xml_span_is(const struct xdoc *x, const struct span *s, const char *w)
{
	size_t k = strlen(w);

	if (s->lit != NULL)
		return strcmp(s->lit, w) == 0;
	return s->len == k && memcmp(x->p + s->off, w, k) == 0;
}

/* Links element i under its parent (or as a top element). */
static void
link_el(struct xdoc *x, int i)
{
	struct xel *e = &x->el[i];
	int *last = e->parent >= 0 ? &x->el[e->parent].last : &x->toplast;

	if (*last >= 0)
		x->el[*last].next = i;
	else if (e->parent >= 0)
		x->el[e->parent].child = i;
	else
		x->top = i;
	*last = i;
}

/* The attributes of a tag from pos to its '>' or "/>" or "?>";
 * returns the position after the tag, or 0 when it does not end. */
static size_t
read_attrs(struct xdoc *x, struct xel *e, size_t pos, int *empty)
{
	const uint8_t *p = x->p;
	size_t n = x->n, k;
	struct xattr *a;
	uint8_t q;

	e->a0 = x->nat;
	for (;;) {
		while (pos < n && xml_is_space(p[pos]))
			pos++;
		if (pos >= n)
			return 0;
		if (p[pos] == '>')
			return pos + 1;
		if ((p[pos] == '/' || p[pos] == '?') && pos + 1 < n &&
		    p[pos + 1] == '>') {
			*empty = 1;
			return pos + 2;
		}
		for (k = pos; k < n && xml_is_name(p[k]); k++)
			;
		if (k == pos || k + 2 >= n || p[k] != '=' ||
		    (p[k + 1] != '"' && p[k + 1] != '\''))
			return 0;
		q = p[k + 1];
		a = x->nat < XMPP_ATTRS ? &x->at[x->nat] : NULL;
		if (a != NULL) {
			memset(a, 0, sizeof(*a));
			a->name.off = pos;
			a->name.len = k - pos;
			a->val.off = k + 2;
		}
		for (pos = k + 2; pos < n && p[pos] != q; pos++)
			;
		if (pos >= n)
			return 0;
		if (a != NULL) {
			a->val.len = pos - a->val.off;
			x->nat++;
			e->na++;
		}
		pos++;
	}
}

/* Sets e's data to the text from a to b, trimmed, if it has none yet. */
static void
add_text(struct xdoc *x, struct xel *e, size_t a, size_t b)
{
	while (a < b && xml_is_space(x->p[a]))
		a++;
	while (b > a && xml_is_space(x->p[b - 1]))
		b--;
	if (a == b || e->hasdata)
		return;
	e->hasdata = 1;
	e->data.off = a;
	e->data.len = b - a;
}

/*
 * Reads the n bytes at p into x: elements, their attributes and first
 * text, as far as the XML goes (an element left open ends with the
 * segment).  Bounded by XMPP_ELEMS, XMPP_ATTRS and XMPP_DEPTH.  Returns
 * 0, or 1 + the offset of a tag that does not parse.
 */
size_t
xml_read(struct xdoc *x, const uint8_t *p, size_t n)
{
	int open[XMPP_DEPTH], depth = 0, empty, i;
	size_t pos = 0, k, t;
	const uint8_t *m;
	struct xel *e;

	x->p = p;
	x->n = n;
	x->nel = x->nat = x->nfk = 0;
	x->top = x->toplast = -1;
	while (pos < n) {
		if (p[pos] != '<') {
			m = memchr(p + pos, '<', n - pos);
			t = m != NULL ? (size_t)(m - p) : n;
			if (depth > 0)
				add_text(x, &x->el[open[depth - 1]], pos, t);
			pos = t;
			continue;
		}
		if (pos + 4 <= n && memcmp(p + pos, "<!--", 4) == 0) {
			for (k = pos + 4; k + 3 <= n &&
			    memcmp(p + k, "-->", 3) != 0; k++)
				;
			pos = k + 3;
			continue;
		}
		if (pos + 1 < n && p[pos + 1] == '/') {
			for (k = pos + 2; k < n && xml_is_name(p[k]); k++)
				;
			/* close the innermost element of that name */
			for (i = depth - 1; i >= 0; i--)
				if (x->el[open[i]].name.len <= k - pos - 2 &&
				    memcmp(p + k - x->el[open[i]].name.len,
				    p + x->el[open[i]].name.off,
				    x->el[open[i]].name.len) == 0)
					break;
			m = memchr(p + k, '>', n - k);
			t = m != NULL ? (size_t)(m - p) + 1 : n;
			for (; i >= 0 && depth > i; depth--)
				x->el[open[depth - 1]].end = t;
			pos = t;
			continue;
		}
		if (x->nel == XMPP_ELEMS)
			break;
		e = &x->el[x->nel];
		memset(e, 0, sizeof(*e));
		e->pi = p[pos + 1 < n ? pos + 1 : pos] == '?';
		e->off = pos;
		for (k = pos + 1 + e->pi; k < n && xml_is_name(p[k]); k++)
			;
		if (k == pos + 1 + e->pi)
			return pos + 1;		/* no name: not XML */
		e->name.off = pos + 1 + e->pi;
		e->name.len = k - e->name.off;
		for (t = e->name.off; t < k; t++)
			if (p[t] == ':') {	/* the prefix goes */
				e->name.len -= t + 1 - e->name.off;
				e->name.off = t + 1;
				break;
			}
		e->parent = depth > 0 ? open[depth - 1] : -1;
		e->child = e->next = e->last = -1;
		empty = e->pi;
		if ((t = read_attrs(x, e, k, &empty)) == 0) {
			x->nat = e->a0;
			return pos + 1;
		}
		e->end = t;
		link_el(x, (int)x->nel);
		if (!empty && depth < XMPP_DEPTH)
			open[depth++] = (int)x->nel;
		x->nel++;
		pos = t;
	}
	for (; depth > 0; depth--)
		x->el[open[depth - 1]].end = n;
	return 0;
}

/* The i-th attribute of element e, its made-up ones after its own;
 * NULL past the last. */
struct xattr *
xml_attr_at(struct xdoc *x, const struct xel *e, unsigned i)
{
	unsigned k;
	int ei = (int)(e - x->el);

	if (i < e->na)
		return e->a0 + i < x->nat ? &x->at[e->a0 + i] : NULL;
	for (i -= e->na, k = 0; k < x->nfk; k++)
		if (x->fkel[k] == ei && i-- == 0)
			return &x->fk[k];
	return NULL;
}

/* Element e's attribute named w (unread or read), or NULL; marks it read. */
struct xattr *
xml_get_attr(struct xdoc *x, struct xel *e, const char *w)
{
	struct xattr *a;
	unsigned i;

	for (i = 0; (a = xml_attr_at(x, e, i)) != NULL; i++)
		if (xml_span_is(x, &a->name, w)) {
			a->read = 1;
			return a;
		}
	return NULL;
}

/* Gives e a made-up attribute (Wireshark's "fake" ones: a child's text or
 * name taken as an attribute), while the table has room. */
void
xml_fake_attr(struct xdoc *x, struct xel *e, const char *name,
    const struct span *val)
{
	struct xattr *a;

	if (x->nfk >= XMPP_FAKE)
		return;
	x->fkel[x->nfk] = (int)(e - x->el);
	a = &x->fk[x->nfk++];
	memset(a, 0, sizeof(*a));
	a->name.lit = name;
	a->val = *val;
}

/* The first unread child of e named w (with attribute an = av when an is
 * set), marked read; -1 if none. */
int
xml_steal(struct xdoc *x, struct xel *e, const char *w, const char *an,
    const char *av)
{
	struct xattr *a;
	unsigned i;
	int c;

	for (c = e->child; c >= 0; c = x->el[c].next) {
		if (x->el[c].read || (w != NULL &&
		    !xml_span_is(x, &x->el[c].name, w)))
			continue;
		if (an != NULL) {
			for (i = 0; (a = xml_attr_at(x, &x->el[c], i)) != NULL;
			    i++)
				if (xml_span_is(x, &a->name, an))
					break;
			if (a == NULL || !xml_span_is(x, &a->val, av))
				continue;
		}
		x->el[c].read = 1;
		return c;
	}
	return -1;
}

/* The text of element c as a span ("" when it has none, or dflt). */
struct span
xml_text_of(const struct xel *c, const char *dflt)
{
	struct span s = { 0, 0, dflt };

	if (c->hasdata)
		s = c->data;
	return s;
}

