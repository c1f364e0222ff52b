/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Issue 16's OSI family items: Frame Relay frames with a numbered (I or S)
 * control field before an NLPID (FRF.3.2), read as tshark 4.0 reads them.
 * Each with every shorter prefix and a malformed variant.
 */
#include "testutil.h"

#include <stdio.h>

#define DLT_FR 107

/* esis_snpa_asan.pcap #2: DLCI 1, an I frame (N(S) 17), ES-IS RD. */
#define FR_IFRAME_ESIS \
	"000c05220082110155465305ffff050004ec000000"
/* DLCI 16, an S frame (RNR, N(R) 5, poll), a pad, NLPID IPv4, an ICMP echo. */
#define FR_SFRAME_IP \
	"0401050b00cc" \
	"4500001c0001000040010000c6120001c6120002" \
	"0800f7fe00010000"
/* DLCI 16: 0x2200 is no EtherType, and 0x99 after it no known NLPID. */
#define FR_CISCO_UNKNOWN "040122009911"
/* DLCI 0, an I frame: LAPF, shown as data after the control field. */
#define FR_LAPF "000be8220082"

static void
test_fr_iframe(void **state)
{
	const struct st_packet *p = decode_hex(DLT_FR, FR_IFRAME_ESIS);

	(void)state;
	assert_chain(p, "fr esis");
	assert_int_equal(fval(p, "fr.dlci"), 1);
	assert_int_equal(fval(p, "fr.control"), 0x22);
	assert_int_equal(fval(p, "fr.control.n_s"), 17);
	assert_int_equal(fval(p, "fr.control.n_r"), 0);
	assert_int_equal(fval(p, "fr.control.ftype"), 0);
	assert_false(has_field(p, "fr.chdlctype"));
	assert_int_equal(layer(p, "fr")->hdr_len, 5);
	sweep_prefixes(DLT_FR, FR_IFRAME_ESIS);
}

static void
test_fr_sframe(void **state)
{
	const struct st_packet *p = decode_hex(DLT_FR, FR_SFRAME_IP);

	(void)state;
	assert_chain(p, "fr ipv4 icmp");
	assert_int_equal(fval(p, "fr.dlci"), 16);
	assert_int_equal(fval(p, "fr.control.s_ftype"), 1);
	assert_int_equal(fval(p, "fr.control.ftype"), 1);
	assert_int_equal(fval(p, "fr.control.n_r"), 5);
	assert_int_equal(fval(p, "fr.control.p"), 1);
	/* the pad, then the NLPID */
	assert_int_equal(field_n(p, "fr.nlpid", 0)->val, 0);
	assert_int_equal(field_n(p, "fr.nlpid", 1)->val, 0xcc);
	sweep_prefixes(DLT_FR, FR_SFRAME_IP);
}

static void
test_fr_fallbacks(void **state)
{
	const struct st_packet *p = decode_hex(DLT_FR, FR_CISCO_UNKNOWN);

	(void)state;
	/* no EtherType, no NLPID after what would be the control field */
	assert_chain(p, "fr data");
	assert_false(has_field(p, "fr.chdlctype"));
	assert_false(has_field(p, "fr.control"));
	p = decode_hex(DLT_FR, "0401080045");
	assert_chain(p, "fr ipv4");
	assert_int_equal(fval(p, "fr.chdlctype"), 0x0800);
	sweep_prefixes(DLT_FR, FR_CISCO_UNKNOWN);

	p = decode_hex(DLT_FR, FR_LAPF);
	assert_chain(p, "fr data");
	assert_int_equal(fval(p, "fr.dlci"), 0);
	assert_int_equal(fval(p, "fr.control.n_s"), 116);
	assert_int_equal(fval(p, "fr.control.n_r"), 17);
	assert_int_equal(layer(p, "fr")->hdr_len, 2);
	/* the control field cut after its first octet: truncated */
	p = decode_hex(DLT_FR, "000be8");
	assert_int_equal(layer(p, "fr")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_FR, FR_LAPF);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fr_iframe),
		cmocka_unit_test(test_fr_sframe),
		cmocka_unit_test(test_fr_fallbacks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
