/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The RPKI to Router protocol (RFC 6810 version 0, RFC 8210 version 1;
 * TCP 323): a cache hands a router the validated prefix origins (ROAs)
 * and router keys.  Every PDU starts with the same 8 bytes:
 *
 *  0          8          16         24        31
 * +----------+----------+---------------------+
 * | Version  | PDU Type | Session ID / Flags  |
 * +----------+----------+---------------------+
 * |                  Length                   |
 * +-------------------------------------------+
 *
 * then, by type: a serial number (Serial Notify 0, Serial Query 1, End of
 * Data 7 with, in version 1, the refresh, retry and expire intervals), a
 * prefix (IPv4 Prefix 4, IPv6 Prefix 6: flags, prefix and maximum
 * length, prefix, AS), a router key (9, version 1: subject key
 * identifier, AS, subject public key info), an error report (10: the
 * erroneous PDU and a text, each after its length); Reset Query 2, Cache
 * Response 3 and Cache Reset 8 are the header alone.  Several PDUs may
 * share a segment: one layer each, as Wireshark shows them.
 */
#include <string.h>

#include "strata/ber.h"
#include "strata/out.h"
#include "strata/proto/x509af.h"
#include "fields.h"

enum { F_VER, F_TYPE, F_SESSION, F_LEN, F_SERIAL, F_REFRESH, F_RETRY,
	F_EXPIRE, F_RES2, F_FLAGS, F_AW, F_PLEN, F_MAXLEN, F_RES1, F_P4, F_AS4,
	F_P6, F_AS6, F_KFLAGS, F_RK, F_KRES, F_SKI, F_KAS, F_SPKI, F_ECODE,
	F_LPDU, F_EPDU, F_LTEXT, F_ETEXT, F_ALG, F_PUBKEY };

static const struct st_valname type_names[] = {
	{ 0, "Serial Notify" }, { 1, "Serial Query" }, { 2, "Reset Query" },
	{ 3, "Cache Response" }, { 4, "IPv4 Prefix" }, { 6, "IPv6 Prefix" },
	{ 7, "End of Data" }, { 8, "Cache Reset" }, { 9, "Router Key" },
	{ 10, "Error Report" }, { 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 0, "Corrupt Data" }, { 1, "Internal Error" },
	{ 2, "No Data Available" }, { 3, "Invalid Request" },
	{ 4, "Unsupported Protocol Version" }, { 5, "Unsupported PDU Type" },
	{ 6, "Withdrawal of Unknown Record" },
	{ 7, "Duplicate Announcement Received" }, { 0, NULL }
};

