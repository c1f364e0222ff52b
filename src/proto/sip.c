/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SIP (RFC 3261), UDP and TCP port 5060, or any port by content: a
 * request line "METHOD sip:... SIP/2.0" or a status line "SIP/2.0 NNN
 * reason", the header lines (siphdr.c), and the body, handed on by its
 * Content-Type (application/sdp: the SDP layer, which notes the media
 * ports for RTP and RTCP).  One message per datagram or segment.
 *
 *   INVITE sip:bob@b.test SIP/2.0          SIP/2.0 200 OK
 *   Via: SIP/2.0/UDP host:port;branch=...  (the same headers)
 *   From / To / Call-ID / CSeq / ...
 *   <blank line>
 *   body (Content-Length bytes)
 */
#include <pthread.h>
#include <string.h>

#include "strata/out.h"
#include "sip.h"

#define SIP_PORT	5060
#define SIP_TRANS	256	/* messages remembered (resends, requests) */

/*
 * The messages seen, by a hash of what names them (Call-ID, CSeq, kind,
 * sender), with their frame and time: a message seen in an earlier frame
 * is a resend, and a response names its request's frame and delay, as
 * Wireshark does.  Bounded (the oldest reused); a capture starts over at
 * frame 1.  Packets are decoded in order, one at a time under the lock.
 */
static struct {
	uint64_t	 key;
	uint64_t	 frame;
	struct timespec	 ts;
} seen[SIP_TRANS];
static unsigned seen_next;
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;

extern const struct st_proto st_proto_sdp;

#define T(n, l)		FD(NULL, "sip." n, l, 0, 0, ST_FMT_TEXT)

const struct st_field_desc sip_fields[F_NSIP] = {
	[F_REQLINE] = T("Request-Line", "Request-Line"),
	[F_METHOD] = T("Method", "Method"),
	[F_RURI] = T("r-uri", "Request-URI"),
	[F_RURI_USER] = T("r-uri.user", "Request-URI User Part"),
	[F_RURI_HOST] = T("r-uri.host", "Request-URI Host Part"),
	[F_RURI_PORT] = T("r-uri.port", "Request-URI Host Port"),
	[F_STATLINE] = T("Status-Line", "Status-Line"),
	[F_CODE] = FD(NULL, "sip.Status-Code", "Status-Code", 0, 0,
	    ST_FMT_DEC),
	[F_FROM_DISP] = T("from.display.info", "From Display Info"),
	[F_FROM_ADDR] = T("from.addr", "SIP from address"),
	[F_FROM_USER] = T("from.user", "SIP from address User Part"),
	[F_FROM_HOST] = T("from.host", "SIP from address Host Part"),
	[F_FROM_PORT] = T("from.port", "SIP from address Host Port"),
	[F_FROM_PARAM] = T("from.param", "SIP From URI parameter"),
	[F_FROM_TAG] = T("from.tag", "SIP from tag"),
	[F_TO_DISP] = T("to.display.info", "To Display Info"),
	[F_TO_ADDR] = T("to.addr", "SIP to address"),
	[F_TO_USER] = T("to.user", "SIP to address User Part"),
	[F_TO_HOST] = T("to.host", "SIP to address Host Part"),
	[F_TO_PORT] = T("to.port", "SIP to address Host Port"),
	[F_TO_PARAM] = T("to.param", "SIP To URI parameter"),
	[F_TO_TAG] = T("to.tag", "SIP to tag"),
	[F_CT_DISP] = T("contact.display.info", "Contact Display Info"),
	[F_CT_URI] = T("contact.uri", "Contact URI"),
	[F_CT_USER] = T("contact.user", "Contact URI User Part"),
	[F_CT_HOST] = T("contact.host", "Contact URI Host Part"),
	[F_CT_PORT] = T("contact.port", "Contact URI Host Port"),
	[F_CT_PARAM] = T("contact.param", "Contact URI parameter"),
	[F_CT_PARAMETER] = T("contact.parameter", "Contact parameter"),
	[F_RT_DISP] = T("Route.display.info", "Route Display Info"),
	[F_RT_URI] = T("Route.uri", "Route URI"),
	[F_RT_USER] = T("Route.user", "Route User Part"),
	[F_RT_HOST] = T("Route.host", "Route Host Part"),
	[F_RT_PORT] = T("Route.port", "Route Host Port"),
	[F_RT_PARAM] = T("Route.param", "Route URI parameter"),
	[F_RR_DISP] = T("Record-Route.display.info",
	    "Record-Route Display Info"),
	[F_RR_URI] = T("Record-Route.uri", "Record-Route URI"),
	[F_RR_USER] = T("Record-Route.user", "Record-Route User Part"),
	[F_RR_HOST] = T("Record-Route.host", "Record-Route Host Part"),
	[F_RR_PORT] = T("Record-Route.port", "Record-Route Host Port"),
	[F_RR_PARAM] = T("Record-Route.param", "Record-Route URI parameter"),
	[F_DISP] = T("display.info", "SIP Display info"),
	[F_TAG] = T("tag", "SIP tag"),
	[F_CALLID_GEN] = T("call_id_generated", "Generated Call-ID"),
	[F_CSEQ_SEQ] = FD(NULL, "sip.CSeq.seq", "Sequence Number", 0, 0,
	    ST_FMT_DEC),
	[F_CSEQ_METHOD] = T("CSeq.method", "Method"),
	[F_RESEND] = FDG("sip.resend", "Resent Packet", ST_FMT_BOOL, NULL),
	[F_RESP_REQ] = FDG("sip.response-request", "Request Frame",
	    ST_FMT_DEC, NULL),
	[F_RESP_TIME] = FDG("sip.response-time", "Response Time (ms)",
	    ST_FMT_DEC, NULL),
	[F_VIA_TRANSPORT] = T("Via.transport", "Transport"),
	[F_VIA_ADDR] = T("Via.sent-by.address", "Sent-by Address"),
	[F_VIA_PORT] = FD(NULL, "sip.Via.sent-by.port", "Sent-by port", 0, 0,
	    ST_FMT_DEC),
	[F_VIA_BRANCH] = T("Via.branch", "Branch"),
	[F_VIA_RPORT] = T("Via.rport", "RPort"),
	[F_VIA_RECEIVED] = T("Via.received", "Received"),
	[F_VIA_MADDR] = T("Via.maddr", "Maddr"),
	[F_VIA_TTL] = T("Via.ttl", "TTL"),
	[F_AUTH_SCHEME] = T("auth.scheme", "Authentication Scheme"),
	[F_AUTH_REALM] = T("auth.realm", "Realm"),
	[F_AUTH_NONCE] = T("auth.nonce", "Nonce Value"),
	[F_AUTH_ALGO] = T("auth.algorithm", "Algorithm"),
	[F_AUTH_USER] = T("auth.username", "Username"),
	[F_AUTH_URI] = T("auth.uri", "Authentication URI"),
	[F_AUTH_RESPONSE] = T("auth.digest.response", "Digest Authentication "
	    "Response"),
	[F_AUTH_QOP] = T("auth.qop", "QOP"),
	[F_AUTH_OPAQUE] = T("auth.opaque", "Opaque Value"),
	[F_AUTH_NC] = T("auth.nc", "Nonce Count"),
	[F_AUTH_CNONCE] = T("auth.cnonce", "CNonce Value"),
	[F_AUTH_STALE] = T("auth.stale", "Stale Flag"),
};

