/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The udpsvc family (small UDP services tshark decodes by port): NAT-PMP
 * and PCP on 5350/5351, SLP on 427 (UDP and TCP), RMCP on 623 with ASF
 * and IPMI's session wrapper, Mobile IP on 434, timed's TSP on 525 and
 * Kerberos v4 on 750, rwho on 513, XDMCP on 177, GLBP on 3222, WCCP on
 * 2048; exact fields from hand-written bytes, messages cut
 * by the capture and messages that contradict themselves, and every
 * shorter prefix of a frame.
 */
#include <stdio.h>

#include "testutil.h"

static char hexbuf[4096];

/* An IPv4/UDP packet 198.18.0.1:sport -> 198.18.0.2:dport carrying pay
 * (hex), no UDP checksum. */
static const char *
udp_pkt(unsigned sport, unsigned dport, const char *pay)
{
	size_t n = strlen(pay) / 2;

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx000140004011"
	    "0000c6120001c6120002" "%04x%04x%04zx0000%s", 28 + n, sport,
	    dport, 8 + n, pay);
	return hexbuf;
}

/* NAT-PMP's external address response: epoch 7200, 203.0.113.7. */
#define NATPMP_ADDR \
	"45000028000140004011ae9cc6120002c612000114e79c40001469ce" \
	"0080000000001c20cb007107"

/* PCP MAP request: nonce, UDP 5004, PREFER_FAILURE, FILTER (prefix 120,
 * port 443, ::ffff:192.0.2.9) and DESCRIPTION "camera" padded to 8. */
#define PCP_MAP \
	"45000080000140004011ae44c6120001c61200029c4114e7006cf4ce" \
	"0201000000001c2000000000000000000000ffffc6120001" \
	"0102030405060708090a0b0c11000000138c138c" \
	"00000000000000000000ffff00000000" \
	"02000000" \
	"03000014007801bb00000000000000000000ffffc0000209" \
	"8000000663616d6572610000"

/* PCP PEER response: TCP 8080 -> 18080 at ::ffff:203.0.113.7, remote
 * peer 192.0.2.80:443. */
#define PCP_PEER \
	"4500006c000140004011ae58c6120002c612000114e79c4200581e93" \
	"028200000000025800000e11000000000000000000000000" \
	"0102030405060708090a0b0c060000001f9046a0" \
	"00000000000000000000ffffcb007107" \
	"01bb0000" "00000000000000000000ffffc0000250"

/* SLP v2 SrvRqst for service:printer in DEFAULT, multicast flag, XID 1. */
#define SLP_RQST \
	"0201000030200000000000010002656e0000000f736572766963653a7072696e7465" \
	"72000744454641554c5400000000"

/* SLP v2 SrvReg: a URL entry, the type, the scope, three attributes. */
#define SLP_REG \
	"0203000076400000000000020002656e002a300025736572766963653a7072696e74" \
	"65723a6c70723a2f2f3139322e302e322e352f717565756500000f73657276696365" \
	"3a7072696e746572000744454641554c54001e286e616d653d6c6162292c28636f6c" \
	"6f723d74727565292c6475706c657800"

/* SLP v2 SrvRply of two URL entries. */
#define SLP_RPLY \
	"0202000068000000000000010002656e00000002002a300025736572766963653a70" \
	"72696e7465723a6c70723a2f2f3139322e302e322e352f7175657565000002580023" \
	"736572766963653a7072696e7465723a6970703a2f2f3139322e302e322e362f6970" \
	"7000"

/* SLP v1 SrvRqst, XID 0x1234, predicate service:printer/DEFAULT/. */
#define SLP1_RQST \
	"010100280000656e0003123400000018736572766963653a7072696e7465722f4445" \
	"4641554c542f"

/* RMCP carrying ASF's Presence Pong (IANA 4542, 16 bytes of data). */
#define RMCP_PONG \
	"0600ff06000011be40010010000011be000000008100000000000000"

/* RMCP carrying an IPMI v1.5 session wrapper with MD5 and its code,
 * session 0x0a0b0c0d, sequence 16, a message of 16 bytes. */
#define IPMI15_MD5 \
	"0600ff0702100000000d0c0b0a000102030405060708090a0b0c0d0e0f10811c6320" \
	"04380001178000000000000c"

/* RMCP+: an encrypted, authenticated IPMI message of 16 bytes in session
 * 0x2000, sequence 3, then a 12-byte integrity trailer. */
#define IPMI20_ENC \
	"0600ff0706c000200000030000001000404142434445464748494a4b4c4d4e4f0001" \
	"02030405060708090a0b"

/* A Mobile IP registration request: T set, lifetime 1800, home address
 * 192.0.2.77, home agent 198.18.0.2, care-of 203.0.113.9, then the NAI,
 * a challenge and the mobile-home authentication extension. */
#define MIP_REQ \
	"01020708c000024dc6120002cb007109e8fe736880000000830f6d6e31406578616d" \
	"706c652e6e657484080001020304050607201400000100000102030405060708090a" \
	"0b0c0d0e0f"

/* A request with the generalized authentication extension (36). */
#define MIP_REQ_GEN \
	"01c00258c000024dc6120002cb007109e8fe736880000000830f6d6e31406578616d" \
	"706c652e6e6574240100140000020000000000000000000000000000000000"

/* TSP settime, sequence 2, 1700000000 s and 250000 us, from "master"
 * (its name shorter than timed's 256 bytes: the NUL ends it). */
#define TSP_SETTIME \
	"050100026553f1000003d0906d617374657200"

/* Kerberos v4 KDC request for krbtgt.EXAMPLE.COM, most significant byte
 * first, and the same request of bob's least significant first. */
#define KRB4_KDCREQ \
	"0402616c69636500004558414d504c452e434f4d006553f100606b72627467740045" \
	"58414d504c452e434f4d00"
#define KRB4_KDCREQ_LE \
	"0403626f6200004558414d504c452e434f4d0064f153650c72636d6400686f737431" \
	"00"

/* Its reply: an expiry, key version 3, 16 encrypted bytes. */
#define KRB4_KDCREP \
	"0404616c69636500004558414d504c452e434f4d006553f1000165547da003001000" \
	"0102030405060708090a0b0c0d0e0f"

/* An rwho report from host1: loads 0.50 1.25 0.07, alice on ttyp0, idle
 * 125 s. */
#define WHO_REPORT \
	"010100006553f1006553f101686f7374310000000000000000000000000000000000" \
	"00000000000000000000000000320000007d000000076553c9f07474797030000000" \
	"616c6963650000006553ed180000007d"

/* XDMCP Request: display 0, one IPv4 connection (198.18.0.1), no
 * authentication, MIT-MAGIC-COOKIE-1 offered, manufacturer ID. */
#define XDMCP_REQ \
	"0001000700360000010000010004c6120001000000000100124d49542d4d41474943" \
	"2d434f4f4b49452d31000f4d49542d756e737065636966696564"

