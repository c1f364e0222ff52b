/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to sip.c and siphdr.c: SIP's field rows and the header parsers'
 * entry point.  The header lines (siphdr.c) are the bulk of the decoder:
 * each known header's own field, and the parts of the ones Wireshark
 * takes apart (From, To, Contact, Route, Via, CSeq).
 */
#ifndef STRATA_PROTO_SIP_H
#define STRATA_PROTO_SIP_H

#include "fields.h"

#define SIP_LINE	2048	/* bytes of one value shown */
#define SIP_LINES	128	/* header lines decoded */
#define SIP_ITEMS	16	/* comma-separated values of one header */

/* The fixed rows: first line and the parts of structured headers. */
enum {
	F_REQLINE, F_METHOD, F_RURI, F_RURI_USER, F_RURI_HOST, F_RURI_PORT,
	F_STATLINE, F_CODE,
	/* name-addr parts: From, To, Contact, Route, Record-Route */
	F_FROM_DISP, F_FROM_ADDR, F_FROM_USER, F_FROM_HOST, F_FROM_PORT,
	F_FROM_PARAM, F_FROM_TAG,
	F_TO_DISP, F_TO_ADDR, F_TO_USER, F_TO_HOST, F_TO_PORT, F_TO_PARAM,
	F_TO_TAG,
	F_CT_DISP, F_CT_URI, F_CT_USER, F_CT_HOST, F_CT_PORT, F_CT_PARAM,
	F_CT_PARAMETER,
	F_RT_DISP, F_RT_URI, F_RT_USER, F_RT_HOST, F_RT_PORT, F_RT_PARAM,
	F_RR_DISP, F_RR_URI, F_RR_USER, F_RR_HOST, F_RR_PORT, F_RR_PARAM,
	F_DISP, F_TAG,
	F_CALLID_GEN, F_CSEQ_SEQ, F_CSEQ_METHOD, F_RESEND, F_RESP_REQ,
	F_RESP_TIME,
	F_VIA_TRANSPORT, F_VIA_ADDR, F_VIA_PORT, F_VIA_BRANCH, F_VIA_RPORT,
	F_VIA_RECEIVED, F_VIA_MADDR, F_VIA_TTL,
	F_AUTH_SCHEME, F_AUTH_REALM, F_AUTH_NONCE, F_AUTH_ALGO, F_AUTH_USER,
	F_AUTH_URI, F_AUTH_RESPONSE, F_AUTH_QOP, F_AUTH_OPAQUE, F_AUTH_NC,
	F_AUTH_CNONCE, F_AUTH_STALE,
	F_NSIP
};

