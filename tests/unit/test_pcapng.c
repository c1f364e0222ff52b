/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata's pcapng reader, from blocks written here by hand: both byte
 * orders, two sections, interfaces of different link types, snapshot
 * lengths and time resolutions, Simple and obsolete Packet Blocks,
 * blocks to skip, and files that lie or stop short.  Read through the
 * public reader (st_reader_fopen on memory), as every caller reads.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <pcap/dlt.h>

#include "strata/reader.h"

/* A file being written: bytes and the current section's byte order. */
struct ng {
	uint8_t		 b[8192];
	size_t		 n;
	int		 be;
	size_t		 start;		/* of the block being written */
};

static void
put(struct ng *f, const void *p, size_t n)
{
	assert_true(f->n + n <= sizeof(f->b));
	memcpy(f->b + f->n, p, n);
	f->n += n;
}

static void
p16(struct ng *f, uint16_t v)
{
	uint8_t b[2];

	b[f->be ? 0 : 1] = (uint8_t)(v >> 8);
	b[f->be ? 1 : 0] = (uint8_t)v;
	put(f, b, 2);
}

static void
p32(struct ng *f, uint32_t v)
{
	uint8_t b[4];
	int i;

	for (i = 0; i < 4; i++)
		b[f->be ? i : 3 - i] = (uint8_t)(v >> (24 - 8 * i));
	put(f, b, 4);
}

static void
pad(struct ng *f)
{
	while (f->n % 4 != 0)
		put(f, "", 1);
}

static void
begin(struct ng *f, uint32_t type)
{
	f->start = f->n;
	p32(f, type);
	p32(f, 0);		/* the length, filled in by end() */
}

static void
end(struct ng *f)
{
	uint32_t len = (uint32_t)(f->n - f->start + 4);
	size_t at = f->n;

	p32(f, len);
	f->n = f->start + 4;
	p32(f, len);
	f->n = at + 4;
}

static void
shb(struct ng *f, int be)
{
	f->be = be;
	begin(f, 0x0A0D0D0A);
	p32(f, 0x1A2B3C4D);
	p16(f, 1);
	p16(f, 0);
	p32(f, 0xffffffff);
	p32(f, 0xffffffff);
	end(f);
}

/* An IDB; tsresol < 0: no option; tsoffset 0: no option. */
static void
idb(struct ng *f, uint16_t lt, uint32_t snap, int tsresol, int64_t off)
{
	uint8_t r;

	begin(f, 1);
	p16(f, lt);
	p16(f, 0);
	p32(f, snap);
	if (tsresol >= 0) {
		p16(f, 9);
		p16(f, 1);
		r = (uint8_t)tsresol;
		put(f, &r, 1);
		pad(f);
	}
	if (off != 0) {
		p16(f, 14);
		p16(f, 8);
		if (f->be) {
			p32(f, (uint32_t)((uint64_t)off >> 32));
			p32(f, (uint32_t)off);
		} else {
			p32(f, (uint32_t)off);
			p32(f, (uint32_t)((uint64_t)off >> 32));
		}
	}
	p16(f, 0);
	p16(f, 0);
	end(f);
}

static void
epb(struct ng *f, uint32_t ifc, uint64_t ts, const char *d, uint32_t cap,
    uint32_t len)
{
	begin(f, 6);
	p32(f, ifc);
	p32(f, (uint32_t)(ts >> 32));
	p32(f, (uint32_t)ts);
	p32(f, cap);
	p32(f, len);
	put(f, d, cap);
	pad(f);
	end(f);
}

static void
spb(struct ng *f, const char *d, uint32_t len, uint32_t room)
{
	begin(f, 3);
	p32(f, len);
	put(f, d, room);
	pad(f);
	end(f);
}

static void
opb(struct ng *f, uint16_t ifc, uint64_t ts, const char *d, uint32_t n)
{
	begin(f, 2);
	p16(f, ifc);
	p16(f, 0);
	p32(f, (uint32_t)(ts >> 32));
	p32(f, (uint32_t)ts);
	p32(f, n);
	p32(f, n);
	put(f, d, n);
	pad(f);
	end(f);
}

static void
other(struct ng *f, uint32_t type, size_t n)
{
	begin(f, type);
	while (n-- > 0)
		put(f, "\x55", 1);
	pad(f);
	end(f);
}

static FILE *mem;

/* Opens f's bytes as a capture: what st_reader_fopen returns. */
static int
open_ng(struct st_reader *r, const struct ng *f, char *why, size_t n)
{
	mem = fmemopen((void *)f->b, f->n, "rb");
	assert_non_null(mem);
	return st_reader_fopen(r, mem, "mem", why, n);
}

