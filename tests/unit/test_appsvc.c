/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Network services: DNS's EDNS OPT record (cookie, client subnet), the
 * flags a query carries, question name length and labels; mDNS and LLMNR
 * as layers of their own; QUIC's long and short headers, coalesced
 * packets, Retry and version negotiation; SNMP v1, v2c and v3 through
 * the BER reader, a value of each type; LDAP messages, several to a
 * segment, the search filter as text, a SASL integrity-only wrap; NTP's
 * timestamps as UTC text (both eras), extensions and MACs, modes 6 and 7;
 * DHCP's BOOTP header and options; RADIUS attributes, vendor-specific;
 * syslog in both formats; DHCPv6 options, DUIDs and a relayed message;
 * SSDP read by HTTP's decoder.  Every shorter prefix decodes
 * without a crash.
 */
#include "testutil.h"
#include "strata/ber.h"

#define EDNS \
	"02020202020204040404040408004500005c00010000401100007f000001" \
	"7f0000029c40003500480000abcd01200001000000000001016101620000" \
	"01000100002904d0010080000020000a00100102030405060708090a0b0c" \
	"0d0e0f100008000800011800c0000200"
#define BADOPT \
	"02020202020204040404040408004500003500010000401100007f000001" \
	"7f00000200359c4000210000abcd81800000000000000001000029020000" \
	"0000000028000a"
#define MDNS \
	"02020202020204040404040408004500003f00010000401100007f000001" \
	"7f00000214e914e9002b00000000840000000001000000000178056c6f63" \
	"616c00000180010000007800040a000001"
#define LLMNR \
	"02020202020204040404040408004500003200010000401100007f000001" \
	"7f0000029c4014eb001e000012340500000100000000000004686f737400" \
	"00010001"

/* A v1 Initial, a Handshake packet with the same DCID, 12 bytes of zeros. */
#define QUIC_COAL \
	"0202020202020404040404040800450000890001000040117c607f000001" \
	"7f0000029c4201bb0075b288c30000000108a0a1a2a3a4a5a6a700002800" \
	"0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e" \
	"1f2021222324252627e10000000108a0a1a2a3a4a5a6a704515253541464" \
	"65666768696a6b6c6d6e6f70717273747576770000000000000000000000" \
	"00"
#define QUIC_SHORT \
	"02020202020204040404040408004500003f0001000040117caa7f000001" \
	"7f0000029c4201bb002b9a1f4151525354000102030405060708090a0b0c" \
	"0d0e0f101112131415161718191a1b1c1d"
#define QUIC_RETRY \
	"0202020202020404040404040800450000470001000040117ca27f000001" \
	"7f00000201bb9c420033442bf000000001000451525354746f6b21746f6b" \
	"21746f6b21746f6b21000102030405060708090a0b0c0d0e0f"
#define QUIC_VN \
	"0202020202020404040404040800450000370001000040117cb27f000001" \
	"7f00000201bb9c420023a0be8000000000045152535408a0a1a2a3a4a5a6" \
	"a7000000016b3343cf"
/* An Initial whose length (500) runs past the datagram. */
#define QUIC_BADLEN \
	"0202020202020404040404040800450000420001000040117ca77f000001" \
	"7f0000029c4201bb002ed201c00000000108a0a1a2a3a4a5a6a7000041f4" \
	"0000000000000000000000000000000000000000"

static void
test_quic(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, QUIC_COAL);

	(void)state;
	assert_chain(p, "eth ipv4 udp quic quic quic");
	assert_int_equal(field_n(p, "quic.packet_length", 0)->val, 57);
	assert_int_equal(field_n(p, "quic.packet_length", 1)->val, 40);
	assert_int_equal(fval(p, "quic.long.packet_type"), 0);
	assert_int_equal(fval(p, "quic.version"), 1);
	assert_int_equal(fval(p, "quic.dcil"), 8);
	assert_int_equal(field_n(p, "quic.dcid", 0)->bits, 64);
	assert_int_equal(fval(p, "quic.token_length"), 0);
	assert_int_equal(field_n(p, "quic.length", 0)->val, 40);
	/* Header protection removed with the Initial keys (a stand-in
	 * payload: the tag fails); the packet number and payload fill 40. */
	assert_int_equal(field_n(p, "quic.packet_number", 0)->bits +
	    field_n(p, "quic.payload", 0)->bits, 320);
	assert_int_equal(fval(p, "strata.quic.opened"), 0);
	assert_int_equal(field_n(p, "quic.long.packet_type", 1)->val, 2);
	assert_int_equal(field_n(p, "quic.scid", 0)->bits, 32);
	assert_int_equal(field_n(p, "quic.length", 1)->val, 20);
	assert_true(has_field(p, "quic.remaining_payload"));
	assert_int_equal(field_n(p, "quic.coalesced_padding_data", 0)->bits,
	    96);
	assert_int_equal(p->layers[5].status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, QUIC_COAL);

	p = decode_hex(DLT_EN10MB, QUIC_SHORT);
	assert_chain(p, "eth ipv4 udp quic");
	assert_int_equal(fval(p, "quic.header_form"), 0);
	assert_int_equal(fval(p, "quic.fixed_bit"), 1);
	assert_int_equal(fval(p, "quic.spin_bit"), 0);
	assert_false(has_field(p, "quic.dcid"));
	assert_int_equal(fval(p, "quic.packet_length"), 35);
	sweep_prefixes(DLT_EN10MB, QUIC_SHORT);

	p = decode_hex(DLT_EN10MB, QUIC_RETRY);
	assert_int_equal(fval(p, "quic.long.packet_type"), 3);
	assert_false(has_field(p, "quic.fixed_bit"));
	assert_int_equal(field_n(p, "quic.retry_token", 0)->bits, 128);
	assert_int_equal(field_n(p, "quic.retry_integrity_tag", 0)->bits,
	    128);
	sweep_prefixes(DLT_EN10MB, QUIC_RETRY);

	p = decode_hex(DLT_EN10MB, QUIC_VN);
	assert_int_equal(fval(p, "quic.version"), 0);
	assert_int_equal(fval(p, "quic.vn.unused"), 0);
	assert_int_equal(field_n(p, "quic.supported_version", 0)->val, 1);
	assert_int_equal(field_n(p, "quic.supported_version", 1)->val,
	    0x6b3343cf);
	sweep_prefixes(DLT_EN10MB, QUIC_VN);

	p = decode_hex(DLT_EN10MB, QUIC_BADLEN);
	assert_int_equal(layer(p, "quic")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "quic.length"), 500);
	assert_int_equal(fval(p, "quic.packet_length"), 38);
	sweep_prefixes(DLT_EN10MB, QUIC_BADLEN);
}

