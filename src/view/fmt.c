/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Formatting shared by the views: addresses, field values, times, colours,
 * and the map from bytes to layers.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "strata/decode.h"
#include "strata/view.h"

static const char hexdig[] = "0123456789abcdef";

/* Dotted quad at s; returns the end (no NUL written). */
static char *
ipv4_to(char *s, const uint8_t *p)
{
	int i;

	for (i = 0; i < 4; i++) {
		unsigned v = p[i];

		if (v >= 100)
			*s++ = (char)('0' + v / 100);
		if (v >= 10)
			*s++ = (char)('0' + v / 10 % 10);
		*s++ = (char)('0' + v % 10);
		if (i < 3)
			*s++ = '.';
	}
	return s;
}

char *
st_fmt_ipv4(char *buf, const uint8_t *p)
{
	*ipv4_to(buf, p) = '\0';
	return buf;
}

/*
 * RFC 5952 text, as glibc's inet_ntop writes it (without its sprintf):
 * lowercase, no leading zeros, the longest run of two or more zero groups
 * (the first of equal runs) as "::", an embedded IPv4 address dotted.
 */
static char *
ipv6_to(char *s, const uint8_t *p)
{
	unsigned w[8], i, best = 8, blen = 0, cur = 8, clen = 0, v;
	int k, started;

	for (i = 0; i < 8; i++)
		w[i] = (unsigned)(p[2 * i] << 8 | p[2 * i + 1]);
	for (i = 0; i < 8; i++) {
		if (w[i] == 0) {
			if (cur == 8)
				cur = i, clen = 0;
			if (++clen > blen)
				best = cur, blen = clen;
		} else
			cur = 8;
	}
	if (blen < 2)
		best = 8;
	for (i = 0; i < 8; i++) {
		if (best < 8 && i >= best && i < best + blen) {
			if (i == best)
				*s++ = ':';
			continue;
		}
		if (i > 0)
			*s++ = ':';
		/* ::a.b.c.d and ::ffff:a.b.c.d end in a dotted IPv4 address. */
		if (i == 6 && best == 0 && (blen == 6 || (blen == 5 &&
		    w[5] == 0xffff))) {
			return ipv4_to(s, p + 12);
		}
		for (k = 12, started = 0; k >= 0; k -= 4) {
			v = w[i] >> k & 15;
			if (v != 0 || started || k == 0) {
				*s++ = hexdig[v];
				started = 1;
			}
		}
	}
	if (best < 8 && best + blen == 8)
		*s++ = ':';
	return s;
}

char *
st_fmt_ipv6(char *buf, const uint8_t *p)
{
	*ipv6_to(buf, p) = '\0';
	return buf;
}

char *
st_fmt_mac(char *buf, const uint8_t *p)
{
	int i;

	for (i = 0; i < 6; i++) {
		buf[i * 3] = hexdig[p[i] >> 4];
		buf[i * 3 + 1] = hexdig[p[i] & 15];
		buf[i * 3 + 2] = i < 5 ? ':' : '\0';
	}
	return buf;
}

void
st_fmt_value(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f, size_t max)
{
	char buf[ST_FMT_BUF], *d, *e;
	const uint8_t *p;
	size_t n, i;
	unsigned w;

	switch (f->desc->fmt) {
	case ST_FMT_IPV4:
	case ST_FMT_IPV6:
	case ST_FMT_MAC:
		p = st_field_bytes(pkt, f, &n);
		if (p == NULL || n < (f->desc->fmt == ST_FMT_IPV4 ? 4u :
		    f->desc->fmt == ST_FMT_MAC ? 6u : 16u)) {
			st_out_puts(o, "?");
			return;
		}
		if (f->desc->fmt == ST_FMT_MAC) {
			st_out_write(o, st_fmt_mac(buf, p), 17);
			return;
		}
		/* In place when there is room (an address needs no escaping),
		 * else in buf and copied. */
		d = sizeof(o->buf) - o->n >= ST_FMT_BUF ? o->buf + o->n : buf;
		e = f->desc->fmt == ST_FMT_IPV4 ? ipv4_to(d, p) : ipv6_to(d, p);
		if (d == buf)
			st_out_write(o, buf, (size_t)(e - buf));
		else
			o->n += (size_t)(e - d);
		return;
	case ST_FMT_BYTES:
		p = st_field_bytes(pkt, f, &n);
		for (i = 0; p != NULL && i < n && i < max; i++) {
			st_out_putc(o, hexdig[p[i] >> 4]);
			st_out_putc(o, hexdig[p[i] & 15]);
		}
		if (p != NULL && n > max)
			st_out_puts(o, "...");
		return;
	case ST_FMT_HEX:
		/* a generated value has no width on the wire, nor does one
		 * that stands for a whole part (an attribute's type over
		 * the attribute): its descriptor's, and never fewer digits
		 * than it needs, nor more than 64 bits hold */
		w = ((f->bits != 0 && f->bits <= 64 ? f->bits :
		    f->desc->bits) + 3) / 4;
		if (w < 2)
			w = 2;
		if (w > 16)
			w = 16;
		while (w < 16 && (f->val >> (w * 4)) != 0)
			w++;
		st_out_puts(o, "0x");
		for (i = w; i-- > 0;)
			st_out_putc(o, hexdig[(f->val >> (i * 4)) & 15]);
		return;
	case ST_FMT_TEXT:
		st_out_puts(o, f->meaning != NULL ? f->meaning : "");
		return;
	case ST_FMT_ENUM: {
		const char *m = st_field_meaning(f);

		st_out_puts(o, m != NULL ? m : "?");
		return;
	}
	default:
		st_fmt_dec(o, f);
	}
}

