/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SPNEGO, the simple and protected GSS-API negotiation mechanism (RFC
 * 4178), and the Kerberos 5 mechanism's token inside it (RFC 4121,
 * Wireshark's spnego-krb5):
 *
 *   NegotiationToken ::= CHOICE {
 *     negTokenInit [0] SEQUENCE { mechTypes [0] SEQUENCE OF OID,
 *       reqFlags [1] BIT STRING, mechToken [2] OCTET STRING,
 *       negHints [3] SEQUENCE { hintName [0], hintAddress [1] }
 *         (Microsoft's NegTokenInit2) or mechListMIC [3],
 *       mechListMIC [4] OCTET STRING },
 *     negTokenResp [1] SEQUENCE { negState [0] ENUMERATED,
 *       supportedMech [1] OID, responseToken [2] OCTET STRING,
 *       mechListMIC [3] OCTET STRING } }
 *
 * The mechanism token goes on as a layer of its own: NTLMSSP when it
 * starts with NTLMSSP's signature, else Kerberos; an NTLMSSP verifier in
 * mechListMIC likewise.  A Kerberos token is the GSS-API header with the
 * mechanism's OID, a 2-byte token ID (little-endian, as Wireshark reads
 * it: 0x0001 AP-REQ, 0x0002 AP-REP, 0x0003 KRB-ERROR) and the Kerberos
 * message, which goes on to Kerberos through the registry.
 */
#include <stdio.h>
#include <string.h>

#include "strata/ber.h"
#include "strata/out.h"
#include "fields.h"

#define SPNEGO_MECHMAX	16	/* mechanism OIDs listed */

enum {
	F_MECHTYPES, F_MECHTYPE, F_REQFLAGS, F_MECHTOKEN, F_KRBBLOB,
	F_HINTNAME, F_HINTADDR, F_MIC, F_NEGRESULT, F_SUPMECH, F_RESPTOKEN,
	F_NFIELDS
};

static const struct st_valname negresult_names[] = {
	{ 0, "accept-completed" }, { 1, "accept-incomplete" },
	{ 2, "reject" }, { 3, "request-mic" }, { 0, NULL },
};

static const struct st_field_desc spnego_fields[] = {
	[F_MECHTYPES] = FD(NULL, "spnego.mechTypes", "Mechanism types", 0, 0,
	    ST_FMT_DEC),
	[F_MECHTYPE] = FD(NULL, "spnego.MechType", "Mechanism type", 0, 0,
	    ST_FMT_TEXT),
	[F_REQFLAGS] = FD(NULL, "spnego.reqFlags", "Requested flags", 0, 0,
	    ST_FMT_BYTES),
	[F_MECHTOKEN] = FD(NULL, "spnego.mechToken", "Mechanism token", 0, 0,
	    ST_FMT_BYTES),
	[F_KRBBLOB] = FD(NULL, "spnego.krb5.blob", "Kerberos token", 0, 0,
	    ST_FMT_BYTES),
	[F_HINTNAME] = FD(NULL, "spnego.hintName", "Hint name", 0, 0,
	    ST_FMT_TEXT),
	[F_HINTADDR] = FD(NULL, "spnego.hintAddress", "Hint address", 0, 0,
	    ST_FMT_BYTES),
	[F_MIC] = FD(NULL, "spnego.mechListMIC", "Mechanism list MIC", 0, 0,
	    ST_FMT_BYTES),
	[F_NEGRESULT] = FDN(NULL, "spnego.negResult", "Negotiation state", 0,
	    0, ST_FMT_DEC, negresult_names),
	[F_SUPMECH] = FD(NULL, "spnego.supportedMech", "Supported mechanism",
	    0, 0, ST_FMT_TEXT),
	[F_RESPTOKEN] = FD(NULL, "spnego.responseToken", "Response token", 0,
	    0, ST_FMT_BYTES),
};

#define F(i)	(&spnego_fields[(i)])

/* What the mechanism token and MIC are, to hand them on last. */
struct sp {
	size_t		 tok, ntok;	/* the token's bytes (ntok 0: none) */
	size_t		 mic, nmic;
};

