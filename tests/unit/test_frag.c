/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fragments and reassembly: the frag hooks of IPv4 and of IPv6's fragment
 * header, and the reassembly table (src/decode/reasm.c) over frames made
 * here: in order, out of order, overlapping with the same and with other
 * bytes, disagreeing ends, bytes not captured, past 65535, timed out, and
 * more datagrams at once than the table holds.
 */
#include <stdio.h>

#include "testutil.h"
#include "strata/cksum.h"
#include "strata/reasm.h"

#define NFR	8

static struct st_packet fpkt[NFR];
static uint8_t fbuf[NFR][1600];
static uint8_t dgram[4000];	/* an ICMP echo's bytes, whole */

/* An ICMP echo request of n bytes in all, its checksum right. */
static void
make_echo(size_t n)
{
	uint16_t ck;
	size_t i;

	memset(dgram, 0, sizeof(dgram));
	dgram[0] = 8;
	dgram[5] = 7;		/* id 7 */
	dgram[7] = 1;		/* seq 1 */
	for (i = 8; i < n; i++)
		dgram[i] = (uint8_t)i;
	ck = st_cksum_finish(st_cksum_add(0, dgram, n));
	dgram[2] = (uint8_t)(ck >> 8);
	dgram[3] = (uint8_t)ck;
}

/* Frame k: an IPv4 fragment (DLT_RAW) of id, its payload the n bytes of
 * p at offset off; num and time t; cap bytes captured (0: all). */
static struct st_packet *
frag4(unsigned k, unsigned id, unsigned off, int mf, const uint8_t *p,
    size_t n, time_t t, size_t cap)
{
	uint8_t *b = fbuf[k];
	uint16_t ck;
	size_t tot = 20 + n;

	memset(b, 0, 20);
	b[0] = 0x45;
	b[2] = (uint8_t)(tot >> 8), b[3] = (uint8_t)tot;
	b[4] = (uint8_t)(id >> 8), b[5] = (uint8_t)id;
	b[6] = (uint8_t)((mf ? 0x20 : 0) | (off / 8) >> 8);
	b[7] = (uint8_t)(off / 8);
	b[8] = 64, b[9] = 1;
	b[12] = 198, b[13] = 18, b[14] = 0, b[15] = 1;
	b[16] = 198, b[17] = 18, b[18] = 0, b[19] = 2;
	ck = st_cksum_finish(st_cksum_add(0, b, 20));
	b[10] = (uint8_t)(ck >> 8), b[11] = (uint8_t)ck;
	memcpy(b + 20, p, n);
	st_pkt_reset(&fpkt[k], b, (uint32_t)(cap != 0 ? cap : tot),
	    (uint32_t)tot);
	fpkt[k].num = k + 1;
	fpkt[k].ts.tv_sec = t;
	return &fpkt[k];
}

static void
free_bufs(void)
{
	unsigned k;

	for (k = 0; k < NFR; k++) {
		free(fpkt[k].xbuf);
		fpkt[k].xbuf = NULL;
		fpkt[k].xcap = 0;
	}
}

/* Whether packet p has a layer named name. */
static int
has_layer(const struct st_packet *p, const char *name)
{
	unsigned i;

	for (i = 0; i < p->nlayers; i++)
		if (strcmp(p->layers[i].proto->name, name) == 0)
			return 1;
	return 0;
}

static void
test_hook_ipv4(void **state)
{
	struct st_packet *p;
	struct st_frag fr;

	(void)state;
	make_echo(100);
	p = frag4(0, 0xf6d1, 0, 1, dgram, 48, 0, 0);
	st_decode(p, DLT_RAW);
	assert_chain(p, "ipv4 icmp data");
	assert_int_equal(st_proto_ipv4.frag(p, &p->layers[0], &fr), 1);
	assert_int_equal(fr.id, 0xf6d1);
	assert_int_equal(fr.off, 0);
	assert_int_equal(fr.more, 1);
	assert_int_equal(fr.len, 48);
	assert_int_equal(fr.pay, 20);
	assert_int_equal(fr.next_val, 1);
	assert_int_equal(fr.idhex, 4);
	/* Its checksum covers the datagram: unverified, as a fragment. */
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_UNVERIFIED);
	assert_int_equal(field_n(p, "icmp.checksum", 0)->aux, ST_CKU_FRAGMENT);
	p = frag4(1, 0xf6d1, 48, 0, dgram + 48, 52, 0, 0);
	st_decode(p, DLT_RAW);
	assert_chain(p, "ipv4 data");
	assert_int_equal(st_proto_ipv4.frag(p, &p->layers[0], &fr), 1);
	assert_int_equal(fr.off, 48);
	assert_int_equal(fr.more, 0);
	/* A whole datagram is no fragment. */
	p = frag4(2, 0xf6d1, 0, 0, dgram, 100, 0, 0);
	st_decode(p, DLT_RAW);
	assert_int_equal(st_proto_ipv4.frag(p, &p->layers[0], &fr), 0);
	/* Every shorter capture of a fragment: no crash, no fragment read
	 * from missing fields. */
	sweep_prefixes(DLT_RAW, "45000044f6d1017240010000c6120001c6120002"
	    "0001020304050607");
}

