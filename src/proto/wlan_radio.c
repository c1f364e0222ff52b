/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 802.11 radio information: Wireshark's wlan_radio, the radio facts of a
 * frame whatever header carried them (radiotap here), said the same way:
 * the PHY, the data rate, channel and frequency, signal and noise.  It has
 * no bytes of its own: every field is worked out from the radio header
 * before it (the radiotap fields radiotap.c exports as st_radiotap_facts).
 *
 * The PHY is the one radiotap implies: VHT information says 802.11ac, MCS
 * information 802.11n; else the channel flags: CCK 802.11b, OFDM on 5 GHz
 * 802.11a, OFDM or dynamic CCK-OFDM on 2 GHz 802.11g, GFSK FHSS.
 *
 * Like Wireshark, it works out how long the frame was on the air from its
 * rate and the length of the frame it carries (as captured: Wireshark adds
 * no FCS a radiotap header says is absent): DSSS
 * and CCK (802.11b, and 802.11g at 1, 2, 5.5 or 11 Mb/s) take a preamble of
 * 192 us (96 when short, or not said) then 8 bits per byte at the rate;
 * OFDM (802.11a/g) takes 20 us then 4 us symbols of 16 + 8n + 6 bits.  With
 * a TSF timestamp (taken as the end of the frame) come its start and end.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fields.h"
#include "wlan.h"

static const struct st_valname phy_names[] = {
	{ 1, "802.11 FHSS" }, { 4, "802.11b" }, { 5, "802.11a" },
	{ 6, "802.11g" }, { 7, "802.11n" }, { 8, "802.11ac" }, { 0, NULL }
};

enum {
	W_PHY, W_SPRE, W_RATE, W_CHAN, W_FREQ, W_SIGDBM, W_NOISEDBM, W_SIGDB,
	W_NOISEDB, W_SNR, W_GMODE, W_TS, W_DUR, W_PRE, W_START, W_END
};

static const struct st_field_desc radio_fields[] = {
	FDG("wlan_radio.phy", "PHY type", ST_FMT_DEC, phy_names),
	FDG("wlan_radio.short_preamble", "Short preamble", ST_FMT_BOOL, NULL),
	FDG("wlan_radio.data_rate", "Data rate (Mb/s)", ST_FMT_TEXT, NULL),
	FDG("wlan_radio.channel", "Channel", ST_FMT_DEC, NULL),
	FDG("wlan_radio.frequency", "Frequency (MHz)", ST_FMT_DEC, NULL),
	FDG("wlan_radio.signal_dbm", "Signal strength (dBm)", ST_FMT_TEXT,
	    NULL),
	FDG("wlan_radio.noise_dbm", "Noise level (dBm)", ST_FMT_TEXT, NULL),
	FDG("wlan_radio.signal_db", "Signal strength (dB)", ST_FMT_DEC, NULL),
	FDG("wlan_radio.noise_db", "Noise level (dB)", ST_FMT_DEC, NULL),
	FDG("wlan_radio.snr", "SNR (dB)", ST_FMT_TEXT, NULL),
	FDG("wlan_radio.11g.mode", "Proprietary mode", ST_FMT_DEC, NULL),
	FDG("wlan_radio.timestamp", "TSF timestamp", ST_FMT_DEC, NULL),
	FDG("wlan_radio.duration", "Duration (us)", ST_FMT_DEC, NULL),
	FDG("wlan_radio.preamble", "Preamble (us)", ST_FMT_DEC, NULL),
	FDG("wlan_radio.start_tsf", "Start of frame (TSF)", ST_FMT_DEC, NULL),
	FDG("wlan_radio.end_tsf", "End of frame (TSF)", ST_FMT_DEC, NULL),
};

/* The channel number of a frequency in MHz, or 0 when not known. */
static unsigned
channel(unsigned f)
{
	if (f == 2484)
		return 14;
	if (f >= 2412 && f < 2484)
		return (f - 2407) / 5;
	if (f >= 5955 && f <= 7115)
		return (f - 5950) / 5;
	if (f >= 5000 && f < 5955)
		return (f - 5000) / 5;
	return 0;
}

