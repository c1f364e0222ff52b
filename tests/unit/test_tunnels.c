/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tunnels: GRE (checksum, key, sequence, PPTP, ERSPAN), VXLAN, Geneve,
 * MPLS, IPsec ESP and AH, UDP-encapsulated ESP and IKE, L2TP, LISP; the
 * inner packets through the registry, nesting bounded, the summary naming
 * the tunnel.  The bytes are those captures/make-tunnels.py writes.
 */
#include "testutil.h"

#include <stdio.h>

#define GRE_CK \
	"02000000000202000000000108004500005000010000402fee56c6120001" \
	"c6120002b000080047f9000000000005000000014500002c010100004001" \
	"eda6c6130001c61300020800ad8a12340001000102030405060708090a0b" \
	"0c0d0e0f"
#define GRE_ETH \
	"02000000000202000000000108004500005600010000402fee50c6120001" \
	"c6120002200065580000002a02000000000402000000000308004500002c" \
	"010200004001eda5c6130001c61300020800ad8912340002000102030405" \
	"060708090a0b0c0d0e0f"
#define GRE_BADCK \
	"02000000000202000000000108004500004800010000402fee5ec6120001" \
	"c61200028000080066ee00004500002c010300004001eda4c6130001c613" \
	"00020800ad8812340003000102030405060708090a0b0c0d0e0f"
#define PPTP \
	"02000000000202000000000108004500005400010000402fee52c6120001" \
	"c61200023081880b003017800000000700000003ff0300214500002c0104" \
	"00004001eda3c6130001c61300020800ad87123400040001020304050607" \
	"08090a0b0c0d0e0f"
#define ERSPAN2 \
	"02000000000202000000000108004500005e00010000402fee48c6120001" \
	"c6120002100088be00000009100a00640000000002000000000402000000" \
	"000308004500002c010500004001eda2c6130001c61300020800ad861234" \
	"0005000102030405060708090a0b0c0d0e0f"
#define ERSPAN1 \
	"02000000000202000000000108004500005200010000402fee54c6120001" \
	"c6120002000088be02000000000402000000000308004500002c01060000" \
	"4001eda1c6130001c61300020800ad851234000600010203040506070809" \
	"0a0b0c0d0e0f"
#define VXLAN \
	"02000000000202000000000108004500005e000100004011ee66c6120001" \
	"c61200029c4012b5004a86350800000000002a0002000000000402000000" \
	"000308004500002c010100004001eda6c6130001c61300020800ad8a1234" \
	"0001000102030405060708090a0b0c0d0e0f"
#define GENEVE \
	"020000000002020000000001080045000072000100004011ee52c6120001" \
	"c61200029c4017c1005eeeb50540655800002a0001028001deadbeefffff" \
	"0502000102030405060702000000000402000000000308004500002c0101" \
	"00004001eda6c6130001c61300020800ad8a123400010001020304050607" \
	"08090a0b0c0d0e0f"
#define MPLS2 \
	"02000000000202000000000188470001004000011b3f4500002c01010000" \
	"4001eda6c6130001c61300020800ad8a1234000100010203040506070809" \
	"0a0b0c0d0e0f"
#define MPLS_CW \
	"020000000002020000000001884700013040000141400200000102000000" \
	"000402000000000308004500002c010300004001eda4c6130001c6130002" \
	"0800ad8812340003000102030405060708090a0b0c0d0e0f"
#define ESP \
	"02000000000202000000000108004500004c000100004032ee57c6120001" \
	"c61200020000c0de00000001000102030405060708090a0b0c0d0e0f1011" \
	"12131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f"
#define AH \
	"020000000002020000000001080045000044000100004033ee5ec6120001" \
	"c6120002010400000000beef000000020000000000000000000000000800" \
	"ad8912340002000102030405060708090a0b0c0d0e0f"
