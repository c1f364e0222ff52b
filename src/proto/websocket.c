/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * WebSocket (RFC 6455): the frames that follow an HTTP Upgrade, one layer
 * per frame: FIN, RSV, opcode, mask bit, the 7-bit length and its 16- or
 * 64-bit extension, the masking key; a text frame's text (unmasked here),
 * a close frame's status and reason, ping and pong data.  The HTTP/1.1
 * handshake itself (Upgrade, Sec-WebSocket-Key/Accept) is http.c's.
 *
 * Frame: FIN (1) | RSV (3) | opcode (4) | MASK (1) | len (7) |
 *        [len16 | len64] | [masking key (32)] | payload
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define WS_FRAMES	16		/* frames a heuristic looks at */
#define WS_TEXT		256		/* bytes of text shown */

static const struct st_valname opcode_names[] = {
	{ 0, "Continuation" }, { 1, "Text" }, { 2, "Binary" },
	{ 8, "Connection Close" }, { 9, "Ping" }, { 10, "Pong" }, { 0, NULL }
};

enum { F_FIN, F_RSV, F_OPCODE, F_MASK, F_LEN, F_LEN16, F_LEN64, F_KEY,
	F_TEXT, F_STATUS, F_REASON, F_PING, F_PONG, F_UNKNOWN,
	F_PAYLOAD, F_MASKED, F_NWS };

static const struct st_field_desc ws_fields[F_NWS] = {
	[F_FIN] = FD("fin", "websocket.fin", "Fin", 0, 1, ST_FMT_DEC),
	[F_RSV] = FD(NULL, "websocket.rsv", "Reserved", 1, 3, ST_FMT_HEX),
	[F_OPCODE] = FDN("opcode", "websocket.opcode", "Opcode", 4, 4,
	    ST_FMT_DEC, opcode_names),
	[F_MASK] = FD("mask", "websocket.mask", "Mask", 8, 1, ST_FMT_DEC),
	[F_LEN] = FD("len", "websocket.payload_length", "Payload length", 9,
	    7, ST_FMT_DEC),
	[F_LEN16] = FD(NULL, "websocket.payload_length_ext_16", "Extended "
	    "payload length (16 bits)", 16, 16, ST_FMT_DEC),
	[F_LEN64] = FD(NULL, "websocket.payload_length_ext_64", "Extended "
	    "payload length (64 bits)", 16, 64, ST_FMT_DEC),
	[F_KEY] = FD(NULL, "websocket.masking_key", "Masking key", 0, 0,
	    ST_FMT_BYTES),
	[F_TEXT] = FD(NULL, "websocket.payload.text", "Text", 0, 0,
	    ST_FMT_TEXT),
	[F_STATUS] = FD(NULL, "websocket.payload.close.status_code", "Close "
	    "status", 0, 16, ST_FMT_DEC),
	[F_REASON] = FD(NULL, "websocket.payload.close.reason", "Close "
	    "reason", 0, 0, ST_FMT_TEXT),
	[F_PING] = FD(NULL, "websocket.payload.ping", "Ping", 0, 0,
	    ST_FMT_BYTES),
	[F_PONG] = FD(NULL, "websocket.payload.pong", "Pong", 0, 0,
	    ST_FMT_BYTES),
	[F_UNKNOWN] = FD(NULL, "websocket.payload.unknown", "Payload", 0, 0,
	    ST_FMT_BYTES),
	[F_PAYLOAD] = FD(NULL, "websocket.payload", "Payload", 0, 0,
	    ST_FMT_BYTES),
	[F_MASKED] = FD(NULL, "websocket.masked_payload", "Masked payload", 0,
	    0, ST_FMT_BYTES),
};

/* The header of the frame at c: its length and the payload's; 0 if the
 * header is not all there or the lengths cannot be right. */
static int
head(struct st_cur *c, size_t *hlen, uint64_t *plen)
{
	size_t left = st_cur_left(c);
	unsigned len7;

	if (left < 2)
		return 0;
	len7 = (unsigned)st_peek_bits(c, 9, 7);
	*hlen = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) +
	    (st_peek_bits(c, 8, 1) ? 4 : 0);
	if (left < *hlen)
		return 0;
	*plen = len7 == 126 ? st_peek_bits(c, 16, 16) : len7 == 127 ?
	    st_peek_bits(c, 16, 64) : len7;
	return (len7 != 126 || *plen >= 126) && (len7 != 127 ||
	    (*plen > 0xffff && *plen >> 63 == 0));
}

