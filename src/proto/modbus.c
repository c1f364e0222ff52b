/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Modbus/TCP (Modbus Messaging on TCP/IP Implementation Guide V1.0b, and
 * the Modbus Application Protocol Specification V1.1b3): the MBAP header
 * on TCP port 502, then the Modbus PDU, a function code and its body.
 * Wireshark shows them as two protocols, "mbtcp" and "modbus", from one
 * dissector (packet-mbtcp.c); this file is the PDU's, mbtcp.c the
 * header's.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-------------------------------+-------------------------------+
 *   |        Transaction ID         |      Protocol ID (0)          |
 *   +-------------------------------+---------------+---------------+
 *   |   Length (unit ID and PDU)    |    Unit ID    |E| Function    |
 *   +-------------------------------+---------------+---------------+
 *   |   data (by function; E set: one exception code)  ...
 *
 * A query goes to port 502, a response comes from it, as Wireshark
 * classifies them.  A response does not repeat the address its request
 * asked for, nor how many coils: each query is noted (strata/match.h)
 * under its connection, unit, transaction ID and function code, and the
 * response that follows finds it, as Wireshark's first pass does: its
 * registers and coils are then numbered from the request's address and
 * as many coils as were asked for are shown, with the request's frame
 * and the time since.  A response whose request was not seen numbers
 * them from 0 and shows every bit of its bytes.
 *
 * Several Modbus messages may share a segment: each is an mbtcp layer
 * followed by a modbus layer.
 */
#include <stdio.h>
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "modbus.h"

#define MB_MAXREGS	127	/* registers one PDU holds */
#define MB_MAXOBJ	64	/* device identification objects shown */
#define MB_MAXGROUPS	64	/* file record groups shown */

enum { F_FUNC, F_EXC, F_REF, F_REF32, F_REFTYPE, F_RREF, F_WREF, F_WORDS,
	F_RWORDS, F_WWORDS, F_BITS, F_BYTES, F_BYTES16, F_DIAG, F_EVSTATUS,
	F_EVENT, F_EVCOUNT, F_EVMSGS, F_AND, F_OR, F_DATA, F_MEI, F_DEVID,
	F_OBJID, F_NOBJ, F_OBJLEN, F_CONF, F_MORE, F_NEXTOBJ, F_OBJSTR,
	F_PAD, F_BITNUM, F_BITVAL, F_REGNUM, F_REGVAL, F_QDATA, F_QECHO,
	F_QUERY, F_REQFRAME, F_RESPTIME, F_NMODBUS };

static const struct st_valname func_names[] = {
	{ 1, "Read Coils" }, { 2, "Read Discrete Inputs" },
	{ 3, "Read Holding Registers" }, { 4, "Read Input Registers" },
	{ 5, "Write Single Coil" }, { 6, "Write Single Register" },
	{ 7, "Read Exception Status" }, { 8, "Diagnostics" },
	{ 11, "Get Comm Event Counter" }, { 12, "Get Comm Event Log" },
	{ 15, "Write Multiple Coils" }, { 16, "Write Multiple Registers" },
	{ 17, "Report Slave ID" }, { 20, "Read File Record" },
	{ 21, "Write File Record" }, { 22, "Mask Write Register" },
	{ 23, "Read Write Register" }, { 24, "Read FIFO Queue" },
	{ 43, "Encapsulated Interface Transport" }, { 0, NULL }
};

static const struct st_valname exc_names[] = {
	{ 1, "Illegal function" }, { 2, "Illegal data address" },
	{ 3, "Illegal data value" }, { 4, "Slave device failure" },
	{ 5, "Acknowledge" }, { 6, "Slave device busy" },
	{ 8, "Memory parity error" }, { 10, "Gateway path unavailable" },
	{ 11, "Gateway target device failed to respond" }, { 0, NULL }
};

static const struct st_valname mei_names[] = {
	{ 13, "CANopen General Reference" },
	{ 14, "Read Device Identification" }, { 0, NULL }
};

static const struct st_valname devid_names[] = {
	{ 1, "Basic Device Identification" },
	{ 2, "Regular Device Identification" },
	{ 3, "Extended Device Identification" },
	{ 4, "Specific Identification Object" }, { 0, NULL }
};

