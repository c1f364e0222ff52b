/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTP (RFC 3550 section 5), recognised only where SDP named the address
 * and port (strata/expect.h; sdp.c notes them), as Wireshark does: no
 * port and no pattern says RTP.
 *
 *    0                   1                   2                   3
 *   |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *   |                           timestamp                           |
 *   |           synchronization source (SSRC) identifier            |
 *   |            contributing source (CSRC) identifiers (CC)        |
 *   |  profile (X)                  |  length in 32-bit words       |
 *   |  header extension ...                                         |
 *   payload, then padding whose last byte counts it (P)
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"
#include "voip.h"

#define RTP_EXT_ITEMS	32	/* RFC 8285 elements of one extension */

enum { F_SETUP, F_SETUP_FRAME, F_SETUP_METHOD, F_VERSION, F_PADDING, F_EXT,
	F_CC, F_MARKER, F_PT, F_SEQ, F_EXTSEQ, F_TS, F_SSRC, F_CSRC,
	F_EXT_PROFILE, F_EXT_LEN, F_X_ID, F_X_LEN, F_X_DATA, F_HDR_EXT,
	F_PAYLOAD, F_PAD_DATA, F_PAD_COUNT, F_NRTP };

static const struct st_field_desc rtp_fields[F_NRTP] = {
	[F_SETUP] = FDG("rtp.setup", "Stream setup", ST_FMT_TEXT, NULL),
	[F_SETUP_FRAME] = FDG("rtp.setup-frame", "Setup frame", ST_FMT_DEC,
	    NULL),
	[F_SETUP_METHOD] = FDG("rtp.setup-method", "Setup Method",
	    ST_FMT_TEXT, NULL),
	[F_VERSION] = FD("version", "rtp.version", "Version", 0, 2,
	    ST_FMT_DEC),
	[F_PADDING] = FD("padding", "rtp.padding", "Padding", 2, 1,
	    ST_FMT_BOOL),
	[F_EXT] = FD("extension", "rtp.ext", "Extension", 3, 1, ST_FMT_BOOL),
	[F_CC] = FD("cc", "rtp.cc", "Contributing source identifiers count",
	    4, 4, ST_FMT_DEC),
	[F_MARKER] = FD("marker", "rtp.marker", "Marker", 8, 1, ST_FMT_BOOL),
	[F_PT] = FD("pt", "rtp.p_type", "Payload type", 9, 7, ST_FMT_DEC),
	[F_SEQ] = FD("seq", "rtp.seq", "Sequence number", 16, 16, ST_FMT_DEC),
	[F_EXTSEQ] = FDG("rtp.extseq", "Extended sequence number",
	    ST_FMT_DEC, NULL),
	[F_TS] = FD("timestamp", "rtp.timestamp", "Timestamp", 32, 32,
	    ST_FMT_DEC),
	[F_SSRC] = FD("ssrc", "rtp.ssrc", "Synchronization Source identifier",
	    64, 32, ST_FMT_HEX),
	[F_CSRC] = FD(NULL, "rtp.csrc.item", "CSRC item", 0, 32, ST_FMT_HEX),
	[F_EXT_PROFILE] = FD(NULL, "rtp.ext.profile", "Defined by profile", 0,
	    16, ST_FMT_HEX),
	[F_EXT_LEN] = FD(NULL, "rtp.ext.len", "Extension length", 16, 16,
	    ST_FMT_DEC),
	[F_X_ID] = FD(NULL, "rtp.ext.rfc5285.id", "Identifier", 0, 4,
	    ST_FMT_DEC),
	[F_X_LEN] = FD(NULL, "rtp.ext.rfc5285.len", "Length", 4, 4,
	    ST_FMT_DEC),
	[F_X_DATA] = FD(NULL, "rtp.ext.rfc5285.data", "Extension Data", 0, 0,
	    ST_FMT_BYTES),
	[F_HDR_EXT] = FD(NULL, "rtp.hdr_ext", "Header extension", 0, 32,
	    ST_FMT_HEX),
	[F_PAYLOAD] = FD(NULL, "rtp.payload", "Payload", 0, 0, ST_FMT_BYTES),
	[F_PAD_DATA] = FD(NULL, "rtp.padding.data", "Padding data", 0, 0,
	    ST_FMT_BYTES),
	[F_PAD_COUNT] = FD(NULL, "rtp.padding.count", "Padding count", 0, 8,
	    ST_FMT_DEC),
};

