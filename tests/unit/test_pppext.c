/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP's protocols after LCP: CCP and compressed datagrams, BACP and BAP,
 * Multilink PPP, MPLSCP, CDPCP, OSINLCP and CBCP.  The bytes are those
 * captures/make-pppext.py writes, and variants cut short or lying.
 */
#include "testutil.h"

/* CCP Conf-Request with every option tshark knows and an unknown one. */
#define CCP_REQ \
	"ff0380fd01010056000600000c01000800000c02aabb010202020302100211050001" \
	"0311060001030412060100006113050a01021404010215032f1706000103011804a5" \
	"021903011a0478001b0400011b060001080063047879"
#define CCP_RESET	"ff0380fd0e020004"
#define COMP_DATA	"ff0300fd0001deadbeef"
/* Deflate of 3 bytes, LZS-DCP of 4: lengths the methods do not take. */
#define CCP_BADLEN	"ff0380fd0104000b1a037817040001"
#define CCP_OPTLEN1	"ff0380fd010500061a01"
/* tcpdump's ppp_ccp_config_deflate_option_asan: Deflate past the end. */
#define CCP_OVERRUN	"ff0380fd010600081a087800"
#define CCP_V44CUT	"ff0380fd010700091b05000102"

/* BACP's Favored-Peer; BAP's Call-Request with every option. */
#define BACP_REQ	"ff03c02b0101000a010611223344"
#define BAP_REQ \
	"ff03c02d0103003c010500400102160103070209353535313233340304313209047a" \
	"7a030204106d6f72652062616e6477696474680504000706040002090371"
#define BAP_RESP	"ff03c02d0203000a000105004001"
#define BAP_BADSUB	"ff03c02d0106000e02060101000001040040"

/* MP: a whole IPv4 datagram in one fragment (B and E), a first fragment,
 * a middle one with class and reserved bits set, a header of 3 bytes. */
#define MP_WHOLE \
	"ff03003dc0000005002145000025000140004001aeafc6120001c612000208" \
	"00ce05123400016d756c74696c696e6b"
#define MP_FIRST \
	"ff03003d80000064002145000025000140004001aeafc6120001"
#define MP_MIDDLE	"ff03003d3f0003016d6964"
#define MP_SHORT	"ff03003dc00005"

#define MPLSCP_REQ	"ff0382810101000801046162"
#define CDPCP_REQ	"ff03820701030004"
#define OSINLCP_REQ	"ff0380230104000b01030202047a7a"
#define CBCP_REQ \
	"ff03c0290105001f0102020805013132330004110a0135353530313030000136363600"
#define CBCP_NONUL	"ff03c0290206000b02070501313233"
#define CBCP_ADMIN	"ff03c0290107000803040501"

static void
test_ccp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, CCP_REQ);

	(void)state;
	assert_chain(p, "ppp ccp");
	assert_int_equal(layer(p, "ccp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ppp.code"), 1);
	assert_int_equal(fval(p, "ppp.length"), 86);
	assert_non_null(field_n(p, "ccp.opt.type", 17));
	assert_int_equal(field_n(p, "ccp.opt.oui", 1)->val, 0x00000c);
	assert_int_equal(field_n(p, "ccp.opt.subtype", 1)->val, 2);
	assert_int_equal(field_n(p, "ccp.opt.data", 0)->bits, 16);
	assert_int_equal(fval(p, "ccp.opt.history_count"), 1);
	assert_int_equal(fval(p, "ccp.opt.cm.check_mode"), 3);
	assert_true(has_field(p, "ccp.opt.stac_ascend"));
	assert_int_equal(fval(p, "ccp.opt.supported_bits"), 0x01000061);
	assert_int_equal(fval(p, "ccp.opt.supported_bits.h"), 1);
	assert_int_equal(fval(p, "ccp.opt.supported_bits.m"), 0);
	assert_int_equal(fval(p, "ccp.opt.supported_bits.s"), 1);
	assert_int_equal(fval(p, "ccp.opt.supported_bits.c"), 1);
	assert_int_equal(fval(p, "ccp.opt.history"), 10);
	assert_int_equal(fval(p, "ccp.opt.vd.vers"), 1);
	assert_int_equal(fval(p, "ccp.opt.vd.dict"), 15);
	assert_int_equal(fval(p, "ccp.opt.check_mode"), 3);
	assert_int_equal(fval(p, "ccp.opt.process_mode"), 1);
	assert_int_equal(fval(p, "ccp.opt.fe"), 2);
	assert_int_equal(fval(p, "ccp.opt.p"), 1);
	assert_int_equal(fval(p, "ccp.opt.History"), 5);
	assert_int_equal(fval(p, "ccp.opt.contexts"), 2);
	assert_int_equal(fval(p, "ccp.opt.mode"), 1);
	assert_int_equal(fval(p, "ccp.opt.window"), 7);
	assert_int_equal(fval(p, "ccp.opt.method"), 8);
	assert_int_equal(fval(p, "ccp.opt.chk"), 0);
	assert_non_null(field_n(p, "ccp.opt.mode_dictcount", 1));
	assert_int_equal(fval(p, "ccp.opt.dict_size"), 2048);
	assert_false(has_field(p, "ccp.opt.history_length"));
	/* the unknown option 99: its bytes only */
	assert_int_equal(field_n(p, "strata.ccp.opt.unknown", 0)->bits, 32);

	p = decode_hex(DLT_PPP, CCP_RESET);
	assert_chain(p, "ppp ccp");
	assert_int_equal(fval(p, "ppp.code"), 14);
	p = decode_hex(DLT_PPP, COMP_DATA);
	assert_chain(p, "ppp comp_data");
	assert_int_equal(field_n(p, "strata.comp_data.data", 0)->bits, 48);
	sweep_prefixes(DLT_PPP, CCP_REQ);
	sweep_prefixes(DLT_PPP, COMP_DATA);
}

