/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Authentication and security protocols as tshark reads them: EAPOL's RC4
 * key descriptor, EAP-SIM and EAP-AKA attributes and 3GPP identities, EAP
 * in a RADIUS EAP-Message.  Each with every shorter prefix and a
 * malformed variant.
 */
#include "testutil.h"

/* eapon1.pcap #25: an RC4 key descriptor, key index 0x02 and a 13-byte
 * key; #26: index 0x83 and no key (generated locally). */
#define RC4_KEY \
	"00042357a57a000cce88319a888e0103003901000d000040605511009b6aba1885" \
	"0f27ac38ae1aca8253858f26025d11315d47c77d8547a020d8cb9d49439af1d153" \
	"d2ba5ccf63c3a226b8"
#define RC4_LOCAL \
	"00042357a57a000cce88319a888e0103002c01000d000040605511009c95f83d2e" \
	"b953a795b2c8210d76486f4e8371e17a1e746e3b91df7d7946f7f8caa4"

/* eapon1.pcap #21: EAP-SIM Start response, AT_IDENTITY (40 bytes, no
 * padding), AT_NONCE_MT, AT_SELECTED_VERSION. */
#define SIM_START \
	"000cce88319a00042357a57a888e0100004c0210004c120a00000e0b0028313239" \
	"35303233383230303035333931406d6e633032332e6d63633239352e6f776c616e" \
	"2e6f726707050000e2d2f972cbc91b81f6c7c1a59c9fcae210010001"
/* #20: the Start request, AT_VERSION_LIST and AT_FULLAUTH_ID_REQ, and
 * the Ethernet padding after it. */
#define SIM_REQ \
	"00042357a57a000cce88319a888e0100001401100014120a00000f020002000100" \
	"001101010000000000000000000000000000000000000000000000"

/* EAP-AKA requests (type 23): an AKA-Identity with AT_IDENTITY of a 3GPP
 * pseudonym (38 bytes, 2 of padding); a Notification (AT_NOTIFICATION
 * 16384); a Client-Error (AT_CLIENT_ERROR_CODE 2). */
#define AKA_ID \
	"0180c2000003000000000001888e0100003401000034170500000e0b0026" \
	"3331323340776c616e2e6d6e6330312e6d63633030312e336770706e6574776f72" \
	"6b2e6f72670000"
#define AKA_NOTIF \
	"0180c2000003000000000001888e0100000c0100000c170c00000c014000"
#define AKA_ERROR \
	"0180c2000003000000000001888e0100000c0100000c170e000016010002"

/* EAP-Response/Identity of the 3GPP forms: a permanent EAP-SIM identity,
 * and one that is no 3GPP realm. */
#define ID_PERM \
	"0180c2000003000000000001888e01000038020000380131323334313530393939" \
	"39393939393940776c616e2e6d6e633031352e6d63633233342e336770706e6574" \
	"776f726b2e6f7267"
#define ID_PLAIN \
	"0180c2000003000000000001888e010000090200000901626f6221"

/* zoo/RADIUS.pcap #2: an Access-Challenge whose EAP-Message holds an
 * EAP-MD5 challenge. */
#define RADIUS_EAP \
	"001906eab8c0001d60b3018408004500008900004000401126000a0000640a0000" \
	"010714066d007514eb0b05006df050649184625d36f14c9075b7a48b830806ffff" \
	"fffe0c0600000240060600000002120b48656c6c6f2c2025754f18010100160410" \
	"266b0e9a58322f4d01ab25b35f879464501211b5043c8a288758173133a5e07434" \
	"cf1812c6d195032fdc30240f7313b231ef1d77"

/* IKEv1 Main Mode, crafted: SA (DOI 1, situation 1), key exchange,
 * nonce, ID_IPV4_ADDR 192.168.0.1 UDP/500, the RFC 3947 vendor ID, hash,
 * notification 24578 with an SPI, delete of two 4-byte SPIs. */