static const struct st_valname obj_names[] = {
	{ 0, "VendorName" }, { 1, "ProductCode" },
	{ 2, "MajorMinorRevision" }, { 3, "VendorURL" }, { 4, "ProductName" },
	{ 5, "ModelName" }, { 6, "UserApplicationName" }, { 0, NULL }
};

static const struct st_valname query_names[] = {
	{ 0, "response" }, { 1, "query" }, { 2, "unknown" }, { 0, NULL }
};

#define B8(n, l)	FD(NULL, "modbus." n, l, 0, 8, ST_FMT_DEC)
#define B16(n, l)	FD(NULL, "modbus." n, l, 0, 16, ST_FMT_DEC)
#define H16(n, l)	FD(NULL, "modbus." n, l, 0, 16, ST_FMT_HEX)

static const struct st_field_desc modbus_fields[F_NMODBUS] = {
	[F_FUNC] = FDN("func", "modbus.func_code", "Function Code", 1, 7,
	    ST_FMT_DEC, func_names),
	[F_EXC] = FDN(NULL, "modbus.exception_code", "Exception Code", 0, 8,
	    ST_FMT_DEC, exc_names),
	[F_REF] = B16("reference_num", "Reference Number"),
	[F_REF32] = FD(NULL, "modbus.reference_num_32", "Reference Number",
	    0, 32, ST_FMT_DEC),
	[F_REFTYPE] = B8("reference_type", "Reference Type"),
	[F_RREF] = B16("read_reference_num", "Read Reference Number"),
	[F_WREF] = B16("write_reference_num", "Write Reference Number"),
	[F_WORDS] = B16("word_cnt", "Word Count"),
	[F_RWORDS] = B16("read_word_cnt", "Read Word Count"),
	[F_WWORDS] = B16("write_word_cnt", "Write Word Count"),
	[F_BITS] = B16("bit_cnt", "Bit Count"),
	[F_BYTES] = B8("byte_cnt", "Byte Count"),
	[F_BYTES16] = B16("byte_cnt_16", "Byte Count (16-bit)"),
	[F_DIAG] = B16("diagnostic_code", "Diagnostic Code"),
	[F_EVSTATUS] = H16("ev_status", "Status"),
	[F_EVENT] = B8("event", "Event"),
	[F_EVCOUNT] = B16("ev_count", "Event Count"),
	[F_EVMSGS] = B16("ev_msg_count", "Message Count"),
	[F_AND] = H16("and_mask", "AND mask"),
	[F_OR] = H16("or_mask", "OR mask"),
	[F_DATA] = FD(NULL, "modbus.data", "Data", 0, 0, ST_FMT_BYTES),
	[F_MEI] = FDN(NULL, "modbus.mei", "MEI type", 0, 8, ST_FMT_DEC,
	    mei_names),
	[F_DEVID] = FDN(NULL, "modbus.read_device_id", "Read Device ID", 0, 8,
	    ST_FMT_DEC, devid_names),
	[F_OBJID] = FDN(NULL, "modbus.object_id", "Object ID", 0, 8,
	    ST_FMT_DEC, obj_names),
	[F_NOBJ] = B8("num_objects", "Number of Objects"),
	[F_OBJLEN] = B8("objects_len", "Object length"),
	[F_CONF] = FD(NULL, "modbus.conformity_level", "Conformity Level", 0,
	    8, ST_FMT_HEX),
	[F_MORE] = FD(NULL, "modbus.more_follows", "More Follows", 0, 8,
	    ST_FMT_HEX),
	[F_NEXTOBJ] = B8("next_object_id", "Next Object ID"),
	[F_OBJSTR] = FD(NULL, "modbus.object_str_value", "Object String "
	    "Value", 0, 0, ST_FMT_TEXT),
	[F_PAD] = FD(NULL, "modbus.padding", "Padding", 0, 8, ST_FMT_HEX),
	[F_BITNUM] = B8("bitnum", "Bit number"),
	[F_BITVAL] = FD(NULL, "modbus.bitval", "Bit value", 0, 1,
	    ST_FMT_BOOL),
	[F_REGNUM] = B16("regnum16", "Register number"),
	[F_REGVAL] = B16("regval_uint16", "Register value"),
	[F_QDATA] = FD(NULL, "modbus.diagnostic.return_query_data.request",
	    "Request Data", 0, 0, ST_FMT_BYTES),
	[F_QECHO] = FD(NULL, "modbus.diagnostic.return_query_data.echo",
	    "Echo Data", 0, 0, ST_FMT_BYTES),
	[F_QUERY] = FDG("strata.modbus.query", "Query or response (by port "
	    "502)", ST_FMT_DEC, query_names),
	[F_REQFRAME] = FDG("modbus.request_frame", "Request Frame",
	    ST_FMT_DEC, NULL),
	[F_RESPTIME] = FDG("modbus.response_time", "Time from request",
	    ST_FMT_TEXT, NULL),
};

