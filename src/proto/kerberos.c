/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kerberos 5 (RFC 4120) on UDP and TCP port 88, in ASN.1 BER
 * (src/model/ber.c).  Over TCP each message follows a 4-byte record mark
 * (RFC 4120 7.2.2: a reserved bit and a 31-bit length).  Messages are
 * [APPLICATION n] SEQUENCEs of explicitly tagged ([n]) elements:
 *
 *   AS-REQ 10, TGS-REQ 12: pvno, msg-type, padata, req-body
 *   AS-REP 11, TGS-REP 13: pvno, msg-type, padata, crealm, cname, ticket,
 *       enc-part
 *   AP-REQ 14: pvno, msg-type, ap-options, ticket, authenticator
 *   AP-REP 15: pvno, msg-type, enc-part
 *   KRB-ERROR 30: pvno, msg-type, ctime, cusec, stime, susec, error-code,
 *       crealm, cname, realm, sname, e-text, e-data
 *
 * Encrypted parts are shown as their etype, kvno and cipher bytes.  The
 * padata a TGS-REQ carries (an AP-REQ), the PAC request, an encrypted
 * timestamp and ETYPE-INFO2 are decoded.  A message cut by the capture or
 * going on in a later segment is decoded as far as it is here.
 */
#include <stdio.h>
#include <string.h>

#include "strata/ber.h"
#include "strata/out.h"
#include "fields.h"

#define KRB_MAX_ITEMS	32	/* elements of a sequence, names, etypes */
#define KRB_MAX_DEPTH	3	/* an AP-REQ inside padata inside ... */
#define KRB_NAME	160	/* bytes of a principal name as text */

extern const struct st_proto st_proto_kerberos;

static const struct st_valname msg_names[] = {
	{ 10, "krb-as-req" }, { 11, "krb-as-rep" }, { 12, "krb-tgs-req" },
	{ 13, "krb-tgs-rep" }, { 14, "krb-ap-req" }, { 15, "krb-ap-rep" },
	{ 20, "krb-safe" }, { 21, "krb-priv" }, { 22, "krb-cred" },
	{ 30, "krb-error" }, { 0, NULL }
};

static const struct st_valname etype_names[] = {
	{ 1, "des-cbc-crc" }, { 2, "des-cbc-md4" }, { 3, "des-cbc-md5" },
	{ 16, "des3-cbc-sha1" }, { 17, "aes128-cts-hmac-sha1-96" },
	{ 18, "aes256-cts-hmac-sha1-96" }, { 19, "aes128-cts-hmac-sha256-128" },
	{ 20, "aes256-cts-hmac-sha384-192" }, { 23, "rc4-hmac" },
	{ 24, "rc4-hmac-exp" }, { 0, NULL }
};

static const struct st_valname name_type_names[] = {
	{ 0, "kRB5-NT-UNKNOWN" }, { 1, "kRB5-NT-PRINCIPAL" },
	{ 2, "kRB5-NT-SRV-INST" }, { 3, "kRB5-NT-SRV-HST" },
	{ 4, "kRB5-NT-SRV-XHST" }, { 5, "kRB5-NT-UID" },
	{ 10, "kRB5-NT-ENTERPRISE-PRINCIPAL" }, { 0, NULL }
};

static const struct st_valname padata_names[] = {
	{ 1, "pA-TGS-REQ" }, { 2, "pA-ENC-TIMESTAMP" }, { 3, "pA-PW-SALT" },
	{ 11, "pA-ETYPE-INFO" }, { 16, "pA-PK-AS-REQ" }, { 17, "pA-PK-AS-REP" },
	{ 19, "pA-ETYPE-INFO2" }, { 128, "pA-PAC-REQUEST" },
	{ 133, "pA-FX-COOKIE" }, { 136, "pA-FX-FAST" }, { 149, "pA-REQ-ENC-PA-REP" },
	{ 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 0, "eRR-NONE" }, { 6, "eRR-C-PRINCIPAL-UNKNOWN" },
	{ 7, "eRR-S-PRINCIPAL-UNKNOWN" }, { 14, "eRR-ETYPE-NOSUPP" },
	{ 18, "eRR-CLIENT-REVOKED" }, { 23, "eRR-KEY-EXP" },
	{ 24, "eRR-PREAUTH-FAILED" }, { 25, "eRR-PREAUTH-REQUIRED" },
	{ 31, "eRR-BAD-INTEGRITY" }, { 32, "eRR-TKT-EXPIRED" },
	{ 37, "eRR-SKEW" }, { 41, "eRR-MODIFIED" }, { 52, "eRR-RESPONSE-TOO-BIG" },
	{ 60, "eRR-GENERIC" }, { 68, "eRR-WRONG-REALM" }, { 0, NULL }
};

