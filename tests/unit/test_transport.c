/* SPDX-License-Identifier: BSD-3-Clause */
/* TCP and UDP: every field, options, checksums, malformed headers; MPTCP
 * (TCP option 30) as a layer of its own. */
#include "testutil.h"

#define ETH "020000000002020000000001" "0800"
#define SYN ETH "4500003c1234400040069c60c6120001c61200029c400050000003e8" \
	"00000000a0022000fb5e0000020405b40402080a000000010000000001030307"
#define SACK ETH "4500004e1234400040069c4ec6120001c612000200509c4000001388" \
	"000003e9a018200016e200000101051200000064000000c80000012c00000190" \
	"474554202f20485454502f312e300d0a0d0a"
#define UDPBAD ETH "4500001f1234400040119c72c6120001c612000203e807d0000b" \
	"dead616263"
#define UDPZERO ETH "4500001f1234400040119c72c6120001c612000203e807d0000b" \
	"0000616263"

static void
test_tcp_syn(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SYN);

	(void)state;
	assert_chain(p, "eth ipv4 tcp");
	assert_int_equal(fval(p, "tcp.srcport"), 40000);
	assert_int_equal(fval(p, "tcp.dstport"), 80);
	assert_int_equal(fval(p, "tcp.seq_raw"), 1000);
	assert_int_equal(fval(p, "tcp.hdr_len"), 40);
	assert_int_equal(fval(p, "tcp.flags"), 0x002);
	assert_int_equal(fval(p, "tcp.flags.syn"), 1);
	assert_int_equal(fval(p, "tcp.flags.ack"), 0);
	assert_int_equal(fval(p, "tcp.window_size_value"), 8192);
	assert_int_equal(fval(p, "tcp.len"), 0);
	assert_int_equal(field_n(p, "tcp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "tcp.options.mss_val"), 1460);
	assert_int_equal(fval(p, "tcp.options.timestamp.tsval"), 1);
	assert_int_equal(fval(p, "tcp.options.wscale.shift"), 7);
	assert_int_equal(fval(p, "tcp.options.wscale.multiplier"), 128);
	assert_int_equal(field_n(p, "tcp.option_kind", 1)->val, 4);
	sweep_prefixes(DLT_EN10MB, SYN);
}

static void
test_tcp_sack_and_data(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SACK);

	(void)state;
	/* Port 80 and a request line: HTTP rides on the segment. */
	assert_chain(p, "eth ipv4 tcp http");
	assert_int_equal(fval(p, "tcp.flags"), 0x018);
	assert_int_equal(field_n(p, "tcp.options.sack_le", 1)->val, 300);
	assert_int_equal(field_n(p, "tcp.options.sack_re", 1)->val, 400);
	assert_int_equal(fval(p, "tcp.len"), 18);
	assert_int_equal(field_n(p, "tcp.checksum", 0)->ck, ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, SACK);
}

static void
test_tcp_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Data offset 4: below the minimum header. */
	p = decode_hex(DLT_RAW, "45000028000040004006000001020304050607089c40"
	    "0050000003e8000000004002200000000000");
	assert_int_equal(layer(p, "tcp")->status, ST_LS_MALFORMED);
	/* An option of length 1 ends the options, marked. */
	p = decode_hex(DLT_RAW, "4500002c000040004006000001020304050607089c40"
	    "0050000003e8000000006002200000000000" "02010000");
	assert_int_equal(layer(p, "tcp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "tcp")->why, "length 1"));
	/* Odd SACK length. */
	p = decode_hex(DLT_RAW, "45000034000040004006000001020304050607089c40"
	    "0050000003e8000000008002200000000000010105060000000101010101");
	assert_int_equal(layer(p, "tcp")->status, ST_LS_MALFORMED);
}

static void
test_udp_checksums(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, UDPBAD);
	const struct st_field *ck = field_n(p, "udp.checksum", 0);

	(void)state;
	assert_int_equal(fval(p, "udp.srcport"), 1000);
	assert_int_equal(fval(p, "udp.dstport"), 2000);
	assert_int_equal(fval(p, "udp.length"), 11);
	assert_int_equal(ck->ck, ST_CK_BAD);
	p = decode_hex(DLT_EN10MB, UDPZERO);
	assert_int_equal(field_n(p, "udp.checksum", 0)->ck, ST_CK_ABSENT);
	sweep_prefixes(DLT_EN10MB, UDPZERO);
}

