/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The l2ctl family: CFM (IEEE 802.1ag / Y.1731), VTP, PPTP, MSDP, VQP,
 * pflog.  Each from hand-written
 * bytes (the frames of captures/make-l2ctl.py), with a truncated and a
 * malformed variant and every shorter prefix.
 */
#include "testutil.h"

/* CFM CCM: level 5, RDI, 1 s, seq 7, MEP 101, MD "OPERDM", MA "MA-01";
 * port status, interface status and sender ID TLVs. */
#define CFM_CCM \
	"0180c20000330200000000118902a001844600000007006504064f504552444d" \
	"02054d412d303100000000000000000000000000000000000000000000000000" \
	"0000000000000000000000000000000000000000000000000200010204000101" \
	"01000906040200000000110000"
/* CFM LTR: flags UseFDBonly, FwdYes, TerminalMEP; transaction 99, TTL
 * 63, RlyHit; LTR egress ID, reply ingress and reply egress TLVs. */
#define CFM_LTR \
	"0180c200003302000000001189024004e006000000633f0108001000010200000000" \
	"1100020200000000220500070102000000002206000d010200000000220405657468" \
	"3000"
/* CFM LBM with a data TLV and an organization-specific TLV (Cisco, 1). */
#define CFM_LBM \
	"0180c2000033020000000011890260030004000012340300067374726174611f0006" \
	"00000c01616200"

/* VTP summary advertisement: domain "strata", revision 5, updater
 * 192.0.2.1 at 931129120000. */
#define VTP_SUMMARY \
	"01000ccccccc0200000000110050aaaa0300000c200301010106737472617461" \
	"000000000000000000000000000000000000000000000000000000000005c000" \
	"0201393331313239313230303030000102030405060708090a0b0c0d0e0f"
/* VTP subset advertisement: VLANs 1 "default", 10 "users" (a pruning
 * TLV) and 1002 "fddi-default" (FDDI). */
#define VTP_SUBSET \
	"01000ccccccc0200000000110074aaaa0300000c200301020106737472617461" \
	"0000000000000000000000000000000000000000000000000000000000051400" \
	"0107000105dc000186a164656661756c740018000105000a05dc000186aa7573" \
	"657273000000060100011800020c03ea05dc00018a8a666464692d6465666175" \
	"6c74"
/* VTP join: VLANs 1 to 16, bitmap 0x4021 (2, 11 and 16 active). */
#define VTP_JOIN \
	"01000ccccccc0200000000110032aaaa0300000c200301040006737472617461" \
	"0000000000000000000000000000000000000000000000000000000100104021"

/* PPTP from TCP 1723: an Outgoing-Call-Reply (call 9, peer 7, Connected
 * at 64000) and a Set-Link-Info (peer 9, ACCMs all ones) in one
 * segment. */
#define PPTP_TWO \
	"020000000001020000000002080045000060000140004006ae6fc6120002c612" \
	"000106bb9c4100001388000003e85018ffffc0640000002000011a2b3c4d0008" \
	"000000090007010000000000fa000040000000000000001800011a2b3c4d000f" \
	"000000090000ffffffffffffffff"
/* PPTP Echo-Request, identifier 42. */
#define PPTP_ECHO \
	"020000000002020000000001080045000038000240004006ae96c6120001c612" \
	"00029c4106bb000003e8000013c05018ffff12380000001000011a2b3c4d0005" \
	"00000000002a"

/* MSDP Source-Active: RP 198.18.0.9, (198.18.5.5, 239.1.2.3) and
 * (198.18.5.5, 239.1.2.4), carrying a UDP packet to 239.1.2.3. */
#define MSDP_SA \
	"020000000002020000000001080045000069000640004006ae61c6120001c612" \
	"00029c42027f000003eb0000138b5018ffffa8ce000001004102c61200090000" \
	"0020ef010203c612050500000020ef010204c612050545000021000740004011" \
	"7ea9c6120505ef01020313881389000dd8d468656c6c6f"
