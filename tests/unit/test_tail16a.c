/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tail16a family: DCCP (RFC 4340), RPKI-RTR (RFC 8210) and Babel
 * (RFC 8966), from hand-written packets (the
 * frames of captures/tail16a-*.pcap, made by captures/make-tail16a.py),
 * with every shorter prefix and malformed variants.
 */
#include "testutil.h"

/* A Response (X 1): acknowledgement subheader, service code 42, Confirm R,
 * Init Cookie and Confirm L options, padding. */
#define DCCPRESP "45000044000240004021ae6fc6120002c6120001138a13890c008e1e03" \
	"0000000000200000000000000010000000002a23040103240a01020304050607082104" \
	"06010000"
/* A DataAck whose checksum covers the header only (CsCov 1), CCVal 3, a
 * Data Checksum option, 17 bytes of data. */
#define DCCPDATAACK "45000045000440004021ae6cc6120001c61200021389138a0831419a" \
	"090000000000100200000000000020012c06deadbeef000068656c6c6f2c2064636370" \
	"20776f726c64"
/* An Ack with 24-bit numbers (X 0) and an Ack Vector [Nonce 1]. */
#define DCCPACK24 "45000028000640004021ae87c6120002c6120001138a13890500ab0606" \
	"0020020000100227043f80"
/* A Reset, code 1 (Closed). */
#define DCCPRESET "45000030000940004021ae7cc6120002c6120001138a1389070005800f" \
	"00000000002004000000000000100301000000"
/* A Request over IPv6, service RTPA, Change L CCID 2. */
#define DCCPREQ6 "600000000018214020010db800000000000000000000000120010db8000" \
	"0000000000000000000021389138a0600b29b01000000000000075254504120040102"
/* An Ack with Mandatory, Data Dropped, a reserved option, CCID 3's loss
 * event rate and receive rate, CCID options. */
#define DCCPOPTS "4500004c000e40004021ae5bc6120001c61200021389138a0e0089be07" \
	"000000000010050000000000002005010203280481023c040909c006ffffffffc20600" \
	"01e84882040102c105010203"

