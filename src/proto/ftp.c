/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FTP control connection (RFC 959, RFC 2428): the first line of a segment
 * as a command and its argument, or a reply code and its text, and the
 * data connection a PORT, EPRT, 227 or 229 names.  Whether a line is a
 * command or a reply goes by which end holds port 21, as in Wireshark.
 *
 * The data connection (ftp-data, which Wireshark's FTP dissector also
 * registers) is known only from the control connection: each address
 * named is noted in the table of expected conversations (strata/expect.h)
 * with the frame that named it and the first command after it, and the
 * decode loop gives that conversation's segments to ftp-data.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/out.h"
#include "fields.h"

#define FTP_PORT	21
#define FTP_LINE	512	/* bytes of one line shown */

enum { F_REQUEST, F_RESPONSE, F_CMD, F_ARG, F_CODE, F_RARG, F_PIP, F_PPORT,
	F_AIP, F_APORT, F_EPRTAF, F_EPRTIP, F_EPRTPORT, F_EPSVPORT, F_PNAT, F_EPSVIP, F_EPSVIP6,
	F_NFTP };

#define T(n, l)		FD(NULL, "ftp." n, l, 0, 0, ST_FMT_TEXT)
#define N(n, l)		FD(NULL, "ftp." n, l, 0, 0, ST_FMT_DEC)

static const struct st_field_desc ftp_fields[F_NFTP] = {
	[F_REQUEST] = FDG("ftp.request", "A request", ST_FMT_DEC, NULL),
	[F_RESPONSE] = FDG("ftp.response", "A response", ST_FMT_DEC, NULL),
	[F_CMD] = T("request.command", "Request command"),
	[F_ARG] = T("request.arg", "Request arg"),
	[F_CODE] = N("response.code", "Response code"),
	[F_RARG] = T("response.arg", "Response arg"),
	[F_PIP] = T("passive.ip", "Passive IP address"),
	[F_PPORT] = N("passive.port", "Passive port"),
	[F_AIP] = T("active.cip", "Active IP address"),
	[F_APORT] = N("active.port", "Active port"),
	[F_EPRTAF] = N("eprt.af", "Extended active address family"),
	[F_EPRTIP] = T("eprt.ip", "Extended active IP address"),
	[F_EPRTPORT] = N("eprt.port", "Extended active port"),
	[F_EPSVPORT] = N("epsv.port", "Extended passive port"),
	[F_PNAT] = FDG("ftp.passive.nat", "Passive IP NAT", ST_FMT_DEC, NULL),
	[F_EPSVIP] = FDG("ftp.epsv.ip", "Extended passive IPv4 address",
	    ST_FMT_TEXT, NULL),
	[F_EPSVIP6] = FDG("ftp.epsv.ipv6", "Extended passive IPv6 address",
	    ST_FMT_TEXT, NULL),
};

extern const struct st_proto st_proto_ftp_data;

/* What ftp notes of a data connection, in struct st_expect's data. */
struct ftp_note {
	char		 method[8];	/* PASV, PORT, EPASV, EPRT (tshark's) */
	char		 cmd[72];	/* the first command after it */
	uint64_t	 cmd_frame;	/* its frame; 0: none yet */
};

_Static_assert(sizeof(struct ftp_note) <= ST_EXPECT_DATA, "ftp_note size");

/* Notes that the sender will listen on port for a data connection. */
static void
announce(struct st_dctx *d, const char *method, unsigned port)
{
	struct st_expect e;
	struct ftp_note n;

	memset(&e, 0, sizeof(e));
	memset(&n, 0, sizeof(n));
	if (port == 0 || st_expect_conv(d, &e.owner, &e.transport) != 0)
		return;
	e.proto = &st_proto_ftp_data;
	e.fam = d->net.fam;
	memcpy(e.addr, d->net.src, sizeof(e.addr));
	e.port = (uint16_t)port;
	e.frame = d->pkt->num;
	snprintf(n.method, sizeof(n.method), "%s", method);
	memcpy(e.data, &n, sizeof(n));
	st_expect_add(&e);
}

