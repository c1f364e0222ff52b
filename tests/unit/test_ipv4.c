/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv4: every header field, options, fragments, malformed headers. */
#include "testutil.h"

#define ETH "020000000002020000000001" "0800"
/* RR option (two addresses), EOL, router alert; a UDP datagram inside. */
#define IPOPT ETH "4900002e123440004011d0c7c6120001c6120002070b04c6120001" \
	"c6120002009404000014e90035000af62a6869"

static void
test_fields(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IPOPT);
	const struct st_field *ck;

	(void)state;
	assert_chain(p, "eth ipv4 udp data");
	assert_int_equal(fval(p, "ip.version"), 4);
	assert_int_equal(fval(p, "ip.hdr_len"), 36);
	assert_int_equal(fval(p, "ip.len"), 46);
	assert_int_equal(fval(p, "ip.id"), 0x1234);
	assert_int_equal(fval(p, "ip.flags"), 2);
	assert_int_equal(fval(p, "ip.flags.df"), 1);
	assert_int_equal(fval(p, "ip.flags.mf"), 0);
	assert_int_equal(fval(p, "ip.frag_offset"), 0);
	assert_int_equal(fval(p, "ip.ttl"), 64);
	assert_int_equal(fval(p, "ip.proto"), 17);
	ck = field_n(p, "ip.checksum", 0);
	assert_int_equal(ck->val, 0xd0c7);
	assert_int_equal(ck->ck, ST_CK_GOOD);
	/* Bit positions from the frame's start, as the RFC draws them. */
	assert_int_equal(field_n(p, "ip.ttl", 0)->bitoff, 14 * 8 + 64);
	assert_int_equal(field_n(p, "ip.frag_offset", 0)->bitoff, 14 * 8 + 51);
	assert_int_equal(field_n(p, "ip.frag_offset", 0)->bits, 13);
	assert_int_equal(layer(p, "ipv4")->hdr_len, 36);
	sweep_prefixes(DLT_EN10MB, IPOPT);
}

static void
test_options(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IPOPT);

	(void)state;
	assert_int_equal(field_n(p, "ip.opt.type", 0)->val, 7);
	assert_int_equal(fval(p, "ip.opt.len"), 11);
	assert_int_equal(fval(p, "ip.opt.ptr"), 4);
	assert_int_equal(field_n(p, "ip.rec_rt", 0)->bitoff, (34 + 3) * 8);
	assert_int_equal(field_n(p, "ip.rec_rt", 1)->val, 0xc6120002);
	assert_int_equal(field_n(p, "ip.opt.type", 1)->val, 0);
	/* After EOL the rest of the options area is padding. */
	assert_int_equal(field_n(p, "ip.opt.padding", 0)->bits, 4 * 8);
	assert_int_equal(layer(p, "ipv4")->status, ST_LS_OK);
}

static void
test_bad_checksum(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ETH
	    "4500001f1234400040119c73c6120001c612000203e807d0000b0000616263");
	const struct st_field *ck = field_n(p, "ip.checksum", 0);

	(void)state;
	assert_int_equal(ck->ck, ST_CK_BAD);
	assert_int_equal(ck->aux, 0x9c72);
	assert_string_equal(st_field_meaning(field_n(p, "ip.checksum.status",
	    0)), "bad");
}

static void
test_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* IHL 3: below the minimum. */
	p = decode_hex(DLT_RAW, "4300001f1234400040119c72c6120001c6120002");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	assert_non_null(strstr(p->layers[0].why, "header length 12"));
	/* Version 5 in a raw-IPv4 frame. */
	p = decode_hex(DLT_IPV4, "5500001f1234400040119c72c6120001c6120002");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	/* Total length below the header. */
	p = decode_hex(DLT_RAW, "450000101234400040119c72c6120001c6120002");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	/* Option length 1: options end, malformed, the datagram goes on. */
	p = decode_hex(DLT_RAW, "4600002400004000401100000a0000010a000002"
	    "44010000" "03e807d0000c000061626364");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	assert_chain(p, "ipv4 udp data");
	/* IHL past the capture: truncated, not malformed. */
	p = decode_hex(DLT_RAW, "4f00003c1234400040119c72c6120001c6120002");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);
}

/* A fragment past the first: its payload is not a transport header. */
static void
test_fragment(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW,
	    "4500001f123400b940119c72c6120001c612000203e807d0000b0000616263");

	(void)state;
	assert_int_equal(fval(p, "ip.frag_offset"), 0xb9 * 8);
	assert_chain(p, "ipv4 data");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_bad_checksum),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_fragment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
