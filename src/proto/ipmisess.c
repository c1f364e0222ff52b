/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPMI's session wrapper (IPMI 2.0 13.6, 13.8), inside RMCP class 7: the
 * session an IPMI request or response belongs to, before the message.
 *
 * IPMI v1.5 (authentication type 0 to 5):
 *   auth type(8) | sequence(32) | session ID(32) | [auth code(128) when
 *   the type is not 0] | message length(8) | message
 * IPMI v2.0, RMCP+ (authentication type 6):
 *   auth type(8) | E A payload type(6) | [OEM IANA(32) OEM payload ID(16)
 *   for payload type 2] | session ID(32) | sequence(32) |
 *   message length(16) | message | [integrity trailer]
 *
 * Multi-byte numbers are little-endian, as everything in IPMI.  As in
 * Wireshark without its IPMI message heuristics, the message is shown as
 * data (always when it is encrypted, bit E), and the bytes after it as
 * the wrapper's trailer.
 */
#include "strata/out.h"
#include "fields.h"

#define IPMI_RMCPP	6
#define IPMI_OEMEXP	2

enum { F_AUTH, F_ENC, F_PAUTH, F_PTYPE, F_IANA, F_PID, F_SEQ, F_ID,
	F_CODE, F_LEN1, F_LEN2, F_TRAILER, F_NIPMI };

static const struct st_valname ipmi_auths[] = {
	{ 0, "NONE" }, { 1, "MD2" }, { 2, "MD5" }, { 4, "PASSWORD" },
	{ 5, "OEM" }, { 6, "RMCP+" }, { 0, NULL }
};

static const struct st_valname ipmi_payloads[] = {
	{ 0x00, "IPMI Message" }, { 0x01, "SOL (serial over LAN)" },
	{ 0x02, "OEM Explicit" }, { 0x10, "RMCP+ Open Session Request" },
	{ 0x11, "RMCP+ Open Session Response" }, { 0x12, "RAKP Message 1" },
	{ 0x13, "RAKP Message 2" }, { 0x14, "RAKP Message 3" },
	{ 0x15, "RAKP Message 4" }, { 0, NULL }
};

/* Little-endian numbers are added by st_dle at their byte offsets. */
static const struct st_field_desc ipmi_fields[F_NIPMI] = {
	[F_AUTH] = FDN("authtype", "ipmi_session.authtype",
	    "Authentication Type", 0, 8, ST_FMT_HEX, ipmi_auths),
	[F_ENC] = FD(NULL, "ipmi_session.payloadtype.enc", "Encryption", 8, 1,
	    ST_FMT_BOOL),
	[F_PAUTH] = FD(NULL, "ipmi_session.payloadtype.auth", "Authenticated",
	    9, 1, ST_FMT_BOOL),
	[F_PTYPE] = FDN(NULL, "ipmi_session.payloadtype", "Payload Type", 10,
	    6, ST_FMT_HEX, ipmi_payloads),
	[F_IANA] = FD(NULL, "ipmi_session.oem.iana", "OEM IANA", 0, 32,
	    ST_FMT_BYTES),
	[F_PID] = FD(NULL, "ipmi_session.oem.payloadid", "OEM Payload ID", 0,
	    16, ST_FMT_BYTES),
	[F_SEQ] = FD(NULL, "ipmi_session.sequence", "Session Sequence Number",
	    0, 32, ST_FMT_HEX),
	[F_ID] = FD(NULL, "ipmi_session.id", "Session ID", 0, 32, ST_FMT_HEX),
	[F_CODE] = FD(NULL, "ipmi_session.authcode", "Authentication Code", 0,
	    128, ST_FMT_BYTES),
	[F_LEN1] = FD(NULL, "ipmi_session.msg.len", "Message Length", 0, 8,
	    ST_FMT_DEC),
	[F_LEN2] = FD(NULL, "ipmi_session.msg.len", "Message Length", 0, 16,
	    ST_FMT_DEC),
	[F_TRAILER] = FD(NULL, "ipmi_session.trailer",
	    "IPMI Session Wrapper (trailer)", 0, 0, ST_FMT_BYTES),
};

#define R(i)	(&ipmi_fields[(i)])

