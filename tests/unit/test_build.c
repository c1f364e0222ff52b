/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The builder: byte-exact packets against bytes computed by hand (an
 * independent script, checksums included), and round trips: seeded
 * random specs built, decoded, and every given field read back equal.
 */
#include "testutil.h"

#include <stdio.h>

#include "strata/craft.h"
#include "strata/protos.h"

static struct st_spec sp;
static struct st_spec_err err;
static uint8_t out[ST_PKT_MAX];
static size_t outlen;
static int lt;

static void
build(const char *spec)
{
	if (st_spec_parse(spec, &sp, &err) != 0 ||
	    st_build(&sp, out, sizeof(out), &outlen, &lt, &err) != 0)
		fail_msg("%s: %u: %s", spec, err.col, err.msg);
}

static void
expect_bytes(const char *spec, const char *hex)
{
	size_t n;

	build(spec);
	n = hexbytes(hex);
	if (outlen != n || memcmp(out, tbuf, n) != 0) {
		char got[4096] = "";
		size_t i;

		for (i = 0; i < outlen && i < 1000; i++)
			sprintf(got + i * 2, "%02x", out[i]);
		fail_msg("%s:\n got  %s\n want %s", spec, got, hex);
	}
}

static void
test_icmp_echo(void **state)
{
	(void)state;
	/* The first packet of captures/icmp-echo.pcap, byte for byte. */
	expect_bytes("ip(src=127.0.0.1,dst=127.0.0.1,id=0x6d00,df=1)/icmp("
	    "type=echo-request,id=0x1042,seq=1)/hex:4d2c056b00000000c34f0000"
	    "00000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b"
	    "2c2d2e2f3031323334353637",
	    "450000546d0040004001cfa67f0000017f00000108001303104200014d2c056b"
	    "00000000c34f000000000000101112131415161718191a1b1c1d1e1f20212223"
	    "2425262728292a2b2c2d2e2f3031323334353637");
	assert_int_equal(lt, DLT_RAW);
}

static void
test_tcp_syn_options(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1,dst=198.18.0.2,id=0x1234,df=1)/tcp("
	    "sport=40000,dport=80,seq=1000,flags=S,mss=1460,sackok,ts=1:0,nop,"
	    "wscale=7)",
	    "4500003c1234400040069c60c6120001c61200029c400050000003e800000000"
	    "a0022000fb5e0000020405b40402080a000000010000000001030307");
}

static void
test_ip_options_and_udp(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1,dst=198.18.0.2,id=0x1234,df=1,options="
	    "raw:070b04c6120001c6120002+eol+ra)/udp(sport=5353,dport=53)/\"hi\"",
	    "4900002e123440004011d0c7c6120001c6120002070b04c6120001c612000200"
	    "9404000014e90035000af62a6869");
}

/* The issue's own example: rr takes the 35 bytes ra leaves, then one EOL. */
static void
test_ip_options_ra_rr(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1,dst=198.18.0.2,id=0x1234,options=ra+rr)"
	    "/icmp(type=echo-request,id=1,seq=1)",
	    "4f0000441234000040013336c6120001c612000294040000072304"
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "000800f7fd00010001");
}

static void
test_ipv6_udp_and_eth(void **state)
{
	(void)state;
	expect_bytes("eth(dst=02:00:00:00:00:02,src=02:00:00:00:00:01)/ipv6("
	    "src=2001:db8::1,dst=2001:db8::2)/udp(sport=546,dport=547)/"
	    "\"abcd\"",
	    "02000000000202000000000186dd60000000000c114020010db8000000000000"
	    "00000000000120010db800000000000000000000000202220223000cdb556162"
	    "6364");
	assert_int_equal(lt, DLT_EN10MB);
}

/* An ICMP error carrying a quoted packet, with given lengths kept. */
static void
test_icmp_error_quoting(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.1.1,dst=198.18.0.1,ttl=255,id=7)/icmp(type="
	    "time-exceeded,code=ttl-exceeded-in-transit)/ip(src=198.18.0.1,"
	    "dst=198.18.0.2,ttl=1,id=0x4242,df=1,len=33)/udp(sport=33434,"
	    "dport=33435,len=13,chksum=0x29a1)",
	    "4500003800070000ff012e97c6120101c61200010b00c61b0000000045000021"
	    "424240000111ab62c6120001c6120002829a829b000d29a1");
}

