/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The webbody family (HTTP bodies opened by their media type): OCSP
 * requests and responses (RFC 6960) in bodies of type
 * application/ocsp-request and -response, XML documents and JPEG
 * images; exact fields from hand-written DER, XML and JPEG, a message cut
 * short, one that contradicts itself, every shorter prefix.  The frames
 * are IPv4/TCP segments on port 80, the same the capture script
 * captures/make-webbody.py writes.
 */
#include "testutil.h"

/* A request for two certificates (serials 0x1a2b and 0x0badcafe, SHA-1
 * CertIDs) with a nonce extension. */
static const char OCSP_REQ[] =
    "45000132000140004006ad9dc6120001c61200029c400050000003e8000013885018"
    "ffff86400000504f5354202f20485454502f312e310d0a486f73743a206f6373702e"
    "6578616d706c650d0a436f6e74656e742d547970653a206170706c69636174696f6e"
    "2f6f6373702d726571756573740d0a436f6e74656e742d4c656e6774683a20313636"
    "0d0a0d0a3081a33081a0308180303d303b300906052b0e03021a0500041401020304"
    "05060708090a0b0c0d0e0f101112131404142122232425262728292a2b2c2d2e2f30"
    "3132333402021a2b303f303d300906052b0e03021a05000414010203040506070809"
    "0a0b0c0d0e0f101112131404142122232425262728292a2b2c2d2e2f303132333402"
    "040badcafea21b3019301706092b0601050507300102040a04080011223344556677";

/* Its answer: responder by name (C=US, CN=OCSP Responder), 0x1a2b good
 * with a nextUpdate, 0x0badcafe revoked (keyCompromise), the nonce, an
 * RSA/SHA-256 signature of filler bytes. */
static const char OCSP_RESP[] =
    "4500021b000240004006acb3c6120002c612000100509c4000001388000004f25018"
    "ffff9d760000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970"
    "653a206170706c69636174696f6e2f6f6373702d726573706f6e73650d0a436f6e74"
    "656e742d4c656e6774683a203431380d0a0d0a3082019e0a0100a082019730820193"
    "06092b060105050730010104820184308201803082012aa1283026310b3009060355"
    "040613025553311730150603550403130e4f43535020526573706f6e646572180f32"
    "303236303130313132303030305a3081cf3063303b300906052b0e03021a05000414"
    "0102030405060708090a0b0c0d0e0f101112131404142122232425262728292a2b2c"
    "2d2e2f303132333402021a2b8000180f32303236303130313132303030305aa01118"
    "0f32303236303130383132303030305a3068303d300906052b0e03021a0500041401"
    "02030405060708090a0b0c0d0e0f101112131404142122232425262728292a2b2c2d"
    "2e2f303132333402040badcafea116180f32303235313230313030303030305aa003"
    "0a0101180f32303236303130313132303030305aa11b3019301706092b0601050507"
    "300102040a04080011223344556677300d06092a864886f70d01010b0500034100ab"
    "abababababababababababababababababababababababababababababababababab"
    "ababababababababababababababababababababababababababababab";

/* An answer without response bytes: tryLater. */
static const char OCSP_LATER[] =
    "4500007c000540004006ae4fc6120002c612000100509c40000016b9000005e85018"
    "ffffec6a0000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970"
    "653a206170706c69636174696f6e2f6f6373702d726573706f6e73650d0a436f6e74"
    "656e742d4c656e6774683a20350d0a0d0a30030a0103";

/* An answer by key hash (its SHA-1 0x40..0x53), an unknown status, and the
 * responder's certificate (serial 0x1234, O=Example CA). */
static const char OCSP_KEY[] =
    "45000294000440004006ac38c6120002c612000100509c400000157b000005e85018"
    "ffff7d660000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970"
    "653a206170706c69636174696f6e2f6f6373702d726573706f6e73650d0a436f6e74"
    "656e742d4c656e6774683a203533390d0a0d0a308202170a0100a08202103082020c"
    "06092b0601050507300101048201fd308201f9307ca2160414404142434445464748"
    "494a4b4c4d4e4f50515253180f32303236303130313132303030305a3051304f303a"
    "300906052b0e03021a050004140102030405060708090a0b0c0d0e0f101112131404"
    "142122232425262728292a2b2c2d2e2f30313233340201428200180f323032363031"
    "30313132303030305a300d06092a864886f70d01010b0500034100ababababababab"
    "abababababababababababababababababababababababababababababababababab"
    "abababababababababababababababababababababababa082012530820121308201"
    "1d3081e8a00302010202021234300d06092a864886f70d01010b05003022310b3009"
    "06035504061302555331133011060355040a130a4578616d706c65204341301e170d"
    "3236303130313030303030305a170d3237303130313030303030305a3026310b3009"
    "060355040613025553311730150603550403130e4f43535020526573706f6e646572"
    "303b300d06092a864886f70d0101010500032a003027022000c0ffeec0ffeec0ffee"
    "c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffee010203010001a3253023300c06"
    "03551d130101ff0402300030130603551d25040c300a06082b06010505070309300d"
    "06092a864886f70d01010b0500032100cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
    "cdcdcdcdcdcdcdcdcdcdcdcdcdcd";

