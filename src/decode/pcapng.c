/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pcapng (draft-ietf-opsawg-pcapng): a file is sections, each a Section
 * Header Block, its Interface Description Blocks and the packets they
 * describe.  libpcap refuses interfaces of different snapshot lengths or
 * link types in one file; Wireshark reads them, and so does this.
 *
 *   block:  type (32) | total length (32) | body ... | total length (32)
 *
 * A block is read whole (at most ST_PCAPNG_MAXBLOCK bytes) into one
 * buffer, its two lengths compared, then its body read through the
 * cursor.  Blocks other than SHB, IDB, EPB, SPB and the obsolete Packet
 * Block are skipped by their length.
 */
#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>

#include "strata/cursor.h"
#include "pcapng.h"

enum {
	B_PB = 2, B_IDB = 1, B_SPB = 3, B_EPB = 6
};
#define NG_MAXIF	(1U << 20)	/* interfaces a section may describe */

struct ng_if {
	int		 lt;		/* DLT_* */
	uint32_t	 snaplen;	/* 0: none */
	int		 pow2;		/* units are 2^-exp s, not 10^-exp */
	unsigned	 exp;
	int64_t		 off;		/* seconds added (if_tsoffset) */
};

struct st_pcapng {
	FILE			*fp;
	uint8_t			*buf;		/* the block read last, whole */
	size_t			 cap;
	uint32_t		 type, len;	/* its type and length */
	unsigned long long	 at;		/* its offset in the file */
	unsigned long long	 next;		/* the next block's offset */
	int			 pending;	/* read, not yet handled */
	int			 perr;		/* an error met reading ahead */
	int			 be;		/* the section is big-endian */
	struct ng_if		*ifs;
	unsigned		 nif, aif;
	int			 lt0;
	char			 err[256];
};

static uint32_t
g32(const struct st_pcapng *g, struct st_cur *c)
{
	return g->be ? st_get_be32(c) : st_get_le32(c);
}

static uint16_t
g16(const struct st_pcapng *g, struct st_cur *c)
{
	return g->be ? st_get_be16(c) : st_get_le16(c);
}

static uint32_t
raw32(const struct st_pcapng *g, const uint8_t *p)
{
	struct st_cur c = st_cur_make(p, 4);

	return g32(g, &c);
}

/* An error about the block just read; -1. */
static int
bad(struct st_pcapng *g, const char *what)
{
	snprintf(g->err, sizeof(g->err), "block of %u bytes at offset %llu: "
	    "%s", g->len, g->at, what);
	return -1;
}

/* n bytes into buf at off; 0, -2 at a clean end, -1 when the file is cut. */
static int
fill(struct st_pcapng *g, size_t off, size_t n, int eof_ok)
{
	size_t got = fread(g->buf + off, 1, n, g->fp);

	g->next += got;
	if (got == n)
		return 0;
	if (got == 0 && eof_ok && !ferror(g->fp))
		return -2;
	/* As libpcap says it (and so decode says it as before). */
	snprintf(g->err, sizeof(g->err), "truncated pcapng dump file; tried "
	    "to read %zu bytes, only got %zu", n, got);
	return -1;
}

static int
grow(struct st_pcapng *g, size_t n)
{
	uint8_t *p;

	if (n <= g->cap)
		return 0;
	if ((p = realloc(g->buf, n)) == NULL) {
		snprintf(g->err, sizeof(g->err), "out of memory");
		return -1;
	}
	g->buf = p;
	g->cap = n;
	return 0;
}

/* A Section Header Block's byte order, from its magic at buf + 8. */
static int
byte_order(struct st_pcapng *g)
{
	const uint8_t *m = g->buf + 8;

	if (m[0] == 0x4D && m[1] == 0x3C && m[2] == 0x2B && m[3] == 0x1A)
		g->be = 0;
	else if (m[0] == 0x1A && m[1] == 0x2B && m[2] == 0x3C && m[3] == 0x4D)
		g->be = 1;
	else {
		snprintf(g->err, sizeof(g->err), "section header at offset "
		    "%llu: byte-order magic %02x%02x%02x%02x", g->at, m[0], m[1],
		    m[2], m[3]);
		return -1;
	}
	return 0;
}

