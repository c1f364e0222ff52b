/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multicast routing inside IGMP.  DVMRP (IGMP type 0x13): a probe and its
 * neighbours, a report's routes with their three-byte masks and sources
 * of as many bytes as the mask needs, Neighbors 2 with an interface's
 * flags, a prune; cut short and with a report running on past its end.
 * PIMv1 (IGMP type 0x14): a query, a register carrying a datagram, a
 * join/prune's groups and sources, an assert, a version other than 1.
 * Each is a layer of its own above an IGMP layer that only carries it, as
 * Wireshark shows them.  Connectionless LDAP: LDAP's messages over UDP 389
 * under their own name, two in one datagram.  NNTP: a command and its
 * arguments, a status line, an answer's text.  TACACS+: an unencrypted
 * START, REPLY, authorization and accounting requests with their
 * arguments, an obfuscated body, two messages in one segment, a length
 * past the capture.  RTSP: a request line and its URL, an answer whose
 * body is SDP, Session and Transport, interleaved RTP and RTCP two in a
 * segment.  WireGuard: a handshake response, a keepalive, what is not
 * WireGuard.  Wake-on-LAN over Ethernet and its near misses.  Gnutella: a
 * query hit, the handshake's text as a stream, a descriptor cut short.
 * Every shorter prefix of each.
 */
#include <string.h>

#include "testutil.h"

#define IP(len, ck, src, dst) "4500" len "000140004002" ck src dst
#define R1	"c6120001"
#define R2	"c6120002"

#define PROBE IP("0028", "94bb", R1, "e0000004") \
	"13010761000eff035a5a0001c6120002c6120009"
#define REPORT IP("002c", "94b7", R1, "e0000004") \
	"130243e50000ff03ffff00c6120101c61202830000000085"
#define NBR2 IP("0038", "ae9b", R2, R1) \
	"1306b06d000eff03c612000201014002c6120001c6120003c6120501" \
	"02101101c6120601"
#define PRUNE IP("002c", "aea7", R1, R2) \
	"130721ba0000ff03c6120109e9fc000100001c20ffffff00"

static void
test_dvmrp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, PROBE);
	assert_chain(p, "ipv4 igmp dvmrp");
	/* IGMP only carries it: no fields of its own */
	assert_false(has_field(p, "igmp.type"));
	assert_int_equal(fval(p, "dvmrp.version"), 3);
	assert_int_equal(fval(p, "dvmrp.v3.code"), 1);
	assert_int_equal(fval(p, "dvmrp.capabilities"), 0x0e);
	assert_int_equal(fval(p, "dvmrp.cap.genid"), 1);
	assert_int_equal(fval(p, "dvmrp.cap.leaf"), 0);
	assert_int_equal(fval(p, "dvmrp.maj_ver"), 3);
	assert_int_equal(fval(p, "dvmrp.min_ver"), 0xff);
	assert_int_equal(fval(p, "dvmrp.genid"), 0x5a5a0001);
	assert_int_equal(field_n(p, "dvmrp.neighbor", 1)->val, 0xc6120009);
	assert_int_equal(fval(p, "dvmrp.checksum.status"), ST_CK_GOOD);
	assert_string_equal(summary_of(DLT_RAW, PROBE), "   1  0.000000  "
	    "ipv4 › igmp › dvmrp  198.18.0.1 → 224.0.0.4 dvmrp Probe "
	    "(v 3.255)\n");

	/* mask 255.255.255.0: sources of three bytes; mask 255.0.0.0 with
	 * source 0: the default route, of one byte */
	p = decode_hex(DLT_RAW, REPORT);
	assert_string_equal(field_n(p, "dvmrp.netmask", 0)->meaning,
	    "255.255.255.0");
	assert_string_equal(field_n(p, "dvmrp.saddr", 0)->meaning,
	    "198.18.1.0");
	assert_string_equal(field_n(p, "dvmrp.saddr", 1)->meaning,
	    "198.18.2.0");
	assert_int_equal(field_n(p, "dvmrp.metric", 1)->val, 3);
	assert_string_equal(field_n(p, "dvmrp.netmask", 1)->meaning,
	    "255.0.0.0");
	assert_string_equal(field_n(p, "dvmrp.saddr", 2)->meaning, "0.0.0.0");
	assert_int_equal(field_n(p, "dvmrp.metric", 2)->val, 5);
	assert_int_equal(last_layer(p, "dvmrp")->status, ST_LS_OK);

	p = decode_hex(DLT_RAW, NBR2);
	assert_int_equal(field_n(p, "dvmrp.local", 1)->val, 0xc6120501);
	assert_int_equal(fval(p, "dvmrp.flag.querier"), 1);
	assert_int_equal(field_n(p, "dvmrp.flag.tunnel", 1)->val, 1);
	assert_int_equal(field_n(p, "dvmrp.flag.down", 1)->val, 1);
	assert_int_equal(field_n(p, "dvmrp.ncount", 0)->val, 2);
	assert_int_equal(field_n(p, "dvmrp.neighbor", 2)->val, 0xc6120601);
	assert_int_equal(field_n(p, "dvmrp.threshold", 1)->val, 16);

	p = decode_hex(DLT_RAW, PRUNE);
	assert_int_equal(fval(p, "dvmrp.saddr"), 0xc6120109);
	assert_int_equal(fval(p, "dvmrp.maddr"), 0xe9fc0001);
	assert_int_equal(fval(p, "dvmrp.lifetime"), 7200);
	assert_int_equal(fval(p, "dvmrp.netmask"), 0xffffff00);
	sweep_prefixes(DLT_RAW, PROBE);
	sweep_prefixes(DLT_RAW, REPORT);
	sweep_prefixes(DLT_RAW, NBR2);
	sweep_prefixes(DLT_RAW, PRUNE);
}