#define UDPESP \
	"020000000002020000000001080045000054000100004011ee70c6120001" \
	"c612000211941194004064fc0000c0de0000000100010203040506070809" \
	"0a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627" \
	"28292a2b2c2d2e2f"
#define IKE \
	"020000000002020000000001080045000088000100004011ee3cc6120001" \
	"c612000201f401f400749684010203040506070800000000000000002120" \
	"2208000000000000006c220000140000001001010001000000080100000c" \
	"280000280013000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000014000102030405060708090a0b0c0d0e0f"
#define IKE4500 \
	"02000000000202000000000108004500008c000100004011ee38c6120001" \
	"c6120002119411940078773c000000000102030405060708000000000000" \
	"000021202208000000000000006c22000014000000100101000100000008" \
	"0100000c2800002800130000000000000000000000000000000000000000" \
	"000000000000000000000000000000000014000102030405060708090a0b" \
	"0c0d0e0f"
#define KEEPALIVE \
	"02000000000202000000000108004500001d000100004011eea7c6120001" \
	"c6120002119411940009518bff"
#define L2TP_CTL \
	"020000000002020000000001080045000055000100004011ee6fc6120001" \
	"c612000206a506a50041d65ec80200390000000000000000800800000000" \
	"000180080000000201008015000000076c61632e7374726174612e746573" \
	"748008000000090003"
#define L2TP_DATA \
	"020000000002020000000001080045000054000100004011ee70c6120001" \
	"c612000206a506a5004026934002003800030007ff0300214500002c0102" \
	"00004001eda5c6130001c61300020800ad89123400020001020304050607" \
	"08090a0b0c0d0e0f"
#define LISP \
	"020000000002020000000001080045000050000100004011ee74c6120001" \
	"c61200029c4210f5003c02ad88123456000007014500002c010100004001" \
	"eda6c6130001c61300020800ad8a12340001000102030405060708090a0b" \
	"0c0d0e0f"

#define summary(hex) summary_of(DLT_EN10MB, hex)

static void
test_gre(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, GRE_CK);

	(void)state;
	assert_chain(p, "eth ipv4 gre ipv4 icmp data");
	assert_int_equal(fval(p, "gre.flags_and_version"), 0xb000);
	assert_int_equal(fval(p, "gre.flags.checksum"), 1);
	assert_int_equal(fval(p, "gre.flags.key"), 1);
	assert_int_equal(fval(p, "gre.flags.version"), 0);
	assert_int_equal(fval(p, "gre.proto"), 0x0800);
	assert_int_equal(field_n(p, "gre.checksum", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "gre.offset"), 0);
	assert_int_equal(fval(p, "gre.key"), 5);
	assert_int_equal(fval(p, "gre.sequence_number"), 1);
	assert_int_equal(layer(p, "gre")->hdr_len, 16);
	assert_int_equal(field_n(p, "ip.src", 1)->bitoff, (14 + 20 + 16 +
	    12) * 8);
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, GRE_CK);

	p = decode_hex(DLT_EN10MB, GRE_BADCK);
	assert_int_equal(field_n(p, "gre.checksum", 0)->ck, ST_CK_BAD);
	assert_chain(p, "eth ipv4 gre ipv4 icmp data");
}

static void
test_gre_carries_ethernet_and_ppp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, GRE_ETH);

	(void)state;
	assert_chain(p, "eth ipv4 gre eth ipv4 icmp data");
	assert_int_equal(fval(p, "gre.proto"), 0x6558);
	assert_int_equal(fval(p, "gre.key"), 42);
	sweep_prefixes(DLT_EN10MB, GRE_ETH);

	/* PPTP: version 1, payload length and call ID in the key. */
	p = decode_hex(DLT_EN10MB, PPTP);
	assert_int_equal(fval(p, "gre.flags.version"), 1);
	assert_int_equal(fval(p, "gre.flags.ack"), 1);
	assert_int_equal(fval(p, "gre.key.payload_length"), 48);
	assert_int_equal(fval(p, "gre.key.call_id"), 6016);
	assert_int_equal(fval(p, "gre.sequence_number"), 7);
	assert_int_equal(fval(p, "gre.ack_number"), 3);
	assert_int_equal(layer(p, "gre")->hdr_len, 16);
	sweep_prefixes(DLT_EN10MB, PPTP);
}

