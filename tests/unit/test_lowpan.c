/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The lowpan family: IEEE 802.15.4 frames (link types 195 and 230), ZEP
 * on UDP 17754 carrying them, 6LoWPAN in their data frames (IPHC and NHC
 * rebuilt into the IPv6 datagram decoded after the frame; mesh, broadcast
 * and fragment headers), and RPL in ICMPv6: exact fields, truncated and
 * malformed variants, every shorter prefix.
 */
#include "testutil.h"

#define LT_WPAN		195	/* DLT_IEEE802_15_4_WITHFCS */
#define LT_NOFCS	230	/* DLT_IEEE802_15_4_NOFCS */

/* A data frame 0x0002 -> 0x0001 in PAN 0xabcd: IPHC, an ICMPv6 echo;
 * the same without its FCS. */
#define DATA	"418805cdab010002007b333a80000000123400014a95"
#define DATANOFCS "418805cdab010002007b333a8000000012340001"
/* A beacon: superframe, one GTS, a short and an extended pending
 * address, "hello". */
#define BEACON	"00800734120000ffcf8101010023110500110022334455667768656c6c" \
		"6fdf8b"
/* An association request from an extended address. */
#define ASSOC	"23c80934120000ffff1100223344556677018e12dd"
/* A secured data frame (2006): ENC-MIC-32, key index 1. */
#define SECURED	"69d80ecdab010011002233445566770d050000000173656372657464" \
		"6174614d494321d274"
/* The data frame with its FCS zeroed. */
#define BADFCS	"418810cdab010002004160000000000000000000"
/* Destination addressing mode 1 (reserved). */
#define RESVMODE "418411cdab0100267d"
/* Addresses that run into the FCS of a frame captured whole. */
#define SHORT	"418805cdab01e317"

/* ZEP v2 (LQI mode) over IPv4/UDP, and a v2 ack. */
#define ZEP2	"45000053000140004011ae71c6120001c6120002455a455a003f0a04" \
		"455802010f432100c8e3000000800000000000004d0000000000000000" \
		"000017418805cdabffff02007b3b3a018000000012340001d8eb"
#define ZEPACK	"45000024000140004011aea0c6120001c6120002455a455a0010a149" \
		"455802020000004e"
#define ZEPV3	"45000024000140004011aea0c6120001c6120002455a455a0010a149" \
		"455803020000004e"

/* 6LoWPAN: IPHC with everything inline (UDP 1000 -> 2000). */
#define IPHC	"418802cdab010002006000b8012345112120010db8000000000000000" \
		"00000000120010db800000000000000000000000203e807d0000c123461" \
		"6263645e29"
/* flow label inline, NHC UDP with 4-bit ports, stateful destination */
#define UDP4	"418803cdab010002006e164123450011223344556677abcdf312beef68" \
		"693fd1"
#define MESH	"418808cdab01000200b50001000250077b3b3a0180000000123400" \
		"01c914"
#define FRAG1	"418809cdab01000200c10012347e33f0505000070000797979797979" \
		"797979795385"
#define FRAGN	"41880acdab01000200e1001234057a7a7a7a7a7a7a7a7a7a7a7a7a7a" \
		"7a7a7a7a7a7a279d"
#define EXTHDR	"418807cdab010002007e33e10401020000f050500007abcd7725d7"
#define UNCOMP	"418801cdab01000200416000000000003b4020010db8000000000000" \
		"00000000000120010db800000000000000000000000220ee"
/* a mesh header, then dispatch 0x00 */
#define BADDISP	"418801cdab01000200b5000100020011644a"
/* IPHC unicast DAC with DAM 0 (reserved) */
#define DACDAM0	"418801cdab010002007b343a800000001234000110aa"
/* a payload that is no 6LoWPAN (NALP) */
#define NALP	"418801cdab010002000802ffff4c22"

