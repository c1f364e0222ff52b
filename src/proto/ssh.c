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
#include "strata/hash.h"
#include "strata/out.h"
#include "fields.h"

#define SSH_PORT	22
#define SSH_MAXPKT	35000	/* RFC 4253 6.1: what must be accepted */
#define SSH_LIST	1024	/* bytes of one algorithm list shown */
#define SSH_NLISTS	10
#define SSH_CONNS	64	/* conversations followed at once */

enum { F_PROTO, F_DIR, F_PLEN, F_PADLEN, F_CODE, F_PAD, F_PAYLOAD, F_ENCLEN,
	F_ENC, F_COOKIE, F_FIRST, F_RESERVED, F_HASSHALG, F_HASSH, F_HASSHSALG,
	F_HASSHS, F_SEQ, F_LIST0, F_NSSH = F_LIST0 + 2 * SSH_NLISTS };

#define L(n, l)	FD(NULL, "ssh." n "_length", l " length", 0, 32, ST_FMT_DEC), \
	FD(NULL, "ssh." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_valname code_names[] = {
	{ 1, "Disconnect" }, { 2, "Ignore" }, { 3, "Unimplemented" },
	{ 4, "Debug" }, { 5, "Service Request" }, { 6, "Service Accept" },
	{ 7, "Extension Information" }, { 20, "Key Exchange Init" },
	{ 21, "New Keys" }, { 30, "Key Exchange Init (DH or ECDH)" },
	{ 31, "Key Exchange Reply (DH or ECDH)" }, { 0, NULL }
};

static const struct st_field_desc ssh_fields[F_NSSH] = {
	[F_PROTO] = FD("banner", "ssh.protocol", "Protocol", 0, 0,
	    ST_FMT_TEXT),
	[F_DIR] = FDG("ssh.direction", "Direction (0: client to server)",
	    ST_FMT_DEC, NULL),
	[F_PLEN] = FD("len", "ssh.packet_length", "Packet Length", 0, 32,
	    ST_FMT_DEC),
	[F_PADLEN] = FD("padlen", "ssh.padding_length", "Padding Length", 32,
	    8, ST_FMT_DEC),
	[F_CODE] = FDN("code", "ssh.message_code", "Message Code", 40, 8,
	    ST_FMT_DEC, code_names),
	[F_PAD] = FD(NULL, "ssh.padding_string", "Padding String", 0, 0,
	    ST_FMT_BYTES),
	[F_PAYLOAD] = FD(NULL, "ssh.payload", "Payload", 0, 0, ST_FMT_BYTES),
	[F_ENCLEN] = FD(NULL, "ssh.packet_length_encrypted",
	    "Packet length (encrypted)", 0, 32, ST_FMT_BYTES),
	[F_ENC] = FD(NULL, "ssh.encrypted_packet", "Encrypted Packet", 0, 0,
	    ST_FMT_BYTES),
	[F_COOKIE] = FD(NULL, "ssh.cookie", "Cookie", 0, 128, ST_FMT_BYTES),
	[F_FIRST] = FD(NULL, "ssh.first_kex_packet_follows",
	    "First KEX Packet Follows", 0, 8, ST_FMT_DEC),
	[F_RESERVED] = FD(NULL, "ssh.kex.reserved", "Reserved", 0, 32,
	    ST_FMT_BYTES),
	[F_HASSHALG] = FDG("ssh.kex.hassh_algorithms", "hasshAlgorithms",
	    ST_FMT_TEXT, NULL),
	[F_HASSH] = FDG("ssh.kex.hassh", "hassh fingerprint", ST_FMT_TEXT,
	    NULL),
	[F_HASSHSALG] = FDG("ssh.kex.hasshserver_algorithms",
	    "hasshServerAlgorithms", ST_FMT_TEXT, NULL),
	[F_HASSHS] = FDG("ssh.kex.hasshserver", "hasshServer fingerprint",
	    ST_FMT_TEXT, NULL),
	[F_SEQ] = FDG("ssh.seq_num", "Sequence number", ST_FMT_DEC, NULL),
	L("kex_algorithms", "kex_algorithms"),
	L("server_host_key_algorithms", "server_host_key_algorithms"),
	L("encryption_algorithms_client_to_server",
	    "encryption_algorithms_client_to_server"),
	L("encryption_algorithms_server_to_client",
	    "encryption_algorithms_server_to_client"),
	L("mac_algorithms_client_to_server", "mac_algorithms_client_to_server"),
	L("mac_algorithms_server_to_client", "mac_algorithms_server_to_client"),
	L("compression_algorithms_client_to_server",
	    "compression_algorithms_client_to_server"),
	L("compression_algorithms_server_to_client",
	    "compression_algorithms_server_to_client"),
	L("languages_client_to_server", "languages_client_to_server"),
	L("languages_server_to_client", "languages_server_to_client"),
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

static uint32_t
be32(const uint8_t *p)
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
static int
to_server(const struct st_dctx *d)
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

static void
gentext(struct st_dctx *d, int f, const char *s)
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

/* The HASSH string of one side's lists and its MD5 (salesforce/hassh). */
static void
hassh(struct st_dctx *d, const size_t off[SSH_NLISTS],
    const size_t len[SSH_NLISTS], const uint8_t *p, int client)
{
	static const int which[2][4] = { { 0, 3, 5, 7 }, { 0, 2, 4, 6 } };
	char s[4 * SSH_LIST * 4 + 8], hex[33];
	struct st_md5 m;
	uint8_t md[16];
	size_t k = 0, n;
	int i, l;

	for (i = 0; i < 4; i++) {
		l = which[client][i];
		if (i > 0)
			s[k++] = ';';
		n = len[l] < SSH_LIST ? len[l] : SSH_LIST;
		k += st_escape(p + off[l], n, s + k, sizeof(s) - k);
	}
	s[k] = '\0';
	st_md5_init(&m);
	st_md5_add(&m, s, k);
	st_md5_end(&m, md);
	st_hex(md, 16, hex);
	gentext(d, client ? F_HASSHALG : F_HASSHSALG, s);
	gentext(d, client ? F_HASSH : F_HASSHS, hex);
}

static void kex_kind(struct st_dctx *, const uint8_t *, size_t);

/* KEXINIT's body from 6 to end: cookie, ten name-lists, a flag; whether
 * it was all there (Wireshark counts the packet then). */
static int
kexinit(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t end)
{
	char buf[SSH_LIST * 4 + 8];
	size_t pos = 22, off[SSH_NLISTS], len[SSH_NLISTS];
	struct st_field *f;
	uint32_t n;
	int i;

	if (end < pos)
		return 0;
	st_dbytes(d, c, &ssh_fields[F_COOKIE], 6, 16);
	for (i = 0; i < SSH_NLISTS; i++) {
		if (end - pos < 4)
			return 0;
		n = be32(p + pos);
		if ((f = st_dbytes(d, c, &ssh_fields[F_LIST0 + 2 * i], pos,
		    4)) != NULL)
			f->val = n;
		pos += 4;
		if (n > end - pos) {
			st_dmalformed(d, "a name-list longer than its packet");
			return 0;
		}
		st_escape(p + pos, n < SSH_LIST ? n : SSH_LIST, buf,
		    sizeof(buf));
		st_dtext(d, c, &ssh_fields[F_LIST0 + 2 * i + 1], pos, n, buf);
		off[i] = pos;
		len[i] = n;
		if (i == 0 && to_server(d))
			kex_kind(d, p + pos, n);
		pos += n;
	}
	if (end - pos < 5)
		return 0;
	if ((f = st_dbytes(d, c, &ssh_fields[F_FIRST], pos, 1)) != NULL)
		f->val = p[pos];
	st_dbytes(d, c, &ssh_fields[F_RESERVED], pos + 1, 4);
	hassh(d, off, len, p, to_server(d));
	return 1;
}

/* A key exchange's packet looks so (RFC 4253 6) before NEWKEYS. */
static int
plain(const uint8_t *p, size_t left)
{
	uint32_t len;

	if (left < 6)
		return left >= 5 ? 1 : 0;
	len = be32(p);
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
};

struct sshconn {
	struct st_flowkey k;
	struct sshdir	 dir[2];	/* to the server, from it */
	struct sshdir	 start[2];	/* as they were at the frame's start */
	uint8_t		 kex;		/* 1 ECDH and the like, 2 DH, 3 GEX */
	uint8_t		 cut;		/* a packet ran past its segment */
};

static struct sshconn conns[SSH_CONNS];
static unsigned nconn;
static uint64_t last_num;
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;

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
	if (upd == 1)
		s->banner = 1;
	else if (upd == 4)	/* SSH 1: another format, not followed */
		s->banner = 2;
	else if (upd == 2)
		conns[i % SSH_CONNS].cut = 1;
	else if (upd >= 100)
		count(s, upd - 100, conns[i % SSH_CONNS].kex);
	else if (upd >= 50)
		conns[i % SSH_CONNS].kex = (uint8_t)(upd - 50);
	*out = *s;
	out->kex = conns[i % SSH_CONNS].kex;
	/* Both version lines seen and no packet cut by its segment: the
	 * numbers are Wireshark's (a cut packet upsets its counting). */
	out->both = s->banner == 1 && !conns[i % SSH_CONNS].cut &&
	    conns[i % SSH_CONNS].dir[!dir].banner == 1;
	out->banner = s->banner == 1 &&
	    conns[i % SSH_CONNS].dir[!dir].banner != 2;
	pthread_mutex_unlock(&conn_lock);
	return 0;
}

/* The client's first key exchange method, which Wireshark's dissection of
 * messages 30 to 49 follows (the server usually accepts it). */
static void
kex_kind(struct st_dctx *d, const uint8_t *p, size_t n)
{
	static const struct { const char *pfx; int kind; } k[] = {
		{ "diffie-hellman-group-exchange", 3 },
		{ "diffie-hellman-group", 2 }, { "ecdh-", 1 },
		{ "curve25519", 1 }, { "curve448", 1 }, { "sntrup", 1 },
		{ "mlkem", 1 },
	};
	struct sshdir st;
	size_t i, l;

	for (i = 0; i < NFIELDS(k); i++) {
		l = strlen(k[i].pfx);
		if (n >= l && memcmp(p, k[i].pfx, l) == 0) {
			conn_state(d, 0, 50 + k[i].kind, &st);
			return;
		}
	}
	conn_state(d, 0, 50, &st);
}

static int
packet(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t left)
{
	uint32_t len = be32(p);
	size_t end, padlen, body;
	struct sshdir st;
	int kx = 0;

	st_dfield(d, c, &ssh_fields[F_PLEN]);
	st_dfield(d, c, &ssh_fields[F_PADLEN]);
	if (left < 6 || !st_dfield(d, c, &ssh_fields[F_CODE]))
		return ST_ETRUNC;
	/* Read only now: the packet may be cut before its padding length.
	 * body: where the padding starts (a padding longer than the packet
	 * leaves no payload). */
	padlen = p[4];
	body = (size_t)len + 4 > padlen ? (size_t)len + 4 - padlen : 0;
	end = (size_t)len + 4;
	d->hdr = end < left ? end : left;
	d->plen = left - d->hdr;
	if (end > left) {
		st_pkt_note(d->pkt, "SSH: the packet continues in a later "
		    "segment");
		end = left;
	}
	if (p[5] == 20)
		kx = kexinit(d, c, p, body < end ? body : end);
	else if (p[5] < 20 && body > 6 && end > 6)
		st_dbytes(d, c, &ssh_fields[F_PAYLOAD], 6, (body < end ? body :
		    end) - 6);
	if (len + 4 <= end && body >= 6)
		st_dbytes(d, c, &ssh_fields[F_PAD], body, padlen);
	if (conn_state(d, !to_server(d), p[5] == 20 ? (kx ? 120 : 2) :
	    len + 4 > left ? 2 : 100 + p[5],
	    &st) == 0 && st.both && len + 4 <= left && (p[5] < 30 ||
	    p[5] > 39 || (p[5] <= 31 && (st.kex == 1 || st.kex == 2)) ||
	    (p[5] <= 34 && st.kex == 3)))
		st_dgen(d, &ssh_fields[F_SEQ], p[5] == 20 ? st.kexinit :
		    p[5] == 21 ? st.newkeys : p[5] >= 31 && p[5] <= 34 ?
		    st.dh[p[5] - 30] : p[5] == 30 && st.kex != 3 ? st.dh[0] : 0);
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
		st_dgen(d, &ssh_fields[F_DIR], (uint64_t)!to_server(d));
	if (is_banner(p, left)) {
		conn_state(d, !to_server(d), p[4] == '1' && p[6] != '9' ?
		    4 : 1, &st);
		return banner(d, c, p, left);
	}
	if (left < 4)
		return ST_ETRUNC;
	/* Followed from its banner, the direction says; else the shape. */
	if (conn_state(d, !to_server(d), 0, &st) == 0 && st.banner ?
	    !st.enc : plain(p, left))
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
		if ((m = st_valname(code_names, (uint32_t)f[F_CODE]->val)) !=
		    NULL)
			st_out_puts(s->o, m);
		else {
			st_out_puts(s->o, "message ");
			s->value(s, f[F_CODE]);
		}
	} else if (f[F_ENC] != NULL) {
		st_out_puts(s->o, "ssh encrypted packet");
	} else
		st_out_puts(s->o, "ssh");
	return 1;
}

static const struct st_field_desc *const ssh_keys[] = {
	&ssh_fields[F_PROTO], &ssh_fields[F_PLEN], &ssh_fields[F_CODE], NULL,
};

const struct st_proto st_proto_ssh = {
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
