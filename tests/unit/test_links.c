/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Point-to-point and carrier links: PPP framing (with and without the
 * HDLC address and control, a compressed protocol field), LCP, IPCP,
 * IPV6CP, PAP, CHAP; PPPoE discovery and session; Cisco HDLC and SLARP;
 * Frame Relay.  The bytes are those
 * captures/make-links.py writes, and variants cut short or lying.
 */
#include "testutil.h"

#include <stdio.h>

#define LCP_CONFREQ \
	"ff03c0210101001c010405d40206000000000304c02305061234567807020802"
#define LCP_ECHO	"ff03c0210902000812345678"
#define PAP_REQ		"ff03c02301010010047573657206736563726574"
#define CHAP_CHAL \
	"ff03c2230101001b10000102030405060708090a0b0c0d0e0f736572766572"
#define IPCP_REQ	"ff038021010100100306c6120001810600000000"
#define IPV6CP_REQ	"ff0380570101000e010a0011223344556677"
#define PPP_IPV4 \
	"ff03002145000024000100004001eeb0c6120001c61200020800d9ba1234" \
	"00010001020304050607"
#define PPP_NOACFC \
	"002145000024000200004001eeafc6120001c61200020800d9b912340002" \
	"0001020304050607"
#define PPP_PFC_IPV6 \
	"5760000000000d114020010db800000000000000000000000120010db800" \
	"000000000000000000000213880009000d4cfc68656c6c6f"
#define LCP_TERM	"ff03c02105030007627965"
#define PADO \
	"020000000001020000000002886311070000002301010000010200097374726174" \
	"612d616301040006636f6f6b696501030004deadbeef"
#define PPPOE_LCP \
	"020000000002020000000001886411001234000ac02101010008010405d4"
#define PPPOE_IPV4 \
	"0200000000020200000000018864110012340026002145000024000300004001" \
	"eeaec6120001c61200020800d9b8123400030001020304050607"

static void
test_ppp_framing(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, PPP_IPV4);

	(void)state;
	assert_chain(p, "ppp ipv4 icmp data");
	assert_int_equal(fval(p, "ppp.address"), 0xff);
	assert_int_equal(fval(p, "ppp.control"), 0x03);
	assert_int_equal(fval(p, "ppp.protocol"), 0x0021);
	assert_int_equal(layer(p, "ppp")->hdr_len, 4);
	sweep_prefixes(DLT_PPP, PPP_IPV4);

	p = decode_hex(DLT_PPP, PPP_NOACFC);
	assert_chain(p, "ppp ipv4 icmp data");
	assert_false(has_field(p, "ppp.address"));
	assert_int_equal(layer(p, "ppp")->hdr_len, 2);

	/* A protocol field starting with an odd byte is one byte long. */
	p = decode_hex(DLT_PPP, PPP_PFC_IPV6);
	assert_chain(p, "ppp ipv6 udp data");
	assert_int_equal(fval(p, "ppp.protocol"), 0x57);
	assert_int_equal(layer(p, "ppp")->hdr_len, 1);
	sweep_prefixes(DLT_PPP, PPP_PFC_IPV6);

	p = decode_hex(DLT_PPP_SERIAL, PPP_IPV4);
	assert_chain(p, "ppp ipv4 icmp data");
}

/* PPTP's GRE and an L2TP data message carry PPP (captures/make-tunnels.py). */
static void
test_ppp_in_tunnels(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB,
	    "02000000000202000000000108004500005400010000402fee52c6120001"
	    "c61200023081880b003017800000000700000003ff0300214500002c0104"
	    "00004001eda3c6130001c61300020800ad87123400040001020304050607"
	    "08090a0b0c0d0e0f");

	(void)state;
	assert_chain(p, "eth ipv4 gre ppp ipv4 icmp data");
	assert_int_equal(fval(p, "ppp.address"), 0xff);
	p = decode_hex(DLT_EN10MB,
	    "020000000002020000000001080045000054000100004011ee70c6120001"
	    "c612000206a506a5004026934002003800030007ff0300214500002c0102"
	    "00004001eda5c6130001c61300020800ad89123400020001020304050607"
	    "08090a0b0c0d0e0f");
	assert_chain(p, "eth ipv4 udp l2tp ppp ipv4 icmp data");
}

