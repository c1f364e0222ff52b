/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Small protocols of the long tail.  MS NLB heartbeats (EtherType 0x886f):
 * the little-endian header, a membership heartbeat's counters and teaming
 * word, extended heartbeats (the host's name in UTF-16, an address), a
 * name without its end.  AppleTalk ARP: a probe, a reply, sizes it does not
 * know.  IPComp: a DEFLATE payload inflated and decoded on, one that does
 * not inflate left as data.  Every shorter prefix of each.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define ETH	"ffffffffffff02010a000002886f"
#define HDR(sig) sig "0502000078563412c612000ac612000b"

/* A membership heartbeat's first 36 bytes after the header. */
#define MEMBER	ETH HDR("bf01dec0") "0200010001000100feca000092100000" \
	"0bcdab0000000000" "00000500010005000200"
#define EXTNAME	ETH HDR("c001dec0") "012600000000000" \
	"06e006f00640065002d0062002e0074006500730074000000000000000000"
#define EXTIP	ETH HDR("c001dec0") "02180000000000000200c612000b" \
	"0000000000000000"

static void
test_member(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, MEMBER);
	assert_chain(p, "eth msnlb");
	assert_int_equal(fval(p, "msnlb.signature"), 0xc0de01bf);
	assert_int_equal(fval(p, "msnlb.version"), 0x0205);
	assert_int_equal(fval(p, "msnlb.unique_host_id"), 0x12345678);
	assert_int_equal(fval(p, "msnlb.cluster_ip"), 0xc612000a);
	assert_int_equal(fval(p, "msnlb.host_ip"), 0xc612000b);
	assert_int_equal(fval(p, "msnlb.my_host_ip"), 2);
	assert_int_equal(fval(p, "msnlb.number_of_port_rules"), 1);
	assert_int_equal(fval(p, "msnlb.unique_host_code"), 0xcafe);
	assert_int_equal(fval(p, "msnlb.packets_handled"), 4242);
	assert_int_equal(fval(p, "msnlb.teamincfg"), 0x00abcd0b);
	assert_int_equal(fval(p, "msnlb.teamingcfg.xorclusterip"), 0xabcd);
	assert_int_equal(fval(p, "msnlb.teamingcfg.number_of_participants"),
	    1);
	assert_int_equal(fval(p, "msnlb.teamingcfg.hashing"), 0);
	assert_int_equal(fval(p, "msnlb.teamingcfg.master"), 1);
	assert_int_equal(fval(p, "msnlb.teamingcfg.active"), 1);
	/* The tables begin: two port rules captured, then the cut. */
	assert_int_equal(field_n(p, "msnlb.portruleconfiguration.data",
	    1)->val, 0x50001);
	assert_int_equal(last_layer(p, "msnlb")->status, ST_LS_TRUNCATED);
	assert_string_equal(summary_of(DLT_EN10MB, MEMBER), "   1  0.000000  "
	    "eth › msnlb  MS NLB heartbeat, host priority 2, cluster IP "
	    "198.18.0.10, host IP 198.18.0.11 [truncated msnlb]\n");
	sweep_prefixes(DLT_EN10MB, MEMBER);
}

static void
test_extended(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, EXTNAME);
	assert_int_equal(fval(p, "msnlb.extended_hb.type"), 1);
	assert_int_equal(fval(p, "msnlb.length"), 38);
	assert_string_equal(field_n(p, "msnlb.host_name", 0)->meaning,
	    "node-b.test");
	assert_int_equal(last_layer(p, "msnlb")->status, ST_LS_OK);
	p = decode_hex(DLT_EN10MB, EXTIP);
	assert_int_equal(fval(p, "msnlb.address_family"), 2);
	assert_int_equal(fval(p, "msnlb.host_ipv4"), 0xc612000b);
	assert_int_equal(field_n(p, "msnlb.padding", 0)->bits, 64);
	sweep_prefixes(DLT_EN10MB, EXTNAME);
	sweep_prefixes(DLT_EN10MB, EXTIP);
}

