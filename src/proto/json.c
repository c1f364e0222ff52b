/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * JSON (RFC 8259), Wireshark's "JavaScript Object Notation": a body a
 * carrier hands on by its media type (HTTP's application/json and the
 * +json types tshark binds, httpbody.c).  As tshark reads it: one or more
 * texts, each an object or an array, white space between tokens;
 *
 *   object = "{" [ member *( "," member ) ] "}"   member = string ":" value
 *   array  = "[" [ value *( "," value ) ] "]"
 *   value  = false / null / true / NaN / object / array / number / string
 *
 * Per member: json.member and json.key (the key, unescaped) and json.path
 * ("/a/b", "[]" for an array's element); per scalar value: the value
 * (json.value.string unescaped, json.value.number as written, .true,
 * .false, .null, .nan), json.path_with_value ("/a/b:v") and
 * json.member_with_value ("b:v").  An object or array is a subtree in
 * tshark's JSON, a field of its own only when empty: strata gives it as a
 * field then only.  A text that breaks the grammar shows nothing and it
 * and what follows are handed to data-text-lines, as tshark does; a text
 * cut short by the end of the bytes is shown as far as it goes.  Nesting,
 * values and texts are bounded; a text too big for the packet's fields
 * shows none (a list cut short would disagree with every reader).
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define JSON_DEPTH	32	/* nesting of objects and arrays */
#define JSON_VALUES	512	/* values of one layer */
#define JSON_TEXTS	64	/* top-level texts (newline-delimited JSON) */
#define JSON_SHOW	256	/* bytes of a string shown */
#define JSON_PATH	512	/* bytes of a path */

enum { F_OBJECT, F_ARRAY, F_MEMBER, F_KEY, F_PATH, F_PATHVAL, F_MEMBERVAL,
	F_STRING, F_NUMBER, F_TRUE, F_FALSE, F_NULL, F_NAN, F_NJSON };

#define T(i, n, l)	[i] = FD(NULL, "json." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc json_fields[F_NJSON] = {
	T(F_OBJECT, "object", "Object"),
	T(F_ARRAY, "array", "Array"),
	T(F_MEMBER, "member", "Member"),
	T(F_KEY, "key", "Key"),
	T(F_PATH, "path", "Path"),
	T(F_PATHVAL, "path_with_value", "Path with value"),
	T(F_MEMBERVAL, "member_with_value", "Member with value"),
	T(F_STRING, "value.string", "String value"),
	T(F_NUMBER, "value.number", "Number value"),
	T(F_TRUE, "value.true", "True value"),
	T(F_FALSE, "value.false", "False value"),
	T(F_NULL, "value.null", "Null value"),
	T(F_NAN, "value.nan", "NaN value"),
};

/* How a scan ended. */
enum { J_OK, J_BAD, J_CUT };

struct jp {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n, pos;
	unsigned	 values;
	int		 full;		/* a field did not fit */
	int		 dry;		/* counting what the rows need */
	int		 paths;		/* the path rows too */
	size_t		 need;		/* bytes of text the rows need */
	unsigned	 rows;		/* and rows */
	char		 path[JSON_PATH];
	size_t		 plen;
};

static void
ws(struct jp *j)
{
	while (j->pos < j->n && (j->p[j->pos] == ' ' || j->p[j->pos] == '\t' ||
	    j->p[j->pos] == '\r' || j->p[j->pos] == '\n'))
		j->pos++;
}

static int
hexdig(uint8_t b)
{
	return b >= '0' && b <= '9' ? b - '0' : (b | 0x20) >= 'a' &&
	    (b | 0x20) <= 'f' ? (b | 0x20) - 'a' + 10 : -1;
}

/* A string at j->pos (its '"'): moves past it. */
static int
scan_string(struct jp *j)
{
	size_t i = j->pos + 1, k;

	for (; i < j->n; i++) {
		if (j->p[i] == '"') {
			j->pos = i + 1;
			return J_OK;
		}
		if (j->p[i] != '\\')
			continue;
		if (++i >= j->n)
			return J_CUT;
		if (j->p[i] == 'u') {
			for (k = 1; k <= 4; k++) {
				if (i + k >= j->n)
					return J_CUT;
				if (hexdig(j->p[i + k]) < 0)
					return J_BAD;
			}
			i += 4;
		} else if (strchr("\"\\/bfnrt", j->p[i]) == NULL ||
		    j->p[i] == '\0')
			return J_BAD;
	}
	return J_CUT;
}