/* The layer of kind for the n bytes at off (from the cursor's base). */
static void
hand_on(struct st_dctx *d, struct st_cur *c, unsigned kind, size_t off,
    size_t n)
{
	const struct st_proto *p = st_proto_next(ST_KEY_GSSAPI, kind);

	if (p != NULL && off >= c->off)
		st_dsublayer(d, c, p, off - c->off, n);
}

/* The first byte of the n at off, or -1 when not captured. */
static int
first_byte(const struct st_cur *c, size_t off, size_t n)
{
	struct st_cur t = *c;

	t.off = off;
	return n > 0 && st_cur_need(&t, 1) ? (int)st_peek_bits(&t, 0, 8) : -1;
}

/* The element of explicit tag e: its one universal element into *u. */
static int
inner(struct st_bwalk *w, const struct st_ber *e, struct st_ber *u)
{
	struct st_bwalk in = st_ber_walk_in(w, e);

	return st_ber_next(&in, u);
}

/* OCTET STRING u as row f, and as Kerberos's blob when it is one. */
static void
token(struct st_bwalk *w, const struct st_ber *u, int f, struct sp *s)
{
	int b = first_byte(&w->c, u->off, u->len);

	st_ber_add(w, u, F(f), 0);
	if (b != 'N' && b >= 0)
		st_ber_add(w, u, F(F_KRBBLOB), 0);
	s->tok = u->off;
	s->ntok = u->len;
}

static int
mechtypes(struct st_bwalk *w, const struct st_ber *seq)
{
	struct st_bwalk in = st_ber_walk_in(w, seq);
	struct st_field *cnt = st_ber_add(w, seq, F(F_MECHTYPES), 0);
	struct st_ber o;
	unsigned n;
	int rc = ST_OK;

	for (n = 0; n < SPNEGO_MECHMAX && in.pos < in.lim && rc == ST_OK;
	    n++)
		if ((rc = st_ber_expect(&in, &o, ST_BER_UNIVERSAL,
		    ST_BER_OID)) == ST_OK)
			rc = st_ber_foid(&in, &o, F(F_MECHTYPE));
	if (cnt != NULL)
		cnt->val = n;
	return rc;
}

static int
hints(struct st_bwalk *w, const struct st_ber *seq)
{
	struct st_bwalk in = st_ber_walk_in(w, seq);
	struct st_ber e, u;
	unsigned n;
	int rc = ST_OK;

	for (n = 0; n < 4 && in.pos < in.lim && rc == ST_OK; n++) {
		if ((rc = st_ber_next(&in, &e)) != ST_OK ||
		    (rc = inner(&in, &e, &u)) != ST_OK)
			break;
		rc = st_ber_fstr(&in, &u, F(e.tag == 0 ? F_HINTNAME :
		    F_HINTADDR));
	}
	return rc;
}

/* The elements of a negTokenInit (init) or negTokenResp. */
static int
elements(struct st_bwalk *w, const struct st_ber *seq, int init,
    struct sp *s)
{
	struct st_bwalk in = st_ber_walk_in(w, seq);
	struct st_ber e, u;
	unsigned n;
	int rc = ST_OK;

	for (n = 0; n < 8 && in.pos < in.lim && rc == ST_OK; n++) {
		if ((rc = st_ber_next(&in, &e)) != ST_OK ||
		    (rc = inner(&in, &e, &u)) != ST_OK)
			break;
		if (e.cls != ST_BER_CONTEXT)
			return st_dmalformed(w->d, "not a SPNEGO element");
		if (init && e.tag == 0)
			rc = mechtypes(&in, &u);
		else if (init && e.tag == 1)
			st_ber_add(&in, &u, F(F_REQFLAGS), 0);
		else if (init && e.tag == 3 && u.tag == ST_BER_SEQUENCE)
			rc = hints(&in, &u);
		else if (!init && e.tag == 0)
			rc = st_ber_fuint(&in, &u, F(F_NEGRESULT));
		else if (!init && e.tag == 1)
			rc = st_ber_foid(&in, &u, F(F_SUPMECH));
		else if (e.tag == 2)
			token(&in, &u, init ? F_MECHTOKEN : F_RESPTOKEN, s);
		else if (e.tag == 3 || e.tag == 4) {
			st_ber_add(&in, &u, F(F_MIC), 0);
			s->mic = u.off;
			s->nmic = u.len;
		}
	}
	return rc;
}

