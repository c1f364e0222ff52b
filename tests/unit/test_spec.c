/* SPDX-License-Identifier: BSD-3-Clause */
/* The spec parser: valid specs, and every error with its position. */
#include "testutil.h"

#include "strata/craft.h"
#include "strata/protos.h"

static struct st_spec sp;
static struct st_spec_err err;

static void
test_valid(void **state)
{
	const struct st_spec_set *s;

	(void)state;
	assert_int_equal(st_spec_parse("ip(dst=127.0.0.1,ttl=3,id=0x1234)/"
	    "icmp(type=echo-request,id=7,seq=1)/\"hello\"", &sp, &err), 0);
	assert_int_equal(sp.nlayers, 2);
	assert_ptr_equal(sp.layers[0].proto, &st_proto_ipv4);
	s = st_spec_get(&sp.layers[0], "ttl");
	assert_int_equal(s->val, 3);
	assert_int_equal(s->col, 22);
	assert_int_equal(st_spec_get(&sp.layers[0], "id")->val, 0x1234);
	assert_int_equal(st_spec_get(&sp.layers[0], "dst")->val, 0x7f000001);
	assert_int_equal(st_spec_get(&sp.layers[1], "type")->val, 8);
	assert_int_equal(sp.paylen, 5);
	assert_memory_equal(sp.payload, "hello", 5);
}

static void
test_names_flags_options(void **state)
{
	(void)state;
	assert_int_equal(st_spec_parse("ip(dst=127.0.0.1)/tcp(dport=80,"
	    "flags=SA,mss=1460,wscale=7,sackok,ts=1:0,sack=1:2+3:4)", &sp,
	    &err), 0);
	assert_int_equal(st_spec_get(&sp.layers[1], "flags")->val, 0x12);
	assert_int_equal(sp.layers[1].optlen, 4 + 3 + 2 + 10 + 18);
	assert_int_equal(st_spec_parse("ip(options=ra+lsrr:198.18.0.1:"
	    "198.18.0.2+nop)/icmp(type=destination-unreachable,code=port-"
	    "unreachable)", &sp, &err), 0);
	assert_int_equal(sp.layers[0].optlen, 4 + 11 + 1);
	assert_int_equal(sp.layers[0].opts[4], 131);
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 3);
	/* rr and ts without a count take the room the others leave. */
	assert_int_equal(st_spec_parse("ip(options=ra+rr)/icmp", &sp, &err), 0);
	assert_int_equal(sp.layers[0].optlen, 4 + 35);
	assert_int_equal(sp.layers[0].opts[5], 35);
	assert_int_equal(st_spec_parse("ip(options=rr+ts)/icmp", &sp, &err), 0);
	assert_int_equal(sp.layers[0].optlen, 19 + 20);
	assert_int_equal(sp.layers[0].opts[19], 68);
	assert_int_equal(st_spec_parse("ip(options=rr:2)/icmp", &sp, &err), 0);
	assert_int_equal(sp.layers[0].optlen, 11);
	assert_int_equal(st_spec_parse("ipv6(dst=::1,hlim=9)/icmpv6(type="
	    "echo-request,id=3,seq=4)/hex:00ff", &sp, &err), 0);
	assert_int_equal(sp.paylen, 2);
	assert_int_equal(sp.payload[1], 0xff);
	assert_int_equal(st_spec_parse("eth(src=02:00:00:00:00:01)/ip/udp/"
	    "\"a\\tb\\x41\\n\"", &sp, &err), 0);
	assert_memory_equal(sp.payload, "a\tbA\n", 5);
	assert_int_equal(st_spec_parse("ip/udp/@/etc/hostname", &sp, &err),
	    0);
	assert_string_equal(sp.payfile, "/etc/hostname");
}

