/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HTTP/1.x conversations that stop carrying HTTP messages (RFC 9110 7.8,
 * 9.3.6): a 101 Switching Protocols with an Upgrade header (WebSocket,
 * RFC 6455 4.2.2), and a 2xx answer to a CONNECT request, after which
 * the conversation carries what the CONNECT named (a tunnel through a
 * proxy).  As Wireshark's HTTP dissector, the segments after it still go
 * through HTTP, which hands them on: to the protocol the Upgrade token
 * names, or to the one of the CONNECT's port; a tunnel's segments also
 * say the CONNECT's host and port (tshark's http.proxy_connect_host and
 * http.proxy_connect_port).
 *
 * The state is an entry of the expected conversations (strata/expect.h)
 * for the server's end (the one that answered), whose data is a struct
 * up_note: the decode loop then gives that end's segments to HTTP first,
 * both ways, whatever the port.
 */
#include <string.h>

#include "strata/expect.h"
#include "strata/out.h"
#include "strata/registry.h"
#include "http.h"

#define UP_HOST		72	/* bytes of the CONNECT's host kept */
#define UP_TOKEN	32	/* bytes of an Upgrade token looked up */

struct up_note {
	char			 state;		/* 'C': CONNECT asked, 'U':
						   switched, 'R': upgraded to
						   what no decoder knows */
	uint8_t			 hostn;
	uint16_t		 port;		/* CONNECT's; 0: an upgrade */
	const struct st_proto	*to;		/* what follows; NULL: data */
	char			 host[UP_HOST];
};

_Static_assert(sizeof(struct up_note) <= ST_EXPECT_DATA, "up_note size");

/* The transport ports of the layer being decoded: 0, or -1 if none. */
static int
ports(const struct st_dctx *d, unsigned *sport, unsigned *dport)
{
	const struct st_layer *tl = d->ly;
	const struct st_field *e[2];
	unsigned n;

	for (n = 0; n < ST_MAX_LAYERS && tl > d->pkt->layers; n++) {
		tl--;
		if (tl->depth != d->ly->depth)
			return -1;
		if (tl->proto->role != ST_ROLE_TRANSPORT)
			continue;
		if (st_flow_ends(d->pkt, tl, e) != 0)
			return -1;
		*sport = (unsigned)e[0]->val;
		*dport = (unsigned)e[1]->val;
		return 0;
	}
	return -1;
}

/* Notes n for the sender's end (server 0) or the receiver's (1). */
static void
note(struct st_dctx *d, int to_dst, const struct up_note *n)
{
	struct st_expect e;
	unsigned sp, dp;

	memset(&e, 0, sizeof(e));
	if (ports(d, &sp, &dp) != 0 ||
	    st_expect_conv(d, &e.owner, &e.transport) != 0)
		return;
	e.proto = d->ly->proto;
	e.fam = d->net.fam;
	memcpy(e.addr, to_dst ? d->net.dst : d->net.src, sizeof(e.addr));
	e.port = (uint16_t)(to_dst ? dp : sp);
	e.frame = d->pkt->num;
	memcpy(e.data, n, sizeof(*n));
	st_expect_add(&e);
}

/* The value of header name in head p[0..hl), or NULL; its length in *vn. */
static const uint8_t *
header(const uint8_t *p, size_t hl, const char *name, size_t *vn)
{
	size_t a = 0, k, e;
	unsigned lines;
	long n;

	for (lines = 0; a < hl && lines < 2 * HTTP_LINES; lines++) {
		if ((n = http_line_len(p + a, hl - a)) <= 0)
			return NULL;
		e = a + (size_t)n;
		for (k = a; k < e && p[k] != ':'; k++)
			;
		if (k < e && http_named(p + a, k - a, name)) {
			for (k++; k < e && p[k] == ' '; k++)
				;
			*vn = e - k;
			return p + k;
		}
		a = e + 2;
	}
	return NULL;
}

/*
 * The protocol an Upgrade value's first token names, among those
 * Wireshark's HTTP hands an upgraded conversation to (its http.upgrade
 * table): a token is not a protocol's name ("Upgrade: tcp", Docker's
 * attach, is a raw stream: data).
 */
static const struct st_proto *
upgrade_to(const uint8_t *v, size_t n)
{
	static const char *const known[][2] = {
		{ "websocket", "websocket" }, { "h2c", "http2" },
		{ "tls", "tls" },
	};
	char tok[UP_TOKEN];
	size_t i;

	for (i = 0; i < n && i + 1 < sizeof(tok) && v[i] != ',' &&
	    v[i] != ' ' && v[i] != '/'; i++)
		tok[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] | 0x20 :
		    v[i]);
	tok[i] = '\0';
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(tok, known[i][0]) == 0)
			return st_proto_find(known[i][1]);
	return NULL;
}