/* RPL (IPv6 fe80::1 -> ff02::1a): a DIO with options, a DIS with
 * solicited information, a DAO with a target and transit information, a
 * DAO-ACK, and a DAO whose target runs past the message. */
#define DIO	"6000000000673a40fe800000000000000000000000000001ff02000000" \
		"000000000000000000001a9b0158ed01f00100b805000020010db8000000" \
		"0000000000000000010001020000040e07080c0a03000100000100ff003c" \
		"081e40e000000e10000007080000000020010db800000000000000000000" \
		"0001030c301800000e1020010db800000206070000020001"
#define DIS	"60000000001b3a40fe800000000000000000000000000001ff02000000" \
		"000000000000000000001a9b00405d0000071301e020010db80000000000" \
		"00000000000001f0"
#define DAO	"6000000000423a40fe800000000000000000000000000001ff02000000" \
		"000000000000000000001a9b02ce4701c0000720010db800000000000000" \
		"00000000010512008020010db80000000000000000000000010614000001" \
		"ff20010db8000000000000000000000001"
#define DAOACK	"6000000000183a40fe800000000000000000000000000001ff02000000" \
		"000000000000000000001a9b0330d10180070020010db800000000000000" \
		"0000000001"
#define DAOBAD	"6000000000143a40fe800000000000000000000000000001ff02000000" \
		"000000000000000000001a9b0232a7010000080528008020010db8000000" \
		"00"

/* Decodes the first k bytes of hex as a capture cut short. */
static const struct st_packet *
decode_cut(int lt, const char *hex, size_t k)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)k, (uint32_t)n);
	st_decode(&tpkt, lt);
	return &tpkt;
}

/* The text a field of ST_FMT_TEXT holds (an address, a time). */
#define TEXT(p, name)	(field_n((p), (name), 0)->meaning)

static void
test_wpan_data(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, DATA);
	assert_chain(p, "wpan 6lowpan ipv6 icmpv6");
	assert_int_equal(fval(p, "wpan.frame_length"), 20);
	assert_int_equal(fval(p, "wpan.fcf"), 0x8841);
	assert_int_equal(fval(p, "wpan.frame_type"), 1);
	assert_int_equal(fval(p, "wpan.security"), 0);
	assert_int_equal(fval(p, "wpan.pan_id_compression"), 1);
	assert_int_equal(fval(p, "wpan.dst_addr_mode"), 2);
	assert_int_equal(fval(p, "wpan.version"), 0);
	assert_int_equal(fval(p, "wpan.seq_no"), 5);
	assert_int_equal(fval(p, "wpan.dst_pan"), 0xabcd);
	assert_int_equal(fval(p, "wpan.dst16"), 1);
	assert_int_equal(fval(p, "wpan.src16"), 2);
	assert_false(has_field(p, "wpan.src_pan"));
	assert_int_equal(fval(p, "wpan.fcs"), 0x954a);
	assert_int_equal(field_n(p, "wpan.fcs", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "wpan.fcs_ok"), 1);
	/* the addresses made from the 802.15.4 ones */
	assert_string_equal(TEXT(p, "6lowpan.src"), "fe80::ff:fe00:2");
	assert_string_equal(TEXT(p, "6lowpan.dst"), "fe80::ff:fe00:1");
	assert_int_equal(fval(p, "ipv6.hlim"), 255);
	assert_int_equal(fval(p, "ipv6.plen"), 8);
	assert_int_equal(fval(p, "icmpv6.type"), 128);
	/* the same frame without its FCS */
	p = decode_hex(LT_NOFCS, DATANOFCS);
	assert_chain(p, "wpan 6lowpan ipv6 icmpv6");
	assert_false(has_field(p, "wpan.fcs"));
	assert_int_equal(fval(p, "wpan.frame_length"), 20);
}

