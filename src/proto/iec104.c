/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEC 60870-5-104, telecontrol of power grids over TCP 2404: each APDU is
 * an APCI (a start byte 0x68, the length of what follows, four control
 * bytes) and, in an I-format APDU, an ASDU (IEC 60870-5-101 clause 7).
 * Wireshark shows them as two protocols from one dissector,
 * iec60870_104 and iec60870_asdu, and so does strata: several APDUs in a
 * segment are an APCI layer and an ASDU layer each.
 *
 *   +------+------+------+------+------+------+
 *   | 0x68 | len  |  control field (4 bytes) |    APCI
 *   +------+------+------+------+------+------+
 *   I: N(S) << 1 (LE16), N(R) << 1 (LE16); S: 01 00, N(R) << 1;
 *   U: a function (STARTDT, STOPDT, TESTFR act/con) in bits 2-7, 3 0 0 0
 *
 *   +------+------+------+------+------+------+----
 *   | type |SQ|num|T|PN|cause| orig | common addr | objects: IOA (LE24)
 *   +------+------+------+------+------+------+----  and element ...
 *
 * Numbers are little-endian.  With SQ set, one address is followed by
 * num elements of consecutive addresses.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "strata/out.h"
#include "fields.h"
#include "indus.h"

#define IEC104_PORT	2404
#define IEC104_START	0x68
#define IEC104_MAXOBJS	127	/* num has 7 bits */

extern const struct st_proto st_proto_iec104, st_proto_iec104asdu;

enum { A_START, A_LEN, A_TYPE, A_UTYPE, A_TX, A_RX, A_NAPCI };

enum { F_TYPEID, F_SQ, F_NUMIX, F_TEST, F_NEGA, F_CAUSE, F_OA, F_ADDR,
	F_IOA, F_IOAGEN, F_SIQ, F_SPI, F_SIQBL, F_SIQSB, F_SIQNT, F_SIQIV,
	F_DIQ, F_DPI, F_DIQBL, F_DIQSB, F_DIQNT, F_DIQIV, F_QDS, F_QDSOV,
	F_QDSBL, F_QDSSB, F_QDSNT, F_QDSIV, F_NORMVAL, F_SCALVAL, F_FLOAT,
	F_SCO, F_SCOON, F_SCOQU, F_SCOSE, F_DCO, F_DCOON, F_DCOQU, F_DCOSE,
	F_QOI, F_CP56, F_CPMS, F_CPMIN, F_CPGEN, F_CPIV, F_CPHOUR, F_CPSU,
	F_CPDAY, F_CPDOW, F_CPMONTH, F_CPYEAR, F_NASDU };

static const struct st_valname apcitype_names[] = {
	{ 0, "I" }, { 1, "S" }, { 3, "U" }, { 0, NULL }
};

static const struct st_valname utype_names[] = {
	{ 0x01, "STARTDT act" }, { 0x02, "STARTDT con" },
	{ 0x04, "STOPDT act" }, { 0x08, "STOPDT con" },
	{ 0x10, "TESTFR act" }, { 0x20, "TESTFR con" }, { 0, NULL }
};

static const struct st_valname typeid_names[] = {
	{ 1, "M_SP_NA_1" }, { 2, "M_SP_TA_1" }, { 3, "M_DP_NA_1" },
	{ 4, "M_DP_TA_1" }, { 5, "M_ST_NA_1" }, { 7, "M_BO_NA_1" },
	{ 9, "M_ME_NA_1" }, { 11, "M_ME_NB_1" }, { 13, "M_ME_NC_1" },
	{ 15, "M_IT_NA_1" }, { 30, "M_SP_TB_1" }, { 31, "M_DP_TB_1" },
	{ 34, "M_ME_TD_1" }, { 35, "M_ME_TE_1" }, { 36, "M_ME_TF_1" },
	{ 45, "C_SC_NA_1" }, { 46, "C_DC_NA_1" }, { 58, "C_SC_TA_1" },
	{ 59, "C_DC_TA_1" }, { 70, "M_EI_NA_1" }, { 100, "C_IC_NA_1" },
	{ 101, "C_CI_NA_1" }, { 103, "C_CS_NA_1" }, { 0, NULL }
};

