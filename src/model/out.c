/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The output buffer every view writes through.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "strata/model.h"
#include "strata/out.h"

void
st_out_init(struct st_out *o, FILE *fp)
{
	o->fp = fp;
	o->n = 0;
	o->done = 0;
	o->err = 0;
	o->esc_lt = 0;
}

void
st_out_mem(struct st_out *o)
{
	st_out_init(o, NULL);
}

int
st_out_flush(struct st_out *o)
{
	if (o->fp == NULL)
		return 0;
	if (o->n > 0 && o->err == 0 &&
	    fwrite(o->buf, 1, o->n, o->fp) != o->n)
		o->err = errno != 0 ? errno : EIO;
	o->done += o->n;
	o->n = 0;
	if (o->err == 0 && fflush(o->fp) != 0)
		o->err = errno != 0 ? errno : EIO;
	return o->err == 0 ? 0 : -1;
}

void
st_out_write_slow(struct st_out *o, const char *s, size_t n)
{
	size_t i, k;

	if (o->esc_lt && memchr(s, '<', n) != NULL) {
		/* JSON inside HTML: every '<' as \u003c. */
		o->esc_lt = 0;
		for (i = 0; i < n; i = k + 1) {
			for (k = i; k < n && s[k] != '<'; k++)
				;
			st_out_write(o, s + i, k - i);
			if (k < n)
				st_out_write(o, "\\u003c", 6);
		}
		o->esc_lt = 1;
		return;
	}
	if (o->fp == NULL) {		/* a buffer only: keep what fits */
		if (n > sizeof(o->buf) - o->n) {
			n = sizeof(o->buf) - o->n;
			o->err = ENOSPC;
		}
		memcpy(o->buf + o->n, s, n);
		o->n += n;
		return;
	}
	if (n > sizeof(o->buf) - o->n) {
		if (o->n > 0 && o->err == 0 &&
		    fwrite(o->buf, 1, o->n, o->fp) != o->n)
			o->err = errno != 0 ? errno : EIO;
		o->done += o->n;
		o->n = 0;
		if (n > sizeof(o->buf)) {
			if (o->err == 0 && fwrite(s, 1, n, o->fp) != n)
				o->err = errno != 0 ? errno : EIO;
			o->done += n;
			return;
		}
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

/* Decimal digits of v. */
static unsigned
ndigits(uint64_t v)
{
	unsigned n = 1;

	for (;;) {
		if (v < 10)
			return n;
		if (v < 100)
			return n + 1;
		if (v < 1000)
			return n + 2;
		if (v < 10000)
			return n + 3;
		v /= 10000;
		n += 4;
	}
}

void
st_out_u64(struct st_out *o, uint64_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "62636465666768697071727374757677787980818283848586878889909192"
	    "939495969798" "99";
	char tmp[24], *end, *d;
	size_t len;

	/* Written in place when there is room (digits need no escaping),
	 * else in tmp and copied. */
	len = ndigits(v);
	d = len <= sizeof(o->buf) - o->n ? o->buf + o->n : tmp;
	end = d + len;
	/* Two digits a step, from a table, from the end; in 32 bits once
	 * the number fits (cheaper division). */
	while (v > 0xffffffffu) {
		end -= 2;
		__builtin_memcpy(end, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	for (uint32_t u = (uint32_t)v; ; u /= 100) {
		if (u < 100) {
			v = u;
			break;
		}
		end -= 2;
		__builtin_memcpy(end, pairs + 2 * (u % 100), 2);
	}
	if (v >= 10) {
		end -= 2;
		__builtin_memcpy(end, pairs + 2 * v, 2);
	} else
		*--end = (char)('0' + v);
	if (d == tmp)
		st_out_write(o, tmp, len);
	else
		o->n += len;
}

void
st_out_printf(struct st_out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	st_out_write(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n :
	    sizeof(tmp) - 1);
}

void
st_out_pad(struct st_out *o, size_t n, size_t w)
{
	static const char spaces[] = "                                        "
	    "                                        ";
	size_t k;

	while (n < w) {
		k = w - n < sizeof(spaces) - 1 ? w - n : sizeof(spaces) - 1;
		st_out_write(o, spaces, k);
		n += k;
	}
}

void
st_out_json_str(struct st_out *o, const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)p[i];
		size_t k, len = ch >= 0xf0 && ch <= 0xf4 ? 4 : ch >= 0xe0 &&
		    ch <= 0xef ? 3 : ch >= 0xc2 && ch <= 0xdf ? 2 : 0;

		/* strata's own UTF-8 (arrows, box lines) passes whole. */
		for (k = 1; len > 0 && k < len; k++)
			if (i + k >= n || ((unsigned char)p[i + k] & 0xc0) != 0x80)
				len = 0;
		if (len > 0) {
			st_out_write(o, p + i, len);
			i += len - 1;
			continue;
		}
		if (ch == '"' || ch == '\\') {
			st_out_putc(o, '\\');
			st_out_putc(o, (char)ch);
		} else if (ch < 0x20 || ch >= 0x7f) {
			/* Bytes from the wire: never raw, never invalid UTF-8. */
			st_out_puts(o, "\\u00");
			st_out_putc(o, hex[ch >> 4]);
			st_out_putc(o, hex[ch & 15]);
		} else
			st_out_putc(o, (char)ch);
	}
}

void
st_out_type_code(struct st_out *o, const struct st_field *t,
    const struct st_field *c)
{
	const char *m;

	if ((m = st_field_meaning(t)) != NULL)
		st_out_puts(o, m);
	else
		st_out_printf(o, "type %u", (unsigned)t->val);
	if (c != NULL && (m = st_field_meaning(c)) != NULL)
		st_out_printf(o, " (%s)", m);
	else if (c != NULL && c->val != 0)
		st_out_printf(o, " code %u", (unsigned)c->val);
}
