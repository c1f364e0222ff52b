/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GTPv1-C information elements (3GPP TS 29.060 7.7): a type byte, then a
 * fixed-length value when the type is below 128 (TV), else a 16-bit length
 * and the value (TLV).  Shown with Wireshark's names for the elements a
 * create/update/delete PDP context exchange carries; other TLVs are
 * stepped over, and a TV type of unknown length ends the walk (its end
 * cannot be known, as for tshark).
 */
#include "gtpie.h"

const char st_gtp_length[] = "gtp.length";

#define GTP_MAXIES	64	/* elements walked in one message */

enum { I_CAUSE, I_LAC, I_RAC, I_REORDER, I_RECOVERY, I_SELMODE, I_TEIDD,
	I_TEIDC, I_NSAPI, I_CHRG, I_LEN, I_ORG, I_PDPTYPE, I_UV4, I_UV6,
	I_APNLEN, I_APN, I_GSNLEN, I_GSN4, I_GSN6, I_QLEN, I_ARP, I_SP1,
	I_DELAY, I_REL, I_PEAK, I_SP2, I_PREC, I_SP3, I_MEAN, I_TCLASS,
	I_DORDER, I_DERR, I_MSDU, I_MUL, I_MDL, I_BER, I_SDUERR, I_TDELAY,
	I_THP, I_GUL, I_GDL, I_XLEN, I_RAT, I_TZ, I_DST, I_XID, I_XVAL,
	I_FLD, I_FLS, I_CC, I_CCS, I_CCN, I_CCP, I_CCF, I_CCH, I_CCR };