static void
test_ccp_bad(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, CCP_BADLEN);

	(void)state;
	/* Wireshark warns and shows no fields: the bytes, and a note */
	assert_int_equal(layer(p, "ccp")->status, ST_LS_OK);
	assert_false(has_field(p, "ccp.opt.deflate"));
	assert_false(has_field(p, "ccp.opt.type"));
	assert_non_null(field_n(p, "strata.ccp.opt.unknown", 1));
	assert_true(has_note(p, "Deflate option of 3 bytes, should be 4"));
	p = decode_hex(DLT_PPP, CCP_OPTLEN1);
	assert_int_equal(layer(p, "ccp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "ccp")->why, "option length 1"));
	p = decode_hex(DLT_PPP, CCP_OVERRUN);
	assert_int_equal(layer(p, "ccp")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "ccp")->why, "option length 8"));
	p = decode_hex(DLT_PPP, CCP_V44CUT);
	assert_int_equal(layer(p, "ccp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "ccp.opt.mode_dictcount"), 1);
	assert_false(has_field(p, "ccp.opt.dict_size"));
	/* cut by the capture inside an option: truncated */
	st_pkt_reset(&tpkt, tbuf, 40, (uint32_t)hexbytes(CCP_REQ));
	st_decode(&tpkt, DLT_PPP);
	assert_int_equal(layer(p, "ccp")->status, ST_LS_TRUNCATED);
	assert_int_equal(field_n(p, "ccp.opt.oui", 0)->val, 0x00000c);
	sweep_prefixes(DLT_PPP, CCP_OVERRUN);
}

static void
test_bacp_bap(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, BACP_REQ);

	(void)state;
	assert_chain(p, "ppp bacp");
	assert_int_equal(fval(p, "bacp.opt.type"), 1);
	assert_int_equal(fval(p, "bacp.magic_number"), 0x11223344);
	assert_true(has_field(p, "bacp.opt.favored_peer"));
	sweep_prefixes(DLT_PPP, BACP_REQ);

	p = decode_hex(DLT_PPP, BAP_REQ);
	assert_chain(p, "ppp bap");
	assert_int_equal(layer(p, "bap")->status, ST_LS_OK);
	assert_int_equal(fval(p, "bap.type"), 1);
	assert_int_equal(fval(p, "bap.identifier"), 3);
	assert_int_equal(fval(p, "bap.length"), 60);
	assert_false(has_field(p, "bap.response_code"));
	assert_int_equal(fval(p, "bacp.link_speed"), 64);
	assert_int_equal(fval(p, "bacp.link_type"), 1);
	assert_non_null(field_n(p, "bap.sub_option_type", 3));
	assert_int_equal(fval(p, "bap.unique_digit"), 7);
	assert_string_equal(field_n(p, "bap.subscriber_number", 0)->meaning,
	    "5551234");
	assert_string_equal(field_n(p, "bap.phone_number_sub_address",
	    0)->meaning, "12");
	assert_int_equal(field_n(p, "bap.unknown_option_data", 0)->bits, 16);
	assert_true(has_field(p, "bap.opt.no_phone"));
	assert_string_equal(field_n(p, "bap.reason", 0)->meaning,
	    "more bandwidth");
	assert_int_equal(fval(p, "bap.link_discriminator"), 7);
	assert_int_equal(fval(p, "bap.call_status"), 0);
	assert_int_equal(fval(p, "bap.call_action"), 2);
	assert_non_null(field_n(p, "bap.opt.type", 5));
	assert_true(has_field(p, "strata.bap.opt.unknown"));

	p = decode_hex(DLT_PPP, BAP_RESP);
	assert_int_equal(fval(p, "bap.response_code"), 0);
	assert_int_equal(fval(p, "bacp.link_speed"), 64);
	/* a response whose length leaves its code out: read from the
	 * padding, as tshark does, and marked */
	p = decode_hex(DLT_PPP, "ff03c02d0403000402");
	assert_int_equal(fval(p, "bap.response_code"), 2);
	assert_int_equal(layer(p, "bap")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_PPP, "ff03c02d04030004");
	assert_false(has_field(p, "bap.response_code"));
	assert_int_equal(layer(p, "bap")->status, ST_LS_MALFORMED);
	/* a sub-option length of 1 ends the sub-options; a link type of 4
	 * bytes is kept as bytes */
	p = decode_hex(DLT_PPP, BAP_BADSUB);
	assert_int_equal(fval(p, "bap.sub_option_length"), 1);
	assert_true(has_note(p, "phone-delta sub-option length 1"));
	assert_false(has_field(p, "bacp.link_speed"));
	assert_true(has_note(p, "Link Type option of 4 bytes"));
	st_pkt_reset(&tpkt, tbuf, 20, (uint32_t)hexbytes(BAP_REQ));
	st_decode(&tpkt, DLT_PPP);
	assert_int_equal(layer(p, "bap")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_PPP, BAP_REQ);
}

