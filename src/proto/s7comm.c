/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * S7comm, the protocol of Siemens S7-300/400 PLCs and their engineering
 * and HMI stations, carried in COTP data TPDUs over TPKT (TCP 102).  No
 * public standard: the layout is Wireshark's packet-s7comm.c, which this
 * decoder follows field for field.
 *
 *   +--------+--------+--------+--------+--------+--------+
 *   | 0x32   | ROSCTR | redundancy ID   | PDU reference   |
 *   +--------+--------+--------+--------+--------+--------+
 *   | parameter len   | data length     |errclass|errcode | (ack, ack-data)
 *   +--------+--------+--------+--------+--------+--------+
 *   | parameter (function code first) ... | data (items) ...
 *
 * ROSCTR says what the PDU is: 1 a job (request), 2 an ack, 3 an ack with
 * data (the answer), 7 userdata (CPU functions, diagnostics, time...).
 * A job's parameter names the function: setup communication (the PDU
 * size both ends agree), read or write var with a list of items, each an
 * address (area, DB number, byte and bit, count and type); the data part
 * of a write and of a read's answer holds one item of values for each,
 * with a return code.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "indus.h"

/* ST_KEY_FRAMED: a COTP DT's payload whose first byte is S7comm's
 * protocol ID (cotp.c hands a payload on by it). */
#define S7_FRAMED	0x80730f32
#define S7_PROTID	0x32
#define S7_MIN		10	/* Wireshark's heuristic's minimum */
#define S7_MAXITEMS	64	/* items shown of one PDU: the fields
				   of more would not fit in a packet */

enum { R_JOB = 1, R_ACK = 2, R_ACKDATA = 3, R_USERDATA = 7 };
enum { FN_READ = 0x04, FN_WRITE = 0x05, FN_PLCSTOP = 0x29,
	FN_SETUP = 0xf0 };

enum { F_PROTID, F_ROSCTR, F_REDID, F_PDUREF, F_PARLG, F_DATLG, F_ERRCLS,
	F_ERRCOD, F_PERRCOD, F_FUNC, F_SETUPRES, F_AMQCALLING, F_AMQCALLED,
	F_PDULEN, F_ITEMCOUNT, F_VARSPEC, F_VSLEN, F_SYNTAX, F_TSIZE,
	F_ILEN, F_DB, F_AREA, F_ADDR, F_ADDRBYTE, F_ADDRBIT, F_PDATA,
	F_RETCODE, F_DTSIZE, F_DLEN, F_RDATA, F_FILL, F_PIUNK, F_PART2LEN,
	F_PISERVICE, F_UDHEAD, F_UDLEN, F_UDREQRES, F_UDTYPE, F_UDGROUP,
	F_UDSUBFUNC, F_UDSEQ, F_UDUNITREF, F_UDLAST, F_SZLID, F_SZLDIAG,
	F_SZLEX, F_SZLNUM, F_SZLINDEX, F_NS7 };

static const struct st_valname rosctr_names[] = {
	{ R_JOB, "Job" }, { R_ACK, "Ack" }, { R_ACKDATA, "Ack_Data" },
	{ R_USERDATA, "Userdata" }, { 0, NULL }
};

static const struct st_valname errcls_names[] = {
	{ 0x00, "No error" }, { 0x81, "Application relationship" },
	{ 0x82, "Object definition" }, { 0x83, "No resources available" },
	{ 0x84, "Error on service processing" },
	{ 0x85, "Error on supplies" }, { 0x87, "Access error" },
	{ 0, NULL }
};

static const struct st_valname func_names[] = {
	{ 0x00, "CPU services" }, { FN_SETUP, "Setup communication" },
	{ FN_READ, "Read Var" }, { FN_WRITE, "Write Var" },
	{ 0x1a, "Request download" }, { 0x1b, "Download block" },
	{ 0x1c, "Download ended" }, { 0x1d, "Start upload" },
	{ 0x1e, "Upload" }, { 0x1f, "End upload" },
	{ 0x28, "PI-Service" }, { FN_PLCSTOP, "PLC Stop" }, { 0, NULL }
};

