/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP's UDP transport, version 1 ([MS-RDPEUDP] 2.2), on UDP 3389:
 *
 *    0                   1                   2                   3
 *   +---------------------------------------------------------------+
 *   |                  snSourceAck (last seen)                      |
 *   +-------------------------------+-------------------------------+
 *   |      uReceiveWindowSize       |  uFlags (SYN ACK DATA ...)    |
 *   +-------------------------------+-------------------------------+
 *   | SYN: initial sequence number, up and down MTU, correlation id  |
 *   |      and SYNEX version; ACK: an ack vector padded to 4 bytes;  |
 *   | DATA: snCoded, snSourceStart, then the payload (TLS or DTLS)  |
 *   +---------------------------------------------------------------+
 *
 * Everything is big-endian.  A datagram that is not a consistent version
 * 1 one is left as data.
 *
 * After a SYN+ACK whose SYNEX says version 3 (0x101), the conversation
 * goes on in MS-RDPEUDP2 (noted with match.h, as Wireshark learns it):
 * each datagram has its first and eighth bytes swapped; put back, a
 * prefix byte (packet type, short length), 2 bytes of flags and log
 * window, then by flag an ack (sequence, 24-bit time stamp, gap, delayed
 * acks), an overhead size, delayed-ack settings, an ack-of-acks sequence,
 * a data sequence, an ack vector (base sequence, size, time stamp, coded
 * acks), and for data not marked dummy a channel sequence and the TLS
 * bytes.  These are little-endian; tshark names them rdpudp2.*.
 */
#include <stdio.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define RDPUDP_PORT	3389
#define RDPUDP_SYNLEN	1232	/* a SYN is padded to the minimum MTU */
#define RDPUDP_MAXACK	2048	/* ack vector elements shown */

#define FL_SYN		0x0001
#define FL_ACK		0x0004
#define FL_DATA		0x0008
#define FL_FEC		0x0010
#define FL_AOA		0x0100
#define FL_CORRID	0x0800
#define FL_SYNEX	0x1000
#define NOTE_V2		2	/* st_match id: version 3 from the next frame */

#define F2_ACK		0x0001	/* MS-RDPEUDP2 flags */
#define F2_DATA		0x0004
#define F2_ACKVEC	0x0008
#define F2_AOA		0x0010
#define F2_OVERHEAD	0x0040
#define F2_DELAYACK	0x0100
#define V2_DUMMY	8	/* packet type: data that is padding */

extern const struct st_proto st_proto_tls;

enum { F_ACKSN, F_WIN, F_FLAGS, F_FSYN, F_FFIN, F_FACK, F_FDATA, F_FFEC,
	F_FCN, F_FCWR, F_FAOA, F_FLOSSY, F_FDELAY, F_FCORR, F_FSYNEX, F_ISN,
	F_UPMTU, F_DNMTU, F_CORRID, F_SXFLAGS, F_SXVER, F_SXVERSION, F_COOKIE,
	F_ACKITEM, F_ACKRLE, F_AOASN, F_SNCODED, F_SRCSTART,
	F2_PREFIX, F2_TYPE, F2_SHORTLEN, F2_FLAGS, F2_FACK, F2_FDATA,
	F2_FACKVEC, F2_FAOA, F2_FOVER, F2_FDELAY, F2_LOGWIN, F2_ACKSEQ,
	F2_ACKTS, F2_ACKGAP, F2_NDELAYED, F2_TSCALE, F2_OVERSIZE, F2_DAMAX,
	F2_DATIMEOUT, F2_AOASEQ, F2_DATASEQ, F2_AVBASE, F2_AVSIZE,
	F2_AVHAVETS, F2_AVTS, F2_AVGAP, F2_AVMODE, F2_AVRLESTATE, F2_AVRLELEN,
	F2_CHANSEQ, F_NRDPUDP };

static const struct st_valname v2type_names[] = {
	{ 0, "Data" }, { V2_DUMMY, "Dummy" }, { 0, NULL }
};

static const struct st_valname ackmode_names[] = {
	{ 0, "Bitmap" }, { 1, "Run length" }, { 0, NULL }
};

static const struct st_valname rlestate_names[] = {
	{ 0, "lost" }, { 1, "received" }, { 0, NULL }
};

#define FLAG(n, l, b) FDD(NULL, n, l, 63 - (b), 1, ST_FMT_BOOL)