static int
ipmi_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr, len, off;
	unsigned auth, ptype = 0;

	st_dfield(d, c, R(F_AUTH));
	auth = (unsigned)st_peek_bits(c, 0, 8);
	if (auth == IPMI_RMCPP) {
		st_dfields(d, c, R(F_ENC), 3);
		ptype = (unsigned)st_peek_bits(c, 10, 6);
		off = 2;
		if (c->err == ST_OK && ptype == IPMI_OEMEXP) {
			st_dbytes(d, c, R(F_IANA), 2, 4);
			st_dbytes(d, c, R(F_PID), 6, 2);
			off = 8;
		}
		st_dle(d, c, R(F_ID), off, 4);
		st_dle(d, c, R(F_SEQ), off + 4, 4);
		st_dle(d, c, R(F_LEN2), off + 8, 2);
		hdr = off + 10;
		len = hdr <= left ? (size_t)st_peek_bits(c, (off + 8) * 8, 8) |
		    (size_t)st_peek_bits(c, (off + 9) * 8, 8) << 8 : 0;
	} else {
		st_dle(d, c, R(F_SEQ), 1, 4);
		st_dle(d, c, R(F_ID), 5, 4);
		off = 9;
		if (auth != 0) {
			st_dbytes(d, c, R(F_CODE), 9, 16);
			off = 25;
		}
		st_dfields_at(d, c, off, R(F_LEN1), 1);
		hdr = off + 1;
		len = hdr <= left ? (size_t)st_peek_bits(c, off * 8, 8) : 0;
	}
	if (c->err != ST_OK || hdr > left)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "the session header ends past the "
		    "datagram");
	d->hdr = hdr;
	d->plen = len;
	d->data = 1;
	if (hdr + len < left) {
		d->tail = left - hdr - len;
		st_dbytes(d, c, R(F_TRAILER), hdr + len, d->tail);
	} else if (hdr + len > left && d->pkt->caplen >= d->pkt->len)
		return st_dmalformed(d, "a message of %zu bytes past the "
		    "datagram's %zu", len, left - hdr);
	return ST_OK;
}

static const struct st_bind ipmi_binds[] = {
	{ ST_KEY_RMCPCLASS, 7 },
};

/* "IPMI v1.5 session 0x0a0b0c0d seq 16", "RMCP+ session 0x2000 seq 3,
 * RAKP Message 1". */
static int
ipmi_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NIPMI];
	const char *name;

	st_ly_fields(s->pkt, ly, ipmi_fields, F_NIPMI, f);
	if (f[F_AUTH] == NULL || f[F_ID] == NULL || f[F_SEQ] == NULL)
		return 0;
	st_out_printf(s->o, "%s session 0x%08x seq %u",
	    f[F_AUTH]->val == IPMI_RMCPP ? "RMCP+" : "IPMI v1.5",
	    (unsigned)f[F_ID]->val, (unsigned)f[F_SEQ]->val);
	if (f[F_PTYPE] != NULL) {
		name = st_valname(ipmi_payloads, (uint32_t)f[F_PTYPE]->val);
		st_out_printf(s->o, ", %s%s", name != NULL ? name : "payload",
		    f[F_ENC] != NULL && f[F_ENC]->val ? " (encrypted)" : "");
	}
	return 1;
}

static const struct st_field_desc *const ipmi_keys[] = {
	R(F_AUTH), R(F_PTYPE), NULL,
};

const struct st_proto st_proto_ipmi_session = {
	.name = "ipmi_session",
	.ws = "ipmi_session",
	.title = "Intelligent Platform Management Interface (Session Wrapper)",
	.rfc = "IPMI 2.0 rev 1.1, 13.6 and 13.8",
	.role = ST_ROLE_APP,
	.fields = ipmi_fields,
	.nfields = F_NIPMI,
	.decode = ipmi_decode,
	.binds = ipmi_binds,
	.nbinds = NFIELDS(ipmi_binds),
	.summary = ipmi_summary,
	.keys = ipmi_keys,
	.color = "\033[35m",
	.explain_bits = 16,	/* the rest depends on the first byte */
	.explain = "The wrapper of an IPMI message sent to a server's BMC over "
	    "the LAN (RMCP class 7, UDP 623; ipmitool -I lan or lanplus).  "
	    "Its first byte is the authentication type: 0 to 5 is IPMI v1.5, "
	    "with a sequence number, a session ID, a 16-byte authentication "
	    "code unless the type is NONE, and a one-byte message length; 6 "
	    "is RMCP+ (IPMI v2.0), with a payload type (an IPMI message, "
	    "serial over LAN, or the Open Session and RAKP messages that set "
	    "up a session) and its encrypted and authenticated bits, the "
	    "session ID, the sequence and a two-byte length.  Session ID 0 "
	    "is outside any session.  Numbers are little-endian.",
};
