/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTSP, the Real Time Streaming Protocol (RFC 2326), TCP 554 (and 8554,
 * 7236 as Wireshark binds it): HTTP's shape for remote control of a media
 * stream.  A client OPTIONS, DESCRIBEs (the answer's body is SDP, the
 * streams on offer), SETUPs each track (its Transport header says how the
 * media will come: RTP over UDP ports, or interleaved in this TCP
 * connection) and PLAYs; the server ties it together with a Session
 * header.
 *
 * Interleaved media (RFC 2326 10.12) is framed in the connection as '$',
 * a channel and a 16-bit length: by the convention interleaved=0-1 sets
 * up, an even channel carries RTP and an odd one RTCP, handed on when the
 * data looks like version 2 RTP.
 */
#include <string.h>

#include "strata/out.h"
#include "strata/registry.h"
#include "fields.h"

#define RTSP_TEXT	512	/* bytes of a header value shown */
#define RTSP_LINES	128	/* header lines read */
#define RTSP_MAXMSGS	32	/* messages in one segment */

enum { F_REQ, F_METHOD, F_URL, F_RESP, F_STATUS, F_CTYPE, F_CLEN,
	F_SESSION, F_TRANSPORT, F_MAGIC, F_CHANNEL, F_LENGTH, F_DATA,
	F_NFIELDS };

static const struct st_field_desc rtsp_fields[F_NFIELDS] = {
	[F_REQ] = FD(NULL, "rtsp.request", "Request line", 0, 0,
	    ST_FMT_TEXT),
	[F_METHOD] = FD("method", "rtsp.method", "Method", 0, 0, ST_FMT_TEXT),
	[F_URL] = FD("url", "rtsp.url", "URL", 0, 0, ST_FMT_TEXT),
	[F_RESP] = FD(NULL, "rtsp.response", "Status line", 0, 0,
	    ST_FMT_TEXT),
	[F_STATUS] = FD("status", "rtsp.status", "Status", 0, 0, ST_FMT_DEC),
	[F_CTYPE] = FD(NULL, "rtsp.content-type", "Content-Type", 0, 0,
	    ST_FMT_TEXT),
	[F_CLEN] = FD(NULL, "rtsp.content-length", "Content-Length", 0, 0,
	    ST_FMT_DEC),
	[F_SESSION] = FD("session", "rtsp.session", "Session", 0, 0,
	    ST_FMT_TEXT),
	[F_TRANSPORT] = FD(NULL, "rtsp.transport", "Transport", 0, 0,
	    ST_FMT_TEXT),
	[F_MAGIC] = FD(NULL, "rtsp.magic", "Magic", 0, 8, ST_FMT_HEX),
	[F_CHANNEL] = FD("channel", "rtsp.channel", "Channel", 8, 8,
	    ST_FMT_HEX),
	[F_LENGTH] = FD(NULL, "rtsp.length", "Length", 16, 16, ST_FMT_DEC),
	[F_DATA] = FD(NULL, "rtsp.data", "Data", 0, 0, ST_FMT_BYTES),
};

/* The length of the line at p (n bytes), without its CR LF or LF; -1
 * when it does not end there. */
static long
rtsp_line(const uint8_t *p, size_t n)
{
	const uint8_t *e = memchr(p, '\n', n);

	if (e == NULL)
		return -1;
	return (long)(e - p) - (e > p && e[-1] == '\r');
}

/* Whether the n bytes at p are name (lower case), case aside. */
static int
rtsp_named(const uint8_t *p, size_t n, const char *name)
{
	size_t i;

	if (n != strlen(name))
		return 0;
	for (i = 0; i < n; i++)
		if ((p[i] >= 'A' && p[i] <= 'Z' ? p[i] | 0x20 : p[i]) !=
		    (uint8_t)name[i])
			return 0;
	return 1;
}

/* The first line, n bytes at p without its end, as field fd over the
 * line and its end; the end written as Wireshark writes it in this
 * field ("\r\n" in text). */
static void
rtsp_first(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n,
    unsigned fd)
{
	char buf[RTSP_TEXT * 4 + 8];
	size_t k, end = p[n] == '\r' ? 2 : 1;

	k = st_escape(p, n < RTSP_TEXT ? n : RTSP_TEXT, buf, sizeof(buf) - 5);
	memcpy(buf + k, end == 2 ? "\\r\\n" : "\\n", end * 2 + 1);
	st_dtext(d, c, &rtsp_fields[fd], 0, n + end, buf);
}

