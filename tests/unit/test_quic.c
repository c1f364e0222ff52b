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
#include "../../src/proto/quic.h"

/* RFC 9001 A.3: the server's Initial of the connection whose client
 * chose destination ID 8394c8f03e515708, protected, and its payload. */
#define A3_PACKET \
	"cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a" \
	"5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a1839b3" \
	"dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84" \
	"022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc4" \
	"2158407dd074ee"
#define A3_PLAIN \
	"02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf739" \
	"88cfc79825df566dc5430b9a045a1200130100002e00330024001d00209d3c94" \
	"0d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a002b00" \
	"020304"

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

/* RFC 9001 A.1 to A.3: the keys, the mask and the opened payload. */
static void
test_initial_vectors(void **state)
{
	static const uint8_t dcid[8] = { 0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51,
	    0x57, 0x08 };
	static const uint8_t ckey[16] = { 0x1f, 0x36, 0x96, 0x13, 0xdd, 0x76,
	    0xd5, 0x46, 0x77, 0x30, 0xef, 0xcb, 0xe3, 0xb1, 0xa2, 0x2d };
	static const uint8_t civ[12] = { 0xfa, 0x04, 0x4b, 0x2f, 0x42, 0xa3,
	    0xfd, 0x3b, 0x46, 0xfb, 0x25, 0x5c };
	static const uint8_t chp[16] = { 0x9f, 0x50, 0x44, 0x9e, 0x04, 0xa0,
	    0xe8, 0x10, 0x28, 0x3a, 0x1e, 0x99, 0x33, 0xad, 0xed, 0xd2 };
	static const uint8_t csample[16] = { 0xd1, 0xb1, 0xc9, 0x8d, 0xd7,
	    0x68, 0x9f, 0xb8, 0xec, 0x11, 0xd2, 0x42, 0xb1, 0x23, 0xdc, 0x9b };
	static uint8_t pkt[256], plain[256], out[256];
	struct quic_keys k;
	uint8_t mask[16];
	size_t n, m, i, pnl;
	uint64_t pn = 0;

	(void)state;
	assert_int_equal(st_quic_initial_keys(1, dcid, 8, 0, &k), 0);
	assert_memory_equal(k.key, ckey, 16);
	assert_memory_equal(k.iv, civ, 12);
	assert_memory_equal(k.hp, chp, 16);
	st_quic_hp_mask(&k, csample, mask);
	assert_int_equal(mask[0], 0x43);
	assert_int_equal(mask[1], 0x7b);
	assert_int_equal(mask[4], 0x36);
	assert_int_equal(st_quic_initial_keys(0x12345678, dcid, 8, 0, &k), -1);

	/* The server's Initial, byte-exact. */
	m = hexbytes(A3_PLAIN);
	memcpy(plain, tbuf, m);
	n = hexbytes(A3_PACKET);
	memcpy(pkt, tbuf, n);
	assert_int_equal(st_quic_initial_keys(1, dcid, 8, 1, &k), 0);
	st_quic_hp_mask(&k, pkt + 18 + 4, mask);
	pkt[0] ^= mask[0] & 0x0f;
	assert_int_equal(pkt[0], 0xc1);
	pnl = (pkt[0] & 3) + 1;
	for (i = 0; i < pnl; i++) {
		pkt[18 + i] ^= mask[1 + i];
		pn = pn << 8 | pkt[18 + i];
	}
	assert_int_equal(pn, 1);
	assert_int_equal(n - 18 - pnl - 16, m);
	assert_int_equal(st_quic_open(&k, pn, pkt, 18 + pnl, pkt + 18 + pnl,
	    n - 18 - pnl, out), 0);
	assert_memory_equal(out, plain, m);
	/* One bit changed: the tag fails. */
	pkt[40] ^= 1;
	assert_int_equal(st_quic_open(&k, pn, pkt, 18 + pnl, pkt + 18 + pnl,
	    n - 18 - pnl, out), -1);
}

