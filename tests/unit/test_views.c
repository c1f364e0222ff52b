/* SPDX-License-Identifier: BSD-3-Clause */
/* Views read the model: exact text of each view for known packets. */
#include "testutil.h"

#include <stdio.h>

#include "strata/craft.h"

#define SYN "0200000000020200000000010800" \
	"4500003c1234400040069c60c6120001c61200029c400050000003e8" \
	"00000000a0022000fb5e0000020405b40402080a000000010000000001030307"

static char *text;
static size_t textlen;
static struct st_vctx shared_v;	/* keeps the summary's table between */

/* Starts an output into text (freeing the last); text_end finishes it. */
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

/* Runs view on the hex packet (frame 3, at t = 1.5 s) and returns its text. */
static const char *
render(const struct st_view *view, const char *hex, int color)
{
	static struct st_out o;
	struct st_vctx v;
	FILE *fp;

	memset(&v, 0, sizeof(v));
	v.flows = shared_v.flows;
	v.color = color;
	v.t0.tv_sec = 1700000000;
	v.have_t0 = 1;
	fp = text_begin(&o);
	decode_hex(DLT_EN10MB, hex);
	tpkt.num = 3;
	tpkt.ts.tv_sec = 1700000001;
	tpkt.ts.tv_nsec = 500000000;
	view->packet(&o, &tpkt, &v);
	shared_v.flows = v.flows;
	return text_end(&o, fp);
}

static void
test_summary(void **state)
{
	(void)state;
	assert_string_equal(render(&st_view_summary, SYN, 0),
	    "   3  1.500000  eth \xe2\x80\xba ipv4 \xe2\x80\xba tcp  "
	    "198.18.0.1:40000 \xe2\x86\x92 198.18.0.2:80 [S] seq 1000 "
	    "win 8192 options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7] "
	    "len 0\n");
}

static void
test_json(void **state)
{
	const char *s = render(&st_view_json, SYN, 0);

	(void)state;
	assert_non_null(strstr(s, "{\"frame\":3,\"time\":"
	    "\"2023-11-14T22:13:21.500000Z\",\"len\":74,\"caplen\":74,"
	    "\"layers\":[{\"proto\":\"eth\",\"name\":\"eth\",\"offset\":0,"
	    "\"length\":14,\"payload\":60,\"depth\":0,"));
	assert_non_null(strstr(s, "\"ip.ttl\":64,"));
	assert_non_null(strstr(s, "\"ip.src\":\"198.18.0.1\""));
	assert_non_null(strstr(s, "\"ip.ttl\":[176,8]"));
	assert_non_null(strstr(s, "\"tcp.flags\":2,"));
	assert_non_null(strstr(s, "\"tcp.checksum.status\":\"good\""));
	/* Repeated names become arrays. */
	assert_non_null(strstr(s, "\"tcp.option_kind\":[2,4,8,1,3]"));
	assert_non_null(strstr(s, "\"tcp.option_kind\":[[432,8],[464,8],"));
	assert_int_equal(s[strlen(s) - 1], '\n');
}

static void
test_tree(void **state)
{
	const char *s = render(&st_view_tree, SYN, 0);

	(void)state;
	assert_non_null(strstr(s, "Frame 3: 74 bytes on wire, 74 captured, "
	    "2023-11-14 22:13:21.500000Z\n"));
	assert_non_null(strstr(s, "ipv4: Internet Protocol Version 4 [14..74) "
	    "header 20, payload 40\n"));
	assert_non_null(strstr(s, "\n  byte  field                           "
	    "size     value (meaning)           bits\n"));
	assert_non_null(strstr(s, "    20  ip.flags.df                     "
	    "1 bit    1                         .1.. ....\n"));
	assert_non_null(strstr(s, "ip.checksum                     2 B      "
	    "0x9c60 [good]\n"));
	assert_non_null(strstr(s, "tcp.options.mss_val             2 B      "
	    "1460\n"));
}

