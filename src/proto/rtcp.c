/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTCP (RFC 3550 section 6), on the port after RTP's that SDP named (or
 * its a=rtcp): a compound datagram of packets, each a layer of its own
 * as Wireshark shows them, chained until the datagram ends.
 *
 *   |V=2|P| RC/SC |      PT       |   length (32-bit words - 1)   |
 *   SR 200: sender SSRC, NTP time, RTP time, packets, octets, blocks
 *   RR 201: sender SSRC, report blocks (RC of 24 bytes)
 *   SDES 202: chunks (SSRC, items type/length/text, ended by 0)
 *   BYE 203: SSRCs (SC), a reason    APP 204: SSRC, name, data
 */
#include <string.h>

#include "strata/ntptime.h"
#include "strata/out.h"
#include "fields.h"
#include "voip.h"

#define RTCP_ITEMS	32	/* SDES items of one chunk, blocks, SSRCs */

enum { F_SETUP, F_SETUP_FRAME, F_SETUP_METHOD, F_VERSION, F_PADDING, F_RC,
	F_SC, F_SUBTYPE, F_PT, F_LENGTH, F_SENDER, F_NTP_MSW, F_NTP_LSW,
	F_RTPTS, F_PKTS, F_OCTETS, F_NTP, F_ID, F_FRACTION, F_CUMNR,
	F_EXTHIGH, F_CYCLES, F_HIGHSEQ, F_JITTER, F_LSR, F_DLSR, F_SDES_TYPE,
	F_SDES_LEN, F_SDES_TEXT, F_APP_NAME, F_APP_DATA, F_LENCHECK,
	F_NRTCP };

static const struct st_valname pt_names[] = {
	{ 192, "Full INTRA-frame Request (H.261)" },
	{ 193, "Negative Acknowledgement (H.261)" },
	{ 195, "Extended report (RFC 5450)" }, { 200, "Sender Report" },
	{ 201, "Receiver Report" }, { 202, "Source description" },
	{ 203, "Goodbye" }, { 204, "Application specific" },
	{ 205, "Generic RTP Feedback" }, { 206, "Payload-specific Feedback" },
	{ 207, "Extended report (RFC 3611)" }, { 0, NULL }
};

static const struct st_valname sdes_names[] = {
	{ 0, "END" }, { 1, "CNAME (user and domain)" },
	{ 2, "NAME (common name)" }, { 3, "EMAIL (e-mail address)" },
	{ 4, "PHONE (phone number)" }, { 5, "LOC (geographic location)" },
	{ 6, "TOOL (name/version of source app)" },
	{ 7, "NOTE (note about source)" }, { 8, "PRIV (private extensions)" },
	{ 0, NULL }
};

