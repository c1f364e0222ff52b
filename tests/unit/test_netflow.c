/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The netflow family: NetFlow v1, v5 and v8 records field by field; v9
 * templates taught by one packet and used by the next, forgotten with
 * the capture; IPFIX with enterprise and variable-length elements; CoAP
 * options and payloads.  Truncated and malformed variants, and every
 * shorter prefix of a frame of each.
 */
#include "testutil.h"

/* NetFlow v1, two records, to 2055 (IPv4, raw). */
#define V1 "4500008c000140004011ae38c6120001c6120002c350080700789826" \
	"000100020036ee806553f100000001f40a0000010a000002c00002fe0003000400" \
	"00000a000005dc003567e00036ea989c400050000006101b000000000000000a00" \
	"00030a000004c00002fe00030004000000010000004c0036ee760036ee76003514" \
	"e9000011100000000000000000"

/* NetFlow v5, two records, sampling 1 in 100. */
static const uint8_t V5[] = {
	0x45, 0x00, 0x00, 0x94, 0x00, 0x01, 0x40, 0x00, 0x40, 0x11, 0xae,
	0x30, 0xc6, 0x12, 0x00, 0x01, 0xc6, 0x12, 0x00, 0x02, 0xc3, 0x50,
	0x08, 0x07, 0x00, 0x80, 0x52, 0xaf, 0x00, 0x05, 0x00, 0x02, 0x00,
	0x36, 0xee, 0x80, 0x65, 0x53, 0xf1, 0x00, 0x00, 0x00, 0x01, 0xf4,
	0x00, 0x00, 0x00, 0x4d, 0x00, 0x03, 0x40, 0x64, 0x0a, 0x00, 0x00,
	0x01, 0x0a, 0x00, 0x00, 0x02, 0xc0, 0x00, 0x02, 0xfe, 0x00, 0x03,
	0x00, 0x04, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x05, 0xdc, 0x00,
	0x35, 0x67, 0xe0, 0x00, 0x36, 0xea, 0x98, 0x9c, 0x40, 0x01, 0xbb,
	0x00, 0x12, 0x06, 0x10, 0xfd, 0xe9, 0xfd, 0xea, 0x18, 0x10, 0x00,
	0x00, 0x0a, 0x00, 0x01, 0x01, 0x0a, 0x00, 0x01, 0x02, 0xc0, 0x00,
	0x02, 0xfe, 0x00, 0x03, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02, 0x00,
	0x00, 0x00, 0x78, 0x00, 0x36, 0xea, 0x98, 0x00, 0x00, 0x03, 0xe8,
	0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x10, 0xfd, 0xe9, 0xfd,
	0xea, 0x18, 0x10, 0x00, 0x00,
};

/* NetFlow v8, aggregation method 5 (source and destination prefixes). */
#define V8 "45000060000140004011ae64c6120001c6120002c3500807004ceb4f" \
	"000800010036ee806553f100000001f40000005301020502000000000000000a00" \
	"000064000003e8003567e00036ea980a0000000a01000008100000fde9fdea0003" \
	"0004"

/* NetFlow v9: a data template (256), an options template (257) and two
 * records of 256. */
#define V9T "450000fc000140004011adc8c6120001c6120002c351080700e8cd03" \
	"000900030036ee806553f1010000000100000007000000500100001200080004" \
	"000c0004000f0004000a0002000e0002000200040001000400160004001500040007" \
	"0002000b0002000600010004000100050001001000020011000200090001000d00" \
	"010001001c010100080008000100040002000400220004002300010000010000" \
	"600a0000010a000002c00002fe000300040000000a000005dc003567e00036ea98" \
	"9c4000501b0600fde9fdea18100a0000050a000006c00002fe0003000400000003" \
	"000000b4003567e00036ea989c4101bb1b0600fde9fdea18100000"

