/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Conversations (src/model/flow.c): the one two-way key, both ways, over
 * IPv4 and IPv6; the bounded table and its eviction; TCP's relative
 * sequence numbers over it.
 */
#include <sys/resource.h>

#include "testutil.h"

#include "strata/flow.h"
#include "strata/proto/tcp.h"

static struct st_packet pa, pb, pc;
static uint8_t ba[ST_PKT_MAX], bb[ST_PKT_MAX], bc[ST_PKT_MAX];

/* The network and transport layers of p (its first two after the link). */
static int
key_of(const struct st_packet *p, struct st_flowkey *k)
{
	const struct st_layer *net = NULL, *tl = NULL;
	unsigned i;

	for (i = 0; i < p->nlayers; i++)
		if (p->layers[i].proto->role == ST_ROLE_NET && net == NULL)
			net = &p->layers[i];
		else if (p->layers[i].proto->role == ST_ROLE_TRANSPORT)
			tl = &p->layers[i];
	assert_non_null(net);
	return st_flow_key_of(p, net, tl, k);
}

static void
both_ways(const char *there, const char *back, size_t alen)
{
	struct st_flowkey k1, k2;
	int d1, d2;

	craft(&pa, ba, there);
	craft(&pb, bb, back);
	d1 = key_of(&pa, &k1);
	d2 = key_of(&pb, &k2);
	assert_true(d1 >= 0 && d2 >= 0);
	assert_int_not_equal(d1, d2);
	assert_memory_equal(k1.b, k2.b, sizeof(k1.b));
	assert_int_equal(st_flow_alen(&k1), alen);
	/* The smaller end first: side A has the smaller address. */
	assert_true(memcmp(st_flow_addr(&k1, 0), st_flow_addr(&k1, 1),
	    alen) <= 0);
}

static void
test_key_both_ways_ipv4(void **state)
{
	(void)state;
	both_ways("ip(src=198.18.0.9,dst=198.18.0.1)/tcp(sport=40000,dport=80)",
	    "ip(src=198.18.0.1,dst=198.18.0.9)/tcp(sport=80,dport=40000)", 4);
	both_ways("ip(src=198.18.0.1,dst=198.18.0.9)/udp(sport=53,dport=5353)",
	    "ip(src=198.18.0.9,dst=198.18.0.1)/udp(sport=5353,dport=53)", 4);
}

static void
test_key_both_ways_ipv6(void **state)
{
	struct st_flowkey k;

	(void)state;
	both_ways("ipv6(src=2001:db8::2,dst=2001:db8::1)/tcp(sport=1,dport=2)",
	    "ipv6(src=2001:db8::1,dst=2001:db8::2)/tcp(sport=2,dport=1)", 16);
	/* One address both ways: the ports decide which end is A. */
	craft(&pa, ba, "ipv6(src=::1,dst=::1)/tcp(sport=9000,dport=80)");
	assert_int_equal(key_of(&pa, &k), 1);
	assert_int_equal(st_flow_port(&k, 0), 80);
	assert_int_equal(st_flow_port(&k, 1), 9000);
}

static void
test_key_differs(void **state)
{
	struct st_flowkey k1, k2;

	(void)state;
	craft(&pa, ba, "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=1,dport=2)");
	craft(&pb, bb, "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=1,dport=3)");
	key_of(&pa, &k1);
	key_of(&pb, &k2);
	assert_memory_not_equal(k1.b, k2.b, sizeof(k1.b));
	/* Addresses of different lengths make no key. */
	assert_int_equal(st_flow_key_raw(ba, bb, 17, 1, 2, &k1), -1);
}

/* Key number i: 198.18.x.y:i%50000 to 198.19.0.1:80. */
static void
key_n(unsigned i, struct st_flowkey *k)
{
	uint8_t a[4] = { 198, 18, 0, 0 }, b[4] = { 198, 19, 0, 1 };

	a[2] = (uint8_t)(i >> 16);
	a[3] = (uint8_t)(i >> 8);
	st_flow_key_raw(a, b, 4, (uint16_t)(1024 + i % 50000), 80, k);
}

