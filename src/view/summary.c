/*
 * The summary view: one line per packet, in the spirit of tcpdump -n:
 *
 *   3  0.000166  eth › ipv4 › tcp  198.19.177.6:61017 → 198.18.37.31:8080 [S] seq 2699665147 win 65535 len 0
 *
 * number, seconds since the first packet, the layer chain (quoted layers
 * are named in the facts), and the key facts of the innermost layer.
 */
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/protos.h"
#include "strata/view.h"

/*
 * Field look-ups by name, made cheap: each name (a string literal in FR(),
 * which gives it a place of its own) is resolved to its descriptor once,
 * then fields are found by pointer, first where the name was found last
 * time (packets alike have their fields at the same places), then by a
 * walk through the layer.
 */
struct fref {
	const char			*name;
	const struct st_field_desc	*desc;
	unsigned			 hint;	/* index in its layer */
	int				 known;	/* desc looked up */
};

#define FR(lit)	({ static struct fref fr_ = { lit, NULL, 0, 0 }; &fr_; })

static const struct st_field *
fd_get(const struct st_packet *pkt, const struct st_layer *ly,
    struct fref *r)
{
	const struct st_field *f;

	if (!r->known) {
		r->desc = st_desc_find(r->name);
		r->known = 1;
	}
	if (r->desc == NULL)
		return st_pkt_field(pkt, ly, r->name);
	if (ly == NULL)
		return st_pkt_fd(pkt, ly, r->desc);
	if (r->hint < ly->nfields &&
	    pkt->fields[ly->field0 + r->hint].desc == r->desc)
		return &pkt->fields[ly->field0 + r->hint];
	if ((f = st_pkt_fd(pkt, ly, r->desc)) != NULL)
		r->hint = (unsigned)(f - &pkt->fields[ly->field0]);
	return f;
}

/* The value of field name in ly, or def. */
static uint64_t
val(const struct st_packet *pkt, const struct st_layer *ly, struct fref *name,
    uint64_t def)
{
	const struct st_field *f = fd_get(pkt, ly, name);

	return f != NULL ? f->val : def;
}

static void
put_field(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, struct fref *name)
{
	const struct st_field *f = fd_get(pkt, ly, name);

	if (f != NULL)
		st_fmt_value(o, pkt, f, 16);
	else
		st_out_putc(o, '?');
}

static int
is(const struct st_layer *ly, const struct st_proto *p)
{
	return ly != NULL && ly->proto == p;
}

/* "A → B" or "A:p → B:p" from the network layer net and transport tl. */
static void
endpoints(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl, const char *pfx)
{
	int v6 = is(net, &st_proto_ipv6);
	struct fref *src = v6 ? FR("ipv6.src") : FR("ip.src");
	struct fref *dst = v6 ? FR("ipv6.dst") : FR("ip.dst");
	int udp = pfx != NULL && pfx[0] == 'u';
	struct fref *sp = udp ? FR("udp.srcport") : FR("tcp.srcport");
	struct fref *dp = udp ? FR("udp.dstport") : FR("tcp.dstport");

	if (v6 && tl != NULL)
		st_out_putc(o, '[');
	put_field(o, pkt, net, src);
	if (tl != NULL) {
		if (v6)
			st_out_putc(o, ']');
		st_out_putc(o, ':');
		put_field(o, pkt, tl, sp);
	}
	st_out_puts(o, " \xe2\x86\x92 ");
	if (v6 && tl != NULL)
		st_out_putc(o, '[');
	put_field(o, pkt, net, dst);
	if (tl != NULL) {
		if (v6)
			st_out_putc(o, ']');
		st_out_putc(o, ':');
		put_field(o, pkt, tl, dp);
	}
}