/* Cut short: shown as far as it goes, the sum unchecked; a report whose
 * route never ends within the message is read to its end and no further. */
static void
test_dvmrp_short(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, IP("0028", "94bb", R1, "e0000004")
	    "13010761000eff035a5a");
	assert_int_equal(last_layer(p, "dvmrp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "dvmrp.checksum.status"), ST_CK_UNVERIFIED);
	assert_false(has_field(p, "dvmrp.genid"));
	/* metric 0x01 (more to come) is the last byte: the route stops */
	p = decode_hex(DLT_RAW, IP("0023", "0000", R1, "e0000004")
	    "130200000000ff03ffff00c6120101");
	assert_int_equal(fval(p, "dvmrp.metric"), 1);
	assert_int_equal(last_layer(p, "dvmrp")->hdr_len, 15);
	assert_int_equal(last_layer(p, "dvmrp")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, IP("0023", "0000", R1, "e0000004")
	    "130200000000ff03ffff00c6120101");
}

#define QUERY IP("0020", "94ba", R1, "e000000d") \
	"1400cb961000000010000069"
#define REG IP("0046", "ae8d", R1, R2) \
	"1401dbfe100000004500002a00014000401189a9c6120109e9fc0001138c138c" \
	"001635ed6d756c7469636173742064617461"
#define JP IP("0046", "9494", R1, "e000000d") \
	"1403c06410000000c6120002000000d200040401e9fc0001ffffffff00020001" \
	"0420c61201090720c61200070520c6120303"
#define PASSERT IP("002c", "94ae", R1, "e000000d") \
	"1405717a10000000e9fc0001ffffffff8000006e00000014"

static void
test_pimv1(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, QUERY);
	assert_chain(p, "ipv4 igmp pimv1");
	assert_string_equal(field_n(p, "pim.igmp_type", 0)->meaning,
	    "PIM (0x14)");
	assert_int_equal(fval(p, "pim.code"), 0);
	assert_int_equal(fval(p, "pim.version"), 1);
	assert_int_equal(fval(p, "pim.mode"), 1);
	assert_int_equal(fval(p, "pim.holdtime"), 105);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);

	/* a register's sum covers its header; the datagram is decoded on */
	p = decode_hex(DLT_RAW, REG);
	assert_int_equal(fval(p, "pim.ip_version"), 4);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	assert_non_null(field_n(p, "ip.src", 1));
	assert_int_equal(fval(p, "udp.dstport"), 5004);

	p = decode_hex(DLT_RAW, JP);
	assert_int_equal(fval(p, "pim.upstream_neighbor"), 0xc6120002);
	assert_int_equal(fval(p, "pim.holdtime"), 210);
	assert_int_equal(fval(p, "pim.numgroups"), 1);
	assert_int_equal(fval(p, "pim.group"), 0xe9fc0001);
	assert_int_equal(fval(p, "pim.numjoins"), 2);
	assert_int_equal(fval(p, "pim.numprunes"), 1);
	assert_int_equal(field_n(p, "pim.join_ip", 1)->val, 0xc6120007);
	assert_int_equal(field_n(p, "pim.src_flags.w", 1)->val, 1);
	assert_int_equal(fval(p, "pim.prune_ip"), 0xc6120303);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	assert_string_equal(summary_of(DLT_RAW, JP), "   1  0.000000  "
	    "ipv4 › igmp › pimv1  198.18.0.1 → 224.0.0.13 pim v1 "
	    "Join/Prune\n");

	p = decode_hex(DLT_RAW, PASSERT);
	assert_int_equal(fval(p, "pim.rpt"), 1);
	assert_int_equal(fval(p, "pim.metric_pref"), 110);
	assert_int_equal(fval(p, "pim.metric"), 20);
	sweep_prefixes(DLT_RAW, QUERY);
	sweep_prefixes(DLT_RAW, REG);
	sweep_prefixes(DLT_RAW, JP);
	sweep_prefixes(DLT_RAW, PASSERT);
}

