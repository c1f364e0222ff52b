/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rtail family.  LMP (RFC 4204, UDP 701): a Config with its CCID,
 * MESSAGE_ID, NODE_ID and CONFIG objects, a Hello, a BeginVerify, a
 * LinkSummary with TE_LINK and DATA_LINK objects and subobjects, a
 * ChannelStatus, a ConfigNack's ERROR_CODE; an object class Wireshark
 * does not know, an object shorter than its header, a message cut short.
 * Every shorter prefix of each.
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lmp_config),
		cmocka_unit_test(test_lmp_hello_verify),
		cmocka_unit_test(test_lmp_links),
		cmocka_unit_test(test_lmp_error),
		cmocka_unit_test(test_lmp_bad),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
