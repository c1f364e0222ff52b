/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * QUIC (RFC 9000, invariants RFC 8999, version 2 RFC 9369), UDP port 443
 * and, by a long header of a known version, any port: the headers that are
 * readable without keys.  Several QUIC packets may share one datagram
 * (coalesced, RFC 9000 12.2): each is a layer of its own.
 *
 * Long header (first bit 1):
 *  +-+-+-+-+-+-+-+-+
 *  |1|1|T T|X X X X|  form, fixed bit, type, type-specific bits
 *  +-+-+-+-+-+-+-+-+---------------------------------------------+
 *  |                         Version (32)                        |
 *  +-+-+-+-+-+-+-+-+---------------------------------------------+
 *  | DCID Len (8)  |  Destination Connection ID (0..160) ...
 *  | SCID Len (8)  |  Source Connection ID (0..160) ...
 *  Initial: Token Length (i), Token; Initial, 0-RTT, Handshake: Length (i)
 *  then the packet number and payload, both protected.
 *
 * Short header (first bit 0): form, fixed bit, spin bit, protected bits,
 * then the destination connection ID, whose length only the connection
 * knows: quicconn.c remembers the IDs each side chose in its long headers
 * (and numbers the connections as Wireshark does), so the ID is shown when
 * the connection was seen, else with the protected rest.  (i): a
 * variable-length integer, its first two bits
 * saying 1, 2, 4 or 8 bytes.  The packet number's length sits in bits the
 * header protection masks; without the Initial keys worked out, strata
 * shows the packet number and payload as one protected field.
 */
#include <string.h>

#include "strata/out.h"
#include "quic.h"

#define QUIC_MAX_PACKETS 16	/* coalesced packets decoded in a datagram */
#define QUIC_HDR_MAX	1024	/* header bytes (with the token) opened */
#define ST_QUIC_OPEN_MAX 65536	/* payload bytes opened */
#define QUIC_CRYPTO_MAX	16384	/* handshake bytes of a packet decoded */

/* What the header says, for the Initial's keys. */
struct qpkt {
	uint32_t	 ver;
	int		 num;		/* connection, or -1 */
	int		 server;	/* sent by the server */
};

static const struct st_valname type_names[] = {
	{ 0, "Initial" }, { 1, "0-RTT" }, { 2, "Handshake" }, { 3, "Retry" },
	{ 0, NULL }
};

static const struct st_valname type2_names[] = {
	{ 0, "Retry" }, { 1, "Initial" }, { 2, "0-RTT" }, { 3, "Handshake" },
	{ 0, NULL }
};

enum { F_PLEN, F_FORM, F_FIXED, F_TYPE, F_TYPE2, F_SPIN, F_VNUNUSED, F_VER,
	F_DCIL, F_DCID, F_SCIL, F_SCID, F_TOKLEN, F_TOKEN, F_LEN, F_PROT,
	F_REMAIN, F_RTOKEN, F_RTAG, F_SVER, F_PAD, F_CONN, F_LRES, F_PNLEN,
	F_PN, F_PAYLOAD, F_OPENED, F_FTYPE };