static void
test_dccp_response(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, DCCPRESP);

	(void)state;
	assert_chain(p, "ipv4 dccp");
	assert_int_equal(fval(p, "dccp.srcport"), 5002);
	assert_int_equal(fval(p, "dccp.data_offset"), 12);
	assert_int_equal(field_n(p, "dccp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "dccp.type"), 1);
	assert_int_equal(fval(p, "dccp.x"), 1);
	assert_int_equal(fval(p, "dccp.seq_raw"), 8192);
	assert_int_equal(fval(p, "dccp.ack_raw"), 4096);
	assert_int_equal(fval(p, "dccp.service_code"), 42);
	assert_int_equal(field_n(p, "dccp.option_type", 0)->val, 35);
	assert_int_equal(field_n(p, "dccp.feature_number", 0)->val, 1);
	assert_int_equal(field_n(p, "dccp.init_cookie", 0)->bits, 64);
	assert_int_equal(field_n(p, "dccp.feature_number", 1)->val, 6);
	assert_int_equal(field_n(p, "dccp.option_type", 3)->val, 0);
	assert_int_equal(layer(p, "dccp")->hdr_len, 48);
	sweep_prefixes(DLT_RAW, DCCPRESP);
}

static void
test_dccp_cscov_and_short_numbers(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, DCCPDATAACK);

	(void)state;
	assert_chain(p, "ipv4 dccp data");
	assert_int_equal(fval(p, "dccp.ccval"), 3);
	assert_int_equal(fval(p, "dccp.cscov"), 1);
	/* The header only: right although the data is not summed. */
	assert_int_equal(field_n(p, "dccp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "dccp.checksum_data"), 0xdeadbeef);
	assert_int_equal(fval(p, "data.len"), 17);
	sweep_prefixes(DLT_RAW, DCCPDATAACK);
	/* A changed data byte leaves it right; a header byte does not. */
	p = decode_hex(DLT_RAW, "45000045000440004021ae6cc6120001c61200021389138a"
	    "0831419a090000000000100200000000000020012c06deadbeef000068656c6c6f"
	    "2c206463637020776f726c65");
	assert_int_equal(field_n(p, "dccp.checksum", 0)->ck, ST_CK_GOOD);
	p = decode_hex(DLT_RAW, "45000045000440004021ae6cc6120001c61200021389138a"
	    "0831419a090000000000100200000000000020012c06deadbeee000068656c6c6f"
	    "2c206463637020776f726c64");
	assert_int_equal(field_n(p, "dccp.checksum", 0)->ck, ST_CK_BAD);
	p = decode_hex(DLT_RAW, DCCPACK24);
	assert_chain(p, "ipv4 dccp");
	assert_int_equal(fval(p, "dccp.x"), 0);
	assert_int_equal(fval(p, "dccp.seq_raw"), 0x2002);
	assert_int_equal(fval(p, "dccp.ack_raw"), 0x1002);
	assert_int_equal(field_n(p, "dccp.ack_raw", 0)->bits, 24);
	assert_int_equal(field_n(p, "dccp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(field_n(p, "dccp.ack_vector.nonce_1", 0)->bits, 16);
	sweep_prefixes(DLT_RAW, DCCPACK24);
}

static void
test_dccp_reset_request6_options(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, DCCPRESET);

	(void)state;
	assert_int_equal(fval(p, "dccp.type"), 7);
	assert_int_equal(fval(p, "dccp.reset_code"), 1);
	assert_int_equal(fval(p, "dccp.data1"), 0);
	assert_int_equal(fval(p, "dccp.ack_raw"), 0x1003);
	sweep_prefixes(DLT_RAW, DCCPRESET);
	p = decode_hex(DLT_RAW, DCCPREQ6);
	assert_chain(p, "ipv6 dccp");
	assert_int_equal(field_n(p, "dccp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "dccp.service_code"), 0x52545041);
	assert_int_equal(fval(p, "dccp.seq_raw"), 7);
	sweep_prefixes(DLT_RAW, DCCPREQ6);
	p = decode_hex(DLT_RAW, DCCPOPTS);
	assert_int_equal(layer(p, "dccp")->status, ST_LS_OK);
	assert_int_equal(field_n(p, "dccp.mandatory", 0)->bits, 8);
	assert_int_equal(field_n(p, "dccp.option_reserved", 0)->bits, 8);
	assert_int_equal(field_n(p, "dccp.data_dropped", 0)->bits, 16);
	assert_int_equal(field_n(p, "dccp.option_reserved", 1)->bits, 16);
	assert_int_equal(fval(p, "dccp.ccid3_loss_event_rate"), 0xffffffff);
	assert_int_equal(fval(p, "dccp.ccid3_receive_rate"), 125000);
	assert_int_equal(field_n(p, "dccp.ccid_option_data", 0)->bits, 16);
	assert_int_equal(field_n(p, "dccp.ccid3_loss_intervals", 0)->bits, 24);
	sweep_prefixes(DLT_RAW, DCCPOPTS);
}

static void
test_dccp_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A data offset of 2 words, below the 16-byte generic header. */
	p = decode_hex(DLT_RAW, "45000024001040004021ae81c6120001c61200021389138a"
	    "0200358c0500000000001007");
	assert_int_equal(layer(p, "dccp")->status, ST_LS_MALFORMED);
	/* A Timestamp option of length 1. */
	p = decode_hex(DLT_RAW, "45000030001140004021ae74c6120001c61200021389138a"
	    "0700e5780700000000001008000000000000200529010000");
	assert_int_equal(layer(p, "dccp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "dccp.ack_raw"), 0x2005);
	/* A reserved type (11). */
	p = decode_hex(DLT_RAW, "45000024001240004021ae7fc6120001c61200021389138a"
	    "0400218a1700000000001009");
	assert_int_equal(layer(p, "dccp")->status, ST_LS_MALFORMED);
	/* A data offset past the packet's end. */
	p = decode_hex(DLT_RAW, "45000024001240004021ae7fc6120001c61200021389138a"
	    "0600218a0700000000001009");
	assert_int_equal(layer(p, "dccp")->status, ST_LS_MALFORMED);
	/* The crafter: the data offset, the checksum over CsCov. */
	{
		static struct st_packet cp;
		static uint8_t buf[ST_PKT_MAX];

		p = craft(&cp, buf, "ip(src=198.18.0.1,dst=198.18.0.2)/dccp("
		    "sport=1,dport=2,type=4,seq=5,ack=3,cscov=1,options="
		    "2b0401)/\"data\"");
		assert_chain(p, "ipv4 dccp data");
		assert_int_equal(fval(p, "ip.proto"), 33);
		assert_int_equal(fval(p, "dccp.data_offset"), 7);
		assert_int_equal(fval(p, "dccp.ack_raw"), 3);
		assert_int_equal(field_n(p, "dccp.checksum", 0)->ck,
		    ST_CK_GOOD);
		p = craft(&cp, buf, "ip(src=198.18.0.1,dst=198.18.0.2)/dccp("
		    "sport=1,dport=2,service=0x52545041)");
		assert_int_equal(fval(p, "dccp.type"), 0);
		assert_int_equal(fval(p, "dccp.x"), 1);
		assert_int_equal(fval(p, "dccp.service_code"), 0x52545041);
		assert_int_equal(field_n(p, "dccp.checksum", 0)->ck,
		    ST_CK_GOOD);
	}
	/* An option running past the data offset. */
	p = decode_hex(DLT_RAW, "45000028001240004021ae7fc6120001c61200021389138a"
	    "0500218a070000000000100900000000290a0000");
	assert_int_equal(layer(p, "dccp")->status, ST_LS_MALFORMED);
}

/* RPKI-RTR on TCP 323: Cache Response, IPv4 and IPv6 Prefix, Router Key
 * (with a P-256 key) and version 1's End of Data in one segment. */
#define RTRSEG "450000f7000240004006add7c6120002c612000101439d83000013880000" \
	"03f05018ffffd78d00000103000700000008010400000000001401181800c00002" \
	"000000fbf401060000000000200120300020010db8000000000000000000000000" \
	"0000fbf5010901000000007ba0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b300" \
	"00fbf63059301306072a8648ce3d020106082a8648ce3d03010703420004010203" \
	"0405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324" \
	"25262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f400107000700" \
	"0000180000002a00000e100000025800001c20"
/* An Error Report quoting a Serial Query, with a text. */
#define RTRERR "45000059000740004006ae70c6120001c61200029d830143000003fc0000" \
	"149f5018ffff483c0000010a0002000000310000000c010100090000000c000000" \
	"01000000156e6f206461746120666f722073657373696f6e2039"
/* Version 0: End of Data (no intervals) and Serial Query. */
#define RTRV0 "45000040000840004006ae88c6120002c612000101439d830000149f0000" \
	"042d5018ffff6b740000000700070000000c0000002c000100070000000c000000" \
	"2c"

static void
test_rpkirtr_segment(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, RTRSEG);

	(void)state;
	assert_chain(p, "ipv4 tcp rpki-rtr rpki-rtr rpki-rtr rpki-rtr "
	    "rpki-rtr");
	assert_int_equal(field_n(p, "rpki-rtr.pdu_type", 1)->val, 4);
	assert_int_equal(fval(p, "rpki-rtr.session_id"), 7);
	assert_int_equal(fval(p, "rpki-rtr.flags.aw"), 1);
	assert_int_equal(fval(p, "rpki-rtr.prefix_length"), 24);
	assert_int_equal(field_n(p, "rpki-rtr.max_length", 1)->val, 48);
	assert_int_equal(field_n(p, "rpki-rtr.as_number", 1)->val, 64501);
	assert_int_equal(fval(p, "rpki-rtr.flags.rk"), 1);
	assert_int_equal(field_n(p, "rpki-rtr.subject_key_identifier",
	    0)->bits, 160);
	assert_int_equal(field_n(p, "rpki-rtr.as_number", 2)->val, 64502);
	assert_string_equal(field_n(p, "x509af.algorithm.id", 0)->meaning,
	    "1.2.840.10045.2.1");
	assert_int_equal(field_n(p, "x509af.subjectPublicKey", 0)->bits,
	    65 * 8);
	assert_int_equal(fval(p, "rpki-rtr.serial_number"), 42);
	assert_int_equal(fval(p, "rpki-rtr.refresh_interval"), 3600);
	assert_int_equal(fval(p, "rpki-rtr.expire_interval"), 7200);
	assert_int_equal(p->layers[6].off, 40 + 183);
	sweep_prefixes(DLT_RAW, RTRSEG);
}

static void
test_rpkirtr_error_v0_malformed(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, RTRERR);

	(void)state;
	assert_chain(p, "ipv4 tcp rpki-rtr");
	assert_int_equal(fval(p, "rpki-rtr.error_code"), 2);
	assert_int_equal(fval(p, "rpki-rtr.length_pdu"), 12);
	assert_int_equal(field_n(p, "rpki-rtr.error_pdu", 0)->bits, 96);
	assert_int_equal(fval(p, "rpki-rtr.length_text"), 21);
	assert_string_equal(field_n(p, "rpki-rtr.error_text", 0)->meaning,
	    "no data for session 9");
	sweep_prefixes(DLT_RAW, RTRERR);
	p = decode_hex(DLT_RAW, RTRV0);
	assert_chain(p, "ipv4 tcp rpki-rtr rpki-rtr");
	assert_int_equal(fval(p, "rpki-rtr.version"), 0);
	assert_false(has_field(p, "rpki-rtr.refresh_interval"));
	assert_int_equal(field_n(p, "rpki-rtr.serial_number", 1)->val, 44);
	sweep_prefixes(DLT_RAW, RTRV0);
	/* A length below the header's 8 bytes. */
	p = decode_hex(DLT_RAW, "45000030000a40004006ae96c6120002c61200010143" \
	"9d83000014c70000042d5018ffff6ad700000100000700000004");
	assert_int_equal(layer(p, "rpki-rtr")->status, ST_LS_MALFORMED);
	/* An error report whose quoted PDU runs past its length. */
	p = decode_hex(DLT_RAW, "4500003c000740004006ae70c6120001c61200029d83"
	    "0143000003fc0000149f5018ffff483c0000010a000200000014000000ff0101"
	    "00090000000c");
	assert_int_equal(layer(p, "rpki-rtr")->status, ST_LS_MALFORMED);
}

/* Babel on UDP 6696: Hello with a timestamp sub-TLV, Pad1, PadN, IHU,
 * Router-Id, Next Hop, four Updates (a default prefix, then 6 bytes of it
 * omitted; IPv4; a diversity sub-TLV). */
#define BABEL1 "600000000096114020010db800000000000000000000000120010db80000" \
	"000000000000000000021a281a28009651de2a02008a040c000012340190030400" \
	"16e3600001020000050e0300010004b00000000000000001060a00000102030405" \
	"06070807120200fe80000000000000000000000000000108120280400001900007" \
	"006020010db800010000080c020040060190000700800002080d01001800019000" \
	"080100c0000208140200300001900009ffff20010db8000102020106"
/* Ack Request, Route Request, Seqno Request. */
#define BABEL2 "600000000036114020010db800000000000000000000000220010db80000" \
	"000000000000000000011a281a2800363ff72a02002a02060000567807d0090a02" \
	"4020010db8000100000a14023012351000010203040506070820010db80001"

/* The nth strata.babel.prefix text. */
static const char *
babel_prefix(const struct st_packet *p, unsigned nth)
{
	return field_n(p, "strata.babel.prefix", nth)->meaning;
}

static void
test_babel_tlvs(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, BABEL1);

	(void)state;
	assert_chain(p, "ipv6 udp babel");
	assert_int_equal(fval(p, "babel.magic"), 42);
	assert_int_equal(fval(p, "babel.bodylen"), 138);
	assert_int_equal(field_n(p, "babel.message.type", 1)->val, 0);
	assert_int_equal(fval(p, "babel.message.seqno"), 0x1234);
	assert_int_equal(fval(p, "babel.subtlv.type"), 3);
	assert_int_equal(fval(p, "babel.message.rxcost"), 0x100);
	assert_int_equal(field_n(p, "babel.message.routerid", 0)->bits, 64);
	assert_string_equal(babel_prefix(p, 0), "2001:db8:1::/64");
	/* 6 bytes omitted, taken from the default prefix. */
	assert_string_equal(babel_prefix(p, 1), "2001:db8:1:2::/64");
	assert_string_equal(babel_prefix(p, 2), "192.0.2.0/24");
	assert_string_equal(babel_prefix(p, 3), "2001:db8:1::/48");
	assert_int_equal(field_n(p, "babel.subtlv.diversity.channel", 1)->val,
	    6);
	assert_int_equal(layer(p, "babel")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, BABEL1);
	p = decode_hex(DLT_RAW, BABEL2);
	assert_int_equal(fval(p, "babel.message.nonce"), 0x5678);
	assert_int_equal(fval(p, "babel.message.interval"), 2000);
	assert_int_equal(field_n(p, "babel.message.plen", 0)->val, 64);
	assert_int_equal(fval(p, "babel.message.hopcount"), 16);
	assert_int_equal(fval(p, "babel.message.seqno"), 0x1235);
	sweep_prefixes(DLT_RAW, BABEL2);
}

static void
test_babel_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A Hello whose length runs past the body. */
	p = decode_hex(DLT_RAW, "600000000016114020010db800000000000000000000" \
	"000120010db80000000000000000000000021a281a2800163c3a2a02000a040600" \
	"00000101900420");
	assert_int_equal(layer(p, "babel")->status, ST_LS_MALFORMED);
	/* Version 1: not this decoder's; the datagram is data. */
	p = decode_hex(DLT_RAW, "600000000010114020010db8000000000000000000000001"
	    "20010db80000000000000000000000021a281a28001000002a01000403020001");
	assert_int_equal(p->layers[p->nlayers - 1].proto->role, ST_ROLE_DATA);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dccp_response),
		cmocka_unit_test(test_dccp_cscov_and_short_numbers),
		cmocka_unit_test(test_dccp_reset_request6_options),
		cmocka_unit_test(test_dccp_malformed),
		cmocka_unit_test(test_rpkirtr_segment),
		cmocka_unit_test(test_rpkirtr_error_v0_malformed),
		cmocka_unit_test(test_babel_tlvs),
		cmocka_unit_test(test_babel_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
