/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the 802.11 family's files say to each other through the registry
 * (key ST_KEY_WLAN): a radio header hands on an 802.11 frame with or
 * without its FCS, and the 802.11 header hands on a management body.
 */
#ifndef STRATA_PROTO_WLAN_H
#define STRATA_PROTO_WLAN_H

enum {
	ST_WLAN_FRAME = 1,	/* an 802.11 frame, no FCS at its end */
	ST_WLAN_FRAME_FCS,	/* an 802.11 frame ending in a 4-byte FCS */
	ST_WLAN_MGT,		/* a management frame's body */
	ST_WLAN_RADIO,		/* the radio facts of a radio header, then an
				   802.11 frame without FCS */
	ST_WLAN_RADIO_FCS	/* ... then one ending in its FCS */
};

/*
 * The radiotap fields the radio layer (wlan_radio.c) sums up, exported by
 * radiotap.c as handles: st_radiotap_facts[RF_*].
 */
enum {
	RF_FLAGS, RF_RATE, RF_FREQ, RF_CHFLAGS, RF_SIG, RF_NOISE, RF_DBSIG,
	RF_DBNOISE, RF_MCS, RF_VHT, RF_TSFT, RF_N
};

struct st_field_desc;
extern const struct st_field_desc *const st_radiotap_facts[RF_N];

/*
 * The row shape radiotap's flag words and 802.11's element bit fields
 * share: a part of a whole field, its mask in .def, w bits drawn (0: as
 * the reader works out), shown as detail.
 */
#define WLAN_PART(n, l, w, m, f) \
	{ .name = (n), .label = (l), .bits = (w), .fmt = (f), \
	  .flags = ST_DF_DETAIL, .def = (m) }

#endif