/* The payload's first n bytes at off, unmasked with key (or as they are),
 * escaped into out; whether they are all printable ASCII. */
static int
unmask(struct st_cur *c, size_t off, size_t n, const uint8_t *key, char *out,
    size_t on)
{
	struct st_cur t = *c;
	const uint8_t *p;
	uint8_t b[WS_TEXT];
	size_t i;

	int plain = 1;

	out[0] = '\0';
	if (n > WS_TEXT)
		n = WS_TEXT;
	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, n)) == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		b[i] = key != NULL ? (uint8_t)(p[i] ^ key[i & 3]) : p[i];
		plain &= b[i] >= 0x20 && b[i] < 0x7f;
	}
	st_escape(b, n, out, on);
	return plain;
}

/* The payload of a frame with this opcode: [off, off + n). */
static void
payload(struct st_dctx *d, struct st_cur *c, unsigned op, size_t off,
    size_t n, const uint8_t *key)
{
	char text[WS_TEXT * 4 + 8];
	uint8_t st[2];
	struct st_field *f;

	if (n == 0)
		return;
	if (key != NULL)
		st_dbytes(d, c, &ws_fields[F_MASKED], off, n);
	st_dbytes(d, c, &ws_fields[F_PAYLOAD], off, n);
	switch (op) {
	case 1:
		unmask(c, off, n, key, text, sizeof(text));
		st_dtext(d, c, &ws_fields[F_TEXT], off, n, text);
		return;
	case 8:
		if (n < 2)
			break;
		st[0] = (uint8_t)st_peek_bits(c, off * 8, 8);
		st[1] = (uint8_t)st_peek_bits(c, off * 8 + 8, 8);
		if (key != NULL) {
			st[0] ^= key[0];
			st[1] ^= key[1];
		}
		if ((f = st_dbytes(d, c, &ws_fields[F_STATUS], off, 2)) !=
		    NULL)
			f->val = (uint64_t)(st[0] << 8 | st[1]);
		if (n > 2) {
			/* The reason's bytes continue the mask's cycle. */
			uint8_t k2[4];

			if (key != NULL) {
				k2[0] = key[2];
				k2[1] = key[3];
				k2[2] = key[0];
				k2[3] = key[1];
			}
			/* as text only when it is plain: tshark reads the
			 * bytes as UTF-8, replacing what is not */
			if (unmask(c, off + 2, n - 2, key != NULL ? k2 : NULL,
			    text, sizeof(text)))
				st_dtext(d, c, &ws_fields[F_REASON], off + 2,
				    n - 2, text);
		}
		return;
	}
	/* Data frames (binary, continuations, opcodes 3 to 7): the payload
	 * is all there is.  A masked control frame's bytes are shown by
	 * tshark unmasked, which the wire's are not: left out. */
	if (op < 8 || key != NULL)
		return;
	st_dbytes(d, c, &ws_fields[op == 9 ? F_PING : op == 10 ? F_PONG :
	    F_UNKNOWN], off, n);
}

/*
 * One frame.  Handed on by an upgraded HTTP conversation, the bytes may be
 * the middle of a frame begun earlier: tshark, reading one segment at a
 * time, takes them for frames all the same (RSV bits set, opcodes RFC 6455
 * does not define, lengths not in their shortest form), and so does this.
 * A frame that runs past the segment shows its header only (tshark's
 * payload items fail there); the next frame starts after it, the 64-bit
 * length taken modulo 2^32 as tshark does.
 */
static int
ws_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hl;
	uint64_t pl;
	uint8_t key[4];
	struct st_cur t;
	const uint8_t *k = NULL, *kp;
	unsigned len7;

	if (left < 2)
		return ST_ETRUNC;
	len7 = (unsigned)st_peek_bits(c, 9, 7);
	hl = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) +
	    (st_peek_bits(c, 8, 1) ? 4 : 0);
	/* tshark's frame length is 32 bits, and a PDU length past 2^31 is
	 * no tvb of its: no frame at all (nor one shorter than 2 bytes) */
	pl = 0;
	if (len7 == 127 && left >= 10) {
		pl = (uint32_t)st_peek_bits(c, 16, 64);
		if ((uint32_t)(hl + pl) >= 0x80000000u ||
		    (uint32_t)(hl + pl) < 2)
			return ST_ENOTME;
	}
	st_dfields(d, c, ws_fields, 5);
	if (len7 == 126)
		st_dfield(d, c, &ws_fields[F_LEN16]);
	else if (len7 == 127)
		st_dfield(d, c, &ws_fields[F_LEN64]);
	if (left < hl) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	if (len7 < 127)
		pl = len7 == 126 ? st_peek_bits(c, 16, 16) : len7;
	if (st_peek_bits(c, 8, 1)) {
		t = *c;
		st_cur_skip(&t, hl - 4);
		if ((kp = st_get_bytes(&t, 4)) != NULL) {
			memcpy(key, kp, 4);
			k = key;
		}
		st_dbytes(d, c, &ws_fields[F_KEY], hl - 4, 4);
	}
	if (pl > left - hl) {
		st_pkt_note(d->pkt, "WebSocket: a frame continues in a later "
		    "segment");
		d->hdr = left;
		return ST_OK;
	}
	payload(d, c, (unsigned)st_peek_bits(c, 4, 4), hl, (size_t)pl, k);
	d->hdr = hl + (size_t)pl;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another frame */
	return ST_OK;
}

