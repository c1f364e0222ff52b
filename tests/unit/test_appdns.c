/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNS record types beyond the first ones (src/proto/dnsrr.c): SRV with its
 * owner name split as Wireshark does, NAPTR, SPF, RRSIG with its times as
 * UTC text, NSEC and NSEC3 with their type bitmaps, HTTPS/SVCB params,
 * DS, DNSKEY (its key tag), TLSA, SSHFP, HINFO, RP, CAA; EDNS cookie
 * without a server cookie, padding, keepalive, extended error; an ALPN
 * length that lies marks the layer malformed.  The frames are those of
 * captures/make-appdns.py (--hex).  Every shorter prefix decodes without
 * a crash.
 */
#include "testutil.h"

#define SRV \
	"0200000000010200000000020800450000c3000100004011ee01c6120002" \
	"c612000100359c4000af1427123481800001000300000000045f73697004" \
	"5f74637002657804746573740000210001045f736970045f746370026578" \
	"047465737400002100010000012c0013000a001413c40373697002657804" \
	"7465737400026578047465737400002300010000012c00220064000a0153" \
	"075349502b44325400045f736970045f7463700265780474657374000265" \
	"78047465737400006300010000012c000c0b763d73706631202d616c6c"
#define DNSSEC \
	"0200000000010200000000020800450000bb000200004011ee08c6120002" \
	"c612000100359c4000a7dccc123481800001000300000000026578047465" \
	"737400002e0001026578047465737400002e00010000012c002b00010d02" \
	"00000e106553f10064bb5a80109202657804746573740000010203040506" \
	"0708090a0b0c0d0e0f0161026578047465737400002f00010000012c000e" \
	"016202657804746573740000014002657804746573740000320001000001" \
	"2c00120101000a04aabbccdd050102030405000140"
#define HTTPS \
	"02000000000102000000000208004500008a000300004011ee38c6120002" \
	"c612000100359c400076283f123481800001000100000000026578047465" \
	"73740000410001026578047465737400004100010000012c004200010000" \
	"00000400010003000100060268320268330003000220fb00040008c61200" \
	"07c612000800050003fe0d000006001020010db800000000000000000000" \
	"0001"
#define COOKIE \
	"020000000001020000000002080045000054000400004011ee6dc6120002" \
	"c612000100359c400040c993123481800001000000000001026578047465" \
	"7374000001000100002904d0000000000014000a00080102030405060708" \
	"000c000400000000"
#define BADALPN \
	"020000000001020000000002080045000052000500004011ee6ec6120002" \
	"c612000100359c40003eedc4123481800001000100000000026578047465" \
	"73740000410001026578047465737400004100010000012c000a00010000" \
	"010003086832"
#define MORE \
	"0200000000010200000000020800450001d2000600004011ecedc6120002" \
	"c612000100359c4001be3bb9123481800001000800000000026578047465" \
	"73740000ff0001026578047465737400002b00010000012c002410920d02" \
	"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d" \
	"1e1f026578047465737400003000010000012c00440101030d0001020304" \
	"05060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122" \
	"232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f04" \
	"5f343433045f746370026578047465737400003400010000012c00230301" \
	"01000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c" \
	"1d1e1f026578047465737400002c00010000012c00220402000102030405" \
	"060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f02657804" \
	"7465737400000d00010000012c000c05414d443634054c696e7578026578" \
	"047465737400001100010000012c001d0561646d696e0265780474657374" \
	"0004696e666f026578047465737400026578047465737400010100010000" \
	"012c000e8005697373756563612e74657374026578047465737400010100" \
	"010000012c00170005696f6465666d61696c746f3a614065782e74657374"
#define EDNS2 \
	"020000000001020000000002080045000051000700004011ee6dc6120002" \
	"c612000100359c40003d9d64123481800001000000000001026578047465" \
	"7374000001000100002904d0000000000011000b00020258000f00070012" \
	"7374616c65"