static void
test_udp_length_below_header(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW,
	    "4500001f1234400040119c72c6120001c612000203e807d00004000061626364");

	(void)state;
	assert_int_equal(layer(p, "udp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "udp")->why, "below 8"));
}

/* Frames of zoo/mptcp-v0.pcap from the IP header on. */
#define MPCAP "4500004832e940004006f1c00a0201020a0101028c790016ad989359" \
	"00000000d0023908da990000020405b40402080affffa1b00000000001030306" \
	"1e0c00819c9eabd1e46a33b2"
#define MPDSS "45000079899440003f069be40a0101020a02010200168c7907822b7f" \
	"ad98935af01801bf536500000101080affffa2f2ffffa1b01e0834010a010202" \
	"1e142005d52abecad1b97490000000010029082f5353482d322e302d4f70656e" \
	"5353485f352e3570312044656269616e2d362b73717565657a65310d0a"
#define MPJOIN "4500004c899440003f069b110a0102020a0201020016a105659eaa6f" \
	"6f17bab1e01237c8f9d40000020405b40402080affffa2f2ffffa1c001030305" \
	"1e1010015ab680c7884af03d33abe9d5"

static void
test_mptcp_capable(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MPCAP);

	(void)state;
	assert_chain(p, "ipv4 tcp mptcp");
	assert_int_equal(layer(p, "mptcp")->off, 60);
	assert_int_equal(layer(p, "mptcp")->hdr_len, 12);
	assert_int_equal(fval(p, "tcp.options.mptcp.subtype"), 0);
	assert_int_equal(fval(p, "tcp.options.mptcp.version"), 0);
	assert_int_equal(fval(p, "tcp.options.mptcp.flags"), 0x81);
	assert_int_equal(fval(p, "tcp.options.mptcp.checksumreq.flags"), 1);
	assert_int_equal(fval(p, "tcp.options.mptcp.sha1.flag"), 1);
	assert_true(fval(p, "tcp.options.mptcp.sendkey") ==
	    11285646634205721522ull);
	/* Option 30's kind is the MPTCP layer's first field, not TCP's. */
	assert_int_equal(field_n(p, "tcp.option_kind", 4)->val, 3);
	assert_int_equal(field_n(p, "tcp.option_kind", 5)->val, 30);
	assert_int_equal(layer(p, "mptcp")->field0 + 0u,
	    (unsigned)(field_n(p, "tcp.option_kind", 5) - p->fields));
	assert_int_equal(field_n(p, "tcp.checksum", 0)->ck, ST_CK_GOOD);
	sweep_prefixes(DLT_RAW, MPCAP);
}

static void
test_mptcp_dss_add_addr(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MPDSS);

	(void)state;
	/* Two options as two layers, then what the segment carries. */
	assert_chain(p, "ipv4 tcp mptcp mptcp ssh");
	assert_int_equal(field_n(p, "tcp.options.mptcp.subtype", 0)->val, 3);
	assert_int_equal(fval(p, "tcp.options.mptcp.ipver"), 4);
	assert_int_equal(fval(p, "tcp.options.mptcp.addrid"), 1);
	assert_int_equal(field_n(p, "tcp.options.mptcp.subtype", 1)->val, 2);
	assert_int_equal(fval(p, "tcp.options.mptcp.flags"), 0x05);
	assert_int_equal(fval(p, "tcp.options.mptcp.dseqnpresent.flag"), 1);
	assert_int_equal(fval(p, "tcp.options.mptcp.rawdataack"), 3576348362u);
	assert_int_equal(fval(p, "tcp.options.mptcp.rawdataseqno"),
	    3518592144u);
	assert_int_equal(fval(p, "tcp.options.mptcp.subflowseqno"), 1);
	assert_int_equal(fval(p, "tcp.options.mptcp.datalvllen"), 41);
	assert_int_equal(fval(p, "tcp.options.mptcp.checksum"), 0x082f);
	/* The SSH decoder still finds the ports below the options. */
	assert_int_equal(fval(p, "ssh.direction"), 1);
	sweep_prefixes(DLT_RAW, MPDSS);
}

