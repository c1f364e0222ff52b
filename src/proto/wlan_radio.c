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
 */
#include <stdio.h>

#include "fields.h"
#include "wlan.h"

static const struct st_valname phy_names[] = {
	{ 1, "802.11 FHSS" }, { 4, "802.11b" }, { 5, "802.11a" },
	{ 6, "802.11g" }, { 7, "802.11n" }, { 8, "802.11ac" }, { 0, NULL }
};

enum {
	W_PHY, W_SPRE, W_RATE, W_CHAN, W_FREQ, W_SIGDBM, W_NOISEDBM, W_SIGDB,
	W_NOISEDB
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

/* The PHY of the radio header's facts f (0: not known). */
static unsigned
phy(const struct st_field *const *f)
{
	uint64_t fl;

	if (f[RF_VHT] != NULL && f[RF_VHT]->val)
		return 8;
	if (f[RF_MCS] != NULL)
		return 7;
	if (f[RF_CHFLAGS] == NULL)
		return 0;
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

static int
radio_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_field *f[RF_N] = { NULL };
	const struct st_layer *prev;
	const struct st_field *g;
	unsigned i, k, p;

	(void)c;
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
	if ((p = phy(f)) != 0)
		st_dgen(d, &radio_fields[W_PHY], p);
	if (p == 4 && f[RF_FLAGS] != NULL)
		st_dgen(d, &radio_fields[W_SPRE], f[RF_FLAGS]->val >> 1 & 1);
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
