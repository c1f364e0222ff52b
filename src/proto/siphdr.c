/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SIP's header lines (RFC 3261 section 20, compact forms 7.3.3): each
 * known header as its own field under Wireshark's name, and the parts
 * Wireshark takes apart: the addresses of From, To, Contact, Route and
 * Record-Route (display name, URI, user, host, port, tag), Via's
 * transport, sent-by and parameters, CSeq's number and method, and the
 * parameters of authentication headers.  Every loop is bounded by the
 * line count and the bytes; every value shown is escaped.
 */
#include <string.h>

#include "sip.h"

#define SIP_HROW(id, name, compact, num) \
	[H_##id] = FD(NULL, "sip." name, name, 0, 0, \
	    (num) ? ST_FMT_DEC : ST_FMT_TEXT),
const struct st_field_desc sip_hdr_fields[H_NHDR] = { SIP_HDRS(SIP_HROW) };
#undef SIP_HROW

#define SIP_HNAME(id, name, compact, num)	{ name, compact, num },
static const struct {
	const char	*name;
	char		 compact;
	char		 num;
} hdrs[H_NHDR] = { SIP_HDRS(SIP_HNAME) };
#undef SIP_HNAME

/* The rows of one kind of address header, from its display name on. */
struct addr_rows {
	int		 disp, addr, param, tag;
};

static const struct addr_rows from_rows = { F_FROM_DISP, F_FROM_ADDR,
	-1, F_FROM_TAG };
static const struct addr_rows to_rows = { F_TO_DISP, F_TO_ADDR, -1,
	F_TO_TAG };
static const struct addr_rows contact_rows = { -1, F_CT_URI, F_CT_PARAM,
	-1 };
static const struct addr_rows route_rows = { -1, F_RT_URI, F_RT_PARAM,
	-1 };
static const struct addr_rows rroute_rows = { -1, F_RR_URI, F_RR_PARAM,
	-1 };

struct st_field *
sip_text(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    const uint8_t *p, size_t off, size_t n)
{
	char buf[SIP_LINE * 4 + 8];

	st_escape(p + off, n < SIP_LINE ? n : SIP_LINE, buf, sizeof(buf));
	return st_dtext(d, c, fd, off, n, buf);
}

static void
ftext(struct st_dctx *d, struct st_cur *c, int f, const uint8_t *p,
    size_t off, size_t n)
{
	sip_text(d, c, &sip_fields[f], p, off, n);
}

uint64_t
sip_number(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && i < 9 && p[i] >= '0' && p[i] <= '9'; i++)
		v = v * 10 + (uint64_t)(p[i] - '0');
	return v;
}

/* A number row fd over p[off..off+n). */
static void
fnum(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    const uint8_t *p, size_t off, size_t n)
{
	struct st_field *f;

	if ((f = st_dbytes(d, c, fd, off, n)) != NULL)
		f->val = sip_number(p + off, n);
}

/* p[a..b) without the blanks at either end. */
static void
trim(const uint8_t *p, size_t *a, size_t *b)
{
	while (*a < *b && (p[*a] == ' ' || p[*a] == '\t'))
		(*a)++;
	while (*b > *a && (p[*b - 1] == ' ' || p[*b - 1] == '\t'))
		(*b)--;
}

/* The first ch in p[a..b) outside quotes and <>, or b. */
static size_t
find_top(const uint8_t *p, size_t a, size_t b, uint8_t ch)
{
	int q = 0, angle = 0;

	for (; a < b; a++) {
		if (!q && !angle && p[a] == ch)
			return a;
		if (p[a] == '"')
			q = !q;
		else if (!q && p[a] == '<')
			angle = 1;
		else if (!q && p[a] == '>')
			angle = 0;
	}
	return b;
}

static size_t
find(const uint8_t *p, size_t a, size_t b, uint8_t ch)
{
	while (a < b && p[a] != ch)
		a++;
	return a;
}

/*
 * A URI's parts: "sip:user@host:port;params" (user and port optional);
 * rows fuser, fuser + 1 (host), fuser + 2 (port), and fparam for the
 * parameters when not -1.
 */
