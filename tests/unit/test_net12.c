/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network-layer and link-layer coverage (net12): ICMP's and ICMPv6's
 * extended echo (RFC 8335) and the extension objects they carry (RFC
 * 4884, 5837, 8335), ICMPv6 node information (RFC 4620), MLDv2 queries,
 * the PREF64 option (RFC 8781); which layer names the bytes after a
 * frame's payload (eth.trailer, vlan.trailer, ieee8021ah.trailer, none);
 * ARP's gratuitous, probe and announcement judgements; PTP management
 * TLVs; OpenFlow 1.3 meter configurations and errors; BGP's MP_REACH_NLRI,
 * extended communities and PMSI tunnels; Cisco ISL; the loopback test;
 * GTP version 0 on UDP 3386 (gtpprime) and its T-PDUs.
 * Each from hand-written bytes, every shorter prefix marked truncated,
 * and headers that lie marked malformed.
 */
#include "testutil.h"

/* How many fields named name p holds. */
static unsigned
count(const struct st_packet *p, const char *name)
{
	unsigned i, n = 0;

	for (i = 0; i < p->nfields; i++)
		n += strcmp(p->fields[i].desc->name, name) == 0;
	return n;
}

/* IPv6 fe80::1 -> fe80::2, payload length plen, ICMPv6. */
#define IP6(plen) "60000000" plen "3aff" \
	"fe800000000000000000000000000001" "fe800000000000000000000000000002"
/* IPv4 10.0.0.1 -> 10.0.0.2, total length tl, ICMP. */
#define IP4(tl) "4500" tl "00010000" "4001" "0000" "0a0000010a000002"

/*
 * An extended echo request: id 0xfb61, seq 0, L set; an extension
 * (version 2, checksum 0xdcf4: bad) with an interface identification
 * object by index (1) and an object of class 173 whose length (11) runs
 * past the message.
 */
#define XECHO6 IP6("001c") "a0009844" "fb610001" "2000dcf4" "00080302" \
	"00000001" "000bad1e" "7fc0ffee"
/* Its reply: state 0, A, 4 and 6 set. */
#define XREPLY6 IP6("0008") "a1000000" "fb610007"

static void
test_ext_echo6(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, XECHO6);

	(void)state;
	assert_chain(p, "ipv6 icmpv6 icmpext");
	assert_int_equal(fval(p, "icmpv6.echo.identifier"), 0xfb61);
	assert_int_equal(fval(p, "icmpv6.ext.echo.seq"), 0);
	assert_int_equal(fval(p, "icmpv6.ext.echo.req.local"), 1);
	assert_int_equal(fval(p, "icmp.ext.version"), 2);
	assert_int_equal(field_n(p, "icmp.ext.checksum", 0)->ck, ST_CK_BAD);
	assert_int_equal(fval(p, "icmp.int_ident.index"), 1);
	assert_int_equal(field_n(p, "icmp.ext.class", 1)->val, 173);
	/* The second object's data: what the message holds of it. */
	assert_int_equal(field_n(p, "icmp.ext.data", 0)->bits, 32);
	assert_int_equal(layer(p, "icmpext")->off, 48);
	assert_int_equal(layer(p, "icmpext")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, XECHO6);
	p = decode_hex(DLT_RAW, XREPLY6);
	assert_chain(p, "ipv6 icmpv6");
	assert_int_equal(fval(p, "icmpv6.ext.echo.rsp.state"), 0);
	assert_int_equal(fval(p, "icmpv6.ext.echo.rsp.active"), 1);
	assert_int_equal(fval(p, "icmpv6.ext.echo.rsp.ipv4"), 1);
	assert_int_equal(fval(p, "icmpv6.ext.echo.rsp.ipv6"), 1);
	sweep_prefixes(DLT_RAW, XREPLY6);
	/* An object of 2 bytes: the extension is malformed, no loop. */
	p = decode_hex(DLT_RAW, IP6("0010") "a0000000" "fb610001" "20000000"
	    "00020302");
	assert_int_equal(layer(p, "icmpext")->status, ST_LS_MALFORMED);
	assert_int_equal(count(p, "icmp.ext.ctype"), 0);
}

/*
 * ICMP's extended echo request (type 42): id 0x1234, seq 5, L set, an
 * extension with no checksum (0) and an interface identification object
 * by address: AFI 2, 16 bytes, 2001:db8::1.
 */
