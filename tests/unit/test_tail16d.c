/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NHRP (src/proto/nhrp.c): fixed header and checksum, the mandatory part
 * with the flags of each packet type, CIEs, extensions (authentication,
 * Cisco NAT address with its CIE, end), the packet a traffic indication
 * carries decoded on, every shorter prefix decoded without a read past
 * it, and lying lengths marked malformed.  The frames are those of the
 * zoo's NHRP_registration.pcap and nhrp-trace.pcap.
 * Mobile IPv6 (src/proto/mipv6.c): the mobility header, its checksum with
 * the IPv6 pseudo-header, the messages and their options, from frames of
 * captures/make-tail16d.py.  OLSR (src/proto/olsr.c): packet header,
 * HELLO with its link messages, TC, LQ variants, lying message sizes.
 * NFLOG (src/proto/nflog.c): header, little-endian TLVs, the payload
 * decoded on by the family.
 */
#include "testutil.h"

/* A registration request over GRE in a VLAN: NAT extension with a CIE. */
#define REG \
	"aabbcc000510aabbcc00011081000064080045c0008800100000ff2f9e73a9fe" \
	"6401a9fe64052000200100000002000108000000000000ff006c197b00340103" \
	"04000404800200000001a9fe64019b0100019b0100050020000045f81c200000" \
	"00008003000080040000800500008007000c000000014e485250415554480009" \
	"00140020000045f8000004000400a9fe64059b01000580000000"
#define REG_NHRP	46	/* where NHRP starts */

/* A traffic indication carrying an ICMP echo request. */
#define TIND \
	"ca0044f40000ca0044d00000080045c0007e00160000ff2fa924c0a8c801c0a8" \
	"c80320002001000003e8000108000000000000ff0062d9d00044010804000404" \
	"000000000000c0a8c8010affff010affff034500006400050000ff01a78f0aff" \
	"ff030affff020800325b0001000080040000800500008007000a000000017365" \
	"637265740009000080000000"
#define TIND_NHRP	42

/* A resolution reply: Q A D U S and NAT set, a CIE with addresses. */
#define RES \
	"ca0044f40000ca0044e40000080045c000a200140000ff2fa901c0a8c802c0a8" \
	"c80320002001000003e8000108000000000000ff0086659b003c010204000404" \
	"f80200000005c0a8c8030affff030affff020020000005ea1c2004000400c0a8" \
	"c8020affff02800300140000000005ea1c2004000400c0a8c8020affff028004" \
	"00140000000005ea1c2004000400c0a8c8010affff01800500008007000a0000" \
	"00017365637265740009000080000000"

/* How many fields named name p holds. */
static unsigned
count(const struct st_packet *p, const char *name)
{
	unsigned i, n = 0;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].desc->name, name) == 0)
			n++;
	return n;
}