#define IKE1 \
	"0200000000020200000000010800450000a000010000401100000a0000010a0000" \
	"0201f401f4008c00000000000000000000000102030405060701100200000000" \
	"00000000840400000c00000001000000010a000008aabbccdd05000008010203" \
	"040d00000c011101f4c0a80001080000144a131c81070358455c5728f20e9545" \
	"2f0b000008112233440c0000100000000101046002010203040000001400000001" \
	"030400020a0b0c0d0e0f1011"
/* IKEv1 SA with a proposal of two transforms and their attributes (TV
 * encryption 5 and hash 2; TV encryption 7, TLV life duration 28800). */
#define IKE1_SA \
	"0200000000020200000000010800450000700001000040110000" \
	"0a0000010a00000201f401f4005c000000000000000000000001020304050607" \
	"0110020000000000000000540000003800000001000000010000002c01010002" \
	"03000010010100008001000580020002000000140201000080010007000c0004" \
	"00007080"
/* IKEv2 IKE_AUTH, crafted: key exchange (group 14), IDi FQDN a.b.com,
 * AUTH, notify 16388 with an SPI, delete, vendor ID, nonce. */
#define IKE2 \
	"02000000000202000000000108004500009300010000401100000a0000010a0000" \
	"0201f401f4007f0000000000000000000000010203040506072220230800000001" \
	"000000772300000c000e0000aabbccdd2700000f02000000612e622e636f6d2900" \
	"000c02000000010203042a00000c03044004deadbeef2b00000c03040001010203" \
	"04280000144048b7d56ebce88525e7de7f00d6c2d30000000805060708"
/* zoo/ikev2-id-short.pcap: an IDi payload of 5 bytes, its fields read on
 * into the extra data as tshark does. */
#define IKE2_IDSHORT \
	"0000000000000000000000000800450000680001400040113c817f0000017f0000" \
	"02303901f4005400000000000000000000000000000000000023202308000000" \
	"010000004c0000000501000000deadbeefdeadbeefdeadbeefdeadbeefdeadbeef" \
	"deadbeefdeadbeefdeadbeefdeadbeefdeadbeef"

/* RSVP PATH, crafted: FAST_REROUTE C-Type 1 (setup 7, hop limit 16,
 * one-to-one backup, 1e6 bytes/s), GENERALIZED_UNI with a source IPv4
 * TNA 10.0.0.1 and service level 3. */
#define RSVP_TE \
	"02000000000202000000000108004500004800010000402eee5fc6120001c61200" \
	"0210016612400000340018cd0107001001497424000000000000000000000000" \
	"000014e501000801010a0000010008050103000000"
/* zoo/rsvp_fast_reroute-oobr.pcap: two FAST_REROUTE objects of C-Type 0
 * and no data, in a message cut by the capture. */
#define RSVP_FRR0 \
	"7faf6400966fc0cfc0a09b9d08004500a42846000000e02e370000cbf380001a00" \
	"001b0100f4e3b2a1020004cd000004cd0000"
/* A UDP datagram from port 1812 whose code (52) Wireshark does not know
 * as RADIUS: data. */
#define NOT_RADIUS \
	"02000000000202000000000108004500003000010000401100000a0000010a0000" \
	"020714d7d7001c00003400001400000000000000000000000000000000"
/* The same with Access-Request's code 1 and a length of 16. */
#define SHORT_RADIUS \
	"02000000000202000000000108004500003000010000401100000a0000010a0000" \
	"020714d7d7001c00000100001000000000000000000000000000000000"

/* zoo/truncated-aack.pcap (PPP): a PAP Authenticate-Ack of length 4,
 * which Wireshark reads a message length for from the bytes after it. */
#define PAP_ACK4 "ff03c023020100049486"
/* zoo/esis_snpa_asan.pcap #2 (frame relay): an RD PDU with a BSNPA of no
 * bytes and no NET. */
#define ESIS_RD \
	"000c05220082110155465305ffff050004ec00000000"

/* zeek/tunnels__gtp__pdp_ctx_messages.pcapng #2: a Create PDP Context
 * Request whose protocol configuration options carry an IPCP
 * Configure-Request (address, primary and secondary DNS); #7: one
 * carrying a PAP Authenticate-Request. */
