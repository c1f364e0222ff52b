/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Switching and LAN control: LLC by SAP and SNAP, STP/RSTP/MSTP, CDP, LLDP,
 * slow protocols (LACP), EAPOL/EAP and PTP, from hand-written frames (the
 * frames of captures/make-switching.py, one MSTP BPDU of the zoo corpus).
 */
#include "testutil.h"

#define STP_CONFIG \
	"0180c20000000200000000010026424203000000000180000200000000020000" \
	"0004800102000000000180020100140002000f000000000000000000"
#define RSTP \
	"0180c20000000200000000010027424203000002023c80000200000000020000" \
	"0004800102000000000180020100140002000f000000000000000000"
#define MSTP \
	"0180c2000000001646b58c8f0089424203000003027c0000001f27b47d800003" \
	"0d408000001646b58c80800f0100140002000f00000060004272657765727900" \
	"00000000000000000000000000000000000000000000000000009357ebb7a8d7" \
	"4dd5fef4f2bab50531aa000000008000001646b58c8014f86001001ef705a880" \
	"00030d40808014fc8002001646b58c8000000000808014"
#define CDP \
	"01000ccccccc020000000001007aaaaa0300000c200002b4cc430001000f7377" \
	"312e6578616d706c6500020011000000010101cc0004c6120001000300164769" \
	"676162697445746865726e6574302f3100040008000000280005001243697363" \
	"6f20494f532031352e320006000c57532d4332393630000a00060001000b0005" \
	"0100140007737731"
#define CDP_ODD \
	"01000ccccccc0200000000010019aaaa0300000c200002b4575f000100087377" \
	"3232009900059c000000000000000000000000000000000000000000"
#define LLDP \
	"0180c200000e02000000000188cc020704020000000001040505657468300602" \
	"0078080675706c696e6b0a0d686f7374312e6578616d706c650c0f4c696e7578" \
	"20686f73743120362e310e0400140010100c0501c6120001020000000200fe06" \
	"0080c2010001fe0600120f0405eefe070012bb010001020000"
#define LACP \
	"0180c20000020200000000018809010101148000020000000001000d80000001" \
	"3d00000002148000020000000002000d800000023f0000000310000500000000" \
	"0000000000000000000000000000000000000000000000000000000000000000" \
	"00000000000000000000000000000000000000000000000000000000"
#define EAP_IDENT \
	"0180c2000003020000000001888e020000160201001601616c69636540657861" \
	"6d706c652e6f72670000000000000000000000000000000000000000"
#define PTP_SYNC \
	"011b1900000002000000000188f70002002c0000020000000000000000000000" \
	"0000020000fffe000001000100170000000000000000000000000000"
#define PTP_UDP \
	"01005e00016b0200000000010800450000480001000001112d7dc6120001c612" \
	"0002013f013f00346d2a0102002c000000000000000000000000000000000200" \
	"00fffe00000100010007017f00000000000000000000"

#define UDLD \
	"01000ccccccc001906eab8810044aaaa0300000c011121036d850001000f464f" \
	"43313033315a374a47000200094769302f310003000800000000000400050700" \
	"050005050006000653310007000800000001"
#define DTP \
	"01000ccccccc001906eab8850025aaaa0300000c200401000100084c61620000" \
	"0200050400030005400004000a001906eab885000000000000000000"

#define IPX \
	"ffffffffffff0003471bc1a80054e0e003ffff0050001400000000ffffffffff" \
	"ff0455a8f8796700000000000104550000000000000000000000000000000000" \
	"000000000000000000000000000000000101025f5f4d5342524f5753455f5f02" \
	"0100"

static const char *
text_of(const struct st_packet *p, const char *name, unsigned nth)
{
	const char *m = field_n(p, name, nth)->meaning;

	return m != NULL ? m : "";
}

/* A copy of hex with the two digits at byte off replaced. */
static const char *
patch(const char *hex, size_t off, const char *byte)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf), "%s", hex);
	memcpy(buf + off * 2, byte, 2);
	return buf;
}