#define XECHO4 IP4("0038") "2a000000" "12340501" "20000000" "00140303" \
	"00021000" "20010db8000000000000000000000001"
/* By name ("et0"), and a reply: state 2, A set. */
#define XNAME4 IP4("0028") "2a000000" "12340501" "20000000" "00080301" \
	"65743000"
#define XREPLY4 IP4("001c") "2b000000" "12340544"

static void
test_ext_echo4(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, XECHO4);

	(void)state;
	assert_chain(p, "ipv4 icmp");
	assert_int_equal(fval(p, "icmp.ident"), 0x1234);
	assert_int_equal(fval(p, "icmp.ident_le"), 0x3412);
	assert_int_equal(count(p, "icmp.seq"), 0);
	assert_int_equal(fval(p, "icmp.ext.echo.seq"), 5);
	assert_int_equal(fval(p, "icmp.ext.echo.req.local"), 1);
	assert_int_equal(field_n(p, "icmp.ext.checksum", 0)->ck,
	    ST_CK_ABSENT);
	assert_int_equal(fval(p, "icmp.int_ident.afi"), 2);
	assert_int_equal(fval(p, "icmp.int_ident.addr_length"), 16);
	assert_int_equal(field_n(p, "icmp.int_ident.ipv6", 0)->bitoff,
	    (20 + 20) * 8);
	sweep_prefixes(DLT_RAW, XECHO4);
	p = decode_hex(DLT_RAW, XNAME4);
	assert_string_equal(field_n(p, "icmp.int_ident.name", 0)->meaning,
	    "et0");
	p = decode_hex(DLT_RAW, XREPLY4);
	assert_int_equal(fval(p, "icmp.ext.echo.rsp.state"), 2);
	assert_int_equal(fval(p, "icmp.ext.echo.rsp.active"), 1);
	assert_int_equal(fval(p, "icmp.ext.echo.rsp.ipv6"), 0);
	sweep_prefixes(DLT_RAW, XREPLY4);
}

/*
 * A time exceeded with the RFC 4884 length (32 words: 128 bytes) quoting
 * a 28-byte IPv4/UDP packet padded to 128 bytes, then an interface
 * information object (RFC 5837): C-Type 0x0f (index, address, name, MTU):
 * index 5, 10.0.0.1, name "et0", MTU 1400.
 */
#define Q4 "4500001c00010000401100000a0000020a000001" "12340035" "00080000"
#define ZERO25 "00000000000000000000000000000000000000000000000000"
#define TIMEX4 IP4("00b8") "0b000000" "00200000" Q4 ZERO25 ZERO25 ZERO25 \
	ZERO25 "20000000" "0018020f" "00000005" "00010000" "0a000001" \
	"04657430" "00000578"

static void
test_rfc4884(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TIMEX4);

	(void)state;
	assert_chain(p, "ipv4 icmp ipv4 udp");
	assert_int_equal(fval(p, "icmp.length"), 32);
	assert_int_equal(fval(p, "icmp.length.original_datagram"), 128);
	assert_int_equal(count(p, "icmp.unused"), 2);
	assert_int_equal(fval(p, "icmp.int_info.ifindex"), 1);
	assert_int_equal(fval(p, "icmp.int_info.index"), 5);
	assert_int_equal(fval(p, "icmp.int_info.ipv4"), 0x0a000001);
	assert_string_equal(field_n(p, "icmp.int_info.name", 0)->meaning,
	    "et0");
	assert_int_equal(fval(p, "icmp.int_info.mtu"), 1400);
	sweep_prefixes(DLT_RAW, TIMEX4);
}

/* The same in ICMPv6: length 6 (48 bytes), then an MPLS label stack. */
#define Q6 "6000000000083aff" "fe800000000000000000000000000001" \
	"fe800000000000000000000000000002" "80000000" "00010002"
#define TIMEX6 IP6("0044") "03000000" "06000000" Q6 "20000000" "00080101" \
	"00010100"

static void
test_rfc4884_v6(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TIMEX6);

	(void)state;
	assert_chain(p, "ipv6 icmpv6 ipv6 icmpv6 icmpext");
	assert_int_equal(fval(p, "icmpv6.length"), 6);
	assert_int_equal(field_n(p, "icmpv6.reserved", 0)->bits, 24);
	assert_int_equal(fval(p, "icmp.mpls.label"), 16);
	/* The quoted echo is not verified. */
	assert_int_equal(field_n(p, "icmpv6.checksum", 1)->ck,
	    ST_CK_UNVERIFIED);
	sweep_prefixes(DLT_RAW, TIMEX6);
}

