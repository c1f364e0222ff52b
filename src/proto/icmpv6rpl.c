/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RPL control messages (RFC 6550 6), ICMPv6 type 155, for icmpv6.c
 * (icmpv6.h): by code, a DODAG Information Solicitation (0), Information
 * Object (1), Destination Advertisement Object (2) and its
 * acknowledgement (3), then options of type, length and value (6.7),
 * shown in the ICMPv6 layer with Wireshark's icmpv6.rpl.* names.
 *
 *  DIO: instance | version | rank (16) | G 0 MOP Prf | DTSN | flags |
 *       reserved | DODAGID (128) | options
 *  DAO: instance | K D flags | reserved | sequence | [DODAGID] | options
 */
#include <arpa/inet.h>

#include "icmpv6.h"

enum {
	R_DIS_FLAGS, R_RES8,
	R_DIO_INST, R_DIO_VER, R_DIO_RANK, R_DIO_FLAG, R_DIO_G, R_DIO_0,
	R_DIO_MOP, R_DIO_PRF, R_DIO_DTSN, R_DIO_FLAG2, R_DIO_DAGID,
	R_DAO_INST, R_DAO_FLAG, R_DAO_K, R_DAO_D, R_DAO_RSV, R_DAO_SEQ,
	R_DAO_DAGID,
	R_ACK_INST, R_ACK_FLAG, R_ACK_D, R_ACK_RSV, R_ACK_SEQ, R_ACK_STATUS,
	R_ACK_DAGID,
	R_OTYPE, R_OLEN, R_PADN, R_MTYPE, R_ODATA,
	R_RPLEN, R_RFLAG, R_RPREF, R_RRES, R_RLIFE, R_RPREFIX,
	R_CFLAG, R_CRES, R_CAUTH, R_CPCS, R_CDOUB, R_CMIN, R_CRED, R_CMAXR,
	R_CMINH, R_COCP, R_CRSV, R_CDEFL, R_CUNIT,
	R_TFLAG, R_TPLEN, R_TPREFIX,
	R_XFLAG, R_XE, R_XRSV, R_XCTL, R_XSEQ, R_XLIFE, R_XPARENT,
	R_SINST, R_SFLAG, R_SV, R_SI, R_SD, R_SRSV, R_SDAGID, R_SVER,
	R_PLEN, R_PFLAG, R_PL, R_PA, R_PR, R_PRSV, R_PVALID, R_PPREF, R_PRES,
	R_PPREFIX,
	R_NROWS
};

static const struct st_valname rpl_opt_names[] = {
	{ 0, "Pad1" }, { 1, "PadN" }, { 2, "DAG Metric Container" },
	{ 3, "Routing Information" }, { 4, "DODAG Configuration" },
	{ 5, "RPL Target" }, { 6, "Transit Information" },
	{ 7, "Solicited Information" }, { 8, "Prefix Information" },
	{ 9, "RPL Target Descriptor" }, { 0, NULL }
};

#define B(n, l, off)	FD(NULL, n, l, off, 1, ST_FMT_BOOL)

/* Bit offsets from the start of the part each row belongs to: the
 * message for the bases, the option for the options. */