/*
 * Many conversations still going, interleaved: the table grows rather
 * than drop one, so each keeps what was written in it (here the first
 * value), up to a million; none was made room for.
 */
static void
test_many_live(void **state)
{
	struct st_flows *t = NULL;
	struct st_flowkey k;
	struct st_flowent *e;
	uint64_t now = 1, evicted;
	size_t cap;
	unsigned i, round, n = 1000000;
	int made;

	(void)state;
	for (round = 0; round < 2; round++)
		for (i = 0; i < n; i++) {
			key_n(i, &k);
			assert_non_null(e = st_flow_get(&t, &k, now++, &made));
			if (round == 0) {
				assert_true(made);
				e->first[0] = i;
			} else {
				assert_false(made);
				assert_int_equal(e->first[0], i);
			}
		}
	assert_int_equal(st_flows_count(t, &cap, &evicted), n);
	assert_int_equal(evicted, 0);
	assert_true(cap <= ST_FLOW_MAX);
	/* Each slot: its entry and its bucket's 4-byte tag. */
	print_message("%u conversations in a table of %zu: %zu bytes each\n",
	    n, cap, cap * (sizeof(struct st_flowent) + 4) / n);
	st_flows_free(&t);
	assert_null(t);
}

/*
 * First sightings: a million conversations seen once each keep their 20
 * bytes (32 in all) and the packet they came in; seen again, they are
 * found; dropped, they are gone, and none was made room for.
 */
static void
test_once(void **state)
{
	struct st_flows *t = NULL;
	struct st_flowkey k;
	uint64_t when, evicted;
	uint8_t *o;
	unsigned i, n = 1000000;

	(void)state;
	for (i = 0; i < n; i++) {
		key_n(i, &k);
		assert_non_null(o = st_flow_once(&t, &k, i + 1, &when));
		assert_int_equal(when, 0);
		memcpy(o, &i, sizeof(i));
	}
	st_flows_count(t, NULL, &evicted);
	assert_int_equal(evicted, 0);
	for (i = 0; i < n; i++) {
		key_n(i, &k);
		assert_null(st_flow_find(&t, &k, n + i + 1));
		assert_non_null(o = st_flow_once(&t, &k, n + i + 1, &when));
		assert_int_equal(when, i + 1);
		assert_memory_equal(o, &i, sizeof(i));
		if (i % 2 == 0)
			st_flow_once_drop(t, o);
	}
	for (i = 0; i < 1000; i++) {
		key_n(i, &k);
		assert_non_null(st_flow_once(&t, &k, 3 * n, &when));
		assert_int_equal(when, i % 2 == 0 ? 0 : i + 1);
	}
	st_flows_free(&t);
}

/*
 * Closed conversations, and idle ones, make room before the table grows:
 * more than it holds go through, half closed, then the rest long unseen.
 */
static void
test_room(void **state)
{
	struct st_flows *t = NULL;
	struct st_flowkey k;
	struct st_flowent *e;
	uint64_t now = 1, evicted;
	size_t cap0, cap, n;
	unsigned i;
	int made;

	(void)state;
	key_n(0, &k);
	assert_non_null(st_flow_get(&t, &k, now++, &made));
	st_flows_count(t, &cap0, NULL);
	n = cap0 / 2;
	for (i = 1; i < n; i++) {
		key_n(i, &k);
		assert_non_null(e = st_flow_get(&t, &k, now++, &made));
		e->state |= ST_FLOW_CLOSED;
	}
	for (i = n; i < n + cap0 * 6 / 10; i++) {
		key_n(i, &k);
		assert_non_null(st_flow_get(&t, &k, now++, &made));
	}
	st_flows_count(t, &cap, &evicted);
	assert_int_equal(cap, cap0);
	assert_int_equal(evicted, 0);
	/* Those 60%, long unseen: idle. */
	now += ST_FLOW_IDLE;
	for (i = n + cap0; i < n + cap0 + cap0 * 6 / 10; i++) {
		key_n(i, &k);
		assert_non_null(e = st_flow_get(&t, &k, now++, &made));
		assert_true(made);
		assert_false(e->state & ST_FLOW_LATE);
	}
	st_flows_count(t, &cap, &evicted);
	assert_int_equal(cap, cap0);
	assert_int_equal(evicted, 0);
	st_flows_free(&t);
}