/* MSDP Source-Active of one entry and a KeepAlive in one segment. */
#define MSDP_SAKA \
	"02000000000202000000000108004500003f000940004006ae88c6120001c612" \
	"00029c42027f00000440000013935018ffffce9f000001001401c61200090000" \
	"0020ef010203c6120505040003"
/* MSDP Notification: SA-Message error, invalid RP address 198.18.0.9. */
#define MSDP_NOTIF \
	"020000000001020000000002080045000034000a40004006ae92c6120002c612" \
	"0001027f9c4200001393000004575018ffff93ce000005000c0302000000c612" \
	"0009"

/* VQP join request: client 198.18.0.1, port Fa0/1, an empty VLAN name,
 * domain "strata", the frame seen, MAC null 02:00:00:00:00:22. */
#define VQP_REQ \
	"02000000000202000000000108004500007f000140004011ae45c6120001c612" \
	"000206350635006b2235010100060000000100000c010004c612000100000c02" \
	"00054661302f3100000c03000000000c04000673747261746100000c05002202" \
	"0000000002020000000022080000000000000000000000000000000000000000" \
	"0000000c060006020000000022"
/* VQP response: VLAN "users" for MAC 02:00:00:00:00:22. */
#define VQP_RSP \
	"02000000000102000000000208004500003b000140004011ae89c6120002c612" \
	"0001063506350027dc0c010200020000000100000c030005757365727300000c" \
	"080006020000000022"

/* pflog, OpenBSD 4.9's 100 bytes: rule 3 blocked a TCP SYN in on em0
 * (uid -1, pid 1234 in the logger's little-endian order). */
#define PFLOG_OBSD \
	"64020100656d3000000000000000000000000000000000000000000000000000" \
	"0000000000000003ffffffffffffffffd2040000000000000000000001000200" \
	"c6120001000000000000000000000000c6120002000000000000000000000000" \
	"9c43001645000028000140004006aea7c6120001c61200029c43001600000001" \
	"000000005002ffff87600000"
/* pflog, FreeBSD's 61 bytes padded to 64, on vtnet0. */
#define PFLOG_FBSD \
	"3d02010076746e65743000000000000000000000000000000000000000000000" \
	"000000000000000cffffffffffffffffd2040000000000000000000001000000" \
	"45000028000140004006aea7c6120001c61200029c4300160000000100000000" \
	"5002ffff87600000"

static void
test_cfm_ccm(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, CFM_CCM);
	assert_chain(p, "eth cfm");
	assert_int_equal(fval(p, "cfm.md.level"), 5);
	assert_int_equal(fval(p, "cfm.version"), 0);
	assert_int_equal(fval(p, "cfm.opcode"), 1);
	assert_int_equal(fval(p, "cfm.flags"), 0x84);
	assert_int_equal(fval(p, "cfm.flags.rdi"), 1);
	assert_int_equal(fval(p, "cfm.flags.interval"), 4);
	assert_int_equal(fval(p, "cfm.first.tlv.offset"), 70);
	assert_int_equal(fval(p, "cfm.ccm.seq.num"), 7);
	assert_int_equal(fval(p, "cfm.ccm.ma.ep.id"), 101);
	assert_int_equal(fval(p, "cfm.maid.md.name.format"), 4);
	assert_string_equal(field_n(p, "cfm.maid.md.name.string", 0)->meaning,
	    "OPERDM");
	assert_string_equal(field_n(p, "cfm.maid.ma.name.string", 0)->meaning,
	    "MA-01");
	assert_int_equal(field_n(p, "cfm.tlv.type", 0)->val, 2);
	assert_int_equal(fval(p, "cfm.tlv.port.status.value"), 2);
	assert_int_equal(fval(p, "cfm.tlv.port.interface.value"), 1);
	assert_int_equal(fval(p, "cfm.tlv.chassis.id.length"), 6);
	assert_int_equal(field_n(p, "cfm.tlv.chassis.id", 0)->bits, 48);
	assert_int_equal(fval(p, "cfm.tlv.ma.domain.length"), 0);
	assert_int_equal(field_n(p, "cfm.tlv.type", 3)->val, 0);
	assert_int_equal(p->layers[1].status, ST_LS_OK);
	assert_int_equal(p->layers[1].hdr_len, 95);
	sweep_prefixes(DLT_EN10MB, CFM_CCM);
}

