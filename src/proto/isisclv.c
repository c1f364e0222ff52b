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
	P_SFV, P_SFLL, P_ALG, P_IDX, P_LBL, N_CLV };

#define H "isis.hello."
#define L "isis.lsp."
#define EIS "isis.lsp.ext_is_reachability."
#define EIP "isis.lsp.ext_ip_reachability."

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
}
