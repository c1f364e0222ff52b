/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.11 management frame body (IEEE Std 802.11-2020, 9.3.3 and 9.4):
 * the fixed fields its subtype has, then tagged parameters (elements).
 *
 *  fixed fields (by subtype, little-endian):
 *    beacon, probe response: timestamp (8), interval (2), capabilities (2)
 *    association request: capabilities (2), listen interval (2)
 *    association/reassociation response: capabilities, status, AID (2 each)
 *    reassociation request: capabilities, listen interval, current AP (6)
 *    authentication: algorithm, sequence, status (2 each)
 *    deauthentication, disassociation: reason (2)
 *    action: category (1), action code (1)
 *  then elements:
 * +--------+--------+-------------------+
 * | number | length |  length bytes ... |
 * +--------+--------+-------------------+
 *
 * The subtype is in the first byte of the 802.11 header just before this
 * body (what Wireshark's wlan.mgt reads from the same frame).
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "wlan.h"
#include "wlan_ht.h"
#include "wlan_ie.h"

#define MAX_TAGS	256	/* elements read in one frame */

enum {
	F_TS, F_BEACON, F_CAP, F_LISTEN, F_CURAP, F_STATUS, F_AID, F_ALG, F_AUTHSEQ, F_REASON,
	F_CAT, F_ACTION,
	F_TAGNUM, F_TAGLEN, F_SSID, F_RATES, F_XRATES, F_CHAN, F_DTIMC,
	F_DTIMP, F_BMAPCTL, F_PVB, F_CC, F_RSNVER, F_GCS, F_GCSOUI, F_GCSTYPE,
	F_PCSCOUNT, F_PCS, F_PCSOUI, F_PCSTYPE, F_AKMCOUNT, F_AKM, F_AKMOUI,
	F_AKMTYPE, F_RSNCAP, F_HTCAP, F_HTPRIM, F_OUI, F_OUITYPE, F_TAGDATA,
	F_MESHID
};

static const struct st_field_desc mgt_fields[] = {
	FD(NULL, "wlan.fixed.timestamp", "Timestamp", 0, 64, ST_FMT_DEC),
	FD(NULL, "wlan.fixed.beacon", "Beacon interval (TU)", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "wlan.fixed.capabilities", "Capabilities", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "wlan.fixed.listen_ival", "Listen interval", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "wlan.fixed.current_ap", "Current AP", 0, 48, ST_FMT_MAC),
	FD(NULL, "wlan.fixed.status_code", "Status code", 0, 16, ST_FMT_HEX),
	FD(NULL, "wlan.fixed.aid", "Association ID", 0, 16, ST_FMT_HEX),
	FD(NULL, "wlan.fixed.auth.alg", "Authentication algorithm", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "wlan.fixed.auth_seq", "Authentication sequence", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "wlan.fixed.reason_code", "Reason code", 0, 16, ST_FMT_HEX),
	FD(NULL, "wlan.fixed.category_code", "Category", 0, 8, ST_FMT_DEC),
	FD(NULL, "wlan.fixed.action_code", "Action", 0, 8, ST_FMT_DEC),
	FD(NULL, "wlan.tag.number", "Tag number", 0, 8, ST_FMT_DEC),
	FD(NULL, "wlan.tag.length", "Tag length", 8, 8, ST_FMT_DEC),
	FD(NULL, "wlan.ssid", "SSID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "wlan.supported_rates", "Supported rate", 0, 8, ST_FMT_HEX),
	FD(NULL, "wlan.extended_supported_rates", "Extended supported rate",
	    0, 8, ST_FMT_HEX),
	FD(NULL, "wlan.ds.current_channel", "Current channel", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "wlan.tim.dtim_count", "DTIM count", 0, 8, ST_FMT_DEC),
	FD(NULL, "wlan.tim.dtim_period", "DTIM period", 0, 8, ST_FMT_DEC),
	FD(NULL, "wlan.tim.bmapctl", "Bitmap control", 0, 8, ST_FMT_HEX),
	FD(NULL, "wlan.tim.partial_virtual_bitmap", "Partial virtual bitmap",
	    0, 0, ST_FMT_BYTES),
	FD(NULL, "wlan.country_info.code", "Country code", 0, 16,
	    ST_FMT_TEXT),
	FD(NULL, "wlan.rsn.version", "RSN version", 0, 16, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.gcs", "Group cipher suite", 0, 32, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.gcs.oui", "Group cipher suite OUI", 0, 24,
	    ST_FMT_DEC),
	FD(NULL, "wlan.rsn.gcs.type", "Group cipher suite type", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "wlan.rsn.pcs.count", "Pairwise cipher suite count", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "wlan.rsn.pcs", "Pairwise cipher suite", 0, 32, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.pcs.oui", "Pairwise cipher suite OUI", 0, 24,
	    ST_FMT_DEC),
	FD(NULL, "wlan.rsn.pcs.type", "Pairwise cipher suite type", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "wlan.rsn.akms.count", "AKM suite count", 0, 16, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.akms", "AKM suite", 0, 32, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.akms.oui", "AKM suite OUI", 0, 24, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.akms.type", "AKM suite type", 24, 8, ST_FMT_DEC),
	FD(NULL, "wlan.rsn.capabilities", "RSN capabilities", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "wlan.ht.capabilities", "HT capabilities", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "wlan.ht.info.primarychannel", "Primary channel", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "wlan.tag.oui", "OUI", 0, 24, ST_FMT_DEC),
	FD(NULL, "wlan.tag.vendor.oui.type", "Vendor OUI type", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "wlan.tag.data", "Tag data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "wlan.mesh.id", "Mesh ID", 0, 0, ST_FMT_TEXT),
};

#define F(i)	(&mgt_fields[(i)])

/* The little-endian number of n bytes at off from the cursor. */
static uint64_t
le(const struct st_cur *c, size_t off, unsigned n)
{
	struct st_cur t = *c;
	uint64_t v = 0;
	unsigned i;

	t.off += off;
	for (i = 0; i < n; i++)
		v |= (uint64_t)st_get_u8(&t) << (8 * i);
	return v;
}

/* Adds field i of n little-endian bytes at off; its value, or 0. */
static uint64_t
add_le(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off,
    unsigned n)
{
	uint64_t v;

	if (!st_cur_need(c, off + n))
		return 0;
	v = le(c, off, n);
	st_pkt_add_field(d->pkt, F(i), (uint32_t)((c->off + off) * 8), n * 8,
	    v);
	return v;
}

/* Adds big-endian field i (n bytes at off), as its table row reads it. */
static void
add_be(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off,
    size_t n)
{
	st_dbytes(d, c, F(i), off, n);
}

/*
 * The parts of the little-endian field of n bytes at off (checked): each
 * row's .def is its mask; boolean rows say whether any of its bits is set.
 */
static void
parts(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *rows,
    size_t nrows, size_t off, unsigned n)
{
	uint64_t v = le(c, off, n);
	unsigned lo, hi;
	uint32_t m;
	size_t i, b;

	if (d->pkt->lite)
		return;
	for (i = 0; i < nrows; i++) {
		m = rows[i].def;
		for (lo = 0; lo < 31 && !(m >> lo & 1); lo++)
			;
		for (hi = 31; hi > lo && !(m >> hi & 1); hi--)
			;
		/* Its bits when it lies in one byte, else the bytes it
		 * spans (little-endian: not one run of bits as drawn). */
		b = (c->off + off + lo / 8) * 8;
		if (lo / 8 == hi / 8)
			b += 7 - hi % 8;
		st_pkt_add_field(d->pkt, &rows[i], (uint32_t)b, lo / 8 == hi /
		    8 ? hi - lo + 1 : (hi / 8 - lo / 8 + 1) * 8,
		    rows[i].fmt == ST_FMT_BOOL ? (v & m) != 0 : (v & m) >> lo);
	}
}

/* The capability information at off and its bits. */
static void
caps(struct st_dctx *d, struct st_cur *c, size_t off)
{
	add_le(d, c, F_CAP, off, 2);
	if (c->err == ST_OK)
		parts(d, c, cap_rows, NFIELDS(cap_rows), off, 2);
}

/*
 * The runs r[0..n) of an element's body (len bytes at t), each at base
 * plus its offset, as far as the body holds them whole.
 */
static void
runs(struct st_dctx *d, struct st_cur *t, size_t len,
    const struct wlan_run *r, size_t n, size_t base)
{
	size_t i, off;

	for (i = 0; i < n; i++) {
		off = base + r[i].off;
		if (off + r[i].bytes > len || !st_cur_need(t, off +
		    r[i].bytes))
			return;
		if (r[i].whole != NULL)
			st_pkt_add_field(d->pkt, r[i].whole, (uint32_t)((t->off +
			    off) * 8), r[i].bytes * 8u, le(t, off, r[i].bytes));
		if (r[i].rows != NULL)
			parts(d, t, r[i].rows, r[i].n, off, r[i].bytes);
	}
}

/* The HT operation element's body (len bytes at t): the primary channel,
 * and the basic MCS set, 3 bytes later than in the capabilities. */
static void
ht_info(struct st_dctx *d, struct st_cur *t, size_t len)
{
	size_t i;

	if (len < 1)
		return;
	add_be(d, t, F_HTPRIM, 0, 1);
	runs(d, t, len, htop_runs, NFIELDS(htop_runs), 0);
	for (i = 2; i <= 6; i++)
		if ((size_t)ht_parts[i].off + 3 + ht_parts[i].bytes <= len)
			parts(d, t, ht_parts[i].rows, ht_parts[i].n,
			    ht_parts[i].off + 3u, ht_parts[i].bytes);
}

/* The HT capabilities element's body (len bytes at t). */
static void
ht_caps(struct st_dctx *d, struct st_cur *t, size_t len)
{
	size_t i;

	for (i = 0; i < NFIELDS(ht_parts); i++) {
		if ((size_t)ht_parts[i].off + ht_parts[i].bytes > len)
			return;
		if (i == 0)
			add_le(d, t, F_HTCAP, 0, 2);
		else if (ht_parts[i].whole != NULL)
			st_pkt_add_field(d->pkt, ht_parts[i].whole,
			    (uint32_t)((t->off + ht_parts[i].off) * 8),
			    ht_parts[i].bytes * 8u, le(t, ht_parts[i].off,
			    ht_parts[i].bytes));
		parts(d, t, ht_parts[i].rows, ht_parts[i].n, ht_parts[i].off,
		    ht_parts[i].bytes);
	}
}

/* The fixed fields of subtype sub; their length, or -1 for none known. */
static long
fixed(struct st_dctx *d, struct st_cur *c, unsigned sub)
{
	switch (sub) {
	case 0:		/* association request */
		caps(d, c, 0);
		add_le(d, c, F_LISTEN, 2, 2);
		return 4;
	case 1:		/* association response */
	case 3:		/* reassociation response */
		caps(d, c, 0);
		add_le(d, c, F_STATUS, 2, 2);
		/* The top two bits are set: the AID is the rest. */
		if (st_cur_need(c, 6))
			st_pkt_add_field(d->pkt, F(F_AID), (uint32_t)((c->off +
			    4) * 8), 16, le(c, 4, 2) & 0x3fff);
		return 6;
	case 2:		/* reassociation request */
		caps(d, c, 0);
		add_le(d, c, F_LISTEN, 2, 2);
		st_dbytes(d, c, F(F_CURAP), 4, 6);
		return 10;
	case 4:		/* probe request: elements only */
		return 0;
	case 5:		/* probe response */
	case 8:		/* beacon */
		add_le(d, c, F_TS, 0, 8);
		add_le(d, c, F_BEACON, 8, 2);
		caps(d, c, 10);
		return 12;
	case 11:	/* authentication */
		add_le(d, c, F_ALG, 0, 2);
		add_le(d, c, F_AUTHSEQ, 2, 2);
		add_le(d, c, F_STATUS, 4, 2);
		return 6;
	case 10:	/* disassociation */
	case 12:	/* deauthentication */
		add_le(d, c, F_REASON, 0, 2);
		return 2;
	case 13:	/* action */
	case 14:
		add_be(d, c, F_CAT, 0, 1);
		add_be(d, c, F_ACTION, 1, 1);
		return -1;
	}
	return -1;
}

/* A cipher or AKM suite list (count, then 4-byte suites) at t's
 * position plus off; the bytes it takes, or 0 when they are missing. */
static size_t
suites(struct st_dctx *d, struct st_cur *t, size_t off, size_t len,
    unsigned first)
{
	size_t n, i;

	if (off + 2 > len)
		return 0;
	n = (size_t)le(t, off, 2);
	add_le(d, t, first, off, 2);
	for (i = 0; i < n && off + 2 + 4 * i + 4 <= len; i++) {
		add_be(d, t, first + 1, off + 2 + 4 * i, 4);
		add_be(d, t, first + 2, off + 2 + 4 * i, 3);
		add_be(d, t, first + 3, off + 2 + 4 * i + 3, 1);
	}
	return 2 + 4 * n;
}

/* The RSN element's body (len bytes at t). */
static void
rsn(struct st_dctx *d, struct st_cur *t, size_t len)
{
	size_t off = 2, n;

	if (len < 2)
		return;
	add_le(d, t, F_RSNVER, 0, 2);
	if (len >= 6) {
		add_be(d, t, F_GCS, 2, 4);
		add_be(d, t, F_GCSOUI, 2, 3);
		add_be(d, t, F_GCSTYPE, 5, 1);
		off = 6;
	}
	if ((n = suites(d, t, off, len, F_PCSCOUNT)) == 0)
		return;
	off += n;
	if ((n = suites(d, t, off, len, F_AKMCOUNT)) == 0)
		return;
	off += n;
	if (off + 2 <= len) {
		add_le(d, t, F_RSNCAP, off, 2);
		parts(d, t, rsncap_rows, NFIELDS(rsncap_rows), off, 2);
	}
}

/*
 * A vendor element of OUI 00:50:f2 (Microsoft, the WFA's): its type, and
 * a WMM information (subtype 0) or parameter (1) element's fields.  The
 * QoS info reads as an AP's in what an AP sends (beacon, probe and
 * association responses), as a station's in requests: subtype sub.
 */
static void
wfa(struct st_dctx *d, struct st_cur *t, size_t len, unsigned sub)
{
	static const struct wlan_run head[] = {
		WHOLE(&wme_whole[WME_TYPE], 3, 1),
		WHOLE(&wme_whole[WME_SUB], 4, 1),
		WHOLE(&wme_whole[WME_VER], 5, 1),
		WHOLE(&wme_whole[WME_QOS], 6, 1),
	};
	unsigned ws, ecw, i;
	size_t off;
	int ap = sub == 1 || sub == 3 || sub == 5 || sub == 8;

	if (le(t, 3, 1) != 2) {
		runs(d, t, len, head, 1, 0);
		return;
	}
	runs(d, t, len, head, NFIELDS(head), 0);
	if (len < 7 || (ws = (unsigned)le(t, 4, 1)) > 1)
		return;
	if (ap || sub == 0 || sub == 2 || sub == 4)
		parts(d, t, ap ? wmeap_rows : wmesta_rows, ap ?
		    NFIELDS(wmeap_rows) : NFIELDS(wmesta_rows), 6, 1);
	if (ws != 1 || len < 8)
		return;
	st_dbytes(d, t, &wme_whole[WME_RES], 7, 1);
	for (i = 0, off = 8; i < 4 && off + 4 <= len; i++, off += 4) {
		runs(d, t, len, acp_runs, NFIELDS(acp_runs), off);
		ecw = (unsigned)le(t, off + 1, 1);
		/* The windows the exponents say: 2^ECW - 1. */
		st_pkt_add_field(d->pkt, &wme_whole[WME_CWMAX], (uint32_t)
		    ((t->off + off + 1) * 8), 4, (1u << (ecw >> 4)) - 1);
		st_pkt_add_field(d->pkt, &wme_whole[WME_CWMIN], (uint32_t)
		    ((t->off + off + 1) * 8 + 4), 4, (1u << (ecw & 15)) - 1);
		st_pkt_add_field(d->pkt, &wme_whole[WME_TXOP], (uint32_t)
		    ((t->off + off + 2) * 8), 16, le(t, off + 2, 2));
	}
}

/* One element's body: number num, len bytes at t, in subtype sub. */
static void
element(struct st_dctx *d, struct st_cur *t, unsigned num, size_t len,
    unsigned sub)
{
	struct st_cur b = *t;
	const uint8_t *p;
	char cc[4 * 255 + 1];
	size_t i;

	switch (num) {
	case 0:
		st_dbytes(d, t, F(F_SSID), 0, len);
		return;
	case 1:
	case 50:
		for (i = 0; i < len; i++)
			add_be(d, t, num == 1 ? F_RATES : F_XRATES, i, 1);
		return;
	case 3:
		if (len >= 1)
			add_be(d, t, F_CHAN, 0, 1);
		return;
	case 5:
		if (len < 3)
			break;
		add_be(d, t, F_DTIMC, 0, 1);
		add_be(d, t, F_DTIMP, 1, 1);
		add_be(d, t, F_BMAPCTL, 2, 1);
		parts(d, t, bmapctl_rows, NFIELDS(bmapctl_rows), 2, 1);
		if (len > 3)
			st_dbytes(d, t, F(F_PVB), 3, len - 3);
		return;
	case 7:
		if (len < 2)
			break;
		if ((p = st_get_bytes(&b, 2)) == NULL)
			return;
		st_escape(p, 2, cc, sizeof(cc));
		st_dtext(d, t, F(F_CC), 0, 2, cc);
		return;
	case 42:
		runs(d, t, len, erp_runs, NFIELDS(erp_runs), 0);
		return;
	case 45:
		ht_caps(d, t, len);
		return;
	case 127:
		runs(d, t, len, extcap_runs, NFIELDS(extcap_runs), 0);
		return;
	case 113:
		runs(d, t, len, mesh_runs, NFIELDS(mesh_runs), 0);
		return;
	case 114:
		if ((p = st_get_bytes(&b, len)) == NULL)
			return;
		st_escape(p, len, cc, sizeof(cc));
		st_dtext(d, t, F(F_MESHID), 0, len, cc);
		return;
	case 61:
		ht_info(d, t, len);
		return;
	case 48:
		rsn(d, t, len);
		return;
	case 191:
		runs(d, t, len, vhtcap_runs, NFIELDS(vhtcap_runs), 0);
		return;
	case 192:
		runs(d, t, len, vhtop_runs, NFIELDS(vhtop_runs), 0);
		return;
	case 221:
		if (len < 4)
			break;
		add_be(d, t, F_OUI, 0, 3);
		add_be(d, t, F_OUITYPE, 3, 1);
		if (le(t, 0, 1) == 0x00 && le(t, 1, 1) == 0x50 &&
		    le(t, 2, 1) == 0xf2)
			wfa(d, t, len, sub);
		return;
	}
	if (len > 0)
		st_dbytes(d, t, F(F_TAGDATA), 0, len);
}

/* The elements from c's position to its end, in subtype sub. */
static int
elements(struct st_dctx *d, struct st_cur *c, unsigned sub)
{
	struct st_cur t;
	size_t len, k;
	unsigned num;

	for (k = 0; k < MAX_TAGS && st_cur_left(c) > 0; k++) {
		if (!st_cur_need(c, 2))
			return ST_ETRUNC;
		num = (unsigned)st_peek_bits(c, 0, 8);
		len = (size_t)st_peek_bits(c, 8, 8);
		st_dfield(d, c, F(F_TAGNUM));
		st_dfield(d, c, F(F_TAGLEN));
		st_cur_skip(c, 2);
		if (st_cur_left(c) < len) {
			if (d->pkt->caplen < d->pkt->len)
				return ST_ETRUNC;
			return st_dmalformed(d, "element %u: length %zu runs "
			    "past the frame", num, len);
		}
		t = st_cur_sub(c, len, NULL);
		element(d, &t, num, len, sub);
		st_cur_skip(c, len);	/* progress: 2 + len bytes */
	}
	if (st_cur_left(c) > 0)
		st_pkt_note(d->pkt, "802.11: more than 256 elements; the rest "
		    "not decoded");
	return ST_OK;
}

/*
 * The header before ends the frame with a checksum (the FCS) when a field
 * of its is one and lies after c: the elements end before it.
 */
static void
fcs_bound(struct st_dctx *d, const struct st_layer *prev, struct st_cur *c)
{
	const struct st_field *f;
	unsigned i;

	for (i = 0; i < prev->nfields; i++) {
		f = &d->pkt->fields[prev->field0 + i];
		if ((f->desc->flags & ST_DF_CKSUM) && f->bits > 0 &&
		    f->bitoff / 8 >= c->off && f->bitoff / 8 < c->end)
			c->end = f->bitoff / 8;
	}
}

static int
mgt_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_layer *prev;
	struct st_cur h = *c, body;
	size_t end = c->end;
	unsigned sub;
	long n;
	int rc;

	/* The subtype, from the 802.11 header this body follows. */
	if (d->pkt->nlayers < 2)
		return st_dmalformed(d, "no 802.11 header before the body");
	prev = &d->pkt->layers[d->pkt->nlayers - 2];
	h.off = prev->off;
	sub = (unsigned)st_get_u8(&h) >> 4;
	fcs_bound(d, prev, c);
	n = fixed(d, c, sub);
	if (c->err != ST_OK)
		return c->err;
	if (n < 0) {		/* an action body: the rest is its own */
		d->hdr = 2;
		return ST_OK;
	}
	body = *c;
	st_cur_skip(&body, (size_t)n);
	rc = elements(d, &body, sub);
	/* The FCS after the elements is the 802.11 layer's field; its bytes
	 * end this layer rather than start another. */
	d->hdr = (rc == ST_OK && body.off == c->end ? end : body.off) - c->off;
	return rc;
}

static const struct st_bind mgt_binds[] = {
	{ ST_KEY_WLAN, ST_WLAN_MGT },
};

/*
 * " ssid "home" ch 6", " reason 7", " seq 2 status 0", " status 1 aid 1":
 * each fact after a space, as they follow the frame's name.
 */
static int
mgt_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const uint8_t said[] = { F_REASON, F_AUTHSEQ, F_STATUS, F_AID,
	    F_CAT, F_ACTION, F_CHAN };
	static const char *const word[] = { "reason", "seq", "status", "aid",
	    "category", "action", "ch" };
	const struct st_field *f[F_CHAN + 1];
	const uint8_t *b;
	char esc[4 * 32 + 1];
	size_t n, i;
	int sp = 0;

	st_ly_fields(s->pkt, ly, mgt_fields, F_CHAN + 1, f);
	if (f[F_SSID] != NULL && (b = st_field_bytes(s->pkt, f[F_SSID],
	    &n)) != NULL) {
		st_escape(b, n < 32 ? n : 32, esc, sizeof(esc));
		st_out_printf(s->o, " ssid \"%s\"", esc);
		sp = 1;
	}
	for (i = 0; i < sizeof(said); i++)
		if (f[said[i]] != NULL) {
			st_out_printf(s->o, " %s %u", word[i],
			    (unsigned)f[said[i]]->val);
			sp = 1;
		}
	return sp;
}

const struct st_proto st_proto_wlan_mgt = {
	.name = "wlan.mgt",
	.ws = "wlan.mgt",
	.title = "IEEE 802.11 wireless LAN management frame",
	.rfc = "IEEE 802.11",
	.role = ST_ROLE_LINK,
	.fields = mgt_fields,
	.nfields = NFIELDS(mgt_fields),
	.decode = mgt_decode,
	.binds = mgt_binds,
	.nbinds = NFIELDS(mgt_binds),
	.summary = mgt_summary,
	.color = "\033[34m",
	.explain = "Fixed fields by subtype (little-endian), then elements: "
	    "a number, a length, and that many bytes. A beacon and a probe "
	    "response start with the timestamp, the interval and the "
	    "capabilities.",
};