/* A version other than 1: shown to the version, the sum not checked; a
 * join/prune claiming more sources than it has: cut short. */
static void
test_pimv1_odd(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, IP("0020", "94ba", R1, "e000000d")
	    "1400cbff2000000000000000");
	assert_int_equal(fval(p, "pim.version"), 2);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_UNVERIFIED);
	assert_false(has_field(p, "pim.res_bytes"));
	p = decode_hex(DLT_RAW, IP("0040", "0000", R1, "e000000d")
	    "1403c06410000000c6120002000000d200040401e9fc0001ffffffff"
	    "ffffffff0420c6120109");
	assert_int_equal(last_layer(p, "pimv1")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "pim.join_ip"), 0xc6120109);
}

#define CLDAP_REQ "4500006a000140004011ae5ac6120001c6120002c73801850056f7c7" \
	"304c020107634704000a01000a0100020100020100010100a025a3160409446e73" \
	"446f6d61696e0409636f72702e74657374a30b0404486f73740403777337300d04" \
	"0b646e73486f73744e616d65"
#define CLDAP_RES "45000055000140004011ae6fc6120002c61200010185c7380041f84e" \
	"3029020107642404003020301e040b646e73486f73744e616d65310f040d646331" \
	"2e636f72702e74657374300c02010765070a010004000400"

static void
test_cldap(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, CLDAP_REQ);
	assert_chain(p, "ipv4 udp cldap");
	assert_int_equal(fval(p, "ldap.messageID"), 7);
	assert_int_equal(fval(p, "ldap.protocolOp"), 3);
	assert_string_equal(field_n(p, "ldap.assertionValue", 1)->meaning,
	    "ws7");
	assert_string_equal(summary_of(DLT_RAW, CLDAP_REQ), "   1  0.000000  "
	    "ipv4 › udp › cldap  198.18.0.1:51000 → 198.18.0.2:389 len 78  "
	    "cldap #7 searchRequest (&(DnsDomain=corp.test)(Host=ws7))\n");
	/* the entry and the search's end: two layers */
	p = decode_hex(DLT_RAW, CLDAP_RES);
	assert_chain(p, "ipv4 udp cldap cldap");
	assert_int_equal(field_n(p, "ldap.protocolOp", 1)->val, 5);
	/* LDAP over TCP keeps its own name */
	p = decode_hex(DLT_RAW, "4500003a000140004006ae81c6120001c6120002"
	    "c738018500000001000000005018ffff00000000"
	    "300c02010765070a010004000400");
	assert_chain(p, "ipv4 tcp ldap");
	sweep_prefixes(DLT_RAW, CLDAP_REQ);
	sweep_prefixes(DLT_RAW, CLDAP_RES);
}

#define NNTP_GROUP "45000039000740004006ae90c6120001c61200029cb70077" \
	"000003f6000013fa5018ffff94eb000047524f5550206d6973632e746573740d0a"
