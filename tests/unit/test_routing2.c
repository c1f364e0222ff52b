/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The second routing family: OSPF (versions 2 and 3), BFD, EIGRP, BGP, RIP,
 * RIPng, LDP, RSVP and IS-IS; each from hand-written bytes (those
 * captures/make-routing2.py writes), every shorter prefix decoded without a
 * read past it and marked truncated, and malformed variants.
 */
#include "testutil.h"

#include <stdio.h>

#define OSPF2_HELLO \
	"020000000002020000000001080045c000440001000001591288c6120001" \
	"e00000050201003001010101000000006a6c00000000000000000000ffff" \
	"ff00000a020100000028c6120002c612000102020202"
#define OSPF2_LSU \
	"020000000002020000000001080045c000a40004000001591225c6120001" \
	"e00000050204009001010101000000004619000000000000000000000000" \
	"0003000122010101010101010101800000011a36003002000002c6120002" \
	"c61200010200000a0a000000ffffff000300000100012202c61200020101" \
	"010180000001034c0020ffffff000101010102020202000120050a010000" \
	"0101010180000001b9d00024ffff0000800000140000000000000007"
#define OSPF2_CRYPTO_LLS \
	"020000000002020000000001080045c000600006000001591267c6120001" \
	"e00000050201003001010101000000000000000200000110000003e8ffff" \
	"ff00000a120100000028c6120002c6120001020202020001020304050607" \
	"08090a0b0c0d0e0f000000030001000400000001"
#define OSPF2_BADCK \
	"020000000002020000000001080045c000440007000001591282c6120001" \
	"e00000050201003001010101000000007b7d00000000000000000000ffff" \
	"ff00000a020100000028c6120002c612000102020202"
#define OSPF3_LSU \
	"02000000000202000000000186dd6e00000000a05901fe80000000000000" \
	"0000000000000001ff020000000000000000000000000005030400a00101" \
	"0101000000018f3c00000000000300012001000000000101010180000001" \
	"bd200028010000330200000a000000050000000602020202000100080000" \
	"00050101010180000001b6a0003801000033fe8000000000000000000000" \
	"00000001000000014000000020010db80000000100012009000000000101" \
	"0101800000012d9f002c0001200100000000010101014000000a20010db8" \
	"00000001"
/* A packet length of 20, shorter than the version 2 header. */
#define OSPF2_SHORTLEN \
	"020000000002020000000001080045c000440001000001590000c6120001" \
	"e00000050201001401010101000000006a6c00000000000000000000ffff" \
	"ff00000a020100000028c6120002c612000102020202"
/* An update whose one LSA says it has 4 bytes. */
#define OSPF2_LSALEN \
	"020000000002020000000001080045c0004c0001000001590000c6120001" \
	"e00000050204003801010101000000000000000000000000000000000000" \
	"0001000122010101010101010101800000011a360004"
/* Version 7. */
#define OSPF_BADVER \
	"020000000002020000000001080045c000440001000001590000c6120001" \
	"e00000050701003001010101000000006a6c00000000000000000000ffff" \
	"ff00000a020100000028c6120002c612000102020202"