struct cmd_seen {
	const char	*text;
	uint64_t	 frame;
};

/* The first command after a data connection was named is its command. */
static void
note_cmd(struct st_expect *e, void *arg)
{
	const struct cmd_seen *cs = arg;
	struct ftp_note n;

	memcpy(&n, e->data, sizeof(n));
	if (n.cmd_frame != 0 || cs->frame <= e->frame)
		return;
	snprintf(n.cmd, sizeof(n.cmd), "%s", cs->text);
	n.cmd_frame = cs->frame;
	memcpy(e->data, &n, sizeof(n));
}

static void
command_seen(struct st_dctx *d, const uint8_t *p, size_t n)
{
	struct st_flowkey k;
	const struct st_proto *tp;
	struct cmd_seen cs;
	char buf[72 * 4 + 8];

	if (st_expect_count() == 0 || st_expect_conv(d, &k, &tp) != 0)
		return;
	st_escape(p, n < 71 ? n : 71, buf, sizeof(buf));
	cs.text = buf;
	cs.frame = d->pkt->num;
	st_expect_each(&k, note_cmd, &cs);
}

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

static struct st_field *
text(struct st_dctx *d, struct st_cur *c, const uint8_t *p, int f, size_t off,
    size_t n)
{
	char buf[FTP_LINE * 4 + 8];

	st_escape(p + off, n < FTP_LINE ? n : FTP_LINE, buf, sizeof(buf));
	return st_dtext(d, c, &ftp_fields[f], off, n, buf);
}

/* A number field f over n bytes at off with value v. */
static void
num(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n,
    uint64_t v)
{
	struct st_field *fl;

	if ((fl = st_dbytes(d, c, &ftp_fields[f], off, n)) != NULL)
		fl->val = v;
}

/* A decimal number at p[*i..n) of at most 5 digits; -1 if none. */
static long
decimal(const uint8_t *p, size_t n, size_t *i)
{
	long v = 0;
	size_t k = 0;

	while (*i < n && p[*i] >= '0' && p[*i] <= '9' && k < 6) {
		v = v * 10 + (p[*i] - '0');
		(*i)++;
		k++;
	}
	return k == 0 || k > 5 ? -1 : v;
}

/*
 * "h1,h2,h3,h4,p1,p2" somewhere in p[0..n) (PORT, 227): tried from each
 * run of digits, as Wireshark does.  Sets the span and returns 1.
 */
static int
six_numbers(const uint8_t *p, size_t n, uint8_t ip[4], unsigned *port,
    size_t *from, size_t *to)
{
	size_t s, i;
	long v[6];
	int k;

	for (s = 0; s < n; s++) {
		if (p[s] < '0' || p[s] > '9' || (s > 0 && p[s - 1] >= '0' &&
		    p[s - 1] <= '9'))
			continue;
		for (i = s, k = 0; k < 6; k++) {
			if ((v[k] = decimal(p, n, &i)) < 0 || v[k] > 255)
				break;
			if (k < 5 && (i >= n || p[i++] != ','))
				break;
		}
		if (k < 6)
			continue;
		for (k = 0; k < 4; k++)
			ip[k] = (uint8_t)v[k];
		*port = (unsigned)(v[4] << 8 | v[5]);
		*from = s;
		*to = i;
		return 1;
	}
	return 0;
}

