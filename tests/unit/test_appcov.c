/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The appcov family (application coverage): requests and their responses
 * paired through the pending-requests table (strata/match.h) as Wireshark
 * pairs them, SNMP by request-id, LDAP by message ID, RADIUS by request code and identifier (duplicates);
 * every shorter prefix of each message.
 */
#include <stdio.h>

#include "testutil.h"
#include "strata/match.h"

#define SNMP_REQ	"302702010104067075626c6963a11a02022b13020100020100" \
			"300e300c06082b060102010101000500"
#define SNMP_RSP	"302a02010104067075626c6963a21d02022b13020100020100" \
			"3011300f06082b060102010101000403616263"
#define SNMP_TRAP	"302a02010104067075626c6963a71d02022b13020100020100" \
			"3011300f06082b060102010101000403616263"
#define LDAP_BIND	"300c020101600702010304008000"
#define LDAP_BINDR	"300c02010161070a010004000400"
#define LDAP_SRCH	"3025020102632004000a01000a0100020100020100010100870b" \
			"6f626a656374436c6173733000"
#define LDAP_ENT	"300c02010264070403633d783000"
#define LDAP_DONE	"300c02010265070a010004000400"
#define RAD_AUTH	"00112233445566778899aabbccddeeff"
#define RAD_REQ		"01050014" RAD_AUTH
#define RAD_ACC		"02050014" RAD_AUTH
#define RAD_ACCT	"04050014" RAD_AUTH

/* ONC RPC over UDP: a call (xid, program, version, procedure, no
 * credentials) and a reply accepted; the arguments or results follow. */
#define CALL(x, pg, v, pr) x "00000000" "00000002" pg v pr \
			"0000000000000000" "0000000000000000"
#define REPLY(x)	x "00000001" "00000000" "0000000000000000" "00000000"
#define PMAP_GETPORT	CALL("00001001", "000186a0", "00000002", "00000003") \
			"000186a5" "00000003" "00000011" "00000000"
#define PMAP_PORT	REPLY("00001001") "00004e50"
#define MNT_CALL	CALL("00001002", "000186a5", "00000003", "00000001") \
			"00000005" "2f65787074000000"
#define MNT_REPLY	REPLY("00001002") "00000000" "00000008" \
			"0001020304050607" "00000001" "00000001"
#define NFS_LOOKUP	CALL("00001003", "000186a3", "00000003", "00000003") \
			"00000008" "0001020304050607" "00000001" "61000000"
#define NFS_REPLY	REPLY("00001003") "00000002"

static char hexbuf[2048];

/*
 * An IPv4 packet 198.18.0.1:40000 <-> 198.18.0.2:port (back: from the
 * server) carrying the payload hex over UDP or TCP.
 */
static const char *
pkt(int tcp, int back, unsigned port, const char *pay)
{
	size_t n = strlen(pay) / 2, th = tcp ? 20 : 8;
	unsigned sp = back ? port : 40000, dp = back ? 40000 : port;
	const char *a = back ? "c6120002c6120001" : "c6120001c6120002";

	if (tcp)
		snprintf(hexbuf, sizeof(hexbuf), "4500%04zx00004000400600%s"
		    "%s%04x%04x0000000100000001501820000000" "0000%s",
		    20 + th + n, "00", a, sp, dp, pay);
	else
		snprintf(hexbuf, sizeof(hexbuf), "4500%04zx00004000401100%s"
		    "%s%04x%04x%04zx0000%s", 20 + th + n, "00", a, sp, dp,
		    th + n, pay);
	return hexbuf;
}

/* Decodes hex as frame num at time usec microseconds. */
static const struct st_packet *
at(uint64_t num, long usec, const char *hex)
{
	tpkt.num = num;
	tpkt.ts.tv_sec = usec / 1000000;
	tpkt.ts.tv_nsec = usec % 1000000 * 1000;
	return decode_hex(DLT_RAW, hex);
}

static const char *
meaning(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

static int
reset(void **state)
{
	(void)state;
	st_match_clear();
	return 0;
}

static void
test_snmp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, 1000000, pkt(0, 0, 161, SNMP_REQ));
	assert_chain(p, "ipv4 udp snmp");
	assert_int_equal(fval(p, "snmp.request_id"), 0x2b13);
	assert_false(has_field(p, "snmp.response_to"));
	p = at(2, 1001454, pkt(0, 1, 161, SNMP_RSP));
	assert_int_equal(fval(p, "snmp.response_to"), 1);
	assert_string_equal(meaning(p, "snmp.time", 0), "0.001454000");
	/* A trap with the same request-id answers nothing. */
	p = at(3, 1002000, pkt(0, 1, 161, SNMP_TRAP));
	assert_false(has_field(p, "snmp.response_to"));
	/* Another conversation's response finds no request. */
	st_match_clear();
	p = at(4, 1003000, pkt(0, 1, 161, SNMP_RSP));
	assert_false(has_field(p, "snmp.response_to"));
	sweep_prefixes(DLT_RAW, pkt(0, 1, 161, SNMP_RSP));
}

