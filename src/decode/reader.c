/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The reader: records from a capture file, standard input or a live
 * handle, filtered, numbered and timed; and the one step from a record to
 * a decoded packet.
 */
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/reader.h"
#include "pcapng.h"

#define NG_SNAP		262144	/* the dead handles' snapshot length */
#define NG_LTS		16	/* link types one file's filter serves */

/* The filter compiled for one link type of a pcapng file. */
struct st_ltprog {
	int			 lt;
	struct bpf_program	 prog;
};

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

/* A pcapng file, read by strata's own reader. */
static int
open_ng(struct st_reader *r, FILE *fp, char *why,
    size_t n)
{
	struct st_pcapng *g;
	int lt;

	if ((g = st_pcapng_open(fp, why, n)) == NULL) {
		if (fp != stdin)
			fclose(fp);
		return -2;
	}
	lt = st_pcapng_first_lt(g);
	r->ng = g;
	r->lt = lt >= 0 ? lt : DLT_EN10MB;
	/* A handle for what asks one of any reader (pcap_snapshot, -f). */
	if ((r->p = pcap_open_dead(r->lt, NG_SNAP)) == NULL) {
		snprintf(why, n, "out of memory");
		st_pcapng_close(g);
		r->ng = NULL;
		return -2;
	}
	st_decode_forget();
	return 0;
}

int
st_reader_fopen(struct st_reader *r, FILE *fp, const char *path, char *why,
    size_t n)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_t *p;
	int c;

	reader_init(r, NULL, path);
	/*
	 * One thread reads a file (see ring.c), so stdio need not lock for
	 * each of libpcap's two reads a packet; and a larger buffer makes
	 * fewer system calls.
	 */
	__fsetlocking(fp, FSETLOCKING_BYCALLER);
	setvbuf(fp, NULL, _IOFBF, 256 * 1024);
	/*
	 * pcapng's magic begins with 0x0A, no classic pcap's does: one byte
	 * read and pushed back tells them apart, even on standard input.
	 */
	if ((c = getc(fp)) != EOF && ungetc(c, fp) == 0x0A)
		return open_ng(r, fp, why, n);
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
	st_decode_forget();
	return 0;
}

void
st_reader_live(struct st_reader *r, pcap_t *p, const char *name)
{
	reader_init(r, p, name);
	r->live = 1;
}

/*
 * The filter for link type lt, compiled on a dead handle the first time a
 * record of that type comes: NULL with r->err when it will not compile.
 */
static const struct bpf_program *
ng_prog(struct st_reader *r, int lt)
{
	struct st_ltprog *l;
	pcap_t *pd;
	unsigned i;

	for (i = 0; i < r->nlts; i++)
		if (r->lts[i].lt == lt)
			return &r->lts[i].prog;
	if (r->lts == NULL && (r->lts = calloc(NG_LTS, sizeof(*l))) == NULL) {
		snprintf(r->err, sizeof(r->err), "out of memory");
		return NULL;
	}
	if (r->nlts == NG_LTS) {
		snprintf(r->err, sizeof(r->err), "more than %d link types to "
		    "filter", NG_LTS);
		return NULL;
	}
	l = &r->lts[r->nlts];
	if ((pd = pcap_open_dead(lt, NG_SNAP)) == NULL) {
		snprintf(r->err, sizeof(r->err), "out of memory");
		return NULL;
	}
	if (pcap_compile(pd, &l->prog, r->expr, 1, PCAP_NETMASK_UNKNOWN) != 0) {
		snprintf(r->err, sizeof(r->err), "%s", pcap_geterr(pd));
		pcap_close(pd);
		return NULL;
	}
	pcap_close(pd);
	l->lt = lt;
	r->nlts++;
	return &l->prog;
}