static const char *
text(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

static void
test_srv_naptr(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SRV);

	(void)state;
	assert_chain(p, "eth ipv4 udp dns");
	assert_string_equal(text(p, "dns.srv.service", 0), "_sip");
	assert_string_equal(text(p, "dns.srv.proto", 0), "_tcp");
	assert_string_equal(text(p, "dns.srv.name", 0), "ex.test");
	assert_int_equal(fval(p, "dns.srv.priority"), 10);
	assert_int_equal(fval(p, "dns.srv.weight"), 20);
	assert_int_equal(fval(p, "dns.srv.port"), 5060);
	assert_string_equal(text(p, "dns.srv.target", 0), "sip.ex.test");
	/* The question's name is not split, the NAPTR owner neither. */
	assert_string_equal(text(p, "dns.qry.name", 0), "_sip._tcp.ex.test");
	assert_string_equal(text(p, "dns.resp.name", 0), "ex.test");
	assert_int_equal(fval(p, "dns.naptr.order"), 100);
	assert_int_equal(fval(p, "dns.naptr.preference"), 10);
	assert_int_equal(fval(p, "dns.naptr.flags_length"), 1);
	assert_string_equal(text(p, "dns.naptr.flags", 0), "S");
	assert_string_equal(text(p, "dns.naptr.service", 0), "SIP+D2T");
	assert_int_equal(fval(p, "dns.naptr.regex_length"), 0);
	assert_string_equal(text(p, "dns.naptr.regex", 0), "");
	assert_int_equal(fval(p, "dns.naptr.replacement_length"), 17);
	assert_string_equal(text(p, "dns.naptr.replacement", 0),
	    "_sip._tcp.ex.test");
	assert_int_equal(fval(p, "dns.spf.length"), 11);
	assert_string_equal(text(p, "dns.spf", 0), "v=spf1 -all");
	assert_false(has_field(p, "dns.data"));
	assert_int_equal(layer(p, "dns")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, SRV);
}

static void
test_dnssec(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, DNSSEC);

	(void)state;
	assert_int_equal(fval(p, "dns.rrsig.type_covered"), 1);
	assert_int_equal(fval(p, "dns.rrsig.algorithm"), 13);
	assert_int_equal(fval(p, "dns.rrsig.labels"), 2);
	assert_int_equal(fval(p, "dns.rrsig.original_ttl"), 3600);
	assert_string_equal(text(p, "dns.rrsig.signature_expiration", 0),
	    "Nov 14, 2023 22:13:20.000000000 UTC");
	assert_string_equal(text(p, "dns.rrsig.signature_inception", 0),
	    "Jul 22, 2023 04:26:40.000000000 UTC");
	assert_int_equal(fval(p, "dns.rrsig.key_tag"), 4242);
	assert_string_equal(text(p, "dns.rrsig.signers_name", 0), "ex.test");
	assert_int_equal(field_n(p, "dns.rrsig.signature", 0)->bits, 128);
	assert_string_equal(text(p, "dns.nsec.next_domain_name", 0),
	    "b.ex.test");
	/* Answers' own types, then each bitmap's type (A: bit 1). */
	assert_int_equal(field_n(p, "dns.resp.type", 2)->val, 1);
	assert_int_equal(fval(p, "dns.nsec3.algo"), 1);
	assert_int_equal(fval(p, "dns.nsec3.flags.opt_out"), 1);
	assert_int_equal(fval(p, "dns.nsec3.iterations"), 10);
	assert_int_equal(fval(p, "dns.nsec3.salt_length"), 4);
	assert_int_equal(field_n(p, "dns.nsec3.salt_value", 0)->bits, 32);
	assert_int_equal(fval(p, "dns.nsec3.hash_length"), 5);
	/* 0102030405 in base32hex. */
	assert_string_equal(text(p, "dns.nsec3.hash_value", 0), "04106105");
	sweep_prefixes(DLT_EN10MB, DNSSEC);
}