static void
test_mptcp_join_and_malformed(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MPJOIN);

	(void)state;
	assert_chain(p, "ipv4 tcp mptcp");
	assert_int_equal(fval(p, "tcp.options.mptcp.subtype"), 1);
	assert_int_equal(fval(p, "tcp.options.mptcp.flags"), 0x10);
	assert_int_equal(fval(p, "tcp.options.mptcp.addrid"), 1);
	assert_true(fval(p, "tcp.options.mptcp.sendtrunchmac") ==
	    6536553503648313405ull);
	assert_int_equal(fval(p, "tcp.options.mptcp.sendrand"), 866904533);
	sweep_prefixes(DLT_RAW, MPJOIN);
	/* A DSS whose flags ask for a mapping its 8 bytes cannot hold. */
	p = decode_hex(DLT_RAW, "45000030000040004006000001020304050607089c40"
	    "0050000003e8000000007002200000000000" "1e08200500000001");
	assert_chain(p, "ipv4 tcp mptcp");
	assert_int_equal(layer(p, "mptcp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "mptcp")->why, "need 18 bytes"));
	assert_int_equal(layer(p, "tcp")->status, ST_LS_OK);
	/* An MP_JOIN of no length MPTCP defines. */
	p = decode_hex(DLT_RAW, "45000030000040004006000001020304050607089c40"
	    "0050000003e8000000007002200000000000" "1e08100100000001");
	assert_int_equal(layer(p, "mptcp")->status, ST_LS_MALFORMED);
	/* Option 30 running past the header stays TCP's error. */
	p = decode_hex(DLT_RAW, "45000030000040004006000001020304050607089c40"
	    "0050000003e8000000007002200000000000" "01011e0c20050000");
	assert_int_equal(layer(p, "tcp")->status, ST_LS_MALFORMED);
}

/* RX (AFS) frames of zoo/afs.pcap: an ack with its trailer words, and an
 * rxkad response with its ticket. */
#define RXACK "4500005de246000040116fcb839720158397013b1b591b5800492ffb" \
	"bfcdb4be1b557a5c0000012200000000000001b002210002851400010000000000" \
	"000002000000010000015b0800696e650000163c000005a40000002000000004"
#define RXRESP "450000a8e259000040116f6d839720158397013b07001b5b009447a8" \
	"a13ba33e5b27adcc0000000000000000000000020701000200000034000000020000" \
	"000039c2f22f0f43dc289f2d47cd881bf449687a4b63ac52d65381b2f635027e85e0" \
	"bd9ce0a461a0611900000000000000383ec035b2e62ff8053c824063ef08e20585b6" \
	"287e17d67a110b29247bfb2cf77a5d47ecd473e0679f590f00004b0f00002a0f0000" \
	"0e0f0000"

static void
test_rx_ack_and_response(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, RXACK);

	(void)state;
	assert_chain(p, "ipv4 udp rx");
	assert_int_equal(fval(p, "rx.cid"), 458586716);
	assert_int_equal(fval(p, "rx.callnumber"), 290);
	assert_int_equal(fval(p, "rx.type"), 2);
	assert_int_equal(fval(p, "rx.flags"), 0x21);
	assert_int_equal(fval(p, "rx.flags.client_init"), 1);
	assert_int_equal(fval(p, "rx.serviceid"), 1);
	assert_int_equal(fval(p, "rx.first"), 2);
	assert_int_equal(field_n(p, "rx.serial", 1)->val, 347);
	assert_int_equal(fval(p, "rx.reason"), 8);
	assert_int_equal(fval(p, "rx.max_mtu"), 5692);
	assert_int_equal(fval(p, "rx.if_mtu"), 1444);
	assert_int_equal(fval(p, "rx.max_packets"), 4);
	assert_string_equal(field_n(p, "rx.epoch", 0)->meaning,
	    "Dec 21, 2071 13:16:46.000000000 UTC");
	sweep_prefixes(DLT_RAW, RXACK);
	p = decode_hex(DLT_RAW, RXRESP);
	assert_chain(p, "ipv4 udp rx");
	assert_int_equal(fval(p, "rx.version"), 2);
	assert_int_equal(field_n(p, "rx.callnumber", 4)->val, 41846240);
	assert_int_equal(fval(p, "rx.inc_nonce"), 0xbd9ce0a4);
	assert_int_equal(fval(p, "rx.ticket_len"), 56);
	assert_int_equal(field_n(p, "rx.ticket", 0)->bits, 56 * 8);
	sweep_prefixes(DLT_RAW, RXRESP);
}

