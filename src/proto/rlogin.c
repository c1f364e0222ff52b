/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rlogin (RFC 1282), TCP 513: a remote terminal from BSD.  The client
 * opens with four NUL-terminated strings, the first empty:
 *
 *   \0  client-user-name \0  server-user-name \0  terminal-type/speed \0
 *
 * the server answers one NUL byte, then both sides send the terminal's
 * bytes.  A window size change from the client is 12 bytes: 0xff 0xff
 * "ss", then rows, columns, x and y pixels (16 bits each).  The server's
 * control bytes travel as TCP urgent data (not decoded here: they show
 * as data).
 *
 * As Wireshark's dissector, which tracks the conversation: a leading NUL
 * is the client's startup flag (to the port) or the server's "startup
 * info received" flag (from it); the user information is read from the
 * client's segment that comes with or right after its startup NUL, and
 * only there (the conversation's state is kept through match.h); two
 * 0xff bytes start a window size; the rest is data, shown as text to its
 * first NUL.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define RLOGIN_PORT	513
#define RLOGIN_TEXT	1024	/* bytes of a string shown */

enum { F_CFLAG, F_SFLAG, F_CUSER, F_SUSER, F_TTYPE, F_TSPEED, F_WINDOW,
	F_COOKIE, F_SS, F_ROWS, F_COLS, F_XPIX, F_YPIX, F_DATA, F_NRLOGIN };

static const struct st_field_desc rl_fields[F_NRLOGIN] = {
	[F_CFLAG] = FD(NULL, "rlogin.client_startup_flag",
	    "Client startup flag", 0, 8, ST_FMT_HEX),
	[F_SFLAG] = FD(NULL, "rlogin.startup_info_received_flag",
	    "Startup info received flag", 0, 8, ST_FMT_HEX),
	[F_CUSER] = FD("client_user", "rlogin.client_user_name",
	    "Client-user-name", 0, 0, ST_FMT_TEXT),
	[F_SUSER] = FD("server_user", "rlogin.server_user_name",
	    "Server-user-name", 0, 0, ST_FMT_TEXT),
	[F_TTYPE] = FD("terminal", "rlogin.terminal_type", "Terminal-type",
	    0, 0, ST_FMT_TEXT),
	[F_TSPEED] = FD(NULL, "rlogin.terminal_speed", "Terminal-speed", 0,
	    0, ST_FMT_DEC),
	/* a marker with no value (Wireshark's FT_NONE) */
	[F_WINDOW] = FD(NULL, "rlogin.window_size", "Window Info", 0, 0,
	    ST_FMT_TEXT),
	[F_COOKIE] = FD(NULL, "rlogin.magic_cookie", "Magic Cookie", 0, 16,
	    ST_FMT_HEX),
	[F_SS] = FD(NULL, "rlogin.window_size.ss", "Window size marker", 16,
	    0, ST_FMT_TEXT),
	[F_ROWS] = FD(NULL, "rlogin.window_size.rows", "Rows", 32, 16,
	    ST_FMT_DEC),
	[F_COLS] = FD(NULL, "rlogin.window_size.cols", "Columns", 48, 16,
	    ST_FMT_DEC),
	[F_XPIX] = FD(NULL, "rlogin.window_size.x_pixels", "X Pixels", 64, 16,
	    ST_FMT_DEC),
	[F_YPIX] = FD(NULL, "rlogin.window_size.y_pixels", "Y Pixels", 80, 16,
	    ST_FMT_DEC),
	/* Wireshark's string: the JSON writes it as text to its first NUL */
	[F_DATA] = FDX(NULL, "rlogin.data", "Data", 0, 0, ST_FMT_BYTES, 0, 0,
	    ST_DF_ASCII, 0, NULL),
};

#define R(i)	(&rl_fields[(i)])

/* The conversation's state, as Wireshark's rlogin_state_machine(). */
enum { S_NONE, S_WAIT, S_DONE };

struct rl_state {
	uint8_t		 state;
	uint64_t	 info_frame;	/* the segment with the user info */
};

/* The state after this segment of n bytes starting with byte b0. */
static void
advance(const struct st_dctx *d, struct rl_state *s, int to_server,
    size_t n, uint8_t b0)
{
	if (!to_server || s->state == S_DONE || n == 0)
		return;
	if (s->state == S_WAIT || (b0 == 0 && n > 1)) {
		s->state = S_DONE;
		s->info_frame = d->pkt->num;
	} else
		s->state = b0 == 0 ? S_WAIT : S_DONE;
}

/* A NUL-terminated string at byte off of the n at p (its length with the
 * NUL, or to the end when there is none). */
static size_t
strsize(const uint8_t *p, size_t n, size_t off)
{
	const uint8_t *z = memchr(p + off, 0, n - off);

	return z != NULL ? (size_t)(z - (p + off)) + 1 : n - off;
}

static void
text(struct st_dctx *d, struct st_cur *c, unsigned f, const uint8_t *p,
    size_t off, size_t n, size_t shown)
{
	char buf[RLOGIN_TEXT * 4 + 8];

	if (shown > RLOGIN_TEXT)
		shown = RLOGIN_TEXT;
	st_escape_ascii(p + off, shown, buf, sizeof(buf));
	st_dtext(d, c, R(f), off, n, buf);
}

/* The user information from byte off of the n bytes at p; returns the
 * offset after it. */
static size_t
user_info(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n,
    size_t off)
{
	const uint8_t *slash;
	struct st_field *f;
	size_t k, speed = 0;

	k = strsize(p, n, off);
	text(d, c, F_CUSER, p, off, k, strnlen((const char *)p + off, k));
	off += k;
	if (off >= n)
		return off;
	k = strsize(p, n, off);
	text(d, c, F_SUSER, p, off, k, strnlen((const char *)p + off, k));
	off += k;
	if (off >= n || (slash = memchr(p + off, '/', n - off)) == NULL)
		return off;
	k = (size_t)(slash - (p + off));
	text(d, c, F_TTYPE, p, off, k, strnlen((const char *)p + off, k));
	off += k + 1;
	if (off >= n)
		return off;
	k = strsize(p, n, off);
	/* atoi() of the text, as Wireshark */
	for (slash = p + off; slash < p + off + k && *slash >= '0' &&
	    *slash <= '9' && speed < 100000000; slash++)
		speed = speed * 10 + (size_t)(*slash - '0');
	if ((f = st_dbytes(d, c, R(F_TSPEED), off, k)) != NULL)
		f->val = speed;
	return off + k;
}

static int
rlogin_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), off = 0;
	int to_server = st_dport(d->pkt, d->ly, 1) == RLOGIN_PORT;
	struct rl_state s = { S_NONE, 0 };
	struct st_match m;
	struct st_cur t = *c;
	const uint8_t *p, *ff;
	uint8_t old;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	d->hdr = n;
	d->plen = 0;
	if (st_match_answer(d, 0, &m))
		memcpy(&s, m.data, sizeof(s));
	old = s.state;
	advance(d, &s, to_server, n, p[0]);
	if (s.state != old)
		st_match_note(d, 0, &s, sizeof(s));
	if (p[0] == 0) {
		st_dfield(d, c, R(to_server ? F_CFLAG : F_SFLAG));
		off = 1;
	}
	if (off < n && s.state == S_DONE && s.info_frame == d->pkt->num)
		off = user_info(d, c, p, n, off);
	if (off < n && (ff = memchr(p + off, 0xff, n - off)) != NULL &&
	    ff + 1 < p + n && ff[1] == 0xff) {
		if (ff > p + off)
			st_dbytes(d, c, R(F_DATA), off, (size_t)(ff - p) - off);
		off = (size_t)(ff - p);
		if (n - off < 12) {
			st_pkt_note(d->pkt, "rlogin: a window size cut short");
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "a window size of %zu bytes, "
			    "not 12", n - off);
		}
		st_dtext(d, c, R(F_WINDOW), off, 12, "");
		t = *c;
		t.off += off;
		st_dfield(d, &t, R(F_COOKIE));
		text(d, &t, F_SS, p + off, 2, 2, 2);
		st_dfields(d, &t, R(F_ROWS), 4);
		off += 12;
	}
	if (off < n)
		st_dbytes(d, c, R(F_DATA), off, n - off);
	return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
}

