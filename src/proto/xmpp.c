/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * XMPP (RFC 6120), TCP 5222 (client to server) and 5269 (server to
 * server): one XML document per direction, opened by <stream:stream>,
 * whose children are the stanzas (<iq>, <message>, <presence>) and the
 * negotiation (<stream:features>, <starttls/>, <proceed/>, SASL's <auth>,
 * <success/>, <failure/>), closed by </stream:stream>.
 *
 * As Wireshark's dissector, which reads the XML dissector's tree: each
 * top-level element of a segment is shown after a flag saying its
 * direction (xmpp.out towards the port, else xmpp.in), under its own
 * field with the attributes the dissector knows (id, type, from, to;
 * xmlns), the others as xmpp.attribute (a known one without a field of
 * its own) or xmpp.unknown_attr (its name); a child no handler takes is
 * xmpp.unknown (its name) with its attributes and text below it.  A
 * segment whose last byte other than white space is not '>' is the start
 * of an element tshark waits for (none is shown); one of white space
 * only is a keepalive; one that starts with a closing tag is the
 * stream's end.  The XML itself (tshark's xml layer, which strata does
 * not make) is shown as text, strata.xmpp.xml.
 * Element names lose their prefix (stream:features is "features").
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"
#include "xmpp.h"

#define XMPP_C2S	5222
#define XMPP_S2S	5269
#define XMPP_TEXT	512	/* bytes of one value shown */

enum { F_OUT, F_IN, F_HDRVER, F_STREAM, F_END, F_XMLNS, F_ATTR, F_UATTR,
	F_UNKNOWN, F_CDATA, F_ID, F_TYPE, F_FROM, F_TO, F_IQ, F_QUERY,
	F_QITEM, F_QJID, F_QNAME, F_QSUB, F_QASK, F_QGROUP, F_BIND, F_BJID,
	F_BRES, F_SESSION, F_PING, F_ERROR, F_ECODE, F_ETYPE, F_ECOND,
	F_ETEXT, F_MESSAGE, F_CHATSTATE, F_THREAD, F_PARENT, F_BODY,
	F_SUBJECT, F_PRESENCE, F_SHOW, F_STATUS, F_CAPS, F_AUTH,
	F_FAILURE, F_FAILTEXT, F_FEATURES, F_STARTTLS, F_PROCEED, F_ELEM,
	F_XML, F_NXMPP };

