/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The dtls family.  DTLS (src/proto/dtls.c, its handshake bodies through
 * tlshs.c): a ClientHello with its cookie found by content on an unbound
 * port, a HelloVerifyRequest, two records in one datagram
 * (ChangeCipherSpec and an encrypted Finished), a plain alert, a
 * fragment; a record cut by the capture, one whose length runs past the
 * datagram, bytes the heuristic must refuse.  STUN (src/proto/stun.c):
 * an ICE Binding Request found by content, its Success Response with
 * XOR-MAPPED-ADDRESS (IPv4 and IPv6) put back, an Error Response,
 * FINGERPRINT verified and refused, over UDP and TCP 3478; a message cut
 * by the capture, one whose attribute runs past it, bytes the heuristic
 * must refuse.  Teredo (src/proto/teredo.c): the authentication and
 * origin indication headers before the IPv6 packet, either or none; a
 * header cut by the capture, one longer than the datagram, no IPv6
 * after them.  Every shorter prefix of one frame of each.
 */
#include <stdio.h>

#include "strata/expect.h"
#include "testutil.h"

static char hexbuf[4096];

/* An IPv4/UDP packet 198.18.0.1:sport -> 198.18.0.2:dport carrying pay
 * (hex), no UDP checksum. */
static const char *
udp_pkt(unsigned sport, unsigned dport, const char *pay)
{
	size_t n = strlen(pay) / 2;

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx000040004011000"
	    "0c6120001c6120002%04x%04x%04zx0000%s", 28 + n, sport, dport,
	    8 + n, pay);
	return hexbuf;
}

/* A ClientHello (record sequence 1, message sequence 1) with the cookie
 * a1..b0, suites c02b c02f, extensions supported_groups, ec_point_formats,
 * signature_algorithms, extended_master_secret, use_srtp. */
#define CLIENT_HELLO \
	"16fefd00000000000000010071010000650001000000000065fefd0001020304" \
	"05060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f0010a1a2a3" \
	"a4a5a6a7a8a9aaabacadaeafb00004c02bc02f01000027000a00060004001d00" \
	"17000b00020100000d000600040403040100170000000e00050002000100"

/* A HelloVerifyRequest with the cookie c0c1c2c3, from UDP 5684 (CoAP
 * over DTLS) to 40000: a whole raw IPv4 packet. */
#define HELLO_VERIFY \
	"4500003c000040004011000" "0c6120002c6120001" "16349c4000280000" \
	"16feff00000000000000000013" "030000070000000000000007" \
	"feff04c0c1c2c3"

/* A Binding Request: USERNAME alice:bob, PRIORITY, ICE-CONTROLLING,
 * USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT 0xa59b44a1. */
#define REQUEST \
	"000100482112a442b7e7a701bc34d686fa87dfae00060009616c6963653a626f" \
	"62000000002400046e7f00ff802a000800010203040506070025000000080014" \
	"eba6ca75e3b4de7340ddeff7e00bca88c413bc1180280004a59b44a1"

/* Its Success Response from UDP 3478: XOR-MAPPED-ADDRESS and
 * MAPPED-ADDRESS 198.51.100.7:40001, SOFTWARE, an unknown attribute
 * 0xc0ff of 3 bytes, FINGERPRINT; a whole raw IPv4 packet. */
#define RESPONSE \
	"4500006c000140004011ae58c6120002c6120001" "0d969c40005800000101003c" \
	"2112a442b7e7a701bc34d686fa87dfae002000080001bd53e721c04500010008" \
	"00019c41c63364078022000f737472617461207465737420312e3000c0ff0003" \
	"010203008028000470cd94da"

/* An Error Response: ERROR-CODE 401 Unauthorized, ICE-CONTROLLED. */
#define ERROR_RESPONSE \
	"011100202112a442b7e7a701bc34d686fa87dfae0009001000000401556e6175" \
	"74686f72697a65648029000808090a0b0c0d0e0f"

/* A Success Response with XOR-MAPPED-ADDRESS [2001:db8::42]:5000. */
#define RESPONSE6 \
	"010100182112a442b7e7a701bc34d686fa87dfae002000140002329a0113a9fa" \
	"b7e7a701bc34d686fa87dfec"

