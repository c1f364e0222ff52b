/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 802.1ah provider backbone bridging (src/proto/eth.c): the I-tag's
 * fields, the customer frame decoded on by its EtherType, and every
 * shorter prefix marked truncated without a read past it.  The frame is
 * frame 2 of ../shared/corpus/zeek/pbb.pcap (an ARP request in I-SID
 * 2014011 behind an 802.1Q tag).
 */
#include "testutil.h"

#define PBB_ARP \
	"c3003a1ebb3b02cccc003a0081004fd388e7001ebb3bffffffffffff001cebaf5205" \
	"08060001080006040001001cebaf52050ac7f5020000000000000ac7f56400000000" \
	"0000000000000000000000000000"

static void
test_pbb_itag(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, PBB_ARP);
	assert_chain(p, "eth vlan pbb arp trailer");
	assert_int_equal(fval(p, "ieee8021ah.isid"), 2014011);
	assert_int_equal(fval(p, "ieee8021ah.priority"), 0);
	assert_int_equal(fval(p, "ieee8021ah.nca"), 0);
	assert_int_equal(fval(p, "ieee8021ah.etype"), 0x0806);
	assert_int_equal(fval(p, "ieee8021ah.cdst"), 0xffffffffffffu);
	assert_int_equal(fval(p, "ieee8021ah.csrc"), 0x001cebaf5205u);
	sweep_prefixes(DLT_EN10MB, PBB_ARP);
}

/* A frame cut inside the 18-byte I-tag marks that layer truncated. */
static void
test_pbb_cut(void **state)
{
	static struct st_packet p;
	size_t n = hexbytes(PBB_ARP), k;
	uint8_t *b;

	(void)state;
	for (k = 19; k < 36; k++) {
		n = hexbytes(PBB_ARP);
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		assert_int_equal(last_layer(&p, "pbb")->status,
		    ST_LS_TRUNCATED);
		free(b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pbb_itag),
		cmocka_unit_test(test_pbb_cut),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
