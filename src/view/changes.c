/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The changes view: what changes from one packet of a flow to the next.
 * One row per packet with the header fields that differ from the previous
 * packet going the same way between the same ends, and after the last
 * packet, per flow, which fields changed, which stayed the same, and the
 * counters that step by the same amount each packet:
 *
 *    3  198.18.0.1:40000 → 198.18.1.2:33434 udp  ip.id 0xb55b→0xb562 (+7),
 *       ip.ttl 1→2 (+1), ip.checksum 0x3742→0x363b
 *
 *   flow 198.18.0.1:40000 → 198.18.1.2:33434 udp: 4 packets (frames 1-7)
 *     changed: ip.id, ip.ttl, ip.checksum; same: eth.dst, ...
 *     counters: ip.ttl +1 each packet
 *
 * A flow is one direction of a conversation: the innermost network
 * layer's ends (or the link layer's, without one), the transport's ports
 * when it has them, the innermost transport or control protocol and, for
 * a control protocol, its message type (echo requests and their replies
 * are two flows, even on loopback where both go between the same ends).
 * Fields are the header fields on the wire of the packet's own layers
 * (not quoted ones), whole fields only (ip.flags, not ip.flags.df), told
 * apart by their row in the protocol's table and how many of that row
 * came before in the packet: the second is named "[2]" (an inner header
 * in a tunnel, the second option of a kind).  A field some packets of a
 * flow lack is "(new)" or "(gone)" in a row and listed apart at the end.
 * A step ("+1") is shown for quantities only: not for checksums, named
 * values (a type) or fields holding smaller ones (flags).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/flow.h"
#include "strata/view.h"

#define CH_FLOWS	1024	/* flows followed; more are counted */
#define CH_FIELDS	160	/* fields followed in one flow */
#define CH_LABEL	112

/* One field of a flow: its last value and how it moved. */
struct ch_field {
	const struct st_field_desc *desc;
	uint16_t	 occ;		/* rows of desc before it in a packet */
	uint8_t		 here;		/* 1: in this packet, 2: in the one before */
	uint8_t		 steady;	/* every step so far was `step` */
	uint8_t		 counts;	/* a quantity: steps mean something */
	uint32_t	 seen;		/* packets that held it */
	uint32_t	 changes;	/* packets where it differed */
	uint64_t	 val;		/* its value, or a hash of its bytes */
	int64_t		 step;		/* the first change's difference */
};

struct ch_flow {
	uint8_t		 key[ST_FLOW_KEYUSED + 1 + sizeof(void *) + 8];
	uint8_t		 used;
	char		 label[CH_LABEL];
	uint64_t	 first, last;	/* frame numbers */
	uint32_t	 npkts;
	unsigned	 nf;
	struct ch_field	 f[CH_FIELDS];
};

struct ch_state {
	struct ch_flow	*flows[CH_FLOWS];
	unsigned	 nflows;
	uint64_t	 untracked;	/* packets of flows beyond CH_FLOWS */
	unsigned	 order[CH_FLOWS];	/* flows in order of appearance */
	struct st_out	 lab;		/* where a flow's label is made */
};

/* FNV-1a over n bytes, for fields compared by their bytes. */
static uint64_t
hash(const void *p, size_t n, uint64_t h)
{
	const uint8_t *b = p;

	while (n-- > 0)
		h = (h ^ *b++) * 0x100000001b3ULL;
	return h;
}

/* Whether f is followed: a whole field on the wire of a header. */
static int
followed(const struct st_field *f)
{
	return f->bits > 0 && !(f->desc->flags & (ST_DF_GEN | ST_DF_DETAIL));
}

/* The value compared: the number, or a hash of the bytes or the text. */
static uint64_t
field_key(const struct st_packet *pkt, const struct st_field *f)
{
	const uint8_t *p;
	size_t n;

	switch (f->desc->fmt) {
	case ST_FMT_IPV4:
	case ST_FMT_IPV6:
	case ST_FMT_MAC:
	case ST_FMT_BYTES:
		p = st_field_bytes(pkt, f, &n);
		return p != NULL ? hash(p, n, 0xcbf29ce484222325ULL) : 0;
	case ST_FMT_TEXT:
		return f->meaning != NULL ? hash(f->meaning,
		    strlen(f->meaning), 0xcbf29ce484222325ULL) : 0;
	default:
		return f->val;
	}
}

