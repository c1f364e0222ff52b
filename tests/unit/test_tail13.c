/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tail 13's small protocols, from hand-written frames: NFS ACL (RPC
 * program 100227) GETACL and SETACL over UDP; HP's extended LLC and
 * switch protocol in an 802.3 frame; NTLMSSP in HTTP's authentication
 * headers; NSH (RFC 8300) with both kinds of metadata; each with every
 * prefix cut and a malformed variant.
 */
#include "testutil.h"

#define CLIENT	"c6120001" "c6120002" "02bc" "0801"
#define SERVER	"c6120002" "c6120001" "0801" "02bc"
#define AUTH0	"00000000" "00000000"
/* call head: rpc 2, NFSACL 100227 v3, proc; AUTH_NULL */
#define ACALL(x, p)	x "00000000" "00000002" "00018783" "00000003" p \
	AUTH0 AUTH0
#define REPLY(x)	x "00000001" "00000000" AUTH0 "00000000"
#define FH	"00000008" "0102030405060708"
#define FATTR	"00000002" "000041ed" "00000002" "00000c35" "000000c8" \
	"0000000000001000" "0000000000001000" "00000000" "00000000" \
	"37292d5062ed1a4f" "0000000040a3dff7" "5a4679c32546a5bd" \
	"5a4679c32546a5bd" "5a4679c32546a5bd"
/* secattr: mask 0xf, 2 entries (owner rwx, other r), 1 default (user) */
#define SECATTR	"0000000f" "00000002" "00000002" \
	"00000001" "00000000" "00000007" "00000020" "00000000" "00000004" \
	"00000001" "00000001" "00001002" "000003e8" "00000006"

static char hexbuf[8192];

/* An IPv4/UDP frame from ends carrying payload, as frame num, cut at cap
 * bytes (0: none). */
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

static const struct st_packet *
exchange(const char *call, const char *reply, size_t cap)
{
	udp(1, CLIENT, call, 0);
	return udp(2, SERVER, reply, cap);
}

static void
test_nfsacl_getacl(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = udp(1, CLIENT, ACALL("00000031", "00000001") FH "0000000c", 0);
	assert_chain(p, "ipv4 udp rpc nfsacl");
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfsacl.procedure_v3"), 1);
	assert_int_equal(fval(p, "nfs.fh.length"), 8);
	assert_int_equal(fval(p, "nfsacl.mask"), 0xc);
	assert_int_equal(fval(p, "nfsacl.mask.acl_entry"), 0);
	assert_int_equal(fval(p, "nfsacl.mask.default_acl_count"), 1);
	p = udp(2, SERVER, REPLY("00000031") "00000000" "00000001" FATTR
	    SECATTR, 0);
	assert_chain(p, "ipv4 udp rpc nfsacl");
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfs.status"), 0);
	assert_int_equal(fval(p, "nfs.fattr3.uid"), 3125);
	assert_int_equal(fval(p, "nfsacl.aclcnt"), 2);
	assert_int_equal(fval(p, "nfsacl.dfaclcnt"), 1);
	assert_int_equal(field_n(p, "nfsacl.aclent.type", 1)->val, 0x20);
	assert_int_equal(field_n(p, "nfsacl.aclent.type", 2)->val, 0x1002);
	assert_int_equal(field_n(p, "nfsacl.aclent.uid", 2)->val, 1000);
	assert_int_equal(field_n(p, "nfsacl.aclent.perm.read", 1)->val, 1);
	assert_int_equal(field_n(p, "nfsacl.aclent.perm.exec", 1)->val, 0);
	assert_int_equal(field_n(p, "nfsacl.aclent.perm.write", 2)->val, 1);
}

static void
test_nfsacl_setacl(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = udp(1, CLIENT, ACALL("00000032", "00000002") FH SECATTR, 0);
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfsacl.procedure_v3"), 2);
	assert_int_equal(fval(p, "nfsacl.mask"), 0xf);
	/* The reply: an error status, no attributes. */
	p = udp(2, SERVER, REPLY("00000032") "0000000d" "00000000", 0);
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfs.status"), 13);
	assert_false(has_field(p, "nfsacl.aclcnt"));
	/* GETXATTRDIR with create. */
	p = udp(3, CLIENT, ACALL("00000033", "00000003") FH "00000001", 0);
	assert_int_equal(fval(p, "nfsacl.create"), 1);
}