/* The numbers cache: a key kept, not replaced when asked to keep. */
static void
test_cache(void **state)
{
	struct st_flows *t = NULL;
	struct st_flowkey k;
	int made;

	(void)state;
	assert_int_equal(st_flows_find(t, 5), 0);
	key_n(1, &k);
	assert_non_null(st_flow_get(&t, &k, 1, &made));
	st_flows_put(t, 0x1234567, 7, 1);
	st_flows_put(t, 0x1234567, 9, 1);
	assert_int_equal(st_flows_find(t, 0x1234567), 7);
	st_flows_put(t, 0x1234567, 9, 0);
	assert_int_equal(st_flows_find(t, 0x1234567), 9);
	assert_int_equal(st_flows_find(t, 0x7654321), 0);
	st_flows_free(&t);
}

/* Packet p as connection i's, from the client (dir 0) or the server. */
static void
as_conn(struct st_packet *p, unsigned i, int dir, uint32_t seq,
    uint32_t ack, uint64_t num)
{
	uint8_t *src, *dst;
	size_t n;

	src = (uint8_t *)(uintptr_t)st_field_bytes(p, field_n(p, "ip.src", 0),
	    &n);
	dst = (uint8_t *)(uintptr_t)st_field_bytes(p, field_n(p, "ip.dst", 0),
	    &n);
	src = dir ? dst : src;
	src[0] = 10;
	src[1] = (uint8_t)(i >> 22);
	src[2] = (uint8_t)(i >> 14);
	src[3] = (uint8_t)(i >> 6);
	((struct st_field *)(uintptr_t)field_n(p, dir ? "tcp.dstport" :
	    "tcp.srcport", 0))->val = 1024 + (i & 63);
	((struct st_field *)(uintptr_t)field_n(p, "tcp.seq_raw", 0))->val = seq;
	((struct st_field *)(uintptr_t)field_n(p, "tcp.ack_raw", 0))->val = ack;
	p->num = num;
}

/*
 * A million TCP connections going at once, interleaved (each one's SYN,
 * then each one's SYN-ACK, then each one's first data): every one keeps
 * its exact relative numbers and first frames, none is dropped.  The
 * table holds them in 36 bytes each and a 4-byte tag (the first
 * sightings in 32), their analysis in at most ST_FLOW_SIDEMAX side blocks
 * of 80: with a million in turn, each one's block has made room for
 * another's by the time it comes back, and its analysis restarts (said on
 * its line).  Peak RSS of this test, run first, 137 MB on x86-64, the
 * first sightings of all million and the table's growth (old and new
 * arrays at once) its peak (230 MB with 96-byte entries holding the
 * analysis, 299 with 128-byte entries, 8 bytes of bucket and the key).
 */