#define GTP_PCO_IPCP \
	"000585a6545f001edf2d828e0800450000ad13ae40003f113062c0a964010a64c8" \
	"2185e1084b0099c6b33210008900000000130b00000264004001000001f10364f0" \
	"60fffeff0eb00ffd1032f02bf91132f02bf91405800002f1218300070665657465" \
	"737484001a8080211601010016030600000000810600000000830600000000850004" \
	"c0a96401850004c0a9640186000891685122010001f187000c021b421f738c4040" \
	"744b4040970001029900022320ff00052aab020103"
#define GTP_PCO_PAP \
	"00000000000000000000000008004500008c0000400040113c5e7f0000027f0000" \
	"01084b084b00788e3e32100068000000000c0100000242000121436587f90e030f" \
	"011000000001110000000114001a0800800002f12183000908696e7465726e6574" \
	"84001580c0231101010011036d69670868656d6d656c69678500047f0000028500" \
	"047f000002860007916407123254f6870004000b921f"
/* An LCP Configure-Request: MRU 1492, ACCM 0x000a0000 (DC1 and DC3),
 * PAP, magic, PFC, ACFC. */
#define LCP_REQ \
	"ff03c0210101001c010405d40206000a000003" "04c02305061234567807020802"

/* The text of the nth field named name. */
static const char *
text_n(const struct st_packet *p, const char *name, unsigned nth)
{
	const struct st_field *f = field_n(p, name, nth);

	assert_non_null(f->meaning);
	return f->meaning;
}

/* A copy of hex with the two digits at byte off replaced by b. */
static const char *
patched(const char *hex, size_t off, const char *b)
{
	static char buf[1024];

	assert_true(strlen(hex) < sizeof(buf));
	strcpy(buf, hex);
	memcpy(buf + 2 * off, b, 2);
	return buf;
}

static void
test_eapol_rc4(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, RC4_KEY);
	assert_chain(p, "eth eapol");
	assert_int_equal(fval(p, "eapol.keydes.key_index"), 0x02);
	assert_int_equal(fval(p, "eapol.keydes.key_index.type"), 0);
	assert_int_equal(fval(p, "eapol.keydes.key_index.number"), 2);
	assert_int_equal(field_n(p, "eapol.keydes.key", 0)->bits, 13 * 8);
	assert_int_equal(fval(p, "eapol.keydes.key.generated_locally"), 0);
	sweep_trunc("eapol", 14, RC4_KEY, 0);

	p = decode_hex(DLT_EN10MB, RC4_LOCAL);
	assert_int_equal(fval(p, "eapol.keydes.key_index.type"), 1);
	assert_int_equal(fval(p, "eapol.keydes.key_index.number"), 3);
	assert_false(has_field(p, "eapol.keydes.key"));
	assert_int_equal(fval(p, "eapol.keydes.key.generated_locally"), 1);

	/* a key length of 20 in a body with 13 key bytes: malformed */
	p = decode_hex(DLT_EN10MB, patched(RC4_KEY, 20, "14"));
	assert_int_equal(layer(p, "eapol")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "eapol.keydes.key"));
	/* a body length that cuts the descriptor: malformed */
	p = decode_hex(DLT_EN10MB, patched(RC4_KEY, 17, "10"));
	assert_int_equal(layer(p, "eapol")->status, ST_LS_MALFORMED);
	/* an unknown descriptor type: its body as bytes */
	p = decode_hex(DLT_EN10MB, patched(RC4_KEY, 18, "07"));
	assert_int_equal(field_n(p, "eapol.keydes.body", 0)->bits, 56 * 8);
}