static const struct st_valname cause_names[] = {
	{ 1, "Per/Cyc" }, { 2, "Back" }, { 3, "Spont" }, { 4, "Init" },
	{ 5, "Req" }, { 6, "Act" }, { 7, "ActCon" }, { 8, "Deact" },
	{ 9, "DeactCon" }, { 10, "ActTerm" }, { 11, "Retrem" },
	{ 12, "Retloc" }, { 13, "File" }, { 20, "Inrogen" },
	{ 44, "UkTypeId" }, { 45, "UkCauseTx" }, { 46, "UkComAdrASDU" },
	{ 47, "UkIOA" }, { 0, NULL }
};

static const struct st_valname dpi_names[] = {
	{ 0, "Indeterminate or Intermediate" }, { 1, "OFF" }, { 2, "ON" },
	{ 3, "Indeterminate" }, { 0, NULL }
};

/* The control field's rows are parts of its four bytes read as one
 * little-endian number, counted from that number's top. */
static const struct st_field_desc apci_fields[A_NAPCI] = {
	[A_START] = FD("start", "iec60870_asdu.start", "START", 0, 8,
	    ST_FMT_HEX),
	[A_LEN] = FD("len", "iec60870_104.apdulen", "ApduLen", 8, 8,
	    ST_FMT_DEC),
	[A_TYPE] = FDN("type", "iec60870_104.type", "Type", 16, 32,
	    ST_FMT_HEX, apcitype_names),
	[A_UTYPE] = FDDN(NULL, "iec60870_104.utype", "UType", 24, 6,
	    ST_FMT_HEX, utype_names),
	[A_TX] = FDD(NULL, "iec60870_104.tx", "Tx", 16, 15, ST_FMT_DEC),
	[A_RX] = FDD(NULL, "iec60870_104.rx", "Rx", 0, 15, ST_FMT_DEC),
};

/* A quality or command byte's bits, by Wireshark's masks. */
#define BIT(n, l, mask_bit) FDD(NULL, n, l, 7 - (mask_bit), 1, ST_FMT_BOOL)