/* Whether rate r (500 kb/s units) is a DSSS/CCK one: 1 to 33 Mb/s. */
static int
dsss(unsigned r)
{
	return r == 2 || r == 4 || r == 11 || r == 22 || r == 44 || r == 66;
}

/*
 * The PHY of the radio header's facts f (0: not known); without channel
 * flags, 802.11b when its rate r (500 kb/s units) is a DSSS/CCK one.
 */
static unsigned
phy(const struct st_field *const *f, unsigned r)
{
	uint64_t fl;

	if (f[RF_VHT] != NULL && f[RF_VHT]->val)
		return 8;
	if (f[RF_MCS] != NULL)
		return 7;
	if (f[RF_CHFLAGS] == NULL)
		return dsss(r) ? 4 : 0;
	fl = f[RF_CHFLAGS]->val;
	if (fl & 0x0020)
		return 4;
	if ((fl & 0x0040) && (fl & 0x0100))
		return 5;
	if ((fl & 0x0040) || (fl & 0x0400))
		return 6;
	if (fl & 0x0800)
		return 1;
	return 0;
}

/* Adds a generated text field from the text of field from. */
static void
text(struct st_dctx *d, unsigned i, const struct st_field *from)
{
	struct st_field *f;

	if (from != NULL && (f = st_dgen(d, &radio_fields[i], 0)) != NULL)
		f->meaning = from->meaning;
}

