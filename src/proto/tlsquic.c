/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLS's quic_transport_parameters extension (57, RFC 9001 8.2; 0xffa5 in
 * the drafts): QUIC's transport parameters (RFC 9000 18.2), each an
 * identifier and a length, both variable-length integers, then the value.
 * As Wireshark: every parameter's identifier, length and value bytes, and
 * under its own name the value of those it knows: a variable-length
 * integer for the limits and delays, bytes for connection IDs and tokens,
 * the preferred address (RFC 9000 18.2) in its parts, the chosen and other
 * versions of version_information (RFC 9368), and Google's QUIC version,
 * initial RTT and connection options.  Used by tlshs.c.  And the
 * descriptor of TLS's handshake messages without records, as QUIC carries
 * them (st_proto_tls_hs).
 */
#include "tls.h"

#define TLS_QUIC_PARAMS	64	/* parameters shown in one extension */

/* The rows of the parameters known by identifier. */
static const struct {
	uint64_t	 id;
	int		 row;
	char		 kind;		/* 'i': varint, 'b': bytes, 'u': u32 */
} known[] = {
	{ 0x00, F_QODCID, 'b' }, { 0x01, F_QIDLE, 'i' },
	{ 0x02, F_QSRT, 'b' }, { 0x03, F_QMAXUDP, 'i' },
	{ 0x04, F_QMAXDATA, 'i' }, { 0x05, F_QBIDIL, 'i' },
	{ 0x06, F_QBIDIR, 'i' }, { 0x07, F_QUNI, 'i' },
	{ 0x08, F_QSBIDI, 'i' }, { 0x09, F_QSUNI, 'i' },
	{ 0x0a, F_QADE, 'i' }, { 0x0b, F_QMAD, 'i' },
	{ 0x0e, F_QCIDLIM, 'i' }, { 0x0f, F_QISCID, 'b' },
	{ 0x10, F_QRSCID, 'b' }, { 0x20, F_QDGRAM, 'i' },
	{ 0x3127, F_QGRTT, 'i' }, { 0x3128, F_QGOPTS, 'b' },
	{ 0x4752, F_QGVER, 'u' },
};

/* A variable-length integer at s->pos (RFC 9000 16): its length in
 * bytes, 0 when cut; the value in *v. */
static size_t
varint(const struct tls_span *s, uint64_t *v)
{
	size_t n, i;

	if (!tls_has(s, 1))
		return 0;
	n = (size_t)1 << (tls_get(s, s->pos, 1) >> 6);
	if (!tls_has(s, n))
		return 0;
	*v = tls_get(s, s->pos, 1) & 0x3f;
	for (i = 1; i < n; i++)
		*v = *v << 8 | tls_get(s, s->pos + i, 1);
	return n;
}

/* Row f over the n bytes at s->pos with value v (a varint's). */
static void
add_value(struct st_dctx *d, const struct tls_span *s, int f, size_t n,
    uint64_t v)
{
	st_pkt_add_field(d->pkt, &s->tab[f], (uint32_t)((s->c->off +
	    s->pos) * 8), (uint32_t)(n * 8), v);
}

/* The preferred address (RFC 9000 18.2): IPv4 and port, IPv6 and port,
 * a connection ID with its length, a stateless reset token. */
static void
preferred(struct st_dctx *d, struct tls_span *v)
{
	size_t cl;

	if (!tls_has(v, 4 + 2 + 16 + 2 + 1))
		return;
	tls_add(d, v, F_QPA4, v->pos, 4);
	tls_add(d, v, F_QPA4PORT, v->pos + 4, 2);
	tls_add(d, v, F_QPA6, v->pos + 6, 16);
	tls_add(d, v, F_QPA6PORT, v->pos + 22, 2);
	tls_add(d, v, F_QPACIDLEN, v->pos + 24, 1);
	cl = tls_get(v, v->pos + 24, 1);
	v->pos += 25;
	if (!tls_has(v, cl))
		return;
	if (cl > 0)
		tls_add(d, v, F_QPACID, v->pos, cl);
	v->pos += cl;
	if (tls_has(v, 16))
		tls_add(d, v, F_QPASRT, v->pos, 16);
}

/* version_information (RFC 9368 3; 0xff73db in its drafts): the chosen
 * version, then the others, four bytes each. */
