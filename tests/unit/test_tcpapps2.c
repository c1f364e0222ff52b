/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tcpapps2 family (application protocols on their TCP and UDP ports):
 * OpenVPN (UDP and TCP 1194: its header with and without tls-auth, ACK
 * arrays, TLS handed on, several packets in a segment); memcache (TCP and
 * UDP 11211: binary messages, text commands and answers, UDP's frame
 * header); MGCP (UDP and TCP 2427 and 2727: the first line, parameters
 * and their parts, SDP after the empty line, several messages in a
 * datagram); TDS (TCP 1433 and 2433 and by content: the header and a
 * PRELOGIN's options); BEEP (TCP 10288: frame headers, MIME header,
 * payload, SEQ); LPD (TCP 515: commands, answers, data); Git's
 * smart protocol (TCP 9418: pkt-lines, bands, special lengths); rsync
 * (TCP 873: each side's place in the daemon's dialogue).  Each with exact
 * values from hand-written bytes, a truncated and a malformed
 * variant, and every shorter prefix of one frame.
 */
#include <stdio.h>

#include "strata/expect.h"
#include "testutil.h"

static char hexbuf[4096];

/* An IPv4 packet 198.18.0.1:40000 -> 198.18.0.2:port (or back) of
 * protocol proto (6 or 17) carrying pay (hex); checksums left 0. */
static const char *
ip_pkt(int proto, int back, unsigned port, const char *pay)
{
	size_t n = strlen(pay) / 2, hl = proto == 6 ? 20 : 8;
	char th[64];

	if (proto == 6)
		snprintf(th, sizeof(th), "%04x%04x0000000100000001501820000000"
		    "0000", back ? port : 40000, back ? 40000 : port);
	else
		snprintf(th, sizeof(th), "%04x%04x%04zx0000", back ? port :
		    40000, back ? 40000 : port, 8 + n);
	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx000040004%s0000%s%s%s%s",
	    20 + hl + n, proto == 6 ? "006" : "011",
	    back ? "c6120002" : "c6120001", back ? "c6120001" : "c6120002",
	    th, pay);
	return hexbuf;
}

#define TCP(back, port, pay)	ip_pkt(6, back, port, pay)
#define UDP(back, port, pay)	ip_pkt(17, back, port, pay)

static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

/* A server's hard reset acknowledging packets 5 and 6 of session
 * 1122334455667788, its own message packet ID 9. */
#define OVPN_RESET \
	"4500003a000140004011ae8ac6120002c612000104aa9c410026e855" \
	"40112233445566778802000000050000000688776655443322110000" \
	"0009"

/* A TLS 1.2 ClientHello record: one suite, no extensions. */
#define CHELLO "160301002d01000029" "0303" \
	"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" \
	"000002002f0100"

