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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sflow),
		cmocka_unit_test(test_sflow_truncated),
		cmocka_unit_test(test_sflow_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
