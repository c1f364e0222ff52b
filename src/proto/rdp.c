/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP, Microsoft's Remote Desktop Protocol ([MS-RDPBCGR]), in the three
 * places it shows before its bytes are encrypted:
 *
 *  - the X.224 connection request and confirm (COTP CR/CC user data): an
 *    optional routing token or "Cookie: mstshash=user" line, then an
 *    8-byte negotiation (type 1 request, 2 response, 3 failure, a flags
 *    byte, a length of 8 and the protocols asked for, chosen, or why not);
 *  - the basic security header in the user data of an MCS send-data PDU
 *    (T.125 over COTP DT): flags, flagsHi, and with standard RDP security
 *    an 8-byte MAC before the encrypted rest;
 *  - a fast-path PDU on the stream instead of TPKT (rdpfp.c): a header
 *    byte (action 0, events or reserved bits, flags), a 1- or 2-byte
 *    length, the client's input events or the server's update headers.
 *
 * Everything is little-endian.  Encrypted data after a security header is
 * said encrypted (rdp.encryptedData) and not read further, as Wireshark
 * does.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "rdp.h"

#define RDP_NEG_FRAMED	0x80730e00	/* COTP CR/CC user data */
#define RDP_FP_FRAMED	0x52445046	/* "RDPF": a fast-path PDU (TPKT) */
#define RDP_MCS_FRAMED	0x4d435344	/* "MCSD": MCS send-data user data */
#define RDP_COOKIE_MAX	256	/* a cookie line longer is no cookie */

#define SEC_EXCHANGE_PKT	0x0001
#define SEC_ENCRYPT		0x0008

enum { F_COOKIE, F_NEGTYPE, F_REQFL, F_REQ_ADMIN, F_REQ_CORR, F_RSPFL,
	F_RSP_EXT, F_RSP_GFX, F_RSP_ADMIN, F_RSP_AUTH, F_NEGLEN, F_REQPROT,
	F_PROT_SSL, F_PROT_HYBRID, F_PROT_RDSTLS, F_PROT_HYBRIDEX, F_SELPROT,
	F_FAILCODE, F_FLAGS, F_FL_PKT, F_FL_ENC, F_FL_RESET, F_FL_IGNORE,
	F_FL_LIC, F_FL_CKSUM, F_FL_HIVALID, F_FLAGSHI, F_SECLEN, F_RANDOM,
	F_SIG, F_ENCDATA, F_NRDP };

static const struct st_valname negtype_names[] = {
	{ 1, "TYPE_RDP_NEG_REQ" }, { 2, "TYPE_RDP_NEG_RSP" },
	{ 3, "TYPE_RDP_NEG_FAILURE" }, { 6, "TYPE_RDP_CORRELATION_INFO" },
	{ 0, NULL }
};

static const struct st_valname prot_names[] = {
	{ 0, "Standard RDP Security" }, { 1, "TLS" }, { 2, "CredSSP" },
	{ 4, "RDSTLS" }, { 8, "CredSSP EX" }, { 0, NULL }
};

static const struct st_valname fail_names[] = {
	{ 1, "TLS required by server" }, { 2, "TLS not allowed by server" },
	{ 3, "TLS certificate not on server" },
	{ 4, "Inconsistent flags" }, { 5, "CredSSP required by server" },
	{ 6, "SSL with user auth required by server" }, { 0, NULL }
};

/* Bit rows of one byte: the bit of mask m, MSB first as drawn. */
#define BIT(n, l, m) FD(NULL, n, l, 7 - __builtin_ctz(m), 1, ST_FMT_BOOL)

const char st_rdp_datasig[] = "rdp.dataSignature";

