/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenFlow 1.3's instructions, actions and masked OXM fields
 * (openflow4act.c, openflow4.c) from hand-written bytes.
 */
#include "testutil.h"

/* FLOW_MOD (match eth_type, ipv4_dst), APPLY_ACTIONS with OUTPUT 2 and
 * SET_FIELD ipv4_dst 192.168.0.1, then GOTO_TABLE 3. */
#define OF_FMOD_INS \
	"0200000000020200000000010800450000a0000100004006ee5fc6120002" \
	"c612000119fd9c400000006d0000008a5018ffff50ce0000040e00780000" \
	"0005000000000001e24000000000000000000000003c00000064ffffffff" \
	"ffffffffffffffff000100000001001280000a020800800018040a000002" \
	"00000000000000040028000000000000001000000002ffe5000000000000" \
	"0019001080001804c0a80001000000000001000803000000"

static void
test_of13_instructions(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, OF_FMOD_INS);
	assert_chain(p, "eth ipv4 tcp openflow openflow_v4");
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_OK);
	assert_int_equal(field_n(p, "openflow_v4.instruction.type", 0)->val, 4);
	assert_int_equal(field_n(p, "openflow_v4.instruction.length", 0)->val,
	    40);
	assert_int_equal(field_n(p, "openflow_v4.instruction.type", 1)->val, 1);
	assert_int_equal(fval(p, "openflow_v4.instruction.goto_table.table_id"),
	    3);
	assert_int_equal(field_n(p, "openflow_v4.action.type", 0)->val, 0);
	assert_int_equal(fval(p, "openflow_v4.action.output.port"), 2);
	assert_int_equal(fval(p, "openflow_v4.action.output.max_len"), 0xffe5);
	assert_int_equal(field_n(p, "openflow_v4.action.type", 1)->val, 25);
	/* the set-field's OXM is the third ipv4 value after the match's */
	assert_int_equal(field_n(p, "openflow_v4.oxm.value_ipv4addr", 1)->val,
	    0xc0a80001);
	assert_int_equal(field_n(p, "openflow_v4.action.set_field.pad", 0)->bits,
	    32);
}

/* Every prefix: no crash, the layer truncated. */
static void
test_of13_trunc(void **state)
{
	(void)state;
	sweep_trunc("openflow_v4", 54 + 8, OF_FMOD_INS, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_of13_instructions),
		cmocka_unit_test(test_of13_trunc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
