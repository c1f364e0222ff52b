/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB3's encryption and negotiation ([MS-SMB2] 2.2.41, 2.2.3.1,
 * 3.2.5.2): the transform header an encrypted message starts with, the
 * contexts of a negotiate, and the preauth integrity hash (SHA-512 over
 * the negotiate and session setup messages of a connection) Wireshark
 * shows on each of them.  Offsets are from the start of the header;
 * everything is little-endian.
 *
 *   +-------+-----------------+-----------------+------------+
 *   | 0xfd  | Signature (16)  | Nonce (16)      | OrigMsgSize|
 *   |  SMB  |                 |                 |    (4)     |
 *   +-------+--------+--------+-----------------+------------+
 *   | Reserved (2) | Flags (2) | SessionId (8) | encrypted ... |
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <nettle/sha2.h>

#include "strata/expect.h"
#include "fields.h"
#include "smb2.h"

#define SMB2_XFORM_HDR	52

static const struct lebit xflags_bits[] = {
	LB("smb2.header.transform.flags.encrypted", 0x1),
};

/*
 * The transform header at m's start, then the session's facts as
 * Wireshark repeats them and the encrypted message (OriginalMessageSize
 * bytes, as many as there are).  Returns the bytes read.
 */
size_t
smb2_transform(struct smb2_msg *m)
{
	size_t n, left;

	/* a header cut short: its protocol ID, the rest as data */
	if (m->len < SMB2_XFORM_HDR)
		return 4;
	st_dbytes(m->d, m->c, &smb2_fields[F_X_SIG], 4, 16);
	st_dbytes(m->d, m->c, &smb2_fields[F_X_NONCE], 20, 16);
	n = (size_t)smb2_le(m, F_X_SIZE, 36, 4);
	if (m->c->err == ST_OK)
		st_dbytes(m->d, m->c, &smb2_fields[F_X_RSV], 40, 2);
	FLAGS(m, F_X_FLAGS, 42, 2, xflags_bits);
	m->sesid = smb2_le(m, F_SESID, 44, 8);
	if (m->c->err != ST_OK)
		return 4;
	smb2_facts(m, 0, 0);
	left = m->len - SMB2_XFORM_HDR;
	if (n > left) {
		if (m->d->pkt->caplen == m->d->pkt->len)
			st_pkt_note(m->d->pkt, "SMB2: an encrypted message "
			    "continues in a later segment");
		n = left;
	}
	if (n > 0)
		st_dbytes(m->d, m->c, &smb2_fields[F_X_DATA], SMB2_XFORM_HDR,
		    n);
	return SMB2_XFORM_HDR + n;
}

#define SMB2_MAXCTX	32	/* contexts read of a negotiate */
#define SMB2_MAXIDS	32	/* algorithm IDs read of a context */

static const struct lebit compf_bits[] = {
	LB("smb2.negotiate_context.comp_alg_flags.chained", 0x1),
};

/* A count (2 bytes at off, as row fn) and that many 2-byte IDs (row fi)
 * from off + skip; returns the bytes after them. */
static size_t
ids(struct smb2_msg *m, int fn, int fi, size_t off, size_t skip,
    size_t end)
{
	unsigned n = (unsigned)smb2_le(m, fn, off, 2), i;
	size_t o = off + skip;

	for (i = 0; i < n && i < SMB2_MAXIDS && o + 2 <= end &&
	    m->c->err == ST_OK; i++, o += 2)
		smb2_le(m, fi, o, 2);
	return o;
}

