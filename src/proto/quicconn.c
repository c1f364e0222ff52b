/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QUIC's connections in a capture (RFC 9000 5.1, 5.2): which connection a
 * packet belongs to, so that short headers show their destination ID and
 * every packet its connection number.  The headers are in quic.c.
 */
#include <pthread.h>
#include <string.h>

#include "strata/flow.h"
#include "quic.h"

/*
 * Connections, as Wireshark finds and numbers them on its first pass: a
 * client's Initial that no connection knows opens one (numbered from 0 in
 * the capture); the source ID of each side's long headers is noted, so that
 * a short header's destination ID, whose length only the connection knows,
 * is read with its length.  A packet finds its connection by its
 * destination ID, or, when IDs are empty, by its addresses and ports.  One
 * bounded table (the oldest entry reused), emptied when frame numbers start
 * again (a new capture), under a mutex.
 */
struct qcid {
	uint8_t		 len;
	uint8_t		 b[QUIC_MAX_CID];
};

struct qend {
	uint8_t		 alen;		/* 4 or 16 */
	uint8_t		 addr[2][16];	/* source, destination */
	uint16_t	 port[2];
};

struct qconn {
	unsigned	 number;
	uint16_t	 chave[2];	/* Initial crypto bytes kept, each side */
	struct qend	 client;	/* as the client sent its first Initial */
	struct qcid	 icid;		/* the client's first destination ID */
	struct qcid	 ccid, scid;	/* the IDs the client, the server chose */
};

static struct qconn conns[QUIC_CONNS];
/* Each connection's Initial crypto stream from offset 0, client's and
 * server's, as far as it runs without a gap (chave bytes). */
static uint8_t cstream[QUIC_CONNS][2][QUIC_CRYPTO_KEEP];
static unsigned nconn;			/* opened in this capture */
static unsigned zero_cids;		/* empty IDs seen: find by addresses */
static uint64_t last_num;
static int dg_conn = -1, dg_server;	/* the datagram's, for coalesced */
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
void
st_quic_forget(void)
{
	pthread_mutex_lock(&conn_lock);
	last_num = UINT64_MAX;
	pthread_mutex_unlock(&conn_lock);
}

/* This layer's addresses and ports (of its transport layer): 0 or -1. */
static int
quic_end(const struct st_dctx *d, struct qend *e)
{
	const struct st_layer *tl = d->ly;
	const struct st_field *p[2];
	unsigned n;

	memset(e, 0, sizeof(*e));
	if (d->net.fam != 4 && d->net.fam != 6)
		return -1;
	for (n = 0; n < ST_MAX_LAYERS && tl->proto->role != ST_ROLE_TRANSPORT;
	    n++) {
		if (tl == d->pkt->layers || tl->depth != d->ly->depth)
			return -1;
		tl--;
	}
	if (tl->proto->role != ST_ROLE_TRANSPORT ||
	    st_flow_ends(d->pkt, tl, p) != 0)
		return -1;
	e->alen = d->net.fam == 6 ? 16 : 4;
	memcpy(e->addr[0], d->net.src, e->alen);
	memcpy(e->addr[1], d->net.dst, e->alen);
	e->port[0] = (uint16_t)p[0]->val;
	e->port[1] = (uint16_t)p[1]->val;
	return 0;
}

/* Whether k is the ID in b (n bytes; prefix: b only starts with it). */
static int
cid_is(const struct qcid *k, const uint8_t *b, size_t n, int prefix)
{
	return k->len > 0 && (prefix ? k->len <= n : k->len == n) &&
	    memcmp(k->b, b, k->len) == 0;
}

/* The connection a destination ID names (newest first), or -1. */
static int
conn_by_cid(const uint8_t *b, size_t n, int prefix, int *server)
{
	unsigned i, lo = nconn > QUIC_CONNS ? nconn - QUIC_CONNS : 0;
	const struct qconn *q;

	for (i = nconn; i-- > lo;) {
		q = &conns[i % QUIC_CONNS];
		if (cid_is(&q->ccid, b, n, prefix))
			*server = 1;
		else if (cid_is(&q->scid, b, n, prefix) ||
		    cid_is(&q->icid, b, n, prefix))
			*server = 0;
		else
			continue;
		return (int)(i % QUIC_CONNS);
	}
	return -1;
}