/* A decimal number field fd over the n bytes at off (digits only). */
static uint64_t
rtsp_number(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t off, size_t n, unsigned fd)
{
	uint64_t v = 0;
	struct st_field *f;
	size_t i;

	for (i = 0; i < n && i < 10 && p[off + i] >= '0' &&
	    p[off + i] <= '9'; i++)
		v = v * 10 + (uint64_t)(p[off + i] - '0');
	if (i == 0)
		return 0;
	if ((f = st_dbytes(d, c, &rtsp_fields[fd], off, i)) != NULL)
		f->val = v;
	return v;
}

/* Whether the line is a request line ("METHOD rtsp://... RTSP/1.0"); sets
 * the method's and the URL's extents. */
static int
rtsp_request(const uint8_t *p, size_t n, size_t *m, size_t *u0, size_t *u1)
{
	size_t i, j;

	for (i = 0; i < n && i < 32 && p[i] >= 'A' && p[i] <= 'Z'; i++)
		;
	if (i == 0 || i >= n || p[i] != ' ')
		return 0;
	for (j = n; j > i && p[j - 1] != ' '; j--)
		;
	if (j <= i + 1 || n - j < 6 || memcmp(p + j, "RTSP/", 5) != 0)
		return 0;
	*m = i;
	*u0 = i + 1;
	*u1 = j - 1;
	return 1;
}

/* '$', a channel and a length: interleaved media (RFC 2326 10.12). */
static int
rtsp_interleaved(struct st_dctx *d, struct st_cur *c, size_t left)
{
	const struct st_proto *media;
	size_t len;
	unsigned ch;

	if (st_dfields(d, c, rtsp_fields + F_MAGIC, 3) != ST_OK ||
	    !st_cur_need(c, 4))
		return c->err != ST_OK ? c->err : ST_ETRUNC;
	ch = (unsigned)st_peek_bits(c, 8, 8);
	len = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = 4;
	media = left > 4 && len > 0 && st_cur_need(c, 5) &&
	    st_peek_bits(c, 32, 2) == 2 ?	/* RTP version 2 */
	    st_proto_find(ch % 2 == 0 ? "rtp" : "rtcp") : NULL;
	if (len < left - 4 && st_dcount(d, d->ly->proto) + 1 < RTSP_MAXMSGS) {
		/* another frame follows in the segment: this one's media
		 * a layer after this one, the next frame a layer of its
		 * own after that */
		d->hdr = 4 + len;
		d->plen = left - d->hdr;
		d->next = d->ly->proto;
		if (media != NULL)
			st_dsublayer(d, c, media, 4, len);
		else if (len > 0)
			st_dbytes(d, c, &rtsp_fields[F_DATA], 4, len);
		return ST_OK;
	}
	d->plen = len < left - 4 ? len : left - 4;
	d->next = media;
	return ST_OK;
}