static void
test_stp_config(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, STP_CONFIG);

	(void)state;
	assert_chain(p, "eth llc stp trailer");
	assert_int_equal(fval(p, "stp.version"), 0);
	assert_int_equal(fval(p, "stp.flags.tc"), 1);
	assert_false(has_field(p, "stp.flags.port_role"));
	assert_int_equal(fval(p, "stp.root.prio"), 32768);
	assert_int_equal(fval(p, "stp.root.ext"), 0);
	assert_int_equal(fval(p, "stp.root.cost"), 4);
	assert_int_equal(fval(p, "stp.bridge.prio"), 32768);
	assert_int_equal(fval(p, "stp.bridge.ext"), 1);
	assert_int_equal(fval(p, "stp.port"), 0x8002);
	assert_string_equal(text_of(p, "stp.msg_age", 0), "1");
	assert_string_equal(text_of(p, "stp.max_age", 0), "20");
	assert_string_equal(text_of(p, "stp.forward", 0), "15");
	assert_int_equal(layer(p, "stp")->hdr_len, 35);
	/* A message age of 1.5 s. */
	p = decode_hex(DLT_EN10MB, patch(STP_CONFIG, 45, "80"));
	assert_string_equal(text_of(p, "stp.msg_age", 0), "1.5");
	sweep_prefixes(DLT_EN10MB, STP_CONFIG);
}

static void
test_stp_rapid_and_tcn(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, RSTP);

	(void)state;
	assert_chain(p, "eth llc stp trailer");
	assert_int_equal(fval(p, "stp.version"), 2);
	assert_int_equal(fval(p, "stp.flags.port_role"), 3);
	assert_int_equal(fval(p, "stp.flags.learning"), 1);
	assert_int_equal(fval(p, "stp.flags.forwarding"), 1);
	assert_int_equal(fval(p, "stp.version_1_length"), 0);
	assert_int_equal(layer(p, "stp")->hdr_len, 36);
	/* A topology change notice: the first 4 bytes alone. */
	p = decode_hex(DLT_EN10MB, "0180c20000000200000000010007424203000000"
	    "80");
	assert_chain(p, "eth llc stp");
	assert_int_equal(fval(p, "stp.type"), 0x80);
	assert_false(has_field(p, "stp.flags"));
	sweep_prefixes(DLT_EN10MB, RSTP);
}

static void
test_mstp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, MSTP);

	(void)state;
	assert_chain(p, "eth llc stp");
	assert_int_equal(layer(p, "stp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "mstp.version_3_length"), 96);
	assert_string_equal(text_of(p, "mstp.config_name", 0), "Brewery");
	assert_int_equal(fval(p, "mstp.cist_remaining_hops"), 20);
	assert_int_equal(field_n(p, "mstp.msti.msti_id", 0)->val, 1);
	assert_int_equal(field_n(p, "mstp.msti.msti_id", 1)->val, 2);
	assert_int_equal(field_n(p, "mstp.msti.root_cost", 0)->val, 200000);
	assert_int_equal(field_n(p, "mstp.msti.bridge_priority", 0)->val, 8);
	assert_int_equal(field_n(p, "mstp.msti.priority", 0)->val, 6);
	/* A version 3 length below the fixed MST part. */
	p = decode_hex(DLT_EN10MB, patch(MSTP, 54, "10"));
	assert_int_equal(layer(p, "stp")->status, ST_LS_MALFORMED);
	/* One that is no whole number of MSTI records. */
	p = decode_hex(DLT_EN10MB, patch(MSTP, 54, "61"));
	assert_int_equal(layer(p, "stp")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, MSTP);
}

/* LLC goes on by DSAP, and by SNAP OUI and PID. */
static void
test_llc_keys(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, STP_CONFIG);
	assert_chain(p, "eth llc stp trailer");
	p = decode_hex(DLT_EN10MB, "ffffffffffff0202020202020009"
	    "f0f00a0068656c6c6f");
	assert_chain(p, "eth llc data");
	p = decode_hex(DLT_EN10MB, "ffffffffffff020202020202000c"
	    "aaaa03123456789a" "01020304");
	assert_chain(p, "eth llc data");
}

