/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network services: DNS's EDNS OPT record (cookie, client subnet), the
 * flags a query carries, question name length and labels; mDNS and LLMNR
 * as layers of their own.  Every shorter prefix decodes without a crash.
 */
#include "testutil.h"

#define EDNS \
	"02020202020204040404040408004500005c00010000401100007f000001" \
	"7f0000029c40003500480000abcd01200001000000000001016101620000" \
	"01000100002904d0010080000020000a00100102030405060708090a0b0c" \
	"0d0e0f100008000800011800c0000200"
#define BADOPT \
	"02020202020204040404040408004500003500010000401100007f000001" \
	"7f00000200359c4000210000abcd81800000000000000001000029020000" \
	"0000000028000a"
#define MDNS \
	"02020202020204040404040408004500003f00010000401100007f000001" \
	"7f00000214e914e9002b00000000840000000001000000000178056c6f63" \
	"616c00000180010000007800040a000001"
#define LLMNR \
	"02020202020204040404040408004500003200010000401100007f000001" \
	"7f0000029c4014eb001e000012340500000100000000000004686f737400" \
	"00010001"

static void
test_edns(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, EDNS);

	(void)state;
	assert_chain(p, "eth ipv4 udp dns");
	/* A query: no authoritative, recursion available or reply code. */
	assert_false(has_field(p, "dns.flags.authoritative"));
	assert_false(has_field(p, "dns.flags.recavail"));
	assert_false(has_field(p, "dns.flags.rcode"));
	assert_int_equal(fval(p, "dns.flags.authenticated"), 1);
	assert_int_equal(fval(p, "dns.qry.name.len"), 3);
	assert_int_equal(fval(p, "dns.count.labels"), 2);
	assert_false(has_field(p, "dns.resp.class"));
	assert_false(has_field(p, "dns.resp.ttl"));
	assert_int_equal(fval(p, "dns.rr.udp_payload_size"), 1232);
	assert_int_equal(fval(p, "dns.resp.ext_rcode"), 1);
	assert_int_equal(fval(p, "dns.resp.edns0_version"), 0);
	assert_int_equal(fval(p, "dns.resp.z"), 0x8000);
	assert_int_equal(fval(p, "dns.resp.z.do"), 1);
	assert_int_equal(fval(p, "dns.resp.z.reserved"), 0);
	assert_int_equal(fval(p, "dns.resp.len"), 32);
	assert_int_equal(field_n(p, "dns.opt.code", 0)->val, 10);
	assert_int_equal(field_n(p, "dns.opt.len", 0)->val, 16);
	assert_int_equal(field_n(p, "dns.opt.cookie.client", 0)->bits, 64);
	assert_int_equal(field_n(p, "dns.opt.cookie.server", 0)->bits, 64);
	assert_int_equal(field_n(p, "dns.opt.code", 1)->val, 8);
	assert_int_equal(fval(p, "dns.opt.client.family"), 1);
	assert_int_equal(fval(p, "dns.opt.client.netmask"), 24);
	assert_int_equal(fval(p, "dns.opt.client.scope"), 0);
	assert_true(has_field(p, "dns.opt.client.addr4"));
	assert_int_equal(layer(p, "dns")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, EDNS);

	/* The OPT record's data runs past the message: malformed. */
	p = decode_hex(DLT_EN10MB, BADOPT);
	assert_int_equal(layer(p, "dns")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "dns.rr.udp_payload_size"), 512);
	sweep_prefixes(DLT_EN10MB, BADOPT);
}

static void
test_mdns_llmnr(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, MDNS);

	(void)state;
	assert_chain(p, "eth ipv4 udp mdns");
	assert_int_equal(fval(p, "dns.resp.class"), 1);
	assert_int_equal(fval(p, "dns.resp.cache_flush"), 1);
	assert_true(has_field(p, "dns.a"));
	sweep_prefixes(DLT_EN10MB, MDNS);

	p = decode_hex(DLT_EN10MB, LLMNR);
	assert_chain(p, "eth ipv4 udp llmnr");
	assert_int_equal(fval(p, "dns.flags.conflict"), 1);
	assert_int_equal(fval(p, "dns.flags.tentative"), 1);
	assert_false(has_field(p, "dns.flags.recdesired"));
	assert_false(has_field(p, "dns.flags.rcode"));
	assert_int_equal(fval(p, "dns.qry.name.len"), 4);
	sweep_prefixes(DLT_EN10MB, LLMNR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edns),
		cmocka_unit_test(test_mdns_llmnr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