/* Reads the next block whole into buf: 0, -2 at the end, -1. */
static int
read_block(struct st_pcapng *g)
{
	size_t head = 8;
	int rc;

	g->at = g->next;
	if (grow(g, 4096) != 0)
		return -1;
	if ((rc = fill(g, 0, 8, 1)) != 0)
		return rc;
	g->len = 0;
	if (raw32(g, g->buf) == ST_PCAPNG_MAGIC) {
		/* A new section: its own byte order, read before its length. */
		if ((rc = fill(g, 8, 4, 0)) != 0 || byte_order(g) != 0)
			return -1;
		head = 12;
	}
	g->type = raw32(g, g->buf);
	g->len = raw32(g, g->buf + 4);
	if (g->len % 4 != 0)
		return bad(g, "length not a multiple of 4");
	if (g->len < 12 || (head == 12 && g->len < 28))
		return bad(g, "shorter than a block's header");
	if (g->len > ST_PCAPNG_MAXBLOCK)
		return bad(g, "longer than 16 MiB");
	if (grow(g, g->len) != 0 || fill(g, head, g->len - head, 0) != 0)
		return -1;
	if (raw32(g, g->buf + g->len - 4) != g->len)
		return bad(g, "its trailing length differs");
	return 0;
}

/* The link types pcapng files use that libpcap's DLT_* number otherwise. */
static int
dlt_of(uint16_t linktype)
{
	switch (linktype) {
	case 100: return DLT_ATM_RFC1483;
	case 101: return DLT_RAW;
	case 102: return DLT_SLIP_BSDOS;
	case 103: return DLT_PPP_BSDOS;
	case 106: return DLT_ATM_CLIP;
	default: return linktype;
	}
}

static int
on_shb(struct st_pcapng *g)
{
	struct st_cur c = st_cur_make(g->buf + 12, g->len - 16);
	uint16_t major;

	major = g16(g, &c);
	if (c.err != ST_OK || major != 1)
		return bad(g, "section header of a version other than 1");
	g->nif = 0;	/* a section's interfaces are its own */
	return 0;
}

/* An IDB's options: if_tsresol and if_tsoffset; 0 or -1. */
static int
idb_options(struct st_pcapng *g, struct st_cur *c, struct ng_if *f)
{
	uint16_t code, olen;
	const uint8_t *v;

	while (st_cur_left(c) >= 4) {	/* each turn takes 4 bytes at least */
		code = g16(g, c);
		olen = g16(g, c);
		if (code == 0)
			break;
		if ((v = st_get_bytes(c, olen)) == NULL)
			return bad(g, "an interface option runs past the block");
		st_cur_skip(c, (4 - olen % 4) % 4);
		if (code == 9 && olen >= 1) {
			f->pow2 = (v[0] & 0x80) != 0;
			f->exp = v[0] & 0x7f;
		} else if (code == 14 && olen >= 8) {
			struct st_cur o = st_cur_make(v, 8);
			uint64_t hi = g32(g, &o), lo = g32(g, &o);

			f->off = (int64_t)(g->be ? hi << 32 | lo : lo << 32 | hi);
		}
	}
	return 0;
}

static int
on_idb(struct st_pcapng *g)
{
	struct st_cur c = st_cur_make(g->buf + 8, g->len - 12);
	struct ng_if f = { 0, 0, 0, 6, 0 };
	struct ng_if *p;

	f.lt = dlt_of(g16(g, &c));
	g16(g, &c);
	f.snaplen = g32(g, &c);
	if (c.err != ST_OK)
		return bad(g, "an interface description too short");
	if (idb_options(g, &c, &f) != 0)
		return -1;
	if (g->nif >= NG_MAXIF)
		return bad(g, "too many interfaces");
	if (g->nif == g->aif) {
		g->aif = g->aif == 0 ? 4 : g->aif * 2;
		if ((p = realloc(g->ifs, g->aif * sizeof(*p))) == NULL) {
			snprintf(g->err, sizeof(g->err), "out of memory");
			return -1;
		}
		g->ifs = p;
	}
	g->ifs[g->nif++] = f;
	if (g->lt0 < 0)
		g->lt0 = f.lt;
	return 0;
}

/* t units of interface f as a time, exactly (to the nanosecond below). */
static void
to_time(const struct ng_if *f, uint64_t t, struct timespec *ts)
{
	unsigned __int128 per = 1, frac;
	unsigned i;

	if (f->pow2)
		per = (unsigned __int128)1 << f->exp;
	else
		for (i = 0; i < f->exp && i < 39; i++)
			per *= 10;
	frac = t % per;
	ts->tv_sec = (time_t)(uint64_t)(t / per + (uint64_t)f->off);
	ts->tv_nsec = (long)(frac * 1000000000U / per);
}

/* The interface a packet names, or NULL (said in err). */
static const struct ng_if *
iface(struct st_pcapng *g, uint32_t id)
{
	char what[96];

	if (id < g->nif)
		return &g->ifs[id];
	if (g->nif == 0)
		snprintf(what, sizeof(what), "a packet before any interface "
		    "description");
	else
		snprintf(what, sizeof(what), "a packet of interface %u, of %u "
		    "described", id, g->nif);
	bad(g, what);
	return NULL;
}