static const struct st_valname syntax_names[] = {
	{ 0x10, "S7ANY" }, { 0x13, "PBC-R_ID" }, { 0x15, "ALARM_LOCKFREE" },
	{ 0x16, "ALARM_IND" }, { 0x19, "ALARM_ACK" },
	{ 0x1a, "ALARM_QUERYREQ" }, { 0x1c, "NOTIFY_IND" }, { 0x82, "NCK" },
	{ 0x83, "NCK_M" }, { 0x84, "NCK_I" }, { 0xa2, "DRIVEESANY" },
	{ 0xb2, "1200SYM" }, { 0xb0, "DBREAD" }, { 0, NULL }
};

static const struct st_valname tsize_names[] = {
	{ 1, "BIT" }, { 2, "BYTE" }, { 3, "CHAR" }, { 4, "WORD" },
	{ 5, "INT" }, { 6, "DWORD" }, { 7, "DINT" }, { 8, "REAL" },
	{ 10, "TOD" }, { 11, "TIME" }, { 12, "S5TIME" },
	{ 15, "DATE_AND_TIME" }, { 28, "COUNTER" }, { 29, "TIMER" },
	{ 30, "IEC TIMER" }, { 31, "IEC COUNTER" }, { 32, "HS COUNTER" },
	{ 0, NULL }
};

static const struct st_valname area_names[] = {
	{ 0x01, "Data record" }, { 0x03, "System info of 200 family" },
	{ 0x05, "System flags of 200 family" },
	{ 0x06, "Analog inputs of 200 family" },
	{ 0x07, "Analog outputs of 200 family" },
	{ 0x80, "Direct peripheral access (P)" }, { 0x81, "Inputs (I)" },
	{ 0x82, "Outputs (Q)" }, { 0x83, "Flags (M)" },
	{ 0x84, "Data blocks (DB)" }, { 0x85, "Instance data blocks (DI)" },
	{ 0x86, "Local data (L)" }, { 0x87, "Unknown yet (V)" },
	{ 0x1c, "S7 counters (C)" }, { 0x1d, "S7 timers (T)" },
	{ 0x1e, "IEC counters (200 family)" },
	{ 0x1f, "IEC timers (200 family)" }, { 0, NULL }
};

static const struct st_valname retcode_names[] = {
	{ 0x00, "Reserved" }, { 0x01, "Hardware error" },
	{ 0x03, "Accessing the object not allowed" },
	{ 0x05, "Invalid address" }, { 0x06, "Data type not supported" },
	{ 0x07, "Data type inconsistent" },
	{ 0x0a, "Object does not exist" }, { 0xff, "Success" }, { 0, NULL }
};

static const struct st_valname dtsize_names[] = {
	{ 0x00, "NULL" }, { 0x03, "BIT" }, { 0x04, "BYTE/WORD/DWORD" },
	{ 0x05, "INTEGER" }, { 0x06, "DINTEGER" }, { 0x07, "REAL" },
	{ 0x09, "OCTET STRING" }, { 0x11, "NCK ADDRESS1" },
	{ 0x12, "NCK ADDRESS2" }, { 0, NULL }
};

static const struct st_valname udtype_names[] = {
	{ 0, "Push" }, { 4, "Request" }, { 8, "Response" }, { 3, "NC Push" },
	{ 7, "NC Request" }, { 11, "NC Response" }, { 0, NULL }
};

static const struct st_valname udgroup_names[] = {
	{ 0, "Mode-transition" }, { 1, "Programmer commands" },
	{ 2, "Cyclic services" }, { 3, "Block functions" },
	{ 4, "CPU functions" }, { 5, "Security" },
	{ 6, "PBC BSEND/BRECV" }, { 7, "Time functions" },
	{ 15, "NC programming" }, { 0, NULL }
};

/*
 * The header's rows by their bit offsets; the rest are read at the
 * position of their bytes (row()), their bit offsets inside those bytes.
 */
