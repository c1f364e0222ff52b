/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * T.125, the Multipoint Communication Service protocol (MCS), as RDP runs
 * it in COTP data TPDUs ([MS-RDPBCGR] 2.2.1.3 to 2.2.1.9): after the BER
 * Connect-Initial and Connect-Response, every PDU is a DomainMCSPDU in
 * aligned PER, its type (a choice of 43) in the first byte's six high
 * bits:
 *
 *   +-----------+--+--------- ... ---------+
 *   | choice    |opt/enum bits| fields     |  user ids, channel ids:
 *   +-----------+--+--------- ... ---------+  2 bytes; user data: a
 *                                             PER length and the bytes
 *
 * Send-data request and indication carry RDP's PDUs as user data, which
 * go on to RDP's security header.  Wireshark names these rows t124.*.
 */
#include <stdio.h>

#include "strata/ber.h"
#include "strata/out.h"
#include "fields.h"
#include "rdp.h"

#define T125_DTDATA	0x80730f00	/* ST_KEY_FRAMED: COTP DT payload */
#define T125_RDPDATA	0x4d435344	/* ST_KEY_FRAMED: "MCSD", user data */
#define T125_PORT	3389

enum { C_ERECT = 1, C_DPUM = 8, C_AUREQ = 10, C_AUCF = 11, C_CJREQ = 14,
	C_CJCF = 15, C_SDREQ = 25, C_SDIN = 26 };

enum { F_CHOICE, F_PDU, F_SUBH, F_SUBI, F_OPT, F_ENUM, F_RESULT, F_REASON,
	F_INIT, F_REQ, F_CHAN, F_PRIO, F_SEG, F_SEGB, F_SEGE, F_UDLEN,
	F_CONNECT, F_CALLING, F_CALLED, F_UPWARD, F_MAXCH, F_MAXUSER,
	F_MAXTOKEN, F_NPRIO, F_MINTHRU, F_MAXHEIGHT, F_MAXPDU, F_PROTOVER,
	F_CRESULT, F_CONNID, F_CUDATA, F_NT125 };

static const struct st_valname pdu_names[] = {
	{ 0, "plumbDomainIndication" }, { 1, "erectDomainRequest" },
	{ 2, "mergeChannelsRequest" }, { 3, "mergeChannelsConfirm" },
	{ 4, "purgeChannelsIndication" }, { 5, "mergeTokensRequest" },
	{ 6, "mergeTokensConfirm" }, { 7, "purgeTokensIndication" },
	{ 8, "disconnectProviderUltimatum" }, { 9, "rejectMCSPDUUltimatum" },
	{ 10, "attachUserRequest" }, { 11, "attachUserConfirm" },
	{ 12, "detachUserRequest" }, { 13, "detachUserIndication" },
	{ 14, "channelJoinRequest" }, { 15, "channelJoinConfirm" },
	{ 16, "channelLeaveRequest" }, { 17, "channelConveneRequest" },
	{ 18, "channelConveneConfirm" }, { 19, "channelDisbandRequest" },
	{ 20, "channelDisbandIndication" }, { 21, "channelAdmitRequest" },
	{ 22, "channelAdmitIndication" }, { 23, "channelExpelRequest" },
	{ 24, "channelExpelIndication" }, { 25, "sendDataRequest" },
	{ 26, "sendDataIndication" }, { 27, "uniformSendDataRequest" },
	{ 28, "uniformSendDataIndication" }, { 0, NULL }
};

static const struct st_valname result_names[] = {
	{ 0, "rt-successful" }, { 1, "rt-domain-merging" },
	{ 2, "rt-domain-not-hierarchical" }, { 3, "rt-no-such-channel" },
	{ 4, "rt-no-such-domain" }, { 5, "rt-no-such-user" },
	{ 6, "rt-not-admitted" }, { 7, "rt-other-user-id" },
	{ 8, "rt-parameters-unacceptable" }, { 9, "rt-token-not-available" },
	{ 10, "rt-token-not-possessed" }, { 11, "rt-too-many-channels" },
	{ 12, "rt-too-many-tokens" }, { 13, "rt-too-many-users" },
	{ 14, "rt-unspecified-failure" }, { 15, "rt-user-rejected" },
	{ 0, NULL }
};