static void
test_rx_not_rx(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Type 0 on port 7000: not RX, the payload is data. */
	p = decode_hex(DLT_RAW, "450000380000400040110000010203040506070809c41b58"
	    "00240000" "00000000000000000000000000000000000000000000000000000000");
	assert_chain(p, "ipv4 udp data");
	/* A ticket longer than the datagram: malformed. */
	p = decode_hex(DLT_RAW, "450000700000400040110000010203040506070809c41b58"
	    "005c0000" "00000001000000020000000000000000000000010700000200000034"
	    "00000002" "000000000000000000000000000000000000000000000000"
	    "000000000000000000000000000000000000000000000000" "0000ffff");
	assert_int_equal(layer(p, "rx")->status, ST_LS_MALFORMED);
}

/* AoE: a config answer with its string, an LBA48 read request. */
#define AOECFG "02000000000202000000000188a21800001400010000000000104019" \
	"021000096469736b016f6e6521"
#define AOEREAD "02000000000202000000000188a21000001400000001cd4a40000224" \
	"0010000000000000"

static void
test_aoe(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, AOECFG);

	(void)state;
	assert_chain(p, "eth aoe");
	assert_int_equal(fval(p, "aoe.version"), 1);
	assert_int_equal(fval(p, "aoe.response"), 1);
	assert_int_equal(fval(p, "aoe.major"), 20);
	assert_int_equal(fval(p, "aoe.cmd"), 1);
	assert_int_equal(fval(p, "strata.aoe.buffer_count"), 16);
	assert_int_equal(fval(p, "strata.aoe.config_length"), 9);
	assert_string_equal(field_n(p, "strata.aoe.config", 0)->meaning,
	    "disk\\x01one!");
	sweep_prefixes(DLT_EN10MB, AOECFG);
	p = decode_hex(DLT_EN10MB, AOEREAD);
	assert_chain(p, "eth aoe");
	assert_int_equal(fval(p, "aoe.tag"), 0x1cd4a);
	assert_int_equal(fval(p, "aoe.aflags.e"), 1);
	assert_int_equal(fval(p, "aoe.aflags.d"), 0);
	assert_false(has_field(p, "aoe.aflags.a"));
	assert_int_equal(fval(p, "aoe.sector_count"), 2);
	assert_int_equal(fval(p, "aoe.ata.cmd"), 0x24);
	assert_int_equal(fval(p, "aoe.lba"), 4096);	/* little-endian */
	sweep_prefixes(DLT_EN10MB, AOEREAD);
	/* A config string longer than AoE allows. */
	p = decode_hex(DLT_EN10MB, "02000000000202000000000188a21800001400010000"
	    "000000104019021004016469736b");
	assert_int_equal(layer(p, "aoe")->status, ST_LS_MALFORMED);
}

/* SCTP from captures/transport-sctp.pcap: a SACK and two DATA chunks (made
 * by strata's crafter), an INIT with parameters, a SACK with gap blocks,
 * an ERROR with a cause. */
#define SCTPDATA "45000060000100004084edf1c6120001c61200021388138900001234" \
	"e04fdc2c03000010000000070000ffff000000000003001500000001000000000000" \
	"000068656c6c6f00000000030016000000010000000000000000776f726c64210000"
#define SCTPINIT "4500006c000140004084ade5c6120002c6120001138913880000432" \
	"11baf94bb0100004c000000630000ffff00050005000003e800050008c612000300" \
	"06001420010db8000000000000000000000003000c00060005000600090008000001" \
	"f480080007c180c000c0000004"
#define SCTPSACK "4500003c000140004084ae15c6120002c612000113891388000043" \
	"21ffe864170300001c000000640000100000020001000200030005000500000062"

