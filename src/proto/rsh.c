/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rsh, BSD's remote shell (rshd(8)), TCP 514: the client connects from a
 * port below 1024 and sends NUL-terminated strings:
 *
 *   stderr-port \0  client-user \0  server-user \0  command \0
 *
 * (the port on which the client listens for the command's error output,
 * or an empty string for none); the server answers one NUL byte (or 0x01
 * and a message) and then the command's output; the client's further
 * bytes are its input.
 *
 * As Wireshark's dissector, which tracks the conversation's state (kept
 * here through match.h): a segment not ending in a NUL is data; else the
 * strings are taken in order while each looks like the field awaited
 * (the port: digits, at most 4; a user name: printable, 1 to 15
 * characters; the command: printable, up to 255), the state going on
 * from segment to segment; once a string does not fit, the segment and
 * every later one is data, rsh.client_server_data or
 * rsh.server_client_data by its direction.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define RSH_PORT	514

enum { F_PORT, F_CUSER, F_SUSER, F_CMD, F_CSDATA, F_SCDATA, F_NRSH };

static const struct st_field_desc rsh_fields[F_NRSH] = {
	[F_PORT] = FD(NULL, "rsh.stderr_port", "Stderr port (optional)", 0, 0,
	    ST_FMT_TEXT),
	[F_CUSER] = FD("client_user", "rsh.client_username", "Client "
	    "username", 0, 0, ST_FMT_TEXT),
	[F_SUSER] = FD("server_user", "rsh.server_username", "Server "
	    "username", 0, 0, ST_FMT_TEXT),
	[F_CMD] = FD("command", "rsh.command", "Command to execute", 0, 0,
	    ST_FMT_TEXT),
	[F_CSDATA] = FD(NULL, "rsh.client_server_data", "Client -> Server "
	    "Data", 0, 0, ST_FMT_BYTES),
	[F_SCDATA] = FD(NULL, "rsh.server_client_data", "Server -> Client "
	    "Data", 0, 0, ST_FMT_BYTES),
};

/* What the conversation waits for next (Wireshark's order). */
enum { W_PORT = 1, W_CUSER, W_SUSER, W_CMD, W_DATA };

/* Each string's limit, its NUL included, and what it may hold. */
static const struct {
	size_t		 max;
	int		 digits;	/* 1: digits only; 0: printable */
	unsigned	 f;
} want[] = {
	[W_PORT] = { 5, 1, F_PORT },
	[W_CUSER] = { 16, 0, F_CUSER },
	[W_SUSER] = { 16, 0, F_SUSER },
	[W_CMD] = { 256, 0, F_CMD },
};

/* Whether the k bytes at p (before the NUL) fit what state w waits for. */
static int
fits(unsigned w, const uint8_t *p, size_t k)
{
	size_t i;

	if (k + 1 > want[w].max || (k == 0 && w != W_PORT))
		return 0;
	for (i = 0; i < k; i++)
		if (want[w].digits ? p[i] < '0' || p[i] > '9' :
		    p[i] < 0x20 || p[i] > 0x7e)
			return 0;
	return 1;
}

/* The string awaited in state *w at byte *off of the n at p (which end
 * in a NUL): shown and *w moved on when it fits, else *w is W_DATA;
 * *off moves past it unless adv is 0. */
static void
step(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n,
    size_t *off, uint8_t *w, int adv)
{
	char buf[256 * 4 + 8];
	const uint8_t *z;
	size_t k;

	if (*w >= W_DATA || *off >= n)
		return;
	z = memchr(p + *off, 0, n - *off);
	k = z != NULL ? (size_t)(z - (p + *off)) : n - *off;
	if (fits(*w, p + *off, k)) {
		st_escape_ascii(p + *off, k, buf, sizeof(buf));
		st_dtext(d, c, &rsh_fields[want[*w].f], *off, k + 1, buf);
		if (*w != W_CMD)
			(*w)++;
	} else
		*w = W_DATA;
	if (adv)
		*off += k + 1;
}

static int
rsh_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), off = 0;
	struct st_cur t = *c;
	struct st_match m;
	const uint8_t *p;
	uint8_t w = W_PORT, old;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	d->hdr = n;
	d->plen = 0;
	if (st_match_answer(d, 0, &m) && m.data[0] >= W_PORT &&
	    m.data[0] <= W_DATA)
		w = m.data[0];
	old = w;
	if (p[n - 1] != 0)
		w = W_DATA;
	/* Wireshark's blocks, each once, in this order */
	if (w == W_PORT)
		step(d, c, p, n, &off, &w, 1);
	if (w == W_CUSER)
		step(d, c, p, n, &off, &w, 1);
	if (w == W_SUSER && off < n) {
		step(d, c, p, n, &off, &w, 1);
		w = W_CMD;	/* whether the name fitted or not */
	}
	if (w == W_CMD)
		step(d, c, p, n, &off, &w, 0);
	/* the whole segment, when bytes are left where a string failed */
	if (w == W_DATA && off < n)
		st_dbytes(d, c, &rsh_fields[st_dport(d->pkt, d->ly, 1) ==
		    RSH_PORT ? F_CSDATA : F_SCDATA], 0, n);
	if (w != old)
		st_match_note(d, 0, &w, 1);
	return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
}

static const struct st_bind rsh_binds[] = {
	{ ST_KEY_TCPPORT, RSH_PORT },
};

/* "rsh alice as bob: ls -l", "rsh data, 8 bytes". */
static int
rsh_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NRSH];

	st_ly_fields(s->pkt, ly, rsh_fields, F_NRSH, f);
	st_out_puts(s->o, "rsh");
	if (f[F_PORT] != NULL) {
		st_out_puts(s->o, " stderr port ");
		s->value(s, f[F_PORT]);
	}
	if (f[F_CUSER] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CUSER]);
	}
	if (f[F_SUSER] != NULL) {
		st_out_puts(s->o, " as ");
		s->value(s, f[F_SUSER]);
	}
	if (f[F_CMD] != NULL) {
		st_out_puts(s->o, ": ");
		s->value(s, f[F_CMD]);
	}
	if (f[F_CSDATA] != NULL || f[F_SCDATA] != NULL)
		st_out_printf(s->o, " %s data, %u bytes", f[F_CSDATA] != NULL ?
		    "client" : "server", ly->len);
	return 1;
}

static const struct st_field_desc *const rsh_keys[] = {
	&rsh_fields[F_CUSER], &rsh_fields[F_SUSER], &rsh_fields[F_CMD], NULL,
};

const struct st_proto st_proto_rsh = {
	.name = "rsh",
	.ws = "rsh",
	.title = "Remote Shell",
	.rfc = "rshd(8)",
	.role = ST_ROLE_APP,
	.fields = rsh_fields,
	.nfields = F_NRSH,
	.decode = rsh_decode,
	.binds = rsh_binds,
	.nbinds = NFIELDS(rsh_binds),
	.summary = rsh_summary,
	.keys = rsh_keys,
	.color = "\033[33m",
	.explain = "BSD's remote shell, before SSH: the client connects to "
	    "TCP port 514 from a port below 1024 and sends, each ending in a "
	    "NUL, the port it listens on for the command's error output (or "
	    "nothing), its user's name, the name to run as on the server "
	    "and the command line; the server answers a NUL byte (0x01 and a "
	    "message when it refuses) and then the command's output.  The "
	    "server trusted the client's host (.rhosts) and its privileged "
	    "port, and nothing is encrypted.",
};
