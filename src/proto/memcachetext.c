/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * memcache's text protocol (memcached's doc/protocol.txt), as Wireshark
 * reads it: a segment is one message, its first line read token by token
 * (a command and its arguments, or an answer), then a storage command's
 * data block, or a get's VALUE lines and their blocks, or STAT lines, to
 * END.  Numbers are digits, shown as the numbers they spell.
 * src/proto/memcache.c has the descriptor and the binary protocol.
 */
#include <string.h>

#include "memcache.h"

/* A line being read token by token (Wireshark's get_token_len). */
struct mc_line {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;		/* the message's bytes */
	size_t		 n;
	size_t		 pos;		/* the next token */
	size_t		 end;		/* the line's end, its EOL left out */
	size_t		 next;		/* the next line's start */
};

/* Finds the line starting at pos (its end before CR or LF). */
static void
line_at(struct mc_line *l, size_t pos)
{
	size_t i;

	l->pos = pos;
	for (i = pos; i < l->n && l->p[i] != '\r' && l->p[i] != '\n'; i++)
		;
	l->end = i;
	if (i < l->n && l->p[i] == '\r')
		i++;
	if (i < l->n && l->p[i] == '\n' && (i == l->end ||
	    l->p[i - 1] == '\r'))
		i++;
	l->next = i;
}

/* The length of the token at pos (0 at the line's end); *skip: the bytes
 * to the next token. */
static size_t
token(const struct mc_line *l, size_t *skip)
{
	size_t i = l->pos, k;

	while (i < l->end && l->p[i] != ' ' && l->p[i] != '\r' &&
	    l->p[i] != '\n')
		i++;
	k = i - l->pos;
	while (i < l->end && l->p[i] == ' ')
		i++;
	*skip = i - l->pos;
	return k;
}

static int
tok_is(const struct mc_line *l, size_t k, const char *s)
{
	return k == strlen(s) && memcmp(l->p + l->pos, s, k) == 0;
}

/* Adds the token (k bytes) as row i and moves past it. */
static void
tok_text(struct mc_line *l, size_t k, size_t skip, unsigned i)
{
	st_memcache_ascii(l->d, l->c, i, l->pos, k);
	l->pos += skip;
}

/* The token as a number (strtoul's leading digits), as row i. */
static uint64_t
tok_num(struct mc_line *l, size_t k, size_t skip, unsigned i, int bits)
{
	struct st_field *f;
	uint64_t v = 0;
	size_t j;

	for (j = 0; j < k && l->p[l->pos + j] >= '0' &&
	    l->p[l->pos + j] <= '9'; j++)
		v = v * 10 + (uint64_t)(l->p[l->pos + j] - '0');
	if (bits < 64)
		v &= ((uint64_t)1 << bits) - 1;
	if ((f = st_dbytes(l->d, l->c, M(i), l->pos, k)) != NULL)
		f->val = v;
	l->pos += skip;
	return v;
}

/* A data block of len bytes at pos (and its CRLF); returns where the next
 * line starts. */
static size_t
block(struct mc_line *l, size_t pos, size_t len)
{
	size_t n = pos < l->n ? l->n - pos : 0;

	if (n == 0)
		return l->n;
	if (n >= len + 2) {
		if (len > 0)
			st_memcache_ascii(l->d, l->c, F_VALUE, pos, len);
		return pos + len + 2;
	}
	st_memcache_ascii(l->d, l->c, F_VALUE, pos, n);
	st_pkt_note(l->d->pkt, "memcache: a data block continues in a later "
	    "segment");
	return l->n;
}

/* A storage command's or a VALUE line's key, flags, expiration (exp set)
 * and block length; 0 where the line falls short. */
static int
key_flags_bytes(struct mc_line *l, int exp, uint64_t *bytes)
{
	size_t k, skip;

	if ((k = token(l, &skip)) == 0)
		return 0;
	tok_text(l, k, skip, F_KEY);
	if ((k = token(l, &skip)) == 0 || k > 5)
		return 0;
	tok_num(l, k, skip, F_FLAGS, 16);
	if (exp) {
		if ((k = token(l, &skip)) == 0 || k > 10)
			return 0;
		tok_num(l, k, skip, F_EXP, 32);
	}
	if ((k = token(l, &skip)) == 0 || k > 10)
		return 0;
	*bytes = tok_num(l, k, skip, F_TVLEN, 32);
	return 1;
}

/* A storage command after its name: key, flags, expiration, bytes, a CAS
 * unique for cas, noreply, then the block. */
