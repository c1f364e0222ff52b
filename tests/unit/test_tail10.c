/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tail10 family (wireless and the long tail): LWAPP's data and control
 * messages (the AP identity before the header to the control port, the
 * 802.11 frame after a data header, the control header as lwapp-cntl);
 * M3UA in SCTP DATA chunks of payload protocol 3 (parameters by kind,
 * protocol data's routing label, a parameter past the message); every
 * shorter prefix of each.
 */
#include "testutil.h"

/* Every prefix of hex cut inside LWAPP's header (its first hdr bytes past
 * offset 42) leaves LWAPP truncated; every prefix stays in bounds. */
static void
sweep_lwapp(const char *hex, size_t hdr)
{
	char cut[2 * 64 + 1];

	assert_true(2 * (42 + hdr) < sizeof(cut));
	memcpy(cut, hex, 2 * (42 + hdr));
	cut[2 * (42 + hdr)] = '\0';
	sweep_trunc("lwapp", 42, cut, 0);
	sweep_prefixes(DLT_EN10MB, hex);
}

#define ETH_C2S	"020000000002020000000001080045"
#define ETH_S2C	"020000000001020000000002080045"

/* 198.18.0.1:20105 -> :12222, an 802.11 data frame to DS carrying
 * LLC/SNAP IPv4/UDP. */
#define LW_DATA	ETH_C2S "000063000140004011ae61c6120001c61200024e892fbe004f" \
	"5691" "081d0041e342" "08012c00000b8524e89000028ad8de9a000b8524e890" \
	"1053" "aaaa030000000800" "45000021000140004011aea3c6120001c6120002" \
	"13880009000d22336c77617070"
/* To the control port 12223: the AP's address, then an echo request. */
#define LW_CTL	ETH_C2S "000030000140004011ae94c6120001c61200024e892fbf001c" \
	"6d6c" "000b8524e890" "040000080000" "12070004" "01020304"
/* From the control port: a configure command, no AP identity. */
#define LW_CTL2	ETH_S2C "000036000140004011ae8ec6120002c61200012fbf4e890022" \
	"ab7f" "04c000140000" "0c960010" "000102030405060708090a0b0c0d0e0f"

static void
test_lwapp_data(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, LW_DATA);
	assert_chain(p, "eth ipv4 udp lwapp wlan llc ipv4 udp data");
	assert_int_equal(fval(p, "lwapp.version"), 0);
	assert_int_equal(fval(p, "lwapp.slotId"), 1);
	assert_int_equal(fval(p, "lwapp.flags"), 0x08);
	assert_int_equal(fval(p, "lwapp.flags.type"), 0);
	assert_int_equal(fval(p, "lwapp.fragmentId"), 0x1d);
	assert_int_equal(fval(p, "lwapp.Length"), 65);
	assert_int_equal(fval(p, "lwapp.rssi"), 0xe3);
	assert_int_equal(fval(p, "lwapp.snr"), 0x42);
	assert_false(has_field(p, "lwapp.apid"));
	assert_int_equal(layer(p, "wlan")->off, 48);
	assert_string_equal(summary_of(DLT_EN10MB, LW_DATA),
	    "   1  0.000000  eth \xe2\x80\xba ipv4 \xe2\x80\xba udp \xe2\x80\xba "
	    "lwapp \xe2\x80\xba wlan \xe2\x80\xba llc \xe2\x80\xba ipv4 "
	    "\xe2\x80\xba udp  [LWAPPv0, Data frame, Radio-id 1, Flags [none], "
	    "Frag-id 29, length 65] 198.18.0.1:5000 \xe2\x86\x92 "
	    "198.18.0.2:9 len 5\n");
	sweep_lwapp(LW_DATA, 6);
}

static void
test_lwapp_control(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, LW_CTL);
	assert_chain(p, "eth ipv4 udp lwapp lwapp-cntl data");
	assert_true(has_field(p, "lwapp.apid"));
	assert_int_equal(fval(p, "lwapp.flags.type"), 1);
	assert_int_equal(fval(p, "lwapp.Length"), 8);
	assert_int_equal(fval(p, "lwapp.control.type"), 18);
	assert_int_equal(fval(p, "lwapp.control.seqno"), 7);
	assert_int_equal(fval(p, "lwapp.control.length"), 4);
	assert_int_equal(layer(p, "lwapp-cntl")->off, 54);
	sweep_lwapp(LW_CTL, 12);

	p = decode_hex(DLT_EN10MB, LW_CTL2);
	assert_chain(p, "eth ipv4 udp lwapp lwapp-cntl data");
	assert_false(has_field(p, "lwapp.apid"));
	assert_int_equal(fval(p, "lwapp.fragmentId"), 0xc0);
	assert_int_equal(fval(p, "lwapp.control.type"), 12);
	assert_int_equal(fval(p, "lwapp.control.seqno"), 150);
	assert_int_equal(layer(p, "lwapp-cntl")->off, 48);
	assert_non_null(strstr(summary_of(DLT_EN10MB, LW_CTL2),
	    "LWAPP control Configure Command (12), seq 150, length 16"));
	sweep_lwapp(LW_CTL2, 6);
}

