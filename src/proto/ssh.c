/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SSH (RFC 4253): the version banner, and the binary packets of the key
 * exchange (length, padding, message code, KEXINIT's algorithm lists and
 * its HASSH fingerprint).  After NEWKEYS the packets of that direction
 * are encrypted: a conversation followed from its version lines knows
 * (per direction, as Wireshark does, with Wireshark's sequence numbers of
 * the key exchange's packets); one joined later, or SSH 1, is read by
 * shape: a packet whose length and padding do not look like a key
 * exchange's (RFC 4253 6: a multiple of 8, padding 4 or more, a transport
 * message code) is shown as encrypted.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "strata/flow.h"
#include "strata/out.h"
#include "ssh.h"

#define SSH_PORT	22
#define SSH_MAXPKT	35000	/* RFC 4253 6.1: what must be accepted */
#define SSH_WSMAX	32768	/* Wireshark's bound: a longer length is
				 * taken as the rest of the segment */
#define SSH_CONNS	64	/* conversations followed at once */
#define SSH_KEXL	512	/* bytes of a KEXINIT method list kept */


/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

uint32_t
ssh_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Whether p[0..n) starts a version banner: "SSH-" digits "." */
static int
is_banner(const uint8_t *p, size_t n)
{
	return n >= 8 && memcmp(p, "SSH-", 4) == 0 && p[4] >= '1' &&
	    p[4] <= '2' && p[5] == '.';
}

/* Whether the segment goes to the SSH port, by the transport's ends. */
int
ssh_to_server(const struct st_dctx *d)
{
	const struct st_layer *tl;
	const struct st_field *f;

	/* Back over the packets before this one in the segment. */
	for (tl = d->ly; tl > d->pkt->layers && tl[-1].proto == d->ly->proto;
	    tl--)
		;
	if ((tl = st_dbelow(d->pkt, tl)) != NULL) {
		if (tl->proto->ends[1] != NULL && (f = st_pkt_fd(d->pkt, tl,
		    tl->proto->ends[1])) != NULL)
			return f->val == SSH_PORT;
	}
	return 1;
}

void
ssh_gentext(struct st_dctx *d, int f, const char *s)
{
	struct st_field *fl;

	if ((fl = st_dgen(d, &ssh_fields[f], 0)) != NULL)
		fl->meaning = st_pkt_strdup(d->pkt, s);
}

/* The banner line (to LF, CR dropped); more lines before it are rare. */
static int
banner(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t left)
{
	char buf[256 * 4 + 8];
	size_t n, e;

	for (n = 0; n < left && p[n] != '\n' && n < 255; n++)
		;
	e = n;
	if (e > 0 && e < left && p[e - 1] == '\r')
		e--;
	st_escape(p, e, buf, sizeof(buf));
	st_dtext(d, c, &ssh_fields[F_PROTO], 0, e, buf);
	if (n >= left)
		st_pkt_note(d->pkt, "SSH: the banner continues in a later "
		    "segment");
	d->hdr = n < left ? n + 1 : left;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* a packet follows */
	return ST_OK;
}

/* A key exchange's packet looks so (RFC 4253 6) before NEWKEYS. */
static int
plain(const uint8_t *p, size_t left)
{
	uint32_t len;

	if (left < 6)
		return left >= 5 ? 1 : 0;
	len = ssh_be32(p);
	return len >= 12 && len <= SSH_MAXPKT && (len + 4) % 8 == 0 &&
	    p[4] >= 4 && p[4] < len && p[5] >= 1 && p[5] <= 49;
}

/*
 * The conversations' state, as Wireshark keeps it on its first pass: per
 * direction the sequence number of the next binary packet (RFC 4253 6.4,
 * counted from 0) and whether NEWKEYS went that way (what follows is
 * encrypted).  The state at a frame's start is kept too, so that a frame
 * decoded again reads as it did.  One bounded table (the oldest entry
 * reused), emptied when frame numbers start again (a new capture).
 */