/* A marker with no value of its own (Wireshark's FT_NONE). */
#define FN(n, l)	FD(NULL, n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc xmpp_fields[F_NXMPP] = {
	[F_OUT] = FDG("xmpp.out", "Out (to the server port)", ST_FMT_BOOL,
	    NULL),
	[F_IN] = FDG("xmpp.in", "In (from the server port)", ST_FMT_BOOL,
	    NULL),
	[F_HDRVER] = FD(NULL, "xmpp.xml_header_version", "XML header version",
	    0, 0, ST_FMT_TEXT),
	[F_STREAM] = FN("xmpp.stream", "STREAM"),
	[F_END] = FN("xmpp.stream_end", "STREAM END"),
	[F_XMLNS] = FD(NULL, "xmpp.xmlns", "xmlns", 0, 0, ST_FMT_TEXT),
	[F_ATTR] = FD(NULL, "xmpp.attribute", "Attribute", 0, 0, ST_FMT_TEXT),
	[F_UATTR] = FD(NULL, "xmpp.unknown_attr", "Unknown attribute", 0, 0,
	    ST_FMT_TEXT),
	[F_UNKNOWN] = FD(NULL, "xmpp.unknown", "Unknown element", 0, 0,
	    ST_FMT_TEXT),
	[F_CDATA] = FD(NULL, "xmpp.cdata", "CDATA", 0, 0, ST_FMT_TEXT),
	[F_ID] = FD("id", "xmpp.id", "id", 0, 0, ST_FMT_TEXT),
	[F_TYPE] = FD("type", "xmpp.type", "type", 0, 0, ST_FMT_TEXT),
	[F_FROM] = FD("from", "xmpp.from", "from", 0, 0, ST_FMT_TEXT),
	[F_TO] = FD("to", "xmpp.to", "to", 0, 0, ST_FMT_TEXT),
	[F_IQ] = FN("xmpp.iq", "IQ"),
	[F_QUERY] = FN("xmpp.query", "QUERY"),
	[F_QITEM] = FN("xmpp.query.item", "ITEM"),
	[F_QJID] = FD(NULL, "xmpp.query.item.jid", "jid", 0, 0, ST_FMT_TEXT),
	[F_QNAME] = FD(NULL, "xmpp.query.item.name", "name", 0, 0,
	    ST_FMT_TEXT),
	[F_QSUB] = FD(NULL, "xmpp.query.item.subscription", "subscription",
	    0, 0, ST_FMT_TEXT),
	[F_QASK] = FD(NULL, "xmpp.query.item.ask", "ask", 0, 0, ST_FMT_TEXT),
	[F_QGROUP] = FD(NULL, "xmpp.query.item.group", "group", 0, 0,
	    ST_FMT_TEXT),
	[F_BIND] = FN("xmpp.iq.bind", "BIND"),
	[F_BJID] = FD(NULL, "xmpp.iq.bind.jid", "jid", 0, 0, ST_FMT_TEXT),
	[F_BRES] = FD(NULL, "xmpp.iq.bind.resource", "resource", 0, 0,
	    ST_FMT_TEXT),
	[F_SESSION] = FN("xmpp.iq.session", "SESSION"),
	[F_PING] = FN("xmpp.ping", "PING"),
	[F_ERROR] = FN("xmpp.error", "ERROR"),
	[F_ECODE] = FD(NULL, "xmpp.error.code", "code", 0, 0, ST_FMT_TEXT),
	[F_ETYPE] = FD(NULL, "xmpp.error.type", "type", 0, 0, ST_FMT_TEXT),
	[F_ECOND] = FD(NULL, "xmpp.error.condition", "condition", 0, 0,
	    ST_FMT_TEXT),
	[F_ETEXT] = FD(NULL, "xmpp.error.text", "text", 0, 0, ST_FMT_TEXT),
	[F_MESSAGE] = FN("xmpp.message", "MESSAGE"),
	[F_CHATSTATE] = FD(NULL, "xmpp.message.chatstate", "chatstate", 0, 0,
	    ST_FMT_TEXT),
	[F_THREAD] = FN("xmpp.message.thread", "THREAD"),
	[F_PARENT] = FD(NULL, "xmpp.message.thread.parent", "parent", 0, 0,
	    ST_FMT_TEXT),
	[F_BODY] = FN("xmpp.message.body", "BODY"),
	[F_SUBJECT] = FN("xmpp.message.subject", "SUBJECT"),
	[F_PRESENCE] = FN("xmpp.presence", "PRESENCE"),
	[F_SHOW] = FD(NULL, "xmpp.presence.show", "show", 0, 0, ST_FMT_TEXT),
	[F_STATUS] = FN("xmpp.presence.status", "STATUS"),
	[F_CAPS] = FN("xmpp.presence.caps", "CAPS"),
	[F_AUTH] = FN("xmpp.auth", "AUTH"),
	[F_FAILURE] = FN("xmpp.failure", "FAILURE"),
	[F_FAILTEXT] = FD(NULL, "xmpp.failure_text", "text", 0, 0,
	    ST_FMT_TEXT),
	[F_FEATURES] = FN("xmpp.features", "FEATURES"),
	[F_STARTTLS] = FN("xmpp.starttls", "STARTTLS"),
	[F_PROCEED] = FN("xmpp.proceed", "PROCEED"),
	/* which element it is, whether Wireshark knows it or not */
	[F_ELEM] = FD(NULL, "strata.xmpp.element", "Element", 0, 0,
	    ST_FMT_TEXT),
	/* the segment's XML as text (tshark's xml layer) */
	[F_XML] = FD(NULL, "strata.xmpp.xml", "XML", 0, 0, ST_FMT_TEXT),
};

/* The context of the element handlers. */
struct xctx {
	struct st_dctx	*d;
	struct st_cur	*c;
	struct xdoc	*x;
};

/* Adds field f over span s (within element e's bytes when s is made up)
 * holding its text. */
