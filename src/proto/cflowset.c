/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetFlow version 9 (RFC 3954) and IPFIX (RFC 7011) sets, and the
 * templates a capture taught; the headers are in cflow.c.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Set ID (0/2 template, 1/3 options, >= 256 data)        |
 * |          Length (bytes, with these four)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * A template: its ID, a field count and (type, length) pairs; IPFIX
 * sets a type's top bit when an enterprise number follows.  A data set
 * named by a template ID holds records of the template's fields, then
 * padding shorter than a record.
 *
 * Templates are kept as Wireshark keeps them: by the conversation and
 * its direction, the source ID (observation domain) and the template ID,
 * the first definition of a key holding for the rest of the capture
 * (tshark reads later data sets by it even when the exporter redefines
 * the ID), and a template of more than 60 fields (Wireshark's default
 * limit) not kept.  One bounded table, the oldest entry reused, guarded
 * by a mutex and emptied for each capture (the descriptor's forget).
 */
#include <pthread.h>

#include "strata/expect.h"
#include "strata/flow.h"
#include "cflow.h"

#define CF_TMPLS	128	/* templates kept */
#define CF_TFIELDS	60	/* fields of a kept template */
#define CF_MAX_SETS	64	/* sets decoded in one message */
#define CF_MAX_RECS	128	/* records decoded in one data set */
#define CF_VARLEN	65535	/* IPFIX: a length in front of the value */
#define PEN_CISCO	9
#define PEN_REVERSE	29305	/* RFC 5103: the reverse direction's IE */

struct cf_key {
	struct st_flowkey conv;
	uint32_t	 dom;
	uint16_t	 id;
	uint8_t		 ver, dir;
};

struct cf_tmpl {
	struct cf_key	 key;
	uint64_t	 frame;
	uint16_t	 n, nscope;
	uint16_t	 type[CF_TFIELDS], len[CF_TFIELDS];
	uint32_t	 pen[CF_TFIELDS];
	int		 used;
};

static struct cf_tmpl tmpls[CF_TMPLS];
static unsigned tmpl_next;
static pthread_mutex_t tmpl_lock = PTHREAD_MUTEX_INITIALIZER;

void
cflow_forget(void)
{
	pthread_mutex_lock(&tmpl_lock);
	if (tmpl_next != 0 || tmpls[0].used) {
		memset(tmpls, 0, sizeof(tmpls));
		tmpl_next = 0;
	}
	pthread_mutex_unlock(&tmpl_lock);
}

static int
tmpl_find(const struct cf_key *k, struct cf_tmpl *out)
{
	unsigned i;
	int found = 0;

	pthread_mutex_lock(&tmpl_lock);
	for (i = 0; i < CF_TMPLS && !found; i++)
		if (tmpls[i].used && memcmp(&tmpls[i].key, k, sizeof(*k)) == 0) {
			*out = tmpls[i];
			found = 1;
		}
	pthread_mutex_unlock(&tmpl_lock);
	return found;
}

/* Keeps t unless its key has a template already (the first holds). */
static void
tmpl_add(const struct cf_tmpl *t)
{
	unsigned i;

	pthread_mutex_lock(&tmpl_lock);
	for (i = 0; i < CF_TMPLS; i++)
		if (tmpls[i].used &&
		    memcmp(&tmpls[i].key, &t->key, sizeof(t->key)) == 0)
			break;
	if (i == CF_TMPLS) {
		tmpls[tmpl_next] = *t;
		tmpls[tmpl_next].used = 1;
		tmpl_next = (tmpl_next + 1) % CF_TMPLS;
	}
	pthread_mutex_unlock(&tmpl_lock);
}

/* The key of template id in this layer's conversation and direction. */
static void
tmpl_key(const struct st_dctx *d, unsigned ver, uint32_t dom, uint16_t id,
    struct cf_key *k)
{
	const struct st_proto *t;
	int dir;

	memset(k, 0, sizeof(*k));
	dir = st_expect_conv_dir(d, &k->conv, &t);
	if (dir < 0)
		memset(&k->conv, 0, sizeof(k->conv));
	k->dir = dir > 0;
	k->dom = dom;
	k->id = id;
	k->ver = (uint8_t)ver;
}

/* Information elements and their rows (IANA's numbers, RFC 7012). */
static const struct { uint16_t id, row; } ie_map[] = {
	{ 1, E_OCTETS }, { 2, E_PACKETS }, { 3, E_FLOWS }, { 4, E_PROTO },
	{ 5, E_TOS }, { 6, E_TCPF }, { 7, E_SPORT }, { 8, E_SRC },
	{ 9, E_SMASK }, { 10, E_IN }, { 11, E_DPORT }, { 12, E_DST },
	{ 13, E_DMASK }, { 14, E_OUT }, { 15, E_HOP }, { 16, E_SAS },
	{ 17, E_DAS }, { 18, E_BGPHOP }, { 19, E_MULPKTS },
	{ 20, E_MULOCTS }, { 21, E_END }, { 22, E_START },
	{ 23, E_POSTOCTS }, { 24, E_POSTPKTS }, { 25, E_LMIN },
	{ 26, E_LMAX }, { 27, E_SRC6 }, { 28, E_DST6 }, { 29, E_SMASK6 },
	{ 30, E_DMASK6 }, { 31, E_LABEL6 }, { 32, E_ICMPTC },
	{ 33, E_IGMP }, { 34, E_SINT }, { 35, E_SALG }, { 36, E_ACTIVE },
	{ 37, E_INACTIVE }, { 38, E_ETYPE }, { 39, E_EID },
	{ 40, E_OCTSEXP }, { 41, E_PKTSEXP }, { 42, E_FLOWSEXP },
	{ 46, E_TOPTYPE }, { 47, E_TOPADDR }, { 48, E_SAMPLER },
	{ 52, E_TTLMIN }, { 53, E_TTLMAX }, { 54, E_FRAGID },
	{ 55, E_POSTTOS }, { 56, E_SMAC }, { 57, E_POSTDMAC },
	{ 58, E_VLAN }, { 59, E_POSTVLAN }, { 60, E_IPVER }, { 61, E_DIR },
	{ 62, E_HOP6 }, { 63, E_BGPHOP6 }, { 64, E_EXTHDR },
	{ 80, E_DMAC }, { 81, E_POSTSMAC }, { 82, E_IFNAME },
	{ 83, E_IFDESCR }, { 85, E_PERMOCTS }, { 86, E_PERMPKTS },
	{ 88, E_FRAGOFF }, { 130, E_EXPADDR }, { 131, E_EXPADDR6 },
	{ 136, E_ENDREASON }, { 148, E_FLOWID }, { 149, E_ODID },
	{ 150, E_ABSSTART }, { 151, E_ABSEND }, { 152, E_ABSSTART },
	{ 153, E_ABSEND }, { 176, E_ICMPTYPE }, { 177, E_ICMPCODE },
	{ 225, E_NATSRC }, { 226, E_NATDST }, { 227, E_NAPTSRC },
	{ 228, E_NAPTDST },
};

/* Version 9's scope types (RFC 3954 6.1). */
static const uint16_t scope_rows[6] = {
	0, E_SCSYS, E_SCIF, E_SCLC, E_SCCACHE, E_SCTMPL
};

/* Enterprises whose elements Wireshark names by their own tables: their
 * fields are strata's own here. */
static int
pen_named(uint32_t pen)
{
	static const uint32_t named[] = {
		PEN_CISCO, 3054, 5951, 10704, 13745, 26866, 35632, 47729,
		51358,
	};
	size_t i;

	for (i = 0; i < NFIELDS(named); i++)
		if (named[i] == pen)
			return 1;
	return 0;
}

static int
ie_row(unsigned type)
{
	size_t i;

	for (i = 0; i < NFIELDS(ie_map); i++)
		if (ie_map[i].id == type)
			return ie_map[i].row;
	return -1;
}

/* The value of an element of n (1..8) bytes at pos past r. */
static uint64_t
ie_uint(struct st_cur *r, size_t pos, size_t n)
{
	return st_peek_bits(r, pos * 8, (unsigned)(n * 8));
}

/*
 * One field of a record: element type (of enterprise pen; a v9 scope
 * when scope) of n bytes at pos past r.  Returns ST_OK or ST_EINVAL
 * having marked the layer (a length its type cannot have).
 */
static int
ie_field(struct st_dctx *d, struct st_cur *r, size_t pos, size_t n,
    unsigned type, uint32_t pen, unsigned ver, int scope)
{
	const struct st_field_desc *fd;
	char text[256];
	uint64_t v;
	int row = -1;

	if (n == 0)
		return ST_OK;
	if (scope && ver == 9)
		row = type >= 1 && type <= 5 ? scope_rows[type] : D_UNKNOWN;
	else if (pen == 0 || pen == PEN_REVERSE)
		row = ie_row(type);
	else if (pen_named(pen))
		row = D_OTHER;
	/* tshark names an element it does not know by the version */
	if (row < 0)
		row = ver == 9 ? D_UNKNOWN : D_ENT;
	fd = &cf_fields[row];
	switch (fd->fmt) {
	case ST_FMT_IPV4:
	case ST_FMT_IPV6:
	case ST_FMT_MAC:
		if (n * 8 != fd->bits)
			return st_dmalformed(d, "%s of %zu bytes", fd->name, n);
		st_dbytes(d, r, fd, pos, n);
		return ST_OK;
	case ST_FMT_TEXT:
		break;
	default:
		if (fd->fmt != ST_FMT_BYTES && n > 8)
			fd = &cf_fields[D_OTHER];
		st_dbytes(d, r, fd, pos, n);
		if (row == E_TCPF && n == 1) {
			struct st_cur b = *r;

			b.off += pos;
			st_dfields(d, &b, &cf_fields[D_TCPRES],
			    D_FIN - D_TCPRES + 1);
		}
		return ST_OK;
	}
	if (row == E_IFNAME || row == E_IFDESCR) {
		struct st_cur b = *r;
		const uint8_t *p;

		b.off += pos;
		if ((p = st_get_bytes(&b, n)) != NULL) {
			st_escape_ascii(p, n, text, sizeof(text));
			st_dtext(d, r, fd, pos, n, text);
		}
		return ST_OK;
	}
	if ((row == E_START || row == E_END) && n == 4) {
		cf_reltime(d, r, row, pos, n, (uint32_t)ie_uint(r, pos, 4));
		return ST_OK;
	}
	if ((type == 150 || type == 151) && n == 4) {
		cf_abstime(d, r, row, pos, n, (int64_t)ie_uint(r, pos, 4), 0);
		return ST_OK;
	}
	if ((type == 152 || type == 153) && n == 8) {
		v = ie_uint(r, pos, 8);
		cf_abstime(d, r, row, pos, n, (int64_t)(v / 1000),
		    (uint32_t)(v % 1000) * 1000000u);
		return ST_OK;
	}
	st_dbytes(d, r, &cf_fields[D_OTHER], pos, n);
	return ST_OK;
}

/*
 * One record of template t at r's position; sets *used to its bytes.
 * Returns ST_OK, ST_ETRUNC (a field runs past the set) or ST_EINVAL.
 */
static int
cf_record(struct st_dctx *d, struct st_cur *r, const struct cf_tmpl *t,
    unsigned ver, size_t *used)
{
	size_t pos = 0, n;
	int64_t start = -1, end = -1;
	unsigned i;
	struct st_field *f;
	char buf[40];
	int err;

	for (i = 0; i < t->n; i++) {
		n = t->len[i];
		if (n == CF_VARLEN && ver == 10) {
			if (!st_cur_need(r, pos + 1))
				return ST_ETRUNC;
			n = (size_t)ie_uint(r, pos, 1);
			if (t->type[i] == 82 || t->type[i] == 83)
				cf_at(d, r, pos, D_SLEN1, 1);
			pos++;
			if (n == 255) {
				if (!st_cur_need(r, pos + 2))
					return ST_ETRUNC;
				n = (size_t)ie_uint(r, pos, 2);
				if (t->type[i] == 82 || t->type[i] == 83)
					cf_at(d, r, pos - 1, D_SLEN2, 1);
				pos += 2;
			}
		}
		if (!st_cur_need(r, pos + n))
			return ST_ETRUNC;
		err = ie_field(d, r, pos, n, t->type[i], t->pen[i], ver,
		    i < t->nscope);
		if (err != ST_OK)
			return err;
		if ((t->type[i] == 21 || t->type[i] == 22) && n == 4 &&
		    t->pen[i] == 0)
			*(t->type[i] == 21 ? &end : &start) =
			    (int64_t)ie_uint(r, pos, 4);
		pos += n;
	}
	/* tshark works out the duration when both uptimes are there */
	if (start >= 0 && end >= 0 &&
	    (f = st_dgen(d, &cf_fields[E_DELTA], 0)) != NULL) {
		cf_relfmt(buf, sizeof(buf), end - start);
		f->meaning = st_pkt_strdup(d->pkt, buf);
	}
	*used = pos;
	return ST_OK;
}

/* A data set's records (template t) in s, then its padding. */
static int
cf_data(struct st_dctx *d, struct st_cur *s, const struct cf_tmpl *t,
    unsigned ver)
{
	size_t min = 0, used = 0;
	unsigned i, k;
	struct st_cur r;
	int err;

	for (i = 0; i < t->n; i++)
		min += t->len[i] == CF_VARLEN && ver == 10 ? 1 : t->len[i];
	st_dgen(d, &cf_fields[S_TFRAME], t->frame);
	if (min == 0)
		return st_dmalformed(d, "template %u has no bytes", t->key.id);
	for (k = 0; k < CF_MAX_RECS && st_cur_left(s) >= min; k++) {
		r = *s;
		err = cf_record(d, &r, t, ver, &used);
		if (err == ST_ETRUNC)
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "record %u runs past its set",
			    k + 1);
		if (err != ST_OK)
			return err;
		s->off += used;
	}
	if (k < CF_MAX_RECS && st_cur_left(s) > 0)
		st_dbytes(d, s, &cf_fields[S_PAD], 0, st_cur_left(s));
	return ST_OK;
}

