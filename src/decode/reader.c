/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The reader: records from a capture file, standard input or a live
 * handle, filtered, numbered and timed; and the one step from a record to
 * a decoded packet.
 */
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/expect.h"
#include "strata/match.h"
#include "strata/reader.h"

void
st_record_bytes(struct st_record *rec, const void *data, size_t n, int lt,
    const struct timespec *ts)
{
	memset(rec, 0, sizeof(*rec));
	rec->data = data;
	rec->caplen = (uint32_t)n;
	rec->len = (uint32_t)n;
	rec->lt = lt;
	if (ts != NULL)
		rec->ts = *ts;
}

unsigned
st_decode_frame(struct st_packet *pkt, const struct st_record *rec, int lite)
{
	st_pkt_reset(pkt, rec->data, rec->caplen, rec->len);
	pkt->lite = lite;
	pkt->num = rec->num;
	pkt->ts = rec->ts;
	return st_decode_ra(pkt, rec->lt, rec->reasm);
}

static void
reader_init(struct st_reader *r, pcap_t *p, const char *name)
{
	memset(r, 0, sizeof(*r));
	r->p = p;
	r->name = name;
	r->lt = p != NULL ? pcap_datalink(p) : 0;
}

int
st_reader_open(struct st_reader *r, const char *path, char *why, size_t n)
{
	FILE *fp;
	int e;

	reader_init(r, NULL, path);
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		e = errno;
		snprintf(why, n, "%s", strerror(e));
		errno = e;
		return -1;
	}
	return st_reader_fopen(r, fp, path, why, n);
}

int
st_reader_fopen(struct st_reader *r, FILE *fp, const char *path, char *why,
    size_t n)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *p;

	reader_init(r, NULL, path);
	/*
	 * One thread reads a file (see ring.c), so stdio need not lock for
	 * each of libpcap's two reads a packet; and a larger buffer makes
	 * fewer system calls.
	 */
	__fsetlocking(fp, FSETLOCKING_BYCALLER);
	setvbuf(fp, NULL, _IOFBF, 256 * 1024);
	errbuf[0] = '\0';
	p = pcap_fopen_offline_with_tstamp_precision(fp,
	    PCAP_TSTAMP_PRECISION_NANO, errbuf);
	if (p == NULL) {
		snprintf(why, n, "%s", errbuf[0] == '\0' ||
		    strstr(errbuf, "unknown file format") != NULL ?
		    "not a pcap or pcapng file" : errbuf);
		if (fp != stdin)
			fclose(fp);
		return -2;
	}
	reader_init(r, p, path);
	/* Conversations one capture announced are not another's. */
	st_expect_clear();
	st_match_clear();
	return 0;
}

void
st_reader_live(struct st_reader *r, pcap_t *p, const char *name)
{
	reader_init(r, p, name);
	r->live = 1;
}

int
st_reader_filter(struct st_reader *r, const char *expr, char *why, size_t n)
{
	if (pcap_compile(r->p, &r->prog, expr, 1, PCAP_NETMASK_UNKNOWN) != 0) {
		snprintf(why, n, "%s", pcap_geterr(r->p));
		return -1;
	}
	if (!r->live) {
		r->have_prog = 1;
		return 0;
	}
	/* Live, the kernel filters: only matching packets come up. */
	if (pcap_setfilter(r->p, &r->prog) != 0) {
		snprintf(why, n, "%s", pcap_geterr(r->p));
		pcap_freecode(&r->prog);
		return -2;
	}
	pcap_freecode(&r->prog);
	return 0;
}

int
st_reader_next(struct st_reader *r)
{
	struct pcap_pkthdr *h;
	const u_char *data;

	while ((r->rc = pcap_next_ex(r->p, &h, &data)) == 1) {
		r->rec.data = data;
		r->rec.caplen = h->caplen;
		r->rec.len = h->len;
		r->rec.ts.tv_sec = h->ts.tv_sec;
		r->rec.ts.tv_nsec = h->ts.tv_usec;	/* nanoseconds: see open */
		r->rec.lt = r->lt;
		r->rec.num = ++r->num;
		if (r->num == 1)
			r->first = r->rec.ts;
		if (r->tick != NULL && (r->num & (ST_READER_TICK - 1)) == 0)
			r->tick(r->tick_arg, r->num);
		if (!r->have_prog || pcap_offline_filter(&r->prog, h, data))
			return 1;
		if (r->hidden != NULL)
			r->hidden(r->hidden_arg, &r->rec);
	}
	if (r->rc == PCAP_ERROR_BREAK)
		r->rc = -2;
	return r->rc;
}

const char *
st_reader_error(const struct st_reader *r)
{
	return pcap_geterr(r->p);
}

FILE *
st_reader_file(const struct st_reader *r)
{
	return r->live || r->p == NULL ? NULL : pcap_file(r->p);
}

void
st_reader_close(struct st_reader *r)
{
	if (r->p == NULL)
		return;
	if (r->have_prog)
		pcap_freecode(&r->prog);
	pcap_close(r->p);
	r->p = NULL;
}

/* Whether time a comes before time b. */
static int
before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec &&
	    a->tv_nsec < b->tv_nsec);
}

void
st_merge_start(struct st_merge *m, struct st_reader **r, int n)
{
	int i;

	memset(m, 0, sizeof(*m));
	m->r = r;
	m->n = n;
	m->last = -1;
	for (i = 0; i < n; i++)
		if (r[i]->p != NULL)
			st_reader_next(r[i]);
	for (i = 0; i < n; i++)
		if (r[i]->p != NULL && r[i]->num > 0 && (!m->have_first ||
		    before(&r[i]->first, &m->first))) {
			m->first = r[i]->first;
			m->have_first = 1;
		}
}

struct st_reader *
st_merge_next(struct st_merge *m)
{
	int i, best = -1;

	if (m->last >= 0)
		st_reader_next(m->r[m->last]);
	for (i = 0; i < m->n; i++)
		if (m->r[i]->p != NULL && m->r[i]->rc == 1 && (best < 0 ||
		    before(&m->r[i]->rec.ts, &m->r[best]->rec.ts)))
			best = i;
	m->last = best;
	return best < 0 ? NULL : m->r[best];
}