static void
put(struct xctx *k, unsigned f, const struct xel *e, const struct span *s)
{
	char buf[XMPP_TEXT * 4 + 8];
	size_t n;

	if (s->lit != NULL) {
		st_dtext(k->d, k->c, &xmpp_fields[f], e->off, e->end - e->off,
		    s->lit);
		return;
	}
	n = s->len < XMPP_TEXT ? s->len : XMPP_TEXT;
	st_escape_ascii(k->x->p + s->off, n, buf, sizeof(buf));
	st_dtext(k->d, k->c, &xmpp_fields[f], s->off, s->len, buf);
}

/* A marker field over element e. */
static void
mark(struct xctx *k, unsigned f, const struct xel *e)
{
	st_dtext(k->d, k->c, &xmpp_fields[f], e->off, e->end - e->off, "");
}

/* One known attribute: its name and its field (F_ATTR: none of its own). */
struct ainfo {
	const char	*name;
	unsigned	 f;
};

/* Wireshark's xmpp_unknown_attrs(): e's attributes not read. */
static void
unknown_attrs(struct xctx *k, struct xel *e)
{
	struct xattr *a;
	unsigned i;

	for (i = 0; (a = xml_attr_at(k->x, e, i)) != NULL; i++) {
		if (a->read)
			continue;
		a->read = 1;
		if (xml_span_is(k->x, &a->name, "xmlns") || (a->name.lit == NULL &&
		    a->name.len > 6 && memcmp(k->x->p + a->name.off, "xmlns:",
		    6) == 0))
			put(k, F_XMLNS, e, &a->val);
		else
			put(k, F_UATTR, e, &a->name);
	}
}

/* Wireshark's xmpp_display_attrs(): the known ones in its order, then
 * the rest. */
static void
show_attrs(struct xctx *k, struct xel *e, const struct ainfo *ai, size_t n)
{
	struct xattr *a;
	size_t i;

	for (i = 0; i < n; i++)
		if ((a = xml_get_attr(k->x, e, ai[i].name)) != NULL)
			put(k, ai[i].f, e, &a->val);
	unknown_attrs(k, e);
}

/* Wireshark's xmpp_unknown_items(), to a bounded depth: attributes,
 * text, and the children's the same way. */
static void
unknown_items(struct xctx *k, struct xel *e, unsigned level)
{
	int c;

	unknown_attrs(k, e);
	if (e->hasdata)
		put(k, F_CDATA, e, &e->data);
	if (level >= XMPP_DEPTH)
		return;
	for (c = e->child; c >= 0; c = k->x->el[c].next)
		unknown_items(k, &k->x->el[c], level + 1);
}

/* Wireshark's xmpp_unknown(): each child of e no handler took. */
static void
unknown(struct xctx *k, struct xel *e)
{
	int c;

	for (c = e->child; c >= 0; c = k->x->el[c].next) {
		if (k->x->el[c].read)
			continue;
		k->x->el[c].read = 1;
		put(k, F_UNKNOWN, &k->x->el[c], &k->x->el[c].name);
		unknown_items(k, &k->x->el[c], 1);
	}
}

/* An element whose text is its value (body, subject, thread, status):
 * marker f, then its attributes with the text as "value". */
static void
valued(struct xctx *k, struct xel *e, unsigned f, const struct ainfo *ai,
    size_t n, const char *empty)
{
	struct span v = xml_text_of(e, empty);

	mark(k, f, e);
	xml_fake_attr(k->x, e, "value", &v);
	show_attrs(k, e, ai, n);
	unknown(k, e);
}

static void
roster(struct xctx *k, struct xel *q)
{
	static const struct ainfo qa[] = { { "xmlns", F_XMLNS },
		{ "ver", F_ATTR } };
	static const struct ainfo ia[] = { { "jid", F_QJID },
		{ "name", F_QNAME }, { "subscription", F_QSUB },
		{ "ask", F_QASK } };
	struct span g;
	struct xel *it;
	int c, gc;

	mark(k, F_QUERY, q);
	show_attrs(k, q, qa, NFIELDS(qa));
	while ((c = xml_steal(k->x, q, "item", NULL, NULL)) >= 0) {
		it = &k->x->el[c];
		mark(k, F_QITEM, it);
		while ((gc = xml_steal(k->x, it, "group", NULL, NULL)) >= 0) {
			g = xml_text_of(&k->x->el[gc], "");
			put(k, F_QGROUP, &k->x->el[gc], &g);
		}
		show_attrs(k, it, ia, NFIELDS(ia));
		unknown(k, it);
	}
	unknown(k, q);
}

