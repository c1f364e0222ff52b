/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP's Compression Control Protocol (RFC 1962) and the compressed
 * datagrams it agrees on, with the option engine the control protocols
 * after LCP share (cpx_option, pppcp.h).  A CCP packet is LCP's:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Code      |  Identifier   |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Length     |  Data ... (each option)
 *
 * with Reset-Request (14) and Reset-Ack (15) added: a receiver whose
 * dictionary went out of step asks the sender to start afresh.  Each
 * option names one compression method and its parameters (Deflate RFC
 * 1979, BSD-Compress RFC 1977, Stac LZS RFC 1974, MPPC/MPPE RFC 2118 and
 * 3078, Predictor RFC 1978, LZS-DCP RFC 1967, MVRCA RFC 1975, V.44 RFC
 * 3173).  Wireshark checks each option's length against what its method
 * takes and shows one of another length only as a warning: so does
 * strata, keeping its bytes under a strata name.
 */
#include "strata/out.h"
#include "pppcp.h"

/*
 * One option of a control protocol as Wireshark dissects it: the row of
 * the whole option, and of its fixed fields (bit offsets from the
 * option's type), and the rest by fn.
 */
void
cpx_option(struct st_dctx *d, struct st_cur *o, const struct cp_spec *sp,
    unsigned type, size_t len)
{
	const struct cpx_spec *xs = (const struct cpx_spec *)sp;
	const struct cpx_opt *x = NULL, *known = NULL;
	size_t i;

	for (i = 0; i < xs->nx && x == NULL; i++) {
		if (xs->x[i].type != type)
			continue;
		known = &xs->x[i];
		if (len >= known->min && (known->max == 0 ||
		    len <= known->max))
			x = known;
	}
	if (x == NULL) {
		st_dbytes(d, o, &sp->o[O_DATA], 0, len);
		if (known != NULL)
			st_pkt_note(d->pkt, st_pkt_printf(d->pkt,
			    "%s: %s option of %zu bytes, should be %s%u",
			    xs->what, sp->o[known->node].label, len,
			    known->max == 0 ? "at least " : "", known->min));
		return;
	}
	st_dbytes(d, o, &sp->o[x->node], 0, len);
	st_dfields(d, o, sp->o, O_DATA);
	if (x->nrows > 0)
		st_dfields(d, o, sp->o + x->row, x->nrows);
	if (x->fn != NULL)
		x->fn(d, o, len);
}

/* Row fd over the option's bytes from off on, when there are any. */
void
cpx_rest(struct st_dctx *d, struct st_cur *o, const struct st_field_desc *fd,
    size_t off, size_t len)
{
	if (len > off)
		st_dbytes(d, o, fd, off, len - off);
}

/* Row fd as text from the n bytes at off of o, as Wireshark shows an
 * ASCII string (to the first NUL). */
void
cpx_text(struct st_dctx *d, struct st_cur *o, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[255 * 4 + 8];
	struct st_cur t = *o;
	const uint8_t *p;

	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, n)) == NULL) {
		o->err = ST_ETRUNC;
		return;
	}
	st_escape_ascii(p, n < 255 ? n : 255, text, sizeof(text));
	st_dtext(d, o, fd, off, n, text);
}

static const struct st_valname ccp_code_names[] = {
	{ 1, "Conf-Request" }, { 2, "Conf-Ack" }, { 3, "Conf-Nak" },
	{ 4, "Conf-Reject" }, { 5, "Term-Request" }, { 6, "Term-Ack" },
	{ 7, "Code-Reject" }, { 14, "Reset-Request" }, { 15, "Reset-Ack" },
	{ 0, NULL }
};

