/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * X.509 certificates (RFC 5280 4.1; X.509's AuthenticationFramework
 * module), as a TLS Certificate message carries them:
 *
 *   Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm
 *       AlgorithmIdentifier, signatureValue BIT STRING }
 *   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1,
 *       serialNumber INTEGER, signature AlgorithmIdentifier, issuer Name,
 *       validity SEQUENCE { notBefore Time, notAfter Time }, subject Name,
 *       subjectPublicKeyInfo SEQUENCE { algorithm, subjectPublicKey },
 *       issuerUniqueID [1], subjectUniqueID [2], extensions [3] EXPLICIT
 *       SEQUENCE OF Extension }
 *   Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }
 *
 * This file holds the walk over a certificate, the names' structure
 * (X.501's x509if rows), the x509af layer and the helpers the other
 * modules' files (x509sat.c, x509ce.c) share through x509.h.  Wireshark
 * shows these fields inside TLS's tree, with no layer of their own in its
 * JSON: the layers' Wireshark name is "tls" (as gtpprime's is gtp's),
 * their strata names the modules frame.protocols lists.  Every list is
 * bounded (X509_ITEMS), and the nesting of names (X509_DEPTH).
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "strata/proto/x509af.h"
#include "x509.h"

#define X509_TEXT	256	/* wire bytes of a string shown */
#define X509_EXTS	64	/* extensions of one certificate */
#define X509_FIELDS	64	/* fields kept free after a certificate */
#define X509_LAYERS	8	/* layers kept free */

const char st_x509af_algorithm_id[] = "x509af.algorithm.id";
const char st_x509af_subject_public_key[] = "x509af.subjectPublicKey";

enum {
	F_VERSION, F_SERIAL, F_ALGID, F_ISSUER, F_RDNSEQ, F_IFRDNSEQ, F_RDNITEM,
	F_IFOID, F_NOTBEFORE, F_NOTAFTER, F_UTCTIME, F_GENTIME, F_SUBJECT,
	F_SPK, F_PADDING, F_IUID, F_SUID, F_EXTS, F_EXTID, F_CRITICAL,
	F_ENCRYPTED, F_NAF
};

static const struct st_field_desc af_fields[] = {
	[F_VERSION] = FD(NULL, "x509af.version", "Version", 0, 0, ST_FMT_DEC),
	[F_SERIAL] = FD(NULL, "x509af.serialNumber", "Serial number", 0, 0,
	    ST_FMT_BYTES),
	[F_ALGID] = FD(NULL, st_x509af_algorithm_id, "Algorithm", 0, 0,
	    ST_FMT_TEXT),
	[F_ISSUER] = FD(NULL, "x509af.issuer", "Issuer (choice)", 0, 0,
	    ST_FMT_DEC),
	[F_RDNSEQ] = FD(NULL, "x509af.rdnSequence", "Subject RDNs", 0, 0,
	    ST_FMT_DEC),
	[F_IFRDNSEQ] = FD(NULL, "x509if.rdnSequence", "RDNs", 0, 0,
	    ST_FMT_DEC),
	[F_RDNITEM] = FD(NULL, "x509if.RDNSequence_item", "Attributes of "
	    "the RDN", 0, 0, ST_FMT_DEC),
	[F_IFOID] = FD(NULL, "x509if.oid", "Attribute type", 0, 0,
	    ST_FMT_TEXT),
	[F_NOTBEFORE] = FD(NULL, "x509af.notBefore", "Not before (choice)", 0,
	    0, ST_FMT_DEC),
	[F_NOTAFTER] = FD(NULL, "x509af.notAfter", "Not after (choice)", 0, 0,
	    ST_FMT_DEC),
	[F_UTCTIME] = FD(NULL, "x509af.utcTime", "UTC time", 0, 0,
	    ST_FMT_TEXT),
	[F_GENTIME] = FD(NULL, "x509af.generalizedTime", "Generalized time",
	    0, 0, ST_FMT_TEXT),
	[F_SUBJECT] = FD(NULL, "x509af.subject", "Subject (choice)", 0, 0,
	    ST_FMT_DEC),
	[F_SPK] = FD(NULL, st_x509af_subject_public_key, "Subject public key",
	    0, 0, ST_FMT_BYTES),
	[F_PADDING] = FD(NULL, "ber.bitstring.padding", "Unused bits", 0, 0,
	    ST_FMT_DEC),
	[F_IUID] = FD(NULL, "x509af.issuerUniqueIdentifier", "Issuer unique "
	    "identifier", 0, 0, ST_FMT_BYTES),
	[F_SUID] = FD(NULL, "x509af.subjectUniqueIdentifier", "Subject unique "
	    "identifier", 0, 0, ST_FMT_BYTES),
	[F_EXTS] = FD(NULL, "x509af.extensions", "Extensions", 0, 0,
	    ST_FMT_DEC),
	[F_EXTID] = FD(NULL, "x509af.extension.id", "Extension", 0, 0,
	    ST_FMT_TEXT),
	[F_CRITICAL] = FD(NULL, "x509af.critical", "Critical", 0, 0,
	    ST_FMT_BOOL),
	[F_ENCRYPTED] = FD(NULL, "x509af.encrypted", "Signature", 0, 0,
	    ST_FMT_BYTES),
};

#define F(i)	(&af_fields[(i)])

const struct st_field_desc *const x509_rdnseq = &af_fields[F_IFRDNSEQ];

/* ---- the helpers of x509.h ---------------------------------------------- */

void
x509_add(struct x509 *x, unsigned m, const struct st_field_desc *fd,
    size_t off, size_t n, uint64_t v)
{
	if (x->want == XP_COUNT) {
		x->seen |= 1u << m;
		x->count++;
		return;
	}
	if (m != x->want)
		return;
	if (off > x->c.end)
		off = x->c.end;
	if (n > x->c.end - off)
		n = x->c.end - off;
	st_pkt_add_field(x->d->pkt, fd, (uint32_t)(off * 8), (uint32_t)(n * 8),
	    v);
}

void
x509_addt(struct x509 *x, unsigned m, const struct st_field_desc *fd,
    const struct st_ber *t, int whole, uint64_t v)
{
	size_t from = whole ? t->start : t->off;

	x509_add(x, m, fd, from, t->off + t->len - from, v);
}

void
x509_text(struct x509 *x, unsigned m, const struct st_field_desc *fd,
    const struct st_ber *t, const char *text)
{
	struct st_cur p = st_ber_inside(&x->c, t);

	if (x->want == XP_COUNT) {
		x509_add(x, m, fd, 0, 0, 0);
		return;
	}
	if (m == x->want)
		st_dtext(x->d, &p, fd, 0, t->len, text);
}

void
x509_str(struct x509 *x, unsigned m, const struct st_field_desc *fd,
    const struct st_ber *t)
{
	struct st_cur p = st_ber_inside(&x->c, t);
	char buf[X509_TEXT * 4 + 4];

	if (m != x->want && x->want != XP_COUNT)
		return;
	if (!st_cur_need(&p, t->len))
		return;
	st_escape(p.base + p.off, t->len < X509_TEXT ? t->len : X509_TEXT,
	    buf, sizeof(buf));
	x509_text(x, m, fd, t, buf);
}

void
x509_bytes(struct x509 *x, unsigned m, const struct st_field_desc *fd,
    const struct st_ber *t)
{
	x509_addt(x, m, fd, t, 0, 0);
}

int
x509_oid(struct x509 *x, unsigned m, const struct st_field_desc *fd,
    const struct st_ber *t, char *buf)
{
	int rc = st_ber_oid(&x->c, t, buf, X509_OID);

	if (rc == ST_EINVAL)
		return st_dmalformed(x->d, "bad object identifier");
	if (rc != ST_OK)
		return rc;
	if (fd != NULL)
		x509_text(x, m, fd, t, buf);
	return ST_OK;
}

unsigned
x509_u8(struct x509 *x, size_t off)
{
	struct st_cur p = x->c;

	if (off < p.off)
		return 0;
	return (unsigned)st_peek_bits(&p, (off - p.off) * 8, 8);
}

struct st_bwalk
x509_in(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = { x->d, x->c, t->off, t->off + t->len };

	return w;
}

int
x509_next(struct st_bwalk *w, struct st_ber *t, int cls, int tag)
{
	return st_ber_expect(w, t, cls, tag);
}

int
x509_peek(struct st_bwalk *w, struct st_ber *t, int cls, int tag)
{
	struct st_bwalk p = *w;

	if (w->pos >= w->lim || st_ber_next(&p, t) != ST_OK ||
	    (int)t->cls != cls || (int)t->tag != tag)
		return 0;
	*w = p;
	return 1;
}

/* ---- names ------------------------------------------------------------- */

int
x509_name(struct x509 *x, const struct st_ber *t, unsigned m,
    const struct st_field_desc *fd)
{
	struct st_bwalk w = x509_in(x, t), rw, aw;
	struct st_ber rdn, atv, ty, val;
	unsigned n, k, i, j;
	char oid[X509_OID];
	int rc;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_SEQUENCE)
		return st_dmalformed(x->d, "a name is no SEQUENCE");
	if (++x->depth > X509_DEPTH)
		return st_dmalformed(x->d, "names nested too deep");
	/* count the RDNs first: the count comes before them */
	for (n = 0, rw = w; rw.pos < rw.lim && n < X509_ITEMS; n++)
		if ((rc = st_ber_next(&rw, &rdn)) != ST_OK)
			return rc;
	if (fd != NULL)
		x509_addt(x, m, fd, t, 0, n);
	for (i = 0; i < n; i++) {
		if ((rc = x509_next(&w, &rdn, ST_BER_UNIVERSAL, ST_BER_SET)) !=
		    ST_OK)
			return rc;
		rw = x509_in(x, &rdn);
		for (k = 0, aw = rw; aw.pos < aw.lim && k < X509_ITEMS; k++)
			if ((rc = st_ber_next(&aw, &atv)) != ST_OK)
				return rc;
		x509_addt(x, XP_AF, F(F_RDNITEM), &rdn, 1, k);
		for (j = 0; j < k; j++) {
			if ((rc = x509_next(&rw, &atv, ST_BER_UNIVERSAL,
			    ST_BER_SEQUENCE)) != ST_OK)
				return rc;
			aw = x509_in(x, &atv);
			if ((rc = x509_next(&aw, &ty, ST_BER_UNIVERSAL,
			    ST_BER_OID)) != ST_OK ||
			    (rc = x509_oid(x, XP_AF, F(F_IFOID), &ty, oid)) !=
			    ST_OK || (rc = st_ber_next(&aw, &val)) != ST_OK ||
			    (rc = x509_attr_value(x, oid, &val)) != ST_OK)
				return rc;
		}
	}
	x->depth--;
	return ST_OK;
}

