/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The layer spec language, in the spirit of scapy's IP()/ICMP()/"x":
 *
 *   spec    = layer *( "/" layer )            spaces around '/' allowed
 *   layer   = name [ "(" [ item *( "," item ) ] ")" ] | payload | step
 *   item    = key [ "=" value ] | key "(" key=value *( "," ... ) ")"
 *   value   = one | one *( "," one ) | N "-" M | N "+" STEP | "rand"
 *   payload = '"' C-escaped text '"' | "hex:" hexdigits | "@" path
 *           | "rand:" N
 *   step    = ( "fragment(" | "frag(" ) size=N
 *             [ ",order=inorder|reverse|firstlast" ] [ ",overlap=N" ] ")"
 *
 * Names of layers and keys in any case (IP()/ICMP()).  Keys are the
 * protocols' field-table keys (the same rows the decoders use), their
 * crafting rows, plus the extra keys a protocol's crafting hooks parse
 * into option bytes (struct st_craft).  Values are read in values.c.  No
 * protocol is named here: the layers are the registry's protocols that
 * have a spec name.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "values.h"

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The next protocol after *i in the registry that a spec can build. */
static const struct st_proto *
next_spec(size_t *i)
{
	const struct st_proto *p;

	while ((p = st_protos[(*i)++]) != NULL)
		if (p->craft != NULL && p->craft->spec != NULL)
			return p;
	(*i)--;
	return NULL;
}

static struct st_spec_proto spec_list[64];

static void
make_list(void)
{
	const struct st_proto *p;
	size_t i = 0, n = 0;

	while ((p = next_spec(&i)) != NULL && n + 1 < NITEMS(spec_list)) {
		spec_list[n].name = SPEC(p);
		spec_list[n].proto = p;
		spec_list[n++].extra = p->craft->extra;
	}
}

const struct st_spec_proto *
st_spec_list(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, make_list);
	return spec_list;
}

/*
 * The spec names of the layers, "a, b, c" (all: 0) or "a, b or c" (those
 * that may start a packet: 1), for messages.
 */
static const char *
layer_names(char *buf, size_t n, int starts)
{
	const struct st_proto *v[64], *p;
	size_t i = 0, k = 0, j, len = 0;

	while ((p = next_spec(&i)) != NULL && k < NITEMS(v))
		if (!starts || p->craft->link != 0)
			v[k++] = p;
	buf[0] = '\0';
	for (j = 0; j < k && len < n; j++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", SPEC(v[j]),
		    j + 1 == k ? "" : starts && j + 2 == k ? " or " : ", ");
	return buf;
}

/* The protocol whose spec name (or alias) is name, or NULL. */
static const struct st_proto *
find_layer(const char *name)
{
	const struct st_proto *p;
	size_t i = 0;

	while ((p = next_spec(&i)) != NULL)
		if (strcasecmp(SPEC(p), name) == 0 ||
		    (p->craft->alias != NULL &&
		    strcasecmp(p->craft->alias, name) == 0))
			return p;
	return NULL;
}

