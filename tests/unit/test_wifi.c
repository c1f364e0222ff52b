/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 802.11 elements whose fields Wireshark names part by part (HT and VHT
 * operation and capabilities, ERP, RSN capabilities, mesh, extended
 * capabilities, the WFA's WMM element), the radio facts wlan_radio
 * works out (PHY, preamble, duration), and LACP's state strings;
 * hand-written frames.
 */
#include "testutil.h"

/* A beacon without FCS: 802.11 header, fixed fields, then elements. */
#define HDR "80000000ffffffffffff020000000001020000000001" "1000"
#define FIXED "0100000000000000" "6400" "1104"
#define ERP "2a0104"
#define HTOP "3d16" "95" "05" "0400" "0001" \
	"ffff0000000000000000000000000000"
#define VHTCAP "bf0c" "b2599933" "faff" "0000" "faff" "0000"
#define VHTOP "c005" "019b00" "ffff"
#define MESH "7107" "01010001010009" "7204" "6d657368"
#define EXTCAP "7f0b" "0000000001000040000020"
#define RSN "3014" "0100" "000fac04" "0100000fac04" "0100000fac02" "cc00"
#define WMM "dd18" "0050f2" "02" "01" "01" "80" "00" \
	"03a40000" "27a40000" "42435e00" "62322f00"
#define BEACON HDR FIXED ERP HTOP VHTCAP VHTOP MESH EXTCAP RSN WMM

/* A probe request: the WMM information element reads as a station's. */
#define PROBE "40000000ffffffffffff020000000002ffffffffffff2000" \
	"0000" "dd07" "0050f2" "02" "00" "01" "6f"

/* Radiotap then an ACK: TSFT 1000, flags, 1 Mb/s, no channel field. */
#define ACK "d4000000020000000001"
#define RT_B "0000120007000000e8030000000000000002" ACK
/* TSFT 9000, flags, 6 Mb/s, 2412 MHz OFDM, -42 dBm over -90 dBm. */
#define RT_G "000018006f000000282300000000000000" "0c6c09c000d6a6" ACK

/* A LACPDU: actor state 0x3d, partner state 0x85. */
#define LACP "0180c2000002020000000001" "8809" "0101" "0114" "8000" \
	"020000000001" "0001" "8000" "0001" "3d" "000000" "0214" "8000" \
	"020000000002" "0002" "8000" "0002" "85" "000000" "0310" "0000" \
	"000000000000000000000000" "0000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000"

static uint64_t
nth(const struct st_packet *p, const char *name, unsigned n)
{
	return field_n(p, name, n)->val;
}

static void
test_elements(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11, BEACON);

	(void)state;
	assert_chain(p, "wlan wlan.mgt");
	assert_int_equal(layer(p, "wlan.mgt")->status, ST_LS_OK);
	assert_int_equal(fval(p, "wlan.erp_info"), 0x04);
	assert_int_equal(fval(p, "wlan.erp_info.barker_preamble_mode"), 1);
	assert_int_equal(fval(p, "wlan.erp_info.use_protection"), 0);
	assert_int_equal(fval(p, "wlan.ht.info.primarychannel"), 149);
	assert_int_equal(fval(p, "wlan.ht.info.delim1"), 0x05);
	assert_int_equal(fval(p, "wlan.ht.info.secchanoffset"), 1);
	assert_int_equal(fval(p, "wlan.ht.info.chanwidth"), 1);
	assert_int_equal(fval(p, "wlan.ht.info.rifs"), 0);
	assert_int_equal(fval(p, "wlan.ht.info.delim2"), 0x0004);
	assert_int_equal(fval(p, "wlan.ht.info.greenfield"), 1);
	assert_int_equal(fval(p, "wlan.ht.info.delim3"), 0x0100);
	assert_int_equal(fval(p, "wlan.ht.info.secondarybeacon"), 1);
	assert_int_equal(fval(p, "wlan.ht.info.dualbeacon"), 0);
	assert_int_equal(fval(p, "wlan.ht.mcsset.rxbitmask.8to15"), 0xff);
	assert_int_equal(fval(p, "wlan.vht.capabilities"), 0x339959b2);
	assert_int_equal(fval(p, "wlan.vht.capabilities.maxmpdulength"), 2);
	assert_int_equal(fval(p, "wlan.vht.capabilities.beamformee_sts_cap"),
	    2);
	assert_int_equal(fval(p, "wlan.vht.capabilities.maxampdu"), 7);
	assert_int_equal(fval(p, "wlan.vht.mcsset.rxmcsmap"), 0xfffa);
	assert_int_equal(fval(p, "wlan.vht.mcsset.rxmcsmap.ss1"), 2);
	assert_int_equal(fval(p, "wlan.vht.mcsset.txmcsmap.ss8"), 3);
	assert_int_equal(fval(p, "wlan.vht.op.channelcenter0"), 155);
	assert_int_equal(fval(p, "wlan.vht.op.basicmcsmap.ss4"), 3);
	assert_int_equal(fval(p, "wlan.mesh.config.cap"), 0x09);
	assert_int_equal(fval(p, "wlan.mesh.config.cap.forwarding"), 1);
	assert_int_equal(fval(p, "wlan.mesh.config.formation_info.num_peers"),
	    0);
	assert_string_equal(field_n(p, "wlan.mesh.id", 0)->meaning, "mesh");
	assert_int_equal(fval(p, "wlan.extcap.b32"), 1);
	assert_int_equal(fval(p, "wlan.extcap.b62"), 1);
	assert_int_equal(nth(p, "wlan.extcap", 7), 0x0040);
	assert_int_equal(fval(p, "wlan.extcap.b85"), 1);
	assert_int_equal(fval(p, "wlan.rsn.capabilities"), 0x00cc);
	assert_int_equal(fval(p, "wlan.rsn.capabilities.ptksa_replay_counter"),
	    3);
	assert_int_equal(fval(p, "wlan.rsn.capabilities.mfpc"), 1);
	assert_int_equal(fval(p, "wlan.rsn.capabilities.mfpr"), 1);
	assert_int_equal(fval(p, "wlan.wfa.ie.type"), 2);
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.qos_info.ap.u_apsd"), 1);
	assert_int_equal(nth(p, "wlan.wfa.ie.wme.acp.aifsn", 1), 7);
	assert_int_equal(nth(p, "wlan.wfa.ie.wme.acp.aci", 3), 3);
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.acp.cw.max"), 1023);
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.acp.cw.min"), 15);
	assert_int_equal(nth(p, "wlan.wfa.ie.wme.acp.txop_limit", 2), 94);
	assert_false(has_field(p, "wlan.wfa.ie.wme.qos_info.sta.ac_vo"));
	sweep_prefixes(DLT_IEEE802_11, BEACON);
}