/* Rows are read at the position of their bytes. */
static const struct st_field_desc asdu_fields[F_NASDU] = {
	[F_TYPEID] = FDN("typeid", "iec60870_asdu.typeid", "TypeId", 0, 8,
	    ST_FMT_DEC, typeid_names),
	[F_SQ] = FDD("sq", "iec60870_asdu.sq", "SQ", 8, 1, ST_FMT_BOOL),
	[F_NUMIX] = FDD("numix", "iec60870_asdu.numix", "NumIx", 9, 7,
	    ST_FMT_DEC),
	[F_TEST] = FDD("test", "iec60870_asdu.test", "Test", 16, 1,
	    ST_FMT_BOOL),
	[F_NEGA] = FDD("nega", "iec60870_asdu.nega", "Negative", 17, 1,
	    ST_FMT_BOOL),
	[F_CAUSE] = FDDN("cause", "iec60870_asdu.causetx", "CauseTx", 18, 6,
	    ST_FMT_DEC, cause_names),
	[F_OA] = FD("oa", "iec60870_asdu.oa", "OA", 24, 8, ST_FMT_DEC),
	[F_ADDR] = FD("addr", "iec60870_asdu.addr", "Addr", 32, 16,
	    ST_FMT_DEC),
	[F_IOA] = FD(NULL, "iec60870_asdu.ioa", "IOA", 0, 24, ST_FMT_DEC),
	/* With SQ: the address of each element after the first. */
	[F_IOAGEN] = FDG("iec60870_asdu.ioa", "IOA (the one before, plus "
	    "one)", ST_FMT_DEC, NULL),
	[F_SIQ] = FD(NULL, "iec60870_asdu.siq", "SIQ", 0, 8, ST_FMT_HEX),
	[F_SPI] = BIT("iec60870_asdu.siq.spi", "SPI", 0),
	[F_SIQBL] = BIT("iec60870_asdu.siq.bl", "BL", 4),
	[F_SIQSB] = BIT("iec60870_asdu.siq.sb", "SB", 5),
	[F_SIQNT] = BIT("iec60870_asdu.siq.nt", "NT", 6),
	[F_SIQIV] = BIT("iec60870_asdu.siq.iv", "IV", 7),
	[F_DIQ] = FD(NULL, "iec60870_asdu.diq", "DIQ", 0, 8, ST_FMT_HEX),
	[F_DPI] = FDDN(NULL, "iec60870_asdu.diq.dpi", "DPI", 6, 2,
	    ST_FMT_DEC, dpi_names),
	[F_DIQBL] = BIT("iec60870_asdu.diq.bl", "BL", 4),
	[F_DIQSB] = BIT("iec60870_asdu.diq.sb", "SB", 5),
	[F_DIQNT] = BIT("iec60870_asdu.diq.nt", "NT", 6),
	[F_DIQIV] = BIT("iec60870_asdu.diq.iv", "IV", 7),
	[F_QDS] = FD(NULL, "iec60870_asdu.qds", "QDS", 0, 8, ST_FMT_HEX),
	[F_QDSOV] = BIT("iec60870_asdu.qds.ov", "OV", 0),
	[F_QDSBL] = BIT("iec60870_asdu.qds.bl", "BL", 4),
	[F_QDSSB] = BIT("iec60870_asdu.qds.sb", "SB", 5),
	[F_QDSNT] = BIT("iec60870_asdu.qds.nt", "NT", 6),
	[F_QDSIV] = BIT("iec60870_asdu.qds.iv", "IV", 7),
	[F_NORMVAL] = FD(NULL, "iec60870_asdu.normval", "Normalized value",
	    0, 0, ST_FMT_TEXT),
	[F_SCALVAL] = FDX(NULL, "iec60870_asdu.scalval", "Scaled value", 0,
	    16, ST_FMT_DEC, 0, 0, ST_DF_SIGNED, 0, NULL),
	[F_FLOAT] = FD(NULL, "iec60870_asdu.float", "Value", 0, 0,
	    ST_FMT_TEXT),
	[F_SCO] = FD(NULL, "iec60870_asdu.sco", "SCO", 0, 8, ST_FMT_HEX),
	[F_SCOON] = BIT("iec60870_asdu.sco.on", "ON/OFF", 0),
	[F_SCOQU] = FDD(NULL, "iec60870_asdu.sco.qu", "QU", 1, 5, ST_FMT_DEC),
	[F_SCOSE] = BIT("iec60870_asdu.sco.se", "S/E", 7),
	[F_DCO] = FD(NULL, "iec60870_asdu.dco", "DCO", 0, 8, ST_FMT_HEX),
	[F_DCOON] = FDD(NULL, "iec60870_asdu.dco.on", "ON/OFF", 6, 2,
	    ST_FMT_DEC),
	[F_DCOQU] = FDD(NULL, "iec60870_asdu.dco.qu", "QU", 1, 5, ST_FMT_DEC),
	[F_DCOSE] = BIT("iec60870_asdu.dco.se", "S/E", 7),
	[F_QOI] = FD(NULL, "iec60870_asdu.qoi", "QOI", 0, 8, ST_FMT_DEC),
	[F_CP56] = FD(NULL, "iec60870_asdu.cp56time", "CP56Time", 0, 0,
	    ST_FMT_TEXT),
	[F_CPMS] = FD(NULL, "iec60870_asdu.cp56time.ms", "MS", 0, 16,
	    ST_FMT_DEC),
	/* The bytes after the milliseconds, each by its own offset. */
	[F_CPMIN] = FDD(NULL, "iec60870_asdu.cp56time.min", "Min", 2, 6,
	    ST_FMT_DEC),
	[F_CPGEN] = BIT("iec60870_asdu.cp56time.gen", "Substituted", 6),
	[F_CPIV] = BIT("iec60870_asdu.cp56time.iv", "IV", 7),
	[F_CPHOUR] = FDD(NULL, "iec60870_asdu.cp56time.hour", "Hour", 3, 5,
	    ST_FMT_DEC),
	[F_CPSU] = BIT("iec60870_asdu.cp56time.su", "SU", 7),
	[F_CPDAY] = FDD(NULL, "iec60870_asdu.cp56time.day", "Day", 3, 5,
	    ST_FMT_DEC),
	[F_CPDOW] = FDD(NULL, "iec60870_asdu.cp56time.dow", "DOW", 0, 3,
	    ST_FMT_DEC),
	[F_CPMONTH] = FDD(NULL, "iec60870_asdu.cp56time.month", "Month", 4, 4,
	    ST_FMT_DEC),
	[F_CPYEAR] = FDD(NULL, "iec60870_asdu.cp56time.year", "Year", 1, 7,
	    ST_FMT_DEC),
};

