/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The links2 family (link types and carriers of routers' captures):
 * Juniper's "MGC" pseudo-header on its link types, with its extension
 * TLVs, its stripped-L2 form, the ATM and multilink PICs' cookies and
 * the payload guessed from them; truncated and malformed variants (those
 * of tcpdump's hoobr_juniper, juniper_atm1_oobr, juniper_header
 * heap-overflow tests); every shorter prefix.
 */
#include "testutil.h"

#include <pcap/dlt.h>


/* An IPv4/UDP datagram 198.18.0.1:40000 -> 198.18.0.2:9, "junos". */
#define IP4	"45000021000140004011aea3c6120001c61200029c400009000d8b7d" \
		"6a756e6f73"
/* Extensions: device index 137, name "ge-0/0/1", media type 1, logical
 * index 70, unit 0, encapsulation 14. */
#define EXT	"010489000000020867652d302f302f310302010004044600000005" \
		"040000000006020e00"

/* A Juniper Ethernet frame, inbound, with extensions (the fuzz seed). */
static const uint8_t juniper_ether[] = {
	0x4d, 0x47, 0x43, 0x81, 0x00, 0x24, 0x01, 0x04, 0x89, 0x00, 0x00,
	0x00, 0x02, 0x08, 0x67, 0x65, 0x2d, 0x30, 0x2f, 0x30, 0x2f, 0x31,
	0x03, 0x02, 0x01, 0x00, 0x04, 0x04, 0x46, 0x00, 0x00, 0x00, 0x05,
	0x04, 0x00, 0x00, 0x00, 0x00, 0x06, 0x02, 0x0e, 0x00,
	0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x08, 0x00,
	0x45, 0x00, 0x00, 0x21, 0x00, 0x01, 0x40, 0x00, 0x40, 0x11, 0xae,
	0xa3, 0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02, 0x9c, 0x40,
	0x00, 0x09, 0x00, 0x0d, 0x8b, 0x7d, 0x6a, 0x75, 0x6e, 0x6f, 0x73,
};

static const char *
hex_of(const uint8_t *b, size_t n)
{
	static char out[1024];
	size_t i;

	for (i = 0; i < n && i < 500; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	out[2 * i] = '\0';
	return out;
}

static void
test_juniper_ether(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_JUNIPER_ETHER, hex_of(juniper_ether,
	    sizeof(juniper_ether)));
	assert_chain(p, "juniper eth ipv4 udp data");
	assert_int_equal(fval(p, "juniper.magic-number"), 0x4d4743);
	assert_int_equal(fval(p, "juniper.direction"), 1);
	assert_int_equal(fval(p, "juniper.l2hdr"), 0);
	assert_int_equal(fval(p, "juniper.ext_total_len"), 36);
	assert_int_equal(fval(p, "juniper.ext.ifd"), 137);
	assert_int_equal(fval(p, "juniper.ext.ifmt"), 1);
	assert_int_equal(fval(p, "juniper.ext.ifl"), 70);
	assert_int_equal(fval(p, "juniper.ext.unit"), 0);
	assert_int_equal(fval(p, "juniper.ext.ifle"), 14);
	assert_int_equal(fval(p, "juniper.payload_type"), 204);
	assert_int_equal(layer(p, "eth")->off, 42);
	assert_int_equal(layer(p, "juniper")->status, ST_LS_OK);

	/* Without extensions, outbound. */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d474300" "020000000002020000000001"
	    "0800" IP4);
	assert_chain(p, "juniper eth ipv4 udp data");
	assert_int_equal(fval(p, "juniper.direction"), 0);
	assert_false(has_field(p, "juniper.ext_total_len"));

	/* The L2 header stripped: IPv4 by the protocol in host order. */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d474383" "0024" EXT "02000000" IP4);
	assert_chain(p, "juniper ipv4 udp data");
	assert_int_equal(fval(p, "juniper.l2hdr"), 1);
	assert_int_equal(fval(p, "juniper.payload_type"), 2);

	/* A 2-byte index; a length past 4 (no number: all ones). */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d474383" "000e" "0102" "0100"
	    "0408" "0102030405060708" "02000000" IP4);
	assert_int_equal(fval(p, "juniper.ext.ifd"), 1);
	assert_int_equal(fval(p, "juniper.ext.ifl"), 0xffffffff);
}

