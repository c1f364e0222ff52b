/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The lispsome family: LISP control messages on UDP 4342 (a Map-Request
 * in an Encapsulated Control Message, a Map-Reply, a Map-Notify with
 * xTR-ID and MS-RTR authentication, a Map-Referral, a Map-Register with
 * an instance-ID LCAF), each cut short, made malformed, and decoded at
 * every shorter prefix; VXLAN-GPE on UDP 4790 handing on what its next
 * protocol names.  The frames are raw IPv4 packets, the same as in
 * captures/lisp-control.pcap and captures/vxlan-gpe.pcap.
 */
#include <stdio.h>

#include "testutil.h"

/* ECM (S, D clear) around 10.1.1.1 -> 10.9.9.9 UDP 4342, a Map-Request:
 * source EID 10.1.1.1, ITR-RLOC 198.18.0.1, one record 10.9.9.0/24. */
#define LISP_ECM "4500005c000140004011ae68c6120001c612000210f610f60048ef96" \
	"80000000" "4500003c0007400040111c970a0101010a09090910f610f60028ba0e" \
	"10000001" "1122334455667788" "00010a010101" "0001c6120001" \
	"001800010a090900"

/* Map-Reply (P) of two records: 10.9.9.0/24, TTL unlimited, version 5,
 * locators 198.18.0.2 (L, R) and 2001:db8::2; 2001:db8:6::/48, TTL 15,
 * Send-Map-Request, not authoritative, no locator. */
#define LISP_REPLY "45000078000140004011ae4cc6120002c612000110f610f600648f21" \
	"28000002" "1122334455667788" \
	"ffffffff0218100000050001" "0a090900" \
	"0164ff0000070001c6120002" \
	"0232ff000000000220010db8000000000000000000000002" \
	"0000000f00304000000000022001" "0db8000600000000000000000000"

/* Map-Notify (I, R): key 1, 20 bytes of authentication, 10.30.1.100/32
 * at 20.20.8.253, xTR-ID, site-ID 42, MS-RTR key 2 with 8 bytes. */
#define LISP_NOTIFY "45000080000140004011ae44c6120002c612000110f610f6006c4e28" \
	"4c000001" "1122334455667788" "00010014" \
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3" \
	"000005a001201000000000010a1e0164" "0164ff0000050001141408fd" \
	"101112131415161718191a1b1c1d1e1f" "000000000000002a" \
	"00020008" "0001020304050607"

/* Map-Referral: 10.0.0.0/8, Map-Server Referral, incomplete, two
 * signatures, version 3, one locator 198.18.0.9. */
#define LISP_REFERRAL "45000044000140004011ae80c6120002c612000110f610f600" \
	"30b0f4" "60000001" "1122334455667788" \
	"000005a00108380020030001" "0a000000" "0164ff0000010001c6120009"

/* Map-Register (no flags) whose EID is an LCAF: instance ID 7,
 * 10.7.0.0/16. */
#define LISP_LCAF "45000068000140004011ae5cc6120001c612000210f610f6005445b9" \
	"30000001" "1122334455667788" "00010014" \
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3" \
	"000005a0011010000000" "4003" "00000218000a" "00000007" \
	"00010a070000" "0164ff0000050001c6120001"

/* Info-Reply: key 1, TTL 1440, 10.9.9.0/24, a NAT traversal LCAF (MS
 * port 4342, ETR port 60000, three RLOCs). */
#define LISP_INFO "4500006a000140004011ae5ac6120002c612000110f610f600560816" \
	"78000000" "1122334455667788" "00010014" \
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3" \
	"000005a0" "0018" "00010a090900" "4003" "000007000016" \
	"10f6ea60" "0001cb007105" "0001c6120002" "0001c0a8010a"

/* VXLAN-GPE (P, I; VNI 42) before NSH (MD type 1, SPI 7, SI 255, next
 * Ethernet) before an Ethernet frame of an ICMP echo. */