/* The frame_type row of QUIC's table (the frame rows follow it). */
static const struct st_field_desc *
ftype_row(void)
{
	size_t i;

	for (i = 0; i < st_proto_quic.nfields; i++)
		if (strcmp(st_proto_quic.fields[i].name, "quic.frame_type") == 0)
			return &st_proto_quic.fields[i];
	fail();
	return NULL;
}

/* Walks the frames of b (n bytes) into a packet of one QUIC layer. */
static int
frames(struct st_packet *p, const uint8_t *b, size_t n)
{
	struct st_dctx d;

	memset(&d, 0, sizeof(d));
	st_pkt_reset(p, b, (uint32_t)n, (uint32_t)n);
	d.pkt = p;
	d.ly = st_pkt_add_layer(p, &st_proto_quic, 0, 0);
	return st_quic_frames(&d, b, n, ftype_row(), NULL);
}

/* RFC 9001 A.3's opened payload: ACK then CRYPTO; every prefix; others. */
static void
test_frames(void **state)
{
	static struct st_packet p;
	static uint8_t plain[256];
	size_t m, k;
	int rc;

	(void)state;
	m = hexbytes(A3_PLAIN);
	memcpy(plain, tbuf, m);
	assert_int_equal(frames(&p, plain, m), 0);
	assert_int_equal(field_n(&p, "quic.frame_type", 0)->val, 2);
	assert_int_equal(fval(&p, "quic.ack.largest_acknowledged"), 0);
	assert_int_equal(fval(&p, "quic.ack.ack_delay"), 0);
	assert_int_equal(fval(&p, "quic.ack.ack_range_count"), 0);
	assert_int_equal(fval(&p, "quic.ack.first_ack_range"), 0);
	assert_int_equal(field_n(&p, "quic.frame_type", 1)->val, 6);
	assert_int_equal(fval(&p, "quic.crypto.offset"), 0);
	assert_int_equal(fval(&p, "quic.crypto.length"), 90);
	assert_int_equal(p.nfields, 8);
	/* Every prefix: ends at a frame's end, or says it runs past. */
	for (k = 0; k < m; k++) {
		rc = frames(&p, plain, k);
		assert_int_equal(rc, k == 0 || k == 5 ? 0 : -1);
	}
	/* A PADDING run, PING, an ACK with a range and ECN counts. */
	m = hexbytes("0000000103050101020304010203");
	memcpy(plain, tbuf, m);
	assert_int_equal(frames(&p, plain, m), 0);
	assert_int_equal(fval(&p, "quic.padding_length"), 3);
	assert_int_equal(field_n(&p, "quic.frame_type", 1)->val, 1);
	assert_int_equal(field_n(&p, "quic.frame_type", 2)->val, 3);
	assert_int_equal(fval(&p, "quic.ack.largest_acknowledged"), 5);
	assert_int_equal(fval(&p, "quic.ack.gap"), 3);
	assert_int_equal(fval(&p, "quic.ack.ack_range"), 4);
	assert_int_equal(fval(&p, "quic.ack.ecn_ce_count"), 3);
	assert_int_equal(fval(&p, "quic.ack.first_ack_range"), 2);
	/* CONNECTION_CLOSE with its reason; an unknown type ends the walk. */
	m = hexbytes("1c4100060261620899");
	memcpy(plain, tbuf, m);
	assert_int_equal(frames(&p, plain, m), 1);
	assert_int_equal(fval(&p, "quic.cc.error_code"), 256);
	assert_int_equal(fval(&p, "quic.cc.frame_type"), 6);
	assert_int_equal(fval(&p, "quic.cc.reason_phrase.length"), 2);
	assert_int_equal(field_n(&p, "quic.frame_type", 1)->val, 8);
	/* A CRYPTO length past the payload. */
	m = hexbytes("06004400");
	memcpy(plain, tbuf, m);
	assert_int_equal(frames(&p, plain, m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conn),
		cmocka_unit_test(test_new_capture),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_initial_vectors),
		cmocka_unit_test(test_frames),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