/* Is key one of the space-separated words in extra? */
static int
is_extra(const char *extra, const char *key)
{
	size_t n = strlen(key);
	const char *p;

	for (p = extra; p != NULL && *p != '\0';) {
		if (strncmp(p, key, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p = strchr(p, ' ');
		if (p != NULL)
			p++;
	}
	return 0;
}

/* The row of key in fds[0..n), or NULL. */
static const struct st_field_desc *
find_row(const struct st_field_desc *fds, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fds[i].key != NULL && !(fds[i].flags & ST_DF_GEN) &&
		    strcmp(fds[i].key, key) == 0)
			return &fds[i];
	return NULL;
}

/* The field-table row, or else the crafting row, of key. */
static const struct st_field_desc *
find_key(const struct st_proto *p, const char *key)
{
	const struct st_field_desc *fd;

	if ((fd = find_row(p->fields, p->nfields, key)) != NULL)
		return fd;
	return find_row(p->craft->rows, p->craft->nrows, key);
}

static int
unknown_key(struct st_spec_err *err, unsigned col, const struct st_proto *p,
    const char *key)
{
	char best[64] = "";
	const char *w;
	unsigned bd = 99;
	size_t i, n;

	for (i = 0; i < p->nfields; i++)
		if (p->fields[i].key != NULL)
			st__closest(key, p->fields[i].key,
			    strlen(p->fields[i].key), best, &bd);
	for (i = 0; i < p->craft->nrows; i++)
		if (p->craft->rows[i].key != NULL)
			st__closest(key, p->craft->rows[i].key,
			    strlen(p->craft->rows[i].key), best, &bd);
	for (w = p->craft->extra; w != NULL && *w != '\0'; w += n) {
		n = strcspn(w, " ");
		st__closest(key, w, n, best, &bd);
		if (w[n] == ' ')
			n++;
	}
	if (best[0] != '\0')
		return fail(err, col, "unknown field '%s' in %s (did you mean "
		    "'%s'?)", key, SPEC(p), best);
	return fail(err, col, "unknown field '%s' in %s (strata send --list "
	    "shows them)", key, SPEC(p));
}

/* An extra key of layer ly (an option), parsed by its protocol's hook. */
static int
parse_extra(const struct st_proto *p, struct st_spec_layer *ly,
    const char *key, const char *v, unsigned kcol, unsigned vcol,
    struct st_spec_err *err)
{
	struct st_spec_opts o;

	memcpy(o.b, ly->opts, ly->optlen);
	o.n = ly->optlen;
	o.max = p->craft->optmax;
	if (p->craft->key(key, v, &o, kcol, vcol, err) != 0)
		return -1;
	memcpy(ly->opts, o.b, o.n);
	ly->has_opts |= o.n > ly->optlen;
	ly->optlen = o.n;
	return 0;
}

/*
 * Whether value v of field fd is a name that the protocol's names() gives
 * after the value of another field (an ICMP code after the type): it is
 * looked up once the whole layer is read.
 */
static int
named_later(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v)
{
	return fd == p->craft->named[1] && fd->names == NULL &&
	    p->names != NULL && !isdigit((unsigned char)v[0]);
}

/* One key[=value] item of layer ly. */
static int
parse_item(const struct st_proto *p, struct st_spec_layer *ly,
    const char *key, const char *v, unsigned kcol, unsigned vcol,
    struct st_spec_err *err)
{
	const struct st_field_desc *fd;
	struct st_spec_set *s;
	unsigned i;

	if (p->craft->key != NULL && is_extra(p->craft->extra, key))
		return parse_extra(p, ly, key, v, kcol, vcol, err);
	if ((fd = find_key(p, key)) == NULL)
		return unknown_key(err, kcol, p, key);
	if (v == NULL || *v == '\0')
		return fail(err, kcol, "%s %s needs a value: %s=...", SPEC(p),
		    key, key);
	for (i = 0; i < ly->nset; i++)
		if (ly->set[i].fd == fd)
			return fail(err, kcol, "%s %s given twice", SPEC(p),
			    key);
	if (ly->nset == ST_SPEC_SETS)
		return fail(err, kcol, "too many fields in %s", SPEC(p));
	s = &ly->set[ly->nset];
	memset(s, 0, sizeof(*s));
	s->col = vcol;
	if (named_later(p, fd, v)) {
		s->fd = fd;	/* a name: resolved once the layer is read */
		ly->nset++;
		return 0;
	}
	if (st__value(p, fd, v, s, err) != 0)
		return -1;
	ly->nset++;
	return 0;
}

/* A value given by name, waiting for another: where it is in the spec. */
struct pending {
	const char	*name;
	size_t		 len;
};

/* Names that need another field's value: resolved once the layer is read. */
static int
resolve_named(const struct st_proto *p, struct st_spec_layer *ly,
    const struct pending *names, struct st_spec_err *err)
{
	const struct st_field_desc *ctl = p->craft->named[0];
	const struct st_spec_set *t;
	char name[64], what[64];
	const struct st_valname *t_names;
	unsigned i;
	uint64_t v;

	for (i = 0; i < ly->nset; i++) {
		if (names[i].name == NULL)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)names[i].len,
		    names[i].name);
		t = st_spec_given(ly, ctl);
		t_names = p->names(ly->set[i].fd, t != NULL ? t->val :
		    ctl->def);
		snprintf(what, sizeof(what), "a %s of this %s %s",
		    ly->set[i].fd->key, SPEC(p), ctl->key);
		if (st__lookup(t_names, name, &v, err) == 0 &&
		    !st__alias(p, ly->set[i].fd, t != NULL ? (int64_t)t->val :
		    ctl->def, t_names, name, &v, err))
			return st__no_name(err, ly->set[i].col, t_names, name,
			    what);
		ly->set[i].val = v;
	}
	return 0;
}