static const struct st_field_desc rtcp_fields[F_NRTCP] = {
	[F_SETUP] = FDG("rtcp.setup", "Stream setup", ST_FMT_TEXT, NULL),
	[F_SETUP_FRAME] = FDG("rtcp.setup-frame", "Setup frame", ST_FMT_DEC,
	    NULL),
	[F_SETUP_METHOD] = FDG("rtcp.setup-method", "Setup Method",
	    ST_FMT_TEXT, NULL),
	[F_VERSION] = FD("version", "rtcp.version", "Version", 0, 2,
	    ST_FMT_DEC),
	[F_PADDING] = FD("padding", "rtcp.padding", "Padding", 2, 1,
	    ST_FMT_BOOL),
	[F_RC] = FD(NULL, "rtcp.rc", "Reception report count", 3, 5,
	    ST_FMT_DEC),
	[F_SC] = FD(NULL, "rtcp.sc", "Source count", 3, 5, ST_FMT_DEC),
	[F_SUBTYPE] = FD(NULL, "rtcp.app.subtype", "Subtype", 3, 5,
	    ST_FMT_DEC),
	[F_PT] = FDN("pt", "rtcp.pt", "Packet type", 8, 8, ST_FMT_DEC,
	    pt_names),
	[F_LENGTH] = FD("length", "rtcp.length", "Length (32-bit words - 1)",
	    16, 16, ST_FMT_DEC),
	[F_SENDER] = FD(NULL, "rtcp.senderssrc", "Sender SSRC", 32, 32,
	    ST_FMT_HEX),
	[F_NTP_MSW] = FD(NULL, "rtcp.timestamp.ntp.msw", "Timestamp, MSW", 64,
	    32, ST_FMT_DEC),
	[F_NTP_LSW] = FD(NULL, "rtcp.timestamp.ntp.lsw", "Timestamp, LSW", 96,
	    32, ST_FMT_DEC),
	[F_RTPTS] = FD(NULL, "rtcp.timestamp.rtp", "RTP timestamp", 128, 32,
	    ST_FMT_DEC),
	[F_PKTS] = FD(NULL, "rtcp.sender.packetcount", "Sender's packet count",
	    160, 32, ST_FMT_DEC),
	[F_OCTETS] = FD(NULL, "rtcp.sender.octetcount", "Sender's octet count",
	    192, 32, ST_FMT_DEC),
	[F_NTP] = FD(NULL, "rtcp.timestamp.ntp", "MSW and LSW as NTP "
	    "timestamp", 64, 64, ST_FMT_TEXT),
	/* a report block's, from its start */
	[F_ID] = FD(NULL, "rtcp.ssrc.identifier", "Identifier", 0, 32,
	    ST_FMT_HEX),
	[F_FRACTION] = FD(NULL, "rtcp.ssrc.fraction", "Fraction lost", 32, 8,
	    ST_FMT_DEC),
	[F_CUMNR] = FD(NULL, "rtcp.ssrc.cum_nr", "Cumulative number of "
	    "packets lost", 40, 24, ST_FMT_DEC),
	[F_EXTHIGH] = FD(NULL, "rtcp.ssrc.ext_high", "Extended highest "
	    "sequence number received", 64, 32, ST_FMT_DEC),
	[F_CYCLES] = FDD(NULL, "rtcp.ssrc.high_cycles", "Sequence number "
	    "cycles count", 64, 16, ST_FMT_DEC),
	[F_HIGHSEQ] = FDD(NULL, "rtcp.ssrc.high_seq", "Highest sequence "
	    "number received", 80, 16, ST_FMT_DEC),
	[F_JITTER] = FD(NULL, "rtcp.ssrc.jitter", "Interarrival jitter", 96,
	    32, ST_FMT_DEC),
	[F_LSR] = FD(NULL, "rtcp.ssrc.lsr", "Last SR timestamp", 128, 32,
	    ST_FMT_DEC),
	[F_DLSR] = FD(NULL, "rtcp.ssrc.dlsr", "Delay since last SR "
	    "timestamp", 160, 32, ST_FMT_DEC),
	[F_SDES_TYPE] = FDN(NULL, "rtcp.sdes.type", "Type", 0, 8, ST_FMT_DEC,
	    sdes_names),
	[F_SDES_LEN] = FD(NULL, "rtcp.sdes.length", "Length", 0, 8,
	    ST_FMT_DEC),
	[F_SDES_TEXT] = FD(NULL, "rtcp.sdes.text", "Text", 0, 0,
	    ST_FMT_TEXT),
	[F_APP_NAME] = FD(NULL, "rtcp.app.name", "Name (ASCII)", 0, 32,
	    ST_FMT_TEXT),
	[F_APP_DATA] = FD(NULL, "rtcp.app.data", "Application specific data",
	    0, 0, ST_FMT_BYTES),
	[F_LENCHECK] = FDG("rtcp.length_check", "RTCP frame length check",
	    ST_FMT_BOOL, NULL),
};

/* A cursor at byte off of c (ST_ETRUNC in it when beyond). */
static struct st_cur
at(const struct st_cur *c, size_t off)
{
	struct st_cur t = *c;

	st_cur_skip(&t, off);
	return t;
}

/* The stream's setup, from SDP's note: generated fields. */
static void
setup(struct st_dctx *d)
{
	struct st_expect e;
	struct voip_note n;
	struct st_field *f;

	if (!st_expect_here(d, &e) || e.proto != d->ly->proto)
		return;
	memcpy(&n, e.data, sizeof(n));
	st_dgen(d, &rtcp_fields[F_SETUP], 0);
	st_dgen(d, &rtcp_fields[F_SETUP_FRAME], n.setup);
	if ((f = st_dgen(d, &rtcp_fields[F_SETUP_METHOD], 0)) != NULL)
		f->meaning = "SDP";
}