/* ---- the certificate ---------------------------------------------------- */

int
x509_algid(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber id, par;
	char oid[X509_OID];
	int rc;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_SEQUENCE)
		return st_dmalformed(x->d, "an algorithm is no SEQUENCE");
	if ((rc = x509_next(&w, &id, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = x509_oid(x, XP_AF, F(F_ALGID), &id, oid)) != ST_OK)
		return rc;
	if (w.pos < w.lim) {
		if ((rc = st_ber_next(&w, &par)) != ST_OK)
			return rc;
		return x509_alg_params(x, oid, &par);
	}
	return ST_OK;
}

/* The contents of t as two decimal digits at i. */
static int
digits(const uint8_t *p, size_t i)
{
	if (p[i] < '0' || p[i] > '9' || p[i + 1] < '0' || p[i + 1] > '9')
		return -1;
	return (p[i] - '0') * 10 + (p[i + 1] - '0');
}

/*
 * A Time (RFC 5280 4.1.2.5): UTCTime as Wireshark writes it ("2021-05-31
 * 03:52:05 (UTC)", YY below 50 in the 2000s), GeneralizedTime as an
 * absolute time ("Sep  1, 2015 13:33:37.000000000 UTC").  A form RFC 5280
 * does not allow (no seconds, an offset) is shown as its text.
 */