/* Its Accept: session 0x1234, the cookie's name and 16 bytes. */
#define XDMCP_ACCEPT \
	"00010008002e000012340000000000124d49542d4d414749432d434f4f4b49452d31" \
	"0010000102030405060708090a0b0c0d0e0f"

/* GLBP group 1: the active gateway's Hello (priority 200, virtual
 * 198.18.0.254), two forwarders, plain-text authentication "cisco1". */
#define GLBP_HELLO \
	"010000010000020000000001011c002000c8000000000bb800002710025838400000" \
	"0104c61200fe0214012000a764000000000000000007b40001010214020400a73200" \
	"0000000000000007b4000102030a0106636973636f31"

/* WCCP 2 Here I am: MD5 security, dynamic service 90 (TCP, priority 240,
 * flags 0x13: ports 80 and 8080 by destination), a component of type 99. */
#define WCCP_HIA \
	"0000000a0200003c0000001400000001000102030405060708090a0b0c0d0e0f0001" \
	"0018015af0060000001300501f900000000000000000000000000063000401020304"

/* Whole IPv4 packets, one or two per protocol, as the captures hold
 * them (checksums right): decoded as they are, so that the fuzz seeds
 * taken from decode_hex() literals reach every protocol here. */

/* srvloc */
#define SEED_SRVLOC \
	"45000092000140004011ae32c6120001c61200029c4101ab007e877b0203000076" \
	"400000000000020002656e002a300025736572766963653a7072696e7465723a6c" \
	"70723a2f2f3139322e302e322e352f717565756500000f736572766963653a7072" \
	"696e746572000744454641554c54001e286e616d653d6c6162292c28636f6c6f72" \
	"3d74727565292c6475706c657800"

/* srvloc */
#define SEED_SRVLOC_TCP \
	"45000064000e40004006ae5ec6120001c61200029c4701ab000003e80000138850" \
	"18ffff5f290000020100003c000000000000070002656e0000000f736572766963" \
	"653a7072696e746572000744454641554c54000c28636f6c6f723d747275652900" \
	"00"

/* asf */
#define SEED_ASF \
	"45000038000140004011ae8cc6120002c6120001026f9c400024eb390600ff0600" \
	"0011be40010010000011be000000008100000000000000"

/* ipmi_session */
#define SEED_IPMI15 \
	"4500004a000140004011ae7ac6120002c6120001026f9c420036772e0600ff0702" \
	"100000000d0c0b0a000102030405060708090a0b0c0d0e0f10811c632004380001" \
	"178000000000000c"

/* ipmi_session */
#define SEED_IPMI20 \
	"45000048000140004011ae7cc6120002c6120001026f9c4300345d5d0600ff0706" \
	"c000200000030000001000404142434445464748494a4b4c4d4e4f000102030405" \
	"060708090a0b"

/* mip */
#define SEED_MIP \
	"45000065000140004011ae5fc6120001c612000201b201b20051b95301020708c0" \
	"00024dc6120002cb007109e8fe736880000000830f6d6e31406578616d706c652e" \
	"6e657484080001020304050607201400000100000102030405060708090a0b0c0d" \
	"0e0f"

/* krb4 */
#define SEED_KRB4 \
	"45000049000140004011ae7bc6120001c61200029c4202ee0035570f0406034558" \
	"414d504c452e434f4d0008040001020304050607090909096553f1c81872636d64" \
	"00686f73743100"

/* who */
#define SEED_WHO \
	"450000a0000140004011ae24c6120001c612000202010201008c53fa0101000065" \
	"53f1006553f101686f7374312e6578616d706c6500000000000000000000000000" \
	"000000000000000000320000007d000000076553c9f0636f6e736f6c6500726f6f" \
	"74000000006553dd78000000007474797030000000616c6963650000006553ed18" \
	"0000007d7474797031000000626f62736d6974686553ef0c00000e10"

/* xdmcp */
#define SEED_XDMCP \
	"45000058000140004011ae6cc6120001c61200029c4000b10044284d0001000700" \
	"360000010000010004c6120001000000000100124d49542d4d414749432d434f4f" \
	"4b49452d31000f4d49542d756e737065636966696564"

/* glbp */
#define SEED_GLBP \
	"45000076000140004011ae4ec6120001c61200020c960c960062cc9f0100000100" \
	"00020000000001011c002000c8000000000bb8000027100258384000000104c612" \
	"00fe0214012000a764000000000000000007b40001010214020400a73200000000" \
	"0000000007b4000102030a0106636973636f31"

/* wccp */
#define SEED_WCCP \
	"45000060000140004011ae64c6120001c612000208000800004c12b90000000a02" \
	"00003c0000001400000001000102030405060708090a0b0c0d0e0f00010018015a" \
	"f0060000001300501f900000000000000000000000000063000401020304"

/* An IPv4/TCP segment 198.18.0.1:40007 -> 198.18.0.2:427 carrying pay. */
static const char *
tcp_pkt(const char *pay)
{
	size_t n = strlen(pay) / 2;

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx00004000400600"
	    "00c6120001c6120002" "9c4701ab0000000100000001501820000000"
	    "0000%s", 40 + n, pay);
	return hexbuf;
}

/* The raw IP packet hex as a capture of its first cap bytes. */
static const struct st_packet *
decode_cut(const char *hex, size_t cap)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)cap, (uint32_t)n);
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

static void
test_natpmp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, NATPMP_ADDR);
	assert_chain(p, "ipv4 udp portcontrol nat-pmp");
	assert_int_equal(fval(p, "nat-pmp.version"), 0);
	assert_int_equal(fval(p, "nat-pmp.opcode"), 128);
	assert_int_equal(fval(p, "nat-pmp.result_code"), 0);
	assert_int_equal(fval(p, "nat-pmp.sssoe"), 7200);
	assert_int_equal(fval(p, "nat-pmp.external_ip"), 0xcb007107);
	assert_int_equal(layer(p, "nat-pmp")->status, ST_LS_OK);
	assert_non_null(strstr(summary_of(DLT_RAW, NATPMP_ADDR),
	    "NAT-PMP External Address Response 203.0.113.7"));

	/* a TCP mapping's response: result 2, 22 -> 2222 */
	p = decode_hex(DLT_RAW, udp_pkt(5351, 40000,
	    "0082000200001c21001608ae00000000"));
	assert_int_equal(fval(p, "nat-pmp.result_code"), 2);
	assert_int_equal(fval(p, "nat-pmp.internal_port"), 22);
	assert_int_equal(fval(p, "nat-pmp.external_port"), 2222);
	assert_int_equal(fval(p, "nat-pmp.pml"), 0);

	/* a UDP mapping request */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351,
	    "00010000138c138c00000e10"));
	assert_int_equal(fval(p, "nat-pmp.reserved"), 0);
	assert_int_equal(fval(p, "nat-pmp.internal_port"), 5004);
	assert_int_equal(fval(p, "nat-pmp.pml"), 3600);

	/* an unknown opcode: the two bytes and a note */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351, "00070000"));
	assert_int_equal(fval(p, "nat-pmp.opcode"), 7);
	assert_true(has_note(p, "unknown opcode 7"));
}