static void
test_nhrp_registration(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, REG);
	assert_chain(p, "eth vlan ipv4 gre nhrp");
	assert_int_equal(last_layer(p, "nhrp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nhrp.hdr.afn"), 1);
	assert_int_equal(fval(p, "nhrp.hdr.pro.type"), 0x0800);
	assert_int_equal(fval(p, "nhrp.hdr.pktsz"), 108);
	assert_int_equal(fval(p, "nhrp.hdr.chksum"), 0x197b);
	assert_int_equal(fval(p, "nhrp.hdr.chksum.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "nhrp.hdr.extoff"), 52);
	assert_int_equal(fval(p, "nhrp.hdr.op.type"), 3);
	assert_int_equal(fval(p, "nhrp.hdr.shtl.len"), 4);
	assert_int_equal(fval(p, "nhrp.flags"), 0x8002);
	assert_int_equal(fval(p, "nhrp.flag.u"), 1);
	assert_int_equal(fval(p, "nhrp.flag.nat"), 1);
	assert_false(has_field(p, "nhrp.flag.q"));
	assert_int_equal(fval(p, "nhrp.reqid"), 1);
	assert_int_equal(fval(p, "nhrp.src.nbma.addr"), 0xa9fe6401u);
	assert_int_equal(fval(p, "nhrp.src.prot.addr"), 0x9b010001u);
	assert_int_equal(fval(p, "nhrp.dst.prot.addr"), 0x9b010005u);
	assert_int_equal(fval(p, "nhrp.htime"), 7200);
	assert_int_equal(fval(p, "nhrp.mtu"), 17912);
	assert_int_equal(fval(p, "nhrp.auth_ext.spi"), 1);
	assert_int_equal(fval(p, "nhrp.auth_ext.src_addr"), 0x4e485250u);
	/* the NAT extension's CIE: the second */
	assert_int_equal(field_n(p, "nhrp.htime", 1)->val, 0);
	assert_int_equal(fval(p, "nhrp.client.nbma.addr"), 0xa9fe6405u);
	assert_int_equal(fval(p, "nhrp.client.prot.addr"), 0x9b010005u);
	assert_int_equal(count(p, "nhrp.ext.type"), 6);
	assert_int_equal(field_n(p, "nhrp.ext.type", 5)->val, 0);
	sweep_trunc("nhrp", REG_NHRP + 1, REG, 0);
}

static void
test_nhrp_resolution(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, RES);
	assert_chain(p, "eth ipv4 gre nhrp");
	assert_int_equal(fval(p, "nhrp.hdr.op.type"), 2);
	assert_int_equal(fval(p, "nhrp.hdr.chksum.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "nhrp.flag.q"), 1);
	assert_int_equal(fval(p, "nhrp.flag.a"), 1);
	assert_int_equal(fval(p, "nhrp.flag.d"), 1);
	assert_int_equal(fval(p, "nhrp.flag.u"), 1);
	assert_int_equal(fval(p, "nhrp.flag.s"), 1);
	assert_int_equal(fval(p, "nhrp.reqid"), 5);
	/* one CIE in the mandatory part, one in the responder address and
	 * forward record extensions; the reverse record is empty */
	assert_int_equal(count(p, "nhrp.code"), 3);
	sweep_trunc("nhrp", TIND_NHRP + 1, RES, 0);
}

static void
test_nhrp_indication(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, TIND);
	assert_chain(p, "eth ipv4 gre nhrp ipv4 icmp data");
	assert_int_equal(fval(p, "nhrp.hdr.op.type"), 8);
	assert_false(has_field(p, "nhrp.flags"));
	assert_false(has_field(p, "nhrp.reqid"));
	assert_int_equal(fval(p, "nhrp.dst.prot.addr"), 0x0affff03u);
	assert_int_equal(fval(p, "icmp.type"), 8);
	assert_int_equal(field_n(p, "nhrp.ext.type", 4)->val, 0);
	sweep_prefixes(DLT_EN10MB, TIND);
	assert_non_null(strstr(summary_of(DLT_EN10MB, TIND),
	    "NHRP Traffic Indication 10.255.255.1 \xe2\x86\x92 10.255.255.3"));
	assert_non_null(strstr(summary_of(DLT_EN10MB, REG),
	    "NHRP Registration Request id 1 155.1.0.1 \xe2\x86\x92 "
	    "155.1.0.5"));
}

/* Checksum wrong; lengths that lie: malformed, never a read past. */
static void
test_nhrp_malformed(void **state)
{
	const struct st_packet *p;
	char hex[sizeof(REG)];
	size_t at = REG_NHRP * 2;

	(void)state;
	memcpy(hex, REG, sizeof(REG));
	memcpy(hex + at + 24, "197c", 4);		/* checksum */
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(fval(p, "nhrp.hdr.chksum.status"), ST_CK_BAD);

	memcpy(hex, REG, sizeof(REG));
	memcpy(hex + at + 20, "0010", 4);		/* pktsz 16 < 20 */
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(last_layer(p, "nhrp")->status, ST_LS_MALFORMED);

	memcpy(hex, REG, sizeof(REG));
	memcpy(hex + at + 28, "0070", 4);		/* extoff > pktsz */
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(last_layer(p, "nhrp")->status, ST_LS_MALFORMED);

	memcpy(hex, REG, sizeof(REG));
	memcpy(hex + at + 104 + 4, "00ff", 4);	/* extension length */
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(last_layer(p, "nhrp")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, hex);

	memcpy(hex, REG, sizeof(REG));
	memcpy(hex + at + 40, "3f", 2);		/* src prot len 63 */
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(last_layer(p, "nhrp")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, hex);
}

/* A binding update with Pad1, PadN, alternate CoA, nonce indices and
 * authorization data. */
#define BU \
	"02000000000202000000000186dd600000000040874020010db8000000000000" \
	"00000000000120010db80000000000000000000000023b07050044800074c040" \
	"03e80001020000000000031020010db800000001000000000000009904040003" \
	"0004050c000102030405060708090a0b000000000000"
#define HOT \
	"02000000000102000000000286dd600000000018874020010db8000000000000" \
	"00000000000220010db80000000000000000000000013b020300c33900050102" \
	"030405060708a1a2a3a4a5a6a7a8"
#define BE \
	"02000000000102000000000286dd600000000018874020010db8000000000000" \
	"00000000000220010db80000000000000000000000013b020700332f01002001" \
	"0db8000000000000000000000001"
/* A PadN whose length (48) runs past the header's 24 bytes. */
#define LYING \
	"02000000000202000000000186dd600000000018874020010db8000000000000" \
	"00000000000120010db80000000000000000000000023b020500de5a00768000" \
	"03e8013000000000000000000000"

static void
test_mipv6_bu(void **state)
{
	const struct st_packet *p;
	char hex[sizeof(BU)];

	(void)state;
	p = decode_hex(DLT_EN10MB, BU);
	assert_chain(p, "eth ipv6 mipv6");
	assert_int_equal(last_layer(p, "mipv6")->status, ST_LS_OK);
	assert_int_equal(fval(p, "mip6.proto"), 59);
	assert_int_equal(fval(p, "mip6.hlen"), 7);
	assert_int_equal(fval(p, "mip6.mhtype"), 5);
	assert_int_equal(fval(p, "mip6.csum"), 0x4480);
	assert_int_equal(fval(p, "strata.mip6.csum.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "mip6.bu.seqnr"), 116);
	assert_int_equal(fval(p, "mip6.bu.a_flag"), 1);
	assert_int_equal(fval(p, "mip6.bu.h_flag"), 1);
	assert_int_equal(fval(p, "mip6.bu.l_flag"), 0);
	assert_int_equal(fval(p, "mip6.bu.b_flag"), 1);
	assert_int_equal(fval(p, "mip6.bu.lifetime"), 1000);
	assert_int_equal(count(p, "mip6.options.pad1"), 10);
	assert_int_equal(count(p, "mip6.mobility_opt.len"), 4);
	assert_int_equal(fval(p, "mip6.ni.hni"), 3);
	assert_int_equal(fval(p, "mip6.ni.cni"), 4);
	assert_true(has_field(p, "mip6.acoa.acoa"));
	assert_true(has_field(p, "mip6.bad.auth"));
	sweep_trunc("mipv6", 55, BU, 0);
	memcpy(hex, BU, sizeof(BU));
	memcpy(hex + 2 * 58, "4481", 4);
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(fval(p, "strata.mip6.csum.status"), ST_CK_BAD);
}

static void
test_mipv6_msgs(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, HOT);
	assert_chain(p, "eth ipv6 mipv6");
	assert_int_equal(fval(p, "strata.mip6.csum.status"), ST_CK_GOOD);
	assert_int_equal(fval(p, "mip6.hot.nindex"), 5);
	assert_int_equal(fval(p, "mip6.hot.cookie"), 0x0102030405060708ull);
	assert_int_equal(fval(p, "mip6.hot.token"), 0xa1a2a3a4a5a6a7a8ull);
	sweep_trunc("mipv6", 55, HOT, 0);
	p = decode_hex(DLT_EN10MB, BE);
	assert_int_equal(fval(p, "mip6.be.status"), 1);
	assert_true(has_field(p, "mip6.be.haddr"));
	assert_non_null(strstr(summary_of(DLT_EN10MB, BE), "Binding Error "
	    "status 1"));
	sweep_trunc("mipv6", 55, BE, 0);
}

static void
test_mipv6_malformed(void **state)
{
	const struct st_packet *p;
	char hex[sizeof(HOT)];

	(void)state;
	p = decode_hex(DLT_EN10MB, LYING);
	assert_int_equal(last_layer(p, "mipv6")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, LYING);
	/* HoT declared 8 bytes long: below its message's 24 */
	memcpy(hex, HOT, sizeof(HOT));
	memcpy(hex + 2 * 55, "00", 2);
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(last_layer(p, "mipv6")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, hex);
}

/* HELLO (two link messages) and TC. */
#define OLSR1 \
	"02000000000202000000000108004500005c000140004011ae68c6120001c612" \
	"000202ba02ba0048eb780040000101860024c6120001ff000001000005030600" \
	"000cc6120002c61200030a000008c6120004028f0018c6120001ff0000020007" \
	"0000c6120002c6120004"
/* LQ-HELLO and LQ-TC. */
#define OLSR3 \
	"020000000002020000000001080045000054000140004011ae70c6120001c612" \
	"000202ba02ba004037d700380003c986001cc6120001ff000005000005030600" \
	"000cc6120002ffc80000ca860018c6120001ff00000600080000c61200028040" \
	"0000"
/* A TC whose size (200) runs past the packet's 20 bytes. */
#define OLSR5 \
	"020000000002020000000001080045000030000140004011ae94c6120001c612" \
	"000202ba02ba001ca58c00140005028600c8c6120001ff00000900090000"

static void
test_olsr(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, OLSR1);
	assert_chain(p, "eth ipv4 udp olsr");
	assert_int_equal(last_layer(p, "olsr")->status, ST_LS_OK);
	assert_int_equal(fval(p, "olsr.packet_len"), 64);
	assert_int_equal(fval(p, "olsr.packet_seq_num"), 1);
	assert_int_equal(count(p, "olsr.message_type"), 2);
	assert_int_equal(field_n(p, "olsr.message_type", 1)->val, 2);
	assert_int_equal(fval(p, "olsr.willingness"), 3);
	assert_int_equal(count(p, "olsr.link_type"), 2);
	assert_int_equal(count(p, "olsr.neighbor_addr"), 5);
	assert_int_equal(fval(p, "olsr.ansn"), 7);
	assert_string_equal(field_n(p, "olsr.vtime", 0)->meaning, "6.000000");
	sweep_trunc("olsr", 43, OLSR1, 0);
	p = decode_hex(DLT_EN10MB, OLSR3);
	assert_int_equal(count(p, "olsr.neighbor"), 2);
	assert_int_equal(field_n(p, "olsr.lq", 0)->val, 255);
	assert_int_equal(field_n(p, "olsr.nlq", 1)->val, 64);
	sweep_trunc("olsr", 43, OLSR3, 0);
	p = decode_hex(DLT_EN10MB, OLSR5);
	assert_int_equal(last_layer(p, "olsr")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, OLSR5);
}

#define NFLOG1 \
	"02000005080001000800030009000a0044524f50000000000800040000000002" \
	"08000500000000031000080000060000020000000001000014000300000000006553" \
	"f100000000000003d09008000b00000003e808000e0000000064220009004500001e" \
	"000140004011aea6c6120001c61200020fa00035000afb7368690000"
#define NFLOG3	"02000005020001000000000000000000"

static void
test_nflog(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(239, NFLOG1);
	assert_chain(p, "nflog ipv4 udp data");
	assert_int_equal(last_layer(p, "nflog")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nflog.family"), 2);
	assert_int_equal(fval(p, "nflog.res_id"), 5);
	assert_int_equal(count(p, "nflog.tlv"), 9);
	assert_int_equal(fval(p, "nflog.protocol"), 0x0800);
	assert_int_equal(fval(p, "nflog.hook"), 3);
	assert_string_equal(field_n(p, "nflog.prefix", 0)->meaning, "DROP");
	assert_int_equal(fval(p, "nflog.ifindex_indev"), 2);
	assert_int_equal(fval(p, "nflog.ifindex_outdev"), 3);
	assert_int_equal(fval(p, "nflog.uid"), 1000);
	assert_int_equal(fval(p, "nflog.gid"), 100);
	assert_string_equal(field_n(p, "nflog.timestamp", 0)->meaning,
	    "Nov 14, 2023 22:13:20.250000000 UTC");
	assert_int_equal(field_n(p, "nflog.tlv_type", 8)->val, 9);
	sweep_prefixes(239, NFLOG1);
	p = decode_hex(239, NFLOG3);
	assert_int_equal(last_layer(p, "nflog")->status, ST_LS_MALFORMED);
	sweep_prefixes(239, NFLOG3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nhrp_registration),
		cmocka_unit_test(test_nhrp_resolution),
		cmocka_unit_test(test_nhrp_indication),
		cmocka_unit_test(test_nhrp_malformed),
		cmocka_unit_test(test_mipv6_bu),
		cmocka_unit_test(test_mipv6_msgs),
		cmocka_unit_test(test_mipv6_malformed),
		cmocka_unit_test(test_olsr),
		cmocka_unit_test(test_nflog),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
