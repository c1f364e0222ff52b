/*
 * The decode loop: from the link layer inwards, each protocol's decoder reads
 * its header through the cursor and names what follows; the registry maps
 * that to the next decoder.  Truncated and malformed headers end the chain
 * with the layer marked; nothing here can fail.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <pcap/dlt.h>

#include "strata/cksum.h"
#include "strata/decode.h"
#include "fields.h"

/* Facts about the whole frame that outlive one chain. */
struct frame {
	size_t	trail_off;
	size_t	trail_len;
};

static void chain(struct st_dctx *d, struct st_cur cur,
    const struct st_proto *p, struct frame *fr);

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
		return st_field_val(c, r->fd);
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
		f->val = st_field_val(c, fd) << fd->shift;
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

struct st_field *
st_dgen(struct st_dctx *d, const struct st_field_desc *fd, uint64_t val)
{
	return st_pkt_add_field(d->pkt, fd, d->ly->off * 8, 0, val);
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
st_decode_nested(struct st_dctx *d, struct st_cur *c,
    const struct st_proto *proto)
{
	struct st_dctx sub = *d;
	struct frame fr = { 0, 0 };

	sub.depth = d->depth + 1;
	if (sub.depth > ST_MAX_DEPTH) {
		st_pkt_note(d->pkt, "quoting nested too deep: inner levels "
		    "shown as data");
		proto = &st_proto_data;
	}
	if (st_cur_left(c) > 0)
		chain(&sub, *c, proto, &fr);
	c->off = c->end;
	d->rest_done = 1;
}

/* Whether the chain goes on to next when the payload has pl bytes. */
static int
go_on(const struct st_dctx *d, size_t pl)
{
	if (pl > 0)
		return 1;
	if (d->plen != SIZE_MAX)
		return d->plen > 0;
	return d->pkt->caplen < d->pkt->len;
}

static void
chain(struct st_dctx *d, struct st_cur cur, const struct st_proto *p,
    struct frame *fr)
{
	const struct st_proto *next;
	struct st_layer *ly;
	struct st_cur lc;
	size_t left, pl;
	int rc;

	while (p != NULL) {
		left = st_cur_left(&cur);
		if ((ly = st_pkt_add_layer(d->pkt, p, (uint32_t)cur.off,
		    d->depth)) == NULL)
			return;
		d->ly = ly;
		d->hdr = 0;
		d->plen = SIZE_MAX;
		d->next_key = ST_KEY_NONE;
		d->next = NULL;
		d->rest_done = 0;
		lc = cur;
		rc = p->decode(d, &lc);
		if (rc == ST_ENOTME) {
			/* A guess by port that the bytes do not bear out. */
			d->pkt->nfields = ly->field0;
			d->pkt->nlayers--;
			p = &st_proto_data;
			continue;
		}
		if (rc == ST_OK && lc.err != ST_OK)
			rc = lc.err;
		if (rc != ST_OK || d->hdr > left) {
			if (rc == ST_EINVAL) {
				if (ly->why == NULL)
					ly->why = "invalid header";
				ly->status = ST_LS_MALFORMED;
			} else
				ly->status = d->depth > 0 ? ST_LS_PARTIAL :
				    ST_LS_TRUNCATED;
			ly->hdr_len = (uint32_t)(d->hdr > 0 && d->hdr < left ?
			    d->hdr : left);
			ly->len = (uint32_t)left;
			return;
		}
		ly->hdr_len = (uint32_t)d->hdr;
		if (d->rest_done) {
			ly->len = (uint32_t)left;
			return;
		}
		st_cur_skip(&cur, d->hdr);
		pl = st_cur_left(&cur);
		if (d->plen < pl) {
			if (d->depth == 0 && fr->trail_len == 0) {
				fr->trail_off = cur.off + d->plen;
				fr->trail_len = pl - d->plen;
			}
			cur.end = cur.off + d->plen;
			pl = d->plen;
		}
		ly->len = (uint32_t)(d->hdr + pl);
		next = d->next != NULL ? d->next :
		    st_proto_next(d->next_key, d->next_val);
		if (next == NULL)
			next = pl > 0 ? &st_proto_data : NULL;
		else if (!go_on(d, pl))
			next = NULL;
		p = next;
	}
}

/* The first protocol for a frame of link type lt, or NULL. */
static const struct st_proto *
link_proto(int lt, const struct st_packet *pkt)
{
	const struct st_proto *p;

	if (lt == DLT_RAW || lt == DLT_IPV4 || lt == DLT_IPV6
#ifdef DLT_RAW_OPENBSD
	    || lt == 14
#endif
	    ) {
		/* No link header: the IP version says which. */
		if (pkt->caplen == 0)
			return lt == DLT_IPV6 ? &st_proto_ipv6 : &st_proto_ipv4;
		switch (pkt->data[0] >> 4) {
		case 4:
			return &st_proto_ipv4;
		case 6:
			return &st_proto_ipv6;
		default:
			return lt == DLT_IPV6 ? &st_proto_ipv6 : &st_proto_ipv4;
		}
	}
	p = st_proto_next(ST_KEY_LINK, (uint32_t)lt);
	return p;
}

void
st_decode_init(void)
{
	st_proto_next(ST_KEY_IPPROTO, 0);
	st_tcp_flag_names(0);
}

unsigned
st_decode(struct st_packet *pkt, int linktype)
{
	struct st_dctx d;
	struct frame fr = { 0, 0 };
	const struct st_proto *p;
	struct st_layer *ly;
	struct st_cur c;

	memset(&d, 0, sizeof(d));
	d.pkt = pkt;
	pkt->linktype = linktype;
	p = link_proto(linktype, pkt);
	if (p == NULL) {
		st_pkt_note(pkt, st_pkt_printf(pkt, "link type %d is not "
		    "decoded: frame shown as data", linktype));
		p = &st_proto_data;
	}
	c = st_cur_make(pkt->data, pkt->caplen);
	if (pkt->caplen > 0 || p != &st_proto_data)
		chain(&d, c, p, &fr);
	if (fr.trail_len > 0 && fr.trail_off + fr.trail_len <= pkt->caplen &&
	    (ly = st_pkt_add_layer(pkt, &st_proto_trailer,
	    (uint32_t)fr.trail_off, 0)) != NULL) {
		d.ly = ly;
		c = st_cur_make(pkt->data, pkt->caplen);
		c.off = fr.trail_off;
		st_proto_trailer.decode(&d, &c);
		ly->hdr_len = 0;
		ly->len = (uint32_t)fr.trail_len;
	}
	if (pkt->caplen < pkt->len)
		st_pkt_note(pkt, st_pkt_printf(pkt, "capture cut at %u of %u "
		    "bytes", pkt->caplen, pkt->len));
	return pkt->nlayers;
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
