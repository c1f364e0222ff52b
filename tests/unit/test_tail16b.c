/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The long tail (issue 16): sFlow v5 with its samples, records and the
 * sampled header decoded as a nested packet; TIPC; CLNP and ES-IS.  Each
 * from hand-written bytes, every shorter prefix marked truncated, and
 * headers that lie marked malformed.
 */
#include "testutil.h"

/* IPv4/UDP 198.18.0.1:54467 -> 198.18.0.2:6343 (checksums 0), then sFlow. */
#define SFUDP(iplen, udplen, sf) "4500" iplen "000040004011" "0000" \
	"c6120001c6120002" "d4c318c7" udplen "0000" sf
#define SFHDR(nsamples) "00000005" "00000001" "c6120001" "00000000" \
	"00000009" "0001e240" nsamples
/* A flow sample (length flen) of two records: a raw header (length rlen,
 * sampled length hlen: an IPv4/UDP packet of 32 bytes) and switch data. */
#define SFFLOW(flen, rlen, hlen) "00000001" flen "00000001" "00000003" \
	"000003e8" "00001388" "00000000" "00000003" "00000007" "00000002" \
	"00000001" rlen "0000000b" "00000024" "00000004" hlen \
	"45000020000140004011aea4c6120001c612000203e807d0000cde6b68692121" \
	"000003e9" "00000010" "0000000a" "00000000" "00000014" "00000005"
/* A counter sample of Ethernet interface counters 1 to 13. */
#define SFCNT "00000002" "00000048" "00000004" "00000003" "00000001" \
	"00000002" "00000034" "00000001" "00000002" "00000003" "00000004" \
	"00000005" "00000006" "00000007" "00000008" "00000009" "0000000a" \
	"0000000b" "0000000c" "0000000d"
#define SFLOW SFUDP("0100", "00ec", SFHDR("00000002") \
	SFFLOW("00000070", "00000030", "00000020") SFCNT)

static void
test_sflow(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, SFLOW);

	(void)state;
	assert_chain(p, "ipv4 udp sflow ipv4 udp data");
	assert_int_equal(fval(p, "sflow_245.version"), 5);
	assert_int_equal(fval(p, "sflow_245.agent"), 0xc6120001);
	assert_int_equal(fval(p, "sflow_245.sequence_number"), 9);
	assert_int_equal(fval(p, "sflow_245.sysuptime"), 123456);
	assert_int_equal(fval(p, "sflow_245.numsamples"), 2);
	assert_int_equal(field_n(p, "sflow_245.sampletype", 1)->val, 2);
	assert_int_equal(fval(p, "sflow.flow_sample.sampling_rate"), 1000);
	assert_int_equal(fval(p, "sflow.flow_sample.output_interface_value"),
	    7);
	assert_int_equal(fval(p, "sflow_245.header_protocol"), 11);
	assert_int_equal(field_n(p, "sflow_245.header", 0)->bits, 32 * 8);
	assert_int_equal(fval(p, "sflow_245.vlan.out"), 20);
	assert_int_equal(fval(p, "sflow_245.pri.out"), 5);
	assert_int_equal(fval(p, "sflow.counters_sample.source_id_index"), 3);
	assert_int_equal(fval(p, "sflow_245.dot3StatsSymbolErrors"), 13);
	/* The sampled packet, one level deeper, at its own bytes. */
	assert_int_equal(p->layers[3].depth, 1);
	assert_int_equal(p->layers[3].off, 28 + 8 + 28 + 32 + 8 + 16);
	assert_int_equal(field_n(p, "udp.srcport", 1)->val, 1000);
	assert_int_equal(layer(p, "sflow")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, SFLOW);
}

/* Every prefix cut inside the datagram marks it truncated. */
static void
test_sflow_truncated(void **state)
{
	static struct st_packet p;
	size_t n = hexbytes(SFLOW), k;

	(void)state;
	for (k = 37; k < n; k++) {
		st_pkt_reset(&p, tbuf, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_RAW);
		assert_int_equal(layer(&p, "sflow")->status, ST_LS_TRUNCATED);
	}
}

static void
expect_sflow_malformed(const char *hex, const char *why)
{
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	if (layer(p, "sflow")->status != ST_LS_MALFORMED)
		fail_msg("not malformed, want '%s'", why);
	if (strstr(layer(p, "sflow")->why, why) == NULL)
		fail_msg("why '%s', want '%s'", layer(p, "sflow")->why, why);
}

