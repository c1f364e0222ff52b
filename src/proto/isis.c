/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IS-IS, Intermediate System to Intermediate System (ISO/IEC 10589, RFC
 * 1195 for IP), NLPID 0x83.  As Wireshark, the common header is one layer
 * ("isis") and the PDU after it another: hello (isis.hello, types 15 to
 * 17), LSP (isis.lsp, 18 and 20), complete and partial sequence numbers
 * (isis.csnp 24 and 25, isis.psnp 26 and 27).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Intradomain   | Length        |  Version/     |  ID Length    |
 * | routing 0x83  | Indicator     |  Proto ID 1   |  (0: 6 bytes) |
 * |R R R|PDU Type | Version 1     |  Reserved     | Max Area Addr |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Each PDU's fixed part is followed by TLVs ("CLVs"): a type, a length and
 * the value.  Area addresses, protocols supported, IP interface
 * addresses, the hostname and the TE router ID are decoded here, those
 * with inner structure (adjacency state, reachability, capabilities) in
 * isisclv.c; the others are shown by type and length.  An LSP carries a Fletcher checksum (ISO
 * 8473) over all of it from the LSP ID on.
 */
#include "strata/out.h"
#include "strata/cksum.h"
#include "fields.h"
#include "isisclv.h"

/* Rows of the header, from its start. */
enum { F_IRPD, F_LEN, F_VER, F_IDLEN, F_TRSV, F_TYPE, F_VER2, F_RSV,
	F_MAXAREA };

static const struct st_valname type_names[] = {
	{ 15, "L1 HELLO" }, { 16, "L2 HELLO" }, { 17, "P2P HELLO" },
	{ 18, "L1 LSP" }, { 20, "L2 LSP" }, { 24, "L1 CSNP" },
	{ 25, "L2 CSNP" }, { 26, "L1 PSNP" }, { 27, "L2 PSNP" }, { 0, NULL }
};

static const struct st_field_desc isis_fields[] = {
	FDX("irpd", "isis.irpd", "Intradomain routing protocol discriminator",
	    0, 8, ST_FMT_HEX, 0, 0, 0, 0x83, NULL),
	FD("len", "isis.len", "PDU header length", 8, 8, ST_FMT_DEC),
	FD(NULL, "isis.version", "Version", 16, 8, ST_FMT_DEC),
	FD(NULL, "isis.sysid_len", "System ID length", 24, 8, ST_FMT_DEC),
	FD(NULL, "isis.type.reserved", "Reserved", 32, 3, ST_FMT_HEX),
	FDN("type", "isis.type", "PDU type", 35, 5, ST_FMT_DEC, type_names),
	FD(NULL, "isis.version2", "Version", 40, 8, ST_FMT_DEC),
	FD(NULL, "isis.reserved", "Reserved", 48, 8, ST_FMT_DEC),
	FD(NULL, "isis.max_area_adr", "Maximum area addresses", 56, 8,
	    ST_FMT_DEC),
};

/* The PDUs' rows, from the PDU's start (after the 8-byte header); CLV
 * rows from the CLV's start, one set per PDU kind (their names differ). */
enum { H_CTYPE, H_CRSV, H_SRC, H_HOLD, H_PLEN, H_LCID, H_PRIO, H_LANID,
	L_PLEN, L_LIFE, L_ID, L_SEQ, L_CK, L_CKSTAT, L_P, L_ATT, L_ERR, L_EXP,
	L_DELAY, L_DEF, L_OL, L_IST,
	C_PLEN, C_SRC, C_START, C_END, P_PLEN, P_SRC,
	/* CLVs: per kind (hello, lsp, csnp, psnp) a type and a length */
	K_TYPE, K_LEN = K_TYPE + 4,
	/* values: hello then lsp */
	V_AREA = K_LEN + 4, V_NLPID = V_AREA + 2, V_IP4 = V_NLPID + 2,
	V_HOST = V_IP4 + 2, V_TEID, V_BUF, C_SCIRC, P_SCIRC, E_LIFE, E_ID,
	E_SEQ, E_CK, H_RSV2, F_NPDU };

#define CLV(k, n) \
	[K_TYPE + (k)] = FD(NULL, "isis." n ".clv.type", "CLV type", 0, 8, \
	    ST_FMT_DEC), \
	[K_LEN + (k)] = FD(NULL, "isis." n ".clv.length", "CLV length", 8, 8, \
	    ST_FMT_DEC)

