/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The lans family (link layers of older and special LANs, and CARP):
 * ARCNET's BSD and Linux headers (RFC 1201 and RFC 1051 forms, the
 * exception packet), Token Ring with its routing information field and
 * MAC frames, FDDI's bit-swapped addresses, IP over Fibre Channel,
 * OpenBSD's enc header, the Symantec firewall's v2 and v3 headers, and
 * CARP recognised by its content on an IP protocol nothing binds (VRRP
 * keeping 112); truncated and malformed variants; every shorter prefix.
 */
#include "testutil.h"

#include <pcap/dlt.h>

/* An ICMP echo request 198.18.0.1 -> 198.18.0.2, "strata". */
#define IP4	"45000022000140004001aeb2c6120001c612000208009dc60001" \
		"0001737472617461"
/* An ARCNET ARP request: hardware type 7, one-byte addresses. */
#define ARCARP	"000708000104000101c612000100c6120002"
#define SNAPIP	"aaaa030000000800"

/* RFC 1201 IP on a BSD ARCNET header (the fuzz seed). */
#define ARCBSD	"0102d4000001" IP4

static void
test_arcnet(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_ARCNET, ARCBSD);
	assert_chain(p, "arcnet ipv4 icmp data");
	assert_int_equal(fval(p, "arcnet.src"), 1);
	assert_int_equal(fval(p, "arcnet.dst"), 2);
	assert_int_equal(fval(p, "arcnet.protID"), 0xd4);
	assert_int_equal(fval(p, "arcnet.split_flag"), 0);
	assert_int_equal(fval(p, "arcnet.sequence"), 1);
	assert_false(has_field(p, "arcnet.offset"));
	assert_int_equal(layer(p, "ipv4")->off, 6);

	/* An exception packet: padding, the ID again, then split flag and
	 * sequence. */
	p = decode_hex(DLT_ARCNET, "0102d4ffffffd4020003" IP4);
	assert_chain(p, "arcnet ipv4 icmp data");
	assert_int_equal(fval(p, "arcnet.exception_flag"), 0xff);
	assert_int_equal(fval(p, "arcnet.padding"), 0xffff);
	assert_int_equal(field_n(p, "arcnet.protID", 1)->val, 0xd4);
	assert_int_equal(fval(p, "arcnet.split_flag"), 2);
	assert_int_equal(fval(p, "arcnet.sequence"), 3);
	assert_int_equal(layer(p, "ipv4")->off, 10);

	/* RFC 1051: no split flag; ARP by both forms. */
	p = decode_hex(DLT_ARCNET, "0102f0" IP4);
	assert_chain(p, "arcnet ipv4 icmp data");
	assert_false(has_field(p, "arcnet.split_flag"));
	assert_int_equal(layer(p, "ipv4")->off, 3);
	p = decode_hex(DLT_ARCNET, "0102f1" ARCARP);
	assert_chain(p, "arcnet arp");
	p = decode_hex(DLT_ARCNET, "0102d5000000" ARCARP);
	assert_chain(p, "arcnet arp");
	assert_int_equal(fval(p, "arp.hw.type"), 7);

	/* Linux: the offset after the addresses, no exception packet. */
	p = decode_hex(129, "010201f2d4000001" IP4);
	assert_chain(p, "arcnet-linux ipv4 icmp data");
	assert_int_equal(fval(p, "arcnet.protID"), 0xd4);
	assert_int_equal(fval(p, "arcnet.sequence"), 1);
	assert_int_equal(layer(p, "ipv4")->off, 8);
	assert_true(has_field(p, "arcnet.offset"));

	/* An ID nothing decodes: data. */
	p = decode_hex(DLT_ARCNET, "010299000001616263");
	assert_chain(p, "arcnet data");
}

static void
test_arcnet_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Cut at the split flag: the flag shown, the header truncated. */
	p = decode_hex(DLT_ARCNET, "0102d400");
	assert_chain(p, "arcnet");
	assert_int_equal(fval(p, "arcnet.split_flag"), 0);
	assert_false(has_field(p, "arcnet.sequence"));
	assert_int_equal(layer(p, "arcnet")->status, ST_LS_TRUNCATED);
	p = decode_hex(129, "0102");
	assert_int_equal(layer(p, "arcnet-linux")->status, ST_LS_TRUNCATED);
	/* An exception packet whose ID again is another. */
	p = decode_hex(DLT_ARCNET, "0102d4ffffffd5020003" IP4);
	assert_chain(p, "arcnet");
	assert_int_equal(layer(p, "arcnet")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_ARCNET, ARCBSD);
	sweep_prefixes(DLT_ARCNET, "0102d4ffffffd4020003" IP4);
	sweep_prefixes(129, "010201f2d4000001" IP4);
}