static void
test_cfm_lt_lb(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, CFM_LTR);
	assert_chain(p, "eth cfm");
	assert_int_equal(fval(p, "cfm.flags.usefdbonly"), 1);
	assert_int_equal(fval(p, "cfm.flags.fwdyes"), 1);
	assert_int_equal(fval(p, "cfm.flags.ltr.terminalmep"), 1);
	assert_int_equal(fval(p, "cfm.lt.transaction.id"), 99);
	assert_int_equal(fval(p, "cfm.lt.ttl"), 63);
	assert_int_equal(fval(p, "cfm.ltr.relay.action"), 1);
	assert_true(has_field(p, "cfm.tlv.ltr.egress.next.id.mac"));
	assert_int_equal(fval(p, "cfm.tlv.reply.ingress.action"), 1);
	assert_int_equal(fval(p, "cfm.tlv.reply.egress.action"), 1);
	assert_int_equal(fval(p, "cfm.tlv.reply.ing.egr.portid.length"), 4);
	assert_int_equal(field_n(p, "cfm.tlv.reply.ing.egr.portid", 0)->bits,
	    32);
	assert_int_equal(p->layers[1].status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, CFM_LTR);

	p = decode_hex(DLT_EN10MB, CFM_LBM);
	assert_int_equal(fval(p, "cfm.lb.transaction.id"), 0x1234);
	assert_int_equal(field_n(p, "cfm.tlv.data.value", 0)->bits, 48);
	assert_int_equal(fval(p, "cfm.tlv.org.spec.oui"), 0x00000c);
	assert_int_equal(field_n(p, "cfm.tlv.org.spec.value", 0)->bits, 16);
	sweep_prefixes(DLT_EN10MB, CFM_LBM);
}

static void
test_cfm_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture inside the MAID: truncated, names so far. */
	n = hexbytes(CFM_CCM);
	st_pkt_reset(&tpkt, tbuf, 34, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(tpkt.layers[1].status, ST_LS_TRUNCATED);
	assert_true(has_field(&tpkt, "cfm.maid.md.name.string"));
	assert_false(has_field(&tpkt, "cfm.tlv.type"));

	/* The data TLV says 0x0600 bytes: no End TLV in the frame. */
	p = decode_hex(DLT_EN10MB,
	    "0180c2000033020000000011890260030004000012340306007374726174"
	    "6100");
	assert_int_equal(p->layers[1].status, ST_LS_MALFORMED);
	assert_false(has_field(p, "cfm.tlv.data.value"));

	/* MAID names running past its 48 bytes. */
	p = decode_hex(DLT_EN10MB,
	    "0180c20000330200000000118902a00104460000000700650440"
	    "4f504552444d02054d412d3031000000000000000000000000000000000000"
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "00000000000000000000000000000000000000");
	assert_int_equal(p->layers[1].status, ST_LS_MALFORMED);

	/* A first TLV offset that does not end the fixed part: no TLVs. */
	p = decode_hex(DLT_EN10MB,
	    "0180c20000330200000000118902600300050000123403000673747261746100");
	assert_int_equal(p->layers[1].status, ST_LS_OK);
	assert_false(has_field(p, "cfm.tlv.type"));
	assert_int_equal(fval(p, "cfm.lb.transaction.id"), 0x1234);

	/* An opcode no standard names: read no further, the rest data. */
	p = decode_hex(DLT_EN10MB,
	    "0180c20000330200000000118902 00cc 0934 a300 0000");
	assert_chain(p, "eth cfm data");
	assert_int_equal(fval(p, "cfm.opcode"), 204);
	assert_false(has_field(p, "cfm.flags"));
}