static void
test_eap_sim(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, SIM_START);
	assert_chain(p, "eth eapol eap");
	assert_int_equal(fval(p, "eap.sim.subtype"), 10);
	assert_int_equal(fval(p, "eap.sim.reserved"), 0);
	assert_int_equal(field_n(p, "eap.sim.subtype.type", 0)->val, 14);
	assert_int_equal(field_n(p, "eap.sim.subtype.type", 1)->val, 7);
	assert_int_equal(field_n(p, "eap.sim.subtype.type", 2)->val, 16);
	assert_int_equal(field_n(p, "eap.sim.subtype.len", 0)->val, 11);
	assert_int_equal(fval(p, "eap.identity.actual_len"), 40);
	assert_string_equal(text_n(p, "eap.identity", 0),
	    "1295023820005391@mnc023.mcc295.owlan.org");
	assert_false(has_field(p, "eap.identity.padding"));
	/* AT_NONCE_MT's 18 bytes, AT_SELECTED_VERSION's 2 */
	assert_int_equal(field_n(p, "eap.sim.subtype.value", 0)->bits,
	    18 * 8);
	assert_int_equal(field_n(p, "eap.sim.subtype.value", 1)->bits, 16);
	sweep_trunc("eap", 18, SIM_START, 0);

	p = decode_hex(DLT_EN10MB, SIM_REQ);
	assert_int_equal(field_n(p, "eap.sim.subtype.value", 0)->bits,
	    6 * 8);
	assert_int_equal(field_n(p, "eap.sim.subtype.type", 1)->val, 17);
	assert_int_equal(layer(p, "eap")->status, ST_LS_OK);

	/* an attribute of length 0 */
	p = decode_hex(DLT_EN10MB, patched(SIM_START, 71, "00"));
	assert_int_equal(layer(p, "eap")->status, ST_LS_MALFORMED);
	assert_int_equal(field_n(p, "eap.sim.subtype.type", 1)->val, 7);
	assert_false(has_field(p, "eap.sim.subtype.value"));
	/* AT_NONCE_MT of 9 words, past the end of the frame */
	p = decode_hex(DLT_EN10MB, patched(SIM_START, 71, "09"));
	assert_int_equal(layer(p, "eap")->status, ST_LS_MALFORMED);
	/* an identity longer than its attribute */
	p = decode_hex(DLT_EN10MB, patched(SIM_START, 29, "30"));
	assert_int_equal(layer(p, "eap")->status, ST_LS_MALFORMED);
}

static void
test_eap_aka(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, AKA_ID);
	assert_int_equal(fval(p, "eap.aka.subtype"), 5);
	assert_int_equal(fval(p, "eap.aka.subtype.type"), 14);
	assert_string_equal(text_n(p, "eap.identity.prefix", 0), "'3'");
	assert_string_equal(text_n(p, "eap.identity.type", 0),
	    "EAP-SIM Pseudonym");
	assert_string_equal(text_n(p, "eap.identity", 0), "123");
	assert_string_equal(text_n(p, "eap.identity.full", 0),
	    "123@wlan.mnc01.mcc001.3gppnetwork.org");
	assert_int_equal(fval(p, "eap.identity.mcc"), 1);
	assert_int_equal(field_n(p, "eap.identity.padding", 0)->bits, 16);
	sweep_trunc("eap", 18, AKA_ID, 0);

	p = decode_hex(DLT_EN10MB, AKA_NOTIF);
	assert_int_equal(fval(p, "eap.aka.notification_type"), 16384);
	assert_false(has_field(p, "eap.aka.subtype.value"));
	p = decode_hex(DLT_EN10MB, AKA_ERROR);
	assert_int_equal(fval(p, "eap.aka.error_code"), 2);
	sweep_trunc("eap", 18, AKA_ERROR, 0);
	/* AKA' (50) reads the same */
	p = decode_hex(DLT_EN10MB, patched(AKA_NOTIF, 22, "32"));
	assert_int_equal(fval(p, "eap.aka.notification_type"), 16384);
}