enum { Q_RESPONSE, Q_QUERY, Q_UNKNOWN };

/* What a query leaves for its response: Wireshark's reading of its
 * bytes 1-2 and 3-4 (an address and a count, whatever the function). */
struct mbreq {
	uint16_t	 base;
	uint16_t	 num;
};

/* The PDU being read: its bytes are [pos, end) of the cursor c. */
struct mb {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 pos;	/* from c's position */
	size_t		 end;	/* the PDU's bytes present */
	struct mbreq	 req;	/* its request's, for a response */
	int		 found;	/* the request was seen */
};

/* Adds row f over n bytes at the reading position and moves past them;
 * its value (n <= 4); -1 when the bytes are not there. */
static long
take(struct mb *m, int f, size_t n)
{
	struct st_field *fl;

	if (m->pos + n > m->end) {
		m->pos = m->end;
		m->c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(m->d, m->c, &modbus_fields[f], m->pos, n)) ==
	    NULL)
		return -1;
	m->pos += n;
	return (long)fl->val;
}

/* The rest of the PDU (at most n bytes) as bytes field f. */
static void
rest(struct mb *m, int f, size_t n)
{
	if (n > m->end - m->pos)
		n = m->end - m->pos;
	if (n > 0 && st_dbytes(m->d, m->c, &modbus_fields[f], m->pos, n) !=
	    NULL)
		m->pos += n;
}

/* n registers, numbered from first. */
static void
registers(struct mb *m, unsigned first, size_t n)
{
	struct st_field *fl;
	size_t i;

	for (i = 0; i < n && i < MB_MAXREGS && m->pos + 2 <= m->end; i++) {
		if ((fl = st_dbytes(m->d, m->c, &modbus_fields[F_REGNUM],
		    m->pos, 2)) == NULL)
			return;
		fl->val = (first + i) & 0xffff;
		take(m, F_REGVAL, 2);
	}
	if (i < n && i < MB_MAXREGS)	/* the count says more */
		m->c->err = ST_ETRUNC;
}

/*
 * The coils of nbytes bytes, least significant bit of a byte first,
 * numbered from first, as many as num says; as Wireshark does, each byte
 * after the count is reached still shows its first bit.
 */
static void
coils(struct mb *m, uint16_t first, size_t nbytes, unsigned num)
{
	struct st_field *fl;
	size_t b, byte;
	uint16_t reg = first;
	unsigned i;

	for (b = 0; b < nbytes && b < 256; b++) {
		byte = m->pos + b;
		if (byte >= m->end) {	/* the count says more */
			m->c->err = ST_ETRUNC;
			break;
		}
		if (!st_cur_need(m->c, byte + 1))
			break;
		for (i = 0; i < 8; i++) {
			if ((fl = st_dbytes(m->d, m->c,
			    &modbus_fields[F_BITNUM], byte, 1)) == NULL)
				return;
			fl->val = reg;
			st_pkt_add_field(m->d->pkt, &modbus_fields[F_BITVAL],
			    (uint32_t)((m->c->off + byte) * 8 + 7 - i), 1,
			    st_peek_bits(m->c, byte * 8 + 7 - i, 1));
			reg++;
			if ((int)reg - (int)first >= (int)num)
				break;
		}
	}
	m->pos += b;
}

/* Read Device Identification's response objects (MEI 14). */
static void
device_objects(struct mb *m, long nobj)
{
	struct st_cur t;
	const uint8_t *p;
	char buf[255 * 4 + 1];
	long i, len;

	for (i = 0; i < nobj && i < MB_MAXOBJ && m->pos < m->end; i++) {
		if (take(m, F_OBJID, 1) < 0 || (len = take(m, F_OBJLEN, 1)) < 0)
			return;
		if ((size_t)len > m->end - m->pos) {
			m->c->err = ST_ETRUNC;
			return;
		}
		t = *m->c;
		if (!st_cur_skip(&t, m->pos) ||
		    (p = st_get_bytes(&t, (size_t)len)) == NULL)
			return;
		st_escape(p, (size_t)len, buf, sizeof(buf));
		st_dtext(m->d, m->c, &modbus_fields[F_OBJSTR], m->pos,
		    (size_t)len, buf);
		m->pos += (size_t)len;
	}
}