#define NNTP_ARTICLE "450000a4000a40004006ae22c6120002c612000100779cb7" \
	"0000140f000004125018ffff535f00003232302032203c613240636f72702e7465" \
	"73743e0d0a46726f6d3a20616e6e40636f72702e746573740d0a4e657773677" \
	"26f7570733a206d6973632e746573740d0a5375626a6563743a2068656c6c6f0d" \
	"0a4d6573736167652d49443a203c613240636f72702e746573743e0d0a0d0a4120" \
	"746573742e0d0a2e0d0a"

static void
test_nntp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, NNTP_GROUP);
	assert_chain(p, "ipv4 tcp nntp");
	assert_int_equal(fval(p, "nntp.request"), 1);
	assert_false(has_field(p, "nntp.response"));
	assert_string_equal(field_n(p, "strata.nntp.command", 0)->meaning,
	    "GROUP");
	assert_string_equal(field_n(p, "strata.nntp.arguments", 0)->meaning,
	    "misc.test");
	p = decode_hex(DLT_RAW, NNTP_ARTICLE);
	assert_int_equal(fval(p, "nntp.response"), 1);
	assert_string_equal(field_n(p, "strata.nntp.code", 0)->meaning, "220");
	assert_string_equal(field_n(p, "strata.nntp.text", 0)->meaning,
	    "2 <a2@corp.test>");
	assert_int_equal(fval(p, "strata.nntp.lines"), 8);
	/* an article's text alone: its lines, no status */
	p = decode_hex(DLT_RAW, "4500003c000a40004006ae22c6120002c6120001"
	    "00779cb70000140f000004125018ffff535f0000"
	    "4120746573742e0d0a2e0d0a4d6f72650d0a");
	assert_false(has_field(p, "strata.nntp.code"));
	assert_int_equal(fval(p, "strata.nntp.lines"), 3);
	sweep_prefixes(DLT_RAW, NNTP_GROUP);
	sweep_prefixes(DLT_RAW, NNTP_ARTICLE);
}

#define TAC_START "45000048000440004006ae84c6120001c61200029c710031" \
	"000003e8000013885018ffff9dd90000" \
	"c00101011234abcd00000014010f010105040300616c69636574747930777337"
#define TAC_REPLY "45000044000540004006ae87c6120002c612000100319c71" \
	"00001388000004085018ffff026e0000" \
	"c00102011234abcd000000100501000a000050617373776f72643a20"
#define TAC_AUTHOR "4500006f000840004006ae59c6120001c61200029c710031" \
	"0000041f000013b65018ffffa7060000" \
	"c0020101000022220000003b060f0101050403030d080f616c6963657474793077" \
	"7337736572766963653d7368656c6c636d643d73686f77636d642d6172673d7665" \
	"7273696f6e"
#define TAC_ACCT "45000077000a40004006ae4fc6120001c61200029c710031" \
	"00000466000013d45018ffff20470000" \
	"c0030101000033330000004302060f01010504030309150d616c69636574747930" \
	"7773377461736b5f69643d3773746172745f74696d653d31373030303030303030" \
	"736572766963653d7368656c6c"
#define TAC_OBF "45000048000d40004006ae7bc6120001c61200029c710031" \
	"000004d9000013e55018fffffd540000" \
	"c00101000000555500000014000102030405060708090a0b0c0d0e0f10111213"

