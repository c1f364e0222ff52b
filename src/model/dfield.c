/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The decoders' helpers: fields added to the packet model from the bytes
 * under a bounds-checked cursor, checksums verified as a protocol's
 * st_ckspec says, and layers counted.  They know no protocol.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "strata/cksum.h"
#include "strata/proto.h"

/*
 * A run of table rows as st_dfields reads it, worked out the first time
 * that run is asked for: the rows the decode keeps (a lite one skips the
 * details), each with how its value comes out of the bytes, and the bytes
 * they all need.  Per thread, so that nothing is shared between threads.
 */
enum { RK_ZERO, RK_U8, RK_U16, RK_U32, RK_BITS, RK_SLOW };

struct prow {
	const struct st_field_desc *fd;
	uint64_t	 mask;		/* RK_BITS */
	uint16_t	 byte;		/* first byte, from the cursor */
	uint8_t		 kind;		/* RK_* */
	uint8_t		 nb;		/* RK_BITS: bytes to read */
	uint8_t		 down;		/* RK_BITS: right shift */
};

struct plan {
	const struct st_field_desc *fds;
	size_t		 n;
	int		 lite;
	unsigned	 first;		/* in the pool */
	unsigned	 count;
	size_t		 need;		/* bytes the rows reach */
};

#define PLANS	256		/* runs of rows: the protocols use ~60 */
#define PROWS	2048		/* rows in all */

static _Thread_local struct plan plans[PLANS];
static _Thread_local struct prow prows[PROWS];
static _Thread_local unsigned nprows;

/* The plan for rows fds[0..n), made if new; NULL when the room is gone. */
static const struct plan *
plan_of(const struct st_field_desc *fds, size_t n, int lite)
{
	size_t h = ((uintptr_t)fds >> 3 ^ n * 31 ^ (size_t)lite) % PLANS, i, k;
	struct plan *pl;

	for (k = 0; k < PLANS; k++, h = (h + 1) % PLANS) {
		pl = &plans[h];
		if (pl->fds == fds && pl->n == n && pl->lite == lite)
			return pl;
		if (pl->fds == NULL)
			break;
	}
	if (k == PLANS || nprows + n > PROWS)
		return NULL;
	pl->first = nprows;
	pl->count = 0;
	pl->need = 0;
	for (i = 0; i < n; i++) {
		const struct st_field_desc *fd = &fds[i];
		struct prow *r = &prows[nprows + pl->count];
		unsigned lead = fd->bitoff & 7, nb;
		size_t need = ((size_t)fd->bitoff + fd->bits + 7) / 8;

		if ((fd->flags & ST_DF_GEN) != 0 || fd->bits == 0 ||
		    (lite && (fd->flags & ST_DF_DETAIL) != 0))
			continue;
		memset(r, 0, sizeof(*r));
		r->fd = fd;
		r->byte = (uint16_t)(fd->bitoff / 8);
		nb = (lead + fd->bits + 7) / 8;
		if (fd->fmt == ST_FMT_IPV6 || fd->fmt == ST_FMT_BYTES ||
		    fd->bits > 64)
			r->kind = RK_ZERO;
		else if (lead == 0 && fd->bits == 8)
			r->kind = RK_U8;
		else if (lead == 0 && fd->bits == 16)
			r->kind = RK_U16;
		else if (lead == 0 && fd->bits == 32)
			r->kind = RK_U32;
		else if (nb <= 8) {
			r->kind = RK_BITS;
			r->nb = (uint8_t)nb;
			r->down = (uint8_t)(nb * 8 - lead - fd->bits);
			r->mask = fd->bits < 64 ?
			    ((uint64_t)1 << fd->bits) - 1 : ~(uint64_t)0;
		} else
			r->kind = RK_SLOW;
		if (need > pl->need)
			pl->need = need;
		pl->count++;
	}
	nprows += pl->count;
	pl->fds = fds;
	pl->n = n;
	pl->lite = lite;
	return pl;
}

/* The row's value from the bytes at p (the cursor's position). */
static inline uint64_t
prow_val(struct st_cur *c, const struct prow *r, const uint8_t *p)
{
	uint64_t v;
	unsigned i;

	p += r->byte;
	switch (r->kind) {
	case RK_U8:
		return p[0];
	case RK_U16:
		return (uint64_t)(p[0] << 8 | p[1]);
	case RK_U32:
		return (uint64_t)p[0] << 24 | (uint64_t)p[1] << 16 |
		    (uint64_t)p[2] << 8 | p[3];
	case RK_BITS:
		for (v = 0, i = 0; i < r->nb; i++)
			v = v << 8 | p[i];
		return v >> r->down & r->mask;
	case RK_SLOW:
		return st__field_val(c, r->fd);
	}
	return 0;
}

