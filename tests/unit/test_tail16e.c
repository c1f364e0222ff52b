/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Issue 16's tail items: MPTCP's connection facts as tshark shows them
 * (token and IDSN from the key, relative data ACK and DSN across
 * subflows), from zoo/mptcp-v0.pcap's frames; SHA-1's test vector;
 * SCTP's association index and relative TSNs.
 * Each with every shorter prefix and a malformed variant.
 */
#include "testutil.h"

#include "strata/hash.h"

/* #1 SYN, MP_CAPABLE v0 with the client's key 0x9c9eabd1e46a33b2 */
#define MP_SYN \
	"165153043f55f28cf5241b2108004500004832e940004006f1c00a0201020a010102" \
	"8c790016ad98935900000000d0023908da990000020405b40402080affffa1b00000" \
	"0000010303061e0c00819c9eabd1e46a33b2"
/* #2 SYN/ACK, the server's key */
#define MP_SYNACK \
	"f28cf5241b21165153043f55080045000048000040003f0625aa0a0101020a020102" \
	"00168c7907822b7ead98935ad01237c8ec940000020405b40402080affffa2ebffff" \
	"a1b0010303051e0c0081967d2770b6960552"
/* #4 the server's banner: ADD_ADDR, then DSS with data ACK and mapping */
#define MP_DSS \
	"f28cf5241b21165153043f55080045000079899440003f069be40a0101020a020102" \
	"00168c7907822b7fad98935af01801bf536500000101080affffa2f2ffffa1b01e08" \
	"34010a0102021e142005d52abecad1b97490000000010029082f5353482d322e302d" \
	"4f70656e5353485f352e3570312044656269616e2d362b73717565657a65310d0a"
/* #8 a second subflow's SYN, MP_JOIN with the server's token */
#define MP_JOIN \
	"165153043f55f28cf5241b210800450000481b7040004006083a0a0201020a010202" \
	"a10500166f17bab000000000d0023908d1f50000020405b40402080affffa1c00000" \
	"0000010303061e0c1000e47f01421b665a18"
/* #12 on that subflow, the server's DSS with a data ACK only */
#define MP_SUBACK \
	"f28cf5241b21165153043f5508004500003c088240003f061c340a0102020a020102" \
	"0016a105659eaa706f17bab1a01001bf4c2100000101080affffa2f2ffffa1c01e08" \
	"2001d52abef3"

/* SCTP 198.18.0.1:5000 -> .2:5001: INIT (initial TSN 0x10), DATA (TSN
 * 0x12), and back a SACK (cumulative TSN ack 0x12). */
#define SCTP_INIT \
	"020000000002020000000001080045000034000140004084ae1dc6120001c6120002" \
	"1388138900000000000000000100001400001234000100000001000100000010"
#define SCTP_DATA \
	"020000000002020000000001080045000034000140004084ae1dc6120001c6120002" \
	"1388138900004321000000000003001400000012000000000000000061626364"
#define SCTP_SACK \
	"020000000001020000000002080045000030000140004084ae21c6120002c6120001" \
	"13891388000012340000000003000010000000120001000000000000"

/* Decodes hex as frame num of one capture (1 starts a new one). */
static const struct st_packet *
frame(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_EN10MB);
	return &tpkt;
}