static const struct st_field_desc rtr_fields[] = {
	FD("version", "rpki-rtr.version", "Version", 0, 8, ST_FMT_DEC),
	FDN("type", "rpki-rtr.pdu_type", "PDU type", 8, 8, ST_FMT_DEC,
	    type_names),
	FD(NULL, "rpki-rtr.session_id", "Session ID", 16, 16, ST_FMT_DEC),
	FD(NULL, "rpki-rtr.length", "Length", 32, 32, ST_FMT_DEC),
	FD(NULL, "rpki-rtr.serial_number", "Serial number", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "rpki-rtr.refresh_interval", "Refresh interval (s)", 96, 32,
	    ST_FMT_DEC),
	FD(NULL, "rpki-rtr.retry_interval", "Retry interval (s)", 128, 32,
	    ST_FMT_DEC),
	FD(NULL, "rpki-rtr.expire_interval", "Expire interval (s)", 160, 32,
	    ST_FMT_DEC),
	/* IPv4 and IPv6 Prefix */
	FD(NULL, "rpki-rtr.reserved", "Reserved", 16, 16, ST_FMT_BYTES),
	FD(NULL, "rpki-rtr.flags", "Flags", 64, 8, ST_FMT_HEX),
	FDD(NULL, "rpki-rtr.flags.aw", "Announcement (1) or withdrawal (0)",
	    71, 1, ST_FMT_BOOL),
	FD(NULL, "rpki-rtr.prefix_length", "Prefix length", 72, 8, ST_FMT_DEC),
	FD(NULL, "rpki-rtr.max_length", "Maximum length", 80, 8, ST_FMT_DEC),
	FD(NULL, "rpki-rtr.reserved", "Reserved", 88, 8, ST_FMT_BYTES),
	FD(NULL, "rpki-rtr.ipv4_prefix", "IPv4 prefix", 96, 32, ST_FMT_IPV4),
	FD(NULL, "rpki-rtr.as_number", "AS number", 128, 32, ST_FMT_DEC),
	FD(NULL, "rpki-rtr.ipv6_prefix", "IPv6 prefix", 96, 128, ST_FMT_IPV6),
	FD(NULL, "rpki-rtr.as_number", "AS number", 224, 32, ST_FMT_DEC),
	/* Router Key: Wireshark's reserved bytes are the 2 after the flags'
	 * byte's successor (the second overlaps the length) */
	FD(NULL, "rpki-rtr.flags", "Flags", 16, 8, ST_FMT_HEX),
	FDD(NULL, "rpki-rtr.flags.rk", "New (1) or delete (0) router key", 23,
	    1, ST_FMT_BOOL),
	FD(NULL, "rpki-rtr.reserved", "Reserved", 24, 16, ST_FMT_BYTES),
	FD(NULL, "rpki-rtr.subject_key_identifier", "Subject key identifier",
	    64, 160, ST_FMT_BYTES),
	FD(NULL, "rpki-rtr.as_number", "AS number", 224, 32, ST_FMT_DEC),
	FD(NULL, "rpki-rtr.subject_public_key_info", "Subject public key info",
	    0, 0, ST_FMT_BYTES),
	/* Error Report */
	FDN(NULL, "rpki-rtr.error_code", "Error code", 16, 16, ST_FMT_DEC,
	    error_names),
	FD(NULL, "rpki-rtr.length_pdu", "Length of the erroneous PDU", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "rpki-rtr.error_pdu", "Erroneous PDU", 0, 0, ST_FMT_BYTES),
	FD(NULL, "rpki-rtr.length_text", "Length of the text", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "rpki-rtr.error_text", "Error text", 0, 0, ST_FMT_TEXT),
	/* the key info (X.509's SubjectPublicKeyInfo, RFC 5280 4.1) */
	FD(NULL, st_x509af_algorithm_id, "Algorithm", 0, 0, ST_FMT_TEXT),
	FD(NULL, st_x509af_subject_public_key, "Subject public key", 0, 0,
	    ST_FMT_BYTES),
};

#define R(i)	(&rtr_fields[(i)])
#define RTR_TEXTMAX	512	/* error text bytes shown */

/* The error report in the len bytes at c (its header read). */
static int
error_report(struct st_dctx *d, struct st_cur *c, size_t len)
{
	char text[RTR_TEXTMAX * 4 + 1];
	size_t lpdu, ltext, n;
	struct st_cur t;

	if (st_dfield(d, c, R(F_LPDU)) == NULL)
		return c->err;
	lpdu = (size_t)st_peek_bits(c, 64, 32);
	if (lpdu > len || 12 + lpdu + 4 > len)
		return st_dmalformed(d, "erroneous PDU of %zu bytes in a PDU of "
		    "%zu", lpdu, len);
	if (lpdu > 0 && st_dbytes(d, c, R(F_EPDU), 12, lpdu) == NULL)
		return c->err;
	t = *c;
	t.off += 12 + lpdu;
	if (st_dfield(d, &t, R(F_LTEXT)) == NULL)
		return t.err;
	ltext = (size_t)st_peek_bits(&t, 0, 32);
	if (ltext > len || 16 + lpdu + ltext > len)
		return st_dmalformed(d, "text of %zu bytes past the PDU's end",
		    ltext);
	if (ltext == 0)
		return ST_OK;
	if (!st_cur_need(&t, 4 + ltext))
		return t.err;
	n = ltext < RTR_TEXTMAX ? ltext : RTR_TEXTMAX;
	st_escape(t.base + t.off + 4, n, text, sizeof(text));
	st_dtext(d, &t, R(F_ETEXT), 4, ltext, text);
	return ST_OK;
}

/*
 * A Router Key's SubjectPublicKeyInfo (len bytes from byte 32 of the PDU
 * at c): SEQUENCE { SEQUENCE { algorithm OID, parameters }, BIT STRING }.
 */