static void krb5_token(struct st_dctx *d, struct st_cur *c, size_t off,
    size_t n);

static int
spnego_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_bwalk w = { d, *c, c->off, c->end };
	struct st_ber t, seq;
	struct sp s = { 0, 0, 0, 0 };
	int rc, b;

	d->hdr = left;
	d->plen = 0;
	if ((rc = st_ber_next(&w, &t)) != ST_OK)
		return rc;
	if (t.cls != ST_BER_CONTEXT || t.tag > 1 || !t.cons)
		return st_dmalformed(d, "not a NegotiationToken");
	if ((rc = inner(&w, &t, &seq)) != ST_OK)
		return rc;
	if (seq.tag != ST_BER_SEQUENCE)
		return st_dmalformed(d, "not a NegotiationToken");
	rc = elements(&w, &seq, t.tag == 0, &s);
	if (rc == ST_EINVAL)
		return rc;
	/* The mechanism's layers last: later fields would go to them. */
	if (s.ntok > 0 && (b = first_byte(c, s.tok, s.ntok)) == 'N')
		hand_on(d, c, ST_GSS_NTLMSSP, s.tok, s.ntok);
	else if (s.ntok > 0 && b >= 0)
		krb5_token(d, c, s.tok, s.ntok);
	if (s.nmic == 16 && first_byte(c, s.mic, 1) == 1)
		hand_on(d, c, ST_GSS_NTLMSSP, s.mic, s.nmic);
	return rc;
}

static const struct st_bind spnego_binds[] = {
	{ ST_KEY_GSSAPI, ST_GSS_SPNEGO },
};

/* "spnego init ntlmssp", "spnego accept-incomplete": what is offered or
 * how the negotiation stands. */
static int
spnego_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, spnego_fields, F_NFIELDS, f);
	st_out_puts(s->o, "spnego");
	if (f[F_NEGRESULT] != NULL && (m = st_field_meaning(f[F_NEGRESULT]))
	    != NULL)
		st_out_printf(s->o, " %s", m);
	else if (f[F_MECHTYPES] != NULL) {
		st_out_puts(s->o, " init");
		if (f[F_MECHTYPE] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_MECHTYPE]);
		}
	}
	return 1;
}

static const struct st_field_desc *const spnego_keys[] = {
	&spnego_fields[F_NEGRESULT], &spnego_fields[F_MECHTYPE], NULL,
};

const struct st_proto st_proto_spnego = {
	.name = "spnego",
	.ws = "spnego",
	.title = "Simple Protected Negotiation",
	.rfc = "RFC 4178",
	.role = ST_ROLE_APP,
	.fields = spnego_fields,
	.nfields = NFIELDS(spnego_fields),
	.decode = spnego_decode,
	.binds = spnego_binds,
	.nbinds = NFIELDS(spnego_binds),
	.summary = spnego_summary,
	.keys = spnego_keys,
	.color = "\033[33m",
	.explain = "SPNEGO lets two GSS-API peers agree on an authentication "
	    "mechanism: the initiator lists the mechanisms it supports "
	    "(mechTypes, by OID: Kerberos, NTLMSSP) and may send an "
	    "optimistic token of its first choice; the acceptor answers "
	    "with a negState (accept-completed, accept-incomplete, reject, "
	    "request-mic), the mechanism it chose and its own token, until "
	    "the mechanism is done; a mechListMIC protects the list from "
	    "being downgraded.  ASN.1 DER.  RFC 4178.",
};

/* ---- the Kerberos 5 mechanism's token (spnego-krb5) ------------------- */

enum {
	K_OID, K_TOKID, K_CFXFLAGS, K_ACCSUB, K_SEALED, K_BYACC, K_FILLER,
	K_EC, K_RRC, K_SEQ, K_CKSUM, K_NFIELDS
};

static const struct st_valname tokid_names[] = {
	{ 0x0001, "KRB5_AP_REQ" }, { 0x0002, "KRB5_AP_REP" },
	{ 0x0003, "KRB5_ERROR" }, { 0x0101, "KRB5_GSS_GetMIC" },
	{ 0x0201, "KRB5_GSS_Wrap" }, { 0x0404, "KRB5_GSS_GetMIC_CFX" },
	{ 0x0405, "KRB5_GSS_Wrap_CFX" }, { 0, NULL },
};

