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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eapol_rc4),
		cmocka_unit_test(test_eap_sim),
		cmocka_unit_test(test_eap_aka),
		cmocka_unit_test(test_eap_identity),
		cmocka_unit_test(test_radius_eap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