static const struct st_valname status_names[] = {
	{ 100, "Trying" }, { 180, "Ringing" }, { 181, "Call Is Being "
	"Forwarded" }, { 182, "Queued" }, { 183, "Session Progress" },
	{ 200, "OK" }, { 202, "Accepted" }, { 301, "Moved Permanently" },
	{ 302, "Moved Temporarily" }, { 400, "Bad Request" },
	{ 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" },
	{ 405, "Method Not Allowed" }, { 407, "Proxy Authentication "
	"Required" }, { 408, "Request Timeout" }, { 480, "Temporarily "
	"Unavailable" }, { 481, "Call/Transaction Does Not Exist" },
	{ 486, "Busy Here" }, { 487, "Request Terminated" },
	{ 488, "Not Acceptable Here" }, { 500, "Server Internal Error" },
	{ 501, "Not Implemented" }, { 503, "Service Unavailable" },
	{ 603, "Decline" }, { 0, NULL }
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* Length of the first line of p[0..n), without its end; -1: unended. */
static long
first_len(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < SIP_LINE; i++)
		if (p[i] == '\n')
			return (long)(i > 0 && p[i - 1] == '\r' ? i - 1 : i);
	return -1;
}

/*
 * Whether p[0..n) starts a SIP message: "SIP/2.0 NNN" or a method (upper
 * case letters) followed by a URI without blanks and " SIP/2.0" ending
 * the line.  *resp says which.
 */
static int
starts_sip(const uint8_t *p, size_t n, int *resp)
{
	long len;
	size_t i, sp;

	/* The cheap test first: most payloads fail at the first bytes. */
	for (i = 0; i < n && i < 32 && p[i] >= 'A' && p[i] <= 'Z'; i++)
		;
	if (n < 11 || i == 0 || i >= n || (p[i] != ' ' && p[i] != '/' &&
	    p[i] != '-') || (len = first_len(p, n)) < 11)
		return 0;
	if (memcmp(p, "SIP/2.0 ", 8) == 0) {
		*resp = 1;
		return p[8] >= '1' && p[8] <= '6' && p[9] >= '0' &&
		    p[9] <= '9' && p[10] >= '0' && p[10] <= '9' &&
		    (len == 11 || p[11] == ' ');
	}
	*resp = 0;
	for (i = 0; i < (size_t)len && i < 32 && ((p[i] >= 'A' &&
	    p[i] <= 'Z') || p[i] == '-'); i++)
		;
	if (i == 0 || i >= (size_t)len || p[i] != ' ')
		return 0;
	for (sp = i + 1; sp < (size_t)len && p[sp] > ' ' && p[sp] < 0x7f;
	    sp++)
		;
	return sp > i + 4 && (size_t)len - sp == 8 &&
	    memcmp(p + sp, " SIP/2.0", 8) == 0 &&
	    memchr(p + i + 1, ':', sp - i - 1) != NULL;
}

static void
request_line(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
    size_t n)
{
	size_t sp = 0, u;

	sip_text(d, c, &sip_fields[F_REQLINE], p, 0, n);
	while (sp < n && p[sp] != ' ')
		sp++;
	sip_text(d, c, &sip_fields[F_METHOD], p, 0, sp);
	for (u = sp + 1; u < n && p[u] != ' '; u++)
		;
	if (sp + 1 < u) {
		sip_text(d, c, &sip_fields[F_RURI], p, sp + 1, u - sp - 1);
		sip_uri(d, c, p, sp + 1, u - sp - 1, F_RURI_USER, -1);
	}
}

static void
status_line(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	struct st_field *f;

	sip_text(d, c, &sip_fields[F_STATLINE], p, 0, n);
	if ((f = st_dbytes(d, c, &sip_fields[F_CODE], 8, 3)) != NULL)
		f->val = sip_number(p + 8, 3);
}

static uint64_t
fnv(uint64_t h, const void *v, size_t n)
{
	const uint8_t *b = v;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/* The frame (and *ts) a message with key was first seen in, noting it
 * when new; 0 when this frame is the first. */
static uint64_t
first_seen(uint64_t key, const struct st_packet *pkt, struct timespec *ts)
{
	uint64_t fr = 0;
	unsigned i;

	pthread_mutex_lock(&seen_lock);
	if (pkt->num == 1) {
		memset(seen, 0, sizeof(seen));
		seen_next = 0;
	}
	for (i = 0; i < SIP_TRANS; i++)
		if (seen[i].key == key && seen[i].frame != 0)
			break;
	if (i < SIP_TRANS && seen[i].frame < pkt->num) {
		fr = seen[i].frame;
		*ts = seen[i].ts;
	} else if (i == SIP_TRANS) {
		seen[seen_next].key = key;
		seen[seen_next].frame = pkt->num;
		seen[seen_next].ts = pkt->ts;
		seen_next = (seen_next + 1) % SIP_TRANS;
	}
	pthread_mutex_unlock(&seen_lock);
	return fr;
}

/* The sender's port, from the transport layer below; 0 without one. */
static uint64_t
src_port(const struct st_dctx *d)
{
	const struct st_layer *tl = st_dbelow(d->pkt, d->ly);
	const struct st_field *f;

	if (tl == NULL || tl->proto->ends[0] == NULL ||
	    (f = st_pkt_fd(d->pkt, tl, tl->proto->ends[0])) == NULL)
		return 0;
	return f->val;
}

/* sip.resend, and a response's request frame and delay. */
static void
transaction(struct st_dctx *d, const uint8_t *p, const struct sip_head *h,
    int resp, unsigned code, size_t mlen)
{
	struct st_field *f;
	struct timespec ts;
	uint64_t k, m, port = src_port(d), fr;
	int64_t ms;

	if (h->ncallid == 0)
		return;
	k = fnv(0xcbf29ce484222325ull, p + h->callid, h->ncallid);
	k = fnv(k, &h->cseq, sizeof(h->cseq));
	k = fnv(k, p + h->cmethod, h->ncmethod);
	m = fnv(k, &resp, sizeof(resp));
	m = fnv(m, &code, sizeof(code));
	m = fnv(m, p, resp ? 0 : mlen);		/* a request's method */
	m = fnv(m, d->net.src, sizeof(d->net.src));
	m = fnv(m, &port, sizeof(port));
	st_dgen(d, &sip_fields[F_RESEND], first_seen(m, d->pkt, &ts) != 0);
	if (!resp) {
		k = fnv(k, "request", 7);
		(void)first_seen(k, d->pkt, &ts);
		return;
	}
	k = fnv(k, "request", 7);
	if ((fr = first_seen(k, d->pkt, &ts)) == 0)
		return;
	st_dgen(d, &sip_fields[F_RESP_REQ], fr);
	ms = ((int64_t)d->pkt->ts.tv_sec - ts.tv_sec) * 1000 +
	    ((int64_t)d->pkt->ts.tv_nsec - ts.tv_nsec) / 1000000;
	if ((f = st_dgen(d, &sip_fields[F_RESP_TIME], 0)) != NULL)
		f->val = ms > 0 ? (uint64_t)ms : 0;
}

static int
sip_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), end, m;
	const uint8_t *p = bytes_at(c, left);
	struct sip_head h;
	long len;
	int resp;

	if (p == NULL || !starts_sip(p, left, &resp))
		return ST_ENOTME;
	len = first_len(p, left);
	if (resp)
		status_line(d, c, p, (size_t)len);
	else
		request_line(d, c, p, (size_t)len);
	memset(&h, 0, sizeof(h));
	end = sip_headers(d, c, p, (size_t)len + (p[len] == '\r' ? 2 : 1),
	    left, &h);
	for (m = 0; !resp && m < (size_t)len && p[m] != ' '; m++)
		;
	transaction(d, p, &h, resp, resp ? (unsigned)sip_number(p + 8, 3) :
	    0, m);
	d->hdr = end;
	if (end == left && (left < 2 || p[left - 1] != '\n')) {
		st_pkt_note(d->pkt, "SIP: the head continues in a later "
		    "segment");
		return ST_OK;
	}
	if (h.has_clen && h.clen < left - end)
		d->plen = (size_t)h.clen;
	if (end < left && h.sdp && (!h.has_clen || h.clen > 0))
		d->next = &st_proto_sdp;
	return ST_OK;
}