/* TCP options in tcpdump's form: "options [mss 1460,sackOK,TS val 1 ecr 0]". */
static void
tcp_opts(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly)
{
	static const struct st_field_desc *d_kind, *d_len, *d_mss, *d_ws,
	    *d_ts, *d_sack;
	const struct st_field *f, *end = &pkt->fields[ly->field0 + ly->nfields];
	int n = 0;

	if (d_kind == NULL) {
		d_kind = st_desc_find("tcp.option_kind");
		d_len = st_desc_find("tcp.option_len");
		d_mss = st_desc_find("tcp.options.mss_val");
		d_ws = st_desc_find("tcp.options.wscale.shift");
		d_ts = st_desc_find("tcp.options.timestamp.tsval");
		d_sack = st_desc_find("tcp.options.sack_le");
	}
	for (f = &pkt->fields[ly->field0]; f < end; f++) {
		if (f->desc != d_kind)
			continue;
		if (n++ == 0)
			st_out_puts(o, " options [");
		else
			st_out_putc(o, ',');
		switch (f->val) {
		case 0:
			st_out_puts(o, "eol");
			break;
		case 1:
			st_out_puts(o, "nop");
			break;
		case 4:
			st_out_puts(o, "sackOK");
			break;
		default:
			if (f + 2 < end && f[1].desc == d_len) {
				const struct st_field_desc *k = f[2].desc;

				if (k == d_mss) {
					st_out_puts(o, "mss ");
					st_out_u64(o, f[2].val);
				} else if (k == d_ws) {
					st_out_puts(o, "wscale ");
					st_out_u64(o, f[2].val);
				} else if (k == d_ts && f + 3 < end) {
					st_out_puts(o, "TS val ");
					st_out_u64(o, f[2].val);
					st_out_puts(o, " ecr ");
					st_out_u64(o, f[3].val);
				}
				else if (k == d_sack)
					st_out_puts(o, "sack");
				else
					st_out_printf(o, "opt-%u",
					    (unsigned)f->val);
			} else
				st_out_printf(o, "opt-%u", (unsigned)f->val);
		}
	}
	if (n > 0)
		st_out_putc(o, ']');
}

/*
 * Relative sequence numbers, as tcpdump shows them: a connection table
 * keyed by addresses and ports, of fixed size and set-associative: a key's
 * hash picks a bucket of WAYS connections, and when all are taken by
 * others the one seen longest ago makes room.  So the cost per packet is
 * constant and the memory bounded however many connections a capture
 * holds.  A bucket's tags and ages fill one cache line, looked at first;
 * a connection's own line is touched only when its tag matches (or it is
 * made), so a lookup costs two lines at most, found or not.
 */
#define BUCKETS	2048
#define WAYS	8	/* 16,384 connections, 1.1 MiB */
#define KEYLEN	40	/* family, two addresses, two ports, zero padding */

struct bucket {
	uint32_t	tag[WAYS];	/* 0: free */
	uint32_t	age[WAYS];	/* packet number last seen, low bits */
};

/* One cache line. */
struct conn {
	uint64_t	bframe[2];	/* the frame it came in */
	uint32_t	base[2];	/* first sequence number each way */
	uint8_t		key[37];	/* KEYLEN less the zero padding */
	uint8_t		have[2];
	uint8_t		pad;
};

_Static_assert(sizeof(struct conn) == 64, "a connection is one cache line");

struct st_conns {
	_Alignas(64) struct bucket bucket[BUCKETS];
	struct conn	conn[BUCKETS * WAYS];
};

void
st_vctx_free(struct st_vctx *v)
{
	free(v->conns);
	v->conns = NULL;
	free(v->quotes);
	v->quotes = NULL;
	free(v->stats);
	v->stats = NULL;
}

