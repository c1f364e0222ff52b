/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rtail family.  LMP (RFC 4204, UDP 701): a Config with its CCID,
 * MESSAGE_ID, NODE_ID and CONFIG objects, a Hello, a BeginVerify, a
 * LinkSummary with TE_LINK and DATA_LINK objects and subobjects, a
 * ChannelStatus, a ConfigNack's ERROR_CODE; an object class Wireshark
 * does not know, an object shorter than its header, a message cut short.
 * MPLS LSP ping (RFC 8029, UDP 3503): a request with its FEC stack,
 * Downstream Mapping and Pad, a reply with an Interface and Label Stack,
 * a vendor number and a reply TOS, Errored TLVs, a TLV of fewer than 4
 * bytes and one past the message.  AODV (RFC 3561, UDP 654): a RREQ
 * with extensions, a RERR, the IPv6 draft's RREQ and RFC 3561's over
 * IPv6; a RERR whose count runs past it, an extension of length 0, a
 * type AODV does not have.  HNCP (RFC 7788, UDP 8231): a node state
 * with nested HNCP TLVs, trust verdict, PSK and an unknown TLV; a TLV
 * past the datagram, nesting too deep.  Every shorter prefix of each.
 */
#include "testutil.h"

/* IPv4 198.18.0.1 -> 198.18.0.2, UDP 701 -> 701, for n LMP bytes. */
#define LMP40	"45000044000140004011ae80c6120001c612000202bd02bd00300000"
#define LMP28	"45000038000140004011ae8cc6120001c612000202bd02bd00240000"
#define LMP48	"4500004c000140004011ae78c6120001c612000202bd02bd00380000"
#define LMP84	"45000070000140004011ae54c6120001c612000202bd02bd005c0000"
#define LMP44	"45000048000140004011ae7cc6120001c612000202bd02bd00340000"

#define CONFIG	LMP40 "100000010028a32c" "0101000800000007" \
	"01050008000003e9" "01020008c0000201" "81060008009601f4"
#define HELLO	LMP28 "10000204001cebb3" "0101000800000007" \
	"0107000c0000000500000004"
#define BEGINV	LMP48 "1000000500300ca1" "0101000800000007" \
	"01050008000003e9" "010800180001006400000002050080004d9502f90000060e"
#define SUMMARY	LMP84 "1000000e00549e46" "01050008000003e9" \
	"010b001003000000c0000201c0000202" \
	"010c0024020000000a0000010a000002" \
	"010c96084cee6b284e9502f9" "020800000000060e" \
	"030c0010010000000000001100000012"
#define CHSTAT	LMP44 "10000011002c6674" "0101000800000007" \
	"01050008000003e9" "030d0014" "00000011800000010000001200000003"
#define NACK	LMP40 "10000003002824a2" "0101000800000007" \
	"01050008000003e9" "01020008c0000201" "0214000800000005"

static void
test_lmp_config(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, CONFIG);
	assert_chain(p, "ipv4 udp lmp");
	assert_int_equal(fval(p, "lmp.version"), 16);
	assert_int_equal(fval(p, "lmp.msg"), 1);
	assert_int_equal(fval(p, "lmp.msg.config"), 1);
	assert_int_equal(fval(p, "lmp.header_length"), 40);
	assert_int_equal(fval(p, "strata.lmp.checksum"), 0xa32c);
	assert_int_equal(fval(p, "lmp.local_ccid"), 7);
	assert_int_equal(fval(p, "lmp.messageid"), 1001);
	assert_int_equal(fval(p, "lmp.local_nodeid"), 0xc0000201);
	assert_int_equal(fval(p, "lmp.hellointerval"), 150);
	assert_int_equal(fval(p, "lmp.hellodeadinterval"), 500);
	/* the CONFIG object is negotiable; the three before are not */
	assert_int_equal(field_n(p, "lmp.negotiable", 3)->val, 1);
	assert_int_equal(field_n(p, "lmp.object", 3)->val, 6);
	assert_true(has_field(p, "lmp.obj.config"));
	assert_int_equal(last_layer(p, "lmp")->status, ST_LS_OK);
	assert_string_equal(summary_of(DLT_RAW, CONFIG), "   1  0.000000  "
	    "ipv4 › udp › lmp  LMP Config, length 40, CCID 7, Msg-ID 1001, "
	    "hello 150ms dead 500ms\n");
	sweep_prefixes(DLT_RAW, CONFIG);
}

