/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MPTCP's connections, as Wireshark follows them on its first pass: per
 * connection each side's key, token and IDSN; per subflow (a TCP
 * conversation) its connection and which of its directions is which
 * side.  The first subflow's handshake gives the keys (MP_CAPABLE); a
 * subflow's SYN with MP_JOIN names the receiving side's token.  Two
 * bounded tables (the oldest entry reused), emptied when frame numbers
 * start again (a new capture).  Only packets with option 30 come here.
 */
#include <pthread.h>
#include <string.h>

#include "strata/flow.h"
#include "strata/hash.h"
#include "mptcpconn.h"

#define MPTCP_CONNS	64	/* connections followed at once */
#define MPTCP_SUBS	128	/* subflows followed at once */

#define MF_KEY		0x01	/* key, IDSN known */
#define MF_TOKEN	0x02

/* One side of a connection (Wireshark's meta flow). */
struct mpmeta {
	uint64_t	 idsn;
	uint32_t	 token;
	uint8_t		 fl;		/* MF_* */
};

struct mpconn {
	struct mpmeta	 m[2];
};

/* A subflow: its connection and each direction's side of it. */
struct mpsub {
	struct st_flowkey k;
	unsigned	 conn;		/* its number in conns (counted) */
	uint8_t		 has;		/* conn set */
	int8_t		 dm[2];		/* direction's side, -1 none */
};

static struct mpconn conns[MPTCP_CONNS];
static struct mpsub subs[MPTCP_SUBS];
static unsigned nconn, nsub;
static uint64_t last_num;
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
void
mptcp_conn_forget(void)
{
	pthread_mutex_lock(&conn_lock);
	last_num = UINT64_MAX;
	pthread_mutex_unlock(&conn_lock);
}

void
mptcp_hash_key(uint64_t key, unsigned version, uint32_t *token,
    uint64_t *idsn)
{
	uint8_t k[8], h[32];
	size_t n = version == 0 ? 20 : 32, i;

	for (i = 0; i < 8; i++)
		k[i] = (uint8_t)(key >> (56 - 8 * i));
	if (version == 0) {
		struct st_sha1 s;

		st_sha1_init(&s);
		st_sha1_add(&s, k, 8);
		st_sha1_end(&s, h);
	} else {
		struct st_sha256 s;

		st_sha256_init(&s);
		st_sha256_add(&s, k, 8);
		st_sha256_end(&s, h);
	}
	*token = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 |
	    (uint32_t)h[2] << 8 | h[3];
	*idsn = 0;
	for (i = n - 8; i < n; i++)
		*idsn = *idsn << 8 | h[i];
}

/* This packet's subflow key and direction (0 or 1), or -1. */
static int
sub_key(const struct st_dctx *d, struct st_flowkey *k)
{
	const struct st_layer *tl, *net;

	if ((tl = st_dbelow(d->pkt, d->ly)) == NULL ||
	    tl->proto->role != ST_ROLE_TRANSPORT ||
	    (net = st_dbelow(d->pkt, tl)) == NULL)
		return -1;
	return st_flow_key_of(d->pkt, net, tl, k);
}

/* Locked: the tables emptied for a new capture (its first frame's first
 * MPTCP option). */
static void
restart(const struct st_dctx *d)
{
	if (d->pkt->num < last_num || (d->pkt->num == 1 &&
	    st_dcount(d, d->ly->proto) == 0))
		nconn = nsub = 0;
	last_num = d->pkt->num;
}

/* Locked: subflow k, or NULL. */
static struct mpsub *
sub_find(const struct st_flowkey *k)
{
	unsigned i, lo = nsub > MPTCP_SUBS ? nsub - MPTCP_SUBS : 0;

	for (i = nsub; i > lo; i--)
		if (memcmp(&subs[(i - 1) % MPTCP_SUBS].k, k, sizeof(*k)) == 0)
			return &subs[(i - 1) % MPTCP_SUBS];
	return NULL;
}

/* Locked: subflow s's connection if still held, else NULL. */
static struct mpconn *
sub_conn(const struct mpsub *s)
{
	if (s == NULL || !s->has || s->conn >= nconn ||
	    nconn - s->conn > MPTCP_CONNS)
		return NULL;
	return &conns[s->conn % MPTCP_CONNS];
}

/* Locked: subflow k, found or made (with no connection yet). */
static struct mpsub *
sub_get(const struct st_flowkey *k)
{
	struct mpsub *s = sub_find(k);

	if (s != NULL)
		return s;
	s = &subs[nsub++ % MPTCP_SUBS];
	memset(s, 0, sizeof(*s));
	s->k = *k;
	s->dm[0] = s->dm[1] = -1;
	return s;
}