/* A number at j->pos: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?; a
 * number the bytes end in may go on: cut. */
static int
scan_number(struct jp *j)
{
	size_t i = j->pos, d;

	if (i < j->n && j->p[i] == '-')
		i++;
	if (i >= j->n)
		return J_CUT;
	if (j->p[i] == '0')
		i++;
	else if (j->p[i] >= '1' && j->p[i] <= '9')
		while (i < j->n && j->p[i] >= '0' && j->p[i] <= '9')
			i++;
	else
		return J_BAD;
	if (i < j->n && j->p[i] == '.') {
		for (d = ++i; i < j->n && j->p[i] >= '0' && j->p[i] <= '9'; i++)
			;
		if (i == d)
			return i >= j->n ? J_CUT : J_BAD;
	}
	if (i < j->n && (j->p[i] | 0x20) == 'e') {
		if (++i < j->n && (j->p[i] == '-' || j->p[i] == '+'))
			i++;
		for (d = i; i < j->n && j->p[i] >= '0' && j->p[i] <= '9'; i++)
			;
		if (i == d)
			return i >= j->n ? J_CUT : J_BAD;
	}
	if (i >= j->n)
		return J_CUT;
	j->pos = i;
	return J_OK;
}

/* Appends code point u as UTF-8 to out[*k..outn). */
static void
put_utf8(char *out, size_t *k, size_t outn, uint32_t u)
{
	uint8_t b[4];
	size_t n, i;

	if (u < 0x80) {
		b[0] = (uint8_t)u;
		n = 1;
	} else if (u < 0x800) {
		b[0] = (uint8_t)(0xc0 | u >> 6);
		b[1] = (uint8_t)(0x80 | (u & 0x3f));
		n = 2;
	} else if (u < 0x10000) {
		b[0] = (uint8_t)(0xe0 | u >> 12);
		b[1] = (uint8_t)(0x80 | (u >> 6 & 0x3f));
		b[2] = (uint8_t)(0x80 | (u & 0x3f));
		n = 3;
	} else {
		b[0] = (uint8_t)(0xf0 | u >> 18);
		b[1] = (uint8_t)(0x80 | (u >> 12 & 0x3f));
		b[2] = (uint8_t)(0x80 | (u >> 6 & 0x3f));
		b[3] = (uint8_t)(0x80 | (u & 0x3f));
		n = 4;
	}
	if (*k + n * 4 + 1 >= outn)
		return;
	/* printable text as is; a control byte (C0, C1, DEL) escaped, so
	 * that none reaches a terminal */
	if (u < 0x20 || (u >= 0x7f && u < 0xa0)) {
		for (i = 0; i < n; i++)
			*k += st_escape(&b[i], 1, out + *k, outn - *k);
		return;
	}
	if (u == '\\') {
		out[(*k)++] = '\\';
		out[(*k)++] = '\\';
		return;
	}
	memcpy(out + *k, b, n);
	*k += n;
}

/* The length of the valid UTF-8 sequence at p[0..n) and its code point;
 * 0 if none. */
static size_t
utf8_at(const uint8_t *p, size_t n, uint32_t *u)
{
	size_t len, i;
	uint32_t v;

	if (p[0] < 0x80) {
		*u = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, v = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, v = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, v = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10ffff)))
		return 0;
	*u = v;
	return len;
}

/*
 * The text of the string's content p[0..n) (without its quotes) as
 * tshark shows it: escapes undone, \uXXXX as UTF-8 (a surrogate pair
 * joined, a lone surrogate U+FFFD, a code point that is not printable
 * left out), at most JSON_SHOW bytes read; bytes that are not UTF-8 and
 * control characters escaped as \xHH (st_escape's form).
 */