static void
test_openvpn(void **state)
{
	const struct st_packet *p;
	char pay[512];

	(void)state;
	p = decode_hex(DLT_RAW, OVPN_RESET);
	assert_chain(p, "ipv4 udp openvpn");
	assert_int_equal(fval(p, "openvpn.type"), 0x40);
	assert_int_equal(fval(p, "openvpn.opcode"), 8);
	assert_int_equal(fval(p, "openvpn.keyid"), 0);
	assert_true(fval(p, "openvpn.sessionid") == 0x1122334455667788ULL);
	assert_int_equal(fval(p, "openvpn.mpidarraylength"), 2);
	assert_int_equal(field_n(p, "openvpn.mpidarrayelement", 0)->val, 5);
	assert_int_equal(field_n(p, "openvpn.mpidarrayelement", 1)->val, 6);
	assert_true(fval(p, "openvpn.rsessionid") == 0x8877665544332211ULL);
	assert_int_equal(fval(p, "openvpn.mpid"), 9);
	assert_false(has_field(p, "openvpn.hmac"));

	/* P_CONTROL_V1: its TLS handed on. */
	p = decode_hex(DLT_RAW, UDP(0, 1194, "20" "1122334455667788" "00"
	    "00000001" CHELLO));
	assert_chain(p, "ipv4 udp openvpn tls");
	assert_int_equal(fval(p, "openvpn.mpid"), 1);
	assert_int_equal(fval(p, "tls.handshake.type"), 1);

	/* tls-auth: an HMAC's bytes after the session ID. */
	p = decode_hex(DLT_RAW, UDP(0, 1194, "38" "1122334455667788"
	    "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" "00000001" "6553f100"
	    "00" "00000000"));
	assert_int_equal(field_n(p, "openvpn.hmac", 0)->bits, 160);
	assert_int_equal(fval(p, "openvpn.pid"), 1);
	assert_string_equal(field_n(p, "openvpn.net_time", 0)->meaning,
	    "Nov 14, 2023 22:13:20.000000000 UTC");
	assert_int_equal(fval(p, "openvpn.mpidarraylength"), 0);

	/* P_DATA_V2: a peer ID, then data. */
	p = decode_hex(DLT_RAW, UDP(0, 1194, "48000007" "0102030405"));
	assert_int_equal(fval(p, "openvpn.peerid"), 7);
	assert_int_equal(field_n(p, "openvpn.data", 0)->bits, 40);

	/* A control packet of 100 bytes: a fragment, shown as bytes. */
	snprintf(pay, sizeof(pay), "20" "1122334455667788" "00" "00000002"
	    "%0200d", 0);
	p = decode_hex(DLT_RAW, UDP(0, 1194, pay));
	assert_chain(p, "ipv4 udp openvpn");
	assert_int_equal(field_n(p, "openvpn.fragment_bytes", 0)->bits, 800);

	/* TCP: an ACK and a P_CONTROL_V1 in one segment, each after its
	 * length. */
	p = decode_hex(DLT_RAW, TCP(0, 1194, "0016" "28" "1122334455667788"
	    "01" "00000000" "8877665544332211" "0040" "20"
	    "1122334455667788" "00" "00000001" CHELLO));
	assert_chain(p, "ipv4 tcp openvpn openvpn tls");
	assert_int_equal(field_n(p, "openvpn.plen", 0)->val, 22);
	assert_int_equal(field_n(p, "openvpn.plen", 1)->val, 64);
	assert_int_equal(field_n(p, "openvpn.opcode", 1)->val, 4);

	/* tls-crypt-v2: packet ID, time, HMAC-SHA256, data, wrapped key. */
	p = decode_hex(DLT_RAW, UDP(0, 1194, "50" "1122334455667788"
	    "00000001" "6553f101"
	    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	    "8081" "4041424344450008"));
	assert_int_equal(field_n(p, "openvpn.hmac", 0)->bits, 256);
	assert_int_equal(field_n(p, "openvpn.data", 0)->bits, 16);
	assert_int_equal(field_n(p, "openvpn.wkc", 0)->bits, 64);
	assert_int_equal(fval(p, "openvpn.wkc_len"), 8);
}

static void
test_openvpn_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture inside the ACK array. */
	n = hexbytes(OVPN_RESET);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(n - 14), (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	p = &tpkt;
	assert_int_equal(last_layer(p, "openvpn")->status, ST_LS_TRUNCATED);
	assert_int_equal(field_n(p, "openvpn.mpidarrayelement", 0)->val, 5);
	/* A wrapped client key longer than the packet. */
	p = decode_hex(DLT_RAW, UDP(0, 1194, "50" "1122334455667788"
	    "00000001" "6553f101"
	    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	    "8081" "00ff"));
	assert_int_equal(last_layer(p, "openvpn")->status, ST_LS_MALFORMED);
	/* A TCP packet whose length runs past the segment: noted. */
	p = decode_hex(DLT_RAW, TCP(0, 1194, "0100" "38" "1122334455667788"
	    "00"));
	assert_true(has_note(p, "continues in a later segment"));
	sweep_prefixes(DLT_RAW, OVPN_RESET);
}

/* A binary Set request (flags 0xdeadbeef, expiration 300, key foo, value
 * hello) and a Get request for foo, in one TCP segment. */
#define MC_SETGET \
	"4500006b000140004006ae64c6120001c61200029c402bcb00000001" \
	"000000015018ffff3749000080010003080000000000001000000001" \
	"0000000000000000deadbeef0000012c666f6f68656c6c6f80000003" \
	"0000000000000003000000020000000000000000666f6f"

