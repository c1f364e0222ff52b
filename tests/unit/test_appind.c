/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The appind family: Modbus/TCP; every shorter prefix decodes without a
 * crash, and headers that lie are marked malformed.
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
/* To and from port p (4 hex digits) from/to port 40000. */
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPH p "9c40" TCPT

/* Read holding registers 107..109. */
#define MB_READ	"0005" "0000" "0006" "11" "03" "006b" "0003"

static void
test_modbus_query(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("01f6") MB_READ);

	(void)state;
	assert_chain(p, "ipv4 tcp mbtcp modbus");
	assert_int_equal(fval(p, "mbtcp.trans_id"), 5);
	assert_int_equal(fval(p, "mbtcp.len"), 6);
	assert_int_equal(fval(p, "mbtcp.unit_id"), 17);
	assert_int_equal(fval(p, "modbus.func_code"), 3);
	assert_int_equal(fval(p, "strata.modbus.query"), 1);
	assert_int_equal(fval(p, "modbus.reference_num"), 107);
	assert_int_equal(fval(p, "modbus.word_cnt"), 3);
	sweep_prefixes(DLT_RAW, TO("01f6") MB_READ);

	/* Two messages in one segment: two pairs of layers. */
	p = decode_hex(DLT_RAW, TO("01f6") MB_READ "0006" "0000" "0009" "01"
	    "10" "0001" "0001" "02" "abcd");
	assert_chain(p, "ipv4 tcp mbtcp modbus mbtcp modbus");
	assert_int_equal(field_n(p, "mbtcp.trans_id", 1)->val, 6);
	assert_int_equal(fval(p, "modbus.regnum16"), 1);
	assert_int_equal(fval(p, "modbus.regval_uint16"), 0xabcd);
}

static void
test_modbus_response(void **state)
{
	/* Read coils: 10 coils in 2 bytes, shown bit by bit from 0. */
	const char *hex = FROM("01f6") "0001" "0000" "0005" "01" "01" "02"
	    "cd01";
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 tcp mbtcp modbus");
	assert_int_equal(fval(p, "strata.modbus.query"), 0);
	assert_int_equal(fval(p, "modbus.byte_cnt"), 2);
	assert_int_equal(field_n(p, "modbus.bitnum", 8)->val, 8);
	assert_int_equal(field_n(p, "modbus.bitval", 0)->val, 1);
	assert_int_equal(field_n(p, "modbus.bitval", 1)->val, 0);
	assert_int_equal(field_n(p, "modbus.bitval", 8)->val, 1);
	assert_int_equal(field_n(p, "modbus.bitval", 9)->val, 0);
	sweep_prefixes(DLT_RAW, hex);

	/* An exception: the top bit of the code, then its reason. */
	p = decode_hex(DLT_RAW, FROM("01f6") "0007" "0000" "0003" "01" "83"
	    "02");
	assert_int_equal(fval(p, "modbus.func_code"), 3);
	assert_int_equal(fval(p, "modbus.exception_code"), 2);

	/* Device identification: objects as escaped text. */
	hex = FROM("01f6") "0006" "0000" "000f" "ff" "2b" "0e" "01" "01" "00"
	    "00" "01" "00" "04" "41" "1b" "5c" "42";
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(fval(p, "modbus.num_objects"), 1);
	assert_string_equal(field_n(p, "modbus.object_str_value", 0)->meaning,
	    "A\\x1b\\\\B");
	sweep_prefixes(DLT_RAW, hex);
}

static void
test_modbus_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A protocol ID other than 0 is not Modbus: data. */
	p = decode_hex(DLT_RAW, TO("01f6") "0005" "0001" "0006" "11" "03"
	    "006b" "0003");
	assert_chain(p, "ipv4 tcp data");

	/* A length past what any PDU may be. */
	p = decode_hex(DLT_RAW, TO("01f6") "0005" "0000" "0106" "11" "03"
	    "006b" "0003");
	assert_int_equal(layer(p, "mbtcp")->status, ST_LS_MALFORMED);

	/* A byte count running past the message's own length. */
	p = decode_hex(DLT_RAW, FROM("01f6") "0001" "0000" "0005" "01" "03"
	    "08" "0001" "0002");
	assert_int_equal(layer(p, "modbus")->status, ST_LS_MALFORMED);

	/* A length past the segment: the rest comes later, not malformed. */
	p = decode_hex(DLT_RAW, FROM("01f6") "0001" "0000" "0009" "01" "03"
	    "06" "0001" "0002");
	assert_int_equal(layer(p, "modbus")->status, ST_LS_OK);
	assert_true(has_note(p, "continues in a later segment"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modbus_query),
		cmocka_unit_test(test_modbus_response),
		cmocka_unit_test(test_modbus_malformed),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
