/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The screens: the changes view's rows and end, the bits view's boxes, the
 * colours' contrast on light and dark backgrounds, explain's did-you-mean.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>

static char *text;
static size_t textlen;

static FILE *
text_begin(struct st_out *o)
{
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &textlen);
	assert_non_null(fp);
	st_out_init(o, fp);
	return fp;
}

static const char *
text_end(struct st_out *o, FILE *fp)
{
	assert_int_equal(st_out_flush(o), 0);
	fclose(fp);
	return text;
}

/* Runs the changes view over the specs, numbered from 1, and its end. */
static const char *
changes(const char *const *specs, size_t n)
{
	static struct st_out o;
	static struct st_packet p;
	static uint8_t buf[ST_PKT_MAX];
	struct st_vctx v;
	FILE *fp;
	size_t i;

	memset(&v, 0, sizeof(v));
	fp = text_begin(&o);
	for (i = 0; i < n; i++) {
		craft(&p, buf, specs[i]);
		p.num = i + 1;
		st_view_changes.packet(&o, &p, &v);
	}
	st_view_changes.end(&o, &v);
	st_vctx_free(&v);
	return text_end(&o, fp);
}

#define REQ(id, ttl, seq) "ip(src=198.18.0.1,dst=198.18.0.2,id=" #id \
	",ttl=" #ttl ")/icmp(type=echo-request,id=7,seq=" #seq ")/\"ab\""
#define REP(id, seq) "ip(src=198.18.0.2,dst=198.18.0.1,id=" #id \
	",ttl=64)/icmp(type=echo-reply,id=7,seq=" #seq ")/\"ab\""

static void
test_changes_counters(void **state)
{
	static const char *const specs[] = {
		REQ(100, 1, 1), REP(500, 1), REQ(101, 2, 2), REP(500, 2),
		REQ(102, 3, 3), REP(500, 3),
	};
	const char *s = changes(specs, 6);

	(void)state;
	/* The requests and replies are two flows; rows name what changed. */
	assert_non_null(strstr(s, "   1  198.18.0.1 \xe2\x86\x92 198.18.0.2 "
	    "icmp echo request  first of its flow\n"));
	assert_non_null(strstr(s, "   2  198.18.0.2 \xe2\x86\x92 198.18.0.1 "
	    "icmp echo reply  first of its flow\n"));
	assert_non_null(strstr(s, "   3  198.18.0.1 \xe2\x86\x92 198.18.0.2 "
	    "icmp echo request  ip.id 0x0064\xe2\x86\x92" "0x0065 (+1), "
	    "ip.ttl 1\xe2\x86\x92" "2 (+1), ip.checksum "));
	/* A checksum's difference is no quantity: no step shown. */
	assert_null(strstr(s, "ip.checksum 0x"
	    "\xe2\x86\x92" "0x (+"));
	assert_non_null(strstr(s, "flow 198.18.0.1 \xe2\x86\x92 198.18.0.2 "
	    "icmp echo request: 3 packets (frames 1-5)\n"
	    "  changed: ip.id, ip.ttl, ip.checksum, icmp.checksum, icmp.seq; "
	    "same: ip.version, ip.hdr_len, ip.dsfield, ip.len, ip.flags, "
	    "ip.frag_offset, ip.proto, ip.src, ip.dst, icmp.type, icmp.code, "
	    "icmp.ident\n"
	    "  counters: ip.id +1 each packet, ip.ttl +1 each packet, "
	    "icmp.seq +1 each packet\n"));
	/* The replies: the IP header stayed, only the sequence counts. */
	assert_non_null(strstr(s, "icmp echo reply: 3 packets (frames 2-6)\n"
	    "  changed: icmp.checksum, icmp.seq; same: ip.version, "));
	assert_non_null(strstr(s, "  counters: icmp.seq +1 each packet\n"));
}

static void
test_changes_wraps_and_gone(void **state)
{
	static const char *const specs[] = {
		"ip(src=198.18.0.1,dst=198.18.0.2,id=65535)/udp(sport=1,dport=2)",
		"ip(src=198.18.0.1,dst=198.18.0.2,id=0)/udp(sport=1,dport=2)",
		"ip(src=198.18.0.1,dst=198.18.0.2,id=1)/udp(sport=1,dport=2)",
		"ip(src=198.18.0.1,dst=198.18.0.2,id=1)/udp(sport=1,dport=2)",
	};
	const char *s = changes(specs, 4);

	(void)state;
	/* 65535 to 0 is a step of +1 in 16 bits. */
	assert_non_null(strstr(s, "ip.id 0xffff\xe2\x86\x92" "0x0000 (+1)"));
	assert_non_null(strstr(s, "   4  198.18.0.1:1 \xe2\x86\x92 "
	    "198.18.0.2:2 udp  no field changed\n"));
	/* The last packet did not step: no counter. */
	assert_null(strstr(s, "counters:"));
}

