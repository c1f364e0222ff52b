/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QUIC's connections (src/proto/quicconn.c): a client's Initial opens one,
 * the server's Initial names its ID, short headers both ways then show
 * their destination ID with its length and the connection's number; a new
 * capture (frame numbers starting again) forgets them; a short header of
 * no known connection keeps its ID in the protected rest; every shorter
 * prefix decodes without a crash.
 */
#include "testutil.h"

/* Client Initial: DCID 8394c8f03e515708, SCID c1c2c3c4, 24 payload bytes. */
#define QC_CI \
	"02000000000202000000000108004500004a000140004011ae7ac6120001" \
	"c6120002c35001bb0036bb38c000000001088394c8f03e51570804c1c2c3" \
	"c4004018000102030405060708090a0b0c0d0e0f1011121314151617"
/* Server Initial: DCID c1c2c3c4, SCID a1a2a3a4a5a6, 20 payload bytes. */
#define QC_SI \
	"020000000001020000000002080045000044000140004011ae80c6120002" \
	"c612000101bbc3500030d96ac00000000104c1c2c3c406a1a2a3a4a5a600" \
	"4014000102030405060708090a0b0c0d0e0f10111213"
/* Client short header to a1a2a3a4a5a6, 20 protected bytes. */
#define QC_CS \
	"020000000002020000000001080045000037000140004011ae8dc6120001" \
	"c6120002c35001bb0023ee0141a1a2a3a4a5a61e1f202122232425262728" \
	"292a2b2c2d2e2f3031"
/* Server short header to c1c2c3c4, 20 protected bytes. */
#define QC_SS \
	"020000000001020000000002080045000035000140004011ae8fc6120002" \
	"c612000101bbc3500021163e52c1c2c3c43c3d3e3f404142434445464748" \
	"494a4b4c4d4e4f"

/* Decodes the hex packet as frame num of a capture. */
static const struct st_packet *
decode_num(const char *hex, uint64_t num)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_EN10MB);
	return &tpkt;
}

/*
 * Every prefix of the hex packet as frame num (after the frames that made
 * its connection): inside its bytes, the cut marked; a cut inside the
 * destination ID (which then names no connection) is no malformed layer.
 */
static void
sweep_num(const char *hex, uint64_t num)
{
	size_t n = hexbytes(hex), k, i;
	static struct st_packet p;
	static uint8_t b[256];

	assert_true(n <= sizeof(b));
	for (k = 0; k < n; k++) {
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		p.num = num;
		st_decode(&p, DLT_EN10MB);
		for (i = 0; i < p.nlayers; i++)
			assert_true(p.layers[i].off + p.layers[i].len <= k);
		for (i = 0; i < p.nfields; i++)
			assert_true((p.fields[i].bitoff + p.fields[i].bits +
			    7) / 8 <= k || p.fields[i].bits == 0);
		assert_true(p.nnotes > 0);
		if (p.nlayers == 4)
			assert_int_not_equal(p.layers[3].status,
			    ST_LS_MALFORMED);
	}
}

static void
test_conn(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_num(QC_CI, 1);
	assert_chain(p, "eth ipv4 udp quic");
	assert_int_equal(fval(p, "quic.connection.number"), 0);
	assert_int_equal(fval(p, "quic.scil"), 4);
	p = decode_num(QC_SI, 2);
	assert_int_equal(fval(p, "quic.connection.number"), 0);
	assert_int_equal(fval(p, "quic.scil"), 6);

	p = decode_num(QC_CS, 3);
	assert_int_equal(fval(p, "quic.connection.number"), 0);
	assert_int_equal(fval(p, "quic.header_form"), 0);
	assert_int_equal(field_n(p, "quic.dcid", 0)->bits, 48);
	assert_int_equal(field_n(p, "quic.dcid", 0)->bitoff, 43 * 8);
	assert_int_equal(field_n(p, "quic.remaining_payload", 0)->bits,
	    20 * 8);
	assert_int_equal(layer(p, "quic")->status, ST_LS_OK);

	p = decode_num(QC_SS, 4);
	assert_int_equal(field_n(p, "quic.dcid", 0)->bits, 32);
	assert_int_equal(field_n(p, "quic.remaining_payload", 0)->bits,
	    20 * 8);

	/* The server's Initial again: the same connection. */
	p = decode_num(QC_SI, 5);
	assert_int_equal(fval(p, "quic.connection.number"), 0);

	/* Every prefix of a short header of a known connection. */
	sweep_num(QC_CS, 6);
	p = decode_num(QC_SS, 7);
	assert_int_equal(field_n(p, "quic.dcid", 0)->bits, 32);
}

static void
test_new_capture(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_num(QC_CI, 1);
	p = decode_num(QC_SI, 2);
	/* Frame numbers start again: a new capture knows no connection. */
	p = decode_num(QC_CS, 1);
	assert_false(has_field(p, "quic.dcid"));
	assert_false(has_field(p, "quic.connection.number"));
	assert_int_equal(field_n(p, "quic.remaining_payload", 0)->bits,
	    26 * 8);
	p = decode_num(QC_CI, 2);
	assert_int_equal(fval(p, "quic.connection.number"), 0);
	p = decode_num(QC_SI, 3);
	p = decode_num(QC_CS, 4);
	assert_true(has_field(p, "quic.dcid"));
	sweep_prefixes(DLT_EN10MB, QC_CI);
	sweep_prefixes(DLT_EN10MB, QC_SI);
}

/* The server's short header before any Initial: no connection. */
static void
test_unknown(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_num(QC_SS, 1);
	assert_false(has_field(p, "quic.dcid"));
	assert_int_equal(field_n(p, "quic.remaining_payload", 0)->bits,
	    24 * 8);
	assert_int_equal(layer(p, "quic")->status, ST_LS_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conn),
		cmocka_unit_test(test_new_capture),
		cmocka_unit_test(test_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