static int
sip_heuristic(struct st_cur *c)
{
	size_t left = st_cur_left(c);
	const uint8_t *p = bytes_at(c, left);
	int resp;

	return p != NULL && starts_sip(p, left, &resp);
}

static const struct st_bind sip_binds[] = {
	{ ST_KEY_UDPPORT, SIP_PORT },
	{ ST_KEY_TCPPORT, SIP_PORT },
};

/* "sip INVITE sip:bob@b.test call-id X", "sip 200 OK (INVITE)". */
static int
sip_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NSIP], *hf[H_NHDR];
	const char *m;

	st_ly_fields(s->pkt, ly, sip_fields, F_NSIP, f);
	st_ly_fields(s->pkt, ly, sip_hdr_fields, H_NHDR, hf);
	st_out_puts(s->o, "sip");
	if (f[F_METHOD] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_METHOD]);
		if (f[F_RURI] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_RURI]);
		}
		if (hf[H_CALL_ID] != NULL) {
			st_out_puts(s->o, " call-id ");
			s->value(s, hf[H_CALL_ID]);
		}
	} else if (f[F_CODE] != NULL) {
		st_out_printf(s->o, " %u", (unsigned)f[F_CODE]->val);
		if ((m = st_valname(status_names, (uint32_t)f[F_CODE]->val)) !=
		    NULL)
			st_out_printf(s->o, " %s", m);
		if (f[F_CSEQ_METHOD] != NULL) {
			st_out_puts(s->o, " (");
			s->value(s, f[F_CSEQ_METHOD]);
			st_out_putc(s->o, ')');
		}
	}
	return 1;
}

