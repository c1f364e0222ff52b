/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenVPN's packets (openvpn.net's "OpenVPN protocol", UDP and TCP 1194;
 * over TCP each packet follows its 2-byte length):
 *
 *  +--------+--------+---------------+------------------+-----------+
 *  | opcode | key ID | session ID    | [HMAC, packet ID, | ACK array |
 *  | 5 bits | 3 bits | (8 bytes)     |  net time]        | ...       |
 *  +--------+--------+---------------+------------------+-----------+
 *
 * A control packet (hard and soft resets, P_CONTROL_V1) and an ACK carry
 * the sender's session ID, with tls-auth an HMAC (20 bytes, SHA-1 by
 * default), a replay packet ID and its time, then the packet IDs it
 * acknowledges (a count, the IDs, the peer's session ID); all but the ACK
 * then their own message packet ID.  P_CONTROL_V1 carries TLS, which
 * Wireshark hands to its TLS dissector.  P_DATA_V1 is the encrypted
 * tunnel data; P_DATA_V2 puts a 3-byte peer ID before it.  Opcodes 10 and
 * 11 (tls-crypt-v2) are wrapped whole: packet ID, time, an HMAC-SHA256,
 * the encrypted rest, and the client's wrapped key at the end with its
 * length last.
 *
 * As Wireshark's dissector (its defaults): tls-auth is guessed by the
 * four bytes after the session ID (a nonzero first byte and at most one
 * zero byte among them: an HMAC, not an empty ACK array), optional parts
 * are read only when the bytes declared leave room for them, and a
 * P_CONTROL_V1 of exactly 100 payload bytes is a fragment of a longer TLS
 * message (OpenVPN cuts them so), shown as bytes; strata does not gather
 * the fragments across packets.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define OVPN_PORT	1194
#define OVPN_HMAC	20	/* tls-auth's HMAC-SHA1 */
#define OVPN_CRYPTMAC	32	/* tls-crypt's HMAC-SHA256 */
#define OVPN_FRAG	100	/* the payload of a P_CONTROL_V1 fragment */
#define OVPN_TLS_PORT	443	/* TLS, as on its port */

enum { P_HARD_RESET_CLIENT_V1 = 1, P_HARD_RESET_SERVER_V1,
	P_SOFT_RESET_V1, P_CONTROL_V1, P_ACK_V1, P_DATA_V1,
	P_HARD_RESET_CLIENT_V2, P_HARD_RESET_SERVER_V2, P_DATA_V2,
	P_HARD_RESET_CLIENT_V3, P_CONTROL_WKC_V1 };

static const struct st_valname op_names[] = {
	{ 1, "P_CONTROL_HARD_RESET_CLIENT_V1" },
	{ 2, "P_CONTROL_HARD_RESET_SERVER_V1" },
	{ 3, "P_CONTROL_SOFT_RESET_V1" }, { 4, "P_CONTROL_V1" },
	{ 5, "P_ACK_V1" }, { 6, "P_DATA_V1" },
	{ 7, "P_CONTROL_HARD_RESET_CLIENT_V2" },
	{ 8, "P_CONTROL_HARD_RESET_SERVER_V2" }, { 9, "P_DATA_V2" },
	{ 10, "P_CONTROL_HARD_RESET_CLIENT_V3" }, { 11, "P_CONTROL_WKC_V1" },
	{ 0, NULL }
};

enum { F_TYPE, F_OPCODE, F_KEYID, F_PLEN, F_PEERID, F_SID, F_HMAC, F_PID,
	F_TIME, F_ACKLEN, F_ACK, F_RSID, F_MPID, F_DATA, F_WKC, F_WKCLEN,
	F_FRAG, F_N };

static const struct st_field_desc ovpn_fields[F_N] = {
	[F_PLEN] = FD("plen", "openvpn.plen", "Packet Length", 0, 16,
	    ST_FMT_DEC),
	[F_TYPE] = FD("type", "openvpn.type", "Type", 0, 8, ST_FMT_HEX),
	[F_OPCODE] = FDDN("opcode", "openvpn.opcode", "Opcode", 0, 5,
	    ST_FMT_HEX, op_names),
	[F_KEYID] = FDD("keyid", "openvpn.keyid", "Key ID", 5, 3,
	    ST_FMT_DEC),
	[F_PEERID] = FD(NULL, "openvpn.peerid", "Peer ID", 0, 24, ST_FMT_DEC),
	[F_SID] = FD("sessionid", "openvpn.sessionid", "Session ID", 0, 64,
	    ST_FMT_DEC),
	[F_HMAC] = FD(NULL, "openvpn.hmac", "HMAC", 0, 0, ST_FMT_BYTES),
	[F_PID] = FD(NULL, "openvpn.pid", "Replay-Packet-ID", 0, 32,
	    ST_FMT_DEC),
	[F_TIME] = FD(NULL, "openvpn.net_time", "Net Time", 0, 32,
	    ST_FMT_TEXT),
	[F_ACKLEN] = FD(NULL, "openvpn.mpidarraylength",
	    "Message Packet-ID Array Length", 0, 8, ST_FMT_DEC),
	[F_ACK] = FD(NULL, "openvpn.mpidarrayelement",
	    "Message Packet-ID Array Element", 0, 32, ST_FMT_DEC),
	[F_RSID] = FD(NULL, "openvpn.rsessionid", "Remote Session ID", 0, 64,
	    ST_FMT_DEC),
	[F_MPID] = FD("mpid", "openvpn.mpid", "Message Packet-ID", 0, 32,
	    ST_FMT_DEC),
	[F_DATA] = FD(NULL, "openvpn.data", "Data", 0, 0, ST_FMT_BYTES),
	[F_WKC] = FD(NULL, "openvpn.wkc", "Wrapped client key", 0, 0,
	    ST_FMT_BYTES),
	[F_WKCLEN] = FD(NULL, "openvpn.wkc_len", "Wrapped client key length",
	    0, 16, ST_FMT_DEC),
	[F_FRAG] = FD(NULL, "openvpn.fragment_bytes", "Fragment bytes", 0, 0,
	    ST_FMT_BYTES),
};

#define O(i)	(&ovpn_fields[(i)])

/* One packet being read: the cursor at its next byte, and where the bytes
 * declared for it end (SIZE_MAX: past a capture cut, unknown). */
struct ovpn_msg {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 end;
};

/* Bytes declared after the cursor. */
static size_t
declared(const struct ovpn_msg *m)
{
	if (m->end == SIZE_MAX)
		return SIZE_MAX;
	return m->end > m->c->off ? m->end - m->c->off : 0;
}

/* Adds row i (its bytes at the cursor) and moves past them. */
static int
put(struct ovpn_msg *m, unsigned i, size_t n)
{
	if (st_dfield(m->d, m->c, O(i)) == NULL)
		return 0;
	return st_cur_skip(m->c, n);
}

static int
put_bytes(struct ovpn_msg *m, unsigned i, size_t n)
{
	if (st_dbytes(m->d, m->c, O(i), 0, n) == NULL)
		return 0;
	return st_cur_skip(m->c, n);
}

/* The replay packet ID and its time, when 8 bytes are declared. */
static int
replay_id(struct ovpn_msg *m)
{
	if (declared(m) < 8)
		return 1;
	return put(m, F_PID, 4) && st_dunixtime(m->d, m->c, O(F_TIME), 0, 4,
	    (int64_t)st_peek_bits(m->c, 0, 32)) != NULL &&
	    st_cur_skip(m->c, 4);
}

/* Whether the four bytes at the cursor look like an HMAC's (Wireshark's
 * test: at most one of them zero). */
static int
looks_hmac(struct st_cur *c)
{
	unsigned i, zero = 0;

	for (i = 0; i < 4; i++)
		zero += st_peek_bits(c, i * 8, 8) == 0;
	return zero <= 1;
}

/* A control or ACK packet's header after its type byte. */
static int
control(struct ovpn_msg *m, unsigned op)
{
	struct st_cur *c = m->c;
	unsigned n, i, crypt;

	if (!put(m, F_SID, 8))
		return 0;
	crypt = op == P_HARD_RESET_CLIENT_V3 || op == P_CONTROL_WKC_V1;
	if (!crypt && st_cur_need(c, 1) && st_peek_bits(c, 0, 8) > 0) {
		if (!st_cur_need(c, 4))
			return 0;
		if (looks_hmac(c) && (!put_bytes(m, F_HMAC, OVPN_HMAC) ||
		    !replay_id(m)))
			return 0;
	}
	if (crypt)
		return replay_id(m) && put_bytes(m, F_HMAC, OVPN_CRYPTMAC);
	if (declared(m) >= 1) {
		n = (unsigned)st_peek_bits(c, 0, 8);
		if (!put(m, F_ACKLEN, 1))
			return 0;
		for (i = 0; i < n; i++)		/* at most 255 */
			if (!put(m, F_ACK, 4))
				return 0;
		if (n > 0 && declared(m) >= 8 && !put(m, F_RSID, 8))
			return 0;
	}
	if (op != P_ACK_V1 && declared(m) >= 4 && !put(m, F_MPID, 4))
		return 0;
	return 1;
}

/* What follows the header: data, a wrapped client key, a TLS fragment,
 * or TLS handed on. */
static int
payload(struct ovpn_msg *m, unsigned op, size_t start)
{
	struct st_dctx *d = m->d;
	struct st_cur *c = m->c;
	size_t rest = st_cur_left(c), wkc = 0, n;

	if (rest == 0)
		return ST_OK;
	if (op == P_CONTROL_V1 && rest != OVPN_FRAG) {
		d->next_key = ST_KEY_TCPPORT;
		d->next_val = OVPN_TLS_PORT;
		d->hdr = c->off - start;
		d->plen = rest;
		return ST_OK;
	}
	if (op == P_CONTROL_V1) {
		st_dbytes(d, c, O(F_FRAG), 0, rest);
		st_pkt_note(d->pkt, "OpenVPN: a control packet of 100 bytes is "
		    "a fragment of a longer TLS message; strata does not "
		    "gather them");
		return ST_OK;
	}
	if ((op == P_HARD_RESET_CLIENT_V3 || op == P_CONTROL_WKC_V1) &&
	    rest >= 2) {
		if (m->end == SIZE_MAX)
			return ST_ETRUNC;	/* its length is at the end */
		wkc = (size_t)st_peek_bits(c, (rest - 2) * 8, 16);
		if (wkc > rest)
			return st_dmalformed(d, "a wrapped client key of %zu "
			    "bytes in %zu", wkc, rest);
	}
	n = rest - wkc;
	if (n > 0)
		st_dbytes(d, c, O(F_DATA), 0, n);
	if (wkc > 0) {
		st_dbytes(d, c, O(F_WKC), n, wkc);
		st_cur_skip(c, rest - 2);
		st_dfield(d, c, O(F_WKCLEN));
	}
	return ST_OK;
}

static int
ovpn_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_layer *below = st_dbelow(d->pkt, d->ly);
	int tcp = below != NULL && ((below->proto->flags & ST_PF_STREAM) ||
	    below->proto == d->ly->proto);
	size_t left = st_cur_left(c), start = c->off, len = left;
	struct st_cur m = *c;
	struct ovpn_msg msg = { d, &m, SIZE_MAX };
	unsigned op;
	int rc;

	if (left == 0)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	if (tcp) {
		if (!put(&msg, F_PLEN, 2))
			return ST_ETRUNC;
		len = 2 + (size_t)st_peek_bits(c, 0, 16);
		if (len > left) {
			st_pkt_note(d->pkt, "OpenVPN: a packet continues in a "
			    "later segment");
			if (d->pkt->caplen >= d->pkt->len)
				msg.end = start + len;
		} else {
			msg.end = start + len;
			m.end = msg.end;
			d->hdr = len;
		}
	} else if (c->end < d->pkt->caplen || d->pkt->caplen >= d->pkt->len)
		msg.end = c->end;
	if (!put(&msg, F_TYPE, 0) || !st_dfield(d, &m, O(F_OPCODE)) ||
	    !put(&msg, F_KEYID, 1))
		return ST_ETRUNC;
	op = (unsigned)st_peek_bits(c, (tcp ? 16 : 0), 5);
	if (op == P_DATA_V2) {
		if (!put(&msg, F_PEERID, 3))
			return ST_ETRUNC;
	} else if (op != P_DATA_V1 && !control(&msg, op))
		return m.err != ST_OK ? m.err : ST_ETRUNC;
	rc = payload(&msg, op, start);
	if (rc != ST_OK)
		return rc;
	if (d->next_key != ST_KEY_NONE)
		return ST_OK;		/* TLS: the rest is its own */
	/* Another packet may follow in the segment. */
	if (tcp && len < left) {
		d->hdr = len;
		d->plen = left - len;
		d->next = d->ly->proto;
	}
	return len > left && d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
}

