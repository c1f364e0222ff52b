/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DTLS (src/proto/dtls.c, its handshake bodies through tlshs.c): a
 * ClientHello with its cookie found by content on an unbound port, a
 * HelloVerifyRequest, two records in one datagram (ChangeCipherSpec and
 * an encrypted Finished), a plain alert, a fragment; a record cut by the
 * capture, one whose length runs past the datagram, bytes the heuristic
 * must refuse; every shorter prefix.
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
test_bad(void **state)
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_client_hello, fresh),
		cmocka_unit_test_setup(test_hello_verify, fresh),
		cmocka_unit_test_setup(test_records, fresh),
		cmocka_unit_test_setup(test_bad, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