void
st_fmt_dec(struct st_out *o, const struct st_field *f)
{
	/* A signed field holds its value as a 64-bit two's complement. */
	if ((f->desc->flags & ST_DF_SIGNED) && (int64_t)f->val < 0) {
		st_out_putc(o, '-');
		st_out_u64(o, 0 - f->val);
	} else
		st_out_u64(o, f->val);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), no tables. */
static void
civil(int64_t days, int *y, unsigned *m, unsigned *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static void
put2(struct st_out *o, unsigned v)
{
	st_out_putc(o, (char)('0' + v / 10 % 10));
	st_out_putc(o, (char)('0' + v % 10));
}

void
st_fmt_time(struct st_out *o, struct st_vctx *v, const struct timespec *ts,
    char sep)
{
	int64_t t = (int64_t)ts->tv_sec + (v->local ? v->utcoff : 0);
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	unsigned secs = (unsigned)(t - days * 86400), m, d, i;
	long frac = ts->tv_nsec;
	char digits[10];
	int y, nd;

	/* The date part changes once a day: format it once per second. */
	if (v->cache_sec != ts->tv_sec || v->cache_date[0] == '\0') {
		civil(days, &y, &m, &d);
		snprintf(v->cache_date, sizeof(v->cache_date), "%04d-%02u-%02u",
		    y, m, d);
		v->cache_sec = ts->tv_sec;
	}
	st_out_puts(o, v->cache_date);
	st_out_putc(o, sep);
	put2(o, secs / 3600);
	st_out_putc(o, ':');
	put2(o, secs / 60 % 60);
	st_out_putc(o, ':');
	put2(o, secs % 60);
	st_out_putc(o, '.');
	nd = frac % 1000 != 0 ? 9 : 6;
	if (nd == 6)
		frac /= 1000;
	for (i = (unsigned)nd; i-- > 0; frac /= 10)
		digits[i] = (char)('0' + frac % 10);
	st_out_write(o, digits, (size_t)nd);
	if (!v->local) {
		st_out_putc(o, 'Z');
		return;
	}
	st_out_putc(o, v->utcoff < 0 ? '-' : '+');
	put2(o, (unsigned)(labs(v->utcoff) / 3600));
	st_out_putc(o, ':');
	put2(o, (unsigned)(labs(v->utcoff) / 60 % 60));
}

/*
 * One colour per kind of layer, the same in every packet and view: the
 * protocol's own (an SGR of the 16 ANSI colours in its descriptor), shown
 * as a colour of the 256-colour palette, whose RGB values are fixed, of
 * the same hue and readable on a light projector background as on a dark
 * terminal: WCAG contrast ratio at least 3.55:1 against #ffffff, #000000
 * and #1e1e1e each (the ANSI colours themselves are the terminal's own,
 * and yellow or white on white cannot be read).  The ratios, against
 * white / black / #1e1e1e:
 *
 *   ANSI  256  RGB      white  black  #1e1e1e
 *   31    196  #ff0000  4.00   5.25   4.17     red (and the default)
 *   32     28  #008700  4.70   4.47   3.55     green
 *   92     29  #00875f  4.53   4.63   3.68     sea green
 *   33    166  #d75f00  3.80   5.53   4.39     orange, for yellow
 *   93    100  #878700  3.82   5.50   4.36     olive, for bright yellow
 *   34     32  #0087d7  3.86   5.45   4.32     blue
 *   94     67  #5f87af  3.77   5.57   4.42     steel blue
 *   35    133  #af5faf  4.13   5.08   4.03     magenta
 *   95     99  #875fff  4.11   5.11   4.06     violet
 *   36     31  #0087af  4.13   5.08   4.04     cyan
 *   96     30  #008787  4.36   4.82   3.82     teal
 *   37    244  #808080  3.95   5.32   4.22     grey, for white
 *   90    243  #767676  4.54   4.62   3.67     dark grey
 *
 * (No colour reaches 4.5:1 against both white and #1e1e1e: the best any
 * can do is about 4.08; 3:1 is WCAG's floor for large text and symbols.)
 * tests/unit/test_screens.c works the ratios out again from the palette.
 */
static const struct {
	uint8_t		 ansi;
	const char	*sgr;
} palette[] = {
	{ 31, "\033[38;5;196m" }, { 32, "\033[38;5;28m" },
	{ 92, "\033[38;5;29m" }, { 33, "\033[38;5;166m" },
	{ 93, "\033[38;5;100m" }, { 34, "\033[38;5;32m" },
	{ 94, "\033[38;5;67m" }, { 35, "\033[38;5;133m" },
	{ 95, "\033[38;5;99m" }, { 36, "\033[38;5;31m" },
	{ 96, "\033[38;5;30m" }, { 37, "\033[38;5;244m" },
	{ 90, "\033[38;5;243m" },
};

const char *
st_palette(const char *sgr)
{
	unsigned n = 0;
	size_t i;

	/* "\033[NNm": the ANSI colour's number. */
	if (sgr == NULL || sgr[0] != '\033' || sgr[1] != '[')
		return palette[0].sgr;
	for (i = 2; sgr[i] >= '0' && sgr[i] <= '9' && i < 5; i++)
		n = n * 10 + (unsigned)(sgr[i] - '0');
	if (sgr[i] != 'm')
		return sgr;		/* already a palette colour */
	for (i = 0; i < sizeof(palette) / sizeof(palette[0]); i++)
		if (palette[i].ansi == n)
			return palette[i].sgr;
	return palette[0].sgr;
}

const char *
st_pcolor(const struct st_vctx *v, const struct st_proto *p)
{
	if (!v->color)
		return "";
	return st_palette(p != NULL ? p->color : NULL);
}

const char *
st_color(const struct st_vctx *v, const char *proto)
{
	return v->color ? st_pcolor(v, st_proto_find(proto)) : "";
}

const char *
st_color_off(const struct st_vctx *v)
{
	return v->color ? "\033[0m" : "";
}

void
st_byte_layers(const struct st_packet *pkt, int16_t *map, size_t n)
{
	const struct st_layer *ly;
	size_t i, j, end;

	for (i = 0; i < n; i++)
		map[i] = -1;
	/* Layers come outer first: inner ones overwrite what they carry. */
	for (j = 0; j < pkt->nlayers; j++) {
		ly = &pkt->layers[j];
		end = (size_t)ly->off + ly->len;
		for (i = ly->off; i < end && i < n; i++)
			map[i] = (int16_t)j;
	}
}

/* The edit distance of a and b (case folded), adjacent swaps counting
 * one ("ab" against "ba"); stops counting past 9. */
static unsigned
distance(const char *a, const char *b)
{
	unsigned d[24][24], i, j, la = (unsigned)strlen(a);
	unsigned lb = (unsigned)strlen(b), c, m;

	if (la > 23 || lb > 23)
		return 9;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			c = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			m = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < m)
				m = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < m)
				m = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) ==
			    tolower((unsigned char)b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < m)
				m = d[i - 2][j - 2] + 1;
			d[i][j] = m;
		}
	return d[la][lb];
}

