/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which reply answers which probe (st_match_reply, through the protocols'
 * probe hooks): echo replies by identifier and sequence, timestamps,
 * transports by swapped ports, ICMP errors by the packet they quote, and
 * the near misses of each.
 */
#include "testutil.h"

#include "strata/craft.h"
#include "strata/match.h"
#include "strata/net.h"

static struct st_packet sent, got;
static uint8_t sbuf[ST_PKT_MAX], gbuf[ST_PKT_MAX];

static int
match(const char *probe, const char *reply)
{
	craft(&sent, sbuf, probe);
	craft(&got, gbuf, reply);
	return st_match_reply(&sent, &got);
}

#define ME	"198.18.0.1"
#define HOST	"198.18.0.2"
#define HOP	"198.18.0.9"

static void
test_echo(void **state)
{
	const char *req = "ip(src=" ME ",dst=" HOST ")/icmp(type=echo-request,"
	    "id=7,seq=3)";

	(void)state;
	assert_true(match(req, "ip(src=" HOST ",dst=" ME ")/icmp(type="
	    "echo-reply,id=7,seq=3)"));
	assert_false(match(req, "ip(src=" HOST ",dst=" ME ")/icmp(type="
	    "echo-reply,id=7,seq=4)"));
	assert_false(match(req, "ip(src=" HOST ",dst=" ME ")/icmp(type="
	    "echo-reply,id=8,seq=3)"));
	assert_false(match(req, "ip(src=" HOP ",dst=" ME ")/icmp(type="
	    "echo-reply,id=7,seq=3)"));
	assert_false(match(req, "ip(src=" HOST ",dst=" ME ")/icmp(type="
	    "echo-request,id=7,seq=3)"));
	assert_false(match(req, "ip(src=" HOST ",dst=" ME ")/udp(sport=1,"
	    "dport=2)"));
	assert_true(match("ip(src=" ME ",dst=" HOST ")/icmp(type=13,id=5)",
	    "ip(src=" HOST ",dst=" ME ")/icmp(type=14,id=5)"));
	assert_false(match("ip(src=" ME ",dst=" HOST ")/icmp(type=13,id=5)",
	    "ip(src=" HOST ",dst=" ME ")/icmp(type=14,id=6)"));
}

static void
test_echo6(void **state)
{
	const char *req = "ipv6(src=2001:db8::1,dst=2001:db8::2)/icmpv6(type="
	    "echo-request,id=7,seq=3)";

	(void)state;
	assert_true(match(req, "ipv6(src=2001:db8::2,dst=2001:db8::1)/icmpv6("
	    "type=echo-reply,id=7,seq=3)"));
	assert_false(match(req, "ipv6(src=2001:db8::2,dst=2001:db8::1)/"
	    "icmpv6(type=echo-reply,id=7,seq=9)"));
	assert_false(match(req, "ip(src=" HOST ",dst=" ME ")/icmp(type="
	    "echo-reply,id=7,seq=3)"));
}

static void
test_ports(void **state)
{
	const char *udp = "ip(src=" ME ",dst=" HOST ")/udp(sport=1000,dport=53)";
	const char *tcp = "ip(src=" ME ",dst=" HOST ")/tcp(sport=1000,dport=80,"
	    "flags=S)";

	(void)state;
	assert_true(match(udp, "ip(src=" HOST ",dst=" ME ")/udp(sport=53,"
	    "dport=1000)"));
	assert_false(match(udp, "ip(src=" HOST ",dst=" ME ")/udp(sport=53,"
	    "dport=1001)"));
	assert_false(match(udp, "ip(src=" HOST ",dst=" ME ")/tcp(sport=53,"
	    "dport=1000)"));
	assert_true(match(tcp, "ip(src=" HOST ",dst=" ME ")/tcp(sport=80,"
	    "dport=1000,flags=SA)"));
	assert_false(match(tcp, "ip(src=" HOST ",dst=" ME ")/tcp(sport=81,"
	    "dport=1000,flags=SA)"));
	assert_false(match("ip(src=" ME ",dst=" HOST ",proto=99)",
	    "ip(src=" HOST ",dst=" ME ")/udp(sport=53,dport=1000)"));
}

