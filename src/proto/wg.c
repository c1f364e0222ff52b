/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * WireGuard (whitepaper "WireGuard: Next Generation Kernel Network
 * Tunnel", section 5.4), over UDP: four messages, each a type byte, three
 * reserved zero bytes and fixed fields, little-endian.
 *
 *   1 handshake initiation (148 bytes): sender index, the ephemeral
 *     public key, the static key and a timestamp encrypted, two MACs
 *   2 handshake response (92): sender and receiver indexes, ephemeral
 *     key, an encrypted empty payload, two MACs
 *   3 cookie reply (64): receiver index, nonce, encrypted cookie
 *   4 transport data (32 or more, a multiple of 16): receiver index, a
 *     64-bit counter, the encrypted packet (16 bytes of tag alone: a
 *     keepalive)
 *
 * Found by content, as Wireshark's heuristic (on by default): no port is
 * WireGuard's own; 51820 is the usual one and is bound here too.  Keys are
 * shown in base64, as wg(8) writes them.
 */
#include "strata/out.h"
#include "fields.h"

#define WG_PORT		51820

static const struct st_valname type_names[] = {
	{ 1, "Handshake Initiation" }, { 2, "Handshake Response" },
	{ 3, "Cookie Reply" }, { 4, "Transport Data" }, { 0, NULL }
};

enum { F_TYPE, F_RSV, F_SENDER, F_RECEIVER, F_EPH, F_EPHPRIV, F_ESTATIC, F_ETIME,
	F_EEMPTY, F_MAC1, F_MAC2, F_NONCE, F_ECOOKIE, F_COUNTER, F_EPACKET,
	F_NFIELDS };

static const struct st_field_desc wg_fields[F_NFIELDS] = {
	[F_TYPE] = FDN("type", "wg.type", "Type", 0, 8, ST_FMT_DEC,
	    type_names),
	[F_RSV] = FD(NULL, "wg.reserved", "Reserved", 8, 24, ST_FMT_BYTES),
	[F_SENDER] = FD("sender", "wg.sender", "Sender index", 0, 32,
	    ST_FMT_HEX),
	[F_RECEIVER] = FD("receiver", "wg.receiver", "Receiver index", 0, 32,
	    ST_FMT_HEX),
	[F_EPH] = FD(NULL, "wg.ephemeral", "Ephemeral public key", 0, 0,
	    ST_FMT_TEXT),
	[F_EPHPRIV] = FDG("wg.ephemeral.known_privkey",
	    "Has private key", ST_FMT_BOOL, NULL),
	[F_ESTATIC] = FD(NULL, "wg.encrypted_static", "Encrypted static key",
	    0, 0, ST_FMT_BYTES),
	[F_ETIME] = FD(NULL, "wg.encrypted_timestamp", "Encrypted timestamp",
	    0, 0, ST_FMT_BYTES),
	[F_EEMPTY] = FD(NULL, "wg.encrypted_empty", "Encrypted empty", 0, 0,
	    ST_FMT_BYTES),
	[F_MAC1] = FD(NULL, "wg.mac1", "mac1", 0, 0, ST_FMT_BYTES),
	[F_MAC2] = FD(NULL, "wg.mac2", "mac2", 0, 0, ST_FMT_BYTES),
	[F_NONCE] = FD(NULL, "wg.nonce", "Nonce", 0, 0, ST_FMT_BYTES),
	[F_ECOOKIE] = FD(NULL, "wg.encrypted_cookie", "Encrypted cookie", 0,
	    0, ST_FMT_BYTES),
	[F_COUNTER] = FD("counter", "wg.counter", "Counter", 0, 64,
	    ST_FMT_DEC),
	[F_EPACKET] = FD(NULL, "wg.encrypted_packet", "Encrypted packet", 0,
	    0, ST_FMT_BYTES),
};

/* Whether the n bytes at c are a WireGuard message: a known type, the
 * reserved bytes zero, the type's length. */
static int
wg_is(struct st_cur *c, size_t n)
{
	static const size_t len[5] = { 0, 148, 92, 64, 32 };
	unsigned type;

	if (n < 32 || !st_cur_need(c, 4) ||
	    st_peek_bits(c, 8, 24) != 0)
		return 0;
	type = (unsigned)st_peek_bits(c, 0, 8);
	if (type < 1 || type > 4)
		return 0;
	return type == 4 ? n % 16 == 0 : n == len[type];
}

/* A little-endian index or counter of n bytes at off as field fd. */
static void
wg_le(struct st_dctx *d, struct st_cur *c, size_t off, size_t n, unsigned fd)
{
	st_dle(d, c, &wg_fields[fd], off, n);
}

/* The 32-byte key at off, in base64. */
static void
wg_key(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_cur t = *c;
	const uint8_t *p;
	char b64[48];

	t.off += off;
	if ((p = st_get_bytes(&t, 32)) == NULL) {
		c->err = t.err;
		return;
	}
	st_base64(p, 32, b64, sizeof(b64));
	st_dtext(d, c, &wg_fields[F_EPH], off, 32, b64);
	/* strata holds no keys */
	st_dgen(d, &wg_fields[F_EPHPRIV], 0);
}

static int
wg_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned type;

	if (!wg_is(c, left))
		return ST_ENOTME;
	type = (unsigned)st_peek_bits(c, 0, 8);
	st_dfields(d, c, wg_fields, 2);
	switch (type) {
	case 1:
		wg_le(d, c, 4, 4, F_SENDER);
		wg_key(d, c, 8);
		st_dbytes(d, c, &wg_fields[F_ESTATIC], 40, 48);
		st_dbytes(d, c, &wg_fields[F_ETIME], 88, 28);
		st_dbytes(d, c, &wg_fields[F_MAC1], 116, 16);
		st_dbytes(d, c, &wg_fields[F_MAC2], 132, 16);
		break;
	case 2:
		wg_le(d, c, 4, 4, F_SENDER);
		wg_le(d, c, 8, 4, F_RECEIVER);
		wg_key(d, c, 12);
		st_dbytes(d, c, &wg_fields[F_EEMPTY], 44, 16);
		st_dbytes(d, c, &wg_fields[F_MAC1], 60, 16);
		st_dbytes(d, c, &wg_fields[F_MAC2], 76, 16);
		break;
	case 3:
		wg_le(d, c, 4, 4, F_RECEIVER);
		st_dbytes(d, c, &wg_fields[F_NONCE], 8, 24);
		st_dbytes(d, c, &wg_fields[F_ECOOKIE], 32, 32);
		break;
	case 4:
		wg_le(d, c, 4, 4, F_RECEIVER);
		wg_le(d, c, 8, 8, F_COUNTER);
		st_dbytes(d, c, &wg_fields[F_EPACKET], 16, left - 16);
		if (left == 32)
			st_pkt_note(d->pkt, "WireGuard: a keepalive (an "
			    "encrypted packet of no bytes)");
		break;
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static int
wg_heuristic(struct st_cur *c)
{
	return wg_is(c, st_cur_left(c));
}

static const struct st_bind wg_binds[] = {
	{ ST_KEY_UDPPORT, WG_PORT },
};

/* "wireguard handshake initiation sender 0x11223344", "wireguard data
 * receiver 0x55667788 counter 7, 32 bytes". */
static int
wg_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	unsigned type;

	st_ly_fields(s->pkt, ly, wg_fields, F_NFIELDS, f);
	if (f[F_TYPE] == NULL)
		return 0;
	type = (unsigned)f[F_TYPE]->val;
	st_out_puts(s->o, type == 1 ? "wireguard handshake initiation" :
	    type == 2 ? "wireguard handshake response" : type == 3 ?
	    "wireguard cookie reply" : "wireguard data");
	if (f[F_SENDER] != NULL)
		st_out_printf(s->o, " sender 0x%08x",
		    (unsigned)f[F_SENDER]->val);
	if (f[F_RECEIVER] != NULL)
		st_out_printf(s->o, " receiver 0x%08x",
		    (unsigned)f[F_RECEIVER]->val);
	if (f[F_COUNTER] != NULL)
		st_out_printf(s->o, " counter %llu",
		    (unsigned long long)f[F_COUNTER]->val);
	if (f[F_EPACKET] != NULL)
		st_out_printf(s->o, f[F_EPACKET]->bits == 128 ? " keepalive" :
		    ", %u bytes", f[F_EPACKET]->bits / 8 - 16);
	return 1;
}

static const struct st_field_desc *const wg_keys[] = {
	&wg_fields[F_TYPE], &wg_fields[F_SENDER], &wg_fields[F_RECEIVER],
	NULL,
};

const struct st_proto st_proto_wg = {
	.name = "wg",
	.ws = "wg",
	.title = "WireGuard",
	.rfc = "WireGuard whitepaper, section 5.4",
	.role = ST_ROLE_APP,
	.fields = wg_fields,
	.nfields = F_NFIELDS,
	.decode = wg_decode,
	.binds = wg_binds,
	.nbinds = NFIELDS(wg_binds),
	.heuristic = wg_heuristic,
	.summary = wg_summary,
	.keys = wg_keys,
	.color = "\033[35m",
	.explain = "A VPN over UDP built on the Noise protocol: two peers "
	    "that know each other's static public keys do a one-round-trip "
	    "handshake (initiation, response; a cookie reply when the "
	    "responder is under load), then send IP packets encrypted with "
	    "ChaCha20-Poly1305, each tagged with the receiver's index and a "
	    "counter against replay.  Everything but the indexes, the "
	    "ephemeral keys and the counters is encrypted; an empty data "
	    "message is a keepalive.",
};
