/* SPDX-License-Identifier: BSD-3-Clause */
/* Link layers: Ethernet II and 802.3, VLAN stacks, SLL, SLL2, BSD null. */
#include "testutil.h"

#define ICMP_ECHO "000000000000000000000000080045000054" \
	"6d0040004001cfa67f0000017f00000108001303104200014d2c056b00000000" \
	"c34f000000000000101112131415161718191a1b1c1d1e1f2021222324252627" \
	"28292a2b2c2d2e2f3031323334353637"

static void
test_ethernet(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ICMP_ECHO);

	(void)state;
	assert_chain(p, "eth ipv4 icmp data");
	assert_int_equal(fval(p, "eth.type"), 0x0800);
	assert_int_equal(field_n(p, "eth.dst", 0)->bitoff, 0);
	assert_int_equal(field_n(p, "eth.src", 0)->bitoff, 48);
	assert_int_equal(layer(p, "eth")->hdr_len, 14);
	assert_int_equal(layer(p, "eth")->len, 98);
	sweep_prefixes(DLT_EN10MB, ICMP_ECHO);
}

/* A 60-byte frame carrying a 31-byte datagram: the rest is padding. */
static void
test_padding(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB,
	    "02000000000202000000000108004500001f1234400040119c72c6120001"
	    "c612000203e807d0000b0000616263" "000000000000000000000000000000");

	(void)state;
	assert_chain(p, "eth ipv4 udp data trailer");
	assert_int_equal(layer(p, "trailer")->off, 45);
	assert_int_equal(layer(p, "trailer")->len, 15);
	assert_true(has_field(p, "eth.padding"));
}

static void
test_8023_length_frame(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB,
	    "0180c200000002000000000100264242030000000000");

	(void)state;
	assert_chain(p, "eth llc stp");	/* a BPDU cut short */
	assert_int_equal(fval(p, "eth.len"), 0x26);
	assert_false(has_field(p, "eth.type"));
	assert_int_equal(fval(p, "llc.dsap"), 0x42);	/* spanning tree */
	assert_int_equal(fval(p, "llc.control"), 0x03);
	assert_int_equal(layer(p, "llc")->hdr_len, 3);
}

/* 802.2 LLC: SNAP with OUI 0 carries an EtherType; I frames have a
 * two-byte control field, read low byte first as Wireshark does. */
static void
test_llc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, "ffffffffffff020202020202"
	    "0024" "aaaa03000000" "0800"
	    "4500001c0001000040117cce7f0000017f000001d43100350008c1e5");
	assert_chain(p, "eth llc ipv4 udp");
	assert_int_equal(fval(p, "llc.oui"), 0);
	assert_int_equal(fval(p, "llc.type"), 0x0800);
	assert_int_equal(layer(p, "llc")->hdr_len, 8);
	p = decode_hex(DLT_EN10MB, "01000ccccccc020202020202000c"
	    "aaaa0300000c2000" "02b40000");
	assert_chain(p, "eth llc cdp");
	assert_int_equal(fval(p, "llc.cisco_pid"), 0x2000);
	p = decode_hex(DLT_EN10MB, "ffffffffffff0202020202020009"
	    "f0f00a0068656c6c6f");
	assert_int_equal(fval(p, "llc.control"), 0x000a);
	assert_int_equal(field_n(p, "llc.control", 0)->bits, 16);
	assert_int_equal(layer(p, "llc")->hdr_len, 4);
	p = decode_hex(DLT_EN10MB, "ffffffffffff020202020202000242");
	assert_int_equal(layer(p, "llc")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_EN10MB, "ffffffffffff020202020202"
	    "0024" "aaaa03000000" "0800"
	    "4500001c0001000040117cce7f0000017f000001d43100350008c1e5");
}

#define QINQ_ARP "ffffffffffff02000000000188a8006481" \
	"00a0c808060001080006040001020000000001c6120001000000000000c6120002"