static const uint8_t GPE_NSH[] = {
	0x45, 0x00, 0x00, 0x66, 0x00, 0x01, 0x40, 0x00, 0x40, 0x11, 0xae, 0x5e,
	0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02,
	0x9c, 0x40, 0x12, 0xb6, 0x00, 0x52, 0x1b, 0x1c,
	0x0c, 0x00, 0x00, 0x04, 0x00, 0x00, 0x2a, 0x00,
	0x0f, 0xc6, 0x01, 0x03, 0x00, 0x00, 0x07, 0xff, 0x00, 0x01, 0x02, 0x03,
	0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x02, 0x00, 0x00, 0x00, 0x0b, 0x02, 0x02, 0x00, 0x00, 0x00, 0x0b, 0x01,
	0x08, 0x00, 0x45, 0x00, 0x00, 0x1c, 0x00, 0x01, 0x40, 0x00, 0x40, 0x01,
	0x26, 0xde, 0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
	0x08, 0x00, 0xf7, 0xfe, 0x00, 0x01, 0x00, 0x00,
};

/* The n bytes at b as hex into out (2n + 1 bytes), for decode_hex and
 * the sweeps. */
static void
hex_of(const uint8_t *b, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	out[2 * n] = '\0';
}

/* GeoNetworking single-hop broadcast (lifetime 20 x 1 s, hop limit 1;
 * source 02:00:00:00:0a:01, type 5, country 0x123, at 48.7654321,
 * -2.3456789, speed -150, heading 900; DCC-MCO 80 40 a3 05), BTP-B to
 * port 3000, three bytes of payload. */
#define GNW_SHB "ffffffffffff020000000a018947" "11005101" \
	"2050828000070100" "152302000000" "0a01000003e81d1103b1fe9a13eb" \
	"ff6a0384" "8040a305" "0bb80102" "010203"

/* GeoUnicast (sequence 7) to 02:00:00:00:0a:02 at -100, 200, BTP-A
 * 40000 -> 3001. */
#define GNW_GUC "ffffffffffff020000000a018947" "11005105" \
	"1020828000060a00" "00070000" "1523020000000a01000003e81d1103b1" \
	"fe9a13ebff6a0384" "1523020000000a02000007d0ffffff9c000000c8" \
	"0bb99c40" "0405"

/* GeoAnycast ellipse (sequence 9) around -33.7, 151.0 (1000 x 500 m,
 * 45 degrees), speed 3000. */
#define GNW_GAC "ffffffffffff020000000a018947" "11005105" \
	"2032828000070a00" "00090000" "1523020000000a01000003e81d1103b1" \
	"fe9a13eb8bb80384" "ebe9c9c05a00c58003e801f4002d0000" \
	"0bb80102010203"

/* Location service request for a manually set address of type 15. */
#define GNW_LSREQ "ffffffffffff020000000a018947" "11005105" \
	"0060828000000a00" "000b0000" "1523020000000a01000003e81d1103b1" \
	"fe9a13ebff6a0384" "bd23020000000a09"

static const struct st_layer *
second_layer(const struct st_packet *p, const char *name)
{
	const struct st_layer *first = layer(p, name);

	return last_layer(p, name) != first ? last_layer(p, name) : NULL;
}

static void
test_lisp_ecm(void **state)
{
	const struct st_packet *p;
	static char hex[512];

	(void)state;
	p = decode_hex(DLT_RAW, LISP_ECM);
	assert_chain(p, "ipv4 udp lisp ipv4 udp lisp");
	assert_int_equal(field_n(p, "lisp.type", 0)->val, 8);
	assert_int_equal(fval(p, "lisp.ecm.flags.ddt"), 0);
	assert_int_equal(layer(p, "lisp")->hdr_len, 4);
	assert_int_equal(field_n(p, "lisp.type", 1)->val, 1);
	assert_int_equal(fval(p, "lisp.irc"), 0);
	assert_int_equal(fval(p, "lisp.records"), 1);
	assert_true(fval(p, "lisp.nonce") == 0x1122334455667788ULL);
	assert_int_equal(fval(p, "lisp.mreq.srceid.afi"), 1);
	assert_int_equal(fval(p, "lisp.mreq.srceid.ipv4"), 0x0a010101);
	assert_int_equal(fval(p, "lisp.mreq.itr_rloc_ipv4"), 0xc6120001);
	assert_int_equal(fval(p, "lisp.mreq.record.prefix.length"), 24);
	assert_int_equal(fval(p, "lisp.mreq.record.prefix.ipv4"), 0x0a090900);
	assert_string_equal(field_n(p, "lisp.mreq.record", 0)->meaning,
	    "Map-Request Record 1: 10.9.9.0/24");
	assert_int_equal(second_layer(p, "lisp")->status, ST_LS_OK);
	assert_non_null(strstr(summary_of(DLT_RAW, LISP_ECM),
	    "lisp Encapsulated Map-Request 1 record"));
	/* An inner packet that is no IP is data. */
	snprintf(hex, sizeof(hex), "%.56s%s", LISP_ECM, "8000000055aa");
	memcpy(hex + 4, "0022", 4);		/* IPv4 total length */
	memcpy(hex + 48, "000e", 4);		/* UDP length */
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp lisp data");
	sweep_prefixes(DLT_RAW, LISP_ECM);
}

