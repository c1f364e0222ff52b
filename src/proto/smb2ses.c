/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2's per-capture facts, as Wireshark keeps them on its first pass:
 * a session's authentication (the frame, and the account, domain and
 * host an NTLMSSP AUTHENTICATE message names) by session ID, and a
 * tree's share path and type by session and tree ID.  Wireshark shows
 * them under the header of every later message; a fact learnt in a
 * frame is not shown in that frame's own header (the header is read
 * before the body), so each session keeps its previous state too, which
 * also makes decoding a packet twice give the same answer.
 *
 * Bounded tables (oldest reused), no allocation, guarded by a mutex;
 * emptied when the frame numbers start again (a new capture).
 */
#include <pthread.h>
#include <string.h>
#include <stdio.h>

#include "strata/proto.h"
#include "strata/registry.h"
#include "smb2ses.h"

#define SES_MAX		32
#define TREE_MAX	64
#define PEND_MAX	16
#define NTLM_SCAN	4096	/* bytes of a blob searched for NTLMSSP */

struct ses_ent {
	uint64_t	 sesid;
	uint64_t	 from;		/* the frame cur was learnt in */
	struct smb2_ses	 cur, prev;
	int		 used;
};

struct tree_ent {
	uint64_t	 sesid;
	uint32_t	 tid;
	int		 used;
	struct smb2_tree t;
};

struct pend_ent {
	uint64_t	 sesid, msgid;
	int		 used;
	char		 path[SMB2_FACTLEN * 2];
};

static struct ses_ent ses[SES_MAX];
static struct tree_ent trees[TREE_MAX];
static struct pend_ent pend[PEND_MAX];
static unsigned ses_next, tree_next, pend_next;
static uint64_t last_frame;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void
smb2_state_frame(uint64_t frame)
{
	pthread_mutex_lock(&lock);
	if (frame < last_frame) {
		memset(ses, 0, sizeof(ses));
		memset(trees, 0, sizeof(trees));
		memset(pend, 0, sizeof(pend));
		ses_next = tree_next = pend_next = 0;
	}
	last_frame = frame;
	pthread_mutex_unlock(&lock);
}

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
void
smb2_state_forget(void)
{
	pthread_mutex_lock(&lock);
	last_frame = UINT64_MAX;
	pthread_mutex_unlock(&lock);
}

static struct ses_ent *
ses_find(uint64_t sesid, int make)
{
	struct ses_ent *e;
	unsigned i;

	for (i = 0; i < SES_MAX; i++)
		if (ses[i].used && ses[i].sesid == sesid)
			return &ses[i];
	if (!make)
		return NULL;
	e = &ses[ses_next];
	ses_next = (ses_next + 1) % SES_MAX;
	memset(e, 0, sizeof(*e));
	e->used = 1;
	e->sesid = sesid;
	return e;
}

int
smb2_ses_get(uint64_t sesid, uint64_t frame, struct smb2_ses *out)
{
	struct ses_ent *e;
	int ok = 0;

	pthread_mutex_lock(&lock);
	if ((e = ses_find(sesid, 0)) != NULL) {
		*out = frame > e->from ? e->cur : e->prev;
		ok = out->auth_frame != 0;
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

/* Session e takes state s from frame on (again when frame is decoded
 * again). */
static void
ses_set(struct ses_ent *e, uint64_t frame, const struct smb2_ses *s)
{
	if (frame > e->from) {
		e->prev = e->cur;
		e->from = frame;
	}
	e->cur = *s;
}

void
smb2_ses_auth(uint64_t sesid, uint64_t frame, const struct smb2_ses *s)
{
	struct smb2_ses n = *s;

	pthread_mutex_lock(&lock);
	n.auth_frame = frame;
	ses_set(ses_find(sesid, 1), frame, &n);
	pthread_mutex_unlock(&lock);
}

void
smb2_ses_done(uint64_t sesid, uint64_t frame)
{
	struct ses_ent *e;
	struct smb2_ses n;

	pthread_mutex_lock(&lock);
	e = ses_find(sesid, 1);
	n = frame > e->from ? e->cur : e->prev;
	n.auth_frame = frame;
	ses_set(e, frame, &n);
	pthread_mutex_unlock(&lock);
}

int
smb2_tree_get(uint64_t sesid, uint32_t tid, uint64_t frame,
    struct smb2_tree *out)
{
	unsigned i;
	int ok = 0;

	pthread_mutex_lock(&lock);
	for (i = 0; i < TREE_MAX && !ok; i++)
		if (trees[i].used && trees[i].sesid == sesid &&
		    trees[i].tid == tid && trees[i].t.frame < frame) {
			*out = trees[i].t;
			ok = 1;
		}
	pthread_mutex_unlock(&lock);
	return ok;
}

void
smb2_tree_req(uint64_t sesid, uint64_t msgid, const char *path)
{
	struct pend_ent *p = &pend[0];
	unsigned i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < PEND_MAX; i++)
		if (pend[i].used && pend[i].sesid == sesid &&
		    pend[i].msgid == msgid)
			break;
	if (i < PEND_MAX)
		p = &pend[i];
	else {
		p = &pend[pend_next];
		pend_next = (pend_next + 1) % PEND_MAX;
	}
	p->used = 1;
	p->sesid = sesid;
	p->msgid = msgid;
	snprintf(p->path, sizeof(p->path), "%s", path);
	pthread_mutex_unlock(&lock);
}

void
smb2_tree_resp(uint64_t sesid, uint64_t msgid, uint32_t tid,
    uint8_t share_type, uint64_t frame)
{
	struct tree_ent *t = NULL;
	unsigned i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < PEND_MAX; i++)
		if (pend[i].used && pend[i].sesid == sesid &&
		    pend[i].msgid == msgid)
			break;
	if (i == PEND_MAX)
		goto out;
	for (i = 0; i < TREE_MAX && t == NULL; i++)
		if (trees[i].used && trees[i].sesid == sesid &&
		    trees[i].tid == tid)
			t = &trees[i];
	if (t == NULL) {
		t = &trees[tree_next];
		tree_next = (tree_next + 1) % TREE_MAX;
	}
	t->used = 1;
	t->sesid = sesid;
	t->tid = tid;
	t->t.frame = frame;
	t->t.share_type = share_type;
	for (i = 0; i < PEND_MAX; i++)
		if (pend[i].used && pend[i].sesid == sesid &&
		    pend[i].msgid == msgid)
			snprintf(t->t.path, sizeof(t->t.path), "%s",
			    pend[i].path);
out:
	pthread_mutex_unlock(&lock);
}

