/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OCSP, the Online Certificate Status Protocol (RFC 6960), as HTTP carries
 * it in bodies of type application/ocsp-request and -response (RFC 6960
 * A.1), in DER:
 *
 *   OCSPRequest ::= SEQUENCE { tbsRequest SEQUENCE { version [0] EXPLICIT
 *       DEFAULT v1, requestorName [1] EXPLICIT GeneralName OPTIONAL,
 *       requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT
 *       Extensions OPTIONAL }, optionalSignature [0] EXPLICIT Signature
 *       OPTIONAL }
 *   Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0]
 *       EXPLICIT Extensions OPTIONAL }
 *   CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier,
 *       issuerNameHash OCTET STRING, issuerKeyHash OCTET STRING,
 *       serialNumber INTEGER }
 *   Signature ::= SEQUENCE { signatureAlgorithm, signature BIT STRING,
 *       certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
 *   OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes
 *       [0] EXPLICIT SEQUENCE { responseType OID, response OCTET STRING }
 *       OPTIONAL }
 *   BasicOCSPResponse ::= SEQUENCE { tbsResponseData SEQUENCE { version
 *       [0] EXPLICIT DEFAULT v1, responderID CHOICE { byName [1] Name,
 *       byKey [2] OCTET STRING }, producedAt GeneralizedTime, responses
 *       SEQUENCE OF SingleResponse, responseExtensions [1] EXPLICIT
 *       Extensions OPTIONAL }, signatureAlgorithm, signature BIT STRING,
 *       certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
 *   SingleResponse ::= SEQUENCE { certID CertID, certStatus CHOICE {
 *       good [0] NULL, revoked [1] SEQUENCE { revocationTime, reason [0]
 *       EXPLICIT CRLReason OPTIONAL }, unknown [2] NULL }, thisUpdate,
 *       nextUpdate [0] EXPLICIT OPTIONAL, singleExtensions [1] EXPLICIT
 *       Extensions OPTIONAL }
 *
 * Wireshark shows the names (x509if, x509sat), algorithms (x509af) and
 * extensions (pkix1explicit) inside OCSP's tree, so they are fields of this
 * layer, read by x509af.c's, x509sat.c's and x509ce.c's readers through
 * x509.h: the walk runs once per module (as x509af's layers do), each pass
 * adding that module's fields.  A certificate the message carries (the
 * responder's own) is in OCSP's tree too: its fields, module by module,
 * are added to this layer by x509af.c's walk (x509_layer).  The field
 * table is in ocsprows.c (ocsp.h).
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "strata/out.h"
#include "ocsp.h"

#define OCSP_CERTS	8	/* certificates shown */
#define OCSP_ROOM	256	/* fields kept free for a certificate's */

#define F(i)	(&ocsp_fields[(i)])

/* The passes of the walk: the modules whose fields OCSP's tree holds. */
static const unsigned passes[] = { XP_AF, XP_SAT, XP_CE };

/* One walk: the x509.h walk, and where the certificates are. */
struct walk {
	struct x509	 x;
	unsigned	 ncert;
	size_t		 coff[OCSP_CERTS], clen[OCSP_CERTS];
};

/* OCSP's own fields go with the first pass's. */
static void
add(struct walk *o, unsigned i, const struct st_ber *t, int whole, uint64_t v)
{
	x509_addt(&o->x, XP_AF, F(i), t, whole, v);
}

/*
 * A SEQUENCE OF at t, its count shown in row i: *w set to walk it.  item()
 * reads its next element, a SEQUENCE shown in row j.
 */
static int
list(struct walk *o, const struct st_ber *t, unsigned i, struct st_bwalk *w,
    unsigned *n)
{
	int rc;

	if ((rc = x509_count(&o->x, t, n)) != ST_OK)
		return rc;
	add(o, i, t, 1, *n);
	*w = x509_in(&o->x, t);
	return ST_OK;
}

static int
item(struct walk *o, struct st_bwalk *w, struct st_ber *e, unsigned j)
{
	int rc;

	if ((rc = x509_next(w, e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	add(o, j, e, 1, 0);
	return ST_OK;
}

/* The only element inside an EXPLICIT tag t. */
static int
inner(struct walk *o, const struct st_ber *t, struct st_ber *e, int cls,
    int tag)
{
	struct st_bwalk w = x509_in(&o->x, t);

	return x509_next(&w, e, cls, tag);
}

/*
 * A GeneralizedTime as Wireshark writes an absolute time ("Jan  1, 2026
 * 12:00:00.000000000 UTC"); a form other than YYYYMMDDHHMMSSZ as its text.
 */
static int
gtime(struct walk *o, const struct st_ber *t, unsigned i)
{
	struct st_cur p = st_ber_inside(&o->x.c, t);
	struct tm tm;
	char b[16];
	unsigned k;
	time_t s;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != 24)
		return st_dmalformed(o->x.d, "a time is no GeneralizedTime");
	if (o->x.want != XP_AF)
		return ST_OK;
	if (!st_cur_need(&p, t->len))
		return ST_ETRUNC;
	if (t->len != 15)
		goto raw;
	for (k = 0; k < 15; k++)
		b[k] = (char)st_get_u8(&p);
	for (k = 0; k < 14; k++)
		if (b[k] < '0' || b[k] > '9')
			goto raw;
	if (b[14] != 'Z')
		goto raw;
#define D2(at)	((b[(at)] - '0') * 10 + b[(at) + 1] - '0')
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = D2(0) * 100 + D2(2) - 1900;
	tm.tm_mon = D2(4) - 1;
	tm.tm_mday = D2(6);
	tm.tm_hour = D2(8);
	tm.tm_min = D2(10);
	tm.tm_sec = D2(12);
#undef D2
	if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60 || (s = timegm(&tm)) == (time_t)-1)
		goto raw;
	p = st_ber_inside(&o->x.c, t);
	if (st_dunixtime(o->x.d, &p, F(i), 0, t->len, (int64_t)s) != NULL)
		return ST_OK;
raw:
	x509_str(&o->x, XP_AF, F(i), t);
	return ST_OK;
}

/* A version [0] EXPLICIT INTEGER at t (v1 is 0). */
static int
version(struct walk *o, const struct st_ber *t)
{
	struct st_ber v;
	int64_t ver;
	int rc;

	if ((rc = inner(o, t, &v, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	if ((rc = st_ber_int(&o->x.c, &v, &ver)) == ST_EINVAL)
		return st_dmalformed(o->x.d, "bad version");
	if (rc != ST_OK)
		return rc;
	add(o, O_VERSION, &v, 0, (uint64_t)ver);
	return ST_OK;
}

/* An AlgorithmIdentifier at t under element row i. */
static int
algid(struct walk *o, struct st_bwalk *w, unsigned i)
{
	struct st_ber e;
	int rc;

	if ((rc = x509_next(w, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	add(o, i, &e, 1, 0);
	return x509_algid(&o->x, &e);
}

/* Extensions (RFC 5280 4.1: SEQUENCE OF Extension) inside the EXPLICIT
 * tag t, counted in row i; the nonce (RFC 6960 4.4.1) by its value. */
static int
extensions(struct walk *o, const struct st_ber *t, unsigned i)
{
	struct st_bwalk w, ew;
	struct st_ber seq, e, id, v, nonce;
	char oid[X509_OID];
	unsigned n, k;
	int rc;

	if ((rc = inner(o, t, &seq, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = list(o, &seq, i, &w, &n)) != ST_OK)
		return rc;
	for (k = 0; k < n; k++) {
		if ((rc = item(o, &w, &e, O_EXT)) != ST_OK)
			return rc;
		ew = x509_in(&o->x, &e);
		if ((rc = x509_next(&ew, &id, ST_BER_UNIVERSAL, ST_BER_OID)) !=
		    ST_OK || (rc = x509_oid(&o->x, XP_AF, F(O_EXTID), &id,
		    oid)) != ST_OK)
			return rc;
		if (x509_peek(&ew, &v, ST_BER_UNIVERSAL, ST_BER_BOOLEAN))
			add(o, O_CRITICAL, &v, 0, v.len == 1 &&
			    x509_u8(&o->x, v.off) != 0);
		if ((rc = x509_next(&ew, &v, ST_BER_UNIVERSAL,
		    ST_BER_OCTETS)) != ST_OK)
			return rc;
		if (strcmp(oid, "1.3.6.1.5.5.7.48.1.2") == 0 &&
		    inner(o, &v, &nonce, ST_BER_UNIVERSAL, ST_BER_OCTETS) ==
		    ST_OK)
			add(o, O_NONCE, &nonce, 0, 0);
		else
			add(o, O_EXTVAL, &v, 0, 0);
	}
	return ST_OK;
}

/* A CertID (its SEQUENCE at t, shown as row i). */
static int
certid(struct walk *o, const struct st_ber *t, unsigned i)
{
	struct st_bwalk w = x509_in(&o->x, t);
	struct st_ber e;
	int rc;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_SEQUENCE)
		return st_dmalformed(o->x.d, "a CertID is no SEQUENCE");
	add(o, i, t, 1, 0);
	if ((rc = algid(o, &w, O_HASHALG)) != ST_OK ||
	    (rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_OCTETS)) != ST_OK)
		return rc;
	add(o, O_NAMEHASH, &e, 0, 0);
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_OCTETS)) != ST_OK)
		return rc;
	add(o, O_KEYHASH, &e, 0, 0);
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	add(o, O_SERIAL, &e, 0, 0);
	return ST_OK;
}

/* The signature algorithm, the signature and the certificates that end a
 * BasicOCSPResponse and a request's Signature, from w on. */
static int
signature(struct walk *o, struct st_bwalk *w)
{
	struct st_bwalk cw;
	struct st_ber e, seq;
	unsigned n, k;
	size_t off, len;
	int rc;

	if ((rc = algid(o, w, O_SIGALG)) != ST_OK ||
	    (rc = x509_next(w, &e, ST_BER_UNIVERSAL, ST_BER_BITSTRING)) !=
	    ST_OK || (rc = x509_bits(&o->x, &e, XP_AF, F(O_SIG), &off,
	    &len)) != ST_OK)
		return rc;
	if (!x509_peek(w, &e, ST_BER_CONTEXT, 0))
		return ST_OK;
	if ((rc = inner(o, &e, &seq, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = list(o, &seq, O_CERTS, &cw, &n)) != ST_OK)
		return rc;
	for (k = 0; k < n; k++) {
		if ((rc = item(o, &cw, &e, O_CERT)) != ST_OK)
			return rc;
		if (o->ncert < OCSP_CERTS) {
			o->coff[o->ncert] = e.start;
			o->clen[o->ncert++] = e.off + e.len - e.start;
		}
	}
	return ST_OK;
}

static int
request(struct walk *o, const struct st_ber *msg)
{
	struct st_bwalk w = x509_in(&o->x, msg), tw, lw, rw;
	struct st_ber tbs, e, v, r;
	unsigned n, k;
	int rc;

	if ((rc = x509_next(&w, &tbs, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	add(o, O_TBSREQ, &tbs, 1, 0);
	tw = x509_in(&o->x, &tbs);
	if (x509_peek(&tw, &e, ST_BER_CONTEXT, 0) &&
	    (rc = version(o, &e)) != ST_OK)
		return rc;
	if (x509_peek(&tw, &e, ST_BER_CONTEXT, 1)) {
		if ((rc = inner(o, &e, &v, ST_BER_CONTEXT, -1)) != ST_OK)
			return rc;
		add(o, O_REQNAME, &e, 1, v.tag);
		/* the GeneralName's own rows (x509ce's); its count row is
		 * given a module no pass adds, as the CHOICE is ours */
		if ((rc = x509_general_names(&o->x, &e, XP_N, F(O_REQNAME))) !=
		    ST_OK)
			return rc;
	}
	if ((rc = x509_next(&tw, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = list(o, &e, O_REQLIST, &lw, &n)) != ST_OK)
		return rc;
	for (k = 0; k < n; k++) {
		if ((rc = item(o, &lw, &r, O_REQ)) != ST_OK)
			return rc;
		rw = x509_in(&o->x, &r);
		if ((rc = st_ber_next(&rw, &e)) != ST_OK ||
		    (rc = certid(o, &e, O_REQCERT)) != ST_OK)
			return rc;
		if (x509_peek(&rw, &e, ST_BER_CONTEXT, 0) &&
		    (rc = extensions(o, &e, O_SREQEXTS)) != ST_OK)
			return rc;
	}
	if (x509_peek(&tw, &e, ST_BER_CONTEXT, 2) &&
	    (rc = extensions(o, &e, O_REQEXTS)) != ST_OK)
		return rc;
	if (!x509_peek(&w, &e, ST_BER_CONTEXT, 0))
		return ST_OK;
	add(o, O_OPTSIG, &e, 1, 0);
	if ((rc = inner(o, &e, &v, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	tw = x509_in(&o->x, &v);
	return signature(o, &tw);
}

/* One SingleResponse at t. */
static int
single(struct walk *o, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(&o->x, t), sw;
	struct st_ber e, v, r;
	int rc;

	if ((rc = st_ber_next(&w, &e)) != ST_OK ||
	    (rc = certid(o, &e, O_CERTID)) != ST_OK ||
	    (rc = st_ber_next(&w, &e)) != ST_OK)
		return rc;
	if (e.cls != ST_BER_CONTEXT || e.tag > 2)
		return st_dmalformed(o->x.d, "a certStatus of tag %u",
		    (unsigned)e.tag);
	add(o, O_CSTATUS, &e, 1, e.tag);
	add(o, e.tag == 0 ? O_GOOD : e.tag == 1 ? O_REVOKED : O_UNKNOWN, &e,
	    1, 0);
	if (e.tag == 1) {
		sw = x509_in(&o->x, &e);
		if ((rc = st_ber_next(&sw, &v)) != ST_OK ||
		    (rc = gtime(o, &v, O_REVTIME)) != ST_OK)
			return rc;
		if (x509_peek(&sw, &v, ST_BER_CONTEXT, 0)) {
			if ((rc = inner(o, &v, &r, ST_BER_UNIVERSAL,
			    ST_BER_ENUMERATED)) != ST_OK)
				return rc;
			add(o, O_REASON, &r, 0, r.len == 1 ?
			    x509_u8(&o->x, r.off) : 0);
		}
	}
	if ((rc = st_ber_next(&w, &e)) != ST_OK ||
	    (rc = gtime(o, &e, O_THIS)) != ST_OK)
		return rc;
	if (x509_peek(&w, &e, ST_BER_CONTEXT, 0) && ((rc = inner(o, &e, &v,
	    ST_BER_UNIVERSAL, -1)) != ST_OK || (rc = gtime(o, &v, O_NEXT)) !=
	    ST_OK))
		return rc;
	if (x509_peek(&w, &e, ST_BER_CONTEXT, 1))
		return extensions(o, &e, O_SEXTS);
	return ST_OK;
}

/* A BasicOCSPResponse at t (the response OCTET STRING's contents). */
static int
basic(struct walk *o, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(&o->x, t), tw, lw;
	struct st_ber tbs, e, v;
	unsigned n, k;
	int rc;

	add(o, O_BASIC, t, 1, 0);
	if ((rc = x509_next(&w, &tbs, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	add(o, O_TBSRESP, &tbs, 1, 0);
	tw = x509_in(&o->x, &tbs);
	if (x509_peek(&tw, &e, ST_BER_CONTEXT, 0) &&
	    (rc = version(o, &e)) != ST_OK)
		return rc;
	if ((rc = st_ber_next(&tw, &e)) != ST_OK)
		return rc;
	if (e.cls != ST_BER_CONTEXT || (e.tag != 1 && e.tag != 2))
		return st_dmalformed(o->x.d, "a responderID of tag %u",
		    (unsigned)e.tag);
	add(o, O_RESPID, &e, 1, e.tag);
	if (e.tag == 1) {
		if ((rc = inner(o, &e, &v, ST_BER_UNIVERSAL,
		    ST_BER_SEQUENCE)) != ST_OK)
			return rc;
		add(o, O_BYNAME, &v, 1, 0);	/* rdnSequence */
		if ((rc = x509_name(&o->x, &v, XP_AF, x509_rdnseq)) != ST_OK)
			return rc;
	} else {
		if ((rc = inner(o, &e, &v, ST_BER_UNIVERSAL,
		    ST_BER_OCTETS)) != ST_OK)
			return rc;
		add(o, O_BYKEY, &v, 0, 0);
	}
	if ((rc = st_ber_next(&tw, &e)) != ST_OK ||
	    (rc = gtime(o, &e, O_PRODUCED)) != ST_OK ||
	    (rc = x509_next(&tw, &e, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK || (rc = list(o, &e, O_RESPONSES, &lw, &n)) != ST_OK)
		return rc;
	for (k = 0; k < n; k++)
		if ((rc = item(o, &lw, &e, O_SINGLE)) != ST_OK ||
		    (rc = single(o, &e)) != ST_OK)
			return rc;
	if (x509_peek(&tw, &e, ST_BER_CONTEXT, 1) &&
	    (rc = extensions(o, &e, O_RESPEXTS)) != ST_OK)
		return rc;
	return signature(o, &w);
}

static int
response(struct walk *o, const struct st_ber *msg)
{
	struct st_bwalk w = x509_in(&o->x, msg), bw;
	struct st_ber e, rb, v;
	char oid[X509_OID];
	int rc;

	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_ENUMERATED)) !=
	    ST_OK)
		return rc;
	add(o, O_STATUS, &e, 0, e.len == 1 ? x509_u8(&o->x, e.off) : 0);
	if (!x509_peek(&w, &e, ST_BER_CONTEXT, 0))
		return ST_OK;
	if ((rc = inner(o, &e, &rb, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	add(o, O_RBYTES, &rb, 1, 0);
	bw = x509_in(&o->x, &rb);
	if ((rc = x509_next(&bw, &e, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = x509_oid(&o->x, XP_AF, F(O_RTYPE), &e, oid)) != ST_OK ||
	    (rc = x509_next(&bw, &e, ST_BER_UNIVERSAL, ST_BER_OCTETS)) != ST_OK)
		return rc;
	/* id-pkix-ocsp-basic, the one type RFC 6960 defines */
	if (strcmp(oid, "1.3.6.1.5.5.7.48.1.1") != 0 || e.len == 0) {
		add(o, O_RESPONSE, &e, 0, 0);
		return ST_OK;
	}
	if ((rc = inner(o, &e, &v, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	return basic(o, &v);
}

/* The message at c: a request (its first element a SEQUENCE) or a
 * response (an ENUMERATED). */
static int
message(struct walk *o)
{
	struct st_bwalk w = { o->x.d, o->x.c, o->x.c.off, o->x.c.end }, in;
	struct st_ber msg, first;
	int rc;

	o->x.depth = 0;
	/* The body's bytes end with the segment's: a message running past
	 * them goes on in a later segment or was cut by the capture
	 * (truncated, not malformed). */
	w.lim = SIZE_MAX / 2;
	if ((rc = x509_next(&w, &msg, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	in = x509_in(&o->x, &msg);
	if ((rc = st_ber_next(&in, &first)) != ST_OK)
		return rc;
	if (first.cls == ST_BER_UNIVERSAL && first.tag == ST_BER_ENUMERATED)
		return response(o, &msg);
	if (first.cls == ST_BER_UNIVERSAL && first.tag == ST_BER_SEQUENCE)
		return request(o, &msg);
	return st_dmalformed(o->x.d, "neither an OCSP request nor a response");
}

static int
ocsp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct walk o;
	struct st_cur cc;
	size_t hdr = st_cur_left(c);
	unsigned i, m;
	int rc = ST_OK;

	d->hdr = hdr;
	d->plen = 0;
	memset(&o, 0, sizeof(o));
	o.x.d = d;
	o.x.c = *c;
	/* one walk per module: a malformed message is marked once */
	for (i = 0; i < NFIELDS(passes) && (i == 0 || rc != ST_EINVAL); i++) {
		o.x.want = passes[i];
		o.ncert = 0;
		rc = message(&o);
	}
	/* its certificates' fields, inside OCSP's tree as Wireshark shows
	 * them: one walk of x509af.c's per module over each */
	for (i = 0; i < o.ncert && rc != ST_EINVAL; i++) {
		if (d->pkt->nfields + OCSP_ROOM > ST_MAX_FIELDS) {
			st_pkt_note(d->pkt, "OCSP: a certificate's detail is "
			    "left out: the packet holds too many fields");
			break;
		}
		cc = *c;
		cc.off = o.coff[i];
		if (o.clen[i] < cc.end - cc.off)
			cc.end = cc.off + o.clen[i];
		for (m = XP_AF; m < XP_N; m++)
			(void)x509_layer(d, &cc, m);
	}
	d->hdr = hdr;
	d->plen = 0;
	return rc;
}

/* "ocsp request serial 1a2b", "ocsp response good serial 1a2b",
 * "ocsp response tryLater". */
static int
ocsp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[O_NOCSP];
	const struct st_field *g;
	unsigned i, n = 0;

	st_ly_fields(s->pkt, ly, ocsp_fields, O_NOCSP, f);
	for (i = 0; i < ly->nfields; i++) {
		g = &s->pkt->fields[ly->field0 + i];
		n += g->desc == F(O_SERIAL);
	}
	if (f[O_STATUS] != NULL) {
		st_out_puts(s->o, "ocsp response");
		if (f[O_CSTATUS] == NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[O_STATUS]);
			return 1;
		}
		st_out_putc(s->o, ' ');
		s->value(s, f[O_CSTATUS]);
		if (f[O_REASON] != NULL) {
			st_out_puts(s->o, " (");
			s->value(s, f[O_REASON]);
			st_out_putc(s->o, ')');
		}
	} else
		st_out_puts(s->o, "ocsp request");
	if (f[O_SERIAL] != NULL) {
		st_out_puts(s->o, " serial ");
		s->value(s, f[O_SERIAL]);
	}
	if (n > 1)
		st_out_printf(s->o, " (+%u more)", n - 1);
	return 1;
}

static const struct st_field_desc *const ocsp_keys[] = {
	F(O_STATUS), F(O_CSTATUS), F(O_SERIAL), F(O_PRODUCED), NULL,
};

const struct st_proto st_proto_ocsp = {
	.name = "ocsp",
	.ws = "ocsp",
	.title = "Online Certificate Status Protocol",
	.rfc = "RFC 6960",
	.role = ST_ROLE_APP,
	.fields = ocsp_fields,
	.nfields = O_NOCSP,
	.decode = ocsp_decode,
	.summary = ocsp_summary,
	.keys = ocsp_keys,
	.explain = "Whether a certificate is still good, asked of the "
	    "authority that issued it (RFC 6960), in DER over HTTP (a POST "
	    "of type application/ocsp-request, the answer "
	    "application/ocsp-response).  A request names each certificate "
	    "by a CertID: hashes of its issuer's name and key, and its serial "
	    "number; a nonce extension ties the answer to it.  The answer "
	    "has a status (successful, tryLater ...) and, when successful, a "
	    "signed BasicOCSPResponse: who answers (by name or by key hash), "
	    "when, and for each certificate good, revoked (when and why) or "
	    "unknown, with thisUpdate and nextUpdate bounding how long the "
	    "answer may be cached.  Certificates sent along (the responder's "
	    "own) are shown inside, with x509af's fields, as Wireshark "
	    "does.",
};