/* The known headers: name, compact form, and whether a number. */
#define SIP_HDRS(X) \
	X(ACCEPT, "Accept", 0, 0) \
	X(ACCEPT_CONTACT, "Accept-Contact", 'a', 0) \
	X(ACCEPT_ENCODING, "Accept-Encoding", 0, 0) \
	X(ACCEPT_LANGUAGE, "Accept-Language", 0, 0) \
	X(ALERT_INFO, "Alert-Info", 0, 0) \
	X(ALLOW, "Allow", 0, 0) \
	X(ALLOW_EVENTS, "Allow-Events", 'u', 0) \
	X(AUTH_INFO, "Authentication-Info", 0, 0) \
	X(AUTHORIZATION, "Authorization", 0, 0) \
	X(CALL_ID, "Call-ID", 'i', 0) \
	X(CALL_INFO, "Call-Info", 0, 0) \
	X(CONTACT, "Contact", 'm', 0) \
	X(CONTENT_DISPOSITION, "Content-Disposition", 0, 0) \
	X(CONTENT_ENCODING, "Content-Encoding", 'e', 0) \
	X(CONTENT_LANGUAGE, "Content-Language", 0, 0) \
	X(CONTENT_LENGTH, "Content-Length", 'l', 1) \
	X(CONTENT_TYPE, "Content-Type", 'c', 0) \
	X(CSEQ, "CSeq", 0, 0) \
	X(DATE, "Date", 0, 0) \
	X(DIVERSION, "Diversion", 0, 0) \
	X(ERROR_INFO, "Error-Info", 0, 0) \
	X(EVENT, "Event", 'o', 0) \
	X(EXPIRES, "Expires", 0, 1) \
	X(FROM, "From", 'f', 0) \
	X(IDENTITY, "Identity", 'y', 0) \
	X(IN_REPLY_TO, "In-Reply-To", 0, 0) \
	X(MAX_FORWARDS, "Max-Forwards", 0, 1) \
	X(MIME_VERSION, "MIME-Version", 0, 0) \
	X(MIN_EXPIRES, "Min-Expires", 0, 0) \
	X(MIN_SE, "Min-SE", 0, 0) \
	X(ORGANIZATION, "Organization", 0, 0) \
	X(PATH, "Path", 0, 0) \
	X(PRIORITY, "Priority", 0, 0) \
	X(PRIVACY, "Privacy", 0, 0) \
	X(PROXY_AUTHENTICATE, "Proxy-Authenticate", 0, 0) \
	X(PROXY_AUTHORIZATION, "Proxy-Authorization", 0, 0) \
	X(PROXY_REQUIRE, "Proxy-Require", 0, 0) \
	X(RACK, "RAck", 0, 0) \
	X(RECORD_ROUTE, "Record-Route", 0, 0) \
	X(REFER_TO, "Refer-To", 'r', 0) \
	X(REFERRED_BY, "Referred-by", 'b', 0) \
	X(REJECT_CONTACT, "Reject-Contact", 'j', 0) \
	X(REPLACES, "Replaces", 0, 0) \
	X(REPLY_TO, "Reply-To", 0, 0) \
	X(REQUEST_DISPOSITION, "Request-Disposition", 'd', 0) \
	X(REQUIRE, "Require", 0, 0) \
	X(RETRY_AFTER, "Retry-After", 0, 1) \
	X(ROUTE, "Route", 0, 0) \
	X(RSEQ, "RSeq", 0, 1) \
	X(SERVER, "Server", 0, 0) \
	X(SERVICE_ROUTE, "Service-Route", 0, 0) \
	X(SESSION_EXPIRES, "Session-Expires", 'x', 0) \
	X(SUBJECT, "Subject", 's', 0) \
	X(SUBSCRIPTION_STATE, "Subscription-State", 0, 0) \
	X(SUPPORTED, "Supported", 'k', 0) \
	X(TIMESTAMP, "Timestamp", 0, 0) \
	X(TO, "To", 't', 0) \
	X(UNSUPPORTED, "Unsupported", 0, 0) \
	X(USER_AGENT, "User-Agent", 0, 0) \
	X(VIA, "Via", 'v', 0) \
	X(WARNING, "Warning", 0, 0) \
	X(WWW_AUTHENTICATE, "WWW-Authenticate", 0, 0) \
	X(PAI, "P-Asserted-Identity", 0, 0) \
	X(PPI, "P-Preferred-Identity", 0, 0)

#define SIP_HENUM(id, name, compact, num)	H_##id,
enum { SIP_HDRS(SIP_HENUM) H_NHDR };
#undef SIP_HENUM

extern const struct st_field_desc sip_fields[F_NSIP];
extern const struct st_field_desc sip_hdr_fields[H_NHDR];

/* What the header lines said that the message needs. */
struct sip_head {
	int		 has_clen;
	uint64_t	 clen;
	int		 sdp;		/* Content-Type application/sdp */
	size_t		 callid, ncallid;	/* Call-ID's value */
	uint64_t	 cseq;			/* CSeq's number */
	size_t		 cmethod, ncmethod;	/* and method */
};

/*
 * The header lines of the message p[0..n) from pos (the first line
 * read), to the blank line; returns the offset after it, or n when the
 * head does not end in these bytes.
 */
size_t	sip_headers(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
	    size_t pos, size_t n, struct sip_head *h);

/* A text field row f (sip_fields, or a header row hf when f < 0) over
 * p[off..off+n), escaped. */
struct st_field *sip_text(struct st_dctx *d, struct st_cur *c,
	    const struct st_field_desc *fd, const uint8_t *p, size_t off,
	    size_t n);

/* A SIP URI's parts (user, host, port), rows f + 0, 1, 2 of sip_fields;
 * param: the row for ";params" inside it, or -1. */
void	sip_uri(struct st_dctx *d, struct st_cur *c, const uint8_t *p,
	    size_t off, size_t n, int fuser, int fparam);

/* A decimal number of at most 9 digits at p[0..n). */
uint64_t sip_number(const uint8_t *p, size_t n);

#endif