/* Rows at bit offsets from the element's type byte. */
static const struct st_field_desc ie_fields[] = {
	FD(NULL, "gtp.cause", "Cause", 8, 8, ST_FMT_DEC),
	FD(NULL, "gtp.lac", "Location area code", 32, 16, ST_FMT_DEC),
	FD(NULL, "gtp.rai_rac", "Routing area code", 48, 8, ST_FMT_DEC),
	FD(NULL, "gtp.reorder", "Reordering required", 15, 1, ST_FMT_DEC),
	FD(NULL, "gtp.recovery", "Recovery (restart counter)", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "gtp.sel_mode", "Selection mode", 14, 2, ST_FMT_DEC),
	FD(NULL, "gtp.teid_data", "TEID data I", 8, 32, ST_FMT_HEX),
	FD(NULL, "gtp.teid_cp", "TEID control plane", 8, 32, ST_FMT_HEX),
	FD(NULL, "gtp.nsapi", "NSAPI", 12, 4, ST_FMT_DEC),
	FD(NULL, "gtp.chrg_id", "Charging ID", 8, 32, ST_FMT_HEX),
	FD(NULL, st_gtp_length, "Length", 8, 16, ST_FMT_DEC),
	FD(NULL, "gtp.user_addr_pdp_org", "PDP type organization", 28, 4,
	    ST_FMT_DEC),
	FD(NULL, "gtp.user_addr_pdp_type", "PDP type number", 32, 8,
	    ST_FMT_HEX),
	FD(NULL, "gtp.user_ipv4", "End user address IPv4", 40, 32,
	    ST_FMT_IPV4),
	FD(NULL, "gtp.user_ipv6", "End user address IPv6", 40, 128,
	    ST_FMT_IPV6),
	FD(NULL, "gtp.apn_length", "APN length", 8, 16, ST_FMT_DEC),
	FD(NULL, "gtp.apn", "Access point name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "gtp.gsn_address_length", "GSN address length", 8, 16,
	    ST_FMT_DEC),
	FD(NULL, "gtp.gsn_ipv4", "GSN address IPv4", 24, 32, ST_FMT_IPV4),
	FD(NULL, "gtp.gsn_ipv6", "GSN address IPv6", 24, 128, ST_FMT_IPV6),
	/* Quality of service profile (TS 24.008 10.5.6.5) */
	FD(NULL, "gtp.qos_umts_length", "Length", 8, 16, ST_FMT_DEC),
	FD(NULL, "gtp.qos_al_ret_priority", "Allocation/retention priority",
	    24, 8, ST_FMT_DEC),
	FD(NULL, "gtp.qos_spare1", "Spare", 32, 2, ST_FMT_DEC),
	FD(NULL, "gtp.qos_delay", "Delay class", 34, 3, ST_FMT_DEC),
	FD(NULL, "gtp.qos_reliability", "Reliability class", 37, 3,
	    ST_FMT_DEC),
	FD(NULL, "gtp.qos_peak", "Peak throughput", 40, 4, ST_FMT_DEC),
	FD(NULL, "gtp.qos_spare2", "Spare", 44, 1, ST_FMT_DEC),
	FD(NULL, "gtp.qos_precedence", "Precedence class", 45, 3, ST_FMT_DEC),
	FD(NULL, "gtp.qos_spare3", "Spare", 48, 3, ST_FMT_DEC),
	FD(NULL, "gtp.qos_mean", "Mean throughput", 51, 5, ST_FMT_DEC),
	FD(NULL, "gtp.qos_traf_class", "Traffic class", 56, 3, ST_FMT_DEC),
	FD(NULL, "gtp.qos_del_order", "Delivery order", 59, 2, ST_FMT_DEC),
	FD(NULL, "gtp.qos_del_err_sdu", "Delivery of erroneous SDU", 61, 3,
	    ST_FMT_DEC),
	FD(NULL, "gtp.qos_max_sdu_size", "Maximum SDU size (octets)", 64, 8,
	    ST_FMT_DEC),
	FD(NULL, "gtp.qos_max_ul", "Maximum bit rate for uplink (kbps)", 72,
	    8, ST_FMT_DEC),
	FD(NULL, "gtp.qos_max_dl", "Maximum bit rate for downlink (kbps)", 80,
	    8, ST_FMT_DEC),
	FD(NULL, "gtp.qos_res_ber", "Residual BER", 88, 4, ST_FMT_DEC),
	FD(NULL, "gtp.qos_sdu_err_ratio", "SDU error ratio", 92, 4,
	    ST_FMT_DEC),
	FD(NULL, "gtp.qos_trans_delay", "Transfer delay", 96, 6, ST_FMT_DEC),
	FD(NULL, "gtp.qos_traf_handl_prio", "Traffic handling priority", 102,
	    2, ST_FMT_DEC),
	FD(NULL, "gtp.qos_guar_ul", "Guaranteed bit rate for uplink (kbps)",
	    104, 8, ST_FMT_DEC),
	FD(NULL, "gtp.qos_guar_dl", "Guaranteed bit rate for downlink (kbps)",
	    112, 8, ST_FMT_DEC),
	/* extension elements (TS 29.060 7.7.50 on) */
	FD(NULL, "gtp.ext_length", "Length", 8, 16, ST_FMT_DEC),
	FD(NULL, "gtp.ext_rat_type", "RAT type", 24, 8, ST_FMT_DEC),
	FD(NULL, "gtp.timezone", "Time zone", 24, 8, ST_FMT_DEC),
	FD(NULL, "gtp.timezone_dst", "Daylight saving time", 38, 2,
	    ST_FMT_DEC),
	FD(NULL, "gtp.ext_id", "Extension identifier", 24, 16, ST_FMT_DEC),
	FD(NULL, "gtp.ext_val", "Extension value", 0, 0, ST_FMT_BYTES),
	/* version 0 (GSM 09.60 7.9) */
	FD(NULL, "gtp.ext_flow_label", "Flow label data I", 8, 16,
	    ST_FMT_HEX),
	FD(NULL, "gtp.flow_sig", "Flow label signalling", 8, 16, ST_FMT_HEX),
	/* charging characteristics (TS 32.251 A.1) */
	FD(NULL, "gtp.chrg_char", "Charging characteristics", 8, 16,
	    ST_FMT_DEC),
	FDD(NULL, "gtp.chrg_char_s", "Spare", 8, 4, ST_FMT_DEC),
	FDD(NULL, "gtp.chrg_char_n", "Normal charging", 12, 1, ST_FMT_DEC),
	FDD(NULL, "gtp.chrg_char_p", "Prepaid charging", 13, 1, ST_FMT_DEC),
	FDD(NULL, "gtp.chrg_char_f", "Flat rate charging", 14, 1, ST_FMT_DEC),
	FDD(NULL, "gtp.chrg_char_h", "Hot billing charging", 15, 1,
	    ST_FMT_DEC),
	FDD(NULL, "gtp.chrg_char_r", "Reserved", 16, 8, ST_FMT_DEC),
};

#define R(i)	(&ie_fields[(i)])