/* Node information: a query for node addresses of fe80::2 (code 0), a
 * reply with the name "example.com" (qtype 2, TTL 300), and a query
 * whose FQDN subject runs past the message. */
#define NIQ IP6("0020") "8b000000" "0003003e" "0001020304050607" \
	"fe800000000000000000000000000002"
#define NIR IP6("0021") "8c000000" "00020000" "0001020304050607" \
	"0000012c" "076578616d706c6503636f6d00"
#define NIBAD IP6("0015") "8b010000" "00020000" "0001020304050607" \
	"07657861dd"

static void
test_node_info(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, NIQ);

	(void)state;
	assert_int_equal(fval(p, "icmpv6.ni.qtype"), 3);
	assert_int_equal(fval(p, "icmpv6.ni.flag"), 0x3e);
	assert_int_equal(fval(p, "icmpv6.ni.flag.g"), 1);
	assert_int_equal(fval(p, "icmpv6.ni.flag.t"), 0);
	assert_int_equal(fval(p, "icmpv6.ni.nonce"), 0x0001020304050607ULL);
	assert_int_equal(field_n(p, "icmpv6.ni.query.subject_ipv6", 0)->bitoff,
	    (40 + 16) * 8);
	sweep_prefixes(DLT_RAW, NIQ);
	p = decode_hex(DLT_RAW, NIR);
	assert_int_equal(fval(p, "icmpv6.ni.reply.node_ttl"), 300);
	assert_string_equal(field_n(p, "icmpv6.ni.reply.node_name",
	    0)->meaning, "example.com");
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, NIR);
	p = decode_hex(DLT_RAW, NIBAD);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
}

/* An MLDv2 query: MRC 0x8010 (32896 ms), S, QRV 2, QQIC 0x90 (256 s), two
 * sources announced, one there. */
#define MLDQ IP6("002c") "82000000" "80100000" \
	"ff020000000000000000000000000001" "0a900002" \
	"20010db8000000000000000000000001"

static void
test_mld2_query(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MLDQ);

	(void)state;
	assert_int_equal(fval(p, "icmpv6.mld.maximum_response_code"), 32896);
	assert_int_equal(fval(p, "icmpv6.mld.flag.s"), 1);
	assert_int_equal(fval(p, "icmpv6.mld.flag.qrv"), 2);
	assert_int_equal(fval(p, "icmpv6.mld.qqi"), 256);
	assert_int_equal(fval(p, "icmpv6.mld.nb_sources"), 2);
	assert_int_equal(count(p, "icmpv6.mld.source_address"), 1);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, MLDQ);
}

/* A router advertisement with PREF64 (lifetime 225, PLC 1: 64 bits) and
 * an option of an unknown type (200). */
#define RA IP6("0028") "86000000" "40000000" "00000000" "00000000" \
	"2602" "0709" "20010db8aabbccddeeff1122" "c801" "010203040506"

static void
test_pref64(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, RA);

	(void)state;
	assert_int_equal(fval(p, "icmpv6.opt.pref64.scaled_lifetime"), 225);
	assert_int_equal(fval(p, "icmpv6.opt.pref64.plc"), 1);
	assert_string_equal(field_n(p, "icmpv6.opt.pref64.prefix",
	    0)->meaning, "2001:db8:aabb:ccdd::");
	assert_int_equal(field_n(p, "icmpv6.data", 0)->bits, 48);
	sweep_prefixes(DLT_RAW, RA);
	/* Length 2 but only 12 bytes left: what is there, then the mark. */
	p = decode_hex(DLT_RAW, IP6("001a") "86000000" "40000000" "00000000"
	    "00000000" "2602" "0709" "20010db8aabb");
	assert_int_equal(fval(p, "icmpv6.opt.pref64.plc"), 1);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
}

/* Ethernet 00:11:.. <- 66:77:.., a 20-byte IPv4 header (protocol 253). */
#define MACS "00112233445566778899aabb"
#define IPH "450000140001000040fd00000a0000010a000002"
#define EE10 "eeeeeeeeeeeeeeeeeeee"
/* GRE transparent Ethernet bridging: the inner frame's IPv4 is followed
 * by 20 bytes, the inner Ethernet's trailer (no FCS: carried). */