static void
encap(struct mb *m, int q)
{
	long mei = take(m, F_MEI, 1);

	if (mei != 14) {
		rest(m, F_DATA, SIZE_MAX);
		return;
	}
	take(m, F_DEVID, 1);
	if (q == Q_QUERY) {
		take(m, F_OBJID, 1);
		return;
	}
	take(m, F_CONF, 1);
	take(m, F_MORE, 1);
	take(m, F_NEXTOBJ, 1);
	device_objects(m, take(m, F_NOBJ, 1));
}

/* Read File Record's and Write File Record's groups. */
static void
file_records(struct mb *m, int func, int q)
{
	long words;
	unsigned g;

	take(m, F_BYTES, 1);
	for (g = 0; g < MB_MAXGROUPS && m->pos < m->end; g++) {
		if (func == 20 && q != Q_QUERY) {	/* length, type, data */
			if ((words = take(m, F_BYTES, 1)) < 1 ||
			    take(m, F_REFTYPE, 1) < 0)
				return;
			rest(m, F_DATA, (size_t)words - 1);
			continue;
		}
		if (take(m, F_REFTYPE, 1) < 0 || take(m, F_REF32, 4) < 0 ||
		    (words = take(m, F_WORDS, 2)) < 0)
			return;
		if (func == 21)
			rest(m, F_DATA, (size_t)words * 2);
	}
}

static void
query(struct mb *m, int func)
{
	long ref, n;

	switch (func) {
	case 1: case 2:
		take(m, F_REF, 2);
		take(m, F_BITS, 2);
		break;
	case 3: case 4:
		take(m, F_REF, 2);
		take(m, F_WORDS, 2);
		break;
	case 15:		/* the coils as bytes, as Wireshark shows them */
		take(m, F_REF, 2);
		take(m, F_BITS, 2);
		if ((n = take(m, F_BYTES, 1)) >= 0)
			rest(m, F_DATA, (size_t)n);
		break;
	case 16:
		ref = take(m, F_REF, 2);
		n = take(m, F_WORDS, 2);
		take(m, F_BYTES, 1);
		if (ref >= 0 && n >= 0)
			registers(m, (unsigned)ref, (size_t)n);
		break;
	case 23:
		take(m, F_RREF, 2);
		take(m, F_RWORDS, 2);
		take(m, F_WREF, 2);
		take(m, F_WWORDS, 2);
		if ((n = take(m, F_BYTES, 1)) >= 0)
			rest(m, F_DATA, (size_t)n);
		break;
	case 24:
		take(m, F_REF, 2);
		break;
	default:
		rest(m, F_DATA, SIZE_MAX);
	}
}

static void
response(struct mb *m, int func)
{
	long n;

	switch (func) {
	case 1: case 2:
		if ((n = take(m, F_BYTES, 1)) >= 0)
			coils(m, m->req.base, (size_t)n, m->found ?
			    m->req.num : (unsigned)n * 8);
		break;
	case 3: case 4: case 23:
		if ((n = take(m, F_BYTES, 1)) >= 0)
			registers(m, m->req.base, (size_t)n / 2);
		break;
	case 11:
		take(m, F_EVSTATUS, 2);
		take(m, F_EVCOUNT, 2);
		break;
	case 12:
		take(m, F_BYTES, 1);
		take(m, F_EVSTATUS, 2);
		take(m, F_EVCOUNT, 2);
		take(m, F_EVMSGS, 2);
		while (m->pos < m->end && take(m, F_EVENT, 1) >= 0)
			;
		break;
	case 15:
		take(m, F_REF, 2);
		take(m, F_BITS, 2);
		break;
	case 16:
		take(m, F_REF, 2);
		take(m, F_WORDS, 2);
		break;
	case 24:
		take(m, F_BYTES16, 2);
		if ((n = take(m, F_WORDS, 2)) >= 0)
			registers(m, m->req.base, (size_t)n);
		break;
	default:
		if ((n = take(m, F_BYTES, 1)) >= 0)
			rest(m, F_DATA, (size_t)n);
	}
}