static void
test_ldap(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, 1000000, pkt(1, 0, 389, LDAP_BIND LDAP_SRCH));
	assert_false(has_field(p, "ldap.response_to"));
	p = at(2, 1000250, pkt(1, 1, 389, LDAP_BINDR LDAP_ENT LDAP_ENT));
	assert_int_equal(field_n(p, "ldap.response_to", 0)->val, 1);
	assert_int_equal(field_n(p, "ldap.response_to", 2)->val, 1);
	assert_string_equal(meaning(p, "ldap.time", 1), "0.000250000");
	/* The same frame decoded again still shows them. */
	p = at(2, 1000250, pkt(1, 1, 389, LDAP_BINDR LDAP_ENT LDAP_ENT));
	assert_int_equal(field_n(p, "ldap.response_to", 2)->val, 1);
	/* The search's later frame too; an unbind answers nothing. */
	p = at(3, 1000500, pkt(1, 1, 389, LDAP_DONE));
	assert_int_equal(fval(p, "ldap.response_to"), 1);
	assert_string_equal(meaning(p, "ldap.time", 0), "0.000500000");
	sweep_prefixes(DLT_RAW, pkt(1, 1, 389, LDAP_BINDR LDAP_ENT));
}

static void
test_radius(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, 1000000, pkt(0, 0, 1812, RAD_REQ));
	assert_int_equal(fval(p, "radius.req"), 1);
	assert_false(has_field(p, "radius.dup"));
	p = at(2, 1002803, pkt(0, 1, 1812, RAD_ACC));
	assert_int_equal(fval(p, "radius.reqframe"), 1);
	assert_string_equal(meaning(p, "radius.time", 0), "0.002803000");
	assert_false(has_field(p, "radius.dup"));
	/* The request again: a duplicate, its response known. */
	p = at(3, 1003000, pkt(0, 0, 1812, RAD_REQ));
	assert_int_equal(fval(p, "radius.dup"), 5);
	assert_int_equal(fval(p, "radius.req.dup"), 1);
	assert_int_equal(fval(p, "radius.rspframe"), 2);
	/* The response again: a duplicate of frame 2's. */
	p = at(4, 1004000, pkt(0, 1, 1812, RAD_ACC));
	assert_int_equal(fval(p, "radius.rsp.dup"), 2);
	assert_int_equal(fval(p, "radius.reqframe"), 1);
	/* An Accounting-Request with that identifier is another key. */
	p = at(5, 1005000, pkt(0, 0, 1812, RAD_ACCT));
	assert_false(has_field(p, "radius.dup"));
	sweep_prefixes(DLT_RAW, pkt(0, 1, 1812, RAD_ACC));
}

static void
test_rpc_programs(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, 1000000, pkt(0, 0, 111, PMAP_GETPORT));
	assert_chain(p, "ipv4 udp rpc portmap");
	assert_int_equal(fval(p, "portmap.procedure_v2"), 3);
	assert_int_equal(field_n(p, "rpc.programversion", 1)->val, 2);
	assert_int_equal(fval(p, "portmap.prog"), 100005);
	assert_int_equal(fval(p, "portmap.proto"), 17);
	p = at(2, 1001000, pkt(0, 1, 111, PMAP_PORT));
	assert_chain(p, "ipv4 udp rpc portmap");
	assert_int_equal(fval(p, "portmap.port"), 20048);
	p = at(3, 1002000, pkt(0, 0, 2049, MNT_CALL));
	assert_chain(p, "ipv4 udp rpc mount");
	assert_string_equal(meaning(p, "mount.path", 0), "/expt");
	assert_int_equal(fval(p, "rpc.fill_bytes"), 0);
	assert_int_equal(field_n(p, "rpc.opaque_length", 0)->val, 5);
	p = at(4, 1003000, pkt(0, 1, 2049, MNT_REPLY));
	assert_chain(p, "ipv4 udp rpc mount");
	assert_int_equal(fval(p, "mount.status"), 0);
	assert_int_equal(fval(p, "nfs.fh.length"), 8);
	assert_string_equal(meaning(p, "nfs.fh.hash", 0), "0x88aa689f");
	assert_int_equal(fval(p, "mount.flavor"), 1);
	p = at(5, 1004000, pkt(0, 0, 2049, NFS_LOOKUP));
	assert_chain(p, "ipv4 udp rpc nfs");
	assert_int_equal(fval(p, "nfs.procedure_v3"), 3);
	assert_string_equal(meaning(p, "nfs.name", 0), "a");
	p = at(6, 1005000, pkt(0, 1, 2049, NFS_REPLY));
	assert_int_equal(fval(p, "nfs.status3"), 2);
	/* A reply whose call was not seen: results as data. */
	st_match_clear();
	p = at(7, 1006000, pkt(0, 1, 2049, MNT_REPLY));
	assert_chain(p, "ipv4 udp rpc data");
	sweep_prefixes(DLT_RAW, pkt(0, 0, 2049, NFS_LOOKUP));
	sweep_prefixes(DLT_RAW, pkt(0, 0, 2049, MNT_CALL));
	sweep_prefixes(DLT_RAW, pkt(0, 0, 111, PMAP_GETPORT));
}

/* A file handle longer than NFS3_FHSIZE: malformed, not read past. */
static void
test_nfs_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, 1000000, pkt(0, 0, 2049, CALL("00001004", "000186a3",
	    "00000003", "00000001") "00000100" "00010203"));
	assert_int_equal(layer(p, "nfs")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_snmp, reset),
		cmocka_unit_test_setup(test_ldap, reset),
		cmocka_unit_test_setup(test_radius, reset),
		cmocka_unit_test_setup(test_rpc_programs, reset),
		cmocka_unit_test_setup(test_nfs_malformed, reset),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
