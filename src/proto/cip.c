/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CIP, the Common Industrial Protocol (ODVA, The CIP Networks Library
 * volume 1, chapter 2 and appendix C), as EtherNet/IP carries it in a
 * data item (enip.c hands it on through the registry).  A request is a
 * service code, the path's size in 16-bit words and the path: segments
 * naming the object (class, instance, attribute; a port to route
 * through; a tag's name), then the service's data.  An answer has the
 * service code with its top bit set, a reserved byte, the general status
 * and its additional status words.
 *
 *   request:  +--------+--------+--------+---
 *             |R|service| words  | path ...
 *             +--------+--------+--------+---
 *   answer:   +--------+--------+--------+--------+---
 *             |1|service|reserved|general |addsize | additional ...
 *             +--------+--------+--------+--------+---
 *
 * Numbers are little-endian.  A logical segment's first byte is its kind
 * (3 bits: 1 logical), the logical type (3 bits: class, instance,
 * member, connection point, attribute) and the format (2 bits: an 8-bit
 * value next, or a pad byte and a 16- or 32-bit value).
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "indus.h"

#define CIP_MAXSEGS	32

enum { S_PORT = 0, S_LOGICAL = 1, S_DATA = 4 };

enum { F_SERVICE, F_RR, F_SC, F_PATHSIZE, F_EPATH, F_SEG, F_SEGTYPE,
	F_LTYPE, F_LFORMAT, F_LV8, F_LV16 = F_LV8 + 5, F_LV32 = F_LV16 + 5,
	F_EXTLINK = F_LV32 + 5, F_PORT, F_LINKBYTE, F_LINKSIZE, F_LINKSTR,
	F_DTYPE, F_DSIZE, F_SYMBOL, F_GENSTAT, F_ADDSIZE, F_ADDSTAT, F_DATA,
	F_NCIP };

static const struct st_valname sc_names[] = {
	{ 0x01, "Get Attributes All" }, { 0x02, "Set Attributes All" },
	{ 0x03, "Get Attribute List" }, { 0x04, "Set Attribute List" },
	{ 0x05, "Reset" }, { 0x06, "Start" }, { 0x07, "Stop" },
	{ 0x08, "Create" }, { 0x09, "Delete" },
	{ 0x0a, "Multiple Service Packet" }, { 0x0d, "Apply Attributes" },
	{ 0x0e, "Get Attribute Single" }, { 0x10, "Set Attribute Single" },
	{ 0x11, "Find Next Object Instance" }, { 0x15, "Restore" },
	{ 0x16, "Save" }, { 0x17, "Nop" }, { 0x18, "Get Member" },
	{ 0x19, "Set Member" }, { 0x1a, "Insert Member" },
	{ 0x1b, "Remove Member" }, { 0x1c, "Group Sync" }, { 0, NULL }
};

static const struct st_valname genstat_names[] = {
	{ 0, "Success" }, { 1, "Connection failure" },
	{ 2, "Resource unavailable" }, { 3, "Invalid parameter value" },
	{ 4, "Path segment error" }, { 5, "Path destination unknown" },
	{ 6, "Partial transfer" }, { 7, "Connection lost" },
	{ 8, "Service not supported" }, { 9, "Invalid attribute value" },
	{ 10, "Attribute list error" },
	{ 11, "Already in requested mode/state" },
	{ 12, "Object state conflict" }, { 13, "Object already exists" },
	{ 14, "Attribute not settable" }, { 15, "Privilege violation" },
	{ 16, "Device state conflict" }, { 17, "Reply data too large" },
	{ 18, "Fragmentation of a primitive value" },
	{ 19, "Not enough data" }, { 20, "Attribute not supported" },
	{ 21, "Too much data" }, { 22, "Object does not exist" },
	{ 23, "Service fragmentation sequence not in progress" },
	{ 24, "No stored attribute data" }, { 25, "Store operation failure" },
	{ 26, "Routing failure, request packet too large" },
	{ 27, "Routing failure, response packet too large" },
	{ 28, "Missing attribute list entry data" },
	{ 29, "Invalid attribute value list" },
	{ 30, "Embedded service error" }, { 31, "Vendor specific error" },
	{ 32, "Invalid parameter" },
	{ 33, "Write-once value or medium already written" },
	{ 34, "Invalid reply received" }, { 35, "Buffer overflow" },
	{ 36, "Invalid message format" }, { 37, "Key failure in path" },
	{ 38, "Path size invalid" }, { 39, "Unexpected attribute in list" },
	{ 40, "Invalid Member ID" }, { 41, "Member not settable" },
	{ 42, "Group 2 only server general failure" },
	{ 43, "Unknown Modbus error" }, { 44, "Attribute not gettable" },
	{ 0, NULL }
};

static const struct st_valname segtype_names[] = {
	{ 0, "Port Segment" }, { 1, "Logical Segment" },
	{ 2, "Network Segment" }, { 3, "Symbolic Segment" },
	{ 4, "Data Segment" }, { 5, "Constructed Data Type" },
	{ 6, "Elementary Data Type" }, { 7, "Reserved" }, { 0, NULL }
};

static const struct st_valname ltype_names[] = {
	{ 0, "Class ID" }, { 1, "Instance ID" }, { 2, "Member ID" },
	{ 3, "Connection Point" }, { 4, "Attribute ID" }, { 5, "Special" },
	{ 6, "Service ID" }, { 7, "Extended Logical" }, { 0, NULL }
};

static const struct st_valname lformat_names[] = {
	{ 0, "8-bit Logical Segment" }, { 1, "16-bit Logical Segment" },
	{ 2, "32-bit Logical Segment" }, { 3, "Reserved" }, { 0, NULL }
};

/* A logical segment's value rows, by logical type (0 to 4), in the
 * three widths its format gives (one name each, as Wireshark's). */
#define LROWS(base, w, f) \
	[base + 0] = FD(NULL, "cip.class", "Class", 0, w, ST_FMT_HEX), \
	[base + 1] = FD(NULL, "cip.instance", "Instance", 0, w, ST_FMT_HEX), \
	[base + 2] = FD(NULL, "cip.member", "Member", 0, w, ST_FMT_HEX), \
	[base + 3] = FD(NULL, "cip.connpoint", "Connection Point", 0, w, \
	    ST_FMT_HEX), \
	[base + 4] = FD(NULL, "cip.attribute", "Attribute", 0, w, f)

/* Rows are read at the position of their bytes; a part of a byte by its
 * own bit offset in it. */
static const struct st_field_desc cip_fields[F_NCIP] = {
	[F_SERVICE] = FD("service", "cip.service", "Service", 0, 8,
	    ST_FMT_HEX),
	[F_RR] = FDD(NULL, "cip.rr", "Request/Response", 0, 1, ST_FMT_HEX),
	[F_SC] = FDDN(NULL, "cip.sc", "Service", 1, 7, ST_FMT_HEX, sc_names),
	[F_PATHSIZE] = FD(NULL, "cip.request_path_size", "Request Path Size",
	    0, 8, ST_FMT_DEC),
	[F_EPATH] = FD(NULL, "cip.epath", "EPath", 0, 0, ST_FMT_BYTES),
	[F_SEG] = FD(NULL, "cip.path_segment", "Path Segment", 0, 8,
	    ST_FMT_HEX),
	[F_SEGTYPE] = FDDN(NULL, "cip.path_segment.type", "Path Segment "
	    "Type", 0, 3, ST_FMT_DEC, segtype_names),
	[F_LTYPE] = FDDN(NULL, "cip.logical_segment.type", "Logical Segment "
	    "Type", 3, 3, ST_FMT_DEC, ltype_names),
	[F_LFORMAT] = FDDN(NULL, "cip.logical_segment.format", "Logical "
	    "Segment Format", 6, 2, ST_FMT_DEC, lformat_names),
	LROWS(F_LV8, 8, ST_FMT_DEC),
	LROWS(F_LV16, 16, ST_FMT_DEC),
	LROWS(F_LV32, 32, ST_FMT_DEC),
	[F_EXTLINK] = FDD(NULL, "cip.ex_linkaddress", "Extended Link Address",
	    3, 1, ST_FMT_BOOL),
	[F_PORT] = FDD(NULL, "cip.port", "Port", 4, 4, ST_FMT_DEC),
	[F_LINKBYTE] = FD(NULL, "cip.linkaddress.byte", "Link Address", 0, 8,
	    ST_FMT_DEC),
	[F_LINKSIZE] = FD(NULL, "cip.linkaddress_size", "Link Address Size",
	    0, 8, ST_FMT_DEC),
	[F_LINKSTR] = FD(NULL, "cip.linkaddress.string", "Link Address", 0,
	    0, ST_FMT_TEXT),
	[F_DTYPE] = FDD(NULL, "cip.data_segment.type", "Data Segment Type", 3,
	    5, ST_FMT_DEC),
	[F_DSIZE] = FD(NULL, "cip.data_segment.size", "Data Size", 0, 8,
	    ST_FMT_DEC),
	[F_SYMBOL] = FD(NULL, "cip.symbol", "ANSI Symbol", 0, 0, ST_FMT_TEXT),
	[F_GENSTAT] = FDN(NULL, "cip.genstat", "General Status", 0, 8,
	    ST_FMT_HEX, genstat_names),
	[F_ADDSIZE] = FD(NULL, "cip.addstat_size", "Additional Status Size",
	    0, 8, ST_FMT_DEC),
	[F_ADDSTAT] = FD(NULL, "cip.addstat", "Additional Status", 0, 16,
	    ST_FMT_HEX),
	[F_DATA] = FD(NULL, "cip.data", "Data", 0, 0, ST_FMT_BYTES),
};

/* Row f over the n bytes at off (big-endian: single bytes and bytes). */
static struct st_field *
row(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dbytes(d, c, &cip_fields[f], off, n);
}

/* Row f, a part of the byte at off, by its own bit offset. */
static void
part(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	st_dfields_at(d, c, off, &cip_fields[f], 1);
}

/*
 * One segment of a path at off (the path ends at end): its fields, and
 * how many bytes it takes; 0 for a kind strata does not read (the rest
 * of the path is then shown only as the EPath's bytes).  *cls is set by
 * a class segment.
 */
static size_t
segment(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    long *cls)
{
	static const size_t width[3] = { 1, 2, 4 };
	unsigned b = ind_byte(c, off), kind = b >> 5, lt = 0, fmt = 0, n = 0;
	size_t len;

	switch (kind) {
	case S_LOGICAL:
		lt = b >> 2 & 7;
		fmt = b & 3;
		if (lt > 4 || fmt > 2)
			return 0;
		len = fmt == 0 ? 2 : 2 + width[fmt];
		break;
	case S_PORT:
		if ((b & 0x0f) == 0x0f)	/* extended port number */
			return 0;
		n = b & 0x10 ? ind_byte(c, off + 1) : 1;
		len = b & 0x10 ? 2 + n + (n & 1) : 2;
		break;
	case S_DATA:
		if ((b & 0x1f) != 0x11)	/* an ANSI extended symbol only */
			return 0;
		n = ind_byte(c, off + 1);
		len = 2 + n + (n & 1);
		break;
	default:
		return 0;
	}
	if (off + len > end)
		return 0;
	row(d, c, F_SEG, off, 1);
	part(d, c, F_SEGTYPE, off);
	if (kind == S_LOGICAL) {
		part(d, c, F_LTYPE, off);
		part(d, c, F_LFORMAT, off);
		if (fmt == 0)
			row(d, c, F_LV8 + (int)lt, off + 1, 1);
		else
			st_dle(d, c, &cip_fields[(fmt == 1 ? F_LV16 : F_LV32) +
			    (int)lt], off + 2, width[fmt]);
		if (lt == 0)
			*cls = fmt == 0 ? (long)ind_byte(c, off + 1) :
			    (long)ind_le(c, off + 2, 2);
	} else if (kind == S_PORT) {
		part(d, c, F_EXTLINK, off);
		part(d, c, F_PORT, off);
		if (b & 0x10) {
			row(d, c, F_LINKSIZE, off + 1, 1);
			if (n > 0)
				st_dtext_ascii(d, c, &cip_fields[F_LINKSTR],
				    off + 2, n);
		} else
			row(d, c, F_LINKBYTE, off + 1, 1);
	} else {
		part(d, c, F_DTYPE, off);
		row(d, c, F_DSIZE, off + 1, 1);
		if (n > 0)
			st_dtext_ascii(d, c, &cip_fields[F_SYMBOL], off + 2, n);
	}
	return len;
}

/* A request: path size, the path and its segments, the service's data
 * when Wireshark shows it as CIP's own (the object's class is named and
 * is no connection manager's, whose services cipcm reads). */
static int
request(struct st_dctx *d, struct st_cur *c, size_t left)
{
	size_t end = 2 + 2 * (size_t)ind_byte(c, 1), off = 2, n;
	unsigned sc = ind_byte(c, 0) & 0x7f, k;
	long cls = -1;

	row(d, c, F_PATHSIZE, 1, 1);
	if (c->err != ST_OK)
		return c->err;
	if (end > 2 && end <= left)
		row(d, c, F_EPATH, 2, end - 2);
	/* The segments as far as they were captured. */
	for (k = 0; k < CIP_MAXSEGS && off < end && c->err == ST_OK; k++) {
		if ((n = segment(d, c, off, end, &cls)) == 0)
			break;
		off += n;
	}
	if (end > left) {
		c->err = ST_OK;
		if (d->pkt->caplen == d->pkt->len)
			return st_dmalformed(d, "the path (%zu bytes) runs "
			    "past the message", end - 2);
		return ST_ETRUNC;
	}
	if (left > end && cls >= 0 && cls != 0x06 && sc != 0x0a)
		row(d, c, F_DATA, end, left - end);
	return c->err;
}

/* An answer: the general status and the additional status words. */
static int
answer(struct st_dctx *d, struct st_cur *c)
{
	unsigned n = ind_byte(c, 3), i;

	row(d, c, F_GENSTAT, 2, 1);
	row(d, c, F_ADDSIZE, 3, 1);
	for (i = 0; i < n && c->err == ST_OK; i++)
		st_dle(d, c, &cip_fields[F_ADDSTAT], 4 + 2 * (size_t)i, 2);
	return c->err;
}

static int
cip_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	int rc;

	st_dfields(d, c, cip_fields, F_SC + 1);
	if (c->err != ST_OK)
		return c->err;
	rc = ind_byte(c, 0) & 0x80 ? answer(d, c) : request(d, c, left);
	d->hdr = left;
	return rc;
}