static void
test_wpan_beacon(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, BEACON);
	assert_chain(p, "wpan data");
	assert_int_equal(fval(p, "wpan.frame_type"), 0);
	assert_int_equal(fval(p, "wpan.src_pan"), 0x1234);
	assert_int_equal(fval(p, "wpan.src16"), 0);
	assert_int_equal(fval(p, "wpan.beacon_order"), 15);
	assert_int_equal(fval(p, "wpan.superframe_order"), 15);
	assert_int_equal(fval(p, "wpan.cap"), 15);
	assert_int_equal(fval(p, "wpan.battery_ext"), 0);
	assert_int_equal(fval(p, "wpan.bcn_coord"), 1);
	assert_int_equal(fval(p, "wpan.assoc_permit"), 1);
	assert_int_equal(fval(p, "wpan.gts.count"), 1);
	assert_int_equal(fval(p, "wpan.gts.permit"), 1);
	assert_int_equal(fval(p, "wpan.gts.direction"), 1);
	assert_int_equal(fval(p, "wpan.gts.address"), 1);
	assert_int_equal(fval(p, "wpan.pending16"), 5);
	assert_string_equal(TEXT(p, "wpan.pending64"),
	    "77:66:55:44:33:22:00:11");
	assert_int_equal(fval(p, "data.len"), 5);
	assert_non_null(strstr(summary_of(LT_WPAN, BEACON), "802.15.4 "
	    "Beacon seq 7 from 0x0000"));
}

static void
test_wpan_command(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, ASSOC);
	assert_chain(p, "wpan");
	assert_int_equal(fval(p, "wpan.dst_pan"), 0x1234);
	assert_int_equal(fval(p, "wpan.src_pan"), 0xffff);
	assert_string_equal(TEXT(p, "wpan.src64"),
	    "77:66:55:44:33:22:00:11");
	assert_int_equal(fval(p, "wpan.cmd"), 1);
	assert_int_equal(fval(p, "wpan.cinfo.alt_coord"), 0);
	assert_int_equal(fval(p, "wpan.cinfo.device_type"), 1);
	assert_int_equal(fval(p, "wpan.cinfo.power_src"), 1);
	assert_int_equal(fval(p, "wpan.cinfo.idle_rx"), 1);
	assert_int_equal(fval(p, "wpan.cinfo.sec_capable"), 0);
	assert_int_equal(fval(p, "wpan.cinfo.alloc_addr"), 1);
	assert_non_null(strstr(summary_of(LT_WPAN, ASSOC), "Association "
	    "Request"));
}

static void
test_wpan_secured(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, SECURED);
	assert_chain(p, "wpan data");
	assert_int_equal(fval(p, "wpan.aux_sec.security_control_field"), 0x0d);
	assert_int_equal(fval(p, "wpan.aux_sec.sec_level"), 5);
	assert_int_equal(fval(p, "wpan.aux_sec.key_id_mode"), 1);
	assert_int_equal(fval(p, "wpan.aux_sec.frame_counter"), 5);
	assert_int_equal(fval(p, "wpan.aux_sec.key_index"), 1);
	assert_int_equal(field_n(p, "wpan.mic", 0)->bits, 32);
	assert_int_equal(fval(p, "data.len"), 10);	/* "secretdata" */
	assert_true(has_note(p, "encrypted"));
}

static void
test_wpan_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a bad FCS: the payload is not handed on */
	p = decode_hex(LT_WPAN, BADFCS);
	assert_chain(p, "wpan data");
	assert_int_equal(field_n(p, "wpan.fcs", 0)->ck, ST_CK_BAD);
	assert_int_equal(fval(p, "wpan.fcs_ok"), 0);
	/* malformed: a reserved addressing mode; a header into the FCS */
	p = decode_hex(LT_WPAN, RESVMODE);
	assert_int_equal(layer(p, "wpan")->status, ST_LS_MALFORMED);
	p = decode_hex(LT_WPAN, SHORT);
	assert_int_equal(layer(p, "wpan")->status, ST_LS_MALFORMED);
	/* truncated: cut in the destination address */
	p = decode_cut(LT_WPAN, DATA, 6);
	assert_int_equal(layer(p, "wpan")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "wpan.fcs"));
}

