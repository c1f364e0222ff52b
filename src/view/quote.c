/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The quote view: an ICMP error quotes the packet that caused it, as the
 * host that sent the error saw it, which is not quite the packet that was
 * sent.  This view sets the two side by side, field by field, and says
 * what changed on the way and why: TTL decremented by each router, the
 * header checksum recomputed after it, DSCP remarked, ECN marked, addresses
 * or ports rewritten by NAT.  send, ping and trace know the packet they
 * sent; in a saved capture the view finds it in the same file, among the
 * packets seen before, by the fields an error quotes and NAT leaves alone.
 */
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"

#define NSLOTS	4096	/* packets remembered (a bounded table) */
#define KEEP	128	/* bytes of each, from its IP header */
#define KEYLEN	48
#define QLAYERS	8	/* layers kept of each */
#define QFIELDS	64	/* fields kept of each */
#define QSTR	256	/* bytes of its fields' texts kept */

/* A packet remembered: its first bytes from the IP header on, and its
 * model (layers and fields) over those bytes, as decoded then. */
struct slot {
	uint8_t		 key[KEYLEN];
	uint8_t		 bytes[KEEP];
	uint16_t	 n;
	uint8_t		 nlayers;
	uint8_t		 nfields;
	int		 used;
	uint64_t	 num;
	struct timespec	 ts;
	struct st_layer	 layers[QLAYERS];
	struct st_field	 fields[QFIELDS];
	char		 str[QSTR];
};

struct st_quotes {
	struct slot	 slots[NSLOTS];
	struct st_packet orig;		/* a remembered packet, made whole */
};

static void
put(uint8_t *key, size_t *k, const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_field_desc *d)
{
	const struct st_field *f = st_pkt_fd(pkt, ly, d);
	const uint8_t *b;
	size_t n = 0;

	if (f == NULL)
		return;
	if (f->desc->fmt == ST_FMT_IPV4 || f->desc->fmt == ST_FMT_IPV6) {
		b = st_field_bytes(pkt, f, &n);
		if (b != NULL && *k + n <= KEYLEN) {
			memcpy(key + *k, b, n);
			*k += n;
		}
	} else if (*k + 4 <= KEYLEN) {
		memcpy(key + *k, &f->val, 4);
		*k += 4;
	}
}

/* The first network layer at depth, or NULL. */
static const struct st_layer *
net_at(const struct st_packet *pkt, unsigned depth)
{
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == depth &&
		    pkt->layers[i].proto->role == ST_ROLE_NET)
			return &pkt->layers[i];
	return NULL;
}

/*
 * The fields that identify a packet in the copy an ICMP error quotes and
 * that NAT at the source leaves alone, as the protocols list them (their
 * qkey): destination, protocol, IPv4 id (IPv6 flow label), and the
 * destination port, TCP sequence number, or ICMP identifier and sequence.
 * Returns the key's length, 0 for none.
 */
static size_t
key_of(const struct st_packet *pkt, unsigned depth, uint8_t *key)
{
	const struct st_layer *ip, *tl;
	const struct st_field_desc *const *d;
	size_t k = 0;

	memset(key, 0, KEYLEN);
	if ((ip = net_at(pkt, depth)) == NULL)
		return 0;
	key[k++] = (uint8_t)(ip->proto->ends[0] != NULL &&
	    ip->proto->ends[0]->fmt == ST_FMT_IPV6 ? 6 : 4);
	for (d = ip->proto->qkey; d != NULL && *d != NULL; d++)
		put(key, &k, pkt, ip, *d);
	for (tl = ip + 1; tl < pkt->layers + pkt->nlayers; tl++) {
		if (tl->depth != depth || tl->proto->qkey == NULL ||
		    (tl->proto->role != ST_ROLE_TRANSPORT &&
		    tl->proto->role != ST_ROLE_CONTROL))
			continue;
		for (d = tl->proto->qkey; *d != NULL; d++)
			put(key, &k, pkt, tl, *d);
		break;
	}
	return k;
}

/*
 * Keeps pkt's model from layer ip on, over its first sl->n bytes from
 * there: layers and fields moved to start at 0, a field not wholly in
 * those bytes left out (bytes and texts cut to them, as a decode of those
 * bytes alone would), its text copied when it was the packet's own.
 */