static const struct st_field_desc s7_fields[F_NS7] = {
	[F_PROTID] = FD("protid", "s7comm.header.protid", "Protocol Id", 0,
	    8, ST_FMT_HEX),
	[F_ROSCTR] = FDN("rosctr", "s7comm.header.rosctr", "ROSCTR", 8, 8,
	    ST_FMT_DEC, rosctr_names),
	[F_REDID] = FD("redid", "s7comm.header.redid", "Redundancy "
	    "Identification (Reserved)", 16, 16, ST_FMT_HEX),
	[F_PDUREF] = FD("pduref", "s7comm.header.pduref", "Protocol Data "
	    "Unit Reference", 32, 16, ST_FMT_DEC),
	[F_PARLG] = FD("parlg", "s7comm.header.parlg", "Parameter length",
	    48, 16, ST_FMT_DEC),
	[F_DATLG] = FD("datlg", "s7comm.header.datlg", "Data length", 64,
	    16, ST_FMT_DEC),
	[F_ERRCLS] = FDN(NULL, "s7comm.header.errcls", "Error class", 80, 8,
	    ST_FMT_HEX, errcls_names),
	[F_ERRCOD] = FD(NULL, "s7comm.header.errcod", "Error code", 88, 8,
	    ST_FMT_HEX),
	/* Class and code as one number, only when not 0 (Wireshark's). */
	[F_PERRCOD] = FDD(NULL, "s7comm.param.errcod", "Error code", 80, 16,
	    ST_FMT_HEX),
	[F_FUNC] = FDN(NULL, "s7comm.param.func", "Function", 0, 8,
	    ST_FMT_HEX, func_names),
	[F_SETUPRES] = FD(NULL, "s7comm.param.setup_reserved1", "Reserved",
	    0, 8, ST_FMT_HEX),
	[F_AMQCALLING] = FD(NULL, "s7comm.param.maxamq_calling", "Max AmQ "
	    "(parallel jobs with ack) calling", 0, 16, ST_FMT_DEC),
	[F_AMQCALLED] = FD(NULL, "s7comm.param.maxamq_called", "Max AmQ "
	    "(parallel jobs with ack) called", 0, 16, ST_FMT_DEC),
	[F_PDULEN] = FD(NULL, "s7comm.param.pdu_length", "PDU length", 0,
	    16, ST_FMT_DEC),
	[F_ITEMCOUNT] = FD(NULL, "s7comm.param.itemcount", "Item count", 0,
	    8, ST_FMT_DEC),
	[F_VARSPEC] = FD(NULL, "s7comm.param.item.varspec", "Variable "
	    "specification", 0, 8, ST_FMT_HEX),
	[F_VSLEN] = FD(NULL, "s7comm.param.item.varspec_length", "Length of "
	    "following address specification", 0, 8, ST_FMT_DEC),
	[F_SYNTAX] = FDN(NULL, "s7comm.param.item.syntaxid", "Syntax Id", 0,
	    8, ST_FMT_HEX, syntax_names),
	[F_TSIZE] = FDN(NULL, "s7comm.param.item.transp_size", "Transport "
	    "size", 0, 8, ST_FMT_DEC, tsize_names),
	[F_ILEN] = FD(NULL, "s7comm.param.item.length", "Length", 0, 16,
	    ST_FMT_DEC),
	[F_DB] = FD(NULL, "s7comm.param.item.db", "DB number", 0, 16,
	    ST_FMT_DEC),
	[F_AREA] = FDN(NULL, "s7comm.param.item.area", "Area", 0, 8,
	    ST_FMT_HEX, area_names),
	[F_ADDR] = FD(NULL, "s7comm.param.item.address", "Address", 0, 24,
	    ST_FMT_HEX),
	/* The address in bits: byte (mask 0x7fff8) and bit (0x7). */
	[F_ADDRBYTE] = FDD(NULL, "s7comm.param.item.address.byte", "Byte "
	    "Address", 5, 16, ST_FMT_DEC),
	[F_ADDRBIT] = FDD(NULL, "s7comm.param.item.address.bit", "Bit "
	    "Address", 21, 3, ST_FMT_DEC),
	[F_PDATA] = FD(NULL, "s7comm.param.data", "Parameter data", 0, 0,
	    ST_FMT_BYTES),
	[F_RETCODE] = FDN(NULL, "s7comm.data.returncode", "Return code", 0, 8,
	    ST_FMT_HEX, retcode_names),
	[F_DTSIZE] = FDN(NULL, "s7comm.data.transportsize", "Transport size",
	    0, 8, ST_FMT_HEX, dtsize_names),
	/* In bytes, as Wireshark shows it (the wire gives bits for the
	 * transport sizes 3 to 5). */
	[F_DLEN] = FD(NULL, "s7comm.data.length", "Length", 0, 16,
	    ST_FMT_DEC),
	[F_RDATA] = FD(NULL, "s7comm.resp.data", "Data", 0, 0, ST_FMT_BYTES),
	[F_FILL] = FD(NULL, "s7comm.data.fillbyte", "Fill byte", 0, 8,
	    ST_FMT_HEX),
	[F_PIUNK] = FD(NULL, "s7comm.param.pistart.unknown1", "Unknown bytes",
	    0, 0, ST_FMT_BYTES),
	[F_PART2LEN] = FD(NULL, "s7comm.data.plccontrol.part2_len", "Length "
	    "part 2", 0, 8, ST_FMT_DEC),
	[F_PISERVICE] = FD(NULL, "s7comm.param.pistart.servicename", "PI "
	    "(program invocation) Service", 0, 0, ST_FMT_TEXT),
	[F_UDHEAD] = FD(NULL, "s7comm.param.userdata.head", "Parameter head",
	    0, 24, ST_FMT_HEX),
	[F_UDLEN] = FD(NULL, "s7comm.param.userdata.length", "Parameter "
	    "length", 0, 8, ST_FMT_DEC),
	[F_UDREQRES] = FD(NULL, "s7comm.param.userdata.reqres1", "Method "
	    "(Request/Response)", 0, 8, ST_FMT_HEX),
	[F_UDTYPE] = FDN(NULL, "s7comm.param.userdata.type", "Type", 0, 4,
	    ST_FMT_DEC, udtype_names),
	[F_UDGROUP] = FDN(NULL, "s7comm.param.userdata.funcgroup", "Function "
	    "group", 4, 4, ST_FMT_DEC, udgroup_names),
	[F_UDSUBFUNC] = FD(NULL, "s7comm.param.userdata.subfunc",
	    "Subfunction", 0, 8, ST_FMT_DEC),
	[F_UDSEQ] = FD(NULL, "s7comm.param.userdata.seq_num", "Sequence "
	    "number", 0, 8, ST_FMT_DEC),
	[F_UDUNITREF] = FD(NULL, "s7comm.param.userdata.dataunitref", "Data "
	    "unit reference number", 0, 8, ST_FMT_DEC),
	[F_UDLAST] = FD(NULL, "s7comm.param.userdata.lastdataunit", "Last "
	    "data unit", 0, 8, ST_FMT_HEX),
	[F_SZLID] = FD(NULL, "s7comm.data.userdata.szl_id", "SZL-ID", 0, 16,
	    ST_FMT_HEX),
	/* Its parts, by Wireshark's masks (0xf000, 0xffff, 0x00ff). */
	[F_SZLDIAG] = FDD(NULL, "s7comm.data.userdata.szl_id.diag_type",
	    "Diagnostic type", 0, 4, ST_FMT_HEX),
	[F_SZLEX] = FDD(NULL, "s7comm.data.userdata.szl_id.partlist_ex",
	    "Number of the partial list extract", 0, 16, ST_FMT_HEX),
	[F_SZLNUM] = FDD(NULL, "s7comm.data.userdata.szl_id.partlist_num",
	    "Number of the partial list", 8, 8, ST_FMT_HEX),
	[F_SZLINDEX] = FD(NULL, "s7comm.data.userdata.szl_index",
	    "SZL-Index", 0, 16, ST_FMT_HEX),
};