static void
bind(struct xctx *k, struct xel *b)
{
	static const struct ainfo ba[] = { { "xmlns", F_XMLNS },
		{ "resource", F_BRES }, { "jid", F_BJID } };
	struct span v;
	int c;

	mark(k, F_BIND, b);
	if ((c = xml_steal(k->x, b, "resource", NULL, NULL)) >= 0) {
		v = xml_text_of(&k->x->el[c], "");
		xml_fake_attr(k->x, b, "resource", &v);
	}
	if ((c = xml_steal(k->x, b, "jid", NULL, NULL)) >= 0) {
		v = xml_text_of(&k->x->el[c], "");
		xml_fake_attr(k->x, b, "jid", &v);
	}
	show_attrs(k, b, ba, NFIELDS(ba));
	unknown(k, b);
}

/* An element shown as marker f with its xmlns (session, ping, starttls,
 * proceed). */
static void
simple(struct xctx *k, struct xel *e, unsigned f)
{
	static const struct ainfo xa[] = { { "xmlns", F_XMLNS } };

	mark(k, f, e);
	show_attrs(k, e, xa, NFIELDS(xa));
	unknown(k, e);
}

static void
error(struct xctx *k, struct xel *e)
{
	static const struct ainfo ea[] = { { "type", F_ETYPE },
		{ "code", F_ECODE }, { "condition", F_ECOND } };
	struct span v;
	int c;

	mark(k, F_ERROR, e);
	if ((c = xml_steal(k->x, e, NULL, "xmlns",
	    "urn:ietf:params:xml:ns:xmpp-stanzas")) >= 0)
		xml_fake_attr(k->x, e, "condition", &k->x->el[c].name);
	show_attrs(k, e, ea, NFIELDS(ea));
	while ((c = xml_steal(k->x, e, "text", NULL, NULL)) >= 0) {
		v = xml_text_of(&k->x->el[c], "");
		put(k, F_ETEXT, &k->x->el[c], &v);
	}
	unknown(k, e);
}

static void
iq(struct xctx *k, struct xel *e)
{
	static const struct ainfo ia[] = { { "xmlns", F_XMLNS },
		{ "id", F_ID }, { "type", F_TYPE }, { "from", F_FROM },
		{ "to", F_TO }, { "xml:lang", F_ATTR } };
	int c;

	mark(k, F_IQ, e);
	show_attrs(k, e, ia, NFIELDS(ia));
	if ((c = xml_steal(k->x, e, "query", "xmlns", "jabber:iq:roster")) >= 0)
		roster(k, &k->x->el[c]);
	if ((c = xml_steal(k->x, e, "bind", NULL, NULL)) >= 0)
		bind(k, &k->x->el[c]);
	if ((c = xml_steal(k->x, e, "session", "xmlns",
	    "urn:ietf:params:xml:ns:xmpp-session")) >= 0)
		simple(k, &k->x->el[c], F_SESSION);
	if ((c = xml_steal(k->x, e, "error", NULL, NULL)) >= 0)
		error(k, &k->x->el[c]);
	if ((c = xml_steal(k->x, e, "ping", "xmlns", "urn:xmpp:ping")) >= 0)
		simple(k, &k->x->el[c], F_PING);
	unknown(k, e);
}