static int
numeric(const struct st_field_desc *d)
{
	return d->fmt == ST_FMT_DEC || d->fmt == ST_FMT_HEX ||
	    d->fmt == ST_FMT_BOOL;
}

/* new - old as a step of a counter of the field's width (wrapping). */
static int64_t
step_of(const struct st_field *f, uint64_t old)
{
	unsigned bits = f->bits + f->desc->shift;
	uint64_t d = f->val - old;

	if (bits >= 64)
		return (int64_t)d;
	d &= ((uint64_t)1 << bits) - 1;
	if (d >> (bits - 1))		/* the upper half: backwards */
		return (int64_t)d - ((int64_t)1 << bits);
	return (int64_t)d;
}

/* The layers whose ends make the flow: network (else link, else NULL)
 * and transport or control (or NULL). */
static void
flow_layers(const struct st_packet *pkt, const struct st_layer **net,
    const struct st_layer **tl)
{
	const struct st_layer *ly, *link = NULL;
	unsigned i;

	*net = *tl = NULL;
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth > 0)
			continue;
		switch (ly->proto->role) {
		case ST_ROLE_LINK:
			if (ly->proto->ends[0] != NULL)
				link = ly;
			break;
		case ST_ROLE_NET:
			*net = ly;
			*tl = NULL;
			break;
		case ST_ROLE_TRANSPORT:
		case ST_ROLE_CONTROL:
			*tl = ly;
			break;
		default:
			break;
		}
	}
	if (*net == NULL)
		*net = link;
}

/*
 * A control protocol's message type (the field its other fields are named
 * after, as the crafter knows it: ICMP's type), or NULL: echo requests and
 * their replies are two flows even between the same ends (loopback).
 */
static const struct st_field *
msg_type(const struct st_packet *pkt, const struct st_layer *tl)
{
	if (tl == NULL || tl->proto->role != ST_ROLE_CONTROL ||
	    tl->proto->craft == NULL || tl->proto->craft->named[0] == NULL)
		return NULL;
	return st_pkt_fd(pkt, tl, tl->proto->craft->named[0]);
}

/* The flow key: the ends as sent (one direction), the protocol and the
 * message type. */
static void
flow_key(const struct st_packet *pkt, const struct st_layer *net,
    const struct st_layer *tl, uint8_t *key, size_t n)
{
	const struct st_field *a[2] = { NULL, NULL }, *p[2] = { NULL, NULL };
	const struct st_proto *top = tl != NULL ? tl->proto : NULL;
	const struct st_field *t;
	struct st_flowkey k;
	int dir = -1;

	memset(key, 0, n);
	memset(&k, 0, sizeof(k));
	if (net != NULL && st_flow_ends(pkt, net, a) == 0) {
		if (tl != NULL && tl->proto->ends[0] != NULL)
			(void)st_flow_ends(pkt, tl, p);
		dir = st_flow_key(pkt, a, p[0] != NULL && p[1] != NULL ? p :
		    NULL, &k);
	}
	memcpy(key, k.b, ST_FLOW_KEYUSED);
	key[ST_FLOW_KEYUSED] = (uint8_t)(dir + 1);
	memcpy(key + ST_FLOW_KEYUSED + 1, &top, sizeof(top));
	if ((t = msg_type(pkt, tl)) != NULL)
		memcpy(key + ST_FLOW_KEYUSED + 1 + sizeof(top), &t->val,
		    sizeof(t->val));
}

