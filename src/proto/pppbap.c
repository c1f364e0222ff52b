/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP's Bandwidth Allocation Control Protocol and Bandwidth Allocation
 * Protocol (RFC 2125), with which the ends of a multilink bundle (RFC
 * 1990) add and drop links.  BACP (0xc02b) is LCP's format with one
 * option, the favored peer's magic number, which breaks ties.  BAP
 * (0xc02d) has its own types, then options:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |  Identifier   |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Response Code | (responses: types 2, 4, 6, 8) then options ...
 *
 * The Phone-Delta option holds sub-options of its own (a unique digit,
 * the subscriber number, a sub-address), each type, length, value.
 */
#include "strata/out.h"
#include "pppcp.h"

#define BAP_MAX_SUBS	32	/* phone-delta sub-options decoded */

/* ---- BACP ---- */
static const struct st_field_desc bacp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
};

static const struct st_valname bacp_opt_names[] = {
	{ 1, "Favored-Peer" }, { 0, NULL }
};

enum { BAN_FAVORED = 3, BAO_MAGIC };

static const struct st_field_desc bacp_opt_fields[] = {
	FDN(NULL, "bacp.opt.type", "Type", 0, 8, ST_FMT_DEC, bacp_opt_names),
	FD(NULL, "bacp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.bacp.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
	CP_NODE("bacp.opt.favored_peer", "Favored-Peer"),
	FD(NULL, "bacp.magic_number", "Magic number", 16, 32, ST_FMT_HEX),
};

static const struct cpx_opt bacp_opts[] = {
	{ 1, BAN_FAVORED, 6, 6, BAO_MAGIC, 1, NULL },
};

static const struct cpx_spec bacp_spec = {
	{ bacp_fields, bacp_opt_fields, NULL, 0, cpx_option },
	bacp_opts, NFIELDS(bacp_opts), "BACP"
};

static int
bacp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &bacp_spec.cp, 1);
}

static int
bacp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "BACP", bacp_fields);
	cp_fact(s, ly, &bacp_opt_fields[BAO_MAGIC], "favored");
	return 1;
}

/* ---- BAP ---- */
static const struct st_valname bap_type_names[] = {
	{ 1, "Call-Request" }, { 2, "Call-Response" },
	{ 3, "Callback-Request" }, { 4, "Callback-Response" },
	{ 5, "Link-Drop-Query-Request" }, { 6, "Link-Drop-Query-Response" },
	{ 7, "Call-Status-Indication" }, { 8, "Call-Status-Response" },
	{ 0, NULL }
};

static const struct st_valname bap_resp_names[] = {
	{ 0, "Request-Ack" }, { 1, "Request-Nak" }, { 2, "Request-Rej" },
	{ 3, "Request-Full-Nak" }, { 0, NULL }
};

static const struct st_valname bap_opt_names[] = {
	{ 1, "Link Type" }, { 2, "Phone-Delta" },
	{ 3, "No-Phone-Number-Needed" }, { 4, "Reason" },
	{ 5, "Link Discriminator" }, { 6, "Call Status" }, { 0, NULL }
};

static const struct st_valname bap_sub_names[] = {
	{ 1, "Unique Digit" }, { 2, "Subscriber Number" },
	{ 3, "Phone Number Sub Address" }, { 0, NULL }
};

static const struct st_valname bap_action_names[] = {
	{ 0, "No retry" }, { 1, "Retry" }, { 0, NULL }
};

enum { B_RESP = H_N };

static const struct st_field_desc bap_fields[] = {
	FDN("type", "bap.type", "Type", 0, 8, ST_FMT_HEX, bap_type_names),
	FD("id", "bap.identifier", "Identifier", 8, 8, ST_FMT_HEX),
	FD("len", "bap.length", "Length", 16, 16, ST_FMT_DEC),
	FD(NULL, "strata.bap.data", "Data", 0, 0, ST_FMT_BYTES),
	FDN(NULL, "bap.response_code", "Response Code", 0, 8, ST_FMT_HEX,
	    bap_resp_names),
};

enum {
	BN_LINKTYPE = 3, BN_PHONE, BN_NOPHONE, BN_REASON, BN_DISC, BN_STATUS,
	BO_SPEED, BO_LTYPE, BO_SUBTYPE, BO_SUBLEN, BO_DIGIT, BO_SUBSC,
	BO_SUBADDR, BO_SUBDATA, BO_REASON, BO_DISC, BO_STATUS, BO_ACTION
};

