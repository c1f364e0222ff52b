/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The stats view (`strata stats FILE`): what a capture holds, drawn in
 * the terminal after the last packet: the protocol hierarchy (frames and
 * bytes per chain of layers, as tshark -z io,phs), the conversations
 * (pairs of IP endpoints, and of TCP and UDP ones, with frames and bytes
 * each way, as -z conv), and a histogram of frame sizes (tshark's
 * buckets).  Memory is bounded: past the tables' sizes, further
 * conversations are counted together as "others".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/flow.h"
#include "strata/view.h"

#define NODES	512	/* protocol hierarchy nodes */
#define CONVS	8192	/* conversations per kind */
#define SHOWN	15	/* conversations listed per kind */
#define NBUCKET	10

struct node {
	const char	*name;		/* Wireshark's protocol name */
	int		 parent;	/* -1 at the top */
	uint64_t	 frames, bytes;
};

struct conv {
	uint8_t		 key[37];	/* length, A, B, port A, port B */
	uint8_t		 used;
	uint64_t	 frames[2], bytes[2];	/* A to B, B to A */
};

/* Kinds of conversations: of network layers (kind 0), and of each
 * transport protocol with ends (ports), in the order first seen. */
#define C_IP	0
#define C_KINDS	4

struct st_stats {
	struct node	 node[NODES];
	int		 nnodes;
	uint64_t	 lost_chains;
	const struct st_proto *kind[C_KINDS];	/* C_IP: none */
	struct conv	 conv[C_KINDS][CONVS];
	uint64_t	 others[C_KINDS][2];	/* frames, bytes */
	uint64_t	 bucket[NBUCKET];
	uint64_t	 frames, bytes, minlen, maxlen;
	struct timespec	 first, last;
};

static const unsigned bucket_lo[NBUCKET] = { 0, 20, 40, 80, 160, 320, 640,
	1280, 2560, 5120 };

static int
child(struct st_stats *s, int parent, const char *name)
{
	int i;

	for (i = 0; i < s->nnodes; i++)
		if (s->node[i].parent == parent &&
		    strcmp(s->node[i].name, name) == 0)
			return i;
	if (s->nnodes == NODES)
		return -2;
	s->node[s->nnodes].name = name;
	s->node[s->nnodes].parent = parent;
	return s->nnodes++;
}

static void
count_chain(struct st_stats *s, const struct st_packet *pkt)
{
	const struct st_layer *ly;
	int at = -1, made_at = -1, n, made, was_made = 0;
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->depth > 0 || ly->proto->role == ST_ROLE_TRAILER)
			continue;
		/* Layers over bytes a decoder made (st_dderive) branch off
		 * the layer that made them; the frame's chain goes on. */
		made = pkt->xwhat != NULL && ly->off >= pkt->caplen;
		if ((n = child(s, made && was_made ? made_at : at,
		    ly->proto->ws)) < 0) {
			s->lost_chains++;
			return;
		}
		s->node[n].frames++;
		s->node[n].bytes += pkt->len;
		if (made)
			made_at = n;
		else
			at = n;
		was_made = made;
	}
}

static void
count_conv(struct st_stats *s, int kind, const struct st_flowkey *k, int dir,
    uint32_t len)
{
	uint32_t h = 2166136261u;
	struct conv *c;
	size_t i;

	for (i = 0; i < sizeof(c->key); i++)
		h = (h ^ k->b[i]) * 16777619u;
	for (i = 0; i < 16; i++) {
		c = &s->conv[kind][(h + i) % CONVS];
		if (c->used && memcmp(c->key, k->b, sizeof(c->key)) != 0)
			continue;
		if (!c->used) {
			memcpy(c->key, k->b, sizeof(c->key));
			c->used = 1;
		}
		c->frames[dir]++;
		c->bytes[dir] += len;
		return;
	}
	s->others[kind][0]++;
	s->others[kind][1] += len;
}

/* The kind of transport protocol p's conversations, or -1: too many. */
static int
kind_of(struct st_stats *s, const struct st_proto *p)
{
	int i;

	for (i = 1; i < C_KINDS; i++) {
		if (s->kind[i] == p)
			return i;
		if (s->kind[i] == NULL) {
			s->kind[i] = p;
			return i;
		}
	}
	return -1;
}

/* The conversations of pkt: of its network layer, and of each transport
 * layer (once per protocol) over it. */
