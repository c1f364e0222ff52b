/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Issue 16's agreement fixes, from frames of the zoo corpus written out
 * as hex: PIM bootstraps (RFC 5059), RIP's keyed-digest trailer (RFC
 * 4822), SCTP's RFC 2960 Adler-32.  Each with every shorter prefix and
 * a malformed variant.
 */
#include "testutil.h"

#include <stdio.h>

/* PIMv2_bootstrap.pcap #1: BSR 1.1.1.1, group 224.0.0.0/4, RPs 2.2.2.2
 * and 3.3.3.3 (holdtime 150). */
#define PIM_BSR \
	"01005e00000dc2003dee0001080045c0004201dd00000167cca60a000005" \
	"e000000d2400e41004b0000001000101010101000004e000000002020000" \
	"0100020202020096000001000303030300960000"
/* The same with an FRP count of 3 and the IPv4 checksum left alone. */
#define PIM_BSR_FRP3 \
	"01005e00000dc2003dee0001080045c0004201dd00000167cca60a000005" \
	"e000000d2400e41004b0000001000101010101000004e000000002030000" \
	"0100020202020096000001000303030300960000"

/* pim-packet-assortment.pcap #93: a DF election backoff (RFC 5015), RP
 * 10.0.0.3, offered by 10.0.0.4. */
#define PIM_BACKOFF \
	"fab685bdf7ce10000000000208004500003600010000406790510a000002" \
	"e000000d2a306d5201000a000003000000640000000a01000a0000040000" \
	"03e8000027102710"

/* ripv2_auth.pcap #7: an HMAC-SHA-256 trailer, data length 32. */
#define RIP_SHA \
	"01005e0000090811961c10c8080045c0006c0000400001118ea40a000014" \
	"e000000902080208005800d601020000ffff0003002c2d204fd6136c0000" \
	"0000000000000000000000000000000000000000000000000010ffff0001" \
	"4ae5fb9c970203b85a93812d02586740451abd20cee48a3da46617a0e550" \
	"5b4b"

/* isup.pcap #1: SCTP whose checksum is RFC 2960's Adler-32. */
#define SCTP_ADLER \
	"00a080005e460001af0c069608004500008496da00004084c28e0a1c062a" \
	"0a1c062c0b590b5900000e50b0b01883000300646ca8b1cc0006002a0000" \
	"0003010001010000005400020049c583af405bd5000100a0010a02020705" \
	"819084190f0a070317933393798008018003057c038890a61d038890a631" \
	"0200643f06039300060010f4056476c328813902f49000000000"

/* How many fields are named name. */
static unsigned
count(const struct st_packet *p, const char *name)
{
	unsigned i, n = 0;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].desc->name, name) == 0)
			n++;
	return n;
}

/* Every prefix from byte from on leaves layer name truncated. */
static void
trunc_from(const char *name, size_t from, const char *hex)
{
	static struct st_packet p;
	size_t n = hexbytes(hex), k, i;
	const struct st_layer *ly;
	uint8_t *b;

	sweep_prefixes(DLT_EN10MB, hex);
	for (k = from; k < n; k++) {
		n = hexbytes(hex);
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		for (ly = NULL, i = 0; i < p.nlayers; i++)
			if (strcmp(p.layers[i].proto->name, name) == 0)
				ly = &p.layers[i];
		if (ly == NULL || ly->status != ST_LS_TRUNCATED)
			fail_msg("%s: not truncated at %zu of %zu bytes", name,
			    k, n);
		free(b);
	}
}

static void
test_pim_bootstrap(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, PIM_BSR);

	(void)state;
	assert_chain(p, "eth ipv4 pim");
	assert_int_equal(fval(p, "pim.type"), 4);
	assert_int_equal(fval(p, "pim.fragment_tag"), 0x04b0);
	assert_int_equal(fval(p, "pim.bsr"), 0x01010101);
	assert_int_equal(fval(p, "pim.group"), 0xe0000000);
	assert_int_equal(fval(p, "pim.mask_len"), 4);
	assert_int_equal(fval(p, "pim.rp_count"), 2);
	assert_int_equal(fval(p, "pim.frp_count"), 2);
	assert_int_equal(field_n(p, "pim.rp", 1)->val, 0x03030303);
	assert_int_equal(field_n(p, "pim.holdtime", 1)->val, 150);
	assert_int_equal(field_n(p, "pim.priority", 1)->val, 0);
	/* the header's reserved byte and one per RP, as tshark */
	assert_int_equal(count(p, "pim.res_bytes"), 3);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	assert_int_equal(layer(p, "pim")->status, ST_LS_OK);
	trunc_from("pim", 38, PIM_BSR);

	/* a third RP the message has no room for */
	p = decode_hex(DLT_EN10MB, PIM_BSR_FRP3);
	assert_int_equal(layer(p, "pim")->status, ST_LS_MALFORMED);
	assert_int_equal(count(p, "pim.rp"), 2);
}

static void
test_pim_dfelect(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, PIM_BACKOFF);

	(void)state;
	assert_chain(p, "eth ipv4 pim");
	assert_int_equal(fval(p, "pim.df_elect.subtype"), 3);
	assert_int_equal(count(p, "pim.res_bytes"), 0);
	assert_int_equal(fval(p, "pim.rp"), 0x0a000003);
	assert_int_equal(fval(p, "pim.metric_pref"), 100);
	assert_int_equal(fval(p, "pim.metric"), 10);
	assert_int_equal(fval(p, "pim.bidir_offering_ip4"), 0x0a000004);
	assert_int_equal(fval(p, "pim.bidir_off_metric_pref"), 1000);
	assert_int_equal(fval(p, "pim.bidir_offering_interval"), 10000);
	/* the offer is given by its role's row alone, as one address */
	assert_int_equal(count(p, "pim.unicast"), 1);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_GOOD);
	trunc_from("pim", 38, PIM_BACKOFF);
}

static void
test_rip_trailer(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, RIP_SHA);

	(void)state;
	assert_chain(p, "eth ipv4 udp rip");
	assert_int_equal(fval(p, "rip.auth_data_len"), 32);
	/* 16 bytes as Wireshark shows them, the other 16 in our row */
	assert_int_equal(field_n(p, "rip.authentication_data", 0)->bits, 128);
	assert_int_equal(field_n(p,
	    "strata.rip.authentication_data_more", 0)->bits, 128);
	trunc_from("rip", 46, RIP_SHA);
}

static void
test_sctp_adler(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, SCTP_ADLER);
	char bad[sizeof(SCTP_ADLER)];

	(void)state;
	assert_int_equal(fval(p, "sctp.checksum"), 0xb0b01883);
	assert_int_equal(fval(p, "sctp.checksum.status"), ST_CK_GOOD);
	assert_true(has_note(p, "Adler-32"));
	assert_int_equal(p->nbadck, 0);

	/* one byte of the payload changed: neither CRC32c nor Adler-32 */
	memcpy(bad, SCTP_ADLER, sizeof(bad));
	bad[2 * 100] = bad[2 * 100] == '0' ? '1' : '0';
	p = decode_hex(DLT_EN10MB, bad);
	assert_int_equal(fval(p, "sctp.checksum.status"), ST_CK_BAD);
	assert_false(has_note(p, "Adler-32"));
	assert_int_equal(p->nbadck, 1);
	sweep_prefixes(DLT_EN10MB, SCTP_ADLER);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pim_bootstrap),
		cmocka_unit_test(test_pim_dfelect),
		cmocka_unit_test(test_rip_trailer),
		cmocka_unit_test(test_sctp_adler),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
