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
 * after the state.  BFD echo: the bytes.  MNDP: each TLV's value by its
 * type (the uptime little-endian), one unknown, one of the wrong length,
 * too short to be MNDP, a TLV past the datagram.  Dropbox LAN sync
 * discovery: handed to JSON.  TZSP: radio tags, the Ethernet frame inside
 * as layers of its own, 802.11, a keepalive, an unknown encapsulation,
 * tags cut short.  Every shorter prefix of each.
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

#define MNDP_ANN "450000ab000140004011ae19c6120001c6120002162e162e0097b07e" \
	"0000000500010006020000000009000500084d696b726f54696b0007000f362e34" \
	"382e362028737461626c6529000800084d696b726f54696b000a0004100e0000" \
	"000b0009414243442d31323334000c000c524239353155692d32486e44000e0001" \
	"010010000665746865723100110004c6120009000f0010000000000000000000" \
	"00000000000000006300027a7a"

static void
test_mndp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, MNDP_ANN);
	assert_chain(p, "ipv4 udp mndp");
	assert_int_equal(fval(p, "mndp.header.seqno"), 5);
	assert_int_equal(fval(p, "mndp.mac"), 0x020000000009);
	assert_string_equal(field_n(p, "mndp.identity", 0)->meaning,
	    "MikroTik");
	assert_string_equal(field_n(p, "mndp.version", 0)->meaning,
	    "6.48.6 (stable)");
	assert_string_equal(field_n(p, "mndp.uptime", 0)->meaning,
	    "3600.000000000");
	assert_string_equal(field_n(p, "mndp.board", 0)->meaning,
	    "RB951Ui-2HnD");
	assert_int_equal(fval(p, "mndp.unpack"), 1);
	assert_string_equal(field_n(p, "mndp.interfacename", 0)->meaning,
	    "ether1");
	assert_int_equal(fval(p, "mndp.ipv4address"), 0xc6120009);
	assert_true(has_field(p, "mndp.ipv6address"));
	/* type 99: its bytes */
	assert_int_equal(field_n(p, "mndp.tlv.type", 11)->val, 99);
	assert_int_equal(field_n(p, "mndp.tlv.data", 0)->bits, 16);
	assert_string_equal(summary_of(DLT_RAW, MNDP_ANN), "   1  0.000000  "
	    "ipv4 › udp › mndp  198.18.0.1:5678 → 198.18.0.2:5678 len 143  "
	    "mndp MikroTik (RB951Ui-2HnD, 6.48.6 (stable)) on ether1\n");
	/* four bytes: not MNDP */
	p = decode_hex(DLT_RAW, "45000020000140004011aea4c6120001c6120002"
	    "162e162e000c4752" "00000000");
	assert_chain(p, "ipv4 udp data");
	/* a MAC address TLV of 4 bytes: its bytes; then a TLV of 200
	 * bytes in a datagram of 20 */
	p = decode_hex(DLT_RAW, "45000030000140004011ae94c6120001c6120002"
	    "162e162e001c0000" "00000001" "00010004aabbccdd" "000500c8414243");
	assert_false(has_field(p, "mndp.mac"));
	assert_int_equal(field_n(p, "mndp.tlv.data", 0)->bits, 32);
	assert_false(has_field(p, "mndp.identity"));
	assert_int_equal(last_layer(p, "mndp")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, MNDP_ANN);
}

#define DBLSP "45000081000140004011ae43c6120001c6120002445c445c006d7af4" \
	"7b22686f73745f696e74223a203132333435363738392c202276657273696f6e22" \
	"3a205b322c20305d2c2022646973706c61796e616d65223a2022222c2022706f72" \
	"74223a2031373530302c20226e616d65737061636573223a205b312c20322c2033" \
	"5d7d"

static void
test_dblsp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, DBLSP);
	assert_chain(p, "ipv4 udp db-lsp-disc json");
	assert_int_equal(layer(p, "db-lsp-disc")->nfields, 0);
	assert_true(has_field(p, "json.key"));
	sweep_prefixes(DLT_RAW, DBLSP);
}

#define TZSP_ETH "45000072000140004011ae52c6120001c612000290909090005e56dc" \
	"010000010a01d80c01161201063c0602000000000a2902003b00010200000000" \
	"0202000000000108004500002d000140004011ae97c6120001c61200029c4000" \
	"350019c1e91234010000010000000000000000010001"
#define TZSP_WLAN "45000044000140004011ae80c6120001c6120002909090900030e011" \
	"010000121101000140000000ffffffffffff020000000001ffffffffffff1000" \
	"0000010402040b16"

static void
test_tzsp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TZSP_ETH);
	assert_chain(p, "ipv4 udp tzsp eth ipv4 udp dns");
	assert_int_equal(fval(p, "tzsp.version"), 1);
	assert_int_equal(fval(p, "tzsp.encap"), 1);
	/* -40 dBm, held as a signed number */
	assert_int_equal((int64_t)fval(p, "tzsp.wlan.signal"), -40);
	assert_int_equal(fval(p, "tzsp.wlan.rate"), 22);
	assert_int_equal(fval(p, "tzsp.wlan.channel"), 6);
	assert_int_equal(fval(p, "tzsp.sensormac"), 0x02000000000a);
	assert_int_equal(fval(p, "tzsp.original_length"), 59);
	/* pad and end: a tag each, no length */
	assert_int_equal(field_n(p, "tzsp.option_tag", 5)->val, 0);
	assert_int_equal(field_n(p, "tzsp.option_tag", 6)->val, 1);
	assert_int_equal(layer(p, "tzsp")->hdr_len, 27);
	p = decode_hex(DLT_RAW, TZSP_WLAN);
	assert_chain(p, "ipv4 udp tzsp wlan wlan.mgt");
	assert_int_equal(fval(p, "tzsp.wlan.status.fcs_err"), 0);
	/* a keepalive: no tags */
	p = decode_hex(DLT_RAW, "45000020000140004011aea4c6120001c6120002"
	    "90909090000c5189" "01040000");
	assert_int_equal(fval(p, "tzsp.type"), 4);
	assert_false(has_field(p, "tzsp.option_tag"));
	/* encapsulation 999: the frame is data */
	p = decode_hex(DLT_RAW, "45000022000140004011aea2c6120001c6120002"
	    "90909090000e0000" "010003e701aa");
	assert_chain(p, "ipv4 udp tzsp data");
	/* a tag whose value is missing */
	p = decode_hex(DLT_RAW, "45000022000140004011aea2c6120001c6120002"
	    "90909090000e4787" "010000010a01");
	assert_false(has_field(p, "tzsp.option_tag"));
	assert_int_equal(last_layer(p, "tzsp")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, TZSP_ETH);
	sweep_prefixes(DLT_RAW, TZSP_WLAN);
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
		cmocka_unit_test(test_mndp),
		cmocka_unit_test(test_dblsp),
		cmocka_unit_test(test_tzsp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