static void
test_many_live_tcp(void **state)
{
	struct st_flows *t = NULL;
	struct st_tcp_rel r;
	struct rusage ru;
	uint64_t evicted, lost;
	unsigned i, n = 1000000, restarted = 0;

	(void)state;
	craft(&pa, ba, "ip(src=10.0.0.1,dst=198.18.0.2)/tcp(sport=1024,"
	    "dport=80,flags=0x002)");
	craft(&pb, bb, "ip(src=198.18.0.2,dst=10.0.0.1)/tcp(sport=80,"
	    "dport=1024,flags=0x012)");
	craft(&pc, bc, "ip(src=10.0.0.1,dst=198.18.0.2)/tcp(sport=1024,"
	    "dport=80,flags=0x018)/\"hello\"");
	for (i = 0; i < n; i++) {
		as_conn(&pa, i, 0, i * 7919u, 0, 1 + i);
		assert_int_equal(st_tcp_rel(&t, &pa, &pa.layers[0],
		    &pa.layers[1], &r), 0);
	}
	for (i = 0; i < n; i++) {
		as_conn(&pb, i, 1, i * 104729u + 5, i * 7919u + 1, n + 1 + i);
		assert_int_equal(st_tcp_rel(&t, &pb, &pb.layers[0],
		    &pb.layers[1], &r), 0);
		assert_int_equal(r.abase, i * 7919u);
		assert_int_equal(r.aframe, 1 + i);
	}
	for (i = 0; i < n; i++) {
		as_conn(&pc, i, 0, i * 7919u + 1, i * 104729u + 6,
		    2 * n + 1 + i);
		assert_int_equal(st_tcp_rel(&t, &pc, &pc.layers[0],
		    &pc.layers[1], &r), 0);
		assert_false(r.first);
		assert_false(r.late);
		assert_int_equal(r.seq - r.sbase, 1);
		assert_int_equal(r.ack - r.abase, 1);
		assert_int_equal(r.sframe, 1 + i);
		assert_int_equal(r.aframe, n + 1 + i);
		assert_int_equal(r.marks, 0);
		restarted += r.restarted;
	}
	st_flows_count(t, NULL, &evicted);
	assert_int_equal(evicted, 0);
	assert_int_equal(st_flows_sides(t, &lost), ST_FLOW_SIDEMAX);
	assert_true(restarted >= n - ST_FLOW_SIDEMAX);
	assert_true(lost >= restarted);
	getrusage(RUSAGE_SELF, &ru);
	print_message("%u live TCP connections: peak RSS %ld MB\n", n,
	    ru.ru_maxrss / 1024);
	st_flows_free(&t);
}

/*
 * Side blocks: one each for ST_FLOW_SIDEMAX conversations at once; one
 * more takes a closed one's first, then the one used longest ago among
 * those the clock hand looks at, whose conversation finds it made again
 * (empty) when it comes back, while the others keep theirs.
 */
static void
test_side(void **state)
{
	struct st_flows *t = NULL;
	struct st_flowkey k;
	struct st_flowent *e;
	unsigned i, n = ST_FLOW_SIDEMAX, *b;
	uint64_t now = 1, lost;
	int made, fresh;

	(void)state;
	for (i = 0; i <= n; i++) {
		key_n(i, &k);
		assert_non_null(e = st_flow_get(&t, &k, now++, &made));
		assert_non_null(b = st_flow_side(t, e, now, &fresh));
		assert_int_equal(fresh, 1);
		if (i < n)
			assert_int_equal(*b, 0);
		*b = i + 1;
		if (i == 20)
			st_flow_side_done(t, e);
	}
	/* One more took 20's block, closed, not one going. */
	assert_int_equal(st_flows_sides(t, &lost), n);
	assert_int_equal(lost, 0);
	/* 20 comes back: its block made again, from the one used longest
	 * ago of those the hand looks at next (21's, going); then 21. */
	for (i = 20; i <= 21; i++) {
		key_n(i, &k);
		assert_non_null(e = st_flow_find(&t, &k, now++));
		assert_non_null(b = st_flow_side(t, e, now, &fresh));
		assert_int_equal(fresh, 2);
		assert_int_equal(*b, 0);
		st_flows_sides(t, &lost);
		assert_int_equal(lost, i - 19);
	}
	/* The others keep theirs (but 22, whose block 21 took). */
	for (i = 0; i <= n; i += i < 25 ? 1 : 997) {
		if (i >= 20 && i <= 22)
			continue;
		key_n(i, &k);
		assert_non_null(e = st_flow_find(&t, &k, now++));
		assert_non_null(b = st_flow_side(t, e, now, &fresh));
		assert_int_equal(fresh, 0);
		assert_int_equal(*b, i + 1);
	}
	st_flows_free(&t);
}

