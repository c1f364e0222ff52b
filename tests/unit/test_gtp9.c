/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The gtp9 family (coverage on the zeek captures): GTPv1-C and GTPv0
 * information elements (cause, RAI, recovery, selection mode, TEIDs,
 * NSAPI, charging characteristics, end user address, APN, GSN address,
 * QoS profile, RAT type, MS time zone, private extension; v0's QoS and
 * flow labels); an element whose length passes the message ends the walk;
 * AH with length 0 read as tshark does; every shorter prefix of each
 * message.
 */
#include "testutil.h"

/* 198.18.0.1:40000 -> 198.18.0.2:2123, create PDP context request. */
#define V1	"4500007e0000400040110000c6120001c61200029c40084b006a0000" \
	"3210005a00000000130b0000" "0180" "0364f000fffeff" "0eb0" "0ffd" \
	"1032f02bf9" "1132f02bf9" "1405" "1a0800" "800006f121c0a8fc82" \
	"83000706656574657374" "850004c0a96401" \
	"87000c021b421f738c4040744b4040" "97000102" "9900022300" \
	"ff00052aab020103"
/* The same to 3386 as GTPv0: QoS profile, recovery, flow labels. */
#define V0	"4500003c0000400040110000c6120001c61200029c400d3a00280000" \
	"1e10000c10010000ffffffff2400101234567890" "061b421f" "0e04" \
	"100001" "110001"

static void
test_gtp1_ies(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, V1);
	assert_chain(p, "ipv4 udp gtp");
	assert_int_equal(fval(p, "gtp.cause"), 128);
	assert_int_equal(fval(p, "gtp.lac"), 65534);
	assert_int_equal(fval(p, "gtp.rai_rac"), 255);
	assert_int_equal(fval(p, "gtp.recovery"), 176);
	assert_int_equal(fval(p, "gtp.sel_mode"), 1);
	assert_int_equal(fval(p, "gtp.teid_data"), 0x32f02bf9);
	assert_int_equal(fval(p, "gtp.teid_cp"), 0x32f02bf9);
	assert_int_equal(fval(p, "gtp.nsapi"), 5);
	assert_int_equal(fval(p, "gtp.chrg_char"), 2048);
	assert_int_equal(fval(p, "gtp.chrg_char_n"), 1);
	assert_int_equal(field_n(p, "gtp.length", 1)->val, 6);
	assert_int_equal(fval(p, "gtp.user_addr_pdp_org"), 1);
	assert_int_equal(fval(p, "gtp.user_addr_pdp_type"), 0x21);
	assert_true(has_field(p, "gtp.user_ipv4"));
	assert_int_equal(fval(p, "gtp.apn_length"), 7);
	assert_true(has_field(p, "gtp.apn"));
	assert_int_equal(fval(p, "gtp.gsn_address_length"), 4);
	assert_int_equal(fval(p, "gtp.qos_umts_length"), 12);
	assert_int_equal(fval(p, "gtp.qos_delay"), 3);
	assert_int_equal(fval(p, "gtp.qos_peak"), 4);
	assert_int_equal(fval(p, "gtp.qos_precedence"), 2);
	assert_int_equal(fval(p, "gtp.qos_mean"), 31);
	assert_int_equal(fval(p, "gtp.qos_del_order"), 2);
	assert_int_equal(fval(p, "gtp.qos_max_sdu_size"), 1400);
	assert_int_equal(fval(p, "gtp.qos_max_ul"), 64);
	assert_int_equal(fval(p, "gtp.qos_res_ber"), 7);
	assert_int_equal(fval(p, "gtp.qos_trans_delay"), 18);
	assert_int_equal(fval(p, "gtp.qos_traf_handl_prio"), 3);
	assert_int_equal(fval(p, "gtp.qos_guar_dl"), 64);
	assert_int_equal(fval(p, "gtp.ext_rat_type"), 2);
	assert_int_equal(fval(p, "gtp.timezone"), 32);
	assert_int_equal(fval(p, "gtp.ext_id"), 10923);
	assert_false(has_field(p, "strata.gtp.ies"));
	sweep_prefixes(DLT_RAW, V1);
}

static void
test_gtp0_ies(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, V0);
	/* UDP 3386: Wireshark's gtpprime, with GTP's fields. */
	assert_chain(p, "ipv4 udp gtpprime");
	assert_int_equal(fval(p, "gtp.qos_delay"), 3);
	assert_int_equal(fval(p, "gtp.qos_peak"), 4);
	assert_int_equal(fval(p, "gtp.qos_mean"), 31);
	assert_false(has_field(p, "gtp.qos_traf_class"));
	assert_int_equal(fval(p, "gtp.recovery"), 4);
	assert_int_equal(fval(p, "gtp.ext_flow_label"), 1);
	assert_int_equal(fval(p, "gtp.flow_sig"), 1);
	sweep_prefixes(DLT_RAW, V0);
}

/* The private extension says 0x0500 bytes: the walk stops before it, the
 * elements before it shown. */
static void
test_gtp1_ie_overlong(void **state)
{
	char hex[sizeof(V1)];
	const struct st_packet *p;
	char *x;

	(void)state;
	memcpy(hex, V1, sizeof(V1));
	x = strstr(hex, "ff00052aab");
	assert_non_null(x);
	memcpy(x, "ff0500", 6);
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(fval(p, "gtp.timezone"), 32);
	assert_false(has_field(p, "gtp.ext_id"));
}

/* AH with length 0: an 8-byte header, an empty ICV, then the ICMP echo
 * (whose first bytes tshark reads as the sequence number). */
#define AH0	"450000240000400040330000" "c6120001c6120002" \
	"0100000000000000" "0800f7fe00010000"

static void
test_ah_zero_length(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, AH0);
	assert_chain(p, "ipv4 ah icmp");
	assert_true(has_field(p, "ah.icv"));
	assert_int_equal(layer(p, "icmp")->off, 28);
	assert_int_equal(layer(p, "ah")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, AH0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gtp1_ies),
		cmocka_unit_test(test_gtp0_ies),
		cmocka_unit_test(test_gtp1_ie_overlong),
		cmocka_unit_test(test_ah_zero_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