static const struct st_valname reason_names[] = {
	{ 0, "rn-domain-disconnected" }, { 1, "rn-provider-initiated" },
	{ 2, "rn-token-purged" }, { 3, "rn-user-requested" },
	{ 4, "rn-channel-purged" }, { 0, NULL }
};

static const struct st_valname prio_names[] = {
	{ 0, "top" }, { 1, "high" }, { 2, "medium" }, { 3, "low" },
	{ 0, NULL }
};

static const struct st_valname connect_names[] = {
	{ 101, "connect-initial" }, { 102, "connect-response" },
	{ 103, "connect-additional" }, { 104, "connect-result" },
	{ 0, NULL }
};

/* Rows are placed by bit where each PDU has them (row()). */
static const struct st_field_desc t125_fields[F_NT125] = {
	[F_CHOICE] = FD(NULL, "per.choice_index", "Choice Index", 0, 6,
	    ST_FMT_DEC),
	[F_PDU] = FDN(NULL, "t124.DomainMCSPDU", "DomainMCSPDU", 0, 6,
	    ST_FMT_DEC, pdu_names),
	[F_SUBH] = FD(NULL, "t124.subHeight", "subHeight", 0, 0, ST_FMT_DEC),
	[F_SUBI] = FD(NULL, "t124.subInterval", "subInterval", 0, 0,
	    ST_FMT_DEC),
	[F_OPT] = FD(NULL, "per.optional_field_bit", "Optional Field Bit", 0,
	    1, ST_FMT_BOOL),
	[F_ENUM] = FD(NULL, "per.enum_index", "Enumerated Index", 0, 4,
	    ST_FMT_DEC),
	[F_RESULT] = FDN(NULL, "t124.result", "result", 0, 4, ST_FMT_DEC,
	    result_names),
	[F_REASON] = FDN(NULL, "t124.reason", "reason", 0, 3, ST_FMT_DEC,
	    reason_names),
	[F_INIT] = FD(NULL, "t124.initiator", "initiator", 0, 16, ST_FMT_DEC),
	[F_REQ] = FD(NULL, "t124.requested", "requested", 0, 16, ST_FMT_DEC),
	[F_CHAN] = FD(NULL, "t124.channelId", "channelId", 0, 16, ST_FMT_DEC),
	[F_PRIO] = FDN(NULL, "t124.dataPriority", "dataPriority", 0, 2,
	    ST_FMT_DEC, prio_names),
	/* A bit string: Wireshark shows its bits as a byte, "c0". */
	[F_SEG] = FD(NULL, "t124.segmentation", "segmentation", 0, 0,
	    ST_FMT_TEXT),
	[F_SEGB] = FD(NULL, "t124.Segmentation.begin", "begin", 0, 1,
	    ST_FMT_BOOL),
	[F_SEGE] = FD(NULL, "t124.Segmentation.end", "end", 0, 1,
	    ST_FMT_BOOL),
	[F_UDLEN] = FD(NULL, "per.octet_string_length", "Octet String Length",
	    0, 0, ST_FMT_DEC),
	/* The BER connect PDUs. */
	[F_CONNECT] = FDN(NULL, "t125.ConnectMCSPDU", "ConnectMCSPDU", 0, 0,
	    ST_FMT_DEC, connect_names),
	[F_CALLING] = FD(NULL, "t125.callingDomainSelector",
	    "callingDomainSelector", 0, 0, ST_FMT_BYTES),
	[F_CALLED] = FD(NULL, "t125.calledDomainSelector",
	    "calledDomainSelector", 0, 0, ST_FMT_BYTES),
	[F_UPWARD] = FD(NULL, "t125.upwardFlag", "upwardFlag", 0, 0,
	    ST_FMT_BOOL),
	[F_MAXCH] = FD(NULL, "t125.maxChannelIds", "maxChannelIds", 0, 0,
	    ST_FMT_DEC),
	[F_MAXUSER] = FD(NULL, "t125.maxUserIds", "maxUserIds", 0, 0,
	    ST_FMT_DEC),
	[F_MAXTOKEN] = FD(NULL, "t125.maxTokenIds", "maxTokenIds", 0, 0,
	    ST_FMT_DEC),
	[F_NPRIO] = FD(NULL, "t125.numPriorities", "numPriorities", 0, 0,
	    ST_FMT_DEC),
	[F_MINTHRU] = FD(NULL, "t125.minThroughput", "minThroughput", 0, 0,
	    ST_FMT_DEC),
	[F_MAXHEIGHT] = FD(NULL, "t125.maxHeight", "maxHeight", 0, 0,
	    ST_FMT_DEC),
	[F_MAXPDU] = FD(NULL, "t125.maxMCSPDUsize", "maxMCSPDUsize", 0, 0,
	    ST_FMT_DEC),
	[F_PROTOVER] = FD(NULL, "t125.protocolVersion", "protocolVersion", 0,
	    0, ST_FMT_DEC),
	[F_CRESULT] = FDN(NULL, "t125.result", "result", 0, 0, ST_FMT_DEC,
	    result_names),
	[F_CONNID] = FD(NULL, "t125.calledConnectId", "calledConnectId", 0, 0,
	    ST_FMT_DEC),
	[F_CUDATA] = FD(NULL, "t125.userData", "userData", 0, 0,
	    ST_FMT_BYTES),
};

