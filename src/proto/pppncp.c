/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * More of PPP's control protocols in LCP's format (code, identifier,
 * length, options; pppcp.h's engine): the network control protocols of
 * MPLS (MPLSCP, RFC 3032 4, 0x8281: no options), of Cisco's CDP (CDPCP,
 * 0x8207: none) and of OSI network layers (OSINLCP, RFC 1377, 0x8023:
 * Align-NPDU), and the Callback Control Protocol (CBCP, 0xc029, from
 * Microsoft's draft-ietf-pppext-callback-cp-02) with which a dial-in
 * server offers to call the client back:
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Length     |     Delay     |  Address Type |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Address (NUL-terminated) ...       then more type, address pairs
 *
 * Wireshark names no option of MPLSCP or CDPCP: theirs are kept as bytes
 * under a strata name.
 */
#include <string.h>

#include "strata/out.h"
#include "pppcp.h"

#define CBCP_MAX_ADDRS	16	/* callback addresses decoded per option */

/* ---- MPLSCP and CDPCP: no options Wireshark knows ---- */
static const struct st_field_desc mplscp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
};

static const struct st_field_desc mplscp_opt_fields[] = {
	FD(NULL, "strata.mplscp.opt.type", "Type", 0, 8, ST_FMT_DEC),
	FD(NULL, "strata.mplscp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.mplscp.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
};

static const struct cpx_spec mplscp_spec = {
	{ mplscp_fields, mplscp_opt_fields, NULL, 0, cpx_option },
	NULL, 0, "MPLSCP"
};

static const struct st_field_desc cdpcp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
};

static const struct st_field_desc cdpcp_opt_fields[] = {
	FD(NULL, "strata.cdpcp.opt.type", "Type", 0, 8, ST_FMT_DEC),
	FD(NULL, "strata.cdpcp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.cdpcp.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
};

static const struct cpx_spec cdpcp_spec = {
	{ cdpcp_fields, cdpcp_opt_fields, NULL, 0, cpx_option },
	NULL, 0, "CDPCP"
};

/* ---- OSINLCP ---- */
static const struct st_field_desc osinlcp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
};

static const struct st_valname osinlcp_opt_names[] = {
	{ 1, "Align-NPDU" }, { 0, NULL }
};

static const struct st_valname osinlcp_align_names[] = {
	{ 0, "No alignment" }, { 1, "Alignment 1" }, { 2, "Alignment 2" },
	{ 3, "Alignment 3" }, { 0, NULL }
};