/* An application/atom+xml request: declaration, DOCTYPE with its internal
 * subset, a comment, attributes quoted both ways and unquoted, an empty
 * element, a CDATA section. */
static const char XML_ATOM[] =
    "45000176000240004006ad58c6120001c61200029c420050000003e8000014d95018"
    "ffff9f1b0000504f5354202f6665656420485454502f312e310d0a486f73743a2077"
    "77772e6578616d706c650d0a436f6e74656e742d547970653a206170706c69636174"
    "696f6e2f61746f6d2b786d6c0d0a436f6e74656e742d4c656e6774683a203233350d"
    "0a0d0a3c3f786d6c2076657273696f6e3d27312e3027207374616e64616c6f6e653d"
    "27796573273f3e0a3c21444f43545950452066656564205b203c21454c454d454e54"
    "206665656420414e593e203c214154544c4953542066656564206964204344415441"
    "2023494d504c4945443e205d3e0a3c212d2d206f6e6520656e747279202d2d3e0a3c"
    "666565642069643d27663127206c616e673d656e3e3c7469746c653e4e6577732026"
    "616d703b206d6f72653c2f7469746c653e3c62722f3e3c656e747279206e3d223122"
    "3e3c215b43444154415b61203c20625d5d3e3c2f656e7472793e3c2f666565643e0a";

/* application/xml whose first tag closes no element. */
static const char XML_STRAY[] =
    "45000082000440004006ae4ac6120002c612000100509c4200001597000005365018"
    "ffff53de0000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970"
    "653a206170706c69636174696f6e2f786d6c0d0a436f6e74656e742d4c656e677468"
    "3a2032300d0a0d0a3c2f73747261793e3c6f6b3e7965733c2f6f6b3e";

/* An image/jpeg body: SOI, APP0 JFIF (a 1x1 thumbnail), APP2, a comment,
 * DQT, SOF0 (32x16, three components), DHT, SOS, its data with a stuffed
 * FF 00 and a restart marker, EOI. */
static const char JPEG[] =
    "45000138000140004006ad97c6120002c612000100509c4400001388000003e85018"
    "ffff1a460000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970"
    "653a20696d6167652f6a7065670d0a436f6e74656e742d4c656e6774683a20323036"
    "0d0a0d0affd8ffe000134a46494600010201004800480101ff0000ffe20014494343"
    "5f50524f46494c4500010161626364fffe000e6d6164652062792068616e64ffdb00"
    "43000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
    "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40ffc0"
    "0011080010002003012200021101031101ffc4001f00000105010101010101000000"
    "00000000000102030405060708090a0bffda000c03010002110311003f001234ff00"
    "56ffd078ffd9";

static char hexbuf[4096];

/* hex with its first occurrence of from replaced by to (same length). */
static const char *
patched(const char *hex, const char *from, const char *to)
{
	char *at;

	assert_true(strlen(hex) < sizeof(hexbuf));
	strcpy(hexbuf, hex);
	at = strstr(hexbuf, from);
	assert_non_null(at);
	assert_int_equal(strlen(from), strlen(to));
	memcpy(at, to, strlen(to));
	return hexbuf;
}