static void
test_nfsacl_trunc(void **state)
{
	const char *call = ACALL("00000041", "00000001") FH "0000000c";
	const char *reply = REPLY("00000041") "00000000" "00000001" FATTR
	    SECATTR;
	const struct st_packet *p;
	size_t k, n;

	(void)state;
	/* The reply cut anywhere in its results: nfsacl marked truncated. */
	n = 28 + strlen(reply) / 2;
	for (k = 28 + 24 + 1; k < n; k++) {
		p = exchange(call, reply, k);
		if (layer(p, "nfsacl")->status != ST_LS_TRUNCATED)
			fail_msg("nfsacl: status %d at %zu of %zu bytes",
			    layer(p, "nfsacl")->status, k, n);
	}
	udp(2, SERVER, reply, 0);
	sweep_prefixes(DLT_RAW, hexbuf);
	udp(3, CLIENT, ACALL("00000042", "00000002") FH SECATTR, 0);
	sweep_prefixes(DLT_RAW, hexbuf);
}

static void
test_nfsacl_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* An ACL of 0x7fffffff entries: more than MAX_ACL_ENTRIES. */
	p = udp(1, CLIENT, ACALL("00000051", "00000002") FH "00000001"
	    "00000001" "7fffffff" "00000001" "00000000" "00000007", 0);
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_MALFORMED);
	/* A handle of 65 bytes. */
	p = udp(2, CLIENT, ACALL("00000052", "00000001") "00000041"
	    "0102030405060708", 0);
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_MALFORMED);
}

/* 802.3 to HP's multicast, LLC f8/f8 UI, HP extended LLC 0x0623 both
 * ways, then hpsw version 3 type 1 and the TLVs given. */
static char hpbuf[1024];

static const char *
hpsw_frame(const char *tlvs)
{
	size_t n = 3 + 7 + 2 + strlen(tlvs) / 2;

	snprintf(hpbuf, sizeof(hpbuf), "090009000067" "0001e78c8200" "%04zx"
	    "f8f803" "000000" "0623" "0623" "0301" "%s", n, tlvs);
	return hpbuf;
}

#define HPTLVS	"010a" "204850203430303" "04d00" "0208" "432e30392e313600" \
	"0504" "c0a8000c" "0701" "00" "0802" "003c" "0a04" "0000006f" \
	"0b0c" "0001e78c8201" "0001e78c8202" "0c01" "01" \
	"0d0b" "0030c1d84280" "0004413400" "0e06" "0001e78c8200" "1102" "abcd"

static void
test_hpsw(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, hpsw_frame(HPTLVS));
	assert_chain(p, "eth llc hpext hpsw");
	assert_int_equal(layer(p, "hpsw")->status, ST_LS_OK);
	assert_int_equal(fval(p, "hpext.dxsap"), 0x0623);
	assert_int_equal(fval(p, "hpext.reserved"), 0);
	assert_int_equal(fval(p, "hpsw.version"), 3);
	assert_string_equal(field_n(p, "hpsw.device_name", 0)->meaning,
	    " HP 4000M");
	assert_string_equal(field_n(p, "hpsw.device_version", 0)->meaning,
	    "C.09.16");
	assert_string_equal(field_n(p, "hpsw.domain", 0)->meaning, "");
	assert_int_equal(fval(p, "hpsw.ip_addr"), 0xc0a8000c);
	assert_int_equal(fval(p, "hpsw.field_8"), 0x3c);
	assert_int_equal(fval(p, "hpsw.field_10"), 0x6f);
	assert_int_equal(field_n(p, "hpsw.neighbor_mac_addr", 1)->val,
	    0x0001e78c8202ull);
	assert_int_equal(fval(p, "hpsw.field_12"), 1);
	assert_int_equal(fval(p, "hpsw.device_id"), 0x0030c1d84280ull);
	assert_int_equal(field_n(p, "hpsw.device_id_data", 0)->bits, 40);
	assert_int_equal(fval(p, "hpsw.own_mac_addr"), 0x0001e78c8200ull);
	assert_int_equal(field_n(p, "hpsw.tlv_type", 10)->val, 0x11);
	assert_true(has_field(p, "hpsw.data"));
	/* An IP Addr TLV of 3 bytes: its header, no address. */
	p = decode_hex(DLT_EN10MB, hpsw_frame("0503c0a800" "0101" "41"));
	assert_int_equal(layer(p, "hpsw")->status, ST_LS_OK);
	assert_false(has_field(p, "hpsw.ip_addr"));
	assert_string_equal(field_n(p, "hpsw.device_name", 0)->meaning, "A");
}

