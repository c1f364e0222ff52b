/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The app-web family: recognition by content (TLS and HTTP on ports no
 * protocol binds, both directions), TLS records and handshake messages
 * with their fingerprints, HTTP pipelining and chunked bodies; every
 * shorter prefix decodes without a crash, and wrong guesses stay data.
 */
#include "testutil.h"

#include "strata/expect.h"

/* IPv4/TCP 198.18.0.1:40000 -> 198.18.0.2:4321 (bound by nothing). */
#define TCPODD "45000000000040004006000" "0c6120001c6120002" \
	"9c4010e10000000100000001501820000000" "0000"
/* The reply direction: 4321 -> 40000. */
#define TCPBACK "45000000000040004006000" "0c6120002c6120001" \
	"10e19c400000000100000001501820000000" "0000"

/* A ClientHello with SNI strata.test, ALPN h2 and http/1.1, TLS 1.3. */
#define HELLO "16030100" "5e" "0100005a" "0303" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"00" "0004" "13011302" "0100" "002d" \
	"0000" "0010" "000e" "00" "000b" "7374726174612e74657374" \
	"0010" "000e" "000c" "02" "6832" "08" "687474702f312e31" \
	"002b" "0003" "02" "0304"

/* A ServerHello choosing 0x1301 with supported_versions 0x0304. */
#define SHELLO "16030300" "32" "0200002e" "0303" \
	"1111111111111111111111111111111111111111111111111111111111111111" \
	"00" "1301" "00" "0006" "002b" "0002" "0304"

static void
test_tls_by_content(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TCPODD HELLO);

	(void)state;
	assert_chain(p, "ipv4 tcp tls");
	assert_string_equal(field_n(p, "tls.handshake.ja3_full", 0)->meaning,
	    "771,4865-4866,0-16-43,,");
	assert_string_equal(field_n(p, "tls.handshake.ja3", 0)->meaning,
	    "1dae9c1bb9ff5e63c969a12a81eed58d");
	assert_string_equal(field_n(p, "tls.handshake.ja4", 0)->meaning,
	    "t13d0203h2_62ed6f6ca7ad_b9a491fefe05");
	assert_int_equal(fval(p, "tls.handshake.extensions_server_name_len"),
	    11);
	assert_int_equal(fval(p, "tls.handshake.extensions_alpn_str_len"), 2);
	assert_int_equal(fval(p, "tls.handshake.extension.type"), 0);
	sweep_prefixes(DLT_RAW, TCPODD HELLO);

	/* The reply is recognised by its own bytes. */
	p = decode_hex(DLT_RAW, TCPBACK SHELLO);
	assert_chain(p, "ipv4 tcp tls");
	assert_int_equal(fval(p, "tls.handshake.type"), 2);
	assert_int_equal(fval(p, "tls.handshake.ciphersuite"), 0x1301);
	assert_int_equal(fval(p, "tls.handshake.extensions.supported_version"),
	    0x0304);
	assert_string_equal(field_n(p, "tls.handshake.ja3s_full", 0)->meaning,
	    "771,4865,43");
	sweep_prefixes(DLT_RAW, TCPBACK SHELLO);
}

static void
test_tls_records(void **state)
{
	/* An alert, a heartbeat request, a change cipher spec, and an
	 * application data record that goes on in a later segment. */
	const char *hex = TCPODD "150303000202" "28"
	    "1803030016" "01" "0003" "616263" "00000000000000000000000000000000"
	    "140303000101" "1703030040" "abcdef";
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 tcp tls tls tls tls");
	assert_int_equal(fval(p, "tls.alert_message.level"), 2);
	assert_int_equal(fval(p, "tls.alert_message.desc"), 40);
	assert_int_equal(fval(p, "tls.heartbeat_message.type"), 1);
	assert_int_equal(fval(p, "tls.heartbeat_message.payload_length"), 3);
	assert_int_equal(field_n(p, "tls.heartbeat_message.padding", 0)->bits,
	    16 * 8);
	assert_int_equal(field_n(p, "tls.app_data", 0)->bits, 3 * 8);
	assert_true(has_note(p, "continues in a later segment"));
	sweep_prefixes(DLT_RAW, hex);
}

