/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * XML (W3C XML 1.0) in a body whose media type Wireshark's XML dissector
 * claims (text/xml, application/xml and the +xml types httpbody.c lists),
 * shown as tshark shows it: each markup item a field holding its text as
 * written, in document order.
 *
 *   <?xml version="1.0" encoding="utf-8"?>   xml.xmlpi.xml, and its
 *                                            .version .encoding .standalone
 *   <!DOCTYPE note [ <!ELEMENT ...> ]>       xml.doctype (its name), each
 *                                            declaration an xml.dtdtag
 *   <!-- ... -->                             xml.comment
 *   <a x="1">                                xml.tag, each attribute an
 *                                            xml.attribute (x="1")
 *   text                                     xml.cdata (leading and
 *                                            trailing white space left out)
 *   <![CDATA[ ... ]]>                        xml.cdatasection
 *   </a>                                     no field (tshark's is a label)
 *
 * Text outside every element is xml.unknown; a closing tag with no element
 * open marks the layer malformed, as tshark does.  Wireshark's XML
 * heuristics are off by default: a body is XML only by its media type.
 * Every item is bounded by the body; open elements are counted, their
 * names not kept.
 */
#include <string.h>

#include "strata/out.h"
#include "xmpp.h"

#define XML_TEXT	1024	/* wire bytes of an item's text shown */

enum {
	X_PI, X_PIVER, X_PIENC, X_PISTAND, X_OTHERPI, X_DOCTYPE, X_DTDTAG,
	X_COMMENT, X_TAG, X_ATTR, X_CDATA, X_CDSECT, X_UNKNOWN, X_NXML
};

static const struct st_field_desc xml_fields[] = {
	[X_PI] = FD(NULL, "xml.xmlpi.xml", "XML declaration", 0, 0,
	    ST_FMT_TEXT),
	[X_PIVER] = FD(NULL, "xml.xmlpi.xml.version", "Version", 0, 0,
	    ST_FMT_TEXT),
	[X_PIENC] = FD(NULL, "xml.xmlpi.xml.encoding", "Encoding", 0, 0,
	    ST_FMT_TEXT),
	[X_PISTAND] = FD(NULL, "xml.xmlpi.xml.standalone", "Standalone", 0, 0,
	    ST_FMT_TEXT),
	[X_OTHERPI] = FD(NULL, "xml.xmlpi", "Processing instruction", 0, 0,
	    ST_FMT_TEXT),
	[X_DOCTYPE] = FD(NULL, "xml.doctype", "Document type", 0, 0,
	    ST_FMT_TEXT),
	[X_DTDTAG] = FD(NULL, "xml.dtdtag", "Declaration", 0, 0, ST_FMT_TEXT),
	[X_COMMENT] = FD(NULL, "xml.comment", "Comment", 0, 0, ST_FMT_TEXT),
	[X_TAG] = FD(NULL, "xml.tag", "Tag", 0, 0, ST_FMT_TEXT),
	[X_ATTR] = FD(NULL, "xml.attribute", "Attribute", 0, 0, ST_FMT_TEXT),
	[X_CDATA] = FD(NULL, "xml.cdata", "Text", 0, 0, ST_FMT_TEXT),
	[X_CDSECT] = FD(NULL, "xml.cdatasection", "CDATA section", 0, 0,
	    ST_FMT_TEXT),
	[X_UNKNOWN] = FD(NULL, "xml.unknown", "Text outside the elements", 0,
	    0, ST_FMT_TEXT),
};

#define F(i)	(&xml_fields[(i)])

/* One body being read. */
struct xr {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n;
	int		 cut;		/* an item runs past the body */
};

/* Adds row i over [off, off + len) with its bytes as text. */
static void
item(struct xr *x, unsigned i, size_t off, size_t len)
{
	char buf[XML_TEXT * 4 + 4];

	st_escape(x->p + off, len < XML_TEXT ? len : XML_TEXT, buf,
	    sizeof(buf));
	st_dtext(x->d, x->c, F(i), off, len, buf);
}

/* Where the first s at or after off ends (just past it), or the body's
 * end (x->cut set). */
static size_t
until(struct xr *x, size_t off, const char *s)
{
	size_t k = strlen(s);

	for (; off + k <= x->n; off++)
		if (memcmp(x->p + off, s, k) == 0)
			return off + k;
	x->cut = 1;
	return x->n;
}

/* Whether the body has s at off. */
static int
at(const struct xr *x, size_t off, const char *s)
{
	size_t k = strlen(s);

	return off + k <= x->n && memcmp(x->p + off, s, k) == 0;
}

/* Past a name at off. */
static size_t
name_end(const struct xr *x, size_t off)
{
	while (off < x->n && xml_is_name(x->p[off]))
		off++;
	return off;
}

static size_t
skip_space(const struct xr *x, size_t off, size_t end)
{
	while (off < end && xml_is_space(x->p[off]))
		off++;
	return off;
}

/* A value after '=' at off, quoted or not: [*v, *ve) its text, returns
 * past it (end at the latest). */
static size_t
value(const struct xr *x, size_t off, size_t end, size_t *v, size_t *ve)
{
	uint8_t q;

	if (off < end && (x->p[off] == '"' || x->p[off] == '\'')) {
		q = x->p[off++];
		*v = off;
		while (off < end && x->p[off] != q)
			off++;
		*ve = off;
		return off < end ? off + 1 : end;
	}
	*v = off;
	while (off < end && !xml_is_space(x->p[off]) && x->p[off] != '>' &&
	    !(x->p[off] == '/' && off + 1 < end && x->p[off + 1] == '>'))
		off++;
	*ve = off;
	return off;
}

/* Whether the name at [off, ne) is w. */
static int
named(const struct xr *x, size_t off, size_t ne, const char *w)
{
	return ne - off == strlen(w) && memcmp(x->p + off, w, ne - off) == 0;
}

/* The declaration <?xml ...?> at [off, end): its pseudo-attributes. */
static void
decl(struct xr *x, size_t off, size_t end)
{
	size_t k, nm, ne, e, v, ve;

	item(x, X_PI, off, end - off);
	for (k = off + 5; k < end; ) {
		nm = skip_space(x, k, end);
		ne = name_end(x, nm);
		e = skip_space(x, ne, end);
		if (ne == nm || e >= end || x->p[e] != '=')
			break;
		k = value(x, skip_space(x, e + 1, end), end, &v, &ve);
		if (named(x, nm, ne, "version"))
			item(x, X_PIVER, v, ve - v);
		else if (named(x, nm, ne, "encoding"))
			item(x, X_PIENC, v, ve - v);
		else if (named(x, nm, ne, "standalone"))
			item(x, X_PISTAND, v, ve - v);
	}
}

/* <!DOCTYPE name ... [ <!...> ... ]> at off: its name, then the
 * declarations of an internal subset; returns past it. */
static size_t
doctype(struct xr *x, size_t off)
{
	size_t nm = skip_space(x, off + 9, x->n), ne = name_end(x, nm), k, e;
	char buf[XML_TEXT * 4 + 4];

	for (k = ne; k < x->n && x->p[k] != '[' && x->p[k] != '>'; k++)
		;
	e = k < x->n && x->p[k] == '[' ? until(x, k, "]>") : k < x->n ?
	    k + 1 : (x->cut = 1, x->n);
	st_escape(x->p + nm, ne - nm < XML_TEXT ? ne - nm : XML_TEXT, buf,
	    sizeof(buf));
	st_dtext(x->d, x->c, F(X_DOCTYPE), off, e - off, buf);
	if (k >= x->n || x->p[k] != '[')
		return e;
	for (k++; k < e; ) {
		k = skip_space(x, k, e);
		if (!at(x, k, "<!"))
			break;
		ne = until(x, k, ">");
		item(x, X_DTDTAG, k, ne - k);
		k = ne;
	}
	return e;
}

/* A start tag at off: the tag, then its attributes; *open whether it
 * opens an element (not "<a/>"); returns past it. */
static size_t
tag(struct xr *x, size_t off, int *open)
{
	size_t k = off + 1, e, nm, ne, v, ve;
	uint8_t q = 0;

	/* its end: the first '>' outside quotes */
	for (e = k; e < x->n; e++) {
		if (q != 0) {
			if (x->p[e] == q)
				q = 0;
		} else if (x->p[e] == '"' || x->p[e] == '\'')
			q = x->p[e];
		else if (x->p[e] == '>')
			break;
	}
	if (e < x->n)
		e++;
	else
		x->cut = 1;
	item(x, X_TAG, off, e - off);
	*open = !(e - off >= 2 && x->p[e - 1] == '>' && x->p[e - 2] == '/');
	for (k = name_end(x, k); k < e; ) {
		nm = skip_space(x, k, e);
		ne = name_end(x, nm);
		if (ne == nm)
			break;
		k = skip_space(x, ne, e);
		if (k < e && x->p[k] == '=')
			k = value(x, skip_space(x, k + 1, e), e, &v, &ve);
		else
			k = ne;		/* a name without a value */
		item(x, X_ATTR, nm, k - nm);
	}
	return e;
}

/* Text at off up to the next '<': xml.cdata inside an element, else
 * xml.unknown; white space alone is no item.  Returns past it. */
static size_t
text(struct xr *x, size_t off, unsigned depth)
{
	size_t e = off, t;

	while (e < x->n && x->p[e] != '<')
		e++;
	for (t = e; t > off && xml_is_space(x->p[t - 1]); t--)
		;
	if (t > off)
		item(x, depth > 0 ? X_CDATA : X_UNKNOWN, off, t - off);
	return e;
}

static int
xml_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t = *c;
	struct xr x = { d, c, NULL, st_cur_left(c), 0 };
	size_t pos = 0, e;
	unsigned depth = 0;
	int open, bad = 0;

	d->hdr = x.n;
	d->plen = 0;
	if (x.n == 0 || (x.p = st_get_bytes(&t, x.n)) == NULL)
		return ST_ETRUNC;
	/* each turn reads one item and moves past at least a byte */
	while ((pos = skip_space(&x, pos, x.n)) < x.n) {
		if (x.p[pos] != '<') {
			pos = text(&x, pos, depth);
		} else if (at(&x, pos, "<!--")) {
			e = until(&x, pos + 4, "-->");
			item(&x, X_COMMENT, pos, e - pos);
			pos = e;
		} else if (at(&x, pos, "<![CDATA[")) {
			e = until(&x, pos + 9, "]]>");
			item(&x, X_CDSECT, pos, e - pos);
			pos = e;
		} else if (at(&x, pos, "<!DOCTYPE")) {
			pos = doctype(&x, pos);
		} else if (at(&x, pos, "<?")) {
			e = until(&x, pos + 2, "?>");
			if (at(&x, pos, "<?xml") && pos + 5 < x.n &&
			    (xml_is_space(x.p[pos + 5]) || x.p[pos + 5] == '?'))
				decl(&x, pos, e);
			else
				item(&x, X_OTHERPI, pos, e - pos);
			pos = e;
		} else if (at(&x, pos, "</")) {
			/* a closing tag: a label in tshark's tree */
			if (depth == 0 && !bad)
				bad = st_dmalformed(d, "a closing tag at byte "
				    "%zu closes no element", pos);
			depth -= depth > 0;
			pos = until(&x, pos + 2, ">");
		} else if (pos + 1 < x.n && xml_is_name(x.p[pos + 1])) {
			pos = tag(&x, pos, &open);
			depth += open;
		} else {
			/* a '<' that starts no markup: text */
			e = pos + 1;
			while (e < x.n && x.p[e] != '<')
				e++;
			item(&x, depth > 0 ? X_CDATA : X_UNKNOWN, pos, e - pos);
			pos = e;
		}
	}
	if (bad)
		return ST_EINVAL;
	return x.cut ? ST_ETRUNC : ST_OK;
}