/*
 * Row f over bits [bit, bit + n) of the PDU at c, with value v; 0 and
 * c->err set when those bits were not captured.
 */
static int
row(struct st_dctx *d, struct st_cur *c, int f, unsigned bit, unsigned n,
    uint64_t v)
{
	if (!st_cur_need(c, (bit + n + 7) / 8))
		return 0;
	st_pkt_add_field(d->pkt, &t125_fields[f],
	    (uint32_t)(c->off * 8 + bit), n, v);
	return 1;
}

/* The n bits at bit of c; 0 when not captured (row() then says so). */
static unsigned
bits(struct st_cur *c, unsigned bit, unsigned n)
{
	struct st_cur t = *c;

	if (!st_cur_need(&t, (bit + n + 7) / 8))
		return 0;
	return (unsigned)st_peek_bits(&t, bit, n);
}

/* An unconstrained PER integer at byte off: a length byte and that many
 * bytes (1 to 8).  Returns the bytes it takes, 0 when cut or wrong. */
static size_t
integer(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;
	unsigned n, i;
	uint64_t v = 0;

	if (!st_cur_need(&t, off + 1))
		return 0;
	n = bits(c, (unsigned)off * 8, 8);
	if (n == 0 || n > 8 || !st_cur_need(&t, off + 1 + n))
		return 0;
	for (i = 0; i < n; i++)
		v = v << 8 | bits(c, (unsigned)(off + 1 + i) * 8, 8);
	row(d, c, f, (unsigned)(off + 1) * 8, n * 8, v);
	return 1 + n;
}

/* A result after an optional-field bit (attach user, channel join
 * confirm): bit 6 of the first byte, then 4 bits. */
static void
result(struct st_dctx *d, struct st_cur *c)
{
	unsigned r = bits(c, 7, 4);

	row(d, c, F_OPT, 6, 1, bits(c, 6, 1));
	row(d, c, F_ENUM, 7, 4, r);
	row(d, c, F_RESULT, 7, 4, r);
}

/* Send-data request or indication: ids, priority and segmentation, the
 * user data's length; the data goes on to RDP. */