static void
test_ospf2(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, OSPF2_HELLO);

	(void)state;
	assert_chain(p, "eth ipv4 ospf");
	assert_int_equal(fval(p, "ospf.version"), 2);
	assert_int_equal(fval(p, "ospf.msg"), 1);
	assert_int_equal(fval(p, "ospf.msg.hello"), 1);
	assert_int_equal(fval(p, "ospf.srcrouter"), 0x01010101);
	assert_int_equal(fval(p, "ospf.hello.network_mask"), 0xffffff00);
	assert_int_equal(fval(p, "ospf.hello.hello_interval"), 10);
	assert_int_equal(fval(p, "ospf.v2.options.e"), 1);
	assert_int_equal(fval(p, "ospf.hello.router_dead_interval"), 40);
	assert_int_equal(fval(p, "ospf.hello.active_neighbor"), 0x02020202);
	assert_int_equal(fval(p, "strata.ospf.checksum.status"), ST_CK_GOOD);
	sweep_trunc("ospf", 35, OSPF2_HELLO, 0);

	p = decode_hex(DLT_EN10MB, OSPF2_LSU);
	assert_int_equal(fval(p, "ospf.ls.number_of_lsas"), 3);
	assert_int_equal(fval(p, "ospf.lsa.router"), 1);
	assert_int_equal(fval(p, "ospf.lsa.number_of_links"), 2);
	assert_int_equal(field_n(p, "ospf.lsa.router.linktype", 1)->val, 3);
	assert_int_equal(field_n(p, "ospf.lsa.router.metric0", 0)->val, 10);
	assert_int_equal(fval(p, "ospf.lsa.network.netmask"), 0xffffff00);
	assert_int_equal(field_n(p, "ospf.lsa.network.attchrtr", 1)->val,
	    0x02020202);
	assert_int_equal(fval(p, "ospf.lsa.asext.type"), 1);
	assert_int_equal(fval(p, "ospf.metric"), 20);
	assert_int_equal(fval(p, "ospf.lsa.asext.extrttag"), 7);
	assert_int_equal(field_n(p, "strata.ospf.lsa.checksum.status", 2)->val,
	    ST_CK_GOOD);
	sweep_trunc("ospf", 35, OSPF2_LSU, 0);

	p = decode_hex(DLT_EN10MB, OSPF2_CRYPTO_LLS);
	assert_int_equal(fval(p, "ospf.auth.type"), 2);
	assert_int_equal(fval(p, "ospf.auth.crypt.key_id"), 1);
	assert_int_equal(fval(p, "ospf.auth.crypt.seq_nbr"), 1000);
	assert_true(has_field(p, "ospf.auth.crypt.data"));
	assert_false(has_field(p, "strata.ospf.checksum.status"));
	assert_int_equal(fval(p, "ospf.lls.data_length"), 12);
	assert_int_equal(fval(p, "ospf.lls.ext.options.lr"), 1);
	sweep_trunc("ospf", 35, OSPF2_CRYPTO_LLS, 0);

	p = decode_hex(DLT_EN10MB, OSPF2_BADCK);
	assert_int_equal(fval(p, "strata.ospf.checksum.status"), ST_CK_BAD);
	p = decode_hex(DLT_EN10MB, OSPF2_SHORTLEN);
	assert_int_equal(layer(p, "ospf")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, OSPF2_LSALEN);
	assert_int_equal(layer(p, "ospf")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, OSPF_BADVER);
	assert_int_equal(layer(p, "ospf")->status, ST_LS_MALFORMED);
}

static void
test_ospf3(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, OSPF3_LSU);

	(void)state;
	assert_chain(p, "eth ipv6 ospf");
	assert_int_equal(fval(p, "ospf.version"), 3);
	assert_int_equal(fval(p, "ospf.area_id"), 1);
	assert_int_equal(fval(p, "strata.ospf.checksum.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "ospf.v3.lsa.router"), 1);
	assert_int_equal(fval(p, "ospf.v3.router.lsa.flags.b"), 1);
	assert_int_equal(fval(p, "ospf.v3.lsa.neighbor_router_id"),
	    0x02020202);
	assert_int_equal(fval(p, "ospf.v3.lsa.link"), 1);
	assert_int_equal(fval(p, "ospf.v3.lsa.fc"), 1);
	assert_int_equal(field_n(p, "ospf.v3.lsa.fc", 2)->val, 9);
	assert_int_equal(fval(p, "ospf.prefix_length"), 64);
	assert_string_equal(field_n(p, "ospf.v3.address_prefix.ipv6",
	    0)->meaning, "2001:db8:0:1::");
	assert_int_equal(field_n(p, "strata.ospf.lsa.checksum.status", 2)->val,
	    ST_CK_GOOD);
	sweep_trunc("ospf", 55, OSPF3_LSU, 0);
}

#define BFD_UP \
	"020000000002020000000001080045c0003400010000ff112ed0c6120001" \
	"c6120002c0000ec80020739620c803188000000180000002000186a00001" \
	"86a000000000"
#define BFD_PASSWORD \
	"020000000002020000000001080045c0003d00020000ff112ec6c6120001" \
	"c6120002c0000ec80029247d218403210000000100000000000186a00001" \
	"86a000000000010901736563726574"
#define BFD_SHA1 \
	"020000000002020000000001080045c0005000030000ff112eb2c6120001" \
	"c6120002c00012b0003c0252204405340000000100000000000186a00001" \
	"86a000000000051c0200000000050102030405060708090a0b0c0d0e0f10" \
	"11121314"
/* A message length of 10. */
#define BFD_SHORTLEN \
	"020000000002020000000001080045c0003400040000ff112ecdc6120001" \
	"c6120002c0000ec8002073ad20c0030a0000000100000002000186a00001" \
	"86a000000000"
/* An authentication section longer than the message. */
#define BFD_AUTHLONG \
	"020000000002020000000001080045c0003d00020000ff110000c6120001" \
	"c6120002c0000ec80029000021840321000000010000000000018a6a0001" \
	"86a000000000014001736563726574"

static void
test_bfd(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, BFD_UP);

	(void)state;
	assert_chain(p, "eth ipv4 udp bfd");
	assert_int_equal(fval(p, "bfd.version"), 1);
	assert_int_equal(fval(p, "bfd.sta"), 3);
	assert_int_equal(fval(p, "bfd.flags"), 0xc8);
	assert_int_equal(fval(p, "bfd.flags.c"), 1);
	assert_int_equal(fval(p, "bfd.detect_time_multiplier"), 3);
	assert_int_equal(fval(p, "bfd.my_discriminator"), 0x80000001);
	assert_int_equal(fval(p, "bfd.your_discriminator"), 0x80000002);
	assert_int_equal(fval(p, "bfd.desired_min_tx_interval"), 100000);
	sweep_trunc("bfd", 43, BFD_UP, 0);

	p = decode_hex(DLT_EN10MB, BFD_PASSWORD);
	assert_int_equal(fval(p, "bfd.diag"), 1);
	assert_int_equal(fval(p, "bfd.auth.type"), 1);
	assert_string_equal(field_n(p, "bfd.auth.password", 0)->meaning,
	    "secret");
	sweep_trunc("bfd", 43, BFD_PASSWORD, 0);

	p = decode_hex(DLT_EN10MB, BFD_SHA1);
	assert_int_equal(fval(p, "bfd.auth.type"), 5);
	assert_int_equal(fval(p, "bfd.auth.seq_num"), 5);
	assert_int_equal(field_n(p, "bfd.checksum", 0)->bits, 160);
	sweep_trunc("bfd", 43, BFD_SHA1, 0);

	p = decode_hex(DLT_EN10MB, BFD_SHORTLEN);
	assert_int_equal(layer(p, "bfd")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, BFD_AUTHLONG);
	assert_int_equal(layer(p, "bfd")->status, ST_LS_MALFORMED);
}

