/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The F5 Ethernet trailer (src/proto/f5ethtrailer.c), found by its
 * heuristic after an Ethernet datagram: old-format low, medium and high
 * TLVs behind zero padding; a new-format trailer with noise TLVs and an
 * unknown provider's; the fuzzed ARP frame on which Wireshark's heuristic
 * reads past the trailer (frame 41 of ../shared/corpus/arp-oobr.pcap),
 * shown malformed; bad lengths; every whole frame cut short inside the
 * trailer and every prefix of the captures.  The values were checked
 * against tshark 4.0's reading of the same frames.
 */
#include "testutil.h"

/* ARP, 18 zero bytes of padding, then old low v1 ("web"), medium v0
 * (29 bytes) and high v0 (42 bytes) TLVs. */
#define F5_OLD \
	"ffffffffffff001f29da2d7908060001080006040001001f29da2d79c0a80168" \
	"000000000000c0a8010100000000000000000000000000000000000001080101" \
	"000203776562021b00000000001122334400000000556677880000001001000000" \
	"000003280006000a00000000000000000000ffff0a00000100000000000000000000" \
	"ffff0a00000200503039"

/* IPv4/UDP padded to 60 bytes, then a new-format trailer: low v3, medium
 * v4 with an RST cause, high v1 (a route-domain address), provider 7. */
#define F5_NEW \
	"00112233445500aabbccddee08004500001c0001000040110000c0a80001c0a8" \
	"000204d2162e00080000000000000000000000000000000000000000f5deb0f5" \
	"0085000100010001001000030301030476737276000100020032000400000000" \
	"00000abc0000000000000def0000000100000002030000000000050a01000012" \
	"34567800427800010003002f000111001400000000000000000000ffffac1000" \
	"01262000000c10f50100000007c0a80909003514e900070009000c0001616263" \
	"64"

/* Frame 41 of arp-oobr.pcap: 11 zeros, then 7 bytes Wireshark reads 4
 * bytes past. */
#define F5_OVERRUN \
	"ffffffffffff001f29da2d7908060001080006040001001f29da2d79c0a80168" \
	"000000000000c0a801010000000000000000000000400000000000aa"

/* The new-format frame with its first TLV's length 0x00ff: past the end. */
#define F5_BADLEN \
	"00112233445500aabbccddee08004500001c0001000040110000c0a80001c0a8" \
	"000204d2162e00080000000000000000000000000000000000000000f5deb0f5" \
	"0018000100010001" "00ff" "00030301030476737276"

/* An old medium v1 TLV whose RST cause length contradicts its own. */
#define F5_OLDBAD \
	"ffffffffffff001f29da2d7908060001080006040001001f29da2d79c0a80168" \
	"000000000000c0a8010100000000000000000000000000000000000002" "1c" \
	"01" "0000000011223344000000005566778800000010010000000000" "05"

static const char *
text_of(const struct st_packet *p, const char *name)
{
	return field_n(p, name, 0)->meaning;
}

