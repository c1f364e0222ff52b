/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNP 3.0 (IEEE 1815-2012) over TCP and UDP port 20000.
 *
 * The data link header, its last two bytes a CRC of the eight before:
 * +-------------------------------+---------------+---------------+
 * |        start 0x0564           |   length      |   control     |
 * +-------------------------------+---------------+---------------+
 * |  destination (little-endian)  |  source (little-endian)       |
 * +-------------------------------+-------------------------------+
 * |     header CRC (LE)           |
 * +-------------------------------+
 * control: DIR, PRM, then FCB and FCV (from the primary station) or a
 * reserved bit and DFC (from the secondary), and a 4-bit function.
 *
 * Then length - 5 bytes of user data in chunks of 16, each followed by
 * its CRC (CRC-16/DNP, sent low byte first).  The first user byte is the
 * transport header (FIN, FIR, 6-bit sequence); the rest is a fragment of
 * an application message: control (FIR, FIN, CON, UNS, 4-bit sequence),
 * function code, for a response the internal indications (2 bytes), and
 * object headers: group, variation, qualifier (3-bit prefix code, 4-bit
 * range code), the range, then the objects.
 *
 * The application layer is read from the user data with the CRCs taken
 * out (bytes of the frame copied through the cursor); its fields are
 * placed at their first byte in the frame.  A message of one fragment
 * (FIR and FIN) is decoded; one of several is shown as fragment data, as
 * tshark shows what it has not reassembled.  Object values are skipped,
 * by their sizes, to reach the next header; an object whose size strata
 * does not know ends the list, whose headers are then left out.
 */
#include "strata/out.h"
#include "fields.h"

#define DNP3_PORT	20000
#define DNP3_HDR	10
#define DNP3_CHUNK	16
#define DNP3_MAXOBJ	32	/* object headers in a fragment */

static const char n_addr[] = "dnp3.addr";
static const char n_start[] = "dnp3.al.range.start";
static const char n_stop[] = "dnp3.al.range.stop";
static const char n_abs[] = "dnp3.al.range.abs";
static const char n_qty[] = "dnp3.al.range.quantity";
static const char n_size[] = "dnp3.al.size";

enum {
	F_START, F_LEN, F_CTL, F_DIR, F_PRM, F_FCB, F_FCV, F_PRIF, F_DFC,
	F_SECF, F_DST, F_ADDR, F_SRC, F_CRC, F_CRCST,
	F_TR, F_TRFIN, F_TRFIR, F_TRSEQ,
	F_CHUNK, F_CHLEN, F_CHCRC, F_CHCRCST,
	F_ALCTL, F_ALFIR, F_ALFIN, F_ALCON, F_ALUNS, F_ALSEQ, F_FUNC,
	F_IIN, F_RST, F_DT, F_DOL, F_TSR, F_C3, F_C2, F_C1, F_BMSG, F_CC,
	F_OAE, F_EBO, F_PIOOR, F_OBJU, F_FCNI,
	F_OBJ, F_PREFIX, F_RANGE,
	F_START8, F_STOP8, F_START16, F_STOP16, F_START32, F_STOP32,
	F_ABS8, F_ABS16, F_ABS32, F_QTY8, F_QTY16, F_QTY32,
	F_SIZE8, F_SIZE16, F_SIZE32,
	F_PIDX, F_BIT, F_TDELAY, F_FHANDLE, F_FSIZE, F_FMAXB, F_FREQ,
	F_FSTATUS, F_FSOFF, F_FSLEN, F_FAUTH, F_FMODE, F_FNAME, F_FRAG, F_FRAGN, F_FRAGLEN
};

