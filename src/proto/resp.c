/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Redis serialization protocol, RESP (TCP 6379): every message of a
 * segment, each a simple string (+), an error (-), an integer (:), a bulk
 * string ($, length then bytes) or an array (*, a count of nested
 * messages).  A line of another kind (an inline command, or the middle of
 * a message begun earlier) is a fragment, as tshark calls it.  One layer
 * per segment, as tshark shows it.  Nesting and the number of elements
 * are bounded.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define RESP_PORT	6379
#define RESP_DEPTH	16	/* arrays in arrays */
#define RESP_ITEMS	1024	/* elements of one segment */
#define RESP_TEXT	512	/* bytes of one string shown */

enum { R_STRING, R_ERROR, R_INTEGER, R_BLEN, R_BVALUE, R_ALEN, R_FRAGMENT,
	R_NRESP };

static const struct st_field_desc resp_fields[R_NRESP] = {
	[R_STRING] = FD(NULL, "resp.string", "String", 0, 0, ST_FMT_TEXT),
	[R_ERROR] = FD(NULL, "resp.error", "Error", 0, 0, ST_FMT_TEXT),
	[R_INTEGER] = FDX(NULL, "resp.integer", "Integer", 0, 0, ST_FMT_DEC,
	    0, 0, ST_DF_SIGNED, 0, NULL),
	[R_BLEN] = FDX(NULL, "resp.bulk_string.length", "Bulk string length",
	    0, 0, ST_FMT_DEC, 0, 0, ST_DF_SIGNED, 0, NULL),
	[R_BVALUE] = FD(NULL, "resp.bulk_string.value", "Value", 0, 0,
	    ST_FMT_BYTES),
	[R_ALEN] = FDX(NULL, "resp.array.length", "Array length", 0, 0,
	    ST_FMT_DEC, 0, 0, ST_DF_SIGNED, 0, NULL),
	[R_FRAGMENT] = FD(NULL, "resp.fragment", "Fragment", 0, 0,
	    ST_FMT_BYTES),
};

/* The segment's bytes and how far the reading got. */
struct rs {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n, pos;
	unsigned	 items;
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* Where the line at pos ends (its CR), or SIZE_MAX when it does not. */
static size_t
line_end(const struct rs *r, size_t pos)
{
	size_t i;

	for (i = pos; i + 1 < r->n; i++)
		if (r->p[i] == '\r' && r->p[i + 1] == '\n')
			return i;
	return SIZE_MAX;
}

/* A signed decimal in p[a..b); *ok 0 when it is not one. */
static int64_t
number(const uint8_t *p, size_t a, size_t b, int *ok)
{
	int64_t v = 0;
	int neg = 0;
	size_t i = a;

	*ok = 0;
	if (i < b && p[i] == '-') {
		neg = 1;
		i++;
	}
	if (i == b || b - i > 18)
		return 0;
	for (; i < b; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		v = v * 10 + (p[i] - '0');
	}
	*ok = 1;
	return neg ? -v : v;
}

static void
num(struct rs *r, int fi, size_t off, size_t n, int64_t v)
{
	struct st_field *f;

	if ((f = st_dbytes(r->d, r->c, &resp_fields[fi], off, n)) != NULL)
		f->val = (uint64_t)v;
}

static void
text(struct rs *r, int fi, size_t off, size_t n)
{
	char buf[RESP_TEXT * 4 + 8];

	st_escape(r->p + off, n < RESP_TEXT ? n : RESP_TEXT, buf,
	    sizeof(buf));
	st_dtext(r->d, r->c, &resp_fields[fi], off, n, buf);
}

/*
 * One message at r->pos, depth arrays deep.  Returns 0 when it ended in
 * the segment, -1 when the segment ends inside it.
 */
static int
message(struct rs *r, unsigned depth)
{
	size_t pos = r->pos, e = line_end(r, pos);
	int64_t v, i;
	int ok;

	if (++r->items > RESP_ITEMS || e == SIZE_MAX)
		return -1;
	r->pos = e + 2;
	switch (r->p[pos]) {
	case '+':
		text(r, R_STRING, pos + 1, e - pos - 1);
		return 0;
	case '-':
		text(r, R_ERROR, pos + 1, e - pos - 1);
		return 0;
	case ':':
		v = number(r->p, pos + 1, e, &ok);
		if (ok)
			num(r, R_INTEGER, pos, e + 2 - pos, v);
		return 0;
	case '$':
		v = number(r->p, pos + 1, e, &ok);
		if (!ok)
			break;
		num(r, R_BLEN, pos, e + 2 - pos, v);
		if (v < 0)
			return 0;		/* the null bulk string */
		if ((uint64_t)v > r->n - r->pos) {
			st_dbytes(r->d, r->c, &resp_fields[R_BVALUE], r->pos,
			    r->n - r->pos);
			r->pos = r->n;
			return -1;
		}
		st_dbytes(r->d, r->c, &resp_fields[R_BVALUE], r->pos,
		    (size_t)v);
		r->pos += (size_t)v;
		if (r->n - r->pos >= 2)
			r->pos += 2;
		return 0;
	case '*':
		v = number(r->p, pos + 1, e, &ok);
		if (!ok)
			break;
		num(r, R_ALEN, pos, e + 2 - pos, v);
		if (depth >= RESP_DEPTH) {
			st_pkt_note(r->d->pkt, "RESP: arrays nested too deep");
			return -1;
		}
		for (i = 0; i < v; i++)
			if (r->pos >= r->n || message(r, depth + 1) < 0)
				return -1;
		return 0;
	}
	/* An inline command, or bytes of another kind: a fragment. */
	st_dbytes(r->d, r->c, &resp_fields[R_FRAGMENT], pos, e + 2 - pos);
	return 0;
}

static int
resp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct rs r;