#define TEB MACS "0800" "4500004e00010000402f00000a0000010a000002" \
	"00006558" MACS "0800" IPH EE10 EE10
/* The same frame bare: its trailer ends in an FCS (64 bytes or more). */
#define BARE MACS "0800" IPH EE10 EE10 EE10 EE10 EE10
/* 802.1Q 4051, then an I-tag (ISID 256) carrying ARP and 18 bytes. */
#define PBBF MACS "8100" "0fd3" "88e7" "00000100" MACS "0806" \
	"0001080006040001" "001122334455" "0a000001" "000000000000" \
	"0a000002" EE10 "eeeeeeeeeeeeeeee"
/* PPPoE session of 22 bytes, 30 more after it: Wireshark shows them
 * nowhere. */
#define PPPOE MACS "8864" "11000001" "0016" "0021" IPH EE10 EE10 EE10

static void
test_trailers(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, TEB);

	(void)state;
	assert_chain(p, "eth ipv4 gre eth ipv4 trailer");
	assert_int_equal(field_n(p, "eth.trailer", 0)->bits, 20 * 8);
	assert_int_equal(count(p, "eth.fcs"), 0);
	sweep_prefixes(DLT_EN10MB, TEB);
	p = decode_hex(DLT_EN10MB, BARE);
	assert_int_equal(field_n(p, "eth.trailer", 0)->bits, 46 * 8);
	assert_int_equal(count(p, "eth.fcs"), 1);
	p = decode_hex(DLT_EN10MB, PBBF);
	assert_chain(p, "eth vlan pbb arp trailer");
	assert_int_equal(field_n(p, "ieee8021ah.trailer", 0)->bits, 18 * 8);
	assert_int_equal(count(p, "vlan.trailer"), 0);
	sweep_prefixes(DLT_EN10MB, PBBF);
	p = decode_hex(DLT_EN10MB, PPPOE);
	assert_int_equal(count(p, "eth.trailer"), 0);
	assert_int_equal(field_n(p, "strata.trailer", 0)->bits, 30 * 8);
	sweep_prefixes(DLT_EN10MB, PPPOE);
	/* A VLAN tag whose 802.3 length (256) runs past the frame: no
	 * trailer, and nothing read past it. */
	p = decode_hex(DLT_EN10MB, MACS "8100" "0005" "0100" "aaaa03000000"
	    "0800" IPH);
	assert_int_equal(count(p, "vlan.trailer"), 0);
	sweep_prefixes(DLT_EN10MB, MACS "8100" "0005" "0100" "aaaa03000000"
	    "0800" IPH);
}

/* ARP over Ethernet: an announcement of 10.0.0.1 (request, sender and
 * target protocol addresses the same, target MAC zero), a probe (sender
 * 0.0.0.0), and hardware type 37 (HFI): addresses as bytes. */
#define ARPH MACS "0806" "0001080006040001"
#define ANNOUNCE ARPH "001122334455" "0a000001" "000000000000" "0a000001"
#define PROBE ARPH "001122334455" "00000000" "000000000000" "0a000002"
#define HFI MACS "0806" "0025000006040001" "001f29da2d79" "98a80168" \
	"000000000000" "c0a80101"

static void
test_arp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ANNOUNCE);

	(void)state;
	assert_int_equal(fval(p, "arp.isgratuitous"), 1);
	assert_int_equal(fval(p, "arp.isannouncement"), 1);
	assert_int_equal(count(p, "arp.isprobe"), 0);
	sweep_prefixes(DLT_EN10MB, ANNOUNCE);
	p = decode_hex(DLT_EN10MB, PROBE);
	assert_int_equal(fval(p, "arp.isprobe"), 1);
	assert_int_equal(count(p, "arp.isgratuitous"), 0);
	p = decode_hex(DLT_EN10MB, HFI);
	assert_int_equal(count(p, "arp.src.hw_mac"), 0);
	assert_int_equal(field_n(p, "arp.src.hw", 0)->bits, 48);
	assert_int_equal(field_n(p, "arp.dst.hw", 0)->bits, 48);
	assert_int_equal(count(p, "arp.src.proto_ipv4"), 0);
	assert_int_equal(field_n(p, "arp.src.proto", 0)->bits, 32);
	sweep_prefixes(DLT_EN10MB, HFI);
	/* Sizes that run past the frame: cut short, no flags guessed. */
	p = decode_hex(DLT_EN10MB, MACS "0806" "00010800ff040001" "0011");
	assert_int_equal(layer(p, "arp")->status, ST_LS_TRUNCATED);
	assert_int_equal(count(p, "arp.isgratuitous"), 0);
}