static const struct st_field_desc quic_fields[] = {
	FDG("quic.packet_length", "Packet length", ST_FMT_DEC, NULL),
	FD("form", "quic.header_form", "Header form", 0, 1, ST_FMT_DEC),
	FD("fixed", "quic.fixed_bit", "Fixed bit", 1, 1, ST_FMT_BOOL),
	FDN("type", "quic.long.packet_type", "Packet type", 2, 2, ST_FMT_DEC,
	    type_names),
	FDN(NULL, "quic.long.packet_type_v2", "Packet type (version 2)", 2, 2,
	    ST_FMT_DEC, type2_names),
	FD("spin", "quic.spin_bit", "Spin bit", 2, 1, ST_FMT_BOOL),
	FD(NULL, "quic.vn.unused", "Unused", 1, 7, ST_FMT_HEX),
	FD("version", "quic.version", "Version", 8, 32, ST_FMT_HEX),
	FD("dcil", "quic.dcil", "Destination connection ID length", 40, 8,
	    ST_FMT_DEC),
	FD("dcid", "quic.dcid", "Destination connection ID", 0, 0,
	    ST_FMT_BYTES),
	FD("scil", "quic.scil", "Source connection ID length", 0, 8,
	    ST_FMT_DEC),
	FD("scid", "quic.scid", "Source connection ID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "quic.token_length", "Token length", 0, 0, ST_FMT_DEC),
	FD(NULL, "quic.token", "Token", 0, 0, ST_FMT_BYTES),
	FD(NULL, "quic.length", "Length", 0, 0, ST_FMT_DEC),
	FD(NULL, "strata.quic.protected", "Packet number and payload "
	    "(protected)", 0, 0, ST_FMT_BYTES),
	FD(NULL, "quic.remaining_payload", "Remaining payload (protected)",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, "quic.retry_token", "Retry token", 0, 0, ST_FMT_BYTES),
	FD(NULL, "quic.retry_integrity_tag", "Retry integrity tag", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "quic.supported_version", "Supported version", 0, 32,
	    ST_FMT_HEX),
	FD(NULL, "quic.coalesced_padding_data", "Padding after the last "
	    "packet", 0, 0, ST_FMT_BYTES),
	FDG("quic.connection.number", "Connection number", ST_FMT_DEC, NULL),
	FD(NULL, "quic.long.reserved", "Reserved (unprotected)", 4, 2,
	    ST_FMT_DEC),
	FD(NULL, "quic.packet_number_length", "Packet number length - 1 "
	    "(unprotected)", 6, 2, ST_FMT_DEC),
	FD(NULL, "quic.packet_number", "Packet number (unprotected)", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "quic.payload", "Payload (encrypted, with its tag)", 0, 0,
	    ST_FMT_BYTES),
	FDG("strata.quic.opened", "Payload opened with the Initial keys "
	    "(its AEAD tag verified)", ST_FMT_BOOL, NULL),
	/* The opened payload's frames (quicframe.c, in its order). */
	FDG("quic.frame_type", "Frame type", ST_FMT_DEC, NULL),
	FDG("quic.padding_length", "Padding length", ST_FMT_DEC, NULL),
	FDG("quic.ack.largest_acknowledged", "Largest acknowledged",
	    ST_FMT_DEC, NULL),
	FDG("quic.ack.ack_delay", "ACK delay", ST_FMT_DEC, NULL),
	FDG("quic.ack.ack_range_count", "ACK range count", ST_FMT_DEC, NULL),
	FDG("quic.ack.first_ack_range", "First ACK range", ST_FMT_DEC, NULL),
	FDG("quic.ack.gap", "Gap", ST_FMT_DEC, NULL),
	FDG("quic.ack.ack_range", "ACK range", ST_FMT_DEC, NULL),
	FDG("quic.ack.ect0_count", "ECT(0) count", ST_FMT_DEC, NULL),
	FDG("quic.ack.ect1_count", "ECT(1) count", ST_FMT_DEC, NULL),
	FDG("quic.ack.ecn_ce_count", "ECN-CE count", ST_FMT_DEC, NULL),
	FDG("quic.crypto.offset", "CRYPTO offset", ST_FMT_DEC, NULL),
	FDG("quic.crypto.length", "CRYPTO length", ST_FMT_DEC, NULL),
	FDG("quic.cc.error_code", "Error code", ST_FMT_DEC, NULL),
	FDG("quic.cc.error_code.app", "Application error code", ST_FMT_DEC,
	    NULL),
	FDG("quic.cc.frame_type", "Frame type (that caused the close)",
	    ST_FMT_DEC, NULL),
	FDG("quic.cc.reason_phrase.length", "Reason phrase length",
	    ST_FMT_DEC, NULL),
};

/* Whether the capture was cut (not the sender lying about a length). */
static int
cut_short(const struct st_dctx *d)
{
	return d->pkt->caplen < d->pkt->len;
}

/*
 * Reads a variable-length integer at *pos into *v, adding it as field fd
 * (its wire bytes).  Returns 0, or -1 when its bytes are not all here.
 */
static int
quic_varint(struct st_dctx *d, struct st_cur *c, size_t *pos,
    const struct st_field_desc *fd, uint64_t *v)
{
	struct st_cur p = *c;
	size_t n, i;

	p.off += *pos;
	if (!st_cur_need(&p, 1))
		return -1;
	n = (size_t)1 << (st_peek_bits(&p, 0, 2));
	if (!st_cur_need(&p, n))
		return -1;
	*v = st_peek_bits(&p, 2, 6);
	for (i = 1; i < n; i++)
		*v = *v << 8 | st_peek_bits(&p, i * 8, 8);
	st_pkt_add_field(d->pkt, fd, (uint32_t)(p.off * 8), (uint32_t)(n * 8),
	    *v);
	*pos += n;
	return 0;
}

/* A length byte and the connection ID it counts at *pos: -1 when cut. */
static int
quic_cid(struct st_dctx *d, struct st_cur *c, size_t *pos, int lf, int idf)
{
	struct st_cur p = *c;
	size_t n;

	p.off += *pos;
	if (st_dbytes(d, &p, &quic_fields[lf], 0, 1) == NULL)
		return -1;
	n = (size_t)st_peek_bits(&p, 0, 8);
	if (n > 0 && st_dbytes(d, &p, &quic_fields[idf], 1, n) == NULL)
		return -1;
	*pos += 1 + n;
	return 0;
}

/* A version negotiation packet: the versions the server supports. */
static int
quic_vn(struct st_dctx *d, struct st_cur *c, size_t pos, size_t left)
{
	struct st_cur p;
	unsigned i;

	for (i = 0; pos + 4 <= left && i < 64; i++, pos += 4) {
		p = *c;
		p.off += pos;
		st_dfield(d, &p, &quic_fields[F_SVER]);
	}
	d->hdr = left;
	if (pos < left && i < 64)
		return cut_short(d) ? ST_ETRUNC :
		    st_dmalformed(d, "%zu bytes after the last version",
		    left - pos);
	return ST_OK;
}

/* A Retry: the token and the 16-byte integrity tag that ends it. */
static int
quic_retry(struct st_dctx *d, struct st_cur *c, size_t pos, size_t left)
{
	d->hdr = left;
	if (left < pos + 16)
		return cut_short(d) ? ST_ETRUNC :
		    st_dmalformed(d, "no room for the integrity tag");
	if (left > pos + 16)
		st_dbytes(d, c, &quic_fields[F_RTOKEN], pos, left - pos - 16);
	st_dbytes(d, c, &quic_fields[F_RTAG], left - 16, 16);
	return ST_OK;
}

/*
 * Removes an Initial's protection (RFC 9001 5.4, 5.3) with the keys of the
 * connection's first client destination ID, as Wireshark does by default:
 * the packet number and the first byte's low bits unmasked, the payload
 * opened into a bounded buffer (its tag checked).  pos: the packet
 * number's offset, end: the packet's end.  Returns 0, or -1 when the
 * keys, the version or the captured bytes do not allow it.
 */
static int
quic_unprotect(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    const struct qpkt *q)
{
	static _Thread_local uint8_t hdr[QUIC_HDR_MAX], out[ST_QUIC_OPEN_MAX],
	    hs[QUIC_CRYPTO_MAX];
	static _Thread_local struct quic_crypto cr;
	struct st_cur p = *c;
	struct quic_keys k;
	uint8_t icid[QUIC_MAX_CID], mask[16];
	const uint8_t *b;
	size_t icil, pnl, i, n;
	uint64_t pn = 0;
	unsigned first;
	int opened;

	if ((icil = st_quic_icid(q->num, icid)) == 0 ||
	    st_quic_initial_keys(q->ver, icid, icil, q->server, &k) != 0 ||
	    end < pos + 20 || pos + 4 > sizeof(hdr) ||
	    end - pos > sizeof(out) + 16 || (b = st_get_bytes(&p, end)) == NULL)
		return -1;
	st_quic_hp_mask(&k, b + pos + 4, mask);
	first = b[0] ^ (mask[0] & 0x0f);
	pnl = (first & 3) + 1;
	memcpy(hdr, b, pos + pnl);
	hdr[0] = (uint8_t)first;
	for (i = 0; i < pnl; i++) {
		hdr[pos + i] ^= mask[1 + i];
		pn = pn << 8 | hdr[pos + i];
	}
	st_pkt_add_field(d->pkt, &quic_fields[F_LRES], (uint32_t)(c->off * 8 +
	    4), 2, (first >> 2) & 3);
	st_pkt_add_field(d->pkt, &quic_fields[F_PNLEN], (uint32_t)(c->off * 8 +
	    6), 2, first & 3);
	st_pkt_add_field(d->pkt, &quic_fields[F_PN], (uint32_t)((c->off + pos) *
	    8), (uint32_t)(pnl * 8), pn);
	st_dbytes(d, c, &quic_fields[F_PAYLOAD], pos + pnl, end - pos - pnl);
	opened = st_quic_open(&k, pn, hdr, pos + pnl, b + pos + pnl,
	    end - pos - pnl, out) == 0;
	st_dgen(d, &quic_fields[F_OPENED], opened);
	/* A frame running past the opened bytes lies (the tag held). */
	cr.n = 0;
	if (opened && st_quic_frames(d, out, end - pos - pnl - 16,
	    &quic_fields[F_FTYPE], &cr) < 0) {
		st_dmalformed(d, "a frame runs past the payload");
		return 0;
	}
	/* The TLS handshake the CRYPTO frames carry from the stream's
	 * start, as Wireshark shows it inside QUIC; the last thing done:
	 * its layers follow this one. */
	if (!opened)
		return 0;
	if ((n = st_quic_crypto_more(q->num, q->server, &cr, hs,
	    sizeof(hs))) > 0 && n > st_quic_crypto_stream(&cr, hs + n,
	    sizeof(hs) - n))
		st_dderive(d, hs, n, ST_KEY_MEDIA, ST_MEDIA_TLSHS,
		    "the Initials' CRYPTO data so far, opened with their "
		    "public keys");
	else if ((n = st_quic_crypto_stream(&cr, hs, sizeof(hs))) > 0)
		st_dderive(d, hs, n, ST_KEY_MEDIA, ST_MEDIA_TLSHS,
		    "the Initial's CRYPTO data, opened with its public keys");
	return 0;
}

/* The long header after the connection IDs, at pos; type as version 1. */
static int
quic_long_rest(struct st_dctx *d, struct st_cur *c, size_t pos, size_t left,
    unsigned type, const struct qpkt *q)
{
	uint64_t tl = 0, len;

	if (type == T_RETRY)
		return quic_retry(d, c, pos, left);
	if (type == T_INITIAL) {
		if (quic_varint(d, c, &pos, &quic_fields[F_TOKLEN], &tl) < 0)
			return ST_ETRUNC;
		if (tl > left - pos)
			return cut_short(d) ? ST_ETRUNC :
			    st_dmalformed(d, "token of %llu bytes",
			    (unsigned long long)tl);
		if (tl > 0)
			st_dbytes(d, c, &quic_fields[F_TOKEN], pos, (size_t)tl);
		pos += (size_t)tl;
	}
	if (quic_varint(d, c, &pos, &quic_fields[F_LEN], &len) < 0)
		return ST_ETRUNC;
	d->hdr = pos;
	if (len > left - pos) {
		if (!cut_short(d))
			return st_dmalformed(d, "length %llu exceeds the %zu "
			    "bytes left", (unsigned long long)len, left - pos);
		len = left - pos;
	}
	if (len > 0 && (type != T_INITIAL ||
	    quic_unprotect(d, c, pos, pos + (size_t)len, q) != 0))
		st_dbytes(d, c, &quic_fields[type == T_INITIAL ? F_PROT :
		    F_REMAIN], pos, (size_t)len);
	d->hdr = pos + (size_t)len;
	return pos + len < left || !cut_short(d) ? ST_OK : ST_ETRUNC;
}

/* A long header: the first byte, the version and the connection IDs. */
static int
quic_long(struct st_dctx *d, struct st_cur *c, size_t left, struct qpkt *q)
{
	uint32_t ver;
	unsigned type;
	size_t pos = 5;

	if (!st_cur_need(c, 5))
		return ST_ETRUNC;
	ver = (uint32_t)st_peek_bits(c, 8, 32);
	type = (unsigned)st_peek_bits(c, 2, 2);
	if (ver == QUIC_V2)
		type = (type + 3) & 3;		/* v2's types as v1's */
	st_dfield(d, c, &quic_fields[F_FORM]);
	if (ver == 0)
		st_dfield(d, c, &quic_fields[F_VNUNUSED]);
	else {
		/* As Wireshark: no fixed bit for a Retry. */
		if (type != T_RETRY)
			st_dfield(d, c, &quic_fields[F_FIXED]);
		st_dfield(d, c, &quic_fields[ver == QUIC_V2 ? F_TYPE2 :
		    F_TYPE]);
	}
	st_dfield(d, c, &quic_fields[F_VER]);
	if (c->err != ST_OK)
		return c->err;
	if (quic_cid(d, c, &pos, F_DCIL, F_DCID) < 0)
		return ST_ETRUNC;
	/* Versions 1 and 2 allow 20 bytes; others (and negotiation) more. */
	if ((ver == QUIC_V1 || ver == QUIC_V2) &&
	    st_peek_bits(c, 40, 8) > QUIC_MAX_CID)
		return st_dmalformed(d, "connection ID of %u bytes",
		    (unsigned)st_peek_bits(c, 40, 8));
	if (quic_cid(d, c, &pos, F_SCIL, F_SCID) < 0)
		return ST_ETRUNC;
	if (ver == 0)
		return quic_vn(d, c, pos, left);
	q->ver = ver;
	return quic_long_rest(d, c, pos, left, type, q);
}

/*
 * A short header: the destination ID when the connection says its length,
 * then the protected rest (the packet number and payload).
 */
static int
quic_short(struct st_dctx *d, struct st_cur *c, size_t left, size_t dcil)
{
	st_dfields(d, c, quic_fields + F_FORM, 2);
	st_dfield(d, c, &quic_fields[F_SPIN]);
	d->hdr = left;
	if (dcil > 0 && st_dbytes(d, c, &quic_fields[F_DCID], 1, dcil) == NULL)
		return cut_short(d) ? ST_ETRUNC :
		    st_dmalformed(d, "shorter than its connection ID");
	if (left > 1 + dcil)
		st_dbytes(d, c, &quic_fields[F_REMAIN], 1 + dcil,
		    left - 1 - dcil);
	return ST_OK;
}

static int
quic_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_field *plen;
	struct qpkt q;
	size_t dcil;
	unsigned b0;
	int rc, num, server;

	if (left == 0)
		return ST_ETRUNC;
	b0 = (unsigned)st_peek_bits(c, 0, 8);
	d->plen = 0;
	/* After a packet, bytes that start no packet are padding. */
	if (st_dcount(d, &st_proto_quic) > 0 && !(b0 & 0x40)) {
		st_dbytes(d, c, &quic_fields[F_PAD], 0, left);
		d->hdr = left;
		return ST_OK;
	}
	num = st_quic_conn(d, c, &server, &dcil);
	if (num >= 0 && st_dcount(d, &st_proto_quic) == 0)
		st_dgen(d, &quic_fields[F_CONN], (uint64_t)num);
	plen = st_dgen(d, &quic_fields[F_PLEN], left);
	if (!(b0 & 0x80))
		return quic_short(d, c, left, dcil);
	d->hdr = left;
	q.num = num;
	q.server = server;
	rc = quic_long(d, c, left, &q);
	/* A length that lies: the packet is taken to fill the datagram. */
	if (plen != NULL && d->hdr <= left && rc == ST_OK)
		plen->val = d->hdr;
	if (d->hdr > left)
		d->hdr = left;
	/* The rest of the datagram: more packets, in bounds. */
	if (rc == ST_OK && d->hdr < left &&
	    st_dcount(d, &st_proto_quic) + 1 < QUIC_MAX_PACKETS) {
		d->plen = left - d->hdr;
		d->next = &st_proto_quic;
	} else if (rc == ST_OK && d->hdr < left)
		d->plen = left - d->hdr;
	return rc;
}