static void
test_lmp_hello_verify(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, HELLO);
	assert_int_equal(fval(p, "lmp.hdr.reboot"), 1);
	assert_int_equal(fval(p, "lmp.hdr.ccdown"), 0);
	assert_int_equal(fval(p, "lmp.txseqnum"), 5);
	assert_int_equal(fval(p, "lmp.rxseqnum"), 4);
	p = decode_hex(DLT_RAW, BEGINV);
	assert_int_equal(fval(p, "lmp.begin_verify.flags"), 1);
	assert_int_equal(fval(p, "lmp.begin_verify.all_links"), 1);
	assert_int_equal(fval(p, "lmp.verify_interval"), 100);
	assert_int_equal(fval(p, "lmp.number_of_data_links"), 2);
	assert_int_equal(fval(p, "lmp.begin_verify.enctype"), 5);
	assert_int_equal(fval(p, "lmp.verify_transport_mechanism"), 0x8000);
	/* 312.5 MB/s is 2500 Mbps, as Wireshark works it out */
	assert_string_equal(field_n(p, "lmp.transmission_rate", 0)->meaning,
	    "2500");
	assert_int_equal(fval(p, "lmp.wavelength"), 1550);
	sweep_prefixes(DLT_RAW, HELLO);
	sweep_prefixes(DLT_RAW, BEGINV);
}

static void
test_lmp_links(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, SUMMARY);
	assert_int_equal(fval(p, "lmp.te_link_flags"), 3);
	assert_int_equal(fval(p, "lmp.te_link.local_ipv4"), 0xc0000201);
	assert_int_equal(fval(p, "lmp.te_link.remote_ipv4"), 0xc0000202);
	assert_int_equal(field_n(p, "lmp.data_link_flags", 0)->val, 2);
	assert_int_equal(fval(p, "lmp.data_link.local_ipv4"), 0x0a000001);
	assert_int_equal(field_n(p, "lmp.subobject_type", 0)->val, 1);
	assert_int_equal(fval(p, "lmp.data_link_switching"), 150);
	assert_int_equal(fval(p, "lmp.data_link_encoding"), 8);
	assert_string_equal(field_n(p, "lmp.minimum_reservable_bandwidth",
	    0)->meaning, "1000");
	assert_string_equal(field_n(p, "lmp.maximum_reservable_bandwidth",
	    0)->meaning, "10000");
	assert_int_equal(field_n(p, "lmp.subobject_type", 1)->val, 2);
	assert_int_equal(fval(p, "lmp.wavelength"), 1550);
	assert_int_equal(fval(p, "lmp.data_link.local_unnum"), 17);
	assert_int_equal(fval(p, "lmp.data_link.remote_unnum"), 18);
	assert_int_equal(field_n(p, "lmp.data_link.port", 1)->val, 1);
	sweep_prefixes(DLT_RAW, SUMMARY);

	p = decode_hex(DLT_RAW, CHSTAT);
	assert_int_equal(field_n(p, "lmp.interface_id.id_unnumbered", 1)->val,
	    18);
	assert_int_equal(field_n(p, "lmp.link", 0)->val, 1);
	assert_int_equal(field_n(p, "lmp.channel_status", 0)->val, 1);
	assert_int_equal(field_n(p, "lmp.link", 1)->val, 0);
	assert_int_equal(field_n(p, "lmp.channel_status", 1)->val, 3);
	sweep_prefixes(DLT_RAW, CHSTAT);
}

static void
test_lmp_error(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, NACK);
	assert_int_equal(fval(p, "lmp.msg.confignack"), 1);
	/* the code twice, as Wireshark shows it, then its bits: 0x04 is
	 * both C-Type bits by Wireshark's masks */
	assert_int_equal(field_n(p, "lmp.error", 1)->val, 5);
	assert_int_equal(fval(p, "lmp.error.summary_bad_params"), 1);
	assert_int_equal(fval(p, "lmp.error.summary_renegotiate"), 0);
	assert_int_equal(fval(p, "lmp.error.summary_unknown_tel_ctype"), 1);
	assert_int_equal(fval(p, "lmp.error.summary_unknown_dl_ctype"), 1);
	assert_int_equal(fval(p, "lmp.error.summary_bad_te_link"), 0);
	sweep_prefixes(DLT_RAW, NACK);
}