static void
test_sctp_data(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SCTPDATA);

	(void)state;
	/* As Wireshark: user data a layer, the chunks after it another. */
	assert_chain(p, "ipv4 sctp data sctp-chunks data");
	assert_int_equal(fval(p, "sctp.srcport"), 5000);
	assert_int_equal(fval(p, "sctp.verification_tag"), 0x1234);
	assert_int_equal(field_n(p, "sctp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "sctp.sack_cumulative_tsn_ack_raw"), 7);
	assert_int_equal(field_n(p, "sctp.chunk_type", 1)->val, 0);
	assert_int_equal(fval(p, "sctp.data_b_bit"), 1);
	assert_int_equal(field_n(p, "sctp.chunk_length", 1)->val, 21);
	assert_int_equal(field_n(p, "sctp.chunk_padding", 0)->bits, 24);
	assert_int_equal(field_n(p, "data.len", 1)->val, 6);
	assert_int_equal(layer(p, "sctp-chunks")->off, 72);
	sweep_prefixes(DLT_RAW, SCTPDATA);
}

static void
test_sctp_init_sack(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SCTPINIT);

	(void)state;
	assert_chain(p, "ipv4 sctp");
	assert_int_equal(field_n(p, "sctp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "sctp.init_initiate_tag"), 99);
	assert_int_equal(fval(p, "sctp.initiate_tag"), 99);
	assert_int_equal(fval(p, "sctp.init_initial_tsn"), 1000);
	assert_int_equal(field_n(p, "sctp.parameter_type", 0)->val, 5);
	assert_non_null(field_n(p, "sctp.parameter_ipv6_address", 0));
	assert_int_equal(fval(p, "sctp.parameter_supported_address_type"), 5);
	assert_int_equal(fval(p, "sctp.parameter_cookie_preservative_incr"),
	    500);
	assert_int_equal(field_n(p, "sctp.supported_chunk_type", 2)->val,
	    0xc0);
	sweep_prefixes(DLT_RAW, SCTPINIT);
	p = decode_hex(DLT_RAW, SCTPSACK);
	assert_int_equal(fval(p, "sctp.sack_number_of_gap_blocks"), 2);
	assert_int_equal(field_n(p, "sctp.sack_gap_block_end", 1)->val, 5);
	assert_int_equal(fval(p, "sctp.sack_duplicate_tsn"), 98);
	sweep_prefixes(DLT_RAW, SCTPSACK);
}

static void
test_sctp_malformed_and_craft(void **state)
{
	static struct st_packet cp;
	static uint8_t buf[ST_PKT_MAX];
	const struct st_packet *p;

	(void)state;
	/* A bad CRC32c (the last byte of the chunk changed). */
	p = decode_hex(DLT_RAW, "4500003c000140004084ae15c6120002c6120001138913"
	    "8800004321ffe864170300001c000000640000100000020001000200030005"
	    "000500000063");
	assert_int_equal(field_n(p, "sctp.checksum", 0)->ck, ST_CK_BAD);
	/* A SACK whose gap blocks exceed its length. */
	p = decode_hex(DLT_RAW, "45000030000140004084ae15c6120002c6120001138913"
	    "8800004321000000000300001000000064000010000009000000");
	assert_int_equal(layer(p, "sctp")->status, ST_LS_MALFORMED);
	/* A chunk length below 4. */
	p = decode_hex(DLT_RAW, "45000024000140004084ae15c6120002c6120001138913"
	    "880000432100000000" "0b000002");
	assert_int_equal(layer(p, "sctp")->status, ST_LS_MALFORMED);
	/* The crafter computes the CRC32c the decoder verifies. */
	p = craft(&cp, buf, "ip(src=198.18.0.1,dst=198.18.0.2)/sctp(sport=1,"
	    "dport=2,init=7,data=00ff)");
	assert_chain(p, "ipv4 sctp data");
	assert_int_equal(fval(p, "ip.proto"), 132);
	assert_int_equal(field_n(p, "sctp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "sctp.init_initiate_tag"), 7);
	assert_int_equal(field_n(p, "sctp.chunk_type", 1)->val, 0);
}

/* GTP: a T-PDU with a PDU session container extension header carrying
 * IPv4/UDP, and a version 0 header. */
#define GTPU "4500004c000140004011ae78c6120001c612000208680868003859c934ff00" \
	"280000001100000085011009004500002000014000401126ca0a0000010a000002" \
	"03e80035000c000061626364"
#define GTP0 "45000030000140004011ae94c6120001c61200020d3a0d3a001c3b1c1e01" \
	"000014000000ffffffff4200011032547698"

static void
test_gtp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, GTPU);

	(void)state;
	assert_chain(p, "ipv4 udp gtp ipv4 udp data");
	assert_int_equal(fval(p, "gtp.flags.version"), 1);
	assert_int_equal(fval(p, "gtp.flags.e"), 1);
	assert_int_equal(fval(p, "gtp.message"), 255);
	assert_int_equal(fval(p, "gtp.length"), 40);
	assert_int_equal(fval(p, "gtp.teid"), 0x11);
	assert_int_equal(field_n(p, "gtp.ext_hdr.next", 0)->val, 0x85);
	assert_int_equal(fval(p, "gtp.ext_hdr.length"), 1);
	assert_int_equal(layer(p, "gtp")->hdr_len, 16);
	sweep_prefixes(DLT_RAW, GTPU);
	p = decode_hex(DLT_RAW, GTP0);
	/* UDP 3386: Wireshark's gtpprime, with GTP's fields. */
	assert_chain(p, "ipv4 udp gtpprime");
	assert_int_equal(fval(p, "gtp.flags.version"), 0);
	assert_int_equal(fval(p, "gtp.seq_number"), 0x1400);
	assert_string_equal(field_n(p, "gtp.tid", 0)->meaning,
	    "2400100123456789");	/* low nibble first */
	sweep_prefixes(DLT_RAW, GTP0);
	/* An extension header of length 0 would never end. */
	p = decode_hex(DLT_RAW, "4500002c000140004011ae78c6120001c61200020868"
	    "0868001800003400000c00000011000000850010090000000000");
	assert_int_equal(layer(p, "gtp")->status, ST_LS_MALFORMED);
}

/* PGM: an ODATA with an OPT_LENGTH option and 5 bytes of data, a NAK. */
#define PGMODATA "450000390001400040718430c6120001efff0010340815bb0401d07d3329" \
	"041eba7400050000d6a700005472000400088104000068656c6c6f"
#define PGMNAK "450000380001400040718431c6120001efff0010340815bb08002fb33329" \
	"041eba7400000000d6a700010000c612000100010000efff0010"

static void
test_pgm(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, PGMODATA);

	(void)state;
	assert_chain(p, "ipv4 pgm data");
	assert_int_equal(fval(p, "pgm.hdr.type"), 4);
	assert_int_equal(fval(p, "pgm.hdr.opts.opt"), 1);
	assert_int_equal(field_n(p, "pgm.hdr.cksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "pgm.hdr.tsdulen"), 5);
	assert_int_equal(fval(p, "pgm.spm.sqn"), 0xd6a7);
	assert_int_equal(field_n(p, "strata.pgm.options", 0)->bits, 64);
	assert_int_equal(layer(p, "pgm")->hdr_len, 32);
	sweep_prefixes(DLT_RAW, PGMODATA);
	p = decode_hex(DLT_RAW, PGMNAK);
	assert_chain(p, "ipv4 pgm");
	assert_int_equal(fval(p, "pgm.nak.sqn"), 0xd6a7);
	assert_non_null(field_n(p, "pgm.nak.src.ipv4", 0));
	assert_non_null(field_n(p, "pgm.nak.grp.ipv4", 0));
	sweep_prefixes(DLT_RAW, PGMNAK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_syn),
		cmocka_unit_test(test_tcp_sack_and_data),
		cmocka_unit_test(test_tcp_malformed),
		cmocka_unit_test(test_udp_checksums),
		cmocka_unit_test(test_udp_length_below_header),
		cmocka_unit_test(test_mptcp_capable),
		cmocka_unit_test(test_mptcp_dss_add_addr),
		cmocka_unit_test(test_mptcp_join_and_malformed),
		cmocka_unit_test(test_rx_ack_and_response),
		cmocka_unit_test(test_rx_not_rx),
		cmocka_unit_test(test_aoe),
		cmocka_unit_test(test_sctp_data),
		cmocka_unit_test(test_sctp_init_sack),
		cmocka_unit_test(test_sctp_malformed_and_craft),
		cmocka_unit_test(test_gtp),
		cmocka_unit_test(test_pgm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
