/*
 * The layer spec language, in the spirit of scapy's IP()/ICMP()/"x":
 *
 *   spec    = layer *( "/" layer )
 *   layer   = name [ "(" [ item *( "," item ) ] ")" ] | payload
 *   item    = key [ "=" value ]
 *   payload = '"' C-escaped text '"' | "hex:" hexdigits | "@" path
 *
 * Keys are the protocols' field-table keys (the same rows the decoders
 * use), plus the extra keys a protocol's crafting hooks parse into option
 * bytes (struct st_craft).  Numbers are decimal or 0x hex; values have the
 * names of the field tables and of the protocols' names() hooks too.  A
 * value out of range for its width is an error, never cut.  No protocol is
 * named here: the layers are the registry's protocols that have a spec
 * name.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "strata/craft.h"

#define fail	st_spec_fail
#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The spec name of p, which has one. */
#define SPEC(p)	((p)->craft->spec)

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

/* Edit distance of two short words, for "did you mean". */
static unsigned
distance(const char *a, const char *b)
{
	unsigned d[32][32], i, j, la = (unsigned)strlen(a),
	    lb = (unsigned)strlen(b);

	if (la >= 32 || lb >= 32)
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

/* Keeps in best (32 bytes) the candidate of n bytes closest to word. */
static void
closest(const char *word, const char *cand, size_t n, char *best,
    unsigned *bd)
{
	char c[32];
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

/* The protocol whose spec name (or alias) is name, or NULL. */
static const struct st_proto *
find_layer(const char *name)
{
	const struct st_proto *p;
	size_t i = 0;

	while ((p = next_spec(&i)) != NULL)
		if (strcmp(SPEC(p), name) == 0 || (p->craft->alias != NULL &&
		    strcmp(p->craft->alias, name) == 0))
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

static const struct st_field_desc *
find_key(const struct st_proto *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->nfields; i++)
		if (p->fields[i].key != NULL && !(p->fields[i].flags &
		    ST_DF_GEN) && strcmp(p->fields[i].key, key) == 0)
			return &p->fields[i];
	return NULL;
}

static int
unknown_key(struct st_spec_err *err, unsigned col, const struct st_proto *p,
    const char *key)
{
	char best[32] = "";
	const char *w;
	unsigned bd = 99;
	size_t i, n;

	for (i = 0; i < p->nfields; i++)
		if (p->fields[i].key != NULL)
			closest(key, p->fields[i].key, strlen(p->fields[i].key),
			    best, &bd);
	for (w = p->craft->extra; w != NULL && *w != '\0'; w += n) {
		n = strcspn(w, " ");
		closest(key, w, n, best, &bd);
		if (w[n] == ' ')
			n++;
	}
	if (best[0] != '\0')
		return fail(err, col, "unknown field '%s' in %s (did you mean "
		    "'%s'?)", key, SPEC(p), best);
	return fail(err, col, "unknown field '%s' in %s (strata send --list "
	    "shows them)", key, SPEC(p));
}

/* Compares a spec name ("echo-request") with a table name ("echo request"). */
static int
name_eq(const char *spec, const char *table)
{
	for (; *spec != '\0' && *table != '\0'; spec++, table++) {
		char a = (char)tolower((unsigned char)*spec);
		char b = (char)tolower((unsigned char)*table);

		if (a == '-' || a == '_')
			a = ' ';
		if (a != b)
			return 0;
	}
	return *spec == '\0' && *table == '\0';
}

static int
lookup_name(const struct st_valname *t, const char *s, uint64_t *v)
{
	for (; t != NULL && t->name != NULL; t++)
		if (name_eq(s, t->name)) {
			*v = t->val;
			return 1;
		}
	return 0;
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

/* Parses value v for field fd of protocol p into s. */
static int
parse_value(const struct st_proto *p, const struct st_field_desc *fd,
    const char *v, struct st_spec_set *s, struct st_spec_err *err)
{
	const char *hint = "";
	uint64_t max;

	s->fd = fd;
	if (fd->fmt == ST_FMT_IPV4 || fd->fmt == ST_FMT_IPV6 ||
	    fd->fmt == ST_FMT_MAC)
		return parse_addr(p, fd, v, s, err);
	if (!st_spec_number(v, &s->val) && !lookup_name(fd->names, v,
	    &s->val) && !(p->craft->value != NULL &&
	    p->craft->value(fd, v, &s->val, &hint)))
		return fail(err, s->col, "'%s' is not a number%s (%s %s)", v,
		    fd->names != NULL ? " or a known name" : hint, SPEC(p),
		    fd->key);
	max = fd->bits >= 64 ? UINT64_MAX : ((uint64_t)1 << fd->bits) - 1;
	if (s->val > max)
		return fail(err, s->col, "%s %s: %s is out of range (%u bits: "
		    "0..%llu)", SPEC(p), fd->key, v, fd->bits,
		    (unsigned long long)max);
	return 0;
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
	if (parse_value(p, fd, v, s, err) != 0)
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
	char name[64];
	unsigned i;
	uint64_t v;

	for (i = 0; i < ly->nset; i++) {
		if (names[i].name == NULL)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)names[i].len,
		    names[i].name);
		t = st_spec_given(ly, ctl);
		if (!lookup_name(p->names(ly->set[i].fd, t != NULL ? t->val :
		    ctl->def), name, &v))
			return fail(err, ly->set[i].col, "'%s' is not a %s of "
			    "this %s %s", name, ly->set[i].fd->key, SPEC(p),
			    ctl->key);
		ly->set[i].val = v;
	}
	return 0;
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
	unsigned kcol, vcol;
	size_t k;
	unsigned nset;
	int hasval;

	memset(names, 0, sizeof(names));
	while (*p != ')') {
		while (*p == ' ')
			p++;
		kcol = (unsigned)(p - start + 1);
		k = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (k == 0)
			return fail(err, kcol, *p == '\0' ? "missing ')'" :
			    "expected a field name in %s", SPEC(pr));
		if (k >= sizeof(key))
			return fail(err, kcol, "field name too long");
		memcpy(key, p, k);
		key[k] = '\0';
		p += k;
		hasval = *p == '=';
		vcol = (unsigned)(p - start + 2);
		if (hasval) {
			p++;
			vstart = p;
			k = strcspn(p, ",)");
			if (k >= sizeof(val))
				return fail(err, vcol, "value too long");
			memcpy(val, p, k);
			val[k] = '\0';
			while (k > 0 && val[k - 1] == ' ')
				val[--k] = '\0';
			p += strcspn(p, ",)");
		}
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
	char name[32], best[32] = "", all[256];
	size_t k, i = 0;

	if (*p == '"' || *p == '@' || strncmp(p, "hex:", 4) == 0) {
		if (st_spec_payload(pp, start, sp, err) != 0)
			return -1;
		if (**pp != '\0')
			return fail(err, (unsigned)(*pp - start + 1), "the "
			    "payload must be the last layer");
		return 0;
	}
	k = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
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
			closest(name, SPEC(pr), strlen(SPEC(pr)), best, &bd);
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
	err->col = 0;
	err->msg[0] = '\0';
	for (;;) {
		if (parse_layer(&p, text, sp, err) != 0)
			return -1;
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
