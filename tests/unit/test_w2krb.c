/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kerberos 5 through the BER reader: an AS-REQ (KDC options, names,
 * times as UTC text, nonce, etypes, an address, the PAC request), a
 * KRB-ERROR with its METHOD-DATA, a TGS-REQ carrying an AP-REQ in its
 * padata, an AS-REP over TCP after a record mark (ETYPE-INFO2, ticket,
 * encrypted part); a ticket that is no [APPLICATION 1] and an encrypted
 * part that is no SEQUENCE (malformed); a TCP segment in the middle of a
 * message (not Kerberos).  Every shorter prefix decodes without a crash.
 * Frames as captures/make-w2krb.py writes them.
 */
#include "testutil.h"

#define KRB_ASREQ \
	"0202020202020404040404040800450000e30001000040117c067f000001" \
	"7f0000029c40005800cf174f6a81c43081c1a103020105a20302010aa315" \
	"30133011a10402020080a20904073005a0030101ffa4819d30819aa00703" \
	"050050800010a1123010a003020101a10930071b05616c696365a20d1b0b" \
	"4558414d504c452e434f4da320301ea003020102a11730151b066b726274" \
	"67741b0b4558414d504c452e434f4da511180f3230333730393133303234" \
	"3830355aa611180f32303235303330313038303931305aa7070205008bad" \
	"f00da8083006020112020111a911300f300da003020102a1060404c00002" \
	"07"
#define KRB_ERROR \
	"0202020202020404040404040800450000b80001000040117c317f000001" \
	"7f00000200589c4000a424ba7e8199308196a003020105a10302011ea211" \
	"180f32303235303330313038303931305aa304020204d2a411180f323032" \
	"35303330313038303931315aa50502030a27dba603020119a90d1b0b4558" \
	"414d504c452e434f4daa20301ea003020102a11730151b066b7262746774" \
	"1b0b4558414d504c452e434f4dab101b0e4e45454445445f505245415554" \
	"48ac0f040d300b3009a103020102a2020400"
#define KRB_TGSREQ \
	"0202020202020404040404040800450001550001000040117b947f000001" \
	"7f0000029c4100580141e85c6c82013530820131a103020105a20302010c" \
	"a381c53081c23081bfa103020101a281b70481b46e81b13081aea0030201" \
	"05a10302010ea20703050020000000a37461723070a003020105a10d1b0b" \
	"4558414d504c452e434f4da220301ea003020102a11730151b066b726274" \
	"67741b0b4558414d504c452e434f4da3383036a003020112a103020102a2" \
	"2a0428000102030405060708090a0b0c0d0e0f101112131415161718191a" \
	"1b1c1d1e1f2021222324252627a4233021a003020112a21a041800010203" \
	"0405060708090a0b0c0d0e0f1011121314151617a45d305ba00703050040" \
	"810010a20d1b0b4558414d504c452e434f4da3223020a003020102a11930" \
	"171b04686f73741b0f7372762e6578616d706c652e636f6da511180f3230" \
	"3235303330323038303931305aa70302012aa8053003020112"
#define KRB_ASREP \
	"0202020202020404040404040800450001350001000040067bbf7f000001" \
	"7f00000200589c4200000001000000015018200059bd0000000001096b82" \
	"010530820101a003020105a10302010ba22a30283026a103020113a21f04" \
	"1d301b3019a003020112a1121b104558414d504c452e434f4d616c696365" \
	"a30d1b0b4558414d504c452e434f4da4123010a003020101a10930071b05" \
	"616c696365a57461723070a003020105a10d1b0b4558414d504c452e434f" \
	"4da220301ea003020102a11730151b066b72627467741b0b4558414d504c" \
	"452e434f4da3383036a003020112a103020102a22a042800010203040506" \
	"0708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324" \
	"252627a630302ea003020112a103020103a2220420000102030405060708" \
	"090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define KRB_BADTKT \
	"0202020202020404040404040800450000410001000040067cb37f000001" \
	"7f0000029c430058000000010000000150182000d5190000000000156e13" \
	"3011a003020105a10302010ea3053003020101"
