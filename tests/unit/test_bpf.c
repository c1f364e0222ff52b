/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata bpf: the fields named for libpcap's code, and the step-by-step
 * interpreter against libpcap's bpf_filter() on crafted packets, their
 * every prefix and random bytes.
 */
#include "testutil.h"

#include <pcap/pcap.h>

#include "strata/bpf.h"

static struct bpf_program prog;
static struct st_bpf an;

/* Compiles filter for link type lt and analyses it. */
static void
compile(int lt, const char *filter)
{
	pcap_t *pd = pcap_open_dead(lt, 262144);

	assert_non_null(pd);
	if (pcap_compile(pd, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) != 0)
		fail_msg("%s: %s", filter, pcap_geterr(pd));
	pcap_close(pd);
	assert_int_equal(st_bpf_init(&an, prog.bf_insns, prog.bf_len, lt), 0);
}

static void
release(void)
{
	st_bpf_free(&an);
	pcap_freecode(&prog);
}

/* The name of what instruction i loads, by its image ("ldh [12]"). */
static const char *
loaded(const char *image)
{
	size_t i;

	for (i = 0; i < an.n; i++)
		if (strstr(bpf_image(&prog.bf_insns[i], (int)i), image) != NULL)
			return an.post[i].name;
	fail_msg("no instruction %s", image);
	return NULL;
}

/* Runs the program on every prefix of the packet: both must agree. */
static void
agree(const uint8_t *p, size_t n)
{
	uint8_t *copy;
	size_t k;

	for (k = 0; k <= n; k++) {
		copy = malloc(k + 1);
		assert_non_null(copy);
		memcpy(copy, p, k);
		assert_int_equal(st_bpf_run(&an, NULL, copy, (uint32_t)n,
		    (uint32_t)k), bpf_filter(prog.bf_insns, copy, (u_int)n,
		    (u_int)k));
		free(copy);
	}
}

static void
test_names(void **state)
{
	(void)state;
	compile(DLT_EN10MB, "tcp port 80");
	assert_string_equal(loaded("ldh      [12]"), "eth.type");
	assert_string_equal(loaded("ldb      [20]"), "ipv6.nxt");
	assert_string_equal(loaded("ldb      [23]"), "ip.proto");
	assert_string_equal(loaded("ldh      [54]"), "tcp.srcport");
	assert_string_equal(loaded("ldh      [x + 16]"), "tcp.dstport");
	release();
	compile(DLT_EN10MB, "vlan and udp");
	assert_string_equal(loaded("ldh      [16]"),
	    "vlan.etype or ieee8021ah.etype");
	release();
	compile(DLT_LINUX_SLL, "ip host 10.0.0.1");
	assert_string_equal(loaded("ldh      [14]"), "sll.etype");
	assert_string_equal(loaded("ld       [28]"), "ip.src");
	release();
	compile(DLT_RAW, "ip6 and udp");
	assert_string_equal(loaded("ldb      [6]"), "ipv6.nxt");
	release();
}

static void
test_words(void **state)
{
	static struct st_out o;
	size_t i;

	(void)state;
	compile(DLT_EN10MB, "tcp[tcpflags] & tcp-syn != 0 and net 10.0.0.0/8");
	st_out_mem(&o);
	for (i = 0; i < an.n; i++) {
		st_bpf_words(&o, &an, i);
		st_out_putc(&o, '\n');
	}
	st_out_putc(&o, '\0');
	assert_non_null(strstr(o.buf, "is tcp.flags.syn non-zero?"));
	assert_non_null(strstr(o.buf, "X = the ip header length"));
	assert_non_null(strstr(o.buf, "is ip.src & 255.0.0.0 10.0.0.0?"));
	release();
}

static void
test_agree_crafted(void **state)
{
	static const char *const specs[] = {
		"eth/ip(src=10.0.0.1)/tcp(dport=80)",
		"eth/ip(dst=10.0.0.1)/udp(dport=53)",
		"eth/ipv6/tcp(sport=80,flags=S)",
		"eth/ip/icmp(type=echo-request)",
	};
	/* IPv6, hop-by-hop and destination options, TCP to port 80: the
	 * loop of ip6 protochain runs twice. */
	static const char chain[] = "000000000000 000000000000 86dd"
	    "60000000 0024 00 40" "00000000000000000000000000000001"
	    "00000000000000000000000000000001"
	    "3c00 0104 00000000" "0600 0104 00000000"
	    "04d2 0050 00000001 00000000 5002 ffff 0000 0000";
	static const char *const filters[] = {
		"tcp port 80", "host 10.0.0.1", "udp port 53", "ip6",
		"tcp[tcpflags] & tcp-syn != 0", "icmp", "len > 60",
		"ip[2:2] - ((ip[0] & 0xf) << 2) > 20", "ip6 protochain 6",
	};
	static struct st_packet p;
	static uint8_t buf[ST_PKT_MAX];
	size_t i, k;

	(void)state;
	for (k = 0; k < sizeof(filters) / sizeof(filters[0]); k++) {
		compile(DLT_EN10MB, filters[k]);
		for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
			craft(&p, buf, specs[i]);
			agree(p.data, p.caplen);
		}
		agree(tbuf, hexbytes(chain));
		release();
	}
}

static void
test_agree_random(void **state)
{
	uint8_t pkt[96];
	unsigned seed = 7, i, k;

	(void)state;
	compile(DLT_EN10MB, "port 53 or (ip6 and tcp) or ip[8] < 64");
	for (k = 0; k < 200; k++) {
		for (i = 0; i < sizeof(pkt); i++)
			pkt[i] = (uint8_t)(rand_r(&seed) >> 8);
		pkt[12] = k & 1 ? 0x08 : 0x86;
		pkt[13] = k & 1 ? 0x00 : 0xdd;
		agree(pkt, sizeof(pkt));
	}
	release();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_agree_crafted),
		cmocka_unit_test(test_agree_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