static void
test_hpsw_trunc(void **state)
{
	(void)state;
	sweep_trunc("hpsw", 14 + 3 + 7 + 2 + 1, hpsw_frame(HPTLVS), 0);
}

static void
test_hpsw_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A TLV running past the frame the 802.3 length bounds. */
	p = decode_hex(DLT_EN10MB, hpsw_frame("0101" "41" "0210" "4142"));
	assert_int_equal(layer(p, "hpsw")->status, ST_LS_MALFORMED);
	assert_string_equal(field_n(p, "hpsw.device_name", 0)->meaning, "A");
	/* A TLV of length 0. */
	p = decode_hex(DLT_EN10MB, hpsw_frame("0100" "0101" "41"));
	assert_int_equal(layer(p, "hpsw")->status, ST_LS_MALFORMED);
	/* A lone type byte. */
	p = decode_hex(DLT_EN10MB, hpsw_frame("0101" "41" "05"));
	assert_int_equal(layer(p, "hpsw")->status, ST_LS_MALFORMED);
}

/* An IPv4/TCP segment 198.18.0.1:49162 -> .2:80 (or back) carrying the
 * text, as frame num. */
static const struct st_packet *
tcp_text(uint64_t num, int back, const char *text, size_t cap)
{
	size_t k = 0, n, tl = strlen(text);

	k += (size_t)snprintf(hexbuf, sizeof(hexbuf), "4500%04zx000040004006"
	    "0000" "%s" "%s" "00000001" "00000001" "5018ffff00000000",
	    40 + tl, back ? "c6120002c6120001" "0050c00a" :
	    "c6120001c6120002" "c00a0050", "");
	for (n = 0; n < tl && k + 3 < sizeof(hexbuf); n++)
		k += (size_t)snprintf(hexbuf + k, sizeof(hexbuf) - k, "%02x",
		    (unsigned char)text[n]);
	n = hexbytes(hexbuf);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(cap > 0 && cap < n ? cap : n),
	    (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

#define NTLM_NEG	"TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw=="

static void
test_http_ntlm(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = tcp_text(1, 0, "GET / HTTP/1.1\r\nHost: a\r\nAuthorization: NTLM "
	    NTLM_NEG "\r\nAccept: */*\r\n\r\n", 0);
	assert_chain(p, "ipv4 tcp http ntlmssp");
	assert_int_equal(layer(p, "ntlmssp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 1);
	assert_int_equal(fval(p, "ntlmssp.negotiateflags"), 0xa2088207);
	assert_true(has_field(p, "http.accept"));
	/* A response's WWW-Authenticate, Negotiate: a GSS-API token. */
	p = tcp_text(2, 1, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: "
	    "Negotiate " NTLM_NEG "\r\nContent-Length: 0\r\n\r\n", 0);
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 1);
	assert_true(has_field(p, "http.www_authenticate"));
	/* Proxy-Authorization; Basic: no token. */
	p = tcp_text(3, 0, "GET / HTTP/1.1\r\nProxy-Authorization: NTLM "
	    NTLM_NEG "\r\n\r\n", 0);
	assert_true(has_field(p, "http.proxy_authorization"));
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 1);
	p = tcp_text(4, 0, "GET / HTTP/1.1\r\nAuthorization: Basic "
	    "YTpi\r\n\r\n", 0);
	assert_chain(p, "ipv4 tcp http");
}

/*
 * Every prefix of the segment: the frame's own layers and fields inside
 * the bytes captured, a note of the cut; a token decoded from a whole
 * header line is bytes strata made (after the frame's, in xbuf): its
 * layers lie past the cut, inside the bytes made.
 */
static void
test_http_ntlm_trunc(void **state)
{
	static struct st_packet p;
	size_t n, k, i, end;
	uint8_t *b;

	(void)state;
	tcp_text(1, 0, "GET / HTTP/1.1\r\nAuthorization: NTLM " NTLM_NEG
	    "\r\n\r\n", 0);
	n = hexbytes(hexbuf);
	for (k = 0; k < n; k++) {
		b = malloc(k > 0 ? k : 1);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_RAW);
		end = k + p.xlen;
		for (i = 0; i < p.nlayers; i++)
			assert_true(p.layers[i].off >= k ?
			    p.layers[i].off + p.layers[i].len <= end :
			    p.layers[i].off + p.layers[i].len <= k);
		for (i = 0; i < p.nfields; i++)
			if (p.fields[i].bits > 0)
				assert_true((p.fields[i].bitoff +
				    p.fields[i].bits + 7) / 8 <=
				    (p.fields[i].bitoff / 8 >= k ? end : k));
		assert_true(p.nnotes > 0);
		free(b);
	}
}

static void
test_http_ntlm_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Not base64: no token. */
	p = tcp_text(1, 0, "GET / HTTP/1.1\r\nAuthorization: NTLM !!!!"
	    "\r\n\r\n", 0);
	assert_chain(p, "ipv4 tcp http");
	/* A NEGOTIATE message cut inside its flags: the token lies. */
	p = tcp_text(2, 0, "GET / HTTP/1.1\r\nAuthorization: NTLM "
	    "TlRMTVNTUAABAAAAB4I=\r\n\r\n", 0);
	assert_chain(p, "ipv4 tcp http ntlmssp");
	assert_int_not_equal(layer(p, "ntlmssp")->status, ST_LS_OK);
}

