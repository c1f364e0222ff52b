/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The app10 family (application layers reached through others): finger
 * on TCP 79; an HTTP conversation switched by a 101 Upgrade to WebSocket
 * (or to a token no decoder knows: data after an HTTP layer of no bytes)
 * (frames after the head, later segments handed on by a layer of no
 * bytes, the middle of a frame refused) and by a CONNECT tunnel (its
 * host and port on every segment through it); every shorter prefix.
 */
#include <stdio.h>

#include "strata/expect.h"
#include "testutil.h"

static char hexbuf[4096];

/* Hex of the ASCII text s (n bytes, at most 1000). */
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

/* An IPv4/TCP packet 198.18.0.1:40000 -> 198.18.0.2:port (or back, with
 * back) carrying pay (hex). */
static const char *
tcp_pkt(int back, unsigned port, const char *pay)
{
	size_t n = strlen(pay) / 2;

	if (back)
		snprintf(hexbuf, sizeof(hexbuf), "4500%04zx00004000400600"
		    "00c6120002c6120001" "%04x9c400000000100000001501820000000"
		    "0000%s", 40 + n, port, pay);
	else
		snprintf(hexbuf, sizeof(hexbuf), "4500%04zx00004000400600"
		    "00c6120001c6120002" "9c40%04x0000000100000001501820000000"
		    "0000%s", 40 + n, port, pay);
	return hexbuf;
}

#define TXT(s)	hexof(s, sizeof(s) - 1)

static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

static void
test_finger(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, tcp_pkt(0, 79, TXT("alice\r\n")));
	assert_chain(p, "ipv4 tcp finger");
	assert_string_equal(field_n(p, "finger.query", 0)->meaning, "alice");
	assert_int_equal(field_n(p, "finger.query", 0)->bits, 7 * 8);
	p = decode_hex(DLT_RAW, tcp_pkt(1, 79, TXT("Login: alice\tName: A\r\n"
	    "No Plan.\r\n")));
	assert_chain(p, "ipv4 tcp finger");
	assert_string_equal(field_n(p, "finger.response", 0)->meaning,
	    "Login: alice\\x09Name: A\\x0d\\x0aNo Plan.");
	assert_false(has_field(p, "finger.query"));
	/* A query without its CRLF is noted. */
	p = decode_hex(DLT_RAW, tcp_pkt(0, 79, TXT("bob")));
	assert_string_equal(field_n(p, "finger.query", 0)->meaning, "bob");
	assert_true(has_note(p, "no CRLF"));
	sweep_prefixes(DLT_RAW, tcp_pkt(0, 79, TXT("alice\r\n")));
}

/* WHOIS (TCP 43): the query a line with its CRLF; the answer a field per
 * line, each with its line end; a query without CRLF marked. The literal
 * frame is the query "example.com\r\n" (for the fuzz seeds). */
#define WHOIS_Q	"450000350000400040060000c6120001c61200029c40002b00000001" \
	"000000015018200000000000" "6578616d706c652e636f6d0d0a"

static void
test_whois(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, WHOIS_Q);
	assert_chain(p, "ipv4 tcp whois");
	assert_string_equal(field_n(p, "whois.query", 0)->meaning,
	    "example.com");
	assert_int_equal(field_n(p, "whois.query", 0)->bits, 13 * 8);
	assert_false(has_field(p, "whois.nocrlf"));
	assert_non_null(strstr(summary_of(DLT_RAW, WHOIS_Q),
	    "  whois query example.com"));
	p = decode_hex(DLT_RAW, tcp_pkt(1, 43, TXT("% IANA WHOIS server\n"
	    "\n" "domain:       EXAMPLE.COM\r\n" "status")));
	assert_chain(p, "ipv4 tcp whois");
	assert_false(has_field(p, "whois.query"));
	assert_string_equal(field_n(p, "whois.answer", 0)->meaning,
	    "% IANA WHOIS server");
	assert_int_equal(field_n(p, "whois.answer", 0)->bits, 20 * 8);
	assert_string_equal(field_n(p, "whois.answer", 1)->meaning, "");
	assert_int_equal(field_n(p, "whois.answer", 1)->bits, 8);
	assert_string_equal(field_n(p, "whois.answer", 2)->meaning,
	    "domain:       EXAMPLE.COM");
	assert_string_equal(field_n(p, "whois.answer", 3)->meaning, "status");
	assert_int_equal(layer(p, "whois")->nfields, 4);
	p = decode_hex(DLT_RAW, tcp_pkt(0, 43, TXT("example.com")));
	assert_true(has_field(p, "whois.nocrlf"));
	assert_true(has_note(p, "no CRLF"));
	sweep_prefixes(DLT_RAW, WHOIS_Q);
}

