/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Text and simple binary protocols over TCP (the apptext family), from
 * hand-written bytes; every prefix decoded as a capture cut short; lying
 * lengths and garbage.
 */
#include "strata/expect.h"
#include "testutil.h"

/* IPv4/TCP from 198.18.0.1:40000 to port PORT (4 hex digits), then the
 * payload. */
#define TCPTO(port) "45000000000040004006000" "0c6120001c6120002" \
	"9c40" port "0000000100000001501820000000" "0000"
#define TCPFROM(port) "45000000000040004006000" "0c6120001c6120002" \
	port "9c400000000100000001501820000000" "0000"

/* Startup: length 32, 3.0, user=strata, database=t. */
#define PG_STARTUP "00000020" "00030000" "7573657200" "73747261746100" \
	"646174616261736500" "7400" "00"
/* Query "select 1;". */
#define PG_QUERY "51" "0000000e" "73656c65637420313b00"
/* Row description (one column "a", int4), a data row "1", a NULL row,
 * command completion "SELECT 2", ready for query (I). */
#define PG_ROWS "54" "0000001a" "0001" "6100" "00004000" "0001" \
	"00000017" "0004" "ffffffff" "0000" \
	"44" "0000000b" "0001" "00000001" "31" \
	"44" "0000000a" "0001" "ffffffff" \
	"43" "0000000d" "53454c454354203200" \
	"5a" "00000005" "49"
/* Error: severity ERROR, code 42P01, message "no", line 7. */
#define PG_ERROR "45" "0000001a" "534552524f5200" "4334325030310" "0" \
	"4d6e6f00" "4c3700" "00"

static void
test_pgsql(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TCPTO("1538") PG_STARTUP);
	assert_chain(p, "ipv4 tcp pgsql");
	assert_string_equal(field_n(p, "pgsql.type", 0)->meaning,
	    "Startup message");
	assert_int_equal(field_n(p, "pgsql.type", 0)->bits, 0);
	assert_int_equal(fval(p, "pgsql.length"), 32);
	assert_int_equal(fval(p, "pgsql.frontend"), 1);
	assert_int_equal(fval(p, "pgsql.version_major"), 3);
	assert_string_equal(field_n(p, "pgsql.parameter_name", 1)->meaning,
	    "database");
	assert_string_equal(field_n(p, "pgsql.parameter_value", 1)->meaning,
	    "t");
	assert_int_equal(field_n(p, "pgsql.parameter_value", 0)->bits, 7 * 8);
	sweep_prefixes(DLT_RAW, TCPTO("1538") PG_STARTUP);

	p = decode_hex(DLT_RAW, TCPTO("1538") PG_QUERY);
	assert_chain(p, "ipv4 tcp pgsql");
	assert_string_equal(field_n(p, "pgsql.type", 0)->meaning,
	    "Simple query");
	assert_string_equal(field_n(p, "pgsql.query", 0)->meaning,
	    "select 1;");
	sweep_prefixes(DLT_RAW, TCPTO("1538") PG_QUERY);

	/* One layer per message. */
	p = decode_hex(DLT_RAW, TCPFROM("1538") PG_ROWS);
	assert_chain(p, "ipv4 tcp pgsql pgsql pgsql pgsql pgsql");
	assert_int_equal(fval(p, "pgsql.frontend"), 0);
	assert_string_equal(field_n(p, "pgsql.col.name", 0)->meaning, "a");
	assert_int_equal(fval(p, "pgsql.oid.table"), 16384);
	assert_int_equal(fval(p, "pgsql.oid.type"), 23);
	assert_int_equal((int64_t)fval(p, "pgsql.col.typemod"), -1);
	assert_int_equal(field_n(p, "pgsql.val.data", 0)->bits, 8);
	assert_int_equal((int64_t)field_n(p, "pgsql.val.length", 2)->val, -1);
	assert_string_equal(field_n(p, "pgsql.tag", 0)->meaning, "SELECT 2");
	assert_int_equal(fval(p, "pgsql.status"), 'I');
	sweep_prefixes(DLT_RAW, TCPFROM("1538") PG_ROWS);

	p = decode_hex(DLT_RAW, TCPFROM("1538") PG_ERROR);
	assert_chain(p, "ipv4 tcp pgsql");
	assert_string_equal(field_n(p, "pgsql.severity", 0)->meaning, "ERROR");
	assert_string_equal(field_n(p, "pgsql.code", 0)->meaning, "42P01");
	assert_string_equal(field_n(p, "pgsql.message", 0)->meaning, "no");
	assert_string_equal(field_n(p, "pgsql.line", 0)->meaning, "7");
	sweep_prefixes(DLT_RAW, TCPFROM("1538") PG_ERROR);

	/* A length below 4: malformed. */
	p = decode_hex(DLT_RAW, TCPFROM("1538") "5a00000001");
	assert_int_equal(layer(p, "pgsql")->status, ST_LS_MALFORMED);
	/* A length past the segment: decoded as far as it goes, noted; a
	 * string with no NUL before the end shows no value. */
	p = decode_hex(DLT_RAW, TCPTO("1538") "51000000ff" "616263");
	assert_chain(p, "ipv4 tcp pgsql");
	assert_true(has_note(p, "continues"));
	assert_false(has_field(p, "pgsql.query"));
	/* A lying string inside the message: stops there. */
	p = decode_hex(DLT_RAW, TCPFROM("1538") "53" "00000006" "6162"
	    "5a0000000549");
	assert_chain(p, "ipv4 tcp pgsql pgsql");
	assert_false(has_field(p, "pgsql.parameter_name"));
	/* A lying count in a data row: bounded by the message. */
	p = decode_hex(DLT_RAW, TCPFROM("1538") "44" "0000000a" "ffff"
	    "7fffffff");
	assert_chain(p, "ipv4 tcp pgsql");
	/* A byte of no message type first: not PostgreSQL. */
	p = decode_hex(DLT_RAW, TCPFROM("1538") "78787878787878");
	assert_chain(p, "ipv4 tcp data");
	/* The SSL request and its answer. */
	p = decode_hex(DLT_RAW, TCPTO("1538") "0000000804d2162f");
	assert_string_equal(field_n(p, "pgsql.type", 0)->meaning,
	    "SSL request");
	p = decode_hex(DLT_RAW, TCPFROM("1538") "53");
	assert_true(has_field(p, "strata.pgsql.ssl_response"));
}