#define SNMP_RESP \
	"0202020202020404040404040800450000ef0001000040117bfa7f000001" \
	"7f00000200a19c4400db0a183081d002010104067075626c6963a281c202" \
	"0210920201000201003081b5301506082b0601020101010004094c696e75" \
	"7820626f78300f060a2b0601020102020108010201fd301606082b060102" \
	"01010200060a2b06010401bf0803020a3015060d2b06010201041401010a" \
	"00000140040a0000013013060a2b060102010202010a01410500ee6b2800" \
	"3012060a2b06010201020201050142043b9aca00300f06082b0601020101" \
	"0300430301e2403015060b2b060102011f01010106014606010000000000" \
	"300b06072b0601020163008000"
#define SNMP_TRAP \
	"0202020202020404040404040800450000580001000040117c917f000001" \
	"7f0000029c4500a20044ac7b303a02010004067075626c6963a42d06082b" \
	"06010401bf080440047f000001020103020100430201f43011300f060a2b" \
	"060102010202010102020102"
#define SNMP_V3 \
	"0202020202020404040404040800450000820001000040117c677f000001" \
	"7f00000200a19c47006ead473064020103300e02015b020300ffe3040100" \
	"020103041e301c040d80001f8880e9bd0c1d12667a510201030202019004" \
	"0004000400302f040d80001f8880e9bd0c1d12667a510400a81c02015b02" \
	"01000201003011300f060a2b060106030f01010400410107"
/* The message's length byte overwritten: what follows is no field. */
#define SNMP_BAD \
	"0202020202020404040404040800450000580001000040117c917f000001" \
	"7f00000200a19c4400441076303ad002010104067075626c6963a281c202" \
	"0210920201000201003081b5301506082b0601020101010004094c696e75" \
	"7820626f78300f060a2b0601"

