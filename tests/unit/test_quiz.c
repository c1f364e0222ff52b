/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Quiz answers checked against the decoder and against arithmetic of the
 * test's own: over every packet of the bundled captures, each question a
 * packet can ask has the answer its bytes give (ip.len as header plus the
 * layer carried, the header length as where the next layer starts, the
 * checksum recomputed, the type byte), and answers are parsed as a
 * student writes them.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>

#include <pcap/pcap.h>

#include "strata/cksum.h"
#include "strata/craft.h"
#include "strata/quiz.h"

static unsigned asked[ST_Q_NKINDS];

static void
cross_check(const struct st_quiz_q *q, const struct st_packet *p)
{
	const struct st_layer *ly = q->ly, *nx = ly + 1;
	uint8_t hdr[60];
	char text[32];
	uint32_t s;

	switch (q->kind) {
	case ST_Q_IPLEN:
		assert_int_equal(q->answer, ly->hdr_len + nx->len);
		break;
	case ST_Q_IHL:
		assert_int_equal(q->answer, nx->off - ly->off);
		assert_int_equal(q->answer, (p->data[ly->off] & 15) * 4);
		break;
	case ST_Q_IPCKSUM:
		memcpy(hdr, p->data + ly->off, ly->hdr_len);
		hdr[10] = hdr[11] = 0;
		s = st_cksum_add(0, hdr, ly->hdr_len);
		assert_int_equal(q->answer, st_cksum_finish(s));
		break;
	case ST_Q_FRAG:
		assert_int_equal(q->answer, ((p->data[ly->off + 6] & 0x1f) << 8 |
		    p->data[ly->off + 7]) * 8);
		break;
	case ST_Q_TCPSEQ:
		assert_int_equal(q->answer, (uint32_t)(q->rel.seq -
		    q->rel.sbase));
		break;
	default:
		assert_int_equal(q->answer, p->data[ly->off]);
		break;
	}
	snprintf(text, sizeof(text), " %llu \n", (unsigned long long)q->answer);
	assert_int_equal(st_quiz_check(q, text), 1);
	snprintf(text, sizeof(text), "%llu", (unsigned long long)q->answer + 1);
	assert_int_equal(st_quiz_check(q, text), 0);
	asked[q->kind]++;
}

static void
test_bundled_captures(void **state)
{
	static struct st_packet pkt;
	static struct st_vctx v;
	char errbuf[PCAP_ERRBUF_SIZE], path[512];
	struct pcap_pkthdr *h;
	const u_char *d;
	struct st_quiz_q q;
	struct dirent *e;
	DIR *dir;
	pcap_t *p;
	int k;

	(void)state;
	assert_non_null(dir = opendir("captures"));
	while ((e = readdir(dir)) != NULL) {
		if (strstr(e->d_name, ".pcap") == NULL)
			continue;
		snprintf(path, sizeof(path), "captures/%s", e->d_name);
		assert_non_null(p = pcap_open_offline(path, errbuf));
		memset(&v, 0, sizeof(v));
		while (pcap_next_ex(p, &h, &d) == 1) {
			st_pkt_reset(&pkt, d, h->caplen, h->len);
			pkt.num++;
			st_decode(&pkt, pcap_datalink(p));
			for (k = 0; k < ST_Q_NKINDS; k++)
				if (st_quiz_make(&q, (enum st_quiz_kind)k, &pkt,
				    &v) == 0)
					cross_check(&q, &pkt);
		}
		st_vctx_free(&v);
		pcap_close(p);
	}
	closedir(dir);
	assert_true(asked[ST_Q_IPLEN] > 10);
	assert_true(asked[ST_Q_IPCKSUM] > 10);
	assert_true(asked[ST_Q_TCPSEQ] > 5);
	assert_true(asked[ST_Q_ICMPTYPE] > 2);
}

static const struct st_packet *
crafted(const char *spec)
{
	static uint8_t buf[ST_PKT_MAX];

	return craft(&tpkt, buf, spec);
}

static void
test_fragment_and_options(void **state)
{
	static struct st_vctx v;
	struct st_quiz_q q;
	const struct st_packet *p;

	(void)state;
	p = crafted("ip(dst=127.0.0.1,frag=185,mf=1)/hex:0102030405060708");
	assert_int_equal(st_quiz_make(&q, ST_Q_FRAG, p, &v), 0);
	assert_int_equal(q.answer, 1480);
	cross_check(&q, p);
	/* Not a fragment: nothing to ask. */
	p = crafted("ip(dst=127.0.0.1)/udp(dport=9)");
	assert_int_equal(st_quiz_make(&q, ST_Q_FRAG, p, &v), -1);
	/* Options: router alert makes a header of 24 bytes. */
	p = crafted("ip(dst=127.0.0.1,options=ra)/udp(dport=9)");
	assert_int_equal(st_quiz_make(&q, ST_Q_IHL, p, &v), 0);
	assert_int_equal(q.answer, 24);
	cross_check(&q, p);
}

static void
test_answers_as_written(void **state)
{
	static struct st_vctx v;
	struct st_quiz_q q;
	const struct st_packet *p;
	char hex[16];

	(void)state;
	p = crafted("ip(dst=127.0.0.1)/icmp(type=time-exceeded)/ip()/udp()");
	assert_int_equal(st_quiz_make(&q, ST_Q_ICMPTYPE, p, &v), 0);
	assert_int_equal(st_quiz_check(&q, "11"), 1);
	assert_int_equal(st_quiz_check(&q, "Time Exceeded"), 1);
	assert_int_equal(st_quiz_check(&q, "echo reply"), 0);
	assert_int_equal(st_quiz_check(&q, ""), -1);
	assert_int_equal(st_quiz_make(&q, ST_Q_IPCKSUM, p, &v), 0);
	snprintf(hex, sizeof(hex), "0x%04llx", (unsigned long long)q.answer);
	assert_int_equal(st_quiz_check(&q, hex), 1);
	assert_int_equal(st_quiz_check(&q, hex + 2), 1);	/* bare hex */
	assert_int_equal(st_quiz_check(&q, "zz"), -1);
	/* Usual slips get a hint. */
	assert_int_equal(st_quiz_make(&q, ST_Q_ICMPTYPE, p, &v), 0);
	assert_null(st_quiz_hint(&q, "3"));
	p = crafted("ip(dst=127.0.0.1)/icmp(type=echo-request)");
	assert_int_equal(st_quiz_make(&q, ST_Q_ICMPTYPE, p, &v), 0);
	assert_non_null(strstr(st_quiz_hint(&q, "0"), "8 asks"));
	assert_int_equal(st_quiz_make(&q, ST_Q_IHL, p, &v), 0);
	assert_non_null(strstr(st_quiz_hint(&q, "5"), "32-bit words"));
	assert_int_equal(st_quiz_make(&q, ST_Q_IPLEN, p, &v), 0);
	assert_non_null(strstr(st_quiz_hint(&q, "8"), "counts the IPv4"));
	/* The IPv4 checksum of a crafted packet the sender left to the
	 * kernel (0) cannot be asked: the packet holds no right answer. */
	p = crafted("ip(dst=127.0.0.1,chksum=0)/udp()");
	assert_int_equal(st_quiz_make(&q, ST_Q_IPCKSUM, p, &v), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled_captures),
		cmocka_unit_test(test_fragment_and_options),
		cmocka_unit_test(test_answers_as_written),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
