/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The IPv6 layer's long tail (issue 16): the option type bits and lengths
 * in bytes of the hop-by-hop and destination options headers, the home
 * address option, the routing header's types 0, 2, 3 (RPL) and 4
 * (segment routing), the facts an address gives (SLAAC MAC, 6to4,
 * Teredo); ICMPv6's MLDv2 records, advertisement flags, route
 * information and DNS search list options.  Each from hand-written bytes, every shorter prefix
 * marked truncated, and headers that lie marked malformed.
 */
#include "testutil.h"

/* IPv6 2001:db8::1 -> 2001:db8::2, payload length plen, next header nh. */
#define IP6(plen, nh) "60000000" plen nh "40" \
	"20010db8000000000000000000000001" "20010db8000000000000000000000002"
/* Hop-by-hop (router alert 0, an empty PadN), then destination options
 * (home address 2001:db8::99, PadN of 2), then a type 0 routing header
 * of two addresses, nothing after it. */
#define HBH "3c00" "05020000" "0100"
#define DST "2b02" "c910" "20010db8000000000000000000000099" "01020000"
#define RT0 "3b04" "0001" "00000000" "20010db800000000000000000000000a" \
	"20010db800000000000000000000000b"
#define EXT6 IP6("0048", "00") HBH DST RT0
/* Segment routing: last entry 1, flags 0, tag 7, two segments. */
#define SRH6 IP6("0028", "2b") "3b04" "0401" "01000007" \
	"20010db800000000000000000000000c" "20010db800000000000000000000000d"
/* RPL: CmprI 14, CmprE 14, pad 4: two addresses of two octets. */
#define RPL6 IP6("0010", "2b") "3b01" "0301" "ee400000" "000a000b" "00000000"

/* How many fields named name p holds. */
static unsigned
count(const struct st_packet *p, const char *name)
{
	unsigned i, n = 0;

	for (i = 0; i < p->nfields; i++)
		n += strcmp(p->fields[i].desc->name, name) == 0;
	return n;
}

static void
test_options(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, EXT6);

	(void)state;
	assert_chain(p, "ipv6 hopopts dstopts routing");
	assert_int_equal(fval(p, "ipv6.hopopts.len_oct"), 8);
	assert_int_equal(fval(p, "ipv6.dstopts.len_oct"), 24);
	assert_int_equal(field_n(p, "ipv6.opt.type", 0)->val, 5);
	assert_int_equal(field_n(p, "ipv6.opt.type.action", 0)->val, 0);
	assert_int_equal(field_n(p, "ipv6.opt.type.rest", 0)->val, 5);
	assert_int_equal(fval(p, "ipv6.opt.router_alert"), 0);
	/* The empty PadN is shown, as tshark does. */
	assert_int_equal(field_n(p, "ipv6.opt.padn", 0)->bits, 0);
	/* Home address: type 0xc9 = 11 0 01001. */
	assert_int_equal(field_n(p, "ipv6.opt.type", 2)->val, 0xc9);
	assert_int_equal(field_n(p, "ipv6.opt.type.action", 2)->val, 3);
	assert_int_equal(field_n(p, "ipv6.opt.type.change", 2)->val, 0);
	assert_int_equal(field_n(p, "ipv6.opt.type.rest", 2)->val, 9);
	assert_int_equal(field_n(p, "ipv6.opt.mipv6.home_address", 0)->bitoff,
	    (40 + 8 + 4) * 8);
	assert_int_equal(layer(p, "hopopts")->status, ST_LS_OK);
	assert_int_equal(layer(p, "dstopts")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, EXT6);
}