/* A host name whose terminating NUL never comes: malformed, not read on. */
static void
test_name_unended(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, ETH HDR("c001dec0") "01260000000000"
	    "006e006f00640065");
	assert_false(has_field(p, "msnlb.host_name"));
	assert_int_equal(last_layer(p, "msnlb")->status, ST_LS_MALFORMED);
	/* An unknown record type: its bytes, nothing read into them. */
	p = decode_hex(DLT_EN10MB, ETH HDR("c001dec0") "07aabbcc");
	assert_int_equal(field_n(p, "msnlb.extended_hb.unknown", 0)->bits, 24);
}

#define AARP_PROBE "ffffffffffff020000000001" "80f3" "0001809b06040003" \
	"020000000001" "00ff012a" "000000000000" "00ff012a"

static void
test_aarp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, AARP_PROBE);
	assert_chain(p, "eth aarp");
	assert_int_equal(fval(p, "aarp.proto.type"), 0x809b);
	assert_int_equal(fval(p, "aarp.opcode"), 3);
	assert_int_equal(field_n(p, "aarp.src.proto_id", 0)->bits, 32);
	assert_int_equal(field_n(p, "aarp.dst.hw_mac", 0)->bits, 48);
	assert_string_equal(summary_of(DLT_EN10MB, AARP_PROBE), "   1  "
	    "0.000000  eth › aarp  aarp probe 65281.42\n");
	/* A hardware size of 8: the addresses as bytes, moved along. */
	p = decode_hex(DLT_EN10MB, "ffffffffffff020000000001" "80f3"
	    "0001809b08040001" "0000000000000000" "00ff012a"
	    "0000000000000000" "00ff0107");
	assert_int_equal(field_n(p, "aarp.src.hw", 0)->bits, 64);
	assert_int_equal(field_n(p, "aarp.dst.proto_id", 0)->bitoff / 8,
	    14 + 28);
	sweep_prefixes(DLT_EN10MB, AARP_PROBE);
}

/* UDP 40000 -> 7 carrying "hi strata", DEFLATE-compressed in IPComp. */
#define IPCOMP_DEFLATE "4500002b00014000406cae3ec6120001c6120002" \
	"110000029be3c0c0ce20283e332353a1b8a428b1241100"

static void
test_ipcomp(void **state)
{
	const struct st_packet *p;
	const struct st_layer *u;

	(void)state;
	p = decode_hex(DLT_RAW, IPCOMP_DEFLATE);
	assert_int_equal(fval(p, "ipcomp.next_header"), 17);
	assert_int_equal(fval(p, "ipcomp.cpi"), 2);
	/* The inflated datagram decodes on, after the frame's bytes. */
	assert_non_null(u = last_layer(p, "udp"));
	assert_int_equal(u->off, 43);
	assert_int_equal(fval(p, "udp.dstport"), 7);
	assert_int_equal(fval(p, "udp.length"), 17);
	assert_true(has_note(p, "IPComp payload inflated"));
	/* The compressed bytes are data, as tshark shows them. */
	assert_int_equal(last_layer(p, "data")->off, 24);
	/* LZS: not inflated, data. */
	p = decode_hex(DLT_RAW, "4500001c00014000406cae4dc6120001c6120002"
	    "1100000301020304");
	assert_chain(p, "ipv4 ipcomp data");
	assert_false(has_note(p, "inflated"));
	sweep_prefixes(DLT_RAW, IPCOMP_DEFLATE);
}

/* An mtrace response: group 233.252.0.1, source 198.18.1.1, receiver
 * 198.18.0.2, one router's block. */
#define MTRACE "4500004c000140004002ae87c6120001c6120002" \
	"1e208ac8e9fc0001c6120101c6120002c612000140003039" \
	"e1000000c61200fec61201fec61200fd000003e8000007d000000bb803015800"

