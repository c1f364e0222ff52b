/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Radiotap (https://www.radiotap.org), the radio facts a capturing 802.11
 * card puts before each frame (LINKTYPE_IEEE802_11_RADIOTAP, DLT 127).
 *
 *  0       7 8      15 16                     31
 * +---------+---------+------------------------+
 * | version |   pad   |   length (LE, bytes)   |
 * +---------+---------+------------------------+
 * |   present bitmap (LE); bit 31: another one follows ...
 * +--------------------------------------------+
 * |   one field per present bit, in bit order, each aligned to its
 * |   natural size from the header's start ...
 *
 * Unlike most headers here every number is little-endian.  Bit 29 of a
 * bitmap starts a fresh radiotap namespace in the next word, bit 30 a
 * vendor namespace whose data (skip_length bytes) is skipped.  A field
 * whose size is not known ends the reading of fields: nothing after it can
 * be placed (Wireshark stops there as well).
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "wlan.h"

#define RT_WORDS	16	/* present words read; more is malformed */

/* A row whose value is the bits .def of its whole field: a flag, or a
 * number of a byte. */
#define FB(n, l, m)	WLAN_PART(n, l, 1, m, ST_FMT_BOOL)
#define FM(n, l, m)	WLAN_PART(n, l, 8, m, ST_FMT_DEC)

enum {
	F_VER, F_PAD, F_LEN, F_WORD, F_TSFT, F_FLAGS, F_RATE, F_FREQ, F_CHFL,
	F_HOPSET, F_PATTERN, F_SIG, F_NOISE, F_QUAL, F_TXATT, F_DBTXATT,
	F_TXPOW, F_ANT, F_DBSIG, F_DBNOISE, F_RXFL, F_TXFL, F_RETRIES,
	F_XFLAGS, F_XFREQ, F_XCHAN, F_MCSKNOWN, F_MCSIDX, F_AMPREF, F_AMPFL,
	F_VHTBW, F_VHTGID, F_TS, F_TSACC
};

static const struct st_field_desc rt_fields[] = {
	FD(NULL, "radiotap.version", "Header revision", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.pad", "Header pad", 8, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.length", "Header length", 16, 16, ST_FMT_DEC),
	FD(NULL, "radiotap.present.word", "Present flags word", 32, 32,
	    ST_FMT_HEX),
	FD(NULL, "radiotap.mactime", "MAC timestamp", 0, 64, ST_FMT_DEC),
	FD(NULL, "radiotap.flags", "Flags", 0, 8, ST_FMT_HEX),
	FD(NULL, "radiotap.datarate", "Data rate (Mb/s)", 0, 8, ST_FMT_TEXT),
	FD(NULL, "radiotap.channel.freq", "Channel frequency", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "radiotap.channel.flags", "Channel flags", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "radiotap.fhss.hopset", "FHSS hop set", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.fhss.pattern", "FHSS pattern", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.dbm_antsignal", "Antenna signal (dBm)", 0, 8,
	    ST_FMT_TEXT),
	FD(NULL, "radiotap.dbm_antnoise", "Antenna noise (dBm)", 0, 8,
	    ST_FMT_TEXT),
	FD(NULL, "radiotap.quality", "Signal quality", 0, 16, ST_FMT_DEC),
	FD(NULL, "radiotap.txattenuation", "Transmit attenuation", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "radiotap.db_txattenuation", "Transmit attenuation (dB)", 0,
	    16, ST_FMT_DEC),
	FD(NULL, "radiotap.txpower", "Transmit power (dBm)", 0, 8,
	    ST_FMT_TEXT),
	FD(NULL, "radiotap.antenna", "Antenna", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.db_antsignal", "Antenna signal (dB)", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "radiotap.db_antnoise", "Antenna noise (dB)", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "radiotap.rxflags", "RX flags", 0, 16, ST_FMT_HEX),
	FD(NULL, "radiotap.txflags", "TX flags", 0, 16, ST_FMT_HEX),
	FD(NULL, "radiotap.data_retries", "Data retries", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.xchannel.flags", "Channel flags (extended)", 0,
	    32, ST_FMT_HEX),
	FD(NULL, "radiotap.xchannel.freq", "Channel frequency (extended)", 0,
	    16, ST_FMT_DEC),
	FD(NULL, "radiotap.xchannel.channel", "Channel number (extended)", 0,
	    8, ST_FMT_DEC),
	FD(NULL, "radiotap.mcs.known", "MCS known", 0, 8, ST_FMT_HEX),
	FD(NULL, "radiotap.mcs.index", "MCS index", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.ampdu.reference", "A-MPDU reference", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "radiotap.ampdu.flags", "A-MPDU flags", 0, 16, ST_FMT_HEX),
	FD(NULL, "radiotap.vht.bw", "VHT bandwidth", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.vht.gid", "VHT group ID", 0, 8, ST_FMT_DEC),
	FD(NULL, "radiotap.timestamp.ts", "Timestamp", 0, 64, ST_FMT_DEC),
	FD(NULL, "radiotap.timestamp.accuracy", "Timestamp accuracy", 0, 16,
	    ST_FMT_DEC),
};

/* The present bits, in order (the row's .def is the bit number). */
static const struct st_field_desc rt_present[] = {
	FB("radiotap.present.tsft", "TSFT", 0),
	FB("radiotap.present.flags", "Flags", 1),
	FB("radiotap.present.rate", "Rate", 2),
	FB("radiotap.present.channel", "Channel", 3),
	FB("radiotap.present.fhss", "FHSS", 4),
	FB("radiotap.present.dbm_antsignal", "dBm antenna signal", 5),
	FB("radiotap.present.dbm_antnoise", "dBm antenna noise", 6),
	FB("radiotap.present.lock_quality", "Lock quality", 7),
	FB("radiotap.present.tx_attenuation", "TX attenuation", 8),
	FB("radiotap.present.db_tx_attenuation", "dB TX attenuation", 9),
	FB("radiotap.present.dbm_tx_power", "dBm TX power", 10),
	FB("radiotap.present.antenna", "Antenna", 11),
	FB("radiotap.present.db_antsignal", "dB antenna signal", 12),
	FB("radiotap.present.db_antnoise", "dB antenna noise", 13),
	FB("radiotap.present.rxflags", "RX flags", 14),
	FB("radiotap.present.txflags", "TX flags", 15),
	FB("radiotap.present.data_retries", "Data retries", 17),
	FB("radiotap.present.xchannel", "Channel+", 18),
	FB("radiotap.present.mcs", "MCS information", 19),
	FB("radiotap.present.ampdu", "A-MPDU status", 20),
	FB("radiotap.present.vht", "VHT information", 21),
	FB("radiotap.present.timestamp", "Frame timestamp", 22),
	FB("radiotap.present.he", "HE information", 23),
	FB("radiotap.present.he_mu", "HE-MU information", 24),
	FB("radiotap.present.0_length.psdu", "0 length PSDU", 26),
	FB("radiotap.present.l_sig", "L-SIG", 27),
	FB("radiotap.present.tlv", "TLVs", 28),
	FB("radiotap.present.rtap_ns", "Radiotap namespace next", 29),
	FB("radiotap.present.vendor_ns", "Vendor namespace next", 30),
	FB("radiotap.present.ext", "Another bitmap follows", 31),
};
#define NS_BITS	27	/* rt_present rows from rtap_ns on */

static const struct st_field_desc rt_flagbits[] = {
	FB("radiotap.flags.cfp", "CFP", 0x01),
	FB("radiotap.flags.preamble", "Short preamble", 0x02),
	FB("radiotap.flags.wep", "WEP", 0x04),
	FB("radiotap.flags.frag", "Fragmentation", 0x08),
	FB("radiotap.flags.fcs", "FCS at end", 0x10),
	FB("radiotap.flags.datapad", "Data pad", 0x20),
	FB("radiotap.flags.badfcs", "Bad FCS", 0x40),
	FB("radiotap.flags.shortgi", "Short GI", 0x80),
};

static const struct st_field_desc rt_chbits[] = {
	FB("radiotap.channel.flags.700mhz", "700 MHz", 0x0001),
	FB("radiotap.channel.flags.800mhz", "800 MHz", 0x0002),
	FB("radiotap.channel.flags.900mhz", "900 MHz", 0x0004),
	FB("radiotap.channel.flags.turbo", "Turbo", 0x0010),
	FB("radiotap.channel.flags.cck", "CCK", 0x0020),
	FB("radiotap.channel.flags.ofdm", "OFDM", 0x0040),
	FB("radiotap.channel.flags.2ghz", "2 GHz", 0x0080),
	FB("radiotap.channel.flags.5ghz", "5 GHz", 0x0100),
	FB("radiotap.channel.flags.passive", "Passive", 0x0200),
	FB("radiotap.channel.flags.dynamic", "Dynamic CCK-OFDM", 0x0400),
	FB("radiotap.channel.flags.gfsk", "GFSK", 0x0800),
	FB("radiotap.channel.flags.gsm", "GSM", 0x1000),
	FB("radiotap.channel.flags.sturbo", "Static turbo", 0x2000),
	FB("radiotap.channel.flags.half", "Half rate", 0x4000),
	FB("radiotap.channel.flags.quarter", "Quarter rate", 0x8000),
};

static const struct st_field_desc rt_rxbits[] = {
	FB("radiotap.rxflags.badplcp", "Bad PLCP", 0x0002),
};

/* Wireshark names the TX flags' bits radiotap.rxflags.* too. */
static const struct st_field_desc rt_txbits[] = {
	FB("radiotap.rxflags.fail", "Transmission failed", 0x0001),
	FB("radiotap.rxflags.cts", "CTS-to-self protection", 0x0002),
	FB("radiotap.rxflags.rts", "RTS/CTS handshake", 0x0004),
	FB("radiotap.rxflags.noack", "No ACK expected", 0x0008),
	FB("radiotap.rxflags.noseqno", "Sequence number preset", 0x0010),
	FB("radiotap.rxflags.order", "Do not reorder", 0x0020),
};

static const struct st_field_desc rt_mcsbits[] = {
	FB("radiotap.mcs.have_bw", "Bandwidth known", 0x01),
	FB("radiotap.mcs.have_index", "MCS index known", 0x02),
	FB("radiotap.mcs.have_gi", "Guard interval known", 0x04),
	FB("radiotap.mcs.have_format", "Format known", 0x08),
	FB("radiotap.mcs.have_fec", "FEC type known", 0x10),
	FB("radiotap.mcs.have_stbc", "STBC known", 0x20),
	FB("radiotap.mcs.have_ness", "Ness known", 0x40),
};

static const struct st_field_desc rt_mcsflags[] = {
	FM("radiotap.mcs.bw", "Bandwidth", 0x03),
	FM("radiotap.mcs.gi", "Guard interval", 0x04),
	FM("radiotap.mcs.format", "Format", 0x08),
	FM("radiotap.mcs.fec", "FEC type", 0x10),
	FM("radiotap.mcs.stbc", "STBC streams", 0x60),
};

static const struct st_field_desc rt_vhtuser[] = {
	FM("radiotap.vht.mcs.0", "MCS of user 0", 0xf0),
	FM("radiotap.vht.nss.0", "Spatial streams of user 0", 0x0f),
};

static const struct st_field_desc rt_tsbits[] = {
	FM("radiotap.timestamp.unit", "Time unit", 0x0f),
	FM("radiotap.timestamp.samplingpos", "Sampling position", 0xf0),
};

/* Size and alignment of the field of each radiotap present bit; 0: the
 * field's size is not known (or it is TLVs): reading stops there. */
static const uint8_t rt_size[29] = {
	8, 1, 1, 4, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 8, 3, 8, 12,
	12, 12, 12, 6, 1, 4, 0
};
static const uint8_t rt_align[29] = {
	8, 1, 1, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 4, 1, 4, 2,
	8, 2, 2, 2, 1, 2, 1
};

/* The radiotap header being read: its start, its length, where next. */
struct rt {
	struct st_dctx	*d;
	struct st_cur	 h;		/* the it_len bytes, from the start */
	size_t		 pos;		/* next data byte, from the start */
};

/* The little-endian number of n bytes at off from the header's start. */
static uint64_t
rt_le(const struct rt *r, size_t off, unsigned n)
{
	struct st_cur t = r->h;
	uint64_t v = 0;
	unsigned i;

	t.off += off;
	for (i = 0; i < n; i++)
		v |= (uint64_t)st_get_u8(&t) << (8 * i);
	return v;
}

/* Adds fd with the n-byte value at off; returns the value. */
static uint64_t
rt_add(struct rt *r, const struct st_field_desc *fd, size_t off,
    unsigned n)
{
	uint64_t v = rt_le(r, off, n);

	st_pkt_add_field(r->d->pkt, fd, (uint32_t)((r->h.off + off) * 8),
	    n * 8, v);
	return v;
}

/* Adds a text field of n bytes at off (signed numbers, rates). */
static void
rt_text(struct rt *r, const struct st_field_desc *fd, size_t off,
    unsigned n, const char *fmt, double v)
{
	struct st_cur t = r->h;
	char buf[32];

	snprintf(buf, sizeof(buf), fmt, v);
	st_dtext(r->d, &t, fd, off, n, buf);
}

/*
 * Adds the parts of the field at off whose value is v: each row's .def is
 * its mask, its bits placed as the little-endian byte order puts them.
 */
static void
rt_bits(struct rt *r, const struct st_field_desc *rows, size_t n,
    size_t off, uint64_t v)
{
	unsigned b, lo, w;
	size_t i;

	if (r->d->pkt->lite)
		return;
	for (i = 0; i < n; i++) {
		uint32_t m = rows[i].def;

		for (lo = 0; lo < 31 && !(m >> lo & 1); lo++)
			;
		for (w = 0; lo + w < 32 && (m >> (lo + w) & 1); w++)
			;
		b = (unsigned)((r->h.off + off + lo / 8) * 8 + 8 - (lo % 8) -
		    w);
		st_pkt_add_field(r->d->pkt, &rows[i], b, w,
		    (v & m) >> lo);
	}
}

/* Adds the present bits of the word at off (all, or the namespace ones). */
static void
rt_word(struct rt *r, size_t off, uint32_t w, int all)
{
	const struct st_field_desc *fd;
	size_t i;

	rt_add(r, &rt_fields[F_WORD], off, 4);
	if (r->d->pkt->lite)
		return;
	for (i = all ? 0 : NS_BITS; i < NFIELDS(rt_present); i++) {
		fd = &rt_present[i];
		st_pkt_add_field(r->d->pkt, fd, (uint32_t)((r->h.off + off +
		    fd->def / 8) * 8 + 7 - fd->def % 8), 1, w >> fd->def & 1);
	}
}

#define F(i)	(&rt_fields[(i)])

/* The MCS flags and index at o whose known bits are known: only those
 * (have_bw, have_gi, have_format, have_fec, have_stbc say which). */
static void
rt_mcs(struct rt *r, size_t o, uint64_t known)
{
	static const uint8_t have[] = { 0x01, 0x04, 0x08, 0x10, 0x20 };
	uint64_t fl = rt_le(r, o + 1, 1);
	size_t i;

	for (i = 0; i < NFIELDS(rt_mcsflags); i++)
		if (known & have[i])
			rt_bits(r, &rt_mcsflags[i], 1, o + 1, fl);
	if (known & 0x02)
		rt_add(r, &rt_fields[F_MCSIDX], o + 2, 1);
}
#define BITS(t)	(t), NFIELDS(t)

/* Adds the field of present bit b at off (its size checked). */
static void
rt_field(struct rt *r, unsigned b, size_t o, uint8_t *flags)
{
	uint64_t v;

	switch (b) {
	case 0: rt_add(r, F(F_TSFT), o, 8); break;
	case 1:
		*flags = (uint8_t)rt_add(r, F(F_FLAGS), o, 1);
		rt_bits(r, BITS(rt_flagbits), o, *flags);
		break;
	case 2: rt_text(r, F(F_RATE), o, 1, "%g", rt_le(r, o, 1) / 2.0);
		break;
	case 3:
		rt_add(r, F(F_FREQ), o, 2);
		rt_bits(r, BITS(rt_chbits), o + 2, rt_add(r, F(F_CHFL), o + 2,
		    2));
		break;
	case 4: rt_add(r, F(F_HOPSET), o, 1); rt_add(r, F(F_PATTERN), o + 1,
		    1); break;
	case 5: rt_text(r, F(F_SIG), o, 1, "%.0f", (int8_t)rt_le(r, o, 1));
		break;
	case 6: rt_text(r, F(F_NOISE), o, 1, "%.0f", (int8_t)rt_le(r, o, 1));
		break;
	case 7: rt_add(r, F(F_QUAL), o, 2); break;
	case 8: rt_add(r, F(F_TXATT), o, 2); break;
	case 9: rt_add(r, F(F_DBTXATT), o, 2); break;
	case 10: rt_text(r, F(F_TXPOW), o, 1, "%.0f", (int8_t)rt_le(r, o, 1));
		break;
	case 11: rt_add(r, F(F_ANT), o, 1); break;
	case 12: rt_add(r, F(F_DBSIG), o, 1); break;
	case 13: rt_add(r, F(F_DBNOISE), o, 1); break;
	case 14: rt_bits(r, BITS(rt_rxbits), o, rt_add(r, F(F_RXFL), o, 2));
		break;
	case 15: rt_bits(r, BITS(rt_txbits), o, rt_add(r, F(F_TXFL), o, 2));
		break;
	case 17: rt_add(r, F(F_RETRIES), o, 1); break;
	case 18:
		rt_add(r, F(F_XFLAGS), o, 4);
		rt_add(r, F(F_XFREQ), o + 4, 2);
		rt_add(r, F(F_XCHAN), o + 6, 1);
		break;
	case 19:
		v = rt_add(r, F(F_MCSKNOWN), o, 1);
		rt_bits(r, BITS(rt_mcsbits), o, v);
		rt_mcs(r, o, v);
		break;
	case 20: rt_add(r, F(F_AMPREF), o, 4); rt_add(r, F(F_AMPFL), o + 4,
		    2); break;
	case 21:
		/* Only what the known bits say (bandwidth 0x40, group 0x80);
		 * the first user's MCS and streams when it has any. */
		v = rt_le(r, o, 2);
		if (v & 0x40)
			rt_add(r, F(F_VHTBW), o + 3, 1);
		if (rt_le(r, o + 4, 1) & 0x0f)
			rt_bits(r, BITS(rt_vhtuser), o + 4, rt_le(r, o + 4, 1));
		if (v & 0x80)
			rt_add(r, F(F_VHTGID), o + 9, 1);
		break;
	case 22:
		rt_add(r, F(F_TS), o, 8);
		rt_add(r, F(F_TSACC), o + 8, 2);
		v = rt_le(r, o + 10, 1);
		rt_bits(r, BITS(rt_tsbits), o + 10, v);
		break;
	}
}

/*
 * Reads the fields of one radiotap-namespace word w at r->pos.  Returns 0,
 * 1 when a field of unknown size ends the reading, or -1 when a field runs
 * past the header's length.
 */
static int
rt_fields_of(struct rt *r, uint32_t w, uint8_t *flags)
{
	size_t a;
	unsigned b;

	for (b = 0; b < 29; b++) {
		if (!(w >> b & 1))
			continue;
		if (rt_size[b] == 0)
			return 1;
		a = rt_align[b];
		r->pos = (r->pos + a - 1) / a * a;
		if (r->pos + rt_size[b] > st_cur_left(&r->h))
			return -1;
		rt_field(r, b, r->pos, flags);
		r->pos += rt_size[b];
	}
	return 0;
}

/* Skips a vendor namespace: its header at r->pos, then its data. */
static int
rt_vendor(struct rt *r)
{
	r->pos = (r->pos + 1) / 2 * 2;
	if (r->pos + 6 > st_cur_left(&r->h))
		return -1;
	r->pos += 6 + rt_le(r, r->pos + 4, 2);
	return r->pos > st_cur_left(&r->h) ? -1 : 0;
}

static int
rt_decode(struct st_dctx *d, struct st_cur *c)
{
	struct rt r = { d, *c, 0 };
	uint32_t w[RT_WORDS];
	size_t len, n, i;
	int clipped, stop = 0, vendor = 0, fresh = 1, rc;
	uint8_t flags = 0;

	st_dfields(d, c, rt_fields, F_LEN);
	len = (size_t)rt_le(&r, 2, 2);
	if (!st_cur_need(c, 4))
		return c->err;
	st_pkt_add_field(d->pkt, &rt_fields[F_LEN], (uint32_t)(c->off * 8 +
	    16), 16, len);
	d->hdr = len;
	if (len < 8)
		return st_dmalformed(d, "header length %zu below 8", len);
	r.h = st_cur_sub(c, len, &clipped);
	/* The bitmaps: each bit 31 says another follows. */
	for (n = 0, r.pos = 4; ; n++, r.pos += 4) {
		if (n == RT_WORDS)
			return st_dmalformed(d, "more than %d present words",
			    RT_WORDS);
		if (r.pos + 4 > len)
			return st_dmalformed(d, "present words run past the "
			    "header length %zu", len);
		if (r.pos + 4 > st_cur_left(&r.h))
			return ST_ETRUNC;
		w[n] = (uint32_t)rt_le(&r, r.pos, 4);
		if (!(w[n] >> 31 & 1))
			break;
	}
	r.pos += 4;
	for (i = 0; i <= n; i++) {
		rt_word(&r, 4 + 4 * i, w[i], fresh && !vendor);
		rc = 0;
		if (!stop && !vendor)
			rc = fresh ? rt_fields_of(&r, w[i], &flags) :
			    (w[i] & 0x1fffffff) != 0;
		if (rc == 0 && !stop && (w[i] >> 30 & 1))
			rc = rt_vendor(&r);
		if (rc < 0)
			return clipped ? ST_ETRUNC : st_dmalformed(d, "fields "
			    "run past the header length %zu", len);
		stop |= rc;
		fresh = (w[i] >> 29 & 1) || (w[i] >> 30 & 1);
		vendor = (w[i] >> 30 & 1) != 0;
	}
	if (clipped)
		return ST_ETRUNC;
	/* On through the radio facts (wlan_radio) to the 802.11 frame. */
	d->next_key = ST_KEY_WLAN;
	d->next_val = flags & 0x10 ? ST_WLAN_RADIO_FCS : ST_WLAN_RADIO;
	return ST_OK;
}

const struct st_field_desc *const st_radiotap_facts[RF_N] = {
	[RF_FLAGS] = &rt_fields[F_FLAGS], [RF_RATE] = &rt_fields[F_RATE],
	[RF_FREQ] = &rt_fields[F_FREQ], [RF_CHFLAGS] = &rt_fields[F_CHFL],
	[RF_SIG] = &rt_fields[F_SIG], [RF_NOISE] = &rt_fields[F_NOISE],
	[RF_DBSIG] = &rt_fields[F_DBSIG], [RF_DBNOISE] = &rt_fields[F_DBNOISE],
	[RF_MCS] = &rt_fields[F_MCSKNOWN], [RF_VHT] = &rt_present[20],
	[RF_TSFT] = &rt_fields[F_TSFT],
};

static const struct st_bind rt_binds[] = {
	{ ST_KEY_LINK, 127 },	/* DLT_IEEE802_11_RADIO */
};

/*
 * The frame's facts (the 802.11 layer's, through its own hook), then the
 * radio's: "beacon ssid "home" ch 6 bssid .. (2437 MHz, -42 dBm)".
 */
static int
rt_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NOISE + 1];
	const struct st_layer *next = ly + 1, *end = s->pkt->layers +
	    s->pkt->nlayers;
	int said = 0;

	/* The radio facts' layer (no bytes of its own) says nothing. */
	if (next < end && next->hdr_len == 0 && next->proto->summary == NULL)
		next++;
	if (next < end && next->depth == ly->depth &&
	    next->proto->summary != NULL)
		said = next->proto->summary(s, next);
	st_ly_fields(s->pkt, ly, rt_fields, F_NOISE + 1, f);
	if (f[F_FREQ] == NULL && f[F_SIG] == NULL)
		return said;
	st_out_puts(s->o, said ? " (" : "(");
	if (f[F_FREQ] != NULL)
		st_out_printf(s->o, "%u MHz", (unsigned)f[F_FREQ]->val);
	if (f[F_SIG] != NULL)
		st_out_printf(s->o, "%s%s dBm", f[F_FREQ] != NULL ? ", " : "",
		    f[F_SIG]->meaning != NULL ? f[F_SIG]->meaning : "?");
	st_out_putc(s->o, ')');
	return 1;
}

const struct st_proto st_proto_radiotap = {
	.name = "radiotap",
	.ws = "radiotap",
	.title = "Radiotap header",
	.rfc = "radiotap.org",
	.role = ST_ROLE_LINK,
	.fields = rt_fields,
	.nfields = NFIELDS(rt_fields),
	.decode = rt_decode,
	.binds = rt_binds,
	.nbinds = NFIELDS(rt_binds),
	.summary = rt_summary,
	.color = "\033[35m",
	.explain = "Every number is little-endian, and each field is aligned "
	    "to its own size from the header's start. The present bitmap says "
	    "which fields follow; its bit 31 says another bitmap follows, bit "
	    "29 that it starts the radiotap namespace again, bit 30 a vendor's "
	    "(skipped by its length). Flags bit 0x10 says the 802.11 frame "
	    "ends with its 4-byte FCS.",
};