static const struct st_field_desc rdp_fields[F_NRDP] = {
	[F_COOKIE] = FD(NULL, "rdp.rt_cookie", "Routing Token/Cookie", 0, 0,
	    ST_FMT_TEXT),
	[F_NEGTYPE] = FDN(NULL, "rdp.neg_type", "Type", 0, 8, ST_FMT_HEX,
	    negtype_names),
	[F_REQFL] = FD(NULL, "rdp.negReq.flags", "Flags", 0, 8, ST_FMT_HEX),
	[F_REQ_ADMIN] = BIT("rdp.negReq.flags.restricted_admin_mode_req",
	    "Restricted admin mode required", 0x01),
	[F_REQ_CORR] = BIT("rdp.negReq.flags.correlation_info_present",
	    "Correlation info present", 0x08),
	[F_RSPFL] = FD(NULL, "rdp.negRsp.flags", "Flags", 0, 8, ST_FMT_HEX),
	[F_RSP_EXT] = BIT("rdp.negRsp.flags.extended_client_data_supported",
	    "Extended Client Data Blocks supported", 0x01),
	[F_RSP_GFX] = BIT("rdp.negRsp.flags.dynvc_gfx_protocol_supported",
	    "Graphics Pipeline Extension Protocol supported", 0x02),
	[F_RSP_ADMIN] = BIT("rdp.negRsp.flags.restricted_admin_mode_supported",
	    "Restricted admin mode supported", 0x08),
	[F_RSP_AUTH] = BIT("rdp.negRsp.flags."
	    "restricted_authentication_mode_supported",
	    "Restricted authentication mode supported", 0x10),
	[F_NEGLEN] = FD(NULL, "rdp.neg_length", "Length", 0, 16, ST_FMT_DEC),
	[F_REQPROT] = FD(NULL, "rdp.negReq.requestedProtocols",
	    "requestedProtocols", 0, 32, ST_FMT_HEX),
	[F_PROT_SSL] = BIT("rdp.negReq.requestedProtocols.ssl",
	    "TLS security supported", 0x01),
	[F_PROT_HYBRID] = BIT("rdp.negReq.requestedProtocols.hybrid",
	    "CredSSP supported", 0x02),
	[F_PROT_RDSTLS] = BIT("rdp.negReq.requestedProtocols.rdstls",
	    "RDSTLS supported", 0x04),
	[F_PROT_HYBRIDEX] = BIT("rdp.negReq.requestedProtocols.hybrid_ex",
	    "CredSSP with Early User Authorization Result PDU supported",
	    0x08),
	[F_SELPROT] = FDN(NULL, "rdp.negReq.selectedProtocol",
	    "selectedProtocol", 0, 32, ST_FMT_HEX, prot_names),
	[F_FAILCODE] = FDN(NULL, "rdp.negFailure.failureCode", "failureCode",
	    0, 32, ST_FMT_HEX, fail_names),
	[F_FLAGS] = FD(NULL, "rdp.flags", "flags", 0, 16, ST_FMT_HEX),
	/* Wireshark shows the packet-type bits masked but not shifted
	 * (mask 0x04c1), the single flags shifted down to 0 or 1. */
	[F_FL_PKT] = FD(NULL, "rdp.flags.pkt", "flagsPkt", 0, 16, ST_FMT_HEX),
	[F_FL_ENC] = FD(NULL, "rdp.flags.encrypt", "flagsEncrypt", 0, 16,
	    ST_FMT_HEX),
	[F_FL_RESET] = FD(NULL, "rdp.flags.resetseqno", "flagsResetSeqno", 0,
	    16, ST_FMT_HEX),
	[F_FL_IGNORE] = FD(NULL, "rdp.flags.ignoreseqno", "flagsIgnoreSeqno",
	    0, 16, ST_FMT_HEX),
	[F_FL_LIC] = FD(NULL, "rdp.flags.licenseencrypt",
	    "flagsLicenseEncrypt", 0, 16, ST_FMT_HEX),
	[F_FL_CKSUM] = FD(NULL, "rdp.flags.securechecksum",
	    "flagsSecureChecksum", 0, 16, ST_FMT_HEX),
	[F_FL_HIVALID] = FD(NULL, "rdp.flags.flagshivalid", "flagsHiValid", 0,
	    16, ST_FMT_HEX),
	[F_FLAGSHI] = FD(NULL, "rdp.flagsHi", "flagsHi", 0, 16, ST_FMT_HEX),
	[F_SECLEN] = FD(NULL, "rdp.length", "length", 0, 32, ST_FMT_DEC),
	[F_RANDOM] = FD(NULL, "rdp.encryptedClientRandom",
	    "encryptedClientRandom", 0, 0, ST_FMT_BYTES),
	[F_SIG] = FD(NULL, st_rdp_datasig, "dataSignature", 0, 0,
	    ST_FMT_BYTES),
	/* What follows the signature, as Wireshark marks it (no value). */
	[F_ENCDATA] = FD(NULL, "rdp.encryptedData", "encryptedData", 0, 0,
	    ST_FMT_TEXT),
};