/* ------------------------------------------------------------------ */
/* The APCI */

static int
apci_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned len, ctl;
	struct st_field *f;

	if (ind_byte(c, 0) != IEC104_START)
		return left > 0 ? ST_ENOTME : ST_ETRUNC;
	st_dfields(d, c, apci_fields, A_LEN + 1);
	len = ind_byte(c, 1);
	ctl = ind_byte(c, 2);
	if ((f = st_dle(d, c, &apci_fields[A_TYPE], 2, 4)) != NULL)
		f->val = ctl & 1 ? ctl & 3 : 0;
	if ((ctl & 3) == 3)
		st_dle(d, c, &apci_fields[A_UTYPE], 2, 4);
	else {
		if (!(ctl & 1))
			st_dle(d, c, &apci_fields[A_TX], 2, 4);
		st_dle(d, c, &apci_fields[A_RX], 2, 4);
	}
	if (c->err != ST_OK)
		return c->err;
	if (len < 4)
		return st_dmalformed(d, "APDU length %u leaves no control "
		    "field", len);
	d->hdr = 6;
	if (!(ctl & 1) && len > 4)
		d->next = &st_proto_iec104asdu;
	else if (left > 6)
		d->next = &st_proto_iec104;	/* another APDU */
	return ST_OK;
}

/* Start byte and length: how long the APDU starting at c is. */
static size_t
apci_pdu_len(struct st_cur *c)
{
	if (st_cur_left(c) == 0 || st_peek_bits(c, 0, 8) != IEC104_START)
		return 0;
	if (st_cur_left(c) < 2)
		return ST_PDU_MORE;
	return 2 + (size_t)st_peek_bits(c, 8, 8);
}

/* ------------------------------------------------------------------ */
/* The ASDU */

/* Row f over the n bytes at off. */
static struct st_field *
row(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dbytes(d, c, &asdu_fields[f], off, n);
}

/* Rows f to last, parts of the byte at off. */
static void
parts(struct st_dctx *d, struct st_cur *c, int f, int last, size_t off)
{
	st_dfields_at(d, c, off, &asdu_fields[f], (size_t)(last - f + 1));
}

/* A float written as Wireshark writes an FT_FLOAT. */
static void
real(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n,
    float v)
{
	char text[32];

	if (!st_cur_need(c, off + n))
		return;
	snprintf(text, sizeof(text), "%.6g", (double)v);
	st_dtext(d, c, &asdu_fields[f], off, n, text);
}

/* CP56Time2a at off: the time as Wireshark shows it (a year below 70 in
 * the 2000s), then its parts. */
