/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An HTML form's fields as a body of type application/x-www-form-
 * urlencoded (the WHATWG URL standard's urlencoded parser; HTML 4.01
 * 17.13.4.1): "name=value&name=value", spaces written as '+', other
 * bytes as %XX.  Each pair is shown decoded, as Wireshark's
 * urlencoded-form shows it: urlencoded-form.key up to the '=', then
 * urlencoded-form.value up to the '&'.  A NUL, or a '%' not followed by
 * two hex digits, ends the reading there (Wireshark stops so too).
 * Reached from httpbody.c by the media type.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define UF_ITEMS	256	/* pairs shown */
#define UF_TEXT		4096	/* decoded bytes of one key or value shown */

enum { U_KEY, U_VALUE, U_NURL };

static const struct st_field_desc urlform_fields[U_NURL] = {
	[U_KEY] = FD("key", "urlencoded-form.key", "Key", 0, 0, ST_FMT_TEXT),
	[U_VALUE] = FD(NULL, "urlencoded-form.value", "Value", 0, 0,
	    ST_FMT_TEXT),
};

static int
hexval(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/*
 * The part of p[pos..n) before delim (or the end), decoded into out
 * (room for UF_TEXT bytes; *outn set, *cut when more were left out).
 * Returns where it stopped (the delimiter's position, or n), or -1 at a
 * NUL or a '%' without two hex digits after it.
 */
static long
part(const uint8_t *p, size_t pos, size_t n, uint8_t delim, uint8_t *out,
    size_t *outn, int *cut)
{
	size_t k = 0;
	int hi, lo;
	uint8_t ch;

	*cut = 0;
	for (; pos < n && p[pos] != delim; pos++) {
		ch = p[pos];
		if (ch == 0)
			return -1;
		if (ch == '%') {
			if (pos + 2 >= n)
				return -1;
			if ((hi = hexval(p[pos + 1])) < 0 ||
			    (lo = hexval(p[pos + 2])) < 0)
				return -1;
			ch = (uint8_t)(hi << 4 | lo);
			pos += 2;
		} else if (ch == '+')
			ch = ' ';
		if (k < UF_TEXT)
			out[k++] = ch;
		else
			*cut = 1;
	}
	*outn = k;
	return (long)pos;
}

/* Row f over p[from..to), its text the k decoded bytes of b. */
static void
item(struct st_dctx *d, struct st_cur *c, unsigned f, size_t from,
    size_t to, const uint8_t *b, size_t k, int cut)
{
	char buf[UF_TEXT * 4 + 8];

	st_escape(b, k, buf, sizeof(buf));
	st_dtext(d, c, &urlform_fields[f], from, to - from, buf);
	if (cut)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "urlencoded-form: "
		    "a %s is shown to its first %u bytes",
		    f == U_KEY ? "key" : "value", UF_TEXT));
}

static int
urlform_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), pos = 0, k;
	uint8_t b[UF_TEXT];
	const uint8_t *p;
	struct st_cur t = *c;
	unsigned i;
	long e;
	int cut;

	d->hdr = n;
	d->plen = 0;
	if ((p = st_get_bytes(&t, n)) == NULL)
		return ST_ETRUNC;
	for (i = 0; i < UF_ITEMS && pos < n; i++) {
		if ((e = part(p, pos, n, '=', b, &k, &cut)) < 0)
			break;
		item(d, c, U_KEY, pos, (size_t)e, b, k, cut);
		if ((size_t)e >= n)		/* a key with no '=' */
			break;
		pos = (size_t)e + 1;
		if ((e = part(p, pos, n, '&', b, &k, &cut)) < 0)
			break;
		item(d, c, U_VALUE, pos, (size_t)e, b, k, cut);
		pos = (size_t)e + 1;
	}
	if (i == UF_ITEMS && pos < n)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "urlencoded-form: "
		    "the pairs after the first %u are not shown", UF_ITEMS));
	return ST_OK;
}

static const struct st_field_desc *const urlform_keys[] = {
	&urlform_fields[U_KEY], &urlform_fields[U_VALUE], NULL,
};

const struct st_proto st_proto_urlform = {
	.name = "urlencoded-form",
	.ws = "urlencoded-form",
	.title = "HTML Form URL Encoded",
	.rfc = "HTML 4.01 17.13.4.1; WHATWG URL 5",
	.role = ST_ROLE_APP,
	.fields = urlform_fields,
	.nfields = U_NURL,
	.decode = urlform_decode,
	.keys = urlform_keys,
	.color = "\033[37m",
	.explain = "What a browser sends when a form is submitted by POST: "
	    "name=value pairs joined by '&', each space written as '+' and "
	    "any other byte that is not a letter, digit or one of *-._ as %XX "
	    "(its hex); shown here decoded.",
};