/* The n-byte little-endian number at byte off of c; -1 when cut. */
static int64_t
le_at(struct st_cur *c, size_t off, size_t n)
{
	struct st_cur t = *c;
	uint64_t v = 0;
	size_t i;

	if (!st_cur_skip(&t, off) || !st_cur_need(&t, n))
		return -1;
	for (i = n; i-- > 0; )
		v = v << 8 | (uint64_t)st_peek_bits(&t, i * 8, 8);
	return (int64_t)v;
}

/* Row f over n little-endian bytes at off, with value v (a part of
 * another word: its masked value). */
static void
le_row(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n,
    uint64_t v)
{
	struct st_field *fl = st_dbytes(d, c, &rdp_fields[f], off, n);

	if (fl != NULL)
		fl->val = v;
}

/* Row f, drawn from the byte at off (the bit rows of a flags byte). */
static void
byte_row(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;

	if (st_cur_skip(&t, off))
		st_dfield(d, &t, &rdp_fields[f]);
}

/*
 * Text as Wireshark shows a string: printable bytes as they are (a
 * "DOMAIN\user" cookie keeps its one backslash), others as \xHH, so that
 * no control byte reaches a terminal.
 */
static void
printable(const uint8_t *p, size_t n, char *out, size_t outn)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, k = 0;

	for (i = 0; i < n && k + 5 < outn; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			out[k++] = (char)p[i];
			continue;
		}
		out[k++] = '\\';
		out[k++] = 'x';
		out[k++] = hex[p[i] >> 4];
		out[k++] = hex[p[i] & 0xf];
	}
	out[k] = '\0';
}

/* The cookie or routing token line: "Cookie: mstshash=user\r\n".
 * Returns the bytes it takes (0: none). */
static size_t
cookie(struct st_dctx *d, struct st_cur *c)
{
	char buf[4 * RDP_COOKIE_MAX + 1];
	size_t left = st_cur_left(c), i;
	const uint8_t *p;
	struct st_cur t = *c;

	if (left < 9 || st_peek_bits(c, 0, 32) != 0x436f6f6b)	/* "Cook" */
		return 0;
	if ((p = st_get_bytes(&t, left < RDP_COOKIE_MAX ? left :
	    RDP_COOKIE_MAX)) == NULL)
		return 0;
	for (i = 0; i + 1 < left && i + 1 < RDP_COOKIE_MAX; i++)
		if (p[i] == '\r' && p[i + 1] == '\n')
			break;
	if (i + 1 >= left || i + 1 >= RDP_COOKIE_MAX)
		return 0;
	printable(p, i, buf, sizeof(buf));
	st_dtext(d, c, &rdp_fields[F_COOKIE], 0, i, buf);
	return i + 2;
}

/* The negotiation request, response or failure at off. */
static int
negotiation(struct st_dctx *d, struct st_cur *c, size_t off)
{
	int64_t type = le_at(c, off, 1), fl = le_at(c, off + 1, 1);
	int64_t len = le_at(c, off + 2, 2), val = le_at(c, off + 4, 4);

	if (type < 0)
		return ST_OK;
	le_row(d, c, F_NEGTYPE, off, 1, (uint64_t)type);
	if (fl < 0)
		return ST_ETRUNC;
	if (type == 2) {
		le_row(d, c, F_RSPFL, off + 1, 1, (uint64_t)fl);
		byte_row(d, c, F_RSP_EXT, off + 1);
		byte_row(d, c, F_RSP_GFX, off + 1);
		byte_row(d, c, F_RSP_ADMIN, off + 1);
		byte_row(d, c, F_RSP_AUTH, off + 1);
	} else {
		le_row(d, c, F_REQFL, off + 1, 1, (uint64_t)fl);
		if (type == 1) {
			byte_row(d, c, F_REQ_ADMIN, off + 1);
			byte_row(d, c, F_REQ_CORR, off + 1);
		}
	}
	if (len < 0)
		return ST_ETRUNC;
	le_row(d, c, F_NEGLEN, off + 2, 2, (uint64_t)len);
	if (len != 8)
		return st_dmalformed(d, "negotiation length %u is not 8",
		    (unsigned)len);
	if (val < 0)
		return ST_ETRUNC;
	switch (type) {
	case 1:
		le_row(d, c, F_REQPROT, off + 4, 4, (uint64_t)val);
		byte_row(d, c, F_PROT_SSL, off + 4);
		byte_row(d, c, F_PROT_HYBRID, off + 4);
		byte_row(d, c, F_PROT_RDSTLS, off + 4);
		byte_row(d, c, F_PROT_HYBRIDEX, off + 4);
		break;
	case 2:
		le_row(d, c, F_SELPROT, off + 4, 4, (uint64_t)val);
		break;
	case 3:
		le_row(d, c, F_FAILCODE, off + 4, 4, (uint64_t)val);
		break;
	default:
		return st_dmalformed(d, "unknown negotiation type %u",
		    (unsigned)type);
	}
	d->hdr = off + 8;
	return ST_OK;
}