/*
 * Over TCP: the 2-byte length and that many bytes (strata/proto.h,
 * pdu_len).  The opcode must be one OpenVPN has.
 */
static size_t
ovpn_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned op;

	if (left < 3)
		return ST_PDU_MORE;
	op = (unsigned)st_peek_bits(c, 16, 5);
	if (op < P_HARD_RESET_CLIENT_V1 || op > P_CONTROL_WKC_V1 ||
	    st_peek_bits(c, 0, 16) == 0)
		return 0;
	return 2 + (size_t)st_peek_bits(c, 0, 16);
}

static const struct st_bind ovpn_binds[] = {
	{ ST_KEY_UDPPORT, OVPN_PORT },
	{ ST_KEY_TCPPORT, OVPN_PORT },
};

/* One packet's facts: "P_ACK_V1 key 0 ack 1,2", "P_CONTROL_V1 mpid 1". */
static void
ovpn_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_N], *fl;
	const char *nm;
	unsigned i, n = 0;

	st_ly_fields(s->pkt, ly, ovpn_fields, F_N, f);
	if (f[F_TYPE] == NULL) {
		st_out_puts(s->o, "?");
		return;
	}
	nm = st_valname(op_names, (uint32_t)(f[F_TYPE]->val >> 3));
	if (nm != NULL)
		st_out_puts(s->o, nm);
	else
		st_out_printf(s->o, "opcode %u",
		    (unsigned)(f[F_TYPE]->val >> 3));
	st_out_printf(s->o, " key %u", (unsigned)(f[F_TYPE]->val & 7));
	if (f[F_PEERID] != NULL)
		st_out_printf(s->o, " peer %u", (unsigned)f[F_PEERID]->val);
	for (i = 0; i < ly->nfields; i++) {
		fl = &s->pkt->fields[ly->field0 + i];
		if (fl->desc != O(F_ACK))
			continue;
		st_out_puts(s->o, n++ == 0 ? " ack " : ",");
		st_out_printf(s->o, "%u", (unsigned)fl->val);
	}
	if (f[F_MPID] != NULL)
		st_out_printf(s->o, " mpid %u", (unsigned)f[F_MPID]->val);
	if (f[F_HMAC] != NULL)
		st_out_puts(s->o, f[F_HMAC]->bits == OVPN_CRYPTMAC * 8 ?
		    " tls-crypt" : " tls-auth");
}