static void
test_memcache_binary(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, MC_SETGET);
	assert_chain(p, "ipv4 tcp memcache memcache");
	assert_int_equal(fval(p, "memcache.magic"), 0x80);
	assert_int_equal(field_n(p, "memcache.opcode", 0)->val, 1);
	assert_int_equal(field_n(p, "memcache.opcode", 1)->val, 0);
	assert_int_equal(fval(p, "memcache.key.length"), 3);
	assert_int_equal(fval(p, "memcache.extras.length"), 8);
	assert_int_equal(fval(p, "memcache.value.length"), 5);
	assert_int_equal(fval(p, "memcache.total_body_length"), 16);
	assert_int_equal(fval(p, "memcache.opaque"), 1);
	assert_int_equal(fval(p, "memcache.extras.flags"), 0xdeadbeef);
	assert_int_equal(fval(p, "memcache.extras.expiration"), 300);
	assert_string_equal(field_n(p, "memcache.key", 0)->meaning, "foo");
	assert_string_equal(field_n(p, "memcache.value", 0)->meaning,
	    "hello");
	assert_string_equal(field_n(p, "memcache.key", 1)->meaning, "foo");
	assert_int_equal(field_n(p, "memcache.opaque", 1)->val, 2);
	/* A response's status, and its error text as the value. */
	p = decode_hex(DLT_RAW, TCP(1, 11211, "8100000000000001000000090000"
	    "00030000000000000000" "4e6f7420666f756e64"));
	assert_int_equal(fval(p, "memcache.status"), 1);
	assert_string_equal(field_n(p, "memcache.value", 0)->meaning,
	    "Not found");
	assert_true(has_note(p, "Key not found"));
	/* An increment's answer: the new value as a number. */
	p = decode_hex(DLT_RAW, TCP(1, 11211, "8105000000000000000000080000"
	    "00040000000000000009" "000000000000000c"));
	assert_int_equal(fval(p, "memcache.extras.response"), 12);
}

static void
test_memcache_text(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* set foo 5 300 5, hello */
	p = decode_hex(DLT_RAW, TCP(0, 11211,
	    "73657420666f6f20352033303020350d0a68656c6c6f0d0a"));
	assert_chain(p, "ipv4 tcp memcache");
	assert_string_equal(field_n(p, "memcache.command", 0)->meaning, "set");
	assert_string_equal(field_n(p, "memcache.key", 0)->meaning, "foo");
	assert_int_equal(fval(p, "memcache.flags"), 5);
	assert_int_equal(fval(p, "memcache.expiration"), 300);
	assert_int_equal(fval(p, "memcache.value.length"), 5);
	assert_string_equal(field_n(p, "memcache.value", 0)->meaning,
	    "hello");
	/* VALUE foo 5 5, hello, END */
	p = decode_hex(DLT_RAW, TCP(1, 11211,
	    "56414c554520666f6f203520350d0a68656c6c6f0d0a454e440d0a"));
	assert_string_equal(field_n(p, "memcache.key", 0)->meaning, "foo");
	assert_string_equal(field_n(p, "memcache.value", 0)->meaning,
	    "hello");
	/* STAT items:1:number 3, STAT pid 77, END */
	p = decode_hex(DLT_RAW, TCP(1, 11211,
	    "53544154206974656d733a313a6e756d62657220330d0a5354415420"
	    "7069642037370d0a454e440d0a"));
	assert_string_equal(field_n(p, "memcache.subcommand", 0)->meaning,
	    "items");
	assert_int_equal(fval(p, "memcache.slabclass"), 1);
	assert_string_equal(field_n(p, "memcache.name", 0)->meaning,
	    "number");
	assert_string_equal(field_n(p, "memcache.name_value", 1)->meaning,
	    "77");
	/* delete foo noreply */
	p = decode_hex(DLT_RAW, TCP(0, 11211,
	    "64656c65746520666f6f206e6f7265706c790d0a"));
	assert_string_equal(field_n(p, "memcache.noreply", 0)->meaning,
	    "noreply");
	/* UDP: the frame header (request 1, 1 datagram), then get foo. */
	p = decode_hex(DLT_RAW, UDP(0, 11211, "0001000000010000"
	    "67657420666f6f0d0a"));
	assert_int_equal(fval(p, "strata.memcache.request_id"), 1);
	assert_int_equal(fval(p, "strata.memcache.datagrams"), 1);
	assert_string_equal(field_n(p, "memcache.key", 0)->meaning, "foo");
	/* An incr's bare answer starts no message Wireshark knows. */
	p = decode_hex(DLT_RAW, TCP(1, 11211, "380d0a"));
	assert_chain(p, "ipv4 tcp memcache");
	assert_true(has_note(p, "continuation"));
}