/* A class Wireshark does not know ends the objects; a length below 4 is
 * malformed; a message past the capture is truncated. */
static void
test_lmp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, "45000034000140004011ae90c6120001c6120002"
	    "02bd02bd00200000" "1000000100181234" "0101000800000007"
	    "01630008deadbeef");
	assert_int_equal(field_n(p, "lmp.object", 1)->val, 99);
	assert_int_equal(field_n(p, "strata.lmp.unknown.value", 0)->bits, 32);
	assert_true(has_note(p, "Wireshark does not know"));
	assert_int_equal(last_layer(p, "lmp")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, "45000034000140004011ae90c6120001c6120002"
	    "02bd02bd00200000" "1000000100181234" "0101000200000007"
	    "0101000800000007");
	assert_int_equal(last_layer(p, "lmp")->status, ST_LS_MALFORMED);
	/* a Config whose objects the capture cuts */
	p = decode_hex(DLT_RAW, LMP40 "100000010028a32c" "0101000800000007"
	    "0105");
	assert_int_equal(last_layer(p, "lmp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "lmp.local_ccid"), 7);
	/* a message type Wireshark does not know: the header only */
	p = decode_hex(DLT_RAW, "45000034000140004011ae90c6120001c6120002"
	    "02bd02bd00200000" "1000006300181234" "0101000800000007"
	    "0101000800000007");
	assert_false(has_field(p, "lmp.local_ccid"));
	assert_false(has_field(p, "strata.lmp.checksum"));
}

/* UDP 3503 -> 3503 from 198.18.0.1, checksums right. */
#define ME_REQ	"4500008c000140004011ae38c6120001c61200020daf0daf007871d1" \
	"00010001010200000000123400000001e8b1f2a0800000000000000000000000" \
	"0001002400010008c00002092000000000030014c000020900000007c0000201" \
	"c0000201000000030002001805dc01010a0000020a0000010000000000011100" \
	"000121030003000801aaaaaaaaaaaaaa"
#define ME_REPLY "450000a4000140004011ae20c6120002c61200010daf0daf009074c7" \
	"00010000020203010000123400000001e8b1f2a080000000e8b1f2a140000000" \
	"0001002400010008c00002092000000000030014c000020900000007c0000201" \
	"c0000201000000030002001805dc01010a0000020a0000010000000000011100" \
	"000121030007001001000000" "0a0000020a000001000111ff" \
	"000500040000000900" "0a0004b8000000"
#define ME_ERR	"45000050000140004011ae74c6120002c61200010daf0daf003c7eca" \
	"00010000020208010000123400000002e8b1f2a080000000e8b1f2a080000000" \
	"00090008006300020102000000c8000301020300"

static void
test_mplsecho_request(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, ME_REQ);
	assert_chain(p, "ipv4 udp mpls-echo");
	assert_int_equal(fval(p, "mpls_echo.version"), 1);
	assert_int_equal(fval(p, "mpls_echo.flag_v"), 1);
	assert_int_equal(fval(p, "mpls_echo.msg_type"), 1);
	assert_int_equal(fval(p, "mpls_echo.reply_mode"), 2);
	assert_int_equal(fval(p, "mpls_echo.sender_handle"), 0x1234);
	assert_int_equal(fval(p, "mpls_echo.sequence"), 1);
	assert_string_equal(field_n(p, "mpls_echo.timestamp_sent", 0)->meaning,
	    "Sep 17, 2023 21:48:16.500000000 UTC");
	/* a zero timestamp is the Unix epoch, as Wireshark writes it */
	assert_string_equal(field_n(p, "mpls_echo.timestamp_rec", 0)->meaning,
	    "Jan  1, 1970 00:00:00.000000000 UTC");
	assert_int_equal(field_n(p, "mpls_echo.tlv.type", 0)->val, 1);
	assert_int_equal(field_n(p, "mpls_echo.tlv.len", 0)->val, 36);
	assert_int_equal(fval(p, "mpls_echo.tlv.fec.ldp_ipv4"), 0xc0000209);
	assert_int_equal(fval(p, "mpls_echo.tlv.fec.ldp_ipv4_mask"), 32);
	assert_int_equal(fval(p, "mpls_echo.tlv.fec.rsvp_ip_tun_id"), 7);
	assert_int_equal(fval(p, "mpls_echo.tlv.fec.rsvp_ipv4_ext_tun_id"),
	    0xc0000201);
	assert_int_equal(fval(p, "mpls_echo.tlv.fec.rsvp_ip_lsp_id"), 3);
	assert_int_equal(fval(p, "mpls_echo.tlv.ds_map.mtu"), 1500);
	assert_int_equal(fval(p, "mpls_echo.tlv.ds_map.flag_n"), 1);
	assert_int_equal(fval(p, "mpls_echo.tlv.ds_map.ds_ip"), 0x0a000002);
	assert_int_equal(field_n(p, "mpls_echo.tlv.ds_map.mp_label", 1)->val,
	    18);
	assert_int_equal(field_n(p, "mpls_echo.tlv.ds_map.mp_proto", 1)->val,
	    3);
	assert_int_equal(fval(p, "mpls_echo.tlv.pad_action"), 1);
	assert_int_equal(field_n(p, "mpls_echo.tlv.pad_padding", 0)->bits, 56);
	assert_int_equal(last_layer(p, "mpls-echo")->status, ST_LS_OK);
	assert_string_equal(summary_of(DLT_RAW, ME_REQ), "   1  0.000000  "
	    "ipv4 › udp › mpls-echo  MPLS echo request, seq 1, handle "
	    "0x00001234, reply mode 2\n");
	sweep_prefixes(DLT_RAW, ME_REQ);
}

