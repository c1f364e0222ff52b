/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The voip family: SIP, SDP, and the RTP and RTCP that SDP announces,
 * from hand-written bytes; every prefix decoded as a capture cut short;
 * lying lengths, counts and versions.
 */
#include "testutil.h"

#include "strata/expect.h"

/* Hex of an IPv4/UDP datagram from 198.18.0.1:sp to 198.18.0.2:dp with
 * the n payload bytes pl (lengths right, checksums left at zero). */
static const char *
udp_hex(unsigned sp, unsigned dp, const uint8_t *pl, size_t n)
{
	static char hex[8192];
	uint8_t h[28] = { 0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 17, 0, 0,
		198, 18, 0, 1, 198, 18, 0, 2 };
	size_t i, k = 0;

	h[2] = (uint8_t)((28 + n) >> 8);
	h[3] = (uint8_t)(28 + n);
	h[20] = (uint8_t)(sp >> 8);
	h[21] = (uint8_t)sp;
	h[22] = (uint8_t)(dp >> 8);
	h[23] = (uint8_t)dp;
	h[24] = (uint8_t)((8 + n) >> 8);
	h[25] = (uint8_t)(8 + n);
	for (i = 0; i < 28; i++)
		k += (size_t)snprintf(hex + k, sizeof(hex) - k, "%02x", h[i]);
	for (i = 0; i < n && k + 3 < sizeof(hex); i++)
		k += (size_t)snprintf(hex + k, sizeof(hex) - k, "%02x", pl[i]);
	return hex;
}

static const char *
udp_text(unsigned sp, unsigned dp, const char *text)
{
	return udp_hex(sp, dp, (const uint8_t *)text, strlen(text));
}

