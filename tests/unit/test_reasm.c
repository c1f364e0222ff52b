/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stream reassembly (src/decode/tcpreasm.c, --reassemble): TCP segments
 * made here (DLT_RAW IPv4) carrying a TLS record, an HTTP head and DNS
 * over TCP cut across segments; the pdu_len hooks of TLS, HTTP, DNS, TPKT
 * and BGP on whole, cut and foreign bytes; a retransmission, a segment out of order,
 * a reset, a segment the capture cut short (every prefix of it), and
 * nothing at all without --reassemble.
 */
#include <stdio.h>

#include "testutil.h"
#include "strata/reasm.h"
#include "strata/proto/tcpsegs.h"

#define NSEG	8

static struct st_packet spkt[NSEG];
static uint8_t sbuf[NSEG][1600];
static uint8_t msg[1200];		/* the message cut */
static size_t nmsg;

/* Frame k: a TCP segment 198.18.0.1:40000 -> 198.18.0.2:dport, seq
 * 1000 + rel, flags, carrying n bytes of p; cap bytes captured (0: all). */
static struct st_packet *
seg(unsigned k, unsigned dport, uint32_t rel, unsigned flags,
    const uint8_t *p, size_t n, size_t cap)
{
	uint8_t *b = sbuf[k];
	uint32_t seq = 1000 + rel;
	size_t tot = 40 + n;

	memset(b, 0, 40);
	b[0] = 0x45;
	b[2] = (uint8_t)(tot >> 8), b[3] = (uint8_t)tot;
	b[6] = 0x40;
	b[8] = 64, b[9] = 6;
	b[12] = 198, b[13] = 18, b[14] = 0, b[15] = 1;
	b[16] = 198, b[17] = 18, b[18] = 0, b[19] = 2;
	b[20] = 40000 >> 8, b[21] = 40000 & 0xff;
	b[22] = (uint8_t)(dport >> 8), b[23] = (uint8_t)dport;
	b[24] = (uint8_t)(seq >> 24), b[25] = (uint8_t)(seq >> 16);
	b[26] = (uint8_t)(seq >> 8), b[27] = (uint8_t)seq;
	b[32] = 0x50, b[33] = (uint8_t)flags;
	b[34] = 0xff, b[35] = 0xff;
	if (n > 0)
		memcpy(b + 40, p, n);
	st_pkt_reset(&spkt[k], b, (uint32_t)(cap != 0 ? cap : tot),
	    (uint32_t)tot);
	spkt[k].num = k + 1;
	spkt[k].ts.tv_sec = 100 + k;
	return &spkt[k];
}

static void
free_bufs(void)
{
	unsigned k;

	for (k = 0; k < NSEG; k++) {
		free(spkt[k].xbuf);
		spkt[k].xbuf = NULL;
		spkt[k].xcap = 0;
	}
}

/* A TLS handshake record of n bytes in all: a ClientHello's header and
 * filler bytes (the decoder shows what it can; the length is what
 * matters here). */
static void
make_tls(size_t n)
{
	size_t i, body = n - 5;

	msg[0] = 22, msg[1] = 3, msg[2] = 1;
	msg[3] = (uint8_t)(body >> 8), msg[4] = (uint8_t)body;
	msg[5] = 1;
	msg[6] = 0, msg[7] = (uint8_t)((body - 4) >> 8);
	msg[8] = (uint8_t)(body - 4);
	msg[9] = 3, msg[10] = 3;
	for (i = 11; i < n; i++)
		msg[i] = 0;
	nmsg = n;
}

static struct st_packet *
dec(struct st_defrag *ra, struct st_packet *p)
{
	st_decode_ra(p, DLT_RAW, ra);
	return p;
}