/*
 * Whether the item at p (after a ',') goes on the value before it, as the
 * next of a list (dport=22,80): it has no '=' and names no key of pr.
 */
static int
continues(const struct st_proto *pr, const char *p)
{
	size_t k = strcspn(p, ",)"), w;
	char word[32];

	while (*p == ' ')
		p++, k--;
	if (memchr(p, '=', k) != NULL || k == 0)
		return 0;
	w = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_");
	if (w != k || w >= sizeof(word))
		return 1;
	for (w = 0; w < k; w++)
		word[w] = (char)tolower((unsigned char)p[w]);
	word[k] = '\0';
	return find_key(pr, word) == NULL && !is_extra(pr->craft->extra, word);
}

/* The value at *pp, with the list items that go on it, into val (n). */
static int
read_value(const char **pp, const char *start, const struct st_proto *pr,
    char *val, size_t n, struct st_spec_err *err)
{
	const char *p = *pp;
	size_t k, len = 0;

	for (;;) {
		k = strcspn(p, ",)");
		if (len + k + 1 >= n)
			return fail(err, (unsigned)(*pp - start + 1), "value "
			    "too long");
		memcpy(val + len, p, k);
		len += k;
		p += k;
		if (*p != ',' || !continues(pr, p + 1))
			break;
		val[len++] = *p++;
	}
	while (len > 0 && val[len - 1] == ' ')
		len--;
	val[len] = '\0';
	*pp = p;
	return 0;
}

size_t
st__read_key(const char **pp, char *key)
{
	size_t k = strspn(*pp, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST"
	    "UVWXYZ0123456789_"), i;

	if (k == 0 || k >= 32)
		return k;
	for (i = 0; i < k; i++)
		key[i] = (char)tolower((unsigned char)(*pp)[i]);
	key[k] = '\0';
	*pp += k;
	return k;
}

/* The items inside "( ... )"; p points after "(". */
static int
parse_items(const char **pp, const char *start,
    const struct st_proto *pr, struct st_spec_layer *ly,
    struct st_spec_err *err)
{
	struct pending names[ST_SPEC_SETS];
	const char *p = *pp, *vstart = p;
	char key[32], val[512];
	unsigned kcol, vcol, nset;
	size_t k;
	int hasval;

	memset(names, 0, sizeof(names));
	while (*p != ')') {
		while (*p == ' ')
			p++;
		kcol = (unsigned)(p - start + 1);
		if (*p == ')')
			break;
		if ((k = st__read_key(&p, key)) == 0)
			return fail(err, kcol, *p == '\0' ? "missing ')'" :
			    "expected a field name in %s", SPEC(pr));
		if (k >= sizeof(key))
			return fail(err, kcol, "field name too long");
		while (*p == ' ')
			p++;
		hasval = *p == '=' || *p == '(';
		if (*p == '(') {	/* key(k=v,k=v): an option's parts */
			vstart = ++p;
			if ((k = strcspn(p, ")")) >= sizeof(val) || !p[k])
				return fail(err, kcol, "missing ')' after %s(",
				    key);
			memcpy(val, p, k);
			val[k] = '\0';
			p += k + 1;
		} else if (hasval) {
			for (p++; *p == ' '; p++)
				;
			vstart = p;
			if (read_value(&p, start, pr, val, sizeof(val), err))
				return -1;
		}
		vcol = (unsigned)(vstart - start + 1);
		if (*p != ',' && *p != ')')
			return fail(err, (unsigned)(p - start + 1), *p == '\0' ?
			    "missing ')'" : "expected ',' or ')' after %s",
			    key);
		nset = ly->nset;
		if (parse_item(pr, ly, key, hasval ? val : NULL, kcol, vcol,
		    err) != 0)
			return -1;
		/* A name that waits for another field (a code for the type). */
		if (hasval && ly->nset > nset &&
		    named_later(pr, ly->set[nset].fd, val)) {
			names[nset].name = vstart;
			names[nset].len = strlen(val);
		}
		if (*p == ',')
			p++;
	}
	*pp = p + 1;
	return resolve_named(pr, ly, names, err);
}