void
sip_uri(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t off,
    size_t n, int fuser, int fparam)
{
	size_t a = off, end = off + n, semi, at, hs, he, colon;

	if ((a = find(p, off, end, ':')) >= end)
		return;
	a++;
	semi = find(p, a, end, ';');
	if ((colon = find(p, a, semi, '?')) < semi)
		semi = colon;
	at = find(p, a, semi, '@');
	if (at < semi) {
		he = find(p, a, at, ':');
		ftext(d, c, fuser, p, a, he - a);
		hs = at + 1;
	} else
		hs = a;
	if (hs < semi && p[hs] == '[') {	/* an IPv6 reference */
		he = find(p, hs, semi, ']');
		colon = he < semi ? he + 1 : semi;
		if (he < semi)
			he++;
	} else {
		colon = find(p, hs, semi, ':');
		he = colon;
	}
	if (he > hs)
		ftext(d, c, fuser + 1, p, hs, he - hs);
	if (colon < semi && p[colon] == ':' && colon + 1 < semi)
		ftext(d, c, fuser + 2, p, colon + 1, semi - colon - 1);
	if (fparam >= 0 && semi + 1 < end && p[semi] == ';')
		ftext(d, c, fparam, p, semi + 1, end - semi - 1);
}

/* One name-addr or addr-spec with its parameters, p[a..b). */
static void
addr(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, const struct addr_rows *r)
{
	size_t lt, gt, ps, i, k, v, de, q;
	unsigned n;

	trim(p, &a, &b);
	lt = find_top(p, a, b, '<');
	if (lt < b) {
		gt = find(p, lt, b, '>');
		/* as Wireshark: a quoted name to its quote, else with its
		 * blanks */
		de = lt;
		if (lt > a && p[a] == '"' && (q = find(p, a + 1, lt, '"')) <
		    lt)
			de = q + 1;
		if (r->disp >= 0 && lt > a) {
			ftext(d, c, r->disp, p, a, de - a);
			ftext(d, c, F_DISP, p, a, de - a);
		}
		ftext(d, c, r->addr, p, lt + 1, gt - lt - 1);
		sip_uri(d, c, p, lt + 1, gt - lt - 1, r->addr + 1, r->param);
		ps = gt < b ? gt + 1 : b;
	} else {
		/* addr-spec: the parameters after ';' are the header's */
		ps = find(p, a, b, ';');
		ftext(d, c, r->addr, p, a, ps - a);
		sip_uri(d, c, p, a, ps - a, r->addr + 1, -1);
	}
	for (i = ps, n = 0; i < b && n < SIP_ITEMS; i = k, n++) {
		if (p[i] != ';') {
			k = i + 1;
			continue;
		}
		k = find(p, i + 1, b, ';');
		if (r->tag >= 0 && k - i > 5 && memcmp(p + i + 1, "tag=", 4) ==
		    0) {
			v = i + 5;
			ftext(d, c, r->tag, p, v, k - v);
			ftext(d, c, F_TAG, p, v, k - v);
		} else if (r == &contact_rows)
			ftext(d, c, F_CT_PARAMETER, p, i + 1, k - i - 1);
	}
}

/* Each comma-separated value of p[a..b) as an address. */
static void
addrs(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, const struct addr_rows *r)
{
	size_t k;
	unsigned n;

	for (n = 0; a < b && n < SIP_ITEMS; a = k + 1, n++) {
		k = find_top(p, a, b, ',');
		if (k - a == 1 && p[a] == '*')
			continue;
		addr(d, c, p, a, k, r);
	}
}