static void
test_natpmp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a response of 8 bytes, whole as sent: malformed */
	p = decode_hex(DLT_RAW, udp_pkt(5351, 40000, "0080000000001c20"));
	assert_int_equal(layer(p, "nat-pmp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "nat-pmp.sssoe"), 7200);
	assert_false(has_field(p, "nat-pmp.external_ip"));

	/* the same response cut by the capture: truncated */
	p = decode_cut(NATPMP_ADDR, 38);
	assert_int_equal(layer(p, "nat-pmp")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "nat-pmp.external_ip"));

	sweep_prefixes(DLT_RAW, NATPMP_ADDR);
}

static void
test_pcp_map(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, PCP_MAP);
	assert_chain(p, "ipv4 udp portcontrol");
	assert_int_equal(layer(p, "portcontrol")->status, ST_LS_OK);
	assert_int_equal(fval(p, "portcontrol.version"), 2);
	assert_int_equal(fval(p, "portcontrol.r"), 0);
	assert_int_equal(fval(p, "portcontrol.opcode"), 1);
	assert_int_equal(fval(p, "portcontrol.request"), 1);
	assert_int_equal(fval(p, "portcontrol.lifetime_req"), 7200);
	assert_int_equal(fval(p, "portcontrol.map.protocol"), 17);
	assert_int_equal(fval(p, "portcontrol.map.internal_port"), 5004);
	assert_int_equal(fval(p, "portcontrol.map.req_sug_external_port"),
	    5004);
	assert_true(has_field(p, "portcontrol.options"));
	assert_int_equal(field_n(p, "portcontrol.option.code", 0)->val, 2);
	assert_int_equal(field_n(p, "portcontrol.option.code", 1)->val, 3);
	assert_int_equal(field_n(p, "portcontrol.option.code", 2)->val, 128);
	assert_int_equal(field_n(p, "portcontrol.option.length", 1)->val, 20);
	assert_int_equal(fval(p, "portcontrol.option.filter.prefix_length"),
	    120);
	assert_int_equal(fval(p, "portcontrol.option.filter.remote_peer_port"),
	    443);
	assert_string_equal(field_n(p, "portcontrol.option.description",
	    0)->meaning, "camera");
	assert_int_equal(field_n(p, "portcontrol.option.padding", 0)->bits,
	    16);
	assert_false(has_field(p, "portcontrol.response"));
	assert_non_null(strstr(summary_of(DLT_RAW, PCP_MAP),
	    "PCP v2 Map Request 5004 -> 5004"));
}

static void
test_pcp_peer(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, PCP_PEER);
	assert_int_equal(fval(p, "portcontrol.r"), 1);
	assert_int_equal(fval(p, "portcontrol.opcode"), 2);
	assert_int_equal(fval(p, "portcontrol.result_code"), 0);
	assert_int_equal(fval(p, "portcontrol.lifetime_rsp"), 600);
	assert_int_equal(fval(p, "portcontrol.epoch_time"), 3601);
	assert_int_equal(field_n(p, "portcontrol.rsp_reserved", 0)->bits, 96);
	assert_int_equal(fval(p, "portcontrol.peer.protocol"), 6);
	assert_int_equal(fval(p, "portcontrol.peer.internal_port"), 8080);
	assert_int_equal(fval(p, "portcontrol.peer.rsp_assigned_external_port"),
	    18080);
	assert_int_equal(fval(p, "portcontrol.peer.remote_peer_port"), 443);
	assert_int_equal(field_n(p, "portcontrol.peer.reserved", 1)->bits, 16);
	assert_true(has_field(p, "portcontrol.peer.remote_peer_ip"));
	assert_false(has_field(p, "portcontrol.request"));
	assert_false(has_field(p, "portcontrol.options"));

	/* version 1 has no nonce: the body starts at byte 24 with the
	 * protocol */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351,
	    "0101000000000e10" "00000000000000000000ffffc6120001"
	    "11000000138c0000" "00000000000000000000ffff00000000"));
	assert_int_equal(fval(p, "portcontrol.version"), 1);
	assert_false(has_field(p, "portcontrol.map.nonce"));
	assert_int_equal(fval(p, "portcontrol.map.protocol"), 17);
	assert_int_equal(fval(p, "portcontrol.map.internal_port"), 5004);
	assert_int_equal(layer(p, "portcontrol")->status, ST_LS_OK);

	/* a version PCP does not have: not PCP's */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351, "0301000000000e10"));
	assert_null(last_layer(p, "portcontrol"));
}

static void
test_pcp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a MAP request whose datagram ends inside the body */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351,
	    "0201000000001c20" "00000000000000000000ffffc6120001"
	    "0102030405060708090a0b0c1100"));
	assert_int_equal(layer(p, "portcontrol")->status, ST_LS_MALFORMED);
	assert_true(has_field(p, "portcontrol.map.nonce"));
	assert_false(has_field(p, "portcontrol.map.internal_port"));

	/* a THIRD_PARTY option of 4 bytes, too short for its address */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351,
	    "0200000000001c20" "00000000000000000000ffffc6120001"
	    "0100000400000000"));
	assert_int_equal(layer(p, "portcontrol")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "portcontrol.option.length"), 4);
	assert_false(has_field(p,
	    "portcontrol.option.third_party.internal_ip"));

	/* an option whose length runs past the datagram */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351,
	    "0200000000001c20" "00000000000000000000ffffc6120001"
	    "80000100616263"));
	assert_int_equal(layer(p, "portcontrol")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "portcontrol.option.description"));

	/* a header cut short in the datagram itself */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 5351, "0201000000"));
	assert_int_equal(layer(p, "portcontrol")->status, ST_LS_MALFORMED);

	sweep_prefixes(DLT_RAW, PCP_MAP);
	sweep_prefixes(DLT_RAW, PCP_PEER);
}

