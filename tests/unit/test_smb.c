/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The smb family: what SMB2 learns from earlier packets of a capture (the
 * session's NTLMSSP account, the tree's share, the request a response
 * answers), SMB2 session setup and create bodies, DCE/RPC's auth_info;
 * every shorter prefix decodes without a crash.
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define IPR	"450000000000400040060000" "c6120002c6120001"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPR p "9c40" TCPT

/* Made by hand (NBSS length, then SMB2): session 0x11 authenticates as
 * DOM\bob from host PC (NTLMSSP AUTHENTICATE, bare), connects to
 * \\srv\share (tree 1) and opens "a" there. */
#define SS_REQ \
	"000000a8fe534d42400000000000000001000100000000000000000002000000" \
	"00000000fffe0000000000001100000000000000000000000000000000000000" \
	"000000001900000100000000000000005800500000000000000000004e544c4d" \
	"5353500003000000000000004000000000000000400000000600060040000000" \
	"0600060046000000040004004c0000000000000040000000158288e244004f00" \
	"4d0062006f00620050004300"

#define SS_RESP \
	"00000048fe534d42400000000000000001000100010000000000000002000000" \
	"00000000fffe0000000000001100000000000000000000000000000000000000" \
	"000000000900000048000000"

#define TC_REQ \
	"0000005efe534d42400000000000000003000100000000000000000003000000" \
	"00000000fffe0000000000001100000000000000000000000000000000000000" \
	"0000000009000000480016005c005c007300720076005c007300680061007200" \
	"6500"

#define TC_RESP \
	"00000050fe534d42400000000000000003000100010000000000000003000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"00000000100001000000000000000000ff011f00"

#define CR_REQ \
	"0000007afe534d42400000000000000005000100000000000000000004000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"0000000039000000020000000000000000000000000000000000000080000000" \
	"000000000700000001000000000000007800020000000000000000006100"

#define GI_REQ \
	"00000068fe534d42400000000000000010000100000000000000000006000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"0000000029000122001000006800000000000000000000000000000001020304" \
	"00000000aabbccdd00000000"

/* Decodes hex as frame num of one capture. */
static const struct st_packet *
frame(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

static const char *
text(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

static void
test_session(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(5, TO("01bd") SS_REQ);
	assert_chain(p, "ipv4 tcp nbss smb2 ntlmssp");
	assert_int_equal(fval(p, "smb2.cmd"), 1);
	assert_int_equal(fval(p, "smb2.olb.offset"), 0x58);
	assert_int_equal(fval(p, "smb2.olb.length"), 80);
	assert_int_equal(fval(p, "smb2.sec_mode.sign_enabled"), 1);
	assert_true(has_field(p, "smb2.security_blob"));
	assert_true(has_field(p, "smb2.reserved"));
	/* the header is read before the body: nothing known yet */
	assert_false(has_field(p, "smb2.acct"));
	assert_false(has_field(p, "smb2.auth_frame"));

	p = frame(6, FROM("01bd") SS_RESP);
	assert_int_equal(fval(p, "smb2.response_to"), 5);
	assert_string_equal(text(p, "smb2.time", 0), "0.000000000");
	assert_string_equal(text(p, "smb2.acct", 0), "bob");
	assert_string_equal(text(p, "smb2.domain", 0), "DOM");
	assert_string_equal(text(p, "smb2.host", 0), "PC");
	assert_int_equal(fval(p, "smb2.auth_frame"), 5);
	assert_int_equal(fval(p, "smb2.session_flags"), 0);
	assert_false(has_field(p, "smb2.security_blob"));

	/* Decoding a frame again gives the same answer. */
	p = frame(6, FROM("01bd") SS_RESP);
	assert_int_equal(fval(p, "smb2.auth_frame"), 5);

	p = frame(7, TO("01bd") TC_REQ);
	assert_int_equal(fval(p, "smb2.auth_frame"), 6);
	assert_string_equal(text(p, "smb2.tree", 0), "\\\\srv\\share");
	p = frame(8, FROM("01bd") TC_RESP);
	assert_int_equal(fval(p, "smb2.share_type"), 1);
	assert_int_equal(fval(p, "smb2.response_to"), 7);
	assert_false(has_field(p, "smb2.tcon_frame"));

	p = frame(9, TO("01bd") CR_REQ);
	assert_string_equal(text(p, "smb2.tree", 0), "\\\\srv\\share");
	assert_int_equal(fval(p, "smb2.tcon_frame"), 8);
	assert_int_equal(fval(p, "smb2.share_type"), 1);
	assert_string_equal(text(p, "smb2.filename", 0), "a");
	assert_string_equal(text(p, "smb2.acct", 0), "bob");

	/* A query for a file's network-open information. */
	p = frame(10, TO("01bd") GI_REQ);
	assert_int_equal(fval(p, "smb2.class"), 1);
	assert_int_equal(fval(p, "smb2.file_info.infolevel"), 0x22);
	assert_int_equal(fval(p, "smb2.max_response_size"), 4096);
	assert_int_equal(fval(p, "smb2.getinfo_input_offset"), 0x68);
	assert_string_equal(text(p, "smb2.fid", 0),
	    "04030201-0000-0000-aabb-ccdd00000000");
	assert_false(has_field(p, "smb2.sec_info.infolevel"));

	/* A new capture (frame numbers start again) knows nothing. */
	p = frame(1, TO("01bd") CR_REQ);
	assert_false(has_field(p, "smb2.tcon_frame"));
	assert_false(has_field(p, "smb2.acct"));
}

static void
test_truncated(void **state)
{
	(void)state;
	sweep_prefixes(DLT_RAW, TO("01bd") SS_REQ);
	sweep_prefixes(DLT_RAW, FROM("01bd") TC_RESP);
	sweep_prefixes(DLT_RAW, TO("01bd") CR_REQ);
	sweep_prefixes(DLT_RAW, TO("01bd") GI_REQ);
}

static void
test_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A security buffer said to lie past the message: no blob, no
	 * names, a note. */
	p = frame(20, TO("01bd") "00000058" "fe534d42400000000000000001000100"
	    "0000000000000000020000000000000000000000fffe0000"
	    "2200000000000000" "00000000000000000000000000000000"
	    "190000010000000000000000" "5800ff00" "0000000000000000");
	assert_chain(p, "ipv4 tcp nbss smb2");
	assert_false(has_field(p, "smb2.security_blob"));
	assert_int_equal(fval(p, "smb2.olb.length"), 255);
	p = frame(21, FROM("01bd") SS_RESP);
	assert_false(has_field(p, "smb2.acct"));
}

/* A DCE/RPC request with an NTLMSSP trailer (privacy): its auth_info. */
#define CO_REQ	"05000003" "10000000" "3800" "1000" "03000000" "08000000" \
	"0000" "0300" "0000000000000000" "0a060000" "01000000" \
	"00000000000000000000000000000000"

static void
test_dcerpc_auth(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("0087") CO_REQ);
	const struct st_field *f;

	(void)state;
	assert_chain(p, "ipv4 tcp dcerpc");
	f = field_n(p, "dcerpc.auth_info", 0);
	assert_int_equal(f->bits, 24 * 8);
	assert_string_equal(f->meaning, "");
	/* no credentials: no auth_info */
	p = decode_hex(DLT_RAW, TO("0087") "05000003" "10000000" "1800"
	    "0000" "03000000" "00000000" "0000" "0300");
	assert_false(has_field(p, "dcerpc.auth_info"));
	sweep_prefixes(DLT_RAW, TO("0087") CO_REQ);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_dcerpc_auth),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
