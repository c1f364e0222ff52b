/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PIM version 2 (RFC 7761 4.9; hello options RFC 7761 4.9.2, RFC 4601).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |PIM Ver| Type  |   Reserved    |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Addresses are encoded (4.9.1): family and encoding type, then for a
 * group address flags and mask length, for a source address flags and
 * mask length, then the address (4 bytes for IPv4, 16 for IPv6).  A hello
 * is a list of type-length-value options; a join/prune names an upstream
 * neighbor and groups, each with joined and pruned sources; a register
 * carries a multicast packet, decoded as a nested chain; an assert and a
 * register-stop name a group and a source.  The checksum covers the whole
 * message, except a register's, which covers its 8-byte header.
 */
#include "strata/out.h"
#include "fields.h"

#define PIM_MAX_OPT	64		/* hello options */
#define PIM_MAX_ITEMS	256		/* groups, sources, addresses */

enum { F_VER, F_TYPE, F_RES, F_CKSUM, F_CKSTAT, F_REGFL, F_BORDER, F_NULL,
	F_RES1, F_NGRP, F_HOLD, F_NJOIN, F_NPRUNE, F_RPT, F_MPREF, F_METRIC,
	F_IPVER };
enum { A_FAM, A_ENC, A_UNI4, A_UNI6, A_GFL, A_GB, A_GRES, A_GZ, A_SFL,
	A_SRES, A_SS, A_SW, A_SR, A_MASK, A_G4, A_G6, A_S4, A_S6 };
enum { O_TYPE, O_LEN, O_HOLD, O_T, O_PROP, O_OVR, O_DRPRI, O_GENID };

static const struct st_valname pim_type_names[] = {
	{ 0, "Hello" }, { 1, "Register" }, { 2, "Register-stop" },
	{ 3, "Join/Prune" }, { 4, "Bootstrap" }, { 5, "Assert" },
	{ 6, "Graft" }, { 7, "Graft-Ack" },
	{ 8, "Candidate-RP-Advertisement" }, { 9, "State-Refresh" },
	{ 10, "DF election" }, { 0, NULL }
};