struct sshdir {
	uint64_t	 frame;		/* last frame seen this way */
	uint32_t	 seq;		/* the next packet's number */
	uint8_t		 enc;		/* NEWKEYS went this way */
	uint8_t		 banner;	/* a version line went this way */
	uint32_t	 kexinit, newkeys; /* their numbers, once known */
	uint32_t	 dh[5];		/* 30's to 34's numbers */
	uint8_t		 seen;		/* 1 KEXINIT, 2 NEWKEYS, 4 << (code - 30) */
	uint8_t		 kex;		/* the conversation's, in a copy */
	uint8_t		 both;		/* in a copy: the numbers can be shown */
	uint8_t		 v1;		/* in a copy: the last banner said 1.x */
};

struct sshconn {
	struct st_flowkey k;
	struct sshdir	 dir[2];	/* to the server, from it */
	struct sshdir	 start[2];	/* as they were at the frame's start */
	uint8_t		 kex;		/* SSH_KEX_*: the agreed method's */
	uint8_t		 cut;		/* a packet ran past its segment */
	uint8_t		 v1;		/* the last banner said SSH 1 */
	uint8_t		 kexl[2][SSH_KEXL]; /* each side's KEXINIT methods */
	uint16_t	 kexn[2];
	uint8_t		 haskexl[2];
};

static struct sshconn conns[SSH_CONNS];
static unsigned nconn;
static uint64_t last_num;
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
static void
ssh_forget(void)
{
	pthread_mutex_lock(&conn_lock);
	last_num = UINT64_MAX;
	pthread_mutex_unlock(&conn_lock);
}

/*
 * Wireshark numbers only the key exchange's packets, each kind once:
 * KEXINIT and NEWKEYS take the count and move it on; the (EC)DH init
 * and reply (30, 31) move it on; a packet cut by its segment's end is
 * not counted (its dissection stopped before).
 */
static void
count(struct sshdir *s, unsigned code, int kex)
{
	if (code == 20 && !(s->seen & 1)) {
		s->seen |= 1;
		s->kexinit = s->seq++;
	} else if (code == 21 && !(s->seen & 2)) {
		s->seen |= 2;
		s->newkeys = s->seq++;
		s->enc = 1;
	} else if ((code == 30 || code == 31) && (kex == 1 || kex == 2) &&
	    !(s->seen & (code - 29) *
	    4)) {
		s->seen |= (code - 29) * 4;
		/* Wireshark's ECDH takes the count, its DH the next one */
		s->dh[code - 30] = s->seq + (kex == 2);
		s->seq++;
	} else if (kex == 3 && code >= 31 && code <= 34 &&
	    !(s->seen & 4 << (code - 30))) {
		/* group exchange: each kind moves it on, then takes it */
		s->seen |= (uint8_t)(4 << (code - 30));
		s->dh[code - 30] = ++s->seq;
	} else if (code == 21)
		s->enc = 1;
}

/* This layer's conversation key: 0, or -1 without one. */
static int
conn_key(const struct st_dctx *d, struct st_flowkey *k)
{
	const struct st_layer *tl, *net;

	for (tl = d->ly; tl > d->pkt->layers && tl[-1].proto == d->ly->proto;
	    tl--)
		;
	if ((tl = st_dbelow(d->pkt, tl)) == NULL ||
	    tl->proto->role != ST_ROLE_TRANSPORT ||
	    (net = st_dbelow(d->pkt, tl)) == NULL)
		return -1;
	return st_flow_key_of(d->pkt, net, tl, k) < 0 ? -1 : 0;
}

/*
 * A copy of the state of this layer's direction (dir 0: to the server)
 * into *out, the conversation opened if new, the frame's start noted on
 * its first SSH layer.  Returns 0, or -1 when there is no conversation.
 * With upd, the state is first moved on: banner, a packet, NEWKEYS.
 */