static const struct st_field_desc bap_opt_fields[] = {
	FDN(NULL, "bap.opt.type", "Type", 0, 8, ST_FMT_DEC, bap_opt_names),
	FD(NULL, "bap.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.bap.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
	CP_NODE("bap.opt.link_type", "Link Type"),
	CP_NODE("bap.opt.phone_delta", "Phone Delta"),
	CP_NODE("bap.opt.no_phone", "No Phone Number Needed"),
	CP_NODE("bap.opt.reason", "Reason"),
	CP_NODE("bap.opt.link_disc", "Link Discriminator"),
	CP_NODE("bap.opt.call_status", "Call Status"),
	/* Wireshark names the link type's fields after BACP */
	FD(NULL, "bacp.link_speed", "Link Speed (kbit/s)", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "bacp.link_type", "Link Type", 32, 8, ST_FMT_DEC),
	FDN(NULL, "bap.sub_option_type", "Sub-Option Type", 0, 8, ST_FMT_DEC,
	    bap_sub_names),
	FD(NULL, "bap.sub_option_length", "Sub-Option Length", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "bap.unique_digit", "Unique Digit", 16, 8, ST_FMT_DEC),
	FD(NULL, "bap.subscriber_number", "Subscriber Number", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "bap.phone_number_sub_address", "Phone Number Sub Address",
	    0, 0, ST_FMT_TEXT),
	FD(NULL, "bap.unknown_option_data", "Unknown", 0, 0, ST_FMT_BYTES),
	FD(NULL, "bap.reason", "Reason", 0, 0, ST_FMT_TEXT),
	FD(NULL, "bap.link_discriminator", "Link Discriminator", 16, 16,
	    ST_FMT_HEX),
	FD(NULL, "bap.call_status", "Status", 16, 8, ST_FMT_HEX),
	FDN(NULL, "bap.call_action", "Action", 24, 8, ST_FMT_HEX,
	    bap_action_names),
};

/* The Phone-Delta's sub-options (RFC 2125 7.2.2), after the option's own
 * type and length.  A sub-option whose length is impossible ends them, as
 * in Wireshark, with a note. */
static void
bap_phone(struct st_dctx *d, struct st_cur *o, size_t len)
{
	const struct st_field_desc *fd;
	struct st_cur w;
	size_t pos = 2, k;
	unsigned i, t;

	for (i = 0; pos < len && i < BAP_MAX_SUBS; i++) {
		w = *o;
		w.off += pos;
		if (len - pos < 2) {
			st_dmalformed(d, "phone-delta sub-option cut short");
			return;
		}
		st_dfields(d, &w, bap_opt_fields + BO_SUBTYPE, 2);
		t = (unsigned)st_peek_bits(&w, 0, 8);
		k = (size_t)st_peek_bits(&w, 8, 8);
		if (w.err != ST_OK) {
			o->err = w.err;
			return;
		}
		if (k < 2 || k > len - pos) {
			st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "BAP: "
			    "phone-delta sub-option length %zu", k));
			return;
		}
		if (t == 1 && k == 3)
			st_dfield(d, &w, &bap_opt_fields[BO_DIGIT]);
		else if (t == 1 || k == 2)
			st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "BAP: "
			    "phone-delta sub-option %u of %zu bytes", t, k));
		else if (t == 2 || t == 3) {
			fd = &bap_opt_fields[t == 2 ? BO_SUBSC : BO_SUBADDR];
			cpx_text(d, &w, fd, 2, k - 2);
		} else
			st_dbytes(d, &w, &bap_opt_fields[BO_SUBDATA], 2, k - 2);
		if (w.err != ST_OK) {
			o->err = w.err;
			return;
		}
		pos += k;
	}
	if (pos < len)
		st_pkt_note(d->pkt, "BAP: more phone-delta sub-options than "
		    "shown");
}

static void
bap_reason(struct st_dctx *d, struct st_cur *o, size_t len)
{
	cpx_text(d, o, &bap_opt_fields[BO_REASON], 2, len - 2);
}

