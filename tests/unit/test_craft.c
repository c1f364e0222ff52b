/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Crafting as complete as scapy's for the layers strata knows: IPv6
 * extension headers, neighbour discovery and MLD, options not modelled,
 * values by short name, the packets of one spec (lists, ranges, steps,
 * rand) and fragments.  Expected bytes come from an independent script
 * (struct.pack and a ones' complement sum), checksums included.
 */
#include "testutil.h"

#include <stdio.h>

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
	char got[4096] = "";
	size_t n, i;

	build(spec);
	n = hexbytes(hex);
	if (outlen == n && memcmp(out, tbuf, n) == 0)
		return;
	for (i = 0; i < outlen && i < 1000; i++)
		sprintf(got + i * 2, "%02x", out[i]);
	fail_msg("%s:\n got  %s\n want %s", spec, got, hex);
}

/* Decodes bytes p (n) and checks every checksum is good (or, for a
 * fragment, not bad: it covers bytes in other fragments). */
static int fragment_ok;

static const struct st_packet *
decode_good(const uint8_t *p, size_t n)
{
	unsigned j;

	memcpy(tbuf, p, n);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	st_decode(&tpkt, lt);
	for (j = 0; j < tpkt.nfields; j++)
		if (tpkt.fields[j].desc->flags & ST_DF_CKSUM &&
		    tpkt.fields[j].ck != ST_CK_GOOD && (!fragment_ok ||
		    tpkt.fields[j].ck == ST_CK_BAD))
			fail_msg("%s not good", tpkt.fields[j].desc->name);
	for (j = 0; j < tpkt.nlayers; j++)
		if (tpkt.layers[j].status != ST_LS_OK)
			fail_msg("layer %u (%s) not ok: %s", j,
			    tpkt.layers[j].proto->name,
			    tpkt.layers[j].why ? tpkt.layers[j].why : "");
	return &tpkt;
}

static void
expect_error(const char *spec, unsigned col, const char *msg)
{
	if (st_spec_parse(spec, &sp, &err) == 0 &&
	    st_build(&sp, out, sizeof(out), &outlen, &lt, &err) == 0)
		fail_msg("'%s' parsed", spec);
	if (strstr(err.msg, msg) == NULL || err.col != col)
		fail_msg("'%s': got %u '%s', want %u '%s'", spec, err.col,
		    err.msg, col, msg);
}

static void
test_ipv6_extension_headers(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Next headers chained; the UDP checksum over the routing header's
	 * final destination (RFC 8200 8.1), not ipv6.dst. */
	expect_bytes("ipv6(src=2001:db8::1,dst=2001:db8::2)/hbh(opts=ra)/"
	    "routing(addrs=2001:db8::3+2001:db8::4)/dstopts(opts=tel:4)/"
	    "udp(sport=1,dport=2)/\"hi\"",
	    "600000000042004020010db800000000000000000000000120010db800000000"
	    "00000000000000022b000502000001003c0400020000000020010db800000000"
	    "000000000000000320010db8000000000000000000000004110004010401010000"
	    "010002000a3bf76869");
	p = decode_good(out, outlen);
	assert_chain(p, "ipv6 hopopts routing dstopts udp data");
	assert_int_equal(fval(p, "ipv6.routing.segleft"), 2);
	assert_int_equal(fval(p, "ipv6.routing.len"), 4);
	assert_int_equal(fval(p, "ipv6.opt.router_alert"), 0);
	/* A fragment header: its fields as given. */
	expect_bytes("ipv6(src=::1)/frag(m=1,id=0x1234)/icmpv6(type=echo-"
	    "request,id=1,seq=2)",
	    "6000000000102c40000000000000000000000000000000010000000000000000"
	    "00000000000000013a0000010000123480007fb800010002");
	fragment_ok = 1;	/* the checksum covers the other fragments */
	p = decode_good(out, outlen);
	fragment_ok = 0;
	assert_int_equal(fval(p, "ipv6.fraghdr.more"), 1);
	assert_int_equal(fval(p, "ipv6.fraghdr.ident"), 0x1234);
	/* Upper case and aliases; nothing after: next header 59. */
	build("IPv6()/HBH()/Frag6(offset=3)");
	assert_int_equal(outlen, 56);
	assert_int_equal(out[6], 0);
	assert_int_equal(out[40], 44);
	assert_int_equal(out[48], 59);
	assert_int_equal(out[50] << 8 | out[51], 3 << 3);
	/* Segments left as given; zero: ipv6.dst is the final one. */
	build("ipv6(src=::1,dst=::2)/routing(segleft=0,addrs=::3)/udp");
	decode_good(out, outlen);
	build("ipv6/routing(type=4,addrs=::5+::4)/tcp");
	decode_good(out, outlen);
	expect_error("ipv6/hbh(opts=bogus)", 15, "unknown IPv6 option "
	    "'bogus'");
	expect_error("ipv6/routing(addrs=::1+zz)", 20, "'zz' is not an IPv6 "
	    "address");
	expect_error("ipv6/hbh(opt=ra)", 10, "did you mean 'opts'?");
}

