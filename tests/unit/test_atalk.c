/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The atalk family: LLAP, DDP (long after SNAP, long and short after
 * LLAP), NBP with its tuples, RTMP data and requests, ATP (request to
 * ZIP's socket 6, release with its user bytes), ZIP; truncated and
 * malformed variants (tcpdump's heapoverflow-atalk tests were fuzzed:
 * a tuple count past the bytes, a length below the header, strings and
 * tuples cut); every shorter prefix.  Then DECnet Phase IV: router
 * hello, routing message and its checksum, NSP connect initiate and data
 * after long and short headers, headers cut (tcpdump's decnet-oobr and
 * decnet-shorthdr-oobr), a router list and a length that lie.  IGRP:
 * an update's three kinds of route and its checksum, a bad checksum,
 * counts past the entries (tcpdump's igrp-oobr), a cut header.  LWRES:
 * a getaddrbyname response (real name, alias, addresses), a name length
 * past the datagram, a cut header.
 */
#include <stdio.h>

#include "testutil.h"

#define LT_LTALK	114

/* 802.3 + SNAP (08:00:07, 0x809b) + DDP 100.12.253 > 0.255.2, NBP
 * broadcast request "=:AFPServer@*", checksum right. */
#define NBP_REQ \
    "090007ffffff020000000001002aaaaa03080007809b0022a54100000064ff0c02fd" \
    "02110700640cfd00013d09414650536572766572012a00000000"

/* The same kind of frame: RTMP data, an extended tuple (version 0x82),
 * a plain one, another extended one. */
#define RTMP_DATA \
    "090007ffffff0200000000010028aaaa03080007809b002066a500000064ff010101" \
    "0100640801006480006982012c02019083019a82000000000000"

/* ATP TReq XO to socket 6: ZIP GetZoneList from index 1. */
#define ATP_ZIP \
    "090007ffffff020000000001001daaaa03080007809b0015768400640064010c06fd" \
    "0360011234080000010000000000000000000000000000000000"

/* ATP TRel, user bytes 0xdeadbeef. */
#define ATP_REL \
    "090007ffffff020000000001001daaaa03080007809b00152c4600640064010cc8c9" \
    "03c000004ddeadbeef0000000000000000000000000000000000"

/* ZIP GetNetInfo reply: zone invalid, default zone "Office". */
#define ZIP_GNI \
    "090007ffffff020000000001002aaaaa03080007809b002269c4000000640c010606" \
    "0606a0006400690006090007ffffff064f666669636500000000"

/* LocalTalk: LLAP 12 > 255, long DDP, NBP lookup for LaserWriters. */
#define LLAP_NBP \
    "ff0c0200248b2300000064ff0c02fd02110300640cfd00013d0b4c61736572577269" \
    "746572012a"

/* LLAP type 1: short DDP, socket 253 > 2, NBP. */
#define LLAP_SHORT \
    "ff0c01001a02fd02210400000cfd00013d09414650536572766572012a"

/* Decodes Ethernet frame hex with the byte at byte offset at replaced by
 * the two hex digits b. */
static const struct st_packet *
patched(const char *hex, size_t at, const char *b)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "%s", hex);
	memcpy(buf + 2 * at, b, 2);
	return decode_hex(DLT_EN10MB, buf);
}

static const char *
text_of(const struct st_packet *p, const char *name, unsigned nth)
{
	const struct st_field *f = field_n(p, name, nth);

	return f->meaning != NULL ? f->meaning : "";
}