static void
test_memcache_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* The header cut by the capture. */
	n = hexbytes(MC_SETGET);
	st_pkt_reset(&tpkt, tbuf, 40 + 20, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(last_layer(&tpkt, "memcache")->status,
	    ST_LS_TRUNCATED);
	/* Extras and key longer than the body. */
	p = decode_hex(DLT_RAW, UDP(0, 11211, "800100030800000000000004"
	    "0000000000000000000000000000000000000000666f6f76"));
	assert_int_equal(last_layer(p, "memcache")->status, ST_LS_MALFORMED);
	assert_string_equal(field_n(p, "memcache.key", 0)->meaning, "foo");
	sweep_prefixes(DLT_RAW, MC_SETGET);
}

/* CRCX 1204 aaln/1@rgw MGCP 1.0, C: A3C4, L: p:10, a:PCMU, M: recvonly;
 * UDP 2727 to 2427. */
#define MGCP_CRCX \
	"45000062000140004011ae62c6120001c61200020aa7097b004ef0e1" \
	"4352435820313230342061616c6e2f3140726777204d47435020312e" \
	"300d0a433a20413343340d0a4c3a20703a31302c20613a50434d550d" \
	"0a4d3a20726563766f6e6c790d0a"

static void
test_mgcp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, MGCP_CRCX);
	assert_chain(p, "ipv4 udp mgcp");
	assert_string_equal(field_n(p, "mgcp.req.verb", 0)->meaning, "CRCX");
	assert_string_equal(field_n(p, "mgcp.transid", 0)->meaning, "1204");
	assert_string_equal(field_n(p, "mgcp.req.endpoint", 0)->meaning,
	    "aaln/1@rgw");
	assert_string_equal(field_n(p, "mgcp.version", 0)->meaning,
	    "MGCP 1.0");
	assert_int_equal(fval(p, "mgcp.req"), 1);
	assert_string_equal(field_n(p, "mgcp.param.callid", 0)->meaning,
	    "A3C4");
	/* the options: the whole line, then its parts */
	assert_string_equal(field_n(p, "mgcp.param.localconnectionoptions",
	    0)->meaning, "L: p:10, a:PCMU");
	assert_int_equal(fval(p, "mgcp.param.localconnectionoptions.p"), 10);
	assert_string_equal(field_n(p, "mgcp.param.localconnectionoptions.a",
	    0)->meaning, "PCMU");
	assert_string_equal(field_n(p, "mgcp.param.connectionmode",
	    0)->meaning, "recvonly");
	assert_int_equal(fval(p, "mgcp.messagecount"), 1);
	/* 200 1204 OK, I: FDE2, an empty line, then SDP */
	p = decode_hex(DLT_RAW, UDP(1, 2427, "3230302031323034204f4b0d0a493a"
	    "20464445320d0a0d0a763d300d0a"));
	assert_chain(p, "ipv4 udp mgcp sdp");
	assert_int_equal(fval(p, "mgcp.rsp.rspcode"), 200);
	assert_string_equal(field_n(p, "mgcp.rsp.rspstring", 0)->meaning,
	    "OK");
	assert_string_equal(field_n(p, "mgcp.param.connectionid",
	    0)->meaning, "FDE2");
	/* two messages in a datagram, after a "." line */
	p = decode_hex(DLT_RAW, UDP(0, 2427, "3230302035323030204f4b0d0a2e0d"
	    "0a52514e5420313230352061616c6e2f3140726777204d47435020312e"
	    "300d0a583a2030410d0a"));
	assert_chain(p, "ipv4 udp mgcp mgcp");
	assert_string_equal(field_n(p, "mgcp.transid", 1)->meaning, "1205");
	assert_string_equal(field_n(p, "mgcp.param.requestid", 0)->meaning,
	    "0A");
	assert_int_equal(fval(p, "mgcp.messagecount"), 2);
	/* connection parameters: numbers, a vendor's, an unknown name, a
	 * part without "="; an extension and an invalid line, whole */
	p = decode_hex(DLT_RAW, UDP(1, 2427, "32353020313231300d0a503a205053"
	    "3d31322c20582d41423d372c2051513d312c206261640d0a582b4d7573"
	    "743a207965730d0a573a206e6f0d0a"));
	assert_int_equal(fval(p, "mgcp.param.connectionparam.ps"), 12);
	assert_string_equal(field_n(p, "mgcp.param.connectionparam.x",
	    0)->meaning, "7");
	assert_string_equal(field_n(p, "mgcp.unknown_parameter", 0)->meaning,
	    " QQ=1");
	assert_string_equal(field_n(p, "mgcp.rsp.malformed_parameter",
	    0)->meaning, " bad");
	assert_string_equal(field_n(p, "mgcp.param.extensioncritical",
	    0)->meaning, "X+Must: yes");
	assert_string_equal(field_n(p, "mgcp.param.invalid", 0)->meaning,
	    "W: no");
}