static void
test_nd_and_mld(void **state)
{
	const struct st_packet *p;

	(void)state;
	expect_bytes("ipv6(src=fe80::2,dst=fe80::1,hlim=255)/icmpv6(type="
	    "neighbor-advertisement,tgt=fe80::2,s=1,o=1,tlla=02:00:00:00:00:"
	    "02)",
	    "6000000000203afffe800000000000000000000000000002fe80000000000000"
	    "00000000000000018800181a60000000fe800000000000000000000000000002"
	    "0201020000000002");
	p = decode_good(out, outlen);
	assert_int_equal(fval(p, "icmpv6.nd.na.flag"), 0x60000000);
	expect_bytes("ipv6(src=fe80::1,dst=ff02::1,hlim=255)/icmpv6(type="
	    "router-advertisement,chlim=64,m=1,routerlifetime=1800,prefix="
	    "2001:db8::/64,mtuopt=1500,rdnss=2001:db8::53)",
	    "6000000000503afffe800000000000000000000000000001ff02000000000000"
	    "00000000000000018600"
	    "70fd408007080000000000000000030440c0ffffffffffffffff0000000020010d"
	    "b800000000000000000000000005010000000005dc19030000ffffffff20010d"
	    "b8000000000000000000000053");
	p = decode_good(out, outlen);
	assert_int_equal(fval(p, "icmpv6.opt.prefix.length"), 64);
	assert_int_equal(fval(p, "icmpv6.opt.mtu"), 1500);
	assert_true(has_field(p, "icmpv6.opt.rdnss"));
	build("ipv6(src=fe80::1,dst=ff02::1:ff00:2)/icmpv6(type=neighbor-"
	    "solicitation,tgt=fe80::2,slla=02:00:00:00:00:01)");
	p = decode_good(out, outlen);
	assert_int_equal(fval(p, "icmpv6.opt.src_linkaddr") != 0 ||
	    has_field(p, "icmpv6.opt.src_linkaddr"), 1);
	assert_int_equal(outlen, 40 + 32);
	/* MLD: 24 bytes; a report behind a router alert. */
	build("ipv6(src=fe80::1,dst=ff02::1:3)/hbh(opts=ra)/icmpv6(type="
	    "multicast-listener-report,mladdr=ff02::1:3)");
	decode_good(out, outlen);
	assert_int_equal(outlen, 40 + 8 + 24);
	assert_int_equal(out[48 + 8], 0xff);
	/* MLDv2: records as options, counted. */
	build("ipv6(src=fe80::1,dst=ff02::16)/icmpv6(type=multicast-listener-"
	    "report-v2,rec=to-exclude/ff02::fb,rec=5/ff05::2+::1+::2)");
	decode_good(out, outlen);
	assert_int_equal(outlen, 40 + 8 + 20 + 52);
	assert_int_equal(out[46] << 8 | out[47], 2);
	assert_int_equal(out[48], 4);
	assert_int_equal(out[68], 5);
	assert_int_equal(out[71], 2);
	build("ipv6/icmpv6(type=143,nrec=9)");
	assert_int_equal(out[47], 9);
	expect_error("ipv6/icmpv6(type=143,rec=seven/ff02::1)", 26, "is not "
	    "TYPE/GROUP");
	build("ipv6/icmpv6(type=multicast-listener-query,mrd=10000)");
	assert_int_equal(out[44] << 8 | out[45], 10000);
	/* Redirect, an option not modelled, and data. */
	build("ipv6(src=fe80::1,dst=fe80::2)/icmpv6(type=redirect,tgt=fe80::3,"
	    "dst=2001:db8::1,ndopt=99:0102)");
	decode_good(out, outlen);
	assert_int_equal(outlen, 40 + 40 + 8);
	assert_memory_equal(out + 80, "\x63\x01\x01\x02\0\0\0\0", 8);
	expect_error("ipv6/icmpv6(type=135,slla=1:2)", 27, "not a MAC address");
	expect_error("ipv6/icmpv6(prefix=2001:db8::)", 20, "not PREFIX/LEN");
	expect_error("ipv6/icmpv6(ndopt=x)", 19, "not TYPE:HEX");
}