static const struct st_valname ccp_opt_names[] = {
	{ 0, "OUI" }, { 1, "Predictor type 1" }, { 2, "Predictor type 2" },
	{ 3, "Puddle Jumper" }, { 16, "Hewlett-Packard PPC" },
	{ 17, "Stac Electronics LZS" }, { 18, "Microsoft PPE/PPC" },
	{ 19, "Gandalf FZA" }, { 20, "V.42bis compression" },
	{ 21, "BSD LZW Compress" }, { 23, "LZS-DCP" },
	{ 24, "MVRCA (Magnalink)" }, { 25, "DCE" }, { 26, "Deflate" },
	{ 27, "V.44/LZJH" }, { 0, NULL }
};

static const struct st_valname ccp_stac_check_names[] = {
	{ 0, "None" }, { 1, "LCB" }, { 2, "CRC" }, { 3, "Sequence Number" },
	{ 4, "Extended Mode" }, { 0, NULL }
};

static const struct st_valname ccp_lzsdcp_check_names[] = {
	{ 0, "None" }, { 1, "LCB" }, { 2, "Sequence number" },
	{ 3, "Sequence number + LCB (default)" }, { 0, NULL }
};

static const struct st_valname ccp_lzsdcp_process_names[] = {
	{ 0, "None" }, { 1, "Process-Uncompressed (default)" }, { 0, NULL }
};

static const struct st_valname ccp_dce_mode_names[] = {
	{ 0, "No Additional Negotiation" },
	{ 1, "Full PPP Negotiation and State Machine" }, { 0, NULL }
};

static const struct st_valname ccp_deflate_method_names[] = {
	{ 8, "zlib compression" }, { 0, NULL }
};

static const struct st_valname ccp_deflate_chk_names[] = {
	{ 0, "Sequence number check method" }, { 0, NULL }
};

static const struct st_field_desc ccp_fields[] = {
	CP_PPP_HEAD(ccp_code_names),
};

enum {
	CN_OUI = 3, CN_PRED1, CN_PRED2, CN_PUDDLE, CN_HPPPC, CN_STAC,
	CN_STACA, CN_MPPE, CN_GFZA, CN_V42BIS, CN_BSD, CN_LZSDCP, CN_MVRCA,
	CN_DCE, CN_DEFLATE, CN_V44,
	CO_OUI, CO_SUBTYPE, CO_DATA, CO_STAC, CO_MPPE = CO_STAC + 4,
	CO_GFZA = CO_MPPE + 7, CO_VERSION, CO_BSD, CO_LZSDCP = CO_BSD + 3,
	CO_MVRCA = CO_LZSDCP + 3, CO_DCE = CO_MVRCA + 4, CO_DEFLATE,
	CO_V44 = CO_DEFLATE + 4, CO_DICT, CO_HIST
};