static void
keep_model(struct slot *sl, const struct st_packet *pkt,
    const struct st_layer *ip)
{
	const struct st_layer *ly;
	const struct st_field *f;
	struct st_field *g;
	uint32_t base = ip->off, nbits = (uint32_t)sl->n * 8, used = 0, i;
	size_t len;

	sl->nlayers = sl->nfields = 0;
	for (ly = ip; ly < pkt->layers + pkt->nlayers &&
	    sl->nlayers < QLAYERS; ly++) {
		if (ly->depth != 0 || ly->off - base >= sl->n)
			continue;
		sl->layers[sl->nlayers] = *ly;
		sl->layers[sl->nlayers].off = ly->off - base;
		if (ly->off - base + ly->len > sl->n)
			sl->layers[sl->nlayers].len = sl->n - (ly->off - base);
		sl->layers[sl->nlayers].field0 = sl->nfields;
		sl->layers[sl->nlayers].nfields = 0;
		for (i = 0; i < ly->nfields && sl->nfields < QFIELDS; i++) {
			f = &pkt->fields[ly->field0 + i];
			if (f->bits > 0 && (f->bitoff < base * 8 ||
			    f->bitoff - base * 8 >= nbits))
				continue;
			g = &sl->fields[sl->nfields];
			*g = *f;
			if (f->bits > 0) {
				g->bitoff = f->bitoff - base * 8;
				if (g->bitoff + g->bits > nbits) {
					if (f->desc->fmt != ST_FMT_BYTES &&
					    f->desc->fmt != ST_FMT_TEXT)
						continue;
					g->bits = (nbits - g->bitoff) & ~7u;
				}
			}
			if (f->meaning >= pkt->str &&
			    f->meaning < pkt->str + sizeof(pkt->str)) {
				len = strlen(f->meaning) + 1;
				g->meaning = used + len <= QSTR ?
				    memcpy(sl->str + used, f->meaning, len) :
				    NULL;
				if (g->meaning != NULL)
					used += (uint32_t)len;
			}
			sl->nfields++;
			sl->layers[sl->nlayers].nfields++;
		}
		sl->nlayers++;
	}
}

/* The packet of slot sl, its model as kept, into pkt. */
static void
made_whole(struct st_packet *pkt, const struct slot *sl)
{
	st_pkt_reset(pkt, sl->bytes, sl->n, sl->n);
	memcpy(pkt->layers, sl->layers, sl->nlayers * sizeof(sl->layers[0]));
	pkt->nlayers = sl->nlayers;
	memcpy(pkt->fields, sl->fields, sl->nfields * sizeof(sl->fields[0]));
	pkt->nfields = sl->nfields;
	pkt->num = sl->num;
	pkt->ts = sl->ts;
}

static size_t
hash(const uint8_t *key)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < KEYLEN; i++)
		h = (h ^ key[i]) * 16777619u;
	return h % NSLOTS;
}

/* The value of f as text into buf (ST_FMT_BUF bytes or more). */
static const char *
valtext(const struct st_packet *pkt, const struct st_field *f, char *buf,
    size_t n)
{
	static struct st_out m;
	size_t len;

	st_out_mem(&m);
	st_fmt_value(&m, pkt, f, 16);
	len = m.n < n - 1 ? m.n : n - 1;
	memcpy(buf, m.buf, len);
	buf[len] = '\0';
	return buf;
}

static int
is_zero(const struct st_packet *pkt, const struct st_field *f)
{
	const uint8_t *p;
	size_t n, i;

	if (f->desc->fmt >= ST_FMT_IPV4 && f->desc->fmt <= ST_FMT_BYTES) {
		if ((p = st_field_bytes(pkt, f, &n)) == NULL)
			return 0;
		for (i = 0; i < n; i++)
			if (p[i] != 0)
				return 0;
		return 1;
	}
	return f->val == 0;
}

static int
ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * What happened to field d on the way, by what its descriptor says of it;
 * ttl: a hop count changed, nat: the addresses; hopl: d's layer has a hop
 * count (its checksum is then one each router recomputes).
 */