static void
test_zep(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, ZEP2);
	assert_chain(p, "ipv4 udp zep wpan 6lowpan ipv6 icmpv6");
	assert_string_equal(TEXT(p, "zep.protocol_id"), "EX");
	assert_int_equal(fval(p, "zep.version"), 2);
	assert_int_equal(fval(p, "zep.type"), 1);
	assert_int_equal(fval(p, "zep.channel_id"), 15);
	assert_int_equal(fval(p, "zep.device_id"), 0x4321);
	assert_int_equal(fval(p, "zep.lqi_mode"), 0);
	assert_int_equal(fval(p, "zep.lqi"), 200);
	assert_string_equal(TEXT(p, "zep.time"),
	    "Sep  7, 2020 00:40:32.500000000 UTC");
	assert_int_equal(fval(p, "zep.seqno"), 77);
	assert_int_equal(fval(p, "zep.length"), 23);
	/* LQI mode: TI CC24xx metadata where the FCS would be */
	assert_int_equal((int64_t)fval(p, "wpan.rssi"), -40);
	assert_int_equal(fval(p, "wpan.fcs_ok"), 1);
	assert_int_equal(fval(p, "wpan.correlation"), 107);
	assert_string_equal(TEXT(p, "6lowpan.dst"), "ff02::1");
	p = decode_hex(DLT_RAW, ZEPACK);
	assert_chain(p, "ipv4 udp zep");
	assert_int_equal(fval(p, "zep.seqno"), 78);
	/* malformed: version 3; truncated: cut in the v2 header */
	p = decode_hex(DLT_RAW, ZEPV3);
	assert_int_equal(layer(p, "zep")->status, ST_LS_MALFORMED);
	p = decode_cut(DLT_RAW, ZEP2, 40);
	assert_int_equal(layer(p, "zep")->status, ST_LS_TRUNCATED);
}

static void
test_lowpan_iphc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, IPHC);
	assert_chain(p, "wpan 6lowpan ipv6 udp data");
	assert_int_equal(fval(p, "6lowpan.pattern"), 3);
	assert_int_equal(fval(p, "6lowpan.iphc.tf"), 0);
	assert_int_equal(fval(p, "6lowpan.ecn"), 2);
	assert_int_equal(fval(p, "6lowpan.dscp"), 56);
	assert_int_equal(fval(p, "6lowpan.class"), 0xe2);
	assert_int_equal(fval(p, "6lowpan.flow"), 0x12345);
	assert_int_equal(fval(p, "6lowpan.next"), 17);
	assert_int_equal(fval(p, "6lowpan.hops"), 33);
	assert_string_equal(TEXT(p, "6lowpan.src"), "2001:db8::1");
	assert_string_equal(TEXT(p, "6lowpan.dst"), "2001:db8::2");
	assert_int_equal(fval(p, "ipv6.tclass"), 0xe2);
	assert_int_equal(fval(p, "ipv6.flow"), 0x12345);
	assert_int_equal(fval(p, "ipv6.plen"), 12);
	assert_int_equal(fval(p, "udp.srcport"), 1000);
	assert_true(has_note(p, "rebuilt"));

	p = decode_hex(LT_WPAN, UDP4);
	assert_chain(p, "wpan 6lowpan ipv6 udp data");
	assert_int_equal(fval(p, "6lowpan.iphc.sam"), 1);
	assert_int_equal(fval(p, "6lowpan.iphc.dac"), 1);
	assert_string_equal(TEXT(p, "6lowpan.iphc.sctx.prefix"), "fe80::");
	assert_false(has_field(p, "6lowpan.iphc.dctx.prefix"));
	assert_string_equal(TEXT(p, "6lowpan.src"),
	    "fe80::11:2233:4455:6677");
	assert_string_equal(TEXT(p, "6lowpan.dst"), "::ff:fe00:abcd");
	assert_int_equal(fval(p, "6lowpan.nhc.pattern"), 0x1e);
	assert_int_equal(fval(p, "6lowpan.nhc.udp.ports"), 3);
	assert_int_equal(fval(p, "6lowpan.udp.src"), 0xf0b1);
	assert_int_equal(fval(p, "6lowpan.udp.dst"), 0xf0b2);
	assert_int_equal(fval(p, "6lowpan.udp.checksum"), 0xbeef);
	assert_int_equal(fval(p, "udp.dstport"), 0xf0b2);
	assert_int_equal(fval(p, "udp.length"), 10);

	p = decode_hex(LT_WPAN, EXTHDR);
	assert_chain(p, "wpan 6lowpan ipv6 hopopts udp echo");
	assert_int_equal(fval(p, "6lowpan.nhc.ext.eid"), 0);
	assert_int_equal(fval(p, "6lowpan.nhc.ext.length"), 4);
	assert_int_equal(fval(p, "ipv6.nxt"), 0);
	assert_int_equal(fval(p, "udp.dstport"), 7);

	p = decode_hex(LT_WPAN, UNCOMP);
	assert_chain(p, "wpan 6lowpan ipv6");
	assert_int_equal(fval(p, "6lowpan.pattern"), 0x41);
}