/* Offsets from the option's type byte. */
static const struct st_field_desc ccp_opt_fields[] = {
	FDN(NULL, "ccp.opt.type", "Type", 0, 8, ST_FMT_DEC, ccp_opt_names),
	FD(NULL, "ccp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.ccp.opt.unknown", "Option not decoded", 0, 0,
	    ST_FMT_BYTES),
	CP_NODE("ccp.opt_oui", "OUI"),
	CP_NODE("ccp.opt.predict1", "Predictor type 1"),
	CP_NODE("ccp.opt.predict2", "Predictor type 2"),
	CP_NODE("ccp.opt.puddle", "Puddle Jumper"),
	CP_NODE("ccp.opt.hpppc", "Hewlett-Packard PPC"),
	CP_NODE("ccp.opt.stac", "Stac Electronics LZS"),
	CP_NODE("ccp.opt.stac_ascend", "Stac Electronics LZS (Ascend "
	    "Proprietary version)"),
	CP_NODE("ccp.opt.mppe", "Microsoft PPE/PPC"),
	CP_NODE("ccp.opt.gfza", "Gandalf FZA"),
	CP_NODE("ccp.opt.v42bis", "V.42bis compression"),
	CP_NODE("ccp.opt.bsdcomp", "BSD LZW Compress"),
	CP_NODE("ccp.opt.lzsdcp", "LZS-DCP"),
	CP_NODE("ccp.opt.mvrca", "MVRCA (Magnalink)"),
	CP_NODE("ccp.opt.dce", "PPP for Data Compression in Data "
	    "Circuit-Terminating Equipment (DCE)"),
	CP_NODE("ccp.opt.deflate", "Deflate"),
	CP_NODE("ccp.opt.v44lzjh", "V.44/LZJH compression"),
	FD(NULL, "ccp.opt.oui", "OUI", 16, 24, ST_FMT_HEX),
	FD(NULL, "ccp.opt.subtype", "Subtype", 40, 8, ST_FMT_DEC),
	FD(NULL, "ccp.opt.data", "Data", 0, 0, ST_FMT_BYTES),
	/* Stac LZS (RFC 1974 2) */
	FD(NULL, "ccp.opt.history_count", "History Count", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "ccp.opt.cm", "Check Mode Field", 32, 8, ST_FMT_HEX),
	FDD(NULL, "ccp.opt.cm.reserved", "Reserved", 32, 5, ST_FMT_DEC),
	FDDN(NULL, "ccp.opt.cm.check_mode", "Check Mode", 37, 3, ST_FMT_DEC,
	    ccp_stac_check_names),
	/* MPPC/MPPE's supported bits (RFC 3078 2.1) */
	FD(NULL, "ccp.opt.supported_bits", "Supported Bits", 16, 32,
	    ST_FMT_HEX),
	FDD(NULL, "ccp.opt.supported_bits.h", "H (stateless mode)", 23, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ccp.opt.supported_bits.m", "M (56-bit keys)", 40, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ccp.opt.supported_bits.s", "S (128-bit keys)", 41, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ccp.opt.supported_bits.l", "L (40-bit keys)", 42, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ccp.opt.supported_bits.d", "D (obsolete)", 43, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ccp.opt.supported_bits.c", "C (MPPC compression)", 47, 1,
	    ST_FMT_BOOL),
	/* Gandalf FZA */
	FD(NULL, "ccp.opt.history", "History", 16, 8, ST_FMT_DEC),
	FD(NULL, "ccp.opt.version", "Version", 0, 0, ST_FMT_BYTES),
	/* BSD-Compress (RFC 1977 2.1) */
	FD(NULL, "ccp.opt.vd", "Vers/Dict", 16, 8, ST_FMT_HEX),
	FDD(NULL, "ccp.opt.vd.vers", "Vers", 16, 3, ST_FMT_DEC),
	FDD(NULL, "ccp.opt.vd.dict", "Dict", 19, 5, ST_FMT_DEC),
	/* LZS-DCP (RFC 1967 4.1) */
	FD(NULL, "ccp.opt.history_count", "History Count", 16, 16,
	    ST_FMT_DEC),
	FDN(NULL, "ccp.opt.check_mode", "Check Mode", 32, 8, ST_FMT_DEC,
	    ccp_lzsdcp_check_names),
	FDN(NULL, "ccp.opt.process_mode", "Process Mode", 40, 8, ST_FMT_DEC,
	    ccp_lzsdcp_process_names),
	/* MVRCA (RFC 1975 2) */
	FD(NULL, "ccp.opt.fe", "Features", 16, 2, ST_FMT_DEC),
	FD(NULL, "ccp.opt.p", "Packet by Packet flag", 18, 1, ST_FMT_BOOL),
	FD(NULL, "ccp.opt.History", "History", 19, 5, ST_FMT_DEC),
	FD(NULL, "ccp.opt.contexts", "# Contexts", 24, 8, ST_FMT_DEC),
	/* DCE (RFC 1976 2) */
	FDN(NULL, "ccp.opt.mode", "Mode", 16, 8, ST_FMT_DEC,
	    ccp_dce_mode_names),
	/* Deflate (RFC 1979 4): the window as its base-2 logarithm less 8 */
	FD(NULL, "ccp.opt.window", "Window", 16, 4, ST_FMT_DEC),
	FDN(NULL, "ccp.opt.method", "Method", 20, 4, ST_FMT_DEC,
	    ccp_deflate_method_names),
	FD(NULL, "ccp.opt.mbz", "MBZ", 24, 6, ST_FMT_DEC),
	FDN(NULL, "ccp.opt.chk", "Chk", 30, 2, ST_FMT_DEC,
	    ccp_deflate_chk_names),
	/* V.44/LZJH (RFC 3173 2) */
	FD(NULL, "ccp.opt.mode_dictcount", "Mode/Dictionary Count", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "ccp.opt.dict_size", "Dictionary Size", 32, 16, ST_FMT_DEC),
	FD(NULL, "ccp.opt.history_length", "History Length", 48, 16,
	    ST_FMT_DEC),
};

