/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tail16c family: AFS over RX (src/proto/afs*.c), from the frames of
 * captures/tail16c-afs.pcap (made by captures/make-tail16c.py) as IPv4
 * packets: a call and its reply matched, a volume location entry, a
 * later packet of a call, a reply to no call seen, an encrypted call,
 * with every shorter prefix and malformed variants; IP over InfiniBand
 * (src/proto/ipoib.c) from the frames of captures/tail16c-ipoib.pcap;
 * the Nortel Discovery Protocol (src/proto/ndp.c); Linux vsock monitor
 * frames (src/proto/vsock.c).
 */
#include "testutil.h"
#include "strata/match.h"

/* frame 1 */
#define F1 \
	"45000048000140004011ae7cc6120001c61200021b591b580034ff663a2f1c00" \
	"1b55a05c000001220000000100000001010500020000000100000084200000ba" \
	"0000034e0010049d"
/* frame 2 */
#define F2 \
	"450000b0000140004011ae14c6120002c61200011b581b59009c26013a2f1c00" \
	"1b55a05c00000122000000010000000101040002000000010000000100000002" \
	"0000000300000800000000050000000100004fce0000007f00000009000001ed" \
	"000000010000000100000000369441ab369441ac000013880000000000000000" \
	"0000000000000000000000000000000100001c20000000023340541300000000" \
	"00000000000000000000000000000000"
/* frame 9 */
#define F9 \
	"45000042000140004011ae82c6120002c61200011b581b59002e65f13a2f1c00" \
	"1b55a05c00000125000000020000000101040002000000016d6f726520646174" \
	"610a"
/* frame 10 */
#define F10 \
	"45000074000140004011ae50c6120001c61200021b591b5800609dfa3a2f1c00" \
	"1b55a05c00000126000000010000000101050002000000010000009300000002" \
	"200000ba0000034e0010049d200000ba0000034f0010049e0000000200000001" \
	"00001c20000000020000000100001c2000000002"
/* frame 14 */
#define F14 \
	"450001b8000140004011ad0cc6120002c61200011b5b070001a4db383a2f1c00" \
	"1b55a05c0000000100000001000000010104000200000034000000720000006f" \
	"0000006f000000740000002e00000063000000650000006c0000006c00000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"00000002c6120002c61200030000000000000000000000000000000000000000" \
	"0000000000000000000000010000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"000000002000000320000004200000050000000000007000"
/* frame 22 */
#define F22 \
	"45000040000140004011ae84c6120001c61200021b591b58002c65f03a2f1c00" \
	"1b55a05c00000127000000010000000101050002000000018a91f3c211223344"
/* frame 23 */
#define F23 \
	"45000040000140004011ae84c6120002c61200011b581b59002c25eb3a2f1c00" \
	"1b55a05c000003e7000000010000000101040002000000010000000000000001"

/* IPoIB: a unicast UDP datagram; an ICMPv6 echo after a GRH. */
#define IPOIB1 \
	"000000000000000000000000000000000000000000000550fe80000000000000" \
	"0010e000664ab451080000004500002b000140004011ae99c6120001c6120002" \
	"0fa00fa10017585f6f76657220696e66696e6962616e64"
#define IPOIB2 \
	"62a1234500000661fe800000000000000010e000664ab452fe80000000000000" \
	"0010e000664ab45186dd000060000000000c3a4020010db80000000000000000" \
	"0000000120010db80000000000000000000000028000456b0007000170696e67"

/* Decodes hex (an IPv4 packet) as frame num at second sec. */
static const struct st_packet *
at(uint64_t num, long sec, const char *hex)
{
	tpkt.num = num;
	tpkt.ts.tv_sec = sec;
	tpkt.ts.tv_nsec = 0;
	return decode_hex(DLT_RAW, hex);
}

/* The text of the nth field named name. */
static const char *
text(const struct st_packet *p, const char *name, unsigned nth)
{
	const struct st_field *f = field_n(p, name, nth);

	assert_non_null(f->meaning);
	return f->meaning;
}

