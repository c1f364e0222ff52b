/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An HTML form posted as application/x-www-form-urlencoded: each pair's
 * key and value decoded ('+' a space, %XX a byte) over their wire bytes,
 * an empty value, a last key without '='; a bad escape ends the reading;
 * every shorter prefix decodes inside its bytes.
 */
#include "testutil.h"

#include "strata/expect.h"

/* 198.18.0.1:40000 -> 198.18.0.2:80, POST /f with the 32-byte body
 * "say=Hi%21&to=a+b%2Bc&empty=&flag" at byte 138. */
#define FORM	"450000aa0000400040060000c6120001c61200029c4000500000000100" \
	"0000015018200000000000504f5354202f6620485454502f312e310d0a" \
	"486f73743a20780d0a436f6e74656e742d547970653a206170706c6963" \
	"6174696f6e2f782d7777772d666f726d2d75726c656e636f6465640d0a" \
	"436f6e74656e742d4c656e6774683a2033320d0a0d0a7361793d486925" \
	"323126746f3d612b622532426326656d7074793d26666c6167"
#define BODY	138

static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

static void
test_form(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, FORM);
	const struct st_field *f;

	(void)state;
	assert_chain(p, "ipv4 tcp http urlencoded-form");
	assert_int_equal(layer(p, "urlencoded-form")->off, BODY);
	assert_int_equal(layer(p, "urlencoded-form")->len, 32);
	assert_int_equal(layer(p, "urlencoded-form")->status, ST_LS_OK);
	f = field_n(p, "urlencoded-form.key", 0);
	assert_string_equal(f->meaning, "say");
	assert_int_equal(f->bitoff, BODY * 8);
	assert_int_equal(f->bits, 3 * 8);
	f = field_n(p, "urlencoded-form.value", 0);
	assert_string_equal(f->meaning, "Hi!");
	assert_int_equal(f->bitoff, (BODY + 4) * 8);
	assert_int_equal(f->bits, 5 * 8);
	assert_string_equal(field_n(p, "urlencoded-form.key", 1)->meaning,
	    "to");
	assert_string_equal(field_n(p, "urlencoded-form.value", 1)->meaning,
	    "a b+c");
	assert_string_equal(field_n(p, "urlencoded-form.key", 2)->meaning,
	    "empty");
	f = field_n(p, "urlencoded-form.value", 2);
	assert_string_equal(f->meaning, "");
	assert_int_equal(f->bits, 0);
	/* the last key has no '=': a key and no value */
	assert_string_equal(field_n(p, "urlencoded-form.key", 3)->meaning,
	    "flag");
	assert_int_equal(layer(p, "urlencoded-form")->nfields, 7);
	sweep_prefixes(DLT_RAW, FORM);
}

/* A '%' without two hex digits ends the reading where it is. */
static void
test_bad_escape(void **state)
{
	const struct st_packet *p;

	(void)state;
	decode_hex(DLT_RAW, FORM);
	tbuf[BODY + 7] = 'z';		/* "Hi%z1" */
	st_pkt_reset(&tpkt, tbuf, BODY + 32, BODY + 32);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	assert_chain(p, "ipv4 tcp http urlencoded-form");
	assert_string_equal(field_n(p, "urlencoded-form.key", 0)->meaning,
	    "say");
	assert_int_equal(layer(p, "urlencoded-form")->nfields, 1);
	/* cut in an escape: the key before it only */
	decode_hex(DLT_RAW, FORM);
	st_pkt_reset(&tpkt, tbuf, BODY + 8, BODY + 32);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(layer(&tpkt, "urlencoded-form")->nfields, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_form, fresh),
		cmocka_unit_test_setup(test_bad_escape, fresh),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