static const struct st_field_desc pdu_fields[F_NPDU] = {
	[H_CTYPE] = FD(NULL, "isis.hello.circuit_type", "Circuit type", 6, 2,
	    ST_FMT_HEX),
	[H_CRSV] = FD(NULL, "isis.hello.reserved", "Reserved", 0, 6,
	    ST_FMT_HEX),
	[H_SRC] = FD(NULL, "isis.hello.source_id", "Source ID", 8, 0,
	    ST_FMT_TEXT),
	[H_HOLD] = FD(NULL, "isis.hello.holding_timer", "Holding timer (s)",
	    56, 16, ST_FMT_DEC),
	[H_PLEN] = FD(NULL, "isis.hello.pdu_length", "PDU length", 72, 16,
	    ST_FMT_DEC),
	[H_LCID] = FD(NULL, "isis.hello.local_circuit_id", "Local circuit ID",
	    88, 8, ST_FMT_DEC),
	[H_PRIO] = FD(NULL, "isis.hello.priority", "Priority", 89, 7,
	    ST_FMT_DEC),
	[H_LANID] = FD(NULL, "isis.hello.lan_id", "LAN ID", 96, 0,
	    ST_FMT_TEXT),
	[L_PLEN] = FD(NULL, "isis.lsp.pdu_length", "PDU length", 0, 16,
	    ST_FMT_DEC),
	[L_LIFE] = FD(NULL, "isis.lsp.remaining_life", "Remaining lifetime "
	    "(s)", 16, 16, ST_FMT_DEC),
	[L_ID] = FD(NULL, "isis.lsp.lsp_id", "LSP ID", 32, 0, ST_FMT_TEXT),
	[L_SEQ] = FD(NULL, "isis.lsp.sequence_number", "Sequence number", 96,
	    32, ST_FMT_HEX),
	[L_CK] = FD(NULL, "isis.lsp.checksum", "Checksum", 128, 16,
	    ST_FMT_HEX),
	[L_CKSTAT] = FDGS("isis.lsp.checksum.status", "Checksum status"),
	[L_P] = FD(NULL, "isis.lsp.partition_repair", "Partition repair", 144,
	    1, ST_FMT_BOOL),
	[L_ATT] = FD(NULL, "isis.lsp.att", "Attached", 145, 4, ST_FMT_DEC),
	[L_ERR] = FDD(NULL, "isis.lsp.error_metric", "Error metric", 145, 1,
	    ST_FMT_BOOL),
	[L_EXP] = FDD(NULL, "isis.lsp.expense_metric", "Expense metric", 146,
	    1, ST_FMT_BOOL),
	[L_DELAY] = FDD(NULL, "isis.lsp.delay_metric", "Delay metric", 147,
	    1, ST_FMT_BOOL),
	[L_DEF] = FDD(NULL, "isis.lsp.default_metric", "Default metric", 148,
	    1, ST_FMT_BOOL),
	[L_OL] = FD(NULL, st_isis_lsp_overload, "Overload", 149, 1,
	    ST_FMT_BOOL),
	[L_IST] = FD(NULL, "isis.lsp.is_type", "IS type", 150, 2, ST_FMT_DEC),
	[C_PLEN] = FD(NULL, "isis.csnp.pdu_length", "PDU length", 0, 16,
	    ST_FMT_DEC),
	[C_SRC] = FD(NULL, "isis.csnp.source_id", "Source ID", 16, 0,
	    ST_FMT_TEXT),
	[C_START] = FD(NULL, "isis.csnp.start_lsp_id", "Start LSP ID", 72, 0,
	    ST_FMT_TEXT),
	[C_END] = FD(NULL, "isis.csnp.end_lsp_id", "End LSP ID", 136, 0,
	    ST_FMT_TEXT),
	[P_PLEN] = FD(NULL, "isis.psnp.pdu_length", "PDU length", 0, 16,
	    ST_FMT_DEC),
	[P_SRC] = FD(NULL, "isis.psnp.source_id", "Source ID", 16, 0,
	    ST_FMT_TEXT),
	CLV(0, "hello"), CLV(1, "lsp"), CLV(2, "csnp"), CLV(3, "psnp"),
	[V_AREA] = FD(NULL, "isis.hello.area_address", "Area address", 8, 0,
	    ST_FMT_BYTES),
	[V_AREA + 1] = FD(NULL, "isis.lsp.area_address", "Area address", 8, 0,
	    ST_FMT_BYTES),
	[V_NLPID] = FD(NULL, "isis.hello.clv_nlpid.nlpid", "NLPID", 0, 8,
	    ST_FMT_HEX),
	[V_NLPID + 1] = FD(NULL, "isis.lsp.clv_nlpid.nlpid", "NLPID", 0, 8,
	    ST_FMT_HEX),
	[V_IP4] = FD(NULL, "isis.hello.clv_ipv4_int_addr", "IPv4 interface "
	    "address", 0, 32, ST_FMT_IPV4),
	[V_IP4 + 1] = FD(NULL, "isis.lsp.clv_ipv4_int_addr", "IPv4 interface "
	    "address", 0, 32, ST_FMT_IPV4),
	[V_HOST] = FD(NULL, "isis.lsp.hostname", "Hostname", 16, 0,
	    ST_FMT_TEXT),
	[V_TEID] = FD(NULL, "isis.lsp.clv_te_router_id", "TE router ID", 16,
	    32, ST_FMT_IPV4),
	[V_BUF] = FD(NULL, "isis.lsp.originating_lsp_buffer_size",
	    "Originating buffer size", 16, 16, ST_FMT_DEC),
	[C_SCIRC] = FD(NULL, "isis.csnp.source_circuit", "Source circuit", 64,
	    8, ST_FMT_BYTES),
	[P_SCIRC] = FD(NULL, "isis.psnp.source_circuit", "Source circuit", 64,
	    8, ST_FMT_BYTES),
	/* LSP entries (CLV 9 of either SNP), from the entry's start */
	[E_LIFE] = FD(NULL, "isis.csnp.lsp_remain_life", "Remaining lifetime "
	    "(s)", 0, 16, ST_FMT_DEC),
	[E_ID] = FD(NULL, "isis.csnp.lsp_id", "LSP ID", 16, 0, ST_FMT_TEXT),
	[E_SEQ] = FD(NULL, "isis.csnp.lsp_seq_num", "Sequence number", 80, 32,
	    ST_FMT_HEX),
	[E_CK] = FD(NULL, "isis.csnp.lsp_checksum", "Checksum", 112, 16,
	    ST_FMT_HEX),
	[H_RSV2] = FD(NULL, "isis.hello.reserved", "Reserved", 88, 1,
	    ST_FMT_HEX),
};