/* CONNECT 3.1.1: will "w"/"x", user "u", password "p", client "c". */
#define MQ_CONNECT "10" "1d" "00044d515454" "04" "ee" "003c" "000163" \
	"000177" "000178" "000175" "000170"
/* PUBLISH QoS 1 to "a/b", id 5, "hi"; then PINGREQ. */
#define MQ_PUBLISH "32" "09" "0003612f62" "0005" "6869" "c000"

static void
test_mqtt(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TCPTO("075b") MQ_CONNECT);
	assert_chain(p, "ipv4 tcp mqtt");
	assert_int_equal(fval(p, "mqtt.msgtype"), 1);
	assert_int_equal(fval(p, "mqtt.hdr_reserved"), 0);
	assert_int_equal(fval(p, "mqtt.len"), 29);
	assert_string_equal(field_n(p, "mqtt.protoname", 0)->meaning, "MQTT");
	assert_int_equal(fval(p, "mqtt.ver"), 4);
	assert_int_equal(fval(p, "mqtt.conflags"), 0xee);
	assert_int_equal(fval(p, "mqtt.conflag.qos"), 1);
	assert_int_equal(fval(p, "mqtt.conflag.willflag"), 1);
	assert_int_equal(fval(p, "mqtt.kalive"), 60);
	assert_string_equal(field_n(p, "mqtt.clientid", 0)->meaning, "c");
	assert_string_equal(field_n(p, "mqtt.willtopic", 0)->meaning, "w");
	assert_int_equal(field_n(p, "mqtt.willmsg", 0)->bits, 8);
	assert_string_equal(field_n(p, "mqtt.username", 0)->meaning, "u");
	assert_string_equal(field_n(p, "mqtt.passwd", 0)->meaning, "p");
	sweep_prefixes(DLT_RAW, TCPTO("075b") MQ_CONNECT);

	/* One layer per packet. */
	p = decode_hex(DLT_RAW, TCPTO("075b") MQ_PUBLISH);
	assert_chain(p, "ipv4 tcp mqtt mqtt");
	assert_int_equal(fval(p, "mqtt.qos"), 1);
	assert_int_equal(fval(p, "mqtt.retain"), 0);
	assert_string_equal(field_n(p, "mqtt.topic", 0)->meaning, "a/b");
	assert_int_equal(fval(p, "mqtt.msgid"), 5);
	assert_int_equal(field_n(p, "mqtt.msg", 0)->bits, 16);
	assert_int_equal(field_n(p, "mqtt.msgtype", 1)->val, 12);
	sweep_prefixes(DLT_RAW, TCPTO("075b") MQ_PUBLISH);

	/* A two-byte remaining length (200). */
	p = decode_hex(DLT_RAW, TCPTO("075b") "30c801" "0001" "61");
	assert_int_equal(fval(p, "mqtt.len"), 200);
	assert_true(has_note(p, "continues"));
	/* Five length bytes: malformed. */
	p = decode_hex(DLT_RAW, TCPTO("075b") "30ffffffff01");
	assert_int_equal(layer(p, "mqtt")->status, ST_LS_MALFORMED);
	/* A topic length past the packet: malformed, no topic. */
	p = decode_hex(DLT_RAW, TCPTO("075b") "3003" "00ff61" "c000");
	assert_int_equal(layer(p, "mqtt")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "mqtt.topic"));
	/* Type 0 is reserved: not MQTT. */
	p = decode_hex(DLT_RAW, TCPTO("075b") "0000");
	assert_chain(p, "ipv4 tcp data");
	/* SUBSCRIBE's topics are bounded by the packet: the second one
	 * runs past it. */
	p = decode_hex(DLT_RAW, TCPTO("075b") "8208" "0001" "0001" "61" "01"
	    "0001" "62");
	assert_string_equal(field_n(p, "mqtt.topic", 0)->meaning, "a");
	assert_int_equal(fval(p, "mqtt.sub.qos"), 1);
	assert_int_equal(layer(p, "mqtt")->status, ST_LS_MALFORMED);
}