static void
test_routing(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, EXT6);

	(void)state;
	assert_int_equal(fval(p, "ipv6.routing.len_oct"), 40);
	assert_int_equal(field_n(p, "ipv6.routing.src.reserved", 0)->bits, 32);
	assert_int_equal(field_n(p, "ipv6.routing.src.addr", 1)->bitoff,
	    (40 + 32 + 8 + 16) * 8);
	assert_false(has_field(p, "ipv6.routing.unknown_data"));
	p = decode_hex(DLT_RAW, SRH6);
	assert_chain(p, "ipv6 routing");
	assert_int_equal(fval(p, "ipv6.routing.srh.last_entry"), 1);
	assert_int_equal(fval(p, "ipv6.routing.srh.flags"), 0);
	assert_int_equal(field_n(p, "ipv6.routing.srh.tag", 0)->bits, 16);
	assert_int_equal(field_n(p, "ipv6.routing.srh.addr", 1)->bitoff,
	    (40 + 24) * 8);
	sweep_prefixes(DLT_RAW, SRH6);
	p = decode_hex(DLT_RAW, RPL6);
	assert_int_equal(fval(p, "ipv6.routing.rpl.cmprI"), 14);
	assert_int_equal(fval(p, "ipv6.routing.rpl.cmprE"), 14);
	assert_int_equal(fval(p, "ipv6.routing.rpl.pad"), 4);
	assert_int_equal(fval(p, "ipv6.routing.rpl.addr_count"), 2);
	assert_int_equal(field_n(p, "ipv6.routing.rpl.address", 1)->bits, 16);
	sweep_prefixes(DLT_RAW, RPL6);
}

/* A header cut by the capture still shows what of its data was there. */
static void
test_routing_truncated(void **state)
{
	static struct st_packet q;
	size_t n = hexbytes(SRH6), k;

	(void)state;
	for (k = 41; k < n; k++) {
		st_pkt_reset(&q, tbuf, (uint32_t)k, (uint32_t)n);
		st_decode(&q, DLT_RAW);
		assert_int_equal(layer(&q, "routing")->status,
		    ST_LS_TRUNCATED);
	}
	st_pkt_reset(&q, tbuf, 40 + 24, (uint32_t)n);
	st_decode(&q, DLT_RAW);
	assert_int_equal(fval(&q, "ipv6.routing.srh.last_entry"), 1);
	assert_int_equal(field_n(&q, "ipv6.routing.srh.addr", 0)->bitoff,
	    (40 + 8) * 8);
}

static void
test_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* An option running past its header. */
	p = decode_hex(DLT_RAW, IP6("0008", "00") "3b00" "05080000" "0000");
	assert_int_equal(layer(p, "hopopts")->status, ST_LS_MALFORMED);
	/* A header longer than the payload length. */
	p = decode_hex(DLT_RAW, IP6("0008", "3c") "3b01" "01040000" "0000");
	assert_int_equal(layer(p, "dstopts")->status, ST_LS_MALFORMED);
	/* Segment routing naming more segments than its header holds: the
	 * ones there, no read past it. */
	p = decode_hex(DLT_RAW, IP6("0018", "2b") "3b02" "0401" "09000000"
	    "20010db800000000000000000000000c");
	assert_int_equal(layer(p, "routing")->status, ST_LS_OK);
	assert_int_equal(count(p, "ipv6.routing.srh.addr"), 1);
}

/* ICMPv6 (checksums 0: not what these tests look at), IPv6 header first. */
#define MLD2(plen, nrec, recs) IP6(plen, "3a") "8f000000" "0000" nrec recs
#define REC1 "02010002" "ff050000000000000000000000000002" \
	"20010db800000000000000000000000a" "20010db800000000000000000000000b" \
	"61757864"
#define REC2 "04000000" "ff0200000000000000000000000000fb"
#define MLDV2 MLD2("0054", "0002", REC1 REC2)
/* A router advertisement: route information (8 prefix bytes), a DNS
 * search list of "lan" and "example.com". */
#define RA6 IP6("0040", "3a") "86000000" "40c80708" "0000000000000000" \
	"1802" "3008" "00001c20" "fd8d4fb35b2e0000" \
	"1f04" "0000" "00000708" "036c616e00076578616d706c6503636f6d00" \
	"000000000000"