extern const struct st_proto st_proto_rtpevent;

/*
 * The stream's setup, from SDP's note: generated fields.  Returns the
 * telephone-event payload type + 1 either end's SDP named (Wireshark
 * keeps one table for the two directions), or 0.
 */
static unsigned
setup(struct st_dctx *d)
{
	struct st_expect e, o;
	struct voip_note n, m;
	struct st_field *f;
	const struct st_layer *tl;
	const struct st_field *ends[2];

	if (!st_expect_here(d, &e) || e.proto != d->ly->proto)
		return 0;
	memcpy(&n, e.data, sizeof(n));
	st_dgen(d, &rtp_fields[F_SETUP], 0);
	st_dgen(d, &rtp_fields[F_SETUP_FRAME], n.setup);
	if ((f = st_dgen(d, &rtp_fields[F_SETUP_METHOD], 0)) != NULL)
		f->meaning = "SDP";
	if (n.event_pt != 0)
		return n.event_pt;
	/* the sender's own SDP */
	if ((tl = st_dbelow(d->pkt, d->ly)) == NULL ||
	    st_flow_ends(d->pkt, tl, ends) != 0 ||
	    !st_expect_find(tl->proto, d->net.fam, d->net.src,
	    (uint16_t)ends[0]->val, &o) || o.proto != d->ly->proto)
		return 0;
	memcpy(&m, o.data, sizeof(m));
	return m.event_pt;
}

/* RFC 8285 one-byte elements (profile 0xbede) of the n bytes at off. */
static void
one_byte(struct st_dctx *d, struct st_cur *c, size_t off, size_t n)
{
	struct st_cur t = *c;
	struct st_field *f;
	size_t i = 0;
	unsigned k, len;
	int b;

	for (k = 0; k < RTP_EXT_ITEMS && i < n; k++) {
		t = *c;
		if (!st_cur_skip(&t, off + i))
			return;
		b = (int)st_peek_bits(&t, 0, 8);
		if (b == 0) {		/* padding */
			i++;
			continue;
		}
		if ((b >> 4) == 15)
			return;		/* reserved: stop */
		len = (unsigned)(b & 15) + 1;
		st_dfield(d, &t, &rtp_fields[F_X_ID]);
		if ((f = st_dfield(d, &t, &rtp_fields[F_X_LEN])) != NULL)
			f->val = len;	/* as Wireshark: the bytes */
		if (i + 1 + len > n)
			return;
		st_dbytes(d, &t, &rtp_fields[F_X_DATA], 1, len);
		i += 1 + len;
	}
}

/* The header extension at off: profile, length, its words. */
static int
extension(struct st_dctx *d, struct st_cur *c, size_t off, size_t *hdr)
{
	struct st_cur t = *c;
	struct st_field *lf;
	size_t n, i;

	st_cur_skip(&t, off);
	if (st_dfield(d, &t, &rtp_fields[F_EXT_PROFILE]) == NULL ||
	    (lf = st_dfield(d, &t, &rtp_fields[F_EXT_LEN])) == NULL)
		return ST_ETRUNC;
	n = (size_t)lf->val * 4;
	if (st_cur_left(&t) < 4 + n)	/* cut by the capture, or a lie */
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "RTP: header extension of %zu bytes "
		    "past the datagram", n);
	if (st_peek_bits(&t, 0, 16) == 0xbede)
		one_byte(d, c, off + 4, n);
	else
		for (i = 0; i < n && i < 4 * RTP_EXT_ITEMS; i += 4) {
			struct st_cur w = t;

			st_cur_skip(&w, 4 + i);
			st_dfield(d, &w, &rtp_fields[F_HDR_EXT]);
		}
	*hdr = off + 4 + n;
	return ST_OK;
}