static void
test_options_not_modelled(void **state)
{
	const struct st_packet *p;

	(void)state;
	expect_bytes("ip(src=127.0.0.1,dst=127.0.0.2)/tcp(opt=34,opt=30:0102)",
	    "450000300001000040067cc47f0000017f000002001400500000000000000000"
	    "70022000306b000022021e0401020000");
	decode_good(out, outlen);
	/* As scapy writes it. */
	expect_bytes("ip(src=127.0.0.1,dst=127.0.0.2)/tcp(opt(kind=34),opt("
	    "kind=30,data=0102))",
	    "450000300001000040067cc47f0000017f000002001400500000000000000000"
	    "70022000306b000022021e0401020000");
	expect_error("ip/tcp(opt(kind=30", 8, "missing ')' after opt(");
	expect_bytes("ip(src=127.0.0.1,dst=127.0.0.2)/icmp(type=address-mask-"
	    "request,data=ffffff00)",
	    "450000200001000040017cd97f0000017f0000021100effe00000000ffffff00");
	p = decode_good(out, outlen);
	assert_int_equal(fval(p, "icmp.type"), 17);
	expect_error("ip/tcp(opt=300)", 12, "not KIND[:HEX]");
	expect_error("ip/icmp(data=abc)", 14, "pairs of hex digits");
}

static void
test_names_and_spelling(void **state)
{
	(void)state;
	/* A short name, and the canonical one said. */
	build("ip/icmp(type=dest-unreach,code=fragmentation-needed,mtu=1400)");
	assert_int_equal(st_spec_get(&sp.layers[1], "type")->val, 3);
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 4);
	assert_non_null(strstr(err.note, "fragmentation-needed is "
	    "fragmentation-needed-and-df-set (4)"));
	assert_non_null(strstr(err.note, "dest-unreach is "
	    "destination-unreachable (3)"));
	/* Words may be left out, as scapy names codes. */
	build("ip/icmp(type=3,code=host-prohibited)");
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 10);
	build("ip/icmp(type=3,code=network-unknown)");
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 6);
	build("ip/icmp(type=3,code=network-unreachable)");	/* exact */
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 0);
	/* Other tools' names, the tables' said. */
	build("ip/icmp(type=time-exceeded,code=ttl-zero-during-transit)");
	assert_int_equal(st_spec_get(&sp.layers[1], "code")->val, 0);
	assert_string_equal(err.note, "ttl-zero-during-transit is ttl-"
	    "exceeded-in-transit (0)");
	build("ipv6/icmpv6(type=NS,tgt=::1)");
	assert_int_equal(st_spec_get(&sp.layers[1], "type")->val, 135);
	assert_non_null(strstr(err.note, "neighbor-solicitation (135)"));
	build("ipv6/icmpv6(type=mld-query)");
	assert_int_equal(outlen, 40 + 24);
	/* Ambiguous short names are not guessed. */
	expect_error("ip/icmp(type=echo)", 14, "'echo' is not a number or a "
	    "known name (icmp type)");
	expect_error("ip/icmp(type=echo-requets)", 14, "(did you mean "
	    "'echo-request'?)");
	expect_error("ip/icmp(type=3,code=port-unreachble)", 21, "'port-"
	    "unreachble' is not a code of this icmp type (did you mean "
	    "'port-unreachable'?)");
	/* IP flags as scapy writes them. */
	build("ip(flags=DF+MF)/icmp");
	assert_int_equal(out[6] >> 5, 3);
	build("ip(flags=MF)/icmp");
	assert_int_equal(out[6] >> 5, 1);
	expect_error("ip(flags=XF)", 10, "'XF' is not a number or DF, MF, RB");
	/* Upper case and spaces. */
	build("IP(dst=127.0.0.2, ttl = 3) / ICMP() / \"x\"");
	assert_int_equal(outlen, 29);
	assert_int_equal(out[8], 3);
	expect_error("ip / icmp ) ", 11, "expected '/' between layers");
}