int
st_dfields(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fds, size_t n)
{
	struct st_packet *pkt = d->pkt;
	const struct plan *pl = plan_of(fds, n, pkt->lite);
	const uint8_t *base = c->base + c->off;
	struct st_field *f;
	size_t i, left = st_cur_left(c);
	unsigned added = 0, skip = ST_DF_GEN | (pkt->lite ? ST_DF_DETAIL : 0);
	uint32_t bit0 = (uint32_t)(c->off * 8);

	/* The usual case: every byte there, room for every field. */
	if (pl != NULL && c->err == ST_OK && pl->need <= left &&
	    pkt->nlayers > 0 && pkt->nfields + pl->count <= ST_MAX_FIELDS) {
		const struct prow *r = &prows[pl->first];

		f = &pkt->fields[pkt->nfields];
		for (i = 0; i < pl->count; i++, r++, f++) {
			f->desc = r->fd;
			f->bitoff = bit0 + r->fd->bitoff;
			f->bits = r->fd->bits;
			f->val = prow_val(c, r, base) << r->fd->shift;
			f->aux = 0;
			f->ck = ST_CK_NONE;
			f->meaning = 0;
		}
		pkt->nfields += pl->count;
		pkt->layers[pkt->nlayers - 1].nfields += pl->count;
		return ST_OK;
	}
	for (i = 0; i < n; i++) {
		const struct st_field_desc *fd = &fds[i];

		if ((fd->flags & skip) != 0 || fd->bits == 0)
			continue;
		/* Bytes missing or no room: st_dfield says what went wrong. */
		if (((size_t)fd->bitoff + fd->bits + 7) / 8 > left ||
		    pkt->nfields >= ST_MAX_FIELDS || pkt->nlayers == 0) {
			if (added > 0)
				pkt->layers[pkt->nlayers - 1].nfields += added;
			added = 0;
			if (st_dfield(d, c, fd) == NULL && c->err != ST_OK)
				return c->err;
			continue;
		}
		f = &pkt->fields[pkt->nfields++];
		f->desc = fd;
		f->bitoff = bit0 + fd->bitoff;
		f->bits = fd->bits;
		f->val = st__field_val(c, fd) << fd->shift;
		f->aux = 0;
		f->ck = ST_CK_NONE;
		f->meaning = 0;
		added++;
	}
	if (added > 0)
		pkt->layers[pkt->nlayers - 1].nfields += added;
	return ST_OK;
}

struct st_field *
st_dbytes(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t byteoff, size_t n)
{
	uint64_t v = 0;
	size_t i;

	if (!st_cur_need(c, byteoff + n))
		return NULL;
	if (fd->fmt != ST_FMT_BYTES && fd->fmt != ST_FMT_IPV6 && n <= 8)
		for (i = 0; i < n; i++)
			v = v << 8 | c->base[c->off + byteoff + i];
	return st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + byteoff) * 8),
	    (uint32_t)(n * 8), v);
}

struct st_field *
st_dle(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t byteoff, size_t n)
{
	uint64_t v = 0;
	unsigned w = (unsigned)n * 8;
	size_t i;

	if (n == 0 || n > 8 || !st_cur_need(c, byteoff + n))
		return NULL;
	if (d->pkt->lite && (fd->flags & ST_DF_DETAIL) != 0)
		return NULL;
	for (i = n; i-- > 0;)
		v = v << 8 | c->base[c->off + byteoff + i];
	/* A part of the number: its bits counted from the number's top. */
	if (fd->bits != 0 && fd->bits < w && fd->bitoff < w) {
		v >>= w - fd->bitoff - fd->bits;
		v &= ((uint64_t)1 << fd->bits) - 1;
	}
	return st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + byteoff) * 8),
	    (uint32_t)w, v << fd->shift);
}

size_t
st_escape(const uint8_t *p, size_t n, char *out, size_t outn)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, k = 0;

	if (outn == 0)
		return 0;
	for (i = 0; i < n && k + 5 < outn; i++) {
		if (p[i] == '\\') {
			out[k++] = '\\';
			out[k++] = '\\';
		} else if (p[i] >= 0x20 && p[i] < 0x7f)
			out[k++] = (char)p[i];
		else {
			out[k++] = '\\';
			out[k++] = 'x';
			out[k++] = hex[p[i] >> 4];
			out[k++] = hex[p[i] & 15];
		}
	}
	out[k] = '\0';
	return k;
}