static const struct st_field_desc krb5_fields[] = {
	[K_OID] = FD(NULL, "spnego.krb5_oid", "Kerberos OID", 0, 0,
	    ST_FMT_TEXT),
	[K_TOKID] = FDN(NULL, "spnego.krb5.tok_id", "Token ID", 0, 16,
	    ST_FMT_HEX, tokid_names),
	/* RFC 4121 4.2.6: a MIC (0x0404) or Wrap (0x0405) token's header,
	 * big-endian after the token ID. */
	[K_CFXFLAGS] = FD(NULL, "spnego.krb5.cfx_flags", "Flags", 16, 8,
	    ST_FMT_HEX),
	[K_ACCSUB] = FDD(NULL, "spnego.krb5.acceptor_subkey",
	    "Acceptor subkey", 21, 1, ST_FMT_BOOL),
	[K_SEALED] = FDD(NULL, "spnego.krb5.sealed", "Sealed", 22, 1,
	    ST_FMT_BOOL),
	[K_BYACC] = FDD(NULL, "spnego.krb5.send_by_acceptor",
	    "Sent by acceptor", 23, 1, ST_FMT_BOOL),
	[K_FILLER] = FD(NULL, "spnego.krb5.filler", "Filler", 0, 0,
	    ST_FMT_BYTES),
	[K_EC] = FD(NULL, "spnego.krb5.cfx_ec", "Extra count", 32, 16,
	    ST_FMT_DEC),
	[K_RRC] = FD(NULL, "spnego.krb5.cfx_rrc", "Right rotation count", 48,
	    16, ST_FMT_DEC),
	[K_SEQ] = FD(NULL, "spnego.krb5.cfx_seq", "Sequence number", 64, 64,
	    ST_FMT_DEC),
	[K_CKSUM] = FD(NULL, "spnego.krb5.sgn_cksum", "Checksum", 0, 0,
	    ST_FMT_BYTES),
};

/* A MIC or Wrap token's header at k (its token ID read), n bytes. */
static void
cfx(struct st_dctx *d, struct st_cur *k, unsigned id, size_t n)
{
	size_t rrc = 0;

	if (n < 16)
		return;
	st_dfields_at(d, k, 0, &krb5_fields[K_CFXFLAGS], 4);
	if (id == 0x0405) {
		st_dbytes(d, k, &krb5_fields[K_FILLER], 3, 1);
		st_dfields_at(d, k, 0, &krb5_fields[K_EC], 2);
	} else
		st_dbytes(d, k, &krb5_fields[K_FILLER], 3, 5);
	st_dfields_at(d, k, 0, &krb5_fields[K_SEQ], 1);
	/* A Wrap token's checksum is rotated to the front: RRC bytes of it
	 * (integrity only); a MIC's is the rest. */
	if (id == 0x0405 && st_cur_need(k, 8))
		rrc = (size_t)st_peek_bits(k, 48, 16);
	if (n > 16)
		st_dbytes(d, k, &krb5_fields[K_CKSUM], 16, rrc > 0 &&
		    rrc < n - 16 ? rrc : n - 16);
}

/*
 * A Kerberos token in SPNEGO: Wireshark shows its GSS-API header (the
 * krb5 OID and token ID) in SPNEGO's tree, so they are SPNEGO's fields
 * here too; spnego-krb5 gets what follows them (the Kerberos message).
 * A token without that header goes to spnego-krb5 whole.
 */