/* Row f over the n bytes at byte off of the PDU; NULL when they were
 * not captured (c->err is then set). */
static struct st_field *
row(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dbytes(d, c, &s7_fields[f], off, n);
}

/* Row f, a part of the bytes at off, by its own bit offset and width. */
static void
part(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	st_dfields_at(d, c, off, &s7_fields[f], 1);
}

/*
 * One item of a read or write var job's parameter at off: the variable
 * specification, and an S7ANY address in full; another syntax's address
 * is passed over by its length.  Returns where the next item starts (a
 * fill byte after one of odd length, as Wireshark counts it).
 */
static size_t
param_item(struct st_dctx *d, struct st_cur *c, size_t off)
{
	unsigned spec = ind_byte(c, off), vlen = ind_byte(c, off + 1);
	unsigned syntax = ind_byte(c, off + 2);
	size_t start = off;

	row(d, c, F_VARSPEC, off, 1);
	row(d, c, F_VSLEN, off + 1, 1);
	row(d, c, F_SYNTAX, off + 2, 1);
	off += 3;
	if (spec == 0x12 && vlen == 10 && syntax == 0x10) {
		row(d, c, F_TSIZE, off, 1);
		row(d, c, F_ILEN, off + 1, 2);
		row(d, c, F_DB, off + 3, 2);
		row(d, c, F_AREA, off + 5, 1);
		row(d, c, F_ADDR, off + 6, 3);
		part(d, c, F_ADDRBYTE, off + 6);
		part(d, c, F_ADDRBIT, off + 6);
		off += 9;
	} else
		off += vlen > 0 ? vlen - 1 : 0;
	return (off - start) % 2 ? off + 1 : off;
}