/* The next packet: a record of 256 and one of the options template. */
#define V9D "45000078000140004011ae4cc6120001c6120002c35108070064d629" \
	"000900020036ee806553f1020000000200000007010000340a0000070a000008c0" \
	"0002fe00030004000000010000003c003567e00036ea989c4200161b0600fde9fd" \
	"ea181000000001010014c0000201000000030000006401000000"

/* IPFIX: a template of 13 elements (a reverse one, an enterprise one, an
 * interface name of variable length) and two records. */
#define IPFIX "450000ec000140004011add8c6120001c6120002c352128300d811db" \
	"000a00d06553f101000000010000002a000200440100000d00080004000c000400" \
	"38000600980008009900080001000800020004800100040000727980050002000030" \
	"390052ffff00070002000b0002000400010100007c0a0100010a010002020000000001" \
	"0000018bcfe5687b0000018bcfe56db000000000000005dc0000000500002328abcd" \
	"04657468309c400050060a0100030a0100040200000000010000018bcfe5687b0000" \
	"018bcfe56db000000000000000630000000500002328abcd0867652d302f302f319c" \
	"40005006"

/* CoAP: CON GET coap://example.net/sensors/temp?x=1, Observe, Accept. */
#define COAPGET "45000044000140004011ae80c6120001c61200029c40163300303348" \
	"44011234deadbeef3b6578616d706c652e6e6574305773656e736f72730474656d" \
	"7043783d312132"

/* Its ACK: 2.05 Content with Observe, Content-Format, Max-age, Block2. */
#define COAPACK "45000032000140004011ae92c6120002c612000116339c40001e139e" \
	"64451234deadbeef610560213c911aff32322e352043"

static char hexbuf[2048];

/* hex with the hex digits at digit offset at replaced by rep. */
static const char *
patch(const char *hex, size_t at, const char *rep)
{
	snprintf(hexbuf, sizeof(hexbuf), "%s", hex);
	memcpy(hexbuf + at, rep, strlen(rep));
	return hexbuf;
}

/* The first n bytes of hex, cut short as a capture would be. */
static const struct st_packet *
decode_cut(const char *hex, size_t n)
{
	size_t len = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)len);
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

static const char *
meaning(const struct st_packet *p, const char *name, unsigned nth)
{
	const char *m = field_n(p, name, nth)->meaning;

	assert_non_null(m);
	return m;
}

static int
fresh(void **state)
{
	(void)state;
	st_decode_forget();
	return 0;
}

static void
test_v1(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, V1);
	assert_chain(p, "ipv4 udp cflow");
	assert_int_equal(fval(p, "cflow.version"), 1);
	assert_int_equal(fval(p, "cflow.count"), 2);
	assert_string_equal(meaning(p, "cflow.sysuptime", 0), "3600.000000000");
	assert_string_equal(meaning(p, "cflow.timestamp", 0),
	    "Nov 14, 2023 22:13:20.000000500 UTC");
	assert_int_equal(field_n(p, "cflow.srcport", 1)->val, 53);
	assert_int_equal(field_n(p, "cflow.protocol", 1)->val, 17);
	assert_int_equal(fval(p, "cflow.octets"), 1500);
	assert_string_equal(meaning(p, "cflow.timedelta", 0),
	    "99.000000000");
	assert_string_equal(meaning(p, "cflow.timestart", 0),
	    "3500.000000000");
	assert_int_equal(fval(p, "cflow.tcpflags"), 0x1b);
	assert_int_equal(layer(p, "cflow")->status, ST_LS_OK);
	/* the capture ends inside the second record */
	p = decode_cut(V1, 120);
	assert_int_equal(layer(p, "cflow")->status, ST_LS_TRUNCATED);
	/* three records announced, two there */
	p = decode_hex(DLT_RAW, patch(V1, 60, "0003"));
	assert_int_equal(layer(p, "cflow")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, V1);
}