static void
count_convs(struct st_stats *s, const struct st_packet *pkt)
{
	const struct st_layer *ly, *net = NULL;
	const struct st_proto *seen[C_KINDS];
	struct st_flowkey k;
	int dir, kind, nseen = 0, i;

	for (ly = pkt->layers; ly < pkt->layers + pkt->nlayers; ly++) {
		if (ly->depth != 0)
			continue;
		if (net == NULL && ly->proto->role == ST_ROLE_NET) {
			if ((dir = st_flow_key_of(pkt, ly, NULL, &k)) < 0)
				return;
			net = ly;
			count_conv(s, C_IP, &k, dir, pkt->len);
		} else if (net != NULL && ly->proto->role == ST_ROLE_TRANSPORT &&
		    ly->proto->ends[0] != NULL && nseen < C_KINDS) {
			for (i = 0; i < nseen && seen[i] != ly->proto; i++)
				;
			if (i < nseen)
				continue;
			seen[nseen++] = ly->proto;
			if ((dir = st_flow_key_of(pkt, net, ly, &k)) >= 0 &&
			    (kind = kind_of(s, ly->proto)) >= 0)
				count_conv(s, kind, &k, dir, pkt->len);
		}
	}
}

static void
stats_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	void **state = st_vctx_state(v, &st_view_stats);
	struct st_stats *s = state != NULL ? *state : NULL;
	int i;

	(void)o;
	if (s == NULL && (state == NULL ||
	    (s = *state = calloc(1, sizeof(*s))) == NULL))
		return;
	if (s->frames == 0 || pkt->len < s->minlen)
		s->minlen = pkt->len;
	if (pkt->len > s->maxlen)
		s->maxlen = pkt->len;
	if (s->frames == 0)
		s->first = pkt->ts;
	s->last = pkt->ts;
	s->frames++;
	s->bytes += pkt->len;
	for (i = NBUCKET - 1; i > 0 && pkt->len < bucket_lo[i]; i--)
		;
	s->bucket[i]++;
	count_chain(s, pkt);
	count_convs(s, pkt);
}

static void
hierarchy(struct st_out *o, struct st_stats *s, int parent, int depth)
{
	int i, w;

	for (i = 0; i < s->nnodes; i++) {
		if (s->node[i].parent != parent)
			continue;
		w = depth * 2 + (int)strlen(s->node[i].name);
		st_out_pad(o, 0, (size_t)depth * 2 + 2);
		st_out_puts(o, s->node[i].name);
		st_out_pad(o, (size_t)w, 30);
		st_out_printf(o, "frames:%-10llu bytes:%-12llu %5.1f%%\n",
		    (unsigned long long)s->node[i].frames,
		    (unsigned long long)s->node[i].bytes, s->frames == 0 ? 0.0 :
		    100.0 * (double)s->node[i].frames / (double)s->frames);
		if (depth < 12)
			hierarchy(o, s, i, depth + 1);
	}
}

static void
endpoint(char *buf, const struct conv *c, int second, int kind)
{
	char a[ST_FMT_BUF];
	const uint8_t *p = c->key + (second ? 17 : 1);
	unsigned port = second ? (unsigned)c->key[35] << 8 | c->key[36] :
	    (unsigned)c->key[33] << 8 | c->key[34];

	if (c->key[0] == 4)
		st_fmt_ipv4(a, p);
	else
		st_fmt_ipv6(a, p);
	if (kind == C_IP)
		snprintf(buf, 64, "%s", a);
	else
		snprintf(buf, 64, c->key[0] == 4 ? "%s:%u" : "[%s]:%u", a, port);
}

static int
by_bytes(const void *x, const void *y)
{
	const struct conv *a = *(const struct conv *const *)x;
	const struct conv *b = *(const struct conv *const *)y;
	uint64_t ta = a->bytes[0] + a->bytes[1], tb = b->bytes[0] + b->bytes[1];

	return ta < tb ? 1 : ta > tb ? -1 : memcmp(a->key, b->key,
	    sizeof(a->key));
}

