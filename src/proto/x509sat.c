/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The values of a certificate's names (X.520's SelectedAttributeTypes,
 * Wireshark's x509sat) by attribute type, and the keys and algorithm
 * parameters of PKCS #1 (RFC 8017 A.1, A.2.3; RFC 5480 2.1.1 for an EC
 * key's curve), Wireshark's pkcs-1: two layers of a certificate (x509.h).
 *
 *   DirectoryString ::= CHOICE { teletexString, printableString,
 *       universalString, bmpString, uTF8String }
 *   RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
 *   RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0], maskGenAlgorithm
 *       [1], saltLength [2] INTEGER, trailerField [3] INTEGER }
 *
 * A string is shown as text when its bytes are printable ASCII; others
 * (UTF-8 beyond ASCII, BMP and universal strings) by their choice only.
 */
#include <string.h>

#include "x509.h"

enum {
	S_COUNTRY, S_DIRSTR, S_TELETEX, S_PRINTABLE, S_UNIVERSAL, S_BMP,
	S_UTF8, S_PRINTSTR, S_IA5, S_NSAT
};

static const struct st_field_desc sat_fields[] = {
	[S_COUNTRY] = FD(NULL, "x509sat.CountryName", "Country", 0, 0,
	    ST_FMT_TEXT),
	[S_DIRSTR] = FD(NULL, "x509sat.DirectoryString", "Directory string "
	    "(choice)", 0, 0, ST_FMT_DEC),
	[S_TELETEX] = FD(NULL, "x509sat.teletexString", "Teletex string", 0,
	    0, ST_FMT_TEXT),
	[S_PRINTABLE] = FD(NULL, "x509sat.printableString", "Printable "
	    "string", 0, 0, ST_FMT_TEXT),
	[S_UNIVERSAL] = FD(NULL, "x509sat.universalString", "Universal "
	    "string", 0, 0, ST_FMT_TEXT),
	[S_BMP] = FD(NULL, "x509sat.bmpString", "BMP string", 0, 0,
	    ST_FMT_TEXT),
	[S_UTF8] = FD(NULL, "x509sat.uTF8String", "UTF-8 string", 0, 0,
	    ST_FMT_TEXT),
	[S_PRINTSTR] = FD(NULL, "x509sat.PrintableString", "Printable string",
	    0, 0, ST_FMT_TEXT),
	[S_IA5] = FD(NULL, "x509sat.IA5String", "IA5 string", 0, 0,
	    ST_FMT_TEXT),
};

enum {
	P_MODULUS, P_EXPONENT, P_PSS, P_SALT, P_TRAILER, P_ECPARAMS, P_CURVE,
	P_NPKCS1
};

static const struct st_field_desc pkcs1_fields[] = {
	[P_MODULUS] = FD(NULL, "pkcs1.modulus", "Modulus", 0, 0, ST_FMT_BYTES),
	[P_EXPONENT] = FD(NULL, "pkcs1.publicExponent", "Public exponent", 0,
	    0, ST_FMT_DEC),
	[P_PSS] = FD(NULL, "pkcs1.RSASSA_PSS_params_element", "RSASSA-PSS "
	    "parameters (all default)", 0, 0, ST_FMT_BYTES),
	[P_SALT] = FD(NULL, "pkcs1.saltLength", "Salt length", 0, 0,
	    ST_FMT_DEC),
	[P_TRAILER] = FD(NULL, "pkcs1.trailerField", "Trailer field", 0, 0,
	    ST_FMT_DEC),
	[P_ECPARAMS] = FD(NULL, "pkcs1.ECParameters", "EC parameters "
	    "(choice)", 0, 0, ST_FMT_DEC),
	[P_CURVE] = FD(NULL, "pkcs1.namedCurve", "Named curve", 0, 0,
	    ST_FMT_TEXT),
};

#define S(i)	(&sat_fields[(i)])
#define P(i)	(&pkcs1_fields[(i)])