#define TRDST	"400000000002"
#define TRSRC	"400000000001"
#define TRSRCSR	"c00000000001"

static void
test_tr(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(6, "1040" TRDST TRSRC SNAPIP IP4);
	assert_chain(p, "tr llc ipv4 icmp data");
	assert_int_equal(fval(p, "tr.ac"), 0x10);
	assert_int_equal(fval(p, "tr.frame"), 1);
	assert_int_equal(fval(p, "tr.fc"), 0x40);
	assert_int_equal(fval(p, "tr.frame_type"), 1);
	assert_int_equal(fval(p, "tr.sr"), 0);
	assert_false(has_field(p, "tr.rif_bytes"));
	assert_int_equal(layer(p, "llc")->off, 14);

	/* Source-routed: three route descriptors, rings 1, 2, 3. */
	p = decode_hex(6, "1040" TRDST TRSRCSR "0830001100220030" SNAPIP IP4);
	assert_chain(p, "tr llc ipv4 icmp data");
	assert_int_equal(fval(p, "tr.sr"), 1);
	assert_int_equal(fval(p, "tr.rif_bytes"), 8);
	assert_int_equal(fval(p, "tr.broadcast"), 0);
	assert_int_equal(fval(p, "tr.max_frame_size"), 48);
	assert_int_equal(fval(p, "tr.direction"), 0);
	assert_int_equal(field_n(p, "tr.rif.ring", 0)->val, 1);
	assert_int_equal(field_n(p, "tr.rif.ring", 1)->val, 2);
	assert_int_equal(field_n(p, "tr.rif.ring", 2)->val, 3);
	assert_int_equal(field_n(p, "tr.rif.bridge", 0)->val, 1);
	assert_int_equal(field_n(p, "tr.rif.bridge", 1)->val, 2);
	assert_string_equal(field_n(p, "tr.rif", 0)->meaning,
	    "001-1-002-2-003");
	/* The source without its route information bit, as Wireshark adds
	 * it after the one sent. */
	assert_string_equal(field_n(p, "tr.src", 1)->meaning,
	    "40:00:00:00:00:01");
	assert_int_equal(layer(p, "llc")->off, 22);

	/* All-routes broadcast, to the originator. */
	p = decode_hex(6, "1040" "ffffffffffff" TRSRCSR "82b0" SNAPIP IP4);
	assert_int_equal(fval(p, "tr.broadcast"), 128);
	assert_int_equal(fval(p, "tr.direction"), 128);
	assert_int_equal(layer(p, "llc")->off, 16);

	/* A MAC frame: active monitor present, its upstream neighbour. */
	p = decode_hex(6, "1005" "c00000000001" TRSRC
	    "00124005" "0802400000000003" "060600000001" "0000");
	assert_chain(p, "tr trmac data");
	assert_int_equal(fval(p, "trmac.mvec"), 5);
	assert_int_equal(fval(p, "trmac.length"), 18);
	assert_int_equal(fval(p, "trmac.srcclass"), 0);
	assert_int_equal(fval(p, "trmac.dstclass"), 4);
	assert_int_equal(field_n(p, "trmac.svec.id", 1)->val, 6);
	assert_true(has_field(p, "trmac.naun"));

	/* The reserved frame type: data. */
	p = decode_hex(6, "1080" TRDST TRSRC "616263");
	assert_chain(p, "tr data");
}

static void
test_tr_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(6, "1040" TRDST "4000");
	assert_chain(p, "tr");
	assert_int_equal(layer(p, "tr")->status, ST_LS_TRUNCATED);
	/* A RIF of 31 bytes in an 18-byte frame. */
	p = decode_hex(6, "1040" TRDST TRSRCSR "1f300011");
	assert_int_equal(layer(p, "tr")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "tr.rif_bytes"), 31);
	/* A subvector of length 0. */
	p = decode_hex(6, "1006" "c00000000001" TRSRC
	    "00100006" "0802400000000003" "00");
	assert_int_equal(layer(p, "trmac")->status, ST_LS_MALFORMED);
	/* A RIF past 30 bytes: the extra byte shown. */
	p = decode_hex(6, "1040" TRDST TRSRCSR "1f30"
	    "101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c"
	    SNAPIP IP4);
	assert_chain(p, "tr llc ipv4 icmp data");
	assert_true(has_field(p, "tr.rif.extra"));
	sweep_prefixes(6, "1040" TRDST TRSRCSR "0830001100220030" SNAPIP IP4);
	sweep_prefixes(6, "1005" "c00000000001" TRSRC
	    "00124005" "0802400000000003" "060600000001" "0000");
}