static const struct st_valname prifunc_names[] = {
	{ 0, "Reset of Remote Link" }, { 1, "Reset of User Process" },
	{ 2, "Test Function For Link" }, { 3, "User Data" },
	{ 4, "Unconfirmed User Data" }, { 9, "Request Link Status" },
	{ 0, NULL }
};
static const struct st_valname secfunc_names[] = {
	{ 0, "ACK" }, { 1, "NACK" }, { 11, "Status of Link" },
	{ 14, "Link Service Not Functioning" },
	{ 15, "Link Service Not Used or Implemented" }, { 0, NULL }
};
static const struct st_valname func_names[] = {
	{ 0, "Confirm" }, { 1, "Read" }, { 2, "Write" }, { 3, "Select" },
	{ 4, "Operate" }, { 5, "Direct Operate" }, { 6, "Direct Operate No Ack" },
	{ 7, "Immediate Freeze" }, { 8, "Immediate Freeze No Ack" },
	{ 9, "Freeze and Clear" }, { 10, "Freeze and Clear No Ack" },
	{ 11, "Freeze With Time" }, { 12, "Freeze With Time No Ack" },
	{ 13, "Cold Restart" }, { 14, "Warm Restart" },
	{ 15, "Initialize Data" }, { 16, "Initialize Application" },
	{ 17, "Start Application" }, { 18, "Stop Application" },
	{ 19, "Save Configuration" }, { 20, "Enable Spontaneous Msg" },
	{ 21, "Disable Spontaneous Msg" }, { 22, "Assign Classes" },
	{ 23, "Delay Measurement" }, { 24, "Record Current Time" },
	{ 25, "Open File" }, { 26, "Close File" }, { 27, "Delete File" },
	{ 28, "Get File Info" }, { 29, "Authenticate File" },
	{ 30, "Abort File" }, { 129, "Response" },
	{ 130, "Unsolicited Response" }, { 0, NULL }
};
static const struct st_valname prefix_names[] = {
	{ 0, "None" }, { 1, "1-Octet Index Prefix" },
	{ 2, "2-Octet Index Prefix" }, { 3, "4-Octet Index Prefix" },
	{ 4, "1-Octet Object Size Prefix" }, { 5, "2-Octet Object Size Prefix" },
	{ 6, "4-Octet Object Size Prefix" }, { 0, NULL }
};
static const struct st_valname range_names[] = {
	{ 0, "8-bit Start and Stop Indices" },
	{ 1, "16-bit Start and Stop Indices" },
	{ 2, "32-bit Start and Stop Indices" },
	{ 3, "8-bit Absolute Address in Range Field" },
	{ 4, "16-bit Absolute Address in Range Field" },
	{ 5, "32-bit Absolute Address in Range Field" },
	{ 6, "No Range Field" }, { 7, "8-bit Single Field Quantity" },
	{ 8, "16-bit Single Field Quantity" },
	{ 9, "32-bit Single Field Quantity" },
	{ 11, "Free-format Qualifier" }, { 0, NULL }
};

/* Offsets: the link header's from the frame's start; the transport
 * header's, a chunk's and the application layer's from their own first
 * byte (the application layer's in the bytes without the CRCs). */
