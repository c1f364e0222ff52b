/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The text2 family (IMAP, POP3, Telnet, TFTP), from hand-written bytes;
 * every prefix decoded as a capture cut short; lying and garbage input.
 */
#include <stdio.h>

#include "testutil.h"

/* IPv4/TCP from 198.18.0.1:40000 to port PORT (4 hex digits), and back. */
#define TCPTO(port) "45000000000040004006000" "0c6120001c6120002" \
	"9c40" port "0000000100000001501820000000" "0000"
#define TCPFROM(port) "45000000000040004006000" "0c6120001c6120002" \
	port "9c400000000100000001501820000000" "0000"
/* IPv4/UDP from 198.18.0.1:40000 to port PORT, and back. */
#define UDPTO(port) "45000000000040004011000" "0c6120001c6120002" \
	"9c40" port "00000000"
#define UDPFROM(port) "45000000000040004011000" "0c6120001c6120002" \
	port "9c4000000000"

static char hexbuf[8192];

/* head, then the bytes of s (n of them) as hex: a packet for decode_hex. */
static const char *
withtext(const char *head, const char *s, size_t n)
{
	size_t k = strlen(head), i;

	assert_true(k + 2 * n < sizeof(hexbuf));
	memcpy(hexbuf, head, k);
	for (i = 0; i < n; i++)
		snprintf(hexbuf + k + 2 * i, 3, "%02x", (unsigned char)s[i]);
	hexbuf[k + 2 * n] = '\0';
	return hexbuf;
}

#define TXT(head, s) withtext(head, s, sizeof(s) - 1)