#define ISIS_MAXCLV	256	/* CLVs in one PDU */

/* Kinds of PDU, for the CLV rows. */
enum { K_HELLO, K_LSP, K_CSNP, K_PSNP };

/* Rows [first, first + n) at byte off of c; a missing byte sets c->err. */
static void
isis_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned n)
{
	st_dfields_at(d, c, off, pdu_fields + first, n);
}

/*
 * A system ID (6 bytes) at byte off as Wireshark writes it, "0192.0168.
 * 0001", with extra bytes after it: a pseudonode ".00" (n 7), and a
 * fragment "-00" (n 8).
 */
static void
isis_sysid(struct st_dctx *d, struct st_cur *c, unsigned fd, size_t off,
    size_t n)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char text[32];

	w.off += off;
	if ((p = st_get_bytes(&w, n)) == NULL) {
		c->err = w.err;
		return;
	}
	snprintf(text, sizeof(text), "%02x%02x.%02x%02x.%02x%02x", p[0], p[1],
	    p[2], p[3], p[4], p[5]);
	if (n >= 7)
		snprintf(text + 14, sizeof(text) - 14, ".%02x", p[6]);
	if (n >= 8)
		snprintf(text + 17, sizeof(text) - 17, "-%02x", p[7]);
	st_dtext(d, c, &pdu_fields[fd], off, n, text);
}