/* zoo/nsh.pcap's frame: NSH MD type 1, SPI 777 SI 7, then IPv4/UDP. */
#define NSH_MD1 \
	"525400 4b735f 02420a000803 894f" "0006 0101 000309 07" \
	"00000001000000020000000300000004" \
	"450000222844400040 11e96a0a0008030a0d0d0d" "cc051f40000e0000" \
	"626567696e0a"
/* MD type 2, length 5: one TLV (class 0x0102, type 3, 5 bytes, padded),
 * then Ethernet. */
#define NSH_MD2 \
	"525400 4b735f 02420a000803 894f" "0fc5 0203 000309 06" \
	"01020305" "6162636465000000" \
	"02420a000803525400 4b735f 0800" \
	"450000140001000040 0100000a0008030a0d0d0d"

static void
test_nsh(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, NSH_MD1);
	assert_chain(p, "eth nsh ipv4 udp data");
	assert_int_equal(layer(p, "nsh")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nsh.length"), 6);
	assert_int_equal(fval(p, "nsh.mdtype"), 1);
	assert_int_equal(fval(p, "nsh.spi"), 777);
	assert_int_equal(fval(p, "nsh.si"), 7);
	assert_int_equal(field_n(p, "nsh.contextheader", 3)->bits, 32);
	p = decode_hex(DLT_EN10MB, NSH_MD2);
	assert_chain(p, "eth nsh eth ipv4");
	assert_int_equal(fval(p, "nsh.ttl"), 63);
	assert_int_equal(fval(p, "nsh.CBit"), 0);
	assert_int_equal(fval(p, "nsh.metadataclass"), 0x0102);
	assert_int_equal(fval(p, "nsh.metadatatype"), 3);
	assert_int_equal(fval(p, "nsh.metadatalen"), 5);
	assert_int_equal(field_n(p, "nsh.metadata", 0)->bits, 40);
	assert_int_equal(last_layer(p, "eth")->off, 34);
}

