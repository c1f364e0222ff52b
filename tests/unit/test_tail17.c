/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Small UDP services of routers and printers.  TACACS and XTACACS: a
 * login's user and password, a response's verdict and reason, the longer
 * XTACACS header, a logout without a password, a header cut short and a
 * user name running past the datagram.  Cisco Auto-RP: an announcement's
 * RP and its two group ranges (one negative), a mapping of two RPs, an RP
 * cut short (shown whole or not at all), bytes after the last RP.  CUPS
 * browsing: the type's bits from the number the hex digits spell, the
 * state, URI and quoted strings; a line that stops after its URI, one cut
 * after the state.  BFD echo: the bytes.  Every shorter prefix of each.
 */
#include <string.h>

#include "testutil.h"

#define TAC_LOGIN "4500002d000140004011ae97c6120001c61200029c710031001943aa" \
	"000112340506616c696365736563726574"
#define TAC_RESP "45000022000140004011aea2c6120002c612000100319c71000ec3d1" \
	"000212340100"
#define XTAC_LOGIN "45000041000140004011ae83c6120001c61200029c720031002db905" \
	"800156780506000000000000c612000900170004000000000000" \
	"616c696365736563726574"
#define XTAC_RESP "45000036000140004011ae8ec6120002c612000100319c720022fdfc" \
	"8002567800000203000000100000000000000004000000200030"
#define XTAC_LOGOUT "4500003b000140004011ae89c6120001c61200029c730031002787" \
	"3780079abc05000004000000000000000000000004000000000000616c696365"
#define XTAC_SHORT "4500002b000140004011ae99c6120001c61200029c74003100173560" \
	"800156780506000000000000c61200"

static void
test_tacacs(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TAC_LOGIN);
	assert_chain(p, "ipv4 udp tacacs");
	assert_int_equal(fval(p, "tacacs.version"), 0);
	assert_int_equal(fval(p, "tacacs.type"), 1);
	assert_int_equal(fval(p, "tacacs.nonce"), 0x1234);
	assert_int_equal(fval(p, "tacacs.userlen"), 5);
	assert_int_equal(fval(p, "tacacs.passlen"), 6);
	assert_string_equal(field_n(p, "tacacs.username", 0)->meaning, "alice");
	assert_string_equal(field_n(p, "tacacs.password", 0)->meaning,
	    "secret");
	assert_false(has_field(p, "tacacs.response"));
	p = decode_hex(DLT_RAW, TAC_RESP);
	assert_int_equal(fval(p, "tacacs.response"), 1);
	assert_int_equal(fval(p, "tacacs.reason"), 0);
	assert_false(has_field(p, "tacacs.username"));
	assert_string_equal(summary_of(DLT_RAW, TAC_RESP), "   1  0.000000  "
	    "ipv4 › udp › tacacs  198.18.0.2:49 → 198.18.0.1:40049 len 6  "
	    "TACACS Response accepted\n");

	p = decode_hex(DLT_RAW, XTAC_LOGIN);
	assert_int_equal(fval(p, "tacacs.version"), 0x80);
	assert_int_equal(fval(p, "tacacs.destaddr"), 0xc6120009);
	assert_int_equal(fval(p, "tacacs.destport"), 23);
	assert_int_equal(fval(p, "tacacs.line"), 4);
	assert_string_equal(field_n(p, "tacacs.password", 0)->meaning,
	    "secret");
	assert_int_equal(field_n(p, "tacacs.username", 0)->bitoff,
	    (20 + 8 + 26) * 8);
	p = decode_hex(DLT_RAW, XTAC_RESP);
	assert_int_equal(fval(p, "tacacs.response"), 2);
	assert_int_equal(fval(p, "tacacs.reason"), 3);
	assert_int_equal(fval(p, "tacacs.result1"), 0x10);
	assert_int_equal(fval(p, "tacacs.result2"), 0x20);
	assert_int_equal(fval(p, "tacacs.result3"), 0x30);
	assert_string_equal(summary_of(DLT_RAW, XTAC_RESP), "   1  0.000000  "
	    "ipv4 › udp › tacacs  198.18.0.2:49 → 198.18.0.1:40050 len 26  "
	    "XTACACS Response rejected (denied)\n");
	/* a logout: a user, an empty password */
	p = decode_hex(DLT_RAW, XTAC_LOGOUT);
	assert_int_equal(fval(p, "tacacs.type"), 7);
	assert_string_equal(field_n(p, "tacacs.username", 0)->meaning, "alice");
	assert_string_equal(field_n(p, "tacacs.password", 0)->meaning, "");
	sweep_prefixes(DLT_RAW, XTAC_LOGIN);
}