static void
test_sha1(void **state)
{
	struct st_sha1 s;
	uint8_t h[20];
	char hex[41];

	(void)state;
	st_sha1_init(&s);
	st_sha1_add(&s, "abc", 3);
	st_sha1_end(&s, h);
	st_hex(h, 20, hex);
	assert_string_equal(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
}

static void
test_mptcp_keys(void **state)
{
	const struct st_packet *p;
	char v1[sizeof(MP_SYN)];

	(void)state;
	p = frame(1, MP_SYN);
	assert_chain(p, "eth ipv4 tcp mptcp");
	assert_int_equal(fval(p, "mptcp.expected_token"), 2945910507u);
	assert_true(fval(p, "mptcp.expected_idsn") ==
	    10975753215851282121ull);
	p = frame(2, MP_SYNACK);
	assert_int_equal(fval(p, "mptcp.expected_token"), 3833528642u);
	assert_true(fval(p, "mptcp.expected_idsn") ==
	    16464867208451421327ull);
	/* version 1 hashes with SHA-256 */
	memcpy(v1, MP_SYN, sizeof(v1));
	memcpy(strstr(v1, "1e0c0081") + 4, "01", 2);
	p = frame(1, v1);
	assert_int_equal(fval(p, "tcp.options.mptcp.version"), 1);
	assert_int_equal(fval(p, "mptcp.expected_token"), 2256973183u);
	assert_true(fval(p, "mptcp.expected_idsn") == 9139654982389774323ull);
	sweep_prefixes(DLT_EN10MB, MP_SYN);
}

static void
test_mptcp_relative(void **state)
{
	const struct st_packet *p;

	(void)state;
	frame(1, MP_SYN);
	frame(2, MP_SYNACK);
	p = frame(4, MP_DSS);
	assert_chain(p, "eth ipv4 tcp mptcp mptcp ssh");
	assert_int_equal(fval(p, "tcp.options.mptcp.rawdataack"), 3576348362u);
	assert_int_equal(fval(p, "mptcp.ack"), 1);
	assert_int_equal(fval(p, "mptcp.dss.dsn"), 1);
	/* the subflow joined by the server's token: its ACKs the client's */
	p = frame(8, MP_JOIN);
	assert_int_equal(fval(p, "tcp.options.mptcp.recvtok"), 3833528642u);
	p = frame(12, MP_SUBACK);
	assert_int_equal(fval(p, "mptcp.ack"), 42);
	assert_false(has_field(p, "mptcp.dss.dsn"));
	sweep_prefixes(DLT_EN10MB, MP_DSS);
	sweep_prefixes(DLT_EN10MB, MP_JOIN);
}

static void
test_mptcp_unknown(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a new capture that starts mid-connection: no keys, no numbers */
	p = frame(1, MP_DSS);
	assert_int_equal(fval(p, "tcp.options.mptcp.rawdataack"), 3576348362u);
	assert_false(has_field(p, "mptcp.ack"));
	assert_false(has_field(p, "mptcp.dss.dsn"));
	/* an unknown token joins nothing */
	p = frame(2, MP_JOIN);
	p = frame(3, MP_SUBACK);
	assert_false(has_field(p, "mptcp.ack"));
}

static void
test_mptcp_malformed(void **state)
{
	const struct st_packet *p;
	char bad[sizeof(MP_DSS)];

	(void)state;
	/* DSS flags 0x0f ask for 8-byte ACK and DSN: 28 bytes, not 20 */
	memcpy(bad, MP_DSS, sizeof(bad));
	memcpy(strstr(bad, "1e142005") + 6, "0f", 2);
	p = frame(1, bad);
	assert_int_equal(last_layer(p, "mptcp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "mptcp.ack"));
}

static void
test_sctp_relative(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = frame(1, SCTP_INIT);
	assert_int_equal(fval(p, "sctp.assoc_index"), 65535);
	assert_false(has_field(p, "sctp.data_tsn"));
	p = frame(2, SCTP_DATA);
	assert_int_equal(fval(p, "sctp.data_tsn_raw"), 0x12);
	assert_int_equal(fval(p, "sctp.data_tsn"), 2);
	p = frame(3, SCTP_SACK);
	assert_int_equal(fval(p, "sctp.sack_cumulative_tsn_ack"), 2);
	sweep_prefixes(DLT_EN10MB, SCTP_DATA);
	sweep_prefixes(DLT_EN10MB, SCTP_SACK);
	/* a new capture: a SACK with no TSN seen the other way has no
	 * relative ack; the first DATA is its direction's base */
	p = frame(1, SCTP_SACK);
	assert_false(has_field(p, "sctp.sack_cumulative_tsn_ack"));
	p = frame(2, SCTP_DATA);
	assert_int_equal(fval(p, "sctp.data_tsn"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha1),
		cmocka_unit_test(test_mptcp_keys),
		cmocka_unit_test(test_mptcp_relative),
		cmocka_unit_test(test_mptcp_unknown),
		cmocka_unit_test(test_mptcp_malformed),
		cmocka_unit_test(test_sctp_relative),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