static int
conn_state(const struct st_dctx *d, int dir, int upd, struct sshdir *out)
{
	struct st_flowkey k;
	struct sshdir *s;
	unsigned i, lo;

	if (conn_key(d, &k) != 0)
		return -1;
	pthread_mutex_lock(&conn_lock);
	if (d->pkt->num < last_num || d->pkt->num == 1)
		nconn = 0;
	last_num = d->pkt->num;
	lo = nconn > SSH_CONNS ? nconn - SSH_CONNS : 0;
	for (i = nconn; i > lo; i--)
		if (memcmp(&conns[(i - 1) % SSH_CONNS].k, &k, sizeof(k)) == 0)
			break;
	if (i-- == lo) {
		i = nconn++;
		memset(&conns[i % SSH_CONNS], 0, sizeof(conns[0]));
		conns[i % SSH_CONNS].k = k;
	}
	s = &conns[i % SSH_CONNS].dir[dir];
	if (st_dcount(d, d->ly->proto) == 0) {
		if (s->frame == d->pkt->num)	/* decoded again */
			*s = conns[i % SSH_CONNS].start[dir];
		else {
			s->frame = d->pkt->num;
			conns[i % SSH_CONNS].start[dir] = *s;
		}
	}
	if (upd == 1 || upd == 4) {
		/* the version is the conversation's: the last banner's */
		s->banner = 1;
		conns[i % SSH_CONNS].v1 = upd == 4;
	} else if (upd == 3)	/* SSH 1: the first packet went this way */
		s->seen |= 0x80;
	else if (upd == 2)
		conns[i % SSH_CONNS].cut = 1;
	else if (upd >= 100)
		count(s, upd - 100, conns[i % SSH_CONNS].kex ?
		    conns[i % SSH_CONNS].kex : SSH_KEX_DH);
	else if (upd >= 50)
		conns[i % SSH_CONNS].kex = (uint8_t)(upd - 50);
	*out = *s;
	out->kex = conns[i % SSH_CONNS].kex;
	/* Both version lines seen and no packet cut by its segment: the
	 * numbers are Wireshark's (a cut packet upsets its counting). */
	out->both = s->banner == 1;
	out->banner = s->banner == 1;
	out->v1 = conns[i % SSH_CONNS].v1;
	pthread_mutex_unlock(&conn_lock);
	return 0;
}

/*
 * Each side's KEXINIT method list, kept once; with both, the agreed
 * method, which says what messages 30 to 49 carry.  Until then Wireshark
 * reads them as Diffie-Hellman's.
 */
void
ssh_conn_kexlist(struct st_dctx *d, const uint8_t *p, size_t n)
{
	struct sshdir st;
	struct sshconn *cn = NULL;
	struct st_flowkey k;
	int dir = !ssh_to_server(d);
	unsigned i, lo;

	if (conn_state(d, dir, 0, &st) != 0 || conn_key(d, &k) != 0)
		return;
	pthread_mutex_lock(&conn_lock);
	lo = nconn > SSH_CONNS ? nconn - SSH_CONNS : 0;
	for (i = nconn; i > lo; i--)
		if (memcmp(&conns[(i - 1) % SSH_CONNS].k, &k, sizeof(k)) == 0) {
			cn = &conns[(i - 1) % SSH_CONNS];
			break;
		}
	if (cn != NULL && !cn->haskexl[dir]) {
		cn->haskexl[dir] = 1;
		cn->kexn[dir] = (uint16_t)(n < SSH_KEXL ? n : SSH_KEXL);
		memcpy(cn->kexl[dir], p, cn->kexn[dir]);
		if (cn->haskexl[!dir])
			cn->kex = (uint8_t)ssh_kex_choose(cn->kexl[0],
			    cn->kexn[0], cn->kexl[1], cn->kexn[1]);
	}
	pthread_mutex_unlock(&conn_lock);
}

/*
 * Payload and padding after the body that ended at pos (0: a part ran
 * past the segment, where Wireshark stops the packet); whether all of it
 * was there.  body: where the padding starts.
 */