static void
test_ddp_nbp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, NBP_REQ);
	assert_chain(p, "eth llc ddp nbp trailer");
	assert_int_equal(fval(p, "ddp.hopcount"), 0);
	assert_int_equal(fval(p, "ddp.len"), 34);
	assert_int_equal(fval(p, "ddp.checksum"), 42305);
	assert_int_equal(field_n(p, "ddp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "ddp.dst.net"), 0);
	assert_int_equal(fval(p, "ddp.src.net"), 100);
	assert_int_equal(fval(p, "ddp.dst.node"), 255);
	assert_int_equal(fval(p, "ddp.src.node"), 12);
	assert_int_equal(fval(p, "ddp.dst_socket"), 2);
	assert_int_equal(fval(p, "ddp.src_socket"), 253);
	assert_int_equal(fval(p, "ddp.type"), 2);
	assert_int_equal(fval(p, "nbp.op"), 1);
	assert_int_equal(fval(p, "nbp.count"), 1);
	assert_int_equal(fval(p, "nbp.tid"), 7);
	assert_int_equal(fval(p, "nbp.net"), 100);
	assert_int_equal(fval(p, "nbp.port"), 253);
	assert_string_equal(text_of(p, "nbp.object", 0), "=");
	assert_string_equal(text_of(p, "nbp.type", 0), "AFPServer");
	assert_string_equal(text_of(p, "nbp.zone", 0), "*");
	sweep_prefixes(DLT_EN10MB, NBP_REQ);
}

static void
test_ddp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a checksum byte changed: bad, the decode goes on */
	p = patched(NBP_REQ, 25, "00");
	assert_int_equal(field_n(p, "ddp.checksum", 0)->ck, ST_CK_BAD);
	assert_chain(p, "eth llc ddp nbp trailer");
	/* a length of 5, below the 13-byte header: malformed */
	p = patched(NBP_REQ, 23, "05");
	assert_int_equal(last_layer(p, "ddp")->status, ST_LS_MALFORMED);
	/* a tuple count of 15 with one tuple's bytes (heapoverflow-atalk) */
	p = patched(NBP_REQ, 35, "1f");
	assert_non_null(last_layer(p, "nbp"));
	assert_int_not_equal(last_layer(p, "nbp")->status, ST_LS_OK);
	/* an object string whose length runs past the datagram */
	p = patched(NBP_REQ, 42, "ff");
	assert_int_not_equal(last_layer(p, "nbp")->status, ST_LS_OK);
	/* a length past the bytes the frame carries: decoded, with a note */
	p = patched(NBP_REQ, 23, "c8");
	assert_true(has_note(p, "ddp: length 200 past the 34 bytes carried"));
	assert_int_equal(field_n(p, "ddp.checksum", 0)->ck, ST_CK_UNVERIFIED);
	assert_non_null(last_layer(p, "nbp"));
	/* the header cut by the capture */
	p = decode_hex(DLT_EN10MB, "090007ffffff020000000001002aaaaa0308000780"
	    "9b0022a54100000064");
	assert_int_equal(last_layer(p, "ddp")->status, ST_LS_TRUNCATED);
}

static void
test_rtmp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, RTMP_DATA);
	assert_chain(p, "eth llc ddp rtmp trailer");
	assert_int_equal(fval(p, "rtmp.net"), 100);
	assert_int_equal(fval(p, "nbp.nodeid.length"), 8);
	assert_int_equal(fval(p, "nbp.nodeid"), 1);
	assert_int_equal(field_n(p, "rtmp.tuple.range_start", 0)->val, 100);
	assert_int_equal(field_n(p, "rtmp.tuple.dist", 0)->val, 0);
	assert_int_equal(field_n(p, "rtmp.tuple.range_end", 0)->val, 105);
	assert_int_equal(fval(p, "rtmp.version"), 0x82);
	assert_int_equal(fval(p, "rtmp.tuple.net"), 300);
	assert_int_equal(field_n(p, "rtmp.tuple.dist", 1)->val, 2);
	assert_int_equal(field_n(p, "rtmp.tuple.range_start", 1)->val, 400);
	assert_int_equal(field_n(p, "rtmp.tuple.dist", 2)->val, 3);
	sweep_prefixes(DLT_EN10MB, RTMP_DATA);
}

