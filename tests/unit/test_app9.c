/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The app9 family (application coverage on the zeek captures): HTTP's
 * continuation lines that tshark calls unknown headers and a request line
 * without a version; MySQL's OK packet in an EOF's place (deprecate EOF);
 * every shorter prefix of each message.
 */
#include <stdio.h>

#include "testutil.h"

static char hexbuf[4096];

/* Hex of the ASCII text s (at most 1000 bytes). */
static const char *
hexof(const char *s, size_t n)
{
	static char out[2048];
	size_t i;

	for (i = 0; i < n && i < 1000; i++)
		snprintf(out + 2 * i, 3, "%02x", (unsigned char)s[i]);
	out[2 * i] = '\0';
	return out;
}

/* An IPv4/TCP packet 198.18.0.1:40000 -> 198.18.0.2:port with payload. */
static const char *
tcp_pkt(unsigned port, const char *pay)
{
	size_t n = strlen(pay) / 2;

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx0000400040060000"
	    "c6120001c6120002" "9c40%04x0000000100000001501820000000" "0000%s",
	    40 + n, port, pay);
	return hexbuf;
}

/* The bytes of the nth field named name, as hex. */
static const char *
bytes_hex(const struct st_packet *p, const char *name, unsigned nth)
{
	static char out[2048];
	const uint8_t *b;
	size_t n, i;

	b = st_field_bytes(p, field_n(p, name, nth), &n);
	assert_non_null(b);
	for (i = 0; i < n && i < 1000; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	out[2 * i] = '\0';
	return out;
}

#define CONT	"Foo: bar\r\n\x01x:y\r\n:zz\r\nbody bytes"

/* A continuation: colon lines are header lines, bad names unknown. */
static void
test_http_unknown_header(void **state)
{
	const struct st_packet *p;
	char pay[2048];

	(void)state;
	snprintf(pay, sizeof(pay), "%s", hexof(CONT, sizeof(CONT) - 1));
	p = decode_hex(DLT_RAW, tcp_pkt(80, pay));
	assert_chain(p, "ipv4 tcp http data");
	assert_string_equal(bytes_hex(p, "http.unknown_header", 0),
	    "01783a790d0a");
	assert_string_equal(bytes_hex(p, "http.unknown_header", 1),
	    "3a7a7a0d0a");
	assert_false(st_pkt_field(p, NULL, "http.request.line") != NULL);
	assert_string_equal(bytes_hex(p, "http.file_data", 0),
	    hexof("body bytes", 10));
	sweep_prefixes(DLT_RAW, tcp_pkt(80, pay));
}

/* A line without a colon ends the head: no unknown header after it. */
static void
test_http_no_colon(void **state)
{
	const struct st_packet *p;
	char pay[2048];

	(void)state;
	snprintf(pay, sizeof(pay), "%s", hexof("abc\r\nx\x01:y\r\n", 11));
	p = decode_hex(DLT_RAW, tcp_pkt(80, pay));
	assert_false(has_field(p, "http.unknown_header"));
	assert_true(has_field(p, "http.file_data"));
}

/* HTTP/0.9's request line: the version is there, empty (as tshark). */
static void
test_http_no_version(void **state)
{
	const struct st_packet *p;
	char pay[2048];

	(void)state;
	snprintf(pay, sizeof(pay), "%s", hexof("GET /x?a=1\r\n\r\n", 14));
	p = decode_hex(DLT_RAW, tcp_pkt(80, pay));
	assert_string_equal(field_n(p, "http.request.uri", 0)->meaning,
	    "/x?a=1");
	assert_string_equal(field_n(p, "http.request.version", 0)->meaning,
	    "");
	snprintf(pay, sizeof(pay), "%s", hexof("GET / HTTP/1.0\r\n\r\n", 18));
	p = decode_hex(DLT_RAW, tcp_pkt(80, pay));
	assert_string_equal(field_n(p, "http.request.version", 0)->meaning,
	    "HTTP/1.0");
	sweep_prefixes(DLT_RAW, tcp_pkt(80, hexof("GET /x?a=1\r\n\r\n", 14)));
}

/* A server's segment: the OK in EOF's place (7 bytes), a classic EOF. */
static const char *
tcp_back(const char *pay)
{
	size_t n = strlen(pay) / 2;

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx0000400040060000"
	    "c6120002c6120001" "0cea9c400000000100000001501820000000" "0000%s",
	    40 + n, pay);
	return hexbuf;
}

static void
test_mysql_ok_as_eof(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, tcp_back("07000004fe000002000000"
	    "05000005fe00000200"));
	assert_chain(p, "ipv4 tcp mysql mysql");
	assert_int_equal(field_n(p, "mysql.eof", 0)->val, 0xfe);
	assert_int_equal(fval(p, "mysql.affected_rows"), 0);
	assert_int_equal(field_n(p, "mysql.server_status", 0)->val, 2);
	/* the classic EOF: warnings then status, no affected rows */
	assert_int_equal(field_n(p, "mysql.eof", 1)->val, 0xfe);
	assert_int_equal(field_n(p, "mysql.server_status", 1)->val, 2);
	sweep_prefixes(DLT_RAW, tcp_back("07000004fe000002000000"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_http_unknown_header),
		cmocka_unit_test(test_http_no_colon),
		cmocka_unit_test(test_http_no_version),
		cmocka_unit_test(test_mysql_ok_as_eof),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