/*
 * The string of an NTLMSSP security buffer (length, maxlength, offset
 * from the message's start) at p + at: UTF-16LE when uni, else OEM;
 * ASCII as is, other characters escaped as strata shows names.
 */
static void
ntlm_str(const uint8_t *p, size_t n, size_t at, int uni, char *out,
    size_t outn)
{
	size_t len, off, i, k = 0;
	unsigned u;

	out[0] = '\0';
	if (at + 8 > n)
		return;
	len = (size_t)p[at] | (size_t)p[at + 1] << 8;
	off = (size_t)p[at + 4] | (size_t)p[at + 5] << 8 |
	    (size_t)p[at + 6] << 16 | (size_t)p[at + 7] << 24;
	if (off > n || len > n - off)
		return;
	for (i = 0; i < len && k + 7 < outn; i += uni ? 2 : 1) {
		if (uni && i + 1 >= len)
			break;
		u = uni ? (unsigned)p[off + i] | (unsigned)p[off + i + 1] << 8 :
		    p[off + i];
		if (u >= 0x20 && u < 0x7f)
			out[k++] = (char)u;
		else
			k += (size_t)snprintf(out + k, outn - k,
			    u < 0x100 ? "\\x%02x" : "\\u%04x", u);
	}
	out[k] = '\0';
}

int
smb2_ntlm_names(const struct st_cur *c, size_t n, struct smb2_ses *s)
{
	static const uint8_t sig[8] = "NTLMSSP";
	struct st_cur t = *c;
	const uint8_t *p;
	size_t i, lim;
	int uni;

	if (n > st_cur_left(&t))
		n = st_cur_left(&t);
	if ((p = st_get_bytes(&t, n)) == NULL)
		return 0;
	lim = n < NTLM_SCAN ? n : NTLM_SCAN;
	for (i = 0; i + 64 <= lim; i++)
		if (memcmp(p + i, sig, sizeof(sig)) == 0)
			break;
	if (i + 64 > lim || p[i + 8] != 3)	/* AUTHENTICATE */
		return 0;
	p += i;
	n -= i;
	uni = p[60] & 1;	/* NTLMSSP_NEGOTIATE_UNICODE */
	ntlm_str(p, n, 28, uni, s->domain, sizeof(s->domain));
	ntlm_str(p, n, 36, uni, s->acct, sizeof(s->acct));
	ntlm_str(p, n, 44, uni, s->host, sizeof(s->host));
	/* An anonymous logon names no account: Wireshark keeps none. */
	s->names = s->acct[0] != '\0';
	return 1;
}

void
smb2_secblob_on(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	const struct st_proto *p;
	struct st_cur t = *c;

	/* A bare NTLMSSP message is its own layer, with no GSS-API one (as
	 * Wireshark shows it). */
	if (len == 0 || !st_cur_skip(&t, off) || !st_cur_need(&t, 1))
		return;
	p = st_proto_next(ST_KEY_GSSAPI, st_peek_bits(&t, 0, 8) == 'N' ?
	    ST_GSS_NTLMSSP : ST_GSS_TOKEN);
	if (p != NULL)
		st_dsublayer(d, c, p, off, len);
}