/* A TV element's value length by type (0: not a TV type strata knows). */
static const uint8_t ie_tvlen[128] = {
	[1] = 1, [2] = 8, [3] = 6, [4] = 4, [5] = 4, [8] = 1, [9] = 28,
	[11] = 1, [12] = 3, [13] = 1, [14] = 1, [15] = 1, [16] = 4, [17] = 4,
	[18] = 5, [19] = 1, [20] = 1, [21] = 1, [22] = 9, [23] = 1, [24] = 1,
	[25] = 2, [26] = 2, [27] = 2, [28] = 2, [29] = 1, [127] = 4,
};

/* Version 0's TV lengths where they differ: QoS profile, flow labels. */
static unsigned
ie_tvlen0(unsigned type)
{
	switch (type) {
	case 6:
		return 3;
	case 16: case 17:
		return 2;
	case 18:
		return 3;
	}
	return ie_tvlen[type];
}

/* A bit rate octet in kbps, as tshark shows it (TS 24.008 10.5.6.5). */
static uint64_t
ie_rate(uint64_t v)
{
	if (v >= 64 && v < 128)
		return 64 + (v - 64) * 8;
	if (v >= 128 && v < 255)
		return 576 + (v - 128) * 64;
	return v == 255 ? 0 : v;
}

static void
ie_tv(struct st_dctx *d, struct st_cur *w, unsigned type, unsigned ver)
{
	struct st_cur q;

	static const signed char row[30] = {
		[1] = I_CAUSE, [8] = I_REORDER, [14] = I_RECOVERY,
		[15] = I_SELMODE, [16] = I_TEIDD, [17] = I_TEIDC,
		[20] = I_NSAPI,
	};

	if (ver == 0 && (type == 16 || type == 17)) {
		st_dfield(d, w, R(type == 16 ? I_FLD : I_FLS));
		return;
	}
	if (ver == 0 && type == 6) {
		/* The 3-byte profile: the UMTS rows' first three octets,
		 * which sit 3 bytes further on (length, priority). */
		q = *w;
		q.off -= 3;
		st_dfields(d, &q, R(I_SP1), I_TCLASS - I_SP1);
		w->err = q.err;
		return;
	}
	if (type == 3)
		st_dfields(d, w, R(I_LAC), 2);
	else if (type == 127)
		st_dfield(d, w, R(I_CHRG));
	else if (type == 26)
		st_dfields(d, w, R(I_CC), I_CCR + 1 - I_CC);
	else if (type < 30 && (row[type] > 0 || type == 1))
		st_dfield(d, w, R(row[type]));
}

static void
ie_qos(struct st_dctx *d, struct st_cur *w, size_t n)
{
	struct st_field *f;
	unsigned i;

	st_dfields(d, w, R(I_QLEN), 2);
	for (i = I_SP1; i <= I_GDL; i++) {
		if ((size_t)(R(i)->bitoff + R(i)->bits + 7) / 8 > 3 + n)
			return;		/* a shorter (older) profile */
		f = st_dfield(d, w, R(i));
		if (f == NULL)
			return;
		if (i == I_MSDU && f->val >= 1 && f->val <= 150)
			f->val *= 10;
		else if (i == I_MUL || i == I_MDL || i == I_GUL || i == I_GDL)
			f->val = ie_rate(f->val);
	}
}

