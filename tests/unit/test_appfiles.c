/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The app-files family: FTP commands and replies with the data
 * connection's address, SSH banners and binary packets, Modbus/TCP;
 * every shorter prefix decodes without a crash, and odd bytes are escaped.
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
/* To and from port p (4 hex digits) from/to port 40000. */
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPH p "9c40" TCPT

/* Hex of ASCII, by hand: "USER anonymous\r\n". */
#define USER	"55534552" "20" "616e6f6e796d6f7573" "0d0a"

static void
test_ftp_request(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("0015") USER);

	(void)state;
	assert_chain(p, "ipv4 tcp ftp");
	assert_int_equal(fval(p, "ftp.request"), 1);
	assert_int_equal(fval(p, "ftp.response"), 0);
	assert_string_equal(field_n(p, "ftp.request.command", 0)->meaning,
	    "USER");
	assert_string_equal(field_n(p, "ftp.request.arg", 0)->meaning,
	    "anonymous");
	sweep_prefixes(DLT_RAW, TO("0015") USER);

	/* PORT 198,18,0,1,156,65 */
	p = decode_hex(DLT_RAW, TO("0015") "504f525420" "3139382c31382c30"
	    "2c312c3135362c3635" "0d0a");
	assert_string_equal(field_n(p, "ftp.active.cip", 0)->meaning,
	    "198.18.0.1");
	assert_int_equal(fval(p, "ftp.active.port"), 156 * 256 + 65);

	/* EPRT |1|1.2.3.4|4000| */
	p = decode_hex(DLT_RAW, TO("0015") "4550525420" "7c317c"
	    "312e322e332e34" "7c" "34303030" "7c0d0a");
	assert_int_equal(fval(p, "ftp.eprt.af"), 1);
	assert_string_equal(field_n(p, "ftp.eprt.ip", 0)->meaning, "1.2.3.4");
	assert_int_equal(fval(p, "ftp.eprt.port"), 4000);
}

static void
test_ftp_reply(void **state)
{
	/* 227 Entering Passive Mode (1,2,3,4,195,80) */
	const char *hex = FROM("0015") "32323720" "456e746572696e6720"
	    "28312c322c332c342c3139352c383029" "0d0a";
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 tcp ftp");
	assert_int_equal(fval(p, "ftp.response"), 1);
	assert_int_equal(fval(p, "ftp.response.code"), 227);
	assert_string_equal(field_n(p, "ftp.passive.ip", 0)->meaning,
	    "1.2.3.4");
	assert_int_equal(fval(p, "ftp.passive.port"), 50000);
	assert_int_equal(fval(p, "ftp.passive.nat"), 1);
	sweep_prefixes(DLT_RAW, hex);

	/* 229 (|||50001|): the port, the address is the server's. */
	p = decode_hex(DLT_RAW, FROM("0015") "32323920" "287c7c7c"
	    "3530303031" "7c29" "0d0a");
	assert_int_equal(fval(p, "ftp.epsv.port"), 50001);
	assert_string_equal(field_n(p, "ftp.epsv.ip", 0)->meaning,
	    "198.18.0.1");

	/* "230-" alone: a code, no argument. */
	p = decode_hex(DLT_RAW, FROM("0015") "3233302d0d0a");
	assert_int_equal(fval(p, "ftp.response.code"), 230);
	assert_false(has_field(p, "ftp.response.arg"));
}

static void
test_ftp_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A control byte and a backslash from the wire come out escaped. */
	p = decode_hex(DLT_RAW, TO("0015") "52455452201b5b33316d5c780d0a");
	assert_string_equal(field_n(p, "ftp.request.arg", 0)->meaning,
	    "\\x1b[31m\\\\x");
	/* No line end: the line continues, noted. */
	p = decode_hex(DLT_RAW, TO("0015") "53544f522061");
	assert_string_equal(field_n(p, "ftp.request.arg", 0)->meaning, "a");
	assert_true(has_note(p, "continues in a later segment"));
	/* Bad PASV numbers: no address. */
	p = decode_hex(DLT_RAW, FROM("0015") "3232372028312c322c332c3939392c"
	    "312c3229" "0d0a");
	assert_false(has_field(p, "ftp.passive.ip"));
	/* A reply without a code: all argument. */
	p = decode_hex(DLT_RAW, FROM("0015") "68656c6c6f0d0a");
	assert_false(has_field(p, "ftp.response.code"));
	assert_string_equal(field_n(p, "ftp.response.arg", 0)->meaning,
	    "hello");
}

/* "SSH-2.0-x\r\n" then a NEWKEYS packet in the same segment. */
#define BANNER	"5353482d322e302d78" "0d0a"
#define NEWKEYS	"0000000c" "0a" "15" "00000000000000000000"

static void
test_ssh(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, FROM("0016") BANNER
	    NEWKEYS);

	(void)state;
	assert_chain(p, "ipv4 tcp ssh ssh");
	assert_string_equal(field_n(p, "ssh.protocol", 0)->meaning,
	    "SSH-2.0-x");
	assert_int_equal(fval(p, "ssh.direction"), 1);
	assert_int_equal(fval(p, "ssh.packet_length"), 12);
	assert_int_equal(fval(p, "ssh.padding_length"), 10);
	assert_int_equal(fval(p, "ssh.message_code"), 21);
	sweep_prefixes(DLT_RAW, FROM("0016") BANNER NEWKEYS);

	/* By content on a port nobody binds. */
	p = decode_hex(DLT_RAW, TO("10e1") BANNER);
	assert_chain(p, "ipv4 tcp ssh");
	/* Not a key exchange's shape: encrypted. */
	p = decode_hex(DLT_RAW, TO("0016") "8e1f2a3b0102030405060708");
	assert_true(has_field(p, "ssh.encrypted_packet"));
	assert_false(has_field(p, "ssh.message_code"));
}

static void
test_ssh_kexinit(void **state)
{
	/* KEXINIT: cookie, lists "a", "b", then eight empty lists. */
	const char *hex = TO("0016") "0000004c" "0b" "14"
	    "000102030405060708090a0b0c0d0e0f" "0000000161" "0000000162"
	    "00000000000000000000000000000000" "00000000000000000000000000000000"
	    "00" "00000000" "0000000000000000000000";
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 tcp ssh");
	assert_string_equal(field_n(p, "ssh.kex_algorithms", 0)->meaning, "a");
	assert_int_equal(fval(p, "ssh.server_host_key_algorithms_length"), 1);
	assert_string_equal(field_n(p, "ssh.kex.hassh_algorithms", 0)->meaning,
	    "a;;;");
	assert_int_equal(fval(p, "ssh.first_kex_packet_follows"), 0);
	sweep_prefixes(DLT_RAW, hex);

	/* A list longer than its packet: malformed. */
	p = decode_hex(DLT_RAW, TO("0016") "0000001c" "04" "14"
	    "000102030405060708090a0b0c0d0e0f" "000000ff61" "00000000");
	assert_int_equal(layer(p, "ssh")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ftp_request),
		cmocka_unit_test(test_ftp_reply),
		cmocka_unit_test(test_ftp_malformed),
		cmocka_unit_test(test_ssh),
		cmocka_unit_test(test_ssh_kexinit),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