static const struct st_field_desc dnp3_fields[] = {
	[F_START] = FD("start", "dnp3.start", "Start bytes", 0, 16,
	    ST_FMT_HEX),
	[F_LEN] = FD("len", "dnp3.len", "Length", 16, 8, ST_FMT_DEC),
	[F_CTL] = FD("ctl", "dnp3.ctl", "Control", 24, 8, ST_FMT_HEX),
	[F_DIR] = FDD(NULL, "dnp3.ctl.dir", "Direction", 24, 1, ST_FMT_BOOL),
	[F_PRM] = FDD(NULL, "dnp3.ctl.prm", "Primary", 25, 1, ST_FMT_BOOL),
	[F_FCB] = FDD(NULL, "dnp3.ctl.fcb", "Frame count bit", 26, 1,
	    ST_FMT_BOOL),
	[F_FCV] = FDD(NULL, "dnp3.ctl.fcv", "Frame count valid", 27, 1,
	    ST_FMT_BOOL),
	[F_PRIF] = FDDN(NULL, "dnp3.ctl.prifunc", "Control function code",
	    28, 4, ST_FMT_DEC, prifunc_names),
	[F_DFC] = FDD(NULL, "dnp3.ctl.dfc", "Data flow control", 27, 1,
	    ST_FMT_BOOL),
	[F_SECF] = FDDN(NULL, "dnp3.ctl.secfunc", "Control function code",
	    28, 4, ST_FMT_DEC, secfunc_names),
	[F_DST] = FD("dst", "dnp3.dst", "Destination", 32, 16, ST_FMT_DEC),
	[F_ADDR] = FD(NULL, n_addr, "Address", 32, 16, ST_FMT_DEC),
	[F_SRC] = FD("src", "dnp3.src", "Source", 48, 16, ST_FMT_DEC),
	[F_CRC] = { .key = "crc", .name = "dnp3.hdr.CRC",
	    .label = "Header CRC", .bitoff = 64, .bits = 16,
	    .fmt = ST_FMT_HEX, .flags = ST_DF_CKSUM },
	[F_CRCST] = FDGS("dnp.hdr.CRC.status", "Header CRC status"),
	[F_TR] = FD(NULL, "dnp3.tr.ctl", "Transport control", 0, 8,
	    ST_FMT_HEX),
	[F_TRFIN] = FDD(NULL, "dnp3.tr.fin", "Final", 0, 1, ST_FMT_BOOL),
	[F_TRFIR] = FDD(NULL, "dnp3.tr.fir", "First", 1, 1, ST_FMT_BOOL),
	[F_TRSEQ] = FDD(NULL, "dnp3.tr.seq", "Sequence", 2, 6, ST_FMT_DEC),
	[F_CHUNK] = FD(NULL, "dnp.data_chunk", "Data chunk", 0, 0,
	    ST_FMT_BYTES),
	[F_CHLEN] = FDG("dnp.data_chunk_len", "Data chunk length",
	    ST_FMT_DEC, NULL),
	[F_CHCRC] = { .name = "dnp.data_chunk.CRC", .label = "Data chunk CRC",
	    .bits = 16, .fmt = ST_FMT_HEX, .flags = ST_DF_CKSUM },
	[F_CHCRCST] = FDGS("dnp.data_chunk.CRC.status",
	    "Data chunk CRC status"),
	[F_ALCTL] = FD(NULL, "dnp3.al.ctl", "Application control", 0, 8,
	    ST_FMT_HEX),
	[F_ALFIR] = FDD(NULL, "dnp3.al.fir", "First", 0, 1, ST_FMT_BOOL),
	[F_ALFIN] = FDD(NULL, "dnp3.al.fin", "Final", 1, 1, ST_FMT_BOOL),
	[F_ALCON] = FDD(NULL, "dnp3.al.con", "Confirm", 2, 1, ST_FMT_BOOL),
	[F_ALUNS] = FDD(NULL, "dnp3.al.uns", "Unsolicited", 3, 1,
	    ST_FMT_BOOL),
	[F_ALSEQ] = FDD(NULL, "dnp3.al.seq", "Sequence", 4, 4, ST_FMT_DEC),
	[F_FUNC] = FDN(NULL, "dnp3.al.func", "Function code", 8, 8,
	    ST_FMT_DEC, func_names),
	[F_IIN] = FD(NULL, "dnp3.al.iin", "Internal indications", 16, 16,
	    ST_FMT_HEX),
	[F_RST] = FDD(NULL, "dnp3.al.iin.rst", "Device restart", 16, 1,
	    ST_FMT_BOOL),
	[F_DT] = FDD(NULL, "dnp3.al.iin.dt", "Device trouble", 17, 1,
	    ST_FMT_BOOL),
	[F_DOL] = FDD(NULL, "dnp3.al.iin.dol", "Digital outputs in local",
	    18, 1, ST_FMT_BOOL),
	[F_TSR] = FDD(NULL, "dnp3.al.iin.tsr", "Time sync required", 19, 1,
	    ST_FMT_BOOL),
	[F_C3] = FDD(NULL, "dnp3.al.iin.cls3d", "Class 3 data available", 20,
	    1, ST_FMT_BOOL),
	[F_C2] = FDD(NULL, "dnp3.al.iin.cls2d", "Class 2 data available", 21,
	    1, ST_FMT_BOOL),
	[F_C1] = FDD(NULL, "dnp3.al.iin.cls1d", "Class 1 data available", 22,
	    1, ST_FMT_BOOL),
	[F_BMSG] = FDD(NULL, "dnp3.al.iin.bmsg", "Broadcast message received",
	    23, 1, ST_FMT_BOOL),
	[F_CC] = FDD(NULL, "dnp3.al.iin.cc", "Configuration corrupt", 26, 1,
	    ST_FMT_BOOL),
	[F_OAE] = FDD(NULL, "dnp3.al.iin.oae", "Operation already executing",
	    27, 1, ST_FMT_BOOL),
	[F_EBO] = FDD(NULL, "dnp3.al.iin.ebo", "Event buffer overflow", 28, 1,
	    ST_FMT_BOOL),
	[F_PIOOR] = FDD(NULL, "dnp3.al.iin.pioor",
	    "Parameters invalid or out of range", 29, 1, ST_FMT_BOOL),
	[F_OBJU] = FDD(NULL, "dnp3.al.iin.obju", "Requested objects unknown",
	    30, 1, ST_FMT_BOOL),
	[F_FCNI] = FDD(NULL, "dnp3.al.iin.fcni", "Function code not "
	    "implemented", 31, 1, ST_FMT_BOOL),
	/* From the object header's first byte. */
	[F_OBJ] = FD(NULL, "dnp3.al.obj", "Object (group, variation)", 0, 16,
	    ST_FMT_HEX),
	[F_PREFIX] = FDDN(NULL, "dnp3.al.objq.prefix", "Prefix code", 17, 3,
	    ST_FMT_DEC, prefix_names),
	[F_RANGE] = FDDN(NULL, "dnp3.al.objq.range", "Range code", 20, 4,
	    ST_FMT_DEC, range_names),
	/* From the range's first byte; values little-endian. */
	[F_START8] = FD(NULL, n_start, "Start", 0, 8, ST_FMT_DEC),
	[F_STOP8] = FD(NULL, n_stop, "Stop", 8, 8, ST_FMT_DEC),
	[F_START16] = FD(NULL, n_start, "Start", 0, 16, ST_FMT_DEC),
	[F_STOP16] = FD(NULL, n_stop, "Stop", 16, 16, ST_FMT_DEC),
	[F_START32] = FD(NULL, n_start, "Start", 0, 32, ST_FMT_DEC),
	[F_STOP32] = FD(NULL, n_stop, "Stop", 32, 32, ST_FMT_DEC),
	[F_ABS8] = FD(NULL, n_abs, "Address", 0, 8, ST_FMT_DEC),
	[F_ABS16] = FD(NULL, n_abs, "Address", 0, 16, ST_FMT_DEC),
	[F_ABS32] = FD(NULL, n_abs, "Address", 0, 32, ST_FMT_DEC),
	[F_QTY8] = FD(NULL, n_qty, "Quantity", 0, 8, ST_FMT_DEC),
	[F_QTY16] = FD(NULL, n_qty, "Quantity", 0, 16, ST_FMT_DEC),
	[F_QTY32] = FD(NULL, n_qty, "Quantity", 0, 32, ST_FMT_DEC),
	[F_SIZE8] = FD(NULL, n_size, "Object size", 0, 8, ST_FMT_DEC),
	[F_SIZE16] = FD(NULL, n_size, "Object size", 0, 16, ST_FMT_DEC),
	[F_SIZE32] = FD(NULL, n_size, "Object size", 0, 32, ST_FMT_DEC),
	/* Values, from their own first byte (little-endian). */
	[F_PIDX] = FDG("dnp3.al.point_index", "Point index", ST_FMT_DEC,
	    NULL),
	/* Wireshark's dnp3.al.bit shows bit 0 of the point's byte for every
	 * point of an internal indications object: the point's own bit is
	 * strata's. */
	[F_BIT] = FD(NULL, "strata.dnp3.bit", "Value (bit)", 0, 1,
	    ST_FMT_BOOL),
	[F_TDELAY] = FD(NULL, "dnp3.al.time_delay", "Time delay (ms)", 0, 16,
	    ST_FMT_DEC),
	[F_FHANDLE] = FD(NULL, "dnp3.al.file.handle", "File handle", 0, 32,
	    ST_FMT_HEX),
	[F_FSIZE] = FD(NULL, "dnp3.al.file.size", "File size", 0, 32,
	    ST_FMT_HEX),
	[F_FMAXB] = FD(NULL, "dnp3.al.file.maxblock", "File max block size",
	    0, 16, ST_FMT_DEC),
	[F_FREQ] = FD(NULL, "dnp3.al.file.reqID", "File request identifier",
	    0, 16, ST_FMT_DEC),
	[F_FSTATUS] = FD(NULL, "dnp3.al.file.status", "File control status",
	    0, 8, ST_FMT_DEC),
	[F_FSOFF] = FD(NULL, "dnp3.al.file_string_offset",
	    "File string offset", 0, 16, ST_FMT_DEC),
	[F_FSLEN] = FD(NULL, "dnp3.al.file_string_length",
	    "File string length", 0, 16, ST_FMT_DEC),
	[F_FAUTH] = FD(NULL, "dnp3.al.file.auth", "File authentication key",
	    0, 32, ST_FMT_HEX),
	[F_FMODE] = FD(NULL, "dnp3.al.file.mode", "File control mode", 0, 16,
	    ST_FMT_DEC),
	[F_FNAME] = FD(NULL, "dnp3.al.file_name", "File name", 0, 0,
	    ST_FMT_TEXT),
	/* A message of one fragment, as tshark's reassembly shows it. */
	[F_FRAG] = FDG("dnp3.al.fragment", "Fragment (frame)", ST_FMT_DEC,
	    NULL),
	[F_FRAGN] = FDG("dnp3.al.fragment.count", "Fragment count",
	    ST_FMT_DEC, NULL),
	[F_FRAGLEN] = FDG("dnp3.al.fragment.reassembled.length",
	    "Reassembled length", ST_FMT_DEC, NULL),
};