/* LWAPP's length says more than UDP carries: the frame is cut short, the
 * header kept. */
static void
test_lwapp_overlong(void **state)
{
	char hex[sizeof(LW_CTL2)];
	const struct st_packet *p;
	char *x;

	(void)state;
	memcpy(hex, LW_CTL2, sizeof(LW_CTL2));
	x = strstr(hex, "04c000140000");
	assert_non_null(x);
	memcpy(x, "04c0ff140000", 12);
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(fval(p, "lwapp.Length"), 0xff14);
	assert_int_equal(fval(p, "lwapp.control.type"), 12);
}

/* SCTP 2905 -> 2905, one DATA chunk of PPID 3: ASP Up with an ASP
 * identifier and an INFO string padded by three bytes. */
#define M3_UP	"02000000000202000000000108004500004c000140004084ae05" \
	"c6120001c6120002" "0b590b5900000001b6a83a0e" \
	"0003002c000000010000000000000003" "010003010000001c" \
	"0011000800000007" "000400096173702d31000000"
/* Transfer DATA: network appearance, protocol data. */
#define M3_DATA	"020000000002020000000001080045000054000140004084adfd" \
	"c6120001c6120002" "0b590b5900000001a66d948b" \
	"00030034000000030000000000000003" "0100010100000024" \
	"0200000800000008" "02100014000000010000000203020005" "69737570"
/* ASP Active whose traffic mode parameter says 200 bytes. */
#define M3_BAD	"020000000002020000000001080045000048000140004084ae09" \
	"c6120001c6120002" "0b590b5900000001ddda46dc" \
	"00030028000000060000000000000003" "0100040100000018" \
	"000b00c800000002" "0006000800000064"

static void
test_m3ua(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, M3_UP);
	assert_chain(p, "eth ipv4 sctp m3ua");
	assert_int_equal(layer(p, "m3ua")->off, 62);
	assert_int_equal(fval(p, "m3ua.version"), 1);
	assert_int_equal(fval(p, "m3ua.message_class"), 3);
	assert_int_equal(fval(p, "m3ua.message_type"), 1);
	assert_int_equal(fval(p, "m3ua.message_length"), 28);
	assert_int_equal(fval(p, "m3ua.asp_identifier"), 7);
	assert_int_equal(field_n(p, "m3ua.parameter_tag", 1)->val, 4);
	assert_int_equal(field_n(p, "m3ua.parameter_length", 1)->val, 9);
	assert_true(has_field(p, "m3ua.info_string"));
	assert_true(has_field(p, "m3ua.parameter_padding"));
	assert_non_null(strstr(summary_of(DLT_EN10MB, M3_UP),
	    "M3UA ASP state maintenance messages ASPUP (3/1), length 28"));
	sweep_prefixes(DLT_EN10MB, M3_UP);

	p = decode_hex(DLT_EN10MB, M3_DATA);
	assert_chain(p, "eth ipv4 sctp m3ua");
	assert_int_equal(fval(p, "m3ua.network_appearance"), 8);
	assert_int_equal(fval(p, "m3ua.protocol_data_opc"), 1);
	assert_int_equal(fval(p, "m3ua.protocol_data_dpc"), 2);
	assert_int_equal(fval(p, "m3ua.protocol_data_si"), 3);
	assert_int_equal(fval(p, "m3ua.protocol_data_ni"), 2);
	assert_int_equal(fval(p, "m3ua.protocol_data_mp"), 0);
	assert_int_equal(fval(p, "m3ua.protocol_data_sls"), 5);
	assert_false(has_field(p, "m3ua.parameter_value"));
	sweep_prefixes(DLT_EN10MB, M3_DATA);
}

static void
test_m3ua_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, M3_BAD);
	assert_int_equal(layer(p, "m3ua")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "m3ua.parameter_length"), 200);
	assert_false(has_field(p, "m3ua.traffic_mode_type"));
	assert_false(has_field(p, "m3ua.routing_context"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lwapp_data),
		cmocka_unit_test(test_lwapp_control),
		cmocka_unit_test(test_lwapp_overlong),
		cmocka_unit_test(test_m3ua),
		cmocka_unit_test(test_m3ua_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
