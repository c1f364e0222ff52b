/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS version 3's attributes and procedures (nfs.c, nfsattr.c, nfsres.c)
 * from hand-written frames over UDP: a GETATTR reply's fattr3 (mode bits,
 * times as Wireshark writes them), a CREATE call's sattr3, a WRITE call's
 * data, a MKDIR reply's handle and wcc_data, READDIRPLUS's entries; the
 * empty layer of a NULL call; every prefix cut; a handle that lies.
 */
#include "testutil.h"

#define CLIENT	"c6120001" "c6120002" "02bc" "0801"
#define SERVER	"c6120002" "c6120001" "0801" "02bc"
#define AUTH0	"00000000" "00000000"
/* call head: rpc 2, NFS 100003 v3, proc; AUTH_NULL credentials and verifier */
#define CALL(x, p)	x "00000000" "00000002" "000186a3" "00000003" p \
	AUTH0 AUTH0
#define REPLY(x)	x "00000001" "00000000" AUTH0 "00000000"
#define FH	"00000008" "0102030405060708"
#define FATTR	"00000002" "000041ed" "00000002" "00000c35" "000000c8" \
	"0000000000001000" "0000000000001000" "00000000" "00000000" \
	"37292d5062ed1a4f" "0000000040a3dff7" "5a4679c32546a5bd" \
	"5a4679c32546a5bd" "5a4679c32546a5bd"
#define WCC	"00000001" "0000000000001000" "5a4679c32546a5bd" \
	"5a4679c32546a5bd" "00000001" FATTR

static char hexbuf[8192];

/* An IPv4/UDP frame (lengths worked out) from ends (addresses, ports)
 * carrying payload, as frame num of a capture cut at cap bytes (0: none). */