/* PVST+: the RSTP BPDU over SNAP with the VLAN TLV after it. */
static void
test_pvst(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, "01000ccccccd0202020202020032"
	    "aaaa0300000c010b" "000002023c80000200000000020000000480010200000000"
	    "0180020100140002000f0000" "000000020005");
	assert_chain(p, "eth llc stp");
	assert_int_equal(fval(p, "stp.pvst.origvlan"), 5);
	assert_int_equal(layer(p, "stp")->hdr_len, 42);
}

static void
test_cdp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, CDP);
	const struct st_field *ck;

	(void)state;
	assert_chain(p, "eth llc cdp");
	assert_int_equal(fval(p, "cdp.version"), 2);
	assert_int_equal(fval(p, "cdp.ttl"), 180);
	ck = field_n(p, "cdp.checksum", 0);
	assert_int_equal(ck->ck, ST_CK_GOOD);
	assert_string_equal(text_of(p, "cdp.deviceid", 0), "sw1.example");
	assert_string_equal(text_of(p, "cdp.portid", 0),
	    "GigabitEthernet0/1");
	assert_int_equal(fval(p, "cdp.number_of_addresses"), 1);
	assert_int_equal(fval(p, "cdp.capabilities"), 0x28);
	assert_int_equal(fval(p, "cdp.native_vlan"), 1);
	assert_int_equal(fval(p, "cdp.duplex"), 1);
	/* Over Cisco HDLC (protocol 0x2000); the software version a field
	 * a line, the line ends left out, as Wireshark shows it. */
	p = decode_hex(DLT_C_HDLC, "0f002000" "02b40000" "0005000b"
	    "610d0a62630a64");
	assert_chain(p, "chdlc cdp");
	assert_string_equal(text_of(p, "cdp.software_version", 0), "a");
	assert_string_equal(text_of(p, "cdp.software_version", 1), "bc");
	assert_string_equal(text_of(p, "cdp.software_version", 2), "d");
	sweep_prefixes(DLT_C_HDLC, "0f002000" "02b40000" "0005000b"
	    "610d0a62630a64");
	/* An odd length, its last byte above 0x7f: Cisco's sum. */
	p = decode_hex(DLT_EN10MB, CDP_ODD);
	assert_chain(p, "eth llc cdp trailer");
	assert_int_equal(field_n(p, "cdp.checksum", 0)->ck, ST_CK_GOOD);
	p = decode_hex(DLT_EN10MB, patch(CDP_ODD, 38, "9d"));
	assert_int_equal(field_n(p, "cdp.checksum", 0)->ck, ST_CK_BAD);
	/* A byte changed: the checksum no longer matches. */
	p = decode_hex(DLT_EN10MB, patch(CDP, 30, "78"));
	assert_int_equal(field_n(p, "cdp.checksum", 0)->ck, ST_CK_BAD);
	/* A TLV length below its own header. */
	p = decode_hex(DLT_EN10MB, patch(CDP, 29, "02"));
	assert_int_equal(layer(p, "cdp")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, CDP);
}