static void
presence(struct xctx *k, struct xel *e)
{
	static const struct ainfo pa[] = { { "from", F_FROM }, { "id", F_ID },
		{ "to", F_TO }, { "type", F_TYPE }, { "xml:lang", F_ATTR },
		{ "show", F_SHOW }, { "priority", F_ATTR } };
	static const struct ainfo sa[] = { { "xml:lang", F_ATTR },
		{ "value", F_ATTR } };
	static const struct ainfo ca[] = { { "xmlns", F_XMLNS },
		{ "ext", F_ATTR }, { "hash", F_ATTR }, { "node", F_ATTR },
		{ "ver", F_ATTR } };
	struct span v;
	int c;

	mark(k, F_PRESENCE, e);
	if ((c = xml_steal(k->x, e, "show", NULL, NULL)) >= 0) {
		v = xml_text_of(&k->x->el[c], "");
		xml_fake_attr(k->x, e, "show", &v);
	}
	if ((c = xml_steal(k->x, e, "priority", NULL, NULL)) >= 0) {
		v = xml_text_of(&k->x->el[c], "");
		xml_fake_attr(k->x, e, "priority", &v);
	}
	show_attrs(k, e, pa, NFIELDS(pa));
	while ((c = xml_steal(k->x, e, "status", NULL, NULL)) >= 0)
		valued(k, &k->x->el[c], F_STATUS, sa, NFIELDS(sa), "(empty)");
	if ((c = xml_steal(k->x, e, "c", "xmlns",
	    "http://jabber.org/protocol/caps")) >= 0) {
		mark(k, F_CAPS, &k->x->el[c]);
		show_attrs(k, &k->x->el[c], ca, NFIELDS(ca));
		unknown(k, &k->x->el[c]);
	}
	if ((c = xml_steal(k->x, e, "error", NULL, NULL)) >= 0)
		error(k, &k->x->el[c]);
	unknown(k, e);
}

static void
message(struct xctx *k, struct xel *e)
{
	static const struct ainfo ma[] = { { "from", F_FROM }, { "id", F_ID },
		{ "to", F_TO }, { "type", F_TYPE }, { "xml:lang", F_ATTR },
		{ "chatstate", F_CHATSTATE } };
	static const struct ainfo ta[] = { { "parent", F_PARENT },
		{ "value", F_ATTR } };
	static const struct ainfo ba[] = { { "xml:lang", F_ATTR },
		{ "value", F_ATTR } };
	int c;

	mark(k, F_MESSAGE, e);
	if ((c = xml_steal(k->x, e, NULL, "xmlns",
	    "http://jabber.org/protocol/chatstates")) >= 0)
		xml_fake_attr(k->x, e, "chatstate", &k->x->el[c].name);
	show_attrs(k, e, ma, NFIELDS(ma));
	if ((c = xml_steal(k->x, e, "thread", NULL, NULL)) >= 0)
		valued(k, &k->x->el[c], F_THREAD, ta, NFIELDS(ta), "");
	while ((c = xml_steal(k->x, e, "body", NULL, NULL)) >= 0)
		valued(k, &k->x->el[c], F_BODY, ba, NFIELDS(ba), "");
	while ((c = xml_steal(k->x, e, "subject", NULL, NULL)) >= 0)
		valued(k, &k->x->el[c], F_SUBJECT, ba, NFIELDS(ba), "");
	if ((c = xml_steal(k->x, e, "error", NULL, NULL)) >= 0)
		error(k, &k->x->el[c]);
	unknown(k, e);
}

/* auth (f F_AUTH), or challenge, response, success (no marker): xmlns,
 * the mechanism, the text (even none). */
static void
sasl(struct xctx *k, struct xel *e, int f)
{
	static const struct ainfo aa[] = { { "xmlns", F_XMLNS },
		{ "mechanism", F_ATTR } };
	struct span v = xml_text_of(e, "");

	if (f >= 0)
		mark(k, (unsigned)f, e);
	show_attrs(k, e, aa, f >= 0 ? 2 : 1);
	put(k, F_CDATA, e, &v);
	unknown(k, e);
}

static void
failure(struct xctx *k, struct xel *e)
{
	static const char *const conds[] = { "aborted", "account-disabled",
		"credentials-expired", "encryption-required",
		"incorrect-encoding", "invalid-authzid", "invalid-mechanism",
		"malformed-request", "mechanism-too-weak", "not-authorized",
		"temporary-auth-failure", "transition-needed", NULL };
	static const struct ainfo fa[] = { { "xmlns", F_XMLNS },
		{ "condition", F_ATTR } };
	struct span v;
	int c = -1;
	size_t i;

	mark(k, F_FAILURE, e);
	for (i = 0; conds[i] != NULL && c < 0; i++)
		c = xml_steal(k->x, e, conds[i], NULL, NULL);
	if (c >= 0)
		xml_fake_attr(k->x, e, "condition", &k->x->el[c].name);
	if ((c = xml_steal(k->x, e, "text", NULL, NULL)) >= 0) {
		v = xml_text_of(&k->x->el[c], "");
		put(k, F_FAILTEXT, &k->x->el[c], &v);
	}
	show_attrs(k, e, fa, NFIELDS(fa));
	unknown(k, e);
}

