/*
 * TLS's parts shared by its two files: tls.c (records, the descriptor) and
 * tlshs.c (handshake messages, extensions, JA3/JA4).  One protocol, two
 * files only to keep each small; nothing else includes this.
 */
#ifndef STRATA_PROTO_TLS_H
#define STRATA_PROTO_TLS_H

#include "fields.h"

enum {
	/* record layer */
	F_CTYPE, F_VERSION, F_LEN, F_APPDATA, F_ALEVEL, F_ADESC, F_HBTYPE,
	F_HBPLEN, F_HBPAYLOAD, F_HBPAD, F_CONT, F_ENCHS,
	/* handshake */
	F_HTYPE, F_HLEN, F_HVERSION, F_RANDOM, F_RBYTES, F_SIDLEN, F_SID,
	F_CSLEN, F_CSCOUNT, F_CS, F_COMPLEN, F_COMP, F_EXTSLEN, F_EXTTYPE,
	F_EXTLEN, F_EXTDATA,
	/* extensions */
	F_SNILIST, F_SNITYPE, F_SNILEN, F_SNI, F_RENEGLEN, F_GROUPSLEN,
	F_GROUP, F_ECPFLEN, F_ECPF, F_SIGALGLEN, F_SIGALG, F_SIGHASH, F_SIGSIG,
	F_ALPNLEN, F_ALPNSTRLEN, F_ALPN, F_NPNLEN, F_NPN, F_SVLEN, F_SUPVER,
	F_KSCLEN, F_KSGROUP, F_KSKELEN, F_KSKE, F_KSSEL, F_PSKLEN, F_PSKMODE,
	F_STATTYPE, F_STATRID, F_STATEXT, F_HBMODE, F_PADDING, F_RSL,
	/* other handshake messages */
	F_TLIFE, F_TAGEADD, F_TNONCELEN, F_TNONCE, F_TLEN, F_TICKET, F_CTXLEN,
	F_CERTSLEN, F_CERTLEN, F_CERT, F_CERTSUBJ, F_CERTISS, F_CURVETYPE,
	F_NAMEDCURVE, F_SPOINTLEN, F_SPOINT, F_SIGLEN, F_SIG, F_CPOINTLEN,
	F_CPOINT, F_EPMSLEN, F_EPMS, F_CTCOUNT, F_CERTTYPE, F_DNAMESLEN,
	F_DNAMELEN, F_VERIFY,
	/* fingerprints */
	F_JA3FULL, F_JA3, F_JA3SFULL, F_JA3S, F_JA4, F_JA4R,
	F_NTLS
};

extern const struct st_field_desc st_tls_fields[F_NTLS];

/* A part of the segment: [pos, end) from the cursor's position. */
struct tls_span {
	struct st_cur	*c;
	size_t		 pos;
	size_t		 end;
};

/* Whether n more bytes lie in the span at pos. */
static inline int
tls_has(const struct tls_span *s, size_t n)
{
	return s->pos <= s->end && n <= s->end - s->pos;
}

/* n (1..4) bytes big-endian at offset at, through the cursor. */
static inline unsigned
tls_get(const struct tls_span *s, size_t at, unsigned n)
{
	return (unsigned)st_peek_bits(s->c, at * 8, n * 8);
}

/* Adds row f over n bytes at at. */
static inline struct st_field *
tls_add(struct st_dctx *d, const struct tls_span *s, int f, size_t at,
    size_t n)
{
	return st_dbytes(d, s->c, &st_tls_fields[f], at, n);
}

/* Decodes the handshake messages of a record: the span is its fragment. */
void	st_tls_handshake(struct st_dctx *d, struct tls_span *s);

#endif
