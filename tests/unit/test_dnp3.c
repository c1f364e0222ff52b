/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNP 3.0 (src/proto/dnp3.c): the data link header and its CRC, the
 * transport header, the data chunks and their CRCs, the application layer
 * (control, function, internal indications, object headers and the values
 * strata shows: time delays, internal indication points, a file command) from frames of ../shared/corpus/zeek/dnp3__*.pcap and
 * frames made to match (their CRCs worked out, tshark 4.0 agreeing); two
 * messages in one TCP segment; a bad chunk CRC; a fragment of several; a
 * secondary station's link frames; every prefix.
 */
#include "testutil.h"

/* dnp3__dnp3_udp_write.pcap frame 1: Write g80v1 point 7 (UDP). */
#define DNP_WRITE \
	"0050c24f9464001676c7cedb080045000031d983000080113f3bc0a850a0c0a8" \
	"500c04684e20001d389505640ec401006400cd12ccce025001000707003835"

/* dnp3__dnp3_file_del.pcap frame 4: Delete File, g70v3 behind a 2-byte
 * size (TCP, six chunks). */
#define DNP_FILE \
	"001b210b1524b8ac6fab457a08004500009c207f40008006b900827e8efa827e" \
	"8ce5c47d4e20069f88d383cc647e5018402942a20000056463c404000300c7ee" \
	"c7c91b46035b0155001a003b000000009ec70000000000000000000000000000" \
	"0000ffff001e00433a2f74656d702f444e504465677d76696365436f6e666967" \
	"75726174696f930c6e207772697474656e20746f2052656d35206f7465204465" \
	"766963652e786d6cc48b"

/* dnp3__dnp3_del_measure.pcap frame 6: Response, g52v2 time delay 1. */
#define DNP_DELAY \
	"b8ac6fab457a001b210b152408004500003f4894400080069148827e8ce5827e" \
	"8efa4e20c105e617bdc4a252c06c50180100299f00000564104403000200f946" \
	"d8c481000034020701010087dd"

/* A response: IIN 0x9002, g80v1 points 0-9, g52v2 two delays (a second
 * chunk). */
#define DNP_RESP \
	"0050c24f9464001676c7cedb08004500003ed983000080110000c0a850a0c0a8" \
	"500c04684e20002a000005641944640001005a0ac1c381900250010000" \
	"09a50134020702efdc050058021796"

/* The same with the last CRC byte flipped. */
#define DNP_BADCRC \
	"0050c24f9464001676c7cedb08004500003ed983000080110000c0a850a0c0a8" \
	"500c04684e20002a000005641944640001005a0ac1c381900250010000" \
	"09a50134020702efdc050058021769"

/* The same as the first fragment of several (transport FIR only). */
#define DNP_FRAG \
	"0050c24f9464001676c7cedb08004500003ed983000080110000c0a850a0c0a8" \
	"500c04684e20002a000005641944640001005a0a43c381900250010000" \
	"09a50134020702fb70050058021796"

/* g1v2 (values strata does not show: headers only) and g60v1. */
#define DNP_HDRONLY \
	"0050c24f9464001676c7cedb080045000037d983000080110000c0a850a0c0a8" \
	"500c04684e200023000005641444640001000f68c2c3810000010200000181013c" \
	"0106de11"

/* Request Link Status and a secondary's ACK in one datagram. */
#define DNP_LINK \
	"0050c24f9464001676c7cedb080045000030d983000080110000c0a850a0c0a8" \
	"500c04684e20001c0000056405c90100640016e105640500640001008b19"

/* Two messages in one TCP segment: Delay Measurement, link status. */
#define DNP_TWO \
	"001b210b1524b8ac6fab457a08004500004148bb400080069129827e8efa827e" \
	"8ce5c1054e20a252c05de617bdc4501840299a200000056408c40200030036ac" \
	"e3c4174b5a056405c9020003003434"