static void
test_eap_identity(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, ID_PERM);
	assert_string_equal(text_n(p, "eap.identity.prefix", 0), "'1'");
	assert_string_equal(text_n(p, "eap.identity.type", 0),
	    "EAP-SIM Permanent");
	assert_string_equal(text_n(p, "eap.identity.full", 0),
	    "234150999999999@wlan.mnc015.mcc234.3gppnetwork.org");
	assert_false(has_field(p, "eap.identity"));
	assert_int_equal(fval(p, "eap.identity.mcc"), 234);
	sweep_trunc("eap", 18, ID_PERM, 0);
	/* "mcc" without digits: no country code */
	p = decode_hex(DLT_EN10MB, patched(ID_PERM, 55, "78"));
	assert_false(has_field(p, "eap.identity.mcc"));
	/* another realm: the identity as it is */
	p = decode_hex(DLT_EN10MB, patched(ID_PERM, 40, "78"));
	assert_false(has_field(p, "eap.identity.prefix"));
	assert_string_equal(text_n(p, "eap.identity", 0),
	    "1234150999999999@xlan.mnc015.mcc234.3gppnetwork.org");
	p = decode_hex(DLT_EN10MB, ID_PLAIN);
	assert_string_equal(text_n(p, "eap.identity", 0), "bob!");
	/* an EAP length below its header */
	p = decode_hex(DLT_EN10MB, patched(ID_PLAIN, 21, "02"));
	assert_int_equal(layer(p, "eap")->status, ST_LS_MALFORMED);
}

static void
test_radius_eap(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	p = decode_hex(DLT_EN10MB, RADIUS_EAP);
	assert_chain(p, "eth ipv4 udp radius eap");
	ly = layer(p, "eap");
	assert_int_equal(ly->off, 93);
	assert_int_equal(ly->len, 22);
	assert_int_equal(st_pkt_val(p, ly, "eap.type", 0), 4);
	assert_int_equal(st_pkt_val(p, ly, "eap.md5.value_size", 0), 16);
	/* the attributes after it stay RADIUS's */
	assert_true(has_field(p, "radius.State"));
	sweep_prefixes(DLT_EN10MB, RADIUS_EAP);
	/* an EAP length beyond its attribute: the EAP layer is cut short */
	p = decode_hex(DLT_EN10MB, patched(RADIUS_EAP, 96, "20"));
	assert_int_equal(layer(p, "eap")->status, ST_LS_TRUNCATED);
}