static void
test_tls_two(void **state)
{
	struct st_defrag *ra = st_defrag_new(1);
	struct st_packet *a, *b;

	(void)state;
	make_tls(300);
	a = dec(ra, seg(0, 443, 0, 0x18, msg, 200, 0));
	assert_chain(a, "ipv4 tcp tcp-pdu-part");
	assert_int_equal(layer(a, "tcp-pdu-part")->off, 40);
	assert_int_equal(layer(a, "tcp-pdu-part")->len, 200);
	assert_int_equal(fval(a, "strata.tcp.pdu_need"), 300);
	assert_null(a->reasm);
	b = dec(ra, seg(1, 443, 200, 0x18, msg + 200, 100, 0));
	assert_chain(b, "ipv4 tcp tcp-segments tls");
	assert_string_equal(b->reasm, "[2 Reassembled TCP Segments (300 "
	    "bytes): #1(200), #2(100)]");
	assert_int_equal(b->xlen, 300);
	assert_int_equal(layer(b, "tls")->off, 140);
	assert_int_equal(layer(b, "tls")->len, 300);
	assert_int_equal(fval(b, "tls.record.length"), 295);
	assert_int_equal(fval(b, "tcp.segment.count"), 2);
	assert_int_equal(fval(b, "tcp.reassembled.length"), 300);
	assert_int_equal(field_n(b, "tcp.segment", 0)->val, 1);
	assert_int_equal(field_n(b, "tcp.segment", 1)->val, 2);
	st_defrag_free(ra);
	free_bufs();
}

/* A segment ending one message and starting the next: the rest is
 * decoded anew and held again. */
static void
test_dns_chain(void **state)
{
	static const uint8_t q[] = {
		0x00, 0x20, 0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x03, 'o', 'n', 'e', 0x05, 'r', 'e',
		'a', 's', 'm', 0x04, 't', 'e', 's', 't', 0x00, 0x00, 0x01,
		0x00, 0x01,
	};
	uint8_t two[2 * sizeof(q)];
	struct st_defrag *ra = st_defrag_new(1);
	struct st_packet *p;

	(void)state;
	memcpy(two, q, sizeof(q));
	memcpy(two + sizeof(q), q, sizeof(q));
	p = dec(ra, seg(0, 53, 0, 0x18, two, 1, 0));
	assert_chain(p, "ipv4 tcp tcp-pdu-part");
	assert_false(has_field(p, "strata.tcp.pdu_need"));	/* not known yet */
	p = dec(ra, seg(1, 53, 1, 0x18, two + 1, sizeof(q) + 9, 0));
	assert_chain(p, "ipv4 tcp tcp-segments dns tcp-pdu-part");
	assert_string_equal(p->reasm, "[2 Reassembled TCP Segments (34 "
	    "bytes): #1(1), #2(33)]");
	assert_int_equal(layer(p, "tcp-pdu-part")->off, 40 + 33);
	assert_int_equal(layer(p, "tcp-pdu-part")->len, 10);
	p = dec(ra, seg(2, 53, sizeof(q) + 10, 0x18, two + sizeof(q) + 10,
	    sizeof(q) - 10, 0));
	assert_chain(p, "ipv4 tcp tcp-segments dns");
	assert_int_equal(fval(p, "dns.id"), 0x1234);
	st_defrag_free(ra);
	free_bufs();
}

static void
test_http_head(void **state)
{
	static const char h[] = "GET /x HTTP/1.1\r\nHost: a\r\n"
	    "Content-Length: 4\r\n\r\nbody";
	struct st_defrag *ra = st_defrag_new(1);
	struct st_packet *p;

	(void)state;
	p = dec(ra, seg(0, 80, 0, 0x18, (const uint8_t *)h, 20, 0));
	assert_chain(p, "ipv4 tcp tcp-pdu-part");
	p = dec(ra, seg(1, 80, 20, 0x18, (const uint8_t *)h + 20,
	    sizeof(h) - 1 - 20 - 2, 0));
	assert_chain(p, "ipv4 tcp tcp-pdu-part");
	assert_int_equal(fval(p, "strata.tcp.pdu_need"), sizeof(h) - 1);
	p = dec(ra, seg(2, 80, sizeof(h) - 1 - 2, 0x18,
	    (const uint8_t *)h + sizeof(h) - 1 - 2, 2, 0));
	assert_chain(p, "ipv4 tcp tcp-segments http");
	assert_true(has_field(p, "http.request.method"));
	assert_int_equal(fval(p, "tcp.segment.count"), 3);
	st_defrag_free(ra);
	free_bufs();
}

