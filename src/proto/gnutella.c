/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Gnutella (the RFC-Gnutella 0.6 draft), TCP 6346: peers shake hands in
 * text ("GNUTELLA CONNECT/0.6"), then flood descriptors, each a 23-byte
 * header (a 16-byte ID, the payload type, TTL, hops and a little-endian
 * payload length) and its payload: ping (0x00), pong (0x01, a servent's
 * address and what it shares), push (0x40), query (0x80, a minimum speed
 * and the search text) and query hit (0x81, the files that matched).
 *
 * As Wireshark's dissector: bytes whose length field would exceed 4096
 * (the handshake's text, a file transfer) are the "upload/download
 * stream", shown as such; several descriptors in a segment are a layer
 * each.
 */
#include "strata/out.h"
#include "fields.h"

#define GNU_PORT	6346
#define GNU_HDR		23
#define GNU_MAXSIZE	4096	/* Wireshark's bound: longer is a stream */
#define GNU_MAXHITS	255	/* a hit count is one byte */
#define GNU_MAXMSGS	64	/* descriptors in a segment */

static const struct st_valname type_names[] = {
	{ 0x00, "Ping" }, { 0x01, "Pong" }, { 0x40, "Push" },
	{ 0x80, "Query" }, { 0x81, "QueryHit" }, { 0, NULL }
};

enum { F_STREAM, F_ID, F_TYPE, F_TTL, F_HOPS, F_SIZE, F_PONGPORT, F_PONGIP,
	F_PONGFILES, F_PONGKB, F_QSPEED, F_QSEARCH, F_HCOUNT, F_HPORT, F_HIP,
	F_HSPEED, F_HINDEX, F_HSIZE, F_HNAME, F_HEXTRA, F_HQEXTRA, F_HSERVENT,
	F_PSERVENT, F_PINDEX, F_PIP, F_PPORT, F_NFIELDS };

static const struct st_field_desc gnu_fields[F_NFIELDS] = {
	[F_STREAM] = FD(NULL, "gnutella.stream",
	    "Upload / download stream", 0, 0, ST_FMT_BYTES),
	[F_ID] = FD(NULL, "gnutella.header.id", "ID", 0, 128, ST_FMT_BYTES),
	[F_TYPE] = FDN("type", "gnutella.header.payload", "Payload", 128, 8,
	    ST_FMT_DEC, type_names),
	[F_TTL] = FD("ttl", "gnutella.header.ttl", "TTL", 136, 8, ST_FMT_DEC),
	[F_HOPS] = FD(NULL, "gnutella.header.hops", "Hops", 144, 8,
	    ST_FMT_DEC),
	[F_SIZE] = FD(NULL, "gnutella.header.size", "Length", 0, 32,
	    ST_FMT_DEC),
	[F_PONGPORT] = FD(NULL, "gnutella.pong.port", "Port", 0, 16,
	    ST_FMT_DEC),
	[F_PONGIP] = FD(NULL, "gnutella.pong.ip", "IP", 0, 32, ST_FMT_IPV4),
	[F_PONGFILES] = FD(NULL, "gnutella.pong.files", "Files shared", 0, 32,
	    ST_FMT_DEC),
	[F_PONGKB] = FD(NULL, "gnutella.pong.kbytes", "KBytes shared", 0, 32,
	    ST_FMT_DEC),
	[F_QSPEED] = FD(NULL, "gnutella.query.min_speed", "Min speed", 0, 16,
	    ST_FMT_DEC),
	[F_QSEARCH] = FD("search", "gnutella.query.search", "Search", 0, 0,
	    ST_FMT_TEXT),
	[F_HCOUNT] = FD(NULL, "gnutella.queryhit.count", "Count", 0, 8,
	    ST_FMT_DEC),
	[F_HPORT] = FD(NULL, "gnutella.queryhit.port", "Port", 0, 16,
	    ST_FMT_DEC),
	[F_HIP] = FD(NULL, "gnutella.queryhit.ip", "IP", 0, 32,
	    ST_FMT_IPV4),
	[F_HSPEED] = FD(NULL, "gnutella.queryhit.speed", "Speed", 0, 32,
	    ST_FMT_DEC),
	[F_HINDEX] = FD(NULL, "gnutella.queryhit.hit.index", "Index", 0, 32,
	    ST_FMT_DEC),
	[F_HSIZE] = FD(NULL, "gnutella.queryhit.hit.size", "Size", 0, 32,
	    ST_FMT_DEC),
	[F_HNAME] = FD(NULL, "gnutella.queryhit.hit.name", "Name", 0, 0,
	    ST_FMT_TEXT),
	[F_HEXTRA] = FD(NULL, "gnutella.queryhit.hit.extra", "Extra", 0, 0,
	    ST_FMT_BYTES),
	[F_HQEXTRA] = FD(NULL, "gnutella.queryhit.extra", "Extra", 0, 0,
	    ST_FMT_BYTES),
	[F_HSERVENT] = FD(NULL, "gnutella.queryhit.servent_id", "Servent ID",
	    0, 128, ST_FMT_BYTES),
	[F_PSERVENT] = FD(NULL, "gnutella.push.servent_id", "Servent ID", 0,
	    128, ST_FMT_BYTES),
	[F_PINDEX] = FD(NULL, "gnutella.push.index", "Index", 0, 32,
	    ST_FMT_DEC),
	[F_PIP] = FD(NULL, "gnutella.push.ip", "IP", 0, 32, ST_FMT_IPV4),
	[F_PPORT] = FD(NULL, "gnutella.push.port", "Port", 0, 16, ST_FMT_DEC),
};

/* Row fd at byte off of c: big-endian, or little-endian (le). */
static void
gnu_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned fd, int le)
{
	if (le)
		st_dle(d, c, &gnu_fields[fd], off, gnu_fields[fd].bits / 8);
	else
		st_dfields_at(d, c, off, &gnu_fields[fd], 1);
}