static void
test_juniper_pics(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_JUNIPER_PPP, "4d474301" "ff03" "0021" IP4);
	assert_chain(p, "juniper ppp ipv4 udp data");
	assert_int_equal(fval(p, "juniper.payload_type"), 200);
	p = decode_hex(DLT_JUNIPER_FRELAY, "4d474300" "184103cc" IP4);
	assert_chain(p, "juniper fr ipv4 udp data");

	/* ATM1: VC-multiplexed IPv4, LLC/SNAP, an OAM cell. */
	p = decode_hex(DLT_JUNIPER_ATM1, "4d474300" "00010020" IP4);
	assert_chain(p, "juniper ipv4 udp data");
	assert_int_equal(fval(p, "juniper.atm1.cookie"), 0x00010020);
	assert_int_equal(fval(p, "juniper.encap_type"), 2);
	p = decode_hex(DLT_JUNIPER_ATM1, "4d474301" "00010020" "aaaa030000000800"
	    IP4);
	assert_chain(p, "juniper llc ipv4 udp data");
	assert_int_equal(fval(p, "juniper.payload_type"), 203);
	p = decode_hex(DLT_JUNIPER_ATM1, "4d474301" "80010020" "0000000000000000");
	assert_chain(p, "juniper data");
	assert_int_equal(fval(p, "juniper.payload_type"), 205);

	/* ATM2: PPP, VC-multiplexed (not on ATM1); Cisco NLPID. */
	p = decode_hex(DLT_JUNIPER_ATM2, "4d474301" "0000000100200000" "0021" IP4);
	assert_chain(p, "juniper ppp ipv4 udp data");
	assert_int_equal(fval(p, "juniper.atm2.cookie"), 0x100200000ULL);
	assert_int_equal(fval(p, "juniper.encap_type"), 0);
	p = decode_hex(DLT_JUNIPER_ATM2, "4d474301" "0000000100200000" "03" "81"
	    "00000000");
	assert_int_equal(fval(p, "juniper.encap_type"), 1);
	assert_int_equal(fval(p, "juniper.payload_type"), 201);
	assert_int_equal(layer(p, "juniper")->hdr_len, 13);

	/* GGSN: protocol and VLAN little-endian. */
	p = decode_hex(DLT_JUNIPER_GGSN, "4d474301" "02006400" IP4);
	assert_chain(p, "juniper ipv4 udp data");
	assert_int_equal(fval(p, "juniper.proto"), 2);
	assert_int_equal(fval(p, "juniper.vlan"), 100);

	/* Services: 16 bytes inbound. */
	p = decode_hex(DLT_JUNIPER_SERVICES, "4d474301" "00000000000000000000000000000000"
	    IP4);
	assert_chain(p, "juniper ipv4 udp data");
	assert_int_equal(layer(p, "juniper")->hdr_len, 20);

	/* MLPPP: an ML-PIC cookie; an LS-PIC cookie. */
	p = decode_hex(DLT_JUNIPER_MLPPP, "4d474301" "1234" "0021" IP4);
	assert_chain(p, "juniper ppp ipv4 udp data");
	assert_int_equal(fval(p, "juniper.mlpic.cookie"), 0x1234);
	assert_int_equal(fval(p, "juniper.cookie_len"), 2);
	p = decode_hex(DLT_JUNIPER_MLPPP, "4d474301" "54000102" "0021" IP4);
	assert_chain(p, "juniper ppp ipv4 udp data");
	assert_int_equal(fval(p, "juniper.lspic.cookie"), 0x54000102);
	assert_int_equal(fval(p, "juniper.cookie_len"), 4);

	/* MLFR: an ML-PIC bundle's IS-IS (cookie, UI, then the NLPID). */
	p = decode_hex(DLT_JUNIPER_MLFR, "4d474301" "1234" "03" "83" "1b010100000000");
	assert_int_equal(fval(p, "juniper.mlpic.cookie"), 0x1234);
	assert_int_equal(fval(p, "juniper.payload_type"), 201);
	assert_int_equal(layer(p, "juniper")->hdr_len, 7);
}

static void
test_juniper_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* hoobr_juniper: an ATM1 frame of the header alone. */
	p = decode_hex(DLT_JUNIPER_ATM1, "4d474300");
	assert_chain(p, "juniper");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "juniper.atm1.cookie"));

	/* No magic: Wireshark stops at it. */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d4744000200000000020200000000010800");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	assert_false(has_field(p, "juniper.direction"));

	/* juniper_header-heapoverflow: extensions longer than the frame. */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d474381ffff0104890000000204");
	assert_chain(p, "juniper");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "juniper.ext.ifd"), 137);

	/* A TLV of length 0, or past the extensions, ends them. */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d474381" "0004" "0100" "0304"
	    "020000000002020000000001" "0800" IP4);
	assert_false(has_field(p, "juniper.ext.ifd"));
	assert_chain(p, "juniper eth ipv4 udp data");

	/* The stripped L2 form cut inside the protocol. */
	p = decode_hex(DLT_JUNIPER_ETHER, "4d47430202");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);

	/* juniper_atm1_oobr: a cookie, then two bytes. */
	p = decode_hex(DLT_JUNIPER_ATM1, "4d474300" "00010020" "4500");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);

	/* An MLPPP frame whose cookie is cut. */
	p = decode_hex(DLT_JUNIPER_MLPPP, "4d474301" "12340021");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);
}

static void
test_juniper_prefixes(void **state)
{
	(void)state;
	sweep_prefixes(DLT_JUNIPER_ETHER, hex_of(juniper_ether,
	    sizeof(juniper_ether)));
	sweep_prefixes(DLT_JUNIPER_ATM2, "4d474381" "0006" "01028900" "0000"
	    "0000000100200000" "aaaa030000000800" IP4);
	sweep_prefixes(DLT_JUNIPER_MLFR, "4d474301" "1234" "03" "83" "1b010100000000");
	sweep_prefixes(DLT_JUNIPER_GGSN, "4d474301" "02006400" IP4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_juniper_ether),
		cmocka_unit_test(test_juniper_pics),
		cmocka_unit_test(test_juniper_bad),
		cmocka_unit_test(test_juniper_prefixes),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