static void
test_snmp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SNMP_RESP);
	const struct st_field *f;

	(void)state;
	assert_chain(p, "eth ipv4 udp snmp");
	assert_int_equal(fval(p, "snmp.version"), 1);
	assert_string_equal(field_n(p, "snmp.community", 0)->meaning,
	    "public");
	assert_int_equal(fval(p, "snmp.data"), 2);
	assert_int_equal(fval(p, "snmp.request_id"), 4242);
	assert_int_equal(fval(p, "snmp.variable_bindings"), 9);
	assert_string_equal(field_n(p, "snmp.name", 0)->meaning,
	    "1.3.6.1.2.1.1.1.0");
	assert_int_equal(field_n(p, "snmp.value.octets", 0)->bits, 72);
	/* A negative integer is shown as text. */
	f = field_n(p, "snmp.value.int", 0);
	assert_int_equal(f->desc->fmt, ST_FMT_TEXT);
	assert_string_equal(f->meaning, "-3");
	assert_string_equal(field_n(p, "snmp.value.oid", 0)->meaning,
	    "1.3.6.1.4.1.8072.3.2.10");
	assert_int_equal(field_n(p, "snmp.value.ipv4", 0)->bits, 32);
	assert_int_equal(field_n(p, "snmp.value.counter", 0)->val,
	    4000000000u);
	assert_int_equal(field_n(p, "snmp.value.counter", 1)->val,
	    (uint64_t)1 << 40);
	assert_int_equal(fval(p, "snmp.value.g32"), 1000000000);
	assert_int_equal(fval(p, "snmp.value.timeticks"), 123456);
	assert_true(has_field(p, "snmp.noSuchObject"));
	assert_int_equal(layer(p, "snmp")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, SNMP_RESP);

	p = decode_hex(DLT_EN10MB, SNMP_TRAP);
	assert_int_equal(fval(p, "snmp.version"), 0);
	assert_int_equal(fval(p, "snmp.data"), 4);
	assert_string_equal(field_n(p, "snmp.enterprise", 0)->meaning,
	    "1.3.6.1.4.1.8072.4");
	assert_int_equal(fval(p, "snmp.generic_trap"), 3);
	assert_int_equal(fval(p, "snmp.time_stamp"), 500);
	assert_int_equal(fval(p, "snmp.value.int"), 2);
	sweep_prefixes(DLT_EN10MB, SNMP_TRAP);

	p = decode_hex(DLT_EN10MB, SNMP_V3);
	assert_false(has_field(p, "snmp.version"));
	assert_int_equal(fval(p, "snmp.msgVersion"), 3);
	assert_int_equal(fval(p, "snmp.msgID"), 91);
	assert_int_equal(fval(p, "snmp.msgMaxSize"), 65507);
	assert_int_equal(fval(p, "snmp.msgSecurityModel"), 3);
	assert_int_equal(fval(p, "snmp.v3.flags.report"), 0);
	assert_int_equal(field_n(p, "snmp.msgAuthoritativeEngineID", 0)->bits,
	    104);
	assert_int_equal(fval(p, "snmp.msgAuthoritativeEngineBoots"), 3);
	assert_int_equal(fval(p, "snmp.msgAuthoritativeEngineTime"), 400);
	assert_int_equal(fval(p, "snmp.msgData"), 0);
	assert_int_equal(fval(p, "snmp.data"), 8);
	assert_int_equal(fval(p, "snmp.value.counter"), 7);
	sweep_prefixes(DLT_EN10MB, SNMP_V3);

	p = decode_hex(DLT_EN10MB, SNMP_BAD);
	assert_int_equal(layer(p, "snmp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "snmp.version"));
	sweep_prefixes(DLT_EN10MB, SNMP_BAD);
}

/* The BER reader alone: lengths, tags, integers and OIDs at their limits. */
static void
test_ber(void **state)
{
	static const uint8_t indef[] = { 0x30, 0x80, 0x00, 0x00 };
	static const uint8_t big[] = { 0x04, 0x82, 0x01, 0x00, 0x41 };
	static const uint8_t hightag[] = { 0x9f, 0x81, 0x01, 0x01, 0xff };
	static const uint8_t neg[] = { 0x02, 0x02, 0xff, 0x7f };
	static const uint8_t oid[] = { 0x06, 0x06, 0x88, 0x37, 0x01, 0x82,
	    0x80, 0x00 };
	static const uint8_t cut[] = { 0x06, 0x02, 0x2b, 0x86 };
	struct st_cur c;
	struct st_ber t;
	int64_t v;
	char buf[64];

	(void)state;
	c = st_cur_make(indef, sizeof(indef));
	assert_int_equal(st_ber_read(&c, sizeof(indef), &t), ST_EINVAL);
	c = st_cur_make(big, sizeof(big));
	assert_int_equal(st_ber_read(&c, sizeof(big), &t), ST_EINVAL);
	assert_int_equal(st_ber_read(&c, 1000, &t), ST_OK);
	assert_int_equal(t.len, 256);
	c = st_cur_make(big, 2);
	assert_int_equal(st_ber_read(&c, 1000, &t), ST_ETRUNC);
	c = st_cur_make(hightag, sizeof(hightag));
	assert_int_equal(st_ber_read(&c, sizeof(hightag), &t), ST_OK);
	assert_int_equal(t.cls, ST_BER_CONTEXT);
	assert_int_equal(t.tag, 129);
	assert_int_equal(t.off, 4);
	c = st_cur_make(neg, sizeof(neg));
	assert_int_equal(st_ber_read(&c, sizeof(neg), &t), ST_OK);
	assert_int_equal(st_ber_int(&c, &t, &v), ST_OK);
	assert_int_equal(v, -129);
	c = st_cur_make(oid, sizeof(oid));
	assert_int_equal(st_ber_read(&c, sizeof(oid), &t), ST_OK);
	assert_int_equal(st_ber_oid(&c, &t, buf, sizeof(buf)), ST_OK);
	assert_string_equal(buf, "2.999.1.32768");
	assert_int_equal(st_ber_oid(&c, &t, buf, 8), ST_OK);
	assert_string_equal(buf, "2.99...");
	/* A sub-identifier that does not end. */
	c = st_cur_make(cut, sizeof(cut));
	assert_int_equal(st_ber_read(&c, sizeof(cut), &t), ST_OK);
	assert_int_equal(st_ber_oid(&c, &t, buf, sizeof(buf)), ST_EINVAL);
}

#define LDAP_SEARCH \
	"0202020202020404040404040800450000d50001000040067c1f7f000001" \
	"7f0000029c4a018500000064000000015018200009c600003081aa020102" \
	"637d041164633d6578616d706c652c64633d636f6d0a01020a0100020100" \
	"02011e010100a04da313040b6f626a656374436c617373040475736572a4" \
	"1404046d61696c300c80016181016282042e6f7267a203870178a11ba506" \
	"04016e040135a9118105312e322e338202636e8301798401ff300a040263" \
	"6e04046d61696ca02630240416312e322e3834302e3131333535362e312e" \
	"342e3331390101ff040730050201640400"
/* Two entries, a reference and the result in one segment. */
#define LDAP_RESULTS \
	"0202020202020404040404040800450001000001000040067bf47f000001" \
	"7f00000201859c4a000000640000000150182000740a0000305002010264" \
	"4b0418636e3d616e6e2c64633d6578616d706c652c64633d636f6d302f30" \
	"0b0402636e31050403616e6e3020040a6f626a6563744755494431120410" \
	"000102030405060708090a0b0c0d0e0f3050020102644b0418636e3d626f" \
	"622c64633d6578616d706c652c64633d636f6d302f300b0402636e310504" \
	"03626f623020040a6f626a65637447554944311204100001020304050607" \
	"08090a0b0c0d0e0f3024020102731f041d6c6461703a2f2f6f746865722e" \
	"6578616d706c652e636f6d2f64633d78300c02010265070a010004000400"
#define LDAP_SASL \
	"0202020202020404040404040800450000700001000040067c847f000001" \
	"7f0000029c4a01850000012c0000000150182000d5950000000000440504" \
	"04ff000c000c00000000354d1c7000000000000000000000000030260201" \
	"04632104000a01000a010002010002020258010100870b6f626a65637443" \
	"6c6173733000"
/* A result whose message goes on in the next segment. */
#define LDAP_LONG \
	"0202020202020404040404040800450000500001000040067ca47f000001" \
	"7f00000201859c4a000001f40000000150182000b6380000308184020105" \
	"657f0a0120040004786e6f2073756368206f626a656374206e6f20737563" \
	"68206f62"
#define LDAP_BAD \
	"0202020202020404040404040800450000330001000040067cc17f000001" \
	"7f0000029c4a0185000001900000000150182000d36f0000300902010604" \
	"046f6f7073"

static void
test_ldap(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, LDAP_SEARCH);

	(void)state;
	assert_chain(p, "eth ipv4 tcp ldap");
	assert_int_equal(fval(p, "ldap.messageID"), 2);
	assert_int_equal(fval(p, "ldap.protocolOp"), 3);
	assert_string_equal(field_n(p, "ldap.baseObject", 0)->meaning,
	    "dc=example,dc=com");
	assert_int_equal(fval(p, "ldap.scope"), 2);
	assert_int_equal(fval(p, "ldap.timeLimit"), 30);
	assert_int_equal(fval(p, "ldap.filter"), 0);
	assert_int_equal(fval(p, "ldap.and"), 4);
	assert_int_equal(field_n(p, "ldap.and_item", 3)->val, 1);
	assert_int_equal(fval(p, "ldap.substrings"), 3);
	assert_string_equal(field_n(p, "ldap.final", 0)->meaning, ".org");
	assert_int_equal(fval(p, "ldap.not"), 7);
	assert_int_equal(fval(p, "ldap.dnAttributes"), 1);
	assert_string_equal(field_n(p, "strata.ldap.filter", 0)->meaning,
	    "(&(objectClass=user)(mail=a*b*.org)(!(x=*))"
	    "(|(n>=5)(cn:dn:1.2.3:=y)))");
	assert_int_equal(fval(p, "ldap.attributes"), 2);
	assert_int_equal(fval(p, "ldap.controls"), 1);
	assert_int_equal(fval(p, "ldap.criticality"), 1);
	assert_int_equal(fval(p, "ldap.size"), 100);
	assert_false(has_field(p, "ldap.controlValue"));
	sweep_prefixes(DLT_EN10MB, LDAP_SEARCH);

	p = decode_hex(DLT_EN10MB, LDAP_RESULTS);
	assert_chain(p, "eth ipv4 tcp ldap ldap ldap ldap");
	assert_int_equal(field_n(p, "ldap.protocolOp", 2)->val, 19);
	assert_int_equal(field_n(p, "ldap.protocolOp", 3)->val, 5);
	assert_string_equal(field_n(p, "ldap.guid", 0)->meaning,
	    "03020100-0504-0706-0809-0a0b0c0d0e0f");
	assert_int_equal(field_n(p, "ldap.vals", 0)->val, 1);
	assert_int_equal(fval(p, "ldap.searchResRef"), 1);
	assert_int_equal(fval(p, "ldap.resultCode"), 0);
	sweep_prefixes(DLT_EN10MB, LDAP_RESULTS);

	p = decode_hex(DLT_EN10MB, LDAP_SASL);
	assert_int_equal(fval(p, "ldap.sasl_buffer_length"), 68);
	assert_int_equal(fval(p, "ldap.messageID"), 4);
	assert_int_equal(fval(p, "ldap.timeLimit"), 600);
	assert_string_equal(field_n(p, "ldap.present", 0)->meaning,
	    "objectClass");
	sweep_prefixes(DLT_EN10MB, LDAP_SASL);

	/* Not cut by the capture: not truncated, a note says why it stops. */
	p = decode_hex(DLT_EN10MB, LDAP_LONG);
	assert_int_equal(layer(p, "ldap")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ldap.resultCode"), 32);
	assert_true(has_note(p, "continues in a later segment"));
	sweep_prefixes(DLT_EN10MB, LDAP_LONG);

	p = decode_hex(DLT_EN10MB, LDAP_BAD);
	assert_int_equal(layer(p, "ldap")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, LDAP_BAD);
}

#define NTP_SERVER \
	"0202020202020404040404040800450000600001000040117c897f000001" \
	"7f000002007b9c54004cef4e240206e800000091000006b7c0000201e83e" \
	"5880123456780000006440000000e875470100000001e8754701ffffffff" \
	"00000001000102030405060708090a0b0c0d0e0f"
#define NTP_EXT \
	"0202020202020404040404040800450000880001000040117c617f000001" \
	"7f0000029c55007b0074be36230306e90000000000000000000000000000" \
	"00000000000000000000000000000000000000000000e875470000000005" \
	"01040024000102030405060708090a0b0c0d0e0f10111213141516171819" \
	"1a1b1c1d1e1f00000007000102030405060708090a0b0c0d0e0f10111213"
#define NTP_PRIV \
	"0202020202020404040404040800450000240001000040117cc57f000001" \
	"7f0000029c57007b00104ace1700032a00000000"
#define NTP_BADEXT \
	"02020202020204040404040408004500006c0001000040117c7d7f000001" \
	"7f0000029c58007b00580934230306e90000000000000000000000000000" \
	"00000000000000000000000000000000000000000000e875470000000005" \
	"010400c80000000000000000000000000000000000000000000000000000" \
	"0000"

static void
test_ntp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, NTP_SERVER);

	(void)state;
	assert_chain(p, "eth ipv4 udp ntp");
	assert_int_equal(fval(p, "ntp.flags.vn"), 4);
	assert_int_equal(fval(p, "ntp.flags.mode"), 4);
	assert_int_equal(fval(p, "ntp.stratum"), 2);
	assert_int_equal(fval(p, "ntp.precision"), 0xe8);
	assert_int_equal(fval(p, "ntp.rootdelay"), 145);
	assert_string_equal(field_n(p, "ntp.reftime", 0)->meaning,
	    "Jun 22, 2023 05:20:00.071111110 UTC");
	/* The top bit clear: the era that starts in 2036. */
	assert_string_equal(field_n(p, "ntp.org", 0)->meaning,
	    "Feb  7, 2036 06:29:56.250000000 UTC");
	assert_string_equal(field_n(p, "ntp.xmt", 0)->meaning,
	    "Aug  2, 2023 21:20:01.999999999 UTC");
	assert_int_equal(field_n(p, "ntp.keyid", 0)->bits, 32);
	assert_int_equal(field_n(p, "ntp.mac", 0)->bits, 128);
	sweep_prefixes(DLT_EN10MB, NTP_SERVER);

	p = decode_hex(DLT_EN10MB, NTP_EXT);
	assert_int_equal(fval(p, "ntp.ext.type"), 0x0104);
	assert_int_equal(fval(p, "ntp.ext.length"), 36);
	assert_string_equal(field_n(p, "ntp.rec", 0)->meaning, "NULL");
	assert_int_equal(field_n(p, "ntp.mac", 0)->bits, 160);
	sweep_prefixes(DLT_EN10MB, NTP_EXT);

	p = decode_hex(DLT_EN10MB, NTP_PRIV);
	assert_false(has_field(p, "ntp.flags.li"));
	assert_int_equal(fval(p, "ntp.priv.reqcode"), 42);
	assert_int_equal(fval(p, "ntp.priv.impl"), 3);
	assert_false(has_field(p, "ntp.stratum"));
	sweep_prefixes(DLT_EN10MB, NTP_PRIV);

	p = decode_hex(DLT_EN10MB, NTP_BADEXT);
	assert_int_equal(layer(p, "ntp")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, NTP_BADEXT);
}