#define EIGRP_HELLO \
	"020000000002020000000001080045c0003c000100000258118cc6120001" \
	"e000000a0205ee68000000000000000000000000000000640001000c0100" \
	"01000000000f000400080c040102"
#define EIGRP_UPDATE \
	"020000000002020000000001080045c0005f0002000002581168c6120001" \
	"e000000a0201903b000000080000003400000000000000640102001c0000" \
	"000000000a000003e8000005dc01ff01000018c0a8040102001b00000000" \
	"00000a000003e8000005dc01ff010000100a00"
#define EIGRP_GOODBYE \
	"020000000002020000000001080045c0003c0004000002581189c6120001" \
	"e000000a0205f167000000000000000000000000000000640001000cffff" \
	"ffffff00000f000400080c040102"
#define EIGRP_BADCK \
	"020000000002020000000001080045c0003c0005000002581188c6120001" \
	"e000000a0205ff68000000000000000000000000000000640001000c0100" \
	"01000000000f000400080c040102"
/* A TLV of 2 bytes. */
#define EIGRP_TLVSHORT \
	"020000000002020000000001080045c0003c000100000258118cc6120001" \
	"e000000a0205ee68000000000000000000000000000000640001000201" \
	"0001000000000f000400080c040102"
/* A /24 destination with two address bytes left in its TLV. */
#define EIGRP_DESTLONG \
	"020000000002020000000001080045c000430002000002580000c6120001" \
	"e000000a0201000000000008000000340000000000000064" \
	"0102001b00000000000000000a000003e8000005dc01ff01000018c0a8"