static const struct st_bind rlogin_binds[] = {
	{ ST_KEY_TCPPORT, RLOGIN_PORT },
};

/* "rlogin alice → bob, xterm/38400", "rlogin window 24x80", "rlogin data,
 * 21 bytes". */
static int
rlogin_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NRLOGIN];

	st_ly_fields(s->pkt, ly, rl_fields, F_NRLOGIN, f);
	st_out_puts(s->o, "rlogin");
	if (f[F_CFLAG] != NULL)
		st_out_puts(s->o, " start");
	if (f[F_SFLAG] != NULL)
		st_out_puts(s->o, " startup info received");
	if (f[F_CUSER] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CUSER]);
		if (f[F_SUSER] != NULL) {
			st_out_puts(s->o, " as ");
			s->value(s, f[F_SUSER]);
		}
		if (f[F_TTYPE] != NULL) {
			st_out_puts(s->o, ", ");
			s->value(s, f[F_TTYPE]);
		}
		if (f[F_TSPEED] != NULL)
			st_out_printf(s->o, "/%u", (unsigned)f[F_TSPEED]->val);
	}
	if (f[F_ROWS] != NULL && f[F_COLS] != NULL)
		st_out_printf(s->o, " window %ux%u", (unsigned)f[F_ROWS]->val,
		    (unsigned)f[F_COLS]->val);
	if (f[F_DATA] != NULL)
		st_out_printf(s->o, " data, %u bytes", f[F_DATA]->bits / 8);
	return 1;
}

static const struct st_field_desc *const rlogin_keys[] = {
	R(F_CUSER), R(F_SUSER), R(F_TTYPE), NULL,
};

const struct st_proto st_proto_rlogin = {
	.name = "rlogin",
	.ws = "rlogin",
	.title = "Rlogin Protocol",
	.rfc = "RFC 1282",
	.role = ST_ROLE_APP,
	.fields = rl_fields,
	.nfields = F_NRLOGIN,
	.decode = rlogin_decode,
	.binds = rlogin_binds,
	.nbinds = NFIELDS(rlogin_binds),
	.summary = rlogin_summary,
	.keys = rlogin_keys,
	.color = "\033[33m",
	.explain = "BSD's remote login, before SSH: the client connects to "
	    "TCP port 513 from a port below 1024 (only root may, which the "
	    "server took as proof) and sends a NUL, its user's name, the "
	    "name to log in as on the server, and the terminal type and "
	    "speed (\"xterm/38400\"), each ending in a NUL; the server "
	    "answers a NUL, and from then on the bytes are the terminal's, "
	    "in the clear.  The client reports a window size change as 12 "
	    "bytes: 0xff 0xff \"ss\", rows, columns, and the size in pixels.  "
	    "Trust went by host name (.rhosts), so a password was often never "
	    "asked; anyone on the path reads every keystroke.",
};