/*
 * By content, on a port QUIC has no bind on: a long header of version 1
 * or 2 whose connection IDs fit, and a datagram of at least 1200 bytes
 * for an Initial, as RFC 9000 14.1 asks.
 */
static int
quic_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c), dl, sl;
	uint32_t ver;
	unsigned b0;

	if (left < 7)
		return 0;
	b0 = (unsigned)st_peek_bits(c, 0, 8);
	ver = (uint32_t)st_peek_bits(c, 8, 32);
	if ((b0 & 0xc0) != 0xc0 || (ver != QUIC_V1 && ver != QUIC_V2))
		return 0;
	dl = (size_t)st_peek_bits(c, 40, 8);
	if (dl > QUIC_MAX_CID || left < 7 + dl)
		return 0;
	sl = (size_t)st_peek_bits(c, 48 + dl * 8, 8);
	return sl <= QUIC_MAX_CID && left >= 7 + dl + sl;
}

static const struct st_bind quic_binds[] = {
	{ ST_KEY_UDPPORT, 443 },
};

/* One packet's name: "Initial", "1-RTT", "version negotiation". */
static void
quic_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CONN + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, quic_fields, F_CONN + 1, f);
	if (f[F_PAD] != NULL)
		st_out_puts(s->o, "padding");
	else if (f[F_FORM] != NULL && f[F_FORM]->val == 0)
		st_out_puts(s->o, "1-RTT");
	else if (f[F_VER] != NULL && f[F_VER]->val == 0)
		st_out_puts(s->o, "version negotiation");
	else if ((f[F_TYPE] != NULL &&
	    (m = st_field_meaning(f[F_TYPE])) != NULL) ||
	    (f[F_TYPE2] != NULL && (m = st_field_meaning(f[F_TYPE2])) != NULL))
		st_out_puts(s->o, m);
	else
		st_out_puts(s->o, "packet");
}