static void
test_afs_fetch_status(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	p = at(1, 100, F1);
	assert_chain(p, "ipv4 udp rx afs");
	assert_int_equal(fval(p, "afs.service"), 132);
	assert_int_equal(fval(p, "afs.fs.opcode"), 132);
	assert_int_equal(field_n(p, "afs.fs.opcode", 0)->bits, 32);
	assert_int_equal(fval(p, "afs.fs"), 1);
	assert_int_equal(fval(p, "afs.fs.fid.volume"), 536871098);
	assert_int_equal(fval(p, "afs.fs.fid.vnode"), 846);
	assert_int_equal(fval(p, "afs.fs.fid.uniq"), 1049757);
	assert_false(has_field(p, "afs.reqframe"));
	assert_string_equal(text(p, "strata.afs.call", 0), "FS Request");
	/* The reply: the call's operation, frame and the time since. */
	p = at(2, 101, F2);
	assert_chain(p, "ipv4 udp rx afs");
	assert_int_equal(fval(p, "afs.fs.opcode"), 132);
	assert_int_equal(field_n(p, "afs.fs.opcode", 0)->bits, 0);
	assert_int_equal(fval(p, "afs.reqframe"), 1);
	assert_string_equal(text(p, "afs.time", 0), "1.000000000");
	assert_int_equal(fval(p, "afs.fs.status.length"), 2048);
	assert_int_equal(fval(p, "afs.fs.status.mode"), 0755);
	assert_string_equal(text(p, "afs.fs.status.clientmodtime", 0),
	    "Jan  7, 1999 05:10:03.000000000 UTC");
	assert_string_equal(text(p, "afs.fs.callback.expires", 0),
	    "7200.000000000");
	assert_int_equal(fval(p, "afs.fs.callback.type"), 2);
	assert_string_equal(text(p, "afs.fs.volsync.spare1", 0),
	    "Apr  1, 1997 00:17:23.000000000 UTC");
	assert_int_equal(fval(p, "afs.fs.volsync.spare6"), 0);
	assert_string_equal(text(p, "strata.afs.call", 0), "FS Reply");
	sweep_prefixes(DLT_RAW, F1);
	sweep_prefixes(DLT_RAW, F2);
}

static void
test_afs_vldb_entry(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	p = at(14, 10, F14);
	/* No call seen: a reply of operation 0, its results not read. */
	assert_int_equal(fval(p, "afs.service"), 0);
	assert_int_equal(fval(p, "afs.vldb.opcode"), 0);
	assert_false(has_field(p, "afs.vldb.name"));
	/* After a call of get-entry-by-name with the same call number. */
	at(13, 9, "4500004c000140004011ae78c6120001c612000207001b5b00385a27"
	    "3a2f1c001b55a05c0000000100000001000000010105000200000034000001f8"
	    "00000009726f6f742e63656c6c000000");
	p = at(14, 10, F14);
	assert_int_equal(fval(p, "afs.vldb.opcode"), 504);
	assert_string_equal(text(p, "afs.vldb.name", 0), "root.cell");
	assert_int_equal(fval(p, "afs.vldb.numservers"), 2);
	assert_int_equal(field_n(p, "afs.vldb.server", 1)->val, 0xc6120003);
	assert_string_equal(text(p, "afs.vldb.partition", 1), "/vicepb");
	assert_int_equal(fval(p, "afs.vldb.rwvol"), 536870915);
	assert_int_equal(fval(p, "afs.vldb.clonevol"), 0);
	assert_int_equal(fval(p, "afs.vldb.flags"), 0x7000);
	assert_int_equal(fval(p, "afs.vldb.flags.rwexists"), 1);
	assert_int_equal(fval(p, "afs.vldb.flags.bkexists"), 1);
	assert_int_equal(fval(p, "afs.vldb.flags.dfsfileset"), 0);
	sweep_prefixes(DLT_RAW, F14);
}

static void
test_afs_later_packets(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	/* Sequence 2 of a reply with no call seen: its operation only. */
	p = at(9, 8, F9);
	assert_chain(p, "ipv4 udp rx afs");
	assert_int_equal(fval(p, "afs.fs.opcode"), 0);
	assert_false(has_field(p, "afs.fs.data"));
	/* A reply to a call never seen. */
	p = at(23, 22, F23);
	assert_int_equal(fval(p, "afs.service"), 0);
	assert_false(has_field(p, "afs.reqframe"));
	/* An opcode beyond 66000: encrypted, nothing more read. */
	p = at(22, 21, F22);
	assert_int_equal(fval(p, "afs.service"), 0x8a91f3c2);
	assert_false(has_field(p, "afs.fs.opcode"));
	assert_string_equal(text(p, "strata.afs.call", 0),
	    "Encrypted FS Request");
	sweep_prefixes(DLT_RAW, F22);
}

static void
test_afs_arrays_bounded(void **state)
{
	const struct st_packet *p;
	char hex[sizeof(F10)];
	char *c;

	(void)state;
	st_match_clear();
	p = at(10, 9, F10);
	assert_int_equal(fval(p, "afs.fs.opcode"), 147);
	assert_int_equal(field_n(p, "afs.fs.fid.vnode", 1)->val, 847);
	assert_int_equal(field_n(p, "afs.fs.callback.version", 1)->val, 1);
	sweep_prefixes(DLT_RAW, F10);
	/* An array count of 2^32 - 1: read as far as the packet goes. */
	memcpy(hex, F10, sizeof(F10));
	c = strstr(hex, "0000009300000002");
	assert_non_null(c);
	memcpy(c + 8, "ffffffff", 8);
	st_match_clear();
	p = at(10, 9, hex);
	assert_int_equal(layer(p, "afs")->status, ST_LS_OK);
	/* the callbacks' count read as the third file ID's volume */
	assert_int_equal(field_n(p, "afs.fs.fid.volume", 2)->val, 2);
	assert_false(has_field(p, "afs.fs.callback.version"));
}