static void
test_mtrace(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, MTRACE);
	assert_chain(p, "ipv4 igmp");
	assert_int_equal(fval(p, "igmp.type"), 0x1e);
	assert_int_equal(fval(p, "igmp.mtrace.max_hops"), 32);
	assert_false(has_field(p, "igmp.max_resp"));
	assert_int_equal(fval(p, "igmp.maddr"), 0xe9fc0001);
	assert_int_equal(fval(p, "igmp.mtrace.rspaddr"), 0xc6120001);
	assert_int_equal(fval(p, "igmp.mtrace.q_id"), 12345);
	assert_int_equal(fval(p, "igmp.mtrace.q_total"), 3000);
	assert_int_equal(fval(p, "igmp.mtrace.q_s"), 1);
	assert_int_equal(fval(p, "igmp.mtrace.q_src_mask"), 24);
	assert_int_equal(field_n(p, "igmp.checksum.status", 0)->val,
	    ST_CK_GOOD);
	/* A block cut short is not shown; the query's part is. */
	p = decode_hex(DLT_RAW, "4500003c000140004002ae97c6120001c6120002"
	    "1e208ac8e9fc0001c6120101c6120002c612000140003039e1000000c612");
	assert_false(has_field(p, "igmp.mtrace.q_arrival"));
	assert_int_equal(fval(p, "igmp.mtrace.q_id"), 12345);
	sweep_prefixes(DLT_RAW, MTRACE);
}

/* A UDP datagram 198.18.0.1:sport -> 198.18.0.2:dport (checksums 0). */
static const char *
udp_hex(unsigned sport, unsigned dport, const char *pay)
{
	static char b[512];
	size_t n = strlen(pay) / 2;

	snprintf(b, sizeof(b), "4500%04zx0001400040110000c6120001c6120002"
	    "%04x%04x%04zx0000%s", 28 + n, sport, dport, 8 + n, pay);
	return b;
}

static void
test_inetsvc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_hex(40000, 7, "70696e670d0a"));
	assert_chain(p, "ipv4 udp echo");
	assert_int_equal(fval(p, "echo.request"), 1);
	assert_int_equal(field_n(p, "echo.data", 0)->bits, 48);
	p = decode_hex(DLT_RAW, udp_hex(7, 40000, "70696e670d0a"));
	assert_int_equal(fval(p, "echo.response"), 1);
	p = decode_hex(DLT_RAW, udp_hex(13, 40001,
	    "53756e204e6f762032392031353a30303a303020323032360d0a"));
	assert_int_equal(fval(p, "daytime.response_request"), 1);
	assert_string_equal(field_n(p, "daytime.string", 0)->meaning,
	    "Sun Nov 29 15:00:00 2026");
	p = decode_hex(DLT_RAW, udp_hex(37, 40003, "ebb7c8a0"));
	assert_int_equal(fval(p, "time.time"), 0xebb7c8a0);
	/* An answer cut short: the layer, no number. */
	p = decode_hex(DLT_RAW, udp_hex(37, 40003, "ebb7"));
	assert_chain(p, "ipv4 udp time");
	assert_false(has_field(p, "time.time"));
	/* Empty requests are no messages; chargen's request is none. */
	p = decode_hex(DLT_RAW, udp_hex(40003, 37, ""));
	assert_chain(p, "ipv4 udp");
	p = decode_hex(DLT_RAW, udp_hex(40002, 19, "00"));
	assert_chain(p, "ipv4 udp data");
	p = decode_hex(DLT_RAW, udp_hex(19, 40002, "2122230d0a"));
	assert_string_equal(field_n(p, "strata.chargen.text", 0)->meaning,
	    "!\"#");
	sweep_prefixes(DLT_RAW, udp_hex(13, 40001, "53756e0d0a"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_member),
		cmocka_unit_test(test_extended),
		cmocka_unit_test(test_name_unended),
		cmocka_unit_test(test_aarp),
		cmocka_unit_test(test_ipcomp),
		cmocka_unit_test(test_mtrace),
		cmocka_unit_test(test_inetsvc),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