/* The bodies both directions share; 0 when func is not one of them. */
static int
common(struct mb *m, int func, int q)
{
	long sub;

	switch (func) {
	case 5: case 6:
		take(m, F_REF, 2);
		if (m->pos + 2 > m->end) {
			rest(m, F_DATA, 2);
			return 1;
		}
		st_dbytes(m->d, m->c, &modbus_fields[F_DATA], m->pos, 2);
		if (func == 5)		/* the coil's low byte, always 0 */
			st_dbytes(m->d, m->c, &modbus_fields[F_PAD], m->pos + 1,
			    1);
		m->pos += 2;
		return 1;
	case 8:
		if ((sub = take(m, F_DIAG, 2)) == 0)
			rest(m, q == Q_QUERY ? F_QDATA : F_QECHO, SIZE_MAX);
		else
			rest(m, F_DATA, SIZE_MAX);
		return 1;
	case 20: case 21:
		file_records(m, func, q);
		return 1;
	case 22:
		take(m, F_REF, 2);
		take(m, F_AND, 2);
		take(m, F_OR, 2);
		return 1;
	case 43:
		encap(m, q);
		return 1;
	case 7: case 11: case 12: case 17:
		return q == Q_QUERY;		/* nothing but the code */
	}
	return 0;
}

/* Query or response, by which end holds port 502 (Wireshark's rule). */
static int
direction(const struct st_dctx *d)
{
	const struct st_layer *tl;
	const struct st_field *s, *t;
	unsigned i;

	for (i = d->pkt->nlayers; i-- > 0; ) {
		tl = &d->pkt->layers[i];
		if (tl->proto->role != ST_ROLE_TRANSPORT ||
		    tl->proto->ends[0] == NULL)
			continue;
		s = st_pkt_fd(d->pkt, tl, tl->proto->ends[0]);
		t = st_pkt_fd(d->pkt, tl, tl->proto->ends[1]);
		if (s == NULL || t == NULL)
			break;
		if (s->val == MB_PORT && t->val != MB_PORT)
			return Q_RESPONSE;
		if (s->val != MB_PORT && t->val == MB_PORT)
			return Q_QUERY;
		break;
	}
	return Q_UNKNOWN;
}

/*
 * The PDU's length from the MBAP header just before it, or SIZE_MAX; and
 * the key of its transaction in *key: unit ID and transaction ID (0 when
 * there is no header).
 */
static size_t
pdu_len(const struct st_dctx *d, uint64_t *key)
{
	const struct st_layer *ly = d->ly - 1;
	const struct st_field *f[M_NMBTCP];

	*key = 0;
	if (d->ly == d->pkt->layers || ly->proto != &st_proto_mbtcp)
		return SIZE_MAX;
	st_ly_fields(d->pkt, ly, st_mbtcp_fields, M_NMBTCP, f);
	if (f[M_TRANS] != NULL && f[M_UNIT] != NULL)
		*key = f[M_UNIT]->val << 16 | f[M_TRANS]->val;
	if (f[M_LEN] == NULL)
		return SIZE_MAX;
	return f[M_LEN]->val >= 1 ? (size_t)f[M_LEN]->val - 1 : 0;
}

/*
 * A query is noted for its response, a response finds its query (by unit,
 * transaction ID and function code, as Wireshark keys them) and, unless
 * it is an exception, shows the query's frame and the time since.
 */
