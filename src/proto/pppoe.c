/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP over Ethernet (RFC 2516): discovery (EtherType 0x8863) and session
 * (0x8864) stages share the header.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  VER  | TYPE  |      CODE     |          SESSION_ID           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LENGTH             |           payload             ~
 *
 * Discovery packets carry tags (type, length, value: Service-Name,
 * AC-Name, Host-Uniq, AC-Cookie...); a session packet a PPP frame from
 * its protocol field, without address and control.  The length bounds
 * the payload: Ethernet's padding after it is no part of it.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define PPPOE_MAX_TAGS	64	/* tags decoded */
#define PPPOE_TEXT	128	/* text bytes shown */

enum { F_VER, F_TYPE, F_CODE, F_SID, F_LEN };

static const struct st_valname code_names[] = {
	{ 0x00, "session data" }, { 0x09, "PADI" }, { 0x07, "PADO" },
	{ 0x19, "PADR" }, { 0x65, "PADS" }, { 0xa7, "PADT" },
	{ 0, NULL }
};

#define PPPOE_HEAD \
	FD(NULL, "pppoe.version", "Version", 0, 4, ST_FMT_DEC), \
	FD(NULL, "pppoe.type", "Type", 4, 4, ST_FMT_DEC), \
	FDN("code", "pppoe.code", "Code", 8, 8, ST_FMT_HEX, code_names), \
	FD("session", "pppoe.session_id", "Session ID", 16, 16, ST_FMT_HEX), \
	FD("len", "pppoe.payload_length", "Payload length", 32, 16, ST_FMT_DEC)

static const struct st_field_desc pppoed_fields[] = { PPPOE_HEAD };
static const struct st_field_desc pppoes_fields[] = { PPPOE_HEAD };

static const struct st_valname tag_names[] = {
	{ 0x0000, "End-Of-List" }, { 0x0101, "Service-Name" },
	{ 0x0102, "AC-Name" }, { 0x0103, "Host-Uniq" },
	{ 0x0104, "AC-Cookie" }, { 0x0105, "Vendor-Specific" },
	{ 0x0110, "Relay-Session-Id" }, { 0x0120, "PPP-Max-Payload" },
	{ 0x0201, "Service-Name-Error" }, { 0x0202, "AC-System-Error" },
	{ 0x0203, "Generic-Error" }, { 0, NULL }
};

enum { T_TAG, T_LEN, T_UNKNOWN, T_SNAME, T_ACNAME, T_UNIQ, T_COOKIE,
	T_VENDOR, T_VDATA, T_RELAY, T_MAXPL, T_SNERR, T_ACERR, T_GENERR };

static const struct st_field_desc tag_fields[] = {
	FDN(NULL, "pppoed.tag", "Tag", 0, 16, ST_FMT_HEX, tag_names),
	FD(NULL, "pppoed.tag_length", "Tag length", 16, 16, ST_FMT_DEC),
	FD(NULL, "pppoed.tag.unknown_data", "Unknown data", 0, 0,
	    ST_FMT_BYTES),
	FD("service", "pppoed.tags.service_name", "Service-Name", 0, 0,
	    ST_FMT_TEXT),
	FD("ac", "pppoed.tags.ac_name", "AC-Name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pppoed.tags.host_uniq", "Host-Uniq", 0, 0, ST_FMT_BYTES),
	FD(NULL, "pppoed.tags.ac_cookie", "AC-Cookie", 0, 0, ST_FMT_BYTES),
	FD(NULL, "pppoed.tags.vendor_id", "Vendor ID", 0, 32, ST_FMT_DEC),
	FD(NULL, "pppoed.tags.vendor_unspecified", "Vendor data", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "pppoed.tags.relay_session_id", "Relay-Session-Id", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "pppoed.tags.max_payload", "PPP-Max-Payload", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "pppoed.tags.service_name_error", "Service-Name-Error", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "pppoed.tags.ac_system_error", "AC-System-Error", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "pppoed.tags.generic_error", "Generic-Error", 0, 0,
	    ST_FMT_TEXT),
};