static const char *
text_of(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

#define SDP_OFFER "v=0\r\n" \
	"o=alice 2890844526 2890844527 IN IP4 198.18.0.1\r\n" \
	"s=Talk\r\n" \
	"c=IN IP4 198.18.0.1\r\n" \
	"t=0 0\r\n" \
	"m=audio 49170 RTP/AVP 0 101\r\n" \
	"a=rtpmap:101 telephone-event/8000\r\n" \
	"a=fmtp:101 0-15\r\n" \
	"a=sendrecv\r\n"

#define INVITE "INVITE sip:bob@b.test SIP/2.0\r\n" \
	"Via: SIP/2.0/UDP 198.18.0.1:5060;branch=z9hG4bK1;rport\r\n" \
	"f: \"Alice A\" <sip:alice@a.test>;tag=19\r\n" \
	"t: <sip:bob@b.test:5070>\r\n" \
	"i: call-1@a.test\r\n" \
	"CSeq: 7 INVITE\r\n" \
	"m: <sip:alice@198.18.0.1;transport=udp>;expires=60\r\n" \
	"c: application/sdp\r\n" \
	"l: 183\r\n" \
	"\r\n" SDP_OFFER

static void
test_sip(void **state)
{
	const struct st_packet *p;
	char hex[8192];

	(void)state;
	st_expect_clear();
	assert_int_equal(strlen(SDP_OFFER), 183);
	p = decode_hex(DLT_RAW, udp_text(5060, 5060, INVITE));
	assert_chain(p, "ipv4 udp sip sdp");
	assert_string_equal(text_of(p, "sip.Method", 0), "INVITE");
	assert_string_equal(text_of(p, "sip.r-uri", 0), "sip:bob@b.test");
	assert_string_equal(text_of(p, "sip.r-uri.user", 0), "bob");
	assert_string_equal(text_of(p, "sip.r-uri.host", 0), "b.test");
	assert_string_equal(text_of(p, "sip.Via.transport", 0), "UDP");
	assert_string_equal(text_of(p, "sip.Via.sent-by.address", 0),
	    "198.18.0.1");
	assert_int_equal(fval(p, "sip.Via.sent-by.port"), 5060);
	assert_string_equal(text_of(p, "sip.Via.branch", 0), "z9hG4bK1");
	assert_string_equal(text_of(p, "sip.Via.rport", 0), "rport");
	/* compact forms, a quoted display name, a tag */
	assert_string_equal(text_of(p, "sip.From", 0),
	    "\"Alice A\" <sip:alice@a.test>;tag=19");
	assert_string_equal(text_of(p, "sip.from.display.info", 0),
	    "\"Alice A\"");
	assert_string_equal(text_of(p, "sip.from.addr", 0),
	    "sip:alice@a.test");
	assert_string_equal(text_of(p, "sip.from.tag", 0), "19");
	assert_string_equal(text_of(p, "sip.to.port", 0), "5070");
	assert_string_equal(text_of(p, "sip.Call-ID", 0), "call-1@a.test");
	assert_int_equal(fval(p, "sip.CSeq.seq"), 7);
	assert_string_equal(text_of(p, "sip.CSeq.method", 0), "INVITE");
	assert_string_equal(text_of(p, "sip.contact.param", 0),
	    "transport=udp");
	assert_string_equal(text_of(p, "sip.contact.parameter", 0),
	    "expires=60");
	assert_int_equal(fval(p, "sip.Content-Length"), 183);
	assert_int_equal(fval(p, "sip.resend"), 0);
	/* SDP */
	assert_string_equal(text_of(p, "sdp.owner.sessionid", 0),
	    "2890844526");
	assert_string_equal(text_of(p, "sdp.owner.version", 0), "2890844527");
	assert_string_equal(text_of(p, "sdp.connection_info.address", 0),
	    "198.18.0.1");
	assert_int_equal(fval(p, "sdp.media.port"), 49170);
	assert_string_equal(text_of(p, "sdp.media.proto", 0), "RTP/AVP");
	assert_string_equal(text_of(p, "sdp.media.format", 0),
	    "ITU-T G.711 PCMU");
	assert_string_equal(text_of(p, "sdp.media.format", 1),
	    "DynamicRTP-Type-101");
	assert_string_equal(text_of(p, "sdp.mime.type", 0), "telephone-event");
	assert_string_equal(text_of(p, "sdp.sample_rate", 0), "8000");
	assert_string_equal(text_of(p, "sdp.fmtp.parameter", 0), "0-15");
	assert_string_equal(text_of(p, "sdp.media_attr", 2), "sendrecv");

	/* a status line; by content on another port */
	p = decode_hex(DLT_RAW, udp_text(5080, 5080, "SIP/2.0 486 Busy Here"
	    "\r\nCSeq: 7 INVITE\r\nContent-Length: 0\r\n\r\n"));
	assert_chain(p, "ipv4 udp sip");
	assert_int_equal(fval(p, "sip.Status-Code"), 486);
	/* not SIP: data */
	p = decode_hex(DLT_RAW, udp_text(5060, 5060, "hello sip:x SIP/2.0"));
	assert_chain(p, "ipv4 udp data");
	p = decode_hex(DLT_RAW, udp_text(5060, 5060, "\r\n\r\n"));
	assert_chain(p, "ipv4 udp data");
	/* a Content-Length past the datagram: the body as far as it goes */
	p = decode_hex(DLT_RAW, udp_text(5060, 5060, "SIP/2.0 200 OK\r\n"
	    "Content-Type: application/sdp\r\nContent-Length: 9999\r\n\r\n"
	    "v=0\r\n"));
	assert_chain(p, "ipv4 udp sip sdp");
	/* an SDP body that does not start with v=: malformed */
	p = decode_hex(DLT_RAW, udp_text(5060, 5060, "SIP/2.0 200 OK\r\n"
	    "c: application/sdp\r\n\r\nx"));
	assert_int_equal(layer(p, "sdp")->status, ST_LS_MALFORMED);
	/* a head cut by the segment: noted */
	p = decode_hex(DLT_RAW, udp_text(5060, 5060, "OPTIONS sip:a SIP/2.0"
	    "\r\nVia: SIP/2.0/UDP h"));
	assert_true(has_note(p, "continues"));
	/* hundreds of header lines and commas: bounded */
	{
		char big[3000];
		size_t k = (size_t)snprintf(big, sizeof(big),
		    "OPTIONS sip:a SIP/2.0\r\n");

		while (k + 40 < sizeof(big))
			k += (size_t)snprintf(big + k, sizeof(big) - k,
			    "Contact: <sip:a>,<sip:b>,,,,\r\n");
		p = decode_hex(DLT_RAW, udp_text(5060, 5060, big));
		assert_chain(p, "ipv4 udp sip");
	}
	snprintf(hex, sizeof(hex), "%s", udp_text(5060, 5060, INVITE));
	sweep_prefixes(DLT_RAW, hex);
}

/* RTP to the offer's end once SDP named it; before, data. */
static void
test_rtp(void **state)
{
	static const uint8_t rtp[] = { 0xb1, 0x80, 0x03, 0xe8, 0, 0, 0, 160,
		0x11, 0x22, 0x33, 0x44, 0xca, 0xfe, 0xba, 0xbe,
		0xbe, 0xde, 0x00, 0x01, 0x10, 0xab, 0x00, 0x00,
		0xff, 0xff, 0, 0, 3 };
	static const uint8_t bad[] = { 0x40, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4 };
	static const uint8_t pad[] = { 0xa0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4,
		0xff, 0x20 };
	const struct st_packet *p;
	char hex[512];

	(void)state;
	st_expect_clear();
	p = decode_hex(DLT_RAW, udp_hex(49170, 40000, rtp, sizeof(rtp)));
	assert_chain(p, "ipv4 udp data");
	decode_hex(DLT_RAW, udp_text(5060, 5060, INVITE));
	p = decode_hex(DLT_RAW, udp_hex(49170, 40000, rtp, sizeof(rtp)));
	assert_chain(p, "ipv4 udp rtp");
	assert_int_equal(fval(p, "rtp.version"), 2);
	assert_int_equal(fval(p, "rtp.padding"), 1);
	assert_int_equal(fval(p, "rtp.ext"), 1);
	assert_int_equal(fval(p, "rtp.cc"), 1);
	assert_int_equal(fval(p, "rtp.marker"), 1);
	assert_int_equal(fval(p, "rtp.p_type"), 0);
	assert_int_equal(fval(p, "rtp.seq"), 1000);
	assert_int_equal(fval(p, "rtp.extseq"), 66536);
	assert_int_equal(fval(p, "rtp.timestamp"), 160);
	assert_int_equal(fval(p, "rtp.ssrc"), 0x11223344);
	assert_int_equal(fval(p, "rtp.csrc.item"), 0xcafebabe);
	assert_int_equal(fval(p, "rtp.ext.profile"), 0xbede);
	assert_int_equal(fval(p, "rtp.ext.len"), 1);
	assert_int_equal(fval(p, "rtp.ext.rfc5285.id"), 1);
	assert_int_equal(fval(p, "rtp.ext.rfc5285.len"), 1);
	assert_int_equal(field_n(p, "rtp.payload", 0)->bits, 2 * 8);
	assert_int_equal(fval(p, "rtp.padding.count"), 3);
	assert_string_equal(text_of(p, "rtp.setup-method", 0), "SDP");
	snprintf(hex, sizeof(hex), "%s", udp_hex(49170, 40000, rtp,
	    sizeof(rtp)));
	sweep_prefixes(DLT_RAW, hex);
	/* the payload type SDP's rtpmap named telephone-event */
	{
		static const uint8_t ev[] = { 0x80, 101, 0, 2, 0, 0, 1, 0,
			0x11, 0x22, 0x33, 0x44, 11, 0x8a, 0x03, 0x20 };

		snprintf(hex, sizeof(hex), "%s", udp_hex(49170, 40000, ev,
		    sizeof(ev)));
		p = decode_hex(DLT_RAW, hex);
		assert_chain(p, "ipv4 udp rtp rtpevent");
		assert_int_equal(fval(p, "rtpevent.event_id"), 11);
		assert_int_equal(fval(p, "rtpevent.end_of_event"), 1);
		assert_int_equal(fval(p, "rtpevent.volume"), 10);
		assert_int_equal(fval(p, "rtpevent.duration"), 800);
		sweep_prefixes(DLT_RAW, hex);
	}
	/* version 1, a padding count past the payload: malformed */
	p = decode_hex(DLT_RAW, udp_hex(49170, 40000, bad, sizeof(bad)));
	assert_int_equal(layer(p, "rtp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_RAW, udp_hex(49170, 40000, pad, sizeof(pad)));
	assert_int_equal(layer(p, "rtp")->status, ST_LS_MALFORMED);
}

static void
test_rtcp(void **state)
{
	/* SR with one block, SDES (CNAME "ab"), BYE "x", APP "strt" */
	static const uint8_t cmp[] = {
		0x81, 200, 0, 12, 0x11, 0x22, 0x33, 0x44,
		0xe8, 0xd4, 0xa5, 0x10, 0x80, 0, 0, 0, 0, 0, 0, 160,
		0, 0, 0, 10, 0, 0, 6, 64,
		0x55, 0x66, 0x77, 0x88, 1, 0, 0, 2, 0, 1, 0x03, 0xed,
		0, 0, 0, 3, 0x12, 0x34, 0x56, 0x78, 0, 1, 0, 0,
		0x81, 202, 0, 3, 0x11, 0x22, 0x33, 0x44, 1, 2, 'a', 'b',
		0, 0, 0, 0,
		0x81, 203, 0, 2, 0x11, 0x22, 0x33, 0x44, 1, 'x', 0, 0,
		0x81, 204, 0, 2, 0x11, 0x22, 0x33, 0x44, 's', 't', 'r', 't' };
	static const uint8_t lie[] = { 0x85, 201, 0, 1, 1, 2, 3, 4 };
	static const uint8_t item[] = { 0x81, 202, 0, 2, 1, 2, 3, 4, 1, 40,
		'a', 'b' };
	const struct st_packet *p;
	char hex[1024];

	(void)state;
	st_expect_clear();
	decode_hex(DLT_RAW, udp_text(5060, 5060, INVITE));
	p = decode_hex(DLT_RAW, udp_hex(49171, 40001, cmp, sizeof(cmp)));
	assert_chain(p, "ipv4 udp rtcp rtcp rtcp rtcp");
	assert_int_equal(fval(p, "rtcp.pt"), 200);
	assert_int_equal(fval(p, "rtcp.senderssrc"), 0x11223344);
	assert_int_equal(fval(p, "rtcp.timestamp.ntp.msw"), 3906250000u);
	assert_string_equal(text_of(p, "rtcp.timestamp.ntp", 0),
	    "Oct 14, 2023 05:26:40.500000000 UTC");
	assert_int_equal(fval(p, "rtcp.sender.octetcount"), 1600);
	assert_int_equal(fval(p, "rtcp.ssrc.fraction"), 1);
	assert_int_equal(fval(p, "rtcp.ssrc.cum_nr"), 2);
	assert_int_equal(fval(p, "rtcp.ssrc.high_cycles"), 1);
	assert_int_equal(fval(p, "rtcp.ssrc.high_seq"), 1005);
	assert_int_equal(fval(p, "rtcp.ssrc.lsr"), 0x12345678);
	assert_int_equal(fval(p, "rtcp.sdes.type"), 1);
	assert_string_equal(text_of(p, "rtcp.sdes.text", 0), "ab");
	assert_string_equal(text_of(p, "rtcp.sdes.text", 1), "x");
	assert_string_equal(text_of(p, "rtcp.app.name", 0), "strt");
	assert_int_equal(fval(p, "rtcp.length_check"), 1);
	snprintf(hex, sizeof(hex), "%s", udp_hex(49171, 40001, cmp,
	    sizeof(cmp)));
	sweep_prefixes(DLT_RAW, hex);
	/* five report blocks in eight bytes; an item past its packet */
	p = decode_hex(DLT_RAW, udp_hex(49171, 40001, lie, sizeof(lie)));
	assert_int_equal(layer(p, "rtcp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_RAW, udp_hex(49171, 40001, item, sizeof(item)));
	assert_int_equal(layer(p, "rtcp")->status, ST_LS_MALFORMED);
	/* a length past the datagram: a lie */
	p = decode_hex(DLT_RAW, udp_hex(49171, 40001, lie + 0, 4));
	assert_int_equal(layer(p, "rtcp")->status, ST_LS_MALFORMED);
	st_expect_clear();
}

/* SAP: an announcement carrying SDP; encrypted: data. */
static void
test_sap(void **state)
{
	static const char ann[] = "\x20\x00\x12\x34\xc6\x12\x00\x01"
	    "application/sdp\x00" "v=0\r\ns=x\r\n";
	static const uint8_t enc[] = { 0x22, 0, 0, 1, 1, 2, 3, 4, 9, 9 };
	static const uint8_t lie[] = { 0x20, 9, 0, 1, 1, 2, 3, 4 };
	const struct st_packet *p;
	char hex[512];

	(void)state;
	snprintf(hex, sizeof(hex), "%s", udp_hex(9875, 9875,
	    (const uint8_t *)ann, sizeof(ann) - 1));
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 udp sap sdp");
	assert_int_equal(fval(p, "sap.flags.v"), 1);
	assert_int_equal(fval(p, "sap.message_identifier_hash"), 0x1234);
	assert_string_equal(text_of(p, "sap.payload_type", 0),
	    "application/sdp");
	assert_string_equal(text_of(p, "sdp.session_name", 0), "x");
	sweep_prefixes(DLT_RAW, hex);
	p = decode_hex(DLT_RAW, udp_hex(9875, 9875, enc, sizeof(enc)));
	assert_chain(p, "ipv4 udp sap data");
	/* authentication data past the datagram: a lie */
	p = decode_hex(DLT_RAW, udp_hex(9875, 9875, lie, sizeof(lie)));
	assert_int_equal(layer(p, "sap")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sip),
		cmocka_unit_test(test_rtp),
		cmocka_unit_test(test_rtcp),
		cmocka_unit_test(test_sap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