static int
parse_layer(const char **pp, const char *start, struct st_spec *sp,
    struct st_spec_err *err)
{
	const struct st_proto *pr;
	struct st_spec_layer *ly;
	const char *p = *pp;
	unsigned col = (unsigned)(p - start + 1), bd = 99;
	char name[32], best[64] = "", all[256];
	size_t k, i = 0;

	if (*p == '"' || *p == '@' || strncmp(p, "hex:", 4) == 0 ||
	    strncmp(p, "rand:", 5) == 0) {
		if (st_spec_payload(pp, start, sp, err) != 0)
			return -1;
		while (**pp == ' ')
			(*pp)++;
		if (**pp != '\0')
			return fail(err, (unsigned)(*pp - start + 1), "the "
			    "payload must be the last layer");
		return 0;
	}
	k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789");
	/* The fragment step: fragment(...), or frag(size=...), which a
	 * size tells from the IPv6 fragment header. */
	if ((k == 8 && strncasecmp(p, "fragment", 8) == 0 && p[8] == '(') ||
	    (k == 4 && strncasecmp(p, "frag", 4) == 0 && p[4] == '(' &&
	    strncasecmp(p + 5 + strspn(p + 5, " "), "size=", 5) == 0)) {
		if (sp->frag.size != 0)
			return fail(err, col, "one fragment step only");
		sp->frag.col = col;
		*pp = p + k + 1;
		return st__parse_step(pp, start, &sp->frag, err);
	}
	if (k == 0)
		return fail(err, col, "expected a layer (%s) or a payload "
		    "(\"text\", hex:, @file)", layer_names(all, sizeof(all),
		    0));
	if (k >= sizeof(name))
		return fail(err, col, "layer name too long");
	memcpy(name, p, k);
	name[k] = '\0';
	if ((pr = find_layer(name)) == NULL) {
		while ((pr = next_spec(&i)) != NULL)
			st__closest(name, SPEC(pr), strlen(SPEC(pr)), best,
			    &bd);
		if (best[0] != '\0')
			return fail(err, col, "unknown layer '%s' (did you mean "
			    "'%s'?)", name, best);
		return fail(err, col, "unknown layer '%s' (%s)", name,
		    layer_names(all, sizeof(all), 0));
	}
	if (sp->nlayers == ST_SPEC_LAYERS)
		return fail(err, col, "more than %d layers", ST_SPEC_LAYERS);
	ly = &sp->layers[sp->nlayers++];
	memset(ly, 0, sizeof(*ly));
	ly->proto = pr;
	ly->col = col;
	p += k;
	if (*p == '(') {
		p++;
		if (parse_items(&p, start, pr, ly, err) != 0)
			return -1;
	}
	*pp = p;
	return 0;
}

int
st_spec_parse(const char *text, struct st_spec *sp, struct st_spec_err *err)
{
	const char *p = text;
	const struct st_proto *first;
	char starts[128];

	sp->nlayers = 0;
	sp->paylen = 0;
	sp->payfile = NULL;
	sp->paycol = 0;
	sp->payrand = 0;
	memset(&sp->frag, 0, sizeof(sp->frag));
	err->col = 0;
	err->msg[0] = '\0';
	err->note[0] = '\0';
	for (;;) {
		while (*p == ' ')
			p++;
		if (parse_layer(&p, text, sp, err) != 0)
			return -1;
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (*p != '/')
			return fail(err, (unsigned)(p - text + 1), "expected '/' "
			    "between layers");
		p++;
	}
	layer_names(starts, sizeof(starts), 1);
	if (sp->nlayers == 0)
		return fail(err, 1, "a packet starts with %s", starts);
	first = sp->layers[0].proto;
	if (first->craft->link == 0)
		return fail(err, 1, "a packet starts with %s, not %s", starts,
		    SPEC(first));
	return 0;
}

const struct st_spec_set *
st_spec_given(const struct st_spec_layer *ly, const struct st_field_desc *fd)
{
	unsigned i;

	for (i = 0; i < ly->nset; i++)
		if (ly->set[i].fd == fd)
			return &ly->set[i];
	return NULL;
}

const struct st_spec_set *
st_spec_get(const struct st_spec_layer *ly, const char *key)
{
	unsigned i;

	for (i = 0; i < ly->nset; i++)
		if (strcmp(ly->set[i].fd->key, key) == 0)
			return &ly->set[i];
	return NULL;
}