static void
cp56(struct st_dctx *d, struct st_cur *c, size_t off)
{
	unsigned ms = ind_le(c, off, 2);
	char text[64], date[48];
	struct tm tm;
	time_t t;

	if (!st_cur_need(c, off + 7))
		return;
	memset(&tm, 0, sizeof(tm));
	tm.tm_sec = (int)(ms / 1000);
	tm.tm_min = (int)(ind_byte(c, off + 2) & 0x3f);
	tm.tm_hour = (int)(ind_byte(c, off + 3) & 0x1f);
	tm.tm_mday = (int)(ind_byte(c, off + 4) & 0x1f);
	tm.tm_mon = (int)(ind_byte(c, off + 5) & 0x0f) - 1;
	tm.tm_year = (int)(ind_byte(c, off + 6) & 0x7f);
	if (tm.tm_year < 70)
		tm.tm_year += 100;
	t = timegm(&tm);
	if (gmtime_r(&t, &tm) != NULL &&
	    strftime(date, sizeof(date), "%b %e, %Y %H:%M:%S", &tm) > 0) {
		snprintf(text, sizeof(text), "%s.%03u000000 UTC", date,
		    ms % 1000);
		st_dtext(d, c, &asdu_fields[F_CP56], off, 7, text);
	}
	st_dle(d, c, &asdu_fields[F_CPMS], off, 2);
	parts(d, c, F_CPMIN, F_CPIV, off + 2);
	parts(d, c, F_CPHOUR, F_CPSU, off + 3);
	parts(d, c, F_CPDAY, F_CPDOW, off + 4);
	parts(d, c, F_CPMONTH, F_CPMONTH, off + 5);
	parts(d, c, F_CPYEAR, F_CPYEAR, off + 6);
}

/*
 * One information element of type tid at off; returns its length, 0
 * for a type strata does not read.
 */
static size_t
element(struct st_dctx *d, struct st_cur *c, unsigned tid, size_t off)
{
	union { uint32_t u; float f; } v;
	struct st_field *fl;

	switch (tid) {
	case 1: case 30:			/* single point */
		row(d, c, F_SIQ, off, 1);
		parts(d, c, F_SPI, F_SIQIV, off);
		if (tid == 30)
			cp56(d, c, off + 1);
		return tid == 30 ? 8 : 1;
	case 3: case 31:			/* double point */
		row(d, c, F_DIQ, off, 1);
		parts(d, c, F_DPI, F_DIQIV, off);
		if (tid == 31)
			cp56(d, c, off + 1);
		return tid == 31 ? 8 : 1;
	case 9: case 34:			/* normalized */
		v.f = (float)(int16_t)ind_le(c, off, 2) / 32768;
		real(d, c, F_NORMVAL, off, 2, v.f);
		break;
	case 11: case 35:			/* scaled */
		if ((fl = st_dle(d, c, &asdu_fields[F_SCALVAL], off, 2)) !=
		    NULL && fl->val & 0x8000)
			fl->val |= ~(uint64_t)0xffff;
		break;
	case 13: case 36:			/* short float */
		v.u = ind_le(c, off, 4);
		real(d, c, F_FLOAT, off, 4, v.f);
		off += 2;
		break;
	case 45:				/* single command */
		row(d, c, F_SCO, off, 1);
		parts(d, c, F_SCOON, F_SCOSE, off);
		return 1;
	case 46:				/* double command */
		row(d, c, F_DCO, off, 1);
		parts(d, c, F_DCOON, F_DCOSE, off);
		return 1;
	case 100:				/* interrogation */
		row(d, c, F_QOI, off, 1);
		return 1;
	case 103:				/* clock sync */
		cp56(d, c, off);
		return 7;
	default:
		return 0;
	}
	/* The measured values: the quality descriptor after the value
	 * (off moved past a float's extra bytes), then a time tag. */
	row(d, c, F_QDS, off + 2, 1);
	parts(d, c, F_QDSOV, F_QDSIV, off + 2);
	if (tid >= 34) {
		cp56(d, c, off + 3);
		return tid == 36 ? 12 : 10;
	}
	return tid == 13 ? 5 : 3;
}

