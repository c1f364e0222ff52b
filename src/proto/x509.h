/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * X.509 certificates (RFC 5280), as TLS carries them: the parts shared by
 * x509af.c (the certificate, its names' structure, the descriptor the
 * registry hands a certificate to), x509sat.c (the names' attribute
 * values, PKCS #1 keys and parameters) and x509ce.c (the extensions);
 * ocsp.c reads its names, algorithms and certificates with them.
 *
 * Wireshark dissects a certificate with several dissectors, one per ASN.1
 * module, and names each in frame.protocols: x509af, x509sat, x509ce,
 * pkix1implicit, pkix1explicit, pkcs-1, ns_cert_exts.  strata shows one
 * layer per module the certificate uses, each over the certificate's
 * bytes and holding that module's fields in the certificate's order: the
 * one walk over the DER (x509_cert) is run once per layer, adding only
 * the fields of the layer's module, and once before to count them.
 */
#ifndef STRATA_PROTO_X509_H
#define STRATA_PROTO_X509_H

#include "strata/ber.h"
#include "fields.h"

/* The modules, each a layer. */
enum {
	XP_AF,			/* x509af (and x509if's rows, ber's padding) */
	XP_SAT,			/* x509sat */
	XP_CE,			/* x509ce */
	XP_PKIX1I,		/* pkix1implicit */
	XP_PKIX1E,		/* pkix1explicit */
	XP_PKCS1,		/* pkcs-1 */
	XP_NS,			/* ns_cert_exts */
	XP_N,
	XP_COUNT = XP_N		/* the census: count, add nothing */
};

#define X509_DEPTH	8	/* nesting of names inside extensions */
#define X509_ITEMS	64	/* items of one list (RDNs, names, ...) */
#define X509_OID	128	/* bytes of a dotted OID */

/* One walk over a certificate. */
struct x509 {
	struct st_dctx	*d;
	struct st_cur	 c;		/* the certificate: c.off its start */
	unsigned	 want;		/* the module whose fields are added,
					   or XP_COUNT */
	unsigned	 seen;		/* modules met (bit per XP_*) */
	unsigned	 count;		/* fields the census counted */
	unsigned	 depth;
};

/* Adds field fd of module m over n bytes at off (from the cursor's
 * base) with value v, when m is the module wanted. */
void	x509_add(struct x509 *x, unsigned m, const struct st_field_desc *fd,
	    size_t off, size_t n, uint64_t v);
/* The same over element t: its contents (whole: 1, or its contents). */
void	x509_addt(struct x509 *x, unsigned m, const struct st_field_desc *fd,
	    const struct st_ber *t, int whole, uint64_t v);
/* Text over element t's contents. */
void	x509_text(struct x509 *x, unsigned m, const struct st_field_desc *fd,
	    const struct st_ber *t, const char *text);
/* t's contents as escaped text. */
void	x509_str(struct x509 *x, unsigned m, const struct st_field_desc *fd,
	    const struct st_ber *t);
/* t's contents as bytes. */
void	x509_bytes(struct x509 *x, unsigned m,
	    const struct st_field_desc *fd, const struct st_ber *t);
/* t's OBJECT IDENTIFIER dotted into buf (X509_OID bytes), added as fd
 * (NULL: not added).  Returns ST_OK or ST_EINVAL (layer marked). */
int	x509_oid(struct x509 *x, unsigned m, const struct st_field_desc *fd,
	    const struct st_ber *t, char *buf);
/* The byte at off (from the cursor's base); 0 when not captured. */
unsigned x509_u8(struct x509 *x, size_t off);
/* A walk over the contents of t / over [off, off + n). */
struct st_bwalk x509_in(struct x509 *x, const struct st_ber *t);

/* The next element of w, of class cls and tag tag (-1: any). */
int	x509_next(struct st_bwalk *w, struct st_ber *t, int cls, int tag);
/* x509af.c: whether the next element of w is of class cls and tag tag:
 * then read into t and w moved past it (an OPTIONAL element). */
int	x509_peek(struct st_bwalk *w, struct st_ber *t, int cls, int tag);
/* x509ce.c: the elements inside t, counted into *n (at most
 * X509_ITEMS). */
int	x509_count(struct x509 *x, const struct st_ber *t, unsigned *n);

/* x509af.c: a Name (RDNSequence) at t, its count in fd of module m
 * (NULL: not shown); x509_rdnseq is x509if.rdnSequence's row. */
extern const struct st_field_desc *const x509_rdnseq;
int	x509_name(struct x509 *x, const struct st_ber *t, unsigned m,
	    const struct st_field_desc *fd);
/* x509af.c: a BIT STRING at t: its unused-bits byte, then its bits as
 * fd of module m (NULL: not shown); *off, *n the bits' bytes. */
int	x509_bits(struct x509 *x, const struct st_ber *t, unsigned m,
	    const struct st_field_desc *fd, size_t *off, size_t *n);
/* x509af.c: an AlgorithmIdentifier at t (its element row not shown). */
int	x509_algid(struct x509 *x, const struct st_ber *t);

/* x509sat.c: the value at t of an attribute of type oid. */
int	x509_attr_value(struct x509 *x, const char *oid,
	    const struct st_ber *t);
/* x509sat.c: an algorithm's parameters at t (PKCS #1's, by oid). */
int	x509_alg_params(struct x509 *x, const char *alg,
	    const struct st_ber *t);
/* x509sat.c: the subjectPublicKey BIT STRING's key (after its padding
 * byte), at [off, off + n), of algorithm alg. */
int	x509_public_key(struct x509 *x, const char *alg, size_t off,
	    size_t n);

/* x509ce.c: the value (extnValue's contents) at t of extension oid. */
int	x509_extension(struct x509 *x, const char *oid,
	    const struct st_ber *t);
/* x509ce.c: GeneralNames at t, counted in fd of module m (NULL: one
 * GeneralName at t, not a list). */
int	x509_general_names(struct x509 *x, const struct st_ber *t,
	    unsigned m, const struct st_field_desc *fd);

/* The layers (x509af.c holds the first, the others the rest). */
extern const struct st_proto st_proto_x509af, st_proto_x509sat,
    st_proto_x509ce, st_proto_pkix1implicit, st_proto_pkix1explicit,
    st_proto_pkcs1, st_proto_ns_cert_exts;

/* A layer of module m over the certificate at c: its fields. */
int	x509_layer(struct st_dctx *d, struct st_cur *c, unsigned m);

#endif