static void
pair(struct mb *m, int q, int func, uint64_t key, int exc)
{
	struct st_match r;
	struct st_field *f;
	struct st_cur t = *m->c;
	char buf[48];
	size_t have = st_cur_left(&t) < m->end ? st_cur_left(&t) : m->end;

	key |= (uint64_t)func << 24;
	if (q == Q_QUERY) {
		memset(&m->req, 0, sizeof(m->req));
		if (have >= 3 && st_cur_skip(&t, 1))
			m->req.base = st_get_be16(&t);
		if (have >= 5)
			m->req.num = st_get_be16(&t);
		st_match_note(m->d, key, &m->req, sizeof(m->req));
		return;
	}
	if (q != Q_RESPONSE || !st_match_answer(m->d, key, &r))
		return;
	memcpy(&m->req, r.data, sizeof(m->req));
	m->found = 1;
	if (exc)
		return;
	st_dgen(m->d, &modbus_fields[F_REQFRAME], r.frame);
	st_match_delta(m->d, &r, buf, sizeof(buf));
	if ((f = st_dgen(m->d, &modbus_fields[F_RESPTIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(m->d->pkt, buf);
}

static int
modbus_decode(struct st_dctx *d, struct st_cur *c)
{
	uint64_t key;
	size_t left = st_cur_left(c), len = pdu_len(d, &key);
	struct mb m = { d, c, 1, 0, { 0, 0 }, 0 };
	struct st_field *f;
	int q, func;

	m.end = len < left ? len : left;
	if ((f = st_dfield(d, c, &modbus_fields[F_FUNC])) == NULL)
		return ST_ETRUNC;
	func = (int)f->val;
	q = direction(d);
	st_dgen(d, &modbus_fields[F_QUERY], (uint64_t)q);
	pair(&m, q, func, key, st_peek_bits(c, 0, 1));
	if (st_peek_bits(c, 0, 1))
		take(&m, F_EXC, 1);
	else if (!common(&m, func, q) && q != Q_UNKNOWN) {
		if (q == Q_QUERY)
			query(&m, func);
		else
			response(&m, func);
	}
	d->hdr = m.end;
	d->plen = left - d->hdr;
	if (c->err == ST_ETRUNC && len != SIZE_MAX && len <= left) {
		c->err = ST_OK;
		return st_dmalformed(d, "the body runs past the message's "
		    "length (%zu)", len);
	}
	if (c->err == ST_ETRUNC && len != SIZE_MAX &&
	    d->pkt->caplen == d->pkt->len) {
		/* Not cut by the capture: the message goes on in the next
		 * segment, which Wireshark would reassemble. */
		c->err = ST_OK;
		st_pkt_note(d->pkt, "Modbus: a message continues in a later "
		    "segment");
	}
	if (d->plen > 0)
		d->next = &st_proto_mbtcp;	/* another message */
	return ST_OK;
}

/* " Read Holding Registers ref 107 count 3", " exception ...". */
void
modbus_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NMODBUS];
	const struct st_valname *v;

	st_ly_fields(s->pkt, ly, modbus_fields, F_NMODBUS, f);
	if (f[F_QUERY] != NULL)
		st_out_printf(s->o, " %s",
		    query_names[f[F_QUERY]->val < 3 ? f[F_QUERY]->val : 2].name);
	if (f[F_FUNC] == NULL)
		return;
	for (v = func_names; v->name != NULL && v->val != f[F_FUNC]->val;
	    v++)
		;
	if (v->name != NULL)
		st_out_printf(s->o, " %s", v->name);
	else
		st_out_printf(s->o, " function %u", (unsigned)f[F_FUNC]->val);
	if (f[F_EXC] != NULL) {
		st_out_puts(s->o, " exception ");
		s->value(s, f[F_EXC]);
		return;
	}
	if (f[F_REF] != NULL) {
		st_out_puts(s->o, " ref ");
		s->value(s, f[F_REF]);
	}
	if (f[F_WORDS] != NULL || f[F_BITS] != NULL) {
		st_out_puts(s->o, " count ");
		s->value(s, f[F_WORDS] != NULL ? f[F_WORDS] : f[F_BITS]);
	} else if (f[F_BYTES] != NULL) {
		st_out_puts(s->o, " bytes ");
		s->value(s, f[F_BYTES]);
	}
}

static int
modbus_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "modbus");
	modbus_facts(s, ly);
	return 1;
}

static const struct st_field_desc *const modbus_keys[] = {
	&modbus_fields[F_FUNC], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_modbus = {
	.name = "modbus",
	.ws = "modbus",
	.title = "Modbus",
	.rfc = "Modbus Application Protocol Specification V1.1b3",
	.role = ST_ROLE_APP,
	.fields = modbus_fields,
	.nfields = F_NMODBUS,
	.decode = modbus_decode,
	/* @summary */
	.summary = modbus_summary,
	/* @views */
	.keys = modbus_keys,
	.color = "\033[33m",
	.explain = "A Modbus request or response: a function code (read "
	    "coils, read or write registers...) and its body; with the top "
	    "bit of the code set, an exception code says why the device "
	    "refused.  Coils are bits, least significant first; registers "
	    "are 16-bit words.  A response does not repeat the request's "
	    "address nor how many coils it asked for: strata takes them from "
	    "the request with the same transaction ID earlier in the "
	    "connection (numbering from 0 and showing every bit when it was "
	    "not captured).",
	/* @craft */
	/* @probes */
};