static void
test_vtp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, VTP_SUMMARY);
	assert_chain(p, "eth llc vtp");
	assert_int_equal(fval(p, "vtp.version"), 1);
	assert_int_equal(fval(p, "vtp.code"), 1);
	assert_int_equal(fval(p, "vtp.followers"), 1);
	assert_int_equal(fval(p, "vtp.md_len"), 6);
	assert_string_equal(field_n(p, "vtp.md", 0)->meaning, "strata");
	assert_int_equal(field_n(p, "vtp.md", 0)->bits, 256);
	assert_int_equal(fval(p, "vtp.conf_rev_num"), 5);
	assert_int_equal(fval(p, "vtp.upd_id"), 0xc0000201);
	assert_string_equal(field_n(p, "vtp.upd_ts", 0)->meaning,
	    "931129120000");
	assert_int_equal(field_n(p, "vtp.md5_digest", 0)->bits, 128);
	sweep_prefixes(DLT_EN10MB, VTP_SUMMARY);

	p = decode_hex(DLT_EN10MB, VTP_SUBSET);
	assert_int_equal(fval(p, "vtp.seq_num"), 1);
	assert_int_equal(field_n(p, "vtp.vlan_info.len", 2)->val, 24);
	assert_int_equal(field_n(p, "vtp.vlan_info.isl_vlan_id", 1)->val, 10);
	assert_int_equal(field_n(p, "vtp.vlan_info.mtu_size", 1)->val, 1500);
	assert_int_equal(field_n(p, "vtp.vlan_info.802_10_index", 0)->val,
	    100001);
	assert_string_equal(field_n(p, "vtp.vlan_info.vlan_name", 2)->meaning,
	    "fddi-default");
	assert_int_equal(field_n(p, "vtp.vlan_info.vlan_type", 2)->val, 2);
	assert_int_equal(fval(p, "vtp.vlan_info.tlv_type"), 6);
	assert_int_equal(fval(p, "vtp.vlan_info.tlv_len"), 1);
	assert_int_equal(fval(p, "vtp.vlan_info.pruning"), 1);
	assert_int_equal(p->layers[2].status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, VTP_SUBSET);

	p = decode_hex(DLT_EN10MB, VTP_JOIN);
	assert_int_equal(fval(p, "vtp.pruning.first"), 1);
	assert_int_equal(fval(p, "vtp.pruning.last"), 16);
	assert_int_equal(field_n(p, "vtp.pruning.active", 0)->val, 2);
	assert_int_equal(field_n(p, "vtp.pruning.active", 1)->val, 11);
	assert_int_equal(field_n(p, "vtp.pruning.active", 2)->val, 16);
	sweep_prefixes(DLT_EN10MB, VTP_JOIN);
}

static void
test_vtp_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture in the third record: two records shown. */
	n = hexbytes(VTP_SUBSET);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n - 20, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(tpkt.layers[2].status, ST_LS_TRUNCATED);
	assert_true(has_field(&tpkt, "vtp.vlan_info.pruning"));
	assert_int_equal(field_n(&tpkt, "vtp.vlan_info.len", 1)->val, 24);
	assert_false(field_n(&tpkt, "vtp.vlan_info.len", 0)->val == 0);

	/* A record of length 0: marked, and no endless loop. */
	p = decode_hex(DLT_EN10MB,
	    "01000ccccccc0200000000110031aaaa0300000c200301020106737472617461"
	    "000000000000000000000000000000000000000000000000000000000005"
	    "00");
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);

	/* A record whose length is shorter than its name. */
	p = decode_hex(DLT_EN10MB,
	    "01000ccccccc0200000000110044aaaa0300000c200301020106737472617461"
	    "000000000000000000000000000000000000000000000000000000000005"
	    "0c000107000105dc000186a164656661756c7400");
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
	assert_string_equal(field_n(p, "vtp.vlan_info.vlan_name", 0)->meaning,
	    "default");

	/* The same whole, but the 802.3 length ends it inside the name. */
	p = decode_hex(DLT_EN10MB,
	    "01000ccccccc0200000000110040aaaa0300000c200301020106737472617461"
	    "000000000000000000000000000000000000000000000000000000000005"
	    "14000107000105dc000186a164656661756c7400");
	assert_int_equal(p->layers[2].status, ST_LS_MALFORMED);
}

