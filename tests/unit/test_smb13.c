/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 coverage (smb13): a negotiate's contexts and the SMB 3.1.1 preauth
 * integrity hash Wireshark shows on it (SHA-512 over 64 zero bytes and
 * the request, then over that and the response), the transform header of
 * an encrypted message, a write request's channel words and flags; every
 * shorter prefix decodes without a crash, and a context whose length runs
 * past the message marks the layer malformed.  Frames made by hand from
 * [MS-SMB2] layouts (NBSS length, then the SMB2 message); the expected
 * hashes were worked out apart from strata (Python's hashlib).
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define IPR	"450000000000400040060000" "c6120002c6120001"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPR p "9c40" TCPT

#define NEGREQ \
	"000000a6fe534d42400001000000000000000100000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000024000200010000007f000000000102030405060708090a0b0c0d0e0f" \
	"6800000002000000020211030100260000000000010020000100010203040506" \
	"0708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20000002000600" \
	"00000000020002000100"

#define NEGRESP \
	"00000080fe534d42400001000000000000000100010000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"000000004100010011030000101112131415161718191a1b1c1d1e1f2f000000" \
	"00000100000001000000010000005af64cf5d401000000000000000000000000" \
	"00000000"

#define XF \
	"00000044fd534d420102030405060708090a0b0c0d0e0f101112131415161718" \
	"191a1b1c1d1e1f2010000000000001008877665544332211a0a1a2a3a4a5a6a7" \
	"a8a9aaabacadaeaf"

#define WREQ \
	"00000075fe534d42400001000000000009000100000000000000000005000000" \
	"0000000000000000010000009900000000000000000000000000000000000000" \
	"0000000031007000050000000010000000000000000102030405060708090a0b" \
	"0c0d0e0f0000000007000000000000000300000068656c6c6f"

#define NEGBAD \
	"000000a6fe534d42400001000000000000000100000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000024000200010000007f000000000102030405060708090a0b0c0d0e0f" \
	"6800000002000000020211030100900100000000010020000100010203040506" \
	"0708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20000002000600" \
	"00000000020002000100"

#define H1 \
	"9b:df:24:61:71:9b:79:cc:c0:53:cb:47:d8:bb:51:42:41:e0:b7:3a:" \
	"65:8f:94:7f:98:97:b6:f7:56:d1:08:0a:f3:46:98:c4:97:0d:a7:1b:" \
	"19:a9:9c:68:3c:85:6c:71:82:e1:d1:a9:b4:22:94:e2:10:cd:be:8f:" \
	"c4:6b:ad:8c"

#define H2 \
	"b1:c1:0f:63:5d:f5:00:be:c2:c6:89:d4:bb:15:07:3e:28:b4:5c:e0:" \
	"43:c5:1b:05:fa:f0:b0:e6:b3:e4:55:ea:41:ea:11:24:a4:86:d7:17:" \
	"77:e2:d5:c4:46:ae:23:89:34:f0:b3:b0:8d:b0:4e:3b:c9:17:26:66:" \
	"4b:5b:1e:b2"

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
test_negotiate(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, TO("01bd") NEGREQ);
	assert_chain(p, "ipv4 tcp nbss smb2");
	assert_int_equal(fval(p, "smb2.negotiate_context.offset"), 0x68);
	assert_int_equal(fval(p, "smb2.negotiate_context.count"), 2);
	assert_int_equal(field_n(p, "smb2.negotiate_context.type", 0)->val, 1);
	assert_int_equal(field_n(p, "smb2.negotiate_context.type", 1)->val, 2);
	assert_int_equal(fval(p, "smb2.negotiate_context.salt_length"), 32);
	assert_int_equal(fval(p, "smb2.negotiate_context.hash_algorithm"), 1);
	assert_int_equal(fval(p, "smb2.negotiate_context.cipher_count"), 2);
	assert_int_equal(field_n(p, "smb2.negotiate_context.cipher_id", 1)->val,
	    1);
	assert_true(has_field(p, "smb2.negotiate_context.salt"));
	/* the header's reserved word, the body's two, each context's */
	assert_non_null(field_n(p, "smb2.reserved", 4));
	assert_string_equal(field_n(p, "smb2.preauth_hash", 0)->meaning, H1);
	p = frame(2, FROM("01bd") NEGRESP);
	assert_int_equal(fval(p, "smb2.max_read_size"), 65536);
	assert_int_equal(fval(p, "smb2.negotiate_context.count"), 0);
	assert_string_equal(field_n(p, "smb2.boot_time", 0)->meaning,
	    "Jan  1, 1970 00:00:00.000000000 UTC");
	assert_string_equal(field_n(p, "smb2.preauth_hash", 0)->meaning, H2);
	/* a response again, not after its request: no value */
	p = frame(3, FROM("01bd") NEGRESP);
	assert_false(has_field(p, "smb2.preauth_hash"));
}