/* The value of one CLV of type type and n bytes at t, in PDU kind k. */
static void
isis_clv(struct st_dctx *d, struct st_cur *t, unsigned k, unsigned type,
    size_t n)
{
	char text[255 * 4 + 1];
	struct st_cur w;
	const uint8_t *p;
	size_t pos, a;
	unsigned i;

	switch (type) {
	case 9:		/* LSP entries of a sequence numbers PDU */
		if (k < K_CSNP)
			return;
		for (i = 0, pos = 2; i < ISIS_MAXCLV && pos + 16 <= 2 + n &&
		    t->err == ST_OK; i++, pos += 16) {
			isis_at(d, t, pos, E_LIFE, 1);
			isis_sysid(d, t, E_ID, pos + 2, 8);
			isis_at(d, t, pos, E_SEQ, 2);
		}
		return;
	case 1:		/* area addresses: each a length and the bytes */
		if (k > K_LSP)
			return;
		for (i = 0, pos = 2; i < ISIS_MAXCLV && pos < 2 + n &&
		    t->err == ST_OK; i++, pos += 1 + a) {
			a = (size_t)st_peek_bits(t, pos * 8, 8);
			if (a == 0 || pos + 1 + a > 2 + n)
				return;
			/* Wireshark's value holds the length byte too. */
			w = *t;
			w.off += pos;
			st_dbytes(d, &w, &pdu_fields[V_AREA + k], 0, 1 + a);
			t->err = w.err;
		}
		return;
	case 129:	/* protocols supported */
	case 132:	/* IP interface addresses */
		if (k > K_LSP)
			return;
		for (i = 0, pos = 2; i < ISIS_MAXCLV && pos < 2 + n &&
		    t->err == ST_OK; i++, pos += type == 129 ? 1 : 4) {
			if (type == 132 && pos + 4 > 2 + n)
				return;
			w = *t;
			w.off += pos;
			st_dfield(d, &w, &pdu_fields[(type == 129 ? V_NLPID :
			    V_IP4) + k]);
			t->err = w.err;
		}
		return;
	case 14:
		if (k == K_LSP && n == 2)
			st_dfield(d, t, &pdu_fields[V_BUF]);
		return;
	case 134:
		if (k == K_LSP && n == 4)
			st_dfield(d, t, &pdu_fields[V_TEID]);
		return;
	case 137:
		if (k != K_LSP)
			return;
		w = *t;
		w.off += 2;
		if ((p = st_get_bytes(&w, n)) == NULL) {
			t->err = w.err;
			return;
		}
		st_escape(p, n, text, sizeof(text));
		st_dtext(d, t, &pdu_fields[V_HOST], 2, n, text);
		return;
	default:	/* those with inner structure: isisclv.c */
		if (k <= K_LSP)
			st_isis_clv_more(d, t, k == K_LSP, type, n);
		return;
	}
}

/* The CLVs of PDU kind k from byte pos to end of c. */
static void
isis_clvs(struct st_dctx *d, struct st_cur *c, unsigned k, size_t pos,
    size_t end)
{
	struct st_cur t;
	size_t n;
	unsigned i;

	for (i = 0; i < ISIS_MAXCLV && pos + 2 <= end && c->err == ST_OK;
	    i++, pos += 2 + n) {
		t = *c;
		t.off += pos;
		st_dfield(d, &t, &pdu_fields[K_TYPE + k]);
		st_dfield(d, &t, &pdu_fields[K_LEN + k]);
		n = (size_t)st_peek_bits(&t, 8, 8);
		if (t.err != ST_OK) {
			c->err = t.err;
			return;
		}
		if (pos + 2 + n > end) {
			st_dmalformed(d, "CLV of %zu bytes beyond the PDU", n);
			return;
		}
		t.end = t.off + 2 + n < t.end ? t.off + 2 + n : t.end;
		isis_clv(d, &t, k, (unsigned)st_peek_bits(&t, 0, 8), n);
		if (t.err != ST_OK && t.off + 2 + n <= c->end)
			return;		/* a short value: shown as far as read */
		c->err = t.err;
	}
}

/* An LSP's checksum: over the LSP ID to the end (plen from the header). */
static void
isis_lspck(struct st_dctx *d, struct st_cur *c, struct st_field *f,
    size_t plen)
{
	struct st_cur w = *c;
	const uint8_t *p;
	unsigned want;

	if (f == NULL || plen < 8 + 27)
		return;
	w.off += 4;
	if ((p = st_get_bytes(&w, plen - 12)) == NULL)
		f->ck = ST_CK_UNVERIFIED;
	else if (f->val == 0)
		return;			/* none computed (a purged LSP) */
	else if ((want = st_fletcher(p, plen - 12, 12)) == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &pdu_fields[L_CKSTAT]);
}

extern const struct st_proto st_proto_isis_hello, st_proto_isis_lsp,
    st_proto_isis_csnp, st_proto_isis_psnp;