/* "198.18.0.1 → 198.18.0.2 icmp", "[::1]:53 → [::1]:4000 udp". */
static void
flow_label(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl)
{
	const struct st_field *a[2] = { NULL, NULL }, *p[2] = { NULL, NULL };
	const struct st_field *t;
	const char *m;
	int ports, br, i;

	if (net == NULL || st_flow_ends(pkt, net, a) != 0) {
		st_out_puts(o, "(no addresses)");
		if (tl != NULL) {
			st_out_putc(o, ' ');
			st_out_puts(o, tl->proto->name);
		}
		return;
	}
	ports = tl != NULL && tl->proto->ends[0] != NULL &&
	    st_flow_ends(pkt, tl, p) == 0;
	br = ports && net->proto->ends[0]->fmt == ST_FMT_IPV6;
	for (i = 0; i < 2; i++) {
		if (i == 1)
			st_out_puts(o, " \xe2\x86\x92 ");
		if (br)
			st_out_putc(o, '[');
		st_fmt_value(o, pkt, a[i], 16);
		if (br)
			st_out_putc(o, ']');
		if (ports) {
			st_out_putc(o, ':');
			st_fmt_value(o, pkt, p[i], 16);
		}
	}
	st_out_putc(o, ' ');
	st_out_puts(o, tl != NULL ? tl->proto->name : net->proto->name);
	if ((t = msg_type(pkt, tl)) != NULL) {
		st_out_putc(o, ' ');
		if ((m = st_field_meaning(t)) != NULL)
			st_out_puts(o, m);
		else
			st_out_printf(o, "type %llu", (unsigned long long)t->val);
	}
}

static struct ch_flow *
flow_find(struct ch_state *st, const uint8_t *key, int *made)
{
	uint64_t h = hash(key, sizeof(st->flows[0]->key),
	    0xcbf29ce484222325ULL);
	unsigned i, j;
	struct ch_flow *fl;

	*made = 0;
	for (i = 0; i < CH_FLOWS; i++) {
		j = (unsigned)((h + i) % CH_FLOWS);
		fl = st->flows[j];
		if (fl == NULL) {
			if (st->nflows >= CH_FLOWS * 3 / 4 ||
			    (fl = calloc(1, sizeof(*fl))) == NULL)
				return NULL;
			memcpy(fl->key, key, sizeof(fl->key));
			st->flows[j] = fl;
			st->order[st->nflows++] = j;
			*made = 1;
			return fl;
		}
		if (memcmp(fl->key, key, sizeof(fl->key)) == 0)
			return fl;
	}
	return NULL;
}

static struct ch_field *
field_find(struct ch_flow *fl, const struct st_field_desc *d, unsigned occ)
{
	unsigned i;

	for (i = 0; i < fl->nf; i++)
		if (fl->f[i].desc == d && fl->f[i].occ == occ)
			return &fl->f[i];
	if (fl->nf == CH_FIELDS)
		return NULL;
	fl->f[fl->nf].desc = d;
	fl->f[fl->nf].occ = (uint16_t)occ;
	return &fl->f[fl->nf++];
}

/* How many followed fields of row d come before field index j. */
static unsigned
occurrence(const struct st_packet *pkt, unsigned from, unsigned j)
{
	unsigned i, n = 0;

	for (i = from; i < j; i++)
		if (pkt->fields[i].desc == pkt->fields[j].desc)
			n++;
	return n;
}

/* A field's name; the second of a row in a packet "tcp.option_kind[2]". */
static void
name(struct st_out *o, const struct st_field_desc *d, unsigned occ)
{
	st_out_puts(o, d->name);
	if (occ > 0)
		st_out_printf(o, "[%u]", occ + 1);
}

/*
 * Whether a step says something: not of a checksum, a code with names (a
 * type) or a field that holds smaller ones (flags), whose differences
 * are no quantity.
 */
static int
counts(const struct st_packet *pkt, const struct st_field *f)
{
	const struct st_field *nx = f + 1;
	size_t n = strlen(f->desc->name);

	if (f->desc->flags & ST_DF_CKSUM || f->desc->names != NULL ||
	    f->desc->fmt == ST_FMT_BOOL || !numeric(f->desc))
		return 0;
	return !(nx < pkt->fields + pkt->nfields &&
	    strncmp(nx->desc->name, f->desc->name, n) == 0 &&
	    nx->desc->name[n] == '.');
}