static void
test_isakmp_v1(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, IKE1);
	assert_chain(p, "eth ipv4 udp isakmp");
	assert_int_equal(layer(p, "isakmp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "isakmp.sa.doi"), 1);
	assert_int_equal(fval(p, "isakmp.sa.situation.identity_only"), 1);
	assert_int_equal(field_n(p, "isakmp.reserved", 7)->bits, 8);
	assert_int_equal(field_n(p, "isakmp.key_exchange.data", 0)->bits,
	    32);
	assert_int_equal(fval(p, "isakmp.id.type"), 1);
	assert_int_equal(fval(p, "isakmp.id.protoid"), 17);
	assert_int_equal(fval(p, "isakmp.id.port"), 500);
	assert_int_equal(fval(p, "isakmp.id.data.ipv4_addr"), 0xc0a80001);
	assert_false(has_field(p, "isakmp.id.data"));
	assert_string_equal(text_n(p, "isakmp.vid_string", 0),
	    "RFC 3947 Negotiation of NAT-Traversal in the IKE");
	assert_int_equal(fval(p, "isakmp.notify.msgtype"), 24578);
	assert_int_equal(field_n(p, "isakmp.notify.data", 0)->bits, 0);
	assert_int_equal(fval(p, "isakmp.spinum"), 2);
	assert_int_equal(field_n(p, "isakmp.delete.spi", 1)->bits, 32);
	sweep_trunc("isakmp", 42, IKE1, 0);

	p = decode_hex(DLT_EN10MB, IKE1_SA);
	assert_int_equal(field_n(p, "isakmp.ike.attr.encryption_algorithm",
	    1)->val, 7);
	assert_int_equal(fval(p, "isakmp.ike.attr.hash_algorithm"), 2);
	assert_int_equal(fval(p, "isakmp.ike.attr.length"), 4);
	assert_int_equal(fval(p, "isakmp.ike.attr.life_duration"), 28800);
	sweep_trunc("isakmp", 42, IKE1_SA, 0);
	/* a transform longer than its proposal: malformed */
	p = decode_hex(DLT_EN10MB, patched(IKE1_SA, 93, "40"));
	assert_int_equal(layer(p, "isakmp")->status, ST_LS_MALFORMED);
}

static void
test_isakmp_v2(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, IKE2);
	assert_int_equal(fval(p, "isakmp.key_exchange.dh_group"), 14);
	assert_string_equal(text_n(p, "isakmp.id.data.fqdn", 0), "a.b.com");
	assert_int_equal(fval(p, "isakmp.auth.method"), 2);
	assert_int_equal(fval(p, "isakmp.notify.msgtype"), 16388);
	assert_int_equal(field_n(p, "isakmp.spi", 0)->bits, 32);
	assert_int_equal(fval(p, "isakmp.delete.protoid"), 3);
	assert_string_equal(text_n(p, "isakmp.vid_string", 0),
	    "Cisco Fragmentation");
	assert_int_equal(field_n(p, "isakmp.nonce", 0)->bits, 32);
	assert_int_equal(field_n(p, "isakmp.reserved", 2)->bits, 24);
	sweep_trunc("isakmp", 42, IKE2, 0);

	p = decode_hex(DLT_EN10MB, IKE2_IDSHORT);
	assert_int_equal(layer(p, "isakmp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "isakmp.id.type"), 1);
	assert_int_equal(fval(p, "isakmp.id.data.ipv4_addr"), 0xdeadbeef);
	assert_true(has_field(p, "isakmp.extradata"));
	/* another major version: the header only, no exchange type */
	p = decode_hex(DLT_EN10MB, patched(IKE2, 59, "b0"));
	assert_false(has_field(p, "isakmp.exchangetype"));
	assert_false(has_field(p, "isakmp.flag_i"));
	assert_true(has_field(p, "isakmp.payloadlength"));
	/* a length below the header: not ISAKMP */
	p = decode_hex(DLT_EN10MB, patched(IKE2, 69, "10"));
	assert_chain(p, "eth ipv4 udp data");
}

static void
test_rsvp_objects(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, RSVP_TE);
	assert_int_equal(layer(p, "rsvp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rsvp.fast_reroute.setup_priority"), 7);
	assert_int_equal(fval(p, "rsvp.fast_reroute.hop_limit"), 16);
	assert_int_equal(fval(p, "rsvp.frr.flags.one2one_backup"), 1);
	assert_string_equal(text_n(p, "rsvp.fast_reroute.bandwidth", 0),
	    "1000000");
	assert_true(has_field(p, "rsvp.fast_reroute.include_all"));
	assert_int_equal(field_n(p, "rsvp.class", 1)->val, 5);
	assert_int_equal(fval(p, "rsvp.guni.srctna.ipv4"), 0x0a000001);
	assert_int_equal(fval(p, "rsvp.gen_uni.service_level"), 3);
	sweep_trunc("rsvp", 34, RSVP_TE, 0);
	/* a subobject whose step is 0 */
	p = decode_hex(DLT_EN10MB, patched(RSVP_TE, 71, "00"));
	assert_int_equal(layer(p, "rsvp")->status, ST_LS_MALFORMED);
	/* FAST_REROUTE C-Type 7 of 24 bytes, or 1 of 20: malformed */
	p = decode_hex(DLT_EN10MB, patched(RSVP_TE, 45, "07"));
	assert_int_equal(layer(p, "rsvp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_EN10MB, patched(RSVP_TE, 43, "14"));
	assert_int_equal(layer(p, "rsvp")->status, ST_LS_MALFORMED);

	/* C-Type 0: the (empty) data as bytes; cut by the capture */
	st_pkt_reset(&tpkt, tbuf, (uint32_t)hexbytes(RSVP_FRR0), 262144);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(field_n(&tpkt, "rsvp.fast_reroute.data", 1)->bits, 0);
	assert_int_equal(layer(&tpkt, "rsvp")->status, ST_LS_TRUNCATED);
}

static void
test_radius_not(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, NOT_RADIUS);
	assert_chain(p, "eth ipv4 udp data");
	/* a known code, but a length below 20 */
	p = decode_hex(DLT_EN10MB, patched(NOT_RADIUS, 42, "01"));
	assert_chain(p, "eth ipv4 udp radius");
	p = decode_hex(DLT_EN10MB, SHORT_RADIUS);
	assert_chain(p, "eth ipv4 udp data");
}

static void
test_pap_esis(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_PPP, PAP_ACK4);
	assert_int_equal(fval(p, "pap.message.length"), 0x94);
	assert_int_equal(layer(p, "pap")->status, ST_LS_MALFORMED);
	/* a message of its length: whole */
	p = decode_hex(DLT_PPP, "ff03c0230201000702" "6f6b");
	assert_string_equal(text_n(p, "pap.message", 0), "ok");
	assert_int_equal(layer(p, "pap")->status, ST_LS_OK);
	sweep_prefixes(DLT_PPP, "ff03c0230201000702" "6f6b");

	p = decode_hex(DLT_FRELAY, ESIS_RD);
	assert_string_equal(text_n(p, "esis.bsnpa", 0),
	    "<Invalid length of SYSTEM ID>");
	assert_false(has_field(p, "esis.netl"));
	/* a BSNPA of 1 byte (the 0 after it read as its length): bytes, and
	 * then no NET */
	p = decode_hex(DLT_FRELAY, patched(ESIS_RD, 20, "01"));
	assert_int_equal(field_n(p, "esis.bsnpa", 0)->bits, 8);
	sweep_prefixes(DLT_FRELAY, ESIS_RD);
	/* a NET length past the PDU: malformed or cut */
	p = decode_hex(DLT_FRELAY, patched(ESIS_RD, 21, "09"));
	assert_true(has_field(p, "esis.netl"));
}

static void
test_gtp_pco_ppp(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	p = decode_hex(DLT_EN10MB, GTP_PCO_IPCP);
	assert_chain(p, "eth ipv4 udp gtp ipcp");
	ly = layer(p, "ipcp");
	assert_int_equal(ly->off, 108);
	assert_int_equal(ly->len, 22);
	assert_int_equal(field_n(p, "ipcp.opt.pri_dns", 0)->bits, 48);
	assert_true(has_field(p, "ipcp.opt.sec_dns"));
	assert_true(has_field(p, "ipcp.opt.addr"));
	/* the GTP elements after the options stay GTP's */
	assert_non_null(st_pkt_field(p, layer(p, "gtp"), "gtp.gsn_ipv4"));
	sweep_prefixes(DLT_EN10MB, GTP_PCO_IPCP);
	p = decode_hex(DLT_EN10MB, GTP_PCO_PAP);
	assert_chain(p, "eth ipv4 udp gtp pap");
	assert_string_equal(text_n(p, "pap.peer_id", 0), "mig");
	/* a container longer than its element: none handed on */
	p = decode_hex(DLT_EN10MB, patched(GTP_PCO_IPCP, 107, "40"));
	assert_chain(p, "eth ipv4 udp gtp");

	p = decode_hex(DLT_PPP, LCP_REQ);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.stx"), 0);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.ack"), 0);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.bs"), 0);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.lf"), 0);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.us"), 0);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.dc1"), 1);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.dc3"), 1);
	assert_int_equal(fval(p, "lcp.opt.asyncmap.dc2"), 0);
	assert_int_equal(field_n(p, "lcp.opt.field_compress", 0)->bits, 16);
	sweep_prefixes(DLT_PPP, LCP_REQ);
	/* an option longer than the packet: malformed */
	p = decode_hex(DLT_PPP, patched(LCP_REQ, 9, "09"));
	assert_int_equal(layer(p, "lcp")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eapol_rc4),
		cmocka_unit_test(test_eap_sim),
		cmocka_unit_test(test_eap_aka),
		cmocka_unit_test(test_eap_identity),
		cmocka_unit_test(test_radius_eap),
		cmocka_unit_test(test_isakmp_v1),
		cmocka_unit_test(test_isakmp_v2),
		cmocka_unit_test(test_rsvp_objects),
		cmocka_unit_test(test_radius_not),
		cmocka_unit_test(test_pap_esis),
		cmocka_unit_test(test_gtp_pco_ppp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
