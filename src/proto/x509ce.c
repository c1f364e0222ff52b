/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A certificate's extensions (RFC 5280 4.2), by the modules Wireshark
 * dissects them with, each a layer of the certificate (x509.h): x509ce
 * (X.509's CertificateExtensions: key usage, basic constraints, key
 * identifiers, alternative names, CRL distribution points, policies),
 * pkix1implicit (authority information access, a policy's user notice),
 * pkix1explicit (a policy's CPS pointer) and ns_cert_exts (Netscape's
 * certificate type and comment).
 *
 *   GeneralName ::= CHOICE { otherName [0], rfc822Name [1] IA5String,
 *       dNSName [2] IA5String, x400Address [3], directoryName [4] Name,
 *       ediPartyName [5], uniformResourceIdentifier [6] IA5String,
 *       iPAddress [7] OCTET STRING, registeredID [8] OID }
 *
 * An extension strata does not know is not shown beyond its identifier.
 * A SEQUENCE shown by its members is not shown itself, an empty one is
 * (a BasicConstraints with neither member), as Wireshark's JSON does.
 */
#include <string.h>

#include "x509.h"

enum {
	C_KU, C_KU0, C_KU1, C_KU2, C_KU3, C_KU4, C_KU5, C_KU6, C_KU7, C_KU8,
	C_EKUS, C_EKU, C_BC, C_CA, C_PATHLEN, C_SKI, C_AKI, C_KEYID,
	C_AKIISSUER, C_AKISERIAL, C_GNAMES, C_GNAME, C_RFC822, C_DNS, C_DIRNAME,
	C_URI, C_IP, C_RID, C_CRLDP, C_DP, C_DPNAME, C_FULLNAME, C_CRLISSUER,
	C_POLICIES, C_POLICYID, C_QUALIFIERS, C_QUALID, C_NCE
};

static const struct st_field_desc ce_fields[] = {
	[C_KU] = FD(NULL, "x509ce.KeyUsage", "Key usage", 0, 0, ST_FMT_BYTES),
	[C_KU0] = FD(NULL, "x509ce.KeyUsage.digitalSignature",
	    "digitalSignature", 0, 0, ST_FMT_BOOL),
	[C_KU1] = FD(NULL, "x509ce.KeyUsage.contentCommitment",
	    "contentCommitment", 0, 0, ST_FMT_BOOL),
	[C_KU2] = FD(NULL, "x509ce.KeyUsage.keyEncipherment",
	    "keyEncipherment", 0, 0, ST_FMT_BOOL),
	[C_KU3] = FD(NULL, "x509ce.KeyUsage.dataEncipherment",
	    "dataEncipherment", 0, 0, ST_FMT_BOOL),
	[C_KU4] = FD(NULL, "x509ce.KeyUsage.keyAgreement", "keyAgreement", 0,
	    0, ST_FMT_BOOL),
	[C_KU5] = FD(NULL, "x509ce.KeyUsage.keyCertSign", "keyCertSign", 0, 0,
	    ST_FMT_BOOL),
	[C_KU6] = FD(NULL, "x509ce.KeyUsage.cRLSign", "cRLSign", 0, 0,
	    ST_FMT_BOOL),
	[C_KU7] = FD(NULL, "x509ce.KeyUsage.encipherOnly", "encipherOnly", 0,
	    0, ST_FMT_BOOL),
	[C_KU8] = FD(NULL, "x509ce.KeyUsage.decipherOnly", "decipherOnly", 0,
	    0, ST_FMT_BOOL),
	[C_EKUS] = FD(NULL, "x509ce.KeyPurposeIDs", "Key purposes", 0, 0,
	    ST_FMT_DEC),
	[C_EKU] = FD(NULL, "x509ce.KeyPurposeId", "Key purpose", 0, 0,
	    ST_FMT_TEXT),
	[C_BC] = FD(NULL, "x509ce.BasicConstraintsSyntax_element", "Basic "
	    "constraints (empty)", 0, 0, ST_FMT_BYTES),
	[C_CA] = FD(NULL, "x509ce.cA", "CA", 0, 0, ST_FMT_BOOL),
	[C_PATHLEN] = FD(NULL, "x509ce.pathLenConstraint", "Path length "
	    "constraint", 0, 0, ST_FMT_DEC),
	[C_SKI] = FD(NULL, "x509ce.SubjectKeyIdentifier", "Subject key "
	    "identifier", 0, 0, ST_FMT_BYTES),
	[C_AKI] = FD(NULL, "x509ce.AuthorityKeyIdentifier_element",
	    "Authority key identifier (empty)", 0, 0, ST_FMT_BYTES),
	[C_KEYID] = FD(NULL, "x509ce.keyIdentifier", "Key identifier", 0, 0,
	    ST_FMT_BYTES),
	[C_AKIISSUER] = FD(NULL, "x509ce.authorityCertIssuer", "Authority "
	    "certificate issuer names", 0, 0, ST_FMT_DEC),
	[C_AKISERIAL] = FD(NULL, "x509ce.authorityCertSerialNumber",
	    "Authority certificate serial number", 0, 0, ST_FMT_BYTES),
	[C_GNAMES] = FD(NULL, "x509ce.GeneralNames", "Names", 0, 0,
	    ST_FMT_DEC),
	[C_GNAME] = FD(NULL, "x509ce.GeneralName", "Name (choice)", 0, 0,
	    ST_FMT_DEC),
	[C_RFC822] = FD(NULL, "x509ce.rfc822Name", "E-mail address", 0, 0,
	    ST_FMT_TEXT),
	[C_DNS] = FD(NULL, "x509ce.dNSName", "DNS name", 0, 0, ST_FMT_TEXT),
	[C_DIRNAME] = FD(NULL, "x509ce.directoryName", "Directory name "
	    "(choice)", 0, 0, ST_FMT_DEC),
	[C_URI] = FD(NULL, "x509ce.uniformResourceIdentifier", "URI", 0, 0,
	    ST_FMT_TEXT),
	[C_IP] = FD(NULL, "x509ce.iPAddress", "IP address", 0, 0,
	    ST_FMT_BYTES),
	[C_RID] = FD(NULL, "x509ce.registeredID", "Registered ID", 0, 0,
	    ST_FMT_TEXT),
	[C_CRLDP] = FD(NULL, "x509ce.CRLDistPointsSyntax", "CRL distribution "
	    "points", 0, 0, ST_FMT_DEC),
	[C_DP] = FD(NULL, "x509ce.DistributionPoint_element", "Distribution "
	    "point (empty)", 0, 0, ST_FMT_BYTES),
	[C_DPNAME] = FD(NULL, "x509ce.distributionPoint", "Distribution point "
	    "name (choice)", 0, 0, ST_FMT_DEC),
	[C_FULLNAME] = FD(NULL, "x509ce.fullName", "Full name", 0, 0,
	    ST_FMT_DEC),
	[C_CRLISSUER] = FD(NULL, "x509ce.cRLIssuer", "CRL issuer names", 0, 0,
	    ST_FMT_DEC),
	[C_POLICIES] = FD(NULL, "x509ce.CertificatePoliciesSyntax", "Policies",
	    0, 0, ST_FMT_DEC),
	[C_POLICYID] = FD(NULL, "x509ce.policyIdentifier", "Policy", 0, 0,
	    ST_FMT_TEXT),
	[C_QUALIFIERS] = FD(NULL, "x509ce.policyQualifiers", "Policy "
	    "qualifiers", 0, 0, ST_FMT_DEC),
	[C_QUALID] = FD(NULL, "x509ce.id", "Policy qualifier", 0, 0,
	    ST_FMT_TEXT),
};

enum { I_AIA, I_METHOD, I_LOCATION, I_EXPLICIT, I_IA5, I_VISIBLE, I_BMP,
	I_UTF8, I_NIMPL };

static const struct st_field_desc implicit_fields[] = {
	[I_AIA] = FD(NULL, "pkix1implicit.AuthorityInfoAccessSyntax",
	    "Access descriptions", 0, 0, ST_FMT_DEC),
	[I_METHOD] = FD(NULL, "pkix1implicit.accessMethod", "Access method", 0,
	    0, ST_FMT_TEXT),
	[I_LOCATION] = FD(NULL, "pkix1implicit.accessLocation", "Access "
	    "location (choice)", 0, 0, ST_FMT_DEC),
	[I_EXPLICIT] = FD(NULL, "pkix1implicit.explicitText", "Explicit text "
	    "(choice)", 0, 0, ST_FMT_DEC),
	[I_IA5] = FD(NULL, "pkix1implicit.ia5String", "IA5 string", 0, 0,
	    ST_FMT_TEXT),
	[I_VISIBLE] = FD(NULL, "pkix1implicit.visibleString", "Visible string",
	    0, 0, ST_FMT_TEXT),
	[I_BMP] = FD(NULL, "pkix1implicit.bmpString", "BMP string", 0, 0,
	    ST_FMT_TEXT),
	[I_UTF8] = FD(NULL, "pkix1implicit.utf8String", "UTF-8 string", 0, 0,
	    ST_FMT_TEXT),
};

static const struct st_field_desc explicit_fields[] = {
	FD(NULL, "pkix1explicit.DirectoryString", "CPS pointer", 0, 0,
	    ST_FMT_TEXT),
};

enum { N_TYPE, N_T0, N_T1, N_T2, N_T3, N_T4, N_T5, N_T6, N_T7, N_COMMENT,
	N_NNS };

static const struct st_field_desc ns_fields[] = {
	[N_TYPE] = FD(NULL, "ns_cert_exts.CertType", "Certificate type", 0, 0,
	    ST_FMT_BYTES),
	[N_T0] = FD(NULL, "ns.cert.exts.CertType.ssl.client", "SSL client", 0,
	    0, ST_FMT_BOOL),
	[N_T1] = FD(NULL, "ns.cert.exts.CertType.ssl.server", "SSL server", 0,
	    0, ST_FMT_BOOL),
	[N_T2] = FD(NULL, "ns.cert.exts.CertType.smime", "S/MIME", 0, 0,
	    ST_FMT_BOOL),
	[N_T3] = FD(NULL, "ns.cert.exts.CertType.object.signing", "Object "
	    "signing", 0, 0, ST_FMT_BOOL),
	[N_T4] = FD(NULL, "ns.cert.exts.CertType.reserved.for.future.use",
	    "Reserved", 0, 0, ST_FMT_BOOL),
	[N_T5] = FD(NULL, "ns.cert.exts.CertType.ssl.ca", "SSL CA", 0, 0,
	    ST_FMT_BOOL),
	[N_T6] = FD(NULL, "ns.cert.exts.CertType.smime.ca", "S/MIME CA", 0, 0,
	    ST_FMT_BOOL),
	[N_T7] = FD(NULL, "ns.cert.exts.CertType.object.signing.ca", "Object "
	    "signing CA", 0, 0, ST_FMT_BOOL),
	[N_COMMENT] = FD(NULL, "ns_cert_exts.Comment", "Comment", 0, 0,
	    ST_FMT_TEXT),
};

#define C(i)	(&ce_fields[(i)])
#define I(i)	(&implicit_fields[(i)])
#define N(i)	(&ns_fields[(i)])

int
x509_count(struct x509 *x, const struct st_ber *t, unsigned *n)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber e;
	int rc;

	for (*n = 0; w.pos < w.lim && *n < X509_ITEMS; (*n)++)
		if ((rc = st_ber_next(&w, &e)) != ST_OK)
			return rc;
	return ST_OK;
}