/* Via's parameters: branch, rport, received, maddr, ttl. */
static void
via_param(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b)
{
	static const struct {
		const char	*name;
		int		 f;
	} vp[] = { { "branch", F_VIA_BRANCH }, { "rport", F_VIA_RPORT },
		{ "received", F_VIA_RECEIVED }, { "maddr", F_VIA_MADDR },
		{ "ttl", F_VIA_TTL } };
	size_t eq = find(p, a, b, '='), k, nl;

	nl = eq - a;
	for (k = 0; k < sizeof(vp) / sizeof(vp[0]); k++) {
		if (strlen(vp[k].name) != nl || strncasecmp((const char *)p +
		    a, vp[k].name, nl) != 0)
			continue;
		if (eq < b)
			ftext(d, c, vp[k].f, p, eq + 1, b - eq - 1);
		else
			ftext(d, c, vp[k].f, p, a, nl);
		return;
	}
}

/* "SIP/2.0/UDP host:port;params", each of a comma-separated list. */
static void
via(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b)
{
	size_t k, s, sp, semi, colon, i, j;
	unsigned n, m;

	for (n = 0; a < b && n < SIP_ITEMS; a = k + 1, n++) {
		k = find_top(p, a, b, ',');
		s = a;
		trim(p, &s, &k);
		sp = find(p, s, k, ' ');
		for (i = sp; i > s && p[i - 1] != '/'; i--)
			;
		if (i > s && sp > i)
			ftext(d, c, F_VIA_TRANSPORT, p, i, sp - i);
		while (sp < k && p[sp] == ' ')
			sp++;
		semi = find(p, sp, k, ';');
		if (sp < semi && p[sp] == '[')
			colon = find(p, find(p, sp, semi, ']'), semi, ':');
		else
			colon = find(p, sp, semi, ':');
		if (colon > sp)
			ftext(d, c, F_VIA_ADDR, p, sp, colon - sp);
		if (colon + 1 < semi)
			fnum(d, c, &sip_fields[F_VIA_PORT], p, colon + 1,
			    semi - colon - 1);
		for (i = semi, m = 0; i < k && m < SIP_ITEMS; i = j, m++) {
			j = find(p, i + 1, k, ';');
			via_param(d, c, p, i + 1, j);
		}
	}
}

/* "Digest realm=\"x\", nonce=\"y\"": the scheme and known parameters. */
static void
auth(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b)
{
	static const struct {
		const char	*name;
		int		 f;
	} ap[] = { { "realm", F_AUTH_REALM }, { "nonce", F_AUTH_NONCE },
		{ "algorithm", F_AUTH_ALGO }, { "username", F_AUTH_USER },
		{ "uri", F_AUTH_URI }, { "response", F_AUTH_RESPONSE },
		{ "qop", F_AUTH_QOP }, { "opaque", F_AUTH_OPAQUE },
		{ "nc", F_AUTH_NC }, { "cnonce", F_AUTH_CNONCE },
		{ "stale", F_AUTH_STALE } };
	size_t sp = find(p, a, b, ' '), i, k, eq, s, e, j;
	unsigned n;

	ftext(d, c, F_AUTH_SCHEME, p, a, sp - a);
	for (i = sp, n = 0; i < b && n < SIP_ITEMS * 2; i = k + 1, n++) {
		k = find_top(p, i, b, ',');
		s = i;
		e = k;
		trim(p, &s, &e);
		eq = find(p, s, e, '=');
		if (eq >= e)
			continue;
		for (j = 0; j < sizeof(ap) / sizeof(ap[0]); j++)
			if (strlen(ap[j].name) == eq - s && strncasecmp(
			    (const char *)p + s, ap[j].name, eq - s) == 0) {
				ftext(d, c, ap[j].f, p, eq + 1, e - eq - 1);
				break;
			}
	}
}

/* "314159 INVITE". */
static void
cseq(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, struct sip_head *hd)
{
	size_t sp = find(p, a, b, ' '), m;

	fnum(d, c, &sip_fields[F_CSEQ_SEQ], p, a, sp - a);
	hd->cseq = sip_number(p + a, sp - a);
	for (m = sp; m < b && p[m] == ' '; m++)
		;
	if (m < b)
		ftext(d, c, F_CSEQ_METHOD, p, m, b - m);
	hd->cmethod = m;
	hd->ncmethod = b - m;
}

