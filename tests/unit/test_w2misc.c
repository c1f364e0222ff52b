/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The w2misc family: OpenFlow 1.0 and 1.3, Frame Relay's longer addresses
 * and IS-IS over it, from hand-written bytes (those
 * captures/make-w2misc.py writes): exact field values, every shorter
 * prefix decoded without a read past it and marked truncated, and
 * malformed variants.
 */
#include "testutil.h"

#include <stdio.h>

#define OF_HELLO \
	"020000000002020000000001080045000038000100004006ee97c6120001" \
	"c61200029c4019fd00000001000000015018ffff692b0000040000100000" \
	"00010001000800000010"
#define OF_ECHO \
	"02000000000202000000000108004500003d000100004006ee92c6120002" \
	"c612000119fd9c4000000001000000115018ffff3f030000040200150000" \
	"0002000102030405060708090a0b0c"
#define OF_FEAT \
	"020000000002020000000001080045000048000100004006ee87c6120001" \
	"c61200029c4019fd00000011000000165018ffff72db0000040600200000" \
	"0003000026a2b46fd9ba00000100400000000000004f00000000"
#define OF_PIN \
	"020000000002020000000001080045000081000100004006ee4ec6120001" \
	"c61200029c4019fd00000031000000165018ffffeede0000040a00590000" \
	"0000ffffffff002f0000ffffffffffffffff0001000c8000000400000001" \
	"0000000000000200000000bb0200000000aa080045000021000100004011" \
	"66c90a0000010a00000213881389000d80ee68656c6c6f"
#define OF_POUT \
	"02000000000202000000000108004500007f000100004006ee50c6120002" \
	"c612000119fd9c40000000160000008a5018ffff6ea70000040d00570000" \
	"0004ffffffff00000001001000000000000000000010fffffffbffff0000" \
	"000000000200000000bb0200000000aa08004500002100010000401166c9" \
	"0a0000010a00000213881389000d80ee68656c6c6f"
#define OF_FMOD \
	"020000000002020000000001080045000070000100004006ee5fc6120002" \
	"c612000119fd9c400000006d0000008a5018ffff50ce0000040e00480000" \
	"0005000000000001e24000000000000000000000003c00000064ffffffff" \
	"ffffffffffffffff000100000001001280000a020800800018040a000002" \
	"000000000000"
#define OF_MP \
	"020000000002020000000001080045000040000100004006ee8fc6120002" \
	"c612000119fd9c40000000b50000008a5018ffff63c50000041200100000" \
	"000600000000000000000414000800000007"
#define OF_ERR \
	"02000000000202000000000108004500004c000100004006ee83c6120001" \
	"c61200029c4019fd0000008a000000cd5018ffff811a0000040100240000" \
	"000500050006040e004800000005000000000001e2400000000000000000"
#define OF_CONT \
	"020000000002020000000001080045000050000100004006ee7fc6120001" \
	"c61200029c4019fd000000ae000000cd5018ffffee320000000102030405" \
	"060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223" \
	"24252627"
#define OF_LONG \
	"020000000002020000000001080045000030000100004006ee9fc6120001" \
	"c61200029c4019fd000000d6000000cd5018ffff67740000040000400000" \
	"0008"
#define OF10_HELLO \
	"020000000002020000000001080045000030000100004006ee9fc6120001" \
	"c61200029c4019e900000001000000015018ffff6c600000010000080000" \
	"0009"
#define OF10_FEAT \
	"020000000002020000000001080045000048000100004006ee87c6120001" \
	"c61200029c4019e900000009000000015018ffffe5a20000010600200000" \
	"000a000100255cab0c07000002200b0000000000008700000fff"
#define OF_BADELEM \
	"020000000002020000000001080045000038000100004006ee97c6120001" \
	"c61200029c4119fd00000001000000015018ffff69260000040000100000" \
	"000b0001000200000010"
#define OF_BADMATCH \
	"020000000002020000000001080045000048000100004006ee87c6120001" \
	"c61200029c4219fd00000001000000015018ffff68440000040a00200000" \
	"000cffffffff000000000000000000000000000100c800000000"
#define OF_SHORTLEN \
	"020000000002020000000001080045000030000100004006ee9fc6120001" \
	"c61200029c4319fd00000001000000015018ffff69470000040200040000" \
	"000d"

