/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OPC UA's binary protocol on TCP 4840 (OPC 10000-6, 7.1): each message
 * chunk has an 8-byte header (three letters of type, a chunk type, the
 * size), then by type: Hello and Acknowledge (the buffer and message
 * limits, Hello's endpoint URL), Error (a status code and a reason), or a
 * secure channel's chunk: OpenSecureChannel (the channel ID, the security
 * policy URI, the sender's certificate and the receiver's thumbprint),
 * Message and CloseSecureChannel (the channel and token IDs), each then
 * a sequence number, a request ID and the service, which opens with the
 * NodeId of its type (631 ReadRequest).  Numbers are little-endian;
 * strings and byte strings a 32-bit length (-1: null) and the bytes.
 *
 *   +------+------+------+------+------+------+------+------+
 *   | type ("HEL", "MSG"...)   |chunk | message size (LE32)       |
 *   +------+------+------+------+------+------+------+------+
 *
 * Beyond the type's NodeId the service's body is not read: with a
 * security policy other than None it is signed and encrypted anyway.
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"
#include "indus.h"

#define OPCUA_PORT	4840
#define OPCUA_HDR	8

enum { F_TYPE, F_CHUNK, F_SIZE, F_VER, F_RBS, F_SBS, F_MMS, F_MCC,
	F_ENDPOINT, F_ERROR, F_REASON, F_SCID, F_SPU, F_SCERT, F_RCTHUMB,
	F_TOKEN, F_SEQ, F_RQID, F_MASK, F_NSID8, F_NSID16, F_NUM8, F_NUM16,
	F_NUM32, F_NOPCUA };

static const struct st_valname service_names[] = {
	{ 428, "GetEndpointsRequest" }, { 431, "GetEndpointsResponse" },
	{ 446, "OpenSecureChannelRequest" },
	{ 449, "OpenSecureChannelResponse" },
	{ 452, "CloseSecureChannelRequest" },
	{ 455, "CloseSecureChannelResponse" },
	{ 461, "CreateSessionRequest" }, { 464, "CreateSessionResponse" },
	{ 467, "ActivateSessionRequest" },
	{ 470, "ActivateSessionResponse" }, { 473, "CloseSessionRequest" },
	{ 476, "CloseSessionResponse" }, { 527, "BrowseRequest" },
	{ 530, "BrowseResponse" }, { 631, "ReadRequest" },
	{ 634, "ReadResponse" }, { 673, "WriteRequest" },
	{ 676, "WriteResponse" }, { 712, "CallRequest" },
	{ 715, "CallResponse" }, { 751, "CreateMonitoredItemsRequest" },
	{ 754, "CreateMonitoredItemsResponse" },
	{ 787, "CreateSubscriptionRequest" },
	{ 790, "CreateSubscriptionResponse" }, { 826, "PublishRequest" },
	{ 829, "PublishResponse" }, { 397, "ServiceFault" }, { 0, NULL }
};

/* Rows are read at the position of their bytes, little-endian. */
static const struct st_field_desc opcua_fields[F_NOPCUA] = {
	[F_TYPE] = FD("type", "opcua.transport.type", "Message Type", 0, 24,
	    ST_FMT_TEXT),
	[F_CHUNK] = FD("chunk", "opcua.transport.chunk", "Chunk Type", 24, 8,
	    ST_FMT_TEXT),
	[F_SIZE] = FD("size", "opcua.transport.size", "Message Size", 32, 32,
	    ST_FMT_DEC),
	[F_VER] = FD(NULL, "opcua.transport.ver", "Version", 0, 32,
	    ST_FMT_DEC),
	[F_RBS] = FD(NULL, "opcua.transport.rbs", "ReceiveBufferSize", 0, 32,
	    ST_FMT_DEC),
	[F_SBS] = FD(NULL, "opcua.transport.sbs", "SendBufferSize", 0, 32,
	    ST_FMT_DEC),
	[F_MMS] = FD(NULL, "opcua.transport.mms", "MaxMessageSize", 0, 32,
	    ST_FMT_DEC),
	[F_MCC] = FD(NULL, "opcua.transport.mcc", "MaxChunkCount", 0, 32,
	    ST_FMT_DEC),
	[F_ENDPOINT] = FD(NULL, "opcua.transport.endpoint", "EndpointUrl", 0,
	    0, ST_FMT_TEXT),
	[F_ERROR] = FD(NULL, "opcua.transport.error", "Error", 0, 32,
	    ST_FMT_HEX),
	[F_REASON] = FD(NULL, "opcua.transport.reason", "Reason", 0, 0,
	    ST_FMT_TEXT),
	[F_SCID] = FD(NULL, "opcua.transport.scid", "SecureChannelId", 0, 32,
	    ST_FMT_DEC),
	[F_SPU] = FD(NULL, "opcua.security.spu", "SecurityPolicyUri", 0, 0,
	    ST_FMT_TEXT),
	[F_SCERT] = FD(NULL, "opcua.security.scert", "SenderCertificate", 0,
	    0, ST_FMT_BYTES),
	[F_RCTHUMB] = FD(NULL, "opcua.security.rcthumb",
	    "ReceiverCertificateThumbprint", 0, 0, ST_FMT_BYTES),
	[F_TOKEN] = FD(NULL, "opcua.security.tokenid", "Security Token Id",
	    0, 32, ST_FMT_DEC),
	[F_SEQ] = FD(NULL, "opcua.security.seq", "Security Sequence Number",
	    0, 32, ST_FMT_DEC),
	[F_RQID] = FD(NULL, "opcua.security.rqid", "Security RequestId", 0,
	    32, ST_FMT_DEC),
	[F_MASK] = FD(NULL, "opcua.servicenodeid.encodingmask",
	    "EncodingMask", 0, 8, ST_FMT_HEX),
	[F_NSID8] = FD(NULL, "opcua.servicenodeid.nsid", "Namespace Index", 0,
	    8, ST_FMT_DEC),
	[F_NSID16] = FD(NULL, "opcua.servicenodeid.nsid", "Namespace Index",
	    0, 16, ST_FMT_DEC),
	/* The same number in the two-byte, four-byte and numeric forms. */
	[F_NUM8] = FDN(NULL, "opcua.servicenodeid.numeric", "Identifier", 0,
	    8, ST_FMT_DEC, service_names),
	[F_NUM16] = FDN(NULL, "opcua.servicenodeid.numeric", "Identifier", 0,
	    16, ST_FMT_DEC, service_names),
	[F_NUM32] = FDN(NULL, "opcua.servicenodeid.numeric", "Identifier", 0,
	    32, ST_FMT_DEC, service_names),
};