#define KDCOPT(i, n) FDD(NULL, "kerberos.KDCOptions." n, n, i, 1, ST_FMT_BOOL)

enum { F_RMRES, F_RMLEN, F_PVNO, F_MSG, F_PADATA, F_PATYPE, F_PAVALUE,
	F_PAC, F_SALT, F_KDCOPT, F_KDCBIT0, F_APOPT = F_KDCBIT0 + 32, F_APBIT0,
	F_NAMETYPE = F_APBIT0 + 3, F_CNAMES, F_CNAME, F_SNAMES, F_SNAME,
	F_REALM, F_CREALM, F_FROM, F_TILL, F_RTIME, F_NONCE, F_ETYPES,
	F_ENCTYPE, F_ADDRS, F_ADDRTYPE, F_ADDRIP, F_TKTVNO, F_ETYPE, F_KVNO,
	F_CIPHER, F_CTIME, F_CUSEC, F_STIME, F_SUSEC, F_ERROR, F_ETEXT,
	F_EDATA, F_CLIENT, F_SERVICE, F_NFIELDS };

static const struct st_field_desc krb_fields[] = {
	FD(NULL, "kerberos.rm.reserved", "Record mark: reserved", 0, 1,
	    ST_FMT_BOOL),
	FD(NULL, "kerberos.rm.length", "Record length", 1, 31, ST_FMT_DEC),
	FD(NULL, "kerberos.pvno", "Protocol version", 0, 0, ST_FMT_DEC),
	FDN("type", "kerberos.msg_type", "Message type", 0, 0, ST_FMT_DEC,
	    msg_names),
	FD(NULL, "kerberos.padata", "Pre-authentication data (items)", 0, 0,
	    ST_FMT_DEC),
	FDN(NULL, "kerberos.padata_type", "PA-DATA type", 0, 0, ST_FMT_DEC,
	    padata_names),
	FD(NULL, "kerberos.padata_value", "PA-DATA value", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "kerberos.include_pac", "Include PAC", 0, 0, ST_FMT_BOOL),
	FD(NULL, "kerberos.info2_salt", "Salt", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.kdc_options", "KDC options", 0, 0, ST_FMT_BYTES),
	KDCOPT(0, "reserved"), KDCOPT(1, "forwardable"),
	KDCOPT(2, "forwarded"), KDCOPT(3, "proxiable"), KDCOPT(4, "proxy"),
	KDCOPT(5, "allow.postdate"), KDCOPT(6, "postdated"),
	KDCOPT(7, "unused7"), KDCOPT(8, "renewable"), KDCOPT(9, "unused9"),
	KDCOPT(10, "unused10"), KDCOPT(11, "opt.hardware.auth"),
	KDCOPT(12, "unused12"), KDCOPT(13, "unused13"),
	KDCOPT(14, "constrained.delegation"), KDCOPT(15, "canonicalize"),
	KDCOPT(16, "request.anonymous"), KDCOPT(17, "unused17"),
	KDCOPT(18, "unused18"), KDCOPT(19, "unused19"),
	KDCOPT(20, "unused20"), KDCOPT(21, "unused21"),
	KDCOPT(22, "unused22"), KDCOPT(23, "unused23"),
	KDCOPT(24, "unused24"), KDCOPT(25, "unused25"),
	KDCOPT(26, "disable.transited.check"), KDCOPT(27, "renewable.ok"),
	KDCOPT(28, "enc.tkt.in.skey"), KDCOPT(29, "unused29"),
	KDCOPT(30, "renew"), KDCOPT(31, "validate"),
	FD(NULL, "kerberos.ap_options", "AP options", 0, 0, ST_FMT_BYTES),
	FDD(NULL, "kerberos.APOptions.reserved", "reserved", 0, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "kerberos.APOptions.use.session.key", "use-session-key", 1,
	    1, ST_FMT_BOOL),
	FDD(NULL, "kerberos.APOptions.mutual.required", "mutual-required", 2,
	    1, ST_FMT_BOOL),
	FDN(NULL, "kerberos.name_type", "Name type", 0, 0, ST_FMT_DEC,
	    name_type_names),
	FD(NULL, "kerberos.cname_string", "Client name (parts)", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "kerberos.CNameString", "Client name part", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "kerberos.sname_string", "Server name (parts)", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "kerberos.SNameString", "Server name part", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "kerberos.realm", "Realm", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.crealm", "Client realm", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.from", "From", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.till", "Till", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.rtime", "Renew till", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.nonce", "Nonce", 0, 0, ST_FMT_DEC),
	FD(NULL, "kerberos.kdc-req-body.etype", "Encryption types (items)", 0,
	    0, ST_FMT_DEC),
	FDN(NULL, "kerberos.ENCTYPE", "Encryption type", 0, 0, ST_FMT_DEC,
	    etype_names),
	FD(NULL, "kerberos.addresses", "Addresses (items)", 0, 0, ST_FMT_DEC),
	FD(NULL, "kerberos.addr_type", "Address type", 0, 0, ST_FMT_DEC),
	FD(NULL, "kerberos.addr_ip", "IP address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "kerberos.tkt_vno", "Ticket version", 0, 0, ST_FMT_DEC),
	FDN(NULL, "kerberos.etype", "Encryption type", 0, 0, ST_FMT_DEC,
	    etype_names),
	FD(NULL, "kerberos.kvno", "Key version", 0, 0, ST_FMT_DEC),
	FD(NULL, "kerberos.cipher", "Cipher text", 0, 0, ST_FMT_BYTES),
	FD(NULL, "kerberos.ctime", "Client time", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.cusec", "Client microseconds", 0, 0, ST_FMT_DEC),
	FD(NULL, "kerberos.stime", "Server time", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.susec", "Server microseconds", 0, 0, ST_FMT_DEC),
	FDN(NULL, "kerberos.error_code", "Error code", 0, 0, ST_FMT_DEC,
	    error_names),
	FD(NULL, "kerberos.e_text", "Error text", 0, 0, ST_FMT_TEXT),
	FD(NULL, "kerberos.e_data", "Error data", 0, 0, ST_FMT_BYTES),
	FDG("strata.kerberos.client", "Client (name@realm)", ST_FMT_TEXT,
	    NULL),
	FDG("strata.kerberos.service", "Service (name@realm)", ST_FMT_TEXT,
	    NULL),
};

#define F(i)	(&krb_fields[i])
#define U	ST_BER_UNIVERSAL
#define CTX	ST_BER_CONTEXT

/* What the top-level message names, for the generated fields. */
struct kctx {
	char	 cname[KRB_NAME], sname[KRB_NAME];
	char	 crealm[KRB_NAME], realm[KRB_NAME];
	unsigned depth;		/* 0: the message itself */
};

/* How an element of a sequence is shown. */
enum { K_UINT, K_SINT, K_TEXT, K_TIME, K_BYTES, K_KDCOPT, K_APOPT,
	K_CNAME, K_SNAME, K_PADATA, K_BODY, K_ETYPES, K_ADDRS, K_TICKET,
	K_TICKETS, K_ENC, K_PAVALUE, K_PAC, K_ADDR };

struct krow {
	uint8_t	 tag, kind, f;
};

static int k_seq(struct st_bwalk *, const struct st_ber *,
    const struct krow *, size_t, struct kctx *);

/* The element inside explicitly tagged t, into e (and its walk in). */
static int
k_inner(struct st_bwalk *w, const struct st_ber *t, struct st_bwalk *in,
    struct st_ber *e)
{
	*in = st_ber_walk_in(w, t);
	return st_ber_next(in, e);
}

/* KerberosTime "YYYYMMDDHHMMSSZ" as Wireshark writes absolute times. */
static int
k_time(struct st_bwalk *w, const struct st_ber *e, int f)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct st_cur p = st_ber_inside(&w->c, e);
	const uint8_t *s;
	unsigned v[6], i, k = 0, m;
	char buf[64];

	if (!st_cur_need(&p, e->len))
		return ST_ETRUNC;
	s = p.base + p.off;
	if (e->len != 15 || s[14] != 'Z')
		return st_ber_fstr(w, e, F(f));
	for (i = 0; i < 6; i++) {
		m = i == 0 ? 4 : 2;
		for (v[i] = 0; m > 0; m--, k++) {
			if (s[k] < '0' || s[k] > '9')
				return st_ber_fstr(w, e, F(f));
			v[i] = v[i] * 10 + (unsigned)(s[k] - '0');
		}
	}
	if (v[1] < 1 || v[1] > 12)
		return st_ber_fstr(w, e, F(f));
	snprintf(buf, sizeof(buf), "%s %2u, %u %02u:%02u:%02u.000000000 UTC",
	    mon[v[1] - 1], v[2], v[0], v[3], v[4], v[5]);
	st_dtext(w->d, &p, F(f), 0, e->len, buf);
	return ST_OK;
}

/* A BIT STRING of flags: its bytes in row f, each bit in rows f+1... */
static int
k_bits(struct st_bwalk *w, const struct st_ber *e, int f, unsigned nbits)
{
	struct st_cur p = st_ber_inside(&w->c, e);
	unsigned i;

	if (e->len < 1)
		return st_dmalformed(w->d, "empty bit string");
	if (!st_cur_need(&p, e->len))
		return ST_ETRUNC;
	p.off++;
	st_dbytes(w->d, &p, F(f), 0, e->len - 1);
	for (i = 0; i < nbits && (i + 8) / 8 < e->len; i++)
		st_dfield(w->d, &p, F(f + 1 + (int)i));
	return ST_OK;
}

/* Appends s to b (size KRB_NAME), after sep when b is not empty. */
static void
k_join(char *b, const char *sep, const char *s)
{
	size_t n = strlen(b);

	if (s == NULL)
		return;
	if (n > 0 && sep != NULL)
		n += (size_t)snprintf(b + n, KRB_NAME - n, "%s", sep);
	if (n < KRB_NAME)
		snprintf(b + n, KRB_NAME - n, "%s", s);
}

/* PrincipalName: [0] name-type, [1] SEQUENCE OF KerberosString; the
 * strings counted in row cnt, each in row cnt + 1, joined into out. */
static int
k_princ(struct st_bwalk *w, const struct st_ber *e, int cnt, char *out)
{
	struct st_bwalk in = st_ber_walk_in(w, e), s, v;
	struct st_ber t, q, x;
	struct st_field *c, *fl;
	unsigned n, k;
	int rc;

	for (n = 0; in.pos < in.lim && n < 4; n++) {
		if ((rc = st_ber_next(&in, &t)) != ST_OK ||
		    (rc = k_inner(&in, &t, &s, &q)) != ST_OK)
			return rc;
		if (t.tag == 0) {
			if ((rc = st_ber_fuint(&s, &q, F(F_NAMETYPE))) != ST_OK)
				return rc;
			continue;
		}
		if (t.tag != 1)
			continue;
		c = st_ber_add(&s, &q, F(cnt), 0);
		v = st_ber_walk_in(&s, &q);
		for (k = 0; v.pos < v.lim && k < KRB_MAX_ITEMS; k++) {
			if ((rc = st_ber_next(&v, &x)) != ST_OK ||
			    (rc = st_ber_fstr(&v, &x, F(cnt + 1))) != ST_OK)
				return rc;
			if (c != NULL)
				c->val = k + 1;
			fl = &w->d->pkt->fields[w->d->pkt->nfields - 1];
			if (out != NULL && fl->desc == F(cnt + 1))
				k_join(out, "/", fl->meaning);
		}
	}
	return ST_OK;
}

/* A SEQUENCE OF items e, counted in row cnt, each shown by kind. */
static int
k_list(struct st_bwalk *w, const struct st_ber *e, int cnt, int kind,
    struct kctx *k)
{
	static const struct krow pa[] = { { 1, K_UINT, F_PATYPE },
	    { 2, K_PAVALUE, F_PAVALUE } };
	static const struct krow addr[] = { { 0, K_UINT, F_ADDRTYPE },
	    { 1, K_ADDR, F_ADDRIP } };
	struct st_bwalk in = st_ber_walk_in(w, e);
	struct st_field *c = cnt >= 0 ? st_ber_add(w, e, F(cnt), 0) : NULL;
	struct st_ber t;
	unsigned n;
	int rc;

	for (n = 0; in.pos < in.lim && n < KRB_MAX_ITEMS; n++) {
		if ((rc = st_ber_next(&in, &t)) != ST_OK)
			return rc;
		if (c != NULL)
			c->val = n + 1;
		if (kind == K_ETYPES)
			rc = st_ber_fuint(&in, &t, F(F_ENCTYPE));
		else if (kind == K_PADATA)
			rc = k_seq(&in, &t, pa, NFIELDS(pa), k);
		else if (kind == K_ADDRS)
			rc = k_seq(&in, &t, addr, NFIELDS(addr), k);
		else
			rc = k_seq(&in, &t, NULL, 0, k);	/* tickets */
		if (rc != ST_OK)
			return rc;
	}
	return ST_OK;
}

static const struct krow enc_rows[] = { { 0, K_SINT, F_ETYPE },
	{ 1, K_UINT, F_KVNO }, { 2, K_BYTES, F_CIPHER } };
static const struct krow ticket_rows[] = { { 0, K_UINT, F_TKTVNO },
	{ 1, K_TEXT, F_REALM }, { 2, K_SNAME, 0 }, { 3, K_ENC, 0 } };
static const struct krow body_rows[] = { { 0, K_KDCOPT, F_KDCOPT },
	{ 1, K_CNAME, 0 }, { 2, K_TEXT, F_REALM }, { 3, K_SNAME, 0 },
	{ 4, K_TIME, F_FROM }, { 5, K_TIME, F_TILL }, { 6, K_TIME, F_RTIME },
	{ 7, K_UINT, F_NONCE }, { 8, K_ETYPES, F_ETYPES },
	{ 9, K_ADDRS, F_ADDRS }, { 10, K_ENC, 0 }, { 11, K_TICKETS, 0 } };
static const struct krow req_rows[] = { { 1, K_UINT, F_PVNO },
	{ 2, K_UINT, F_MSG }, { 3, K_PADATA, F_PADATA }, { 4, K_BODY, 0 } };
static const struct krow rep_rows[] = { { 0, K_UINT, F_PVNO },
	{ 1, K_UINT, F_MSG }, { 2, K_PADATA, F_PADATA },
	{ 3, K_TEXT, F_CREALM }, { 4, K_CNAME, 0 }, { 5, K_TICKET, 0 },
	{ 6, K_ENC, 0 } };
static const struct krow apreq_rows[] = { { 0, K_UINT, F_PVNO },
	{ 1, K_UINT, F_MSG }, { 2, K_APOPT, F_APOPT }, { 3, K_TICKET, 0 },
	{ 4, K_ENC, 0 } };
static const struct krow aprep_rows[] = { { 0, K_UINT, F_PVNO },
	{ 1, K_UINT, F_MSG }, { 2, K_ENC, 0 } };
static const struct krow error_rows[] = { { 0, K_UINT, F_PVNO },
	{ 1, K_UINT, F_MSG }, { 2, K_TIME, F_CTIME }, { 3, K_UINT, F_CUSEC },
	{ 4, K_TIME, F_STIME }, { 5, K_UINT, F_SUSEC },
	{ 6, K_UINT, F_ERROR }, { 7, K_TEXT, F_CREALM }, { 8, K_CNAME, 0 },
	{ 9, K_TEXT, F_REALM }, { 10, K_SNAME, 0 }, { 11, K_TEXT, F_ETEXT },
	{ 12, K_BYTES, F_EDATA } };
static const struct krow pac_rows[] = { { 0, K_PAC, F_PAC } };
static const struct krow info2_rows[] = { { 0, K_SINT, F_ETYPE },
	{ 1, K_TEXT, F_SALT } };

/* A message [APPLICATION n] e: its sequence, by its kind. */
static int
k_message(struct st_bwalk *w, const struct st_ber *e, struct kctx *k)
{
	struct st_bwalk in;
	struct st_ber s;
	const struct krow *rows;
	size_t n;
	int rc;

	switch (e->tag) {
	case 10: case 12:
		rows = req_rows, n = NFIELDS(req_rows);
		break;
	case 11: case 13:
		rows = rep_rows, n = NFIELDS(rep_rows);
		break;
	case 14:
		rows = apreq_rows, n = NFIELDS(apreq_rows);
		break;
	case 15:
		rows = aprep_rows, n = NFIELDS(aprep_rows);
		break;
	case 30:
		rows = error_rows, n = NFIELDS(error_rows);
		break;
	default:
		return ST_OK;	/* KRB-SAFE, -PRIV, -CRED: not decoded */
	}
	if ((rc = k_inner(w, e, &in, &s)) != ST_OK)
		return rc;
	if (s.cls != U || s.tag != ST_BER_SEQUENCE)
		return st_dmalformed(w->d, "message is not a SEQUENCE");
	return k_seq(&in, &s, rows, n, k);
}

/* A PA-DATA value e, by the type just read (the last field). */
static int
k_pavalue(struct st_bwalk *w, const struct st_ber *e, struct kctx *k)
{
	const struct st_packet *pkt = w->d->pkt;
	struct st_bwalk in = st_ber_walk_in(w, e), l;
	struct st_ber t;
	uint64_t type;
	unsigned n;
	int rc;

	if (pkt->nfields == 0 || pkt->fields[pkt->nfields - 1].desc !=
	    F(F_PATYPE))
		return ST_OK;
	type = pkt->fields[pkt->nfields - 1].val;
	if ((rc = st_ber_fstr(w, e, F(F_PAVALUE))) != ST_OK ||
	    in.pos >= in.lim || k->depth >= KRB_MAX_DEPTH)
		return rc;
	if ((type != 1 && type != 2 && type != 19 && type != 128) ||
	    (rc = st_ber_next(&in, &t)) != ST_OK)
		return rc;
	k->depth++;
	if (type == 1 && t.cls == ST_BER_APPLICATION && t.tag == 14)
		rc = k_message(&in, &t, k);
	else if (type == 2 && t.cls == U && t.tag == ST_BER_SEQUENCE)
		rc = k_seq(&in, &t, enc_rows, NFIELDS(enc_rows), k);
	else if (type == 128 && t.cls == U && t.tag == ST_BER_SEQUENCE)
		rc = k_seq(&in, &t, pac_rows, NFIELDS(pac_rows), k);
	else if (type == 19 && t.cls == U && t.tag == ST_BER_SEQUENCE) {
		l = st_ber_walk_in(&in, &t);
		for (n = 0; l.pos < l.lim && n < KRB_MAX_ITEMS && rc == ST_OK;
		    n++)
			if ((rc = st_ber_next(&l, &t)) == ST_OK)
				rc = k_seq(&l, &t, info2_rows,
				    NFIELDS(info2_rows), k);
	}
	k->depth--;
	return rc;
}

/* One element q (inside tag row r's [n]) shown as r says. */
static int
k_elem(struct st_bwalk *s, const struct st_ber *q, const struct krow *r,
    struct kctx *k)
{
	struct st_cur p = st_ber_inside(&s->c, q);
	struct st_bwalk in;
	struct st_ber t;
	int top = k->depth == 0, rc;

	switch (r->kind) {
	case K_UINT:
		return st_ber_fuint(s, q, F(r->f));
	case K_SINT:
		return st_ber_fint(s, q, F(r->f), NULL, NULL);
	case K_TEXT:
		if (top && (r->f == F_REALM || r->f == F_CREALM) &&
		    st_cur_need(&p, q->len) && q->len < KRB_NAME) {
			char *b = r->f == F_REALM ? k->realm : k->crealm;

			if (b[0] == '\0')
				st_escape(p.base + p.off, q->len, b,
				    KRB_NAME);
		}
		return st_ber_fstr(s, q, F(r->f));
	case K_TIME:
		return k_time(s, q, r->f);
	case K_BYTES:
		if ((rc = st_ber_fstr(s, q, F(r->f))) != ST_OK ||
		    r->f != F_EDATA || q->len < 2)
			return rc;
		/* e-data: METHOD-DATA (a SEQUENCE OF PA-DATA), when it is */
		in = st_ber_walk_in(s, q);
		if (st_ber_next(&in, &t) != ST_OK || t.cls != U ||
		    t.tag != ST_BER_SEQUENCE || t.off + t.len != in.lim)
			return ST_OK;
		return k_list(&in, &t, -1, K_PADATA, k);
	case K_KDCOPT:
		return k_bits(s, q, r->f, 32);
	case K_APOPT:
		return k_bits(s, q, r->f, 3);
	case K_CNAME:
		return k_princ(s, q, F_CNAMES, top && k->cname[0] == '\0' ?
		    k->cname : NULL);
	case K_SNAME:
		return k_princ(s, q, F_SNAMES, top && k->sname[0] == '\0' ?
		    k->sname : NULL);
	case K_PADATA: case K_ETYPES: case K_ADDRS: case K_TICKETS:
		return k_list(s, q, r->f == 0 ? -1 : r->f, r->kind, k);
	case K_BODY:
		return k_seq(s, q, body_rows, NFIELDS(body_rows), k);
	case K_TICKET:
		return k_seq(s, q, NULL, 0, k);
	case K_ENC:
		return k_seq(s, q, enc_rows, NFIELDS(enc_rows), k);
	case K_PAVALUE:
		return k_pavalue(s, q, k);
	case K_PAC:
		if (q->len != 1)
			return ST_OK;
		if (!st_cur_need(&p, 1))
			return ST_ETRUNC;
		st_ber_add(s, q, F(r->f), st_peek_bits(&p, 0, 8) != 0);
		return ST_OK;
	case K_ADDR:
		if (q->len == 4 && st_cur_need(&p, 4))
			st_dfield(s->d, &p, F(r->f));
		return p.err == ST_ETRUNC ? ST_ETRUNC : ST_OK;
	}
	return ST_OK;
}

/*
 * A SEQUENCE e of explicitly tagged elements, each shown by the row of
 * rows[0..n) with its tag (others skipped).  rows NULL: a Ticket, an
 * [APPLICATION 1] SEQUENCE.
 */
static int
k_seq(struct st_bwalk *w, const struct st_ber *e, const struct krow *rows,
    size_t n, struct kctx *k)
{
	struct st_bwalk in = st_ber_walk_in(w, e), s;
	struct st_ber t, q;
	unsigned cnt;
	size_t i;
	int rc = ST_OK;

	if (rows == NULL) {
		if (e->cls != ST_BER_APPLICATION || e->tag != 1 ||
		    (rc = st_ber_expect(&in, &t, U, ST_BER_SEQUENCE)) != ST_OK)
			return e->cls == ST_BER_APPLICATION && e->tag == 1 ?
			    rc : st_dmalformed(w->d, "ticket expected");
		return k_seq(&in, &t, ticket_rows, NFIELDS(ticket_rows), k);
	}
	if (e->cls != U || e->tag != ST_BER_SEQUENCE)
		return st_dmalformed(w->d, "SEQUENCE expected");
	for (cnt = 0; in.pos < in.lim && cnt < KRB_MAX_ITEMS; cnt++) {
		if ((rc = st_ber_next(&in, &t)) != ST_OK)
			return rc;
		if (t.cls != CTX)
			return st_dmalformed(w->d, "element of class %u",
			    (unsigned)t.cls);
		for (i = 0; i < n && rows[i].tag != t.tag; i++)
			;
		if (i == n)
			continue;
		if ((rc = k_inner(&in, &t, &s, &q)) != ST_OK ||
		    (rc = k_elem(&s, &q, &rows[i], k)) != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* Adds generated text row f with value v (when there is one). */
static void
k_gen(struct st_dctx *d, int f, const char *name, const char *realm)
{
	struct st_field *fl;
	char b[KRB_NAME * 2 + 2];

	if (name[0] == '\0')
		return;
	snprintf(b, sizeof(b), "%s%s%s", name, realm[0] != '\0' ? "@" : "",
	    realm);
	if ((fl = st_dgen(d, F(f), 0)) != NULL)
		fl->meaning = st_pkt_strdup(d->pkt, b);
}

static int
krb_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), lim = c->end, rm = 0;
	int cut = d->pkt->caplen < d->pkt->len;
	struct kctx k;
	struct st_bwalk w;
	struct st_ber m;
	int rc;

	d->hdr = left;
	d->plen = 0;
	if (left < 2)
		return left == 0 || cut ? ST_ETRUNC : ST_ENOTME;
	/* Over TCP a record mark: the reserved bit and a length (a message
	 * starts with an APPLICATION tag, 0x6a and above). */
	if (st_peek_bits(c, 0, 8) < 0x60) {
		/* Else a segment in the middle of a message: not ours. */
		if (left < 5 || (st_peek_bits(c, 32, 8) & 0xe0) != 0x60 ||
		    st_peek_bits(c, 0, 32) > (1u << 24))
			return left < 5 && cut ? ST_ETRUNC : ST_ENOTME;
		st_dfield(d, c, F(F_RMRES));
		st_dfield(d, c, F(F_RMLEN));
		rm = 4;
	}
	w = (struct st_bwalk){ d, *c, c->off + rm, c->off + rm + (1u << 24) };
	if ((rc = st_ber_next(&w, &m)) != ST_OK || m.cls !=
	    ST_BER_APPLICATION)
		return rc == ST_ETRUNC && (cut || rm) ? ST_ETRUNC :
		    rm ? st_dmalformed(d, "no Kerberos message") : ST_ENOTME;
	memset(&k, 0, sizeof(k));
	rc = k_message(&w, &m, &k);
	/* Cut short inside a message captured whole: an element lied. */
	if (rc == ST_ETRUNC && m.off + m.len <= lim)
		rc = st_dmalformed(d, "an element runs past its message");
	k_gen(d, F_CLIENT, k.cname, k.crealm[0] != '\0' ? k.crealm : k.realm);
	k_gen(d, F_SERVICE, k.sname, k.realm);
	if (m.off + m.len > lim) {
		if (cut && rc == ST_ETRUNC)
			return ST_ETRUNC;
		st_pkt_note(d->pkt, "Kerberos: a message continues in a later "
		    "segment");
		return rc == ST_ETRUNC ? ST_OK : rc;
	}
	d->hdr = m.off + m.len - c->off;
	return rc;
}

static const struct st_bind krb_binds[] = {
	{ ST_KEY_UDPPORT, 88 },
	{ ST_KEY_TCPPORT, 88 },
	{ ST_KEY_GSSAPI, ST_GSS_KRBMSG },	/* inside a krb5 GSS token */
};

/*
 * "kerberos krb-as-req User1@EXAMPLE.COM for krbtgt/EXAMPLE.COM@EXAMPLE.COM
 * etype 18", "kerberos krb-error eRR-PREAUTH-REQUIRED ...": the message,
 * who asks for what, and the error.
 */
static int
krb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, krb_fields, F_NFIELDS, f);
	st_out_puts(s->o, "kerberos");
	if (f[F_MSG] == NULL) {
		if (f[F_RMLEN] != NULL) {
			st_out_puts(s->o, " record of ");
			s->value(s, f[F_RMLEN]);
			st_out_puts(s->o, " bytes");
		}
		return 1;
	}
	if ((m = st_field_meaning(f[F_MSG])) != NULL)
		st_out_printf(s->o, " %s", m);
	if (f[F_ERROR] != NULL) {
		st_out_putc(s->o, ' ');
		if ((m = st_field_meaning(f[F_ERROR])) != NULL)
			st_out_puts(s->o, m);
		else
			s->value(s, f[F_ERROR]);
	}
	if (f[F_CLIENT] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CLIENT]);
	}
	if (f[F_SERVICE] != NULL) {
		st_out_puts(s->o, " for ");
		s->value(s, f[F_SERVICE]);
	}
	if (f[F_ENCTYPE] != NULL) {
		st_out_puts(s->o, " etype ");
		s->value(s, f[F_ENCTYPE]);
	}
	return 1;
}

static const struct st_field_desc *const krb_keys[] = {
	&krb_fields[F_MSG], &krb_fields[F_CLIENT], &krb_fields[F_SERVICE],
	NULL,
};

const struct st_proto st_proto_kerberos = {
	.name = "kerberos",
	.ws = "kerberos",
	.title = "Kerberos 5",
	.rfc = "RFC 4120",
	.role = ST_ROLE_APP,
	.fields = krb_fields,
	.nfields = NFIELDS(krb_fields),
	.decode = krb_decode,
	.binds = krb_binds,
	.nbinds = NFIELDS(krb_binds),
	.summary = krb_summary,
	.keys = krb_keys,
	.color = "\033[35m",
	.explain = "Kerberos authenticates a client to a service through a "
	    "trusted third party, the KDC.  The client asks the KDC's "
	    "authentication service for a ticket-granting ticket (AS-REQ/"
	    "AS-REP), then the ticket-granting service for a ticket to a "
	    "service (TGS-REQ/TGS-REP), and shows that ticket to the service "
	    "(AP-REQ/AP-REP).  Tickets and replies are encrypted with keys "
	    "derived from passwords (etype, key version), so only names, "
	    "realms, times, nonces and the encryption types are in clear; a "
	    "KRB-ERROR carries an error code (e.g. pre-authentication "
	    "required).  ASN.1 BER; over TCP each message follows a 4-byte "
	    "record mark.",
};