static void
test_tacplus(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TAC_START);
	assert_chain(p, "ipv4 tcp tacplus");
	assert_int_equal(fval(p, "tacplus.request"), 1);
	assert_int_equal(fval(p, "tacplus.majvers"), 192);
	assert_int_equal(fval(p, "tacplus.flags.unencrypted"), 1);
	assert_int_equal(fval(p, "tacplus.session_id"), 0x1234abcd);
	assert_int_equal(fval(p, "tacplus.packet_len"), 20);
	assert_int_equal(fval(p, "tacplus.authen_action"), 1);
	assert_int_equal(fval(p, "tacplus.privilege_level"), 15);
	assert_string_equal(field_n(p, "tacplus.user", 0)->meaning, "alice");
	assert_string_equal(field_n(p, "tacplus.port", 0)->meaning, "tty0");
	assert_string_equal(field_n(p, "tacplus.remote_address", 0)->meaning,
	    "ws7");
	assert_int_equal(fval(p, "tacplus.ascii_length"), 0);
	assert_string_equal(summary_of(DLT_RAW, TAC_START), "   1  0.000000  "
	    "ipv4 › tcp › tacplus  198.18.0.1:40049 → 198.18.0.2:49 [P.] seq "
	    "1000:1032 ack 5000 win 65535 len 32  tacacs+ authentication "
	    "start seq 1 user alice\n");

	p = decode_hex(DLT_RAW, TAC_REPLY);
	assert_int_equal(fval(p, "tacplus.response"), 1);
	assert_int_equal(fval(p, "tacplus.body_authen_rep.status"), 5);
	assert_string_equal(field_n(p, "tacplus.body_authen_rep.server_msg",
	    0)->meaning, "Password: ");

	p = decode_hex(DLT_RAW, TAC_AUTHOR);
	assert_int_equal(fval(p, "tacplus.body_author_req.arg_count"), 3);
	assert_int_equal(field_n(p, "tacplus.arg_length", 2)->val, 15);
	assert_string_equal(field_n(p, "tacplus.arg_value", 1)->meaning,
	    "cmd=show");

	p = decode_hex(DLT_RAW, TAC_ACCT);
	assert_int_equal(fval(p, "tacplus.acct.flags.start"), 1);
	assert_int_equal(fval(p, "tacplus.acct.flags.stop"), 0);
	assert_string_equal(field_n(p, "tacplus.arg_value", 0)->meaning,
	    "task_id=7");

	/* without the key: the header, and the body as bytes */
	p = decode_hex(DLT_RAW, TAC_OBF);
	assert_int_equal(fval(p, "tacplus.flags.unencrypted"), 0);
	assert_int_equal(field_n(p, "strata.tacplus.encrypted", 0)->bits, 160);
	assert_false(has_field(p, "tacplus.user"));
	sweep_prefixes(DLT_RAW, TAC_START);
	sweep_prefixes(DLT_RAW, TAC_AUTHOR);
	sweep_prefixes(DLT_RAW, TAC_ACCT);
}

/* Two messages in one segment: two layers; a user length past the body:
 * cut short, not read beyond. */
static void
test_tacplus_odd(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, "4500004c000540004006ae87c6120002c6120001"
	    "00319c7100001388000004085018ffff026e0000"
	    "c00104011234abcd00000006010000000000"
	    "c00104011234abcd00000006020000000000");
	assert_chain(p, "ipv4 tcp tacplus tacplus");
	assert_int_equal(field_n(p, "tacplus.body_authen_rep.status", 1)->val,
	    2);
	p = decode_hex(DLT_RAW, "45000048000440004006ae84c6120001c6120002"
	    "9c710031000003e8000013885018ffff9dd90000"
	    "c00101011234abcd00000014010f0101ff0403006162");
	assert_int_equal(last_layer(p, "tacplus")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "tacplus.user"));
}

#define RTSP_DESCRIBE \
	"45000075000640004006ae55c6120001c61200029e6a022a00000434000013d6" \
	"5018ffffa5210000444553435249424520727473703a2f2f3139382e31382e30" \
	"2e322f63616d20525453502f312e300d0a435365713a20320d0a416363657074" \
	"3a206170706c69636174696f6e2f7364700d0a0d0a"
#define RTSP_SDP \
	"450000e6000740004006ade3c6120002c6120001022a9e6a000013d600000481" \
	"5018ffff65600000525453502f312e3020323030204f4b0d0a435365713a2032" \
	"0d0a436f6e74656e742d547970653a206170706c69636174696f6e2f7364700d" \
	"0a436f6e74656e742d4c656e6774683a203131300d0a0d0a763d300d0a6f3d2d" \
	"2031203120494e20495034203139382e31382e302e320d0a733d63616d0d0a63" \
	"3d494e2049503420302e302e302e300d0a743d3020300d0a6d3d766964656f20" \
	"30205254502f4156502039360d0a613d7274706d61703a393620483236342f39" \
	"303030300d0a"
#define RTSP_SETUP \
	"45000092000940004006ae35c6120002c6120001022a9e6a00001494000004e9" \
	"5018ffff50690000525453502f312e3020323030204f4b0d0a435365713a2033" \
	"0d0a53657373696f6e3a2031323334353637383b74696d656f75743d36300d0a" \
	"5472616e73706f72743a205254502f4156502f5443503b756e69636173743b69" \
	"6e7465726c65617665643d302d310d0a0d0a"
