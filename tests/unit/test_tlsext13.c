/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLS hello extensions read as Wireshark reads them: a server's signed
 * certificate timestamps (RFC 6962 3.3) and a client's certificate
 * compression algorithms (RFC 8879); a client's empty SCT extension shows
 * no data.  Every prefix decoded as a capture cut short.
 */
#include "testutil.h"

/* IPv4/TCP 198.18.0.2:443 -> 198.18.0.1:50000 (len filled in). */
#define TCPH	"000140004006000" "0c6120002c6120001" \
	"01bbc35000000001000000005018ffff00000000"

/*
 * A ServerHello (TLS 1.2, suite 0xc02f) with one extension, 18: a list
 * of one SCT of version 0, log id 32 x 0x11, time 1616423535950 ms
 * (Mar 22, 2021 14:32:15.950 UTC), no extensions, ecdsa_secp256r1_sha256
 * (0x0403) and a 4-byte signature.
 */
#define SCT	"00" "1111111111111111111111111111111111111111111111111111111111111111" \
	"000001785a59c54e" "0000" "0403" "0004" "aabbccdd"
#define SH_EXT	"0012" "0037" "0035" "0033" SCT
#define SH_BODY	"0303" "2222222222222222222222222222222222222222222222222222222222222222" \
	"00" "c02f" "00" "003b" SH_EXT

/* A ClientHello with compress_certificate (brotli, zstd) and an empty
 * signed_certificate_timestamp. */
#define CH_EXT	"001b" "0005" "04" "0002" "0003" "0012" "0000"
#define CH_BODY	"0303" "3333333333333333333333333333333333333333333333333333333333333333" \
	"00" "0002" "1301" "0100" "000d" CH_EXT

static char hex[4096];

/* A TCP segment holding one handshake record of message type t, body b. */
static const char *
record(const char *t, const char *b)
{
	size_t bl = strlen(b) / 2;

	snprintf(hex, sizeof(hex), "4500%04zx" TCPH "1603030%03zx%s%06zx%s",
	    40 + 5 + 4 + bl, 4 + bl, t, bl, b);
	return hex;
}

static void
test_scts(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, record("02", SH_BODY));
	assert_chain(p, "ipv4 tcp tls");
	assert_int_equal(fval(p, "tls.sct.scts_length"), 0x35);
	assert_int_equal(fval(p, "tls.sct.sct_length"), 0x33);
	assert_int_equal(fval(p, "tls.sct.sct_version"), 0);
	assert_int_equal(field_n(p, "tls.sct.sct_logid", 0)->bits, 256);
	assert_string_equal(field_n(p, "tls.sct.sct_timestamp", 0)->meaning,
	    "Mar 22, 2021 14:32:15.950000000 UTC");
	assert_int_equal(fval(p, "tls.sct.sct_extensions_length"), 0);
	assert_false(has_field(p, "tls.sct.sct_extensions"));
	assert_int_equal(fval(p, "tls.handshake.sig_hash_alg"), 0x0403);
	assert_int_equal(fval(p, "tls.sct.sct_signature_length"), 4);
	assert_int_equal(field_n(p, "tls.sct.sct_signature", 0)->bits, 32);
	assert_false(has_field(p, "tls.handshake.extension.data"));
	sweep_prefixes(DLT_RAW, record("02", SH_BODY));
	/* an SCT whose length runs past the list: nothing read past it */
	p = decode_hex(DLT_RAW, record("02", "0303" "2222222222222222222222"
	    "222222222222222222222222222222222222222222" "00" "c02f" "00"
	    "000a" "0012" "0006" "0004" "00ff" "0000"));
	assert_int_equal(fval(p, "tls.sct.sct_length"), 0xff);
	assert_false(has_field(p, "tls.sct.sct_logid"));
}

static void
test_compress_certificate(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, record("01", CH_BODY));
	assert_chain(p, "ipv4 tcp tls");
	assert_int_equal(fval(p, "tls.compress_certificate.algorithms_length"),
	    4);
	assert_int_equal(field_n(p, "tls.compress_certificate.algorithm",
	    0)->val, 2);
	assert_int_equal(field_n(p, "tls.compress_certificate.algorithm",
	    1)->val, 3);
	/* a client's empty SCT extension: no data, no list */
	assert_false(has_field(p, "tls.handshake.extension.data"));
	assert_false(has_field(p, "tls.sct.scts_length"));
	sweep_prefixes(DLT_RAW, record("01", CH_BODY));
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scts),
		cmocka_unit_test(test_compress_certificate),
	};

	(void)argc;
	(void)argv;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
