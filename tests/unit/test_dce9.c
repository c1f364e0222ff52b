/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The dce9 family: DCE/RPC stub data and auth padding as Wireshark shows
 * them (a bound context to a known interface: payload_stub_data; to an
 * unknown one: unknown_if_id and stub_data; no bind seen: Wireshark's
 * reading up to the fragment's last pad-length bytes; packet privacy:
 * encrypted_stub_data), and a response on a bound context paired with
 * its request; every shorter prefix of each PDU.
 */
#include <stdio.h>

#include "testutil.h"
#include "strata/match.h"

#define EPM_UUID	"0883afe11f5dc91191a408002b14a0fa"
#define ODD_UUID	"083afbe2bd2a1d4d8f3dd3c4c5d2a7a6"
/* A bind of context 0 to interface u, NDR transfer syntax. */
#define BIND(u)	"05000b03" "10000000" "4800" "0000" "01000000" "b810b810" \
	"00000000" "01000000" "0000" "0100" u "03000000" \
	"045d888aeb1cc9119fe808002b104860" "02000000"
/* Request call 2 opnum 3 and its response, 8 bytes of stub each. */
#define REQ	"05000003" "10000000" "2000" "0000" "02000000" "08000000" \
	"0000" "0300" "1111111111111111"
#define RSP	"05000203" "10000000" "2000" "0000" "02000000" "08000000" \
	"0000" "0000" "3333333333333333"
/* Request call 5 opnum 1: 8 bytes of stub, 4 of auth padding, NTLMSSP
 * connect-level trailer (pad length 4), a 16-byte verifier. */
#define AREQ(lv) "05000003" "10000000" "3c00" "1000" "05000000" "0c000000" \
	"0000" "0100" "1111111111111111" "00000000" "0a" lv "0400" \
	"01000000" "01000000" "222222222222222222222222"

static char hexbuf[2048];

/* 198.18.0.1:40000 -> 198.18.0.2:135 over TCP (back: the other way). */
static const char *
pkt(int back, const char *pay)
{
	size_t n = strlen(pay) / 2;
	unsigned sp = back ? 135 : 40000, dp = back ? 40000 : 135;
	const char *a = back ? "c6120002c6120001" : "c6120001c6120002";

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx0000400040060000"
	    "%s%04x%04x0000000100000001501820000000" "0000%s", 40 + n, a,
	    sp, dp, pay);
	return hexbuf;
}

static const struct st_packet *
at(uint64_t num, long usec, const char *hex)
{
	tpkt.num = num;
	tpkt.ts.tv_sec = usec / 1000000;
	tpkt.ts.tv_nsec = usec % 1000000 * 1000;
	return decode_hex(DLT_RAW, hex);
}

static int
reset(void **state)
{
	(void)state;
	st_match_clear();
	return 0;
}

/* The n bytes at byte off of the DCE/RPC PDU (IPv4 + TCP before it). */
static void
assert_span(const struct st_field *f, size_t off, size_t n)
{
	assert_int_equal(f->bitoff, (40 + off) * 8);
	assert_int_equal(f->bits, n * 8);
}

static void
test_known_interface(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, 1000000, pkt(0, BIND(EPM_UUID)));
	assert_chain(p, "ipv4 tcp dcerpc");
	p = at(2, 1000100, pkt(0, REQ));
	assert_span(field_n(p, "dcerpc.payload_stub_data", 0), 24, 8);
	assert_false(has_field(p, "dcerpc.stub_data"));
	assert_false(has_field(p, "dcerpc.request_in"));
	p = at(3, 1000475, pkt(1, RSP));
	assert_int_equal(fval(p, "dcerpc.request_in"), 2);
	assert_int_equal(fval(p, "dcerpc.opnum"), 3);
	assert_string_equal(field_n(p, "dcerpc.time", 0)->meaning,
	    "0.000375000");
	assert_span(field_n(p, "dcerpc.payload_stub_data", 0), 24, 8);
	assert_false(has_field(p, "dcerpc.unknown_if_id"));
	sweep_prefixes(DLT_RAW, pkt(1, RSP));
}

static void
test_unknown_interface(void **state)
{
	const struct st_packet *p;

	(void)state;
	at(1, 1000000, pkt(0, BIND(ODD_UUID)));
	p = at(2, 1000100, pkt(0, AREQ("02")));
	assert_int_equal(fval(p, "dcerpc.unknown_if_id"), 1);
	assert_span(field_n(p, "dcerpc.stub_data", 0), 24, 8);
	assert_span(field_n(p, "dcerpc.auth_padding", 0), 32, 4);
	assert_int_equal(fval(p, "dcerpc.auth_pad_len"), 4);
	/* Packet privacy: the stub is encrypted, no padding shown. */
	p = at(3, 1000200, pkt(0, AREQ("06")));
	assert_span(field_n(p, "dcerpc.encrypted_stub_data", 0), 24, 8);
	assert_false(has_field(p, "dcerpc.auth_padding"));
	sweep_prefixes(DLT_RAW, pkt(0, AREQ("02")));
}

static void
test_no_bind(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Wireshark's reading: the stub runs to the fragment's last 4
	 * bytes (the verifier's), which it calls the padding. */
	p = at(1, 1000000, pkt(0, AREQ("02")));
	assert_span(field_n(p, "dcerpc.stub_data", 0), 24, 32);
	assert_span(field_n(p, "dcerpc.auth_padding", 0), 56, 4);
	assert_false(has_field(p, "dcerpc.unknown_if_id"));
	/* A response with no bind seen pairs with nothing. */
	at(2, 1000100, pkt(0, REQ));
	p = at(3, 1000200, pkt(1, RSP));
	assert_false(has_field(p, "dcerpc.request_in"));
	assert_span(field_n(p, "dcerpc.stub_data", 0), 24, 8);
	/* A pad length past the stub: no stub, no padding, no crash. */
	p = at(4, 1000300, pkt(0, "05000003" "10000000" "2800" "0800"
	    "06000000" "00000000" "0000" "0000" "0a02ff00" "00000000"
	    "0100000000000000"));
	assert_int_equal(fval(p, "dcerpc.auth_pad_len"), 255);
	assert_false(has_field(p, "dcerpc.auth_padding"));
	assert_false(has_field(p, "dcerpc.stub_data"));
	sweep_prefixes(DLT_RAW, pkt(0, REQ));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_known_interface, reset),
		cmocka_unit_test_setup(test_unknown_interface, reset),
		cmocka_unit_test_setup(test_no_bind, reset),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