#define DHCP_DISCOVER \
	"02020202020204040404040408004500012e0001000040117bbb7f000001" \
	"7f00000200440043011a9c92010106003903f32600038000000000000000" \
	"00000000000000000000000b8201fc420000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000638253633501013d0701000b8201fc4237050103060f" \
	"2a0c066c6170746f7032040a000005ff"
#define DHCP_ACK \
	"0202020202020404040404040800450001610001000040117b887f000001" \
	"7f00000200430044014dd982020106013903f32600038000000000000a00" \
	"0005000000000a0000fe000b8201fc420000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"00000000000000006382536335010536040a000001330400000e100104ff" \
	"ffff0003080a0000fe0a0000fd06040a0000010f0b6578616d706c652e6f" \
	"72670204ffffb9b052120106657468302f3102011306057375622d31ff00" \
	"00000000000000"
#define DHCP_BOOTP \
	"0202020202020404040404040800450001080001000040117be17f000001" \
	"7f0000020043004400f4ef17020106000000000700038000000000000a00" \
	"00090000000000000000000b8201fc420000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000"
#define DHCP_BAD \
	"0202020202020404040404040800450001140001000040117bd57f000001" \
	"7f0000020044004301008050010106000000000800038000000000000000" \
	"00000000000000000000000b8201fc420000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000638253633501030c28616263"

