/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMTP message text as lines of text (data-text-lines), as tshark shows
 * it: a BDAT command's chunk (RFC 3030) in the command's segment and, by
 * TCP sequence number, in the segments that carry its rest; commands
 * pipelined after a chunk; the text after DATA; a BDAT without a size
 * announces no chunk; every shorter prefix decoded inside its bytes.
 */
#include "testutil.h"
#include "strata/expect.h"
#include "strata/match.h"

/* 198.18.0.1:40000 to 198.18.0.2:25, sequence number seq. */
#define TO25(seq) "450000000000400040060000" "c6120001c6120002" \
	"9c400019" seq "00000001" "5018" "2000" "0000" "0000"

static const struct st_packet *
at(uint64_t num, const char *hex)
{
	tpkt.num = num;
	return decode_hex(DLT_RAW, hex);
}

static int
fresh(void **state)
{
	(void)state;
	st_match_clear();
	st_expect_clear();
	return 0;
}

static void
test_bdat_chunk(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	/* "MAIL FROM:<a@b>\r\nBDAT 10 LAST\r\nhello\r\n": 7 of 10 here */
	p = at(1, TO25("00000001") "4d41494c2046524f4d3a3c6140623e0d0a"
	    "42444154203130204c4153540d0a68656c6c6f0d0a");
	assert_chain(p, "ipv4 tcp smtp data-text-lines");
	assert_string_equal(field_n(p, "smtp.req.command", 1)->meaning,
	    "BDAT");
	assert_string_equal(field_n(p, "smtp.req.parameter", 1)->meaning,
	    "10 LAST");
	ly = layer(p, "data-text-lines");
	assert_int_equal(ly->off, 40 + 31);
	assert_int_equal(ly->len, 7);
	/* "ab\nQUIT\r\n": the chunk's last 3 bytes, then a command */
	p = at(2, TO25("00000027") "61620a515549540d0a");
	assert_chain(p, "ipv4 tcp smtp data-text-lines smtp");
	assert_int_equal(layer(p, "data-text-lines")->len, 3);
	assert_int_equal(fval(p, "strata.text.lines"), 1);
	assert_string_equal(field_n(p, "smtp.req.command", 0)->meaning,
	    "QUIT");
	assert_int_equal(last_layer(p, "smtp")->off, 43);
	sweep_prefixes(DLT_RAW, TO25("00000027") "61620a515549540d0a");
	/* the same bytes later in the stream: a command first, no chunk */
	p = at(3, TO25("00000100") "61620a515549540d0a");
	assert_chain(p, "ipv4 tcp smtp data-text-lines");
	assert_false(has_field(p, "smtp.req.command"));
}

static void
test_bdat_pipelined(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* "BDAT 3\r\nabcQUIT\r\n": chunk, then the next command */
	p = at(1, TO25("00000001") "4244415420330d0a616263515549540d0a");
	assert_chain(p, "ipv4 tcp smtp data-text-lines smtp");
	assert_int_equal(layer(p, "data-text-lines")->len, 3);
	assert_string_equal(field_n(p, "smtp.req.command", 1)->meaning,
	    "QUIT");
	sweep_prefixes(DLT_RAW, TO25("00000001")
	    "4244415420330d0a616263515549540d0a");
	/* "BDAT -1 LAST\r\nQUIT\r\n": no size, no chunk */
	p = at(2, TO25("00001000") "42444154202d31204c4153540d0a"
	    "515549540d0a");
	assert_chain(p, "ipv4 tcp smtp");
	assert_string_equal(field_n(p, "smtp.req.command", 1)->meaning,
	    "QUIT");
	/* "BDAT 0 LAST\r\n": an empty last chunk */
	p = at(3, TO25("00002000") "42444154203020" "4c4153540d0a");
	assert_chain(p, "ipv4 tcp smtp");
}

/* DATA's message: its lines, to the line "." that ends it. */
static void
test_data_end(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* "Hi.\r\n.\r\nQUIT\r\n" */
	p = at(1, TO25("00003000") "48692e0d0a2e0d0a515549540d0a");
	assert_chain(p, "ipv4 tcp smtp data-text-lines smtp");
	assert_int_equal(layer(p, "data-text-lines")->len, 5);
	assert_int_equal(field_n(p, "smtp.eom", 0)->bitoff, (40 + 5) * 8);
	assert_string_equal(field_n(p, "smtp.req.command", 0)->meaning,
	    "QUIT");
	sweep_prefixes(DLT_RAW, TO25("00003000")
	    "48692e0d0a2e0d0a515549540d0a");
	/* ".\r\n" alone: the end, no text */
	p = at(2, TO25("00004000") "2e0d0a");
	assert_chain(p, "ipv4 tcp smtp");
	assert_true(has_field(p, "smtp.eom"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_bdat_chunk, fresh),
		cmocka_unit_test_setup(test_bdat_pipelined, fresh),
		cmocka_unit_test_setup(test_data_end, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