/* "openvpn P_ACK_V1 key 0 ack 0, P_CONTROL_V1 key 0 mpid 1". */
static int
ovpn_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "openvpn ");
	st_sum_each(s, ly, ", ", ovpn_facts);
	return 1;
}

static const struct st_field_desc *const ovpn_keys[] = {
	O(F_TYPE), O(F_SID), O(F_MPID), NULL,
};

const struct st_proto st_proto_openvpn = {
	.name = "openvpn",
	.ws = "openvpn",
	.title = "OpenVPN Protocol",
	.rfc = "openvpn.net, OpenVPN protocol",
	.role = ST_ROLE_APP,
	.fields = ovpn_fields,
	.nfields = F_N,
	.decode = ovpn_decode,
	.binds = ovpn_binds,
	.nbinds = NFIELDS(ovpn_binds),
	.summary = ovpn_summary,
	.pdu_len = ovpn_pdu_len,
	.keys = ovpn_keys,
	.color = "\033[36m",
	.explain_bits = 8,
	.explain = "OpenVPN runs its own reliable channel for the TLS "
	    "handshake that makes the tunnel's keys, beside the tunnel "
	    "itself.  The first byte is the opcode (5 bits) and the key ID "
	    "(3 bits, which key of a renegotiation).  Control packets (the "
	    "hard resets that start a session, P_CONTROL_V1 with TLS records "
	    "in it) and P_ACK_V1 carry the sender's 8-byte session ID; with "
	    "tls-auth an HMAC, a replay packet ID and a time follow, so that "
	    "a server drops packets from whoever lacks the shared key before "
	    "any TLS work.  Then the IDs of the peer's packets it "
	    "acknowledges and, but in an ACK, its own message packet ID, "
	    "which the peer acknowledges in turn (packets lost over UDP are "
	    "sent again).  P_DATA_V1 and P_DATA_V2 (with a peer ID) carry the "
	    "encrypted tunnel packets.  Over TCP each packet follows its "
	    "2-byte length.",
};
