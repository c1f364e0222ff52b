/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IS-IS CLVs with inner structure, for isis.c (which reads the common
 * header, the PDUs' fixed parts and the flat CLVs):
 *   hello 240  point-to-point adjacency state (RFC 5303): state, extended
 *              local circuit ID, neighbour system ID and circuit ID;
 *   hello 143  MT port capability (RFC 6329, SPB): topology ID, then
 *              sub-CLVs: 4 the MCID and auxiliary MCID, 5 the digest;
 *   lsp 22     extended IS reachability (RFC 5305): per neighbour its ID,
 *              metric and sub-CLVs (6 interface address, 4 link IDs, 29
 *              SPB link metric);
 *   lsp 135    extended IP reachability (RFC 5305): per prefix its
 *              metric, flags, prefix and sub-CLVs (3 prefix SID, RFC
 *              8667).
 * Rows and values as Wireshark's packet-isis-hello.c and -lsp.c.
 */
#include <stdio.h>

#include "isisclv.h"

enum { A_STATE, A_ELCID, A_NSYS, A_NELCID, M_MTID, M_MCID, M_AUX, M_V, M_A,
	M_D, M_DIG, I_NBR, I_METRIC, I_SUBLEN, I_CODE, I_LEN, I_IP4, I_LLID,
	I_LRID, I_SPBM, I_SPBN, I_SPBP, P_METRIC, P_DIST, P_SUB, P_PLEN, P_PFX,
	P_SUBLEN, P_NOSUB, P_CODE, P_LEN, P_SFL, P_SFR, P_SFN, P_SFP, P_SFE,
	P_SFV, P_SFLL, P_ALG, P_IDX, P_LBL,
	E_RSV, E_DEF, E_DEFIE, E_DLY, E_DLYS, E_DLYIE, E_EXP, E_EXPS, E_EXPIE,
	E_ERR, E_ERRS, E_ERRIE, E_NBR,
	R_PFX, R_DEF, R_DEFIE, R_DIST, R_DLY, R_DLYS, R_DLYIE, R_EXP, R_EXPS,
	R_EXPIE, R_ERR, R_ERRS, R_ERRIE,
	C_RID, C_FS, C_FD, C_ALG, C_SRI, C_SRV, C_SRR, C_SRL, C_SRS,
	T_MTID, T_OL, T_ROOT, T_COST, T_PRIO, T_V, T_SRC, T_NTREE,
	J_FL, J_F, J_B, J_V, J_L, J_S, J_W, J_SYS, N_CLV };

#define H "isis.hello."
const char st_isis_lsp_overload[] = "isis.lsp.overload";

#define L "isis.lsp."
#define EIS "isis.lsp.ext_is_reachability."
#define EIP "isis.lsp.ext_ip_reachability."
#define EN "isis.lsp.eis_neighbors."
#define IR "isis.lsp.ip_reachability."
#define SPB "isis.lsp.mt_cap_spb_instance."

/* The four metrics of an old-style entry (CLVs 2, 128, 130): per byte a
 * flag, "internal/external" and six bits of metric. */
#define METRICS(p, r, dly, dlys, exp, exps, err, errs) \
	[r##DEF] = FD(NULL, p "default_metric", "Default metric", 2, 6, \
	    ST_FMT_DEC), \
	[r##DEFIE] = FD(NULL, p "default_metric_ie", "Default metric I/E", \
	    1, 1, ST_FMT_BOOL), \
	[r##DLY] = FD(NULL, dly, "Delay metric", 10, 6, ST_FMT_DEC), \
	[r##DLYS] = FD(NULL, dlys, "Delay metric supported", 8, 1, \
	    ST_FMT_BOOL), \
	[r##DLYIE] = FD(NULL, p "delay_metric_ie", "Delay metric I/E", 9, 1, \
	    ST_FMT_BOOL), \
	[r##EXP] = FD(NULL, exp, "Expense metric", 18, 6, ST_FMT_DEC), \
	[r##EXPS] = FD(NULL, exps, "Expense metric supported", 16, 1, \
	    ST_FMT_BOOL), \
	[r##EXPIE] = FD(NULL, p "expense_metric_ie", "Expense metric I/E", \
	    17, 1, ST_FMT_BOOL), \
	[r##ERR] = FD(NULL, err, "Error metric", 26, 6, ST_FMT_DEC), \
	[r##ERRS] = FD(NULL, errs, "Error metric supported", 24, 1, \
	    ST_FMT_BOOL), \
	[r##ERRIE] = FD(NULL, p "error_metric_ie", "Error metric I/E", 25, 1, \
	    ST_FMT_BOOL)

/* Offsets: a CLV's from its value, a sub-CLV's from its code byte, an
 * entry's from the entry's start. */
_Static_assert(N_CLV == ST_ISIS_NCLV, "isisclv.h's row count");

const struct st_field_desc st_isis_clv_fields[ST_ISIS_NCLV] = {
	[A_STATE] = FD(NULL, H "adjacency_state", "Adjacency state", 0, 8,
	    ST_FMT_DEC),
	[A_ELCID] = FD(NULL, H "extended_local_circuit_id", "Extended local "
	    "circuit ID", 8, 32, ST_FMT_HEX),
	[A_NSYS] = FD(NULL, H "neighbor_systemid", "Neighbor system ID", 72,
	    0, ST_FMT_TEXT),
	[A_NELCID] = FD(NULL, H "neighbor_extended_local_circuit_id",
	    "Neighbor extended local circuit ID", 88, 32, ST_FMT_HEX),
	[M_MTID] = FD(NULL, H "mtid", "Topology ID", 4, 12, ST_FMT_DEC),
	[M_MCID] = FD(NULL, H "mcid", "MCID", 16, 0, ST_FMT_BYTES),
	[M_AUX] = FD(NULL, H "aux_mcid", "Aux MCID", 424, 0, ST_FMT_BYTES),
	[M_V] = FD(NULL, H "digest.v", "V", 19, 1, ST_FMT_DEC),
	[M_A] = FD(NULL, H "digest.a", "A", 20, 2, ST_FMT_DEC),
	[M_D] = FD(NULL, H "digest.d", "D", 22, 2, ST_FMT_DEC),
	[M_DIG] = FD(NULL, H "digest", "Digest", 24, 0, ST_FMT_BYTES),
	[I_NBR] = FD(NULL, EIS "is_neighbor_id", "IS neighbor ID", 0, 0,
	    ST_FMT_TEXT),
	[I_METRIC] = FD(NULL, EIS "metric", "Metric", 56, 24, ST_FMT_DEC),
	[I_SUBLEN] = FD(NULL, EIS "subclvs_length", "Sub-CLV length", 80, 8,
	    ST_FMT_DEC),
	[I_CODE] = FD(NULL, EIS "code", "Code", 0, 8, ST_FMT_DEC),
	[I_LEN] = FD(NULL, EIS "length", "Length", 8, 8, ST_FMT_DEC),
	[I_IP4] = FD(NULL, EIS "ipv4_interface_address", "IPv4 interface "
	    "address", 16, 32, ST_FMT_IPV4),
	[I_LLID] = FD(NULL, EIS "link_local_identifier", "Link local "
	    "identifier", 16, 32, ST_FMT_DEC),
	[I_LRID] = FD(NULL, EIS "link_remote_identifier", "Link remote "
	    "identifier", 48, 32, ST_FMT_DEC),
	[I_SPBM] = FD(NULL, L "spb.link_metric", "SPB link metric", 16, 24,
	    ST_FMT_HEX),
	[I_SPBN] = FD(NULL, L "spb.port_count", "Number of ports", 40, 8,
	    ST_FMT_DEC),
	[I_SPBP] = FD(NULL, L "spb.port_id", "Port ID", 48, 16, ST_FMT_HEX),
	[P_METRIC] = FD(NULL, EIP "metric", "Metric", 0, 32, ST_FMT_DEC),
	[P_DIST] = FD(NULL, EIP "distribution", "Distribution", 32, 1,
	    ST_FMT_BOOL),
	[P_SUB] = FD(NULL, EIP "subtlv", "Sub-TLV", 33, 1, ST_FMT_BOOL),
	[P_PLEN] = FD(NULL, EIP "prefix_length", "Prefix length", 34, 6,
	    ST_FMT_DEC),
	[P_PFX] = FD(NULL, EIP "ipv4_prefix", "IPv4 prefix", 40, 0,
	    ST_FMT_TEXT),
	[P_SUBLEN] = FD(NULL, EIP "subclvs_length", "Sub-CLV length", 0, 8,
	    ST_FMT_DEC),
	/* Wireshark shows the length as 0 when the flag says none */
	[P_NOSUB] = FDG(EIP "subclvs_length", "Sub-CLV length", ST_FMT_DEC,
	    NULL),
	[P_CODE] = FD(NULL, EIP "code", "Code", 0, 8, ST_FMT_DEC),
	[P_LEN] = FD(NULL, EIP "length", "Length", 8, 8, ST_FMT_DEC),
	[P_SFL] = FD(NULL, EIP "prefix_sid.flags", "Flags", 16, 8,
	    ST_FMT_HEX),
	[P_SFR] = FDD(NULL, EIP "prefix_sid.flags.r", "Re-advertisement", 16,
	    1, ST_FMT_BOOL),
	[P_SFN] = FDD(NULL, EIP "prefix_sid.flags.n", "Node-SID", 17, 1,
	    ST_FMT_BOOL),
	[P_SFP] = FDD(NULL, EIP "prefix_sid.flags.p", "no-PHP", 18, 1,
	    ST_FMT_BOOL),
	[P_SFE] = FDD(NULL, EIP "prefix_sid.flags.e", "Explicit-Null", 19, 1,
	    ST_FMT_BOOL),
	[P_SFV] = FDD(NULL, EIP "prefix_sid.flags.v", "Value", 20, 1,
	    ST_FMT_BOOL),
	[P_SFLL] = FDD(NULL, EIP "prefix_sid.flags.l", "Local", 21, 1,
	    ST_FMT_BOOL),
	[P_ALG] = FD(NULL, L "sr_alg", "Algorithm", 24, 8, ST_FMT_DEC),
	[P_IDX] = FD(NULL, L "sid.sli_index", "SID index", 32, 32,
	    ST_FMT_HEX),
	[P_LBL] = FD(NULL, L "sid.sli_label", "SID label", 36, 20,
	    ST_FMT_DEC),
	/* CLV 2 (from the value, then per entry) */
	[E_RSV] = FD(NULL, L "eis_neighbors_clv_inner.reserved", "Reserved",
	    0, 8, ST_FMT_HEX),
	METRICS(EN, E_, EN "delay_metric", "isis.lsp.eis_neighbors_delay_metric"
	    ".supported", EN "expense_metric", EN "expense_metric_supported",
	    EN "error_metric", EN "error_metric_supported"),
	[E_NBR] = FD(NULL, EN "is_neighbor", "IS neighbor", 32, 0,
	    ST_FMT_TEXT),
	/* CLVs 128 and 130, per entry */
	[R_PFX] = FD(NULL, IR "ipv4_prefix", "IPv4 prefix", 32, 32,
	    ST_FMT_IPV4),
	METRICS(IR, R_, IR "delay_metric", IR "delay_metric_support",
	    IR "expense_metric", IR "expense_metric_support", IR "error_metric",
	    IR "error_metric_support"),
	[R_DIST] = FD(NULL, IR "distribution", "Distribution", 0, 1,
	    ST_FMT_BOOL),
	/* CLV 242 (from the value, then per sub-CLV) */
	[C_RID] = FD(NULL, L "rt_capable.router_id", "Router ID", 0, 32,
	    ST_FMT_HEX),
	[C_FS] = FD(NULL, L "rt_capable.flag_s", "S bit", 39, 1, ST_FMT_BOOL),
	[C_FD] = FD(NULL, L "rt_capable.flag_d", "D bit", 38, 1, ST_FMT_BOOL),
	[C_ALG] = FD(NULL, L "sr_alg", "Algorithm", 0, 8, ST_FMT_DEC),
	[C_SRI] = FD(NULL, L "sr_cap.i_flag", "I flag: IPv4 support", 16, 1,
	    ST_FMT_BOOL),
	[C_SRV] = FD(NULL, L "sr_cap.v_flag", "V flag: IPv6 support", 17, 1,
	    ST_FMT_BOOL),
	[C_SRR] = FD(NULL, L "sr_cap.range", "Range", 24, 24, ST_FMT_DEC),
	[C_SRL] = FD(NULL, L "sr_cap.label", "Label", 16, 24, ST_FMT_DEC),
	[C_SRS] = FD(NULL, L "sr_cap.sid", "SID", 16, 32, ST_FMT_DEC),
	/* CLV 144 (from the value, then from the SPB instance sub-CLV) */
	[T_MTID] = FD(NULL, L "mt_cap.mtid", "Topology ID", 4, 12,
	    ST_FMT_DEC),
	[T_OL] = FD(NULL, st_isis_lsp_overload, "Overload", 0, 1, ST_FMT_BOOL),
	[T_ROOT] = FD(NULL, SPB "cist_root_identifier", "CIST root "
	    "identifier", 16, 0, ST_FMT_TEXT),
	[T_COST] = FD(NULL, SPB "cist_external_root_path_cost", "CIST "
	    "external root path cost", 80, 32, ST_FMT_HEX),
	[T_PRIO] = FD(NULL, SPB "bridge_priority", "Bridge priority", 112, 16,
	    ST_FMT_HEX),
	[T_V] = FD(NULL, SPB "v", "V", 139, 1, ST_FMT_BOOL),
	/* Wireshark pads these to their 32 and 16 bits: text */
	[T_SRC] = FD(NULL, L "mt_cap.spsourceid", "SPSourceID", 140, 0,
	    ST_FMT_TEXT),
	[T_NTREE] = FD(NULL, SPB "number_of_trees", "Number of trees", 160,
	    0, ST_FMT_TEXT),
	/* extended IS sub-CLVs 31 and 32 (RFC 8667 2.2), from the code */
	[J_FL] = FD(NULL, L "adj_sid.flags", "Flags", 16, 8, ST_FMT_HEX),
	[J_F] = FDD(NULL, L "adj_sid.flags.f", "Outgoing encapsulation", 16,
	    1, ST_FMT_BOOL),
	[J_B] = FDD(NULL, L "adj_sid.flags.b", "Backup", 17, 1, ST_FMT_BOOL),
	[J_V] = FDD(NULL, L "adj_sid.flags.v", "Value", 18, 1, ST_FMT_BOOL),
	[J_L] = FDD(NULL, L "adj_sid.flags.l", "Local significance", 19, 1,
	    ST_FMT_BOOL),
	[J_S] = FDD(NULL, L "adj_sid.flags.s", "Set", 20, 1, ST_FMT_BOOL),
	[J_W] = FD(NULL, L "adj_sid.weight", "Weight", 24, 8, ST_FMT_HEX),
	[J_SYS] = FD(NULL, L "adj_sid.system_id", "System ID", 32, 0,
	    ST_FMT_TEXT),
};

#define CLV_MAXENT	64	/* entries or sub-CLVs in one CLV */

/* Rows [first, first + n) at byte off of t; a missing byte sets t->err. */
static void
clv_at(struct st_dctx *d, struct st_cur *t, size_t off, unsigned first,
    unsigned n)
{
	struct st_cur w = *t;

	if (t->err != ST_OK)
		return;
	if (off > st_cur_left(t)) {
		t->err = ST_ETRUNC;
		return;
	}
	w.off += off;
	st_dfields(d, &w, st_isis_clv_fields + first, n);
	t->err = w.err;
}

/* Row r over n bytes at byte off of t, as bytes. */
static void
clv_bytes(struct st_dctx *d, struct st_cur *t, size_t off, unsigned r,
    size_t n)
{
	struct st_cur w = *t;

	if (t->err != ST_OK)
		return;
	w.off += off;
	st_dbytes(d, &w, &st_isis_clv_fields[r], 0, n);
	t->err = w.err;
}

/* Row r as text: a system ID (n 6) or with its pseudonode (n 7) at off,
 * "0192.0168.0002.02"; else n bytes of an IPv4 prefix, zero-filled. */
static void
clv_text(struct st_dctx *d, struct st_cur *t, size_t off, unsigned r,
    size_t n, int sysid)
{
	struct st_cur w = *t;
	uint8_t a[4] = { 0, 0, 0, 0 };
	const uint8_t *p;
	char text[32];
	size_t i;

	if (t->err != ST_OK)
		return;
	w.off += off;
	if ((p = st_get_bytes(&w, n)) == NULL) {
		t->err = w.err;
		return;
	}
	if (sysid) {
		snprintf(text, sizeof(text), "%02x%02x.%02x%02x.%02x%02x",
		    p[0], p[1], p[2], p[3], p[4], p[5]);
		if (n == 7)
			snprintf(text + 14, sizeof(text) - 14, ".%02x", p[6]);
	} else {
		for (i = 0; i < n && i < 4; i++)
			a[i] = p[i];
		snprintf(text, sizeof(text), "%u.%u.%u.%u", a[0], a[1], a[2],
		    a[3]);
	}
	st_dtext(d, t, &st_isis_clv_fields[r], off, n, text);
}

/* Row r as the given text over n bytes at byte off of t. */
static void
clv_str(struct st_dctx *d, struct st_cur *t, size_t off, unsigned r,
    size_t n, const char *text)
{
	struct st_cur w = *t;

	if (t->err != ST_OK)
		return;
	w.off += off;
	if (st_get_bytes(&w, n) == NULL) {
		t->err = w.err;
		return;
	}
	st_dtext(d, t, &st_isis_clv_fields[r], off, n, text);
}

/* Hello CLV 240, n value bytes: Wireshark reads the lengths 1, 5, 11, 15. */
static void
clv_p2padj(struct st_dctx *d, struct st_cur *t, size_t n)
{
	if (n != 1 && n != 5 && n != 11 && n != 15)
		return;
	clv_at(d, t, 2, A_STATE, n >= 5 ? 2 : 1);
	if (n >= 11)
		clv_text(d, t, 7, A_NSYS, 6, 1);
	if (n >= 15)
		clv_at(d, t, 2, A_NELCID, 1);
}

/* Hello CLV 143: the topology ID, then SPB sub-CLVs. */
static void
clv_mtport(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t pos, sl;
	unsigned i, st;

	if (n < 2)
		return;
	clv_at(d, t, 2, M_MTID, 1);
	for (i = 0, pos = 4; i < CLV_MAXENT && pos + 2 <= 2 + n &&
	    t->err == ST_OK; i++, pos += 2 + sl) {
		st = (unsigned)st_peek_bits(t, pos * 8, 8);
		sl = (size_t)st_peek_bits(t, pos * 8 + 8, 8);
		if (t->err != ST_OK || pos + 2 + sl > 2 + n)
			return;
		if (st == 4 && sl >= 102) {
			clv_bytes(d, t, pos + 2, M_MCID, 51);
			clv_bytes(d, t, pos + 53, M_AUX, 51);
		} else if (st == 5 && sl >= 33) {
			clv_at(d, t, pos, M_V, 3);
			clv_bytes(d, t, pos + 3, M_DIG, 32);
		}
	}
}

/* An (LAN) adjacency SID sub-CLV of n bytes at pos: flags, weight, the
 * neighbour's system ID (LAN), a 3-byte label or a 4-byte index. */
static void
clv_adjsid(struct st_dctx *d, struct st_cur *t, size_t pos, size_t n,
    int lan)
{
	size_t id = lan ? 6 : 0;

	if (n != 2 + id + 3 && n != 2 + id + 4)
		return;
	clv_at(d, t, pos, J_FL, J_SYS - J_FL);
	if (lan)
		clv_text(d, t, pos + 4, J_SYS, 6, 1);
	clv_at(d, t, pos + id, n == 2 + id + 3 ? P_LBL : P_IDX, 1);
}

/* The sub-CLVs of an extended IS (ip 0) or IP (ip 1) entry: sl bytes at
 * byte pos of t. */
static void
clv_subs(struct st_dctx *d, struct st_cur *t, size_t pos, size_t sl, int ip)
{
	size_t end = pos + sl, n;
	unsigned i, code, fl;

	for (i = 0; i < CLV_MAXENT && pos + 2 <= end && t->err == ST_OK;
	    i++, pos += 2 + n) {
		code = (unsigned)st_peek_bits(t, pos * 8, 8);
		n = (size_t)st_peek_bits(t, pos * 8 + 8, 8);
		if (t->err != ST_OK || pos + 2 + n > end)
			return;
		clv_at(d, t, pos, ip ? P_CODE : I_CODE, 2);
		if (!ip && code == 6 && n == 4)
			clv_at(d, t, pos, I_IP4, 1);
		else if (!ip && code == 4 && n == 8)
			clv_at(d, t, pos, I_LLID, 2);
		else if (!ip && code == 29 && n >= 6)
			clv_at(d, t, pos, I_SPBM, 3);
		else if (!ip && (code == 31 || code == 32))
			clv_adjsid(d, t, pos, n, code == 32);
		else if (ip && code == 3 && n >= 5) {
			clv_at(d, t, pos, P_SFL, P_IDX - P_SFL);
			fl = (unsigned)st_peek_bits(t, pos * 8 + 16, 8);
			/* V and L set: a 3-byte label, else a 4-byte index */
			if ((fl & 0x0c) == 0x0c && n == 5)
				clv_at(d, t, pos, P_LBL, 1);
			else if (n == 6)
				clv_at(d, t, pos, P_IDX, 1);
		}
	}
}

/* LSP CLV 22: entries of a neighbour ID, a metric and sub-CLVs. */
static void
clv_extis(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t pos, sl;
	unsigned i;

	for (i = 0, pos = 2; i < CLV_MAXENT && pos + 11 <= 2 + n &&
	    t->err == ST_OK; i++, pos += 11 + sl) {
		sl = (size_t)st_peek_bits(t, (pos + 10) * 8, 8);
		if (t->err != ST_OK)
			return;
		clv_text(d, t, pos, I_NBR, 7, 1);
		clv_at(d, t, pos, I_METRIC, 2);
		if (pos + 11 + sl > 2 + n)
			return;
		clv_subs(d, t, pos + 11, sl, 0);
	}
}

/* LSP CLV 135: entries of a metric, flags and prefix length, the prefix's
 * bytes, and sub-CLVs when the flag says so. */
static void
clv_extip(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t pos, len, pb, sl;
	unsigned i, ctl;

	for (i = 0, pos = 2; i < CLV_MAXENT && pos + 5 <= 2 + n &&
	    t->err == ST_OK; i++, pos += len) {
		ctl = (unsigned)st_peek_bits(t, (pos + 4) * 8, 8);
		pb = ((ctl & 0x3f) + 7) / 8;
		if (t->err != ST_OK || (ctl & 0x3f) > 32 ||
		    pos + 5 + pb > 2 + n)
			return;
		len = 5 + pb;
		clv_at(d, t, pos, P_METRIC, 4);
		clv_text(d, t, pos + 5, P_PFX, pb, 0);
		if (!(ctl & 0x40)) {
			if (t->err == ST_OK)
				st_dgen(d, &st_isis_clv_fields[P_NOSUB], 0);
			continue;
		}
		if (pos + len + 1 > 2 + n)
			return;
		sl = (size_t)st_peek_bits(t, (pos + len) * 8, 8);
		clv_at(d, t, pos + len, P_SUBLEN, 1);
		if (t->err != ST_OK || pos + len + 1 + sl > 2 + n)
			return;
		clv_subs(d, t, pos + len + 1, sl, 1);
		len += 1 + sl;
	}
}

/* LSP CLV 2: a reserved byte, then entries of four metrics and an IS
 * neighbour (ID and pseudonode). */
static void
clv_isreach(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t pos;
	unsigned i;

	if (n < 1)
		return;
	clv_at(d, t, 2, E_RSV, 1);
	for (i = 0, pos = 3; i < CLV_MAXENT && pos + 11 <= 2 + n &&
	    t->err == ST_OK; i++, pos += 11) {
		clv_at(d, t, pos, E_DEF, E_NBR - E_DEF);
		clv_text(d, t, pos + 4, E_NBR, 7, 1);
	}
}

/* LSP CLVs 128 and 130: entries of four metrics, a prefix and a mask. */
static void
clv_ipreach(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t pos;
	unsigned i;

	for (i = 0, pos = 2; i < CLV_MAXENT && pos + 12 <= 2 + n &&
	    t->err == ST_OK; i++, pos += 12)
		clv_at(d, t, pos, R_PFX, C_RID - R_PFX);
}

/* LSP CLV 242: router ID, flags, then sub-CLVs: 19 the SR algorithms,
 * 2 the SR capability (flags, range, an inner SID or label CLV). */
static void
clv_rtcap(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t pos, sl, k;
	unsigned i, st;

	if (n < 5)
		return;
	clv_at(d, t, 2, C_RID, 3);
	for (i = 0, pos = 7; i < CLV_MAXENT && pos + 2 <= 2 + n &&
	    t->err == ST_OK; i++, pos += 2 + sl) {
		st = (unsigned)st_peek_bits(t, pos * 8, 8);
		sl = (size_t)st_peek_bits(t, pos * 8 + 8, 8);
		if (t->err != ST_OK || pos + 2 + sl > 2 + n)
			return;
		for (k = 0; st == 19 && k < sl; k++)
			clv_at(d, t, pos + 2 + k, C_ALG, 1);
		if (st != 2 || sl < 4)
			continue;
		clv_at(d, t, pos, C_SRI, 3);
		/* one SID/label sub-CLV: type 1, a 3-byte label or a SID */
		if (sl >= 9 && st_peek_bits(t, (pos + 6) * 8, 8) == 1) {
			k = (size_t)st_peek_bits(t, (pos + 7) * 8, 8);
			if (k == 3 && sl >= 9)
				clv_at(d, t, pos + 6, C_SRL, 1);
			else if (k == 4 && sl >= 10)
				clv_at(d, t, pos + 6, C_SRS, 1);
		}
	}
}

/* LSP CLV 144: topology ID and overload bit, then sub-CLVs: 1 the SPB
 * instance. */
static void
clv_mtcap(struct st_dctx *d, struct st_cur *t, size_t n)
{
	char text[32];
	const uint8_t *p;
	struct st_cur w;
	size_t pos, sl;
	unsigned i, st;

	if (n < 2)
		return;
	clv_at(d, t, 2, T_MTID, 1);
	clv_at(d, t, 2, T_OL, 1);
	for (i = 0, pos = 4; i < CLV_MAXENT && pos + 2 <= 2 + n &&
	    t->err == ST_OK; i++, pos += 2 + sl) {
		st = (unsigned)st_peek_bits(t, pos * 8, 8);
		sl = (size_t)st_peek_bits(t, pos * 8 + 8, 8);
		if (t->err != ST_OK || pos + 2 + sl > 2 + n)
			return;
		if (st != 1 || sl < 19)
			continue;
		w = *t;
		w.off += pos + 2;
		if ((p = st_get_bytes(&w, 19)) == NULL) {
			t->err = w.err;
			return;
		}
		snprintf(text, sizeof(text), "%02x-%02x-%02x-%02x-%02x-%02x-"
		    "%02x-%02x", p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
		clv_str(d, t, pos + 2, T_ROOT, 8, text);
		clv_at(d, t, pos, T_COST, 3);
		snprintf(text, sizeof(text), "0x%08x", (unsigned)(p[15] & 0x0f)
		    << 16 | (unsigned)p[16] << 8 | p[17]);
		clv_str(d, t, pos + 16, T_SRC, 4, text);
		snprintf(text, sizeof(text), "0x%04x", p[18]);
		clv_str(d, t, pos + 20, T_NTREE, 1, text);
	}
}

void
st_isis_clv_more(struct st_dctx *d, struct st_cur *t, int lsp,
    unsigned type, size_t n)
{
	if (!lsp && type == 240)
		clv_p2padj(d, t, n);
	else if (!lsp && type == 143)
		clv_mtport(d, t, n);
	else if (lsp && type == 22)
		clv_extis(d, t, n);
	else if (lsp && type == 135)
		clv_extip(d, t, n);
	else if (lsp && type == 2)
		clv_isreach(d, t, n);
	else if (lsp && (type == 128 || type == 130))
		clv_ipreach(d, t, n);
	else if (lsp && type == 242)
		clv_rtcap(d, t, n);
	else if (lsp && type == 144)
		clv_mtcap(d, t, n);
}