/* n report blocks from off (24 bytes each, within len). */
static int
blocks(struct st_dctx *d, struct st_cur *c, size_t off, unsigned n,
    size_t len)
{
	struct st_cur t;
	unsigned i;

	for (i = 0; i < n && i < RTCP_ITEMS; i++) {
		if (off + 24 * (i + 1) > len)
			return st_dmalformed(d, "RTCP: %u report blocks do not "
			    "fit in %zu bytes", n, len);
		t = at(c, off + 24 * i);
		if (st_dfields(d, &t, &rtcp_fields[F_ID], F_DLSR - F_ID + 1) !=
		    ST_OK)
			return ST_ETRUNC;
	}
	return ST_OK;
}

/* A length byte and its text at off; returns the bytes used, 0 if cut. */
static size_t
lentext(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	struct st_cur t = at(c, off);
	struct st_field *f;
	const uint8_t *p;
	char buf[255 * 4 + 8];
	size_t n;

	if ((f = st_dfield(d, &t, &rtcp_fields[F_SDES_LEN])) == NULL)
		return 0;
	n = (size_t)f->val;
	if (off + 1 + n > len || (p = st_get_bytes(&t, 1 + n)) == NULL)
		return 0;
	st_escape(p + 1, n, buf, sizeof(buf));
	st_dtext(d, c, &rtcp_fields[F_SDES_TEXT], off + 1, n, buf);
	return 1 + n;
}

/* SDES: sc chunks from byte 4, each an SSRC and items to a 0 type. */
static int
sdes(struct st_dctx *d, struct st_cur *c, unsigned sc, size_t len)
{
	struct st_cur t;
	size_t off = 4, used;
	unsigned i, k;
	int type;

	for (i = 0; i < sc && i < RTCP_ITEMS && off + 4 <= len; i++) {
		t = at(c, off);
		if (st_dfield(d, &t, &rtcp_fields[F_ID]) == NULL)
			return ST_ETRUNC;
		off += 4;
		for (k = 0; k < RTCP_ITEMS && off < len; k++) {
			t = at(c, off);
			if (st_dfield(d, &t, &rtcp_fields[F_SDES_TYPE]) ==
			    NULL)
				return ST_ETRUNC;
			type = (int)st_peek_bits(&t, 0, 8);
			off++;
			if (type == 0)
				break;
			if ((used = lentext(d, c, off, len)) == 0)
				return st_dmalformed(d, "RTCP: SDES item "
				    "beyond the packet");
			off += used;
		}
		off = (off + 3) & ~(size_t)3;	/* to the next word */
	}
	return ST_OK;
}

/* BYE: sc SSRCs, then a reason when the packet has room for one. */
static int
bye(struct st_dctx *d, struct st_cur *c, unsigned sc, size_t len)
{
	struct st_cur t;
	size_t off = 4;
	unsigned i;

	for (i = 0; i < sc && i < RTCP_ITEMS && off + 4 <= len; i++, off += 4) {
		t = at(c, off);
		if (st_dfield(d, &t, &rtcp_fields[F_ID]) == NULL)
			return ST_ETRUNC;
	}
	if (off < len && lentext(d, c, off, len) == 0)
		return st_dmalformed(d, "RTCP: BYE reason beyond the packet");
	return ST_OK;
}

static int
app(struct st_dctx *d, struct st_cur *c, size_t len)
{
	struct st_cur t = at(c, 4);
	const uint8_t *p;
	char buf[4 * 4 + 8];

	if (len < 12)
		return st_dmalformed(d, "RTCP: APP shorter than 12 bytes");
	if (st_dfield(d, &t, &rtcp_fields[F_ID]) == NULL)
		return ST_ETRUNC;
	t = at(c, 8);
	if ((p = st_get_bytes(&t, 4)) == NULL)
		return ST_ETRUNC;
	st_escape(p, 4, buf, sizeof(buf));
	st_dtext(d, c, &rtcp_fields[F_APP_NAME], 8, 4, buf);
	if (len > 12)
		st_dbytes(d, c, &rtcp_fields[F_APP_DATA], 12, len - 12);
	return ST_OK;
}