/* Whether t is a universal constructed SEQUENCE; else marked. */
static int
seq(struct x509 *x, const struct st_ber *t)
{
	if (t->cls == ST_BER_UNIVERSAL && t->tag == ST_BER_SEQUENCE)
		return ST_OK;
	return st_dmalformed(x->d, "a SEQUENCE expected, class %u tag %u",
	    t->cls, (unsigned)t->tag);
}

/* One GeneralName at t, its choice as fd of module m. */
static int
general_name(struct x509 *x, const struct st_ber *t, unsigned m,
    const struct st_field_desc *fd)
{
	struct st_bwalk w;
	struct st_ber in;
	char oid[X509_OID];
	int rc;

	if (t->cls != ST_BER_CONTEXT || t->tag > 8)
		return st_dmalformed(x->d, "a GeneralName of tag %u",
		    (unsigned)t->tag);
	x509_addt(x, m, fd, t, 1, t->tag);
	switch (t->tag) {
	case 1:
		x509_str(x, XP_CE, C(C_RFC822), t);
		break;
	case 2:
		x509_str(x, XP_CE, C(C_DNS), t);
		break;
	case 4:				/* [4] EXPLICIT Name */
		w = x509_in(x, t);
		if ((rc = st_ber_next(&w, &in)) != ST_OK)
			return rc;
		x509_addt(x, XP_CE, C(C_DIRNAME), &in, 1, 0);
		return x509_name(x, &in, XP_AF, x509_rdnseq);
	case 6:
		x509_str(x, XP_CE, C(C_URI), t);
		break;
	case 7:
		x509_bytes(x, XP_CE, C(C_IP), t);
		break;
	case 8:
		return x509_oid(x, XP_CE, C(C_RID), t, oid);
	}
	return ST_OK;
}

