/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A BPF program in words: which field each load reads, worked out from the
 * descriptors' field tables and binds by following what the program has
 * learnt of the packet along its paths (classic BPF jumps only forward, so
 * one pass in order visits every instruction after all its predecessors;
 * the one exception, libpcap's loop for ip6 protochain, is marked and
 * nothing is named in or after it).
 * The interpreter that runs it step by step is in bpfrun.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/dlt.h>

#include "strata/bpf.h"
#include "strata/registry.h"

#define MAXLY		8	/* layers tracked */

/* A layer the program knows of: which protocols it may be and where. */
struct ly {
	uint64_t	 protos;	/* bits: indexes into st_protos[] */
	uint32_t	 off;		/* first byte; with xrel, X + off */
	int		 xrel;
};

/* What A holds: nothing known, or a load, possibly masked. */
struct aval {
	int		 load;		/* 1: bytes of the packet */
	int		 ly;		/* the layer read, -1: none known */
	uint32_t	 r;		/* byte offset in that layer */
	uint32_t	 k;		/* offset as the instruction says it */
	uint8_t		 sz;
	uint8_t		 ind;		/* [x + k] */
	uint32_t	 mask;
};

struct state {
	int		 valid;
	struct ly	 ly[MAXLY];
	int		 nly;
	struct aval	 a;
	int		 xhl;		/* X is the header length of layer xhl,
					   -1: not */
	struct st_bpf_what aw;		/* A named, kept where two paths
					   loaded the same field */
};

static int
proto_index(const struct st_proto *p)
{
	int i;

	for (i = 0; st_protos[i] != NULL && i < 64; i++)
		if (st_protos[i] == p)
			return i;
	return -1;
}

static const struct st_proto *
first_proto(uint64_t set)
{
	int i;

	for (i = 0; i < 64 && st_protos[i] != NULL; i++)
		if (set & (uint64_t)1 << i)
			return st_protos[i];
	return NULL;
}

/* The key a next-protocol field's values are under, by its value names. */
static int
field_key(const struct st_field_desc *fd)
{
	if (fd->names == st_ethertype_names)
		return ST_KEY_ETHERTYPE;
	if (fd->names == st_ipproto_names)
		return ST_KEY_IPPROTO;
	return ST_KEY_NONE;
}

static int
is_next_field(const struct st_field_desc *fd)
{
	return field_key(fd) != ST_KEY_NONE && !(fd->flags & ST_DF_GEN);
}

/* The header length field (in bytes on the wire x 4), or NULL. */
static const struct st_field_desc *
hlen_field(const struct st_proto *p)
{
	size_t i;

	for (i = 0; i < p->nfields; i++)
		if (p->fields[i].autofill == ST_AUTO_HLEN)
			return &p->fields[i];
	return NULL;
}

/* Bytes of the fixed header: where its table's last field ends. */
static uint32_t
fixed_len(const struct st_proto *p)
{
	uint32_t end = 0, e;
	size_t i;

	for (i = 0; i < p->nfields; i++) {
		if (p->fields[i].flags & ST_DF_GEN)
			continue;
		e = (uint32_t)p->fields[i].bitoff + p->fields[i].bits;
		if (e > end)
			end = e;
	}
	return (end + 7) / 8;
}

static void
cat(char *buf, size_t n, const char *s)
{
	size_t l = strlen(buf);

	if (l + 1 < n)
		snprintf(buf + l, n - l, "%s", s);
}

/*
 * The field of p in bits [lo, hi) of the header, where the load covers
 * [llo, lhi): the field exactly there, else the one holding those bits,
 * else those lying inside the load.  Writes "" when none.
 */