/* Given values are kept even when wrong: a teaching case. */
static void
test_given_values_kept(void **state)
{
	const struct st_packet *p;

	(void)state;
	build("ip(dst=127.0.0.1,chksum=0xdead,ihl=6)/udp(len=3)/\"x\"");
	assert_int_equal(out[10], 0xde);
	assert_int_equal(out[11], 0xad);
	assert_int_equal(out[0], 0x46);
	memcpy(tbuf, out, outlen);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)outlen, (uint32_t)outlen);
	st_decode(&tpkt, lt);
	p = &tpkt;
	assert_int_equal(field_n(p, "ip.checksum", 0)->ck, ST_CK_BAD);
}

/* A tiny deterministic generator, so a failure can be replayed. */
static uint32_t seed = 20261124;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* Picks random values for some fields of a layer, as spec text. */
static void
random_layer(char *spec, const char *name, const struct st_proto *p)
{
	const struct st_field_desc *fd;
	size_t i;
	int n = 0;

	strcat(spec, name);
	strcat(spec, "(");
	for (i = 0; i < p->nfields; i++) {
		char item[64];
		uint64_t max;

		fd = &p->fields[i];
		if (fd->key == NULL || fd->flags & ST_DF_GEN || fd->bits == 0 ||
		    fd->fmt > ST_FMT_BOOL || fd->autofill != ST_AUTO_NONE ||
		    rnd(2) == 0 || strcmp(fd->key, "version") == 0 ||
		    strcmp(fd->key, "frag") == 0 || strcmp(fd->key, "mf") == 0 ||
		    strcmp(fd->key, "flags") == 0 || strcmp(fd->key, "tos") == 0 ||
		    strcmp(fd->key, "tc") == 0 ||
		    strcmp(fd->key, "type") == 0 || strcmp(fd->key, "code") == 0 ||
		    strcmp(fd->key, "doff") == 0 || strcmp(fd->key, "rb") == 0 ||
		    (p == &st_proto_icmp && strcmp(fd->key, "id") != 0 &&
		    strcmp(fd->key, "seq") != 0))
			continue;
		max = fd->bits >= 32 ? 0xffffffffu : (1u << fd->bits) - 1;
		snprintf(item, sizeof(item), "%s%s=%llu", n++ ? "," : "",
		    fd->key, (unsigned long long)(max ? rnd((uint32_t)max) +
		    rnd(2) : 0) % (max + 1));
		strcat(spec, item);
	}
	strcat(spec, ")");
}

/* Every value the spec gave is what the decoder reads. */
static void
check_round_trip(const char *spec)
{
	const struct st_spec_layer *ly;
	const struct st_field *f;
	unsigned i, k, j;

	build(spec);
	memcpy(tbuf, out, outlen);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)outlen, (uint32_t)outlen);
	st_decode(&tpkt, lt);
	for (i = 0; i < sp.nlayers; i++) {
		ly = &sp.layers[i];
		if (tpkt.layers[i].proto != ly->proto)
			fail_msg("%s: layer %u is %s", spec, i,
			    tpkt.layers[i].proto->name);
		for (k = 0; k < ly->nset; k++) {
			f = NULL;
			for (j = tpkt.layers[i].field0; j <
			    (unsigned)tpkt.layers[i].field0 +
			    tpkt.layers[i].nfields; j++)
				if (tpkt.fields[j].desc == ly->set[k].fd)
					f = &tpkt.fields[j];
			if (f == NULL)
				fail_msg("%s: %s not decoded", spec,
				    ly->set[k].fd->name);
			if ((f->val >> f->desc->shift) != ly->set[k].val)
				fail_msg("%s: %s is %llu, spec gave %llu", spec,
				    f->desc->name, (unsigned long long)f->val,
				    (unsigned long long)ly->set[k].val);
		}
	}
	/* Computed checksums verify. */
	for (j = 0; j < tpkt.nfields; j++)
		if (tpkt.fields[j].desc->flags & ST_DF_CKSUM &&
		    tpkt.fields[j].ck != ST_CK_GOOD)
			fail_msg("%s: %s not good", spec,
			    tpkt.fields[j].desc->name);
}

static void
test_round_trip_random(void **state)
{
	static const char *const l4[] = { "udp", "tcp", "icmp" };
	static const struct st_proto *const p4[] = { &st_proto_udp,
		&st_proto_tcp, &st_proto_icmp };
	char spec[2048];
	int i, k;

	(void)state;
	for (i = 0; i < 500; i++) {
		spec[0] = '\0';
		k = (int)rnd(3);
		if (k == 2 || rnd(2)) {
			random_layer(spec, "ip", &st_proto_ipv4);
		} else {
			random_layer(spec, "ipv6", &st_proto_ipv6);
			if (k == 2)
				k = 0;
		}
		strcat(spec, "/");
		random_layer(spec, l4[k], p4[k]);
		if (rnd(2))
			strcat(spec, "/\"payload\"");
		check_round_trip(spec);
	}
}