/* The APCI this ASDU follows: its declared length, or 0. */
static size_t
asdu_len(const struct st_dctx *d)
{
	const struct st_layer *ly = d->ly - 1;
	const struct st_field *f;

	if (d->ly == d->pkt->layers || ly->proto != &st_proto_iec104 ||
	    (f = st_pkt_fd(d->pkt, ly, &apci_fields[A_LEN])) == NULL ||
	    f->val < 4)
		return 0;
	return (size_t)f->val - 4;
}

static int
asdu_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len = asdu_len(d), off, n;
	unsigned tid, num, sq, i;
	uint32_t ioa;
	struct st_cur w;

	w = st_cur_sub(c, len, NULL);
	st_dfields(d, &w, asdu_fields, F_ADDR);
	st_dle(d, &w, &asdu_fields[F_ADDR], 4, 2);
	if (w.err != ST_OK)
		goto out;
	tid = ind_byte(&w, 0);
	num = ind_byte(&w, 1) & 0x7f;
	sq = ind_byte(&w, 1) >> 7;
	off = 6;
	ioa = 0;
	for (i = 0; i < num && w.err == ST_OK; i++) {
		if (i == 0 || !sq) {
			ioa = ind_le(&w, off, 3);
			st_dle(d, &w, &asdu_fields[F_IOA], off, 3);
			off += 3;
		} else
			st_dgen(d, &asdu_fields[F_IOAGEN], ++ioa);
		if ((n = element(d, &w, tid, off)) == 0)
			break;
		off += n;
	}
out:
	d->hdr = len < left ? len : left;
	if (w.err != ST_OK) {
		if (len <= left && d->pkt->caplen == d->pkt->len)
			return st_dmalformed(d, "the objects run past the "
			    "ASDU (%zu bytes)", len);
		return ST_ETRUNC;
	}
	if (len > left)
		return ST_ETRUNC;
	if (left > len) {
		d->plen = left - len;
		d->next = &st_proto_iec104;	/* another APDU */
	}
	return ST_OK;
}

static const struct st_bind apci_binds[] = {
	{ ST_KEY_TCPPORT, IEC104_PORT },
};

/* "iec104 I tx 3 rx 1", "iec104 U TESTFR act"; then the ASDU's facts
 * ("M_ME_NC_1 ca 1 ioa 3003"), each APDU of the segment.  The control
 * field's parts are details a summary's decode leaves out: read from
 * the layer's bytes. */
static void
apci_one(struct st_sumctx *s, const struct st_layer *ly)
{
	struct st_cur c = st_cur_make(s->pkt->data, s->pkt->caplen);
	uint32_t ctl;
	const char *n;

	c.off = ly->off;
	if (!st_cur_skip(&c, 2))
		return;
	ctl = st_get_le32(&c);
	if (c.err != ST_OK)
		return;
	if (!(ctl & 1))
		st_out_printf(s->o, "I tx %u rx %u", (unsigned)(ctl >> 1 &
		    0x7fff), (unsigned)(ctl >> 17));
	else if ((ctl & 3) == 1)
		st_out_printf(s->o, "S rx %u", (unsigned)(ctl >> 17));
	else if ((n = st_valname(utype_names, ctl >> 2 & 0x3f)) != NULL)
		st_out_printf(s->o, "U %s", n);
	else
		st_out_printf(s->o, "U 0x%02x", (unsigned)(ctl >> 2 & 0x3f));
}

