/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HTTP/2 over cleartext (RFC 9113): the connection preface, then one layer
 * per frame: the 9-byte frame header, and of the frames SETTINGS (each
 * parameter by name), HEADERS (the header block decoded with HPACK's
 * static table only, RFC 7541: names and values the table holds, literal
 * strings sent without Huffman coding), DATA, PING, GOAWAY, RST_STREAM,
 * WINDOW_UPDATE.  No per-connection state: the dynamic table is not kept,
 * so a header that refers to it is shown by its index.
 *
 * Frame: length (24) | type (8) | flags (8) | R (1) | stream (31) | payload
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define H2_PREFACE	"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
#define H2_PRELEN	24
#define H2_MAXFRAME	16777215	/* 2^24 - 1 */
#define H2_FIELDS	64		/* header fields per block */
#define H2_SETTINGS	32		/* parameters per SETTINGS frame */
#define H2_TEXT		256		/* bytes of a value shown */

static const struct st_valname type_names[] = {
	{ 0, "DATA" }, { 1, "HEADERS" }, { 2, "PRIORITY" },
	{ 3, "RST_STREAM" }, { 4, "SETTINGS" }, { 5, "PUSH_PROMISE" },
	{ 6, "PING" }, { 7, "GOAWAY" }, { 8, "WINDOW_UPDATE" },
	{ 9, "CONTINUATION" }, { 0, NULL }
};

static const struct st_valname setting_names[] = {
	{ 1, "SETTINGS_HEADER_TABLE_SIZE" }, { 2, "SETTINGS_ENABLE_PUSH" },
	{ 3, "SETTINGS_MAX_CONCURRENT_STREAMS" },
	{ 4, "SETTINGS_INITIAL_WINDOW_SIZE" }, { 5, "SETTINGS_MAX_FRAME_SIZE" },
	{ 6, "SETTINGS_MAX_HEADER_LIST_SIZE" },
	{ 8, "SETTINGS_ENABLE_CONNECT_PROTOCOL" }, { 0, NULL }
};

enum { F_LEN, F_TYPE, F_FLAGS, F_R, F_STREAM, F_MAGIC, F_PADLEN, F_DATA,
	F_PADDING, F_EXCL, F_DEP, F_WEIGHT, F_HBLOCK, F_HNAME, F_HVALUE,
	F_HTSU, F_RSTERR, F_SETID, F_SETHTS, F_SETPUSH, F_SETMCS, F_SETIWS,
	F_SETMFS, F_SETMHLS, F_SETEXT, F_SETUNK, F_PING, F_PONG, F_GAR,
	F_GALAST, F_GAERR, F_GADATA, F_WUR, F_WUINC, F_UNKNOWN, F_NH2 };