/* An address and port in six numbers: PORT's (active) or 227's. */
static void
host_port(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t off,
    size_t n, int fip, int fport)
{
	uint8_t ip[4];
	unsigned port;
	size_t a, b;
	char buf[16];

	if (!six_numbers(p + off, n, ip, &port, &a, &b))
		return;
	snprintf(buf, sizeof(buf), "%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
	st_dtext(d, c, &ftp_fields[fip], off + a, b - a, buf);
	num(d, c, fport, off + a, b - a, port);
	/* A server behind NAT names an address other than its own. */
	if (fip == F_PIP && d->net.fam == 4 && memcmp(ip, d->net.src, 4) != 0)
		st_dgen(d, &ftp_fields[F_PNAT], 1);
	announce(d, fip == F_PIP ? "PASV" : "PORT", port);
}

/* 229 names no address: the server's own, as Wireshark shows it. */
static void
epsv_addr(struct st_dctx *d)
{
	struct st_field *f;
	char buf[64];

	if (d->net.fam == 4)
		snprintf(buf, sizeof(buf), "%u.%u.%u.%u", d->net.src[0],
		    d->net.src[1], d->net.src[2], d->net.src[3]);
	else if (d->net.fam != 6 || !inet_ntop(AF_INET6, d->net.src, buf,
	    sizeof(buf)))
		return;
	if ((f = st_dgen(d, &ftp_fields[d->net.fam == 4 ? F_EPSVIP :
	    F_EPSVIP6], 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
}

/* 229's "(|||port|)": the delimiter repeated, then the port. */
static void
epsv(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t off,
    size_t n)
{
	size_t a, i;
	long v;

	for (a = 0; a < n && p[off + a] != '('; a++)
		;
	if (a + 5 > n)
		return;
	i = a + 4;
	if (p[off + a + 2] != p[off + a + 1] ||
	    p[off + a + 3] != p[off + a + 1] ||
	    (v = decimal(p + off, n, &i)) < 0 || v > 65535 || i >= n ||
	    p[off + i] != p[off + a + 1])
		return;
	num(d, c, F_EPSVPORT, off + a + 4, i - a - 4, (uint64_t)v);
	epsv_addr(d);
	announce(d, "EPASV", (unsigned)v);
}

/* EPRT's "|af|address|port|", IPv4 only (the field is one). */
static void
eprt(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t off,
    size_t n)
{
	size_t i = 1, a, b;
	long af, port;
	char buf[FTP_LINE * 4 + 8];

	if (n < 2 || (af = decimal(p + off, n, &i)) < 0 || i >= n ||
	    p[off + i] != p[off])
		return;
	num(d, c, F_EPRTAF, off + 1, i - 1, (uint64_t)af);
	for (a = ++i; i < n && p[off + i] != p[off]; i++)
		;
	if (i >= n)
		return;
	b = i++;
	if (af == 1) {
		st_escape(p + off + a, b - a, buf, sizeof(buf));
		st_dtext(d, c, &ftp_fields[F_EPRTIP], off + a, b - a, buf);
	}
	a = i;
	if ((port = decimal(p + off, n, &i)) >= 0 && port <= 65535 &&
	    i < n && p[off + i] == p[off]) {
		num(d, c, F_EPRTPORT, off + a, i - a, (uint64_t)port);
		announce(d, "EPRT", (unsigned)port);
	}
}

/* Whether token p[0..n) is command cmd (case-insensitive). */
static int
is_cmd(const uint8_t *p, size_t n, const char *cmd)
{
	size_t i;

	if (strlen(cmd) != n)
		return 0;
	for (i = 0; i < n; i++)
		if ((p[i] & ~0x20) != cmd[i])
			return 0;
	return 1;
}

static void
request(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	size_t t, a;

	for (t = 0; t < n && p[t] != ' '; t++)
		;
	command_seen(d, p, n);
	if (t > 0)
		text(d, c, p, F_CMD, 0, t);
	for (a = t; a < n && p[a] == ' '; a++)
		;
	if (a >= n)
		return;
	text(d, c, p, F_ARG, a, n - a);
	if (is_cmd(p, t, "PORT"))
		host_port(d, c, p, a, n - a, F_AIP, F_APORT);
	else if (is_cmd(p, t, "EPRT"))
		eprt(d, c, p, a, n - a);
}

static void
response(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	size_t a = 0;
	unsigned code = 0;

	if (n >= 3 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' &&
	    p[1] <= '9' && p[2] >= '0' && p[2] <= '9') {
		code = (unsigned)((p[0] - '0') * 100 + (p[1] - '0') * 10 +
		    p[2] - '0');
		num(d, c, F_CODE, 0, 3, code);
		a = n >= 4 ? 4 : 3;
	}
	if (a >= n)
		return;
	text(d, c, p, F_RARG, a, n - a);
	if (code == 227)
		host_port(d, c, p, a, n - a, F_PIP, F_PPORT);
	else if (code == 229)
		epsv(d, c, p, a, n - a);
}

/* Whether the segment goes to the FTP port (a command), by the transport
 * layer's ends; without them, whether it lacks a reply code. */
static int
to_server(const struct st_dctx *d, const uint8_t *p, size_t n)
{
	const struct st_layer *tl;
	const struct st_field *f;

	if ((tl = st_dbelow(d->pkt, d->ly)) != NULL) {
		if (tl->proto->ends[1] != NULL && (f = st_pkt_fd(d->pkt, tl,
		    tl->proto->ends[1])) != NULL)
			return f->val == FTP_PORT;
	}
	return !(n >= 3 && p[0] >= '0' && p[0] <= '9');
}

static int
ftp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), n;
	const uint8_t *p = bytes_at(c, left);
	int req;

	if (p == NULL || left == 0)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	for (n = 0; n + 1 < left && !(p[n] == '\r' && p[n + 1] == '\n'); n++)
		;
	if (n + 1 >= left)	/* no line end: the line goes on */
		n = left;
	req = to_server(d, p, left);
	st_dgen(d, &ftp_fields[F_REQUEST], (uint64_t)req);
	st_dgen(d, &ftp_fields[F_RESPONSE], (uint64_t)!req);
	if (req)
		request(d, c, p, n);
	else
		response(d, c, p, n);
	if (n == left)
		st_pkt_note(d->pkt, "FTP: the line continues in a later "
		    "segment");
	return ST_OK;
}

static const struct st_bind ftp_binds[] = {
	{ ST_KEY_TCPPORT, FTP_PORT },
};

/* "ftp USER anonymous", "ftp 227 Entering Passive Mode (...)". */
static int
ftp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFTP];

	st_ly_fields(s->pkt, ly, ftp_fields, F_NFTP, f);
	st_out_puts(s->o, "ftp");
	if (f[F_CMD] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CMD]);
	} else if (f[F_CODE] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CODE]);
	}
	if (f[F_ARG] != NULL || f[F_RARG] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_ARG] != NULL ? f[F_ARG] : f[F_RARG]);
	}
	return 1;
}