static void
test_afs_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	/* A call of two bytes: no room for its opcode. */
	p = at(1, 1, "4500003a000140004011ae8ac6120001c6120002"
	    "1b591b58002628bc"
	    "3a2f1c001b55a05c00000122000000010000000101050002000000010000");
	assert_int_equal(layer(p, "afs")->status, ST_LS_MALFORMED);
	/* A name longer than the packet: read up to it, not past it. */
	p = at(2, 2, "4500004c000140004011ae78c6120001c6120002"
	    "1b591b5800380053"
	    "3a2f1c001b55a05c00000123000000010000000101050002000000010000"
	    "008e200000ba0000034e0010049d0000ff00");
	assert_int_equal(fval(p, "afs.fs.fid.uniq"), 1049757);
	assert_false(has_field(p, "afs.fs.name"));
}

static void
test_ipoib(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_IPOIB, IPOIB1);
	assert_chain(p, "ipoib ipv4 udp data");
	assert_int_equal(fval(p, "ipoib.daddr.qpn"), 0x550);
	assert_int_equal(fval(p, "ipoib.type"), 0x0800);
	assert_int_equal(layer(p, "ipoib")->hdr_len, 44);
	assert_false(has_field(p, "ipoib.grh.sqpn"));
	sweep_prefixes(DLT_IPOIB, IPOIB1);
	p = decode_hex(DLT_IPOIB, IPOIB2);
	assert_chain(p, "ipoib ipv6 icmpv6 data");
	assert_int_equal(fval(p, "ipoib.grh.ipver"), 6);
	assert_int_equal(fval(p, "ipoib.grh.tclass"), 42);
	assert_int_equal(fval(p, "ipoib.grh.flowlabel"), 0x12345);
	assert_int_equal(fval(p, "ipoib.grh.sqpn"), 0x661);
	assert_false(has_field(p, "ipoib.daddr.qpn"));
	sweep_prefixes(DLT_IPOIB, IPOIB2);
	/* An unknown type: the rest is data. */
	p = decode_hex(DLT_IPOIB, "0000000000000000000000000000000000000000"
	    "00000550fe800000000000000010e000664ab45188b50000deadbeef");
	assert_chain(p, "ipoib data");
}

/* NDP: a segment hello in LLC/SNAP, padded to 60 bytes. */
#define NDPHELLO "0100810001000011223344aa0013aaaa0300008101a2c612000100" \
	"0115830c0201000000000000000000000000000000000000000000000000000000"

static void
test_ndp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, NDPHELLO);

	(void)state;
	assert_chain(p, "eth llc ndp trailer");
	assert_int_equal(fval(p, "ndp.ipaddress"), 0xc6120001);
	assert_int_equal(fval(p, "ndp.segmentident"), 0x115);
	assert_int_equal(fval(p, "ndp.chassis"), 131);
	assert_int_equal(fval(p, "ndp.backplane"), 12);
	assert_int_equal(fval(p, "ndp.state"), 2);
	assert_int_equal(fval(p, "ndp.numberoflinks"), 1);
	assert_int_equal(layer(p, "ndp")->hdr_len, 11);
	sweep_prefixes(DLT_EN10MB, NDPHELLO);
	/* Another OUI's protocol 0x01a2 is not NDP. */
	p = decode_hex(DLT_EN10MB, "0100810001000011223344aa0013aaaa0300008201a2"
	    "c6120001000115830c0201000000000000000000000000000000000000000000"
	    "00000000000000000000");
	assert_null(last_layer(p, "ndp"));
}

/* vsock: a virtio payload of 6 bytes (zoo/vsock-1.pcapng frame 3). */
#define VSOCKDATA \
	"0300000000000000020000000000000000040000d2040000040002002c000000" \
	"0300000000000000020000000000000000040000d20400000600000001000500" \
	"00000000000004000000000048656c6c6f0a"

static void
test_vsock(void **state)
{
	const struct st_packet *p = decode_hex(DLT_VSOCK, VSOCKDATA);

	(void)state;
	assert_chain(p, "vsock");
	assert_int_equal(fval(p, "vsock.src_cid"), 3);
	assert_int_equal(fval(p, "vsock.dst_port"), 1234);
	assert_int_equal(fval(p, "vsock.op"), 4);
	assert_int_equal(fval(p, "vsock.trans_len"), 44);
	assert_int_equal(fval(p, "vsock.virtio.len"), 6);
	assert_int_equal(fval(p, "vsock.virtio.op"), 5);
	assert_int_equal(fval(p, "vsock.virtio.buf_alloc"), 262144);
	assert_int_equal(field_n(p, "vsock.payload", 0)->bits, 48);
	sweep_prefixes(DLT_VSOCK, VSOCKDATA);
	/* A transport header said longer than the frame. */
	p = decode_hex(DLT_VSOCK, "03000000000000000200000000000000000400"
	    "00d2040000040002002c010000");
	assert_int_equal(layer(p, "vsock")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_afs_fetch_status),
		cmocka_unit_test(test_afs_vldb_entry),
		cmocka_unit_test(test_afs_later_packets),
		cmocka_unit_test(test_afs_arrays_bounded),
		cmocka_unit_test(test_afs_malformed),
		cmocka_unit_test(test_ipoib),
		cmocka_unit_test(test_ndp),
		cmocka_unit_test(test_vsock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