static void
test_sflow_malformed(void **state)
{
	(void)state;
	/* A flow sample longer than the datagram. */
	expect_sflow_malformed(SFUDP("0100", "00ec", SFHDR("00000002")
	    SFFLOW("00007000", "00000030", "00000020") SFCNT),
	    "overruns the datagram");
	/* A raw header record shorter than its own fields. */
	expect_sflow_malformed(SFUDP("0100", "00ec", SFHDR("00000002")
	    SFFLOW("00000070", "00000008", "00000020") SFCNT),
	    "shorter than its fields");
	/* A sampled header longer than its record. */
	expect_sflow_malformed(SFUDP("0100", "00ec", SFHDR("00000002")
	    SFFLOW("00000070", "00000030", "00000040") SFCNT),
	    "shorter than its fields");
	/* A thousand samples announced, two there: stops, bounded. */
	expect_sflow_malformed(SFUDP("0100", "00ec", SFHDR("000003e8")
	    SFFLOW("00000070", "00000030", "00000020") SFCNT),
	    "1000 samples announced, 2 found");
	/* Version 3 does not exist. */
	expect_sflow_malformed(SFUDP("0028", "0014", "00000003" "00000001"
	    "c6120001"), "version 3");
}

/* Ethernet to 0x88ca: a TIPC named message (40-byte header, 12 bytes). */
#define TIPC_ETH(w0) "ffffffffffff020000000001" "88ca" w0 "40000000" \
	"00000007" "0100100a" "00001234" "00000000" "0100100a" "01001014" \
	"000003e8" "00000005" "68656c6c6f20746970632121"
#define TIPC_NAMED TIPC_ETH("41400034")
/* A name distributor message of two publications. */
#define TIPC_NAMES "020000000002020000000001" "88ca" "57400050" "00000000" \
	"00020009" "0100100a" "00000000" "00000000" "0100100a" "01001014" \
	"00000000" "00000000" "000003e8000000050000000500001234" "0000004d" \
	"000007d000000000000000090000123500000" "04e"

static void
test_tipc(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, TIPC_NAMED);

	(void)state;
	assert_chain(p, "eth tipc data");
	assert_int_equal(fval(p, "tipc.ver"), 2);
	assert_int_equal(fval(p, "tipc.usr"), 0);
	assert_int_equal(fval(p, "tipc.hdr_size"), 10);
	assert_int_equal(fval(p, "tipc.msg_size"), 52);
	assert_int_equal(fval(p, "tipc.data_type"), 2);
	assert_int_equal(fval(p, "tipcv2.link_level_seq_no"), 7);
	assert_string_equal(field_n(p, "tipcv2.prev_node", 0)->meaning,
	    "1.1.10");
	assert_string_equal(field_n(p, "tipcv2.dest_node", 0)->meaning,
	    "1.1.20");
	assert_int_equal(fval(p, "tipc.org_port"), 0x1234);
	assert_int_equal(fval(p, "tipcv2.port_name_type"), 1000);
	assert_int_equal(fval(p, "tipcv2.port_name_instance"), 5);
	assert_int_equal(layer(p, "data")->len, 12);
	sweep_prefixes(DLT_EN10MB, TIPC_NAMED);

	p = decode_hex(DLT_EN10MB, TIPC_NAMES);
	assert_chain(p, "eth tipc");
	assert_int_equal(fval(p, "tipcv2.naming_msg_type"), 0);
	assert_int_equal(field_n(p, "tipc.name_dist_type", 1)->val, 2000);
	assert_int_equal(field_n(p, "tipc.name_dist_upper", 1)->val, 9);
	assert_int_equal(field_n(p, "tipc.dist_key", 1)->val, 78);
	assert_false(has_field(p, "tipc.org_port"));
	sweep_prefixes(DLT_EN10MB, TIPC_NAMES);
}

static void
test_tipc_truncated(void **state)
{
	static struct st_packet p;
	size_t n = hexbytes(TIPC_NAMES), k;

	(void)state;
	for (k = 15; k < n; k++) {
		st_pkt_reset(&p, tbuf, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		assert_int_equal(layer(&p, "tipc")->status, ST_LS_TRUNCATED);
	}
}

static void
expect_tipc_malformed(const char *hex, const char *why)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, hex);

	if (layer(p, "tipc")->status != ST_LS_MALFORMED)
		fail_msg("not malformed, want '%s'", why);
	if (strstr(layer(p, "tipc")->why, why) == NULL)
		fail_msg("why '%s', want '%s'", layer(p, "tipc")->why, why);
}

static void
test_tipc_malformed(void **state)
{
	(void)state;
	/* A message size (20) below the header size (40). */
	expect_tipc_malformed(TIPC_ETH("41400014"),
	    "header of 40 bytes in a message of 20");
	/* A header of 2 words. */
	expect_tipc_malformed(TIPC_ETH("40400034"),
	    "header of 8 bytes");
	/* Version 1. */
	expect_tipc_malformed(TIPC_ETH("21400034"), "version 1");
}