static void
test_hex_ruler_and_color(void **state)
{
	const char *s = render(&st_view_hex, SYN, 0);

	(void)state;
	assert_non_null(strstr(s, "0000  02 00 00 00 00 02 02 00  00 00 00 01 "
	    "08 00 45 00  ..............E.\n"
	    "      eth" "---------------------------------------" " ipv4-\n"));
	assert_null(strchr(s, '\033'));
	s = render(&st_view_hex, SYN, 1);
	assert_non_null(strstr(s, "\033[38;5;32m02 00"));
	assert_non_null(strstr(s, "layers:"));
}

static void
test_json_escapes_wire_bytes(void **state)
{
	static struct st_out o;
	FILE *fp;

	(void)state;
	free(text);
	fp = open_memstream(&text, &textlen);
	st_out_init(&o, fp);
	st_out_json_str(&o, "a\"\\\033[31m\xff", 9);
	st_out_flush(&o);
	fclose(fp);
	assert_string_equal(text, "a\\\"\\\\\\u001b[31m\\u00ff");
}

/*
 * The quote diff: a probe sent with TTL 3 and DSCP 46 from a private
 * address, quoted back by hop 3 with TTL 1, DSCP cleared, ECN marked and
 * the source rewritten by NAT.
 */
static void
test_quote_diff(void **state)
{
	static struct st_packet sent, got;
	static uint8_t sb[ST_PKT_MAX], gb[ST_PKT_MAX];
	static struct st_out o;
	FILE *fp;

	(void)state;
	craft(&sent, sb, "ip(src=192.168.1.2,dst=198.18.0.9,ttl=3,dscp=46,"
	    "id=77)/udp(sport=40000,dport=33434)/\"probe\"");
	craft(&got, gb, "ip(src=198.18.0.3,dst=198.18.0.1)/icmp(type=time-"
	    "exceeded)/ip(src=198.18.0.1,dst=198.18.0.9,ttl=1,ecn=3,id=77)/"
	    "udp(sport=40000,dport=33434)/\"probe\"");
	fp = text_begin(&o);
	st_quote_diff(&o, &sent, &got);
	text_end(&o, fp);
	assert_non_null(strstr(text, "  ip.ttl                 3 → 1"));
	assert_non_null(strstr(text, "2 routers forwarded it"));
	assert_non_null(strstr(text, "  ip.dsfield.dscp        46 → 0"));
	assert_non_null(strstr(text, "DSCP remarked"));
	assert_non_null(strstr(text, "  ip.dsfield.ecn         0 → 3"));
	assert_non_null(strstr(text, "CE: a router"));
	assert_non_null(strstr(text, "  ip.src                 192.168.1.2 → "
	    "198.18.0.1"));
	assert_non_null(strstr(text, "rewritten on the way: NAT"));
	assert_non_null(strstr(text, "ip.checksum"));
	assert_non_null(strstr(text, "recomputed by each router after the TTL"));
	assert_non_null(strstr(text, "udp.checksum"));
	assert_null(strstr(text, "ip.dst "));
	assert_null(strstr(text, "udp.dstport"));
}

/*
 * The same over IPv6, the reasons found by what the descriptors say of
 * their fields (hop count, class of service, kernel-filled): a probe sent
 * with the source left 0 (the kernel fills it in), hop limit 4 and DSCP
 * 10, quoted back by hop 4 with hop limit 1 and DSCP 0.
 */
static void
test_quote_diff6(void **state)
{
	static struct st_packet sent, got;
	static uint8_t sb[ST_PKT_MAX], gb[ST_PKT_MAX];
	static struct st_out o;
	FILE *fp;

	(void)state;
	craft(&sent, sb, "ipv6(src=::,dst=2001:db8::9,hlim=4,dscp=10)/"
	    "udp(sport=40000,dport=33434)/\"probe\"");
	craft(&got, gb, "ipv6(src=2001:db8::3,dst=2001:db8::1)/icmpv6(type="
	    "3)/ipv6(src=2001:db8::1,dst=2001:db8::9,hlim=1)/"
	    "udp(sport=40000,dport=33434)/\"probe\"");
	fp = text_begin(&o);
	st_quote_diff(&o, &sent, &got);
	text_end(&o, fp);
	assert_non_null(strstr(text, "  ipv6.hlim              4 → 1"));
	assert_non_null(strstr(text, "3 routers forwarded it"));
	assert_non_null(strstr(text, "  ipv6.tclass.dscp       10 → 0"));
	assert_non_null(strstr(text, "DSCP remarked"));
	assert_non_null(strstr(text, "  ipv6.src               :: → "
	    "2001:db8::1"));
	assert_non_null(strstr(text, "0 as crafted: this host's kernel "
	    "filled it in"));
	assert_null(strstr(text, "ipv6.dst "));
}