/*
 * The data items of a write var job or of a read var's answer at off:
 * return code, transport size, length, the values (and a fill byte after
 * an odd length unless last).  As Wireshark, an item whose code is an
 * error other than "object does not exist" shows the size and length of
 * the item before (the PLC sends zeros there).
 */
static void
data_items(struct st_dctx *d, struct st_cur *c, size_t off, unsigned count)
{
	unsigned i, ret, tsize = 0, len = 0;
	struct st_field *f;

	for (i = 0; i < count && i < S7_MAXITEMS && c->err == ST_OK; i++) {
		ret = ind_byte(c, off);
		if (ret == 0x00 || ret == 0xff || ret == 0x0a) {
			tsize = ind_byte(c, off + 1);
			len = ind_byte(c, off + 2) << 8 | ind_byte(c, off + 3);
			if (tsize >= 3 && tsize <= 5)
				len = (len + 7) / 8;
		}
		row(d, c, F_RETCODE, off, 1);
		if ((f = row(d, c, F_DTSIZE, off + 1, 1)) != NULL)
			f->val = tsize;
		if ((f = row(d, c, F_DLEN, off + 2, 2)) != NULL)
			f->val = len;
		off += 4;
		if (ret != 0x00 && ret != 0xff)
			continue;
		if (len > 0)
			row(d, c, F_RDATA, off, len);
		off += len;
		if (len % 2 && i + 1 < count) {
			row(d, c, F_FILL, off, 1);
			off++;
		}
	}
}

/* A job's or ack-data's parameter (plen bytes at off) and data. */
static void
req_resp(struct st_dctx *d, struct st_cur *c, unsigned rosctr, size_t off,
    size_t plen, size_t dlen)
{
	unsigned func = ind_byte(c, off), count, i, n;
	size_t p = off + 1;

	row(d, c, F_FUNC, off, 1);
	switch (func) {
	case FN_READ:
	case FN_WRITE:
		count = ind_byte(c, p);
		row(d, c, F_ITEMCOUNT, p, 1);
		p++;
		if (rosctr == R_JOB)
			for (i = 0; i < count && i < S7_MAXITEMS &&
			    c->err == ST_OK; i++)
				p = param_item(d, c, p);
		else
			p = off + plen;
		if (dlen == 0)
			break;
		if (func == FN_READ || rosctr == R_JOB)
			data_items(d, c, p, count);
		else
			for (i = 0; i < count && i < S7_MAXITEMS; i++)
				row(d, c, F_RETCODE, p + i, 1);
		break;
	case FN_SETUP:
		row(d, c, F_SETUPRES, p, 1);
		row(d, c, F_AMQCALLING, p + 1, 2);
		row(d, c, F_AMQCALLED, p + 3, 2);
		row(d, c, F_PDULEN, p + 5, 2);
		break;
	case FN_PLCSTOP:
		if (rosctr != R_JOB)
			break;
		row(d, c, F_PIUNK, p, 5);
		n = ind_byte(c, p + 5);
		row(d, c, F_PART2LEN, p + 5, 1);
		if (n > 0)
			st_dtext_ascii(d, c, &s7_fields[F_PISERVICE], p + 6, n);
		break;
	default:
		/* Functions Wireshark reads further (PI services, block
		 * transfers) are shown as their bytes. */
		if (plen > 1)
			row(d, c, F_PDATA, p, plen - 1);
		if (dlen > 0)
			row(d, c, F_RDATA, off + plen, dlen);
		break;
	}
}