static void
test_srvloc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(40000, 427, SLP_RQST));
	assert_chain(p, "ipv4 udp srvloc");
	assert_int_equal(layer(p, "srvloc")->status, ST_LS_OK);
	assert_int_equal(fval(p, "srvloc.version"), 2);
	assert_int_equal(fval(p, "srvloc.function"), 1);
	assert_int_equal(fval(p, "srvloc.pktlen"), 48);
	assert_int_equal(fval(p, "srvloc.flags_v2"), 0x2000);
	assert_int_equal(fval(p, "srvloc.flags_v2.reqmulti"), 1);
	assert_int_equal(fval(p, "srvloc.xid"), 1);
	assert_string_equal(field_n(p, "srvloc.langtag", 0)->meaning, "en");
	assert_int_equal(fval(p, "srvloc.srvreq.prlistlen"), 0);
	assert_false(has_field(p, "srvloc.srvreq.prlist"));
	assert_string_equal(field_n(p, "srvloc.srvreq.srvtypelist",
	    0)->meaning, "service:printer");
	assert_string_equal(field_n(p, "srvloc.srvreq.scopelist", 0)->meaning,
	    "DEFAULT");
	assert_int_equal(fval(p, "srvloc.srvreq.slpspilen"), 0);

	p = decode_hex(DLT_RAW, udp_pkt(427, 40000, SLP_RPLY));
	assert_int_equal(fval(p, "srvloc.errv2"), 0);
	assert_int_equal(fval(p, "srvloc.srvreq.urlcount"), 2);
	assert_int_equal(field_n(p, "srvloc.url.lifetime", 1)->val, 600);
	assert_string_equal(field_n(p, "srvloc.url.url", 1)->meaning,
	    "service:printer:ipp://192.0.2.6/ipp");
	assert_int_equal(field_n(p, "srvloc.url.numauths", 1)->val, 0);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(427, 40000,
	    SLP_RPLY)), "SLP v2 Service Reply xid 1, 2 URLs"));

	p = decode_hex(DLT_RAW, udp_pkt(40001, 427, SLP_REG));
	assert_int_equal(fval(p, "srvloc.flags_v2.fresh"), 1);
	assert_string_equal(field_n(p, "srvloc.srvreq.srvtype", 0)->meaning,
	    "service:printer");
	assert_string_equal(field_n(p, "srvloc.item", 0)->meaning,
	    "(name=lab)");
	assert_string_equal(field_n(p, "srvloc.item", 2)->meaning, "duplex");
	assert_int_equal(fval(p, "srvloc.srvreq.attrauthcount"), 0);

	/* version 1: the 12-byte header, strings shown even when empty */
	p = decode_hex(DLT_RAW, udp_pkt(40006, 427, SLP1_RQST));
	assert_int_equal(fval(p, "srvloc.version"), 1);
	assert_int_equal(fval(p, "srvloc.pktlen"), 40);
	assert_int_equal(fval(p, "srvloc.encoding"), 3);
	assert_int_equal(fval(p, "srvloc.transaction_id"), 0x1234);
	assert_string_equal(field_n(p, "srvloc.language", 0)->meaning, "en");
	assert_true(has_field(p, "srvloc.srvreq.prlist"));
	assert_string_equal(field_n(p, "srvloc.srvreq.predicate", 0)->meaning,
	    "service:printer/DEFAULT/");

	/* two messages in one TCP segment: a layer each */
	p = decode_hex(DLT_RAW, tcp_pkt(SLP_RQST SLP_RQST));
	assert_chain(p, "ipv4 tcp srvloc srvloc");
	assert_int_equal(p->layers[3].off, 40 + 48);
}

static void
test_srvloc_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* three URLs announced, one sent */
	p = decode_hex(DLT_RAW, udp_pkt(427, 40000,
	    "020200003f000000000000070002656e00000003002a300025736572766963653a"
	    "7072696e7465723a6c70723a2f2f3139322e302e322e352f717565756500"));
	assert_int_equal(layer(p, "srvloc")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "srvloc.srvreq.urlcount"), 3);
	assert_int_equal(fval(p, "srvloc.url.lifetime"), 10800);

	/* a URL's authentication block of 4 bytes, shorter than its
	 * fields */
	p = decode_hex(DLT_RAW, udp_pkt(427, 40000,
	    "020200003f000000000000070002656e00000001002a30000161"
	    "0100020004655f8a800000"));
	assert_int_equal(layer(p, "srvloc")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "srvloc.authblkv2_len"), 4);

	/* the registration cut by the capture inside its attributes */
	p = decode_cut(udp_pkt(40001, 427, SLP_REG), 28 + 118 - 10);
	assert_int_equal(layer(p, "srvloc")->status, ST_LS_TRUNCATED);
	assert_true(has_field(p, "srvloc.srvreq.attrlistlen"));
	assert_false(has_field(p, "srvloc.srvreq.attrlist"));

	/* one byte on the port: a header cut short as sent */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 427, "02"));
	assert_int_equal(layer(p, "srvloc")->status, ST_LS_MALFORMED);

	sweep_prefixes(DLT_RAW, udp_pkt(40001, 427, SLP_REG));
	sweep_prefixes(DLT_RAW, udp_pkt(427, 40000, SLP_RPLY));
	sweep_prefixes(DLT_RAW, udp_pkt(40006, 427, SLP1_RQST));
}

static void
test_rmcp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(623, 40000, RMCP_PONG));
	assert_chain(p, "ipv4 udp rmcp asf data");
	assert_int_equal(fval(p, "rmcp.version"), 6);
	assert_int_equal(fval(p, "rmcp.sequence"), 0xff);
	assert_int_equal(fval(p, "rmcp.class"), 6);
	assert_int_equal(fval(p, "rmcp.type"), 0);
	assert_int_equal(fval(p, "asf.iana"), 4542);
	assert_int_equal(fval(p, "asf.type"), 0x40);
	assert_int_equal(fval(p, "asf.tag"), 1);
	assert_int_equal(fval(p, "asf.len"), 16);
	assert_int_equal(layer(p, "data")->len, 16);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(623, 40000,
	    RMCP_PONG)), "ASF Presence Pong tag 0x01"));

	/* an acknowledgement: four bytes and nothing after them */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 623, "06000586"));
	assert_chain(p, "ipv4 udp rmcp");
	assert_int_equal(fval(p, "rmcp.type"), 1);
	assert_int_equal(fval(p, "rmcp.sequence"), 5);

	/* a class RMCP does not have: not RMCP's */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 623, "0600ff1000000000"));
	assert_null(last_layer(p, "rmcp"));

	p = decode_hex(DLT_RAW, udp_pkt(623, 40002, IPMI15_MD5));
	assert_chain(p, "ipv4 udp rmcp ipmi_session data");
	assert_int_equal(fval(p, "ipmi_session.authtype"), 2);
	assert_int_equal(fval(p, "ipmi_session.sequence"), 16);
	assert_int_equal(fval(p, "ipmi_session.id"), 0x0a0b0c0d);
	assert_int_equal(field_n(p, "ipmi_session.authcode", 0)->bits, 128);
	assert_int_equal(fval(p, "ipmi_session.msg.len"), 16);
	assert_int_equal(layer(p, "data")->len, 16);

	p = decode_hex(DLT_RAW, udp_pkt(623, 40003, IPMI20_ENC));
	assert_int_equal(fval(p, "ipmi_session.authtype"), 6);
	assert_int_equal(fval(p, "ipmi_session.payloadtype.enc"), 1);
	assert_int_equal(fval(p, "ipmi_session.payloadtype.auth"), 1);
	assert_int_equal(fval(p, "ipmi_session.payloadtype"), 0);
	assert_int_equal(fval(p, "ipmi_session.id"), 0x2000);
	assert_int_equal(fval(p, "ipmi_session.sequence"), 3);
	assert_int_equal(fval(p, "ipmi_session.msg.len"), 16);
	assert_int_equal(field_n(p, "ipmi_session.trailer", 0)->bits, 96);
	assert_int_equal(layer(p, "data")->len, 16);
}

