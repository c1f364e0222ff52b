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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
