/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * JSON bodies (src/proto/json.c) as tshark shows them: members, keys,
 * paths and values; an empty object or array as a field of its own; a
 * text that breaks the grammar handed to data-text-lines whole; a text cut
 * short shown as far as it goes; newline-delimited texts; bodies made
 * whole from their chunks or inflated (gzip, deflate); every shorter
 * prefix decoded inside its bytes.
 */
#include "testutil.h"

#include "strata/expect.h"

/* IPv4/TCP 198.18.0.2:80 -> 198.18.0.1:40000 (a server's answer). */
#define SRV "45000000000040004006000" "0c6120002c6120001" \
	"00509c40000000010000000150182000" "00000000"
#define IPTCP	40		/* bytes before the payload */
/* "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " */
#define HEAD "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2061" \
	"70706c69636174696f6e2f6a736f6e0d0a436f6e74656e742d4c656e6774683a"
#define HEADLEN	71		/* bytes of the head, with "NN\r\n\r\n" */

static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

static const char *
text_n(const struct st_packet *p, const char *name, unsigned nth)
{
	const char *m = field_n(p, name, nth)->meaning;

	return m != NULL ? m : "";
}

/* {"a":1,"b":[true,null,"x\u00e9\/"],"c":{},"d":{"e":-2.5e3}} */
static void
test_json_members(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SRV HEAD
	    "2035390d0a0d0a7b2261223a312c2262223a5b747275652c6e756c6c2c22785c"
	    "75303065395c2f225d2c2263223a7b7d2c2264223a7b2265223a2d322e356533"
	    "7d7d");
	const struct st_layer *ly;

	(void)state;
	assert_chain(p, "ipv4 tcp http json");
	ly = layer(p, "json");
	assert_int_equal(ly->off, IPTCP + HEADLEN);
	assert_int_equal(ly->len, 59);
	assert_int_equal(ly->status, ST_LS_OK);
	assert_string_equal(text_n(p, "json.member", 0), "a");
	assert_string_equal(text_n(p, "json.key", 0), "a");
	assert_string_equal(text_n(p, "json.path", 0), "/a");
	assert_string_equal(text_n(p, "json.value.number", 0), "1");
	assert_string_equal(text_n(p, "json.path_with_value", 0), "/a:1");
	assert_string_equal(text_n(p, "json.member_with_value", 0), "a:1");
	/* the array's elements: "[]" in the path, no member or key */
	assert_string_equal(text_n(p, "json.member", 1), "b");
	assert_string_equal(text_n(p, "json.path_with_value", 1),
	    "/b/[]:true");
	assert_string_equal(text_n(p, "json.member_with_value", 2),
	    "[]:null");
	assert_true(has_field(p, "json.value.true"));
	assert_true(has_field(p, "json.value.null"));
	/* escapes undone, \u00e9 as UTF-8 */
	assert_string_equal(text_n(p, "json.value.string", 0),
	    "x\xc3\xa9/");
	assert_string_equal(text_n(p, "json.path_with_value", 3),
	    "/b/[]:x\xc3\xa9/");
	/* an empty object is a field; a non-empty one is not */
	assert_int_equal(field_n(p, "json.object", 0)->bits, 2 * 8);
	assert_int_equal(st_pkt_field(p, NULL, "json.array") == NULL, 1);
	assert_string_equal(text_n(p, "json.path", 3), "/d/e");
	assert_string_equal(text_n(p, "json.value.number", 1), "-2.5e3");
	assert_string_equal(text_n(p, "json.path", 4), "/d");
	/* the member's field spans the key to the value's end */
	assert_int_equal(field_n(p, "json.member", 3)->bits, 16 * 8);
	assert_non_null(summary_of(DLT_RAW, SRV HEAD
	    "2035390d0a0d0a7b2261223a312c2262223a5b747275652c6e756c6c2c22785c"
	    "75303065395c2f225d2c2263223a7b7d2c2264223a7b2265223a2d322e356533"
	    "7d7d"));
	sweep_prefixes(DLT_RAW, SRV HEAD
	    "2035390d0a0d0a7b2261223a312c2262223a5b747275652c6e756c6c2c22785c"
	    "75303065395c2f225d2c2263223a7b7d2c2264223a7b2265223a2d322e356533"
	    "7d7d");
}

/* {"a":tru}\r\nok\r\n: no fields; all of it lines of text, as tshark. */
static void
test_json_bad(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SRV HEAD
	    "2031350d0a0d0a7b2261223a7472757d0d0a6f6b0d0a");

	(void)state;
	assert_chain(p, "ipv4 tcp http json data-text-lines");
	assert_false(has_field(p, "json.member"));
	assert_int_equal(layer(p, "data-text-lines")->off, IPTCP + HEADLEN);
	assert_int_equal(fval(p, "strata.text.lines"), 2);
	sweep_prefixes(DLT_RAW, SRV HEAD
	    "2031350d0a0d0a7b2261223a7472757d0d0a6f6b0d0a");
}

/* {"k":"v","n": of 40 bytes: cut short, shown as far as it goes. */
static void
test_json_cut(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SRV HEAD
	    "2034300d0a0d0a7b226b223a2276222c226e223a");

	(void)state;
	assert_chain(p, "ipv4 tcp http json");
	assert_int_equal(layer(p, "json")->status, ST_LS_TRUNCATED);
	assert_string_equal(text_n(p, "json.path_with_value", 0), "/k:v");
	assert_string_equal(text_n(p, "json.member", 1), "n");
	assert_true(has_note(p, "cut short"));
}