static void
test_packets_of_a_spec(void **state)
{
	uint64_t rng = 42, seen = 0;
	unsigned i;

	(void)state;
	build("ip(ttl=1-3)/tcp(dport=22,80,443,seq=1000+10)");
	assert_int_equal(st_spec_count(&sp), 9);
	assert_int_equal(sp.layers[1].set[0].n, 3);
	/* An odometer: the last varying field turns fastest. */
	st_spec_pick(&sp, 0, &rng);
	assert_int_equal(sp.layers[0].set[0].val, 1);
	assert_int_equal(sp.layers[1].set[0].val, 22);
	st_spec_pick(&sp, 4, &rng);
	assert_int_equal(sp.layers[0].set[0].val, 2);
	assert_int_equal(sp.layers[1].set[0].val, 80);
	assert_int_equal(sp.layers[1].set[1].val, 1040);
	st_spec_pick(&sp, 9, &rng);		/* wraps; the step goes on */
	assert_int_equal(sp.layers[0].set[0].val, 1);
	assert_int_equal(sp.layers[1].set[1].val, 1090);
	/* Names in a list. */
	build("ip/icmp(type=echo-request,echo-reply,id=3)");
	assert_int_equal(st_spec_count(&sp), 2);
	assert_int_equal(sp.layers[1].set[0].list[1], 0);
	assert_int_equal(sp.layers[1].set[1].val, 3);
	/* Random values within the field; random payload bytes. */
	build("ip(id=rand)/udp(sport=rand)/rand:16");
	assert_int_equal(st_spec_count(&sp), 1);
	assert_int_equal(outlen, 20 + 8 + 16);
	for (i = 0; i < 8; i++) {
		st_spec_pick(&sp, i, &rng);
		assert_true(sp.layers[1].set[0].val <= 0xffff);
		seen |= sp.layers[1].set[0].val;
	}
	assert_true(seen != 0);
	expect_error("ip(ttl=3-300)", 8, "is not a range LOW-HIGH within "
	    "0..255");
	expect_error("ip(ttl=1,2,256)", 12, "ip ttl: 256 is out of range");
	expect_error("ip/udp/rand:x", 13, "rand: needs a number");
}

/* What st_spec_each hands out. */
static uint64_t eachn, eachi[64];
static uint8_t eachttl[64];

static int
each_frame(void *arg, uint64_t i, const uint8_t *p, size_t n, int l)
{
	(void)arg;
	assert_int_equal(l, DLT_RAW);
	if (eachn == 64 || n < 20)
		return -1;
	eachi[eachn] = i;
	eachttl[eachn++] = p[8];
	return 0;
}

static void
test_each(void **state)
{
	(void)state;
	assert_int_equal(st_spec_parse("ip(ttl=1-4)/udp(sport=rand)/\"x\"",
	    &sp, &err), 0);
	eachn = 0;
	assert_int_equal(st_spec_each(&sp, 0, 7, each_frame, NULL, &err), 0);
	assert_int_equal(eachn, 4);
	assert_int_equal(eachttl[3], 4);
	/* A count beyond the spec's packets wraps; fragments each go. */
	assert_int_equal(st_spec_parse("ip(ttl=1-2)/fragment(size=8)/udp/"
	    "\"0123456789\"", &sp, &err), 0);
	eachn = 0;
	assert_int_equal(st_spec_each(&sp, 3, 7, each_frame, NULL, &err), 0);
	assert_int_equal(eachn, 9);
	assert_int_equal(eachi[8], 2);
	assert_int_equal(eachttl[8], 1);
}

/* Fragments collected. */
static uint8_t frags[16][2048];
static size_t fraglen[16], nfrags;

static int
collect(void *arg, const uint8_t *p, size_t n)
{
	(void)arg;
	if (nfrags == 16 || n > sizeof(frags[0]))
		return -1;
	memcpy(frags[nfrags], p, n);
	fraglen[nfrags++] = n;
	return 0;
}

static void
cut(const char *spec)
{
	build(spec);
	nfrags = 0;
	if (st_fragment(&sp, out, outlen, 0xabcd, collect, NULL, &err) != 0)
		fail_msg("%s: %s", spec, err.msg);
}

