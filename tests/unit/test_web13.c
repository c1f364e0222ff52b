/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HTTP bodies shown as the layer their Content-Type names (data-text-lines,
 * media, none for a content-encoded or untyped body), and WebSocket frames
 * after a 101 read as tshark reads them without desegmentation (whatever
 * their RSV bits or opcode; a frame past the segment shows its header);
 * every shorter prefix decodes inside its bytes.
 */
#include "testutil.h"

#include "strata/expect.h"

/* IPv4/TCP 198.18.0.2:80 -> 198.18.0.1:40000 (a server's answer). */
#define SRV "45000000000040004006000" "0c6120002c6120001" \
	"00509c40000000010000000150182000" "00000000"
#define IPTCP	40		/* bytes before the payload */

/* The hex of text s after prefix pre (static; one at a time). */
static const char *
hx(const char *pre, const char *s)
{
	static char b[8192];
	size_t n = strlen(pre), i;

	memcpy(b, pre, n);
	for (i = 0; s[i] != '\0' && n + 3 < sizeof(b); i++)
		n += (size_t)snprintf(b + n, 3, "%02x", (unsigned char)s[i]);
	b[n] = '\0';
	return b;
}

static int
fresh(void **state)
{
	(void)state;
	st_expect_clear();
	return 0;
}

#define HEAD200	"HTTP/1.1 200 OK\r\nContent-Length: 11\r\n"

static void
test_body_text(void **state)
{
	const char *h = hx(SRV, HEAD200 "Content-Type: Text/HTML ; "
	    "charset=utf-8\r\n\r\nab\ncd\nefgh\n");
	const struct st_packet *p = decode_hex(DLT_RAW, h);
	const struct st_layer *ly;
	size_t body = IPTCP + strlen(HEAD200 "Content-Type: Text/HTML ; "
	    "charset=utf-8\r\n\r\n");

	(void)state;
	assert_chain(p, "ipv4 tcp http data-text-lines");
	ly = layer(p, "data-text-lines");
	assert_int_equal(ly->off, body);
	assert_int_equal(ly->len, 11);
	assert_int_equal(fval(p, "strata.text.lines"), 3);
	assert_true(has_field(p, "http.file_data"));
	sweep_prefixes(DLT_RAW, h);
	/* Truncated: the body's part in this segment is what is shown. */
	h = hx(SRV, "HTTP/1.1 200 OK\r\nContent-Length: 900\r\n"
	    "Content-Type: text/plain\r\n\r\nonly\npart");
	p = decode_hex(DLT_RAW, h);
	assert_chain(p, "ipv4 tcp http data-text-lines");
	assert_int_equal(layer(p, "data-text-lines")->len, 9);
}

static void
test_body_media(void **state)
{
	const char *h = hx(SRV, HEAD200 "Content-Type: application/pdf\r\n"
	    "\r\n%PDF-1.4\nxy");
	const struct st_packet *p = decode_hex(DLT_RAW, h);
	const struct st_field *f;

	(void)state;
	assert_chain(p, "ipv4 tcp http media");
	f = field_n(p, "media.type", 0);
	assert_int_equal(f->bits, 11 * 8);
	sweep_prefixes(DLT_RAW, h);
	/* Content-encoded, untyped, or claimed by a dissector strata lacks:
	 * no layer of its own (tshark: data, or a layer strata has not). */
	p = decode_hex(DLT_RAW, hx(SRV, HEAD200 "Content-Type: text/plain\r\n"
	    "Content-Encoding: gzip\r\n\r\n\x1f\x8b\x08zzzzzzzz"));
	assert_chain(p, "ipv4 tcp http");
	p = decode_hex(DLT_RAW, hx(SRV, HEAD200 "\r\nab\ncd\nefgh\n"));
	assert_chain(p, "ipv4 tcp http");
	p = decode_hex(DLT_RAW, hx(SRV, HEAD200 "Content-Type: "
	    "application/sdp\r\n\r\nv=0\r\nxyz"));
	assert_chain(p, "ipv4 tcp http");
	/* An empty body (Content-Length 0) is no layer. */
	p = decode_hex(DLT_RAW, hx(SRV, "HTTP/1.1 200 OK\r\nContent-Length: "
	    "0\r\nContent-Type: image/x-icon\r\n\r\n"));
	assert_chain(p, "ipv4 tcp http");
}

