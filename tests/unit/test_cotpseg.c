/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * COTP's segmented TSDUs: the data TPDU with EOT that ends a run of DTs
 * shows its data as cotp.segment_data, as Wireshark's reassembly does; a
 * TSDU in one DT, the other direction and another destination reference
 * are runs of their own.
 */
#include "testutil.h"

/* IPv4/TCP 198.18.0.1:40000 -> 198.18.0.2:102, and back. */
#define TO102	"45000000000040004006000" "0c6120001c6120002" \
	"9c400066" "0000000100000001501820000000" "0000"
#define BACK	"45000000000040004006000" "0c6120002c6120001" \
	"00669c40" "0000000100000001501820000000" "0000"

/* TPKT + class 0 DT: EOT clear and no data; EOT set and 4 bytes. */
#define DT_MORE	"0300" "0007" "02" "f0" "00"
#define DT_LAST	"0300" "000b" "02" "f0" "80" "72020004"
/* Class 2 DT (destination reference 0x0042), EOT clear / set. */
#define DT2_MORE "0300" "000b" "04" "f0" "0042" "00" "aabbccdd"
#define DT2_LAST "0300" "000b" "04" "f0" "0042" "81" "11223344"

static const struct st_packet *
decode_num(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

static void
test_run(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;

	(void)state;
	/* a TSDU in one DT: no segment */
	p = decode_num(1, TO102 DT_LAST);
	assert_chain(p, "ipv4 tcp tpkt cotp data");
	assert_false(has_field(p, "cotp.segment_data"));
	/* a DT without EOT opens a run, shows no segment itself */
	p = decode_num(2, TO102 DT_MORE);
	assert_false(has_field(p, "cotp.segment_data"));
	/* the other direction is no part of it */
	p = decode_num(3, BACK DT_LAST);
	assert_false(has_field(p, "cotp.segment_data"));
	/* the DT with EOT ends it: its 4 bytes are segment data */
	p = decode_num(4, TO102 DT_LAST);
	f = field_n(p, "cotp.segment_data", 0);
	assert_int_equal(f->bits, 4 * 8);
	assert_int_equal(f->bitoff, (40 + 4 + 3) * 8);
	assert_chain(p, "ipv4 tcp tpkt cotp data");
	/* and the run is over */
	p = decode_num(5, TO102 DT_LAST);
	assert_false(has_field(p, "cotp.segment_data"));
}

static void
test_refs(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a new capture (frame numbers start again) forgets runs */
	p = decode_num(10, TO102 DT2_MORE);
	assert_false(has_field(p, "cotp.segment_data"));
	p = decode_num(1, TO102 DT2_LAST);
	assert_false(has_field(p, "cotp.segment_data"));
	/* runs are per destination reference: class 0's (0) is another */
	p = decode_num(2, TO102 DT2_MORE);
	p = decode_num(3, TO102 DT_LAST);
	assert_false(has_field(p, "cotp.segment_data"));
	p = decode_num(4, TO102 DT2_LAST);
	assert_int_equal(fval(p, "cotp.destref"), 0x42);
	assert_int_equal(field_n(p, "cotp.segment_data", 0)->bits, 32);
	/* cut short anywhere: no crash, no segment past the bytes */
	sweep_prefixes(DLT_RAW, TO102 DT2_LAST);
	sweep_prefixes(DLT_RAW, TO102 DT_MORE);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_refs),
	};

	(void)argc;
	(void)argv;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