/* A router advertisement's way in: the authentication header (nonce
 * 0001..07), the origin indication (198.51.100.9:40000, inverted), then
 * a router solicitation (the IPv6 packet). */
#define TEREDO_AUTH_ORIGIN \
	"00010000000102030405060700000063bf39cc9bf66000000000083a40fe8000" \
	"00000000008000f227ce7dff53ff020000000000000000000000000002850030" \
	"3d00000000"

/* The same from UDP 3544 to 40000, a whole raw IPv4 packet. */
#define TEREDO_FRAME \
	"45000061000140004011ae63c6120002c61200010dd89c40004d342f00010000" \
	"000102030405060700000063bf39cc9bf66000000000083a40fe800000000000" \
	"008000f227ce7dff53ff02000000000000000000000000000285003d3d000000" \
	"00"

/* A bubble behind an authentication header with a client identifier
 * "abcd" and the value 0102. */
#define TEREDO_AUTH_ID \
	"000104026162636401020000000000000000006000000000003b4020010db800" \
	"0000000000000000000002200100004136e378800063bf3ffffdd2"

/* Each test starts with no conversation claimed by the heuristic. */
static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

static void
test_client_hello(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(40000, 4433, CLIENT_HELLO));
	assert_chain(p, "ipv4 udp dtls");
	assert_int_equal(fval(p, "dtls.record.content_type"), 22);
	assert_int_equal(fval(p, "dtls.record.version"), 0xfefd);
	assert_int_equal(fval(p, "dtls.record.epoch"), 0);
	assert_int_equal(fval(p, "dtls.record.sequence_number"), 1);
	assert_int_equal(field_n(p, "dtls.record.sequence_number", 0)->bits,
	    48);
	assert_int_equal(fval(p, "dtls.record.length"), 113);
	assert_int_equal(fval(p, "dtls.handshake.type"), 1);
	assert_int_equal(fval(p, "dtls.handshake.length"), 101);
	assert_int_equal(fval(p, "dtls.handshake.message_seq"), 1);
	assert_int_equal(fval(p, "dtls.handshake.fragment_offset"), 0);
	assert_int_equal(fval(p, "dtls.handshake.fragment_length"), 101);
	assert_int_equal(fval(p, "dtls.handshake.version"), 0xfefd);
	assert_int_equal(fval(p, "dtls.handshake.cookie_length"), 16);
	assert_int_equal(field_n(p, "dtls.handshake.cookie", 0)->bits, 128);
	assert_int_equal(fval(p, "dtls.handshake.ciphersuite"), 0xc02b);
	assert_int_equal(field_n(p, "dtls.handshake.ciphersuite", 1)->val,
	    0xc02f);
	assert_int_equal(fval(p, "dtls.handshake.extensions_supported_group"),
	    0x001d);
	/* Wireshark's JA3 of a DTLS hello, and no JA4 (it gives none). */
	assert_string_equal(field_n(p, "dtls.handshake.ja3_full", 0)->meaning,
	    "65277,49195-49199,10-11-13-23-14,29-23,0");
	assert_false(has_field(p, "dtls.handshake.ja4"));
	/* use_srtp: one profile, no MKI. */
	assert_int_equal(fval(p, "dtls.use_srtp.protection_profiles_length"),
	    2);
	assert_int_equal(fval(p, "dtls.use_srtp.protection_profile"), 1);
	assert_int_equal(fval(p, "dtls.use_srtp.mki_length"), 0);
	assert_false(has_field(p, "tls.handshake.type"));
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(40000, 4433,
	    CLIENT_HELLO)), "dtls client hello"));
	sweep_prefixes(DLT_RAW, udp_pkt(40000, 4433, CLIENT_HELLO));
}

static void
test_hello_verify(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, HELLO_VERIFY);
	assert_chain(p, "ipv4 udp dtls");
	assert_int_equal(fval(p, "dtls.record.version"), 0xfeff);
	assert_int_equal(fval(p, "dtls.handshake.type"), 3);
	assert_int_equal(fval(p, "dtls.handshake.version"), 0xfeff);
	assert_int_equal(fval(p, "dtls.handshake.cookie_length"), 4);
	assert_int_equal(field_n(p, "dtls.handshake.cookie", 0)->bitoff,
	    (28 + 13 + 12 + 3) * 8);
	sweep_prefixes(DLT_RAW, HELLO_VERIFY);
}