static void
test_pptp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, PPTP_TWO);
	assert_chain(p, "eth ipv4 tcp pptp pptp");
	assert_int_equal(field_n(p, "pptp.length", 0)->val, 32);
	assert_int_equal(fval(p, "pptp.type"), 1);
	assert_int_equal(fval(p, "pptp.magic_cookie"), 0x1a2b3c4d);
	assert_int_equal(field_n(p, "pptp.control_message_type", 0)->val, 8);
	assert_int_equal(fval(p, "pptp.call_id"), 9);
	assert_int_equal(field_n(p, "pptp.peer_call_id", 0)->val, 7);
	assert_int_equal(fval(p, "pptp.out_result"), 1);
	assert_int_equal(fval(p, "pptp.connect_speed"), 64000);
	assert_int_equal(fval(p, "pptp.packet_receive_window_size"), 64);
	assert_int_equal(field_n(p, "pptp.control_message_type", 1)->val, 15);
	assert_int_equal(field_n(p, "pptp.peer_call_id", 1)->val, 9);
	assert_int_equal(fval(p, "pptp.send_accm"), 0xffffffff);
	assert_int_equal(fval(p, "pptp.receive_accm"), 0xffffffff);
	assert_int_equal(p->layers[3].hdr_len, 32);
	assert_int_equal(p->layers[4].hdr_len, 24);
	assert_int_equal(p->layers[4].status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, PPTP_TWO);

	p = decode_hex(DLT_EN10MB, PPTP_ECHO);
	assert_chain(p, "eth ipv4 tcp pptp");
	assert_int_equal(fval(p, "pptp.identifier"), 42);
	sweep_prefixes(DLT_EN10MB, PPTP_ECHO);
}

static void
test_pptp_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture inside the second message. */
	n = hexbytes(PPTP_TWO);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n - 4, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(tpkt.layers[4].status, ST_LS_TRUNCATED);
	assert_true(has_field(&tpkt, "pptp.send_accm"));
	assert_false(has_field(&tpkt, "pptp.receive_accm"));

	/* A length below the 12-byte header. */
	p = decode_hex(DLT_EN10MB,
	    "020000000002020000000001080045000038000240004006ae96c6120001c612"
	    "00029c4106bb000003e8000013c05018ffff12380000000800011a2b3c4d0005"
	    "00000000002a");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);

	/* A wrong magic cookie: the fields shown, the layer marked. */
	p = decode_hex(DLT_EN10MB,
	    "020000000002020000000001080045000038000240004006ae96c6120001c612"
	    "00029c4106bb000003e8000013c05018ffff12380000001000011a2b3c4e0005"
	    "00000000002a");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "pptp.identifier"), 42);

	/* An Echo-Request whose length leaves out its identifier. */
	p = decode_hex(DLT_EN10MB,
	    "020000000002020000000001080045000038000240004006ae96c6120001c612"
	    "00029c4106bb000003e8000013c05018ffff12380000000e00011a2b3c4d0005"
	    "00000000002a");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);
	assert_false(has_field(p, "pptp.identifier"));
}

static void
test_msdp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, MSDP_SA);
	assert_chain(p, "eth ipv4 tcp msdp ipv4 udp data");
	assert_int_equal(fval(p, "msdp.type"), 1);
	assert_int_equal(fval(p, "msdp.length"), 65);
	assert_int_equal(fval(p, "msdp.sa.entry_count"), 2);
	assert_int_equal(fval(p, "msdp.sa.rp_addr"), 0xc6120009);
	assert_int_equal(field_n(p, "msdp.sa.sprefix_len", 1)->val, 32);
	assert_int_equal(field_n(p, "msdp.sa.group_addr", 1)->val,
	    0xef010204);
	assert_int_equal(field_n(p, "msdp.sa.src_addr", 0)->val, 0xc6120505);
	assert_int_equal(p->layers[4].depth, 1);
	assert_int_equal(p->layers[4].off, 86);
	assert_int_equal(p->layers[3].status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, MSDP_SA);

	p = decode_hex(DLT_EN10MB, MSDP_SAKA);
	assert_chain(p, "eth ipv4 tcp msdp");
	assert_int_equal(field_n(p, "msdp.type", 1)->val, 4);
	assert_int_equal(field_n(p, "msdp.length", 1)->val, 3);
	sweep_prefixes(DLT_EN10MB, MSDP_SAKA);

	p = decode_hex(DLT_EN10MB, MSDP_NOTIF);
	assert_int_equal(fval(p, "msdp.not.o"), 0);
	assert_int_equal(fval(p, "msdp.not.error"), 3);
	assert_int_equal(fval(p, "msdp.not.error_sub"), 2);
	assert_int_equal(fval(p, "msdp.not.rp_address"), 0xc6120009);
	sweep_prefixes(DLT_EN10MB, MSDP_NOTIF);
}