static int
rtcp_decode(struct st_dctx *d, struct st_cur *c)
{
	static const struct st_field_desc *const head[] = {
		&rtcp_fields[F_VERSION], &rtcp_fields[F_PADDING], NULL,
		&rtcp_fields[F_PT], &rtcp_fields[F_LENGTH] };
	size_t left = st_cur_left(c), len;
	unsigned pt, count, i;
	int rc = ST_OK;

	setup(d);
	if (!st_cur_need(c, 4))
		return ST_ETRUNC;
	pt = (unsigned)st_peek_bits(c, 8, 8);
	count = (unsigned)st_peek_bits(c, 3, 5);
	for (i = 0; i < 5; i++)
		st_dfield(d, c, head[i] != NULL ? head[i] : &rtcp_fields[
		    pt == 204 ? F_SUBTYPE : pt == 202 || pt == 203 ? F_SC :
		    F_RC]);
	if (st_peek_bits(c, 0, 2) != 2)
		return st_dmalformed(d, "RTCP version %u, not 2",
		    (unsigned)st_peek_bits(c, 0, 2));
	len = ((size_t)st_peek_bits(c, 16, 16) + 1) * 4;
	if (len > left)		/* cut by the capture, or a lie */
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "RTCP: length %zu past the datagram's "
		    "%zu bytes", len, left);
	switch (pt) {
	case 200:
		if (len < 28)
			return st_dmalformed(d, "RTCP: SR shorter than 28 "
			    "bytes");
		if (st_dfields(d, c, &rtcp_fields[F_SENDER], F_OCTETS -
		    F_SENDER + 1) != ST_OK)
			return ST_ETRUNC;
		/* as Wireshark writes it; zero is its epoch's start */
		st_dntptime(d, c, &rtcp_fields[F_NTP], 8, "Jan  1, 1970 "
		    "00:00:00.000000000 UTC");
		rc = blocks(d, c, 28, count, len);
		break;
	case 201:
		if (len < 8)
			return st_dmalformed(d, "RTCP: RR shorter than 8 bytes");
		st_dfield(d, c, &rtcp_fields[F_SENDER]);
		rc = blocks(d, c, 8, count, len);
		break;
	case 202:
		rc = sdes(d, c, count, len);
		break;
	case 203:
		rc = bye(d, c, count, len);
		break;
	case 204:
		rc = app(d, c, len);
		break;
	default:
		if (len >= 8)
			st_dfield(d, c, &rtcp_fields[F_SENDER]);
	}
	if (rc != ST_OK)
		return rc;
	d->hdr = len;
	if (len < left) {		/* the compound goes on */
		d->plen = left - len;
		d->next = d->ly->proto;
	} else {
		d->plen = 0;
		st_dgen(d, &rtcp_fields[F_LENCHECK], 1);
	}
	return ST_OK;
}

/* "rtcp Sender Report ssrc 0x11223344". */
static int
rtcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NRTCP];
	const char *nm;

	st_ly_fields(s->pkt, ly, rtcp_fields, F_NRTCP, f);
	st_out_puts(s->o, "rtcp");
	if (f[F_PT] == NULL)
		return 1;
	if ((nm = st_valname(pt_names, (uint32_t)f[F_PT]->val)) != NULL)
		st_out_printf(s->o, " %s", nm);
	else
		st_out_printf(s->o, " type %u", (unsigned)f[F_PT]->val);
	if (f[F_SENDER] != NULL)
		st_out_printf(s->o, " ssrc 0x%08x", (unsigned)f[F_SENDER]->val);
	else if (f[F_ID] != NULL)
		st_out_printf(s->o, " ssrc 0x%08x", (unsigned)f[F_ID]->val);
	return 1;
}

static const struct st_field_desc *const rtcp_keys[] = {
	&rtcp_fields[F_PT], &rtcp_fields[F_LENGTH], &rtcp_fields[F_SENDER],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rtcp = {
	.name = "rtcp",
	.ws = "rtcp",
	.title = "Real-time Transport Control Protocol",
	.rfc = "RFC 3550",
	.role = ST_ROLE_APP,
	.fields = rtcp_fields,
	.nfields = F_NRTCP,
	.decode = rtcp_decode,
	/* @summary */
	.summary = rtcp_summary,
	/* @views */
	.keys = rtcp_keys,
	.color = "\033[35m",
	.explain = "RTP's companion on the next port: each datagram is a "
	    "compound of packets, usually a report first.  A sender report "
	    "(SR) gives the sender's wall clock (NTP) against its RTP clock "
	    "and what it sent; report blocks (SR and RR) tell each source "
	    "the fraction and number of packets lost, the highest sequence "
	    "seen, the jitter and the round trip's parts (LSR, DLSR).  SDES "
	    "names sources (CNAME), BYE says one leaves, APP is an "
	    "application's own.",
	/* @craft */
	/* @probes */
};