static const struct st_field_desc rdpudp_fields[F_NRDPUDP] = {
	[F_ACKSN] = FD("ack", "rdpudp.snsourceack", "snSourceAck", 0, 32,
	    ST_FMT_HEX),
	[F_WIN] = FD("win", "rdpudp.receivewindowsize",
	    "uReceiveWindowSize", 32, 16, ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "rdpudp.flags", "uFlags", 48, 16,
	    ST_FMT_HEX),
	[F_FSYN] = FLAG("rdpudp.flags.syn", "SYN", 0),
	[F_FFIN] = FLAG("rdpudp.flags.fin", "FIN", 1),
	[F_FACK] = FLAG("rdpudp.flags.ack", "ACK", 2),
	[F_FDATA] = FLAG("rdpudp.flags.data", "DATA", 3),
	[F_FFEC] = FLAG("rdpudp.flags.fec", "FEC", 4),
	[F_FCN] = FLAG("rdpudp.flags.cn", "CN", 5),
	[F_FCWR] = FLAG("rdpudp.flags.cwr", "CWR", 6),
	[F_FAOA] = FLAG("rdpudp.flags.aoa", "AOA", 8),
	[F_FLOSSY] = FLAG("rdpudp.flags.synlossy", "SYNLOSSY", 9),
	[F_FDELAY] = FLAG("rdpudp.flags.ackdelayed", "ACKDELAYED", 10),
	[F_FCORR] = FLAG("rdpudp.flags.correlationid", "CORRELATION_ID", 11),
	[F_FSYNEX] = FLAG("rdpudp.flags.synex", "SYNEX", 12),
	/* Rows below are read where the datagram has them. */
	[F_ISN] = FD(NULL, "rdpudp.initialsequencenumber",
	    "snInitialSequenceNumber", 0, 32, ST_FMT_HEX),
	[F_UPMTU] = FD(NULL, "rdpudp.upstreammtu", "uUpStreamMtu", 32, 16,
	    ST_FMT_DEC),
	[F_DNMTU] = FD(NULL, "rdpudp.downstreammtu", "uDownStreamMtu", 48, 16,
	    ST_FMT_DEC),
	[F_CORRID] = FD(NULL, "rdpudp.correlationid", "uCorrelationId", 0, 0,
	    ST_FMT_BYTES),
	[F_SXFLAGS] = FD(NULL, "rdpudp.synex.flags", "uSynExFlags", 0, 16,
	    ST_FMT_HEX),
	[F_SXVER] = FD(NULL, "rdpudp.synex.flags.versioninfo",
	    "RDPUDP_VERSION_INFO_VALID", 15, 1, ST_FMT_BOOL),
	[F_SXVERSION] = FD(NULL, "rdpudp.synex.version", "uUdpVer", 16, 16,
	    ST_FMT_HEX),
	[F_COOKIE] = FD(NULL, "rdpudp.synex.cookiehash", "Cookie Hash", 0, 0,
	    ST_FMT_BYTES),
	[F_ACKITEM] = FD(NULL, "rdpudp.ack.item", "AckVectorElement", 0, 8,
	    ST_FMT_HEX),
	[F_ACKRLE] = FDD(NULL, "rdpudp.ack.item.rle", "Run length", 2, 6,
	    ST_FMT_DEC),
	[F_AOASN] = FD(NULL, "strata.rdpudp.ackofacks", "snAckOfAcksSeqNum", 0, 32,
	    ST_FMT_HEX),
	[F_SNCODED] = FD(NULL, "rdpudp.data.sncoded", "snCoded", 0, 32,
	    ST_FMT_HEX),
	[F_SRCSTART] = FD(NULL, "rdpudp.data.sourceStart", "snSourceStart",
	    32, 32, ST_FMT_HEX),
	/* Version 3 (MS-RDPEUDP2): placed by the decoder, values read with
	 * the two bytes swapped back (v2row()). */
	[F2_PREFIX] = FD(NULL, "rdpudp2.prefixbyte", "PacketPrefixByte", 0, 8,
	    ST_FMT_HEX),
	[F2_TYPE] = FDN(NULL, "rdpudp2.packetType", "PacketType", 0, 8,
	    ST_FMT_HEX, v2type_names),
	[F2_SHORTLEN] = FD(NULL, "rdpudp2.shortpacketlen",
	    "Short packet length", 0, 8, ST_FMT_DEC),
	[F2_FLAGS] = FD(NULL, "rdpudp2.flags", "Flags", 0, 16, ST_FMT_HEX),
	[F2_FACK] = FD(NULL, "rdpudp2.flags.ack", "Ack", 0, 16, ST_FMT_HEX),
	[F2_FDATA] = FD(NULL, "rdpudp2.flags.data", "Data", 0, 16,
	    ST_FMT_HEX),
	[F2_FACKVEC] = FD(NULL, "rdpudp2.flags.ackvec", "AckVec", 0, 16,
	    ST_FMT_HEX),
	[F2_FAOA] = FD(NULL, "rdpudp2.flags.ackofacks", "AckOfAcks", 0, 16,
	    ST_FMT_HEX),
	[F2_FOVER] = FD(NULL, "rdpudp2.flags.overheadsize", "OverheadSize", 0,
	    16, ST_FMT_HEX),
	[F2_FDELAY] = FD(NULL, "rdpudp2.flags.delayackinfo",
	    "DelayedAckInfo", 0, 16, ST_FMT_HEX),
	[F2_LOGWIN] = FD(NULL, "rdpudp2.logWindow", "LogWindow", 0, 16,
	    ST_FMT_DEC),
	[F2_ACKSEQ] = FD(NULL, "rdpudp2.ack.seqnum", "Base Seq", 0, 16,
	    ST_FMT_HEX),
	[F2_ACKTS] = FD(NULL, "rdpudp2.ack.ts", "receivedTS", 0, 24,
	    ST_FMT_DEC),
	[F2_ACKGAP] = FD(NULL, "rdpudp2.ack.sendTimeGap", "sendTimeGap", 0, 8,
	    ST_FMT_DEC),
	[F2_NDELAYED] = FD(NULL, "rdpudp2.ack.numDelayedAcks",
	    "NumDelayedAcks", 0, 8, ST_FMT_DEC),
	[F2_TSCALE] = FD(NULL, "rdpudp2.ack.delayedTimeScale",
	    "delayedTimeScale", 0, 8, ST_FMT_DEC),
	[F2_OVERSIZE] = FD(NULL, "rdpudp2.overheadsize", "Overhead size", 0, 8,
	    ST_FMT_DEC),
	[F2_DAMAX] = FD(NULL, "rdpudp2.delayackinfo.max", "MaxDelayedAcks", 0,
	    8, ST_FMT_DEC),
	[F2_DATIMEOUT] = FD(NULL, "rdpudp2.delayackinfo.timeout",
	    "DelayedAckTimeoutInMs", 0, 16, ST_FMT_DEC),
	[F2_AOASEQ] = FD(NULL, "rdpudp2.ackofacksseqnum", "Sequence number", 0,
	    16, ST_FMT_HEX),
	[F2_DATASEQ] = FD(NULL, "rdpudp2.data.seqnum", "Sequence number", 0,
	    16, ST_FMT_HEX),
	[F2_AVBASE] = FD(NULL, "rdpudp2.ackvec.baseseqnum",
	    "Base sequence number", 0, 16, ST_FMT_HEX),
	[F2_AVSIZE] = FD(NULL, "rdpudp2.ackvec.codedackvecsize",
	    "Coded ackvec size", 0, 8, ST_FMT_DEC),
	[F2_AVHAVETS] = FD(NULL, "rdpudp2.ackvec.havets", "Have timestamp", 0,
	    8, ST_FMT_BOOL),
	[F2_AVTS] = FD(NULL, "rdpudp2.ackvec.timestamp", "Timestamp", 0, 24,
	    ST_FMT_HEX),
	[F2_AVGAP] = FD(NULL, "rdpudp2.ackvec.sendacktimegap",
	    "SendAckTimeGap", 0, 8, ST_FMT_DEC),
	[F2_AVMODE] = FDN(NULL, "rdpudp2.ackvec.codecAckMode", "Mode", 0, 8,
	    ST_FMT_HEX, ackmode_names),
	[F2_AVRLESTATE] = FDN(NULL, "rdpudp2.ackvec.codecAckRleState", "State",
	    0, 8, ST_FMT_DEC, rlestate_names),
	[F2_AVRLELEN] = FD(NULL, "rdpudp2.ackvec.codecAckRleLen", "Length", 0,
	    8, ST_FMT_DEC),
	[F2_CHANSEQ] = FD(NULL, "rdpudp2.data.channelseqnumber",
	    "Channel sequence number", 0, 16, ST_FMT_HEX),
};