static void
test_dhcp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, DHCP_DISCOVER);

	(void)state;
	assert_chain(p, "eth ipv4 udp dhcp");
	assert_int_equal(fval(p, "dhcp.type"), 1);
	assert_int_equal(fval(p, "dhcp.id"), 0x3903f326);
	assert_int_equal(fval(p, "dhcp.flags.bc"), 1);
	assert_int_equal(fval(p, "dhcp.option.dhcp"), 1);
	/* The client ID's type 1 is a hardware type, its MAC an address. */
	assert_int_equal(field_n(p, "dhcp.hw.type", 1)->val, 1);
	assert_non_null(field_n(p, "dhcp.hw.mac_addr", 1));
	assert_int_equal(field_n(p, "dhcp.option.request_list_item", 4)->val,
	    42);
	assert_string_equal(field_n(p, "dhcp.option.hostname", 0)->meaning,
	    "laptop");
	assert_int_equal(fval(p, "dhcp.option.end"), 255);
	sweep_prefixes(DLT_EN10MB, DHCP_DISCOVER);

	p = decode_hex(DLT_EN10MB, DHCP_ACK);
	assert_int_equal(fval(p, "dhcp.option.dhcp"), 5);
	assert_int_equal(fval(p, "dhcp.hops"), 1);
	assert_int_equal(fval(p, "dhcp.option.ip_address_lease_time"), 3600);
	assert_non_null(field_n(p, "dhcp.option.router", 1));
	assert_string_equal(field_n(p, "dhcp.option.time_offset", 0)->meaning,
	    "-18000");
	assert_int_equal(field_n(p,
	    "dhcp.option.agent_information_option.suboption", 2)->val, 6);
	assert_int_equal(field_n(p,
	    "dhcp.option.agent_information_option.agent_circuit_id", 0)->bits,
	    48);
	assert_string_equal(field_n(p,
	    "dhcp.option.agent_information_option.subscriber_id", 0)->meaning,
	    "sub-1");
	assert_int_equal(field_n(p, "dhcp.option.padding", 0)->bits, 64);
	sweep_prefixes(DLT_EN10MB, DHCP_ACK);

	p = decode_hex(DLT_EN10MB, DHCP_BOOTP);
	assert_int_equal(layer(p, "dhcp")->status, ST_LS_OK);
	assert_false(has_field(p, "dhcp.cookie"));
	assert_int_equal(fval(p, "dhcp.type"), 2);
	sweep_prefixes(DLT_EN10MB, DHCP_BOOTP);

	p = decode_hex(DLT_EN10MB, DHCP_BAD);
	assert_int_equal(layer(p, "dhcp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "dhcp.option.dhcp"), 3);
	sweep_prefixes(DLT_EN10MB, DHCP_BAD);
}

#define RADIUS_REQ \
	"02020202020204040404040408004500007e0001000040117c6b7f000001" \
	"7f0000029c5e0714006a762201460062000102030405060708090a0b0c0d" \
	"0e0f0105626f620212000102030405060708090a0b0c0d0e0f04067f0000" \
	"010506000000011a190000000901137368656c6c3a707269762d6c766c3d" \
	"3135501200000000000000000000000000000000"
#define RADIUS_ACCEPT \
	"0202020202020404040404040800450000480001000040117ca17f000001" \
	"7f00000207149c5e0034e0030246002c000102030405060708090a0b0c0d" \
	"0e0f38063100007b08060a010203120c48656c6c6f2c20626f62"
#define RADIUS_BAD \
	"0202020202020404040404040800450000350001000040117cb47f000001" \
	"7f0000029c5f0714002158f601470019000102030405060708090a0b0c0d" \
	"0e0f0128657665"

static void
test_radius(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, RADIUS_REQ);

	(void)state;
	assert_chain(p, "eth ipv4 udp radius");
	assert_int_equal(fval(p, "radius.code"), 1);
	assert_int_equal(fval(p, "radius.id"), 70);
	assert_int_equal(fval(p, "radius.req"), 1);
	assert_false(has_field(p, "radius.rsp"));
	assert_int_equal(field_n(p, "radius.avp.type", 5)->val, 80);
	assert_string_equal(field_n(p, "radius.User_Name", 0)->meaning, "bob");
	assert_int_equal(fval(p, "radius.NAS_Port"), 1);
	assert_int_equal(fval(p, "radius.avp.vendor_id"), 9);
	assert_int_equal(fval(p, "radius.avp.vendor_type"), 1);
	assert_int_equal(fval(p, "radius.avp.vendor_len"), 19);
	assert_int_equal(field_n(p, "radius.Vendor_Specific", 0)->bits, 136);
	sweep_prefixes(DLT_EN10MB, RADIUS_REQ);

	p = decode_hex(DLT_EN10MB, RADIUS_ACCEPT);
	assert_int_equal(fval(p, "radius.rsp"), 1);
	assert_int_equal(fval(p, "radius.egress_vlanid_tag"), 0x31);
	assert_int_equal(fval(p, "radius.egress_vlanid"), 123);
	assert_string_equal(field_n(p, "radius.Reply_Message", 0)->meaning,
	    "Hello, bob");
	sweep_prefixes(DLT_EN10MB, RADIUS_ACCEPT);

	p = decode_hex(DLT_EN10MB, RADIUS_BAD);
	assert_int_equal(layer(p, "radius")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, RADIUS_BAD);
}