static int
senddata(struct st_dctx *d, struct st_cur *c)
{
	unsigned b = bits(c, 40, 8), len, hl = 7;
	char seg[4];

	row(d, c, F_INIT, 8, 16, bits(c, 8, 16));
	row(d, c, F_CHAN, 24, 16, bits(c, 24, 16));
	row(d, c, F_ENUM, 40, 2, b >> 6);
	row(d, c, F_PRIO, 40, 2, b >> 6);
	snprintf(seg, sizeof(seg), "%02x", b << 2 & 0xc0);
	if (st_cur_need(c, 6))
		st_dtext(d, c, &t125_fields[F_SEG], 5, 1, seg);
	row(d, c, F_SEGB, 42, 1, b >> 5 & 1);
	row(d, c, F_SEGE, 43, 1, b >> 4 & 1);
	if (!st_cur_need(c, 7))
		return ST_ETRUNC;
	len = bits(c, 48, 8);
	if (len & 0x80) {
		if (!st_cur_need(c, 8))
			return ST_ETRUNC;
		len = (len & 0x3f) << 8 | bits(c, 56, 8);
		hl = 8;
	}
	row(d, c, F_UDLEN, 48, (hl - 6) * 8, len);
	d->hdr = hl;
	if (len > st_cur_left(c) - hl && d->pkt->caplen == d->pkt->len)
		st_pkt_note(d->pkt, "T.125: user data continues in a later "
		    "segment");
	d->plen = len;
	d->next_key = ST_KEY_FRAMED;
	d->next_val = T125_RDPDATA;
	return ST_OK;
}

/* One DomainParameters: a SEQUENCE of eight INTEGERs. */
static int
domain_params(struct st_bwalk *w)
{
	struct st_bwalk in;
	struct st_ber t;
	int rc, f;

	if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_SEQUENCE)) !=
	    ST_OK)
		return rc;
	in = st_ber_walk_in(w, &t);
	for (f = F_MAXCH; f <= F_PROTOVER; f++)
		if ((rc = st_ber_expect(&in, &t, ST_BER_UNIVERSAL,
		    ST_BER_INTEGER)) != ST_OK ||
		    (rc = st_ber_fuint(&in, &t, &t125_fields[f])) != ST_OK)
			return rc;
	return ST_OK;
}

/*
 * Whether user data t is T.124 GCC (its object identifier 0.0.20.124.0.1)
 * carrying RDP's client data blocks: the H.221 key "Duca" of a Conference
 * Create Request in its first bytes ([MS-RDPBCGR] 2.2.1.3).
 */
static int
rdp_client_data(const struct st_bwalk *w, const struct st_ber *t)
{
	static const uint8_t oid[] = { 0x00, 0x05, 0x00, 0x14, 0x7c, 0x00,
		0x01 };
	struct st_cur u = w->c;
	const uint8_t *p;
	size_t n = t->len < 32 ? t->len : 32, i;

	if (t->off < u.off || !st_cur_skip(&u, t->off - u.off) ||
	    (p = st_get_bytes(&u, n)) == NULL || n < sizeof(oid) + 4 ||
	    memcmp(p, oid, sizeof(oid)) != 0)
		return 0;
	for (i = sizeof(oid); i + 4 <= n; i++)
		if (memcmp(p + i, "Duca", 4) == 0)
			return 1;
	return 0;
}

/* The fields of a Connect-Initial (101) or Connect-Response (102) inside
 * its application tag; the user data (T.124 GCC) is shown as bytes. */