static void
test_tacacs_odd(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* cut in the destination address: the fields before it */
	p = decode_hex(DLT_RAW, XTAC_SHORT);
	assert_int_equal(fval(p, "tacacs.result1"), 0);
	assert_false(has_field(p, "tacacs.destaddr"));
	assert_int_equal(last_layer(p, "tacacs")->status, ST_LS_TRUNCATED);
	/* a user name of 200 bytes in a datagram of 11 */
	p = decode_hex(DLT_RAW, "45000027000140004011ae9dc6120001c6120002"
	    "9c710031001343aa" "00011234c806616c696365");
	assert_int_equal(fval(p, "tacacs.userlen"), 200);
	assert_false(has_field(p, "tacacs.username"));
	assert_int_equal(last_layer(p, "tacacs")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, TAC_LOGIN);
}

#define ARP_ANN "45000036000140004011ae8ec6120001c612000201f001f00022b5c9" \
	"110100b500000000c612000102020004ef0000000108efff0000"
#define ARP_MAP "4500003c000140004011ae88c6120002c612000101f001f0002804a7" \
	"120200b500000000c612000103010004e0000000c612000201010008e8000000"
#define ARP_SHORT "45000029000140004011ae9bc6120001c612000201f001f0001595f2" \
	"110100b500000000c612000102"

static void
test_autorp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, ARP_ANN);
	assert_chain(p, "ipv4 udp auto_rp");
	assert_int_equal(fval(p, "auto_rp.version"), 1);
	assert_int_equal(fval(p, "auto_rp.type"), 1);
	assert_int_equal(fval(p, "auto_rp.rp_count"), 1);
	assert_int_equal(fval(p, "auto_rp.holdtime"), 181);
	assert_int_equal(fval(p, "auto_rp.rp_addr"), 0xc6120001);
	assert_int_equal(fval(p, "auto_rp.pim_ver"), 2);
	assert_int_equal(fval(p, "auto_rp.group_num"), 2);
	assert_int_equal(field_n(p, "auto_rp.prefix_sign", 0)->val, 0);
	assert_int_equal(field_n(p, "auto_rp.prefix_sign", 1)->val, 1);
	assert_int_equal(field_n(p, "auto_rp.mask_len", 1)->val, 8);
	assert_int_equal(field_n(p, "auto_rp.group_prefix", 1)->val,
	    0xefff0000);
	assert_false(has_field(p, "auto_rp.trailing_junk"));
	assert_string_equal(summary_of(DLT_RAW, ARP_ANN), "   1  0.000000  "
	    "ipv4 › udp › auto_rp  198.18.0.1:496 → 198.18.0.2:496 len 26  "
	    "auto-rp RP announcement for 1 RP, holdtime 181\n");
	p = decode_hex(DLT_RAW, ARP_MAP);
	assert_int_equal(fval(p, "auto_rp.type"), 2);
	assert_int_equal(field_n(p, "auto_rp.rp_addr", 1)->val, 0xc6120002);
	assert_int_equal(field_n(p, "auto_rp.pim_ver", 0)->val, 3);
	assert_int_equal(field_n(p, "auto_rp.pim_ver", 1)->val, 1);
	/* two RPs and their groups: nothing after them */
	assert_false(has_field(p, "auto_rp.trailing_junk"));
	assert_int_equal(field_n(p, "auto_rp.group_prefix", 1)->val,
	    0xe8000000);
	/* an RP cut after its address: not shown */
	p = decode_hex(DLT_RAW, ARP_SHORT);
	assert_int_equal(fval(p, "auto_rp.holdtime"), 181);
	assert_false(has_field(p, "auto_rp.rp_addr"));
	assert_int_equal(last_layer(p, "auto_rp")->status, ST_LS_TRUNCATED);
	/* no RP, and two bytes after the header */
	p = decode_hex(DLT_RAW, "45000026000140004011ae9ec6120001c6120002"
	    "01f001f0001295f2" "110000b500000000abcd");
	assert_int_equal(fval(p, "auto_rp.rp_count"), 0);
	assert_int_equal(field_n(p, "auto_rp.trailing_junk", 0)->bits, 16);
	sweep_prefixes(DLT_RAW, ARP_MAP);
}