int
x509_general_names(struct x509 *x, const struct st_ber *t, unsigned m,
    const struct st_field_desc *fd)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber e;
	unsigned n, i;
	int rc;

	if (++x->depth > X509_DEPTH)
		return st_dmalformed(x->d, "names nested too deep");
	if ((rc = x509_count(x, t, &n)) != ST_OK)
		return rc;
	x509_addt(x, m, fd, t, 1, n);
	for (i = 0; i < n; i++)
		if ((rc = st_ber_next(&w, &e)) != ST_OK ||
		    (rc = general_name(x, &e, XP_CE, C(C_GNAME))) != ST_OK)
			return rc;
	x->depth--;
	return ST_OK;
}

/* A named-bits BIT STRING: its bytes as fd, then rows[0..n) a bit each
 * (a bit past the string's bytes is 0). */
static int
named_bits(struct x509 *x, const struct st_ber *t, unsigned m,
    const struct st_field_desc *fd, const struct st_field_desc *rows,
    unsigned n)
{
	size_t off, len;
	unsigned i, b;
	int rc;

	if ((rc = x509_bits(x, t, m, fd, &off, &len)) != ST_OK)
		return rc;
	for (i = 0; i < n; i++) {
		b = i / 8 < len ? x509_u8(x, off + i / 8) >> (7 - i % 8) & 1 :
		    0;
		x509_add(x, m, &rows[i], i / 8 < len ? off + i / 8 : off,
		    i / 8 < len ? 1 : 0, b);
	}
	return ST_OK;
}