static const struct st_field_desc *
name_bits(const struct st_proto *p, unsigned lo, unsigned hi, unsigned llo,
    unsigned lhi, char *buf, size_t n)
{
	const struct st_field_desc *fd, *best = NULL;
	unsigned s, e;
	size_t i;
	int any = 0;

	buf[0] = '\0';
	for (i = 0; i < p->nfields; i++) {
		fd = &p->fields[i];
		if (fd->flags & ST_DF_GEN || fd->bits == 0)
			continue;
		if (fd->bitoff == lo && fd->bitoff + fd->bits == hi) {
			snprintf(buf, n, "%s", fd->name);
			return fd;
		}
		if (fd->bitoff <= lo && fd->bitoff + fd->bits >= hi &&
		    fd->fmt != ST_FMT_BYTES &&
		    (best == NULL || fd->bits < best->bits))
			best = fd;
	}
	if (best != NULL) {
		s = (lo - best->bitoff) / 8;
		e = (hi - best->bitoff + 7) / 8 - 1;
		if ((lo - best->bitoff) % 8 == 0 && (hi - lo) % 8 == 0)
			snprintf(buf, n, "%s (its byte%s %u%s%.0u)", best->name,
			    s == e ? "" : "s", s, s == e ? "" : "-", e);
		else
			snprintf(buf, n, "part of %s", best->name);
		return NULL;
	}
	for (i = 0; i < p->nfields; i++) {
		fd = &p->fields[i];
		if (fd->flags & (ST_DF_GEN | ST_DF_DETAIL) || fd->bits == 0)
			continue;
		s = fd->bitoff;
		e = s + fd->bits;
		if (s >= llo && e <= lhi && s < hi && e > lo) {
			if (any++)
				cat(buf, n, ", ");
			cat(buf, n, fd->name);
		}
	}
	return NULL;
}

/* A value as field w->fd shows it, into buf (st_bpf_value to a string). */
static void
name_value(char *buf, size_t n, const struct st_bpf_what *w, uint32_t v)
{
	struct st_out *o;

	if ((o = malloc(sizeof(*o))) == NULL) {
		snprintf(buf, n, "0x%x", v);
		return;
	}
	st_out_mem(o);
	st_bpf_value(o, w, v);
	snprintf(buf, n, "%.*s", (int)o->n, o->buf);
	free(o);
}

/* Names what a holds into w, from the layers of s. */
static void
name_a(const struct state *s, const struct aval *a, uint32_t mask,
    struct st_bpf_what *w)
{
	const struct st_proto *p;
	const struct st_field_desc *fd = NULL, *f;
	unsigned llo, lhi, lo, hi, bit, i, nset = 0;
	char one[96];
	uint64_t set;
	int k;

	memset(w, 0, sizeof(*w));
	one[0] = '\0';
	if (!a->load || a->ly < 0 || a->ly >= s->nly)
		return;
	llo = a->r * 8;
	lhi = llo + a->sz * 8u;
	lo = lhi;
	hi = llo;
	for (i = 0; i < a->sz * 8u; i++)
		if (mask & (uint32_t)1 << i) {
			bit = lhi - 1 - i;
			if (bit < lo)
				lo = bit;
			if (bit + 1 > hi)
				hi = bit + 1;
		}
	if (lo >= hi)
		return;
	set = s->ly[a->ly].protos;
	for (k = 0; k < 64 && st_protos[k] != NULL; k++) {
		if (!(set & (uint64_t)1 << k))
			continue;
		p = st_protos[k];
		f = name_bits(p, lo, hi, llo, lhi, one, sizeof(one));
		if (f == NULL && (lo > llo || hi < lhi) && (f = name_bits(p,
		    llo, lhi, llo, lhi, one, sizeof(one))) != NULL) {
			/* A mask over one field: "ip.src & 255.255.0.0". */
			w->fd = f;
			cat(one, sizeof(one), " & ");
			i = (unsigned)strlen(one);
			name_value(one + i, sizeof(one) - i, w, mask);
			lo = llo;
			hi = lhi;
		}
		if (one[0] == '\0' || strstr(w->name, one) != NULL)
			continue;
		if (nset++)
			cat(w->name, sizeof(w->name), " or ");
		cat(w->name, sizeof(w->name), one);
		/* Several protocols' fields alike (ports): values shown
		 * as the first one's. */
		if (nset == 1)
			fd = f;
		else if (fd != NULL && (f == NULL || f->bits != fd->bits ||
		    f->bitoff != fd->bitoff || f->fmt != fd->fmt ||
		    f->names != fd->names))
			fd = NULL;
	}
	w->fd = fd;
	if (fd != NULL)
		w->shift = (uint8_t)(lhi - (fd->bitoff + fd->bits));
}

/* The protocols a link type starts with: its ST_KEY_LINK bind, or with no
 * link header (as the decode loop reads them) IPv4 or IPv6. */