/* PTPv2 management responses over Ethernet: the default data set, and a
 * clock description ("IEEE 802.3", product and revision ";;"). */
#define PTPH "011b1900000000000000001288f7"
#define MGMT(len) "0d02" len "00000000000000000000000000000000000000" \
	"fffe00001200010000047f000000fffe000011000101010200"
#define PTPDDS PTPH MGMT("004a") "0001001620000100000180f8feffff80000000" \
	"fffe0000120000"
#define PTPCLK PTPH MGMT("0066") "00010032000180000a49454545203830322e33" \
	"000600000000001200030006000000000012000000" "00023b3b023b3b00001b19" \
	"000200"

static void
test_ptp_mgmt(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, PTPDDS);

	(void)state;
	assert_int_equal(fval(p, "ptp.v2.mm.managementId"), 0x2000);
	assert_int_equal(fval(p, "ptp.v2.mm.twoStep"), 1);
	assert_int_equal(fval(p, "ptp.v2.mm.numberPorts"), 1);
	assert_int_equal(fval(p, "ptp.v2.mm.clockclass"), 248);
	assert_int_equal(fval(p, "ptp.v2.mm.clockidentity"),
	    0x000000fffe000012ULL);
	assert_int_equal(field_n(p, "ptp.v2.clockidentity_manuf", 0)->bits,
	    24);
	assert_int_equal(layer(p, "ptp")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, PTPDDS);
	p = decode_hex(DLT_EN10MB, PTPCLK);
	assert_int_equal(fval(p, "ptp.v2.mm.clockType.OC"), 1);
	assert_string_equal(field_n(p, "ptp.v2.mm.physicalLayerProtocol",
	    1)->meaning, "IEEE 802.3");
	assert_int_equal(fval(p, "ptp.v2.mm.physicalAddressLength"), 6);
	assert_int_equal(fval(p, "ptp.v2.mm.networkProtocol"), 3);
	assert_string_equal(field_n(p, "ptp.v2.mm.revisionData", 0)->meaning,
	    ";;");
	assert_int_equal(count(p, "ptp.v2.mm.profileIdentity"), 1);
	sweep_prefixes(DLT_EN10MB, PTPCLK);
	/* A TLV whose length runs past the message: malformed. */
	p = decode_hex(DLT_EN10MB, PTPH MGMT("0036") "00010040" "2000");
	assert_int_equal(layer(p, "ptp")->status, ST_LS_MALFORMED);
}

/* OpenFlow 1.3 over TCP to port 6633 (raw IPv4, total length tl). */
#define OFTCP(tl) "4500" tl "000100004006" "0000" "7f0000017f000001" \
	"e3c019e9" "00000001" "00000001" "5018ffff" "00000000"
/* A meter configuration reply: meter 20 (kbps, stats) with one drop band,
 * meter 10 with a DSCP remark band and an experimenter's. */
#define METERS OFTCP("0078") "0413005000000029000a000000000000" \
	"00180009000000140001001000000064000000c800000000" \
	"002800090000000a000100100000000a0000001400000000" \
	"00020010ffffffffffffffff01000000"
/* HELLO_FAILED with its text, and a BAD_REQUEST quoting 16 bytes. */
#define HELLOFAIL OFTCP("003c") "040100140000000100000000" \
	"5765207375707000"
#define BADREQ OFTCP("0044") "0401001c0000004100010006" \
	"040400100000004100d0f0db00000065"