/* Whether p[a..a+n) is "application/sdp", parameters aside. */
static int
is_sdp(const uint8_t *p, size_t a, size_t n)
{
	size_t k = find(p, a, a + n, ';');

	while (k > a && (p[k - 1] == ' ' || p[k - 1] == '\t'))
		k--;
	return k - a == 15 && strncasecmp((const char *)p + a,
	    "application/sdp", 15) == 0;
}

/* The value p[a..b) of header h. */
static void
value(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, int h, struct sip_head *hd)
{
	const struct st_field_desc *fd = &sip_hdr_fields[h];

	if (hdrs[h].num)
		fnum(d, c, fd, p, a, b - a);
	else
		sip_text(d, c, fd, p, a, b - a);
	switch (h) {
	case H_FROM:
		addr(d, c, p, a, b, &from_rows);
		break;
	case H_TO:
		addr(d, c, p, a, b, &to_rows);
		break;
	case H_CONTACT:
		addrs(d, c, p, a, b, &contact_rows);
		break;
	case H_ROUTE:
		addrs(d, c, p, a, b, &route_rows);
		break;
	case H_RECORD_ROUTE:
		addrs(d, c, p, a, b, &rroute_rows);
		break;
	case H_VIA:
		via(d, c, p, a, b);
		break;
	case H_CSEQ:
		cseq(d, c, p, a, b, hd);
		break;
	case H_CALL_ID:
		ftext(d, c, F_CALLID_GEN, p, a, b - a);
		hd->callid = a;
		hd->ncallid = b - a;
		break;
	case H_WWW_AUTHENTICATE:
	case H_PROXY_AUTHENTICATE:
	case H_AUTHORIZATION:
	case H_PROXY_AUTHORIZATION:
		auth(d, c, p, a, b);
		break;
	case H_CONTENT_LENGTH:
		hd->has_clen = 1;
		hd->clen = sip_number(p + a, b - a);
		break;
	case H_CONTENT_TYPE:
		hd->sdp = is_sdp(p, a, b - a);
		break;
	}
}

/* The header named p[a..a+n), or -1. */
static int
header_of(const uint8_t *p, size_t a, size_t n)
{
	int h;

	for (h = 0; h < H_NHDR; h++) {
		if (n == 1 && hdrs[h].compact != 0 &&
		    (p[a] | 0x20) == hdrs[h].compact)
			return h;
		if (strlen(hdrs[h].name) == n && strncasecmp((const char *)p +
		    a, hdrs[h].name, n) == 0)
			return h;
	}
	return -1;
}

/* Length of the line at p[pos..n) without CRLF (or LF); *next after it.
 * Returns 0 with *next = n when the line does not end here. */
static size_t
line_at(const uint8_t *p, size_t pos, size_t n, size_t *next, int *ended)
{
	size_t i = find(p, pos, n, '\n');

	*ended = i < n;
	*next = i < n ? i + 1 : n;
	if (i < n && i > pos && p[i - 1] == '\r')
		i--;
	return i - pos;
}

size_t
sip_headers(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t pos, size_t n, struct sip_head *h)
{
	size_t len, next, colon, a, b;
	unsigned k;
	int ended, hi;

	for (k = 0; k < SIP_LINES && pos < n; k++, pos = next) {
		len = line_at(p, pos, n, &next, &ended);
		if (!ended)
			return n;
		if (len == 0)
			return next;		/* the blank line */
		if (p[pos] == ' ' || p[pos] == '\t')
			continue;		/* a folded line: skipped */
		colon = find(p, pos, pos + len, ':');
		if (colon >= pos + len)
			continue;
		b = colon;
		while (b > pos && (p[b - 1] == ' ' || p[b - 1] == '\t'))
			b--;
		if ((hi = header_of(p, pos, b - pos)) < 0)
			continue;
		a = colon + 1;
		b = pos + len;
		trim(p, &a, &b);
		value(d, c, p, a, b, hi, h);
	}
	/* SIP_LINES reached: the rest is not shown as headers. */
	for (; pos < n; pos = next) {
		len = line_at(p, pos, n, &next, &ended);
		if (!ended)
			return n;
		if (len == 0)
			return next;
	}
	return n;
}