static void
test_lowpan_headers(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, MESH);
	assert_chain(p, "wpan 6lowpan ipv6 icmpv6");
	assert_int_equal(fval(p, "6lowpan.mesh.v"), 1);
	assert_int_equal(fval(p, "6lowpan.mesh.hops"), 5);
	assert_int_equal(fval(p, "6lowpan.mesh.orig16"), 1);
	assert_int_equal(fval(p, "6lowpan.mesh.dest16"), 2);
	assert_int_equal(fval(p, "6lowpan.bcast.seqnum"), 7);
	/* the source from the mesh originator, not the frame's */
	assert_string_equal(TEXT(p, "6lowpan.src"), "fe80::ff:fe00:1");
	assert_string_equal(TEXT(p, "6lowpan.dst"), "ff02::1");

	p = decode_hex(LT_WPAN, FRAG1);
	assert_chain(p, "wpan 6lowpan data");
	assert_int_equal(fval(p, "6lowpan.pattern"), 0x18);
	assert_int_equal(fval(p, "6lowpan.frag.size"), 256);
	assert_int_equal(fval(p, "6lowpan.frag.tag"), 0x1234);
	assert_int_equal(fval(p, "6lowpan.udp.src"), 0x5050);

	p = decode_hex(LT_WPAN, FRAGN);
	assert_chain(p, "wpan 6lowpan data");
	assert_int_equal(fval(p, "6lowpan.pattern"), 0x1c);
	assert_int_equal(fval(p, "6lowpan.frag.offset"), 40);
	assert_int_equal(fval(p, "data.len"), 20);

	/* no 6LoWPAN dispatch: data */
	p = decode_hex(LT_WPAN, NALP);
	assert_chain(p, "wpan data");
}

static void
test_lowpan_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_WPAN, BADDISP);
	assert_int_equal(layer(p, "6lowpan")->status, ST_LS_MALFORMED);
	p = decode_hex(LT_WPAN, DACDAM0);
	assert_int_equal(layer(p, "6lowpan")->status, ST_LS_MALFORMED);
	/* cut inside the inline source address: truncated, nothing
	 * rebuilt */
	p = decode_cut(LT_WPAN, IPHC, 30);
	assert_int_equal(layer(p, "6lowpan")->status, ST_LS_TRUNCATED);
	assert_null(last_layer(p, "ipv6"));
}

