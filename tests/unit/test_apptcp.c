/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Application protocols over TCP (the apptcp family): HTTP continuations,
 * and the decoders added with them, from hand-written bytes; every prefix
 * decoded as a capture cut short; lying lengths and garbage.
 */
#include "testutil.h"

/* IPv4/TCP from 198.18.0.1:40000 to port PORT (4 hex digits), then the
 * payload. */
#define TCPTO(port) "45000000000040004006000" "0c6120001c6120002" \
	"9c40" port "0000000100000001501820000000" "0000"
#define TCPFROM(port) "45000000000040004006000" "0c6120001c6120002" \
	port "9c400000000100000001501820000000" "0000"

/* "Content-Type: text/html\r\nContent-Length: 5\r\n\r\nhello" */
#define HTTP_HEADCONT "436f6e74656e742d547970653a20746578742f68746d6c0d0a" \
	"436f6e74656e742d4c656e6774683a20350d0a0d0a" "68656c6c6f"

static void
test_http_continuation(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;

	(void)state;
	/* The rest of a head: its header lines, then the body as data. */
	p = decode_hex(DLT_RAW, TCPFROM("0050") HTTP_HEADCONT);
	assert_chain(p, "ipv4 tcp http data");
	assert_string_equal(field_n(p, "http.content_type", 0)->meaning,
	    "text/html");
	assert_int_equal(fval(p, "http.content_length"), 5);
	assert_false(has_field(p, "http.response.line"));
	assert_false(has_field(p, "http.request.line"));
	f = field_n(p, "http.file_data", 0);
	assert_int_equal(f->bits, 5 * 8);
	assert_int_equal(f->bitoff, (40 + 46) * 8);
	assert_int_equal(layer(p, "http")->hdr_len, 46);
	assert_int_equal(layer(p, "data")->len, 5);
	sweep_prefixes(DLT_RAW, TCPFROM("0050") HTTP_HEADCONT);

	/* Body text with no line end: all body. */
	p = decode_hex(DLT_RAW, TCPTO("0050") "65742b636c6974612b6b617364");
	assert_chain(p, "ipv4 tcp http data");
	assert_int_equal(field_n(p, "http.file_data", 0)->bits, 13 * 8);
	assert_int_equal(layer(p, "http")->hdr_len, 0);

	/* A body line that is no header ("<html>"): body from there. */
	p = decode_hex(DLT_RAW, TCPFROM("0050") "3c68746d6c3e0d0a613a620d0a");
	assert_chain(p, "ipv4 tcp http data");
	assert_false(has_field(p, "http.unknown_header"));
	assert_int_equal(field_n(p, "http.file_data", 0)->bits, 13 * 8);

	/* Binary: data under HTTP, no body text (as tshark). */
	p = decode_hex(DLT_RAW, TCPFROM("0050") "00ff10203040");
	assert_chain(p, "ipv4 tcp http data");
	assert_false(has_field(p, "http.file_data"));
	assert_int_equal(layer(p, "http")->len, 6);

	/* A line end alone, then body. */
	p = decode_hex(DLT_RAW, TCPFROM("0050") "0d0a6869");
	assert_chain(p, "ipv4 tcp http data");
	assert_int_equal(layer(p, "http")->hdr_len, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_http_continuation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
