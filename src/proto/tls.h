/* SPDX-License-Identifier: BSD-3-Clause */
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
	F_CCALGLEN, F_CCALG, F_SCTSLEN, F_SCTLEN, F_SCTVER, F_SCTLOG, F_SCTTIME,
	F_SCTEXTLEN, F_SCTEXT, F_SCTSIGLEN, F_SCTSIG,
	/* other handshake messages */
	F_TLIFE, F_TAGEADD, F_TNONCELEN, F_TNONCE, F_TLEN, F_TICKET, F_CTXLEN,
	F_CERTSLEN, F_CERTLEN, F_CERT, F_CERTSUBJ, F_CERTISS, F_CURVETYPE,
	F_NAMEDCURVE, F_SPOINTLEN, F_SPOINT, F_SIGLEN, F_SIG, F_CPOINTLEN,
	F_CPOINT, F_EPMSLEN, F_EPMS, F_CTCOUNT, F_CERTTYPE, F_DNAMESLEN,
	F_DNAMELEN, F_VERIFY,
	/* fingerprints */
	F_JA3FULL, F_JA3, F_JA3SFULL, F_JA3S, F_JA4, F_JA4R,
	/* messages with no fields of their own (FT_NONE in Wireshark) */
	F_RTIME, F_CCS, F_ALERTENC,
	/* QUIC transport parameters (tlsquic.c) */
	F_QTYPE, F_QLEN, F_QVALUE, F_QODCID, F_QIDLE, F_QSRT, F_QMAXUDP,
	F_QMAXDATA, F_QBIDIL, F_QBIDIR, F_QUNI, F_QSBIDI, F_QSUNI, F_QADE,
	F_QMAD, F_QPA4, F_QPA4PORT, F_QPA6, F_QPA6PORT, F_QPACIDLEN, F_QPACID,
	F_QPASRT, F_QCIDLIM, F_QISCID, F_QRSCID, F_QDGRAM, F_QVICHOSEN,
	F_QVIOTHER, F_QMINACK, F_QGRTT, F_QGOPTS, F_QGVER,
	/* pre_shared_key (RFC 8446 4.2.11) */
	F_PSKIDSLEN, F_PSKIDLEN, F_PSKID, F_PSKAGE, F_PSKBLEN, F_PSKSEL,
	F_NTLS
};

extern const struct st_field_desc st_tls_fields[F_NTLS];
/* The same rows under DTLS's names (dtls.handshake.*), for dtls.c. */
extern const struct st_field_desc st_dtls_tlsfields[F_NTLS];
/* DTLS's record names, one spelling for both tables that hold them. */
extern const char st_dtls_n_ctype[], st_dtls_n_version[],
    st_dtls_n_length[];
/* The record content types, which DTLS's are too. */
extern const struct st_valname st_tls_ctype_names[];

/* TLS's summary and diagram keys, shared with st_proto_tls_hs (tls.c). */
int	st_tls_summary(struct st_sumctx *s, const struct st_layer *ly);
extern const struct st_field_desc *const st_tls_keys[];

/* Handshake messages without records (in QUIC): tlsquic.c. */
extern const struct st_proto st_proto_tls_hs;

#define TLS_CERTS	16	/* certificates of one chain */

/* The whole certificates of a record's Certificate messages, from the
 * cursor's position: shown as layers after the record's (x509af.c). */
struct tls_certs {
	unsigned	 n;
	size_t		 off[TLS_CERTS];
	size_t		 len[TLS_CERTS];
};

/* A part of the segment: [pos, end) from the cursor's position. */
struct tls_span {
	struct st_cur	*c;
	size_t		 pos;
	size_t		 end;
	struct tls_certs *certs;	/* where certificates go, or NULL */
	const struct st_field_desc *tab;	/* st_tls_fields, or DTLS's
						   st_dtls_tlsfields */
	const struct st_field_desc *dtls;	/* DTLS's own rows of a hello
						   (TLS_D_*); NULL in TLS */
};