/* The rows of tab[from..to) at byte off of c. */
static void
rows_at(struct st_dctx *d, struct st_cur *c, size_t off, int from, int to)
{
	st_dfields_at(d, c, off, &rdpudp_fields[from], (size_t)(to - from));
}

/* SYN: sequence number and MTUs, correlation id, SYNEX.  Returns the
 * bytes read from off. */
static size_t
syn(struct st_dctx *d, struct st_cur *c, unsigned fl, size_t off)
{
	rows_at(d, c, off, F_ISN, F_DNMTU + 1);
	off += 8;
	if (fl & FL_CORRID) {
		st_dbytes(d, c, &rdpudp_fields[F_CORRID], off, 16);
		off += 32;		/* the id and 16 reserved bytes */
	}
	if (fl & FL_SYNEX) {
		rows_at(d, c, off, F_SXFLAGS, F_SXVERSION + 1);
		/* version 3 (0x101) adds the hash of the TCP side's cookie;
		 * the server's answer saying so starts MS-RDPEUDP2 */
		if (c->err == ST_OK && st_cur_need(c, off + 4) &&
		    st_peek_bits(c, (off + 2) * 8, 16) == 0x101) {
			st_dbytes(d, c, &rdpudp_fields[F_COOKIE], off + 4, 32);
			if (fl & FL_ACK)
				(void)st_match_note(d, NOTE_V2, NULL, 0);
		}
		off += 4;
	}
	return off;
}