static int
isis_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned type, idlen;

	st_dfields(d, c, isis_fields, NFIELDS(isis_fields));
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	d->hdr = 8;
	idlen = (unsigned)st_peek_bits(c, 24, 8);
	type = (unsigned)st_peek_bits(c, 35, 5);
	if (idlen != 0 && idlen != 6) {
		d->data = 1;	/* only 6-byte system IDs are read here */
		return ST_OK;
	}
	if (type >= 15 && type <= 17)
		d->next = &st_proto_isis_hello;
	else if (type == 18 || type == 20)
		d->next = &st_proto_isis_lsp;
	else if (type == 24 || type == 25)
		d->next = &st_proto_isis_csnp;
	else if (type == 26 || type == 27)
		d->next = &st_proto_isis_psnp;
	else
		d->data = 1;
	return ST_OK;
}

/* The PDU's length from its own field at byte at (a hello's 9th), less
 * the common header, into *end; checks it and sets d->hdr. */
static int
isis_plen(struct st_dctx *d, struct st_cur *c, size_t at, size_t fixed,
    size_t *end)
{
	size_t left = st_cur_left(c), plen = (size_t)st_peek_bits(c, at * 8,
	    16);

	d->hdr = left;
	if (plen < 8 + fixed)
		return st_dmalformed(d, "PDU length %zu", plen);
	*end = plen - 8;	/* the CLVs past the capture: truncated */
	return ST_OK;
}

/* After the CLVs: truncated when the capture ends before the PDU does. */
static int
isis_end(struct st_dctx *d, struct st_cur *c, size_t at)
{
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (c->err != ST_OK || (size_t)st_peek_bits(c, at * 8, 16) - 8 >
	    st_cur_left(c))
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "PDU length beyond the frame");
	return ST_OK;
}

static int
hello_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t end = 0, fixed;
	int p2p, rc;

	/* The header's PDU type, 17, says point-to-point. */
	p2p = d->ly > d->pkt->layers && st_pkt_fd(d->pkt, d->ly - 1,
	    &isis_fields[F_TYPE]) != NULL && st_pkt_fd(d->pkt, d->ly - 1,
	    &isis_fields[F_TYPE])->val == 17;
	fixed = p2p ? 12 : 19;
	isis_at(d, c, 0, H_CTYPE, 2);
	isis_sysid(d, c, H_SRC, 1, 6);
	isis_at(d, c, 0, H_HOLD, 2);
	if (p2p)
		isis_at(d, c, 0, H_LCID, 1);
	else {
		isis_at(d, c, 0, H_RSV2, 1);
		isis_at(d, c, 0, H_PRIO, 1);
		isis_sysid(d, c, H_LANID, 12, 7);
	}
	if (c->err != ST_OK)
		return c->err;
	if ((rc = isis_plen(d, c, 9, fixed, &end)) != ST_OK)
		return rc;
	isis_clvs(d, c, K_HELLO, fixed, end);
	return isis_end(d, c, 9);
}

static int
lsp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck;
	size_t end = 0;
	int rc;

	isis_at(d, c, 0, L_PLEN, 2);
	isis_sysid(d, c, L_ID, 4, 8);
	isis_at(d, c, 0, L_SEQ, 1);
	ck = c->err == ST_OK ? st_dfield(d, c, &pdu_fields[L_CK]) : NULL;
	isis_at(d, c, 0, L_P, 8);
	if (c->err != ST_OK)
		return c->err;
	if ((rc = isis_plen(d, c, 0, 19, &end)) != ST_OK)
		return rc;
	isis_lspck(d, c, ck, (size_t)st_peek_bits(c, 0, 16));
	isis_clvs(d, c, K_LSP, 19, end);
	return isis_end(d, c, 0);
}

static int
csnp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t end = 0;
	int rc;

	isis_at(d, c, 0, C_PLEN, 1);
	isis_sysid(d, c, C_SRC, 2, 6);
	isis_at(d, c, 0, C_SCIRC, 1);
	isis_sysid(d, c, C_START, 9, 8);
	isis_sysid(d, c, C_END, 17, 8);
	if (c->err != ST_OK)
		return c->err;
	if ((rc = isis_plen(d, c, 0, 25, &end)) != ST_OK)
		return rc;
	isis_clvs(d, c, K_CSNP, 25, end);
	return isis_end(d, c, 0);
}

static int
psnp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t end = 0;
	int rc;

	isis_at(d, c, 0, P_PLEN, 1);
	isis_sysid(d, c, P_SRC, 2, 6);
	isis_at(d, c, 0, P_SCIRC, 1);
	if (c->err != ST_OK)
		return c->err;
	if ((rc = isis_plen(d, c, 0, 9, &end)) != ST_OK)
		return rc;
	isis_clvs(d, c, K_PSNP, 9, end);
	return isis_end(d, c, 0);
}