/* Each error: the message and the column it points at. */
static void
expect_error(const char *spec, unsigned col, const char *msg)
{
	assert_int_equal(st_spec_parse(spec, &sp, &err), -1);
	if (strstr(err.msg, msg) == NULL || err.col != col)
		fail_msg("'%s': got %u '%s', want %u '%s'", spec, err.col,
		    err.msg, col, msg);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("ip(dst=127.0.0.1,tll=3)", 18,
	    "unknown field 'tll' in ip (did you mean 'ttl'?)");
	expect_error("ip(ttl=256)", 8, "ip ttl: 256 is out of range (8 bits: "
	    "0..255)");
	expect_error("ip(frag=8192)", 9, "out of range (13 bits: 0..8191)");
	expect_error("ip(dst=1.2.3)", 8, "'1.2.3' is not an IPv4 address");
	expect_error("ipv6(dst=::g)", 10, "not an IPv6 address");
	expect_error("ip/icnp", 4, "unknown layer 'icnp' (did you mean "
	    "'icmp'?)");
	expect_error("ip/xyzzy", 4, "unknown layer 'xyzzy'");
	expect_error("udp(dport=53)", 1, "a packet starts with eth, ip or "
	    "ipv6");
	expect_error("ip(ttl=3", 9, "missing ')'");
	expect_error("ip(ttl=3)x", 10, "expected '/' between layers");
	expect_error("ip/\"abc", 4, "unterminated string");
	expect_error("ip/\"a\"/udp", 7, "the payload must be the last layer");
	expect_error("ip(ttl=3,ttl=4)", 10, "ip ttl given twice");
	expect_error("ip(ttl)", 4, "ip ttl needs a value");
	expect_error("ip/icmp(type=echo-reqest)", 14, "is not a number or a "
	    "known name");
	expect_error("ip/icmp(type=3,code=no-such)", 21, "'no-such' is not a "
	    "code of this icmp type");
	expect_error("ip/tcp(flags=SX)", 14, "'SX' is not a number");
	expect_error("ip/tcp(mss=70000)", 12, "tcp mss");
	expect_error("ip/tcp(ts=5)", 11, "not VAL:ECR");
	expect_error("ip/tcp(sackok=1)", 15, "takes no value");
	expect_error("ip(options=bogus)", 12, "unknown IPv4 option 'bogus'");
	expect_error("ip(options=rr:9+rr:9)", 12, "options exceed 40 bytes");
	expect_error("ip(options=rr:0)", 12, "rr: '0' is not a number of "
	    "slots 1..9");
	expect_error("ip(options=raw:9404000000000000000000000000000000000000"
	    "0000000000000000000000000000+rr)", 12, "no room for rr");
	expect_error("ip/hex:abc", 8, "hex: needs pairs of hex digits");
	expect_error("eth(dst=01:02)", 9, "not a MAC address");
	expect_error("ip/tcp(msss=1)", 8, "did you mean 'mss'?");
}


/* The layers come from the registry's descriptors, in its order. */
static void
test_layer_names(void **state)
{
	static const char *const names[] = { "eth", "ip", "ipv6", "hbh",
		"routing", "frag", "dstopts", "icmp", "icmpv6", "tcp", "udp",
		"sctp", "dccp", NULL };
	const struct st_spec_proto *l = st_spec_list();
	unsigned i;

	(void)state;
	for (i = 0; names[i] != NULL; i++)
		assert_string_equal(l[i].name, names[i]);
	assert_null(l[i].name);
	/* The alias. */
	assert_int_equal(st_spec_parse("ipv4(ttl=1)/udp", &sp, &err), 0);
	assert_ptr_equal(sp.layers[0].proto, l[1].proto);
	expect_error("ip/3", 4, "unknown layer '3' (did you mean 'ip'?)");
	expect_error("ip/xyzzy", 4, "unknown layer 'xyzzy' (eth, ip, ipv6, "
	    "hbh, routing, frag, dstopts, icmp, icmpv6, tcp, udp, sctp, "
	    "dccp)");
	expect_error("ip/(", 4, "expected a layer (eth, ip, ipv6, hbh, "
	    "routing, frag, dstopts, icmp, icmpv6, tcp, udp, sctp, dccp) or a "
	    "payload (\"text\", hex:, @file)");
	expect_error("udp(dport=53)", 1, "a packet starts with eth, ip or "
	    "ipv6, not udp");
	expect_error("\"x\"", 1, "a packet starts with eth, ip or ipv6");
}