#define RTSP_MEDIA \
	"4500005d000d40004006ae66c6120002c6120001022a9e6a000015420000052c" \
	"5018ffffc79700002400001180600001000000640000abcd6672616d65240100" \
	"1c80c800060000abcd0000000000000000000000640000000100000005"

static void
test_rtsp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, RTSP_DESCRIBE);
	assert_chain(p, "ipv4 tcp rtsp");
	assert_string_equal(field_n(p, "rtsp.method", 0)->meaning, "DESCRIBE");
	assert_string_equal(field_n(p, "rtsp.url", 0)->meaning,
	    "rtsp://198.18.0.2/cam");
	/* the line's end written as Wireshark writes it */
	assert_string_equal(field_n(p, "rtsp.request", 0)->meaning,
	    "DESCRIBE rtsp://198.18.0.2/cam RTSP/1.0\\r\\n");
	p = decode_hex(DLT_RAW, RTSP_SDP);
	assert_chain(p, "ipv4 tcp rtsp sdp");
	assert_int_equal(fval(p, "rtsp.status"), 200);
	assert_int_equal(fval(p, "rtsp.content-length"), 110);
	assert_string_equal(field_n(p, "rtsp.content-type", 0)->meaning,
	    "application/sdp");
	p = decode_hex(DLT_RAW, RTSP_SETUP);
	assert_string_equal(field_n(p, "rtsp.session", 0)->meaning,
	    "12345678;timeout=60");
	assert_string_equal(field_n(p, "rtsp.transport", 0)->meaning,
	    "RTP/AVP/TCP;unicast;interleaved=0-1");
	/* channel 0 RTP, then channel 1 RTCP in the same segment */
	p = decode_hex(DLT_RAW, RTSP_MEDIA);
	assert_chain(p, "ipv4 tcp rtsp rtp rtsp rtcp");
	assert_int_equal(field_n(p, "rtsp.channel", 1)->val, 1);
	assert_int_equal(fval(p, "rtp.seq"), 1);
	assert_string_equal(field_n(p, "rtcp.timestamp.ntp", 0)->meaning,
	    "Jan  1, 1970 00:00:00.000000000 UTC");
	/* not RTP (version 0): data */
	p = decode_hex(DLT_RAW, "45000036000d40004006ae66c6120002c6120001"
	    "022a9e6a000015420000052c5018ffffc7970000"
	    "2400000a00112233445566778899");
	assert_chain(p, "ipv4 tcp rtsp data");
	sweep_prefixes(DLT_RAW, RTSP_SDP);
	sweep_prefixes(DLT_RAW, RTSP_MEDIA);
}

#define WG_RESP \
	"45000078000140004011ae4cc6120002c6120001ca6cca6c0064df4b02000000" \
	"88776655443322116465666768696a6b6c6d6e6f707172737475767778797a7b" \
	"7c7d7e7f80818283000102030405060708090a0b0c0d0e0f0001020304050607" \
	"08090a0b0c0d0e0f00000000000000000000000000000000"
#define WG_KEEP \
	"4500003c000140004011ae88c6120002c6120001ca6cca6c0028e3cf04000000" \
	"88776655080000000000000000000000000000000000000000000000"
#define WOL_ETH \
	"ffffffffffff0200000000010842ffffffffffff020000000002020000000002" \
	"0200000000020200000000020200000000020200000000020200000000020200" \
	"0000000202000000000202000000000202000000000202000000000202000000" \
	"0002020000000002020000000002020000000002"

static void
test_wg(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, WG_RESP);
	assert_chain(p, "ipv4 udp wg");
	assert_int_equal(fval(p, "wg.type"), 2);
	assert_int_equal(fval(p, "wg.sender"), 0x55667788);
	assert_int_equal(fval(p, "wg.receiver"), 0x11223344);
	/* the key in base64, as wg(8) and Wireshark write it */
	assert_string_equal(field_n(p, "wg.ephemeral", 0)->meaning,
	    "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=");
	assert_int_equal(field_n(p, "wg.mac1", 0)->bits, 128);
	p = decode_hex(DLT_RAW, WG_KEEP);
	assert_int_equal(fval(p, "wg.counter"), 8);
	assert_true(has_note(p, "keepalive"));
	/* a reserved byte set, or a length not the type's: not WireGuard */
	p = decode_hex(DLT_RAW, "4500003c000140004011ae88c6120002c6120001"
	    "ca6cca6c0028e3cf" "0401000088776655080000000000000000000000"
	    "000000000000000000000000");
	assert_chain(p, "ipv4 udp data");
	p = decode_hex(DLT_RAW, "4500003d000140004011ae88c6120002c6120001"
	    "ca6cca6c0029e3cf" "0400000088776655080000000000000000000000"
	    "00000000000000000000000000");
	assert_chain(p, "ipv4 udp data");
	sweep_prefixes(DLT_RAW, WG_RESP);
	sweep_prefixes(DLT_RAW, WG_KEEP);
}