static const struct st_field_desc *const ftp_keys[] = {
	&ftp_fields[F_CMD], &ftp_fields[F_ARG], &ftp_fields[F_CODE],
	&ftp_fields[F_RARG], NULL,
};

const struct st_proto st_proto_ftp = {
	.name = "ftp",
	.ws = "ftp",
	.title = "File Transfer Protocol (FTP)",
	.rfc = "RFC 959",
	.role = ST_ROLE_APP,
	.fields = ftp_fields,
	.nfields = F_NFTP,
	.decode = ftp_decode,
	.binds = ftp_binds,
	.nbinds = NFIELDS(ftp_binds),
	.summary = ftp_summary,
	.keys = ftp_keys,
	.color = "\033[93m",
	.explain = "One command or reply per line, ended by CRLF; a reply "
	    "of several lines repeats its code with a hyphen until the last. "
	    "PORT, EPRT, 227 and 229 name the address of a separate data "
	    "connection; strata shows only the first line of each segment "
	    "as fields.",
};

/*
 * ftp-data: the bytes of a data connection, known from the control
 * connection that named it (see the top of the file).  The facts are the
 * control connection's; the bytes go on as data.
 */
enum { D_SETUP, D_METHOD, D_CMD, D_CMDFRAME, D_NDATA };