static const struct st_field_desc h2_fields[F_NH2] = {
	[F_LEN] = FD("length", "http2.length", "Length", 0, 24, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "http2.type", "Type", 24, 8, ST_FMT_DEC,
	    type_names),
	[F_FLAGS] = FD("flags", "http2.flags", "Flags", 32, 8, ST_FMT_HEX),
	[F_R] = FD(NULL, "http2.r", "Reserved", 40, 1, ST_FMT_DEC),
	[F_STREAM] = FD("stream", "http2.streamid", "Stream identifier", 41,
	    31, ST_FMT_DEC),
	[F_MAGIC] = FD(NULL, "http2.magic", "Connection preface", 0, 0,
	    ST_FMT_TEXT),
	[F_PADLEN] = FD(NULL, "http2.pad_length", "Pad length", 0, 8,
	    ST_FMT_DEC),
	[F_DATA] = FD(NULL, "http2.data.data", "Data", 0, 0, ST_FMT_BYTES),
	[F_PADDING] = FD(NULL, "http2.data.padding", "Padding", 0, 0,
	    ST_FMT_BYTES),
	[F_EXCL] = FD(NULL, "http2.exclusive", "Exclusive", 0, 1, ST_FMT_DEC),
	[F_DEP] = FD(NULL, "http2.stream_dependency", "Stream dependency", 1,
	    31, ST_FMT_DEC),
	[F_WEIGHT] = FD(NULL, "http2.headers.weight", "Weight", 0, 8,
	    ST_FMT_DEC),
	[F_HBLOCK] = FD(NULL, "http2.headers", "Header block fragment", 0, 0,
	    ST_FMT_BYTES),
	[F_HNAME] = FD(NULL, "http2.header.name", "Header name", 0, 0,
	    ST_FMT_TEXT),
	[F_HVALUE] = FD(NULL, "http2.header.value", "Header value", 0, 0,
	    ST_FMT_TEXT),
	[F_HTSU] = FD(NULL,
	    "http2.header_table_size_update.header_table_size",
	    "Dynamic table size update", 0, 0, ST_FMT_DEC),
	[F_RSTERR] = FD(NULL, "http2.rst_stream.error", "Error", 0, 32,
	    ST_FMT_DEC),
	[F_SETID] = FDN(NULL, "http2.settings.id", "Setting", 0, 16,
	    ST_FMT_DEC, setting_names),
	[F_SETHTS] = FD(NULL, "http2.settings.header_table_size", "Header "
	    "table size", 16, 32, ST_FMT_DEC),
	[F_SETPUSH] = FD(NULL, "http2.settings.enable_push", "Enable push",
	    16, 32, ST_FMT_DEC),
	[F_SETMCS] = FD(NULL, "http2.settings.max_concurrent_streams",
	    "Max concurrent streams", 16, 32, ST_FMT_DEC),
	[F_SETIWS] = FD(NULL, "http2.settings.initial_window_size", "Initial "
	    "window size", 16, 32, ST_FMT_DEC),
	[F_SETMFS] = FD(NULL, "http2.settings.max_frame_size", "Max frame "
	    "size", 16, 32, ST_FMT_DEC),
	[F_SETMHLS] = FD(NULL, "http2.settings.max_header_list_size", "Max "
	    "header list size", 16, 32, ST_FMT_DEC),
	[F_SETEXT] = FD(NULL, "http2.settings.extended_connect", "Extended "
	    "CONNECT", 16, 32, ST_FMT_DEC),
	[F_SETUNK] = FD(NULL, "http2.settings.unknown", "Unknown setting", 16,
	    32, ST_FMT_DEC),
	[F_PING] = FD(NULL, "http2.ping", "Ping", 0, 0, ST_FMT_BYTES),
	[F_PONG] = FD(NULL, "http2.pong", "Pong", 0, 0, ST_FMT_BYTES),
	[F_GAR] = FD(NULL, "http2.goway.r", "Reserved", 0, 1, ST_FMT_DEC),
	[F_GALAST] = FD(NULL, "http2.goaway.last_stream_id", "Last stream",
	    1, 31, ST_FMT_DEC),
	[F_GAERR] = FD(NULL, "http2.goaway.error", "Error", 32, 32,
	    ST_FMT_DEC),
	[F_GADATA] = FD(NULL, "http2.goaway.addata", "Debug data", 0, 0,
	    ST_FMT_BYTES),
	[F_WUR] = FD(NULL, "http2.window_update.r", "Reserved", 0, 1,
	    ST_FMT_DEC),
	[F_WUINC] = FD(NULL, "http2.window_update.window_size_increment",
	    "Window size increment", 1, 31, ST_FMT_DEC),
	[F_UNKNOWN] = FD(NULL, "http2.unknown", "Payload", 0, 0, ST_FMT_BYTES),
};

/* HPACK's static table (RFC 7541 appendix A): name, and value or "". */
static const char *const hpack[62][2] = {
	{ NULL, NULL }, { ":authority", "" }, { ":method", "GET" },
	{ ":method", "POST" }, { ":path", "/" }, { ":path", "/index.html" },
	{ ":scheme", "http" }, { ":scheme", "https" }, { ":status", "200" },
	{ ":status", "204" }, { ":status", "206" }, { ":status", "304" },
	{ ":status", "400" }, { ":status", "404" }, { ":status", "500" },
	{ "accept-charset", "" }, { "accept-encoding", "gzip, deflate" },
	{ "accept-language", "" }, { "accept-ranges", "" }, { "accept", "" },
	{ "access-control-allow-origin", "" }, { "age", "" }, { "allow", "" },
	{ "authorization", "" }, { "cache-control", "" },
	{ "content-disposition", "" }, { "content-encoding", "" },
	{ "content-language", "" }, { "content-length", "" },
	{ "content-location", "" }, { "content-range", "" },
	{ "content-type", "" }, { "cookie", "" }, { "date", "" },
	{ "etag", "" }, { "expect", "" }, { "expires", "" }, { "from", "" },
	{ "host", "" }, { "if-match", "" }, { "if-modified-since", "" },
	{ "if-none-match", "" }, { "if-range", "" },
	{ "if-unmodified-since", "" }, { "last-modified", "" },
	{ "link", "" }, { "location", "" }, { "max-forwards", "" },
	{ "proxy-authenticate", "" }, { "proxy-authorization", "" },
	{ "range", "" }, { "referer", "" }, { "refresh", "" },
	{ "retry-after", "" }, { "server", "" }, { "set-cookie", "" },
	{ "strict-transport-security", "" }, { "transfer-encoding", "" },
	{ "user-agent", "" }, { "vary", "" }, { "via", "" },
	{ "www-authenticate", "" }
};