static void
test_mld(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MLDV2);

	(void)state;
	assert_chain(p, "ipv6 icmpv6");
	assert_int_equal(fval(p, "icmpv6.mldr.nb_mcast_records"), 2);
	assert_int_equal(field_n(p, "icmpv6.mldr.mar.record_type", 0)->val,
	    2);
	assert_int_equal(field_n(p, "icmpv6.mldr.mar.nb_sources", 0)->val, 2);
	assert_int_equal(count(p, "icmpv6.mldr.mar.source_address"), 2);
	assert_int_equal(field_n(p, "icmpv6.mldr.mar.auxiliary_data", 0)->bits,
	    32);
	assert_int_equal(field_n(p, "icmpv6.mldr.mar.record_type", 1)->val,
	    4);
	assert_int_equal(field_n(p, "icmpv6.mldr.mar.multicast_address",
	    1)->bitoff, (40 + 8 + 56 + 4) * 8);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, MLDV2);
	/* Three records announced, one there. */
	p = decode_hex(DLT_RAW, MLD2("001c", "0003", REC2));
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
	/* Sources past the message. */
	p = decode_hex(DLT_RAW, MLD2("001c", "0001", "04000009"
	    "ff0200000000000000000000000000fb"));
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
}

static void
test_nd(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, RA6);

	(void)state;
	assert_int_equal(fval(p, "icmpv6.nd.ra.flag.m"), 1);
	assert_int_equal(fval(p, "icmpv6.nd.ra.flag.prf"), 1);
	assert_int_equal(fval(p, "icmpv6.opt.route_info.flag.route_preference"),
	    1);
	assert_int_equal(fval(p, "icmpv6.opt.route_lifetime"), 7200);
	assert_string_equal(field_n(p, "icmpv6.opt.prefix", 0)->meaning,
	    "fd8d:4fb3:5b2e::");
	assert_int_equal(fval(p, "icmpv6.opt.dnssl.lifetime"), 1800);
	assert_string_equal(field_n(p, "icmpv6.opt.dnssl", 0)->meaning, "lan");
	assert_string_equal(field_n(p, "icmpv6.opt.dnssl", 1)->meaning,
	    "example.com");
	assert_int_equal(field_n(p, "icmpv6.opt.padding", 0)->bits, 6 * 8);
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, RA6);
	/* A label running past its option. */
	p = decode_hex(DLT_RAW, IP6("0020", "3a") "86000000" "40c80708"
	    "0000000000000000" "1f02" "0000" "00000708" "3f616161" "00000000");
	assert_int_equal(layer(p, "icmpv6")->status, ST_LS_MALFORMED);
}

/* IPv4 198.18.0.1 -> 198.18.0.2, total length tl, protocol 1 (ICMP). */
#define IP4(tl) "4500" tl "00010000" "4001" "0000" "c6120001c6120002"
/* Time exceeded quoting a 28-byte IPv4/UDP packet, the quote padded to
 * 128 bytes, then an extension (version 2, checksum 0xc55f) with an MPLS
 * label stack of one entry: label 100704, EXP 0, S 1, TTL 1. */
#define QUOTE "4500001c00010000011100000c040404c6120002" "a54b829b00080000"
#define MPLSX IP4("00a8") "0b000000" "00000000" QUOTE \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"00000000" "2000c55f" "00080101" "18960101"