/* The ack vector: its size, the elements, padding to 4 bytes.  Returns
 * where it ends; 0 when it does not fit. */
static size_t
ackvec(struct st_dctx *d, struct st_cur *c, size_t off)
{
	size_t left = st_cur_left(c), n, i;
	struct st_cur t = *c;

	if (off + 2 > left || !st_cur_skip(&t, off))
		return 0;
	n = (size_t)st_peek_bits(&t, 0, 16);
	if (n > RDPUDP_MAXACK || off + 2 + n > left)
		return 0;
	for (i = 0; i < n; i++)
		rows_at(d, c, off + 2 + i, F_ACKITEM, F_ACKRLE + 1);
	return off + ((2 + n + 3) & ~(size_t)3);
}

/* An MS-RDPEUDP2 datagram being read: its cursor, the bytes captured
 * and the bytes it has. */
struct v2 {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 at;
	size_t		 len;
};

/* Whether n bytes at off lie in the datagram: ST_OK; ST_ETRUNC when the
 * capture cut them; the layer marked malformed when the datagram ends
 * first. */
static int
v2fits(struct v2 *v, size_t off, size_t n)
{
	if (off + n <= v->at)
		return ST_OK;
	if (off + n <= v->len)
		return ST_ETRUNC;
	return st_dmalformed(v->d, "a part runs past the datagram's %zu "
	    "bytes", v->len);
}

/* The byte at off with the first and eighth swapped back (checked). */
static unsigned
v2byte(struct v2 *v, size_t off)
{
	size_t w = off == 0 ? 7 : off == 7 ? 0 : off;

	return (unsigned)st_peek_bits(v->c, w * 8, 8);
}

/* The n-byte little-endian number at off (checked). */
static uint32_t
v2le(struct v2 *v, size_t off, size_t n)
{
	uint32_t x = 0;

	while (n-- > 0)
		x = x << 8 | v2byte(v, off + n);
	return x;
}

/* Row f over the n bytes at off (the prefix byte lies at the eighth on
 * the wire) with value x. */
static void
v2row(struct v2 *v, int f, size_t off, size_t n, uint32_t x)
{
	struct st_field *fl = st_dbytes(v->d, v->c, &rdpudp_fields[f],
	    off == 0 ? 7 : off, n);

	if (fl != NULL)
		fl->val = x;
}