static void
test_wmm_station(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11, PROBE);

	(void)state;
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.subtype"), 0);
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.qos_info"), 0x6f);
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.qos_info.sta.ac_vo"), 1);
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.qos_info.sta.max_sp_length"),
	    3);
	assert_false(has_field(p, "wlan.wfa.ie.wme.qos_info.ap.u_apsd"));
	assert_false(has_field(p, "wlan.wfa.ie.wme.acp.aifsn"));
	sweep_prefixes(DLT_IEEE802_11, PROBE);
}

/* Elements shorter than their parts: what fits, no more, not malformed. */
static void
test_short_elements(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_IEEE802_11, HDR FIXED "3d03" "950504" "bf02" "b259"
	    "c003" "019b00" "7103" "010100" "dd05" "0050f20201");
	assert_int_equal(layer(p, "wlan.mgt")->status, ST_LS_OK);
	assert_int_equal(fval(p, "wlan.ht.info.delim1"), 0x05);
	assert_false(has_field(p, "wlan.ht.info.delim2"));
	assert_false(has_field(p, "wlan.vht.capabilities"));
	assert_int_equal(fval(p, "wlan.vht.op.channelcenter1"), 0);
	assert_false(has_field(p, "wlan.vht.op.basicmcsmap"));
	assert_int_equal(fval(p, "wlan.mesh.config.cong_ctl"), 0);
	assert_false(has_field(p, "wlan.mesh.config.sync_method"));
	assert_int_equal(fval(p, "wlan.wfa.ie.wme.subtype"), 1);
	assert_false(has_field(p, "wlan.wfa.ie.wme.qos_info"));
	/* An element running past the frame is malformed. */
	p = decode_hex(DLT_IEEE802_11, HDR FIXED "3d16" "9505");
	assert_int_equal(layer(p, "wlan.mgt")->status, ST_LS_MALFORMED);
}

/* Airtime as Wireshark works it out: 802.11b by its rate, and OFDM. */
static void
test_radio_timing(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11_RADIO, RT_B);

	(void)state;
	assert_chain(p, "radiotap wlan_radio wlan");
	assert_int_equal(fval(p, "wlan_radio.phy"), 4);
	assert_int_equal(fval(p, "wlan_radio.short_preamble"), 0);
	/* 192 us long preamble + 10 bytes at 1 Mb/s */
	assert_int_equal(fval(p, "wlan_radio.preamble"), 192);
	assert_int_equal(fval(p, "wlan_radio.duration"), 272);
	assert_int_equal(fval(p, "wlan_radio.timestamp"), 1000);
	assert_int_equal(fval(p, "wlan_radio.start_tsf"), 728);
	assert_int_equal(fval(p, "wlan_radio.end_tsf"), 1000);
	sweep_prefixes(DLT_IEEE802_11_RADIO, RT_B);
	p = decode_hex(DLT_IEEE802_11_RADIO, RT_G);
	assert_int_equal(fval(p, "wlan_radio.phy"), 6);
	assert_int_equal(fval(p, "wlan_radio.11g.mode"), 0);
	/* 20 us + 4 us symbols of 24 bits: 16 + 80 + 6 bits take 5 */
	assert_int_equal(fval(p, "wlan_radio.preamble"), 20);
	assert_int_equal(fval(p, "wlan_radio.duration"), 40);
	assert_int_equal(fval(p, "wlan_radio.start_tsf"), 8960);
	assert_string_equal(field_n(p, "wlan_radio.snr", 0)->meaning, "48");
	sweep_prefixes(DLT_IEEE802_11_RADIO, RT_G);
}

/* The LACP state bytes spelt as Wireshark's state strings. */
static void
test_lacp_state_str(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, LACP);

	(void)state;
	assert_int_equal(fval(p, "lacp.actor.state"), 0x3d);
	assert_string_equal(field_n(p, "lacp.actor.state_str", 0)->meaning,
	    "**DCSG*A");
	assert_string_equal(field_n(p, "lacp.partner.state_str", 0)->meaning,
	    "E****G*A");
	sweep_prefixes(DLT_EN10MB, LACP);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elements),
		cmocka_unit_test(test_wmm_station),
		cmocka_unit_test(test_short_elements),
		cmocka_unit_test(test_radio_timing),
		cmocka_unit_test(test_lacp_state_str),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