#define SYSLOG_BSD \
	"02020202020204040404040408004500005e0001000040117c8b7f000001" \
	"7f0000029c680202004ae4b33c33343e4f63742020372032323a31343a31" \
	"35206777312073753a2027737520726f6f7427206661696c656420666f72" \
	"20626f62206f6e202f6465762f7074732f38"
#define SYSLOG_5424 \
	"0202020202020404040404040800450000920001000040117c577f000001" \
	"7f0000029c690202007e45b23c3136353e3120323030332d31302d313154" \
	"32323a31343a31352e3030335a206d796d616368696e652e6578616d706c" \
	"652e636f6d2065766e74736c6f67202d2049443437205b6578616d706c65" \
	"53444944403332343733206975743d2233225d20416e206170706c696361" \
	"74696f6e206576656e74"
#define SYSLOG_RAW \
	"02020202020204040404040408004500002c0001000040117cbd7f000001" \
	"7f0000029c6a0202001835336e6f207072696f726974792068657265"

static void
test_syslog(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SYSLOG_BSD);

	(void)state;
	assert_chain(p, "eth ipv4 udp syslog");
	assert_int_equal(fval(p, "syslog.facility"), 4);
	assert_int_equal(fval(p, "syslog.level"), 2);
	assert_string_equal(field_n(p, "syslog.timestamp_rfc3164", 0)->meaning,
	    "Oct  7 22:14:15");
	assert_string_equal(field_n(p, "syslog.hostname", 0)->meaning, "gw1");
	assert_string_equal(field_n(p, "syslog.procid", 0)->meaning, "su");
	sweep_prefixes(DLT_EN10MB, SYSLOG_BSD);

	p = decode_hex(DLT_EN10MB, SYSLOG_5424);
	assert_int_equal(fval(p, "syslog.facility"), 20);
	assert_string_equal(field_n(p, "syslog.version", 0)->meaning, "1");
	assert_string_equal(field_n(p, "syslog.appname", 0)->meaning,
	    "evntslog");
	assert_string_equal(field_n(p, "syslog.procid", 0)->meaning, "-");
	sweep_prefixes(DLT_EN10MB, SYSLOG_5424);

	p = decode_hex(DLT_EN10MB, SYSLOG_RAW);
	assert_false(has_field(p, "syslog.facility"));
	assert_string_equal(field_n(p, "syslog.msg", 0)->meaning,
	    "no priority here");
	sweep_prefixes(DLT_EN10MB, SYSLOG_RAW);
}

