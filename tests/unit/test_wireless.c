/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The wireless family: radiotap (its bitmaps, alignment and the FCS flag),
 * IEEE 802.11 (addresses by direction, QoS, control frames, protection,
 * the FCS) and management bodies (fixed fields, elements).  Frames from
 * captures/make-wireless.py.
 */
#include "testutil.h"

#define RT "000010002e080000000c8509c000d601"	/* flags 0, no FCS */
#define BEACON "000010002e080000100c8509c000d60180000000ffffffffffff" \
	"020000000001020000000001100001204e0000000000640011040004686f6d650108" \
	"82848b960c1218240301060504000100000706444520010d1430140100000fac0401" \
	"00000fac040100000fac0200002d1a6e180000000000000000000000000000000000" \
	"0000000000000032043048606cdd180050f2020101000003a4000027a4000042435e" \
	"0062322f00035e55ad"
#define TODS RT "08012c000200000000010200000000020200000000038000" \
	"aaaa030000000800" "45000024000140004011aea0c6120002c612000180e880e9" \
	"0010a82c776972656c657373"
#define QOS RT "88022c00020000000002020000000001020000000003900005" \
	"00aaaa03000000080045000021000140004011aea3c6120001c612000280e980e800" \
	"0d16087265706c79"
#define EXT "00003a000b0008c0010000a02000200015cd5b070000000000003c1440" \
	"0107010700001374010400deadbeefc900440000049200000000000000a0000000" \
	"020000000002020000000001020000000001c0000800"
#define WDS "08032c00020000000001020000000002020000000003500" \
	"1ffffffffffffaaaa03000000080045000022000140004011aea2c6120002c6120001" \
	"80e880e9000e3e9c627269646765"

static int
val_of(const struct st_packet *p, const char *name, unsigned nth)
{
	return (int)field_n(p, name, nth)->val;
}

static const char *
text_of(const struct st_packet *p, const char *name)
{
	return field_n(p, name, 0)->meaning;
}

/* A beacon with its FCS: radiotap fields, the frame, its elements. */
static void
test_beacon(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11_RADIO, BEACON);

	(void)state;
	assert_chain(p, "radiotap wlan_radio wlan wlan.mgt");
	assert_int_equal(fval(p, "radiotap.length"), 16);
	assert_int_equal(fval(p, "radiotap.present.word"), 0x82e);
	assert_int_equal(fval(p, "radiotap.flags.fcs"), 1);
	assert_string_equal(text_of(p, "radiotap.datarate"), "6");
	assert_int_equal(fval(p, "radiotap.channel.freq"), 2437);
	assert_int_equal(fval(p, "radiotap.channel.flags.2ghz"), 1);
	assert_string_equal(text_of(p, "radiotap.dbm_antsignal"), "-42");
	assert_int_equal(fval(p, "radiotap.antenna"), 1);
	assert_int_equal(fval(p, "wlan_radio.phy"), 6);	/* OFDM, 2 GHz */
	assert_int_equal(fval(p, "wlan_radio.channel"), 6);
	assert_string_equal(text_of(p, "wlan_radio.signal_dbm"), "-42");
	assert_int_equal(fval(p, "wlan.fc.type_subtype"), 0x08);
	assert_int_equal(fval(p, "wlan.fc"), 0x8000);
	assert_int_equal(fval(p, "wlan.seq"), 1);
	assert_int_equal(fval(p, "wlan.fcs"), 0xad555e03);
	assert_int_equal(field_n(p, "wlan.fcs", 0)->ck, ST_CK_GOOD);
	assert_int_equal(fval(p, "wlan.fixed.beacon"), 100);
	assert_int_equal(fval(p, "wlan.fixed.timestamp"), 5120001);
	assert_int_equal(fval(p, "wlan.fixed.capabilities"), 0x0411);
	assert_int_equal(fval(p, "wlan.ds.current_channel"), 6);
	assert_int_equal(val_of(p, "wlan.supported_rates", 7), 0x24);
	assert_string_equal(text_of(p, "wlan.country_info.code"), "DE");
	assert_int_equal(fval(p, "wlan.rsn.gcs"), 0x000fac04);
	assert_int_equal(fval(p, "wlan.rsn.akms.type"), 2);
	assert_int_equal(fval(p, "wlan.ht.capabilities"), 0x186e);
	assert_int_equal(fval(p, "wlan.tag.oui"), 0x0050f2);
	/* The elements end before the FCS: no layer after them. */
	assert_int_equal(layer(p, "wlan.mgt")->off + layer(p, "wlan.mgt")->len,
	    p->caplen);
	sweep_prefixes(DLT_IEEE802_11_RADIO, BEACON);
}