static void
test_ocsp_request(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;

	(void)state;
	p = decode_hex(DLT_RAW, OCSP_REQ);
	assert_chain(p, "ipv4 tcp http ocsp");
	assert_int_equal(layer(p, "ocsp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ocsp.requestList"), 2);
	assert_true(has_field(p, "ocsp.tbsRequest_element"));
	assert_false(has_field(p, "ocsp.version"));	/* v1 by default */
	assert_string_equal(field_n(p, "x509af.algorithm.id", 0)->meaning,
	    "1.3.14.3.2.26");
	f = field_n(p, "ocsp.issuerNameHash", 0);
	assert_int_equal(f->bits, 20 * 8);
	f = field_n(p, "ocsp.serialNumber", 0);
	assert_int_equal(f->bits, 2 * 8);
	assert_int_equal(field_n(p, "ocsp.serialNumber", 1)->bits, 4 * 8);
	assert_int_equal(fval(p, "ocsp.requestExtensions"), 1);
	assert_string_equal(field_n(p, "pkix1explicit.id", 0)->meaning,
	    "1.3.6.1.5.5.7.48.1.2");
	assert_int_equal(field_n(p, "ocsp.ReOcspNonce", 0)->bits, 8 * 8);
	assert_false(has_field(p, "ocsp.optionalSignature_element"));
	sweep_prefixes(DLT_RAW, OCSP_REQ);
}

static void
test_ocsp_response(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, OCSP_RESP);
	assert_chain(p, "ipv4 tcp http ocsp");
	assert_int_equal(layer(p, "ocsp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ocsp.responseStatus"), 0);
	assert_string_equal(field_n(p, "ocsp.responseType.id", 0)->meaning,
	    "1.3.6.1.5.5.7.48.1.1");
	assert_int_equal(fval(p, "ocsp.responderID"), 1);
	assert_int_equal(fval(p, "ocsp.byName"), 0);
	assert_int_equal(fval(p, "x509if.rdnSequence"), 2);
	assert_string_equal(field_n(p, "x509sat.printableString", 0)->meaning,
	    "OCSP Responder");
	assert_string_equal(field_n(p, "ocsp.producedAt", 0)->meaning,
	    "Jan  1, 2026 12:00:00.000000000 UTC");
	assert_int_equal(fval(p, "ocsp.responses"), 2);
	assert_int_equal(field_n(p, "ocsp.certStatus", 0)->val, 0);
	assert_true(has_field(p, "ocsp.good_element"));
	assert_string_equal(field_n(p, "ocsp.nextUpdate", 0)->meaning,
	    "Jan  8, 2026 12:00:00.000000000 UTC");
	assert_int_equal(field_n(p, "ocsp.certStatus", 1)->val, 1);
	assert_string_equal(field_n(p, "ocsp.revocationTime", 0)->meaning,
	    "Dec  1, 2025 00:00:00.000000000 UTC");
	assert_int_equal(fval(p, "ocsp.revocationReason"), 1);
	assert_int_equal(field_n(p, "ocsp.thisUpdate", 1)->bits, 15 * 8);
	assert_int_equal(fval(p, "ocsp.responseExtensions"), 1);
	assert_string_equal(field_n(p, "x509af.algorithm.id", 2)->meaning,
	    "1.2.840.113549.1.1.11");
	assert_int_equal(fval(p, "ber.bitstring.padding"), 0);
	assert_int_equal(field_n(p, "ocsp.signature", 0)->bits, 64 * 8);
	assert_false(has_field(p, "ocsp.certs"));
	sweep_prefixes(DLT_RAW, OCSP_RESP);
}

static void
test_ocsp_later(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, OCSP_LATER);
	assert_chain(p, "ipv4 tcp http ocsp");
	assert_int_equal(fval(p, "ocsp.responseStatus"), 3);
	assert_false(has_field(p, "ocsp.responseBytes_element"));
	assert_int_equal(layer(p, "ocsp")->nfields, 1);
	sweep_prefixes(DLT_RAW, OCSP_LATER);
}

static void
test_ocsp_bykey(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, OCSP_KEY);
	assert_chain(p, "ipv4 tcp http ocsp");
	assert_int_equal(layer(p, "ocsp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ocsp.responderID"), 2);
	assert_int_equal(field_n(p, "ocsp.byKey", 0)->bits, 20 * 8);
	assert_false(has_field(p, "ocsp.byName"));
	assert_int_equal(fval(p, "ocsp.certStatus"), 2);
	assert_true(has_field(p, "ocsp.unknown_element"));
	assert_false(has_field(p, "ocsp.nextUpdate"));
	/* the certificate's fields are OCSP's layer's, as in tshark */
	assert_int_equal(fval(p, "ocsp.certs"), 1);
	assert_int_equal(field_n(p, "x509af.serialNumber", 0)->bits, 2 * 8);
	assert_int_equal(fval(p, "x509af.version"), 2);
	assert_string_equal(field_n(p, "x509sat.printableString", 0)->meaning,
	    "Example CA");
	assert_true(has_field(p, "x509ce.KeyPurposeId"));
	assert_int_equal(layer(p, "ocsp")->nfields, p->nfields -
	    layer(p, "ocsp")->field0);
	sweep_prefixes(DLT_RAW, OCSP_KEY);
}