static const struct st_field_desc osinlcp_opt_fields[] = {
	FDN(NULL, "osinlcp.opt.type", "Type", 0, 8, ST_FMT_DEC,
	    osinlcp_opt_names),
	FD(NULL, "osinlcp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.osinlcp.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
	/* Wireshark's name for the Align-NPDU option */
	CP_NODE("osinlcp.opt.def_pid", "Align-NPDU"),
	FDN(NULL, "osinlcp.opt.alignment", "Alignment", 16, 8, ST_FMT_DEC,
	    osinlcp_align_names),
};

/* RFC 1377 3.1: how far the OSI packet is shifted so its data aligns. */
static const struct cpx_opt osinlcp_opts[] = {
	{ 1, 3, 3, 3, 4, 1, NULL },
};

static const struct cpx_spec osinlcp_spec = {
	{ osinlcp_fields, osinlcp_opt_fields, NULL, 0, cpx_option },
	osinlcp_opts, NFIELDS(osinlcp_opts), "OSINLCP"
};

/* ---- CBCP ---- */
static const struct st_valname cbcp_code_names[] = {
	{ 1, "Callback Request" }, { 2, "Callback Response" },
	{ 3, "Callback Ack" }, { 0, NULL }
};

static const struct st_valname cbcp_opt_names[] = {
	{ 1, "No callback" }, { 2, "Callback to a user-specified number" },
	{ 3, "Callback to a pre-specified or admin-specified number" },
	{ 4, "Callback to any of a list of numbers" }, { 0, NULL }
};

static const struct st_valname cbcp_addr_names[] = {
	{ 1, "PSTN/ISDN" }, { 0, NULL }
};

static const struct st_field_desc cbcp_fields[] = {
	CP_PPP_HEAD(cbcp_code_names),
};

enum {
	CBN_NONE = 3, CBN_USER, CBN_ADMIN, CBN_LIST, CBO_NONE, CBO_DELAY,
	CBO_ATYPE, CBO_ADDR
};

static const struct st_field_desc cbcp_opt_fields[] = {
	FDN(NULL, "cbcp.opt.type", "Type", 0, 8, ST_FMT_DEC, cbcp_opt_names),
	FD(NULL, "cbcp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.cbcp.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
	CP_NODE("cbcp.opt.no_callback", "No callback"),
	CP_NODE("cbcp.opt.callback_user", "Callback to a user-specified "
	    "number"),
	CP_NODE("cbcp.opt.callback_admin", "Callback to a pre-specified or "
	    "admin-specified number"),
	CP_NODE("cbcp.opt.callback_list", "Callback to any of a list of "
	    "numbers"),
	FD(NULL, "cbcp.no_callback", "No callback", 0, 0, ST_FMT_BYTES),
	FD(NULL, "cbcp.callback_delay", "Callback delay", 16, 8, ST_FMT_DEC),
	FDN(NULL, "cbcp.address_type", "Address Type", 0, 8, ST_FMT_DEC,
	    cbcp_addr_names),
	FD(NULL, "cbcp.address", "Address", 0, 0, ST_FMT_TEXT),
};

static void
cbcp_none(struct st_dctx *d, struct st_cur *o, size_t len)
{
	st_dbytes(d, o, &cbcp_opt_fields[CBO_NONE], 2, len - 2);
}

/*
 * The delay, then address type and NUL-terminated address pairs to the
 * option's end.  Wireshark looks for each address's NUL within the
 * option and gives up on the packet when there is none (an
 * admin-specified option, four bytes, always ends so).
 */
static void
cbcp_addrs(struct st_dctx *d, struct st_cur *o, size_t len)
{
	const uint8_t *p, *z;
	struct st_cur w;
	size_t pos = 3, k;
	unsigned i;

	for (i = 0; pos < len && i < CBCP_MAX_ADDRS; i++) {
		w = *o;
		w.off += pos;
		st_dfield(d, &w, &cbcp_opt_fields[CBO_ATYPE]);
		pos++;
		w.off++;
		if ((p = st_get_bytes(&w, len - pos)) == NULL) {
			o->err = w.err;
			return;
		}
		if ((z = memchr(p, 0, len - pos)) == NULL) {
			st_dmalformed(d, "callback address without its NUL");
			return;
		}
		k = (size_t)(z - p) + 1;
		cpx_text(d, o, &cbcp_opt_fields[CBO_ADDR], pos, k);
		pos += k;
	}
	if (pos < len)
		st_pkt_note(d->pkt, "CBCP: more callback addresses than shown");
}

static const struct cpx_opt cbcp_opts[] = {
	{ 1, CBN_NONE, 2, 0, 0, 0, cbcp_none },
	{ 2, CBN_USER, 4, 0, CBO_DELAY, 1, cbcp_addrs },
	{ 3, CBN_ADMIN, 4, 4, CBO_DELAY, 1, cbcp_addrs },
	{ 4, CBN_LIST, 4, 0, CBO_DELAY, 1, cbcp_addrs },
};

static const struct cpx_spec cbcp_spec = {
	{ cbcp_fields, cbcp_opt_fields, NULL, 0, cpx_option },
	cbcp_opts, NFIELDS(cbcp_opts), "CBCP"
};

static int
mplscp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &mplscp_spec.cp, 1);
}

static int
cdpcp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &cdpcp_spec.cp, 1);
}

static int
osinlcp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &osinlcp_spec.cp, 1);
}

static int
cbcp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &cbcp_spec.cp, 1);
}

static int
mplscp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "MPLSCP", mplscp_fields);
	return 1;
}

static int
cdpcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "CDPCP", cdpcp_fields);
	return 1;
}

static int
osinlcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "OSINLCP", osinlcp_fields);
	cp_fact(s, ly, &osinlcp_opt_fields[4], "align");
	return 1;
}

/* "PPP CBCP Callback Request id 1: No callback" */
static int
cbcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "CBCP", cbcp_fields);
	cpx_sum_opts(s, ly, &cbcp_opt_fields[O_TYPE]);
	cp_fact(s, ly, &cbcp_opt_fields[CBO_ADDR], "dial");
	return 1;
}

static const struct st_bind mplscp_binds[] = { { ST_KEY_PPP, 0x8281 } };
static const struct st_bind cdpcp_binds[] = { { ST_KEY_PPP, 0x8207 } };
static const struct st_bind osinlcp_binds[] = { { ST_KEY_PPP, 0x8023 } };
static const struct st_bind cbcp_binds[] = { { ST_KEY_PPP, 0xc029 } };