static void
asdu_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NASDU];
	const char *n;

	st_ly_fields(s->pkt, ly, asdu_fields, F_NASDU, f);
	if (f[F_TYPEID] == NULL)
		return;
	if ((n = st_valname(typeid_names, (uint32_t)f[F_TYPEID]->val)) !=
	    NULL)
		st_out_printf(s->o, " %s", n);
	else
		st_out_printf(s->o, " type %u", (unsigned)f[F_TYPEID]->val);
	if (f[F_ADDR] != NULL)
		st_out_printf(s->o, " ca %u", (unsigned)f[F_ADDR]->val);
	if (f[F_IOA] != NULL)
		st_out_printf(s->o, " ioa %u", (unsigned)f[F_IOA]->val);
}

static int
apci_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_layer *l, *end = s->pkt->layers + s->pkt->nlayers;

	st_out_puts(s->o, "iec104 ");
	for (l = ly; l < end && l->depth == ly->depth; l++) {
		if (l->proto == &st_proto_iec104) {
			if (l != ly)
				st_out_puts(s->o, " | ");
			apci_one(s, l);
		} else if (l->proto == &st_proto_iec104asdu)
			asdu_one(s, l);
		else
			break;
	}
	return 1;
}

static int
asdu_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "asdu");
	asdu_one(s, ly);
	return 1;
}

static const struct st_field_desc *const apci_keys[] = {
	&apci_fields[A_LEN], &apci_fields[A_TYPE], NULL,
};

static const struct st_field_desc *const asdu_keys[] = {
	&asdu_fields[F_TYPEID], &asdu_fields[F_CAUSE], &asdu_fields[F_ADDR],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_iec104 = {
	.name = "iec104",
	.ws = "iec60870_104",
	.title = "IEC 60870-5-104 APCI",
	.rfc = "IEC 60870-5-104",
	.role = ST_ROLE_APP,
	.fields = apci_fields,
	.nfields = A_NAPCI,
	.decode = apci_decode,
	.binds = apci_binds,
	.nbinds = NFIELDS(apci_binds),
	.pdu_len = apci_pdu_len,
	/* @summary */
	.summary = apci_summary,
	/* @views */
	.keys = apci_keys,
	.color = "\033[33m",
	.explain = "IEC 60870-5-104 carries power grid telecontrol (a control "
	    "centre and its substations' RTUs) over TCP 2404.  Each APDU "
	    "starts with 0x68 and its length; the control field says its "
	    "format: I (information: an ASDU follows, with send and receive "
	    "sequence numbers, N(S) and N(R), counting APDUs each way), S "
	    "(supervisory: only acknowledges up to N(R)) or U (unnumbered: "
	    "STARTDT to start the data transfer, STOPDT, TESTFR to test an "
	    "idle link, each act and con).",
	/* @craft */
	/* @probes */
};

const struct st_proto st_proto_iec104asdu = {
	.name = "iec104asdu",
	.ws = "iec60870_asdu",
	.title = "IEC 60870-5-101/104 ASDU",
	.rfc = "IEC 60870-5-101 clause 7",
	.role = ST_ROLE_APP,
	.fields = asdu_fields,
	.nfields = F_NASDU,
	.decode = asdu_decode,
	/* @summary */
	.summary = asdu_summary,
	/* @views */
	.keys = asdu_keys,
	.color = "\033[33m",
	.explain_bits = 48,
	.explain = "An IEC 60870-5-101/104 ASDU: a type (M_ for monitoring "
	    "data the RTU sends: single and double points, measured values "
	    "normalized, scaled or float, with or without a CP56Time2a time "
	    "tag; C_ for commands: interrogation, single and double "
	    "commands, clock synchronisation), the number of objects and "
	    "SQ (one address for a sequence of elements), the cause of "
	    "transmission (spontaneous, periodic, interrogated, activation "
	    "and its confirmation; P/N for a negative confirmation, T for a "
	    "test), the originator and common (station) address, then the "
	    "objects: a 3-byte information object address and its value "
	    "with a quality descriptor (IV invalid, NT not topical, SB "
	    "substituted, BL blocked, OV overflow).",
	/* @craft */
	/* @probes */
};