static int
connect_body(struct st_bwalk *w, unsigned tag)
{
	struct st_ber t;
	int rc, i;

	if (tag == 101) {
		if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL,
		    ST_BER_OCTETS)) != ST_OK ||
		    (rc = st_ber_fstr(w, &t, &t125_fields[F_CALLING])) != ST_OK ||
		    (rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL,
		    ST_BER_OCTETS)) != ST_OK ||
		    (rc = st_ber_fstr(w, &t, &t125_fields[F_CALLED])) != ST_OK ||
		    (rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL,
		    ST_BER_BOOLEAN)) != ST_OK ||
		    (rc = st_ber_fuint(w, &t, &t125_fields[F_UPWARD])) != ST_OK)
			return rc;
		for (i = 0; i < 3; i++)
			if ((rc = domain_params(w)) != ST_OK)
				return rc;
	} else if (tag == 102) {
		if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL,
		    ST_BER_ENUMERATED)) != ST_OK ||
		    (rc = st_ber_fuint(w, &t, &t125_fields[F_CRESULT])) !=
		    ST_OK ||
		    (rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL,
		    ST_BER_INTEGER)) != ST_OK ||
		    (rc = st_ber_fuint(w, &t, &t125_fields[F_CONNID])) != ST_OK ||
		    (rc = domain_params(w)) != ST_OK)
			return rc;
	} else
		return ST_OK;
	if ((rc = st_ber_expect(w, &t, ST_BER_UNIVERSAL, ST_BER_OCTETS)) !=
	    ST_OK)
		return rc;
	if (tag == 101 && rdp_client_data(w, &t))
		st_rdp_note_server(w->d);	/* the server: where it goes */
	return st_ber_fstr(w, &t, &t125_fields[F_CUDATA]);
}

/* A BER connect PDU: [APPLICATION 101..104]. */
static int
connect_pdu(struct st_dctx *d, struct st_cur *c)
{
	struct st_bwalk w = { d, *c, c->off, c->end };
	struct st_ber m;
	int rc;

	if (d->pkt->caplen < d->pkt->len)
		w.lim = c->off + 65536;	/* cut: the lengths may run past */
	if ((rc = st_ber_read(c, w.lim, &m)) == ST_ETRUNC)
		return ST_ETRUNC;
	if (rc != ST_OK || m.cls != ST_BER_APPLICATION || m.tag < 101 ||
	    m.tag > 104)
		return st_dmalformed(d, "not an MCS connect PDU");
	st_ber_add(&w, &m, &t125_fields[F_CONNECT], m.tag);
	w = st_ber_walk_in(&w, &m);
	rc = connect_body(&w, m.tag);
	if (rc == ST_OK || rc == ST_ETRUNC)
		d->hdr = m.off + m.len - c->off;
	if (rc == ST_OK && d->hdr > st_cur_left(c))
		rc = ST_ETRUNC;
	d->data = 1;
	return rc;
}

static int
t125_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned choice;
	size_t n;

	if (st_dport(d->pkt, d->ly, 0) != T125_PORT &&
	    st_dport(d->pkt, d->ly, 1) != T125_PORT)
		return ST_ENOTME;	/* ISO-TSAP on 102 carries others */
	if (!st_cur_need(c, 1))
		return ST_ETRUNC;
	if (bits(c, 0, 8) == 0x7f)
		return connect_pdu(d, c);
	choice = bits(c, 0, 6);
	row(d, c, F_CHOICE, 0, 6, choice);
	row(d, c, F_PDU, 0, 6, choice);
	d->hdr = 1;
	switch (choice) {
	case C_ERECT:
		if ((n = integer(d, c, F_SUBH, 1)) == 0 ||
		    integer(d, c, F_SUBI, 1 + n) == 0)
			return ST_ETRUNC;
		d->hdr = st_cur_left(c);
		break;
	case C_DPUM:
		row(d, c, F_ENUM, 6, 3, bits(c, 6, 3));
		row(d, c, F_REASON, 6, 3, bits(c, 6, 3));
		d->hdr = 2;
		break;
	case C_AUREQ:
		break;
	case C_AUCF:
		result(d, c);
		if (bits(c, 6, 1))
			row(d, c, F_INIT, 16, 16, bits(c, 16, 16));
		d->hdr = 4;
		break;
	case C_CJREQ:
		row(d, c, F_INIT, 8, 16, bits(c, 8, 16));
		row(d, c, F_CHAN, 24, 16, bits(c, 24, 16));
		d->hdr = 5;
		break;
	case C_CJCF:
		result(d, c);
		row(d, c, F_INIT, 16, 16, bits(c, 16, 16));
		row(d, c, F_REQ, 32, 16, bits(c, 32, 16));
		if (bits(c, 6, 1))
			row(d, c, F_CHAN, 48, 16, bits(c, 48, 16));
		d->hdr = bits(c, 6, 1) ? 8 : 6;
		break;
	case C_SDREQ:
	case C_SDIN:
		return senddata(d, c);
	default:
		/* BER Connect-Initial and -Response (0x7f 0x65, 0x66) and the
		 * PDUs RDP does not use: shown as data. */
		d->data = 1;
		return ST_OK;
	}
	if (c->err != ST_OK)
		return c->err;
	if (d->hdr > st_cur_left(c))
		return ST_ETRUNC;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind t125_binds[] = {
	{ ST_KEY_FRAMED, T125_DTDATA },
};