static const struct st_field_desc rpl_rows[R_NROWS] = {
	[R_DIS_FLAGS] = FD(NULL, "icmpv6.rpl.dis.flags", "DIS flags", 32, 8,
	    ST_FMT_DEC),
	[R_RES8] = FD(NULL, st_icmpv6_reserved, "Reserved", 0, 8,
	    ST_FMT_BYTES),
	[R_DIO_INST] = FD(NULL, "icmpv6.rpl.dio.instance", "RPLInstanceID",
	    32, 8, ST_FMT_DEC),
	[R_DIO_VER] = FD(NULL, "icmpv6.rpl.dio.version", "Version", 40, 8,
	    ST_FMT_DEC),
	[R_DIO_RANK] = FD(NULL, "icmpv6.rpl.dio.rank", "Rank", 48, 16,
	    ST_FMT_DEC),
	[R_DIO_FLAG] = FD(NULL, "icmpv6.rpl.dio.flag", "Flags (G, MOP, "
	    "Prf)", 64, 8, ST_FMT_HEX),
	[R_DIO_G] = B("icmpv6.rpl.dio.flag.g", "Grounded", 64),
	[R_DIO_0] = B("icmpv6.rpl.dio.flag.0", "Zero", 65),
	[R_DIO_MOP] = FD(NULL, "icmpv6.rpl.dio.flag.mop", "Mode of "
	    "operation", 66, 3, ST_FMT_HEX),
	[R_DIO_PRF] = FD(NULL, "icmpv6.rpl.dio.flag.preference", "DODAG "
	    "preference", 69, 3, ST_FMT_DEC),
	[R_DIO_DTSN] = FD(NULL, "icmpv6.rpl.dio.dtsn", "Destination "
	    "advertisement trigger sequence number", 72, 8, ST_FMT_DEC),
	[R_DIO_FLAG2] = FD(NULL, "icmpv6.rpl.dio.flag", "Flags", 80, 8,
	    ST_FMT_HEX),
	[R_DIO_DAGID] = FD(NULL, "icmpv6.rpl.dio.dagid", "DODAGID", 96, 128,
	    ST_FMT_IPV6),
	[R_DAO_INST] = FD(NULL, "icmpv6.rpl.dao.instance", "RPLInstanceID",
	    32, 8, ST_FMT_DEC),
	[R_DAO_FLAG] = FD(NULL, "icmpv6.rpl.dao.flag", "Flags", 40, 8,
	    ST_FMT_HEX),
	[R_DAO_K] = B("icmpv6.rpl.dao.flag.k", "DAO-ACK request", 40),
	[R_DAO_D] = B("icmpv6.rpl.dao.flag.d", "DODAGID present", 41),
	[R_DAO_RSV] = FD(NULL, "icmpv6.rpl.dao.flag.rsv", "Reserved", 42, 6,
	    ST_FMT_DEC),
	[R_DAO_SEQ] = FD(NULL, "icmpv6.rpl.dao.sequence", "DAO sequence", 56,
	    8, ST_FMT_DEC),
	[R_DAO_DAGID] = FD(NULL, "icmpv6.rpl.dao.dodagid", "DODAGID", 64, 128,
	    ST_FMT_IPV6),
	[R_ACK_INST] = FD(NULL, "icmpv6.rpl.daoack.instance",
	    "RPLInstanceID", 32, 8, ST_FMT_DEC),
	[R_ACK_FLAG] = FD(NULL, "icmpv6.rpl.daoack.flag", "Flags", 40, 8,
	    ST_FMT_HEX),
	[R_ACK_D] = B("icmpv6.rpl.daoack.flag.d", "DODAGID present", 40),
	[R_ACK_RSV] = FD(NULL, "icmpv6.rpl.daoack.flag.rsv", "Reserved", 41,
	    7, ST_FMT_DEC),
	[R_ACK_SEQ] = FD(NULL, "icmpv6.rpl.daoack.sequence", "DAO sequence",
	    48, 8, ST_FMT_DEC),
	[R_ACK_STATUS] = FD(NULL, "icmpv6.rpl.daoack.status", "Status", 56, 8,
	    ST_FMT_DEC),
	[R_ACK_DAGID] = FD(NULL, "icmpv6.rpl.daoack.dodagid", "DODAGID", 64,
	    128, ST_FMT_IPV6),
	[R_OTYPE] = FDN(NULL, "icmpv6.rpl.opt.type", "Option type", 0, 8,
	    ST_FMT_DEC, rpl_opt_names),
	[R_OLEN] = FD(NULL, "icmpv6.rpl.opt.length", "Option length", 8, 8,
	    ST_FMT_DEC),
	[R_PADN] = FD(NULL, "icmpv6.rpl.opt.padn", "Paddn", 16, 0,
	    ST_FMT_BYTES),
	[R_MTYPE] = FD(NULL, "icmpv6.rpl.opt.metric.type", "Routing metric "
	    "type", 16, 8, ST_FMT_DEC),
	[R_ODATA] = FD(NULL, st_icmpv6_data, "Data", 16, 0, ST_FMT_BYTES),
	[R_RPLEN] = FD(NULL, "icmpv6.rpl.opt.route.prefix_length", "Prefix "
	    "length", 16, 8, ST_FMT_DEC),
	[R_RFLAG] = FD(NULL, "icmpv6.rpl.opt.route.flag", "Flag", 24, 8,
	    ST_FMT_HEX),
	[R_RPREF] = FD(NULL, "icmpv6.rpl.opt.route.pref", "Preference", 27,
	    2, ST_FMT_DEC),
	[R_RRES] = FD(NULL, "icmpv6.rpl.opt.route.reserved", "Reserved", 24,
	    8, ST_FMT_DEC),
	[R_RLIFE] = FD(NULL, "icmpv6.rpl.opt.route.lifetime", "Route "
	    "lifetime", 32, 32, ST_FMT_DEC),
	[R_RPREFIX] = FD(NULL, "icmpv6.rpl.opt.route.prefix", "Prefix", 64, 0,
	    ST_FMT_TEXT),
	[R_CFLAG] = FD(NULL, "icmpv6.rpl.opt.config.flag", "Flag", 16, 8,
	    ST_FMT_HEX),
	[R_CRES] = FD(NULL, "icmpv6.rpl.opt.config.reserved", "Reserved", 16,
	    4, ST_FMT_DEC),
	[R_CAUTH] = B("icmpv6.rpl.opt.config.auth", "Authentication "
	    "enabled", 20),
	[R_CPCS] = FD(NULL, "icmpv6.rpl.opt.config.pcs", "Path control size",
	    21, 3, ST_FMT_DEC),
	[R_CDOUB] = FD(NULL, "icmpv6.rpl.opt.config.interval_double", "DIO "
	    "interval doublings", 24, 8, ST_FMT_DEC),
	[R_CMIN] = FD(NULL, "icmpv6.rpl.opt.config.interval_min", "DIO "
	    "interval min", 32, 8, ST_FMT_DEC),
	[R_CRED] = FD(NULL, "icmpv6.rpl.opt.config.redundancy", "DIO "
	    "redundancy constant", 40, 8, ST_FMT_DEC),
	[R_CMAXR] = FD(NULL, "icmpv6.rpl.opt.config.max_rank_inc", "Max rank "
	    "increase", 48, 16, ST_FMT_DEC),
	[R_CMINH] = FD(NULL, "icmpv6.rpl.opt.config.min_hop_rank_inc", "Min "
	    "hop rank increase", 64, 16, ST_FMT_DEC),
	[R_COCP] = FD(NULL, "icmpv6.rpl.opt.config.ocp", "Objective code "
	    "point", 80, 16, ST_FMT_DEC),
	[R_CRSV] = FD(NULL, "icmpv6.rpl.opt.config.rsv", "Reserved", 96, 8,
	    ST_FMT_DEC),
	[R_CDEFL] = FD(NULL, "icmpv6.rpl.opt.config.def_lifetime", "Default "
	    "lifetime", 104, 8, ST_FMT_DEC),
	[R_CUNIT] = FD(NULL, "icmpv6.rpl.opt.config.lifetime_unit", "Lifetime "
	    "unit", 112, 16, ST_FMT_DEC),
	[R_TFLAG] = FD(NULL, "icmpv6.rpl.opt.target.flag", "Reserved", 16, 8,
	    ST_FMT_BYTES),
	[R_TPLEN] = FD(NULL, "icmpv6.rpl.opt.target.prefix_length", "Target "
	    "length", 24, 8, ST_FMT_DEC),
	[R_TPREFIX] = FD(NULL, "icmpv6.rpl.opt.target.prefix", "Target", 32,
	    0, ST_FMT_TEXT),
	[R_XFLAG] = FD(NULL, "icmpv6.rpl.opt.transit.flag", "Flags", 16, 8,
	    ST_FMT_HEX),
	[R_XE] = B("icmpv6.rpl.opt.transit.flag.e", "External", 16),
	[R_XRSV] = FD(NULL, "icmpv6.rpl.opt.transit.flag.rsv", "Reserved", 17,
	    7, ST_FMT_DEC),
	[R_XCTL] = FD(NULL, "icmpv6.rpl.opt.transit.pathctl", "Path control",
	    24, 8, ST_FMT_DEC),
	[R_XSEQ] = FD(NULL, "icmpv6.rpl.opt.transit.pathseq", "Path "
	    "sequence", 32, 8, ST_FMT_DEC),
	[R_XLIFE] = FD(NULL, "icmpv6.rpl.opt.transit.pathlifetime", "Path "
	    "lifetime", 40, 8, ST_FMT_DEC),
	[R_XPARENT] = FD(NULL, "icmpv6.rpl.opt.transit.parent", "Parent "
	    "address", 48, 128, ST_FMT_IPV6),
	[R_SINST] = FD(NULL, "icmpv6.rpl.opt.solicited.instance",
	    "RPLInstanceID", 16, 8, ST_FMT_DEC),
	[R_SFLAG] = FD(NULL, "icmpv6.rpl.opt.solicited.flag", "Flag", 24, 8,
	    ST_FMT_HEX),
	[R_SV] = B("icmpv6.rpl.opt.solicited.flag.v", "Version predicate",
	    24),
	[R_SI] = B("icmpv6.rpl.opt.solicited.flag.i", "InstanceID "
	    "predicate", 25),
	[R_SD] = B("icmpv6.rpl.opt.solicited.flag.d", "DODAGID predicate",
	    26),
	[R_SRSV] = FD(NULL, "icmpv6.rpl.opt.solicited.flag.rsv", "Reserved",
	    27, 5, ST_FMT_DEC),
	[R_SDAGID] = FD(NULL, "icmpv6.rpl.opt.solicited.dodagid", "DODAGID",
	    32, 128, ST_FMT_IPV6),
	[R_SVER] = FD(NULL, "icmpv6.rpl.opt.solicited.version", "Version",
	    160, 8, ST_FMT_DEC),
	[R_PLEN] = FD(NULL, "icmpv6.rpl.opt.prefix.length", "Prefix length",
	    16, 8, ST_FMT_DEC),
	[R_PFLAG] = FD(NULL, "icmpv6.rpl.opt.prefix.flag", "Flag", 24, 8,
	    ST_FMT_HEX),
	[R_PL] = B("icmpv6.rpl.opt.prefix.flag.l", "On link", 24),
	[R_PA] = B("icmpv6.rpl.opt.config.flag.a", "Autonomous address "
	    "configuration", 25),
	[R_PR] = B("icmpv6.rpl.opt.config.flag.r", "Router address", 26),
	[R_PRSV] = FD(NULL, "icmpv6.rpl.opt.config.flag.rsv", "Reserved", 27,
	    5, ST_FMT_DEC),
	[R_PVALID] = FD(NULL, "icmpv6.rpl.opt.prefix.valid_lifetime", "Valid "
	    "lifetime", 32, 32, ST_FMT_DEC),
	[R_PPREF] = FD(NULL, "icmpv6.rpl.opt.prefix.preferred_lifetime",
	    "Preferred lifetime", 64, 32, ST_FMT_DEC),
	[R_PRES] = FD(NULL, "icmpv6.rpl.opt.reserved", "Reserved", 96, 32,
	    ST_FMT_BYTES),
	[R_PPREFIX] = FD(NULL, "icmpv6.rpl.opt.prefix", "Destination prefix",
	    128, 128, ST_FMT_IPV6),
};