static void
test_fragments(void **state)
{
	const struct st_packet *p;
	uint8_t whole[512];
	size_t i, off;

	(void)state;
	fragment_ok = 1;
	/* 8 + 40 bytes of UDP in 16-byte pieces: 3 fragments, in order. */
	cut("ip(src=127.0.0.1,dst=127.0.0.2,id=7)/fragment(size=16)/udp(dport="
	    "9)/\"0123456789abcdefghijklmnopqrstuvwxyzABCD\"");
	assert_int_equal(nfrags, 3);
	memset(whole, 0, sizeof(whole));
	for (i = 0; i < nfrags; i++) {
		p = decode_good(frags[i], fraglen[i]);
		off = fval(p, "ip.frag_offset");
		assert_int_equal(fval(p, "ip.flags.mf"), i + 1 < nfrags);
		assert_int_equal(fval(p, "ip.id"), 7);
		assert_int_equal(off, i * 16);
		memcpy(whole + off, frags[i] + 20, fraglen[i] - 20);
	}
	assert_memory_equal(whole, out + 20, outlen - 20);
	/* Reversed and overlapping by 8. */
	cut("ip/fragment(size=16,order=reverse,overlap=8)/udp/\"0123456789"
	    "abcdefghijklmnopqrstuvwxyzABCD\"");
	assert_int_equal(nfrags, 5);
	p = decode_good(frags[0], fraglen[0]);
	assert_int_equal(fval(p, "ip.frag_offset"), 32);
	assert_int_equal(fval(p, "ip.flags.mf"), 0);
	p = decode_good(frags[1], fraglen[1]);
	assert_int_equal(fval(p, "ip.frag_offset"), 24);
	/* IPv6: after hop-by-hop and routing, a fragment header. */
	cut("ipv6(src=::1,dst=::2)/hbh/routing(segleft=0,addrs=::2)/"
	    "dstopts/fragment(size=24,order=firstlast)/udp/\"0123456789abcdef"
	    "ghijklmnopqrstuvwxyzABCD\"");
	assert_int_equal(nfrags, 3);
	for (i = 0; i < nfrags; i++) {
		p = decode_good(frags[i], fraglen[i]);
		assert_int_equal(fval(p, "ipv6.fraghdr.ident"), 0xabcd);
		assert_int_equal(fval(p, "ipv6.routing.nxt"), 44);
		assert_int_equal(fval(p, "ipv6.fraghdr.nxt"), 60);
		assert_int_equal(fval(p, "ipv6.fraghdr.offset"),
		    (i + 1) % 3 * 3);
	}
	/* frag(size=...) is the step too; frag() the IPv6 header. */
	cut("ipv6/frag(size=8)/udp/\"0123456789\"");
	assert_int_equal(nfrags, 3);
	assert_int_equal(sp.nlayers, 2);
	expect_error("ip/fragment(size=12)/udp", 18, "not a multiple of 8");
	expect_error("ip/fragment(size=16,overlap=16)/udp", 4, "overlap must "
	    "be less");
	expect_error("ip/fragment(size=16,order=random)/udp", 27, "is not "
	    "inorder, reverse or firstlast");
}

/* The decoded field of layer ly that set s gave: the same row, or a row
 * of the same Wireshark name or at the same bits (a crafting row: one
 * tgt row for the NS, NA and redirect targets), or NULL. */
static const struct st_field *
decoded(const struct st_layer *ly, const struct st_spec_set *s)
{
	const struct st_field *f;
	unsigned j;

	for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields; j++) {
		f = &tpkt.fields[j];
		if (f->desc == s->fd || strcmp(f->desc->name, s->fd->name) == 0 ||
		    (f->bits == s->fd->bits && f->desc->fmt == s->fd->fmt &&
		    f->bitoff == ly->off * 8 + s->fd->bitoff))
			return f;
	}
	return NULL;
}

/* spec -> bytes -> decode: every value given is read back. */
static void
round_trip(const char *spec)
{
	const struct st_spec_set *s;
	const struct st_field *f;
	unsigned i, k;

	build(spec);
	decode_good(out, outlen);
	for (i = 0; i < sp.nlayers; i++) {
		if (tpkt.layers[i].proto != sp.layers[i].proto)
			fail_msg("%s: layer %u is %s", spec, i,
			    tpkt.layers[i].proto->name);
		for (k = 0; k < sp.layers[i].nset; k++) {
			s = &sp.layers[i].set[k];
			if ((f = decoded(&tpkt.layers[i], s)) == NULL) {
				/* One-bit flags: read in their flag word. */
				if (s->fd->bits == 1 || s->fd->bits == 2)
					continue;
				fail_msg("%s: %s not decoded", spec,
				    s->fd->name);
			}
			if (s->fd->fmt == ST_FMT_IPV6 ? memcmp(tpkt.data +
			    f->bitoff / 8, s->bytes, 16) != 0 :
			    (f->val >> f->desc->shift) != s->val)
				fail_msg("%s: %s differs", spec, s->fd->name);
		}
	}
}