static void
features(struct xctx *k, struct xel *e)
{
	static const struct ainfo xa[] = { { "xmlns", F_XMLNS } };
	struct span v;
	struct xel *m;
	int c, mc;

	mark(k, F_FEATURES, e);
	unknown_attrs(k, e);
	while ((c = xml_steal(k->x, e, "mechanisms", NULL, NULL)) >= 0) {
		m = &k->x->el[c];
		show_attrs(k, m, xa, NFIELDS(xa));
		while ((mc = xml_steal(k->x, m, "mechanism", NULL, NULL)) >= 0) {
			v = xml_text_of(&k->x->el[mc], "");
			put(k, F_CDATA, &k->x->el[mc], &v);
		}
		unknown(k, m);
	}
	unknown(k, e);
}

/* One top element, after its direction. */
static void
top(struct xctx *k, struct xel *e)
{
	struct xattr *a;

	if (e->pi) {
		if (xml_span_is(k->x, &e->name, "xml") &&
		    (a = xml_get_attr(k->x, e, "version")) != NULL)
			put(k, F_HDRVER, e, &a->val);
		return;
	}
	if (xml_span_is(k->x, &e->name, "iq"))
		iq(k, e);
	else if (xml_span_is(k->x, &e->name, "presence"))
		presence(k, e);
	else if (xml_span_is(k->x, &e->name, "message"))
		message(k, e);
	else if (xml_span_is(k->x, &e->name, "auth"))
		sasl(k, e, F_AUTH);
	else if (xml_span_is(k->x, &e->name, "challenge") ||
	    xml_span_is(k->x, &e->name, "response") ||
	    xml_span_is(k->x, &e->name, "success"))
		sasl(k, e, -1);
	else if (xml_span_is(k->x, &e->name, "failure"))
		failure(k, e);
	else if (xml_span_is(k->x, &e->name, "stream")) {
		mark(k, F_STREAM, e);
		unknown_attrs(k, e);
		unknown(k, e);
	} else if (xml_span_is(k->x, &e->name, "features"))
		features(k, e);
	else if (xml_span_is(k->x, &e->name, "starttls"))
		simple(k, e, F_STARTTLS);
	else if (xml_span_is(k->x, &e->name, "proceed"))
		simple(k, e, F_PROCEED);
}

/* The segment's text, XMPP_TEXT bytes of it at most, in one field. */
static void
xml_text(struct st_dctx *d, struct st_cur *c, const uint8_t *p, size_t n)
{
	char buf[XMPP_TEXT * 4 + 8];

	st_escape(p, n < XMPP_TEXT ? n : XMPP_TEXT, buf, sizeof(buf));
	st_dtext(d, c, &xmpp_fields[F_XML], 0, n, buf);
}

/* Whether the segment is the stream's closing tag, "</name>" or
 * "</prefix:name>" after white space (Wireshark's xmpp_stream_close). */
static int
stream_close(const uint8_t *p, size_t n)
{
	size_t i = 0, k;

	while (i < n && xml_is_space(p[i]))
		i++;
	if (i + 2 >= n || p[i] != '<' || p[i + 1] != '/')
		return 0;
	for (k = i + 2; k < n && xml_is_name(p[k]); k++)
		;
	return k > i + 2 && k < n && p[k] == '>';
}

