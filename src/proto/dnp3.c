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
 * does not know ends the list, whose headers are then left out.  The
 * application layer is in dnp3al.c, the rows both use in dnp3.h.
 */
#include "strata/out.h"
#include "dnp3.h"

#define DNP3_PORT	20000
#define DNP3_HDR	10
#define DNP3_CHUNK	16

static const char n_addr[] = "dnp3.addr";
static const char n_start[] = "dnp3.al.range.start";
static const char n_stop[] = "dnp3.al.range.stop";
static const char n_abs[] = "dnp3.al.range.abs";
static const char n_qty[] = "dnp3.al.range.quantity";
static const char n_size[] = "dnp3.al.size";


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
const struct st_field_desc st_dnp3_fields[ST_DNP3_NFIELDS] = {
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

struct st_field *
st_dnp3_val(struct st_dctx *d, const struct st_cur *c, int fi, size_t off,
    uint64_t v)
{
	const struct st_field_desc *fd = &st_dnp3_fields[fi];

	return st_pkt_add_field(d->pkt, fd, (uint32_t)((c->off + off) * 8 +
	    fd->bitoff), fd->bits, v);
}

uint64_t
st_dnp3_le(const struct st_cur *c, size_t off, unsigned nb)
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
	uint16_t want = dnp3_crc(p, n), got = (uint16_t)st_dnp3_le(c, off, 2);
	struct st_field *f = st_pkt_add_field(d->pkt, &st_dnp3_fields[fi],
	    (uint32_t)((c->off + off) * 8), 16, got);

	if (f != NULL) {
		f->ck = got == want ? ST_CK_GOOD : ST_CK_BAD;
		f->aux = want;
	}
	st_dgen(d, &st_dnp3_fields[fi + 1], got == want ? ST_CK_GOOD : ST_CK_BAD);
}


/* Whether the bytes under the current layer are fewer than its carriers
 * declare: the capture was cut, or a layer below is malformed. */
static int
cut_short(const struct st_dctx *d)
{
	const struct st_layer *ly;

	if (d->pkt->caplen < d->pkt->len)
		return 1;
	for (ly = d->pkt->layers; ly < d->ly; ly++)
		if (ly->depth == d->ly->depth && ly->status == ST_LS_MALFORMED)
			return 1;
	return 0;
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
	    (uint16_t)st_dnp3_le(c, 8, 2))
		return ST_ENOTME;
	len = (unsigned)st_peek_bits(c, 16, 8);
	data = len > 5 ? len - 5 : 0;
	total = DNP3_HDR + data + 2 * ((data + DNP3_CHUNK - 1) / DNP3_CHUNK);
	/* A later frame of the segment whose bytes were cut short of what
	 * the headers say (by the capture, or a length below that runs past
	 * them): tshark's framing shows it nowhere (the bytes are data). */
	if (total > left && d->ly > d->pkt->layers &&
	    d->ly[-1].proto == d->ly->proto &&
	    d->ly[-1].depth == d->ly->depth && cut_short(d))
		return ST_ENOTME;
	d->hdr = total < left ? total : left;
	d->plen = left - d->hdr;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another frame */
	if (st_dfields(d, c, st_dnp3_fields, F_FCB) != ST_OK)
		return c->err;
	ctl = (unsigned)st_peek_bits(c, 24, 8);
	if (ctl & 0x40)
		st_dfields(d, c, st_dnp3_fields + F_FCB, 3);
	else
		st_dfields(d, c, st_dnp3_fields + F_DFC, 2);
	if (!st_cur_need(c, DNP3_HDR))
		return c->err;
	st_dnp3_val(d, c, F_DST, 0, st_dnp3_le(c, 4, 2));
	st_dnp3_val(d, c, F_ADDR, 0, st_dnp3_le(c, 4, 2));
	st_dnp3_val(d, c, F_SRC, 0, st_dnp3_le(c, 6, 2));
	st_dnp3_val(d, c, F_ADDR, 2, st_dnp3_le(c, 6, 2));
	memcpy(hdr, c->base + c->off, DNP3_HDR);
	dnp3_ck(d, c, F_CRC, 8, hdr, 8);
	func = ctl & 0xf;
	if (func == 9 || func == 11 || func == 0)
		return ST_OK;		/* no transport or application data */
	if (len < 5)
		return st_dmalformed(d, "length %u below the header's 5", len);
	if (left < DNP3_HDR + 1)
		return ST_ETRUNC;
	st_dfields_at(d, c, DNP3_HDR, st_dnp3_fields + F_TR, 4);
	tr = (unsigned)st_peek_bits(c, DNP3_HDR * 8, 8);
	for (i = 0, k = DNP3_HDR; i < data; i += ck, k += ck + 2) {
		ck = data - i < DNP3_CHUNK ? data - i : DNP3_CHUNK;
		if (left < k + ck + 2)
			return ST_ETRUNC;
		p = c->base + c->off + k;
		st_dbytes(d, c, &st_dnp3_fields[F_CHUNK], k, ck);
		st_dgen(d, &st_dnp3_fields[F_CHLEN], ck);
		dnp3_ck(d, c, F_CHCRC, k + ck, p, ck);
		if (dnp3_crc(p, ck) != (uint16_t)st_dnp3_le(c, k + ck, 2)) {
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
		st_dnp3_al(d, al, nal, pos);
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

	st_ly_fields(s->pkt, ly, st_dnp3_fields, F_FUNC + 1, f);
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
	&st_dnp3_fields[F_CTL], &st_dnp3_fields[F_DST], &st_dnp3_fields[F_SRC], NULL,
};

const struct st_proto st_proto_dnp3 = {
	.name = "dnp3",
	.ws = "dnp3",
	.title = "Distributed Network Protocol 3.0",
	.rfc = "IEEE 1815-2012",
	.role = ST_ROLE_APP,
	.fields = st_dnp3_fields,
	.nfields = NFIELDS(st_dnp3_fields),
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