/* An IPv6 fragment header at offset 181 units (1448 bytes), M clear. */
#define FRAG6 "6000000000102c40" "00000000000000000000000000000001" \
	"00000000000000000000000000000001" "3a0005a86d4fa0d4" \
	"0001020304050607"

static void
test_hook_ipv6(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;
	struct st_frag fr;

	(void)state;
	p = decode_hex(DLT_RAW, FRAG6);
	assert_chain(p, "ipv6 frag6 data");
	f = field_n(p, "ipv6.fraghdr.offset", 0);
	assert_int_equal(f->val, 181);		/* tshark's value: units */
	assert_string_equal(f->meaning, "1448 bytes");
	assert_int_equal(st_proto_frag6.frag(p, &p->layers[1], &fr), 1);
	assert_int_equal(fr.off, 1448);
	assert_int_equal(fr.more, 0);
	assert_int_equal(fr.id, 0x6d4fa0d4);
	assert_int_equal(fr.len, 8);
	assert_int_equal(fr.pay, 48);
	assert_int_equal(fr.next_val, 58);
	assert_int_equal(fr.idhex, 8);
	sweep_prefixes(DLT_RAW, FRAG6);
}

/* Decodes frames [0, n) in the order given through table ra. */
static void
feed(struct st_defrag *ra, const unsigned *order, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		st_decode_ra(&fpkt[order[i]], DLT_RAW, ra);
}

static void
three(unsigned id, time_t t)
{
	make_echo(3008);
	frag4(0, id, 0, 1, dgram, 1480, t, 0);
	frag4(1, id, 1480, 1, dgram + 1480, 1480, t, 0);
	frag4(2, id, 2960, 0, dgram + 2960, 48, t, 0);
}

static void
test_in_order(void **state)
{
	static const unsigned order[] = { 0, 1, 2 };
	struct st_defrag *ra = st_defrag_new(1);
	const struct st_packet *p = &fpkt[2];

	(void)state;
	three(0xf6d1, 0);
	feed(ra, order, 3);
	assert_null(fpkt[0].reasm);
	assert_null(fpkt[1].reasm);
	assert_string_equal(p->reasm, "3 fragments of id 0xf6d1: #1 off 0 "
	    "1480 B, #2 off 1480 1480 B, #3 off 2960 48 B = 3008 bytes");
	assert_int_equal(p->xtotal, 3008);
	assert_int_equal(p->xlen, 3008);
	assert_chain(p, "ipv4 data icmp data");
	assert_int_equal(layer(p, "icmp")->off, 68);
	assert_int_equal(layer(p, "icmp")->len, 3008);
	/* Verified over the whole datagram. */
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "icmp.ident"), 7);
	assert_true(has_note(p, "3 fragments of id 0xf6d1"));
	st_defrag_free(ra);
	free_bufs();
}

static void
test_list_only(void **state)
{
	static const unsigned order[] = { 0, 1, 2 };
	struct st_defrag *ra = st_defrag_new(0);

	(void)state;
	three(0x0102, 0);
	feed(ra, order, 3);
	assert_non_null(fpkt[2].reasm);
	assert_int_equal(fpkt[2].xlen, 0);
	assert_chain(&fpkt[2], "ipv4 data");
	st_defrag_free(ra);
	free_bufs();
}

static void
test_out_of_order(void **state)
{
	static const unsigned order[] = { 2, 0, 1 };
	struct st_defrag *ra = st_defrag_new(1);

	(void)state;
	three(0x0003, 5);
	feed(ra, order, 3);
	assert_null(fpkt[2].reasm);
	assert_null(fpkt[0].reasm);
	/* The middle one completes it; listed in offset order. */
	assert_string_equal(fpkt[1].reasm, "3 fragments of id 0x0003: #1 off "
	    "0 1480 B, #2 off 1480 1480 B, #3 off 2960 48 B = 3008 bytes");
	assert_chain(&fpkt[1], "ipv4 data icmp data");
	assert_int_equal(field_n(&fpkt[1], "icmp.checksum", 0)->ck,
	    ST_CK_GOOD);
	st_defrag_free(ra);
	free_bufs();
}

static void
test_overlap(void **state)
{
	static const unsigned order[] = { 0, 3, 1, 2 };
	struct st_defrag *ra = st_defrag_new(1);
	uint8_t other[8];

	(void)state;
	/* The same bytes again, overlapping: trusted. */
	three(0x0004, 0);
	frag4(3, 0x0004, 1472, 1, dgram + 1472, 16, 0, 0);
	feed(ra, order, 4);
	assert_string_equal(fpkt[2].reasm, "4 fragments of id 0x0004: #1 off "
	    "0 1480 B, #4 off 1472 16 B, #2 off 1480 1480 B, #3 off 2960 48 B "
	    "= 3008 bytes");
	assert_true(has_layer(&fpkt[2], "icmp"));
	free_bufs();
	/* Other bytes where they overlap: reported, not decoded. */
	three(0x0005, 0);
	memset(other, 0xee, sizeof(other));
	frag4(3, 0x0005, 1472, 1, other, 8, 0, 0);
	feed(ra, order, 4);
	assert_non_null(fpkt[2].reasm);
	assert_non_null(strstr(fpkt[2].reasm, "overlapping fragments hold "
	    "different bytes: not reassembled"));
	assert_chain(&fpkt[2], "ipv4 data");
	st_defrag_free(ra);
	free_bufs();
}

