/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1's per-capture facts, as Wireshark keeps them on its first pass: a
 * request's frame and time for its response (smb.response_to, smb.time),
 * matched by conversation and the MID, PID, TID and UID the response
 * repeats; and what an NT Create AndX request asked for a file (name,
 * access, sharing, disposition, options), kept under the FID its
 * response gives, which Wireshark repeats under every later FID of that
 * conversation (smb.fid.opened_in, smb.fid.closed_in, smb.file ...);
 * the share a Tree Connect mapped to a TID (smb.path, smb.fid.mapped_in).
 *
 * Bounded tables (oldest reused), no allocation, guarded by a mutex;
 * emptied when the frame numbers start again (a new capture).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/match.h"
#include "smb1.h"

#define FID_MAX		64
#define PEND_MAX	32
#define TID_MAX		32

struct fid_ent {
	uint64_t	 conv;
	unsigned	 fid;
	int		 used;
	struct smb1_fidinfo fi;
};

struct pend_ent {
	uint64_t	 conv, frame;
	int		 used;
	struct smb1_fidinfo fi;
};

struct tid_ent {
	uint64_t	 conv, mapped;
	unsigned	 tid;
	int		 used;
	char		 path[SMB1_FILEMAX];
};

static struct fid_ent fids[FID_MAX];
static struct pend_ent pend[PEND_MAX];
static struct tid_ent tids[TID_MAX];
static unsigned fid_next, pend_next, tid_next;
static uint64_t last_frame;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const struct lebit crflag_bits[] = {
	LB("smb.nt.create.oplock", 0x2), LB("smb.nt.create.batch_oplock", 0x4),
	LB("smb.nt.create.dir", 0x8), LB("smb.nt.create.ext", 0x10),
};

/* The conversation of the layer being decoded, as one number (FNV-1a of
 * its key); 0 when it has none. */
uint64_t
smb1_conv(const struct st_dctx *d)
{
	const struct st_proto *transport;
	struct st_flowkey k;
	const uint8_t *p = (const uint8_t *)&k;
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	memset(&k, 0, sizeof(k));
	if (st_expect_conv(d, &k, &transport) != 0)
		return 0;
	for (i = 0; i < sizeof(k); i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h | 1;
}

void
smb1_state_frame(uint64_t frame)
{
	pthread_mutex_lock(&lock);
	if (frame < last_frame) {
		memset(fids, 0, sizeof(fids));
		memset(pend, 0, sizeof(pend));
		memset(tids, 0, sizeof(tids));
		fid_next = pend_next = tid_next = 0;
	}
	last_frame = frame;
	pthread_mutex_unlock(&lock);
}

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
void
smb1_state_forget(void)
{
	pthread_mutex_lock(&lock);
	last_frame = UINT64_MAX;
	pthread_mutex_unlock(&lock);
}

/* An NT Create request's facts, until its response names the FID. */
void
smb1_create_note(uint64_t conv, uint64_t frame, const struct smb1_fidinfo *fi)
{
	struct pend_ent *e = NULL;
	unsigned i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < PEND_MAX; i++)
		if (pend[i].used && pend[i].conv == conv &&
		    pend[i].frame == frame)
			e = &pend[i];
	if (e == NULL) {
		e = &pend[pend_next];
		pend_next = (pend_next + 1) % PEND_MAX;
	}
	e->used = 1;
	e->conv = conv;
	e->frame = frame;
	e->fi = *fi;
	pthread_mutex_unlock(&lock);
}

int
smb1_create_get(uint64_t conv, uint64_t frame, struct smb1_fidinfo *out)
{
	unsigned i;
	int found = 0;

	pthread_mutex_lock(&lock);
	for (i = 0; i < PEND_MAX && !found; i++)
		if (pend[i].used && pend[i].conv == conv &&
		    pend[i].frame == frame) {
			*out = pend[i].fi;
			found = 1;
		}
	pthread_mutex_unlock(&lock);
	return found;
}

static struct fid_ent *
fid_find(uint64_t conv, unsigned fid)
{
	unsigned i;

	for (i = 0; i < FID_MAX; i++)
		if (fids[i].used && fids[i].conv == conv &&
		    fids[i].fid == fid)
			return &fids[i];
	return NULL;
}

static struct tid_ent *
tid_find(uint64_t conv, unsigned tid)
{
	unsigned i;

	for (i = 0; i < TID_MAX; i++)
		if (tids[i].used && tids[i].conv == conv &&
		    tids[i].tid == tid)
			return &tids[i];
	return NULL;
}