static void
test_msdp_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture inside the packet it carries. */
	n = hexbytes(MSDP_SA);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n - 30, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(tpkt.layers[3].status, ST_LS_TRUNCATED);
	assert_int_equal(field_n(&tpkt, "msdp.sa.src_addr", 1)->val,
	    0xc6120505);

	/* A KeepAlive of length 2: below its own header. */
	p = decode_hex(DLT_EN10MB,
	    "02000000000202000000000108004500003f000940004006ae88c6120001c612"
	    "00029c42027f00000440000013935018ffffce9f000001001401c61200090000"
	    "0020ef010203c6120505040002");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);

	/* Five entries announced, room for one. */
	p = decode_hex(DLT_EN10MB,
	    "02000000000202000000000108004500003f000940004006ae88c6120001c612"
	    "00029c42027f00000440000013935018ffffce9f000001001405c61200090000"
	    "0020ef010203c6120505040003");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "msdp.sa.entry_count"), 5);
	assert_int_equal(fval(p, "msdp.sa.group_addr"), 0xef010203);
}

static void
test_vqp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, VQP_REQ);
	assert_chain(p, "eth ipv4 udp vqp");
	assert_int_equal(fval(p, "strata.vqp.version"), 1);
	assert_int_equal(fval(p, "strata.vqp.type"), 1);
	assert_int_equal(fval(p, "strata.vqp.nitems"), 6);
	assert_int_equal(fval(p, "strata.vqp.seq"), 1);
	assert_int_equal(fval(p, "strata.vqp.client_ip"), 0xc6120001);
	assert_string_equal(field_n(p, "strata.vqp.port_name", 0)->meaning,
	    "Fa0/1");
	assert_int_equal(field_n(p, "strata.vqp.obj.length", 2)->val, 0);
	assert_false(has_field(p, "strata.vqp.vlan_name"));
	assert_string_equal(field_n(p, "strata.vqp.vtp_domain", 0)->meaning,
	    "strata");
	assert_int_equal(field_n(p, "strata.vqp.ethernet_packet", 0)->bits,
	    34 * 8);
	assert_true(has_field(p, "strata.vqp.mac_null"));
	assert_int_equal(p->layers[3].status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, VQP_REQ);

	p = decode_hex(DLT_EN10MB, VQP_RSP);
	assert_int_equal(fval(p, "strata.vqp.type"), 2);
	assert_int_equal(fval(p, "strata.vqp.error"), 0);
	assert_string_equal(field_n(p, "strata.vqp.vlan_name", 0)->meaning,
	    "users");
	assert_true(has_field(p, "strata.vqp.mac"));
	sweep_prefixes(DLT_EN10MB, VQP_RSP);
}

static void
test_vqp_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture inside the frame object. */
	n = hexbytes(VQP_REQ);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n - 20, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(tpkt.layers[3].status, ST_LS_TRUNCATED);
	assert_true(has_field(&tpkt, "strata.vqp.vtp_domain"));
	assert_false(has_field(&tpkt, "strata.vqp.mac_null"));

	/* Three objects announced, two there. */
	p = decode_hex(DLT_EN10MB,
	    "02000000000102000000000208004500003b000140004011ae89c6120002c612"
	    "0001063506350027dc0c010200030000000100000c030005757365727300000c"
	    "080006020000000022");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);
	assert_true(has_field(p, "strata.vqp.mac"));

	/* A MAC address object of 5 bytes. */
	p = decode_hex(DLT_EN10MB,
	    "02000000000102000000000208004500003b000140004011ae89c6120002c612"
	    "0001063506350027dc0c010200020000000100000c030005757365727300000c"
	    "080005020000000022");
	assert_int_equal(p->layers[3].status, ST_LS_MALFORMED);
	assert_false(has_field(p, "strata.vqp.mac"));
}