/* A header whose CRC is wrong: not DNP3 to Wireshark (data). */
#define DNP_BADHDR \
	"0050c24f9464001676c7cedb080045000031d983000080113f3bc0a850a0c0a8" \
	"500c04684e20001d389505640ec401006400cd13ccce025001000707003835"

static void
test_dnp3_write(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DNP_WRITE);
	assert_chain(p, "eth ipv4 udp dnp3");
	assert_int_equal(fval(p, "dnp3.start"), 0x0564);
	assert_int_equal(fval(p, "dnp3.len"), 14);
	assert_int_equal(fval(p, "dnp3.ctl"), 0xc4);
	assert_int_equal(fval(p, "dnp3.ctl.dir"), 1);
	assert_int_equal(fval(p, "dnp3.ctl.prm"), 1);
	assert_int_equal(fval(p, "dnp3.ctl.prifunc"), 4);
	assert_int_equal(fval(p, "dnp3.dst"), 1);
	assert_int_equal(fval(p, "dnp3.src"), 100);
	assert_int_equal(field_n(p, "dnp3.addr", 1)->val, 100);
	assert_int_equal(fval(p, "dnp3.hdr.CRC"), 0x12cd);
	assert_int_equal(fval(p, "dnp.hdr.CRC.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "dnp3.tr.ctl"), 0xcc);
	assert_int_equal(fval(p, "dnp3.tr.seq"), 12);
	assert_int_equal(fval(p, "dnp.data_chunk_len"), 9);
	assert_int_equal(fval(p, "dnp.data_chunk.CRC"), 0x3538);
	assert_int_equal(fval(p, "dnp3.al.ctl"), 0xce);
	assert_int_equal(fval(p, "dnp3.al.seq"), 14);
	assert_int_equal(fval(p, "dnp3.al.func"), 2);
	assert_int_equal(fval(p, "dnp3.al.obj"), 0x5001);
	assert_int_equal(fval(p, "dnp3.al.range.start"), 7);
	assert_int_equal(fval(p, "dnp3.al.range.stop"), 7);
	assert_int_equal(fval(p, "dnp3.al.point_index"), 7);
	assert_int_equal(fval(p, "strata.dnp3.bit"), 0);
	assert_int_equal(fval(p, "dnp3.al.fragment.reassembled.length"), 8);
	/* The application layer's fields sit at their bytes in the frame. */
	assert_int_equal(field_n(p, "dnp3.al.ctl", 0)->bitoff / 8, 53);
	sweep_prefixes(DLT_EN10MB, DNP_WRITE);
}

static void
test_dnp3_file(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DNP_FILE);
	assert_chain(p, "eth ipv4 tcp dnp3");
	assert_int_equal(fval(p, "dnp3.len"), 99);
	assert_int_equal(field_n(p, "dnp.data_chunk_len", 5)->val, 14);
	assert_int_equal(field_n(p, "dnp.data_chunk.CRC", 1)->val, 0xffff);
	assert_int_equal(fval(p, "dnp3.al.func"), 27);
	assert_int_equal(fval(p, "dnp3.al.obj"), 0x4603);
	assert_int_equal(fval(p, "dnp3.al.objq.prefix"), 5);
	assert_int_equal(fval(p, "dnp3.al.objq.range"), 11);
	assert_int_equal(fval(p, "dnp3.al.range.quantity"), 1);
	assert_int_equal(fval(p, "dnp3.al.size"), 85);
	assert_int_equal(fval(p, "dnp3.al.file_string_offset"), 26);
	assert_int_equal(fval(p, "dnp3.al.file_string_length"), 59);
	assert_int_equal(fval(p, "dnp3.al.file.mode"), 0);
	assert_int_equal(fval(p, "dnp3.al.file.reqID"), 30);
	assert_string_equal(field_n(p, "dnp3.al.file_name", 0)->meaning,
	    "C:/temp/DNPDeviceConfiguration written to Remote Device.xml");
	sweep_prefixes(DLT_EN10MB, DNP_FILE);
}