static void
test_lcp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, LCP_CONFREQ);

	(void)state;
	assert_chain(p, "ppp lcp");
	assert_int_equal(fval(p, "ppp.code"), 1);
	assert_int_equal(fval(p, "ppp.identifier"), 1);
	assert_int_equal(fval(p, "ppp.length"), 28);
	assert_int_equal(fval(p, "lcp.opt.mru"), 1492);
	assert_int_equal(fval(p, "lcp.opt.asyncmap"), 0);
	assert_int_equal(fval(p, "lcp.opt.auth_protocol"), 0xc023);
	assert_int_equal(fval(p, "lcp.opt.magic_number"), 0x12345678);
	assert_int_equal(field_n(p, "lcp.opt.type", 4)->val, 7);
	assert_int_equal(field_n(p, "lcp.opt.type", 5)->val, 8);
	assert_int_equal(field_n(p, "lcp.opt.length", 5)->val, 2);
	assert_int_equal(layer(p, "lcp")->status, ST_LS_OK);
	sweep_prefixes(DLT_PPP, LCP_CONFREQ);

	p = decode_hex(DLT_PPP, LCP_ECHO);
	assert_int_equal(fval(p, "ppp.code"), 9);
	assert_int_equal(fval(p, "lcp.magic_number"), 0x12345678);
	sweep_prefixes(DLT_PPP, LCP_ECHO);

	p = decode_hex(DLT_PPP, LCP_TERM);
	assert_int_equal(field_n(p, "ppp.data", 0)->bits, 24);
}