static void
test_tls_wrong_guesses(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A record header with a handshake type TLS does not have. */
	p = decode_hex(DLT_RAW, TCPODD "1603010008" "63000004" "00000000");
	assert_chain(p, "ipv4 tcp data");
	/* A handshake longer than its record. */
	p = decode_hex(DLT_RAW, TCPODD "1603010008" "01000100" "00000000");
	assert_chain(p, "ipv4 tcp data");
	/* A record and garbage after it. */
	p = decode_hex(DLT_RAW, TCPODD "140303000101" "0102030405");
	assert_chain(p, "ipv4 tcp data");
	/* On TLS's own port, bytes in the middle of a record. */
	p = decode_hex(DLT_RAW, "45000000000040004006000" "0c6120001c6120002"
	    "9c4001bb0000000100000001501820000000" "0000" "0102030405");
	assert_chain(p, "ipv4 tcp tls");
	assert_true(has_field(p, "strata.tls.continuation"));
}

/* Two pipelined requests, the first with a query, cookies and Basic. */
#define REQS "474554202f613f783d3126793d3220485454502f312e310d0a" \
	"486f73743a20730d0a" "436f6f6b69653a20613d313b20623d320d0a" \
	"417574686f72697a6174696f6e3a2042617369632059547069""0d0a0d0a" \
	"474554202f6220485454502f312e310d0a0d0a"
/* A chunked reply: "abc", then the last chunk. */
#define CHUNKED "485454502f312e3120323030204f4b0d0a" \
	"5472616e736665722d456e636f64696e673a206368756e6b65640d0a0d0a" \
	"330d0a6162630d0a300d0a0d0a"

static void
test_http_by_content(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TCPODD REQS);

	(void)state;
	assert_chain(p, "ipv4 tcp http http");
	assert_string_equal(field_n(p, "http.request.uri.path", 0)->meaning,
	    "/a");
	assert_string_equal(field_n(p, "http.request.uri.query.parameter",
	    1)->meaning, "y=2");
	assert_string_equal(field_n(p, "http.cookie_pair", 1)->meaning,
	    "b=2");
	assert_string_equal(field_n(p, "http.authbasic", 0)->meaning, "a:b");
	assert_string_equal(field_n(p, "http.request.full_uri", 0)->meaning,
	    "http://s/a?x=1&y=2");
	assert_string_equal(field_n(p, "http.request.uri", 1)->meaning, "/b");
	sweep_prefixes(DLT_RAW, TCPODD REQS);

	p = decode_hex(DLT_RAW, TCPBACK CHUNKED);
	assert_chain(p, "ipv4 tcp http");
	assert_int_equal(fval(p, "http.response.code"), 200);
	assert_string_equal(field_n(p, "http.response.code.desc", 0)->meaning,
	    "OK");
	assert_int_equal(fval(p, "http.chunk_size"), 3);
	assert_int_equal(field_n(p, "http.chunk_size", 1)->val, 0);
	assert_int_equal(field_n(p, "http.chunk_data", 0)->bits, 24);
	assert_false(has_note(p, "continues"));
	sweep_prefixes(DLT_RAW, TCPBACK CHUNKED);
}

static void
test_http_wrong_guesses(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* No version: HTTP/0.9 or not HTTP; not guessed. */
	p = decode_hex(DLT_RAW, TCPODD "474554202f0d0a");
	assert_chain(p, "ipv4 tcp data");
	/* A space in the target: a client's error tshark reads as HTTP, and
	 * so does strata (the line still starts with a method and ends with
	 * the version). */
	p = decode_hex(DLT_RAW, TCPODD "474554202f2061206220485454502f312e310d0a");
	assert_chain(p, "ipv4 tcp http");
	st_expect_clear();
	/* A status line with letters for the code. */
	p = decode_hex(DLT_RAW, TCPODD "485454502f312e31206162630d0a");
	assert_chain(p, "ipv4 tcp data");
}