static void
test_records(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* ChangeCipherSpec, then the encrypted Finished in epoch 1. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 4433, "14fefd00000000000000"
	    "0200010116fefd00010000000000000018404142434445464748494a4b4c4d"
	    "4e4f5051525354555657"));
	assert_chain(p, "ipv4 udp dtls dtls");
	assert_true(has_field(p, "dtls.change_cipher_spec"));
	assert_int_equal(field_n(p, "dtls.record.epoch", 1)->val, 1);
	assert_int_equal(field_n(p, "dtls.handshake", 0)->bits, 24 * 8);
	assert_false(has_field(p, "dtls.handshake.type"));
	/* A plain alert: fatal, handshake failure. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 4433, "15fefd0000000000000003"
	    "00020228"));
	assert_int_equal(fval(p, "dtls.alert_message.level"), 2);
	assert_int_equal(fval(p, "dtls.alert_message.desc"), 40);
	/* The first 4 bytes of a 256-byte Certificate: the header only. */
	p = decode_hex(DLT_RAW, udp_pkt(5684, 40000, "16fefd000000000000000"
	    "40010" "0b0001000003000000000004" "30820100"));
	assert_int_equal(fval(p, "dtls.handshake.fragment_length"), 4);
	assert_false(has_field(p, "dtls.handshake.certificates_length"));
	assert_true(has_note(p, "fragment of a handshake message"));
}