static void
test_rfb(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, tcp_pkt(1, 5900, TXT("RFB 003.008\n")));
	assert_chain(p, "ipv4 tcp vnc");
	assert_string_equal(field_n(p, "vnc.server_proto_ver", 0)->meaning,
	    "003.008");
	p = decode_hex(DLT_RAW, tcp_pkt(0, 5900, TXT("RFB 003.007\n")));
	assert_string_equal(field_n(p, "vnc.client_proto_ver", 0)->meaning,
	    "003.007");
	p = decode_hex(DLT_RAW, tcp_pkt(1, 5900, "03010212"));
	assert_chain(p, "ipv4 tcp vnc");
	assert_int_equal(fval(p, "vnc.num_security_types"), 3);
	assert_int_equal(field_n(p, "vnc.security_type", 2)->val, 18);
	p = decode_hex(DLT_RAW, tcp_pkt(0, 5900, "02"));
	assert_int_equal(fval(p, "vnc.client_security_type"), 2);
	/* A count that is not the rest's length: a later message, data. */
	p = decode_hex(DLT_RAW, tcp_pkt(1, 5900, "05010212"));
	assert_chain(p, "ipv4 tcp data");
	p = decode_hex(DLT_RAW, tcp_pkt(0, 5900, TXT("RFB 00x.008\n")));
	assert_chain(p, "ipv4 tcp data");
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 5900, "03010212"));
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 5900, TXT("RFB 003.008\n")));
}

#define UPREQ	"GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n" \
	"Connection: Upgrade\r\n\r\n"
#define UPRSP	"HTTP/1.1 101 Switching Protocols\r\nUpgrade: WebSocket\r\n" \
	"Connection: Upgrade\r\n\r\n"

static void
test_websocket_upgrade(void **state)
{
	const struct st_packet *p;
	char pay[2048];

	(void)state;
	p = decode_hex(DLT_RAW, tcp_pkt(0, 8081, TXT(UPREQ)));
	assert_chain(p, "ipv4 tcp http");
	/* The 101 and a first text frame "hi" in one segment. */
	snprintf(pay, sizeof(pay), "%s81026869", TXT(UPRSP));
	p = decode_hex(DLT_RAW, tcp_pkt(1, 8081, pay));
	assert_chain(p, "ipv4 tcp http websocket");
	assert_int_equal(fval(p, "http.response.code"), 101);
	assert_string_equal(field_n(p, "websocket.payload.text", 0)->meaning,
	    "hi");
	/* A later segment: HTTP hands it on, with no bytes of its own. */
	p = decode_hex(DLT_RAW, tcp_pkt(0, 8081, "8182010203046a6b"));
	assert_chain(p, "ipv4 tcp http websocket");
	assert_int_equal(layer(p, "http")->hdr_len, 0);
	assert_string_equal(field_n(p, "websocket.payload.text", 0)->meaning,
	    "ki");
	/* A frame cut at the segment's end is still a frame. */
	p = decode_hex(DLT_RAW, tcp_pkt(1, 8081, "827e01000001020304"));
	assert_chain(p, "ipv4 tcp http websocket");
	assert_int_equal(fval(p, "websocket.payload_length_ext_16"), 256);
	/* The middle of one (RSV bits set) is read as a frame all the
	 * same, as tshark does without desegmentation: its header only. */
	p = decode_hex(DLT_RAW, tcp_pkt(1, 8081, "f3f4f5f6f7"));
	assert_chain(p, "ipv4 tcp http websocket");
	assert_int_equal(fval(p, "websocket.rsv"), 7);
	sweep_prefixes(DLT_RAW, tcp_pkt(0, 8081, "8182010203046a6b"));
	snprintf(pay, sizeof(pay), "%s81026869", TXT(UPRSP));
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 8081, pay));
}

