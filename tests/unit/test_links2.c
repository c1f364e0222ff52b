/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The links2 family (link types and carriers of routers' captures):
 * Juniper's "MGC" pseudo-header on its link types, with its extension
 * TLVs, its stripped-L2 form, the ATM and multilink PICs' cookies and
 * the payload guessed from them; Q.933 (Frame Relay's LMI) after Frame
 * Relay and after a Juniper MLFR child link; Solaris's IPNET and Apple's
 * PKTAP headers; BACnet/IP's BVLC, BACnet's NPDU and APDU header;
 * truncated and malformed
 * variants (those of tcpdump's hoobr_juniper, juniper_atm1_oobr,
 * juniper_header-heapoverflow, q933-heapoverflow-2, q933_printq and
 * frf16_magic_ie, pktap-heap-overflow tests); every shorter prefix.
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

/* Frame Relay DLCI 0, UI: an ANSI full status (the fuzz seed). */
static const uint8_t q933_ansi_full[] = {
	0x00, 0x01, 0x03,
	0x08, 0x00, 0x7d, 0x95, 0x01, 0x01, 0x00, 0x03, 0x02, 0x02, 0x01,
	0x07, 0x03, 0x00, 0x64, 0x82,
};

static void
test_q933(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_FRELAY, hex_of(q933_ansi_full,
	    sizeof(q933_ansi_full)));
	assert_chain(p, "fr q933");
	assert_int_equal(layer(p, "q933")->off, 3);
	assert_int_equal(fval(p, "q933.disc"), 8);
	assert_int_equal(fval(p, "q933.call_ref_len"), 0);
	assert_int_equal(fval(p, "q933.message_type"), 0x7d);
	assert_int_equal(fval(p, "q933.locking_shift_to_codeset"), 5);
	assert_int_equal(field_n(p, "q933.information_element", 0)->val, 1);
	assert_int_equal(fval(p, "q933.report_type"), 0);
	assert_int_equal(field_n(p, "q933.information_element", 1)->val, 3);
	assert_int_equal(fval(p, "q933.link_verification.txseq"), 2);
	assert_int_equal(fval(p, "q933.link_verification.rxseq"), 1);
	assert_int_equal(fval(p, "q933.dlci"), 12);
	assert_int_equal(fval(p, "q933.status"), 1);
	assert_int_equal(layer(p, "q933")->status, ST_LS_OK);

	/* ITU's annex A (codeset 0); a DLCI of three octets, new and
	 * active. */
	p = decode_hex(DLT_FRELAY, "000103" "08007d" "510100" "5302020157"
	    "040102038a");
	assert_int_equal(fval(p, "q933.report_type"), 0);
	assert_int_equal(fval(p, "q933.dlci"), 1025);
	assert_int_equal(fval(p, "q933.status"), 5);
	assert_false(has_field(p, "q933.locking_shift_to_codeset"));

	/* A call reference; a non-locking shift lasts one element. */
	p = decode_hex(DLT_FRELAY, "000103" "0802001505" "9d" "0a03aabbcc"
	    "0a01dd");
	assert_int_equal(fval(p, "q933.call_ref_len"), 2);
	assert_int_equal(fval(p, "q933.call_ref_flag"), 0);
	assert_int_equal(fval(p, "q933.non_locking_shift_to_codeset"), 5);
	assert_int_equal(field_n(p, "q933.data", 0)->bits, 24);
	/* back in codeset 0, 0x0a is no element Wireshark knows either */
	assert_int_equal(field_n(p, "q933.data", 1)->bits, 8);

	/* After a Juniper MLFR child link's cookie and UI. */
	p = decode_hex(DLT_JUNIPER_MLFR, "4d474300" "1234" "03"
	    "0800759501010103020100");
	assert_chain(p, "juniper q933");
	assert_int_equal(fval(p, "juniper.payload_type"), 206);
	assert_int_equal(fval(p, "q933.report_type"), 1);
}

static void
test_q933_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* q933-heapoverflow-2: a call reference of 15 bytes in 3. */
	p = decode_hex(DLT_FRELAY, "000103" "080f0102");
	assert_int_equal(last_layer(p, "q933")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "q933.message_type"));

	/* heapoverflow-q933_printq: an element past the frame's end. */
	p = decode_hex(DLT_FRELAY, "000103" "080075" "95" "0101" "0330");
	assert_int_equal(last_layer(p, "q933")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "q933.link_verification.txseq"));

	/* frf16_magic_ie-oobr: elements too short for their values. */
	p = decode_hex(DLT_FRELAY, "000103" "08007d" "95" "0701ff" "0301ee"
	    "0100");
	assert_int_equal(last_layer(p, "q933")->status, ST_LS_OK);
	assert_false(has_field(p, "q933.dlci"));
	assert_false(has_field(p, "q933.link_verification.txseq"));
	assert_false(has_field(p, "q933.report_type"));

	/* The message ends after the discriminator. */
	p = decode_hex(DLT_FRELAY, "000103" "08");
	assert_int_equal(last_layer(p, "q933")->status, ST_LS_TRUNCATED);
}