static void
test_mgcp_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* a verb of five letters: not MGCP */
	p = decode_hex(DLT_RAW, UDP(0, 2427, "435243585820312061204d47435020"
	    "312e300d0a"));
	assert_chain(p, "ipv4 udp data");
	/* cut by the capture inside the options: what is there */
	n = hexbytes(MGCP_CRCX);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(n - 20), (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	assert_string_equal(field_n(&tpkt, "mgcp.param.callid", 0)->meaning,
	    "A3C4");
	assert_true(has_note(&tpkt, "capture"));
	sweep_prefixes(DLT_RAW, MGCP_CRCX);
}

/* A PRELOGIN to TCP 1433: version 15.0.2000 sub-build 0x0201,
 * encryption 2, instance "SQL", MARS on. */
#define TDS_PRELOGIN \
	"45000051000140004006ae7ec6120001c61200029c40059900000001" \
	"000000015018ffffbfc700001201002900000100000015000601001b" \
	"000102001c00040400200001ff0f0007d001020253514c0001"

/* A LOGIN7 of TDS version 0x70, every string empty. */
#define TDS_LOGIN7 "10010066000001005e00000000000070" \
	"00000000000000000000000000000000000000000000000000000000" \
	"5e0000005e0000005e0000005e0000005e0000005e0000005e000000" \
	"5e0000005e0000000000000000005e0000005e0000005e0000000000" \
	"0000"

static void
test_tds(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TDS_PRELOGIN);
	assert_chain(p, "ipv4 tcp tds");
	assert_int_equal(fval(p, "tds.type"), 18);
	assert_int_equal(fval(p, "tds.status"), 1);
	assert_int_equal(fval(p, "tds.status.eom"), 1);
	assert_int_equal(fval(p, "tds.length"), 41);
	assert_int_equal(fval(p, "tds.packet_number"), 1);
	assert_int_equal(field_n(p, "tds.prelogin.option.token", 0)->val, 0);
	assert_int_equal(field_n(p, "tds.prelogin.option.offset", 0)->val,
	    21);
	assert_int_equal(fval(p, "tds.prelogin.option.version"), 0x0f0007d0);
	assert_int_equal(fval(p, "tds.prelogin.option.subbuild"), 0x0201);
	assert_int_equal(fval(p, "tds.prelogin.option.encryption"), 2);
	assert_string_equal(field_n(p, "tds.prelogin.option.instopt",
	    0)->meaning, "SQL");
	assert_int_equal(fval(p, "tds.prelogin.option.mars"), 1);
	assert_int_equal(field_n(p, "tds.prelogin.option.token", 4)->val,
	    255);
	/* two packets in a segment */
	p = decode_hex(DLT_RAW, TCP(0, 1433, "1201002900000100000015000601001b"
	    "000102001c00040400200001ff0f0007d001020253514c0001"
	    "0601000800000100"));
	assert_chain(p, "ipv4 tcp tds tds");
	assert_int_equal(field_n(p, "tds.type", 1)->val, 6);
	/* a LOGIN7 on another port, by Wireshark's heuristic; a PRELOGIN
	 * there is not enough */
	p = decode_hex(DLT_RAW, TCP(0, 40999, TDS_LOGIN7));
	assert_chain(p, "ipv4 tcp tds");
	assert_int_equal(fval(p, "tds.type"), 16);
	p = decode_hex(DLT_RAW, TCP(0, 40998, "1201002900000100000015000601"
	    "001b000102001c00040400200001ff0f0007d001020253514c0001"));
	assert_chain(p, "ipv4 tcp data");
}

