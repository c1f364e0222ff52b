/* SPDX-License-Identifier: BSD-3-Clause */
/* ICMP and ICMPv6: echo, errors quoting packets, neighbour discovery. */
#include "testutil.h"

#define ETH4 "020000000002020000000001" "0800"
#define ETH6 "020000000002020000000001" "86dd"
#define ECHO "000000000000000000000000080045000054" \
	"6d0040004001cfa67f0000017f00000108001303104200014d2c056b00000000" \
	"c34f000000000000101112131415161718191a1b1c1d1e1f2021222324252627" \
	"28292a2b2c2d2e2f3031323334353637"
/* Time exceeded from 198.18.1.1, quoting a UDP probe with TTL 1. */
#define TIMEX ETH4 "4500003800070000ff012e97c6120101c61200010b00c61b00000000" \
	"45000021424240000111ab62c6120001c6120002829a829b000d29a1"
#define NS ETH6 "6000000000203aff20010db8000000000000000000000001ff02000000" \
	"00000000000001ff00000287001c270000000020010db80000000000000000000000" \
	"020101020000000001"

static void
test_echo(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ECHO);

	(void)state;
	assert_int_equal(fval(p, "icmp.type"), 8);
	assert_string_equal(st_field_meaning(field_n(p, "icmp.type", 0)),
	    "echo request");
	assert_int_equal(fval(p, "icmp.code"), 0);
	assert_int_equal(fval(p, "icmp.ident"), 0x1042);
	assert_int_equal(fval(p, "icmp.seq"), 1);
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "data.len"), 56);
	sweep_prefixes(DLT_EN10MB, ECHO);
}

static void
test_error_quotes_packet(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, TIMEX);
	const struct st_layer *q;

	(void)state;
	assert_chain(p, "eth ipv4 icmp ipv4 udp");
	assert_int_equal(fval(p, "icmp.type"), 11);
	assert_string_equal(st_field_meaning(field_n(p, "icmp.code", 0)),
	    "TTL exceeded in transit");
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	q = &p->layers[3];
	assert_int_equal(q->depth, 1);
	assert_int_equal(q->off, 42);
	assert_int_equal(field_n(p, "ip.ttl", 1)->val, 1);
	assert_int_equal(field_n(p, "ip.id", 1)->val, 0x4242);
	assert_int_equal(fval(p, "udp.dstport"), 33435);
	/* The quoted UDP header is whole, its datagram is not. */
	assert_int_equal(field_n(p, "udp.checksum", 0)->ck, ST_CK_UNVERIFIED);
	assert_int_equal(p->layers[4].depth, 1);
	sweep_prefixes(DLT_EN10MB, TIMEX);
}

/* Errors quoting errors, 50 deep: the levels beyond the bound are data. */
static void
test_nesting_bound(void **state)
{
	static uint8_t b[50 * 28];
	const struct st_packet *p;
	size_t n = 0, i;
	int lvl;

	(void)state;
	/* Built from the inside out: each level wraps all of the next. */
	for (lvl = 0; lvl < 50; lvl++) {
		memmove(b + 28, b, n);
		memset(b, 0, 28);
		b[0] = 0x45;
		b[2] = (uint8_t)((n + 28) >> 8);
		b[3] = (uint8_t)(n + 28);
		b[8] = 64;
		b[9] = 1;
		b[20] = 11;
		n += 28;
	}
	st_pkt_reset(&tpkt, b, (uint32_t)n, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	for (i = 0; i < p->nlayers; i++)
		assert_true(p->layers[i].depth <= ST_MAX_DEPTH ||
		    (p->layers[i].depth == ST_MAX_DEPTH + 1 &&
		    p->layers[i].proto == &st_proto_data));
	assert_int_equal(p->layers[p->nlayers - 1].proto, &st_proto_data);
	assert_true(p->nnotes >= 1);
}

/*
 * A message of all zeros sums to zero: 0xffff is its checksum, and 0x0000
 * (the other zero of one's complement, which RFC 1624 updates produce)
 * is good too; the complement of the right value is not.
 */
static void
test_checksum_zero_forms(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, "4500001c00000000400100007f0000017f000001"
	    "0000ffff00000000");
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	p = decode_hex(DLT_RAW, "4500001c00000000400100007f0000017f000001"
	    "0000000000000000");
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	/* Echo request id 0x1234 seq 1: right 0xe5ca, its complement bad. */
	p = decode_hex(DLT_RAW, "4500001c00000000400100007f0000017f000001"
	    "0800e5ca12340001");
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	p = decode_hex(DLT_RAW, "4500001c00000000400100007f0000017f000001"
	    "08001a3512340001");
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_BAD);
	assert_int_equal(field_n(p, "icmp.checksum", 0)->aux, 0xe5ca);
}

static void
test_neighbor_solicitation(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, NS);

	(void)state;
	assert_chain(p, "eth ipv6 icmpv6");
	assert_int_equal(fval(p, "icmpv6.type"), 135);
	assert_int_equal(field_n(p, "icmpv6.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(field_n(p, "icmpv6.nd.ns.target_address", 0)->bitoff,
	    (54 + 8) * 8);
	assert_int_equal(fval(p, "icmpv6.opt.type"), 1);
	assert_int_equal(fval(p, "icmpv6.opt.length"), 1);
	assert_int_equal(fval(p, "icmpv6.opt.src_linkaddr"), 0x020000000001);
	sweep_prefixes(DLT_EN10MB, NS);
}

static void
test_nd_option_length_zero(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ETH6
	    "6000000000203aff20010db8000000000000000000000001ff02000000"
	    "00000000000001ff00000287001c270000000020010db80000000000000000"
	    "000000020100020000000001");

	(void)state;
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "icmpv6")->why, "length 0"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_echo),
		cmocka_unit_test(test_error_quotes_packet),
		cmocka_unit_test(test_nesting_bound),
		cmocka_unit_test(test_checksum_zero_forms),
		cmocka_unit_test(test_neighbor_solicitation),
		cmocka_unit_test(test_nd_option_length_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