static void
test_rmcp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* ASF data of 16 bytes announced, 4 sent */
	p = decode_hex(DLT_RAW, udp_pkt(623, 40000,
	    "0600ff06000011be4001001000000000"));
	assert_int_equal(layer(p, "asf")->status, ST_LS_MALFORMED);
	/* an ASF header of 5 bytes */
	p = decode_hex(DLT_RAW, udp_pkt(623, 40000, "0600ff06000011be40"));
	assert_int_equal(layer(p, "asf")->status, ST_LS_MALFORMED);
	/* an IPMI message longer than the datagram */
	p = decode_hex(DLT_RAW, udp_pkt(40002, 623,
	    "0600ff0700000000000000000020aabb"));
	assert_int_equal(layer(p, "ipmi_session")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "ipmi_session.msg.len"), 32);

	/* the MD5 wrapper cut by the capture inside its code */
	p = decode_cut(udp_pkt(623, 40002, IPMI15_MD5), 28 + 4 + 12);
	assert_int_equal(layer(p, "ipmi_session")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "ipmi_session.id"), 0x0a0b0c0d);
	assert_false(has_field(p, "ipmi_session.authcode"));

	sweep_prefixes(DLT_RAW, udp_pkt(623, 40000, RMCP_PONG));
	sweep_prefixes(DLT_RAW, udp_pkt(623, 40002, IPMI15_MD5));
	sweep_prefixes(DLT_RAW, udp_pkt(623, 40003, IPMI20_ENC));
}

static void
test_mip(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(434, 434, MIP_REQ));
	assert_chain(p, "ipv4 udp mip");
	assert_int_equal(layer(p, "mip")->status, ST_LS_OK);
	assert_int_equal(fval(p, "mip.type"), 1);
	assert_int_equal(fval(p, "mip.flags"), 2);
	assert_int_equal(fval(p, "mip.t"), 1);
	assert_int_equal(fval(p, "mip.s"), 0);
	assert_int_equal(fval(p, "mip.life"), 1800);
	assert_int_equal(fval(p, "mip.homeaddr"), 0xc000024d);
	assert_int_equal(fval(p, "mip.haaddr"), 0xc6120002);
	assert_int_equal(fval(p, "mip.coa"), 0xcb007109);
	assert_string_equal(field_n(p, "mip.ident", 0)->meaning,
	    "Nov 14, 2023 22:30:00.500000000 UTC");
	assert_int_equal(field_n(p, "mip.ext.type", 0)->val, 131);
	assert_string_equal(field_n(p, "mip.nai", 0)->meaning,
	    "mn1@example.net");
	assert_int_equal(field_n(p, "mip.ext.type", 1)->val, 132);
	assert_int_equal(field_n(p, "mip.extension", 0)->bits, 64);
	assert_int_equal(field_n(p, "mip.ext.len", 2)->val, 20);
	assert_int_equal(fval(p, "mip.auth.spi"), 0x100);
	assert_int_equal(field_n(p, "mip.auth.auth", 0)->bits, 128);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(434, 434,
	    MIP_REQ)), "Reg Request: HoA=192.0.2.77 HA=198.18.0.2 "
	    "CoA=203.0.113.9"));

	p = decode_hex(DLT_RAW, udp_pkt(40000, 434, MIP_REQ_GEN));
	assert_int_equal(fval(p, "mip.s"), 1);
	assert_int_equal(fval(p, "mip.b"), 1);
	assert_int_equal(field_n(p, "mip.ext.type", 1)->val, 36);
	assert_int_equal(fval(p, "mip.ext.auth.subtype"), 1);
	assert_int_equal(field_n(p, "mip.ext.len", 1)->val, 20);
	assert_int_equal(fval(p, "mip.auth.spi"), 0x200);

	/* a reply refused by the home agent (code 130), no extensions */
	p = decode_hex(DLT_RAW, udp_pkt(434, 40000,
	    "03820000c000024dc6120002e8fe736880000000"));
	assert_int_equal(fval(p, "mip.code"), 130);
	assert_false(has_field(p, "mip.coa"));
	assert_string_equal(field_n(p, "mip.ident", 0)->meaning,
	    "Nov 14, 2023 22:30:00.500000000 UTC");

	/* a revocation */
	p = decode_hex(DLT_RAW, udp_pkt(434, 434,
	    "07008000c000024dc6120002cb00710900000005"));
	assert_int_equal(fval(p, "mip.flags2"), 0x8000);
	assert_int_equal(fval(p, "mip.rev.a"), 1);
	assert_int_equal(fval(p, "mip.rev.fda"), 0xcb007109);
	assert_int_equal(fval(p, "mip.revid"), 5);
}

static void
test_mip_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a request of 20 bytes, whole as sent */
	p = decode_hex(DLT_RAW, udp_pkt(434, 434,
	    "01020708c000024dc6120002cb007109e8fe7368"));
	assert_int_equal(layer(p, "mip")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "mip.coa"), 0xcb007109);
	assert_false(has_field(p, "mip.ident"));
	/* an extension longer than what is left */
	p = decode_hex(DLT_RAW, udp_pkt(434, 434,
	    "01020708c000024dc6120002cb007109e8fe736880000000" "8310616263"));
	assert_int_equal(layer(p, "mip")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "mip.ext.len"), 16);
	assert_false(has_field(p, "mip.nai"));
	/* the request cut by the capture inside its NAI */
	p = decode_cut(udp_pkt(434, 434, MIP_REQ), 28 + 30);
	assert_int_equal(layer(p, "mip")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "mip.ext.len"), 15);

	sweep_prefixes(DLT_RAW, udp_pkt(434, 434, MIP_REQ));
	sweep_prefixes(DLT_RAW, udp_pkt(40000, 434, MIP_REQ_GEN));
}