/* The ack vector at *off.  Returns ST_OK or the error. */
static int
v2ackvec(struct v2 *v, size_t *off)
{
	size_t o = *off, n, i, sz;
	unsigned a, b;
	int rc;

	if ((rc = v2fits(v, o + 2, 1)) != ST_OK)
		return rc;
	a = v2byte(v, o + 2);
	n = a & 0x7f;
	/* Wireshark counts the time stamp as 3 bytes here, not 4 */
	sz = 3 + n + ((a & 0x80) ? 3 : 0);
	if ((rc = v2fits(v, o, sz)) != ST_OK)
		return rc;
	v2row(v, F2_AVBASE, o, 2, v2le(v, o, 2));
	v2row(v, F2_AVSIZE, o + 2, 1, a & 0x7f);
	v2row(v, F2_AVHAVETS, o + 2, 1, a >> 7);
	o += 3;
	if (a & 0x80) {
		if ((rc = v2fits(v, o, 4)) != ST_OK)
			return rc;
		v2row(v, F2_AVTS, o, 3, v2le(v, o, 3));
		v2row(v, F2_AVGAP, o + 3, 1, v2byte(v, o + 3));
		o += 4;
	}
	if ((rc = v2fits(v, o, n)) != ST_OK)
		return rc;
	for (i = 0; i < n; i++) {	/* at most 127 */
		b = v2byte(v, o + i);
		v2row(v, F2_AVMODE, o + i, 1, b >> 7);
		if (b & 0x80) {
			v2row(v, F2_AVRLESTATE, o + i, 1, (b >> 6) & 1);
			v2row(v, F2_AVRLELEN, o + i, 1, b & 0x3f);
		}
	}
	*off = o + n;
	return ST_OK;
}

/* The sections the flags fl say, from *off (Wireshark's order). */
static int
v2sections(struct v2 *v, unsigned fl, size_t *off)
{
	size_t o = *off, nacks;
	unsigned b;
	int rc;

	if (fl & F2_ACK) {
		if ((rc = v2fits(v, o + 6, 1)) != ST_OK)
			return rc;
		b = v2byte(v, o + 6);
		nacks = b & 0xf;
		if ((rc = v2fits(v, o, 7 + nacks)) != ST_OK)
			return rc;
		v2row(v, F2_ACKSEQ, o, 2, v2le(v, o, 2));
		v2row(v, F2_ACKTS, o + 2, 3, v2le(v, o + 2, 3));
		v2row(v, F2_ACKGAP, o + 5, 1, v2byte(v, o + 5));
		v2row(v, F2_NDELAYED, o + 6, 1, b & 0xf);
		v2row(v, F2_TSCALE, o + 6, 1, b >> 4);
		o += 7 + nacks;		/* the delayed acks, unshown */
	}
	if (fl & F2_OVERHEAD) {
		if ((rc = v2fits(v, o, 1)) != ST_OK)
			return rc;
		v2row(v, F2_OVERSIZE, o, 1, v2byte(v, o));
		o++;
	}
	if (fl & F2_DELAYACK) {
		if ((rc = v2fits(v, o, 3)) != ST_OK)
			return rc;
		v2row(v, F2_DAMAX, o, 1, v2byte(v, o));
		v2row(v, F2_DATIMEOUT, o + 1, 2, v2le(v, o + 1, 2));
		o += 3;
	}
	if (fl & F2_AOA) {
		if ((rc = v2fits(v, o, 2)) != ST_OK)
			return rc;
		v2row(v, F2_AOASEQ, o, 2, v2le(v, o, 2));
		o += 2;
	}
	if (fl & F2_DATA) {
		if ((rc = v2fits(v, o, 2)) != ST_OK)
			return rc;
		v2row(v, F2_DATASEQ, o, 2, v2le(v, o, 2));
		o += 2;
	}
	if ((fl & F2_ACKVEC) && (rc = v2ackvec(v, &o)) != ST_OK)
		return rc;
	*off = o;
	return ST_OK;
}

/* An MS-RDPEUDP2 datagram: the prefix byte and flags, the sections, then
 * for data not marked dummy the channel sequence and the TLS bytes. */