/* A CONNECT request's target host:port (the line's second word). */
static void
connect_asked(struct st_dctx *d, const uint8_t *p, size_t n)
{
	struct up_note u;
	size_t a = 8, b, k;

	for (b = a; b < n && p[b] != ' '; b++)
		;
	for (k = b; k > a && p[k - 1] != ':'; k--)
		;
	if (k <= a + 1 || k == b)
		return;
	memset(&u, 0, sizeof(u));
	u.state = 'C';
	u.port = (uint16_t)http_number(p + k, b - k, 10);
	u.hostn = (uint8_t)(k - 1 - a < UP_HOST ? k - 1 - a : UP_HOST);
	memcpy(u.host, p + a, u.hostn);
	note(d, 1, &u);
}

/* A 2xx from a proxy asked to CONNECT: the tunnel is open. */
static const struct st_proto *
connect_open(struct st_dctx *d)
{
	const struct st_proto *tp;
	struct st_flowkey k;
	struct st_expect e;
	struct up_note u;
	unsigned sp, dp;

	if (st_expect_count() == 0 || ports(d, &sp, &dp) != 0 ||
	    st_expect_conv(d, &k, &tp) != 0 || !st_expect_find(tp,
	    d->net.fam, d->net.src, (uint16_t)sp, &e) ||
	    e.proto != d->ly->proto)
		return NULL;
	memcpy(&u, e.data, sizeof(u));
	if (u.state != 'C')
		return u.state == 'U' ? u.to : NULL;
	u.state = 'U';
	u.to = st_proto_port(ST_KEY_TCPPORT, u.port, u.port);
	note(d, 0, &u);
	return u.to;
}

const struct st_proto *
http_switch_note(struct st_dctx *d, const uint8_t *p, size_t n, size_t hl,
    int response)
{
	const uint8_t *v;
	struct up_note u;
	size_t vn;
	unsigned code;

	if (!response) {
		if (n > 8 && memcmp(p, "CONNECT ", 8) == 0)
			connect_asked(d, p, n);
		return NULL;
	}
	if (n < 12)
		return NULL;
	code = (unsigned)http_number(p + 9, 3, 10);
	if (code >= 200 && code < 300)
		return connect_open(d);
	if (code != 101 || (v = header(p, hl, "upgrade", &vn)) == NULL)
		return NULL;
	memset(&u, 0, sizeof(u));
	/* to a protocol Wireshark does not know by that token: the
	 * conversation's bytes are no longer HTTP's, but data */
	u.state = (u.to = upgrade_to(v, vn)) != NULL ? 'U' : 'R';
	note(d, 0, &u);
	return u.to;
}

int
http_switched(struct st_dctx *d, struct st_cur *c)
{
	struct st_expect e;
	struct up_note u;
	struct st_field *f;

	(void)c;
	if (st_expect_count() == 0 || !st_expect_here(d, &e) || e.proto != d->ly->proto)
		return 0;
	memcpy(&u, e.data, sizeof(u));
	/* 'R': HTTP still takes the segment, a layer of no bytes, and
	 * hands it on as data (tshark: http:data) */
	if (u.state != 'U' && u.state != 'R')
		return 0;
	if (u.port != 0) {
		http_gentext(d, F_CONNHOST, "", (const uint8_t *)u.host,
		    u.hostn);
		if ((f = st_dgen(d, &st_http_fields[F_CONNPORT], u.port)) !=
		    NULL)
			f->val = u.port;
	}
	d->hdr = 0;
	if (u.to != NULL)
		d->next = u.to;
	else
		d->data = 1;
	return 1;
}

/* A switched conversation's HTTP layer of no bytes: the summary is what
 * it hands on, after the tunnel's target ("CONNECT host:25 › smtp ..."). */
int
http_switched_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_layer *nx = ly + 1;
	const struct st_field *f[F_CONNPORT + 1];

	if (ly->hdr_len != 0 || nx >= pkt->layers + pkt->nlayers ||
	    nx->depth != ly->depth || nx->proto->summary == NULL)
		return 0;
	st_ly_fields(pkt, ly, st_http_fields, F_CONNPORT + 1, f);
	if (f[F_CONNHOST] != NULL && f[F_CONNPORT] != NULL) {
		st_out_puts(s->o, "[http CONNECT ");
		s->value(s, f[F_CONNHOST]);
		st_out_printf(s->o, ":%llu] ",
		    (unsigned long long)f[F_CONNPORT]->val);
	}
	return nx->proto->summary(s, nx);
}