/* Tag types and the rows showing their values. */
static const struct { uint16_t type; uint8_t row; } tag_rows[] = {
	{ 0x0101, T_SNAME }, { 0x0102, T_ACNAME }, { 0x0103, T_UNIQ },
	{ 0x0104, T_COOKIE }, { 0x0110, T_RELAY }, { 0x0120, T_MAXPL },
	{ 0x0201, T_SNERR }, { 0x0202, T_ACERR }, { 0x0203, T_GENERR },
};

/* One tag's value, n bytes at c. */
static void
tag_value(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n)
{
	const struct st_field_desc *fd = &tag_fields[T_UNKNOWN];
	char buf[PPPOE_TEXT * 4 + 8];
	struct st_cur t = *c;
	size_t i;

	if (type == 0x0105 && n >= 4) {
		st_dfield(d, c, &tag_fields[T_VENDOR]);
		if (n > 4)
			st_dbytes(d, c, &tag_fields[T_VDATA], 4, n - 4);
		return;
	}
	for (i = 0; i < NFIELDS(tag_rows); i++)
		if (tag_rows[i].type == type)
			fd = &tag_fields[tag_rows[i].row];
	if (fd->fmt != ST_FMT_TEXT) {
		st_dbytes(d, c, fd, 0, n);
		return;
	}
	if (!st_cur_need(&t, n)) {
		c->err = t.err;
		return;
	}
	st_escape(c->base + c->off, n < PPPOE_TEXT ? n : PPPOE_TEXT, buf,
	    sizeof(buf));
	st_dtext(d, c, fd, 0, n, buf);
}

/* The tags in the n bytes at c. */
static void
pppoe_tags(struct st_dctx *d, struct st_cur *c, size_t n)
{
	struct st_cur t;
	size_t pos = 0, len;
	unsigned i, type;

	for (i = 0; pos < n && i < PPPOE_MAX_TAGS; i++) {
		t = *c;
		t.off += pos;
		if (n - pos < 4) {
			st_dmalformed(d, "tag header cut short");
			return;
		}
		st_dfields(d, &t, tag_fields, T_UNKNOWN);
		type = (unsigned)st_peek_bits(&t, 0, 16);
		len = (size_t)st_peek_bits(&t, 16, 16);
		if (t.err != ST_OK) {
			c->err = t.err;
			return;
		}
		if (len > n - pos - 4) {
			st_dmalformed(d, "tag length %zu", len);
			return;
		}
		t.off += 4;
		if (len > 0)
			tag_value(d, &t, type, len);
		if (t.err != ST_OK) {
			c->err = t.err;
			return;
		}
		pos += 4 + len;
		if (type == 0)		/* End-Of-List */
			break;
	}
	if (pos < n && i == PPPOE_MAX_TAGS)
		st_dmalformed(d, "more than %d tags", PPPOE_MAX_TAGS);
}

/* The header; sets *len to the payload length declared. */
static int
pppoe_head(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *f, size_t *len)
{
	size_t left = st_cur_left(c);

	st_dfields(d, c, f, F_LEN + 1);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	d->hdr = 6;
	*len = (size_t)st_peek_bits(c, 32, 16);
	if (st_peek_bits(c, 0, 8) != 0x11)
		return st_dmalformed(d, "version and type 0x%02x, not 0x11",
		    (unsigned)st_peek_bits(c, 0, 8));
	d->plen = *len;
	return ST_OK;
}

static int
pppoed_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t;
	size_t len, left = st_cur_left(c);
	int rc;

	if ((rc = pppoe_head(d, c, pppoed_fields, &len)) != ST_OK)
		return rc;
	t = *c;
	t.off += 6;
	pppoe_tags(d, &t, len < left - 6 ? len : left - 6);
	d->hdr = 6 + (len < left - 6 ? len : left - 6);
	d->plen = 0;
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	return len > left - 6 ? ST_ETRUNC : t.err;
}

