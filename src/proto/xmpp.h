/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * XMPP's reader of a segment's XML (xmppxml.c), for xmpp.c: the elements
 * in document order with their attributes and first text, bounded, and
 * the look-ups its handlers make.  Included by those two files, and by
 * xml.c for xml_is_space and xml_is_name.
 */
#ifndef STRATA_PROTO_XMPP_H
#define STRATA_PROTO_XMPP_H

#include "fields.h"

#define XMPP_ELEMS	128	/* elements read from one segment */
#define XMPP_ATTRS	256	/* attributes read from one segment */
#define XMPP_FAKE	64	/* attributes made up from children */
#define XMPP_DEPTH	16	/* elements open at once */

/* A range of the segment's bytes, or a made-up text (lit). */
struct span {
	size_t		 off, len;
	const char	*lit;
};

struct xattr {
	struct span	 name, val;
	uint8_t		 read;
};

struct xel {
	struct span	 name;		/* without its prefix */
	size_t		 off, end;	/* the element's bytes */
	struct span	 data;		/* its first text, trimmed */
	int		 hasdata, pi, read;
	int		 parent, child, next, last;
	unsigned	 a0, na;	/* its attributes */
};

/* One segment read as XML: the elements in document order. */
struct xdoc {
	const uint8_t	*p;
	size_t		 n;
	struct xel	 el[XMPP_ELEMS];
	unsigned	 nel;
	struct xattr	 at[XMPP_ATTRS];
	unsigned	 nat;
	struct xattr	 fk[XMPP_FAKE];	/* made-up attributes, */
	int		 fkel[XMPP_FAKE];	/* of these elements */
	unsigned	 nfk;
	int		 top, toplast;	/* the first and last top element */
};

/* White space; a byte of a name. */
int	xml_is_space(uint8_t b);
int	xml_is_name(uint8_t b);
/* Reads the n bytes at p into x: elements, their attributes and first
 * text, as far as the XML goes; 0, or 1 + the offset of a tag that does
 * not parse. */
size_t	xml_read(struct xdoc *x, const uint8_t *p, size_t n);
/* Whether span s reads w. */
int	xml_span_is(const struct xdoc *x, const struct span *s, const char *w);
/* Element e's i-th attribute (its made-up ones after its own), NULL past
 * the last; the one named w, marked read; a made-up one. */
struct xattr *xml_attr_at(struct xdoc *x, const struct xel *e, unsigned i);
struct xattr *xml_get_attr(struct xdoc *x, struct xel *e, const char *w);
void	xml_fake_attr(struct xdoc *x, struct xel *e, const char *name,
	    const struct span *val);
/* The first unread child of e named w (with attribute an = av when an is
 * set), marked read; -1 if none. */
int	xml_steal(struct xdoc *x, struct xel *e, const char *w, const char *an,
	    const char *av);
/* The text of element c as a span ("" when it has none, or dflt). */
struct span xml_text_of(const struct xel *c, const char *dflt);

#endif /* STRATA_PROTO_XMPP_H */
