/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The text2 family (IMAP, POP3, Telnet, TFTP), from hand-written bytes;
 * every prefix decoded as a capture cut short; lying and garbage input.
 */
#include <stdio.h>

#include "testutil.h"
#include "strata/expect.h"

/* IPv4/TCP from 198.18.0.1:40000 to port PORT (4 hex digits), and back. */
#define TCPTO(port) "45000000000040004006000" "0c6120001c6120002" \
	"9c40" port "0000000100000001501820000000" "0000"
#define TCPFROM(port) "45000000000040004006000" "0c6120001c6120002" \
	port "9c400000000100000001501820000000" "0000"
/* IPv4/UDP from 198.18.0.1:40000 to port PORT, and back; the lengths
 * are filled in by udp(). */
#define UDPTO(port) "45000000000040004011000" "0c6120001c6120002" \
	"9c40" port "LLLL0000"
#define UDPFROM(port) "45000000000040004011000" "0c6120002c6120001" \
	port "9c40LLLL0000"

static char udpbuf[4096];

/* hex with the UDP length (LLLL) and the IPv4 total length filled in. */
static const char *
udp(const char *hex)
{
	size_t n = strlen(hex), bytes = n / 2;
	char *l;

	assert_true(n < sizeof(udpbuf));
	memcpy(udpbuf, hex, n + 1);
	l = strstr(udpbuf, "LLLL");
	assert_non_null(l);
	snprintf(udpbuf + 4, 5, "%04x", (unsigned)bytes & 0xffff);
	udpbuf[8] = hex[8];
	l = strstr(udpbuf, "LLLL");
	snprintf(l, 5, "%04x", (unsigned)(bytes - 20) & 0xffff);
	l[4] = '0';
	return udpbuf;
}

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

/* Decodes hex as frame num (the transfer's facts need the order). */
static const struct st_packet *
decode_num(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

/* RRQ "f" octet blksize=1024; DATA block 1 "hi"; ERROR 1 "nope". */
#define TFTP_RRQ "0001" "6600" "6f6374657400" "626c6b73697a6500" \
	"3130323400"
#define TFTP_DATA "0003" "0001" "6869"
#define TFTP_ERR "0005" "0001" "6e6f706500"

static void
test_tftp(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_expect_clear();
	p = decode_num(1, udp(UDPTO("0045") TFTP_RRQ));
	assert_chain(p, "ipv4 udp tftp");
	assert_int_equal(fval(p, "tftp.opcode"), 1);
	assert_string_equal(mean(p, "tftp.source_file", 0), "f");
	assert_int_equal(field_n(p, "tftp.source_file", 0)->bits, 2 * 8);
	assert_string_equal(mean(p, "tftp.type", 0), "octet");
	assert_string_equal(mean(p, "tftp.option.name", 0), "blksize");
	assert_string_equal(mean(p, "tftp.option.value", 0), "1024");
	sweep_prefixes(DLT_RAW, udp(UDPTO("0045") TFTP_RRQ));
	(void)decode_num(1, udp(UDPTO("0045") TFTP_RRQ));  /* as frame 1 */

	/* The answer from another port: TFTP by the request's note. */
	p = decode_num(2, udp(UDPFROM("c351") TFTP_DATA));
	assert_chain(p, "ipv4 udp tftp data");
	assert_int_equal(fval(p, "tftp.block"), 1);
	assert_int_equal(fval(p, "tftp.block.full"), 1);
	assert_string_equal(mean(p, "tftp.destination_file", 0), "f");
	assert_int_equal(fval(p, "tftp.request_frame"), 1);
	sweep_prefixes(DLT_RAW, udp(UDPFROM("c351") TFTP_DATA));
	p = decode_num(3, udp(UDPFROM("c351") TFTP_ERR));
	assert_int_equal(fval(p, "tftp.error.code"), 1);
	assert_string_equal(mean(p, "tftp.error.message", 0), "nope");
	st_expect_clear();
	p = decode_num(4, udp(UDPFROM("c351") TFTP_DATA));
	assert_chain(p, "ipv4 udp data");

	/* A WRQ names the destination; a string with no 0; an opcode 9. */
	p = decode_num(5, udp(UDPTO("0045") "0002" "6600"
	    "6e6574617363696900"));
	assert_string_equal(mean(p, "tftp.destination_file", 0), "f");
	p = decode_num(6, udp(UDPTO("0045") "0001" "6161"));
	assert_int_equal(layer(p, "tftp")->status, ST_LS_MALFORMED);
	p = decode_num(7, udp(UDPTO("0045") "0009"));
	assert_int_equal(layer(p, "tftp")->status, ST_LS_MALFORMED);
	st_expect_clear();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_imap),
		cmocka_unit_test(test_pop),
		cmocka_unit_test(test_telnet),
		cmocka_unit_test(test_tftp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