static void
test_q933_prefixes(void **state)
{
	(void)state;
	sweep_prefixes(DLT_FRELAY, hex_of(q933_ansi_full,
	    sizeof(q933_ansi_full)));
	sweep_prefixes(DLT_FRELAY, "000103" "0802001505" "9d" "0a03aabbcc"
	    "d1" "57040102038a");
}

/* IPNET: IPv6, outbound, interface 3 in group 1, zone 0 to zone 5. */
#define IPNET6	"011a0001000000350000000300000001" "0000000000000005"
#define IP6	"60000000000d1140" "20010db8000000000000000000000001" \
		"20010db8000000000000000000000002" "9c400009000dbc30" \
		"6a756e6f73"

static void
test_ipnet(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(226, IPNET6 IP6);
	assert_chain(p, "ipnet ipv6 udp data");
	assert_int_equal(fval(p, "ipnet.version"), 1);
	assert_int_equal(fval(p, "ipnet.family"), 26);
	assert_int_equal(fval(p, "ipnet.htype"), 1);
	assert_int_equal(fval(p, "ipnet.pktlen"), 53);
	assert_int_equal(fval(p, "ipnet.ifindex"), 3);
	assert_int_equal(fval(p, "ipnet.grifindex"), 1);
	assert_int_equal(fval(p, "ipnet.zsrc"), 0);
	assert_int_equal(fval(p, "ipnet.zdst"), 5);
	p = decode_hex(226, "01020000000000210000000200000000"
	    "0000000000000000" IP4);
	assert_chain(p, "ipnet ipv4 udp data");

	/* An unknown family: the rest is data; a header cut short. */
	p = decode_hex(226, "01070000000000040000000200000000"
	    "0000000000000000" "61626364");
	assert_int_equal(p->layers[0].status, ST_LS_OK);
	assert_null(last_layer(p, "ipv4"));
	p = decode_hex(226, "011a00010000003500000003");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "ipnet.grifindex"));
	sweep_prefixes(226, IPNET6 IP6);
}

/* A PKTAP header of 108 bytes: Ethernet, en0, curl (pid 321). */
#define PKTAP_ETH "6c000000" "01000000" "01000000" \
	"656e3000000000000000000000000000" "0000000000000000" \
	"01000000" "02000000" "0e000000" "00000000" "41010000" \
	"6375726c000000000000000000000000" "00000000" "00000000" \
	"0600" "0000" "41010000" \
	"6375726c000000000000000000000000" "00000000"

static const uint8_t pktap_short[] = {	/* pktap-heap-overflow's first */
	0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
	0x00,
};

static void
test_pktap(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(258, PKTAP_ETH "020000000002020000000001" "0800" IP4);
	assert_chain(p, "pktap eth ipv4 udp data");
	assert_int_equal(fval(p, "pktap.hdrlen"), 108);
	assert_int_equal(fval(p, "pktap.rectype"), 1);
	assert_int_equal(fval(p, "pktap.dlt"), 1);
	assert_string_equal(field_n(p, "pktap.ifname", 0)->meaning, "en0");
	assert_int_equal(fval(p, "pktap.flags"), 1);
	assert_int_equal(fval(p, "pktap.pfamily"), 2);
	assert_int_equal(fval(p, "pktap.llhdrlen"), 14);
	assert_int_equal(fval(p, "pktap.pid"), 321);
	assert_string_equal(field_n(p, "pktap.cmdname", 0)->meaning, "curl");
	assert_int_equal(fval(p, "pktap.iftype"), 6);
	assert_int_equal(fval(p, "pktap.epid"), 321);
	/* Darwin's DLT_PKTAP is DLT_USER2 */
	p = decode_hex(149, PKTAP_ETH "020000000002020000000001" "0800" IP4);
	assert_chain(p, "pktap eth ipv4 udp data");

	/* A header length below 108 contradicts the header. */
	p = decode_hex(258, hex_of(pktap_short, sizeof(pktap_short)));
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	assert_false(has_field(p, "pktap.rectype"));
	/* A header length past the capture (pktap-heap-overflow's second). */
	p = decode_hex(149, "00040000" "01000000" "32000000" "05");
	assert_int_equal(p->layers[0].status, ST_LS_TRUNCATED);
	sweep_prefixes(258, PKTAP_ETH "020000000002020000000001" "0800" IP4);
}