static void
test_mplsecho_reply(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, ME_REPLY);
	assert_int_equal(fval(p, "mpls_echo.return_code"), 3);
	assert_int_equal(fval(p, "mpls_echo.return_subcode"), 1);
	assert_string_equal(field_n(p, "mpls_echo.timestamp_rec", 0)->meaning,
	    "Sep 17, 2023 21:48:17.250000000 UTC");
	assert_int_equal(fval(p, "mpls_echo.tlv.ilso.addr_type"), 1);
	assert_int_equal(fval(p, "mpls_echo.tlv.ilso_ipv4.int_addr"),
	    0x0a000001);
	assert_int_equal(fval(p, "mpls_echo.tlv.ilso_ipv4.label"), 17);
	assert_int_equal(fval(p, "mpls_echo.tlv.ilso_ipv4.ttl"), 255);
	assert_int_equal(fval(p, "mpls_echo.tlv.vendor_id"), 9);
	assert_int_equal(fval(p, "mpls_echo.tlv.reply.tos"), 0xb8);
	assert_int_equal(last_layer(p, "mpls-echo")->status, ST_LS_OK);
	assert_string_equal(summary_of(DLT_RAW, ME_REPLY), "   1  0.000000  "
	    "ipv4 › udp › mpls-echo  MPLS echo reply, seq 1, handle "
	    "0x00001234, reply mode 2, return code 3 (Replying router is an "
	    "egress for the FEC at stack depth 1)\n");
	sweep_prefixes(DLT_RAW, ME_REPLY);
}

/* Errored TLVs read again as TLVs; a TLV of 3 bytes leaves its pad byte,
 * which is no TLV (Wireshark pads no TLV): malformed. */