static int
time_of(struct x509 *x, const struct st_ber *t, const struct st_field_desc *fd)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct st_cur p = st_ber_inside(&x->c, t);
	const uint8_t *b;
	char buf[96];
	int y, v[5], i, gen = t->tag == 24;
	size_t n = t->len, at = gen ? 4 : 2;

	if (t->cls != ST_BER_UNIVERSAL || (t->tag != 23 && !gen))
		return st_dmalformed(x->d, "a time is neither UTCTime nor "
		    "GeneralizedTime");
	x509_addt(x, XP_AF, fd, t, 1, gen);
	if (!st_cur_need(&p, n))
		return ST_ETRUNC;
	b = p.base + p.off;
	if (n != at + 11 || b[n - 1] != 'Z')
		goto raw;
	y = gen ? digits(b, 0) * 100 + digits(b, 2) : digits(b, 0);
	for (i = 0; i < 5; i++)
		if ((v[i] = digits(b, at + (size_t)i * 2)) < 0)
			goto raw;
	if (y < 0 || v[0] < 1 || v[0] > 12)
		goto raw;
	if (gen)
		snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d."
		    "000000000 UTC", mon[v[0] - 1], v[1], y, v[2], v[3], v[4]);
	else
		snprintf(buf, sizeof(buf), "%d-%02d-%02d %02d:%02d:%02d (UTC)",
		    y < 50 ? 2000 + y : 1900 + y, v[0], v[1], v[2], v[3], v[4]);
	x509_text(x, XP_AF, F(gen ? F_GENTIME : F_UTCTIME), t, buf);
	return ST_OK;