/* Every prefix: inside the bounds; cut inside the header (14 + hl
 * bytes), NSH marked truncated. */
static void
nsh_sweep(const char *hex, size_t hl)
{
	static struct st_packet p;
	size_t n, k;
	uint8_t *b;

	sweep_prefixes(DLT_EN10MB, hex);
	n = hexbytes(hex);
	for (k = 15; k < 14 + hl; k++) {
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		assert_int_equal(layer(&p, "nsh")->status, ST_LS_TRUNCATED);
		free(b);
	}
}

static void
test_nsh_trunc(void **state)
{
	(void)state;
	nsh_sweep(NSH_MD1, 24);
	nsh_sweep(NSH_MD2, 20);
}

static void
test_nsh_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* MD type 1 with length 5. */
	p = decode_hex(DLT_EN10MB, "525400 4b735f 02420a000803 894f"
	    "0005 0101 000309 07" "00000001000000020000000300000004");
	assert_int_equal(layer(p, "nsh")->status, ST_LS_MALFORMED);
	/* MD type 2, a TLV of 9 bytes in a header of 3 words. */
	p = decode_hex(DLT_EN10MB, "525400 4b735f 02420a000803 894f"
	    "0003 0201 000309 07" "01020309" "6162636465666768");
	assert_int_equal(layer(p, "nsh")->status, ST_LS_MALFORMED);
	/* Length 1 with an unknown MD type. */
	p = decode_hex(DLT_EN10MB, "525400 4b735f 02420a000803 894f"
	    "0001 0f01 000309 07");
	assert_int_equal(layer(p, "nsh")->status, ST_LS_MALFORMED);
}

/*
 * The same frames spelt out whole, as string literals: the fuzz seeds
 * (tests/fuzz/seeds.py) take the frames of decode_hex() calls from the
 * source, and cannot see the ones udp() and hpsw_frame() build at run
 * time.  Each must decode as the built one does.
 */
#define NFSACL_GETACL	"450000540000400040110000c6120001c612000202bc08010040000000" \
	"0000310000000000000002000187830000000300000001000000000000" \
	"000000000000000000000000000801020304050607080000000c"
#define HPSW_LIT	"0900090000670001e78c8200005ff8f803000000062306230301010a20" \
	"485020343030304d000208432e30392e3136000504c0a8000c07010008" \
	"02003c0a040000006f0b0c0001e78c82010001e78c82020c01010d0b00" \
	"30c1d8428000044134000e060001e78c82001102abcd"

static void
test_literal_frames(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, NFSACL_GETACL);
	assert_chain(p, "ipv4 udp rpc nfsacl");
	assert_int_equal(layer(p, "nfsacl")->status, ST_LS_OK);
	assert_int_equal(fval(p, "nfsacl.mask"), 0xc);
	udp(1, CLIENT, ACALL("00000031", "00000001") FH "0000000c", 0);
	assert_string_equal(NFSACL_GETACL, hexbuf);
	p = decode_hex(DLT_EN10MB, HPSW_LIT);
	assert_chain(p, "eth llc hpext hpsw");
	assert_int_equal(layer(p, "hpsw")->status, ST_LS_OK);
	assert_int_equal(fval(p, "hpext.dxsap"), 0x0623);
	assert_string_equal(HPSW_LIT, hpsw_frame(HPTLVS));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfsacl_getacl),
		cmocka_unit_test(test_nfsacl_setacl),
		cmocka_unit_test(test_nfsacl_trunc),
		cmocka_unit_test(test_nfsacl_malformed),
		cmocka_unit_test(test_hpsw),
		cmocka_unit_test(test_hpsw_trunc),
		cmocka_unit_test(test_hpsw_malformed),
		cmocka_unit_test(test_http_ntlm),
		cmocka_unit_test(test_http_ntlm_trunc),
		cmocka_unit_test(test_http_ntlm_malformed),
		cmocka_unit_test(test_nsh),
		cmocka_unit_test(test_nsh_trunc),
		cmocka_unit_test(test_nsh_malformed),
		cmocka_unit_test(test_literal_frames),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
