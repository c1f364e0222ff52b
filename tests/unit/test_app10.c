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
#include "strata/match.h"
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

/* Sends one frame of the VNC conversation: back, from the server. */
static const struct st_packet *
vnc(int back, const char *hex)
{
	static uint64_t num;
	const char *h = tcp_pkt(back, 5900, hex);
	size_t n = hexbytes(h);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = ++num;	/* the conversation's order: later frames */
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

#define SINIT	"0400030020180001" "00ff00ff00ff1008" "00000000" \
	"00000007" "6465736b746f70"

/* A whole 3.8 session, each message read by the state it comes in. */
static void
test_rfb(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	p = vnc(1, TXT("RFB 003.008\n"));
	assert_chain(p, "ipv4 tcp vnc");
	assert_string_equal(field_n(p, "vnc.server_proto_ver", 0)->meaning,
	    "003.008");
	p = vnc(0, TXT("RFB 003.008\n"));
	assert_string_equal(field_n(p, "vnc.client_proto_ver", 0)->meaning,
	    "003.008");
	p = vnc(1, "03010212");
	assert_int_equal(fval(p, "vnc.num_security_types"), 3);
	assert_int_equal(field_n(p, "vnc.security_type", 2)->val, 18);
	p = vnc(0, "02");
	assert_int_equal(fval(p, "vnc.client_security_type"), 2);
	/* The challenge cut short: shown, marked, still expected. */
	p = vnc(1, "000102030405");
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	assert_int_equal(field_n(p, "vnc.auth_challenge", 0)->bits, 6 * 8);
	p = vnc(1, "000102030405060708090a0b0c0d0e0f");
	assert_int_equal(field_n(p, "vnc.auth_challenge", 0)->bits, 16 * 8);
	p = vnc(0, "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
	assert_true(has_field(p, "vnc.auth_response"));
	p = vnc(1, "00000000");
	assert_int_equal(fval(p, "vnc.auth_result"), 0);
	p = vnc(0, "01");
	assert_int_equal(fval(p, "vnc.share_desktop_flag"), 1);
	p = vnc(1, SINIT);
	assert_int_equal(fval(p, "vnc.width"), 1024);
	assert_int_equal(fval(p, "vnc.height"), 768);
	assert_int_equal(fval(p, "vnc.server_bits_per_pixel"), 32);
	assert_int_equal(fval(p, "vnc.server_depth"), 24);
	assert_int_equal(fval(p, "vnc.server_true_color_flag"), 1);
	assert_int_equal(fval(p, "vnc.server_red_shift"), 16);
	assert_int_equal(fval(p, "vnc.desktop_name_len"), 7);
	assert_string_equal(field_n(p, "vnc.desktop_name", 0)->meaning,
	    "desktop");
	/* Normal traffic: by direction. */
	p = vnc(0, "0200000300000000" "00000001ffffff21");
	assert_int_equal(fval(p, "vnc.client_message_type"), 2);
	assert_int_equal(fval(p, "vnc.client_set_encodings_num"), 3);
	assert_int_equal((int64_t)field_n(p,
	    "vnc.client_set_encodings_encoding_type", 2)->val, -223);
	p = vnc(0, "03000000000004000300");
	assert_int_equal(fval(p, "vnc.update_req_width"), 1024);
	assert_int_equal(fval(p, "vnc.update_req_incremental"), 0);
	p = vnc(1, "00000001" "0008000400020002" "00000000"
	    "000102030405060708090a0b0c0d0e0f");
	assert_int_equal(fval(p, "vnc.fb_update_num_rects"), 1);
	assert_int_equal(fval(p, "vnc.fb_update_x_pos"), 8);
	assert_int_equal(field_n(p, "vnc.raw_pixel_data", 0)->bits, 16 * 8);
	/* The same cut inside its pixels: marked, no pixels guessed. */
	p = vnc(1, "00000001" "0008000400020002" "00000000" "0001");
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "vnc.raw_pixel_data"));
	p = vnc(0, "0401000000000061");
	assert_int_equal(fval(p, "vnc.key_down"), 1);
	assert_int_equal(fval(p, "vnc.key"), 0x61);
	p = vnc(0, "0505006400c8");
	assert_int_equal(fval(p, "vnc.button_1_pos"), 1);
	assert_int_equal(fval(p, "vnc.button_2_pos"), 0);
	assert_int_equal(fval(p, "vnc.button_3_pos"), 1);
	assert_int_equal(fval(p, "vnc.pointer_y_pos"), 200);
	p = vnc(0, "06000000" "00000005" "68656c6c6f");
	assert_string_equal(field_n(p, "vnc.client_cut_text", 0)->meaning,
	    "hello");
	/* A length past the segment: the text is not made up. */
	p = vnc(0, "06000000" "000000ff" "68656c6c6f");
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "vnc.client_cut_text"));
	p = vnc(1, "02");
	assert_int_equal(fval(p, "vnc.server_message_type"), 2);
	/* The server's messages follow one another in a segment, as long
	 * as each one's length is known. */
	p = vnc(1, "0202" "00000001" "0000000000010001" "ffffff21");
	assert_int_equal(field_n(p, "vnc.server_message_type", 1)->val, 2);
	assert_int_equal(field_n(p, "vnc.server_message_type", 2)->val, 0);
	assert_int_equal((int64_t)fval(p, "vnc.fb_update_encoding_type"),
	    -223);
	/* An encoding cut short: no encoding made up. */
	p = vnc(1, "00000001" "0000000000010001" "ffff");
	assert_false(has_field(p, "vnc.fb_update_encoding_type"));
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	p = vnc(1, "01000000" "0002" "ffff00000000" "0000ffff0000");
	assert_int_equal(fval(p, "vnc.colormap_groups"), 2);
	assert_int_equal(field_n(p, "vnc.colormap_green", 1)->val, 0xffff);
	/* A colour count no segment holds: bounded, marked. */
	p = vnc(1, "01000000" "ffff" "ffff");
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	p = vnc(1, "03000000" "00000003" "616263");
	assert_string_equal(field_n(p, "vnc.server_cut_text", 0)->meaning,
	    "abc");
	/* Rectangles the segment cannot hold: the loop ends with it. */
	p = vnc(1, "0000ffff" "0000000000010001" "00000001" "00000000");
	assert_int_equal(fval(p, "vnc.fb_update_num_rects"), 0xffff);
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 5900, "00000001"
	    "0008000400020002" "00000000" "000102030405060708090a0b0c0d0e0f"));
	sweep_prefixes(DLT_RAW, tcp_pkt(0, 5900, "0200000300000000"
	    "00000001ffffff21"));
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 5900, TXT("RFB 003.008\n")));
}