/* The protocols' hooks: option keys, values, names after another field. */
static void
test_hooks(void **state)
{
	const struct st_proto *tcp = st_spec_list()[9].proto;
	const struct st_proto *ip = st_spec_list()[1].proto;
	struct st_spec_opts o = { .n = 0 };
	const char *hint = NULL;
	uint64_t v;

	(void)state;
	assert_int_equal(tcp->craft->key("mss", "1460", &o, 1, 5, &err), 0);
	assert_int_equal(tcp->craft->key("nop", NULL, &o, 1, 5, &err), 0);
	assert_int_equal(o.n, 5);
	assert_memory_equal(o.b, "\x02\x04\x05\xb4\x01", 5);
	assert_int_equal(tcp->craft->key("mss", NULL, &o, 3, 7, &err), -1);
	assert_int_equal(err.col, 3);
	assert_int_equal(ip->craft->key("options", "ra", &o, 1, 9, &err), 0);
	assert_int_equal(o.n, 9);
	assert_int_equal(o.b[5], 148);
	assert_int_equal(ip->craft->key("options", "rr:9", &o, 1, 9, &err),
	    -1);
	assert_int_equal(err.col, 9);
	assert_string_equal(err.msg, "options exceed 40 bytes");
	assert_int_equal(tcp->craft->value(st_desc_find("tcp.flags"), "fa", &v,
	    &hint), 1);
	assert_int_equal(v, 0x11);
	assert_int_equal(tcp->craft->value(st_desc_find("tcp.seq_raw"), "S",
	    &v, &hint), 0);
	/* Messages name the spec's words, at the column of the value. */
	expect_error("ip/tcp(flags=SX)", 14, "'SX' is not a number or flag "
	    "letters FSRPAUEC (tcp flags)");
	expect_error("ip/icmp(id=abc)", 12, "'abc' is not a number (icmp id)");
	expect_error("ip/tcp(optionz=1)", 8, "unknown field 'optionz' in tcp "
	    "(strata send --list shows them)");
	expect_error("ip(optionz=1)", 4, "unknown field 'optionz' in ip (did "
	    "you mean 'options'?)");
	expect_error("ip(options)", 4, "ip options needs a value: "
	    "options=ra+rr");
	expect_error("ip/tcp(mss)", 8, "tcp mss needs a value");
	expect_error("ip/icmp(code=no-such)", 14, "'no-such' is not a code of "
	    "this icmp type");
	expect_error("ipv6/icmpv6(code=no-such)", 18, "'no-such' is not a code "
	    "of this icmpv6 type");
	/* A code by name waits for the type, given after it. */
	assert_int_equal(st_spec_parse("ipv6/icmpv6(code=port-unreachable,"
	    "type=1)", &sp, &err), 0);
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 4);
	assert_int_equal(st_spec_parse("ip/icmp(type=Echo_Request)", &sp,
	    &err), 0);
	assert_int_equal(st_spec_get(&sp.layers[1], "type")->val, 8);
}

static void
test_load_missing_file(void **state)
{
	(void)state;
	assert_int_equal(st_spec_parse("ip/udp/@/nonexistent/x", &sp, &err), 0);
	assert_int_equal(st_spec_load(&sp, &err), -1);
	assert_non_null(strstr(err.msg, "No such file"));
	assert_int_equal(err.col, 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_names_flags_options),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_layer_names),
		cmocka_unit_test(test_hooks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
