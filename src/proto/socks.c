/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SOCKS (TCP 1080), versions 4/4a (no RFC; the NEC draft) and 5 (RFC
 * 1928, user/password sub-negotiation RFC 1929): the client's greeting
 * with its authentication methods and the method the server picks, the
 * user name and password and their status, the request (connect, bind,
 * UDP associate; an IPv4, IPv6 address or a name, and a port) and the
 * server's reply.
 *
 * Which message a segment is goes by the bytes and the direction, each
 * message's length checked against its own counts.  A CONNECT request is
 * noted for its conversation (strata/expect.h, at the client's end); once
 * the proxy grants it, the conversation is a tunnel: each later segment
 * passes through SOCKS as a layer of no bytes that repeats the version,
 * command and remote port (as tshark's), and goes on to the protocol of
 * that port, else to the one the heuristics find (TLS), else data.
 * Without the request and reply in the capture, relayed bytes are not
 * SOCKS: the chain goes on by heuristics or as data.
 */
#include <string.h>

#include "strata/expect.h"
#include "strata/out.h"
#include "strata/registry.h"
#include "fields.h"

#define SOCKS_PORT	1080
#define SOCKS_TEXT	256

enum { K_VERSION, K_NMETHODS, K_METHOD, K_ACCEPTED, K_SUBVER, K_USER,
	K_PASS, K_STATUS, K_COMMAND, K_RESERVED, K_ATYPE, K_DST, K_DST6,
	K_NAME, K_PORT, K_RESULTS, K_V4PORT, K_V4NAME, K_NSOCKS };

static const struct st_valname method_names[] = {
	{ 0, "No authentication" }, { 1, "GSSAPI" },
	{ 2, "Username/Password" }, { 3, "Chap" },
	{ 255, "No acceptable method" }, { 0, NULL },
};

static const struct st_valname cmd_names[] = {
	{ 1, "Connect" }, { 2, "Bind" }, { 3, "UdpAssociate" }, { 0, NULL },
};

static const struct st_valname atype_names[] = {
	{ 1, "IPv4" }, { 3, "Domain Name" }, { 4, "IPv6" }, { 0, NULL },
};

static const struct st_valname result_names[] = {
	{ 0, "Succeeded" }, { 1, "General SOCKS server failure" },
	{ 2, "Connection not allowed by ruleset" },
	{ 3, "Network unreachable" }, { 4, "Host unreachable" },
	{ 5, "Connection refused" }, { 6, "TTL expired" },
	{ 7, "Command not supported" }, { 8, "Address type not supported" },
	{ 90, "Request granted" }, { 91, "Request rejected or failed" },
	{ 92, "Request rejected: no identd" },
	{ 93, "Request rejected: identd user id mismatch" }, { 0, NULL },
};

#define N(i, n, l)	[i] = FD(NULL, "socks." n, l, 0, 0, ST_FMT_DEC)
#define NN(i, n, l, nm)	[i] = FDN(NULL, "socks." n, l, 0, 0, ST_FMT_DEC, nm)
#define T(i, n, l)	[i] = FD(NULL, "socks." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc sk_fields[K_NSOCKS] = {
	N(K_VERSION, "version", "Version"),
	N(K_NMETHODS, "auth_method_count", "Authentication Method Count"),
	NN(K_METHOD, "auth_method", "Method", method_names),
	NN(K_ACCEPTED, "auth_accepted_method", "Accepted Auth Method",
	    method_names),
	N(K_SUBVER, "subnegotiation_version", "Subnegotiation Version"),
	T(K_USER, "username", "User name"),
	T(K_PASS, "password", "Password"),
	N(K_STATUS, "auth_status", "Status"),
	NN(K_COMMAND, "command", "Command", cmd_names),
	N(K_RESERVED, "reserved", "Reserved"),
	NN(K_ATYPE, "address_type", "Address Type", atype_names),
	[K_DST] = FD(NULL, "socks.dst", "Remote Address", 0, 0, ST_FMT_IPV4),
	[K_DST6] = FD(NULL, "socks.dstV6", "Remote Address(ipv6)", 0, 0,
	    ST_FMT_IPV6),
	T(K_NAME, "remote_name", "Remote name"),
	N(K_PORT, "port", "Port"),
	NN(K_RESULTS, "results", "Results", result_names),
	N(K_V4PORT, "dstport", "Remote Port"),
	T(K_V4NAME, "v4a_dns_name", "SOCKS v4a Remote Domain Name"),
};

/* A conversation's CONNECT, noted at the client's end. */
struct sk_note {
	char		 state;		/* 'R': asked, 'T': granted, a tunnel */
	uint8_t		 version;	/* 4 or 5 */
	uint16_t	 port;		/* the remote port asked for */
};

_Static_assert(sizeof(struct sk_note) <= ST_EXPECT_DATA, "sk_note size");

static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

static void
num(struct st_dctx *d, struct st_cur *c, int fi, size_t off, size_t n)
{
	st_dbytes(d, c, &sk_fields[fi], off, n);
}

static void
text(struct st_dctx *d, struct st_cur *c, const uint8_t *p, int fi,
    size_t off, size_t n, size_t bytes)
{
	char buf[SOCKS_TEXT * 4 + 8];

	st_escape(p + off, n < SOCKS_TEXT ? n : SOCKS_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &sk_fields[fi], off, bytes, buf);
}

/* Where v5's address at off ends, by its type; 0 when it does not fit. */
static size_t
v5_addr_end(const uint8_t *p, size_t n, size_t off)
{
	size_t e;

	if (off >= n)
		return 0;
	switch (p[off]) {
	case 1:
		e = off + 1 + 4;
		break;
	case 4:
		e = off + 1 + 16;
		break;
	case 3:
		if (off + 1 >= n)
			return 0;
		e = off + 2 + p[off + 1];
		break;
	default:
		return 0;
	}
	return e + 2 == n ? e : 0;
}

/* v5's request or reply: version, command or result, reserved, address,
 * port (the whole segment). */
static void
v5_target(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n,
    int fi)
{
	size_t e = v5_addr_end(p, n, 3);

	num(d, c, K_VERSION, 0, 1);
	num(d, c, fi, 1, 1);
	num(d, c, K_RESERVED, 2, 1);
	num(d, c, K_ATYPE, 3, 1);
	if (p[3] == 1)
		num(d, c, K_DST, 4, 4);
	else if (p[3] == 4)
		num(d, c, K_DST6, 4, 16);
	else
		text(d, c, p, K_NAME, 5, p[4], p[4]);
	num(d, c, K_PORT, e, 2);
}

/* The client's messages; 0 when the bytes are none of them. */
static int
client(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	const uint8_t *z;
	size_t i, ul;

	if (p[0] == 5 && n >= 2 && n == 2 + (size_t)p[1]) {
		num(d, c, K_VERSION, 0, 1);
		num(d, c, K_NMETHODS, 1, 1);
		for (i = 0; i < p[1]; i++)
			num(d, c, K_METHOD, 2 + i, 1);
		return 1;
	}
	if (p[0] == 5 && n >= 7 && p[2] == 0 && p[1] >= 1 && p[1] <= 3 &&
	    v5_addr_end(p, n, 3) != 0) {
		v5_target(d, c, p, n, K_COMMAND);
		return 1;
	}
	if (p[0] == 1 && n >= 3 && 2 + (size_t)p[1] < n &&
	    (ul = p[1], n == 3 + ul + p[2 + ul])) {
		/* RFC 1929: the version tshark says is the connection's. */
		st_dgen(d, &sk_fields[K_VERSION], 5);
		num(d, c, K_SUBVER, 0, 1);
		text(d, c, p, K_USER, 2, ul, ul);
		text(d, c, p, K_PASS, 3 + ul, p[2 + ul], p[2 + ul]);
		return 1;
	}
	if (p[0] == 4 && n >= 9 && (p[1] == 1 || p[1] == 2) &&
	    p[n - 1] == 0 && (z = memchr(p + 8, 0, n - 8)) != NULL) {
		ul = (size_t)(z - (p + 8));
		num(d, c, K_VERSION, 0, 1);
		num(d, c, K_COMMAND, 1, 1);
		num(d, c, K_V4PORT, 2, 2);
		num(d, c, K_DST, 4, 4);
		text(d, c, p, K_USER, 8, ul, ul + 1);
		/* 4a: an address 0.0.0.x, then the name. */
		if (p[4] == 0 && p[5] == 0 && p[6] == 0 && p[7] != 0 &&
		    9 + ul < n)
			text(d, c, p, K_V4NAME, 9 + ul, n - 10 - ul,
			    n - 9 - ul);
		return 1;
	}
	return 0;
}

/* The server's messages; 0 when the bytes are none of them. */
static int
server(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	if (n == 2 && p[0] == 5) {
		num(d, c, K_VERSION, 0, 1);
		num(d, c, K_ACCEPTED, 1, 1);
		return 1;
	}
	if (n == 2 && p[0] == 1) {
		st_dgen(d, &sk_fields[K_VERSION], 5);
		num(d, c, K_SUBVER, 0, 1);
		num(d, c, K_STATUS, 1, 1);
		return 1;
	}
	if (p[0] == 5 && n >= 7 && p[1] <= 8 && p[2] == 0 &&
	    v5_addr_end(p, n, 3) != 0) {
		v5_target(d, c, p, n, K_RESULTS);
		return 1;
	}
	if (n == 8 && p[0] == 0 && p[1] >= 90 && p[1] <= 93) {
		num(d, c, K_VERSION, 0, 1);
		num(d, c, K_RESULTS, 1, 1);
		num(d, c, K_V4PORT, 2, 2);
		num(d, c, K_DST, 4, 4);
		return 1;
	}
	return 0;
}

/* Whether the segment goes to the server, by the transport's ends. */
static int
to_server(const struct st_dctx *d)
{
	return st_dport(d->pkt, d->ly, 1) == SOCKS_PORT;
}

/*
 * The note of this conversation (at its client's end: the source of what
 * goes to the server, else the destination) into *e and *n: 1, or 0 when
 * there is none.
 */
static int
note_of(struct st_dctx *d, int up, struct st_expect *e, struct sk_note *n)
{
	const struct st_proto *tp;
	struct st_flowkey k;
	unsigned cport;

	if (st_expect_count() == 0 || st_expect_conv(d, &k, &tp) != 0)
		return 0;
	cport = st_dport(d->pkt, d->ly, up ? 0 : 1);
	if (!st_expect_find(tp, d->net.fam, up ? d->net.src : d->net.dst,
	    (uint16_t)cport, e) || memcmp(&e->owner, &k, sizeof(k)) != 0 ||
	    e->proto != d->ly->proto)
		return 0;
	memcpy(n, e->data, sizeof(*n));
	return 1;
}

/* Notes n for this conversation at its client's end. */
static void
note(struct st_dctx *d, int up, const struct sk_note *n)
{
	struct st_expect e;

	memset(&e, 0, sizeof(e));
	if (st_expect_conv(d, &e.owner, &e.transport) != 0)
		return;
	e.proto = d->ly->proto;
	e.fam = d->net.fam;
	memcpy(e.addr, up ? d->net.src : d->net.dst, sizeof(e.addr));
	e.port = (uint16_t)st_dport(d->pkt, d->ly, up ? 0 : 1);
	e.frame = d->pkt->num;
	memcpy(e.data, n, sizeof(*n));
	st_expect_add(&e);
}

/* After a message: a CONNECT asked, or granted. */
static void
follow(struct st_dctx *d, int up, const uint8_t *p, size_t n)
{
	struct st_expect e;
	struct sk_note k;

	if (up && ((p[0] == 5 && p[1] == 1 && n >= 7) ||
	    (p[0] == 4 && p[1] == 1 && n >= 9))) {
		memset(&k, 0, sizeof(k));
		k.state = 'R';
		k.version = p[0];
		k.port = (uint16_t)(p[0] == 5 ? p[n - 2] << 8 | p[n - 1] :
		    p[2] << 8 | p[3]);
		note(d, up, &k);
	} else if (!up && note_of(d, up, &e, &k) && k.state == 'R' &&
	    ((k.version == 5 && p[0] == 5 && p[1] == 0 && n >= 7) ||
	    (k.version == 4 && p[0] == 0 && p[1] == 90 && n == 8))) {
		k.state = 'T';
		note(d, up, &k);
	}
}

/*
 * A segment of a granted tunnel: SOCKS's layer of no bytes, with the
 * version, command and remote port as tshark repeats them; then the
 * port's protocol, or the heuristics', or data.  1 when it is one.
 */
static int
tunnel(struct st_dctx *d, struct st_cur *c, int up)
{
	const struct st_proto *to;
	struct st_expect e;
	struct sk_note k;
	struct st_field *f;

	if (!note_of(d, up, &e, &k) || k.state != 'T' ||
	    d->pkt->num <= e.frame)
		return 0;
	st_dgen(d, &sk_fields[K_VERSION], k.version);
	st_dgen(d, &sk_fields[K_COMMAND], 1);
	if ((f = st_dgen(d, &sk_fields[K_V4PORT], k.port)) != NULL)
		f->val = k.port;
	to = st_proto_port(ST_KEY_TCPPORT, k.port, k.port);
	if (to == NULL || to == d->ly->proto)
		to = st_proto_guess(ST_KEY_TCPPORT, c, d->ly->proto);
	d->hdr = 0;
	if (to != NULL)
		d->next = to;
	else
		d->data = 1;
	return 1;
}

static int
socks_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	const uint8_t *p = bytes_at(c, left);
	int up = to_server(d);

	if (p == NULL || left == 0)
		return ST_ENOTME;
	if (tunnel(d, c, up))
		return ST_OK;
	if (left < 2 || !(up ? client(d, c, p, left) : server(d, c, p, left)))
		return ST_ENOTME;	/* relayed bytes, or not SOCKS */
	follow(d, up, p, left);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind socks_binds[] = {
	{ ST_KEY_TCPPORT, SOCKS_PORT },
};

static void
put_name(struct st_sumctx *s, const struct st_valname *nm,
    const struct st_field *f)
{
	const char *w = st_valname(nm, (uint32_t)f->val);

	if (w != NULL)
		st_out_puts(s->o, w);
	else
		s->value(s, f);
}

/* "socks5 methods 0 3 2", "socks5 Connect www.google.com:443", "socks5
 * reply Succeeded 0.0.0.0:443", "socks5 auth user bob". */
static int
socks_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[K_NSOCKS];
	const struct st_field *a;
	const struct st_field *fl = s->pkt->fields + ly->field0;
	unsigned i;

	st_ly_fields(s->pkt, ly, sk_fields, K_NSOCKS, f);
	/* A tunnel's segment: what it carries, after the tunnel. */
	if (ly->hdr_len == 0 && ly + 1 < s->pkt->layers + s->pkt->nlayers &&
	    ly[1].depth == ly->depth && ly[1].proto->summary != NULL &&
	    f[K_V4PORT] != NULL) {
		st_out_puts(s->o, "[socks tunnel :");
		s->value(s, f[K_V4PORT]);
		st_out_puts(s->o, "] ");
		if (!ly[1].proto->summary(s, ly + 1))
			st_out_puts(s->o, ly[1].proto->name);
		return 1;
	}
	st_out_puts(s->o, "socks");
	if (f[K_VERSION] != NULL && f[K_VERSION]->val == 0)
		st_out_putc(s->o, '4');		/* a version 4 reply says 0 */
	else if (f[K_VERSION] != NULL)
		s->value(s, f[K_VERSION]);
	if (f[K_NMETHODS] != NULL) {
		st_out_puts(s->o, " methods");
		for (i = 0; i < ly->nfields; i++)
			if (fl[i].desc == &sk_fields[K_METHOD]) {
				st_out_putc(s->o, ' ');
				s->value(s, &fl[i]);
			}
	} else if (f[K_ACCEPTED] != NULL) {
		st_out_puts(s->o, " method ");
		put_name(s, method_names, f[K_ACCEPTED]);
	} else if (f[K_USER] != NULL && f[K_SUBVER] != NULL) {
		st_out_puts(s->o, " auth user ");
		s->value(s, f[K_USER]);
	} else if (f[K_STATUS] != NULL) {
		st_out_puts(s->o, f[K_STATUS]->val == 0 ? " auth ok" :
		    " auth failed");
	} else if (f[K_COMMAND] != NULL || f[K_RESULTS] != NULL) {
		st_out_putc(s->o, ' ');
		if (f[K_COMMAND] != NULL)
			put_name(s, cmd_names, f[K_COMMAND]);
		else {
			st_out_puts(s->o, "reply ");
			put_name(s, result_names, f[K_RESULTS]);
		}
		a = f[K_NAME] != NULL ? f[K_NAME] : f[K_V4NAME] != NULL ?
		    f[K_V4NAME] : f[K_DST] != NULL ? f[K_DST] : f[K_DST6];
		if (a != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, a);
		}
		a = f[K_PORT] != NULL ? f[K_PORT] : f[K_V4PORT];
		if (a != NULL) {
			st_out_putc(s->o, ':');
			s->value(s, a);
		}
	}
	return 1;
}