static void
test_round_trips(void **state)
{
	(void)state;
	round_trip("ipv6(src=::1,dst=::2,hlim=7)/hbh(opts=ra:2+pad1)/routing("
	    "type=0,segleft=1,addrs=::3+::4)/frag(offset=0,m=0,id=99)/dstopts("
	    "opts=jumbo:70000)/tcp(dport=22,flags=SA,seq=5)");
	assert_int_equal(fval(&tpkt, "ipv6.opt.router_alert"), 2);
	round_trip("ipv6(src=fe80::1,dst=fe80::2)/icmpv6(type=neighbor-"
	    "solicitation,tgt=fe80::9)");
	round_trip("ipv6(src=fe80::1,dst=ff02::1)/icmpv6(type=router-"
	    "advertisement,chlim=9,m=1,other=1,prf=1,routerlifetime=60,"
	    "reachabletime=1000,retranstimer=5,slla=00:11:22:33:44:55)");
	assert_int_equal(fval(&tpkt, "icmpv6.nd.ra.flag"), 0xc8);
	round_trip("ipv6(src=fe80::1,dst=fe80::2)/icmpv6(type=redirect,tgt="
	    "fe80::3,dst=2001:db8::7)");
	round_trip("ipv6(src=fe80::1,dst=fe80::2)/icmpv6(type=neighbor-"
	    "advertisement,r=1,tgt=fe80::1)");
	assert_int_equal(fval(&tpkt, "icmpv6.nd.na.flag"), 0x80000000);
}

/* Specs cut and mutated: errors with a column inside them, never a
 * crash (run under AddressSanitizer by the sanitizer build). */
static int
mute(void *arg, uint64_t i, const uint8_t *p, size_t n, int l)
{
	(void)arg, (void)i, (void)p, (void)n, (void)l;
	return 0;
}

static void
test_mutated_specs(void **state)
{
	static const char *const seeds[] = {
		"ipv6(src=::1,dst=::2)/hbh(opts=ra+jumbo:9+opt:7:0102)/routing("
		    "addrs=::3+::4)/frag(size=8,order=reverse,overlap=0)/dstopts("
		    "opts=tel:4)/udp(sport=1,dport=2,3)/\"hi\"",
		"IP(ttl=1-3, flags=DF+MF) / TCP(dport=22,80,seq=1+2,opt(kind=30,"
		    "data=01),sport=rand)/rand:9",
		"ipv6/icmpv6(type=router-advertisement,prefix=2001:db8::/64,"
		    "rdnss=::1+::2,slla=1:2:3:4:5:6,ndopt=3:ff,data=00)",
		"ip/icmp(type=dest-unreach,code=fragmentation-needed)/ip/"
		    "fragment(size=16)/udp",
	};
	static const char junk[] = "(),=/+:-\" 0a";
	char spec[512];
	uint64_t rng = 99;
	size_t i, n, k;

	(void)state;
	for (i = 0; i < 20000; i++) {
		strcpy(spec, seeds[i % 4]);
		n = strlen(spec);
		rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
		k = (size_t)(rng >> 33) % n;
		if (i % 3 == 0)
			spec[k] = '\0';
		else
			spec[k] = junk[(rng >> 20) % (sizeof(junk) - 1)];
		if (st_spec_parse(spec, &sp, &err) != 0) {
			if (err.col == 0 || err.col > strlen(spec) + 1)
				fail_msg("'%s': column %u", spec, err.col);
			continue;
		}
		st_spec_each(&sp, 2, rng, mute, NULL, &err);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipv6_extension_headers),
		cmocka_unit_test(test_nd_and_mld),
		cmocka_unit_test(test_options_not_modelled),
		cmocka_unit_test(test_names_and_spelling),
		cmocka_unit_test(test_packets_of_a_spec),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_each),
		cmocka_unit_test(test_mutated_specs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