static void
test_v5(void **state)
{
	const struct st_packet *p;
	size_t i;
	char *hex = hexbuf;

	(void)state;
	for (i = 0; i < sizeof(V5); i++)
		hex += sprintf(hex, "%02x", V5[i]);
	p = decode_hex(DLT_RAW, hexbuf);
	assert_int_equal(fval(p, "cflow.version"), 5);
	assert_int_equal(fval(p, "cflow.sequence"), 77);
	assert_int_equal(fval(p, "cflow.samplingmode"), 1);
	assert_int_equal(fval(p, "cflow.samplerate"), 100);
	assert_int_equal(field_n(p, "cflow.srcas", 1)->val, 65001);
	assert_int_equal(field_n(p, "cflow.dstmask", 1)->val, 16);
	/* the second record's end is before its start: 32-bit wrap */
	assert_string_equal(meaning(p, "cflow.timedelta", 1),
	    "4291369.296000000");
	sweep_prefixes(DLT_RAW, hexbuf);
}

static void
test_v8(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, V8);
	assert_int_equal(layer(p, "cflow")->status, ST_LS_OK);
	assert_int_equal(fval(p, "cflow.aggmethod"), 5);
	assert_int_equal(fval(p, "cflow.flows"), 10);
	assert_int_equal(fval(p, "cflow.dstmask"), 16);
	assert_int_equal(fval(p, "cflow.outputint"), 4);
	assert_true(has_field(p, "cflow.dstnet"));
	/* a record announced that is not there */
	p = decode_hex(DLT_RAW, patch(V8, 60, "0002"));
	assert_int_equal(layer(p, "cflow")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, V8);
}

static void
test_v9_templates(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, V9T);
	assert_int_equal(layer(p, "cflow")->status, ST_LS_OK);
	assert_int_equal(fval(p, "cflow.source_id"), 7);
	assert_int_equal(field_n(p, "cflow.template_id", 1)->val, 257);
	assert_int_equal(fval(p, "cflow.option_scope_length"), 8);
	assert_int_equal(field_n(p, "cflow.srcport", 1)->val, 40001);
	assert_int_equal(field_n(p, "cflow.packets", 1)->val, 3);
	assert_string_equal(meaning(p, "cflow.timestart", 0),
	    "3500.000000000");
	assert_string_equal(meaning(p, "cflow.timedelta", 0), "99.000000000");
	assert_true(field_n(p, "cflow.tcpflags.syn", 0)->val == 1);
	/* the next packet reads its records by both templates */
	p = decode_hex(DLT_RAW, V9D);
	assert_int_equal(fval(p, "cflow.srcport"), 40002);
	assert_int_equal(fval(p, "cflow.scope_interface"), 3);
	assert_int_equal(fval(p, "cflow.sampling_interval"), 100);
	assert_true(has_field(p, "cflow.template_frame"));
	assert_false(has_field(p, "strata.cflow.no_template"));
	/* a new capture forgets them: the records are bytes */
	st_decode_forget();
	p = decode_hex(DLT_RAW, V9D);
	assert_true(has_field(p, "strata.cflow.no_template"));
	assert_false(has_field(p, "cflow.srcport"));
	sweep_prefixes(DLT_RAW, V9T);
}

static void
test_v9_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* the first set's length 2, shorter than its header */
	p = decode_hex(DLT_RAW, patch(V9T, 100, "0002"));
	assert_int_equal(layer(p, "cflow")->status, ST_LS_MALFORMED);
	/* a set longer than the message */
	p = decode_hex(DLT_RAW, patch(V9T, 100, "0400"));
	assert_int_equal(layer(p, "cflow")->status, ST_LS_MALFORMED);
	/* the capture ends inside the template */
	p = decode_cut(V9T, 70);
	assert_int_equal(layer(p, "cflow")->status, ST_LS_TRUNCATED);
	/* an unknown version is not NetFlow */
	p = decode_hex(DLT_RAW, patch(V9T, 56, "0006"));
	assert_null(last_layer(p, "cflow"));
}