#define D6_SOLICIT \
	"33330001000204040404040486dd6000000000381140fe80000000000000" \
	"0201020304050607ff020000000000000000000000010002022202230038" \
	"09b80190b45c0001000a0003000100010203040500060004001700180008" \
	"000200640003000c0203040500000e1000001518"
#define D6_REPLY \
	"33330001000204040404040486dd6000000000781140fe80000000000000" \
	"0201020304050607ff020000000000000000000000010002022302220078" \
	"b65c0790b45c000300280203040500000e1000001518000500182a000001" \
	"0001020000000000000000010000119400001c200001000a000300010001" \
	"020304050002000e000100011846488c001122334455001700102a022788" \
	"fff0000700000000000000030018000803766f6f02626500"
#define D6_RELAY \
	"33330001000204040404040486dd6000000000591140fe80000000000000" \
	"0201020304050607ff020000000000000000000000010002022302230059" \
	"b8d90c00200108a810060003022584fffedb2380fe800000000000000201" \
	"02030405060700090023010078240001000a000300010001020304050027" \
	"000d010b72617370626572727970690012000400000008"
#define D6_BAD \
	"33330001000204040404040486dd60000000001a1140fe80000000000000" \
	"0201020304050607ff02000000000000000000000001000202220223001a" \
	"eea0010000010001003c00000000000000000000"

static void
test_dhcpv6(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, D6_SOLICIT);

	(void)state;
	assert_chain(p, "eth ipv6 udp dhcpv6");
	assert_int_equal(fval(p, "dhcpv6.msgtype"), 1);
	assert_int_equal(fval(p, "dhcpv6.xid"), 0x90b45c);
	assert_string_equal(field_n(p, "dhcpv6.option.type_str", 0)->meaning,
	    "Client Identifier");
	assert_int_equal(fval(p, "dhcpv6.duid.type"), 3);
	assert_string_equal(field_n(p, "dhcpv6.duidll.link_layer_addr",
	    0)->meaning, "00:01:02:03:04:05");
	assert_int_equal(field_n(p, "dhcpv6.requested_option_code", 1)->val,
	    24);
	assert_int_equal(fval(p, "dhcpv6.elapsed_time"), 1000);
	assert_string_equal(field_n(p, "dhcpv6.iaid", 0)->meaning, "02030405");
	sweep_prefixes(DLT_EN10MB, D6_SOLICIT);

	p = decode_hex(DLT_EN10MB, D6_REPLY);
	assert_int_equal(fval(p, "dhcpv6.iaaddr.valid_lifetime"), 7200);
	assert_string_equal(field_n(p, "dhcpv6.duidllt.time", 0)->meaning,
	    "Nov 26, 2012 15:34:36.000000000 UTC");
	assert_string_equal(field_n(p, "dhcpv6.search_list_entry", 0)->meaning,
	    "voo.be.");
	sweep_prefixes(DLT_EN10MB, D6_REPLY);

	/* The relayed Solicit: a layer of its own after the relay's. */
	p = decode_hex(DLT_EN10MB, D6_RELAY);
	assert_int_equal(field_n(p, "dhcpv6.msgtype", 0)->val, 12);
	assert_int_equal(field_n(p, "dhcpv6.msgtype", 1)->val, 1);
	assert_int_equal(p->layers[p->nlayers - 1].depth, 1);
	assert_string_equal(field_n(p, "dhcpv6.client_domain", 0)->meaning,
	    "raspberrypi");
	assert_int_equal(fval(p, "dhcpv6.clientfqdn.client.s"), 1);
	assert_true(has_field(p, "dhcpv6.interface_id"));
	sweep_prefixes(DLT_EN10MB, D6_RELAY);

	p = decode_hex(DLT_EN10MB, D6_BAD);
	assert_int_equal(layer(p, "dhcpv6")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, D6_BAD);
}