/*
 * "quic v1 Initial dcid 95412c47018cdfe8 + Handshake › tls client hello
 * sni example.org alpn h3": the version and destination ID of the first
 * packet, the kinds of all in the datagram, and what an opened Initial
 * carries.
 */
static int
quic_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CONN + 1];
	const struct st_layer *end = s->pkt->layers + s->pkt->nlayers, *l;

	st_ly_fields(s->pkt, ly, quic_fields, F_CONN + 1, f);
	st_out_puts(s->o, "quic");
	if (f[F_VER] != NULL && f[F_VER]->val == QUIC_V1)
		st_out_puts(s->o, " v1");
	else if (f[F_VER] != NULL && f[F_VER]->val == QUIC_V2)
		st_out_puts(s->o, " v2");
	else if (f[F_VER] != NULL && f[F_VER]->val != 0)
		st_out_printf(s->o, " version 0x%08llx",
		    (unsigned long long)f[F_VER]->val);
	st_out_putc(s->o, ' ');
	quic_one(s, ly);
	if (f[F_DCID] != NULL) {
		st_out_puts(s->o, " dcid ");
		s->value(s, f[F_DCID]);
	} else if (f[F_SCID] != NULL) {
		st_out_puts(s->o, " scid ");
		s->value(s, f[F_SCID]);
	}
	for (l = ly + 1; l < end && l->depth >= ly->depth; l++)
		if (l->proto == &st_proto_quic && l->depth == ly->depth) {
			st_out_puts(s->o, " + ");
			quic_one(s, l);
		}
	/* Then what a packet carries, opened: "› tls client hello sni". */
	for (l = ly + 1; l < end && l->depth >= ly->depth; l++)
		if (l->depth == ly->depth && l->proto != &st_proto_quic &&
		    l->proto->summary != NULL) {
			st_out_puts(s->o, " \xe2\x80\xba ");
			if (!l->proto->summary(s, l))
				st_out_puts(s->o, l->proto->name);
			break;
		}
	return 1;
}