static int
xmpp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct xdoc doc;
	size_t n = st_cur_left(c), k, bad;
	struct st_cur t = *c;
	struct xctx ctx;
	const uint8_t *p;
	int out, i;

	if (n == 0 || (p = st_get_bytes(&t, n)) == NULL)
		return ST_ENOTME;
	d->hdr = n;
	d->plen = 0;
	for (k = 0; k < n && xml_is_space(p[k]); k++)
		;
	if (k == n)
		return ST_OK;			/* a whitespace keepalive */
	for (k = n; k > 0 && xml_is_space(p[k - 1]); k--)
		;
	/* the start of an element tshark waits for the rest of */
	if (p[k - 1] != '>')
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_ENOTME;
	if (stream_close(p, n)) {
		st_dtext(d, c, &xmpp_fields[F_END], 0, n, "");
		return ST_OK;
	}
	out = st_dport(d->pkt, d->ly, 1) == XMPP_C2S ||
	    st_dport(d->pkt, d->ly, 1) == XMPP_S2S;
	bad = xml_read(&doc, p, n);
	xml_text(d, c, p, n);
	ctx.d = d;
	ctx.c = c;
	ctx.x = &doc;
	for (i = doc.top; i >= 0; i = doc.el[i].next) {
		st_dgen(d, &xmpp_fields[out ? F_OUT : F_IN], 1);
		if (!doc.el[i].pi)
			put(&ctx, F_ELEM, &doc.el[i], &doc.el[i].name);
		top(&ctx, &doc.el[i]);
	}
	if (bad > 0)
		return st_dmalformed(d, "a tag at byte %zu that is not XML",
		    bad - 1);
	if (doc.top < 0)
		st_pkt_note(d->pkt, "XMPP: no XML element in the segment");
	return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
}

/* Only the client port: tshark leaves 5269 unbound. */
static const struct st_bind xmpp_binds[] = {
	{ ST_KEY_TCPPORT, XMPP_C2S },
};

/* "xmpp > iq type=get id=r1 to=example.com, presence": each top element
 * with the stanza attributes shown. */
static int
xmpp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	int dir = 0, n = 0;

	st_out_puts(s->o, "xmpp");
	for (; f < end; f++) {
		if (!dir && (f->desc == &xmpp_fields[F_OUT] ||
		    f->desc == &xmpp_fields[F_IN])) {
			st_out_puts(s->o, f->desc == &xmpp_fields[F_OUT] ?
			    " >" : " <");
			dir = 1;
		} else if (f->desc == &xmpp_fields[F_ELEM]) {
			st_out_puts(s->o, n++ > 0 ? ", " : " ");
			s->value(s, f);
		} else if (f->desc == &xmpp_fields[F_END]) {
			st_out_puts(s->o, " stream end");
			n++;
		} else if (n > 0 && (f->desc == &xmpp_fields[F_TYPE] ||
		    f->desc == &xmpp_fields[F_ID] ||
		    f->desc == &xmpp_fields[F_TO] ||
		    f->desc == &xmpp_fields[F_FROM])) {
			st_out_printf(s->o, " %s=", f->desc->label);
			s->value(s, f);
		}
	}
	if (ly->nfields == 0)
		st_out_puts(s->o, " keepalive");
	return 1;
}

static const struct st_field_desc *const xmpp_keys[] = {
	&xmpp_fields[F_ID], &xmpp_fields[F_TYPE], &xmpp_fields[F_TO],
	&xmpp_fields[F_FROM], NULL,
};

const struct st_proto st_proto_xmpp = {
	.name = "xmpp",
	.ws = "xmpp",
	.title = "XMPP Protocol",
	.rfc = "RFC 6120",
	.role = ST_ROLE_APP,
	.fields = xmpp_fields,
	.nfields = F_NXMPP,
	.decode = xmpp_decode,
	.binds = xmpp_binds,
	.nbinds = NFIELDS(xmpp_binds),
	.summary = xmpp_summary,
	.keys = xmpp_keys,
	.color = "\033[36m",
	.explain = "Instant messaging and presence (Jabber): a client "
	    "connects to TCP port 5222 (a server to another on 5269) and "
	    "each side opens an XML stream with <stream:stream>; the "
	    "server lists its features (STARTTLS, SASL mechanisms), the "
	    "client upgrades to TLS (<starttls/>, <proceed/>) and "
	    "authenticates (<auth>, <success/>), then both send stanzas: "
	    "<iq> a request (type get or set) and its answer (result or "
	    "error) matched by id, <message> a chat line with its <body>, "
	    "<presence> who is online (show, status).  from and to are "
	    "addresses (JIDs: user@domain/resource).  Most streams are "
	    "encrypted after STARTTLS, so only the start is readable.",
};