static void
test_tds_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* an option's value past the payload */
	p = decode_hex(DLT_RAW, TCP(0, 1433, "12010014000001000000c8000601ff"
	    "000000000000"));
	assert_int_equal(last_layer(p, "tds")->status, ST_LS_MALFORMED);
	/* a length below the header's */
	p = decode_hex(DLT_RAW, TCP(0, 1433, "1201000400000100"));
	assert_int_equal(last_layer(p, "tds")->status, ST_LS_MALFORMED);
	/* cut by the capture inside the header */
	n = hexbytes(TDS_PRELOGIN);
	st_pkt_reset(&tpkt, tbuf, 40 + 5, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(last_layer(&tpkt, "tds")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, TDS_PRELOGIN);
}

/* 2 "lp" LF to TCP 515: receive a job for queue lp. */
#define LPD_RECV \
	"4500002c000140004006aea3c6120001c612000202d1020300000001" \
	"000000015018ffffac540000026c700a"

static void
test_lpd(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* 2 "lp" LF: receive a job for queue lp */
	p = decode_hex(DLT_RAW, LPD_RECV);
	assert_chain(p, "ipv4 tcp lpd");
	assert_int_equal(fval(p, "lpd.request"), 1);
	assert_int_equal(fval(p, "lpd.client_code"), 2);
	assert_string_equal(field_n(p, "lpd.printer_option", 0)->meaning,
	    "lp");
	/* the operands end at a NUL before the LF */
	p = decode_hex(DLT_RAW, TCP(0, 515, "056c7000757365720a"));
	assert_string_equal(field_n(p, "lpd.printer_option", 0)->meaning,
	    "lp");
	/* one byte: the answer, by its form, from either side */
	p = decode_hex(DLT_RAW, TCP(1, 515, "00"));
	assert_int_equal(fval(p, "lpd.response"), 1);
	assert_int_equal(fval(p, "lpd.response_code"), 0);
	/* a control file's lines: data */
	p = decode_hex(DLT_RAW, TCP(0, 515, "48686f73740a50757365720a"));
	assert_chain(p, "ipv4 tcp lpd data");
	assert_false(has_field(p, "lpd.client_code"));
}

static void
test_lpd_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* a command without its LF, and an answer of no known code */
	p = decode_hex(DLT_RAW, TCP(0, 515, "026c70"));
	assert_chain(p, "ipv4 tcp lpd data");
	p = decode_hex(DLT_RAW, TCP(1, 515, "07"));
	assert_chain(p, "ipv4 tcp lpd data");
	assert_false(has_field(p, "lpd.response_code"));
	/* cut by the capture: what is there, no answer made of one byte */
	n = hexbytes(LPD_RECV);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(n - 3), (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	assert_false(has_field(&tpkt, "lpd.response"));
	sweep_prefixes(DLT_RAW, LPD_RECV);
}

/* A git-upload-pack request and a flush, in one segment to TCP 9418. */
#define GIT_REQ \
	"4500004e000140004006ae81c6120001c61200029c4024ca00000001" \
	"000000015018ffff637b0000303032326769742d75706c6f61642d70" \
	"61636b202f702e67697400686f73743d780030303030"

