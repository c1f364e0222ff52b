/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rsync's daemon protocol (TCP 873; rsync's rsyncd.conf(5) and
 * clientserver.c): both sides open with a greeting, "@RSYNCD: 31.0",
 * the server's followed by its message of the day; the client names a
 * module (or sends an empty line for the list of modules, which ends
 * with "@RSYNCD: EXIT"), then its command-line arguments, each ended by
 * a NUL; after "@RSYNCD: OK" the rest is rsync's binary protocol.
 *
 * As Wireshark's dissector, which goes by each side's place in that
 * order, one segment at a time: the server's first segment is its
 * greeting (the magic and the version, the rest of the segment with it),
 * the later ones its message of the day, until the client's query asked
 * for the module list (then the list, or an authentication request) or a
 * module (then data); the client's first segment is its greeting, the
 * second its query, the later ones its command.  So that a frame decoded
 * again reads the same, each conversation keeps both sides' places in a
 * small table emptied per capture (convtab.h).
 */
#include <string.h>

#include "strata/out.h"
#include "convtab.h"

#define RSYNC_PORT	873
#define RSYNC_CONNS	64	/* conversations remembered */
#define RSYNC_TEXT	16	/* bytes of the magic shown */
#define RSYNC_MAGIC	"@RSYNCD:"
#define RSYNC_AUTH	"@RSYNCD: AUTHREQD "
#define RSYNC_EXIT	"@RSYNCD: EXIT"

enum { S_INIT, S_SERV_INIT, S_QUERY, S_MODLIST = 4, S_COMMAND, S_MOTD,
	S_DATA };

enum { F_MAGIC, F_VERSION, F_QUERY, F_MOTD, F_MODLIST, F_RESPONSE,
	F_COMMAND, F_DATA, F_N };

static const struct st_field_desc rsync_fields[F_N] = {
	[F_MAGIC] = FD(NULL, "rsync.hdr_magic", "Magic Header", 0, 0,
	    ST_FMT_TEXT),
	/* text as Wireshark holds it: bytes, to the first NUL */
	[F_VERSION] = FDX("version", "rsync.hdr_version", "Header Version", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_QUERY] = FDX("query", "rsync.query", "Client Query String", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_MOTD] = FDX(NULL, "rsync.motd", "Server MOTD String", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_MODLIST] = FDX(NULL, "rsync.module_list", "Server Module List", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_RESPONSE] = FDX(NULL, "rsync.response", "RSYNCD Response String", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_COMMAND] = FDX("command", "rsync.command", "Client Command String", 0, 0,
	    ST_FMT_BYTES, 0, 0, ST_DF_ASCII, 0, NULL),
	[F_DATA] = FD(NULL, "rsync.data", "rsync data", 0, 0, ST_FMT_BYTES),
};

#define R(i)	(&rsync_fields[(i)])

static struct st_convslot slots[RSYNC_CONNS];
static struct st_convtab tab = ST_CONVTAB(slots);

/* For a new capture: the next frame empties the table. */
static void
rsync_forget(void)
{
	st_convtab_forget(&tab);
}

/*
 * Side me's place for this frame (0 client, 1 server); both sides'
 * places (state[0], state[1]) moved on by what the frame is: the n bytes
 * at p.
 */
static unsigned
place(const struct st_dctx *d, int me, const uint8_t *p, size_t n)
{
	uint8_t *state;
	unsigned st;

	if ((state = st_convtab_enter(&tab, d)) == NULL)
		return me ? S_SERV_INIT : S_INIT;
	if (state[0] == 0 && state[1] == 0) {	/* a new conversation */
		state[0] = S_INIT;
		state[1] = S_SERV_INIT;
	}
	st = state[me];
	if (me == 1) {
		if (st == S_SERV_INIT)
			state[1] = S_MOTD;
		else if (st == S_MODLIST && (n >= sizeof(RSYNC_AUTH) - 1 &&
		    memcmp(p, RSYNC_AUTH, sizeof(RSYNC_AUTH) - 1) == 0))
			state[1] = S_DATA;
		else if (st == S_MODLIST && n > sizeof(RSYNC_EXIT) - 1 &&
		    memcmp(p + n - sizeof(RSYNC_EXIT), RSYNC_EXIT,
		    sizeof(RSYNC_EXIT) - 1) == 0)
			state[1] = S_DATA;
	} else if (st == S_INIT)
		state[0] = S_QUERY;
	else if (st == S_QUERY) {
		state[0] = S_COMMAND;
		state[1] = n == 1 && p[0] == '\n' ? S_MODLIST : S_DATA;
	}
	st_convtab_leave(&tab);
	return st;
}

/* Row i over the n bytes at off: the magic as text, the rest as the
 * bytes Wireshark holds as a string (ST_DF_ASCII). */
static void
text(struct st_dctx *d, struct st_cur *c, const uint8_t *p, unsigned i,
    size_t off, size_t n)
{
	char buf[RSYNC_TEXT * 6 + 8];

	if (i != F_MAGIC) {
		st_dbytes(d, c, R(i), off, n);
		return;
	}
	st_escape_ascii(p + off, n < RSYNC_TEXT ? n : RSYNC_TEXT, buf,
	    sizeof(buf));
	st_dtext(d, c, R(i), off, n, buf);
}