static void
test_errors(void **state)
{
	const char *udp = "ip(src=" ME ",dst=" HOST ")/udp(sport=1000,dport=9)";
	const char *ping = "ip(src=" ME ",dst=" HOST ")/icmp(type=echo-request,"
	    "id=7,seq=3)";

	(void)state;
	/* From the destination or from a router on the way. */
	assert_true(match(udp, "ip(src=" HOST ",dst=" ME ")/icmp(type=3,"
	    "code=3)/ip(src=" ME ",dst=" HOST ")/udp(sport=1000,dport=9)"));
	assert_true(match(udp, "ip(src=" HOP ",dst=" ME ")/icmp(type=11,"
	    "code=0)/ip(src=" ME ",dst=" HOST ")/udp(sport=1000,dport=9)"));
	assert_false(match(udp, "ip(src=" HOP ",dst=" ME ")/icmp(type=11,"
	    "code=0)/ip(src=" ME ",dst=" HOST ")/udp(sport=1001,dport=9)"));
	assert_false(match(udp, "ip(src=" HOP ",dst=" ME ")/icmp(type=11,"
	    "code=0)/ip(src=" ME ",dst=" HOP ")/udp(sport=1000,dport=9)"));
	assert_false(match(udp, "ip(src=" HOP ",dst=" ME ")/icmp(type=11,"
	    "code=0)/ip(src=" ME ",dst=" HOST ")/tcp(sport=1000,dport=9)"));
	assert_true(match(ping, "ip(src=" HOP ",dst=" ME ")/icmp(type=11,"
	    "code=0)/ip(src=" ME ",dst=" HOST ")/icmp(type=echo-request,id=7,"
	    "seq=3)"));
	assert_false(match(ping, "ip(src=" HOP ",dst=" ME ")/icmp(type=11,"
	    "code=0)/ip(src=" ME ",dst=" HOST ")/icmp(type=echo-request,id=7,"
	    "seq=4)"));
	assert_true(match("ipv6(src=2001:db8::1,dst=2001:db8::2)/udp(sport="
	    "1000,dport=9)", "ipv6(src=2001:db8::9,dst=2001:db8::1)/icmpv6("
	    "type=1,code=4)/ipv6(src=2001:db8::1,dst=2001:db8::2)/udp(sport="
	    "1000,dport=9)"));
	assert_false(match("ipv6(src=2001:db8::1,dst=2001:db8::2)/udp(sport="
	    "1000,dport=9)", "ipv6(src=2001:db8::9,dst=2001:db8::1)/icmpv6("
	    "type=1,code=4)/ipv6(src=2001:db8::1,dst=2001:db8::3)/udp(sport="
	    "1000,dport=9)"));
}

/* The time between a request and its answer, whatever the timestamps: a
 * hostile file's may be 2^40 seconds apart (the multiplication of their
 * difference by 10^9 overflowed, found by the file fuzz target). */
static void
test_delta(void **state)
{
	static struct st_packet pkt;
	struct st_dctx d;
	struct st_match m;
	char buf[64];

	(void)state;
	memset(&d, 0, sizeof(d));
	memset(&m, 0, sizeof(m));
	d.pkt = &pkt;
	pkt.ts.tv_sec = 100;
	pkt.ts.tv_nsec = 250000000;
	m.ts.tv_sec = 98;
	m.ts.tv_nsec = 750000000;
	st_match_delta(&d, &m, buf, sizeof(buf));
	assert_string_equal(buf, "1.500000000");
	m.ts.tv_sec = 100;
	st_match_delta(&d, &m, buf, sizeof(buf));
	assert_string_equal(buf, "-0.500000000");
	m.ts.tv_sec = 101;
	st_match_delta(&d, &m, buf, sizeof(buf));
	assert_string_equal(buf, "-1.500000000");
	m.ts.tv_sec = 100;
	m.ts.tv_nsec = 250000000;
	st_match_delta(&d, &m, buf, sizeof(buf));
	assert_string_equal(buf, "0.000000000");
	pkt.ts.tv_sec = 5116089174517LL;
	m.ts.tv_sec = 100;
	st_match_delta(&d, &m, buf, sizeof(buf));
	assert_string_equal(buf, "5116089174417.000000000");
	pkt.ts.tv_sec = INT64_MAX;
	m.ts.tv_sec = -2;
	st_match_delta(&d, &m, buf, sizeof(buf));
	assert_string_equal(buf, "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_echo),
		cmocka_unit_test(test_echo6),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_delta),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