static void
test_git(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, GIT_REQ);
	assert_chain(p, "ipv4 tcp git git");
	assert_int_equal(field_n(p, "git.length", 0)->val, 0x22);
	assert_int_equal(field_n(p, "git.data", 0)->bits, 30 * 8);
	assert_int_equal(fval(p, "git.packet_type"), 0);
	/* "version 2", then progress text on band 2 */
	p = decode_hex(DLT_RAW, TCP(1, 9418, "3030306576657273696f6e20320a30"
	    "30306502436f756e74696e670d"));
	assert_int_equal(fval(p, "git.version"), '2');
	assert_int_equal(fval(p, "git.sideband_control_code"), 2);
	assert_int_equal(field_n(p, "git.data", 1)->bits, 9 * 8);
	/* protocol v2's delimiter and response end */
	p = decode_hex(DLT_RAW, TCP(0, 9418, "30303031" "30303032"));
	assert_int_equal(field_n(p, "git.packet_type", 0)->val, 1);
	assert_int_equal(field_n(p, "git.packet_type", 1)->val, 2);
}

static void
test_git_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* a pkt-line of no data; an unknown special length */
	p = decode_hex(DLT_RAW, TCP(0, 9418, "30303034"));
	assert_int_equal(last_layer(p, "git")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_RAW, TCP(0, 9418, "30303033"));
	assert_true(has_note(p, "unknown special pkt-len"));
	/* no hex digits: not Git */
	p = decode_hex(DLT_RAW, TCP(0, 9418, "7a7a7a7a"));
	assert_chain(p, "ipv4 tcp data");
	/* a length past the segment: noted; cut by the capture: truncated */
	p = decode_hex(DLT_RAW, TCP(0, 9418, "3030666673686f7274"));
	assert_true(has_note(p, "continues in a later segment"));
	n = hexbytes(GIT_REQ);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(n - 10), (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(last_layer(&tpkt, "git")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, GIT_REQ);
}

/* An rsync daemon's greeting, from TCP 873. */
#define RSYNC_HELLO \
	"45000036000140004006ae99c6120002c612000103699c4000000001" \
	"000000015018ffffdc560000405253594e43443a2033312e300a"

/*
 * A conversation frame by frame: each side's place moves on with its
 * frames (the greetings, the empty query asking for the module list, the
 * list to @RSYNCD: EXIT, then data); frame 5 decoded again reads the
 * same; frame 1 again starts a new capture.
 */
static void
test_rsync(void **state)
{
	static const struct {
		int		 back;
		const char	*pay;
		uint64_t	 num;
		const char	*field;
	} steps[] = {
		{ 1, "405253594e43443a2033312e300a", 1, "rsync.hdr_version" },
		{ 0, "405253594e43443a2033312e300a", 2, "rsync.hdr_version" },
		{ 0, "0a", 3, "rsync.query" },
		{ 1, "7075620a405253594e43443a20455849540a", 4,
		    "rsync.module_list" },
		{ 1, "0708", 5, "rsync.data" },
		{ 1, "0708", 5, "rsync.data" },
		{ 1, "405253594e43443a2033312e300a", 1, "rsync.hdr_magic" },
	};
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		n = hexbytes(TCP(steps[i].back, 873, steps[i].pay));
		st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
		tpkt.num = steps[i].num;
		st_decode(&tpkt, DLT_RAW);
		assert_chain(&tpkt, "ipv4 tcp rsync");
		if (!has_field(&tpkt, steps[i].field))
			fail_msg("step %zu: no %s", i, steps[i].field);
	}
	assert_int_equal(field_n(&tpkt, "rsync.hdr_version", 0)->bits, 5 * 8);
	assert_string_equal(field_n(&tpkt, "rsync.hdr_magic", 0)->meaning,
	    "@RSYNCD:");
}