/* The data of a context of type t, n bytes at o. */
static void
context(struct smb2_msg *m, unsigned t, size_t o, size_t n)
{
	size_t end = o + n, salt;
	struct st_field *fl;
	uint32_t v;

	switch (t) {
	case 1:		/* SMB2_PREAUTH_INTEGRITY_CAPABILITIES */
		if (n < 4)
			break;
		salt = (size_t)smb2_le(m, F_NCSALTLEN, o + 2, 2);
		o = ids(m, F_NCHASHN, F_NCHASH, o, 4, end);
		if (salt > 0 && o + salt <= end && m->c->err == ST_OK)
			st_dbytes(m->d, m->c, &smb2_fields[F_NCSALT], o, salt);
		break;
	case 2:		/* SMB2_ENCRYPTION_CAPABILITIES */
		if (n >= 2)
			ids(m, F_NCCIPHN, F_NCCIPH, o, 2, end);
		break;
	case 3:		/* SMB2_COMPRESSION_CAPABILITIES */
		if (n < 8)
			break;
		v = (uint32_t)smb2_le_at(m, o + 4, 4);
		smb2_flags(m, F_NCCOMPF, o + 4, 4, compf_bits, 1);
		if (m->c->err == ST_OK && (fl = st_dbytes(m->d, m->c,
		    &smb2_fields[F_NCCOMPRSV], o + 4, 4)) != NULL)
			fl->val = (v & 0xfffffffeu) >> 1;
		ids(m, F_NCCOMPN, F_NCCOMP, o, 8, end);
		break;
	case 5:		/* SMB2_NETNAME_NEGOTIATE_CONTEXT_ID */
		smb2_name16(m, F_NCNETNAME, o, n);
		break;
	case 6:		/* SMB2_TRANSPORT_CAPABILITIES */
		if (n >= 4)
			smb2_le(m, F_NCTRANSP, o, 4);
		break;
	case 8:		/* SMB2_SIGNING_CAPABILITIES */
		if (n >= 2)
			ids(m, F_NCSIGNN, F_NCSIGN, o, 2, end);
		break;
	case 0x100:	/* SMB2_POSIX_EXTENSIONS_AVAILABLE */
		if (n > 0)
			st_dbytes(m->d, m->c, &smb2_fields[F_NCPOSIX], o, n);
		break;
	}
}

/*
 * A negotiate's contexts ([MS-SMB2] 2.2.3.1): count of them from off,
 * each 8-byte aligned: its type, data length, 4 reserved bytes, data.
 */
void
smb2_neg_contexts(struct smb2_msg *m, size_t off, unsigned count)
{
	unsigned i, t;
	size_t n;

	if (count == 0 || off < SMB2_HDR)
		return;
	for (i = 0; i < count && i < SMB2_MAXCTX; i++) {
		off = (off + 7) & ~(size_t)7;
		if (off + 8 > m->len) {
			st_pkt_note(m->d->pkt, "SMB2: a negotiate context lies "
			    "past the bytes of the message");
			return;
		}
		t = (unsigned)smb2_le(m, F_NCTYPE, off, 2);
		n = (size_t)smb2_le(m, F_NCLEN, off + 2, 2);
		smb2_rsv(m, off + 4, 4);
		if (m->c->err != ST_OK)
			return;
		if (off + 8 + n > m->len) {
			st_dmalformed(m->d, "negotiate context of %zu bytes "
			    "past the message", n);
			return;
		}
		context(m, t, off + 8, n);
		off += 8 + n;
	}
}

/*
 * The preauth hash of a connection ([MS-SMB2] 3.2.5.2, 3.3.5.5): a
 * negotiate request starts it from 64 zero bytes, every message after
 * it is hashed in (H = SHA-512(H || message)): the negotiate response,
 * which gives the connection's value; a session setup request (a new
 * session's, with session ID 0, from the connection's value again); a
 * session setup response that is not a success.  Wireshark shows the
 * value after each such message.  A message strata did not see whole
 * (cut, continued in a later segment, chained) or in order (a response
 * without its request just before) leaves the value unknown until the
 * next negotiate or new session: no value rather than a wrong one.
 */
#define PA_MAX		32	/* connections followed */
#define PA_LEN		SHA512_DIGEST_SIZE

struct pa_state {
	uint8_t		 hash[PA_LEN];	/* the running value */
	uint8_t		 conn[PA_LEN];	/* after the negotiate response */
	int		 have, conn_ok;
	int		 last_resp;	/* the last message hashed */
	uint64_t	 last_mid;
};

struct pa_ent {
	int		 used;
	struct st_flowkey conv;
	uint64_t	 from;		/* frame cur holds from */
	struct pa_state	 cur, prev;	/* after from; before it */
};

static struct pa_ent pa[PA_MAX];
static unsigned pa_next;
static uint64_t pa_last;
static pthread_mutex_t pa_lock = PTHREAD_MUTEX_INITIALIZER;

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
void
smb2_neg_forget(void)
{
	pthread_mutex_lock(&pa_lock);
	pa_last = UINT64_MAX;
	pthread_mutex_unlock(&pa_lock);
}