/* A 64-bit hash of the key, eight bytes at a time. */
static uint64_t
key_hash(const uint8_t *key)
{
	uint64_t h = 0x9e3779b97f4a7c15u, w;
	size_t i;

	for (i = 0; i < KEYLEN; i += 8) {
		memcpy(&w, key + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	return h;
}

/*
 * The connection of net/tcp, and the direction of this packet in it; *made
 * says it was made for this packet (and so holds only its key).
 */
static struct conn *
conn_of(struct st_vctx *v, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl, int *dir,
    int *made)
{
	int v6 = is(net, &st_proto_ipv6);
	const struct st_field *fs, *fd, *ps, *pd;
	const uint8_t *a, *b;
	uint8_t key[KEYLEN];
	size_t al, bl, i, victim = 0;
	struct bucket *bk;
	struct conn *c;
	uint64_t h;
	uint32_t tag, now = (uint32_t)pkt->num;
	uint16_t sp, dp;
	int swap, cmp;

	fs = fd_get(pkt, net, v6 ? FR("ipv6.src") : FR("ip.src"));
	fd = fd_get(pkt, net, v6 ? FR("ipv6.dst") : FR("ip.dst"));
	ps = fd_get(pkt, tl, FR("tcp.srcport"));
	pd = fd_get(pkt, tl, FR("tcp.dstport"));
	if (fs == NULL || fd == NULL || ps == NULL || pd == NULL ||
	    (a = st_field_bytes(pkt, fs, &al)) == NULL ||
	    (b = st_field_bytes(pkt, fd, &bl)) == NULL || al != bl || al > 16)
		return NULL;
	if (v->conns == NULL) {
		if ((v->conns = aligned_alloc(64, sizeof(*v->conns))) == NULL)
			return NULL;
		memset(v->conns, 0, sizeof(*v->conns));
	}
	sp = (uint16_t)ps->val;
	dp = (uint16_t)pd->val;
	/* One key for both directions: the smaller end first. */
	cmp = memcmp(a, b, al);
	swap = cmp > 0 || (cmp == 0 && sp > dp);
	memset(key, 0, sizeof(key));
	key[0] = (uint8_t)al;
	memcpy(key + 1, swap ? b : a, al);
	memcpy(key + 17, swap ? a : b, al);
	key[33] = (uint8_t)((swap ? dp : sp) >> 8);
	key[34] = (uint8_t)(swap ? dp : sp);
	key[35] = (uint8_t)((swap ? sp : dp) >> 8);
	key[36] = (uint8_t)(swap ? sp : dp);
	*dir = swap;
	*made = 0;
	h = key_hash(key);
	bk = &v->conns->bucket[h % BUCKETS];
	tag = (uint32_t)(h >> 32) | 1;
	for (i = 0; i < WAYS; i++) {
		if (bk->tag[i] == tag) {
			c = &v->conns->conn[(h % BUCKETS) * WAYS + i];
			if (memcmp(c->key, key, sizeof(c->key)) == 0) {
				bk->age[i] = now;
				return c;
			}
		}
		if (bk->tag[i] == 0) {		/* free: no older one */
			victim = i;
			break;
		}
		/* Ages compared as distances back from now, so that the
		 * low bits of the packet number may wrap. */
		if (now - bk->age[i] > now - bk->age[victim])
			victim = i;
	}
	/* Not found: a free way, or the one seen longest ago, makes room.
	 * (A free way ends the look: ways fill in order, none is freed.) */
	c = &v->conns->conn[(h % BUCKETS) * WAYS + victim];
	memset(c, 0, sizeof(*c));
	memcpy(c->key, key, sizeof(c->key));
	bk->tag[victim] = tag;
	bk->age[victim] = now;
	*made = 1;
	return c;
}

int
st_tcp_rel(struct st_vctx *v, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl,
    struct st_tcp_rel *r)
{
	const struct st_field *fseq = fd_get(pkt, tl, FR("tcp.seq_raw"));
	const struct st_field *fack = fd_get(pkt, tl, FR("tcp.ack_raw"));
	struct conn *c;
	int dir = 0, made;

	memset(r, 0, sizeof(*r));
	if (fseq == NULL)
		return -1;
	r->seq = (uint32_t)fseq->val;
	r->ack = fack != NULL ? (uint32_t)fack->val : 0;
	r->first = 1;
	if ((c = conn_of(v, pkt, net, tl, &dir, &made)) == NULL)
		return 0;
	if (made) {
		/* Only written: reading the line just made would wait for
		 * it to come from memory. */
		c->base[dir] = r->seq;
		c->bframe[dir] = pkt->num;
		c->have[dir] = 1;
		r->sbase = r->seq;
		r->sframe = pkt->num;
		return 0;
	}
	if (!c->have[dir]) {
		c->base[dir] = r->seq;
		c->bframe[dir] = pkt->num;
		c->have[dir] = 1;
	}
	r->sbase = c->base[dir];
	r->sframe = c->bframe[dir];
	r->first = c->bframe[dir] == pkt->num;
	if (c->have[1 - dir]) {
		r->abase = c->base[1 - dir];
		r->aframe = c->bframe[1 - dir];
	}
	return 0;
}

/*
 * tcpdump's sequence fields: "seq a:b" (b exclusive) with data, "seq a" on
 * SYN, FIN or RST, nothing else on a bare ACK; "ack n" when ACK is set.
 * Relative to each direction's first sequence number after the first
 * packet each way, unless -S.
 */
static void
tcp_seq(struct st_out *o, struct st_vctx *v, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl)
{
	const struct st_field *flen = fd_get(pkt, tl, FR("tcp.len"));
	uint64_t fl = val(pkt, tl, FR("tcp.flags"), 0);
	uint32_t seq, ack, sbase = 0, abase = 0;
	const struct st_field *fseq, *fack;
	struct st_tcp_rel r;

	if (v->abs_seq) {		/* -S: no table to keep */
		if ((fseq = fd_get(pkt, tl, FR("tcp.seq_raw"))) == NULL)
			return;
		fack = fd_get(pkt, tl, FR("tcp.ack_raw"));
		seq = (uint32_t)fseq->val;
		ack = fack != NULL ? (uint32_t)fack->val : 0;
	} else {
		if (st_tcp_rel(v, pkt, net, tl, &r) != 0)
			return;
		seq = r.seq;
		ack = r.ack;
		if (!r.first) {	/* the first packet each way: as is */
			sbase = r.sbase;
			abase = r.aframe != 0 ? r.abase : 0;
		}
	}
	if (flen != NULL && flen->val > 0) {
		st_out_puts(o, " seq ");
		st_out_u64(o, (uint32_t)(seq - sbase));
		st_out_putc(o, ':');
		st_out_u64(o, (uint32_t)(seq - sbase + flen->val));
	} else if (fl & 0x007) {
		st_out_puts(o, " seq ");
		st_out_u64(o, (uint32_t)(seq - sbase));
	}
	if (fl & 0x010) {
		st_out_puts(o, " ack ");
		st_out_u64(o, (uint32_t)(ack - abase));
	}
}

/* tcpdump's flag letters, in its order; "." is ACK. */
static void
tcp_flags(struct st_out *o, uint64_t fl)
{
	static const struct {
		unsigned bit;
		char	 c;
	} tab[] = { { 0x001, 'F' }, { 0x002, 'S' }, { 0x004, 'R' },
		{ 0x008, 'P' }, { 0x010, '.' }, { 0x020, 'U' }, { 0x040, 'E' },
		{ 0x080, 'W' }, { 0x100, 'e' } };
	size_t i;
	int any = 0;

	st_out_putc(o, '[');
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (fl & tab[i].bit) {
			st_out_putc(o, tab[i].c);
			any = 1;
		}
	if (!any)
		st_out_puts(o, "none");
	st_out_putc(o, ']');
}

static void
icmp_facts(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, int v6)
{
	const struct st_field *t, *c;
	const char *m;

	t = fd_get(pkt, ly, v6 ? FR("icmpv6.type") : FR("icmp.type"));
	c = fd_get(pkt, ly, v6 ? FR("icmpv6.code") : FR("icmp.code"));
	if (t == NULL)
		return;
	m = st_field_meaning(t);
	if (m != NULL)
		st_out_puts(o, m);
	else
		st_out_printf(o, "type %u", (unsigned)t->val);
	if (c != NULL && (m = st_field_meaning(c)) != NULL)
		st_out_printf(o, " (%s)", m);
	else if (c != NULL && c->val != 0)
		st_out_printf(o, " code %u", (unsigned)c->val);
	if (fd_get(pkt, ly, v6 ? FR("icmpv6.echo.identifier") :
	    FR("icmp.ident")) != NULL) {
		st_out_puts(o, " id ");
		put_field(o, pkt, ly, v6 ? FR("icmpv6.echo.identifier") :
		    FR("icmp.ident"));
		st_out_puts(o, " seq ");
		put_field(o, pkt, ly, v6 ? FR("icmpv6.echo.sequence_number") :
		    FR("icmp.seq"));
	}
	if ((c = fd_get(pkt, ly, FR("icmpv6.nd.ns.target_address"))) ||
	    (c = fd_get(pkt, ly, FR("icmpv6.nd.na.target_address")))) {
		st_out_puts(o, " target ");
		st_fmt_value(o, pkt, c, 16);
	}
	if ((c = fd_get(pkt, ly, v6 ? FR("icmpv6.mtu") : FR("icmp.mtu")))) {
		st_out_puts(o, " mtu ");
		st_out_u64(o, c->val);
	}
	st_out_puts(o, " len ");
	st_out_u64(o, ly->len);
}

/* The facts of the chain starting at layer first, at one depth. */
static void facts(struct st_out *o, const struct st_packet *pkt,
    unsigned first, struct st_vctx *v);

static void
quoted(struct st_out *o, const struct st_packet *pkt, unsigned i,
    struct st_vctx *v)
{
	unsigned j, depth = pkt->layers[i].depth;

	unsigned k, n = 0;

	for (j = i + 1; j < pkt->nlayers; j++) {
		if (pkt->layers[j].depth != depth + 1)
			continue;
		st_out_puts(o, " [quoting ");
		for (k = j; k < pkt->nlayers && pkt->layers[k].depth > depth;
		    k++) {
			if (pkt->layers[k].depth != depth + 1 ||
			    is(&pkt->layers[k], &st_proto_data))
				continue;
			if (n++ > 0)
				st_out_puts(o, " \xe2\x80\xba ");
			st_out_puts(o, pkt->layers[k].proto->name);
		}
		st_out_puts(o, "  ");
		facts(o, pkt, j, v);
		st_out_putc(o, ']');
		return;
	}
}

/* Every value of field name in the layers from ly on, joined by sep. */
static void
all_values(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, const char *name, const char *sep, int max)
{
	unsigned i;
	int n = 0;

	for (i = ly->field0; i < (unsigned)ly->field0 + ly->nfields; i++)
		if (strcmp(pkt->fields[i].desc->name, name) == 0) {
			if (n++ == max) {
				st_out_puts(o, sep);
				st_out_puts(o, "...");
				return;
			}
			if (n > 1)
				st_out_puts(o, sep);
			st_fmt_value(o, pkt, &pkt->fields[i], 16);
		}
}

/* The application layer's facts: a DNS question, an HTTP line, a hello. */
static void
app_facts(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly)
{
	const struct st_field *f;
	const char *m;

	st_out_puts(o, "  ");
	if (is(ly, &st_proto_dns)) {
		f = fd_get(pkt, ly, FR("dns.qry.type"));
		m = f != NULL ? st_field_meaning(f) : NULL;
		st_out_puts(o, val(pkt, ly, FR("dns.flags.response"), 0) ?
		    "dns response " : "dns query ");
		put_field(o, pkt, ly, FR("dns.id"));
		if (f != NULL) {
			st_out_printf(o, " %s", m != NULL ? m : "?");
			if (!val(pkt, ly, FR("dns.flags.response"), 0))
				st_out_putc(o, '?');
			st_out_putc(o, ' ');
			put_field(o, pkt, ly, FR("dns.qry.name"));
		}
		if (val(pkt, ly, FR("dns.flags.response"), 0)) {
			st_out_printf(o, " %u/%u/%u", (unsigned)val(pkt, ly,
			    FR("dns.count.answers"), 0), (unsigned)val(pkt, ly,
			    FR("dns.count.auth_rr"), 0), (unsigned)val(pkt, ly,
			    FR("dns.count.add_rr"), 0));
			if ((m = st_field_meaning(fd_get(pkt, ly,
			    FR("dns.flags.rcode")))) != NULL && val(pkt, ly,
			    FR("dns.flags.rcode"), 0) != 0)
				st_out_printf(o, " %s", m);
			if (fd_get(pkt, ly, FR("dns.a")) != NULL) {
				st_out_putc(o, ' ');
				all_values(o, pkt, ly, "dns.a", ",", 4);
			}
			if (fd_get(pkt, ly, FR("dns.aaaa")) != NULL) {
				st_out_putc(o, ' ');
				all_values(o, pkt, ly, "dns.aaaa", ",", 4);
			}
		}
	} else if (is(ly, &st_proto_http)) {
		if (fd_get(pkt, ly, FR("http.request.method")) != NULL) {
			put_field(o, pkt, ly, FR("http.request.method"));
			st_out_putc(o, ' ');
			put_field(o, pkt, ly, FR("http.request.uri"));
			st_out_putc(o, ' ');
			put_field(o, pkt, ly, FR("http.request.version"));
		} else if (fd_get(pkt, ly, FR("http.response.code")) != NULL) {
			put_field(o, pkt, ly, FR("http.response.version"));
			st_out_putc(o, ' ');
			put_field(o, pkt, ly, FR("http.response.code"));
			st_out_putc(o, ' ');
			put_field(o, pkt, ly, FR("http.response.phrase"));
		} else
			st_out_puts(o, "http (continued)");
	} else if (is(ly, &st_proto_tls)) {
		unsigned i;
		int n = 0;

		for (i = 0; i < pkt->nlayers; i++) {
			const struct st_layer *t = &pkt->layers[i];

			if (!is(t, &st_proto_tls) || t->depth != ly->depth)
				continue;
			if (n++ > 0)
				st_out_puts(o, ", ");
			if ((f = fd_get(pkt, t, FR("tls.handshake.type"))) !=
			    NULL && (m = st_field_meaning(f)) != NULL) {
				st_out_printf(o, "tls %s", m);
				if (fd_get(pkt, t,
				    FR("tls.handshake.extensions_server_name"))) {
					st_out_puts(o, " sni ");
					put_field(o, pkt, t, FR("tls.handshake."
					    "extensions_server_name"));
				}
				if (fd_get(pkt, t,
				    FR("tls.handshake.extensions_alpn_str"))) {
					st_out_puts(o, " alpn ");
					all_values(o, pkt, t, "tls.handshake."
					    "extensions_alpn_str", ",", 4);
				}
				if (f->val == 2 && fd_get(pkt, t,
				    FR("tls.handshake.ciphersuite"))) {
					st_out_puts(o, " cipher ");
					put_field(o, pkt, t,
					    FR("tls.handshake.ciphersuite"));
				}
			} else if ((f = fd_get(pkt, t,
			    FR("tls.record.content_type"))) != NULL &&
			    (m = st_field_meaning(f)) != NULL)
				st_out_printf(o, "tls %s", m);
		}
	}
}

static int
is_app(const struct st_layer *ly)
{
	return is(ly, &st_proto_dns) || is(ly, &st_proto_http) || is(ly, &st_proto_tls);
}

static void
facts(struct st_out *o, const struct st_packet *pkt, unsigned first,
    struct st_vctx *v)
{
	const struct st_layer *net = NULL, *tl = NULL, *ly, *last = NULL;
	const struct st_layer *app = NULL;
	unsigned i, depth = pkt->layers[first].depth, ti = 0;

	for (i = first; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth < depth)
			break;
		if (ly->depth > depth || is(ly, &st_proto_trailer))
			continue;
		if (is(ly, &st_proto_ipv4) || is(ly, &st_proto_ipv6)) {
			net = ly;
			tl = NULL;
		} else if (is_app(ly)) {
			if (app == NULL)
				app = ly;
		} else if (!is(ly, &st_proto_data) && !is(ly, &st_proto_hopopts) &&
		    !is(ly, &st_proto_dstopts) && !is(ly, &st_proto_routing) &&
		    !is(ly, &st_proto_frag6)) {
			tl = ly;
			ti = i;
		}
		last = ly;
	}
	if (is(tl, &st_proto_tcp) && net != NULL) {
		endpoints(o, pkt, net, tl, "tcp");
		st_out_putc(o, ' ');
		tcp_flags(o, val(pkt, tl, FR("tcp.flags"), 0));
		tcp_seq(o, v, pkt, net, tl);
		st_out_puts(o, " win ");
		put_field(o, pkt, tl, FR("tcp.window_size_value"));
		tcp_opts(o, pkt, tl);
		st_out_puts(o, " len ");
		put_field(o, pkt, tl, FR("tcp.len"));
	} else if (is(tl, &st_proto_udp) && net != NULL) {
		endpoints(o, pkt, net, tl, "udp");
		st_out_puts(o, " len ");
		st_out_u64(o, tl->len >= 8 ? tl->len - 8 : 0);
	} else if ((is(tl, &st_proto_icmp) || is(tl, &st_proto_icmpv6)) && net != NULL) {
		endpoints(o, pkt, net, NULL, NULL);
		st_out_putc(o, ' ');
		icmp_facts(o, pkt, tl, is(tl, &st_proto_icmpv6));
		quoted(o, pkt, ti, v);
	} else if (is(tl, &st_proto_arp)) {
		uint64_t op = val(pkt, tl, FR("arp.opcode"), 0);

		if (op == 1) {
			st_out_puts(o, "who-has ");
			put_field(o, pkt, tl, FR("arp.dst.proto_ipv4"));
			st_out_puts(o, " tell ");
			put_field(o, pkt, tl, FR("arp.src.proto_ipv4"));
		} else if (op == 2) {
			put_field(o, pkt, tl, FR("arp.src.proto_ipv4"));
			st_out_puts(o, " is-at ");
			put_field(o, pkt, tl, FR("arp.src.hw_mac"));
		} else
			st_out_printf(o, "opcode %u", (unsigned)op);
	} else if (net != NULL) {
		const struct st_field *p = fd_get(pkt, net,
		    is(net, &st_proto_ipv6) ? FR("ipv6.nxt") : FR("ip.proto"));
		const struct st_field *fo = fd_get(pkt, net,
		    FR("ip.frag_offset"));

		endpoints(o, pkt, net, NULL, NULL);
		if (fo != NULL && fo->val != 0)
			st_out_printf(o, " fragment offset %u",
			    (unsigned)fo->val);
		else if (p != NULL) {
			const char *m = st_field_meaning(p);

			st_out_printf(o, " proto %u", (unsigned)p->val);
			if (m != NULL)
				st_out_printf(o, " (%s)", m);
		}
		st_out_puts(o, " len ");
		st_out_u64(o, net->len);
	} else if (last != NULL && (is(&pkt->layers[first], &st_proto_eth))) {
		const struct st_layer *e = &pkt->layers[first];
		const struct st_field *t = fd_get(pkt, e, FR("eth.type"));

		put_field(o, pkt, e, FR("eth.src"));
		st_out_puts(o, " \xe2\x86\x92 ");
		put_field(o, pkt, e, FR("eth.dst"));
		if (t != NULL) {
			const char *m = st_field_meaning(t);

			st_out_printf(o, " type 0x%04x", (unsigned)t->val);
			if (m != NULL)
				st_out_printf(o, " (%s)", m);
		} else
			st_out_printf(o, " 802.3 length %u",
			    (unsigned)val(pkt, e, FR("eth.len"), 0));
		st_out_puts(o, " len ");
		st_out_u64(o, pkt->len);
	} else {
		st_out_puts(o, "len ");
		st_out_u64(o, pkt->len);
	}
	if (app != NULL)
		app_facts(o, pkt, app);
}

/* Marks: the first layer cut short or malformed, and bad checksums. */
static void
marks(struct st_out *o, const struct st_packet *pkt)
{
	const struct st_layer *ly;
	const struct st_field *f;
	unsigned i;
	int said = 0;

	for (i = 0; i < pkt->nlayers && !said; i++) {
		ly = &pkt->layers[i];
		if (ly->status == ST_LS_TRUNCATED) {
			st_out_printf(o, " [truncated %s]", ly->proto->name);
			said = 1;
		} else if (ly->status == ST_LS_MALFORMED) {
			st_out_printf(o, " [malformed %s: %s]",
			    ly->proto->name, ly->why);
			said = 1;
		}
	}
	for (i = 0; pkt->nbadck > 0 && i < pkt->nfields; i++) {
		f = &pkt->fields[i];
		if (f->ck == ST_CK_BAD)
			st_out_printf(o, " [bad %s]", f->desc->name);
	}
}

static void
summary_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	int64_t ds, dn;
	unsigned i;
	int n = 0;

	if (!v->have_t0) {
		v->t0 = pkt->ts;
		v->have_t0 = 1;
	}
	ds = (int64_t)pkt->ts.tv_sec - v->t0.tv_sec;
	dn = (int64_t)pkt->ts.tv_nsec - v->t0.tv_nsec;
	if (dn < 0) {
		dn += 1000000000;
		ds--;
	}
	st_out_u64(o, pkt->num);
	st_out_puts(o, "  ");
	if (ds < 0) {
		st_out_putc(o, '-');
		ds = -ds - 1;
		dn = 1000000000 - dn;
	}
	st_out_u64(o, (uint64_t)ds);
	{
		char frac[8];
		long us = (long)(dn / 1000);
		int k;

		frac[0] = '.';
		for (k = 6; k > 0; k--, us /= 10)
			frac[k] = (char)('0' + us % 10);
		frac[7] = ' ';
		st_out_write(o, frac, 8);
		st_out_putc(o, ' ');
	}
	for (i = 0; i < pkt->nlayers; i++) {
		const struct st_layer *ly = &pkt->layers[i];

		if (ly->depth > 0 || is(ly, &st_proto_trailer) ||
		    (is(ly, &st_proto_data) && i > 0))
			continue;
		if (n++ > 0)
			st_out_puts(o, " \xe2\x80\xba ");
		if (v->color)
			st_out_puts(o, st_color(v, ly->proto->name));
		st_out_puts(o, ly->proto->name);
		if (v->color)
			st_out_puts(o, st_color_off(v));
	}
	st_out_puts(o, "  ");
	if (pkt->nlayers > 0)
		facts(o, pkt, 0, v);
	marks(o, pkt);
	st_out_putc(o, '\n');
}

const struct st_view st_view_summary = {
	"summary", "one line per packet: layer chain and key facts",
	summary_packet, NULL, NULL, 0, 1
};