/* One changed field in a row: "ip.id 0x0001→0x0002 (+1)". */
static void
show_change(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f, const struct ch_field *cf, int was, int n)
{
	struct st_field old;
	int64_t s;

	st_out_puts(o, n > 0 ? ", " : "  ");
	name(o, f->desc, cf->occ);
	st_out_putc(o, ' ');
	if (!was) {
		st_out_puts(o, "(new) ");
		st_fmt_value(o, pkt, f, 8);
		return;
	}
	if (numeric(f->desc)) {
		old = *f;
		old.val = cf->val;
		old.meaning = NULL;
		st_fmt_value(o, pkt, &old, 8);
		st_out_puts(o, "\xe2\x86\x92");
	}
	st_fmt_value(o, pkt, f, 8);
	if (cf->counts) {
		s = step_of(f, cf->val);
		st_out_printf(o, " (%s%lld)", s > 0 ? "+" : "", (long long)s);
	}
}

/* Compares the packet's fields with the flow's; writes the changes. */
static int
compare(struct st_out *o, const struct st_packet *pkt, struct ch_flow *fl,
    int first)
{
	const struct st_field *f;
	struct ch_field *cf;
	unsigned i, j, from = UINT_MAX, lim;
	uint64_t k;
	int n = 0, was;

	for (i = 0; i < fl->nf; i++)
		fl->f[i].here = (uint8_t)(fl->f[i].here << 1);	/* was */
	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *ly = &pkt->layers[i];

		if (ly->depth > 0 || ly->proto->role == ST_ROLE_DATA ||
		    ly->proto->role == ST_ROLE_TRAILER)
			continue;
		if (from == UINT_MAX)
			from = ly->field0;
		lim = (unsigned)ly->field0 + ly->nfields;
		for (j = ly->field0; j < lim; j++) {
			f = &pkt->fields[j];
			if (!followed(f) ||
			    (cf = field_find(fl, f->desc,
			    occurrence(pkt, from, j))) == NULL)
				continue;
			k = field_key(pkt, f);
			was = (cf->here & 2) != 0;
			cf->here |= 1;
			if (cf->seen++ == 0 && first) {
				cf->val = k;
				continue;
			}
			if (was && cf->val == k)
				continue;
			cf->counts = (uint8_t)counts(pkt, f);
			if (was && cf->counts) {
				int64_t s = step_of(f, cf->val);

				if (cf->changes == 0)
					cf->step = s, cf->steady = 1;
				else if (s != cf->step)
					cf->steady = 0;
			}
			if (was)
				cf->changes++;
			show_change(o, pkt, f, cf, was, n++);
			cf->val = k;
		}
	}
	/* Fields the previous packet had and this one lacks. */
	for (i = 0; i < fl->nf; i++) {
		if ((fl->f[i].here & 3) != 2)
			continue;
		st_out_puts(o, n++ > 0 ? ", " : "  ");
		name(o, fl->f[i].desc, fl->f[i].occ);
		st_out_puts(o, " (gone)");
		fl->f[i].steady = 0;
	}
	for (i = 0; i < fl->nf; i++)
		fl->f[i].here &= 1;
	return n;
}

static void
number(struct st_out *o, uint64_t num)
{
	char b[24];
	int n = snprintf(b, sizeof(b), "%llu", (unsigned long long)num);

	st_out_pad(o, 0, n < 4 ? (size_t)(4 - n) : 0);
	st_out_write(o, b, (size_t)n);
}

static void
changes_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	void **slot = st_vctx_state(v, &st_view_changes);
	const struct st_layer *net, *tl;
	uint8_t key[sizeof(((struct ch_flow *)0)->key)];
	struct ch_state *st;
	struct ch_flow *fl;
	int made, n;

	if (slot == NULL)
		return;
	if (*slot == NULL && (*slot = calloc(1, sizeof(*st))) == NULL)
		return;
	st = *slot;
	flow_layers(pkt, &net, &tl);
	flow_key(pkt, net, tl, key, sizeof(key));
	number(o, pkt->num);
	st_out_puts(o, "  ");
	if ((fl = flow_find(st, key, &made)) == NULL) {
		st->untracked++;
		flow_label(o, pkt, net, tl);
		st_out_puts(o, "  (beyond the flows followed)\n");
		return;
	}
	if (made) {
		st->lab.n = 0;
		flow_label(&st->lab, pkt, net, tl);
		snprintf(fl->label, sizeof(fl->label), "%.*s",
		    (int)(st->lab.n < CH_LABEL ? st->lab.n : CH_LABEL - 1),
		    st->lab.buf);
		fl->first = pkt->num;
	}
	st_out_puts(o, st_pcolor(v, tl != NULL ? tl->proto : net != NULL ?
	    net->proto : NULL));
	st_out_puts(o, fl->label);
	st_out_puts(o, st_color_off(v));
	n = compare(o, pkt, fl, made);
	if (made)
		st_out_puts(o, "  first of its flow");
	else if (n == 0)
		st_out_puts(o, "  no field changed");
	st_out_putc(o, '\n');
	fl->last = pkt->num;
	fl->npkts++;
}