/* Locked: direction fd's side in s, or NULL. */
static struct mpmeta *
sub_meta(const struct mpsub *s, int fd)
{
	struct mpconn *cn = sub_conn(s);

	return cn != NULL && s->dm[fd] >= 0 ? &cn->m[s->dm[fd]] : NULL;
}

/* Locked: the newest connection with a side of token tok, or -1. */
static long
conn_by_token(uint32_t tok)
{
	unsigned i, lo = nconn > MPTCP_CONNS ? nconn - MPTCP_CONNS : 0;

	for (i = nconn; i > lo; i--) {
		const struct mpconn *cn = &conns[(i - 1) % MPTCP_CONNS];

		if ((cn->m[0].fl & MF_TOKEN && cn->m[0].token == tok) ||
		    (cn->m[1].fl & MF_TOKEN && cn->m[1].token == tok))
			return (long)(i - 1);
	}
	return -1;
}

/*
 * Locked: direction fd of subflow s (pdir the packet's) takes the side of
 * token tok, as Wireshark 4.0 does: a connection that has the token is
 * joined, the direction taking that side; else the token goes to the side
 * no token has yet (a new connection: the packet's direction side 0),
 * even on a subflow whose sides had their tokens.  The other direction takes
 * the other side.
 */
static void
take_token(struct mpsub *s, int fd, int pdir, uint32_t tok)
{
	long ci = conn_by_token(tok);
	struct mpconn *cn;
	int a;

	if (ci >= 0) {
		s->conn = (unsigned)ci;
		s->has = 1;
		cn = sub_conn(s);
		s->dm[fd] = cn->m[0].fl & MF_TOKEN && cn->m[0].token == tok ?
		    0 : 1;
	} else {
		if ((cn = sub_conn(s)) == NULL) {
			memset(&conns[nconn % MPTCP_CONNS], 0,
			    sizeof(conns[0]));
			s->conn = nconn++;
			s->has = 1;
			s->dm[pdir] = 0;
			s->dm[!pdir] = 1;
		} else
			s->dm[fd] = cn->m[0].fl & MF_TOKEN ? 1 : 0;
		cn = sub_conn(s);
		cn->m[s->dm[fd]].token = tok;
		cn->m[s->dm[fd]].fl |= MF_TOKEN;
	}
	a = s->dm[fd] == 0 ? 0 : 1;
	a = fd == pdir ? a : !a;
	s->dm[pdir] = (int8_t)a;
	s->dm[!pdir] = (int8_t)!a;
}

/* Locked: direction fd's side learns key (once). */
static void
take_key(struct mpsub *s, int fd, int pdir, uint64_t key, unsigned version)
{
	struct mpmeta *m = sub_meta(s, fd);
	uint64_t idsn;
	uint32_t tok;

	if (m != NULL && m->fl & MF_KEY)
		return;
	mptcp_hash_key(key, version, &tok, &idsn);
	take_token(s, fd, pdir, tok);
	if ((m = sub_meta(s, fd)) == NULL)
		return;
	m->idsn = idsn;
	m->fl |= MF_KEY;
}

int
mptcp_conn_keys(const struct st_dctx *d, unsigned version, uint64_t skey,
    const uint64_t *rkey, uint32_t *token, uint64_t *idsn)
{
	struct st_flowkey k;
	struct mpsub *s;
	struct mpmeta *m;
	int dir = sub_key(d, &k), rc = -1;

	if (dir < 0)
		return -1;
	pthread_mutex_lock(&conn_lock);
	restart(d);
	s = sub_get(&k);
	take_key(s, dir, dir, skey, version);
	if ((m = sub_meta(s, dir)) != NULL) {
		*token = m->token;
		*idsn = m->idsn;
		rc = 0;
	}
	if (rkey != NULL && ((m = sub_meta(s, !dir)) == NULL ||
	    !(m->fl & MF_KEY)))
		take_key(s, !dir, dir, *rkey, version);
	pthread_mutex_unlock(&conn_lock);
	return rc;
}

void
mptcp_conn_join(const struct st_dctx *d, uint32_t tok)
{
	struct st_flowkey k;
	int dir = sub_key(d, &k);

	if (dir < 0)
		return;
	pthread_mutex_lock(&conn_lock);
	restart(d);
	take_token(sub_get(&k), !dir, dir, tok);
	pthread_mutex_unlock(&conn_lock);
}

int
mptcp_conn_idsn(const struct st_dctx *d, int rev, uint64_t *idsn)
{
	struct st_flowkey k;
	struct mpmeta *m;
	int dir = sub_key(d, &k), rc = -1;

	if (dir < 0)
		return -1;
	pthread_mutex_lock(&conn_lock);
	restart(d);
	if ((m = sub_meta(sub_find(&k), dir ^ rev)) != NULL &&
	    m->fl & MF_KEY) {
		*idsn = m->idsn;
		rc = 0;
	}
	pthread_mutex_unlock(&conn_lock);
	return rc;
}