static void
test_erspan(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ERSPAN2);

	(void)state;
	assert_chain(p, "eth ipv4 gre erspan eth ipv4 icmp data");
	assert_int_equal(fval(p, "erspan.version"), 1);
	assert_int_equal(fval(p, "erspan.vlan"), 10);
	assert_int_equal(fval(p, "erspan.spanid"), 100);
	assert_int_equal(layer(p, "erspan")->hdr_len, 8);
	sweep_prefixes(DLT_EN10MB, ERSPAN2);

	/* Type I: no sequence number in GRE, no header. */
	p = decode_hex(DLT_EN10MB, ERSPAN1);
	assert_chain(p, "eth ipv4 gre erspan eth ipv4 icmp data");
	assert_int_equal(layer(p, "erspan")->hdr_len, 0);
	assert_false(has_field(p, "erspan.version"));
}

static void
test_vxlan_geneve(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, VXLAN);

	(void)state;
	assert_chain(p, "eth ipv4 udp vxlan eth ipv4 icmp data");
	assert_int_equal(fval(p, "vxlan.flags"), 0x0800);
	assert_int_equal(fval(p, "vxlan.flag_i"), 1);
	assert_int_equal(fval(p, "vxlan.flags_reserved"), 0);
	assert_int_equal(fval(p, "vxlan.vni"), 42);
	sweep_prefixes(DLT_EN10MB, VXLAN);

	p = decode_hex(DLT_EN10MB, GENEVE);
	assert_chain(p, "eth ipv4 udp geneve eth ipv4 icmp data");
	assert_int_equal(fval(p, "geneve.option.length"), 20);
	assert_int_equal(fval(p, "geneve.flags.critical"), 1);
	assert_int_equal(fval(p, "geneve.proto_type"), 0x6558);
	assert_int_equal(fval(p, "geneve.vni"), 42);
	assert_int_equal(field_n(p, "geneve.option.class", 0)->val, 0x0102);
	assert_int_equal(field_n(p, "geneve.option.type", 0)->val, 0x80);
	assert_int_equal(field_n(p, "geneve.option.length", 1)->val, 8);
	assert_int_equal(field_n(p, "geneve.option.class", 1)->val, 0xffff);
	assert_int_equal(field_n(p, "geneve.option.length", 2)->val, 12);
	assert_int_equal(layer(p, "geneve")->hdr_len, 28);
	sweep_prefixes(DLT_EN10MB, GENEVE);
}

static void
test_geneve_option_overruns(void **state)
{
	/* An option claiming 8 words inside 4 bytes of options. */
	const struct st_packet *p = decode_hex(DLT_EN10MB,
	    "020000000002020000000001080045000030000100004011"
	    "0000c6120001c61200029c4017c1001c0000"
	    "01006558000001000102800800000000");

	(void)state;
	assert_int_equal(layer(p, "geneve")->status, ST_LS_MALFORMED);
	assert_non_null(strstr(layer(p, "geneve")->why, "option length"));
}

static void
test_mpls(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, MPLS2);

	(void)state;
	assert_chain(p, "eth mpls mpls ipv4 icmp data");
	assert_int_equal(field_n(p, "mpls.label", 0)->val, 16);
	assert_int_equal(field_n(p, "mpls.bottom", 0)->val, 0);
	assert_int_equal(field_n(p, "mpls.label", 1)->val, 17);
	assert_int_equal(field_n(p, "mpls.exp", 1)->val, 5);
	assert_int_equal(field_n(p, "mpls.bottom", 1)->val, 1);
	assert_int_equal(field_n(p, "mpls.ttl", 1)->val, 63);
	sweep_prefixes(DLT_EN10MB, MPLS2);

	p = decode_hex(DLT_EN10MB, MPLS_CW);
	assert_chain(p, "eth mpls mpls eth ipv4 icmp data");
	assert_int_equal(fval(p, "pweth.cw.sequence_number"), 1);
	sweep_prefixes(DLT_EN10MB, MPLS_CW);
}