/*
 * One template's fields (count of them, nscope of them scopes) from pos
 * past s: shown, and noted in t when they fit.  Returns the bytes read,
 * or 0 when the set ends inside them (s->err set).
 */
static size_t
cf_tfields(struct st_dctx *d, struct st_cur *s, size_t pos, unsigned count,
    unsigned nscope, unsigned ver, struct cf_tmpl *t)
{
	unsigned i, word;
	size_t lpos;
	uint32_t pen;
	int vend;

	for (i = 0; i < count; i++) {
		if (!st_cur_need(s, pos + 4))
			return 0;
		word = (unsigned)ie_uint(s, pos, 2);
		pen = 0;
		lpos = pos + 2;
		if (ver == 9) {
			cf_at(d, s, pos, i < nscope ? O_SCOPE9 : T_TYPE9, 1);
			cf_at(d, s, pos, T_FLEN, 1);
			pos += 4;
		} else if ((word & 0x8000) == 0) {
			cf_at(d, s, pos, T_PENF, 2);
			cf_at(d, s, pos, T_FLEN, 1);
			pos += 4;
		} else {
			if (!st_cur_need(s, pos + 8))
				return 0;
			pen = (uint32_t)ie_uint(s, pos + 4, 4);
			vend = pen == PEN_CISCO ? T_CISCO : pen == PEN_REVERSE ?
			    T_TYPE10 : pen_named(pen) ? -1 : T_ENT;
			cf_at(d, s, pos, T_PENF, 1);
			if (vend >= 0)
				cf_at(d, s, pos, vend, 1);
			cf_at(d, s, pos, T_FLEN, 1);
			cf_at(d, s, pos, T_PEN, 1);
			pos += 8;
		}
		if (i < CF_TFIELDS) {
			t->type[i] = (uint16_t)(word & (ver == 9 ? 0xffff :
			    0x7fff));
			t->len[i] = (uint16_t)ie_uint(s, lpos, 2);
			t->pen[i] = pen;
		}
	}
	return pos;
}