static void
why(struct st_out *o, const struct st_field_desc *d, uint64_t s, uint64_t q,
    int sent0, int ttl, int nat, int hopl)
{
	const char *name = d->name;

	if (d->flags & ST_DF_HOPS) {
		if (q < s)
			st_out_printf(o, "each router takes one off: %llu "
			    "router%s forwarded it before the quoting host "
			    "had it", (unsigned long long)(s - q), s - q == 1 ?
			    "" : "s");
		else
			st_out_puts(o, "raised on the way: a middlebox rewrote "
			    "it");
	} else if (sent0 && (d->flags & ST_DF_KFILL))
		st_out_puts(o, "0 as crafted: this host's kernel filled it in");
	else if ((d->flags & ST_DF_CKSUM) && hopl)
		st_out_puts(o, ttl ? "recomputed by each router after the TTL "
		    "changed" : nat ? "recomputed after the rewrite" :
		    "recomputed after a change on the way");
	else if (ends(name, ".src") || ends(name, ".dst") ||
	    ends(name, "srcport") || ends(name, "dstport"))
		st_out_puts(o, "rewritten on the way: NAT");
	else if (d->flags & ST_DF_CKSUM)
		st_out_puts(o, nat ? "updated with the NAT rewrite (addresses "
		    "are in the pseudo-header)" : "changed on the way");
	else if (d->flags & ST_DF_CLASS)
		st_out_puts(o, "DSCP remarked by a router on the way");
	else if (ends(name, ".ecn"))
		st_out_puts(o, q == 3 ? "CE: a router on the way marked "
		    "congestion instead of dropping" : "ECN bits changed on "
		    "the way");
	else if (ends(name, ".len") || ends(name, ".plen") ||
	    ends(name, ".length"))
		st_out_puts(o, "bytes added or cut on the way");
	else
		st_out_puts(o, "changed on the way");
}

/* Whether the field that follows f in its layer is one of its parts. */
static int
has_parts(const struct st_packet *pkt, const struct st_layer *ly, unsigned j)
{
	const char *a = pkt->fields[j].desc->name, *b;
	size_t n = strlen(a);

	if (j + 1 >= (unsigned)ly->field0 + ly->nfields)
		return 0;
	b = pkt->fields[j + 1].desc->name;
	return pkt->fields[j + 1].bits > 0 && strncmp(a, b, n) == 0 &&
	    b[n] == '.';
}

static const struct st_field *
nth_field(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field_desc *d, unsigned nth)
{
	unsigned j;

	for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields; j++)
		if (pkt->fields[j].desc == d && nth-- == 0)
			return &pkt->fields[j];
	return NULL;
}

/* Whether field d of the network layer changed between sent and got. */
static int
changed(const struct st_packet *sent, const struct st_packet *got,
    const struct st_field_desc *d)
{
	const struct st_layer *ls = net_at(sent, 0), *lg = net_at(got, 1);
	const struct st_field *a, *b;

	if (d == NULL || ls == NULL || lg == NULL)
		return 0;
	a = st_pkt_fd(sent, ls, d);
	b = st_pkt_fd(got, lg, d);
	return a != NULL && b != NULL && !st_field_equal(sent, a, got, b);
}

/* Whether protocol p has a hop count (ST_DF_HOPS). */
static int
has_hops(const struct st_proto *p)
{
	size_t i;

	for (i = 0; i < p->nfields; i++)
		if (p->fields[i].flags & ST_DF_HOPS)
			return 1;
	return 0;
}

/* Whether the network layer's hop count changed between sent and got. */
static int
hops_changed(const struct st_packet *sent, const struct st_packet *got)
{
	const struct st_layer *lg = net_at(got, 1);
	size_t i;

	if (lg == NULL)
		return 0;
	for (i = 0; i < lg->proto->nfields; i++)
		if ((lg->proto->fields[i].flags & ST_DF_HOPS) &&
		    changed(sent, got, &lg->proto->fields[i]))
			return 1;
	return 0;
}

/* Whether the network layer's ends (addresses) changed: NAT. */
static int
ends_changed(const struct st_packet *sent, const struct st_packet *got)
{
	const struct st_layer *ls = net_at(sent, 0), *lg = net_at(got, 1);

	return ls != NULL && lg != NULL && ls->proto == lg->proto &&
	    ls->proto->ends[0] != NULL &&
	    (changed(sent, got, ls->proto->ends[0]) ||
	    changed(sent, got, ls->proto->ends[1]));
}

/* The first layer of protocol p at depth 0 of pkt, or NULL. */
static const struct st_layer *
same_layer(const struct st_packet *pkt, const struct st_proto *p)
{
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 0 && pkt->layers[i].proto == p)
			return &pkt->layers[i];
	return NULL;
}