/* EtherNet/IP's data items (enip.c): "ENIP". */
static const struct st_bind cip_binds[] = {
	{ ST_KEY_FRAMED, 0x454e4950 },
};

/* "cip Get Attribute Single class 0x01 instance 0x01 attribute 7",
 * "cip Get Attribute Single response Path destination unknown". */
static int
cip_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const what[5] = { "class", "instance", "member",
	    "connpoint", "attribute" };
	const struct st_field *f[F_NCIP], *fl;
	const char *n;
	unsigned k, sc;

	st_ly_fields(s->pkt, ly, cip_fields, F_NCIP, f);
	st_out_puts(s->o, "cip");
	if (f[F_SERVICE] == NULL)
		return 1;
	sc = (unsigned)f[F_SERVICE]->val & 0x7f;
	if ((n = st_valname(sc_names, sc)) != NULL)
		st_out_printf(s->o, " %s", n);
	else
		st_out_printf(s->o, " service 0x%02x", sc);
	if (f[F_GENSTAT] != NULL) {
		n = st_valname(genstat_names, (uint32_t)f[F_GENSTAT]->val);
		st_out_puts(s->o, " response ");
		if (n != NULL)
			st_out_puts(s->o, n);
		else
			s->value(s, f[F_GENSTAT]);
		return 1;
	}
	for (k = 0; k < 5; k++) {
		fl = f[F_LV8 + k] != NULL ? f[F_LV8 + k] :
		    f[F_LV16 + k] != NULL ? f[F_LV16 + k] : f[F_LV32 + k];
		if (fl != NULL)
			st_out_printf(s->o, k == 4 ? " %s %u" : " %s 0x%02x",
			    what[k], (unsigned)fl->val);
	}
	if (f[F_SYMBOL] != NULL) {
		st_out_puts(s->o, " tag ");
		s->value(s, f[F_SYMBOL]);
	}
	return 1;
}