/* A part of the frame: [pos, end) from the cursor's position. */
struct span {
	struct st_cur	*c;
	size_t		 pos;
	size_t		 end;
};

static unsigned
get(const struct span *s, size_t at, unsigned n)
{
	return (unsigned)st_peek_bits(s->c, at * 8, n * 8);
}

/* An HPACK integer with an n-bit prefix at s->pos; -1 if cut or huge. */
static long
hp_int(struct span *s, unsigned n)
{
	unsigned max = (1u << n) - 1, m = 0, b;
	long v;

	if (s->pos >= s->end)
		return -1;
	v = (long)(get(s, s->pos++, 1) & max);
	if ((unsigned)v < max)
		return v;
	do {
		if (s->pos >= s->end || m > 21)
			return -1;
		b = get(s, s->pos++, 1);
		v += (long)(b & 0x7f) << m;
		m += 7;
	} while (b & 0x80);
	return v;
}

/* An HPACK string literal at s->pos into out: its text, escaped, or
 * "(Huffman-coded)" — only the static table is known here. */
static int
hp_str(struct span *s, char *out, size_t on)
{
	struct st_cur t = *s->c;
	const uint8_t *p;
	int huff;
	long n;

	if (s->pos >= s->end)
		return -1;
	huff = get(s, s->pos, 1) & 0x80;
	if ((n = hp_int(s, 7)) < 0 || (size_t)n > s->end - s->pos)
		return -1;
	if (huff)
		snprintf(out, on, "(Huffman-coded, %ld bytes)", n);
	else if (st_cur_skip(&t, s->pos) && (p = st_get_bytes(&t,
	    (size_t)n)) != NULL)
		st_escape(p, (size_t)n < H2_TEXT ? (size_t)n : H2_TEXT, out,
		    on);
	s->pos += (size_t)n;
	return 0;
}

/* One header field representation at s->pos: its name and value. */
static int
hp_field(struct st_dctx *d, struct span *s)
{
	char name[H2_TEXT * 4 + 40], value[H2_TEXT * 4 + 40];
	size_t at = s->pos;
	unsigned b = get(s, s->pos, 1);
	struct st_field *f;
	long idx;

	if ((b & 0xe0) == 0x20) {		/* dynamic table size update */
		if ((idx = hp_int(s, 5)) < 0)
			return -1;
		if ((f = st_dbytes(d, s->c, &h2_fields[F_HTSU], at,
		    s->pos - at)) != NULL)
			f->val = (uint64_t)idx;
		return 0;
	}
	if ((idx = hp_int(s, b & 0x80 ? 7 : (b & 0x40) ? 6 : 4)) < 0)
		return -1;
	if (idx > 61) {
		snprintf(name, sizeof(name), "(dynamic table entry %ld)", idx);
		value[0] = '\0';
	} else if (idx > 0)
		snprintf(name, sizeof(name), "%s", hpack[idx][0]);
	else if (hp_str(s, name, sizeof(name)) < 0)
		return -1;
	if (b & 0x80) {
		if (idx == 0)
			return -1;
		snprintf(value, sizeof(value), "%s", idx <= 61 ?
		    hpack[idx][1] : "");
	} else if (hp_str(s, value, sizeof(value)) < 0)
		return -1;
	st_dtext(d, s->c, &h2_fields[F_HNAME], at, s->pos - at, name);
	st_dtext(d, s->c, &h2_fields[F_HVALUE], at, s->pos - at, value);
	return 0;
}

