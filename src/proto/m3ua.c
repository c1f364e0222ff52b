/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * M3UA, the SS7 MTP3 user adaptation layer (RFC 4666), in SCTP DATA
 * chunks of payload protocol 3.
 *
 * +---------------+---------------+---------------+---------------+
 * |    Version    |   Reserved    | Message class | Message type  |
 * +---------------+---------------+---------------+---------------+
 * |                        Message length                         |
 * +---------------+---------------+---------------+---------------+
 * then parameters: tag (16), length (16, the 4 header bytes counted),
 * value, padding to 4 bytes.
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname class_names[] = {
	{ 0, "Management messages" }, { 1, "Transfer messages" },
	{ 2, "SS7 signalling network management messages" },
	{ 3, "ASP state maintenance messages" },
	{ 4, "ASP traffic maintenance messages" },
	{ 9, "Routing key management messages" }, { 0, NULL }
};

/* Each class's types, as class << 8 | type. */
static const struct st_valname type_names[] = {
	{ 0x0000, "ERR" }, { 0x0001, "NTFY" }, { 0x0101, "DATA" },
	{ 0x0201, "DUNA" }, { 0x0202, "DAVA" }, { 0x0203, "DAUD" },
	{ 0x0204, "SCON" }, { 0x0205, "DUPU" }, { 0x0206, "DRST" },
	{ 0x0301, "ASPUP" }, { 0x0302, "ASPDN" }, { 0x0303, "BEAT" },
	{ 0x0304, "ASPUP_ACK" }, { 0x0305, "ASPDN_ACK" },
	{ 0x0306, "BEAT_ACK" }, { 0x0401, "ASPAC" }, { 0x0402, "ASPIA" },
	{ 0x0403, "ASPAC_ACK" }, { 0x0404, "ASPIA_ACK" },
	{ 0x0901, "REG_REQ" }, { 0x0902, "REG_RSP" }, { 0x0903, "DEREG_REQ" },
	{ 0x0904, "DEREG_RSP" }, { 0, NULL }
};

static const struct st_valname tag_names[] = {
	{ 0x0004, "INFO string" }, { 0x0006, "Routing context" },
	{ 0x0007, "Diagnostic information" }, { 0x0009, "Heartbeat data" },
	{ 0x000b, "Traffic mode type" }, { 0x000c, "Error code" },
	{ 0x000d, "Status" }, { 0x0011, "ASP identifier" },
	{ 0x0012, "Affected point code" }, { 0x0013, "Correlation ID" },
	{ 0x0200, "Network appearance" }, { 0x0210, "Protocol data" },
	{ 0, NULL }
};

enum { F_VERS, F_RES, F_CLASS, F_TYPE, F_LEN, F_TAG, F_PLEN, F_VAL, F_PAD,
	F_INFO, F_RC, F_DIAG, F_BEAT, F_TMT, F_ERR, F_STYPE, F_SINFO, F_ASPID,
	F_NA, F_OPC, F_DPC, F_SI, F_NI, F_MP, F_SLS };

static const struct st_field_desc m3ua_fields[] = {
	FD("version", "m3ua.version", "Version", 0, 8, ST_FMT_DEC),
	FD(NULL, "m3ua.reserved", "Reserved", 8, 8, ST_FMT_HEX),
	FDN("class", "m3ua.message_class", "Message class", 16, 8,
	    ST_FMT_DEC, class_names),
	FD("type", "m3ua.message_type", "Message type", 24, 8, ST_FMT_DEC),
	FD("length", "m3ua.message_length", "Message length", 32, 32,
	    ST_FMT_DEC),
	/* From each parameter's start. */
	FDN(NULL, "m3ua.parameter_tag", "Parameter tag", 0, 16, ST_FMT_DEC,
	    tag_names),
	FD(NULL, "m3ua.parameter_length", "Parameter length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "m3ua.parameter_value", "Parameter value", 32, 0,
	    ST_FMT_BYTES),
	FD(NULL, "m3ua.parameter_padding", "Padding", 0, 0, ST_FMT_BYTES),
	FD(NULL, "m3ua.info_string", "Info string", 32, 0, ST_FMT_TEXT),
	FD(NULL, "m3ua.routing_context", "Routing context", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "m3ua.diagnostic_information", "Diagnostic information", 32,
	    0, ST_FMT_BYTES),
	FD(NULL, "m3ua.heartbeat_data", "Heartbeat data", 32, 0,
	    ST_FMT_BYTES),
	FD(NULL, "m3ua.traffic_mode_type", "Traffic mode type", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "m3ua.error_code", "Error code", 32, 32, ST_FMT_HEX),
	FD(NULL, "m3ua.status_type", "Status type", 32, 16, ST_FMT_DEC),
	FD(NULL, "m3ua.status_info", "Status info", 48, 16, ST_FMT_DEC),
	FD(NULL, "m3ua.asp_identifier", "ASP identifier", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "m3ua.network_appearance", "Network appearance", 32, 32,
	    ST_FMT_DEC),
	/* Protocol data: the MTP3 routing label, then the user's message. */
	FD(NULL, "m3ua.protocol_data_opc", "OPC", 32, 32, ST_FMT_DEC),
	FD(NULL, "m3ua.protocol_data_dpc", "DPC", 64, 32, ST_FMT_DEC),
	FD(NULL, "m3ua.protocol_data_si", "SI", 96, 8, ST_FMT_DEC),
	FD(NULL, "m3ua.protocol_data_ni", "NI", 104, 8, ST_FMT_DEC),
	FD(NULL, "m3ua.protocol_data_mp", "MP", 112, 8, ST_FMT_DEC),
	FD(NULL, "m3ua.protocol_data_sls", "SLS", 120, 8, ST_FMT_DEC),
};