/* Connection request or confirm user data: cookie, then negotiation. */
static int
connect_data(struct st_dctx *d, struct st_cur *c)
{
	size_t off = cookie(d, c);
	int rc;

	d->hdr = off;
	if (off == 0 && st_cur_left(c) > 0 && st_peek_bits(c, 0, 8) == 'C')
		return ST_ETRUNC;	/* a cookie line cut short */
	/* Another protocol's user data (ISO-TSAP on 102): not RDP. */
	if (off == 0 && (st_peek_bits(c, 0, 8) < 1 ||
	    st_peek_bits(c, 0, 8) > 3))
		return ST_ENOTME;
	if ((rc = negotiation(d, c, off)) != ST_OK)
		return rc;
	return c->err;
}

/* The basic security header of a slow-path PDU (MCS user data). */
static int
security(struct st_dctx *d, struct st_cur *c)
{
	int64_t fl = le_at(c, 0, 2), hi = le_at(c, 2, 2), len;
	uint64_t v;

	if (fl < 0 || hi < 0)
		return ST_ETRUNC;
	v = (uint64_t)fl;
	le_row(d, c, F_FLAGS, 0, 2, v);
	le_row(d, c, F_FL_PKT, 0, 2, v & 0x04c1);
	le_row(d, c, F_FL_ENC, 0, 2, (v >> 3) & 1);
	le_row(d, c, F_FL_RESET, 0, 2, (v >> 4) & 1);
	le_row(d, c, F_FL_IGNORE, 0, 2, (v >> 5) & 1);
	le_row(d, c, F_FL_LIC, 0, 2, (v >> 9) & 1);
	le_row(d, c, F_FL_CKSUM, 0, 2, (v >> 11) & 1);
	le_row(d, c, F_FL_HIVALID, 0, 2, (v >> 15) & 1);
	le_row(d, c, F_FLAGSHI, 2, 2, (uint64_t)hi);
	d->hdr = 4;
	if (v & SEC_ENCRYPT) {
		if (st_dbytes(d, c, &rdp_fields[F_SIG], 4, 8) == NULL)
			return ST_ETRUNC;
		st_dtext(d, c, &rdp_fields[F_ENCDATA], 12,
		    st_cur_left(c) - 12, "");
		d->hdr = 12;
		d->data = 1;	/* encrypted: said, not read */
	} else if (v & SEC_EXCHANGE_PKT) {
		if ((len = le_at(c, 4, 4)) < 0)
			return ST_ETRUNC;
		le_row(d, c, F_SECLEN, 4, 4, (uint64_t)len);
		if ((size_t)len > st_cur_left(c) - 8)
			return ST_ETRUNC;
		st_dbytes(d, c, &rdp_fields[F_RANDOM], 8, (size_t)len);
		d->hdr = 8 + (size_t)len;
	}
	return c->err;
}

static int
rdp_decode(struct st_dctx *d, struct st_cur *c)
{
	const char *below = d->ly > d->pkt->layers ?
	    d->ly[-1].proto->name : "";

	if (st_cur_left(c) == 0)
		return ST_ETRUNC;
	if (strcmp(below, "cotp") == 0)
		return connect_data(d, c);
	if (strcmp(below, "tpkt") == 0)
		return st_rdp_fastpath(d, c);
	return security(d, c);
}