static int
v2_decode(struct st_dctx *d, struct st_cur *c)
{
	static const struct { uint8_t f; uint8_t shift; } bits[] = {
		{ F2_FACK, 0 }, { F2_FDATA, 2 }, { F2_FACKVEC, 3 },
		{ F2_FAOA, 4 }, { F2_FOVER, 6 }, { F2_FDELAY, 8 },
	};
	struct v2 v = { d, c, st_cur_left(c), 0 };
	size_t off = 3, i;
	unsigned p, fl;
	struct st_cur t;
	int rc;

	v.len = v.at + (d->pkt->len - d->pkt->caplen);
	d->hdr = v.at;
	if ((rc = v2fits(&v, 0, 8)) != ST_OK)	/* the swap needs 8 */
		return rc;
	p = v2byte(&v, 0);
	v2row(&v, F2_PREFIX, 0, 1, p);
	v2row(&v, F2_TYPE, 0, 1, (p >> 1) & 0xf);
	v2row(&v, F2_SHORTLEN, 0, 1, p & 7);
	fl = v2le(&v, 1, 2);
	v2row(&v, F2_FLAGS, 1, 2, fl & 0xfff);
	for (i = 0; i < NFIELDS(bits); i++)
		v2row(&v, bits[i].f, 1, 2, (fl >> bits[i].shift) & 1);
	v2row(&v, F2_LOGWIN, 1, 2, fl >> 12);
	if ((rc = v2sections(&v, fl, &off)) != ST_OK)
		return rc;
	if (!(fl & F2_DATA) || ((p >> 1) & 0xf) == V2_DUMMY)
		return v.at < v.len ? ST_ETRUNC : ST_OK;
	if ((rc = v2fits(&v, off, 2)) != ST_OK)
		return rc;
	v2row(&v, F2_CHANSEQ, off, 2, v2le(&v, off, 2));
	off += 2;
	/* The TLS bytes (a record's middle shown as its continuation, as
	 * Wireshark shows a TLS layer there), when the swap left them
	 * whole. */
	t = *c;
	if (off >= 8 && st_cur_skip(&t, off) && st_cur_left(&t) > 0) {
		d->hdr = off;
		d->next = &st_proto_tls;
	}
	return ST_OK;
}

static int
rdpudp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 8;
	unsigned fl;
	struct st_cur p;
	struct st_match m;

	if (st_match_answer(d, NOTE_V2, &m))
		return v2_decode(d, c);
	if (left < 8)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_ENOTME;
	fl = (unsigned)st_peek_bits(c, 48, 16);
	if ((fl & FL_SYN) && left + (d->pkt->len - d->pkt->caplen) <
	    RDPUDP_SYNLEN)
		return ST_ENOTME;	/* a SYN is padded: not version 1 */
	if (!(fl & FL_SYN) && (!(fl & (FL_ACK | FL_DATA)) || (fl & FL_FEC)))
		return ST_ENOTME;
	st_dfields(d, c, rdpudp_fields, F_FSYNEX + 1);
	if (fl & FL_SYN) {
		off = syn(d, c, fl, off);
		d->hdr = left;		/* the rest is padding */
		d->data = 1;
		return c->err;
	}
	if ((fl & FL_ACK) && (off = ackvec(d, c, off)) == 0)
		return ST_ETRUNC;
	if (fl & FL_AOA) {
		rows_at(d, c, off, F_AOASN, F_AOASN + 1);
		off += 4;
	}
	if (fl & FL_DATA) {
		rows_at(d, c, off, F_SNCODED, F_SRCSTART + 1);
		off += 8;
	}
	if (c->err != ST_OK)
		return c->err;
	if (off > left)
		return ST_ETRUNC;
	d->hdr = off;
	p = *c;
	if (st_cur_skip(&p, off) && st_cur_left(&p) > 0)
		/* TLS (or DTLS) from the first datagram on. */
		d->next = st_proto_guess(ST_KEY_TCPPORT, &p, NULL);
	if (d->next == NULL)
		d->data = 1;
	return ST_OK;
}

static const struct st_bind rdpudp_binds[] = {
	{ ST_KEY_UDPPORT, RDPUDP_PORT },
};

/* "rdpudp2 ACK,AOA,DATA seq 0x0065", in Wireshark's order of the
 * sections; what the data carries (TLS) speaks after it. */