/* An EPB or an obsolete Packet Block into rec: 1 or -1. */
static int
on_epb(struct st_pcapng *g, struct st_record *rec, int obsolete)
{
	struct st_cur c = st_cur_make(g->buf + 8, g->len - 12);
	const struct ng_if *f;
	uint64_t hi, lo;
	uint32_t id;

	id = obsolete ? g16(g, &c) : g32(g, &c);
	if (obsolete)
		g16(g, &c);	/* drops count */
	hi = g32(g, &c);
	lo = g32(g, &c);
	rec->caplen = g32(g, &c);
	rec->len = g32(g, &c);
	if (c.err != ST_OK)
		return bad(g, "a packet block too short");
	if ((f = iface(g, id)) == NULL)
		return -1;
	if ((rec->data = st_get_bytes(&c, rec->caplen)) == NULL)
		return bad(g, "a captured length past the block");
	rec->lt = f->lt;
	to_time(f, hi << 32 | lo, &rec->ts);
	return 1;
}

/*
 * A Simple Packet Block: interface 0, no time; its length cut to the
 * interface's snaplen, which the block must hold (as Wireshark reads it).
 */
static int
on_spb(struct st_pcapng *g, struct st_record *rec)
{
	struct st_cur c = st_cur_make(g->buf + 8, g->len - 12);
	const struct ng_if *f;
	uint32_t cap;

	rec->len = g32(g, &c);
	if (c.err != ST_OK)
		return bad(g, "a simple packet block too short");
	if ((f = iface(g, 0)) == NULL)
		return -1;
	cap = rec->len;
	if (f->snaplen != 0 && cap > f->snaplen)
		cap = f->snaplen;
	if (cap > st_cur_left(&c))
		return bad(g, "a packet longer than its block");
	rec->caplen = cap;
	rec->data = st_get_bytes(&c, cap);
	rec->lt = f->lt;
	rec->ts.tv_sec = 0;
	rec->ts.tv_nsec = 0;
	return 1;
}

/* Handles the block in buf: 1 with a packet in rec, 0 without, -1. */
static int
handle(struct st_pcapng *g, struct st_record *rec)
{
	if (g->type == ST_PCAPNG_MAGIC)
		return on_shb(g);
	switch (g->type) {
	case B_IDB: return on_idb(g);
	case B_EPB: return on_epb(g, rec, 0);
	case B_PB: return on_epb(g, rec, 1);
	case B_SPB: return on_spb(g, rec);
	default: return 0;	/* names, statistics, secrets, custom */
	}
}

int
st_pcapng_next(struct st_pcapng *g, struct st_record *rec)
{
	int rc;

	for (;;) {
		if (g->perr != 0) {
			rc = g->perr;
			g->perr = 0;
			return rc;
		}
		if (!g->pending && (rc = read_block(g)) != 0)
			return rc;
		g->pending = 0;
		if ((rc = handle(g, rec)) != 0)
			return rc;
	}
}

/*
 * Reads ahead to the first interface, so that the reader knows a link
 * type at once (for -f and the views that name it); stops before a
 * packet or a new section, and keeps an error for st_pcapng_next.
 */
static void
ahead(struct st_pcapng *g)
{
	int rc;

	while (g->nif == 0) {
		if ((rc = read_block(g)) != 0) {
			g->perr = rc;
			return;
		}
		if (g->type == ST_PCAPNG_MAGIC || g->type == B_EPB ||
		    g->type == B_PB || g->type == B_SPB) {
			g->pending = 1;
			return;
		}
		if (handle(g, NULL) != 0) {
			g->perr = -1;
			return;
		}
	}
}

struct st_pcapng *
st_pcapng_open(FILE *fp, char *why, size_t n)
{
	struct st_pcapng *g;
	int rc;

	if ((g = calloc(1, sizeof(*g))) == NULL) {
		snprintf(why, n, "out of memory");
		return NULL;
	}
	g->fp = fp;
	g->lt0 = -1;
	rc = read_block(g);
	if (rc == 0 && g->type != ST_PCAPNG_MAGIC)
		rc = bad(g, "not a section header");
	if (rc == 0)
		rc = on_shb(g);
	if (rc != 0) {
		snprintf(why, n, "%s", rc == -2 ? "not a pcap or pcapng file" :
		    g->err);
		free(g->buf);
		free(g);
		return NULL;
	}
	ahead(g);
	return g;
}

const char *
st_pcapng_error(const struct st_pcapng *g)
{
	return g->err;
}

int
st_pcapng_first_lt(const struct st_pcapng *g)
{
	return g->lt0;
}

FILE *
st_pcapng_file(const struct st_pcapng *g)
{
	return g->fp;
}

void
st_pcapng_close(struct st_pcapng *g)
{
	if (g == NULL)
		return;
	if (g->fp != stdin)
		fclose(g->fp);
	free(g->buf);
	free(g->ifs);
	free(g);
}