/* IPv4/UDP 47808 -> 47808 carrying pay (hex), UDP checksum 0. */
static const char *
bvlc_pkt(const char *pay)
{
	static char buf[2048];
	size_t n = strlen(pay) / 2;

	snprintf(buf, sizeof(buf), "4500%04zx00014000401100" "00c6120001c6120002"
	    "bac0bac0%04zx0000%s", 28 + n, 8 + n, pay);
	return buf;
}

/* BVLC Forwarded-NPDU from 192.168.0.1:47808: a global Who-Is. */
static const uint8_t bvlc_fwd[] = {
	0x81, 0x04, 0x00, 0x12, 0xc0, 0xa8, 0x00, 0x01, 0xba, 0xc0,
	0x01, 0x20, 0xff, 0xff, 0x00, 0xff, 0x10, 0x08,
};

static void
test_bvlc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, bvlc_pkt(hex_of(bvlc_fwd, sizeof(bvlc_fwd))));
	assert_non_null(last_layer(p, "bvlc"));
	assert_int_equal(fval(p, "bvlc.type"), 0x81);
	assert_int_equal(fval(p, "bvlc.function"), 4);
	assert_int_equal(fval(p, "bvlc.length"), 10);
	assert_int_equal(fval(p, "bvlc.fwd_port"), 47808);
	assert_int_equal(last_layer(p, "bvlc")->hdr_len, 10);

	/* A result; the broadcast distribution table, two entries. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810000060030"));
	assert_int_equal(fval(p, "bvlc.result"), 0x30);
	assert_int_equal(fval(p, "bvlc.length"), 6);
	p = decode_hex(DLT_RAW, bvlc_pkt("81030018" "c0a80001bac0ffffff00"
	    "c0a80101bac0ffffffff"));
	assert_int_equal(field_n(p, "bvlc.bdt_port", 1)->val, 47808);
	assert_int_equal(fval(p, "bvlc.length"), 24);
	/* The foreign device table: TTL 60, 35 seconds left. */
	p = decode_hex(DLT_RAW, bvlc_pkt("8107000e" "0a000005bac0003c0023"));
	assert_int_equal(fval(p, "bvlc.fdt_ttl"), 60);
	assert_int_equal(fval(p, "bvlc.fdt_timeout"), 35);

	/* BACnet/IPv6's type 0x82 is not read: data. */
	p = decode_hex(DLT_RAW, bvlc_pkt("82010004"));
	assert_null(last_layer(p, "bvlc"));
	/* A Forwarded-NPDU cut inside the address. */
	p = decode_hex(DLT_RAW, bvlc_pkt("81040012c0a8"));
	assert_int_equal(last_layer(p, "bvlc")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, bvlc_pkt(hex_of(bvlc_fwd, sizeof(bvlc_fwd))));
}