/* A stack with no bottom: bounded, marked. */
static void
test_mpls_no_bottom(void **state)
{
	char hex[28 + 40 * 8 + 1];
	const struct st_packet *p;
	int i;

	(void)state;
	strcpy(hex, "0200000000020200000000018847");
	for (i = 0; i < 40; i++)
		strcat(hex, "00010040");
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(p->layers[p->nlayers - 1].status, ST_LS_MALFORMED);
	assert_true(p->nlayers <= 1 + 16 + 1);
}

/* GRE in GRE, 40 deep: the tunnels' bound ends it fast, marked. */
static void
test_tunnel_bound(void **state)
{
	static uint8_t b[14 + 40 * 24 + 20];
	const struct st_packet *p;
	size_t n = 20, i;
	int lvl;

	(void)state;
	memset(b, 0, sizeof(b));
	b[14] = 0x45;
	b[14 + 9] = 1;
	for (lvl = 0; lvl < 40; lvl++) {
		memmove(b + 14 + 24, b + 14, n);
		memset(b + 14, 0, 24);
		b[14] = 0x45;
		b[14 + 2] = (uint8_t)((n + 24) >> 8);
		b[14 + 3] = (uint8_t)(n + 24);
		b[14 + 8] = 64;
		b[14 + 9] = 47;
		b[14 + 22] = 0x08;	/* GRE protocol type 0x0800 */
		n += 24;
	}
	b[12] = 0x08;
	st_pkt_reset(&tpkt, b, (uint32_t)(n + 14), (uint32_t)(n + 14));
	st_decode(&tpkt, DLT_EN10MB);
	p = &tpkt;
	for (i = 0; i < p->nlayers && p->layers[i].status == ST_LS_OK; i++)
		;
	assert_true(i < p->nlayers);
	assert_string_equal(p->layers[i].proto->name, "gre");
	assert_non_null(strstr(p->layers[i].why, "nested"));
	assert_true(p->nlayers <= 2 + 2 * (ST_MAX_TUNNEL + 1));
}

static void
test_ipsec(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ESP);

	(void)state;
	assert_chain(p, "eth ipv4 esp");
	assert_int_equal(fval(p, "esp.spi"), 0xc0de);
	assert_int_equal(fval(p, "esp.sequence"), 1);
	assert_int_equal(layer(p, "esp")->hdr_len, 56);
	sweep_prefixes(DLT_EN10MB, ESP);

	p = decode_hex(DLT_EN10MB, AH);
	assert_chain(p, "eth ipv4 ah icmp data");
	assert_int_equal(fval(p, "ah.next_header"), 1);
	assert_int_equal(fval(p, "ah.length"), 4);
	assert_int_equal(fval(p, "ah.spi"), 0xbeef);
	assert_int_equal(fval(p, "ah.sequence"), 2);
	assert_int_equal(layer(p, "ah")->hdr_len, 24);
	/* The ICMP checksum covers what follows AH only. */
	assert_int_equal(field_n(p, "icmp.checksum", 0)->ck, ST_CK_GOOD);
	sweep_prefixes(DLT_EN10MB, AH);
}

