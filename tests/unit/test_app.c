/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Application decoders: DNS, HTTP, TLS, each chosen by port and kept only
 * when the bytes agree; and hostile inputs (compression loops, lying
 * counts, truncated records, garbage).
 */
#include "testutil.h"

/* IPv4/UDP from 198.18.0.1:5000 to :53 (checksum 0: none), then DNS. */
#define UDP53(len, dns) "45000000000040004011000" "0c6120001c6120002" \
	"1388" "0035" len "0000" dns
/* A response: strata.test CNAME www.strata.test, A 198.18.0.10. */
#define DNSRESP "5a5a818000010002000000000673747261746104746573740000010001" \
	"c00c000500010000012c0011037777770673747261746104746573740" "0" \
	"c029000100010000012c0004c612000a"

static void
test_dns_response(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW,
	    UDP53("0054", DNSRESP));

	(void)state;
	assert_chain(p, "ipv4 udp dns");
	assert_int_equal(fval(p, "dns.id"), 0x5a5a);
	assert_int_equal(fval(p, "dns.flags.response"), 1);
	assert_int_equal(fval(p, "dns.flags.recdesired"), 1);
	assert_int_equal(fval(p, "dns.count.answers"), 2);
	assert_string_equal(field_n(p, "dns.qry.name", 0)->meaning,
	    "strata.test");
	assert_int_equal(field_n(p, "dns.qry.name", 0)->bits, 13 * 8);
	assert_string_equal(field_n(p, "dns.cname", 0)->meaning,
	    "www.strata.test");
	/* The A record's name is a pointer: two bytes on the wire. */
	assert_string_equal(field_n(p, "dns.resp.name", 1)->meaning,
	    "www.strata.test");
	assert_int_equal(field_n(p, "dns.resp.name", 1)->bits, 16);
	assert_int_equal(fval(p, "dns.a"), 0xc612000a);
	assert_int_equal(layer(p, "dns")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, UDP53("0054", DNSRESP));
}

static void
expect_dns_malformed(const char *hex, const char *why)
{
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	assert_int_equal(layer(p, "dns")->status, ST_LS_MALFORMED);
	if (strstr(layer(p, "dns")->why, why) == NULL)
		fail_msg("why '%s', want '%s'", layer(p, "dns")->why, why);
}

static void
test_dns_hostile(void **state)
{
	(void)state;
	/* A question whose name points at itself. */
	expect_dns_malformed(UDP53("0016", "000101000001000000000000c00c"
	    "00010001"), "compression pointers loop");
	/* Two pointers pointing at each other. */
	expect_dns_malformed(UDP53("0018", "000101000001000000000000c00e"
	    "c00c00010001"), "compression pointers loop");
	/* A pointer past the message. */
	expect_dns_malformed(UDP53("0016", "000101000001000000000000c0ff"
	    "00010001"), "runs past the message");
	/* A count that lies: 3 questions, 1 present. */
	expect_dns_malformed(UDP53("001d", "000101000003000000000000017800"
	    "00010001"), "question count says 3");
	/* A label running past the end. */
	expect_dns_malformed(UDP53("0016", "0001010000010000000000003f61"
	    "6161"), "label runs past the message");
	/* A record whose data length lies. */
	expect_dns_malformed(UDP53("0027", "000181800000000100000000" "00"
	    "00010001" "00000001" "00ff" "c6120001"), "record data of 255");
}

/* 300 labels of 1 byte: over 255 bytes, stopped without reading on. */
static void
test_dns_name_too_long(void **state)
{
	char hex[4096] = UDP53("0271", "000101000001000000000000");
	int i;

	(void)state;
	for (i = 0; i < 300; i++)
		strcat(hex, "0161");
	strcat(hex, "0000010001");
	expect_dns_malformed(hex, "name longer than 255 bytes");
}

static void
test_dns_escapes_wire_bytes(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, UDP53("001d",
	    "000101000001000000000000" "041b5b326a00" "00010001"));

	(void)state;
	/* ESC [ 2 J must not reach a terminal. */
	assert_string_equal(field_n(p, "dns.qry.name", 0)->meaning,
	    "\\x1b[2j");
}

/* A port-53 datagram that is not DNS falls back to data. */
static void
test_dns_wrong_guess(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, UDP53("0012",
	    "ffffffffffffffffffff"));

	(void)state;
	assert_chain(p, "ipv4 udp data");
}

#define TCP80 "45000000000040004006000" "0c6120001c6120002" \
	"9c4000500000000100000001501820000000" "0000"

