/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BitTorrent peer wire protocol (BEP 3; the fast extension, BEP 6;
 * the extension protocol, BEP 10), TCP 6881-6889 and any port whose first
 * segment is a handshake (Wireshark's heuristic, on by default).
 *
 * The handshake, 68 bytes:
 *
 * +------+---------------------+----------+-----------+----------+
 * | 19   | "BitTorrent protocol" | reserved | info hash | peer ID  |
 * | 1    | 19                  | 8        | 20 (SHA-1)| 20       |
 * +------+---------------------+----------+-----------+----------+
 *
 * then messages, each a 4-byte length (0: a keep-alive) and, when it is
 * not 0, a type and its payload: choke 0, unchoke 1, interested 2, not
 * interested 3, have 4 (a piece index), bitfield 5 (a bit per piece),
 * request 6 and cancel 8 (index, begin, length), piece 7 (index, begin,
 * the block), port 9 (the DHT port), suggest 13, have all 14, have none
 * 15, reject 16, allowed fast 17, extended 20 (an ID and a payload).
 *
 * As Wireshark's dissector: a message whose type it does not know, or
 * whose length does not fit its type, is the middle of an earlier one
 * (bittorrent.continuous_data, the rest of the segment); each message is
 * a layer of its own; one cut by the segment's end shows the fields whose
 * bytes are there.  Azureus's messages (a choke with a payload) are shown
 * as a choke.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define BT_PORT_LO	6881
#define BT_PORT_HI	6889
#define BT_HANDSHAKE	68
#define BT_HDR		4
#define BT_MAGIC	"\023BitTorrent protocol"

enum { F_NAMELEN, F_NAME, F_RESERVED, F_HASH, F_PEER, F_LEN, F_TYPE,
	F_INDEX, F_BEGIN, F_PLEN, F_DATA, F_BITFIELD, F_PORT, F_EXTID, F_EXT,
	F_CONT, F_KEEP, F_NBT };

static const struct st_valname type_names[] = {
	{ 0, "Choke" }, { 1, "Unchoke" }, { 2, "Interested" },
	{ 3, "Not Interested" }, { 4, "Have" }, { 5, "Bitfield" },
	{ 6, "Request" }, { 7, "Piece" }, { 8, "Cancel" }, { 9, "Port" },
	{ 13, "Suggest Piece" }, { 14, "Have All" }, { 15, "Have None" },
	{ 16, "Reject Request" }, { 17, "Allowed Fast" }, { 20, "Extended" },
	{ 0, NULL }
};

/* The handshake's rows from its first byte, a message's from its. */
static const struct st_field_desc bt_fields[F_NBT] = {
	[F_NAMELEN] = FD(NULL, "bittorrent.protocol.name.length",
	    "Protocol Name Length", 0, 8, ST_FMT_DEC),
	[F_NAME] = FD(NULL, "bittorrent.protocol.name", "Protocol Name", 8, 0,
	    ST_FMT_TEXT),
	[F_RESERVED] = FD(NULL, "bittorrent.reserved",
	    "Reserved Extension Bytes", 160, 64, ST_FMT_BYTES),
	[F_HASH] = FD("info_hash", "bittorrent.info_hash",
	    "SHA1 Hash of info dictionary", 224, 160, ST_FMT_BYTES),
	[F_PEER] = FD("peer_id", "bittorrent.peer_id", "Peer ID", 384, 160,
	    ST_FMT_BYTES),
	[F_LEN] = FD("length", "bittorrent.msg.length", "Message Length", 0,
	    32, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "bittorrent.msg.type", "Message Type", 32, 8,
	    ST_FMT_DEC, type_names),
	[F_INDEX] = FD(NULL, "bittorrent.piece.index", "Piece index", 40, 32,
	    ST_FMT_HEX),
	[F_BEGIN] = FD(NULL, "bittorrent.piece.begin", "Begin offset of "
	    "piece", 72, 32, ST_FMT_HEX),
	[F_PLEN] = FD(NULL, "bittorrent.piece.length", "Piece Length", 104,
	    32, ST_FMT_HEX),
	[F_DATA] = FD(NULL, "bittorrent.piece.data", "Data in a piece", 104,
	    0, ST_FMT_BYTES),
	[F_BITFIELD] = FD(NULL, "bittorrent.msg.bitfield", "Bitfield data",
	    40, 0, ST_FMT_BYTES),
	[F_PORT] = FD(NULL, "bittorrent.port", "Port", 40, 16, ST_FMT_DEC),
	[F_EXTID] = FD(NULL, "bittorrent.extended.id", "Extended Message ID",
	    40, 8, ST_FMT_DEC),
	[F_EXT] = FD(NULL, "bittorrent.extended", "Extended Message", 48, 0,
	    ST_FMT_BYTES),
	[F_CONT] = FD(NULL, "bittorrent.continuous_data", "Continuous data",
	    0, 0, ST_FMT_BYTES),
	/* tshark 4.0 shows a keep-alive's length nowhere */
	[F_KEEP] = FD(NULL, "strata.bittorrent.keepalive", "Keep-alive "
	    "(message length 0)", 0, 32, ST_FMT_DEC),
};

#define R(i)	(&bt_fields[(i)])

/* Wireshark's test_type_length(): whether a message of this type may be
 * len bytes long (type included); else the bytes are taken for the
 * middle of another message. */
static int
type_fits(unsigned type, uint32_t len)
{
	switch (type) {
	case 1: case 2: case 3: case 14: case 15:
		return len == 1;
	case 9:
		return len == 3;
	case 4: case 13: case 17:
		return len == 5;
	case 6: case 8: case 16:
		return len == 13;
	case 7: case 20:
		return len <= 0x4009;
	case 0: case 5:
		return len <= 0x20000;
	}
	return 0;
}

static int
is_handshake(struct st_cur *c)
{
	struct st_cur t = *c;
	const uint8_t *p = st_get_bytes(&t, 20);

	return p != NULL && memcmp(p, BT_MAGIC, 20) == 0;
}

/* Row f (a fixed one where its bits say; a variable one of n bytes at
 * byte off) when its bytes all lie before byte end: 1, else 0. */
static int
part(struct st_dctx *d, struct st_cur *c, unsigned f, size_t off, size_t n,
    size_t end)
{
	const struct st_field_desc *fd = R(f);

	if (fd->bits != 0) {
		off = fd->bitoff / 8;
		n = fd->bits / 8;
	}
	if (off + n > end)
		return 0;
	if (fd->bits == 0)
		return st_dbytes(d, c, fd, off, n) != NULL;
	return st_dfield(d, c, fd) != NULL;
}

static void
handshake(struct st_dctx *d, struct st_cur *c, size_t left)
{
	char name[20];

	part(d, c, F_NAMELEN, 0, 0, left);
	if (left >= 20) {
		memcpy(name, &BT_MAGIC[1], 19);
		name[19] = '\0';
		st_dtext(d, c, R(F_NAME), 1, 19, name);
	}
	if (part(d, c, F_RESERVED, 20, 0, left) &&
	    part(d, c, F_HASH, 28, 0, left))
		part(d, c, F_PEER, 48, 0, left);
}

/* The payload of a message of type and len (its type included) whose
 * first end bytes are in the segment at c. */
static void
payload(struct st_dctx *d, struct st_cur *c, unsigned type, uint32_t len,
    size_t end)
{
	switch (type) {
	case 4: case 13: case 17:
		part(d, c, F_INDEX, 0, 0, end);
		break;
	case 6: case 8: case 16:
		if (part(d, c, F_INDEX, 0, 0, end) &&
		    part(d, c, F_BEGIN, 0, 0, end))
			part(d, c, F_PLEN, 0, 0, end);
		break;
	case 7:
		if (len >= 9 && part(d, c, F_INDEX, 0, 0, end) &&
		    part(d, c, F_BEGIN, 0, 0, end) && len > 9)
			part(d, c, F_DATA, 13, len - 9, end);
		break;
	case 5:
		if (len > 1)
			part(d, c, F_BITFIELD, 5, len - 1, end);
		break;
	case 9:
		part(d, c, F_PORT, 0, 0, end);
		break;
	case 20:
		if (len >= 2 && part(d, c, F_EXTID, 0, 0, end) && len > 2)
			part(d, c, F_EXT, 6, len - 2, end);
		break;
	}
}

static int
bt_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), total;
	uint32_t len;
	unsigned type;
	int cut = d->pkt->caplen < d->pkt->len;

	if (left == 0)
		return ST_ENOTME;
	d->plen = 0;
	if (is_handshake(c)) {
		total = BT_HANDSHAKE;
		handshake(d, c, left);
	} else if (left < BT_HDR) {
		d->hdr = left;
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "BitTorrent: a "
		    "message length cut at %zu of 4 bytes", left));
		return cut ? ST_ETRUNC : ST_OK;
	} else if ((len = (uint32_t)st_peek_bits(c, 0, 32)) == 0) {
		total = BT_HDR;
		st_dfield(d, c, R(F_KEEP));
	} else if (left == BT_HDR) {
		d->hdr = left;
		st_dfield(d, c, R(F_LEN));
		st_pkt_note(d->pkt, "BitTorrent: a message's type is in a "
		    "later segment");
		return cut ? ST_ETRUNC : ST_OK;
	} else if (!type_fits(type = (unsigned)st_peek_bits(c, 32, 8),
	    len)) {
		/* the middle of a message, as Wireshark takes it */
		d->hdr = left;
		st_dbytes(d, c, R(F_CONT), 0, left);
		return ST_OK;
	} else {
		total = BT_HDR + (size_t)len;
		st_dfields(d, c, R(F_LEN), 2);
		payload(d, c, type, len, total < left ? total : left);
	}
	d->hdr = total < left ? total : left;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another message */
	if (total > left) {
		st_pkt_note(d->pkt, "BitTorrent: the message continues in a "
		    "later segment");
		return cut ? ST_ETRUNC : ST_OK;
	}
	return ST_OK;
}