static void
test_ipfix(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, IPFIX);
	assert_int_equal(layer(p, "cflow")->status, ST_LS_OK);
	assert_int_equal(fval(p, "cflow.len"), 208);
	assert_int_equal(fval(p, "cflow.od_id"), 42);
	assert_int_equal(fval(p, "cflow.template_ipfix_field_pen"), 29305);
	assert_int_equal(field_n(p, "cflow.template_ipfix_field_pen", 1)->val,
	    12345);
	assert_string_equal(meaning(p, "cflow.if_name", 1), "ge-0/0/1");
	assert_int_equal(fval(p, "cflow.string_len_short"), 4);
	assert_string_equal(meaning(p, "cflow.abstimestart", 0),
	    "Nov 14, 2023 22:13:20.123000000 UTC");
	/* octets: the 8-byte one, then the reverse element's */
	assert_int_equal(field_n(p, "cflow.octets", 0)->val, 1500);
	assert_int_equal(field_n(p, "cflow.octets", 1)->val, 9000);
	assert_true(has_field(p, "cflow.enterprise_private_entry"));
	assert_true(has_field(p, "cflow.srcmac"));
	/* a message length shorter than its header */
	p = decode_hex(DLT_RAW, patch(IPFIX, 60, "0008"));
	assert_int_equal(layer(p, "cflow")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, IPFIX);
}

static void
test_coap(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, COAPGET);
	assert_chain(p, "ipv4 udp coap");
	assert_int_equal(fval(p, "coap.type"), 0);
	assert_int_equal(fval(p, "coap.code"), 1);
	assert_int_equal(fval(p, "coap.mid"), 0x1234);
	assert_int_equal(fval(p, "coap.token_len"), 4);
	assert_string_equal(meaning(p, "coap.opt.uri_host", 0), "example.net");
	assert_string_equal(meaning(p, "coap.opt.uri_path", 1), "temp");
	assert_string_equal(meaning(p, "coap.opt.accept", 0),
	    "application/json");
	assert_string_equal(meaning(p, "coap.opt.name", 1), "#2: Observe");
	assert_string_equal(meaning(p, "coap.opt.desc", 0),
	    "Type 3, Critical, Unsafe");
	assert_string_equal(meaning(p, "coap.opt.uri_path_recon", 0),
	    "coap://example.net/sensors/temp");
	p = decode_hex(DLT_RAW, COAPACK);
	assert_int_equal(fval(p, "coap.code"), 69);
	assert_string_equal(meaning(p, "coap.opt.ctype", 0),
	    "text/plain; charset=utf-8");
	assert_int_equal(fval(p, "coap.opt.max_age"), 60);
	assert_int_equal(fval(p, "coap.opt.block_number"), 1);
	assert_int_equal(fval(p, "coap.opt.block_mflag"), 1);
	assert_int_equal(fval(p, "coap.opt.block_size"), 2);
	assert_int_equal(fval(p, "coap.block_length"), 6);
	/* cut inside Uri-Host */
	p = decode_cut(COAPGET, 40);
	assert_int_equal(layer(p, "coap")->status, ST_LS_TRUNCATED);
	/* a delta nibble of 15 that is no payload marker */
	p = decode_hex(DLT_RAW, patch(COAPGET, 72, "f3"));
	assert_int_equal(layer(p, "coap")->status, ST_LS_MALFORMED);
	/* a token length over 8 */
	p = decode_hex(DLT_RAW, patch(COAPGET, 56, "49"));
	assert_int_equal(layer(p, "coap")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, COAPGET);
	sweep_prefixes(DLT_RAW, COAPACK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_v1, fresh),
		cmocka_unit_test_setup(test_v5, fresh),
		cmocka_unit_test_setup(test_v8, fresh),
		cmocka_unit_test_setup(test_v9_templates, fresh),
		cmocka_unit_test_setup(test_v9_bad, fresh),
		cmocka_unit_test_setup(test_ipfix, fresh),
		cmocka_unit_test_setup(test_coap, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