/*
 * The descriptors' crafting data (struct st_craft), one protocol each; the
 * bytes are those the builder made before that data moved out of it.
 */
static void
test_icmpv6_echo_default_dst(void **state)
{
	(void)state;
	/* ipv6.dst defaults to ::1; the checksum covers the pseudo-header. */
	expect_bytes("ipv6(src=::1)/icmpv6(type=echo-request,id=3,seq=4)/\"x\"",
	    "6000000000093a4000000000000000000000000000000001000000000000000000"
	    "00000000000001800007b30003000478");
	assert_int_equal(lt, DLT_RAW);
}

/* The header length by type: 20 bytes for an ICMP timestamp. */
static void
test_icmp_timestamp_len(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1)/icmp(type=timestamp-request,id=1,"
	    "seq=2,ots=5)",
	    "4500002800010000400135c0c61200017f0000010d00f2f70001000200000005"
	    "0000000000000000");
}

/* ICMPv6 neighbor discovery: the fixed part by type (RFC 4861). */
static void
test_icmpv6_nd_len(void **state)
{
	static const struct { const char *type; size_t len; } nd[] = {
		{ "133", 8 }, { "134", 16 }, { "136", 24 }, { "137", 40 },
		{ "128", 8 },
	};
	char spec[64];
	size_t i;

	(void)state;
	expect_bytes("ipv6(src=fe80::1,dst=ff02::1:ff00:2,hlim=255)/icmpv6("
	    "type=135)",
	    "6000000000183afffe800000000000000000000000000001ff02000000000000"
	    "00000001ff00000287007c240000000000000000000000000000000000000000");
	for (i = 0; i < sizeof(nd) / sizeof(nd[0]); i++) {
		snprintf(spec, sizeof(spec), "ipv6/icmpv6(type=%s)", nd[i].type);
		build(spec);
		assert_int_equal(outlen, 40 + nd[i].len);
	}
}

/* The next-protocol value when nothing follows, and the link types. */
static void
test_nothing_follows(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1)",
	    "4500001400010000403b359ac61200017f000001");
	assert_int_equal(lt, DLT_RAW);
	expect_bytes("ipv6(src=::1)",
	    "6000000000003b40000000000000000000000000000000010000000000000000"
	    "0000000000000001");
	expect_bytes("eth", "0000000000000000000000000800");
	assert_int_equal(lt, DLT_EN10MB);
	expect_bytes("eth/ipv6(src=::1)",
	    "00000000000000000000000086dd6000000000003b4000000000000000000000"
	    "00000000000100000000000000000000000000000001");
}

/* A UDP checksum that computes to zero goes as 0xffff (RFC 768). */
static void
test_udp_zero_cksum(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1,dst=198.18.0.2)/udp(sport=1,dport=2)/"
	    "hex:0000",
	    "4500001e000100004011eea6c6120001c612000200010002000a73af0000");
	expect_bytes("ip(src=198.18.0.1,dst=198.18.0.2)/udp(sport=1,dport=2)/"
	    "hex:73af",
	    "4500001e000100004011eea6c6120001c612000200010002000affff73af");
}

/* Codes by name, through the descriptor's names() after the type. */
static void
test_codes_by_name(void **state)
{
	(void)state;
	expect_bytes("ip(src=198.18.0.1,dst=198.18.0.2)/icmp(type="
	    "destination-unreachable,code=port-unreachable)",
	    "4500001c000100004001eeb8c6120001c61200020303fcfc00000000");
	expect_bytes("ipv6(src=::1)/icmpv6(type=destination-unreachable,"
	    "code=port-unreachable)",
	    "6000000000083a40000000000000000000000000000000010000000000000000"
	    "00000000000000010104feb700000000");
}

/* What the fake route look-up was asked, and answers. */
static int find_fam, find_fail;
static uint8_t find_dst[16];

static int
fake_find(int fam, const uint8_t *dst, uint8_t *src)
{
	find_fam = fam;
	memcpy(find_dst, dst, fam == 4 ? 4 : 16);
	memset(src, 0, 16);
	src[0] = fam == 4 ? 10 : 0xfe;
	src[fam == 4 ? 3 : 15] = 9;
	return find_fail;
}

