/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * X.509 certificates in TLS (x509af, x509sat, x509ce, pkix1implicit,
 * pkix1explicit, pkcs-1, ns_cert_exts): a Certificate message with one
 * hand-made v3 certificate (an RSA key; basic constraints, key usage, a
 * DNS name, authority information access, a policy with its CPS pointer,
 * a Netscape certificate type), and a record holding a certificate with
 * an EC key and RSASSA-PSS parameters then a CertificateRequest with one
 * distinguished name; values checked against tshark 4.0.  Every prefix of
 * each, every byte of the certificates changed, and lying lengths.
 */
#include "testutil.h"

/* 418 bytes: the certificate at 69 (349 bytes). */
#define CERT \
	"02000000000202000000000108004500019400014000400625610a0000010a00" \
	"000201bbc35000000001000000015018fffffd37000016030301670b00016300" \
	"016000015d308201593082013fa003020102020203e8300d06092a864886f70d" \
	"01010b05003028310b3009060355040613024e4c310c300a060355040a0c0342" \
	"726f310b30090603550403130263613020170d3135303930313133333333375a" \
	"180f32303235303930313133333333375a300f310d300b06035504030c047465" \
	"7374301f300d06092a864886f70d0101010500030e00300b020400c3a1b20203" \
	"010001a381a63081a3300c0603551d130101ff04023000300e0603551d0f0101" \
	"ff0404030205a030110603551d11040a30088206612e74657374302906082b06" \
	"010505070101041d301b301906082b06010505073001860d687474703a2f2f6f" \
	"2e7465737430320603551d20042b30293027060667810c010201301d301b0608" \
	"2b06010505070201160f687474703a2f2f6370732e7465737430110609608648" \
	"0186f8420101040403020640300d06092a864886f70d01010b0500030500dead" \
	"beef"

/* 260 bytes: the certificate at 69 (149 bytes), the name at 232 (28). */
#define CERTREQ \
	"0200000000020200000000010800450000f600014000400625ff0a0000010a00" \
	"000201bbc35000000001000000015018ffff5839000016030300c90b00009b00" \
	"00980000953081923069020101302106092a864886f70d01010a3014a00d300b" \
	"0609608648016503040201a20302012030003020170d31353039303131333333" \
	"33375a180f32303235303930313133333333375a3000301b301306072a8648ce" \
	"3d020106082a8648ce3d030107030400040102302106092a864886f70d01010a" \
	"3014a00d300b0609608648016503040201a203020120030200010d0000260101" \
	"00020401001e001c301a310b3009060355040613025553310b30090603550405" \
	"13023432"

static const char *
text(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

static void
test_certificate(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, CERT);
	assert_chain(p, "eth ipv4 tcp tls x509af x509sat x509ce pkix1implicit "
	    "pkix1explicit pkcs-1 ns_cert_exts");
	assert_int_equal(layer(p, "x509af")->off, 69);
	assert_int_equal(layer(p, "x509af")->len, 349);
	assert_int_equal(layer(p, "x509af")->status, ST_LS_OK);
	assert_int_equal(fval(p, "x509af.version"), 2);
	assert_int_equal(field_n(p, "x509af.serialNumber", 0)->bits, 16);
	assert_string_equal(text(p, "x509af.algorithm.id", 0),
	    "1.2.840.113549.1.1.11");
	assert_string_equal(text(p, "x509af.algorithm.id", 1),
	    "1.2.840.113549.1.1.1");
	assert_int_equal(fval(p, "x509af.issuer"), 0);
	assert_int_equal(fval(p, "x509if.rdnSequence"), 3);
	assert_int_equal(fval(p, "x509af.rdnSequence"), 1);
	assert_string_equal(text(p, "x509if.oid", 1), "2.5.4.10");
	assert_string_equal(text(p, "x509sat.CountryName", 0), "NL");
	assert_int_equal(field_n(p, "x509sat.DirectoryString", 1)->val, 1);
	assert_string_equal(text(p, "x509sat.printableString", 0), "ca");
	assert_string_equal(text(p, "x509sat.uTF8String", 1), "test");
	assert_int_equal(fval(p, "x509af.notBefore"), 0);
	assert_string_equal(text(p, "x509af.utcTime", 0),
	    "2015-09-01 13:33:37 (UTC)");
	assert_int_equal(fval(p, "x509af.notAfter"), 1);
	assert_string_equal(text(p, "x509af.generalizedTime", 0),
	    "Sep  1, 2025 13:33:37.000000000 UTC");
	assert_int_equal(field_n(p, "x509af.subjectPublicKey", 0)->bits,
	    13 * 8);
	assert_int_equal(field_n(p, "pkcs1.modulus", 0)->bits, 32);
	assert_int_equal(fval(p, "pkcs1.publicExponent"), 65537);
	assert_int_equal(fval(p, "x509af.extensions"), 6);
	assert_string_equal(text(p, "x509af.extension.id", 5),
	    "2.16.840.1.113730.1.1");
	assert_int_equal(fval(p, "x509af.critical"), 1);
	assert_true(has_field(p, "x509ce.BasicConstraintsSyntax_element"));
	assert_int_equal(fval(p, "ber.bitstring.padding"), 5);
	assert_int_equal(fval(p, "x509ce.KeyUsage.digitalSignature"), 1);
	assert_int_equal(fval(p, "x509ce.KeyUsage.contentCommitment"), 0);
	assert_int_equal(fval(p, "x509ce.KeyUsage.keyEncipherment"), 1);
	assert_int_equal(fval(p, "x509ce.KeyUsage.decipherOnly"), 0);
	assert_int_equal(fval(p, "x509ce.GeneralNames"), 1);
	assert_int_equal(fval(p, "x509ce.GeneralName"), 2);
	assert_string_equal(text(p, "x509ce.dNSName", 0), "a.test");
	assert_int_equal(fval(p, "pkix1implicit.AuthorityInfoAccessSyntax"),
	    1);
	assert_string_equal(text(p, "pkix1implicit.accessMethod", 0),
	    "1.3.6.1.5.5.7.48.1");
	assert_int_equal(fval(p, "pkix1implicit.accessLocation"), 6);
	assert_string_equal(text(p, "x509ce.uniformResourceIdentifier", 0),
	    "http://o.test");
	assert_string_equal(text(p, "x509ce.policyIdentifier", 0),
	    "2.23.140.1.2.1");
	assert_int_equal(fval(p, "x509ce.policyQualifiers"), 1);
	assert_string_equal(text(p, "pkix1explicit.DirectoryString", 0),
	    "http://cps.test");
	assert_int_equal(fval(p, "ns.cert.exts.CertType.ssl.server"), 1);
	assert_int_equal(fval(p, "ns.cert.exts.CertType.ssl.client"), 0);
	assert_int_equal(field_n(p, "x509af.encrypted", 0)->bits, 32);
	/* the record's own fields are still TLS's */
	assert_string_equal(text(p, "strata.tls.cert_subject_cn", 0), "test");
}