static void
test_dtls_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* A record header cut by the capture: truncated. */
	n = hexbytes(udp_pkt(40000, 5684, CLIENT_HELLO));
	st_pkt_reset(&tpkt, tbuf, 28 + 5, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	assert_chain(p, "ipv4 udp dtls");
	assert_int_equal(p->layers[2].status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "dtls.record.epoch"), 0);
	assert_false(has_field(p, "dtls.record.sequence_number"));
	/* The same datagram ending there: malformed. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5684, "16fefd0000"));
	assert_chain(p, "ipv4 udp dtls");
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
	/* The hello cut inside its cipher suites: as far as it goes. */
	n = hexbytes(udp_pkt(40000, 5684, CLIENT_HELLO));
	st_pkt_reset(&tpkt, tbuf, 28 + 13 + 12 + 2 + 32 + 1 + 1 + 16 + 3,
	    (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	assert_int_equal(p->layers[2].status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "dtls.handshake.cookie_length"), 16);
	assert_int_equal(fval(p, "dtls.handshake.cipher_suites_length"), 4);
	assert_false(has_field(p, "dtls.handshake.ciphersuite"));
	/* A length past the datagram, all captured: malformed. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5684, "17fefd00010000000000"
	    "010040aabbcc"));
	assert_chain(p, "ipv4 udp dtls");
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
	/* Not a record on a DTLS port: data. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5684, "0102030405060708090a0b"
	    "0c0d0e0f"));
	assert_chain(p, "ipv4 udp data");
	/* By content, the records must end where the datagram does. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 4433, "17fefd00010000000000"
	    "010004aabbccddee"));
	assert_chain(p, "ipv4 udp data");
	p = decode_hex(DLT_RAW, udp_pkt(40000, 4433, "17fefd00010000000000"
	    "010004aabbccdd"));
	assert_chain(p, "ipv4 udp dtls");
	/* A TLS version is no DTLS record. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 4433, "170303000100000000000"
	    "0010004aabbccdd"));
	assert_chain(p, "ipv4 udp data");
}

static void
test_stun_request(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(40000, 50000, REQUEST));
	assert_chain(p, "ipv4 udp stun");
	assert_int_equal(fval(p, "stun.type"), 0x0001);
	assert_int_equal(fval(p, "stun.type.class"), 0);
	assert_int_equal(fval(p, "stun.type.method"), 1);
	assert_int_equal(fval(p, "stun.length"), 72);
	assert_int_equal(field_n(p, "stun.id", 0)->bits, 96);
	assert_string_equal(field_n(p, "stun.att.username", 0)->meaning,
	    "alice:bob");
	assert_int_equal(fval(p, "stun.att.padding"), 3);
	assert_int_equal(fval(p, "stun.att.priority"), 0x6e7f00ff);
	assert_int_equal(field_n(p, "stun.att.tie-breaker", 0)->bits, 64);
	assert_int_equal(field_n(p, "stun.att.type", 3)->val, 0x0025);
	assert_int_equal(field_n(p, "stun.att.type.comprehension", 2)->val,
	    1);
	assert_int_equal(field_n(p, "stun.att.hmac", 0)->bits, 160);
	assert_int_equal(fval(p, "stun.att.crc32"), 0xa59b44a1);
	assert_int_equal(field_n(p, "stun.att.crc32", 0)->ck, ST_CK_GOOD);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(40000, 50000,
	    REQUEST)), "stun Binding Request user alice:bob"));
	/* A FINGERPRINT one bit off is bad, and says what it should be. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 50000, "000100102112a442b7e7"
	    "a701bc34d686fa87dfae00060001780000008028000431d98295"));
	assert_int_equal(field_n(p, "stun.att.crc32", 0)->ck, ST_CK_BAD);
	assert_int_equal(field_n(p, "stun.att.crc32", 0)->aux, 0x31d98294);
	assert_int_equal(fval(p, "stun.att.crc32.status"), ST_CK_BAD);
	sweep_prefixes(DLT_RAW, udp_pkt(40000, 50000, REQUEST));
}

static void
test_stun_responses(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, RESPONSE);
	assert_chain(p, "ipv4 udp stun");
	assert_int_equal(fval(p, "stun.type.class"), 0x10);
	assert_int_equal(fval(p, "stun.att.family"), 1);
	/* XOR'd port and address put back, the wire's bytes beside them. */
	assert_int_equal(field_n(p, "stun.att.port", 0)->val, 40001);
	assert_string_equal(field_n(p, "stun.att.ipv4", 0)->meaning,
	    "198.51.100.7");
	assert_int_equal(field_n(p, "stun.att.ipv4-xord", 0)->bits, 32);
	assert_int_equal(field_n(p, "stun.att.port", 1)->val, 40001);
	assert_string_equal(field_n(p, "stun.att.software", 0)->meaning,
	    "strata test 1.0");
	assert_int_equal(fval(p, "strata.stun.att.unknown_type"), 0xc0ff);
	assert_int_equal(field_n(p, "stun.value", 0)->bits, 24);
	assert_int_equal(field_n(p, "stun.att.crc32", 0)->ck, ST_CK_GOOD);
	sweep_prefixes(DLT_RAW, RESPONSE);
	p = decode_hex(DLT_RAW, udp_pkt(3478, 40000, ERROR_RESPONSE));
	assert_int_equal(fval(p, "stun.type.class"), 0x11);
	assert_int_equal(fval(p, "stun.att.error.class"), 4);
	assert_int_equal(fval(p, "stun.att.error"), 1);
	assert_string_equal(field_n(p, "stun.att.error.reason", 0)->meaning,
	    "Unauthorized");
	p = decode_hex(DLT_RAW, udp_pkt(3478, 40000, RESPONSE6));
	assert_int_equal(fval(p, "stun.att.family"), 2);
	assert_int_equal(fval(p, "stun.att.port"), 5000);
	assert_string_equal(field_n(p, "stun.att.ipv6", 0)->meaning,
	    "2001:db8::42");
}

static void
test_stun_tcp(void **state)
{
	const struct st_packet *p;
	char hex[1024];
	size_t n = strlen(ERROR_RESPONSE) / 2;

	(void)state;
	/* Two messages in one segment to TCP 3478: one layer each. */
	snprintf(hex, sizeof(hex), "4500%04zx00004000400600" "00c6120001c6120002"
	    "9c400d960000000100000001501820000000" "0000%s%s", 40 + 2 * n,
	    ERROR_RESPONSE, ERROR_RESPONSE);
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 tcp stun stun");
	assert_int_equal(field_n(p, "stun.att.error.class", 1)->val, 4);
}