static int
spki(struct st_dctx *d, struct st_cur *c, size_t len)
{
	struct st_bwalk w = { d, *c, c->off + 32, c->off + len }, a;
	struct st_ber t, s;
	struct st_cur b = *c;
	int rc;

	st_dbytes(d, c, R(F_SPKI), 32, len - 32);
	if ((rc = st_ber_expect(&w, &t, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	w = st_ber_walk_in(&w, &t);
	if ((rc = st_ber_expect(&w, &s, ST_BER_UNIVERSAL,
	    ST_BER_SEQUENCE)) != ST_OK)
		return rc;
	a = st_ber_walk_in(&w, &s);
	if ((rc = st_ber_expect(&a, &t, ST_BER_UNIVERSAL, ST_BER_OID)) !=
	    ST_OK || (rc = st_ber_foid(&a, &t, R(F_ALG))) != ST_OK)
		return rc;
	if ((rc = st_ber_expect(&w, &t, ST_BER_UNIVERSAL,
	    ST_BER_BITSTRING)) != ST_OK)
		return rc;
	/* The key after the unused-bits byte. */
	b.off = 0;
	if (t.len > 1)
		st_dbytes(d, &b, R(F_PUBKEY), t.off + 1, t.len - 1);
	return b.err;
}

/* The fields of a PDU of type and len bytes (its first 8 read) at c. */
static int
body(struct st_dctx *d, struct st_cur *c, unsigned type, unsigned ver,
    size_t len)
{
	static const size_t need[11] = { 12, 12, 8, 8, 20, 0, 32, 12, 8, 32,
		16 };

	if (type > 10 || need[type] == 0)
		return ST_OK;		/* a type of a later version */
	if (type == 7 && ver >= 1 ? len < 24 : len < need[type])
		return st_dmalformed(d, "%s of %zu bytes, below %zu",
		    st_valname(type_names, type), len, type == 7 && ver >= 1 ?
		    (size_t)24 : need[type]);
	switch (type) {
	case 0: case 1: case 7:
		st_dfield(d, c, R(F_SERIAL));
		if (type == 7 && ver >= 1)
			st_dfields(d, c, R(F_REFRESH), 3);
		break;
	case 4:
		st_dfields(d, c, R(F_FLAGS), F_P6 - F_FLAGS);
		break;
	case 6:
		st_dfields(d, c, R(F_FLAGS), F_P4 - F_FLAGS);
		st_dfields(d, c, R(F_P6), 2);
		break;
	case 9:
		st_dfields(d, c, R(F_SKI), 2);
		if (c->err == ST_OK && len > 32)
			return spki(d, c, len);
		break;
	case 10:
		return error_report(d, c, len);
	}
	return c->err;
}

/* The first 8 bytes, as the type lays them out (a type of a later
 * version, or a Router Key in version 0: its type only, as Wireshark). */
static void
header(struct st_dctx *d, struct st_cur *c, unsigned type, unsigned ver)
{
	st_dfields(d, c, rtr_fields, 2);
	if (type == 9 && ver >= 1)
		st_dfields(d, c, R(F_KFLAGS), 3);
	else if (type == 2 || type == 4 || type == 6 || type == 8)
		st_dfield(d, c, R(F_RES2));
	else if (type == 10)
		st_dfield(d, c, R(F_ECODE));
	else if (type <= 3 || type == 7)
		st_dfield(d, c, R(F_SESSION));
	else
		return;
	st_dfield(d, c, R(F_LEN));
}

static int
rtr_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, end;
	struct st_cur m;
	unsigned type, ver;
	int rc;

	d->plen = 0;
	d->hdr = left;
	if (!st_cur_need(c, 2)) {
		st_dfields(d, c, rtr_fields, 2);
		return c->err;
	}
	ver = (unsigned)st_peek_bits(c, 0, 8);
	type = (unsigned)st_peek_bits(c, 8, 8);
	header(d, c, type, ver);
	if (c->err != ST_OK || !st_cur_need(c, 8))
		return c->err;
	len = (size_t)st_peek_bits(c, 32, 32);
	if (len < 8)
		return st_dmalformed(d, "PDU length %zu below 8", len);
	if (type == 9 && ver == 0)
		return st_dmalformed(d, "a Router Key in version 0");
	end = len < left ? len : left;
	d->hdr = end;
	m = st_cur_sub(c, end, NULL);
	rc = body(d, &m, type, ver, len);
	if (rc == ST_EINVAL)
		return rc;
	if (rc != ST_OK || len > left) {
		st_pkt_note(d->pkt, "RPKI-RTR: a PDU continues in a later "
		    "segment");
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
	}
	d->plen = left - end;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another PDU */
	return ST_OK;
}

static const struct st_bind rtr_binds[] = {
	{ ST_KEY_TCPPORT, 323 },
};

/* @summary */
/* One PDU's facts: "IPv4 Prefix 192.0.2.0/24-24 AS 64500 announce". */
static void
pdu_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NFIELDS(rtr_fields)];
	const struct st_field *p, *as;
	const char *name;

	st_ly_fields(s->pkt, ly, rtr_fields, NFIELDS(rtr_fields), f);
	if (f[F_TYPE] == NULL) {
		st_out_puts(s->o, "?");
		return;
	}
	name = st_valname(type_names, (uint32_t)f[F_TYPE]->val);
	if (name != NULL)
		st_out_puts(s->o, name);
	else
		st_out_printf(s->o, "PDU type %u", (unsigned)f[F_TYPE]->val);
	p = f[F_P4] != NULL ? f[F_P4] : f[F_P6];
	as = f[F_AS4] != NULL ? f[F_AS4] : f[F_AS6] != NULL ? f[F_AS6] :
	    f[F_KAS];
	if (p != NULL && f[F_PLEN] != NULL && f[F_MAXLEN] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, p);
		st_out_printf(s->o, "/%u-%u", (unsigned)f[F_PLEN]->val,
		    (unsigned)f[F_MAXLEN]->val);
	}
	if (as != NULL)
		st_out_printf(s->o, " AS %u", (unsigned)as->val);
	/* The flags' bit, not its detail row (a lite decode has none). */
	if (f[F_FLAGS] != NULL)
		st_out_puts(s->o, f[F_FLAGS]->val & 1 ? " announce" :
		    " withdraw");
	if (f[F_KFLAGS] != NULL)
		st_out_puts(s->o, f[F_KFLAGS]->val & 1 ? " new" : " delete");
	if (f[F_SESSION] != NULL)
		st_out_printf(s->o, " session %u", (unsigned)f[F_SESSION]->val);
	if (f[F_SERIAL] != NULL)
		st_out_printf(s->o, " serial %u", (unsigned)f[F_SERIAL]->val);
	if (f[F_ECODE] != NULL) {
		name = st_valname(error_names, (uint32_t)f[F_ECODE]->val);
		st_out_printf(s->o, ": %s", name != NULL ? name : "error");
	}
}