static void
test_udpencap_and_ike(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, UDPESP);

	(void)state;
	assert_chain(p, "eth ipv4 udp udpencap esp");
	assert_int_equal(fval(p, "esp.spi"), 0xc0de);

	p = decode_hex(DLT_EN10MB, IKE4500);
	assert_chain(p, "eth ipv4 udp udpencap isakmp");
	assert_true(has_field(p, "udpencap.non_esp_marker"));
	assert_int_equal(fval(p, "isakmp.exchangetype"), 34);
	sweep_prefixes(DLT_EN10MB, IKE4500);

	p = decode_hex(DLT_EN10MB, KEEPALIVE);
	assert_chain(p, "eth ipv4 udp udpencap");
	assert_true(has_field(p, "udpencap.nat_keepalive"));

	p = decode_hex(DLT_EN10MB, IKE);
	assert_chain(p, "eth ipv4 udp isakmp");
	assert_int_equal(fval(p, "isakmp.version"), 0x20);
	assert_int_equal(fval(p, "isakmp.flag_i"), 1);
	assert_int_equal(fval(p, "isakmp.length"), 108);
	/* SA, its proposal and transform, KE, nonce. */
	assert_int_equal(field_n(p, "isakmp.typepayload", 0)->val, 33);
	assert_int_equal(field_n(p, "isakmp.typepayload", 1)->val, 2);
	assert_int_equal(field_n(p, "isakmp.typepayload", 2)->val, 3);
	assert_int_equal(field_n(p, "isakmp.typepayload", 3)->val, 34);
	assert_int_equal(field_n(p, "isakmp.typepayload", 4)->val, 40);
	assert_int_equal(fval(p, "isakmp.tf.id.encr"), 12);
	assert_int_equal(field_n(p, "isakmp.payloadlength", 4)->val, 20);
	sweep_prefixes(DLT_EN10MB, IKE);
}

static void
test_l2tp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, L2TP_CTL);

	(void)state;
	assert_chain(p, "eth ipv4 udp l2tp");
	assert_int_equal(fval(p, "l2tp.type"), 1);
	assert_int_equal(fval(p, "l2tp.version"), 2);
	assert_int_equal(fval(p, "l2tp.tunnel"), 0);
	assert_int_equal(field_n(p, "l2tp.avp.type", 2)->val, 7);
	assert_int_equal(field_n(p, "l2tp.avp.length", 2)->val, 21);
	sweep_prefixes(DLT_EN10MB, L2TP_CTL);

	p = decode_hex(DLT_EN10MB, L2TP_DATA);
	assert_int_equal(fval(p, "l2tp.tunnel"), 3);
	assert_int_equal(fval(p, "l2tp.session"), 7);
	assert_int_equal(fval(p, "l2tp.length"), 56);
	assert_int_equal(layer(p, "l2tp")->hdr_len, 8);
	sweep_prefixes(DLT_EN10MB, L2TP_DATA);
}

static void
test_lisp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, LISP);

	(void)state;
	assert_chain(p, "eth ipv4 udp lisp-data ipv4 icmp data");
	assert_int_equal(fval(p, "lisp-data.flags"), 0x88);
	assert_int_equal(fval(p, "lisp-data.nonce"), 0x123456);
	assert_int_equal(fval(p, "lisp-data.iid"), 7);
	assert_int_equal(fval(p, "lisp-data.lsb8"), 1);
	sweep_prefixes(DLT_EN10MB, LISP);
}

/* The summary names the tunnel, then the innermost conversation. */
static void
test_summary_names_tunnel(void **state)
{
	(void)state;
	assert_non_null(strstr(summary(GRE_CK), "  [gre key 0x00000005 seq "
	    "1] 198.19.0.1 \xe2\x86\x92 198.19.0.2 echo request"));
	assert_non_null(strstr(summary(VXLAN), "  [vxlan vni 42] 198.19.0.1 "
	    "\xe2\x86\x92 198.19.0.2 echo request"));
	assert_non_null(strstr(summary(MPLS2), "  [mpls 16/17 ttl 64] "
	    "198.19.0.1"));
	assert_non_null(strstr(summary(ESP), "198.18.0.1 \xe2\x86\x92 "
	    "198.18.0.2 esp spi 0x0000c0de seq 1 len 56 (encrypted)"));
}

