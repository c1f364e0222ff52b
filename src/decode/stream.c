/*
 * Following a TCP stream: collecting the segments of one conversation
 * directions, put in sequence order (retransmissions and overlaps
 * recognised, gaps marked), and drawn as the application saw it: each
 * message, the byte ranges of it each segment carried, in which frame,
 * with sequence numbers relative to the connection's start.
 *
 * Memory is bounded: at most ST_FOLLOW_SEGS segments and ST_FOLLOW_BYTES
 * bytes of payload are kept; past that the rest is counted, not stored.
 */
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <stdio.h>

#include "strata/decode.h"
#include "strata/protos.h"
#include "strata/follow.h"

int
st_follow_key(const struct st_packet *pkt, struct st_flow *k)
{
	const struct st_field *f;
	const struct st_layer *net = NULL, *tcp = NULL;
	const uint8_t *b;
	unsigned i;
	size_t n;

	for (i = 0; i < pkt->nlayers; i++) {
		if (pkt->layers[i].depth != 0)
			continue;
		if (pkt->layers[i].proto == &st_proto_ipv4 ||
		    pkt->layers[i].proto == &st_proto_ipv6)
			net = &pkt->layers[i];
		else if (pkt->layers[i].proto == &st_proto_tcp)
			tcp = &pkt->layers[i];
	}
	if (net == NULL || tcp == NULL)
		return -1;
	memset(k, 0, sizeof(*k));
	k->fam = net->proto == &st_proto_ipv4 ? 4 : 6;
	if ((f = st_pkt_field(pkt, net, k->fam == 4 ? "ip.src" : "ipv6.src"))
	    == NULL || (b = st_field_bytes(pkt, f, &n)) == NULL)
		return -1;
	memcpy(k->a, b, n);
	if ((f = st_pkt_field(pkt, net, k->fam == 4 ? "ip.dst" : "ipv6.dst"))
	    == NULL || (b = st_field_bytes(pkt, f, &n)) == NULL)
		return -1;
	memcpy(k->b, b, n);
	if ((f = st_pkt_field(pkt, tcp, "tcp.srcport")) == NULL)
		return -1;
	k->pa = (uint16_t)f->val;
	if ((f = st_pkt_field(pkt, tcp, "tcp.dstport")) == NULL)
		return -1;
	k->pb = (uint16_t)f->val;
	return 0;
}

/* 0: a to b, 1: b to a, -1: another conversation. */
static int
direction(const struct st_flow *s, const struct st_flow *k)
{
	size_t n = s->fam == 4 ? 4 : 16;

	if (s->fam != k->fam)
		return -1;
	if (memcmp(s->a, k->a, n) == 0 && memcmp(s->b, k->b, n) == 0 &&
	    s->pa == k->pa && s->pb == k->pb)
		return 0;
	if (memcmp(s->a, k->b, n) == 0 && memcmp(s->b, k->a, n) == 0 &&
	    s->pa == k->pb && s->pb == k->pa)
		return 1;
	return -1;
}

void
st_follow_init(struct st_follow *fw, const struct st_flow *key)
{
	memset(fw, 0, sizeof(*fw));
	fw->key = *key;
}

void
st_follow_free(struct st_follow *fw)
{
	free(fw->segs);
	free(fw->data);
	fw->segs = NULL;
	fw->data = NULL;
}

int
st_follow_add(struct st_follow *fw, const struct st_packet *pkt)
{
	const struct st_field *seq, *fl, *len;
	const struct st_layer *tcp = NULL;
	struct st_flow k;
	struct st_seg *s;
	unsigned i;
	int dir;

	if (st_follow_key(pkt, &k) != 0 || (dir = direction(&fw->key, &k)) < 0)
		return 0;
	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 0 &&
		    pkt->layers[i].proto == &st_proto_tcp)
			tcp = &pkt->layers[i];
	if ((seq = st_pkt_field(pkt, tcp, "tcp.seq_raw")) == NULL ||
	    (fl = st_pkt_field(pkt, tcp, "tcp.flags")) == NULL)
		return 0;
	len = st_pkt_field(pkt, tcp, "tcp.len");
	if (fw->first == 0)
		fw->first = pkt->num;
	fw->last = pkt->num;
	fw->frames++;
	if (fl->val & 0x002) {			/* SYN: the ISN */
		fw->isn[dir] = (uint32_t)seq->val;
		fw->has_isn[dir] = 1;
	}
	if (len == NULL || len->val == 0)
		return 1;
	if (fw->nsegs == ST_FOLLOW_SEGS || fw->used + len->val >
	    ST_FOLLOW_BYTES) {
		fw->dropped++;
		return 1;
	}
	if (fw->nsegs == fw->cap) {
		size_t nc = fw->cap ? fw->cap * 2 : 64;
		struct st_seg *ns = realloc(fw->segs, nc * sizeof(*ns));

		if (ns == NULL)
			return -1;
		fw->segs = ns;
		fw->cap = nc;
	}
	if (fw->used + len->val > fw->dcap) {
		size_t nc = fw->dcap ? fw->dcap : 4096;
		uint8_t *nd;

		while (nc < fw->used + len->val)
			nc *= 2;
		if ((nd = realloc(fw->data, nc)) == NULL)
			return -1;
		fw->data = nd;
		fw->dcap = nc;
	}
	s = &fw->segs[fw->nsegs++];
	s->frame = pkt->num;
	s->dir = dir;
	s->seq = (uint32_t)seq->val;
	s->len = (uint32_t)len->val;
	s->cap = tcp->len > tcp->hdr_len ? tcp->len - tcp->hdr_len : 0;
	if (s->cap > s->len)
		s->cap = s->len;
	s->off = fw->used;
	memcpy(fw->data + fw->used, pkt->data + tcp->off + tcp->hdr_len,
	    s->cap);
	fw->used += s->cap;
	return 1;
}

/* One side "ADDR:PORT" or "[ADDR]:PORT" into addr and port. */
static int
side(const char *t, size_t n, int *fam, uint8_t *addr, uint16_t *port)
{
	char buf[80];
	const char *colon;
	char *end;
	long p;
	size_t al;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, t, n);
	buf[n] = '\0';
	if ((colon = strrchr(buf, ':')) == NULL)
		return -1;
	p = strtol(colon + 1, &end, 10);
	if (*end != '\0' || p < 0 || p > 65535)
		return -1;
	*port = (uint16_t)p;
	al = (size_t)(colon - buf);
	buf[al] = '\0';
	if (buf[0] == '[' && al > 2 && buf[al - 1] == ']') {
		buf[al - 1] = '\0';
		*fam = 6;
		return inet_pton(AF_INET6, buf + 1, addr) == 1 ? 0 : -1;
	}
	*fam = 4;
	return inet_pton(AF_INET, buf, addr) == 1 ? 0 : -1;
}

int
st_follow_parse(const char *text, struct st_flow *k, const char **why)
{
	const char *p = text, *q;
	int fa, fb;

	memset(k, 0, sizeof(*k));
	*why = "want 'tcp A:PORT B:PORT' (IPv6 as [A]:PORT)";
	if (strncmp(p, "tcp ", 4) != 0)
		return -1;
	p += 4;
	while (*p == ' ')
		p++;
	if ((q = strchr(p, ' ')) == NULL)
		return -1;
	if (side(p, (size_t)(q - p), &fa, k->a, &k->pa) != 0)
		return -1;
	while (*q == ' ')
		q++;
	if (side(q, strlen(q), &fb, k->b, &k->pb) != 0 || fa != fb)
		return -1;
	k->fam = fa;
	return 0;
}