raw:
	x509_str(x, XP_AF, F(gen ? F_GENTIME : F_UTCTIME), t);
	return ST_OK;
}

int
x509_bits(struct x509 *x, const struct st_ber *t, unsigned m,
    const struct st_field_desc *fd, size_t *off, size_t *n)
{
	struct st_cur p = st_ber_inside(&x->c, t);
	unsigned pad;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_BITSTRING ||
	    t->len == 0)
		return st_dmalformed(x->d, "a BIT STRING expected");
	if (!st_cur_need(&p, 1))
		return ST_ETRUNC;
	pad = st_get_u8(&p);
	if (pad > 7)
		return st_dmalformed(x->d, "%u unused bits", pad);
	x509_add(x, XP_AF, F(F_PADDING), t->off, 1, pad);
	*off = t->off + 1;
	*n = t->len - 1;
	if (fd != NULL && *n > 0)
		x509_add(x, m, fd, *off, *n, 0);
	return ST_OK;
}

static int
spki(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t), aw;
	struct st_ber alg, id, key;
	char oid[X509_OID];
	size_t off, n;
	int rc;

	if ((rc = x509_next(&w, &alg, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = x509_algid(x, &alg)) != ST_OK)
		return rc;
	aw = x509_in(x, &alg);
	if ((rc = x509_next(&aw, &id, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = x509_oid(x, XP_AF, NULL, &id, oid)) != ST_OK ||
	    (rc = x509_next(&w, &key, ST_BER_UNIVERSAL, ST_BER_BITSTRING)) !=
	    ST_OK)
		return rc;
	if (key.len < 1)
		return st_dmalformed(x->d, "an empty public key");
	/* An RSA key is shown as the RSAPublicKey it holds, without the
	 * unused-bits byte (as Wireshark does); any other as bits. */
	if (strcmp(oid, "1.2.840.113549.1.1.1") == 0) {
		x509_add(x, XP_AF, F(F_SPK), key.off + 1, key.len - 1, 0);
		return x509_public_key(x, oid, key.off + 1, key.len - 1);
	}
	return x509_bits(x, &key, XP_AF, F(F_SPK), &off, &n);
}

static int
extensions(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t), ew;
	struct st_ber seq, e, id, v;
	char oid[X509_OID];
	unsigned n, i;
	int rc;

	if ((rc = x509_next(&w, &seq, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	w = x509_in(x, &seq);
	for (n = 0, ew = w; ew.pos < ew.lim && n < X509_EXTS; n++)
		if ((rc = st_ber_next(&ew, &e)) != ST_OK)
			return rc;
	x509_addt(x, XP_AF, F(F_EXTS), &seq, 1, n);
	for (i = 0; i < n; i++) {
		if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL,
		    ST_BER_SEQUENCE)) != ST_OK)
			return rc;
		ew = x509_in(x, &e);
		if ((rc = x509_next(&ew, &id, ST_BER_UNIVERSAL, ST_BER_OID)) !=
		    ST_OK || (rc = x509_oid(x, XP_AF, F(F_EXTID), &id, oid)) !=
		    ST_OK)
			return rc;
		if (x509_peek(&ew, &v, ST_BER_UNIVERSAL, ST_BER_BOOLEAN))
			x509_addt(x, XP_AF, F(F_CRITICAL), &v, 0,
			    v.len == 1 && x509_u8(x, v.off) != 0);
		if ((rc = x509_next(&ew, &v, ST_BER_UNIVERSAL, ST_BER_OCTETS)) !=
		    ST_OK || (rc = x509_extension(x, oid, &v)) != ST_OK)
			return rc;
	}
	return ST_OK;
}