static void
want(struct st_reader *r, int lt, const char *data, uint32_t cap,
    uint32_t len, long long sec, long nsec)
{
	assert_int_equal(st_reader_next(r), 1);
	assert_int_equal(r->rec.lt, lt);
	assert_int_equal(r->rec.caplen, cap);
	assert_int_equal(r->rec.len, len);
	assert_memory_equal(r->rec.data, data, cap);
	assert_int_equal((long long)r->rec.ts.tv_sec, sec);
	assert_int_equal(r->rec.ts.tv_nsec, nsec);
}

/* Two interfaces of different link types, snaplens and resolutions. */
static void
mixed(int be)
{
	static struct ng f;
	struct st_reader r;
	char why[256];

	memset(&f, 0, sizeof(f));
	shb(&f, be);
	idb(&f, 1, 8192, -1, 0);		/* Ethernet, microseconds */
	other(&f, 4, 10);			/* name resolution: skipped */
	idb(&f, 101, 65535, 9, 0);		/* raw IP, nanoseconds */
	idb(&f, 113, 0, 0x80 | 20, 100);	/* SLL, 2^-20 s, +100 s */
	epb(&f, 0, 1700000000123456ULL, "abcdef", 6, 60);
	other(&f, 5, 20);			/* interface statistics */
	epb(&f, 1, 1700000000987654321ULL, "ipv4", 4, 4);
	other(&f, 0x0BAD, 3);			/* custom */
	other(&f, 0x7777, 0);			/* unknown */
	epb(&f, 2, (5ULL << 20) | (1U << 19), "sll!", 4, 4);
	assert_int_equal(open_ng(&r, &f, why, sizeof(why)), 0);
	assert_int_equal(r.lt, DLT_EN10MB);
	want(&r, DLT_EN10MB, "abcdef", 6, 60, 1700000000, 123456000);
	want(&r, DLT_RAW, "ipv4", 4, 4, 1700000000, 987654321);
	want(&r, DLT_LINUX_SLL, "sll!", 4, 4, 105, 500000000);
	assert_int_equal(st_reader_next(&r), -2);
	assert_int_equal(r.num, 3);
	st_reader_close(&r);
}

static void
test_little(void **state)
{
	(void)state;
	mixed(0);
}

static void
test_big(void **state)
{
	(void)state;
	mixed(1);
}

/* A second section, of the other byte order, begins without interfaces. */
static void
test_two_sections(void **state)
{
	static struct ng f;
	struct st_reader r;
	char why[256];

	(void)state;
	memset(&f, 0, sizeof(f));
	shb(&f, 0);
	idb(&f, 1, 0, 3, 0);			/* milliseconds */
	epb(&f, 0, 1500, "one", 3, 3);
	shb(&f, 1);
	idb(&f, 101, 0, -1, -10);
	epb(&f, 0, 20000001, "two", 3, 3);
	epb(&f, 1, 1, "bad", 3, 3);		/* interface 1: not here */
	assert_int_equal(open_ng(&r, &f, why, sizeof(why)), 0);
	want(&r, DLT_EN10MB, "one", 3, 3, 1, 500000000);
	want(&r, DLT_RAW, "two", 3, 3, 10, 1000);
	assert_int_equal(st_reader_next(&r), -1);
	assert_non_null(strstr(st_reader_error(&r), "interface 1, of 1"));
	st_reader_close(&r);
}

/* SPB: interface 0, cut to its snaplen, held by its block; OPB. */
static void
test_spb_opb(void **state)
{
	static struct ng f;
	struct st_reader r;
	char why[256];

	(void)state;
	memset(&f, 0, sizeof(f));
	shb(&f, 0);
	idb(&f, 1, 5, -1, 0);
	idb(&f, 101, 0, -1, 0);
	spb(&f, "0123456789", 10, 8);		/* snaplen 5 */
	opb(&f, 1, 2000000, "opb!", 4);
	shb(&f, 0);
	idb(&f, 1, 0, -1, 0);			/* no snaplen */
	spb(&f, "abcdefgh", 3, 8);		/* its length */
	spb(&f, "abcdefgh", 100, 8);		/* more than it holds */
	assert_int_equal(open_ng(&r, &f, why, sizeof(why)), 0);
	want(&r, DLT_EN10MB, "01234", 5, 10, 0, 0);
	want(&r, DLT_RAW, "opb!", 4, 4, 2, 0);
	want(&r, DLT_EN10MB, "abc", 3, 3, 0, 0);
	assert_int_equal(st_reader_next(&r), -1);
	assert_non_null(strstr(st_reader_error(&r), "longer than its block"));
	st_reader_close(&r);
}

/* Reads f to its end or an error: the error, rc and packets read. */
static const char *
read_all(struct ng *f, int *rc, unsigned long long *num)
{
	static struct st_reader r;
	static char err[512];
	char why[256];

	if (open_ng(&r, f, why, sizeof(why)) != 0) {
		snprintf(err, sizeof(err), "open: %s", why);
		*rc = -3;
		return err;
	}
	while ((*rc = st_reader_next(&r)) == 1)
		;
	*num = r.num;
	snprintf(err, sizeof(err), "%s", *rc == -1 ? st_reader_error(&r) : "");
	st_reader_close(&r);
	return err;
}