static void
ccp_data2(struct st_dctx *d, struct st_cur *o, size_t len)
{
	cpx_rest(d, o, &ccp_opt_fields[CO_DATA], 2, len);
}

static void
ccp_oui(struct st_dctx *d, struct st_cur *o, size_t len)
{
	cpx_rest(d, o, &ccp_opt_fields[CO_DATA], 6, len);
}

static void
ccp_gfza(struct st_dctx *d, struct st_cur *o, size_t len)
{
	cpx_rest(d, o, &ccp_opt_fields[CO_VERSION], 3, len);
}

/* The dictionary size and history length when the option has them;
 * Wireshark reads each whole, so one cut short ends the packet there. */
static void
ccp_v44(struct st_dctx *d, struct st_cur *o, size_t len)
{
	if (len <= 4)
		return;
	if (len < 6) {
		st_dmalformed(d, "V.44 dictionary size cut short");
		return;
	}
	st_dfield(d, o, &ccp_opt_fields[CO_DICT]);
	if (len <= 6)
		return;
	if (len < 8) {
		st_dmalformed(d, "V.44 history length cut short");
		return;
	}
	st_dfield(d, o, &ccp_opt_fields[CO_HIST]);
}

/* The lengths Wireshark takes for each (RFC 1962 and each method's). */
static const struct cpx_opt ccp_opts[] = {
	{ 0, CN_OUI, 6, 0, CO_OUI, 2, ccp_oui },
	{ 1, CN_PRED1, 2, 0, 0, 0, ccp_data2 },
	{ 2, CN_PRED2, 2, 0, 0, 0, ccp_data2 },
	{ 3, CN_PUDDLE, 2, 0, 0, 0, ccp_data2 },
	{ 16, CN_HPPPC, 2, 0, 0, 0, ccp_data2 },
	/* Ascend's LZS is six bytes long: shown as data */
	{ 17, CN_STACA, 6, 6, 0, 0, ccp_data2 },
	{ 17, CN_STAC, 5, 0, CO_STAC, 4, NULL },
	{ 18, CN_MPPE, 6, 6, CO_MPPE, 7, NULL },
	{ 19, CN_GFZA, 3, 0, CO_GFZA, 1, ccp_gfza },
	{ 20, CN_V42BIS, 2, 0, 0, 0, ccp_data2 },
	{ 21, CN_BSD, 3, 3, CO_BSD, 3, NULL },
	{ 23, CN_LZSDCP, 6, 6, CO_LZSDCP, 3, NULL },
	{ 24, CN_MVRCA, 4, 4, CO_MVRCA, 4, NULL },
	{ 25, CN_DCE, 3, 3, CO_DCE, 1, NULL },
	{ 26, CN_DEFLATE, 4, 4, CO_DEFLATE, 4, NULL },
	{ 27, CN_V44, 4, 0, CO_V44, 1, ccp_v44 },
};