/* The HTTP/2 preface and an empty SETTINGS; then a HEADERS frame (static
 * :method GET, :path /, literal :authority "s") and a DATA frame. */
#define H2PRE "505249202a20485454502f322e300d0a0d0a534d0d0a0d0a" \
	"000000040000000000"
#define H2REQ "000006010500000001" "828441" "0173" "00" \
	"000002000100000001" "6869"

static void
test_http2_by_content(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TCPODD H2PRE);

	(void)state;
	assert_chain(p, "ipv4 tcp http2 http2");
	assert_int_equal(field_n(p, "http2.type", 0)->val, 4);
	sweep_prefixes(DLT_RAW, TCPODD H2PRE);
	p = decode_hex(DLT_RAW, TCPODD H2REQ);
	assert_chain(p, "ipv4 tcp http2 http2");
	assert_string_equal(field_n(p, "http2.header.name", 0)->meaning,
	    ":method");
	assert_string_equal(field_n(p, "http2.header.value", 0)->meaning,
	    "GET");
	assert_string_equal(field_n(p, "http2.header.name", 2)->meaning,
	    ":authority");
	assert_string_equal(field_n(p, "http2.header.value", 2)->meaning, "s");
	assert_int_equal(field_n(p, "http2.data.data", 0)->bits, 16);
	sweep_prefixes(DLT_RAW, TCPODD H2REQ);
	/* A frame run that does not end where the segment does: data (in a
	 * conversation no heuristic has claimed yet). */
	st_expect_clear();
	p = decode_hex(DLT_RAW, TCPODD "000009010500000001" "8284");
	assert_chain(p, "ipv4 tcp data");
}

/* A masked text frame "Hi" (key 01020304), then a masked close 1000
 * "ok". */
#define WSFRAMES "8182" "01020304" "496b" "8884" "01020304" "02ea6c6f"

static void
test_websocket_by_content(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TCPODD WSFRAMES);

	(void)state;
	assert_chain(p, "ipv4 tcp websocket websocket");
	assert_int_equal(fval(p, "websocket.opcode"), 1);
	assert_int_equal(fval(p, "websocket.mask"), 1);
	assert_string_equal(field_n(p, "websocket.payload.text", 0)->meaning,
	    "Hi");
	assert_int_equal(fval(p, "websocket.payload.close.status_code"), 1000);
	assert_string_equal(field_n(p, "websocket.payload.close.reason",
	    0)->meaning, "ok");
	sweep_prefixes(DLT_RAW, TCPODD WSFRAMES);
	/* A length not in its shortest form, a reserved bit: not guessed
	 * (in a conversation no heuristic has claimed yet). */
	st_expect_clear();
	p = decode_hex(DLT_RAW, TCPODD "817e0003616263");
	assert_chain(p, "ipv4 tcp data");
	p = decode_hex(DLT_RAW, TCPODD "c103616263");
	assert_chain(p, "ipv4 tcp data");
}

/* Each test starts a new capture: no conversation claimed by an earlier
 * test's heuristic (they share addresses and ports). */
static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_tls_by_content, fresh),
		cmocka_unit_test_setup(test_tls_records, fresh),
		cmocka_unit_test_setup(test_tls_wrong_guesses, fresh),
		cmocka_unit_test_setup(test_http_by_content, fresh),
		cmocka_unit_test_setup(test_http_wrong_guesses, fresh),
		cmocka_unit_test_setup(test_http2_by_content, fresh),
		cmocka_unit_test_setup(test_websocket_by_content, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