static int
tbs(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t), vw;
	struct st_ber e, v;
	size_t off, n;
	int64_t ver;
	int rc;

	if (x509_peek(&w, &e, ST_BER_CONTEXT, 0)) {
		vw = x509_in(x, &e);
		if ((rc = x509_next(&vw, &v, ST_BER_UNIVERSAL,
		    ST_BER_INTEGER)) != ST_OK)
			return rc;
		if ((rc = st_ber_int(&x->c, &v, &ver)) == ST_EINVAL)
			return st_dmalformed(x->d, "bad version");
		if (rc != ST_OK)
			return rc;
		x509_addt(x, XP_AF, F(F_VERSION), &v, 0, (uint64_t)ver);
	}
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	x509_bytes(x, XP_AF, F(F_SERIAL), &e);
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = x509_algid(x, &e)) != ST_OK)
		return rc;
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	x509_addt(x, XP_AF, F(F_ISSUER), &e, 1, 0);
	if ((rc = x509_name(x, &e, XP_AF, F(F_IFRDNSEQ))) != ST_OK)
		return rc;
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	vw = x509_in(x, &e);
	if ((rc = st_ber_next(&vw, &v)) != ST_OK ||
	    (rc = time_of(x, &v, F(F_NOTBEFORE))) != ST_OK ||
	    (rc = st_ber_next(&vw, &v)) != ST_OK ||
	    (rc = time_of(x, &v, F(F_NOTAFTER))) != ST_OK)
		return rc;
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	x509_addt(x, XP_AF, F(F_SUBJECT), &e, 1, 0);
	if ((rc = x509_name(x, &e, XP_AF, F(F_RDNSEQ))) != ST_OK)
		return rc;
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = spki(x, &e)) != ST_OK)
		return rc;
	if (x509_peek(&w, &e, ST_BER_CONTEXT, 1)) {
		e.tag = ST_BER_BITSTRING;
		e.cls = ST_BER_UNIVERSAL;
		if ((rc = x509_bits(x, &e, XP_AF, F(F_IUID), &off, &n)) != ST_OK)
			return rc;
	}
	if (x509_peek(&w, &e, ST_BER_CONTEXT, 2)) {
		e.tag = ST_BER_BITSTRING;
		e.cls = ST_BER_UNIVERSAL;
		if ((rc = x509_bits(x, &e, XP_AF, F(F_SUID), &off, &n)) != ST_OK)
			return rc;
	}
	if (x509_peek(&w, &e, ST_BER_CONTEXT, 3))
		return extensions(x, &e);
	return ST_OK;
}

