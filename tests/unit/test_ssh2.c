/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SSH's key exchange as Wireshark reads it: the method both sides agree on
 * (RFC 4253 7.1) and the bodies it gives messages 30 and 31 (ECDH, DH,
 * the host key and signature), a direction whose KEXINIT was cut staying
 * plaintext, and SSH 1's packets; every prefix of each.
 */
#include <stdio.h>

#include "testutil.h"

#define IPH	"450000000000400040060000"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO	IPH "c6120001c6120002" "9c40" "0016" TCPT
#define FROM	IPH "c6120002c6120001" "0016" "9c40" TCPT

#define BANNER	"5353482d322e302d78" "0d0a"	/* SSH-2.0-x */
#define BANNER1	"5353482d312e352d78" "0a"	/* SSH-1.5-x */
#define NEWKEYS	"0000000c" "0a" "15" "00000000000000000000"

static char hexbuf[4096];

static void
hexof(char *o, const char *s)
{
	for (; *s != '\0'; s++, o += 2)
		sprintf(o, "%02x", (unsigned char)*s);
	*o = '\0';
}

/* A binary packet around payload hex (code first): length, padding to a
 * multiple of 8 with at least 4 bytes (RFC 4253 6). */
static const char *
packet(const char *payload)
{
	size_t n = strlen(payload) / 2, pad = 8 - (5 + n) % 8, i;
	char *o = hexbuf;

	if (pad < 4)
		pad += 8;
	o += sprintf(o, "%08zx%02zx%s", 1 + n + pad, pad, payload);
	for (i = 0; i < pad; i++)
		o += sprintf(o, "00");
	return hexbuf;
}

/* KEXINIT with method list kex, nine empty lists. */
static const char *
kexinit(const char *kex)
{
	char body[1024], h[512];

	hexof(h, kex);
	snprintf(body, sizeof(body), "14" "000102030405060708090a0b0c0d0e0f"
	    "%08zx%s" "000000000000000000000000000000000000"
	    "000000000000000000000000000000000000" "00" "00000000",
	    strlen(kex), h);
	return packet(body);
}

