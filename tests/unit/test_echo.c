/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a ping reads of what comes back, through the protocols' echo
 * descriptors: replies and errors classified, the token and checksum of a
 * reply, the source address, what an error says.
 */
#include "testutil.h"

#include "strata/craft.h"
#include "strata/ping.h"

static struct st_packet got;
static uint8_t gbuf[ST_PKT_MAX];
static const uint8_t dst4[4] = { 198, 18, 0, 2 };
static const uint8_t dst6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

static void
test_classify(void **state)
{
	uint16_t seq = 0;
	unsigned ttl = 0;
	size_t len = 0;

	(void)state;
	craft(&got, gbuf, "ip(src=198.18.0.2,dst=198.18.0.1,ttl=61)/icmp(type="
	    "echo-reply,id=7,seq=3)");
	assert_int_equal(st_echo_classify(&got, 4, dst4, 7, &seq, &ttl, &len),
	    ST_ECHO_REPLY);
	assert_int_equal(seq, 3);
	assert_int_equal(ttl, 61);
	assert_int_equal(len, 8);
	assert_int_equal(st_echo_classify(&got, 4, dst4, 8, &seq, &ttl, &len),
	    ST_ECHO_NONE);
	assert_int_equal(st_echo_classify(&got, 6, dst6, 7, &seq, &ttl, &len),
	    ST_ECHO_NONE);
	craft(&got, gbuf, "ip(src=198.18.0.9,dst=198.18.0.1)/icmp(type=11,"
	    "code=0)/ip(src=198.18.0.1,dst=198.18.0.2)/icmp(type=echo-request,"
	    "id=7,seq=5)");
	assert_int_equal(st_echo_classify(&got, 4, dst4, 7, &seq, &ttl, &len),
	    ST_ECHO_ERROR);
	assert_int_equal(seq, 5);
	craft(&got, gbuf, "ipv6(src=2001:db8::2,dst=2001:db8::1,hlim=60)/icmpv6("
	    "type=echo-reply,id=7,seq=4)");
	assert_int_equal(st_echo_classify(&got, 6, dst6, 7, &seq, &ttl, &len),
	    ST_ECHO_REPLY);
	assert_int_equal(seq, 4);
	assert_int_equal(ttl, 60);
}

static void
test_token_and_checksum(void **state)
{
	const uint8_t token[8] = { 't', 'o', 'k', 'e', 'n', '!', '!', '!' };

	(void)state;
	craft(&got, gbuf, "ip(src=198.18.0.2,dst=198.18.0.1)/icmp(type=echo-"
	    "reply,id=7,seq=3)/\"0123456789abcdeftoken!!!\"");
	assert_true(st_echo_token_ok(&got, token, sizeof(token)));
	assert_false(st_echo_bad_checksum(&got));
	craft(&got, gbuf, "ip(src=198.18.0.2,dst=198.18.0.1)/icmp(type=echo-"
	    "reply,id=7,seq=3,chksum=1)/\"0123456789abcdefTOKEN!!!\"");
	assert_false(st_echo_token_ok(&got, token, sizeof(token)));
	assert_true(st_echo_bad_checksum(&got));
}

static void
test_source_and_error(void **state)
{
	struct st_echo_error e;
	uint8_t a[16];

	(void)state;
	craft(&got, gbuf, "ip(src=198.18.0.9,dst=198.18.0.1)/icmp(type=3,"
	    "code=4,mtu=1400)/ip(src=198.18.0.1,dst=198.18.0.2)/udp()");
	assert_int_equal(st_pkt_src_addr(&got, a), 4);
	assert_memory_equal(a, "\xc6\x12\x00\x09", 4);
	assert_int_equal(st_echo_error_info(&got, &e), 0);
	assert_int_equal(e.fam, 4);
	assert_int_equal(e.type, 3);
	assert_int_equal(e.code, 4);
	assert_true(e.has_mtu);
	assert_int_equal(e.mtu, 1400);
	craft(&got, gbuf, "ipv6(src=2001:db8::9,dst=2001:db8::1)/icmpv6(type=4,"
	    "code=0,ptr=40)/ipv6(src=2001:db8::1,dst=2001:db8::2)/udp()");
	assert_int_equal(st_pkt_src_addr(&got, a), 16);
	assert_int_equal(a[15], 9);
	assert_int_equal(st_echo_error_info(&got, &e), 0);
	assert_int_equal(e.fam, 6);
	assert_int_equal(e.ptr, 40);
	craft(&got, gbuf, "ip(src=198.18.0.9,dst=198.18.0.1)/udp()");
	assert_int_equal(st_echo_error_info(&got, &e), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_token_and_checksum),
		cmocka_unit_test(test_source_and_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