static void
test_stun_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* A message cut by the capture: truncated, as far as it goes. */
	n = hexbytes(udp_pkt(40000, 3478, REQUEST));
	st_pkt_reset(&tpkt, tbuf, 28 + 20 + 8, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	assert_chain(p, "ipv4 udp stun");
	assert_int_equal(p->layers[2].status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "stun.att.length"), 9);
	/* An attribute running past the message's length: malformed. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3478, "000100082112a442b7e7"
	    "a701bc34d686fa87dfae0006000c616c6963"));
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
	/* A length past the datagram, all captured: malformed. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3478, "000100402112a442b7e7"
	    "a701bc34d686fa87dfae"));
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
	/* No magic cookie on 3478 (classic STUN): data. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3478, "000100000000000000000"
	    "000000000000000000000"));
	assert_chain(p, "ipv4 udp data");
	/* By content, the length must end at the datagram's end. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 50000, ERROR_RESPONSE "00"));
	assert_chain(p, "ipv4 udp data");
}

static void
test_teredo(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(3544, 40000, TEREDO_AUTH_ORIGIN));
	assert_chain(p, "ipv4 udp teredo ipv6 icmpv6");
	assert_int_equal(fval(p, "strata.teredo.auth.indicator"), 1);
	assert_int_equal(fval(p, "teredo.auth.idlen"), 0);
	assert_int_equal(fval(p, "teredo.auth.aulen"), 0);
	assert_int_equal(field_n(p, "teredo.auth.nonce", 0)->bitoff,
	    (28 + 4) * 8);
	assert_int_equal(field_n(p, "teredo.auth.conf", 0)->bits, 8);
	assert_int_equal(fval(p, "strata.teredo.orig.indicator"), 0);
	assert_int_equal(fval(p, "teredo.orig.port"), 40000);
	assert_string_equal(field_n(p, "teredo.orig.addr", 0)->meaning,
	    "198.51.100.9");
	assert_int_equal(fval(p, "ipv6.nxt"), 58);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(3544, 40000,
	    TEREDO_AUTH_ORIGIN)), "teredo auth origin 198.51.100.9:40000"));
	p = decode_hex(DLT_RAW, TEREDO_FRAME);
	assert_chain(p, "ipv4 udp teredo ipv6 icmpv6");
	assert_int_equal(fval(p, "udp.srcport"), 3544);
	sweep_prefixes(DLT_RAW, TEREDO_FRAME);
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3544, TEREDO_AUTH_ID));
	assert_chain(p, "ipv4 udp teredo ipv6");
	assert_int_equal(fval(p, "teredo.auth.idlen"), 4);
	assert_int_equal(field_n(p, "teredo.auth.id", 0)->bits, 32);
	assert_int_equal(field_n(p, "teredo.auth.value", 0)->bits, 16);
	assert_false(has_field(p, "teredo.orig.port"));
	/* No header: the IPv6 packet straight away. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3544, "6000000000003b40"
	    "20010db8000000000000000000000002200100004136e378800063bf3ffffdd2"));
	assert_chain(p, "ipv4 udp teredo ipv6");
}

static void
test_teredo_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* The authentication header cut by the capture: truncated. */
	n = hexbytes(udp_pkt(40000, 3544, TEREDO_AUTH_ID));
	st_pkt_reset(&tpkt, tbuf, 28 + 10, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	assert_chain(p, "ipv4 udp teredo");
	assert_int_equal(p->layers[2].status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "teredo.auth.aulen"), 2);
	/* An identifier longer than the datagram: malformed. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3544, "0001ff00616263"));
	assert_chain(p, "ipv4 udp teredo");
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
	/* After the headers, no IPv6 packet: data. */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3544, "000063bf39cc9bf6"
	    "4500001c"));
	assert_chain(p, "ipv4 udp teredo data");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_client_hello, fresh),
		cmocka_unit_test_setup(test_hello_verify, fresh),
		cmocka_unit_test_setup(test_records, fresh),
		cmocka_unit_test_setup(test_dtls_bad, fresh),
		cmocka_unit_test_setup(test_stun_request, fresh),
		cmocka_unit_test_setup(test_stun_responses, fresh),
		cmocka_unit_test_setup(test_stun_tcp, fresh),
		cmocka_unit_test_setup(test_stun_bad, fresh),
		cmocka_unit_test_setup(test_teredo, fresh),
		cmocka_unit_test_setup(test_teredo_bad, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