static void
test_atp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, ATP_ZIP);
	assert_chain(p, "eth llc ddp atp zip trailer");
	assert_int_equal(fval(p, "atp.ctrlinfo"), 0x60);
	assert_int_equal(fval(p, "atp.function"), 1);
	assert_int_equal(fval(p, "atp.xo"), 1);
	assert_int_equal(fval(p, "atp.eom"), 0);
	assert_int_equal(fval(p, "atp.treltimer"), 0);
	assert_int_equal(fval(p, "atp.bitmap"), 1);
	assert_int_equal(fval(p, "atp.tid"), 4660);
	assert_false(has_field(p, "atp.user_bytes"));
	assert_int_equal(fval(p, "zip.atp_function"), 8);
	assert_int_equal(fval(p, "zip.start_index"), 1);
	sweep_prefixes(DLT_EN10MB, ATP_ZIP);

	p = decode_hex(DLT_EN10MB, ATP_REL);
	assert_chain(p, "eth llc ddp atp trailer");
	assert_int_equal(fval(p, "atp.function"), 3);
	assert_false(has_field(p, "atp.treltimer"));
	assert_int_equal(fval(p, "atp.tid"), 77);
	assert_int_equal(fval(p, "atp.user_bytes"), 0xdeadbeef);
	sweep_prefixes(DLT_EN10MB, ATP_REL);
}

static void
test_zip(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, ZIP_GNI);
	assert_chain(p, "eth llc ddp zip trailer");
	assert_int_equal(fval(p, "zip.function"), 6);
	assert_int_equal(fval(p, "zip.flags"), 2);
	assert_int_equal(fval(p, "zip.flags.zone_invalid"), 1);
	assert_int_equal(fval(p, "zip.flags.use_broadcast"), 0);
	assert_int_equal(fval(p, "zip.flags.only_one_zone"), 1);
	assert_int_equal(fval(p, "zip.network_start"), 100);
	assert_int_equal(fval(p, "zip.network_end"), 105);
	assert_string_equal(text_of(p, "zip.zone_name", 0), "");
	assert_int_equal(fval(p, "zip.multicast_length"), 6);
	assert_string_equal(text_of(p, "zip.default_zone", 0), "Office");
	sweep_prefixes(DLT_EN10MB, ZIP_GNI);
	/* a multicast length past the datagram: cut, not read beyond */
	p = patched(ZIP_GNI, 42, "ff");
	assert_int_not_equal(last_layer(p, "zip")->status, ST_LS_OK);
}

static void
test_llap(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(LT_LTALK, LLAP_NBP);
	sweep_prefixes(LT_LTALK, LLAP_NBP);
	assert_chain(p, "llap ddp nbp");
	assert_int_equal(fval(p, "llap.dst"), 255);
	assert_int_equal(fval(p, "llap.src"), 12);
	assert_int_equal(fval(p, "llap.type"), 2);
	assert_int_equal(fval(p, "ddp.len"), 36);
	assert_int_equal(field_n(p, "ddp.checksum", 0)->ck, ST_CK_GOOD);
	assert_string_equal(text_of(p, "nbp.type", 0), "LaserWriter");

	p = decode_hex(LT_LTALK, LLAP_SHORT);
	assert_chain(p, "llap ddp nbp");
	assert_int_equal(fval(p, "ddp.len"), 26);
	assert_int_equal(fval(p, "ddp.dst_socket"), 2);
	assert_int_equal(fval(p, "ddp.src_socket"), 253);
	assert_false(has_field(p, "ddp.checksum"));
	sweep_prefixes(LT_LTALK, LLAP_SHORT);

	/* a control frame: nothing after the header */
	p = decode_hex(LT_LTALK, "0c0c81");
	assert_chain(p, "llap");
	assert_int_equal(fval(p, "llap.type"), 0x81);
	/* a short length below the 5-byte header */
	p = decode_hex(LT_LTALK, "ff0c01000302fd02");
	assert_int_equal(last_layer(p, "ddp")->status, ST_LS_MALFORMED);
}

/* DECnet: an Ethernet router hello from 1.4 (one pad byte), its list
 * naming router 1.8, known two-way. */