static const struct st_field_desc *const mplscp_keys[] = {
	&mplscp_fields[H_CODE], &mplscp_fields[H_ID], NULL,
};
static const struct st_field_desc *const cdpcp_keys[] = {
	&cdpcp_fields[H_CODE], &cdpcp_fields[H_ID], NULL,
};
static const struct st_field_desc *const osinlcp_keys[] = {
	&osinlcp_fields[H_CODE], &osinlcp_fields[H_ID], NULL,
};
static const struct st_field_desc *const cbcp_keys[] = {
	&cbcp_fields[H_CODE], &cbcp_fields[H_ID], &cbcp_opt_fields[O_TYPE],
	NULL,
};

const struct st_proto st_proto_mplscp = {
	.name = "mplscp",
	.ws = "mplscp",
	.title = "PPP MPLS Control Protocol",
	.rfc = "RFC 3032",
	.role = ST_ROLE_CONTROL,
	.fields = mplscp_fields,
	.nfields = NFIELDS(mplscp_fields),
	.more = mplscp_opt_fields,
	.nmore = NFIELDS(mplscp_opt_fields),
	.decode = mplscp_decode,
	.binds = mplscp_binds,
	.nbinds = NFIELDS(mplscp_binds),
	.summary = mplscp_summary,
	.keys = mplscp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " MPLSCP has no options: once both ends have "
	    "acked, the link carries MPLS labelled packets (protocol 0x0281 "
	    "unicast, 0x0283 multicast).",
};

const struct st_proto st_proto_cdpcp = {
	.name = "cdpcp",
	.ws = "cdpcp",
	.title = "PPP Cisco Discovery Protocol Control Protocol",
	.rfc = "RFC 1661 (LCP's format); Cisco's, unpublished",
	.role = ST_ROLE_CONTROL,
	.fields = cdpcp_fields,
	.nfields = NFIELDS(cdpcp_fields),
	.more = cdpcp_opt_fields,
	.nmore = NFIELDS(cdpcp_opt_fields),
	.decode = cdpcp_decode,
	.binds = cdpcp_binds,
	.nbinds = NFIELDS(cdpcp_binds),
	.summary = cdpcp_summary,
	.keys = cdpcp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " Cisco routers open CDPCP to send CDP "
	    "neighbour announcements over PPP (protocol 0x0207); it has no "
	    "options.",
};

const struct st_proto st_proto_osinlcp = {
	.name = "osinlcp",
	.ws = "osinlcp",
	.title = "PPP OSI Network Layer Control Protocol",
	.rfc = "RFC 1377",
	.role = ST_ROLE_CONTROL,
	.fields = osinlcp_fields,
	.nfields = NFIELDS(osinlcp_fields),
	.more = osinlcp_opt_fields,
	.nmore = NFIELDS(osinlcp_opt_fields),
	.decode = osinlcp_decode,
	.binds = osinlcp_binds,
	.nbinds = NFIELDS(osinlcp_binds),
	.summary = osinlcp_summary,
	.keys = osinlcp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " OSINLCP opens the link for OSI network layer "
	    "packets (CLNP, ES-IS, IS-IS: protocol 0x0023); its one option, "
	    "Align-NPDU, asks for padding bytes before each packet so that "
	    "its data lands on an aligned address.",
};

const struct st_proto st_proto_cbcp = {
	.name = "cbcp",
	.ws = "cbcp",
	.title = "PPP Callback Control Protocol",
	.rfc = "draft-ietf-pppext-callback-cp-02",
	.role = ST_ROLE_CONTROL,
	.fields = cbcp_fields,
	.nfields = NFIELDS(cbcp_fields),
	.more = cbcp_opt_fields,
	.nmore = NFIELDS(cbcp_opt_fields),
	.decode = cbcp_decode,
	.binds = cbcp_binds,
	.nbinds = NFIELDS(cbcp_binds),
	.summary = cbcp_summary,
	.keys = cbcp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "After authentication (LCP option 13 asked for it) the "
	    "server sends a Callback Request listing what it offers: no "
	    "callback, a number the user gives, a number the administrator "
	    "set, or one of a list; the client answers with a Callback "
	    "Response choosing one (with its number and how many seconds to "
	    "wait), the server acks, hangs up and dials back, so that the "
	    "call is billed to the server.",
};