/* Row f, little-endian over the n bytes at off. */
static struct st_field *
le(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dle(d, c, &opcua_fields[f], off, n);
}

/*
 * A string or byte string at off (a 32-bit length, -1 for null, then
 * the bytes) as row f, text or bytes; a null or empty one shows no
 * bytes.  Returns where the next field starts, or 0 when the length
 * runs past end.
 */
static size_t
string(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t end)
{
	int32_t n = (int32_t)ind_le(c, off, 4);

	if (!st_cur_need(c, off + 4))
		return 0;
	if (n <= 0)
		return off + 4;
	if ((size_t)n > end - off - 4)
		return 0;
	if (opcua_fields[f].fmt == ST_FMT_TEXT)
		st_dtext_ascii(d, c, &opcua_fields[f], off + 4, (size_t)n < 255 ?
		    (size_t)n : 255);
	else
		st_dbytes(d, c, &opcua_fields[f], off + 4, (size_t)n);
	return off + 4 + (size_t)n;
}

/* The service's type: a NodeId in its two-byte (0), four-byte (1) or
 * numeric (2) encoding; others are not read. */
static void
nodeid(struct st_dctx *d, struct st_cur *c, size_t off)
{
	unsigned mask = ind_byte(c, off);

	st_dbytes(d, c, &opcua_fields[F_MASK], off, 1);
	switch (mask & 0x3f) {
	case 0:
		st_dbytes(d, c, &opcua_fields[F_NUM8], off + 1, 1);
		break;
	case 1:
		st_dbytes(d, c, &opcua_fields[F_NSID8], off + 1, 1);
		le(d, c, F_NUM16, off + 2, 2);
		break;
	case 2:
		le(d, c, F_NSID16, off + 1, 2);
		le(d, c, F_NUM32, off + 3, 4);
		break;
	}
}