void
st_escape_ascii(const uint8_t *p, size_t n, char *out, size_t outn)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < n && p[i] != 0 && o + 8 < outn; i++) {
		if (p[i] > 0x7f) {
			memcpy(out + o, "\xef\xbf\xbd", 4);
			o += 3;
		} else
			o += st_escape(p + i, 1, out + o, outn - o);
	}
	out[o] = '\0';
}

struct st_field *
st_dtext(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t byteoff, size_t n, const char *text)
{
	struct st_field *f;

	if (!st_cur_need(c, byteoff + n))
		return NULL;
	f = st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + byteoff) * 8),
	    (uint32_t)(n * 8), 0);
	if (f != NULL)
		f->meaning = st_pkt_strdup(d->pkt, text);
	return f;
}

/* The n bytes at c's position plus byteoff as a text field, escaped by
 * st_escape_ascii (ascii) or st_escape. */
static struct st_field *
dtext_bytes(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n, int ascii)
{
	char buf[ST_DTEXT_MAX * 4 + 8];
	struct st_cur t = *c;
	const uint8_t *p;
	size_t k = n < ST_DTEXT_MAX ? n : ST_DTEXT_MAX;

	t.off += byteoff;
	if ((p = st_get_bytes(&t, n)) == NULL) {
		c->err = t.err != ST_OK ? t.err : ST_ETRUNC;
		return NULL;
	}
	if (ascii)
		st_escape_ascii(p, k, buf, sizeof(buf));
	else
		st_escape(p, k, buf, sizeof(buf));
	return st_dtext(d, c, fd, byteoff, n, buf);
}

struct st_field *
st_dtext_esc(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n)
{
	return dtext_bytes(d, c, fd, byteoff, n, 0);
}

struct st_field *
st_dtext_ascii(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n)
{
	return dtext_bytes(d, c, fd, byteoff, n, 1);
}

struct st_field *
st_dunixtime(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n, int64_t secs)
{
	time_t t = (time_t)secs;
	struct tm tm;
	char buf[64];

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S.000000000 UTC",
	    &tm) == 0)
		return NULL;
	return st_dtext(d, c, fd, byteoff, n, buf);
}

struct st_field *
st_dgen(struct st_dctx *d, const struct st_field_desc *fd, uint64_t val)
{
	return st_pkt_add_field(d->pkt, fd, d->ly->off * 8, 0, val);
}

void
st_dsublayer(struct st_dctx *d, struct st_cur *c, const struct st_proto *p,
    size_t byteoff, size_t n)
{
	struct st_dctx sub = *d;
	struct st_layer *ly;
	struct st_cur w = *c;
	size_t left;
	int rc;

	w.off += byteoff;
	if (w.off > w.end)
		return;
	if (w.end - w.off > n)
		w.end = w.off + n;
	if ((ly = st_pkt_add_layer(d->pkt, p, (uint32_t)w.off, d->depth)) ==
	    NULL)
		return;
	left = st_cur_left(&w);
	sub.ly = ly;
	sub.hdr = left;
	sub.plen = 0;
	rc = p->decode(&sub, &w);
	if (rc == ST_OK && w.err != ST_OK)
		rc = w.err;
	ly->hdr_len = (uint32_t)left;
	ly->len = (uint32_t)left;
	if (rc == ST_EINVAL) {
		if (ly->why == NULL)
			ly->why = "invalid option";
		ly->status = ST_LS_MALFORMED;
	} else if (rc != ST_OK)
		ly->status = d->depth > 0 ? ST_LS_PARTIAL : ST_LS_TRUNCATED;
}

const struct st_layer *
st_dbelow(const struct st_packet *pkt, const struct st_layer *ly)
{
	const struct st_layer *b;

	for (b = ly - 1; b >= pkt->layers; b--)
		if (b->depth == ly->depth && b->proto->role != ST_ROLE_NETEXT)
			return b;
	return NULL;
}

void
st_dmark(const struct st_dctx *d, struct st_dmark *m)
{
	m->nfields = d->pkt->nfields;
	m->lfields = d->ly->nfields;
	m->nnotes = d->pkt->nnotes;
	m->nspilled = d->pkt->nspilled;
}