static void
test_tsp(void **state)
{
	static const uint8_t loop[] = {	/* a loop packet, hop count 10 */
		0x45, 0x00, 0x00, 0x2b, 0x00, 0x01, 0x40, 0x00, 0x40, 0x11,
		0x00, 0x00, 0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02,
		0x02, 0x0d, 0x02, 0x0d, 0x00, 0x17, 0x00, 0x00,
		0x18, 0x01, 0x00, 0x04, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 'a', 'b', 0x00,
	};
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(525, 525, TSP_SETTIME));
	assert_chain(p, "ipv4 udp tsp");
	assert_int_equal(layer(p, "tsp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "tsp.type"), 5);
	assert_int_equal(fval(p, "tsp.version"), 1);
	assert_int_equal(fval(p, "tsp.sequence"), 2);
	assert_int_equal(fval(p, "tsp.sec"), 1700000000);
	assert_int_equal(fval(p, "tsp.usec"), 250000);
	assert_string_equal(field_n(p, "tsp.name", 0)->meaning, "master");
	assert_int_equal(field_n(p, "tsp.name", 0)->bits, 7 * 8);
	assert_false(has_field(p, "tsp.hopcnt"));
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(525, 525,
	    TSP_SETTIME)), "TSP settime seq 2 from master"));

	st_pkt_reset(&tpkt, loop, sizeof(loop), sizeof(loop));
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(fval(&tpkt, "tsp.type"), 24);
	assert_int_equal(fval(&tpkt, "tsp.hopcnt"), 10);
	assert_false(has_field(&tpkt, "tsp.sec"));
	assert_string_equal(field_n(&tpkt, "tsp.name", 0)->meaning, "ab");

	/* a master request: no time, the name at 12 all the same */
	p = decode_hex(DLT_RAW, udp_pkt(525, 525,
	    "0301000100000000000000007a00"));
	assert_false(has_field(p, "tsp.sec"));
	assert_string_equal(field_n(p, "tsp.name", 0)->meaning, "z");
}

static void
test_tsp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* as tcpdump's kh-timed tests: cut inside the time, and inside the
	 * name before its NUL */
	p = decode_cut(udp_pkt(525, 525, TSP_SETTIME), 28 + 6);
	assert_int_equal(layer(p, "tsp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "tsp.sequence"), 2);
	assert_false(has_field(p, "tsp.sec"));
	p = decode_cut(udp_pkt(525, 525, TSP_SETTIME), 28 + 15);
	assert_int_equal(layer(p, "tsp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "tsp.usec"), 250000);
	assert_false(has_field(p, "tsp.name"));
	/* a name with no NUL in the whole datagram */
	p = decode_hex(DLT_RAW, udp_pkt(525, 525,
	    "050100026553f1000003d0906d6173746572"));
	assert_int_equal(layer(p, "tsp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "tsp.name"));

	sweep_prefixes(DLT_RAW, udp_pkt(525, 525, TSP_SETTIME));
}

static void
test_krb4(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(40000, 750, KRB4_KDCREQ));
	assert_chain(p, "ipv4 udp krb4");
	assert_int_equal(layer(p, "krb4")->status, ST_LS_OK);
	assert_int_equal(fval(p, "krb4.version"), 4);
	assert_int_equal(fval(p, "krb4.auth_msg_type"), 2);
	assert_int_equal(fval(p, "krb4.m_type"), 1);
	assert_int_equal(fval(p, "krb4.byte_order"), 0);
	assert_string_equal(field_n(p, "krb4.name", 0)->meaning, "alice");
	assert_string_equal(field_n(p, "krb4.instance", 0)->meaning, "");
	assert_string_equal(field_n(p, "krb4.realm", 0)->meaning,
	    "EXAMPLE.COM");
	assert_string_equal(field_n(p, "krb4.time_sec", 0)->meaning,
	    "Nov 14, 2023 22:13:20.000000000 UTC");
	assert_int_equal(fval(p, "krb4.lifetime"), 96);
	assert_string_equal(field_n(p, "krb4.s_name", 0)->meaning, "krbtgt");
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(40000, 750,
	    KRB4_KDCREQ)), "KRB4 KDC Request alice@EXAMPLE.COM for krbtgt"));

	/* least significant byte first: the time read so */
	p = decode_hex(DLT_RAW, udp_pkt(40001, 750, KRB4_KDCREQ_LE));
	assert_int_equal(fval(p, "krb4.byte_order"), 1);
	assert_string_equal(field_n(p, "krb4.time_sec", 0)->meaning,
	    "Nov 14, 2023 22:15:00.000000000 UTC");
	assert_string_equal(field_n(p, "krb4.s_instance", 0)->meaning,
	    "host1");

	p = decode_hex(DLT_RAW, udp_pkt(750, 40000, KRB4_KDCREP));
	assert_int_equal(fval(p, "krb4.m_type"), 2);
	assert_string_equal(field_n(p, "krb4.exp_date", 0)->meaning,
	    "Nov 15, 2023 08:13:20.000000000 UTC");
	assert_int_equal(fval(p, "krb4.kvno"), 3);
	assert_int_equal(fval(p, "krb4.length"), 16);
	assert_int_equal(field_n(p, "krb4.encrypted_blob", 0)->bits, 128);

	/* a version other than 4: not Kerberos v4 */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 750, "0502616c69636500"));
	assert_null(last_layer(p, "krb4"));
}

static void
test_krb4_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a reply whose encrypted part runs past the datagram */
	p = decode_hex(DLT_RAW, udp_pkt(750, 40000,
	    "0404616c69636500004558414d504c452e434f4d006553f1000165547da003"
	    "00100001"));
	assert_int_equal(layer(p, "krb4")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "krb4.length"), 16);
	assert_false(has_field(p, "krb4.encrypted_blob"));
	/* a request cut by the capture inside its realm */
	p = decode_cut(udp_pkt(40000, 750, KRB4_KDCREQ), 28 + 14);
	assert_int_equal(layer(p, "krb4")->status, ST_LS_TRUNCATED);
	assert_true(has_field(p, "krb4.instance"));
	assert_false(has_field(p, "krb4.realm"));

	sweep_prefixes(DLT_RAW, udp_pkt(40000, 750, KRB4_KDCREQ));
	sweep_prefixes(DLT_RAW, udp_pkt(750, 40000, KRB4_KDCREP));
}

static void
test_who(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(513, 513, WHO_REPORT));
	assert_chain(p, "ipv4 udp who");
	assert_int_equal(layer(p, "who")->status, ST_LS_OK);
	assert_int_equal(fval(p, "who.vers"), 1);
	assert_int_equal(fval(p, "who.type"), 1);
	assert_string_equal(field_n(p, "who.sendtime", 0)->meaning,
	    "Nov 14, 2023 22:13:20.000000000 UTC");
	assert_string_equal(field_n(p, "who.hostname", 0)->meaning, "host1");
	assert_int_equal(field_n(p, "who.hostname", 0)->bits, 256);
	assert_string_equal(field_n(p, "who.loadav_5", 0)->meaning, "0.5");
	assert_string_equal(field_n(p, "who.loadav_10", 0)->meaning, "1.25");
	assert_string_equal(field_n(p, "who.loadav_15", 0)->meaning, "0.07");
	assert_true(has_field(p, "who.entry"));
	assert_string_equal(field_n(p, "who.tty", 0)->meaning, "ttyp0");
	assert_string_equal(field_n(p, "who.uid", 0)->meaning, "alice");
	assert_int_equal(fval(p, "who.idle"), 125);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(513, 513,
	    WHO_REPORT)), "rwho host1: 0.5 1.25 0.07"));
}