static void
test_https(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, HTTPS);

	(void)state;
	assert_int_equal(fval(p, "dns.svcb.svcpriority"), 1);
	assert_string_equal(text(p, "dns.svcb.targetname", 0), "<Root>");
	assert_int_equal(field_n(p, "dns.svcb.svcparam.mandatory.key", 1)->val,
	    3);
	assert_string_equal(text(p, "dns.svcb.svcparam.alpn", 1), "h3");
	assert_int_equal(fval(p, "dns.svcb.svcparam.port"), 8443);
	assert_int_equal(field_n(p, "dns.svcb.svcparam.ipv4hint.ip", 1)->val,
	    0xc6120008);
	assert_int_equal(field_n(p, "dns.svcb.svcparam.echconfig", 0)->bits,
	    24);
	assert_true(has_field(p, "dns.svcb.svcparam.ipv6hint.ip"));
	assert_int_equal(field_n(p, "dns.svcb.svcparam.key", 5)->val, 6);
	assert_int_equal(layer(p, "dns")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, HTTPS);

	p = decode_hex(DLT_EN10MB, BADALPN);
	assert_int_equal(fval(p, "dns.svcb.svcparam.alpn.length"), 8);
	assert_false(has_field(p, "dns.svcb.svcparam.alpn"));
	assert_int_equal(layer(p, "dns")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, BADALPN);
}

static void
test_cookie(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, COOKIE);

	(void)state;
	assert_int_equal(field_n(p, "dns.opt.cookie.client", 0)->bits, 64);
	/* No server cookie: shown empty, as Wireshark does. */
	assert_int_equal(field_n(p, "dns.opt.cookie.server", 0)->bits, 0);
	assert_int_equal(field_n(p, "dns.opt.padding", 0)->bits, 32);
	sweep_prefixes(DLT_EN10MB, COOKIE);
}

static void
test_more(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, MORE);

	(void)state;
	assert_int_equal(fval(p, "dns.ds.key_id"), 4242);
	assert_int_equal(fval(p, "dns.ds.digest_type"), 2);
	assert_int_equal(field_n(p, "dns.ds.digest", 0)->bits, 256);
	assert_int_equal(fval(p, "dns.dnskey.flags"), 257);
	assert_int_equal(fval(p, "dns.dnskey.flags.zone_key"), 1);
	assert_int_equal(fval(p, "dns.dnskey.flags.secure_entry_point"), 1);
	assert_int_equal(fval(p, "dns.dnskey.protocol"), 3);
	/* tshark's key id for these bytes. */
	assert_int_equal(fval(p, "dns.dnskey.key_id"), 59409);
	assert_int_equal(fval(p, "dns.tlsa.certificate_usage"), 3);
	assert_int_equal(fval(p, "dns.sshfp.fingerprint.type"), 2);
	assert_string_equal(text(p, "dns.hinfo.os", 0), "Linux");
	assert_string_equal(text(p, "dns.rp.txt_rr", 0), "info.ex.test");
	assert_int_equal(fval(p, "dns.caa.flags.issuer_critical"), 1);
	assert_string_equal(text(p, "dns.caa.issue", 0), "ca.test");
	assert_string_equal(text(p, "dns.caa.iodef", 0), "mailto:a@ex.test");
	assert_false(has_field(p, "dns.data"));
	sweep_prefixes(DLT_EN10MB, MORE);

	p = decode_hex(DLT_EN10MB, EDNS2);
	assert_int_equal(fval(p, "dns.opt.edns_tcp_keepalive.timeout"), 600);
	assert_int_equal(fval(p, "dns.opt.ext_error.info_code"), 18);
	assert_string_equal(text(p, "dns.opt.ext_error.extra_text", 0),
	    "stale");
	sweep_prefixes(DLT_EN10MB, EDNS2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_srv_naptr),
		cmocka_unit_test(test_dnssec),
		cmocka_unit_test(test_https),
		cmocka_unit_test(test_cookie),
		cmocka_unit_test(test_more),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
