/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Predictions: crafted packets, decoded, predicted; replies classified;
 * and the check of one against the other.
 */
#include "testutil.h"

#include "strata/craft.h"
#include "strata/predict.h"

static struct st_packet sent, got;
static uint8_t sbuf[ST_PKT_MAX], gbuf[ST_PKT_MAX];

static unsigned
expect(const char *spec, enum st_listen l, const char *text)
{
	struct st_prediction p;

	craft(&sent, sbuf, spec);
	st_predict(&sent, l, &p);
	if (strstr(p.text, text) == NULL)
		fail_msg("%s: '%s' lacks '%s'", spec, p.text, text);
	return p.expect;
}

static void
test_predictions(void **state)
{
	(void)state;
	assert_int_equal(expect("ip(dst=127.0.0.1)/icmp(type=echo-request,"
	    "id=7,seq=1)", ST_LISTEN_UNKNOWN, "echo reply from 127.0.0.1 with "
	    "id 7 and seq 1"), ST_OUT_ECHO);
	assert_int_equal(expect("ipv6(dst=::1)/icmpv6(type=echo-request,id=3,"
	    "seq=4)", ST_LISTEN_UNKNOWN, "id 3 and seq 4"), ST_OUT_ECHO);
	assert_int_equal(expect("ip(dst=127.0.0.1)/udp(dport=9)", ST_LISTEN_NO,
	    "port unreachable"), ST_OUT_PORT);
	assert_int_equal(expect("ip(dst=127.0.0.1)/tcp(dport=9,flags=S)",
	    ST_LISTEN_NO, "RST-ACK"), ST_OUT_RST);
	assert_int_equal(expect("ip(dst=127.0.0.1)/tcp(dport=9,flags=S)",
	    ST_LISTEN_YES, "kernel sends a RST"), ST_OUT_SYNACK);
	assert_int_equal(expect("ip(dst=127.0.0.1)/tcp(dport=9,flags=A)",
	    ST_LISTEN_YES, "no connection owns"), ST_OUT_RST);
	assert_int_equal(expect("ip(dst=127.0.0.1)/tcp(dport=9,flags=R)",
	    ST_LISTEN_YES, "no one answers a RST"), ST_OUT_NONE);
	assert_int_equal(expect("ip(dst=127.0.0.1)/icmp(type=echo-reply)",
	    ST_LISTEN_UNKNOWN, "never answer an ICMP reply"), ST_OUT_NONE);
	assert_int_equal(expect("ip(dst=127.0.0.1)/icmp(type=echo-request,"
	    "chksum=1)", ST_LISTEN_UNKNOWN, "icmp.checksum is wrong"),
	    ST_OUT_NONE);
	assert_int_equal(expect("ip(dst=127.0.0.1,mf=1)/icmp(type=echo-"
	    "request)", ST_LISTEN_UNKNOWN, "fragment"), ST_OUT_NONE);
	/* Short TTL to a host that is not this one: hop 3 may answer. */
	assert_true(expect("ip(dst=198.18.0.2,ttl=3)/udp(dport=33434)",
	    ST_LISTEN_UNKNOWN, "time exceeded from the router at hop 3") &
	    ST_OUT_TTL);
	/* On this host the TTL never runs out. */
	assert_false(expect("ip(dst=127.0.0.1,ttl=1)/icmp(type=echo-request)",
	    ST_LISTEN_UNKNOWN, "never forwarded") & ST_OUT_TTL);
}

static void
test_outcomes(void **state)
{
	struct st_prediction p;
	char line[512];

	(void)state;
	assert_int_equal(st_outcome(NULL), ST_OUT_NONE);
	craft(&got, gbuf, "ip(src=127.0.0.1)/icmp(type=echo-reply,id=7,seq=1)");
	assert_int_equal(st_outcome(&got), ST_OUT_ECHO);
	craft(&got, gbuf, "ip(src=198.18.0.1)/icmp(type=time-exceeded)/"
	    "ip(dst=198.18.0.2)/udp(dport=33434)");
	assert_int_equal(st_outcome(&got), ST_OUT_TTL);
	craft(&got, gbuf, "ip()/icmp(type=destination-unreachable,code=port-unreachable)"
	    "/ip()/udp(dport=9)");
	assert_int_equal(st_outcome(&got), ST_OUT_PORT);
	craft(&got, gbuf, "ip()/tcp(flags=SA)");
	assert_int_equal(st_outcome(&got), ST_OUT_SYNACK);
	craft(&got, gbuf, "ip()/tcp(flags=RA)");
	assert_int_equal(st_outcome(&got), ST_OUT_RST);

	craft(&sent, sbuf, "ip(dst=127.0.0.1)/udp(dport=9)");
	st_predict(&sent, ST_LISTEN_NO, &p);
	st_predict_check(&p, &got, line, sizeof(line));
	assert_string_equal(line, "not as predicted: a RST");
	st_predict_check(&p, NULL, line, sizeof(line));
	assert_non_null(strstr(line, "not as predicted: no reply"));
	craft(&got, gbuf, "ip()/icmp(type=destination-unreachable,code=port-unreachable)"
	    "/ip()/udp(dport=9)");
	st_predict_check(&p, &got, line, sizeof(line));
	assert_string_equal(line, "as predicted: a port unreachable");

	/* Off this host silence and a time exceeded are allowed for, but
	 * they are not what the text expected. */
	craft(&sent, sbuf, "ip(dst=198.18.0.2)/icmp(type=echo-request)");
	st_predict(&sent, ST_LISTEN_UNKNOWN, &p);
	st_predict_check(&p, NULL, line, sizeof(line));
	assert_non_null(strstr(line, "no reply: not the answer expected, but "
	    "one that happens off this host"));
	craft(&got, gbuf, "ip(src=198.18.0.1)/icmp(type=time-exceeded)/"
	    "ip(dst=198.18.0.2)/icmp(type=echo-request)");
	st_predict_check(&p, &got, line, sizeof(line));
	assert_non_null(strstr(line, "as allowed for: a time exceeded"));
	craft(&got, gbuf, "ip(src=198.18.0.2)/icmp(type=echo-reply)");
	st_predict_check(&p, &got, line, sizeof(line));
	assert_string_equal(line, "as predicted: an echo reply");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_predictions),
		cmocka_unit_test(test_outcomes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