/* CRC-16/DNP (polynomial 0x3d65 reflected, complemented) of n bytes. */
static uint16_t
dnp3_crc(const uint8_t *p, size_t n)
{
	uint16_t crc = 0;
	size_t i;
	int b;

	for (i = 0; i < n; i++) {
		crc ^= p[i];
		for (b = 0; b < 8; b++)
			crc = (uint16_t)(crc & 1 ? crc >> 1 ^ 0xa6bc :
			    crc >> 1);
	}
	return (uint16_t)~crc;
}

/* Adds field fd with value v over its bits at byte off of c (a value the
 * wire holds little-endian, or one worked out). */
static struct st_field *
dnp3_val(struct st_dctx *d, const struct st_cur *c, int fi, size_t off,
    uint64_t v)
{
	const struct st_field_desc *fd = &dnp3_fields[fi];

	return st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + off) * 8 +
	    fd->bitoff), fd->bits, v);
}

/* The little-endian value of nb bytes at byte off of c (checked there). */
static uint64_t
le_at(const struct st_cur *c, size_t off, unsigned nb)
{
	uint64_t v = 0;

	while (nb-- > 0)
		v = v << 8 | c->base[c->off + off + nb];
	return v;
}

/* The CRC field fi at byte off of c (checked there) over the n bytes at
 * p, and its status. */
static void
dnp3_ck(struct st_dctx *d, const struct st_cur *c, int fi, size_t off,
    const uint8_t *p, size_t n)
{
	uint16_t want = dnp3_crc(p, n), got = (uint16_t)le_at(c, off, 2);
	struct st_field *f = st_pkt_add_field(d->pkt, &dnp3_fields[fi],
	    (uint32_t)((c->off + off) * 8), 16, got);

	if (f != NULL) {
		f->ck = got == want ? ST_CK_GOOD : ST_CK_BAD;
		f->aux = want;
	}
	st_dgen(d, &dnp3_fields[fi + 1], got == want ? ST_CK_GOOD : ST_CK_BAD);
}