#define DN_RHELLO \
    "ab0000040000aa000400040460032300810b020000aa000400040402da0540000f00" \
    "000f0000000000000007aa0004000804c0000000000000000000"

/* A level 1 routing message of seven segments, checksum right. */
#define DN_ROUTING \
    "ab0000030000aa0004000404600330000704040001000400020401000500050801" \
    "000600080c010007000b10010008000e1401000900111801000a00141c8670"

/* Long data header 1.8 > 1.4, NSP connect initiate to object FAL. */
#define DN_CI \
    "aa0004000404aa00040008046003370081260000aa00040004040000aa0004000804" \
    "0000000018000001200502b30501000346414c010004555345520103424f4204504153" \
    "5300"

/* Short data header 1.8 > 1.4, NSP data segment 2, "hello". */
#define DN_SHORT \
    "aa0004000404aa0004000804600312000204040804006003100120021068656c6c6f" \
    "0000000000000000000000000000000000000000000000000000"

static void
test_decnet_control(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DN_RHELLO);
	assert_chain(p, "eth decnet trailer");
	assert_int_equal(fval(p, "strata.dec_dna.length"), 35);
	assert_int_equal(fval(p, "dec_dna.flags"), 0x0b);
	assert_int_equal(fval(p, "dec_dna.flags.control"), 1);
	assert_int_equal(field_n(p, "dec_dna.rt.msg_type", 0)->val, 5);
	assert_string_equal(text_of(p, "strata.dec_dna.version", 0), "2.0.0");
	assert_int_equal(fval(p, "dec_dna.ctl.iinfo.node_type"), 2);
	assert_int_equal(fval(p, "dec_dna.ctl.blk_size"), 1498);
	assert_int_equal(fval(p, "dec_dna.ctl.prio"), 64);
	assert_int_equal(fval(p, "dec_dna.ctl.timer"), 15);
	assert_string_equal(text_of(p, "dec_dna.ctl.router_state", 0),
	    "known 2-way");
	assert_int_equal(fval(p, "dec_dna.ctl.router_prio"), 64);
	sweep_prefixes(DLT_EN10MB, DN_RHELLO);
	/* a router list count of 0x20, past its one entry and the message's
	 * length: malformed */
	p = patched(DN_RHELLO, 35, "20");
	assert_int_equal(last_layer(p, "decnet")->status, ST_LS_MALFORMED);
	/* an entry count of 3, below one entry's 7 bytes: malformed */
	p = patched(DN_RHELLO, 43, "03");
	assert_int_equal(last_layer(p, "decnet")->status, ST_LS_MALFORMED);

	p = decode_hex(DLT_EN10MB, DN_ROUTING);
	assert_chain(p, "eth decnet");
	assert_int_equal(fval(p, "dec_dna.src_node"), 1 << 10 | 4);
	assert_int_equal(field_n(p, "strata.dec_dna.segment.start", 6)->val,
	    10);
	assert_int_equal(field_n(p, "strata.dec_dna.segment.hops", 6)->val, 7);
	assert_int_equal(field_n(p, "strata.dec_dna.segment.cost", 6)->val,
	    20);
	assert_int_equal(fval(p, "dec_dna.ctl.checksum"), 0x7086);
	assert_int_equal(field_n(p, "dec_dna.ctl.checksum", 0)->ck,
	    ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, DN_ROUTING);
	p = patched(DN_ROUTING, 63, "71");
	assert_int_equal(field_n(p, "dec_dna.ctl.checksum", 0)->ck, ST_CK_BAD);
}