/* The APN's labels, length-prefixed, as dotted text (TS 23.003 9.1). */
static void
ie_apn(struct st_dctx *d, struct st_cur *w, size_t n)
{
	char buf[256];
	size_t i = 0, k = 0, l, j;

	if (n == 0 || n > 100 || !st_cur_need(w, 3 + n))
		return;
	while (i < n) {
		l = (size_t)st_peek_bits(w, (unsigned)(24 + 8 * i), 8);
		if (k > 0)
			buf[k++] = '.';
		for (j = 1; j <= l && i + j < n; j++) {
			unsigned ch = (unsigned)st_peek_bits(w,
			    (unsigned)(24 + 8 * (i + j)), 8);
			buf[k++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '.';
		}
		i += l + 1;
	}
	buf[k] = '\0';
	st_dtext(d, w, R(I_APN), 3, n, buf);
}

/* MS time zone: quarter hours from GMT in swapped BCD, bit 3 the sign
 * (tshark shows the magnitude). */
static void
ie_tz(struct st_dctx *d, struct st_cur *w)
{
	struct st_field *f = st_dfield(d, w, R(I_TZ));

	if (f != NULL)
		f->val = (f->val & 7) * 10 + (f->val >> 4);
	st_dfield(d, w, R(I_DST));
}

static void
ie_tlv(struct st_dctx *d, struct st_cur *w, unsigned type, size_t n)
{
	unsigned t;

	switch (type) {
	case 128:		/* end user address */
		st_dfield(d, w, R(I_LEN));
		if (n < 2)
			break;
		st_dfields(d, w, R(I_ORG), 2);
		t = (unsigned)st_peek_bits(w, 32, 8);
		if (n >= 6 && t == 0x21)
			st_dfield(d, w, R(I_UV4));
		else if (n >= 18 && t == 0x57)
			st_dfield(d, w, R(I_UV6));
		break;
	case 131:
		st_dfield(d, w, R(I_APNLEN));
		ie_apn(d, w, n);
		break;
	case 132: case 134:	/* PCO, MSISDN: other dissectors' fields */
		st_dfield(d, w, R(I_LEN));
		break;
	case 133:
		st_dfield(d, w, R(I_GSNLEN));
		if (n == 4)
			st_dfield(d, w, R(I_GSN4));
		else if (n == 16)
			st_dfield(d, w, R(I_GSN6));
		break;
	case 135:
		ie_qos(d, w, n);
		break;
	case 151: case 153: case 255:
		st_dfield(d, w, R(I_XLEN));
		if (type == 151 && n >= 1)
			st_dfield(d, w, R(I_RAT));
		else if (type == 153 && n >= 2)
			ie_tz(d, w);
		else if (type == 255 && n >= 2) {
			st_dfield(d, w, R(I_XID));
			if (n > 2)
				st_dbytes(d, w, R(I_XVAL), 5, n - 2);
		}
		break;
	}
}

#define GTP_MAXPCO	4	/* protocol configuration options handed on */
#define GTP_MAXPPP	16	/* PPP packets in one of them */

/*
 * The PPP packets a Protocol Configuration Options element (TS 24.008
 * 10.5.6.3) of n bytes at byte off of c carries, as layers after GTP's
 * (IPCP, PAP, CHAP, LCP ... by their PPP protocol number): a byte of
 * configuration protocol, then containers of an ID, a length and the
 * contents; the IDs below 0x8000 are 3GPP's own, not PPP's.
 */
static void
pco_on(struct st_dctx *d, struct st_cur *c, size_t off, size_t n)
{
	const struct st_proto *p;
	size_t pos, k;
	unsigned i, id;

	for (pos = off + 1, i = 0; pos + 3 <= off + n && i < GTP_MAXPPP;
	    i++) {
		id = (unsigned)st_peek_bits(c, pos * 8, 16);
		k = (size_t)st_peek_bits(c, pos * 8 + 16, 8);
		if (c->err != ST_OK || pos + 3 + k > off + n)
			return;
		if (id >= 0x8000 && k > 0 &&
		    (p = st_proto_next(ST_KEY_PPP, id)) != NULL)
			st_dsublayer(d, c, p, pos + 3, k);
		pos += 3 + k;
	}
}

void
st_gtp_ies(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    unsigned ver)
{
	struct st_cur w;
	unsigned i, type, npco = 0;
	size_t n, pco[GTP_MAXPCO][2];

	for (i = 0; off < end && i < GTP_MAXIES; i++) {
		w = *c;
		w.off += off;
		if (!st_cur_need(&w, 1))
			break;
		type = (unsigned)st_peek_bits(&w, 0, 8);
		if (type < 128) {
			n = ver == 0 ? ie_tvlen0(type) : ie_tvlen[type];
			if (n == 0 || off + 1 + n > end)
				break;
			ie_tv(d, &w, type, ver);
			off += 1 + n;
		} else {
			if (!st_cur_need(&w, 3))
				break;
			n = (size_t)st_peek_bits(&w, 8, 16);
			if (off + 3 + n > end)
				break;
			ie_tlv(d, &w, type, n);
			if (type == 132 && n > 0 && npco < GTP_MAXPCO) {
				pco[npco][0] = off + 3;
				pco[npco++][1] = n;
			}
			off += 3 + n;
		}
		if (w.err != ST_OK)
			break;
	}
	/* Last: what follows would go to their layers. */
	for (i = 0; i < npco; i++)
		pco_on(d, c, pco[i][0], pco[i][1]);
}