static void
test_dnp3_resp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DNP_DELAY);
	assert_int_equal(fval(p, "dnp3.ctl.dir"), 0);
	assert_int_equal(fval(p, "dnp3.al.func"), 129);
	assert_int_equal(fval(p, "dnp3.al.iin"), 0);
	assert_int_equal(fval(p, "dnp3.al.time_delay"), 1);
	sweep_prefixes(DLT_EN10MB, DNP_DELAY);

	p = decode_hex(DLT_EN10MB, DNP_RESP);
	assert_int_equal(fval(p, "dnp3.al.iin"), 0x9002);
	assert_int_equal(fval(p, "dnp3.al.iin.rst"), 1);
	assert_int_equal(fval(p, "dnp3.al.iin.tsr"), 1);
	assert_int_equal(fval(p, "dnp3.al.iin.obju"), 1);
	assert_int_equal(fval(p, "dnp3.al.iin.fcni"), 0);
	assert_int_equal(field_n(p, "dnp3.al.point_index", 9)->val, 9);
	assert_int_equal(field_n(p, "strata.dnp3.bit", 1)->val, 0);
	assert_int_equal(field_n(p, "strata.dnp3.bit", 2)->val, 1);
	assert_int_equal(field_n(p, "dnp3.al.obj", 1)->val, 0x3402);
	assert_int_equal(field_n(p, "dnp3.al.time_delay", 1)->val, 600);
	/* A value past the first chunk: at its byte after the CRC. */
	assert_int_equal(field_n(p, "dnp3.al.time_delay", 0)->bitoff / 8, 70);
	sweep_prefixes(DLT_EN10MB, DNP_RESP);

	p = decode_hex(DLT_EN10MB, DNP_HDRONLY);
	assert_int_equal(field_n(p, "dnp3.al.obj", 1)->val, 0x3c01);
	assert_false(has_field(p, "dnp3.al.point_index"));
	sweep_prefixes(DLT_EN10MB, DNP_HDRONLY);
}

static void
test_dnp3_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DNP_BADCRC);
	assert_int_equal(field_n(p, "dnp.data_chunk.CRC.status", 1)->val,
	    ST_CK_BAD);
	assert_false(has_field(p, "dnp3.al.ctl"));
	sweep_prefixes(DLT_EN10MB, DNP_BADCRC);

	p = decode_hex(DLT_EN10MB, DNP_FRAG);
	assert_int_equal(fval(p, "dnp3.tr.fir"), 1);
	assert_int_equal(fval(p, "dnp3.tr.fin"), 0);
	assert_false(has_field(p, "dnp3.al.ctl"));
	sweep_prefixes(DLT_EN10MB, DNP_FRAG);

	p = decode_hex(DLT_EN10MB, DNP_BADHDR);
	assert_chain(p, "eth ipv4 udp data");
	sweep_prefixes(DLT_EN10MB, DNP_BADHDR);
}

static void
test_dnp3_several(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DNP_LINK);
	assert_chain(p, "eth ipv4 udp dnp3 dnp3");
	assert_int_equal(fval(p, "dnp3.ctl.prifunc"), 9);
	assert_int_equal(fval(p, "dnp3.ctl.secfunc"), 0);
	assert_int_equal(fval(p, "dnp3.ctl.dfc"), 0);
	assert_false(has_field(p, "dnp3.tr.ctl"));
	sweep_prefixes(DLT_EN10MB, DNP_LINK);

	p = decode_hex(DLT_EN10MB, DNP_TWO);
	assert_chain(p, "eth ipv4 tcp dnp3 dnp3");
	assert_int_equal(fval(p, "dnp3.al.func"), 23);
	assert_int_equal(last_layer(p, "dnp3")->off, 69);
	sweep_prefixes(DLT_EN10MB, DNP_TWO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dnp3_write),
		cmocka_unit_test(test_dnp3_file),
		cmocka_unit_test(test_dnp3_resp),
		cmocka_unit_test(test_dnp3_bad),
		cmocka_unit_test(test_dnp3_several),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
