/* SPDX-License-Identifier: BSD-3-Clause */
/* IPv6 and its extension headers. */
#include "testutil.h"

#define ETH "020000000002020000000001" "86dd"
/* Hop-by-hop (router alert, PadN), a first fragment, UDP. */
#define IP6EXT ETH "6b812345001c000920010db8000000000000000000000001" \
	"20010db80000000000000000000000022c0005020000010011000001abcdef01" \
	"02220223000cdb5561626364"
#define IP6UDP ETH "60000000000c114020010db8000000000000000000000001" \
	"20010db800000000000000000000000202220223000cdb5561626364"

static void
test_fields(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IP6EXT);
	char buf[ST_FMT_BUF];
	size_t n;

	(void)state;
	assert_chain(p, "eth ipv6 hopopts frag6 udp data");
	assert_int_equal(fval(p, "ipv6.version"), 6);
	assert_int_equal(fval(p, "ipv6.tclass"), 0xb8);
	assert_int_equal(fval(p, "ipv6.tclass.dscp"), 46);
	assert_int_equal(fval(p, "ipv6.flow"), 0x12345);
	assert_int_equal(fval(p, "ipv6.plen"), 28);
	assert_int_equal(fval(p, "ipv6.nxt"), 0);
	assert_int_equal(fval(p, "ipv6.hlim"), 9);
	assert_int_equal(field_n(p, "ipv6.src", 0)->bits, 128);
	(void)buf;
	(void)n;
	sweep_prefixes(DLT_EN10MB, IP6EXT);
}

static void
test_extension_headers(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IP6EXT);

	(void)state;
	assert_int_equal(fval(p, "ipv6.hopopts.nxt"), 44);
	assert_int_equal(fval(p, "ipv6.opt.router_alert"), 0);
	assert_int_equal(layer(p, "hopopts")->hdr_len, 8);
	assert_int_equal(fval(p, "ipv6.fraghdr.nxt"), 17);
	assert_int_equal(fval(p, "ipv6.fraghdr.offset"), 0);
	assert_int_equal(fval(p, "ipv6.fraghdr.more"), 1);
	assert_int_equal(fval(p, "ipv6.fraghdr.ident"), 0xabcdef01);
	/* A fragment's checksum cannot be checked without reassembly. */
	assert_int_equal(field_n(p, "udp.checksum", 0)->ck, ST_CK_UNVERIFIED);
	assert_int_equal(fval(p, "udp.length"), 12);
}

static void
test_udp_checksum_over_ipv6(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IP6UDP);

	(void)state;
	assert_int_equal(field_n(p, "udp.checksum", 0)->ck, ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, IP6UDP);
}

/* A chain of hundreds of extension headers stops at the bound. */
static void
test_chain_bound(void **state)
{
	char hex[8192];
	const struct st_packet *p;
	int i;

	(void)state;
	strcpy(hex, "600000000320" "3c40" "20010db8000000000000000000000001"
	    "20010db8000000000000000000000002");
	for (i = 0; i < 100; i++)
		strcat(hex, "3c00010400000000");
	p = decode_hex(DLT_RAW, hex);
	assert_true(p->nlayers <= ST_MAX_EXTHDR + 2);
	assert_int_equal(p->layers[p->nlayers - 1].status, ST_LS_MALFORMED);
}

static void
test_payload_length_lies(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW,
	    "6000000000ff114020010db8000000000000000000000001"
	    "20010db800000000000000000000000202220223000cdb5561626364");

	(void)state;
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	assert_chain(p, "ipv6 udp data");
}

/*
 * More fields than a packet holds: 1600 Pad1 options in a hop-by-hop
 * header, then an echo request.  The layers after the limit still decode
 * (ICMP reads back its own code field), and a note says fields were lost.
 */
static void
test_field_limit(void **state)
{
	static char hex[8192];
	const struct st_packet *p;
	int i;

	(void)state;
	strcpy(hex, "600000000649" "0040" "00000000000000000000000000000001"
	    "00000000000000000000000000000001" "01c7");
	for (i = 0; i < 1598; i++)
		strcat(hex, "00");
	strcat(hex, "080000000007000178");
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv6 hopopts icmp data");
	assert_int_equal(p->nfields, ST_MAX_FIELDS);
	assert_true(has_note(p, "too many fields"));
	assert_int_equal(layer(p, "icmp")->status, ST_LS_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_extension_headers),
		cmocka_unit_test(test_udp_checksum_over_ipv6),
		cmocka_unit_test(test_chain_bound),
		cmocka_unit_test(test_payload_length_lies),
		cmocka_unit_test(test_field_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