#define CUPS_LAB "45000074000140004011ae50c6120001c612000202770277006036b0" \
	"393030632033206970703a2f2f3139382e31382e302e313a3633312f7072696e74" \
	"6572732f6c61622022526f6f6d20313031222022436f6c6f7572206c6173657222" \
	"202241434d45204c617365724a65742039303030220a"
#define CUPS_CUT "45000042000140004011ae82c6120002c612000102770277002e9114" \
	"393030362033206970703a2f2f3139382e31382e302e323a3633312f7072696e74" \
	"6572732f78"

static void
test_cups(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, CUPS_LAB);
	assert_chain(p, "ipv4 udp cups");
	assert_int_equal(fval(p, "cups.ptype"), 0x900c);
	/* the bits of 0x900c: variable sizes, small, colour, black */
	assert_int_equal(fval(p, "cups.ptype.variable"), 1);
	assert_int_equal(fval(p, "cups.ptype.small"), 1);
	assert_int_equal(fval(p, "cups.ptype.color"), 1);
	assert_int_equal(fval(p, "cups.ptype.bw"), 1);
	assert_int_equal(fval(p, "cups.ptype.medium"), 0);
	assert_int_equal(fval(p, "cups.ptype.class"), 0);
	assert_int_equal(fval(p, "cups.ptype.default"), 0);
	assert_int_equal(fval(p, "cups.state"), 3);
	assert_string_equal(field_n(p, "cups.uri", 0)->meaning,
	    "ipp://198.18.0.1:631/printers/lab");
	assert_string_equal(field_n(p, "cups.location", 0)->meaning,
	    "Room 101");
	assert_string_equal(field_n(p, "cups.information", 0)->meaning,
	    "Colour laser");
	assert_string_equal(field_n(p, "cups.make_model", 0)->meaning,
	    "ACME LaserJet 9000");
	assert_string_equal(summary_of(DLT_RAW, CUPS_LAB), "   1  0.000000  "
	    "ipv4 › udp › cups  198.18.0.1:631 → 198.18.0.2:631 len 88  "
	    "cups ipp://198.18.0.1:631/printers/lab (idle)\n");
	/* no white space after the URI: the line stops before it */
	p = decode_hex(DLT_RAW, CUPS_CUT);
	assert_int_equal(fval(p, "cups.state"), 3);
	assert_false(has_field(p, "cups.uri"));
	assert_int_equal(last_layer(p, "cups")->status, ST_LS_OK);
	/* "4 5" and nothing after: cut short where a space or end of
	 * line must come */
	p = decode_hex(DLT_RAW, "4500001f000140004011aea5c6120001c6120002"
	    "02770277000b0000" "342035");
	assert_int_equal(fval(p, "cups.ptype"), 4);
	assert_int_equal(fval(p, "cups.ptype.bw"), 1);
	assert_int_equal(fval(p, "cups.state"), 5);
	assert_int_equal(last_layer(p, "cups")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, CUPS_LAB);
}

#define BFD_ECHO "45000024000140004011aea0c6120001c6120002c0000ec9001094c8" \
	"0102030405060708"

static void
test_bfdecho(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, BFD_ECHO);
	assert_chain(p, "ipv4 udp bfd_echo");
	assert_int_equal(field_n(p, "bfd_echo.packet", 0)->bits, 64);
	sweep_prefixes(DLT_RAW, BFD_ECHO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tacacs),
		cmocka_unit_test(test_tacacs_odd),
		cmocka_unit_test(test_autorp),
		cmocka_unit_test(test_cups),
		cmocka_unit_test(test_bfdecho),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