/* Sources for the network layers, asked for their (default) destination. */
static void
test_fill_src(void **state)
{
	static const uint8_t lo6[16] = { [15] = 1 };
	static const uint8_t lo4[4] = { 127, 0, 0, 1 };
	const struct st_spec_set *s;

	(void)state;
	assert_int_equal(st_spec_parse("ip/udp", &sp, &err), 0);
	assert_int_equal(st_spec_fill_src(&sp, fake_find, &err), 0);
	assert_int_equal(find_fam, 4);
	assert_memory_equal(find_dst, lo4, 4);
	s = st_spec_get(&sp.layers[0], "src");
	assert_non_null(s);
	assert_int_equal(s->val, 0x0a000009);
	assert_int_equal(st_spec_parse("ipv6/icmpv6", &sp, &err), 0);
	assert_int_equal(st_spec_fill_src(&sp, fake_find, &err), 0);
	assert_int_equal(find_fam, 6);
	assert_memory_equal(find_dst, lo6, 16);
	assert_int_equal(st_spec_get(&sp.layers[0], "src")->bytes[15], 9);
	/* A given source stays; the given destination is asked for. */
	find_fam = 0;
	assert_int_equal(st_spec_parse("ip(src=1.2.3.4)/ip(dst=198.18.0.7)",
	    &sp, &err), 0);
	assert_int_equal(st_spec_fill_src(&sp, fake_find, &err), 0);
	assert_int_equal(st_spec_get(&sp.layers[0], "src")->val, 0x01020304);
	assert_int_equal(find_dst[3], 7);
	find_fail = 1;
	assert_int_equal(st_spec_parse("ip/icmp/ipv6(dst=::2)", &sp, &err), 0);
	assert_int_equal(st_spec_fill_src(&sp, fake_find, &err), -1);
	assert_int_equal(err.col, 1);
	assert_non_null(strstr(err.msg, "layer 1"));
	find_fail = 0;
}

/* Every protocol a spec builds has consistent crafting data. */
static void
test_craft_descriptors(void **state)
{
	const struct st_spec_proto *l;
	const struct st_craft *cr;
	const struct st_proto *p;
	unsigned n = 0, starts = 0;
	size_t i;
	int next, ck;

	(void)state;
	for (l = st_spec_list(); l->name != NULL; l++, n++) {
		p = l->proto;
		cr = p->craft;
		assert_ptr_equal(st_spec_list()[n].proto, p);
		assert_string_equal(cr->spec, l->name);
		assert_true(cr->hlen > 0);
		for (next = ck = 0, i = 0; i < p->nfields; i++) {
			next |= p->fields[i].autofill == ST_AUTO_NEXT;
			ck |= p->fields[i].autofill == ST_AUTO_CKSUM;
		}
		for (i = 0; i < cr->nautos; i++) {
			/* A row of its own tables, or of its crafting rows. */
			if (cr->autos[i].fd < cr->rows || cr->autos[i].fd >=
			    cr->rows + cr->nrows)
				assert_ptr_equal(st_desc_proto(cr->autos[i].fd),
				    p);
			if (cr->autos[i].kind == ST_CA_HOOK)
				assert_non_null(cr->auto_val);
			next |= cr->autos[i].kind == ST_CA_NEXT;
		}
		/* A next-protocol field takes its value under a key. */
		assert_int_equal(next, cr->next_key != ST_KEY_NONE);
		assert_int_equal(ck, p->cksum != NULL);
		assert_int_equal(cr->key != NULL, cr->extra != NULL);
		for (i = 0; i < cr->ndefs; i++)
			assert_ptr_equal(st_desc_proto(cr->defs[i].fd), p);
		if (cr->named[0] != NULL) {
			assert_ptr_equal(st_desc_proto(cr->named[0]), p);
			assert_ptr_equal(st_desc_proto(cr->named[1]), p);
			assert_non_null(p->names);
		}
		starts += cr->link != 0;
		/* Its extra keys and names are explained in send --list. */
		if (cr->extra != NULL || cr->named[0] != NULL)
			assert_non_null(cr->help);
	}
	assert_int_equal(n, 13);	/* with SCTP's and DCCP's */
	assert_int_equal(starts, 3);
	assert_null(st_spec_list()[n].proto);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_icmp_echo),
		cmocka_unit_test(test_tcp_syn_options),
		cmocka_unit_test(test_ip_options_and_udp),
		cmocka_unit_test(test_ip_options_ra_rr),
		cmocka_unit_test(test_ipv6_udp_and_eth),
		cmocka_unit_test(test_icmp_error_quoting),
		cmocka_unit_test(test_given_values_kept),
		cmocka_unit_test(test_round_trip_random),
		cmocka_unit_test(test_icmpv6_echo_default_dst),
		cmocka_unit_test(test_icmp_timestamp_len),
		cmocka_unit_test(test_icmpv6_nd_len),
		cmocka_unit_test(test_nothing_follows),
		cmocka_unit_test(test_udp_zero_cksum),
		cmocka_unit_test(test_codes_by_name),
		cmocka_unit_test(test_fill_src),
		cmocka_unit_test(test_craft_descriptors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