static void
test_bacnet(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* The forwarded global Who-Is: DNET 65535, broadcast, hop 255. */
	p = decode_hex(DLT_RAW, bvlc_pkt(hex_of(bvlc_fwd, sizeof(bvlc_fwd))));
	assert_non_null(last_layer(p, "bacnet"));
	assert_int_equal(last_layer(p, "bacnet")->off, 38);
	assert_int_equal(last_layer(p, "bacnet")->hdr_len, 6);
	assert_int_equal(fval(p, "bacnet.version"), 1);
	assert_int_equal(fval(p, "bacnet.control"), 0x20);
	assert_int_equal(fval(p, "bacnet.control_dest"), 1);
	assert_int_equal(fval(p, "bacnet.dnet"), 65535);
	assert_int_equal(fval(p, "bacnet.dlen"), 0);
	assert_int_equal(fval(p, "bacnet.hopc"), 255);

	/* To an Ethernet MAC on network 9 from MS/TP station 3 on 2. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0018" "012c0009060200000000"
	    "0200020103ff0005"));
	assert_int_equal(fval(p, "bacnet.control_expect"), 1);
	assert_int_equal(fval(p, "bacnet.snet"), 2);
	assert_int_equal(fval(p, "bacnet.sadr_mstp"), 3);
	assert_true(has_field(p, "bacnet.dadr_eth"));
	/* I-Am-Router-To-Network 5, 7; the routing table's ports. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a000b" "0180" "0100050007"));
	assert_int_equal(fval(p, "bacnet.mesgtyp"), 1);
	assert_int_equal(field_n(p, "bacnet.dnet", 1)->val, 7);
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0012" "0180" "0602" "0005"
	    "01" "00" "0007" "02" "02" "aabb"));
	assert_int_equal(fval(p, "bacnet.rportnum"), 2);
	assert_int_equal(field_n(p, "bacnet.portid", 1)->val, 2);
	assert_int_equal(field_n(p, "bacnet.pinfo", 1)->bits, 16);

	/* A destination length past 6: Wireshark reads on from it. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0009" "0120000b074000"));
	assert_int_equal(fval(p, "bacnet.dlen"), 7);
	assert_int_equal(fval(p, "bacnet.hopc"), 7);
	/* Cut inside the source address; a routing table of 200 ports in
	 * a few bytes (bounded by them). */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0008" "01080002"));
	assert_int_equal(last_layer(p, "bacnet")->status, ST_LS_TRUNCATED);
	p = decode_hex(DLT_RAW, bvlc_pkt("810a000e" "0180" "06c8" "0005"
	    "0100" "0007"));
	assert_int_equal(last_layer(p, "bacnet")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, bvlc_pkt("810a0018" "012c0009060200000000"
	    "0200020103ff0005"));
}

static void
test_bacapp(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A segmented readProperty: SEG and MOR, 5 (1476 bytes), invoke 2,
	 * sequence 0, window 4, service 12. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0013" "0104"
	    "0c050200040c0c02000001194d"));
	assert_non_null(last_layer(p, "bacapp"));
	assert_int_equal(fval(p, "bacapp.type"), 0);
	assert_int_equal(fval(p, "bacapp.pduflags"), 0x0c);
	assert_int_equal(fval(p, "bacapp.segmented_request"), 1);
	assert_int_equal(fval(p, "bacapp.max_adpu_size"), 5);
	assert_int_equal(fval(p, "bacapp.invoke_id"), 2);
	assert_int_equal(fval(p, "bacapp.sequence_number"), 0);
	assert_int_equal(fval(p, "bacapp.window_size"), 4);
	assert_int_equal(fval(p, "bacapp.confirmed_service"), 12);
	assert_int_equal(last_layer(p, "bacapp")->hdr_len, 6);
	/* Who-Is; a Segment-ACK NAK; an Abort from the server. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0008" "0104" "1008"));
	assert_int_equal(fval(p, "bacapp.unconfirmed_service"), 8);
	p = decode_hex(DLT_RAW, bvlc_pkt("810a000a" "0104" "42020304"));
	assert_int_equal(fval(p, "bacapp.NAK"), 1);
	assert_int_equal(fval(p, "bacapp.window_size"), 4);
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0009" "0104" "710104"));
	assert_int_equal(fval(p, "bacapp.SRV"), 1);
	assert_int_equal(fval(p, "bacapp.abort_reason"), 4);
	/* A network layer message carries no APDU. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0009" "0180" "120000"));
	assert_null(last_layer(p, "bacapp"));
	/* Cut after the invoke ID of a segmented request; a type past 7. */
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0009" "0104" "0c0502"));
	assert_int_equal(last_layer(p, "bacapp")->status, ST_LS_TRUNCATED);
	p = decode_hex(DLT_RAW, bvlc_pkt("810a0008" "0104" "f0ff"));
	assert_int_equal(fval(p, "bacapp.type"), 15);
	assert_int_equal(last_layer(p, "bacapp")->hdr_len, 1);
	sweep_prefixes(DLT_RAW, bvlc_pkt("810a0013" "0104"
	    "0c050200040c0c02000001194d"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_juniper_ether),
		cmocka_unit_test(test_juniper_pics),
		cmocka_unit_test(test_juniper_bad),
		cmocka_unit_test(test_juniper_prefixes),
		cmocka_unit_test(test_q933),
		cmocka_unit_test(test_q933_bad),
		cmocka_unit_test(test_q933_prefixes),
		cmocka_unit_test(test_ipnet),
		cmocka_unit_test(test_pktap),
		cmocka_unit_test(test_bvlc),
		cmocka_unit_test(test_bacnet),
		cmocka_unit_test(test_bacapp),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
