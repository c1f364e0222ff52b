/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one way packets come in: a record (bytes, lengths, time, link type,
 * number), read from a capture file, standard input or a live libpcap
 * handle, or made from bytes a socket handed up; then st_decode_frame()
 * turns it into the packet model.  Every command reads through here.
 *
 * The reader prints nothing: it fills why[] or leaves pcap's error for
 * st_reader_error(), and calls the tick hook for a progress bar.
 */
#ifndef STRATA_READER_H
#define STRATA_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <pcap/pcap.h>

#include "strata/model.h"

struct st_defrag;
struct st_pcapng;
struct st_ltprog;

/* One frame as it came: what the decoder needs to know about it. */
struct st_record {
	const uint8_t		*data;
	uint32_t		 caplen;	/* bytes captured */
	uint32_t		 len;		/* bytes on the wire */
	struct timespec		 ts;		/* zero: not known */
	int			 lt;		/* link type, DLT_* */
	unsigned long long	 num;		/* in its source; 0: none */
	struct st_defrag	*reasm;		/* fragments gathered across
						   records, or NULL */
};

/* A record of the n bytes at data (all captured), of link type lt. */
void	st_record_bytes(struct st_record *rec, const void *data, size_t n,
	    int lt, const struct timespec *ts);

/*
 * Decodes rec into pkt: its bytes, number and time, then the layers.
 * lite: only the main fields (for views that read no more).  Returns the
 * number of layers, as st_decode().
 */
unsigned st_decode_frame(struct st_packet *pkt, const struct st_record *rec,
	    int lite);

/*
 * A source of records: a pcap handle, with an optional BPF filter.  A
 * pcapng file is read by strata's own reader (ng); p is then a dead
 * handle of its first interface's link type, and each record carries its
 * own interface's link type (rec.lt may change from one to the next).
 */
struct st_reader {
	pcap_t			*p;
	struct st_pcapng	*ng;
	struct st_ltprog	*lts;		/* ng: the filter, per link type */
	unsigned		 nlts;
	char			*expr;		/* ng: the filter's text */
	char			 err[PCAP_ERRBUF_SIZE];
	const char		*name;
	int			 lt;		/* of the first interface */
	int			 live;		/* a capture, not a file */
	int			 rc;		/* of the last read, as pcap */
	unsigned long long	 num;		/* records read (filter or not) */
	struct timespec		 first;		/* time of record 1 */
	struct st_record	 rec;		/* the last one passed */
	struct bpf_program	 prog;
	int			 have_prog;
	/* The filter compiled but not applied by st_reader_next: its user
	 * asks st_reader_match after decoding (a reassembled datagram may
	 * match where its frame does not). */
	int			 defer;
	/* Optional: called with each record of a file the filter leaves
	 * out, in order, on the thread that reads (so that what follows a
	 * conversation sees all of it; st_ring_decode then uses one thread). */
	void			(*hidden)(void *arg,
				    const struct st_record *rec);
	void			*hidden_arg;
	/* Called every ST_READER_TICK records read: a progress bar. */
	void			(*tick)(void *arg, unsigned long long num);
	void			*tick_arg;
};
#define ST_READER_TICK	1024

/*
 * Opens a pcap or pcapng file for reading ("-": standard input), with
 * nanosecond times.  Returns 0; -1 when the file will not open (errno
 * set, why its text), -2 when it is not a capture (why says what).
 */
int	st_reader_open(struct st_reader *r, const char *path, char *why,
	    size_t n);
/*
 * The same from fp, a file opened earlier (before privileges were given
 * up): its first byte is read here.  fp is closed by st_reader_close, or
 * here on failure (-2).
 */
int	st_reader_fopen(struct st_reader *r, FILE *fp, const char *path,
	    char *why, size_t n);
/* Reads from a live handle p (st_cap_open); closing r closes p. */
void	st_reader_live(struct st_reader *r, pcap_t *p, const char *name);
/*
 * Keeps only records matching a BPF filter: in the kernel for a live
 * handle, here for a file.  0; -1 with why for a bad filter, -2 with why
 * when the kernel would not take it.
 */
int	st_reader_filter(struct st_reader *r, const char *expr, char *why,
	    size_t n);
/* Whether bytes data (caplen of len, link type lt) match r's filter
 * (1 when it has none). */
int	st_reader_match(struct st_reader *r, int lt, const uint8_t *data,
	    size_t caplen, size_t len);

/*
 * Reads the next record that passes the filter into r->rec: 1; 0 when a
 * live handle has none yet; -2 at the end of a file; -1 on an error
 * (st_reader_error says it).  Also in r->rc.
 */
int	st_reader_next(struct st_reader *r);
const char *st_reader_error(const struct st_reader *r);
/* The open file, for a progress bar's position (NULL if live). */
FILE	*st_reader_file(const struct st_reader *r);
void	st_reader_close(struct st_reader *r);

/*
 * Several readers read as one, in time order (on a tie, the earlier
 * reader's first): st_merge_start reads one record ahead in each open
 * reader (p not NULL), st_merge_next returns the reader holding the
 * earliest, whose r->rec the caller takes before asking again, or NULL
 * when all are done.  first is the time of the earliest first record.
 */
struct st_merge {
	struct st_reader	**r;
	int			 n;
	int			 last;		/* returned last; -1: none */
	struct timespec		 first;
	int			 have_first;
};
void	st_merge_start(struct st_merge *m, struct st_reader **r, int n);
struct st_reader *st_merge_next(struct st_merge *m);

#endif /* STRATA_READER_H */