/*
 * Bytes per object of group g, variation v, as IEEE 1815 sizes them:
 * > 0 that many, 0 none, -1 packed single bits, -2 packed double bits,
 * -3 unknown.
 */
static int
obj_size(unsigned g, unsigned v)
{
	static const struct { uint8_t g, v; int8_t n; } t[] = {
		{ 1, 1, -1 }, { 1, 2, 1 }, { 2, 1, 1 }, { 2, 2, 7 }, { 2, 3, 3 },
		{ 3, 1, -2 }, { 3, 2, 1 }, { 4, 1, 1 }, { 4, 2, 7 }, { 4, 3, 3 },
		{ 10, 1, -1 }, { 10, 2, 1 }, { 11, 1, 1 }, { 11, 2, 7 },
		{ 12, 1, 11 }, { 13, 1, 1 }, { 13, 2, 7 },
		{ 20, 1, 5 }, { 20, 2, 3 }, { 20, 5, 4 }, { 20, 6, 2 },
		{ 21, 1, 5 }, { 21, 2, 3 }, { 21, 5, 11 }, { 21, 6, 9 },
		{ 21, 9, 4 }, { 21, 10, 2 },
		{ 22, 1, 5 }, { 22, 2, 3 }, { 22, 5, 11 }, { 22, 6, 9 },
		{ 23, 1, 5 }, { 23, 2, 3 }, { 23, 5, 11 }, { 23, 6, 9 },
		{ 30, 1, 5 }, { 30, 2, 3 }, { 30, 3, 4 }, { 30, 4, 2 },
		{ 30, 5, 5 }, { 30, 6, 9 },
		{ 32, 1, 5 }, { 32, 2, 3 }, { 32, 3, 11 }, { 32, 4, 9 },
		{ 32, 5, 5 }, { 32, 6, 9 }, { 32, 7, 11 }, { 32, 8, 15 },
		{ 40, 1, 5 }, { 40, 2, 3 }, { 40, 3, 5 }, { 40, 4, 9 },
		{ 41, 1, 5 }, { 41, 2, 3 }, { 41, 3, 5 }, { 41, 4, 9 },
		{ 50, 1, 6 }, { 50, 2, 10 }, { 50, 3, 6 }, { 51, 1, 6 },
		{ 51, 2, 6 }, { 52, 1, 2 }, { 52, 2, 2 },
		{ 60, 1, 0 }, { 60, 2, 0 }, { 60, 3, 0 }, { 60, 4, 0 },
		{ 80, 1, -1 },
	};
	size_t i;

	if (g == 110 || g == 111)	/* octet strings: the variation */
		return (int)v;
	for (i = 0; i < NFIELDS(t); i++)
		if (t[i].g == g && t[i].v == v)
			return t[i].n;
	return -3;
}

/* Whether a request with function code fn carries object headers only. */
static int
headers_only(unsigned fn)
{
	return fn == 1 || (fn >= 7 && fn <= 12) || (fn >= 20 && fn <= 22);
}

#define DNP3_MAXPT	64	/* points whose values are shown */

/*
 * The values of cnt objects of group g, variation v, from byte off of a
 * (checked there), without prefixes, the first point first: shown for the
 * objects strata knows (internal indications, time delays).  Returns 0,
 * or 1 when it showed none (tshark shows values strata does not know).
 */
static int
obj_values(struct st_dctx *d, struct st_cur *a, size_t off, unsigned g,
    unsigned v, size_t cnt, uint64_t first)
{
	const struct st_field_desc *fd = &dnp3_fields[F_BIT];
	size_t i;

	if (cnt > DNP3_MAXPT)
		return 1;
	if (g == 80 && v == 1) {
		for (i = 0; i < cnt; i++) {
			st_dgen(d, &dnp3_fields[F_PIDX], first + i);
			st_pkt_add_field(d->pkt, fd, (uint32_t)((a->off + off +
			    i / 8) * 8 + 7 - i % 8), 1, le_at(a, off + i / 8,
			    1) >> (i % 8) & 1);
		}
		return 0;
	}
	if (g == 52 && (v == 1 || v == 2)) {
		for (i = 0; i < cnt; i++) {
			st_dgen(d, &dnp3_fields[F_PIDX], first + i);
			dnp3_val(d, a, F_TDELAY, off + 2 * i, le_at(a,
			    off + 2 * i, 2));
		}
		return 0;
	}
	return 1;
}

/* A file command status (group 70 variation 4) of sz bytes at byte off:
 * 0, or 1 when it is not the plain 13 bytes strata shows. */