static uint64_t
link_protos(int lt)
{
	const struct st_proto *p = st_proto_next(ST_KEY_LINK, (uint32_t)lt);
	uint64_t set = 0;
	int i;

	if (p != NULL)
		return (i = proto_index(p)) >= 0 ? (uint64_t)1 << i : 0;
	if (lt != DLT_RAW && lt != DLT_IPV4 && lt != DLT_IPV6 && lt != 14)
		return 0;
	if (lt != DLT_IPV6 && (i = proto_index(st_proto_next(ST_KEY_ETHERTYPE,
	    0x0800))) >= 0)
		set |= (uint64_t)1 << i;
	if (lt != DLT_IPV4 && (i = proto_index(st_proto_next(ST_KEY_ETHERTYPE,
	    0x86dd))) >= 0)
		set |= (uint64_t)1 << i;
	return set;
}

static void
layer0(struct state *s, int linktype)
{
	memset(s, 0, sizeof(*s));
	s->valid = 1;
	s->xhl = -1;
	s->a.ly = -1;
	if ((s->ly[0].protos = link_protos(linktype)) != 0)
		s->nly = 1;
}

/* The layer a load at k ([x + k] with ind) reads, and its offset there. */
static int
find_layer(const struct state *s, int ind, uint32_t k, uint32_t *r)
{
	int i;

	for (i = s->nly - 1; i >= 0; i--) {
		if (s->ly[i].xrel != ind || s->ly[i].off > k)
			continue;
		if (ind && (i == 0 || s->xhl != i - 1))
			continue;
		*r = k - s->ly[i].off;
		return i;
	}
	return -1;
}

/*
 * After a comparison held on the first bits of a layer that may be one of
 * several protocols (IPv4 or IPv6 with no link header): the one whose
 * field there has that value by default (ip.version 4) is the layer.
 */
static void
narrow(struct ly *l, const struct st_field_desc *fd, uint32_t v)
{
	const struct st_field_desc *f;
	uint64_t keep = 0;
	size_t i;
	int k;

	if ((l->protos & (l->protos - 1)) == 0)
		return;
	for (k = 0; k < 64 && st_protos[k] != NULL; k++) {
		if (!(l->protos & (uint64_t)1 << k))
			continue;
		for (i = 0; i < st_protos[k]->nfields; i++) {
			f = &st_protos[k]->fields[i];
			if (f->bitoff == fd->bitoff && f->bits == fd->bits &&
			    f->def == v && v != 0)
				keep |= (uint64_t)1 << k;
		}
	}
	if (keep != 0 && (keep & (keep - 1)) == 0)
		l->protos = keep;
}

/* After a comparison A == k held: the layer A's next field leads to. */
static void
learn(struct state *s, uint32_t k)
{
	const struct st_proto *p, *nx;
	struct st_bpf_what w;
	struct ly *l;
	int L = s->a.ly, i;

	if (!s->a.load || L < 0 || L + 1 >= MAXLY)
		return;
	name_a(s, &s->a, s->a.mask, &w);
	if (w.fd != NULL && w.fd->bitoff == 0 && w.fd->bits < 8 &&
	    w.shift < 32) {
		narrow(&s->ly[L], w.fd, k >> w.shift);
		return;
	}
	if (w.fd == NULL || !is_next_field(w.fd) || w.shift != 0)
		return;
	p = first_proto(s->ly[L].protos);
	nx = st_proto_next(field_key(w.fd), k);
	l = &s->ly[L + 1];
	l->protos = nx != NULL && (i = proto_index(nx)) >= 0 ?
	    (uint64_t)1 << i : 0;
	if (hlen_field(p) != NULL) {
		l->off = s->ly[L].off;
		l->xrel = 1;
	} else {
		l->off = s->ly[L].off + fixed_len(p);
		l->xrel = s->ly[L].xrel;
	}
	s->nly = L + 2;
}

static int
aval_eq(const struct aval *a, const struct aval *b)
{
	return a->load == b->load && a->ly == b->ly && a->r == b->r &&
	    a->k == b->k && a->sz == b->sz && a->ind == b->ind &&
	    a->mask == b->mask;
}