static void
test_decnet_nsp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, DN_CI);
	assert_chain(p, "eth decnet nsp");
	assert_int_equal(fval(p, "dec_dna.flags.msglen"), 3);
	assert_int_equal(fval(p, "dec_dna.flags.intra_eth"), 1);
	assert_int_equal(fval(p, "dec_dna.nsp.msg_type"), 0x18);
	assert_int_equal(fval(p, "dec_dna.src_node"), 0x2001);
	assert_int_equal(fval(p, "dec_dna.nsp.services"), 1);
	assert_int_equal(fval(p, "dec_dna.nsp.info"), 2);
	assert_int_equal(fval(p, "dec_dna.nsp.segsize"), 1459);
	assert_string_equal(text_of(p, "dec_dna.sess.dst_name", 0), "FAL");
	assert_string_equal(text_of(p, "dec_dna.sess.src_name", 0), "USER");
	assert_string_equal(text_of(p, "dec_dna.sess.rqstr_id", 0), "BOB");
	assert_string_equal(text_of(p, "dec_dna.sess.rqstr_id", 1), "PASS");
	assert_string_equal(text_of(p, "dec_dna.sess.rqstr_id", 2), "");
	sweep_prefixes(DLT_EN10MB, DN_CI);

	p = decode_hex(DLT_EN10MB, DN_SHORT);
	assert_chain(p, "eth decnet nsp data trailer");
	assert_int_equal(field_n(p, "dec_dna.dst_node", 0)->val, 0x0404);
	assert_int_equal(field_n(p, "dec_dna.src_node", 0)->val, 0x0408);
	assert_int_equal(field_n(p, "dec_dna.dst_node", 1)->val, 0x1003);
	assert_int_equal(fval(p, "dec_dna.nsp.segnum"), 2);
	assert_int_equal(fval(p, "dec_dna.nsp.delay"), 1);
	sweep_prefixes(DLT_EN10MB, DN_SHORT);
	/* a length past the frame: malformed */
	p = patched(DN_SHORT, 14, "ff");
	assert_int_equal(last_layer(p, "decnet")->status, ST_LS_MALFORMED);

	/* headers cut by the capture (decnet-oobr, decnet-shorthdr-oobr) */
	p = decode_hex(DLT_EN10MB, "aa0004000404aa000400080460031c0026000"
	    "0aa00040004");
	assert_int_equal(last_layer(p, "decnet")->status, ST_LS_TRUNCATED);
	p = decode_hex(DLT_EN10MB, "aa0004000404aa000400080460030d00020404");
	assert_int_equal(last_layer(p, "decnet")->status, ST_LS_TRUNCATED);
}

/* IGRP from 198.18.0.1: an update of AS 100, two interior routes, one
 * system, one exterior (unreachable), checksum right. */
#define IGRP_UPDATE \
    "020000000002020000000001080045000058000140004009ae74c6120001c6120002" \
    "11030064000200010001aab21201000007d000000105dcff01001202000008340000" \
    "0a05dcff01010a0000000bb800006405dcfa0302ac1000ffffff00006405dcff0101"

static void
test_igrp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, IGRP_UPDATE);
	assert_chain(p, "eth ipv4 igrp");
	assert_int_equal(fval(p, "igrp.version"), 1);
	assert_int_equal(fval(p, "igrp.command"), 1);
	assert_int_equal(fval(p, "igrp.update"), 3);
	assert_int_equal(fval(p, "igrp.as"), 100);
	assert_int_equal(fval(p, "igrp.interior_routes"), 2);
	assert_int_equal(fval(p, "igrp.checksum"), 0xaab2);
	assert_int_equal(field_n(p, "igrp.checksum", 0)->ck, ST_CK_GOOD);
	/* interior: the IP source's first byte; others: three bytes and 0 */
	assert_string_equal(text_of(p, "igrp.network", 0), "198.18.1.0");
	assert_string_equal(text_of(p, "igrp.network", 2), "10.0.0.0");
	assert_string_equal(text_of(p, "igrp.network", 3), "172.16.0.0");
	assert_int_equal(field_n(p, "igrp.delay", 3)->val, 0xffffff);
	assert_int_equal(field_n(p, "igrp.bandwidth", 1)->val, 10);
	assert_int_equal(field_n(p, "igrp.mtu", 0)->val, 1500);
	assert_int_equal(field_n(p, "igrp.reliability", 2)->val, 250);
	assert_int_equal(field_n(p, "igrp.load", 2)->val, 3);
	assert_int_equal(field_n(p, "igrp.hop_count", 2)->val, 2);
	sweep_prefixes(DLT_EN10MB, IGRP_UPDATE);
	/* the checksum's low byte changed */
	p = patched(IGRP_UPDATE, 45, "b3");
	assert_int_equal(field_n(p, "igrp.checksum", 0)->ck, ST_CK_BAD);
	/* 0x0102 system routes named, three entries' bytes left: malformed,
	 * the entries there decoded */
	p = patched(IGRP_UPDATE, 40, "01");
	assert_int_equal(last_layer(p, "igrp")->status, ST_LS_MALFORMED);
	assert_true(has_field(p, "igrp.hop_count"));
	/* the header cut by the capture */
	p = decode_hex(DLT_EN10MB, "020000000002020000000001080045000058000"
	    "140004009ae74c6120001c612000211030064000200");
	assert_int_equal(last_layer(p, "igrp")->status, ST_LS_TRUNCATED);
}

