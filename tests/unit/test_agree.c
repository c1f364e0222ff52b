/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Field agreement with tshark (issues 16 and 17): the corpus frames where
 * strata read less than tshark or read it otherwise, as bytes, with every
 * shorter prefix.
 */
#include "testutil.h"

/* zoo/tok2str-oobr-1.pcap #1's last BGP message (over IPv4/TCP from port
 * 179): a withdrawn 0/0, then path attributes said to be 1936 bytes long
 * in a 30-byte message; the one attribute header it holds (flags 0x0f,
 * type 0, length 3) runs past it. */
#define BGPATTRS "45000046000140004006ae89c6120002c612000100b39c40000013880000" \
	"03e85018ffff51700000ffffffffffffffffffffffffffffffff001e0200010007900f" \
	"0003000105"
/* zoo/icmp-cksum-oobr-4.pcapng #1 without its PPP header: an IPv4 total
 * length of 8360 in a 168-byte frame that was not cut, carrying an ICMP
 * time exceeded whose checksum is wrong over the bytes there are. */
#define ICMPLONG "45c020a813b70000fb017edb0a000c020a000c010b00151e000000004500" \
	"001c0a0e000001118fbf0a000c010affff04c03f829b00089cfe00000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000000000000200000000000" \
	"000000000000000000000000000000000000000000000000000000000000000000000" \
	"000000000000000000002000ddf40008010100010101"
/* An IPv4 total length of 0 (BIG TCP, segmentation offload) over UDP to
 * Geneve's port, as zoo/bigtcp-ipv4-geneve-ipv4.pcap. */
#define IPLEN0 "45000000000140004011aec4c6120001c6120002746c17c10014e770" \
	"000000000000000000000000"
/* zoo/pim_header_asan-3.pcap #1 from its IP header: a PIM register in a
 * first fragment (MF), carrying "IP version 0". */
#define PIMREG0 "450022289dfde0002f67000a16030207360000f921a00e00010005140000" \
	"000100f700000000000000"

static void
test_bgp_attrs_past_message(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, BGPATTRS);

	(void)state;
	assert_chain(p, "ipv4 tcp bgp");
	assert_int_equal(layer(p, "bgp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "bgp.update.path_attributes.length"), 1936);
	/* As tshark: the attribute header the message holds is listed. */
	assert_int_equal(fval(p, "bgp.update.path_attribute.flags"), 0x0f);
	assert_int_equal(fval(p, "bgp.update.path_attribute.type_code"), 0);
	assert_int_equal(fval(p, "bgp.update.path_attribute.length"), 3);
	assert_int_equal(fval(p, "bgp.prefix_length"), 0);
	sweep_prefixes(DLT_RAW, BGPATTRS);
}

static void
test_ip_longer_than_frame(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, ICMPLONG);

	(void)state;
	assert_int_equal(layer(p, "ipv4")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "ip.len"), 8360);
	/* Nothing was cut: verified over what the frame holds, bad. */
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_BAD);
	assert_int_equal(fval(p, "icmp.checksum.status"), ST_CK_BAD);
	sweep_prefixes(DLT_RAW, ICMPLONG);
	/* Cut by the capture: not verified. */
	st_pkt_reset(&tpkt, tbuf, 100, 168);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(field_n(&tpkt, "icmp.checksum", 0)->ck,
	    ST_CK_UNVERIFIED);
}

static void
test_ip_len0_from_frame(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, IPLEN0);

	(void)state;
	assert_chain(p, "ipv4 udp geneve data");
	/* As tshark: the length the frame gives, not the 0 on the wire. */
	assert_int_equal(fval(p, "ip.len"), 40);
	assert_int_equal(layer(p, "ipv4")->status, ST_LS_OK);
	/* Cut by the capture: the frame's length on the wire. */
	st_pkt_reset(&tpkt, tbuf, 40, 80116);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(fval(&tpkt, "ip.len"), 80116);
	sweep_prefixes(DLT_RAW, IPLEN0);
}

static void
test_ip_cut_after_checksum(void **state)
{
	const struct st_field *ck;

	(void)state;
	/* zoo/of13_ericsson.pcapng #66's packet-in: 18 bytes of an IPv4
	 * header, its checksum there, the destination cut. */
	hexbytes(IPLEN0);
	st_pkt_reset(&tpkt, tbuf, 18, 40);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(layer(&tpkt, "ipv4")->status, ST_LS_TRUNCATED);
	ck = field_n(&tpkt, "ip.checksum", 0);
	assert_int_equal(ck->ck, ST_CK_UNVERIFIED);
	assert_int_equal(fval(&tpkt, "ip.checksum.status"), ST_CK_UNVERIFIED);
	/* Before the checksum: neither. */
	st_pkt_reset(&tpkt, tbuf, 11, 40);
	st_decode(&tpkt, DLT_RAW);
	assert_false(has_field(&tpkt, "ip.checksum.status"));
}

static void
test_pim_register_fragment(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, PIMREG0);

	(void)state;
	/* Version 0 is no packet to decode: data, as tshark's dummy. */
	assert_chain(p, "ipv4 pim data");
	assert_int_equal(fval(p, "pim.ip_version"), 0);
	assert_int_equal(field_n(p, "ip.version", 0)->val, 4);
	/* A fragment's checksum is not verified. */
	assert_int_equal(field_n(p, "pim.cksum", 0)->ck, ST_CK_UNVERIFIED);
	assert_int_equal(fval(p, "pim.cksum.status"), ST_CK_UNVERIFIED);
	sweep_prefixes(DLT_RAW, PIMREG0);
}

/* zoo/ppp_error_hexdump.pcap #1's first bytes: address 0xff, control
 * 0x60 (not UI's 0x03), protocol 0x7e80. */
#define PPPCTL "ff607e80210100002d6604006c72"

static void
test_ppp_address_any_control(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, PPPCTL);

	(void)state;
	assert_int_equal(fval(p, "ppp.address"), 0xff);
	assert_int_equal(fval(p, "ppp.control"), 0x60);
	assert_int_equal(fval(p, "ppp.protocol"), 0x7e80);
	assert_int_equal(layer(p, "ppp")->hdr_len, 4);
	sweep_prefixes(DLT_PPP, PPPCTL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bgp_attrs_past_message),
		cmocka_unit_test(test_ip_longer_than_frame),
		cmocka_unit_test(test_ip_len0_from_frame),
		cmocka_unit_test(test_ip_cut_after_checksum),
		cmocka_unit_test(test_pim_register_fragment),
		cmocka_unit_test(test_ppp_address_any_control),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
