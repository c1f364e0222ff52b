/*
 * The layer spec language, in the spirit of scapy's IP()/ICMP()/"x":
 *
 *   spec    = layer *( "/" layer )
 *   layer   = name [ "(" [ item *( "," item ) ] ")" ] | payload
 *   item    = key [ "=" value ]
 *   payload = '"' C-escaped text '"' | "hex:" hexdigits | "@" path
 *
 * Keys are the protocols' field-table keys (the same rows the decoders
 * use), plus a few that build options: ip options=rr+ra, tcp mss=1460 and
 * friends.  Numbers are decimal or 0x hex; types, codes and flags have
 * names too.  A value out of range for its width is an error, never cut.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/craft.h"
#include "strata/protos.h"

const struct st_spec_proto st_spec_protos[] = {
	{ "eth", &st_proto_eth, NULL },
	{ "ip", &st_proto_ipv4, "options" },
	{ "ipv6", &st_proto_ipv6, NULL },
	{ "icmp", &st_proto_icmp, NULL },
	{ "icmpv6", &st_proto_icmpv6, NULL },
	{ "tcp", &st_proto_tcp, "mss wscale sackok sack ts nop eol" },
	{ "udp", &st_proto_udp, NULL },
	{ NULL, NULL, NULL }
};

static int
fail(struct st_spec_err *err, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct st_spec_err *err, unsigned col, const char *fmt, ...)
{
	va_list ap;

	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
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

static const struct st_spec_proto *
find_layer(const char *name)
{
	const struct st_spec_proto *sp;

	for (sp = st_spec_protos; sp->name != NULL; sp++)
		if (strcmp(sp->name, name) == 0)
			return sp;
	if (strcmp(name, "ipv4") == 0)
		return &st_spec_protos[1];
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
unknown_key(struct st_spec_err *err, unsigned col,
    const struct st_spec_proto *sp, const char *key)
{
	char best[32] = "";
	const char *w;
	unsigned bd = 99;
	size_t i, n;

	for (i = 0; i < sp->proto->nfields; i++)
		if (sp->proto->fields[i].key != NULL)
			closest(key, sp->proto->fields[i].key,
			    strlen(sp->proto->fields[i].key), best, &bd);
	for (w = sp->extra; w != NULL && *w != '\0'; w += n) {
		n = strcspn(w, " ");
		closest(key, w, n, best, &bd);
		if (w[n] == ' ')
			n++;
	}
	if (sp->proto == &st_proto_ipv4)
		closest(key, "options", 7, best, &bd);
	if (best[0] != '\0')
		return fail(err, col, "unknown field '%s' in %s (did you mean "
		    "'%s'?)", key, sp->name, best);
	return fail(err, col, "unknown field '%s' in %s (strata send --list "
	    "shows them)", key, sp->name);
}

/* Parses a whole unsigned number (decimal or 0x hex); 0 if it is not one. */
static int
number(const char *s, uint64_t *v)
{
	char *end;

	if (!isdigit((unsigned char)s[0]))
		return 0;
	errno = 0;
	*v = strtoull(s, &end, 0);
	return errno == 0 && *end == '\0';
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

/* TCP flags as letters (FSRPAUEC) or a number. */
static int
tcp_flag_letters(const char *s, uint64_t *v)
{
	static const char letters[] = "FSRPAUEC";
	const char *p;

	*v = 0;
	for (; *s != '\0'; s++) {
		if ((p = strchr(letters, toupper((unsigned char)*s))) == NULL)
			return 0;
		*v |= 1u << (p - letters);
	}
	return 1;
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

/* Parses value v for field fd of layer sp into s. */
static int
parse_value(const struct st_spec_proto *sp, const struct st_field_desc *fd,
    const char *v, struct st_spec_set *s, struct st_spec_err *err)
{
	uint64_t max;

	s->fd = fd;
	switch (fd->fmt) {
	case ST_FMT_IPV4:
		if (inet_pton(AF_INET, v, s->bytes) != 1)
			return fail(err, s->col, "'%s' is not an IPv4 address "
			    "(%s %s)", v, sp->name, fd->key);
		s->val = (uint64_t)s->bytes[0] << 24 | s->bytes[1] << 16 |
		    s->bytes[2] << 8 | s->bytes[3];
		return 0;
	case ST_FMT_IPV6:
		if (inet_pton(AF_INET6, v, s->bytes) != 1)
			return fail(err, s->col, "'%s' is not an IPv6 address "
			    "(%s %s)", v, sp->name, fd->key);
		return 0;
	case ST_FMT_MAC:
		if (!parse_mac(v, s->bytes))
			return fail(err, s->col, "'%s' is not a MAC address "
			    "(%s %s)", v, sp->name, fd->key);
		return 0;
	}
	if (!number(v, &s->val) && !lookup_name(fd->names, v, &s->val) &&
	    !(sp->proto == &st_proto_tcp && strcmp(fd->key, "flags") == 0 &&
	    tcp_flag_letters(v, &s->val)))
		return fail(err, s->col, "'%s' is not a number%s (%s %s)", v,
		    fd->names != NULL ? " or a known name" :
		    sp->proto == &st_proto_tcp && strcmp(fd->key, "flags") == 0 ?
		    " or flag letters FSRPAUEC" : "", sp->name, fd->key);
	max = fd->bits >= 64 ? UINT64_MAX : ((uint64_t)1 << fd->bits) - 1;
	if (s->val > max)
		return fail(err, s->col, "%s %s: %s is out of range (%u bits: "
		    "0..%llu)", sp->name, fd->key, v, fd->bits,
		    (unsigned long long)max);
	return 0;
}

/* Appends n option bytes to ly, checking the 40-byte limit. */
static int
add_opt(struct st_spec_layer *ly, const uint8_t *b, size_t n, unsigned col,
    struct st_spec_err *err)
{
	if (ly->optlen + n > ST_SPEC_OPTS)
		return fail(err, col, "options exceed %d bytes", ST_SPEC_OPTS);
	memcpy(ly->opts + ly->optlen, b, n);
	ly->optlen += n;
	ly->has_opts = 1;
	return 0;
}

/* "A:B:C" addresses after a source-route option name. */
static int
route_opt(struct st_spec_layer *ly, uint8_t type, const char *list,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	char addr[64];
	size_t n = 3, k;

	b[0] = type;
	b[2] = 4;
	while (*list == ':') {
		list++;
		k = strcspn(list, ":");
		if (k >= sizeof(addr) || n + 4 > sizeof(b))
			return fail(err, col, "source route too long");
		memcpy(addr, list, k);
		addr[k] = '\0';
		if (inet_pton(AF_INET, addr, b + n) != 1)
			return fail(err, col, "'%s' is not an IPv4 address",
			    addr);
		n += 4;
		list += k;
	}
	if (n == 3)
		return fail(err, col, "source route needs addresses: "
		    "lsrr:A:B");
	b[1] = (uint8_t)n;
	return add_opt(ly, b, n, col, err);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes hex digits s into b (at most cap); returns the count or -1. */
static long
hex_decode(const char *s, uint8_t *b, size_t cap)
{
	size_t n = 0;
	int hi, lo;

	while (*s != '\0') {
		if ((hi = hexval((unsigned char)s[0])) < 0 ||
		    (lo = hexval((unsigned char)s[1])) < 0 || n == cap)
			return -1;
		b[n++] = (uint8_t)(hi << 4 | lo);
		s += 2;
	}
	return (long)n;
}

/*
 * The bytes an IPv4 option item takes, or 0 for rr and ts without a slot
 * count: those share whatever room the other options leave.
 */
static size_t
ip_option_size(const char *item)
{
	size_t n;

	if (strcmp(item, "rr") == 0 || strcmp(item, "ts") == 0)
		return 0;
	if (strncmp(item, "rr:", 3) == 0 || strncmp(item, "ts:", 3) == 0)
		return (size_t)(item[0] == 'r' ? 3 : 4) +
		    4 * strtoul(item + 3, NULL, 10);
	if (strncmp(item, "lsrr:", 5) == 0 || strncmp(item, "ssrr:", 5) == 0) {
		for (n = 3, item += 4; *item != '\0'; item++)
			n += *item == ':' ? 4 : 0;
		return n;
	}
	if (strcmp(item, "ra") == 0)
		return 4;
	if (strncmp(item, "raw:", 4) == 0)
		return strlen(item + 4) / 2;
	return 1;	/* nop, eol, or an error reported later */
}

/*
 * Record route (rr) or timestamp (ts) with room for `slots` entries, or, when
 * slots is -1, as many as `room` bytes hold (ping -R takes all 40 bytes).
 */
static int
slot_opt(struct st_spec_layer *ly, int ts, long slots, size_t room,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	size_t head = ts ? 4 : 3, n;

	if (slots < 0)
		slots = room >= head + 4 ? (long)((room - head) / 4) : 0;
	if (slots < 1 || head + 4 * (size_t)slots > ST_SPEC_OPTS)
		return fail(err, col, "no room for %s: it needs at least %zu "
		    "of the %d option bytes", ts ? "ts" : "rr", head + 4,
		    ST_SPEC_OPTS);
	n = head + 4 * (size_t)slots;
	memset(b, 0, sizeof(b));
	b[0] = ts ? 68 : 7, b[1] = (uint8_t)n, b[2] = ts ? 5 : 4;
	return add_opt(ly, b, n, col, err);
}

/*
 * IPv4 options joined by '+': rr, ts (optionally rr:N, ts:N slots), lsrr:A:B,
 * ssrr:A:B, ra, nop, eol, raw:HEX.
 */
static int
ip_options(struct st_spec_layer *ly, const char *v, unsigned col,
    struct st_spec_err *err)
{
	char item[256];
	uint8_t b[ST_SPEC_OPTS];
	const char *p;
	size_t k, fixed = 0, shared = 0, room;
	char *end;
	long n;

	/* First pass: what the options of fixed size take. */
	for (p = v; *p != '\0'; p += *p == '+') {
		k = strcspn(p, "+");
		if (k >= sizeof(item))
			return fail(err, col, "option too long");
		memcpy(item, p, k);
		item[k] = '\0';
		if ((n = (long)ip_option_size(item)) == 0)
			shared++;
		fixed += (size_t)n;
		p += k;
	}
	room = fixed < ST_SPEC_OPTS && shared > 0 ?
	    (ST_SPEC_OPTS - fixed) / shared : 0;
	while (*v != '\0') {
		k = strcspn(v, "+");
		memcpy(item, v, k);
		item[k] = '\0';
		memset(b, 0, sizeof(b));
		if (strcmp(item, "rr") == 0 || strcmp(item, "ts") == 0) {
			if (slot_opt(ly, item[0] == 't', -1, room, col, err))
				return -1;
		} else if (strncmp(item, "rr:", 3) == 0 ||
		    strncmp(item, "ts:", 3) == 0) {
			n = strtol(item + 3, &end, 10);
			if (!isdigit((unsigned char)item[3]) || *end != '\0' ||
			    n < 1 || n > 9)
				return fail(err, col, "%.2s: '%s' is not a "
				    "number of slots 1..9", item, item + 3);
			if (slot_opt(ly, item[0] == 't', n, 0, col, err))
				return -1;
		} else if (strncmp(item, "lsrr:", 5) == 0 ||
		    strncmp(item, "ssrr:", 5) == 0) {
			if (route_opt(ly, item[0] == 'l' ? 131 : 137, item + 4,
			    col, err) != 0)
				return -1;
		} else if (strcmp(item, "ra") == 0) {
			b[0] = 148, b[1] = 4;
			if (add_opt(ly, b, 4, col, err) != 0)
				return -1;
		} else if (strcmp(item, "nop") == 0 || strcmp(item, "eol") == 0) {
			b[0] = item[0] == 'n' ? 1 : 0;
			if (add_opt(ly, b, 1, col, err) != 0)
				return -1;
		} else if (strncmp(item, "raw:", 4) == 0) {
			if ((n = hex_decode(item + 4, b, sizeof(b))) <= 0)
				return fail(err, col, "raw:%s is not hex bytes",
				    item + 4);
			if (add_opt(ly, b, (size_t)n, col, err) != 0)
				return -1;
		} else
			return fail(err, col, "unknown IPv4 option '%s' (rr, ts, "
			    "rr:N, ts:N, lsrr:A:B, ssrr:A:B, ra, nop, eol, "
			    "raw:HEX)", item);
		v += k;
		if (*v == '+')
			v++;
	}
	return 0;
}

/* Two numbers "a:b" (each up to max). */
static int
pair(const char *v, uint64_t max, uint64_t *a, uint64_t *b)
{
	char buf[64];
	const char *colon = strchr(v, ':');

	if (colon == NULL || (size_t)(colon - v) >= sizeof(buf))
		return 0;
	memcpy(buf, v, (size_t)(colon - v));
	buf[colon - v] = '\0';
	return number(buf, a) && number(colon + 1, b) && *a <= max &&
	    *b <= max;
}

static void
put32(uint8_t *b, uint64_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

/* A TCP option key: mss, wscale, sackok, sack, ts, nop, eol. */
static int
tcp_option(struct st_spec_layer *ly, const char *key, const char *v,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	uint64_t x, y;
	size_t n = 2;

	if ((strcmp(key, "sackok") == 0 || strcmp(key, "nop") == 0 ||
	    strcmp(key, "eol") == 0) && v != NULL)
		return fail(err, col, "tcp %s takes no value", key);
	if (strcmp(key, "sackok") == 0) {
		b[0] = 4, b[1] = 2;
		return add_opt(ly, b, 2, col, err);
	}
	if (strcmp(key, "nop") == 0 || strcmp(key, "eol") == 0) {
		b[0] = key[0] == 'n' ? 1 : 0;
		return add_opt(ly, b, 1, col, err);
	}
	if (v == NULL)
		return fail(err, col, "tcp %s needs a value", key);
	if (strcmp(key, "mss") == 0) {
		if (!number(v, &x) || x > 0xffff)
			return fail(err, col, "tcp mss: '%s' is not 0..65535",
			    v);
		b[0] = 2, b[1] = 4, b[2] = (uint8_t)(x >> 8), b[3] = (uint8_t)x;
		return add_opt(ly, b, 4, col, err);
	}
	if (strcmp(key, "wscale") == 0) {
		if (!number(v, &x) || x > 255)
			return fail(err, col, "tcp wscale: '%s' is not 0..255",
			    v);
		b[0] = 3, b[1] = 3, b[2] = (uint8_t)x;
		return add_opt(ly, b, 3, col, err);
	}
	if (strcmp(key, "ts") == 0) {
		if (!pair(v, UINT32_MAX, &x, &y))
			return fail(err, col, "tcp ts: '%s' is not VAL:ECR", v);
		b[0] = 8, b[1] = 10;
		put32(b + 2, x);
		put32(b + 6, y);
		return add_opt(ly, b, 10, col, err);
	}
	/* sack=LEFT:RIGHT[+LEFT:RIGHT...] */
	b[0] = 5;
	while (*v != '\0') {
		char blk[64];
		size_t k = strcspn(v, "+");

		if (k >= sizeof(blk) || n + 8 > sizeof(b))
			return fail(err, col, "tcp sack: too many blocks");
		memcpy(blk, v, k);
		blk[k] = '\0';
		if (!pair(blk, UINT32_MAX, &x, &y))
			return fail(err, col, "tcp sack: '%s' is not LEFT:RIGHT",
			    blk);
		put32(b + n, x);
		put32(b + n + 4, y);
		n += 8;
		v += k;
		if (*v == '+')
			v++;
	}
	b[1] = (uint8_t)n;
	return add_opt(ly, b, n, col, err);
}

/* One key[=value] item of layer ly; p points at the key. */
static int
parse_item(const struct st_spec_proto *sp, struct st_spec_layer *ly,
    const char *key, const char *v, unsigned kcol, unsigned vcol,
    struct st_spec_err *err)
{
	const struct st_field_desc *fd;
	struct st_spec_set *s;
	unsigned i;

	if (sp->proto == &st_proto_ipv4 && strcmp(key, "options") == 0) {
		if (v == NULL || *v == '\0')
			return fail(err, kcol, "ip options needs a value: "
			    "options=ra+rr");
		return ip_options(ly, v, vcol, err);
	}
	if (sp->proto == &st_proto_tcp && is_extra(sp->extra, key))
		return tcp_option(ly, key, v, v != NULL ? vcol : kcol, err);
	if ((fd = find_key(sp->proto, key)) == NULL)
		return unknown_key(err, kcol, sp, key);
	if (v == NULL || *v == '\0')
		return fail(err, kcol, "%s %s needs a value: %s=...", sp->name,
		    key, key);
	for (i = 0; i < ly->nset; i++)
		if (ly->set[i].fd == fd)
			return fail(err, kcol, "%s %s given twice", sp->name,
			    key);
	if (ly->nset == ST_SPEC_SETS)
		return fail(err, kcol, "too many fields in %s", sp->name);
	s = &ly->set[ly->nset];
	memset(s, 0, sizeof(*s));
	s->col = vcol;
	if (strcmp(key, "code") == 0 && !isdigit((unsigned char)v[0]) &&
	    (sp->proto == &st_proto_icmp || sp->proto == &st_proto_icmpv6)) {
		s->fd = fd;	/* a name: resolved once the type is known */
		ly->nset++;
		return 0;
	}
	if (parse_value(sp, fd, v, s, err) != 0)
		return -1;
	ly->nset++;
	return 0;
}

/* A code given by name, waiting for the type: where it is in the spec. */
struct pending {
	const char	*name;
	size_t		 len;
};

/* ICMP codes by name need the type: resolved once the layer is read. */
static int
resolve_code(const struct st_spec_proto *sp, struct st_spec_layer *ly,
    const struct pending *codes, struct st_spec_err *err)
{
	const struct st_spec_set *t;
	const struct st_valname *names;
	char name[64];
	unsigned i;
	uint64_t v;

	for (i = 0; i < ly->nset; i++) {
		if (strcmp(ly->set[i].fd->key, "code") != 0 ||
		    codes[i].name == NULL)
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)codes[i].len,
		    codes[i].name);
		t = st_spec_get(ly, "type");
		names = sp->proto == &st_proto_icmp ?
		    st_icmp_code_names(t != NULL ? (unsigned)t->val : 8) :
		    st_icmpv6_code_names(t != NULL ? (unsigned)t->val : 128);
		if (!lookup_name(names, name, &v))
			return fail(err, ly->set[i].col, "'%s' is not a code of "
			    "this %s type", name, sp->name);
		ly->set[i].val = v;
	}
	return 0;
}

/* Reads a C-escaped string from p (after the opening quote). */
static int
quoted(const char **pp, const char *start, struct st_spec *sp,
    struct st_spec_err *err)
{
	const char *p = *pp;
	int hi, lo;

	sp->paylen = 0;
	for (; *p != '"'; p++) {
		uint8_t c = (uint8_t)*p;

		if (*p == '\0')
			return fail(err, (unsigned)(*pp - start), "unterminated "
			    "string");
		if (*p == '\\') {
			switch (*++p) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case '0': c = '\0'; break;
			case '\\': c = '\\'; break;
			case '"': c = '"'; break;
			case 'x':
				if ((hi = hexval((unsigned char)p[1])) < 0 ||
				    (lo = hexval((unsigned char)p[2])) < 0)
					return fail(err, (unsigned)(p - start),
					    "\\x needs two hex digits");
				c = (uint8_t)(hi << 4 | lo);
				p += 2;
				break;
			default:
				return fail(err, (unsigned)(p - start),
				    "unknown escape '\\%c'", *p ? *p : '0');
			}
		}
		if (sp->paylen == sizeof(sp->payload))
			return fail(err, (unsigned)(p - start + 1), "payload "
			    "longer than %d bytes", ST_PKT_MAX);
		sp->payload[sp->paylen++] = c;
	}
	*pp = p + 1;
	return 0;
}

static int
parse_payload(const char **pp, const char *start, struct st_spec *sp,
    struct st_spec_err *err)
{
	const char *p = *pp;
	unsigned col = (unsigned)(p - start + 1);
	long n;

	sp->paycol = col;
	if (*p == '"') {
		*pp = p + 1;
		return quoted(pp, start, sp, err);
	}
	if (*p == '@') {
		if (p[1] == '\0')
			return fail(err, col, "@ needs a file name");
		sp->payfile = p + 1;
		*pp = p + strlen(p);
		return 0;
	}
	/* hex: up to the end */
	if ((n = hex_decode(p + 4, sp->payload, sizeof(sp->payload))) < 0)
		return fail(err, col + 4, "hex: needs pairs of hex digits");
	sp->paylen = (size_t)n;
	*pp = p + strlen(p);
	return 0;
}

/* The items inside "( ... )"; p points after "(". */
static int
parse_items(const char **pp, const char *start,
    const struct st_spec_proto *spp, struct st_spec_layer *ly,
    struct st_spec_err *err)
{
	struct pending codes[ST_SPEC_SETS];
	const char *p = *pp, *vstart = p;
	char key[32], val[512];
	unsigned kcol, vcol;
	size_t k;
	int hasval;

	memset(codes, 0, sizeof(codes));
	while (*p != ')') {
		while (*p == ' ')
			p++;
		kcol = (unsigned)(p - start + 1);
		k = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (k == 0)
			return fail(err, kcol, *p == '\0' ? "missing ')'" :
			    "expected a field name in %s", spp->name);
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
		if (parse_item(spp, ly, key, hasval ? val : NULL, kcol, vcol,
		    err) != 0)
			return -1;
		/* A code given by name waits for the type. */
		if (strcmp(key, "code") == 0 && hasval && ly->nset > 0 &&
		    ly->set[ly->nset - 1].fd->names == NULL && !isdigit(
		    (unsigned char)val[0])) {
			codes[ly->nset - 1].name = vstart;
			codes[ly->nset - 1].len = strlen(val);
		}
		if (*p == ',')
			p++;
	}
	*pp = p + 1;
	return resolve_code(spp, ly, codes, err);
}

static int
parse_layer(const char **pp, const char *start, struct st_spec *sp,
    struct st_spec_err *err)
{
	const struct st_spec_proto *spp;
	struct st_spec_layer *ly;
	const char *p = *pp;
	unsigned col = (unsigned)(p - start + 1), bd = 99;
	char name[32], best[32] = "";
	size_t k;

	if (*p == '"' || *p == '@' || strncmp(p, "hex:", 4) == 0) {
		if (parse_payload(pp, start, sp, err) != 0)
			return -1;
		if (**pp != '\0')
			return fail(err, (unsigned)(*pp - start + 1), "the "
			    "payload must be the last layer");
		return 0;
	}
	k = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
	if (k == 0)
		return fail(err, col, "expected a layer (eth, ip, ipv6, icmp, "
		    "icmpv6, tcp, udp) or a payload (\"text\", hex:, @file)");
	if (k >= sizeof(name))
		return fail(err, col, "layer name too long");
	memcpy(name, p, k);
	name[k] = '\0';
	if ((spp = find_layer(name)) == NULL) {
		for (spp = st_spec_protos; spp->name != NULL; spp++)
			closest(name, spp->name, strlen(spp->name), best, &bd);
		if (best[0] != '\0')
			return fail(err, col, "unknown layer '%s' (did you mean "
			    "'%s'?)", name, best);
		return fail(err, col, "unknown layer '%s' (eth, ip, ipv6, icmp, "
		    "icmpv6, tcp, udp)", name);
	}
	if (sp->nlayers == ST_SPEC_LAYERS)
		return fail(err, col, "more than %d layers", ST_SPEC_LAYERS);
	ly = &sp->layers[sp->nlayers++];
	memset(ly, 0, sizeof(*ly));
	ly->proto = spp->proto;
	ly->col = col;
	p += k;
	if (*p == '(') {
		p++;
		if (parse_items(&p, start, spp, ly, err) != 0)
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
	if (sp->nlayers == 0)
		return fail(err, 1, "a packet starts with eth, ip or ipv6");
	first = sp->layers[0].proto;
	if (first != &st_proto_eth && first != &st_proto_ipv4 &&
	    first != &st_proto_ipv6)
		return fail(err, 1, "a packet starts with eth, ip or ipv6, not "
		    "%s", first->name);
	return 0;
}

int
st_spec_load(struct st_spec *sp, struct st_spec_err *err)
{
	FILE *fp;
	size_t n;

	if (sp->payfile == NULL)
		return 0;
	if ((fp = fopen(sp->payfile, "rb")) == NULL)
		return fail(err, sp->paycol, "%s: %s", sp->payfile,
		    strerror(errno));
	n = fread(sp->payload, 1, sizeof(sp->payload), fp);
	if (ferror(fp)) {
		fclose(fp);
		return fail(err, sp->paycol, "%s: read error", sp->payfile);
	}
	if (n == sizeof(sp->payload) && fgetc(fp) != EOF) {
		fclose(fp);
		return fail(err, sp->paycol, "%s: longer than %d bytes",
		    sp->payfile, ST_PKT_MAX);
	}
	fclose(fp);
	sp->paylen = n;
	return 0;
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