static void
test_openflow(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, METERS);

	(void)state;
	assert_int_equal(count(p, "openflow_v4.meter_config.meter_id"), 2);
	assert_int_equal(field_n(p, "openflow_v4.meter_config.meter_id",
	    1)->val, 10);
	assert_int_equal(fval(p, "openflow_v4.meter_config.flags.kbps"), 1);
	assert_int_equal(fval(p, "openflow_v4.meter_config.flags.stats"), 1);
	assert_int_equal(count(p, "openflow_v4.meter_band.type"), 3);
	assert_int_equal(fval(p, "openflow_v4.meter_band.dscp_remark."
	    "prec_level"), 1);
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, METERS);
	p = decode_hex(DLT_RAW, HELLOFAIL);
	assert_string_equal(field_n(p, "openflow_v4.error.data", 0)->meaning,
	    "We supp");
	p = decode_hex(DLT_RAW, BADREQ);
	/* All of it, from byte 12 (tshark 4.0: 8 bytes fewer). */
	assert_int_equal(field_n(p, "openflow_v4.error.data.body", 0)->bits,
	    16 * 8);
	/* A band of 4 bytes in a meter of 24: malformed. */
	p = decode_hex(DLT_RAW, OFTCP("0050") "0413002800000029000a000000000000"
	    "00180009000000140001000400000064000000c800000000");
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_MALFORMED);
}

/* BGP UPDATEs over raw IPv4: MP_REACH_NLRI for IPv6 (next hop and its
 * link-local address, 2001:db8::/64 and 2001:db8:1::/48), and extended
 * communities (route target 10:20, a non-transitive IPv4 one, a 4-octet
 * AS one, an opaque one, EVPN MAC mobility). */
#define BGPIP(tl) "4500" tl "00010000400600000a0000010a000002" \
	"9c4000b300000001000000015018ffff00000000" \
	"ffffffffffffffffffffffffffffffff"
#define MPREACH6 BGPIP("0078") "00500200000039900e00350002012020010db8" \
	"000000000000000000000001fe800000000000000000000000000001004020010db8" \
	"000000003020010db80001"
#define EXTCOM BGPIP("006a") "0042020000002bc010280002000a000000144102c0" \
	"a80001000a020300010002000303020000000000010600000000000001"
/* A labelled VPN route (label 16, RD 1:1, 172.16.4.0/24) after a next
 * hop of RD 0:0 and 10.0.0.4; then a PMSI tunnel (RSVP-TE P2MP). */
#define VPN4 BGPIP("0077") "004f0200000038900e00200001800c000000000000" \
	"00000a00000400700001010000000100000001ac1004" "c016110001000000" \
	"0a000004000081730a000004"

static void
test_bgp_mp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MPREACH6);

	(void)state;
	assert_int_equal(fval(p, "bgp.update.path_attribute.mp_reach_nlri."
	    "afi"), 2);
	assert_int_equal(field_n(p, "bgp.update.path_attribute.mp_reach_nlri."
	    "next_hop", 0)->bits, 33 * 8);
	assert_int_equal(count(p, "bgp.update.path_attribute.mp_reach_nlri."
	    "next_hop.ipv6.link_local"), 1);
	assert_string_equal(field_n(p, "bgp.mp_reach_nlri_ipv6_prefix",
	    1)->meaning, "2001:db8:1::");
	assert_int_equal(field_n(p, "bgp.prefix_length", 1)->val, 48);
	sweep_prefixes(DLT_RAW, MPREACH6);
	p = decode_hex(DLT_RAW, EXTCOM);
	assert_int_equal(fval(p, "bgp.ext_com.stype_tr_as2"), 2);
	assert_int_equal(fval(p, "bgp.ext_com.value_an4"), 20);
	assert_int_equal(fval(p, "bgp.ext_com.stype_ntr_IP4"), 2);
	assert_int_equal(fval(p, "bgp.ext_com.value_as4"), 65538);
	assert_int_equal(fval(p, "bgp.ext_com.value_raw"), 1);
	assert_int_equal(fval(p, "bgp.ext_com_evpn.mmac.seq"), 1);
	sweep_prefixes(DLT_RAW, EXTCOM);
	p = decode_hex(DLT_RAW, VPN4);
	assert_string_equal(field_n(p, "bgp.update.path_attribute."
	    "mp_reach_nlri.next_hop.rd", 0)->meaning, "0:0");
	assert_string_equal(field_n(p, "bgp.label_stack", 0)->meaning,
	    "16 (bottom)");
	assert_string_equal(field_n(p, "bgp.rd", 0)->meaning, "1:1");
	assert_string_equal(field_n(p, "bgp.mp_reach_nlri_ipv4_prefix",
	    0)->meaning, "172.16.4.0");
	assert_int_equal(fval(p, "bgp.update.path_attribute.pmsi.rsvp."
	    "tunnel_id"), 33139);
	sweep_prefixes(DLT_RAW, VPN4);
	/* A next hop of 0x40 bytes in an attribute of 5: malformed. */
	p = decode_hex(DLT_RAW, BGPIP("0048") "0020020000000990" "0e0005000201"
	    "4000");
	assert_int_equal(layer(p, "bgp")->status, ST_LS_MALFORMED);
}

