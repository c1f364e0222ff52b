/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Claimed conversations (src/model/expect.c, the decode loop): once a
 * content heuristic recognised a conversation on a port no protocol binds,
 * its later segments, both ways, go to that protocol first; other
 * conversations are not touched, and a new capture forgets the claims.
 */
#include "testutil.h"

#include "strata/expect.h"

static uint8_t buf[ST_PKT_MAX];

#define REQ "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=40000,dport=5000," \
	"flags=PA)/\"POST /up HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n\""
#define BODY "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=40000,dport=5000," \
	"flags=PA,seq=100)/\"name=value&more=1\""
#define BACK "ip(src=198.18.0.2,dst=198.18.0.1)/tcp(sport=5000,dport=40000," \
	"flags=PA)/\"name=value&more=1\""
#define OTHER "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=40001," \
	"dport=5000,flags=PA)/\"name=value&more=1\""

static void
test_claim_both_ways(void **state)
{
	static struct st_packet p;

	(void)state;
	st_expect_clear();
	/* Before any request, the body's bytes are no protocol's. */
	assert_chain(craft(&p, buf, BODY), "ipv4 tcp data");
	assert_chain(craft(&p, buf, REQ), "ipv4 tcp http");
	/* An HTTP continuation: its bytes shown as data, as tshark. */
	assert_chain(craft(&p, buf, BODY), "ipv4 tcp http data");
	assert_chain(craft(&p, buf, BACK), "ipv4 tcp http data");
	/* Another conversation with the same server: not claimed. */
	assert_chain(craft(&p, buf, OTHER), "ipv4 tcp data");
	st_expect_clear();
	assert_chain(craft(&p, buf, BODY), "ipv4 tcp data");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_claim_both_ways),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