/* The bits view of a fragment: what the bits hold and mean. */
static void
test_bits_boxes(void **state)
{
	static struct st_out o;
	struct st_vctx v;
	const char *s;
	FILE *fp;

	(void)state;
	/* ip.frag_offset 185 (1480 bytes), MF set. */
	decode_hex(DLT_RAW, "450000280001" "20b9" "400100007f0000017f000001"
	    "0800f7ff00000000" "0000000000000000000000000000");
	memset(&v, 0, sizeof(v));
	fp = text_begin(&o);
	st_view_bits.packet(&o, &tpkt, &v);
	s = text_end(&o, fp);
	assert_non_null(strstr(s, "|5 \xc3\x97" "4=20|"));
	assert_non_null(strstr(s, "185 (\xc3\x97" "8 = 1480)"));
	/* The flags' values in their one-bit boxes: rb 0, df 0, mf 1. */
	assert_non_null(strstr(s, "|0|0|1|"));
	assert_non_null(strstr(s, "  a: rb = 0\n"));
}

/* WCAG relative luminance of a 256-colour palette entry. */
static double
lum(unsigned c)
{
	static const int lv[6] = { 0, 95, 135, 175, 215, 255 };
	double rgb[3], y = 0;
	const double w[3] = { 0.2126, 0.7152, 0.0722 };
	int i;

	if (c >= 232)
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	else {
		c -= 16;
		rgb[0] = lv[c / 36];
		rgb[1] = lv[c / 6 % 6];
		rgb[2] = lv[c % 6];
	}
	for (i = 0; i < 3; i++) {
		double v = rgb[i] / 255;

		v = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
		y += w[i] * v;
	}
	return y;
}

static double
ratio(double a, double b)
{
	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

/* Every protocol's colour reads on white, on black and on #1e1e1e. */
static void
test_colors_contrast(void **state)
{
	const double white = 1.0, black = 0.0;
	double dark = pow((30.0 / 255 + 0.055) / 1.055, 2.4), y;
	const char *e;
	unsigned c;
	size_t i;

	(void)state;
	for (i = 0; st_protos[i] != NULL; i++) {
		e = st_palette(st_protos[i]->color);
		if (sscanf(e, "\033[38;5;%um", &c) != 1 || c < 16 || c > 255)
			fail_msg("%s: %s is no 256-colour escape",
			    st_protos[i]->name, e + 1);
		y = lum(c);
		if (ratio(y, white) < 3.5 || ratio(y, black) < 3.5 ||
		    ratio(y, dark) < 3.5)
			fail_msg("%s: colour %u: %.2f on white, %.2f on black, "
			    "%.2f on #1e1e1e", st_protos[i]->name, c,
			    ratio(y, white), ratio(y, black), ratio(y, dark));
	}
	e = st_palette(NULL);
	assert_string_equal(e, "\033[38;5;196m");
}

static void
test_nearest(void **state)
{
	(void)state;
	/* not "tpc": as near tipc (a letter left out) as tcp */
	assert_ptr_equal(st_proto_nearest("tcq"), st_proto_find("tcp"));
	assert_ptr_equal(st_proto_nearest("TCP"), st_proto_find("tcp"));
	assert_ptr_equal(st_proto_nearest("udpp"), st_proto_find("udp"));
	assert_ptr_equal(st_proto_nearest("icmp6"), st_proto_find("icmpv6"));
	assert_ptr_equal(st_proto_nearest("ip6"), st_proto_find("ipv6"));
	assert_null(st_proto_nearest("zzz"));
	assert_null(st_proto_nearest("quite-unlike-any-protocol-name"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_counters),
		cmocka_unit_test(test_changes_wraps_and_gone),
		cmocka_unit_test(test_bits_boxes),
		cmocka_unit_test(test_colors_contrast),
		cmocka_unit_test(test_nearest),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(text);
	return rc;
}