/* A handshake and a data segment: tcpdump's relative numbers. */
static void
test_relative_seq(void **state)
{
	struct st_flows *t = NULL;
	struct st_tcp_rel r;
	const struct st_layer *net, *tl;

	(void)state;
	craft(&pa, ba, "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=40000,"
	    "dport=80,seq=1000,flags=0x002)");
	craft(&pb, bb, "ip(src=198.18.0.2,dst=198.18.0.1)/tcp(sport=80,"
	    "dport=40000,seq=5000,ack=1001,flags=0x012)");
	craft(&pc, bc, "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=40000,"
	    "dport=80,seq=1001,ack=5001,flags=0x018)/\"hello\"");
	pa.num = 1;
	pb.num = 2;
	pc.num = 3;

	net = &pa.layers[0];
	tl = &pa.layers[1];
	assert_int_equal(st_tcp_rel(&t, &pa, net, tl, &r), 0);
	assert_true(r.first);
	assert_int_equal(r.seq, 1000);
	assert_int_equal(r.sbase, 1000);
	assert_int_equal(r.sframe, 1);
	assert_int_equal(r.aframe, 0);

	assert_int_equal(st_tcp_rel(&t, &pb, &pb.layers[0], &pb.layers[1],
	    &r), 0);
	assert_true(r.first);
	assert_int_equal(r.sbase, 5000);
	assert_int_equal(r.abase, 1000);
	assert_int_equal(r.aframe, 1);

	assert_int_equal(st_tcp_rel(&t, &pc, &pc.layers[0], &pc.layers[1],
	    &r), 0);
	assert_false(r.first);
	assert_int_equal(r.seq - r.sbase, 1);
	assert_int_equal(r.ack - r.abase, 1);
	assert_int_equal(r.sframe, 1);
	assert_int_equal(r.aframe, 2);

	/* No sequence number (not TCP): -1, the table untouched. */
	craft(&pa, ba, "ip(src=198.18.0.1,dst=198.18.0.2)/udp(sport=1,dport=2)");
	assert_int_equal(st_tcp_rel(&t, &pa, &pa.layers[0], &pa.layers[1],
	    &r), -1);
	st_flows_free(&t);
}

/* The quote view's text for the ICMP error err after the packet sent. */
static const char *
quote_of(const char *sent, const char *err)
{
	static struct st_out o;
	struct st_vctx v;

	memset(&v, 0, sizeof(v));
	st_out_mem(&o);
	craft(&pa, ba, sent);
	craft(&pb, bb, err);
	pa.num = 1;
	pb.num = 2;
	st_view_quote.packet(&o, &pa, &v);
	st_view_quote.packet(&o, &pb, &v);
	st_vctx_free(&v);
	o.buf[o.n < sizeof(o.buf) ? o.n : sizeof(o.buf) - 1] = '\0';
	return o.buf;
}

/* The quote view tells TCP segments apart by their sequence numbers. */
static void
test_quote_tcp_seq(void **state)
{
	const char *sent = "ip(src=198.18.0.1,dst=198.18.0.2)/tcp(sport=40000,"
	    "dport=80,seq=1000)";

	const char *t;

	(void)state;
	t = quote_of(sent, "ip(src=198.18.0.9,dst=198.18.0.1)/icmp(type="
	    "time-exceeded)/ip(src=198.18.0.1,dst=198.18.0.2,ttl=1)/tcp("
	    "sport=40000,dport=80,seq=1000)");
	assert_non_null(strstr(t, "frame 1, sent"));
	/* ip.ttl, found by name: the hop count's reason. */
	assert_non_null(strstr(t, "63 routers forwarded it"));
	assert_non_null(strstr(t, "recomputed by each router after the TTL"));
	assert_non_null(strstr(quote_of(sent, "ip(src=198.18.0.9,"
	    "dst=198.18.0.1)/icmp(type=time-exceeded)/ip(src=198.18.0.1,"
	    "dst=198.18.0.2,ttl=1)/tcp(sport=40000,dport=80,seq=2000)"),
	    "not in this capture"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_live_tcp),
		cmocka_unit_test(test_key_both_ways_ipv4),
		cmocka_unit_test(test_key_both_ways_ipv6),
		cmocka_unit_test(test_key_differs),
		cmocka_unit_test(test_many_live),
		cmocka_unit_test(test_once),
		cmocka_unit_test(test_room),
		cmocka_unit_test(test_cache),
		cmocka_unit_test(test_side),
		cmocka_unit_test(test_relative_seq),
		cmocka_unit_test(test_quote_tcp_seq),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