static const struct st_field_desc *const quic_keys[] = {
	&quic_fields[F_TYPE], &quic_fields[F_VER], &quic_fields[F_DCID],
	&quic_fields[F_LEN], NULL,
};

const struct st_proto st_proto_quic = {
	.forget = st_quic_forget,
	.name = "quic",
	.ws = "quic",
	.title = "QUIC",
	.rfc = "RFC 9000, RFC 9369",
	.role = ST_ROLE_APP,
	.fields = quic_fields,
	.nfields = NFIELDS(quic_fields),
	.decode = quic_decode,
	.binds = quic_binds,
	.nbinds = NFIELDS(quic_binds),
	.heuristic = quic_heuristic,
	.summary = quic_summary,
	.keys = quic_keys,
	.color = "\033[95m",
	.explain = "A transport over UDP with TLS 1.3 built in.  Long headers "
	    "(Initial, 0-RTT, Handshake, Retry; version negotiation with "
	    "version 0) carry the version and both connection IDs in clear; "
	    "short headers (1-RTT) only the destination ID, whose length the "
	    "connection knows.  The packet number and the first byte's low "
	    "bits are masked by header protection, the payload is encrypted "
	    "(Initial keys come from the destination ID and a public salt).  "
	    "Several packets may share a datagram.",
};
