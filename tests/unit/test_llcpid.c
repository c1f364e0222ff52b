/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SNAP's protocol ID under the name Wireshark gives it for the OUI (its
 * organisation-specific dissectors'), llc.pid for other OUIs, llc.type
 * (an EtherType, decoded on) for OUI 0 and Cisco's 0x0000f8.
 */
#include "testutil.h"

/* An 802.3 frame to the STP group address, length 38: LLC SNAP. */
#define ETH	"0180c2000000" "020000000001" "0026" "aaaa03"
#define PAD	"000000000000000000000000000000000000000000000000000000000000"

static void
pid_is(const char *oui, const char *name, unsigned long long v)
{
	char hex[512];
	const struct st_packet *p;

	snprintf(hex, sizeof(hex), "%s%s%s%s", ETH, oui, "1234", PAD);
	p = decode_hex(DLT_EN10MB, hex);
	assert_int_equal(fval(p, name), v);
	assert_int_equal(field_n(p, name, 0)->bitoff, (14 + 6) * 8);
	assert_int_equal(field_n(p, name, 0)->bits, 16);
}

static void
test_pids(void **state)
{
	(void)state;
	pid_is("00000c", "llc.cisco_pid", 0x1234);
	pid_is("000081", "llc.nortel_pid", 0x1234);
	pid_is("00005e", "llc.iana_pid", 0x1234);
	pid_is("0001e8", "llc.force10_pid", 0x1234);
	pid_is("001090", "llc.cimetrics_pid", 0x1234);
	pid_is("0017f2", "llc.apple_awdl_pid", 0x1234);
	pid_is("001958", "llc.bluetooth_pid", 0x1234);
	pid_is("004096", "llc.wlccp_pid", 0x1234);
	pid_is("00805f", "llc.hpteam_pid", 0x1234);
	pid_is("00e02b", "llc.extreme_pid", 0x1234);
	pid_is("00e052", "llc.foundry_pid", 0x1234);
	pid_is("080007", "llc.apple_atalk_pid", 0x1234);
	pid_is("080009", "llc.pid", 0x1234);	/* HP: no name of its own */
	pid_is("0000f8", "llc.type", 0x1234);
}

static void
test_cisco90_ethertype(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Cisco's 0x0000f8 with EtherType ARP: decoded on as ARP */
	p = decode_hex(DLT_EN10MB, "0180c2000000" "020000000001" "0024"
	    "aaaa03" "0000f8" "0806" "0001080006040001" "020000000001"
	    "c6120001" "000000000000" "c6120002");
	assert_chain(p, "eth llc arp");
	assert_int_equal(fval(p, "llc.type"), 0x0806);
	/* a SNAP header cut short: the OUI's PID row is not read past it */
	sweep_prefixes(DLT_EN10MB, ETH "000081" "1234");
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pids),
		cmocka_unit_test(test_cisco90_ethertype),
	};

	(void)argc;
	(void)argv;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