/* Whether an unmasked text payload's first bytes at c + off read as text. */
static int
texty(struct st_cur *c, size_t off, size_t n)
{
	unsigned b;
	size_t i;

	for (i = 0; i < n && i < 32; i++) {
		b = (unsigned)st_peek_bits(c, (off + i) * 8, 8);
		if (b < 0x20 && b != '\t' && b != '\r' && b != '\n')
			return 0;
	}
	return 1;
}

/*
 * By content (no state tells that an Upgrade happened): the segment is
 * exactly a run of frames, the first one starting a message (text, binary
 * or control, not a continuation), all masked or all not (a side masks
 * every frame or none), RSV zero, a defined opcode, data frames not empty,
 * control frames final and at most 125 bytes, lengths in their shortest
 * form, and unmasked text that reads as text.  Record-marked protocols
 * (NetBIOS, ONC RPC) start with bytes that fail one of these.
 */
static int
ws_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c), at = 0, hl;
	uint64_t pl;
	unsigned i, b, op, mask = 2;
	struct st_cur t;

	for (i = 0; i < WS_FRAMES && at < left; i++) {
		t = *c;
		st_cur_skip(&t, at);
		if (!head(&t, &hl, &pl) || pl > left - at - hl)
			return 0;
		b = (unsigned)st_peek_bits(&t, 0, 8);
		op = b & 15;
		if ((b & 0x70) != 0 || (op > 2 && op < 8) || op > 10 ||
		    (i == 0 && op == 0) || (op < 8 && pl == 0) ||
		    (op >= 8 && (!(b & 0x80) || pl > 125 || pl == 1)))
			return 0;
		if (mask == 2)
			mask = (unsigned)st_peek_bits(&t, 8, 1);
		else if (mask != st_peek_bits(&t, 8, 1))
			return 0;
		if (op == 1 && !mask && !texty(&t, hl, (size_t)pl))
			return 0;
		at += hl + (size_t)pl;
	}
	return at == left;
}

static const struct st_bind ws_binds[] = {
	/* After HTTP/1.1 and HTTP/2, which keep port 80: this registers the
	 * heuristic for TCP, tried where they refuse the bytes. */
	{ ST_KEY_TCPPORT, 80 },
};

/* "websocket Text fin", joined by ", " over the segment's frames. */
static int
ws_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_field *f[F_NWS];
	const char *m;
	unsigned i;
	int n = 0;

	for (i = 0; i < pkt->nlayers && n < 8; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		st_ly_fields(pkt, t, ws_fields, F_NWS, f);
		st_out_puts(s->o, n++ > 0 ? ", websocket" : "websocket");
		if (f[F_OPCODE] != NULL &&
		    (m = st_field_meaning(f[F_OPCODE])) != NULL)
			st_out_printf(s->o, " %s", m);
		if (f[F_TEXT] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_TEXT]);
		}
	}
	return 1;
}

static const struct st_field_desc *const ws_keys[] = {
	&ws_fields[F_OPCODE], &ws_fields[F_FIN], &ws_fields[F_MASK],
	&ws_fields[F_LEN], NULL,
};

const struct st_proto st_proto_websocket = {
	.name = "websocket",
	.ws = "websocket",
	.title = "WebSocket",
	.rfc = "RFC 6455",
	.role = ST_ROLE_APP,
	.fields = ws_fields,
	.nfields = F_NWS,
	.decode = ws_decode,
	.binds = ws_binds,
	.nbinds = NFIELDS(ws_binds),
	.heuristic = ws_heuristic,
	.summary = ws_summary,
	.keys = ws_keys,
	.color = "\033[96m",
};
