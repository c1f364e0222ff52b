/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tail9 family: the coverage gaps of already decoded protocols.
 * OpenFlow 1.3's groups, buckets, meters and queues (openflow4grp.c),
 * from frames of the zoo's of13_ericsson.pcapng (IPv4 onwards), with
 * every shorter prefix and malformed variants; IPX's either-end fields.
 */
#include "testutil.h"
#include "strata/match.h"

#define IPTCP(len) "4500" len "78d140004006c36c7f0000017f000001dcf219e9" \
	"39748e1ff1b8094780180056feac00000101080a003c790b003c790a"
/* ERROR (BAD_ACTION) carrying a GROUP_MOD: two buckets of actions. */
#define OFERR IPTCP("00b8") "040100840000008a00060001" \
	"040f00780000008a000103000000138800300064ffffffffffffffff00000000" \
	"0000001000000001ffff00000000000000160008000003e800150008000007d0" \
	"0028006400001388ffffffff0000000000170008050000000018000800000000" \
	"000b00080000000000100064ffffffff0000006400000000"
/* MULTIPART_REPLY METER: two meter statistics, three band counters. */
#define OFMETER IPTCP("00c4") "041300900000002800090000" \
	"0000000000000014003800000000000000000001000000000000001a00000000" \
	"000006180000005c0000cf08000000000000000000000000000000000000000a" \
	"004800000000000000000001000000000000001a00000000000006180000005c" \
	"0000e67800000000000000000000000000000000000000000000000000000000" \
	"00000000"
/* QUEUE_GET_CONFIG_REPLY: two queues with a MIN_RATE property each. */
#define OFQUEUE IPTCP("0084") "041700500000007e00000001" \
	"0000000000000001010000000020000000000000000100100000000003e80000" \
	"0000000000000002000000000020000000000000000100100000000000640000" \
	"00000000"

static void
test_of4_groupmod_in_error(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, OFERR);

	(void)state;
	assert_chain(p, "ipv4 tcp openflow openflow_v4");
	assert_int_equal(fval(p, "openflow_v4.groupmod.command"), 1);
	assert_int_equal(fval(p, "openflow_v4.groupmod.type"), 3);
	assert_int_equal(fval(p, "openflow_v4.groupmod.group_id"), 5000);
	assert_int_equal(field_n(p, "openflow_v4.bucket.length", 0)->val, 48);
	assert_int_equal(field_n(p, "openflow_v4.bucket.watch_port", 1)->val,
	    5000);
	assert_int_equal(field_n(p, "openflow_v4.bucket.watch_group", 2)->val,
	    100);
	assert_int_equal(field_n(p, "openflow_v4.action.type", 1)->val, 22);
	assert_int_equal(fval(p, "openflow_v4.action.group.group_id"), 1000);
	/* the data: bytes 12 to the end of the ERROR */
	assert_int_equal(field_n(p, "openflow_v4.error.data.body", 0)->bits,
	    120 * 8);
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, OFERR);
}

static void
test_of4_meter_stats(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, OFMETER);

	(void)state;
	assert_int_equal(field_n(p, "openflow_v4.meter_stats.meter_id", 1)->val,
	    10);
	assert_int_equal(field_n(p, "openflow_v4.meter_stats.length", 1)->val,
	    72);
	assert_int_equal(fval(p, "openflow_v4.meter_stats.byte_in_count"),
	    1560);
	assert_int_equal(fval(p, "openflow_v4.meter_stats.duration_nsec"),
	    53000);
	assert_non_null(field_n(p,
	    "openflow_v4.meter_band_stats.byte_band_count", 2));
	sweep_prefixes(DLT_RAW, OFMETER);
}

static void
test_of4_queue_config(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, OFQUEUE);

	(void)state;
	assert_int_equal(fval(p, "openflow_v4.queue_get_config_reply.port"), 1);
	assert_int_equal(field_n(p, "openflow_v4.packet_queue.queue_id", 1)->val,
	    2);
	assert_int_equal(fval(p, "openflow_v4.packet_queue.port"), 16777216);
	assert_int_equal(field_n(p, "openflow_v4.queue_prop.min_rate.rate",
	    1)->val, 100);
	sweep_prefixes(DLT_RAW, OFQUEUE);
}

/* A bucket whose length is below its 16 bytes, a queue longer than the
 * message: malformed, not read past. */
static void
test_of4_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, IPTCP("0054") "040f00200000008a00010300"
	    "00001388000800640000000000000000" "00000000");
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_RAW, IPTCP("0054") "041700200000007e00000001"
	    "00000000" "00000001010000000040000000000000");
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_MALFORMED);
}

/* IPX over EtherType 0x8137: a NetBIOS broadcast from network a8f87967
 * node 1 socket 0x0455 to all nodes of network 0, 4 bytes of data. */