static void
test_f5_old(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, F5_OLD);
	assert_chain(p, "eth arp trailer f5ethtrailer");
	assert_int_equal(last_layer(p, "f5ethtrailer")->status, ST_LS_OK);
	assert_int_equal(last_layer(p, "f5ethtrailer")->off, 60);
	assert_true(has_field(p, "eth.padding"));
	assert_false(has_field(p, "eth.trailer"));
	assert_int_equal(fval(p, "f5ethtrailer.type"), 1);
	assert_int_equal(field_n(p, "f5ethtrailer.type", 1)->val, 2);
	assert_int_equal(field_n(p, "f5ethtrailer.type", 2)->val, 3);
	assert_int_equal(fval(p, "f5ethtrailer.length"), 8);
	assert_int_equal(fval(p, "f5ethtrailer.version"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.ingress"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.slot"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.tmm"), 2);
	assert_int_equal(fval(p, "f5ethtrailer.vipnamelen"), 3);
	assert_string_equal(text_of(p, "f5ethtrailer.vip"), "web");
	assert_int_equal(fval(p, "f5ethtrailer.flowid"), 0x11223344);
	assert_int_equal(fval(p, "f5ethtrailer.peerid"), 0x55667788);
	assert_int_equal(fval(p, "f5ethtrailer.cfflags"), 0x10);
	assert_int_equal(fval(p, "f5ethtrailer.flowtype"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.peeripproto"), 6);
	assert_int_equal(fval(p, "f5ethtrailer.peervlan"), 10);
	assert_int_equal(fval(p, "f5ethtrailer.peerremoteaddr"), 0x0a000001);
	assert_int_equal(fval(p, "f5ethtrailer.peerlocaladdr"), 0x0a000002);
	assert_int_equal(fval(p, "f5ethtrailer.peerremoteport"), 80);
	assert_int_equal(fval(p, "f5ethtrailer.peerlocalport"), 12345);
	sweep_prefixes(DLT_EN10MB, F5_OLD);
}

static void
test_f5_new(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, F5_NEW);
	assert_chain(p, "eth ipv4 udp trailer f5ethtrailer");
	assert_int_equal(last_layer(p, "f5ethtrailer")->status, ST_LS_OK);
	assert_int_equal(fval(p, "f5ethtrailer.trailer_magic"), 0xf5deb0f5);
	assert_int_equal(fval(p, "f5ethtrailer.trailer_length"), 133);
	assert_int_equal(fval(p, "f5ethtrailer.trailer_version"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.provider"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.version"), 3);
	assert_int_equal(fval(p, "f5ethtrailer.flags"), 3);
	assert_int_equal(fval(p, "f5ethtrailer.flags.ingress"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.flags.hwaction"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.slot"), 2);
	assert_int_equal(fval(p, "f5ethtrailer.tmm"), 3);
	assert_string_equal(text_of(p, "f5ethtrailer.vip"), "vsrv");
	assert_int_equal(fval(p, "f5ethtrailer.flowid"), 0xabc);
	assert_int_equal(fval(p, "f5ethtrailer.peerid"), 0xdef);
	assert_int_equal(fval(p, "f5ethtrailer.cfflags2"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.priority"), 5);
	assert_int_equal(fval(p, "f5ethtrailer.rstcauselen"), 10);
	assert_int_equal(fval(p, "f5ethtrailer.rstcausepeer"), 1);
	assert_int_equal(fval(p, "f5ethtrailer.rstcauseval"), 0x12345678);
	assert_int_equal(fval(p, "f5ethtrailer.rstcauseline"), 66);
	assert_string_equal(text_of(p, "f5ethtrailer.rstcausetxt"), "x");
	assert_int_equal(fval(p, "f5ethtrailer.peerremoteaddr"), 0xac100001);
	assert_int_equal(fval(p, "f5ethtrailer.peerlocaladdr"), 0xc0a80909);
	assert_int_equal(fval(p, "f5ethtrailer.peerlocalrtdom"), 7);
	assert_int_equal(fval(p, "f5ethtrailer.peerremoteport"), 53);
	assert_int_equal(field_n(p, "f5ethtrailer.provider", 3)->val, 7);
	assert_true(has_field(p, "f5ethtrailer.data"));
	sweep_prefixes(DLT_EN10MB, F5_NEW);
}

static void
test_f5_overrun(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	p = decode_hex(DLT_EN10MB, F5_OVERRUN);
	assert_chain(p, "eth arp trailer f5ethtrailer");
	ly = last_layer(p, "f5ethtrailer");
	assert_int_equal(ly->status, ST_LS_MALFORMED);
	assert_int_equal(ly->nfields, 0);
	assert_false(has_field(p, "eth.trailer"));
	sweep_prefixes(DLT_EN10MB, F5_OVERRUN);
}

static void
test_f5_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, F5_BADLEN);
	assert_int_equal(last_layer(p, "f5ethtrailer")->status,
	    ST_LS_MALFORMED);
	assert_int_equal(fval(p, "f5ethtrailer.length"), 255);
	/* Wireshark's dissector gives that one back: eth.trailer shows it. */
	p = decode_hex(DLT_EN10MB, F5_OLDBAD);
	assert_null(last_layer(p, "f5ethtrailer"));
	assert_true(has_field(p, "eth.trailer"));
	sweep_prefixes(DLT_EN10MB, F5_BADLEN);
	sweep_prefixes(DLT_EN10MB, F5_OLDBAD);
}

/* Every whole frame cut inside the trailer: a trailer of its own length,
 * decoded within its bytes. */
static void
cut_whole(const char *hex, size_t from)
{
	static struct st_packet p;
	size_t n = hexbytes(hex), k, i;
	uint8_t *b;

	for (k = from; k < n; k++) {
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)k);
		st_decode(&p, DLT_EN10MB);
		for (i = 0; i < p.nlayers; i++)
			assert_true(p.layers[i].off + p.layers[i].len <= k);
		for (i = 0; i < p.nfields; i++)
			assert_true((p.fields[i].bitoff + p.fields[i].bits +
			    7) / 8 <= k);
		free(b);
	}
}

static void
test_f5_cut(void **state)
{
	(void)state;
	cut_whole(F5_OLD, 42);
	cut_whole(F5_NEW, 42);
	cut_whole(F5_OVERRUN, 42);
	cut_whole(F5_BADLEN, 42);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_f5_old),
		cmocka_unit_test(test_f5_new),
		cmocka_unit_test(test_f5_overrun),
		cmocka_unit_test(test_f5_bad),
		cmocka_unit_test(test_f5_cut),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