/* A header block fragment [s->pos, s->end). */
static void
header_block(struct st_dctx *d, struct span *s)
{
	unsigned i;

	if (s->pos < s->end)
		st_dbytes(d, s->c, &h2_fields[F_HBLOCK], s->pos,
		    s->end - s->pos);
	for (i = 0; i < H2_FIELDS && s->pos < s->end; i++)
		if (hp_field(d, s) < 0) {
			st_pkt_note(d->pkt, "HTTP/2: a header field cut "
			    "short or continued in a later frame");
			return;
		}
}

/* Drops a padded frame's padding from s (pad length first). */
static int
unpad(struct st_dctx *d, struct span *s, unsigned flags)
{
	unsigned pad;

	if (!(flags & 0x08))
		return 0;
	if (s->pos >= s->end)
		return -1;
	pad = get(s, s->pos, 1);
	st_dbytes(d, s->c, &h2_fields[F_PADLEN], s->pos, 1);
	s->pos++;
	if (pad > s->end - s->pos)
		return -1;
	s->end -= pad;
	if (pad > 0)
		st_dbytes(d, s->c, &h2_fields[F_PADDING], s->end, pad);
	return 0;
}

static void
settings(struct st_dctx *d, struct span *s)
{
	static const int by_id[9] = { F_SETUNK, F_SETHTS, F_SETPUSH, F_SETMCS,
	    F_SETIWS, F_SETMFS, F_SETMHLS, F_SETUNK, F_SETEXT };
	struct st_cur t;
	unsigned i, id;

	for (i = 0; i < H2_SETTINGS && s->pos + 6 <= s->end; i++) {
		t = *s->c;
		st_cur_skip(&t, s->pos);
		id = get(s, s->pos, 2);
		st_dfield(d, &t, &h2_fields[F_SETID]);
		st_dfield(d, &t, &h2_fields[id < 9 ? by_id[id] : F_SETUNK]);
		s->pos += 6;
	}
}

/* The payload of a frame of this type, [s->pos, s->end). */
static void
payload(struct st_dctx *d, struct span *s, unsigned type, unsigned flags)
{
	struct st_cur t = *s->c;
	size_t n;

	if ((type == 0 || type == 1) && unpad(d, s, flags) < 0) {
		st_dmalformed(d, "padding longer than the frame");
		return;
	}
	st_cur_skip(&t, s->pos);
	n = s->end - s->pos;
	switch (type) {
	case 0:
		if (n > 0)
			st_dbytes(d, s->c, &h2_fields[F_DATA], s->pos, n);
		return;
	case 1:
		if (flags & 0x20) {
			if (n < 5)
				return;
			st_dfield(d, &t, &h2_fields[F_EXCL]);
			st_dfield(d, &t, &h2_fields[F_DEP]);
			st_dbytes(d, s->c, &h2_fields[F_WEIGHT], s->pos + 4, 1);
			s->pos += 5;
		}
		/* FALLTHROUGH */
	case 9:
		header_block(d, s);
		return;
	case 3:
		if (n == 4)
			st_dfield(d, &t, &h2_fields[F_RSTERR]);
		return;
	case 4:
		settings(d, s);
		return;
	case 6:
		if (n == 8)
			st_dbytes(d, s->c, &h2_fields[flags & 1 ? F_PONG :
			    F_PING], s->pos, 8);
		return;
	case 7:
		if (n < 8)
			return;
		st_dfield(d, &t, &h2_fields[F_GAR]);
		st_dfield(d, &t, &h2_fields[F_GALAST]);
		st_dfield(d, &t, &h2_fields[F_GAERR]);
		if (n > 8)
			st_dbytes(d, s->c, &h2_fields[F_GADATA], s->pos + 8,
			    n - 8);
		return;
	case 8:
		if (n == 4) {
			st_dfield(d, &t, &h2_fields[F_WUR]);
			st_dfield(d, &t, &h2_fields[F_WUINC]);
		}
		return;
	}
	if (n > 0)
		st_dbytes(d, s->c, &h2_fields[F_UNKNOWN], s->pos, n);
}

/* Whether the bytes at c are the connection preface. */
static int
preface(struct st_cur *c)
{
	struct st_cur t = *c;
	const uint8_t *p = st_get_bytes(&t, H2_PRELEN);

	return p != NULL && memcmp(p, H2_PREFACE, H2_PRELEN) == 0;
}