static void
test_ec_pss_request(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, CERTREQ);
	assert_chain(p, "eth ipv4 tcp tls x509af pkcs-1 x509af x509sat");
	assert_false(has_field(p, "x509af.version"));	/* v1 */
	assert_int_equal(fval(p, "x509if.rdnSequence"), 0);
	assert_string_equal(text(p, "x509af.algorithm.id", 1),
	    "2.16.840.1.101.3.4.2.1");
	assert_int_equal(fval(p, "pkcs1.saltLength"), 32);
	assert_int_equal(fval(p, "pkcs1.ECParameters"), 1);
	assert_string_equal(text(p, "pkcs1.namedCurve", 0),
	    "1.2.840.10045.3.1.7");
	assert_int_equal(field_n(p, "x509af.subjectPublicKey", 0)->bits, 24);
	/* the CertificateRequest's name: its RDNs, without a count */
	assert_int_equal(last_layer(p, "x509af")->off, 232);
	assert_string_equal(text(p, "x509sat.CountryName", 0), "US");
	assert_string_equal(text(p, "x509sat.PrintableString", 0), "42");
}

/* Every prefix stays in its bytes and says it was cut. */
static void
test_truncated(void **state)
{
	(void)state;
	sweep_prefixes(DLT_EN10MB, CERT);
	sweep_prefixes(DLT_EN10MB, CERTREQ);
}

/* Decodes the n bytes in tbuf; every layer and field inside them. */
static const struct st_packet *
again(size_t n)
{
	unsigned k;

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	for (k = 0; k < tpkt.nlayers; k++)
		assert_true(tpkt.layers[k].off + tpkt.layers[k].len <= n);
	for (k = 0; k < tpkt.nfields; k++)
		assert_true((tpkt.fields[k].bitoff + tpkt.fields[k].bits + 7) /
		    8 <= n);
	return &tpkt;
}

static void
test_malformed(void **state)
{
	static const uint8_t vals[] = { 0x00, 0x01, 0x30, 0x80, 0x84, 0xff };
	const struct st_packet *p;
	size_t n, i, v;
	uint8_t old;

	(void)state;
	/* The certificate's SEQUENCE says more than its 349 bytes. */
	n = hexbytes(CERT);
	tbuf[71] = 0x5a;
	p = again(n);
	assert_int_equal(layer(p, "x509af")->status, ST_LS_MALFORMED);
	/* The issuer is a SET, not a SEQUENCE. */
	n = hexbytes(CERT);
	tbuf[101] = 0x31;
	p = again(n);
	assert_int_equal(layer(p, "x509af")->status, ST_LS_MALFORMED);
	/* Every byte of both certificates (and the name) changed. */
	for (i = 69; i < 418; i++)
		for (v = 0; v < sizeof(vals); v++) {
			n = hexbytes(CERT);
			old = tbuf[i];
			tbuf[i] = vals[v];
			if (old != vals[v])
				(void)again(n);
		}
	for (i = 69; i < 260; i++)
		for (v = 0; v < sizeof(vals); v++) {
			n = hexbytes(CERTREQ);
			tbuf[i] = vals[v];
			(void)again(n);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_certificate),
		cmocka_unit_test(test_ec_pss_request),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