void
st_drewind(struct st_dctx *d, const struct st_dmark *m)
{
	d->pkt->nfields = m->nfields;
	d->ly->nfields = (uint16_t)m->lfields;
	d->pkt->nnotes = m->nnotes;
	d->pkt->nspilled = m->nspilled;
}

void
st_dfields_at(struct st_dctx *d, struct st_cur *c, size_t off,
    const struct st_field_desc *fds, size_t n)
{
	struct st_cur w = *c;

	if (c->err != ST_OK)
		return;
	if (off > st_cur_left(c)) {
		c->err = ST_ETRUNC;
		return;
	}
	w.off += off;
	st_dfields(d, &w, fds, n);
	c->err = w.err;
}

long
st_dport(const struct st_packet *pkt, const struct st_layer *ly, int end)
{
	const struct st_layer *tl;
	const struct st_field *f;

	for (tl = ly; tl > pkt->layers && ly - tl < ST_MAX_LAYERS; ) {
		tl--;
		if (tl->proto->role != ST_ROLE_TRANSPORT)
			continue;
		if (tl->proto->ends[end] == NULL ||
		    (f = st_pkt_fd(pkt, tl, tl->proto->ends[end])) == NULL)
			return -1;
		return (long)f->val;
	}
	return -1;
}

int
st_ly_part(const struct st_packet *pkt, const struct st_layer *ly)
{
	const struct st_layer *b;

	for (b = ly - 1; b >= pkt->layers; b--)
		if (b->depth == ly->depth && ly->off >= b->off &&
		    ly->off < b->off + b->hdr_len)
			return 1;
	return 0;
}

int
st_dmalformed(struct st_dctx *d, const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	d->ly->status = ST_LS_MALFORMED;
	d->ly->why = st_pkt_printf(d->pkt, "%s", buf);
	return ST_EINVAL;
}

void
st_dcksum(struct st_dctx *d, struct st_field *f, const uint8_t *p, size_t n,
    uint32_t pseudo, int covered)
{
	uint16_t onwire, expect;
	uint32_t sum;

	if (f == NULL)
		return;
	onwire = (uint16_t)f->val;
	if (!covered || p == NULL) {
		f->ck = ST_CK_UNVERIFIED;
		return;
	}
	sum = st_cksum_add(pseudo, p, n);
	/* Take the field out of the sum (one's complement subtraction). */
	expect = st_cksum_finish(sum + (uint16_t)~onwire);
	/* 0x0000 and 0xffff are both zero in one's complement (RFC 1624). */
	if (st_cksum_fold(sum) == 0xffff || onwire == expect ||
	    (onwire == 0xffff && expect == 0) || (onwire == 0 &&
	    expect == 0xffff)) {
		f->ck = ST_CK_GOOD;
		return;
	}
	f->aux = expect;
	if (pseudo != 0 && onwire == st_cksum_fold(pseudo))
		f->ck = ST_CK_PARTIAL;
	else {
		f->ck = ST_CK_BAD;
		d->pkt->nbadck++;
	}
}

void
st_dckstatus(struct st_dctx *d, const struct st_field *f,
    const struct st_field_desc *fd)
{
	if (f != NULL && f->ck != ST_CK_NONE)
		st_dgen(d, fd, f->ck);
}

unsigned
st_dcount(const struct st_dctx *d, const struct st_proto *p)
{
	unsigned i, n = 0;

	for (i = 0; i < d->pkt->nlayers; i++)
		if (d->pkt->layers[i].proto == p &&
		    d->pkt->layers[i].depth == d->depth)
			n++;
	/* The layer being decoded counts itself. */
	return n > 0 ? n - 1 : 0;
}

unsigned
st_dcount_kind(const struct st_dctx *d, unsigned flags, int role)
{
	const struct st_layer *ly;
	unsigned i, n = 0;

	for (i = 0; i + 1 < d->pkt->nlayers; i++) {
		ly = &d->pkt->layers[i];
		if (ly->depth == d->depth && ((ly->proto->flags & flags) != 0 ||
		    (role != ST_ROLE_NONE && ly->proto->role == role)))
			n++;
	}
	return n;
}

/* The value of the length field fd in the header at c, or -1 if not there. */
static int64_t
len_of(struct st_cur *c, const struct st_field_desc *fd)
{
	struct st_cur t = *c;

	t.err = ST_OK;
	if (fd == NULL || !st_cur_need(&t, ((size_t)fd->bitoff + fd->bits +
	    7) / 8))
		return -1;
	return (int64_t)(st__field_val(&t, fd) << fd->shift);
}