#define IPXNB "ffffffffffff0000000000018137" "ffff002200140000000" \
	"0ffffffffffff0455a8f87967000000000001045501020304"

static void
test_ipx_either_end(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IPXNB);

	(void)state;
	assert_chain(p, "eth ipx nbipx");	/* socket 0x0455 (nbipx.c) */
	assert_string_equal(field_n(p, "ipx.addr", 0)->desc->name, "ipx.addr");
	assert_int_equal(field_n(p, "ipx.net", 1)->val, 0xa8f87967);
	assert_int_equal(field_n(p, "ipx.socket", 1)->val, 0x0455);
	assert_int_equal(field_n(p, "ipx.node", 1)->val, 1);
	assert_int_equal(field_n(p, "ipx.node", 0)->val, 0xffffffffffffULL);
	assert_int_equal(fval(p, "ipx.len"), 34);
	sweep_prefixes(DLT_EN10MB, IPXNB);
	/* a length below the header's 30 bytes */
	p = decode_hex(DLT_EN10MB, "ffffffffffff0000000000018137" "ffff001c0014"
	    "00000000ffffffffffff0455a8f87967000000000001045501020304");
	assert_int_equal(layer(p, "ipx")->status, ST_LS_MALFORMED);
}

/* HSRP advertise (op code 3): an interface-state TLV, Passive, one
 * passive group; then a cut one and one whose TLV is too short. */
#define HSRPADV "45c0002c0000000001111843c0a80014e000000207c107c10018de69" \
	"00030001000e02000000000100000000"

static void
test_hsrp_advertise(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, HSRPADV);

	(void)state;
	assert_chain(p, "ipv4 udp hsrp");
	assert_int_equal(fval(p, "hsrp.opcode"), 3);
	assert_int_equal(fval(p, "hsrp.adv.tlvtype"), 1);
	assert_int_equal(fval(p, "hsrp.adv.tlvlength"), 14);
	assert_int_equal(fval(p, "hsrp.adv.state"), 2);
	assert_int_equal(fval(p, "hsrp.adv.passivegrp"), 1);
	assert_int_equal(fval(p, "hsrp.adv.reserved2"), 0);
	assert_int_equal(layer(p, "hsrp")->hdr_len, 16);
	sweep_prefixes(DLT_RAW, HSRPADV);
	p = decode_hex(DLT_RAW, "45c0002c0000000001111843c0a80014e0000002"
	    "07c107c10018de6900030001000802000000000100000000");
	assert_int_equal(layer(p, "hsrp")->status, ST_LS_MALFORMED);
}

/* AoE: an Identify Device request (tag 0x0001cd4a) and its response; a
 * response pairs with the request of an earlier frame only, so a lone
 * one (frame numbers here are all the same) shows no request. */
#define AOEREQ "68a3c4f4841e20cf3002b05288a21000001400000001cd4a000001ec" \
	"000000a00000"
#define AOERSP "20cf3002b05268a3c4f4841e88a21800001400000001cd4a00000040" \
	"000000a00000"

static void
test_aoe_ata(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, AOEREQ);

	(void)state;
	assert_chain(p, "eth aoe");
	assert_int_equal(fval(p, "aoe.ata.cmd"), 0xec);
	assert_int_equal(fval(p, "aoe.tag"), 0x0001cd4a);
	sweep_prefixes(DLT_EN10MB, AOEREQ);
	p = decode_hex(DLT_EN10MB, AOERSP);
	assert_int_equal(fval(p, "aoe.ata.status"), 0x40);
	assert_false(has_field(p, "aoe.response_to"));
	sweep_prefixes(DLT_EN10MB, AOERSP);
}

/* Frame n of hex (link type lt), at n ms. */
static const struct st_packet *
decode_nth(int lt, const char *hex, uint64_t n)
{
	size_t len = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)len, (uint32_t)len);
	tpkt.num = n;
	tpkt.ts.tv_nsec = (long)n * 1000000;
	st_decode(&tpkt, lt);
	return &tpkt;
}

static void
test_aoe_pairing(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	(void)decode_nth(DLT_EN10MB, AOEREQ, 4);
	p = decode_nth(DLT_EN10MB, AOERSP, 5);
	assert_int_equal(fval(p, "aoe.response_to"), 4);
	assert_string_equal(field_n(p, "aoe.time", 0)->meaning,
	    "0.001000000");
	/* the request's command, after the response's status register */
	assert_int_equal(field_n(p, "aoe.ata.cmd", 0)->val, 0xec);
	st_match_clear();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_of4_groupmod_in_error),
		cmocka_unit_test(test_of4_meter_stats),
		cmocka_unit_test(test_of4_queue_config),
		cmocka_unit_test(test_of4_malformed),
		cmocka_unit_test(test_ipx_either_end),
		cmocka_unit_test(test_hsrp_advertise),
		cmocka_unit_test(test_aoe_ata),
		cmocka_unit_test(test_aoe_pairing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