static const struct st_field_desc *const socks_keys[] = {
	&sk_fields[K_VERSION], &sk_fields[K_COMMAND], &sk_fields[K_RESULTS],
	&sk_fields[K_PORT], NULL,
};

const struct st_proto st_proto_socks = {
	.name = "socks",
	.ws = "socks",
	.title = "Socks Protocol",
	.rfc = "RFC 1928 (SOCKS 5), RFC 1929 (user/password); SOCKS 4/4a",
	.role = ST_ROLE_APP,
	.fields = sk_fields,
	.nfields = K_NSOCKS,
	.decode = socks_decode,
	.binds = socks_binds,
	.nbinds = NFIELDS(socks_binds),
	.summary = socks_summary,
	.keys = socks_keys,
	.color = "\033[33m",
	.explain = "A proxy protocol: the client connects to the proxy, "
	    "offers authentication methods (SOCKS 5: none, GSSAPI, user "
	    "name and password), the proxy picks one, then the client asks "
	    "it to connect (or bind, or relay UDP) to an address or host "
	    "name and port.  After the proxy's reply, the connection carries "
	    "the relayed bytes unchanged.  SOCKS 4 has no greeting: one "
	    "request with a port, an IPv4 address and a user ID; 4a adds a "
	    "host name.",
};