static void
conversations(struct st_out *o, struct st_stats *s, int kind)
{
	static const struct conv *list[CONVS];
	char a[64], b[64], title[16] = "IP";
	size_t n = 0, i;

	/* "IP", or the transport protocol's name in capitals: "TCP". */
	for (i = 0; kind != C_IP && i + 1 < sizeof(title) &&
	    s->kind[kind]->name[i] != '\0'; i++)
		title[i] = (char)toupper((unsigned char)s->kind[kind]->name[i]);
	if (kind != C_IP)
		title[i] = '\0';
	for (i = 0; i < CONVS; i++)
		if (s->conv[kind][i].used)
			list[n++] = &s->conv[kind][i];
	if (n == 0)
		return;
	qsort(list, n, sizeof(list[0]), by_bytes);
	st_out_printf(o, "\n%s conversations (%zu%s), by bytes:\n", title, n, s->others[kind][0] > 0 ? " and more counted as others" : "");
	st_out_printf(o, "  %-45s%21s%21s\n", "A <-> B", "A -> B", "B -> A");
	for (i = 0; i < n && i < SHOWN; i++) {
		endpoint(a, list[i], 0, kind);
		endpoint(b, list[i], 1, kind);
		st_out_printf(o, "  %-20s <-> %-20s %6llu fr %8llu B %6llu fr "
		    "%8llu B\n", a, b,
		    (unsigned long long)list[i]->frames[0],
		    (unsigned long long)list[i]->bytes[0],
		    (unsigned long long)list[i]->frames[1],
		    (unsigned long long)list[i]->bytes[1]);
	}
	if (n > SHOWN)
		st_out_printf(o, "  ... and %zu more\n", n - SHOWN);
	if (s->others[kind][0] > 0)
		st_out_printf(o, "  others (table full): %llu frames, %llu "
		    "bytes\n", (unsigned long long)s->others[kind][0],
		    (unsigned long long)s->others[kind][1]);
}

static void
histogram(struct st_out *o, struct st_stats *s)
{
	uint64_t top = 0;
	int i, j, w;

	for (i = 0; i < NBUCKET; i++)
		if (s->bucket[i] > top)
			top = s->bucket[i];
	st_out_printf(o, "\nFrame sizes (min %llu, average %.1f, max %llu "
	    "bytes):\n", (unsigned long long)s->minlen, s->frames == 0 ? 0.0 :
	    (double)s->bytes / (double)s->frames,
	    (unsigned long long)s->maxlen);
	for (i = 0; i < NBUCKET; i++) {
		if (i + 1 < NBUCKET)
			st_out_printf(o, "  %5u-%-5u ", bucket_lo[i],
			    bucket_lo[i + 1] - 1);
		else
			st_out_printf(o, "  %5u and up", bucket_lo[i]);
		st_out_printf(o, "%10llu", (unsigned long long)s->bucket[i]);
		w = top == 0 ? 0 : (int)((s->bucket[i] * 50 + top - 1) / top);
		if (w > 0)
			st_out_putc(o, ' ');
		for (j = 0; j < w; j++)
			st_out_puts(o, "█");
		st_out_putc(o, '\n');
	}
}

static void
stats_end(struct st_out *o, struct st_vctx *v)
{
	void **state = st_vctx_state(v, &st_view_stats);
	struct st_stats *s = state != NULL ? *state : NULL;
	double secs;
	size_t p;
	int k;

	if (s == NULL || s->frames == 0) {
		st_out_puts(o, "no packets\n");
		return;
	}
	secs = (double)(s->last.tv_sec - s->first.tv_sec) +
	    (double)(s->last.tv_nsec - s->first.tv_nsec) / 1e9;
	st_out_printf(o, "%llu frames, %llu bytes, over %.6f s\n",
	    (unsigned long long)s->frames, (unsigned long long)s->bytes, secs);
	st_out_puts(o, "\nProtocol hierarchy (frames and bytes that carry each "
	    "protocol):\n");
	hierarchy(o, s, -1, 0);
	if (s->lost_chains > 0)
		st_out_printf(o, "  (%llu frames' chains past the table, not "
		    "counted)\n", (unsigned long long)s->lost_chains);
	conversations(o, s, C_IP);
	/* The transport protocols in the registry's order. */
	for (p = 0; st_protos[p] != NULL; p++)
		for (k = 1; k < C_KINDS; k++)
			if (s->kind[k] == st_protos[p])
				conversations(o, s, k);
	histogram(o, s);
}

const struct st_view st_view_stats = {
	"stats", "after the last packet: protocol hierarchy, conversations, "
	"frame sizes", stats_packet, NULL, stats_end, 0, 1, 0, free, 1
};