/* ISL carrying an 802.3 DTP frame (domain "Lab") that ends in 9 bytes
 * of trailer and its FCS. */
#define ISLDTP "01000c000000001906eab885004caaaa0300000c00030000000001000ccccccc" \
	"001906eab8850025aaaa0300000c200401000100084c616200000200050400030005" \
	"400004000a001906eab885000000000000000000f7a7fe42"
/* The loopback test: skip 0, forward to aa:00:04:00:1d:04, reply 1. */
#define LOOPF "aa0004001d04aa0004006904" "9000" "0000" "0200" "aa0004001d04" \
	"0100" "0100" "5555555555555555"

static void
test_isl_loop(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ISLDTP);

	(void)state;
	assert_chain(p, "isl eth llc dtp trailer");
	assert_int_equal(fval(p, "isl.vlan_id"), 1);
	assert_int_equal(fval(p, "isl.bpdu"), 1);
	assert_int_equal(fval(p, "isl.len"), 76);
	assert_int_equal(field_n(p, "eth.trailer", 0)->bits, 9 * 8);
	assert_int_equal(fval(p, "eth.fcs"), 0xf7a7fe42);
	sweep_prefixes(DLT_EN10MB, ISLDTP);
	/* An ISL length below its own 12 bytes: malformed. */
	p = decode_hex(DLT_EN10MB, "01000c000000001906eab8850004aaaa0300000c"
	    "000300000000");
	assert_int_equal(layer(p, "isl")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, LOOPF);
	assert_chain(p, "eth loop data");
	assert_int_equal(fval(p, "loop.skipcount"), 0);
	assert_int_equal(fval(p, "loop.relevant_function"), 2);
	assert_int_equal(field_n(p, "loop.function", 1)->val, 1);
	assert_int_equal(fval(p, "loop.receipt_number"), 1);
	sweep_prefixes(DLT_EN10MB, LOOPF);
}

/* GTP version 0 on UDP 3386: an echo request, and a T-PDU carrying an
 * ICMP echo request (Wireshark's gtpprime). */
#define GTP0ECHO "450000300000400040113cba7f0000027f0000010d3a0d3a001cb53d" \
	"1e01000014000000ffffffff0000000000000000"
#define GTP0TPDU "450000840000400040113c667f0000027f0000010d3a0d3a0070b9b2" \
	"1eff005400000001ffffffff420001214365870945000054000040004001c53f" \
	"c0a80003d155e3680800e5e9000000008254f04baa720a0008090a0b0c0d0e0f" \
	"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f" \
	"3031323334353637"

static void
test_gtpprime(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, GTP0ECHO);

	(void)state;
	assert_chain(p, "ipv4 udp gtpprime");
	assert_int_equal(fval(p, "gtp.message"), 1);
	sweep_prefixes(DLT_RAW, GTP0ECHO);
	p = decode_hex(DLT_RAW, GTP0TPDU);
	assert_chain(p, "ipv4 udp gtpprime ipv4 icmp data");
	assert_int_equal(fval(p, "icmp.type"), 8);
	sweep_prefixes(DLT_RAW, GTP0TPDU);
	/* A signalling message whose length runs past the datagram. */
	p = decode_hex(DLT_RAW, "450000300000400040113cba7f0000027f000001"
	    "0d3a0d3a001cb53d" "1e01004014000000ffffffff0000000000000000");
	assert_int_not_equal(layer(p, "gtpprime")->status, ST_LS_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ext_echo6),
		cmocka_unit_test(test_ext_echo4),
		cmocka_unit_test(test_rfc4884),
		cmocka_unit_test(test_rfc4884_v6),
		cmocka_unit_test(test_node_info),
		cmocka_unit_test(test_mld2_query),
		cmocka_unit_test(test_pref64),
		cmocka_unit_test(test_trailers),
		cmocka_unit_test(test_arp),
		cmocka_unit_test(test_ptp_mgmt),
		cmocka_unit_test(test_openflow),
		cmocka_unit_test(test_bgp_mp),
		cmocka_unit_test(test_isl_loop),
		cmocka_unit_test(test_gtpprime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
