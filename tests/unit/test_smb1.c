/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 command bodies (src/proto/smbcmd.c): a Tree Connect AndX request
 * and a Trans request (from zeek's smb1_transaction_request capture) read
 * field by field as tshark does; every shorter prefix decodes without a
 * crash, the SMB layer marked truncated once its header is cut; a Trans
 * whose offsets lie past its bytes gives no parameters.
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO(p)	IPH "9c40" p TCPT

#define TC_REQ "0000003dff534d427500000000000000000000000000000000000000" \
	"000001007c2b020004ff000000000001001200005c5c57494e324b5c49504324" \
	"0049504300"

#define TR_REQ "00000069ff534d422500000000000000000000000000000000000000" \
	"677a01007c2b02000e0b00090000000000000000000000000000000b00520009" \
	"00600002000026ffff26005c5c504950455c6c73617270630000736f6d655f70" \
	"6172616d73000000736f6d655f64617461"

static void
test_tree_connect(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("01bd") TC_REQ);

	(void)state;
	assert_chain(p, "ipv4 tcp nbss smb");
	assert_int_equal(fval(p, "smb.wct"), 4);
	assert_int_equal(fval(p, "smb.andxoffset"), 0);
	assert_int_equal(fval(p, "smb.pwlen"), 1);
	assert_int_equal(fval(p, "smb.bcc"), 18);
	assert_true(has_field(p, "smb.path"));
	assert_true(has_field(p, "smb.service"));
	assert_true(has_field(p, "smb.connect.flags.dtid"));
	assert_non_null(strstr(summary_of(DLT_RAW, TO("01bd") TC_REQ),
	    "smb1 Tree Connect AndX request \\\\WIN2K\\IPC$"));
	sweep_prefixes(DLT_RAW, TO("01bd") TC_REQ);
}

static void
test_trans(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("01bd") TR_REQ);

	(void)state;
	assert_int_equal(fval(p, "smb.tpc"), 11);
	assert_int_equal(fval(p, "smb.tdc"), 9);
	assert_int_equal(fval(p, "smb.po"), 82);
	assert_int_equal(fval(p, "smb.data_offset"), 96);
	assert_int_equal(fval(p, "smb.sc"), 2);
	/* two setup words past the 14 the count says: bcc after them */
	assert_int_equal(fval(p, "smb.bcc"), 38);
	assert_true(has_field(p, "smb.trans_name"));
	assert_true(has_field(p, "smb.trans_data.parameters"));
	assert_true(has_field(p, "smb.trans_data"));
	sweep_prefixes(DLT_RAW, TO("01bd") TR_REQ);
}

static void
test_malformed(void **state)
{
	/* parameter offset 0xff52: past the bytes, no parameters */
	const struct st_packet *p = decode_hex(DLT_RAW, TO("01bd")
	    "00000069ff534d422500000000000000000000000000000000000000"
	    "677a01007c2b02000e0b00090000000000000000000000000000000b0052ff09"
	    "00600002000026ffff26005c5c504950455c6c73617270630000736f6d655f70"
	    "6172616d73000000736f6d655f64617461");

	(void)state;
	assert_int_equal(fval(p, "smb.po"), 0xff52);
	assert_false(has_field(p, "smb.trans_data.parameters"));
	assert_true(has_field(p, "smb.trans_data"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_connect),
		cmocka_unit_test(test_trans),
		cmocka_unit_test(test_malformed),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