/* The file the response opened: kept under its FID (a FID reused
 * replaces the earlier file). */
void
smb1_fid_open(uint64_t conv, unsigned fid, const struct smb1_fidinfo *fi)
{
	struct fid_ent *e;

	pthread_mutex_lock(&lock);
	if ((e = fid_find(conv, fid)) == NULL) {
		e = &fids[fid_next];
		fid_next = (fid_next + 1) % FID_MAX;
	}
	e->used = 1;
	e->conv = conv;
	e->fid = fid;
	e->fi = *fi;
	pthread_mutex_unlock(&lock);
}

/* The file under fid (closed: the frame of a Close of it, kept). */
int
smb1_fid_get(uint64_t conv, unsigned fid, uint64_t closed,
    struct smb1_fidinfo *out)
{
	struct fid_ent *e;

	pthread_mutex_lock(&lock);
	if ((e = fid_find(conv, fid)) != NULL) {
		if (closed != 0 && e->fi.closed == 0)
			e->fi.closed = closed;
		*out = e->fi;
	}
	pthread_mutex_unlock(&lock);
	return e != NULL;
}

/* Each bit of v as a generated row. */
void
smb1_genbits(struct st_dctx *d, uint32_t v, const struct lebit *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		st_dgen(d, &b[i].fd, (v & b[i].mask) >> __builtin_ctz(b[i].mask));
}

/* What Wireshark shows under a FID it knows: where the file was opened
 * (and closed), its name and what the create asked. */