static void
test_eigrp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, EIGRP_HELLO);

	(void)state;
	assert_chain(p, "eth ipv4 eigrp");
	assert_int_equal(fval(p, "eigrp.version"), 2);
	assert_int_equal(fval(p, "eigrp.opcode"), 5);
	assert_int_equal(fval(p, "eigrp.as"), 100);
	assert_int_equal(fval(p, "eigrp.par.k1"), 1);
	assert_int_equal(fval(p, "eigrp.par.k3"), 1);
	assert_int_equal(fval(p, "eigrp.par.holdtime"), 15);
	assert_int_equal(fval(p, "eigrp.release_version"), 0x0c04);
	assert_int_equal(fval(p, "eigrp.tlv_version"), 0x0102);
	assert_int_equal(fval(p, "eigrp.checksum.status"), ST_CK_GOOD);
	assert_false(has_field(p, "eigrp.peer_termination"));
	sweep_trunc("eigrp", 35, EIGRP_HELLO, 0);

	p = decode_hex(DLT_EN10MB, EIGRP_UPDATE);
	assert_int_equal(fval(p, "eigrp.opcode"), 1);
	assert_int_equal(fval(p, "eigrp.flags.eot"), 1);
	assert_int_equal(fval(p, "eigrp.seq"), 52);
	assert_int_equal(fval(p, "eigrp.old_metric.delay"), 2560);
	assert_int_equal(fval(p, "eigrp.old_metric.mtu"), 1500);
	assert_int_equal(field_n(p, "eigrp.ipv4.prefixlen", 1)->val, 16);
	assert_string_equal(field_n(p, "eigrp.ipv4.destination", 0)->meaning,
	    "192.168.4.0");
	assert_string_equal(field_n(p, "eigrp.ipv4.destination", 1)->meaning,
	    "10.0.0.0");
	assert_int_equal(fval(p, "eigrp.checksum.status"), ST_CK_GOOD);
	sweep_trunc("eigrp", 35, EIGRP_UPDATE, 0);

	p = decode_hex(DLT_EN10MB, EIGRP_GOODBYE);
	assert_true(has_field(p, "eigrp.peer_termination"));
	p = decode_hex(DLT_EN10MB, EIGRP_BADCK);
	assert_int_equal(fval(p, "eigrp.checksum.status"), ST_CK_BAD);
	p = decode_hex(DLT_EN10MB, EIGRP_TLVSHORT);
	assert_int_equal(layer(p, "eigrp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, EIGRP_DESTLONG);
	assert_int_equal(layer(p, "eigrp")->status, ST_LS_MALFORMED);
}

#define BGP_OPEN \
	"020000000002020000000001080045c00073000100004006ed9cc6120001" \
	"c61200029c4000b300000001000000015018ffffb50b0000ffffffffffff" \
	"ffffffffffffffffffff004b0104fde900b4c61200012e02060104000100" \
	"0102020200020641040000fde90204400200780206450400010101020a49" \
	"080465646765026c6f"
#define BGP_KA_UPDATE \
	"020000000002020000000001080045c00085000200004006ed89c6120001" \
	"c61200029c4000b30000004c000000015018ffff16250000ffffffffffff" \
	"ffffffffffffffffffff001304ffffffffffffffffffffffffffffffff00" \
	"4a020003100a090029400101004002060202fde9fdea400304c612000180" \
	"04040000003240050400000064c00804fde90064100a0118c0a801"
#define BGP_SHUTDOWN \
	"020000000002020000000001080045c00049000400004006edc3c6120002" \
	"c612000100b39c4000000018000000015018fffff44a0000ffffffffffff" \
	"ffffffffffffffffffff00210306020b6d61696e74656e616e6365"
#define BGP_CONT \
	"020000000002020000000001080045c00054000500004006edb7c6120001" \
	"c61200029c4000b300001388000000015018fffff41d00004002060202fd" \
	"e9fdea400304c61200018004040000003240050400000064c00804fde900" \
	"64100a0118c0a801"
#define BGP_ATTRLONG \
	"020000000002020000000001080045c00043000600004006edc7c6120001" \
	"c61200029c4000b300001770000000015018ffff67c10000ffffffffffff" \
	"ffffffffffffffffffff001b020000000440010900"
/* A message length of 16. */
#define BGP_SHORTLEN \
	"020000000002020000000001080045c00049000400004006edc3c6120002" \
	"c612000100b39c4000000018000000015018fffff44a0000ffffffffffff" \
	"ffffffffffffffffffff00100306020b6d61696e74656e616e6365"
/* An NLRI prefix of 48 bits. */
#define BGP_PFXLONG \
	"020000000002020000000001080045c00085000200004006ed89c6120001" \
	"c61200029c4000b30000004c000000015018ffff16250000ffffffffffff" \
	"ffffffffffffffffffff001304ffffffffffffffffffffffffffffffff00" \
	"4a020003100a090029400101004002060202fde9fdea400304c612000180" \
	"04040000003240050400000064c00804fde90064300a0118c0a801"

static void
test_bgp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, BGP_OPEN);

	(void)state;
	assert_chain(p, "eth ipv4 tcp bgp");
	assert_int_equal(fval(p, "bgp.type"), 1);
	assert_int_equal(fval(p, "bgp.open.myas"), 65001);
	assert_int_equal(fval(p, "bgp.open.holdtime"), 180);
	assert_int_equal(fval(p, "bgp.open.identifier"), 0xc6120001);
	assert_int_equal(field_n(p, "bgp.cap.type", 5)->val, 73);
	assert_int_equal(fval(p, "bgp.cap.mp.afi"), 1);
	assert_int_equal(fval(p, "bgp.cap.4as"), 65001);
	assert_int_equal(fval(p, "bgp.cap.gr.timers.restart_time"), 120);
	assert_true(has_field(p, "bgp.cap.gr.helper_mode_only"));
	assert_int_equal(fval(p, "bgp.cap.ap.sendreceive"), 1);
	assert_string_equal(field_n(p, "bgp.cap.orf.fqdn.hostname", 0)->meaning,
	    "edge");
	assert_string_equal(field_n(p, "bgp.cap.orf.fqdn.domain_name",
	    0)->meaning, "lo");
	sweep_trunc("bgp", 55, BGP_OPEN, 1);

	p = decode_hex(DLT_EN10MB, BGP_KA_UPDATE);
	assert_chain(p, "eth ipv4 tcp bgp bgp");
	assert_int_equal(fval(p, "bgp.type"), 4);
	assert_int_equal(field_n(p, "bgp.type", 1)->val, 2);
	assert_string_equal(field_n(p, "bgp.withdrawn_prefix", 0)->meaning,
	    "10.9.0.0");
	assert_int_equal(fval(p, "bgp.update.path_attribute.origin"), 0);
	assert_int_equal(field_n(p,
	    "bgp.update.path_attribute.as_path_segment.as2", 1)->val, 65002);
	assert_int_equal(fval(p, "bgp.update.path_attribute.next_hop"),
	    0xc6120001);
	assert_int_equal(fval(p, "bgp.update.path_attribute.multi_exit_disc"),
	    50);
	assert_int_equal(fval(p, "bgp.update.path_attribute.local_pref"), 100);
	assert_int_equal(fval(p, "bgp.update.path_attribute.community_value"),
	    100);
	assert_string_equal(field_n(p, "bgp.nlri_prefix", 1)->meaning,
	    "192.168.1.0");
	sweep_trunc("bgp", 55, BGP_KA_UPDATE, 1);

	p = decode_hex(DLT_EN10MB, BGP_SHUTDOWN);
	assert_int_equal(fval(p, "bgp.notify.major_error"), 6);
	assert_int_equal(fval(p, "bgp.notify.minor_error_cease"), 2);
	assert_string_equal(field_n(p, "bgp.notify.communication", 0)->meaning,
	    "maintenance");
	sweep_trunc("bgp", 55, BGP_SHUTDOWN, 1);

	p = decode_hex(DLT_EN10MB, BGP_CONT);
	assert_true(has_field(p, "bgp.continuation"));
	assert_int_equal(layer(p, "bgp")->status, ST_LS_OK);
	p = decode_hex(DLT_EN10MB, BGP_ATTRLONG);
	assert_int_equal(layer(p, "bgp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, BGP_SHORTLEN);
	assert_int_equal(layer(p, "bgp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, BGP_PFXLONG);
	assert_int_equal(layer(p, "bgp")->status, ST_LS_OK);
	assert_int_equal(p->layers[p->nlayers - 1].status, ST_LS_MALFORMED);
}

#define RIP1_RESPONSE \
	"020000000002020000000001080045c0004800010000011112c8c6120001" \
	"e00000090208020800343f4d02010000000200000a010000000000000000" \
	"000000000001000200000a020000000000000000000000000003"
#define RIP2_PASSWORD \
	"020000000002020000000001080045c0004800030000011112c6c6120001" \
	"e0000009020802080034471402020000ffff000273336372657400000000" \
	"000000000000000200070a010000ffff0000c612000900000001"
#define RIP2_MD5 \
	"020000000002020000000001080045c0005c00040000011112b1c6120001" \
	"e00000090208020800480f7e02020000ffff0003002c01100000002a0000" \
	"000000000000000200000a030000ffff00000000000000000002ffff0001" \
	"000102030405060708090a0b0c0d0e0f"
#define RIPNG_RESPONSE \
	"02000000000202000000000186dd6e000000003411fffe80000000000000" \
	"0000000000000001ff020000000000000000000000000009020902090034" \
	"1e390201000020010db80001000000000000000000000000300120010db8" \
	"00020000000000000000000012344002"
/* A digest offset of 8, inside the authentication entry. */
#define RIP2_BADOFF \
	"020000000002020000000001080045c0005c00040000011112b1c6120001" \
	"e00000090208020800480f7e02020000ffff0003000801100000002a0000" \
	"000000000000000200000a030000ffff00000000000000000002ffff0001" \
	"000102030405060708090a0b0c0d0e0f"
/* RIPng version 2. */
#define RIPNG_BADVER \
	"02000000000202000000000186dd6e000000003411fffe80000000000000" \
	"0000000000000001ff020000000000000000000000000009020902090034" \
	"1e390202000020010db80001000000000000000000000000300120010db8" \
	"00020000000000000000000012344002"

static void
test_rip(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, RIP1_RESPONSE);

	(void)state;
	assert_chain(p, "eth ipv4 udp rip");
	assert_int_equal(fval(p, "rip.command"), 2);
	assert_int_equal(fval(p, "rip.version"), 1);
	assert_int_equal(field_n(p, "rip.ip", 1)->val, 0x0a020000);
	assert_int_equal(field_n(p, "rip.metric", 1)->val, 3);
	assert_false(has_field(p, "rip.netmask"));
	sweep_trunc("rip", 43, RIP1_RESPONSE, 0);

	p = decode_hex(DLT_EN10MB, RIP2_PASSWORD);
	assert_int_equal(fval(p, "rip.auth.type"), 2);
	assert_string_equal(field_n(p, "rip.auth.passwd", 0)->meaning,
	    "s3cret");
	assert_int_equal(fval(p, "rip.route_tag"), 7);
	assert_int_equal(fval(p, "rip.netmask"), 0xffff0000);
	assert_int_equal(fval(p, "rip.next_hop"), 0xc6120009);
	sweep_trunc("rip", 43, RIP2_PASSWORD, 0);

	p = decode_hex(DLT_EN10MB, RIP2_MD5);
	assert_int_equal(fval(p, "rip.auth.type"), 3);
	assert_int_equal(fval(p, "rip.digest_offset"), 44);
	assert_int_equal(fval(p, "rip.seq_num"), 42);
	assert_int_equal(field_n(p, "rip.authentication_data", 0)->bits, 128);
	assert_int_equal(field_n(p, "rip.family", 0)->val, 2);
	sweep_trunc("rip", 43, RIP2_MD5, 0);

	p = decode_hex(DLT_EN10MB, RIPNG_RESPONSE);
	assert_chain(p, "eth ipv6 udp ripng");
	assert_int_equal(fval(p, "ripng.cmd"), 2);
	assert_int_equal(field_n(p, "ripng.rte.prefix_length", 1)->val, 64);
	assert_int_equal(field_n(p, "ripng.rte.route_tag", 1)->val, 0x1234);
	assert_int_equal(field_n(p, "ripng.rte.metric", 1)->val, 2);
	sweep_trunc("ripng", 63, RIPNG_RESPONSE, 0);

	p = decode_hex(DLT_EN10MB, RIP2_BADOFF);
	assert_int_equal(layer(p, "rip")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, RIPNG_BADVER);
	assert_int_equal(layer(p, "ripng")->status, ST_LS_MALFORMED);
}

#define LDP_HELLO \
	"020000000002020000000001080045c0003e00010000011112d9c6120001" \
	"e000000202860286002abf040001001ec612000100000100001400000001" \
	"04000004000f000004010004c6120001"
#define LDP_INIT_KA \
	"020000000002020000000001080045c0005e000200004006edb0c6120001" \
	"c61200029c41028600000001000000015018ffffe8cb000000010020c612" \
	"0001000002000016000000020500000e0001001e40200000c61200020000" \
	"0001000ec612000100000201000400000003"
#define LDP_MAPPING \
	"020000000002020000000001080045c00074000300004006ed99c6120001" \
	"c61200029c41028600000037000000015018ffffdff0000000010048c612" \
	"0001000003000012000000040101000a0001c61200010a00000104000028" \
	"0000000501000007020001180a01010200000400004e6101030001020104" \
	"0008c6120001c6120002"
#define LDP_NOTIFY \
	"020000000002020000000001080045c00048000400004006edc4c6120002" \
	"c612000102869c4100000001000000015018ffff3b5c00000001001cc612" \
	"0002000000010012000000060300000a8000000a000000000000"
/* The status TLV says 0x20 bytes, beyond its message. */
#define LDP_TLVLONG \
	"020000000002020000000001080045c00048000400004006edc4c6120002" \
	"c612000102869c4100000001000000015018ffff3b5c00000001001cc612" \
	"000200000001001200000006030000208000000a000000000000"
/* Version 2. */
#define LDP_BADVER \
	"020000000002020000000001080045c0003e00010000011112d9c6120001" \
	"e000000202860286002abf040002001ec612000100000100001400000001" \
	"04000004000f000004010004c6120001"

static void
test_ldp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, LDP_HELLO);

	(void)state;
	assert_chain(p, "eth ipv4 udp ldp");
	assert_int_equal(fval(p, "ldp.hdr.version"), 1);
	assert_int_equal(fval(p, "ldp.hdr.ldpid.lsr"), 0xc6120001);
	assert_int_equal(fval(p, "ldp.msg.type"), 0x0100);
	assert_int_equal(fval(p, "ldp.msg.tlv.hello.hold"), 15);
	assert_true(has_field(p, "ldp.gtsm_not_supported"));
	assert_int_equal(fval(p, "ldp.msg.tlv.ipv4.taddr"), 0xc6120001);
	sweep_trunc("ldp", 43, LDP_HELLO, 0);

	p = decode_hex(DLT_EN10MB, LDP_INIT_KA);
	assert_chain(p, "eth ipv4 tcp ldp ldp");
	assert_int_equal(fval(p, "ldp.msg.tlv.sess.ka"), 30);
	assert_int_equal(fval(p, "ldp.msg.tlv.sess.ldetbit"), 1);
	assert_int_equal(fval(p, "ldp.msg.tlv.sess.pvlim"), 32);
	assert_int_equal(fval(p, "ldp.msg.tlv.sess.rxlsr"), 0xc6120002);
	assert_int_equal(field_n(p, "ldp.msg.type", 1)->val, 0x0201);
	sweep_trunc("ldp", 55, LDP_INIT_KA, 1);

	p = decode_hex(DLT_EN10MB, LDP_MAPPING);
	assert_int_equal(fval(p, "ldp.msg.tlv.addrl.addr_family"), 1);
	assert_string_equal(field_n(p, "ldp.msg.tlv.addrl.addr", 1)->meaning,
	    "10.0.0.1");
	assert_int_equal(fval(p, "ldp.msg.tlv.fec.len"), 24);
	assert_string_equal(field_n(p, "ldp.msg.tlv.fec.pfval", 0)->meaning,
	    "10.1.1.0");
	assert_int_equal(fval(p, "ldp.msg.tlv.generic.label"), 20065);
	assert_int_equal(fval(p, "ldp.msg.tlv.hc.value"), 2);
	assert_int_equal(field_n(p, "ldp.msg.tlv.pv.lsrid", 1)->val,
	    0xc6120002);
	sweep_trunc("ldp", 55, LDP_MAPPING, 1);

	p = decode_hex(DLT_EN10MB, LDP_NOTIFY);
	assert_int_equal(fval(p, "ldp.msg.tlv.status.ebit"), 1);
	assert_int_equal(fval(p, "ldp.msg.tlv.status.data"), 10);
	sweep_trunc("ldp", 55, LDP_NOTIFY, 1);

	p = decode_hex(DLT_EN10MB, LDP_TLVLONG);
	assert_int_equal(layer(p, "ldp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, LDP_BADVER);
	assert_int_equal(layer(p, "ldp")->status, ST_LS_MALFORMED);
}

#define RSVP_HELLO \
	"020000000002020000000001080045c0003400010000012e2cb4c6120001" \
	"c61200021014455401000020000c16014a44672be86eb75b000c83010001" \
	"d4c00000ea60"
#define RSVP_PATH \
	"020000000002020000000001080045c0003400020000012e2cb3c6120001" \
	"c61200021001db910100002000100107c612000200000001c61200010008" \
	"860100000003"
#define RSVP_BADCK \
	"020000000002020000000001080045c0003400030000012e2cb2c6120001" \
	"c61200021014545401000020000c16014a44672be86eb75b000c83010001" \
	"d4c00000ea60"
/* An object of 6 bytes. */
#define RSVP_OBJLEN \
	"020000000002020000000001080045c0003400010000012e0000c6120001" \
	"c61200021014455401000020000616014a44672be86eb75b000c83010001" \
	"d4c00000ea60"

static void
test_rsvp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, RSVP_HELLO);

	(void)state;
	assert_chain(p, "eth ipv4 rsvp");
	assert_int_equal(fval(p, "rsvp.version"), 1);
	assert_int_equal(fval(p, "rsvp.msg"), 20);
	assert_true(has_field(p, "rsvp.hello"));
	assert_int_equal(fval(p, "rsvp.message_length"), 32);
	assert_int_equal(field_n(p, "rsvp.object", 1)->val, 131);
	assert_int_equal(fval(p, "rsvp.hello.source_instance"), 0x4a44672b);
	assert_int_equal(fval(p, "rsvp.restart_cap.recovery_time"), 60000);
	assert_int_equal(fval(p, "strata.rsvp.checksum.status"), ST_CK_GOOD);
	sweep_trunc("rsvp", 35, RSVP_HELLO, 0);

	p = decode_hex(DLT_EN10MB, RSVP_PATH);
	assert_true(has_field(p, "rsvp.path"));
	assert_int_equal(fval(p, "rsvp.session.ip"), 0xc6120002);
	assert_int_equal(fval(p, "rsvp.session.tunnel_id"), 1);
	assert_int_equal(fval(p, "rsvp.ctype.unknown"), 1);
	assert_int_equal(field_n(p, "rsvp.unknown.data", 0)->bits, 32);
	sweep_trunc("rsvp", 35, RSVP_PATH, 0);

	p = decode_hex(DLT_EN10MB, RSVP_BADCK);
	assert_int_equal(fval(p, "strata.rsvp.checksum.status"), ST_CK_BAD);
	p = decode_hex(DLT_EN10MB, RSVP_OBJLEN);
	assert_int_equal(layer(p, "rsvp")->status, ST_LS_MALFORMED);
}

