/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP (src/proto/rdp.c) and T.125 MCS (src/proto/t125.c), from frames of
 * captures/make-rdp.py: the X.224 connection request's cookie and
 * negotiation request, the confirm's response and failure, MCS attach
 * user and channel join confirms, the security exchange and an encrypted
 * PDU in send-data PDUs, a fast-path input PDU in TPKT's place and the
 * disconnect ultimatum; MS-RDPEUDP's SYN and a data datagram; every shorter prefix decoded without a read past
 * it, cut headers marked truncated, lying lengths malformed.
 */
#include "testutil.h"
#include "strata/match.h"

#define ETH_IP_TCP \
	"020000000002020000000001080045000056000440004006ae76c6120001c612" \
	"0002c0360d3d000003e8000013885018ffff7a980000"
/* CR: "Cookie: mstshash=DOM\user", request TLS and CredSSP. */
#define CR ETH_IP_TCP \
	"0300002e29e00000000000436f6f6b69653a206d737473686173683d444f4d5c" \
	"757365720d0a0100080003000000"
#define CR_RDP		65	/* where the cookie starts (CR's user data) */
#define CC \
	"02000000000102000000000208004500003b000540004006ae90c6120002c612" \
	"00010d3dc03600001388000004165018fffffb5e0000030000130ed000001234" \
	"00021f080000000000"
#define FAIL \
	"02000000000102000000000208004500003b001340004006ae82c6120002c612" \
	"00010d3dc037000013880000040f5018ffff1a620000030000130ed000001234" \
	"000300080002000000"
#define AUCF \
	"020000000001020000000002080045000033000840004006ae95c6120002c612" \
	"00010d3dc0360000139b0000042a5018ffffb13700000300000b02f0802e0000" \
	"07"
#define CJCF \
	"020000000001020000000002080045000037000a40004006ae8fc6120002c612" \
	"00010d3dc036000013a6000004365018ffffd10000000300000f02f0803e0000" \
	"0703f003f0"
#define MCS_T125	61	/* where T.125 starts */
/* An MCS Connect-Response (BER), its T.124 user data cut to 2 bytes. */
#define CRSP \
	"020000000001020000000002080045000058000640004006ae72c6120002c612" \
	"00010d3dc0360000139b000004165018ffff3f8800000300003002f0807f6626" \
	"0a0100020100301a020122020103020100020101020100020101020300fff802" \
	"01020402abcd"
#define EXCH \
	"020000000002020000000001080045000046000b40004006ae7fc6120001c612" \
	"0002c0360d3d00000436000013b55018ffff2da200000300001e02f080640007" \
	"03eb701001000000080000004041424344454647"
#define ENC \
	"0200000000010200000000020800450000d9000c40004006adebc6120002c612" \
	"00010d3dc036000013b5000004545018fffff3a30000030000b102f080680001" \
	"03eb7080a208080203a0a1a2a3a4a5a6a7000102030405060708090a0b0c0d0e" \
	"0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e" \
	"2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e" \
	"4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e" \
	"6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e" \
	"8f909192939495"
#define FP \
	"020000000002020000000001080045000038000d40004006ae8bc6120001c612" \
	"0002c0360d3d00000454000014665018ffffbf730000c810a0a1a2a3a4a5a6a7" \
	"46223c97a496"
#define DPUM \
	"020000000001020000000002080045000031000e40004006ae91c6120002c612" \
	"00010d3dc03600001466000004645018ffff374300000300000902f0802180"

/* MS-RDPEUDP: the start of a SYN (zeros pad it to 1232 bytes) and a
 * datagram with an ack vector and data carrying a TLS client hello. */
#define USYN \
	"0200000000020200000000010800450004ec000140004011a9d8c6120001c612" \
	"0002c3500d3d04d8ad34ffffffff004018010b127f1504d004d0010203040506" \
	"0708090a0b0c0d0e0f1000000000000000000000000000000000000100020000"
#define USYN_LEN	1274
#define UDATA \
	"020000000002020000000001080045000062000140004011ae62c6120001c612" \
	"0002c3500d3d004e21470f94ea0b0400000c0001001f0b127f160b127f161603" \
	"01002d0100002903010000000000000000000000000000000000000000000000" \
	"000000000000000000000002002f0100"
#define UDP_RDPUDP	42

/* The hex frame cut at k bytes (inside the rdpudp header): truncated. */
static void
cut_in_header(const char *hex, size_t k)
{
	static struct st_packet p;
	size_t n = hexbytes(hex);
	uint8_t *b = malloc(k);

	assert_non_null(b);
	memcpy(b, tbuf, k);
	st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
	st_decode(&p, DLT_EN10MB);
	assert_non_null(last_layer(&p, "rdpudp"));
	assert_int_equal(last_layer(&p, "rdpudp")->status, ST_LS_TRUNCATED);
	free(b);
}