static void
test_wol(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, WOL_ETH);
	assert_chain(p, "eth wol");
	assert_int_equal(field_n(p, "wol.mac", 15)->val, 0x020000000002ULL);
	assert_int_equal(field_n(p, "wol.sync", 0)->bits, 48);
	assert_false(has_field(p, "wol.passwd"));
	/* a SecureOn password of six bytes */
	p = decode_hex(DLT_EN10MB, WOL_ETH "736563726574");
	assert_int_equal(field_n(p, "wol.passwd", 0)->bits, 48);
	assert_int_equal(field_n(p, "wol.passwd", 0)->bitoff, (14 + 102) * 8);
	/* one copy differs: not a magic packet */
	p = decode_hex(DLT_EN10MB, "ffffffffffff0200000000010842ffffffffffff"
	    "020000000002020000000002020000000002020000000002"
	    "020000000002020000000002020000000002020000000002"
	    "020000000002020000000002020000000002020000000002"
	    "020000000002020000000002020000000002020000000003");
	assert_chain(p, "eth data");
	sweep_prefixes(DLT_EN10MB, WOL_ETH);
}

#define GNU_HIT \
	"4500006e000940004006ae59c6120002c612000118ca9d9a000013c400000450" \
	"5018ffff6bd00000000102030405060708090a0b0c0d0e0f8107012f00000001" \
	"ca18c61200026400000001000000001000007374726174612e74787400000001" \
	"02030405060708090a0b0c0d0e0f"

static void
test_gnutella(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, GNU_HIT);
	assert_chain(p, "ipv4 tcp gnutella");
	assert_int_equal(fval(p, "gnutella.header.payload"), 0x81);
	assert_int_equal(fval(p, "gnutella.header.size"), 47);
	assert_int_equal(fval(p, "gnutella.queryhit.port"), 6346);
	assert_int_equal(fval(p, "gnutella.queryhit.ip"), 0xc6120002);
	assert_int_equal(fval(p, "gnutella.queryhit.hit.size"), 4096);
	assert_string_equal(field_n(p, "gnutella.queryhit.hit.name", 0)->meaning,
	    "strata.txt");
	assert_int_equal(field_n(p, "gnutella.queryhit.servent_id", 0)->bits,
	    128);
	/* text where a header's length would pass 4096: the stream */
	p = decode_hex(DLT_RAW, "4500004f000940004006ae59c6120001c6120002"
	    "9d9a18ca000003e8000013885018ffff00000000"
	    "474e5554454c4c4120434f4e4e4543542f302e360d0a0d0a");
	assert_true(has_field(p, "gnutella.stream"));
	/* a query whose length runs past the segment: cut short */
	p = decode_hex(DLT_RAW, "4500004a000940004006ae59c6120001c6120002"
	    "9d9a18ca000003e8000013885018ffff00000000"
	    "000102030405060708090a0b0c0d0e0f8007001000000000007374");
	assert_int_equal(last_layer(p, "gnutella")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, GNU_HIT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dvmrp),
		cmocka_unit_test(test_dvmrp_short),
		cmocka_unit_test(test_pimv1),
		cmocka_unit_test(test_pimv1_odd),
		cmocka_unit_test(test_cldap),
		cmocka_unit_test(test_nntp),
		cmocka_unit_test(test_tacplus),
		cmocka_unit_test(test_tacplus_odd),
		cmocka_unit_test(test_rtsp),
		cmocka_unit_test(test_wg),
		cmocka_unit_test(test_wol),
		cmocka_unit_test(test_gnutella),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
