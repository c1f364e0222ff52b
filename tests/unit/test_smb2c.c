/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 coverage (issue 17): a find response read at the level its
 * request asked for, a create response's context chain (QFid), an ioctl
 * request's control code in its parts; every shorter prefix decodes
 * without a crash, and a listing whose entries point back into
 * themselves ends.  Frames made by hand from [MS-SMB2] layouts
 * (NBSS length, then the SMB2 message).
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define IPR	"450000000000400040060000" "c6120002c6120001"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPR p "9c40" TCPT

#define FIND_REQ \
	"00000062fe534d4240000100000000000e000100000000000000000007000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"0000000021000c01000000000102030405060708090a0b0c0d0e0f1060000200" \
	"001000002a00"

#define FIND_RESP \
	"00000068fe534d4240000100000000000e000100010000000000000007000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"0000000009004800200000001000000000000000020000002e00000000000000" \
	"00000000040000002e002e00"

#define CR_RESP \
	"000000d0fe534d42400001000000000005000100010000000000000008000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"0000000059000000010000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000010000000" \
	"000000000102030405060708090a0b0c0d0e0f10980000003800000000000000" \
	"1000040000001800200000005146696400000000000102030405060708090a0b" \
	"0c0d0e0f101112131415161718191a1b1c1d1e1f"

#define IO_REQ \
	"00000078fe534d4240000100000000000b000100000000000000000009000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"0000000039000000c00009000102030405060708090a0b0c0d0e0f1078000000" \
	"00000000000000007800000000000000400000000100000000000000"

#define FIND_BAD \
	"00000062fe534d4240000100000000000e000100010000000000000007000000" \
	"00000000fffe0000010000001100000000000000000000000000000000000000" \
	"00000000090048001a0000000400000000000000020000002e00000000000000" \
	"000000000000"

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

static void
test_find(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, TO("01bd") FIND_REQ);
	assert_int_equal(fval(p, "smb2.find.infolevel"), 12);
	assert_int_equal(fval(p, "smb2.find.flags"), 1);
	assert_int_equal(fval(p, "smb2.find.restart_scans"), 1);
	assert_int_equal(fval(p, "smb2.output_buffer_len"), 0x1000);
	assert_string_equal(field_n(p, "smb2.find.pattern", 0)->meaning, "*");
	assert_int_equal(fval(p, "smb2.olb.offset"), 96);
	p = frame(2, FROM("01bd") FIND_RESP);
	/* the level comes from the request's note */
	assert_int_equal(fval(p, "smb2.find.infolevel"), 12);
	assert_int_equal(field_n(p, "smb2.olb.length", 0)->val, 32);
	assert_int_equal(field_n(p, "smb2.next_offset", 0)->val, 16);
	assert_int_equal(field_n(p, "smb2.next_offset", 1)->val, 0);
	assert_string_equal(field_n(p, "smb2.filename", 0)->meaning, ".");
	assert_string_equal(field_n(p, "smb2.filename", 1)->meaning, "..");
	assert_int_equal(field_n(p, "smb2.filename.len", 1)->val, 4);
}

static void
test_create_ctx(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, FROM("01bd") CR_RESP);
	assert_int_equal(fval(p, "smb2.create.rep_flags"), 0);
	assert_int_equal(fval(p, "smb2.create.chain_offset"), 0);
	assert_string_equal(field_n(p, "smb2.tag", 0)->meaning, "QFid");
	/* the chain's pair, the tag's, the data's */
	assert_int_equal(field_n(p, "smb2.olb.offset", 0)->val, 152);
	assert_int_equal(field_n(p, "smb2.olb.length", 0)->val, 56);
	assert_int_equal(field_n(p, "smb2.olb.offset", 1)->val, 16);
	assert_int_equal(field_n(p, "smb2.olb.length", 2)->val, 32);
	assert_true(has_field(p, "smb2.qfid_fid"));
}

static void
test_ioctl(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, TO("01bd") IO_REQ);
	assert_int_equal(fval(p, "smb2.ioctl.function"), 0x000900c0);
	assert_int_equal(fval(p, "smb2.ioctl.function.device"), 9);
	assert_int_equal(fval(p, "smb2.ioctl.function.access"), 0);
	assert_int_equal(fval(p, "smb2.ioctl.function.function"), 0x30);
	assert_int_equal(fval(p, "smb2.ioctl.function.method"), 0);
	assert_int_equal(fval(p, "smb2.ioctl.is_fsctl"), 1);
	assert_int_equal(fval(p, "smb2.max_ioctl_out_size"), 64);
	assert_int_equal(fval(p, "smb2.ioctl.flags"), 1);
	assert_string_equal(field_n(p, "smb2.ioctl.in", 0)->meaning, "");
}

static void
test_truncated(void **state)
{
	(void)state;
	frame(1, TO("01bd") FIND_REQ);
	sweep_prefixes(DLT_RAW, FROM("01bd") FIND_RESP);
	sweep_prefixes(DLT_RAW, FROM("01bd") CR_RESP);
	sweep_prefixes(DLT_RAW, TO("01bd") IO_REQ);
}

static void
test_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	frame(1, TO("01bd") FIND_REQ);
	/* each entry says the next is 4 bytes on: read to the end only */
	p = frame(2, FROM("01bd") FIND_BAD);
	assert_chain(p, "ipv4 tcp nbss smb2");
	assert_true(p->nfields < ST_MAX_FIELDS);
	assert_int_equal(field_n(p, "smb2.next_offset", 0)->val, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_create_ctx),
		cmocka_unit_test(test_ioctl),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