/* The attribute types whose values are DirectoryStrings (X.520). */
static const char *const dirstr_types[] = {
	"2.5.4.3", "2.5.4.4", "2.5.4.7", "2.5.4.8", "2.5.4.9", "2.5.4.10",
	"2.5.4.11", "2.5.4.12", "2.5.4.13", "2.5.4.15", "2.5.4.17",
	"2.5.4.18", "2.5.4.41", "2.5.4.42", "2.5.4.43", "2.5.4.44", "2.5.4.65",
};

/* Whether t's contents are all printable ASCII (and captured). */
static int
printable(struct x509 *x, const struct st_ber *t)
{
	struct st_cur p = st_ber_inside(&x->c, t);
	size_t i;
	unsigned b;

	if (!st_cur_need(&p, t->len))
		return 0;
	for (i = 0; i < t->len; i++)
		if ((b = st_get_u8(&p)) < 0x20 || b > 0x7e)
			return 0;
	return 1;
}

/* A string of universal tag tag, shown as fd when printable. */
static int
string(struct x509 *x, const struct st_ber *t, int tag,
    const struct st_field_desc *fd)
{
	if (t->cls != ST_BER_UNIVERSAL || (int)t->tag != tag)
		return st_dmalformed(x->d, "string of tag %u, %d expected",
		    (unsigned)t->tag, tag);
	if (printable(x, t))
		x509_str(x, XP_SAT, fd, t);
	return ST_OK;
}

static int
dirstring(struct x509 *x, const struct st_ber *t)
{
	static const struct { uint8_t tag, row; } alt[] = {
		{ 20, S_TELETEX }, { 19, S_PRINTABLE }, { 28, S_UNIVERSAL },
		{ 30, S_BMP }, { 12, S_UTF8 },
	};
	unsigned i;

	for (i = 0; i < NFIELDS(alt); i++)
		if (t->cls == ST_BER_UNIVERSAL && t->tag == alt[i].tag) {
			x509_addt(x, XP_SAT, S(S_DIRSTR), t, 1, i);
			if ((alt[i].tag == 20 || alt[i].tag == 19 ||
			    alt[i].tag == 12) && printable(x, t))
				x509_str(x, XP_SAT, S(alt[i].row), t);
			return ST_OK;
		}
	return st_dmalformed(x->d, "a DirectoryString of tag %u",
	    (unsigned)t->tag);
}

int
x509_attr_value(struct x509 *x, const char *oid, const struct st_ber *t)
{
	size_t i;

	if (strcmp(oid, "2.5.4.6") == 0)
		return string(x, t, 19, S(S_COUNTRY));
	if (strcmp(oid, "2.5.4.5") == 0 || strcmp(oid, "2.5.4.46") == 0)
		return string(x, t, 19, S(S_PRINTSTR));
	if (strcmp(oid, "1.2.840.113549.1.9.1") == 0 ||
	    strcmp(oid, "0.9.2342.19200300.100.1.25") == 0)
		return string(x, t, 22, S(S_IA5));
	for (i = 0; i < NFIELDS(dirstr_types); i++)
		if (strcmp(oid, dirstr_types[i]) == 0)
			return dirstring(x, t);
	return ST_OK;		/* a type strata does not know: not shown */
}

/* ---- PKCS #1 ------------------------------------------------------------ */

/* An INTEGER as fd (when it fits in 8 bytes). */
static int
integer(struct x509 *x, const struct st_ber *t, const struct st_field_desc *fd)
{
	int64_t v;
	int rc;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_INTEGER)
		return st_dmalformed(x->d, "an INTEGER expected");
	if ((rc = st_ber_int(&x->c, t, &v)) == ST_OK)
		x509_addt(x, XP_PKCS1, fd, t, 0, (uint64_t)v);
	return rc == ST_ETRUNC ? rc : ST_OK;
}