static const struct st_field_desc *const sip_keys[] = {
	&sip_fields[F_METHOD], &sip_fields[F_RURI], &sip_fields[F_CODE],
	&sip_hdr_fields[H_CALL_ID], &sip_hdr_fields[H_CSEQ], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_sip = {
	.name = "sip",
	.ws = "sip",
	.title = "Session Initiation Protocol",
	.rfc = "RFC 3261",
	.role = ST_ROLE_APP,
	.fields = sip_fields,
	.nfields = F_NSIP,
	.more = sip_hdr_fields,
	.nmore = H_NHDR,
	.decode = sip_decode,
	.binds = sip_binds,
	.nbinds = NFIELDS(sip_binds),
	.heuristic = sip_heuristic,
	/* @summary */
	.summary = sip_summary,
	/* @views */
	.keys = sip_keys,
	.color = "\033[95m",
	.explain = "Sets up, changes and ends calls and other sessions. A "
	    "request (INVITE, ACK, BYE, CANCEL, REGISTER, OPTIONS, ...) names "
	    "a SIP URI; a response gives a status code (1xx provisional, 2xx "
	    "success, 3xx-6xx failures).  Via records the path back, From and "
	    "To the parties with their tags, Call-ID and CSeq the dialog and "
	    "transaction; a body (usually SDP, RFC 4566) offers and answers "
	    "the media: the addresses and ports the RTP will use.  Headers "
	    "have compact one-letter forms (v, f, t, i, m, l, c).",
	/* @craft */
	/* @probes */
};