static int
pppoes_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;
	int rc;

	if ((rc = pppoe_head(d, c, pppoes_fields, &len)) != ST_OK)
		return rc;
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	d->next_key = ST_KEY_LINK;
	d->next_val = DLT_PPP;
	return ST_OK;
}

static const struct st_bind pppoed_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8863 },
};

static const struct st_bind pppoes_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8864 },
};

/* "PPPoE PADO ac strata-ac", "PPPoE PADS session 0x1234" */
static int
pppoed_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1], *t[T_ACNAME + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, pppoed_fields, F_LEN + 1, f);
	st_ly_fields(s->pkt, ly, tag_fields, T_ACNAME + 1, t);
	st_out_puts(s->o, "PPPoE ");
	if (f[F_CODE] != NULL && (m = st_field_meaning(f[F_CODE])) != NULL)
		st_out_puts(s->o, m);
	else {
		st_out_puts(s->o, "code ");
		s->value(s, f[F_CODE]);
	}
	if (f[F_SID] != NULL && f[F_SID]->val != 0) {
		st_out_puts(s->o, " session ");
		s->value(s, f[F_SID]);
	}
	if (t[T_SNAME] != NULL && t[T_SNAME]->bits > 0) {
		st_out_puts(s->o, " service ");
		s->value(s, t[T_SNAME]);
	}
	if (t[T_ACNAME] != NULL) {
		st_out_puts(s->o, " ac ");
		s->value(s, t[T_ACNAME]);
	}
	return 1;
}

/* "pppoe session 0x1234" before the carried packet's facts. */
static int
pppoes_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1];

	st_ly_fields(s->pkt, ly, pppoes_fields, F_LEN + 1, f);
	st_out_puts(s->o, "pppoe session ");
	s->value(s, f[F_SID]);
	return 1;
}

static const struct st_field_desc *const pppoed_keys[] = {
	&pppoed_fields[F_CODE], &pppoed_fields[F_SID], NULL,
};
static const struct st_field_desc *const pppoes_keys[] = {
	&pppoes_fields[F_SID], &pppoes_fields[F_LEN], NULL,
};

const struct st_proto st_proto_pppoed = {
	.trailer = &st_proto_trailer_other,	/* Wireshark shows none */
	.name = "pppoed",
	.ws = "pppoed",
	.title = "PPP-over-Ethernet Discovery",
	.rfc = "RFC 2516",
	.role = ST_ROLE_CONTROL,
	.fields = pppoed_fields,
	.nfields = NFIELDS(pppoed_fields),
	.more = tag_fields,
	.nmore = NFIELDS(tag_fields),
	.decode = pppoed_decode,
	.binds = pppoed_binds,
	.nbinds = NFIELDS(pppoed_binds),
	.summary = pppoed_summary,
	.keys = pppoed_keys,
	.color = "\033[36m",
	.explain_bits = 48,
	.explain = "The host broadcasts PADI, access concentrators answer "
	    "PADO (with their AC-Name), the host picks one with PADR, and "
	    "PADS gives the session ID; PADT ends the session. Tags carry "
	    "the service asked for and opaque values (Host-Uniq, AC-Cookie) "
	    "echoed back.",
};

const struct st_proto st_proto_pppoes = {
	.trailer = &st_proto_trailer_other,	/* Wireshark shows none */
	.name = "pppoes",
	.ws = "pppoes",
	.title = "PPP-over-Ethernet Session",
	.rfc = "RFC 2516",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TUNNEL,
	.fields = pppoes_fields,
	.nfields = NFIELDS(pppoes_fields),
	.decode = pppoes_decode,
	.binds = pppoes_binds,
	.nbinds = NFIELDS(pppoes_binds),
	.summary = pppoes_summary,
	.keys = pppoes_keys,
	.color = "\033[36m",
	.explain_bits = 48,
	.explain = "A PPP frame in the session the discovery stage set up, "
	    "from its protocol field (no address and control); the length "
	    "says where it ends before Ethernet's padding.",
};