static void
test_lcp_malformed(void **state)
{
	/* An option of length 1, one overrunning the packet, a length 3. */
	const struct st_packet *p = decode_hex(DLT_PPP,
	    "ff03c021010100080101");

	(void)state;
	assert_int_equal(layer(p, "lcp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "lcp")->why, "option length 1"));
	p = decode_hex(DLT_PPP, "ff03c0210101000a0109000000");
	assert_int_equal(layer(p, "lcp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_PPP, "ff03c02101010003");
	assert_int_equal(layer(p, "lcp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "lcp")->why, "length 3"));
	/* A length beyond the capture: cut short, not malformed. */
	p = decode_hex(DLT_PPP, "ff03c0210101001c010405d4");
	assert_int_equal(layer(p, "lcp")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "lcp.opt.mru"), 1492);
}

static void
test_ipcp_ipv6cp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, IPCP_REQ);

	(void)state;
	assert_chain(p, "ppp ipcp");
	assert_int_equal(field_n(p, "ipcp.opt.type", 0)->val, 3);
	assert_int_equal(fval(p, "ipcp.opt.ip_address"), 0xc6120001);
	assert_int_equal(field_n(p, "ipcp.opt.type", 1)->val, 129);
	assert_int_equal(fval(p, "ipcp.opt.pri_dns_address"), 0);
	sweep_prefixes(DLT_PPP, IPCP_REQ);

	p = decode_hex(DLT_PPP, IPV6CP_REQ);
	assert_chain(p, "ppp ipv6cp");
	assert_int_equal(field_n(p, "ipv6cp.interface_identifier", 0)->bits,
	    64);
	sweep_prefixes(DLT_PPP, IPV6CP_REQ);
}

static void
test_pap_chap(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, PAP_REQ);

	(void)state;
	assert_chain(p, "ppp pap");
	assert_int_equal(fval(p, "pap.code"), 1);
	assert_int_equal(fval(p, "pap.peer_id.length"), 4);
	assert_string_equal(field_n(p, "pap.peer_id", 0)->meaning, "user");
	assert_string_equal(field_n(p, "pap.password", 0)->meaning, "secret");
	sweep_prefixes(DLT_PPP, PAP_REQ);

	/* A password length past the packet. */
	p = decode_hex(DLT_PPP, "ff03c02301010010047573657209736563726574");
	assert_int_equal(layer(p, "pap")->status, ST_LS_MALFORMED);

	p = decode_hex(DLT_PPP, CHAP_CHAL);
	assert_chain(p, "ppp chap");
	assert_int_equal(fval(p, "chap.value_size"), 16);
	assert_int_equal(field_n(p, "chap.value", 0)->bits, 128);
	assert_string_equal(field_n(p, "chap.name", 0)->meaning, "server");
	sweep_prefixes(DLT_PPP, CHAP_CHAL);
	p = decode_hex(DLT_PPP, "ff03c2230101001b20000102030405060708090a0b"
	    "0c0d0e0f736572766572");
	assert_int_equal(layer(p, "chap")->status, ST_LS_MALFORMED);
}

static void
test_pppoe(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, PADO);

	(void)state;
	assert_chain(p, "eth pppoed");
	assert_int_equal(fval(p, "pppoe.version"), 1);
	assert_int_equal(fval(p, "pppoe.type"), 1);
	assert_int_equal(fval(p, "pppoe.code"), 0x07);
	assert_int_equal(fval(p, "pppoe.payload_length"), 35);
	assert_int_equal(field_n(p, "pppoed.tag", 1)->val, 0x0102);
	assert_string_equal(field_n(p, "pppoed.tags.ac_name", 0)->meaning,
	    "strata-ac");
	assert_int_equal(field_n(p, "pppoed.tags.host_uniq", 0)->bits, 32);
	sweep_prefixes(DLT_EN10MB, PADO);

	/* A tag overrunning the payload; a wrong version. */
	p = decode_hex(DLT_EN10MB, "020000000001020000000002886311070000"
	    "000801010009000000");
	assert_int_equal(layer(p, "pppoed")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, "020000000001020000000002886322070000"
	    "0000");
	assert_int_equal(layer(p, "pppoed")->status, ST_LS_MALFORMED);

	p = decode_hex(DLT_EN10MB, PPPOE_LCP);
	assert_chain(p, "eth pppoes ppp lcp");
	assert_int_equal(fval(p, "pppoe.session_id"), 0x1234);
	assert_int_equal(fval(p, "ppp.protocol"), 0xc021);
	sweep_prefixes(DLT_EN10MB, PPPOE_LCP);
	p = decode_hex(DLT_EN10MB, PPPOE_IPV4);
	assert_chain(p, "eth pppoes ppp ipv4 icmp data");
	sweep_prefixes(DLT_EN10MB, PPPOE_IPV4);
}

#define CHDLC_IPV4 \
	"0f00080045000024000400004001eeadc6120001c61200020800d9b712340004" \
	"0001020304050607"
#define SLARP_REQ	"8f00803500000000c6120001fffffffcffff"
#define SLARP_KA	"8f008035000000020000000700000006ffff"
#define FR_NLPID \
	"308f03cc45000024000600004001eeabc6120001c61200020800d9b512340006" \
	"0001020304050607"
#define FR_SNAP \
	"1841030080000000080045000024000700004001eeaac6120001c61200020800" \
	"d9b4123400070001020304050607"

static void
test_chdlc(void **state)
{
	const struct st_packet *p = decode_hex(DLT_C_HDLC, CHDLC_IPV4);

	(void)state;
	assert_chain(p, "chdlc ipv4 icmp data");
	assert_int_equal(fval(p, "chdlc.address"), 0x0f);
	assert_int_equal(fval(p, "chdlc.protocol"), 0x0800);
	sweep_prefixes(DLT_C_HDLC, CHDLC_IPV4);
	p = decode_hex(DLT_C_HDLC, SLARP_REQ);
	assert_chain(p, "chdlc slarp data");
	assert_int_equal(fval(p, "slarp.ptype"), 0);
	assert_int_equal(fval(p, "slarp.address"), 0xc6120001);
	assert_int_equal(fval(p, "slarp.netmask"), 0xfffffffc);
	sweep_prefixes(DLT_C_HDLC, SLARP_REQ);
	p = decode_hex(DLT_C_HDLC, SLARP_KA);
	assert_int_equal(fval(p, "slarp.mysequence"), 7);
	assert_int_equal(fval(p, "slarp.yoursequence"), 6);
	assert_int_equal(fval(p, "slarp.reliability"), 0xffff);
	sweep_prefixes(DLT_C_HDLC, SLARP_KA);
	p = decode_hex(DLT_C_HDLC, "8f00803500000009");
	assert_int_equal(layer(p, "slarp")->status, ST_LS_MALFORMED);
}

static void
test_fr(void **state)
{
	const struct st_packet *p = decode_hex(DLT_FRELAY, FR_NLPID);

	(void)state;
	assert_chain(p, "fr ipv4 icmp data");
	assert_int_equal(fval(p, "fr.dlci"), 200);
	assert_int_equal(fval(p, "fr.fecn"), 1);
	assert_int_equal(fval(p, "fr.becn"), 1);
	assert_int_equal(fval(p, "fr.de"), 1);
	assert_int_equal(fval(p, "fr.control"), 3);
	assert_int_equal(fval(p, "fr.nlpid"), 0xcc);
	sweep_prefixes(DLT_FRELAY, FR_NLPID);
	p = decode_hex(DLT_FRELAY, FR_SNAP);
	assert_chain(p, "fr ipv4 icmp data");
	assert_int_equal(fval(p, "fr.dlci"), 100);
	assert_int_equal(field_n(p, "fr.nlpid", 1)->val, 0x80);
	assert_int_equal(fval(p, "fr.snaptype"), 0x0800);
	assert_int_equal(layer(p, "fr")->hdr_len, 10);
	sweep_prefixes(DLT_FRELAY, FR_SNAP);
	/* A three-byte address: 6 + 4 + 6 DLCI bits (Q.922 3.3). */
	p = decode_hex(DLT_FRELAY, "18400103cc");
	assert_int_equal(fval(p, "fr.dlci"), 6400);
}

#define summary(lt, hex) summary_of(lt, hex)

static void
test_summary(void **state)
{
	(void)state;
	assert_non_null(strstr(summary(DLT_PPP, LCP_CONFREQ),
	    "PPP LCP Conf-Request id 1 mru 1492"));
	assert_non_null(strstr(summary(DLT_PPP, PAP_REQ),
	    "PPP PAP Auth-Req id 1 peer user"));
	assert_non_null(strstr(summary(DLT_PPP, IPCP_REQ),
	    "PPP IPCP Conf-Request id 1 addr 198.18.0.1"));
	assert_non_null(strstr(summary(DLT_PPP, PPP_IPV4),
	    "198.18.0.1 \xe2\x86\x92 198.18.0.2 echo request"));
	assert_non_null(strstr(summary(DLT_EN10MB, PADO),
	    "PPPoE PADO ac strata-ac"));
	assert_non_null(strstr(summary(DLT_EN10MB, PPPOE_LCP),
	    "[pppoe session 0x1234] PPP LCP Conf-Request id 1"));
	assert_non_null(strstr(summary(DLT_FRELAY, FR_NLPID),
	    "[FR DLCI 200 FECN BECN DE] 198.18.0.1"));
	assert_non_null(strstr(summary(DLT_C_HDLC, SLARP_KA),
	    "SLARP keepalive seq 7 ack 6"));
	assert_non_null(strstr(summary(DLT_PPP, "ff03c025000000"),
	    "PPP proto 0xc025 (LQR)"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ppp_framing),
		cmocka_unit_test(test_ppp_in_tunnels),
		cmocka_unit_test(test_lcp),
		cmocka_unit_test(test_lcp_malformed),
		cmocka_unit_test(test_ipcp_ipv6cp),
		cmocka_unit_test(test_pap_chap),
		cmocka_unit_test(test_pppoe),
		cmocka_unit_test(test_chdlc),
		cmocka_unit_test(test_fr),
		cmocka_unit_test(test_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