static void
test_who_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* an entry of 10 bytes, whole as sent */
	p = decode_hex(DLT_RAW, udp_pkt(513, 513,
	    "010100006553f1006553f101686f7374310000000000000000000000000000000000"
	    "00000000000000000000000000320000007d000000076553c9f07474797030000000"
	    "616c"));
	assert_int_equal(layer(p, "who")->status, ST_LS_MALFORMED);
	assert_string_equal(field_n(p, "who.tty", 0)->meaning, "ttyp0");
	assert_false(has_field(p, "who.uid"));
	/* cut by the capture inside the host name */
	p = decode_cut(udp_pkt(513, 513, WHO_REPORT), 28 + 20);
	assert_int_equal(layer(p, "who")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "who.hostname"));

	sweep_prefixes(DLT_RAW, udp_pkt(513, 513, WHO_REPORT));
}

static void
test_xdmcp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(40000, 177, XDMCP_REQ));
	assert_chain(p, "ipv4 udp xdmcp");
	assert_int_equal(layer(p, "xdmcp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "xdmcp.version"), 1);
	assert_int_equal(fval(p, "xdmcp.opcode"), 7);
	assert_int_equal(fval(p, "xdmcp.length"), 54);
	assert_int_equal(fval(p, "xdmcp.display_number"), 0);
	assert_int_equal(fval(p, "xdmcp.connection_type"), 0);
	assert_int_equal(fval(p, "xdmcp.connection_address_ipv4"),
	    0xc6120001);
	assert_string_equal(field_n(p, "xdmcp.authentication_name",
	    0)->meaning, "");
	assert_int_equal(fval(p, "xdmcp.authentication_data_len"), 0);
	assert_int_equal(field_n(p, "xdmcp.authentication_data", 0)->bits,
	    16);
	assert_string_equal(field_n(p, "xdmcp.authorization_name",
	    0)->meaning, "MIT-MAGIC-COOKIE-1");
	assert_int_equal(field_n(p, "xdmcp.authorization_name", 0)->bits,
	    20 * 8);
	assert_int_equal(fval(p, "xdmcp.manufacturer_display_id_len"), 15);

	p = decode_hex(DLT_RAW, udp_pkt(177, 40000, XDMCP_ACCEPT));
	assert_int_equal(fval(p, "xdmcp.session_id"), 0x1234);
	assert_int_equal(fval(p, "xdmcp.authorization_data_len"), 16);
	assert_int_equal(field_n(p, "xdmcp.authorization_data", 0)->bits,
	    18 * 8);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(177, 40000,
	    XDMCP_ACCEPT)), "XDMCP Accept session 0x00001234"));

	/* version 2 does not exist: not XDMCP */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 177, "000200010001" "00"));
	assert_null(last_layer(p, "xdmcp"));

	/* types and addresses that do not pair: the display number only */
	p = decode_hex(DLT_RAW, udp_pkt(40002, 177,
	    "00010007000e00010200000000010004c6120001"));
	assert_int_equal(layer(p, "xdmcp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "xdmcp.display_number"), 1);
	assert_false(has_field(p, "xdmcp.connection_type"));
	assert_true(has_note(p, "do not pair"));
}

static void
test_xdmcp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a Willing whose host name runs past the datagram */
	p = decode_hex(DLT_RAW, udp_pkt(177, 40000,
	    "000100050008" "0000" "0020786d"));
	assert_int_equal(layer(p, "xdmcp")->status, ST_LS_MALFORMED);
	assert_true(has_field(p, "xdmcp.authentication_name"));
	assert_false(has_field(p, "xdmcp.hostname"));
	/* the Accept cut by the capture inside its cookie */
	p = decode_cut(udp_pkt(177, 40000, XDMCP_ACCEPT), 28 + 40);
	assert_int_equal(layer(p, "xdmcp")->status, ST_LS_TRUNCATED);
	assert_true(has_field(p, "xdmcp.authorization_name"));
	assert_false(has_field(p, "xdmcp.authorization_data"));

	sweep_prefixes(DLT_RAW, udp_pkt(40000, 177, XDMCP_REQ));
	sweep_prefixes(DLT_RAW, udp_pkt(177, 40000, XDMCP_ACCEPT));
}

static void
test_glbp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(3222, 3222, GLBP_HELLO));
	assert_chain(p, "ipv4 udp glbp");
	assert_int_equal(layer(p, "glbp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "glbp.version"), 1);
	assert_int_equal(fval(p, "glbp.group"), 1);
	assert_true(has_field(p, "glbp.ownerid"));
	assert_int_equal(field_n(p, "glbp.type", 0)->val, 1);
	assert_int_equal(field_n(p, "glbp.length", 0)->val, 28);
	assert_int_equal(fval(p, "glbp.hello.vgstate"), 0x20);
	assert_int_equal(fval(p, "glbp.hello.priority"), 200);
	assert_int_equal(fval(p, "glbp.hello.helloint"), 3000);
	assert_int_equal(fval(p, "glbp.hello.holdint"), 10000);
	assert_int_equal(fval(p, "glbp.hello.redirect"), 600);
	assert_int_equal(fval(p, "glbp.hello.timeout"), 14400);
	assert_int_equal(fval(p, "glbp.hello.virtualipv4"), 0xc61200fe);
	assert_int_equal(field_n(p, "glbp.reqresp.forwarder", 1)->val, 2);
	assert_int_equal(field_n(p, "glbp.reqresp.weight", 1)->val, 50);
	assert_int_equal(field_n(p, "glbp.reqresp.vfstate", 0)->val, 0x20);
	assert_int_equal(fval(p, "glbp.auth.authtype"), 1);
	assert_string_equal(field_n(p, "glbp.auth.plainpass", 0)->meaning,
	    "cisco1");
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(3222, 3222,
	    GLBP_HELLO)), "GLBP G: 1, Hello, Request/Response?, "
	    "Request/Response?, Auth"));

	/* from another port: not GLBP, as in Wireshark */
	p = decode_hex(DLT_RAW, udp_pkt(40000, 3222, GLBP_HELLO));
	assert_null(last_layer(p, "glbp"));
}