/* A bad FCS is a bad checksum. */
static void
test_bad_fcs(void **state)
{
	char hex[sizeof(BEACON)];
	const struct st_packet *p;

	(void)state;
	memcpy(hex, BEACON, sizeof(hex));
	hex[sizeof(hex) - 2] = '0';
	p = decode_hex(DLT_IEEE802_11_RADIO, hex);
	assert_int_equal(field_n(p, "wlan.fcs", 0)->ck, ST_CK_BAD);
	assert_int_equal(p->nbadck, 1);
}

/* Data to the DS: addresses by direction, on to LLC/SNAP, IP, UDP. */
static void
test_data(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11_RADIO, TODS);

	(void)state;
	assert_chain(p, "radiotap wlan_radio wlan llc ipv4 udp data");
	assert_int_equal(fval(p, "wlan.fc.tods"), 1);
	assert_int_equal(field_n(p, "wlan.bssid", 0)->bitoff / 8, 16 + 4);
	assert_int_equal(field_n(p, "wlan.sa", 0)->bitoff / 8, 16 + 10);
	assert_int_equal(field_n(p, "wlan.da", 0)->bitoff / 8, 16 + 16);
	assert_int_equal(field_n(p, "wlan.staa", 0)->bitoff / 8, 16 + 10);
	assert_int_equal(layer(p, "wlan")->hdr_len, 24);
	p = decode_hex(DLT_IEEE802_11_RADIO, QOS);
	assert_chain(p, "radiotap wlan_radio wlan llc ipv4 udp data");
	assert_int_equal(fval(p, "wlan.qos.tid"), 5);
	assert_int_equal(fval(p, "wlan.qos.priority"), 5);
	assert_int_equal(layer(p, "wlan")->hdr_len, 26);
	assert_int_equal(field_n(p, "wlan.sa", 0)->bitoff / 8, 16 + 16);
	sweep_prefixes(DLT_IEEE802_11_RADIO, QOS);
}

/* Four addresses (to and from the DS), no radio header. */
static void
test_wds(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11, WDS);

	(void)state;
	assert_chain(p, "wlan llc ipv4 udp data");
	assert_int_equal(layer(p, "wlan")->hdr_len, 30);
	assert_int_equal(field_n(p, "wlan.sa", 0)->bitoff / 8, 24);
	assert_int_equal(field_n(p, "wlan.addr", 3)->bitoff / 8, 24);
	sweep_prefixes(DLT_IEEE802_11, WDS);
}

/* Control frames: RTS with two addresses, ACK with one, block ack. */
static void
test_control(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_IEEE802_11_RADIO, RT "b400f401020000000001"
	    "020000000002");
	assert_chain(p, "radiotap wlan_radio wlan");
	assert_int_equal(fval(p, "wlan.duration"), 500);
	assert_int_equal(field_n(p, "wlan.ta", 0)->bitoff / 8, 16 + 10);
	p = decode_hex(DLT_IEEE802_11_RADIO, RT "d4000000020000000001");
	assert_chain(p, "radiotap wlan_radio wlan");
	assert_int_equal(fval(p, "wlan.fc.type_subtype"), 0x1d);
	assert_false(has_field(p, "wlan.ta"));
	p = decode_hex(DLT_IEEE802_11_RADIO, RT "940000000200000000020200000"
	    "0000105009000ff01000000000000");
	assert_int_equal(fval(p, "wlan.fixed.ssc.sequence"), 9);
	assert_int_equal(layer(p, "wlan")->hdr_len, 28);
	sweep_prefixes(DLT_IEEE802_11_RADIO, RT "d4000000020000000001");
}