static void
test_mplsecho_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, ME_ERR);
	assert_int_equal(fval(p, "mpls_echo.tlv.errored.type"), 99);
	assert_int_equal(field_n(p, "mpls_echo.tlv.len", 1)->val, 2);
	assert_int_equal(field_n(p, "mpls_echo.tlv.value", 0)->bits, 16);
	assert_int_equal(field_n(p, "mpls_echo.tlv.type", 1)->val, 200);
	assert_int_equal(field_n(p, "mpls_echo.tlv.value", 1)->bits, 24);
	assert_int_equal(last_layer(p, "mpls-echo")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, ME_ERR);
	/* a sub-TLV of 5 bytes and its padding; a TLV past the end */
	p = decode_hex(DLT_RAW, "45000054000140004011ae70c6120001c6120002"
	    "0daf0daf00400330" "00010000010200000000123400000003"
	    "e8b1f2a0800000000000000000000000" "0001000c00010005c0000209"
	    "20000000" "0005040000000009");
	assert_int_equal(fval(p, "mpls_echo.tlv.fec.ldp_ipv4_mask"), 32);
	assert_int_equal(field_n(p, "mpls_echo.padding", 0)->bits, 24);
	assert_int_equal(fval(p, "mpls_echo.tlv.vendor_id"), 9);
	assert_int_equal(last_layer(p, "mpls-echo")->status, ST_LS_MALFORMED);
	/* the header cut short */
	p = decode_hex(DLT_RAW, "45000054000140004011ae70c6120001c6120002"
	    "0daf0daf00400330" "0001000001020000000012340000");
	assert_int_equal(last_layer(p, "mpls-echo")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "mpls_echo.sequence"));
	/* A message type other than request and reply has no timestamps:
	 * its TLVs begin after the sequence number (a vendor TLV here). */
	p = decode_hex(DLT_RAW, "45000034000140004011ae90c6120001c6120002"
	    "0daf0daf00200000" "00010000" "1f4d0014" "00001234" "00000001"
	    "0005000400000009");
	assert_false(has_field(p, "mpls_echo.timestamp_sent"));
	assert_int_equal(fval(p, "mpls_echo.tlv.type"), 5);
	assert_int_equal(fval(p, "mpls_echo.tlv.vendor_id"), 9);
}

#define AODV_RREQ "45000048000140004011ae7cc6120001c6120002028e028e0034c5b0" \
	"01f80003" "0000004d" "0a000009" "00000005" "0a000001" "00000006" \
	"0204000003e8" "030800000000075bcd15" "0902abcd"
#define AODV_RERR "45000030000140004011ae94c6120001c6120002028e028e001c56cc" \
	"03800002" "0a00000900000008" "0a00000a00000009"
#define AODV_RREQ6 "4500004c000140004011ae78c6120002c6120001028e028e0038022b" \
	"10800001" "00000005" "00000006" "00000007" \
	"20010db8000000000000000000000009" "20010db8000000000000000000000001"
#define AODV_OVER6 "600000000038114020010db8000000000000000000000001" \
	"20010db8000000000000000000000002028e028e003841de" \
	"01800001" "00000005" "20010db8000000000000000000000009" "00000006" \
	"20010db8000000000000000000000001" "00000007"

static void
test_aodv_rreq(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, AODV_RREQ);
	assert_chain(p, "ipv4 udp aodv");
	assert_int_equal(fval(p, "aodv.type"), 1);
	assert_int_equal(fval(p, "aodv.flags"), 0xf800);
	assert_int_equal(fval(p, "aodv.flags.rreq_join"), 1);
	assert_int_equal(fval(p, "aodv.flags.rreq_unknown"), 1);
	assert_int_equal(fval(p, "aodv.hopcount"), 3);
	assert_int_equal(fval(p, "aodv.rreq_id"), 77);
	assert_int_equal(fval(p, "aodv.dest_ip"), 0x0a000009);
	assert_int_equal(fval(p, "aodv.dest_seqno"), 5);
	assert_int_equal(fval(p, "aodv.orig_ip"), 0x0a000001);
	assert_int_equal(fval(p, "aodv.orig_seqno"), 6);
	assert_int_equal(fval(p, "aodv.hello_interval"), 1000);
	assert_int_equal(fval(p, "aodv.timestamp"), 123456789);
	assert_int_equal(field_n(p, "aodv.ext_type", 2)->val, 9);
	assert_int_equal(last_layer(p, "aodv")->status, ST_LS_OK);
	assert_string_equal(summary_of(DLT_RAW, AODV_RREQ), "   1  0.000000  "
	    "ipv4 › udp › aodv  aodv rreq [JRGDU] hops 3 id 0x0000004d dst "
	    "10.0.0.9 seq 5 src 10.0.0.1 seq 6\n");
	sweep_prefixes(DLT_RAW, AODV_RREQ);
}