/* Whether the letters of a come in b in order (case folded). */
static int
within(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; b++)
		if (tolower((unsigned char)*a) == tolower((unsigned char)*b))
			a++;
	return *a == '\0';
}

/* The nearest protocol to a misspelt name, for explain's did-you-mean. */
const struct st_proto *
st_proto_nearest(const char *name)
{
	const struct st_proto *best = NULL, *p;
	unsigned d, bd = 99, max = strlen(name) <= 4 ? 1 : 2;
	size_t i;

	for (i = 0; (p = st_protos[i]) != NULL; i++) {
		if (p->rfc == NULL)
			continue;
		d = distance(name, p->name);
		if (p->ws != NULL && distance(name, p->ws) < d)
			d = distance(name, p->ws);
		/* A tie goes to the name that holds every letter typed, in
		 * order (icmp6: icmpv6 rather than icmp). */
		if (d < bd || (d == bd && best != NULL &&
		    !within(name, best->name) && within(name, p->name))) {
			bd = d;
			best = p;
		}
	}
	return bd <= max ? best : NULL;
}

const struct st_view *const st_views[] = {
	&st_view_summary, &st_view_tree, &st_view_hex, &st_view_json,
	&st_view_ek,
	&st_view_diagram, &st_view_bits, &st_view_ledger, &st_view_checksum,
	&st_view_quote, &st_view_stats, &st_view_changes,
	&st_view_html, NULL
};

const struct st_view *
st_view_find(const char *name)
{
	size_t i;

	for (i = 0; st_views[i] != NULL; i++)
		if (strcmp(st_views[i]->name, name) == 0)
			return st_views[i];
	return NULL;
}