/* The handshake's states go by packet order, a list cut short keeps its
 * state (tshark's reading of zeek's vnc-scanner capture); before any
 * ProtocolVersion the layer is empty, as tshark's. */
static void
test_rfb_states(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	p = vnc(0, "0401000000000061");
	assert_chain(p, "ipv4 tcp vnc");
	assert_int_equal(last_layer(p, "vnc")->nfields, 0);
	vnc(1, TXT("RFB 003.008\n"));
	vnc(0, TXT("RFB 003.008\n"));
	p = vnc(1, "02");
	assert_int_equal(last_layer(p, "vnc")->status, ST_LS_TRUNCATED);
	p = vnc(1, "02");	/* the server again, still the list */
	assert_int_equal(fval(p, "vnc.num_security_types"), 2);
	p = vnc(1, "00000001");
	assert_int_equal(fval(p, "vnc.num_security_types"), 0);
	p = vnc(1, "00000029");
	assert_int_equal(fval(p, "vnc.client_security_type"), 0);
	p = vnc(1, "41");	/* an unknown type leaves the state */
	assert_int_equal(fval(p, "vnc.client_security_type"), 0x41);
	/* 3.3: the server's four-byte choice, None: ClientInit next. */
	st_match_clear();
	vnc(1, TXT("RFB 003.003\n"));
	vnc(0, TXT("RFB 003.003\n"));
	p = vnc(1, "00000001");
	assert_int_equal(fval(p, "vnc.server_security_type"), 1);
	p = vnc(0, "00");
	assert_int_equal(fval(p, "vnc.share_desktop_flag"), 0);
	/* 3.8's failure and its reason. */
	st_match_clear();
	vnc(1, TXT("RFB 003.008\n"));
	vnc(0, TXT("RFB 003.008\n"));
	vnc(1, "0102");
	vnc(0, "02");
	vnc(1, "00000000000000000000000000000000");
	vnc(0, "00000000000000000000000000000000");
	p = vnc(1, "00000001" "00000003" "426164");
	assert_int_equal(fval(p, "vnc.auth_result"), 1);
	assert_string_equal(field_n(p, "vnc.auth_error", 0)->meaning, "Bad");
	sweep_prefixes(DLT_RAW, tcp_pkt(1, 5900, "00000001" "00000003"
	    "426164"));
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
		cmocka_unit_test_setup(test_rfb_states, fresh),
		cmocka_unit_test_setup(test_websocket_upgrade, fresh),
		cmocka_unit_test_setup(test_connect_tunnel, fresh),
		cmocka_unit_test_setup(test_connect_refused, fresh),
		cmocka_unit_test_setup(test_upgrade_unknown, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