/* "t125 channelJoinConfirm user 7 channel 1008"; what the user data
 * carries speaks after it (TPKT's summary calls each layer). */
static int
t125_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NT125];
	const char *name;

	st_ly_fields(s->pkt, ly, t125_fields, F_NT125, f);
	st_out_puts(s->o, "t125");
	if (f[F_CONNECT] != NULL && (name = st_valname(connect_names,
	    (uint32_t)f[F_CONNECT]->val)) != NULL)
		st_out_printf(s->o, " %s", name);
	if (f[F_CRESULT] != NULL && (name = st_valname(result_names,
	    (uint32_t)f[F_CRESULT]->val)) != NULL)
		st_out_printf(s->o, " %s", name);
	if (f[F_PDU] == NULL)
		return 1;
	name = st_valname(pdu_names, (uint32_t)f[F_PDU]->val);
	if (name != NULL)
		st_out_printf(s->o, " %s", name);
	else
		st_out_printf(s->o, " PDU %u", (unsigned)f[F_PDU]->val);
	if (f[F_RESULT] != NULL && f[F_RESULT]->val != 0 &&
	    (name = st_valname(result_names, (uint32_t)f[F_RESULT]->val)))
		st_out_printf(s->o, " %s", name);
	if (f[F_REASON] != NULL && (name = st_valname(reason_names,
	    (uint32_t)f[F_REASON]->val)) != NULL)
		st_out_printf(s->o, " %s", name);
	if (f[F_INIT] != NULL)
		st_out_printf(s->o, " user %u", (unsigned)f[F_INIT]->val);
	if (f[F_CHAN] != NULL)
		st_out_printf(s->o, " channel %u", (unsigned)f[F_CHAN]->val);
	return 1;
}

static const struct st_field_desc *const t125_keys[] = {
	&t125_fields[F_PDU], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_t125 = {
	.name = "t125",
	.ws = "t125",
	.title = "MULTIPOINT-COMMUNICATION-SERVICE T.125",
	.rfc = "ITU-T T.125, MS-RDPBCGR",
	.role = ST_ROLE_APP,
	.fields = t125_fields,
	.nfields = F_NT125,
	.decode = t125_decode,
	.binds = t125_binds,
	.nbinds = NFIELDS(t125_binds),
	/* @summary */
	.summary = t125_summary,
	/* @views */
	.keys = t125_keys,
	.color = "\033[35m",
	.explain = "ITU-T T.125 MCS, the channel layer RDP runs over X.224: "
	    "the client erects a domain, attaches a user (the server gives "
	    "it an id) and joins channels (the user's own, I/O 1003, one per "
	    "virtual channel); every RDP PDU then rides in a send-data "
	    "request (client) or indication (server) that names user, "
	    "channel, priority and segmentation.  These PDUs are aligned "
	    "PER; the first two (Connect-Initial, -Response, carrying T.124 "
	    "GCC and RDP's settings) are BER.",
	/* @craft */
	/* @probes */
};