/*
 * "RPKI-RTR v1 Cache Response session 7, IPv4 Prefix 192.0.2.0/24-24 AS
 * 64500 announce, End of Data session 7 serial 42": every PDU of the
 * segment, from the first one's layer.
 */
static int
rtr_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *v = st_pkt_fd(s->pkt, ly, R(F_VER));

	if (v == NULL)
		return 0;
	st_out_printf(s->o, "RPKI-RTR v%u ", (unsigned)v->val);
	st_sum_each(s, ly, ", ", pdu_facts);
	return 1;
}

/* @views */
static const struct st_field_desc *const rtr_keys[] = {
	R(F_VER), R(F_TYPE), R(F_LEN), NULL,
};

/* @craft */
/* @probes */

const struct st_proto st_proto_rpkirtr = {
	.name = "rpki-rtr",
	.ws = "rpkirtr",
	.title = "RPKI to Router Protocol",
	.rfc = "RFC 8210",
	.role = ST_ROLE_APP,
	.fields = rtr_fields,
	.nfields = NFIELDS(rtr_fields),
	.decode = rtr_decode,
	.binds = rtr_binds,
	.nbinds = NFIELDS(rtr_binds),
	/* @summary */
	.summary = rtr_summary,
	/* @views */
	.keys = rtr_keys,
	.color = "\033[35m",
	.explain = "A router asks an RPKI cache for the prefix origins it "
	    "validated (RFC 6810 version 0, RFC 8210 version 1): a Reset "
	    "Query (or a Serial Query naming the serial it has) draws a Cache "
	    "Response, then one IPv4 or IPv6 Prefix PDU per ROA (prefix, "
	    "maximum length, origin AS; announced or withdrawn) and, in "
	    "version 1, Router Key PDUs for BGPsec, then End of Data with "
	    "the new serial (and the refresh, retry and expire intervals).  "
	    "A Serial Notify says the cache has new data; Cache Reset that "
	    "it lost what the router's serial names; an Error Report quotes "
	    "the PDU it refuses and says why.",
	/* @craft */
	/* @probes */
};