/*
 * Userdata: the parameter's head, type and function group, subfunction
 * and sequence number (and, in a 12-byte parameter, the data unit
 * fields and an error code); the data part's return code, transport
 * size and length; a read-SZL request's list ID and index.
 */
static void
userdata(struct st_dctx *d, struct st_cur *c, size_t off, size_t plen,
    size_t dlen)
{
	unsigned tg = ind_byte(c, off + 5), sub = ind_byte(c, off + 6);
	size_t p = off + plen;

	row(d, c, F_UDHEAD, off, 3);
	row(d, c, F_UDLEN, off + 3, 1);
	row(d, c, F_UDREQRES, off + 4, 1);
	part(d, c, F_UDTYPE, off + 5);
	part(d, c, F_UDGROUP, off + 5);
	row(d, c, F_UDSUBFUNC, off + 6, 1);
	row(d, c, F_UDSEQ, off + 7, 1);
	if (plen >= 12) {
		row(d, c, F_UDUNITREF, off + 8, 1);
		row(d, c, F_UDLAST, off + 9, 1);
		row(d, c, F_PERRCOD, off + 10, 2);
	}
	if (dlen < 4)
		return;
	row(d, c, F_RETCODE, p, 1);
	row(d, c, F_DTSIZE, p + 1, 1);
	row(d, c, F_DLEN, p + 2, 2);
	/* Read SZL (CPU functions 1), asked for: which list, which part. */
	if (tg == 0x44 && sub == 1 && dlen >= 8) {
		row(d, c, F_SZLID, p + 4, 2);
		part(d, c, F_SZLDIAG, p + 4);
		part(d, c, F_SZLEX, p + 4);
		part(d, c, F_SZLNUM, p + 4);
		row(d, c, F_SZLINDEX, p + 6, 2);
	}
}

static int
s7_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hl, plen, dlen, total;
	unsigned rosctr;

	/* Wireshark's heuristic: the ID and a ROSCTR of 1 to 7. */
	if (left < S7_MIN || ind_byte(c, 0) != S7_PROTID ||
	    (rosctr = ind_byte(c, 1)) < 1 || rosctr > 7)
		return ST_ENOTME;
	hl = rosctr == R_ACK || rosctr == R_ACKDATA ? 12 : 10;
	st_dfields(d, c, s7_fields, hl == 12 ? F_ERRCOD + 1 : F_DATLG + 1);
	if (hl == 12 && (ind_byte(c, 10) || ind_byte(c, 11)))
		part(d, c, F_PERRCOD, 0);
	if (c->err != ST_OK)
		return c->err;
	plen = ind_byte(c, 6) << 8 | ind_byte(c, 7);
	dlen = ind_byte(c, 8) << 8 | ind_byte(c, 9);
	total = hl + plen + dlen;
	if (plen > 0 && (rosctr == R_JOB || rosctr == R_ACKDATA))
		req_resp(d, c, rosctr, hl, plen, dlen);
	else if (plen > 0 && rosctr == R_USERDATA)
		userdata(d, c, hl, plen, dlen);
	d->hdr = total < left ? total : left;
	if (total > left && d->pkt->caplen == d->pkt->len) {
		c->err = ST_OK;
		return st_dmalformed(d, "parameter and data (%zu bytes) run "
		    "past the COTP data", plen + dlen);
	}
	if (c->err != ST_OK)
		return c->err;
	if (total > left)
		return ST_ETRUNC;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind s7_binds[] = {
	{ ST_KEY_FRAMED, S7_FRAMED },
};

