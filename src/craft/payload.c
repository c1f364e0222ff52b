/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The payload of a spec: a C-escaped "string", hex:digits, @file, which
 * st_spec_load reads once privileges are dropped, or rand:N, N random
 * bytes drawn for each packet (st_spec_pick).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "strata/craft.h"

#define fail	st_spec_fail

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
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

int
st_spec_payload(const char **pp, const char *start, struct st_spec *sp,
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
	if (*p == 'r') {	/* rand:N */
		uint64_t v;

		if (!st_spec_number(p + 5, &v) || v > ST_PKT_MAX)
			return fail(err, col + 5, "rand: needs a number of "
			    "bytes 0..%d", ST_PKT_MAX);
		sp->payrand = (size_t)v;
		sp->paylen = (size_t)v;
		memset(sp->payload, 0, sp->paylen);
		*pp = p + strlen(p);
		return 0;
	}
	/* hex: up to the end */
	if ((n = st_spec_hex(p + 4, sp->payload, sizeof(sp->payload))) < 0)
		return fail(err, col + 4, "hex: needs pairs of hex digits");
	sp->paylen = (size_t)n;
	*pp = p + strlen(p);
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