/* "xml <soap:Envelope>, 4 elements" */
static int
xml_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f, *first = NULL;
	const char *m;
	unsigned i, n = 0;
	size_t k;

	for (i = 0; i < ly->nfields; i++) {
		f = &s->pkt->fields[ly->field0 + i];
		if (f->desc != F(X_TAG))
			continue;
		if (first == NULL)
			first = f;
		n++;
	}
	st_out_puts(s->o, "xml");
	if (first == NULL || (m = first->meaning) == NULL)
		return 1;
	for (k = 1; m[k] != '\0' && m[k] != ' ' && m[k] != '>' &&
	    m[k] != '/' && k < 64; k++)
		;
	st_out_puts(s->o, " ");
	st_out_write(s->o, m, k);
	st_out_printf(s->o, ">, %u element%s", n, n == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const xml_keys[] = {
	F(X_TAG), F(X_ATTR), F(X_CDATA), NULL,
};

static const struct st_bind xml_binds[] = {
	{ ST_KEY_MEDIA, ST_MEDIA_XML },
};

const struct st_proto st_proto_xml = {
	.name = "xml",
	.ws = "xml",
	.title = "eXtensible Markup Language",
	.rfc = "RFC 7303",
	.role = ST_ROLE_APP,
	.fields = xml_fields,
	.nfields = X_NXML,
	.decode = xml_decode,
	.binds = xml_binds,
	.nbinds = NFIELDS(xml_binds),
	.summary = xml_summary,
	.keys = xml_keys,
	.explain = "A document of nested elements, as text: a start tag "
	    "<name attr=\"value\" ...>, what the element holds (text and "
	    "other elements), its end tag </name> (or <name/> for an empty "
	    "one).  It may begin with a declaration <?xml version=\"1.0\" "
	    "encoding=\"utf-8\"?> and a <!DOCTYPE> naming its type; comments "
	    "are <!-- ... -->, and <![CDATA[ ... ]]> holds text taken as "
	    "it is.  HTTP, SIP and others carry it in bodies of type "
	    "text/xml, application/xml or application/...+xml (SOAP, Atom, "
	    "presence documents); strata shows each item as tshark does, "
	    "its text as written.",
};