/* Joins what two paths know at the instruction they meet. */
static void
merge(struct state *d, const struct state *s)
{
	int i;

	if (!d->valid) {
		*d = *s;
		return;
	}
	for (i = 0; i < d->nly && i < s->nly; i++) {
		if (d->ly[i].off != s->ly[i].off ||
		    d->ly[i].xrel != s->ly[i].xrel)
			break;
		d->ly[i].protos |= s->ly[i].protos;
	}
	d->nly = i;
	if (!aval_eq(&d->a, &s->a)) {
		memset(&d->a, 0, sizeof(d->a));
		d->a.ly = -1;
		if (strcmp(d->aw.name, s->aw.name) != 0 || d->aw.fd != s->aw.fd)
			memset(&d->aw, 0, sizeof(d->aw));
	}
	if (d->xhl != s->xhl)
		d->xhl = -1;
}

/* What X holds after ldxb 4*([k]&0xf) on the state s. */
static void
msh(struct state *s, uint32_t k, char *xs, size_t n)
{
	const struct st_field_desc *hl;
	const struct st_proto *p;
	uint32_t r;
	int L;

	s->xhl = -1;
	snprintf(xs, n, "4 x the low 4 bits of byte %u", k);
	if ((L = find_layer(s, 0, k, &r)) < 0)
		return;
	p = first_proto(s->ly[L].protos);
	if (p == NULL || (hl = hlen_field(p)) == NULL || hl->bits != 4 ||
	    hl->bitoff != r * 8 + 4 || hl->shift != 2 ||
	    (s->ly[L].protos & (s->ly[L].protos - 1)) != 0)
		return;
	s->xhl = L;
	snprintf(xs, n, "the %s header length (%s x 4)", p->ws, hl->name);
	if (L + 1 >= s->nly || !s->ly[L + 1].xrel) {
		/* The next layer starts there, whatever it is. */
		if (L + 1 < MAXLY) {
			s->ly[L + 1].protos = 0;
			s->ly[L + 1].off = s->ly[L].off;
			s->ly[L + 1].xrel = 1;
			s->nly = L + 2;
		}
	}
}

/* Steps one instruction over the state (its successors get what it
 * knows after); fills the words of A and X for instruction i. */
static void
step(struct st_bpf *b, size_t i, struct state *s)
{
	const struct bpf_insn *in = &b->insn[i];
	unsigned code = in->code;
	uint32_t r = 0;

	/* A jset reads only the bits it tests. */
	if (s->a.load)
		name_a(s, &s->a, code == (BPF_JMP | BPF_JSET | BPF_K) ?
		    s->a.mask & in->k : s->a.mask, &b->pre[i]);
	else
		b->pre[i] = s->aw;
	switch (BPF_CLASS(code)) {
	case BPF_LD:
		memset(&s->a, 0, sizeof(s->a));
		s->a.ly = -1;
		if (BPF_MODE(code) == BPF_ABS || BPF_MODE(code) == BPF_IND) {
			s->a.load = 1;
			s->a.ind = BPF_MODE(code) == BPF_IND;
			s->a.k = in->k;
			s->a.sz = (uint8_t)st_bpf_ldsize(code);
			s->a.mask = s->a.sz == 4 ? 0xffffffff :
			    (1u << (s->a.sz * 8)) - 1;
			s->a.ly = find_layer(s, s->a.ind, in->k, &r);
			s->a.r = r;
		}
		break;
	case BPF_LDX:
		if (BPF_MODE(code) == BPF_MSH)
			msh(s, in->k, b->x[i], sizeof(b->x[i]));
		else
			s->xhl = -1;
		break;
	case BPF_ALU:
		if (BPF_OP(code) == BPF_AND && BPF_SRC(code) == BPF_K &&
		    s->a.load)
			s->a.mask &= in->k;
		else if (BPF_SRC(code) == BPF_K && in->k == 0 &&
		    BPF_OP(code) != BPF_AND && BPF_OP(code) != BPF_MUL &&
		    BPF_OP(code) != BPF_DIV && BPF_OP(code) != BPF_MOD &&
		    BPF_OP(code) != BPF_NEG)
			break;		/* A + 0, as libpcap writes: A kept */
		else {
			memset(&s->a, 0, sizeof(s->a));
			s->a.ly = -1;
		}
		break;
	case BPF_MISC:
		if (BPF_MISCOP(code) == BPF_TXA) {
			memset(&s->a, 0, sizeof(s->a));
			s->a.ly = -1;
		} else
			s->xhl = -1;
		break;
	}
	if (s->a.load)
		name_a(s, &s->a, s->a.mask, &b->post[i]);
	else if (BPF_CLASS(code) == BPF_JMP || BPF_CLASS(code) == BPF_RET ||
	    BPF_CLASS(code) == BPF_LDX || BPF_CLASS(code) == BPF_ST ||
	    BPF_CLASS(code) == BPF_STX || (BPF_CLASS(code) == BPF_MISC &&
	    BPF_MISCOP(code) == BPF_TAX))
		b->post[i] = s->aw;	/* A unchanged */
	else
		memset(&b->post[i], 0, sizeof(b->post[i]));
	s->aw = b->post[i];
}

