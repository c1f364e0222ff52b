/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLS inside QUIC: an Initial's CRYPTO frames, opened with the keys anyone
 * can work out (RFC 9001 5.2), handed on as TLS handshake messages without
 * records (st_dderive: layers over bytes after the frame's own).  Initials
 * are sealed here with nettle as a client would (RFC 9001 5.3, 5.4): a
 * ClientHello in one CRYPTO frame, the same cut in three frames out of
 * order, with a gap (nothing past it), and RFC 9001 A.3's server Initial.
 * The ClientHello's quic_transport_parameters and pre_shared_key
 * extensions are checked over TCP too (the same extension code), with
 * every shorter prefix.
 */
#include <nettle/aes.h>
#include <nettle/gcm.h>

#include "testutil.h"
#include "../../src/proto/quic.h"

/* A ClientHello (TLS 1.3, as QUIC sends it): SNI example.org, ALPN h3,
 * quic_transport_parameters (max_idle_timeout 30000, initial_max_data
 * 1048576, disable_active_migration, initial_source_connection_id
 * c1c2c3c4, preferred_address, a GREASE id 0x1b of 2 bytes), and
 * pre_shared_key (one identity, age 0x01020304, a 33-byte binder). */
#define CH_EXTS \
	"0000" "0010" "000e" "00" "000b" "6578616d706c652e6f7267" \
	"0010" "0005" "0003" "02" "6833" \
	"0039" "0045" \
	    "01" "04" "80007530" \
	    "04" "04" "80100000" \
	    "0c" "00" \
	    "0f" "04" "c1c2c3c4" \
	    "0d" "2b" "c6120009" "01bb" "20010db8000000000000000000000009" \
	    "01bb" "02" "abcd" "00112233445566778899aabbccddeeff" \
	    "1b" "02" "beef" \
	"0029" "002f" \
	    "000a" "0004" "aabbccdd" "01020304" \
	    "0021" "20" "0000000000000000000000000000000000000000000000000000000000000000"
#define CH_BODY \
	"0303" "0000000000000000000000000000000000000000000000000000000000000000" \
	"00" "0002" "1301" "0100"

static char chello[2048];

/* The ClientHello message (type, 3-byte length, body) as hex. */
static const char *
client_hello(void)
{
	size_t el = strlen(CH_EXTS) / 2, bl = strlen(CH_BODY) / 2 + 2 + el;

	snprintf(chello, sizeof(chello), "01%06zx%s%04zx%s", bl, CH_BODY, el,
	    CH_EXTS);
	return chello;
}

static const uint8_t dcid[8] = { 0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51, 0x57,
    0x08 };

/*
 * An IPv4/UDP datagram 198.18.0.1:50000 -> 198.18.0.2:443 holding a client
 * Initial (DCID above, no SCID, packet number 0 in one byte) whose
 * plaintext payload is plain[0..pl), sealed and header-protected.
 */
static size_t
sealed(uint8_t *out, const uint8_t *plain, size_t pl)
{
	struct gcm_aes128_ctx g;
	struct quic_keys k;
	uint8_t mask[16], nonce[12];
	size_t h = 28, pn, n;

	assert_int_equal(st_quic_initial_keys(1, dcid, 8, 0, &k), 0);
	n = 0;
	out[h + n++] = 0xc0;			/* Initial, pn length 1 */
	out[h + n++] = 0; out[h + n++] = 0; out[h + n++] = 0; out[h + n++] = 1;
	out[h + n++] = 8;
	memcpy(out + h + n, dcid, 8);
	n += 8;
	out[h + n++] = 0;			/* SCID length */
	out[h + n++] = 0;			/* token length */
	out[h + n++] = (uint8_t)(0x40 | (1 + pl + 16) >> 8);
	out[h + n++] = (uint8_t)(1 + pl + 16);
	pn = n;
	out[h + n++] = 0;			/* packet number 0 */
	memcpy(nonce, k.iv, 12);
	gcm_aes128_set_key(&g, k.key);
	gcm_aes128_set_iv(&g, 12, nonce);
	gcm_aes128_update(&g, n, out + h);
	gcm_aes128_encrypt(&g, pl, out + h + n, plain);
	gcm_aes128_digest(&g, 16, out + h + n + pl);
	st_quic_hp_mask(&k, out + h + pn + 4, mask);
	out[h] ^= mask[0] & 0x0f;
	out[h + pn] ^= mask[1];
	n += pl + 16;
	/* IPv4 and UDP headers (no checksums: the UDP one may be 0). */
	memcpy(out, "\x45\x00\x00\x00\x00\x01\x40\x00\x40\x11\x00\x00"
	    "\xc6\x12\x00\x01\xc6\x12\x00\x02\xc3\x50\x01\xbb\x00\x00\x00\x00",
	    28);
	out[2] = (uint8_t)((n + 28) >> 8);
	out[3] = (uint8_t)(n + 28);
	out[24] = (uint8_t)((n + 8) >> 8);
	out[25] = (uint8_t)(n + 8);
	return n + 28;
}

static struct st_packet qp;
static uint8_t qbuf[4096], plain[2048];

/* Decodes a sealed Initial carrying plain[0..pl) as frame 1 of a capture. */
static const struct st_packet *
initial(size_t pl)
{
	size_t n = sealed(qbuf, plain, pl);

	st_pkt_reset(&qp, qbuf, (uint32_t)n, (uint32_t)n);
	qp.num = 1;
	st_decode(&qp, DLT_RAW);
	return &qp;
}

/* The same as frame num of the capture (1 starts it anew). */
static const struct st_packet *
initial_num(size_t pl, uint64_t num)
{
	size_t n = sealed(qbuf, plain, pl);

	st_pkt_reset(&qp, qbuf, (uint32_t)n, (uint32_t)n);
	qp.num = num;
	st_decode(&qp, DLT_RAW);
	return &qp;
}

/* A CRYPTO frame header at p: type, offset, length (2-byte varints). */
static size_t
crypto_frame(uint8_t *p, size_t off, size_t len)
{
	p[0] = 0x06;
	p[1] = (uint8_t)(0x40 | off >> 8);
	p[2] = (uint8_t)off;
	p[3] = (uint8_t)(0x40 | len >> 8);
	p[4] = (uint8_t)len;
	return 5;
}

static void
test_one_frame(void **state)
{
	const struct st_packet *p;
	size_t m, n;

	(void)state;
	m = hexbytes(client_hello());
	n = crypto_frame(plain, 0, m);
	memcpy(plain + n, tbuf, m);
	n += m;
	memset(plain + n, 0, 40);		/* PADDING */
	p = initial(n + 40);
	assert_chain(p, "ipv4 udp quic tls-handshake");
	assert_int_equal(fval(p, "strata.quic.opened"), 1);
	assert_int_equal(fval(p, "tls.handshake.type"), 1);
	assert_string_equal(field_n(p, "tls.handshake.extensions_server_name",
	    0)->meaning, "example.org");
	/* The layer lies after the frame's bytes, which hold the copy. */
	assert_int_equal(layer(p, "tls-handshake")->off, qp.caplen);
	assert_int_equal(qp.xlen, m);
	assert_memory_equal(qp.data + qp.caplen, tbuf, m);
	assert_non_null(qp.xwhat);
	/* The transport parameters, as Wireshark names them. */
	assert_int_equal(field_n(p, "tls.quic.parameter.type", 0)->val, 1);
	assert_int_equal(fval(p, "tls.quic.parameter.max_idle_timeout"),
	    30000);
	assert_int_equal(fval(p, "tls.quic.parameter.initial_max_data"),
	    1048576);
	assert_int_equal(field_n(p, "tls.quic.parameter.type", 2)->val, 0x0c);
	assert_int_equal(field_n(p, "tls.quic.parameter.value", 2)->bits, 0);
	assert_int_equal(field_n(p, "tls.quic.parameter.initial_source_"
	    "connection_id", 0)->bits, 32);
	assert_int_equal(fval(p, "tls.quic.parameter.preferred_address."
	    "ipv4port"), 443);
	assert_int_equal(fval(p, "tls.quic.parameter.preferred_address."
	    "connectionid.length"), 2);
	assert_int_equal(field_n(p, "tls.quic.parameter.type", 5)->val, 0x1b);
	assert_int_equal(fval(p, "tls.handshake.extensions.psk.identity."
	    "obfuscated_ticket_age"), 0x01020304);
	assert_int_equal(fval(p, "tls.handshake.extensions.psk.binders_len"),
	    33);
	/* JA4 says QUIC. */
	assert_int_equal(field_n(p, "tls.handshake.ja4", 0)->meaning[0], 'q');
}

/* Chromium's way: the hello cut in three frames sent out of order. */
static void
test_scattered(void **state)
{
	const struct st_packet *p;
	size_t m, n = 0, a = 40, b = 100;
	uint8_t hello[1024];

	(void)state;
	m = hexbytes(client_hello());
	memcpy(hello, tbuf, m);
	n += crypto_frame(plain + n, b, m - b);
	memcpy(plain + n, hello + b, m - b);
	n += m - b;
	plain[n++] = 0x01;			/* PING */
	n += crypto_frame(plain + n, 0, a);
	memcpy(plain + n, hello, a);
	n += a;
	n += crypto_frame(plain + n, a, b - a);
	memcpy(plain + n, hello + a, b - a);
	n += b - a;
	p = initial(n);
	assert_chain(p, "ipv4 udp quic tls-handshake");
	assert_int_equal(qp.xlen, m);
	assert_memory_equal(qp.data + qp.caplen, hello, m);
	assert_string_equal(field_n(p, "tls.handshake.extensions_server_name",
	    0)->meaning, "example.org");
	/* Without the middle part: only what runs from offset 0 on. */
	n = 0;
	n += crypto_frame(plain + n, 0, a);
	memcpy(plain + n, hello, a);
	n += a;
	n += crypto_frame(plain + n, b, m - b);
	memcpy(plain + n, hello + b, m - b);
	n += m - b;
	p = initial(n);
	assert_chain(p, "ipv4 udp quic tls-handshake");
	assert_int_equal(qp.xlen, a);
	assert_int_equal(layer(p, "tls-handshake")->len, a);
	/* No frame at offset 0: nothing handed on. */
	n = crypto_frame(plain, a, b - a);
	memcpy(plain + n, hello + a, b - a);
	p = initial(n + b - a);
	assert_chain(p, "ipv4 udp quic");
	assert_int_equal(qp.xlen, 0);
}

/*
 * A ClientHello split over two Initials (as a post-quantum key share makes
 * it): the first shows what it has; the second the whole hello, the
 * stream kept from the first; a retransmitted first Initial shows its own
 * part again; a server's Initial is a stream of its own.
 */
static void
test_two_initials(void **state)
{
	const struct st_packet *p;
	size_t m, n, a = 60;
	uint8_t hello[1024];

	(void)state;
	m = hexbytes(client_hello());
	memcpy(hello, tbuf, m);
	n = crypto_frame(plain, 0, a);
	memcpy(plain + n, hello, a);
	p = initial_num(n + a, 1);
	assert_chain(p, "ipv4 udp quic tls-handshake");
	assert_int_equal(qp.xlen, a);
	assert_false(has_field(p, "tls.handshake.extensions_server_name"));
	/* the rest, in the client's next Initial */
	n = crypto_frame(plain, a, m - a);
	memcpy(plain + n, hello + a, m - a);
	plain[n + m - a] = 0x01;		/* PING */
	p = initial_num(n + m - a + 1, 2);
	assert_chain(p, "ipv4 udp quic tls-handshake");
	assert_int_equal(qp.xlen, m);
	assert_memory_equal(qp.data + qp.caplen, hello, m);
	assert_string_equal(field_n(p, "tls.handshake.extensions_server_name",
	    0)->meaning, "example.org");
	/* the second again: it adds nothing, and alone starts past 0 */
	p = initial_num(n + m - a + 1, 3);
	assert_chain(p, "ipv4 udp quic");
	/* the first again: its own part, as before */
	n = crypto_frame(plain, 0, a);
	memcpy(plain + n, hello, a);
	p = initial_num(n + a, 4);
	assert_int_equal(qp.xlen, a);
}

/* The stream from frames that overlap, repeat and run past the bound. */
static void
test_stream(void **state)
{
	static struct quic_crypto cr;
	uint8_t data[64], out[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)i;
	cr.n = 0;
	cr.fr[cr.n].off = 10; cr.fr[cr.n].len = 20; cr.fr[cr.n++].p = data + 10;
	cr.fr[cr.n].off = 0; cr.fr[cr.n].len = 15; cr.fr[cr.n++].p = data;
	cr.fr[cr.n].off = 0; cr.fr[cr.n].len = 5; cr.fr[cr.n++].p = data;
	cr.fr[cr.n].off = 25; cr.fr[cr.n].len = 39; cr.fr[cr.n++].p = data + 25;
	assert_int_equal(st_quic_crypto_stream(&cr, out, 64), 64);
	assert_memory_equal(out, data, 64);
	assert_int_equal(st_quic_crypto_stream(&cr, out, 16), 16);
	assert_memory_equal(out, data, 16);
	cr.fr[1].off = 6;			/* a gap after the first 5 */
	assert_int_equal(st_quic_crypto_stream(&cr, out, 64), 5);
	cr.n = 0;
	assert_int_equal(st_quic_crypto_stream(&cr, out, 64), 0);
}

/* RFC 9001 A.3's server Initial after its client's: the ServerHello. */
static void
test_server_initial(void **state)
{
	const struct st_packet *p;
	size_t n;

	(void)state;
	n = crypto_frame(plain, 0, 20);
	memset(plain + n, 0, 20);
	initial(n + 20);			/* opens the connection */
	n = hexbytes("cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac"
	    "406a5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a18"
	    "39b3dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19"
	    "fb84022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456"
	    "cbc42158407dd074ee");
	/* from 198.18.0.2:443 back to the client */
	memcpy(qbuf, "\x45\x00\x00\x00\x00\x02\x40\x00\x40\x11\x00\x00"
	    "\xc6\x12\x00\x02\xc6\x12\x00\x01\x01\xbb\xc3\x50\x00\x00\x00\x00",
	    28);
	memcpy(qbuf + 28, tbuf, n);
	qbuf[3] = (uint8_t)(n + 28);
	qbuf[25] = (uint8_t)(n + 8);
	n += 28;
	st_pkt_reset(&qp, qbuf, (uint32_t)n, (uint32_t)n);
	qp.num = 2;
	st_decode(&qp, DLT_RAW);
	p = &qp;
	assert_chain(p, "ipv4 udp quic tls-handshake");
	assert_int_equal(fval(p, "tls.handshake.type"), 2);
	assert_int_equal(fval(p, "tls.handshake.ciphersuite"), 0x1301);
	assert_int_equal(fval(p, "tls.handshake.extensions.supported_version"),
	    0x0304);
	assert_int_equal(qp.xlen, 90);
}

/* The same extensions in a ClientHello record over TCP, and every prefix. */
static void
test_over_tcp(void **state)
{
	const struct st_packet *p;
	char hex[4096];
	size_t m = strlen(client_hello()) / 2;

	(void)state;
	snprintf(hex, sizeof(hex), "4500%04zx000140004006000" "0c6120001c6120002"
	    "c35001bb00000001000000005018ffff00000000" "160301%04zx%s",
	    40 + 5 + m, m, client_hello());
	p = decode_hex(DLT_RAW, hex);
	assert_chain(p, "ipv4 tcp tls");
	assert_int_equal(fval(p, "tls.quic.parameter.max_idle_timeout"),
	    30000);
	assert_int_equal(fval(p, "tls.handshake.extensions.psk.identities."
	    "length"), 10);
	assert_int_equal(field_n(p, "tls.handshake.ja4", 0)->meaning[0], 't');
	sweep_prefixes(DLT_RAW, hex);
	/* A parameter whose length runs past the extension. */
	snprintf(hex, sizeof(hex), "4500%04zx000140004006000" "0c6120001c6120002"
	    "c35001bb00000001000000005018ffff00000000" "160301%04zx%s",
	    40 + 5 + m, m, client_hello());
	strstr(hex, "1b02beef")[3] = '9';	/* the last one: 9 bytes */
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(layer(p, "tls")->status, ST_LS_MALFORMED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_frame),
		cmocka_unit_test(test_scattered),
		cmocka_unit_test(test_two_initials),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_server_initial),
		cmocka_unit_test(test_over_tcp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