/* []\n[false] x: two texts, an empty array, then text. */
static void
test_json_texts(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SRV HEAD
	    "2031320d0a0d0a5b5d0a5b66616c73655d2078");

	(void)state;
	assert_chain(p, "ipv4 tcp http json data-text-lines");
	assert_int_equal(field_n(p, "json.array", 0)->bits, 2 * 8);
	assert_string_equal(text_n(p, "json.path_with_value", 0),
	    "/[]:false");
	assert_true(has_field(p, "json.value.false"));
	assert_int_equal(layer(p, "json")->len, 12);
	assert_int_equal(layer(p, "data-text-lines")->len, 1);
}

/* Nesting deeper than is decoded: not shown as JSON, and no crash. */
static void
test_json_deep(void **state)
{
	char hex[4096], *q;
	const struct st_packet *p;
	int i;

	(void)state;
	q = hex + snprintf(hex, sizeof(hex), "%s%s%s", SRV, HEAD,
	    "203132300d0a0d0a");
	for (i = 0; i < 60; i++)
		q += snprintf(q, 3, "5b");
	for (i = 0; i < 60; i++)
		q += snprintf(q, 3, "5d");
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 tcp http json data-text-lines");
	assert_false(has_field(p, "json.array"));
	sweep_prefixes(DLT_RAW, hex);
}

/* A chunked body, made whole from its chunks: JSON after the frame. */
static void
test_json_chunked(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SRV
	    "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2061"
	    "70706c69636174696f6e2f6a736f6e0d0a5472616e736665722d456e636f6469"
	    "6e673a206368756e6b65640d0a0d0a340d0a7b2261220d0a340d0a3a317d0a0d"
	    "0a300d0a0d0a");
	const struct st_layer *ly;

	(void)state;
	assert_chain(p, "ipv4 tcp http json");
	ly = layer(p, "json");
	assert_true(ly->off >= p->caplen);
	assert_string_equal(text_n(p, "json.path_with_value", 0), "/a:1");
	assert_true(has_note(p, "made whole from its chunks"));
	sweep_prefixes(DLT_RAW, SRV
	    "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2061"
	    "70706c69636174696f6e2f6a736f6e0d0a5472616e736665722d456e636f6469"
	    "6e673a206368756e6b65640d0a0d0a340d0a7b2261220d0a340d0a3a317d0a0d"
	    "0a300d0a0d0a");
}

/* Bodies encoded with gzip or deflate, inflated as tshark does. */
static void
test_inflated(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	/* text/plain, gzip: "line1\nline2\n" twice, a back-reference */
	p = decode_hex(DLT_RAW, SRV
	    "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2074"
	    "6578742f706c61696e0d0a436f6e74656e742d456e636f64696e673a20677a69"
	    "700d0a436f6e74656e742d4c656e6774683a2033330d0a0d0a1f8b0800000000"
	    "000203cbc9cc4b35e4ca0192466012c606000ab6a06918000000");
	assert_chain(p, "ipv4 tcp http data-text-lines");
	ly = layer(p, "data-text-lines");
	assert_true(ly->off >= p->caplen);
	assert_int_equal(ly->len, 24);
	assert_int_equal(fval(p, "strata.text.lines"), 4);
	assert_true(has_note(p, "the body inflated"));
	sweep_prefixes(DLT_RAW, SRV
	    "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2074"
	    "6578742f706c61696e0d0a436f6e74656e742d456e636f64696e673a20677a69"
	    "700d0a436f6e74656e742d4c656e6774683a2033330d0a0d0a1f8b0800000000"
	    "000203cbc9cc4b35e4ca0192466012c606000ab6a06918000000");
	/* application/json, deflate (zlib's wrapper): {"z":[1,2]} */
	p = decode_hex(DLT_RAW, SRV
	    "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2061"
	    "70706c69636174696f6e2f6a736f6e0d0a436f6e74656e742d456e636f64696e"
	    "673a206465666c6174650d0a436f6e74656e742d4c656e6774683a2031390d0a"
	    "0d0a789cab56aa52b28a36d4318aad0500132c0338");
	assert_chain(p, "ipv4 tcp http json");
	assert_string_equal(text_n(p, "json.path_with_value", 1), "/z/[]:2");
	/* the same with its deflate data broken (a reserved block type):
	 * nothing inflated, no layer */
	p = decode_hex(DLT_RAW, SRV
	    "485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a2061"
	    "70706c69636174696f6e2f6a736f6e0d0a436f6e74656e742d456e636f64696e"
	    "673a206465666c6174650d0a436f6e74656e742d4c656e6774683a2031390d0a"
	    "0d0a789cffffffffffffffffffffffffffffffffff");
	assert_chain(p, "ipv4 tcp http");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_json_members, fresh),
		cmocka_unit_test_setup(test_json_bad, fresh),
		cmocka_unit_test_setup(test_json_cut, fresh),
		cmocka_unit_test_setup(test_json_texts, fresh),
		cmocka_unit_test_setup(test_json_deep, fresh),
		cmocka_unit_test_setup(test_json_chunked, fresh),
		cmocka_unit_test_setup(test_inflated, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
