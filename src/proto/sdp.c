/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SDP (RFC 4566), the body of a SIP message (Content-Type
 * application/sdp): one "x=value" line each, session lines first, then
 * media sections, each from its m= line:
 *
 *   v=0                              o=user sess-id version IN IP4 addr
 *   s=name  c=IN IP4 addr  t=start stop  a=attribute[:value]
 *   m=audio port RTP/AVP formats...  a=rtpmap:pt name/rate ...
 *
 * Each media section over RTP names where its RTP will arrive (its c=,
 * else the session's, and its port) and its RTCP (port + 1): these are
 * noted in the table of expected conversations (strata/expect.h), so that
 * the UDP datagrams to them decode as RTP and RTCP, as Wireshark knows
 * them only from the signalling.  The setup frame is the offer's: an
 * answer from the other end takes the frame of the offer it answers.
 */
#include <arpa/inet.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"
#include "voip.h"

#define SDP_LINES	128	/* lines decoded */
#define SDP_LINE	1024	/* bytes of one value shown */
#define SDP_ITEMS	32	/* formats of one m= line */

enum { F_VERSION, F_OWNER, F_O_USER, F_O_SESS, F_O_VER, F_O_NET, F_O_ATYPE,
	F_O_ADDR, F_SNAME, F_SINFO, F_URI, F_EMAIL, F_PHONE, F_CONN, F_C_NET,
	F_C_ATYPE, F_C_ADDR, F_C_TTL, F_C_NUM, F_BW, F_BW_MOD, F_BW_VAL,
	F_TIME, F_T_START, F_T_STOP, F_REPEAT, F_TZ, F_KEY, F_SATTR,
	F_SA_FIELD, F_SA_VALUE, F_MEDIA, F_M_MEDIA, F_M_PORTSTR, F_M_PORT,
	F_M_PORTCOUNT, F_M_PROTO, F_M_FORMAT, F_MTITLE, F_MATTR, F_MA_FIELD,
	F_MA_VALUE, F_MIME, F_RATE, F_FMTP, F_UNKNOWN, F_NSDP };

#define T(n, l)		FD(NULL, "sdp." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc sdp_fields[F_NSDP] = {
	[F_VERSION] = T("version", "Session Description Protocol Version"),
	[F_OWNER] = T("owner", "Owner/Creator, Session Id"),
	[F_O_USER] = T("owner.username", "Owner Username"),
	[F_O_SESS] = T("owner.sessionid", "Session ID"),
	[F_O_VER] = T("owner.version", "Session Version"),
	[F_O_NET] = T("owner.network_type", "Owner Network Type"),
	[F_O_ATYPE] = T("owner.address_type", "Owner Address Type"),
	[F_O_ADDR] = T("owner.address", "Owner Address"),
	[F_SNAME] = T("session_name", "Session Name"),
	[F_SINFO] = T("session_info", "Session Information"),
	[F_URI] = T("uri", "URI of Description"),
	[F_EMAIL] = T("email", "E-mail Address"),
	[F_PHONE] = T("phone", "Phone Number"),
	[F_CONN] = T("connection_info", "Connection Information"),
	[F_C_NET] = T("connection_info.network_type",
	    "Connection Network Type"),
	[F_C_ATYPE] = T("connection_info.address_type",
	    "Connection Address Type"),
	[F_C_ADDR] = T("connection_info.address", "Connection Address"),
	[F_C_TTL] = T("connection_info.ttl", "Connection TTL"),
	[F_C_NUM] = T("connection_info.num_addr",
	    "Connection Number of Addresses"),
	[F_BW] = T("bandwidth", "Bandwidth Information"),
	[F_BW_MOD] = T("bandwidth.modifier", "Bandwidth Modifier"),
	[F_BW_VAL] = T("bandwidth.value", "Bandwidth Value"),
	[F_TIME] = T("time", "Time Description, active time"),
	[F_T_START] = T("time.start", "Session Start Time"),
	[F_T_STOP] = T("time.stop", "Session Stop Time"),
	[F_REPEAT] = T("repeat_time", "Repeat Time"),
	[F_TZ] = T("timezone", "Time Zone Adjustments"),
	[F_KEY] = T("encryption_key", "Encryption Key"),
	[F_SATTR] = T("session_attr", "Session Attribute"),
	[F_SA_FIELD] = T("session_attr.field", "Session Attribute Fieldname"),
	[F_SA_VALUE] = T("session_attr.value", "Session Attribute Value"),
	[F_MEDIA] = T("media", "Media Description, name and address"),
	[F_M_MEDIA] = T("media.media", "Media Type"),
	[F_M_PORTSTR] = T("media.port_string", "Media Port"),
	[F_M_PORT] = FD(NULL, "sdp.media.port", "Media Port", 0, 0,
	    ST_FMT_DEC),
	[F_M_PORTCOUNT] = T("media.portcount", "Media Port Count"),
	[F_M_PROTO] = T("media.proto", "Media Protocol"),
	[F_M_FORMAT] = T("media.format", "Media Format"),
	[F_MTITLE] = T("media_title", "Media Title"),
	[F_MATTR] = T("media_attr", "Media Attribute"),
	[F_MA_FIELD] = T("media_attribute.field", "Media Attribute Fieldname"),
	[F_MA_VALUE] = T("media_attribute.value", "Media Attribute Value"),
	[F_MIME] = T("mime.type", "MIME Type"),
	[F_RATE] = T("sample_rate", "Sample Rate"),
	[F_FMTP] = T("fmtp.parameter", "Media format specific parameters"),
	[F_UNKNOWN] = T("unknown", "Unknown"),
};