/* Cut inside the second SingleResponse: what is there is shown, the layer
 * marked; a certStatus of tag [5] and a request list that is no
 * SEQUENCE are malformed. */
static void
test_ocsp_bad(void **state)
{
	const struct st_packet *p;
	char cut[sizeof(OCSP_RESP)];

	(void)state;
	memcpy(cut, OCSP_RESP, sizeof(cut));
	cut[2 * 420] = '\0';
	p = decode_hex(DLT_RAW, cut);
	assert_chain(p, "ipv4 tcp http ocsp");
	assert_int_not_equal(layer(p, "ocsp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ocsp.responses"), 2);
	assert_int_equal(field_n(p, "ocsp.certStatus", 0)->val, 0);
	assert_false(has_field(p, "ocsp.signature"));
	p = decode_hex(DLT_RAW, patched(OCSP_RESP, "02021a2b8000",
	    "02021a2b8500"));
	assert_int_equal(layer(p, "ocsp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "ocsp")->why, "certStatus"));
	assert_false(has_field(p, "ocsp.thisUpdate"));
	p = decode_hex(DLT_RAW, patched(OCSP_REQ, "3081a0308180",
	    "3081a0318180"));
	assert_int_equal(layer(p, "ocsp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "ocsp.requestList"));
}

/* XML by its media type: each item's text as written, as tshark shows
 * it; the closing tags are no fields. */
static void
test_xml(void **state)
{
	const struct st_packet *p;
	char cut[sizeof(XML_ATOM)];

	(void)state;
	p = decode_hex(DLT_RAW, XML_ATOM);
	assert_chain(p, "ipv4 tcp http xml");
	assert_int_equal(layer(p, "xml")->status, ST_LS_OK);
	assert_string_equal(field_n(p, "xml.xmlpi.xml", 0)->meaning,
	    "<?xml version='1.0' standalone='yes'?>");
	assert_string_equal(field_n(p, "xml.xmlpi.xml.version", 0)->meaning,
	    "1.0");
	assert_int_equal(field_n(p, "xml.xmlpi.xml.version", 0)->bits, 3 * 8);
	assert_string_equal(field_n(p, "xml.xmlpi.xml.standalone", 0)->meaning,
	    "yes");
	assert_false(has_field(p, "xml.xmlpi.xml.encoding"));
	assert_string_equal(field_n(p, "xml.doctype", 0)->meaning, "feed");
	assert_string_equal(field_n(p, "xml.dtdtag", 0)->meaning,
	    "<!ELEMENT feed ANY>");
	assert_string_equal(field_n(p, "xml.dtdtag", 1)->meaning,
	    "<!ATTLIST feed id CDATA #IMPLIED>");
	assert_string_equal(field_n(p, "xml.comment", 0)->meaning,
	    "<!-- one entry -->");
	assert_string_equal(field_n(p, "xml.tag", 0)->meaning,
	    "<feed id='f1' lang=en>");
	assert_string_equal(field_n(p, "xml.attribute", 0)->meaning,
	    "id='f1'");
	assert_string_equal(field_n(p, "xml.attribute", 1)->meaning,
	    "lang=en");
	assert_string_equal(field_n(p, "xml.cdata", 0)->meaning,
	    "News &amp; more");
	assert_string_equal(field_n(p, "xml.tag", 2)->meaning, "<br/>");
	assert_string_equal(field_n(p, "xml.attribute", 2)->meaning, "n=\"1\"");
	assert_string_equal(field_n(p, "xml.cdatasection", 0)->meaning,
	    "<![CDATA[a < b]]>");
	assert_false(has_field(p, "xml.unknown"));
	sweep_prefixes(DLT_RAW, XML_ATOM);
	/* cut inside the last tag: shown as far as it goes, truncated */
	memcpy(cut, XML_ATOM, sizeof(cut));
	cut[strlen(cut) - 2 * 12] = '\0';
	p = decode_hex(DLT_RAW, cut);
	assert_int_not_equal(layer(p, "xml")->status, ST_LS_OK);
	assert_int_not_equal(layer(p, "xml")->status, ST_LS_MALFORMED);
	assert_string_equal(field_n(p, "xml.cdatasection", 0)->meaning,
	    "<![CDATA[a < b]]>");
	/* a closing tag with nothing open: malformed, the rest still read */
	p = decode_hex(DLT_RAW, XML_STRAY);
	assert_chain(p, "ipv4 tcp http xml");
	assert_int_equal(layer(p, "xml")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "xml")->why, "closes no element"));
	assert_string_equal(field_n(p, "xml.tag", 0)->meaning, "<ok>");
	assert_string_equal(field_n(p, "xml.cdata", 0)->meaning, "yes");
	sweep_prefixes(DLT_RAW, XML_STRAY);
}

/* JPEG's markers in order; the scan's data split by a restart marker. */
static void
test_jfif(void **state)
{
	const struct st_packet *p;
	char cut[sizeof(JPEG)];

	(void)state;
	p = decode_hex(DLT_RAW, JPEG);
	assert_chain(p, "ipv4 tcp http image-jfif");
	assert_int_equal(layer(p, "image-jfif")->status, ST_LS_OK);
	assert_int_equal(field_n(p, "image-jfif.marker", 0)->val, 0xffd8);
	assert_int_equal(field_n(p, "image-jfif.marker", 1)->val, 0xffe0);
	assert_int_equal(field_n(p, "image-jfif.length", 0)->val, 19);
	assert_string_equal(field_n(p, "image-jfif.identifier", 0)->meaning,
	    "JFIF");
	assert_int_equal(fval(p, "image-jfif.version.minor"), 2);
	assert_int_equal(fval(p, "image-jfif.units"), 1);
	assert_int_equal(fval(p, "image-jfif.Ydensity"), 72);
	assert_int_equal(fval(p, "image-jfif.Xthumbnail"), 1);
	assert_int_equal(field_n(p, "image-jfif.RGB", 0)->bits, 3 * 8);
	assert_string_equal(field_n(p, "image-jfif.identifier", 1)->meaning,
	    "ICC_PROFILE");
	assert_int_equal(field_n(p, "image-jfif.remain_seg_data", 0)->bits,
	    6 * 8);
	assert_string_equal(field_n(p, "image-jfif.comment", 0)->meaning,
	    "made by hand");
	assert_int_equal(fval(p, "image-jfif.sof.lines"), 16);
	assert_int_equal(fval(p, "image-jfif.sof.samples_per_line"), 32);
	assert_int_equal(fval(p, "image-jfif.sof.nf"), 3);
	assert_int_equal(field_n(p, "image-jfif.sof.h_i", 0)->val, 2);
	assert_int_equal(field_n(p, "image-jfif.sof.v_i", 1)->val, 1);
	assert_int_equal(field_n(p, "image-jfif.sof.tq_i", 2)->val, 1);
	assert_int_equal(fval(p, "image-jfif.sos.ns"), 3);
	assert_int_equal(field_n(p, "image-jfif.sos.ac_entropy_selector",
	    1)->val, 1);
	assert_int_equal(fval(p, "image-jfif.sos.se"), 63);
	assert_int_equal(field_n(p, "image-jfif.entropy_coded_segment",
	    0)->bits, 5 * 8);
	assert_int_equal(field_n(p, "image-jfif.marker", 8)->val, 0xffd0);
	assert_int_equal(field_n(p, "image-jfif.entropy_coded_segment",
	    1)->bits, 8);
	assert_int_equal(field_n(p, "image-jfif.marker", 9)->val, 0xffd9);
	assert_non_null(strstr(summary_of(DLT_RAW, JPEG), "http 200 OK"));
	sweep_prefixes(DLT_RAW, JPEG);
	/* cut inside the frame header: truncated, what is there shown */
	memcpy(cut, JPEG, sizeof(cut));
	cut[strlen(cut) - 2 * 70] = '\0';
	p = decode_hex(DLT_RAW, cut);
	assert_int_not_equal(layer(p, "image-jfif")->status, ST_LS_OK);
	assert_int_not_equal(layer(p, "image-jfif")->status, ST_LS_MALFORMED);
	assert_string_equal(field_n(p, "image-jfif.comment", 0)->meaning,
	    "made by hand");
	/* a segment length below 2 contradicts itself */
	p = decode_hex(DLT_RAW, patched(JPEG, "fffe000e", "fffe0001"));
	assert_int_equal(layer(p, "image-jfif")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "image-jfif.comment"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ocsp_request),
		cmocka_unit_test(test_ocsp_response),
		cmocka_unit_test(test_ocsp_bykey),
		cmocka_unit_test(test_ocsp_later),
		cmocka_unit_test(test_ocsp_bad),
		cmocka_unit_test(test_xml),
		cmocka_unit_test(test_jfif),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