static void
test_glbp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a TLV of length 1 */
	p = decode_hex(DLT_RAW, udp_pkt(3222, 3222,
	    "010000010000020000000001" "0901"));
	assert_int_equal(layer(p, "glbp")->status, ST_LS_MALFORMED);
	/* a Hello whose address length says IPv4 of 6 bytes */
	p = decode_hex(DLT_RAW, udp_pkt(3222, 3222,
	    "010000010000020000000001" "011e002000c8000000000bb8000027100258"
	    "384000000106c61200fe0000"));
	assert_int_equal(layer(p, "glbp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "glbp.hello.virtualipv4"));
	/* a Request/Response TLV of 6 bytes, too short for its value */
	p = decode_hex(DLT_RAW, udp_pkt(3222, 3222,
	    "010000010000020000000001" "020601200064"));
	assert_int_equal(layer(p, "glbp")->status, ST_LS_MALFORMED);
	/* cut by the capture inside the Hello: shown as far as it goes */
	p = decode_cut(udp_pkt(3222, 3222, GLBP_HELLO), 28 + 12 + 10);
	assert_int_equal(layer(p, "glbp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "glbp.hello.priority"), 200);
	assert_false(has_field(p, "glbp.hello.holdint"));

	sweep_prefixes(DLT_RAW, udp_pkt(3222, 3222, GLBP_HELLO));
}

static void
test_wccp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, udp_pkt(2048, 2048, WCCP_HIA));
	assert_chain(p, "ipv4 udp wccp");
	assert_int_equal(layer(p, "wccp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "wccp.message"), 10);
	assert_int_equal(fval(p, "wccp.message_header_version"), 0x200);
	assert_int_equal(fval(p, "wccp.message_header_length"), 60);
	assert_int_equal(field_n(p, "wccp.item_type", 0)->val, 0);
	assert_int_equal(field_n(p, "wccp.item_length", 0)->val, 20);
	assert_int_equal(fval(p, "wccp.security_info_option"), 1);
	assert_int_equal(field_n(p, "wccp.security_md5_checksum", 0)->bits,
	    128);
	assert_int_equal(fval(p, "wccp.service_info_type"), 1);
	assert_int_equal(fval(p, "wccp.service_info_dyn_id"), 90);
	assert_false(has_field(p, "wccp.service_info_std_id"));
	assert_int_equal(fval(p, "wccp.service_info_priority"), 240);
	assert_int_equal(fval(p, "wccp.service_info_protocol"), 6);
	assert_int_equal(fval(p, "wccp.service_info_flags"), 0x13);
	assert_int_equal(fval(p, "wccp.service_info_flag.src_ip_hash"), 1);
	assert_int_equal(fval(p, "wccp.service_info_flag.ports_defined"), 1);
	assert_int_equal(fval(p, "wccp.service_info_flag.ports_source"), 0);
	assert_int_equal(field_n(p, "wccp.service_info_destination_port",
	    0)->val, 80);
	assert_int_equal(field_n(p, "wccp.service_info_destination_port",
	    1)->val, 8080);
	assert_false(has_field(p, "wccp.service_info_source_port"));
	assert_int_equal(field_n(p, "wccp.item_type", 2)->val, 99);
	assert_int_equal(field_n(p, "wccp.item_data", 0)->bits, 32);
	assert_non_null(strstr(summary_of(DLT_RAW, udp_pkt(2048, 2048,
	    WCCP_HIA)), "WCCP 2.0 Here I am"));

	/* I see you with a router identity: heard from one cache */
	p = decode_hex(DLT_RAW, udp_pkt(2048, 2048,
	    "0000000b0200001c" "00020018" "c6120002" "00000005" "c6120001"
	    "00000001" "c6120001"));
	assert_int_equal(fval(p, "wccp.router_identity.router_ip.ipv4"),
	    0xc6120002);
	assert_int_equal(fval(p, "wccp.router_identity.receive_id"), 5);
	assert_int_equal(fval(p, "wccp.router_identity.send_to_ip.ipv4"),
	    0xc6120001);
	assert_int_equal(fval(p, "wccp.router.num_recv_ip"), 1);
	assert_int_equal(fval(p,
	    "wccp.router_identity.received_from_ip.ipv4"), 0xc6120001);
	/* a count of caches past the component: malformed */
	p = decode_hex(DLT_RAW, udp_pkt(2048, 2048,
	    "0000000b02000018" "00020014" "c6120002" "00000005" "c6120001"
	    "00000003"));
	assert_int_equal(layer(p, "wccp")->status, ST_LS_MALFORMED);
}

static void
test_wccp_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a Service Info component of 4 bytes */
	p = decode_hex(DLT_RAW, udp_pkt(2048, 2048,
	    "0000000a020000080001000401000000"));
	assert_int_equal(layer(p, "wccp")->status, ST_LS_MALFORMED);
	/* a component past the datagram */
	p = decode_hex(DLT_RAW, udp_pkt(2048, 2048,
	    "0000000a02000008000000400000"));
	assert_int_equal(layer(p, "wccp")->status, ST_LS_MALFORMED);
	/* cut by the capture inside the service: shown as far as it goes */
	p = decode_cut(udp_pkt(2048, 2048, WCCP_HIA), 28 + 40);
	assert_int_equal(layer(p, "wccp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "wccp.service_info_dyn_id"), 90);
	assert_false(has_field(p, "wccp.service_info_flags"));

	sweep_prefixes(DLT_RAW, udp_pkt(2048, 2048, WCCP_HIA));
}

static void
test_seeds(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, SEED_SRVLOC);
	assert_int_equal(last_layer(p, "srvloc")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_SRVLOC_TCP);
	assert_int_equal(last_layer(p, "srvloc")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_ASF);
	assert_int_equal(last_layer(p, "asf")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_IPMI15);
	assert_int_equal(last_layer(p, "ipmi_session")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_IPMI20);
	assert_int_equal(last_layer(p, "ipmi_session")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_MIP);
	assert_int_equal(last_layer(p, "mip")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_KRB4);
	assert_int_equal(last_layer(p, "krb4")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_WHO);
	assert_int_equal(last_layer(p, "who")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_XDMCP);
	assert_int_equal(last_layer(p, "xdmcp")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_GLBP);
	assert_int_equal(last_layer(p, "glbp")->status, ST_LS_OK);
	p = decode_hex(DLT_RAW, SEED_WCCP);
	assert_int_equal(last_layer(p, "wccp")->status, ST_LS_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_natpmp),
		cmocka_unit_test(test_natpmp_bad),
		cmocka_unit_test(test_pcp_map),
		cmocka_unit_test(test_pcp_peer),
		cmocka_unit_test(test_pcp_bad),
		cmocka_unit_test(test_srvloc),
		cmocka_unit_test(test_srvloc_bad),
		cmocka_unit_test(test_rmcp),
		cmocka_unit_test(test_rmcp_bad),
		cmocka_unit_test(test_mip),
		cmocka_unit_test(test_mip_bad),
		cmocka_unit_test(test_tsp),
		cmocka_unit_test(test_tsp_bad),
		cmocka_unit_test(test_krb4),
		cmocka_unit_test(test_krb4_bad),
		cmocka_unit_test(test_who),
		cmocka_unit_test(test_who_bad),
		cmocka_unit_test(test_xdmcp),
		cmocka_unit_test(test_xdmcp_bad),
		cmocka_unit_test(test_glbp),
		cmocka_unit_test(test_glbp_bad),
		cmocka_unit_test(test_wccp),
		cmocka_unit_test(test_wccp_bad),
		cmocka_unit_test(test_seeds),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
