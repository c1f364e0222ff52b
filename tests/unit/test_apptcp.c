/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Application protocols over TCP (the apptcp family): HTTP continuations,
 * and the decoders added with them, from hand-written bytes; every prefix
 * decoded as a capture cut short; lying lengths and garbage.
 */
#include "testutil.h"

#include "strata/expect.h"

/* IPv4/TCP from 198.18.0.1:40000 to port PORT (4 hex digits), then the
 * payload. */
#define TCPTO(port) "45000000000040004006000" "0c6120001c6120002" \
	"9c40" port "0000000100000001501820000000" "0000"
#define TCPFROM(port) "45000000000040004006000" "0c6120001c6120002" \
	port "9c400000000100000001501820000000" "0000"
/* From 198.18.0.2:40000 back to 198.18.0.1, port PORT. */
#define TCPBACK(port) "45000000000040004006000" "0c6120002c6120001" \
	"9c40" port "0000000100000001501820000000" "0000"

/* Decodes the hex IPv4 packet as frame num (a conversation's order). */
static const struct st_packet *
decode_num(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

/* "Content-Type: text/html\r\nContent-Length: 5\r\n\r\nhello" */
#define HTTP_HEADCONT "436f6e74656e742d547970653a20746578742f68746d6c0d0a" \
	"436f6e74656e742d4c656e6774683a20350d0a0d0a" "68656c6c6f"

static void
test_http_continuation(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;

	(void)state;
	/* The rest of a head: its header lines, then the body as its
	 * Content-Type says (text/html: lines of text). */
	p = decode_hex(DLT_RAW, TCPFROM("0050") HTTP_HEADCONT);
	assert_chain(p, "ipv4 tcp http data-text-lines");
	assert_string_equal(field_n(p, "http.content_type", 0)->meaning,
	    "text/html");
	assert_int_equal(fval(p, "http.content_length"), 5);
	assert_false(has_field(p, "http.response.line"));
	assert_false(has_field(p, "http.request.line"));
	f = field_n(p, "http.file_data", 0);
	assert_int_equal(f->bits, 5 * 8);
	assert_int_equal(f->bitoff, (40 + 46) * 8);
	assert_int_equal(layer(p, "http")->hdr_len, 51);
	assert_int_equal(layer(p, "data-text-lines")->len, 5);
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

/* "227 Entering Passive Mode (198,18,0,1,19,137)\r\n": port 5001 */
#define PASV227 "32323720456e746572696e672050617373697665204d6f646520" \
	"283139382c31382c302c312c31392c313337290d0a"

static void
test_ftp_data(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_expect_clear();
	/* No control connection seen: the bytes are only data. */
	p = decode_num(1, TCPFROM("1389") "68656c6c6f0d0a");
	assert_chain(p, "ipv4 tcp data");
	/* The server names 198.18.0.1:5001; the client then lists. */
	p = decode_num(3, TCPFROM("0015") PASV227);
	assert_chain(p, "ipv4 tcp ftp");
	assert_int_equal(fval(p, "ftp.passive.port"), 5001);
	assert_int_equal(st_expect_count(), 1);
	p = decode_num(5, TCPBACK("0015") "4c4953540d0a");
	assert_chain(p, "ipv4 tcp ftp");
	/* The data connection, from that port to any port. */
	p = decode_num(7, TCPFROM("1389") "68656c6c6f0d0a");
	assert_chain(p, "ipv4 tcp ftp-data data-text-lines");
	assert_int_equal(fval(p, "ftp-data.setup-frame"), 3);
	assert_string_equal(field_n(p, "ftp-data.setup-method", 0)->meaning,
	    "PASV");
	assert_string_equal(field_n(p, "ftp-data.command", 0)->meaning,
	    "LIST");
	assert_int_equal(fval(p, "ftp-data.command-frame"), 5);
	/* Its bytes are printable: lines of text, as tshark shows them. */
	assert_int_equal(layer(p, "data-text-lines")->len, 7);
	assert_string_equal(field_n(p, "strata.text.line", 0)->meaning,
	    "hello\\x0d\\x0a");
	assert_int_equal(fval(p, "strata.text.lines"), 1);
	/* A byte that is no text in the first 20: data. */
	p = decode_num(8, TCPFROM("1389") "68656c6c6f00");
	assert_chain(p, "ipv4 tcp ftp-data data");
	/* Two lines, the last without its end. */
	p = decode_num(8, TCPFROM("1389") "610d0a6262");
	assert_int_equal(fval(p, "strata.text.lines"), 2);
	assert_string_equal(field_n(p, "strata.text.line", 1)->meaning, "bb");
	/* A later command does not replace the first. */
	p = decode_num(9, TCPBACK("0015") "515549540d0a");
	p = decode_num(11, TCPFROM("1389") "6869");
	assert_string_equal(field_n(p, "ftp-data.command", 0)->meaning,
	    "LIST");
	sweep_prefixes(DLT_RAW, TCPFROM("1389") "68656c6c6f0d0a");
	/* The table is bounded: past ST_EXPECT_MAX, the oldest is reused. */
	{
		struct st_expect e, out;
		unsigned i;

		memset(&e, 0, sizeof(e));
		e.fam = 4;
		e.proto = layer(p, "ftp-data")->proto;
		e.transport = layer(p, "tcp")->proto;
		for (i = 0; i < ST_EXPECT_MAX + 10; i++) {
			e.port = (uint16_t)(6000 + i);
			st_expect_add(&e);
		}
		assert_int_equal(st_expect_count(), ST_EXPECT_MAX);
		assert_false(st_expect_find(e.transport, 4, e.addr, 6000,
		    &out));
		assert_true(st_expect_find(e.transport, 4, e.addr,
		    6000 + ST_EXPECT_MAX + 9, &out));
	}
	st_expect_clear();
	assert_int_equal(st_expect_count(), 0);
}

/* From mysql__mysql.pcap: a query, its result set, a greeting, a login. */
#define MY_QUERY "210000000373656c65637420404076657273696f6e5f636f6d6d656e" \
	"74206c696d69742031"
#define MY_RESULT "01000001012700000203646566000000114040766572736" \
	"96f6e5f636f6d6d656e74000c21004b000000fd01001f000005000003fe00000" \
	"2001a0000041947656e746f6f204c696e7578206d7973716c2d352e302e35340" \
	"5000005fe00000200"
#define MY_GREET "340000000a352e302e3534005e0000003e7e24347574682c002ca2" \
	"210200000000000000000000000000003e36313249575a3e6668575800"
#define MY_LOGIN "3e00000185a6030000000001210000000000000000000000000000" \
	"00000000000000000074666f65727374650014eefd6d5562851bc5966a0b4123" \
	"6ae3f2315efcc4"

static void
test_mysql(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TCPTO("0cea") MY_QUERY);
	assert_chain(p, "ipv4 tcp mysql");
	assert_int_equal(fval(p, "mysql.packet_length"), 33);
	assert_int_equal(fval(p, "mysql.packet_number"), 0);
	assert_int_equal(fval(p, "mysql.command"), 3);
	assert_string_equal(field_n(p, "mysql.query", 0)->meaning,
	    "select @@version_comment limit 1");
	sweep_prefixes(DLT_RAW, TCPTO("0cea") MY_QUERY);

	/* One layer per packet: count, column, EOF, row, EOF. */
	p = decode_hex(DLT_RAW, TCPFROM("0cea") MY_RESULT);
	assert_chain(p, "ipv4 tcp mysql mysql mysql mysql mysql");
	assert_int_equal(fval(p, "mysql.num_fields"), 1);
	assert_string_equal(field_n(p, "mysql.field.name", 0)->meaning,
	    "@@version_comment");
	assert_int_equal(fval(p, "mysql.field.type"), 253);
	assert_int_equal(fval(p, "mysql.field.flags.not_null"), 1);
	assert_int_equal(fval(p, "mysql.eof"), 254);
	assert_string_equal(field_n(p, "mysql.row.text", 0)->meaning,
	    "Gentoo Linux mysql-5.0.54");
	assert_int_equal(fval(p, "mysql.server_status"), 2);
	assert_int_equal(fval(p, "mysql.stat.ac"), 1);
	sweep_prefixes(DLT_RAW, TCPFROM("0cea") MY_RESULT);

	p = decode_hex(DLT_RAW, TCPFROM("0cea") MY_GREET);
	assert_chain(p, "ipv4 tcp mysql");
	assert_string_equal(field_n(p, "mysql.version", 0)->meaning, "5.0.54");
	assert_int_equal(fval(p, "mysql.thread_id"), 94);
	assert_int_equal(fval(p, "mysql.caps.server"), 0xa22c);
	assert_int_equal(fval(p, "mariadb.server_language"), 33);
	sweep_prefixes(DLT_RAW, TCPFROM("0cea") MY_GREET);

	p = decode_hex(DLT_RAW, TCPTO("0cea") MY_LOGIN);
	assert_int_equal(fval(p, "mysql.max_packet"), 16777216);
	assert_string_equal(field_n(p, "mysql.user", 0)->meaning,
	    "tfoerste");
	assert_int_equal(field_n(p, "mysql.passwd", 0)->bits, 20 * 8);
	sweep_prefixes(DLT_RAW, TCPTO("0cea") MY_LOGIN);

	/* A length past the segment: decoded as far as it goes, noted. */
	p = decode_hex(DLT_RAW, TCPTO("0cea") "ff00000003414243");
	assert_chain(p, "ipv4 tcp mysql");
	assert_int_equal(fval(p, "mysql.packet_length"), 255);
	assert_true(has_note(p, "continues"));
	/* Lying length-encoded strings in a row stop the row, no more. */
	p = decode_hex(DLT_RAW, TCPFROM("0cea") "05000004" "fc" "ff7f4142");
	assert_chain(p, "ipv4 tcp mysql");
	assert_false(has_field(p, "mysql.row.text"));
}

/* "*3\r\n$3\r\nSET\r\n$4\r\ntest\r\n$2\r\nhi\r\n" */
#define RESP_SET "2a330d0a24330d0a5345540d0a24340d0a746573740d0a2432" \
	"0d0a68690d0a"

static void
test_resp(void **state)
{
	const struct st_packet *p;
	char hex[2 * 40 * 4 + 256];
	unsigned i;

	(void)state;
	p = decode_hex(DLT_RAW, TCPTO("18eb") RESP_SET);
	assert_chain(p, "ipv4 tcp resp");
	assert_int_equal(fval(p, "resp.array.length"), 3);
	assert_int_equal(field_n(p, "resp.bulk_string.length", 1)->val, 4);
	assert_int_equal(field_n(p, "resp.bulk_string.value", 2)->bits,
	    2 * 8);
	sweep_prefixes(DLT_RAW, TCPTO("18eb") RESP_SET);
	/* Replies: a string, an error, a negative integer, a null bulk. */
	p = decode_hex(DLT_RAW, TCPFROM("18eb") "2b4f4b0d0a" "2d4552520d0a"
	    "3a2d370d0a" "242d310d0a");
	assert_string_equal(field_n(p, "resp.string", 0)->meaning, "OK");
	assert_string_equal(field_n(p, "resp.error", 0)->meaning, "ERR");
	assert_int_equal((int64_t)fval(p, "resp.integer"), -7);
	assert_int_equal((int64_t)fval(p, "resp.bulk_string.length"), -1);
	/* An inline command: a fragment. */
	p = decode_hex(DLT_RAW, TCPTO("18eb") "50494e470d0a");
	assert_true(has_field(p, "resp.fragment"));
	/* A lying bulk length: the value to the segment's end, noted. */
	p = decode_hex(DLT_RAW, TCPTO("18eb") "2439390d0a6869");
	assert_int_equal(field_n(p, "resp.bulk_string.value", 0)->bits, 16);
	assert_true(has_note(p, "continues"));
	/* Arrays nested past the bound stop, noted. */
	strcpy(hex, TCPTO("18eb"));
	for (i = 0; i < 40; i++)
		strcat(hex, "2a310d0a");
	p = decode_hex(DLT_RAW, hex);
	assert_true(has_note(p, "too deep"));
	assert_int_equal(layer(p, "resp")->status, ST_LS_OK);
}

static void
test_smtp(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* "EHLO a.test\r\nMAIL FROM:<x@a.test>\r\n" to port 25. */
	p = decode_hex(DLT_RAW, TCPTO("0019") "45484c4f20612e746573740d0a"
	    "4d41494c2046524f4d3a3c7840612e746573743e0d0a");
	assert_chain(p, "ipv4 tcp smtp");
	assert_int_equal(fval(p, "smtp.req"), 1);
	assert_string_equal(field_n(p, "smtp.req.command", 0)->meaning,
	    "EHLO");
	assert_string_equal(field_n(p, "smtp.req.parameter", 0)->meaning,
	    "a.test");
	assert_string_equal(field_n(p, "smtp.command_line", 1)->meaning,
	    "MAIL FROM:<x@a.test>");
	assert_int_equal(field_n(p, "smtp.command_line", 1)->bits, 22 * 8);
	sweep_prefixes(DLT_RAW, TCPTO("0019") "45484c4f20612e746573740d0a");
	/* "250-a.test\r\n250 SIZE 10\r\n": one reply of two lines. */
	p = decode_hex(DLT_RAW, TCPFROM("0019") "3235302d612e746573740d0a"
	    "3235302053495a452031300d0a");
	assert_int_equal(fval(p, "smtp.response.code"), 250);
	assert_false(field_n(p, "smtp.response", 0) == NULL);
	assert_string_equal(field_n(p, "smtp.rsp.parameter", 1)->meaning,
	    "SIZE 10");
	/* Message text (after DATA): no command fields; lines of text. */
	p = decode_hex(DLT_RAW, TCPTO("024b") "5375626a6563743a20780d0a");
	assert_chain(p, "ipv4 tcp smtp data-text-lines");
	assert_false(has_field(p, "smtp.req.command"));
	/* STARTTLS is noted. */
	p = decode_hex(DLT_RAW, TCPTO("0019") "5354415254544c530d0a");
	assert_true(has_note(p, "STARTTLS"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_http_continuation),
		cmocka_unit_test(test_ftp_data),
		cmocka_unit_test(test_mysql),
		cmocka_unit_test(test_resp),
		cmocka_unit_test(test_smtp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