static void
test_mp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, MP_WHOLE);

	(void)state;
	/* B and E: the datagram goes on to PPP, as tshark's reassembly */
	assert_chain(p, "ppp mp ppp ipv4 icmp data");
	assert_int_equal(fval(p, "mp.first"), 1);
	assert_int_equal(fval(p, "mp.last"), 1);
	assert_int_equal(fval(p, "mp.frag"), 0x30);
	assert_int_equal(fval(p, "mp.seq"), 5);
	assert_int_equal(fval(p, "mp.fragment.count"), 1);
	assert_int_equal(fval(p, "mp.reassembled.length"), 39);
	assert_int_equal(layer(p, "mp")->hdr_len, 4);
	assert_false(has_field(p, "mp.payload"));

	p = decode_hex(DLT_PPP, MP_FIRST);
	assert_chain(p, "ppp mp");
	assert_int_equal(fval(p, "mp.first"), 1);
	assert_int_equal(fval(p, "mp.last"), 0);
	assert_int_equal(fval(p, "mp.seq"), 100);
	assert_int_equal(field_n(p, "mp.payload", 0)->bits, 18 * 8);
	p = decode_hex(DLT_PPP, MP_MIDDLE);
	assert_int_equal(fval(p, "mp.frag"), 0x0f);
	assert_int_equal(fval(p, "mp.sequence_num_cls"), 15);
	assert_int_equal(fval(p, "mp.sequence_num_reserved"), 3);
	assert_int_equal(fval(p, "mp.seq"), 0x301);
	/* tcpdump's mlppp-oobr: a header cut short */
	p = decode_hex(DLT_PPP, MP_SHORT);
	assert_int_not_equal(layer(p, "mp")->status, ST_LS_OK);
	assert_false(has_field(p, "mp.seq"));
	p = decode_hex(DLT_PPP, "ff03003d80");
	assert_int_not_equal(layer(p, "mp")->status, ST_LS_OK);
	sweep_prefixes(DLT_PPP, MP_WHOLE);
	sweep_prefixes(DLT_PPP, MP_FIRST);
}