static const char *
mean(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

static void
test_imap(void **state)
{
	const struct st_packet *p;
	const char *h;

	(void)state;
	h = TXT(TCPTO("008f"), "a1 LOGIN alice \"s3cret\"\r\n");
	p = decode_hex(DLT_RAW, h);
	assert_chain(p, "ipv4 tcp imap");
	assert_int_equal(fval(p, "imap.isrequest"), 1);
	assert_string_equal(mean(p, "imap.request_tag", 0), "a1");
	assert_string_equal(mean(p, "imap.request.command", 0), "LOGIN");
	assert_string_equal(mean(p, "imap.request.username", 0), "alice");
	assert_string_equal(mean(p, "imap.request.password", 0), "s3cret");
	sweep_prefixes(DLT_RAW, h);

	h = TXT(TCPTO("008f"), "a3 UID COPY 1:2 Archive\r\n");
	p = decode_hex(DLT_RAW, h);
	assert_int_equal(fval(p, "imap.request.command.uid"), 1);
	assert_string_equal(mean(p, "imap.request.command", 0), "COPY");
	assert_string_equal(mean(p, "imap.command", 0), "UID");
	assert_string_equal(mean(p, "imap.request.folder", 0), "Archive");

	/* Untagged lines whole, then the tagged one split. */
	h = TXT(TCPFROM("008f"), "* 2 EXISTS\r\na2 OK [READ-WRITE] done\r\n");
	p = decode_hex(DLT_RAW, h);
	assert_int_equal(fval(p, "imap.isrequest"), 0);
	assert_string_equal(mean(p, "imap.line", 0), "* 2 EXISTS");
	assert_string_equal(mean(p, "imap.response_tag", 0), "a2");
	assert_string_equal(mean(p, "imap.response.status", 0), "OK");
	assert_string_equal(mean(p, "imap.response.command", 0),
	    "[READ-WRITE]");
	sweep_prefixes(DLT_RAW, h);

	/* A FETCH literal is set apart, not read as lines. */
	h = TXT(TCPFROM("008f"), "* 1 FETCH (BODY[] {8}\r\nA: b\r\n\r\n)\r\n"
	    "a4 OK done\r\n");
	p = decode_hex(DLT_RAW, h);
	assert_int_equal(fval(p, "strata.imap.literal"), 8);
	assert_string_equal(mean(p, "imap.line", 1), ")");
	assert_string_equal(mean(p, "imap.response_tag", 1), "a4");
	sweep_prefixes(DLT_RAW, h);
	/* A literal longer than the segment: the line alone. */
	p = decode_hex(DLT_RAW, TXT(TCPFROM("008f"),
	    "* 1 FETCH (BODY[] {99999999999}\r\nab"));
	assert_false(has_field(p, "strata.imap.literal"));

	p = decode_hex(DLT_RAW, TXT(TCPTO("008f"), "a6 STARTTLS\r\n"));
	assert_true(has_note(p, "STARTTLS"));
	/* A line with no end, spaces only, a lone tag. */
	p = decode_hex(DLT_RAW, TXT(TCPTO("008f"), "   "));
	assert_chain(p, "ipv4 tcp imap");
	assert_false(has_field(p, "imap.request_tag"));
	p = decode_hex(DLT_RAW, TXT(TCPTO("008f"), "a1"));
	assert_string_equal(mean(p, "imap.tag", 0), "a1");
	assert_false(has_field(p, "imap.request.command"));
}

static void
test_pop(void **state)
{
	const struct st_packet *p;
	const char *h;

	(void)state;
	h = TXT(TCPTO("006e"), "USER  alice\r\n");
	p = decode_hex(DLT_RAW, h);
	assert_chain(p, "ipv4 tcp pop");
	assert_string_equal(mean(p, "pop.request", 0), "");
	assert_string_equal(mean(p, "pop.request.command", 0), "USER");
	assert_string_equal(mean(p, "pop.request.parameter", 0), "alice");
	sweep_prefixes(DLT_RAW, h);

	h = TXT(TCPFROM("006e"), "+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n");
	p = decode_hex(DLT_RAW, h);
	assert_string_equal(mean(p, "pop.response.indicator", 0), "+OK");
	assert_string_equal(mean(p, "pop.response.description", 0),
	    "2 messages");
	assert_int_equal(field_n(p, "pop.response.data", 2)->bits, 3 * 8);
	sweep_prefixes(DLT_RAW, h);

	/* A message going on: the layer, no field. */
	p = decode_hex(DLT_RAW, TXT(TCPFROM("006e"), "Subject: x\r\n"));
	assert_chain(p, "ipv4 tcp pop");
	assert_false(has_field(p, "pop.response"));
	/* -ERR alone; a bare CR ends a line; STLS noted. */
	p = decode_hex(DLT_RAW, TXT(TCPFROM("006e"), "-ERR"));
	assert_string_equal(mean(p, "pop.response.indicator", 0), "-ERR");
	assert_false(has_field(p, "pop.response.description"));
	p = decode_hex(DLT_RAW, TXT(TCPTO("006e"), "NOOP\rx"));
	assert_string_equal(mean(p, "pop.request.command", 0), "NOOP");
	assert_int_equal(field_n(p, "pop.request.data", 0)->bits, 8);
	p = decode_hex(DLT_RAW, TXT(TCPTO("006e"), "STLS\r\n"));
	assert_true(has_note(p, "STLS"));
}

/* DO TTYPE, WILL ECHO; SB TTYPE IS "vt100" SE; SB NAWS 80x24 SE; "ab"
 * CRLF "c" IAC IAC; SB SPEED "9600" SE; AYT. */
#define TN_MSG "fffd18" "fffb01" "fffa18007674313030fff0" \
	"fffa1f00500018fff0" "61620d0a63ffff" "fffa2000393630" "30fff0" "fff6"

static void
test_telnet(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TCPFROM("0017") TN_MSG);
	assert_chain(p, "ipv4 tcp telnet");
	assert_int_equal(field_n(p, "telnet.cmd", 0)->val, 253);
	assert_int_equal(field_n(p, "telnet.subcmd", 0)->val, 24);
	assert_int_equal(field_n(p, "telnet.cmd", 1)->val, 251);
	assert_int_equal(field_n(p, "telnet.subcmd", 1)->val, 1);
	assert_int_equal(field_n(p, "telnet.subcmd", 3)->val, 0);	/* IS */
	assert_string_equal(mean(p, "telnet.subcmd", 3), "IS");
	assert_string_equal(mean(p, "telnet.string_subopt.value", 0),
	    "vt100");
	assert_int_equal(fval(p, "telnet.naws_subopt.width"), 80);
	assert_int_equal(fval(p, "telnet.naws_subopt.height"), 24);
	assert_string_equal(mean(p, "telnet.data", 0), "ab");
	assert_int_equal(field_n(p, "telnet.data", 0)->bits, 4 * 8);
	assert_string_equal(mean(p, "telnet.data", 1), "c\\xff\\xff");
	assert_int_equal(field_n(p, "telnet.option_data", 0)->bits, 5 * 8);
	assert_int_equal(field_n(p, "telnet.cmd", 8)->val, 246);
	sweep_prefixes(DLT_RAW, TCPFROM("0017") TN_MSG);

	/* An IAC last, an SB with nothing after, a window size of 3 bytes. */
	p = decode_hex(DLT_RAW, TCPFROM("0017") "41ff");
	assert_false(has_field(p, "telnet.cmd"));
	p = decode_hex(DLT_RAW, TCPFROM("0017") "fffa");
	assert_int_equal(fval(p, "telnet.cmd"), 250);
	assert_false(has_field(p, "telnet.subcmd"));
	p = decode_hex(DLT_RAW, TCPFROM("0017") "fffa1f005000fff0");
	assert_false(has_field(p, "telnet.naws_subopt.width"));
	assert_true(has_note(p, "window size"));
	/* Escaped 255s in a subnegotiation: its bytes as they are. */
	p = decode_hex(DLT_RAW, TCPFROM("0017") "fffa1800ffff41fff0");
	assert_int_equal(field_n(p, "telnet.option_data", 0)->bits, 4 * 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_imap),
		cmocka_unit_test(test_pop),
		cmocka_unit_test(test_telnet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