/*
 * The templates of a (options, when opt) template set in s.  Returns
 * ST_OK, or ST_ETRUNC when the set ends inside one.
 */
static int
cf_templates(struct st_dctx *d, struct st_cur *s, unsigned ver, int opt,
    uint32_t dom)
{
	struct cf_tmpl t;
	unsigned count, nscope, k;
	size_t hl = opt ? 6 : 4, pos;

	for (k = 0; k < CF_MAX_SETS && st_cur_left(s) >= hl; k++) {
		memset(&t, 0, sizeof(t));
		if (!opt) {
			cf_at(d, s, 0, T_ID, 2);
			count = (unsigned)ie_uint(s, 2, 2);
			nscope = 0;
		} else if (ver == 9) {
			cf_at(d, s, 0, T_ID, 1);
			cf_at(d, s, 0, O_SCOPELEN, 2);
			/* lengths in bytes of 4-byte (type, length) pairs */
			nscope = (unsigned)ie_uint(s, 2, 2) / 4;
			count = nscope + (unsigned)ie_uint(s, 4, 2) / 4;
		} else {
			cf_at(d, s, 0, T_ID, 1);
			cf_at(d, s, 0, O_TOTAL, 2);
			count = (unsigned)ie_uint(s, 2, 2);
			nscope = (unsigned)ie_uint(s, 4, 2);
		}
		pos = cf_tfields(d, s, hl, count, nscope, ver, &t);
		if (pos == 0 && count > 0)
			return ST_ETRUNC;
		tmpl_key(d, ver, dom, (uint16_t)ie_uint(s, 0, 2), &t.key);
		t.n = (uint16_t)count;
		t.nscope = (uint16_t)(nscope < count ? nscope : count);
		t.frame = d->pkt->num;
		if (count > 0 && count <= CF_TFIELDS && t.key.id >= 256)
			tmpl_add(&t);
		s->off += pos;
		/* a version 9 options template set holds one, then padding */
		if (opt && ver == 9)
			break;
	}
	if (st_cur_left(s) > 0)
		st_dbytes(d, s, &cf_fields[S_PAD], 0, st_cur_left(s));
	return ST_OK;
}