static void
unescape(const uint8_t *p, size_t n, char *out, size_t outn)
{
	size_t i = 0, k = 0, l;
	uint32_t u, t;
	int a, b, c, e;

	if (n > JSON_SHOW)
		n = JSON_SHOW;
	out[0] = '\0';
	while (i < n && k + 16 < outn) {
		if (p[i] != '\\') {
			if ((l = utf8_at(p + i, n - i, &u)) == 0) {
				k += st_escape(p + i, 1, out + k, outn - k);
				i++;
			} else {
				put_utf8(out, &k, outn, u);
				i += l;
			}
			continue;
		}
		if (i + 1 >= n)
			break;
		switch (p[i + 1]) {
		case 'b': put_utf8(out, &k, outn, '\b'); break;
		case 'f': put_utf8(out, &k, outn, '\f'); break;
		case 'n': put_utf8(out, &k, outn, '\n'); break;
		case 'r': put_utf8(out, &k, outn, '\r'); break;
		case 't': put_utf8(out, &k, outn, '\t'); break;
		case 'u':
			if (i + 6 > n)
				goto done;
			a = hexdig(p[i + 2]), b = hexdig(p[i + 3]);
			c = hexdig(p[i + 4]), e = hexdig(p[i + 5]);
			u = (uint32_t)(a << 12 | b << 8 | c << 4 | e);
			i += 6;
			if (u >= 0xd800 && u <= 0xdbff && i + 6 <= n &&
			    p[i] == '\\' && p[i + 1] == 'u') {
				t = (uint32_t)(hexdig(p[i + 2]) << 12 |
				    hexdig(p[i + 3]) << 8 | hexdig(p[i + 4]) <<
				    4 | hexdig(p[i + 5]));
				i += 6;
				u = t >= 0xdc00 && t <= 0xdfff ? 0x10000 +
				    ((u - 0xd800) << 10) + (t - 0xdc00) :
				    0xfffd;
			} else if (u >= 0xd800 && u <= 0xdfff)
				u = 0xfffd;
			/* not printable (a control character): left out */
			if (u >= 0x20 && (u < 0x7f || u >= 0xa0))
				put_utf8(out, &k, outn, u);
			continue;
		default:	/* '"', '\\', '/' */
			put_utf8(out, &k, outn, p[i + 1]);
		}
		i += 2;
	}
done:
	out[k] = '\0';
}

/* Row f over p[off..off+n) with text s. */
static void
row(struct jp *j, int f, size_t off, size_t n, const char *s)
{
	if (!j->paths && (f == F_PATH || f == F_PATHVAL || f == F_MEMBERVAL))
		return;
	if (j->dry) {
		j->need += strlen(s) + 1;
		j->rows++;
		return;
	}
	if (j->full)
		return;
	if (st_dtext(j->d, j->c, &json_fields[f], off, n, s) == NULL)
		j->full = 1;
}

/* The path with "/" name appended, its old length returned. */
static size_t
path_push(struct jp *j, const char *name)
{
	size_t old = j->plen, k = strlen(name);

	if (j->plen + 1 + k < sizeof(j->path)) {
		j->path[j->plen] = '/';
		memcpy(j->path + j->plen + 1, name, k + 1);
		j->plen += 1 + k;
	}
	return old;
}

static void
path_pop(struct jp *j, size_t old)
{
	j->plen = old;
	j->path[old] = '\0';
}

static int value(struct jp *j, unsigned depth, const char *key);

/* A scalar at [a, j->pos): its value and the path rows. */
static void
scalar(struct jp *j, int f, size_t a, const char *key)
{
	char v[JSON_SHOW * 4 + 8], s[JSON_PATH + sizeof(v) + 2];

	if (f == F_STRING)
		unescape(j->p + a + 1, j->pos - a - 2, v, sizeof(v));
	else
		st_escape(j->p + a, j->pos - a < 64 ? j->pos - a : 64, v,
		    sizeof(v));
	snprintf(s, sizeof(s), "%s:%s", j->path, v);
	row(j, F_PATHVAL, a, j->pos - a, s);
	snprintf(s, sizeof(s), "%s:%s", key, v);
	row(j, F_MEMBERVAL, a, j->pos - a, s);
	row(j, f, a, j->pos - a, v);
}

/* An object at j->pos ('{'), its members. */
static int
object(struct jp *j, unsigned depth)
{
	char key[JSON_SHOW * 4 + 8];
	size_t a = j->pos, m, k, old;
	unsigned i;
	int r;