static void
test_lldp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, LLDP);

	(void)state;
	assert_chain(p, "eth lldp");
	assert_int_equal(fval(p, "lldp.chassis.subtype"), 4);
	assert_string_equal(text_of(p, "lldp.port.id", 0), "eth0");
	assert_int_equal(fval(p, "lldp.time_to_live"), 120);
	assert_string_equal(text_of(p, "lldp.tlv.system.name", 0),
	    "host1.example");
	assert_int_equal(fval(p, "lldp.tlv.system_cap"), 0x14);
	assert_int_equal(fval(p, "lldp.mgn.interface.number"), 2);
	assert_int_equal(fval(p, "lldp.ieee.802_1.port_vlan.id"), 1);
	assert_int_equal(fval(p, "lldp.ieee.802_3.max_frame_size"), 1518);
	assert_int_equal(fval(p, "lldp.unknown_subtype"), 1);
	assert_int_equal(layer(p, "lldp")->hdr_len, 107);
	/* A first TLV that is not the chassis ID. */
	p = decode_hex(DLT_EN10MB, patch(LLDP, 14, "04"));
	assert_int_equal(layer(p, "lldp")->status, ST_LS_MALFORMED);
	/* A TLV running past the frame. */
	p = decode_hex(DLT_EN10MB, patch(LLDP, 31, "ff"));
	assert_int_not_equal(layer(p, "lldp")->status, ST_LS_OK);
	sweep_prefixes(DLT_EN10MB, LLDP);
}

/* An Ethernet OAM (802.3ah) Information OAMPDU: slow protocols subtype 3,
 * flags 0x0050, code 0, then its TLVs (shown as data). */
#define OAM_INFO \
	"0180c200000202000000000188090300500001100100000000000000000000" \
	"000000000000000000000000000000000000000000000000000000000000"

static void
test_oam(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, OAM_INFO);

	(void)state;
	assert_chain(p, "eth slow oampdu data");
	assert_int_equal(fval(p, "oampdu.flags"), 0x0050);
	assert_int_equal(fval(p, "oampdu.code"), 0);
	sweep_prefixes(DLT_EN10MB, OAM_INFO);
}

static void
test_lacp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, LACP);

	(void)state;
	assert_chain(p, "eth slow lacp");
	assert_int_equal(fval(p, "slow.subtype"), 1);
	assert_int_equal(fval(p, "lacp.version"), 1);
	assert_int_equal(fval(p, "lacp.actor.key"), 13);
	assert_int_equal(fval(p, "lacp.actor.port"), 1);
	assert_int_equal(fval(p, "lacp.actor.state"), 0x3d);
	assert_int_equal(fval(p, "lacp.actor.state.activity"), 1);
	assert_int_equal(fval(p, "lacp.actor.state.timeout"), 0);
	assert_int_equal(fval(p, "lacp.partner.port"), 2);
	assert_int_equal(fval(p, "lacp.collector.max_delay"), 5);
	assert_int_equal(layer(p, "lacp")->hdr_len, 109);
	sweep_prefixes(DLT_EN10MB, LACP);
}

static void
test_eapol(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, EAP_IDENT);

	(void)state;
	assert_chain(p, "eth eapol eap trailer");
	assert_int_equal(fval(p, "eapol.version"), 2);
	assert_int_equal(fval(p, "eapol.len"), 22);
	assert_int_equal(fval(p, "eap.code"), 2);
	assert_int_equal(fval(p, "eap.type"), 1);
	assert_string_equal(text_of(p, "eap.identity", 0),
	    "alice@example.org");
	/* An EAP length below its header. */
	p = decode_hex(DLT_EN10MB, patch(EAP_IDENT, 21, "02"));
	assert_int_equal(layer(p, "eap")->status, ST_LS_MALFORMED);
	/* EAPOL start: no body. */
	p = decode_hex(DLT_EN10MB, "0180c2000003020000000001888e02010000");
	assert_chain(p, "eth eapol");
	assert_int_equal(fval(p, "eapol.type"), 1);
	sweep_prefixes(DLT_EN10MB, EAP_IDENT);
}