static void
test_aodv_rerr_v6(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, AODV_RERR);
	assert_int_equal(fval(p, "aodv.flags.rerr_nodelete"), 1);
	assert_int_equal(fval(p, "aodv.destcount"), 2);
	assert_int_equal(field_n(p, "aodv.unreach_dest_ip", 1)->val,
	    0x0a00000a);
	assert_int_equal(field_n(p, "aodv.dest_seqno", 1)->val, 9);
	sweep_prefixes(DLT_RAW, AODV_RERR);
	/* the draft's: sequence numbers before the addresses */
	p = decode_hex(DLT_RAW, AODV_RREQ6);
	assert_int_equal(fval(p, "aodv.type"), 16);
	assert_int_equal(fval(p, "aodv.dest_seqno"), 6);
	assert_int_equal(fval(p, "aodv.orig_seqno"), 7);
	assert_int_equal(field_n(p, "aodv.dest_ipv6", 0)->bitoff / 8,
	    20 + 8 + 16);
	sweep_prefixes(DLT_RAW, AODV_RREQ6);
	/* RFC 3561's over IPv6: its own order, 16-byte addresses */
	p = decode_hex(DLT_RAW, AODV_OVER6);
	assert_int_equal(fval(p, "aodv.dest_seqno"), 6);
	assert_int_equal(fval(p, "aodv.orig_seqno"), 7);
	assert_int_equal(field_n(p, "aodv.orig_ipv6", 0)->bitoff / 8,
	    40 + 8 + 28);
	sweep_prefixes(DLT_RAW, AODV_OVER6);
}

static void
test_aodv_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* five destinations announced, one there: none shown, malformed */
	p = decode_hex(DLT_RAW, "45000028000140004011ae9cc6120001c6120002"
	    "028e028e00140000" "03000005" "0a00000900000008");
	assert_false(has_field(p, "aodv.unreach_dest_ip"));
	assert_int_equal(last_layer(p, "aodv")->status, ST_LS_MALFORMED);
	/* an extension of length 0 ends the message, malformed */
	p = decode_hex(DLT_RAW, "45000032000140004011ae92c6120001c6120002"
	    "028e028e001e0000" "02001802" "0a00000900000007"
	    "0a00000100000bb8" "0100");
	assert_int_equal(fval(p, "aodv.prefix_sz"), 24);
	assert_int_equal(fval(p, "aodv.ext_length"), 0);
	assert_int_equal(last_layer(p, "aodv")->status, ST_LS_MALFORMED);
	/* a type AODV does not have: data, as tshark shows it */
	p = decode_hex(DLT_RAW, "45000022000140004011aea2c6120001c6120002"
	    "028e028e000e0000" "630000000000");
	assert_chain(p, "ipv4 udp data");
}

#define HNCP_STATE "6000000000d8114020010db800000000000000000000000120010db8" \
	"0000000000000000000000022027202700d8ccf9" \
	"000300080a0b0c0d00000001000500c00a0b0c0d00000007000005dc11223344" \
	"556677880020000d00004201686e6574642f312e300000000021001c00220018" \
	"00000e10000007083820010db8000100002b0001000000000023000e00000001" \
	"024020010db8000100010000002400140000000120010db80000000000000000" \
	"000000010027001c20010db80000000000000000000000010504686f6d650461" \
	"727061000028000b04686f6d65046172706100000029001720010db800000000" \
	"000000000000000106726f7574657200"
#define HNCP_TRUST "600000000068114020010db800000000000000000000000120010db8" \
	"00000000000000000000000220272027006826db" \
	"000a002f03000000000102030405060708090a0b0c0d0e0f1011121314151617" \
	"18191a1b1c1d1e1f726f757465722e686f6d6500002a0020202122232425262728" \
	"292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f00c8000301020300"