static int
file_status(struct st_dctx *d, struct st_cur *a, size_t off, size_t sz)
{
	if (sz != 13)
		return 1;
	dnp3_val(d, a, F_FHANDLE, off, le_at(a, off, 4));
	dnp3_val(d, a, F_FSIZE, off + 4, le_at(a, off + 4, 4));
	dnp3_val(d, a, F_FMAXB, off + 8, le_at(a, off + 8, 2));
	dnp3_val(d, a, F_FREQ, off + 10, le_at(a, off + 10, 2));
	dnp3_val(d, a, F_FSTATUS, off + 12, le_at(a, off + 12, 1));
	return 0;
}

/*
 * A file command (group 70 variation 3) of sz bytes at byte off: name
 * offset and length, creation time and permissions (for writing), key,
 * size (for writing or appending), mode, block size, request ID, name.
 * 0, or 1 when it is one strata does not show (writing, appending: a
 * time), or its name runs past it.
 */
static int
file_cmd(struct st_dctx *d, struct st_cur *a, size_t off, size_t sz)
{
	char text[256 * 4 + 1];
	size_t nl;
	unsigned mode;

	if (sz < 26)
		return 1;
	nl = (size_t)le_at(a, off + 2, 2);
	mode = (unsigned)le_at(a, off + 20, 2);
	if (mode == 2 || mode == 3 || 26 + nl > sz || nl > 256)
		return 1;
	dnp3_val(d, a, F_FSOFF, off, le_at(a, off, 2));
	dnp3_val(d, a, F_FSLEN, off + 2, nl);
	dnp3_val(d, a, F_FAUTH, off + 12, le_at(a, off + 12, 4));
	dnp3_val(d, a, F_FMODE, off + 20, mode);
	dnp3_val(d, a, F_FMAXB, off + 22, le_at(a, off + 22, 2));
	dnp3_val(d, a, F_FREQ, off + 24, le_at(a, off + 24, 2));
	if (nl > 0) {
		st_escape(a->base + a->off + off + 26, nl, text, sizeof(text));
		st_dtext(d, a, &dnp3_fields[F_FNAME], off + 26, nl, text);
	}
	return 0;
}

/*
 * The object headers from byte off of the application bytes at a (n of
 * them, cursor over them); their fields go to the layer with positions in
 * a, set right by the caller.  Values too when *values is set; it is
 * cleared when an object's are not shown (the caller then shows none).
 * Returns 0, or -1 when an object's size is unknown or the bytes run out
 * (the caller drops the headers).
 */
static int
dnp3_objects(struct st_dctx *d, struct st_cur *a, size_t off, unsigned fn,
    int *values)
{
	static const int rf[12][2] = {
		{ F_START8, 1 }, { F_START16, 2 }, { F_START32, 4 },
		{ F_ABS8, 1 }, { F_ABS16, 2 }, { F_ABS32, 4 }, { 0, 0 },
		{ F_QTY8, 1 }, { F_QTY16, 2 }, { F_QTY32, 4 }, { 0, -1 },
		{ F_QTY8, 1 },
	};
	size_t n = st_cur_left(a), w, i, sz, pre, cnt;
	unsigned k, g, v, pc, rc;
	uint64_t first;
	int os;

	for (k = 0; k < DNP3_MAXOBJ && off < n; k++) {
		if (n - off < 3)
			return -1;
		g = (unsigned)le_at(a, off, 1);
		v = (unsigned)le_at(a, off + 1, 1);
		pc = (unsigned)le_at(a, off + 2, 1) >> 4 & 7;
		rc = (unsigned)le_at(a, off + 2, 1) & 0xf;
		st_dfields_at(d, a, off, dnp3_fields + F_OBJ, 3);
		off += 3;
		if (rc > 11 || rf[rc][1] < 0)
			return -1;
		w = (size_t)rf[rc][1];
		if (n - off < w * (rc <= 2 ? 2 : 1))
			return -1;
		cnt = 0;
		first = 0;
		if (rc <= 2) {
			first = le_at(a, off, (unsigned)w);
			dnp3_val(d, a, rf[rc][0], off, le_at(a, off,
			    (unsigned)w));
			/* The stop row's offset counts the start's width. */
			dnp3_val(d, a, rf[rc][0] + 1, off, le_at(a, off + w,
			    (unsigned)w));
			if (le_at(a, off + w, (unsigned)w) < le_at(a, off,
			    (unsigned)w))
				return -1;
			cnt = (size_t)(le_at(a, off + w, (unsigned)w) -
			    le_at(a, off, (unsigned)w) + 1);
			off += 2 * w;
		} else if (rc != 6) {
			dnp3_val(d, a, rf[rc][0], off, le_at(a, off,
			    (unsigned)w));
			cnt = rc <= 5 ? 1 : (size_t)le_at(a, off, (unsigned)w);
			if (rc <= 5)
				*values = 0;	/* an address, not indices */
			off += w;
		}
		if (rc == 6)
			continue;	/* all points: nothing more here */
		pre = pc >= 1 && pc <= 3 ? (size_t)1 << (pc - 1) : pc >= 4 &&
		    pc <= 6 ? (size_t)1 << (pc - 4) : 0;
		if (headers_only(fn) && pc < 4) {
			if (cnt > n || pre * cnt > n - off)
				return -1;
			off += pre * cnt;
			continue;
		}
		if (pc >= 4) {
			/* Each object behind its own size. */
			for (i = 0; i < cnt && i < 256; i++) {
				if (n - off < pre)
					return -1;
				sz = (size_t)le_at(a, off, (unsigned)pre);
				dnp3_val(d, a, F_SIZE8 + (pre == 2 ? 1 :
				    pre == 4 ? 2 : 0), off, sz);
				off += pre;
				if (n - off < sz)
					return -1;
				if (*values && (g != 70 || (v == 4 ?
				    file_status(d, a, off, sz) : v == 3 ?
				    file_cmd(d, a, off, sz) : 1) != 0))
					*values = 0;
				off += sz;
			}
			if (i < cnt)
				return -1;
			continue;
		}
		os = obj_size(g, v);
		if (os == -3 || cnt > 65536)
			return -1;
		sz = os == -1 ? (cnt + 7) / 8 : os == -2 ? (cnt + 3) / 4 :
		    pre * cnt + (size_t)os * cnt;
		if (os < 0)
			sz += pre * cnt;
		if (sz > n - off)
			return -1;
		if (*values && os != 0 && (pre != 0 ||
		    obj_values(d, a, off, g, v, cnt, first) != 0))
			*values = 0;
		off += sz;
	}
	return off < n ? -1 : 0;
}