/* The same bytes again: passed over; the next in order completes. */
static void
test_retransmission(void **state)
{
	struct st_defrag *ra = st_defrag_new(1);
	struct st_packet *p;

	(void)state;
	make_tls(300);
	dec(ra, seg(0, 443, 0, 0x18, msg, 100, 0));
	p = dec(ra, seg(1, 443, 0, 0x18, msg, 100, 0));
	assert_true(has_note(p, "retransmission of bytes held"));
	assert_chain(p, "ipv4 tcp tcp-pdu-part");
	p = dec(ra, seg(2, 443, 100, 0x18, msg + 100, 200, 0));
	assert_string_equal(p->reasm, "[2 Reassembled TCP Segments (300 "
	    "bytes): #1(100), #3(200)]");
	st_defrag_free(ra);
	free_bufs();
}

/* A gap: the message is dropped and the frame says so. */
static void
test_out_of_order(void **state)
{
	struct st_defrag *ra = st_defrag_new(1);
	struct st_packet *p;

	(void)state;
	make_tls(300);
	dec(ra, seg(0, 443, 0, 0x18, msg, 100, 0));
	p = dec(ra, seg(1, 443, 200, 0x18, msg + 200, 100, 0));
	assert_true(has_note(p, "out of order (bytes missing before it)"));
	assert_null(p->reasm);
	p = dec(ra, seg(2, 443, 100, 0x18, msg + 100, 100, 0));
	assert_null(p->reasm);
	assert_false(has_field(p, "tcp.segment.count"));
	st_defrag_free(ra);
	free_bufs();
}

static void
test_reset(void **state)
{
	struct st_defrag *ra = st_defrag_new(1);
	struct st_packet *p;

	(void)state;
	make_tls(300);
	dec(ra, seg(0, 443, 0, 0x18, msg, 100, 0));
	p = dec(ra, seg(1, 443, 100, 0x14, NULL, 0, 0));
	assert_true(has_note(p, "reset: the message pending is dropped"));
	p = dec(ra, seg(2, 443, 100, 0x18, msg + 100, 200, 0));
	assert_null(p->reasm);
	st_defrag_free(ra);
	free_bufs();
}

/* Every prefix of the completing segment: no crash, nothing completed
 * from bytes not captured. */
static void
test_cut_short(void **state)
{
	struct st_defrag *ra;
	struct st_packet *p;
	size_t cap;

	(void)state;
	make_tls(300);
	for (cap = 1; cap < 40 + 200; cap++) {
		ra = st_defrag_new(1);
		dec(ra, seg(0, 443, 0, 0x18, msg, 100, 0));
		p = dec(ra, seg(1, 443, 100, 0x18, msg + 100, 200, cap));
		assert_null(p->reasm);
		assert_false(has_field(p, "tcp.segment.count"));
		st_defrag_free(ra);
	}
	free_bufs();
}

/* Every prefix of the first segment: nothing held from bytes not
 * captured, the next segment then decoded on its own. */
static void
test_first_cut_short(void **state)
{
	struct st_defrag *ra;
	struct st_packet *p;
	size_t cap;

	(void)state;
	make_tls(300);
	for (cap = 1; cap < 40 + 200; cap++) {
		ra = st_defrag_new(1);
		p = dec(ra, seg(0, 443, 0, 0x18, msg, 200, cap));
		assert_false(has_field(p, "tcp.segment_data"));
		p = dec(ra, seg(1, 443, 200, 0x18, msg + 200, 100, 0));
		assert_null(p->reasm);
		st_defrag_free(ra);
	}
	free_bufs();
}