/* The signal-to-noise ratio of the signal and noise in dBm (texts). */
static void
snr(struct st_dctx *d, const struct st_field *sig, const struct st_field *nf)
{
	struct st_field *f;
	char buf[16];

	if (sig == NULL || nf == NULL || sig->meaning == NULL ||
	    nf->meaning == NULL)
		return;
	snprintf(buf, sizeof(buf), "%ld", strtol(sig->meaning, NULL, 10) -
	    strtol(nf->meaning, NULL, 10));
	if ((f = st_dgen(d, &radio_fields[W_SNR], 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
}

/* The rate of the radiotap rate field f in 500 kb/s units, or 0. */
static unsigned
rate(const struct st_packet *pkt, const struct st_field *f)
{
	const uint8_t *b;
	size_t n;

	if (f == NULL || (b = st_field_bytes(pkt, f, &n)) == NULL || n != 1)
		return 0;
	return b[0];
}

/*
 * The airtime in us of a frame of len bytes (FCS included) at r * 500 kb/s
 * on PHY p, and its preamble in *pre; 0 when not worked out.  spre: the
 * short preamble flag, -1 when the header does not say.
 */
static unsigned
airtime(unsigned p, unsigned r, size_t len, int spre, unsigned *pre)
{
	uint64_t bits;

	/* 802.11g at a DSSS/CCK rate (1, 2, 5.5, 11, 22, 33 Mb/s) is
	 * 802.11b on the air; a PHY not said is the rate's. */
	if ((p == 6 || p == 0) && dsss(r)) {
		p = 4;
		spre = -1;
	} else if (p == 0 && (r == 12 || r == 18 || r == 24 || r == 36 ||
	    r == 48 || r == 72 || r == 96 || r == 108))
		p = 5;
	if (p == 4) {
		*pre = spre == 0 ? 192 : 96;
		/* ceil(pre + 8 len / (r / 2)) = pre + ceil(16 len / r) */
		return *pre + (unsigned)((16 * (uint64_t)len + r - 1) / r);
	}
	if (p == 5 || p == 6) {
		*pre = 20;
		/* symbols of 4 us carrying r / 2 * 4 = 2 r bits */
		bits = 16 + 8 * (uint64_t)len + 6;
		return 20 + 4 * (unsigned)((bits + 2 * r - 1) / (2 * r));
	}
	return 0;
}

/* The timing facts: the frame's airtime, its start and end on the TSF. */
static void
timing(struct st_dctx *d, const struct st_field *const *f, unsigned p,
    size_t len)
{
	unsigned r = rate(d->pkt, f[RF_RATE]), pre = 0, dur;
	int spre = -1;

	if (f[RF_TSFT] != NULL)
		st_dgen(d, &radio_fields[W_TS], f[RF_TSFT]->val);
	if (r == 0)
		return;
	if (p == 4 && f[RF_FLAGS] != NULL)
		spre = (int)(f[RF_FLAGS]->val >> 1 & 1);
	if ((dur = airtime(p, r, len, spre, &pre)) == 0)
		return;
	st_dgen(d, &radio_fields[W_DUR], dur);
	st_dgen(d, &radio_fields[W_PRE], pre);
	if (f[RF_TSFT] != NULL && f[RF_TSFT]->val >= dur) {
		st_dgen(d, &radio_fields[W_START], f[RF_TSFT]->val - dur);
		st_dgen(d, &radio_fields[W_END], f[RF_TSFT]->val);
	}
}

static int
radio_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_field *f[RF_N] = { NULL };
	const struct st_layer *prev;
	const struct st_field *g;
	unsigned i, k, p;

	d->hdr = 0;
	d->next_key = ST_KEY_WLAN;
	d->next_val = ST_WLAN_FRAME;
	if (d->pkt->nlayers < 2)
		return ST_OK;
	/* The facts, from the radio header's own fields. */
	prev = &d->pkt->layers[d->pkt->nlayers - 2];
	for (i = 0; i < prev->nfields; i++) {
		g = &d->pkt->fields[prev->field0 + i];
		for (k = 0; k < RF_N; k++)
			/* The last of several (per antenna), as Wireshark;
			 * any VHT bit set. */
			if (g->desc == st_radiotap_facts[k] && (k != RF_VHT ||
			    f[k] == NULL || g->val))
				f[k] = g;
	}
	if (f[RF_FLAGS] != NULL && (f[RF_FLAGS]->val & 0x10))
		d->next_val = ST_WLAN_FRAME_FCS;
	if ((p = phy(f, rate(d->pkt, f[RF_RATE]))) != 0)
		st_dgen(d, &radio_fields[W_PHY], p);
	if (p == 4 && f[RF_FLAGS] != NULL)
		st_dgen(d, &radio_fields[W_SPRE], f[RF_FLAGS]->val >> 1 & 1);
	/* 802.11g from the channel flags: normal mode, or turbo (Super G) */
	if (p == 6 && f[RF_CHFLAGS] != NULL)
		st_dgen(d, &radio_fields[W_GMODE], f[RF_CHFLAGS]->val >> 4 & 1);
	text(d, W_RATE, f[RF_RATE]);
	if (f[RF_FREQ] != NULL) {
		if ((k = channel((unsigned)f[RF_FREQ]->val)) != 0)
			st_dgen(d, &radio_fields[W_CHAN], k);
		st_dgen(d, &radio_fields[W_FREQ], f[RF_FREQ]->val);
	}
	text(d, W_SIGDBM, f[RF_SIG]);
	text(d, W_NOISEDBM, f[RF_NOISE]);
	if (f[RF_DBSIG] != NULL)
		st_dgen(d, &radio_fields[W_SIGDB], f[RF_DBSIG]->val);
	if (f[RF_DBNOISE] != NULL)
		st_dgen(d, &radio_fields[W_NOISEDB], f[RF_DBNOISE]->val);
	/* The frame's length on the air, bytes the capture cut included. */
	snr(d, f[RF_SIG], f[RF_NOISE]);
	timing(d, f, p, st_cur_left(c) + (d->pkt->len > d->pkt->caplen ?
	    d->pkt->len - d->pkt->caplen : 0));
	return ST_OK;
}

static const struct st_bind radio_binds[] = {
	{ ST_KEY_WLAN, ST_WLAN_RADIO },
	{ ST_KEY_WLAN, ST_WLAN_RADIO_FCS },
};

const struct st_proto st_proto_wlan_radio = {
	.name = "wlan_radio",
	.ws = "wlan_radio",
	.title = "802.11 radio information",
	.rfc = "IEEE 802.11",
	.role = ST_ROLE_LINK,
	.fields = radio_fields,
	.nfields = NFIELDS(radio_fields),
	.decode = radio_decode,
	.binds = radio_binds,
	.nbinds = NFIELDS(radio_binds),
	.color = "\033[35m",
	.explain = "No bytes of its own: the radio facts of the header before, "
	    "said as for any radio header (the PHY it implies, rate, channel, "
	    "signal).",
};