static void
test_icmp_ext(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, MPLSX);

	(void)state;
	assert_chain(p, "ipv4 icmp ipv4 udp");
	assert_int_equal(fval(p, "icmp.ext.version"), 2);
	assert_int_equal(field_n(p, "icmp.ext.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "icmp.ext.length"), 8);
	assert_int_equal(fval(p, "icmp.ext.class"), 1);
	assert_int_equal(fval(p, "icmp.mpls.label"), 100704);
	assert_int_equal(fval(p, "icmp.mpls.exp"), 0);
	assert_int_equal(fval(p, "icmp.mpls.s"), 1);
	assert_int_equal(fval(p, "icmp.mpls.ttl"), 1);
	sweep_prefixes(DLT_RAW, MPLSX);
	/* An object of length 2: malformed, no loop. */
	p = decode_hex(DLT_RAW, IP4("00a4") "0b000000" "00000000" QUOTE
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "00000000" "20000000" "00020101");
	assert_int_equal(layer(p, "icmp")->status, ST_LS_MALFORMED);
}

/* An echo whose data starts with a timeval of the frame's second. */
static void
test_icmp_data_time(void **state)
{
	static struct st_packet q;
	size_t n = hexbytes(IP4("0024") "08000000" "00070001"
	    "6553f1000001e240" "0001020304050607");

	(void)state;
	st_pkt_reset(&q, tbuf, (uint32_t)n, (uint32_t)n);
	q.ts.tv_sec = 0x6553f100;
	q.ts.tv_nsec = 223456000;
	st_decode(&q, DLT_RAW);
	assert_string_equal(field_n(&q, "icmp.data_time", 0)->meaning,
	    "Nov 14, 2023 22:13:20.123456000 UTC");
	assert_string_equal(field_n(&q, "icmp.data_time_relative",
	    0)->meaning, "0.100000000");
	/* A day away: no timestamp. */
	q.ts.tv_sec += 3600 * 24;
	st_pkt_reset(&q, tbuf, (uint32_t)n, (uint32_t)n);
	q.ts.tv_sec = 0x6553f100 + 3600 * 24;
	st_decode(&q, DLT_RAW);
	assert_int_equal(count(&q, "icmp.data_time"), 0);
}

/* 6to4 (EUI-64 interface ID) to Teredo; a local interface ID gives no MAC. */
#define ADDR6 "6000000000003b40" "20020c0402010007021122fffe334455" \
	"20010000c0a800017777eefff3fdfefe"
#define LOCAL6 "6000000000003b40" "fd52429ec03c8235883cd6fffee14dc4" \
	"fd52429ec03c8235883cd6fffee14dc5"

static void
test_addr_facts(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, ADDR6);

	(void)state;
	assert_string_equal(field_n(p, "ipv6.src_slaac_mac", 0)->meaning,
	    "00:11:22:33:44:55");
	assert_int_equal(fval(p, "ipv6.src_6to4_gw_ipv4"), 0x0c040201);
	assert_int_equal(fval(p, "ipv6.src_6to4_sla_id"), 7);
	assert_int_equal(fval(p, "ipv6.dst_ts_ipv4"), 0xc0a80001);
	assert_int_equal(fval(p, "ipv6.dst_tc_port"), 4352);
	assert_string_equal(field_n(p, "ipv6.dst_tc_ipv4", 0)->meaning,
	    "12.2.1.1");
	sweep_prefixes(DLT_RAW, ADDR6);
	p = decode_hex(DLT_RAW, LOCAL6);
	assert_int_equal(count(p, "ipv6.src_slaac_mac"), 0);
}

/*
 * Payload length 0: segmentation offload (BIG TCP) or a jumbogram whose
 * hop-by-hop Jumbo Payload option carries the length; the captured bytes
 * are the payload, as Wireshark takes them, and a note says so.
 */
static void
test_plen_zero(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* No extension header: UDP 7 -> 9 with 4 bytes of data. */
	p = decode_hex(DLT_RAW, "6000000000001140" "20010db8000000000000"
	    "000000000001" "20010db8000000000000000000000002"
	    "9c400009000c0000" "74657374");
	assert_chain(p, "ipv6 udp data");
	assert_int_equal(fval(p, "ipv6.plen"), 0);
	assert_int_equal(fval(p, "udp.length"), 12);
	assert_true(has_note(p, "payload length 0"));
	/* A jumbogram: hop-by-hop with Jumbo Payload (194), then UDP. */
	p = decode_hex(DLT_RAW, "6000000000000040" "20010db8000000000000"
	    "000000000001" "20010db8000000000000000000000002"
	    "1100c2040000001c" "9c400009000c0000" "74657374");
	assert_chain(p, "ipv6 hopopts udp data");
	assert_int_equal(fval(p, "ipv6.opt.jumbo"), 28);
	/* Nothing after the fixed header: no payload to take. */
	p = decode_hex(DLT_RAW, "6000000000001140" "20010db8000000000000"
	    "000000000001" "20010db8000000000000000000000002");
	assert_chain(p, "ipv6");
	assert_false(has_note(p, "payload length 0"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_routing),
		cmocka_unit_test(test_routing_truncated),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_mld),
		cmocka_unit_test(test_nd),
		cmocka_unit_test(test_icmp_ext),
		cmocka_unit_test(test_icmp_data_time),
		cmocka_unit_test(test_addr_facts),
		cmocka_unit_test(test_plen_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