static void
test_transform(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, FROM("01bd") XF);
	assert_chain(p, "ipv4 tcp nbss smb2");
	assert_int_equal(fval(p, "smb2.protocol_id"), 0xfd534d42);
	assert_int_equal(fval(p, "smb2.header.transform.msg_size"), 16);
	assert_int_equal(fval(p, "smb2.header.transform.flags"), 1);
	assert_int_equal(fval(p, "smb2.header.transform.flags.encrypted"), 1);
	assert_int_equal(fval(p, "smb2.sesid"), 0x1122334455667788ULL);
	assert_int_equal(field_n(p, "smb2.header.transform.enc_data", 0)->bits,
	    16 * 8);
	assert_int_equal(field_n(p, "smb2.header.transform.nonce", 0)->bits,
	    16 * 8);
}

static void
test_write(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, TO("01bd") WREQ);
	assert_int_equal(fval(p, "smb2.data_offset"), 0x70);
	assert_int_equal(fval(p, "smb2.write_length"), 5);
	assert_int_equal(fval(p, "smb2.remaining_bytes"), 7);
	assert_int_equal(fval(p, "smb2.channel"), 0);
	assert_int_equal(fval(p, "smb2.write.flags"), 3);
	assert_int_equal(fval(p, "smb2.write.flags.write_through"), 1);
	assert_int_equal(fval(p, "smb2.write.flags.unbuffered"), 1);
	assert_string_equal(field_n(p, "smb2.channel_info_blob", 0)->meaning,
	    "");
}

static void
test_truncated(void **state)
{
	const struct st_packet *p;

	(void)state;
	sweep_prefixes(DLT_RAW, TO("01bd") NEGREQ);
	sweep_prefixes(DLT_RAW, FROM("01bd") NEGRESP);
	sweep_prefixes(DLT_RAW, FROM("01bd") XF);
	sweep_prefixes(DLT_RAW, TO("01bd") WREQ);
	/* a request cut short has no hash: its bytes are not all there */
	p = frame(1, TO("01bd") NEGREQ);
	assert_true(has_field(p, "smb2.preauth_hash"));
	{
		size_t n = hexbytes(TO("01bd") NEGREQ);

		st_pkt_reset(&tpkt, tbuf, (uint32_t)n - 10, (uint32_t)n);
		tpkt.num = 2;
		st_decode(&tpkt, DLT_RAW);
		assert_false(has_field(&tpkt, "smb2.preauth_hash"));
	}
}

static void
test_malformed(void **state)
{
	const struct st_packet *p;
	const struct st_layer *l;

	(void)state;
	p = frame(1, TO("01bd") NEGBAD);
	l = layer(p, "smb2");
	assert_non_null(l);
	assert_int_equal(l->status, ST_LS_MALFORMED);
	assert_int_equal(field_n(p, "smb2.negotiate_context.data_length",
	    0)->val, 400);
	assert_false(has_field(p, "smb2.negotiate_context.salt"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negotiate),
		cmocka_unit_test(test_transform),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