static int
end_is(const struct qend *a, const struct qend *e, int side)
{
	return a->alen == e->alen &&
	    memcmp(a->addr[0], e->addr[side], a->alen) == 0 &&
	    memcmp(a->addr[1], e->addr[!side], a->alen) == 0 &&
	    a->port[0] == e->port[side] && a->port[1] == e->port[!side];
}

/* The connection of these addresses and ports (newest first), or -1. */
static int
conn_by_ends(const struct qend *e, int *server)
{
	unsigned i, lo = nconn > QUIC_CONNS ? nconn - QUIC_CONNS : 0;
	const struct qconn *q;

	if (e->alen == 0)
		return -1;
	for (i = nconn; i-- > lo;) {
		q = &conns[i % QUIC_CONNS];
		if (!end_is(&q->client, e, 0) && !end_is(&q->client, e, 1))
			continue;
		/* Only where that way's ID is empty, as Wireshark. */
		*server = !end_is(&q->client, e, 0);
		return (*server ? q->ccid.len : q->scid.len) == 0 ?
		    (int)(i % QUIC_CONNS) : -1;
	}
	return -1;
}

/*
 * A long header of type (as version 1) with IDs dc, sc: the connection it
 * belongs to, opened by a client's Initial, its IDs noted.
 */
static int
conn_long(const struct qend *e, unsigned type, const struct qcid *dc,
    const struct qcid *sc, int *server)
{
	struct qconn *q;
	int i;

	*server = 0;
	i = dc->len > 0 ? conn_by_cid(dc->b, dc->len, 0, server) :
	    conn_by_ends(e, server);
	if (i < 0 && type == T_INITIAL) {
		i = (int)(nconn % QUIC_CONNS);
		q = &conns[i];
		memset(q, 0, sizeof(*q));
		q->number = nconn++;
		q->client = *e;
		q->ccid = *sc;
		zero_cids += sc->len == 0;
	}
	if (i < 0)
		return -1;
	q = &conns[i];
	if (!*server && type == T_INITIAL && q->icid.len == 0)
		q->icid = *dc;
	/* After a Retry the client's next Initial names the keys' ID. */
	if (*server && type == T_RETRY)
		q->icid.len = 0;
	/* A Retry or the server's Initial after it says the ID anew. */
	if (*server && sc->len > 0 && (q->scid.len == 0 ||
	    type == T_RETRY || type == T_INITIAL))
		q->scid = *sc;
	else if (*server && sc->len == 0)
		zero_cids++;
	return i;
}

/* n bytes at byte off of c, into b (at most QUIC_MAX_CID): n, or less
 * when the capture ends first. */
static size_t
peek_cid(struct st_cur *c, size_t off, size_t n, uint8_t *b)
{
	struct st_cur p = *c;
	const uint8_t *q;

	if (n > QUIC_MAX_CID)
		n = QUIC_MAX_CID;
	if (off > st_cur_left(&p) || !st_cur_skip(&p, off))
		return 0;
	if (n > st_cur_left(&p))
		n = st_cur_left(&p);
	if ((q = st_get_bytes(&p, n)) == NULL)
		return 0;
	memcpy(b, q, n);
	return n;
}