/* DTLS's own rows of a hello, in dtls.c's table in this order: a
 * ClientHello's cookie, the use_srtp extension's (RFC 5764 4.1.1). */
enum { TLS_D_COOKIELEN, TLS_D_COOKIE, TLS_D_SRTPLEN, TLS_D_SRTP,
	TLS_D_MKILEN, TLS_D_MKI, TLS_D_N };

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
	return st_dbytes(d, s->c, &s->tab[f], at, n);
}

#define TLS_EXTS	64	/* extensions per hello */
#define TLS_LIST	128	/* items of one list (cipher suites, groups) */

/* What the fingerprints need of a hello. */
struct tls_hello {
	const struct st_field_desc *tab;	/* the rows they go in */
	unsigned	 version;	/* the hello's (legacy) version */
	unsigned	 maxver;	/* the highest supported_versions */
	int		 sni;
	uint16_t	 cs[TLS_LIST];
	unsigned	 ncs;
	uint16_t	 ext[TLS_EXTS];
	unsigned	 next;
	uint16_t	 grp[TLS_LIST];
	unsigned	 ngrp;
	uint8_t		 pf[16];
	unsigned	 npf;
	uint16_t	 sig[TLS_LIST];
	unsigned	 nsig;
	uint8_t		 alpn[2];	/* first and last byte of the first */
	int		 nalpn;
};

/* GREASE values (RFC 8701): 0x?a?a, left out of every fingerprint. */
static inline int
st_tls_grease(unsigned v)
{
	return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

/* Adds a generated text row f of table tab (tlsfp.c). */
void	st_tls_gentext(struct st_dctx *d, const struct st_field_desc *tab,
    int f, const char *v);

/* The fingerprints of a ClientHello (JA3, JA4) or ServerHello (JA3S). */
void	st_tls_ja3(struct st_dctx *d, const struct tls_hello *h);
void	st_tls_ja3s(struct st_dctx *d, const struct tls_hello *h);
void	st_tls_ja4(struct st_dctx *d, const struct tls_hello *h);

/* Decodes the fragment of a record of content type type (not handshake),
 * declared len bytes, the span: change cipher spec, alert, application
 * data, heartbeat (tls.c). */
void	st_tls_content(struct st_dctx *d, struct tls_span *s, unsigned type,
    size_t len);

/* After a record of the layer at c whose d->hdr is set (left bytes from
 * c): its whole certificates as layers, and the next record. */
void	st_tls_record_end(struct st_dctx *d, struct st_cur *c,
    const struct tls_certs *certs, size_t left);

/* Decodes the handshake messages of a record: the span is its fragment. */
void	st_tls_handshake(struct st_dctx *d, struct tls_span *s);

/* Whether ht is a handshake type strata knows (else: encrypted). */
int	st_tls_known_type(unsigned ht);

/* Decodes the body of one handshake message of type ht, the span m (with
 * DTLS's too, whose message header is longer). */
void	st_tls_hsbody(struct st_dctx *d, struct tls_span *m, unsigned ht);

/* The quic_transport_parameters extension's body at e (tlsquic.c). */
void	st_tls_quic_params(struct st_dctx *d, struct tls_span *e);

/* tlsext.c: a hello's extensions block at s->pos, then the fingerprints;
 * signature_algorithms at e->pos (also a CertificateRequest's; h may be
 * NULL); text row f from n wire bytes at at, escaped (TLS_TEXT shown). */
#define TLS_TEXT	256
void	st_tls_extensions(struct st_dctx *d, struct tls_span *s, int client,
	    struct tls_hello *h);
void	st_tls_sigalgs(struct st_dctx *d, struct tls_span *e,
	    struct tls_hello *h);
void	st_tls_text(struct st_dctx *d, const struct tls_span *s, int f,
	    size_t at, size_t n);

#endif
