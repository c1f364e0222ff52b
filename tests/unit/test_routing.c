/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IP control and routing protocols: IGMP, PIM, VRRP, HSRP; each from hand-written bytes
 * (those captures/make-routing.py writes), every shorter prefix decoded
 * without a read past it, and malformed variants.
 */
#include "testutil.h"

#include <stdio.h>

#define IGMP1_QUERY \
	"020000000002020000000001080045c0001c000100000102130bc6120001" \
	"e00000011100eeff00000000"
#define IGMP2_REPORT \
	"020000000002020000000001080046c000200001000001026e00c6120002" \
	"ef010101940400001600f9fcef010101"
#define IGMP3_QUERY \
	"020000000002020000000001080046c0002c0001000001026cf3c6120001" \
	"ef02020294040000116466ddef0202020a7d0002c612000ac612000b"
#define IGMP3_REPORT \
	"020000000002020000000001080046c0003c0001000001027dd0c6120002" \
	"e0000016940400002200ce1a0000000201010002ef020202c612000ac612" \
	"000bdeadbeef04000000ef010101"
#define IGMP_BADCK \
	"020000000002020000000001080046c000200001000001026cfec6120002" \
	"ef0202029404000016001234ef020202"
/* A v3 record claiming 4096 sources. */
#define IGMP3_MANYSRC \
	"020000000002020000000001080046c000300001000001020000c6120002" \
	"e0000016940400002200000000000001010010000ef020202c612000ac612" \
	"000b"

#define PIM_HELLO \
	"020000000002020000000001080045c000400001000001671276c6120001" \
	"e000000d20004f6500010002006900020004000109c40013000400000001" \
	"001400041234abcd001800060100c6120101"
#define PIM_JP \
	"020000000002020000000001080045c000460001000001671270c6120001" \
	"e000000d2300c1380100c6120002000100d201000020ef01010100020001" \
	"01000420c612000a01000420c612000b01000520c612000c"
#define PIM_REG \
	"020000000002020000000001080045c0003c000100004067ed72c6120001" \
	"c61200022100deff0000000045c00020000100001001f3fdc612000aef01" \
	"0101080019270007000170696e67"
#define PIM_ASSERT \
	"020000000002020000000001080045c0002e0001000001671288c6120001" \
	"e000000d2500223e01000020ef0101010100c612000a0000006e00000014"
/* A hello option longer than the message. */
#define PIM_OPTLONG \
	"020000000002020000000001080045c000200001000001670000c6120001" \
	"e000000d200000000001ff000069"
/* A join/prune with an address family 9. */
#define PIM_BADFAM \
	"020000000002020000000001080045c000220001000001670000c6120001" \
	"e000000d230000000900c6120002"

static void
test_pim(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, PIM_HELLO);

	(void)state;
	assert_chain(p, "eth ipv4 pim");
	assert_int_equal(fval(p, "pim.version"), 2);
	assert_int_equal(fval(p, "pim.type"), 0);
	assert_int_equal(fval(p, "pim.holdtime"), 105);
	assert_int_equal(fval(p, "pim.override_interval"), 2500);
	assert_int_equal(fval(p, "pim.dr_priority"), 1);
	assert_int_equal(fval(p, "pim.generation_id"), 0x1234abcd);
	assert_int_equal(fval(p, "pim.unicast"), 0xc6120101);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, PIM_HELLO);

	p = decode_hex(DLT_EN10MB, PIM_JP);
	assert_int_equal(fval(p, "pim.upstream_neighbor"), 0xc6120002);
	assert_int_equal(fval(p, "pim.numgroups"), 1);
	assert_int_equal(fval(p, "pim.holdtime"), 210);
	assert_int_equal(fval(p, "pim.numjoins"), 2);
	assert_int_equal(field_n(p, "pim.join_ip", 1)->val, 0xc612000b);
	assert_int_equal(fval(p, "pim.prune_ip"), 0xc612000c);
	assert_int_equal(field_n(p, "pim.source_addr.flags.r", 2)->val, 1);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, PIM_JP);

	p = decode_hex(DLT_EN10MB, PIM_REG);
	assert_chain(p, "eth ipv4 pim ipv4 icmp data");
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, PIM_REG);

	p = decode_hex(DLT_EN10MB, PIM_ASSERT);
	assert_int_equal(fval(p, "pim.metric_pref"), 110);
	assert_int_equal(fval(p, "pim.metric"), 20);
	assert_int_equal(fval(p, "pim.source"), 0xc612000a);
	sweep_prefixes(DLT_EN10MB, PIM_ASSERT);

	p = decode_hex(DLT_EN10MB, PIM_OPTLONG);
	assert_int_equal(layer(p, "pim")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, PIM_BADFAM);
	assert_int_equal(layer(p, "pim")->status, ST_LS_MALFORMED);
}

#define VRRP2 \
	"020000000002020000000001080045c0002c00010000ff70147bc6120001" \
	"e0000012210164020101af8ec61200fec61200fd7365637265740000"
#define VRRP3 \
	"020000000002020000000001080045c0002000010000ff701487c6120001" \
	"e00000123102c801006498e4c61200fe"
#define VRRP3_V6 \
	"02000000000202000000000186dd60000000002870fffe80000000000000" \
	"0000000000000001ff020000000000000000000000000012310396020064" \
	"0e2bfe80000000000000000000000000000120010db80000000000000000" \
	"00000001"