static int
ng_filter(struct st_reader *r, const char *expr, char *why, size_t n)
{
	if (r->expr != NULL || (r->expr = strdup(expr)) == NULL) {
		snprintf(why, n, r->expr != NULL ? "a filter is set already" :
		    "out of memory");
		return -1;
	}
	/* Said now, for the first link type, when the text is wrong. */
	if (ng_prog(r, r->lt) == NULL) {
		snprintf(why, n, "%s", r->err);
		r->err[0] = '\0';
		free(r->expr);
		r->expr = NULL;
		return -1;
	}
	r->have_prog = 1;
	return 0;
}

int
st_reader_filter(struct st_reader *r, const char *expr, char *why, size_t n)
{
	if (r->ng != NULL)
		return ng_filter(r, expr, why, n);
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

/* Numbers, times and ticks the record just read. */
static void
count(struct st_reader *r)
{
	r->rec.num = ++r->num;
	if (r->num == 1)
		r->first = r->rec.ts;
	if (r->tick != NULL && (r->num & (ST_READER_TICK - 1)) == 0)
		r->tick(r->tick_arg, r->num);
}

/* st_reader_next for a pcapng file. */
static int
ng_next(struct st_reader *r)
{
	const struct bpf_program *pr;
	struct pcap_pkthdr h;

	while ((r->rc = st_pcapng_next(r->ng, &r->rec)) == 1) {
		count(r);
		if (!r->have_prog)
			return 1;
		if ((pr = ng_prog(r, r->rec.lt)) == NULL)
			return r->rc = -1;
		memset(&h, 0, sizeof(h));
		h.caplen = r->rec.caplen;
		h.len = r->rec.len;
		if (r->defer || pcap_offline_filter(pr, &h, r->rec.data))
			return 1;
		if (r->hidden != NULL)
			r->hidden(r->hidden_arg, &r->rec);
	}
	return r->rc;
}

int
st_reader_next(struct st_reader *r)
{
	struct pcap_pkthdr *h;
	const u_char *data;

	if (r->ng != NULL)
		return ng_next(r);
	while ((r->rc = pcap_next_ex(r->p, &h, &data)) == 1) {
		r->rec.data = data;
		r->rec.caplen = h->caplen;
		r->rec.len = h->len;
		r->rec.ts.tv_sec = h->ts.tv_sec;
		r->rec.ts.tv_nsec = h->ts.tv_usec;	/* nanoseconds: see open */
		r->rec.lt = r->lt;
		count(r);
		if (!r->have_prog || r->defer ||
		    pcap_offline_filter(&r->prog, h, data))
			return 1;
		if (r->hidden != NULL)
			r->hidden(r->hidden_arg, &r->rec);
	}
	if (r->rc == PCAP_ERROR_BREAK)
		r->rc = -2;
	return r->rc;
}

int
st_reader_match(struct st_reader *r, int lt, const uint8_t *data,
    size_t caplen, size_t len)
{
	const struct bpf_program *pr = &r->prog;
	struct pcap_pkthdr h;

	if (!r->have_prog)
		return 1;
	if (r->ng != NULL && (pr = ng_prog(r, lt)) == NULL)
		return 0;
	if (r->ng == NULL && lt != r->lt)
		return 0;
	memset(&h, 0, sizeof(h));
	h.caplen = (bpf_u_int32)caplen;
	h.len = (bpf_u_int32)len;
	return pcap_offline_filter(pr, &h, data) != 0;
}

const char *
st_reader_error(const struct st_reader *r)
{
	if (r->ng != NULL)
		return r->err[0] != '\0' ? r->err : st_pcapng_error(r->ng);
	return pcap_geterr(r->p);
}

FILE *
st_reader_file(const struct st_reader *r)
{
	if (r->ng != NULL)
		return st_pcapng_file(r->ng);
	return r->live || r->p == NULL ? NULL : pcap_file(r->p);
}

void
st_reader_close(struct st_reader *r)
{
	unsigned i;

	if (r->p == NULL)
		return;
	if (r->ng != NULL) {
		for (i = 0; i < r->nlts; i++)
			pcap_freecode(&r->lts[i].prog);
		free(r->lts);
		free(r->expr);
		st_pcapng_close(r->ng);
		r->ng = NULL;
	} else if (r->have_prog)
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