static void
storage(struct mc_line *l, unsigned op)
{
	size_t k, skip;
	uint64_t bytes;

	if (!key_flags_bytes(l, 1, &bytes))
		return;
	if (op == OP_CAS) {
		if ((k = token(l, &skip)) == 0 || k > 20)
			return;
		tok_num(l, k, skip, F_TCAS, 64);
	}
	if ((k = token(l, &skip)) != 0) {
		if (tok_is(l, k, "noreply"))
			st_memcache_ascii(l->d, l->c, F_NOREPLY, l->pos, k);
		l->pos += skip;
	}
	block(l, l->pos + 2, (size_t)bytes);
}

/* "noreply" or an expiration (delete, flush_all), then maybe noreply. */
static void
exp_or_noreply(struct mc_line *l, int again)
{
	size_t k, skip;

	if ((k = token(l, &skip)) == 0 || k > 10)
		return;
	if (tok_is(l, k, "noreply"))
		tok_text(l, k, skip, F_NOREPLY);
	else
		tok_num(l, k, skip, F_EXP, 32);
	if (again && (k = token(l, &skip)) != 0 && tok_is(l, k, "noreply"))
		tok_text(l, k, skip, F_NOREPLY);
}

static void
request(struct mc_line *l, unsigned op)
{
	size_t k, skip;
	unsigned i;

	k = token(l, &skip);
	tok_text(l, k, skip, F_CMD);
	switch (op) {
	case OP_SET: case OP_ADD: case OP_REPLACE: case OP_APPEND:
	case OP_PREPEND: case OP_CAS:
		storage(l, op);
		break;
	case OP_INCR: case OP_DECR:
		if ((k = token(l, &skip)) == 0)
			return;
		tok_text(l, k, skip, F_KEY);
		if ((k = token(l, &skip)) == 0)
			return;
		tok_text(l, k, skip, F_VALUE);
		if ((k = token(l, &skip)) != 0 && tok_is(l, k, "noreply"))
			tok_text(l, k, skip, F_NOREPLY);
		break;
	case OP_DELETE:
		if ((k = token(l, &skip)) == 0)
			return;
		tok_text(l, k, skip, F_KEY);
		exp_or_noreply(l, 0);
		break;
	case OP_GET: case OP_GETS:
		for (i = 0; i < MC_ITEMS && (k = token(l, &skip)) != 0; i++)
			tok_text(l, k, skip, F_KEY);
		break;
	case OP_STAT:
		if ((k = token(l, &skip)) != 0)
			tok_text(l, k, skip, F_SUB);
		break;
	case OP_FLUSH:
		exp_or_noreply(l, 1);
		break;
	}
}

/* A get's answer: VALUE lines, each with its block, to END. */
static void
values(struct mc_line *l)
{
	size_t k, skip;
	uint64_t bytes;
	unsigned i;

	for (i = 0; i < MC_ITEMS && l->pos < l->n; i++) {
		line_at(l, l->pos);
		k = token(l, &skip);
		if (!tok_is(l, k, "VALUE"))
			return;		/* END, or not an answer */
		l->pos += skip;
		if (!key_flags_bytes(l, 0, &bytes))
			return;
		if ((k = token(l, &skip)) > 20)
			return;
		if (k != 0) {
			/* Wireshark reads the CAS unique, then takes it for
			 * a token where the line should end: no block */
			tok_num(l, k, skip, F_TCAS, 64);
			return;
		}
		l->pos = block(l, l->next, (size_t)bytes);
	}
}

/* A stats answer: STAT [subcommand:slab:]name value lines, to END. */
static void
stats(struct mc_line *l)
{
	const uint8_t *c1, *c2;
	size_t k, skip, n1;
	unsigned i, colons;

	for (i = 0; i < MC_ITEMS && l->pos < l->n; i++) {
		line_at(l, l->pos);
		k = token(l, &skip);
		if (!tok_is(l, k, "STAT"))
			return;
		tok_text(l, k, skip, F_CMD);
		/* the colons of the rest of the line: "items:1:number" */
		c1 = memchr(l->p + l->pos, ':', l->end - l->pos);
		c2 = c1 != NULL ? memchr(c1 + 1, ':', (size_t)(l->p + l->end -
		    c1 - 1)) : NULL;
		colons = c1 == NULL ? 0 : c2 == NULL ? 1 :
		    memchr(c2 + 1, ':', (size_t)(l->p + l->end - c2 - 1)) ==
		    NULL ? 2 : 3;
		if (colons == 3)
			return;
		if (colons == 2) {
			n1 = (size_t)(c1 - (l->p + l->pos));
			st_memcache_ascii(l->d, l->c, F_SUB, l->pos, n1);
			l->pos += n1 + 1;
			c1 = c2;
		}
		if (colons >= 1) {
			n1 = (size_t)(c1 - (l->p + l->pos));
			if (n1 == 0 || n1 > 10)
				return;
			tok_num(l, n1, n1 + 1, F_SLAB, 32);
		}
		if ((k = token(l, &skip)) == 0)
			return;
		tok_text(l, k, skip, F_NAME);
		if ((k = token(l, &skip)) == 0)
			return;
		tok_text(l, k, skip, F_NVALUE);
		l->pos = l->next;
	}
}