/*
 * The application layer: its n bytes (the CRCs taken out) copied into
 * al; pos[i] is the frame offset of al[i].  Its fields are added through
 * a cursor over al, then moved to their frame positions.
 */
static void
dnp3_al(struct st_dctx *d, const uint8_t *al, size_t n, const size_t *pos)
{
	struct st_cur a = st_cur_make(al, n);
	struct st_dmark m;
	unsigned i0 = d->pkt->nfields, i, fn;
	struct st_field *f;
	size_t b, off = 2;
	int values = 1;

	if (n < 2)
		return;
	st_dgen(d, &dnp3_fields[F_FRAG], d->pkt->num);
	st_dgen(d, &dnp3_fields[F_FRAGN], 1);
	st_dgen(d, &dnp3_fields[F_FRAGLEN], n);
	st_dfields(d, &a, dnp3_fields + F_ALCTL, F_FUNC - F_ALCTL + 1);
	fn = al[1];
	if ((fn == 129 || fn == 130) && n >= 4) {
		st_dfields(d, &a, dnp3_fields + F_IIN, F_FCNI - F_IIN + 1);
		off = 4;
	}
	st_dmark(d, &m);
	if (fn != 0 && dnp3_objects(d, &a, off, fn, &values) != 0)
		st_drewind(d, &m);
	else if (fn != 0 && !values) {
		/* Values of objects strata does not know: none shown. */
		st_drewind(d, &m);
		dnp3_objects(d, &a, off, fn, &values);
	}
	for (i = i0; i < d->pkt->nfields; i++) {
		f = &d->pkt->fields[i];
		if (f->bits == 0 || (b = f->bitoff / 8) >= n)
			continue;
		f->bitoff = (uint32_t)(pos[b] * 8 + f->bitoff % 8);
	}
}

static int
dnp3_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), total, data, i, k, ck, nal = 0;
	uint8_t al[256], hdr[DNP3_HDR];
	size_t pos[256];
	unsigned len, ctl, tr, func;
	const uint8_t *p;
	int ok = 1;

	/* As Wireshark takes port 20000's bytes: 0x05 0x64, and a good
	 * header CRC when the header is there. */
	if (left < 3 || st_peek_bits(c, 0, 16) != 0x0564)
		return left < 3 && d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    ST_ENOTME;
	if (left >= DNP3_HDR && dnp3_crc(c->base + c->off, 8) !=
	    (uint16_t)le_at(c, 8, 2))
		return ST_ENOTME;
	len = (unsigned)st_peek_bits(c, 16, 8);
	data = len > 5 ? len - 5 : 0;
	total = DNP3_HDR + data + 2 * ((data + DNP3_CHUNK - 1) / DNP3_CHUNK);
	d->hdr = total < left ? total : left;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another frame */
	if (st_dfields(d, c, dnp3_fields, F_FCB) != ST_OK)
		return c->err;
	ctl = (unsigned)st_peek_bits(c, 24, 8);
	if (ctl & 0x40)
		st_dfields(d, c, dnp3_fields + F_FCB, 3);
	else
		st_dfields(d, c, dnp3_fields + F_DFC, 2);
	if (!st_cur_need(c, DNP3_HDR))
		return c->err;
	dnp3_val(d, c, F_DST, 0, le_at(c, 4, 2));
	dnp3_val(d, c, F_ADDR, 0, le_at(c, 4, 2));
	dnp3_val(d, c, F_SRC, 0, le_at(c, 6, 2));
	dnp3_val(d, c, F_ADDR, 2, le_at(c, 6, 2));
	memcpy(hdr, c->base + c->off, DNP3_HDR);
	dnp3_ck(d, c, F_CRC, 8, hdr, 8);
	func = ctl & 0xf;
	if (func == 9 || func == 11 || func == 0)
		return ST_OK;		/* no transport or application data */
	if (len < 5)
		return st_dmalformed(d, "length %u below the header's 5", len);
	if (left < DNP3_HDR + 1)
		return ST_ETRUNC;
	st_dfields_at(d, c, DNP3_HDR, dnp3_fields + F_TR, 4);
	tr = (unsigned)st_peek_bits(c, DNP3_HDR * 8, 8);
	for (i = 0, k = DNP3_HDR; i < data; i += ck, k += ck + 2) {
		ck = data - i < DNP3_CHUNK ? data - i : DNP3_CHUNK;
		if (left < k + ck + 2)
			return ST_ETRUNC;
		p = c->base + c->off + k;
		st_dbytes(d, c, &dnp3_fields[F_CHUNK], k, ck);
		st_dgen(d, &dnp3_fields[F_CHLEN], ck);
		dnp3_ck(d, c, F_CHCRC, k + ck, p, ck);
		if (dnp3_crc(p, ck) != (uint16_t)le_at(c, k + ck, 2)) {
			ok = 0;		/* the rest is not trusted */
			break;
		}
		for (; nal < i + ck - 1 && nal < sizeof(al); nal++) {
			al[nal] = p[nal + 1 - i];
			pos[nal] = c->off + k + nal + 1 - i;
		}
	}
	/* One fragment of several is not reassembled here (nor shown: its
	 * bytes lie between CRCs). */
	if (ok && nal > 0 && (tr & 0xc0) == 0xc0)
		dnp3_al(d, al, nal, pos);
	return ST_OK;
}