/* SOCKS 5 CONNECT to "a.b":80. */
#define SK_CONNECT "0501000303612e620050"
/* SOCKS 4a CONNECT to "x.y":443, user "u". */
#define SK_4A "040101bb00000001" "7500" "782e7900"

static void
test_socks(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TCPTO("0438") "05030001ff");
	assert_chain(p, "ipv4 tcp socks");
	assert_int_equal(fval(p, "socks.auth_method_count"), 3);
	assert_int_equal(field_n(p, "socks.auth_method", 2)->val, 255);
	sweep_prefixes(DLT_RAW, TCPTO("0438") "05030001ff");

	p = decode_hex(DLT_RAW, TCPTO("0438") SK_CONNECT);
	assert_chain(p, "ipv4 tcp socks");
	assert_int_equal(fval(p, "socks.command"), 1);
	assert_int_equal(fval(p, "socks.address_type"), 3);
	assert_string_equal(field_n(p, "socks.remote_name", 0)->meaning,
	    "a.b");
	assert_int_equal(fval(p, "socks.port"), 80);
	sweep_prefixes(DLT_RAW, TCPTO("0438") SK_CONNECT);

	/* User and password, then the status. */
	p = decode_hex(DLT_RAW, TCPTO("0438") "0101610262630a");
	assert_chain(p, "ipv4 tcp data");	/* lengths do not add up */
	p = decode_hex(DLT_RAW, TCPTO("0438") "010161026263");
	assert_chain(p, "ipv4 tcp socks");
	assert_string_equal(field_n(p, "socks.username", 0)->meaning, "a");
	assert_string_equal(field_n(p, "socks.password", 0)->meaning, "bc");
	assert_int_equal(fval(p, "socks.version"), 5);
	p = decode_hex(DLT_RAW, TCPFROM("0438") "0100");
	assert_int_equal(fval(p, "socks.auth_status"), 0);

	/* The reply, IPv4. */
	p = decode_hex(DLT_RAW, TCPFROM("0438") "05000001c61200091f90");
	assert_int_equal(fval(p, "socks.results"), 0);
	assert_int_equal(fval(p, "socks.port"), 8080);
	assert_int_equal(field_n(p, "socks.dst", 0)->bits, 32);

	p = decode_hex(DLT_RAW, TCPTO("0438") SK_4A);
	assert_chain(p, "ipv4 tcp socks");
	assert_int_equal(fval(p, "socks.version"), 4);
	assert_int_equal(fval(p, "socks.dstport"), 443);
	assert_string_equal(field_n(p, "socks.username", 0)->meaning, "u");
	assert_string_equal(field_n(p, "socks.v4a_dns_name", 0)->meaning,
	    "x.y");
	sweep_prefixes(DLT_RAW, TCPTO("0438") SK_4A);

	/* A name longer than the segment, an unknown address type: not
	 * SOCKS; relayed bytes neither. */
	p = decode_hex(DLT_RAW, TCPTO("0438") "0501000340612e620050");
	assert_chain(p, "ipv4 tcp data");
	p = decode_hex(DLT_RAW, TCPTO("0438") "05010009612e620050");
	assert_chain(p, "ipv4 tcp data");
	p = decode_hex(DLT_RAW, TCPFROM("0438") "48545450");
	assert_chain(p, "ipv4 tcp data");
}

/* IPv4/TCP from 198.18.0.2 back to 198.18.0.1:40000; and 198.18.0.1:40001
 * to the proxy, and back. */
#define TCPBACK(port) "45000000000040004006000" "0c6120002c6120001" \
	port "9c400000000100000001501820000000" "0000"
#define TCPTO2(port) "45000000000040004006000" "0c6120001c6120002" \
	"9c41" port "0000000100000001501820000000" "0000"
#define TCPFROM2(port) "45000000000040004006000" "0c6120002c6120001" \
	port "9c410000000100000001501820000000" "0000"