/* Without --reassemble: nothing held, the frames as before. */
static void
test_off(void **state)
{
	struct st_defrag *ra = st_defrag_new(0);
	struct st_packet *p;

	(void)state;
	make_tls(300);
	p = dec(ra, seg(0, 443, 0, 0x18, msg, 200, 0));
	assert_chain(p, "ipv4 tcp tls");
	p = dec(ra, seg(1, 443, 200, 0x18, msg + 200, 100, 0));
	assert_chain(p, "ipv4 tcp tls");
	assert_null(p->reasm);
	assert_int_equal(p->xlen, 0);
	st_defrag_free(ra);
	free_bufs();
}

/* The pdu_len hook of p over the n bytes at b. */
static size_t
plen(const struct st_proto *p, const void *b, size_t n)
{
	struct st_cur c = st_cur_make(b, n);

	return p->pdu_len(&c);
}

static void
test_pdu_len(void **state)
{
	static const uint8_t rec[] = { 22, 3, 3, 0x01, 0x00 };
	static const uint8_t big[] = { 22, 3, 3, 0x48, 0x01 };
	static const uint8_t dns[] = { 0x00, 0x20, 0x12, 0x34, 0x01, 0x00,
		0x00, 0x01 };
	static const uint8_t dnsbad[] = { 0x00, 0x05 };
	static const char get[] = "GET / HTTP/1.1\r\nContent-Length: 10\r\n"
	    "\r\n";
	static const char chunked[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: "
	    "chunked\r\nContent-Length: 99\r\n\r\n";

	(void)state;
	assert_int_equal(plen(&st_proto_tls, rec, 5), 261);
	assert_int_equal(plen(&st_proto_tls, rec, 3), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_tls, rec, 1), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_tls, big, 5), 0);	/* too long */
	assert_int_equal(plen(&st_proto_tls, "\x30\x03", 2), 0);
	assert_int_equal(plen(&st_proto_tls, rec, 0), 0);
	assert_int_equal(plen(&st_proto_dns, dns, 8), 34);
	assert_int_equal(plen(&st_proto_dns, dns, 1), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_dns, dnsbad, 2), 0);
	assert_int_equal(plen(&st_proto_http, get, strlen(get)),
	    strlen(get) + 10);
	assert_int_equal(plen(&st_proto_http, get, 20), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_http, "GE", 2), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_http, "hello there", 11), 0);
	/* Chunked: the head only (the body has no length up front). */
	assert_int_equal(plen(&st_proto_http, chunked, strlen(chunked)),
	    strlen(chunked));
}

extern const struct st_proto st_proto_tpkt, st_proto_bgp;

static void
test_pdu_len_framed(void **state)
{
	static const uint8_t tp[] = { 3, 0, 0x00, 0x2b, 0x02, 0xf0, 0x80 };
	static const uint8_t tpkt_short[] = { 3, 0, 0x00, 0x05 };
	uint8_t bgp[19];

	(void)state;
	assert_int_equal(plen(&st_proto_tpkt, tp, 7), 0x2b);
	assert_int_equal(plen(&st_proto_tpkt, tp, 2), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_tpkt, tpkt_short, 4), 0);
	assert_int_equal(plen(&st_proto_tpkt, "\x04\x00\x00\x10", 4), 0);
	memset(bgp, 0xff, 16);
	bgp[16] = 0, bgp[17] = 19, bgp[18] = 4;		/* a KEEPALIVE */
	assert_int_equal(plen(&st_proto_bgp, bgp, 19), 19);
	assert_int_equal(plen(&st_proto_bgp, bgp, 10), ST_PDU_MORE);
	assert_int_equal(plen(&st_proto_bgp, bgp, 17), ST_PDU_MORE);
	bgp[17] = 18;
	assert_int_equal(plen(&st_proto_bgp, bgp, 19), 0);
	bgp[3] = 0;
	assert_int_equal(plen(&st_proto_bgp, bgp, 10), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tls_two),
		cmocka_unit_test(test_dns_chain),
		cmocka_unit_test(test_http_head),
		cmocka_unit_test(test_retransmission),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_first_cut_short),
		cmocka_unit_test(test_off),
		cmocka_unit_test(test_pdu_len),
		cmocka_unit_test(test_pdu_len_framed),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