/* A protected frame's body is data, and a note says why. */
static void
test_protected(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11_RADIO, RT
	    "08412c00020000000001020000000002020000000003a00001000020000000"
	    "00000102030405060708");

	(void)state;
	assert_chain(p, "radiotap wlan_radio wlan data");
	assert_int_equal(fval(p, "wlan.fc.protected"), 1);
	assert_true(has_note(p, "protected"));
}

/* Three bitmaps: a vendor namespace skipped, a radiotap one again. */
static void
test_ext_bitmaps(void **state)
{
	const struct st_packet *p = decode_hex(DLT_IEEE802_11_RADIO, EXT);

	(void)state;
	assert_chain(p, "radiotap wlan_radio wlan wlan.mgt");
	assert_int_equal(fval(p, "radiotap.mactime"), 123456789);
	assert_int_equal(val_of(p, "radiotap.present.word", 2), 0x200020);
	assert_int_equal(fval(p, "radiotap.channel.freq"), 5180);
	assert_int_equal(fval(p, "radiotap.mcs.index"), 7);
	assert_string_equal(text_of(p, "radiotap.dbm_antsignal"), "-55");
	assert_int_equal(fval(p, "radiotap.vht.bw"), 4);
	assert_int_equal(fval(p, "radiotap.vht.nss.0"), 2);
	assert_int_equal(fval(p, "wlan_radio.phy"), 8);	/* VHT */
	assert_int_equal(fval(p, "wlan_radio.channel"), 36);
	assert_int_equal(fval(p, "wlan.fixed.reason_code"), 8);
	sweep_prefixes(DLT_IEEE802_11_RADIO, EXT);
}

/* PPI: the 802.11-common field's FCS flag, on to 802.11 by link type. */
#define PPI_ACK "000020006900000002001400000000000000000000000c008509c00000" \
	"00cea6d4000000020000000001"

static void
test_ppi(void **state)
{
	const struct st_packet *p = decode_hex(DLT_PPI, PPI_ACK);

	(void)state;
	assert_chain(p, "ppi wlan");
	assert_int_equal(fval(p, "ppi.length"), 32);
	assert_int_equal(fval(p, "ppi.dlt"), 105);
	assert_int_equal(fval(p, "ppi.80211-common.rate"), 6000);
	assert_int_equal(fval(p, "ppi.80211-common.chan.freq"), 2437);
	assert_string_equal(text_of(p, "ppi.80211-common.dbm.antsignal"),
	    "-50");
	assert_int_equal(fval(p, "wlan.fc.type_subtype"), 0x1d);
	sweep_prefixes(DLT_PPI, PPI_ACK);
	/* A field longer than the header. */
	p = decode_hex(DLT_PPI, "000010006900000002002000000000000000000000");
	assert_int_equal(layer(p, "ppi")->status, ST_LS_MALFORMED);
}

/* Headers that lie: a short length, a field past it, endless bitmaps, an
 * element past the frame, a version other than 0. */
static void
test_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_IEEE802_11_RADIO, "00000400" "00000000");
	assert_int_equal(layer(p, "radiotap")->status, ST_LS_MALFORMED);
	/* TSFT present but the header ends at 12 bytes. */
	p = decode_hex(DLT_IEEE802_11_RADIO, "00000c0001000000000000000000"
	    "0000000000000000");
	assert_int_equal(layer(p, "radiotap")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_IEEE802_11_RADIO, "00004c00"
	    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	    "ffffffffffffffff");
	assert_int_equal(layer(p, "radiotap")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_IEEE802_11, "40000000ffffffffffff020000000002"
	    "ffffffffffff1000" "0004686f6d65" "01ff8284");
	assert_int_equal(layer(p, "wlan.mgt")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_IEEE802_11, "41000000ffffffffffff");
	assert_int_equal(layer(p, "wlan")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_beacon),
		cmocka_unit_test(test_bad_fcs),
		cmocka_unit_test(test_data),
		cmocka_unit_test(test_wds),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_protected),
		cmocka_unit_test(test_ext_bitmaps),
		cmocka_unit_test(test_ppi),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