int
st_quic_conn(struct st_dctx *d, struct st_cur *c, int *server, size_t *dcil)
{
	struct qcid dc = { 0 }, sc = { 0 };
	struct qend e;
	size_t left = st_cur_left(c), n;
	unsigned b0 = (unsigned)st_peek_bits(c, 0, 8), type;
	int i;

	*dcil = 0;
	*server = 0;
	pthread_mutex_lock(&conn_lock);
	if (d->pkt->num < last_num || d->pkt->num == 1) {
		nconn = zero_cids = 0;
		dg_conn = -1;
	}
	last_num = d->pkt->num;
	if (st_dcount(d, &st_proto_quic) > 0) {
		i = dg_conn;
		*server = dg_server;
	} else if (!(b0 & 0x80)) {
		n = peek_cid(c, 1, QUIC_MAX_CID, dc.b);
		i = conn_by_cid(dc.b, n, 1, server);
		if (i < 0 && zero_cids > 0 && quic_end(d, &e) == 0)
			i = conn_by_ends(&e, server);
	} else if (left < 7 || st_peek_bits(c, 8, 32) == 0 ||
	    quic_end(d, &e) != 0)
		i = -1;
	else {
		dc.len = (uint8_t)peek_cid(c, 6, st_peek_bits(c, 40, 8), dc.b);
		n = 6 + (size_t)st_peek_bits(c, 40, 8);
		if (n < left)
			sc.len = (uint8_t)peek_cid(c, n + 1,
			    st_peek_bits(c, n * 8, 8), sc.b);
		type = (unsigned)(b0 >> 4) & 3;
		if (st_peek_bits(c, 8, 32) == QUIC_V2)
			type = (type + 3) & 3;
		i = conn_long(&e, type, &dc, &sc, server);
	}
	if (st_dcount(d, &st_proto_quic) == 0) {
		dg_conn = i;
		dg_server = *server;
	}
	if (i >= 0 && !(b0 & 0x80))
		*dcil = *server ? conns[i].ccid.len : conns[i].scid.len;
	n = i >= 0 ? conns[i].number : 0;
	pthread_mutex_unlock(&conn_lock);
	return i < 0 ? -1 : (int)n;
}

size_t
st_quic_icid(int num, uint8_t *b)
{
	unsigned i, lo;
	size_t n = 0;

	pthread_mutex_lock(&conn_lock);
	lo = nconn > QUIC_CONNS ? nconn - QUIC_CONNS : 0;
	for (i = nconn; num >= 0 && i-- > lo;)
		if (conns[i % QUIC_CONNS].number == (unsigned)num) {
			n = conns[i % QUIC_CONNS].icid.len;
			memcpy(b, conns[i % QUIC_CONNS].icid.b, n);
			break;
		}
	pthread_mutex_unlock(&conn_lock);
	return n;
}

/*
 * The Initial crypto stream of connection num's side (server: the
 * server's) from offset 0, as the Initials before this one left it and
 * this one's frames (cr, in any order) extend it, into b (at most max
 * bytes): its length; 0 when cr adds nothing to it (a retransmission,
 * or no offset it continues), the packet's frames then standing alone.
 * So a ClientHello split over two Initials, as post-quantum key shares
 * make Chromium's and Firefox's, is whole in the second, as Wireshark
 * reassembles it.
 */
size_t
st_quic_crypto_more(int num, int server, const struct quic_crypto *cr,
    uint8_t *b, size_t max)
{
	struct qconn *q = NULL;
	size_t have = 0, keep, was;
	unsigned i, j;

	if (num < 0 || max == 0)
		return 0;
	server = server != 0;
	pthread_mutex_lock(&conn_lock);
	for (i = nconn, j = nconn > QUIC_CONNS ? nconn - QUIC_CONNS : 0;
	    i-- > j;)
		if (conns[i % QUIC_CONNS].number == (unsigned)num) {
			q = &conns[i % QUIC_CONNS];
			break;
		}
	if (q != NULL) {
		have = q->chave[server];
		if (have > max)
			have = max;
		memcpy(b, cstream[q - conns][server], have);
	}
	was = have;
	if (q != NULL)
		have = st_quic_crypto_extend(cr, b, have, max);
	if (q != NULL && have > q->chave[server]) {
		keep = have < QUIC_CRYPTO_KEEP ? have : QUIC_CRYPTO_KEEP;
		if (keep > q->chave[server]) {
			memcpy(cstream[q - conns][server] + q->chave[server],
			    b + q->chave[server], keep - q->chave[server]);
			q->chave[server] = (uint16_t)keep;
		}
	}
	pthread_mutex_unlock(&conn_lock);
	return have > was ? have : 0;
}