static void
test_connect_tunnel(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, tcp_pkt(0, 3129, TXT("CONNECT mx.example:25 "
	    "HTTP/1.1\r\nHost: mx.example:25\r\n\r\n")));
	assert_chain(p, "ipv4 tcp http");
	assert_string_equal(field_n(p, "http.proxy_connect_host", 0)->meaning,
	    "mx.example");
	assert_int_equal(fval(p, "http.proxy_connect_port"), 25);
	/* Before the answer, a segment is no tunnel's. */
	p = decode_hex(DLT_RAW, tcp_pkt(1, 3129, TXT("HTTP/1.1 200 Connection "
	    "established\r\n\r\n")));
	assert_chain(p, "ipv4 tcp http");
	p = decode_hex(DLT_RAW, tcp_pkt(1, 3129, TXT("220 mx.example ESMTP\r\n")));
	assert_chain(p, "ipv4 tcp http smtp");
	assert_string_equal(field_n(p, "http.proxy_connect_host", 0)->meaning,
	    "mx.example");
	assert_int_equal(fval(p, "http.proxy_connect_port"), 25);
	assert_int_equal(layer(p, "http")->hdr_len, 0);
	sweep_prefixes(DLT_RAW, tcp_pkt(0, 3129, TXT("EHLO c\r\n")));
}

/* An Upgrade token no decoder knows (Docker's attach, "Upgrade: tcp"):
 * later segments still pass through HTTP, a layer of no bytes, as data
 * (tshark: http:data), not read as HTTP nor as TCP again. */
static void
test_upgrade_unknown(void **state)
{
	const struct st_packet *p;

	(void)state;
	decode_hex(DLT_RAW, tcp_pkt(0, 2375, TXT("POST /attach HTTP/1.1\r\n"
	    "Upgrade: tcp\r\nConnection: Upgrade\r\n\r\n")));
	p = decode_hex(DLT_RAW, tcp_pkt(1, 2375, TXT("HTTP/1.1 101 UPGRADED\r\n"
	    "Upgrade: tcp\r\nConnection: Upgrade\r\n\r\n")));
	assert_chain(p, "ipv4 tcp http");
	assert_int_equal(fval(p, "http.response.code"), 101);
	p = decode_hex(DLT_RAW, tcp_pkt(1, 2375, "2f202320"));
	assert_chain(p, "ipv4 tcp http data");
	assert_int_equal(layer(p, "http")->hdr_len, 0);
	assert_int_equal(fval(p, "data.len"), 4);
	/* a segment that starts as an HTTP message is read as one, as
	 * Wireshark does when the upgrade names no dissector */
	p = decode_hex(DLT_RAW, tcp_pkt(0, 2375, TXT("GET / HTTP/1.1\r\n\r\n")));
	assert_chain(p, "ipv4 tcp http");
	assert_string_equal(field_n(p, "http.request.method", 0)->meaning,
	    "GET");
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 2375, "2f202320"));
}

/* Without a 2xx the CONNECT opens nothing. */
static void
test_connect_refused(void **state)
{
	const struct st_packet *p;

	(void)state;
	decode_hex(DLT_RAW, tcp_pkt(0, 3129, TXT("CONNECT mx.example:25 "
	    "HTTP/1.1\r\n\r\n")));
	decode_hex(DLT_RAW, tcp_pkt(1, 3129, TXT("HTTP/1.1 403 Forbidden\r\n"
	    "\r\n")));
	p = decode_hex(DLT_RAW, tcp_pkt(1, 3129, TXT("220 mx.example\r\n")));
	assert_null(last_layer(p, "smtp"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_finger, fresh),
		cmocka_unit_test_setup(test_whois, fresh),
		cmocka_unit_test_setup(test_rfb, fresh),
		cmocka_unit_test_setup(test_websocket_upgrade, fresh),
		cmocka_unit_test_setup(test_connect_tunnel, fresh),
		cmocka_unit_test_setup(test_connect_refused, fresh),
		cmocka_unit_test_setup(test_upgrade_unknown, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
