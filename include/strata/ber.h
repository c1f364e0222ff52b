/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small bounded reader of ASN.1 BER (X.690) for the decoders of
 * protocols that encode their messages so (SNMP, LDAP, Kerberos): one
 * element's identifier and length, and the values of the universal types
 * they use.  It knows no protocol.  Every read goes through the cursor;
 * only definite lengths are accepted, tags and lengths are bounded.
 */
#ifndef STRATA_BER_H
#define STRATA_BER_H

#include <stddef.h>
#include <stdint.h>

#include "strata/cursor.h"

/* Identifier classes (the identifier byte's top two bits). */
enum {
	ST_BER_UNIVERSAL = 0,
	ST_BER_APPLICATION = 1,
	ST_BER_CONTEXT = 2,
	ST_BER_PRIVATE = 3
};

/* Universal tags. */
enum {
	ST_BER_BOOLEAN = 1,
	ST_BER_INTEGER = 2,
	ST_BER_BITSTRING = 3,
	ST_BER_OCTETS = 4,
	ST_BER_NULL = 5,
	ST_BER_OID = 6,
	ST_BER_ENUMERATED = 10,
	ST_BER_SEQUENCE = 16,
	ST_BER_SET = 17
};

/* One element: where it is and what it says it is. */
struct st_ber {
	uint8_t		 cls;		/* ST_BER_UNIVERSAL ... */
	uint8_t		 cons;		/* constructed (holds elements) */
	uint32_t	 tag;		/* tag number */
	size_t		 start;		/* first byte of the identifier, from
					   the cursor's base */
	size_t		 off;		/* first byte of the contents */
	size_t		 len;		/* content bytes the length says */
};

/*
 * Reads the identifier and length of the element at c's position, which
 * must end by lim (an offset from the cursor's base: the end of the
 * enclosing element).  Does not move c.  Returns ST_OK; ST_ETRUNC when the
 * identifier or length bytes are not all captured; ST_EINVAL when they lie
 * (an indefinite length, more than 4 length bytes, a tag above 2^28, or
 * contents running past lim).  Contents may run past what was captured.
 */
int	st_ber_read(const struct st_cur *c, size_t lim, struct st_ber *t);

/* A cursor over the contents of t: c's buffer from t->off to its end. */
struct st_cur st_ber_inside(const struct st_cur *c, const struct st_ber *t);

/*
 * The contents of t as a two's complement integer (INTEGER, ENUMERATED):
 * returns ST_OK, ST_ETRUNC (not all captured) or ST_EINVAL (empty or more
 * than 8 bytes, or 9 with a leading zero when unsigned).
 */
int	st_ber_int(const struct st_cur *c, const struct st_ber *t,
	    int64_t *v);
int	st_ber_uint(const struct st_cur *c, const struct st_ber *t,
	    uint64_t *v);

/*
 * The contents of t as an OBJECT IDENTIFIER in dotted text ("1.3.6.1")
 * into buf (n bytes, NUL-terminated, cut with "..." when it does not fit).
 * Returns ST_OK, ST_ETRUNC or ST_EINVAL (empty, a sub-identifier over 64
 * bits or ending mid-way).
 */
int	st_ber_oid(const struct st_cur *c, const struct st_ber *t, char *buf,
	    size_t n);

/*
 * For decoders: a walk over the elements inside one, adding fields to the
 * layer being decoded.  Each helper returns ST_OK, ST_ETRUNC (bytes not
 * captured) or ST_EINVAL (the layer marked malformed with the reason).
 */
struct st_dctx;
struct st_field_desc;
struct st_field;

struct st_bwalk {
	struct st_dctx	*d;
	struct st_cur	 c;		/* the layer's cursor */
	size_t		 pos;		/* the next element, from c's base */
	size_t		 lim;		/* where the elements end */
};

/* The next element into t (any class and tag). */
int	st_ber_next(struct st_bwalk *w, struct st_ber *t);
/* The next element, which must be of class cls and tag tag (-1: any). */
int	st_ber_expect(struct st_bwalk *w, struct st_ber *t, int cls, int tag);
/* A walk over the contents of t. */
struct st_bwalk st_ber_walk_in(const struct st_bwalk *w,
	    const struct st_ber *t);
/* Adds field fd over t's contents (those captured) with value v. */
struct st_field *st_ber_add(struct st_bwalk *w, const struct st_ber *t,
	    const struct st_field_desc *fd, uint64_t v);
/* t's INTEGER as field fd; a negative value as text in txt (NULL: as its
 * two's complement in fd).  *out (if not NULL) gets the value. */
int	st_ber_fint(struct st_bwalk *w, const struct st_ber *t,
	    const struct st_field_desc *fd, const struct st_field_desc *txt,
	    int64_t *out);
/* t's contents as an unsigned number in field fd. */
int	st_ber_fuint(struct st_bwalk *w, const struct st_ber *t,
	    const struct st_field_desc *fd);
/* t's OBJECT IDENTIFIER as dotted text in field fd. */
int	st_ber_foid(struct st_bwalk *w, const struct st_ber *t,
	    const struct st_field_desc *fd);
/* t's contents as field fd: escaped text (fd's format ST_FMT_TEXT), or
 * its bytes. */
int	st_ber_fstr(struct st_bwalk *w, const struct st_ber *t,
	    const struct st_field_desc *fd);

#endif /* STRATA_BER_H */