static const struct st_bind rdp_binds[] = {
	{ ST_KEY_FRAMED, RDP_NEG_FRAMED },
	{ ST_KEY_FRAMED, RDP_FP_FRAMED },
	{ ST_KEY_FRAMED, RDP_MCS_FRAMED },
};

/* " negotiate request rdp,tls,credssp": what the client offers. */
static void
protocols(struct st_sumctx *s, uint64_t v)
{
	static const char *const names[] = { "tls", "credssp", "rdstls",
		"credssp-ex" };
	unsigned i;

	st_out_puts(s->o, " negotiate request rdp");
	for (i = 0; i < 4; i++)
		if (v & (1u << i))
			st_out_printf(s->o, ",%s", names[i]);
}

/* what, then f's value by its name in t (or in hex). */
static void
named(struct st_sumctx *s, const char *what, const struct st_valname *t,
    const struct st_field *f)
{
	const char *n = st_valname(t, (uint32_t)f->val);

	st_out_puts(s->o, what);
	if (n != NULL)
		st_out_puts(s->o, n);
	else
		st_out_printf(s->o, "0x%08x", (unsigned)f->val);
}

/* "rdp Cookie: mstshash=user negotiate request", "rdp negotiate
 * response CredSSP", "rdp fast-path 2 events encrypted". */
static int
rdp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NRDP];

	st_ly_fields(s->pkt, ly, rdp_fields, F_NRDP, f);
	st_out_puts(s->o, "rdp");
	if (f[F_COOKIE] != NULL && f[F_COOKIE]->meaning != NULL)
		st_out_printf(s->o, " %s", f[F_COOKIE]->meaning);
	if (f[F_REQPROT] != NULL)
		protocols(s, f[F_REQPROT]->val);
	if (f[F_SELPROT] != NULL)
		named(s, " negotiate response ", prot_names, f[F_SELPROT]);
	if (f[F_FAILCODE] != NULL)
		named(s, " negotiate failure: ", fail_names, f[F_FAILCODE]);
	if (ly->nfields > 0 && s->pkt->fields[ly->field0].desc ==
	    &st_rdp_fp[FP_HDR])
		st_rdp_fp_summary(s, ly);
	if (f[F_FL_ENC] != NULL && f[F_FL_ENC]->val)
		st_out_puts(s->o, " encrypted");
	if (f[F_RANDOM] != NULL)
		st_out_puts(s->o, " security exchange");
	return 1;
}

static const struct st_field_desc *const rdp_keys[] = {
	&rdp_fields[F_NEGTYPE], &rdp_fields[F_FLAGS], &st_rdp_fp[FP_HDR],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rdp = {
	.name = "rdp",
	.ws = "rdp",
	.title = "Remote Desktop Protocol",
	.rfc = "MS-RDPBCGR",
	.role = ST_ROLE_APP,
	.fields = rdp_fields,
	.nfields = F_NRDP,
	.more = st_rdp_fp,
	.nmore = FP_NROWS,
	.decode = rdp_decode,
	.binds = rdp_binds,
	.nbinds = NFIELDS(rdp_binds),
	/* @summary */
	.summary = rdp_summary,
	/* @views */
	.keys = rdp_keys,
	.color = "\033[35m",
	.explain = "Microsoft's Remote Desktop Protocol ([MS-RDPBCGR]) on "
	    "TCP 3389.  The X.224 connection request carries the user's "
	    "cookie (\"Cookie: mstshash=\") and the security protocols the "
	    "client offers (standard RDP security, TLS, CredSSP); the "
	    "confirm says which the server chose.  With TLS or CredSSP the "
	    "rest is TLS.  With standard RDP security, MCS (T.125) carries "
	    "the PDUs, each after a security header whose flags say "
	    "encrypted (an 8-byte MAC, then RC4 data); fast-path PDUs, a "
	    "header byte and a length in place of TPKT, carry the client's "
	    "keyboard and mouse events and the server's screen updates.  "
	    "Encrypted slow-path bytes are shown as data; fast-path events "
	    "and update headers are read as Wireshark reads them, encrypted "
	    "or not (noise when encrypted).",
	/* @craft */
	/* @probes */
};