static void
test_lisp_reply(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, LISP_REPLY);
	assert_chain(p, "ipv4 udp lisp");
	assert_int_equal(fval(p, "lisp.type"), 2);
	assert_int_equal(fval(p, "lisp.mrep.flags.probe"), 1);
	assert_int_equal(fval(p, "lisp.records"), 2);
	assert_true(fval(p, "lisp.mapping.ttl") == 0xffffffffULL);
	assert_int_equal(fval(p, "lisp.mapping.loccnt"), 2);
	assert_int_equal(fval(p, "lisp.mapping.eid.masklen"), 24);
	assert_int_equal(fval(p, "lisp.mapping.ver"), 5);
	assert_string_equal(field_n(p, "lisp.mapping", 0)->meaning,
	    "Mapping Record 1, EID Prefix: 10.9.9.0/24, TTL: Unlimited, "
	    "Action: No-Action, Authoritative");
	assert_int_equal(fval(p, "lisp.loc.flags.local"), 1);
	assert_int_equal(fval(p, "lisp.loc.flags.reach"), 1);
	assert_string_equal(field_n(p, "lisp.loc.locator", 0)->meaning,
	    "198.18.0.2");
	assert_string_equal(field_n(p, "lisp.loc.locator", 1)->meaning,
	    "2001:db8::2");
	assert_int_equal(field_n(p, "lisp.loc.priority", 1)->val, 2);
	assert_int_equal(field_n(p, "lisp.mapping.act", 1)->val, 2);
	assert_int_equal(field_n(p, "lisp.mapping.auth", 1)->val, 0);
	assert_int_equal(field_n(p, "lisp.mapping.loccnt", 1)->val, 0);
	assert_true(has_field(p, "lisp.mapping.eid.ipv6"));
	assert_int_equal(layer(p, "lisp")->hdr_len, 92);
	assert_int_equal(layer(p, "lisp")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, LISP_REPLY);
}

static void
test_lisp_notify_referral(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, LISP_NOTIFY);
	assert_chain(p, "ipv4 udp lisp");
	assert_int_equal(fval(p, "lisp.mnot.flags.xtrid"), 1);
	assert_int_equal(fval(p, "lisp.mnot.flags.rtr"), 1);
	assert_int_equal(fval(p, "lisp.keyid"), 1);
	assert_int_equal(fval(p, "lisp.authlen"), 20);
	assert_int_equal(field_n(p, "lisp.auth", 0)->bits, 160);
	assert_int_equal(fval(p, "lisp.mapping.eid.ipv4"), 0x0a1e0164);
	assert_string_equal(field_n(p, "lisp.loc.locator", 0)->meaning,
	    "20.20.8.253");
	assert_int_equal(field_n(p, "lisp.xtrid", 0)->bits, 128);
	assert_int_equal(field_n(p, "lisp.siteid", 0)->bits, 64);
	assert_int_equal(fval(p, "lisp.msrtr.keyid"), 2);
	assert_int_equal(fval(p, "lisp.msrtr.authlen"), 8);
	assert_int_equal(field_n(p, "lisp.msrtr.auth", 0)->bits, 64);
	assert_int_equal(layer(p, "lisp")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, LISP_NOTIFY);

	p = decode_hex(DLT_RAW, LISP_REFERRAL);
	assert_chain(p, "ipv4 udp lisp");
	assert_int_equal(fval(p, "lisp.type"), 6);
	assert_int_equal(fval(p, "lisp.mapping.act"), 1);
	assert_int_equal(fval(p, "lisp.referral.incomplete"), 1);
	assert_int_equal(fval(p, "lisp.referral.sigcnt"), 2);
	assert_int_equal(fval(p, "lisp.mapping.ver"), 3);
	assert_false(has_field(p, "lisp.mapping.res2"));
	assert_int_equal(fval(p, "lisp.loc.flags.reach"), 1);
	sweep_prefixes(DLT_RAW, LISP_REFERRAL);
}