/*
 * Marks the instructions inside a loop (from a backward ja's target to it):
 * they run on other headers each time round, so what the way in knew does
 * not hold there, nor where they lead.
 */
static void
loops(const struct st_bpf *b, uint8_t *in_loop)
{
	size_t i, j;
	long t;

	for (i = 0; i < b->n; i++) {
		if (b->insn[i].code != (BPF_JMP | BPF_JA) ||
		    (t = st_bpf_ja(i, b->insn[i].k)) > (long)i || t < 0)
			continue;
		for (j = (size_t)t; j <= i; j++)
			in_loop[j] = 1;
	}
}

int
st_bpf_init(struct st_bpf *b, const struct bpf_insn *prog, size_t n,
    int linktype)
{
	struct state *st = NULL, s, sy;
	uint8_t *in_loop = NULL;
	const struct bpf_insn *in;
	size_t i, jt, jf;
	long t;

	memset(b, 0, sizeof(*b));
	if (n == 0 || n > ST_BPF_MAXINSNS)
		return -1;
	b->insn = prog;
	b->n = n;
	b->linktype = linktype;
	b->pre = calloc(n, sizeof(*b->pre));
	b->post = calloc(n, sizeof(*b->post));
	b->x = calloc(n, sizeof(*b->x));
	st = calloc(n, sizeof(*st));
	in_loop = calloc(n, 1);
	if (b->pre == NULL || b->post == NULL || b->x == NULL || st == NULL ||
	    in_loop == NULL)
		goto fail;
	loops(b, in_loop);
	layer0(&st[0], linktype);
	for (i = 0; i < n; i++) {
		in = &prog[i];
		if (!st[i].valid)
			continue;	/* not reached */
		s = st[i];
		if (in_loop[i]) {
			memset(&s.a, 0, sizeof(s.a));
			memset(&s.aw, 0, sizeof(s.aw));
			s.a.ly = -1;
			s.xhl = -1;
		}
		step(b, i, &s);
		if (BPF_CLASS(in->code) == BPF_RET)
			continue;
		if (BPF_CLASS(in->code) != BPF_JMP) {
			if (i + 1 >= n)
				goto fail;
			merge(&st[i + 1], &s);
			continue;
		}
		if (BPF_OP(in->code) == BPF_JA) {
			t = st_bpf_ja(i, in->k);
			if (t < 0 || t >= (long)n || t == (long)i)
				goto fail;
			/* A loop back adds nothing new to what is known
			 * where it goes: the names stay those of the way
			 * in. */
			if (t > (long)i)
				merge(&st[t], &s);
			continue;
		}
		jt = i + 1 + in->jt;
		jf = i + 1 + in->jf;
		if (jt >= n || jf >= n)
			goto fail;
		sy = s;
		if (BPF_OP(in->code) == BPF_JEQ && BPF_SRC(in->code) == BPF_K &&
		    jt != jf)
			learn(&sy, in->k);
		merge(&st[jt], &sy);
		merge(&st[jf], &s);
	}
	free(st);
	free(in_loop);
	return 0;
fail:
	free(st);
	free(in_loop);
	st_bpf_free(b);
	return -1;
}

void
st_bpf_free(struct st_bpf *b)
{
	free(b->pre);
	free(b->post);
	free(b->x);
	b->pre = b->post = NULL;
	b->x = NULL;
}