/* The walk over the certificate at x->c. */
static int
x509_cert(struct x509 *x)
{
	struct st_bwalk w = { x->d, x->c, x->c.off, x->c.end };
	struct st_ber cert, e;
	size_t off, n;
	int rc;

	x->depth = 0;
	if ((rc = x509_next(&w, &cert, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	w = x509_in(x, &cert);
	/* A distinguished name (a CertificateRequest's authorities): its
	 * first element a SET, or none.  Its RDNs, without a count. */
	if (w.pos >= w.lim || x509_peek(&w, &e, ST_BER_UNIVERSAL, ST_BER_SET))
		return x509_name(x, &cert, XP_AF, NULL);
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = tbs(x, &e)) != ST_OK)
		return rc;
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = x509_algid(x, &e)) != ST_OK)
		return rc;
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_BITSTRING)) !=
	    ST_OK)
		return rc;
	return x509_bits(x, &e, XP_AF, F(F_ENCRYPTED), &off, &n);
}

int
x509_layer(struct st_dctx *d, struct st_cur *c, unsigned m)
{
	struct x509 x = { .d = d, .c = *c, .want = m };

	d->hdr = st_cur_left(c);
	d->plen = 0;
	return x509_cert(&x);
}

/* The layers after x509af's, by module. */
static const struct st_proto *const modules[XP_N] = {
	[XP_SAT] = &st_proto_x509sat, [XP_CE] = &st_proto_x509ce,
	[XP_PKIX1I] = &st_proto_pkix1implicit,
	[XP_PKIX1E] = &st_proto_pkix1explicit, [XP_PKCS1] = &st_proto_pkcs1,
	[XP_NS] = &st_proto_ns_cert_exts,
};

/*
 * The certificate: counted first, and shown only when its fields and
 * layers fit in the packet with room to spare (a chain cut short would
 * disagree with every reader); then one layer per other module it uses.
 */
static int
x509af_decode(struct st_dctx *d, struct st_cur *c)
{
	struct x509 x = { .d = d, .c = *c, .want = XP_COUNT };
	struct st_packet *pkt = d->pkt;
	unsigned m, seen, need = 0;
	int rc;

	d->hdr = st_cur_left(c);
	d->plen = 0;
	(void)x509_cert(&x);
	for (m = XP_SAT; m < XP_N; m++)
		need += x.seen >> m & 1;
	if (pkt->nfields + x.count + X509_FIELDS > ST_MAX_FIELDS ||
	    pkt->nlayers + need + X509_LAYERS > ST_MAX_LAYERS) {
		st_pkt_note(pkt, "X.509: a certificate's detail is left out: "
		    "the packet holds too many fields");
		return ST_OK;
	}
	seen = x.seen;
	x.want = XP_AF;
	rc = x509_cert(&x);
	/* the other modules' layers, each stopping where this one did */
	for (m = XP_SAT; m < XP_N; m++)
		if (seen >> m & 1)
			st_dsublayer(d, c, modules[m], 0, d->hdr);
	return rc;
}

static int
x509af_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	(void)ly;
	st_out_puts(s->o, "x509 certificate");
	return 1;
}

static const struct st_bind x509af_binds[] = {
	{ ST_KEY_MEDIA, ST_MEDIA_X509 },
};

const struct st_proto st_proto_x509af = {
	.name = "x509af",
	.ws = "tls",
	.title = "X.509 Authentication Framework (a certificate)",
	.rfc = "RFC 5280",
	.role = ST_ROLE_APP,
	.fields = af_fields,
	.nfields = F_NAF,
	.decode = x509af_decode,
	.binds = x509af_binds,
	.nbinds = NFIELDS(x509af_binds),
	.summary = x509af_summary,
	.explain = "An X.509 certificate (RFC 5280) as a TLS Certificate "
	    "message carries it, in DER: the signed part (version, serial "
	    "number, signature algorithm, issuer, validity, subject, public "
	    "key, extensions), then the signature algorithm and the "
	    "signature.  The names' values, the extensions and the keys are "
	    "shown in layers of their own, one per ASN.1 module as Wireshark "
	    "names them (x509sat, x509ce, pkix1implicit, pkix1explicit, "
	    "pkcs-1, ns_cert_exts); Wireshark shows them all inside TLS's "
	    "tree.",
};