static void
test_pflog(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_PFLOG, PFLOG_OBSD);
	assert_chain(p, "pflog ipv4 tcp");
	assert_int_equal(fval(p, "pflog.length"), 100);
	assert_int_equal(fval(p, "pflog.af"), 2);
	assert_int_equal(fval(p, "pflog.action"), 1);
	assert_int_equal(fval(p, "pflog.reason"), 0);
	assert_string_equal(field_n(p, "pflog.ifname", 0)->meaning, "em0");
	assert_string_equal(field_n(p, "pflog.ruleset", 0)->meaning, "");
	assert_int_equal(fval(p, "pflog.rulenr"), 3);
	assert_int_equal((int64_t)fval(p, "pflog.subrulenr"), -1);
	assert_int_equal((int64_t)fval(p, "pflog.uid"), -1);
	assert_int_equal(fval(p, "pflog.pid"), 1234);
	assert_int_equal(fval(p, "pflog.dir"), 1);
	assert_int_equal(fval(p, "pflog.rewritten"), 0);
	assert_int_equal(field_n(p, "pflog.pad", 0)->bits, 16);
	assert_int_equal(fval(p, "pflog.saddr.ipv4"), 0xc6120001);
	assert_int_equal(fval(p, "pflog.daddr.ipv4"), 0xc6120002);
	assert_int_equal(fval(p, "pflog.sport"), 40003);
	assert_int_equal(fval(p, "pflog.dport"), 22);
	assert_int_equal(p->layers[0].hdr_len, 100);
	sweep_prefixes(DLT_PFLOG, PFLOG_OBSD);

	p = decode_hex(DLT_PFLOG, PFLOG_FBSD);
	assert_chain(p, "pflog ipv4 tcp");
	assert_int_equal(fval(p, "pflog.length"), 61);
	assert_int_equal(p->layers[0].hdr_len, 64);
	assert_int_equal(field_n(p, "pflog.pad", 0)->bits, 24);
	assert_false(has_field(p, "pflog.rewritten"));
	assert_false(has_field(p, "pflog.saddr.ipv4"));
	sweep_prefixes(DLT_PFLOG, PFLOG_FBSD);
}

static void
test_pflog_bad(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	/* Cut by the capture before the direction. */
	n = hexbytes(PFLOG_OBSD);
	st_pkt_reset(&tpkt, tbuf, 60, (uint32_t)n);
	st_decode(&tpkt, DLT_PFLOG);
	assert_chain(&tpkt, "pflog");
	assert_int_equal(tpkt.layers[0].status, ST_LS_TRUNCATED);
	assert_true(has_field(&tpkt, "pflog.rule_pid"));
	assert_false(has_field(&tpkt, "pflog.dir"));

	/* A header length below OpenBSD 3.4's 45. */
	p = decode_hex(DLT_PFLOG, "1002010065");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);

	/* A FreeBSD header in a frame of 62 bytes, whole. */
	p = decode_hex(DLT_PFLOG,
	    "3d02010076746e65743000000000000000000000000000000000000000000000"
	    "000000000000000cffffffffffffffffd204000000000000000000000100");
	assert_int_equal(p->layers[0].status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "pflog.dir"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cfm_ccm),
		cmocka_unit_test(test_cfm_lt_lb),
		cmocka_unit_test(test_cfm_bad),
		cmocka_unit_test(test_vtp),
		cmocka_unit_test(test_vtp_bad),
		cmocka_unit_test(test_pptp),
		cmocka_unit_test(test_pptp_bad),
		cmocka_unit_test(test_msdp),
		cmocka_unit_test(test_msdp_bad),
		cmocka_unit_test(test_vqp),
		cmocka_unit_test(test_vqp_bad),
		cmocka_unit_test(test_pflog),
		cmocka_unit_test(test_pflog_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