static void
test_openflow13(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, OF_HELLO);
	assert_chain(p, "eth ipv4 tcp openflow openflow_v4");
	assert_int_equal(layer(p, "openflow")->hdr_len, 0);
	assert_int_equal(fval(p, "openflow_v4.version"), 4);
	assert_int_equal(fval(p, "openflow_v4.type"), 0);
	assert_int_equal(fval(p, "openflow_v4.length"), 16);
	assert_int_equal(fval(p, "openflow_v4.xid"), 1);
	assert_int_equal(fval(p, "openflow_v4.hello_element.type"), 1);
	assert_int_equal(field_n(p, "openflow_v4.hello_element.version.bitmap",
	    0)->bits, 32);

	p = decode_hex(DLT_EN10MB, OF_ECHO);
	assert_int_equal(fval(p, "openflow_v4.type"), 2);
	assert_int_equal(field_n(p, "openflow_v4.echo.data", 0)->bits, 13 * 8);

	p = decode_hex(DLT_EN10MB, OF_FEAT);
	assert_int_equal(fval(p, "openflow_v4.switch_features.datapath_id"),
	    0x26a2b46fd9baULL);
	assert_int_equal(fval(p, "openflow_v4.switch_features.n_buffers"),
	    256);
	assert_int_equal(fval(p, "openflow_v4.switch_features.n_tables"), 64);
	assert_int_equal(fval(p,
	    "openflow_v4.switch_features.capabilities.queue_stats"), 1);
	assert_int_equal(fval(p,
	    "openflow_v4.switch_features.capabilities.ip_reasm"), 0);

	/* The frame a packet-in carries goes through the registry. */
	p = decode_hex(DLT_EN10MB, OF_PIN);
	assert_chain(p, "eth ipv4 tcp openflow openflow_v4 eth ipv4 udp data");
	assert_int_equal(fval(p, "openflow_v4.packet_in.total_len"), 47);
	assert_int_equal(fval(p, "openflow_v4.match.length"), 12);
	assert_int_equal(fval(p, "openflow_v4.oxm.class"), 0x8000);
	assert_int_equal(fval(p, "openflow_v4.oxm.value_uint32"), 1);
	assert_int_equal(field_n(p, "udp.dstport", 0)->val, 5001);
	assert_int_equal(p->layers[5].depth, 1);

	p = decode_hex(DLT_EN10MB, OF_POUT);
	assert_chain(p, "eth ipv4 tcp openflow openflow_v4 eth ipv4 udp data");
	assert_int_equal(fval(p, "openflow_v4.packet_out.acts_len"), 16);
	assert_int_equal(fval(p, "openflow_v4.action.output.port"),
	    0xfffffffbU);
	assert_int_equal(fval(p, "openflow_v4.action.output.max_len"), 0xffff);

	p = decode_hex(DLT_EN10MB, OF_FMOD);
	assert_int_equal(fval(p, "openflow_v4.flowmod.cookie"), 0x1e240);
	assert_int_equal(fval(p, "openflow_v4.flowmod.idle_timeout"), 60);
	assert_int_equal(fval(p, "openflow_v4.flowmod.priority"), 100);
	assert_int_equal(fval(p, "openflow_v4.flowmod.flags.send_flow_rem"), 1);
	assert_int_equal(fval(p, "openflow_v4.oxm.value_ethertype"), 0x0800);
	assert_int_equal(fval(p, "openflow_v4.oxm.value_ipv4addr"),
	    0x0a000002);
	assert_int_equal(fval(p, "openflow_v4.match.length"), 18);

	/* Two messages in one segment: two layers. */
	p = decode_hex(DLT_EN10MB, OF_MP);
	assert_chain(p, "eth ipv4 tcp openflow openflow_v4 openflow_v4");
	assert_int_equal(fval(p, "openflow_v4.multipart_request.type"), 0);
	assert_int_equal(field_n(p, "openflow_v4.type", 1)->val, 20);

	/* An error quotes the header of the request it refuses. */
	p = decode_hex(DLT_EN10MB, OF_ERR);
	assert_int_equal(fval(p, "openflow_v4.error.type"), 5);
	assert_int_equal(fval(p, "openflow_v4.error.code"), 6);
	assert_int_equal(field_n(p, "openflow_v4.type", 1)->val, 14);
	assert_int_equal(field_n(p, "openflow_v4.length", 1)->val, 72);

	/* The middle of a message: not claimed. */
	p = decode_hex(DLT_EN10MB, OF_CONT);
	assert_chain(p, "eth ipv4 tcp data");

	/* A message going on in a later segment: a note, not an error. */
	p = decode_hex(DLT_EN10MB, OF_LONG);
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_OK);
	assert_true(has_note(p, "continues in a later segment"));

	sweep_trunc("openflow_v4", 62, OF_HELLO, 0);
	sweep_trunc("openflow_v4", 62, OF_FEAT, 0);
	sweep_trunc("openflow_v4", 62, OF_PIN, 0);
	sweep_trunc("openflow_v4", 62, OF_POUT, 0);
	sweep_trunc("openflow_v4", 62, OF_FMOD, 0);
	sweep_trunc("openflow_v4", 62, OF_MP, 1);
	sweep_trunc("openflow_v4", 62, OF_ERR, 0);

	p = decode_hex(DLT_EN10MB, OF_BADELEM);
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, OF_BADMATCH);
	assert_int_equal(layer(p, "openflow_v4")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, OF_SHORTLEN);
	assert_chain(p, "eth ipv4 tcp data");
}