static void
test_ptp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, PTP_SYNC);

	(void)state;
	assert_chain(p, "eth ptp trailer");
	assert_int_equal(fval(p, "ptp.v2.messagetype"), 0);
	assert_int_equal(fval(p, "ptp.v2.versionptp"), 2);
	assert_int_equal(fval(p, "ptp.v2.flags.twostep"), 1);
	assert_int_equal(fval(p, "ptp.v2.clockidentity"), 0x020000fffe000001);
	assert_int_equal(fval(p, "ptp.v2.sequenceid"), 23);
	assert_int_equal(fval(p, "ptp.v2.sdr.origintimestamp.seconds"), 0);
	p = decode_hex(DLT_EN10MB, PTP_UDP);
	assert_chain(p, "eth ipv4 udp ptp");
	assert_int_equal(fval(p, "ptp.v2.messagetype"), 1);
	assert_string_equal(text_of(p, "ptp.v2.logmessageperiod", 0), "127");
	/* A message length below the header. */
	p = decode_hex(DLT_EN10MB, patch(PTP_SYNC, 17, "10"));
	assert_int_equal(layer(p, "ptp")->status, ST_LS_MALFORMED);
	/* Version 1: not decoded. */
	p = decode_hex(DLT_EN10MB, patch(PTP_SYNC, 15, "01"));
	assert_false(has_field(p, "ptp.v2.messagetype"));
	sweep_prefixes(DLT_EN10MB, PTP_SYNC);
	sweep_prefixes(DLT_EN10MB, PTP_UDP);
}

/* Cisco's UDLD and DTP (frames of the zoo corpus). */
static void
test_udld_dtp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, UDLD);

	(void)state;
	assert_chain(p, "eth llc udld");
	assert_int_equal(fval(p, "udld.version"), 1);
	assert_int_equal(fval(p, "udld.opcode"), 1);
	assert_int_equal(fval(p, "udld.flags.rt"), 1);
	assert_string_equal(text_of(p, "udld.device_id", 0), "FOC1031Z7JG");
	assert_string_equal(text_of(p, "udld.sent_through_interface", 0),
	    "Gi0/1");
	p = decode_hex(DLT_EN10MB, patch(UDLD, 29, "02"));
	assert_int_equal(layer(p, "udld")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, UDLD);
	p = decode_hex(DLT_EN10MB, DTP);
	assert_chain(p, "eth llc dtp trailer");
	assert_string_equal(text_of(p, "dtp.domain", 0), "Lab");
	assert_int_equal(fval(p, "dtp.tos"), 0);
	assert_int_equal(fval(p, "dtp.tas"), 4);
	assert_int_equal(fval(p, "dtp.tot"), 2);
	assert_int_equal(fval(p, "dtp.senderid") >> 24, 0x001906);
	p = decode_hex(DLT_EN10MB, patch(DTP, 26, "ff"));
	assert_int_equal(layer(p, "dtp")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, DTP);
}

/* IPX after LLC SAP 0xe0 (a frame of the zoo corpus). */
static void
test_ipx(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, IPX);

	(void)state;
	/* NetBIOS over IPX on socket 0x0455 (nbipx.c); a pad byte */
	assert_chain(p, "eth llc ipx nbipx trailer");
	assert_int_equal(fval(p, "ipx.len"), 80);
	assert_int_equal(fval(p, "ipx.packet_type"), 0x14);
	assert_string_equal(text_of(p, "ipx.src.net", 0), "0xa8f87967");
	assert_string_equal(text_of(p, "ipx.src", 0),
	    "a8f87967.000000000001");
	assert_int_equal(fval(p, "ipx.dst.socket"), 0x0455);
	assert_int_equal(layer(p, "nbipx")->len, 50);
	/* A length below the header. */
	p = decode_hex(DLT_EN10MB, patch(IPX, 20, "1d"));
	assert_int_equal(layer(p, "ipx")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_EN10MB, IPX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stp_config),
		cmocka_unit_test(test_stp_rapid_and_tcn),
		cmocka_unit_test(test_mstp),
		cmocka_unit_test(test_llc_keys),
		cmocka_unit_test(test_pvst),
		cmocka_unit_test(test_cdp),
		cmocka_unit_test(test_lldp),
		cmocka_unit_test(test_lacp),
		cmocka_unit_test(test_eapol),
		cmocka_unit_test(test_ptp),
		cmocka_unit_test(test_udld_dtp),
		cmocka_unit_test(test_ipx),
		cmocka_unit_test(test_oam),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