static int
rtsp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), m, u0, u1, pos, end, i, clen = 0;
	const uint8_t *p;
	struct st_cur t = *c;
	int sdp = 0, has_clen = 0;
	long n, k;

	if (left == 0 || (p = st_get_bytes(&t, left)) == NULL)
		return ST_ENOTME;
	if (p[0] == '$')
		return rtsp_interleaved(d, c, left);
	if ((n = rtsp_line(p, left)) < 0)
		return ST_ENOTME;
	if (rtsp_request(p, (size_t)n, &m, &u0, &u1)) {
		rtsp_first(d, c, p, (size_t)n, F_REQ);
		st_dtext_esc(d, c, &rtsp_fields[F_METHOD], 0, m);
		st_dtext_esc(d, c, &rtsp_fields[F_URL], u0, u1 - u0);
	} else if (n >= 12 && memcmp(p, "RTSP/", 5) == 0 && p[8] == ' ') {
		rtsp_first(d, c, p, (size_t)n, F_RESP);
		rtsp_number(d, c, p, 9, 3, F_STATUS);
	} else
		return ST_ENOTME;	/* a body's continuation: data */
	pos = (size_t)n + (p[n] == '\r' ? 2 : 1);
	for (i = 0; i < RTSP_LINES && pos < left; i++) {
		if ((k = rtsp_line(p + pos, left - pos)) < 0)
			break;
		end = pos + (size_t)k;
		if (k == 0) {			/* the blank line */
			pos = end + (p[end] == '\r' ? 2 : 1);
			break;
		}
		for (m = pos; m < end && p[m] != ':'; m++)
			;
		for (u0 = m + 1; u0 < end && (p[u0] == ' ' ||
		    p[u0] == '\t'); u0++)
			;
		if (m < end && u0 <= end) {
			if (rtsp_named(p + pos, m - pos, "content-type")) {
				st_dtext_esc(d, c, &rtsp_fields[F_CTYPE], u0,
				    end - u0);
				sdp = end - u0 >= 15 && rtsp_named(p + u0, 15,
				    "application/sdp");
			} else if (rtsp_named(p + pos, m - pos,
			    "content-length")) {
				clen = (size_t)rtsp_number(d, c, p, u0,
				    end - u0, F_CLEN);
				has_clen = 1;
			} else if (rtsp_named(p + pos, m - pos, "session"))
				st_dtext_esc(d, c, &rtsp_fields[F_SESSION], u0,
				    end - u0);
			else if (rtsp_named(p + pos, m - pos, "transport"))
				st_dtext_esc(d, c, &rtsp_fields[F_TRANSPORT], u0,
				    end - u0);
		}
		pos = end + (p[end] == '\r' ? 2 : 1);
	}
	d->hdr = pos < left ? pos : left;
	if (!has_clen || clen == 0) {
		d->plen = left - d->hdr;
		if (d->plen > 0 && st_dcount(d, d->ly->proto) + 1 <
		    RTSP_MAXMSGS)
			d->next = d->ly->proto;	/* another message */
		else
			d->plen = 0;
		return ST_OK;
	}
	d->plen = clen < left - d->hdr ? clen : left - d->hdr;
	if (sdp)
		d->next = st_proto_find("sdp");
	return ST_OK;
}

static const struct st_bind rtsp_binds[] = {
	{ ST_KEY_TCPPORT, 554 },
	{ ST_KEY_TCPPORT, 8554 },
	{ ST_KEY_TCPPORT, 7236 },
};

/* "rtsp DESCRIBE rtsp://cam/live", "rtsp 200 session 12345678", "rtsp
 * interleaved channel 0, 1400 bytes". */
static int
rtsp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, rtsp_fields, F_NFIELDS, f);
	st_out_puts(s->o, "rtsp ");
	if (f[F_METHOD] != NULL) {
		s->value(s, f[F_METHOD]);
		if (f[F_URL] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_URL]);
		}
	} else if (f[F_STATUS] != NULL)
		s->value(s, f[F_STATUS]);
	else if (f[F_CHANNEL] != NULL) {
		st_out_printf(s->o, "interleaved channel %u",
		    (unsigned)f[F_CHANNEL]->val);
		if (f[F_LENGTH] != NULL)
			st_out_printf(s->o, ", %u bytes",
			    (unsigned)f[F_LENGTH]->val);
		return 1;
	}
	if (f[F_SESSION] != NULL) {
		st_out_puts(s->o, " session ");
		s->value(s, f[F_SESSION]);
	}
	return 1;
}

static const struct st_field_desc *const rtsp_keys[] = {
	&rtsp_fields[F_METHOD], &rtsp_fields[F_STATUS],
	&rtsp_fields[F_SESSION], NULL,
};

const struct st_proto st_proto_rtsp = {
	.name = "rtsp",
	.ws = "rtsp",
	.title = "Real Time Streaming Protocol",
	.rfc = "RFC 2326",
	.role = ST_ROLE_APP,
	.fields = rtsp_fields,
	.nfields = F_NFIELDS,
	.decode = rtsp_decode,
	.binds = rtsp_binds,
	.nbinds = NFIELDS(rtsp_binds),
	.summary = rtsp_summary,
	.keys = rtsp_keys,
	.color = "\033[33m",
	.explain = "A remote control for media streams, in HTTP's shape on "
	    "TCP port 554: IP cameras and media servers speak it.  The "
	    "client asks OPTIONS, DESCRIBE (answered with SDP: the tracks, "
	    "their codecs), SETUP per track (the Transport header picks RTP "
	    "over UDP ports, or interleaved in this connection as '$', a "
	    "channel and a length), then PLAY and TEARDOWN; the Session "
	    "header ties the requests together.  The media itself is RTP.",
};