extern const struct st_proto st_proto_rtp, st_proto_rtcp;

/* Where one media section's streams go. */
struct media {
	int		 on;		/* a section is open */
	int		 rtp;		/* its protocol is RTP's */
	unsigned	 port;
	unsigned	 rtcp;		/* a=rtcp's port; 0: port + 1 */
	unsigned	 event_pt;	/* telephone-event's type + 1 */
	uint8_t		 fam;		/* its c= (0: the session's) */
	uint8_t		 addr[16];
};

struct sess {
	uint8_t		 fam;		/* the session's c= */
	uint8_t		 addr[16];
	struct media	 m;
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

static void
text(struct st_dctx *d, struct st_cur *c, int f, const uint8_t *p,
    size_t off, size_t n)
{
	char buf[SDP_LINE * 4 + 8];

	st_escape(p + off, n < SDP_LINE ? n : SDP_LINE, buf, sizeof(buf));
	st_dtext(d, c, &sdp_fields[f], off, n, buf);
}

/* A text row f of a name, not wire bytes (a payload type's). */
static void
named(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n,
    const char *s)
{
	st_dtext(d, c, &sdp_fields[f], off, n, s);
}

static size_t
find(const uint8_t *p, size_t a, size_t b, uint8_t ch)
{
	while (a < b && p[a] != ch)
		a++;
	return a;
}

static unsigned
number(const uint8_t *p, size_t a, size_t b)
{
	unsigned v = 0;
	size_t i;

	for (i = a; i < b && i < a + 6 && p[i] >= '0' && p[i] <= '9'; i++)
		v = v * 10 + (unsigned)(p[i] - '0');
	return v;
}

/*
 * The blank-separated words of p[a..b) as rows rows[0..n), the last taking
 * the rest of the line; returns how many.  starts/ends get their spans.
 */
static unsigned
words(const uint8_t *p, size_t a, size_t b, unsigned n, size_t *s,
    size_t *e)
{
	unsigned k;

	for (k = 0; k < n && a < b; k++) {
		while (a < b && p[a] == ' ')
			a++;
		if (a >= b)
			break;
		s[k] = a;
		a = k + 1 < n ? find(p, a, b, ' ') : b;
		e[k] = a;
	}
	return k;
}

/* "IN IP4 addr[/ttl[/n]]": its parts, and the address for the media. */
static void
connection(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, uint8_t *fam, uint8_t *addr)
{
	size_t s[3], e[3], sl, sl2;
	char buf[64];
	unsigned k = words(p, a, b, 3, s, e);

	if (k > 0)
		text(d, c, F_C_NET, p, s[0], e[0] - s[0]);
	if (k > 1)
		text(d, c, F_C_ATYPE, p, s[1], e[1] - s[1]);
	if (k < 3)
		return;
	sl = find(p, s[2], e[2], '/');
	text(d, c, F_C_ADDR, p, s[2], sl - s[2]);
	if (sl < e[2]) {
		sl2 = find(p, sl + 1, e[2], '/');
		text(d, c, F_C_TTL, p, sl + 1, sl2 - sl - 1);
		if (sl2 < e[2])
			text(d, c, F_C_NUM, p, sl2 + 1, e[2] - sl2 - 1);
	}
	if (sl - s[2] >= sizeof(buf))
		return;
	memcpy(buf, p + s[2], sl - s[2]);
	buf[sl - s[2]] = '\0';
	if (e[1] - s[1] == 3 && memcmp(p + s[1], "IP4", 3) == 0 &&
	    inet_pton(AF_INET, buf, addr) == 1)
		*fam = 4;
	else if (e[1] - s[1] == 3 && memcmp(p + s[1], "IP6", 3) == 0 &&
	    inet_pton(AF_INET6, buf, addr) == 1)
		*fam = 6;
}

/* Marks the offers of the other end in this conversation answered,
 * keeping the earliest offer's frame in *frame. */
struct answer {
	const uint8_t	*from;
	size_t		 alen;
	uint64_t	 frame;
};

static void
answer_one(struct st_expect *e, void *arg)
{
	struct answer *an = arg;
	struct voip_note n;

	if (e->proto != &st_proto_rtp && e->proto != &st_proto_rtcp)
		return;
	memcpy(&n, e->data, sizeof(n));
	if (n.answered || memcmp(n.from, an->from, an->alen) == 0)
		return;
	n.answered = 1;
	if (an->frame == 0 || n.setup < an->frame)
		an->frame = n.setup;
	memcpy(e->data, &n, sizeof(n));
}

static void
note(struct st_dctx *d, const struct st_proto *p, const struct st_flowkey *k,
    uint8_t fam, const uint8_t *addr, unsigned port, uint64_t setup,
    unsigned event_pt)
{
	struct st_expect e;
	struct voip_note n;

	if (port == 0 || port > 65535)
		return;
	memset(&e, 0, sizeof(e));
	memset(&n, 0, sizeof(n));
	e.proto = p;
	e.transport = st_proto_next(ST_KEY_IPPROTO, 17);
	e.fam = fam;
	memcpy(e.addr, addr, sizeof(e.addr));
	e.port = (uint16_t)port;
	e.owner = *k;
	e.frame = d->pkt->num;
	n.setup = setup;
	n.event_pt = (uint8_t)event_pt;
	memcpy(n.from, d->net.src, sizeof(n.from));
	memcpy(e.data, &n, sizeof(n));
	st_expect_add(&e);
}

/* The media section that ends: its RTP and RTCP ends noted. */
static void
media_end(struct st_dctx *d, struct sess *s)
{
	const struct st_proto *tp;
	struct st_flowkey k;
	struct answer an;
	const uint8_t *addr = s->m.fam != 0 ? s->m.addr : s->addr;
	uint8_t fam = s->m.fam != 0 ? s->m.fam : s->fam;

	if (!s->m.on || !s->m.rtp || fam == 0 || s->m.port == 0 ||
	    st_expect_conv(d, &k, &tp) != 0)
		goto done;
	an.from = d->net.src;
	an.alen = sizeof(d->net.src);
	an.frame = 0;
	st_expect_each(&k, answer_one, &an);
	if (an.frame == 0)
		an.frame = d->pkt->num;
	note(d, &st_proto_rtp, &k, fam, addr, s->m.port, an.frame,
	    s->m.event_pt);
	note(d, &st_proto_rtcp, &k, fam, addr, s->m.rtcp != 0 ? s->m.rtcp :
	    s->m.port + 1, an.frame, 0);
done:
	memset(&s->m, 0, sizeof(s->m));
}

/* "audio 49170[/2] RTP/AVP 0 101": its parts, formats by name. */
static void
media(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, struct sess *s)
{
	size_t st[3], en[3], sl, i, j;
	struct st_field *f;
	const char *nm;
	char buf[32];
	unsigned k = words(p, a, b, 3, st, en), pt, n;

	media_end(d, s);
	s->m.on = 1;
	if (k > 0)
		text(d, c, F_M_MEDIA, p, st[0], en[0] - st[0]);
	if (k > 1) {
		sl = find(p, st[1], en[1], '/');
		text(d, c, F_M_PORTSTR, p, st[1], sl - st[1]);
		s->m.port = number(p, st[1], sl);
		if ((f = st_dbytes(d, c, &sdp_fields[F_M_PORT], st[1],
		    sl - st[1])) != NULL)
			f->val = s->m.port;
		if (sl < en[1])
			text(d, c, F_M_PORTCOUNT, p, sl + 1, en[1] - sl - 1);
	}
	if (k < 3)
		return;
	sl = find(p, st[2], en[2], ' ');
	text(d, c, F_M_PROTO, p, st[2], sl - st[2]);
	s->m.rtp = sl - st[2] >= 3 && memmem(p + st[2], sl - st[2], "RTP",
	    3) != NULL;
	for (i = sl, n = 0; i < en[2] && n < SDP_ITEMS; i = j, n++) {
		while (i < en[2] && p[i] == ' ')
			i++;
		if (i >= en[2])
			break;
		j = find(p, i, en[2], ' ');
		pt = number(p, i, j);
		if (!s->m.rtp || j - i > 3 || p[i] < '0' || p[i] > '9')
			text(d, c, F_M_FORMAT, p, i, j - i);
		else if ((nm = voip_pt_name(pt)) != NULL)
			named(d, c, F_M_FORMAT, i, j - i, nm);
		else {
			snprintf(buf, sizeof(buf), "DynamicRTP-Type-%u", pt);
			named(d, c, F_M_FORMAT, i, j - i, buf);
		}
	}
}

/* An a= line's parts: rtpmap and fmtp as Wireshark takes them apart. */
static void
attribute(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, struct sess *s)
{
	int fl = s->m.on ? F_MA_FIELD : F_SA_FIELD;
	size_t colon = find(p, a, b, ':'), sp, sl, sl2, i, j;
	unsigned n;

	text(d, c, s->m.on ? F_MATTR : F_SATTR, p, a, b - a);
	if (colon >= b)
		return;
	text(d, c, fl, p, a, colon - a);
	sp = find(p, colon + 1, b, ' ');
	if (s->m.on && colon - a == 6 && memcmp(p + a, "rtpmap", 6) == 0) {
		text(d, c, F_M_FORMAT, p, colon + 1, sp - colon - 1);
		if (sp >= b)
			return;
		sl = find(p, sp + 1, b, '/');
		text(d, c, F_MIME, p, sp + 1, sl - sp - 1);
		if (sl - sp - 1 == 15 && strncasecmp((const char *)p + sp + 1,
		    "telephone-event", 15) == 0 && sp - colon - 1 <= 3)
			s->m.event_pt = (number(p, colon + 1, sp) & 127) + 1;
		if (sl < b) {
			sl2 = find(p, sl + 1, b, '/');
			text(d, c, F_RATE, p, sl + 1, sl2 - sl - 1);
		}
		return;
	}
	if (s->m.on && colon - a == 4 && memcmp(p + a, "fmtp", 4) == 0) {
		text(d, c, F_M_FORMAT, p, colon + 1, sp - colon - 1);
		for (i = sp + 1, n = 0; i < b && n < SDP_ITEMS; i = j + 1,
		    n++) {
			while (i < b && p[i] == ' ')
				i++;
			j = find(p, i, b, ';');
			if (j > i)
				text(d, c, F_FMTP, p, i, j - i);
		}
		return;
	}
	if (s->m.on && colon - a == 4 && memcmp(p + a, "rtcp", 4) == 0)
		s->m.rtcp = number(p, colon + 1, b);
	text(d, c, s->m.on ? F_MA_VALUE : F_SA_VALUE, p, colon + 1,
	    b - colon - 1);
}

/* One line "x=value" at p[a..b). */
static void
line(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t a,
    size_t b, struct sess *s)
{
	size_t st[6], en[6];
	unsigned k, i;
	size_t v = a + 2;

	switch (p[a]) {
	case 'v':
		text(d, c, F_VERSION, p, v, b - v);
		return;
	case 'o':
		text(d, c, F_OWNER, p, v, b - v);
		k = words(p, v, b, 6, st, en);
		for (i = 0; i < k; i++)
			text(d, c, F_O_USER + (int)i, p, st[i], en[i] - st[i]);
		return;
	case 's':
		text(d, c, F_SNAME, p, v, b - v);
		return;
	case 'i':
		text(d, c, s->m.on ? F_MTITLE : F_SINFO, p, v, b - v);
		return;
	case 'u':
		text(d, c, F_URI, p, v, b - v);
		return;
	case 'e':
		text(d, c, F_EMAIL, p, v, b - v);
		return;
	case 'p':
		text(d, c, F_PHONE, p, v, b - v);
		return;
	case 'c':
		text(d, c, F_CONN, p, v, b - v);
		if (s->m.on)
			connection(d, c, p, v, b, &s->m.fam, s->m.addr);
		else
			connection(d, c, p, v, b, &s->fam, s->addr);
		return;
	case 'b':
		text(d, c, F_BW, p, v, b - v);
		k = (unsigned)find(p, v, b, ':');
		if (k < b) {
			text(d, c, F_BW_MOD, p, v, k - v);
			text(d, c, F_BW_VAL, p, k + 1, b - k - 1);
		}
		return;
	case 't':
		text(d, c, F_TIME, p, v, b - v);
		k = words(p, v, b, 2, st, en);
		for (i = 0; i < k; i++)
			text(d, c, F_T_START + (int)i, p, st[i],
			    en[i] - st[i]);
		return;
	case 'r':
		text(d, c, F_REPEAT, p, v, b - v);
		return;
	case 'z':
		text(d, c, F_TZ, p, v, b - v);
		return;
	case 'k':
		text(d, c, F_KEY, p, v, b - v);
		return;
	case 'a':
		attribute(d, c, p, v, b, s);
		return;
	case 'm':
		text(d, c, F_MEDIA, p, v, b - v);
		media(d, c, p, v, b, s);
		return;
	}
	text(d, c, F_UNKNOWN, p, a, b - a);
}

static int
sdp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos, e, next;
	const uint8_t *p = bytes_at(c, left);
	struct sess s;
	unsigned k;