/* LWRES on UDP 921: a getaddrbyname response of serial 1, real name
 * web.example.com, alias www.example.com, 192.0.2.10 and 192.0.2.11. */
#define LW_ADDRS \
    "02000000000102000000000208004500007e000140004011ae46c6120002c6120001" \
    "03999c40006a9c56000000620000000100000001000100010000000000001000000000" \
    "000000000000010002000f7765622e6578616d706c652e636f6d00000f7777772e6578" \
    "616d706c652e636f6d00000000010004c000020a000000010004c000020b0000000000" \
    "00"

static void
test_lwres(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, LW_ADDRS);
	assert_chain(p, "eth ipv4 udp lwres");
	assert_int_equal(fval(p, "lwres.length"), 98);
	assert_int_equal(fval(p, "lwres.flags"), 1);
	assert_int_equal(fval(p, "lwres.serial"), 1);
	assert_int_equal(fval(p, "lwres.opcode"), 0x00010001);
	assert_int_equal(fval(p, "lwres.recvlen"), 4096);
	assert_int_equal(fval(p, "lwres.adn.naliases"), 1);
	assert_int_equal(fval(p, "lwres.adn.naddrs"), 2);
	assert_string_equal(text_of(p, "lwres.adn.realname", 0),
	    "web.example.com");
	assert_string_equal(text_of(p, "lwres.adn.aliasname", 0),
	    "www.example.com");
	assert_string_equal(text_of(p, "lwres.adn.addr.addr", 0),
	    "192.0.2.10");
	assert_string_equal(text_of(p, "lwres.adn.addr.addr", 1),
	    "192.0.2.11");
	sweep_prefixes(DLT_EN10MB, LW_ADDRS);
	/* a real name length of 0xff0f, past the datagram: malformed */
	p = patched(LW_ADDRS, 78, "ff");
	assert_int_equal(last_layer(p, "lwres")->status, ST_LS_MALFORMED);
	/* a result of "not found": no body read */
	p = patched(LW_ADDRS, 61, "03");
	assert_false(has_field(p, "lwres.adn.realname"));
	/* the header cut by the capture */
	p = decode_hex(DLT_EN10MB, "02000000000102000000000208004500007e000"
	    "140004011ae46c6120002c612000103999c40006a9c56000000620000");
	assert_int_equal(last_layer(p, "lwres")->status, ST_LS_TRUNCATED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ddp_nbp),
		cmocka_unit_test(test_ddp_bad),
		cmocka_unit_test(test_rtmp),
		cmocka_unit_test(test_atp),
		cmocka_unit_test(test_zip),
		cmocka_unit_test(test_llap),
		cmocka_unit_test(test_decnet_control),
		cmocka_unit_test(test_decnet_nsp),
		cmocka_unit_test(test_igrp),
		cmocka_unit_test(test_lwres),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
