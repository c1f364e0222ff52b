/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The reader and the two-thread ring: every record comes out once, in
 * order, numbered as read, decoded as on one thread, whichever way the
 * ring goes (two threads, alone, switching) and wherever it is stopped.
 */
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/reader.h"
#include "strata/ring.h"

#define NPKT	3000

static char path[64];

/* An IPv4/UDP packet whose source port is i: which one, when decoded. */
static size_t
udp_packet(uint8_t *b, unsigned i)
{
	static const uint8_t ip[] = {
		0x45, 0, 0, 30, 0, 1, 0, 0, 64, 17, 0, 0,
		198, 18, 0, 1, 198, 18, 0, 2,
	};

	memcpy(b, ip, sizeof(ip));
	b[20] = (uint8_t)(i >> 8);
	b[21] = (uint8_t)i;
	b[22] = 0;
	b[23] = 53;
	b[24] = 0;
	b[25] = 10;
	b[26] = b[27] = 0;
	b[28] = b[29] = 0;
	return 30;
}

/* A capture of NPKT raw IPv4 packets, every tenth one TCP, not UDP. */
static int
setup(void **state)
{
	struct pcap_pkthdr h;
	pcap_dumper_t *d;
	uint8_t b[64];
	pcap_t *p;
	unsigned i;
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/strata-ring-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return -1;
	close(fd);
	p = pcap_open_dead_with_tstamp_precision(DLT_RAW, 65535,
	    PCAP_TSTAMP_PRECISION_NANO);
	if ((d = pcap_dump_open(p, path)) == NULL)
		return -1;
	for (i = 1; i <= NPKT; i++) {
		memset(&h, 0, sizeof(h));
		h.ts.tv_sec = 1000 + i;
		h.ts.tv_usec = (suseconds_t)i;
		h.caplen = h.len = (bpf_u_int32)udp_packet(b, i);
		if (i % 10 == 0)
			b[9] = 6;
		pcap_dump((u_char *)d, &h, b);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

/* What the sink saw. */
struct seen {
	unsigned long long	 n, stop_at;
	unsigned long long	 num[NPKT + 1];
	unsigned		 port[NPKT + 1];
	int			 bad;
};

static void
show(void *arg, struct st_packet *pkt)
{
	struct seen *s = arg;
	const struct st_layer *l;

	if (s->n >= NPKT) {
		s->bad = 1;
		return;
	}
	s->num[s->n] = pkt->num;
	l = pkt->nlayers > 1 ? &pkt->layers[1] : NULL;
	s->port[s->n] = l != NULL && l->off + 2 <= pkt->caplen ?
	    (unsigned)(pkt->data[l->off] << 8 | pkt->data[l->off + 1]) : 0;
	if (pkt->ts.tv_sec != (time_t)(1000 + pkt->num))
		s->bad = 1;
	s->n++;
}

static int
done(void *arg)
{
	struct seen *s = arg;

	return s->stop_at != 0 && s->n >= s->stop_at;
}

/* Runs the ring (or one thread) over the file with switch settings sw. */
static struct seen *
run(const char *sw, const char *filter, unsigned long long most,
    unsigned long long stop_at, int threaded)
{
	static struct seen s;
	struct st_ring_sink sink = { show, done, &s, 1 };
	struct st_reader r;
	char why[256];

	memset(&s, 0, sizeof(s));
	s.stop_at = stop_at;
	if (sw != NULL)
		setenv("STRATA_SWITCH", sw, 1);
	else
		unsetenv("STRATA_SWITCH");
	assert_int_equal(st_reader_open(&r, path, why, sizeof(why)), 0);
	if (filter != NULL)
		assert_int_equal(st_reader_filter(&r, filter, why,
		    sizeof(why)), 0);
	if (threaded)
		assert_int_equal(st_ring_run(&r, most, &sink), 0);
	else {
		setenv("STRATA_THREADS", "0", 1);
		st_ring_decode(&r, most, &sink);
		unsetenv("STRATA_THREADS");
	}
	assert_true(r.rc == 1 || r.rc == -2);
	st_reader_close(&r);
	assert_false(s.bad);
	return &s;
}

/* All of them, in order, each numbered as read and decoded right. */
static void
check_all(const struct seen *s, int filtered)
{
	unsigned long long i, want = 1;

	for (i = 0; i < s->n; i++, want++) {
		if (filtered && want % 10 == 0)
			want++;
		assert_int_equal(s->num[i], want);
		assert_int_equal(s->port[i], want);
	}
	assert_int_equal(s->n, filtered ? NPKT - NPKT / 10 : NPKT);
}

static void
test_one_thread(void **state)
{
	(void)state;
	check_all(run(NULL, NULL, 0, 0, 0), 0);
}

static void
test_two_threads(void **state)
{
	(void)state;
	check_all(run("64,16,32,2", NULL, 0, 0, 1), 0);
}

static void
test_alone(void **state)
{
	(void)state;
	check_all(run("64,16,32,1", NULL, 0, 0, 1), 0);
}

/* Timed, with windows small enough to switch ways many times. */
static void
test_switching(void **state)
{
	(void)state;
	check_all(run("40,7,13,0", NULL, 0, 0, 1), 0);
	check_all(run(NULL, NULL, 0, 0, 1), 0);
}

/* The filter drops every tenth; numbers still count every record. */
static void
test_filter(void **state)
{
	(void)state;
	check_all(run("64,16,32,2", "udp", 0, 0, 1), 1);
	check_all(run(NULL, "udp", 0, 0, 0), 1);
}

/* A count takes the first ones only; done stops at once. */
static void
test_most_and_done(void **state)
{
	struct seen *s;

	(void)state;
	s = run("64,16,32,2", NULL, 77, 0, 1);
	assert_int_equal(s->n, 77);
	assert_int_equal(s->num[76], 77);
	s = run("40,7,13,0", NULL, 0, 1234, 1);
	assert_int_equal(s->n, 1234);
	assert_int_equal(s->num[1233], 1234);
	s = run(NULL, NULL, 0, 5, 0);
	assert_int_equal(s->n, 5);
}

/* A record from bytes decodes as the reader's would. */
static void
test_record_bytes(void **state)
{
	static struct st_packet pkt;
	struct st_record rec;
	struct timespec ts = { 7, 8 };
	uint8_t b[64];
	size_t n = udp_packet(b, 4242);

	(void)state;
	st_record_bytes(&rec, b, n, DLT_RAW, &ts);
	assert_true(st_decode_frame(&pkt, &rec, 0) >= 2);
	assert_int_equal(pkt.caplen, n);
	assert_int_equal(pkt.len, n);
	assert_int_equal(pkt.ts.tv_sec, 7);
	assert_int_equal(pkt.ts.tv_nsec, 8);
	assert_int_equal(pkt.num, 0);
	assert_int_equal(pkt.layers[1].off, 20);
}

/* Two readers merged in time order: on a tie, the first reader's first. */
static void
test_merge(void **state)
{
	static struct st_reader a, b;
	struct st_reader *rd[2] = { &a, &b }, *r;
	struct st_merge m;
	char why[256];
	unsigned long long k = 0;

	(void)state;
	assert_int_equal(st_reader_open(&a, path, why, sizeof(why)), 0);
	assert_int_equal(st_reader_open(&b, path, why, sizeof(why)), 0);
	assert_int_equal(st_reader_filter(&b, "tcp", why, sizeof(why)), 0);
	st_merge_start(&m, rd, 2);
	assert_true(m.have_first);
	assert_int_equal(m.first.tv_sec, 1001);
	while ((r = st_merge_next(&m)) != NULL) {
		k++;
		/* b's tenth follows a's tenth (a reads one ahead). */
		if (r == &b)
			assert_true(a.rc != 1 || a.rec.num == b.rec.num + 1);
		else
			assert_true(b.rc != 1 || a.rec.num <= b.rec.num);
	}
	assert_int_equal(k, NPKT + NPKT / 10);
	st_reader_close(&a);
	st_reader_close(&b);
}

/* What will not open says why, and how. */
static void
test_open_errors(void **state)
{
	struct st_reader r;
	char why[256];

	(void)state;
	assert_int_equal(st_reader_open(&r, "/nonexistent/x.pcap", why,
	    sizeof(why)), -1);
	assert_string_equal(why, "No such file or directory");
	assert_int_equal(st_reader_open(&r, "/etc/passwd", why, sizeof(why)),
	    -2);
	assert_string_equal(why, "not a pcap or pcapng file");
	assert_int_equal(st_reader_open(&r, path, why, sizeof(why)), 0);
	assert_int_equal(st_reader_filter(&r, "no such thing", why,
	    sizeof(why)), -1);
	st_reader_close(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_thread),
		cmocka_unit_test(test_two_threads),
		cmocka_unit_test(test_alone),
		cmocka_unit_test(test_switching),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_most_and_done),
		cmocka_unit_test(test_record_bytes),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_open_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