	if (p == NULL || left < 2 || p[0] != 'v' || p[1] != '=')
		return st_dmalformed(d, "SDP: no v= line first");
	memset(&s, 0, sizeof(s));
	for (pos = 0, k = 0; pos < left && k < SDP_LINES; pos = next, k++) {
		e = find(p, pos, left, '\n');
		next = e < left ? e + 1 : left;
		if (e > pos && p[e - 1] == '\r')
			e--;
		if (e - pos >= 2 && p[pos + 1] == '=')
			line(d, c, p, pos, e, &s);
		else if (e > pos)
			text(d, c, F_UNKNOWN, p, pos, e - pos);
	}
	media_end(d, &s);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

/* "sdp audio 49170 RTP/AVP 0 101": the first media line. */
static int
sdp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NSDP];

	st_ly_fields(s->pkt, ly, sdp_fields, F_NSDP, f);
	st_out_puts(s->o, "sdp");
	if (f[F_C_ADDR] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_C_ADDR]);
	}
	if (f[F_MEDIA] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_MEDIA]);
	}
	return 1;
}

static const struct st_field_desc *const sdp_keys[] = {
	&sdp_fields[F_OWNER], &sdp_fields[F_CONN], &sdp_fields[F_MEDIA], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_sdp = {
	.name = "sdp",
	.ws = "sdp",
	.title = "Session Description Protocol",
	.rfc = "RFC 4566",
	.role = ST_ROLE_APP,
	.fields = sdp_fields,
	.nfields = F_NSDP,
	.decode = sdp_decode,
	/* @summary */
	.summary = sdp_summary,
	/* @views */
	.keys = sdp_keys,
	.color = "\033[95m",
	.explain = "A text description of a session's media, carried in SIP "
	    "(offer in the INVITE, answer in the 200 OK): v= version, o= "
	    "owner and session id, s= name, c= the address the media goes "
	    "to, t= active time, m= each medium with its port, transport "
	    "(RTP/AVP) and payload formats, a= attributes (rtpmap names a "
	    "dynamic payload type's codec and clock rate).  strata notes "
	    "each RTP medium's address and port (and port + 1 for RTCP) so "
	    "that the datagrams to them decode as RTP and RTCP.",
	/* @craft */
	/* @probes */
};