/* Decodes the hex packet as frame num of a capture. */
static const struct st_packet *
frame(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

/* A granted CONNECT makes the conversation a tunnel: later segments pass
 * through SOCKS (no bytes; version, command, port) to the port's
 * protocol; another conversation, and a refused one, stay as they were. */
static void
test_socks_tunnel(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_expect_clear();
	/* 5: CONNECT www.x:443, granted; then a TLS alert through it. */
	frame(1, TCPTO("0438") "05010003057777772e7801bb");
	frame(2, TCPBACK("0438") "05000001000000000000");
	p = frame(3, TCPTO("0438") "15030300020228");
	assert_chain(p, "ipv4 tcp socks tls");
	assert_int_equal(layer(p, "socks")->hdr_len, 0);
	assert_int_equal(fval(p, "socks.version"), 5);
	assert_int_equal(fval(p, "socks.command"), 1);
	assert_int_equal(fval(p, "socks.dstport"), 443);
	assert_int_equal(fval(p, "tls.alert_message.desc"), 40);
	p = frame(4, TCPBACK("0438") "15030300020200");
	assert_chain(p, "ipv4 tcp socks tls");
	/* Another client's conversation is no tunnel (the heuristics find
	 * TLS there, without SOCKS). */
	p = frame(5, TCPTO2("0438") "15030300020228");
	assert_chain(p, "ipv4 tcp tls");
	/* Refused (5: connection refused): no tunnel either. */
	frame(6, TCPTO2("0438") "05010003057777772e7801bb");
	frame(7, TCPFROM2("0438") "05050001000000000000");
	p = frame(8, TCPTO2("0438") "15030300020228");
	assert_chain(p, "ipv4 tcp tls");
	/* 4: CONNECT to port 80, granted (90): HTTP through it. */
	st_expect_clear();
	frame(1, TCPTO2("0438") "04010050c6120009" "7500");
	frame(2, TCPFROM2("0438") "005a000000000000");
	p = frame(3, TCPTO2("0438") "474554202f20485454502f312e310d0a0d0a");
	assert_chain(p, "ipv4 tcp socks http");
	assert_int_equal(fval(p, "socks.version"), 4);
	assert_int_equal(fval(p, "socks.dstport"), 80);
	sweep_prefixes(DLT_RAW, TCPTO2("0438") "474554202f20485454502f312e"
	    "310d0a0d0a");
	st_expect_clear();
}

/* ":n!u@h PRIVMSG #c :\x01ACTION hi\x01\r\nPING :x\r\n" from the server. */
#define IRC_MSG "3a6e2175406820505249564d534720236320" "3a01414354494f4e" \
	"206869010d0a" "50494e47203a780d0a"

static void
test_irc(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, TCPFROM("1a0b") IRC_MSG);
	assert_chain(p, "ipv4 tcp irc");
	assert_string_equal(field_n(p, "irc.response.prefix", 0)->meaning,
	    "n!u@h");
	assert_string_equal(field_n(p, "irc.response.command", 0)->meaning,
	    "PRIVMSG");
	assert_string_equal(field_n(p, "irc.response.command_parameter",
	    0)->meaning, "#c");
	assert_string_equal(field_n(p, "irc.ctcp", 0)->meaning, "ACTION hi");
	assert_string_equal(field_n(p, "irc.response.command", 1)->meaning,
	    "PING");
	assert_string_equal(field_n(p, "irc.response.trailer", 1)->meaning,
	    "x");
	sweep_prefixes(DLT_RAW, TCPFROM("1a0b") IRC_MSG);
	/* A numeric reply; a request. */
	p = decode_hex(DLT_RAW, TCPFROM("1a0b") "3a7320303031206e203a680d0a");
	assert_int_equal(fval(p, "irc.response.num_command"), 1);
	p = decode_hex(DLT_RAW, TCPTO("1a0b") "4e49434b20610d0a");
	assert_string_equal(field_n(p, "irc.request.command", 0)->meaning,
	    "NICK");
	assert_string_equal(field_n(p, "irc.request.command_parameter",
	    0)->meaning, "a");
	/* A CTCP with no end: noted; a prefix alone; STARTTLS noted. */
	p = decode_hex(DLT_RAW, TCPTO("1a0b") "502058203a0161");
	assert_true(has_note(p, "CTCP"));
	p = decode_hex(DLT_RAW, TCPTO("1a0b") "3a61");
	assert_string_equal(field_n(p, "irc.request.prefix", 0)->meaning, "a");
	assert_false(has_field(p, "irc.request.command"));
	p = decode_hex(DLT_RAW, TCPTO("1a0b") "5354415254544c530d0a");
	assert_true(has_note(p, "STARTTLS"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pgsql),
		cmocka_unit_test(test_mqtt),
		cmocka_unit_test(test_socks),
		cmocka_unit_test(test_socks_tunnel),
		cmocka_unit_test(test_irc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