/* "ip.id, ip.ttl" for the fields of fl that pass test. */
static void
list(struct st_out *o, const struct ch_flow *fl, int which)
{
	const struct ch_field *cf;
	unsigned i;
	int n = 0;

	for (i = 0; i < fl->nf; i++) {
		cf = &fl->f[i];
		if (which == 0 && !(cf->changes > 0))
			continue;
		if (which == 1 && !(cf->changes == 0 && cf->seen ==
		    fl->npkts))
			continue;
		if (which == 2 && !(cf->changes == 0 && cf->seen < fl->npkts))
			continue;
		if (which == 3 && !(cf->steady && cf->changes + 1 ==
		    fl->npkts && cf->seen == fl->npkts))
			continue;
		if (n > 0)
			st_out_puts(o, ", ");
		name(o, cf->desc, cf->occ);
		if (which == 3)
			st_out_printf(o, " %s%lld each packet", cf->step > 0 ?
			    "+" : "", (long long)cf->step);
		n++;
	}
	if (n == 0)
		st_out_puts(o, which == 3 ? "none" : "nothing");
}

static int
has(const struct ch_flow *fl, int which)
{
	unsigned i;

	for (i = 0; i < fl->nf; i++)
		if ((which == 2 && fl->f[i].changes == 0 && fl->f[i].seen <
		    fl->npkts) || (which == 3 && fl->f[i].steady &&
		    fl->f[i].changes + 1 == fl->npkts && fl->f[i].seen ==
		    fl->npkts))
			return 1;
	return 0;
}

static void
changes_end(struct st_out *o, struct st_vctx *v)
{
	void **slot = st_vctx_state(v, &st_view_changes);
	struct ch_state *st = slot != NULL ? *slot : NULL;
	const struct ch_flow *fl;
	unsigned i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nflows; i++) {
		fl = st->flows[st->order[i]];
		if (fl->npkts < 2) {
			st_out_printf(o, "\nflow %s: 1 packet (frame %llu)\n",
			    fl->label, (unsigned long long)fl->first);
			continue;
		}
		st_out_printf(o, "\nflow %s: %u packets (frames %llu-%llu)\n",
		    fl->label, fl->npkts, (unsigned long long)fl->first,
		    (unsigned long long)fl->last);
		st_out_puts(o, "  changed: ");
		list(o, fl, 0);
		st_out_puts(o, "; same: ");
		list(o, fl, 1);
		st_out_putc(o, '\n');
		if (has(fl, 2)) {
			st_out_puts(o, "  in some packets only: ");
			list(o, fl, 2);
			st_out_putc(o, '\n');
		}
		/* A pattern needs two steps at least. */
		if (fl->npkts >= 3 && has(fl, 3)) {
			st_out_puts(o, "  counters: ");
			list(o, fl, 3);
			st_out_putc(o, '\n');
		}
	}
	if (st->untracked > 0)
		st_out_printf(o, "\n%llu packets of flows beyond the first %u "
		    "were not compared\n", (unsigned long long)st->untracked,
		    CH_FLOWS * 3 / 4);
}

static void
changes_free(void *p)
{
	struct ch_state *st = p;
	unsigned i;

	for (i = 0; i < CH_FLOWS; i++)
		free(st->flows[i]);
	free(st);
}

const struct st_view st_view_changes = {
	"changes", "per flow, the header fields that changed from the "
	"previous packet; at the end what changed, what stayed, the counters",
	changes_packet, NULL, changes_end, 0, 0, 0, changes_free, 1
};