static void
response(struct mc_line *l, unsigned op)
{
	size_t k, skip;

	if (op == OP_GET) {
		values(l);
		return;
	}
	if (op == OP_STAT) {
		stats(l);
		return;
	}
	k = token(l, &skip);
	if (op == OP_VERSION) {
		l->pos += skip;
		if ((k = token(l, &skip)) != 0)
			tok_text(l, k, skip, F_VERSION);
		return;
	}
	tok_text(l, k, skip, F_RESPONSE);
}

/* What the first word of a text message says: a request (1), an answer
 * (2) or neither (0), and its opcode. */
static int
classify(const uint8_t *p, size_t n, unsigned *op)
{
	static const struct { const char *w; uint8_t op, kind; } words[] = {
		{ "OK", OP_NONE, 2 }, { "END", OP_NONE, 2 },
		{ "STAT", OP_STAT, 2 }, { "VALUE", OP_GET, 2 },
		{ "EXISTS", OP_NONE, 2 }, { "STORED", OP_NONE, 2 },
		{ "VERSION", OP_VERSION, 2 }, { "DELETED", OP_DELETE, 2 },
		{ "NOT_FOUND", OP_NONE, 2 }, { "NOT_STORED", OP_NONE, 2 },
		{ "get", OP_GET, 1 }, { "set", OP_SET, 1 },
		{ "add", OP_ADD, 1 }, { "cas", OP_CAS, 1 },
		{ "gets", OP_GETS, 1 }, { "incr", OP_INCR, 1 },
		{ "decr", OP_DECR, 1 }, { "quit", OP_QUIT, 1 },
		{ "stats", OP_STAT, 1 }, { "append", OP_APPEND, 1 },
		{ "delete", OP_DELETE, 1 }, { "replace", OP_REPLACE, 1 },
		{ "prepend", OP_PREPEND, 1 }, { "version", OP_VERSION, 1 },
		{ "flush_all", OP_FLUSH, 1 },
	};
	const uint8_t *sp = memchr(p, ' ', n);
	size_t w = sp != NULL ? (size_t)(sp - p) : n, i;

	for (i = 0; i < NFIELDS(words); i++)
		if (strlen(words[i].w) == w && memcmp(p, words[i].w, w) == 0) {
			*op = words[i].op;
			return words[i].kind;
		}
	return 0;
}

void
st_memcache_text(struct st_dctx *d, struct st_cur *c, size_t n)
{
	struct mc_line l = { d, c, NULL, n, 0, 0, 0 };
	struct st_cur t = *c;
	unsigned op = OP_NONE;
	int kind;

	if ((l.p = st_get_bytes(&t, n)) == NULL)
		return;
	line_at(&l, 0);
	kind = classify(l.p, l.end, &op);
	if (kind == 1)
		request(&l, op);
	else if (kind == 2)
		response(&l, op);
	else
		st_pkt_note(d->pkt, "memcache: no command or answer starts "
		    "the segment (a continuation)");
}

size_t
st_memcache_text_len(const uint8_t *p, size_t n)
{
	struct mc_line l = { NULL, NULL, p, n, 0, 0, 0 };
	size_t k, skip, i;
	uint64_t bytes = 0;
	unsigned op = OP_NONE;

	line_at(&l, 0);
	if (l.next == l.end)
		return ST_PDU_MORE;		/* no line end yet */
	if (classify(l.p, l.end, &op) != 1 || !(op == OP_SET ||
	    op == OP_ADD || op == OP_REPLACE || op == OP_APPEND ||
	    op == OP_PREPEND || op == OP_CAS))
		return l.next;
	/* the fifth token is the block's length */
	for (i = 0; i < 5 && (k = token(&l, &skip)) != 0; i++) {
		if (i == 4)
			for (bytes = 0; k-- > 0 && l.p[l.pos] >= '0' &&
			    l.p[l.pos] <= '9' && bytes < UINT32_MAX; l.pos++)
				bytes = bytes * 10 + (uint64_t)(l.p[l.pos] -
				    '0');
		else
			l.pos += skip;
	}
	return i == 5 ? l.next + (size_t)bytes + 2 : l.next;
}