static void
test_rpl(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, DIO);
	assert_chain(p, "ipv6 icmpv6");
	assert_int_equal(field_n(p, "icmpv6.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.instance"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.version"), 240);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.rank"), 256);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.flag"), 0xb8);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.flag.g"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.flag.mop"), 7);
	assert_int_equal(fval(p, "icmpv6.rpl.dio.dtsn"), 5);
	assert_int_equal(field_n(p, "icmpv6.rpl.opt.type", 0)->val, 0);
	assert_int_equal(field_n(p, "icmpv6.rpl.opt.type", 1)->val, 1);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.config.pcs"), 7);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.config.interval_min"), 12);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.config.max_rank_inc"), 768);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.config.lifetime_unit"), 60);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.prefix.length"), 64);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.prefix.flag.l"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.prefix.valid_lifetime"),
	    3600);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.route.prefix_length"), 48);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.route.pref"), 3);
	assert_string_equal(TEXT(p, "icmpv6.rpl.opt.route.prefix"),
	    "2001:db8::");
	assert_int_equal(fval(p, "icmpv6.rpl.opt.metric.type"), 7);

	p = decode_hex(DLT_RAW, DIS);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.solicited.instance"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.solicited.flag.d"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.solicited.version"), 240);

	p = decode_hex(DLT_RAW, DAO);
	assert_int_equal(fval(p, "icmpv6.rpl.dao.flag.k"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.dao.flag.d"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.dao.sequence"), 7);
	assert_true(has_field(p, "icmpv6.rpl.dao.dodagid"));
	assert_int_equal(fval(p, "icmpv6.rpl.opt.target.prefix_length"), 128);
	assert_string_equal(TEXT(p, "icmpv6.rpl.opt.target.prefix"),
	    "2001:db8::1");
	assert_int_equal(fval(p, "icmpv6.rpl.opt.transit.pathseq"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.transit.pathlifetime"), 255);
	assert_true(has_field(p, "icmpv6.rpl.opt.transit.parent"));

	p = decode_hex(DLT_RAW, DAOACK);
	assert_int_equal(fval(p, "icmpv6.rpl.daoack.flag.d"), 1);
	assert_int_equal(fval(p, "icmpv6.rpl.daoack.sequence"), 7);
	assert_int_equal(fval(p, "icmpv6.rpl.daoack.status"), 0);

	/* malformed: an option past the message, decoded as far as it
	 * goes; truncated: cut in the DIO's DODAGID */
	p = decode_hex(DLT_RAW, DAOBAD);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "icmpv6.rpl.opt.target.prefix_length"), 128);
	p = decode_cut(DLT_RAW, DIO, 60);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_TRUNCATED);
}

static void
test_sweeps(void **state)
{
	(void)state;
	sweep_prefixes(LT_WPAN, DATA);
	sweep_prefixes(LT_WPAN, BEACON);
	sweep_prefixes(LT_WPAN, ASSOC);
	sweep_prefixes(LT_WPAN, SECURED);
	sweep_prefixes(DLT_RAW, ZEP2);
	sweep_prefixes(LT_WPAN, IPHC);
	sweep_prefixes(LT_WPAN, UDP4);
	sweep_prefixes(LT_WPAN, MESH);
	sweep_prefixes(LT_WPAN, FRAG1);
	sweep_prefixes(LT_WPAN, EXTHDR);
	sweep_prefixes(DLT_RAW, DIO);
	sweep_prefixes(DLT_RAW, DAO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wpan_data),
		cmocka_unit_test(test_wpan_beacon),
		cmocka_unit_test(test_wpan_command),
		cmocka_unit_test(test_wpan_secured),
		cmocka_unit_test(test_wpan_bad),
		cmocka_unit_test(test_zep),
		cmocka_unit_test(test_lowpan_iphc),
		cmocka_unit_test(test_lowpan_headers),
		cmocka_unit_test(test_lowpan_bad),
		cmocka_unit_test(test_rpl),
		cmocka_unit_test(test_sweeps),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