void
st_quote_diff(struct st_out *o, const struct st_packet *sent,
    const struct st_packet *got)
{
	const struct st_layer *q, *s;
	const struct st_field *fq, *fs;
	char a[ST_FMT_BUF * 2], b[ST_FMT_BUF * 2];
	unsigned i, j, k, x, nsame = 0, ndiff = 0;
	int ttl, nat;

	ttl = hops_changed(sent, got);
	nat = ends_changed(sent, got);
	for (i = 0; i < got->nlayers; i++) {
		q = &got->layers[i];
		if (q->depth != 1 || q->proto->role == ST_ROLE_DATA)
			continue;
		if ((s = same_layer(sent, q->proto)) == NULL)
			continue;
		for (j = q->field0; j < (unsigned)q->field0 + q->nfields; j++) {
			fq = &got->fields[j];
			if (fq->bits == 0 || has_parts(got, q, j))
				continue;
			/* Which occurrence of its name this field is. */
			for (k = 0, x = q->field0; x < j; x++)
				k += got->fields[x].desc == fq->desc;
			if ((fs = nth_field(sent, s, fq->desc, k)) == NULL)
				continue;
			if (st_field_equal(sent, fs, got, fq)) {
				nsame++;
				continue;
			}
			ndiff++;
			st_out_printf(o, "  %-22s %s → %s", fq->desc->name,
			    valtext(sent, fs, a, sizeof(a)),
			    valtext(got, fq, b, sizeof(b)));
			st_out_pad(o, strlen(a) + strlen(b) + 3, 34);
			why(o, fq->desc, fs->val, fq->val,
			    is_zero(sent, fs), ttl, nat, has_hops(q->proto));
			st_out_putc(o, '\n');
		}
	}
	if (ndiff == 0 && nsame > 0)
		st_out_printf(o, "  all %u quoted fields as sent: nothing on "
		    "the way changed them\n", nsame);
	else if (nsame > 0)
		st_out_printf(o, "  the other %u quoted fields as sent\n",
		    nsame);
	else
		st_out_puts(o, "  no field to compare (the quote is cut too "
		    "short)\n");
}

/* The ICMP or ICMPv6 error layer of pkt that quotes a packet, or NULL. */
static const struct st_layer *
error_layer(const struct st_packet *pkt)
{
	unsigned i;

	for (i = 1; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 1 && pkt->layers[i - 1].depth == 0)
			return &pkt->layers[i - 1];
	return NULL;
}

static void
quote_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	const struct st_layer *err, *ip;
	void **state = st_vctx_state(v, &st_view_quote);
	struct st_quotes *qs = state != NULL ? *state : NULL;
	struct slot *sl;
	uint8_t key[KEYLEN];
	double dt;

	if (qs == NULL && (state == NULL ||
	    (qs = *state = calloc(1, sizeof(*qs))) == NULL)) {
		st_out_puts(o, "quote: out of memory\n");
		return;
	}
	if ((err = error_layer(pkt)) != NULL) {
		st_out_printf(o, "Frame %llu: %s error quoting ",
		    (unsigned long long)pkt->num, err->proto->name);
		sl = key_of(pkt, 1, key) > 0 ? &qs->slots[hash(key)] : NULL;
		if (sl == NULL || !sl->used || memcmp(sl->key, key, KEYLEN)) {
			st_out_puts(o, "a packet not in this capture (or not "
			    "among the last ones seen): nothing to compare\n\n");
		} else {
			dt = (double)(pkt->ts.tv_sec - sl->ts.tv_sec) +
			    (double)(pkt->ts.tv_nsec - sl->ts.tv_nsec) / 1e9;
			st_out_printf(o, "frame %llu, sent %.6f s before; what "
			    "changed on the way:\n", (unsigned long long)sl->num,
			    dt);
			made_whole(&qs->orig, sl);
			st_quote_diff(o, &qs->orig, pkt);
			st_out_putc(o, '\n');
		}
	}
	/* Remember this packet, in case an error quotes it later. */
	if (key_of(pkt, 0, key) == 0 || (ip = net_at(pkt, 0)) == NULL)
		return;
	sl = &qs->slots[hash(key)];
	memcpy(sl->key, key, KEYLEN);
	sl->n = (uint16_t)(pkt->caplen - ip->off < KEEP ? pkt->caplen - ip->off :
	    KEEP);
	memcpy(sl->bytes, pkt->data + ip->off, sl->n);
	sl->num = pkt->num;
	sl->ts = pkt->ts;
	sl->used = 1;
	keep_model(sl, pkt, ip);
}

const struct st_view st_view_quote = {
	"quote", "ICMP errors: the quoted packet against the one sent, what "
	"changed on the way", quote_packet, NULL, NULL, 0, 0, 0, free
};
