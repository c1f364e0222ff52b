/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LDAP (RFC 4511): the rows and the element readers shared by ldap.c
 * (messages, binds, results, controls, the descriptor) and ldapsearch.c
 * (search requests with their filters, search result entries).  Included
 * by those two files only.
 */
#ifndef STRATA_PROTO_LDAP_H
#define STRATA_PROTO_LDAP_H

#include "strata/ber.h"
#include "fields.h"

#define LDAP_MAX_ITEMS	64	/* attributes, values, filter items each */
#define LDAP_MAX_DEPTH	8	/* filters nested */
#define LDAP_FILTER_TEXT 512	/* bytes of the filter as text */

enum { F_SASLLEN, F_SASLBUF, F_ID, F_OP, F_VERSION, F_NAME, F_AUTH,
	F_SIMPLE, F_MECH, F_CRED, F_RESULT, F_MATCHED, F_ERRMSG, F_REFERRAL,
	F_SASLCREDS, F_BASE, F_SCOPE, F_DEREF, F_SIZE, F_TIME, F_TYPESONLY,
	F_FILTER, F_FILTERTXT, F_AND, F_ANDITEM, F_OR, F_ORITEM, F_NOT,
	F_ADESC, F_AVAL, F_PRESENT, F_TYPE, F_SUBS, F_SUBITEM, F_INITIAL,
	F_ANY, F_FINAL, F_MRULE, F_MVALUE, F_DNATTR, F_ATTRS, F_ATTRDESC,
	F_OBJNAME, F_VALS, F_AVALUE, F_RESREF, F_URL, F_CONTROLS, F_CTYPE,
	F_CRIT, F_CVALUE, F_PSIZE, F_COOKIE, F_UNBIND, F_OID, F_GUID, F_SID,
	F_RESPTO, F_RTIME, F_NFIELDS };

/* The rows of an LDAP message. */
extern const struct st_field_desc st_ldap_fields[F_NFIELDS];

#define F(i)	(&st_ldap_fields[i])
#define U	ST_BER_UNIVERSAL
#define CTX	ST_BER_CONTEXT

/* The next element, a string, as field i. */
int	st_ldap_str(struct st_bwalk *w, int i);
/* The next element, an INTEGER or ENUMERATED, as field i. */
int	st_ldap_num(struct st_bwalk *w, int i);
/* The element e, a BOOLEAN, as field i. */
int	st_ldap_bool(struct st_bwalk *w, const struct st_ber *e, int i);
/* A SEQUENCE OF strings s: its count in field cnt, each in field each. */
int	st_ldap_strlist(struct st_bwalk *w, const struct st_ber *s, int cnt,
	    int each);
/* SearchRequest and SearchResultEntry, in the operation's walk w. */
int	st_ldap_search_req(struct st_bwalk *w);
int	st_ldap_search_entry(struct st_bwalk *w);

#endif