/* Field f's value by its name in table t, else as a number. */
static void
named(struct st_sumctx *s, const struct st_field *f,
    const struct st_valname *t)
{
	const char *n = st_valname(t, (uint32_t)f->val);

	if (n != NULL)
		st_out_printf(s->o, " %s", n);
	else
		st_out_printf(s->o, " %u", (unsigned)f->val);
}

/* "s7comm Job Read Var items 2", "s7comm Ack_Data PLC Stop error
 * 0x8104", "s7comm Userdata Request CPU functions subfunc 1". */
static int
s7_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NS7];

	st_ly_fields(s->pkt, ly, s7_fields, F_NS7, f);
	st_out_puts(s->o, "s7comm");
	if (f[F_ROSCTR] != NULL)
		named(s, f[F_ROSCTR], rosctr_names);
	if (f[F_FUNC] != NULL)
		named(s, f[F_FUNC], func_names);
	if (f[F_UDTYPE] != NULL && f[F_UDGROUP] != NULL) {
		named(s, f[F_UDTYPE], udtype_names);
		named(s, f[F_UDGROUP], udgroup_names);
	}
	if (f[F_UDSUBFUNC] != NULL)
		st_out_printf(s->o, " subfunc %u",
		    (unsigned)f[F_UDSUBFUNC]->val);
	if (f[F_ITEMCOUNT] != NULL)
		st_out_printf(s->o, " items %u",
		    (unsigned)f[F_ITEMCOUNT]->val);
	if (f[F_PDULEN] != NULL)
		st_out_printf(s->o, " pdu %u", (unsigned)f[F_PDULEN]->val);
	if (f[F_PISERVICE] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PISERVICE]);
	}
	if (f[F_ERRCLS] != NULL && f[F_ERRCOD] != NULL &&
	    (f[F_ERRCLS]->val != 0 || f[F_ERRCOD]->val != 0))
		st_out_printf(s->o, " error 0x%02x%02x",
		    (unsigned)f[F_ERRCLS]->val, (unsigned)f[F_ERRCOD]->val);
	return 1;
}

static const struct st_field_desc *const s7_keys[] = {
	&s7_fields[F_ROSCTR], &s7_fields[F_PDUREF], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_s7comm = {
	.name = "s7comm",
	.ws = "s7comm",
	.title = "S7 Communication",
	.rfc = "Siemens S7comm (no public standard; Wireshark's reading)",
	.role = ST_ROLE_APP,
	.fields = s7_fields,
	.nfields = F_NS7,
	.decode = s7_decode,
	.binds = s7_binds,
	.nbinds = NFIELDS(s7_binds),
	/* @summary */
	.summary = s7_summary,
	/* @views */
	.keys = s7_keys,
	.color = "\033[33m",
	.explain_bits = 80,
	.explain = "Siemens S7-300/400 PLC communication, inside a COTP data "
	    "TPDU on TCP 102 (TPKT).  It opens with 0x32; ROSCTR says a job "
	    "(a request, 1), an ack (2), an ack with data (the answer, 3) "
	    "or userdata (7: CPU functions such as reading the system status "
	    "list, diagnostics, clock).  The PDU reference pairs an answer "
	    "with its job; an answer's error class and code say why a job "
	    "failed.  The parameter starts with a function: setup "
	    "communication (the PDU size both ends agree, first on every "
	    "connection), read or write var (a list of items, each an "
	    "address: area such as a data block DB, inputs I, outputs Q or "
	    "flags M, a DB number, a byte and bit, a count and type), PLC "
	    "stop.  The data part carries the values, one item each with a "
	    "return code (0xff success).  There is no authentication: "
	    "whoever reaches port 102 can read, write and stop the PLC.",
	/* @craft */
	/* @probes */
};
