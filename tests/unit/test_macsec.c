/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MACsec (src/proto/macsec.c): the SecTAG's fields, the ICV after the
 * data (after SL bytes of it, or the frame's last 16), the frame decoded
 * on by its EtherType when in clear and shown as bytes when encrypted,
 * and every shorter prefix decoded without a read past it.  The frames
 * are those of tcpdump's macsec-short-valid and macsec-integonly tests.
 */
#include "testutil.h"

/* SL 34: an IPv4/UDP datagram of 32 bytes and its EtherType, then the
 * ICV. */
#define SHORT \
	"b6b95d808d79caf9df4f509a88e5202200000042caf9df4f509a00640800" \
	"450000202df140004011a787c0a87201c0a8720292531a0a000c89e7313233" \
	"0a079d1505db571783ceb1aec143e4e374"
#define ICV_SHORT	"079d1505db571783ceb1aec143e4e374"

/* SL 0: an ICMP echo request, the ICV the frame's last 16 bytes. */
#define LONG \
	"3e6ff374237c2eb73f3995c388e52000000000442eb73f3995c3000108004500" \
	"0054d120400040010634c0a87101c0a8710208007ed803b4000149331a570000" \
	"00004f15040000000000101112131415161718191a1b1c1d1e1f202122232425" \
	"262728292a2b2c2d2e2f3031323334353637deba93240fad9a4c3b74722f7470" \
	"752b"

static void
icv_is(const struct st_packet *p, const char *hex)
{
	const struct st_field *f = field_n(p, "macsec.ICV", 0);
	const uint8_t *b;
	size_t n, want = hexbytes(hex);

	assert_non_null(f);
	b = st_field_bytes(p, f, &n);
	assert_int_equal(n, want);
	assert_memory_equal(b, tbuf, n);
}

static void
test_macsec_short(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, SHORT);
	assert_chain(p, "eth macsec ipv4 udp data");
	assert_int_equal(fval(p, "macsec.TCI"), 0x08);
	assert_int_equal(fval(p, "macsec.TCI.SC"), 1);
	assert_int_equal(fval(p, "macsec.TCI.E"), 0);
	assert_int_equal(fval(p, "macsec.AN"), 0);
	assert_int_equal(fval(p, "macsec.SL"), 34);
	assert_int_equal(fval(p, "macsec.PN"), 66);
	assert_int_equal(fval(p, "macsec.SCI.system_identifier"),
	    0xcaf9df4f509au);
	assert_int_equal(fval(p, "macsec.SCI.port_identifier"), 100);
	assert_int_equal(fval(p, "macsec.etype"), 0x0800);
	icv_is(p, ICV_SHORT);
	sweep_prefixes(DLT_EN10MB, SHORT);
	/* Padded after the ICV: still the ICV after SL bytes, and the
	 * padding the layer's (no trailer), as tshark reads it. */
	p = decode_hex(DLT_EN10MB, SHORT "000000000000");
	assert_chain(p, "eth macsec ipv4 udp data");
	icv_is(p, ICV_SHORT);
}

static void
test_macsec_long(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, LONG);
	assert_chain(p, "eth macsec ipv4 icmp data");
	assert_int_equal(fval(p, "macsec.SL"), 0);
	assert_int_equal(fval(p, "macsec.PN"), 68);
	icv_is(p, "deba93240fad9a4c3b74722f7470752b");
	sweep_prefixes(DLT_EN10MB, LONG);
}

/* E and C set: the data is bytes, the ICV still the last 16. */
static void
test_macsec_encrypted(void **state)
{
	const struct st_packet *p;
	char hex[sizeof(LONG)];

	(void)state;
	memcpy(hex, LONG, sizeof(LONG));
	memcpy(hex + 28, "2c", 2);
	p = decode_hex(DLT_EN10MB, hex);
	assert_chain(p, "eth macsec data");
	assert_int_equal(fval(p, "macsec.TCI.E"), 1);
	assert_int_equal(fval(p, "macsec.TCI.C"), 1);
	assert_int_equal(fval(p, "data.len"), 116 - 14 - 16);
	assert_false(has_field(p, "macsec.etype"));
	icv_is(p, "deba93240fad9a4c3b74722f7470752b");
	sweep_prefixes(DLT_EN10MB, hex);
}

/* Cut inside the SecTAG: the layer is truncated; version 1: malformed. */
static void
test_macsec_cut(void **state)
{
	static struct st_packet p;
	size_t n, k;
	uint8_t *b;
	char hex[sizeof(SHORT)];

	(void)state;
	for (k = 15; k < 28; k++) {
		n = hexbytes(SHORT);
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		assert_int_equal(last_layer(&p, "macsec")->status,
		    ST_LS_TRUNCATED);
		free(b);
	}
	memcpy(hex, SHORT, sizeof(SHORT));
	memcpy(hex + 28, "a2", 2);
	assert_int_equal(last_layer(decode_hex(DLT_EN10MB, hex),
	    "macsec")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_macsec_short),
		cmocka_unit_test(test_macsec_long),
		cmocka_unit_test(test_macsec_encrypted),
		cmocka_unit_test(test_macsec_cut),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