int
cf_sets(struct st_dctx *d, struct st_cur *w, unsigned ver, uint32_t dom)
{
	struct cf_tmpl t;
	struct cf_key k;
	struct st_cur s;
	unsigned id, k_set, tid = ver == 9 ? 0 : 2;
	size_t len;
	int err, over;

	for (k_set = 0; k_set < CF_MAX_SETS && st_cur_left(w) > 0; k_set++) {
		if (cf_at(d, w, 0, S_ID, 2) != ST_OK)
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "set header cut short");
		id = (unsigned)ie_uint(w, 0, 2);
		len = (size_t)ie_uint(w, 2, 2);
		if (len < 4)
			return st_dmalformed(d, "set of %zu bytes", len);
		over = len > st_cur_left(w);
		if (over && d->pkt->caplen >= d->pkt->len)
			return st_dmalformed(d, "set of %zu bytes overruns the "
			    "message", len);
		s = st_cur_sub(w, len, NULL);
		s.off += 4;
		err = ST_OK;
		if (id == tid || id == tid + 1)
			err = cf_templates(d, &s, ver, id == tid + 1, dom);
		else if (id >= 256) {
			tmpl_key(d, ver, dom, (uint16_t)id, &k);
			if (tmpl_find(&k, &t))
				err = cf_data(d, &s, &t, ver);
			else if (st_cur_left(&s) > 0)
				st_dbytes(d, &s, &cf_fields[D_NOTMPL], 0,
				    st_cur_left(&s));
		}
		if (err == ST_ETRUNC && !over && d->pkt->caplen >= d->pkt->len)
			return st_dmalformed(d, "template runs past its set");
		if (err != ST_OK)
			return err;
		if (over)
			return ST_ETRUNC;
		w->off += len;
	}
	return ST_OK;
}