static const struct st_field_desc ftpdata_fields[D_NDATA] = {
	[D_SETUP] = FDG("ftp-data.setup-frame", "Setup frame", ST_FMT_DEC,
	    NULL),
	[D_METHOD] = FDG("ftp-data.setup-method", "Setup method",
	    ST_FMT_TEXT, NULL),
	[D_CMD] = FDG("ftp-data.command", "Command", ST_FMT_TEXT, NULL),
	[D_CMDFRAME] = FDG("ftp-data.command-frame", "Command frame",
	    ST_FMT_DEC, NULL),
};

static void
gen_text(struct st_dctx *d, int f, const char *s)
{
	struct st_field *fl;

	if ((fl = st_dgen(d, &ftpdata_fields[f], 0)) != NULL)
		fl->meaning = st_pkt_strdup(d->pkt, s);
}

/* Whether a data connection's bytes are text, as tshark decides: its
 * first 20 bytes (or fewer) printable ASCII, CR or LF. */
static int
is_text(struct st_cur *c)
{
	size_t i, n = st_cur_left(c);
	unsigned v;

	if (n == 0)
		return 0;
	for (i = 0; i < n && i < 20; i++) {
		v = (unsigned)st_peek_bits(c, i * 8, 8);
		if (v != '\r' && v != '\n' && (v < 0x20 || v > 0x7e))
			return 0;
	}
	return 1;
}

static int
ftpdata_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_expect e;
	struct ftp_note n;

	d->hdr = 0;
	d->data = !is_text(c);
	if (!d->data) {
		d->next_key = ST_KEY_MEDIA;
		d->next_val = ST_MEDIA_TEXT;
	}
	if (!st_expect_here(d, &e) || e.proto != &st_proto_ftp_data)
		return ST_OK;
	memcpy(&n, e.data, sizeof(n));
	n.method[sizeof(n.method) - 1] = '\0';
	n.cmd[sizeof(n.cmd) - 1] = '\0';
	st_dgen(d, &ftpdata_fields[D_SETUP], e.frame);
	gen_text(d, D_METHOD, n.method);
	if (n.cmd_frame != 0 && n.cmd_frame < d->pkt->num) {
		gen_text(d, D_CMD, n.cmd);
		st_dgen(d, &ftpdata_fields[D_CMDFRAME], n.cmd_frame);
	}
	return ST_OK;
}

/* "ftp-data 342 bytes (PASV) (LIST)", as tshark's one line. */
static int
ftpdata_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[D_NDATA];

	st_ly_fields(s->pkt, ly, ftpdata_fields, D_NDATA, f);
	st_out_printf(s->o, "ftp-data %u bytes", ly->len);
	if (f[D_METHOD] != NULL) {
		st_out_puts(s->o, " (");
		s->value(s, f[D_METHOD]);
		st_out_putc(s->o, ')');
	}
	if (f[D_CMD] != NULL) {
		st_out_puts(s->o, " (");
		s->value(s, f[D_CMD]);
		st_out_putc(s->o, ')');
	}
	return 1;
}

const struct st_proto st_proto_ftp_data = {
	.name = "ftp-data",
	.ws = "ftp-data",
	.title = "FTP Data",
	.rfc = "RFC 959",
	.role = ST_ROLE_APP,
	.fields = ftpdata_fields,
	.nfields = D_NDATA,
	.decode = ftpdata_decode,
	.summary = ftpdata_summary,
	.color = "\033[93m",
	.explain = "The bytes of a file or a listing, on a connection of "
	    "their own that the control connection named (PASV's 227 reply, "
	    "PORT, EPSV's 229, EPRT): nothing in the bytes says FTP, so "
	    "strata knows them only when the capture holds the control "
	    "connection's earlier packets.  Setup frame and method say where "
	    "it was named, the command what it carries.",
};