/* The length of the DNP3 frame at c (strata/proto.h, pdu_len): header,
 * user data and a CRC per chunk of 16, as its length byte says; "more"
 * when the start bytes are there but not the length. */
static size_t
dnp3_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), data;

	if (left == 0 || st_peek_bits(c, 0, 8) != 0x05 ||
	    (left >= 2 && st_peek_bits(c, 8, 8) != 0x64))
		return 0;
	if (left < 3)
		return ST_PDU_MORE;
	data = (size_t)st_peek_bits(c, 16, 8);
	data = data > 5 ? data - 5 : 0;
	return DNP3_HDR + data + 2 * ((data + DNP3_CHUNK - 1) / DNP3_CHUNK);
}

static const struct st_bind dnp3_binds[] = {
	{ ST_KEY_TCPPORT, DNP3_PORT },
	{ ST_KEY_UDPPORT, DNP3_PORT },
};

/* "dnp3 from 3 to 4 len=99, Unconfirmed User Data, Delete File", as
 * tshark's info column says it. */
static int
dnp3_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_FUNC + 1];
	const char *fn = NULL, *al = NULL;

	st_ly_fields(s->pkt, ly, dnp3_fields, F_FUNC + 1, f);
	if (f[F_SRC] == NULL || f[F_DST] == NULL || f[F_LEN] == NULL ||
	    f[F_CTL] == NULL)
		return 0;
	fn = st_valname(f[F_CTL]->val & 0x40 ? prifunc_names : secfunc_names,
	    (uint32_t)(f[F_CTL]->val & 0xf));
	if (f[F_FUNC] != NULL)
		al = st_valname(func_names, (uint32_t)f[F_FUNC]->val);
	st_out_printf(s->o, "dnp3 from %u to %u len=%u, %s%s%s",
	    (unsigned)f[F_SRC]->val, (unsigned)f[F_DST]->val,
	    (unsigned)f[F_LEN]->val, fn != NULL ? fn : "Unknown function",
	    al != NULL ? ", " : "", al != NULL ? al : "");
	return 1;
}

static const struct st_field_desc *const dnp3_keys[] = {
	&dnp3_fields[F_CTL], &dnp3_fields[F_DST], &dnp3_fields[F_SRC], NULL,
};

const struct st_proto st_proto_dnp3 = {
	.name = "dnp3",
	.ws = "dnp3",
	.title = "Distributed Network Protocol 3.0",
	.rfc = "IEEE 1815-2012",
	.role = ST_ROLE_APP,
	.fields = dnp3_fields,
	.nfields = NFIELDS(dnp3_fields),
	.decode = dnp3_decode,
	.binds = dnp3_binds,
	.nbinds = NFIELDS(dnp3_binds),
	.summary = dnp3_summary,
	.pdu_len = dnp3_pdu_len,
	.keys = dnp3_keys,
	.color = "\033[33m",
	.explain_bits = 80,
	.explain = "The data link header (length counts control, addresses "
	    "and user data, not the CRCs), then user data in chunks of 16 "
	    "bytes, each followed by its CRC-16/DNP (low byte first).  The "
	    "first user byte is the transport header (FIN, FIR, sequence); "
	    "the rest carry the application layer: control, function code, "
	    "internal indications in a response, and object headers (group, "
	    "variation, qualifier, range).",
};