#define RPL_MAXOPT	64	/* options in one message */

/* The route information's reserved bits, as Wireshark masks them (0xe7),
 * are shown with the byte's other bits cleared. */
#define ROUTE_RES_MASK	0xe7

/* Rows [first, last] at byte off of c. */
static void
rows(struct st_dctx *d, struct st_cur *c, unsigned first, unsigned last,
    size_t off)
{
	st_dfields_at(d, c, off, rpl_rows + first, last - first + 1);
}

/* A prefix of plen bits from the n bytes at off (zeros after), as a text
 * field of row r. */
static void
prefix(struct st_dctx *d, struct st_cur *c, unsigned r, size_t off,
    size_t n)
{
	uint8_t a[16] = { 0 };
	char text[INET6_ADDRSTRLEN];
	size_t i;

	if (n > 16)
		n = 16;
	for (i = 0; i < n; i++)
		a[i] = (uint8_t)st_peek_bits(c, (off + i) * 8, 8);
	if (c->err == ST_OK && inet_ntop(AF_INET6, a, text, sizeof(text)))
		st_dtext(d, c, &rpl_rows[r], off, n, text);
}

/* One option of n bytes (type and length included) at off. */
static void
option(struct st_dctx *d, struct st_cur *c, unsigned type, size_t off,
    size_t n)
{
	struct st_field *f;
	struct st_cur t;
	size_t len = n - 2;

	switch (type) {
	case 1:
		if (len > 0)
			st_dbytes(d, c, &rpl_rows[R_PADN], off + 2, len);
		return;
	case 2:
		if (len >= 1)
			rows(d, c, R_MTYPE, R_MTYPE, off);
		return;
	case 3:
		rows(d, c, R_RPLEN, R_RPREF, off);
		t = *c;
		if (st_cur_skip(&t, off) &&
		    (f = st_dfield(d, &t, &rpl_rows[R_RRES])) != NULL)
			f->val &= ROUTE_RES_MASK;
		rows(d, c, R_RLIFE, R_RLIFE, off);
		if (len > 6)
			prefix(d, c, R_RPREFIX, off + 8, len - 6);
		return;
	case 4:
		rows(d, c, R_CFLAG, R_CUNIT, off);
		return;
	case 5:
		rows(d, c, R_TFLAG, R_TPLEN, off);
		if (len > 2)
			prefix(d, c, R_TPREFIX, off + 4, len - 2);
		return;
	case 6:
		rows(d, c, R_XFLAG, R_XLIFE, off);
		if (len >= 20)
			rows(d, c, R_XPARENT, R_XPARENT, off);
		return;
	case 7:
		rows(d, c, R_SINST, R_SVER, off);
		return;
	case 8:
		rows(d, c, R_PLEN, R_PPREFIX, off);
		return;
	}
	if (len > 0)
		st_dbytes(d, c, &rpl_rows[R_ODATA], off + 2, len);
}