static void
test_rdp_negotiation(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, CR);
	assert_chain(p, "eth ipv4 tcp tpkt cotp rdp");
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_OK);
	assert_string_equal(field_n(p, "rdp.rt_cookie", 0)->meaning,
	    "Cookie: mstshash=DOM\\user");
	assert_int_equal(fval(p, "rdp.neg_type"), 1);
	assert_int_equal(fval(p, "rdp.negReq.flags"), 0);
	assert_int_equal(fval(p, "rdp.neg_length"), 8);
	assert_int_equal(fval(p, "rdp.negReq.requestedProtocols"), 3);
	assert_int_equal(fval(p, "rdp.negReq.requestedProtocols.ssl"), 1);
	assert_int_equal(fval(p, "rdp.negReq.requestedProtocols.hybrid"), 1);
	assert_int_equal(fval(p, "rdp.negReq.requestedProtocols.rdstls"), 0);
	/* COTP's length covers the user data: a cut one is a cut CR */
	sweep_trunc("cotp", CR_RDP + 1, CR, 0);

	p = decode_hex(DLT_EN10MB, CC);
	assert_chain(p, "eth ipv4 tcp tpkt cotp rdp");
	assert_int_equal(fval(p, "rdp.neg_type"), 2);
	assert_int_equal(fval(p, "rdp.negRsp.flags"), 0x1f);
	assert_int_equal(fval(p,
	    "rdp.negRsp.flags.extended_client_data_supported"), 1);
	assert_int_equal(fval(p,
	    "rdp.negRsp.flags.restricted_authentication_mode_supported"), 1);
	assert_int_equal(fval(p, "rdp.negReq.selectedProtocol"), 0);
	assert_false(has_field(p, "rdp.rt_cookie"));
	sweep_trunc("cotp", CR_RDP - 8 + 1, CC, 0);

	p = decode_hex(DLT_EN10MB, FAIL);
	assert_int_equal(fval(p, "rdp.neg_type"), 3);
	assert_int_equal(fval(p, "rdp.negFailure.failureCode"), 2);
	assert_non_null(strstr(summary_of(DLT_EN10MB, FAIL),
	    "rdp negotiate failure: TLS not allowed by server"));
}

static void
test_rdp_malformed(void **state)
{
	char hex[sizeof(FAIL)];
	const struct st_packet *p;

	(void)state;
	/* a negotiation length of 9 */
	memcpy(hex, FAIL, sizeof(FAIL));
	hex[2 * 65 + 2 * 2] = '0';
	hex[2 * 65 + 2 * 2 + 1] = '9';
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_MALFORMED);
	/* an unknown negotiation type: no RDP at all */
	memcpy(hex, FAIL, sizeof(FAIL));
	hex[2 * 65] = '7';
	hex[2 * 65 + 1] = '7';
	p = decode_hex(DLT_EN10MB, hex);
	assert_null(last_layer(p, "rdp"));
}

static void
test_t125_domain(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, AUCF);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125");
	assert_int_equal(fval(p, "t124.DomainMCSPDU"), 11);
	assert_int_equal(fval(p, "per.optional_field_bit"), 1);
	assert_int_equal(fval(p, "t124.result"), 0);
	assert_int_equal(fval(p, "t124.initiator"), 7);
	sweep_trunc("t125", MCS_T125 + 1, AUCF, 0);

	p = decode_hex(DLT_EN10MB, CJCF);
	assert_int_equal(fval(p, "t124.DomainMCSPDU"), 15);
	assert_int_equal(fval(p, "t124.requested"), 1008);
	assert_int_equal(fval(p, "t124.channelId"), 1008);
	sweep_trunc("t125", MCS_T125 + 1, CJCF, 0);

	p = decode_hex(DLT_EN10MB, CRSP);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125");
	assert_int_equal(last_layer(p, "t125")->status, ST_LS_OK);
	assert_int_equal(fval(p, "t125.ConnectMCSPDU"), 102);
	assert_int_equal(fval(p, "t125.result"), 0);
	assert_int_equal(fval(p, "t125.maxChannelIds"), 34);
	assert_int_equal(fval(p, "t125.maxMCSPDUsize"), 65528);
	assert_int_equal(fval(p, "t125.protocolVersion"), 2);
	assert_true(has_field(p, "t125.userData"));
	sweep_trunc("t125", MCS_T125 + 1, CRSP, 0);

	p = decode_hex(DLT_EN10MB, DPUM);
	assert_int_equal(fval(p, "t124.DomainMCSPDU"), 8);
	assert_int_equal(fval(p, "t124.reason"), 3);
	assert_non_null(strstr(summary_of(DLT_EN10MB, DPUM),
	    "t125 disconnectProviderUltimatum rn-user-requested"));
}