/* The lengths Wireshark takes for each (RFC 2125 7.2). */
static const struct cpx_opt bap_opts[] = {
	{ 1, BN_LINKTYPE, 5, 5, BO_SPEED, 2, NULL },
	{ 2, BN_PHONE, 4, 0, 0, 0, bap_phone },
	{ 3, BN_NOPHONE, 2, 2, 0, 0, NULL },
	{ 4, BN_REASON, 2, 0, 0, 0, bap_reason },
	{ 5, BN_DISC, 4, 4, BO_DISC, 1, NULL },
	{ 6, BN_STATUS, 4, 4, BO_STATUS, 2, NULL },
};

static const struct cpx_spec bap_spec = {
	{ bap_fields, bap_opt_fields, NULL, 0, cpx_option },
	bap_opts, NFIELDS(bap_opts), "BAP"
};

static int
bap_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned type = (unsigned)st_peek_bits(c, 0, 8);
	struct st_cur o;
	size_t n;
	int rc;

	if ((rc = cp_head(d, c, bap_fields, &n)) == ST_EINVAL || d->hdr < 4)
		return rc;
	o = *c;
	/* The responses start with a response code (RFC 2125 6) */
	if (type == 2 || type == 4 || type == 6 || type == 8) {
		/* Wireshark reads it past the packet's length, from
		 * padding or a trailer, when the length leaves it out */
		if (st_cur_left(&o) < 1)
			return n < 1 ? st_dmalformed(d, "response code "
			    "missing") : ST_ETRUNC;
		st_dfield(d, &o, &bap_fields[B_RESP]);
		if (n < 1)
			return st_dmalformed(d, "response code past the "
			    "length");
		o.off++;
		n--;
	}
	if (n > 0)
		cp_options(d, &o, &bap_spec.cp, n);
	if (o.err != ST_OK)
		c->err = o.err;
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	return rc != ST_OK ? rc : c->err;
}

/* "PPP BAP Call-Request id 0x03: Link Type, Phone-Delta" */
static int
bap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "BAP", bap_fields);
	cp_fact(s, ly, &bap_fields[B_RESP], "response");
	cpx_sum_opts(s, ly, &bap_opt_fields[O_TYPE]);
	return 1;
}

static const struct st_bind bacp_binds[] = { { ST_KEY_PPP, 0xc02b } };
static const struct st_bind bap_binds[] = { { ST_KEY_PPP, 0xc02d } };

static const struct st_field_desc *const bacp_keys[] = {
	&bacp_fields[H_CODE], &bacp_fields[H_ID], &bacp_opt_fields[BAO_MAGIC],
	NULL,
};
static const struct st_field_desc *const bap_keys[] = {
	&bap_fields[H_CODE], &bap_fields[H_ID], &bap_fields[B_RESP], NULL,
};

const struct st_proto st_proto_bacp = {
	.name = "bacp",
	.ws = "bacp",
	.title = "PPP Bandwidth Allocation Control Protocol",
	.rfc = "RFC 2125",
	.role = ST_ROLE_CONTROL,
	.fields = bacp_fields,
	.nfields = NFIELDS(bacp_fields),
	.more = bacp_opt_fields,
	.nmore = NFIELDS(bacp_opt_fields),
	.decode = bacp_decode,
	.binds = bacp_binds,
	.nbinds = NFIELDS(bacp_binds),
	.summary = bacp_summary,
	.keys = bacp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " BACP opens BAP on a multilink bundle; its "
	    "one option, Favored-Peer, carries a magic number: the two ends' "
	    "numbers decide which is favored when both ask for a link at "
	    "once.",
};

const struct st_proto st_proto_bap = {
	.name = "bap",
	.ws = "bap",
	.title = "PPP Bandwidth Allocation Protocol",
	.rfc = "RFC 2125",
	.role = ST_ROLE_CONTROL,
	.fields = bap_fields,
	.nfields = NFIELDS(bap_fields),
	.more = bap_opt_fields,
	.nmore = NFIELDS(bap_opt_fields),
	.decode = bap_decode,
	.binds = bap_binds,
	.nbinds = NFIELDS(bap_binds),
	.summary = bap_summary,
	.keys = bap_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "One end of a multilink bundle asks the other to add a "
	    "link (Call-Request: which link type and speed, or "
	    "Callback-Request: call me back on this number) or to drop one "
	    "(Link-Drop-Query-Request, naming it by its link discriminator); "
	    "each response carries a code (0 Ack, 1 Nak, 2 Reject, 3 "
	    "Full-Nak: no more links now). Phone-Delta gives the number to "
	    "dial as the digits that differ from a number already in use; "
	    "Call-Status-Indication reports how the call went.",
};