static void
versions(struct st_dctx *d, struct tls_span *v)
{
	unsigned i;

	if (!tls_has(v, 4))
		return;
	tls_add(d, v, F_QVICHOSEN, v->pos, 4);
	for (v->pos += 4, i = 0; i < TLS_LIST && tls_has(v, 4);
	    i++, v->pos += 4)
		tls_add(d, v, F_QVIOTHER, v->pos, 4);
}

/* One parameter's value, n bytes at s->pos, of identifier id. */
static void
value(struct st_dctx *d, const struct tls_span *s, uint64_t id, size_t n)
{
	struct tls_span v = { s->c, s->pos, s->pos + n, NULL, s->tab, NULL };
	uint64_t x;
	size_t k, i;

	/* an empty value is shown too, as Wireshark does */
	if (n > 0)
		tls_add(d, s, F_QVALUE, s->pos, n);
	else
		add_value(d, s, F_QVALUE, 0, 0);
	if (id == 0x0d) {
		preferred(d, &v);
		return;
	}
	if (id == 0x11 || id == 0xff73db) {
		versions(d, &v);
		return;
	}
	if (id == 0xde1a || id == 0xff02de1a || id == 0xff03de1a ||
	    id == 0xff04de1a) {
		if ((k = varint(&v, &x)) == n && n > 0)
			add_value(d, &v, F_QMINACK, k, x);
		return;
	}
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (known[i].id != id)
			continue;
		if (known[i].kind == 'b' && n > 0)
			tls_add(d, s, known[i].row, s->pos, n);
		else if (known[i].kind == 'b')
			add_value(d, s, known[i].row, 0, 0);
		else if (known[i].kind == 'u' && n == 4)
			tls_add(d, s, known[i].row, s->pos, 4);
		else if (known[i].kind == 'i' && (k = varint(&v, &x)) == n &&
		    n > 0)
			add_value(d, &v, known[i].row, k, x);
		return;
	}
}

void
st_tls_quic_params(struct st_dctx *d, struct tls_span *e)
{
	uint64_t id, len;
	size_t a, b;
	unsigned i;

	for (i = 0; i < TLS_QUIC_PARAMS && tls_has(e, 1); i++) {
		if ((a = varint(e, &id)) == 0)
			return;
		add_value(d, e, F_QTYPE, a, id);
		e->pos += a;
		if ((b = varint(e, &len)) == 0)
			return;
		add_value(d, e, F_QLEN, b, len);
		e->pos += b;
		if (!tls_has(e, (size_t)len)) {
			st_dmalformed(d, "a QUIC transport parameter runs past "
			    "its extension");
			return;
		}
		value(d, e, id, (size_t)len);
		e->pos += (size_t)len;
	}
}

/*
 * Handshake messages without records: QUIC's CRYPTO stream (RFC 9001 4.1:
 * QUIC carries TLS 1.3's handshake itself, with no record layer), handed
 * on under ST_KEY_MEDIA ST_MEDIA_TLSHS as Wireshark's QUIC hands it to
 * "tls13-handshake".  The fields and the summary are TLS's; Wireshark names
 * the layer tls too.
 */
static int
tls_hs_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct tls_span s;

	if (left == 0)
		return ST_ETRUNC;
	s.c = c;
	s.pos = 0;
	s.end = left;
	s.certs = NULL;
	s.tab = st_tls_fields;
	s.dtls = NULL;
	st_tls_handshake(d, &s);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind tls_hs_binds[] = {
	{ ST_KEY_MEDIA, ST_MEDIA_TLSHS },
};

const struct st_proto st_proto_tls_hs = {
	.name = "tls-handshake",
	.ws = "tls",
	.title = "TLS handshake messages (in QUIC)",
	.rfc = "RFC 9001, RFC 8446",
	.role = ST_ROLE_APP,
	.fields = st_tls_fields,
	.nfields = F_NTLS,
	.decode = tls_hs_decode,
	.binds = tls_hs_binds,
	.nbinds = NFIELDS(tls_hs_binds),
	.summary = st_tls_summary,
	.keys = st_tls_keys,
	.color = "\033[93m",
	.explain = "TLS 1.3's handshake as QUIC carries it: the messages "
	    "(ClientHello, ServerHello, ...) with their 4-byte headers, one "
	    "after another in the CRYPTO frames' stream, without TLS's "
	    "records; QUIC protects them itself.  strata opens an Initial "
	    "with the keys anyone can work out from the client's first "
	    "destination connection ID, so the ClientHello (its server name, "
	    "ALPN, cipher suites) and the ServerHello are shown; the later "
	    "messages travel in Handshake packets under keys only the ends "
	    "have.",
};