static void
test_lisp_lcaf(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, LISP_LCAF);
	assert_chain(p, "ipv4 udp lisp");
	assert_int_equal(fval(p, "lisp.mapping.eid.afi"), 16387);
	assert_int_equal(fval(p, "lisp.lcaf.type"), 2);
	assert_int_equal(fval(p, "lisp.lcaf.length"), 10);
	assert_int_equal(fval(p, "lisp.lcaf.iid"), 7);
	assert_int_equal(fval(p, "lisp.lcaf.iid.ipv4"), 0x0a070000);
	assert_false(has_field(p, "strata.lisp.lcaf.body"));
	assert_string_equal(field_n(p, "lisp.loc.locator", 0)->meaning,
	    "198.18.0.1");
	assert_int_equal(layer(p, "lisp")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, LISP_LCAF);
}

static void
test_lisp_info(void **state)
{
	const struct st_packet *p;
	static char hex[512];

	(void)state;
	p = decode_hex(DLT_RAW, LISP_INFO);
	assert_chain(p, "ipv4 udp lisp");
	assert_int_equal(fval(p, "lisp.type"), 7);
	assert_int_equal(fval(p, "lisp.info.r"), 1);
	assert_int_equal(fval(p, "lisp.info.ttl"), 1440);
	assert_int_equal(fval(p, "lisp.info.prefix.masklen"), 24);
	assert_int_equal(fval(p, "lisp.info.prefix.ipv4"), 0x0a090900);
	assert_int_equal(fval(p, "lisp.info.afi"), 16387);
	assert_int_equal(fval(p, "lisp.lcaf.type"), 7);
	assert_int_equal(field_n(p, "strata.lisp.lcaf.body", 0)->bits,
	    22 * 8);
	assert_int_equal(layer(p, "lisp")->hdr_len, 78);
	assert_non_null(strstr(summary_of(DLT_RAW, LISP_INFO),
	    "lisp Info-Reply nonce"));
	sweep_prefixes(DLT_RAW, LISP_INFO);
	/* An EID prefix of AFI 6 (a MAC) is no Info's. */
	snprintf(hex, sizeof(hex), "%s", LISP_INFO);
	hex[2 * 70 + 3] = '6';
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(layer(p, "lisp")->status, ST_LS_MALFORMED);
}