static int
tail(struct st_dctx *d, struct st_cur *c, size_t pos, size_t body,
    size_t padlen, size_t end, size_t left)
{
	if (pos == 0 || body < 6 || end > left)
		return 0;
	if (body > pos)
		st_dbytes(d, c, &ssh_fields[F_PAYLOAD], pos, body - pos);
	st_dbytes(d, c, &ssh_fields[F_PAD], body, padlen);
	return 1;
}

static int
packet(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t left)
{
	size_t len = ssh_be32(p), end, padlen, body, pos = 6;
	struct sshdir st;
	unsigned code;
	int whole;

	st_dfield(d, c, &ssh_fields[F_PLEN]);
	st_dfield(d, c, &ssh_fields[F_PADLEN]);
	if (left < 6 || !st_dfield(d, c, &ssh_fields[F_CODE]))
		return ST_ETRUNC;
	/* Read only now: the packet may be cut before its padding length. */
	code = p[5];
	padlen = p[4];
	if (len >= SSH_WSMAX) {
		/* Wireshark takes the packet to the segment's end */
		st_pkt_note(d->pkt, "SSH: an overly large packet length; "
		    "read to the segment's end");
		len = left - 4;
	}
	end = len + 4;
	/* body: where the padding starts (none when it is longer than the
	 * packet: the packet stops there) */
	body = end >= padlen ? end - padlen : 0;
	d->hdr = end < left ? end : left;
	d->plen = left - d->hdr;
	if (end > left)
		st_pkt_note(d->pkt, "SSH: the packet continues in a later "
		    "segment");
	conn_state(d, !ssh_to_server(d), 0, &st);
	if (code == 20)
		pos = ssh_kexinit(d, c, p, body < d->hdr ? body : d->hdr);
	else if (code >= 30 && code <= 49)
		pos = ssh_kex_body(d, c, p, left, code,
		    st.kex == SSH_KEX_NONE ? SSH_KEX_DH : st.kex);
	whole = tail(d, c, pos, body, padlen, end, left);
	if (conn_state(d, !ssh_to_server(d), code == 20 ? (pos ? 120 : 2) :
	    !whole ? 2 : 100 + code, &st) == 0 && st.both && whole)
		st_dgen(d, &ssh_fields[F_SEQ], code == 20 ? st.kexinit :
		    code == 21 ? st.newkeys : code >= 31 && code <= 34 ?
		    st.dh[code - 30] : code == 30 && st.kex != SSH_KEX_GEX ?
		    st.dh[0] : 0);
	if (!whole) {
		/* Wireshark's dissection of the segment stops here */
		d->hdr = left;
		d->plen = 0;
	}
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another packet follows */
	return ST_OK;
}

/*
 * An SSH 1 packet (draft-ylonen-ssh-protocol-00 4.1): a length (of type,
 * data and CRC), 8 - length % 8 bytes of padding, then, on a direction's
 * first packet only (the rest is encrypted, as Wireshark reads it), the
 * message type.  Wireshark shows the rest as payload.
 */
static int
packet1(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t left,
    int first)
{
	size_t len = ssh_be32(p), padlen = 8 - len % 8, pos;
	struct st_field *f;
	struct sshdir st;

	st_dfield(d, c, &ssh_fields[F_PLEN]);
	if (padlen > left - 4) {
		d->hdr = left;
		d->plen = 0;
		return ST_ETRUNC;
	}
	if ((f = st_dbytes(d, c, &ssh_fields[F_PADLEN], 4, padlen)) != NULL)
		f->val = padlen;
	pos = 4 + padlen;
	if (first && pos < left) {
		if ((f = st_dbytes(d, c, &ssh_fields[F_CODE1], pos, 1)) != NULL)
			f->val = p[pos];
		conn_state(d, !ssh_to_server(d), 3, &st);
		pos++;
		len = len > 0 ? len - 1 : 0;
	}
	if (len > left - pos) {
		/* past the segment: Wireshark's dissection stops */
		d->hdr = left;
		d->plen = 0;
		return ST_ETRUNC;
	}
	if (len > 0)
		st_dbytes(d, c, &ssh_fields[F_PAYLOAD], pos, len);
	d->hdr = pos + len;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another packet follows */
	return ST_OK;
}