static int
basic_constraints(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber e;
	uint64_t v;
	unsigned i;
	int rc;

	if ((rc = seq(x, t)) != ST_OK)
		return rc;
	if (t->len == 0)
		x509_addt(x, XP_CE, C(C_BC), t, 1, 0);
	for (i = 0; i < 2 && w.pos < w.lim; i++) {
		if ((rc = st_ber_next(&w, &e)) != ST_OK)
			return rc;
		if (e.cls == ST_BER_UNIVERSAL && e.tag == ST_BER_BOOLEAN &&
		    e.len == 1)
			x509_addt(x, XP_CE, C(C_CA), &e, 0,
			    x509_u8(x, e.off) != 0);
		else if (e.cls == ST_BER_UNIVERSAL && e.tag == ST_BER_INTEGER) {
			if ((rc = st_ber_uint(&x->c, &e, &v)) == ST_EINVAL)
				return st_dmalformed(x->d, "bad path length");
			if (rc != ST_OK)
				return rc;
			x509_addt(x, XP_CE, C(C_PATHLEN), &e, 0, v);
			break;
		} else
			return st_dmalformed(x->d, "bad basic constraints");
	}
	return ST_OK;
}

static int
authority_key_id(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber e;
	unsigned i;
	int rc;

	if ((rc = seq(x, t)) != ST_OK)
		return rc;
	if (t->len == 0)
		x509_addt(x, XP_CE, C(C_AKI), t, 1, 0);
	for (i = 0; i < 3 && w.pos < w.lim; i++) {
		if ((rc = st_ber_next(&w, &e)) != ST_OK)
			return rc;
		if (e.cls != ST_BER_CONTEXT || e.tag > 2)
			return st_dmalformed(x->d, "bad authority key "
			    "identifier");
		if (e.tag == 0)
			x509_bytes(x, XP_CE, C(C_KEYID), &e);
		else if (e.tag == 2)
			x509_bytes(x, XP_CE, C(C_AKISERIAL), &e);
		else if ((rc = x509_general_names(x, &e, XP_CE,
		    C(C_AKIISSUER))) != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* A SEQUENCE OF at t, counted as fd of module m, each element handed to
 * one(x, element). */
static int
list(struct x509 *x, const struct st_ber *t, unsigned m,
    const struct st_field_desc *fd,
    int (*one)(struct x509 *, const struct st_ber *))
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber e;
	unsigned n, i;
	int rc;

	if ((rc = seq(x, t)) != ST_OK || (rc = x509_count(x, t, &n)) != ST_OK)
		return rc;
	x509_addt(x, m, fd, t, 1, n);
	for (i = 0; i < n; i++)
		if ((rc = st_ber_next(&w, &e)) != ST_OK ||
		    (rc = one(x, &e)) != ST_OK)
			return rc;
	return ST_OK;
}

static int
key_purpose(struct x509 *x, const struct st_ber *t)
{
	char oid[X509_OID];

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_OID)
		return st_dmalformed(x->d, "a key purpose is no OID");
	return x509_oid(x, XP_CE, C(C_EKU), t, oid);
}

static int
distribution_point(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t), in;
	struct st_ber e, v;
	unsigned i;
	int rc;

	if ((rc = seq(x, t)) != ST_OK)
		return rc;
	if (t->len == 0)
		x509_addt(x, XP_CE, C(C_DP), t, 1, 0);
	for (i = 0; i < 3 && w.pos < w.lim; i++) {
		if ((rc = st_ber_next(&w, &e)) != ST_OK)
			return rc;
		if (e.cls != ST_BER_CONTEXT || e.tag > 2)
			return st_dmalformed(x->d, "bad distribution point");
		if (e.tag == 2 && (rc = x509_general_names(x, &e, XP_CE,
		    C(C_CRLISSUER))) != ST_OK)
			return rc;
		if (e.tag != 0)
			continue;	/* reasons: not shown */
		in = x509_in(x, &e);
		if ((rc = st_ber_next(&in, &v)) != ST_OK)
			return rc;
		if (v.cls != ST_BER_CONTEXT || v.tag > 1)
			return st_dmalformed(x->d, "bad distribution point "
			    "name");
		x509_addt(x, XP_CE, C(C_DPNAME), &v, 1, v.tag);
		if (v.tag == 0 && (rc = x509_general_names(x, &v, XP_CE,
		    C(C_FULLNAME))) != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* A policy qualifier: CPS pointer (pkix1explicit), user notice's
 * explicit text (pkix1implicit); others not shown. */
static int
qualifier(struct x509 *x, const struct st_ber *t)
{
	static const struct { uint8_t tag, row; } text[] = {
		{ 22, I_IA5 }, { 26, I_VISIBLE }, { 30, I_BMP }, { 12, I_UTF8 },
	};
	struct st_bwalk w = x509_in(x, t);
	struct st_ber id, q, e;
	char oid[X509_OID];
	unsigned i, k;
	int rc;

	if ((rc = seq(x, t)) != ST_OK ||
	    (rc = x509_next(&w, &id, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = x509_oid(x, XP_CE, C(C_QUALID), &id, oid)) != ST_OK ||
	    w.pos >= w.lim || (rc = st_ber_next(&w, &q)) != ST_OK)
		return rc;
	if (strcmp(oid, "1.3.6.1.5.5.7.2.1") == 0) {
		if (q.cls == ST_BER_UNIVERSAL && q.tag == 22)
			x509_str(x, XP_PKIX1E, &explicit_fields[0], &q);
		return ST_OK;
	}
	if (strcmp(oid, "1.3.6.1.5.5.7.2.2") != 0 || seq(x, &q) != ST_OK)
		return ST_OK;
	w = x509_in(x, &q);
	for (k = 0; k < 2 && w.pos < w.lim; k++) {	/* noticeRef (not
							   shown), text */
		if ((rc = st_ber_next(&w, &e)) != ST_OK)
			return rc;
		for (i = 0; i < NFIELDS(text); i++)
			if (e.cls == ST_BER_UNIVERSAL && e.tag == text[i].tag) {
				x509_addt(x, XP_PKIX1I, I(I_EXPLICIT), &e, 1,
				    i);
				if (e.tag != 30)
					x509_str(x, XP_PKIX1I, I(text[i].row),
					    &e);
			}
	}
	return ST_OK;
}

static int
policy(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber id, q;
	char oid[X509_OID];
	int rc;

	if ((rc = seq(x, t)) != ST_OK ||
	    (rc = x509_next(&w, &id, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = x509_oid(x, XP_CE, C(C_POLICYID), &id, oid)) != ST_OK)
		return rc;
	if (w.pos < w.lim && ((rc = st_ber_next(&w, &q)) != ST_OK ||
	    (rc = list(x, &q, XP_CE, C(C_QUALIFIERS), qualifier)) != ST_OK))
		return rc;
	return ST_OK;
}

static int
access_description(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber id, loc;
	char oid[X509_OID];
	int rc;

	if ((rc = seq(x, t)) != ST_OK ||
	    (rc = x509_next(&w, &id, ST_BER_UNIVERSAL, ST_BER_OID)) != ST_OK ||
	    (rc = x509_oid(x, XP_PKIX1I, I(I_METHOD), &id, oid)) != ST_OK ||
	    (rc = st_ber_next(&w, &loc)) != ST_OK)
		return rc;
	return general_name(x, &loc, XP_PKIX1I, I(I_LOCATION));
}

int
x509_extension(struct x509 *x, const char *oid, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t);
	struct st_ber v;
	int rc;

	if (t->len == 0)
		return ST_OK;
	if ((rc = st_ber_next(&w, &v)) != ST_OK)
		return rc;
	if (strcmp(oid, "2.5.29.15") == 0)
		return named_bits(x, &v, XP_CE, C(C_KU), C(C_KU0), 9);
	if (strcmp(oid, "2.5.29.37") == 0)
		return list(x, &v, XP_CE, C(C_EKUS), key_purpose);
	if (strcmp(oid, "2.5.29.19") == 0)
		return basic_constraints(x, &v);
	if (strcmp(oid, "2.5.29.14") == 0) {
		if (v.cls != ST_BER_UNIVERSAL || v.tag != ST_BER_OCTETS)
			return st_dmalformed(x->d, "bad key identifier");
		x509_bytes(x, XP_CE, C(C_SKI), &v);
		return ST_OK;
	}
	if (strcmp(oid, "2.5.29.35") == 0)
		return authority_key_id(x, &v);
	if (strcmp(oid, "2.5.29.17") == 0 || strcmp(oid, "2.5.29.18") == 0) {
		if ((rc = seq(x, &v)) != ST_OK)
			return rc;
		return x509_general_names(x, &v, XP_CE, C(C_GNAMES));
	}
	if (strcmp(oid, "2.5.29.31") == 0)
		return list(x, &v, XP_CE, C(C_CRLDP), distribution_point);
	if (strcmp(oid, "2.5.29.32") == 0)
		return list(x, &v, XP_CE, C(C_POLICIES), policy);
	if (strcmp(oid, "1.3.6.1.5.5.7.1.1") == 0)
		return list(x, &v, XP_PKIX1I, I(I_AIA), access_description);
	if (strcmp(oid, "2.16.840.1.113730.1.1") == 0)
		return named_bits(x, &v, XP_NS, N(N_TYPE), N(N_T0), 8);
	if (strcmp(oid, "2.16.840.1.113730.1.13") == 0 &&
	    v.cls == ST_BER_UNIVERSAL && v.tag == 22)
		x509_str(x, XP_NS, N(N_COMMENT), &v);
	return ST_OK;
}

/* ---- the layers --------------------------------------------------------- */

static int
x509ce_decode(struct st_dctx *d, struct st_cur *c)
{
	return x509_layer(d, c, XP_CE);
}

static int
pkix1implicit_decode(struct st_dctx *d, struct st_cur *c)
{
	return x509_layer(d, c, XP_PKIX1I);
}

static int
pkix1explicit_decode(struct st_dctx *d, struct st_cur *c)
{
	return x509_layer(d, c, XP_PKIX1E);
}

static int
ns_decode(struct st_dctx *d, struct st_cur *c)
{
	return x509_layer(d, c, XP_NS);
}

const struct st_proto st_proto_x509ce = {
	.name = "x509ce",
	.ws = "tls",
	.title = "X.509 Certificate Extensions",
	.rfc = "RFC 5280 4.2",
	.role = ST_ROLE_APP,
	.fields = ce_fields,
	.nfields = C_NCE,
	.decode = x509ce_decode,
	.explain = "A certificate's standard extensions: key usage, extended "
	    "key usage, basic constraints, key identifiers, alternative "
	    "names, CRL distribution points, certificate policies.",
};

const struct st_proto st_proto_pkix1implicit = {
	.name = "pkix1implicit",
	.ws = "tls",
	.title = "PKIX1Implicit (authority information access)",
	.rfc = "RFC 5280 4.2.2.1",
	.role = ST_ROLE_APP,
	.fields = implicit_fields,
	.nfields = I_NIMPL,
	.decode = pkix1implicit_decode,
	.explain = "Where a certificate's issuer publishes its OCSP responder "
	    "and certificate (authority information access), and a policy's "
	    "user notice.",
};

const struct st_proto st_proto_pkix1explicit = {
	.name = "pkix1explicit",
	.ws = "tls",
	.title = "PKIX1Explicit (a policy's CPS pointer)",
	.rfc = "RFC 5280 4.2.1.4",
	.role = ST_ROLE_APP,
	.fields = explicit_fields,
	.nfields = NFIELDS(explicit_fields),
	.decode = pkix1explicit_decode,
	.explain = "The URI of a certificate policy's certification practice "
	    "statement.",
};

const struct st_proto st_proto_ns_cert_exts = {
	.name = "ns_cert_exts",
	.ws = "tls",
	.title = "Netscape certificate extensions",
	.rfc = "Netscape certificate extensions",
	.role = ST_ROLE_APP,
	.fields = ns_fields,
	.nfields = N_NNS,
	.decode = ns_decode,
	.explain = "Netscape's certificate type bits and comment.",
};