/* AYIYA (UDP 5072): a 16-byte integer identity, a SHA1 signature of 5
 * words, Forward of IPv6 (next header 41) carrying UDP; then a heartbeat
 * (opcode 0), which carries nothing. */
#define AYIYA	"4500007c0000400040110000c6120001c6120002c35013d000680000" \
	"415211295f5e10000000000000000000000000000000" "0001" \
	"abababababababababababababababababababab" \
	"60000000000c1140fd000000000000000000000000000001" \
	"fd000000000000000000000000000002" "9c409c41000c000074657374"
#define AYIYA_HB	"450000480000400040110000c6120001c6120002c35013d00034" \
	"00004152103b5f5e1000000000000000000000000000000000" "01" \
	"abababababababababababababababababababab"

static void
test_ayiya(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, AYIYA);

	(void)state;
	assert_chain(p, "ipv4 udp ayiya ipv6 udp data");
	assert_int_equal(layer(p, "ayiya")->status, ST_LS_OK);
	assert_int_equal(layer(p, "ayiya")->hdr_len, 8 + 16 + 20);
	assert_int_equal(fval(p, "ayiya.idlen"), 4);
	assert_int_equal(fval(p, "ayiya.idtype"), 1);
	assert_int_equal(fval(p, "ayiya.siglen"), 5);
	assert_int_equal(fval(p, "ayiya.hashmethod"), 2);
	assert_int_equal(fval(p, "ayiya.authmethod"), 1);
	assert_int_equal(fval(p, "ayiya.opcode"), 1);
	assert_int_equal(fval(p, "ayiya.nextheader"), 41);
	assert_string_equal(field_n(p, "ayiya.epoch", 0)->meaning,
	    "Sep 13, 2020 12:26:40.000000000 UTC");
	assert_int_equal(field_n(p, "ayiya.identity", 0)->bits, 16 * 8);
	assert_int_equal(field_n(p, "ayiya.signature", 0)->bits, 20 * 8);
	assert_non_null(strstr(summary_of(DLT_RAW, AYIYA), "[ayiya Forward] "
	    "[fd00::1]:40000 \xe2\x86\x92 [fd00::2]:40001"));
	sweep_prefixes(DLT_RAW, AYIYA);
	/* a heartbeat: the header alone, no packet after it */
	p = decode_hex(DLT_RAW, AYIYA_HB);
	assert_chain(p, "ipv4 udp ayiya");
	assert_int_equal(fval(p, "ayiya.opcode"), 0);
	assert_int_equal(layer(p, "ayiya")->status, ST_LS_OK);
	/* cut in the signature: the identity shown, marked truncated */
	st_pkt_reset(&tpkt, tbuf, 20 + 8 + 8 + 16 + 10, 72);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(layer(&tpkt, "ayiya")->status, ST_LS_TRUNCATED);
	assert_true(has_field(&tpkt, "ayiya.identity"));
	assert_false(has_field(&tpkt, "ayiya.signature"));
	sweep_prefixes(DLT_RAW, AYIYA_HB);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gre),
		cmocka_unit_test(test_gre_carries_ethernet_and_ppp),
		cmocka_unit_test(test_erspan),
		cmocka_unit_test(test_vxlan_geneve),
		cmocka_unit_test(test_geneve_option_overruns),
		cmocka_unit_test(test_mpls),
		cmocka_unit_test(test_mpls_no_bottom),
		cmocka_unit_test(test_tunnel_bound),
		cmocka_unit_test(test_ipsec),
		cmocka_unit_test(test_udpencap_and_ike),
		cmocka_unit_test(test_l2tp),
		cmocka_unit_test(test_lisp),
		cmocka_unit_test(test_ayiya),
		cmocka_unit_test(test_summary_names_tunnel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