static void
test_rsync_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* a greeting shorter than the magic (frame 0: a fresh table) */
	p = decode_hex(DLT_RAW, TCP(1, 873, "405253"));
	assert_int_equal(last_layer(p, "rsync")->status, ST_LS_MALFORMED);
	/* cut by the capture inside the magic */
	n = hexbytes(RSYNC_HELLO);
	st_pkt_reset(&tpkt, tbuf, 40 + 5, (uint32_t)n);
	tpkt.num = 1;
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(last_layer(&tpkt, "rsync")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, RSYNC_HELLO);
}

/* MSG 0 1 . 0 21, a start element and END, to TCP 10288. */
#define BEEP_MSG \
	"45000052000140004006ae7dc6120001c61200029c40283000000001" \
	"000000015018ffff4c1000004d534720302031202e20302032310d0a" \
	"3c7374617274206e756d6265723d2731272f3e0d0a454e440d0a"

static void
test_beep(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, BEEP_MSG);
	assert_chain(p, "ipv4 tcp beep");
	assert_string_equal(field_n(p, "beep.command", 0)->meaning, "MSG");
	assert_int_equal(fval(p, "beep.req"), 1);
	assert_int_equal(fval(p, "beep.channel"), 0);
	assert_int_equal(field_n(p, "beep.msgno", 0)->val, 1);
	assert_string_equal(field_n(p, "beep.more", 0)->meaning, "'.'");
	assert_int_equal(fval(p, "beep.size"), 21);
	/* the first line after the header is taken for its MIME header,
	 * then the size's bytes (here all that is left) as payload */
	assert_int_equal(field_n(p, "beep.mime_header", 0)->bits, 19 * 8);
	assert_int_equal(field_n(p, "beep.payload", 0)->bits, 5 * 8);
	/* SEQ: channel, ackno, window */
	p = decode_hex(DLT_RAW, TCP(0, 10288,
	    "534551203020353220343039360d0a"));
	assert_int_equal(fval(p, "beep.seq.channel"), 0);
	assert_int_equal(fval(p, "beep.seq.ackno"), 52);
	assert_int_equal(fval(p, "beep.seq.window"), 4096);
	/* ANS carries its answer number */
	p = decode_hex(DLT_RAW, TCP(0, 10288, "414e5320312032202a20313020352"
	    "0370d0a68656c6c6f454e440d0a"));
	assert_int_equal(fval(p, "beep.ansno"), 7);
	assert_string_equal(field_n(p, "beep.more", 0)->meaning, "'*'");
}

static void
test_beep_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a more flag neither '.' nor '*': the rest undissected */
	p = decode_hex(DLT_RAW, TCP(1, 10288, "525059203020322078203020300d0a"
	    "454e440d0a"));
	assert_true(has_field(p, "beep.payload_undissected"));
	assert_true(has_note(p, "more flag"));
	/* a header without its CRLF in the segment: malformed */
	p = decode_hex(DLT_RAW, TCP(1, 10288, "52505920302034202e2030203130"));
	assert_int_equal(last_layer(p, "beep")->status, ST_LS_MALFORMED);
	/* tcpdump's beep-oobr: a header cut short in every way */
	sweep_prefixes(DLT_RAW, BEEP_MSG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_openvpn, fresh),
		cmocka_unit_test_setup(test_openvpn_bad, fresh),
		cmocka_unit_test_setup(test_memcache_binary, fresh),
		cmocka_unit_test_setup(test_memcache_text, fresh),
		cmocka_unit_test_setup(test_memcache_bad, fresh),
		cmocka_unit_test_setup(test_mgcp, fresh),
		cmocka_unit_test_setup(test_mgcp_bad, fresh),
		cmocka_unit_test_setup(test_tds, fresh),
		cmocka_unit_test_setup(test_tds_bad, fresh),
		cmocka_unit_test_setup(test_beep, fresh),
		cmocka_unit_test_setup(test_beep_bad, fresh),
		cmocka_unit_test_setup(test_lpd, fresh),
		cmocka_unit_test_setup(test_lpd_bad, fresh),
		cmocka_unit_test_setup(test_git, fresh),
		cmocka_unit_test_setup(test_git_bad, fresh),
		cmocka_unit_test_setup(test_rsync, fresh),
		cmocka_unit_test_setup(test_rsync_bad, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