static void
test_hncp_state(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, HNCP_STATE);
	assert_chain(p, "ipv6 udp hncp");
	assert_int_equal(field_n(p, "strata.hncp.type", 0)->val, 3);
	assert_int_equal(field_n(p, "strata.hncp.node_id", 0)->val,
	    0x0a0b0c0d);
	assert_int_equal(fval(p, "strata.hncp.seqno"), 7);
	assert_int_equal(fval(p, "strata.hncp.ms_since_origination"), 1500);
	assert_int_equal(fval(p, "strata.hncp.hash"), 0x1122334455667788ULL);
	assert_int_equal(fval(p, "strata.hncp.cap_m"), 4);
	assert_int_equal(fval(p, "strata.hncp.cap_l"), 1);
	assert_string_equal(field_n(p, "strata.hncp.user_agent", 0)->meaning,
	    "hnetd/1.0");
	assert_int_equal(fval(p, "strata.hncp.valid_lifetime"), 3600);
	assert_string_equal(field_n(p, "strata.hncp.prefix", 0)->meaning,
	    "2001:db8:1::/56");
	assert_int_equal(fval(p, "strata.hncp.policy_type"), 0);
	assert_int_equal(fval(p, "strata.hncp.priority"), 2);
	assert_string_equal(field_n(p, "strata.hncp.prefix", 1)->meaning,
	    "2001:db8:1:1::/64");
	assert_int_equal(fval(p, "strata.hncp.zone_flags"), 5);
	assert_string_equal(field_n(p, "strata.hncp.zone", 0)->meaning,
	    "home.arpa");
	assert_string_equal(field_n(p, "strata.hncp.domain", 0)->meaning,
	    "home.arpa");
	assert_string_equal(field_n(p, "strata.hncp.name", 0)->meaning,
	    "router");
	assert_int_equal(last_layer(p, "hncp")->status, ST_LS_OK);
	assert_string_equal(summary_of(DLT_RAW, HNCP_STATE), "   1  0.000000  "
	    "ipv6 › udp › hncp  HNCP Node endpoint, Node state, HNCP version, "
	    "External connection, Delegated prefix, Prefix policy, ...\n");
	sweep_prefixes(DLT_RAW, HNCP_STATE);
}

static void
test_hncp_other(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, HNCP_TRUST);
	assert_int_equal(fval(p, "strata.hncp.verdict"), 3);
	assert_int_equal(field_n(p, "strata.hncp.fingerprint", 0)->bits, 256);
	assert_string_equal(field_n(p, "strata.hncp.common_name", 0)->meaning,
	    "router.home");
	assert_int_equal(field_n(p, "strata.hncp.psk", 0)->bits, 256);
	/* an unknown TLV: its bytes, then its padding */
	assert_int_equal(field_n(p, "strata.hncp.value", 0)->bits, 24);
	assert_int_equal(last_layer(p, "hncp")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, HNCP_TRUST);
	/* a Network State TLV whose length runs past the datagram */
	p = decode_hex(DLT_RAW, "600000000018114020010db800000000000000000"
	    "000000120010db80000000000000000000000022027202700180000"
	    "000300080a0b0c0d00000001" "0004004000000000");
	assert_int_equal(last_layer(p, "hncp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "strata.hncp.endpoint_id"), 1);
	/* External Connections nested six deep: the last as bytes */
	p = decode_hex(DLT_RAW, "600000000020114020010db800000000000000000"
	    "000000120010db80000000000000000000000022027202700200000"
	    "00210014" "00210010" "0021000c" "00210008" "00210004" "00210000");
	assert_true(has_note(p, "nested too deep"));
	assert_int_equal(last_layer(p, "hncp")->status, ST_LS_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lmp_config),
		cmocka_unit_test(test_lmp_hello_verify),
		cmocka_unit_test(test_lmp_links),
		cmocka_unit_test(test_lmp_error),
		cmocka_unit_test(test_lmp_bad),
		cmocka_unit_test(test_mplsecho_request),
		cmocka_unit_test(test_mplsecho_reply),
		cmocka_unit_test(test_mplsecho_bad),
		cmocka_unit_test(test_aodv_rreq),
		cmocka_unit_test(test_aodv_rerr_v6),
		cmocka_unit_test(test_aodv_bad),
		cmocka_unit_test(test_hncp_state),
		cmocka_unit_test(test_hncp_other),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