static void
test_openflow10(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, OF10_HELLO);
	assert_chain(p, "eth ipv4 tcp openflow openflow_v1");
	assert_int_equal(fval(p, "openflow.version"), 1);
	assert_int_equal(fval(p, "openflow_1_0.type"), 0);
	assert_int_equal(fval(p, "openflow.xid"), 9);

	p = decode_hex(DLT_EN10MB, OF10_FEAT);
	assert_int_equal(fval(p, "openflow.datapath_id"), 0x000100255cab0c07ULL);
	assert_int_equal(fval(p, "openflow.n_buffers"), 544);
	assert_int_equal(fval(p, "openflow.n_tables"), 11);
	assert_int_equal(fval(p, "openflow.capabilities"), 0x87);
	assert_int_equal(fval(p, "openflow.actions"), 0xfff);
	sweep_trunc("openflow_v1", 62, OF10_FEAT, 0);
}

#define FR4_ISIS \
	"0420061103831b010012010000003904b001920168000100000000002a0d" \
	"4b030104034900018102cc8e8906656467652d318604c61200018404c612" \
	"0001"
#define FR3_IP \
	"042015080045000020000100004001eeb4c6120001c61200020800333100" \
	"07000161626364"
#define FR4_DLCORE \
	"1c000c0703cc45000020000100004001eeb4c6120001c612000208003331" \
	"0007000161626364"
#define FR_LAPF \
	"0001e8220000000000000000"
/* Five address octets: not Q.922. */
#define FR_ADDR5 \
	"042006081003cc"

static void
fr_sweep(const char *hex)
{
	static struct st_packet p;
	size_t n = hexbytes(hex), k;
	uint8_t *b;

	sweep_prefixes(DLT_FRELAY, hex);
	for (k = 1; k < 5; k++) {
		n = hexbytes(hex);
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_FRELAY);
		assert_int_equal(p.layers[0].status, ST_LS_TRUNCATED);
		free(b);
	}
}

static void
test_fr(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* 4 octets, DLCI bits in all: IS-IS by its NLPID. */
	p = decode_hex(DLT_FRELAY, FR4_ISIS);
	assert_chain(p, "fr isis isis-lsp");
	assert_int_equal(fval(p, "fr.dlci"), 147652);
	assert_int_equal(fval(p, "fr.third_dlci"), 3);
	assert_int_equal(fval(p, "fr.lower_dlci"), 4);
	assert_int_equal(fval(p, "fr.dc"), 0);
	assert_int_equal(layer(p, "fr")->hdr_len, 5);
	assert_int_equal(layer(p, "isis")->off, 5);

	p = decode_hex(DLT_FRELAY, FR3_IP);
	assert_chain(p, "fr ipv4 icmp data");
	assert_int_equal(fval(p, "fr.dlci"), 1157);
	assert_int_equal(fval(p, "fr.lower_dlci"), 5);
	assert_int_equal(fval(p, "fr.chdlctype"), 0x0800);
	assert_false(has_field(p, "fr.third_dlci"));

	/* DC set: the last 6 bits are DL-CORE control, no DLCI. */
	p = decode_hex(DLT_FRELAY, FR4_DLCORE);
	assert_chain(p, "fr ipv4 icmp data");
	assert_int_equal(fval(p, "fr.dlci"), 14342);
	assert_int_equal(fval(p, "fr.dlcore_control"), 1);
	assert_int_equal(fval(p, "fr.nlpid"), 0xcc);

	p = decode_hex(DLT_FRELAY, FR_LAPF);
	assert_chain(p, "fr data");
	assert_int_equal(fval(p, "fr.control"), 0xe8);

	p = decode_hex(DLT_FRELAY, FR_ADDR5);
	assert_chain(p, "fr data");
	assert_false(has_field(p, "fr.dlci"));

	fr_sweep(FR4_ISIS);
	fr_sweep(FR3_IP);
	fr_sweep(FR4_DLCORE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openflow13),
		cmocka_unit_test(test_openflow10),
		cmocka_unit_test(test_fr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