static void
test_vlan_stack(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, QINQ_ARP);

	(void)state;
	assert_chain(p, "eth qinq vlan arp");
	assert_int_equal(fval(p, "ieee8021ad.id"), 100);
	assert_int_equal(fval(p, "vlan.id"), 200);
	assert_int_equal(fval(p, "vlan.priority"), 5);
	assert_int_equal(fval(p, "vlan.etype"), 0x0806);
	assert_int_equal(fval(p, "arp.opcode"), 1);
	sweep_prefixes(DLT_EN10MB, QINQ_ARP);
}

/* Hundreds of tags: decoding stops at the bound, marked malformed. */
static void
test_vlan_bound(void **state)
{
	char hex[8192];
	const struct st_packet *p;
	int i;

	(void)state;
	strcpy(hex, "ffffffffffff020000000001");
	for (i = 0; i < 300; i++)
		strcat(hex, "81000001");
	strcat(hex, "0800");
	p = decode_hex(DLT_EN10MB, hex);
	assert_true(p->nlayers <= ST_MAX_VLAN + 3);
	assert_int_equal(p->layers[p->nlayers - 1].status, ST_LS_MALFORMED);
}

#define SLL_UDP "000003040006000000000000000008004500001f1234400040119c72" \
	"c6120001c612000203e807d0000b0000616263"

static void
test_sll(void **state)
{
	const struct st_packet *p = decode_hex(DLT_LINUX_SLL, SLL_UDP);

	(void)state;
	assert_chain(p, "sll ipv4 udp data");
	assert_int_equal(fval(p, "sll.hatype"), 772);
	assert_int_equal(fval(p, "sll.etype"), 0x0800);
	assert_int_equal(fval(p, "udp.dstport"), 2000);
	sweep_prefixes(DLT_LINUX_SLL, SLL_UDP);
}

#define SLL2_UDP "08000000000000020001040602000000000100004500001f12344000" \
	"40119c72c6120001c612000203e807d0000b0000616263"

static void
test_sll2(void **state)
{
	const struct st_packet *p = decode_hex(DLT_LINUX_SLL2, SLL2_UDP);

	(void)state;
	assert_chain(p, "sll2 ipv4 udp data");
	assert_int_equal(fval(p, "sll.ifindex"), 2);
	assert_int_equal(fval(p, "sll.pkttype"), 4);
	assert_int_equal(field_n(p, "sll.src.eth", 0)->bitoff, 96);
	sweep_prefixes(DLT_LINUX_SLL2, SLL2_UDP);
}

static void
test_null_and_loop(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_NULL, "02000000" "4500001f1234400040119c72c6120001"
	    "c612000203e807d0000b0000616263");
	assert_chain(p, "null ipv4 udp data");
	assert_int_equal(fval(p, "null.family"), 2);
	p = decode_hex(DLT_NULL, "00000002" "4500001f1234400040119c72c6120001"
	    "c612000203e807d0000b0000616263");
	assert_chain(p, "null ipv4 udp data");
	p = decode_hex(DLT_LOOP, "0000001e" "60000000000c114020010db80000000000"
	    "0000000000000120010db800000000000000000000000202220223000cdb55"
	    "61626364");
	assert_chain(p, "null ipv6 udp data");
	assert_int_equal(fval(p, "null.family"), 30);
}

static void
test_raw_ip(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, "4500001f1234400040119c72c6120001"
	    "c612000203e807d0000b0000616263");
	assert_chain(p, "ipv4 udp data");
	p = decode_hex(DLT_IPV6, "60000000000c114020010db80000000000"
	    "0000000000000120010db800000000000000000000000202220223000cdb55"
	    "61626364");
	assert_chain(p, "ipv6 udp data");
}

static void
test_unknown_link_type(void **state)
{
	const struct st_packet *p = decode_hex(147, "0102030405");

	(void)state;
	assert_chain(p, "data");
	assert_int_equal(p->nnotes, 1);
	assert_non_null(strstr(p->notes[0], "link type 147"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ethernet),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_8023_length_frame),
		cmocka_unit_test(test_llc),
		cmocka_unit_test(test_vlan_stack),
		cmocka_unit_test(test_vlan_bound),
		cmocka_unit_test(test_sll),
		cmocka_unit_test(test_sll2),
		cmocka_unit_test(test_null_and_loop),
		cmocka_unit_test(test_raw_ip),
		cmocka_unit_test(test_unknown_link_type),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