/* Version 5. */
#define VRRP_BADVER \
	"020000000002020000000001080045c0002000010000ff701487c6120001" \
	"e00000125102c801006498e4c61200fe"

static void
test_vrrp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, VRRP2);

	(void)state;
	assert_chain(p, "eth ipv4 vrrp");
	assert_int_equal(fval(p, "vrrp.version"), 2);
	assert_int_equal(fval(p, "vrrp.virt_rtr_id"), 1);
	assert_int_equal(fval(p, "vrrp.prio"), 100);
	assert_int_equal(fval(p, "vrrp.adver_int"), 1);
	assert_int_equal(field_n(p, "vrrp.ip_addr", 1)->val, 0xc61200fd);
	assert_string_equal(field_n(p, "vrrp.auth_string",
	    0)->meaning, "secret");
	assert_int_equal(fval(p, "vrrp.checksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, VRRP2);

	p = decode_hex(DLT_EN10MB, VRRP3);
	assert_int_equal(fval(p, "vrrp.version"), 3);
	assert_int_equal(fval(p, "vrrp.short_adver_int"), 100);
	assert_int_equal(fval(p, "vrrp.checksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, VRRP3);

	p = decode_hex(DLT_EN10MB, VRRP3_V6);
	assert_chain(p, "eth ipv6 vrrp");
	assert_true(has_field(p, "vrrp.ipv6_addr"));
	assert_int_equal(fval(p, "vrrp.checksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, VRRP3_V6);

	p = decode_hex(DLT_EN10MB, VRRP_BADVER);
	assert_int_equal(layer(p, "vrrp")->status, ST_LS_MALFORMED);
}

#define HSRP \
	"020000000002020000000001080045c0003000010000011112e7c6120001" \
	"e000000207c107c1001c21d9000010030a640100636973636f000000c612" \
	"00fe"

static void
test_hsrp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, HSRP);

	(void)state;
	assert_chain(p, "eth ipv4 udp hsrp");
	assert_int_equal(fval(p, "hsrp.state"), 16);
	assert_int_equal(fval(p, "hsrp.priority"), 100);
	assert_int_equal(fval(p, "hsrp.virt_ip"), 0xc61200fe);
	assert_string_equal(field_n(p, "hsrp.auth_data", 0)->meaning,
	    "cisco");
	sweep_prefixes(DLT_EN10MB, HSRP);
}

static void
test_igmp_v1_v2(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IGMP1_QUERY);

	(void)state;
	assert_chain(p, "eth ipv4 igmp");
	assert_int_equal(fval(p, "igmp.version"), 1);
	assert_int_equal(fval(p, "igmp.type"), 0x11);
	assert_true(has_field(p, "igmp.reserved"));
	assert_false(has_field(p, "igmp.max_resp"));
	assert_int_equal(fval(p, "igmp.checksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, IGMP1_QUERY);

	p = decode_hex(DLT_EN10MB, IGMP2_REPORT);
	assert_chain(p, "eth ipv4 igmp");
	assert_int_equal(fval(p, "igmp.version"), 2);
	assert_int_equal(fval(p, "igmp.type"), 0x16);
	assert_int_equal(fval(p, "igmp.max_resp"), 0);
	assert_int_equal(fval(p, "igmp.maddr"), 0xef010101);
	assert_int_equal(fval(p, "igmp.checksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, IGMP2_REPORT);

	p = decode_hex(DLT_EN10MB, IGMP_BADCK);
	assert_int_equal(fval(p, "igmp.checksum"), 0x1234);
	assert_int_equal(fval(p, "igmp.checksum.status"), ST_CK_BAD);
}

static void
test_igmp_v3(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IGMP3_QUERY);

	(void)state;
	assert_int_equal(fval(p, "igmp.version"), 3);
	assert_int_equal(fval(p, "igmp.max_resp"), 100);
	assert_int_equal(fval(p, "igmp.s"), 1);
	assert_int_equal(fval(p, "igmp.qrv"), 2);
	assert_int_equal(fval(p, "igmp.qqic"), 125);
	assert_int_equal(fval(p, "igmp.num_src"), 2);
	assert_int_equal(field_n(p, "igmp.saddr", 1)->val, 0xc612000b);
	assert_int_equal(fval(p, "igmp.checksum.status"), ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, IGMP3_QUERY);

	p = decode_hex(DLT_EN10MB, IGMP3_REPORT);
	assert_int_equal(fval(p, "igmp.type"), 0x22);
	assert_int_equal(fval(p, "igmp.num_grp_recs"), 2);
	assert_int_equal(field_n(p, "igmp.record_type", 0)->val, 1);
	assert_int_equal(field_n(p, "igmp.record_type", 1)->val, 4);
	assert_int_equal(field_n(p, "igmp.maddr", 1)->val, 0xef010101);
	assert_int_equal(field_n(p, "igmp.aux_data", 0)->bits, 32);
	assert_int_equal(field_n(p, "igmp.saddr", 0)->val, 0xc612000a);
	assert_int_equal(fval(p, "igmp.checksum.status"), ST_CK_GOOD);
	assert_int_equal(layer(p, "igmp")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, IGMP3_REPORT);

	p = decode_hex(DLT_EN10MB, IGMP3_MANYSRC);
	assert_int_equal(layer(p, "igmp")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_igmp_v1_v2),
		cmocka_unit_test(test_igmp_v3),
		cmocka_unit_test(test_pim),
		cmocka_unit_test(test_vrrp),
		cmocka_unit_test(test_hsrp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