#define KRB_BADENC \
	"02020202020204040404040408004500002f0001000040117cba7f000001" \
	"7f0000029c440058001b713c6f11300fa003020105a10302010fa2030201" \
	"05"
/* The AS-REP's bytes from its 151st on, a later segment. */
#define KRB_MIDDLE \
	"02020202020204040404040408004500009f0001000040067c557f000001" \
	"7f00000200589c45000000970000000150182000fdd600004558414d504c" \
	"452e434f4da3383036a003020112a103020102a22a042800010203040506" \
	"0708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324" \
	"252627a630302ea003020112a103020103a2220420000102030405060708" \
	"090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

static void
test_as_req(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, KRB_ASREQ);

	(void)state;
	assert_chain(p, "eth ipv4 udp kerberos");
	assert_int_equal(layer(p, "kerberos")->status, ST_LS_OK);
	assert_int_equal(fval(p, "kerberos.pvno"), 5);
	assert_int_equal(fval(p, "kerberos.msg_type"), 10);
	assert_int_equal(fval(p, "kerberos.padata"), 1);
	assert_int_equal(fval(p, "kerberos.padata_type"), 128);
	assert_int_equal(fval(p, "kerberos.include_pac"), 1);
	assert_int_equal(fval(p, "kerberos.KDCOptions.forwardable"), 1);
	assert_int_equal(fval(p, "kerberos.KDCOptions.forwarded"), 0);
	assert_int_equal(fval(p, "kerberos.KDCOptions.renewable"), 1);
	assert_int_equal(fval(p, "kerberos.KDCOptions.renewable.ok"), 1);
	assert_int_equal(fval(p, "kerberos.KDCOptions.validate"), 0);
	assert_int_equal(fval(p, "kerberos.name_type"), 1);
	assert_int_equal(fval(p, "kerberos.cname_string"), 1);
	assert_string_equal(field_n(p, "kerberos.CNameString", 0)->meaning,
	    "alice");
	assert_int_equal(fval(p, "kerberos.sname_string"), 2);
	assert_string_equal(field_n(p, "kerberos.SNameString", 1)->meaning,
	    "EXAMPLE.COM");
	assert_string_equal(field_n(p, "kerberos.till", 0)->meaning,
	    "Sep 13, 2037 02:48:05.000000000 UTC");
	assert_string_equal(field_n(p, "kerberos.rtime", 0)->meaning,
	    "Mar  1, 2025 08:09:10.000000000 UTC");
	assert_int_equal(fval(p, "kerberos.nonce"), 0x8badf00d);
	assert_int_equal(fval(p, "kerberos.kdc-req-body.etype"), 2);
	assert_int_equal(field_n(p, "kerberos.ENCTYPE", 1)->val, 17);
	assert_int_equal(fval(p, "kerberos.addresses"), 1);
	assert_int_equal(fval(p, "kerberos.addr_type"), 2);
	assert_int_equal(fval(p, "kerberos.addr_ip"), 0xc0000207);
	assert_string_equal(field_n(p, "strata.kerberos.client", 0)->meaning,
	    "alice@EXAMPLE.COM");
	assert_string_equal(field_n(p, "strata.kerberos.service", 0)->meaning,
	    "krbtgt/EXAMPLE.COM@EXAMPLE.COM");
	sweep_prefixes(DLT_EN10MB, KRB_ASREQ);
}