static void
test_http_request(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TCP80
	    "474554202f68656c6c6f2e74787420485454502f312e310d0a"
	    "486f73743a207374726174612e746573740d0a"
	    "436f6e74656e742d4c656e6774683a20350d0a0d0a" "68656c6c6f");

	(void)state;
	assert_chain(p, "ipv4 tcp http");
	assert_string_equal(field_n(p, "http.request.method", 0)->meaning,
	    "GET");
	assert_string_equal(field_n(p, "http.request.uri", 0)->meaning,
	    "/hello.txt");
	assert_string_equal(field_n(p, "http.request.version", 0)->meaning,
	    "HTTP/1.1");
	assert_string_equal(field_n(p, "http.host", 0)->meaning,
	    "strata.test");
	assert_int_equal(fval(p, "http.content_length"), 5);
	assert_int_equal(field_n(p, "http.file_data", 0)->bits, 40);
}

static void
test_http_continued_and_garbage(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* The head does not end in this segment: marked continued. */
	p = decode_hex(DLT_RAW, TCP80 "485454502f312e3020323030204f4b0d0a"
	    "5365727665723a2078");
	assert_chain(p, "ipv4 tcp http");
	assert_int_equal(fval(p, "http.response.code"), 200);
	assert_true(has_note(p, "continues"));
	/* Binary bytes on port 80: the body of a message begun earlier, an
	 * HTTP continuation carrying data (as tshark shows it). */
	p = decode_hex(DLT_RAW, TCP80 "00ff10203040");
	assert_chain(p, "ipv4 tcp http data");
}

/* A ClientHello with SNI strata.test and ALPN h2, http/1.1. */
#define HELLO "16030100" "5e" "0100005a" "0303" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"00" "0004" "13011302" "0100" "002d" \
	"0000" "0010" "000e" "00" "000b" "7374726174612e74657374" \
	"0010" "000e" "000c" "02" "6832" "08" "687474702f312e31" \
	"002b" "0003" "02" "0304"

static void
test_tls_client_hello(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TCP80 HELLO);

	(void)state;
	/* Port 80 says HTTP; the bytes say TLS, and its heuristic agrees. */
	assert_chain(p, "ipv4 tcp tls");
	p = decode_hex(DLT_RAW, "45000000000040004006000" "0c6120001c6120002"
	    "9c4001bb0000000100000001501820000000" "0000" HELLO);
	assert_chain(p, "ipv4 tcp tls");
	assert_int_equal(fval(p, "tls.record.content_type"), 22);
	assert_int_equal(fval(p, "tls.handshake.type"), 1);
	assert_int_equal(fval(p, "tls.handshake.version"), 0x0303);
	assert_int_equal(fval(p, "strata.tls.cipher_suites_count"), 2);
	assert_string_equal(field_n(p,
	    "tls.handshake.extensions_server_name", 0)->meaning, "strata.test");
	assert_string_equal(field_n(p, "tls.handshake.extensions_alpn_str",
	    1)->meaning, "http/1.1");
	assert_int_equal(fval(p, "tls.handshake.extensions.supported_version"),
	    0x0304);
	sweep_prefixes(DLT_RAW, "45000000000040004006000" "0c6120001c6120002"
	    "9c4001bb0000000100000001501820000000" "0000" HELLO);
}

static void
test_tls_garbage(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, "45000000000040004006000" "0c6120001c6120002"
	    "9c4001bb0000000100000001501820000000" "0000" "170303ffff0102");
	/* A record longer than TLS allows, on its port: the middle of a
	 * record begun earlier, shown as a continuation. */
	assert_chain(p, "ipv4 tcp tls");
	assert_non_null(field_n(p, "strata.tls.continuation", 0));
	/* A hello cut short: as far as it goes, then a note. */
	p = decode_hex(DLT_RAW, "45000000000040004006000" "0c6120001c6120002"
	    "9c4001bb0000000100000001501820000000" "0000" "160301005b0100");
	assert_chain(p, "ipv4 tcp tls");
	assert_true(p->nnotes >= 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dns_response),
		cmocka_unit_test(test_dns_hostile),
		cmocka_unit_test(test_dns_name_too_long),
		cmocka_unit_test(test_dns_escapes_wire_bytes),
		cmocka_unit_test(test_dns_wrong_guess),
		cmocka_unit_test(test_http_request),
		cmocka_unit_test(test_http_continued_and_garbage),
		cmocka_unit_test(test_tls_client_hello),
		cmocka_unit_test(test_tls_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