#define M3UA_MAXPARAM	32

/* A text parameter value of n bytes (at most 255 shown). */
static void
m3ua_text(struct st_dctx *d, struct st_cur *t, size_t n)
{
	char text[255 * 4 + 1];

	if (n > 255)
		n = 255;
	if (!st_cur_need(t, 4 + n))
		return;
	st_escape(t->base + t->off + 4, n, text, sizeof(text));
	st_dtext(d, t, &m3ua_fields[F_INFO], 4, n, text);
}

/* The value of a parameter of tag and n value bytes, by its kind. */
static void
m3ua_value(struct st_dctx *d, struct st_cur *t, unsigned tag, size_t n)
{
	static const struct { unsigned tag; int f; } word[] = {
		{ 0x0006, F_RC }, { 0x000b, F_TMT }, { 0x000c, F_ERR },
		{ 0x0011, F_ASPID }, { 0x0200, F_NA },
	};
	size_t i;

	for (i = 0; i < NFIELDS(word); i++)
		if (word[i].tag == tag && n == 4) {
			st_dfield(d, t, &m3ua_fields[word[i].f]);
			return;
		}
	/* Protocol data's user message (ISUP, SCCP) is not decoded. */
	if (tag == 0x0210 && n >= 12)
		st_dfields(d, t, m3ua_fields + F_OPC, 6);
	else if (tag == 0x000d && n == 4)
		st_dfields(d, t, m3ua_fields + F_STYPE, 2);
	else if (tag == 0x0004)
		m3ua_text(d, t, n);
	else if (tag == 0x0007)
		st_dbytes(d, t, &m3ua_fields[F_DIAG], 4, n);
	else if (tag == 0x0009)
		st_dbytes(d, t, &m3ua_fields[F_BEAT], 4, n);
	else
		st_dbytes(d, t, &m3ua_fields[F_VAL], 4, n);
}

static int
m3ua_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 8, left = st_cur_left(c), n, pad, end;
	struct st_cur t;
	unsigned tag, i;
	uint64_t mlen;

	if (st_dfields(d, c, m3ua_fields, F_TAG) != ST_OK)
		return c->err;
	mlen = st_peek_bits(c, 32, 32);
	if (mlen < 8)
		return st_dmalformed(d, "message length %llu below 8",
		    (unsigned long long)mlen);
	end = mlen < left ? (size_t)mlen : left;
	d->plen = 0;
	for (i = 0; i < M3UA_MAXPARAM && pos + 4 <= end; i++) {
		t = *c;
		t.off += pos;
		st_dfields(d, &t, m3ua_fields + F_TAG, 2);
		tag = (unsigned)st_peek_bits(&t, 0, 16);
		n = (size_t)st_peek_bits(&t, 16, 16);
		if (n < 4 || n > end - pos) {
			d->hdr = end;
			return st_dmalformed(d, "parameter %u of length %zu",
			    tag, n);
		}
		if (n > 4)
			m3ua_value(d, &t, tag, n - 4);
		pad = (4 - n % 4) % 4;
		if (pad > 0 && pos + n + pad <= end)
			st_dbytes(d, &t, &m3ua_fields[F_PAD], n, pad);
		pos += n + pad;
	}
	d->hdr = pos < end ? end : pos;
	if (mlen > left)
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind m3ua_binds[] = {
	{ ST_KEY_SCTPPPID, 3 },
};

/* "M3UA Transfer messages DATA (1/1), length 84". */
static int
m3ua_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_TAG];
	const char *cname, *tname;
	unsigned cl, ty;

	st_ly_fields(s->pkt, ly, m3ua_fields, F_TAG, f);
	if (f[F_CLASS] == NULL || f[F_TYPE] == NULL || f[F_LEN] == NULL)
		return 0;
	cl = (unsigned)f[F_CLASS]->val;
	ty = (unsigned)f[F_TYPE]->val;
	cname = st_valname(class_names, cl);
	tname = st_valname(type_names, (cl & 0xff) << 8 | (ty & 0xff));
	st_out_printf(s->o, "M3UA %s %s (%u/%u), length %llu",
	    cname != NULL ? cname : "Unknown class",
	    tname != NULL ? tname : "Unknown", cl, ty,
	    (unsigned long long)f[F_LEN]->val);
	return 1;
}

static const struct st_field_desc *const m3ua_keys[] = {
	&m3ua_fields[F_CLASS], &m3ua_fields[F_TYPE], &m3ua_fields[F_LEN],
	NULL,
};

const struct st_proto st_proto_m3ua = {
	.name = "m3ua",
	.ws = "m3ua",
	.title = "MTP 3 User Adaptation Layer",
	.rfc = "RFC 4666",
	.role = ST_ROLE_APP,
	.fields = m3ua_fields,
	.nfields = NFIELDS(m3ua_fields),
	.decode = m3ua_decode,
	.binds = m3ua_binds,
	.nbinds = NFIELDS(m3ua_binds),
	.summary = m3ua_summary,
	.keys = m3ua_keys,
	.color = "\033[36m",
	.explain_bits = 64,
	.explain = "SS7's MTP3 users (ISUP, SCCP) carried over SCTP (payload "
	    "protocol 3, port 2905): a class and type (transfer DATA, ASP "
	    "state and traffic maintenance, network management), then "
	    "tag-length-value parameters padded to 4 bytes. Protocol data's "
	    "MTP3 user message (ISUP, SCCP) is not decoded.",
};