/*
 * Numbers as printf writes them, at the edges of each way st_out_u64 takes
 * (in place or through its buffer when the output is nearly full; 64-bit
 * steps, then 32-bit).
 */
static void
test_out_u64(void **state)
{
	static const uint64_t vals[] = { 0, 9, 10, 99, 100, 101, 999, 1000,
		9999, 10000, 65535, 4294967295u, 4294967296u, 99999999999u,
		100000000000u, 18446744073709551615u };
	static struct st_out o;
	char want[32];
	size_t i, fill;

	(void)state;
	for (fill = 0; fill <= 20; fill += 20)
		for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
			st_out_mem(&o);
			/* fill 20: only a few bytes of room are left */
			o.n = sizeof(o.buf) - 30 + fill;
			st_out_u64(&o, vals[i]);
			snprintf(want, sizeof(want), "%llu",
			    (unsigned long long)vals[i]);
			if (o.n - (sizeof(o.buf) - 30 + fill) == strlen(want))
				assert_memory_equal(o.buf + sizeof(o.buf) -
				    30 + fill, want, strlen(want));
			else	/* no room: a buffer-only output keeps what
				 * fits and says so */
				assert_int_not_equal(o.err, 0);
		}
}

/* Each protocol's colour, now its descriptor's: the same ANSI colours as
 * the table by name the views kept before, shown as their 256-colour
 * shades (st_palette); red for one without. */
static void
test_colors(void **state)
{
	static const struct {
		const char	*proto;
		const char	*esc;
	} old[] = {
		{ "eth", "\033[34m" }, { "sll", "\033[34m" },
		{ "sll2", "\033[34m" }, { "null", "\033[34m" },
		{ "vlan", "\033[94m" }, { "qinq", "\033[94m" },
		{ "arp", "\033[33m" }, { "ipv4", "\033[32m" },
		{ "ipv6", "\033[32m" }, { "hopopts", "\033[92m" },
		{ "routing", "\033[92m" }, { "frag6", "\033[92m" },
		{ "dstopts", "\033[92m" }, { "icmp", "\033[35m" },
		{ "icmpv6", "\033[35m" }, { "tcp", "\033[33m" },
		{ "udp", "\033[36m" }, { "data", "\033[37m" },
		{ "trailer", "\033[90m" }, { "dns", "\033[95m" },
		{ "http", "\033[96m" }, { "tls", "\033[93m" },
		{ "llc", "\033[31m" },
	};
	struct st_vctx v;
	size_t i;

	(void)state;
	memset(&v, 0, sizeof(v));
	v.color = 1;
	for (i = 0; i < sizeof(old) / sizeof(old[0]); i++) {
		assert_string_equal(st_color(&v, old[i].proto),
		    st_palette(old[i].esc));
		assert_string_equal(st_pcolor(&v, st_proto_find(old[i].proto)),
		    st_palette(old[i].esc));
	}
	assert_string_equal(st_color(&v, "nosuch"), "\033[38;5;196m");
	v.color = 0;
	assert_string_equal(st_pcolor(&v, &st_proto_tcp), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_out_u64),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_hex_ruler_and_color),
		cmocka_unit_test(test_json_escapes_wire_bytes),
		cmocka_unit_test(test_quote_diff),
		cmocka_unit_test(test_quote_diff6),
		cmocka_unit_test(test_colors),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(text);
	st_vctx_free(&shared_v);
	return rc;
}