/* A NUL-ended string from off, before end: its length without the NUL;
 * end - off when it has none. */
static size_t
gnu_strlen(struct st_cur *c, size_t off, size_t end)
{
	size_t i;

	for (i = off; i < end && st_cur_need(c, i + 1); i++)
		if (st_peek_bits(c, i * 8, 8) == 0)
			break;
	return i - off;
}

/* A query hit's payload at off, size bytes. */
static void
gnu_queryhit(struct st_dctx *d, struct st_cur *c, size_t off, size_t size)
{
	size_t end = off + size, at, n;
	unsigned hits, i;

	gnu_at(d, c, off, F_HCOUNT, 0);
	gnu_at(d, c, off + 1, F_HPORT, 1);
	gnu_at(d, c, off + 3, F_HIP, 0);
	gnu_at(d, c, off + 7, F_HSPEED, 1);
	if (c->err != ST_OK)
		return;
	hits = (unsigned)st_peek_bits(c, off * 8, 8);
	at = off + 11;
	for (i = 0; i < hits && i < GNU_MAXHITS && c->err == ST_OK; i++) {
		gnu_at(d, c, at, F_HINDEX, 1);
		gnu_at(d, c, at + 4, F_HSIZE, 1);
		at += 8;
		n = gnu_strlen(c, at, end);
		st_dtext_esc(d, c, &gnu_fields[F_HNAME], at, n);
		at += n + 1;
		n = at < end ? gnu_strlen(c, at, end) : 0;
		if (n > 0)
			st_dbytes(d, c, &gnu_fields[F_HEXTRA], at, n);
		at += n + 1;
	}
	if (c->err != ST_OK || at > end)
		return;
	/* the trailer's extra bytes, and the servent ID last */
	if (end - at > 16)
		st_dbytes(d, c, &gnu_fields[F_HQEXTRA], at, end - at - 16);
	st_dbytes(d, c, &gnu_fields[F_HSERVENT], end - at > 16 ? end - 16 :
	    at, 16);
}