static const struct cpx_spec ccp_spec = {
	{ ccp_fields, ccp_opt_fields, NULL, 0, cpx_option },
	ccp_opts, NFIELDS(ccp_opts), "CCP"
};

static int
ccp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &ccp_spec.cp, 1);
}

/* Writes ": name, name" of the options (type row fd) layer ly holds. */
void
cpx_sum_opts(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field_desc *fd)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const char *sep = ":", *m;

	for (; f < end; f++) {
		if (f->desc != fd)
			continue;
		st_out_printf(s->o, "%s ", sep);
		if ((m = st_field_meaning(f)) != NULL)
			st_out_puts(s->o, m);
		else
			s->value(s, f);
		sep = ",";
	}
}

/* "PPP CCP Conf-Request id 1: Deflate, BSD LZW Compress" */
static int
ccp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "CCP", ccp_fields);
	cpx_sum_opts(s, ly, &ccp_opt_fields[O_TYPE]);
	return 1;
}

static const struct st_bind ccp_binds[] = { { ST_KEY_PPP, 0x80fd } };

static const struct st_field_desc *const ccp_keys[] = {
	&ccp_fields[H_CODE], &ccp_fields[H_ID], &ccp_opt_fields[O_TYPE], NULL,
};

const struct st_proto st_proto_ccp = {
	.name = "ccp",
	.ws = "ccp",
	.title = "PPP Compression Control Protocol",
	.rfc = "RFC 1962",
	.role = ST_ROLE_CONTROL,
	.fields = ccp_fields,
	.nfields = NFIELDS(ccp_fields),
	.more = ccp_opt_fields,
	.nmore = NFIELDS(ccp_opt_fields),
	.decode = ccp_decode,
	.binds = ccp_binds,
	.nbinds = NFIELDS(ccp_binds),
	.summary = ccp_summary,
	.keys = ccp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " CCP agrees on a compression method for each "
	    "direction once the link is up: each option names one (26 "
	    "Deflate with its window, 21 BSD-Compress, 17 Stac LZS, 18 "
	    "Microsoft's MPPC, whose bits also choose MPPE encryption). "
	    "Then datagrams travel as protocol 0x00fd, compressed; a "
	    "receiver that loses step sends Reset-Request (14) and the "
	    "sender starts its dictionary afresh with Reset-Ack (15).",
};

/* ---- compressed datagrams (protocol 0x00fd) ---- */
static const struct st_field_desc comp_fields[] = {
	FD(NULL, "strata.comp_data.data", "Compressed data", 0, 0,
	    ST_FMT_BYTES),
};

/* What CCP agreed on is in an earlier packet: the bytes stay as they are,
 * as Wireshark leaves them. */
static int
comp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);

	if (n > 0)
		st_dbytes(d, c, &comp_fields[0], 0, n);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static int
comp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_u64(s->o, ly->len);
	st_out_puts(s->o, " bytes compressed");
	return 1;
}

static const struct st_bind comp_binds[] = { { ST_KEY_PPP, 0x00fd } };

static const struct st_field_desc *const comp_keys[] = {
	&comp_fields[0], NULL,
};

const struct st_proto st_proto_comp_data = {
	.name = "comp_data",
	.ws = "comp_data",
	.title = "PPP Compressed Datagram",
	.rfc = "RFC 1962",
	.role = ST_ROLE_APP,
	.fields = comp_fields,
	.nfields = NFIELDS(comp_fields),
	.decode = comp_decode,
	.binds = comp_binds,
	.nbinds = NFIELDS(comp_binds),
	.summary = comp_summary,
	.keys = comp_keys,
	.color = "\033[36m",
	.explain = "A datagram compressed by the method CCP agreed on for "
	    "this direction; decompressed, it starts with the PPP protocol "
	    "field of what it carries. Without the packets before it (a "
	    "method's dictionary is built from them) it cannot be read, so "
	    "strata, like Wireshark, shows the bytes.",
};