/* Lengths that lie, and files that stop short. */
static void
test_lies(void **state)
{
	static struct ng f, g;
	unsigned long long num;
	const char *e;
	size_t good;
	int rc;

	(void)state;
	memset(&f, 0, sizeof(f));
	shb(&f, 0);
	idb(&f, 1, 0, -1, 0);
	epb(&f, 0, 1, "good", 4, 4);
	good = f.n;
	/* Cut anywhere inside the last block: truncated, after 1 packet. */
	epb(&f, 0, 2, "next", 4, 4);
	for (g = f, g.n = good + 1; g.n < f.n; g.n++) {
		e = read_all(&g, &rc, &num);
		assert_int_equal(rc, -1);
		assert_int_equal(num, 1);
		assert_non_null(strstr(e, "truncated pcapng dump file"));
	}
	/* Not a multiple of 4; too short; too long; trailers that differ. */
	g = f;
	g.b[good + 4] = 33;
	e = read_all(&g, &rc, &num);
	assert_string_equal(e, "block of 33 bytes at offset 88: length not a "
	    "multiple of 4");
	g.b[good + 4] = 8;
	e = read_all(&g, &rc, &num);
	assert_non_null(strstr(e, "shorter than a block's header"));
	g.b[good + 4] = 0;
	g.b[good + 7] = 0x7f;
	e = read_all(&g, &rc, &num);
	assert_non_null(strstr(e, "longer than 16 MiB"));
	g = f;
	g.b[f.n - 4] = 40;
	e = read_all(&g, &rc, &num);
	assert_non_null(strstr(e, "trailing length differs"));
	/* A captured length past the block; an option past the IDB. */
	g = f;
	g.b[good + 20] = 200;
	e = read_all(&g, &rc, &num);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(e, "captured length past the block"));
	memset(&g, 0, sizeof(g));
	shb(&g, 0);
	idb(&g, 1, 0, 6, 0);
	g.b[28 + 16 + 2] = 0xff;		/* if_tsresol's length */
	e = read_all(&g, &rc, &num);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(e, "option runs past"));
	/* A first block that is not a section header; a version 2. */
	memset(&g, 0, sizeof(g));
	shb(&g, 0);
	g.b[12] = 2;
	e = read_all(&g, &rc, &num);
	assert_int_equal(rc, -3);
	assert_non_null(strstr(e, "version other than 1"));
	g.b[12] = 1;
	g.b[8] = 0x11;
	e = read_all(&g, &rc, &num);
	assert_non_null(strstr(e, "byte-order magic"));
	/* A packet before any interface. */
	memset(&g, 0, sizeof(g));
	shb(&g, 1);
	epb(&g, 0, 0, "x", 1, 1);
	e = read_all(&g, &rc, &num);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(e, "before any interface"));
	/* Only a header, then nothing: an empty capture. */
	memset(&g, 0, sizeof(g));
	shb(&g, 0);
	e = read_all(&g, &rc, &num);
	assert_int_equal(rc, -2);
}

/* -f on each record, compiled for each record's link type. */
static void
test_filter(void **state)
{
	static const char eth_ip[] = "\xff\xff\xff\xff\xff\xff\0\1\2\3\4\5"
	    "\x08\x00\x45\x00\x00\x14\0\0\0\0\x40\x11\0\0\1\2\3\4\5\6\7\x08";
	static const char raw_ip[] = "\x45\x00\x00\x14\0\0\0\0\x40\x06\0\0"
	    "\1\2\3\4\5\6\7\x08";
	static struct ng f;
	struct st_reader r;
	char why[256];

	(void)state;
	memset(&f, 0, sizeof(f));
	shb(&f, 0);
	idb(&f, 1, 0, -1, 0);
	idb(&f, 101, 0, -1, 0);
	epb(&f, 0, 1, eth_ip, 34, 34);		/* UDP */
	epb(&f, 1, 2, raw_ip, 20, 20);		/* TCP */
	epb(&f, 1, 3, raw_ip, 20, 20);
	assert_int_equal(open_ng(&r, &f, why, sizeof(why)), 0);
	assert_int_equal(st_reader_filter(&r, "no such thing", why,
	    sizeof(why)), -1);
	assert_int_equal(st_reader_filter(&r, "ip proto 6", why,
	    sizeof(why)), 0);
	assert_int_equal(st_reader_next(&r), 1);
	assert_int_equal(r.rec.num, 2);
	assert_int_equal(r.rec.lt, DLT_RAW);
	assert_int_equal(st_reader_next(&r), 1);
	assert_int_equal(r.rec.num, 3);
	assert_int_equal(st_reader_next(&r), -2);
	st_reader_close(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_little),
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_two_sections),
		cmocka_unit_test(test_spb_opb),
		cmocka_unit_test(test_lies),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