/* 802.3 + LLC fe fe 03: an ES hello naming two NSAPs (one GOSIP). */
#define ESH(len, ck) "09002b000004020000000001002dfefe03" "82" len \
	"0100020" "12c" ck "020a490001aabbccddeeff00144700058000000000" \
	"000000000102030405060708"
#define ESH_OK ESH("2a", "15b2")
/* A CLNP data PDU, SP and E/R set, segmentation part, 12 bytes after. */
#define CLNP_DT(hl, ck) "0200000000020200000000010034fefe03" "81" hl \
	"0140bc0031" ck "0a490001112233445566010a490001aabbccddeeff00" \
	"123400000031" "636c6e70207061796c6f6164"

static void
test_esis(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ESH_OK);

	(void)state;
	assert_chain(p, "eth llc osi esis");
	assert_int_equal(fval(p, "esis.type"), 2);
	assert_int_equal(fval(p, "esis.htime"), 300);
	assert_int_equal(field_n(p, "esis.chksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "esis.number_of_source_addresses"), 2);
	assert_string_equal(field_n(p, "esis.sa", 0)->meaning,
	    "490001aa.bbccddeeff00");
	assert_string_equal(field_n(p, "esis.sa", 1)->meaning,
	    "[47|00:05][80|00:00:00|00:00][00:00|00:01]0203.0405.0607[08]");
	sweep_prefixes(DLT_EN10MB, ESH_OK);
	/* A checksum one off is bad; zero means none was computed. */
	p = decode_hex(DLT_EN10MB, ESH("2a", "15b3"));
	assert_int_equal(field_n(p, "esis.chksum", 0)->ck, ST_CK_BAD);
	p = decode_hex(DLT_EN10MB, ESH("2a", "0000"));
	assert_int_equal(field_n(p, "esis.chksum", 0)->ck, ST_CK_UNVERIFIED);
	/* A length below the fixed part. */
	p = decode_hex(DLT_EN10MB, ESH("08", "15b2"));
	assert_int_equal(layer(p, "esis")->status, ST_LS_MALFORMED);
	/* A length that cuts the second address: the first only. */
	p = decode_hex(DLT_EN10MB, ESH("20", "15b2"));
	assert_int_equal(field_n(p, "esis.sal", 1)->val, 20);
	assert_false(st_pkt_field(p, NULL, "esis.sa") != NULL &&
	    field_n(p, "esis.sa", 0)->bits != 80);
}

static void
test_clnp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB,
	    CLNP_DT("25", "7a28"));
	static struct st_packet q;
	size_t n, k;

	(void)state;
	assert_chain(p, "eth llc osi clnp data");
	assert_int_equal(fval(p, "clnp.len"), 37);
	assert_int_equal(fval(p, "clnp.ttl"), 64);
	assert_int_equal(fval(p, "clnp.cnf.segmentation"), 1);
	assert_int_equal(fval(p, "clnp.cnf.report_error"), 1);
	assert_int_equal(fval(p, "clnp.cnf.type"), 28);
	assert_int_equal(fval(p, "clnp.pdu.len"), 49);
	assert_int_equal(field_n(p, "clnp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(field_n(p, "clnp.dsap", 0)->bits, 80);
	assert_int_equal(fval(p, "clnp.data_unit_identifier"), 0x1234);
	assert_int_equal(fval(p, "clnp.total_length"), 49);
	assert_int_equal(layer(p, "data")->len, 12);
	sweep_prefixes(DLT_EN10MB, CLNP_DT("25", "7a28"));
	/* Every prefix cut inside the header marks CLNP truncated. */
	n = hexbytes(CLNP_DT("25", "7a28"));
	for (k = 18; k < 17 + 37; k++) {
		st_pkt_reset(&q, tbuf, (uint32_t)k, (uint32_t)n);
		st_decode(&q, DLT_EN10MB);
		assert_int_equal(layer(&q, "clnp")->status, ST_LS_TRUNCATED);
	}
	/* A header length that the source address overruns. */
	p = decode_hex(DLT_EN10MB, CLNP_DT("15", "7a28"));
	assert_int_equal(layer(p, "clnp")->status, ST_LS_MALFORMED);
	/* A header length below 9. */
	p = decode_hex(DLT_EN10MB, CLNP_DT("05", "7a28"));
	assert_int_equal(layer(p, "clnp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, CLNP_DT("25", "7a29"));
	assert_int_equal(field_n(p, "clnp.checksum", 0)->ck, ST_CK_BAD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sflow),
		cmocka_unit_test(test_sflow_truncated),
		cmocka_unit_test(test_sflow_malformed),
		cmocka_unit_test(test_tipc),
		cmocka_unit_test(test_tipc_truncated),
		cmocka_unit_test(test_tipc_malformed),
		cmocka_unit_test(test_esis),
		cmocka_unit_test(test_clnp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