/*
 * ST_CKC_UNITS: the header and v - 1 words of payload (v 0: all of it),
 * no more than the layer; the pseudo-header counts the whole layer.
 */
static int
units_range(const struct st_ckspec *ck, const struct st_net *net,
    struct st_cur *c, size_t hdr, size_t left, size_t *n, uint32_t *pseudo)
{
	int64_t v = len_of(c, ck->lenfield);

	if (net->fam == 0 || (ck->fam != 0 && net->fam != ck->fam)) {
		*n = left;
		return 0;
	}
	*n = net->tlen;
	if (v > 0 && hdr + (size_t)(v - 1) * 4 < *n)
		*n = hdr + (size_t)(v - 1) * 4;
	if (ck->pseudo != 0)
		*pseudo = st_cksum_pseudo(net->fam, net->src, net->dst,
		    ck->pseudo, net->tlen);
	return !net->frag && left >= *n;
}

int
st_ck_range(const struct st_ckspec *ck, const struct st_net *net,
    struct st_cur *c, size_t hdr, size_t *n, uint32_t *pseudo)
{
	/* What was captured from the layer's start, even after a read of
	 * the decoder's past the end set the cursor's error. */
	size_t left = c->off < c->end ? c->end - c->off : 0;
	int64_t v;

	*n = 0;
	*pseudo = 0;
	switch (ck->cover) {
	case ST_CKC_HEADER:
		*n = hdr;
		if (ck->pseudo != 0 && net->fam != 0)	/* PIM register, v6 */
			*pseudo = st_cksum_pseudo(net->fam, net->src,
			    net->dst, ck->pseudo, (uint32_t)hdr);
		return left >= hdr;
	case ST_CKC_LENFIELD:
		if ((v = len_of(c, ck->lenfield)) < 0)
			return 0;
		*n = (size_t)v;
		if (ck->zero_v4 && net->fam == 4 && (v = len_of(c,
		    ck->field)) == 0)
			return -1;
		if (net->fam == 0 || (ck->fam != 0 && net->fam != ck->fam))
			return 0;
		break;
	case ST_CKC_CRC32C:	/* no pseudo-header: no network needed */
		*n = net->fam != 0 ? net->tlen : left;
		return !net->frag && left >= *n;
	case ST_CKC_UNITS:
		return units_range(ck, net, c, hdr, left, n, pseudo);
	default:
		if (net->fam == 0 || (ck->fam != 0 && net->fam != ck->fam)) {
			*n = left;
			return 0;
		}
		*n = net->tlen;
		break;
	}
	if (ck->pseudo != 0)
		*pseudo = st_cksum_pseudo(net->fam, net->src, net->dst,
		    ck->pseudo, (uint32_t)*n);
	if (ck->cover == ST_CKC_LENFIELD)
		return !net->frag && left >= *n && *n <= net->tlen;
	return !net->frag && left >= *n;
}

/* A CRC32c checksum field f over the n bytes at c (covered: captured). */
static void
dcrc32c(struct st_dctx *d, struct st_cur *c, struct st_field *f, size_t n,
    int covered)
{
	size_t skip = f->bitoff / 8 - c->off;
	uint32_t v;

	if (!covered) {
		f->ck = ST_CK_UNVERIFIED;
		return;
	}
	v = st_crc32c(c->base + c->off, n, skip);
	/* On the wire least significant byte first; the field reads them
	 * big-endian. */
	v = __builtin_bswap32(v);
	if ((uint32_t)f->val == v) {
		f->ck = ST_CK_GOOD;
		return;
	}
	f->aux = v;
	f->ck = ST_CK_BAD;
	d->pkt->nbadck++;
}

void
st_dck(struct st_dctx *d, struct st_cur *c, const struct st_ckspec *ck,
    struct st_field *f, size_t hdr)
{
	uint32_t pseudo;
	size_t n;
	int r;

	if (f == NULL)
		return;
	r = st_ck_range(ck, &d->net, c, hdr, &n, &pseudo);
	if (r < 0)
		f->ck = ST_CK_ABSENT;
	else if (ck->cover == ST_CKC_CRC32C)
		dcrc32c(d, c, f, n, r);
	else {
		st_dcksum(d, f, c->base + c->off, n, pseudo, r);
		if (f->ck == ST_CK_UNVERIFIED && d->net.frag)
			f->aux = ST_CKU_FRAGMENT;
	}
	st_dckstatus(d, f, ck->status);
}