void
smb1_fid_show(struct smb1_msg *m, const struct smb1_fidinfo *fi)
{
	struct st_dctx *d = m->d;
	struct st_field *f;

	st_dgen(d, &smb_fields[F_OPENED], fi->opened);
	if (fi->closed != 0)
		st_dgen(d, &smb_fields[F_CLOSED], fi->closed);
	if ((f = st_dgen(d, &smb_fields[F_FILE], 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, fi->file);
	if (!fi->create)
		return;
	st_dgen(d, &smb_fields[F_CRFLAGS], fi->crflags);
	smb1_genbits(d, fi->crflags, crflag_bits, NFIELDS(crflag_bits));
	st_dgen(d, &smb_fields[F_ACCESS], fi->access);
	smb1_genbits(d, fi->access, smb1_access_bits, smb1_naccess_bits);
	st_dgen(d, &smb_fields[F_FATTR], fi->fattr);
	smb1_genbits(d, fi->fattr, smb1_fattr_bits, smb1_nfattr_bits);
	st_dgen(d, &smb_fields[F_SHARE], fi->share);
	smb1_genbits(d, fi->share, smb1_share_bits, smb1_nshare_bits);
	st_dgen(d, &smb_fields[F_DISP], fi->disp);
	st_dgen(d, &smb_fields[F_COPTS], fi->copts);
	smb1_genbits(d, fi->copts, smb1_copts_bits, smb1_ncopts_bits);
}

/* The matching key of a message: its MID and PID, as Wireshark pairs
 * them (a Session Setup's answer names a new UID, a Tree Connect's a
 * new TID). */
static uint64_t
msg_key(struct smb1_msg *m)
{
	long long mid = smb1_le_at(m->c, 30, 2), pid = smb1_le_at(m->c, 26, 2);

	if (mid < 0 || pid < 0)
		return 0;
	return (uint64_t)pid << 16 | (uint64_t)mid;
}

/* The primary command a secondary one continues, or 0. */
static unsigned
primary_of(unsigned cmd)
{
	return cmd == 0x26 ? 0x25 : cmd == 0x33 ? 0x32 : cmd == 0xa1 ?
	    0xa0 : 0;
}

/* A request is noted (with the FID it names, its subcommand, what it
 * reads or writes); a secondary names its primary; a response names
 * its request's frame and the time since, and gets back those facts. */
void
smb1_pair(struct smb1_msg *m)
{
	struct st_match r;
	struct st_field *f;
	struct smb1_note n;
	char buf[48];
	uint64_t key = msg_key(m);

	if (m->c->err != ST_OK || m->d->pkt->lite)
		return;
	if (!m->resp && primary_of(m->cmd) != 0) {
		if (st_match_answer(m->d, key, &r) &&
		    r.data[0] == primary_of(m->cmd))
			st_dgen(m->d, &smb_fields[F_CONTTO], r.frame);
		return;
	}
	if (!m->resp) {
		memset(&n, 0, sizeof(n));
		n.cmd = (uint8_t)m->cmd;
		n.hasfid = m->hasfid;
		n.fid = (uint16_t)m->fid;
		n.pipe = m->pipe;
		n.pfunc = (uint16_t)m->pfunc;
		n.mailslot = m->mailslot;
		n.hast2 = m->hast2;
		n.t2 = (uint16_t)m->t2;
		n.hasloi = m->hasloi;
		n.loi = (uint16_t)m->loi;
		n.hasrw = m->hasrw;
		n.rwoff = m->rwoff;
		n.rwlen = m->rwlen;
		(void)st_match_note(m->d, key, &n, sizeof(n));
		return;
	}
	if (!st_match_answer(m->d, key, &r))
		return;
	memcpy(&n, r.data, sizeof(n));
	if (n.cmd != m->cmd)
		return;
	m->reqframe = r.frame;
	if (m->cmd == 0x25 && n.pipe) {
		m->pipe = 1;
		m->pfunc = n.pfunc;
	}
	m->mailslot = n.mailslot;
	if (n.hasfid && !m->hasfid) {
		m->hasfid = 1;
		m->fid = n.fid;
		m->reqfid = 1;
	}
	m->hast2 = n.hast2;
	m->t2 = n.t2;
	m->hasloi = n.hasloi;
	m->loi = n.loi;
	m->hasrw = n.hasrw;
	m->rwoff = n.rwoff;
	m->rwlen = n.rwlen;
	st_dgen(m->d, &smb_fields[F_RESPTO], r.frame);
	st_match_delta(m->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(m->d, &smb_fields[F_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, buf);
}

/* A request's path (a Tree Connect's share, a Trans2 query's file), for
 * its response, by the request's frame. */
void
smb1_path_note(struct smb1_msg *m, const char *path)
{
	struct smb1_fidinfo fi;

	if (m->d->pkt->lite)
		return;
	memset(&fi, 0, sizeof(fi));
	snprintf(fi.file, sizeof(fi.file), "%s", path);
	smb1_create_note(smb1_conv(m->d), m->d->pkt->num, &fi);
}

int
smb1_path_get(struct smb1_msg *m, char *out, size_t n)
{
	struct smb1_fidinfo fi;

	if (m->reqframe == 0 || m->d->pkt->lite ||
	    !smb1_create_get(smb1_conv(m->d), m->reqframe, &fi))
		return 0;
	snprintf(out, n, "%s", fi.file);
	return 1;
}

/* The share a Tree Connect response mapped to its TID; shown under
 * the TID of every later message of the conversation, as Wireshark
 * does (its path, the frame that mapped it). */
void
smb1_tree_show(struct smb1_msg *m)
{
	struct tid_ent *e;
	struct st_field *f;
	long long tid = smb1_le_at(m->c, 24, 2);
	uint64_t conv, mapped = 0;
	char path[SMB1_FILEMAX];

	if (tid < 0 || m->d->pkt->lite)
		return;
	conv = smb1_conv(m->d);
	/* any answer to a Tree Connect maps its TID, an error too (the
	 * header's command: not one chained) */
	if (m->resp && m->cmd == 0x75 && m->wbase == SMB_HDR) {
		if (!smb1_path_get(m, path, sizeof(path)))
			path[0] = '\0';
		pthread_mutex_lock(&lock);
		if ((e = tid_find(conv, (unsigned)tid)) == NULL) {
			e = &tids[tid_next];
			tid_next = (tid_next + 1) % TID_MAX;
		}
		e->used = 1;
		e->conv = conv;
		e->tid = (unsigned)tid;
		e->mapped = m->d->pkt->num;
		memcpy(e->path, path, sizeof(e->path));
		pthread_mutex_unlock(&lock);
	}
	pthread_mutex_lock(&lock);
	if ((e = tid_find(conv, (unsigned)tid)) != NULL) {
		mapped = e->mapped;
		memcpy(path, e->path, sizeof(path));
	}
	pthread_mutex_unlock(&lock);
	if (mapped == 0)
		return;
	/* the share's path when its request was seen */
	if (path[0] != '\0' &&
	    (f = st_dgen(m->d, &smb_fields[F_PATH], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, path);
	st_dgen(m->d, &smb_fields[F_MAPPED], mapped);
}