static const struct st_field_desc *const cip_keys[] = {
	&cip_fields[F_SERVICE], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_cip = {
	.name = "cip",
	.ws = "cip",
	.title = "Common Industrial Protocol",
	.rfc = "ODVA CIP Networks Library vol. 1",
	.role = ST_ROLE_APP,
	.fields = cip_fields,
	.nfields = F_NCIP,
	.decode = cip_decode,
	.binds = cip_binds,
	.nbinds = NFIELDS(cip_binds),
	/* @summary */
	.summary = cip_summary,
	/* @views */
	.keys = cip_keys,
	.color = "\033[33m",
	.explain_bits = 8,
	.explain = "CIP, the object protocol of EtherNet/IP (and DeviceNet, "
	    "ControlNet).  A device is a set of objects, each of a class "
	    "(1 Identity, 2 Message Router, 6 Connection Manager, 0xf5 "
	    "TCP/IP...) with numbered instances and attributes.  A request "
	    "names a service (Get Attribute Single, Set Attribute Single, "
	    "Forward Open, a vendor's Read Tag...) and the path to its "
	    "object, in 16-bit words: logical segments for class, instance "
	    "and attribute, a port segment to route through a backplane, a "
	    "symbolic segment for a tag's name.  The answer sets the "
	    "service's top bit and gives a general status (0 success) and "
	    "additional status words; it does not repeat the path.",
	/* @craft */
	/* @probes */
};