/* The length of the message at c (strata/proto.h, pdu_len), as
 * Wireshark's get_bittorrent_pdu_length(). */
static size_t
bt_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c);
	uint32_t len;

	if (left < 20 && left > 0 && st_peek_bits(c, 0, 8) == 19)
		return ST_PDU_MORE;
	if (is_handshake(c))
		return BT_HANDSHAKE;
	if (left < BT_HDR)
		return ST_PDU_MORE;
	if ((len = (uint32_t)st_peek_bits(c, 0, 32)) == 0)
		return BT_HDR;
	if (left == BT_HDR)
		return ST_PDU_MORE;
	if (!type_fits((unsigned)st_peek_bits(c, 32, 8), len))
		return 0;
	return BT_HDR + (size_t)len;
}

/* Wireshark's heuristic: a handshake starts the conversation. */
static int
bt_heuristic(struct st_cur *c)
{
	return is_handshake(c);
}

static const struct st_bind bt_binds[] = {
	{ ST_KEY_TCPPORT, 6881 }, { ST_KEY_TCPPORT, 6882 },
	{ ST_KEY_TCPPORT, 6883 }, { ST_KEY_TCPPORT, 6884 },
	{ ST_KEY_TCPPORT, 6885 }, { ST_KEY_TCPPORT, 6886 },
	{ ST_KEY_TCPPORT, 6887 }, { ST_KEY_TCPPORT, 6888 },
	{ ST_KEY_TCPPORT, 6889 },
};