static void
test_error(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, KRB_ERROR);

	(void)state;
	assert_chain(p, "eth ipv4 udp kerberos");
	assert_int_equal(layer(p, "kerberos")->status, ST_LS_OK);
	assert_int_equal(fval(p, "kerberos.msg_type"), 30);
	assert_int_equal(fval(p, "kerberos.error_code"), 25);
	assert_int_equal(fval(p, "kerberos.cusec"), 1234);
	assert_int_equal(fval(p, "kerberos.susec"), 665563);
	assert_string_equal(field_n(p, "kerberos.stime", 0)->meaning,
	    "Mar  1, 2025 08:09:11.000000000 UTC");
	assert_string_equal(field_n(p, "kerberos.e_text", 0)->meaning,
	    "NEEDED_PREAUTH");
	assert_true(has_field(p, "kerberos.e_data"));
	assert_int_equal(fval(p, "kerberos.padata_type"), 2);
	assert_false(has_field(p, "strata.kerberos.client"));
	sweep_prefixes(DLT_EN10MB, KRB_ERROR);
}

static void
test_tgs_req(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, KRB_TGSREQ);

	(void)state;
	assert_int_equal(layer(p, "kerberos")->status, ST_LS_OK);
	assert_int_equal(field_n(p, "kerberos.msg_type", 0)->val, 12);
	assert_int_equal(field_n(p, "kerberos.msg_type", 1)->val, 14);
	assert_int_equal(fval(p, "kerberos.padata_type"), 1);
	assert_int_equal(fval(p, "kerberos.APOptions.mutual.required"), 1);
	assert_int_equal(fval(p, "kerberos.APOptions.use.session.key"), 0);
	assert_int_equal(fval(p, "kerberos.tkt_vno"), 5);
	/* the ticket's encrypted part, then the authenticator (no kvno) */
	assert_int_equal(field_n(p, "kerberos.etype", 1)->val, 18);
	assert_int_equal(fval(p, "kerberos.kvno"), 2);
	assert_int_equal(field_n(p, "kerberos.cipher", 1)->bits, 24 * 8);
	assert_string_equal(field_n(p, "strata.kerberos.service", 0)->meaning,
	    "host/srv.example.com@EXAMPLE.COM");
	sweep_prefixes(DLT_EN10MB, KRB_TGSREQ);
}

static void
test_as_rep_tcp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, KRB_ASREP);

	(void)state;
	assert_chain(p, "eth ipv4 tcp kerberos");
	assert_int_equal(layer(p, "kerberos")->status, ST_LS_OK);
	assert_int_equal(fval(p, "kerberos.rm.reserved"), 0);
	assert_int_equal(fval(p, "kerberos.rm.length"),
	    layer(p, "kerberos")->len - 4);
	assert_int_equal(fval(p, "kerberos.msg_type"), 11);
	assert_int_equal(fval(p, "kerberos.padata_type"), 19);
	assert_int_equal(fval(p, "kerberos.etype"), 18);
	assert_string_equal(field_n(p, "kerberos.info2_salt", 0)->meaning,
	    "EXAMPLE.COMalice");
	assert_string_equal(field_n(p, "kerberos.crealm", 0)->meaning,
	    "EXAMPLE.COM");
	assert_int_equal(field_n(p, "kerberos.kvno", 1)->val, 3);
	assert_string_equal(field_n(p, "strata.kerberos.client", 0)->meaning,
	    "alice@EXAMPLE.COM");
	sweep_prefixes(DLT_EN10MB, KRB_ASREP);
}

static void
test_malformed(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, KRB_BADTKT);

	(void)state;
	assert_int_equal(layer(p, "kerberos")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, KRB_BADTKT);
	p = decode_hex(DLT_EN10MB, KRB_BADENC);
	assert_int_equal(layer(p, "kerberos")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, KRB_BADENC);
	/* The AS-REP's bytes past its record mark as a later segment: the
	 * middle of a message, not a Kerberos layer. */
	p = decode_hex(DLT_EN10MB, KRB_MIDDLE);
	assert_chain(p, "eth ipv4 tcp data");
	sweep_prefixes(DLT_EN10MB, KRB_MIDDLE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_as_req),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_tgs_req),
		cmocka_unit_test(test_as_rep_tcp),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