int
x509_public_key(struct x509 *x, const char *alg, size_t off, size_t n)
{
	struct st_bwalk w = { x->d, x->c, off, off + n };
	struct st_ber seq, e;
	int rc;

	(void)alg;
	if ((rc = x509_next(&w, &seq, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	w = x509_in(x, &seq);
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	x509_bytes(x, XP_PKCS1, P(P_MODULUS), &e);
	if ((rc = x509_next(&w, &e, ST_BER_UNIVERSAL, ST_BER_INTEGER)) != ST_OK)
		return rc;
	return integer(x, &e, P(P_EXPONENT));
}

/* RSASSA-PSS-params: each member [n] EXPLICIT. */
static int
pss(struct x509 *x, const struct st_ber *t)
{
	struct st_bwalk w = x509_in(x, t), in;
	struct st_ber e, v;
	unsigned i;
	int rc;

	if (t->cls != ST_BER_UNIVERSAL || t->tag != ST_BER_SEQUENCE)
		return st_dmalformed(x->d, "RSASSA-PSS parameters are no "
		    "SEQUENCE");
	if (t->len == 0)		/* all default: the element alone */
		x509_addt(x, XP_PKCS1, P(P_PSS), t, 1, 0);
	for (i = 0; i < 4 && w.pos < w.lim; i++) {
		if ((rc = st_ber_next(&w, &e)) != ST_OK)
			return rc;
		if (e.cls != ST_BER_CONTEXT || e.tag > 3)
			return st_dmalformed(x->d, "RSASSA-PSS parameter of "
			    "tag %u", (unsigned)e.tag);
		in = x509_in(x, &e);
		if ((rc = st_ber_next(&in, &v)) != ST_OK)
			return rc;
		if (e.tag <= 1)
			rc = x509_algid(x, &v);
		else
			rc = integer(x, &v, P(e.tag == 2 ? P_SALT : P_TRAILER));
		if (rc != ST_OK)
			return rc;
	}
	return ST_OK;
}

int
x509_alg_params(struct x509 *x, const char *alg, const struct st_ber *t)
{
	char oid[X509_OID];
	int rc;

	if (++x->depth > X509_DEPTH)
		return st_dmalformed(x->d, "algorithms nested too deep");
	rc = ST_OK;
	if (strcmp(alg, "1.2.840.113549.1.1.10") == 0)
		rc = pss(x, t);
	else if (strcmp(alg, "1.2.840.113549.1.1.8") == 0 &&
	    t->cls == ST_BER_UNIVERSAL && t->tag == ST_BER_SEQUENCE)
		rc = x509_algid(x, t);		/* MGF1's hash */
	else if (strcmp(alg, "1.2.840.10045.2.1") == 0 &&
	    t->cls == ST_BER_UNIVERSAL) {	/* an EC key's curve */
		if (t->tag == ST_BER_OID) {
			x509_addt(x, XP_PKCS1, P(P_ECPARAMS), t, 1, 1);
			rc = x509_oid(x, XP_PKCS1, P(P_CURVE), t, oid);
		} else if (t->tag == ST_BER_SEQUENCE)
			x509_addt(x, XP_PKCS1, P(P_ECPARAMS), t, 1, 0);
		else if (t->tag == ST_BER_NULL)
			x509_addt(x, XP_PKCS1, P(P_ECPARAMS), t, 1, 2);
	}
	x->depth--;
	return rc;
}

/* ---- the layers --------------------------------------------------------- */

static int
x509sat_decode(struct st_dctx *d, struct st_cur *c)
{
	return x509_layer(d, c, XP_SAT);
}

static int
pkcs1_decode(struct st_dctx *d, struct st_cur *c)
{
	return x509_layer(d, c, XP_PKCS1);
}

const struct st_proto st_proto_x509sat = {
	.name = "x509sat",
	.ws = "tls",
	.title = "X.509 Selected Attribute Types (a certificate's names)",
	.rfc = "RFC 5280, X.520",
	.role = ST_ROLE_APP,
	.fields = sat_fields,
	.nfields = S_NSAT,
	.decode = x509sat_decode,
	.explain = "The values of a certificate's issuer and subject names "
	    "(country, organisation, common name, ...), by attribute type.",
};

const struct st_proto st_proto_pkcs1 = {
	.name = "pkcs-1",
	.ws = "tls",
	.title = "PKCS #1 (a certificate's key and algorithm parameters)",
	.rfc = "RFC 8017, RFC 5480",
	.role = ST_ROLE_APP,
	.fields = pkcs1_fields,
	.nfields = P_NPKCS1,
	.decode = pkcs1_decode,
	.explain = "An RSA public key's modulus and exponent, RSASSA-PSS "
	    "parameters, an EC key's named curve.",
};