#define SSDP_SEARCH \
	"02020202020204040404040408004500007a0001000040117c6f7f000001" \
	"7f0000029c72076c006611934d2d534541524348202a20485454502f312e" \
	"310d0a484f53543a203233392e3235352e3235352e3235303a313930300d" \
	"0a4d414e3a2022737364703a646973636f766572220d0a4d583a20320d0a" \
	"53543a20737364703a616c6c0d0a0d0a"

static void
test_ssdp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SSDP_SEARCH);

	(void)state;
	assert_chain(p, "eth ipv4 udp ssdp");
	assert_string_equal(field_n(p, "http.request.method", 0)->meaning,
	    "M-SEARCH");
	assert_string_equal(field_n(p, "http.host", 0)->meaning,
	    "239.255.255.250:1900");
	sweep_prefixes(DLT_EN10MB, SSDP_SEARCH);
}

static void
test_edns(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, EDNS);

	(void)state;
	assert_chain(p, "eth ipv4 udp dns");
	/* A query: no authoritative, recursion available or reply code. */
	assert_false(has_field(p, "dns.flags.authoritative"));
	assert_false(has_field(p, "dns.flags.recavail"));
	assert_false(has_field(p, "dns.flags.rcode"));
	assert_int_equal(fval(p, "dns.flags.authenticated"), 1);
	assert_int_equal(fval(p, "dns.qry.name.len"), 3);
	assert_int_equal(fval(p, "dns.count.labels"), 2);
	assert_false(has_field(p, "dns.resp.class"));
	assert_false(has_field(p, "dns.resp.ttl"));
	assert_int_equal(fval(p, "dns.rr.udp_payload_size"), 1232);
	assert_int_equal(fval(p, "dns.resp.ext_rcode"), 1);
	assert_int_equal(fval(p, "dns.resp.edns0_version"), 0);
	assert_int_equal(fval(p, "dns.resp.z"), 0x8000);
	assert_int_equal(fval(p, "dns.resp.z.do"), 1);
	assert_int_equal(fval(p, "dns.resp.z.reserved"), 0);
	assert_int_equal(fval(p, "dns.resp.len"), 32);
	assert_int_equal(field_n(p, "dns.opt.code", 0)->val, 10);
	assert_int_equal(field_n(p, "dns.opt.len", 0)->val, 16);
	assert_int_equal(field_n(p, "dns.opt.cookie.client", 0)->bits, 64);
	assert_int_equal(field_n(p, "dns.opt.cookie.server", 0)->bits, 64);
	assert_int_equal(field_n(p, "dns.opt.code", 1)->val, 8);
	assert_int_equal(fval(p, "dns.opt.client.family"), 1);
	assert_int_equal(fval(p, "dns.opt.client.netmask"), 24);
	assert_int_equal(fval(p, "dns.opt.client.scope"), 0);
	assert_true(has_field(p, "dns.opt.client.addr4"));
	assert_int_equal(layer(p, "dns")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, EDNS);

	/* The OPT record's data runs past the message: malformed. */
	p = decode_hex(DLT_EN10MB, BADOPT);
	assert_int_equal(layer(p, "dns")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "dns.rr.udp_payload_size"), 512);
	sweep_prefixes(DLT_EN10MB, BADOPT);
}

static void
test_mdns_llmnr(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, MDNS);

	(void)state;
	assert_chain(p, "eth ipv4 udp mdns");
	assert_int_equal(fval(p, "dns.resp.class"), 1);
	assert_int_equal(fval(p, "dns.resp.cache_flush"), 1);
	assert_true(has_field(p, "dns.a"));
	sweep_prefixes(DLT_EN10MB, MDNS);

	p = decode_hex(DLT_EN10MB, LLMNR);
	assert_chain(p, "eth ipv4 udp llmnr");
	assert_int_equal(fval(p, "dns.flags.conflict"), 1);
	assert_int_equal(fval(p, "dns.flags.tentative"), 1);
	assert_false(has_field(p, "dns.flags.recdesired"));
	assert_false(has_field(p, "dns.flags.rcode"));
	assert_int_equal(fval(p, "dns.qry.name.len"), 4);
	sweep_prefixes(DLT_EN10MB, LLMNR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edns),
		cmocka_unit_test(test_mdns_llmnr),
		cmocka_unit_test(test_quic),
		cmocka_unit_test(test_snmp),
		cmocka_unit_test(test_ber),
		cmocka_unit_test(test_ldap),
		cmocka_unit_test(test_ntp),
		cmocka_unit_test(test_dhcp),
		cmocka_unit_test(test_radius),
		cmocka_unit_test(test_syslog),
		cmocka_unit_test(test_dhcpv6),
		cmocka_unit_test(test_ssdp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