static const struct st_bind isis_binds[] = {
	{ ST_KEY_NLPID, 0x83 },
};

/* As tcpdump: "IS-IS, L1 LSP, lsp-id 0192.0168.0001.00-00, seq 0xb". */
static int
isis_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_TYPE + 1];
	const char *t;

	st_ly_fields(s->pkt, ly, isis_fields, F_TYPE + 1, f);
	t = f[F_TYPE] != NULL ? st_valname(type_names,
	    (uint32_t)f[F_TYPE]->val) : NULL;
	st_out_printf(s->o, "IS-IS, %s", t != NULL ? t : "unknown PDU");
	return 1;
}

/* The PDU's identity after the header's summary. */
static int
pdu_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[P_SRC + 1];
	const struct st_field *id;

	st_ly_fields(s->pkt, ly, pdu_fields, P_SRC + 1, f);
	id = f[L_ID] != NULL ? f[L_ID] : f[H_SRC] != NULL ? f[H_SRC] :
	    f[C_SRC] != NULL ? f[C_SRC] : f[P_SRC];
	if (id != NULL && id->meaning != NULL)
		st_out_printf(s->o, "%s %s", f[L_ID] != NULL ? "lsp-id" :
		    "source", id->meaning);
	if (f[L_SEQ] != NULL)
		st_out_printf(s->o, ", seq 0x%x, lifetime %us",
		    (unsigned)f[L_SEQ]->val, f[L_LIFE] != NULL ?
		    (unsigned)f[L_LIFE]->val : 0);
	return 1;
}

static const struct st_field_desc *const isis_keys[] = {
	&isis_fields[F_TYPE], NULL,
};

const struct st_proto st_proto_isis = {
	.name = "isis",
	.ws = "isis",
	.title = "Intermediate System to Intermediate System",
	.rfc = "ISO/IEC 10589, RFC 1195",
	.role = ST_ROLE_CONTROL,
	.fields = isis_fields,
	.nfields = NFIELDS(isis_fields),
	.more = st_isis_clv_fields,	/* the PDUs' structured CLVs */
	.nmore = ST_ISIS_NCLV,
	.decode = isis_decode,
	.binds = isis_binds,
	.nbinds = NFIELDS(isis_binds),
	.summary = isis_summary,
	.keys = isis_keys,
	.color = "\033[36m",
	.explain = "The link-state routing protocol of ISO networks, used "
	    "for IP by most large providers (RFC 1195), straight on the link "
	    "(LLC SAP 0xfe, NLPID 0x83).  Routers meet with hellos, flood "
	    "their link-state PDUs (LSPs: neighbours, prefixes, hostname, "
	    "each with a Fletcher checksum) and keep databases in step with "
	    "complete and partial sequence number PDUs.  Level 1 routes "
	    "within an area, level 2 between areas.",
};

/* Each PDU kind's fixed rows are its table (for explain); the CLV rows
 * and the rest, shared, its look-up rows. */
#define ISIS_PDU(nm, ws_, tt, fn, first, n) \
const struct st_proto st_proto_isis_##nm = { \
	.name = "isis-" #nm, \
	.ws = ws_, \
	.title = tt, \
	.rfc = "ISO/IEC 10589", \
	.role = ST_ROLE_CONTROL, \
	.fields = pdu_fields + (first), \
	.nfields = (n), \
	.more = pdu_fields + K_TYPE, \
	.nmore = F_NPDU - K_TYPE, \
	.decode = fn, \
	.summary = pdu_summary, \
	.color = "\033[36m", \
}

ISIS_PDU(hello, "isis.hello", "IS-IS hello", hello_decode, H_CTYPE,
    L_PLEN - H_CTYPE);
ISIS_PDU(lsp, "isis.lsp", "IS-IS link state PDU", lsp_decode, L_PLEN,
    C_PLEN - L_PLEN);
ISIS_PDU(csnp, "isis.csnp", "IS-IS complete sequence numbers PDU",
    csnp_decode, C_PLEN, P_PLEN - C_PLEN);
ISIS_PDU(psnp, "isis.psnp", "IS-IS partial sequence numbers PDU",
    psnp_decode, P_PLEN, K_TYPE - P_PLEN);