static const struct st_packet *
udp(uint64_t num, const char *ends, const char *payload, size_t cap)
{
	size_t pl = strlen(payload) / 2, n;

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx000040004011" "0000" "%.16s"
	    "%.8s%04zx0000%s", 28 + pl, ends, ends + 16, 8 + pl, payload);
	n = hexbytes(hexbuf);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(cap > 0 && cap < n ? cap : n),
	    (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

/* The call then, as the next frame, its reply. */
static const struct st_packet *
exchange(const char *call, const char *reply, size_t cap)
{
	udp(1, CLIENT, call, 0);
	return udp(2, SERVER, reply, cap);
}

static void
test_nfsattr_getattr(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = exchange(CALL("00000011", "00000001") FH,
	    REPLY("00000011") "00000000" FATTR, 0);
	assert_chain(p, "ipv4 udp rpc nfs");
	assert_int_equal(layer(p, "nfs")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfs.status3"), 0);
	assert_int_equal(fval(p, "nfs.fattr3.type"), 2);
	assert_int_equal(fval(p, "nfs.mode3"), 040755);
	assert_int_equal(fval(p, "nfs.mode3.xusr"), 1);
	assert_int_equal(fval(p, "nfs.mode3.wgrp"), 0);
	assert_int_equal(fval(p, "nfs.mode3.sticky"), 0);
	assert_int_equal(fval(p, "nfs.fattr3.uid"), 3125);
	assert_int_equal(fval(p, "nfs.fattr3.size"), 4096);
	assert_int_equal(fval(p, "nfs.fattr3.fsid"), 0x37292d5062ed1a4full);
	assert_int_equal(fval(p, "nfs.fattr3.fileid"), 1084481527);
	assert_int_equal(fval(p, "nfs.mtime.nsec"), 625386941);
	assert_string_equal(field_n(p, "nfs.mtime", 0)->meaning,
	    "Dec 29, 2017 17:22:11.625386941 UTC");
	/* The call's handle. */
	p = udp(3, CLIENT, CALL("00000012", "00000001") FH, 0);
	assert_int_equal(fval(p, "nfs.fh.length"), 8);
	assert_true(has_field(p, "nfs.fh.hash"));
}

static void
test_nfsattr_calls(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* CREATE UNCHECKED, mode 0644 and size 0 set. */
	p = udp(1, CLIENT, CALL("00000021", "00000008") FH "00000001" "61000000"
	    "00000000" "00000001" "000001a4" "00000000" "00000000"
	    "00000001" "0000000000000000" "00000000" "00000000", 0);
	assert_int_equal(layer(p, "nfs")->status, ST_LS_OK);
	assert_string_equal(field_n(p, "nfs.name", 0)->meaning, "a");
	assert_int_equal(fval(p, "nfs.createmode"), 0);
	assert_int_equal(fval(p, "nfs.mode3"), 0644);
	assert_int_equal(field_n(p, "nfs.set_it", 5)->val, 0);
	assert_int_equal(fval(p, "nfs.set_size"), 0);
	/* WRITE 5 bytes FILE_SYNC at offset 4096. */
	p = udp(2, CLIENT, CALL("00000022", "00000007") FH "0000000000001000"
	    "00000005" "00000002" "00000005" "68656c6c6f000000", 0);
	assert_int_equal(fval(p, "nfs.offset3"), 4096);
	assert_int_equal(fval(p, "nfs.count3"), 5);
	assert_int_equal(fval(p, "nfs.write.stable"), 2);
	assert_int_equal(field_n(p, "nfs.data", 0)->bits, 40);
	assert_true(has_field(p, "rpc.fill_bytes"));
	/* ACCESS READ|EXECUTE: the bits set. */
	p = udp(3, CLIENT, CALL("00000023", "00000004") FH "00000021", 0);
	assert_int_equal(fval(p, "nfs.access_check"), 0x21);
	assert_int_equal(fval(p, "nfs.access_read"), 1);
	assert_int_equal(fval(p, "nfs.access_execute"), 1);
	assert_false(has_field(p, "nfs.access_lookup"));
	/* NULL: the layer, empty, as tshark shows it. */
	p = udp(4, CLIENT, CALL("00000024", "00000000"), 0);
	assert_chain(p, "ipv4 udp rpc nfs");
	assert_int_equal(fval(p, "nfs.procedure_v3"), 0);
	assert_int_equal(layer(p, "nfs")->len, 0);
}

static void
test_nfsattr_replies(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* MKDIR: the new handle, its attributes, the directory's wcc. */
	p = exchange(CALL("00000031", "00000009") FH "00000001" "62000000"
	    "00000000" "00000000" "00000000" "00000000" "00000000" "00000000",
	    REPLY("00000031") "00000000" "00000001" FH "00000001" FATTR WCC,
	    0);
	assert_int_equal(layer(p, "nfs")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfs.handle_follow"), 1);
	assert_int_equal(field_n(p, "nfs.fattr3.type", 1)->val, 2);
	assert_int_equal(fval(p, "nfs.wcc_attr.size"), 4096);
	/* READDIRPLUS: one entry ".", then the end. */
	p = exchange(CALL("00000032", "00000011") FH "0000000000000000"
	    "0000000000000000" "00000200" "00001000",
	    REPLY("00000032") "00000000" "00000000" "0000000000000000"
	    "00000001" "0000000000000080" "00000001" "2e000000"
	    "0000000000000200" "00000000" "00000000" "00000000" "00000001",
	    0);
	assert_int_equal(layer(p, "nfs")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfs.readdirplus.entry.fileid"), 128);
	assert_string_equal(field_n(p, "nfs.readdirplus.entry.name",
	    0)->meaning, ".");
	assert_int_equal(fval(p, "nfs.readdirplus.entry.cookie"), 512);
	assert_int_equal(fval(p, "nfs.readdir.eof"), 1);
	/* LOOKUP failed: the directory's attributes only. */
	p = exchange(CALL("00000033", "00000003") FH "00000001" "63000000",
	    REPLY("00000033") "00000002" "00000001" FATTR, 0);
	assert_int_equal(fval(p, "nfs.status3"), 2);
	assert_int_equal(fval(p, "nfs.attributes_follow"), 1);
	assert_false(has_field(p, "nfs.fh.length"));
}

static void
test_nfsattr_prefixes(void **state)
{
	const char *call = CALL("00000041", "00000001") FH;
	const char *reply = REPLY("00000041") "00000000" FATTR;
	const struct st_packet *p;
	size_t n, k;

	(void)state;
	udp(1, CLIENT, call, 0);
	sweep_prefixes(DLT_RAW, hexbuf);
	/* The reply cut anywhere in its results: nfs marked truncated. */
	n = 28 + strlen(reply) / 2;
	for (k = 28 + 28; k < n; k++) {
		p = exchange(call, reply, k);
		if (layer(p, "nfs")->status != ST_LS_TRUNCATED)
			fail_msg("nfs: status %d at %zu of %zu bytes",
			    layer(p, "nfs")->status, k, n);
	}
	udp(2, SERVER, REPLY("00000042") "00000000" WCC, 0);
	sweep_prefixes(DLT_RAW, hexbuf);
}

static void
test_nfsattr_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A handle of 65 bytes: longer than NFS3_FHSIZE. */
	p = udp(1, CLIENT, CALL("00000051", "00000001") "00000041"
	    "0102030405060708", 0);
	assert_int_equal(layer(p, "nfs")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "nfs.fhandle"));
	/* attributes_follow 7: no attributes, no crash. */
	p = exchange(CALL("00000052", "00000004") FH "0000001f",
	    REPLY("00000052") "00000000" "00000007" "0000001f", 0);
	assert_false(has_field(p, "nfs.fattr3.type"));
	assert_int_equal(fval(p, "nfs.access_rights"), 0x1f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfsattr_getattr),
		cmocka_unit_test(test_nfsattr_calls),
		cmocka_unit_test(test_nfsattr_replies),
		cmocka_unit_test(test_nfsattr_prefixes),
		cmocka_unit_test(test_nfsattr_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