static void
test_fddi(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(10, "57" "020000000002" "020000000001" SNAPIP IP4);
	assert_chain(p, "fddi llc ipv4 icmp data");
	assert_int_equal(fval(p, "fddi.fc"), 0x57);
	assert_int_equal(fval(p, "fddi.fc.clf"), 5);
	assert_int_equal(fval(p, "fddi.fc.prio"), 7);
	/* Bit-swapped, as Wireshark shows them. */
	assert_string_equal(field_n(p, "fddi.dst", 0)->meaning,
	    "40:00:00:00:00:40");
	assert_string_equal(field_n(p, "fddi.src", 0)->meaning,
	    "40:00:00:00:00:80");
	assert_int_equal(layer(p, "llc")->off, 13);

	/* SMT and MAC frames: subtypes, no LLC. */
	p = decode_hex(10, "41" "020000000002" "020000000001" "0102");
	assert_chain(p, "fddi data");
	assert_int_equal(fval(p, "fddi.fc.smt_subtype"), 1);
	p = decode_hex(10, "c3" "020000000002" "020000000001");
	assert_int_equal(fval(p, "fddi.fc.mac_subtype"), 3);
	/* The restricted token has no subtype. */
	p = decode_hex(10, "c0" "020000000002" "020000000001");
	assert_false(has_field(p, "fddi.fc.mac_subtype"));
}

static void
test_fddi_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(10, "50" "020000000002" "020000");
	assert_chain(p, "fddi");
	assert_int_equal(layer(p, "fddi")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "fddi.src"));
	/* An async LLC frame whose LLC is cut: LLC's to mark. */
	p = decode_hex(10, "50" "020000000002" "020000000001" "aa");
	assert_chain(p, "fddi llc");
	assert_int_equal(layer(p, "fddi")->status, ST_LS_OK);
	sweep_prefixes(10, "57" "020000000002" "020000000001" SNAPIP IP4);
}

static void
test_ipfc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(122, "1000000000000002" "2000001b32000001" SNAPIP IP4);
	assert_chain(p, "ipfc llc ipv4 icmp data");
	assert_true(has_field(p, "ipfc.nh.da"));
	assert_true(has_field(p, "ipfc.nh.sa"));
	assert_int_equal(layer(p, "llc")->off, 16);
	p = decode_hex(122, "1000000000000002" "2000");
	assert_int_equal(layer(p, "ipfc")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "ipfc.nh.sa"));
	/* Not LLC after the header: LLC's to mark. */
	p = decode_hex(122, "1000000000000002" "2000001b32000001" "aa");
	assert_int_equal(layer(p, "ipfc")->status, ST_LS_OK);
	sweep_prefixes(122, "1000000000000002" "2000001b32000001" SNAPIP IP4);
}

static void
test_enc(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Family and flags little-endian, the SPI big-endian. */
	p = decode_hex(109, "02000000" "00001235" "002c0000" IP4);
	assert_chain(p, "enc ipv4 icmp data");
	assert_int_equal(fval(p, "enc.af"), 2);
	assert_int_equal(fval(p, "enc.spi"), 0x1235);
	assert_int_equal(fval(p, "enc.flags"), 0x2c00);
	assert_int_equal(fval(p, "enc.flags.payload_enc"), 1);
	assert_int_equal(fval(p, "enc.flags.payload_auth"), 1);
	assert_int_equal(fval(p, "enc.flags.payload_compress"), 0);
	assert_int_equal(fval(p, "enc.flags.header_auth"), 1);
	assert_int_equal(fval(p, "enc.flags.reserved"), 0);
	p = decode_hex(109, "18000000" "abcdef01" "04100000"
	    "600000000000" "3b40" "20010db8000000000000000000000001"
	    "20010db8000000000000000000000002");
	assert_chain(p, "enc ipv6");
	assert_int_equal(fval(p, "enc.flags.payload_compress"), 1);
	assert_int_equal(fval(p, "enc.flags.reserved"), 4);
	/* An unknown family: data; a header cut. */
	p = decode_hex(109, "63000000" "00000001" "00000000" "7878");
	assert_chain(p, "enc data");
	p = decode_hex(109, "020000000000");
	assert_int_equal(layer(p, "enc")->status, ST_LS_TRUNCATED);
	sweep_prefixes(109, "02000000" "00001235" "002c0000" IP4);
}

#define SYMV2	"0a000001" "0000" "0800" \
		"000000000000000000000000000000000000000000000000000000000000" \
		"000000000000"