static int
h2_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	struct span s;

	if (preface(c)) {
		st_dtext(d, c, &h2_fields[F_MAGIC], 0, H2_PRELEN,
		    "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n");
		d->hdr = H2_PRELEN;
	} else {
		if (left < 9)
			return ST_ETRUNC;
		st_dfields(d, c, h2_fields, 5);
		len = (size_t)st_peek_bits(c, 0, 24);
		s.c = c;
		s.pos = 9;
		s.end = 9 + len < left ? 9 + len : left;
		if (9 + len > left)
			st_pkt_note(d->pkt, "HTTP/2: a frame continues in a "
			    "later segment");
		payload(d, &s, (unsigned)st_peek_bits(c, 24, 8),
		    (unsigned)st_peek_bits(c, 32, 8));
		d->hdr = s.end;
	}
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another frame */
	return ST_OK;
}

/*
 * By content: the preface, or a segment that is exactly a run of frames
 * of known types whose stream rules hold (SETTINGS, PING and GOAWAY on
 * stream 0; DATA and HEADERS on another, below 2^24), only the flags its
 * type defines, SETTINGS a multiple of 6 bytes, no empty DATA that does
 * not end its stream.
 */
static const uint8_t h2_flags[10] = { 0x09, 0x2d, 0, 0, 0x01, 0x0c, 0x01,
	0, 0, 0x04 };

static int
h2_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c), at = 0, len;
	unsigned type, stream, flags, i;
	struct span s = { c, 0, left };

	if (preface(c))
		return 1;
	for (i = 0; i < 16 && at + 9 <= left; i++) {
		len = get(&s, at, 3);
		type = get(&s, at + 3, 1);
		stream = get(&s, at + 5, 4);
		flags = get(&s, at + 4, 1);
		if (type > 9 || stream >= 1u << 24 || len > 16384 ||
		    (type == 0 && len == 0 && !(flags & 1)) ||
		    (flags & ~h2_flags[type]) != 0 ||
		    ((type == 4 || type == 6 || type == 7) && stream != 0) ||
		    (type != 4 && type != 6 && type != 7 && type != 8 &&
		    stream == 0) ||
		    (type == 4 && len % 6 != 0) || (type == 6 && len != 8) ||
		    (type == 8 && len != 4))
			return 0;
		at += 9 + len;
	}
	return at == left;
}

static const struct st_bind h2_binds[] = {
	/* HTTP/1.1 keeps port 80 (listed first); HTTP/2 takes what it
	 * refuses, by content: this registers its heuristic for TCP. */
	{ ST_KEY_TCPPORT, 80 },
};

/* "http2 SETTINGS, http2 HEADERS stream 1 :method GET". */
static int
h2_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_field *f[F_NH2];
	unsigned i;
	int n = 0;

	for (i = 0; i < pkt->nlayers && n < 8; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		st_ly_fields(pkt, t, h2_fields, F_NH2, f);
		st_out_puts(s->o, n++ > 0 ? ", http2 " : "http2 ");
		if (f[F_MAGIC] != NULL)
			st_out_puts(s->o, "preface");
		else if (f[F_TYPE] != NULL) {
			st_out_printf(s->o, "%s", st_field_meaning(f[F_TYPE]) ?
			    st_field_meaning(f[F_TYPE]) : "frame");
			if (f[F_STREAM] != NULL && f[F_STREAM]->val != 0)
				st_out_printf(s->o, " stream %u",
				    (unsigned)f[F_STREAM]->val);
		}
	}
	return 1;
}

static const struct st_field_desc *const h2_keys[] = {
	&h2_fields[F_TYPE], &h2_fields[F_STREAM], &h2_fields[F_LEN], NULL,
};

const struct st_proto st_proto_http2 = {
	.name = "http2",
	.ws = "http2",
	.title = "HyperText Transfer Protocol 2",
	.rfc = "RFC 9113",
	.role = ST_ROLE_APP,
	.flags = 0,
	.fields = h2_fields,
	.nfields = F_NH2,
	.decode = h2_decode,
	.binds = h2_binds,
	.nbinds = NFIELDS(h2_binds),
	.heuristic = h2_heuristic,
	.summary = h2_summary,
	.keys = h2_keys,
	.color = "\033[96m",
};