/* A 101 from port 80 switching to WebSocket, then the server's bytes. */
static void
test_websocket_switched(void **state)
{
	const struct st_packet *p;
	/* a frame with RSV bits and opcode 12 (control, unknown), then a
	 * ping, then a binary frame of 300 bytes of which 3 are here */
	const char *frames = SRV "cc03616263" "8901" "7a" "827e012c" "010203";

	(void)state;
	p = decode_hex(DLT_RAW, hx(SRV, "HTTP/1.1 101 Switching Protocols\r\n"
	    "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
	assert_chain(p, "ipv4 tcp http");
	p = decode_hex(DLT_RAW, frames);
	assert_chain(p, "ipv4 tcp http websocket websocket websocket");
	assert_int_equal(field_n(p, "websocket.rsv", 0)->val, 4);
	assert_int_equal(field_n(p, "websocket.opcode", 0)->val, 12);
	assert_true(has_field(p, "websocket.payload.unknown"));
	assert_true(has_field(p, "websocket.payload.ping"));
	assert_int_equal(field_n(p, "websocket.payload_length_ext_16", 0)->val,
	    300);
	/* the frame past the segment: its header, no payload */
	assert_int_equal(last_layer(p, "websocket")->len, 7);
	assert_int_equal(p->nfields > 0, 1);
	sweep_prefixes(DLT_RAW, frames);
	/* Malformed: a 64-bit length past 2^31 is no frame (tshark). */
	p = decode_hex(DLT_RAW, SRV "827f0000000080000000" "0102");
	assert_null(last_layer(p, "websocket"));
	/* A length not in its shortest form is read all the same. */
	p = decode_hex(DLT_RAW, SRV "827e0003" "414243");
	assert_chain(p, "ipv4 tcp http websocket");
	assert_int_equal(layer(p, "websocket")->len, 7);
}

/* A 1x1 PNG's signature and IHDR, a tEXt, then an IDAT cut short. */
#define PNGHEAD "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"
#define PNGBODY "89504e470d0a1a0a" "0000000d49484452" "0000000100000012" \
	"0806000000" "9a57b4bc" "0000000774455874" "6b6579006162" "63" \
	"01020304" "0000010049444154" "78da"

static void
test_png(void **state)
{
	char h[4096];
	const struct st_packet *p;

	(void)state;
	snprintf(h, sizeof(h), "%s%s", hx(SRV, PNGHEAD), PNGBODY);
	p = decode_hex(DLT_RAW, h);
	assert_chain(p, "ipv4 tcp http png");
	assert_int_equal(fval(p, "png.ihdr.height"), 18);
	assert_int_equal(fval(p, "png.ihdr.colour_type"), 6);
	assert_int_equal(field_n(p, "png.chunk.crc", 0)->val, 0x9a57b4bc);
	assert_int_equal(field_n(p, "png.chunk.flag.ancillary", 1)->val, 1);
	assert_string_equal(field_n(p, "png.text.keyword", 0)->meaning, "key");
	assert_string_equal(field_n(p, "png.text.string", 0)->meaning, "abc");
	/* the IDAT not wholly here shows nothing (tshark) */
	assert_int_equal(st_pkt_field(p, NULL, "png.chunk.len") != NULL, 1);
	assert_false(p->nfields > 0 && strcmp(p->fields[p->nfields - 1].desc->
	    name, "png.chunk.len") == 0);
	sweep_prefixes(DLT_RAW, h);
	/* Malformed: image/png that is a GIF goes to GIF (Wireshark's
	 * heuristics); one that is neither is media. */
	snprintf(h, sizeof(h), "%s%s", hx(SRV, PNGHEAD), "474946383961"
	    "0400040000" "0000" "2c" "0000000004000400" "00" "02" "024401" "00"
	    "3b");
	p = decode_hex(DLT_RAW, h);
	assert_chain(p, "ipv4 tcp http image-gif");
	assert_int_equal(fval(p, "image-gif.screen.width"), 4);
	assert_int_equal(fval(p, "image-gif.image.code_size"), 2);
	assert_true(has_field(p, "image-gif.end"));
	p = decode_hex(DLT_RAW, hx(SRV, "HTTP/1.1 200 OK\r\nContent-Type: "
	    "image/png\r\n\r\nnot an image at all"));
	assert_chain(p, "ipv4 tcp http media");
}

static void
test_gif(void **state)
{
	/* GIF89a 1x1, a global map of 2 colours, a graphic control
	 * extension, an image whose second data block is cut short */
	char h[4096];

	snprintf(h, sizeof(h), "%s%s", hx(SRV, "HTTP/1.1 200 OK\r\n"
	    "Content-Type: image/gif\r\n\r\n"), "474946383961" "0100010080"
	    "0000" "ffffff010101" "21f904010101" "0100" "2c" "0100010001000100"
	    "00" "02" "024401" "097a7a");
	const struct st_packet *p = decode_hex(DLT_RAW, h);

	(void)state;
	assert_chain(p, "ipv4 tcp http image-gif");
	assert_int_equal(fval(p, "image-gif.global.color_map.present"), 1);
	assert_int_equal(field_n(p, "image-gif.global.color_map", 0)->bits,
	    6 * 8);
	assert_int_equal(fval(p, "image-gif.extension.label"), 0xf9);
	assert_int_equal(field_n(p, "image-gif.data_block", 0)->bits, 4 * 8);
	assert_int_equal(fval(p, "image-gif.image.left"), 1);
	/* the block of 9 bytes with 2 here: not shown, nor the trailer */
	assert_int_equal(field_n(p, "image-gif.data_block", 2)->bits, 2 * 8);
	assert_false(has_field(p, "image-gif.end"));
	sweep_prefixes(DLT_RAW, h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_body_text, fresh),
		cmocka_unit_test_setup(test_body_media, fresh),
		cmocka_unit_test_setup(test_websocket_switched, fresh),
		cmocka_unit_test_setup(test_png, fresh),
		cmocka_unit_test_setup(test_gif, fresh),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