static void
test_symantec(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(99, SYMV2 IP4);
	assert_chain(p, "symantec ipv4 icmp data");
	assert_true(has_field(p, "symantec.if"));
	assert_int_equal(fval(p, "symantec.type"), 0x0800);
	assert_int_equal(layer(p, "ipv4")->off, 44);
	/* v3: the EtherType at byte 10, 56 bytes. */
	p = decode_hex(99, "0a000003" "000000000000" "0800"
	    "000000000000000000000000000000000000000000000000000000000000"
	    "0000000000000000000000000000" IP4);
	assert_chain(p, "symantec ipv4 icmp data");
	assert_int_equal(layer(p, "ipv4")->off, 56);
	/* Neither place set: malformed; cut: truncated. */
	p = decode_hex(99, "0a000003" "0000000000000000" "00000000");
	assert_int_equal(layer(p, "symantec")->status, ST_LS_MALFORMED);
	p = decode_hex(99, "0a00000100000800000000000000");
	assert_int_equal(layer(p, "symantec")->status, ST_LS_TRUNCATED);
	sweep_prefixes(99, SYMV2 IP4);
}

/* IPv4 198.18.0.1 -> 224.0.0.18 of 56 bytes, IP protocol 253 (nothing
 * binds it) and 112 (VRRP's). */
#define IP253	"450000380001400040fd93a2c6120001e0000012"
#define IP112	"45000038000140004070942fc6120001e0000012"
/* A CARP advertisement: version 2, vhid 7, advskew 100, demotion 3,
 * advbase 5, its checksum, counter 0x0102030405060708, a 20-byte HMAC. */
#define CARPHDR	"21076407" "0305"
#define CARPCK	"0d74"
#define CARPREST "0102030405060708" \
		"000102030405060708090a0b0c0d0e0f10111213"
/* CARP on IP protocol 253 (the fuzz seed). */
#define CARP253	IP253 CARPHDR CARPCK CARPREST

static void
test_carp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, CARP253);
	assert_chain(p, "ipv4 carp");
	assert_int_equal(fval(p, "carp.typever"), 0x21);
	assert_int_equal(fval(p, "carp.version"), 2);
	assert_int_equal(fval(p, "carp.type"), 1);
	assert_int_equal(fval(p, "carp.vhid"), 7);
	assert_int_equal(fval(p, "carp.advskew"), 100);
	assert_int_equal(fval(p, "carp.authlen"), 7);
	assert_int_equal(fval(p, "carp.demotion"), 3);
	assert_int_equal(fval(p, "carp.adver_int"), 5);
	assert_int_equal(fval(p, "carp.checksum"), 0x0d74);
	assert_int_equal(field_n(p, "carp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "carp.counter"), 0x0102030405060708ULL);
	assert_true(has_field(p, "carp.hmac"));

	/* The same on 112: VRRP's, as Wireshark shows it. */
	p = decode_hex(DLT_RAW, IP112 CARPHDR CARPCK CARPREST);
	assert_chain(p, "ipv4 vrrp");

	/* Not CARP by its content: auth len 6, type 2, version 3, 35 of
	 * its 36 bytes. */
	p = decode_hex(DLT_RAW, IP253 "21076406" "0305" CARPCK CARPREST);
	assert_chain(p, "ipv4 data");
	p = decode_hex(DLT_RAW, IP253 "22076407" "0305" CARPCK CARPREST);
	assert_chain(p, "ipv4 data");
	p = decode_hex(DLT_RAW, IP253 "31076407" "0305" CARPCK CARPREST);
	assert_chain(p, "ipv4 data");
	p = decode_hex(DLT_RAW, IP253 CARPHDR CARPCK "0102030405060708"
	    "000102030405060708090a0b0c0d0e0f101112");
	assert_false(has_field(p, "carp.vhid"));
}

static void
test_carp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A wrong checksum is flagged, the rest decoded. */
	p = decode_hex(DLT_RAW, IP253 CARPHDR "f28b" CARPREST);
	assert_chain(p, "ipv4 carp");
	assert_int_equal(field_n(p, "carp.checksum", 0)->ck, ST_CK_BAD);
	assert_int_equal(fval(p, "carp.vhid"), 7);
	/* Every shorter prefix: cut inside CARP it is not recognised, as
	 * Wireshark asks 36 bytes captured. */
	sweep_prefixes(DLT_RAW, CARP253);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arcnet),
		cmocka_unit_test(test_arcnet_bad),
		cmocka_unit_test(test_tr),
		cmocka_unit_test(test_tr_bad),
		cmocka_unit_test(test_fddi),
		cmocka_unit_test(test_fddi_bad),
		cmocka_unit_test(test_ipfc),
		cmocka_unit_test(test_enc),
		cmocka_unit_test(test_symantec),
		cmocka_unit_test(test_carp),
		cmocka_unit_test(test_carp_bad),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