static void
test_lisp_bad(void **state)
{
	const struct st_packet *p;
	static char hex[512];

	(void)state;
	/* Cut by the capture inside the second locator. */
	snprintf(hex, sizeof(hex), "%.*s", 2 * 80, LISP_REPLY);
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp lisp");
	assert_int_equal(layer(p, "lisp")->status, ST_LS_TRUNCATED);
	assert_int_equal(field_n(p, "lisp.loc.locator", 0)->bits, 32);
	/* A record count beyond the records: truncated too. */
	snprintf(hex, sizeof(hex), "%s", LISP_REFERRAL);
	hex[2 * 28 + 7] = '2';
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(layer(p, "lisp")->status, ST_LS_TRUNCATED);
	/* An EID prefix AFI no one knows (99). */
	p = decode_hex(DLT_RAW, "45000036000140004011ae8ec6120002c6120001"
	    "10f610f600220923" "20000001" "1122334455667788"
	    "000005a000181000000000630102");
	assert_int_equal(layer(p, "lisp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "lisp")->why, "AFI 99"));
	/* An ITR-RLOC of AFI 6 (a MAC is no RLOC). */
	snprintf(hex, sizeof(hex), "%s", LISP_ECM);
	hex[2 * 78 + 3] = '6';
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(second_layer(p, "lisp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(second_layer(p, "lisp")->why, "ITR-RLOC"));
}

static void
test_vxlan_gpe(void **state)
{
	const struct st_packet *p;
	static char hex[2 * sizeof(GPE_NSH) + 1];

	(void)state;
	hex_of(GPE_NSH, sizeof(GPE_NSH), hex);
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp vxlan-gpe nsh eth ipv4 icmp");
	assert_int_equal(fval(p, "vxlan.flags"), 0x0c);
	assert_int_equal(fval(p, "vxlan.ver"), 0);
	assert_int_equal(fval(p, "vxlan.i_bit"), 1);
	assert_int_equal(fval(p, "vxlan.p_bit"), 1);
	assert_int_equal(fval(p, "vxlan.o_bit"), 0);
	assert_int_equal(fval(p, "vxlan.flags_reserved"), 0);
	assert_int_equal(fval(p, "vxlan.next_proto"), 4);
	assert_int_equal(fval(p, "vxlan.vni"), 42);
	assert_int_equal(layer(p, "vxlan-gpe")->hdr_len, 8);
	assert_non_null(strstr(summary_of(DLT_RAW, hex), "[nsh spi 7"));
	sweep_prefixes(DLT_RAW, hex);
	/* Every flag set: version 3, the reserved bits as Wireshark shifts
	 * them (0xc2 >> 1); next protocol 1, IPv4, with the inner packet
	 * taken from behind the NSH header's place. */
	hex[2 * 28] = 'f', hex[2 * 28 + 1] = 'f';
	hex[2 * 31 + 1] = '1';
	memmove(hex + 2 * 36, hex + 2 * 74, strlen(hex + 2 * 74) + 1);
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp vxlan-gpe ipv4 icmp");
	assert_int_equal(fval(p, "vxlan.ver"), 3);
	assert_int_equal(fval(p, "vxlan.o_bit"), 1);
	assert_int_equal(fval(p, "vxlan.flags_reserved"), 0x61);
	/* A next protocol no one knows is data; a cut header, truncated. */
	hex[2 * 31] = '0', hex[2 * 31 + 1] = '9';
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp vxlan-gpe data");
	hex[2 * 33] = '\0';
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp vxlan-gpe");
	assert_int_equal(layer(p, "vxlan-gpe")->status, ST_LS_TRUNCATED);
}

static void
test_gnw(void **state)
{
	const struct st_packet *p;
	static char hex[512];

	(void)state;
	p = decode_hex(DLT_EN10MB, GNW_SHB);
	assert_chain(p, "eth gnw btpb data");
	assert_int_equal(fval(p, "geonw.bh.version"), 1);
	assert_int_equal(fval(p, "geonw.bh.nh"), 1);
	assert_int_equal(fval(p, "geonw.bh.lt.mult"), 20);
	assert_int_equal(fval(p, "geonw.bh.lt.base"), 1);
	assert_int_equal(fval(p, "geonw.ch.nh"), 2);
	assert_int_equal(fval(p, "geonw.ch.htype"), 0x50);
	assert_int_equal(fval(p, "geonw.ch.tc.id"), 2);
	assert_int_equal(fval(p, "geonw.ch.flags.mob"), 1);
	assert_int_equal(fval(p, "geonw.ch.plength"), 7);
	assert_int_equal(fval(p, "geonw.src_pos.addr.type"), 5);
	assert_int_equal(fval(p, "geonw.src_pos.addr.country"), 0x123);
	assert_int_equal((int32_t)fval(p, "geonw.src_pos.lat"), 487654321);
	assert_int_equal((int32_t)fval(p, "geonw.src_pos.long"), -23456789);
	assert_int_equal((int64_t)fval(p, "geonw.src_pos.speed"), -150);
	assert_int_equal(fval(p, "geonw.src_pos.hdg"), 900);
	assert_int_equal(fval(p, "geonw.cbr_l0hop"), 1);
	assert_int_equal(fval(p, "geonw.outpower"), 20);
	assert_int_equal(fval(p, "geonw.dccmco.reserved"), 3);
	assert_int_equal(fval(p, "geonw.shb.reserved"), 5);
	assert_int_equal(layer(p, "gnw")->hdr_len, 40);
	assert_int_equal(fval(p, "btpb.dstport"), 3000);
	assert_int_equal(fval(p, "btpb.dstportinf"), 0x0102);
	sweep_prefixes(DLT_EN10MB, GNW_SHB);

	p = decode_hex(DLT_EN10MB, GNW_GUC);
	assert_chain(p, "eth gnw btpa data");
	assert_int_equal(fval(p, "geonw.seq_num"), 7);
	assert_int_equal(fval(p, "geonw.dst_pos.tst"), 2000);
	assert_int_equal((int32_t)fval(p, "geonw.dst_pos.lat"), -100);
	assert_int_equal(fval(p, "btpa.srcport"), 40000);
	assert_int_equal(fval(p, "btpa.dstport"), 3001);
	assert_int_equal(field_n(p, "btpa.port", 1)->val, 40000);
	assert_non_null(strstr(summary_of(DLT_EN10MB, GNW_GUC),
	    "btpa 40000 → 3001"));
	sweep_prefixes(DLT_EN10MB, GNW_GUC);

	p = decode_hex(DLT_EN10MB, GNW_GAC);
	assert_int_equal(fval(p, "geonw.ch.htype"), 0x32);
	assert_int_equal((int32_t)fval(p, "geonw.gxc.latitude"), -337000000);
	assert_int_equal(fval(p, "geonw.gxc.distancea"), 1000);
	assert_int_equal(fval(p, "geonw.gxc.distanceb"), 500);
	assert_int_equal(fval(p, "geonw.gxc.angle"), 45);
	assert_false(has_field(p, "geonw.gxc.radius"));
	assert_int_equal(fval(p, "geonw.src_pos.speed"), 3000);
	sweep_prefixes(DLT_EN10MB, GNW_GAC);

	p = decode_hex(DLT_EN10MB, GNW_LSREQ);
	assert_chain(p, "eth gnw");
	assert_int_equal(fval(p, "geonw.ls_req.addr.manual"), 1);
	assert_int_equal(fval(p, "geonw.ls_req.addr.type"), 15);
	assert_non_null(strstr(summary_of(DLT_EN10MB, GNW_LSREQ),
	    "gnw Location Service Request"));
	sweep_prefixes(DLT_EN10MB, GNW_LSREQ);

	/* Cut inside the destination's position vector: truncated. */
	snprintf(hex, sizeof(hex), "%.*s", 2 * 70, GNW_GUC);
	p = decode_hex(DLT_EN10MB, hex);
	assert_chain(p, "eth gnw");
	assert_int_equal(layer(p, "gnw")->status, ST_LS_TRUNCATED);
	/* Header type 7 is no one's: malformed.  A secured packet (basic
	 * NH 2) is data after the basic header. */
	snprintf(hex, sizeof(hex), "%s", GNW_LSREQ);
	hex[2 * 19] = '7';
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(layer(p, "gnw")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "gnw")->why, "0x70"));
	snprintf(hex, sizeof(hex), "%s", GNW_LSREQ);
	hex[2 * 14 + 1] = '2';
	p = decode_hex(DLT_EN10MB, hex);
	assert_chain(p, "eth gnw data");
	assert_int_equal(layer(p, "gnw")->hdr_len, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lisp_ecm),
		cmocka_unit_test(test_lisp_reply),
		cmocka_unit_test(test_lisp_notify_referral),
		cmocka_unit_test(test_lisp_lcaf),
		cmocka_unit_test(test_lisp_info),
		cmocka_unit_test(test_lisp_bad),
		cmocka_unit_test(test_vxlan_gpe),
		cmocka_unit_test(test_gnw),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