static void
test_inconsistent(void **state)
{
	static const unsigned order[] = { 2, 3, 0, 1 };
	struct st_defrag *ra = st_defrag_new(1);

	(void)state;
	/* Two last fragments ending in different places. */
	three(0x0006, 0);
	frag4(3, 0x0006, 2960, 0, dgram + 2960, 40, 0, 0);
	feed(ra, order, 4);
	assert_non_null(fpkt[1].reasm);
	assert_non_null(strstr(fpkt[1].reasm, "two last fragments end in "
	    "different places"));
	assert_false(has_layer(&fpkt[1], "icmp"));
	free_bufs();
	/* A fragment before the last of no multiple of 8 bytes. */
	make_echo(3008);
	frag4(0, 0x0007, 0, 1, dgram, 1001, 0, 0);
	frag4(1, 0x0007, 1000, 0, dgram + 1000, 100, 0, 0);
	feed(ra, order + 2, 2);
	assert_non_null(fpkt[1].reasm);
	assert_non_null(strstr(fpkt[1].reasm, "no multiple of 8"));
	st_defrag_free(ra);
	free_bufs();
}

static void
test_not_captured(void **state)
{
	static const unsigned order[] = { 0, 1, 2 };
	struct st_defrag *ra = st_defrag_new(1);

	(void)state;
	three(0x0008, 0);
	frag4(1, 0x0008, 1480, 1, dgram + 1480, 1480, 0, 200);
	feed(ra, order, 3);
	assert_non_null(strstr(fpkt[2].reasm, "not all bytes captured"));
	assert_false(has_layer(&fpkt[2], "icmp"));
	st_defrag_free(ra);
	free_bufs();
}

static void
test_too_long(void **state)
{
	static const unsigned order[] = { 0, 1 };
	struct st_defrag *ra = st_defrag_new(1);

	(void)state;
	make_echo(1000);
	frag4(0, 0x0009, 0, 1, dgram, 1000, 0, 0);
	/* Offset 65528 and 1000 bytes: past 65535 ("ping of death"). */
	frag4(1, 0x0009, 65528, 0, dgram, 1000, 0, 0);
	feed(ra, order, 2);
	assert_null(fpkt[1].reasm);	/* the hole stays */
	st_defrag_free(ra);
	free_bufs();
}

static void
test_timeout(void **state)
{
	static const unsigned order[] = { 0, 1, 2 };
	struct st_defrag *ra = st_defrag_new(1);

	(void)state;
	three(0x000a, 100);
	fpkt[2].ts.tv_sec = 100 + ST_DEFRAG_TIMEOUT + 1;
	feed(ra, order, 3);
	/* The first two were dropped: the last alone completes nothing. */
	assert_null(fpkt[2].reasm);
	st_defrag_free(ra);
	free_bufs();
}

static void
test_reset(void **state)
{
	static const unsigned order[] = { 0, 1, 2 };
	struct st_defrag *ra = st_defrag_new(1);

	(void)state;
	three(0x000b, 0);
	feed(ra, order, 2);
	st_defrag_reset(ra);		/* another file begins */
	feed(ra, order + 2, 1);
	assert_null(fpkt[2].reasm);
	st_defrag_free(ra);
	free_bufs();
}

static void
test_many(void **state)
{
	struct st_defrag *ra = st_defrag_new(1);
	unsigned i;

	(void)state;
	make_echo(3008);
	/* More first fragments than the table holds: the oldest go. */
	for (i = 0; i < ST_DEFRAG_DGRAMS + 10; i++) {
		frag4(0, 0x1000 + i, 0, 1, dgram, 1480, 0, 0);
		st_decode_ra(&fpkt[0], DLT_RAW, ra);
	}
	/* The newest datagram still completes; the first was pushed out. */
	frag4(1, 0x1000 + i - 1, 1480, 0, dgram + 1480, 1528, 0, 0);
	st_decode_ra(&fpkt[1], DLT_RAW, ra);
	assert_non_null(fpkt[1].reasm);
	frag4(2, 0x1000, 1480, 0, dgram + 1480, 1528, 0, 0);
	st_decode_ra(&fpkt[2], DLT_RAW, ra);
	assert_null(fpkt[2].reasm);
	st_defrag_free(ra);
	free_bufs();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hook_ipv4),
		cmocka_unit_test(test_hook_ipv6),
		cmocka_unit_test(test_in_order),
		cmocka_unit_test(test_list_only),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_inconsistent),
		cmocka_unit_test(test_not_captured),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_timeout),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