static void
test_rdp_security(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, EXCH);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125 rdp");
	assert_int_equal(fval(p, "t124.DomainMCSPDU"), 25);
	assert_int_equal(fval(p, "t124.channelId"), 1003);
	assert_int_equal(fval(p, "t124.dataPriority"), 1);
	assert_string_equal(field_n(p, "t124.segmentation", 0)->meaning,
	    "c0");
	assert_int_equal(fval(p, "per.octet_string_length"), 16);
	assert_int_equal(fval(p, "rdp.flags"), 1);
	assert_int_equal(fval(p, "rdp.flags.pkt"), 1);
	assert_int_equal(fval(p, "rdp.length"), 8);
	assert_true(has_field(p, "rdp.encryptedClientRandom"));
	sweep_trunc("rdp", MCS_T125 + 8 + 1, EXCH, 0);

	p = decode_hex(DLT_EN10MB, ENC);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125 rdp data");
	assert_int_equal(fval(p, "per.octet_string_length"), 162);
	assert_int_equal(fval(p, "rdp.flags"), 0x0808);
	assert_int_equal(fval(p, "rdp.flags.encrypt"), 1);
	assert_int_equal(fval(p, "rdp.flags.securechecksum"), 1);
	assert_int_equal(fval(p, "rdp.flagsHi"), 0x0302);
	assert_true(has_field(p, "rdp.dataSignature"));
	sweep_prefixes(DLT_EN10MB, ENC);
}

static void
test_rdp_fastpath(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();	/* no TPKT seen before: input to port 3389 */
	p = decode_hex(DLT_EN10MB, FP);
	assert_chain(p, "eth ipv4 tcp tpkt rdp");
	assert_int_equal(fval(p, "rdp.fastpath.header"), 0xc8);
	assert_int_equal(fval(p, "rdp.fastpath.action"), 0);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 2);
	assert_int_equal(fval(p, "rdp.fastpath.flags"), 3);
	assert_int_equal(fval(p, "rdp.fastpathPDULength"), 16);
	assert_false(has_field(p, "tpkt.version"));
	sweep_prefixes(DLT_EN10MB, FP);
	sweep_prefixes(DLT_EN10MB, DPUM);
	sweep_prefixes(DLT_EN10MB, FAIL);
}

static void
test_rdpudp(void **state)
{
	static char syn[2 * USYN_LEN + 1];
	const struct st_packet *p;

	(void)state;
	memset(syn, '0', 2 * USYN_LEN);
	memcpy(syn, USYN, strlen(USYN));
	p = decode_hex(DLT_EN10MB, syn);
	assert_chain(p, "eth ipv4 udp rdpudp");
	assert_int_equal(last_layer(p, "rdpudp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rdpudp.snsourceack"), 0xffffffffu);
	assert_int_equal(fval(p, "rdpudp.flags"), 0x1801);
	assert_int_equal(fval(p, "rdpudp.flags.syn"), 1);
	assert_int_equal(fval(p, "rdpudp.flags.correlationid"), 1);
	assert_int_equal(fval(p, "rdpudp.flags.ack"), 0);
	assert_int_equal(fval(p, "rdpudp.initialsequencenumber"), 0x0b127f15);
	assert_int_equal(fval(p, "rdpudp.upstreammtu"), 1232);
	assert_true(has_field(p, "rdpudp.correlationid"));
	assert_int_equal(fval(p, "rdpudp.synex.version"), 2);
	sweep_prefixes(DLT_EN10MB, syn);
	/* a SYN not padded to 1232 bytes is no version 1 SYN */
	syn[2 * 200] = '\0';
	p = decode_hex(DLT_EN10MB, syn);
	assert_null(last_layer(p, "rdpudp"));

	p = decode_hex(DLT_EN10MB, UDATA);
	assert_chain(p, "eth ipv4 udp rdpudp tls");
	assert_int_equal(fval(p, "rdpudp.flags.data"), 1);
	assert_int_equal(fval(p, "rdpudp.ack.item"), 0);
	assert_int_equal(fval(p, "rdpudp.data.sncoded"), 0x0b127f16);
	assert_int_equal(fval(p, "rdpudp.data.sourceStart"), 0x0b127f16);
	assert_non_null(strstr(summary_of(DLT_EN10MB, UDATA),
	    "rdpudp ACK,DATA sn 0x0b127f16"));
	sweep_prefixes(DLT_EN10MB, UDATA);
	cut_in_header(UDATA, UDP_RDPUDP + 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rdp_negotiation),
		cmocka_unit_test(test_rdp_malformed),
		cmocka_unit_test(test_t125_domain),
		cmocka_unit_test(test_rdp_security),
		cmocka_unit_test(test_rdp_fastpath),
		cmocka_unit_test(test_rdpudp),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