static int
v2_summary(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field **f)
{
	static const struct { uint16_t fl; const char *name; } secs[] = {
		{ F2_ACK, "ACK" }, { F2_OVERHEAD, "OVERHEAD" },
		{ F2_DELAYACK, "DELAYACK" }, { F2_AOA, "AOA" },
		{ F2_DATA, "DATA" }, { F2_ACKVEC, "ACKVEC" },
	};
	const struct st_layer *next = ly + 1;
	unsigned i, n = 0, fl = (unsigned)f[F2_FLAGS]->val;
	int dummy = f[F2_TYPE] != NULL && f[F2_TYPE]->val == V2_DUMMY;

	st_out_puts(s->o, "rdpudp2");
	for (i = 0; i < NFIELDS(secs); i++)
		if (fl & secs[i].fl)
			st_out_printf(s->o, "%s%s", n++ ? "," : " ",
			    secs[i].fl == F2_DATA && dummy ? "DUMMY" :
			    secs[i].name);
	if (f[F2_DATASEQ] != NULL)
		st_out_printf(s->o, " seq 0x%04x",
		    (unsigned)f[F2_DATASEQ]->val);
	if (next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->summary != NULL &&
	    next->proto->role == ST_ROLE_APP) {
		st_out_putc(s->o, ' ');
		next->proto->summary(s, next);
	}
	return 1;
}

/* "rdpudp SYN,SYNEX isn 0x0b127f15 mtu 1232", "rdpudp ACK,DATA". */
static int
rdpudp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const names[13] = { "SYN", "FIN", "ACK", "DATA",
		"FEC", "CN", "CWR", NULL, "AOA", "SYNLOSSY", "ACKDELAYED",
		"CORRELATIONID", "SYNEX" };
	const struct st_field *f[F_NRDPUDP];
	const struct st_layer *next = ly + 1;
	unsigned i, n = 0;

	st_ly_fields(s->pkt, ly, rdpudp_fields, F_NRDPUDP, f);
	if (f[F2_FLAGS] != NULL)
		return v2_summary(s, ly, f);
	st_out_puts(s->o, "rdpudp");
	if (f[F_FLAGS] == NULL)
		return 1;
	for (i = 0; i < 13; i++)
		if (names[i] != NULL && (f[F_FLAGS]->val & (1u << i)))
			st_out_printf(s->o, "%s%s", n++ ? "," : " ",
			    names[i]);
	if (f[F_ISN] != NULL)
		st_out_printf(s->o, " isn 0x%08x",
		    (unsigned)f[F_ISN]->val);
	if (f[F_UPMTU] != NULL)
		st_out_printf(s->o, " mtu %u", (unsigned)f[F_UPMTU]->val);
	if (f[F_SXVERSION] != NULL)
		st_out_printf(s->o, " version 0x%x",
		    (unsigned)f[F_SXVERSION]->val);
	if (f[F_SRCSTART] != NULL)
		st_out_printf(s->o, " sn 0x%08x",
		    (unsigned)f[F_SRCSTART]->val);
	/* What the data carries (TLS) speaks after it. */
	if (next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->summary != NULL &&
	    next->proto->role == ST_ROLE_APP) {
		st_out_putc(s->o, ' ');
		next->proto->summary(s, next);
	}
	return 1;
}

static const struct st_field_desc *const rdpudp_keys[] = {
	&rdpudp_fields[F_ACKSN], &rdpudp_fields[F_FLAGS], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rdpudp = {
	.name = "rdpudp",
	.ws = "rdpudp",
	.title = "UDP Remote Desktop Protocol",
	.rfc = "MS-RDPEUDP",
	.role = ST_ROLE_APP,
	.fields = rdpudp_fields,
	.nfields = F_NRDPUDP,
	.decode = rdpudp_decode,
	.binds = rdpudp_binds,
	.nbinds = NFIELDS(rdpudp_binds),
	/* @summary */
	.summary = rdpudp_summary,
	/* @views */
	.keys = rdpudp_keys,
	.color = "\033[35m",
	.explain = "RDP's UDP transport ([MS-RDPEUDP]) on UDP 3389, set up "
	    "after the TCP connection asked for it: a SYN (padded to 1232 "
	    "bytes) with the client's initial sequence number, MTUs and "
	    "correlation id, a SYN+ACK, then datagrams that acknowledge by "
	    "an ack vector and carry sequenced data (TLS in reliable mode, "
	    "DTLS in lossy).  A SYNEX block says the version; when both "
	    "sides say version 3, the datagrams that follow are "
	    "MS-RDPEUDP2: their first and eighth bytes swapped, then a "
	    "prefix byte, flags, and sections for acks, delayed-ack "
	    "settings, sequence numbers, an ack vector and TLS data.",
	/* @craft */
	/* @probes */
};