static int
ssh_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	const uint8_t *p = bytes_at(c, left);
	struct sshdir st;

	if (p == NULL || left == 0)
		return ST_ENOTME;
	if (st_dcount(d, d->ly->proto) == 0)	/* once a segment */
		st_dgen(d, &ssh_fields[F_DIR], (uint64_t)!ssh_to_server(d));
	if (is_banner(p, left)) {
		conn_state(d, !ssh_to_server(d), p[4] == '1' && p[6] != '9' ?
		    4 : 1, &st);
		return banner(d, c, p, left);
	}
	if (left < 4)
		return ST_ETRUNC;
	/* Followed from its banner, the direction says; else the shape. */
	if (conn_state(d, !ssh_to_server(d), 0, &st) == 0 && st.v1)
		return packet1(d, c, p, left, !(st.seen & 0x80));
	if (st.banner ?
	    !(st.enc && (st.seen & 1)) : plain(p, left))
		return packet(d, c, p, left);
	st_dbytes(d, c, &ssh_fields[F_ENCLEN], 0, 4);
	st_dbytes(d, c, &ssh_fields[F_ENC], 4, left - 4);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

/* By content: a version banner, "SSH-2.0-" or "SSH-1.99-". */
static int
ssh_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c);
	const uint8_t *p = bytes_at(c, left < 9 ? left : 9);

	return p != NULL && is_banner(p, left) && ((p[6] == '0' &&
	    p[7] == '-') || memcmp(p + 5, ".99-", 4) == 0);
}

static const struct st_bind ssh_binds[] = {
	{ ST_KEY_TCPPORT, SSH_PORT },
};

/* "ssh banner SSH-2.0-OpenSSH_9.2", "ssh Key Exchange Init",
 * "ssh encrypted 64 bytes". */
static int
ssh_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_ENC + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, ssh_fields, F_ENC + 1, f);
	if (f[F_PROTO] != NULL) {
		st_out_puts(s->o, "ssh banner ");
		s->value(s, f[F_PROTO]);
	} else if (f[F_CODE] != NULL) {
		st_out_puts(s->o, "ssh ");
		if ((m = st_valname(ssh_code_names,
		    (uint32_t)f[F_CODE]->val)) != NULL)
			st_out_puts(s->o, m);
		else {
			st_out_puts(s->o, "message ");
			s->value(s, f[F_CODE]);
		}
	} else if (f[F_ENC] != NULL) {
		st_out_puts(s->o, "ssh encrypted packet");
	} else if (f[F_PLEN] != NULL) {
		st_out_puts(s->o, "ssh v1 packet len ");	/* SSH 1's */
		s->value(s, f[F_PLEN]);
	} else
		st_out_puts(s->o, "ssh");
	return 1;
}

static const struct st_field_desc *const ssh_keys[] = {
	&ssh_fields[F_PROTO], &ssh_fields[F_PLEN], &ssh_fields[F_CODE], NULL,
};

const struct st_proto st_proto_ssh = {
	.forget = ssh_forget,
	.name = "ssh",
	.ws = "ssh",
	.title = "SSH Protocol",
	.rfc = "RFC 4253",
	.role = ST_ROLE_APP,
	.fields = ssh_fields,
	.nfields = F_NSSH,
	.decode = ssh_decode,
	.binds = ssh_binds,
	.nbinds = NFIELDS(ssh_binds),
	.heuristic = ssh_heuristic,
	.summary = ssh_summary,
	.keys = ssh_keys,
	.color = "\033[92m",
	.explain = "Each side first sends a version line; then binary "
	    "packets: a length, a padding length, the payload (its first byte "
	    "the message code) and random padding.  After NEWKEYS everything "
	    "but, in some modes, the length is encrypted; strata follows "
	    "each direction from its version line to its NEWKEYS.",
};
