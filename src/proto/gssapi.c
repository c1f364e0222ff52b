/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GSS-API tokens (RFC 2743 3.1) as a carrier hands them on: SMB2's
 * security buffer, LDAP's SASL credentials.  An initial context token is
 *
 *   [APPLICATION 0] { thisMech OBJECT IDENTIFIER, innerContextToken }
 *
 * (0x60 ...), the inner token going to the mechanism the OID names:
 * SPNEGO (1.3.6.1.5.5.2), Kerberos 5 (1.2.840.113554.1.2.2, and
 * Microsoft's 1.2.840.48018.1.2.2), NTLMSSP (1.3.6.1.4.1.311.2.2.10).
 * Later tokens have no header: a bare SPNEGO NegTokenResp ([1], 0xa1) or
 * NegTokenInit ([0]), or an NTLMSSP message, which the first bytes tell.
 * The mechanism's layer is reached through the registry (ST_KEY_GSSAPI).
 */
#include <stdio.h>
#include <string.h>

#include "strata/ber.h"
#include "strata/out.h"
#include "fields.h"

enum { F_OID, F_NFIELDS };

static const struct st_field_desc gss_fields[] = {
	[F_OID] = FD(NULL, "gss-api.OID", "Mechanism OID", 0, 0, ST_FMT_TEXT),
};

#define F(i)	(&gss_fields[(i)])

/* Which ST_GSS_* a mechanism OID names; 0: none strata reads. */
static unsigned
mech_of(const char *oid)
{
	if (strcmp(oid, "1.3.6.1.5.5.2") == 0)
		return ST_GSS_SPNEGO;
	if (strcmp(oid, "1.2.840.113554.1.2.2") == 0 ||
	    strcmp(oid, "1.2.840.48018.1.2.2") == 0)
		return ST_GSS_KRB5;
	if (strcmp(oid, "1.3.6.1.4.1.311.2.2.10") == 0)
		return ST_GSS_NTLMSSP;
	return 0;
}

/* The n bytes at offset off (from the cursor's base) as the layer of
 * mechanism kind, after this one. */
static void
hand_on(struct st_dctx *d, struct st_cur *c, unsigned kind, size_t off,
    size_t n)
{
	const struct st_proto *p = st_proto_next(ST_KEY_GSSAPI, kind);

	if (p != NULL && off >= c->off)
		st_dsublayer(d, c, p, off - c->off, n);
}

static int
gss_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_bwalk w = { d, *c, c->off, c->end }, in;
	struct st_ber t, o;
	char oid[96];
	unsigned kind;
	int rc;

	d->hdr = left;
	d->plen = 0;
	if (left < 2)
		return ST_ETRUNC;
	switch (st_peek_bits(c, 0, 8)) {
	case 0x60:
		break;
	case 0xa0:
	case 0xa1:
		hand_on(d, c, ST_GSS_SPNEGO, c->off, left);
		return ST_OK;
	case 'N':
		hand_on(d, c, ST_GSS_NTLMSSP, c->off, left);
		return ST_OK;
	case 0x04:	/* a Kerberos MIC or Wrap token (RFC 4121 4.2.6) */
	case 0x05:
		if (st_peek_bits(c, 8, 8) == 0x04)
			hand_on(d, c, ST_GSS_KRB5, c->off, left);
		return ST_OK;
	default:
		return ST_OK;		/* a token strata does not read */
	}
	if ((rc = st_ber_next(&w, &t)) != ST_OK)
		return rc;
	if (t.cls != ST_BER_APPLICATION || t.tag != 0 || !t.cons)
		return st_dmalformed(d, "no initial context token");
	in = st_ber_walk_in(&w, &t);
	if ((rc = st_ber_expect(&in, &o, ST_BER_UNIVERSAL, ST_BER_OID)) !=
	    ST_OK)
		return rc;
	if ((rc = st_ber_oid(&in.c, &o, oid, sizeof(oid))) != ST_OK)
		return rc == ST_ETRUNC ? rc : st_dmalformed(d, "a bad OID");
	st_ber_foid(&in, &o, F(F_OID));
	kind = mech_of(oid);
	/* Kerberos's token is read whole, its header included (as
	 * Wireshark's spnego-krb5 reads it). */
	if (kind == ST_GSS_KRB5)
		hand_on(d, c, kind, c->off, t.off + t.len - c->off);
	else if (kind != 0 && in.pos < t.off + t.len)
		hand_on(d, c, kind, in.pos, t.off + t.len - in.pos);
	return ST_OK;
}

static const struct st_bind gss_binds[] = {
	{ ST_KEY_GSSAPI, ST_GSS_TOKEN },
};

/* "gss-api 1.3.6.1.5.5.2": the mechanism, when the token names it. */
static int
gss_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, gss_fields, F_NFIELDS, f);
	st_out_puts(s->o, "gss-api");
	if (f[F_OID] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_OID]);
	}
	return 1;
}

static const struct st_field_desc *const gss_keys[] = {
	&gss_fields[F_OID], NULL,
};

const struct st_proto st_proto_gssapi = {
	.name = "gss-api",
	.ws = "gss-api",
	.title = "Generic Security Service Application Program Interface",
	.rfc = "RFC 2743",
	.role = ST_ROLE_APP,
	.fields = gss_fields,
	.nfields = NFIELDS(gss_fields),
	.decode = gss_decode,
	.binds = gss_binds,
	.nbinds = NFIELDS(gss_binds),
	.summary = gss_summary,
	.keys = gss_keys,
	.color = "\033[33m",
	.explain = "GSS-API is the interface through which an application "
	    "(SMB, LDAP, HTTP) authenticates without knowing the mechanism: "
	    "it carries opaque tokens between the peers.  The first token "
	    "starts with an [APPLICATION 0] header naming the mechanism by "
	    "OID (SPNEGO 1.3.6.1.5.5.2, Kerberos 1.2.840.113554.1.2.2, "
	    "NTLMSSP 1.3.6.1.4.1.311.2.2.10); later ones are the mechanism's "
	    "own bytes.  RFC 2743 3.1.",
};