	j->pos++;
	ws(j);
	if (j->pos < j->n && j->p[j->pos] == '}') {
		j->pos++;
		row(j, F_OBJECT, a, j->pos - a, "{}");
		return J_OK;
	}
	for (i = 0; i < JSON_VALUES; i++) {
		ws(j);
		if (j->pos >= j->n)
			return J_CUT;
		if (j->p[j->pos] != '"')
			return J_BAD;
		m = j->pos;
		if ((r = scan_string(j)) != J_OK)
			return r;
		k = j->pos;
		unescape(j->p + m + 1, k - m - 2, key, sizeof(key));
		ws(j);
		if (j->pos >= j->n)
			return J_CUT;
		if (j->p[j->pos] != ':')
			return J_BAD;
		j->pos++;
		old = path_push(j, key);
		/* the member's row first, though its length is known last:
		 * as tshark's order; its length set below */
		row(j, F_MEMBER, m, k - m, key);
		{
			struct st_field *mf = j->full || j->dry ? NULL :
			    &j->d->pkt->fields[j->d->pkt->nfields - 1];

			r = value(j, depth + 1, key);
			if (mf != NULL && r != J_BAD)
				mf->bits = (uint32_t)((j->pos - m) * 8);
		}
		if (r == J_OK) {
			row(j, F_KEY, m, k - m, key);
			row(j, F_PATH, m, j->pos - m, j->path);
		}
		path_pop(j, old);
		if (r != J_OK)
			return r;
		ws(j);
		if (j->pos >= j->n)
			return J_CUT;
		if (j->p[j->pos] == '}') {
			j->pos++;
			return J_OK;
		}
		if (j->p[j->pos] != ',')
			return J_BAD;
		j->pos++;
	}
	return J_BAD;		/* more members than are shown */
}

/* An array at j->pos ('['), its elements. */
static int
array(struct jp *j, unsigned depth)
{
	size_t a = j->pos, old;
	unsigned i;
	int r;

	j->pos++;
	ws(j);
	if (j->pos < j->n && j->p[j->pos] == ']') {
		j->pos++;
		row(j, F_ARRAY, a, j->pos - a, "[]");
		return J_OK;
	}
	old = path_push(j, "[]");
	for (i = 0; i < JSON_VALUES; i++) {
		if ((r = value(j, depth + 1, "[]")) != J_OK)
			break;
		ws(j);
		if (j->pos >= j->n) {
			r = J_CUT;
			break;
		}
		if (j->p[j->pos] == ']') {
			j->pos++;
			break;
		}
		if (j->p[j->pos] != ',') {
			r = J_BAD;
			break;
		}
		j->pos++;
	}
	if (i == JSON_VALUES)
		r = J_BAD;
	path_pop(j, old);
	return r;
}

/* A value at j->pos (after white space), key the name its member or
 * array gives it. */
static int
value(struct jp *j, unsigned depth, const char *key)
{
	static const struct { const char *w; int f; } words[] = {
		{ "false", F_FALSE }, { "null", F_NULL }, { "true", F_TRUE },
		{ "NaN", F_NAN },
	};
	size_t a, i, k;
	int r;

	ws(j);
	if (j->pos >= j->n)
		return J_CUT;
	if (depth > JSON_DEPTH || ++j->values > JSON_VALUES)
		return J_BAD;
	a = j->pos;
	switch (j->p[a]) {
	case '{':
		return object(j, depth);
	case '[':
		return array(j, depth);
	case '"':
		if ((r = scan_string(j)) == J_OK)
			scalar(j, F_STRING, a, key);
		return r;
	}
	if (j->p[a] == '-' || (j->p[a] >= '0' && j->p[a] <= '9')) {
		if ((r = scan_number(j)) == J_OK)
			scalar(j, F_NUMBER, a, key);
		return r;
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		k = strlen(words[i].w);
		if (j->n - a < k) {
			if (memcmp(j->p + a, words[i].w, j->n - a) == 0)
				return J_CUT;
			continue;
		}
		if (memcmp(j->p + a, words[i].w, k) == 0) {
			j->pos = a + k;
			scalar(j, words[i].f, a, key);
			return J_OK;
		}
	}
	return J_BAD;
}

/*
 * The texts from the start; returns how the last ended, j->pos where the
 * JSON ends.
 */