	memset(&r, 0, sizeof(r));
	if ((r.p = bytes_at(c, left)) == NULL || left == 0)
		return ST_ENOTME;
	r.d = d;
	r.c = c;
	r.n = left;
	while (r.pos < r.n) {
		if (message(&r, 0) < 0) {
			if (r.items > RESP_ITEMS)
				st_pkt_note(d->pkt, "RESP: too many elements "
				    "in one segment: the rest not decoded");
			else
				st_pkt_note(d->pkt, "RESP: a message "
				    "continues in a later segment");
			break;
		}
	}
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind resp_binds[] = {
	{ ST_KEY_TCPPORT, RESP_PORT },
};

/* One field's bytes, escaped, on the summary line. */
static void
put_bytes(struct st_sumctx *s, const struct st_field *f)
{
	char buf[64 * 4 + 8];
	const uint8_t *b;
	size_t n;

	if ((b = st_field_bytes(s->pkt, f, &n)) == NULL)
		return;
	if (n >= 2 && b[n - 2] == '\r' && b[n - 1] == '\n')
		n -= 2;			/* a fragment's line end */
	st_escape(b, n < 64 ? n : 64, buf, sizeof(buf));
	st_out_puts(s->o, buf);
}

/* "resp SET test hi", "resp OK", "resp error ERR unknown command": the
 * first message's strings, as tshark's Info column. */
static int
resp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	unsigned n = 0;

	st_out_puts(s->o, "resp");
	for (; f < end && n < 6; f++) {
		if (f->desc == &resp_fields[R_ALEN] && n > 0)
			break;
		if (f->desc == &resp_fields[R_BVALUE] ||
		    f->desc == &resp_fields[R_FRAGMENT]) {
			st_out_putc(s->o, ' ');
			put_bytes(s, f);
		} else if (f->desc == &resp_fields[R_STRING] ||
		    f->desc == &resp_fields[R_INTEGER]) {
			st_out_putc(s->o, ' ');
			s->value(s, f);
		} else if (f->desc == &resp_fields[R_BLEN] &&
		    (int64_t)f->val < 0) {
			st_out_puts(s->o, " (nil)");
		} else if (f->desc == &resp_fields[R_ERROR]) {
			st_out_puts(s->o, " error ");
			s->value(s, f);
		} else
			continue;
		n++;
	}
	if (n == 0)
		st_out_puts(s->o, " (continued)");
	return 1;
}

static const struct st_field_desc *const resp_keys[] = {
	&resp_fields[R_ALEN], &resp_fields[R_STRING], &resp_fields[R_ERROR],
	&resp_fields[R_INTEGER], NULL,
};

const struct st_proto st_proto_resp = {
	.name = "resp",
	.ws = "resp",
	.title = "REdis Serialization Protocol",
	.rfc = "RESP (redis.io/docs/reference/protocol-spec)",
	.role = ST_ROLE_APP,
	.fields = resp_fields,
	.nfields = R_NRESP,
	.decode = resp_decode,
	.binds = resp_binds,
	.nbinds = NFIELDS(resp_binds),
	.summary = resp_summary,
	.keys = resp_keys,
	.color = "\033[91m",
	.explain = "Redis's protocol: each message is a line starting with "
	    "its type, + a simple string, - an error, : an integer, $ a "
	    "bulk string (its length, then that many bytes and CRLF), * an "
	    "array (its count, then the elements).  A client sends each "
	    "command as an array of bulk strings (SET key value); the "
	    "server answers with one message.  A line of no type is an "
	    "inline command, or the middle of a long message.",
};
