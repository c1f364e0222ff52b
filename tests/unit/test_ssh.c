/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SSH's conversation state: each direction's version line, Wireshark's
 * sequence numbers of the key exchange's packets, NEWKEYS making the
 * packets that follow that way encrypted; a frame decoded again reads as
 * it did; prefixes and a lying name-list.
 */
#include "testutil.h"

#define IPH	"450000000000400040060000"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO	IPH "c6120001c6120002" "9c40" "0016" TCPT
#define FROM	IPH "c6120002c6120001" "0016" "9c40" TCPT

#define BANNER	"5353482d322e302d78" "0d0a"	/* SSH-2.0-x */
#define NEWKEYS	"0000000c" "0a" "15" "00000000000000000000"
/* KEXINIT: cookie, lists "a", "b", eight empty ones, flag, reserved. */
#define KEXINIT	"0000004c" "0b" "14" "000102030405060708090a0b0c0d0e0f" \
	"0000000161" "0000000162" "00000000000000000000000000000000" \
	"00000000000000000000000000000000" "00" "00000000" \
	"0000000000000000000000"
/* A packet of a key exchange's shape (IGNORE), after NEWKEYS encrypted. */
#define IGNORE	"0000000c" "0a" "02" "00000000000000000000"

/* decode_hex as frame num of a capture. */
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
test_ssh_state(void **state)
{
	const struct st_packet *p;

	(void)state;
	frame(1, FROM BANNER);
	frame(2, TO BANNER);
	p = frame(3, TO KEXINIT);
	assert_int_equal(fval(p, "ssh.message_code"), 20);
	assert_int_equal(fval(p, "ssh.seq_num"), 0);
	p = frame(4, TO NEWKEYS);
	assert_int_equal(fval(p, "ssh.seq_num"), 1);
	p = frame(4, TO NEWKEYS);		/* decoded again */
	assert_int_equal(fval(p, "ssh.seq_num"), 1);
	/* After the client's NEWKEYS its packets are encrypted ... */
	p = frame(5, TO IGNORE);
	assert_true(has_field(p, "ssh.encrypted_packet"));
	assert_false(has_field(p, "ssh.message_code"));
	/* ... the server's not yet: its NEWKEYS is its first packet. */
	p = frame(6, FROM IGNORE NEWKEYS);
	assert_chain(p, "ipv4 tcp ssh ssh");
	assert_int_equal(field_n(p, "ssh.message_code", 1)->val, 21);
	assert_int_equal(field_n(p, "ssh.seq_num", 0)->val, 0);
	assert_int_equal(field_n(p, "ssh.seq_num", 1)->val, 0);
	/* A new capture: no state, the shape decides, no numbers. */
	p = frame(1, TO IGNORE);
	assert_int_equal(fval(p, "ssh.message_code"), 2);
	assert_false(has_field(p, "ssh.seq_num"));
}

static void
test_ssh_prefixes(void **state)
{
	const struct st_packet *p;

	(void)state;
	sweep_prefixes(DLT_RAW, TO KEXINIT);
	sweep_prefixes(DLT_RAW, FROM BANNER NEWKEYS IGNORE);
	/* The first list says 0x100 bytes: malformed, not a crash. */
	p = frame(1, TO "0000004c" "0b" "14" "000102030405060708090a0b0c0d0e0f"
	    "0000010061");
	assert_true(has_field(p, "ssh.cookie"));
	assert_false(has_field(p, "ssh.kex_algorithms"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ssh_state),
		cmocka_unit_test(test_ssh_prefixes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