static int
texts(struct jp *j)
{
	struct st_dmark top;
	unsigned t;
	size_t a;
	int r = J_OK;

	j->pos = 0;
	j->values = 0;
	for (t = 0; t < JSON_TEXTS; t++) {
		ws(j);
		a = j->pos;
		if (j->pos >= j->n || (j->p[a] != '{' && j->p[a] != '['))
			break;
		st_dmark(j->d, &top);
		j->plen = 0;
		j->path[0] = '\0';
		if ((r = value(j, 0, "")) == J_BAD) {
			/* as tshark: the text shows nothing; it and what
			 * follows are lines of text */
			if (!j->dry)
				st_drewind(j->d, &top);
			j->pos = a;
			break;
		}
		if (r == J_CUT)
			break;
	}
	return r;
}

/* Room kept for what follows JSON in the packet (its notes, a layer of
 * text lines). */
#define JSON_KEEP_TEXT	512
#define JSON_KEEP_ROWS	16

static int
json_decode(struct st_dctx *d, struct st_cur *c)
{
	struct jp j;
	struct st_dmark start;
	struct st_packet *pkt = d->pkt;
	const struct st_proto *text;
	size_t left = st_cur_left(c);
	int r = J_OK;

	memset(&j, 0, sizeof(j));
	j.d = d;
	j.c = c;
	j.n = left;
	{
		struct st_cur tc = *c;

		if ((j.p = st_get_bytes(&tc, left)) == NULL || left == 0)
			return ST_ETRUNC;
	}
	/*
	 * What the rows need, counted first: with the paths when they fit
	 * the packet's fields and text, else without them, else no rows
	 * (a list cut short would disagree with every reader).
	 */
	for (j.paths = 1; j.paths >= 0; j.paths--) {
		j.dry = 1;
		j.need = 0;
		j.rows = 0;
		r = texts(&j);
		if (pkt->strused + j.need + JSON_KEEP_TEXT <= sizeof(pkt->str) &&
		    pkt->nfields + j.rows + JSON_KEEP_ROWS <= ST_MAX_FIELDS)
			break;
	}
	j.dry = 0;
	if (j.paths < 0)
		st_pkt_note(pkt, "JSON: more values than the packet has room "
		    "for: none shown");
	else {
		st_dmark(d, &start);
		r = texts(&j);
		if (j.full) {
			st_drewind(d, &start);
			st_pkt_note(pkt, "JSON: more values than the packet has "
			    "room for: none shown");
		} else if (!j.paths)
			st_pkt_note(pkt, "JSON: more values than the packet has "
			    "room for: shown without their paths");
	}
	if (r == J_CUT) {
		d->hdr = left;
		st_pkt_note(pkt, "JSON: the text is cut short: shown as far "
		    "as it goes");
		return ST_ETRUNC;
	}
	d->hdr = j.pos;
	if (j.pos < left && (text = st_proto_find("data-text-lines")) != NULL) {
		d->hdr = left;
		st_dsublayer(d, c, text, j.pos, left - j.pos);
	}
	return ST_OK;
}

static const struct st_bind json_binds[] = {
	{ ST_KEY_MEDIA, ST_MEDIA_JSON },
};

/* "json, 3 members, 12 values". */
static int
json_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	unsigned i, members = 0, values = 0;

	for (i = 0; i < ly->nfields; i++) {
		members += f[i].desc == &json_fields[F_MEMBER];
		values += f[i].desc >= &json_fields[F_STRING] &&
		    f[i].desc <= &json_fields[F_NAN];
	}
	st_out_printf(s->o, "json, %u member%s, %u value%s", members,
	    members == 1 ? "" : "s", values, values == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const json_keys[] = {
	&json_fields[F_MEMBER], NULL,
};

const struct st_proto st_proto_json = {
	.name = "json",
	.ws = "json",
	.title = "JavaScript Object Notation",
	.rfc = "RFC 8259",
	.role = ST_ROLE_APP,
	.fields = json_fields,
	.nfields = F_NJSON,
	.decode = json_decode,
	.binds = json_binds,
	.nbinds = NFIELDS(json_binds),
	.summary = json_summary,
	.keys = json_keys,
	.color = "\033[37m",
	.explain = "Objects of named members and arrays of values, as text: "
	    "each member's key, its path from the top (/a/b, [] for an "
	    "array's element) and each plain value (a string, a number, "
	    "true, false or null).  An HTTP body of type application/json "
	    "is shown so.",
};