static int
rsync_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur t = *c;
	const uint8_t *p;
	int me;

	if (left == 0 || (p = st_get_bytes(&t, left)) == NULL)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	me = st_dport(d->pkt, d->ly, 0) == RSYNC_PORT;
	switch (place(d, me, p, left)) {
	case S_INIT:
	case S_SERV_INIT:
		/* the greeting: the magic, a space, the version and the
		 * rest of the segment */
		if (left < sizeof(RSYNC_MAGIC) - 1) {
			text(d, c, p, F_MAGIC, 0, left);
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "a greeting of %zu bytes", left);
		}
		text(d, c, p, F_MAGIC, 0, sizeof(RSYNC_MAGIC) - 1);
		if (left > sizeof(RSYNC_MAGIC))
			text(d, c, p, F_VERSION, sizeof(RSYNC_MAGIC),
			    left - sizeof(RSYNC_MAGIC));
		if (memcmp(p, RSYNC_MAGIC, sizeof(RSYNC_MAGIC) - 1) != 0)
			st_pkt_note(d->pkt, "rsync: the first segment is no "
			    "@RSYNCD: greeting");
		break;
	case S_QUERY:
		text(d, c, p, F_QUERY, 0, left);
		break;
	case S_MOTD:
		text(d, c, p, F_MOTD, 0, left);
		break;
	case S_MODLIST:
		text(d, c, p, left >= sizeof(RSYNC_AUTH) - 1 &&
		    memcmp(p, RSYNC_AUTH, sizeof(RSYNC_AUTH) - 1) == 0 ?
		    F_RESPONSE : F_MODLIST, 0, left);
		break;
	case S_COMMAND:
		/* the arguments, each ended by a NUL: the first shown */
		text(d, c, p, F_COMMAND, 0, left);
		break;
	default:
		st_dbytes(d, c, R(F_DATA), 0, left);
		break;
	}
	return ST_OK;
}

static const struct st_bind rsync_binds[] = {
	{ ST_KEY_TCPPORT, RSYNC_PORT },
};

/* The first line of field f's bytes, escaped, into the summary (its
 * bytes read again through a cursor over the captured frame). */
static void
first_line(struct st_sumctx *s, const struct st_field *f)
{
	struct st_cur c = st_cur_make(s->pkt->data, s->pkt->caplen);
	char buf[64 * 4 + 8];
	const uint8_t *p, *e;
	size_t n = f->bits / 8;

	if (n > 64)
		n = 64;
	if (!st_cur_skip(&c, f->bitoff / 8) || (p = st_get_bytes(&c, n)) ==
	    NULL)
		return;
	if ((e = memchr(p, '\n', n)) != NULL)
		n = (size_t)(e - p);
	if (n > 0 && p[n - 1] == '\r')
		n--;
	st_escape_ascii(p, n, buf, sizeof(buf));
	st_out_printf(s->o, " %s", buf);
}

/* "rsync version 31.0", "rsync query module", "rsync data". */
static int
rsync_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const words[F_N] = { "greeting", "version",
		"query", "motd", "module list", "response", "command", "data" };
	const struct st_field *f[F_N];
	unsigned i;

	st_ly_fields(s->pkt, ly, rsync_fields, F_N, f);
	for (i = F_VERSION; i < F_N; i++)
		if (f[i] != NULL)
			break;
	if (i == F_N)
		i = F_MAGIC;
	st_out_printf(s->o, "rsync %s", words[i]);
	if (f[i] != NULL && (i == F_VERSION || i == F_QUERY ||
	    i == F_COMMAND))
		first_line(s, f[i]);
	return 1;
}

static const struct st_field_desc *const rsync_keys[] = {
	R(F_VERSION), R(F_QUERY), R(F_COMMAND), NULL,
};

const struct st_proto st_proto_rsync = {
	.name = "rsync",
	.ws = "rsync",
	.title = "RSYNC File Synchroniser",
	.rfc = "rsyncd.conf(5)",
	.role = ST_ROLE_APP,
	.fields = rsync_fields,
	.nfields = F_N,
	.decode = rsync_decode,
	.binds = rsync_binds,
	.nbinds = NFIELDS(rsync_binds),
	.forget = rsync_forget,
	.summary = rsync_summary,
	.keys = rsync_keys,
	.color = "\033[32m",
	.explain = "An rsync daemon on TCP 873 (rsync host::module): both "
	    "sides greet with \"@RSYNCD: \" and their protocol version, the "
	    "server adding its message of the day; the client names a "
	    "module, or sends an empty line to have the modules listed (the "
	    "list ends with \"@RSYNCD: EXIT\"); a module may ask for a "
	    "password (\"@RSYNCD: AUTHREQD\" and a challenge); the client "
	    "sends its command-line arguments, each ended by a NUL, and "
	    "after \"@RSYNCD: OK\" the file lists and deltas follow in "
	    "rsync's binary protocol.",
};