static const struct st_field_desc pim_fields[] = {
	FD("version", "pim.version", "Version", 0, 4, ST_FMT_DEC),
	FDN("type", "pim.type", "Type", 4, 4, ST_FMT_DEC, pim_type_names),
	FD(NULL, "pim.res_bytes", "Reserved", 8, 8, ST_FMT_BYTES),
	FDX("chksum", "pim.cksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDGS("pim.cksum.status", "Checksum status"),
	FD(NULL, "pim.register_flag", "Flags", 32, 32, ST_FMT_HEX),
	FDD(NULL, "pim.register_flag.border", "Border", 32, 1, ST_FMT_BOOL),
	FDD(NULL, "pim.register_flag.null_register", "Null-Register", 33, 1,
	    ST_FMT_BOOL),
	/* From the upstream neighbor's end. */
	FD(NULL, "pim.res_bytes", "Reserved", 0, 8, ST_FMT_BYTES),
	FD(NULL, "pim.numgroups", "Num Groups", 8, 8, ST_FMT_DEC),
	FD(NULL, "pim.holdtime", "Holdtime", 16, 16, ST_FMT_DEC),
	/* From a group's end. */
	FD(NULL, "pim.numjoins", "Num Joins", 0, 16, ST_FMT_DEC),
	FD(NULL, "pim.numprunes", "Num Prunes", 16, 16, ST_FMT_DEC),
	/* An assert's, from the source's end. */
	FD(NULL, "pim.rpt", "RP Tree", 0, 1, ST_FMT_BOOL),
	FD(NULL, "pim.metric_pref", "Metric Preference", 1, 31, ST_FMT_DEC),
	FD(NULL, "pim.metric", "Metric", 32, 32, ST_FMT_DEC),
	/* A register's, the version of the packet it carries. */
	FD(NULL, "pim.ip_version", "IP Version", 64, 4, ST_FMT_DEC),
};

/* An encoded address's rows, from its start. */
static const struct st_field_desc addr_fields[] = {
	FD(NULL, "pim.addr_address_family", "Address Family", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "pim.addr_encoding_type", "Encoding Type", 8, 8, ST_FMT_DEC),
	FD(NULL, "pim.unicast", "Unicast", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.unicast_ipv6", "Unicast", 16, 128, ST_FMT_IPV6),
	FD(NULL, "pim.group_addr.flags", "Flags", 16, 8, ST_FMT_HEX),
	FDD(NULL, "pim.group_addr.flags.b", "Bidirectional PIM", 16, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "pim.group_addr.flags.reserved", "Reserved", 17, 6,
	    ST_FMT_HEX),
	FDD(NULL, "pim.group_addr.flags.z", "Admin Scope Zone", 23, 1,
	    ST_FMT_BOOL),
	FD(NULL, "pim.source_addr.flags", "Flags", 16, 8, ST_FMT_HEX),
	FDD(NULL, "pim.source_addr.flags.reserved", "Reserved", 16, 5,
	    ST_FMT_HEX),
	FDD(NULL, "pim.source_addr.flags.s", "Sparse", 21, 1, ST_FMT_BOOL),
	FDD(NULL, "pim.source_addr.flags.w", "WildCard", 22, 1, ST_FMT_BOOL),
	FDD(NULL, "pim.source_addr.flags.r", "Rendezvous Point Tree", 23, 1,
	    ST_FMT_BOOL),
	FD(NULL, "pim.mask_len", "Masklen", 24, 8, ST_FMT_DEC),
	FD(NULL, "pim.group", "Group", 32, 32, ST_FMT_IPV4),
	FD(NULL, "pim.group_ip6", "Group", 32, 128, ST_FMT_IPV6),
	FD(NULL, "pim.source", "Source", 32, 32, ST_FMT_IPV4),
	FD(NULL, "pim.source_ip6", "Source", 32, 128, ST_FMT_IPV6),
};

/* A hello option's rows, from its start. */
static const struct st_field_desc opt_fields[] = {
	FD(NULL, "pim.optiontype", "Type", 0, 16, ST_FMT_DEC),
	FD(NULL, "pim.optionlength", "Length", 16, 16, ST_FMT_DEC),
	FD(NULL, "pim.holdtime", "Holdtime", 32, 16, ST_FMT_DEC),
	FD(NULL, "pim.t", "T", 32, 1, ST_FMT_BOOL),
	FD(NULL, "pim.propagation_delay", "Propagation Delay", 33, 15,
	    ST_FMT_DEC),
	FD(NULL, "pim.override_interval", "Override Interval", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "pim.dr_priority", "DR Priority", 32, 32, ST_FMT_DEC),
	FD(NULL, "pim.generation_id", "Generation ID", 32, 32, ST_FMT_DEC),
};

/* The names an encoded address goes by as a whole, by role (IPv4, IPv6). */
enum { P_UPSTREAM, P_GROUP, P_JOIN, P_PRUNE, P_SOURCE, P_ADDRLIST, P_BSR,
	P_RP, P_OFFER, P_WINNER };
static const struct st_field_desc role_fields[] = {
	FD(NULL, "pim.upstream_neighbor", "Upstream-neighbor", 16, 32,
	    ST_FMT_IPV4),
	FD(NULL, "pim.group", "Group", 32, 32, ST_FMT_IPV4),
	FD(NULL, "pim.join_ip", "IP address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "pim.prune_ip", "IP address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "pim.source", "Source", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.address_list", "Address", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.bsr", "BSR", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.rp", "RP", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.bidir_offering_ip4", "Offering IP", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.bidir_winner_ip4", "New Winner IP", 16, 32, ST_FMT_IPV4),
	FD(NULL, "pim.upstream_neighbor_ip6", "Upstream-neighbor", 16, 128,
	    ST_FMT_IPV6),
	FD(NULL, "pim.group_ip6", "Group", 32, 128, ST_FMT_IPV6),
	FD(NULL, "pim.join_ip6", "IP address", 32, 128, ST_FMT_IPV6),
	FD(NULL, "pim.prune_ip6", "IP address", 32, 128, ST_FMT_IPV6),
	FD(NULL, "pim.source_ip6", "Source", 16, 128, ST_FMT_IPV6),
	FD(NULL, "pim.address_list_ip6", "Address", 16, 128, ST_FMT_IPV6),
	FD(NULL, "pim.bsr_ip6", "BSR", 16, 128, ST_FMT_IPV6),
	FD(NULL, "pim.rp_ip6", "RP", 16, 128, ST_FMT_IPV6),
	FD(NULL, "pim.bidir_offering_ip6", "Offering IP", 16, 128,
	    ST_FMT_IPV6),
	FD(NULL, "pim.bidir_winner_ip6", "New Winner IP", 16, 128,
	    ST_FMT_IPV6),
};
#define P_V6	10

/* A bidir DF election's rows (RFC 5015 3.7). */
enum { D_SUB, D_RSVD, D_MPREF, D_METRIC, D_OMPREF, D_OMETRIC, D_OINT,
	D_WMPREF, D_WMETRIC };
static const struct st_valname df_names[] = {
	{ 1, "Offer" }, { 2, "Winner" }, { 3, "Backoff" }, { 4, "Pass" },
	{ 0, NULL }
};
static const struct st_field_desc df_fields[] = {
	/* from the message's start, in place of the reserved byte */
	FDN(NULL, "pim.df_elect.subtype", "DF subtype", 8, 4, ST_FMT_DEC,
	    df_names),
	FD(NULL, "pim.df_elect.rsvd", "DF reserved", 12, 4, ST_FMT_DEC),
	/* from the RP's end */
	FD(NULL, "pim.metric_pref", "DF metric preference", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "pim.metric", "Metric", 32, 32, ST_FMT_DEC),
	/* from a backoff's offering address's end */
	FD(NULL, "pim.bidir_off_metric_pref", "Offering metric preference",
	    0, 32, ST_FMT_DEC),
	FD(NULL, "pim.bidir_off_metric", "Offering metric", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "pim.bidir_offering_interval", "Offering interval (ms)", 64,
	    16, ST_FMT_DEC),
	/* from a pass's new winner's end */
	FD(NULL, "pim.bidir_win_metric_pref", "Winner metric preference", 0,
	    32, ST_FMT_DEC),
	FD(NULL, "pim.bidir_win_metric", "Winner metric", 32, 32,
	    ST_FMT_DEC),
};

/* A bootstrap's and a candidate-RP advertisement's rows (RFC 5059). */
enum { B_FTAG, B_HASH, B_BPRI, B_RPC, B_FRPC, B_HOLD, B_PRI, B_RES, B_PFX,
	B_CPRI, B_CHOLD };
static const struct st_field_desc bsr_fields[] = {
	/* from byte 4 of a bootstrap */
	FD(NULL, "pim.fragment_tag", "Fragment tag", 0, 16, ST_FMT_HEX),
	FD(NULL, "pim.hash_mask_len", "Hash mask len", 16, 8, ST_FMT_DEC),
	FD(NULL, "pim.bsr_priority", "BSR priority", 24, 8, ST_FMT_DEC),
	/* from a group's end */
	FD(NULL, "pim.rp_count", "RP count", 0, 8, ST_FMT_DEC),
	FD(NULL, "pim.frp_count", "FRP count", 8, 8, ST_FMT_DEC),
	/* from an RP's end */
	FD(NULL, "pim.holdtime", "Holdtime", 0, 16, ST_FMT_DEC),
	FD(NULL, "pim.priority", "Priority", 16, 8, ST_FMT_DEC),
	FD(NULL, "pim.res_bytes", "Reserved", 24, 8, ST_FMT_BYTES),
	/* from byte 4 of a candidate-RP advertisement */
	FD(NULL, "pim.prefix_count", "Prefix count", 0, 8, ST_FMT_DEC),
	FD(NULL, "pim.priority", "Priority", 8, 8, ST_FMT_DEC),
	FD(NULL, "pim.holdtime", "Holdtime", 16, 16, ST_FMT_DEC),
};

static const struct st_ckspec pim_ck = {
	.field = &pim_fields[F_CKSUM],
	.status = &pim_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

/* A register's checksum covers its header alone. */
static const struct st_ckspec pim_regck = {
	.field = &pim_fields[F_CKSUM],
	.status = &pim_fields[F_CKSTAT],
	.cover = ST_CKC_HEADER,
	.fam = 4,
};

/* Over IPv6 both add a pseudo-header, next header 103 (RFC 7761 4.9). */
static const struct st_ckspec pim_ck6 = {
	.field = &pim_fields[F_CKSUM],
	.status = &pim_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 6,
	.pseudo = 103,
};
static const struct st_ckspec pim_regck6 = {
	.field = &pim_fields[F_CKSUM],
	.status = &pim_fields[F_CKSTAT],
	.cover = ST_CKC_HEADER,
	.fam = 6,
	.pseudo = 103,
};

/* Adds row fd at byte off of c; c->err takes the outcome. */
static struct st_field *
at(struct st_dctx *d, struct st_cur *c, size_t off,
    const struct st_field_desc *fd)
{
	struct st_cur w = *c;
	struct st_field *f;

	w.off += off;
	f = st_dfield(d, &w, fd);
	if (c->err == ST_OK)
		c->err = w.err;
	return f;
}

/*
 * The encoded address at byte off, as role: kind 'u' (unicast), 'g'
 * (group) or 's' (source); 'r' a unicast one by its role's row alone.  Returns its length, or 0 (c->err set or the
 * layer malformed).
 */
static size_t
pim_addr(struct st_dctx *d, struct st_cur *c, size_t off, int kind,
    int role)
{
	struct st_cur w = *c;
	unsigned fam, v6;
	size_t pre = kind == 'u' || kind == 'r' ? 2 : 4;

	w.off += off;
	if (!st_cur_need(&w, 2)) {
		c->err = w.err;
		return 0;
	}
	fam = (unsigned)st_peek_bits(&w, 0, 8);
	if (fam != 1 && fam != 2) {
		st_dmalformed(d, "address family %u", fam);
		return 0;
	}
	v6 = fam == 2;
	if (!st_cur_need(&w, pre + (v6 ? 16 : 4))) {
		c->err = w.err;
		return 0;
	}
	/* The whole first, as Wireshark names it by role. */
	at(d, c, off, &role_fields[role + (v6 ? P_V6 : 0)]);
	if (kind == 'r')
		return c->err == ST_OK ? pre + (v6 ? 16 : 4) : 0;
	st_dfields(d, &w, addr_fields, A_UNI4);
	if (kind == 'u')
		st_dfield(d, &w, &addr_fields[v6 ? A_UNI6 : A_UNI4]);
	else if (kind == 'g') {
		st_dfields(d, &w, addr_fields + A_GFL, 4);
		st_dfield(d, &w, &addr_fields[A_MASK]);
		st_dfield(d, &w, &addr_fields[v6 ? A_G6 : A_G4]);
	} else {
		st_dfields(d, &w, addr_fields + A_SFL, 6);
		st_dfield(d, &w, &addr_fields[v6 ? A_S6 : A_S4]);
	}
	c->err = w.err;
	return c->err == ST_OK ? pre + (v6 ? 16 : 4) : 0;
}

/* The hello options from byte 4; returns the message's length. */
static size_t
pim_hello(struct st_dctx *d, struct st_cur *c, size_t left)
{
	size_t off = 4, end, a;
	unsigned i, type, len, n;

	for (i = 0; i < PIM_MAX_OPT && off + 4 <= left; i++) {
		at(d, c, off, &opt_fields[O_TYPE]);
		at(d, c, off, &opt_fields[O_LEN]);
		if (c->err != ST_OK)
			return off;
		type = (unsigned)st_peek_bits(c, off * 8, 16);
		len = (unsigned)st_peek_bits(c, off * 8 + 16, 16);
		end = off + 4 + len;
		if (end > left) {
			st_dmalformed(d, "option %u runs past the message",
			    type);
			return off;
		}
		if (type == 1 && len >= 2)
			at(d, c, off, &opt_fields[O_HOLD]);
		else if (type == 2 && len >= 4) {
			at(d, c, off, &opt_fields[O_T]);
			at(d, c, off, &opt_fields[O_PROP]);
			at(d, c, off, &opt_fields[O_OVR]);
		} else if (type == 19 && len >= 4)
			at(d, c, off, &opt_fields[O_DRPRI]);
		else if (type == 20 && len >= 4)
			at(d, c, off, &opt_fields[O_GENID]);
		else if (type == 24)
			for (a = off + 4, n = 0; a < end &&
			    n < PIM_MAX_ITEMS; n++) {
				size_t k = pim_addr(d, c, a, 'u', P_ADDRLIST);

				if (k == 0)
					return a;
				a += k;
			}
		off = end;
	}
	if (off < left && i == PIM_MAX_OPT)
		st_dmalformed(d, "more than %d options", PIM_MAX_OPT);
	return off;
}

/* A join/prune's groups; returns the message's length. */
static size_t
pim_joinprune(struct st_dctx *d, struct st_cur *c)
{
	size_t off = 4, k;
	unsigned g, ng, i, nj, np;

	if ((k = pim_addr(d, c, off, 'u', P_UPSTREAM)) == 0)
		return off;
	off += k;
	at(d, c, off, &pim_fields[F_RES1]);
	at(d, c, off, &pim_fields[F_NGRP]);
	at(d, c, off, &pim_fields[F_HOLD]);
	if (c->err != ST_OK)
		return off;
	ng = (unsigned)st_peek_bits(c, off * 8 + 8, 8);
	off += 4;
	for (g = 0; g < ng; g++) {
		if ((k = pim_addr(d, c, off, 'g', P_GROUP)) == 0)
			return off;
		off += k;
		at(d, c, off, &pim_fields[F_NJOIN]);
		at(d, c, off, &pim_fields[F_NPRUNE]);
		if (c->err != ST_OK)
			return off;
		nj = (unsigned)st_peek_bits(c, off * 8, 16);
		np = (unsigned)st_peek_bits(c, off * 8 + 16, 16);
		off += 4;
		if (nj + np > PIM_MAX_ITEMS) {
			st_dmalformed(d, "%u sources in a group", nj + np);
			return off;
		}
		for (i = 0; i < nj + np; i++) {
			k = pim_addr(d, c, off, 's', i < nj ? P_JOIN :
			    P_PRUNE);
			if (k == 0)
				return off;
			off += k;
		}
	}
	return off;
}

/*
 * A bootstrap (RFC 5059 4.1): the BSR, then groups, each with its
 * fragment's RPs (holdtime, priority, a reserved byte), until the
 * message's length len; returns the length read.
 */
static size_t
pim_bootstrap(struct st_dctx *d, struct st_cur *c, size_t len)
{
	size_t off = 4, k;
	unsigned g, i, nrp;

	at(d, c, off, &bsr_fields[B_FTAG]);
	at(d, c, off, &bsr_fields[B_HASH]);
	at(d, c, off, &bsr_fields[B_BPRI]);
	if (c->err != ST_OK || (k = pim_addr(d, c, off + 4, 'u', P_BSR)) ==
	    0)
		return off;
	off += 4 + k;
	for (g = 0; off < len && g < PIM_MAX_ITEMS; g++) {
		if ((k = pim_addr(d, c, off, 'g', P_GROUP)) == 0)
			return off;
		off += k;
		at(d, c, off, &bsr_fields[B_RPC]);
		at(d, c, off, &bsr_fields[B_FRPC]);
		if (c->err != ST_OK)
			return off;
		nrp = (unsigned)st_peek_bits(c, off * 8 + 8, 8);
		off += 4;	/* the counts and 2 reserved bytes */
		for (i = 0; i < nrp; i++) {
			if (off >= len) {
				st_dmalformed(d, "%u RPs beyond the message",
				    nrp - i);
				return off;
			}
			if ((k = pim_addr(d, c, off, 'u', P_RP)) == 0)
				return off;
			off += k;
			at(d, c, off, &bsr_fields[B_HOLD]);
			at(d, c, off, &bsr_fields[B_PRI]);
			at(d, c, off, &bsr_fields[B_RES]);
			if (c->err != ST_OK)
				return off;
			off += 4;
		}
	}
	if (off < len)
		st_dmalformed(d, "more than %d groups", PIM_MAX_ITEMS);
	return off;
}

/* A candidate-RP advertisement (RFC 5059 4.2): its RP and groups. */
static size_t
pim_crpadv(struct st_dctx *d, struct st_cur *c)
{
	size_t off = 4, k;
	unsigned i, n;

	at(d, c, off, &bsr_fields[B_PFX]);
	at(d, c, off, &bsr_fields[B_CPRI]);
	at(d, c, off, &bsr_fields[B_CHOLD]);
	if (c->err != ST_OK || (k = pim_addr(d, c, off + 4, 'u', P_RP)) ==
	    0)
		return off;
	n = (unsigned)st_peek_bits(c, off * 8, 8);
	off += 4 + k;
	for (i = 0; i < n; i++) {
		if ((k = pim_addr(d, c, off, 'g', P_GROUP)) == 0)
			return off;
		off += k;
	}
	return off;
}

/* A DF election: the RP and its metric, a backoff's offer or a pass's new
 * winner. */
static size_t
pim_dfelect(struct st_dctx *d, struct st_cur *c)
{
	unsigned sub = (unsigned)st_peek_bits(c, 8, 4);
	size_t off = 4, k;

	if ((k = pim_addr(d, c, off, 'u', P_RP)) == 0)
		return off;
	off += k;
	at(d, c, off, &df_fields[D_MPREF]);
	at(d, c, off, &df_fields[D_METRIC]);
	off += 8;
	if (c->err != ST_OK || (sub != 3 && sub != 4))
		return off;
	/* Wireshark 4.0 leaves these undecoded; the address is given by
	 * its role's name alone, not also as a generic unicast one. */
	if ((k = pim_addr(d, c, off, 'r', sub == 3 ? P_OFFER : P_WINNER)) ==
	    0)
		return off;
	off += k;
	if (sub == 4) {
		at(d, c, off, &df_fields[D_WMPREF]);
		at(d, c, off, &df_fields[D_WMETRIC]);
		return off + 8;
	}
	at(d, c, off, &df_fields[D_OMPREF]);
	at(d, c, off, &df_fields[D_OMETRIC]);
	at(d, c, off, &df_fields[D_OINT]);
	return off + 10;
}

/* An assert or a register-stop: a group, a source, an assert's metric. */
static size_t
pim_grpsrc(struct st_dctx *d, struct st_cur *c, int assert)
{
	size_t off = 4, k;

	if ((k = pim_addr(d, c, off, 'g', P_GROUP)) == 0)
		return off;
	off += k;
	if ((k = pim_addr(d, c, off, 'u', P_SOURCE)) == 0)
		return off;
	off += k;
	if (assert) {
		at(d, c, off, &pim_fields[F_RPT]);
		at(d, c, off, &pim_fields[F_MPREF]);
		at(d, c, off, &pim_fields[F_METRIC]);
		off += 8;
	}
	return off;
}

static int
pim_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr = left;
	struct st_field *ck;
	unsigned type, ver;

	st_dfields(d, c, pim_fields, 2);
	/* A DF election's second byte is its subtype (RFC 5015). */
	if (st_cur_left(c) > 0 && st_peek_bits(c, 0, 8) == 0x2a)
		st_dfields(d, c, df_fields, 2);
	else
		st_dbytes(d, c, &pim_fields[F_RES], 1, 1);
	ck = st_dfield(d, c, &pim_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	if (st_peek_bits(c, 0, 4) != 2) {
		d->hdr = 4;
		d->data = 1;
		return st_dmalformed(d, "PIM version %u",
		    (unsigned)st_peek_bits(c, 0, 4));
	}
	type = (unsigned)st_peek_bits(c, 4, 4);
	switch (type) {
	case 0:
		hdr = pim_hello(d, c, left);
		break;
	case 1:
		st_dfields(d, c, pim_fields + F_REGFL, 3);
		hdr = 8;
		break;
	case 2:
	case 5:
		hdr = pim_grpsrc(d, c, type == 5);
		break;
	case 3:
	case 6:
	case 7:
		hdr = pim_joinprune(d, c);
		break;
	case 4:
		/* groups until the message ends, captured or not */
		hdr = pim_bootstrap(d, c, d->net.fam != 0 ? d->net.tlen :
		    left);
		break;
	case 8:
		hdr = pim_crpadv(d, c);
		break;
	case 10:
		hdr = pim_dfelect(d, c);
		break;
	}
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	d->hdr = hdr < left ? hdr : left;
	if (ck != NULL && d->net.frag) {
		/* A fragment's checksum is not verified, as Wireshark's. */
		ck->ck = ST_CK_UNVERIFIED;
		ck->aux = ST_CKU_FRAGMENT;
		st_dckstatus(d, ck, &pim_fields[F_CKSTAT]);
	} else if (ck != NULL && d->net.fam == 6)
		st_dck(d, c, type == 1 ? &pim_regck6 : &pim_ck6, ck,
		    type == 1 ? 8 : d->hdr);
	else if (ck != NULL)
		st_dck(d, c, type == 1 ? &pim_regck : &pim_ck, ck,
		    type == 1 ? 8 : d->hdr);
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (type == 1 && left > 8)
		st_dfield(d, c, &pim_fields[F_IPVER]);
	ver = type == 1 && left > 8 ? (unsigned)st_peek_bits(c, 64, 4) : 0;
	if ((ver == 4 || ver == 6) && !st_peek_bits(c, 33, 1)) {
		struct st_cur q = *c;

		/* The multicast packet it carries, by its version (another
		 * is data, as Wireshark's dummy header). */
		q.off += 8;
		st_dnest(d, &q, ST_KEY_ETHERTYPE, ver == 6 ? 0x86dd : 0x0800);
		return ST_OK;
	}
	d->data = 1;
	return ST_OK;
}

static const struct st_bind pim_binds[] = {
	{ ST_KEY_IPPROTO, 103 },
};

/* "pim v2 Hello", "pim v2 Join/Prune group 225.0.0.1". */
static int
pim_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_METRIC + 1], *g[A_S6 + 1];
	struct st_out *o = s->o;
	const char *m;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, pim_fields, F_METRIC + 1, f);
	st_ly_fields(s->pkt, ly, addr_fields, A_S6 + 1, g);
	st_out_puts(o, "pim v2");
	if (f[F_TYPE] == NULL)
		return 1;
	if ((m = st_field_meaning(f[F_TYPE])) != NULL)
		st_out_printf(o, " %s", m);
	else
		st_out_printf(o, " type %u", (unsigned)f[F_TYPE]->val);
	if (g[A_G4] != NULL || g[A_G6] != NULL) {
		st_out_puts(o, " group ");
		s->value(s, g[A_G4] != NULL ? g[A_G4] : g[A_G6]);
	}
	return 1;
}

static const struct st_field_desc *const pim_keys[] = {
	&pim_fields[F_TYPE], &pim_fields[F_CKSUM], NULL,
};

const struct st_proto st_proto_pim = {
	.name = "pim",
	.ws = "pim",
	.title = "Protocol Independent Multicast",
	.rfc = "RFC 7761",
	.role = ST_ROLE_CONTROL,
	.fields = pim_fields,
	.nfields = NFIELDS(pim_fields),
	.more = addr_fields,
	.nmore = NFIELDS(addr_fields),
	.decode = pim_decode,
	.binds = pim_binds,
	.nbinds = NFIELDS(pim_binds),
	.cksum = &pim_ck,
	.summary = pim_summary,
	.keys = pim_keys,
	.color = "\033[36m",
	.explain = "Multicast routers find neighbors (Hello), join and "
	    "prune the distribution trees of groups toward a source or a "
	    "rendezvous point (Join/Prune), and elect one forwarder per link "
	    "(Assert).  A first-hop router sends a source's packets to the "
	    "rendezvous point wrapped in a Register, decoded here as a nested "
	    "packet.  Addresses are encoded with their family, and group and "
	    "source addresses with a mask length and flags.",
};