/* The options from byte pos to n. */
static void
options(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	size_t len;
	unsigned type, k;

	for (k = 0; k < RPL_MAXOPT && pos < n && c->err == ST_OK; k++) {
		type = (unsigned)st_peek_bits(c, pos * 8, 8);
		st_dfields_at(d, c, pos, rpl_rows + R_OTYPE, 1);
		if (type == 0) {		/* Pad1: a type alone */
			pos++;
			continue;
		}
		st_dfields_at(d, c, pos, rpl_rows + R_OLEN, 1);
		if (c->err != ST_OK)
			return;
		len = 2 + (size_t)st_peek_bits(c, pos * 8 + 8, 8);
		if (pos + len > n) {
			/* what of it the message holds, then the mark */
			option(d, c, type, pos, n - pos);
			st_dmalformed(d, "RPL option of %zu bytes runs past "
			    "the message", len);
			return;
		}
		option(d, c, type, pos, len);
		pos += len;
	}
	if (k == RPL_MAXOPT && pos < n)
		st_dmalformed(d, "more than %d RPL options", RPL_MAXOPT);
}

size_t
icmpv6_rpl(struct st_dctx *d, struct st_cur *c, unsigned code, size_t n)
{
	size_t pos;
	uint64_t fl;

	switch (code) {
	case 0:
		rows(d, c, R_DIS_FLAGS, R_DIS_FLAGS, 0);
		st_dfields_at(d, c, 5, rpl_rows + R_RES8, 1);
		pos = 6;
		break;
	case 1:
		rows(d, c, R_DIO_INST, R_DIO_FLAG2, 0);
		st_dfields_at(d, c, 11, rpl_rows + R_RES8, 1);
		rows(d, c, R_DIO_DAGID, R_DIO_DAGID, 0);
		pos = 28;
		break;
	case 2:
		rows(d, c, R_DAO_INST, R_DAO_RSV, 0);
		st_dfields_at(d, c, 6, rpl_rows + R_RES8, 1);
		rows(d, c, R_DAO_SEQ, R_DAO_SEQ, 0);
		fl = st_peek_bits(c, 40, 8);
		pos = 8;
		if (fl & 0x40) {
			rows(d, c, R_DAO_DAGID, R_DAO_DAGID, 0);
			pos += 16;
		}
		break;
	case 3:
		rows(d, c, R_ACK_INST, R_ACK_DAGID - 1, 0);
		fl = st_peek_bits(c, 40, 8);
		pos = 8;
		if (fl & 0x80) {
			rows(d, c, R_ACK_DAGID, R_ACK_DAGID, 0);
			pos += 16;
		}
		break;
	default:
		/* the secure variants (0x80-0x83) and consistency checks
		 * (0x8a) are not decoded: their bytes as data */
		if (n > 4)
			st_dbytes(d, c, &rpl_rows[R_ODATA], 4, n - 4);
		return n;
	}
	if (c->err == ST_OK && pos <= n)
		options(d, c, pos, n);
	return n;
}