static int
gnu_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), size;
	unsigned type;

	if (left == 0)
		return ST_ENOTME;
	size = left >= GNU_HDR ? (size_t)(st_peek_bits(c, 152, 8) |
	    st_peek_bits(c, 160, 8) << 8 | st_peek_bits(c, 168, 8) << 16 |
	    st_peek_bits(c, 176, 8) << 24) : 0;
	if (left >= GNU_HDR && size > GNU_MAXSIZE) {
		st_dbytes(d, c, &gnu_fields[F_STREAM], 0, left);
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	st_dfields(d, c, gnu_fields + F_ID, 4);
	if (!st_cur_need(c, GNU_HDR)) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	st_dle(d, c, &gnu_fields[F_SIZE], 19, 4);
	type = (unsigned)st_peek_bits(c, 128, 8);
	if (size > 0) {
		switch (type) {
		case 0x01:
			gnu_at(d, c, GNU_HDR, F_PONGPORT, 1);
			gnu_at(d, c, GNU_HDR + 2, F_PONGIP, 0);
			gnu_at(d, c, GNU_HDR + 6, F_PONGFILES, 1);
			gnu_at(d, c, GNU_HDR + 10, F_PONGKB, 1);
			break;
		case 0x40:
			st_dbytes(d, c, &gnu_fields[F_PSERVENT], GNU_HDR, 16);
			gnu_at(d, c, GNU_HDR + 16, F_PINDEX, 1);
			gnu_at(d, c, GNU_HDR + 20, F_PIP, 0);
			gnu_at(d, c, GNU_HDR + 24, F_PPORT, 1);
			break;
		case 0x80:
			gnu_at(d, c, GNU_HDR, F_QSPEED, 1);
			if (size > 2)
				st_dtext_esc(d, c, &gnu_fields[F_QSEARCH],
				    GNU_HDR + 2, gnu_strlen(c, GNU_HDR + 2,
				    GNU_HDR + size));
			break;
		case 0x81:
			gnu_queryhit(d, c, GNU_HDR, size);
			break;
		}
	}
	if (c->err != ST_OK || size > left - GNU_HDR) {
		d->hdr = left;
		return c->err != ST_OK ? c->err : ST_ETRUNC;
	}
	d->hdr = GNU_HDR + size;
	if (d->hdr < left && st_dcount(d, d->ly->proto) + 1 < GNU_MAXMSGS) {
		d->plen = left - d->hdr;	/* another descriptor */
		d->next = d->ly->proto;
	} else
		d->plen = left - d->hdr;
	return ST_OK;
}

static const struct st_bind gnu_binds[] = {
	{ ST_KEY_TCPPORT, GNU_PORT },
};

/* "gnutella Query strata test", "gnutella stream", "gnutella Pong ttl
 * 7". */
static int
gnu_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, gnu_fields, F_NFIELDS, f);
	if (f[F_STREAM] != NULL) {
		st_out_puts(s->o, "gnutella stream");
		return 1;
	}
	st_out_puts(s->o, "gnutella");
	if (f[F_TYPE] != NULL) {
		if ((m = st_field_meaning(f[F_TYPE])) != NULL)
			st_out_printf(s->o, " %s", m);
		else
			st_out_printf(s->o, " type 0x%02x",
			    (unsigned)f[F_TYPE]->val);
	}
	if (f[F_QSEARCH] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_QSEARCH]);
	}
	if (f[F_TTL] != NULL && f[F_HOPS] != NULL)
		st_out_printf(s->o, " ttl %u hops %u", (unsigned)f[F_TTL]->val,
		    (unsigned)f[F_HOPS]->val);
	return 1;
}

static const struct st_field_desc *const gnu_keys[] = {
	&gnu_fields[F_TYPE], &gnu_fields[F_TTL], NULL,
};

const struct st_proto st_proto_gnutella = {
	.name = "gnutella",
	.ws = "gnutella",
	.title = "Gnutella",
	.rfc = "RFC-Gnutella 0.6 draft",
	.role = ST_ROLE_APP,
	.fields = gnu_fields,
	.nfields = F_NFIELDS,
	.decode = gnu_decode,
	.binds = gnu_binds,
	.nbinds = NFIELDS(gnu_binds),
	.summary = gnu_summary,
	.keys = gnu_keys,
	.color = "\033[33m",
	.explain = "A peer-to-peer file-sharing network with no centre: "
	    "after a text handshake, peers flood descriptors to their "
	    "neighbours, each with an ID, a TTL lowered and a hop count "
	    "raised at every hop.  Pings find peers (pongs answer with an "
	    "address and how much is shared), queries search (query hits "
	    "travel back along the same path with the matching files), and "
	    "push asks a servent behind a firewall to connect out.  The "
	    "files themselves go over HTTP.",
};