static void
krb5_token(struct st_dctx *d, struct st_cur *c, size_t off, size_t n)
{
	struct st_bwalk w = { d, *c, off, off + n }, in;
	struct st_ber t, o;
	struct st_field *f;
	struct st_cur k = *c;

	if (first_byte(c, off, n) != 0x60 || st_ber_next(&w, &t) != ST_OK ||
	    t.cls != ST_BER_APPLICATION || t.tag != 0)
		goto whole;
	in = st_ber_walk_in(&w, &t);
	if (st_ber_expect(&in, &o, ST_BER_UNIVERSAL, ST_BER_OID) != ST_OK ||
	    st_ber_foid(&in, &o, &krb5_fields[K_OID]) != ST_OK)
		return;
	k.off = in.pos;
	if (in.pos + 2 > off + n || !st_cur_need(&k, 2))
		return;
	if ((f = st_dbytes(d, c, &krb5_fields[K_TOKID], in.pos - c->off,
	    2)) != NULL)
		f->val = st_peek_bits(&k, 8, 8) << 8 | st_peek_bits(&k, 0, 8);
	if (in.pos + 2 < off + n)
		hand_on(d, c, ST_GSS_KRB5, in.pos + 2, off + n - in.pos - 2);
	return;
whole:
	hand_on(d, c, ST_GSS_KRB5, off, n);
}

static int
krb5_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = c->off, end = c->end;
	struct st_bwalk w = { d, *c, c->off, c->end }, in;
	struct st_ber t, o;
	struct st_field *f;
	struct st_cur k;
	int rc;

	d->hdr = left;
	d->plen = 0;
	if (left < 2)
		return ST_ETRUNC;
	/* A Kerberos message, its token's header read by SPNEGO. */
	if ((st_peek_bits(c, 0, 8) & 0xe0) == 0x60 &&
	    st_peek_bits(c, 0, 8) != 0x60) {
		const struct st_proto *p = st_proto_next(ST_KEY_GSSAPI,
		    ST_GSS_KRBMSG);

		if (p != NULL)
			st_dsublayer(d, c, p, 0, left);
		return ST_OK;
	}
	if (st_peek_bits(c, 0, 8) == 0x60) {	/* the GSS-API header */
		if ((rc = st_ber_next(&w, &t)) != ST_OK)
			return rc;
		in = st_ber_walk_in(&w, &t);
		if ((rc = st_ber_expect(&in, &o, ST_BER_UNIVERSAL,
		    ST_BER_OID)) != ST_OK ||
		    (rc = st_ber_foid(&in, &o, &krb5_fields[K_OID])) != ST_OK)
			return rc;
		pos = in.pos;
		if (t.off + t.len < end)
			end = t.off + t.len;
	}
	k = *c;
	k.off = pos;
	if (!st_cur_need(&k, 2))
		return ST_ETRUNC;
	if ((f = st_dbytes(d, c, &krb5_fields[K_TOKID], pos - c->off, 2)) !=
	    NULL)
		f->val = st_peek_bits(&k, 8, 8) << 8 | st_peek_bits(&k, 0, 8);
	if (f != NULL && (f->val == 0x0404 || f->val == 0x0405))
		cfx(d, &k, (unsigned)f->val, end - pos);
	/* AP-REQ, AP-REP, KRB-ERROR: a Kerberos message follows. */
	if (f != NULL && f->val >= 1 && f->val <= 3 && pos + 2 < end) {
		const struct st_proto *p = st_proto_next(ST_KEY_GSSAPI,
		    ST_GSS_KRBMSG);

		if (p != NULL)
			st_dsublayer(d, c, p, pos + 2 - c->off, end - pos - 2);
	}
	return ST_OK;
}

static const struct st_bind krb5_binds[] = {
	{ ST_KEY_GSSAPI, ST_GSS_KRB5 },
};

const struct st_proto st_proto_spnego_krb5 = {
	.name = "spnego-krb5",
	.ws = "spnego-krb5",
	.title = "SPNEGO-KRB5",
	.rfc = "RFC 4121",
	.role = ST_ROLE_APP,
	.fields = krb5_fields,
	.nfields = NFIELDS(krb5_fields),
	.decode = krb5_decode,
	.binds = krb5_binds,
	.nbinds = NFIELDS(krb5_binds),
	.color = "\033[33m",
	.explain = "The Kerberos 5 GSS-API mechanism's token: after the "
	    "GSS-API header naming Kerberos's OID, a 2-byte token ID says "
	    "what follows: a Kerberos AP-REQ (the client's ticket and "
	    "authenticator), AP-REP or KRB-ERROR while the context is set "
	    "up, then MIC and Wrap tokens protecting the application's "
	    "messages.  RFC 4121 4.1.",
};