/* One message's facts: "Piece idx 0x1 begin 0x4000", "Keep-alive". */
static void
msg_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NBT];
	const char *name;

	st_ly_fields(s->pkt, ly, bt_fields, F_NBT, f);
	if (f[F_HASH] != NULL) {
		st_out_puts(s->o, "Handshake info_hash ");
		s->value(s, f[F_HASH]);
		return;
	}
	if (f[F_NAMELEN] != NULL) {
		st_out_puts(s->o, "Handshake");
		return;
	}
	if (f[F_CONT] != NULL) {
		st_out_puts(s->o, "continuation data");
		return;
	}
	if (f[F_KEEP] != NULL) {
		st_out_puts(s->o, "Keep-alive");
		return;
	}
	if (f[F_TYPE] == NULL) {
		st_out_puts(s->o, "a message cut at the segment's end");
		return;
	}
	name = st_valname(type_names, (uint32_t)f[F_TYPE]->val);
	st_out_puts(s->o, name != NULL ? name : "?");
	if (f[F_INDEX] != NULL)
		st_out_printf(s->o, " idx 0x%x", (unsigned)f[F_INDEX]->val);
	if (f[F_BEGIN] != NULL)
		st_out_printf(s->o, " begin 0x%x", (unsigned)f[F_BEGIN]->val);
	if (f[F_PLEN] != NULL)
		st_out_printf(s->o, " len 0x%x", (unsigned)f[F_PLEN]->val);
	if (f[F_DATA] != NULL)
		st_out_printf(s->o, " len 0x%x", f[F_DATA]->bits / 8);
	if (f[F_PORT] != NULL)
		st_out_printf(s->o, " %u", (unsigned)f[F_PORT]->val);
}

/* "bittorrent Handshake info_hash ..., Bitfield, Unchoke": every message
 * of the segment, from the first one's layer. */
static int
bt_summary(struct st_sumctx *s, const struct st_layer *ly)
{

	st_out_puts(s->o, "bittorrent ");
	st_sum_each(s, ly, ", ", msg_facts);
	return 1;
}

static const struct st_field_desc *const bt_keys[] = {
	R(F_LEN), R(F_TYPE), NULL,
};

const struct st_proto st_proto_bittorrent = {
	.name = "bittorrent",
	.ws = "bittorrent",
	.title = "BitTorrent",
	.rfc = "BEP 3",
	.role = ST_ROLE_APP,
	.fields = bt_fields,
	.nfields = F_NBT,
	.decode = bt_decode,
	.binds = bt_binds,
	.nbinds = NFIELDS(bt_binds),
	.heuristic = bt_heuristic,
	.pdu_len = bt_pdu_len,
	.summary = bt_summary,
	.keys = bt_keys,
	.color = "\033[32m",
	.explain_bits = 40,
	.explain = "How peers swap the pieces of a torrent (BEP 3).  Each "
	    "side first sends a handshake: the byte 19 and \"BitTorrent "
	    "protocol\", 8 reserved bytes whose bits announce extensions "
	    "(the DHT, the fast extension, BEP 10's extended messages), the "
	    "SHA-1 of the torrent's info dictionary (both must name the "
	    "same torrent) and a 20-byte peer ID (often the client's name "
	    "and version, \"-qB4250-\").  Then messages, each a 4-byte "
	    "length (0: a keep-alive) and a type: the bitfield of pieces a "
	    "peer has, have (one more piece), interested and choke/unchoke "
	    "(whether a peer may ask), request (piece index, offset, "
	    "length; usually 16 KiB blocks), piece (the block itself), "
	    "cancel, and the DHT port.",
};