#define ISIS_LAN_HELLO \
	"0180c2000014020000000001002dfefe03831b01000f0100000101920168" \
	"0001001e002a40019201680002010104034900018101cc8404c6120001"
#define ISIS_LSP \
	"0180c2000014020000000001003cfefe03831b010012010000003904b001" \
	"920168000100000000002a0d4b030104034900018102cc8e890665646765" \
	"2d318604c61200018404c6120001"
#define ISIS_CSNP \
	"0180c20000140200000000010036fefe0383210100190100000033019201" \
	"680002000000000000000000ffffffffffffffff091004b0019201680001" \
	"00000000002a1234"
#define ISIS_LSP_BADCK \
	"0180c2000014020000000001003cfefe03831b010012010000003904b001" \
	"920168000100000000002a1c4b030104034900018102cc8e890665646765" \
	"2d318604c61200018404c6120001"
/* The hostname CLV says 0x26 bytes, beyond the PDU. */
#define ISIS_CLVLONG \
	"0180c2000014020000000001003cfefe03831b010012010000003904b001" \
	"920168000100000000002a0d4b030104034900018102cc8e892665646765" \
	"2d318604c61200018404c6120001"

static void
test_isis(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ISIS_LAN_HELLO);

	(void)state;
	assert_chain(p, "eth llc osi isis isis-hello");
	assert_int_equal(fval(p, "isis.irpd"), 0x83);
	assert_int_equal(fval(p, "isis.type"), 15);
	assert_int_equal(fval(p, "isis.hello.circuit_type"), 1);
	assert_string_equal(field_n(p, "isis.hello.source_id", 0)->meaning,
	    "0192.0168.0001");
	assert_int_equal(fval(p, "isis.hello.holding_timer"), 30);
	assert_int_equal(fval(p, "isis.hello.priority"), 64);
	assert_string_equal(field_n(p, "isis.hello.lan_id", 0)->meaning,
	    "0192.0168.0002.01");
	assert_int_equal(field_n(p, "isis.hello.area_address", 0)->bits, 32);
	assert_int_equal(fval(p, "isis.hello.clv_ipv4_int_addr"), 0xc6120001);
	sweep_trunc("isis-hello", 26, ISIS_LAN_HELLO, 0);

	p = decode_hex(DLT_EN10MB, ISIS_LSP);
	assert_chain(p, "eth llc osi isis isis-lsp");
	assert_int_equal(fval(p, "isis.lsp.remaining_life"), 1200);
	assert_string_equal(field_n(p, "isis.lsp.lsp_id", 0)->meaning,
	    "0192.0168.0001.00-00");
	assert_int_equal(fval(p, "isis.lsp.sequence_number"), 0x2a);
	assert_int_equal(fval(p, "isis.lsp.checksum.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "isis.lsp.is_type"), 3);
	assert_int_equal(field_n(p, "isis.lsp.clv_nlpid.nlpid", 1)->val, 0x8e);
	assert_string_equal(field_n(p, "isis.lsp.hostname", 0)->meaning,
	    "edge-1");
	assert_int_equal(fval(p, "isis.lsp.clv_te_router_id"), 0xc6120001);
	sweep_trunc("isis-lsp", 26, ISIS_LSP, 0);

	p = decode_hex(DLT_EN10MB, ISIS_CSNP);
	assert_chain(p, "eth llc osi isis isis-csnp");
	assert_string_equal(field_n(p, "isis.csnp.end_lsp_id", 0)->meaning,
	    "ffff.ffff.ffff.ff-ff");
	assert_int_equal(fval(p, "isis.csnp.lsp_seq_num"), 0x2a);
	assert_int_equal(fval(p, "isis.csnp.lsp_checksum"), 0x1234);
	sweep_trunc("isis-csnp", 26, ISIS_CSNP, 0);

	p = decode_hex(DLT_EN10MB, ISIS_LSP_BADCK);
	assert_int_equal(fval(p, "isis.lsp.checksum.status"), ST_CK_BAD);
	p = decode_hex(DLT_EN10MB, ISIS_CLVLONG);
	assert_int_equal(layer(p, "isis-lsp")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ospf2),
		cmocka_unit_test(test_ospf3),
		cmocka_unit_test(test_bfd),
		cmocka_unit_test(test_eigrp),
		cmocka_unit_test(test_bgp),
		cmocka_unit_test(test_rip),
		cmocka_unit_test(test_ldp),
		cmocka_unit_test(test_rsvp),
		cmocka_unit_test(test_isis),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