static int
rtp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *f;
	size_t left = st_cur_left(c), hdr, i, pad = 0;
	unsigned cc;
	int b, rc;
	unsigned ev = setup(d);
	if (st_dfields(d, c, rtp_fields + F_VERSION, F_SEQ - F_VERSION + 1) != ST_OK)
		return ST_ETRUNC;
	if ((f = st_dgen(d, &rtp_fields[F_EXTSEQ], 0)) != NULL)
		f->val = 65536 + st_peek_bits(c, 16, 16);
	if (st_dfields(d, c, rtp_fields + F_TS, 2) != ST_OK)
		return ST_ETRUNC;
	if (st_peek_bits(c, 0, 2) != 2)
		return st_dmalformed(d, "RTP version %u, not 2",
		    (unsigned)st_peek_bits(c, 0, 2));
	cc = (unsigned)st_peek_bits(c, 4, 4);
	for (i = 0; i < cc; i++) {
		struct st_cur t = *c;

		st_cur_skip(&t, 12 + 4 * i);
		if (st_dfield(d, &t, &rtp_fields[F_CSRC]) == NULL)
			return ST_ETRUNC;
	}
	hdr = 12 + 4 * cc;
	if (st_peek_bits(c, 3, 1) && (rc = extension(d, c, hdr, &hdr)) !=
	    ST_OK)
		return rc;
	if (hdr > left)
		return ST_ETRUNC;
	if (st_peek_bits(c, 2, 1)) {
		if ((b = (int)st_peek_bits(c, (left - 1) * 8, 8)) <= 0 ||
		    hdr + (size_t)b >
		    left)
			return st_dmalformed(d, "RTP padding count %d beyond "
			    "the payload", b);
		pad = (size_t)b;
	}
	if (left - hdr - pad > 0)
		st_dbytes(d, c, &rtp_fields[F_PAYLOAD], hdr, left - hdr - pad);
	if (pad > 1)
		st_dbytes(d, c, &rtp_fields[F_PAD_DATA], left - pad, pad - 1);
	if (pad > 0 && (f = st_dbytes(d, c, &rtp_fields[F_PAD_COUNT],
	    left - 1, 1)) != NULL)
		f->val = pad;
	/* as Wireshark: the payload shown, and its event decoded after */
	if (ev != 0 && st_peek_bits(c, 9, 7) + 1 == ev &&
	    left - hdr - pad >= 4) {
		d->hdr = hdr;
		d->plen = left - hdr;
		d->next = &st_proto_rtpevent;
		return ST_OK;
	}
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

/* "rtp PT=0 (ITU-T G.711 PCMU) ssrc 0x11223344 seq 1000 ts 160". */
static int
rtp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NRTP];
	const char *nm;
	unsigned pt;

	st_ly_fields(s->pkt, ly, rtp_fields, F_NRTP, f);
	st_out_puts(s->o, "rtp");
	if (f[F_PT] == NULL)
		return 1;
	pt = (unsigned)f[F_PT]->val;
	st_out_printf(s->o, " PT=%u", pt);
	if ((nm = voip_pt_name(pt)) != NULL)
		st_out_printf(s->o, " (%s)", nm);
	if (f[F_SSRC] != NULL)
		st_out_printf(s->o, " ssrc 0x%08x", (unsigned)f[F_SSRC]->val);
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, " seq %u", (unsigned)f[F_SEQ]->val);
	if (f[F_TS] != NULL)
		st_out_printf(s->o, " ts %u", (unsigned)f[F_TS]->val);
	if (f[F_MARKER] != NULL && f[F_MARKER]->val)
		st_out_puts(s->o, " mark");
	return 1;
}

static const struct st_field_desc *const rtp_keys[] = {
	&rtp_fields[F_PT], &rtp_fields[F_SEQ], &rtp_fields[F_TS],
	&rtp_fields[F_SSRC], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rtp = {
	.name = "rtp",
	.ws = "rtp",
	.title = "Real-Time Transport Protocol",
	.rfc = "RFC 3550",
	.role = ST_ROLE_APP,
	.fields = rtp_fields,
	.nfields = F_NRTP,
	.decode = rtp_decode,
	/* @summary */
	.summary = rtp_summary,
	/* @views */
	.keys = rtp_keys,
	.color = "\033[35m",
	.explain = "Carries audio and video in datagrams: the payload type "
	    "names the codec (0 PCMU, 8 PCMA, 96-127 dynamic, named by SDP's "
	    "rtpmap), the sequence number orders packets and shows loss, the "
	    "timestamp counts samples, the SSRC names the source; the marker "
	    "bit starts a talkspurt or ends a video frame.  Nothing in the "
	    "bytes says RTP: strata knows it only from the SDP that named "
	    "the address and port earlier in the capture.",
	/* @craft */
	/* @probes */
};