static struct pa_ent *
pa_find(const struct st_flowkey *k)
{
	struct pa_ent *e;
	unsigned i;

	for (i = 0; i < PA_MAX; i++)
		if (pa[i].used && memcmp(&pa[i].conv, k, sizeof(*k)) == 0)
			return &pa[i];
	e = &pa[pa_next];
	pa_next = (pa_next + 1) % PA_MAX;
	memset(e, 0, sizeof(*e));
	e->used = 1;
	e->conv = *k;
	return e;
}

/* The message's bytes when strata has all of them: it is the only one
 * of an NBSS message whose length says it ends where the bytes do. */
static const uint8_t *
pa_whole(struct smb2_msg *m, uint32_t next)
{
	const struct st_layer *p;
	struct st_cur t = *m->c;
	size_t len;

	if (next != 0 || m->d->ly == m->d->pkt->layers)
		return NULL;
	p = m->d->ly - 1;
	if (p->proto == NULL || strcmp(p->proto->name, "nbss") != 0 ||
	    p->off + 4 != m->c->off || m->c->off < 3)
		return NULL;
	t.off = m->c->off - 3;
	if (!st_cur_need(&t, 3 + m->len))
		return NULL;
	len = (size_t)st_peek_bits(&t, 0, 24);
	if (len != m->len)
		return NULL;
	return t.base + m->c->off;
}

static void
pa_update(uint8_t *h, const uint8_t *b, size_t n)
{
	struct sha512_ctx x;

	sha512_init(&x);
	sha512_update(&x, PA_LEN, h);
	sha512_update(&x, n, b);
	sha512_digest(&x, PA_LEN, h);
}

/* The new state after message m (bytes b, NULL: not whole); 1 when it
 * has a value to show. */
static int
pa_step(struct pa_state *s, struct smb2_msg *m, unsigned cmd,
    const uint8_t *b)
{
	int follows = s->have && !s->last_resp && s->last_mid == m->msgid;

	if (b == NULL) {
		s->have = 0;
		if (cmd == C_NEGOTIATE)
			s->conn_ok = 0;
		return 0;
	}
	if (cmd == C_NEGOTIATE && !m->resp) {
		memset(s->hash, 0, PA_LEN);
		s->conn_ok = 0;
		s->have = 1;
	} else if (cmd == C_SESSION_SETUP && !m->resp && m->sesid == 0) {
		memcpy(s->hash, s->conn, PA_LEN);
		s->have = s->conn_ok;
	} else if (m->resp && !follows)
		s->have = 0;
	if (!s->have)
		return 0;
	if (!m->resp || cmd == C_NEGOTIATE || m->status != 0)
		pa_update(s->hash, b, m->len);
	if (cmd == C_NEGOTIATE && m->resp) {
		memcpy(s->conn, s->hash, PA_LEN);
		s->conn_ok = 1;
	}
	s->last_resp = m->resp;
	s->last_mid = m->msgid;
	return 1;
}

void
smb2_preauth(struct smb2_msg *m, unsigned cmd, uint32_t next)
{
	const struct st_proto *tp;
	const uint8_t *b = pa_whole(m, next);
	struct st_flowkey k;
	struct st_field *f;
	struct pa_state s;
	struct pa_ent *e;
	uint64_t frame = m->d->pkt->num;
	char hex[PA_LEN * 3];
	int show;
	size_t i;

	if (st_expect_conv(m->d, &k, &tp) != 0)
		return;
	pthread_mutex_lock(&pa_lock);
	if (frame < pa_last) {
		memset(pa, 0, sizeof(pa));
		pa_next = 0;
	}
	pa_last = frame;
	e = pa_find(&k);
	/* a frame decoded again starts from the state before it */
	s = frame > e->from ? e->cur : e->prev;
	show = pa_step(&s, m, cmd, b);
	if (frame > e->from) {
		e->prev = e->cur;
		e->from = frame;
	}
	e->cur = s;
	pthread_mutex_unlock(&pa_lock);
	if (!show)
		return;
	for (i = 0; i < PA_LEN; i++)
		snprintf(hex + 3 * i, 4, i + 1 < PA_LEN ? "%02x:" : "%02x",
		    s.hash[i]);
	if ((f = st_dgen(m->d, &smb2_fields[F_PREAUTH], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, hex);
}