static void
test_ncps(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, MPLSCP_REQ);

	(void)state;
	assert_chain(p, "ppp mplscp");
	assert_int_equal(fval(p, "ppp.code"), 1);
	assert_int_equal(field_n(p, "strata.mplscp.opt.unknown", 0)->bits,
	    32);
	p = decode_hex(DLT_PPP, CDPCP_REQ);
	assert_chain(p, "ppp cdpcp");
	assert_int_equal(fval(p, "ppp.identifier"), 3);
	p = decode_hex(DLT_PPP, OSINLCP_REQ);
	assert_chain(p, "ppp osinlcp");
	assert_int_equal(fval(p, "osinlcp.opt.alignment"), 2);
	assert_true(has_field(p, "osinlcp.opt.def_pid"));
	assert_true(has_field(p, "strata.osinlcp.opt.unknown"));
	sweep_prefixes(DLT_PPP, OSINLCP_REQ);
	sweep_prefixes(DLT_PPP, MPLSCP_REQ);
	sweep_prefixes(DLT_PPP, CDPCP_REQ);
}

static void
test_cbcp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPP, CBCP_REQ);

	(void)state;
	assert_chain(p, "ppp cbcp");
	assert_int_equal(layer(p, "cbcp")->status, ST_LS_OK);
	assert_non_null(field_n(p, "cbcp.opt.type", 2));
	assert_int_equal(field_n(p, "cbcp.no_callback", 0)->bits, 0);
	assert_int_equal(field_n(p, "cbcp.callback_delay", 0)->val, 5);
	assert_int_equal(field_n(p, "cbcp.callback_delay", 1)->val, 10);
	assert_non_null(field_n(p, "cbcp.address_type", 2));
	assert_string_equal(field_n(p, "cbcp.address", 0)->meaning, "123");
	assert_string_equal(field_n(p, "cbcp.address", 1)->meaning,
	    "5550100");
	assert_string_equal(field_n(p, "cbcp.address", 2)->meaning, "666");
	/* an address without its NUL ends the packet, as in tshark */
	p = decode_hex(DLT_PPP, CBCP_NONUL);
	assert_int_equal(layer(p, "cbcp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "cbcp.address_type"), 1);
	assert_false(has_field(p, "cbcp.address"));
	p = decode_hex(DLT_PPP, CBCP_ADMIN);
	assert_int_equal(layer(p, "cbcp")->status, ST_LS_MALFORMED);
	assert_true(has_field(p, "cbcp.opt.callback_admin"));
	sweep_prefixes(DLT_PPP, CBCP_REQ);
}

/* A malformed and a cut-short variant of each control protocol. */
static void
test_variants(void **state)
{
	static const char *const cut[] = {
		BACP_REQ, MPLSCP_REQ, OSINLCP_REQ, CBCP_REQ,
	};
	static const char *const bad[] = {
		"ff03c02b0101000a010111223344",		/* BACP: length 1 */
		"ff0382810101000801016162",		/* MPLSCP */
		"ff03820701030006ff05",			/* CDPCP: past the end */
		"ff0380230104000b01030202017a7a",	/* OSINLCP */
		"ff03c0290105000602",			/* CBCP: header cut */
	};
	const struct st_packet *p;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		p = decode_hex(DLT_PPP, bad[i]);
		assert_int_equal(p->layers[1].status, ST_LS_MALFORMED);
	}
	for (i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		n = hexbytes(cut[i]);
		st_pkt_reset(&tpkt, tbuf, (uint32_t)n - 3, (uint32_t)n);
		st_decode(&tpkt, DLT_PPP);
		assert_int_equal(tpkt.layers[1].status, ST_LS_TRUNCATED);
	}
	/* BACP's Favored-Peer of 5 bytes: kept as bytes, with a note */
	p = decode_hex(DLT_PPP, "ff03c02b01010009010511223344");
	assert_false(has_field(p, "bacp.magic_number"));
	assert_true(has_note(p, "Favored-Peer option of 5 bytes"));
}

static void
test_summaries(void **state)
{
	(void)state;
	assert_non_null(strstr(summary_of(DLT_PPP, CCP_RESET),
	    "PPP CCP Reset-Request id 2"));
	assert_non_null(strstr(summary_of(DLT_PPP, BAP_RESP),
	    "PPP BAP Call-Response id 0x03 response 0x00: Link Type"));
	assert_non_null(strstr(summary_of(DLT_PPP, MP_FIRST),
	    "PPP MP seq 100 [begin] len 18"));
	assert_non_null(strstr(summary_of(DLT_PPP, CBCP_REQ),
	    "PPP CBCP Callback Request id 5: No callback"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ccp),
		cmocka_unit_test(test_ccp_bad),
		cmocka_unit_test(test_bacp_bap),
		cmocka_unit_test(test_mp),
		cmocka_unit_test(test_ncps),
		cmocka_unit_test(test_cbcp),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_summaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