static int
opcua_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), size, end, off;
	char type[4], chunk[2];

	if (!st_cur_need(c, OPCUA_HDR))
		return ST_ETRUNC;
	type[0] = (char)ind_byte(c, 0);
	type[1] = (char)ind_byte(c, 1);
	type[2] = (char)ind_byte(c, 2);
	type[3] = '\0';
	chunk[0] = (char)ind_byte(c, 3);
	chunk[1] = '\0';
	st_dtext_ascii(d, c, &opcua_fields[F_TYPE], 0, 3);
	st_dtext_ascii(d, c, &opcua_fields[F_CHUNK], 3, 1);
	le(d, c, F_SIZE, 4, 4);
	size = ind_le(c, 4, 4);
	if (size < OPCUA_HDR)
		return st_dmalformed(d, "message size %zu is below its "
		    "header's", size);
	end = size < left ? size : left;
	if (strcmp(type, "HEL") == 0 || strcmp(type, "ACK") == 0) {
		le(d, c, F_VER, 8, 4);
		le(d, c, F_RBS, 12, 4);
		le(d, c, F_SBS, 16, 4);
		le(d, c, F_MMS, 20, 4);
		le(d, c, F_MCC, 24, 4);
		if (type[0] == 'H' && c->err == ST_OK)
			string(d, c, F_ENDPOINT, 28, end);
	} else if (strcmp(type, "ERR") == 0) {
		le(d, c, F_ERROR, 8, 4);
		if (c->err == ST_OK)
			string(d, c, F_REASON, 12, end);
	} else if (strcmp(type, "OPN") == 0 || strcmp(type, "MSG") == 0 ||
	    strcmp(type, "CLO") == 0) {
		le(d, c, F_SCID, 8, 4);
		off = 12;
		if (type[0] == 'O') {
			if ((off = string(d, c, F_SPU, off, end)) != 0)
				off = string(d, c, F_SCERT, off, end);
			if (off != 0)
				off = string(d, c, F_RCTHUMB, off, end);
		} else {
			le(d, c, F_TOKEN, off, 4);
			off += 4;
		}
		/* Past a policy other than None the rest may be encrypted:
		 * read only what fits in the message. */
		if (off != 0 && off + 8 <= end) {
			le(d, c, F_SEQ, off, 4);
			le(d, c, F_RQID, off + 4, 4);
			if (off + 9 <= end && chunk[0] != 'A')
				nodeid(d, c, off + 8);
		}
	}
	d->hdr = end;
	if (size > left && d->pkt->caplen == d->pkt->len) {
		/* The message goes on in a later segment. */
		c->err = ST_OK;
		st_pkt_note(d->pkt, "OPC UA: a message continues in a later "
		    "segment");
		return ST_OK;
	}
	if (c->err != ST_OK)
		return c->err;
	if (size > left)
		return ST_ETRUNC;
	if (left > size)
		d->next = d->ly->proto;		/* another message */
	return ST_OK;
}

/* The header's size: how long the message starting at c is. */
static size_t
opcua_pdu_len(struct st_cur *c)
{
	size_t n;

	if (st_cur_left(c) < OPCUA_HDR)
		return ST_PDU_MORE;
	n = (size_t)ind_le(c, 4, 4);
	return n >= OPCUA_HDR ? n : 0;
}

static const struct st_bind opcua_binds[] = {
	{ ST_KEY_TCPPORT, OPCUA_PORT },
};

/* "opcua MSG F ReadRequest seq 2 req 2", "opcua HEL F
 * opc.tcp://plc:4840", "opcua ERR F error 0x80010000". */
static void
opcua_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NOPCUA], *num;
	const char *n;

	st_ly_fields(s->pkt, ly, opcua_fields, F_NOPCUA, f);
	if (f[F_TYPE] != NULL)
		s->value(s, f[F_TYPE]);
	if (f[F_CHUNK] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CHUNK]);
	}
	num = f[F_NUM8] != NULL ? f[F_NUM8] : f[F_NUM16] != NULL ?
	    f[F_NUM16] : f[F_NUM32];
	if (num != NULL) {
		if ((n = st_valname(service_names, (uint32_t)num->val)) !=
		    NULL)
			st_out_printf(s->o, " %s", n);
		else
			st_out_printf(s->o, " service %u",
			    (unsigned)num->val);
	}
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, " seq %u", (unsigned)f[F_SEQ]->val);
	if (f[F_RQID] != NULL)
		st_out_printf(s->o, " req %u", (unsigned)f[F_RQID]->val);
	if (f[F_ENDPOINT] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_ENDPOINT]);
	}
	if (f[F_ERROR] != NULL)
		st_out_printf(s->o, " error 0x%08x",
		    (unsigned)f[F_ERROR]->val);
}

static int
opcua_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "opcua ");
	st_sum_each(s, ly, " | ", opcua_one);
	return 1;
}

static const struct st_field_desc *const opcua_keys[] = {
	&opcua_fields[F_TYPE], &opcua_fields[F_SIZE], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_opcua = {
	.name = "opcua",
	.ws = "opcua",
	.title = "OPC UA Binary Protocol",
	.rfc = "OPC 10000-6 (OPC UA Mappings) 7.1",
	.role = ST_ROLE_APP,
	.fields = opcua_fields,
	.nfields = F_NOPCUA,
	.decode = opcua_decode,
	.binds = opcua_binds,
	.nbinds = NFIELDS(opcua_binds),
	.pdu_len = opcua_pdu_len,
	/* @summary */
	.summary = opcua_summary,
	/* @views */
	.keys = opcua_keys,
	.color = "\033[33m",
	.explain_bits = 64,
	.explain = "OPC UA's binary protocol, on TCP 4840.  Every chunk starts "
	    "with three letters: HEL (the client's Hello, with its buffer "
	    "sizes and the endpoint URL) and ACK (the server's limits), OPN "
	    "to open a secure channel (the security policy: #None sends "
	    "everything in clear, others sign or encrypt the rest), MSG for "
	    "a service request or response on it, CLO to close it, ERR for "
	    "an error; then F (final), C (more chunks follow) or A (abort), "
	    "and the size.  A secure channel's chunk carries its channel ID "
	    "(and security token), a sequence number and a request ID that "
	    "pairs a response with its request; the service starts with the "
	    "NodeId of its type, 631 ReadRequest or 673 WriteRequest.",
	/* @craft */
	/* @probes */
};