static const struct st_packet *
frame(uint64_t num, const char *dir, const char *hex)
{
	char all[4096];
	size_t n;

	snprintf(all, sizeof(all), "%s%s", dir, hex);
	n = hexbytes(all);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

/* ECDH reply: host key ssh-ed25519 (32-byte key), Q_S of 4 bytes, an
 * ssh-ed25519 signature of 8 bytes. */
#define ED	"0000000b" "7373682d65643235353139"
#define ECDH_REPLY "1f" "00000033" ED "00000020" \
	"0101010101010101010101010101010101010101010101010101010101010101" \
	"00000004" "0a0b0c0d" "0000001b" ED "00000008" "0202020202020202"

static void
test_ssh2_negotiated(void **state)
{
	const struct st_packet *p;

	(void)state;
	frame(1, FROM, BANNER);
	frame(2, TO, BANNER);
	/* the client prefers ECDH; the server offers DH only: DH */
	frame(3, TO, kexinit("ecdh-sha2-nistp256,diffie-hellman-group14-sha1"));
	frame(4, FROM, kexinit("diffie-hellman-group14-sha1"));
	p = frame(5, TO, packet("1e" "00000004" "11223344"));
	assert_int_equal(fval(p, "ssh.mpint_length"), 4);
	assert_true(has_field(p, "ssh.dh.e"));
	assert_false(has_field(p, "ssh.ecdh.q_c"));
	assert_false(has_field(p, "ssh.payload"));
	/* Wireshark's DH numbers the init one past KEXINIT's next */
	assert_int_equal(fval(p, "ssh.seq_num"), 2);
}

static void
test_ssh2_ecdh(void **state)
{
	const struct st_packet *p;

	(void)state;
	frame(1, FROM, BANNER);
	frame(2, TO, BANNER);
	frame(3, TO, kexinit("curve25519-sha256,ecdh-sha2-nistp256"));
	frame(4, FROM, kexinit("ecdh-sha2-nistp256"));
	p = frame(5, TO, packet("1e" "00000004" "11223344"));
	assert_int_equal(fval(p, "ssh.ecdh.q_c_length"), 4);
	assert_true(has_field(p, "ssh.ecdh.q_c"));
	assert_int_equal(fval(p, "ssh.seq_num"), 1);
	p = frame(6, FROM, packet(ECDH_REPLY));
	assert_int_equal(fval(p, "ssh.host_key.length"), 0x33);
	assert_int_equal(fval(p, "ssh.host_key.type_length"), 11);
	assert_int_equal(fval(p, "ssh.host_key.eddsa.key_length"), 32);
	assert_int_equal(fval(p, "ssh.ecdh.q_s_length"), 4);
	assert_int_equal(fval(p, "ssh.host_sig.length"), 0x1b);
	assert_true(has_field(p, "ssh.host_sig.type"));
	assert_false(has_field(p, "ssh.host_sig.data"));
	assert_false(has_field(p, "ssh.payload"));
	assert_int_equal(fval(p, "ssh.seq_num"), 1);
	/* a lying host key length: the body stops, no padding or number */
	p = frame(7, FROM, packet("1f" "00000fff" ED));
	assert_true(has_field(p, "ssh.host_key.length"));
	assert_false(has_field(p, "ssh.padding_string"));
	assert_false(has_field(p, "ssh.seq_num"));
}

static void
test_ssh2_cut_kexinit(void **state)
{
	const struct st_packet *p;
	char half[200];

	(void)state;
	frame(1, TO, BANNER);
	/* a KEXINIT cut by its segment: Wireshark never takes the methods
	 * nor the start of the exchange, and reads on in plaintext */
	snprintf(half, sizeof(half), "%.60s", kexinit("curve25519-sha256"));
	frame(2, TO, half);
	frame(3, TO, NEWKEYS);
	p = frame(4, TO, NEWKEYS);
	assert_int_equal(fval(p, "ssh.message_code"), 21);
	assert_false(has_field(p, "ssh.encrypted_packet"));
	/* an overly large length runs to the segment's end */
	p = frame(5, TO, "ffff0000" "04" "63" "0102030405060708");
	assert_int_equal(fval(p, "ssh.packet_length"), 0xffff0000);
	assert_true(has_field(p, "ssh.payload"));
	assert_true(has_field(p, "ssh.padding_string"));
}

static void
test_ssh2_v1(void **state)
{
	const struct st_packet *p;

	(void)state;
	frame(1, FROM, "5353482d312e39392d78" "0a");	/* SSH-1.99-x */
	frame(2, TO, BANNER1);
	/* length 5 (type, 0 data bytes, CRC), 3 bytes of padding */
	p = frame(3, TO, "00000005" "000000" "03" "aabbccdd");
	assert_int_equal(fval(p, "ssh.packet_length"), 5);
	assert_int_equal(fval(p, "ssh.padding_length"), 3);
	assert_int_equal(fval(p, "ssh.message_code"), 3);
	assert_true(has_field(p, "ssh.payload"));
	/* the direction's next packets are encrypted: no type */
	p = frame(4, TO, "00000005" "000000" "03" "aabbccdd");
	assert_false(has_field(p, "ssh.message_code"));
	assert_true(has_field(p, "ssh.payload"));
}

static void
test_ssh2_prefixes(void **state)
{
	char all[4096];

	(void)state;
	frame(1, FROM, BANNER);
	snprintf(all, sizeof(all), "%s%s", FROM, packet(ECDH_REPLY));
	sweep_prefixes(DLT_RAW, all);
	frame(1, TO, BANNER1);
	sweep_prefixes(DLT_RAW, TO "00000005" "000000" "03" "aabbccdd");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ssh2_negotiated),
		cmocka_unit_test(test_ssh2_ecdh),
		cmocka_unit_test(test_ssh2_cut_kexinit),
		cmocka_unit_test(test_ssh2_v1),
		cmocka_unit_test(test_ssh2_prefixes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
